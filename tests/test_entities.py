"""Organisations and places merged across sources (generator/link/entities.py). Names made up for these tests."""

from __future__ import annotations

import pytest

from generator.link.entities import entity_key, merge_entities
from generator.model import EntityMention, Paragraph, Source, SourceFacts


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
