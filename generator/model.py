"""The data model: frozen records passed from stage to stage.

Every stage of the pipeline (load → clean → extract → link → render → site)
takes and returns these records. They hold plain text, character offsets into
``Source.text`` and ids; spaCy objects never leave the extraction stage.
Sequences are tuples so that records stay hashable and immutable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import NewType

Slug = NewType("Slug", str)
"""A URL-safe id: lowercase ASCII letters, digits and hyphens."""


# --------------------------------------------------------------------------- load


@dataclass(frozen=True)
class Metadata:
    """Metadata given for a source (front matter, sources.yaml) or found in its text."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    author: str | None = None


@dataclass(frozen=True)
class RawDocument:
    """One input file as read from disk, before cleaning."""

    id: str  # file stem
    path: str  # path relative to the seeds folder, POSIX style
    format: str  # "txt", "md" or "html"
    text: str  # body text: paragraphs separated by blank lines or newlines
    given: Metadata  # metadata given by front matter / sources.yaml (not inferred)
    origins: tuple[tuple[str, str], ...] = ()  # (field, where it was given) e.g. ("published", "date marker")
    furniture_chars: int = 0  # a saved page: characters of furniture its markup named, pruned before reading


@dataclass(frozen=True)
class Skipped:
    """A file of the seeds folder that cannot be used as a source: the build goes on without it, with a
    warning (``--strict`` makes it fatal), and the sources page lists it in its build report."""

    path: str  # path relative to the seeds folder, POSIX style (the file name as the user wrote it)
    reason: str  # what is wrong, e.g. "the file is empty"
    fix: str  # what to do about it, e.g. "Paste the article's text into it, or remove it."

    @property
    def message(self) -> str:
        return f"{self.path}: skipped, {self.reason}" + (f". {self.fix}" if self.fix else "")


@dataclass(frozen=True)
class Republished:
    """Another file holding the same article (wire copy republished): kept as "also published as"."""

    path: str
    title: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None


# -------------------------------------------------------------------------- clean


@dataclass(frozen=True)
class Paragraph:
    index: int  # 0-based position in the cleaned text
    start: int  # offsets into Source.text
    end: int
    text: str

    @property
    def anchor(self) -> str:
        return f"p{self.index + 1}"


@dataclass(frozen=True)
class Removed:
    """A piece of web furniture removed by cleaning, kept so nothing is silently lost."""

    text: str
    rule: str  # name of the rule that removed it


@dataclass(frozen=True)
class Source:
    """A cleaned article: the unit every later stage refers to by ``id``."""

    id: str
    path: str
    format: str
    title: str
    outlet: str | None
    url: str | None
    author: str | None
    published: dt.date | None
    text: str  # cleaned text; paragraphs joined by "\n\n"
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removed, ...]
    origins: tuple[tuple[str, str], ...] = ()  # (field, where it came from) e.g. ("published", "dateline")
    also_published_as: tuple[Republished, ...] = ()  # the same article in other files (duplicates merged)

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def label(self) -> str:
        """How the source is named on pages: its outlet, or the start of its title when none is known."""
        if self.outlet:
            return self.outlet
        words = self.title.rstrip("…").split()
        short = " ".join(words[:5])
        return short + ("…" if len(words) > 5 else "")

    @property
    def outlet_key(self) -> str:
        """Who published the source, when outlets are counted: its outlet, or the source itself when no outlet is
        known (two articles whose headlines start alike, and so share a ``label``, are not one outlet)."""
        return f"outlet:{self.outlet}" if self.outlet else f"source:{self.id}"

    def paragraph_at(self, offset: int) -> Paragraph:
        for paragraph in self.paragraphs:
            if paragraph.start <= offset < paragraph.end + 2:
                return paragraph
        return self.paragraphs[-1]


# ------------------------------------------------------------------------ extract


@dataclass(frozen=True)
class Sentence:
    source: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int  # Paragraph.index


@dataclass(frozen=True)
class PersonMention:
    """A name of a person as written in one sentence."""

    source: str
    text: str  # as written, e.g. "Mr Putin's"
    name: str  # the bare name, e.g. "Putin"
    start: int
    end: int
    sentence: int  # Sentence.index
    titled: bool = False  # preceded by an honorific or title ("Mr", "President")
    role: str | None = None  # title or apposition found next to the name


@dataclass(frozen=True)
class EntityMention:
    """An organisation, place or group (spaCy ORG, GPE, LOC, NORP, FAC) in one sentence."""

    source: str
    text: str
    label: str
    start: int
    end: int
    sentence: int
    expansion: str = ""  # the full name when the article defines this text as its acronym ("WHO")


@dataclass(frozen=True)
class NameCandidate:
    """A run of proper nouns spaCy did not tag as a person; matched later against known people."""

    source: str
    text: str
    start: int
    end: int
    sentence: int
    # written as a place: after a preposition of place ("in Houston")
    place_cue: bool = False


@dataclass(frozen=True)
class Quote:
    """A quotation in one source, with its speaker as written (resolved to a person in the link stage)."""

    id: str
    source: str
    text: str
    speaker_text: str | None
    cue: str | None
    partial: bool
    start: int
    end: int
    sentence: int
    speaker: str | None = None  # Person id, filled by the link stage
    group: str | None = None  # QuoteGroup id, filled by the link stage
    speaker_start: int | None = None  # offsets of the speaker mention, if any
    speaker_end: int | None = None
    speaker_name: str | None = None  # the person name the speaker refers to ("he" -> "Vladimir Putin"), if known
    speaker_name_start: int | None = None  # offsets of that person mention in the source
    speaker_name_end: int | None = None
    reported_by: str | None = None  # "Reuters" in "Reuters quoted Putin as saying"
    paragraph: int = 0  # Paragraph.index of the quote's first paragraph
    attribution: str | None = None  # how the speaker was found, e.g. "cue-after:subject", "continuation"
    # how the reader learns who speaks: "cue" (named in the reporting clause), "colon", "carried" (continues the
    # speaker of the quote or statement before), "pronoun", "description" ("the judge"), "organisation"
    speaker_via: str | None = None
    speaker_named_in: int | None = None  # sentence index where an indirectly found speaker is named


@dataclass(frozen=True)
class DateMention:
    """A temporal expression with its normalised value (``2025-02-27``, ``2024-06``, ``2014``...)."""

    source: str
    text: str
    start: int
    end: int
    sentence: int
    value: str | None
    granularity: str | None = None  # "day", "week", "month", "year", "range"
    resolved_from: str = "published"  # "published", "story" (source undated) or an anchor event/date id
    rule: str | None = None  # how it was resolved, for display
    id: str = ""  # "<source>-d<N>", N counting the source's temporal expressions from 1
    kind: str = "date"  # "date" (can date an event), "duration", "set" (frequency), "age", "ref" (vague), "dateline",
    # "time" (a clock time without a day), "none" (no temporal expression: a title, an ordinal count), "modifier"
    # (a date describing a person or thing, "the 2008 champion": keeps its value, dates no event)
    clause_start: int | None = None  # offsets of the clause the expression dates (defaults to the sentence)
    clause_end: int | None = None
    keywords: tuple[str, ...] = ()  # content-word lemmas of that clause, for matching events across sources
    # TimeML (TIMEX3): the value (``2025-02-27``, ``2025-Q1``, ``FY2025``, ``199``, ``P5Y``, ``PAST_REF``,
    # ``2025-02-27T06:15``; a range as an ISO 8601 interval ``2009/2010``) and type (DATE, TIME, DURATION, SET).
    # ``value`` above is the calendar value the timeline dates events with (the day of a clock time).
    timex: str | None = None
    type: str | None = None
    anchor: str | None = None  # the date it was resolved against (YYYY-MM-DD), None when it needs none
    rule_name: str = ""  # the rule of generator.extract.dates.RULES that resolved it
    points_to: str | None = None  # the calendar value a duration counted from the reference ends on ("in five years")


@dataclass(frozen=True)
class EventMention:
    """The action a clause reports (its predicate, the trigger), with the clause's actor and content words.

    Found for every dated clause and for the main clauses of sentences without a date: the link stage merges
    reports of one action across sources (``link/timeline.py``)."""

    source: str
    sentence: int  # Sentence.index
    text: str  # the trigger as written: "met", "talks"
    start: int
    end: int
    lemma: str  # lower-case lemma of the trigger
    clause_start: int  # offsets of the clause the trigger heads
    clause_end: int
    keywords: tuple[str, ...] = ()  # content-word lemmas of the clause (as DateMention.keywords)
    actor_start: int | None = None  # offsets of the subject, if any ("Putin" in "Putin said")
    actor_end: int | None = None
    date: str | None = None  # id of the DateMention that dates the clause; None: undated
    pos: str = ""  # part of speech of the trigger ("VERB", "NOUN"…)
    alternatives: tuple[str, ...] = ()  # lemmas of other words the date may date ("its invasion in 2022")


@dataclass(frozen=True)
class SourceFacts:
    """Everything extracted from one source."""

    source: Source
    sentences: tuple[Sentence, ...]
    people: tuple[PersonMention, ...]
    entities: tuple[EntityMention, ...]
    name_candidates: tuple[NameCandidate, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    stances: tuple[StanceMention, ...] = ()
    events: tuple[EventMention, ...] = ()  # the actions of dated clauses and of undated main clauses

    def sentence(self, index: int) -> Sentence:
        return self.sentences[index]


# --------------------------------------------------------------------------- link


@dataclass(frozen=True)
class Alias:
    spelling: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    role: str
    source: str


@dataclass(frozen=True)
class Person:
    id: Slug
    name: str
    aliases: tuple[Alias, ...]
    roles: tuple[Role, ...]
    mentions: tuple[PersonMention, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({m.source for m in self.mentions}))


@dataclass(frozen=True)
class Entity:
    """An organisation or place, merged across sources by its normalised name."""

    id: Slug
    name: str
    label: str
    mentions: tuple[EntityMention, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({m.source for m in self.mentions}))


@dataclass(frozen=True)
class QuoteGroup:
    """Quotes from several sources that report the same statement."""

    id: str
    speaker: str | None  # Person id
    speaker_text: str | None
    quotes: tuple[str, ...]  # Quote ids
    sources: tuple[str, ...]
    text: str | None = None  # the representative wording (the longest full quote of the group)


@dataclass(frozen=True)
class EventSource:
    source: str
    sentence: int
    text: str
    date_text: str
    rule: str | None
    date: str | None = None  # the value this source gives (differs from Event.date when disputed/coarser)
    mention: str | None = None  # DateMention id
    paragraph: int | None = None  # Paragraph.index of the sentence (page anchor p<N+1>)
    resolved_from: str = "published"  # "published", "story" or the anchor DateMention id


@dataclass(frozen=True)
class Event:
    id: str
    date: str  # normalised value
    date_text: str
    resolved_from: str
    text: str
    sources: tuple[str, ...]
    people: tuple[str, ...]
    reports: tuple[EventSource, ...] = ()
    entities: tuple[str, ...] = ()
    upcoming: bool = False
    disputed: bool = False
    granularity: str | None = None  # of ``date``: "day", "week", "month", "quarter", "season", "year", "decade", "range"
    dates: tuple[str, ...] = ()  # every value the sources give, when they disagree (disputed)


@dataclass(frozen=True)
class Position:
    id: str
    actor: str
    actor_names: tuple[str, ...]
    issue: str
    stance: str
    text: str
    source: str
    quote: str | None = None
    sentence: int | None = None
    clause: str = ""  # the stance as a short clause from the sentence ("rules out any withdrawal from occupied territory")


@dataclass(frozen=True)
class Briefing:
    """The whole story after linking: what the render stage formats."""

    sources: tuple[Source, ...]
    facts: tuple[SourceFacts, ...]
    people: tuple[Person, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...] = ()
    quote_groups: tuple[QuoteGroup, ...] = ()
    events: tuple[Event, ...] = ()
    dates: tuple[DateMention, ...] = ()
    positions: tuple[Position, ...] = ()
    comparison: Comparison = field(default_factory=lambda: Comparison())
    story: Story = field(default_factory=lambda: Story())
    skipped: tuple[Skipped, ...] = ()  # files of the seeds folder that could not be used
    warnings: tuple[str, ...] = ()  # what load → link warned about, in order (the build report)
    # (source, the first source of its story) when the folder holds several stories (link/timeline.py
    # ``source_stories``); () for one story. Outlets of different stories never carry each other's facts.
    stories: tuple[tuple[str, str], ...] = ()

    def source(self, source_id: str) -> Source:
        try:
            return self._by_source[source_id][0]
        except KeyError:
            raise KeyError(source_id) from None

    def facts_of(self, source_id: str) -> SourceFacts:
        """The extracted facts of one source (a table lookup: pages ask for it once per link)."""
        facts = self._by_source.get(source_id, (None, None))[1]
        if facts is None:
            raise KeyError(source_id)
        return facts

    def story_of(self, source_id: str) -> str | None:
        """The story a source tells (the first source of it, ``stories``); None when the folder tells one story."""
        return self._stories.get(source_id)

    @cached_property
    def _stories(self) -> dict[str, str]:
        return dict(self.stories)

    @cached_property
    def _by_source(self) -> dict[str, tuple[Source, SourceFacts | None]]:
        table: dict[str, tuple[Source, SourceFacts | None]] = {}
        facts = {f.source.id: f for f in reversed(self.facts)}  # the first of equal ids wins, as a scan would
        for source in reversed(self.sources):
            table[source.id] = (source, facts.get(source.id))
        return table


# ------------------------------------------------------------------------ positions


@dataclass(frozen=True)
class StanceMention:
    """An actor's stance on an issue, as one sentence reports it ("Moscow demands that Kyiv abandon …")."""

    source: str
    sentence: int  # Sentence.index
    stance: str  # label from rules/stances.yaml: "rules out", "demands", "does not oppose", "denies"…
    cue: str  # the stance words as written: "has ruled out", "are ready"
    cue_start: int
    actor_text: str  # the actor as written ("the Kremlin"), or the name a pronoun was resolved to
    actor_kind: str  # "person", "entity", "first-person" (resolved through the quote), "other"
    actor_start: int | None  # offsets of the actor's name in the source (the resolved name, for a pronoun)
    actor_end: int | None
    issue: str  # the key phrase as written, cleaned: "status of five Ukrainian regions"
    issue_start: int
    issue_end: int
    issue_lemmas: tuple[str, ...]  # content-word lemmas of the key phrase, for merging without spaCy
    issue_head: str  # lemma of the key phrase's head noun ("region")
    claim: str = ""  # the complement as written, shortened: "that Kyiv abandon all hope of joining Nato"
    rule: str = ""  # how it was found: "verb", "phrasal", "adjective", "predicate", "negated-report"
    clause: str = ""  # the stance as a short clause built from the sentence: "rules out any withdrawal from …"


@dataclass(frozen=True)
class Fact:
    """A statement (a sentence, or a detail such as a name or number in it) and the sources that carry it."""

    id: str
    kind: str  # "sentence" or "detail"
    text: str  # the representative sentence, or the detail as written
    sources: tuple[str, ...]
    reports: tuple[tuple[str, int], ...]  # (source id, Sentence.index) of each sentence carrying it
    detail: str | None = None  # for kind "detail": what the detail is ("Dmitry Koshelev", "six hours")


@dataclass(frozen=True)
class SourceRow:
    """One source in the comparison: what it carries and what it alone carries or leaves out."""

    source: str
    words: int
    people: int
    quotes: int
    events: int
    only: tuple[str, ...]  # Fact ids only this source carries
    omits: tuple[str, ...]  # Fact ids most other sources carry and this one does not


@dataclass(frozen=True)
class Difference:
    """Where accounts differ: one statement worded differently, numbers or dates that disagree."""

    kind: str  # "wording", "number", "date"
    text: str  # what differs, for display
    reports: tuple[tuple[str, str], ...]  # (source id, the version this source gives)
    ref: str | None = None  # QuoteGroup id, Fact id or Event id
    sentences: tuple[tuple[str, int], ...] = ()  # (source id, Sentence.index) where each version stands


@dataclass(frozen=True)
class Comparison:
    rows: tuple[SourceRow, ...] = ()
    facts: tuple[Fact, ...] = ()
    differences: tuple[Difference, ...] = ()


# ---------------------------------------------------------------------------------------------- story


@dataclass(frozen=True)
class KeyPoint:
    """One sentence of one source that states a fact, with the closest sentence of every source carrying it."""

    source: str
    sentence: int  # Sentence.index of the sentence shown
    text: str
    reports: tuple[tuple[str, int], ...]  # (source id, Sentence.index) in each source that carries the fact


@dataclass(frozen=True)
class Story:
    """What the first screen says: the story's title and its key points (``generator/link/story.py``)."""

    title: str | None = None  # the headline closest to what the sources share; None when no source has one
    title_source: str | None = None
    points: tuple[KeyPoint, ...] = ()  # the facts most outlets carry, most carried first
    latest: KeyPoint | None = None  # the newest source's main fact that no other source carries
    statements: tuple[str, ...] = ()  # QuoteGroup ids carried by most outlets, most carried first
