"""End-to-end: the built site served over http on 127.0.0.1, driven in headless Debian Chromium with Playwright.

Chromium is Debian's package (/usr/bin/chromium, installed by `make test`); Playwright never downloads a browser.
Missing Chromium fails these tests (locally too: `make test` installs it); the `browser` fixture is in
conftest.py, shared with test_hostile.py (one Playwright per session). Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import functools
import json
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

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
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


def _search(page, site_url: str, query: str) -> list[str]:
    """The links of the search results for ``query``, read once the result list has settled."""
    page.goto(site_url + "/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(500)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))")


def test_search_finds_a_quote_by_its_words(page, site_url, built_site):
    facts = json.loads((built_site.content / "facts.json").read_text(encoding="utf-8"))
    quote = next(q for q in facts["quotes"] if not q["partial"] and len(q["text"].split()) > 8)
    phrase = " ".join(quote["text"].split()[2:6])
    hrefs = _search(page, site_url, phrase)
    assert any(f"sources/{quote['source']}/" in h or "quotes/" in h for h in hrefs), (phrase, hrefs)


def test_search_finds_an_outlet(page, site_url, built_site):
    facts = json.loads((built_site.content / "facts.json").read_text(encoding="utf-8"))
    source = next(s for s in facts["sources"] if s["outlet"])
    hrefs = _search(page, site_url, source["outlet"])
    assert any(f"sources/{source['id']}/" in h for h in hrefs), (source["outlet"], hrefs)


def test_quote_permalink_opens_scrolled_to_the_quote(page, site_url, built_site):
    from playwright.sync_api import expect

    facts = json.loads((built_site.content / "facts.json").read_text(encoding="utf-8"))
    quote = facts["quotes"][-1]
    page.goto(f"{site_url}/{quote['url']}", wait_until="networkidle")
    mark = page.locator(f"mark[id='{quote['id']}']")
    expect(mark).to_have_count(1)
    expect(mark).to_be_in_viewport()
    assert quote["text"].split()[0].strip("“”\"'‘’") in mark.inner_text()
    group = next((g for g in facts["quote_groups"]), None)
    if group:
        page.goto(f"{site_url}/{group['url']}", wait_until="networkidle")
        expect(page.locator(f"[id='{group['id']}']")).to_be_in_viewport()
    assert page.recorder.console_errors == []


def test_timeline_chart_renders(page, site_url):
    page.goto(site_url + "/timeline/", wait_until="networkidle")
    chart = page.locator("article svg").first
    chart.wait_for()
    box = chart.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 50
    assert chart.locator("rect, circle, line, path").count() > 5
    assert page.recorder.console_errors == []


@pytest.mark.parametrize("path", ["/", "/people/", "/quotes/", "/timeline/", "/positions/", "/compare/"])
def test_pages_fit_a_phone(browser, site_url, path):
    """On a phone-sized viewport nothing but tables (which scroll inside their own box) is wider than the screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(site_url + path, wait_until="networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"phone{path.strip('/').replace('/', '_') or '_home'}.png"))
        assert overflow <= 1, f"{path} is {overflow}px wider than a phone screen"
    finally:
        context.close()


# ------------------------------------------------------------------------------------------ accessibility

# axe-core from npm (package.json pins it; `make test` installs it with `npm ci` into node_modules/).
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _page_types(built_site) -> list[str]:
    """One page of every kind the site has."""
    person = _person_page(built_site, "putin")
    source = sorted(p.parent.name for p in (built_site.site / "sources").glob("*/index.html"))[0]
    return ["/", "/people/", person, "/quotes/", "/timeline/", "/positions/", "/compare/", "/entities/",
            "/sources/", f"/sources/{source}/", "/changes/"]


def _axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_AA
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']}; {len(v['nodes'])} elements, e.g. {v['nodes'][0]['target']}"
        for v in result["violations"]
    ]


def test_axe_finds_no_wcag_aa_violation_on_any_page_type(page, site_url, built_site):
    if not AXE.exists():
        message = f"{AXE} is missing: run `npm ci` (make test does it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    found = {}
    for path in _page_types(built_site):
        page.goto(site_url + path, wait_until="networkidle")
        violations = _axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}, json.dumps(found, indent=1)


@pytest.mark.parametrize(("name", "viewport"), [("desktop", (1280, 900)), ("phone", (390, 844))])
def test_home_page_screenshot_shows_the_story_first(browser, site_url, built_site, name, viewport):
    """The first screen names the story and its key points; screenshots kept in tests/artifacts/."""
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=name == "phone")
    try:
        page = context.new_page()
        page.goto(site_url + "/", wait_until="networkidle")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"home-{name}.png"))
        page.screenshot(path=str(ARTIFACTS / f"home-{name}-full.png"), full_page=True)
        heading = page.locator("article h1").first
        assert page.title() == heading.inner_text().strip().rstrip("¶").strip()
        points = page.locator("#key-points + ul > li")
        assert 3 <= points.count() <= 7
        assert "outlets" in points.first.inner_text()
        assert points.first.locator("a[href*='sources/']").count() >= 1
    finally:
        context.close()
