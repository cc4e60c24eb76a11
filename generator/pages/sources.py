"""One page per source: metadata, the cleaned text with an anchor per paragraph, people, removed furniture."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.model import Briefing, Person, PersonMention, Quote, SourceFacts
from generator.pages.compare import source_anchor
from generator.pages.base import Link, Page, Span, annotate, person_path, plural, shorten, source_path


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


def _mention_spans(by_source: _BySource, source_id: str) -> list[Span]:
    spans = [Span(mention.start, mention.end, target=person_path(person), title=person.name)
             for person, mention in by_source.mentions.get(source_id, ())]
    spans.extend(Span(quote.start, quote.end, mark_id=quote.id) for quote in by_source.quotes.get(source_id, ()))
    return spans


def source_page(briefing: Briefing, facts: SourceFacts, by_source: _BySource | None = None) -> Page:
    source = facts.source
    path = source_path(source)
    by_source = by_source or _BySource.of(briefing)
    spans = _mention_spans(by_source, source.id)
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
        Link(person_path(person), None, facts.sentences[m.sentence].text, f"p{facts.sentences[m.sentence].paragraph + 1}")
        for person, m in mentioned
    )
    quotes = list(by_source.quotes.get(source.id, ()))
    return Page(
        path=path,
        template="source.md.j2",
        title=source.title,
        description=shorten(f"{source.label}: {source.title}. " + (source.paragraphs[0].text if source.paragraphs else ""), 200),
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
        context={"rows": rows},
    )
