"""The timeline: dated clauses grouped into events across sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from generator.model import (
    DateMention,
    Entity,
    EntityMention,
    EventMention,
    Paragraph,
    Person,
    PersonMention,
    Sentence,
    Source,
    SourceFacts,
)
from generator.link.timeline import build_timeline

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Clause:
    """One sentence of a made-up article: its dated expression (if any) and the action it reports (if known)."""

    text: str
    date: str | None = None  # the expression as written
    value: str | None = None
    keywords: tuple[str, ...] = ()
    trigger: str | None = None  # the word naming the action, with its lemma
    lemma: str | None = None
    actor: str | None = None  # the subject as written
    pos: str = "VERB"


def make_facts(source_id: str, published: dt.date | None, clauses: list[Clause]) -> SourceFacts:
    """A source of one sentence per paragraph, with its date mentions and event mentions."""
    text = "\n\n".join(c.text for c in clauses)
    paragraphs, sentences, dates, events = [], [], [], []
    offset = 0
    for i, c in enumerate(clauses):
        paragraphs.append(Paragraph(i, offset, offset + len(c.text), c.text))
        sentences.append(Sentence(source_id, i, offset, offset + len(c.text), c.text, i))
        date_id = None
        if c.date:
            start = offset + c.text.index(c.date)
            granularity = "day" if len(c.value) == 10 else "month" if len(c.value) == 7 else "year"
            date_id = f"{source_id}-d{len(dates) + 1}"
            dates.append(DateMention(source_id, c.date, start, start + len(c.date), i, c.value, granularity,
                                     id=date_id, rule="test", keywords=c.keywords))
        if c.trigger:
            start = offset + c.text.index(c.trigger)
            actor = (offset + c.text.index(c.actor), offset + c.text.index(c.actor) + len(c.actor)) if c.actor \
                else (None, None)
            events.append(EventMention(source_id, i, c.trigger, start, start + len(c.trigger), c.lemma or c.trigger,
                                       offset, offset + len(c.text), c.keywords, *actor, date=date_id, pos=c.pos))
        offset += len(c.text) + 2
    source = Source(id=source_id, path=f"{source_id}.txt", format="txt", title=source_id, outlet=None, url=None,
                    author=None, published=published, text=text, paragraphs=tuple(paragraphs), removed=())
    return SourceFacts(source=source, sentences=tuple(sentences), people=(), entities=(), dates=tuple(dates),
                       events=tuple(events))


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


def timeline_of(sources: list[SourceFacts], people: tuple[str, ...] = (), places: tuple[str, ...] = ()):
    """The timeline of made-up sources, ``people`` and ``places`` found wherever they are written."""
    persons = tuple(Person(_slug(p), p, (), (), mentions_of(sources, p)) for p in people)
    entities = tuple(Entity(_slug(p), p, "GPE", mentions_of(sources, p, "GPE")) for p in places)
    return build_timeline(sources, persons, entities)[:2]  # (dates, events)


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


# A made-up story (not from the seeds, not from the ECB+ test topics): a dock strike, told by three outlets.
PUB = dt.date(2024, 3, 14)  # a Thursday
PORT_A = [
    Clause("Dock workers walked out in Rotterdam on Tuesday over pay.", "on Tuesday", "2024-03-12",
           ("dock", "worker", "walk", "pay"), "walked", "walk", "Dock workers"),
    Clause("Union leader Ana Smit will meet the port authority on Friday.", "on Friday", "2024-03-15",
           ("meet", "leader", "union", "authority", "port"), "meet", "meet", "Union leader Ana Smit"),
]
PORT_B = [
    Clause("Rotterdam dock workers walked out on Tuesday, stopping all container traffic.", "on Tuesday",
           "2024-03-12", ("dock", "worker", "walk", "container", "traffic"), "walked", "walk", "Rotterdam dock workers"),
    Clause("The port was last closed by a strike in 2019.", "in 2019", "2019", ("port", "close", "strike"),
           "closed", "close", "The port"),
]
PORT_C = [
    Clause("Dock workers in Rotterdam walked out on Monday, the union said.", "on Monday", "2024-03-11",
           ("dock", "worker", "walk", "union"), "walked", "walk", "Dock workers in Rotterdam"),
    Clause("Separately, Germany said on Tuesday it would cut rail fares.", "on Tuesday", "2024-03-12",
           ("cut", "rail", "fare"), "said", "say", "Germany"),
]


@pytest.fixture
def story():
    return [make_facts("a", PUB, PORT_A), make_facts("b", None, PORT_B), make_facts("c", PUB, PORT_C)]


def port_timeline(sources):
    return timeline_of(sources, people=("Ana Smit",), places=("Rotterdam", "Germany"))


def test_build_timeline_merges_the_same_event_across_sources(story):
    dates, events = port_timeline(story)
    assert len(dates) == 6
    strike = [e for e in events if "rotterdam" in e.entities and any("walked" in r.text for r in e.reports)]
    assert len(strike) == 1
    event = strike[0]
    assert event.sources == ("a", "b", "c") and len(event.reports) == 3
    assert event.disputed  # c says Monday, a and b Tuesday
    assert event.date == "2024-03-12"  # the majority
    assert set(event.dates) == {"2024-03-11", "2024-03-12"}


def test_build_timeline_keeps_different_events_on_one_day_apart(story):
    _, events = port_timeline(story)
    tuesday = [e for e in events if e.date == "2024-03-12"]
    assert len(tuesday) == 2
    fares = next(e for e in tuesday if "germany" in e.entities)
    assert fares.sources == ("c",) and not fares.disputed


def test_build_timeline_orders_by_date_and_marks_upcoming(story):
    _, events = port_timeline(story)
    assert [e.date[:4] for e in events] == sorted(e.date[:4] for e in events)
    assert events[0].date == "2019"
    friday = next(e for e in events if e.date == "2024-03-15")
    assert friday.upcoming
    assert friday.people == ("ana-smit",)
    assert not any(e.upcoming for e in events if e.date <= "2024-03-14")


def test_build_timeline_ids_stable_when_a_source_is_added(story):
    _, before = port_timeline(story[:2])
    _, after = port_timeline(story)
    ids_before = {e.date: e.id for e in before}
    ids_after = {e.date: e.id for e in after}
    for date in ("2019", "2024-03-15"):
        assert ids_before[date] == ids_after[date]
    assert len({e.id for e in after}) == len(after)


def test_build_timeline_ignores_durations_and_vague_references():
    f = make_facts("a", PUB, [Clause("The ferry crossing took six hours.")])
    f = replace(f, dates=(
        DateMention("a", "six hours", 25, 34, 0, None, None, kind="duration", id="a-d1"),
        DateMention("a", "recently", 0, 4, 0, "PAST_REF", "ref", kind="ref", id="a-d2"),
    ))
    dates, events, _ = build_timeline([f], (), ())
    assert len(dates) == 2 and events == ()


def test_build_timeline_anchored_event_points_at_its_anchor_event():
    f = make_facts("a", PUB, [
        Clause("A levee broke near Arles on 2 March.", "on 2 March", "2024-03-02", ("levee", "break")),
        Clause("The river crested at Avignon two days later.", "two days later", "2024-03-04", ("river", "crest")),
    ])
    f = replace(f, dates=(f.dates[0], replace(f.dates[1], resolved_from="a-d1")))
    _, events, _ = build_timeline([f], (), ())
    levee, river = events
    assert river.resolved_from == levee.id
    assert levee.resolved_from == "published"


# Which reports are one event: (case, sources as lists of clauses, people, places, the reports (source, sentence)
# that must form one event, the reports that must stand in another event or in none).
MONDAY = dt.date(2023, 10, 9)
MERGING = [
    ("one speaker, one day, different words: one statement",
     {"a": [Clause("Mayor Lena Berg said on Monday that the bridge would reopen in May.", "on Monday", "2023-10-09",
                   ("bridge", "reopen", "may"), "said", "say", "Mayor Lena Berg")],
      "b": [Clause("Berg warned on Monday that repairs to the cracked pillars could take longer.", "on Monday",
                   "2023-10-09", ("repair", "pillar", "crack", "take"), "warned", "warn", "Berg")]},
     ("Lena Berg", "Berg"), (), [("a", 0), ("b", 0)], []),
    ("two speakers on one day: two statements",
     {"a": [Clause("Mayor Lena Berg said on Monday that the bridge would reopen in May.", "on Monday", "2023-10-09",
                   ("bridge", "reopen", "may"), "said", "say", "Mayor Lena Berg")],
      "b": [Clause("Engineer Tom Okafor said on Monday that the bridge would stay shut in May.", "on Monday",
                   "2023-10-09", ("bridge", "stay", "shut", "may"), "said", "say", "Engineer Tom Okafor")]},
     ("Lena Berg", "Tom Okafor"), (), [("a", 0)], [("b", 0)]),
    ("an outlet without a date for the same action joins the dated event",
     {"a": [Clause("Fire crews evacuated the Harbour Hotel in Kiel on Sunday night.", "on Sunday night",
                   "2023-10-08", ("fire", "crew", "evacuate", "hotel", "night"), "evacuated", "evacuate",
                   "Fire crews")],
      "b": [Clause("Crews evacuated the Harbour Hotel in Kiel after guests smelled smoke.", None, None,
                   ("crew", "evacuate", "hotel", "guest", "smell", "smoke"), "evacuated", "evacuate", "Crews")]},
     (), ("Kiel", "Harbour Hotel"), [("a", 0), ("b", 0)], []),
    ("an undated clause about another action does not join",
     {"a": [Clause("Fire crews evacuated the Harbour Hotel in Kiel on Sunday night.", "on Sunday night",
                   "2023-10-08", ("fire", "crew", "evacuate", "hotel", "night"), "evacuated", "evacuate",
                   "Fire crews")],
      "b": [Clause("The Harbour Hotel in Kiel reopened its restaurant to guests.", None, None,
                   ("hotel", "reopen", "restaurant", "guest"), "reopened", "reopen", "The Harbour Hotel")]},
     (), ("Kiel", "Harbour Hotel"), [("a", 0)], [("b", 0)]),
]


@pytest.mark.parametrize(("case", "sources", "people", "places", "together", "apart"), MERGING,
                         ids=[c[0] for c in MERGING])
def test_build_timeline_merging(case, sources, people, places, together, apart):
    facts = [make_facts(sid, MONDAY, clauses) for sid, clauses in sources.items()]
    _, events = timeline_of(facts, people, places)
    event_of = {(r.source, r.sentence): e.id for e in events for r in e.reports}
    assert {event_of.get(r) for r in together} != {None} and len({event_of.get(r) for r in together}) == 1
    for report in apart:
        assert event_of.get(report) != event_of[together[0]]


SUNDAY = dt.date(2023, 10, 8)


def _fire(text: str, keywords: tuple[str, ...], date: str | None = "on Sunday") -> Clause:
    return Clause(text, date, "2023-10-08" if date else None, keywords, "fire", "fire", None, "NOUN")


# A folder holding two stories: a warehouse fire in Kiel and a bakery fire in Lyon, on the same Sunday, two
# outlets each. Every report names the same action ("fire") on the same day: only what the articles are about
# tells the two fires apart (rules/dates.yaml same_story, learnt on ECB+ runs mixing stories).
TWO_STORIES = {
    "kiel-a": [_fire("The fire destroyed a paper warehouse in Kiel harbour on Sunday.",
                     ("fire", "destroy", "paper", "warehouse", "harbour")),
               Clause("Kiel firefighters fought the warehouse blaze for six hours.", None, None,
                      ("firefighter", "fight", "warehouse", "blaze", "hour")),
               Clause("The harbour warehouse stored paper rolls for the Kiel printers.", None, None,
                      ("harbour", "warehouse", "store", "paper", "roll", "printer"))],
    "kiel-b": [_fire("A warehouse fire in Kiel sent smoke over the harbour on Sunday.",
                     ("warehouse", "fire", "send", "smoke", "harbour")),
               Clause("Firefighters in Kiel said the paper warehouse was empty.", None, None,
                      ("firefighter", "paper", "warehouse", "empty"))],
    "lyon-a": [_fire("The fire gutted a family bakery in the old town of Lyon on Sunday.",
                     ("fire", "gut", "family", "bakery", "town")),
               Clause("The Lyon bakery had sold bread and brioche since 1950.", None, None,
                      ("bakery", "sell", "bread", "brioche"))],
    "lyon-b": [_fire("A fire at a Lyon bakery injured two bakers on Sunday.",
                     ("fire", "bakery", "injure", "baker")),
               Clause("The bakers were treated for burns, Lyon hospital staff said.", None, None,
                      ("baker", "treat", "burn", "hospital", "staff"))],
}


def test_build_timeline_keeps_two_stories_apart():
    facts = [make_facts(sid, SUNDAY, clauses) for sid, clauses in TWO_STORIES.items()]
    _, events = timeline_of(facts, places=("Kiel", "Lyon"))
    event_of = {r.source: e.id for e in events for r in e.reports if r.sentence == 0}
    assert event_of["kiel-a"] == event_of["kiel-b"]  # one fire, two outlets
    assert event_of["lyon-a"] == event_of["lyon-b"]
    assert event_of["kiel-a"] != event_of["lyon-a"]  # two fires: one event per story


def test_build_timeline_tells_which_story_each_source_tells():
    facts = [make_facts(sid, SUNDAY, clauses) for sid, clauses in TWO_STORIES.items()]
    persons, entities = (), tuple(Entity(_slug(p), p, "GPE", mentions_of(facts, p, "GPE")) for p in ("Kiel", "Lyon"))
    stories = dict(build_timeline(facts, persons, entities)[2])
    assert stories["kiel-a"] == stories["kiel-b"] != stories["lyon-a"] == stories["lyon-b"]
    kiel = [f for f in facts if f.source.id.startswith("kiel")]
    assert build_timeline(kiel, persons, entities)[2] == ()  # one story: no split to tell


def test_build_timeline_near_synonym_actions_are_one_event():
    quake = {"a": [Clause("A strong quake struck Izmir on Monday, damaging old buildings.", "on Monday",
                          "2023-10-09", ("quake", "strike", "damage", "building"), "quake", "quake", None, "NOUN")],
             "b": [Clause("The earthquake in Izmir on Monday damaged buildings near the port.", "on Monday",
                          "2023-10-09", ("earthquake", "damage", "building", "port"), "earthquake", "earthquake",
                          None, "NOUN")],
             "c": [Clause("Izmir's mayor resigned on Monday over the port contract.", "on Monday", "2023-10-09",
                          ("mayor", "resign", "port", "contract"), "resigned", "resign", None)]}
    facts = [make_facts(sid, MONDAY, clauses) for sid, clauses in quake.items()]
    _, events = timeline_of(facts, places=("Izmir",))
    event_of = {r.source: e.id for e in events for r in e.reports}
    assert event_of["a"] == event_of["b"]  # "quake" and "earthquake" (one WordNet synonym set), same damage
    assert event_of["c"] != event_of["a"]  # another action on the same day


# Reports of one action told by sources the story profiles put in two stories (made-up sentences): one event when
# their sentences name someone or somewhere in common (rules/dates.yaml same_event_other_story), else two.
ACROSS_STORIES = {
    "a": [Clause("Striking dock workers blocked the port of Gdansk on Monday.", "on Monday", "2023-10-09",
                 ("strike", "dock", "worker", "block", "port"), "blocked", "block", "Striking dock workers")],
    "b": [Clause("Dock workers blocked the Gdansk port entrance with lorries on Monday.", "on Monday", "2023-10-09",
                 ("dock", "worker", "block", "port", "entrance", "lorry"), "blocked", "block", "Dock workers")],
    "c": [Clause("Striking dock workers blocked the port of Rostock on Monday.", "on Monday", "2023-10-09",
                 ("strike", "dock", "worker", "block", "port"), "blocked", "block", "Striking dock workers")],
}


def _reports_of(sources: dict[str, list[Clause]], places: tuple[str, ...] = ()):
    from generator.link.timeline import _reports

    facts = [make_facts(sid, MONDAY, clauses) for sid, clauses in sources.items()]
    entities = tuple(Entity(_slug(p), p, "GPE", mentions_of(facts, p, "GPE")) for p in places)
    return {r.mention.source + str(r.mention.sentence): r for r in _reports(facts, (), entities)}


def test_same_action_across_stories_needs_a_shared_name():
    from generator.link.timeline import _rules, _Story, margin, similarity

    reports = _reports_of(ACROSS_STORIES, places=("Gdansk", "Rostock"))
    apart = _Story({}, {"a": "a", "b": "b", "c": "c"})  # every source a story of its own
    rules = {**_rules(), "same_event_other_story": 0.3}
    assert margin(reports["a0"], reports["b0"], rules, apart) >= 0  # the same blockade of Gdansk
    assert similarity(reports["a0"], reports["c0"]) >= 0.3  # worded alike...
    assert margin(reports["a0"], reports["c0"], rules, apart) < 0  # ...but another port: nothing named in common
    assert margin(reports["a0"], reports["b0"], {**rules, "same_event_other_story": 1.01}, apart) < 0  # never
    one_story = _Story({}, {"a": "a", "b": "a", "c": "a"})
    assert margin(reports["a0"], reports["c0"], rules, one_story) >= 0  # one story: the same action is one event


def test_second_pass_joins_groups_of_one_action():
    from generator.link.timeline import _Cluster, _merge_same_action, _rules, _Story

    reports = _reports_of({
        "a": [Clause("Dock workers walked out in Gdansk on Monday over pay.", "on Monday", "2023-10-09",
                     ("dock", "worker", "walk", "pay"), "walked", "walk", "Dock workers")],
        "b": [Clause("Gdansk dock workers walked out this week.", "this week", "2023-W41",
                     ("dock", "worker", "walk"), "walked", "walk", "Gdansk dock workers"),
              Clause("Gdansk port staff walked out last month as well.", "last month", "2023-09",
                     ("port", "staff", "walk"), "walked", "walk", "Gdansk port staff")],
        "c": [Clause("The port authority of Gdansk closed two terminals on Monday.", "on Monday", "2023-10-09",
                     ("port", "authority", "close", "terminal"), "closed", "close", "The port authority")],
    }, places=("Gdansk",))
    story, rules = _Story({}, {}), _rules()
    merged = _merge_same_action([_Cluster([reports["a0"]]), _Cluster([reports["c0"]]), _Cluster([reports["b0"]]),
                                 _Cluster([reports["b1"]])], rules, story)
    groups = sorted(sorted(r.mention.source + str(r.mention.sentence) for r in c.reports) for c in merged)
    # the walkout of Monday and of "this week" are one; last month's (a date that does not fit) and the closure
    # (another action) stay apart
    assert groups == [["a0", "b0"], ["b1"], ["c0"]]


@pytest.mark.parametrize(
    ("lemma", "pos", "action", "statement"),
    [
        ("say", "VERB", "say", True),
        ("warn", "VERB", "warn", True),  # reporting verbs are statements, whatever the word
        ("call", "NOUN", "call", False),  # "a phone call" is no statement
        ("arrest", "VERB", "arrest", False),
        ("arrests", "NOUN", "arrest", False),  # stems: the noun and the verb are one action
        ("shooting", "NOUN", "shoot", False),
        ("talks", "NOUN", "meet", False),  # synonyms of rules/dates.yaml
        ("", "VERB", "", False),
    ],
)
def test_action_class_and_statements(lemma, pos, action, statement):
    from generator.link.timeline import action_class, is_statement

    assert action_class(lemma) == action
    assert is_statement(lemma, pos) == statement


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
    from generator.link.quote_groups import link_quotes

    sources = clean_documents(read_sources(REPO / "seeds"))
    facts = extract(sources, add_paragraph_boundaries(load_model("en_core_web_sm")))
    people = merge_people(facts)
    quotes, _ = link_quotes(facts, people)  # who "he said" is, as in a build
    return build_timeline(facts, people, merge_entities(facts), quotes)[:2]  # (dates, events)


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
def test_seed_fsb_speech_is_one_event(seed_timeline):
    """Putin's speech to the FSB on 27 February, worded differently by three outlets (said, claimed, warned, "he
    said" in televised comments): one event, by the same actor doing the same thing on the same day."""
    _, events = seed_timeline
    words = ("televised comments", "Putin claimed", "Putin on Thursday warned", "Putin on Thursday said")
    holding = {w: [e.id for e in events if any(w in r.text for r in e.reports)] for w in words}
    assert all(len(ids) == 1 for ids in holding.values()), holding
    assert len({ids[0] for ids in holding.values()}) == 1, holding


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
        ("FY2009-Q1", "Q1 of fiscal year 2009"),
        ("FY2021-H2", "second half of fiscal year 2021"),
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

    _, events = port_timeline(story)
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


# The same action told by two outlets on dates a day apart (made-up sentences: a rescue one outlet dates on
# Tuesday, the other, filing later, on Wednesday): one event whose date is disputed (rules/dates.yaml near_dates);
# further apart, or statements (a spokesman speaks every day), two.
def _rescue(day: str, value: str, lemma: str = "rescue", trigger: str = "rescued") -> Clause:
    return Clause(f"Firefighters {trigger} forty miners trapped in the Wujek pit near Katowice on {day}.",
                  f"on {day}", value, ("firefighter", lemma, "miner", "trap", "pit"), trigger, lemma, "Firefighters")


@pytest.mark.parametrize(("second", "days", "one_event"), [
    (_rescue("Wednesday", "2023-10-11"), 1, True),  # a day apart
    (_rescue("Wednesday", "2023-10-11"), 0, False),  # the rule off
    (_rescue("Friday", "2023-10-13"), 1, False),  # three days apart: another rescue
    (_rescue("Wednesday", "2023-10-11", "say", "said"), 1, False),  # statements: one each day
])
def test_one_action_on_near_dates(second, days, one_event):
    from generator.link.timeline import _rules, group_reports

    first = _rescue("Tuesday", "2023-10-10", *(("say", "said") if second.lemma == "say" else ()))
    reports = _reports_of({"a": [first], "b": [second]}, places=("Katowice",))
    # the near-dates rule alone (disputed_event off: reports this alike are otherwise one disputed event anyway)
    rules = {**_rules(), "near_dates": days, "disputed_event": 1.01}
    groups = group_reports(list(reports.values()), rules=rules)
    assert len(groups) == (1 if one_event else 2)
    assert groups[0].disputed == one_event


def test_build_timeline_one_action_a_day_apart_is_one_disputed_event():
    facts = [make_facts("a", MONDAY, [_rescue("Tuesday", "2023-10-10")]),
             make_facts("b", MONDAY, [_rescue("Wednesday", "2023-10-11")])]
    _, events = timeline_of(facts, places=("Katowice",))
    assert len(events) == 1 and events[0].disputed and events[0].dates == ("2023-10-10", "2023-10-11")
    assert events[0].sources == ("a", "b")


def test_related_stories_join_stories_alike_as_a_whole():
    from generator.link.timeline import _related_stories

    # two small stories of one rescue (a+b, c) whose sums read alike, and one of a bakery fire (d)
    vectors = {"a": {"w:rescue": 0.8, "w:miner": 0.6}, "b": {"e:katowice": 0.6, "w:pit": 0.8},
               "c": {"w:rescue": 0.5, "w:pit": 0.5, "e:katowice": 0.5, "w:miner": 0.5},
               "d": {"w:bakery": 0.8, "w:fire": 0.6}}
    stories = {"a": "a", "b": "a", "c": "c", "d": "d"}
    assert _related_stories(stories, vectors, 0.8) == {"a": "a", "b": "a", "c": "a", "d": "d"}
    assert _related_stories(stories, vectors, 0.99) == stories  # not alike enough
    assert _related_stories(stories, vectors, 0.0) == stories  # off


# Stories of one or two short articles join the larger story whose profile is most like theirs
# (rules/dates.yaml small_story, small_story_join); stories of a few sources each never join one another.
# Profiles (unit vectors of what the sources name) made up for the cases.
RESCUE = {"w:rescue": 0.6, "w:miner": 0.6, "e:katowice": 0.52}
SMALL_STORIES = [
    # case, stories (source -> story), vectors, small_story, small_story_join, expected stories
    ("a short article joins the larger story it reads like",
     {"a": "a", "b": "a", "c": "a", "d": "d"},
     {"a": RESCUE, "b": RESCUE, "c": RESCUE, "d": {"w:rescue": 0.8, "w:pit": 0.6}}, 2, 0.1,
     {"a": "a", "b": "a", "c": "a", "d": "a"}),
    ("of two larger stories, the one most alike",
     {"a": "a", "b": "a", "c": "a", "e": "e", "f": "e", "g": "e", "d": "d"},
     {"a": RESCUE, "b": RESCUE, "c": RESCUE, "e": {"w:bakery": 0.8, "w:fire": 0.6},
      "f": {"w:bakery": 0.8, "w:fire": 0.6}, "g": {"w:bakery": 0.6, "w:fire": 0.8},
      "d": {"w:fire": 0.3, "w:bakery": 0.2, "w:rescue": 0.93}}, 2, 0.1,
     {"a": "a", "b": "a", "c": "a", "e": "e", "f": "e", "g": "e", "d": "a"}),
    ("below the cosine it stays apart",
     {"a": "a", "b": "a", "c": "a", "d": "d"},
     {"a": RESCUE, "b": RESCUE, "c": RESCUE, "d": {"w:rescue": 0.1, "w:bakery": 0.995}}, 2, 0.1,
     {"a": "a", "b": "a", "c": "a", "d": "d"}),
    ("small stories never join one another (a folder of unrelated pages)",
     {"a": "a", "b": "b", "c": "c"},
     {"a": RESCUE, "b": RESCUE, "c": {"w:rescue": 0.8, "w:pit": 0.6}}, 2, 0.1,
     {"a": "a", "b": "b", "c": "c"}),
    ("a story of more sources than small_story stands on its own",
     {"a": "a", "b": "a", "c": "a", "d": "d", "e": "d", "f": "d"},
     {"a": RESCUE, "b": RESCUE, "c": RESCUE, "d": RESCUE, "e": RESCUE, "f": RESCUE}, 2, 0.1,
     {"a": "a", "b": "a", "c": "a", "d": "d", "e": "d", "f": "d"}),
    ("off",
     {"a": "a", "b": "a", "c": "a", "d": "d"},
     {"a": RESCUE, "b": RESCUE, "c": RESCUE, "d": RESCUE}, 0, 0.1,
     {"a": "a", "b": "a", "c": "a", "d": "d"}),
]


@pytest.mark.parametrize(("case", "stories", "vectors", "small", "floor", "expected"), SMALL_STORIES,
                         ids=[c[0] for c in SMALL_STORIES])
def test_small_stories_join_the_most_alike_larger_story(case, stories, vectors, small, floor, expected):
    from generator.link.timeline import _absorb_small_stories

    assert _absorb_small_stories(stories, vectors, small, floor) == expected


def _sentence(source_id: str, text: str, date: str, value: str, triggers: list[tuple[str, str]],
              keywords: tuple[str, ...]) -> SourceFacts:
    """A source of one dated sentence reporting the actions ``triggers`` ((word, lemma), each found in ``text``)."""
    facts = make_facts(source_id, MONDAY, [Clause(text, date, value, keywords)])
    date_id = facts.dates[0].id
    events = tuple(EventMention(source_id, 0, word, text.index(word), text.index(word) + len(word), lemma, 0,
                                len(text), keywords, date=date_id) for word, lemma in triggers)
    return replace(facts, events=events)


# Two actions in one sentence are two events; two mentions of one action in a sentence are one
# (rules/dates.yaml one_per_sentence). Made-up sentences.
ONE_SENTENCE = [
    ("two actions: the arrest stays apart from the shooting",
     "Police arrested a man in Brno on Monday after the shooting at the station.",
     [("arrested", "arrest"), ("shooting", "shoot")], {("a", "shoot"), ("b", "shoot")}, {("a", "arrest")}),
    ("one action twice: the vote and the vote it names",
     "Brno voted on Monday in a vote the opposition boycotted.",
     [("voted", "vote"), ("vote", "vote")], {("a", "vote"), ("b", "vote")}, set()),
]


@pytest.mark.parametrize(("case", "text", "triggers", "together", "apart"), ONE_SENTENCE,
                         ids=[c[0] for c in ONE_SENTENCE])
def test_actions_of_one_sentence(case, text, triggers, together, apart):
    from generator.link.timeline import _reports, _rules, group_reports

    action = triggers[-1][1]
    first = _sentence("a", text, "on Monday", "2023-10-09", triggers, ("brno", "station", "vote", "shoot"))
    second = _sentence("b", f"In Brno, the {action} on Monday drew crowds.", "on Monday", "2023-10-09",
                       [(action, action)], ("brno", action, "crowd"))
    places = ("Brno",)
    entities = tuple(Entity(_slug(p), p, "GPE", mentions_of([first, second], p, "GPE")) for p in places)
    groups = group_reports(_reports([first, second], (), entities), rules=_rules())
    keys = [{(r.mention.source, r.event.lemma) for r in g.reports} for g in groups]
    assert any(together <= k for k in keys)
    assert all(not (apart & k) or k == apart for k in keys)
    assert len(keys) == 1 + bool(apart)


@pytest.mark.parametrize(("text", "stamp"), [
    ("Posted on Wed Oct 2, 2024 06:15 AM CEST", True),
    ("UPDATED: 10/02/2024 at 7:40 p.m. ET", True),
    ("First published: October 2, 2024 5:05 PM BST", True),
    ("Last modified Wednesday 2 October 2024", True),
    ("October 2, 2024, 9:12 AM", True),
    ("Updated", True),
    ("Update Oct 2nd, 6:05PM ET: Added the union's statement", True),
    ("Update: the harbour reopened on Thursday.", False),
    ("Dock workers walked out on Wednesday, October 2.", False),
    ("Published in 2019, the report was ignored at the time.", False),
    ("Updated pay figures were posted on October 3.", False),
    ("Posted by the port authority on October 2 at 9:00", False),
    ("At 6 am on Wednesday the gates stayed shut.", False),
    ("The strike begins Monday", False),
])
def test_is_time_stamp(text, stamp):
    from generator.link.timeline import is_time_stamp

    assert is_time_stamp(text) is stamp


def test_a_page_time_stamp_is_not_an_event():
    """"Posted on Thu Mar 14, 2024 10:02 AM CET" says when the page was published: no timeline entry."""
    stamped = PORT_A + [Clause("Posted on Thu Mar 14, 2024 10:02 AM CET", "Mar 14, 2024", "2024-03-14",
                               ("post",), "Posted", "post")]
    _, events = timeline_of([make_facts("a", PUB, stamped)], places=("Rotterdam",))
    assert events and not any("Posted" in r.text for e in events for r in e.reports)
    _, events = timeline_of([make_facts("a", PUB, PORT_A + [Clause("March 14, 2024, 10:02 AM", "March 14, 2024",
                                                                   "2024-03-14")])])
    assert events and not any("10:02" in r.text for e in events for r in e.reports)


@pytest.mark.parametrize(("clause", "heading"), [
    ("the union said in a statement issued this week (March 12", "the union said in a statement issued this week"),
    ("12), the dock workers walked out again", "the dock workers walked out again"),
    ("the mayor called the walkout “a disgrace", "the mayor called the walkout"),
    ("the walkout (the third this year) ended on Friday", "the walkout (the third this year) ended on Friday"),
])
def test_an_event_heading_never_shows_half_a_bracket_or_quotation(clause, heading):
    from generator.pages.timeline import _closed

    assert _closed(clause) == heading


@pytest.mark.parametrize(("clause_text", "heading"), [
    # a dated clause the parser ended on "as": the heading is the sentence
    ("In early 2021 the court heard the harbour master described as",
     "In early 2021 the court heard the harbour master described as “the man who closed the port”."),
    ("In early 2021 the court heard the harbour master", "In early 2021 the court heard the harbour master"),
])
def test_an_event_heading_is_never_a_clause_cut_on_a_dangling_word(clause_text, heading):
    from generator.model import Event, EventSource
    from generator.pages.timeline import _title

    sentence = "In early 2021 the court heard the harbour master described as “the man who closed the port”."
    facts = make_facts("a", PUB, [Clause(sentence, "In early 2021", "2021")])
    start = sentence.index(clause_text)
    mention = replace(facts.dates[0], clause_start=start, clause_end=start + len(clause_text))
    facts = replace(facts, dates=(mention,))
    event = Event("e-2021", "2021", "In early 2021", "published", sentence, ("a",), (),
                  reports=(EventSource("a", 0, sentence, "In early 2021", "test", mention=mention.id),))
    assert _title(event, {"a": facts}) == heading


def test_a_date_that_holds_the_others_is_not_one_the_outlets_disagree_on():
    """Tuesday, Wednesday, and "in October": the outlets disagree on the day, not with "October"."""
    october = Clause("Firefighters rescued forty miners trapped in the Wujek pit near Katowice in October.",
                     "in October", "2023-10", ("firefighter", "rescue", "miner", "trap", "pit"), "rescued", "rescue",
                     "Firefighters")
    facts = [make_facts("a", MONDAY, [_rescue("Tuesday", "2023-10-10")]),
             make_facts("b", MONDAY, [_rescue("Wednesday", "2023-10-11")]),
             make_facts("c", MONDAY, [october])]
    _, events = timeline_of(facts, places=("Katowice",))
    rescue = [e for e in events if e.disputed]
    assert len(rescue) == 1 and rescue[0].dates == ("2023-10-10", "2023-10-11")
