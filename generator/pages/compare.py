"""The source comparison page: a row per source, who reported what, what only one outlet carries, what most
carry and one leaves out, and where the accounts differ. Each source has a section ``#src-<id>`` that its
source page links to."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from generator.model import Briefing, Difference, Fact, SourceRow
from generator.pages.base import (
    QUOTES_PATH, TIMELINE_PATH, Link, Page, paragraph_anchor, person_path, plural, shorten, source_path,
)

COMPARE_PATH = "compare.md"
MAX_ROWS = 15  # rows per block of the who-reported-what matrix


def source_anchor(source_id: str) -> str:
    return "src-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in source_id)


def _report_links(briefing: Briefing, reports) -> list[dict]:
    out, seen = [], set()
    for source_id, sentence in reports:
        if (source_id, sentence) in seen:
            continue
        seen.add((source_id, sentence))
        out.append({"source": briefing.source(source_id), "anchor": paragraph_anchor(briefing, source_id, sentence)})
    return out


def _fact_row(briefing: Briefing, fact: Fact) -> dict:
    first = fact.reports[0] if fact.reports else None
    context = briefing.facts_of(first[0]).sentences[first[1]].text if first else fact.text
    return {
        "fact": fact,
        "anchor": fact.id,
        "context": context if fact.kind == "detail" else None,
        "short": shorten(fact.text, 200),
        "reports": _report_links(briefing, fact.reports),
        "sources": [briefing.source(s) for s in fact.sources],
    }


def _matrix(briefing: Briefing) -> list[dict]:
    """Blocks of rows (people, quote groups, events) × sources, each cell marking whether the source has it."""
    ids = [s.id for s in briefing.sources]
    people = sorted(briefing.people, key=lambda p: (-len(p.sources), -len(p.mentions), p.name))[:MAX_ROWS]
    groups = sorted(briefing.quote_groups, key=lambda g: (-len(g.sources), g.id))[:MAX_ROWS]
    events = sorted(briefing.events, key=lambda e: (-len(e.sources), e.date, e.id))[:MAX_ROWS]
    speakers = {p.id: p.name for p in briefing.people}
    blocks = [
        {"title": "People", "rows": [
            {"label": p.name, "target": person_path(p), "anchor": None, "cells": [s in p.sources for s in ids]}
            for p in people]},
        {"title": "Quotes", "rows": [
            {"label": f"{speakers.get(g.speaker or '', g.speaker_text or 'unknown')}: “{shorten(g.text or '', 70)}”",
             "target": QUOTES_PATH, "anchor": g.id, "cells": [s in g.sources for s in ids]}
            for g in groups]},
        {"title": "Events", "rows": [
            {"label": f"{e.date}: {shorten(e.text, 70)}", "target": TIMELINE_PATH, "anchor": e.id,
             "cells": [s in e.sources for s in ids]}
            for e in events]},
    ]
    return [b for b in blocks if b["rows"]]


def compare_page(briefing: Briefing) -> Page:
    """The comparison page: a row per source (``_source_row``), the who-reported-what matrix, the differences
    (``_difference``); it links each fact only one source carries to the paragraphs that tell it."""
    comparison = briefing.comparison
    facts = {f.id: f for f in comparison.facts}
    rows = [_source_row(briefing, row, facts) for row in comparison.rows]
    differences = [_difference(briefing, d) for d in comparison.differences]
    only_total = sum(len(r["only"]) for r in rows)
    return Page(
        path=COMPARE_PATH,
        template="compare.md.j2",
        title="Compare sources",
        description=shorten(
            f"What each of the {plural(len(rows), 'source')} reports: {plural(only_total, 'fact')} only one carries, "
            f"{plural(len(differences), 'difference')} between the accounts.", 200),
        context={
            "rows": rows,
            "sources": [briefing.source(r.source) for r in comparison.rows],
            "anchors": {r.source: source_anchor(r.source) for r in comparison.rows},
            "matrix": _matrix(briefing),
            "differences": differences,
        },
        links=_only_links(rows),
    )


def _source_row(briefing: Briefing, row: SourceRow, facts: Mapping[str, Fact]) -> dict:
    """A source's section: its row, its anchor, the facts only it carries and those it leaves out."""
    source = briefing.source(row.source)
    return {
        "row": row,
        "source": source,
        "anchor": source_anchor(source.id),
        "only": [_fact_row(briefing, facts[i]) for i in row.only if i in facts],
        "omits": [_fact_row(briefing, facts[i]) for i in row.omits if i in facts],
    }


DIFFERENCE_TARGETS = {"wording": QUOTES_PATH, "date": TIMELINE_PATH}  # the page a difference's ``ref`` is on


def _difference(briefing: Briefing, d: Difference) -> dict:
    """A difference: its text shortened, the page and anchor of what it refers to (a quote group, an event; none
    for a number), and each source's version with the paragraph it stands in."""
    return {
        "difference": d,
        "short": shorten(d.text, 120),
        "target": DIFFERENCE_TARGETS.get(d.kind),
        "anchor": d.ref if d.kind in DIFFERENCE_TARGETS else None,
        "reports": [
            {"source": briefing.source(source_id), "version": shorten(version, 200),
             "anchor": paragraph_anchor(briefing, source_id, sentence)}
            for (source_id, version), (_, sentence) in zip(d.reports, _align(d))
        ],
    }


def _only_links(rows: Sequence[dict]) -> tuple[Link, ...]:
    """A link per paragraph telling a fact only one source carries: the sentence, or for a detail the sentence it
    stands in."""
    return tuple(
        Link(source_path(r["source"]), rep["anchor"], f["fact"].text if f["fact"].kind == "sentence" else (f["context"] or f["fact"].text), f["anchor"])
        for r in rows for f in r["only"] for rep in f["reports"]
    )


def _align(d) -> list[tuple[str, int]]:
    """The sentence of each report of a difference (same source order), falling back to the source's first."""
    by_source: dict[str, list[int]] = {}
    for source_id, sentence in d.sentences:
        by_source.setdefault(source_id, []).append(sentence)
    return [(s, (by_source.get(s) or [0])[0]) for s, _ in d.reports]


def compare_pages(briefing: Briefing) -> list[Page]:
    return [compare_page(briefing)]
