"""Who a quote's speaker phrase refers to: a person named in the article, an organisation, or nobody named.

``DocumentSpeakers.resolve`` tries a table of small rules in order (``RULES``):

1. organisations: an ORG entity in the phrase, a document ("the statement" → whoever issued it), an organisation
   noun ("the Indian navy", "the ministry");
2. names: the person mention inside the phrase, made the fullest name the article gives that person ("Payton" →
   "Sean Payton", "Raybould" → "Jody Wilson-Raybould", "Michael" → "Michael Greenspan");
3. pronouns: only a referent whose gender and number agree, by salience: the speaker of a recent statement first
   (a quote's speaker or the subject of "X said …" in the narration), then the nearest person who is a subject,
   then the nearest person. When nothing agrees the pronoun stays unresolved: never a guess against it;
4. definite descriptions ("the District Attorney", "his brother"): the latest person given that role by a title
   or an apposition ("District Attorney Steve Cooley", "John Banky, Ben's older brother").

Gender comes from the article first (honorifics, kinship and role words tied to the name, pronouns in the name's
own sentence), then from the first-name list of ``gender-guesser`` (a maintained lexicon; no guessing here).
Word lists: ``generator/rules/speakers.yaml``.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache
from typing import Union

from spacy.tokens import Doc, Span, Token

from generator.extract.syntax import clause_between, opens_contact_clause, passive_agents, past_split_possessive
from generator.model import PersonMention
from generator.rules import load_rules

SUBJECTS = ("nsubj", "nsubjpass")
NOT_NAMES = {"GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}
DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "their", "its", "our"}
APPOSITION_ENDS = (",", ".", ";", ":", ")")  # the marks an apposition set off after a name ends at


@dataclass(frozen=True)
class Referent:
    """Who is speaking: a person or an organisation with its name and where it is named, or somebody unnamed."""

    name: str | None
    start: int | None = None
    end: int | None = None
    kind: str = "person"  # "person", "organisation" or "unnamed"
    gender: str | None = None  # "m", "f" or None (unknown)
    plural: bool = False
    known: bool = True  # a person the article names as one (False: a bare proper noun of unknown kind, "Summit")


@dataclass(frozen=True)
class Resolution:
    referent: Referent
    via: str  # "cue" (named), "pronoun", "description", "organisation"


@dataclass(frozen=True)
class Statement:
    """Somebody says something at offset ``at``: a quote's speaker, or "X said …" in the narration."""

    at: int
    referent: Referent
    text: str | None = None  # the speaker as written, and where
    start: int | None = None
    end: int | None = None


NOBODY = Referent(None, kind="unnamed")
# a subject no rule reads as anybody ("more than 130 had responded"): no person a later "she" may stand for
SOMETHING = Referent(None, kind="unnamed", known=False)


def _rules() -> dict:
    return load_rules("speakers")


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    return frozenset(load_rules("reporting_verbs")["reporting_verbs"])


@lru_cache(maxsize=1)
def _name_lexicon():
    import gender_guesser.detector as detector  # loads a 4 MB name list: only when a gender is needed

    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def lexicon_gender(first_name: str) -> str | None:
    """'m' or 'f' from the first-name list (``male``/``mostly_male``…), None when the list does not say."""
    answer = _name_lexicon().get_gender(first_name)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(answer)


@lru_cache(maxsize=4096)
def known_first_name(word: str) -> bool:
    """Whether the first-name list knows ``word`` as a first name (of any gender)."""
    return _name_lexicon().get_gender(word) != "unknown"


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)


def acronyms(orgs: Sequence[Span], text: str) -> dict[str, str]:
    """Names the article gives with their acronym ("the Federal Aviation Administration (FAA)"): the acronym and the
    name each map to "Federal Aviation Administration (FAA)", so that both speak as one organisation."""
    found: dict[str, str] = {}
    for org in orgs:
        written, _, opened = org.text.rpartition("(")  # "The Automobile Association (AA" tagged with half the brackets
        match = re.match(r"\s*\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)", f"({opened}" + text[org.end_char : org.end_char + 14] if written else text[org.end_char : org.end_char + 14])
        name = _bare(written.strip() if written else org.text)
        initials = "".join(w[0] for w in _words(name) if w[:1].isupper())
        letters = "".join(c for c in match.group(1) if c.isupper()) if match else ""
        if len(letters) >= 2 and _abbreviates(letters, initials):  # "Federal Aviation Administration" → FAA
            found[letters] = found[match.group(1)] = found[name] = found[_bare(org.text)] = f"{name} ({match.group(1)})"
    # an acronym never defined but made of the initials of every word of a name given before ("Advanced Micro
    # Devices … AMD said")
    for org in orgs:
        acronym = _bare(org.text)
        if not (2 <= len(acronym) <= 5 and acronym.isupper() and acronym.isalpha()) or acronym in found:
            continue
        for earlier in (o for o in orgs if o.start_char < org.start_char):
            name = _bare(earlier.text)
            if _initials(name) == acronym:  # of its capitalised words ("People for the Ethical Treatment of Animals")
                found[acronym] = found[name] = f"{name} ({acronym})"
                break
    return found


def _abbreviates(letters: str, initials: str) -> bool:
    """Do an acronym's letters stand for these initials: all of them, or some in order from the first ("CDC" for
    Centers for Disease Control and Prevention)?"""
    if not initials or letters[0] != initials[0]:
        return False
    rest = iter(initials[1:])
    return all(letter in rest for letter in letters[1:])


def _shortens(words: set[str], fuller: list[str]) -> bool:
    """Do the words of a short name all stand in a fuller one ("Kraft" in "Kraft Foods"), or is a single short word
    the clipped first word of a name of several ("the Fed" for "Federal Reserve")?"""
    if words < set(fuller):
        return True
    if len(words) != 1 or len(fuller) < 2:
        return False
    word = next(iter(words))
    return len(word) >= 3 and fuller[0].startswith(word) and fuller[0] != word


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Words written before a name as its title: the role nouns of the people rules ("Producer", "Professor"), the
    honorifics and the title abbreviations with what they stand for ("Sgt.", "sergeant")."""
    rules = _rules()
    return frozenset(
        {w.lower() for w in load_rules("people")["role_nouns"]}
        | {w for ws in rules["honorifics"].values() for w in ws}
        | set(rules["title_abbreviations"]) | set(rules["title_abbreviations"].values())
    )


def _without_title(name: str) -> str:
    """A name without the title the entity recogniser kept at its start ("Producer Moffat" → "Moffat")."""
    words = name.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower().rstrip(".") in _titles() else name


def _surname(name: str) -> str:
    words = _words(name)
    return words[-1].split("-")[-1].lower() if words else ""


class DocumentSpeakers:
    """Resolution of speaker phrases in one parsed document."""

    def __init__(self, doc: Doc, people: Sequence[PersonMention], inside: Sequence[bool]):
        self.doc = doc
        self.text = doc.text  # once: Doc.text joins every token each time
        self.inside = inside
        self.rules = _rules()
        named = [
            _past_spaced_apostrophe(m, self.text) for m in people
            if not self.quoted(m.start, m.end) and not _one_word_after_the(doc, m)
        ]
        named += _names_by_lexicon(doc, named, inside)
        retagged = _people_tagged_as_organisations(doc, named, inside)
        self.retagged = retagged  # people the recogniser tagged as organisations or places
        named += retagged
        named += _untagged_people_in_a_job(doc, named, inside)
        self.people = sorted(named + _surnames_again(doc, named, inside), key=lambda m: m.start)
        # each mention's words once (full_name runs for every name the resolution meets)
        self._name_words = [(m, [w.lower() for w in _words(m.name)], _surname(m.name)) for m in self.people]
        self._full_names: dict[tuple[str, int | None], PersonMention | None] = {}
        self.sentences = list(doc.sents)  # once: Span.sent walks the document each time
        self.sentence_starts = [s.start_char for s in self.sentences]
        self.orgs = [
            e for e in doc.ents
            if e.label_ == "ORG" and not self.quoted(e.start_char, e.end_char)
            and any(c.isupper() or c.isdigit() for c in _bare(e.text))  # "the navy" tagged ORG: a noun, no name
            and not (len(e) == 1 and self.full_name(e.text) is not None)  # "said Vanore" tagged ORG: a person
            and not any(m.start < e.end_char and e.start_char < m.end for m in retagged)  # "Professor Varoufakis"
            and not any(e.start_char < m.start and m.end == e.end_char for m in self.people)  # "Homicide Detective Dominic Mangoni"
        ] + [
            e for e in doc.ents
            if e.label_ == "PERSON" and _organisation_named_as_person(e)
            and not any(m.start < e.end_char and e.start_char < m.end for m in people)  # kept as a person: "Arsenio Hall"
        ]
        self.orgs += [e for e in _described_as_organisations(doc, inside) if not any(o.start <= e.start < o.end for o in self.orgs)]
        self.orgs = [_with_of_name(doc, e, inside) for e in self.orgs]
        self.orgs.sort(key=lambda e: e.start)
        self.acronyms = acronyms(self.orgs, self.text)
        self.statements: list[Statement] = []
        self._genders: dict[str, str | None] = {}
        self._cues: dict[int, tuple[list[str], list[str]]] = {}

    # ------------------------------------------------------------------------------------------ basics

    def quoted(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(self.inside[t.i] for t in span)

    def sentence(self, offset: int) -> int:
        return max(bisect_right(self.sentence_starts, offset) - 1, 0)

    def add(self, at: int, referent: Referent, text: str | None = None, start: int | None = None, end: int | None = None) -> None:
        if referent.name is not None or referent.kind in ("unnamed", "organisation"):  # a body never named speaks too
            self.statements.append(Statement(at, referent, text, start, end))
            self.statements.sort(key=lambda s: s.at)

    def recent(self, at: int, sentences: int) -> list[Statement]:
        """Statements before ``at`` within ``sentences`` sentences, the latest first."""
        first = self.sentence(at) - sentences
        return [s for s in reversed(self.statements) if s.at < at and self.sentence(s.at) >= first]

    # ------------------------------------------------------------------------------------------ people

    def full_name(self, name: str, before: int | None = None) -> PersonMention | None:
        """The fullest mention of the person ``name`` refers to: same surname, or the first name alone. Of two
        people with one surname ("Gene" and "Tyler Hansbrough"), the one named last before ``before``."""
        key = (name, before)
        if key not in self._full_names:
            self._full_names[key] = self._find_full_name(name, before)
        return self._full_names[key]

    def _find_full_name(self, name: str, before: int | None) -> PersonMention | None:
        words = _words(name)
        if not words:
            return None
        last, first = words[-1].lower(), words[0].lower()
        same = [
            (m, mwords) for m, mwords, surname in self._name_words
            if mwords and (
                last in (mwords[-1], surname)  # "Wilson-Raybould" or "Raybould"
                or (len(words) == 1 and mwords[0] == first)
            )
            and not _other_first_name(words, mwords)  # "Dixon Hall" is not "Arsenio Hall"
        ]
        if not same:
            return None
        longest = max(len(mwords) for _, mwords in same)
        full = [m for m, mwords in same if len(mwords) == longest]
        earlier = [m for m in full if before is not None and m.start < before]
        return earlier[-1] if earlier else full[0]

    def organisation(self, text: str, start: int, end: int) -> Referent:
        """An organisation named ``text`` at ``start``: the fullest name the article gave it before, the words of a
        short mention all in it ("the Academy" → "Academy of Motion Picture Arts and Sciences", "Kraft" → "Kraft
        Foods"), else the name as written."""
        name = _bare(text)
        words = {w.lower() for w in _words(name)}
        fuller = [
            o for o in self.orgs
            if o.start_char < start and not _audience(o) and _shortens(words, [w.lower() for w in _words(_bare(o.text))])
            and all(w[:1].isupper() or w[:1].isdigit() or w in ("of", "and", "for", "the", "de") for w in _words(_bare(o.text)))
        ]  # a name, not a clause the recogniser took for one ("Dell resells SeaMicro")
        if words and fuller:
            name = _bare(max(fuller, key=lambda o: (len(_words(o.text)), o.start_char)).text)
        return Referent(self.acronyms.get(name, name), start, end, "organisation")

    def organisation_of(self, span: Span) -> Referent:
        """The organisation a span of the document names (``organisation`` over its text and offsets)."""
        return self.organisation(span.text, span.start_char, span.end_char)

    def _fullest(self, mention: PersonMention) -> str:
        name = _without_title(mention.name)  # "Producer Moffat" (the recogniser kept the title) → "Steven Moffat"
        words = [w.lower() for w in _words(name)]
        if len(words) > 1:  # "De Blasio" → "Bill de Blasio": a longer name ending in the same words
            longer = [m for m, mwords, _ in self._name_words if len(mwords) > len(words) and mwords[-len(words):] == words]
            return max(longer, key=lambda m: len(_words(m.name))).name if longer else name
        fuller = self.full_name(name, mention.start)
        return fuller.name if fuller is not None else name

    def person(self, mention: PersonMention) -> Referent:
        name = self._fullest(mention)
        if self._introduced_as_organisation(mention):  # "the conservative daily Kathimerini" (tagged PERSON)
            return Referent(name, mention.start, mention.end, "organisation")
        if name == mention.name:  # "FLAG said" (tagged PERSON) after "FLAG Telecom": no person of that name
            organisation = self.organisation(name, mention.start, mention.end)
            if organisation.name != _bare(name):
                return organisation
        if self._people_by_plural_name(mention, name):  # "But Greeks must understand …, he said": not "he"
            return Referent(name, mention.start, mention.end, "person", plural=True)
        return Referent(name, mention.start, mention.end, "person", self.gender(name))

    def _people_by_plural_name(self, mention: PersonMention, name: str) -> bool:
        """A name the recogniser tagged as a person that is one plural proper noun no person of the article bears
        ("Greeks", "Americans"): a group."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return (
            span is not None and len(span) == 1 and span[0].tag_ == "NNPS" and name == mention.name
            and span[0].lower_.endswith("s") and not known_first_name(span[0].text)
        )

    def _introduced_as_organisation(self, mention: PersonMention) -> bool:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start == 0 or len(span) > 1:
            return False
        before = self.doc[span.start - 1]
        return organisation_noun(before.lower_) and before.pos_ in ("NOUN", "ADJ") and not _person_noun(before)

    def gender(self, name: str) -> str | None:
        """What the article ties to the name (honorific, role words, the pronoun the story goes on with), else the
        first-name list, else the pronouns of the sentences the name is alone in: those are only a hint ("Peter
        Grant answered her questions": her is somebody else's)."""
        if name not in self._genders:
            self._genders[name] = (
                self._gender_in_article(name, 0) or self._gender_from_lexicon(name) or self._gender_in_article(name, 1)
            )
        return self._genders[name]

    def _gender_in_article(self, name: str, strength: int) -> str | None:
        """The gender the article's cues of ``strength`` (0: tied to the name, 1: pronouns near it) give ``name``."""
        votes = {"m": 0, "f": 0}
        surname = _surname(name)
        for mention in self.people:
            if _surname(mention.name) != surname and self._fullest(mention) != name:
                continue
            if mention.start not in self._cues:
                self._cues[mention.start] = self._cues_of(mention)
            for gender in self._cues[mention.start][strength]:
                votes[gender] += 1
        if votes["m"] != votes["f"]:
            return "m" if votes["m"] > votes["f"] else "f"
        return None

    def _cues_of(self, mention: PersonMention) -> tuple[list[str], list[str]]:
        """Genders the text ties to one mention (honorific, role words, the pronoun the next sentence goes on with),
        and those it only hints at (pronouns of its sentence if it is alone there)."""
        found: list[str] = []
        before = self.text[max(mention.start - 12, 0) : mention.start].lower()
        honorific = re.search(r"([a-zñ]+)\.?\s*$", before)
        words = set(_words((mention.role or "").lower()))
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            words |= {t.lower_ for t in _tied_words(span)}
        for gender in ("m", "f"):
            if honorific and honorific.group(1) in self.rules["honorifics"][gender]:
                found.append(gender)
            if words & set(self.rules["gendered_words"][gender]) - {"he", "him", "his", "she", "her", "hers"}:
                found.append(gender)
        if span is None:
            return found, []
        return found + self._pronoun_continuing(span), self._pronouns_of_sentence(span)

    def _pronoun_continuing(self, span: Span) -> list[str]:
        """The gender of "he" or "she" as the subject of the next sentence's main clause when the name is the
        subject of its own sentence's main clause and nobody else is named, nor quoted, before the pronoun ("A
        professor …, Yanis Varoufakis, did not go to work. But he rode his bicycle …"): the subject the story goes
        on with."""
        root = span.root
        while root.dep_ in ("appos", "compound", "flat") and root.head.i != root.i:
            root = root.head
        verb = root.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if root.dep_ not in SUBJECTS or verb.dep_ != "ROOT" or self.inside[root.i]:
            return []
        n = self.sentence(span.start_char) + 1
        if n >= len(self.sentences):
            return []
        sent = self.sentences[n]
        subject = next((t for t in sent if t.dep_ in SUBJECTS and t.head.dep_ == "ROOT" and not self.inside[t.i]), None)
        if subject is None or any(sent.start_char <= m.start < subject.idx for m in self.people):
            return []
        if any(self.inside[t.i] for t in sent if t.i < subject.i):
            return []  # "“I don't feel anything,” she said": a quote's speaker may be anybody
        if any(sent.start_char <= m.start < sent.end_char and _surname(m.name) == _surname(span.text) for m in self.people):
            return []  # "Mendes was the victim. In 2005, he was charged with assault on Mendes": he is somebody else
        gender = {"he": "m", "she": "f"}.get(subject.lower_)
        if gender is None:
            return []
        since = self.sentence_starts[max(n - 2, 0)]
        name = self._fullest_name(span.text)
        if (self._gender_from_lexicon(name) or lexicon_gender(_words(name)[0])) not in (gender, None) and any(
            since <= m.start < span.start_char and self._gender_from_lexicon(m.name) == gender for m in self.people
        ):
            return []  # "Ruth Adler met the minister, Paul Stone. Stone promised more staff. But she …": Ruth
        return [gender]

    def _fullest_name(self, name: str) -> str:
        fuller = self.full_name(name)
        return fuller.name if fuller is not None else name

    def _pronouns_of_sentence(self, span: Span) -> list[str]:
        sent = self.sentences[self.sentence(span.start_char)]
        if sum(1 for m in self.people if sent.start_char <= m.start < sent.end_char and _surname(m.name) != _surname(span.text)):
            return []  # another person in the sentence: its pronouns may be theirs
        words = [t.lower_ for t in sent if t.i >= span.end and not self.inside[t.i]]
        male = sum(w in ("he", "him", "his") for w in words)
        female = sum(w in ("she", "her", "hers") for w in words)
        return ["m"] * male + ["f"] * female if not (male and female) else []

    @staticmethod
    def _gender_from_lexicon(name: str) -> str | None:
        words = [w for w in _words(name) if w[:1].isupper() and "." not in w]
        # the first word the list knows, of the two before the surname ("Companion Karen Gillan": a title the NER
        # kept), never further left ("ATI Technologies India MD Dasaradha R Gude": "India" is no first name there)
        return next((g for g in map(lexicon_gender, words[-3:-1]) if g), None) if len(words) >= 2 else None

    # ------------------------------------------------------------------------------------ resolution

    def resolve(self, speaker: Span, at: int) -> Resolution:
        """Who ``speaker`` (a speaker phrase before offset ``at``) refers to."""
        for rule in RULES:
            found = rule(self, speaker, at)
            if found is not None:
                return found
        return Resolution(SOMETHING, "cue")


def _names_by_lexicon(doc: Doc, people: Sequence[PersonMention], inside: Sequence[bool]) -> list[PersonMention]:
    """Names the entity recogniser missed: proper nouns after an honorific ("Mr MacFarlane"), or starting with a
    first name the lexicon knows ("Saints Head Coach Sean Payton" → "Sean Payton"). Used for attribution only."""
    taken = {i for m in people for i in range(m.start, m.end)}
    honorifics = {w for ws in _rules()["honorifics"].values() for w in ws} | {"dr", "prof"}
    found = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and not inside[doc[j].i]:
            j += 1
        while i < j and doc[i].text.lower().rstrip(".") in honorifics:
            i += 1  # "Mr MacFarlane": the honorific is not part of the name
        run = doc[i:j]
        i = max(j, i + 1)
        previous = doc[run.start - 1].text.lower().rstrip(".") if len(run) and run.start else ""
        if not len(run) or any(t.ent_type_ in ("GPE", "LOC", "FAC", "NORP") for t in run) or any(t.idx in taken for t in run):
            continue  # a place, or a name already recognised ("General Ban Ki" inside "Secretary-General Ban Ki-moon")
        if organisation_noun(run[-1].lower_) or run[-1].lower_ in _rules()["place_nouns"]:
            continue  # "British Royal Navy" is no person called Royal, "Unity State" none called Unity
        words = [t for t in run if "." not in t.text or len(t.text) <= 2]
        start = None
        if previous in honorifics:
            start = run.start
        else:
            start = next((t.i for t in words[:-1] if lexicon_gender(t.text)), None)
        if start is None or (start == run.start and previous not in honorifics and len(run) < 2):
            continue
        name = doc[start:run.end]
        found.append(PersonMention("", name.text, re.sub(r"['’]s?$", "", name.text), name.start_char, name.end_char, 0, previous in honorifics))
    return found


def _people_tagged_as_organisations(doc: Doc, people: Sequence[PersonMention], inside: Sequence[bool]) -> list[PersonMention]:
    """Names the entity recogniser tagged as organisations or places that the syntax shows are people: a name in
    apposition with a noun for a person ("A professor of economics at the University of Athens, Yanis Varoufakis,
    …", "Yanis Varoufakis, a professor, …", "said disaster agency official Fauzi"), then the surname of such a
    person or of a person named before written after a title ("Professor Varoufakis"; "General Motors" names
    nobody called Motors). A name whose last word heads organisation or place names ("Athens University", "Unity
    State") is none. Used for attribution only."""
    taken = {i for m in people for i in range(m.start, m.end)}
    candidates = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "GPE", "LOC", "FAC", "NORP") or any(inside[t.i] for t in ent) or any(t.idx in taken for t in ent):
            continue
        words = [t for t in ent if t.lower_ not in ("the", "'s", "’s")]
        last = words[-1].lower_ if words else ""
        if not words or any(t.pos_ != "PROPN" and not _camel_case(t.text) for t in words[1:]) or organisation_noun(last) or last in _rules()["place_nouns"] \
                or last in _rules()["organisation_name_ends"]:
            continue
        candidates.append((ent, words))
    found = []
    for ent, words in candidates:
        root = ent.root
        before = doc[words[0].i - 1] if words[0].i > 0 else None  # "official Fauzi": the person noun as a title
        titled = before is not None and before.pos_ == "NOUN" and _person_noun(before) and (
            (before.dep_ == "compound" and before.head.i == root.i) or (root.dep_ == "appos" and root.head.i == before.i)
        )
        # a name of several words set off as a person ("…, Yanis Varoufakis, did not"); a place never ("The United
        # States, a close partner of …")
        set_off = ent.label_ == "ORG" and len(words) >= 2 and (
            (root.dep_ == "appos" and _any_person_noun(root.head)) or any(c.dep_ == "appos" and _any_person_noun(c) for c in root.children)
        )
        set_off = set_off or (len(words) == 1 and _speaks_set_off_in_a_job(root))
        # "T.J. Simons, 17, who works at …": a name given an age or a "who" clause is a person's
        set_off = set_off or (ent.label_ == "ORG" and len(words) >= 2 and (
            _with_who(root) or any(c.dep_ == "appos" and c.like_num and c.i == ent.end + 1 for c in root.children)))
        if words[0].pos_ == "PROPN" and (titled or set_off):
            found.append(PersonMention("", ent.text, doc[words[0].i : words[-1].i + 1].text, words[0].idx, ent.end_char, 0))
    surnames = {_surname(m.name).lower() for m in [*people, *found]}
    for ent, words in candidates:
        if len(words) == 2 and words[0].lower_.rstrip(".") in _titles() and words[1].lower_ in surnames:
            found.append(PersonMention("", ent.text, words[1].text, words[1].idx, ent.end_char, 0, True, words[0].text))
    return found


def _with_of_name(doc: Doc, org: Span, inside: Sequence[bool]) -> Span:
    """An organisation name the recogniser cut before "of" and a name ("The Supreme Court" of "the Supreme Court of
    Ardenia", "Bank" of "Bank of Lanark"): the whole name, when the cut one ends in an organisation noun."""
    end = org.end - (org[-1].lower_ == "of" and len(org) > 1)  # "The High Court of" (the recogniser kept "of")
    if not (organisation_noun(doc[end - 1].lemma_.lower()) and end + 1 < len(doc) and doc[end].lower_ == "of"):
        return org
    names = end + 1
    while names < len(doc) and names < end + 4 and doc[names].pos_ == "PROPN" and doc[names].text[:1].isupper() and not inside[names]:
        names += 1
    return Span(doc, org.start, names, label="ORG") if names > end + 1 else org


def _one_word_after_the(doc: Doc, mention: PersonMention) -> bool:
    """A one-word "name" written with "the" before it, no first name of the name list ("The Englishman says",
    "the Kiwi said"): a description of somebody, not a person's name."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return (
        span is not None and len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ == "the"
        and not known_first_name(span.text) and not span.text.isupper()
    )


def _camel_case(word: str) -> bool:
    """A name the tagger may take for a common noun by its small first letter ("duPlessis", "deGrasse")."""
    return word[:1].islower() and any(c.isupper() for c in word[1:]) and word.isalpha()


def _past_spaced_apostrophe(mention: PersonMention, text: str) -> PersonMention:
    """A name cut at an apostrophe a tokenised text set apart ("Michael O' Leary", "Anna D’ Souza"): the whole
    surname."""
    if not re.search(r"(?:^|\s)[A-Z]$", mention.name):
        return mention
    rest = re.match(r"['’] ?([A-Z][a-z]+)", text[mention.end :])
    if rest is None:
        return mention
    end = mention.end + rest.end()
    return replace(mention, text=text[mention.start : end], name=f"{mention.name}' {rest.group(1)}", end=end)


def _speaks_set_off_in_a_job(name: Token) -> bool:
    """A one-word name that speaks, set off as somebody in a job ("…, Hartono, an official of the agency, told
    AFP"): a person, whatever the recogniser made of it. A place is set off as a member or an ally, and does not
    say things."""
    return name.dep_ == "nsubj" and name.head.lemma_.lower() in _reporting_verbs() and any(
        c.dep_ == "appos" and c.tag_ == "NN" and c.lemma_.lower() in _rules()["unnamed_nouns"] and _person_noun(c)
        and c.lemma_.lower() != "member" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
        for c in name.children
    )


def _untagged_people_in_a_job(doc: Doc, people: Sequence[PersonMention], inside: Sequence[bool]) -> list[PersonMention]:
    """One-word proper nouns the entity recogniser left untagged that speak, set off as somebody in a job
    ("Hartono, an official of the agency, told AFP"). Used for attribution only."""
    taken = {i for m in people for i in range(m.start, m.end)}
    return [
        PersonMention("", t.text, t.text, t.idx, t.idx + len(t.text), 0)
        for t in doc
        if t.pos_ == "PROPN" and not t.ent_type_ and not inside[t.i] and t.idx not in taken and t.text[:1].isupper()
        and not any(c.dep_ in ("compound", "flat") for c in t.lefts) and _speaks_set_off_in_a_job(t)
    ]


def _surnames_again(doc: Doc, people: Sequence[PersonMention], inside: Sequence[bool]) -> list[PersonMention]:
    """A person's surname alone where the entity recogniser missed it ("Ford, meanwhile, made …" after "Phil
    Ford"; it may call it an organisation)."""
    surnames = {_surname(m.name) for m in people if len(_words(m.name)) > 1}
    taken = {i for m in people for i in range(m.start, m.end)}
    return [
        PersonMention("", t.text, t.text, t.idx, t.idx + len(t.text), 0)
        for t in doc
        if t.text[:1].isupper() and t.lower_ in surnames and t.idx not in taken and not inside[t.i]
        and t.pos_ in ("PROPN", "NOUN") and (t.ent_type_ not in ("GPE", "LOC", "NORP") or _with_who(t)) and not _inside_organisation_name(t)
    ]


def _with_who(token: Token) -> bool:
    """A name with a relative clause opened by "who" ("Quinn, who was just 10 of 22", tagged a place): a person."""
    return any(c.dep_ == "relcl" and any(w.lower_ == "who" and w.dep_ in SUBJECTS for w in c.children) for c in token.children)


def _inside_organisation_name(token: Token) -> bool:
    """Part of a longer organisation's name ("State" in "the U. S. State Department"); a surname alone tagged ORG
    ("Ford, meanwhile, made …") is not."""
    if token.ent_type_ != "ORG":
        return False
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return entity is not None and len([t for t in entity if t.pos_ == "PROPN"]) > 1


def _other_first_name(words: Sequence[str], other: Sequence[str]) -> bool:
    """Two full names whose first names differ (an initial agrees with any name of its letter)."""
    if len(words) < 2 or len(other) < 2:
        return False
    a, b = words[0].lower().rstrip("."), other[0].lower().rstrip(".")
    return a[:1] != b[:1] or (len(a) > 1 and len(b) > 1 and a != b)


def _described_as_organisations(doc: Doc, inside: Sequence[bool]) -> list[Span]:
    """Names the entity recogniser tagged as a person's or left untagged that an apposition calls an organisation
    ("Clearwater Alliance, a nonprofit, said", "Harlow Foods, a supermarket chain,"): organisations a later "the
    group", "the retailer" may mean."""
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or inside[token.i] or token.ent_type_ not in ("", "PERSON"):
            continue
        if not organisation_apposition(token):
            continue
        entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        start = entity.start if entity is not None else min(
            [token.i] + [t.i for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        )
        found.append(doc[start : token.i + 1])
    return found


def organisation_apposition(name: Token) -> bool:
    """An apposition set off by a comma calls the name (its last word) an organisation ("Clearwater Alliance, a
    nonprofit,", "Harlow Foods, a supermarket chain,"): a noun of organisation_nouns, not one for a person."""
    doc = name.doc
    after = apposition_noun_after(name)
    return any(
        c.dep_ == "appos" and c.i > name.i + 1 and doc[c.left_edge.i - 1].text == ","
        and (organisation_noun(c.lower_) or organisation_noun(c.lemma_.lower())) and not _person_noun(c)
        for c in name.children
    ) or (after is not None and organisation_noun(after.lemma_.lower()) and not _person_noun(after))


def apposition_noun_after(name: Token) -> Token | None:
    """The noun an apposition right after a name ends in, read on the surface for parses that hang it elsewhere:
    "Name, a/an … noun," with only modifiers between ("Vexa.net, a leading anti-spam software company, …" →
    company; an acronym in brackets may come first); none when a preposition or a verb comes between ("Ann Lee,
    head of the company,")."""
    nouns = apposition_nouns_after(name)
    return nouns[0] if nouns else None


def apposition_nouns_after(name: Token) -> list[Token]:
    """The head noun of the apposition after a name (``apposition_noun_after``), and the plural noun of an "of"
    phrase right after it, what the body is made of ("the Harbour Alliance (HA), a coalition of 12 unions working in
    …" → coalition, unions): a later "the unions said" may mean the body."""
    doc = name.doc
    i = name.i + 1
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3  # "Muster Trust (MT), a …"
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an"):
        return []
    j = i + 2
    while j < len(doc) and j < i + 10 and doc[j].text not in APPOSITION_ENDS and (
        doc[j].pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "ADV", "PUNCT") or doc[j].tag_ in ("VBG", "VBN")  # "leading"
    ):
        j += 1
    if j == i + 2 or j >= len(doc) or doc[j - 1].pos_ != "NOUN":
        return []
    head = doc[j - 1]
    if doc[j].text in APPOSITION_ENDS:
        return [head]
    k = j + 1 + (j + 1 < len(doc) and doc[j + 1].like_num)  # "of 18 groups"
    if doc[j].lower_ == "of" and k < len(doc) and doc[k].tag_ == "NNS":
        return [head, doc[k]]
    return []


def _organisation_named_as_person(ent: Span) -> bool:
    """A PERSON entity that names an organisation by its last word ("Dixon Hall", "McMillan LLP", "Covington
    Catholic"): the people stage keeps it off the people pages, and here it can speak as an organisation."""
    words = [t.lower_.rstrip(".") for t in ent if not t.is_punct and t.tag_ != "POS"]
    return len(words) > 1 and words[-1] in _rules()["organisation_name_ends"]


def _tied_words(span: Span) -> list[Token]:
    """Words syntactically tied to a name: its title ("Sheriff Robert Pickell"), an apposition ("John Banky, Ben's
    older brother"), the noun it is the apposition of ("his wife, Linda"), what it is said to be ("Ruiz is a mother
    of four")."""
    root = span.root
    if opens_contact_clause(span):  # "the deputy Tom Hardy attacked": the words before the name are another's
        return [t for t in root.children if t.dep_ == "appos" and t.i > span.end - 1]
    tied = [t for t in root.children if t.dep_ in ("compound", "appos", "amod") and t.pos_ != "PROPN"]
    for child in root.children:
        if child.dep_ == "appos":  # "Barry Fleming, a Republican", "Eric Kirkpatrick, 61"
            tied.append(child)
            # "UNRWA's Director"; not the words of a phrase of it ("a spokeswoman for the city" is no city)
            tied.extend(t for t in child.subtree if t.pos_ in ("NOUN", "NUM", "PROPN") and not _under_preposition(t, child))
    if root.dep_ == "appos":
        tied.append(root.head)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "Ana Ruiz, a nurse from Lima, is a mother of four"
        tied.extend(t for t in root.head.children if t.dep_ == "attr" and t.pos_ == "NOUN")
    left = span.start - 1
    while left >= 0 and root.doc[left].pos_ in ("PROPN", "NOUN", "ADJ", "PUNCT") and root.doc[left].ent_type_ != "PERSON" and span.start - left <= 5:
        if root.doc[left].text not in (",", "“", "”", '"'):
            tied.append(root.doc[left])
        else:
            break
        left -= 1
    after = root.doc[span.end : span.end + 2]  # "Eric Kirkpatrick, 61,": the age
    if len(after) == 2 and after[0].text == "," and after[1].like_num:
        tied.append(after[1])
    return tied


def _under_preposition(token: Token, top: Token) -> bool:
    """Is ``token`` inside a prepositional phrase below ``top``?"""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ in ("prep", "pobj"):
            return True
        token = token.head
    return False


def _role_words(tokens: Sequence[Token]) -> set[str]:
    """Lower-case words and lemmas of tied words, abbreviated titles spelt out ("Sen." → "senator")."""
    abbreviations = _rules()["title_abbreviations"]
    words = set()
    for token in tokens:
        for word in (token.lower_, token.lemma_.lower()):
            words.add(word)
            words.add(abbreviations.get(word.rstrip("."), word))
    return words


# ------------------------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class _OrgPhrase:
    """A speaker phrase as the organisation rules read it: its head, the head's lemma ("media", not "medium"), and
    the person mentions and ORG entities inside it."""

    ds: DocumentSpeakers
    speaker: Span
    at: int
    head: Token
    lemma: str
    persons: tuple[PersonMention, ...]
    orgs: tuple[Span, ...]


class _NotOrganisation(Enum):
    """An organisation rule's verdict that the phrase names a person or people: ``_organisation`` stops and returns
    None (the next rules of ``RULES`` read the phrase)."""

    PERSON = "a person or people"


NOT_ORGANISATION = _NotOrganisation.PERSON
# An organisation rule returns a Resolution (decided), NOT_ORGANISATION (decided: no organisation) or None (not
# this rule: the next one is tried).
OrgVerdict = Union[Resolution, _NotOrganisation, None]


def _org_phrase(ds: DocumentSpeakers, speaker: Span, at: int) -> _OrgPhrase:
    """What every organisation rule reads of ``speaker``."""
    head = speaker.root
    lemma = head.lower_ if head.lower_ in ds.rules["bodies_in_plural"] else head.lemma_.lower()  # "media", not "medium"
    persons = tuple(m for m in ds.people if speaker.start_char <= m.start < speaker.end_char)
    orgs = tuple(e for e in ds.orgs if speaker.start_char <= e.start_char < speaker.end_char or e.start <= head.i < e.end)
    return _OrgPhrase(ds, speaker, at, head, lemma, persons, orgs)


def _organisation(ds: DocumentSpeakers, speaker: Span, at: int) -> Resolution | None:
    """An organisation speaking, or somebody unnamed speaking for one: the first of ``ORGANISATION_RULES`` that
    decides; None when the phrase names a person or people, or no rule applies."""
    phrase = _org_phrase(ds, speaker, at)
    for rule in ORGANISATION_RULES:
        verdict = rule(phrase)
        if verdict is not None:
            return verdict if isinstance(verdict, Resolution) else None
    return None


def _organisation_as(referent: Referent) -> Resolution:
    return Resolution(referent, "organisation")


def _group_noun(p: _OrgPhrase) -> OrgVerdict:
    """"the Felt family", "the family": a group speaking as one."""
    return _group(p.ds, p.speaker, p.head, p.at) if p.lemma in p.ds.rules["group_nouns"] else None


def _website(p: _OrgPhrase) -> OrgVerdict:
    """"according to cnn.com": a website speaks (not an e-mail address, not a path)."""
    head = p.head
    if head.like_url and "@" not in head.text and "/" not in head.text:
        return _organisation_as(Referent(head.text, head.idx, head.idx + len(head.text), "organisation"))
    return None


def _inscription(p: _OrgPhrase) -> OrgVerdict:
    """"a sign on the door read": nobody says it."""
    if p.lemma in p.ds.rules["inscription_nouns"] and p.head.pos_ == "NOUN":
        return _organisation_as(Referent(None, p.speaker.start_char, p.speaker.end_char, "unnamed"))
    return None


def _document_of_possessor(p: _OrgPhrase) -> OrgVerdict:
    """"The league's disciplinary code" parsed as two heads: the possessor issues the document."""
    last = p.speaker[-1]
    if last.i != p.head.i and last.lemma_.lower() in p.ds.rules["document_nouns"] and last.pos_ == "NOUN":
        owners = [t for t in p.speaker if t.dep_ == "poss"]
        issuer = _as_referent(p.ds, owners[0]) if owners else None
        return _organisation_as(issuer or NOBODY)
    return None


def _publisher_of_data(p: _OrgPhrase) -> OrgVerdict:
    """"according to figures released by the Statistics Bureau": the publisher, when named."""
    if p.head.lower_ in p.ds.rules["data_nouns"]:
        publisher = _issuer_in(p.ds, p.head)
        if publisher is not None:
            return _organisation_as(publisher)
    return None


def _document_issuer(p: _OrgPhrase) -> OrgVerdict:
    """"the statement", "a Defence Ministry statement": whoever issued the document, else nobody named."""
    ds, head, lemma = p.ds, p.head, p.lemma
    if not (lemma in ds.rules["document_nouns"] or _modified(head) in ds.rules["document_nouns"]):
        return None
    issuer = _issuer(ds, p.speaker, p.at)
    # "an army statement" with no army named: nobody, not another organisation that spoke
    kind_named = any(c.dep_ == "compound" and organisation_noun(c.lemma_.lower()) for c in head.children)
    if issuer is None and not kind_named:
        issuer = _organisation_that_spoke(ds, p.at, p.speaker) or _organisation_just_before(ds, p.at, p.speaker)
    if issuer is None and lemma in ds.rules["outlet_documents"] and any(t.lower_ in DEFINITE for t in p.speaker):
        issuer = _organisation_named_before(ds, head, p.at)  # "TMZ broke the story … the website reported"
    return _organisation_as(issuer) if issuer is not None else _organisation_as(NOBODY)


def _acronym_as_body(p: _OrgPhrase) -> OrgVerdict:
    """"WHO said" read as a pronoun, "PETA said" as a noun, "The FOMC notes" as an adjective: the body."""
    if _acronym_misread(p.ds, p.head, p.at):
        return _organisation_as(p.ds.organisation(_expanded(p.ds, p.head), p.head.idx, p.head.idx + len(p.head.text)))
    return None


def _person_name(p: _OrgPhrase) -> OrgVerdict:
    """A person's name, even where the entity recogniser says ORG ("Trump last week said")."""
    if p.head.text[:1].isupper() and (p.persons or p.ds.full_name(p.head.text, p.at) is not None):
        return NOT_ORGANISATION
    return None


def _plural_name(p: _OrgPhrase) -> OrgVerdict:
    """"the Conservatives said", "the Greens said": a party or a group by its plural name."""
    head = p.head
    if head.tag_ == "NNPS" and head.text[:1].isupper() and not p.persons and any(t.lower_ == "the" for t in p.speaker if t.i < head.i):
        return _organisation_as(Referent(_bare(p.ds.doc[head.left_edge.i + 1 : head.i + 1].text), head.idx, head.idx + len(head.text), "organisation"))
    return None


def _place_as_institution(p: _OrgPhrase) -> OrgVerdict:
    """"Russia described relations as …": a state speaks; "the Vatican said" (tagged a building): the institution."""
    head = p.head
    if head.ent_type_ in ("GPE", "FAC", "LOC") and head.pos_ == "PROPN":
        place = next((e for e in p.ds.doc.ents if e.start <= head.i < e.end), p.speaker)
        return _organisation_as(Referent(_bare(place.text), place.start_char, place.end_char, "organisation"))
    return None


def _person_of_organisation(p: _OrgPhrase) -> OrgVerdict:
    """"the Navy chief", "a company official", "SeaMicro CEO", "Al - Sawarmi Khalid, spokesman for the armed forces"
    (tagged ORG), "Detectives said" (tagged ORG): a person of the organisation, or people unnamed."""
    head = p.head
    unnamed = head.pos_ == "NOUN" and head.lemma_.lower() in p.ds.rules["unnamed_nouns"] and not _capitalised_noun(head)
    if head.pos_ in ("NOUN", "PROPN") and _person_noun(head) or unnamed or any(c.dep_ == "appos" and _person_noun(c) for c in head.children):
        return NOT_ORGANISATION
    return None


def _name_in_apposition(p: _OrgPhrase) -> OrgVerdict:
    """"the government newspaper Neutral Turkmenistan", "the UN refugee agency, UNHCR," (the parser may call the
    name an adverbial), "The company behind the app, ByteDance, said": the name in apposition."""
    head, lemma = p.head, p.lemma
    appositions = [
        c for c in head.children
        if c.pos_ == "PROPN" and (c.dep_ == "appos" or c.dep_ == "npadvmod" and c.i > head.i and p.ds.doc[c.i - 1].text == ",")
    ] if organisation_noun(lemma) else []
    if organisation_noun(lemma) and not appositions:
        appositions = _name_set_off_before_verb(head)
    if appositions and not p.persons:
        appos = p.ds.doc[appositions[0].left_edge.i : appositions[0].right_edge.i + 1]
        return _organisation_as(p.ds.organisation_of(appos))
    return None


def _product_maker(p: _OrgPhrase) -> OrgVerdict:
    """"the iPhone maker": the company named before."""
    if p.orgs and p.lemma in p.ds.rules["product_heads"] and any(t.lower_ in DEFINITE for t in p.speaker):
        earlier = _organisation_named_before(p.ds, p.head, p.at)
        if earlier is not None:
            return _organisation_as(earlier)
    return None


def _named_organisation(p: _OrgPhrase) -> OrgVerdict:
    """An ORG entity in the phrase: the organisation it names; "the U.N. refugee agency": a body of it, named by the
    whole phrase; "Chelsea manager Mourinho": a person of it, by name."""
    ds, head, lemma = p.ds, p.head, p.lemma
    if not (p.orgs and (head.ent_type_ == "ORG" or organisation_noun(lemma) or head.pos_ == "PROPN")):
        return None
    org = p.orgs[-1]
    if head.ent_type_ != "ORG" and any(_person_noun(t) for t in ds.doc[org.end : head.i]):
        return NOT_ORGANISATION
    between = ds.doc[org.end : head.i]
    if head.ent_type_ != "ORG" and organisation_noun(lemma) and len(between) and all(
        t.pos_ == "NOUN" and t.dep_ == "compound" for t in between
    ):
        return _organisation_as(Referent(_bare(ds.doc[org.start : head.i + 1].text), org.start_char, head.idx + len(head.text), "organisation"))
    return _organisation_as(ds.organisation_of(org))


def _capitalised_common_noun(p: _OrgPhrase) -> OrgVerdict:
    """"“…,” People reported": a common noun written with a capital in mid-sentence is a name."""
    if _capitalised_noun(p.head) and not p.persons and not any(t.dep_ == "det" for t in p.head.children):
        return _organisation_as(p.ds.organisation_of(p.speaker))
    return None


def _by_organisation_noun(p: _OrgPhrase) -> OrgVerdict:
    """An organisation noun with no person in the phrase ("the ministry", "police", "People magazine"): the first of
    ``ORGANISATION_NOUN_RULES`` that decides (the last always does)."""
    if not (organisation_noun(p.lemma) and not p.persons):
        return None
    return next(verdict for verdict in (rule(p) for rule in ORGANISATION_NOUN_RULES) if verdict is not None)


def _body_of_possessor(p: _OrgPhrase) -> OrgVerdict:
    """"Reid's campaign said": the body of the person named as its possessor."""
    if organisation_noun(p.lemma) and p.persons and p.head.pos_ == "NOUN":
        body = _body_of_named_person(p.ds, p.speaker, p.head, p.persons)
        if body is not None:
            return _organisation_as(body)
    return None


# ------------------------------------------------------------- an organisation noun ("the company", "police")


def _name_words(p: _OrgPhrase) -> list[Token]:
    """"People magazine": a capitalised word before the noun names it, even a common noun."""
    return [
        t for t in p.speaker
        if t.i < p.head.i and (t.pos_ in ("PROPN", "ADJ") and (t.ent_type_ or t.text[:1].isupper()) or t.dep_ == "compound" and t.text[:1].isupper())
    ]


def _definite(p: _OrgPhrase) -> bool:
    """"the ministry", "its office", "both companies": one the reader is meant to know."""
    return any(t.lower_ in DEFINITE for t in p.speaker) or p.head.tag_ == "NNS" and any(t.lower_ == "both" for t in p.speaker)


def _described(p: _OrgPhrase) -> bool:
    """"the Japanese automaker", "the Detroit-based company": a description of a company named before, not a name
    ("the Indian Navy", "the Xinhua news agency" are names)."""
    return company_noun(p.lemma) and (
        p.lemma in p.ds.rules["product_heads"] or all(t.ent_type_ in ("NORP", "GPE", "LOC") for t in _name_words(p))
    )


def _plural_body(p: _OrgPhrase) -> bool:
    """"police said": a body named by a plural noun."""
    return p.head.lower_ in p.ds.rules["bodies_in_plural"]


def _organisation_by_its_name(p: _OrgPhrase) -> OrgVerdict:
    """"People magazine", "the Indian Navy": the noun named by the words before it (not a description)."""
    if _name_words(p) and not (_definite(p) and _described(p)):
        return _organisation_as(p.ds.organisation_of(p.speaker))
    return None


def _organisation_named_earlier(p: _OrgPhrase) -> OrgVerdict:
    """"the company", "police": the organisation of that kind named before, if any."""
    earlier = _organisation_named_before(p.ds, p.head, p.at) if _definite(p) or _plural_body(p) else None
    return _organisation_as(earlier) if earlier is not None else None


def _organisation_as_written(p: _OrgPhrase) -> OrgVerdict:
    """"police said" with no force named, "the Japanese automaker" with none named before: the organisation of the
    story, as written."""
    return _organisation_as(p.ds.organisation_of(p.speaker)) if _name_words(p) or _plural_body(p) else None


def _force_as_written(p: _OrgPhrase) -> OrgVerdict:
    """"the army said" with no army named before or after: the country's armed force, as written (as "police")."""
    return _organisation_as(p.ds.organisation_of(p.speaker)) if p.lemma in p.ds.rules["forces_by_noun"] and _definite(p) else None


def _people_unnamed(p: _OrgPhrase) -> OrgVerdict:
    """"authorities said", "officials said": people unnamed, not one organisation."""
    return NOT_ORGANISATION if not _definite(p) and p.head.tag_ == "NNS" else None


def _same_noun_or_office(p: _OrgPhrase) -> OrgVerdict:
    """"the navy" where "the Indian navy" is named, "her office": that organisation."""
    same = _same_noun_named(p.ds, p.head, p.at) or _office_of(p.ds, p.speaker, p.head)
    return _organisation_as(same) if same is not None else None


def _named_by_what_it_is_of(p: _OrgPhrase) -> OrgVerdict:
    """"the ministry of health", "the department of justice": named by what it is of (one body the reader is meant
    to know, of one thing or a name: "a broad alliance of farmers and chefs" names nobody)."""
    head = p.head
    if not (_definite(p) or head.text[:1].isupper()):
        return None
    if any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.tag_ == "NN") for o in c.children)
        for c in head.children
    ):
        phrase = p.ds.doc[p.speaker.start : head.right_edge.i + 1]
        return _organisation_as(p.ds.organisation_of(phrase))
    return None


def _public_body_by_kind(p: _OrgPhrase) -> OrgVerdict:
    """"the interior ministry", "the foreign office" with none named before: the body by its kind, as written."""
    head = p.head
    kind = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i == head.i - 1 and c.is_lower and c.is_alpha]
    if kind and p.lemma in p.ds.rules["public_body_nouns"] and _definite(p):
        phrase = p.ds.doc[kind[0].i : head.i + 1]
        return _organisation_as(Referent(phrase.text, phrase.start_char, phrase.end_char, "organisation"))
    return None


def _organisation_not_named(p: _OrgPhrase) -> OrgVerdict:
    """"the company said" where the article names no organisation of that kind: nobody named (the guidelines'
    null); the phrase stays the speaker as written."""
    return _organisation_as(Referent(None, p.speaker.start_char, p.speaker.end_char, "organisation"))


# Tried in order by ``_by_organisation_noun``; the last always decides.
ORGANISATION_NOUN_RULES: tuple[Callable[[_OrgPhrase], OrgVerdict], ...] = (
    _organisation_by_its_name,
    _organisation_named_earlier,
    _organisation_as_written,
    _people_unnamed,
    _same_noun_or_office,
    _force_as_written,
    _named_by_what_it_is_of,
    _public_body_by_kind,
    _organisation_not_named,
)

# Tried in order by ``_organisation``; the first verdict that is not None wins.
ORGANISATION_RULES: tuple[Callable[[_OrgPhrase], OrgVerdict], ...] = (
    _group_noun,
    _website,
    _inscription,
    _document_of_possessor,
    _publisher_of_data,
    _document_issuer,
    _acronym_as_body,
    _person_name,
    _plural_name,
    _place_as_institution,
    _person_of_organisation,
    _name_in_apposition,
    _product_maker,
    _named_organisation,
    _capitalised_common_noun,
    _by_organisation_noun,
    _body_of_possessor,
)


def _name_set_off_before_verb(head: Token) -> list[Token]:
    """A name set off by commas at the end of a subject, right before its verb, that the parser hung on a noun of
    the subject's phrase ("The company behind the app, ByteDance, said": the company is ByteDance)."""
    verb, doc = head.head, head.doc
    if head.dep_ not in SUBJECTS or verb.i <= head.i:
        return []
    for token in head.subtree:
        if token.pos_ != "PROPN" or token.dep_ != "appos" or token.i == head.i or token.left_edge.i == 0:
            continue
        after = token.right_edge.i + 1
        if doc[token.left_edge.i - 1].text != "," or after >= verb.i or doc[after].text != ",":
            continue
        if all(t.dep_ in ("aux", "neg", "advmod") for t in doc[after + 1 : verb.i]):
            return [token]
    return []


def _acronym_misread(ds: DocumentSpeakers, head: Token, at: int) -> bool:
    """An acronym the tagger took for a pronoun, a common noun or an adjective ("WHO", "PETA", "FOMC"): a body, not
    a person the article names that way."""
    return (
        head.pos_ in ("PRON", "NOUN", "ADJ") and head.text.isupper() and head.text.isalpha() and 2 <= len(head.text) <= 6
        and ds.full_name(head.text, at) is None
    )


def _expanded(ds: DocumentSpeakers, acronym: Token) -> str:
    """The name an acronym abbreviates when the article gave it before without brackets ("People for the Ethical
    Treatment of Animals … PETA said") and the recogniser did not tag the acronym; else the acronym."""
    if acronym.text in ds.acronyms:
        return acronym.text
    for org in reversed([o for o in ds.orgs if o.start_char < acronym.idx]):
        if _initials(_bare(org.text)) == acronym.text:
            return _bare(org.text)
    return acronym.text


def _initials(name: str) -> str | None:
    """The initials of the capitalised words of a name of two or more of them ("Federal Open Market Committee" →
    "FOMC", "Society for the Protection of Hedgehogs" → "SPH")."""
    initials = "".join(w[0] for w in _words(name) if w[:1].isupper())
    return initials if len(initials) >= 2 else None


def _same_noun_named(ds: DocumentSpeakers, noun: Token, at: int) -> Referent | None:
    """The same noun named with a name or a nationality before it ("the Indian navy", "Israel's military", "the
    Teamsters union"), outside quotes: the organisation "the navy" means; the latest before it, else the first
    after it (the article may name it only later: "… the military said. … the Indian military said")."""
    lemma = noun.lemma_.lower()
    for token in [*reversed(ds.doc[: noun.i]), *ds.doc[noun.i + 1 :]]:
        if ds.inside[token.i]:
            continue
        if token.ent_type_ == "ORG" and token.lower_ in (lemma, lemma + "s") and token.ent_iob_ != "B" and (
            token.i + 1 == len(ds.doc) or ds.doc[token.i + 1].ent_iob_ != "I"
        ):  # "the airline said … Southwest Airlines did not say": the name the noun ends
            entity = next(e for e in ds.doc.ents if e.start <= token.i < e.end)
            return ds.organisation_of(entity)
        if token.lemma_.lower() != lemma or token.pos_ != "NOUN":
            continue
        names = [
            t for t in token.lefts
            if t.dep_ in ("amod", "compound", "poss") and (t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG"))
        ]
        if names:
            phrase = ds.doc[names[0].left_edge.i : token.i + 1]
            return ds.organisation_of(phrase)
    return None


def _body_of_named_person(ds: DocumentSpeakers, speaker: Span, noun: Token, persons: Sequence[PersonMention]) -> Referent | None:
    """"Reid's campaign", "Smith's office": the body of the person named as the only possessor of an organisation
    noun ("Harry Reid's campaign"); not a person of theirs ("Reid's spokesman" has a person noun)."""
    owners = [t for t in speaker if t.i < noun.i and t.dep_ == "poss" and t.pos_ == "PROPN" and t.head.i == noun.i]
    if len(owners) != 1 or len(persons) != 1 or _person_noun(noun) or not (persons[0].start <= owners[0].idx < persons[0].end):
        return None
    return Referent(f"{ds.person(persons[0]).name}'s {noun.lower_}", speaker.start_char, speaker.end_char, "organisation")


def _office_of(ds: DocumentSpeakers, speaker: Span, noun: Token) -> Referent | None:
    """"her office", "his campaign": the body of the person the possessive pronoun stands for ("Sarah Palin's
    office"), when the pronoun resolves."""
    owners = [t for t in speaker if t.i < noun.i and t.dep_ == "poss" and t.lower_ in ("his", "her", "their")]
    person = _pronoun(ds, owners[0].lower_, owners[0].idx) if owners else None
    if person is None or person.name is None or person.kind != "person":
        return _office_of_role(ds, noun)
    return Referent(f"{person.name}'s {noun.lower_}", speaker.start_char, speaker.end_char, "organisation")


def _office_of_role(ds: DocumentSpeakers, noun: Token) -> Referent | None:
    """"the prime minister's office", "the governor's office": the office of the person the article gives that role
    ("Anna Berg's office"), else the office as written ("prime minister's office"): a body a reader can tell."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "NOUN" and _person_noun(c)), None)
    if owner is None:
        return None
    person = _person_with_role(ds, owner.lower_, noun.idx)
    phrase = ds.doc[owner.left_edge.i : noun.i + 1]
    if person is not None and person.name:
        return Referent(f"{person.name}'s {noun.lower_}", phrase.start_char, phrase.end_char, "organisation")
    return Referent(_bare(phrase.text), phrase.start_char, phrase.end_char, "organisation")


def _group(ds: DocumentSpeakers, speaker: Span, head: Token, at: int) -> Resolution:
    """A family speaking as one: "the Felt family", "the family of Mark Felt" → "Felt family"; "the family" → the
    family that spoke just before; "his family" with none named → nobody named."""
    named = [t for t in speaker if t.i < head.i and t.pos_ == "PROPN"]
    named += [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    if named:
        name = f"{_bare(named[-1].text)} {head.lower_}"
        return Resolution(Referent(name, speaker.start_char, speaker.end_char, "organisation"), "organisation")
    for statement in ds.recent(at, int(ds.rules["salience_sentences"])):
        if statement.referent.kind == "organisation" and head.lower_ in _words((statement.referent.name or "").lower()):
            return Resolution(statement.referent, "organisation")
    return Resolution(Referent(None, speaker.start_char, speaker.end_char, "unnamed", plural=True), "organisation")


def _modified(noun: Token) -> str:
    """The noun with the modifier right before it ("white paper")."""
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    return f"{before.lower_} {noun.lemma_.lower()}" if before is not None and before.head.i == noun.i else noun.lemma_.lower()


def _subject_first(ds: DocumentSpeakers, recent: Sequence[Span]) -> Span:
    """Of the organisations named in the sentence of the latest one (latest first), the subject of that sentence if
    one is ("Google was fined by the Commission"), else the latest."""
    sentence = ds.sentence(recent[0].start_char)
    subjects = [o for o in recent if ds.sentence(o.start_char) == sentence and o.root.dep_ in SUBJECTS]
    return subjects[0] if subjects else recent[0]


def _organisation_named_before(ds: DocumentSpeakers, noun: Token, at: int) -> Referent | None:
    """"the ministry" → the latest organisation whose name holds the noun ("Defence Ministry") or that was given
    it as an apposition ("the union representing them, Unite"); "the company", "the carmaker" → the latest
    organisation named in the last few sentences."""
    lemma = noun.lemma_.lower()
    first = ds.sentence(at) - 2 * int(ds.rules["salience_sentences"])
    # "“…,” the company told Reuters": whoever it speaks to is not the company, even where it reported before
    spoken_to = {_bare(o.text) for o in ds.orgs if ds.sentence(o.start_char) == ds.sentence(at) and _audience(o)}
    recent = [
        o for o in reversed(ds.orgs)
        if o.end_char <= at and ds.sentence(o.start_char) >= first and (not _audience(o) or _called(o, lemma))
        and _bare(o.text) not in spoken_to
    ]
    for org in recent:
        if lemma in {w.lower() for w in _words(org.text)} or _called(org, lemma):
            return ds.organisation_of(org)
    named = _named_in_apposition(ds, noun, first, at) or _name_ending_in(ds, noun, first, at)
    if named is not None:
        return named
    for statement in ds.recent(at, 2 * int(ds.rules["salience_sentences"])):
        # "Egypt's communications ministry said …" … "the ministry said" (no entity to find it by)
        if statement.referent.kind == "organisation" and lemma in {w.lower() for w in _words(statement.referent.name or "")}:
            return statement.referent
    if lemma in ds.rules["public_body_nouns"] and lemma not in ds.rules["own_noun_only"] and any(
        c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children
    ):
        # "the agency", "the department" (not "her office"): the latest public body named, whatever its noun ("the Ministry of Defence
        # … the department said"), before any company
        bodies = [o for o in recent if _public_body(o.text)]
        if bodies:
            return ds.organisation_of(bodies[0])
    return _company_named_before(ds, noun, at, recent, spoken_to) if company_noun(lemma) else None


def _company_named_before(ds: DocumentSpeakers, noun: Token, at: int, recent: list[Span],
                          spoken_to: set[str]) -> Referent | None:
    """"the company", "the paper", "the group" (``company_noun``) with no organisation named by that noun: of the
    organisations named lately (``recent``, the latest first; none that the sentence speaks to, ``spoken_to``), the
    one the noun means, else one that spoke lately, else the story's main organisation."""
    lemma = noun.lemma_.lower()
    companies = [o for o in recent if not _public_body(o.text)]  # "the company" is no Commission it was fined by
    if noun.tag_ == "NNS" and len({o.text for o in companies}) > 1:
        # "the two companies": the first named of the last two ("AMD bought SeaMicro" → AMD)
        latest = companies[0]
        other = next(o for o in companies if o.text != latest.text)
        return ds.organisation_of(other)
    # "the institution", "the organisation" may mean a public body too; "the company" does not
    kin = recent if lemma in ds.rules["any_organisation_nouns"] else companies
    if kin and ds.sentence(kin[0].start_char) == ds.sentence(noun.idx):
        # "students at Coventry University … what the institution called": named in the same sentence, it is the
        # one the description means, not another that spoke before
        return ds.organisation_of(_subject_first(ds, kin))
    # an organisation that spoke recently ("Daily Eleftherotypia warned …" … "the paper said"), else the
    # organisation named last, the subject of its sentence first ("Google was fined by the Commission")
    for statement in ds.recent(at, 2 * int(ds.rules["salience_sentences"])):
        name = statement.referent.name or ""
        if statement.referent.kind == "organisation" and name and not _public_body(name) and name not in spoken_to:
            return statement.referent
    if kin:
        return ds.organisation_of(_subject_first(ds, kin))
    for statement in ds.recent(at, int(ds.rules["salience_sentences"])):
        if statement.referent.kind == "person" and not statement.referent.known and statement.referent.name:
            # a name of unknown kind that spoke ("Human Rights Watch said …", not tagged): "the group" is it
            return replace(statement.referent, kind="organisation")
    main = _main_organisation(ds, at)
    return main if main is not None and main.name not in spoken_to else _untagged_subject(ds, noun, at)


def _called(org: Span, lemma: str) -> bool:
    """Is the organisation given the noun in apposition ("the union representing them, Unite"; "according to Vexa.net,
    a leading software company,"; "…, a coalition of 12 unions,")? Then a later "the union", "the company", "the
    unions" means it, even one that reported."""
    root = org.root
    after = {t.lemma_.lower() for t in apposition_nouns_after(org[-1])}
    return (root.dep_ == "appos" and root.head.lemma_.lower() == lemma) or lemma in after


def _public_body(name: str) -> bool:
    """An organisation named by a noun for a public body ("European Commission", "Defence Ministry", "Leeds City
    Council"): no company a later "the company" or "the firm" means."""
    words = _words(_bare(name).lower())
    if len(words) > 2 and words[1] == "of" and words[0] in _rules()["public_body_nouns"]:
        return True  # "Ministry of Defence", "Department of Justice"
    return bool(words) and organisation_noun(words[-1]) and not company_noun(words[-1])


def _organisation_that_spoke(ds: DocumentSpeakers, at: int, document: Span) -> Referent | None:
    """The issuer of "the statement" when the article never says who issued one: the organisation that spoke in
    the sentences just before ("The Transport Ministry said the bridge would reopen. The statement added: …").
    Only a definite document ("a statement said" may be anybody's)."""
    if not any(t.lower_ in DEFINITE for t in document):
        return None
    for statement in ds.recent(at, int(ds.rules["carry_sentences"])):
        if statement.referent.kind == "organisation" and statement.referent.name is not None:
            return statement.referent
    return None


def _organisation_just_before(ds: DocumentSpeakers, at: int, document: Span) -> Referent | None:
    """The issuer of "a statement" the article does not name: the organisation the sentence just before has as (a
    part of) its subject ("Acme Corp. posted a loss. “…,” a statement reads"; "A Kraft representative confirmed
    … “…,” a statement reads"). Only a statement or a release, not "a report" (anybody's)."""
    if document.root.lemma_.lower() not in ds.rules["statement_nouns"]:
        return None
    index = ds.sentence(at) - 1
    while index >= 0 and all(ds.inside[t.i] or t.is_punct for t in ds.sentences[index]):
        index -= 1  # a sentence wholly inside the quote
    if index < 0:
        return None
    for token in ds.sentences[index]:
        if token.dep_ not in SUBJECTS or ds.inside[token.i]:
            continue
        scope = (token.left_edge.idx, token.idx + len(token.text))
        for org in ds.orgs:
            if scope[0] <= org.start_char and org.end_char <= scope[1] and not _audience(org):
                return ds.organisation_of(org)
    return None


def _named_in_apposition(ds: DocumentSpeakers, noun: Token, first_sentence: int, at: int) -> Referent | None:
    """The name given in apposition to the same noun earlier, whatever the recogniser made of it ("The union
    representing the pilots, Balpa, …" … "the union said"): a name no first name of the name list opens."""
    lemma = noun.lemma_.lower()
    for token in reversed(ds.doc[ds.sentences[max(first_sentence, 0)].start : noun.i]):
        if token.lemma_.lower() != lemma or token.i == noun.i or ds.inside[token.i] or token.idx >= at:
            continue
        for name in token.subtree:
            if name.dep_ != "appos" or name.pos_ != "PROPN" or name.i == 0 or name.doc[name.left_edge.i - 1].text != ",":
                continue
            span = ds.doc[name.left_edge.i : name.i + 1]
            if not known_first_name(span[0].text):
                return ds.organisation_of(span)
    return None


def _name_ending_in(ds: DocumentSpeakers, noun: Token, first_sentence: int, at: int) -> Referent | None:
    """The latest name, whatever the recogniser made of it, whose last word is the noun ("St Mary's Hospital" tagged
    a person … "the hospital said"; "Heathrow Airport" … "the airport said"): the body the description means."""
    lemma = noun.lemma_.lower()
    for token in reversed(ds.doc[ds.sentences[max(first_sentence, 0)].start : noun.i]):
        if token.idx >= at or ds.inside[token.i] or token.pos_ != "PROPN" or token.lower_ != lemma:
            continue
        start = token.left_edge.i
        while start < token.i and (ds.doc[start].pos_ not in ("PROPN", "NUM") or ds.doc[start].ent_type_ in NOT_NAMES - {"CARDINAL"}):
            start += 1  # "the", "a" and places before the name are not part of it
        if start == token.i:
            continue  # the noun alone ("Hospital" as a word of a headline)
        name = ds.doc[start : token.i + 1]
        return Referent(_bare(name.text), name.start_char, name.end_char, "organisation")
    return None


def _untagged_subject(ds: DocumentSpeakers, noun: Token, at: int) -> Referent | None:
    """The latest proper noun the recogniser left untagged that is a subject in the sentences before ``at``, for
    "the company" when the article names no organisation the recogniser knows ("Acme lost the case. The company
    called …"); never a person named, a place or a first name of the name list."""
    first = max(ds.sentence(at) - int(ds.rules["salience_sentences"]), 0)
    for token in reversed(ds.doc[ds.sentences[first].start : ds.sentences[ds.sentence(at)].end]):
        if token.idx >= at or token.dep_ not in SUBJECTS or ds.inside[token.i]:
            continue
        names = [t for t in token.lefts if t.dep_ == "compound" and t.text[:1].isupper() and not t.ent_type_]
        if names and token.lemma_.lower() == noun.lemma_.lower():  # "People magazine broke the story … the magazine"
            name = ds.doc[names[0].i : token.i + 1]
            return Referent(name.text, name.start_char, name.end_char, "organisation")
        if _untagged_name(ds, token, at):
            name = _with_compounds(ds, token)
            return Referent(name.text, name.start_char, name.end_char, "organisation")
    # no such subject: an untagged name in another role in the sentence before ("Regulators fined Meta …. The
    # company said"), the latest first
    previous = max(ds.sentence(at) - 1, 0)
    for token in reversed(ds.doc[ds.sentences[previous].start : ds.sentences[ds.sentence(at)].end]):
        if token.idx >= at or ds.inside[token.i] or token.dep_ not in ("dobj", "pobj", "nmod", "poss", "compound"):
            continue
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            continue  # a part of a longer name
        if token.i == token.sent.start and not (token.pos_ == "PROPN" and token.dep_ in ("compound", "poss") and token.head.dep_ in SUBJECTS):
            continue  # a sentence's first word, unless a name before its subject ("Tesla shares fell …")
        if _untagged_name(ds, token, at):
            name = _with_compounds(ds, token)
            return Referent(name.text, name.start_char, name.end_char, "organisation")
    return None


def _main_organisation(ds: DocumentSpeakers, at: int) -> Referent | None:
    """The organisation the article is most about before ``at`` (the most mentions sharing a word with it; of
    equals, the latest): "the company" long after "Kraft Foods" was last named."""
    earlier = [o for o in ds.orgs if o.end_char <= at and not _audience(o)]
    if not earlier:
        return None
    words = [{w.lower() for w in _words(_bare(o.text))} for o in earlier]
    scores = [sum(bool(w & other) for other in words) for w in words]
    best = max(range(len(earlier)), key=lambda i: (scores[i], i))
    org = earlier[best]
    return ds.organisation_of(org)


def _audience(org: Span) -> bool:
    """An organisation somebody speaks to or is reported by ("he told The Associated Press", "according to
    Reuters"): not the company a later "the company said" means."""
    root = org.root
    if root.dep_ in ("dobj", "dative", "obj") and root.head.lemma_.lower() in ("tell", "inform", "brief", "email", "write"):
        return True
    if root.dep_ == "nsubj" and asks_for_comment(root.head):
        return True  # "Reuters could not reach the airline for comment": the outlet reporting, not the airline
    if root.dep_ != "pobj" or root.head.lower_ not in ("to", "according"):
        return False
    verb = root.head.head  # "according to Reuters", "spoke to the BBC"; not "belongs to Kraft"
    return root.head.lower_ == "according" or verb.lower_ == "according" or (
        verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _audience_verbs()
    )


def asks_for_comment(verb: Token) -> bool:
    """A verb of contacting somebody "for comment" ("could not reach the company for comment", "asked the ministry
    for comment"): its subject is the outlet that reports, not a party to the story."""
    return verb.lemma_.lower() in _rules()["contact_verbs"] and any(
        c.dep_ == "prep" and c.lower_ == "for" and any(o.lemma_.lower() == "comment" for o in c.children)
        for c in verb.children
    )


@lru_cache(maxsize=1)
def _audience_verbs() -> frozenset[str]:
    """Verbs one speaks to somebody with: the reporting verbs and the verbs of talking of speakers.yaml."""
    return frozenset(load_rules("reporting_verbs")["reporting_verbs"]) | frozenset(_rules()["talking_verbs"])


def _issuer(ds: DocumentSpeakers, speaker: Span, at: int) -> Referent | None:
    """Who issued the document a speaker phrase names: "a statement from BC Hydro", "Waitrose's statement", or the
    latest earlier sentence about such a document ("Kraft Foods issued a statement")."""
    found = _issuer_in(ds, speaker.root)
    if found is not None:
        return found
    lemma = speaker.root.lemma_.lower()
    documents = set(ds.rules["document_nouns"]) - {"post", "code", "policy", "decision", "ruling", "verdict"}
    first = ds.sentence(at) - int(ds.rules["salience_sentences"])
    # the document named last in the sentences before ("In a press statement released Nov. 10, the White House
    # urged …" … "read the press release"), else the latest one of the same name
    near = [
        t for t in reversed(ds.doc[: speaker.start])
        if t.pos_ == "NOUN" and t.lemma_.lower() in documents | {lemma} and not ds.inside[t.i] and ds.sentence(t.idx) >= first
    ]
    same = [t for t in reversed(ds.doc[: speaker.start]) if t.pos_ == "NOUN" and t.lemma_.lower() == lemma and not ds.inside[t.i]]
    for token in near[:1] + same:
        found = _issuer_in(ds, token)
        if found is not None:
            return found
        for subject in _subjects_of_document_clause(token):
            found = _as_referent(ds, subject)
            if found is not None:
                return found
    return _issuer_named_next(ds, speaker)


def _issuer_named_next(ds: DocumentSpeakers, speaker: Span) -> Referent | None:
    """An indefinite document whose issuer the next sentence names ("…, says a report highlighting “…”. The report
    by the Tenants' Union claims …"): that issuer."""
    head = speaker.root
    if not any(t.lower_ in ("a", "an") for t in speaker if t.i < head.i):
        return None
    following = ds.sentence(speaker.start_char) + 1
    if following >= len(ds.sentences):
        return None
    for token in ds.sentences[following]:
        if token.pos_ == "NOUN" and token.lemma_.lower() == head.lemma_.lower() and not ds.inside[token.i] \
                and any(d.lower_ == "the" for d in token.children):
            return _issuer_in(ds, token)
    return None


def _subjects_of_document_clause(noun: Token) -> list[Token]:
    """Who speaks through a document named in a clause: "Kraft Foods issued a statement" (its object), "In a
    statement, the army said …" (the verb the phrase modifies)."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("in", "through", "via"):
        verb = verb.head
    elif noun.dep_ not in ("dobj", "obj"):
        return []
    return [past_split_possessive(c) for c in verb.children if c.dep_ in SUBJECTS]


def _issuer_in(ds: DocumentSpeakers, noun: Token, verb: Token | None = None) -> Referent | None:
    """The issuer named with a document: "Waitrose's statement", "a statement from BC Hydro", "a statement
    released by spokesman Benjamin Rutland", "The AMD statement", "a Defence Ministry statement", "a statement
    posted on the team's website" (``verb``: the verb of issuing, whose phrases name the issuer too)."""
    for child in noun.children if verb is None else verb.children:
        if child.dep_ == "poss" or child.dep_ == "nmod" and any(c.dep_ == "case" for c in child.children):
            return _as_referent(ds, child)  # "Waitrose's statement" ("the Fenwick Theatre's website": an nmod)
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _as_referent(ds, objects[0])
        if child.dep_ == "prep" and child.lower_ in ("on", "in"):  # "a statement on its website", "a report on ESPN.com"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            owners = [o for c in objects for o in c.children if o.dep_ == "poss"] + [c for c in objects if c.pos_ == "PROPN"]
            owners += [o for c in objects for o in c.children if o.dep_ == "compound" and (o.pos_ == "PROPN" or o.ent_type_ == "ORG")]  # "on the Microsoft website"
            if owners:
                return _as_referent(ds, owners[0])
        if child.dep_ == "acl" and child.lemma_.lower() in ds.rules["issue_verbs"] and verb is None:
            agents = passive_agents(child)
            if agents:
                return _as_referent(ds, agents[0])
            found = _issuer_in(ds, noun, child)
            if found is not None:
                return found
    if verb is not None:
        return None
    for child in noun.children:  # "the presidential memorandum": the president's
        role = ds.rules["role_adjectives"].get(child.lower_) if child.dep_ == "amod" else None
        found = _person_with_role(ds, role, noun.idx) if role else None
        if found is not None:
            return found
    named = [
        c for c in noun.children
        if c.dep_ == "compound" and c.i < noun.i and (c.pos_ == "PROPN" or c.ent_type_ == "ORG" or organisation_noun(c.lemma_.lower()))
    ]  # "The AMD statement", "a Defence Ministry statement", "the court ruling"
    if named:
        return _as_referent(ds, named[-1])
    return None


def _person_with_role(ds: DocumentSpeakers, role: str, before: int) -> Referent | None:
    """The latest person named before ``before`` with ``role`` as title or role ("President Obama" for
    "president")."""
    for mention in reversed(ds.people):
        if mention.end > before:
            continue
        span = ds.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        tied = _role_words(_tied_words(span)) if span is not None else set()
        titled = ds.text[max(mention.start - len(role) - 2, 0) : mention.start].strip().lower().endswith(role)
        if role in tied or role in _role_head_words(mention.role or "") or titled:
            return ds.person(mention)
    return None


def _as_referent(ds: DocumentSpeakers, token: Token) -> Referent | None:
    """A token that names an issuer: a person mention, an organisation, a pronoun of one."""
    appositions = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if appositions:  # "the supermarket chain Waitrose"
        token = appositions[0]
    span = ds.doc[token.left_edge.i : token.i + 1]
    for mention in ds.people:
        if span.start_char <= mention.start < span.end_char:
            return ds.person(mention)
    for org in ds.orgs:
        if span.start_char <= org.start_char < span.end_char:
            return ds.organisation_of(org)
    for place in (e for e in ds.doc.ents if e.label_ == "GPE" and span.start_char <= e.start_char < span.end_char):
        return Referent(_bare(place.text), place.start_char, place.end_char, "organisation")  # "The United States issued a statement"
    if token.lower_ in ds.rules["pronouns"]:
        return _pronoun(ds, token.lower_, token.idx)
    if organisation_noun(token.lemma_.lower()):
        # "the airline's statement", "an army statement": the organisation of that kind named before, else nobody
        # ("the band's website" with no band named); "the Indian government", "Acme's" name it; "police" is the police
        named = any(t.text[:1].isupper() for t in span if t.lower_ not in DEFINITE and t.pos_ != "DET") or token.lower_ in ds.rules["bodies_in_plural"]
        if not named and (office := _office_of_role(ds, token)) is not None:  # "a statement from the prime minister's office"
            return office
        return ds.organisation_of(span) if named else _organisation_named_before(ds, token, token.idx)
    if token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in NOT_NAMES:
        # a name the entity recogniser left out ("Human Rights Watch published a report"): a person only when the
        # first-name list knows its first word
        words = [t for t in span if t.pos_ == "PROPN"]
        if len(words) > 1 and lexicon_gender(words[0].text):
            return Referent(span.text, span.start_char, span.end_char, "person", lexicon_gender(words[0].text))
        return ds.organisation_of(span)
    return None


def noun_kind(noun: Token) -> str | None:
    """"person" ("the spokesman"), "organisation" ("the ministry"), "document" ("the statement") or None for a
    noun that names no speaker ("position", "response")."""
    lemma = noun.lemma_.lower()
    if noun.pos_ == "PROPN" or _person_noun(noun):
        return "person" if noun.pos_ != "PROPN" else "organisation"  # a name speaks for itself
    if lemma in _rules()["document_nouns"]:
        return "document"
    return "organisation" if organisation_noun(lemma) or lemma in _rules()["group_nouns"] else None


def organisation_noun(word: str) -> bool:
    """A noun for an organisation ("ministry", "police"), the company nouns among them."""
    return word in _rules()["organisation_nouns"] or company_noun(word)


def company_noun(word: str) -> bool:
    """A noun that, written "the company", means an organisation named before ("the carmaker", "the charity")."""
    return word in _rules()["company_nouns"]


def _person_noun(noun: Token) -> bool:
    words = {noun.lower_, noun.lemma_.lower()}
    roles = {w.lower() for w in load_rules("people")["role_nouns"]}  # shared with the people rules
    return bool(words & roles) or any(words & set(ws) for ws in _rules()["gendered_words"].values())


def _any_person_noun(noun: Token) -> bool:
    """A noun for a person: one of the rules, else one WordNet's first sense makes a person ("farmer", "bystander",
    "militant")."""
    if _person_noun(noun):
        return True
    from generator.link import wordnet  # WordNet's noun classes; without it, the rules' nouns only

    return noun.pos_ == "NOUN" and wordnet.first_noun_class(noun.lemma_.lower()) == "person"


def people_noun(noun: Token) -> bool:
    """A plural noun for people ("parents", "residents", "analysts": a noun for a person of the rules, else WordNet's
    first sense a person) or a pronoun for some of them ("many", "others")."""
    if noun.lower_ in _rules()["group_pronouns"]:
        return True
    return noun.pos_ == "NOUN" and noun.tag_ == "NNS" and _any_person_noun(noun)


def _bare(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(" :;,"), flags=re.IGNORECASE)
    return re.sub(r"\s*['’]s?$", "", text)


def _named(ds: DocumentSpeakers, speaker: Span, at: int) -> Resolution | None:
    """A person named in the phrase, not as a possessor ("Abed Sultan's father" is not Abed Sultan)."""
    head = speaker.root
    candidates = []
    for mention in ds.people:
        if not (speaker.start_char <= mention.start < speaker.end_char):
            continue
        span = ds.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and (span.root.dep_ == "poss" and span.root.head.i == head.i and head.pos_ != "PROPN"):
            continue
        if _object_of_noun(ds, mention, head) or head.pos_ == "NOUN" and _in_clause(ds, mention, head):
            continue  # "Friends of Kathryn Jenkin, known as Katie,": neither name speaks
        candidates.append(mention)
    # "Abed Sultan's father, Samir", "Ryanair CEO, Michael O' Leary" ("CEO" tagged a proper noun): the name in apposition
    appositions = _name_appositions(head) if head.pos_ != "PROPN" or _person_noun(head) else []
    for child in appositions:
        appos = [m for m in ds.people if child.left_edge.idx <= m.start <= child.idx]
        if appos:
            return Resolution(ds.person(appos[-1]), "cue")
    if appositions:
        return Resolution(_proper(ds, ds.doc[appositions[0].left_edge.i : appositions[0].i + 1]), "cue")
    if not candidates:  # "Chief investment officer at Fort Pitt Capital Group Charlie Smith": beyond the words kept
        scope = (head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text))
        candidates = [
            m for m in ds.people
            if scope[0] <= m.start and m.end <= scope[1] and not _in_clause(ds, m, head) and not _names_another_noun(ds, m, head)
            and not _object_of_noun(ds, m, head)
        ]
    if candidates:
        return Resolution(ds.person(candidates[-1]), "cue")
    known = ds.full_name(head.text, at) if head.text[:1].isupper() else None
    if known is not None:  # "Payton said", "Ford said later" (tagged GPE / ORG): the person of that name
        return Resolution(Referent(known.name, head.idx, head.idx + len(head.text), "person", ds.gender(known.name)), "cue")
    person = any(c.dep_ == "appos" and _person_noun(c) for c in head.children)  # "Khalid, spokesman for …" (tagged ORG)
    if head.pos_ == "PROPN" and head.text[:1].isupper() and (head.ent_type_ not in NOT_NAMES | {"ORG"} or person):
        words = [t for t in speaker if t.pos_ == "PROPN" and t.i <= head.i and t.i >= head.i - 3]
        referent = _proper(ds, ds.doc[words[0].i : head.i + 1] if words else speaker)
        if referent.kind == "person" and not referent.known and words and _the_before_name(speaker, words[0]):
            referent = replace(referent, kind="organisation")  # "The Red Fox Inn said": no person's name takes "the"
        return Resolution(referent, "organisation" if referent.kind == "organisation" else "cue")
    return None


def _name_appositions(head: Token) -> list[Token]:
    """The proper nouns in apposition to ``head``, not in brackets ("Director (Acting) of the agency, Paul Grant":
    "Acting" qualifies the office, Paul Grant names its holder)."""
    doc = head.doc
    return [
        c for c in head.children
        if c.dep_ == "appos" and c.pos_ == "PROPN"
        and not (c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == "(" or c.right_edge.i + 1 < len(doc) and doc[c.right_edge.i + 1].text == ")")
    ]


def _the_before_name(speaker: Span, first: Token) -> bool:
    """Is a name of two or more words written with "the" before it, its first word no first name ("The Idle
    Hour", "the Red Fox Inn"): a name of a place or a body, not a person's."""
    return (
        first.i > speaker.start and first.doc[first.i - 1].lower_ == "the" and first.i < speaker.root.i
        and not known_first_name(first.text)
    )


def _object_of_noun(ds: DocumentSpeakers, mention: PersonMention, head: Token) -> bool:
    """Is the name the object of a preposition of the speaker's noun or of an adjective of it ("Friends of Kathryn
    Jenkin", "a lawyer for Smith", "a source close to Reed"): somebody the speaker is described by, not the speaker."""
    span = ds.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or head.pos_ != "NOUN":
        return False
    root = span.root
    while root.dep_ in ("compound", "flat") and root.head.i != root.i:
        root = root.head
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    governor = root.head.head  # the noun, or an adjective of it ("a source close to Reed")
    return governor.i == head.i or (governor.dep_ == "amod" and governor.head.i == head.i)


def _in_clause(ds: DocumentSpeakers, mention: PersonMention, head: Token) -> bool:
    """Is the mention inside a relative clause or another clause of the subject ("Mr Costa, who met Putin,")?"""
    span = ds.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is None or clause_between(span.root, head, ("relcl", "acl", "advcl", "ccomp", "poss"))


def _capitalised_noun(token: Token) -> bool:
    """A common noun written with a capital where English would not ("“…,” People reported"): not the first word of
    a sentence (nor after an opening mark), not an acronym, not a role ("the President")."""
    previous = token.doc[token.i - 1] if token.i > 0 else None
    first_word = token.i == token.sent.start or previous is None or previous.is_punct and previous.text not in (",", "”", "’")
    return (
        token.pos_ == "NOUN" and token.text[:1].isupper() and not token.text.isupper() and not first_word
        and not _person_noun(token)
    )


def _names_another_noun(ds: DocumentSpeakers, mention: PersonMention, head: Token) -> bool:
    """Is the name a modifier of another noun of the phrase ("the prosecutor in the Delgado case", "a lawyer for
    the Smith family"): it names the case or the family, not the speaker."""
    span = ds.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("compound", "poss", "nmod") and root.head.i != head.i and root.head.pos_ == "NOUN"


def _proper(ds: DocumentSpeakers, span: Span) -> Referent:
    """A proper name the entity recogniser did not call a person ("Mujahidin", "Payton")."""
    text = re.sub(r"['’]s?$", "", span.text).strip()
    text = re.sub(r"^(Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Sgt|Const|Adm)\.?\s+", "", text)
    full = ds.full_name(text, span.start_char)
    if full is not None:
        return Referent(full.name, span.start_char, span.end_char, "person", ds.gender(full.name))
    organisation = ds.organisation(text, span.start_char, span.end_char)
    if text in ds.acronyms or organisation.name != _bare(text):
        # "argued the NRDC" after "the Natural Resources Defense Council (NRDC)"; "FLAG said" after "FLAG Telecom"
        return organisation
    tied = _tied_words(span)
    gender = ds.gender(text) or next((g for g in map(lambda t: _noun_gender(ds, t), tied) if g), None)
    return Referent(text, span.start_char, span.end_char, "person", gender, known=gender is not None)


def _pronoun_rule(ds: DocumentSpeakers, speaker: Span, at: int) -> Resolution | None:
    if len(speaker) != 1 or speaker[0].lower_ not in ds.rules["pronouns"]:
        return None
    document = _document_before(ds, speaker[0]) if speaker[0].lower_ == "it" else None
    if document is not None:  # "… is not explained in the indictment, but it says …": the document speaks
        issuer = _issuer_in(ds, document) or next(filter(None, map(lambda t: _as_referent(ds, t), _subjects_of_document_clause(document))), None)
        return Resolution(issuer or NOBODY, "pronoun")
    allowed = set(ds.rules["pronouns"][speaker[0].lower_])
    above = _subject_above(ds, speaker[0], allowed)
    return Resolution(above or _pronoun(ds, speaker[0].lower_, speaker.start_char) or NOBODY, "pronoun")


def _subject_above(ds: DocumentSpeakers, pronoun: Token, allowed: set[str]) -> Referent | None:
    """A pronoun speaker in a clause under another verb is the subject of the nearest verb above that has one, when
    that subject is a named person of an agreeing gender ("with Mr Peres denouncing what he called …", "Ruth Ames
    rejected what she called …"); None otherwise (the subject above is somebody else, unnamed, or of the other gender)."""
    for verb in pronoun.head.ancestors:
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and not ds.inside[c.i]]
        if not subjects:
            continue
        subject = subjects[0]
        mention = next((m for m in ds.people if m.start <= subject.idx < m.end), None)
        if mention is None:
            return None
        referent = ds.person(mention)
        return referent if referent.gender is not None and _agrees(referent, allowed, unknown_ok=False) else None
    return None


def _document_before(ds: DocumentSpeakers, pronoun: Token) -> Token | None:
    """The document "it" stands for: the nearest noun before it in its sentence that could be "it", when that
    noun names a document ("the indictment", "the report"), not an organisation or anything else."""
    for token in reversed(ds.doc[pronoun.sent.start : pronoun.i]):
        if ds.inside[token.i] or token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS"):
            continue
        if token.dep_ == "compound" or _person_noun(token):
            continue
        return token if token.pos_ == "NOUN" and token.lemma_.lower() in ds.rules["document_nouns"] else None
    return _document_subject_before(ds, pronoun)


def _document_subject_before(ds: DocumentSpeakers, pronoun: Token) -> Token | None:
    """When "it" has nothing before it in its sentence but a quote ("“…,” it stated"): the document that is the
    subject of the main clause of the last sentence of narration before ("A confidential report … pinpointed the
    casino as a front."), if that subject is a document."""
    start = pronoun.sent.start
    while start > 0 and ds.inside[start - 1]:  # back past the quote (over several sentences) to the narration
        start = ds.doc[start - 1].sent.start
    if start == 0:
        return None
    sentence = ds.doc[start - 1].sent
    root = sentence.root
    subject = next((c for c in root.children if c.dep_ in SUBJECTS and not ds.inside[c.i]), None)
    if subject is None or subject.pos_ != "NOUN" or subject.tag_ == "NNS":
        return None
    return subject if subject.lemma_.lower() in ds.rules["document_nouns"] else None


def _agrees(referent: Referent, allowed: set[str], unknown_ok: bool) -> bool:
    if referent.kind == "organisation":
        return "o" in allowed
    if referent.plural:
        return "p" in allowed
    if not allowed & {"m", "f"}:
        return False
    if referent.gender is None:  # a name that says nothing of its gender; an acronym is no person ("ATI")
        return unknown_ok and referent.known and not (referent.name or "").isupper()
    return referent.gender in allowed


def _pronoun(ds: DocumentSpeakers, word: str, at: int) -> Referent | None:
    """The referent of a pronoun speaker: salience first (recent statements), then the nearest agreeing mention."""
    return _salient(ds, set(ds.rules["pronouns"][word]), at)


def _salient(ds: DocumentSpeakers, allowed: set[str], at: int, named_only: bool = False) -> Referent | None:
    """The most salient referent before ``at`` that agrees with ``allowed`` (genders, "o" organisation, "p"
    group): the subject of the main clause of the same sentence ("Tom Fletcher … was the envy of his followers
    as he tweeted:"), the speaker of a recent statement, then the nearest agreeing subject of a main clause, of
    any clause, then mention.
    ``named_only``: a named person, never somebody unnamed (for descriptions)."""
    own = _main_subject_before(ds, at, allowed) or (_organisation_subject_before(ds, at) if "o" in allowed else None)
    if own is not None:
        return own
    for n, statement in enumerate(ds.recent(at, int(ds.rules["salience_sentences"]))):
        if named_only and statement.referent.name is None:
            continue
        if _other_pronoun(ds, statement, allowed):
            continue  # "When she says something, he responds": he is not whoever she was taken for
        if _agrees(statement.referent, allowed, unknown_ok=n == 0):
            newer = _main_subject_after(ds, statement.at, at, allowed)
            return newer if newer is not None and newer.name != statement.referent.name else statement.referent
    first_sentence = ds.sentence(at) - 2 * int(ds.rules["salience_sentences"])
    mentions = [
        ds.person(m) for m in reversed(ds.people) if m.end <= at and ds.sentence(m.start) >= first_sentence
    ] if allowed & {"m", "f"} else []
    organisations = [
        ds.organisation_of(o)
        for o in reversed(ds.orgs) if o.end_char <= at and ds.sentence(o.start_char) >= first_sentence
    ] + _organisation_subjects(ds, first_sentence, at) if "o" in allowed else []
    candidates = sorted(mentions + organisations, key=lambda r: -(r.start or 0))
    subjects = [r for r in candidates if _is_subject(ds, r)]
    main_subjects = [r for r in subjects if _is_subject(ds, r, main=True)]  # "X is sure that Y is …": X
    for pool in (main_subjects, subjects, candidates):
        for referent in pool:
            if _agrees(referent, allowed, unknown_ok=True):
                return referent
    return None


def _other_pronoun(ds: DocumentSpeakers, statement: Statement, allowed: set[str]) -> bool:
    """Was the statement's speaker written as a pronoun of another gender than ``allowed`` ("she" for "he")?"""
    word = (statement.text or "").lower()
    genders = set(ds.rules["pronouns"].get(word, ())) & {"m", "f"}
    return bool(genders) and not genders & allowed


def _main_subject_before(ds: DocumentSpeakers, at: int, allowed: set[str]) -> Referent | None:
    """The person the article gives an agreeing gender who is the subject of the main clause of the sentence
    holding ``at``, named before it."""
    sentence = ds.sentence(at)
    reported = _reported_before(ds, at)
    agreeing = []
    for mention in reversed(ds.people):
        if mention.end > at or ds.sentence(mention.start) != sentence or ds.quoted(mention.start, mention.end):
            continue
        if reported is not None and reported[0] <= mention.start < reported[1]:
            continue  # "Taking Archie outside is his favourite pastime, he said": Archie is talked about, not talking
        referent = ds.person(mention)
        if referent.gender is not None and _agrees(referent, allowed, unknown_ok=False):
            if _is_subject(ds, referent, main=True):
                return referent
            agreeing.append(referent)
    # the only person of that gender named before it in its sentence, unless in a phrase of a preposition
    # ("Tom Fletcher from McFly was the envy … as he tweeted:", however the parser read it)
    if len({r.name for r in agreeing}) == 1 and not _in_prepositional_phrase(ds, agreeing[0]):
        return agreeing[0]
    return None


def _reported_before(ds: DocumentSpeakers, at: int) -> tuple[int, int] | None:
    """The characters a pronoun's trailing cue reports ("Taking Archie outside is his favourite pastime, he said"):
    the words of its sentence before the comma before the pronoun, when the pronoun at ``at`` is the subject of a
    verb of saying after it. A person named there is talked about; people do not name themselves so."""
    span = ds.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return None
    pronoun = span[0]
    verb, start = pronoun.head, pronoun.sent.start
    if pronoun.dep_ != "nsubj" or verb.i <= pronoun.i or verb.lemma_.lower() not in _reporting_verbs():
        return None
    if pronoun.i - 1 <= start or ds.doc[pronoun.i - 1].text != ",":
        return None
    return ds.doc[start].idx, ds.doc[pronoun.i - 1].idx


def _organisation_subjects(ds: DocumentSpeakers, first_sentence: int, at: int) -> list[Referent]:
    """Organisations named by a noun as the subject of a clause between sentence ``first_sentence`` and ``at``
    ("Police arrested the man … “…,” they said"; "The company cut jobs … it said")."""
    found = []
    for token in ds.doc[ds.sentences[max(first_sentence, 0)].start :]:
        if token.idx >= at:
            break
        if token.dep_ not in SUBJECTS or ds.inside[token.i] or any(o.start <= token.i < o.end for o in ds.orgs):
            continue
        if token.pos_ == "NOUN" and noun_kind(token) == "organisation":
            resolved = _organisation(ds, ds.doc[token.left_edge.i : token.i + 1], token.idx)
            if resolved is not None and resolved.referent.name is not None:
                found.append(replace(resolved.referent, start=token.idx, end=token.idx + len(token.text)))
        elif _untagged_name(ds, token, at):  # "The US Treasury described the plan … It said that “…”"
            name = _with_compounds(ds, token)
            found.append(Referent(name.text, token.idx, token.idx + len(token.text), "organisation"))
    return found


def _with_compounds(ds: DocumentSpeakers, token: Token) -> Span:
    """The proper noun with the proper nouns compounded before it ("US Treasury")."""
    return ds.doc[min([t.i for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token.i]) : token.i + 1]


def _untagged_name(ds: DocumentSpeakers, token: Token, at: int) -> bool:
    """A proper noun the entity recogniser left untagged (or took for a building: "Skybridge Air") that names no
    person the article names and no first name of the name list (an organisation or a thing: "Treasury", "Acme")."""
    return (
        token.pos_ == "PROPN" and token.ent_type_ in ("", "FAC") and token.text[:1].isupper() and not known_first_name(token.text)
        and ds.full_name(token.text, at) is None and not _is_title_word(token.lower_)  # "every Labour MP": an office
    )


def _organisation_subject_before(ds: DocumentSpeakers, at: int) -> Referent | None:
    """An organisation that is the subject of the main clause of the sentence holding ``at``, before it ("The
    ministry condemned what it called “…”")."""
    sentence = ds.sentences[ds.sentence(at)]
    for token in sentence:
        if token.idx >= at or ds.inside[token.i] or token.dep_ != "nsubj" or token.head.dep_ != "ROOT":
            continue
        if token.ent_type_ == "ORG" or noun_kind(token) == "organisation":
            found = _organisation(ds, ds.doc[token.left_edge.i : token.i + 1], token.idx)
            if found is not None and found.referent.name is not None:
                return found.referent
    return None


def _in_prepositional_phrase(ds: DocumentSpeakers, referent: Referent) -> bool:
    span = ds.doc.char_span(referent.start, referent.end, alignment_mode="expand")
    return span is None or span.root.dep_ in ("pobj", "poss")


def _main_subject_after(ds: DocumentSpeakers, after: int, before: int, allowed: set[str]) -> Referent | None:
    """The latest agreeing person who is the subject of a main clause between a statement and a pronoun
    ("… Ford said. Then Hansbrough choked up as he watched … “…,” he said."): the narration moved on to them."""
    sentence_of_statement = ds.sentence(after)
    for mention in reversed(ds.people):
        if not (after < mention.start and mention.end <= before) or ds.sentence(mention.start) == sentence_of_statement:
            continue
        referent = ds.person(mention)
        if not (_is_subject(ds, referent, main=True) or _introduced_with_who(ds, referent) or _main_clause_agent(ds, referent)):
            continue
        if referent.gender is not None and _agrees(referent, allowed, unknown_ok=False):
            return referent  # only a person the article gives a gender ("INS Mysore opened fire" is a ship)
    return None


def _main_clause_agent(ds: DocumentSpeakers, referent: Referent) -> bool:
    """A person introduced as the agent of the passive main clause ("It will be chaired by Kate Dalton from the
    alliance."): the story moves on to them as to a subject."""
    root = _name_root(ds, referent)
    if root is None:
        return False
    verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "agent" else None
    return verb is not None and verb.dep_ == "ROOT" and any(a.i == root.i for a in passive_agents(verb))


def _introduced_with_who(ds: DocumentSpeakers, referent: Referent) -> bool:
    """A person the narration introduces with a clause of their own ("The move surprised Reunion Pictures' Matthew
    O'Connor, who coproduced the film."): the story moves on to them like a subject's."""
    span = ds.doc.char_span(referent.start, referent.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return any(
        c.dep_ == "relcl" and any(w.dep_ in SUBJECTS and w.lower_ == "who" for w in c.children) for c in root.children
    )


def _name_root(ds: DocumentSpeakers, referent: Referent) -> Token | None:
    """The token a referent's name hangs on in its clause: the root of its mention, above the appositions and
    compounds it is part of ("the spokesman, Joe Lane," → spokesman)."""
    span = ds.doc.char_span(referent.start, referent.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    while root.dep_ in ("appos", "compound", "flat") and root.head.i != root.i:
        root = root.head
    return root


def _is_subject(ds: DocumentSpeakers, referent: Referent, main: bool = False) -> bool:
    root = _name_root(ds, referent)
    if root is None:
        return False
    if main:
        verb = root.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        return root.dep_ in SUBJECTS and verb.dep_ == "ROOT" and not ds.inside[root.i]
    return root.dep_ in SUBJECTS


def _description(ds: DocumentSpeakers, speaker: Span, at: int) -> Resolution | None:
    """A definite description ("the judge", "his brother") → the latest person given that role."""
    head = speaker.root if speaker.root.pos_ != "DET" else speaker[-1]  # "the 28-year-old" hung on the verb
    if not any(t.lower_ in DEFINITE for t in speaker if t.i < head.i):
        return None
    kind = [t for t in speaker if t.i < head.i and t.pos_ == "NOUN" and not ds.inside[t.i]]
    if head.pos_ == "PROPN" and kind and organisation_noun(kind[-1].lemma_.lower()) and ds.full_name(head.text, at) is None:
        # "the union Unite", "the charity Oxfam": the name the noun of an organisation sets before it
        name = ds.doc[kind[-1].i + 1 : head.i + 1]
        return Resolution(ds.organisation(name.text, name.start_char, name.end_char), "organisation")
    described = (
        head.pos_ == "PROPN" and head.ent_type_ not in ("ORG", "GPE") and ds.full_name(head.text, at) is None
        and not (len(head.text) > 1 and head.text.isupper())  # "the AA", "the NRDC": an acronym names a body
        and not _name_of_words(speaker, head)  # "The Red Fox Inn said": a name, not "the District Attorney"
    )
    if head.pos_ not in ("NOUN", "ADJ") and not described:  # "the District Attorney", "the Republican"
        return None
    scope = (head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text))
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children) or any(
        scope[0] <= m.start and m.end <= scope[1] and not _in_clause(ds, m, head) and not _names_another_noun(ds, m, head)
        for m in ds.people
    ):
        return None  # "the candidate, regional bureaucrat Resulberdy Mammedov": the name is given
    words = {head.lower_, head.lemma_.lower()}
    generic = head.lemma_.lower() in ds.rules["unnamed_nouns"]
    # "the UNRWA official": the official of that organisation ("John Ging, UNRWA's Director of Operations")
    owners = {t.lower_ for t in speaker if t.i < head.i and t.dep_ == "compound" and t.pos_ == "PROPN" and t.ent_type_ not in NOT_NAMES} if generic else set()
    age = re.search(r"(\d+)\s*-\s*year\s*-\s*old$", speaker.text)
    if age:  # "the 61-year-old" → the person given that age
        words = {age.group(1)}
    holder, roles = _role_holder_before(ds, words, owners, at)
    if holder is not None:
        return Resolution(holder, "description")
    named_next = None if generic or head.pos_ != "NOUN" else _role_named_next(ds, head, at) or _named_when_introduced(ds, head, at)
    if named_next is not None:
        return Resolution(named_next, "description")
    gender = _noun_gender(ds, head)
    plural = head.tag_ == "NNS"
    salient = None if generic else _epithet_of_salient(ds, speaker, head, at, gender, roles)
    if salient is not None:
        return Resolution(salient, "description")
    return Resolution(Referent(None, speaker.start_char, speaker.end_char, "unnamed", gender, plural, known=_somebody(ds, head)), "description")


def _epithet_of_salient(ds: DocumentSpeakers, speaker: Span, head: Token, at: int, gender: str | None,
                        roles: dict[str, set[str]]) -> Referent | None:
    """An epithet of the person the story is about ("the star", "the 29-year-old", ``_epithet``): the salient person
    of that gender, unless the description names an office of its own ("the fire chief", "the harbour master") and
    the article gives that person another ("Mayor Linda Park"; ``roles``: each person's office words)."""
    if not _epithet(ds, speaker, head, at):
        return None
    salient = _salient(ds, {gender} if gender else {"m", "f"}, at, named_only=True)
    office = any(c.dep_ == "compound" and c.text.isalpha() and c.text.islower() and c.i < head.i for c in head.children)
    return salient if salient is not None and not (office and roles.get(salient.name or "")) else None


def _role_holder_before(ds: DocumentSpeakers, words: set[str], owners: set[str],
                        at: int) -> tuple[Referent | None, dict[str, set[str]]]:
    """The latest person named before ``at`` given one of ``words`` as a role (or an age), or given a role of one of
    ``owners`` ("the UNRWA official": "UNRWA's Director of Operations"); else None, with each person met on the way
    and the words of an office or a job they were given (by name)."""
    roles: dict[str, set[str]] = {}  # each person's role words, as the article gives them before ``at``
    for mention in reversed(ds.people):
        if mention.end > at:
            continue
        span = ds.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        tied = _role_words(_tied_words(span)) if span is not None else set()
        role = _role_head_words(mention.role or "")
        tied |= {w for w in role if not re.search(r"['’]s$", w)}  # "the star's rep" is no star
        if words & tied or owners & (tied | {re.sub(r"['’]s$", "", w) for w in role}):
            return ds.person(mention), roles
        roles.setdefault(ds.person(mention).name or "", set()).update(w for w in tied if _is_title_word(w))
    return None, roles


def _named_when_introduced(ds: DocumentSpeakers, noun: Token, at: int) -> Referent | None:
    """The name somebody introduced as "a <noun>" was given with it ("a man known as Nick", "a farmer called Pete",
    "a woman named Rosa Diaz"): what "the man", "the farmer" means later."""
    lemma = noun.lemma_.lower()
    for token in reversed(ds.doc[: noun.i]):
        if token.idx >= at or ds.inside[token.i] or token.lemma_.lower() != lemma:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in token.children):
            continue
        for clause in (c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in ds.rules["naming_participles"]):
            names = [t for t in clause.subtree if t.pos_ == "PROPN" and t.dep_ != "compound"]
            if names:
                name = _with_compounds(ds, names[0])
                mention = next((m for m in ds.people if m.start <= name.start_char < m.end), None)
                return ds.person(mention) if mention is not None else Referent(name.text, name.start_char, name.end_char, "person", _noun_gender(ds, noun))
        return None  # the latest "a <noun>" was given no name
    return None


def _name_of_words(speaker: Span, head: Token) -> bool:
    """A capitalised phrase of two or more words none of which is a title or a person noun ("The Idle Hour", "the
    Red Fox Inn"): the name of something, not a description of somebody by office ("the Attorney General", "the
    Prime Minister") or by one capitalised word ("the Republican")."""
    words = [t for t in speaker if t.i <= head.i and t.pos_ == "PROPN" and t.text[:1].isupper()]
    return len(words) > 1 and not any(_is_title_word(t.lower_) or _person_noun(t) for t in words)


def _role_named_next(ds: DocumentSpeakers, head: Token, at: int) -> Referent | None:
    """A description of an office that nobody before holds, named in the next sentence ("“…,” the mayor of the
    town said. Mayor Ingrid Vosse added …"): the person given that office there, the first one."""
    if not _is_title_word(head.lemma_.lower()):
        return None
    following = ds.sentence(at) + 1
    if following >= len(ds.sentences):
        return None
    end = ds.sentences[following].end_char
    for mention in ds.people:
        if mention.start < at or mention.start >= end:
            continue
        span = ds.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        tied = _role_words(_tied_words(span)) if span is not None else set()
        if head.lemma_.lower() in tied | set(_role_head_words(mention.role or "")):
            return ds.person(mention)
    return None


def _is_title_word(word: str) -> bool:
    """A word for an office or a job a name is given ("mayor", "governor", "gov."), not an age or a name."""
    return word.isalpha() and (word in _rules()["title_abbreviations"].values() or word in _role_nouns())


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules("people")["role_nouns"])


def _epithet(ds: DocumentSpeakers, speaker: Span, head: Token, at: int) -> bool:
    """A bare definite description that can only mean somebody already in the story ("the star", "the
    29-year-old"): "the", no possessor ("her father" is somebody else), nothing after the noun ("the premier of
    North Rhine-Westphalia" introduces a new person), one person, nobody introduced earlier as "a <noun>"."""
    determiners = [t.lower_ for t in speaker if t.i < head.i and t.dep_ in ("det", "poss")]
    if determiners != ["the"] or head.tag_ == "NNS" or head.lemma_.lower() in ds.rules["place_nouns"]:
        return False  # "the airport", "the station": a place, nobody's epithet
    if head.pos_ == "NOUN" and not _person_noun(head) and _noun_of_no_person(head):
        return False  # "the conference", "the band": a body, nobody's epithet
    if any(c.i > head.i and (c.dep_ in ("relcl", "acl", "appos") or c.lower_ == "of" or _names_in_phrase(c)) for c in head.children):
        return False  # "the premier of North Rhine-Westphalia", "the prosecutor in the Delgado case": somebody new
    return not _introduced_unnamed(ds, head, at) and not _unnamed_just_before(ds, head, at)


def _unnamed_just_before(ds: DocumentSpeakers, noun: Token, at: int) -> bool:
    """A noun of sex or age only ("the woman") after somebody introduced unnamed as a subject in the last three
    sentences, with nobody named since ("A resident who asked not to be named said …"): that person, not the
    story's. Only the tokens of those sentences before ``at`` are read."""
    if noun.lemma_.lower() not in ds.rules["bare_person_nouns"]:
        return False
    since = ds.sentences[max(ds.sentence(at) - 3, 0)].start
    return any(
        not ds.inside[t.i] and t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in ds.rules["unnamed_nouns"]
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in t.children)
        and not any(t.idx < m.start < at for m in ds.people)
        for t in itertools.takewhile(lambda t: t.idx < at, ds.doc[since:])
    )


def _noun_of_no_person(noun: Token) -> bool:
    """A noun whose first WordNet sense is a group ("conference", "band"), or that may be a group and is never a
    person ("the prosecution", "the defence"): nobody's epithet ("star", first an object, may be one; a text such as
    "the 2005 entry" or "the legend" may stand for a person)."""
    from generator.link import wordnet  # WordNet's noun classes; without it, nothing is ruled out

    if not wordnet.available():
        return False
    classes = wordnet.noun_classes(noun.lemma_.lower(), 99)
    return bool(classes) and (classes[0] == "group" or ("group" in classes and "person" not in classes))


def _role_head_words(role: str) -> list[str]:
    """The words of a role before its prepositional phrase ("spokeswoman" of "a spokeswoman for the city"): "the
    city said" is not the spokeswoman."""
    words = [w.lower() for w in _words(role)]
    cut = next((i for i, w in enumerate(words) if w in ("for", "of", "at", "with", "in", "from", "to", "on")), len(words))
    return words[:cut]


def _names_in_phrase(prep: Token) -> bool:
    """A prepositional phrase naming something by a name ("in the Delgado case", "for the Smith family")."""
    return prep.dep_ == "prep" and any(
        o.dep_ == "pobj" and any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in o.children) for o in prep.children
    )


def _introduced_unnamed(ds: DocumentSpeakers, noun: Token, at: int) -> bool:
    """Was somebody introduced earlier as "a <noun>" ("a naval officer said … the officer said"), as the object of
    what a named person did ("Hardy shot the court reporter") or as the noun a clause of a named person is about
    ("the court reporter Hardy is accused of shooting"): that person, not the person the story is about."""
    lemma = noun.lemma_.lower()
    return any(
        t.lemma_.lower() == lemma and t.idx < at and not ds.inside[t.i] and _another_person(t)
        for t in ds.doc
    )


def _another_person(noun: Token) -> bool:
    """Does the noun stand for somebody the story introduces besides its named people (see ``_introduced_unnamed``)?"""
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in noun.children):
        return True
    if noun.dep_ == "dobj" and any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in noun.head.children):
        return True
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if noun.dep_ == "attr" or after is None or after.ent_type_ != "PERSON" or after.ent_iob_ != "B":
        # "Cynthia Hall was the deputy Hardy attacked": the deputy is named
        return False
    end = after.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return opens_contact_clause(doc[after.i : end])


def _somebody(ds: DocumentSpeakers, head: Token) -> bool:
    """Whether an unnamed speaker is somebody a later pronoun may stand for: a person noun ("a witness", "the
    officer", "a farmer"), not "this business unit"."""
    return _any_person_noun(head) or head.lemma_.lower() in ds.rules["unnamed_nouns"] or head.pos_ == "PRON" or _noun_gender(ds, head) is not None


def _noun_gender(ds: DocumentSpeakers, noun: Token) -> str | None:
    for gender in ("m", "f"):
        if noun.lower_ in ds.rules["gendered_words"][gender] or noun.lemma_.lower() in ds.rules["gendered_words"][gender]:
            return gender
    return None


def _unnamed(ds: DocumentSpeakers, speaker: Span, at: int) -> Resolution | None:
    """Somebody described, nobody named ("a Western diplomat", "the source", "officials")."""
    head = speaker.root
    if head.pos_ in ("NOUN", "PRON") or head.pos_ == "ADJ":
        gender = _noun_gender(ds, head)
        return Resolution(Referent(None, speaker.start_char, speaker.end_char, "unnamed", gender, head.tag_ == "NNS", known=_somebody(ds, head)), "cue")
    return None


RULES: tuple[Callable[[DocumentSpeakers, Span, int], Resolution | None], ...] = (
    _pronoun_rule,
    _organisation,
    _description,
    _named,
    _unnamed,
)
