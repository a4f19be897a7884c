"""Records of the claim checker: a quantity read from text, a claim (quantity in its sentence),
a piece of evidence from another article, and the verdict for one claim."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Verdict = Literal["consistent", "conflict", "unverified"]


@dataclass(frozen=True)
class Quantity:
    """A normalised number. ``low``/``high`` bound what the text asserts: the precision it was
    written with widened by its approximation word ("sekitar", "lebih dari", ...)."""

    value: Decimal  # scale words applied: "Rp1,5 triliun" -> 1500000000000
    unit: str  # canonical: "percent", "percentage_point", "IDR", "USD", "kg", "ton", "count", ...
    noun: str | None  # the thing counted, lowercased: "peserta", "umkm", "orang"; None if none
    low: Decimal
    high: Decimal
    approx: str | None = None  # the approximation word as written, e.g. "lebih dari"


@dataclass(frozen=True)
class Frame:
    """What a number is about, read from its clause (see ``summarize.claims.frames``). Two
    statements are about one quantity only when their frames are compatible: a slot stated on
    one side only is no contradiction, a different value in the same slot is."""

    measure: str | None = None  # the measured thing as written: "tingkat pengangguran terbuka"
    entities: tuple[str, ...] = ()  # whose: "Presiden", "Wakil Presiden", "PT KAI"
    places: tuple[str, ...] = ()  # where: "Jawa Barat"
    time: str | None = None  # the claim's own time, ISO prefix ("2023", "2024-01", "2024-Q2")
    kind: str = "level"  # level | change | target | realised | share | previous
    unit_class: str | None = None  # "percent", "people", "money", "area", "speed", ...
    counted: str | None = None  # class of the counted thing: "people", "umkm", "vehicle", ...
    basis: str | None = None  # compared with: yoy | mtm | qtq | ytd | ctc (last: positional calls hold)
    per: str | None = None  # the rate's denominator: "kg" in "Rp80.000 per kg", "hari" in "per hari"
    #: Where the article was when the figure's clause names no place: the places of its sentence,
    #: else of the nearest earlier sentence naming one ("Selain itu, 45 pos pengamanan didirikan").
    context_places: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "entities": list(self.entities),
            "places": list(self.places),
            "time": self.time,
            "basis": self.basis,
            "per": self.per,
            "kind": self.kind,
            "unit_class": self.unit_class,
            "counted": self.counted,
            "context_places": list(self.context_places),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Frame":
        return cls(
            measure=d.get("measure"),
            entities=tuple(d.get("entities") or ()),
            places=tuple(d.get("places") or ()),
            time=d.get("time"),
            basis=d.get("basis"),
            per=d.get("per"),
            kind=d.get("kind") or "level",
            unit_class=d.get("unit_class"),
            counted=d.get("counted"),
            context_places=tuple(d.get("context_places") or ()),
        )


@dataclass(frozen=True)
class Claim:
    """A quantity in its sentence. Offsets point into the original article text."""

    surface: str
    start: int
    end: int
    quantity: Quantity
    sentence: str
    sentence_start: int
    sentence_end: int
    time: str | None = None  # ISO date ("2024-05-01") or year ("2023") the claim refers to
    frame: Frame = field(default_factory=Frame)

    @property
    def value(self) -> Decimal:
        return self.quantity.value

    @property
    def unit(self) -> str:
        return self.quantity.unit

    @property
    def noun(self) -> str | None:
        return self.quantity.noun

    def to_dict(self) -> dict[str, Any]:
        q = self.quantity
        return {
            "surface": self.surface,
            "start": self.start,
            "end": self.end,
            "value": str(q.value),
            "unit": q.unit,
            "noun": q.noun,
            "low": str(q.low),
            "high": str(q.high),
            "approx": q.approx,
            "time": self.time,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "frame": self.frame.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Claim":
        """The claim ``to_dict`` wrote (the archive stores claims as that JSON)."""
        quantity = Quantity(
            Decimal(d["value"]), d["unit"], d.get("noun"), Decimal(d["low"]), Decimal(d["high"]), d.get("approx")
        )
        return cls(
            surface=d["surface"],
            start=int(d["start"]),
            end=int(d["end"]),
            quantity=quantity,
            sentence=d["sentence"],
            sentence_start=int(d["sentence_start"]),
            sentence_end=int(d["sentence_end"]),
            time=d.get("time"),
            frame=Frame.from_dict(d.get("frame") or {}),
        )


@dataclass(frozen=True)
class Evidence:
    """A statement in another article about the same quantity: its number as a ``Quantity``
    (the same interval type as a claim's), and the frame slots it was found to share."""

    source: str  # document id
    sentence: str
    surface: str
    quantity: Quantity
    similarity: float
    agrees: bool
    local: float = 0.0  # overlap of the words around the two numbers: is it the same quantity?
    anchored: bool = False  # another number of the claim's sentence agrees with one of this sentence
    matched: tuple[str, ...] = ()  # frame slots both sides state and agree on (frame_match.SLOTS)
    contradicts: bool = True  # the two values cannot both be true (False for "lebih dari 40" and 60)
    confirms: bool = True  # an agreement that counts: not a sentence about another story (checker)

    @property
    def value(self) -> Decimal:
        return self.quantity.value

    @property
    def low(self) -> Decimal:
        return self.quantity.low

    @property
    def high(self) -> Decimal:
        return self.quantity.high

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "sentence": self.sentence,
            "surface": self.surface,
            "value": str(self.value),
            "low": str(self.low),
            "high": str(self.high),
            "similarity": round(self.similarity, 4),
            "agrees": self.agrees,
            "local": round(self.local, 4),
            "anchored": self.anchored,
            "matched": list(self.matched),
            "contradicts": self.contradicts,
            "confirms": self.confirms,
        }


@dataclass(frozen=True)
class RuledOut:
    """A close statement that is not about the claim's quantity, and the slot that says so."""

    source: str
    sentence: str
    surface: str
    value: Decimal
    slot: str
    reason: str  # "different place: Jawa Tengah"

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "sentence": self.sentence, "surface": self.surface,
                "value": str(self.value), "slot": self.slot, "reason": self.reason}


@dataclass
class CheckResult:
    """One claim's verdict, with every piece of evidence considered, the one that decided it,
    why (``reason``), and the close statements ruled out as being about something else."""

    claim: Claim
    verdict: Verdict
    evidence: list[Evidence] = field(default_factory=list)
    deciding: Evidence | None = None
    reason: str = ""
    ruled_out: list[RuledOut] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim.to_dict(),
            "verdict": self.verdict,
            "reason": self.reason,
            "deciding": self.deciding.to_dict() if self.deciding else None,
            "evidence": [e.to_dict() for e in self.evidence],
            "ruled_out": [r.to_dict() for r in self.ruled_out],
        }
