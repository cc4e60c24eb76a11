"""Is a PERSON entity a person? (generator/extract/personhood.py) Sentences written for these tests, not taken
from the seeds or the benchmark data. Each case first checks that spaCy's small model does tag the name PERSON,
so that the case tests the people stage and not the tagger."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.extract.personhood import (NameEvidence, first_word, foreign_title, product_model, quoted_title,
                                           verdict)
from generator.link.people import PeopleIndex, merge_people
from generator.model import Alias, Paragraph, Person, PersonMention, Source, SourceFacts


@pytest.fixture(scope="module")
def nlp():
    from generator.pipeline import prepare_model

    return prepare_model("en_core_web_sm")


def _source(text: str) -> Source:
    return Source("t", "t.txt", "txt", "t", None, None, None, None, text, (Paragraph(0, 0, len(text), text),), ())


def _source_named(source_id: str, text: str) -> Source:
    return replace(_source(text), id=source_id, path=f"{source_id}.txt")


def _facts(nlp, text: str) -> tuple[SourceFacts, list[str]]:
    """The people facts of one written article, and the names spaCy tagged PERSON in it."""
    from generator.extract.facts import extract_entities, extract_name_candidates, extract_people

    doc = nlp(text)
    source = _source(text)
    facts = SourceFacts(source, (), extract_people(doc, source), extract_entities(doc, source),
                        extract_name_candidates(doc, source))
    return facts, [e.text for e in doc.ents if e.label_ == "PERSON"]


def _judged(nlp, text: str, name: str) -> tuple[set[str], set[str]]:
    facts, tagged = _facts(nlp, text)
    assert any(name in t for t in tagged), f"spaCy no longer tags {name!r} PERSON here: write another sentence"
    return {m.name for m in facts.people}, {p.name for p in merge_people([facts])}


ORGANISATIONS_TAGGED_AS_PEOPLE = [
    ("Balpa said in a statement that its members were exhausted.", "Balpa"),  # "its" for the subject
    ("Venmo said its users had been affected.", "Venmo"),
    ("Shares in Twitter fell sharply. Twitter's shares have lost a third of their value this year.", "Twitter"),
    ("Kestrel Hall said its shelters were full.", "Kestrel Hall"),  # an organisation word, no first name
    ("Fans of the Kestrel Blazers waited for hours. The Kestrel Blazers won again.", "Kestrel Blazers"),  # a team
    ("They visited the John Smith school on Monday.", "John Smith"),  # "the" + name + a facility word in lower case
    # an apposition names an organisation noun
    ("Clearwater Alliance, a nonprofit, said the river was polluted.", "Clearwater Alliance"),
]

PLACES_TAGGED_AS_PEOPLE = [
    ("Engineers in Bangalore have built the app. Bangalore is growing fast.", "Bangalore"),
    ("The flight from Lagos to Abuja was delayed. Abuja is the capital.", "Abuja"),  # WordNet: a location
    # names of several words after a preposition of place (one-word names only until an ECB+ folder's
    # "Banda Aceh" got a person page)
    ("The shelling in Khan Younis continued overnight.", "Khan Younis"),
    ("The Kessler Glacier has retreated two kilometres since 1990, scientists said.", "Kessler Glacier"),  # nature
]

# Characters, works, awards, groups and businesses: no person whatever else the article says of the name.
THINGS_TAGGED_AS_PEOPLE = [
    ("Nora, the waitress played by Ellen Marsh, falls for a drummer. Nora wants to sing.", "Nora"),  # casting
    ("It was a joke that my aunt and the novelist's great fictional creation, Miss Alma Trent, shared a temper. "
     "Miss Trent taught girls, and she was strict.", "Alma Trent"),  # a word of fiction before the name
    ("The three Danny Fenwick films earned millions, and every Danny Fenwick movie sold out.", "Danny Fenwick"),
    ("He stars in the war movie Johnny Kettle, out next year.", "Johnny Kettle"),  # in apposition to a work noun
    ("The multi-Tony Award winning composer gave a speech.", "Tony Award"),  # "<award> winning"
    ("The studio cast Dutch actors as Puerto Ricans.", "Puerto Ricans"),  # the plural of a kind of person
    ("Record rain shut down Zoo Omaha last summer.", "Zoo Omaha"),  # a place's word opens the name
    ("Police also closed La Bottega Dei Gusti deli and a salon.", "La Bottega Dei Gusti"),  # "La" + name + a shop
    ("One module of the program, known as Grey Heron, scans faces at the gates.", "Grey Heron"),  # a thing's name
    ("They adopted a dog named Bobby Dazzler last year.", "Bobby Dazzler"),
    # a title written alone in quotation marks elsewhere in the article, or opened by another language's possessive
    ("Will the general write his own ‘Golden Mary’? In prison he dictated Golden Mary to a guard, and Golden Mary "
     "sold well.", "Golden Mary"),
    ("The exiled poet dictated Meine Heimat to his secretary, and Meine Heimat became a bestseller.", "Meine Heimat"),
    ("The update only works on the Lumo XR and XR Max for now.", "XR Max"),  # a model word after a model code
    ("They founded the Committee for Dan Harlow last year.", "Dan Harlow"),  # inside an organisation's name
    ("They founded the Committee to Impeach Dan Harlow last year.", "Dan Harlow"),
]

PEOPLE_NEAR_THINGS = [
    ("Ryan Hollis, who played the detective in the series, said he was proud.", "Ryan Hollis"),  # no "played by"
    ("The Ken Loach film opened in May. Ken Loach, the director, said he was pleased.", "Ken Loach"),  # a role
    ("A man named John Carver was arrested on Monday.", "John Carver"),  # named, but a man
    ("Max Lee said the bridge would reopen in May.", "Max Lee"),  # a model word first: a first name
    ("The Committee thanked Dan Harlow for his work on the report.", "Dan Harlow"),  # no link word before him
    ("Residents wrote to the Council for months before Dan Harlow replied.", "Dan Harlow"),
    ("Police said Jun Ho Pro was arrested on Monday.", "Jun Ho Pro"),  # a model word last, but no model code
    # a name answered in quotation marks, with its full stop inside them, is no title
    ("Asked who should lead the party, she answered: “Dan Harlow.” Dan Harlow said he was honoured.", "Dan Harlow"),
]

PEOPLE_WITH_PLACE_OR_ORGANISATION_SURNAMES = [
    ("Ann Lake, a lawyer for the family, said she would appeal the ruling.", "Ann Lake"),
    ("Comedian Arsenio Hall said he was delighted to return.", "Arsenio Hall"),
    ("Martha Ford said she had never seen the letter.", "Martha Ford"),
    ("Grant Park, the team's coach, said he was proud of his players.", "Grant Park"),
    ("Dominic Lane, a teacher, said he had warned the school.", "Dominic Lane"),
    ("Sarah Brook said she had reported the fault twice.", "Sarah Brook"),
    ("Voters put their trust in Nancy Pelosi, who has led the party for years.", "Nancy Pelosi"),  # a first name
    ("Martha Reed met the mayor at the hospital.", "Martha Reed"),  # a facility word, but not after her name
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), ORGANISATIONS_TAGGED_AS_PEOPLE + PLACES_TAGGED_AS_PEOPLE)
def test_organisations_and_places_tagged_as_people_are_not_people(nlp, text: str, name: str) -> None:
    mentions, people = _judged(nlp, text, name)
    assert name not in mentions  # not even a speaker candidate
    assert name not in people


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), THINGS_TAGGED_AS_PEOPLE)
def test_characters_works_groups_and_shops_tagged_as_people_are_not_people(nlp, text: str, name: str) -> None:
    mentions, people = _judged(nlp, text, name)
    assert not any(name in m or m in name for m in mentions)
    assert not any(name in p for p in people)


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), PEOPLE_NEAR_THINGS)
def test_people_near_works_and_casting_stay_people(nlp, text: str, name: str) -> None:
    mentions, people = _judged(nlp, text, name)
    assert name in people


@pytest.mark.model
def test_a_sentence_opening_common_word_is_no_surname_of_another_article(nlp) -> None:
    # "Grant funding …" in one article is not Myles Grant of another: its capital is the sentence's
    engineer, _ = _facts(nlp, "Myles Grant, an engineer at the firm, said he liked the sound.")
    funding, _ = _facts(nlp, "Grant funding can be used for lessons and summer camps.")
    funding = SourceFacts(_source_named("u", funding.source.text), (), funding.people, funding.entities,
                          tuple(replace(c, source="u") for c in funding.name_candidates))
    (grant,) = [p for p in merge_people([engineer, funding]) if p.name == "Myles Grant"]
    assert grant.sources == ("t",)


@pytest.mark.parametrize(("words", "place"), [
    (("Bangalore",), True), (("Los", "Angeles"), True), (("New", "York"), True), (("Hamas",), True),
    (("George", "Bush"), False), (("Ford",), False), (("Banda", "Aceh"), False),  # not in WordNet
])
def test_wordnet_names_of_places_and_groups_of_one_or_more_words(words, place) -> None:
    from generator.extract.personhood import wordnet_place
    from generator.link import wordnet

    if not wordnet.available():
        pytest.fail("WordNet (Debian's wordnet-base) is missing: the test command installs it")
    assert wordnet_place(words) is place


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), PEOPLE_WITH_PLACE_OR_ORGANISATION_SURNAMES)
def test_people_whose_surname_is_a_place_or_organisation_word_stay_people(nlp, text: str, name: str) -> None:
    mentions, people = _judged(nlp, text, name)
    assert name in mentions
    assert name in people


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "page"),
    [
        ("Mr Hill told reporters the vote would be close.", "Hill", True),  # an honorific
        ("Ann Lake, a lawyer, said she would appeal. Lake said the ruling was wrong.", "Ann Lake", True),
        ("Fans waited for Marchetti outside the hotel.", "Marchetti", False),  # one word, no person evidence
        ("The crowd chanted for Delacroix as the results came in.", "Delacroix", False),
    ],
)
def test_one_word_names_need_person_evidence(nlp, text: str, name: str, page: bool) -> None:
    facts, tagged = _facts(nlp, text)
    assert any(name.endswith(t) or t.endswith(name) for t in tagged)
    assert (name in {p.name for p in merge_people([facts])}) is page


@pytest.mark.model
def test_surname_mention_lends_its_evidence_to_the_full_name(nlp) -> None:
    # "Ann Lake" alone has no evidence but its first name; "Lake … she" is hers.
    facts, _ = _facts(nlp, "The case was filed by Ann Lake. Lake said she would appeal the ruling.")
    assert "Ann Lake" in {m.name for m in facts.people}


@pytest.mark.parametrize(
    ("person", "organisation", "words", "organisation_word", "expected"),
    [
        ({"pronoun"}, set(), ("Ann", "Lake"), True, None),
        (set(), set(), ("Ann", "Lake"), True, "organisation word"),  # a first name alone does not outweigh it
        ({"pronoun"}, set(), ("Kestrel", "Hall"), True, "organisation word"),  # no first name
        ({"full name"}, set(), ("Ann", "Lake"), True, "organisation word"),
        (set(), {"its"}, ("Balpa",), False, "used as its"),
        ({"title"}, {"its"}, ("Balpa",), False, None),
        (set(), {"tagged"}, ("Lisa", "Chen"), False, None),  # a first name outweighs how the article tags it
        (set(), {"tagged"}, ("Manchester", "United"), False, "used as tagged"),
        (set(), set(), ("Marchetti",), False, None),  # the link stage asks one word for more
    ],
)
def test_verdict_table(person, organisation, words, organisation_word, expected) -> None:
    first_names = {"Ann", "Lisa"}
    evidence = NameEvidence(set(person), set(organisation))
    assert verdict(evidence, words, organisation_word, first_names.__contains__) == expected


@pytest.mark.parametrize(
    ("words", "first"), [(("H.", "Dale", "Hall"), "Dale"), (("Ann", "Lake"), "Ann"), (("Balpa",), None)]
)
def test_first_word_skips_initials(words, first) -> None:
    assert first_word(words) == first


def test_a_full_name_with_another_first_name_is_not_found_by_its_surname() -> None:
    mention = PersonMention("t", "Arsenio Hall", "Arsenio Hall", 0, 12, 0)
    hall = Person("arsenio-hall", "Arsenio Hall", (Alias("Arsenio Hall", ("t",)), Alias("Hall", ("t",))), (), (mention,))
    index = PeopleIndex((hall,))
    assert index.lookup("Dixon Hall", "t") is None  # an organisation the tagger called a person
    assert index.lookup("Hall", "t") is hall
    assert index.lookup("A. Hall", "t") is hall


def _doc_with_person(text: str, name: str):
    """A hand-built Doc of ``text`` (blank English tokenizer) with ``name`` marked PERSON."""
    import spacy

    doc = spacy.blank("en")(text)
    start = text.index(name)
    doc.ents = [doc.char_span(start, start + len(name), label="PERSON")]
    return doc, doc.ents[0]


@pytest.mark.parametrize(
    ("text", "name", "headline"),
    [
        ("Marta Kowalczyk Signs With Rovers\n\nThe striker joined on Monday.", "Marta Kowalczyk Signs", True),
        ("HARBOUR FIRE KILLS THREE FISHERMEN\n\nThree died.", "HARBOUR FIRE", True),
        ("Marta Kowalczyk signed for the club on Monday.", "Marta Kowalczyk", False),
        ("Marta Kowalczyk\n\nShe signed.", "Marta Kowalczyk", False),  # a byline: no other words to judge by
    ],
)
def test_title_case_line(text: str, name: str, headline: bool) -> None:
    from generator.extract.personhood import title_case_line

    _, ent = _doc_with_person(text, name)
    assert title_case_line(ent) is headline


@pytest.mark.parametrize(
    ("words", "kept"),
    [
        (("Marta", "Kowalczyk", "Signs"), (0, 2)),
        (("Kowalczyk", "Scores"), (0, 1)),
        (("Signs", "Marta", "Kowalczyk"), (1, 3)),
        (("Rovers", "Beat", "United"), (0, 0)),
        (("Marta", "Nowak"), (0, 2)),  # named only in the headline, opening with a first name
        (("Rovers", "Sign", "Kowalczyk"), (2, 3)),
    ],
)
def test_a_headline_name_counts_as_far_as_the_text_writes_it(words, kept) -> None:
    from generator.extract.personhood import headline_name

    known = {("Marta", "Kowalczyk"), ("Kowalczyk",)}
    assert headline_name(words, known, {"Marta"}.__contains__) == kept


@pytest.mark.model
def test_a_hyphenated_surname_is_no_organisation_word(nlp) -> None:
    facts, tagged = _facts(nlp, "Phoebe Waller-Bridge won the award.")
    assert "Phoebe Waller-Bridge" in tagged
    assert "Phoebe Waller-Bridge" in {m.name for m in facts.people}


@pytest.mark.parametrize(("word", "plural"), [("Heels", True), ("Colts", True), ("Williams", False),
                                              ("Banks", False), ("United", False)])
def test_plural_common_noun(word: str, plural: bool) -> None:
    from generator.extract.personhood import plural_common_noun

    assert plural_common_noun(word) is plural


@pytest.mark.model
@pytest.mark.parametrize(("text", "mentions"), [
    # a road: "on" + the surname + a direction of travel
    ("Jeff Miller, 45, of Clayton, was named the new fire chief on Monday. Police said a truck was on Miller "
     "traveling eastbound when it hit a pole.", ["Jeff Miller"]),
    ("The council put pressure on Miller to resign. Jeff Miller said he would stay.", ["Miller", "Jeff Miller"]),
])
def test_a_surname_written_as_a_road_is_no_mention(nlp, text: str, mentions: list[str]) -> None:
    facts, _ = _facts(nlp, text)
    (person,) = merge_people([facts])
    assert [m.text for m in person.mentions] == mentions


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "member"), [
    ("The Sixers lost again, and former Sixer Marcus Tane scored nine points.", "Sixer", True),
    ("The Roberts family sued. Robert Lane, their lawyer, said the Roberts would appeal.", "Robert", False),  # a name
    ("Former Sixer Marcus Tane scored nine points.", "Sixer", False),  # no team of that name here
])
def test_the_singular_of_a_team_opens_no_name(nlp, text: str, word: str, member: bool) -> None:
    from generator.extract.facts import team_member_word

    doc = nlp(text)
    (token,) = [t for t in doc if t.text == word]
    assert team_member_word(token) is member


@pytest.mark.model
def test_a_work_named_after_its_noun_is_no_person(nlp) -> None:
    # "memoir, Lady Sings the Blues": the parse does not attach the title to "memoir"; the word before does
    facts, tagged = _facts(nlp, "She wrote a 1961 memoir, Lady Sings the Blues, about her years on the road.")
    assert any("Sings" in t for t in tagged)
    assert not merge_people([facts])


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), [
    ("By Jane Roe: The council voted on Monday to close the pool for the winter.", "Jane Roe"),
    ("By Tom Whitfield | The council voted on Monday to close the pool.", "Tom Whitfield"),
])
def test_a_byline_run_into_the_first_paragraph_is_no_mention(nlp, text: str, name: str) -> None:
    mentions, people = _judged(nlp, text, name)
    assert name not in mentions and name not in people


@pytest.mark.parametrize(("words", "product"), [
    (("XS", "Max"), True), (("Galaxy", "S10"), True), (("Pixel", "4a"), True), (("SE", "Plus"), True),
    (("Max", "Lee"), False), (("Jun", "Ho", "Pro"), False), (("Ann", "Mini"), False),
    (("Peter", "Malkin.3"), False), (("Peter", "Malkin2"), False),  # a footnote's number, not a model code
])
def test_product_model(words: tuple[str, ...], product: bool) -> None:
    assert product_model(words) is product


@pytest.mark.parametrize(("words", "text", "title"), [
    (("Golden", "Mary"), "He wrote ‘Golden Mary’ in prison.", True),
    (("Golden", "Mary"), 'He wrote "Golden Mary" in prison.', True),
    (("Golden", "Mary"), "“Golden Mary,” she answered.", False),  # an answer: a comma inside the quotation marks
    (("Golden", "Mary"), "The ‘Golden Mary’s crew’ left.", False),  # a possessive, not a closing mark
    (("Peewee",), "Renaldo “Peewee” Gilkes scored.", False),  # a nickname is one word
])
def test_quoted_title(words: tuple[str, ...], text: str, title: bool) -> None:
    assert quoted_title(words, text) is title


@pytest.mark.parametrize(("words", "title"), [
    (("Mein", "Weg"), True), (("Nuestra", "Tierra"), True), (("Le", "Pen"), False), (("Mia", "Farrow"), False),
    (("Mein",), False),
])
def test_foreign_title(words: tuple[str, ...], title: bool) -> None:
    assert foreign_title(words) is title


@pytest.mark.model
def test_a_footnote_number_glued_to_a_name_is_no_part_of_it(nlp) -> None:
    text = "Warren has the most endorsements, per a list compiled by political scientist Peter Malkin.3 The papers agreed."
    mentions, people = _judged(nlp, text, "Peter Malkin")
    assert mentions == {"Peter Malkin"} and people == {"Peter Malkin"}
