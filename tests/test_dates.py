"""Temporal expressions: normalisation against a reference date, tense, anchors, durations."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.dates import interval, normalise

THU = dt.date(2025, 2, 27)  # a Thursday
SAT = dt.date(2009, 4, 4)


@pytest.mark.parametrize(
    ("text", "reference", "tense", "expected", "granularity"),
    [
        ("on Thursday", THU, "past", "2025-02-27", "day"),
        ("Wednesday", THU, "past", "2025-02-26", "day"),
        ("on Friday", THU, "past", "2025-02-21", "day"),
        ("on Friday", THU, "future", "2025-02-28", "day"),
        ("Monday", THU, "future", "2025-03-03", "day"),
        ("Monday", THU, None, "2025-02-24", "day"),  # no tense: the nearest Monday
        ("last Friday", THU, "past", "2025-02-21", "day"),
        ("next Thursday", THU, "future", "2025-03-06", "day"),
        ("today", THU, None, "2025-02-27", "day"),
        ("yesterday", THU, None, "2025-02-26", "day"),
        ("tomorrow", SAT, None, "2009-04-05", "day"),
        ("this week", THU, None, "2025-W09", "week"),
        ("last week", THU, None, "2025-W08", "week"),
        ("last month", THU, None, "2025-01", "month"),
        ("next month", dt.date(2011, 8, 8), None, "2011-09", "month"),
        ("last year", THU, None, "2024", "year"),
        ("Until last year", THU, "past", "2024", "year"),
        ("since last October", THU, "past", "2024-10", "month"),
        ("last September", dt.date(2009, 10, 12), "past", "2009-09", "month"),
        ("three years ago", THU, "past", "2022", "year"),
        ("25 years ago", THU, "past", "2000", "year"),
        ("a week ago", dt.date(2011, 3, 18), "past", "2011-03-11", "day"),
        ("12 February", THU, None, "2025-02-12", "day"),
        ("on 6 March", THU, None, "2025-03-06", "day"),
        ("11 December", dt.date(2010, 1, 25), "past", "2009-12-11", "day"),
        ("June 1", dt.date(2009, 5, 28), "future", "2009-06-01", "day"),
        ("June 2024", THU, None, "2024-06", "month"),
        ("in October 2023", THU, "past", "2023-10", "month"),
        ("February 27, 2025", THU, None, "2025-02-27", "day"),
        ("in 2014", THU, "past", "2014", "year"),
        ("2014", None, None, "2014", "year"),  # explicit: needs no reference
        ("Between February and March 2022", THU, "past", "2022-02/2022-03", "range"),
        ("from 2014 to 2016", THU, None, "2014/2016", "range"),
        ("the fourth quarter of 2005", THU, None, "2005-Q4", "quarter"),
        ("the first quarter of last year", dt.date(2009, 5, 7), None, "2008-Q1", "quarter"),
        ("the fourth quarter", dt.date(2007, 3, 13), "past", "2006-Q4", "quarter"),
        ("the fourth quarter", dt.date(2006, 8, 19), "past", "2006-Q4", "quarter"),
        ("the end of last year", dt.date(2009, 2, 18), None, "2008", "year"),
        ("early June", dt.date(2009, 5, 14), "future", "2009-06", "month"),
        ("spring", dt.date(2009, 4, 1), None, "2009-SP", "season"),
        ("the 1990s", THU, None, "199", "decade"),
        ("'82", THU, None, "1982", "year"),
        ("recently", THU, "past", "PAST_REF", "ref"),
        ("the near future", THU, None, "FUTURE_REF", "ref"),
    ],
)
def test_normalise_values(text, reference, tense, expected, granularity):
    res = normalise(text, reference, tense)
    assert (res.value, res.granularity) == (expected, granularity), res.rule


@pytest.mark.parametrize(
    ("text", "before", "after", "kind"),
    [
        ("six hours", "", "of", "duration"),
        ("25 years", "for", "", "duration"),
        ("the past decade", "over", "", "duration"),
        ("several months", "", "", "duration"),
        ("fifty-year", "", "service", "duration"),
        ("every week", "", "", "set"),
        ("daily", "", "", "set"),
        ("25 years", "", "old", "age"),
        ("30", "aged", "", "age"),
    ],
)
def test_normalise_excludes_durations_frequencies_ages(text, before, after, kind):
    res = normalise(text, THU, "past", before=before, after=after)
    assert res.value is None
    assert res.kind == kind


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("six days later", dt.date(2025, 2, 12), "2025-02-18"),
        ("two weeks earlier", dt.date(2025, 2, 12), "2025-01-29"),
        ("the next day", dt.date(2025, 2, 12), "2025-02-13"),
        ("the same day", dt.date(2025, 2, 12), "2025-02-12"),
    ],
)
def test_normalise_anchored(text, anchor, expected):
    res = normalise(text, THU, "past", anchor=anchor)
    assert res.value == expected
    assert res.anchored


def test_normalise_anchored_without_anchor_is_unresolved():
    assert normalise("six days later", THU, "past").value is None


def test_normalise_relative_without_reference_is_unresolved():
    for text in ("on Thursday", "last week", "three years ago", "12 February"):
        assert normalise(text, None, "past").value is None


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2025-02-27", "2025-02-27", "2025-02-27"),
        ("2025-W09", "2025-02-24", "2025-03-02"),
        ("2024-06", "2024-06-01", "2024-06-30"),
        ("2022", "2022-01-01", "2022-12-31"),
        ("2022-02/2022-03", "2022-02-01", "2022-03-31"),
        ("2005-Q4", "2005-10-01", "2005-12-31"),
    ],
)
def test_interval(value, first, last):
    assert interval(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


# ---------------------------------------------------------------------------- with the parser


@pytest.fixture(scope="module")
def nlp():
    from generator.extract.nlp import load_model

    return load_model("en_core_web_sm")


def _mentions(nlp, text: str, reference: dt.date | None = THU):
    from generator.extract.dates import extract_dates
    from generator.model import Paragraph, Sentence, Source

    source = Source(id="t", path="t.txt", format="txt", title="t", outlet=None, url=None, author=None,
                    published=reference, text=text, paragraphs=(Paragraph(0, 0, len(text), text),), removed=())
    doc = nlp(text)
    sentences = tuple(Sentence("t", i, s.start_char, s.end_char, s.text, 0) for i, s in enumerate(doc.sents))
    return extract_dates(doc, source, sentences, reference, "published")


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("US and Russian diplomats met in Istanbul on Thursday.", {"on Thursday": "2025-02-27"}),
        ("Ukrainian president Volodymyr Zelenskiy is expected to meet Mr Trump in Washington on Friday.",
         {"on Friday": "2025-02-28"}),
        ("The ministers will meet again on Monday.", {"on Monday": "2025-03-03"}),
        ("The ministers met on Monday.", {"on Monday": "2025-02-24"}),
        ("Foreign minister Sergei Lavrov on Wednesday denied the report.", {"on Wednesday": "2025-02-26"}),
        ("The EU has invited him to a special summit on 6 March.", {"on 6 March": "2025-03-06"}),
        ("Russia launched an all-out invasion of Ukraine three years ago.", {"three years ago": "2022"}),
        ("Trump began with a phone call to Mr Putin on 12 February and a high-level meeting in Saudi Arabia "
         "six days later.", {"on 12 February": "2025-02-12", "six days later": "2025-02-18"}),
    ],
)
def test_extract_dates_tense_and_anchors(nlp, sentence, expected):
    mentions = _mentions(nlp, sentence)
    assert {m.text: m.value for m in mentions if m.value} == expected


@pytest.mark.model
def test_extract_dates_anchor_records_its_mention(nlp):
    mentions = _mentions(nlp, "He called Mr Putin on 12 February and met him in Riyadh six days later.")
    call, later = mentions
    assert later.resolved_from == call.id
    assert call.resolved_from == "published"


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Russian and US teams have held six hours of talks in Turkey.",
        "The envoys meet every week in Geneva.",
        "The plane has a fifty-year service life.",
        "Relations have worsened over the past decade.",
    ],
)
def test_extract_dates_durations_are_not_dates(nlp, sentence):
    assert all(m.kind != "date" or m.value is None for m in _mentions(nlp, sentence))


@pytest.mark.model
def test_extract_dates_undated_source_keeps_relative_unresolved(nlp):
    mentions = _mentions(nlp, "Diplomats met on Thursday, after a first round in 2014.", reference=None)
    assert {m.text: m.value for m in mentions} == {"on Thursday": None, "in 2014": "2014"}
