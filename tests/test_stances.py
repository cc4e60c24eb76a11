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
@pytest.mark.parametrize(
    ("text", "actor", "stance", "issue_word"),
    [
        # a passive cue is its agent's stance on its subject
        ("The peace plan was rejected by Russia on Friday.", "Russia", "rejects", "plan"),
        ("The new tariffs were strongly opposed by Canada.", "Canada", "opposes", "tariffs"),
    ],
)
def test_a_passive_cue_is_the_agents_stance(nlp, text: str, actor: str, stance: str, issue_word: str) -> None:
    found = _stances(nlp, text)
    assert [(s.actor_text, s.stance) for s in found] == [(actor, stance)], found
    assert issue_word in found[0].issue


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # the one a passive cue is about is no actor: with no agent, nobody's stance
        "Tom Hardy's offer to plead guilty was rejected by prosecutors on Monday.",
        "Tom Hardy's offer to plead guilty was rejected on Monday.",
        "Tom Hardy was denied a new lawyer.",
    ],
)
def test_the_subject_of_a_passive_cue_states_no_stance(nlp, text: str) -> None:
    assert not [s for s in _stances(nlp, text) if "Hardy" in s.actor_text]


@pytest.mark.model
def test_conditional_clause_states_no_stance(nlp) -> None:
    assert not _stances(nlp, "We will know soon if Russia is really willing to engage in good faith.")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "not_actor"),
    [
        # what others fear, hope, expect or claim is not the stance of the one it is about
        ("European countries fear that Trump will push for a ceasefire deal that favours Russia.", "Trump"),
        ("Poland fears that Moscow will reject any ceasefire.", "Moscow"),
        ("The European Union hopes that China will support the ceasefire.", "China"),
        ("Opposition leaders claim that the government of France wants to delay the election.", "France"),
        ("Analysts expect that Beijing will oppose the new sanctions.", "Beijing"),
        ("Diplomats fear Iran will refuse any inspection of its nuclear sites.", "Iran"),
    ],
)
def test_a_stance_is_the_actors_only_when_the_sentence_says_so(nlp, text: str, not_actor: str) -> None:
    assert not [s for s in _stances(nlp, text) if not_actor in s.actor_text]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor", "stance"),
    [
        # reported speech keeps the stance of the one it reports
        ("France said that Germany demands a new vote on the budget.", "Germany", "demands"),
        # the believer's own stance in a participle clause stays its own
        ("Spain claimed the talks had failed, while rejecting any new deadline.", "Spain", "rejects"),
    ],
)
def test_reported_and_own_stances_survive_the_hearsay_rule(nlp, text: str, actor: str, stance: str) -> None:
    assert any(s.actor_text == actor and s.stance == stance for s in _stances(nlp, text)), _stances(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Brazil has ruled out any withdrawal from the disputed border area.",
         "rules out any withdrawal from the disputed border area"),
        # a relative clause on a modified noun is left out; one that says which bare noun stays
        ("Germany demands that Greece accept the terms of the bailout that creditors proposed last week.",
         "demands that Greece accept the terms of the bailout"),
        ("Canada rejected any deal that would allow the tariffs to stay.",
         "rejects any deal that would allow the tariffs to stay"),
        ("The EU is ready to take more responsibility for the region's security.",
         "is ready to take more responsibility for the region's security"),
        ("Japan said the Kuril islands are an inalienable part of its territory.",
         "insists the Kuril islands are an inalienable part of its territory"),
    ],
)
def test_stance_clause_is_a_short_readable_clause_from_the_sentence(nlp, text: str, clause: str) -> None:
    assert clause in [s.clause for s in _stances(nlp, text)], _stances(nlp, text)


@pytest.mark.model
def test_stance_clause_is_cut_at_a_word_that_can_end_it(nlp) -> None:
    text = ("Chile demands that Peru return the twelve fishing boats seized near the maritime border in the "
            "early hours of Sunday morning together with all of their crews and their catch.")
    clauses = [s.clause for s in _stances(nlp, text)]
    assert clauses and all(len(c.split()) <= 20 for c in clauses), clauses
    assert all(not c.rstrip(" …").split()[-1].lower() in ("the", "of", "with", "and") for c in clauses), clauses


def test_predicates_are_general_phrases() -> None:
    from generator.extract.stances import rules

    predicates = set(rules()["predicates"])
    # single words that qualify a fact ("an indisputable fact") or any part are not stances
    assert not predicates & {"indisputable", "inarguable", "integral", "inseparable", "undeniable"}
