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
    timeline._warn_without_wordnet.cache_clear()
    reports = [type("R", (), {})() for _ in range(2)]
    monkeypatch.setattr(timeline, "trigger", lambda r: "quake" if r is reports[0] else "earthquake")
    with caplog.at_level("WARNING"):
        assert timeline._similar_triggers(reports, 2) == {}
    assert "wordnet-base" in caplog.text
    timeline._warn_without_wordnet.cache_clear()
