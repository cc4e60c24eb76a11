"""Event mentions: the action each dated clause reports, and the main actions of undated sentences (made-up text)."""

from __future__ import annotations

import datetime as dt

import pytest

TUE = dt.date(2024, 4, 16)  # a Tuesday


@pytest.fixture(scope="module")
def nlp():
    from generator.extract.nlp import load_model

    return load_model("en_core_web_sm")


def _events(nlp, text: str):
    from generator.extract.dates import extract_dates
    from generator.extract.events import extract_events
    from generator.model import Paragraph, Sentence, Source

    source = Source(id="t", path="t.txt", format="txt", title="t", outlet=None, url=None, author=None,
                    published=TUE, text=text, paragraphs=(Paragraph(0, 0, len(text), text),), removed=())
    doc = nlp(text)
    sentences = tuple(Sentence("t", i, s.start_char, s.end_char, s.text, 0) for i, s in enumerate(doc.sents))
    dates = extract_dates(doc, source, sentences, TUE, "published")
    return doc, dates, extract_events(doc, "t", sentences, dates)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "dated", "actor"),
    [
        ("Firefighters rescued two climbers near Zermatt on Monday.", "rescued", True, "Firefighters"),
        ("The talks began in Geneva on Monday.", "talks", True, None),  # aspectual verb: the event is its subject
        ("Police launched an investigation on Monday.", "investigation", True, None),  # support verb: its object
        ("Union spokeswoman Ines Moreau announced that the dock strike would go on.", "announced", False,
         "Ines Moreau"),
        ("Firefighters rescued two climbers near Zermatt.", "rescued", False, "Firefighters"),
    ],
)
def test_extract_events_trigger_date_and_actor(nlp, text, trigger, dated, actor):
    _, dates, events = _events(nlp, text)
    event = next(e for e in events if e.text == trigger)
    assert (event.date is not None) == dated
    if dated:
        assert event.date in {d.id for d in dates}
    if actor is not None:
        assert actor in text[event.actor_start : event.actor_end]


@pytest.mark.model
def test_extract_events_actor_is_the_subject_not_a_possessive(nlp):
    text = "Norway's chief prosecutor announced that the case was closed."
    _, _, events = _events(nlp, text)
    said = next(e for e in events if e.text == "announced")
    assert "Norway" not in text[said.actor_start : said.actor_end]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["The museum became a hotel.", "The ministers took a decision.", "Everyone called it a success.",
     "The mayor said the bridge was safe."],
)
def test_extract_events_general_verbs_without_a_date_are_no_event(nlp, text):
    _, _, events = _events(nlp, text)
    assert events == ()


@pytest.mark.model
def test_date_of_dates_the_clause_head_not_every_word_of_it(nlp):
    from generator.extract.events import date_of

    doc, dates, _ = _events(nlp, "Police arrested a man on Monday for the shooting at the mall.")
    arrested = next(t for t in doc if t.text == "arrested")
    shooting = next(t for t in doc if t.text == "shooting")
    assert date_of(arrested, dates) is not None and date_of(arrested, dates).text.endswith("Monday")
    assert date_of(shooting, dates) is None


@pytest.mark.model
def test_extract_events_noun_before_the_date_is_an_alternative(nlp):
    _, _, events = _events(nlp, "A court fined the company to punish it for its merger in 2019.")
    dated = [e for e in events if e.date is not None]
    assert dated and "merger" in dated[0].alternatives


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "event", "not_event"),
    [
        # a verb of coming to know with a reported clause: the event is what it reports, not the learning
        ("Rescuers have since found the missing hiker, the Valley Courier has learnt.", "found", "learnt"),
        ("Two hundred laptops were stolen from a school in Leeds, it was learned on Monday.", "stolen", "learned"),
        ("The Herald understands the harbour master will resign.", "resign", "understands"),
        # without a reported clause, learning is an event like any other
        ("The pilot learned to fly in a glider.", "learned", None),
    ],
)
def test_extract_events_a_verb_of_learning_reports_its_clause(nlp, text, event, not_event):
    _, _, events = _events(nlp, text)
    texts = {e.text for e in events}
    assert event in texts
    assert not_event not in texts
