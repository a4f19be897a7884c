"""The typed records that flow between the parts (PyTextRank's habit: dataclasses, not dicts)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Sentence:
    """A sentence with character offsets into the *original* input text.

    Offsets always refer to the text the user gave us, never to a cleaned copy, so a caller can
    highlight the sentence in its source; ``text`` may be shorter than ``original[start:end]``
    only by whitespace normalisation.
    """

    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True)
class SummarySentence:
    """One chosen sentence: where it was in the article and how strongly the ranker wanted it."""

    index: int
    text: str
    score: float
    start: int
    end: int


@dataclass
class Summary:
    """The chosen sentences in article order, plus what produced them (for reproducibility)."""

    sentences: list[SummarySentence]
    encoder: str
    ranker: str
    n_sentences: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    #: The article's sentences as the summarizer split them from raw text (offsets into it), so
    #: that a claim check of the same text reads them instead of splitting it again. Empty for
    #: pre-split input; never part of the JSON.
    split: tuple[Sentence, ...] = field(default=(), repr=False, compare=False)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape the CLI prints with ``--json``."""
        out: dict[str, Any] = {
            "sentences": [asdict(s) for s in self.sentences],
            "encoder": self.encoder,
            "ranker": self.ranker,
            "n_sentences": self.n_sentences,
        }
        out.update(self.extra)
        return out


@dataclass(frozen=True)
class Failure:
    """What ``Summarizer.summarize_many(..., errors="record")`` puts at the position of an input it
    could not summarize, so one bad article never costs the others their summaries.

    ``kind`` is the exception's class name: ``InputError`` for input that is not a usable article,
    anything else is a model problem or a bug (its message keeps the class name too).
    """

    index: int
    error: str
    kind: str

    @classmethod
    def of(cls, index: int, exc: BaseException) -> "Failure":
        from summarize.errors import SummarizeError

        message = str(exc) if isinstance(exc, SummarizeError) else f"{type(exc).__name__}: {exc}"
        return cls(index, message.splitlines()[0] if message.strip() else type(exc).__name__, type(exc).__name__)
