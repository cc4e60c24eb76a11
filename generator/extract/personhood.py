"""Is a PERSON entity a person? Evidence from the article, not a list of surnames.

spaCy's small model tags organisations and places as people ("Twitter", "Balpa", "Bangalore", "Manchester United")
and a surname list would drop real people whose surname is also a word for a place or a building ("Ann Lake",
"Arsenio Hall"). So each PERSON name of an article is judged on what the article does with it:

- person evidence: a title or honorific, a role next to the name ("the manager", "a lawyer"), a person pronoun
  referring back ("…, said she would appeal"), being the surname or first name of a full name the article gives,
  and for a full name a first name of the name list the speakers stage uses (gender-guesser's);
- organisation evidence: the same string tagged as an organisation or place more often than as a person in the
  article, "its" for the name in what it reported ("Balpa said its members…"), a possessive of what companies own
  ("Twitter's shares"), a preposition of place ("in Bangalore", "in Banda Aceh") or WordNet listing the name
  as a place or group and never as a person.

A name with person evidence is a person; without, organisation evidence makes it not one. A name holding an
organisation word ("Dixon Hall", "Miller Drive") needs a first name and other person evidence.
Evidence is pooled over every mention of the same name in the article ("Lake told reporters that she…" speaks for
"Ann Lake"). The word lists and numbers are in rules/people.yaml (``personhood``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from generator.extract.speakers import organisation_apposition
from generator.link import wordnet
from generator.rules import load_rules

OPENING_QUOTES = frozenset({"“", '"', "‘"})


@lru_cache(maxsize=1)
def rules() -> dict:
    return load_rules("people")["personhood"]


@dataclass
class NameEvidence:
    """What one article says about one name: the kinds of person and organisation evidence found."""

    person: set[str] = field(default_factory=set)
    organisation: set[str] = field(default_factory=set)
    # the name is a work's, a group's or a fictional character's ("the Harry Potter films", "Puerto Ricans",
    # "Mia, the actress played by Stone"): stronger than the organisation evidence above
    thing: set[str] = field(default_factory=set)


# ------------------------------------------------------------------------------------------- one mention


def name_tokens(ent: Span, strip: Callable[[list[Token]], list[Token]]) -> tuple[str, ...]:
    """The words of the bare name (``strip`` drops titles, honorifics and a possessive), the key evidence is
    pooled under."""
    return tuple(t.text for t in strip(list(ent)))


def referring_pronoun(ent: Span) -> bool:
    """Whether the first person pronoun after the name, in its sentence or opening the next one, is a person
    pronoun ("…, said she would appeal", "He added…") with no other person named in between. Quoted speech is not
    read (its "he" is anyone)."""
    doc = ent.doc
    end = ent.sent.end
    if end < len(doc):
        end += 1  # the first word of the next sentence ("He said…")
    for token in doc[ent.end : end]:
        if token.text in OPENING_QUOTES or token.ent_type_ == "PERSON":
            return False
        if token.lower_ in _words("person_pronouns"):
            return True
    return False


def its_subject(ent: Span) -> bool:
    """Whether the name is the subject of a verb whose reported clause opens with "its" for it: "Balpa said in a
    statement that its members…", "Manchester United said its new stadium…". Only this construction: an "its"
    further on may belong to any noun in between ("the show … its fans")."""
    root = ent.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < ent.end:
            continue
        for subject in clause.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and any(
                    t.dep_ == "poss" and t.lower_ in _words("organisation_pronouns") for t in subject.children):
                return True
    return False


def organisation_use(ent: Span) -> str | None:
    """How the article uses this mention like an organisation's or a place's name: "Twitter's shares", "in
    Bangalore", "in Banda Aceh" (a first name of the name list outweighs it: see ``verdict``)."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 3]
    possessive = ent[-1].tag_ == "POS" or (len(after) and after[0].tag_ == "POS")  # "Twitter's", "in Smith's corner"
    if possessive:
        owned = [t for t in after if t.tag_ != "POS"][:2]
        if any(t.lemma_.lower() in _words("organisation_possessions") or t.lower_ in _words("organisation_possessions")
               for t in owned):
            return "possession"
    if not possessive and ent.start > 0 and doc[ent.start - 1].lower_ in _words("place_prepositions"):
        return "preposition"
    if organisation_apposition(ent.root):  # "Clearwater Alliance, a nonprofit,"
        return "apposition"
    return None


def _phrase_nouns(ent: Span) -> list[Token]:
    """The nouns written with the name in one noun phrase: the name's head, what stands in apposition to it (either
    way) and the common nouns compounded with it ("the movie Blade Runner", "the Harry Potter films",
    "Spark's creation, Miss Jean Brodie")."""
    root = ent.root
    inside = range(ent.start, ent.end)
    nouns = [root, *(c for c in root.children if c.dep_ in ("appos", "compound") and c.i not in inside)]
    if root.dep_ in ("appos", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(root.head)
    return nouns


def _words_before(ent: Span, count: int) -> list[Token]:
    """Up to ``count`` words just before the name in its noun phrase, a comma of apposition and honorifics
    included ("fictional creation, Miss"); a verb, a preposition or a conjunction ends the phrase."""
    words: list[Token] = []
    for token in reversed(ent.doc[max(ent.sent.start, ent.start - count) : ent.start]):
        if token.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ") or (token.is_punct and token.text != ","):
            break
        words.append(token)
    return words


def character_use(ent: Span) -> bool:
    """The name is a fictional character's: its apposition says who plays it ("Mia, the actress played by Stone")
    or a word of fiction stands with it ("the fictional detective Ned Hollis", "Spark's great fictional
    creation, Miss Jean Brodie", "the character Ned Hollis")."""
    outside = range(ent.start, ent.end)
    if any(t.lower_ in _words("fiction_words") for t in _words_before(ent, 4)):
        return True  # the parse of "Spark's great fictional creation, Miss Jean Brodie, shared" is no help
    for noun in _phrase_nouns(ent):
        words = [noun] if noun.i not in outside else []
        words += [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i not in outside]
        if any(w.lower_ in _words("fiction_words") for w in words):
            return True
        if any(t.lemma_.lower() in _words("played_verbs") and any(c.dep_ == "agent" for c in t.children)
               for t in noun.subtree if t.i not in outside):
            return True
    return False


def work_use(ent: Span) -> bool:
    """The name is a work's, a brand's or an award's: a noun of works stands with it ("the Harry Potter films",
    "the action movie Blade Runner", "the Potter franchise"), or "winning" follows it ("a Tony Award-winning
    composer")."""
    outside = range(ent.start, ent.end)
    if any(n.i not in outside and n.lemma_.lower() in _words("work_nouns") for n in _phrase_nouns(ent)):
        return True
    before = [t for t in _words_before(ent, 2) if t.text != ","][:1]  # "her autobiography, Lady Sings the Blues"
    if before and before[0].lemma_.lower() in _words("work_nouns"):
        return True
    # the first word after the name, past the hyphen of "Award-winning"
    after = [t for t in ent.doc[ent.end : ent.end + 2] if t.text not in ("-", "‐")][:1]
    return bool(after) and after[0].lower_.lstrip("-") in _words("award_participles")


def quoted_title(words: tuple[str, ...], text: str) -> bool:
    """A name of two words or more that the article also writes alone between quotation marks ("Will he write his
    own ‘Red Harvest’?" in a headline) is a title: a book's, a film's, a slogan's, not a person's. A nickname in
    quotation marks is one word ("Renaldo “Peewee” Gilkes") and is not read here."""
    if len(words) < 2:
        return False
    name = r"\s+".join(re.escape(w) for w in words)
    return re.search(rf"[“\"‘]\s*{name}\s*[”\"’](?!\w)", text) is not None


def foreign_title(words: tuple[str, ...]) -> bool:
    """A name opened by another language's possessive that never opens a person's name ("Mein Kampf", "Notre
    Musique", "Nuestra Historia") is a work's title (``title_openers``)."""
    return len(words) > 1 and words[0].lower() in _words("title_openers")


MODEL_CODE = re.compile(r"[A-Z]{1,3}|[A-Z]*\d[\w-]*")
# A footnote's number glued to the end of a word ("… compiled by Boris Roe.3 And …"): no part of the name.
FOOTNOTE = re.compile(r"(?<=[a-z])\.?\d{1,2}$")


def product_model(words: tuple[str, ...]) -> bool:
    """A product's model name, not a person's: a word with a digit ("Galaxy S10", "Pixel 4a"; not a footnote's
    number after a word in lower case, "Roe.3"), or a model word last (``model_words``: "Max", "Pro", "Plus") after
    a model code of capitals ("XS Max", "SE Plus"). "Max Lee" and "Jun Ho Pro" are people: no model word last after
    a code."""
    if any(any(c.isdigit() for c in FOOTNOTE.sub("", w)) for w in words):
        return True
    return (len(words) > 1 and words[-1].lower() in _words("model_words")
            and any(MODEL_CODE.fullmatch(w) for w in words[:-1]))


def naming_use(ent: Span) -> bool:
    """The name is given to something that is not a person: "a strand of the software, known as Red Wolf",
    "a dog named Bobby Dazzler", "the app, called Sally Forth" (not "a man named John Carver")."""
    root = ent.root
    verb = root.head if root.dep_ in ("oprd", "attr", "dobj") else None
    if root.dep_ == "pobj" and root.head.lower_ == "as":
        verb = root.head.head
    if verb is None or verb.lemma_.lower() not in _words("naming_verbs") or verb.dep_ not in ("acl", "relcl"):
        return False
    noun = verb.head
    return noun.pos_ == "NOUN" and wordnet.first_noun_class(noun.lemma_.lower()) not in (None, "person")


def group_name(words: tuple[str, ...], ent: Span) -> bool:
    """A name in the plural of WordNet's word for a kind of person ("Puerto Ricans", "New Yorkers", "the
    Kennedys") names a group, not a person ("Williams" is no plural: WordNet lists it as it is)."""
    if ent[-1].tag_ != "NNPS" or not wordnet.available():
        return False
    joined = "_".join(words).lower()
    base = wordnet.base_noun(joined)
    return base not in ("", joined) and "person" in wordnet.noun_classes(base, int(rules()["wordnet_senses"]))


def wordnet_place(words: tuple[str, ...]) -> bool:
    """WordNet lists the name as a place or group (``location``, ``group``) and never as a person: "Bangalore",
    "Los Angeles" (WordNet's entries of several words join them with "_")."""
    if not wordnet.available():
        return False
    classes = wordnet.noun_classes("_".join(words), int(rules()["wordnet_senses"]))
    return bool(set(classes) & set(rules()["wordnet_place_classes"])) and "person" not in classes


def place_cue(token: Token) -> bool:
    """A single proper noun written as a place: after a preposition of place ("in Halvorsen") or as a street
    (``street_use``)."""
    return (token.i > 0 and token.doc[token.i - 1].lower_ in _words("place_prepositions")) or street_use(
        token.doc[token.i : token.i + 1])


def street_use(span: Span) -> bool:
    """The name is a road's: after "on", "along"… and before a direction of travel ("a truck on Miller
    traveling eastbound", "along Kellerman heading north"), not "pressure on Miller to resign"."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in _words("street_prepositions"):
        return False
    return any(t.lower_ in _words("travel_directions") for t in doc[span.end : span.end + 3])


def title_case_line(ent: Span) -> bool:
    """Whether the name stands in a line written in title case or capitals (a headline, "Colts Beat Chiefs"),
    where capitals no longer tell names from other words: every word of at least ``title_case_letters`` letters
    outside the name is capitalised, and there are at least ``title_case_words`` of them."""
    text = ent.doc.text
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    end = len(text) if end < 0 else end
    letters = int(rules()["title_case_letters"])
    words = [w for w in re.findall(r"[^\W\d_]+", text[start : ent.start_char] + " " + text[ent.end_char : end])
             if len(w) >= letters]
    return len(words) >= int(rules()["title_case_words"]) and all(w[0].isupper() for w in words)


def headline_name(words: tuple[str, ...], body_names: set[tuple[str, ...]],
                  first_name: Callable[[str], bool]) -> tuple[int, int]:
    """The words (start, end) of a name in a title-case line that the article's running text writes as a name:
    the longest run that is a name of the text, or first names followed by a surname of the text ("Hire Maurice
    Cheeks" → "Maurice Cheeks", "Lindsay Lohan Checks Into Rehab" → "Lindsay Lohan"); else two words opening with
    a first name of the name list ("DeShawn Wynn" named only in the headline); else none: (0, 0)."""
    runs = sorted(((i, j) for i in range(len(words)) for j in range(i + 1, len(words) + 1)), key=lambda r: (r[0] - r[1], r[0]))
    for i, j in runs:
        run = words[i:j]
        if run in body_names or (len(run) > 1 and run[-1:] in body_names and all(first_name(w) for w in run[:-1])):
            return i, j
    if len(words) == 2 and first_name(words[0]):
        return 0, 2
    return 0, 0


def _after_the(ent: Span) -> bool:
    return ent[0].lower_ == "the" or (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the")


def plural_common_noun(word: str) -> bool:
    """A name ending in the plural of a common noun that WordNet does not list as a name ("Tar Heels", "Colts",
    "Blazers": a team; not "Williams", "Banks", "Wells", which WordNet lists as people's names). Written after
    "the", such a name is a team's or a group's ("the Tar Heels"); surnames such as "Sanders" are not."""
    lower = word.lower()
    if not (word[:1].isupper() and lower.endswith("s") and rules()["plural_names"] and wordnet.available()):
        return False
    return wordnet.base_noun(lower) not in ("", lower)


# ------------------------------------------------------------------------------------------- one article


def article_evidence(
    doc: Doc, names: Iterable[tuple[Span, tuple[str, ...], set[str]]], organisation_words: frozenset[str] = frozenset()
) -> dict[tuple[str, ...], NameEvidence]:
    """The evidence on each bare name of the article. ``names``: every PERSON entity, its bare name words and
    the person evidence found at the mention itself (title, role); a full name the article also writes before a
    capitalised one of ``organisation_words`` ("Matanuska Maid" of "the Matanuska Maid Building") names a thing."""
    names = list(names)
    table: dict[tuple[str, ...], NameEvidence] = defaultdict(NameEvidence)
    for ent, words, found in names:
        if not words:
            continue
        evidence = table[words]
        evidence.person |= found
        if referring_pronoun(ent):
            evidence.person.add("pronoun")
        if its_subject(ent):
            evidence.organisation.add("its")
        use = organisation_use(ent)
        if use:
            evidence.organisation.add(use)
        if plural_common_noun(words[-1]) and _after_the(ent):
            evidence.organisation.add("plural")  # "the Tar Heels": a team; "Sanders said" stays a name
        if character_use(ent):
            evidence.thing.add("character")
        if work_use(ent):
            evidence.thing.add("work")
        if group_name(words, ent):
            evidence.thing.add("group")
        if naming_use(ent):
            evidence.thing.add("named thing")
        if quoted_title(words, doc.text) or foreign_title(words):
            evidence.thing.add("title")
        if product_model(words):
            evidence.thing.add("product")
    _label_evidence(doc, table)
    _thing_names(doc, table, organisation_words)
    _untagged_surnames(doc, table)
    _share_with_full_names(table)
    for words, evidence in table.items():
        if wordnet_place(words):
            evidence.organisation.add("wordnet")
    return table


def _label_evidence(doc: Doc, table: dict[tuple[str, ...], NameEvidence]) -> None:
    """Names the article tags as an organisation or place more often than as a person (more than
    ``other_label_share`` of their tags)."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in doc.ents:
        text = ent.text[4:] if ent.text.startswith(("the ", "The ")) else ent.text
        labels[text.removesuffix("’s").removesuffix("'s")][ent.label_] += 1
    share = float(rules()["other_label_share"])
    for words, evidence in table.items():
        counts = labels.get(" ".join(words), Counter())
        other = sum(counts[label] for label in _labels())
        if other > share * (other + counts["PERSON"]):
            evidence.organisation.add("tagged")


def _thing_names(doc: Doc, table: dict[tuple[str, ...], NameEvidence], organisation_words: frozenset[str]) -> None:
    """Full names the article also writes as the start of an organisation's or a building's name."""
    following: dict[tuple[str, ...], set[str]] = defaultdict(set)
    lengths = {len(words) for words in table if len(words) > 1}
    for token in doc:
        if token.text[:1].isupper() and token.lower_.replace(".", "") in organisation_words:
            for length in lengths:
                if token.i >= length:
                    following[tuple(t.text for t in doc[token.i - length : token.i])].add(token.lower_)
    for words, evidence in table.items():
        if len(words) > 1 and words in following:
            evidence.organisation.add("thing name")


def _untagged_surnames(doc: Doc, table: dict[tuple[str, ...], NameEvidence]) -> None:
    """A full name's surname written again without the tagger's PERSON ("Lake said she …"): its pronoun counts
    for the full name."""
    surnames: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in table:
        if len(words) > 1:
            surnames[words[-1]].append(words)
    for token in doc:
        if token.ent_type_ or token.text not in surnames or len(surnames[token.text]) != 1:
            continue
        if referring_pronoun(doc[token.i : token.i + 1]):
            table[surnames[token.text][0]].person.add("pronoun")


def _share_with_full_names(table: dict[tuple[str, ...], NameEvidence]) -> None:
    """A one-word name that is the first name or surname of exactly one full name of the article is that
    person: its person evidence counts for the full name ("Lake … she"), and the full name is its evidence."""
    owners: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    suffixes = {w.lower() for w in load_rules("people")["suffixes"]}
    for words in table:
        bare = [w for w in words if w.lower().rstrip(".") not in suffixes]
        if len(bare) > 1:
            for word in {bare[0], bare[-1]}:
                owners[word].append(words)
    for words, evidence in list(table.items()):
        if len(words) != 1 or len(owners.get(words[0], [])) != 1:
            continue
        full = table[owners[words[0]][0]]
        full.person |= evidence.person
        evidence.person.add("full name")
        evidence.thing |= full.thing  # "Miss Brodie" of "the fictional Jean Brodie"


def first_word(words: tuple[str, ...]) -> str | None:
    """The first name of a full name, after initials ("H. Dale Hall" → "Dale"); None for one word."""
    if len(words) < 2:
        return None
    given = [w for w in words[:-1] if len(w.rstrip(".")) > 1]
    return given[0] if given else None


def verdict(evidence: NameEvidence, words: tuple[str, ...], organisation_word: bool,
            first_name: Callable[[str], bool]) -> str | None:
    """Why the name is not a person (None: it is one). A first name of the name list is person evidence against
    how the article uses the name, but not enough against an organisation word in it or a work's or group's use,
    and nothing is against a fictional character's."""
    if "character" in evidence.thing:
        return "fictional character"
    given = first_word(words)
    has_first_name = given is not None and first_name(given)
    if organisation_word or evidence.thing:
        # a work's name takes a title or a role ("the Ken Loach film … Loach, the director,"): a "she" after
        # "Harry Potter felt compelled to exist, as if Rowling knew she…" is anyone's
        needed = evidence.person & {"title", "role"} if evidence.thing else evidence.person - {"full name"}
        if needed and has_first_name:
            return None  # "Ann Lake, a lawyer, said she…"
        return "organisation word" if organisation_word else "used as " + "/".join(sorted(evidence.thing))
    if evidence.person or has_first_name:
        return None
    if evidence.organisation:
        return "used as " + "/".join(sorted(evidence.organisation))
    return None


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in rules()[key])


@lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    return frozenset(rules()["other_labels"])
