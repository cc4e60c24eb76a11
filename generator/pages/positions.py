"""The positions page: a matrix of actors × issues, each cell a stance linking to its evidence, then each
actor's positions with the sentence that states them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from generator.model import Briefing, Position
from generator.pages.base import Link, Page, outlets_of, paragraph_anchor, person_path, plural, shorten, source_path
from generator.link.positions import actor_name

POSITIONS_PATH = "positions.md"
MAX_COLUMNS = 10  # actors shown as matrix columns; the others are in the per-actor lists below
MAX_ROWS = 10  # issues shown as matrix rows (the most reported); the others are in the per-actor lists below


@dataclass(frozen=True)
class StanceGroup:
    """One actor's one stance on one issue, as every source that reports it words it."""

    actor: str
    issue: str
    stance: str
    clause: str  # the wording most sources give (ties: the shortest)
    positions: tuple[Position, ...]

    @property
    def anchor(self) -> str:
        return self.positions[0].id

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({p.source for p in self.positions}))


def stance_groups(positions: Sequence[Position]) -> list[StanceGroup]:
    """Positions merged across outlets: one group per actor, issue and stance."""
    by_key: dict[tuple[str, str, str], list[Position]] = defaultdict(list)
    for p in positions:
        by_key[(p.actor, p.issue, p.stance)].append(p)
    groups = []
    for (actor, issue, stance), members in sorted(by_key.items()):
        members.sort(key=lambda p: (p.source, p.sentence or 0, p.id))
        support = Counter(p.clause or p.stance for p in members)
        clause = min(support, key=lambda c: (-support[c], len(c), c))
        groups.append(StanceGroup(actor, issue, stance, clause, tuple(members)))
    return groups


def split_clause(stance: str, clause: str) -> tuple[str, str]:
    """("rules out", "any withdrawal …") when the clause starts with the stance word, else the clause's first word."""
    if clause.startswith(stance + " ") or clause == stance:
        return stance, clause[len(stance):].strip()
    word, _, rest = clause.partition(" ")
    return word, rest


def actor_anchor(actor_id: str) -> str:
    return f"actor-{actor_id}"


def issue_anchor(issues: list[str], issue: str) -> str:
    return f"issue-{issues.index(issue) + 1}"


def _evidence(briefing: Briefing, positions) -> list[dict]:
    """The sentence of each position of a group, once: two clauses of one sentence ("demands that … accept … and
    abandon …") are one piece of evidence, not the same link twice."""
    rows, seen = [], set()
    for p in positions:
        if (p.source, p.sentence) in seen:
            continue
        seen.add((p.source, p.sentence))
        rows.append({"position": p, "source": briefing.source(p.source),
                     "anchor": paragraph_anchor(briefing, p.source, p.sentence or 0)})
    return rows


def positions_page(briefing: Briefing) -> Page:
    positions = briefing.positions
    people = {p.id for p in briefing.people}
    labels = {s.id: s.label for s in briefing.sources}
    by_actor: dict[str, list[Position]] = defaultdict(list)
    for p in positions:
        by_actor[p.actor].append(p)
    actors = sorted(by_actor, key=lambda a: (-len({(p.issue, p.source) for p in by_actor[a]}), a))
    by_issue: dict[str, list[Position]] = defaultdict(list)
    for p in positions:
        by_issue[p.issue].append(p)
    issues = sorted(by_issue, key=lambda i: (-len({p.source for p in by_issue[i]}), -len(by_issue[i]), i.lower()))
    names = {a: actor_name(positions, briefing.people, a) for a in actors}
    columns = actors[:MAX_COLUMNS]

    groups = stance_groups(positions)

    def cell(actor: str, issue: str) -> list[dict]:
        return [{"stance": g.stance, "anchor": g.anchor, "count": outlets_of(briefing, g.sources)}
                for g in groups if g.actor == actor and g.issue == issue]

    matrix = [
        {"issue": issue, "anchor": issue_anchor(issues, issue), "cells": [cell(a, issue) for a in columns]}
        for issue in issues[:MAX_ROWS]
    ]
    sections = []
    for actor in actors:
        rows = []
        for g in sorted((g for g in groups if g.actor == actor),
                        key=lambda g: (issues.index(g.issue), g.stance, g.anchor)):
            label, rest = split_clause(g.stance, g.clause)
            rows.append({
                "group": g,
                "label": label,
                "rest": rest,
                "issue_anchor": issue_anchor(issues, g.issue),
                "extra_anchors": [p.id for p in g.positions if p.id != g.anchor],
                "evidence": _evidence(briefing, g.positions),
                "outlets": plural(outlets_of(briefing, g.sources), "outlet"),
            })
        merged = [n for n in by_actor[actor][0].actor_names if n != names[actor]]
        sections.append({
            "id": actor,
            "anchor": actor_anchor(actor),
            "name": names[actor],
            "person": person_path(actor) if actor in people else None,
            "merged": merged,
            "rows": rows,
        })
    links = tuple(
        Link(source_path(e["source"]), e["anchor"], e["position"].text, r["group"].anchor)
        for s in sections for r in s["rows"] for e in r["evidence"]
    ) + tuple(Link(s["person"], None, f"{s['name']}: {plural(len(s['rows']), 'position')}", s["anchor"])
              for s in sections if s["person"])
    return Page(
        path=POSITIONS_PATH,
        template="positions.md.j2",
        title="Positions",
        description=shorten(
            f"{plural(len(positions), 'stance')} of {plural(len(actors), 'actor')} on {plural(len(issues), 'issue')}, "
            "each with the sentence that reports it.", 200),
        context={
            "columns": [{"id": a, "name": names[a], "anchor": actor_anchor(a)} for a in columns],
            "others": len(actors) - len(columns),
            "more_issues": len(issues) - len(matrix),
            "matrix": matrix,
            "issue_list": [{"issue": i, "anchor": issue_anchor(issues, i)} for i in issues],
            "sections": sections,
            "labels": labels,
        },
        links=links,
    )


def position_pages(briefing: Briefing) -> list[Page]:
    return [positions_page(briefing)]
