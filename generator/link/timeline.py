"""The timeline: dated sentences from every source, grouped into events.

A report is an event mention (``EventMention``, extract/events.py): the action a clause names (its trigger, stemmed,
synonyms as one), who does it (the subject; for "he said", the speaker of the sentence's quote) and the people,
organisations, places and content words of the clause. Dated clauses are reports with a date (a ``DateMention`` of
kind "date" with a calendar value); main clauses without a date are reports that may only join a dated event (an
outlet that tells of the talks without saying when). Reports become one ``Event`` when

* their dates are compatible (equal, or one inside the other: "last week" holds "18 February"; no date fits any), and
* they name the same action (``same_event``: learnt on ECB+, see rules/dates.yaml), or different actions with a
  weighted overlap of what they are about of at least ``same_event_other_action`` (learnt: never), or
* they are the same actor doing the same thing on the same day ("Putin said on Thursday", "Putin warned on
  Thursday": ``same_act``);
* statements by different speakers stay apart (``different_speakers``);
* two different actions of one sentence stay apart; two mentions of one action in a sentence are one
  (``one_per_sentence``).

Which sources tell one story comes from their profiles (``same_story``, ``related_stories``; stories of one or two
sources join the most alike larger story, ``small_story``: a folder may hold several stories); reports of sources
of different stories need a name in common (``same_event_other_story``).
Reports on incompatible dates that are otherwise very alike (overlap ≥ ``disputed_event``, different sources),
and reports of one action dated a day or so apart by different outlets (``near_dates``), are one event marked
``disputed``. Event ids are built from the date and the features most reports share,
not from list positions, so adding a source rarely changes them. ``benchmarks/events.py`` measures the merging on
ECB+ (CoNLL F1 against the head-lemma baseline).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.extract.dates import CALENDAR, interval
from generator.link.candidates import vector_matrix
from generator.link.clusters import root
from generator.link.entities import entity_key
from generator.link.positions import canonical_group
from generator.link.quote_groups import stem
from generator.model import DateMention, Entity, Event, EventMention, EventSource, Person, Quote, Sentence, SourceFacts
from generator.rules import load_rules

log = logging.getLogger(__name__)

FINENESS = {g: i for i, g in enumerate(CALENDAR)}


@dataclass
class _Report:
    """One dated clause of one source."""

    mention: DateMention
    sentence_text: str
    paragraph: int
    start: dt.date
    end: dt.date
    people: frozenset[str]  # people named in the sentence: the event's participants
    entities: frozenset[str]  # organisations and places named in the sentence
    clause_people: frozenset[str]  # people and entities named in the dated clause: what it is about
    clause_entities: frozenset[str]
    words: frozenset[str]
    focus: float  # share of the sentence taken by the dated clause
    features: dict[str, float] = field(default_factory=dict)
    total: float = 0.0  # the features' total weight (set with them by ``_weigh``)
    predicate: str = ""  # the action reported: the trigger's lemma, stemmed, synonyms mapped to one (rules/dates.yaml)
    statement: bool = False  # the action is a statement (a reporting verb: "said", "warned", "told")
    alternatives: frozenset[str] = frozenset()  # other actions the date may be of ("its invasion in 2022")
    actors: frozenset[str] = frozenset()  # people/entities who do it: the subject, or the speaker of a quote
    dated: bool = True  # False: a clause without a date expression, which may join a dated event
    event: EventMention | None = None  # the event mention the report was made from (None: a date alone)

    def feature_keys(self) -> set[str]:
        return ({f"w:{x}" for x in self.words} | {f"e:{x}" for x in self.clause_entities}
                | {f"p:{x}" for x in self.clause_people})

    @property
    def span(self) -> int:
        return (self.end - self.start).days


def _fineness(r: _Report) -> tuple[int, int]:
    return (r.span, FINENESS.get(r.mention.granularity or "", 99))


@dataclass
class _Cluster:
    reports: list[_Report] = field(default_factory=list)
    disputed: bool = False
    _anchor: _Report | None = None
    # (source, sentence) of its reports, and its sources: kept by ``add`` for the checks of every comparison
    sentences: set[tuple[str, int]] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.sentences = {(r.mention.source, r.mention.sentence) for r in self.reports}
        self.sources = {r.mention.source for r in self.reports}

    @property
    def anchor(self) -> _Report:
        """The report with the finest date: the event's date (the first of the finest; kept up to date by
        ``add`` rather than looked for in every comparison)."""
        if self._anchor is None:
            self._anchor = min(self.reports, key=_fineness)
        return self._anchor

    def add(self, reports: Sequence[_Report]) -> None:
        anchor = self.anchor
        for r in reports:
            if _fineness(r) < _fineness(anchor):
                anchor = r
        self.reports.extend(reports)
        self._anchor = anchor
        self.sentences.update((r.mention.source, r.mention.sentence) for r in reports)
        self.sources.update(r.mention.source for r in reports)


def _rules() -> dict:
    return load_rules("dates")["timeline"]


def _weights() -> dict[str, float]:
    return _rules()["weights"]


def _weigh(reports: list[_Report]) -> None:
    """Feature weights: the kind's weight (person, entity, word) times the feature's inverse document frequency
    over all reports of the story, so that what every report mentions ("Russia") counts little."""
    kinds = {"p": _weights()["person"], "e": _weights()["entity"], "w": _weights()["word"]}
    df: Counter[str] = Counter()
    for r in reports:
        df.update(r.feature_keys())
    n = len(reports)
    for r in reports:
        r.features = {k: kinds[k[0]] * (math.log((n + 1) / (df[k] + 1)) + 1) for k in sorted(r.feature_keys())}
        r.total = math.fsum(r.features.values())


def similarity(a: _Report, b: _Report) -> float:
    """How much of the smaller report the other one covers: the weighted overlap coefficient of their people,
    entities and content words (IDF-weighted), 0 when they share fewer than ``min_shared`` features.

    Overlap rather than Jaccard: a short clause ("talks held in Saudi Arabia last week") and a long sentence
    about the same event share most of the short one, but little of their union."""
    fa, fb = a.features, b.features
    shared_keys = fa.keys() & fb.keys()
    if not fa or not fb or len(shared_keys) < min(_rules()["min_shared"], min(len(fa), len(fb)) - 1) or not shared_keys:
        return 0.0
    # fsum: the same sum whatever order the set gives the keys in (a plain sum differs in the last bit with the
    # hash seed, and a tie broken by that bit changed events from one run to the next)
    shared = math.fsum(map(fa.__getitem__, shared_keys))  # a feature weighs the same in every report: fa[k] = fb[k]
    return shared / min(a.total, b.total)


def compatible(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """Equal dates, or one period inside the other."""
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


UNDATED = (dt.date.min, dt.date.max)  # a report without a date: compatible with every date


def _reporting_verbs() -> frozenset[str]:
    r = load_rules("reporting_verbs")
    return frozenset(r["reporting_verbs"]) - frozenset(r["weak_verbs"])


def action_class(lemma: str) -> str:
    """The action a trigger names, so that outlets' different words for it match: synonyms in rules/dates.yaml
    are one, lemmas are stemmed ("arrests", "arrested", "arrest"; "shooting", "shoot")."""
    lemma = lemma.lower()
    if not lemma:
        return ""
    synonyms = _rules()["synonyms"]
    return stem(synonyms.get(lemma, synonyms.get(stem(lemma), lemma)))


def is_statement(lemma: str, pos: str = "VERB") -> bool:
    """A reporting verb ("said", "warned", "claimed"); "a phone call" (a noun) is no statement."""
    return pos in ("VERB", "") and lemma.lower() in _reporting_verbs()


def _spans_by_source(items: Sequence[Person] | Sequence[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for item in items:
        for m in item.mentions:
            spans.setdefault(m.source, []).append((m.start, m.end, item.id))
    return spans


def _inside(spans: dict[str, list[tuple[int, int, str]]], source: str, lo: int, hi: int) -> frozenset[str]:
    return frozenset(pid for start, end, pid in spans.get(source, ()) if lo <= start and end <= hi)


def _usable(m: DateMention, f: SourceFacts) -> bool:
    return (m.kind == "date" and bool(m.value) and m.granularity in CALENDAR and interval(m.value) is not None
            and m.sentence < len(f.sentences))


# A line that only says when the article was published or updated ("Posted on Thu Jun 13, 2013 08:45 AM PDT",
# "UPDATED: 05/03/2013 at 11:00 AM EDT", "May 2, 2013, 1:12 PM") is the page's time stamp, not an event of the
# story: an optional stamp verb, then nothing but date and time words. (A regular expression, not the date parser:
# the question is whether any word is left that is not one of a time stamp.)
_STAMP_VERB = re.compile(
    r"^\W*(?:(?:first|originally|last)\s+)?(?:published|posted|updated?|modified|edited)\b\W*", re.I)
_STAMP_WORD = re.compile(
    r"(?:\d+(?:st|nd|rd|th|[ap]m)?|on|at|of|the|and|[ap]m|noon|midnight|(?-i:[A-Z]{1,4}T|UTC)|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|"
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|yesterday)",
    re.I,
)


def is_time_stamp(text: str) -> bool:
    """Whether a sentence is only a publication or update time stamp (see ``_STAMP_VERB``), or a stamp before an
    editor's note ("Update July 3, 8:05 AM ET: Added a chart")."""
    rest = _STAMP_VERB.sub("", text, count=1)
    stamped = len(rest) < len(text)
    if stamped and (colon := re.search(r"(?<!\d):|:(?!\s?\d)", rest)):
        rest = rest[: colon.start()]  # the note after the stamp is about the page
    words = re.findall(r"[^\W_]+", re.sub(r"\b([ap])\.\s*m\b\.?", r"\1m", rest, flags=re.I))
    if not words:
        return stamped
    timed = stamped or any(w[0].isdigit() for w in words)
    return timed and all(_STAMP_WORD.fullmatch(w) for w in words)


def _undated_mention(e: EventMention) -> DateMention:
    """A stand-in for the date of a clause that has none (kind "undated", no value)."""
    return DateMention(e.source, "", e.start, e.end, e.sentence, None, None, resolved_from="", kind="undated")


@dataclass(frozen=True)
class _Names:
    """What the reports of a story are read against: where each person and entity is named (per source), the actor
    each organisation or place stands for, the speakers of each sentence's quotes, the synonyms of content words."""

    person_spans: Mapping[str, list[tuple[int, int, str]]]
    entity_spans: Mapping[str, list[tuple[int, int, str]]]
    actor_of: Mapping[str, str]
    speakers: Mapping[tuple[str, int], set[str]]
    synonyms: Mapping[str, str]


def _names(people: Sequence[Person], entities: Sequence[Entity], quotes: Sequence[Quote]) -> _Names:
    """The people, entities and quote speakers of the story, indexed for ``_report``."""
    # who acts: people, and organisations and places as the actor they stand for ("the Kremlin" → Russia);
    # nationality adjectives ("Russian") name no actor
    actor_of = {e.id: entity_key(canonical_group(e.name) or e.name) for e in entities if e.label != "NORP"}
    speakers: dict[tuple[str, int], set[str]] = {}
    for q in quotes:
        if q.speaker:
            speakers.setdefault((q.source, q.sentence), set()).add(q.speaker)
    return _Names(_spans_by_source(people), _spans_by_source(entities), actor_of, speakers, _rules()["synonyms"])


def _reports(facts: Sequence[SourceFacts], people: Sequence[Person], entities: Sequence[Entity],
             quotes: Sequence[Quote] = (), undated: bool = True, dates_alone: bool = True) -> list[_Report]:
    """One report per event mention (dated clauses, and, with ``undated``, main clauses without a date); with
    ``dates_alone``, dated expressions without an event mention (facts made without one) still give a report,
    without a predicate."""
    names = _names(people, entities, quotes)
    reports = []
    for f in facts:
        usable = {m.id: m for m in f.dates if _usable(m, f)}
        events = [e for e in f.events if _reportable(e, usable, undated)]
        reports += [r for e in events if (r := _event_report(f, e, usable, names)) is not None]
        if dates_alone:
            covered = {e.date for e in events}
            reports += [r for m in usable.values() if m.id not in covered
                        and (r := _date_alone_report(f, m, names)) is not None]
    _weigh(reports)
    return reports


def _reportable(e: EventMention, usable: Mapping[str, DateMention], undated: bool) -> bool:
    """Whether an event mention gives a report: dated by a usable date, or undated when ``undated`` ones count."""
    return e.date in usable if e.date is not None else undated


def _event_report(f: SourceFacts, e: EventMention, usable: Mapping[str, DateMention], names: _Names) -> _Report | None:
    """The report of one event mention (None in a time stamp line): its action, who does it, what it is about."""
    sentence = f.sentences[e.sentence]
    if is_time_stamp(sentence.text):
        return None
    m = usable[e.date] if e.date is not None else _undated_mention(e)
    predicate, statement = action_class(e.lemma), is_statement(e.lemma, e.pos)
    return _report(f, m, sentence, (e.clause_start, e.clause_end), e.keywords, names,
                   predicate=predicate, statement=statement, actors=_actors(f, e, statement, names),
                   alternatives=frozenset(action_class(x) for x in e.alternatives),
                   dated=e.date is not None, event=e)


def _actors(f: SourceFacts, e: EventMention, statement: bool, names: _Names) -> frozenset[str]:
    """Who does what an event mention names: the people of its subject, else the actors its organisations and
    places stand for; for a statement without one ("he said"), the speaker of the sentence's quote."""
    actors: frozenset[str] | set[str] = frozenset()
    if e.actor_start is not None and e.actor_end is not None:  # a person, else who they speak for
        actors = (_inside(names.person_spans, f.source.id, e.actor_start, e.actor_end)
                  or {names.actor_of[x] for x in _inside(names.entity_spans, f.source.id, e.actor_start, e.actor_end)
                      if x in names.actor_of})
    if not actors and statement:  # "he said": the speaker of the sentence's quote
        actors = frozenset(names.speakers.get((f.source.id, e.sentence), ()))
    return frozenset(actors)


def _date_alone_report(f: SourceFacts, m: DateMention, names: _Names) -> _Report | None:
    """The report of a date expression no event mention holds (None in a time stamp line): its clause, or its
    sentence, with no action."""
    sentence = f.sentences[m.sentence]
    if is_time_stamp(sentence.text):
        return None
    clause = (m.clause_start if m.clause_start is not None else sentence.start,
              m.clause_end if m.clause_end is not None else sentence.end)
    return _report(f, m, sentence, clause, m.keywords, names)


def _report(f: SourceFacts, m: DateMention, sentence: Sentence, clause: tuple[int, int], keywords: Sequence[str],
            names: _Names, **event) -> _Report:
    """The report of a date mention in ``sentence`` (its clause ``clause``): the people and entities named in both,
    its content words (folded by ``names.synonyms``); ``event`` the fields of an event mention's report."""
    bounds = interval(m.value) or UNDATED
    source = f.source.id
    return _Report(
        mention=m,
        sentence_text=sentence.text,
        paragraph=sentence.paragraph,
        start=bounds[0],
        end=bounds[1],
        people=_inside(names.person_spans, source, sentence.start, sentence.end),
        entities=_inside(names.entity_spans, source, sentence.start, sentence.end),
        clause_people=_inside(names.person_spans, source, *clause),
        clause_entities=_inside(names.entity_spans, source, *clause),
        words=frozenset(names.synonyms.get(w, w) for w in keywords),
        focus=min(1.0, (clause[1] - clause[0]) / max(1, sentence.end - sentence.start)),
        **event,
    )


def same_action_of(a: _Report, b: _Report) -> bool:
    """Whether two reports name the same action (one of them possibly through a noun the date may be of)."""
    return bool(a.predicate) and bool(({a.predicate} | a.alternatives) & ({b.predicate} | b.alternatives))


def trigger(report: _Report) -> str:
    """The word of the report's action as written in the lexicon (its lemma), "" for a date alone."""
    return report.event.lemma.lower() if report.event is not None and report.predicate else ""


@dataclass(frozen=True)
class _Story:
    """What the grouping knows of the whole story: which actions are near synonyms ("die"/"death",
    "earthquake"/"quake": WordNet, ``similar_action``), and how alike the sources are (``same_story``)."""

    similar: Mapping[str, frozenset[str]]  # trigger -> the other triggers of the story that are near synonyms
    stories: Mapping[str, str]  # source -> the first source of its story (absent: one story)

    def similar_actions(self, a: _Report, b: _Report) -> bool:
        return bool(trigger(b)) and trigger(b) in self.similar.get(trigger(a), frozenset())

    def story(self, source: str) -> str:
        """The story a source tells ("": the one story of sources that were not told apart)."""
        return self.stories.get(source, "")

    def same_story(self, a: str, b: str) -> bool:
        return self.story(a) == self.story(b)


def _similar_triggers(reports: Sequence[_Report], senses: int) -> dict[str, frozenset[str]]:
    """Trigger -> the story's other triggers that WordNet makes near synonyms within their first ``senses`` senses
    (a shared synonym set or a derivation: "quake"/"earthquake", "die"/"death"); 0: none."""
    words = sorted({trigger(r) for r in reports} - {""})
    if senses <= 0 or len(words) < 2:
        return {}
    from generator.link import wordnet  # only when the rules use it

    if wordnet.missing("events are merged without near-synonym actions (quake/earthquake)"):
        return {}
    by_concept: dict[str, set[str]] = {}
    for w in words:
        for c in wordnet.concepts(w, senses):
            by_concept.setdefault(c, set()).add(w)
    return {w: frozenset(v for c in wordnet.concepts(w, senses) for v in by_concept[c] if v != w) for w in words}


def _source_vectors(reports: Sequence[_Report]) -> dict[str, dict[str, float]]:
    """Each source's profile: the people, organisations, places and content words of all its reports, tf-idf
    weighted (how often the source names it, sublinear, times the inverse document frequency over the sources:
    what every source names counts little) and by kind, as a unit vector."""
    kinds = {"p": _weights()["person"], "e": _weights()["entity"], "w": _weights()["word"]}
    keys: dict[str, Counter[str]] = {}
    for r in reports:
        keys.setdefault(r.mention.source, Counter()).update(r.feature_keys())
    df: Counter[str] = Counter(k for ks in keys.values() for k in ks)
    n = len(keys)
    vectors = {}
    for source, ks in keys.items():
        weights = {k: kinds[k[0]] * (1 + math.log(ks[k])) * (math.log((n + 1) / (df[k] + 1)) + 1)
                   for k in sorted(ks)}  # sorted: sums in one order whatever PYTHONHASHSEED
        vectors[source] = _unit(weights)
    return vectors


def _unit(weights: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {k: w / norm for k, w in weights.items()}


def _source_similarities(vectors: Mapping[str, Mapping[str, float]], floor: float) -> dict[tuple[str, str], float]:
    """Cosine of every two sources' profiles (``_source_vectors``), for the pairs at a cosine of at least ``floor``:
    the rest can join no story. ECB+ dev: tf-idf 0.739 (mean CoNLL F1 of the sweep's three levels), tf alone 0.738,
    idf alone 0.737, a pairwise test instead of stories (connected components) 0.734."""
    out = {}
    for a, b in _near_pairs(sorted(vectors), vectors, floor):
        va, vb = vectors[a], vectors[b]
        cosine = sum(w * vb[k] for k, w in va.items() if k in vb)  # exact, in key order, as before the index
        if cosine >= floor:
            out[(a, b)] = cosine
    return out


def _near_pairs(names: Sequence[str], vectors: Mapping[str, Mapping[str, float]], floor: float) -> list[tuple[str, str]]:
    """The pairs of sources whose cosine may reach ``floor``: one sparse matrix product (in C) instead of a Python
    sum per pair, with a margin for its other order of summing; the caller recomputes each cosine exactly."""
    matrix = vector_matrix([vectors[name] for name in names])
    product = (matrix @ matrix.T).tocoo()
    keep = (product.row < product.col) & (product.data >= floor - 1e-9)
    return sorted((names[i], names[j]) for i, j in zip(product.row[keep].tolist(), product.col[keep].tolist()))


def _stories(similarities: Mapping[tuple[str, str], float], threshold: float, nearest: float = 0.0) -> dict[str, str]:
    """Sources joined into stories: connected components of the pairs at a cosine of at least ``threshold``
    (an article linked to one of a story's articles is of that story), each named by its first source."""
    sources = sorted({s for pair in similarities for s in pair})
    parent = {s: s for s in sources}

    for (a, b), cosine in sorted(similarities.items()):
        if cosine >= threshold:
            ra, rb = root(parent, a), root(parent, b)
            parent[max(ra, rb)] = min(ra, rb)
    if nearest > 0:
        size = Counter(root(parent, s) for s in sources)
        best: dict[str, tuple[float, str]] = {}
        for (a, b), cosine in sorted(similarities.items()):
            for x, y in ((a, b), (b, a)):
                if cosine > best.get(x, (0.0, ""))[0]:
                    best[x] = (cosine, y)
        for s in sources:
            if size[root(parent, s)] == 1 and s in best and best[s][0] >= nearest:
                ra, rb = root(parent, s), root(parent, best[s][1])
                parent[max(ra, rb)] = min(ra, rb)
    return {s: root(parent, s) for s in sources}


def story_of(reports: Sequence[_Report], rules: Mapping[str, Any] | None = None,
             profiles: Sequence[_Report] | None = None) -> _Story:
    """The near-synonym triggers of ``reports`` and how alike their sources are, by the reports in ``profiles``
    (default: ``reports``; benchmarks/events.py groups gold mentions and profiles sources by the built reports)."""
    rules = rules or _rules()
    threshold = rules["same_story"]
    sources = {r.mention.source for r in reports}
    nearest = rules["same_story_nearest"]
    floor = min(threshold, nearest) if nearest > 0 else threshold  # lower cosines join no story
    similar = _similar_triggers(reports, rules["similar_action"])
    if threshold <= 0.0:  # every source of one story
        return _Story(similar, {})
    vectors = {s: v for s, v in _source_vectors(reports if profiles is None else profiles).items() if s in sources}
    stories = _stories(_source_similarities(vectors, floor), threshold, nearest)
    stories.update({s: s for s in sources - stories.keys()})
    stories = _related_stories(stories, vectors, rules["related_stories"])
    stories = _absorb_small_stories(stories, vectors, rules["small_story"], rules["small_story_join"])
    return _Story(similar, stories)


def _story_profiles(stories: Mapping[str, str], vectors: Mapping[str, Mapping[str, float]]
                    ) -> tuple[list[str], list[dict[str, float]], Counter[str]]:
    """The stories (sorted by name), the profile of each (the sum of its sources' unit vectors, as a unit vector)
    and how many sources each has."""
    names = sorted(set(stories.values()))
    sums: dict[str, Counter[str]] = {name: Counter() for name in names}
    for source in sorted(stories):
        sums[stories[source]].update(vectors.get(source, {}))
    return names, [_unit(dict(sums[name])) for name in names], Counter(stories.values())


def _absorb_small_stories(stories: Mapping[str, str], vectors: Mapping[str, Mapping[str, float]], small: int,
                          floor: float) -> dict[str, str]:
    """Stories of at most ``small`` sources join the larger story whose profile is most like theirs, from a
    cosine of ``floor`` (``small`` 0: never). One or two short articles share too few names and words with any
    other article to link to it (``same_story``), yet read like one story told by more outlets; a story of more
    sources is told apart on more evidence. Stories of a few sources each never join one another (a folder of
    unrelated pages stays apart). ECB+ dev: see rules/dates.yaml ``small_story``. One sparse product of the small
    stories' profiles by the larger ones'."""
    names, profiles, size = _story_profiles(stories, vectors)
    smalls = [i for i, name in enumerate(names) if size[name] <= small]
    hosts = [i for i, name in enumerate(names) if size[name] > small]
    if small <= 0 or not smalls or not hosts:
        return dict(stories)
    matrix = vector_matrix(profiles)  # one column per feature of any story
    product = (matrix[smalls] @ matrix[hosts].T).toarray()
    joins = {}
    for row, i in enumerate(smalls):
        column = int(product[row].argmax())  # the first of equal cosines: hosts are in name order
        if product[row, column] >= floor:
            joins[names[i]] = names[hosts[column]]
    return {source: joins.get(story, story) for source, story in stories.items()}


def _related_stories(stories: Mapping[str, str], vectors: Mapping[str, Mapping[str, float]],
                     threshold: float) -> dict[str, str]:
    """Stories whose profiles (the sum of their sources' unit vectors, as a unit vector) reach a cosine of
    ``threshold`` are one story (0: off). Sources link into stories pairwise (``same_story``), so outlets of one
    event whose articles each share too little with any single other article form several small stories; taken
    together, each of them still reads like the rest (ECB+ dev: see rules/dates.yaml ``related_stories``).
    One sparse product over the stories, not a Python loop over pairs."""
    names, profiles, _ = _story_profiles(stories, vectors)
    if threshold <= 0.0 or len(names) < 2:
        return dict(stories)
    product = (vector_matrix(profiles) @ vector_matrix(profiles).T).tocoo()
    keep = (product.row < product.col) & (product.data >= threshold)
    parent = {name: name for name in names}
    for i, j in sorted(zip(product.row[keep].tolist(), product.col[keep].tolist())):
        ra, rb = root(parent, names[i]), root(parent, names[j])
        parent[max(ra, rb)] = min(ra, rb)
    return {source: root(parent, story) for source, story in stories.items()}


def same_act(a: _Report, b: _Report) -> bool:
    """The same actor doing the same thing on the same day ("Putin said on Thursday", "Putin warned on
    Thursday": both statements): one event however differently the outlets word the rest."""
    same_action = (a.statement and b.statement) or same_action_of(a, b)
    return (a.dated and b.dated and same_action and bool(a.actors & b.actors)
            and a.mention.granularity == b.mention.granularity == "day" and a.start == b.start)


def margin(a: _Report, b: _Report, rules: Mapping[str, Any] | None = None, story: _Story | None = None) -> float:
    """How far two reports are above the similarity at which they are one event (negative: below): the threshold
    is ``same_event`` when they name the same kind of action, ``same_event_similar_action`` when near synonyms
    ("killed", "murdered"), ``same_event_other_action`` otherwise. Reports of sources that tell different
    stories (see ``_stories``: ``same_story``) are one event only when they name the same action and reach
    ``same_event_other_story`` and their sentences name a person, organisation or place in common (an outlet
    whose article shares little with the others' still names the same people)."""
    rules = rules or _rules()
    same = same_action_of(a, b)
    other_story = story is not None and not story.same_story(a.mention.source, b.mention.source)
    if other_story and not (same and (a.people | a.entities) & (b.people | b.entities)):
        return -1.0  # a folder holding several stories: two killings of two stories are two events, unless the same
        # people or places take part (ECB+ dev: mean CoNLL F1 0.750 with this condition, 0.734 without, both at
        # same_event_other_story 0.3; mixed runs 0.737 and 0.703)
    if rules["same_act"] and not other_story and same_act(a, b):
        return 1.0
    similar = not same and story is not None and story.similar_actions(a, b)
    if _kept_apart(a, b, rules, same or similar):
        return -1.0
    threshold = _threshold(rules, same, similar, other_story)
    return -1.0 if threshold > 1.0 else similarity(a, b) - threshold


def _kept_apart(a: _Report, b: _Report, rules: Mapping[str, Any], same_or_similar: bool) -> bool:
    """Two reports that are two events however similar their words: undated without the same or a similar action,
    or statements of different speakers (with ``different_speakers``)."""
    if not (a.dated and b.dated) and not same_or_similar:
        return True  # without a date, only the same action can tell two clauses report one event
    # "Reid said", "her publicist said" and "it was said": three statements
    return bool(rules["different_speakers"] and a.statement and b.statement
                and not (a.actors & b.actors or not a.actors | b.actors))


def _threshold(rules: Mapping[str, Any], same: bool, similar: bool, other_story: bool) -> float:
    """The similarity at which two reports are one event: by how alike their actions are, raised to
    ``same_event_other_story`` for reports of two stories."""
    threshold = (rules["same_event"] if same else rules["same_event_similar_action"] if similar
                 else rules["same_event_other_action"])
    return max(threshold, rules["same_event_other_story"]) if other_story else threshold


OTHER_STORIES = "\x00other stories"  # the scope of the index keys that reach groups of other stories


def _across_keys(report: _Report, rules: Mapping[str, Any]) -> set[tuple[str, str]]:
    """The index keys through which a report may join a group of another story: its actions with each person,
    organisation or place of its sentence (``margin``: the same action and a name in common); none when
    ``same_event_other_story`` turns that off."""
    if rules["same_event_other_story"] > 1.0:
        return set()
    actions = {p for p in report.alternatives | {report.predicate} if p}
    return {(OTHER_STORIES, f"{p}|{n}") for p in actions for n in sorted(report.people | report.entities)}


def group_reports(reports: list[_Report], undated_alone: bool = False,
                  rules: Mapping[str, Any] | None = None, profiles: Sequence[_Report] | None = None,
                  story: _Story | None = None) -> list[_Cluster]:
    """Greedy grouping: finest dates first, undated reports last; each report joins the group it is most above
    the threshold with (compatible dates, not the same sentence). An undated report that joins no group is left
    out, unless ``undated_alone`` (benchmarks: every mention is in some group). ``rules``: the thresholds of
    rules/dates.yaml ``timeline:``, or others to try (benchmarks/events.py); ``profiles``: see ``story_of``;
    ``story``: ``story_of`` the reports, when the caller has it. Then the groups' second passes: the same action
    (``second_pass``), near dates, disputed dates."""
    rules = rules or _rules()
    story = story or story_of(reports, rules, profiles)
    clusters = _greedy_groups(reports, rules, story, undated_alone)
    if rules["second_pass"]:
        clusters = _merge_same_action(clusters, rules, story)
    return _merge_disputed(_merge_near_dates(clusters, rules, story), rules, story)


@dataclass(frozen=True)
class _IndexKeys:
    """A report's keys in the grouping index: ``filed``, those its group is found by once it holds the report;
    ``looked_up``, those that find the groups it may join."""

    filed: frozenset[tuple[str, str]]
    looked_up: frozenset[tuple[str, str]]


def _index_keys(report: _Report, rules: Mapping[str, Any], story: _Story) -> _IndexKeys:
    """(story, feature | "v:" predicate | "a:" actor | "t:" trigger) keys: a report of one story joins a group of
    another only through the same action and a name their sentences share (``margin``), indexed as (OTHER_STORIES,
    "action|name"); so the groups of other stories are candidates only then (a folder of many stories compares
    within each). Candidates: groups naming the same action (or a near synonym) or actor, and, when different
    actions may merge, sharing any feature (a report sharing nothing with a group scores 0 with it)."""
    scope = story.story(report.mention.source)
    keys = {"v:" + p for p in report.alternatives | {report.predicate} if p} | {"a:" + a for a in report.actors}
    if rules["same_event_other_action"] <= 1.0:
        keys |= set(report.features)
    if trigger(report):
        keys.add("t:" + trigger(report))
    lookup = keys | {"t:" + t for t in story.similar.get(trigger(report), ())}
    if not report.dated:  # it can only join a group of the same action or a near synonym (``margin``)
        lookup = {k for k in lookup if k.startswith(("v:", "t:"))}
    reach = _across_keys(report, rules)
    return _IndexKeys(frozenset({(scope, k) for k in keys} | reach), frozenset({(scope, k) for k in lookup} | reach))


def _greedy_groups(reports: Sequence[_Report], rules: Mapping[str, Any], story: _Story,
                   undated_alone: bool) -> list[_Cluster]:
    """The greedy pass of ``group_reports``: in date order (finest first, undated last), each report joins the
    best of the groups its keys find (``_best_group``), else starts one (an undated report only with
    ``undated_alone``)."""
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, str], set[int]] = {}  # index key -> the groups holding a report filed under it
    for report in sorted(reports, key=lambda r: (not r.dated, r.span, r.mention.source, r.mention.start)):
        keys = _index_keys(report, rules, story)
        candidates = sorted({i for k in keys.looked_up for i in by_key.get(k, ())})
        best = _best_group(report, candidates, clusters, rules, story)
        if best is not None:
            clusters[best].add([report])
        elif report.dated or undated_alone:
            clusters.append(_Cluster([report]))
            best = len(clusters) - 1
        else:
            continue
        for k in keys.filed:
            by_key.setdefault(k, set()).add(best)
    return clusters


def _best_group(report: _Report, candidates: Sequence[int], clusters: Sequence[_Cluster], rules: Mapping[str, Any],
                story: _Story) -> int | None:
    """Of the ``candidates`` (indices in ``clusters``), the group the report is most above the threshold with
    (``margin`` at least 0; the last of equal margins), among those it may join (``_may_join``); None: none."""
    best, best_margin = None, 0.0
    for index in candidates:
        cluster = clusters[index]
        if not _may_join(report, cluster, rules):
            continue
        score = max(margin(report, r, rules, story) for r in cluster.reports)
        if score >= best_margin:
            best, best_margin = index, score
    return best


def _may_join(report: _Report, cluster: _Cluster, rules: Mapping[str, Any]) -> bool:
    """Whether a report's date fits the group's (``compatible``) and no report of its sentence in the group names
    another action (``one_per_sentence``: two actions in one sentence are two events)."""
    anchor = cluster.anchor
    if not compatible((anchor.start, anchor.end), (report.start, report.end)):
        return False
    return not (rules["one_per_sentence"] and (report.mention.source, report.mention.sentence) in cluster.sentences
                and _two_actions_in_a_sentence(cluster.reports, (report,)))


def _two_actions_in_a_sentence(xs: Sequence[_Report], ys: Sequence[_Report]) -> bool:
    """Whether a report of ``xs`` and one of ``ys`` come from one sentence and name different actions ("police
    arrested him after the shooting"): two events. Two reports of one action in a sentence ("elections were held
    ... the elections") are one."""
    return any((x.mention.source, x.mention.sentence) == (y.mention.source, y.mention.sentence)
               and not same_action_of(x, y) for x in xs for y in ys)


def _apart_by_sentence(a: _Cluster, b: _Cluster, rules: Mapping[str, Any]) -> bool:
    """``one_per_sentence``: two groups holding two actions of one sentence stay apart."""
    return bool(rules["one_per_sentence"] and a.sentences & b.sentences
                and _two_actions_in_a_sentence(a.reports, b.reports))


def _merge_groups(clusters: list[_Cluster], keys_of: Callable[[_Cluster], set[Hashable]],
                  joins: Callable[[_Cluster, _Cluster], bool], disputed: bool = False) -> list[_Cluster]:
    """Groups merged in order: each joins the first group before it that shares one of its ``keys_of`` (an index,
    not all pairs) and that it ``joins``; ``disputed``: the merged group's dates are disputed."""
    merged: list[_Cluster] = []
    index: dict[Hashable, set[int]] = {}
    for cluster in clusters:
        keys = keys_of(cluster)
        candidates = sorted({i for k in keys for i in index.get(k, ())})
        position = next((i for i in candidates if joins(merged[i], cluster)), None)
        if position is None:
            merged.append(cluster)
            position = len(merged) - 1
        else:
            merged[position].add(cluster.reports)
            merged[position].disputed |= disputed
        for k in keys:
            index.setdefault(k, set()).add(position)
    return merged


def _merge_same_action(clusters: list[_Cluster], rules: Mapping[str, Any], story: _Story) -> list[_Cluster]:
    """A second pass over the greedy groups: two groups of one action on fitting dates, with no sentence in
    common, are one event when two of their reports of that action are (``margin`` at least 0). The greedy pass
    leaves such pairs apart when the second group began before a report that links them came ("checked into
    rehab on Thursday" / "checked in late Thursday" / an undated "has checked into rehab")."""
    def joins(other: _Cluster, cluster: _Cluster) -> bool:
        return (compatible((other.anchor.start, other.anchor.end), (cluster.anchor.start, cluster.anchor.end))
                and not _apart_by_sentence(other, cluster, rules)
                and any(same_action_of(a, b) and margin(a, b, rules, story) >= 0.0
                        for a in other.reports for b in cluster.reports))

    def keys_of(cluster: _Cluster) -> set[Hashable]:  # the same action in one story, or with a name in common
        return {k for r in cluster.reports if r.predicate
                for k in {(story.story(r.mention.source), r.predicate)} | _across_keys(r, rules)}

    return _merge_groups(clusters, keys_of, joins)


def days_apart(a: _Report, b: _Report) -> int:
    """Days between two reports' dates (0 or less: they overlap)."""
    return (max(a.start, b.start) - min(a.end, b.end)).days


def _merge_near_dates(clusters: list[_Cluster], rules: Mapping[str, Any], story: _Story) -> list[_Cluster]:
    """Groups of one action (not statements) whose dates are at most ``near_dates`` days apart, when two dated
    reports of that action from different sources are one event (``margin``): one disputed event. Outlets date
    one happening a day apart ("on Thursday" in a report filed from another time zone, "yesterday" in a wire copy
    run the next day); the page shows every outlet's date. Statements stay apart: a spokesman speaks every day.
    Candidates by action (an index), not all pairs."""
    days = rules["near_dates"]
    if days <= 0:
        return clusters

    def joins(other: _Cluster, cluster: _Cluster) -> bool:
        a, b = other.anchor, cluster.anchor
        return (a.dated and b.dated and not compatible((a.start, a.end), (b.start, b.end))
                and days_apart(a, b) <= days
                and not _apart_by_sentence(other, cluster, rules)
                and any(_near_dates_linked(x, y, rules, story) for x in other.reports for y in cluster.reports))

    def keys_of(cluster: _Cluster) -> set[Hashable]:
        return {(story.story(r.mention.source), p) for r in cluster.reports if r.dated and not r.statement
                for p in {r.predicate} | r.alternatives if p}

    return _merge_groups(clusters, keys_of, joins, disputed=True)


def _near_dates_linked(x: _Report, y: _Report, rules: Mapping[str, Any], story: _Story) -> bool:
    """Two dated reports of one action (not statements) from different sources that are one event (``margin``) and
    reach ``near_dates_similarity``: what links two groups in ``_merge_near_dates``."""
    return (x.dated and y.dated and x.mention.source != y.mention.source and not (x.statement or y.statement)
            and same_action_of(x, y) and margin(x, y, rules, story) >= 0.0
            and similarity(x, y) >= rules["near_dates_similarity"])


def _merge_disputed(clusters: list[_Cluster], rules: Mapping[str, Any], story: _Story) -> list[_Cluster]:
    """Groups on incompatible dates, from different sources of one story, that report the same thing: one
    disputed event. Candidates, not all pairs: two groups can only merge when a dated report of each shares a
    feature (min_shared_disputed >= 1), so an index of the dated reports' features finds every group that can."""
    threshold, min_shared = rules["disputed_event"], rules["min_shared_disputed"]
    if threshold > 1.0:
        return clusters

    def joins(other: _Cluster, cluster: _Cluster) -> bool:
        a, b = other.anchor, cluster.anchor
        return (a.dated and b.dated and not compatible((a.start, a.end), (b.start, b.end))
                and not other.sources & cluster.sources and story.same_story(a.mention.source, b.mention.source)
                and any(len(x.features.keys() & y.features.keys()) >= min_shared and similarity(x, y) >= threshold
                        for x in other.reports for y in cluster.reports if x.dated and y.dated))

    def keys_of(cluster: _Cluster) -> set[Hashable]:  # keyed by story too: groups of two stories never merge
        scope = story.story(cluster.anchor.mention.source)
        return {(scope, k) for r in cluster.reports if r.dated for k in r.features}

    return _merge_groups(clusters, keys_of, joins, disputed=True)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _event_id(cluster: _Cluster, date: str) -> str:
    """"e-" + date + the three features most reports share (people and entities first, then words)."""
    counts: Counter[str] = Counter()
    for r in cluster.reports:
        counts.update(r.feature_keys())
    kind_rank = {"p": 0, "e": 1, "w": 2}
    ranked = sorted(counts, key=lambda k: (-counts[k], kind_rank[k[0]], k))
    parts: list[str] = []
    for key in ranked:
        slug = _slug(key[2:])
        if slug and not any(slug in p or p in slug for p in parts):
            parts.append(slug)
        if len(parts) == 3:
            break
    return "-".join(["e", _slug(date)] + parts)  # "e-2025-02-27-istanbul-diplomat-meet": a valid HTML anchor


def _representative(cluster: _Cluster) -> _Report:
    """The report most like the others (ties: the finest date, the longest sentence, the first source)."""
    reports = cluster.reports
    def score(r: _Report) -> tuple:
        others = [o for o in reports if o is not r]
        typical = sum(similarity(r, o) for o in others) / len(others) if others else 0.0
        return (not r.dated, -(typical + r.focus), r.span, -len(r.sentence_text), r.mention.source, r.mention.start)
    return min(reports, key=score)


def build_timeline(
    facts: Sequence[SourceFacts], people: Sequence[Person], entities: Sequence[Entity], quotes: Sequence[Quote] = ()
) -> tuple[tuple[DateMention, ...], tuple[Event, ...], tuple[tuple[str, str], ...]]:
    """Every temporal expression of every source, the dated events in date order (``quotes``, linked to their
    speakers, tell who "he said" is), and which story each source tells when the folder holds several
    (``source_stories``)."""
    dates = tuple(sorted((m for f in facts for m in f.dates), key=lambda m: (m.source, m.start)))
    all_reports = _reports(facts, people, entities, quotes)
    story = story_of(all_reports)
    clusters = group_reports(all_reports, story=story)
    drafts = [_Draft(cluster, _date_report_of(cluster)) for cluster in clusters]
    ids = _event_ids(drafts)
    mention_event = {r.mention.id: ids[id(d.cluster)] for d in drafts for r in d.cluster.reports if r.dated}
    story_date = _story_date(facts)
    events = sorted((_event(d, ids[id(d.cluster)], mention_event, story_date) for d in drafts),
                    key=lambda e: (*(interval(e.date) or (dt.date.max, dt.date.max)), e.id))
    log.info("timeline: %d dated reports and %d undated ones that joined them, in %d events (%d disputed, "
             "%d upcoming)", sum(r.dated for r in all_reports), sum(not r.dated for c in clusters for r in c.reports),
             len(events), sum(e.disputed for e in events), sum(e.upcoming for e in events))
    return dates, tuple(events), source_stories(story, [f.source.id for f in facts])


@dataclass(frozen=True)
class _Draft:
    """A group of reports on its way to an ``Event``, with the report whose date is the event's."""

    cluster: _Cluster
    date_report: _Report


def _date_report_of(cluster: _Cluster) -> _Report:
    """The report that dates the event: the group's finest date (its anchor); for a disputed group, the date most
    of its dated reports give (ties: the narrowest, then the earliest)."""
    if not cluster.disputed:
        return cluster.anchor
    votes = Counter(r.mention.value for r in cluster.reports if r.dated)
    return min((r for r in cluster.reports if r.dated), key=lambda r: (-votes[r.mention.value], r.span, r.start))


def _event_ids(drafts: Sequence[_Draft]) -> dict[int, str]:
    """id() of each group -> its event id (``_event_id``), numbered "-2", "-3" … after the first of equal ids in
    date order."""
    ids: dict[int, str] = {}
    used: set[str] = set()
    for d in sorted(drafts, key=lambda d: (d.date_report.start, d.date_report.mention.source,
                                           d.date_report.mention.start)):
        base = _event_id(d.cluster, d.date_report.mention.value or "")
        event_id, n = base, 2
        while event_id in used:
            event_id, n = f"{base}-{n}", n + 1
        used.add(event_id)
        ids[id(d.cluster)] = event_id
    return ids


def _story_date(facts: Sequence[SourceFacts]) -> dt.date | None:
    """The latest publication date of the sources (None: none is dated): after it, an event is upcoming."""
    published = [f.source.published for f in facts if f.source.published]
    return max(published) if published else None


def _event(draft: _Draft, event_id: str, mention_event: Mapping[str, str], story_date: dt.date | None) -> Event:
    """The event of a group: dated by its date report, told by its most typical report (``_representative``),
    with every report as an ``EventSource`` and its people and entities, most named first."""
    cluster, date_report = draft.cluster, draft.date_report
    rep = _representative(cluster)
    origin = rep.mention.resolved_from
    if origin not in ("published", "story"):
        origin = mention_event.get(origin, origin)  # the date it was counted from: that date's event
    return Event(
        id=event_id,
        date=date_report.mention.value or "",
        date_text=rep.mention.text,
        resolved_from=origin,
        text=rep.sentence_text,
        sources=tuple(sorted({r.mention.source for r in cluster.reports})),
        people=_most_named(p for r in cluster.reports for p in r.people),
        reports=tuple(_event_source(r) for r in sorted(cluster.reports, key=lambda r: (r.mention.source,
                                                                                         r.mention.start))),
        entities=_most_named(e for r in cluster.reports for e in r.entities),
        upcoming=story_date is not None and date_report.start > story_date,
        disputed=cluster.disputed,
        granularity=date_report.mention.granularity,
        dates=differing_dates({r.mention.value for r in cluster.reports if r.mention.value}) if cluster.disputed else (),
    )


def _most_named(ids: Iterable[str]) -> tuple[str, ...]:
    """The distinct ids, the most frequent first (ties: by id)."""
    counts = Counter(ids)
    return tuple(sorted(counts, key=lambda x: (-counts[x], x)))


def _event_source(r: _Report) -> EventSource:
    """What one report tells of its event: its sentence, date expression and how that date was read."""
    return EventSource(
        source=r.mention.source,
        sentence=r.mention.sentence,
        text=r.sentence_text,
        date_text=r.mention.text,
        rule=r.mention.rule,
        date=r.mention.value,
        mention=r.mention.id or None,
        paragraph=r.paragraph,
        resolved_from=r.mention.resolved_from,
    )


def differing_dates(values: Iterable[str]) -> tuple[str, ...]:
    """The dates that differ, sorted: not one that holds every other one ("2013-05" beside "2013-05-02" and
    "2013-05-03" contradicts neither)."""
    spans = {v: interval(v) for v in set(values)}

    def holds_all(v: str) -> bool:
        outer = spans[v]
        return outer is not None and all(o is not None and outer[0] <= o[0] and o[1] <= outer[1]
                                         for w, o in spans.items() if w != v)

    return tuple(sorted(v for v in spans if not holds_all(v)))


def source_stories(story: _Story, sources: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """(source, the first source of its story) of every source, () when all tell one story. A source the split
    did not see (no report of any action or date) is a story of its own."""
    if not story.stories:  # not told apart (``same_story`` 0): one story
        return ()
    found = {source: story.stories.get(source, source) for source in sources}
    return tuple(sorted(found.items())) if len(set(found.values())) > 1 else ()
