"""Texts longer than the model's max_length are parsed in pieces at paragraph boundaries."""

from __future__ import annotations

import pytest

from generator.extract.long_texts import split_text


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("a b", 10, ["a b"]),
        ("", 10, [""]),
        ("one two.\n\nthree four.\n\nfive six.", 14, ["one two.\n\n", "three four.\n\n", "five six."]),
        ("One. Two three. Four five six.", 17, ["One. Two three. ", "Four five six."]),  # no paragraph: a sentence end
        ("aaaa bbbb cccc", 6, ["aaaa ", "bbbb ", "cccc"]),  # no sentence: a space
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # no space at all: anywhere
    ],
)
def test_split_text_cuts_at_the_best_boundary(text, limit, expected):
    pieces = split_text(text, limit)
    assert pieces == expected
    assert "".join(pieces) == text and all(len(p) <= limit for p in pieces)


@pytest.mark.model
def test_offsets_stay_offsets_into_the_cleaned_text(monkeypatch):
    from generator.extract.facts import extract
    from generator.ingest.clean import clean_documents
    from generator.model import Metadata, RawDocument
    from generator.pipeline import prepare_model

    paragraphs = [
        f"“We will meet again in round {n},” Foreign Minister Jane Doe said in Geneva on Tuesday, March {n % 28 + 1}."
        for n in range(60)
    ]
    raw = RawDocument(id="long", path="long.txt", format="txt", text="\n".join(paragraphs),
                      given=Metadata(published=__import__("datetime").date(2025, 3, 4)))
    (source,) = clean_documents([raw])
    nlp = prepare_model("en_core_web_sm")
    whole = extract([source], nlp)[0]
    monkeypatch.setattr(nlp, "max_length", 1000)
    (pieces,) = extract([source], nlp)
    assert len(source.text) > 5 * nlp.max_length
    for sentence in pieces.sentences:
        assert source.text[sentence.start:sentence.end] == sentence.text
    for quote in pieces.quotes:
        assert source.text[quote.start:quote.end] == quote.text
    for mention in pieces.people:
        assert source.text[mention.start:mention.end] == mention.text
    # cut at paragraph boundaries, the pieces find what the whole text gives
    assert [(q.start, q.end) for q in pieces.quotes] == [(q.start, q.end) for q in whole.quotes]
    assert len(pieces.quotes) == 60
