"""The "What changed" page: what this build adds to and removes from the previous one."""

from __future__ import annotations

from generator.link.changes import Changes
from generator.model import Briefing
from generator.pages.base import Link, Page, person_path, plural, source_path

CHANGES_PATH = "changes.md"
TITLES = {"sources": "Sources", "people": "People", "quotes": "Quotes", "events": "Events"}


def _target(briefing: Briefing, kind: str, item_id: str) -> tuple[str, str | None] | None:
    """Where an added item lives now (removed items have no page any more)."""
    if kind == "sources":
        return source_path(item_id), None
    if kind == "people":
        return person_path(item_id), None
    if kind == "quotes":
        quote = next((q for q in briefing.quotes if q.id == item_id), None)
        return (source_path(quote.source), quote.id) if quote else None
    if kind == "events":
        return "timeline.md", item_id
    return None


def changes_page(briefing: Briefing, changes: Changes) -> Page:
    added = dict(changes.added)
    removed = dict(changes.removed)
    sections = []
    links = []
    for kind, title in TITLES.items():
        rows = []
        for item in added.get(kind, ()):
            target = _target(briefing, kind, item.id)
            rows.append({"label": item.label, "target": target[0] if target else None, "anchor": target[1] if target else None})
            if target:
                links.append(Link(target[0], target[1], f"Added: {item.label}"))
        gone = [{"label": item.label, "id": item.id} for item in removed.get(kind, ())]
        if rows or gone:
            sections.append({"title": title, "added": rows, "removed": gone})
    count = sum(len(items) for _, items in changes.added) + sum(len(items) for _, items in changes.removed)
    return Page(
        path=CHANGES_PATH,
        template="changes.md.j2",
        title="What changed",
        description=f"{plural(count, 'change')} since the previous build." if changes.previous else "The first build of this briefing.",
        context={"changes": changes, "sections": sections},
        links=tuple(links),
    )
