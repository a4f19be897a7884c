"""The in-memory statement store: a corpus's claim-bearing sentences, built once.

Only sentences that carry a claim are indexed (a sentence without a number can never be
evidence), which keeps a 1,000-article corpus to a few thousand embeddings. Each sentence is
represented twice, both with its numbers masked (``statements.mask_sentence``):

- an embedding through the encoder seam (meaning; paraphrases across outlets);
- a TF-IDF vector of its words (the key nouns; names and programmes the encoder blurs).

Each document also gets a TF-IDF vector of its whole text: evidence should come from an
article about the same story, and a basketball report that happens to say "lebih dari 26"
is not one. ``search`` combines the three as ``store.py`` defines, with matrix products over
all sentences at once, never a loop over the corpus.

Saved as a folder: ``index.json`` (sentences, their claims as ``Claim.to_dict``, vocabularies),
``embeddings.npy`` and two ``.npz`` matrices; no pickle, so an index file cannot run code when
loaded.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from summarize.claims.corpus import CorpusDoc
from summarize.claims.lexical import TfidfSpace
from summarize.claims.statements import ArticleSentence, Extractor, article_statements
from summarize.claims.store import (
    DOCUMENT_WEIGHT,
    DOCUMENT_WORD,
    EMBEDDING_WEIGHT,
    LEXICAL_WEIGHT,
    SENTENCE_WORD,
    Hit,
    StatementStore,
    StoredSentence,
)
from summarize.claims.types import Claim
from summarize.encoders.base import Encoder

log = logging.getLogger(__name__)

FORMAT_VERSION = 3
_ENCODE_BATCH = 256


def encode_batched(encoder: Encoder, texts: Sequence[str], progress: bool = False) -> np.ndarray:
    """Embed in fixed batches so a large corpus can show a progress bar on stderr."""
    batches = [texts[i : i + _ENCODE_BATCH] for i in range(0, len(texts), _ENCODE_BATCH)]
    if progress:
        from tqdm import tqdm

        batches = tqdm(batches, desc="embedding corpus sentences", unit="batch")
    parts = [encoder.encode(list(b)) for b in batches]
    return np.vstack(parts).astype(np.float32) if parts else np.zeros((0, 0), dtype=np.float32)


@dataclass
class ClaimIndex(StatementStore):
    """Corpus sentences with their claims, their masked-sentence vectors (one row per sentence)
    and the corpus documents' word vectors (one row per document)."""

    doc_ids: list[str]
    doc_dates: list[str | None]
    sentences: list[str]
    sentence_claims: list[tuple[Claim, ...]]
    sentence_doc: np.ndarray
    embeddings: np.ndarray
    sentence_words: TfidfSpace
    doc_words: TfidfSpace
    encoder: str
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.doc_ids)

    def sentence(self, sid: int) -> StoredSentence:
        doc = int(self.sentence_doc[sid])
        return StoredSentence(sid, self.doc_ids[doc], self.doc_dates[doc], self.sentences[sid], self.sentence_claims[sid])

    def search(self, vectors: np.ndarray, masked: Sequence[str], text: str | None, k: int) -> list[list[Hit]]:
        if not self.sentences or not len(masked):
            return [[] for _ in masked]
        sim = EMBEDDING_WEIGHT * (np.asarray(vectors) @ self.embeddings.T)
        sim += LEXICAL_WEIGHT * self.sentence_words.cosine(masked)
        doc_sim = self.doc_words.cosine([text if text is not None else " ".join(masked)])[0]
        sim += DOCUMENT_WEIGHT * doc_sim[self.sentence_doc]
        out = []
        for row in sim:
            top = np.argsort(-row, kind="stable")[:k]
            out.append([Hit(int(s), float(min(max(row[s], 0.0), 1.0))) for s in top])
        return out

    def word_weight(self, word: str) -> float:
        return self.sentence_words.weight(word)

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
        found: list[ArticleSentence] = []
        sentence_doc: list[int] = []
        for doc in docs:
            try:
                statements = article_statements(doc.text, doc.date, extractor)
            except Exception as exc:  # one parser failure must not lose the other documents
                log.warning("corpus: skipped %s: claim extraction failed: %s", doc.id, exc)
                skipped.append((doc.id, f"claim extraction failed: {exc}"))
                continue
            sentence_doc += [len(kept)] * len(statements)
            kept.append(doc)
            found += statements
        masked = [s.masked for s in found]
        return cls(
            doc_ids=[d.id for d in kept],
            doc_dates=[d.date for d in kept],
            sentences=[s.text for s in found],
            sentence_claims=[s.claims for s in found],
            sentence_doc=np.array(sentence_doc, dtype=np.int64),
            embeddings=encode_batched(encoder, masked, progress),
            sentence_words=TfidfSpace.fit(masked, SENTENCE_WORD),
            doc_words=TfidfSpace.fit([d.text for d in kept], DOCUMENT_WORD),
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
            "doc_dates": self.doc_dates,
            "sentences": self.sentences,
            "sentence_claims": [[c.to_dict() for c in claims] for claims in self.sentence_claims],
            "sentence_doc": self.sentence_doc.tolist(),
            "sentence_words": self.sentence_words.save(folder, "sentence_words"),
            "doc_words": self.doc_words.save(folder, "doc_words"),
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
            doc_dates=meta["doc_dates"],
            sentences=meta["sentences"],
            sentence_claims=[tuple(Claim.from_dict(c) for c in claims) for claims in meta["sentence_claims"]],
            sentence_doc=np.array(meta["sentence_doc"], dtype=np.int64),
            embeddings=np.load(folder / "embeddings.npy"),
            sentence_words=TfidfSpace.load(folder, "sentence_words", meta["sentence_words"]),
            doc_words=TfidfSpace.load(folder, "doc_words", meta["doc_words"]),
            encoder=meta["encoder"],
            skipped=[(s[0], s[1]) for s in meta["skipped"]],
        )
