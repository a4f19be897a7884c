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
        }


@dataclass(frozen=True)
class Evidence:
    """A statement in another article about the same quantity."""

    source: str  # corpus document id
    sentence: str
    surface: str
    value: Decimal
    low: Decimal
    high: Decimal
    similarity: float
    agrees: bool
    local: float = 0.0  # overlap of the words around the two numbers: is it the same quantity?
    anchored: bool = False  # another number of the claim's sentence agrees with one of this sentence

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
        }


@dataclass
class CheckResult:
    """One claim's verdict, with every piece of evidence considered and the one that decided it."""

    claim: Claim
    verdict: Verdict
    evidence: list[Evidence] = field(default_factory=list)
    deciding: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim.to_dict(),
            "verdict": self.verdict,
            "deciding": self.deciding.to_dict() if self.deciding else None,
            "evidence": [e.to_dict() for e in self.evidence],
        }
