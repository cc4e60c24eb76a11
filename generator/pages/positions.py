"""The positions page: a matrix of actors × issues, each cell a stance linking to its evidence, then each
actor's positions with the sentence that states them."""

from __future__ import annotations

from collections import defaultdict

from generator.model import Briefing, Position
from generator.pages.base import Link, Page, paragraph_anchor, person_path, plural, shorten, source_path
from generator.link.positions import actor_name

POSITIONS_PATH = "positions.md"
MAX_COLUMNS = 10  # actors shown as matrix columns; the others are in the per-actor lists below


def actor_anchor(actor_id: str) -> str:
    return f"actor-{actor_id}"


def issue_anchor(issues: list[str], issue: str) -> str:
    return f"issue-{issues.index(issue) + 1}"


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

    def cell(actor: str, issue: str) -> list[dict]:
        stances: dict[str, list[Position]] = defaultdict(list)
        for p in by_actor[actor]:
            if p.issue == issue:
                stances[p.stance].append(p)
        return [{"stance": stance, "evidence": [{"id": p.id, "label": labels[p.source]} for p in ps]}
                for stance, ps in sorted(stances.items())]

    matrix = [
        {"issue": issue, "anchor": issue_anchor(issues, issue), "cells": [cell(a, issue) for a in columns]}
        for issue in issues
    ]
    sections = []
    for actor in actors:
        rows = []
        for p in sorted(by_actor[actor], key=lambda p: (issues.index(p.issue), p.source, p.sentence or 0)):
            rows.append({
                "position": p,
                "source": briefing.source(p.source),
                "anchor": paragraph_anchor(briefing, p.source, p.sentence or 0),
                "issue_anchor": issue_anchor(issues, p.issue),
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
        Link(source_path(r["source"]), r["anchor"], r["position"].text, r["position"].id)
        for s in sections for r in s["rows"]
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
            "matrix": matrix,
            "sections": sections,
            "labels": labels,
        },
        links=links,
    )


def position_pages(briefing: Briefing) -> list[Page]:
    return [positions_page(briefing)]
