"""The timeline: dated sentences from every source, grouped into events.

An event is a clause dated by a temporal expression (``DateMention`` of kind "date" with a calendar value).
Reports of the same event in several sources become one ``Event`` with all its reports when

* their dates are compatible (equal, or one inside the other: "last week" holds "18 February"), and
* they share enough of what they are about: people, organisations and places in the sentence, and the
  content-word lemmas of the dated clause (weighted overlap coefficient ≥ ``same_event`` in rules/dates.yaml).

Reports on incompatible dates that are otherwise very alike (overlap ≥ ``disputed_event``, different sources)
are one event marked ``disputed``. Event ids are built from the date and the features most reports share,
not from list positions, so adding a source rarely changes them.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from generator.extract.dates import CALENDAR, interval
from generator.link.candidates import bounded_pairs, neighbours
from generator.model import DateMention, Entity, Event, EventSource, Person, SourceFacts
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

    def feature_keys(self) -> set[str]:
        return ({f"w:{x}" for x in self.words} | {f"e:{x}" for x in self.clause_entities}
                | {f"p:{x}" for x in self.clause_people})

    @property
    def span(self) -> int:
        return (self.end - self.start).days


@dataclass
class _Cluster:
    reports: list[_Report] = field(default_factory=list)
    disputed: bool = False

    @property
    def anchor(self) -> _Report:
        """The report with the finest date: the event's date."""
        return min(self.reports, key=lambda r: (r.span, FINENESS.get(r.mention.granularity or "", 99)))


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
        r.features = {k: kinds[k[0]] * (math.log((n + 1) / (df[k] + 1)) + 1) for k in r.feature_keys()}


def similarity(a: _Report, b: _Report) -> float:
    """How much of the smaller report the other one covers: the weighted overlap coefficient of their people,
    entities and content words (IDF-weighted), 0 when they share fewer than ``min_shared`` features.

    Overlap rather than Jaccard: a short clause ("talks held in Saudi Arabia last week") and a long sentence
    about the same event share most of the short one, but little of their union."""
    fa, fb = a.features, b.features
    shared_keys = fa.keys() & fb.keys()
    if not fa or not fb or len(shared_keys) < min(_rules()["min_shared"], min(len(fa), len(fb)) - 1) or not shared_keys:
        return 0.0
    shared = sum(min(fa[k], fb[k]) for k in shared_keys)
    return shared / min(sum(fa.values()), sum(fb.values()))


def compatible(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """Equal dates, or one period inside the other."""
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def _reports(facts: Sequence[SourceFacts], people: Sequence[Person], entities: Sequence[Entity]) -> list[_Report]:
    person_spans: dict[str, list[tuple[int, int, str]]] = {}
    for person in people:
        for m in person.mentions:
            person_spans.setdefault(m.source, []).append((m.start, m.end, person.id))
    entity_spans: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        for m in entity.mentions:
            entity_spans.setdefault(m.source, []).append((m.start, m.end, entity.id))
    synonyms = _rules()["synonyms"]
    reports = []
    for f in facts:
        for m in f.dates:
            if m.kind != "date" or not m.value or m.granularity not in CALENDAR:
                continue
            bounds = interval(m.value)
            if bounds is None or m.sentence >= len(f.sentences):
                continue
            sentence = f.sentences[m.sentence]
            c_start = m.clause_start if m.clause_start is not None else sentence.start
            c_end = m.clause_end if m.clause_end is not None else sentence.end

            def inside(spans: dict[str, list[tuple[int, int, str]]], lo: int, hi: int) -> frozenset[str]:
                return frozenset(pid for start, end, pid in spans.get(f.source.id, ()) if lo <= start and end <= hi)

            reports.append(_Report(
                mention=m,
                sentence_text=sentence.text,
                paragraph=sentence.paragraph,
                start=bounds[0],
                end=bounds[1],
                people=inside(person_spans, sentence.start, sentence.end),
                entities=inside(entity_spans, sentence.start, sentence.end),
                clause_people=inside(person_spans, c_start, c_end),
                clause_entities=inside(entity_spans, c_start, c_end),
                words=frozenset(synonyms.get(w, w) for w in m.keywords),
                focus=min(1.0, (c_end - c_start) / max(1, sentence.end - sentence.start)),
            ))
    _weigh(reports)
    return reports


class _Candidates:
    """Candidate generation for the grouping loops: which clusters (by position) hold a report that can be
    similar enough to a given one. ``similarity`` has an upper bound computed for every pair of reports at
    once (``generator/link/candidates.py``); a cluster holding no report whose bound reaches the threshold
    cannot be chosen, and is skipped without being scored."""

    def __init__(self, reports: Sequence[_Report], threshold: float) -> None:
        self.number = {id(r): k for k, r in enumerate(reports)}
        pairs = bounded_pairs([r.features for r in reports], threshold, "smaller") if threshold > 0 else None
        self.near = neighbours(pairs, len(reports)) if pairs is not None else None  # None: every cluster
        self.position: dict[int, int] = {}  # report number → position of its cluster
        self.size = 0

    def add(self, position: int, reports: Iterable[_Report]) -> None:
        self.size = max(self.size, position + 1)
        for report in reports:
            self.position[self.number[id(report)]] = position

    def candidates(self, reports: Iterable[_Report]) -> list[int]:
        """Positions in creation order, so that ties and first matches fall as when scanning every cluster."""
        if self.near is None:
            return list(range(self.size))
        return sorted({self.position[k] for r in reports for k in self.near[self.number[id(r)]] if k in self.position})


def group_reports(reports: list[_Report]) -> list[_Cluster]:
    """Greedy grouping: finest dates first; each report joins the most similar compatible group."""
    threshold = _rules()["same_event"]
    clusters: list[_Cluster] = []
    index = _Candidates(reports, threshold)
    order = sorted(reports, key=lambda r: (r.span, r.mention.source, r.mention.start))
    for report in order:
        best, best_score = None, threshold
        for position in index.candidates([report]):
            cluster = clusters[position]
            anchor = cluster.anchor
            if not compatible((anchor.start, anchor.end), (report.start, report.end)):
                continue
            if any(r.mention.source == report.mention.source and r.mention.sentence == report.mention.sentence
                   for r in cluster.reports):
                continue  # two dates in one sentence are two events
            score = max(similarity(report, r) for r in cluster.reports)
            if score >= best_score:
                best, best_score = position, score
        if best is None:
            clusters.append(_Cluster([report]))
            index.add(len(clusters) - 1, [report])
        else:
            clusters[best].reports.append(report)
            index.add(best, [report])
    return _merge_disputed(clusters)


def _merge_disputed(clusters: list[_Cluster]) -> list[_Cluster]:
    """Groups on incompatible dates, from different sources, that report the same thing: one disputed event."""
    threshold, min_shared = _rules()["disputed_event"], _rules()["min_shared_disputed"]
    merged: list[_Cluster] = []
    index = _Candidates([r for c in clusters for r in c.reports], threshold)
    for cluster in clusters:
        target = None
        for position in index.candidates(cluster.reports):
            other = merged[position]
            a, b = other.anchor, cluster.anchor
            if compatible((a.start, a.end), (b.start, b.end)):
                continue
            if {r.mention.source for r in other.reports} & {r.mention.source for r in cluster.reports}:
                continue
            if any(similarity(x, y) >= threshold and len(x.features.keys() & y.features.keys()) >= min_shared
                   for x in other.reports for y in cluster.reports):
                target = position
                break
        if target is None:
            merged.append(cluster)
            index.add(len(merged) - 1, cluster.reports)
        else:
            merged[target].reports.extend(cluster.reports)
            merged[target].disputed = True
            index.add(target, cluster.reports)
    return merged


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
        return (-(typical + r.focus), r.span, -len(r.sentence_text), r.mention.source, r.mention.start)
    return min(reports, key=score)


def build_timeline(
    facts: Sequence[SourceFacts], people: Sequence[Person], entities: Sequence[Entity]
) -> tuple[tuple[DateMention, ...], tuple[Event, ...]]:
    """Every temporal expression of every source, and the dated events in date order."""
    dates = tuple(sorted((m for f in facts for m in f.dates), key=lambda m: (m.source, m.start)))
    reports = _reports(facts, people, entities)
    clusters = group_reports(reports)
    published = [f.source.published for f in facts if f.source.published]
    story_date = max(published) if published else None

    drafts = []
    for cluster in clusters:
        if cluster.disputed:
            votes = Counter(r.mention.value for r in cluster.reports)
            date_report = min(cluster.reports, key=lambda r: (-votes[r.mention.value], r.span, r.start))
        else:
            date_report = cluster.anchor
        drafts.append((cluster, date_report))

    ids: dict[int, str] = {}
    used: set[str] = set()
    for cluster, date_report in sorted(drafts, key=lambda d: (d[1].start, d[1].mention.source, d[1].mention.start)):
        base = _event_id(cluster, date_report.mention.value or "")
        event_id, n = base, 2
        while event_id in used:
            event_id, n = f"{base}-{n}", n + 1
        used.add(event_id)
        ids[id(cluster)] = event_id
    mention_event = {r.mention.id: ids[id(c)] for c, _ in drafts for r in c.reports}

    events = []
    for cluster, date_report in drafts:
        rep = _representative(cluster)
        origin = rep.mention.resolved_from
        if origin not in ("published", "story"):
            origin = mention_event.get(origin, origin)
        reports = tuple(
            EventSource(
                source=r.mention.source,
                sentence=r.mention.sentence,
                text=r.sentence_text,
                date_text=r.mention.text,
                rule=r.mention.rule,
                date=r.mention.value,
                mention=r.mention.id,
                paragraph=r.paragraph,
                resolved_from=r.mention.resolved_from,
            )
            for r in sorted(cluster.reports, key=lambda r: (r.mention.source, r.mention.start))
        )
        person_counts = Counter(p for r in cluster.reports for p in r.people)
        entity_counts = Counter(e for r in cluster.reports for e in r.entities)
        events.append(Event(
            id=ids[id(cluster)],
            date=date_report.mention.value or "",
            date_text=rep.mention.text,
            resolved_from=origin,
            text=rep.sentence_text,
            sources=tuple(sorted({r.mention.source for r in cluster.reports})),
            people=tuple(sorted(person_counts, key=lambda p: (-person_counts[p], p))),
            reports=reports,
            entities=tuple(sorted(entity_counts, key=lambda e: (-entity_counts[e], e))),
            upcoming=story_date is not None and date_report.start > story_date,
            disputed=cluster.disputed,
            granularity=date_report.mention.granularity,
            dates=tuple(sorted({r.mention.value for r in cluster.reports if r.mention.value})) if cluster.disputed else (),
        ))
    events.sort(key=lambda e: (*(interval(e.date) or (dt.date.max, dt.date.max)), e.id))
    log.info("timeline: %d dated reports in %d events (%d disputed, %d upcoming)", len(reports), len(events),
             sum(e.disputed for e in events), sum(e.upcoming for e in events))
    return dates, tuple(events)
