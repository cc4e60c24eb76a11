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
    """The matrix (the most reported issues × the actors with most positions), then every actor's positions."""
    positions = briefing.positions
    actors, issues = _actors_by_reach(positions), _issues_by_reach(positions)
    names = {a: actor_name(positions, briefing.people, a) for a in actors}
    columns = actors[:MAX_COLUMNS]
    groups = stance_groups(positions)
    matrix = [
        {"issue": issue, "anchor": issue_anchor(issues, issue),
         "cells": [_cell(briefing, groups, actor, issue) for actor in columns]}
        for issue in issues[:MAX_ROWS]
    ]
    people = {p.id for p in briefing.people}
    sections = [_actor_section(briefing, groups, issues, actor, names[actor], people) for actor in actors]
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
            "labels": {s.id: s.label for s in briefing.sources},
        },
        links=_section_links(sections),
    )


def _actors_by_reach(positions: Sequence[Position]) -> list[str]:
    """Actors, the one with positions on most (issue, source) pairs first; ties by id."""
    reach: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for p in positions:
        reach[p.actor].add((p.issue, p.source))
    return sorted(reach, key=lambda a: (-len(reach[a]), a))


def _issues_by_reach(positions: Sequence[Position]) -> list[str]:
    """Issues, the one most sources report first, then the one with most positions; ties by name."""
    by_issue: dict[str, list[Position]] = defaultdict(list)
    for p in positions:
        by_issue[p.issue].append(p)
    return sorted(by_issue, key=lambda i: (-len({p.source for p in by_issue[i]}), -len(by_issue[i]), i.lower()))


def _cell(briefing: Briefing, groups: Sequence[StanceGroup], actor: str, issue: str) -> list[dict]:
    """One matrix cell: the actor's stances on the issue, each with how many outlets report it."""
    return [{"stance": g.stance, "anchor": g.anchor, "count": outlets_of(briefing, g.sources)}
            for g in groups if g.actor == actor and g.issue == issue]


def _actor_section(briefing: Briefing, groups: Sequence[StanceGroup], issues: list[str], actor: str, name: str,
                   people: set[str]) -> dict:
    """One actor's positions, in the matrix's issue order, each with its evidence from every source."""
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
    first = next(p for p in briefing.positions if p.actor == actor)
    return {
        "id": actor,
        "anchor": actor_anchor(actor),
        "name": name,
        "person": person_path(actor) if actor in people else None,
        "merged": [n for n in first.actor_names if n != name],
        "rows": rows,
    }


def _section_links(sections: list[dict]) -> tuple[Link, ...]:
    """The page's links: each piece of evidence to its sentence, each actor's section from the person's page."""
    return tuple(
        Link(source_path(e["source"]), e["anchor"], e["position"].text, r["group"].anchor)
        for s in sections for r in s["rows"] for e in r["evidence"]
    ) + tuple(Link(s["person"], None, f"{s['name']}: {plural(len(s['rows']), 'position')}", s["anchor"])
              for s in sections if s["person"])


def position_pages(briefing: Briefing) -> list[Page]:
    return [positions_page(briefing)]
