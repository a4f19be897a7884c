"""Comparing a claim with the statements found about the same quantity, and the verdict rule.

Two numbers agree when the intervals they assert overlap and one value lies strictly inside
the other's interval (``values_agree``). The parser widens each value by the precision it was
written with and by its approximation word, so "1,5 juta" ([1,45; 1,55] juta) agrees with
"1.523.000", "91,8 persen" with "91,82 persen", and "lebih dari 8.000 unit" with "8.200 unit",
while "91,82 persen" and "78 persen" do not, nor "8 juta" and "8,5 juta" (halfway: ambiguous).

The verdict rule, applied per claim (the only place it is written):

1. Evidence is every statement the matcher found above its similarity bar whose frame is
   compatible with the claim's (``frame_match``: same unit class, kind, counted class, time,
   place, role; a slot stated on one side only is no contradiction). Statements a frame slot
   rules out are shown as ``ruled_out`` with the slot and the reason, never used. Statements
   explained by another figure of the claim's own sentence are ruled out too (``siblings``).
2. Each source document is judged on its own. A source *agrees* when any of its statements
   agrees and confirms (``_confirmed``): a precise figure on both sides, or a common one ("dua
   tahun", "Rp 500 juta": many stories share it) sharing a measure, name, place or time with
   the claim, from a sentence that names nothing foreign to the claim's article
   (``Evidence.confirms``). One sentence often holds several numbers of one unit ("377.625
   peserta ... 249.576"), and the others are not a contradiction, unless
   the source's contradiction (below) stands ``conflict_margin`` or more above its best
   agreeing statement: a close "46 persen darat" is not outweighed by a distant "kurang lebih
   99 persen" about Jawa. A source *conflicts* when one of its statements contradicts the
   claim (``values_contradict``: the values cannot both be true) and all of these hold:
   - it is identified: it shares with the claim at least one identifying slot that both sides
     state (``CONFLICT_NEEDS``: measure, entity or place), or its sentence is anchored;
   - it is close (similarity >= ``conflict_similarity``) and unambiguous: no statement of
     another value in that source comes within ``conflict_margin`` of it (a sentence that also
     states the top value is no rival); or its sentence is *anchored* to the claim's (another
     number of the claim's sentence agrees with one in it: one event) and holds exactly one
     value of the claim's kind; or its frame matches on all of ``CONFLICT_NEEDS`` and every
     statement of the source so framed states its value (``_framed_contradiction``).
   A statement that neither agrees nor contradicts ("lebih dari 40 gol" and 60) counts for
   neither side.
3. Across sources: **conflict** if any source conflicts (a claim contradicted by one outlet is
   worth a reader's look even when another outlet repeats it), else **consistent** if any
   source agrees, else **unverified**: nothing about the same quantity, or only ambiguous or
   weak disagreements. ``explain`` writes the one-line reason.

``deciding`` is the most similar statement of the winning kind. Tune-part figures of this
rule and of the designs it beat are in ``eval/results/claims_frames_tune.json``
(``python -m eval.claims_frames_tune``); the thresholds were tuned on that part before frames.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from summarize.claims.parse.units import INFINITY
from summarize.claims.types import Evidence, Quantity, RuledOut, Verdict

#: Similarity a disagreeing statement needs before it makes a conflict (tuned on the tune part).
CONFLICT_SIMILARITY = 0.66
#: How far it must stand above the source's closest statement of another value (tune part).
CONFLICT_MARGIN = 0.12
#: A disagreeing statement must share at least one of these frame slots with the claim (both
#: stating it, alike) before it can make a conflict: without a shared measure, entity or place,
#: "78 persen" and "65 persen" of two surveys are two numbers, not a contradiction.
CONFLICT_NEEDS: tuple[str, ...] = ("measure", "entities", "places")
#: A statement matching the claim on this many of ``CONFLICT_NEEDS`` (all: measure, a name or
#: role, and a place) is identified by its frame well enough to make a conflict at
#: ``FRAMED_SIMILARITY``, the matcher's own bar (both tuned on the tune part; two slots let in
#: decoys such as "minimal 20 kursi" of another party).
FRAMED_SLOTS = 3
FRAMED_SIMILARITY = 0.44
#: An agreement on a common figure ("dua tahun", "Rp 500 juta") must be identified as a conflict
#: must, a shared time counting too; a precise figure (``precise``) is identification enough.
AGREE_NEEDS: tuple[str, ...] = (*CONFLICT_NEEDS, "time")
#: Relative width a number's interval may have to count as precise (with three significant
#: digits): two reports sharing "12,57 miliar dolar AS" report the same thing; a shared "6
#: bulan" or "22 orang" may be chance.
PRECISION = Decimal("0.01")


def intervals_overlap(a: Quantity, b: Quantity) -> bool:
    """True when the intervals share more than an end point, or an exact value lies in the other.

    Touching is not agreeing: "5,1" ([5,05; 5,15]) and "5,2" ([5,15; 5,25]) are two different
    numbers written with the same precision, and "kurang dari 8.000" ([0; 8.000]) does not
    agree with "lebih dari 8.000" ([8.000; inf)).
    """
    low, high = max(a.low, b.low), min(a.high, b.high)
    return low < high or (low == high and (a.low == a.high or b.low == b.high))


def precise(q: Quantity) -> bool:
    """Whether the number rarely recurs by chance: three significant digits or more, written to
    within ``PRECISION`` of its value ("12,57 miliar dolar AS", "377.625 peserta", "171
    daerah"), where a round "Rp 500 juta" or "6 bulan" is a common figure of many stories."""
    digits = len(q.value.normalize().as_tuple().digits)
    return q.value > 0 and digits >= 3 and q.high - q.low <= q.value * PRECISION


def values_agree(a: Quantity, b: Quantity) -> bool:
    """Whether two stated numbers agree: their intervals overlap and one of the two values lies
    strictly inside the other's interval, i.e. rounding it to the other's precision gives the
    other ("11,1 persen" and "11 persen"; "1.523.000" and "1,5 juta").

    Overlap alone is too lenient at the edges: "Rp 8 juta" ([7,5; 8,5]) and "Rp 8,5 juta"
    ([8,45; 8,55]) overlap, yet 8,5 is exactly halfway between 8 and 9, so nothing says the
    writer of "8 juta" meant it; likewise "1,9 miliar" and "1,85 miliar". A value on the edge
    of the rounder interval is not evidence of agreement. Approximate statements keep their
    wide intervals ("sekitar 8.000" contains 8.200 well inside), so they are unaffected.
    One-sided statements are read as near their bound (``_near_bound``).
    """
    a, b = _near_bound(a), _near_bound(b)
    if not intervals_overlap(a, b):
        return False
    return a.low < b.value < a.high or b.low < a.value < b.high or a.value == b.value


def _near_bound(q: Quantity) -> Quantity:
    """A one-sided interval cut to one step of its written precision past its bound (or a tenth
    of the bound, when larger; at most a quarter of the bound). A writer gives the tightest bound they know at the precision
    they write: "lebih dari 8.000" agrees with 8.200 and "sedikitnya 48" with 50, but "lebih
    dari 40 gol" says nothing for 60 (that writer would have said "lebih dari 50"), nor
    "paling banyak Rp 10 miliar" (a legal maximum) for Rp 200 juta, nor "maksimal 10 tahun"
    for six years. Exact and approximate
    ("sekitar") intervals are returned unchanged."""
    if q.value <= 0 or not _one_sided(q):
        return q
    written = Decimal(1).scaleb(q.value.normalize().as_tuple().exponent)  # type: ignore[arg-type]
    step = min(max(written, q.value / 10), q.value / 4)
    if q.high == INFINITY:
        return Quantity(q.value, q.unit, q.noun, q.low, q.value + step, q.approx)
    return Quantity(q.value, q.unit, q.noun, max(q.value - step, Decimal(0)), q.high, q.approx)


def values_contradict(a: Quantity, b: Quantity) -> bool:
    """Whether two stated numbers cannot both be true. Two bounds of one direction are two
    counts of the same thing, each read near its bound: "sedikitnya 20 orang" and "sedikitnya
    40 orang" contradict. Otherwise the intervals written precision and approximation words
    allow must be disjoint: a number beyond a bound's near range but inside the bound ("lebih
    dari 40 gol" and 60), or halfway between two rounder ones ("Rp 8 juta", "Rp 8,5 juta"),
    confirms nothing and accuses nothing."""
    if _one_sided(a) and _one_sided(a) == _one_sided(b):
        return not values_agree(a, b)
    return not intervals_overlap(a, b)


def _one_sided(q: Quantity) -> str | None:
    return "above" if q.high == INFINITY else "below" if q.value > 0 and q.low == 0 else None


def decide(
    evidence: Sequence[Evidence],
    conflict_similarity: float = CONFLICT_SIMILARITY,
    conflict_margin: float = CONFLICT_MARGIN,
    conflict_needs: Sequence[str] = CONFLICT_NEEDS,
    framed_similarity: float = FRAMED_SIMILARITY,
    claim: Quantity | None = None,
) -> tuple[Verdict, Evidence | None]:
    """The verdict and the deciding piece of evidence, by the rule in this module's docstring.
    ``claim`` is the claim's own quantity: an agreement is precise only when both numbers are
    (without it, the statement's precision alone decides)."""
    sharp = claim is None or precise(claim)
    agreeing: list[Evidence] = []
    conflicting: list[Evidence] = []
    for source in sorted({e.source for e in evidence}):
        mine = [e for e in evidence if e.source == source]
        contradiction = (_anchored_contradiction(mine) or _clear_contradiction(mine, conflict_similarity, conflict_margin)
                         or _framed_contradiction(mine, framed_similarity, conflict_needs))
        if contradiction is not None and not _identified(contradiction, conflict_needs):
            contradiction = None
        agree = [e for e in mine if _confirmed(e, sharp)]
        if agree and (contradiction is None or contradiction.similarity - _strongest(agree).similarity < conflict_margin):
            agreeing.append(_strongest(agree))
        elif contradiction is not None:
            conflicting.append(contradiction)
    if conflicting:
        return "conflict", _strongest(conflicting)
    if agreeing:
        return "consistent", _strongest(agreeing)
    return "unverified", None


def _identified(e: Evidence, needs: Sequence[str]) -> bool:
    """Known to be about the claim's thing: a shared identifying slot, or an anchored sentence
    (it shares a precise figure with the claim's sentence: one event)."""
    return not needs or e.anchored or any(slot in e.matched for slot in needs)


def _confirmed(e: Evidence, sharp: bool) -> bool:
    """An agreement that counts: on a precise figure (``sharp``: the claim's is precise too), or
    on a common one from the claim's story (``Evidence.confirms``) sharing an identifying slot
    or an anchor with the claim."""
    return e.agrees and ((sharp and precise(e.quantity)) or (e.confirms and _identified(e, AGREE_NEEDS)))


def _against(e: Evidence) -> bool:
    return not e.agrees and e.contradicts


def explain(verdict: Verdict, deciding: Evidence | None, evidence: Sequence[Evidence], ruled_out: Sequence[RuledOut]) -> str:
    """One line saying why: which statement decided and which slots it shares, or why nothing did."""
    if deciding is not None:
        slots = ", ".join(deciding.matched) or "no slot stated on both sides"
        how = "agrees with" if verdict == "consistent" else "contradicts: cannot be reconciled with"
        return f"{how} {deciding.surface!r} in {deciding.source} (similarity {deciding.similarity:.2f}; matched: {slots})"
    unconfirmed = next((e for e in evidence if e.agrees), None)
    if unconfirmed is not None:
        why = "from another story (its names are not in the article)" if not unconfirmed.confirms else \
            f"a common figure sharing no {', '.join(AGREE_NEEDS)} with the claim"
        return f"{unconfirmed.surface!r} in {unconfirmed.source} agrees but confirms nothing: {why}"
    if evidence:
        return (f"{len(evidence)} statement(s) about a compatible quantity differ, but none is close, "
                f"unambiguous, identified and irreconcilable enough to call a conflict")
    if ruled_out:
        return f"no statement about this quantity; closest ruled out: {ruled_out[0].reason} ({ruled_out[0].source})"
    return "no statement about this quantity in the store"


def _clear_contradiction(mine: Sequence[Evidence], similarity: float, margin: float) -> Evidence | None:
    """The source's most similar statement, if it is close and no statement of another value
    comes within ``margin`` of it. A statement of another value does not count as a rival when
    its own sentence also states the top value at least as closely: sentence similarity cannot
    prefer one number of a sentence over another, so "berjumlah 18 orang, ... menjadi 25 orang"
    says 25 as much as 18 and does not make a source that says 25 ambiguous."""
    top = _strongest(mine)
    if top.similarity < similarity or not _against(top):
        return None

    def like_top(e: Evidence) -> bool:
        return intervals_overlap(e.quantity, top.quantity)

    rivals = [
        e.similarity for e in mine
        if not like_top(e) and not any(
            like_top(o) and o.sentence == e.sentence and o.similarity >= e.similarity for o in mine
        )
    ]
    return top if not rivals or top.similarity - max(rivals) >= margin else None


def _anchored_contradiction(mine: Sequence[Evidence]) -> Evidence | None:
    """The one statement of the claim's kind in a sentence anchored to the claim's sentence
    (another number of the claim's sentence agrees with a number of that sentence: both
    sentences report the same event), when it disagrees: "ekspor Februari 2017 turun 6,17
    persen menjadi 12,57 miliar dolar AS" vs "ekspor Februari 2017 mencapai 12,57 miliar dolar
    AS atau menurun 6,71 persen". Two or more candidate values in the sentence leave it
    ambiguous (the clear-contradiction rule may still apply)."""
    anchored = [e for e in mine if e.anchored]
    if not anchored:
        return None
    top = _strongest(anchored)
    if not _against(top) or any(not intervals_overlap(e.quantity, top.quantity) for e in anchored):
        return None
    return top


def _framed_contradiction(mine: Sequence[Evidence], similarity: float, needs: Sequence[str]) -> Evidence | None:
    """The source's statement whose frame matches the claim's on at least ``FRAMED_SLOTS`` of
    the identifying slots, when it disagrees, reaches ``similarity`` and every other statement
    so framed in the source states the same value: "realisasi komitmen P3DN di Pemprov DKI
    Jakarta mencapai 87,12 persen" against "P3DN ... DKI Jakarta ... terealisasi 91,82
    persen", worded too differently for the sentence similarity alone."""
    framed = [e for e in mine if sum(slot in e.matched for slot in needs) >= FRAMED_SLOTS]
    if not framed:
        return None
    top = _strongest(framed)
    if top.similarity < similarity or not _against(top):
        return None
    return top if all(intervals_overlap(e.quantity, top.quantity) for e in framed) else None


def _strongest(evidence: Sequence[Evidence]) -> Evidence:
    """The most similar piece; ties (several numbers of one sentence) go to the number whose
    neighbouring words match the claim's best, then to the source id for a stable answer."""
    return min(evidence, key=lambda e: (-e.similarity, -e.local, e.source, e.sentence))
