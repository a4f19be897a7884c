"""The page and the report file in a real browser: headless Chromium (Debian's ``chromium`` and
``chromium-driver`` packages, driven by Selenium; nothing is downloaded at run time).

Checks the DOM (highlighted summary sentences, a verdict label on every claim, evidence shown on
click and on hover) and saves screenshots: to ``$SUMMARIZE_SCREENSHOTS`` when set (README's
``docs/report.png`` is made that way), else to the test's temporary directory.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="headless browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
)
webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium (the dev extra)")
pytest.importorskip("uvicorn", reason="the service needs the 'serve' extra")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from summarize.service.app import create_app  # noqa: E402
from summarize.service.config import ServiceConfig  # noqa: E402
from summarize.service.report import LABELS, write_report  # noqa: E402
from summarize.service.state import load_services  # noqa: E402
from tests.service.conftest import ARCHIVE, QUERY, bow_services  # noqa: E402
from tests.service.servers import thread_server  # noqa: E402
from tests.service.test_server import ARTICLE, DEMO  # noqa: E402

EDITED = "antara-2024-umkm-jakpreneur-edited"


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("SUMMARIZE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _card(driver, claim):
    return driver.find_element(By.ID, f"claim-{claim.get_attribute('data-claim')}")


def _shown_cards(driver) -> list[str]:
    return [c.get_attribute("id") for c in driver.find_elements(By.CSS_SELECTOR, ".claim-card") if c.is_displayed()]


def _check_labels(driver) -> dict[str, str]:
    """Every claim carries one text label matching its colour class; returns claim -> verdict."""
    verdicts = {}
    for mark in driver.find_elements(By.CSS_SELECTOR, "a.claim"):
        verdict = next(c[2:] for c in mark.get_attribute("class").split() if c.startswith("v-"))
        verdicts[mark.get_attribute("data-claim")] = verdict
        for label in mark.find_elements(By.CSS_SELECTOR, ".label"):
            assert label.text == LABELS[verdict]
    labelled = driver.find_elements(By.CSS_SELECTOR, "a.claim .label")
    assert len(labelled) == len(verdicts)  # one label per claim, however many spans it has
    return verdicts


def _full_page_screenshot(driver, path: Path) -> None:
    driver.execute_script("window.scrollTo(0, 0)")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(int(height) + 40, 4000))
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 1400)


def test_served_page_reports_an_article(browser, tmp_path, shots):
    config = ServiceConfig(archive=str(tmp_path / "newsroom.db"))
    services = load_services(config)  # the shipped e5 encoder and learned ranker, as `summarize serve`
    for line in DEMO.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        services.add(record["id"], record["text"], record.get("date"), None)
    try:
        with thread_server(create_app(config, services)) as base:
            browser.get(base + "/")
            assert browser.find_elements(By.CSS_SELECTOR, "form.input textarea")
            browser.execute_script("document.getElementById('text').value = arguments[0];"
                                   "document.getElementById('date').value = '2024-05-02';",
                                   ARTICLE.read_text(encoding="utf-8"))
            browser.find_element(By.CSS_SELECTOR, "form.input button").click()
            WebDriverWait(browser, 180).until(lambda d: d.find_elements(By.CSS_SELECTOR, "main.report"))

            summary = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".summary li")]
            assert len(summary) == 3
            for i, sentence in enumerate(summary):
                marks = browser.find_elements(By.CSS_SELECTOR, f'mark.summary[data-summary="{i}"]')
                assert "".join(m.text for m in marks).split() == sentence.split()

            verdicts = _check_labels(browser)
            assert "conflict" in verdicts.values()
            assert _shown_cards(browser) == []  # evidence waits for a click or hover

            conflict = next(m for m in browser.find_elements(By.CSS_SELECTOR, "a.claim.v-conflict"))
            conflict.click()
            card = _card(browser, conflict)
            assert _shown_cards(browser) == [card.get_attribute("id")]
            assert EDITED in card.text and "357.625 peserta" in card.text and LABELS["conflict"] in card.text

            other = next(m for m in browser.find_elements(By.CSS_SELECTOR, "a.claim")
                         if m.get_attribute("data-claim") != conflict.get_attribute("data-claim"))
            ActionChains(browser).move_to_element(other).perform()
            assert _shown_cards(browser) == [_card(browser, other).get_attribute("id")]

            conflict.click()
            _full_page_screenshot(browser, shots / "report.png")
    finally:
        services.close()
    assert (shots / "report.png").stat().st_size > 10_000


def test_report_file_shows_script_as_text(browser, tmp_path, shots):
    text = QUERY + '\n\n<script>alert("xss")</script> Harga <img src=x onerror="alert(1)"> naik 5,05 persen.'
    services = bow_services()
    for article in ARCHIVE:
        services.add(article["id"], article["text"], article["date"], article["source"])
    summary = services.summarizer.summarize(text, k=2)
    path = write_report(tmp_path / "report.html", text=text, summary=summary,
                        results=services.checker.check(text), date="2024-02-07")
    browser.get(path.as_uri())
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - an injected script would have opened one
    shown = browser.find_element(By.ID, "article-text").text
    assert '<script>alert("xss")</script>' in shown and '<img src=x onerror="alert(1)">' in shown
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1
    assert browser.find_elements(By.TAG_NAME, "img") == []

    verdicts = _check_labels(browser)
    assert len(verdicts) == len(services.checker.check(text))
    claim = browser.find_elements(By.CSS_SELECTOR, "a.claim")[0]
    claim.click()
    assert _shown_cards(browser) == [_card(browser, claim).get_attribute("id")]
    _full_page_screenshot(browser, shots / "report-file.png")
