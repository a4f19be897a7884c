"""Property: the whole pipeline never crashes on arbitrary text; it summarizes or names the problem.

A deterministic bag-of-characters encoder stands in for e5 so hypothesis can run hundreds of
cases quickly; it is registered under no model's name.
"""
from __future__ import annotations

import zlib

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize import Summarizer
from summarize.encoders.base import Encoder, l2_normalize
from summarize.errors import InputError


class CharHashEncoder(Encoder):
    name = "test-char-hash"

    def encode(self, texts):
        out = np.zeros((len(texts), 16), dtype=np.float32)
        for i, t in enumerate(texts):
            for ch in t:
                out[i, zlib.crc32(ch.encode("utf-8", "surrogatepass")) % 16] += 1.0
        return l2_normalize(out + 1e-3)


SUMMARIZER = {name: Summarizer(encoder=CharHashEncoder(), ranker=name) for name in ("lead", "centrality")}

news_like = st.lists(
    st.one_of(
        st.text(min_size=0, max_size=80),
        st.sampled_from(["Jakarta (ANTARA) - ", "Baca juga: x", "\u00a0", "\r\n", "91,82 persen.", "Dr. H. ",
                         "Rp1.500,50.", '"Ya," kata dia.', "...", "(10/9)", "Pewarta: A\n", "\n\n"]),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=news_like, k=st.integers(1, 5), ranker=st.sampled_from(sorted(SUMMARIZER)))
def test_summarize_never_crashes(text, k, ranker):
    try:
        summary = SUMMARIZER[ranker].summarize(text, k=k)
    except InputError:
        return
    idx = [s.index for s in summary.sentences]
    assert idx == sorted(idx) and len(set(idx)) == len(idx)
    assert 1 <= len(idx) <= k
    for s in summary.sentences:
        assert 0 <= s.start <= s.end <= len(text)
        assert np.isfinite(s.score)
