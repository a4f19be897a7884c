"""What the other figures of a claim's sentence say about its evidence.

A sentence often states several figures of one unit ("23 orang tewas dan 40 orang luka-luka").
Their evidence tells the checker two things about a statement found for one of them:

- *anchoring*: a precise sibling agrees with a number of the statement's sentence, so both
  sentences report one event (``anchors``; the verdict's anchored-conflict rule uses it);
- *explanation*: a statement that disagrees with the claim but agrees with a sibling is about
  that sibling ("83 persen ... sedangkan ... 66 persen" against an outlet reporting only the
  66 persen); and a statement from a sentence that lists other figures of the unit, none of
  which agrees with any sibling, is a list about another day or event (two medal tables), not
  the same list with one figure changed. Neither can make a conflict (``explained``).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

from summarize.claims.types import Claim, Evidence, RuledOut
from summarize.claims.verdict import precise, values_agree

def mark_anchored(claims: Sequence[Claim], evidence: list[list[Evidence]], i: int) -> list[Evidence]:
    """Claim ``i``'s evidence with ``anchored`` set on statements whose sentence holds a number
    that agrees with a precise sibling of the claim (the agreeing number itself excluded)."""
    key = (claims[i].sentence_start, claims[i].sentence_end)
    agreed = [
        e for j, other in enumerate(claims)
        if j != i and (other.sentence_start, other.sentence_end) == key and precise(other.quantity)
        for e in evidence[j] if e.agrees
    ]
    sentences = {(e.source, e.sentence) for e in agreed}
    statements = {(e.source, e.sentence, e.surface) for e in agreed}
    return [replace(e, anchored=(e.source, e.sentence) in sentences and (e.source, e.sentence, e.surface) not in statements)
            for e in evidence[i]]


def explained(claims: Sequence[Claim], i: int, evidence: list[Evidence],
              figures: Callable[[Evidence], Sequence[Claim]]) -> tuple[list[Evidence], list[RuledOut]]:
    """Claim ``i``'s evidence without the disagreeing statements its siblings explain (see the
    module docstring), and those statements as ruled out. ``figures(e)`` are the claims of
    ``e``'s sentence."""
    claim = claims[i]
    siblings = [c for j, c in enumerate(claims) if j != i and c.sentence_start == claim.sentence_start
                and c.unit == claim.unit]
    kept, ruled = [], []
    for e in evidence:
        reason = None if e.agrees or not siblings else _explanation(siblings, e, figures(e), claim.unit)
        if reason is None:
            kept.append(e)
        else:
            ruled.append(RuledOut(e.source, e.sentence, e.surface, e.value, "sibling", reason))
    return kept, ruled


def _explanation(siblings: list[Claim], e: Evidence, figures: Sequence[Claim], unit: str) -> str | None:
    sibling = next((c for c in siblings if _same_figure(c, e)), None)
    if sibling is not None:
        return f"states {sibling.surface!r}, another figure of the claim's sentence"
    others = [f for f in figures if f.unit == unit and f.surface != e.surface]
    if others and not e.anchored and not any(values_agree(c.quantity, f.quantity) for c in siblings for f in others):
        return "a list of other figures sharing none with the claim's sentence (another day or event?)"
    return None


def _same_figure(sibling: Claim, e: Evidence) -> bool:
    """The statement restates the sibling: its value lies in the sibling's written interval. An
    approximate statement ("sedikitnya 20 orang") holds many values and restates none."""
    q = sibling.quantity
    return q.low <= e.value <= q.high and (e.quantity.approx is None or e.value == q.value)
