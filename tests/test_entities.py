"""Organisations and places merged across sources (generator/link/entities.py). Names made up for these tests."""

from __future__ import annotations

import pytest

from generator.link.entities import entity_key, merge_entities
from generator.model import EntityMention, Paragraph, Person, PersonMention, Source, SourceFacts


def _facts(source_id: str, names: list[str]) -> SourceFacts:
    source = Source(source_id, f"{source_id}.txt", "txt", source_id, None, None, None, None, "x",
                    (Paragraph(0, 0, 1, "x"),), ())
    mentions = tuple(EntityMention(source_id, n, "ORG", i * 50, i * 50 + len(n), 0) for i, n in enumerate(names))
    return SourceFacts(source, (), (), mentions)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Harbour Arts Centre", "Harbour Arts Center", True),
    ("the Ministry of Defence", "Ministry of Defense", True),
    ("Coastal Health Organisation", "Coastal Health Organization", True),
    ("the Kremlin's", "Kremlin", True),
    ("Labour Party", "Labor Party", False),  # two parties
    ("Harbour Arts Centre", "Harbour Arts Central", False),
])
def test_entity_key_folds_british_and_american_spellings(a: str, b: str, same: bool) -> None:
    assert (entity_key(a) == entity_key(b)) is same


def test_one_organisation_however_the_outlets_spell_it() -> None:
    entities = merge_entities([_facts("a", ["Harbour Arts Centre", "Harbour Arts Centre"]),
                               _facts("b", ["Harbour Arts Center"])])
    assert [(e.name, e.sources) for e in entities] == [("Harbour Arts Centre", ("a", "b"))]


def _mention(source_id: str, text: str, expansion: str = "", at: int = 0) -> EntityMention:
    return EntityMention(source_id, text, "ORG", at, at + len(text), 0, expansion)


def _facts_of(source_id: str, mentions: list[EntityMention]) -> SourceFacts:
    source = Source(source_id, f"{source_id}.txt", "txt", source_id, None, None, None, None, "x",
                    (Paragraph(0, 0, 1, "x"),), ())
    return SourceFacts(source, (), (), tuple(mentions))


def test_an_acronym_an_article_defines_joins_its_full_name_in_every_article() -> None:
    defined = _facts_of("a", [_mention("a", "Coastal Shipping Authority"), _mention("a", "CSA", "Coastal Shipping Authority", 60)])
    elsewhere = _facts_of("b", [_mention("b", "CSA"), _mention("b", "CSA", at=40)])
    entities = merge_entities([defined, elsewhere])
    assert [(e.name, e.sources, len(e.mentions)) for e in entities] == [("Coastal Shipping Authority", ("a", "b"), 4)]


def test_an_acronym_defined_two_ways_stays_apart_where_it_is_not_defined() -> None:
    one = _facts_of("a", [_mention("a", "CSA", "Coastal Shipping Authority")])
    other = _facts_of("b", [_mention("b", "CSA", "Canadian Skating Association")])
    bare = _facts_of("c", [_mention("c", "CSA")])
    names = sorted((e.name, e.sources) for e in merge_entities([one, other, bare]))
    assert names == [("CSA", ("c",)), ("Canadian Skating Association", ("b",)), ("Coastal Shipping Authority", ("a",))]


@pytest.mark.parametrize(("text", "expected"), [
    ("the Coastal Shipping Authority (CSA", "Coastal Shipping Authority"),
    ("the Kremlin's", "Kremlin"),
    ("Coastal Shipping Authority (CSA)", "Coastal Shipping Authority (CSA)"),
])
def test_entity_text_drops_a_bracket_the_model_cut(text: str, expected: str) -> None:
    from generator.extract.facts import _entity_text

    assert _entity_text(text) == expected


@pytest.fixture(scope="module")
def nlp():
    from generator.pipeline import prepare_model

    return prepare_model("en_core_web_sm")


def test_extracted_acronym_carries_its_full_name(nlp) -> None:
    from generator.extract.facts import extract_entities

    text = ("The Coastal Shipping Authority (CSA) closed the port on Monday. "
            "The CSA said the port would reopen once the storm had passed.")
    source = Source("a", "a.txt", "txt", "a", None, None, None, None, text, (Paragraph(0, 0, len(text), text),), ())
    mentions = extract_entities(nlp(text), source)
    assert {(m.text, m.expansion) for m in mentions if m.text == "CSA"} == {("CSA", "Coastal Shipping Authority")}


def test_a_name_the_people_stage_took_as_a_person_is_no_organisation() -> None:
    """spaCy tags "Okafor said" as an organisation; the people stage attached it to Ada Okafor: the organisations
    page does not list "Okafor", and an organisation named elsewhere in the article stays."""
    facts = _facts("a", ["Okafor", "Lakeside Water Board"])
    mention = facts.entities[0]
    okafor = Person("ada-okafor", "Ada Okafor", (), (), (
        PersonMention("a", "Okafor", "Okafor", mention.start, mention.end, 0),))
    assert [e.name for e in merge_entities([facts], [okafor])] == ["Lakeside Water Board"]
    assert len(merge_entities([facts])) == 2
