"""Build the claim checker's contrast cases from real IndoSum sentences (issue 12).

Two steps, both deterministic:

    python -m eval.build_contrast_cases --mine /tmp/candidates.jsonl   # find source sentences
    python -m eval.build_contrast_cases                                 # (re)build the cases

``--mine`` lists IndoSum sentences that state two or more quantities of one unit with different
values (exports vs imports, two regions, two years) and whose values appear nowhere else in
their article. A person reads them, keeps the good ones and fixes their claims by hand in
``eval/data/claims/contrast_sources.jsonl`` (the reviewed list this step never overwrites).

The build turns each reviewed sentence S of article A into cases: the article to check is S;
the corpus is A itself with S edited (every such document is marked ``CONSTRUCTED``):

- ``other-only``: the clause holding the target quantity is deleted, the other kept
  (target → unverified, the kept clause's quantities → consistent);
- ``restated``: the target written another way ("6,71 persen" → "6,71%", "tiga" → "3",
  "Rp 1,5 triliun" → "Rp 1.500 miliar", "peserta" → "orang") (all → consistent);
- ``changed``: the target's value changed by at least 40 % (target → conflict, rest consistent);
- ``restated-decoy-changed``: the target restated and a same-unit neighbour changed;
- ``dropped``: S deleted from A (all of S → unverified; A's other quantities are the decoys).

Three variants per sentence are drawn with a seed. The split is by a stable hash of the
article id (``dev`` = tune part, ``test`` = report part), so one article never feeds both.
Rebuilding replaces the lines of ``cases.jsonl`` whose ``kind`` is ``contrast`` and keeps the rest.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

from eval.contrast_forms import change, restate

DATA = Path(__file__).parent / "data" / "claims"
CASES = DATA / "cases.jsonl"
SOURCES = DATA / "contrast_sources.jsonl"
SEED = 12
VARIANTS_PER_SENTENCE = 3
#: Clause boundaries between two quantities ("ekspor turun 6,71 persen, sementara impor ...").
SEPARATOR = re.compile(r"(?:,\s*|\s+)(?:sementara(?: itu)?|sedangkan|adapun|serta|namun|tetapi|dan)\s+|;\s*",
                       re.IGNORECASE)
PEOPLE = {"orang", "jiwa", "warga", "penduduk", "peserta", "korban", "penumpang", "pengunjung"}


def part_of(article_id: str, taken: dict[str, str] | None = None) -> str:
    """``dev`` (tune) or ``test`` (report): the part of the hand-built cases that already quote
    this article (``taken``), else from a stable hash of the article id."""
    if taken and article_id in taken:
        return taken[article_id]
    return "test" if int(hashlib.sha256(article_id.encode()).hexdigest()[:8], 16) % 2 else "dev"


def hand_parts(path: Path = CASES) -> dict[str, str]:
    """Article id -> part, for the IndoSum articles the non-generated cases of ``path`` quote."""
    taken: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line) if line.strip() else {}
        if case and case.get("kind") != "contrast":
            for src in case.get("sources", []):
                if src.startswith("indosum:"):
                    taken[src.split()[0].removeprefix("indosum:")] = case["split"]
    return taken


def _unit_key(claim: dict[str, Any]) -> tuple[str, str | None]:
    noun = (claim.get("noun") or "").lower() or None
    return claim["unit"], ("people" if noun in PEOPLE else noun)


def mine(limit: int | None = None) -> list[dict[str, Any]]:
    """Candidate sentences, best first (a separator between two same-unit quantities, then length)."""
    from summarize.claims.extract import extract_claims
    from summarize.evaluation.indosum import load_articles

    out = []
    for art in load_articles(limit=limit):
        claims_by_sent = [[c.to_dict() for c in extract_claims(s)] for s in art.sentences]
        for i, (sent, claims) in enumerate(zip(art.sentences, claims_by_sent)):
            if not 50 <= len(sent) <= 350 or len(claims) < 2:
                continue
            groups: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
            for c in claims:
                groups.setdefault(_unit_key(c), []).append(c)
            if not any(len({Decimal(c["value"]) for c in g}) >= 2 for g in groups.values()):
                continue
            elsewhere = [c for j, cs in enumerate(claims_by_sent) if j != i for c in cs]
            if any(_near(c, o) for c in claims for o in elsewhere):
                continue
            seps = [m.span() for m in SEPARATOR.finditer(sent)
                    if any(a["end"] <= m.start() and m.end() <= b["start"] for a in claims for b in claims
                           if _unit_key(a) == _unit_key(b))]
            out.append({
                "article": art.id, "sentence": i, "text": sent,
                "claims": [{k: c[k] for k in ("surface", "start", "value", "unit", "noun")} for c in claims],
                "split_at": list(seps[0]) if seps else None,
            })
    out.sort(key=lambda c: (c["split_at"] is None, len(c["text"])))
    return out


def _near(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same unit and a value within 5 %: the article may restate the quantity elsewhere."""
    if _unit_key(a) != _unit_key(b):
        return False
    x, y = Decimal(a["value"]), Decimal(b["value"])
    return abs(x - y) <= Decimal("0.05") * max(abs(x), abs(y))


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def variants(src: dict[str, Any], rng: random.Random) -> list[dict[str, Any]]:
    """Every variant this sentence allows: ``{variant, text (S edited or None), verdicts, edits}``."""
    s, claims = src["text"], src["claims"]
    out = []
    same = [(a, b) for a in range(len(claims)) for b in range(len(claims))
            if a != b and _unit_key(claims[a]) == _unit_key(claims[b]) and claims[a]["value"] != claims[b]["value"]]
    targets = sorted({a for a, _ in same})
    t = rng.choice(targets)
    neighbour = rng.choice([b for a, b in same if a == t])
    values = {Decimal(c["value"]) for c in claims}
    end = lambda c: c["start"] + len(c["surface"])  # noqa: E731
    if src.get("other_only"):  # a hand-made deletion where cutting at the separator lost the subject
        text = src["other_only"]
        gone = [c["surface"] for c in claims if c["surface"] not in text]
        out.append({"variant": "other-only", "text": text,
                    "verdicts": ["consistent" if c["surface"] in text else "unverified" for c in claims],
                    "edits": [f"deleted by hand the clause(s) holding {', '.join(map(repr, gone))}"],
                    "target": next(i for i, c in enumerate(claims) if c["surface"] not in text)})
    elif src.get("split_at"):
        cut, cut_end = src["split_at"]
        before = [i for i, c in enumerate(claims) if end(c) <= cut]
        side_t = [i for i, c in enumerate(claims) if (end(c) <= cut) == (end(claims[t]) <= cut)]
        kept = s[cut_end:] if t in before else s[:cut].rstrip() + (s[-1] if s[-1] in ".!?" else "")
        out.append({"variant": "other-only", "text": _capitalize(kept),
                    "verdicts": ["unverified" if i in side_t else "consistent" for i in range(len(claims))],
                    "edits": [f"deleted the clause holding {claims[t]['surface']!r}"], "target": t})
    for name, decoy in (("restated", None), ("restated-decoy-changed", neighbour)):
        new = restate(claims[t]["surface"], claims[t]["unit"], claims[t]["noun"], rng)
        if new is None:
            continue
        edits, notes = [(claims[t]["start"], end(claims[t]), new[0])], [f"{claims[t]['surface']!r} -> {new[0]!r}: {new[1]}"]
        verdicts = ["consistent"] * len(claims)
        if decoy is not None:
            ch = change(claims[decoy]["surface"], claims[decoy]["unit"], values, rng)
            if ch is None:
                continue
            edits.append((claims[decoy]["start"], end(claims[decoy]), ch[0]))
            notes.append(f"{claims[decoy]['surface']!r} -> {ch[0]!r}: {ch[1]}")
            verdicts[decoy] = "conflict"
        out.append({"variant": name, "text": _splice(s, edits), "verdicts": verdicts, "edits": notes, "target": t})
    ch = change(claims[t]["surface"], claims[t]["unit"], values, rng)
    if ch is not None:
        verdicts = ["consistent"] * len(claims)
        verdicts[t] = "conflict"
        out.append({"variant": "changed", "text": _splice(s, [(claims[t]["start"], end(claims[t]), ch[0])]),
                    "verdicts": verdicts, "edits": [f"{claims[t]['surface']!r} -> {ch[0]!r}: {ch[1]}"], "target": t})
    out.append({"variant": "dropped", "text": None, "verdicts": ["unverified"] * len(claims),
                "edits": ["deleted the sentence"], "target": t})
    return out


def _document(article: Any, index: int, text: str | None) -> str:
    """The article as running text (like ``Article.raw_text``) with sentence ``index`` replaced."""
    paras: dict[int, list[str]] = {}
    for i, (sent, para) in enumerate(zip(article.sentences, article.paragraphs)):
        new = sent if i != index else text
        if new:
            paras.setdefault(para, []).append(new)
    return "\n\n".join(" ".join(p) for p in paras.values())


def build(sources: list[dict[str, Any]], seed: int = SEED, taken: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The contrast cases of ``sources``; ``taken`` as in ``part_of``."""
    from summarize.evaluation.indosum import load_articles

    wanted = {s["article"] for s in sources}
    articles = {a.id: a for a in load_articles() if a.id in wanted}
    cases = []
    for src in sources:
        art = articles[src["article"]]
        if art.sentences[src["sentence"]] != src["text"]:
            raise ValueError(f"{src['article']} sentence {src['sentence']}: text differs from IndoSum")
        rng = random.Random(f"{seed}:{src['article']}:{src['sentence']}")
        options = variants(src, rng)
        chosen = sorted(rng.sample(range(len(options)), min(VARIANTS_PER_SENTENCE, len(options))))
        for k in chosen:
            v = options[k]
            target = src["claims"][v["target"]]
            cases.append({
                "id": f"contrast-{src['article'][:40]}-{src['sentence']}-{v['variant']}",
                "split": part_of(src["article"], taken),
                "kind": "contrast",
                "variant": v["variant"],
                "note": (f"CONSTRUCTED corpus: IndoSum article {src['article']} with sentence {src['sentence']} "
                         f"edited ({'; '.join(v['edits'])}). Target {target['surface']!r}. "
                         + (src.get("review") or "")).strip(),
                "sources": [f"indosum:{src['article']} sentence {src['sentence']}"],
                "edits": v["edits"],
                "edited_sentence": v["text"],
                "article": src["text"],
                "corpus": [{"id": f"{src['article']}#edited", "text": _document(art, src["sentence"], v["text"])}],
                "expected": [dict(c, verdict=verdict) for c, verdict in zip(src["claims"], v["verdicts"])],
            })
    return cases


def write_cases(contrast: list[dict[str, Any]], path: Path = CASES) -> None:
    """Replace the ``contrast`` lines of ``path``; hand-written cases keep their order."""
    kept = [line for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and json.loads(line).get("kind") != "contrast"]
    lines = kept + [json.dumps(c, ensure_ascii=False) for c in contrast]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mine", metavar="OUT", help="write candidate sentences (JSONL) for review instead")
    parser.add_argument("--sources", default=str(SOURCES))
    parser.add_argument("--cases", default=str(CASES))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if args.mine:
        found = mine()
        Path(args.mine).write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in found), encoding="utf-8")
        print(f"{len(found)} candidate sentences -> {args.mine}", file=sys.stderr)
        return 0
    with open(args.sources, encoding="utf-8") as f:
        sources = [json.loads(line) for line in f if line.strip()]
    cases = build(sources, args.seed, hand_parts(Path(args.cases)))
    write_cases(cases, Path(args.cases))
    print(f"{len(cases)} contrast cases from {len(sources)} sentences -> {args.cases}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
