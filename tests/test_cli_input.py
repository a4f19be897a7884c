"""Input that looks fine but is not: the command in a subprocess either handles it or names it."""
from __future__ import annotations

import json

import pytest

from tests.test_cli import run

ARTICLE = ("Harga beras naik 5 persen di Bogor pada Senin. Pedagang mengeluh karena pembeli berkurang "
           "sejak pekan lalu. Pemerintah berjanji menambah stok beras di pasar tradisional.")


def test_html_page_is_summarized_from_its_text(tmp_path):
    pytest.importorskip("trafilatura")
    page = tmp_path / "berita.html"
    page.write_text(
        "<html><body><article><p>Harga beras naik 5 persen di Bogor pada Senin.</p>"
        "<p>Baca juga: Harga cabai turun tajam</p><p>Pedagang mengeluh karena pembeli berkurang.</p>"
        "<p>Pemerintah berjanji menambah stok beras di pasar tradisional.</p></article></body></html>",
        encoding="utf-8",
    )
    for args, stdin in (([str(page)], None), (["-"], page.read_bytes())):
        res = run(*args, "--json", "-q", stdin=stdin)
        assert res.returncode == 0, res.stderr.decode()
        data = json.loads(res.stdout)
        assert data["sentences"] and all("<" not in s["text"] and "Baca juga" not in s["text"] for s in data["sentences"])
        for s in data["sentences"]:  # offsets index the extracted text
            assert data["extracted_text"][s["start"] : s["end"]] == s["text"]


def test_utf16_file_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    res = run(str(path), "-k", "1", "-q")
    assert res.returncode == 0 and res.stdout.decode().strip() in ARTICLE


def test_oversize_file_names_its_size(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"kata " * (5 * 1024 * 1024))  # 25 MB
    res = run(str(path))
    assert res.returncode == 3 and "input is 25 MB; the limit is 20 MB" in res.stderr.decode()


def test_max_words_below_the_first_sentence_warns(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    res = run(str(path), "--max-words", "3", "-q")
    err = res.stderr.decode()
    assert res.returncode == 0 and len(res.stdout.decode().strip().splitlines()) == 1
    assert "summarize: warning: the best sentence has" in err and "more than max_words=3" in err


@pytest.mark.parametrize("value", ["-5", "nan", "1.5"])
def test_diversity_is_validated(tmp_path, value):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    res = run(str(path), f"--diversity={value}")
    assert res.returncode == 2 and "diversity must be between 0 and 1" in res.stderr.decode()
