"""The built site works offline: no page, stylesheet or script makes the browser fetch from another host.

Plain links (`<a href="https://...">`) are fine: following one is the reader's choice, not a request the page makes.
"""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.site, pytest.mark.model]

REMOTE = r"(?:https?:)?//"  # http://, https:// or protocol-relative //
# Elements whose src/href/srcset/poster/data the browser fetches by itself.
FETCHING_TAG = re.compile(
    r"<(?P<tag>link|script|img|source|iframe|video|audio|embed|object|track|input)\b(?P<attrs>[^>]*)>",
    re.IGNORECASE,
)
FETCHING_ATTR = re.compile(
    rf"""\b(?:src|href|srcset|poster|data)\s*=\s*["']?\s*(?P<url>{REMOTE}[^"'\s>]+)""", re.IGNORECASE
)
# <link rel=canonical|alternate|...> names a URL but is not fetched.
NOT_FETCHED_REL = re.compile(r"""\brel\s*=\s*["']?(?:canonical|alternate|author|license|me|help|search)\b""",
                             re.IGNORECASE)
CSS_IMPORT = re.compile(rf"""@import\s+(?:url\(\s*)?["']?\s*(?P<url>{REMOTE}[^"')\s;]+)""", re.IGNORECASE)
CSS_URL = re.compile(rf"""url\(\s*["']?\s*(?P<url>{REMOTE}[^"')\s]+)""", re.IGNORECASE)
FONT_HOSTS = re.compile(r"fonts\.googleapis\.com|fonts\.gstatic\.com", re.IGNORECASE)


def remote_fetches(name: str, text: str) -> list[str]:
    """URLs on other hosts that a browser would request when it loads this file."""
    found: list[str] = []
    if name.endswith((".html", ".htm")):
        for tag in FETCHING_TAG.finditer(text):
            attrs = tag.group("attrs")
            if tag.group("tag").lower() == "link" and NOT_FETCHED_REL.search(attrs):
                continue
            found += [m.group("url") for m in FETCHING_ATTR.finditer(attrs)]
    if name.endswith((".html", ".htm", ".css")):  # inline <style> blocks and style="" attributes too
        found += [m.group("url") for m in CSS_IMPORT.finditer(text)]
        found += [m.group("url") for m in CSS_URL.finditer(text)]
    found += [f"font host: {m.group(0)}" for m in FONT_HOSTS.finditer(text)]
    return list(dict.fromkeys(found))  # an @import url(...) matches twice


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.html", '<a href="https://example.com/story">story</a>', []),
        ("a.html", '<script src="https://cdn.example.com/x.js"></script>', ["https://cdn.example.com/x.js"]),
        ("a.html", "<link rel=stylesheet href=//cdn.example.com/x.css>", ["//cdn.example.com/x.css"]),
        ("a.html", '<link rel="canonical" href="https://example.com/a/">', []),
        ("a.html", '<img alt="" src="http://example.com/p.png">', ["http://example.com/p.png"]),
        ("a.html", '<img src="../assets/p.png">', []),
        ("a.css", "@import url('https://example.com/x.css');", ["https://example.com/x.css"]),
        ("a.css", "body{background:url(data:image/png;base64,AAAA)}", []),
        ("a.js", 'const u = "https://fonts.googleapis.com/css"', ["font host: fonts.googleapis.com"]),
    ],
)
def test_remote_fetches_table(name, text, expected):
    assert remote_fetches(name, text) == expected


def test_site_makes_no_remote_requests(built_site):
    files = [p for p in sorted(built_site.site.rglob("*")) if p.suffix in (".html", ".htm", ".css", ".js")]
    assert any(p.suffix == ".html" for p in files), f"no HTML under {built_site.site}"
    problems = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += [f"{path.relative_to(built_site.site)}: {url}" for url in remote_fetches(path.name, text)]
    assert problems == []
