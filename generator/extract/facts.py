"""The extraction stage: the only place that sees spaCy objects.

Each cleaned source is parsed once (``nlp.pipe``); small functions turn the ``Doc`` into plain records
(sentences, person mentions, organisations and places, quotes, dates) that hold text and offsets only.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
import datetime as dt
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from generator.extract import dates as date_extraction
from generator.extract import events as event_extraction
from generator.extract import personhood
from generator.extract import quotes as quote_extraction
from generator.extract import speakers as speaker_attribution
from generator.extract import stances as stance_extraction
from generator.extract.syntax import opens_contact_clause
from generator.model import EntityMention, NameCandidate, PersonMention, Sentence, Source, SourceFacts
from generator.link.people import leading_phrase, organisation_word, organisation_words, rule_phrases
from generator.link import wordnet
from generator.rules import load_rules

log = logging.getLogger(__name__)

ENTITY_LABELS = ("ORG", "GPE", "LOC", "NORP", "FAC")
PARAGRAPH_BREAK = "\n\n"


# ------------------------------------------------------------------------------------------- pipeline


def extract(sources: Sequence[Source], nlp: Language, progress: bool = False) -> tuple[SourceFacts, ...]:
    """Parse every source once and extract its facts, in this process and without a cache
    (``generator.extract.batch.extract_sources`` adds both)."""
    from generator.extract.batch import extract_sources  # it builds on this module

    return extract_sources(sources, nlp, progress=progress).facts


def story_reference(sources: Sequence[Source]) -> tuple[dt.date | None, str]:
    """The date relative expressions fall back on in undated sources: the most common publication date."""
    dates = Counter(source.published for source in sources if source.published)
    if not dates:
        return None, "story"
    best = max(dates.items(), key=lambda item: (item[1], item[0]))[0]
    return best, "story"


def reference_for(source: Source, story_date: dt.date | None, origin: str) -> tuple[dt.date | None, str]:
    if source.published:
        return source.published, "published"
    return story_date, origin


def extract_doc(doc: Doc, source: Source, reference: dt.date | None, reference_origin: str) -> SourceFacts:
    """All facts of one parsed source."""
    sentences = extract_sentences(doc, source)
    people = extract_people(doc, source)
    entities = extract_entities(doc, source)
    dates = date_extraction.extract_dates(doc, source, sentences, reference, reference_origin)
    return SourceFacts(
        source=source,
        sentences=sentences,
        people=people,
        entities=entities,
        name_candidates=extract_name_candidates(doc, source),
        quotes=quote_extraction.extract_quotes(doc, source, sentences, people),
        dates=dates,
        stances=stance_extraction.extract_stances(doc, source, sentences, people, entities),
        events=event_extraction.extract_events(doc, source.id, sentences, dates),
    )


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence never crosses a paragraph: mark the token after a blank line as a sentence start."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


def add_paragraph_boundaries(nlp: Language) -> Language:
    """Install ``paragraph_boundaries`` before the parser (idempotent)."""
    if "paragraph_boundaries" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("paragraph_boundaries", before=before)
        else:
            nlp.add_pipe("paragraph_boundaries", first=True)
    return nlp


# ------------------------------------------------------------------------------------------ sentences


def extract_sentences(doc: Doc, source: Source) -> tuple[Sentence, ...]:
    sentences = []
    for index, sent in enumerate(doc.sents):
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        paragraph = source.paragraph_at(start).index if source.paragraphs else 0
        sentences.append(Sentence(source.id, index, start, start + len(text), text, paragraph))
    return tuple(sentences)


def sentence_index(token: Token) -> int:
    """The index of the sentence holding ``token`` (doc.sents is a generator; spans know their start)."""
    doc = token.doc
    return _sentence_starts(doc).index(token.sent.start)


def _sentence_starts(doc: Doc) -> list[int]:
    starts = doc.user_data.get("_sentence_starts")
    if starts is None:
        starts = [sent.start for sent in doc.sents]
        doc.user_data["_sentence_starts"] = starts
    return starts


# --------------------------------------------------------------------------------------------- people


def extract_people(doc: Doc, source: Source) -> tuple[PersonMention, ...]:
    """Every PERSON entity that the article treats as a person (extract/personhood.py), with the honorific or
    title and the role written around it."""
    names = headline_names([(ent, *bare_name(ent)) for ent in doc.ents if ent.label_ == "PERSON"])
    evidence = personhood.article_evidence(
        doc, ((ent, tuple(t.text for t in tokens), _mention_evidence(ent, titled)) for ent, tokens, titled, _ in names),
        organisation_words(),
    )
    mentions = []
    for ent, tokens, titled, role_words in names:
        mention = person_mention(ent, source, tokens, titled, role_words, evidence)
        if mention is not None:
            mentions.append(mention)
    return tuple(mentions)


def headline_names(names: list[tuple[Span, list[Token], bool, list[str]]]) -> list[tuple[Span, list[Token], bool, list[str]]]:
    """Names in a title-case line cut to what the running text writes as a name; dropped when nothing is."""
    in_headline = [personhood.title_case_line(ent) for ent, *_ in names]
    suffixes = {w.lower() for w in load_rules("people")["suffixes"]}
    body: set[tuple[str, ...]] = set()
    for (ent, tokens, *_), headline in zip(names, in_headline):
        words = tuple(t.text for t in tokens if t.lower_.rstrip(".") not in suffixes)
        if not headline and words:
            body.update({words, words[-1:]})
    kept = []
    for (ent, tokens, titled, role_words), headline in zip(names, in_headline):
        if headline:
            tokens = [t for t in tokens if t.lower_.rstrip(".:") not in suffixes and not t.is_punct]
            start, end = personhood.headline_name(tuple(t.text for t in tokens), body, known_first_name)
            tokens = tokens[start:end]
        if tokens:
            kept.append((ent, tokens, titled, role_words))
    return kept


def bare_name(ent: Span) -> tuple[list[Token], bool, list[str]]:
    """The words of the name itself, whether a title or honorific stood inside the entity, and the title words
    (kept as a role). Titles and honorifics may sit inside the entity ("Col Gen Syrskyi") or just before it."""
    tokens = list(ent)
    titled = False
    role_words: list[str] = []
    inner_words = [t.text for t in tokens]
    for key in ("honorifics", "titles"):
        count = leading_phrase(inner_words, key)
        if count and count < len(tokens):
            titled = True
            if key == "titles":
                role_words.extend(t.text for t in tokens[:count])
            tokens = tokens[count:]
            inner_words = inner_words[count:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    while len(tokens) > 1 and not_name_word(tokens[0]):
        tokens = tokens[1:]  # "Taking Archie", "Never Trump", "Chefs Jamie Oliver": the name is what follows
    if len(tokens) > 2 and tokens[1].lower_ == "of" and tokens[2].pos_ == "PROPN" and not known_first_name(tokens[0].text):
        tokens = tokens[:1]  # "Luccioni of Mila": a surname and where the person works ("Joan of Arc" stays whole)
    return tokens, titled, role_words


def _mention_evidence(ent: Span, titled: bool) -> set[str]:
    """The person evidence written at the mention itself: a title or honorific, a role before or after it."""
    found = {"title"} if titled or preceding_title(ent) else set()
    if _role_words_before(ent) or appositive_role(ent):
        found.add("role")
    return found


def person_mention(
    ent: Span, source: Source, tokens: list[Token], titled: bool, role_words: list[str],
    evidence: dict[tuple[str, ...], personhood.NameEvidence],
) -> PersonMention | None:
    """The bare name of a PERSON span, its title or honorific, and its role; None for an empty name or a name
    that is not a person's."""
    if (not tokens or is_credit(ent) or is_byline(ent) or is_dateline(ent) or is_quoted(ent)
            or personhood.street_use(ent)):
        return None
    words = tuple(t.text for t in tokens)
    if personhood.verdict(evidence.get(words, personhood.NameEvidence()), words,
                          names_a_place_or_organisation(ent, tokens), known_first_name) is not None:
        return None
    if len(tokens) == 1 and tokens[0].lower_ in named_thing_words(ent.doc):
        return None
    before = preceding_title(ent)
    if not titled and not before and is_common_words_name(tokens):
        return None
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    name = doc_text(ent.doc, start, end)
    name = personhood.FOOTNOTE.sub("", re.sub(r"(['’]s?)$", "", name)).strip()
    if not name:
        return None
    if before:
        titled = True
    role = role_before(ent) or appositive_role(ent)
    if role is None and role_words:
        role = " ".join(role_words)
    written_start = ent.doc[ent.start - 1].idx if before == "honorific" else ent.start_char
    return PersonMention(
        source=source.id,
        text=doc_text(ent.doc, written_start, ent.end_char),
        name=name,
        start=start,
        end=start + len(name),
        sentence=sentence_index(ent[0]),
        titled=titled,
        role=role,
    )


def known_first_name(word: str) -> bool:
    from generator.extract.speakers import known_first_name as known  # the name list loads only when asked

    return known(word)


NOT_NAME_POS = frozenset({"VERB", "AUX", "ADV", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "PART", "NUM"})


def not_name_word(token: Token) -> bool:
    """A word that opens a PERSON span without being part of the name (a verb or adverb of a headline, a
    plural role noun, a title written without a full stop)."""
    word = token.lower_.rstrip(".")
    return (
        token.pos_ in NOT_NAME_POS
        or word in leading_non_name_words()
        or (word.endswith("s") and word[:-1] in role_nouns())
        or team_member_word(token)
    )


def team_member_word(token: Token) -> bool:
    """The singular of a team the article names in the plural after "the" ("former Sixer Jrue Holiday" where the
    article writes "the Sixers"), not a first name of the name list ("Robert" of "the Roberts")."""
    plural = token.text + "s"
    doc = token.doc
    return (
        token.text[:1].isupper()
        and not known_first_name(token.text)
        and any(t.text == plural and t.i > 0 and doc[t.i - 1].lower_ == "the" for t in doc)
    )


def leading_non_name_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules("people")["leading_non_name_words"])


def names_a_place_or_organisation(ent: Span, tokens: Sequence[Token]) -> bool:
    """A PERSON span that names a building, street or organisation: it holds an organisation word ("Nostrand
    Houses") or opens with a place's word ("Zoo Miami"), or one follows it, capitalised ("Miller Drive", "Youssef
    Al-Najjar Hospital"), or a facility word in lower case after "the"/"a" + name ("the Betty Ford clinic")."""
    if len(tokens) > 1 and any(organisation_word(t.text) and not _after_hyphen(t) for t in tokens[1:]):
        return True  # not "Waller-Bridge": a word joined by a hyphen is part of a surname
    if len(tokens) > 1 and tokens[0].lower_.rstrip(".") in load_rules("people")["opening_place_words"]:
        return True  # "Zoo Miami"
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.text[:1].isupper() and organisation_word(after.text):
        return True
    if after is not None and after.text.islower() and after.text in _facility_words() and _after_article(ent):
        return True
    if inside_organisation_name(ent):
        return True
    place_of = frozenset(load_rules("people")["place_of_words"])
    start = ent.start
    return start >= 2 and ent.doc[start - 1].lower_ == "of" and ent.doc[start - 2].lower_ in place_of


def inside_organisation_name(ent: Span, between: int = 3) -> bool:
    """The name goes on an organisation's name: a capitalised organisation word and a link word
    (``organisation_name_links``) before it, with at most ``between`` capitalised words after the link ("the
    Committee to Boycott Smith's Memoirs", "the Campaign for Jane Roe")."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and ent.start - 1 - i < between and doc[i].text[:1].isupper() and not organisation_word(doc[i].text):
        i -= 1
    links = load_rules("people")["organisation_name_links"]
    return (i >= 1 and doc[i].lower_ in links and doc[i - 1].text[:1].isupper()
            and organisation_word(doc[i - 1].text))


@lru_cache(maxsize=1)
def _facility_words() -> frozenset[str]:
    return frozenset(load_rules("people")["facility_words"])


ARTICLES = frozenset({"the", "a", "an"})


def _after_article(ent: Span) -> bool:
    """The name opens a noun phrase with "the" or "a" ("the Betty Ford clinic"), inside the span or before it, or
    opens with another language's article ("La Bottega Dei Sapori deli")."""
    return (ent[0].lower_ in _opening_articles()
            or (ent.start > 0 and ent.doc[ent.start - 1].lower_ in ARTICLES))


@lru_cache(maxsize=1)
def _opening_articles() -> frozenset[str]:
    """English articles and another language's (``name_articles``) that may open the name itself."""
    return ARTICLES | frozenset(load_rules("people")["name_articles"])


def _after_hyphen(token: Token) -> bool:
    previous = token.doc[token.i - 1] if token.i else None
    return previous is not None and previous.text in ("-", "‐") and not previous.whitespace_


def lowercase_words(doc: Doc) -> frozenset[str]:
    """The words this article writes in lower case: its common words."""
    if "lowercase_words" not in doc.user_data:
        doc.user_data["lowercase_words"] = frozenset(t.text for t in doc if t.text.isalpha() and t.text.islower())
    return doc.user_data["lowercase_words"]


def is_common_words_name(tokens: Sequence[Token]) -> bool:
    """A capitalised phrase of common words taken for a name: a column or series ("Beauty Boss profiles the
    brains behind…"), not a person: its first word is no first name in the name list, and the article itself
    writes that word in lower case elsewhere ("the beauty industry"). Untitled mentions only ("Mr Beauty" stays);
    "Will Smith" and "Mark Price" are kept: their first words are first names."""
    if len(tokens) < 2 or not tokens[0].text[:1].isupper():
        return False
    common = lowercase_words(tokens[0].doc)
    return tokens[0].lower_ in common and not known_first_name(tokens[0].text)


def is_credit(ent: Span) -> bool:
    """A name in a photo, video or graphics credit ("Photo: Jane Roe", "(Video by Jane Roe/Getty)")."""
    line_start = ent.doc.text.rfind("\n", 0, ent.start_char) + 1
    before = ent.doc.text[max(line_start, ent.start_char - 40) : ent.start_char].rstrip(" ([")
    return bool(before) and re.search(load_rules("people")["credit_before"], before, re.IGNORECASE) is not None


def is_byline(ent: Span) -> bool:
    """A byline run into the first words of a paragraph: "By Jane Roe: The council voted…" (``byline_before``,
    ``byline_after``): the author, not a person of the story."""
    text = ent.doc.text
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    rules = load_rules("people")
    return (re.search(rules["byline_before"], text[line_start : ent.start_char], re.IGNORECASE) is not None
            and re.match(rules["byline_after"], text[ent.end_char : ent.end_char + 3]) is not None)


THING_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})


def named_thing_words(doc: Doc) -> frozenset[str]:
    """Words this article uses inside the name of a thing: before an organisation word ("Miller" of "Miller
    Drive") or after the first word of an organisation, place, work or event name ("Maisel" of "The Marvelous
    Mrs. Maisel"). Alone, such a word is not taken as a person's name in this article ("on Miller traveling
    eastbound"), unless the article also writes it inside a person's full name."""
    if "named_things" not in doc.user_data:
        things = {
            t.lower_ for t in doc[:-1]
            if t.text[:1].isupper() and doc[t.i + 1].text[:1].isupper() and organisation_word(doc[t.i + 1].text)
        }
        inside: set[str] = set()
        for ent in doc.ents:
            tokens = [t for t in ent if t.lower_ != "the"]
            if ent.label_ in THING_LABELS and len(tokens) > 1:
                inside.update(t.lower_ for t in tokens[1:] if t.text[:1].isupper())
        in_full_names = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
        doc.user_data["named_things"] = frozenset(things | (inside - in_full_names))
    return doc.user_data["named_things"]


def is_dateline(ent: Span | Token) -> bool:
    """A place dateline opening a paragraph, written in capitals: "AUSTIN (KXAN) —", "KHAN YOUNIS, Gaza —"."""
    text = ent.doc.text
    start = ent.start_char if isinstance(ent, Span) else ent.idx
    end = start + len(ent.text)
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or not ent.text.isupper():
        return False
    return re.match(r"\s*(?:[(,—–-]|\.\s)", text[end : end + 3]) is not None


def is_quoted(ent: Span) -> bool:
    """A name written inside quotation marks of its own, alone or at the end of a title: malware "dubbed
    “Agent Smith”", a series "“The Marvelous Mrs. Maisel”", a nickname."""
    text = ent.doc.text
    before = text[max(0, ent.start_char - 60) : ent.start_char]
    after = text[ent.end_char : ent.end_char + 2].lstrip(",.")[:1]
    return re.search(r"[“\"‘](?:[A-Z][\w.’']*\s+)*$", before) is not None and after in ("”", '"', "’")


def doc_text(doc: Doc, start: int, end: int) -> str:
    return doc.text[start:end]


def preceding_title(ent: Span) -> str | None:
    """'honorific' for "Mr Putin", 'title' for "President Putin" (title just before the entity), else None."""
    if ent.start == 0:
        return None
    previous = ent.doc[ent.start - 1]
    word = previous.text.lower().rstrip(".")
    if (word,) in rule_phrases("honorifics"):
        return "honorific"
    if (word,) in rule_phrases("titles") and previous.text[:1].isupper():
        return "title"
    return None


def _is_role_noun(token: Token) -> bool:
    return token.lower_ in role_nouns() or token.lemma_.lower() in role_nouns()


def role_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules("people")["role_nouns"])


def role_before(ent: Span) -> str | None:
    """Words right before a name that describe it: "Kremlin spokesman Dmitry Peskov" → "Kremlin spokesman"; not
    the noun a relative clause the name opens is about ("the deputy Tom Hardy attacked": somebody else)."""
    return None if opens_contact_clause(ent) else _role_words_before(ent)


def _role_words_before(ent: Span) -> str | None:
    """Role words right before a name, whoever they describe (still evidence that the name is a person's).

    Walks left over nouns, adjectives, proper nouns and possessives, and "of" inside a capitalised title
    ("Deputy Assistant Secretary of State"); stops at determiners, verbs, punctuation and other people.
    The result counts only if one of its words is a role noun or a title.
    """
    doc = ent.doc
    i = ent.start - 1
    words: list[Token] = []
    while i >= 0:
        token = doc[i]
        if token.ent_type_ == "PERSON" or token.is_space or "\n" in token.text_with_ws:
            break
        if token.pos_ in ("NOUN", "PROPN", "ADJ") or token.tag_ == "POS":
            words.insert(0, token)
        elif token.lower_ == "of" and words and words[0].text[:1].isupper() and i > 0 and doc[i - 1].text[:1].isupper():
            words.insert(0, token)
        else:
            break
        i -= 1
    while words and (words[0].tag_ == "POS" or words[0].lower_ == "of"):
        words = words[1:]
    if not words or not any(_is_role_noun(t) or (t.lower_,) in rule_phrases("titles") for t in words):
        return None
    return doc.text[words[0].idx : words[-1].idx + len(words[-1].text)]


def appositive_role(ent: Span) -> str | None:
    """An apposition after the name: "Alexander Darchiyev, head of the foreign ministry's … department"."""
    root = ent.root
    for child in root.rights:
        if child.dep_ == "appos" and child.i > ent.end - 1 and _is_role_noun(child):
            subtree = [t for t in child.subtree if t.i >= child.i]
            subtree = [t for t in subtree if not t.is_punct or t.tag_ == "POS"]
            if subtree:
                last = subtree[-1]
                # keep the apposition inside its sentence and short enough to read as a role
                text = ent.doc.text[child.idx : last.idx + len(last.text)]
                if "\n" not in text and len(text.split()) <= 12:
                    return text
    # spaCy sometimes attaches the name as the apposition of the role noun before it
    # ("top Ukrainian military commander Oleksandr Syrskyi"): role_before covers that case.
    return None


# ------------------------------------------------------------------------------------------- entities


def extract_entities(doc: Doc, source: Source) -> tuple[EntityMention, ...]:
    """Organisations and places; an acronym the article defines ("the World Health Organization (WHO)") carries
    the full name it stands for, so that both name one entity."""
    expansions = {name: full.rsplit(" (", 1)[0] for name, full in
                  speaker_attribution.acronyms([e for e in doc.ents if e.label_ == "ORG"], doc.text).items()}
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or "\n" in ent.text:
            continue
        text = _entity_text(ent.text)
        if not text or not text[0].isalnum():
            continue
        start = ent.start_char + ent.text.index(text)
        expansion = expansions.get(text, "")
        mentions.append(EntityMention(source.id, text, ent.label_, start, start + len(text), sentence_index(ent[0]),
                                      expansion if expansion != text else ""))
    return tuple(mentions)


def common_word_opening(token: Token) -> bool:
    """A sentence's first word compounded with a common noun and known to WordNet first as a word, not a person
    ("Grant funding can be used…", "Trade talks resumed"): its capital is the sentence's, not a name's ("Lohan
    lawyer Shawn Holley said": WordNet's "lohan" is a person)."""
    return (token.is_sent_start and token.dep_ == "compound" and token.head.pos_ == "NOUN"
            and wordnet.first_noun_class(token.lower_) not in (None, "person"))


def _entity_text(text: str) -> str:
    """"the Kremlin's" → "Kremlin"; a name cut inside its bracket ("World Health Organization (WHO") loses the
    bracket."""
    text = re.sub(r"^(the|The)\s+", "", text)
    if "(" in text and ")" not in text.split("(")[-1]:
        text = text[: text.rindex("(")]
    return re.sub(r"['’]s?$", "", text.strip()).strip()


def extract_name_candidates(doc: Doc, source: Source) -> tuple[NameCandidate, ...]:
    """Proper nouns outside PERSON entities: the link stage checks them against the people it knows,
    so that a spelling the model missed ("called Zelenskyy a dictator") still counts as a mention."""
    # A word inside a multi-word proper name of something else ("Ford" in "Ford Motor", "Aceh" in "Banda
    # Aceh", "Jones" in "Dow Jones") is not a person's surname there; "the Trump administration" still is.
    inside_names = {
        t.i for ent in doc.ents if ent.label_ != "PERSON" and sum(t.pos_ == "PROPN" for t in ent) > 1 for t in ent
    }
    named_things = named_thing_words(doc)
    candidates = []
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ == "PERSON" or not token.text[:1].isupper():
            continue
        if token.i in inside_names or is_dateline(token) or token.lower_ in named_things:
            continue
        if not token.is_alpha or common_word_opening(token):
            continue
        candidates.append(
            NameCandidate(source.id, token.text, token.idx, token.idx + len(token.text), sentence_index(token),
                          personhood.place_cue(token))
        )
    return tuple(candidates)
