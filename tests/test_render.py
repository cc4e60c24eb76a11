"""Escaping of article text, links between pages, backlinks."""

from __future__ import annotations

import markdown
import pytest

from generator.pages.base import Link, Page, Span, anchor_attr, annotate, code_span, escape_md, md_link, relative, theme_text
from generator.pages.render import backlinks


def _html(markdown_text: str) -> str:
    return markdown.markdown(markdown_text, extensions=["attr_list", "tables"])


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ("**bold**", "<strong>"),
        ("_em_", "<em>"),
        ("[link](http://evil.example)", "<a "),
        ("![img](x.png)", "<img"),
        ("`code`", "<code>"),
        ("<img src=x onerror=alert(1)>", "<img"),
        ("# heading", "<h1"),
        ("1. item", "<ol>"),
        ("- item", "<ul>"),
        ("> quote", "<blockquote>"),
        ("a | b", "<table>"),
        ("text {: #evil }", 'id="evil"'),
        ("<http://evil.example>", "<a "),
        ("2022. Then", "<ol>"),
        ("+ item", "<ul>"),
        ("<!-- hidden -->", "<!--"),
        ("&lt;script&gt;", "&lt;script"),
        ("# closing #", "<h1"),
    ],
)
def test_escape_md_keeps_article_markup_as_text(text: str, forbidden: str) -> None:
    html = _html(str(escape_md(text)))
    assert forbidden not in html


@pytest.mark.parametrize("text", [
    "Russia’s “most dangerous areas”", "US-Russia talks (six hours)", "$1.5 million (€1.8m)", "a < b & c",
    "[Russian] Federation", "snake_case and __init__", "&amp; stays &amp;", "- a dash", "10. tenth", "a | b",
])
def test_escape_md_shows_the_same_text(text: str) -> None:
    import html as html_lib
    import re

    rendered = _html(str(escape_md(text)))
    assert html_lib.unescape(re.sub(r"<[^>]+>", "", rendered)) == text


@pytest.mark.parametrize(
    ("from_page", "target", "anchor", "expected"),
    [
        ("index.md", "people/a.md", None, "people/a.md"),
        ("people/a.md", "people/b.md", None, "b.md"),
        ("people/a.md", "sources/s.md", "p3", "../sources/s.md#p3"),
        ("quotes.md", "timeline.md", "e-1", "timeline.md#e-1"),
    ],
)
def test_relative_links(from_page: str, target: str, anchor: str | None, expected: str) -> None:
    assert relative(from_page, target, anchor) == expected


def test_md_link_refuses_unsafe_targets() -> None:
    with pytest.raises(ValueError):
        md_link("index.md", "x", "javascript:alert(1)")
    with pytest.raises(ValueError):
        anchor_attr('x" onclick="y')


def test_annotate_links_and_marks_inside_escaped_text() -> None:
    text = 'Mr Putin said "*no*" to Trump.'
    spans = [
        Span(103, 108, target="people/vladimir-putin.md"),
        Span(114, 120, mark_id="q-1"),
        Span(124, 129, target="people/donald-trump.md"),
    ]
    out = str(annotate("sources/s.md", text, 100, spans))
    assert "[Putin](../people/vladimir-putin.md)" in out
    assert '<mark id="q-1">"\\*no\\*"</mark>' in out
    assert out.endswith("[Trump](../people/donald-trump.md).")


def test_an_anchor_inside_a_link_is_written_after_it() -> None:
    # A quote's mark holds a link; a second, overlapping quote starts inside that link: its anchor (an empty
    # element) cannot go inside the Markdown link, so it follows the link. This case used to loop forever.
    text = "He said “one Vladimir Putin two” and “Putin three”."
    outer = Span(8, 32, mark_id="q-1")
    link = Span(13, 27, target="people/vladimir-putin.md")
    inner = Span(22, 50, mark_id="q-2")
    out = str(annotate("sources/s.md", text, 0, [outer, link, inner]))
    assert '[Vladimir Putin](../people/vladimir-putin.md)<span id="q-2"></span>' in out
    assert out.count('<mark id="q-1">') == 1 and out.count("</mark>") == 1


def test_backlinks_invert_forward_links() -> None:
    pages = [
        Page("a.md", "t", "A", "", links=(Link("b.md", None, "A mentions B.", "p1"), Link("b.md", None, "A mentions B.", "p1"))),
        Page("c.md", "t", "C", "", links=(Link("b.md", "x", "C too."),)),
        Page("b.md", "t", "B", "", links=(Link("b.md", None, "self"),)),
    ]
    incoming = backlinks(pages)
    assert [e["path"] for e in incoming["b.md"]] == ["a.md", "c.md"]
    assert incoming["b.md"][0]["contexts"] == [{"text": "A mentions B.", "anchor": "p1"}]
    assert "a.md" not in incoming


def test_backlinks_from_and_to_article_pages_count_links_without_sentences() -> None:
    pages = [
        Page("people/p.md", "t", "P", "", links=(Link("sources/s.md", "p2", "Putin said so.", "mentions"),
                                                 Link("sources/s.md", "p5", "Putin again.", "mentions"))),
        Page("sources/s.md", "t", "S", "", links=(Link("people/p.md", None, "Putin said so.", "p2"),)),
        Page("sources/index.md", "t", "Sources", "", links=(Link("people/p.md", None, "a row", "sources"),)),
    ]
    incoming = backlinks(pages)
    assert incoming["sources/s.md"] == [{"path": "people/p.md", "title": "P", "contexts": [], "links": 2}]
    assert incoming["people/p.md"][0]["contexts"] == []  # from the article page
    assert incoming["people/p.md"][1]["contexts"] == [{"text": "a row", "anchor": "sources"}]


@pytest.mark.parametrize(
    ("text", "markdown_text"),
    [
        ("2025-02-27", "2025-02-27"),  # a hyphen inside a line is no markup
        ("Soviet-era KGB: 25 years (ago)!", "Soviet-era KGB: 25 years (ago)!"),
        ("'hopes', \"below zero\"", "'hopes', \"below zero\""),
        ("a < b & c = d", "a < b & c = d"),
        ("1.5 million", "1.5 million"),
        ("[Russian] Federation", "\\[Russian\\] Federation"),
        ("- item", "\\- item"),
        ("<b>", "&lt;b>"),
    ],
)
def test_escape_md_escapes_only_what_would_be_markup(text: str, markdown_text: str) -> None:
    assert str(escape_md(text)) == markdown_text


def test_escape_md_leaves_line_start_markers_inside_a_line() -> None:
    assert str(escape_md("- not a list", line_start=False)) == "- not a list"


@pytest.mark.parametrize("value", ["q-1a2b", "a`b", "`x`", "&#45; stays"])
def test_code_span_shows_the_value_as_written(value: str) -> None:
    import html as html_lib
    import re

    rendered = _html(str(code_span(value)))
    assert html_lib.unescape(re.search(r"<code>(.*)</code>", rendered).group(1)).strip() == value


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Russia, US talks 'inspire certain hopes', says Putin", "Russia, US talks ‘inspire certain hopes’, says Putin"),
        ('"Quoted" <b>bold</b> & more', "“Quoted” ‹b›bold‹/b› ＆ more"),
    ],
)
def test_theme_text_holds_no_html_special_character(title: str, expected: str) -> None:
    assert theme_text(title) == expected


def test_whole_quote_continues_a_sentence_to_the_end_of_its_quotation() -> None:
    from generator.model import Sentence
    from generator.pages.base import whole_quote

    texts = ["Oslo said, “The talks went well.", "We will meet again.”", "The next round is in May."]
    sentences, start = [], 0
    for i, t in enumerate(texts):
        sentences.append(Sentence("s", i, start, start + len(t), t, 0))
        start += len(t) + 1
    assert whole_quote(sentences, 0) == "Oslo said, “The talks went well. We will meet again.”"
    assert whole_quote(sentences, 2) == "The next round is in May."


def test_outlet_count_counts_the_outlets_of_the_story_in_a_folder_of_several() -> None:
    from dataclasses import replace

    from generator.model import Briefing, Source
    from generator.pages.base import outlet_count

    def source(sid: str, outlet: str) -> Source:
        return Source(sid, f"{sid}.txt", "txt", sid, outlet, None, None, None, "", (), ())

    briefing = Briefing(sources=(source("a", "Daily A"), source("b", "B News"), source("c", "C Post"),
                                 source("d", "Daily A")), facts=(), people=(), entities=())
    assert outlet_count(briefing, {"a", "b"}) == "2 of 3 outlets"
    split = replace(briefing, stories=(("a", "a"), ("b", "a"), ("c", "c"), ("d", "c")))
    assert outlet_count(split, {"a", "b"}) == "2 of 2 outlets of its story"
    assert outlet_count(split, {"c"}) == "1 of 2 outlets of its story"


def test_sources_of_unknown_outlets_whose_headlines_start_alike_are_several_outlets() -> None:
    """Without an outlet, a source is named by the start of its headline; two articles titled "Harbour bridge
    reopens after storm damage …" are still two outlets, and an outlet's two articles are one."""
    from generator.model import Briefing, Source
    from generator.pages.base import outlet_count, outlet_labels, outlets_of

    def source(sid: str, title: str, outlet: str | None = None) -> Source:
        return Source(sid, f"{sid}.txt", "txt", title, outlet, None, None, None, "", (), ())

    briefing = Briefing(sources=(
        source("a", "Harbour bridge reopens after storm damage is repaired"),
        source("b", "Harbour bridge reopens after storm damage, council says"),
        source("c", "Ferries resume", "Coast Daily"), source("d", "Ferry timetable", "Coast Daily"),
    ), facts=(), people=(), entities=())
    assert briefing.source("a").label == briefing.source("b").label  # the names alike, the outlets not
    assert outlet_count(briefing, {"a", "b"}) == "2 of 3 outlets"
    assert outlet_count(briefing, {"c", "d"}) == "1 of 3 outlets"
    assert outlets_of(briefing, {"a", "b", "c", "d"}) == 3
    assert outlet_labels(briefing, {"a", "b", "c", "d"}) == [
        "Coast Daily", "Harbour bridge reopens after storm…", "Harbour bridge reopens after storm…"]


@pytest.mark.parametrize(("text", "limit", "shown"), [
    ("The council approved a harbour wall that engineers had designed in 2019", 50,
     "The council approved a harbour wall…"),
    ("The mayor described the storm surge as “the worst in a century” on Monday", 45,
     "The mayor described the storm surge…"),
    ("Ferries will resume on Saturday, the operator said", 200, "Ferries will resume on Saturday, the operator said"),
    ("Ferries will resume on Saturday, the operator said", 26, "Ferries will resume…"),
])
def test_shorten_never_ends_on_a_function_word_or_an_opening_mark(text: str, limit: int, shown: str) -> None:
    from generator.pages.base import shorten

    assert shorten(text, limit) == shown
