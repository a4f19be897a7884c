"""The JSON schema of the service, as Pydantic models: requests it accepts and the records it returns.

The records are the ones the library already writes (``Summary.to_dict``, ``CheckResult.to_dict``,
the shapes ``summarize --json`` prints); these models describe them for validation and OpenAPI,
they do not reshape them: output models allow extra keys (a field the library adds later passes
through instead of being dropped) and routes return them with ``response_model_exclude_unset``
(a default here never adds a key the library did not write).
"""
from __future__ import annotations

from datetime import date as Date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

#: Requests are strict: ``"k": "3"`` is a wrong type, not a number, and an unknown field is
#: an error (a typo such as ``"ration"`` must not be ignored silently).
_REQUEST = ConfigDict(extra="forbid", strict=True)
_RECORD = ConfigDict(extra="allow")


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"date must be YYYY-MM-DD, not {value!r}") from None


def _not_blank(value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise ValueError("the text is empty")
    return value


class SummarizeRequest(BaseModel):
    """An article as raw ``text`` (cleaned and split by the service) or as ``sentences``."""

    model_config = _REQUEST

    text: str | None = Field(None, description="the article, as plain text")
    sentences: list[str] | None = Field(None, description="the article, already split into sentences")
    paragraphs: list[int] | None = Field(None, description="with sentences: each sentence's paragraph id")
    k: int | None = Field(None, ge=1, description="number of sentences (default 3)")
    ratio: float | None = Field(None, gt=0, le=1, description="share of the article's sentences")
    max_words: int | None = Field(None, ge=1, description="word budget for the whole summary")
    adaptive: bool = Field(False, description="length learned with the ranker instead of a fixed k")

    text_not_blank = field_validator("text")(_not_blank)

    @model_validator(mode="after")
    def _one_input(self) -> "SummarizeRequest":
        if (self.text is None) == (self.sentences is None):
            raise ValueError("give exactly one of text or sentences")
        if self.sentences is not None and not any(s.strip() for s in self.sentences):
            raise ValueError("the sentences are empty")
        if sum(v is not None for v in (self.k, self.ratio, self.max_words)) > 1:
            raise ValueError("give at most one of k, ratio and max_words")
        return self

    def length(self) -> dict[str, object]:
        return {"k": self.k, "ratio": self.ratio, "max_words": self.max_words, "adaptive": self.adaptive}


class CheckRequest(BaseModel):
    """An article whose numbers are checked against the archive."""

    model_config = _REQUEST

    text: str = Field(description="the article, as plain text")
    date: str | None = Field(None, description="the article's date, YYYY-MM-DD: dates relative times in it")

    text_not_blank = field_validator("text")(_not_blank)
    date_iso = field_validator("date")(_iso_date)


class ArticleIn(BaseModel):
    """An article to add to the archive; adding the same id and text again changes nothing."""

    model_config = _REQUEST

    id: str = Field(min_length=1, max_length=512, description="the article's id in the archive")
    text: str = Field(description="the article, as plain text")
    date: str | None = Field(None, description="publication date, YYYY-MM-DD")
    source: str | None = Field(None, description="where it comes from (outlet, URL)")

    text_not_blank = field_validator("text")(_not_blank)
    date_iso = field_validator("date")(_iso_date)


class ArticleStatus(BaseModel):
    model_config = _RECORD

    id: str
    status: Literal["added", "unchanged", "replaced", "skipped", "removed"]


class SentenceRecord(BaseModel):
    model_config = _RECORD

    index: int
    text: str
    score: float
    start: int
    end: int


class SummaryRecord(BaseModel):
    """``Summary.to_dict()``: what ``summarize --json`` prints."""

    model_config = _RECORD

    sentences: list[SentenceRecord]
    encoder: str
    ranker: str
    n_sentences: int


class FrameRecord(BaseModel):
    """What a number is about (``Frame.to_dict()``)."""

    model_config = _RECORD

    measure: str | None = None
    entities: list[str] = []
    places: list[str] = []
    time: str | None = None
    basis: str | None = None
    per: str | None = None
    kind: str | None = None
    unit_class: str | None = None
    counted: str | None = None
    context_places: list[str] = []  # where the article was when the clause names no place


class ClaimRecord(BaseModel):
    """``Claim.to_dict()``: a number as the article states it, normalised, with its frame."""

    model_config = _RECORD

    surface: str
    start: int
    end: int
    value: str
    unit: str
    noun: str | None = None
    low: str
    high: str
    approx: str | None = None
    time: str | None = None
    sentence: str
    frame: FrameRecord | None = None


class ArticleRecord(BaseModel):
    """An archived article (``Archive.get``): its text and the claims read from it."""

    model_config = _RECORD

    id: str
    source: str | None = None
    date: str | None = None
    text: str
    claims: list[ClaimRecord]


class EvidenceRecord(BaseModel):
    """A statement of another archived article about the same quantity."""

    model_config = _RECORD

    source: str
    sentence: str
    surface: str
    value: str
    similarity: float | None = None
    agrees: bool | None = None
    #: An agreement that counts towards ``consistent`` (not a sentence about another story).
    confirms: bool | None = None
    #: A difference that rules the claim out (False for a figure beyond a bound's written step).
    contradicts: bool | None = None
    date: str | None = None
    matched: list[str] = []


class RuledOutRecord(BaseModel):
    """A candidate statement that was not used, and why."""

    model_config = _RECORD

    source: str | None = None
    sentence: str | None = None
    surface: str | None = None
    value: str | None = None
    slot: str | None = None
    reason: str | None = None


class CheckResultRecord(BaseModel):
    """``CheckResult.to_dict()``: one claim's verdict with the evidence behind it."""

    model_config = _RECORD

    claim: ClaimRecord
    verdict: Literal["consistent", "conflict", "unverified"]
    reason: str | None = None
    deciding: EvidenceRecord | None = None
    evidence: list[EvidenceRecord] = []
    ruled_out: list[RuledOutRecord] = []


class CheckResponse(BaseModel):
    model_config = _RECORD

    claims: list[CheckResultRecord]
    articles: int = Field(description="articles in the archive the claims were checked against")


class ErrorResponse(BaseModel):
    """Every 4xx/5xx body: one line naming the problem."""

    error: str
