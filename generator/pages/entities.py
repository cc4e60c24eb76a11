"""Organisations and places: one page listing each with an anchor, its sources and its sentences."""

from __future__ import annotations

from generator.model import Briefing
from generator.pages.base import ENTITIES_PATH, Link, Page, plural, source_path

LABELS = {"ORG": "Organisations", "GPE": "Countries, cities and states", "LOC": "Places",
          "NORP": "Nationalities and groups", "FAC": "Buildings and facilities"}


def entities_page(briefing: Briefing) -> Page:
    sentences = {f.source.id: f.sentences for f in briefing.facts}
    groups = []
    for label, heading in LABELS.items():
        rows = []
        for entity in sorted(briefing.entities, key=lambda e: (-len(e.mentions), e.name)):
            if entity.label != label:
                continue
            first = entity.mentions[0]
            sentence = sentences[first.source][first.sentence]
            rows.append({
                "entity": entity,
                "sources": [briefing.source(s) for s in entity.sources],
                "example": sentence.text,
                "example_source": briefing.source(first.source),
                "example_anchor": f"p{sentence.paragraph + 1}",
            })
        if rows:
            groups.append({"heading": heading, "rows": rows})
    links = tuple(
        Link(source_path(row["example_source"]), row["example_anchor"], row["example"], "e-" + row["entity"].id)
        for group in groups for row in group["rows"]
    )
    return Page(
        path=ENTITIES_PATH,
        template="entities.md.j2",
        title="Organisations and places",
        description=f"The {plural(len(briefing.entities), 'organisation and place', 'organisations and places')} named in the sources.",
        context={"groups": groups},
        links=links,
    )
