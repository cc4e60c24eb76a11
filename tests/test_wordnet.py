"""WordNet near synonyms of event words (generator/link/wordnet.py), read from Debian's wordnet-base."""

from __future__ import annotations

import pytest

from generator.errors import ConfigError
from generator.link import wordnet


@pytest.mark.parametrize(
    ("a", "b", "senses", "near"),
    [
        ("quake", "earthquake", 1, True),  # one synonym set
        ("attack", "assault", 1, True),
        ("shooting", "shoot", 1, True),
        ("death", "die", 1, True),  # a derivation: the noun of the verb's first sense
        ("deaths", "died", 1, True),  # inflected forms the lemmatiser left find their lemma (morphy)
        ("injure", "wound", 1, True),
        ("buy", "sell", 3, False),  # related, not the same action
        ("arrest", "release", 3, False),
        ("win", "lose", 3, False),
        ("fire", "hire", 3, False),
        ("kill", "murder", 1, False),  # murder is a kind of killing (a hyponym), not a synonym
        ("xqzt", "quake", 3, False),  # a word WordNet does not know
    ],
)
def test_near_synonyms(a, b, senses, near):
    assert wordnet.near_synonyms(a, b, senses) is near
    assert wordnet.near_synonyms(b, a, senses) is near


def test_more_senses_find_more_synonyms():
    assert not wordnet.near_synonyms("foil", "thwart", 1)
    assert wordnet.near_synonyms("foil", "thwart", 2)  # the second sense of "foil" is "thwart"
    assert not wordnet.near_synonyms("flame", "fire", 2)
    assert wordnet.near_synonyms("flame", "fire", 3)


def test_missing_wordnet_names_the_package(monkeypatch, tmp_path):
    monkeypatch.setattr(wordnet, "ROOT", tmp_path)
    wordnet._index.cache_clear()
    wordnet.concepts.cache_clear()
    try:
        with pytest.raises(ConfigError, match="wordnet-base"):
            wordnet.concepts("quake", 1)
    finally:
        monkeypatch.undo()
        wordnet._index.cache_clear()
        wordnet.concepts.cache_clear()
        wordnet._exceptions.cache_clear()


def test_the_timeline_falls_back_without_wordnet(monkeypatch, tmp_path, caplog):
    """No WordNet on the machine: the build goes on (same-word actions only) and says how to install it."""
    from generator.link import timeline

    monkeypatch.setattr(wordnet, "ROOT", tmp_path)
    wordnet._warn_missing.cache_clear()
    reports = [type("R", (), {})() for _ in range(2)]
    monkeypatch.setattr(timeline, "trigger", lambda r: "quake" if r is reports[0] else "earthquake")
    with caplog.at_level("WARNING"):
        assert timeline._similar_triggers(reports, 2) == {}
    assert "wordnet-base" in caplog.text
    wordnet._warn_missing.cache_clear()


# Word pairs chosen for these tests (not from the seeds or the statement pairs).
@pytest.mark.parametrize(
    ("a", "b", "related"),
    [
        ("hardship", "adversity", True),  # both defined through "affliction" and "misfortune"
        ("urgent", "pressing", True),  # "compelling", "necessity"
        ("candour", "frankness", True),  # "honest", "straightforward"
        ("increase", "decrease", False),
        ("buy", "sell", False),
        ("mayor", "governor", False),
        ("rain", "election", False),
        ("xqzt", "hardship", False),  # a word WordNet does not know
    ],
)
def test_gloss_related(a, b, related):
    assert wordnet.gloss_related(a, b, 2, 25) is related
    assert wordnet.gloss_related(b, a, 2, 25) is related


def test_gloss_related_needs_rare_shared_words_and_enough_senses():
    # "hostility" and "enmity" share "deep-seated" (5 definitions) and "ill-will" (2) through second senses only
    assert wordnet.gloss_related("hostility", "enmity", 2, 5)
    assert not wordnet.gloss_related("hostility", "enmity", 1, 100)
    # "hardship" and "adversity" share "affliction" (13 definitions) and "misfortune" (17), no rarer word
    assert not wordnet.gloss_related("hardship", "adversity", 2, 12)
    assert wordnet.gloss_related("hardship", "adversity", 2, 13)
    assert not wordnet.gloss_related("hardship", "adversity", 2, 0)  # 0: off
    assert wordnet.gloss_frequency()["affliction"] == 13


def test_gloss_related_reads_definitions_without_examples():
    words = wordnet.definition_words("fortitude", 1)  # "strength of mind that enables one to endure adversity ..."
    assert {"strength", "mind", "endure", "adversity", "courage"} <= words
    assert not words & {"of", "that", "one"}  # stop words
    assert "resilient" in wordnet.derived_words("resilience", 1)
