"""One page per source: metadata, the cleaned text with an anchor per paragraph, people, removed furniture."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from generator.ingest.metadata import same_title
from generator.model import Briefing, Paragraph, Person, PersonMention, Quote, Source, SourceFacts
from generator.pages.compare import source_anchor
from generator.pages.base import Link, Page, Span, annotate, person_path, plural, shorten, source_path, whole_quote


def source_description(source: Source) -> str:
    """ "Outlet: title. The first paragraph that does not repeat the title." """
    title = source.title.rstrip("…").strip()
    lead = next((p.text for p in source.paragraphs
                 if not same_title(p.text, source.title) and not p.text.startswith(title)), "")
    head = f"{source.outlet}: {source.title}" if source.outlet else source.title
    if not lead:
        return shorten(head, 200)
    return shorten(f"{head} {lead}" if head.endswith(("…", ".", "?", "!")) else f"{head}. {lead}", 200)


@dataclass(frozen=True)
class _BySource:
    """Each source's person mentions (in the order of the people, then of their mentions) and quotes, found
    in one pass instead of one pass over every person and quote per source page."""

    mentions: dict[str, list[tuple[Person, PersonMention]]]
    quotes: dict[str, list[Quote]]

    @classmethod
    def of(cls, briefing: Briefing) -> _BySource:
        mentions: dict[str, list[tuple[Person, PersonMention]]] = defaultdict(list)
        for person in briefing.people:
            for mention in person.mentions:
                mentions[mention.source].append((person, mention))
        quotes: dict[str, list[Quote]] = defaultdict(list)
        for quote in briefing.quotes:
            quotes[quote.source].append(quote)
        return cls(mentions, quotes)


def source_pages(briefing: Briefing) -> list[Page]:
    by_source = _BySource.of(briefing)
    pages = [source_index(briefing, by_source)]
    for facts in briefing.facts:
        pages.append(source_page(briefing, facts, by_source))
    return pages


def _mention_spans(briefing: Briefing, by_source: _BySource, source_id: str) -> list[Span]:
    spans = [Span(mention.start, mention.end, target=person_path(person), title=person.name)
             for person, mention in by_source.mentions.get(source_id, ())]
    source = briefing.source(source_id)
    for quote in by_source.quotes.get(source_id, ()):
        spans.extend(quote_marks(quote.id, quote.start, quote.end, source.paragraphs))
    return spans


def quote_marks(quote_id: str, start: int, end: int, paragraphs: Sequence[Paragraph]) -> list[Span]:
    """A quote's mark in every paragraph it spans: the first carries the quote's id (the anchor links point to),
    the next ones ``<id>-c2``, ``<id>-c3``…, so a quote over several paragraphs is highlighted in each."""
    pieces = [(max(start, p.start), min(end, p.end)) for p in paragraphs if p.start < end and start < p.end]
    pieces = [(a, b) for a, b in pieces if a < b] or [(start, end)]
    return [
        Span(a, b, mark_id=quote_id if n == 1 else f"{quote_id}-c{n}") for n, (a, b) in enumerate(pieces, start=1)
    ]


def source_page(briefing: Briefing, facts: SourceFacts, by_source: _BySource | None = None) -> Page:
    source = facts.source
    path = source_path(source)
    by_source = by_source or _BySource.of(briefing)
    spans = _mention_spans(briefing, by_source, source.id)
    paragraphs = [
        {"anchor": p.anchor, "text": annotate(path, p.text, p.start, spans)} for p in source.paragraphs
    ]
    mentioned = by_source.mentions.get(source.id, [])
    counts = Counter(person.id for person, _ in mentioned)
    present = list({person.id: person for person, _ in mentioned}.values())  # in the order of the people
    people = [
        {"person": person, "path": person_path(person), "count": counts[person.id]}
        for person in sorted(present, key=lambda p: (-counts[p.id], p.name))
    ]
    links = tuple(
        Link(person_path(person), None, whole_quote(facts.sentences, m.sentence), f"p{facts.sentences[m.sentence].paragraph + 1}")
        for person, m in mentioned
    )
    quotes = list(by_source.quotes.get(source.id, ()))
    return Page(
        path=path,
        template="source.md.j2",
        title=source.title,
        description=source_description(source),
        context={
            "source": source,
            "paragraphs": paragraphs,
            "people": people,
            "quotes": quotes,
            "removed": source.removed,
            "origins": dict(source.origins),
            "compare_anchor": source_anchor(source.id),
        },
        links=links,
    )


def source_index(briefing: Briefing, by_source: _BySource | None = None) -> Page:
    by_source = by_source or _BySource.of(briefing)
    rows = []
    for facts in briefing.facts:
        source = facts.source
        people = {p.id for p, _ in by_source.mentions.get(source.id, ())}
        rows.append({"source": source, "path": source_path(source), "people": len(people)})
    return Page(
        path="sources/index.md",
        template="sources.md.j2",
        title="Sources",
        description=f"The {plural(len(rows), 'article')} this briefing is built from.",
        context={"rows": rows, "skipped": briefing.skipped, "warnings": briefing.warnings},
    )
