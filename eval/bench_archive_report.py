"""The report of eval/bench_archive.py: its JSON record and a Markdown table beside it."""
from __future__ import annotations

import json
from pathlib import Path


def write_results(result: dict, out: Path) -> None:
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    out.with_suffix(".md").write_text(report(result), encoding="utf-8")


def report(r: dict) -> str:
    lines = [f"# Archive scale benchmark\n\n`{r['command']}`; vectors: {r['encoder']}; archives "
             f"{r.get('archives', 'built in this run')}.\n",
             "| articles | sentences | build s (total) | build ms/article (step) | lookup ms mean / p95 (CPU mean) | "
             "lookup CPU ms p95 | of which store search CPU ms mean | load | lookup ratio | checking RSS MiB | add-one write ms mean / p95 (CPU mean) | "
             "open s | on disk MiB |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for s in r["sizes"]:
        lk, ad = s["lookup_ms_per_article"], s["add_one_write_ms"]
        lines.append(f"| {s['articles']:,} | {s['sentences']:,} | {s['build_s_total']} | {s['build_ms_per_article_this_step']} "
                     f"| {lk['mean']} / {lk['p95']} ({s['lookup_cpu_ms_per_article']['mean']}) "
                     f"| {s['lookup_cpu_ms_per_article']['p95']} | {s.get('store_search_cpu_ms_per_article', {}).get('mean', '')} "
                     f"| {s.get('load_average_1min_at_check', '')} "
                     f"| {s['lookup_ratio_to_smallest']} | {s['checking_process_peak_rss_mib']} "
                     f"| {ad['mean']} / {ad['p95']} ({s['add_one_write_cpu_ms']['mean']}) | {s['open_s']} "
                     f"| {s['bytes_on_disk'] / 2**20:.0f} |")
    pe = r["prepare_minus_embedding_cpu_ms_per_article"]
    lines += ["", f"Claim extraction and word counting per article (prepare minus embedding, CPU): mean {pe['mean']} ms, "
              f"p95 {pe['p95']} ms. Verdicts equal to the in-memory index: "
              + ", ".join(f"{s['articles']:,}: {s['verdicts_equal_to_in_memory_index']}" for s in r["sizes"]
                          if "verdicts_equal_to_in_memory_index" in s) + ".",
              "Postings budget (search.py) against none, same archive and queries: top-k hits kept "
              + ", ".join(f"{s['articles']:,}: {s['postings_budget_vs_none']['top_k_hits_kept']:.1%} (verdicts equal "
                          f"{s['postings_budget_vs_none']['verdicts_equal']})" for s in r["sizes"] if "postings_budget_vs_none" in s)
              + ".",
              "Lookup: everything after embedding the query's claim sentences; store search: ``Archive.search`` "
              "(candidates and exact scores), the rest is the claims matcher and verdicts. "
              "Load: the 1-minute load average around each checking process. "
              f"Load average at the end: {r['load_average_1min_at_end']} on {r['machine']['cpus']} CPUs (shared machine)."]
    return "\n".join(lines) + "\n"
