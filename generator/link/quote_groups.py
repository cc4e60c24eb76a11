"""Quotes across sources: resolve each speaker to a person, group the quotes that report the same statement.

Two quotes report the same statement when their speakers agree and their content words overlap enough. Outlets
translate and trim the same remarks differently ("inspire certain hopes" / "inspiring a certain degree of hope" /
"give some hope"), so words are compared as crude stems and, for near synonyms, through WordNet's definitions
(``wordnet.gloss_related``: "resilience" and "fortitude" are both defined through "adversity") and general word
vectors (``word_vectors.py``, GloVe), and by containment (matched words over the words of the shorter quote), so
that a partial quote joins the full quote it was cut from. The thresholds (``generator/rules/quote_similarity.yaml``)
are learnt on annotated statement pairs (``benchmarks/grouping.py``). rapidfuzz's ``token_set_ratio`` catches
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
from generator.link import word_vectors, wordnet
from generator.link.clusters import root
from generator.link.people import PeopleIndex
from generator.extract.quotes import normalise
from generator.rules import load_rules

WORD = re.compile(r"\w+(?:[-’']\w+)*")
CONTINUING = ("interrupted", "continuation")
WINDOW = 2  # a quote is compared with passages of twice its words of a much longer one (``set_ratio``)
MIN_CONTENT_WORDS = 2  # a quote of fewer content words joins another only when worded the same (or continuing it)
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
        # each capitalised run whole, never its tail: "Dixon Hall" is not a "Hall" named elsewhere
        names.extend(" ".join(words[i:]) for i in range(len(words))
                     if words[i][:1].isupper() and (i == 0 or not words[i - 1][:1].isupper()))
    for name in names:
        person = index.lookup(name, quote.source)
        if person is not None:
            return person.id
    return None


# ------------------------------------------------------------------------------------------- words


def _before_apostrophe(word: str) -> str:
    """The word without its clitic or possessive: "it’s" -> "it", "Ukraine's" -> "Ukraine"."""
    return word.replace("’", "'").split("'")[0]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem, enough to match "hopes"/"hope", "restoring"/"restore", "inspiring"/"inspire"."""
    word = _before_apostrophe(word.lower())
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


@lru_cache(maxsize=16384)  # pure, and asked again for every pair a quote is compared in
def content_words(text: str) -> frozenset[str]:
    """The stems of a quote's content words."""
    return frozenset(stemmed for stemmed, _, _ in content_tokens(text))


@lru_cache(maxsize=16384)
def content_tokens(text: str) -> tuple[tuple[str, str, bool], ...]:
    """``(stem, word, exact_only)`` of each content word, the first of each stem in order. Names (capitalised
    inside the quote) and numbers are ``exact_only``: word vectors put Russia next to Ukraine and 2 next to 3, so
    such words only match themselves."""
    out: dict[str, tuple[str, str, bool]] = {}
    for position, word in enumerate(WORD.findall(text)):
        lower = word.lower()
        # "it’s", "we're", "I'm": a stop word with a clitic is a stop word (its stem would be "it", "we", "i")
        if lower in STOP_WORDS or lower.isdigit() or _before_apostrophe(lower) in STOP_WORDS:
            continue
        stemmed = stem(lower)
        exact_only = any(c.isdigit() for c in word) or (position > 0 and word[:1].isupper())
        out.setdefault(stemmed, (stemmed, lower, exact_only))
    return tuple(out.values())


@dataclass(frozen=True)
class Similarity:
    shared: int  # content stems in both quotes
    containment: float  # shared / content stems of the shorter quote
    fuzzy: float  # rapidfuzz token_set_ratio of the words, 0-100
    # For each content word of the shorter quote that the other lacks: its closest word there (cosine of the
    # word vectors, 0 for names and numbers), so that any word threshold can be applied without recomputing.
    closest: tuple[float, ...] = ()
    size: int = 1  # content stems of the shorter quote
    small: tuple[str, ...] = ()  # the words of the shorter quote, lower case, in order
    large: tuple[str, ...] = ()  # ... and of the other
    substitutes: tuple[tuple[str, str, float], ...] = ()  # (word of the shorter quote, closest word there, cosine)
    # (word of the shorter quote the other lacks, a word of the other whose WordNet definitions share a rare word
    # with it: wordnet.gloss_related at the rules' gloss settings)
    glossed: tuple[tuple[str, str], ...] = ()

    def _near(self, word_similarity: float) -> dict[str, str]:
        """Each word of the shorter quote the other lacks -> its near synonym there: a word its definitions relate
        it to, or a word at a cosine of at least ``word_similarity``."""
        near = {word: other for word, other, cosine in self.substitutes if cosine >= word_similarity}
        return {**dict(self.glossed), **near}

    def matched(self, word_similarity: float) -> int:
        """Words of the shorter quote found in the other, the same or a near synonym (``_near``)."""
        vectors = sum(1 for c in self.closest if c >= word_similarity)
        by_vectors = {word for word, _, cosine in self.substitutes if cosine >= word_similarity}
        return self.shared + vectors + sum(1 for word, _ in self.glossed if word not in by_vectors)

    def soft_containment(self, word_similarity: float) -> float:
        return self.matched(word_similarity) / self.size

    def fuzzy_at(self, word_similarity: float) -> float:
        """token_set_ratio once each word of the shorter quote is replaced by its near synonym in the other
        (``_near``): "courage and resilience" reads "courage and fortitude"."""
        return _fuzzy(self.small, self.large, tuple(self._near(word_similarity).items()))


def _fuzzy(small: tuple[str, ...], large: tuple[str, ...], substitutes: tuple[tuple[str, str], ...]) -> float:
    replace_by = dict(substitutes)
    return set_ratio(tuple(replace_by.get(w, w) for w in small), large)


def set_ratio(small: Sequence[str], large: Sequence[str]) -> float:
    """rapidfuzz's token_set_ratio of the shorter quote's words against the longer's, or, when the longer has
    more than ``WINDOW`` times as many words, against its best passage of that length: token_set_ratio rewards
    the words two texts share, and a long statement shares the common words of any short one ("Why has this
    taken four months when the staff said …" reached 68 against an unrelated 170-word notice). A quote cut from
    the longer one is still all inside one passage (100)."""
    length = WINDOW * len(small)
    if len(large) <= length:
        return fuzz.token_set_ratio(" ".join(small), " ".join(large))
    text, step = " ".join(small), max(1, len(small) // 2)
    return max(fuzz.token_set_ratio(text, " ".join(large[k:k + length]))
               for k in range(0, len(large) - length + step, step))


@lru_cache(maxsize=16384)  # pure, and asked again for every pair a quote is compared in
def _normalised(text: str) -> str:
    return normalise(text)


@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_normalised(text).split())


def similarity(a: str, b: str, vectors: bool | None = None, glosses: tuple[int, int] | None = None) -> Similarity:
    """How alike two quotes are; ``vectors=False`` leaves word vectors out (``closest`` and ``substitutes`` empty:
    those near synonyms never count); by default they are used when the rules use them (``uses_vectors``), so that
    a build never needs the word vectors' packages (the bench extra) while the learnt rules leave them off.
    ``glosses`` = (senses, max_frequency) of ``wordnet.gloss_related`` (default: the rules'; (0, 0): off)."""
    rules = _thresholds() if vectors is None or glosses is None else {}
    if vectors is None:
        vectors = uses_vectors(rules)
    if glosses is None:
        glosses = gloss_settings(rules)
    ta, tb = content_tokens(a), content_tokens(b)
    sa, sb = {t[0] for t in ta}, {t[0] for t in tb}
    shared = len(sa & sb)
    small_text, large_text, missing, candidates = _sides(a, b)
    closest: tuple[float, ...] = ()
    substitutes: tuple[tuple[str, str, float], ...] = ()
    if vectors and missing and candidates:
        sims = word_vectors.similarities([t[1] for t in missing], [t[1] for t in candidates])
        closest = tuple(0.0 if t[2] else float(row.max()) for t, row in zip(missing, sims))
        substitutes = tuple(
            (t[1], candidates[int(row.argmax())][1], c) for t, row, c in zip(missing, sims, closest) if c > 0
        )
    size = min(len(sa), len(sb)) or 1
    small_words, large_words = _words(small_text), _words(large_text)
    fuzzy = set_ratio(small_words, large_words)
    glossed = _glossed(missing, candidates, *glosses)
    return Similarity(shared, shared / size, fuzzy, closest, size, small_words, large_words, substitutes, glossed)


def _sides(a: str, b: str) -> tuple[str, str, list[tuple[str, str, bool]], list[tuple[str, str, bool]]]:
    """The shorter quote (fewer content stems), the other, the shorter's content tokens the other lacks, and the
    other's content tokens that may have near synonyms (not names or numbers)."""
    (small, small_text), (large, large_text) = sorted(
        ((content_tokens(a), a), (content_tokens(b), b)), key=lambda x: len({t[0] for t in x[0]}))
    other = {t[0] for t in large}
    return small_text, large_text, [t for t in small if t[0] not in other], [t for t in large if not t[2]]


def glossed(a: str, b: str, senses: int, max_frequency: int) -> tuple[tuple[str, str], ...]:
    """``Similarity.glossed`` of two quotes at other gloss settings (benchmarks/grouping.py learns them)."""
    _, _, missing, candidates = _sides(a, b)
    return _glossed(missing, candidates, senses, max_frequency)


def _glossed(missing: list[tuple[str, str, bool]], candidates: list[tuple[str, str, bool]], senses: int,
             max_frequency: int) -> tuple[tuple[str, str], ...]:
    """(missing word, the first candidate its WordNet definitions relate it to); names and numbers never."""
    if senses <= 0 or max_frequency <= 0 or not missing or not candidates:
        return ()
    if wordnet.missing("quotes are grouped without near synonyms from its definitions (resilience/fortitude)"):
        return ()
    out = []
    words = tuple(c[1] for c in candidates)
    first = _first_defined_by(words, senses, max_frequency)
    for _, word, exact in missing:
        mine = frozenset() if exact else wordnet.rare_definition_words(word, senses, max_frequency)
        found = [first[w] for w in mine if w in first]
        if found:
            out.append((word, words[min(found)]))
    return tuple(out)


@lru_cache(maxsize=4096)  # one quote's candidates meet many other quotes
def _first_defined_by(words: tuple[str, ...], senses: int, max_frequency: int) -> dict[str, int]:
    """Rare definition word -> the first of ``words`` whose definitions hold it: the first candidate a missing word
    is ``wordnet.gloss_related`` to is the lowest position among its own rare definition words."""
    first: dict[str, int] = {}
    for i, word in enumerate(words):
        for w in wordnet.rare_definition_words(word, senses, max_frequency):
            first.setdefault(w, i)
    return first


def _thresholds() -> dict:
    return load_rules("quote_similarity")


def uses_vectors(thresholds: dict) -> bool:
    """Word vectors only matter at a cosine threshold a cosine can reach (the learnt value may turn them off)."""
    return thresholds.get("word_similarity", 2.0) <= 1.0


def gloss_settings(thresholds: dict) -> tuple[int, int]:
    """(senses, max_frequency) of WordNet's definitions as near synonyms; (0, 0): off."""
    senses, frequency = thresholds.get("gloss_senses", 0), thresholds.get("gloss_max_frequency", 0)
    return (senses, frequency) if senses > 0 and frequency > 0 else (0, 0)


def uses_near_synonyms(thresholds: dict) -> bool:
    return uses_vectors(thresholds) or gloss_settings(thresholds) != (0, 0)


def same_statement(a: Quote, b: Quote, sim: Similarity | None = None, thresholds: dict | None = None) -> bool:
    """Do two quotes report the same statement? Speakers must agree (an unknown speaker needs a closer match).

    Two tests, either suffices, both with thresholds learnt on annotated pairs: the quotes' words are alike
    (token_set_ratio, near synonyms read as the same word), or the shorter quote's content words are in the other
    (containment, near synonyms counting). Words are near synonyms when their WordNet definitions share a rare
    word or their GloVe vectors are close enough (each as the rules set it, or off); at least one content stem
    must be the same (two reports of one statement share a word; it also lets candidates
    be found through an index of stems)."""
    t = thresholds or _thresholds()
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return False
    if not a.speaker and not b.speaker and a.speaker_text and b.speaker_text:
        if normalise(a.speaker_text) != normalise(b.speaker_text):
            return False
    if _normalised(a.text) == _normalised(b.text):
        return True
    if not content_words(a.text) & content_words(b.text):  # cheap, and most pairs stop here
        return False
    if min(len(content_words(a.text)), len(content_words(b.text))) < MIN_CONTENT_WORDS:
        return False  # a scare-quoted word ("fear") is in many statements of its speaker: no evidence of one
    sim = sim or similarity(a.text, b.text, vectors=uses_vectors(t), glosses=gloss_settings(t))
    per_shared = t.get("gloss_per_shared_word", 0)
    if per_shared and len(sim.glossed) > per_shared * sim.shared:
        sim = replace(sim, glossed=())  # more words swapped for "near synonyms" than shared: no evidence of one statement
    known = bool(a.speaker and b.speaker)
    min_shared = t["min_shared_words"] if known else t["min_shared_words"] + 1
    containment = t["containment"] if known else max(t["containment"], t["unknown_speaker_containment"])
    fuzzy = t["fuzzy"] if known else max(t["fuzzy"], t["unknown_speaker_fuzzy"])
    word = t["word_similarity"]
    if sim.matched(word) < min_shared:
        return False
    return sim.soft_containment(word) >= containment or sim.fuzzy_at(word) >= fuzzy


# ------------------------------------------------------------------------------------------ grouping


def candidate_pairs(quotes: Sequence[Quote], thresholds: dict | None = None) -> list[tuple[int, int]]:
    """The pairs (i < j) ``same_statement`` can accept, instead of all pairs (quadratic on a big story).

    ``same_statement`` refuses, without comparing their words, two quotes whose known speakers differ, and two
    quotes that share fewer content stems than it needs: at least one (near synonyms count only beside one),
    and with near synonyms off (``uses_near_synonyms``) its ``min_shared`` words, which are then stems only. Only
    equal wordings pass without a shared stem. So the candidates are the pairs of compatible speakers that an
    inverted index of content stems finds often enough, and the pairs of equal wordings. (Valid as long as
    ``same_statement`` keeps those requirements: tests/test_candidates.py checks the groups against comparing
    every pair.)"""
    t = thresholds or _thresholds()
    needed_known, needed_unknown = 1, 1
    if not uses_near_synonyms(t):
        needed_known, needed_unknown = max(1, t["min_shared_words"]), max(1, t["min_shared_words"] + 1)
    words = [content_words(q.text) for q in quotes]
    postings: dict[str, list[int]] = defaultdict(list)  # every quote with the stem
    by_speaker: dict[tuple[str | None, str], list[int]] = defaultdict(list)  # ... of one speaker (None: unknown)
    same_words: dict[str, list[int]] = defaultdict(list)
    for i, quote in enumerate(quotes):
        for word in words[i]:
            postings[word].append(i)
            by_speaker[quote.speaker or None, word].append(i)
        same_words[_normalised(quote.text)].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, quote in enumerate(quotes):
        shared: Counter[int] = Counter()
        for word in words[i]:
            # a known speaker's quote can match the same speaker's and unknown speakers' quotes only
            for found in ((by_speaker[quote.speaker, word], by_speaker[None, word]) if quote.speaker
                          else (postings[word],)):
                shared.update(j for j in found if j > i)
        for j, count in shared.items():
            known = bool(quote.speaker and quotes[j].speaker)
            if count >= (needed_known if known else needed_unknown):
                pairs.add((i, j))
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
            parent[root(parent, i)] = root(parent, previous[q.source])
        previous[q.source] = i
    thresholds = thresholds or _thresholds()
    # the known speakers of each group: a quote of no known speaker that is like the statements of two people
    # must not make them one group ("the same statement" is not transitive through it)
    speakers: dict[int, set[str]] = defaultdict(set)
    for k, q in enumerate(quotes):
        speakers[root(parent, k)].update({q.speaker} if q.speaker else ())
    for i, j in candidate_pairs(quotes, thresholds):
        ri, rj = root(parent, i), root(parent, j)
        # two quotes already in one group stay there: comparing them would change nothing
        if ri != rj and len(speakers[ri] | speakers[rj]) <= 1 and same_statement(quotes[i], quotes[j],
                                                                                 thresholds=thresholds):
            parent[ri] = rj
            speakers[rj] |= speakers.pop(ri)
    members: dict[int, list[Quote]] = {}
    for i, quote in enumerate(quotes):
        members.setdefault(root(parent, i), []).append(quote)
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
            text=representative(full, found).text,
        ))
    return tuple(sorted(groups, key=lambda g: (g.speaker or "~", g.id)))


def representative(candidates: Sequence[Quote], members: Sequence[Quote]) -> Quote:
    """The wording a group is shown by: of ``candidates`` (its full quotes), the one that the most outlets'
    quotes (``members``) tell, then the longest. A group can hold quotes unlike one another (a quote continuing
    the one before it joins it whatever its words): the longest alone may be a remark only one outlet carries,
    shown above a statement four of them report."""
    return max(candidates, key=lambda q: (len({o.source for o in members if o.id == q.id or tells(q.text, o.text)}),
                                          len(q.text), q.id))


def tells(a: str, b: str) -> bool:
    """Whether two quotes of one group tell the same words: at least half the content words of the shorter are in
    the other (a cut of a statement tells it; the next remark of its speaker, grouped with it, does not)."""
    wa, wb = content_words(a), content_words(b)
    return 2 * len(wa & wb) >= max(1, min(len(wa), len(wb)))


def link_quotes(facts: Sequence[SourceFacts], people: Sequence[Person], stories: Sequence[tuple[str, str]] = ()
                ) -> tuple[tuple[Quote, ...], tuple[QuoteGroup, ...]]:
    """Every quote with its speaker resolved to a person id and its group id; and the groups."""
    return group_statements(facts, resolve_speakers(facts, people), stories)


def resolve_speakers(facts: Sequence[SourceFacts], people: Sequence[Person]) -> tuple[Quote, ...]:
    """Every quote with its speaker resolved to a person id (``resolve_speaker``)."""
    index = PeopleIndex(tuple(people))
    return tuple(replace(q, speaker=resolve_speaker(q, index)) for f in facts for q in f.quotes)


def group_statements(facts: Sequence[SourceFacts], quotes: Sequence[Quote], stories: Sequence[tuple[str, str]] = ()
                     ) -> tuple[tuple[Quote, ...], tuple[QuoteGroup, ...]]:
    """The quotes with their group ids, and the groups; ``stories`` (``Briefing.stories``): quotes of outlets of
    different stories are never one statement (a folder of several stories groups within each)."""
    order = {f.source.id: (f.source.published.isoformat() if f.source.published else "9999", f.source.id) for f in facts}
    story = dict(stories)
    by_story: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_story[story.get(q.source, q.source) if story else ""].append(q)
    groups = tuple(sorted((g for name in sorted(by_story) for g in group_quotes(by_story[name], order)),
                          key=lambda g: (g.speaker or "~", g.id)))
    of_quote = {qid: g.id for g in groups for qid in g.quotes}
    return tuple(replace(q, group=of_quote.get(q.id)) for q in quotes), groups


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
