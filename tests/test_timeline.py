"""The timeline: dated clauses grouped into events across sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.model import (
    DateMention,
    Entity,
    EntityMention,
    Paragraph,
    Person,
    PersonMention,
    Sentence,
    Source,
    SourceFacts,
)
from generator.link.timeline import build_timeline

REPO = Path(__file__).resolve().parent.parent


def make_facts(source_id: str, published: dt.date | None, items: list[tuple[str, str, str, tuple[str, ...]]]):
    """A source whose sentences each hold one dated expression: (sentence, date text, value, keywords)."""
    text = "\n\n".join(sentence for sentence, *_ in items)
    paragraphs, sentences, dates = [], [], []
    offset = 0
    for i, (sentence, date_text, value, keywords) in enumerate(items):
        paragraphs.append(Paragraph(i, offset, offset + len(sentence), sentence))
        sentences.append(Sentence(source_id, i, offset, offset + len(sentence), sentence, i))
        start = offset + sentence.index(date_text)
        granularity = "day" if len(value) == 10 else "month" if len(value) == 7 else "year"
        dates.append(DateMention(source_id, date_text, start, start + len(date_text), i, value, granularity,
                                 id=f"{source_id}-d{i + 1}", rule="test", keywords=keywords))
        offset += len(sentence) + 2
    source = Source(id=source_id, path=f"{source_id}.txt", format="txt", title=source_id, outlet=None, url=None,
                    author=None, published=published, text=text, paragraphs=tuple(paragraphs), removed=())
    return SourceFacts(source=source, sentences=tuple(sentences), people=(), entities=(), dates=tuple(dates))


def mentions_of(facts: list[SourceFacts], word: str, label: str | None = None):
    """Mentions of ``word`` in every source (as person mentions, or entity mentions with ``label``)."""
    out = []
    for f in facts:
        for s in f.sentences:
            pos = s.text.find(word)
            if pos >= 0:
                start = s.start + pos
                if label is None:
                    out.append(PersonMention(f.source.id, word, word, start, start + len(word), s.index))
                else:
                    out.append(EntityMention(f.source.id, word, label, start, start + len(word), s.index))
    return tuple(out)


PUB = dt.date(2025, 2, 27)


@pytest.fixture
def story():
    a = make_facts("a", PUB, [
        ("US and Russian diplomats met in Istanbul on Thursday.", "on Thursday", "2025-02-27",
         ("diplomat", "meet")),
        ("Zelensky is expected to meet Trump in Washington on Friday.", "on Friday", "2025-02-28",
         ("meet", "expect")),
    ])
    b = make_facts("b", None, [
        ("Putin's comments came as diplomats met in Istanbul on Thursday.", "on Thursday", "2025-02-27",
         ("diplomat", "meet")),
        ("Russia annexed Crimea in 2014.", "in 2014", "2014", ("annex",)),
    ])
    c = make_facts("c", PUB, [
        ("Diplomats from both countries met in Istanbul on Wednesday.", "on Wednesday", "2025-02-26",
         ("diplomat", "meet", "country")),
        ("Separately, France said on Thursday it wanted raw materials.", "on Thursday", "2025-02-27",
         ("want", "material", "raw")),
    ])
    facts = [a, b, c]
    people = (
        Person("donald-trump", "Donald Trump", (), (), mentions_of(facts, "Trump")),
        Person("vladimir-putin", "Vladimir Putin", (), (), mentions_of(facts, "Putin")),
    )
    entities = (Entity("istanbul", "Istanbul", "GPE", mentions_of(facts, "Istanbul", "GPE")),
                Entity("france", "France", "GPE", mentions_of(facts, "France", "GPE")))
    return facts, people, entities


def test_build_timeline_merges_the_same_event_across_sources(story):
    facts, people, entities = story
    dates, events = build_timeline(facts, people, entities)
    assert len(dates) == 6
    istanbul = [e for e in events if "istanbul" in e.entities]
    assert len(istanbul) == 1
    event = istanbul[0]
    assert event.sources == ("a", "b", "c")
    assert event.disputed  # c says Wednesday, a and b Thursday
    assert event.date == "2025-02-27"  # the majority
    assert set(event.dates) == {"2025-02-26", "2025-02-27"}
    assert len(event.reports) == 3


def test_build_timeline_keeps_different_events_on_one_day_apart(story):
    facts, people, entities = story
    _, events = build_timeline(facts, people, entities)
    thursday = [e for e in events if e.date == "2025-02-27"]
    assert len(thursday) == 2
    france = next(e for e in thursday if "france" in e.entities)
    assert france.sources == ("c",) and not france.disputed


def test_build_timeline_orders_by_date_and_marks_upcoming(story):
    facts, people, entities = story
    _, events = build_timeline(facts, people, entities)
    assert [e.date for e in events] == sorted((e.date for e in events), key=lambda d: d[:4] + d[4:])
    assert events[0].date == "2014"
    friday = next(e for e in events if e.date == "2025-02-28")
    assert friday.upcoming
    assert friday.people == ("donald-trump",)
    assert not any(e.upcoming for e in events if e.date <= "2025-02-27")


def test_build_timeline_ids_stable_when_a_source_is_added(story):
    facts, people, entities = story
    _, before = build_timeline(facts[:2], people, entities)
    _, after = build_timeline(facts, people, entities)
    ids_before = {e.date: e.id for e in before}
    ids_after = {e.date: e.id for e in after}
    for date in ("2014", "2025-02-28"):
        assert ids_before[date] == ids_after[date]
    assert len({e.id for e in after}) == len(after)


def test_build_timeline_ignores_durations_and_vague_references():
    f = make_facts("a", PUB, [("They talked for six hours.", "six hours", "2025", ())])
    f = SourceFacts(source=f.source, sentences=f.sentences, people=(), entities=(), dates=(
        DateMention("a", "six hours", 15, 24, 0, None, None, kind="duration", id="a-d1"),
        DateMention("a", "recently", 0, 4, 0, "PAST_REF", "ref", kind="ref", id="a-d2"),
    ))
    dates, events = build_timeline([f], (), ())
    assert len(dates) == 2 and events == ()


def test_build_timeline_anchored_event_points_at_its_anchor_event():
    f = make_facts("a", PUB, [
        ("A phone call to Putin on 12 February.", "on 12 February", "2025-02-12", ("call",)),
        ("A meeting in Riyadh six days later.", "six days later", "2025-02-18", ("meet",)),
    ])
    anchored = f.dates[1].__class__(**{**f.dates[1].__dict__, "resolved_from": "a-d1"})
    f = SourceFacts(source=f.source, sentences=f.sentences, people=(), entities=(), dates=(f.dates[0], anchored))
    _, events = build_timeline([f], (), ())
    call, meeting = events
    assert meeting.resolved_from == call.id
    assert call.resolved_from == "published"


# ------------------------------------------------------------------------------------------ the seeds


SEED_EVENTS = [
    # (what, date, sources that must report it (id prefixes), a word of one report)
    ("Istanbul talks", "2025-02-27", {"000", "001", "003", "004"}, "diplomats met"),
    ("phone call", "2025-02-12", {"002"}, "phone call"),
    ("Saudi meeting", "2025-02-18", {"002"}, "Saudi Arabia"),
    ("Washington meeting", "2025-02-28", {"000"}, "Washington"),
    ("EU summit", "2025-03-06", {"002"}, "summit"),
    ("2022 invasion", "2022", {"000", "001", "002"}, "invasion"),
    ("visa centres", "2024-06", {"004"}, "visa centre"),
    ("Crimea", "2014", {"003"}, "Crimea"),
]


@pytest.fixture(scope="module")
def seed_timeline():
    from generator.ingest.clean import clean_documents
    from generator.link.entities import merge_entities
    from generator.extract.facts import add_paragraph_boundaries, extract
    from generator.ingest.load import read_sources
    from generator.extract.nlp import load_model
    from generator.link.people import merge_people

    sources = clean_documents(read_sources(REPO / "seeds"))
    facts = extract(sources, add_paragraph_boundaries(load_model("en_core_web_sm")))
    return build_timeline(facts, merge_people(facts), merge_entities(facts))


@pytest.mark.model
@pytest.mark.parametrize(("what", "date", "sources", "word"), SEED_EVENTS, ids=[e[0] for e in SEED_EVENTS])
def test_seed_events(seed_timeline, what, date, sources, word):
    _, events = seed_timeline
    matches = [e for e in events if e.date == date and any(word in r.text for r in e.reports)]
    assert matches, f"{what}: no event on {date} with {word!r}"
    event = max(matches, key=lambda e: len(e.sources))
    assert sources <= {s[:3] for s in event.sources}, (what, event.sources)


@pytest.mark.model
def test_seed_saudi_meeting_is_anchored_and_merged(seed_timeline):
    dates, events = seed_timeline
    saudi = next(e for e in events if e.date == "2025-02-18")
    anchored = [r for r in saudi.reports if r.date_text == "six days later"]
    anchor = next(d for d in dates if d.id == anchored[0].resolved_from)  # "six days later" than the phone call
    assert (anchor.source[:3], anchor.value) == ("002", "2025-02-12")
    assert {s[:3] for s in saudi.sources} >= {"000", "001", "002"}  # "last week" reports join the dated one


@pytest.mark.model
def test_seed_upcoming_events(seed_timeline):
    _, events = seed_timeline
    assert {e.date for e in events if e.upcoming} == {"2025-02-28", "2025-03-06"}


# ---------------------------------------------------------------------------------------------- the page


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2025-02-27", "Thursday 27 February 2025"),
        ("2025-W08", "week 8 of 2025 (17 Feb – 23 Feb)"),
        ("2024-06", "June 2024"),
        ("2014", "2014"),
        ("2022-02/2022-03", "February 2022 – March 2022"),
        ("2005-Q4", "Q4 2005"),
        ("199", "the 1990s"),
        ("2025-W09", "week 9 of 2025 (24 Feb – 2 Mar)"),
        ("2008-WI", "winter 2008"),  # a season, not a week
        ("2008-SU", "summer 2008"),
        ("PAST_REF", "the past"),
        ("PRESENT_REF", "the present"),
        ("188", "the 1880s"),
        ("19", "the 20th century"),
        ("20", "the 21st century"),
        ("2008-H1", "first half of 2008"),
        ("FY2007", "fiscal year 2007"),
        ("2019/2020", "2019 – 2020"),
        ("2025-02-27TMO", "Thursday 27 February 2025, morning"),
        ("2025-02-27T06:15", "Thursday 27 February 2025, 06:15"),
        ("P5Y", "5 years"),
        ("PT6H", "6 hours"),
        ("PXM", "some months"),
    ],
)
def test_display_date(value, shown):
    from generator.pages.timeline import display_date

    assert display_date(value) == shown


def test_timeline_chart_is_inline_svg_linking_to_entries(story):
    from generator.pages.timeline import timeline_chart

    facts, people, entities = story
    _, events = build_timeline(facts, people, entities)
    svg = str(timeline_chart(events, PUB))
    assert svg.count("<svg") == 1 and "<script" not in svg and "http://" not in svg.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    for event in events:
        assert f'href="#{event.id}"' in svg
    assert "\n\n" not in svg  # one raw HTML block in Markdown


def test_timeline_chart_escapes_article_text():
    from generator.model import Event
    from generator.pages.timeline import timeline_chart

    event = Event(id="e-2025-02-27-x", date="2025-02-27", date_text="today", resolved_from="published",
                  text='<script>alert("x")</script> & more', sources=("a",), people=())
    svg = str(timeline_chart([event], PUB))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
