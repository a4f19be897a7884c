"""The corpus side of the claim checker, built once: every corpus claim plus vectors of its sentence.

Only sentences that carry a claim are indexed (a sentence without a number can never be
evidence), which keeps a 1,000-article corpus to a few thousand embeddings. Each sentence is
represented twice, both with its numbers masked so that "91,82 persen" and "78 persen" in
sentences about the same thing look alike:

- an embedding through the encoder seam (meaning; paraphrases across outlets);
- a TF-IDF vector of its words (the key nouns; names and programmes the encoder blurs).

Each document also gets a TF-IDF vector of its whole text: evidence should come from an
article about the same story, and a basketball report that happens to say "lebih dari 26"
is not one.

Saved as a folder: ``index.json`` (claims, sentences, vocabularies), ``embeddings.npy`` and
two ``.npz`` matrices; no pickle, so an index file cannot run code when loaded.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from summarize.claims.corpus import CorpusDoc
from summarize.claims.lexical import TfidfSpace
from summarize.claims.local import stems
from summarize.claims.types import Claim
from summarize.encoders.base import Encoder

log = logging.getLogger(__name__)

Extractor = Callable[..., list[Claim]]

FORMAT_VERSION = 2
MASK = "#"
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = r"[^\W\d_]{2,}"
_WORDS = re.compile(_WORD)
#: Document vectors skip two-letter words ("di", "ke", "RT"): at article length they are noise.
_DOC_WORD = r"[^\W\d_]{3,}"
#: Words either side of a number that describe *which* quantity it is ("naik 5 persen menjadi
#: 20 persen": "naik" vs "menjadi"); they separate two claims that share one sentence. The window
#: stops at the clause's edge (see ``_CLAUSE_EDGE``): "ekspor ... turun 6,71 persen, sementara
#: impor ... turun 5,96 persen" keeps each number with its own subject.
CONTEXT_LEFT, CONTEXT_RIGHT = 8, 4
_CLAUSE_EDGE = re.compile(r"[;:()\"“”]|,(?!\d)|\b(?:sementara|sedangkan|namun|tetapi|adapun)\b", re.IGNORECASE)
_ENCODE_BATCH = 256


def mask_sentence(sentence: str, spans: Sequence[tuple[int, int]]) -> str:
    """``sentence`` with each claim span (relative offsets) and every other digit run masked."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out += [sentence[pos:start], MASK]
        pos = end
    out.append(sentence[pos:])
    return _DIGITS.sub(MASK, "".join(out))


def claim_context(claim: Claim) -> tuple[str, ...]:
    """The lowercased words just before and after the claim's surface in its sentence."""
    rel_start = claim.start - claim.sentence_start
    rel_end = claim.end - claim.sentence_start
    before = _CLAUSE_EDGE.split(claim.sentence[: max(rel_start, 0)])[-1]
    after = _CLAUSE_EDGE.split(claim.sentence[max(rel_end, 0) :])[0]
    left = _WORDS.findall(before.lower())[-CONTEXT_LEFT:]
    right = _WORDS.findall(after.lower())[:CONTEXT_RIGHT]
    return tuple(left + right)


def group_by_sentence(claims: Sequence[Claim]) -> tuple[list[str], list[str], list[int]]:
    """Original sentences, their masked forms, and each claim's sentence number (first-seen order)."""
    keys: dict[tuple[int, int], int] = {}
    spans: list[list[tuple[int, int]]] = []
    originals: list[str] = []
    of_claim: list[int] = []
    for c in claims:
        key = (c.sentence_start, c.sentence_end)
        if key not in keys:
            keys[key] = len(originals)
            originals.append(c.sentence)
            spans.append([])
        s = keys[key]
        spans[s].append((c.start - c.sentence_start, c.end - c.sentence_start))
        of_claim.append(s)
    masked = [mask_sentence(text, sp) for text, sp in zip(originals, spans)]
    return originals, masked, of_claim


def encode_batched(encoder: Encoder, texts: Sequence[str], progress: bool = False) -> np.ndarray:
    """Embed in fixed batches so a large corpus can show a progress bar on stderr."""
    batches = [texts[i : i + _ENCODE_BATCH] for i in range(0, len(texts), _ENCODE_BATCH)]
    if progress:
        from tqdm import tqdm

        batches = tqdm(batches, desc="embedding corpus sentences", unit="batch")
    parts = [encoder.encode(list(b)) for b in batches]
    return np.vstack(parts).astype(np.float32) if parts else np.zeros((0, 0), dtype=np.float32)


@dataclass(frozen=True)
class IndexedClaim:
    """A corpus claim, reduced to what matching and the verdict need."""

    doc: int
    sentence: int
    surface: str
    value: Decimal
    low: Decimal
    high: Decimal
    unit: str
    noun: str | None
    time: str | None
    context: tuple[str, ...]


@dataclass
class ClaimIndex:
    """Corpus claims, their masked-sentence vectors (one row per indexed sentence) and the
    corpus documents' word vectors (one row per document)."""

    doc_ids: list[str]
    sentences: list[str]
    sentence_doc: np.ndarray
    embeddings: np.ndarray
    sentence_words: TfidfSpace
    doc_words: TfidfSpace
    claims: list[IndexedClaim]
    encoder: str
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.units = np.array([c.unit for c in self.claims], dtype=object)
        self.claim_sentence = np.array([c.sentence for c in self.claims], dtype=np.int64)
        self._stems: dict[int, frozenset[str]] = {}

    def context_stems(self, row: int) -> frozenset[str]:
        """The roots of corpus claim ``row``'s context words, stemmed on first use (most claims
        are never a candidate, so stemming all of them at build time would be wasted)."""
        found = self._stems.get(row)
        if found is None:
            found = self._stems[row] = stems(self.claims[row].context)
        return found

    @classmethod
    def build(
        cls,
        docs: Sequence[CorpusDoc],
        encoder: Encoder,
        extractor: Extractor,
        skipped: Sequence[tuple[str, str]] = (),
        progress: bool = False,
    ) -> "ClaimIndex":
        """Extract every document's claims, then embed all claim sentences in shared batches."""
        skipped = list(skipped)
        kept: list[CorpusDoc] = []
        claims: list[IndexedClaim] = []
        originals: list[str] = []
        masked: list[str] = []
        sentence_doc: list[int] = []
        for doc in docs:
            try:
                found = extractor(doc.text, date=doc.date)
            except Exception as exc:  # one parser failure must not lose the other documents
                log.warning("corpus: skipped %s: claim extraction failed: %s", doc.id, exc)
                skipped.append((doc.id, f"claim extraction failed: {exc}"))
                continue
            d = len(kept)
            kept.append(doc)
            sents, masks, of_claim = group_by_sentence(found)
            base = len(originals)
            originals += sents
            masked += masks
            sentence_doc += [d] * len(sents)
            claims += [_indexed(c, d, base + s) for c, s in zip(found, of_claim)]
        return cls(
            doc_ids=[d.id for d in kept],
            sentences=originals,
            sentence_doc=np.array(sentence_doc, dtype=np.int64),
            embeddings=encode_batched(encoder, masked, progress),
            sentence_words=TfidfSpace.fit(masked, _WORD),
            doc_words=TfidfSpace.fit([d.text for d in kept], _DOC_WORD),
            claims=claims,
            encoder=encoder.name,
            skipped=skipped,
        )

    def save(self, path: str | Path) -> None:
        """Write the index into folder ``path`` (created if missing)."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        meta = {
            "format": FORMAT_VERSION,
            "encoder": self.encoder,
            "doc_ids": self.doc_ids,
            "sentences": self.sentences,
            "sentence_doc": self.sentence_doc.tolist(),
            "sentence_words": self.sentence_words.save(folder, "sentence_words"),
            "doc_words": self.doc_words.save(folder, "doc_words"),
            "claims": [_claim_json(c) for c in self.claims],
            "skipped": [list(s) for s in self.skipped],
        }
        (folder / "index.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        np.save(folder / "embeddings.npy", self.embeddings)

    @classmethod
    def load(cls, path: str | Path) -> "ClaimIndex":
        folder = Path(path)
        meta = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT_VERSION:
            raise ValueError(f"{folder}: unsupported claim index format {meta.get('format')!r}")
        return cls(
            doc_ids=meta["doc_ids"],
            sentences=meta["sentences"],
            sentence_doc=np.array(meta["sentence_doc"], dtype=np.int64),
            embeddings=np.load(folder / "embeddings.npy"),
            sentence_words=TfidfSpace.load(folder, "sentence_words", meta["sentence_words"]),
            doc_words=TfidfSpace.load(folder, "doc_words", meta["doc_words"]),
            claims=[_claim_from_json(c) for c in meta["claims"]],
            encoder=meta["encoder"],
            skipped=[(s[0], s[1]) for s in meta["skipped"]],
        )


def _indexed(c: Claim, doc: int, sentence: int) -> IndexedClaim:
    q = c.quantity
    return IndexedClaim(doc, sentence, c.surface, q.value, q.low, q.high, q.unit, q.noun, c.time, claim_context(c))


def _claim_json(c: IndexedClaim) -> dict:
    out = asdict(c)
    out.update(value=str(c.value), low=str(c.low), high=str(c.high), context=list(c.context))
    return out


def _claim_from_json(d: dict) -> IndexedClaim:
    d = dict(d, value=Decimal(d["value"]), low=Decimal(d["low"]), high=Decimal(d["high"]))
    return IndexedClaim(**dict(d, context=tuple(d["context"])))
