"""The people index and one page per person: names, spellings, roles, every mention in context."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from generator.extract.dates import interval
from generator.model import Briefing, Event, Person, Quote
from generator.pages.positions import POSITIONS_PATH, actor_anchor, split_clause, StanceGroup, stance_groups
from generator.pages.timeline import display_date
from generator.pages.base import Link, Page, outlets_of, person_path, plural, shorten, source_path, whole_quote


def people_pages(briefing: Briefing) -> list[Page]:
    labels = source_labels(briefing)  # once, not once per person
    index = ByPerson.of(briefing)  # likewise: each person's quotes, events and stances, in one pass over each
    return [people_index(briefing)] + [person_page(briefing, person, labels, index) for person in briefing.people]


@dataclass(frozen=True)
class ByPerson:
    """Each person's quotes (in the briefing's order), events and stance groups (in ``stance_groups``' order)."""

    quotes: dict[str, list[Quote]]
    events: dict[str, list[Event]]
    stances: dict[str, list[StanceGroup]]

    @classmethod
    def of(cls, briefing: Briefing) -> ByPerson:
        quotes: dict[str, list[Quote]] = defaultdict(list)
        for q in briefing.quotes:
            if q.speaker:
                quotes[q.speaker].append(q)
        events: dict[str, list[Event]] = defaultdict(list)
        for e in briefing.events:
            for person in dict.fromkeys(e.people):
                events[person].append(e)
        stances: dict[str, list[StanceGroup]] = defaultdict(list)
        for g in stance_groups(briefing.positions):
            stances[g.actor].append(g)
        return cls(quotes, events, stances)


def source_labels(briefing: Briefing) -> dict[str, str]:
    return {s.id: s.label for s in briefing.sources}


def _mentions(briefing: Briefing, person: Person) -> list[dict]:
    """Each mention as its sentence, grouped by source, with the paragraph it links to."""
    seen: set[tuple[str, int]] = set()
    rows = []
    for mention in person.mentions:
        key = (mention.source, mention.sentence)
        if key in seen:
            continue
        seen.add(key)
        sentence = briefing.facts_of(mention.source).sentences[mention.sentence]
        rows.append({
            "source": briefing.source(mention.source),
            "sentence": whole_quote(briefing.facts_of(mention.source).sentences, mention.sentence),
            "anchor": f"p{sentence.paragraph + 1}",
            "written": mention.text,
        })
    return rows


def person_page(briefing: Briefing, person: Person, labels: dict[str, str] | None = None,
                index: ByPerson | None = None) -> Page:
    path = person_path(person)
    index = index if index is not None else ByPerson.of(briefing)
    mentions = _mentions(briefing, person)
    roles = sorted({r.role for r in person.roles}, key=lambda r: (r.lower(), r))
    summary = f"{person.name}" + (f", {roles[0]}" if roles else "") + (
        f": mentioned {plural(len(person.mentions), 'time')} in {plural(len(person.sources), 'source')}."
    )
    quotes = list(index.quotes.get(person.id, ()))
    labels = labels if labels is not None else source_labels(briefing)
    events = sorted(
        index.events.get(person.id, ()), key=lambda e: (interval(e.date) or (dt.date.max,), e.id)
    )
    positions = [
        {"group": g, "label": label, "rest": rest, "outlets": plural(outlets_of(briefing, g.sources), "outlet")}
        for g in sorted(index.stances.get(person.id, ()),
                        key=lambda g: (g.issue.lower(), g.anchor))
        for label, rest in [split_clause(g.stance, g.clause)]
    ]
    links = tuple(Link(source_path(m["source"]), m["anchor"], m["sentence"], "mentions") for m in mentions)
    return Page(
        path=path,
        template="person.md.j2",
        title=person.name,
        description=shorten(summary, 200),
        context={
            "person": person,
            "aliases": [
                {"spelling": a.spelling, "sources": [briefing.source(s) for s in a.sources]} for a in person.aliases
            ],
            "roles": [
                {"role": role, "sources": [briefing.source(r.source) for r in person.roles if r.role == role]}
                for role in roles
            ],
            "mentions": mentions,
            "quotes": quotes,
            "events": [{"event": e, "date": display_date(e.date)} for e in events],
            "positions": positions,
            "labels": labels,
            "positions_path": POSITIONS_PATH,
            "actor_anchor": actor_anchor(person.id),
        },
        links=links,
    )


def people_index(briefing: Briefing) -> Page:
    rows = [
        {
            "person": p,
            "path": person_path(p),
            "role": p.roles[0].role if p.roles else "",
            "mentions": len(p.mentions),
            "sources": len(p.sources),
        }
        for p in sorted(briefing.people, key=lambda p: (-len(p.mentions), p.name))
    ]
    return Page(
        path="people/index.md",
        template="people.md.j2",
        title="People",
        description=f"The {plural(len(rows), 'person', 'people')} named in the sources.",
        context={"rows": rows},
        links=tuple(Link(r["path"], None, f"{r['person'].name}: {plural(r['mentions'], 'mention')}") for r in rows),
    )
