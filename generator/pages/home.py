"""The home page: the story in brief, and the way into every section."""

from __future__ import annotations

from generator.model import Briefing
from generator.pages.base import ENTITIES_PATH, Link, Page, person_path, plural, source_path


def home_page(briefing: Briefing, sections: list[dict]) -> Page:
    dates = sorted(s.published for s in briefing.sources if s.published)
    top = sorted(briefing.people, key=lambda p: (-len(p.mentions), p.name))[:8]
    undated = [s for s in briefing.sources if not s.published]
    headline = max(briefing.sources, key=lambda s: (len(s.paragraphs), s.id)).title if briefing.sources else ""
    links = tuple(Link(person_path(p), None, f"{p.name}, mentioned {plural(len(p.mentions), 'time')}") for p in top)
    links += tuple(Link(source_path(s), None, s.title) for s in briefing.sources)
    return Page(
        path="index.md",
        template="home.md.j2",
        title="Briefing",
        description=f"A briefing built from {plural(len(briefing.sources), 'source')}: {headline}",
        context={
            "sources": briefing.sources,
            "first": dates[0] if dates else None,
            "last": dates[-1] if dates else None,
            "undated": undated,
            "top": [{"person": p, "path": person_path(p)} for p in top],
            "counts": {
                "people": len(briefing.people),
                "entities": len(briefing.entities),
                "quotes": len(briefing.quotes),
                "events": len(briefing.events),
            },
            "sections": sections,
            "entities_path": ENTITIES_PATH,
        },
        links=links,
    )
