"""The cross-document stage: from per-source facts to one Briefing (people, entities, quotes, events)."""

from __future__ import annotations

import logging
from dataclasses import replace
from collections.abc import Mapping, Sequence
from typing import Any

from generator.link.compare import compare_sources
from generator.link.entities import merge_entities
from generator.model import Briefing, SourceFacts
from generator.link.people import merge_people
from generator.link.permalinks import inherit_ids
from generator.link.positions import build_positions
from generator.link.quote_groups import group_statements, resolve_speakers
from generator.link.story import story_pairs, tell_story
from generator.link.timeline import build_timeline

log = logging.getLogger(__name__)


def link(facts: Sequence[SourceFacts], previous: Mapping[str, Any] | None = None) -> Briefing:
    """Merge people and entities across sources, attribute and align quotes, build the timeline and the
    positions, keep the previous build's ids (``previous`` is its facts.json), and compare the sources."""
    people = merge_people(facts)
    entities = merge_entities(facts, people)
    quotes = resolve_speakers(facts, people)
    dates, events, stories = build_timeline(facts, people, entities, quotes)
    quotes, groups = group_statements(facts, quotes, stories)  # within each story the folder holds
    positions = build_positions(facts, people, entities, quotes)
    log.info("linked %d people, %d entities, %d quotes in %d groups, %d events",
             len(people), len(entities), len(quotes), len(groups), len(events))
    briefing = Briefing(
        sources=tuple(f.source for f in facts),
        facts=tuple(facts),
        people=people,
        entities=entities,
        quotes=quotes,
        quote_groups=groups,
        events=events,
        dates=dates,
        positions=positions,
        stories=stories,
    )
    briefing = inherit_ids(briefing, previous)
    pairs = story_pairs(briefing)  # the sentences' pairs, scored once for the comparison and the key points
    briefing = replace(briefing, comparison=compare_sources(briefing, pairs))
    return replace(briefing, story=tell_story(briefing, pairs))
