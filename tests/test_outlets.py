"""A source's outlet label: metadata, then the URL's domain, then a known byline; never a desk."""

from __future__ import annotations

import pytest

from generator.ingest.outlets import domain_of, is_desk, outlet_name


@pytest.mark.parametrize(
    ("outlet", "url", "expected"),
    [
        ("The Guardian", None, "The Guardian"),  # given (site name, publisher, front matter)
        ("FP News Desk", None, "Firstpost"),  # a known desk byline names its outlet
        ("Web Desk", None, None),  # an unknown desk names no outlet
        ("Staff Reporter", "https://www.example.org/news/1", "example.org"),  # nor a staff byline: the domain does
        (None, "https://www.ft.com/content/abc", "Financial Times"),  # a known domain
        (None, "https://edition.cnn.com/2025/02/27/x", "CNN"),  # a subdomain of a known one
        (None, "http://news.heralddemocrat.com/news/x", "news.heralddemocrat.com"),  # unknown: the domain
        (None, "not a url", None),
        (None, None, None),
        ("  Reuters  ", None, "Reuters"),
    ],
)
def test_outlet_name(outlet: str | None, url: str | None, expected: str | None) -> None:
    assert outlet_name(outlet, url) == expected


@pytest.mark.parametrize(("name", "desk"), [("FP News Desk", True), ("HT Correspondent", True), ("Reuters", False),
                                            ("The Times", False), ("Digital Team", True),
                                            ("Anadolu Agency", False), ("Xinhua News Agency", False)])
def test_is_desk(name: str, desk: bool) -> None:
    assert is_desk(name) is desk


def test_domain_of() -> None:
    assert domain_of("https://www.bbc.co.uk/news/world-1") == "bbc.co.uk"
    assert domain_of("bbc.co.uk/news") == "bbc.co.uk"
    assert domain_of("https://localhost/x") is None


def test_the_same_label_everywhere_for_an_unknown_outlet() -> None:
    from generator.model import Paragraph, Source

    text = "A long headline about the harbour storm that floods the town"
    source = Source("s", "s.txt", "txt", text, None, None, None, None, text, (Paragraph(0, 0, len(text), text),), ())
    assert source.label == "A long headline about the…"
