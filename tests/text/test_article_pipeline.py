"""article_sentences: cleaning the example articles, dateline trimming, offsets kept."""
from __future__ import annotations

from pathlib import Path

import pytest

from summarize.text import article_sentences
from summarize.text.clean import blank, boilerplate_spans

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXAMPLES = sorted(FIXTURES.glob("antara-*.txt"))
BOILERPLATE = ("Baca juga", "Pewarta", "Editor", "Copyright", "ANTARA 20")


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_article_is_cleaned(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    sents = article_sentences(original)
    assert len(sents) >= 10
    for s in sents:
        assert not any(b in s.text for b in BOILERPLATE), s.text
        assert squash(original[s.start : s.end]) == s.text
    assert [s.start for s in sents] == sorted(s.start for s in sents)
    # The dateline is trimmed: the first sentence starts with its subject.
    assert not sents[0].text.startswith("Jakarta (ANTARA)")
    assert original[sents[0].start - len("(ANTARA) - ") : sents[0].start] == "(ANTARA) - "


def test_headline_fragment_dropped_and_numbers_kept() -> None:
    original = (FIXTURES / "antara-2023-umkm-paris-fashion-week.txt").read_text(encoding="utf-8")
    sents = article_sentences(original)
    assert sents[0].text.startswith("Pemerintah Provinsi (Pemprov) DKI Jakarta memperluas")
    assert any("91,82 persen" in s.text and "(10/9)" in s.text for s in sents)


@pytest.mark.parametrize(
    ("dateline", "subject"),
    [
        ("Jakarta (ANTARA) - ", "Pemerintah menaikkan harga."),
        ("Jakarta, CNN Indonesia -- ", "Komisi Yudisial mengingatkan hakim."),
        ("Suara.com - ", "Toyota Calya laris."),
        ("Liputan6.com, Jakarta - ", "Presiden meresmikan jalan tol."),
        ("JAKARTA, KOMPAS.com - ", "Polisi menangkap pelaku."),
        ("Magelang (ANTARA News) - ", "Jerman mendukung konservasi."),
    ],
)
def test_dateline_trimmed_offsets_kept(dateline: str, subject: str) -> None:
    original = f"{dateline}{subject} Ia senang."
    first = article_sentences(original)[0]
    assert first.text == subject
    assert first.start == len(dateline)
    assert original[first.start : first.end] == subject


def test_dash_inside_a_later_sentence_is_not_a_dateline() -> None:
    sents = article_sentences("Warga datang.\nAhok - sapaan akrab Basuki - hadir. Ia senang.")
    assert sents[1].text == "Ahok - sapaan akrab Basuki - hadir."


def test_normalisation_keeps_offsets() -> None:
    original = (
        "\ufeffJakarta (ANTARA) - Harga\u00a0cabai naik 5\u200b persen.\r\n\r\nWarga\u2009mengeluh."
    )
    sents = article_sentences(original)
    assert [s.text for s in sents] == ["Harga cabai naik 5 persen.", "Warga mengeluh."]
    assert original[sents[0].start : sents[0].end] == "Harga\u00a0cabai naik 5\u200b persen."
    assert original[sents[1].start : sents[1].end] == "Warga\u2009mengeluh."
    assert [s.paragraph for s in sents] == [0, 1]


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga: Pemprov DKI optimalkan produk dalam negeri",
        "BACA JUGA : Harga cabai naik",
        "Pewarta: Siti Nurhaliza",
        "Editor: Sri Muryono",
        "Copyright © ANTARA 2024",
        "Dibaca 1.234 kali",
        "(ama/ama)",
        "[Gambas:Video CNN]",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    text = f"Warga datang ke balai kota.\n{line}\nMereka pulang sore hari."
    assert [s.text for s in article_sentences(text)] == [
        "Warga datang ke balai kota.",
        "Mereka pulang sore hari.",
    ]


def test_inline_photo_credit_and_editor_code() -> None:
    text = "Warga antre di pasar (ANTARA/Rivan Awal Lingga) sejak pagi. Harga naik. (rsa/ama)"
    expected = ["Warga antre di pasar sejak pagi.", "Harga naik."]
    assert [s.text for s in article_sentences(text)] == expected


def test_prose_with_colon_is_kept() -> None:
    text = "Warga datang.\nMenurut dia: harga naik 5 persen.\nMereka pulang."
    assert len(article_sentences(text)) == 3


def test_blank_keeps_length_and_newlines() -> None:
    text = "a\nBaca juga: x\ny"
    out = blank(text, boilerplate_spans(text))
    assert len(out) == len(text) and out.count("\n") == 2 and "Baca" not in out


def test_long_line_starting_like_a_credit_is_prose() -> None:
    line = "Sumber: " + "Badan Pusat Statistik mencatat inflasi tahunan naik menjadi 5 persen " * 4
    text = f"Warga datang.\n{line.strip()}.\nMereka pulang."
    assert len(article_sentences(text)) == 3
