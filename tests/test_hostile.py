"""Untrusted text, tested as an attacker would write it.

Articles (their text, headline, byline, names and quotes), sources.yaml values and file names carry
<script>, event-handler attributes, javascript: links, Markdown links and images to other hosts, Jinja
{{ }}/{% %}, attribute lists ``{: onclick=… }``, HTML comments and table pipes. The site is built, and a
real browser opens every page: no script of the articles runs (each sets ``window.__pwned``), no element
carries an attribute from them, and nothing is requested from another host.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.test_browser import TIMEOUT_MS, Recorder, _QuietHandler

REPO = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.model, pytest.mark.site]

# Every payload that would run sets window.__pwned; every foreign request goes to evil.example.
PAYLOADS = [
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "<svg onload=window.__pwned='svg'>",
    "<a href=\"javascript:window.__pwned='a'\">click</a>",
    "[a link](javascript:window.__pwned='md')",
    "[a foreign link](http://evil.example/link)",
    "![a pixel](http://evil.example/pixel.png)",
    "<iframe src=\"http://evil.example/frame\"></iframe>",
    "<style>@import url(http://evil.example/x.css);</style>",
    "<details open ontoggle=\"window.__pwned='details'\">x</details>",
    "{{ 7*7 }} {{ config }} {% for x in range(3) %}loop{% endfor %} {# hidden #}",
    "{: onclick=\"window.__pwned='attr'\" }",
    "<!-- a comment that hides the rest",
    "| a | table | row |",
    "<http://evil.example/autolink>",
    "&lt;script&gt;window.__pwned='entity'&lt;/script&gt;",
]
ALL = " ".join(PAYLOADS)

HOSTILE_TXT = (
    f"date 2025-03-04 Ceasefire talks {PAYLOADS[0]} resume in Geneva {PAYLOADS[10]}\n"
    f"By Jane Roe {PAYLOADS[1]} | Evil Times\n"
    f"Foreign Minister Anna Lindqvist said on Tuesday that the talks {PAYLOADS[4]} would go on, officials said {PAYLOADS[6]}.\n"
    f"{PAYLOADS[11]}\n"
    f"“We will never give in {PAYLOADS[0]} {PAYLOADS[2]} {PAYLOADS[10]},” Lindqvist said on Monday, according to two diplomats.\n"
    f"Minister {PAYLOADS[3]} Lindqvist added that a second round {PAYLOADS[5]} would follow next month, the ministry said.\n"
    f"{PAYLOADS[7]} {PAYLOADS[8]} {PAYLOADS[9]} The mediator said the sides had agreed to exchange prisoners on Friday.\n"
    f"{PAYLOADS[13]}\n"
    f"{PAYLOADS[14]} {PAYLOADS[15]} {PAYLOADS[12]} Officials said the next meeting would take place in Vienna in April."
)
HOSTILE_MD = (
    "---\n"
    + yaml.safe_dump({"title": f"Talks {PAYLOADS[0]} {PAYLOADS[10]}", "author": PAYLOADS[1]}, width=1000)
    + "---\n"
    f"# Minister {PAYLOADS[3]} speaks\n\n"
    f"The foreign minister of Norway, Erik Solberg, said on Wednesday that {PAYLOADS[5]} and {PAYLOADS[6]} were "
    f"not the point, and that the talks {PAYLOADS[11]} in Geneva would resume next week, officials said.\n\n"
    f"“We are {PAYLOADS[2]} ready {PAYLOADS[10]},” Solberg told reporters {PAYLOADS[12]} on Wednesday.\n\n"
    f"{PAYLOADS[13]}\n\n[ref]: http://evil.example/ref\n"
)
HOSTILE_OTHER = (
    f"Prisoner exchange {PAYLOADS[1]} agreed {PAYLOADS[11]}\n"
    f"The two sides exchanged 150 prisoners on Friday near the border {PAYLOADS[7]}, the defence ministry said {PAYLOADS[14]}.\n"
    f"“This is {PAYLOADS[3]} a first step {PAYLOADS[10]},” General Olga Berg said {PAYLOADS[12]} on Saturday in Oslo.\n"
    f"{PAYLOADS[13]} {PAYLOADS[8]} Another exchange is expected before the summer, according to the Red Cross."
)
# A file name is untrusted too (any character but "/" is allowed on Linux).
HOSTILE_NAME = "\"><img src=x onerror=window.__pwned='name'> {{7*7}} [x](javascript:y).txt"
SOURCES_YAML = yaml.safe_dump(
    {
        "hostile.md": {"outlet": f"{PAYLOADS[9]} {PAYLOADS[10]}",
                       "url": "https://evil.example/\"><script>window.__pwned='url'</script>"},
        HOSTILE_NAME: {"title": f"{PAYLOADS[0]} {PAYLOADS[11]}", "outlet": f"{PAYLOADS[13]} {PAYLOADS[12]}",
                       "author": f"{PAYLOADS[4]} {PAYLOADS[10]}"},
    },
    allow_unicode=True, width=1000,
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    from generator.pipeline import BuildOptions, build

    root = tmp_path_factory.mktemp("hostile")
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copy(REPO / "seeds" / "004_28dc85c1b7e8a53d.txt", seeds)
    (seeds / "hostile.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (seeds / "hostile.md").write_text(HOSTILE_MD, encoding="utf-8")
    (seeds / HOSTILE_NAME).write_text(HOSTILE_OTHER, encoding="utf-8")
    (seeds / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    report = build(BuildOptions(seeds_dir=seeds, content_dir=root / "content", site_dir=root / "site",
                                config_file=REPO / "mkdocs.yml"))
    assert report.sources == 4 and report.skipped == 0, report.warnings
    return root


def test_hostile_sources_are_all_built(hostile_site: Path) -> None:
    pages = sorted(p.name for p in (hostile_site / "content" / "sources").glob("*.md"))
    assert len(pages) == 5  # four sources and the index
    for page in (hostile_site / "content").rglob("*.md"):
        assert re.fullmatch(r"[a-z0-9_./-]+", page.relative_to(hostile_site / "content").as_posix())


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "data", "poster", "xlink:href", "background")


class _Elements(HTMLParser):
    """Every element (tag, attributes), comment and script text of an HTML page, as a browser parses it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.comments: list[str] = []
        self.scripts: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))
        self._in = tag if tag in ("script", "style") else None

    def handle_data(self, data):
        if self._in:
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._in = None

    def handle_comment(self, data):
        self.comments.append(data)


def test_no_element_attribute_script_or_comment_comes_from_the_articles(hostile_site: Path) -> None:
    for html_file in sorted((hostile_site / "site").rglob("*.html")):
        parsed = _Elements()
        parsed.feed(html_file.read_text(encoding="utf-8"))
        for tag, attrs in parsed.elements:
            assert tag not in ("iframe", "svg", "img", "details") or not any("pwned" in (v or "") for _, v in attrs)
            for name, value in attrs:
                value = (value or "").strip().lower()
                assert not name.startswith("on"), (html_file, tag, name, value)
                if name in URL_ATTRIBUTES:
                    assert not value.startswith("javascript:"), (html_file, tag, name, value)
                    assert "evil.example" not in value, (html_file, tag, name, value)
                assert name not in ("style",) or "evil" not in value
        for text in parsed.scripts:
            assert "pwned" not in text and "evil.example" not in text, (html_file, text[:200])
        for comment in parsed.comments:
            assert "a comment" not in comment, html_file


def test_template_syntax_reaches_the_page_as_text(hostile_site: Path) -> None:
    page = (hostile_site / "site" / "sources" / "hostile" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    for entity, char in (("&#123;", "{"), ("&#125;", "}"), ("&#42;", "*"), ("&#37;", "%"), ("&amp;", "&"),
                         ("&#39;", "'"), ("&quot;", '"'), ("&lt;", "<"), ("&gt;", ">")):
        text = text.replace(entity, char)
    assert "{{ 7*7 }}" in text and "{% for x in range(3) %}" in text
    assert "loop loop loop" not in text and "looplooploop" not in text


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path):
    handler = functools.partial(_QuietHandler, directory=str(hostile_site / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.browser
def test_every_page_runs_no_article_script_and_requests_no_other_host(browser, hostile_site: Path, hostile_url: str) -> None:
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    recorder = Recorder()
    recorder.attach(page)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    # Requests to other hosts are recorded, then refused (the machine has no network anyway).
    page.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    paths = sorted(p.relative_to(hostile_site / "site").parent.as_posix() for p in (hostile_site / "site").rglob("index.html"))
    assert len(paths) >= 15
    try:
        for path in paths:
            url = f"{hostile_url}/{'' if path == '.' else path + '/'}"
            page.goto(url, wait_until="networkidle")
            # hover and click over every element of the text, as a reader would
            page.evaluate("""() => {
                for (const el of document.querySelectorAll('article *')) {
                    for (const type of ['mouseover', 'focus', 'click', 'toggle']) {
                        try { el.dispatchEvent(new Event(type, {bubbles: false})); } catch (e) {}
                    }
                }
            }""")
            assert page.evaluate("() => window.__pwned") is None, (path, page.evaluate("() => window.__pwned"))
            attributes = page.evaluate("""() => Array.from(document.querySelectorAll('*')).flatMap(el =>
                Array.from(el.attributes).map(a => [el.tagName, a.name, a.value]))""")
            for tag, name, value in attributes:
                assert not name.startswith("on"), (path, tag, name, value)
                if name in URL_ATTRIBUTES or name == "style":  # text in title/content attributes is only text
                    assert "__pwned" not in value and "evil.example" not in value, (path, tag, name, value)
                    assert not value.strip().lower().startswith("javascript:"), (path, tag, name, value)
            tags = page.evaluate("() => Array.from(document.querySelectorAll('article iframe, article svg:not(.timeline-chart), article style, "
                                 "article script, article object, article embed, article form, article input')).map(e => e.outerHTML)")
            assert tags == [], (path, tags)
        assert dialogs == []
        foreign = [u for u in recorder.requests if urlsplit(u).scheme not in ("data", "blob", "about")
                   and urlsplit(u).hostname != "127.0.0.1"]
        assert foreign == []
    finally:
        context.close()
