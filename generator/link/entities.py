"""Organisations and places, merged across sources by their normalised name."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from unidecode import unidecode

from generator.model import Entity, EntityMention, SourceFacts
from generator.slugs import slugify


# British and American spellings of one name's words: "Centre"/"Center", "Defence"/"Defense",
# "Organisation"/"Organization" ("-our" is left alone: the Labour and Labor parties are two parties)
SPELLINGS = ((re.compile(r"(?<=[a-z][a-z])tre\b"), "ter"), (re.compile(r"(?<=f)ence\b"), "ense"),
             (re.compile(r"(?<=[a-z][a-z])isation"), "ization"))


def entity_key(text: str) -> str:
    """"the Kremlin's" and "Kremlin" share a key; so do "U.S." and "US", and "Arts Centre" and "Arts Center"."""
    text = re.sub(r"^(the)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = unidecode(re.sub(r"['’]s?$", "", text)).lower()
    for pattern, replacement in SPELLINGS:
        text = pattern.sub(replacement, text)
    return re.sub(r"[^a-z0-9]+", "", text)


def merge_entities(facts: Sequence[SourceFacts]) -> tuple[Entity, ...]:
    """One Entity per normalised name; its label and name are the ones used most."""
    groups: dict[str, list[EntityMention]] = defaultdict(list)
    for f in facts:
        for mention in f.entities:
            key = entity_key(mention.text)
            if key:
                groups[key].append(mention)
    entities = []
    for mentions in groups.values():
        names = Counter(m.text for m in mentions)
        labels = Counter(m.label for m in mentions)
        name = min(names, key=lambda n: (-names[n], n))
        label = min(labels, key=lambda lab: (-labels[lab], lab))
        ordered = tuple(sorted(mentions, key=lambda m: (m.source, m.start)))
        entities.append(Entity(slugify(name), name, label, ordered))
    return tuple(sorted(entities, key=lambda e: e.id))
