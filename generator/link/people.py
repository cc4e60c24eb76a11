"""Cross-document people: check the PERSON mentions, merge spellings into one person each.

Merging works on *name keys*: each word of a name in ASCII, lower case, with transliteration variants
folded (rules/people.yaml), so "Zelenskiy", "Zelenskyy" and "Zelensky" share the key "zelensky".
A full name ("Volodymyr Zelenskiy") makes a person; a surname alone ("Mr Zelensky", "Zelenskyy") joins
the one person with that surname, preferring people named in the same article, and stays apart when
two people share the surname and nothing tells them apart.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from unidecode import unidecode

from generator.extract.speakers import known_first_name
from generator.link import wordnet
from generator.model import Alias, NameCandidate, Person, PersonMention, Role, Slug, SourceFacts
from generator.rules import load_rules
from generator.slugs import slugify

log = logging.getLogger(__name__)

NON_PERSON_LABELS = ("GPE", "LOC", "NORP", "ORG", "FAC")


# ------------------------------------------------------------------------------------------ name keys


@lru_cache(maxsize=None)
def _transliteration(kind: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), repl) for pattern, repl in load_rules("people")["transliteration"][kind])


@lru_cache(maxsize=None)
def organisation_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules("people")["organisation_words"])


def organisation_word(word: str) -> bool:
    """Whether a word is one of ``organisation_words``, written with full stops or not ("Inc.", "K.K.")."""
    return word.lower().replace(".", "") in organisation_words()


@lru_cache(maxsize=None)
def _particles() -> frozenset[str]:
    return frozenset(load_rules("people")["particles"])


@lru_cache(maxsize=4096)
def word_key(word: str, kinds: tuple[str, ...] = ("endings", "letters")) -> str:
    """A name word folded for comparison: ASCII, lower case, transliteration variants merged."""
    key = re.sub(r"[^a-z]", "", unidecode(word).lower())
    for kind in kinds:
        for pattern, repl in _transliteration(kind):
            key = pattern.sub(repl, key)
    return key


def name_words(name: str) -> tuple[str, ...]:
    """The words of a name; "O' Leary" (a space some texts put after the apostrophe) is one word, "O'Leary"."""
    name = re.sub(r"(?<![^\W\d_])([^\W\d_][’'])\s+(?=[^\W\d_])", r"\1", name.strip())
    return tuple(w for w in re.split(r"\s+", name) if w)


def name_phrase_key(name: str) -> str:
    """A multi-word name as one key ("mato grosso"), for the label evidence of whole names."""
    return " ".join(word_key(w) for w in name_words(name))


def name_key(name: str) -> tuple[str, ...]:
    """The key of a whole name; particles are kept ("von der leyen"), generational suffixes ("Jr.") are not."""
    key = tuple(word_key(w) for w in name_words(name) if word_key(w))
    suffixes = _suffixes()
    while len(key) > 1 and key[-1] in suffixes:
        key = key[:-1]
    return key


@lru_cache(maxsize=None)
def _suffixes() -> frozenset[str]:
    return frozenset(word_key(w) for w in load_rules("people")["suffixes"])


def _short_key(key: tuple[str, ...]) -> tuple[str, str]:
    """(first name, surname): a leading initial gives way to the next word ("W. Mark Felt" → mark felt)."""
    first = key[1] if len(key) > 2 and len(key[0]) == 1 else key[0]
    return first, key[-1]


def surname_key(name: str) -> str:
    """The last word of the name, which is how articles shorten it ("Mr Putin")."""
    key = name_key(name)
    return key[-1] if key else ""


def rule_phrases(key: str) -> tuple[tuple[str, ...], ...]:
    """Rule phrases as word tuples, longest first, so "col gen" is tried before "col"."""
    return _phrase_table(key)


@lru_cache(maxsize=None)
def _phrase_table(key: str) -> tuple[tuple[str, ...], ...]:
    phrases = {tuple(w.lower().rstrip(".") for w in p.split()) for p in load_rules("people")[key]}
    return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


def leading_phrase(words: Sequence[str], key: str) -> int:
    """How many leading words form an honorific or title phrase (``key`` names the rule list); 0 if none."""
    lowered = tuple(w.lower().rstrip(".") for w in words)
    for phrase in rule_phrases(key):
        if lowered[: len(phrase)] == phrase:
            return len(phrase)
    return 0


def strip_titles(name: str) -> str:
    """"Mr Putin" → "Putin", "Col Gen Syrskyi" → "Syrskyi" (never strips the last word)."""
    words = list(name_words(name))
    for key in ("honorifics", "titles"):
        count = leading_phrase(words, key)
        if 0 < count < len(words):
            words = words[count:]
    return " ".join(words)


# ------------------------------------------------------------------------------------------ validity


def is_name_shaped(name: str) -> bool:
    """Capitalised words of letters (with inner hyphens or apostrophes), particles allowed, no line break."""
    if "\n" in name or not name.strip():
        return False
    words = name_words(name)
    if len(words) > 5:
        return False
    for index, word in enumerate(words):
        if word.lower() in _particles() and 0 < index < len(words) - 1:
            continue
        if not re.fullmatch(r"[^\W\d_](?:[^\W\d_]|['’.-](?=[^\W\d_]))*\.?", word):
            return False
        if not word[0].isupper():
            return False
        # "Walker's Greensboro-area": a possessive inside a name, or a hyphen before a lower-case word
        if re.search(r"-[a-z]", word) or (index < len(words) - 1 and re.search(r"['’]s$", word)):
            return False
    return True


@dataclass(frozen=True)
class Evidence:
    """What the whole corpus says about single words: how often spaCy labels them as what."""

    labels: dict[str, Counter[str]]
    # names the corpus writes before an organisation word as an organisation's or a building's name ("Betty Ford"
    # of "the Betty Ford Center")
    thing_heads: frozenset[str] = frozenset()
    # words the corpus writes inside a name of several words of an organisation, place or facility ("Ford" of
    # "Ford Motor Co."): alone, such a word may be the thing
    thing_words: frozenset[str] = frozenset()
    # (source, offset) of person mentions that speak in their own right: the named subject of a reporting clause
    # ("“…,” Meghan said"), not a speaker found through a pronoun or a description
    speakers: frozenset[tuple[str, int]] = frozenset()

    @classmethod
    def collect(cls, facts: Sequence[SourceFacts]) -> "Evidence":
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        heads: set[str] = set()
        thing_words: set[str] = set()
        organisation = organisation_words()
        for f in facts:
            for entity in f.entities:
                words = name_words(entity.text)
                for word in words:
                    labels[word_key(word)][entity.label] += 1
                if len(words) > 1:
                    labels[name_phrase_key(entity.text)][entity.label] += 1
                    thing_words.update(word_key(word) for word in words)
                if len(words) > 2 and words[-1].lower() in organisation:
                    heads.add(name_phrase_key(" ".join(words[:-1])))
            for mention in f.people:
                words = name_words(mention.name)
                for word in words:
                    labels[word_key(word)]["PERSON"] += 1
                if len(words) > 1:
                    labels[name_phrase_key(mention.name)]["PERSON"] += 1
        speakers = frozenset(
            (q.source, q.speaker_name_start) for f in facts for q in f.quotes
            if q.speaker_via in ("cue", "colon") and q.speaker_name_start is not None
        )
        return cls(dict(labels), frozenset(heads), frozenset(thing_words), speakers)

    def speaks(self, mention: PersonMention) -> bool:
        return (mention.source, mention.start) in self.speakers

    def names_a_thing(self, name: str) -> bool:
        """Whether the corpus writes this full name as the head of an organisation's or a building's name."""
        return name_phrase_key(name) in self.thing_heads

    def nationality(self, word: str) -> bool:
        """Whether the word is used mostly as a nationality or group ("Ukrainian"), which no name contains.
        A majority, not one tag: one stray NORP tag on "Lohan" must not drop every "Lindsay Lohan"."""
        counts = self.labels.get(word_key(word), Counter())
        return counts["NORP"] >= counts["PERSON"]

    def mostly_place_or_org(self, word: str) -> bool:
        """Whether the corpus labels this word (or this whole multi-word name) mostly as a place or organisation."""
        counts = self.labels.get(word_key(word) if len(name_words(word)) == 1 else name_phrase_key(word), Counter())
        return sum(counts[label] for label in NON_PERSON_LABELS) > counts["PERSON"]


_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?|[^\W\d_]")  # "L.", "L.A.", "A"


def initials_only(name: str) -> bool:
    """"L. A.", "U.S.": initials alone name a place or an agency far more often than a person. Judged on the name
    a cluster is known by, after clustering: "W. H. O." dropped as a mention would leave "W. H. O. Doctor" to
    gather every "Doctor" of the story."""
    return all(_INITIALS.fullmatch(w) for w in name_words(name))


def valid_mention(mention: PersonMention, evidence: Evidence) -> bool:
    """A PERSON mention that can be a person's name ("Annexed Ukrainian", "Trump\\nLatest Ukraine" cannot)."""
    if not is_name_shaped(mention.name):
        return False
    words = name_words(mention.name)
    if any(evidence.nationality(w) for w in words):
        return False
    if len(words) > 1 and evidence.mostly_place_or_org(mention.name):
        return False  # "Mato Grosso", "São Paulo": the corpus names this as a place elsewhere
    return True


# ---------------------------------------------------------------------------------------------- merge


@dataclass
class _Cluster:
    key: tuple[str, ...]  # (first-name key, ..., surname key) or (surname key,)
    mentions: list[PersonMention]


def merge_people(facts: Sequence[SourceFacts]) -> tuple["Person", ...]:
    """One Person per real person, however the sources spell and shorten the name."""
    evidence = Evidence.collect(facts)
    mentions = [m for f in facts for m in f.people if valid_mention(m, evidence)]
    clusters = _cluster_full_names(mentions)
    by_surname = _surname_index(clusters.values())
    by_first: dict[str, list[_Cluster]] = defaultdict(list)
    for cluster in clusters.values():
        by_first[cluster.key[0]].append(cluster)
    by_middle = _middle_name_index(clusters.values())
    singles: dict[str, _Cluster] = {}
    for mention in mentions:
        key = name_key(mention.name)
        if len(key) > 1:
            continue
        # In the same article first: "Meadows" and "Pete" are the Mark Meadows and Pete Buttigieg named there, and
        # "Etienne" the Camille Etienne Roe named there with that middle name (two of them: nobody elsewhere).
        middle = by_middle.get((mention.source, key[-1]), [])
        target = (
            _local_owner(key[-1], mention.source, by_surname)
            or _local_owner(key[-1], mention.source, by_first)
            or (middle[0] if len(middle) == 1 else None)
            or (None if middle else _surname_owner(key[-1], mention.source, by_surname))
        )
        if target is None:
            target = singles.setdefault(key[-1], _Cluster((key[-1],), []))
        target.mentions.append(mention)
    candidates = list(clusters.values()) + list(singles.values())
    kept = [c for c in candidates if _corroborated(c, evidence) and not initials_only(canonical_name(c.mentions))]
    kept = _add_candidates(kept, [c for f in facts for c in f.name_candidates], evidence)
    people = [_person(cluster) for cluster in kept]
    return _unique_ids(sorted(people, key=lambda p: p.id))


def _cluster_full_names(mentions: Iterable[PersonMention]) -> dict[tuple[str, ...], _Cluster]:
    """Full names grouped by (first name, surname) keys; middle names and initials do not split people."""
    clusters: dict[tuple[str, ...], _Cluster] = {}
    longer: list[tuple[tuple[str, ...], PersonMention]] = []
    for mention in mentions:
        key = name_key(mention.name)
        if len(key) < 2:
            continue
        if len(key) > 2:
            longer.append((key, mention))
            continue
        short = _short_key(key)
        clusters.setdefault(short, _Cluster(short, [])).mentions.append(mention)
    for key, mention in longer:
        # A longer name that starts with a known full name is that person: "Pierre Thomas Placed" and
        # "Esther Williams Dies" (title-case headlines) are Pierre Thomas and Esther Williams.
        known = next((key[:k] for k in range(2, len(key)) if _short_key(key[:k]) in clusters), None)
        short = _short_key(known) if known else _short_key(key)
        clusters.setdefault(short, _Cluster(short, [])).mentions.append(mention)
    return {c.key: c for cluster in clusters.values() for c in _split_by_middle_initials(cluster)}


_INITIAL = re.compile(r"(?:[A-Z]\.?){1,3}")


def middle_initials(name: str) -> str | None:
    """The middle initials of a name written with them ("George H.W. Bush" → "hw"), else None.

    Only initials count: a full middle name is often dropped or spelt out elsewhere, initials are how
    American names tell a father from a son ("George H.W. Bush", "George W. Bush")."""
    words = name_words(strip_titles(name))
    if len(words) > 1 and _INITIAL.fullmatch(words[0]):
        words = words[1:]  # a leading initial stands for the first name ("W. Mark Felt")
    middle = words[1:-1]
    if not middle or not all(_INITIAL.fullmatch(w) for w in middle):
        return None
    return "".join(middle).replace(".", "").lower()


def _split_by_middle_initials(cluster: _Cluster) -> list[_Cluster]:
    """One cluster per set of middle initials when full names of one first name and surname disagree on them.

    A mention without initials ("George Bush") joins the variant named in the same article, if only one is,
    else the variant named most often (then A-Z), since nothing in its words tells the two apart."""
    written = [(mention, middle_initials(mention.name)) for mention in cluster.mentions]
    variants = Counter(initials for _, initials in written if initials)
    if len(variants) < 2:
        return [cluster]
    first, last = cluster.key[0], cluster.key[-1]
    parts = {i: _Cluster((first, i, last), []) for i in sorted(variants)}
    by_source: dict[str, set[str]] = defaultdict(set)
    for mention, initials in written:
        if initials:
            by_source[mention.source].add(initials)
    most = min(variants, key=lambda i: (-variants[i], i))
    for mention, initials in written:
        local = by_source.get(mention.source, set())
        parts[initials or (next(iter(local)) if len(local) == 1 else most)].mentions.append(mention)
    return list(parts.values())


def _surname_index(clusters: Iterable[_Cluster]) -> dict[str, list[_Cluster]]:
    """Full-named people by surname key; a hyphenated surname also under each of its parts ("Pengelly")."""
    by_surname: dict[str, list[_Cluster]] = defaultdict(list)
    for cluster in clusters:
        surname = cluster.key[-1]
        for key in dict.fromkeys([surname, *(part for part in surname.split("-") if len(part) > 2)]):
            by_surname[key].append(cluster)
    return by_surname


def _local_owner(word: str, source: str, index: dict[str, list[_Cluster]]) -> _Cluster | None:
    """The one person of ``index[word]`` named in full in the same article, if exactly one is."""
    local = [c for c in index.get(word, []) if _named_here(c, source)]
    return local[0] if len(local) == 1 else None


def _middle_name_index(clusters: Iterable[_Cluster]) -> dict[tuple[str, str], list[_Cluster]]:
    """Full-named people by (article, middle name key): the words between first name and surname as each
    article writes them ("Camille Etienne Roe" → etienne; a surname of two words, or a second given name, that
    the article may write alone: "Etienne said")."""
    index: dict[tuple[str, str], list[_Cluster]] = defaultdict(list)
    for cluster in clusters:
        for mention in cluster.mentions:
            for word in name_key(mention.name)[1:-1]:
                if not any(c is cluster for c in index[(mention.source, word)]):
                    index[(mention.source, word)].append(cluster)
    return index


def _named_here(cluster: _Cluster, source: str) -> bool:
    """Whether the article names this person in full (two words or more)."""
    return any(m.source == source and len(name_key(m.name)) > 1 for m in cluster.mentions)


def _unusual_surname_here(candidate: NameCandidate, owner: _Cluster, evidence: Evidence) -> bool:
    """spaCy's small model often tags an unusual surname as an organisation or a place wherever it stands alone
    ("Hasib said", "Tegnell laughed"). Such a word is the person the same article names in full when WordNet
    does not know it as a word (not "Ford", "Falcon", "Warren"), the corpus never writes it inside the name of a
    thing ("Ford Motor Co."), and the article does not write it as a place there ("in Hasib")."""
    return (
        _named_here(owner, candidate.source)
        and not candidate.place_cue
        and word_key(candidate.text) not in evidence.thing_words
        and wordnet.available()
        and not wordnet.noun_classes(candidate.text.lower(), 99)
    )


def _surname_owner(surname: str, source: str, by_surname: dict[str, list[_Cluster]]) -> _Cluster | None:
    """The full-named person a bare surname refers to: the only one with that surname, or the only one
    named in the same article. None when nobody, or more than one person, fits."""
    owners = by_surname.get(surname, [])
    if len(owners) == 1:
        return owners[0]
    local = [c for c in owners if any(m.source == source for m in c.mentions)]
    if len(local) == 1:
        return local[0]
    return None


def _corroborated(cluster: _Cluster, evidence: Evidence) -> bool:
    """Whether a cluster is a person and not a mislabelled place or fragment.

    A full name is enough. A bare single name needs more: spaCy's small model tags places such as
    "Kyiv" as people, so a lone word counts only when an article writes it with an honorific, a title or a
    role, or it is a first name of the name list that speaks in its own right ("“…,” Meghan said": no place
    says anything), and the corpus does not mostly label the word as a place or organisation.
    """
    if len(cluster.key) > 1:
        # "at Betty Ford" where the story names "the Betty Ford Center": the clinic, unless a title or role says
        # a person is meant
        return not evidence.names_a_thing(canonical_name(cluster.mentions)) or _titled_or_role(cluster)
    word = cluster.mentions[0].name
    if evidence.mostly_place_or_org(word):
        return False
    return _titled_or_role(cluster) or any(evidence.speaks(m) for m in cluster.mentions) and known_first_name(word)


def _titled_or_role(cluster: _Cluster) -> bool:
    return any(m.titled or m.role for m in cluster.mentions)


def _add_candidates(
    clusters: list[_Cluster], candidates: Sequence[NameCandidate], evidence: Evidence
) -> list[_Cluster]:
    """Proper nouns spaCy did not tag as people but that spell a known person's surname become mentions."""
    by_surname = _surname_index(clusters)
    covered = {(m.source, m.start) for c in clusters for m in c.mentions}
    for candidate in candidates:
        if (candidate.source, candidate.start) in covered:
            continue
        owner = _surname_owner(word_key(candidate.text), candidate.source, by_surname)
        if owner is None:
            continue
        if evidence.mostly_place_or_org(candidate.text) and not _unusual_surname_here(candidate, owner, evidence):
            continue
        owner.mentions.append(
            PersonMention(
                source=candidate.source,
                text=candidate.text,
                name=candidate.text,
                start=candidate.start,
                end=candidate.end,
                sentence=candidate.sentence,
            )
        )
    return clusters


def _person(cluster: _Cluster) -> Person:
    mentions = tuple(sorted(cluster.mentions, key=lambda m: (m.source, m.start)))
    name = canonical_name(mentions)
    return Person(
        id=person_slug(name),
        name=name,
        aliases=_aliases(mentions),
        roles=_roles(mentions),
        mentions=mentions,
    )


def canonical_name(mentions: Sequence[PersonMention]) -> str:
    """The full name (two words or more) used most, counting longer forms that start with it; ties go to the
    longer form, then the most used surname spelling, then A–Z. A one-off longer form ("Esther Williams Dies"
    in a headline) does not win."""
    written = [" ".join(name_words(m.name)) for m in mentions]  # "O' Leary" shown as "O'Leary"
    full = [name for name in written if len(name_words(name)) > 1] or written
    surnames = Counter(name_words(m.name)[-1] for m in mentions)
    forms = Counter(full)

    def support(form: str) -> int:  # the mentions written this way or starting this way
        words = name_words(form)
        return sum(count for other, count in forms.items() if name_words(other)[: len(words)] == words)

    best = min(forms, key=lambda n: (-support(n), -len(name_words(n)), -surnames[name_words(n)[-1]], _shouted(n), n))
    return _unshouted(best, [m.name for m in mentions]) if _shouted(best) else best


def _shouted(name: str) -> bool:
    """A name of several words in capitals ("THERESA MAYBURY" in a headline or a caption; "JFK" is a name)."""
    return len(name_words(name)) > 1 and sum(c.isalpha() for c in name) > 3 and name.upper() == name


def _unshouted(name: str, spellings: Sequence[str]) -> str:
    """A name in capitals as the other spellings write its words ("MAYBURY" → "Maybury"), else each part
    capitalised ("O'NEILL-WARD" → "O'Neill-Ward")."""
    cases = {w.casefold(): w for s in spellings if not _shouted(s) for w in name_words(s)}
    words = [cases.get(w.casefold()) or re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), w)
             for w in name_words(name)]
    return " ".join(words)


def person_slug(name: str) -> Slug:
    """The URL id of a person, from the folded name key, so a new spelling never moves the page."""
    key = _slug_words(name_words(name))
    return slugify("-".join((key[0], key[-1]) if len(key) > 1 else key))


def _slug_words(words: Sequence[str]) -> list[str]:
    """The words of a name as a slug writes them: folded for spelling variants, empty ones left out."""
    return [k for k in (word_key(w, ("endings",)) for w in words) if k]


def _whole_name_slug(name: str) -> Slug:
    """The person's slug with the middle initials between its words ("george-hw-bush"), else every word."""
    initials = middle_initials(name)
    words = name_words(strip_titles(name))
    if initials:
        words = (words[0], initials, words[-1])
    return slugify("-".join(_slug_words(words)))


def _aliases(mentions: Sequence[PersonMention]) -> tuple[Alias, ...]:
    spellings: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        spellings[mention.name].add(mention.source)
    return tuple(Alias(spelling, tuple(sorted(sources))) for spelling, sources in sorted(spellings.items()))


def _roles(mentions: Sequence[PersonMention]) -> tuple[Role, ...]:
    seen: dict[tuple[str, str], Role] = {}
    for mention in mentions:
        if mention.role:
            key = (mention.role.lower(), mention.source)
            seen.setdefault(key, Role(mention.role, mention.source))
    return tuple(sorted(seen.values(), key=lambda r: (r.role.lower(), r.source)))


def _unique_ids(people: list[Person]) -> tuple[Person, ...]:
    """Two people whose names fold to the same slug are told apart by their whole names ("george-w-bush",
    "george-hw-bush") when those differ, else get numbered ids, in a stable order."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, person in enumerate(people):
        groups[person.id].append(index)
    ids = [p.id for p in people]
    for slug, members in groups.items():
        if len(members) < 2:
            continue
        whole = [_whole_name_slug(people[i].name) for i in members]
        distinct = len(set(whole)) == len(whole) and not set(whole) & set(groups)
        for number, (index, name_slug) in enumerate(zip(members, whole), start=1):
            ids[index] = name_slug if distinct else Slug(f"{slug}-{number}")
    return tuple(sorted((replace(p, id=i) for p, i in zip(people, ids)), key=lambda p: p.id))


# --------------------------------------------------------------------------------------------- lookup


def _other_first_name(key: tuple[str, ...], person: Person) -> bool:
    """A full name whose first name no full spelling of ``person`` shares ("Dixon Hall" is not Arsenio Hall; an
    initial agrees with any first name of its letter)."""
    if len(key) < 2:
        return False
    firsts = [k[0] for k in (name_key(a.spelling) for a in person.aliases) if len(k) > 1]
    return bool(firsts) and not any(f == key[0] or (min(len(f), len(key[0])) == 1 and f[0] == key[0][0]) for f in firsts)


@dataclass(frozen=True)
class PeopleIndex:
    """Find the person a name or a mention refers to (used to attribute quotes and events).

    Tables by source, name key and surname key are built on first use, so that a lookup does not scan every
    person of a big story; each keeps the order of ``people``, so the answers are those of a scan."""

    people: tuple[Person, ...]

    @cached_property
    def _mentions_by_source(self) -> dict[str, list[tuple[PersonMention, Person]]]:
        table: dict[str, list[tuple[PersonMention, Person]]] = defaultdict(list)
        for person in self.people:
            for mention in person.mentions:
                table[mention.source].append((mention, person))
        return table

    @cached_property
    def _by_key(self) -> tuple[dict[tuple[str, ...], list[Person]], dict[str, list[Person]]]:
        """People by the name key and by the surname key of any of their spellings."""
        full: dict[tuple[str, ...], list[Person]] = defaultdict(list)
        surname: dict[str, list[Person]] = defaultdict(list)
        for person in self.people:
            for key in dict.fromkeys(name_key(a.spelling) for a in person.aliases):
                full[key].append(person)
            for key in dict.fromkeys(surname_key(a.spelling) for a in person.aliases):
                surname[key].append(person)
        return full, surname

    def by_offset(self, source: str, start: int, end: int) -> Person | None:
        for mention, person in self._mentions_by_source.get(source, ()):
            if mention.start < end and start < mention.end:
                return person
        return None

    def lookup(self, name: str, source: str | None = None) -> Person | None:
        """The person a written name refers to: by full key, else by surname (preferring the source)."""
        bare = strip_titles(re.sub(r"['’]s$", "", name))
        key = name_key(bare)
        if not key:
            return None
        by_name, by_surname = self._by_key
        full = by_name.get(key, [])
        if len(full) == 1:
            return full[0]
        same_surname = by_surname.get(key[-1], [])
        if is_name_shaped(bare):  # a full name, not a phrase ending in one ("Kremlin spokesman Peskov")
            same_surname = [p for p in same_surname if not _other_first_name(key, p)]
        if len(same_surname) == 1:
            return same_surname[0]
        if source:
            local = [p for p in same_surname if source in p.sources]
            if len(local) == 1:
                return local[0]
        return None

    @cached_property
    def _by_id(self) -> dict[str, Person]:
        return {person.id: person for person in reversed(self.people)}  # the first of equal ids wins

    def get(self, person_id: str) -> Person:
        try:
            return self._by_id[person_id]
        except KeyError:
            raise KeyError(person_id) from None
