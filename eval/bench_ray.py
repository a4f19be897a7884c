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
import threading
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


class WorkerCPU(threading.Thread):
    """CPU seconds (all threads) of Ray's map-worker processes, read from /proc every 0.2 s while
    a run lasts: what the workers really used, however the shared machine delayed them. Only
    CPU used after the start counts (a worker of the previous run may still be there). A
    worker's last 0.2 s before it exits may be missed (a small undercount)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.seen: dict[str, float] = {}
        self.base = self._scan()
        self.done = threading.Event()
        self.start()

    @staticmethod
    def _scan() -> dict[str, float]:
        tick, out = os.sysconf("SC_CLK_TCK"), {}
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as fh:
                    if b"MapWorker" not in fh.read():
                        continue
                with open(f"/proc/{pid}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                out[pid] = (int(fields[11]) + int(fields[12])) / tick
            except (OSError, IndexError, ValueError):
                continue
        return out

    def run(self) -> None:
        while not self.done.wait(0.2):
            self.seen.update(self._scan())

    def total(self) -> float:
        self.done.set()
        self.join()
        return sum(cpu - self.base.get(pid, 0.0) for pid, cpu in self.seen.items())


def _lines(n: int) -> list[tuple[int, bytes]]:
    from summarize.evaluation.indosum import load_articles

    arts = load_articles(DATA, limit=n)
    return [(i, json.dumps({"id": a.id, "text": a.raw_text}, ensure_ascii=False).encode()) for i, a in enumerate(arts, 1)]


def _dump(records: list[dict[str, Any]]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


def _ray_run(spec: BatchSpec, lines, workers: int, cpus: float, batch_size: int) -> tuple[dict[str, Any], list[str]]:
    from summarize.distributed import run_ray_batch

    cpu = WorkerCPU()
    start = time.perf_counter()
    first, records = None, []
    for rec in run_ray_batch(spec, lines, concurrency=workers, num_cpus=cpus, batch_size=batch_size, progress=False):
        first = first if first is not None else time.perf_counter() - start
        records.append(rec)
    wall = time.perf_counter() - start
    used = cpu.total()
    return {"workers": workers, "cpus_per_worker": cpus, "wall_s": round(wall, 2),
            "worker_cpu_s": round(used, 2), "worker_cpu_s_per_article": round(used / len(lines), 4),
            "first_record_s": round(first or 0.0, 2), "articles_per_s": round(len(lines) / wall, 3)}, _dump(records)


def _estimate(core_s: float, driver_s: float) -> dict[str, Any]:
    """1 million articles on K nodes of CORES_PER_NODE cores at ``core_s`` CPU seconds per
    article (one worker per core, linear scaling), capped by what the one driver can feed."""
    rows = {}
    for k in NODES:
        rate = min(k * CORES_PER_NODE / core_s, 1 / driver_s)
        rows[str(k)] = {"articles_per_s": round(rate, 1), "hours": round(1e6 / rate / 3600, 2)}
    return {"core_s_per_article": round(core_s, 4), "cores_per_node": CORES_PER_NODE,
            "driver_ceiling_articles_per_s": round(1 / driver_s), "nodes": rows}


def _local_run(spec: BatchSpec, lines) -> tuple[dict[str, Any], list[str]]:
    t0, c0 = time.perf_counter(), time.process_time()
    records = _dump(list(local_records(spec.worker(), lines)))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "cpu_s_per_article": round(cpu / len(lines), 4),
            "articles_per_s": round(len(lines) / wall, 3)}, records


def run(n: int, batch_size: int) -> dict[str, Any]:
    """local, ray-1, ray-2, local again (the load on a shared machine drifts: the two local runs
    show by how much), then the echo pass."""
    import ray

    lines = _lines(n)
    spec = BatchSpec(length={"k": 3})
    load_avg = [round(x, 1) for x in os.getloadavg()]
    before, local = _local_run(spec, lines)
    t2 = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    init_s = time.perf_counter() - t2
    try:
        ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
        runs, identical = {}, {}
        for name, workers, cpus in (("ray-1", 1, 2), ("ray-2", 2, 1)):
            runs[name], out = _ray_run(spec, lines, workers, cpus, batch_size)
            identical[name] = out == local
        after, again = _local_run(spec, lines)
        identical["local-again"] = again == local
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

    local_rate = (before["articles_per_s"] + after["articles_per_s"]) / 2
    local_cpu = (before["cpu_s_per_article"] + after["cpu_s_per_article"]) / 2
    for r in runs.values():
        r["ratio_vs_local"] = round(r["articles_per_s"] / local_rate, 3)
        r["cpu_ratio_vs_local"] = round(r["worker_cpu_s_per_article"] / local_cpu, 3)
    return {
        "command": f"nice -n 5 python -m eval.bench_ray --n {n} --batch-size {batch_size}",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "ray": ray.__version__,
                    "load_average_at_start": load_avg, "load_average_at_end": [round(x, 1) for x in os.getloadavg()]},
        "articles": n, "batch_size": batch_size,
        "local": {"first": before, "again": after, "articles_per_s_mean": round(local_rate, 3),
                  "cpu_s_per_article_mean": round(local_cpu, 4)},
        "ray_init_s": round(init_s, 2),
        "runs": runs, "identical_to_local": identical,
        "ray_overhead": {"echo_wall_s": round(echo_s, 2), "echo_first_result_s": round(echo_first, 2),
                         "echo_s_per_article_after_first": round((echo_s - echo_first) / max(1, n - 1), 4),
                         "driver_serialization_s_per_article": round(driver_s, 6),
                         "bytes_in_per_article": round(sum(len(r) for _, r in lines) / n),
                         "bytes_out_per_article": round(sum(len(r.encode()) for r in local) / n)},
        "worker_startup_cpu_s": round(max(0.0, (runs["ray-2"]["worker_cpu_s"] - n * local_cpu) / 2), 2),
        # Steady cost per article on a worker: the local CPU cost plus Ray's per-article overhead
        # (the echo pass's wall time per article after its first result, counted as CPU).
        "estimate_1m": _estimate(local_cpu + (echo_s - echo_first) / max(1, n - 1), driver_s),
    }


def markdown(res: dict[str, Any]) -> str:
    loc, ovh, est = res["local"], res["ray_overhead"], res["estimate_1m"]
    out = [
        "# Ray batch benchmark", "",
        f"`{res['command']}` — {res['articles']} IndoSum articles, k=3, Ray {res['machine']['ray']}, "
        f"{res['machine']['cpus']} CPUs shared with other jobs (load average "
        f"{res['machine']['load_average_at_start']} at start, {res['machine']['load_average_at_end']} at end). "
        "Order: local, ray-1, ray-2, local again, echo. Ray runs include their workers' start-up.", "",
        "| run | workers × CPUs | wall s | CPU s / article | articles/s | ratio vs local (wall) | "
        "CPU ratio vs local | records identical |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, r in (("local", loc["first"]), ("local again", loc["again"])):
        same = res["identical_to_local"].get("local-again", "–") if name == "local again" else "–"
        out.append(f"| {name} | 1 process, 2 threads | {r['wall_s']} | {r['cpu_s_per_article']} | "
                   f"{r['articles_per_s']} | – | – | {same} |")
    for name, r in res["runs"].items():
        out.append(f"| {name} | {r['workers']} × {r['cpus_per_worker']} | {r['wall_s']} | "
                   f"{r['worker_cpu_s_per_article']} | {r['articles_per_s']} | {r['ratio_vs_local']} | "
                   f"{r['cpu_ratio_vs_local']} | {res['identical_to_local'][name]} |")
    out += [
        "", f"Ratios are against the mean of the two local runs ({loc['articles_per_s_mean']} articles/s, "
        f"{loc['cpu_s_per_article_mean']} CPU s per article). Ray CPU: the map workers' processes, read from /proc.",
        f"Ray start-up (`ray.init`, local, 2 CPUs): {res['ray_init_s']} s, once per job.", "",
        "## Ray's own overhead", "",
        f"* echo pass (2 workers, no model: actor start, scheduling, pickling, transfer): {ovh['echo_wall_s']} s "
        f"for {res['articles']} articles, of which {ovh['echo_first_result_s']} s to the first result (actor start-up); "
        f"{ovh['echo_s_per_article_after_first']} s per article after it;",
        f"* the driver's serialization per article (pickle out and back, JSON): {ovh['driver_serialization_s_per_article']} s;",
        f"* bytes per article: {ovh['bytes_in_per_article']} in, {ovh['bytes_out_per_article']} out.", "",
        "## Estimate: 1 million articles", "",
        f"At {est['core_s_per_article']} CPU seconds per article (the local CPU cost per article plus the echo "
        f"pass's per-article overhead), {est['cores_per_node']}-core nodes, one worker per core, linear scaling; "
        f"each worker's start-up (~{res['worker_startup_cpu_s']} CPU s: ray-2's worker CPU beyond the local cost, "
        "per worker) and `ray.init` are once per job and left out; "
        f"the driver's serialization caps the job at {est['driver_ceiling_articles_per_s']} articles/s.", "",
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
