"""Which English words name the same action: Princeton WordNet 3.0 synonym sets and derivations; which words are
near in meaning by their definitions (``gloss_related``).

"kill"/"killing", "quake"/"earthquake", "blaze"/"fire", "die"/"death": two words are near synonyms when one of their
first ``senses`` senses (WordNet orders senses by frequency) is one synonym set, or when one word's sense is a
derivation of the other's ("die" -> "death"). A general lexical resource, not a list fitted to one story.

The database is Debian's ``wordnet-base`` package (``/usr/share/wordnet``: WordNet 3.0, Princeton's licence; ``make
install`` / ``make test`` install it with apt-get), read here directly. Why not a library: NLTK's WordNet reader
needs NLTK's own copy of the database (downloaded at run time, which this project never does) and a file Debian's
does not ship; the format (``wndb(5WN)``: one line per synset at its byte offset, indexes sorted by lemma) takes a
few lines to read. Only the parts used here are read: the senses of a lemma, the derivation pointers and the
definitions (glosses).
"""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from generator.errors import ConfigError

log = logging.getLogger(__name__)

ROOT = Path(os.environ.get("WORDNET_DIR", "/usr/share/wordnet"))
POS = {"n": "noun", "v": "verb"}  # actions are verbs and nouns ("attacked", "the attack")
FILES = {**POS, "a": "adj", "s": "adj", "r": "adv"}  # the database file of each part of speech (s: satellite adj.)
MARKER = re.compile(r"\([a-z]+\)$")  # an adjective's syntactic marker ("world(a)": attributive only)
DERIVATION = "+"
GLOSS_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def available() -> bool:
    return _available(ROOT)


@lru_cache(maxsize=8)  # asked for every pair of quotes: the files are looked for once per folder
def _available(root: Path) -> bool:
    return all((root / f"{kind}.{name}").is_file() for name in set(FILES.values()) for kind in ("index", "data"))


def missing(without: str) -> bool:
    """Whether WordNet is missing; if so, warns once per process and ``without`` (what the build does instead,
    "events are merged without near-synonym actions"): a build never fails for want of an optional lexicon."""
    if available():
        return False
    _warn_missing(str(ROOT), without)
    return True


@lru_cache(maxsize=None)
def _warn_missing(root: str, without: str) -> None:
    log.warning("WordNet is not in %s: %s. Install Debian's wordnet-base package (apt-get install wordnet-base; "
                "make install tries it) or set WORDNET_DIR to a WordNet 3.0 dict folder.", root, without)


@lru_cache(maxsize=None)  # one per part of speech
def _index(pos: str) -> dict[str, tuple[int, ...]]:
    """lemma -> its synset offsets, most frequent sense first (index.noun / index.verb)."""
    if not available():
        raise ConfigError(
            f"WordNet is not in {ROOT}: similar_action in generator/rules/dates.yaml and gloss_senses in "
            "generator/rules/quote_similarity.yaml use it. Install Debian's "
            "wordnet-base package (apt-get install wordnet-base; make install does it), or point WORDNET_DIR at a "
            "WordNet 3.0 dict folder."
        )
    out = {}
    with open(ROOT / f"index.{FILES[pos]}", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith(" "):  # the licence
                continue
            fields = line.split()
            pointers = int(fields[3])
            senses = int(fields[2])
            out[fields[0]] = tuple(int(x) for x in fields[6 + pointers:6 + pointers + senses])
    return out


def _data_line(pos: str, offset: int) -> str:
    """The line of the synset at ``offset`` of the data file of ``pos`` (wndb(5WN): one line per synset)."""
    with open(ROOT / f"data.{FILES[pos]}", "rb") as data:
        data.seek(offset)
        return data.readline().decode("utf-8")


@lru_cache(maxsize=65536)
def _synset(pos: str, offset: int) -> tuple[tuple[str, ...], tuple[tuple[str, int, str, int, int], ...]]:
    """The words of a synset and its pointers (symbol, offset, pos, source and target word numbers; 0: the whole
    synset)."""
    fields = _data_line(pos, offset).split(" | ")[0].split()
    count = int(fields[3], 16)
    words = tuple(MARKER.sub("", fields[4 + 2 * i].lower()) for i in range(count))
    at = 4 + 2 * count
    pointers = []
    for i in range(int(fields[at])):
        symbol, target, target_pos, numbers = fields[at + 1 + 4 * i: at + 5 + 4 * i]
        pointers.append((symbol, int(target), target_pos, int(numbers[:2], 16), int(numbers[2:], 16)))
    return words, tuple(pointers)


# WordNet's own detachment rules (morphy(7WN)): an inflected form the lemmatiser left ("awards") finds its lemma.
SUFFIXES = {"n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
                  ("men", "man"), ("ies", "y")),
            "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
                  ("ing", "")),
            "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
            "r": ()}


@lru_cache(maxsize=None)  # one per part of speech
def _exceptions(pos: str) -> dict[str, str]:
    """Irregular forms and their lemma (noun.exc, verb.exc: "children child", "ran run")."""
    path = ROOT / f"{pos and FILES[pos]}.exc"
    if not path.is_file():
        return {}
    return {f[0]: f[1] for f in (line.split() for line in path.open(encoding="utf-8")) if len(f) >= 2}


def _base(lemma: str, pos: str) -> str:
    """``lemma`` as WordNet lists it as ``pos``: itself, or its base form morphy's way ("" when not listed)."""
    index = _index(pos)
    if lemma in index:
        return lemma
    candidates = [_exceptions(pos).get(lemma, "")] + [
        lemma[: -len(suffix)] + replacement for suffix, replacement in SUFFIXES[pos] if lemma.endswith(suffix)]
    return next((c for c in candidates if c in index), "")


def base_noun(word: str) -> str:
    """``word`` as WordNet lists it as a noun: itself, its singular ("heels" → "heel"), or "" when not listed."""
    return _base(word.lower().replace(" ", "_"), "n")


@lru_cache(maxsize=65536)
def concepts(word: str, senses: int) -> frozenset[str]:
    """The first ``senses`` senses of ``word`` as a noun and as a verb, and the senses they derive from or give
    (when that sense is also among the first ``senses`` of the word it derives): "pos:offset" keys."""
    out = set()
    for pos in POS:
        lemma = _base(word.lower().replace(" ", "_"), pos)
        for offset in _index(pos).get(lemma, ())[:senses]:
            out.add(f"{pos}:{offset}")
            words, pointers = _synset(pos, offset)
            for symbol, target, target_pos, source, number in pointers:
                if symbol != DERIVATION or target_pos not in POS or not source or words[source - 1] != lemma:
                    continue
                derived = _synset(target_pos, target)[0][number - 1]
                if target in _index(target_pos).get(derived, ())[:senses]:
                    out.add(f"{target_pos}:{target}")
    return frozenset(out)


def near_synonyms(a: str, b: str, senses: int) -> bool:
    return bool(concepts(a, senses) & concepts(b, senses))


# ------------------------------------------------------------------------------ definitions (glosses)
# Two words are near in meaning when the definitions of their first senses (and of the words derived from those
# senses) share a rare word: "resilient" is "recovering readily from adversity", "fortitude" "strength of mind that
# enables one to endure adversity with courage". This is the gloss overlap of the Lesk family of measures (Lesk 1986;
# extended to related senses by Banerjee and Pedersen 2003), kept to rare words: a word in few definitions says
# much, one in many ("person", "act") nothing. How rare, and how many senses, are learnt on annotated quote pairs
# (benchmarks/grouping.py).


def _definition(line: str) -> str:
    """The definition of a synset's data line, without its examples ("...; \"he didn't have the guts\"")."""
    return line.partition(" | ")[2].split('; "')[0].lower()


def _gloss_words(text: str) -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w for w in GLOSS_WORD.findall(text) if len(w) > 2 and w not in STOP_WORDS)


@lru_cache(maxsize=1)
def gloss_frequency() -> Counter[str]:
    """In how many synset definitions of the whole database each word is (a word's document frequency)."""
    counts: Counter[str] = Counter()
    for name in ("noun", "verb", "adj", "adv"):
        with open(ROOT / f"data.{name}", encoding="utf-8") as lines:
            counts.update(w for line in lines if not line.startswith(" ") for w in _gloss_words(_definition(line)))
    return counts


def _senses(word: str, senses: int) -> list[tuple[str, int, str]]:
    """(part of speech, offset, lemma) of the first ``senses`` senses of ``word`` as each part of speech."""
    out = []
    for pos in ("n", "v", "a", "r"):
        lemma = _base(word, pos)
        out.extend((pos, offset, lemma) for offset in _index(pos).get(lemma, ())[:senses])
    return out


@lru_cache(maxsize=65536)
def _defined_by(word: str, senses: int) -> frozenset[str]:
    """The words of the definitions of ``word``'s first ``senses`` senses."""
    out: set[str] = set()
    for pos, offset, _ in _senses(word, senses):
        out |= _gloss_words(_definition(_data_line(pos, offset)))
    return frozenset(out)


@lru_cache(maxsize=65536)
def derived_words(word: str, senses: int) -> frozenset[str]:
    """The words derived from (or giving) ``word``'s first ``senses`` senses ("resilience" -> "resilient")."""
    out = set()
    for pos, offset, lemma in _senses(word, senses):
        words, pointers = _synset(pos, offset)
        for symbol, target, target_pos, source, number in pointers:
            if symbol == DERIVATION and source and words[source - 1] == lemma:
                out.add(_synset(target_pos, target)[0][number - 1])
    return frozenset(out - {word})


@lru_cache(maxsize=65536)
def definition_words(word: str, senses: int) -> frozenset[str]:
    """The words of the definitions of ``word`` and of the words derived from it, first ``senses`` senses each."""
    word = word.lower().replace(" ", "_")
    out = set(_defined_by(word, senses))
    for derived in derived_words(word, senses):
        out |= _defined_by(derived, senses)
    return frozenset(out)


def gloss_related(a: str, b: str, senses: int, max_frequency: int) -> bool:
    """Do the definitions of ``a`` and ``b`` share a word that at most ``max_frequency`` definitions hold?"""
    if max_frequency <= 0:
        return False
    return not rare_definition_words(a, senses, max_frequency).isdisjoint(
        rare_definition_words(b, senses, max_frequency))


@lru_cache(maxsize=65536)  # quote grouping asks it of every word of every pair of quotes
def rare_definition_words(word: str, senses: int, max_frequency: int) -> frozenset[str]:
    """``definition_words`` that at most ``max_frequency`` definitions of the whole database hold."""
    frequency = gloss_frequency()
    return frozenset(w for w in definition_words(word, senses) if frequency[w] <= max_frequency)


# WordNet's lexicographer files of nouns (lexnames(5WN)): the broad class each noun sense belongs to.
NOUN_CLASSES = {3: "Tops", 4: "act", 5: "animal", 6: "artifact", 7: "attribute", 8: "body", 9: "cognition",
                10: "communication", 11: "event", 12: "feeling", 13: "food", 14: "group", 15: "location", 16: "motive",
                17: "object", 18: "person", 19: "phenomenon", 20: "plant", 21: "possession", 22: "process",
                23: "quantity", 24: "relation", 25: "shape", 26: "state", 27: "substance", 28: "time"}


@lru_cache(maxsize=4096)
def first_noun_class(word: str) -> str | None:
    """The class of the most frequent noun sense of ``word`` ("grant" → possession, "lohan" → person); None when
    WordNet is missing or does not list it as a noun."""
    if not available():
        return None
    classes = noun_classes(word, 1)
    return classes[0] if classes else None


@lru_cache(maxsize=4096)
def noun_classes(word: str, senses: int) -> tuple[str, ...]:
    """The classes of the first ``senses`` senses of ``word`` as a noun, most frequent first ("champion" →
    person, person; "film" → communication, communication; "election" → act, act); () when WordNet does not list
    it as a noun."""
    return tuple(NOUN_CLASSES.get(int(_data_line("n", offset).split()[1]), "")
                 for offset in _index("n").get(base_noun(word), ())[:senses])
