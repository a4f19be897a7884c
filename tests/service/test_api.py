"""The JSON API in process (TestClient): records, validation, limits, archive writes, API key."""
from __future__ import annotations

import pytest

from summarize.service.config import ServiceConfig
from summarize.summarizer import Summarizer
from tests.claims.checker_fakes import BagOfWordsEncoder
from tests.service.conftest import API_KEY, ARCHIVE, QUERY, bow_services


def _no_traceback(response) -> None:
    assert "Traceback" not in response.text and 'File "' not in response.text


def test_summarize_returns_the_library_record(client):
    response = client.post("/v1/summarize", json={"text": QUERY, "k": 2})
    assert response.status_code == 200
    expected = Summarizer(encoder=BagOfWordsEncoder(), ranker="lead").summarize(QUERY, k=2).to_dict()
    assert response.json() == expected
    assert [s["index"] for s in response.json()["sentences"]] == [0, 1]


@pytest.mark.parametrize("length", [{"ratio": 0.5}, {"max_words": 40}, {}])
def test_summarize_length_options_reach_the_summarizer(client, length):
    got = client.post("/v1/summarize", json={"text": QUERY, **length}).json()
    expected = Summarizer(encoder=BagOfWordsEncoder(), ranker="lead").summarize(QUERY, **length).to_dict()
    assert got == expected


def test_summarize_takes_presplit_sentences_with_paragraphs(client):
    sentences = ["Kalimat pertama tentang ekonomi.", "Kalimat kedua tentang pupuk.", "Kalimat ketiga."]
    response = client.post("/v1/summarize", json={"sentences": sentences, "paragraphs": [0, 0, 1], "k": 1})
    assert response.status_code == 200
    assert [s["text"] for s in response.json()["sentences"]] == [sentences[0]]


def test_an_html_page_is_summarized_by_its_article_text_as_the_cli_does(filled):
    paragraphs = "".join(f"<p>{p}</p>" for p in QUERY.split("\n\n"))
    page = f"<html><head><title>BPS</title></head><body><nav>Beranda | Ekonomi</nav><article>{paragraphs}</article></body></html>"
    record = filled.post("/v1/summarize", json={"text": page, "k": 2}).json()
    extracted = record["extracted_text"]
    assert "5,3 persen" in extracted and "<p>" not in extracted
    for s in record["sentences"]:
        assert extracted[s["start"] : s["end"]] == s["text"]
    claims = filled.post("/v1/check", json={"text": page}).json()["claims"]
    assert "5,3 persen" in [c["claim"]["surface"] for c in claims]


@pytest.mark.parametrize(
    "body, status, words",
    [
        (b"{not json", 400, "bad JSON"),
        (b'{"text": 5}', 422, "text"),
        (b'{"text": "   "}', 422, "empty"),
        (b'{"text": "Satu kalimat.", "k": "3"}', 422, "k"),
        (b'{"text": "Satu kalimat.", "k": 0}', 422, "k"),
        (b'{"text": "Satu kalimat.", "ratio": 2}', 422, "ratio"),
        (b'{"text": "Satu kalimat.", "k": 2, "ratio": 0.5}', 422, "at most one"),
        (b'{"text": "Satu kalimat.", "ration": 0.5}', 422, "ration"),
        (b'{"text": "a", "sentences": ["a"]}', 422, "exactly one"),
        (b"{}", 422, "exactly one"),
        (b"[]", 422, "object"),
        (b'{"text": "Satu kalimat.", "adaptive": true}', 422, "learned no summary length"),
    ],
)
def test_bad_requests_get_4xx_with_one_line(client, body, status, words):
    response = client.post("/v1/summarize", content=body, headers={"content-type": "application/json"})
    assert response.status_code == status
    error = response.json()["error"]
    assert words in error and "\n" not in error
    _no_traceback(response)


def test_body_over_the_limit_is_413_declared_or_streamed(client):
    big = b'{"text": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    declared = client.post("/v1/summarize", content=big, headers={"content-type": "application/json"})
    assert declared.status_code == 413

    def chunks():
        for i in range(0, len(big), 64 * 1024):
            yield big[i : i + 64 * 1024]

    streamed = client.post("/v1/summarize", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    for response in (declared, streamed):  # the same JSON error whichever way the limit is met
        assert response.headers["content-type"] == "application/json"
        assert response.json() == {"error": "request body too large: the limit is 2,097,152 bytes"}
        _no_traceback(response)


def test_a_declared_oversize_body_is_refused_as_json_on_every_route(client):
    # Content-Length says too much: answered before any route runs, even one that reads no body.
    headers = {"content-type": "application/json", "content-length": str(3 * 1024 * 1024)}
    for method, path in (("POST", "/v1/check"), ("POST", "/v1/articles"), ("GET", "/health"), ("DELETE", "/v1/articles/x")):
        response = client.request(method, path, content=b"x" * (3 * 1024 * 1024), headers=headers)
        assert response.status_code == 413, path
        assert "too large" in response.json()["error"], path


def test_an_internal_error_is_500_json_without_traceback(make_client):
    class Broken(Summarizer):
        def summarize(self, *args, **kwargs):
            raise RuntimeError("secret internals")

    services = bow_services(summarizer=Broken(encoder=BagOfWordsEncoder(), ranker="lead"))
    client = make_client(services=services, raise_server_exceptions=False)
    response = client.post("/v1/summarize", json={"text": QUERY})
    assert response.status_code == 500
    assert "secret" not in response.text
    _no_traceback(response)


def test_check_returns_the_checkers_records(filled):
    response = filled.post("/v1/check", json={"text": QUERY, "date": "2024-02-07"})
    assert response.status_code == 200
    body = response.json()
    assert body["articles"] == len(ARCHIVE)
    direct = filled.app.state.services.checker.check(QUERY, date="2024-02-07")
    assert body["claims"] == [r.to_dict() for r in direct]
    assert any(r["evidence"] for r in body["claims"])  # the archive was really consulted
    for record in body["claims"]:
        assert record["verdict"] in {"consistent", "conflict", "unverified"}
        assert "frame" in record["claim"]


def test_check_validates_the_date(filled):
    response = filled.post("/v1/check", json={"text": QUERY, "date": "7/2/2024"})
    assert response.status_code == 422 and "YYYY-MM-DD" in response.json()["error"]


def test_without_an_archive_check_and_articles_answer_503(make_client):
    client = make_client(services=bow_services(archive=False))
    assert client.post("/v1/check", json={"text": QUERY}).status_code == 503
    assert client.get("/v1/articles/x").status_code == 503
    assert client.post("/v1/summarize", json={"text": QUERY}).status_code == 200


def test_articles_add_is_idempotent_and_replaces_new_text(client):
    article = ARCHIVE[0]
    first = client.post("/v1/articles", json=article)
    assert (first.status_code, first.json()) == (201, {"id": article["id"], "status": "added"})
    again = client.post("/v1/articles", json=article)
    assert (again.status_code, again.json()["status"]) == (200, "unchanged")
    changed = client.post("/v1/articles", json={**article, "text": article["text"] + " Data direvisi."})
    assert changed.json()["status"] == "replaced"
    assert client.get("/v1/stats").json()["archive"]["articles"] == 1


def test_article_get_and_delete(filled):
    got = filled.get(f"/v1/articles/{ARCHIVE[2]['id']}")
    assert got.status_code == 200
    record = got.json()
    assert (record["id"], record["date"]) == (ARCHIVE[2]["id"], ARCHIVE[2]["date"])
    assert any(c["surface"] == "4,7 juta ton" for c in record["claims"])
    assert filled.delete(f"/v1/articles/{ARCHIVE[2]['id']}").json() == {"id": ARCHIVE[2]["id"], "status": "removed"}
    assert filled.get(f"/v1/articles/{ARCHIVE[2]['id']}").status_code == 404
    missing = filled.delete(f"/v1/articles/{ARCHIVE[2]['id']}")
    assert missing.status_code == 404 and "no article" in missing.json()["error"]
    assert filled.post("/v1/check", json={"text": QUERY}).json()["articles"] == len(ARCHIVE) - 1


def test_article_ids_may_hold_slashes(client):
    article = {**ARCHIVE[0], "id": "https://example.id/berita/2024/02/bps"}
    assert client.post("/v1/articles", json=article).status_code == 201
    assert client.get(f"/v1/articles/{article['id']}").json()["id"] == article["id"]
    assert client.delete(f"/v1/articles/{article['id']}").status_code == 200


def test_writes_need_the_key_when_one_is_set(make_client):
    client = make_client(config=ServiceConfig(api_key=API_KEY))
    article = ARCHIVE[0]
    assert client.post("/v1/articles", json=article).status_code == 401
    assert client.post("/v1/articles", json=article, headers={"X-API-Key": "wrong-key-0123456789"}).status_code == 401
    assert client.post("/v1/articles", json=article, headers={"X-API-Key": API_KEY}).status_code == 201
    assert client.delete(f"/v1/articles/{article['id']}").status_code == 401
    assert client.delete(f"/v1/articles/{article['id']}", headers={"X-API-Key": API_KEY}).status_code == 200
    # reads stay open
    assert client.post("/v1/summarize", json={"text": QUERY}).status_code == 200
    assert client.post("/v1/check", json={"text": QUERY}).status_code == 200


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "newsroom.example"])
def test_listening_beyond_loopback_without_a_key_is_refused(host):
    with pytest.raises(ValueError, match="API key"):
        ServiceConfig(host=host)
    assert ServiceConfig(host=host, api_key=API_KEY).api_key == API_KEY


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_runs_without_a_key(host):
    assert ServiceConfig(host=host).api_key is None


def test_a_short_key_is_refused():
    with pytest.raises(ValueError, match="too short"):
        ServiceConfig(api_key="abc")


def test_health_stats_and_openapi(filled):
    assert filled.get("/health").json() == {"status": "ok", "archive": True}
    stats = filled.get("/v1/stats").json()
    assert stats["encoder"] == "bow-test" and stats["ranker"] == "lead"
    assert stats["archive"]["articles"] == len(ARCHIVE)
    paths = filled.get("/openapi.json").json()["paths"]
    assert {"/v1/summarize", "/v1/check", "/v1/articles", "/v1/articles/{article_id}", "/v1/stats", "/health"} <= set(paths)
    assert "X-API-Key" in filled.get("/openapi.json").text
    docs = filled.get("/docs")
    assert docs.status_code == 200 and "cdn." not in docs.text  # works offline
    assert filled.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200
