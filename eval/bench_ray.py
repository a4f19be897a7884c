"""Ray batch throughput against the local batch, from one run (issue 15; not a unit test).

    nice -n 5 python -m eval.bench_ray --n 48     # writes eval/results/ray_bench.json and .md

The first N IndoSum articles (``{"id", "text"}`` lines, k=3) are summarized four ways in one
process, one after the other, on this machine's 2 cores:

* ``local``: the local batch (``summarize.batch.local_records``), models loaded in-process; the
  encoder's OpenMP threads use both cores;
* ``ray-1``: ``run_ray_batch`` with 1 worker holding 2 CPUs (2 encoder threads);
* ``ray-2``: ``run_ray_batch`` with 2 workers of 1 CPU each (1 thread each);
* ``echo``: the same Ray Data pass (2 workers) with a worker that returns its input untouched:
  Ray's own cost per article (actor start, scheduling, pickling, object-store transfer) without
  any model work.

Ray runs include their workers' start-up (process, imports, model load), as a job would. The
records of ``ray-1`` and ``ray-2`` are compared with the local ones. Ratios are throughput
ratios against ``local`` from the same run. The machine is shared with other jobs (load average
recorded), so absolute times are slow and noisy; CPU seconds of the local run (its process's
CPU time, all threads) are the contention-robust cost the 1-million-article estimate uses.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import sys
import time
from pathlib import Path
from typing import Any

from summarize.batch import BatchSpec, local_records
from summarize.distributed.mapping import PickledWorker, ordered_map

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "indosum" / "articles.jsonl"
OUT = Path(__file__).resolve().parent / "results" / "ray_bench"
NODES = (1, 4, 16, 64)
CORES_PER_NODE = 16


class EchoWorker(PickledWorker):
    """Ray's overhead alone: the items go there and back, no model is loaded."""

    def apply(self, items: list[Any]) -> list[Any]:
        return items


def _lines(n: int) -> list[tuple[int, bytes]]:
    from summarize.evaluation.indosum import load_articles

    arts = load_articles(DATA, limit=n)
    return [(i, json.dumps({"id": a.id, "text": a.raw_text}, ensure_ascii=False).encode()) for i, a in enumerate(arts, 1)]


def _dump(records: list[dict[str, Any]]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


def _ray_run(spec: BatchSpec, lines, workers: int, cpus: float, batch_size: int) -> tuple[dict[str, Any], list[str]]:
    from summarize.distributed import run_ray_batch

    start = time.perf_counter()
    first, records = None, []
    for rec in run_ray_batch(spec, lines, concurrency=workers, num_cpus=cpus, batch_size=batch_size, progress=False):
        first = first if first is not None else time.perf_counter() - start
        records.append(rec)
    wall = time.perf_counter() - start
    return {"workers": workers, "cpus_per_worker": cpus, "wall_s": round(wall, 2),
            "first_record_s": round(first or 0.0, 2), "articles_per_s": round(len(lines) / wall, 3)}, _dump(records)


def _estimate(cpu_per_article: float, overhead: float, driver_s: float) -> dict[str, Any]:
    """1 million articles on K nodes of CORES_PER_NODE cores, from the measured per-article cost."""
    per_core = cpu_per_article * overhead
    rows = {}
    for k in NODES:
        rate = min(k * CORES_PER_NODE / per_core, 1 / driver_s)  # the driver feeds every article
        rows[str(k)] = {"articles_per_s": round(rate, 1), "hours": round(1e6 / rate / 3600, 2)}
    return {"core_s_per_article": round(per_core, 4), "cores_per_node": CORES_PER_NODE,
            "driver_ceiling_articles_per_s": round(1 / driver_s), "nodes": rows}


def run(n: int, batch_size: int) -> dict[str, Any]:
    import ray

    lines = _lines(n)
    spec = BatchSpec(length={"k": 3})
    load_avg = [round(x, 1) for x in os.getloadavg()]
    t0 = time.perf_counter()
    worker = spec.worker()
    load_s = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    local = _dump(list(local_records(worker, lines)))
    local_s, local_cpu = time.perf_counter() - t1, time.process_time() - c1
    del worker

    t2 = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    init_s = time.perf_counter() - t2
    try:
        ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
        runs, identical = {}, {}
        for name, workers, cpus in (("ray-1", 1, 2), ("ray-2", 2, 1)):
            runs[name], out = _ray_run(spec, lines, workers, cpus, batch_size)
            identical[name] = out == local
        t3 = time.perf_counter()
        echoed, echo_first = [], 0.0
        for item in ordered_map(lines, EchoWorker, {}, workers=2, batch_size=batch_size, num_cpus=1):
            echo_first = echo_first or time.perf_counter() - t3
            echoed.append(item)
        echo_s = time.perf_counter() - t3
        assert echoed == lines
    finally:
        ray.shutdown()

    # The driver's own share per article: pickling the line out, the record back, JSON of both.
    t4 = time.perf_counter()
    for (num, raw), rec in zip(lines, local):
        pickle.loads(pickle.dumps((num, raw), protocol=5))
        pickle.loads(pickle.dumps(json.loads(rec), protocol=5))
    driver_s = (time.perf_counter() - t4) / n

    local_rate = n / (load_s + local_s)
    for r in runs.values():
        r["ratio_vs_local"] = round(r["articles_per_s"] / local_rate, 3)
    overhead = runs["ray-2"]["wall_s"] / (load_s + local_s)
    return {
        "command": f"nice -n 5 python -m eval.bench_ray --n {n} --batch-size {batch_size}",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "ray": ray.__version__,
                    "load_average_at_start": load_avg, "load_average_at_end": [round(x, 1) for x in os.getloadavg()]},
        "articles": n, "batch_size": batch_size,
        "local": {"worker_build_s": round(load_s, 2), "summarize_s": round(local_s, 2),
                  "cpu_s": round(local_cpu, 2), "cpu_s_per_article": round(local_cpu / n, 4),
                  "articles_per_s": round(local_rate, 3)},
        "ray_init_s": round(init_s, 2),
        "runs": runs, "identical_to_local": identical,
        "ray_overhead": {"echo_wall_s": round(echo_s, 2), "echo_first_result_s": round(echo_first, 2),
                         "echo_s_per_article_after_first": round((echo_s - echo_first) / max(1, n - 1), 4),
                         "driver_serialization_s_per_article": round(driver_s, 6),
                         "bytes_in_per_article": round(sum(len(r) for _, r in lines) / n),
                         "bytes_out_per_article": round(sum(len(r.encode()) for r in local) / n)},
        "estimate_1m": _estimate(local_cpu / n, max(1.0, overhead), driver_s),
    }


def markdown(res: dict[str, Any]) -> str:
    loc, ovh, est = res["local"], res["ray_overhead"], res["estimate_1m"]
    out = [
        "# Ray batch benchmark", "",
        f"`{res['command']}` — {res['articles']} IndoSum articles, k=3, Ray {res['machine']['ray']}, "
        f"{res['machine']['cpus']} CPUs shared with other jobs (load average "
        f"{res['machine']['load_average_at_start']} at start, {res['machine']['load_average_at_end']} at end).", "",
        "| run | workers × CPUs | wall s (incl. start-up) | first record s | articles/s | ratio vs local | records identical |",
        "|---|---|---|---|---|---|---|",
        f"| local | 1 process, 2 threads | {loc['worker_build_s'] + loc['summarize_s']:.2f} | – | "
        f"{loc['articles_per_s']} | 1.000 | – |",
    ]
    for name, r in res["runs"].items():
        out.append(f"| {name} | {r['workers']} × {r['cpus_per_worker']} | {r['wall_s']} | {r['first_record_s']} | "
                   f"{r['articles_per_s']} | {r['ratio_vs_local']} | {res['identical_to_local'][name]} |")
    out += [
        "", f"Local: building the summarizer {loc['worker_build_s']} s (the encoder loads on first use), summarizing {loc['summarize_s']} s, "
        f"{loc['cpu_s_per_article']} CPU s per article (all threads).",
        f"Ray start-up (`ray.init`, local, 2 CPUs): {res['ray_init_s']} s, once per job.", "",
        "## Ray's own overhead", "",
        f"* echo pass (2 workers, no model: actor start, scheduling, pickling, transfer): {ovh['echo_wall_s']} s "
        f"for {res['articles']} articles, of which {ovh['echo_first_result_s']} s to the first result (actor start-up); "
        f"{ovh['echo_s_per_article_after_first']} s per article after it;",
        f"* the driver's serialization per article (pickle out and back, JSON): {ovh['driver_serialization_s_per_article']} s;",
        f"* bytes per article: {ovh['bytes_in_per_article']} in, {ovh['bytes_out_per_article']} out.", "",
        "## Estimate: 1 million articles", "",
        f"Per-article cost {est['core_s_per_article']} core-seconds (the local run's CPU seconds per article × "
        f"the ray-2/local wall ratio when above 1), {est['cores_per_node']}-core nodes, one worker per core, "
        f"linear scaling; the driver's serialization caps the job at {est['driver_ceiling_articles_per_s']} articles/s.", "",
        "| nodes | articles/s | hours |", "|---|---|---|",
    ]
    out += [f"| {k} | {v['articles_per_s']} | {v['hours']} |" for k, v in est["nodes"].items()]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=48, help="IndoSum articles (default 48)")
    ap.add_argument("--batch-size", type=int, default=8, help="lines per Ray worker call (default 8)")
    ap.add_argument("--out", type=Path, default=OUT, help="result path without suffix (.json and .md written)")
    args = ap.parse_args(argv)
    if not DATA.is_file():
        print(f"bench_ray: {DATA} not found", file=sys.stderr)
        return 3
    res = run(args.n, args.batch_size)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    args.out.with_suffix(".md").write_text(markdown(res), encoding="utf-8")
    print(markdown(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
