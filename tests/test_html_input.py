"""HTML articles: detected by their opening tag, and their text extracted before summarizing."""
from __future__ import annotations

import pytest

from summarize.errors import InputError
from summarize.html_input import extract_text, looks_like_html

pytest.importorskip("trafilatura")

PAGE = (
    "<!DOCTYPE html><html><head><title>Harga beras</title></head><body><nav>Beranda | Ekonomi</nav>"
    "<article><p>Harga beras naik 5 persen di Bogor pada Senin.</p><p>Baca juga: Harga cabai turun</p>"
    "<p>Pedagang mengeluh karena pembeli berkurang sejak pekan lalu.</p></article></body></html>"
)


@pytest.mark.parametrize("text, expected", [
    (PAGE, True),
    ("  <!-- arsip --><p>Harga naik.</p>", True),
    ("<DIV class='x'>Harga naik.</DIV>", True),
    ("Harga naik. Tag <p> disebut di sini.", False),
    ("<5 persen warga setuju.", False),
])
def test_detection_by_opening_tag(text, expected):
    assert looks_like_html(text) is expected


def test_extraction_keeps_paragraphs_as_lines_without_tags():
    text = extract_text(PAGE)
    assert "<" not in text and "Harga beras naik 5 persen di Bogor pada Senin." in text.splitlines()
    assert "Pedagang mengeluh karena pembeli berkurang sejak pekan lalu." in text.splitlines()


def test_a_page_without_text_is_bad_input():
    with pytest.raises(InputError, match="no article text"):
        extract_text("<html><body><script>var x = 1;</script></body></html>", "page.html")
