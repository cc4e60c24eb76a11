"""Ids that last across builds, so shared links to a person, quote group, event or position keep working.

Ids are computed from content (a person's folded name, a hash of an event's date and words …). When new
sources change what an id would be computed from, the item keeps the id it had in the previous build's
``facts.json``: a person by a spelling it had before, a quote group by a quote it held before, an event or
a position by a source sentence that reported it before (with its stance word, or its actor). Quote ids are hashes of their own source and
words and never move.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any, TypeVar

from generator.model import Briefing, Slug

log = logging.getLogger(__name__)
T = TypeVar("T")


def claim_old_ids(
    items: Iterable[T], current_id: Callable[[T], str], keys: Callable[[T], Iterable[Any]], old_by_key: Mapping[Any, set[str]]
) -> dict[str, str]:
    """Current id → previous id, for pairs of a current and a previous item that are each other's best
    match (the most shared keys, with no tie), when the previous id is not taken by another item today."""
    items = list(items)
    taken = {current_id(item) for item in items}
    shared: Counter[tuple[str, str]] = Counter()
    for item in items:
        for key in set(keys(item)):
            for old in old_by_key.get(key, ()):
                shared[(old, current_id(item))] += 1

    def best(candidates: list[tuple[int, str]]) -> str | None:
        candidates.sort(reverse=True)
        if len(candidates) > 1 and candidates[0][0] == candidates[1][0]:
            return None
        return candidates[0][1]

    by_old: dict[str, list[tuple[int, str]]] = {}
    by_new: dict[str, list[tuple[int, str]]] = {}
    for (old, new), count in shared.items():
        by_old.setdefault(old, []).append((count, new))
        by_new.setdefault(new, []).append((count, old))
    renames: dict[str, str] = {}
    for old, candidates in sorted(by_old.items()):
        new = best(candidates)
        if new is None or best(by_new[new]) != old:
            continue
        if old != new and old not in taken:
            renames[new] = old
    return renames


def _index(entries: Iterable[Mapping[str, Any]], keys: Callable[[Mapping[str, Any]], Iterable[Any]]) -> dict[Any, set[str]]:
    index: dict[Any, set[str]] = {}
    for entry in entries:
        for key in keys(entry):
            index.setdefault(key, set()).add(entry["id"])
    return index


def inherit_ids(briefing: Briefing, previous: Mapping[str, Any] | None) -> Briefing:
    """The briefing with the previous build's ids kept wherever the same item is still there."""
    if not previous:
        return briefing
    people = claim_old_ids(
        briefing.people, lambda p: p.id, lambda p: [a.spelling for a in p.aliases],
        _index(previous.get("people", []), lambda e: e.get("aliases", [])),
    )
    groups = claim_old_ids(
        briefing.quote_groups, lambda g: g.id, lambda g: g.quotes,
        _index(previous.get("quote_groups", []), lambda e: e.get("quotes", [])),
    )
    events = claim_old_ids(
        briefing.events, lambda e: e.id, lambda e: [(r.source, r.text) for r in e.reports],
        _index(previous.get("events", []), lambda e: [(r["source"], r["text"]) for r in e.get("reports", [])]),
    )
    # a position by its sentence and stance word, or its sentence and actor when the stance's wording changed
    positions = claim_old_ids(
        briefing.positions, lambda p: p.id,
        lambda p: [(p.source, p.text, p.stance), ("actor", p.source, p.text, people.get(p.actor, p.actor))],
        _index(previous.get("positions", []),
               lambda e: [(e["source"], e["text"], e["stance"]), ("actor", e["source"], e["text"], e["actor"])]),
    )
    if not (people or groups or events or positions):
        return briefing
    log.info("kept earlier ids: %d people, %d quote groups, %d events, %d positions",
             len(people), len(groups), len(events), len(positions))

    def person(pid: str | None) -> str | None:
        return people.get(pid, pid) if pid else pid

    return replace(
        briefing,
        people=tuple(sorted((replace(p, id=Slug(person(p.id))) for p in briefing.people), key=lambda p: p.id)),
        quotes=tuple(replace(q, speaker=person(q.speaker), group=groups.get(q.group, q.group) if q.group else None)
                     for q in briefing.quotes),
        quote_groups=tuple(replace(g, id=groups.get(g.id, g.id), speaker=person(g.speaker)) for g in briefing.quote_groups),
        events=tuple(
            replace(e, id=events.get(e.id, e.id), resolved_from=events.get(e.resolved_from, e.resolved_from),
                    people=tuple(person(p) for p in e.people))
            for e in briefing.events
        ),
        positions=tuple(replace(p, id=positions.get(p.id, p.id), actor=person(p.actor)) for p in briefing.positions),
    )
