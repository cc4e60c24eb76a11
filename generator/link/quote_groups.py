"""Quotes across sources: resolve each speaker to a person, group the quotes that report the same statement.

Two quotes report the same statement when their speakers agree and their content words overlap enough. Outlets
translate and trim the same remarks differently ("inspire certain hopes" / "inspiring a certain degree of hope" /
"give some hope"), so words are compared as crude stems, through a small synonym table
(``generator/rules/quote_similarity.yaml``), and by containment (shared words over the words of the shorter
quote), so that a partial quote joins the full quote it was cut from. rapidfuzz's ``token_set_ratio`` catches
near-identical wordings. Groups are the connected components of that relation.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from generator.model import Person, Quote, QuoteGroup, SourceFacts
from generator.link.people import PeopleIndex
from generator.extract.quotes import normalise
from generator.rules import load_rules

WORD = re.compile(r"\w+(?:[-’']\w+)*")
CONTINUING = ("interrupted", "continuation")
SUFFIXES = ("ational", "ations", "ation", "ments", "ment", "ingly", "ing", "edly", "ed", "ies", "es", "s", "ly")


# ---------------------------------------------------------------------------------------- speakers


def resolve_speaker(quote: Quote, index: PeopleIndex) -> str | None:
    """The id of the person who said ``quote``: by the offsets of the mention the speaker resolves to, then of
    the speaker as written, then by name (the resolved name, then the trailing name words of the speaker text:
    "top Ukrainian military commander Oleksandr Syrskyi" -> "Oleksandr Syrskyi")."""
    for start, end in ((quote.speaker_name_start, quote.speaker_name_end), (quote.speaker_start, quote.speaker_end)):
        if start is not None and end is not None:
            person = index.by_offset(quote.source, start, end)
            if person is not None:
                return person.id
    names = [quote.speaker_name] if quote.speaker_name else []
    if quote.speaker_text:
        words = quote.speaker_text.split()
        names.extend(" ".join(words[i:]) for i in range(len(words)) if words[i][:1].isupper())
    for name in names:
        person = index.lookup(name, quote.source)
        if person is not None:
            return person.id
    return None


# ------------------------------------------------------------------------------------------- words


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem, enough to match "hopes"/"hope", "restoring"/"restore", "inspiring"/"inspire"."""
    word = word.lower().replace("’", "'").split("'")[0]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for words in load_rules("quote_similarity")["synonyms"]:
        head = stem(words[0])
        for word in words:
            table[stem(word)] = head
    return table


@lru_cache(maxsize=16384)  # pure, and asked again for every pair a quote is compared in
def content_words(text: str) -> frozenset[str]:
    """The stems of a quote's content words, synonyms mapped to one representative."""
    synonyms = _synonyms()
    out = set()
    for word in (w.lower() for w in WORD.findall(text)):
        stemmed = stem(word)
        if stemmed in synonyms:  # kept even when a stop word ("give")
            out.add(synonyms[stemmed])
        elif word not in STOP_WORDS and not word.isdigit():
            out.add(stemmed)
    return frozenset(out)


@dataclass(frozen=True)
class Similarity:
    shared: int
    containment: float  # shared words / content words of the shorter quote
    fuzzy: float  # rapidfuzz token_set_ratio, 0-100


def similarity(a: str, b: str) -> Similarity:
    wa, wb = content_words(a), content_words(b)
    shared = len(wa & wb)
    smaller = min(len(wa), len(wb)) or 1
    return Similarity(shared, shared / smaller, fuzz.token_set_ratio(normalise(a), normalise(b)))


def _thresholds() -> dict:
    return load_rules("quote_similarity")


def same_statement(a: Quote, b: Quote, sim: Similarity | None = None, thresholds: dict | None = None) -> bool:
    """Do two quotes report the same statement? Speakers must agree (an unknown speaker needs a closer match)."""
    t = thresholds or _thresholds()
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return False
    if not a.speaker and not b.speaker and a.speaker_text and b.speaker_text:
        if normalise(a.speaker_text) != normalise(b.speaker_text):
            return False
    sim = sim or similarity(a.text, b.text)
    if normalise(a.text) == normalise(b.text):
        return True
    known = bool(a.speaker and b.speaker)
    min_shared = t["min_shared_words"] if known else t["min_shared_words"] + 1
    containment = t["containment"] if known else max(t["containment"], 0.8)
    if sim.shared >= min_shared and sim.containment >= containment:
        return True
    return known and sim.shared >= min_shared and sim.fuzzy >= t["fuzzy"]


# ------------------------------------------------------------------------------------------ grouping


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def candidate_pairs(quotes: Sequence[Quote], thresholds: dict) -> list[tuple[int, int]]:
    """The pairs (i < j) ``same_statement`` can accept, instead of all pairs (quadratic on a big story).

    ``same_statement`` accepts two quotes when their normalised words are equal or when they share at least
    ``min_shared_words`` content words; any other pair is refused without being compared. So the candidates
    are the pairs an inverted index of content words finds that often, and the pairs of equal wordings.
    (Valid as long as ``same_statement`` keeps that requirement: tests/test_quote_groups.py checks the
    groups against comparing every pair.)"""
    need = thresholds["min_shared_words"]
    if need < 1:
        return list(combinations(range(len(quotes)), 2))
    words = [content_words(q.text) for q in quotes]
    postings: dict[str, list[int]] = defaultdict(list)
    same_words: dict[str, list[int]] = defaultdict(list)
    for i, quote in enumerate(quotes):
        for word in words[i]:
            postings[word].append(i)
        same_words[normalise(quote.text)].append(i)
    pairs: set[tuple[int, int]] = set()
    for i in range(len(quotes)):
        shared = Counter(j for word in words[i] for j in postings[word] if j > i)
        pairs.update((i, j) for j, count in shared.items() if count >= need)
    for members in same_words.values():
        pairs.update(combinations(members, 2))
    return sorted(pairs)


def group_id(first: Quote) -> str:
    return "g-" + hashlib.blake2b(first.id.encode(), digest_size=5).hexdigest()


def group_quotes(quotes: Sequence[Quote], order: dict[str, tuple] | None = None, thresholds: dict | None = None) -> tuple[QuoteGroup, ...]:
    """Groups of two or more quotes reporting the same statement (connected components)."""
    parent = list(range(len(quotes)))
    # A quote that continues the one before it (an interrupted quote, a continuation paragraph) is the same
    # statement, whatever its words.
    previous: dict[str, int] = {}
    for i in sorted(range(len(quotes)), key=lambda k: (quotes[k].source, quotes[k].start)):
        q = quotes[i]
        if q.attribution in CONTINUING and q.source in previous:
            parent[_find(parent, i)] = _find(parent, previous[q.source])
        previous[q.source] = i
    for i, j in candidate_pairs(quotes, thresholds or _thresholds()):
        if same_statement(quotes[i], quotes[j], thresholds=thresholds):
            parent[_find(parent, i)] = _find(parent, j)
    members: dict[int, list[Quote]] = {}
    for i, quote in enumerate(quotes):
        members.setdefault(_find(parent, i), []).append(quote)
    key = (lambda q: order.get(q.source, (q.source,)) + (q.start,)) if order else (lambda q: (q.source, q.start))
    groups = []
    for found in members.values():
        if len(found) < 2:
            continue
        found.sort(key=key)
        speakers = Counter(q.speaker for q in found if q.speaker)
        speaker = speakers.most_common(1)[0][0] if speakers else None
        texts = Counter(q.speaker_name or q.speaker_text for q in found if q.speaker_text)
        full = [q for q in found if not q.partial] or found
        groups.append(QuoteGroup(
            id=group_id(found[0]),
            speaker=speaker,
            speaker_text=texts.most_common(1)[0][0] if texts else None,
            quotes=tuple(q.id for q in found),
            sources=tuple(sorted({q.source for q in found})),
            text=max(full, key=lambda q: len(q.text)).text,
        ))
    return tuple(sorted(groups, key=lambda g: (g.speaker or "~", g.id)))


def link_quotes(facts: Sequence[SourceFacts], people: Sequence[Person]) -> tuple[tuple[Quote, ...], tuple[QuoteGroup, ...]]:
    """Every quote with its speaker resolved to a person id and its group id; and the groups."""
    index = PeopleIndex(tuple(people))
    quotes = [replace(q, speaker=resolve_speaker(q, index)) for f in facts for q in f.quotes]
    order = {f.source.id: (f.source.published.isoformat() if f.source.published else "9999", f.source.id) for f in facts}
    groups = group_quotes(quotes, order)
    of_quote = {qid: g.id for g in groups for qid in g.quotes}
    linked = tuple(replace(q, group=of_quote.get(q.id)) for q in quotes)
    return linked, groups


# ---------------------------------------------------------------------------------------------- diff


@dataclass(frozen=True)
class DiffToken:
    op: str  # "equal", "delete" (only in the first text), "insert" (only in the second)
    text: str


def word_diff(a: str, b: str) -> tuple[DiffToken, ...]:
    """A word-level diff of two wordings, compared case- and punctuation-insensitively, for templates."""
    wa, wb = a.split(), b.split()
    key = lambda w: normalise(w) or w  # noqa: E731
    matcher = difflib.SequenceMatcher(a=[key(w) for w in wa], b=[key(w) for w in wb], autojunk=False)
    out: list[DiffToken] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(DiffToken("equal", w) for w in wb[j1:j2])
            continue
        if op in ("delete", "replace"):
            out.extend(DiffToken("delete", w) for w in wa[i1:i2])
        if op in ("insert", "replace"):
            out.extend(DiffToken("insert", w) for w in wb[j1:j2])
    return tuple(out)
