"""``summarize archive``: build and look after a claim archive from the command line.

Adding commits every ``--chunk`` articles, so an interrupted or killed run keeps everything
committed before it and a rerun skips those articles as "unchanged".
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from summarize.claims.corpus import CorpusDoc, load_corpus
from summarize.errors import SummarizeError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INPUT, EXIT_MODEL, EXIT_PARTIAL = 0, 1, 2, 3, 4, 5
log = logging.getLogger("summarize.archive")

EPILOG = """\
examples:
  summarize archive add berita/ --db newsroom.db        every .txt under berita/ (id: its path)
  summarize archive add arsip.jsonl --db newsroom.db    one {"id", "text", "date"} per line
  summarize archive add ../shared/data/indosum/articles.jsonl --db newsroom.db
                                                        IndoSum's tokenised records work too
  cat baru.jsonl | summarize archive add - --db newsroom.db
  summarize archive add arsip.jsonl --db newsroom.db --ray
                                                        claims and vectors on a local Ray (or
                                                        --ray ADDRESS); one writer commits
  summarize archive remove ant-2024-0001 --db newsroom.db
  summarize archive stats --db newsroom.db --json
  summarize artikel.txt --check --archive newsroom.db   check an article against the archive

Adding is idempotent: an article already stored with the same id, text and date is left alone
("unchanged"); the same id with a new text or date replaces it ("replaced"). Articles that
cannot be read or parsed are reported and skipped; the rest of the batch is stored.

exit codes: 0 ok; 1 internal error; 2 usage; 3 an input path is missing or unreadable;
4 the encoder could not be loaded; 5 done, but some articles were skipped (see stderr)
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="summarize archive", description="A persistent archive of published "
                                "articles' numeric claims, to check new articles against.",
                                epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True, metavar="{add,remove,stats,refresh}")
    add = sub.add_parser("add", help="add articles (folders of .txt, JSONL files, IndoSum JSONL, - for JSONL on stdin)")
    add.add_argument("paths", nargs="+", metavar="PATH")
    add.add_argument("--source", help="the outlet to record for these articles (e.g. antara)")
    add.add_argument("--encoder", help="encoder for a new archive (default e5-small; an existing "
                     "archive keeps its own)")
    add.add_argument("--chunk", type=int, default=32, metavar="N", help="articles per commit (default 32)")
    add.add_argument("--ray", nargs="?", const="", default=None, metavar="ADDRESS",
                     help="prepare the articles (claims, vectors) on a Ray cluster, RAY_ADDRESS or a local "
                     "one; this process still writes, a chunk per commit (needs the 'ray' extra)")
    rm = sub.add_parser("remove", help="remove articles by id")
    rm.add_argument("ids", nargs="+", metavar="ID")
    st = sub.add_parser("stats", help="counts and sizes")
    rf = sub.add_parser("refresh", help="read every stored article again with this version's claim rules "
                        "(after an upgrade; the stored text is the source, nothing is lost)")
    rf.add_argument("--chunk", type=int, default=32, metavar="N", help="articles per commit (default 32)")
    for s in (add, rm, st, rf):
        s.add_argument("--db", required=True, metavar="DB", help="the archive file (created by add)")
        s.add_argument("--json", action="store_true", help="print a JSON record on stdout")
        s.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="summarize archive: %(message)s")
    if args.command in ("add", "refresh") and args.chunk < 1:
        print("summarize archive: --chunk must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    ray_build: Callable[..., dict[str, int]] | None = None
    if getattr(args, "ray", None) is not None:
        try:  # ray before summarize.archive: once usearch is loaded, ray.init aborts the process
            from summarize.distributed.archive import build_archive_on_ray as ray_build
        except ImportError:
            print("summarize archive: --ray needs the 'ray' extra (pip install 'summarize-id[ray]')", file=sys.stderr)
            return EXIT_USAGE
        except SummarizeError as exc:
            print(f"summarize archive: {exc}", file=sys.stderr)
            return exc.exit_code
    from summarize.archive.archive import Archive

    if args.command != "add" and not Path(args.db).is_file():
        print(f"summarize archive: no archive at {args.db} (create one with `summarize archive add`)", file=sys.stderr)
        return EXIT_INPUT
    try:
        archive = Archive(args.db, encoder=getattr(args, "encoder", None))
    except ValueError as exc:
        print(f"summarize archive: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except Exception as exc:  # sqlite3.DatabaseError: not a database, locked, unwritable
        print(f"summarize archive: cannot open {args.db}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    try:
        if args.command == "add":
            return _add(archive, args, ray_build)
        if args.command == "remove":
            return _remove(archive, args)
        if args.command == "refresh":
            from summarize.archive.refresh import refresh

            _emit(refresh(archive, chunk=args.chunk, progress=not args.quiet), args.json)
            return EXIT_OK if not archive.skipped else EXIT_PARTIAL
        _emit(archive.stats(), args.json)
        return EXIT_OK
    except SummarizeError as exc:
        print(f"summarize archive: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("summarize archive: interrupted; every committed chunk is kept", file=sys.stderr)
        return 130
    finally:
        archive.close()


def _emit(record: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(record, ensure_ascii=False))
    else:
        for key, value in record.items():
            print(f"{key}: {value}")


def _remove(archive, args) -> int:
    gone = {i: archive.remove(i) for i in args.ids}
    for i, ok in gone.items():
        if not ok:
            print(f"summarize archive: no article {i!r} in {args.db}", file=sys.stderr)
    _emit({"removed": [i for i, ok in gone.items() if ok], "missing": [i for i, ok in gone.items() if not ok]}, args.json)
    return EXIT_OK if all(gone.values()) else EXIT_INPUT


def _read(paths: Iterable[str], problems: list[tuple[str, str]]) -> Iterator[CorpusDoc]:
    for path in paths:
        try:
            if _is_indosum(path):
                yield from _indosum(path)
                continue
            docs, skipped = load_corpus(_stdin_items(problems) if path == "-" else path)
        except (FileNotFoundError, OSError, ValueError, KeyError) as exc:
            problems.append((path, str(exc)))
            continue
        problems += skipped
        yield from docs


def _is_indosum(path: str) -> bool:
    """A JSONL file in IndoSum's shape (tokenised "paragraphs", no "text"), as in ../shared/data."""
    if not path.endswith(".jsonl") or not Path(path).is_file():
        return False
    with open(path, encoding="utf-8") as fh:
        first = fh.readline()
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and "paragraphs" in record and "text" not in record


def _indosum(path: str) -> Iterator[CorpusDoc]:
    from summarize.evaluation.indosum import load_articles

    for article in load_articles(path):
        yield CorpusDoc(article.id, article.raw_text)


def _stdin_items(problems: list[tuple[str, str]]) -> list:
    """The JSON records of stdin's lines; a line that is not JSON is a problem, not a stop."""
    items = []
    for n, line in enumerate(sys.stdin, 1):
        try:
            if line.strip():
                items.append(json.loads(line))
        except json.JSONDecodeError as exc:
            problems.append((f"<stdin>:{n}", f"bad JSON: {exc.msg}"))
    return items


def _add(archive, args, ray_build: Callable[..., dict[str, int]] | None = None) -> int:
    problems: list[tuple[str, str]] = []
    docs = list(_read(args.paths, problems))
    missing_path = any(p == path for p, _ in problems for path in args.paths)
    if ray_build is not None:
        counts = ray_build(archive, docs, source=args.source, address=args.ray or None, chunk=args.chunk,
                           progress=not args.quiet)
    else:
        counts = _add_here(archive, docs, args)
    problems += archive.skipped
    for source, reason in problems:
        print(f"summarize archive: skipped {source}: {reason}", file=sys.stderr)
    record = {**counts, "skipped": len(problems), "problems": [{"source": s, "reason": r} for s, r in problems],
              "articles": len(archive)}
    if args.json:
        _emit(record, True)
    elif not args.quiet:
        print(", ".join(f"{k} {v}" for k, v in record.items() if k != "problems"), file=sys.stderr)
    if missing_path:
        return EXIT_INPUT
    return EXIT_PARTIAL if problems else EXIT_OK


def _add_here(archive, docs: list[CorpusDoc], args) -> dict[str, int]:
    from tqdm import tqdm

    counts = dict.fromkeys(("added", "unchanged", "replaced", "skipped"), 0)
    with tqdm(total=len(docs), desc="archiving", unit="article", disable=args.quiet) as bar:
        for start in range(0, len(docs), args.chunk):
            chunk = docs[start : start + args.chunk]
            prepared = [archive.prepare(d.id, d.text, d.date, args.source) for d in chunk]
            for status in _write(archive, prepared):
                counts[status] += 1
            bar.update(len(chunk))
    return counts


def _write(archive, prepared) -> list[str]:
    """One transaction for the chunk; if it fails, article by article so one bad record costs
    only itself."""
    try:
        return archive.write(prepared)
    except Exception as exc:
        log.warning("chunk failed (%s); writing its articles one by one", exc)
    out = []
    for p in prepared:
        try:
            out += archive.write([p])
        except Exception as exc:
            archive.skipped.append((p.id, f"not stored: {exc}"))
            out.append("skipped")
    return out
