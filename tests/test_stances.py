"""Stance extraction: cue, actor and issue key phrase, on sentences beyond the seeds."""

from __future__ import annotations

import pytest

from generator.model import Paragraph, Source


@pytest.fixture(scope="module")
def nlp():
    from generator.extract.facts import add_paragraph_boundaries
    from generator.extract.nlp import load_model

    return add_paragraph_boundaries(load_model("en_core_web_sm"))


def _stances(nlp, text: str):
    from generator.extract.facts import extract_entities, extract_people, extract_sentences
    from generator.extract.stances import extract_stances

    source = Source("t", "t.txt", "txt", "t", None, None, None, None, text, (Paragraph(0, 0, len(text), text),), ())
    doc = nlp(text)
    sentences = extract_sentences(doc, source)
    return extract_stances(doc, source, sentences, extract_people(doc, source), extract_entities(doc, source))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor", "stance", "issue_word"),
    [
        ("Beijing has ruled out any talks over the status of Taiwan.", "Beijing", "rules out", "Taiwan"),
        ("Germany demands that Greece accept the terms of the bailout.", "Germany", "demands", "terms"),
        ("Chancellor Angela Merkel refused to commit to a eurozone budget.", "Angela Merkel", "refuses", "budget"),
        ("The White House denied that Washington had approved the arms sale.", "White House", "denies", "sale"),
        ("The union called for a general strike in the capital.", None, "calls for", "strike"),
        ("Council President Charles Michel said the EU is ready to fund the new defence fund.", "EU", "is ready to", "fund"),
        ("Canada strongly opposes the new tariffs on steel.", "Canada", "opposes", "tariffs"),
    ],
)
def test_extract_stances_cue_actor_issue(nlp, text: str, actor: str | None, stance: str, issue_word: str) -> None:
    found = _stances(nlp, text)
    matching = [s for s in found if s.stance == stance and issue_word.lower() in s.issue.lower()]
    if actor is None:  # no name: nothing to attribute the stance to
        assert not matching
        return
    assert matching, found
    assert matching[0].actor_text == actor


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor", "stance"),
    [
        # a stance inside the complement of a denial is not a stance of its own subject
        ("Foreign Minister Sergei Lavrov denied that Russia had endorsed the peace plan.", "Sergei Lavrov", "denies"),
        # a reporting verb passes the stance to the inner subject
        ("The minister said that Japan wants a new trade deal with Australia.", "Japan", "wants"),
        # a pronoun resolves to the nearest person before it
        ("Prime Minister Justin Trudeau spoke on Monday. He condemned the attack on the embassy.", "Justin Trudeau", "condemns"),
        # a participle clause takes the subject of the clause it hangs from
        ("Iran praised the agreement, while rejecting any limits on its missile programme.", "Iran", "rejects"),
    ],
)
def test_actor_rules(nlp, text: str, actor: str, stance: str) -> None:
    found = _stances(nlp, text)
    assert any(s.actor_text == actor and s.stance == stance for s in found), found
    if actor == "Sergei Lavrov":
        assert not any(s.actor_text == "Russia" for s in found)


@pytest.mark.model
def test_conditional_clause_states_no_stance(nlp) -> None:
    assert not _stances(nlp, "We will know soon if Russia is really willing to engage in good faith.")
