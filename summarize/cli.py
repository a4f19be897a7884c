"""The ``summarize`` command: argument parsing and printing only; the work is in the package."""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import warnings
from pathlib import Path

from summarize.cli_hooks import SUBCOMMANDS, optional_module, run_subcommand
from summarize.encoders.base import DEFAULT_ENCODER
from summarize.errors import InputError, SummarizeError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INPUT, EXIT_MODEL, EXIT_PARTIAL = 0, 1, 2, 3, 4, 5

EPILOG = """\
examples:
  summarize artikel.txt                      3 sentences, one per line
  summarize artikel.txt -k 5 --json          machine-readable, with offsets and scores
  cat artikel.txt | summarize - --ratio 0.2  a fifth of the sentences, from stdin
  summarize --input-jsonl in.jsonl --output-jsonl out.jsonl
                                             one {"id", "text"} per line in; one record per
                                             line out, same order, each with its input "line";
                                             bad lines become {"id", "line", "error"}; blank
                                             lines are not records. OUT is replaced only when
                                             the batch is done; Ctrl-C keeps OUT.partial
  summarize --input-jsonl in.jsonl --output-jsonl out.jsonl --resume
                                             skip ids that already have a summary in OUT or
                                             OUT.partial; the rest are processed
  summarize artikel.txt --check --corpus arsip/
                                             also check the article's numbers against a corpus
                                             (folder of .txt files, or JSONL with id, text, date);
                                             --corpus alone implies --check
  summarize archive --help                   a persistent archive of articles to check against
  summarize serve --help                     the HTTP service and its page
  summarize artikel.txt --encoder indobenchmark/indobert-base-p1
                                             any Hugging Face model id or local directory

exit codes:
  0  success
  1  unexpected internal error (please report it)
  2  bad command-line usage, or an optional part whose extra is not installed
  3  bad input (missing file, directory, binary data, not UTF-8, empty text), or output
     that cannot be written (full disk, no permission)
  4  a model could not be loaded (e.g. not in the local cache while offline)
  5  batch finished, but some lines had errors (see stderr and their "error" fields)
  130  interrupted (Ctrl-C); a batch keeps its finished lines in OUT.partial
  141  stdout was closed early (e.g. | head): output stops quietly
"""



def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="summarize",
        description="Extractive summaries of Indonesian news articles: picks the sentences that best "
        "represent the article, without redundancy, in article order. Works offline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", nargs="?", help="article as a UTF-8 text file, or - for stdin")
    length = p.add_mutually_exclusive_group()
    length.add_argument("-k", "--sentences", type=int, metavar="N", help="number of sentences (default 3)")
    length.add_argument("--ratio", type=float, metavar="R", help="fraction of the article's sentences, 0 < R <= 1")
    length.add_argument("--max-words", type=int, metavar="W", help="word budget for the whole summary")
    length.add_argument("--adaptive", action="store_true", help="let the length follow the article: sentences "
                        "in rank order while they bring the summary closer to the length the learned ranker "
                        "saw in training (58 words for the shipped heads)")
    p.add_argument("--encoder", default=DEFAULT_ENCODER, help=f"sentence encoder: {DEFAULT_ENCODER} (default: "
                   "e5-small cut to 6 layers and fine-tuned on IndoSum, reading each article's first 10 "
                   "sentences together), e5-small-id-ft (the same, each sentence alone), e5-small (the bundled "
                   "12 layers, frozen), or a Hugging Face model id / local directory; claims always use "
                   "e5-small unless this is a Hugging Face model")
    p.add_argument("--ranker", default=None, help="sentence ranker (default: the learned one); "
                   "see --list for the choices")
    p.add_argument("--diversity", type=float, default=None, metavar="D",
                   help="MMR redundancy penalty, 0..1: 0 ranks by score alone, 1 only avoids repetition "
                   "(default: what the learned head chose on its held-out articles, 0 for the default encoder; "
                   "else 0.2)")
    p.add_argument("--json", action="store_true", help="print JSON instead of plain text")
    p.add_argument("--html-input", action="store_true", help="the article is an HTML page: summarize the "
                   "text trafilatura extracts from it (automatic for .html/.htm files and text that opens "
                   "with an HTML tag; needs the 'html' extra); offsets then index \"extracted_text\"")
    p.add_argument("--html", metavar="PATH", help="also write a readable HTML report of the summary "
                   "(and claim verdicts) to PATH (needs the 'serve' extra)")
    batch = p.add_argument_group("batch")
    batch.add_argument("--input-jsonl", metavar="IN", help="batch input: one {\"id\", \"text\"[, \"date\"]} "
                       "object per line (- for stdin)")
    batch.add_argument("--output-jsonl", metavar="OUT", help="batch output (default: stdout); must not be IN")
    batch.add_argument("--resume", action="store_true", help="reuse the summaries already in OUT (or "
                       "OUT.partial after Ctrl-C), matched by id; only the other lines are processed")
    batch.add_argument("--ray", nargs="?", const="", default=None, metavar="ADDRESS",
                       help="run the batch on a Ray cluster (default: a local one; needs the 'ray' extra)")
    claims = p.add_argument_group("claim check")
    claims.add_argument("--check", action="store_true", help="also check the article's numeric claims")
    source = claims.add_mutually_exclusive_group()
    source.add_argument("--corpus", metavar="PATH", help="folder of .txt files or a JSONL file to check "
                        "against (implies --check)")
    source.add_argument("--archive", metavar="DB", help="an archive built with `summarize archive` to "
                        "check against (implies --check)")
    p.add_argument("--list", action="store_true", help="list the registered encoders and rankers, then exit")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(format="summarize: %(message)s", level=logging.WARNING, stream=sys.stderr)
    warnings.showwarning = _show_warning
    try:
        if argv and argv[0] in SUBCOMMANDS:
            return run_subcommand(argv[0], argv[1:])
        parser = build_parser()
        args = parser.parse_args(argv)
        code = _dispatch(parser, args)
        sys.stdout.flush()
        return code
    except SummarizeError as exc:
        print(f"summarize: {exc}", file=sys.stderr)
        return exc.exit_code
    except ValueError as exc:  # option values the library rejects (k < 1, ratio > 1, ...)
        print(f"summarize: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("summarize: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _drop_stdout()
        return 141
    except OSError as exc:  # stdout on a full disk, a file that vanished mid-run
        if exc.filename is None:
            _drop_stdout()
        where = exc.filename or "stdout"
        print(f"summarize: {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INPUT


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ARG001
    print(f"summarize: warning: {message}", file=sys.stderr)


def _drop_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.list:
        from summarize.encoders import available_encoders
        from summarize.rankers import available_rankers

        print("encoders:", ", ".join(available_encoders()), "(or any Hugging Face model id / local directory)")
        print("rankers: ", ", ".join(available_rankers()))
        return EXIT_OK
    args.check = args.check or bool(args.corpus or args.archive)
    if args.check and not (args.corpus or args.archive):
        parser.error("--check needs --corpus PATH or --archive DB")
    if bool(args.file) == bool(args.input_jsonl):
        parser.error("give one article FILE (or -), or --input-jsonl IN")
    if args.input_jsonl is None:
        for flag, value in (("--output-jsonl", args.output_jsonl), ("--resume", args.resume), ("--ray", args.ray)):
            if value not in (None, False):
                parser.error(f"{flag} goes with --input-jsonl")
    elif args.html or args.json or args.html_input:
        parser.error("--html, --html-input and --json are for one article; a batch writes JSON lines "
                     "and detects HTML texts by their opening tag")
    if args.corpus and not Path(args.corpus).exists():
        raise InputError(f"{args.corpus}: no such file or directory (--corpus)")
    spec = _spec(args)
    if args.input_jsonl:
        from summarize.cli_batch import run_batch_command

        return run_batch_command(args, spec)
    return _single(args, spec)


def _spec(args: argparse.Namespace):
    from summarize.batch import BatchSpec

    length = {"k": args.sentences, "ratio": args.ratio, "max_words": args.max_words, "adaptive": args.adaptive}
    return BatchSpec(encoder=args.encoder, ranker=args.ranker, diversity=args.diversity, length=length,
                     check=args.check, corpus=args.corpus, archive=args.archive)


def _single(args: argparse.Namespace, spec) -> int:
    from summarize.batch import article_record
    from summarize.html_input import HTML_SUFFIXES, extract_text, looks_like_html
    from summarize.io import read_text

    report = optional_module("summarize.service.report", "--html", "serve") if args.html else None
    summarizer = spec.summarizer()
    checker = spec.checker(progress=not args.quiet)
    text = read_text(args.file)
    html = args.html_input or str(args.file).lower().endswith(HTML_SUFFIXES) or looks_like_html(text)
    if html:
        text = extract_text(text, args.file)
    summary = summarizer.summarize(text, **spec.length)
    results = checker.check(text, sentences=summary.split or None) if checker else None
    if report is not None:
        report.write_report(args.html, text=text, summary=summary, results=results)
    if args.json:
        print(json.dumps(article_record(summary, results, text if html else None), ensure_ascii=False, indent=2))
    else:
        for sent in summary.sentences:
            print(sent.text)
        if results is not None:
            _print_claims(results, summary)
    return EXIT_OK


def _print_claims(results, summary) -> None:
    from summarize.batch import in_summary

    print()
    print(f"{'':2}{'claim':<28}{'verdict':<12}evidence")
    for r in results:
        mark = "*" if in_summary(r, summary) else " "
        ev = f"[{r.deciding.source}] {r.deciding.sentence}" if r.deciding else "-"
        print(f"{mark:2}{r.claim.surface[:27]:<28}{r.verdict:<12}{ev}")
    print("(* = the claim is in a summary sentence)")


if __name__ == "__main__":
    sys.exit(main())
