"""Quote extraction: mark pairing (no model needed) and attribution (spaCy model), plus the annotated seeds."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
import yaml

from generator.model import Paragraph, Source
from generator.extract.quotes import clean_quote_text, find_quote_spans, mark_role, quote_id

DATA = Path(__file__).parent / "data"


def make_source(text: str, source_id: str = "test") -> Source:
    paragraphs, offset = [], 0
    for index, part in enumerate(text.split("\n\n")):
        paragraphs.append(Paragraph(index, offset, offset + len(part), part))
        offset += len(part) + 2
    return Source(source_id, f"{source_id}.txt", "txt", source_id, None, None, None, None, text, tuple(paragraphs), ())


def spans_of(text: str) -> list[str]:
    source = make_source(text)
    spans, _ = find_quote_spans(source.paragraphs)
    return [clean_quote_text("\n\n".join(text[a:b] for a, b in s.pieces)) for s in spans]


# ------------------------------------------------------------------------------------ pairing, no model


@pytest.mark.parametrize(
    ("text", "index", "role"),
    [
        ("Russia’s advance", 6, None),  # apostrophe between letters
        ("Zelenskyy's aides", 9, None),
        ("talks 'inspire", 6, "open"),
        ("hopes', says", 5, "close"),
        ("the two countries' political will", 17, "close"),  # a closer only if a single quote is open
        ("“Hello”", 0, "open"),
        ("“Hello”", 6, "close"),
    ],
)
def test_mark_role_tells_apostrophes_from_quotes(text: str, index: int, role: str | None) -> None:
    assert mark_role(text, index) == role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia, US talks 'inspire certain hopes', says Putin", ["inspire certain hopes"]),
        ("Russia’s envoy and Zelenskyy's aide met.", []),
        ("With the two countries' political will, “we will get through this,” he said.", ["we will get through this"]),
        ('He said: "I note that the first contacts inspire certain hopes".', ["I note that the first contacts inspire certain hopes"]),
        ("“One,” he said. “Two.”", ["One", "Two."]),
        # a quote over two paragraphs: the first is left open, the second opens again
        ("“First paragraph of the quote.\n\n“Second paragraph,” she said.", ["First paragraph of the quote. Second paragraph"]),
        # nested quotes are part of the outer one
        ("“They told me ‘no’ twice,” he said.", ["They told me ‘no’ twice"]),
        # an opening mark typed where the quote closes: the last mark of its paragraph, or one a cue follows
        ("“The show was a mess.\n\nI'm not just a party girl. “\n\nShe launched a label in May.",
         ["The show was a mess. I'm not just a party girl."]),
        ("“They want the right to choose, “Meyer says. “Both of them.”", ["They want the right to choose", "Both of them."]),
        # a run-on quote stops at a narration line with a cue; the open quote ends with its sentence
        ("Analyst Mia Roth said, “it will open the doors for rivals.\n\nHowever, Hart said there will be no change."
         "\n\n“We remain partners.”", ["it will open the doors for rivals.", "We remain partners."]),
        # straight marks, the paragraph breaks lost: a mark after a sentence end, before a capital and no cue opens
        # the quote's next paragraph (the quote goes on); one a cue follows still closes a badly spaced quote
        ('"The river rose fast. "By noon the road was gone," she said. Crews closed the bridge. "We wait," he said.',
         ['The river rose fast. "By noon the road was gone', "We wait"]),
        ('"The river rose fast. "Jo Hart said it twice. "We wait," he said.', ["The river rose fast.", "We wait"]),
    ],
)
def test_find_quote_spans(text: str, expected: list[str]) -> None:
    assert spans_of(text) == expected


def test_find_quote_spans_sentence_per_line_quote() -> None:
    text = '"If I had to pick someone, it would be him.\n\nI think he\'s great, "he says.'
    assert spans_of(text) == ["If I had to pick someone, it would be him. I think he's great"]


def test_a_quote_runs_over_many_unmarked_lines_and_a_cue_word_without_a_speaker() -> None:
    # one sentence per line: the quote crosses five lines without marks; "Being asked" is no narration
    text = ('"For a while I could not tell anyone.\n\nBeing asked to play him is a privilege.\n\nI find myself in '
            'terror.\n\nAnd in delight.\n\nI am so happy.\n\nI can\'t wait to get started."')
    assert spans_of(text) == [
        "For a while I could not tell anyone. Being asked to play him is a privilege. I find myself in terror. "
        "And in delight. I am so happy. I can't wait to get started."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He said “this never closes.\n\nThe next paragraph has no quote at all and is long enough " + "x " * 250,
        "A stray ” closing mark.\n\n“A good quote,” she said.",
    ],
)
def test_unbalanced_marks_warn_and_recover_per_paragraph(text: str) -> None:
    spans, warnings = find_quote_spans(make_source(text).paragraphs)
    assert warnings
    if "good quote" in text:
        assert [clean_quote_text(text[s.start : s.end]) for s in spans] == ["A good quote"]


def test_unclosed_quote_after_cue_is_taken_to_the_end_of_its_sentence() -> None:
    text = "General Lichte said “This will be an American tanker. Boeing had agreed to lease tankers."
    assert spans_of(text) == ["This will be an American tanker."]


def test_quote_id_is_stable_and_ignores_case_and_punctuation() -> None:
    assert quote_id("a", "Hello, world") == quote_id("a", "hello world")
    assert quote_id("a", "Hello") != quote_id("b", "Hello")
    assert quote_id("a", "Hello").startswith("q-")


# ------------------------------------------------------------------------------ attribution (model)


@pytest.fixture(scope="module")
def nlp():
    from generator.extract.facts import add_paragraph_boundaries
    from generator.extract.nlp import load_model

    return add_paragraph_boundaries(load_model("en_core_web_sm"))


def quotes_of(nlp, text: str):
    from generator.extract.quotes import extract_quotes

    source = make_source(text)
    return extract_quotes(nlp(text), source, (), None)


def summary(quote) -> tuple[str, str | None, bool]:
    return quote.text, quote.speaker_name or quote.speaker_text, quote.partial


ATTRIBUTION_CASES = [
    pytest.param(
        "“No one expects solutions to come easily,” Kremlin spokesman Dmitry Peskov said.",
        [("No one expects solutions to come easily", "Dmitry Peskov", False)],
        id="X-said-after",
    ),
    pytest.param(
        "“The territories are an integral part of Russia,” said Kremlin spokesman Dmitry Peskov.",
        [("The territories are an integral part of Russia", "Dmitry Peskov", False)],
        id="said-X-inverted",
    ),
    pytest.param(
        "Speaking at the meeting, Vladimir Putin said, “The first contacts give some hope.”",
        [("The first contacts give some hope.", "Vladimir Putin", False)],
        id="cue-before-comma",
    ),
    pytest.param(
        "Sergei Lavrov arrived in Ankara on Monday.\n\n“We will see how quickly we can move,” he added.",
        [("We will see how quickly we can move", "Sergei Lavrov", False)],
        id="pronoun-he-added",
    ),
    pytest.param(
        "“I note that the contacts inspire certain hopes,” Reuters quoted Vladimir Putin as saying.",
        [("I note that the contacts inspire certain hopes", "Vladimir Putin", False)],
        id="quoted-as-saying",
    ),
    pytest.param(
        "Donald Trump spoke on Tuesday. He also called Volodymyr Zelenskyy a “dictator” and blamed him.",
        [("dictator", "Donald Trump", True)],
        id="partial-called-a",
    ),
    pytest.param(
        "Last year, Russia described relations as \"below zero\" under the previous administration.",
        [("below zero", "Russia", True)],
        id="partial-described-as",
    ),
    pytest.param(
        "Maria Zakharova said the talks were expected to be the first in a series of contacts aimed at building "
        "confidence and removing \"irritants\" in bilateral relations.",
        [],
        id="scare-quote-dropped",
    ),
    pytest.param(
        "The leaders have been crafting a plan for a European “reassurance force” in Ukraine.",
        [],
        id="scare-quote-no-cue",
    ),
    pytest.param(
        "“To be clear, there are no political issues on the agenda,” a department spokesperson said.\n\n"
        "“We will know soon if Russia is really willing to engage in good faith.”",
        [
            ("To be clear, there are no political issues on the agenda", "a department spokesperson", False),
            ("We will know soon if Russia is really willing to engage in good faith.", "a department spokesperson", False),
        ],
        id="continuation-paragraph",
    ),
    pytest.param(
        "“We love the Beatles,” said Steve Jobs. “It feels great to resolve this.”",
        [("We love the Beatles", "Steve Jobs", False), ("It feels great to resolve this.", "Steve Jobs", False)],
        id="interrupted-quote",
    ),
    pytest.param(
        "According to Ken Isaacs, the bomb “did not explode but terrified everyone in the camp”.",
        [("did not explode but terrified everyone in the camp", "Ken Isaacs", True)],
        id="according-to",
    ),
    pytest.param(
        "“The tanker is our first priority.” Officials said the contract was awarded on merit.",
        [("The tanker is our first priority.", None, False)],
        id="no-cue-across-a-sentence-end",
    ),
    pytest.param(
        "Apple announced the “Snow Leopard” release and the so-called “death grip” problem.",
        [],
        id="names-and-terms-dropped",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), ATTRIBUTION_CASES)
def test_extract_quotes_attribution(nlp, text: str, expected: list) -> None:
    assert [summary(q) for q in quotes_of(nlp, text)] == expected


@pytest.mark.model
def test_extract_quotes_offsets_point_at_the_text(nlp) -> None:
    text = "Russia, US talks 'inspire certain hopes', says Putin.\n\n“It is important,” he added."
    for quote in quotes_of(nlp, text):
        assert text[quote.start : quote.end] == quote.text


@pytest.mark.model
def test_extract_quotes_unbalanced_marks_warn_with_the_source_id(nlp, caplog) -> None:
    text = "The minister “never closed this one\n\nDmitry Peskov said: “A good quote.”"
    with caplog.at_level(logging.WARNING, logger="generator.extract.quotes"):
        quotes = quotes_of(nlp, text)
    assert any("test:" in r.getMessage() for r in caplog.records)
    assert [q.text for q in quotes] == ["A good quote."]


# ------------------------------------------------------------------------------------ the seeds (model)


def _seed_gold() -> dict:
    return yaml.safe_load((DATA / "quotes_seeds.yaml").read_text(encoding="utf-8"))["sources"]


@pytest.fixture(scope="module")
def seed_quotes(nlp):
    from generator.ingest.clean import clean_documents
    from generator.extract.facts import extract_people, extract_sentences
    from generator.ingest.load import read_sources
    from generator.extract.quotes import extract_quotes

    sources = clean_documents(read_sources(Path(__file__).parent.parent / "seeds"))
    found = {}
    for source in sources:
        doc = nlp(source.text)
        found[source.id] = extract_quotes(doc, source, extract_sentences(doc, source), extract_people(doc, source))
    return found


def _overlaps(quote, gold_text: str, text: str) -> bool:
    start = text.find(gold_text[:40])
    return start >= 0 and quote.start < start + len(gold_text) and start < quote.end


def _speaker_matches(quote, speaker: str | None) -> bool:
    predicted = quote.speaker_name or quote.speaker_text
    if speaker is None or predicted is None:
        return speaker is None and predicted is None
    # a whole word: "Russia" is not found in "the Russian embassy"
    return speaker.split()[-1].lower() in re.findall(r"\w+", predicted.lower())


@pytest.mark.model
def test_seeds_every_full_sentence_quote_found_with_its_speaker(seed_quotes) -> None:
    from generator.ingest.clean import clean_documents
    from generator.ingest.load import read_sources

    texts = {s.id: s.text for s in clean_documents(read_sources(Path(__file__).parent.parent / "seeds"))}
    missing = []
    for source_id, entry in _seed_gold().items():
        for gold in entry["quotes"]:
            if gold["partial"]:
                continue
            hits = [q for q in seed_quotes[source_id] if _overlaps(q, gold["text"], texts[source_id])]
            if not hits or not _speaker_matches(hits[0], gold["speaker"]):
                missing.append((source_id, gold["text"][:50]))
    assert missing == []


@pytest.mark.model
def test_seeds_partial_quotes_mostly_found_and_nobody_misquoted(seed_quotes) -> None:
    from generator.ingest.clean import clean_documents
    from generator.ingest.load import read_sources

    texts = {s.id: s.text for s in clean_documents(read_sources(Path(__file__).parent.parent / "seeds"))}
    partial = found = 0
    for source_id, entry in _seed_gold().items():
        golds = entry["quotes"]
        for gold in golds:
            hits = [q for q in seed_quotes[source_id] if _overlaps(q, gold["text"], texts[source_id])]
            if hits:
                # no person quoted with words they did not say
                assert _speaker_matches(hits[0], gold["speaker"]), (gold["text"], hits[0].speaker_text)
            if gold["partial"]:
                partial += 1
                found += bool(hits)
        for quote in seed_quotes[source_id]:
            assert any(_overlaps(quote, g["text"], texts[source_id]) for g in golds), quote.text
            assert quote.text not in entry.get("scare", [])
    assert found / partial >= 0.8


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "expected"),
    [
        # '“…” of the lands in the West Bank, a militant told a crowd': the parser hung "a militant" on "Bank"
        (["lands", "in", "the", "Bank", ",", "a", "militant", "told", "a", "crowd"], [7, 0, 3, 1, 3, 6, 3, 7, 9, 7],
         ["dobj", "prep", "det", "pobj", "punct", "det", "appos", "ROOT", "det", "dobj"],
         ["NOUN", "ADP", "DET", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN"], "militant"),
        # no comma before the phrase: not set off, no speaker from it
        (["lands", "in", "the", "Bank", "a", "militant", "told", "a", "crowd"], [6, 0, 3, 1, 5, 3, 6, 8, 6],
         ["dobj", "prep", "det", "pobj", "det", "appos", "ROOT", "det", "dobj"],
         ["NOUN", "ADP", "DET", "PROPN", "DET", "NOUN", "VERB", "DET", "NOUN"], None),
    ],
)
def test_a_verb_without_subject_after_an_apposition_set_off_by_a_comma(words, heads, deps, pos, expected) -> None:
    """Hand-built parses (no model): the phrase the parser made an apposition speaks for the verb right after it."""
    from types import SimpleNamespace

    import spacy
    from spacy.tokens import Doc

    from generator.extract.quotes import _apposition_before_verb

    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    found = _apposition_before_verb(verb, SimpleNamespace(inside=[False] * len(doc)), 0, [])
    assert (found[0].text if found else None) == expected
