"""Positions: each actor's stances on each issue, merged across sources, with their evidence.

Input: the stance mentions found per source (``generator/extract/stances.py``), the merged people and entities, and the
attributed quotes. Two merges:

- **Actors.** A person is one actor however spelled (the Person records already merged the spellings; a
  mention is matched by offsets, else by name). An organisation or country is one actor by its entity key, and
  a capital or seat of government that is the *subject of a stance* stands for its country's government
  (``rules/actors.yaml``: "Moscow", "the Kremlin" → Russia). Each actor keeps the names it was merged from.
- **Issues.** Key phrases are compared by their content concepts (lemmas, with the synonyms in
  ``rules/actors.yaml`` folded: "region" and "territory" are one concept): two issues are one when their head
  concepts agree (a general head such as "deal" also needs another shared word), when one's head noun is a word
  of the other, or when they share enough concepts (``min_shared`` and ``min_overlap``; general heads never count,
  names and amounts when ``shared_names`` / ``shared_amounts`` say so). The values are learnt on annotated pairs of
  real news, not the seeds (``benchmarks/issues.py``, ``benchmarks/results/issues.md``). Key phrases that are
  objects of one stance cue ("demands that Kyiv accept the loss of five regions and abandon all hope of joining
  Nato") are one issue: the sentence itself puts them under one stance.

Position ids hash the actor, the issue phrase, the source and the sentence: stable when sources are added.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from generator.link.entities import entity_key
from generator.link.clusters import root
from generator.model import Entity, Person, Position, Quote, Sentence, SourceFacts, StanceMention
from generator.link.people import PeopleIndex
from generator.link.quote_groups import stem
from generator.rules import load_rules
from generator.slugs import short_hash, slugify

log = logging.getLogger(__name__)


# ----------------------------------------------------------------------------------------------- rules


@lru_cache(maxsize=None)
def _rules() -> dict:
    return load_rules("actors")


@lru_cache(maxsize=None)
def metonymy() -> dict[str, str]:
    """entity key of a name → the canonical actor name ("kremlin" → "Russia")."""
    table = {}
    for canonical, names in _rules()["metonymy"].items():
        for name in [canonical, *names]:
            table[entity_key(str(name))] = canonical
    return table


@dataclass(frozen=True)
class IssueRules:
    """What issue merging compares by (``rules/actors.yaml``): a word's concept, the heads too general to merge on
    alone, and how much two phrases with different heads must share. A record, so that the benchmark
    (``benchmarks/issues.py``) can sweep the values without editing the rule file."""

    synonyms: tuple[tuple[str, str], ...]  # (word, concept), sorted
    generic_heads: frozenset[str]
    min_shared: int
    min_overlap: float
    shared_names: bool = True  # a proper name both phrases hold counts as a shared concept
    shared_amounts: bool = True  # so does a number or an amount ("$", "21", "million")
    amount_words: frozenset[str] = frozenset()

    @classmethod
    def from_rules(cls, rules: dict) -> IssueRules:
        pairs = {str(word).lower(): concept for concept, words in (rules.get("issue_synonyms") or {}).items()
                 for word in words}
        return cls(tuple(sorted(pairs.items())), frozenset(str(w).lower() for w in rules.get("generic_heads") or ()),
                   int(rules["min_shared"]), float(rules["min_overlap"]), bool(rules.get("shared_names", True)),
                   bool(rules.get("shared_amounts", True)),
                   frozenset(str(w).lower() for w in rules.get("amount_words") or ()))


@lru_cache(maxsize=None)
def issue_rules() -> IssueRules:
    return IssueRules.from_rules(_rules())


@lru_cache(maxsize=None)
def concept_table(synonyms: tuple[tuple[str, str], ...] | None = None) -> dict[str, str]:
    """word → concept, and the stem of every listed word too: a group's words bring their derivations along
    ("cooperation" listed, "cooperate" joins it)."""
    pairs = issue_rules().synonyms if synonyms is None else synonyms
    return {**{stem(word): c for word, c in pairs}, **dict(pairs)}


def concept(lemma: str, rules: IssueRules | None = None) -> str:
    """The concept a lemma stands for: its synonym group (rules/actors.yaml), else its stem, so that a verb and its
    noun are one ("deploy", "deployment" → "deploy"). Names keep their case-folded form."""
    table = concept_table(None if rules is None else rules.synonyms)
    word = lemma.lower()
    if word in table:
        return table[word]
    stemmed = stem(word) if lemma.islower() else word
    return table.get(stemmed, stemmed)


def names_an_issue(stance: StanceMention) -> bool:
    """Whether the key phrase says what the issue is: "this stance", "the plan" alone name none."""
    generic = issue_rules().generic_heads
    return any(lemma.lower() not in generic for lemma in stance.issue_lemmas)


# ------------------------------------------------------------------------------------------------ actors


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str  # "person" or "group"


def canonical_group(name: str) -> str | None:
    """The government a subject name stands for ("the Kremlin" → "Russia"), or None."""
    return metonymy().get(entity_key(name))


class ActorResolver:
    """Stance subject as written → one actor id, for people, organisations and countries alike."""

    def __init__(self, people: Sequence[Person], entities: Sequence[Entity], quotes: Sequence[Quote]) -> None:
        self.index = PeopleIndex(tuple(people))
        self.entity_names = {entity_key(e.name): e.name for e in entities}
        for e in entities:
            for m in e.mentions:
                self.entity_names.setdefault(entity_key(m.text), e.name)
        self.quotes = quotes
        self.quotes_of = quotes_by_source(quotes)
        self.person_ids = {p.id for p in people}

    def resolve(self, stance: StanceMention) -> tuple[Actor, str] | None:
        """(actor, name as written) or None when the subject names no actor."""
        kind, text = stance.actor_kind, stance.actor_text
        if kind == "first-person":
            quote = self._quote_around(stance)
            if quote is None:
                return None
            if quote.speaker:
                person = self.index.get(quote.speaker)
                return Actor(person.id, person.name, "person"), quote.speaker_name or person.name
            if quote.speaker_text:
                kind, text = "entity", quote.speaker_text
            else:
                return None
        if kind == "person" or kind == "entity":
            person = None
            if kind == "person" and stance.actor_start is not None and stance.actor_end is not None:
                person = self.index.by_offset(stance.source, stance.actor_start, stance.actor_end)
            if person is None and canonical_group(text) is None:
                person = self.index.lookup(text, stance.source)
            if person is not None:
                return Actor(person.id, person.name, "person"), text
            if kind == "person":
                return None  # a name the people merge rejected
            canonical = canonical_group(text) or self.entity_names.get(entity_key(text)) or text
            actor_id = slugify(canonical)
            if actor_id in self.person_ids:
                actor_id = slugify("group " + canonical)
            return Actor(actor_id, canonical, "group"), text
        return None

    def _quote_around(self, stance: StanceMention) -> Quote | None:
        for quote in self.quotes_of.get(stance.source, ()):
            if quote.start <= stance.cue_start < quote.end:
                return quote
        return None


# ------------------------------------------------------------------------------------------------ issues


def issue_concepts(stance: StanceMention, rules: IssueRules | None = None) -> frozenset[str]:
    return frozenset(concept(lemma, rules) for lemma in stance.issue_lemmas)


def is_name(lemma: str) -> bool:
    """Proper names keep their case in the lemmas (stances.py): "Nixon", "NCAA"."""
    return lemma.isalpha() and not lemma.islower()


def is_amount(lemma: str, rules: IssueRules) -> bool:
    """A number, a currency sign or a number word: "21", "$", "21mm", "million"."""
    return not any(c.isalpha() for c in lemma) or any(c.isdigit() for c in lemma) or lemma.lower() in rules.amount_words


def counts(lemma: str, rules: IssueRules) -> bool:
    """Whether a shared lemma counts towards one issue: never a general head ("deal", "plan"); names and amounts
    only when the rules say so (benchmarks/issues.py tries both)."""
    if lemma.lower() in rules.generic_heads:
        return False
    return not ((not rules.shared_names and is_name(lemma)) or (not rules.shared_amounts and is_amount(lemma, rules)))


def counted_concepts(stance: StanceMention, rules: IssueRules) -> frozenset[str]:
    return frozenset(concept(lemma, rules) for lemma in stance.issue_lemmas if counts(lemma, rules))


def same_issue(a: StanceMention, b: StanceMention, rules: IssueRules | None = None) -> bool:
    """Whether two key phrases name one issue (see the module docstring); ``rules`` default to rules/actors.yaml."""
    rules = rules or issue_rules()
    generic = rules.generic_heads
    ca, cb = issue_concepts(a, rules), issue_concepts(b, rules)
    ha, hb = concept(a.issue_head, rules), concept(b.issue_head, rules)
    shared = ca & cb
    if ca == cb:
        return True
    # one head concept; a general head ("deal") also needs one more shared concept besides itself
    if ha == hb and counts(a.issue_head, rules) and counts(b.issue_head, rules) and (
            ha not in generic or len(shared) >= 2):
        return True
    # "withdrawal from occupied territory" and "five regions": one's head noun is a word of the other
    for head, head_lemma, other in ((ha, a.issue_head, cb), (hb, b.issue_head, ca)):
        if head not in generic and head_lemma.islower() and head in other and _is_common_noun(head_lemma):
            return True
    ka, kb = counted_concepts(a, rules), counted_concepts(b, rules)
    common = ka & kb
    shorter = min(len(ka), len(kb)) or 1
    return len(common) >= rules.min_shared and len(common) / shorter >= rules.min_overlap


def _is_common_noun(lemma: str) -> bool:
    """Proper names keep their case in the lemmas (stances.py); common nouns are lower case."""
    return lemma.isalpha() and lemma == lemma.lower() and len(lemma) > 2 and not lemma.endswith("ing")


def merge_issues(stances: Sequence[StanceMention]) -> list[int]:
    """A cluster number for each stance: stances with the same number are about one issue.

    Pairs are taken in the order of comparing every pair, but only those ``same_issue`` can accept
    (``_issue_candidates``), so the clusters (and their numbers) are those of comparing every pair."""
    parent = list(range(len(stances)))

    by_cue: dict[tuple[str, int], int] = {}
    for i, stance in enumerate(stances):
        first = by_cue.setdefault(one_cue(stance), i)
        if root(parent, first) != root(parent, i):
            parent[root(parent, i)] = root(parent, first)
    for i, others in enumerate(_issue_candidates(stances)):
        for j in others:
            if root(parent, i) != root(parent, j) and same_issue(stances[i], stances[j]):
                parent[root(parent, j)] = root(parent, i)
    return [root(parent, i) for i in range(len(stances))]


def one_cue(stance: StanceMention) -> tuple[str, int]:
    """The stance cue a mention hangs on: mentions of one cue are one stance of one actor, whatever their objects."""
    return stance.source, stance.cue_start


def _issue_candidates(stances: Sequence[StanceMention]) -> list[list[int]]:
    """For each stance i, the stances j > i that ``same_issue`` can accept, in ascending order: an inverted index
    of each phrase's concepts and head concept. ``same_issue`` accepts equal concept sets (two empty ones too),
    equal heads, a head among the other's concepts, or shared concepts (when ``min_shared`` ≥ 1 or
    ``min_overlap`` > 0; otherwise any pair can be accepted and every pair is a candidate)."""
    rules = issue_rules()
    if rules.min_shared < 1 and rules.min_overlap <= 0:
        return [list(range(i + 1, len(stances))) for i in range(len(stances))]
    keys = []
    for stance in stances:
        concepts, head = issue_concepts(stance, rules), concept(stance.issue_head, rules)
        keys.append(concepts | {head} if concepts else {"", head})
    postings: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(keys):
        for key in found:
            postings[key].append(i)
    return [sorted({j for key in found for j in postings[key] if j > i}) for i, found in enumerate(keys)]


def issue_label(members: Sequence[StanceMention]) -> str:
    """The phrase most sources use; ties go to the shortest, then alphabetical."""
    by_phrase: dict[str, set[str]] = defaultdict(set)
    for m in members:
        by_phrase[m.issue].add(m.source)
    return min(by_phrase, key=lambda p: (-len(by_phrase[p]), len(p), p))


# --------------------------------------------------------------------------------------------- positions


def quotes_by_source(quotes: Sequence[Quote]) -> dict[str, list[Quote]]:
    """Each source's quotes, in the order given (looked up per stance instead of scanning every quote)."""
    found: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        found[q.source].append(q)
    return found


def _quote_for(stance: StanceMention, sentence_start: int, sentence_end: int, quotes: Sequence[Quote]) -> str | None:
    """The quote that is the evidence: one holding the stance, else one in the same sentence."""
    same_source = [q for q in quotes if q.source == stance.source]
    for q in same_source:
        if q.start <= stance.cue_start < q.end or q.start <= stance.issue_start < q.end:
            return q.id
    for q in same_source:
        if q.start < sentence_end and sentence_start < q.end:
            return q.id
    return None


def build_positions(
    facts: Sequence[SourceFacts],
    people: Sequence[Person],
    entities: Sequence[Entity],
    quotes: Sequence[Quote],
) -> tuple[Position, ...]:
    """Every stance as a Position with a merged actor and a merged issue, sorted by actor, issue, source."""
    resolver = ActorResolver(people, entities, quotes)
    resolved = _resolved_stances(facts, resolver)
    stances = [r.stance for r in resolved]
    clusters = merge_issues(stances)
    labels = _issue_labels(stances, clusters)
    names = _actor_names(resolved)
    sentences = {f.source.id: f.sentences for f in facts}
    positions = [_position(r, labels[cluster], names[r.actor.id], sentences, resolver)
                 for r, cluster in zip(resolved, clusters)]
    unique = {p.id: p for p in positions}
    log.info("%d positions of %d actors on %d issues", len(unique), len(names), len(set(labels.values())))
    return tuple(sorted(unique.values(), key=lambda p: (p.actor, p.issue, p.source, p.sentence or 0, p.id)))


class _Resolved(NamedTuple):
    """A stance whose subject names an actor: the stance, the actor, the actor's name as the stance writes it."""

    stance: StanceMention
    actor: Actor
    written: str


def _resolved_stances(facts: Sequence[SourceFacts], resolver: ActorResolver) -> list[_Resolved]:
    """The stances that name an issue and whose subject names an actor (``ActorResolver.resolve``), in order."""
    resolved = []
    for f in facts:
        for stance in f.stances:
            found = resolver.resolve(stance) if names_an_issue(stance) else None
            if found is not None:
                resolved.append(_Resolved(stance, *found))
    return resolved


def _issue_labels(stances: Sequence[StanceMention], clusters: Sequence[int]) -> dict[int, str]:
    """Each issue cluster (``merge_issues``) -> its label (``issue_label`` of its stances)."""
    members: dict[int, list[StanceMention]] = defaultdict(list)
    for stance, cluster in zip(stances, clusters):
        members[cluster].append(stance)
    return {cluster: issue_label(ms) for cluster, ms in members.items()}


def _actor_names(resolved: Sequence[_Resolved]) -> dict[str, tuple[str, ...]]:
    """Each actor -> the names its stances write it by, and for a group the name it was first resolved to (its
    canonical name), sorted case-insensitively."""
    names: dict[str, set[str]] = defaultdict(set)
    first_name: dict[str, str] = {}
    for r in resolved:
        names[r.actor.id].add(r.written)
        first_name.setdefault(r.actor.id, r.actor.name)
    for r in resolved:
        if r.actor.kind == "group":
            names[r.actor.id].add(first_name[r.actor.id])
    return {actor_id: tuple(sorted(written, key=lambda n: (n.lower(), n))) for actor_id, written in names.items()}


def _position(r: _Resolved, issue: str, actor_names: tuple[str, ...], sentences: Mapping[str, Sequence[Sentence]],
              resolver: ActorResolver) -> Position:
    """The position a resolved stance takes: its actor, issue and stance, the sentence, the quote holding it."""
    stance = r.stance
    sentence = sentences[stance.source][stance.sentence]
    return Position(
        id="pos-" + short_hash(r.actor.id, stance.issue, stance.source, str(stance.sentence), stance.stance),
        actor=r.actor.id,
        actor_names=actor_names,
        issue=issue,
        stance=stance.stance,
        text=sentence.text,
        source=stance.source,
        quote=_quote_for(stance, sentence.start, sentence.end, resolver.quotes_of.get(stance.source, ())),
        sentence=stance.sentence,
        clause=stance.clause,
    )


def actor_name(positions: Sequence[Position], people: Sequence[Person], actor_id: str) -> str:
    """How an actor is named on pages: the person's name, or the canonical group name."""
    for person in people:
        if person.id == actor_id:
            return person.name
    for p in positions:
        if p.actor == actor_id:
            for name in p.actor_names:
                if slugify(name) == actor_id or slugify("group " + name) == actor_id:
                    return name
            return p.actor_names[0] if p.actor_names else actor_id
    return actor_id
