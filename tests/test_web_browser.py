"""End-to-end tests of the page in a real browser: Playwright driving Debian's Chromium.

Playwright's own browser download does not work here, so the tests use /usr/bin/chromium
(`apt-get install -y chromium`) and skip with that reason when it is missing. Screenshots
go to test-artifacts/ (gitignored) for a human to look at.
"""

from __future__ import annotations

import json
import pathlib

import pytest

from conftest import ROOT, SEED, needs_shared
from quellenlage.web.app import Settings, create_app
from test_web_helpers import CRAFTED_TEXT, crafted_analyze, running_server

CHROMIUM = pathlib.Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
TOKEN = "browser-test-token-0123456789"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is missing at /usr/bin/chromium "
                       "(install it with `apt-get install -y chromium`)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def crafted_url():
    with running_server(create_app(Settings(), analyze_fn=crafted_analyze)) as base:
        yield base


@pytest.fixture(scope="module")
def real_url():
    with running_server(create_app(Settings())) as base:
        yield base


class Watch:
    """Everything the page does behind our back: requests, console errors, dialogs, page errors."""

    def __init__(self, page) -> None:
        self.requests: list[str] = []
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))

        def on_dialog(d) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE", accept_downloads=True)
    pg = ctx.new_page()
    pg.watch = Watch(pg)
    yield pg
    ctx.close()


def _analyze(page, base: str, text: str) -> None:
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.fill("#text", text)
    page.click("#analyze-btn")
    page.wait_for_selector("#verdict-form", timeout=60_000)


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


# ------------------------------------------------------------------ acceptance: the seed article

@needs_shared
def test_seed_article_in_browser(page, real_url):
    """Acceptance of issue 7: the seed's headline verdict, a highlighted cue and the
    Shoemaker → Daily Express chain are visible (depends on the real pipeline)."""
    _analyze(page, real_url, SEED.read_text(encoding="utf-8"))
    _shot(page, "web-seed.png")
    assert page.locator("#headline").inner_text().startswith("Atom-Alarm!")
    assert page.locator("#verdict-summary").is_visible()
    assert page.locator("#verdict-form").inner_text() in ("Frage", "Aussage", "Zitat")
    cue = page.locator("#article-body .cue, #headline .cue").first
    assert cue.count() == 1, "no cue word highlighted"
    assert cue.is_visible() and cue.get_attribute("title")
    chain = page.locator("#chain-list li", has_text="Shoemaker").filter(has_text="Daily Express")
    assert chain.count() >= 1, "no Shoemaker → Daily Express chain"
    assert chain.first.is_visible()
    text = chain.first.inner_text()
    assert text.index("Shoemaker") < text.index("Daily Express")
    assert not page.watch.problems
    page.set_viewport_size({"width": 390, "height": 844})  # phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


# ------------------------------------------------------------------ the page on a crafted claim map

def test_crafted_article_annotated(page, crafted_url):
    _analyze(page, crafted_url, CRAFTED_TEXT)
    _shot(page, "web-crafted.png")
    # headline verdict on top
    assert page.locator("#verdict-form").inner_text() == "Frage"
    assert "mehr, als der Text belegt" in page.locator("#verdict-summary").inner_text()
    assert "nur vage gestützt" in page.locator("#verdict-support").inner_text()
    assert "Alarmrahmung" in page.locator("#verdict-overstates").inner_text()
    click_cue = page.locator("#headline .cue-click", has_text="Schock-Bericht")
    assert click_cue.is_visible() and "Clickbait" in click_cue.get_attribute("title")
    # a cue word underlined, with a tooltip saying why; tapping it explains it too
    cue = page.locator("#article-body .cue-cert", has_text="angeblich")
    assert cue.is_visible()
    assert "angeblich" in cue.get_attribute("title") and "Sicherheits-Signal" in cue.get_attribute("title")
    assert cue.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
    cue.click()
    assert page.locator("#why").is_visible() and "angeblich" in page.locator("#why").inner_text()
    assert page.locator("#article-body .cue-quote", has_text="sagte").is_visible()
    # each sentence's certainty and attribution
    badges = page.locator("#article-body .badge")
    assert badges.count() >= 3
    assert "angeblich" in badges.first.inner_text() and "eigene Stimme" in badges.first.inner_text()
    assert page.locator(".badge", has_text="direkt").count() == 1
    # sources coloured by kind
    person = page.locator("#article-body .src.k-person", has_text="Anna Berg")
    media = page.locator("#article-body .src.k-media", has_text="Tagesblatt")
    colour = "e => getComputedStyle(e).borderBottomColor"
    assert person.evaluate(colour) != media.evaluate(colour)
    # the chain source → channel → article, as a list and as an SVG graph
    chain = page.locator("#chain-list li", has_text="Anna Berg")
    assert chain.inner_text().replace("\n", "").split("→")[:2] == ["Anna Berg ", " Tagesblatt "]
    graph_text = page.locator("#sources svg.graph text").evaluate_all("els => els.map(e => e.textContent)")
    assert {"Anna Berg", "Tagesblatt", "Experten"} <= set(graph_text)
    assert page.locator("#sources svg.graph path.edge").count() >= 3
    # headline evidence jumps to its sentence
    page.locator("#verdict-evidence button", has_text="c1").click()
    assert page.locator("#article-body .sent.flash").get_attribute("data-sid") == "s1"
    # scorecard
    assert "Behauptungen" in page.locator("#scorecard-list").inner_text()
    assert not page.watch.problems


def test_script_laden_article_stays_text(page, crafted_url):
    _analyze(page, crafted_url, CRAFTED_TEXT)
    # the article's own text (sentence badges left out) shows the markup literally
    text = page.locator("#article-body").evaluate(
        "e => { const c = e.cloneNode(true); c.querySelectorAll('.badge').forEach(b => b.remove());"
        " return c.textContent; }")
    assert "<script>window.__pwned = 1; alert('xss')</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert page.locator("#article-body script, #article-body img, #report img").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert page.watch.dialogs == []


def test_language_toggle(page, crafted_url):
    _analyze(page, crafted_url, CRAFTED_TEXT)
    page.click("#lang-toggle")
    assert page.locator("#verdict-form").inner_text() == "question"
    assert page.locator("#tab-analyze").inner_text() == "Check article"
    assert "Certainty cue" in page.locator("#article-body .cue-cert").first.get_attribute("title")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.reload()  # the choice is remembered
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#analyze-btn").inner_text() == "Analyse"
    page.click("#lang-toggle")
    assert page.locator("#analyze-btn").inner_text() == "Analysieren"


def test_phone_width(browser, crafted_url):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                              has_touch=True)
    page = ctx.new_page()
    try:
        _analyze(page, crafted_url, CRAFTED_TEXT)
        _shot(page, "web-phone.png")
        # nothing wider than the screen: no sideways scrolling
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert page.locator("#chain-list").is_visible()
        page.locator("#article-body .cue-cert").first.tap()  # no hover on a phone: tap explains
        assert page.locator("#why").is_visible()
    finally:
        ctx.close()


def test_download_json_and_html(page, crafted_url, tmp_path):
    _analyze(page, crafted_url, CRAFTED_TEXT)
    with page.expect_download() as dl:
        page.click("#dl-json")
    data = json.loads(pathlib.Path(dl.value.path()).read_text(encoding="utf-8"))
    assert data["schema"] == "quellenlage.claim-map/1" and data["headline"]["overstates"] is True
    with page.expect_download() as dl:
        page.click("#dl-html")
    assert dl.value.suggested_filename.endswith(".html")
    html = pathlib.Path(dl.value.path()).read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;window.__pwned" in html and "<script>window" not in html
    assert "<script" not in html  # a report, no code
    assert "default-src 'none'" in html and ".cue-cert" in html  # own CSP, stylesheet inline
    assert "Anna Berg" in html and "Tagesblatt" in html
    # the saved page renders on its own, with no network at all
    saved = tmp_path / "report.html"
    saved.write_text(html, encoding="utf-8")
    page.goto(saved.as_uri())
    assert page.locator(".cue-cert", has_text="angeblich").is_visible()


def test_file_upload(page, crafted_url):
    page.goto(crafted_url + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.set_input_files("#file", files=[{"name": "artikel.txt", "mimeType": "text/plain",
                                           "buffer": CRAFTED_TEXT.encode("utf-8")}])
    page.click("#analyze-btn")
    page.wait_for_selector("#verdict-form")
    assert page.locator("#headline").inner_text().startswith("Schock-Bericht")


def test_bad_input_shows_one_line_error(page, crafted_url):
    page.goto(crafted_url + "/")
    page.wait_for_selector("body[data-ready='1']")
    page.click("#analyze-btn")
    assert "Bitte Text einfügen" in page.locator("#status").inner_text()
    page.fill("#text", "The minister said on Monday that the new railway line will open next year.")
    page.click("#analyze-btn")
    page.wait_for_selector("#status.err:has-text('422')")
    assert "German" in page.locator("#status").inner_text()
    assert page.locator("#result").is_hidden()


def test_no_external_requests_and_no_csp_violations(page, crafted_url):
    _analyze(page, crafted_url, CRAFTED_TEXT)
    page.click("#lang-toggle")
    assert page.watch.requests and all(u.startswith(crafted_url + "/") for u in page.watch.requests), \
        page.watch.requests
    assert not page.watch.problems  # a CSP violation shows up as a console error


def test_docs_page(page, crafted_url):
    page.goto(crafted_url + "/docs")
    page.wait_for_selector("code:has-text('/api/analyze')")
    assert page.locator("code", has_text="/api/health").count() >= 1
    assert "multipart/form-data" in page.locator("main").inner_text()
    assert all(u.startswith(crafted_url + "/") for u in page.watch.requests)
    assert not page.watch.problems


def test_token_flow(page):
    with running_server(create_app(Settings(token=TOKEN), analyze_fn=crafted_analyze)) as base:
        page.goto(base + "/")
        page.wait_for_selector("body[data-ready='1']")
        assert page.locator("#token").is_visible()
        page.fill("#text", CRAFTED_TEXT)
        page.click("#analyze-btn")
        page.wait_for_selector("#status.err:has-text('401')")
        page.fill("#token", TOKEN)
        page.click("#analyze-btn")
        page.wait_for_selector("#verdict-form")
        assert page.locator("#verdict-form").inner_text() == "Frage"


def test_corpus_view(page, tmp_path):
    from test_web_helpers import build_corpus

    db = build_corpus(tmp_path)
    with running_server(create_app(Settings(db=db))) as base:
        page.goto(base + "/")
        page.wait_for_selector("body[data-ready='1']")
        page.click("#tab-corpus")
        page.wait_for_selector("#corpus-groups")
        assert "Artikel: 3" in page.locator("#corpus-summary").inner_text()
        assert page.locator("#corpus-sources tbody tr").count() >= 1
        drift = page.locator("#corpus-drift")
        assert "möglich" in drift.inner_text() and "sicher" in drift.inner_text()
        row = page.locator("#corpus-groups tbody tr", has_text="Stadtbahn").first
        row.locator("button").click()
        page.wait_for_selector("#drift svg.drift")
        assert page.locator("#drift svg circle").count() == 3
        assert "Boulevard" in page.locator("#drift-table").inner_text()
        _shot(page, "web-corpus.png")
        assert not page.watch.problems
