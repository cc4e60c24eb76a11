"""End-to-end: the built site served over http on 127.0.0.1, driven in headless Debian Chromium with Playwright.

Chromium is Debian's package (/usr/bin/chromium, installed by `make test`); Playwright never downloads a browser.
Missing Chromium skips these tests locally and fails them in CI (CI set). Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.site, pytest.mark.model]

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
# Without the background-networking flags Chromium keeps trying to reach Google's hosts, which this
# machine's closed network refuses. Playwright's launch() gives every browser a fresh temporary profile.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 20_000


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    """Serve site/ on 127.0.0.1 at a free port: search fetches its index, which file:// would not allow."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium package (make test does it with apt-get)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Recorder:
    """What the page did: every request URL, console errors, uncaught exceptions, failed requests."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda exc: self.console_errors.append(f"uncaught: {exc}"))
        page.on("requestfailed", lambda request: self.failed.append(f"{request.url} ({request.failure})"))
        page.on("response", lambda response: response.status >= 400 and self.failed.append(
            f"{response.url} (HTTP {response.status})"))

    def foreign_hosts(self) -> list[str]:
        """Requests that went anywhere but 127.0.0.1 (data: and blob: URLs stay in the page)."""
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.hostname != "127.0.0.1":
                out.append(url)
        return out


@pytest.fixture
def page(browser, request) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.recorder = Recorder()
    page.recorder.attach(page)
    try:
        yield page
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        finally:
            context.close()


def _person_page(built_site, name: str) -> str:
    """The URL path of the person page whose slug contains ``name``."""
    matches = sorted(p.parent.name for p in (built_site.site / "people").glob(f"*{name}*/index.html"))
    assert matches, f"no person page for {name!r} under {built_site.site / 'people'}"
    return f"/people/{matches[0]}/"


def test_home_page_loads_without_errors(page, site_url):
    page.goto(site_url + "/", wait_until="networkidle")
    assert page.title()
    assert page.locator("h1").count() >= 1
    assert page.recorder.console_errors == []
    assert page.recorder.failed == []


def test_pages_request_only_localhost(page, site_url, built_site):
    for path in ("/", "/people/", _person_page(built_site, "peskov")):
        page.goto(site_url + path, wait_until="networkidle")
    # Open search too: it starts a worker and fetches the search index.
    page.locator("input.md-search__input").click()
    page.keyboard.type("Peskov")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.recorder.requests, "no request was recorded"
    assert page.recorder.foreign_hosts() == []
    assert page.recorder.failed == []


def test_search_finds_person_page(page, site_url):
    from playwright.sync_api import expect

    page.goto(site_url + "/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type("Peskov")
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    first.locator("a").first.click()
    # search.highlight adds ?h=<query> to the result's URL
    expect(page).to_have_url(re.compile(r"/people/[^/?#]*peskov[^/?#]*/(\?[^#]*)?(#.*)?$"), timeout=TIMEOUT_MS)
    expect(page.locator("h1").first).to_contain_text("Peskov")
    assert page.recorder.console_errors == []


def test_backlink_leads_to_source_paragraph(page, site_url, built_site):
    from playwright.sync_api import expect

    page.goto(site_url + _person_page(built_site, "peskov"), wait_until="networkidle")
    link = page.locator("article a[href*='sources/'][href*='#p']").first
    href = link.get_attribute("href")
    assert href and re.search(r"\.\./\.\./sources/[^/]+/#p\d+$", href), href
    source_id, anchor = re.search(r"sources/([^/]+)/#(p\d+)$", href).groups()
    link.click()
    expect(page).to_have_url(re.compile(rf"/sources/{re.escape(source_id)}/#{anchor}$"), timeout=TIMEOUT_MS)
    target = page.locator(f"[id='{anchor}']")
    expect(target).to_have_count(1)
    expect(target).to_be_in_viewport()
    assert target.inner_text().strip()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "test_backlink_leads_to_source_paragraph-viewport.png"))
    assert page.recorder.console_errors == []
    assert page.recorder.failed == []
