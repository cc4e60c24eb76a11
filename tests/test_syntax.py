"""Helpers over the dependency parse (generator/extract/syntax.py), on hand-built parses (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from generator.extract.syntax import passive_agents

_VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "verb", "expected"),
    [
        # "The offer was rejected by prosecutors": the object of "by"
        (["The", "offer", "was", "rejected", "by", "prosecutors"], [1, 3, 3, 3, 3, 4],
         ["det", "nsubjpass", "auxpass", "ROOT", "agent", "pobj"], 3, ["prosecutors"]),
        # two "by" phrases: both, in order
        (["It", "was", "signed", "by", "Ana", "and", "by", "Ben"], [2, 2, 2, 2, 3, 2, 2, 6],
         ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "cc", "agent", "pobj"], 2, ["Ana", "Ben"]),
        # a plain "by" preposition is no agent
        (["She", "stood", "by", "the", "door"], [1, 1, 1, 4, 2],
         ["nsubj", "ROOT", "prep", "det", "pobj"], 1, []),
        # no agent phrase
        (["The", "plan", "was", "dropped"], [1, 3, 3, 3], ["det", "nsubjpass", "auxpass", "ROOT"], 3, []),
    ],
)
def test_passive_agents_objects_of_by(words, heads, deps, verb, expected):
    doc = _doc(words, heads, deps)
    assert [t.text for t in passive_agents(doc[verb])] == expected
