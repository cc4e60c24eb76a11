"""Organisations and places, merged across sources by their normalised name."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from unidecode import unidecode

from generator.model import Entity, EntityMention, Person, SourceFacts
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


def merge_entities(facts: Sequence[SourceFacts], people: Sequence[Person] = ()) -> tuple[Entity, ...]:
    """One Entity per normalised name; an acronym one article defines ("WHO") joins the name it stands for in every
    article, unless articles define it differently. Its name is the one used most, counting an acronym as its
    full name. A name the people stage took as a person's mention ("Sanders" tagged as an organisation) is no
    organisation's or place's mention."""
    aliases = _acronym_aliases(facts)
    of_people = {(m.source, m.start, m.end) for p in people for m in p.mentions}

    def full_name(mention: EntityMention) -> str:
        return mention.expansion or aliases.get(entity_key(mention.text), mention.text)

    groups: dict[str, list[EntityMention]] = defaultdict(list)
    for f in facts:
        for mention in f.entities:
            key = entity_key(full_name(mention))
            if key and (mention.source, mention.start, mention.end) not in of_people:
                groups[key].append(mention)
    entities = []
    for mentions in groups.values():
        names = Counter(full_name(m) for m in mentions)
        labels = Counter(m.label for m in mentions)
        name = min(names, key=lambda n: (-names[n], n))
        label = min(labels, key=lambda lab: (-labels[lab], lab))
        ordered = tuple(sorted(mentions, key=lambda m: (m.source, m.start)))
        entities.append(Entity(slugify(name), name, label, ordered))
    return tuple(sorted(entities, key=lambda e: e.id))


def _acronym_aliases(facts: Sequence[SourceFacts]) -> dict[str, str]:
    """The key of each acronym some article defines → the one name it stands for (as first written)."""
    meanings: dict[str, dict[str, str]] = defaultdict(dict)
    for f in facts:
        for mention in f.entities:
            if mention.expansion:
                meanings[entity_key(mention.text)].setdefault(entity_key(mention.expansion), mention.expansion)
    return {acronym: next(iter(names.values())) for acronym, names in meanings.items() if len(names) == 1}
