"""A source's outlet, named the same way everywhere: from metadata, the URL's domain, or a known byline.

Rules are data (``generator/rules/outlets.yaml``). The order of evidence: an outlet given or found in the page's
metadata (front matter, ``sources.yaml``, an HTML page's site name or publisher) unless it is a desk byline;
then the domain of the source's URL (a known site's name, else the bare domain); then a known desk byline
("FP News Desk" → Firstpost). A desk byline that no table entry names is dropped: the source is then labelled
by a short headline (``Source.label``), never by its desk.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from generator.rules import load_rules


@lru_cache(maxsize=None)
def _rules() -> dict:
    return load_rules("outlets")


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def known_byline(byline: str) -> str | None:
    """The outlet a desk or wire byline stands for ("FP News Desk" → "Firstpost"), or None."""
    return _rules()["bylines"].get(_fold(byline))


def is_desk(name: str) -> bool:
    """Whether a byline names a desk, a staff or a team rather than an outlet ("FP News Desk", "Web Desk")."""
    words = set(re.findall(r"[a-z]+", name.lower()))
    return bool(words & set(_rules()["desk_words"]))


def domain_of(url: str | None) -> str | None:
    """The URL's host without "www." ("https://www.ft.com/content/…" → "ft.com"), or None."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return None
    host = host.lower().removeprefix("www.")
    return host if "." in host else None


def outlet_of_domain(domain: str) -> str:
    """A known site's name for the domain or any domain it is a subdomain of, else the domain itself."""
    table = _rules()["domains"]
    parts = domain.split(".")
    for i in range(len(parts) - 1):
        name = table.get(".".join(parts[i:]))
        if name:
            return name
    return domain


def outlet_name(outlet: str | None, url: str | None) -> str | None:
    """How the source's outlet is named on every page, or None when nothing names it."""
    if outlet and outlet.strip():
        known = known_byline(outlet)
        if known:
            return known
        if not is_desk(outlet):
            return " ".join(outlet.split())
    domain = domain_of(url)
    if domain:
        return outlet_of_domain(domain)
    return None
