"""dateline_end: names written with a spaced dash ("U - 23", "S - 400", "Indonesia - 1") are not
datelines unless an outlet is named; real datelines still are."""
from __future__ import annotations

import pytest

from summarize.text import article_sentences
from summarize.text.dateline import dateline_end


@pytest.mark.parametrize("sentence", [
    "Kuota U - 23 sendiri di posisi Ahmad Nufiandani.",
    "S - 400 dan S - 300 adalah sistem pertahanan udara.",
    "Timnas U - 19 akan bertolak ke Prancis.",
    "GO - JEK akan melebarkan sayap ke Filipina.",
    "Stasiun Tiangong - 2 membawa 14 instrumen eksperimen.",
    "Pesawat Kepresidenan Indonesia - 1 yang membawa Presiden lepas landas.",
])
def test_a_name_with_a_spaced_dash_is_no_dateline(sentence: str) -> None:
    assert dateline_end(sentence, first=True) == 0


@pytest.mark.parametrize(("sentence", "end"), [
    ("Jakarta - Pemerintah menaikkan harga.", len("Jakarta - ")),
    ("Merdeka.com - Empat ABG digelandang ke Polsek.", len("Merdeka.com - ")),
    ("Jakarta, CNN Indonesia -- 23 orang tewas.", len("Jakarta, CNN Indonesia -- ")),
])
def test_real_datelines_are_still_trimmed(sentence: str, end: int) -> None:
    assert dateline_end(sentence, first=True) == end


def test_a_later_paragraph_needs_an_outlet() -> None:
    assert dateline_end("Jakarta - Pemerintah menaikkan harga.", first=False) == 0
    assert dateline_end("Suara.com - Toyota Calya laris.", first=False) == len("Suara.com - ")


def test_the_pipeline_keeps_a_name_that_opens_an_article() -> None:
    assert article_sentences("Timnas U - 23 berlatih di Bali. Mereka senang.")[0].text.startswith("Timnas U - 23")
