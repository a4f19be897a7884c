"""Scale benchmark of the claim archive: 1k, 10k and 100k articles (not a unit test).

    nice -n 5 python -m eval.bench_archive       # writes eval/results/archive_bench.json and .md
    ... --keep eval/cache/archive-bench/kept      # also keeps each size's archive (~2.6 GB in all)
    ... --reuse eval/cache/archive-bench/kept     # checks those again without building (minutes)

The archive grows in one run: first the 2,437 IndoSum articles, then copies of them under new
ids with every claim's value scaled by a random factor (0.8 to 1.25) and each sentence vector
moved by Gaussian noise (cosine about 0.9 to the original), until 100,000 articles. At 1k, 10k
and 100k it records the build time so far, then runs a separate *checking process* (as the
service or ``summarize --check --archive`` would) that opens the archive, loads e5-small, and
checks 30 IndoSum articles: the lookup part of a check is everything after embedding the
article's own claim sentences (store search, evidence, verdicts); its peak RSS is reported.
Adding one article is timed as one ``write`` transaction (the part beyond embedding), with
claim extraction timed apart. At 1k and 10k the same queries are also checked against the
in-memory corpus index over the same articles (agreement of verdicts).

Vectors: embedding the ~8,000 claim sentences with e5-small did not fit in the session on this
shared machine (other helpers' jobs kept it loaded), so every vector comes from ``WordHashEncoder``:
384 dimensions like e5-small, each word a fixed random direction, a sentence the normalised sum
of its words. No figure below includes embedding time, so only the neighbour structure differs
from e5's; the checking process still loads e5-small so that its RSS is a real one.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from eval.bench_archive_data import CpuTimedEncoder, WordHashEncoder, claims_of, copy_article, prepared, stream
from eval.bench_archive_report import report, write_results
from summarize.archive import Archive, PreparedArticle
from summarize.claims.checker import ClaimChecker
from summarize.claims.corpus import CorpusDoc
from summarize.claims.index import ClaimIndex
from summarize.claims.types import Claim
from summarize.encoders.base import Encoder

RESULTS = Path(__file__).parent / "results"
SIZES = (1_000, 10_000, 100_000)
N_QUERIES, N_ADD_ONE, CHUNK = 30, 20, 500


def _in_memory(articles: list[PreparedArticle], encoder: Encoder) -> ClaimIndex:
    """The in-memory corpus index over the same articles, claims and vectors (the index embeds
    its sentences itself, which would drop the copies' noise, so its vectors are replaced)."""
    by_text = {p.text: claims_of(p) for p in articles}
    docs = [CorpusDoc(p.id, p.text, p.date) for p in articles]
    index = ClaimIndex.build(docs, encoder, lambda text, date=None: by_text[text])
    index.embeddings = np.vstack([p.vectors for p in articles if p.sentences])
    assert len(index.embeddings) == len(index.sentences)
    return index


def check_process(db: str, queries_path: str) -> dict:
    """Run in its own process: open the archive, load e5-small, check the queries."""
    from summarize.encoders.base import get_encoder

    queries = [json.loads(line) for line in Path(queries_path).read_text(encoding="utf-8").splitlines()]
    timed = CpuTimedEncoder(WordHashEncoder())
    start = time.perf_counter()
    archive = Archive(db, encoder=timed.inner)
    open_s = time.perf_counter() - start
    get_encoder("e5-small").encode(["memuat model"])  # what a real checking process holds
    checker = ClaimChecker(store=archive, encoder=timed)
    search, search_cpu, hits = archive.search, [0.0], []

    def timed_search(*args, **kwargs):  # the store's share of the lookup (the rest: matching, verdicts)
        start = time.process_time()
        try:
            found = search(*args, **kwargs)
        finally:
            search_cpu[0] += time.process_time() - start
        hits.append([{h.sentence for h in row} for row in found])
        return found

    archive.search = timed_search  # type: ignore[method-assign]
    lookups, cpu, store_cpu, verdicts = [], [], [], []
    for q in queries:
        claims = [Claim.from_dict(c) for c in q["claims"]]
        timed.seconds = timed.cpu_seconds = search_cpu[0] = 0.0
        start, start_cpu = time.perf_counter(), time.process_time()
        results = checker.check_claims(claims, text=q["text"])
        lookups.append(time.perf_counter() - start - timed.seconds)
        cpu.append(time.process_time() - start_cpu - timed.cpu_seconds)
        store_cpu.append(search_cpu[0])
        verdicts.append([r.verdict for r in results])
    # The same queries without the postings budget (search.py): how much of the top k it keeps.
    budgeted, archive.postings_budget = list(hits), None
    hits.clear()
    unbounded = [[r.verdict for r in checker.check_claims([Claim.from_dict(c) for c in q["claims"]], text=q["text"])]
                 for q in queries]
    kept = sum(len(a & b) for x, y in zip(budgeted, hits) for a, b in zip(x, y)) / max(1, sum(len(b) for y in hits for b in y))
    same = sum(a == b for x, y in zip(verdicts, unbounded) for a, b in zip(x, y))
    return {"budget_hits_kept": round(kept, 4), "budget_verdicts_equal": f"{same}/{sum(map(len, verdicts))}",
            "open_s": round(open_s, 3), "lookup_ms": [round(t * 1000, 2) for t in lookups],
            "lookup_cpu_ms": [round(t * 1000, 2) for t in cpu], "search_cpu_ms": [round(t * 1000, 2) for t in store_cpu],
            "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "verdicts": verdicts}


def _checking_process(db: Path, queries: Path) -> dict:
    cmd = [sys.executable, "-m", "eval.bench_archive", "--check-process", str(db), str(queries)]
    done = subprocess.run(cmd, cwd=Path(__file__).parents[1], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _add_one(archive: Archive, originals: list[PreparedArticle]) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of one ``write`` transaction per article (new ids; removed after)."""
    times, cpu = [], []
    for i in range(N_ADD_ONE):
        p = replace(copy_article(originals[i], 999, i), id=f"add-one-{i}")
        start, start_cpu = time.perf_counter(), time.process_time()
        archive.write([p])
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    for i in range(N_ADD_ONE):
        archive.remove(f"add-one-{i}")
    return times, cpu


def _ms(seconds: list[float]) -> dict:
    ms = sorted(1000 * s for s in seconds)
    return {"mean": round(statistics.mean(ms), 2), "p50": round(ms[len(ms) // 2], 2),
            "p95": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 2), "max": round(ms[-1], 2)}


def _build(sizes: Sequence[int], workdir: Path, originals: list[PreparedArticle],
           keep: Path | None) -> Iterator[tuple[Path, dict]]:
    """Grow one archive through ``sizes``; yields (database, build figures) at each size. With
    ``keep``, a copy of the database (and its vector index) and the figures stay in ``keep/N``."""
    encoder, db = WordHashEncoder(), workdir / "bench.db"
    archive, built, build_s = Archive(db, encoder=encoder), 0, 0.0
    for size in sizes:
        start = time.perf_counter()
        for lo in range(built, size, CHUNK):
            archive.write(list(stream(originals, lo, min(lo + CHUNK, size))))
        segment_s = time.perf_counter() - start
        build_s, previous, built = build_s + segment_s, built, size
        add_one, add_one_cpu = _add_one(archive, originals)
        stats = archive.stats()
        archive.close()
        print(f"{size}: built in {build_s:.0f} s; checking", file=sys.stderr, flush=True)
        row = {"articles": stats["articles"], "sentences": stats["sentences"], "claims": stats["claims"],
               "bytes_on_disk": stats["bytes"], "build_s_total": round(build_s, 1),
               "build_ms_per_article_this_step": round(1000 * segment_s / (size - previous), 2),
               "add_one_write_ms": _ms(add_one), "add_one_write_cpu_ms": _ms(add_one_cpu)}
        if keep is not None:
            (keep / str(size)).mkdir(parents=True, exist_ok=True)
            for f in workdir.glob("bench.db*"):
                shutil.copyfile(f, keep / str(size) / f.name)
            (keep / str(size) / "build.json").write_text(json.dumps(row, indent=2) + "\n", encoding="utf-8")
        yield db, row
        archive = Archive(db, encoder=encoder)
    archive.close()


def _kept(sizes: Sequence[int], reuse: Path) -> Iterator[tuple[Path, dict]]:
    """The databases and build figures a ``--keep`` run left in ``reuse`` (built by that run)."""
    for size in sizes:
        build = reuse / str(size) / "build.json"
        if not build.exists():
            raise SystemExit(f"bench_archive: no kept archive of {size} articles in {reuse} (run with --keep first)")
        yield reuse / str(size) / "bench.db", json.loads(build.read_text(encoding="utf-8"))


def bench(sizes: Sequence[int], workdir: Path, limit: int | None = None, out: Path | None = None,
          keep: Path | None = None, reuse: Path | None = None) -> dict:
    encoder = WordHashEncoder()
    originals, prepare_s = prepared(encoder, limit)
    picks = np.linspace(0, len(originals) - 1, N_QUERIES * 2).astype(int)
    queries = [originals[i] for i in picks if originals[i].sentences][:N_QUERIES]
    queries_path = workdir / "queries.jsonl"
    queries_path.write_text("".join(json.dumps({"text": q.text, "claims": [c.to_dict() for c in claims_of(q)]},
                                               ensure_ascii=False) + "\n" for q in queries), encoding="utf-8")
    rows = []
    steps = _kept(sizes, reuse) if reuse is not None else _build(sizes, workdir, originals, keep)
    for db, row in steps:
        load = os.getloadavg()[0]
        check = _checking_process(db, queries_path)
        row = {**row, "load_average_1min_at_check": round((load + os.getloadavg()[0]) / 2, 2), "open_s": check["open_s"], "lookup_ms_per_article": _ms([t / 1000 for t in check["lookup_ms"]]),
               "lookup_cpu_ms_per_article": _ms([t / 1000 for t in check["lookup_cpu_ms"]]),
               "store_search_cpu_ms_per_article": _ms([t / 1000 for t in check["search_cpu_ms"]]),
               "postings_budget_vs_none": {"top_k_hits_kept": check["budget_hits_kept"],
                                           "verdicts_equal": check["budget_verdicts_equal"]},
               "checking_process_peak_rss_mib": round(check["peak_rss_bytes"] / 2**20, 1)}
        if row["articles"] <= 10_000:
            size = row["articles"]
            memory = ClaimChecker(store=_in_memory(list(stream(originals, 0, size)), encoder), encoder=encoder)
            mine = [[r.verdict for r in memory.check_claims(claims_of(q), text=q.text)] for q in queries]
            pairs = [(a, b) for x, y in zip(mine, check["verdicts"]) for a, b in zip(x, y)]
            row["verdicts_equal_to_in_memory_index"] = f"{sum(a == b for a, b in pairs)}/{len(pairs)}"
        row["verdicts"] = {v: sum(x.count(v) for x in check["verdicts"]) for v in ("consistent", "conflict", "unverified")}
        rows.append(row)
        if out is not None:  # after every size, so a run cut short still leaves its figures
            write_results(_result(rows, len(queries), prepare_s, reuse), out)
    return _result(rows, len(queries), prepare_s, reuse)


def _result(rows: list[dict], n_queries: int, prepare_s: list[float], reuse: Path | None) -> dict:
    base = rows[0]["lookup_ms_per_article"]["mean"]
    for row in rows:
        row["lookup_ratio_to_smallest"] = round(row["lookup_ms_per_article"]["mean"] / base, 2)
    return {
        "command": "nice -n 5 python -m eval.bench_archive" + "".join(f" {a}" for a in sys.argv[1:]),
        "encoder": f"{WordHashEncoder.name} (stands in for e5-small; see the script's docstring)",
        "archives": f"kept by an earlier --keep run in {reuse} (build and add-one figures are that run's)" if reuse
                    else "built in this run",
        "queries": n_queries, "add_one_samples": N_ADD_ONE, "chunk": CHUNK,
        "prepare_minus_embedding_cpu_ms_per_article": _ms(prepare_s),
        "targets": {"lookup_ms_per_article": 100, "checking_process_rss_mib": 1024, "add_one_beyond_embedding_ms": 20},
        "sizes": rows,
        "load_average_1min_at_end": round(os.getloadavg()[0], 2),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--articles", type=int, help="use only the first N IndoSum articles (a quick run)")
    parser.add_argument("--out", default=str(RESULTS / "archive_bench.json"))
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep a copy of the archive at each size in DIR/N")
    parser.add_argument("--reuse", type=Path, metavar="DIR",
                        help="check the archives a --keep run left in DIR instead of building them")
    parser.add_argument("--check-process", nargs=2, metavar=("DB", "QUERIES"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.check_process:
        print(json.dumps(check_process(*args.check_process)))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as tmp:
        result = bench(sorted(args.sizes), Path(tmp), args.articles, Path(args.out), args.keep, args.reuse)
    write_results(result, Path(args.out))
    print(report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
