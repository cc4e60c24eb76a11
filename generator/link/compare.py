"""Source comparison: which outlet carries which fact, what only one carries, what one leaves out, where they differ.

Facts are of two kinds:

- **sentences**, clustered across sources: two sentences of different sources report one fact when their content
  words (stems, weighted by rarity across the story), people, organisations, numbers and dates overlap enough
  (``SAME_FACT``, measured on the seeds and ECB+ clusters). A cluster carried by one source is "only in" it.
- **details** inside sentences: a person, an organisation or place, a date or a number with its unit
  ("six hours", "$1.5 million") that no other source names anywhere. A sentence reported elsewhere can still
  carry a detail only one outlet gives.

A fact (or a person) carried by most sources (more than half, at least two) is "omitted" by each source
without it. Differences: one quote group worded differently, numbers with the same unit that disagree inside
one fact, events the timeline marks as disputed.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from generator.link.candidates import Overlaps, weighted_overlaps
from generator.link.clusters import root
from generator.link.entities import entity_key
from generator.model import Briefing, Comparison, Difference, EventSource, Fact, Quote, QuoteGroup, SourceRow
from generator.link.positions import canonical_group
from generator.link.quote_groups import content_words, stem, tells
from generator.link.timeline import differing_dates
from generator.slugs import short_hash

log = logging.getLogger(__name__)

MIN_WORDS = 6  # shorter sentences (headings, captions, "Read more") are not facts
# weighted overlap at which two sentences report one fact: learnt on ECB+ dev topics 1–35 (benchmarks/events.py,
# results/events.md; gold: sentence pairs of two articles sharing an annotated event) as the highest pairwise F1 at
# a precision of at least 0.85 (a wrong merge hides a fact only one outlet carries): 0.25, P 0.853 / R 0.370 / F1
# 0.516 (0.15: F1 0.563 at P 0.844; the former 0.40: P 0.882 / R 0.219 / F1 0.351)
SAME_FACT = 0.25
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
}
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
NUMBER = re.compile(
    r"(?P<currency>[$€£])?(?P<value>\d+(?:,\d{3})*(?:\.\d+)?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m)\b)?"
    r"(?:\s*(?P<percent>%|per ?cent|percent))?"
    r"(?:\s+(?P<adj>(?-i:[A-Z][A-Za-z-]+)))?(?:\s+(?P<unit>(?-i:[a-z][a-z-]+)))?",
    re.IGNORECASE,
)
# "five regions" and "the five regions" are the same number; these words after a number are not its unit
NOT_UNITS = frozenset({"of", "and", "or", "the", "a", "to", "in", "on", "at", "for", "by", "with", "from", "as", "is",
                       "was", "were", "are", "that", "which", "who", "per", "more", "than", "times", "other", "others",
                       "new", "further", "additional", "some", "about", "them", "us", "it", "into", "onto", "over", "under",
                       "off", "after", "before", "since", "until", "during", "against", "had", "has", "have",
                       "january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december"})


# ------------------------------------------------------------------------------------------ features


@dataclass(frozen=True)
class Number:
    value: float
    unit: str  # stem of the word after it, "%" or the currency
    text: str


def numbers_in(text: str) -> tuple[Number, ...]:
    """Numbers with their unit: "six hours" → (6, "hour"), "$1.5 million" → (1.5e6, "$"), "20 per cent" → (20, "%").

    Years and other bare numbers are left out: dates are compared as dates."""
    found = []
    for m in NUMBER.finditer(text):
        value = _number_value(m)
        unit = _number_unit(m)
        if value is None or not unit:
            continue  # "in June 2024", "one of the …": a number without a unit says nothing comparable
        bare_scale = m.group("scale") and not m.group("unit")  # "$1.5 million": the text ends at the scale
        text_end = m.end("percent") if m.group("percent") else m.end("scale") if bare_scale else m.end()
        found.append(Number(value, unit, text[m.start():text_end].strip()))
    return tuple(found)


def _number_value(m: re.Match[str]) -> float | None:
    """The value of a ``NUMBER`` match, times its scale ("1.5 million"); None when it is not a number."""
    raw = m.group("value").lower()
    if raw in NUMBER_WORDS:
        value = float(NUMBER_WORDS[raw])
    else:
        try:
            value = float(raw.replace(",", ""))
        except ValueError:
            return None
    if m.group("scale"):
        value *= SCALE[m.group("scale").lower()]
    return value


def _number_unit(m: re.Match[str]) -> str:
    """The unit of a ``NUMBER`` match: "%", the currency, or the stem of the word after it; "" for none."""
    unit_word = (m.group("unit") or "").lower()
    if m.group("percent"):
        return "%"
    if m.group("currency"):
        return m.group("currency")
    if unit_word and unit_word not in NOT_UNITS and unit_word[0].islower() and not unit_word.endswith("ed"):
        return stem(unit_word)
    return ""


@dataclass(frozen=True)
class _Sentence:
    source: str
    index: int
    text: str
    paragraph: int
    words: frozenset[str]
    people: frozenset[str]
    entities: frozenset[str]
    numbers: tuple[Number, ...]
    dates: frozenset[str]

    @property
    def key(self) -> tuple[str, int]:
        return (self.source, self.index)


def _sentences(briefing: Briefing) -> list[_Sentence]:
    people: dict[tuple[str, int], set[str]] = defaultdict(set)
    for person in briefing.people:
        for m in person.mentions:
            people[(m.source, m.sentence)].add(person.id)
    out = []
    for facts in briefing.facts:
        entities: dict[int, set[str]] = defaultdict(set)
        for e in facts.entities:
            if e.label != "NORP":  # "Ukrainian", "Soviet": adjectives, not facts of their own
                # "U.N." and "United Nations" are one organisation (rules/actors.yaml)
                entities[e.sentence].add(entity_key(canonical_group(e.text) or e.text))
        dates: dict[int, set[str]] = defaultdict(set)
        for d in facts.dates:
            if d.value and d.kind == "date":
                dates[d.sentence].add(d.value)
        for s in facts.sentences:
            if len(s.text.split()) < MIN_WORDS:
                continue
            out.append(_Sentence(
                s.source, s.index, s.text, s.paragraph, content_words(s.text),
                frozenset(people[(s.source, s.index)]), frozenset(entities[s.index]), numbers_in(s.text),
                frozenset(dates[s.index]),
            ))
    return out


class _Weights:
    """Rarer words weigh more: inverse document frequency over the story's sentences."""

    def __init__(self, sentences: Sequence[_Sentence]) -> None:
        counts: Counter[str] = Counter()
        for s in sentences:
            counts.update(s.words)
        self.n = max(len(sentences), 1)
        self.counts = counts

    def __call__(self, word: str) -> float:
        return math.log((self.n + 1) / (self.counts[word] + 1)) + 1.0


def features(s: _Sentence, weight: _Weights) -> dict[str, float]:
    """A sentence as weighted features: its words, and its people, places, numbers and dates (in sorted order, so
    that adding up the weights gives the same float whatever the hash seed)."""
    f = {w: weight(w) for w in sorted(s.words)}
    f.update({"@p:" + p: 3.0 for p in sorted(s.people)})
    f.update({"@e:" + e: 1.5 for e in sorted(s.entities)})
    f.update({"@n:%g%s" % (n.value, n.unit): 2.0 for n in s.numbers if n.unit})
    f.update({"@d:" + d: 2.0 for d in sorted(s.dates)})
    return f


def _overlap(fa: dict[str, float], fb: dict[str, float]) -> float:
    """Weighted overlap of two sentences' features (cosine on sets, 0..1). ``math.fsum``: the same float whatever
    order the set intersection gives the keys in."""
    shared = math.fsum(min(fa[k], fb[k]) for k in fa.keys() & fb.keys())
    norm = math.sqrt(math.fsum(fa.values()) * math.fsum(fb.values()))
    return shared / norm if norm else 0.0


@dataclass(frozen=True)
class SentencePairs:
    """The story's sentences, their weighted features, and every pair of sentences of different sources whose
    ``_overlap`` reaches ``least``, scored once for the comparison and for the key points (``story.py``); with
    ``sure``, those below it only when one sentence's features are at least ``cover`` shared (``weighted_overlaps``)."""

    sentences: list[_Sentence]
    weight: _Weights
    feats: list[dict[str, float]]
    totals: list[float]  # each sentence's total feature weight
    overlaps: Overlaps

    @classmethod
    def of(cls, sentences: Sequence[_Sentence], least: float, sure: float | None = None,
           cover: float = 0.0, stories: Mapping[str, str] | None = None) -> SentencePairs:
        """``stories``: source -> its story when the folder holds several (``Briefing.stories``): sentences of
        outlets of different stories are never a pair (one outlet does not carry another story's facts)."""
        sentences = list(sentences)
        weight = _Weights(sentences)
        feats = [features(s, weight) for s in sentences]
        totals = [math.fsum(f.values()) for f in feats]
        scopes = [stories.get(s.source, s.source) for s in sentences] if stories else None
        return cls(sentences, weight, feats, totals,
                   weighted_overlaps(feats, totals, least, groups=[s.source for s in sentences], sure=sure,
                                     cover=cover, scopes=scopes))

    def above(self, threshold: float) -> list[tuple[float, int, int]]:
        """``(-score, i, j)`` of the pairs scoring at least ``threshold`` (not below ``least``), most similar first."""
        return self.overlaps.above(threshold)


def similar_pairs(sentences: Sequence[_Sentence], threshold: float) -> list[tuple[float, int, int]]:
    """Pairs of sentences of different sources whose ``_overlap`` is at least ``threshold``, most similar first.

    Scored for every pair at once as a sparse matrix product (``generator/link/candidates.py``), which only
    touches pairs that share a feature, instead of comparing every sentence with every other in Python."""
    return SentencePairs.of(sentences, threshold).above(threshold)


# -------------------------------------------------------------------------------------------- facts


def cluster_sentences(sentences: Sequence[_Sentence], threshold: float = SAME_FACT,
                      pairs: SentencePairs | None = None) -> list[list[_Sentence]]:
    """Sentences of different sources reporting one fact: the most similar pairs above ``threshold`` first,
    and a cluster holds at most one sentence per source, so that a story told by many outlets does not chain
    every sentence about it into one fact. ``pairs``: the pairs of these sentences, already scored."""
    parent = list(range(len(sentences)))
    members: dict[int, set[str]] = {i: {s.source} for i, s in enumerate(sentences)}

    scored = (pairs.overlaps.pairs(threshold) if pairs is not None
              else ((i, j) for _, i, j in similar_pairs(sentences, threshold)))
    for i, j in scored:
        ri, rj = root(parent, i), root(parent, j)
        if ri != rj and members[ri].isdisjoint(members[rj]):
            parent[rj] = ri
            members[ri] |= members.pop(rj)
    groups: dict[int, list[_Sentence]] = defaultdict(list)
    for i, s in enumerate(sentences):
        groups[root(parent, i)].append(s)
    return sorted(groups.values(), key=lambda g: (g[0].source, g[0].index))


def _representative(group: Sequence[_Sentence]) -> _Sentence:
    return max(group, key=lambda s: (len(s.words), -len(s.text), s.source))


def _sentence_fact(group: Sequence[_Sentence]) -> Fact:
    rep = _representative(group)
    return Fact(
        id="f-" + short_hash("sentence", rep.source, rep.text),
        kind="sentence",
        text=rep.text,
        sources=tuple(sorted({s.source for s in group})),
        reports=tuple(sorted(s.key for s in group)),
    )


def _details(briefing: Briefing, sentences: Sequence[_Sentence]) -> list[Fact]:
    """People, places, dates and numbers named by one source only, each with the sentences that name it."""
    where, names = _where_named(briefing, sentences)
    texts = _lonely_names_index(briefing, where, names)
    facts = []
    for key, by_source in where.items():
        if not any(by_source.values()):
            continue
        carried = dict(by_source)
        if key[0] in ("person", "entity") and len(carried) == 1:
            # the tagger may miss the name in another source: the words themselves count there too
            carried.update((other, []) for other in _written_in_others(names[key].lower(), carried, texts))
        facts.append(Fact(
            id="f-" + short_hash(*key),
            kind="detail",
            text=names[key],
            sources=tuple(sorted(carried)),
            reports=tuple(sorted({s.key for found in carried.values() for s in found})),
            detail=key[0],
        ))
    return facts


_DetailKey = tuple[str, str]  # (kind: "person", "entity", "date" or "number"; the detail's key)


def _where_named(briefing: Briefing, sentences: Sequence[_Sentence]
                 ) -> tuple[dict[_DetailKey, dict[str, list[_Sentence]]], dict[_DetailKey, str]]:
    """Each detail -> source -> the sentences of that source naming it, and how each detail is written. A person or
    place is named anywhere in a source (its mentions), not only in its long sentences: every source of theirs
    is listed, with no sentence when no long one names them."""
    where: dict[_DetailKey, dict[str, list[_Sentence]]] = defaultdict(lambda: defaultdict(list))
    names: dict[_DetailKey, str] = {}
    people = {p.id: p.name for p in briefing.people}
    entity_names = {entity_key(canonical_group(e.name) or e.name): canonical_group(e.name) or e.name
                    for e in briefing.entities}
    for s in sentences:
        for key, written in _sentence_details(s, people, entity_names):
            where[key][s.source].append(s)
            names.setdefault(key, written)
    for person in briefing.people:
        for source in person.sources:
            where[("person", person.id)].setdefault(source, [])
    for entity in briefing.entities:
        found = where[("entity", entity_key(canonical_group(entity.name) or entity.name))]
        for source in entity.sources:
            found.setdefault(source, [])
    return where, names


def _sentence_details(s: _Sentence, people: Mapping[str, str], entity_names: Mapping[str, str]
                      ) -> Iterator[tuple[_DetailKey, str]]:
    """The details a sentence names (its people, places, dates, numbers with a unit), each with how it is
    written: a person's name, a place's canonical name, a date's value, a number as the sentence writes it."""
    for p in s.people:
        yield ("person", p), people[p]
    for e in s.entities:
        yield ("entity", e), entity_names.get(e, e)
    for d in s.dates:
        yield ("date", d), d
    for n in s.numbers:
        if n.unit:
            yield ("number", "%g %s" % (n.value, n.unit)), n.text


def _lonely_names_index(briefing: Briefing, where: Mapping[_DetailKey, Mapping[str, list[_Sentence]]],
                        names: Mapping[_DetailKey, str]) -> _TextIndex:
    """The sources' texts (lower case), indexed by the words of the people and places named in a sentence of one
    source only: the names looked for in the other sources (``_written_in_others``)."""
    lonely = {names[key].lower() for key, by_source in where.items()
              if key[0] in ("person", "entity") and len(by_source) == 1 and any(by_source.values())}
    return _TextIndex({f.source.id: f.source.text.lower() for f in briefing.facts},
                      {word for written in lonely for word in re.findall(r"\w+", written)})


def _written_in_others(written: str, carried: Mapping[str, object], texts: _TextIndex) -> list[str]:
    """The sources not in ``carried`` whose text holds ``written`` (lower case) as words of its own."""
    pattern = re.compile(r"\b" + re.escape(written) + r"\b")
    # the regex matches only where the name's text stands: the plain search skips the other texts fast
    return [other for other in texts.candidates(written)
            if other not in carried and written in texts.texts[other] and pattern.search(texts.texts[other])]


class _TextIndex:
    """Candidate generation for finding a name in the other sources: ``\\bname\\b`` can match only in a text
    holding every word (``\\w+`` run) of the name as a word of its own, so the regex runs on those texts
    only (an inverted index of the texts' words) instead of on every text for every name."""

    def __init__(self, texts: dict[str, str], words: set[str] | None = None) -> None:
        """``words``: the only words ``candidates`` will be asked about (None: every word)."""
        self.texts = texts
        self.position = {source: n for n, source in enumerate(texts)}
        self.postings: dict[str, set[str]] = defaultdict(set)
        for source, text in texts.items():
            found = set(re.findall(r"\w+", text))
            for word in found if words is None else found & words:
                self.postings[word].add(source)

    def candidates(self, written: str) -> list[str]:
        """The texts that can hold ``written``, in the order of ``texts`` (sorting the few found, not
        scanning every text: a story of many sources has many names found in one source only)."""
        words = set(re.findall(r"\w+", written))
        if not words:
            return list(self.texts)
        found = set.intersection(*(self.postings.get(word, set()) for word in words))
        return sorted(found, key=self.position.__getitem__)


def compare_sources(briefing: Briefing, pairs: SentencePairs | None = None) -> Comparison:
    """The comparison of the sources: a row per source, the facts, and where the accounts differ. ``pairs``: the
    story's sentences (``_sentences``) with their pairs scored down to at most ``SAME_FACT``."""
    if pairs is None:
        pairs = SentencePairs.of(_sentences(briefing), SAME_FACT, stories=dict(briefing.stories))
    groups = cluster_sentences(pairs.sentences, SAME_FACT, pairs)
    carried = _carried(briefing, _facts(briefing, groups, pairs.sentences))
    order = {f.id: (f.reports[0] if f.reports else ("", 0), f.kind, f.id) for f in carried.kept}
    rows = _rows(briefing, carried, order)
    differences = _wording(briefing) + _numbers(groups) + _dates(briefing)
    log.info("compared %d sources: %d facts, %d only in one source, %d differences",
             len(briefing.sources), len(carried.kept), sum(len(r.only) for r in rows), len(differences))
    return Comparison(
        rows=rows,
        facts=tuple(sorted(carried.kept, key=lambda f: order[f.id])),
        differences=tuple(differences),
    )


def _facts(briefing: Briefing, groups: Sequence[Sequence[_Sentence]], sentences: Sequence[_Sentence]) -> list[Fact]:
    """The sentence facts (one per group), then the details worth a line of their own: a detail only one source
    gives, when a person, or when it stands in a sentence that other sources report too (else the sentence,
    already "only in", says it)."""
    sentence_facts = [_sentence_fact(g) for g in groups]
    alone = {key for f in sentence_facts if len(f.sources) == 1 for key in f.reports}
    details = [f for f in _details(briefing, sentences)
               if len(f.sources) > 1 or f.detail == "person" or not set(f.reports) <= alone]
    return sentence_facts + details


@dataclass(frozen=True)
class _Carried:
    """What the comparison keeps: the facts shown, and per source the ids of the facts only it carries (``only``)
    and of those it leaves out that most of its story's sources carry (``omits``)."""

    kept: list[Fact]
    only: Mapping[str, list[str]]
    omits: Mapping[str, list[str]]


def _carried(briefing: Briefing, facts: Sequence[Fact]) -> _Carried:
    """Each fact sorted into the comparison: carried by one source (of several), carried by most sources of its
    story and left out by the others (``_most_carry``), or shared by several (sentences only); else dropped."""
    tellers: dict[str | None, list[str]] = defaultdict(list)  # story -> its sources (one story: every source)
    for source in briefing.sources:
        tellers[briefing.story_of(source.id)].append(source.id)
    carried = _Carried([], defaultdict(list), defaultdict(list))
    for fact in facts:
        story = tellers[briefing.story_of(fact.sources[0])]
        if len(fact.sources) == 1 and len(briefing.sources) > 1:
            carried.only[fact.sources[0]].append(fact.id)
        elif _most_carry(fact, story):
            for source in story:
                if source not in fact.sources:
                    carried.omits[source].append(fact.id)
        elif not (len(fact.sources) > 1 and fact.kind == "sentence"):
            continue
        carried.kept.append(fact)
    return carried


def _most_carry(fact: Fact, story: Sequence[str]) -> bool:
    """Whether most sources of a story of three or more (more than half, at least two), not all, carry a sentence
    or a person: each other source of the story leaves it out."""
    return (len(story) >= 3 and max(2, len(story) // 2 + 1) <= len(fact.sources) < len(story)
            and (fact.kind == "sentence" or (fact.kind == "detail" and fact.detail == "person")))


def _rows(briefing: Briefing, carried: _Carried, order: Mapping[str, tuple]) -> tuple[SourceRow, ...]:
    """A row per source: its words, people, quotes and events, and the facts only it carries or it leaves out."""
    # counted once rather than once per source (each person, event lists a source once)
    people_in = Counter(source for p in briefing.people for source in p.sources)
    quotes_in = Counter(q.source for q in briefing.quotes)
    events_in = Counter(source for e in briefing.events for source in set(e.sources))
    return tuple(
        SourceRow(
            source=f.source.id,
            words=f.source.words,
            people=people_in[f.source.id],
            quotes=quotes_in[f.source.id],
            events=events_in[f.source.id],
            only=tuple(sorted(set(carried.only[f.source.id]), key=lambda i: order[i])),
            omits=tuple(sorted(set(carried.omits[f.source.id]), key=lambda i: order[i])),
        )
        for f in briefing.facts
    )


# -------------------------------------------------------------------------------------- differences


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _versions(group: QuoteGroup, members: Sequence[Quote]) -> list[Quote]:
    """The quotes of a group that word its statement: those that tell the words it is shown by, or tell another
    outlet's quote that does, and so on (``tells``: a translation told through a closer one); not a remark grouped
    with the statement as its continuation, which tells none of them (an outlet's next remark shares words with
    its own quotes, so only another outlet's quote leads on). A verbatim cut words nothing differently: a partial
    quote inside another quote ("in the bosom" of "is in the bosom of the clinic"), or an outlet's quote inside its
    own longer one."""
    shown = group.text or (members[0].text if members else "")
    about = [q for q in members if tells(shown, q.text)]
    rest = [q for q in members if q not in about]
    while grown := [q for q in rest if any(r.source != q.source and tells(r.text, q.text) for r in about)]:
        about += grown
        rest = [q for q in rest if q not in grown]
    normal = {q.id: _normal(q.text) for q in about}

    def cut(q: Quote) -> bool:
        return any(normal[q.id] != normal[r.id] and normal[q.id] in normal[r.id] and (q.partial or q.source == r.source)
                   for r in about)

    return [q for q in members if q in about and not cut(q)]


def _wording(briefing: Briefing) -> list[Difference]:
    """Quote groups whose outlets word the statement differently (``_versions``)."""
    quotes = {q.id: q for q in briefing.quotes}
    out = []
    for group in briefing.quote_groups:
        members = _versions(group, [quotes[i] for i in group.quotes if i in quotes])
        if len({_normal(q.text) for q in members}) < 2 or len({q.source for q in members}) < 2:
            continue
        out.append(Difference(
            kind="wording",
            text=group.text or members[0].text,
            reports=tuple((q.source, q.text) for q in sorted(members, key=lambda q: (q.source, q.start))),
            ref=group.id,
            sentences=tuple((q.source, q.sentence) for q in sorted(members, key=lambda q: (q.source, q.start))),
        ))
    return out


def _numbers(groups: Sequence[Sequence[_Sentence]]) -> list[Difference]:
    """Inside one fact, the same unit with different values: "20 per cent" here, "18 per cent" there."""
    out = []
    for group in groups:
        if len({s.source for s in group}) < 2:
            continue
        for _unit, values in sorted(_numbers_by_unit(group).items()):
            if _values_disagree(values):
                out.append(_number_difference(group, values))
    return out


_ByValue = dict[float, list[tuple[_Sentence, Number]]]  # a unit's values, each with its sentences and numbers


def _numbers_by_unit(group: Sequence[_Sentence]) -> dict[str, _ByValue]:
    """The numbers of a fact's sentences by unit, then by value, each with its sentence."""
    by_unit: dict[str, _ByValue] = defaultdict(lambda: defaultdict(list))
    for s in group:
        for number in s.numbers:
            if number.unit:
                by_unit[number.unit][number.value].append((s, number))
    return by_unit


def _values_disagree(values: _ByValue) -> bool:
    """Two values or more of one unit, and two sources that each give only their own value."""
    if len(values) < 2:
        return False
    sources_by_value = {v: {s.source for s, _ in found} for v, found in values.items()}
    per_source = Counter(src for srcs in sources_by_value.values() for src in srcs)
    if any(count > 1 for count in per_source.values()):
        return False  # a source giving two values ("12 Somalis and 11 Yemenis") is counting different things
    all_sources = set().union(*sources_by_value.values())
    return len(all_sources) >= 2 and not any(len(srcs) == len(all_sources) for srcs in sources_by_value.values())


def _number_difference(group: Sequence[_Sentence], values: _ByValue) -> Difference:
    """The difference between the values of one unit inside one fact: each source's wording, each sentence."""
    rep = _representative(group)
    return Difference(
        kind="number",
        text=rep.text,
        reports=tuple(sorted({(s.source, n.text) for found in values.values() for s, n in found})),
        ref="f-" + short_hash("sentence", rep.source, rep.text),
        sentences=tuple(sorted({s.key for found in values.values() for s, _ in found})),
    )


def _disagreeing(reports: Sequence[EventSource], date: str) -> list[EventSource]:
    """The reports whose dates differ (``differing_dates``; ``date``: the event's, for a report that gives none)."""
    differ = set(differing_dates({r.date or date for r in reports}))
    return [r for r in reports if (r.date or date) in differ]


def _dates(briefing: Briefing) -> list[Difference]:
    out = []
    for event in briefing.events:
        if not event.disputed:
            continue
        dated = _disagreeing([r for r in event.reports if r.date_text], event.date)  # undated clauses give none
        if len({r.date or event.date for r in dated}) < 2:
            continue
        texts: dict[tuple[str, str], list[str]] = defaultdict(list)  # one row per source and date
        for r in dated:
            texts[r.source, r.date or event.date].append(r.date_text)
        reports = tuple(sorted((src, f"{date} ({'; '.join(dict.fromkeys(words))})")
                               for (src, date), words in texts.items()))
        out.append(Difference(
            kind="date",
            text=event.text,
            reports=reports,
            ref=event.id,
            sentences=tuple(sorted({(r.source, r.sentence) for r in dated})),
        ))
    return out
