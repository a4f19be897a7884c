"""The page in process: the form, the report it answers with, and its errors."""
from __future__ import annotations

from summarize.service.report import LABELS
from tests.service.conftest import QUERY


def test_the_page_is_a_form(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<form method="post" action="/"' in page.text and 'name="date"' in page.text
    assert "main class=\"report\"" not in page.text


def test_posting_an_article_answers_with_its_report(filled):
    page = filled.post("/", data={"text": QUERY + "\n\n<script>alert(1)</script>", "date": "2024-02-07"})
    assert page.status_code == 200
    assert 'data-summary="0"' in page.text and "article date 2024-02-07" in page.text
    assert LABELS["conflict"] in page.text and "bps-2024-02" in page.text
    assert "<script>alert(1)</script>" not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_input_problems_are_shown_above_the_form(filled):
    empty = filled.post("/", data={"text": "   "})
    assert empty.status_code == 422 and 'role="alert"' in empty.text and "empty" in empty.text
    bad_date = filled.post("/", data={"text": QUERY, "date": "2024-02-30"})
    assert bad_date.status_code == 422 and "YYYY-MM-DD" in bad_date.text
    assert QUERY.split()[0] in bad_date.text  # the pasted text is kept in the form


def test_an_html_page_shows_its_article_text(filled):
    page = filled.post("/", data={"text": f"<html><body><article><p>{QUERY}</p></article></body></html>"})
    assert page.status_code == 200
    article = page.text.split('id="article-text">', 1)[1].split("</div>", 1)[0]
    assert "&lt;p&gt;" not in article and "5,3 persen" in article
