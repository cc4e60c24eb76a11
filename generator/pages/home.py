"""The home page: the story in brief (its title, the key points most outlets carry, the latest development, the
statements most reported), then the people, the sections and the sources."""

from __future__ import annotations

from generator.model import Briefing, KeyPoint
from generator.pages.base import (
    ENTITIES_PATH, QUOTES_PATH, Link, Page, outlet_count, paragraph_anchor, person_path, plural, shorten, source_path,
    theme_text,
)

DEFAULT_TITLE = "Briefing"  # when no source has a headline (the site keeps mkdocs.yml's site_name)
POINT_CHARS = 320  # a key point longer than this is cut at a word boundary (its link leads to the whole sentence)


def _point(briefing: Briefing, point: KeyPoint) -> dict:
    reports, seen = [], set()
    for source_id, sentence in point.reports:
        if source_id in seen:
            continue  # one link per outlet: its closest sentence
        seen.add(source_id)
        reports.append({
            "source": briefing.source(source_id),
            "path": source_path(source_id),
            "anchor": paragraph_anchor(briefing, source_id, sentence),
        })
    return {
        "text": shorten(point.text, POINT_CHARS),
        "count": outlet_count(briefing, {s for s, _ in point.reports}),
        "reports": reports,
    }


def _statement(briefing: Briefing, group_id: str) -> dict | None:
    group = next((g for g in briefing.quote_groups if g.id == group_id), None)
    if group is None:
        return None
    speaker = next((p for p in briefing.people if p.id == group.speaker), None)
    return {
        "speaker": speaker.name if speaker else (group.speaker_text or "unknown speaker"),
        "speaker_path": person_path(speaker) if speaker else None,
        "text": shorten(group.text or "", 200),
        "count": outlet_count(briefing, group.sources),
        "anchor": group.id,
    }


def home_page(briefing: Briefing, sections: list[dict]) -> Page:
    dates = sorted(s.published for s in briefing.sources if s.published)
    top = sorted(briefing.people, key=lambda p: (-len(p.mentions), p.name))[:8]
    undated = [s for s in briefing.sources if not s.published]
    story = briefing.story
    title = story.title or DEFAULT_TITLE
    points = [_point(briefing, p) for p in story.points]
    latest = _point(briefing, story.latest) if story.latest else None
    statements = [s for s in (_statement(briefing, g) for g in story.statements) if s]
    links = tuple(
        Link(r["path"], r["anchor"], p["text"], "key-points") for p in points for r in p["reports"]
    )
    links += tuple(Link(person_path(p), None, f"{p.name}, mentioned {plural(len(p.mentions), 'time')}") for p in top)
    links += tuple(Link(source_path(s), None, s.title) for s in briefing.sources)
    return Page(
        path="index.md",
        template="home.md.j2",
        title=title,
        description=f"{title}: a briefing from {plural(len(briefing.sources), 'source')}",
        context={
            "title": theme_text(title),  # reads as the browser tab does (the site name)
            "points": points,
            "latest": latest,
            "latest_source": briefing.source(story.latest.source) if story.latest else None,
            "statements": statements,
            "quotes_path": QUOTES_PATH,
            "sources": briefing.sources,
            "first": dates[0] if dates else None,
            "last": dates[-1] if dates else None,
            "undated": undated,
            "stories": len(set(dict(briefing.stories).values())),
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
