"""The ``summarize`` command: argument parsing and printing only; the work is in the package."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

from summarize.errors import InputError, SummarizeError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INPUT, EXIT_MODEL, EXIT_PARTIAL = 0, 1, 2, 3, 4, 5

EPILOG = """\
examples:
  summarize artikel.txt                      3 sentences, one per line
  summarize artikel.txt -k 5 --json          machine-readable, with offsets and scores
  cat artikel.txt | summarize - --ratio 0.2  a fifth of the sentences, from stdin
  summarize --input-jsonl in.jsonl --output-jsonl out.jsonl
                                             one {"id", "text"} per line in; one summary per
                                             line out, same order; bad lines become {"id", "error"}
  summarize artikel.txt --check --corpus arsip/
                                             also check the article's numbers against a corpus
                                             (folder of .txt files, or JSONL with id, text, date)
  summarize artikel.txt --encoder indobenchmark/indobert-base-p1
                                             any Hugging Face model id or local directory

exit codes:
  0  success
  1  unexpected internal error (please report it)
  2  bad command-line usage
  3  bad input: missing file, directory, binary data, not UTF-8, empty text
  4  a model could not be loaded (e.g. not in the local cache while offline)
  5  batch finished, but some lines had errors (see stderr and their "error" fields)
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
                        "saw in training (58 words for the shipped e5-small head)")
    p.add_argument("--encoder", default="e5-small", help="sentence encoder: e5-small (default, bundled), "
                   "or a Hugging Face model id / local directory")
    p.add_argument("--ranker", default=None, help="sentence ranker (default: the learned one); "
                   "see --list for the choices")
    p.add_argument("--diversity", type=float, default=None, metavar="D",
                   help="MMR redundancy penalty: 0 ranks by score alone, 1 only avoids repetition")
    p.add_argument("--json", action="store_true", help="print JSON instead of plain text")
    p.add_argument("--input-jsonl", metavar="IN", help="batch input: one {\"id\", \"text\"} object per line")
    p.add_argument("--output-jsonl", metavar="OUT", help="batch output (default: stdout)")
    p.add_argument("--check", action="store_true", help="also check the article's numeric claims")
    p.add_argument("--corpus", metavar="PATH", help="with --check: folder of .txt files or a JSONL file")
    p.add_argument("--list", action="store_true", help="list the registered encoders and rankers, then exit")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(format="summarize: %(message)s", level=logging.WARNING, stream=sys.stderr)
    try:
        return _dispatch(parser, args)
    except SummarizeError as exc:
        print(f"summarize: {exc}", file=sys.stderr)
        return exc.exit_code
    except ValueError as exc:  # option values the library rejects (k < 1, ratio > 1, ...)
        print(f"summarize: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from summarize.encoders import available_encoders
    from summarize.rankers import available_rankers

    if args.list:
        print("encoders:", ", ".join(available_encoders()), "(or any Hugging Face model id / local directory)")
        print("rankers: ", ", ".join(available_rankers()))
        return EXIT_OK
    if args.check and not args.corpus:
        parser.error("--check needs --corpus PATH")
    if bool(args.file) == bool(args.input_jsonl):
        parser.error("give one article FILE (or -), or --input-jsonl IN")
    length = {"k": args.sentences, "ratio": args.ratio, "max_words": args.max_words, "adaptive": args.adaptive}
    summarizer = _summarizer(args)
    summarizer.length(**length)  # reject impossible options (e.g. --adaptive without a learned length) up front
    checker = _checker(args)
    if args.input_jsonl:
        return _batch(args, summarizer, checker, length)
    from summarize.io import read_text

    text = read_text(args.file)
    summary = summarizer.summarize(text, **length)
    results = checker.check(text) if checker else None
    if args.json:
        out: dict[str, Any] = summary.to_dict()
        if results is not None:
            out["claims"] = [_claim_record(r, summary) for r in results]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for sent in summary.sentences:
            print(sent.text)
        if results is not None:
            _print_claims(results, summary)
    return EXIT_OK


def _summarizer(args: argparse.Namespace):
    from summarize.summarizer import Summarizer

    kwargs: dict[str, Any] = {"encoder": args.encoder, "ranker": args.ranker}
    if args.diversity is not None:
        kwargs["diversity"] = args.diversity
    return Summarizer(**kwargs)


def _checker(args: argparse.Namespace):
    if not args.check:
        return None
    from summarize.claims import ClaimChecker

    return ClaimChecker(corpus=args.corpus, encoder=args.encoder, progress=not args.quiet)


def _in_summary(result, summary) -> bool:
    return any(s.start <= result.claim.start < s.end for s in summary.sentences)


def _claim_record(result, summary) -> dict[str, Any]:
    return {**result.to_dict(), "in_summary": _in_summary(result, summary)}


def _print_claims(results, summary) -> None:
    print()
    print(f"{'':2}{'claim':<28}{'verdict':<12}evidence")
    for r in results:
        mark = "*" if _in_summary(r, summary) else " "
        ev = f"[{r.deciding.source}] {r.deciding.sentence}" if r.deciding else "-"
        print(f"{mark:2}{r.claim.surface[:27]:<28}{r.verdict:<12}{ev}")
    print("(* = the claim is in a summary sentence)")


def _batch(args: argparse.Namespace, summarizer, checker, length: dict[str, Any]) -> int:
    from summarize.batch import run_batch
    from summarize.io import read_jsonl

    extra = None
    if checker is not None:
        def extra(item, summary):
            return {"claims": [_claim_record(r, summary) for r in checker.check(item.text, date=item.date)]}

    items = list(read_jsonl(args.input_jsonl))
    if args.output_jsonl:
        try:
            out = open(args.output_jsonl, "w", encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{args.output_jsonl}: cannot be written ({exc.strerror})") from None
    else:
        out = sys.stdout
    try:
        ok, failed = run_batch(summarizer, items, out, length, extra, total=len(items),
                               progress=not args.quiet)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"summarize: {ok} summarized, {failed} failed", file=sys.stderr)
    return EXIT_PARTIAL if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
