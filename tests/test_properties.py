"""Property-based tests (Hypothesis): whatever the text, the stages raise nothing and give the same output
for the same input.

Inputs mix arbitrary Unicode with what real articles hold and breaks naive code: unbalanced and nested
quotation marks of every kind, zero-width and bidi characters, NUL and control characters, CR/CRLF line
ends, empty paragraphs and enormous ones. The budget is fixed (``derandomize``: the same examples on every
run, so CI is stable; no example database; a few seconds per test).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.extract.long_texts import split_text
from generator.extract.quotes import find_quote_spans
from generator.ingest.clean import clean_document, clean_sources
from generator.ingest.decode import INVISIBLE, NotText, decode, normalise_text
from generator.ingest.load import load_sources, markdown_lines
from generator.model import Metadata, Paragraph, RawDocument, Source
from generator.pages.base import Span, annotate, escape_md

BUDGET = settings(
    max_examples=100,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SMALL_BUDGET = settings(BUDGET, max_examples=25)

# Pieces that real articles hold and that break naive code.
ODD = [
    "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "‹", "›", "「", "」",  # quotation marks, unbalanced on purpose
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",  # zero-width
    "\u202a", "\u202b", "\u202e", "\u2066", "\u2067", "\u2069", "\u200e", "\u200f",  # bidi
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029",  # controls and separators
    "\r\n", "\r", "\n", "\n\n", "\t", " ",
    "said", " he said.", "Mr ", "President ", "Putin", "on Monday", "27 February 2025", "last week", ". ",
    "<script>", "{{ x }}", "{% y %}", "[a](b)", "|", "# ", "---\n", "date 2025-02-30 ", "date 2025-02-27 ",
    "🎉", "Ёлка", "ﷺ", "é", "e\u0301",
]
fragments = st.one_of(st.sampled_from(ODD), st.text(max_size=12))
texts = st.lists(fragments, max_size=40).map("".join)
# An enormous paragraph made cheaply: a piece repeated thousands of times.
enormous = st.builds(lambda piece, times: piece * times, st.text(min_size=1, max_size=8), st.integers(1000, 5000))
paragraph_lists = st.lists(st.one_of(texts, st.just(""), enormous), min_size=0, max_size=6)


def raw(text: str, doc_id: str = "doc") -> RawDocument:
    return RawDocument(id=doc_id, path=f"{doc_id}.txt", format="txt", text=text, given=Metadata())


def paragraphs_of(parts: list[str]) -> list[Paragraph]:
    paragraphs, start = [], 0
    for index, part in enumerate(parts):
        paragraphs.append(Paragraph(index, start, start + len(part), part))
        start += len(part) + 2
    return paragraphs


# ------------------------------------------------------------------ loading


@BUDGET
@given(st.one_of(st.binary(max_size=3000), texts.map(lambda t: t.encode("utf-8")),
                 texts.map(lambda t: t.encode("utf-16"))))
def test_decode_never_fails_on_any_bytes(data: bytes) -> None:
    try:
        first = decode(data)
    except NotText:
        with pytest.raises(NotText):
            decode(data)
        return
    assert decode(data) == first


@BUDGET
@given(texts)
def test_normalised_text_has_no_control_characters_and_is_stable(text: str) -> None:
    once = normalise_text(text)
    assert "\r" not in once and not INVISIBLE.search(once)
    assert normalise_text(once) == once


@BUDGET
@given(texts)
def test_utf8_text_reads_back_as_itself(text: str) -> None:
    try:
        decoded = decode(text.encode("utf-8"))
    except NotText:  # mostly control characters: not an article
        return
    assert decoded.text == text.removeprefix("\ufeff") and not decoded.detected  # a leading BOM is a mark


@SMALL_BUDGET
@given(st.binary(max_size=2000) | texts.map(lambda t: t.encode("utf-8")), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_loading_any_file_gives_a_document_or_a_skip(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_bytes(data)
        first = load_sources(Path(folder))
        assert len(first.documents) + len(first.skipped) == 1
        assert load_sources(Path(folder)) == first


@BUDGET
@given(texts)
def test_markdown_lines_never_fail(text: str) -> None:
    assert markdown_lines(text) == markdown_lines(text)


# ------------------------------------------------------------------ cleaning


@settings(BUDGET, max_examples=50)
@given(paragraph_lists)
def test_cleaning_gives_a_source_or_a_skip_with_exact_offsets(parts: list[str]) -> None:
    text = normalise_text("\n".join(parts))
    cleaned = clean_document(raw(text))
    assert clean_document(raw(text)) == cleaned
    if isinstance(cleaned, Source):
        for paragraph in cleaned.paragraphs:
            assert cleaned.text[paragraph.start:paragraph.end] == paragraph.text


@SMALL_BUDGET
@given(st.lists(paragraph_lists, min_size=1, max_size=4))
def test_clean_stage_over_several_documents_is_deterministic(documents: list[list[str]]) -> None:
    docs = [raw(normalise_text("\n".join(parts)), f"d{n}") for n, parts in enumerate(documents)]
    first = clean_sources(docs)
    assert clean_sources(list(reversed(docs))) == first
    assert len(first.sources) + len(first.skipped) + sum(len(s.also_published_as) for s in first.sources) == len(docs)


# ------------------------------------------------------------------ quotes


@BUDGET
@given(paragraph_lists)
def test_quote_spans_stay_inside_their_text(parts: list[str]) -> None:
    paragraphs = paragraphs_of(parts)
    text = "\n\n".join(parts)
    spans, warnings = find_quote_spans(paragraphs)
    assert find_quote_spans(paragraphs) == (spans, warnings)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        for start, end in span.pieces:
            assert 0 <= start <= end <= len(text)


@pytest.fixture(scope="module")
def nlp():
    from generator.pipeline import prepare_model

    return prepare_model("en_core_web_sm")


@pytest.mark.model
def test_extraction_of_any_text_is_exact_and_deterministic(nlp) -> None:
    from generator.extract.facts import extract

    @settings(SMALL_BUDGET, max_examples=30)
    @given(st.lists(texts, min_size=1, max_size=4))
    def check(parts: list[str]) -> None:
        cleaned = clean_document(raw(normalise_text("\n".join(parts))))
        if not isinstance(cleaned, Source):
            return
        (facts,) = extract([cleaned], nlp)
        assert extract([cleaned], nlp) == (facts,)
        for record in (*facts.sentences, *facts.people):
            assert cleaned.text[record.start:record.end] == record.text
        for quote in facts.quotes:  # a quote's text is its words, whitespace collapsed: within its offsets
            assert 0 <= quote.start <= quote.end <= len(cleaned.text)
            assert quote.text.split()[:1] == cleaned.text[quote.start:quote.end].split()[:1]

    check()


# ------------------------------------------------------------------ dates


@BUDGET
@given(texts.map(lambda t: t[:60]), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)) | st.none(),
       st.sampled_from([None, "past", "present", "future"]))
def test_date_resolution_never_fails(text: str, reference: dt.date | None, tense: str | None) -> None:
    from generator.extract.dates import normalise

    first = normalise(text, reference, tense)
    assert normalise(text, reference, tense) == first
    if first.value is not None:
        assert isinstance(first.value, str)


# ------------------------------------------------------------------ rendering


def _markdown():
    """Python-Markdown with the site's extensions (mkdocs.yml), to see what escaped text becomes."""
    import markdown

    return markdown.Markdown(extensions=["attr_list", "tables", "admonition", "pymdownx.details", "toc"])


_MD = _markdown()


@BUDGET
@given(texts)
def test_escaped_text_renders_as_that_text_and_nothing_else(text: str) -> None:
    """The escaping's contract: whatever an article says, its Markdown line becomes one paragraph of
    exactly its text (whitespace collapsed): no element, no attribute, no link, no comment."""
    import html
    import re

    text = normalise_text(text)  # as loading leaves it: no control characters (Markdown's own placeholders)
    escaped = str(escape_md(text))
    assert escape_md(text) == escaped and "\n" not in escaped
    rendered = _MD.reset().convert(escaped)
    plain = " ".join(text.split())
    if not plain:
        return
    inner = re.fullmatch(r"<p>(.*)</p>", rendered, flags=re.S)
    assert inner, rendered
    assert "<" not in inner.group(1), rendered  # no tag, comment or autolink
    assert html.unescape(inner.group(1)).strip() == plain, rendered


@BUDGET
@given(texts, st.lists(st.tuples(st.integers(-5, 80), st.integers(-5, 80), st.booleans()), max_size=8))
def test_annotating_any_text_with_any_spans_never_fails(text: str, raw_spans: list[tuple[int, int, bool]]) -> None:
    spans = [
        Span(start, end, target="people/someone.md", title=text[:10]) if link else Span(start, end, mark_id="q-1")
        for start, end, link in raw_spans
    ]
    first = annotate("sources/x.md", text, 0, spans)
    assert annotate("sources/x.md", text, 0, spans) == first


def test_split_text_always_joins_back() -> None:
    @BUDGET
    @given(paragraph_lists.map("\n\n".join), st.integers(1, 500))
    def check(text: str, limit: int) -> None:
        pieces = split_text(text, limit)
        assert "".join(pieces) == text and all(len(p) <= limit for p in pieces)

    check()
