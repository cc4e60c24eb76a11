"""facts.json: the extracted facts as data, published with the site (documented in the README)."""

from __future__ import annotations

from typing import Any

from generator.model import (
    Briefing, Comparison, DateMention, Event, KeyPoint, Person, Position, Quote, Source,
)

SCHEMA = 2  # 2: `dates` follow TimeML (value, type, anchor, rule); see the README


def _point(point: KeyPoint) -> dict[str, Any]:
    return {"source": point.source, "sentence": point.sentence, "text": point.text,
            "reports": [{"source": s, "sentence": i} for s, i in point.reports]}


def facts_json(briefing: Briefing) -> dict[str, Any]:
    """The whole briefing as JSON-ready data. Keys and list order are stable: same seeds, same bytes."""
    return {
        "schema": SCHEMA,
        "sources": [_source_record(s, briefing.story_of(s.id)) for s in briefing.sources],
        "skipped": [{"path": s.path, "reason": s.reason, "fix": s.fix} for s in briefing.skipped],
        "people": [_person_record(p) for p in briefing.people],
        "entities": [
            {"id": e.id, "name": e.name, "label": e.label, "sources": list(e.sources), "mentions": len(e.mentions)}
            for e in briefing.entities
        ],
        "quotes": [_quote_record(q) for q in briefing.quotes],
        "quote_groups": [
            {"id": g.id, "speaker": g.speaker, "speaker_text": g.speaker_text, "quotes": list(g.quotes),
             "sources": list(g.sources), "url": f"quotes/#{g.id}"}
            for g in briefing.quote_groups
        ],
        "events": [_event_record(e) for e in briefing.events],
        "dates": [_date_record(d) for d in briefing.dates],
        "positions": [_position_record(p) for p in briefing.positions],
        "story": {
            "title": briefing.story.title,
            "title_source": briefing.story.title_source,
            "points": [_point(p) for p in briefing.story.points],
            "latest": _point(briefing.story.latest) if briefing.story.latest else None,
            "statements": list(briefing.story.statements),
        },
        "comparison": _comparison_record(briefing.comparison),
    }


def _source_record(s: Source, story: str | None) -> dict[str, Any]:
    """One article: where it came from and its metadata; `story` is the story it was put in."""
    return {
        "id": s.id,
        "path": s.path,
        "title": s.title,
        "outlet": s.outlet,
        "published": s.published.isoformat() if s.published else None,
        "url": s.url,
        "author": s.author,
        "words": s.words,
        "also_published_as": [r.path for r in s.also_published_as],
        "in_story": story,
    }


def _person_record(p: Person) -> dict[str, Any]:
    """One person page: the name, its other spellings and the roles the sources give."""
    return {
        "id": p.id,
        "name": p.name,
        "aliases": [a.spelling for a in p.aliases],
        "roles": [{"role": r.role, "source": r.source} for r in p.roles],
        "sources": list(p.sources),
        "mentions": len(p.mentions),
        "url": f"people/{p.id}/",
    }


def _quote_record(q: Quote) -> dict[str, Any]:
    """One quote with its speaker and how the speaker was found (``speaker_via``, where the speaker was named)."""
    return {
        "id": q.id,
        "source": q.source,
        "text": q.text,
        "speaker": q.speaker,
        "speaker_text": q.speaker_text,
        "cue": q.cue,
        "partial": q.partial,
        "start": q.start,
        "end": q.end,
        "group": q.group,
        "url": f"sources/{q.source}/#{q.id}",
        "speaker_name": q.speaker_name,
        "speaker_via": q.speaker_via,
        "speaker_named": (
            {"start": q.speaker_name_start, "end": q.speaker_name_end, "sentence": q.speaker_named_in}
            if q.speaker_named_in is not None else None
        ),
    }


def _event_record(e: Event) -> dict[str, Any]:
    """One timeline event with the reports of it in each source."""
    return {
        "id": e.id,
        "date": e.date,
        "date_text": e.date_text,
        "resolved_from": e.resolved_from,
        "text": e.text,
        "sources": list(e.sources),
        "people": list(e.people),
        "upcoming": e.upcoming,
        "disputed": e.disputed,
        "reports": [{"source": r.source, "text": r.text, "date_text": r.date_text} for r in e.reports],
        "url": f"timeline/#{e.id}",
    }


def _position_record(p: Position) -> dict[str, Any]:
    """One actor's stance on one issue, with the sentence (and quote) that shows it."""
    return {
        "id": p.id,
        "actor": p.actor,
        "actor_names": list(p.actor_names),
        "issue": p.issue,
        "stance": p.stance,
        "text": p.text,
        "source": p.source,
        "quote": p.quote,
        "clause": p.clause,
    }


def _comparison_record(comparison: Comparison) -> dict[str, Any]:
    """The source comparison: per-source counts, facts by who reports them, and the accounts' differences."""
    return {
        "sources": [
            {"source": r.source, "words": r.words, "people": r.people, "quotes": r.quotes, "events": r.events,
             "only": list(r.only), "omits": list(r.omits), "url": f"compare/#src-{r.source}"}
            for r in comparison.rows
        ],
        "facts": [
            {"id": f.id, "kind": f.kind, "detail": f.detail, "text": f.text, "sources": list(f.sources),
             "reports": [{"source": s, "sentence": i} for s, i in f.reports]}
            for f in comparison.facts
        ],
        "differences": [
            {"kind": d.kind, "text": d.text, "ref": d.ref,
             "reports": [{"source": s, "version": v} for s, v in d.reports]}
            for d in comparison.differences
        ],
    }


def _date_record(d: DateMention) -> dict[str, Any]:
    """One temporal expression as TimeML (TIMEX3): value, type, the date it was resolved against, the rule."""
    return {
        "id": d.id,
        "source": d.source,
        "text": d.text,
        "start": d.start,
        "end": d.end,
        "value": d.timex,
        "type": d.type,
        "kind": d.kind,
        "anchor": d.anchor,
        "resolved_from": d.resolved_from,
        "rule": d.rule_name,
        "how": d.rule,
        "points_to": d.points_to,
    }
