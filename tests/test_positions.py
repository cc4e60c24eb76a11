"""Positions: actor merging (people, metonymy), issue merging, stable ids; and the seeds' positions."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from generator.model import Alias, Entity, EntityMention, Paragraph, Person, PersonMention, Sentence, Source, SourceFacts, StanceMention
from generator.link.positions import build_positions, canonical_group, issue_rules, same_issue


_CUES = itertools.count(100)


def _stance(source: str, actor: str, kind: str, issue: str, lemmas: tuple[str, ...], head: str,
            stance: str = "demands", sentence: int = 0, start: int | None = None,
            cue_start: int | None = None) -> StanceMention:
    """A stance mention; each has a cue of its own unless ``cue_start`` says two share one."""
    cue = next(_CUES) if cue_start is None else cue_start
    return StanceMention(source, sentence, stance, stance, cue, actor, kind, start, None if start is None else start + len(actor),
                         issue, 0, len(issue), lemmas, head)


def _facts(source: str, stances: tuple[StanceMention, ...]) -> SourceFacts:
    text = "A sentence that holds the stance."
    src = Source(source, f"{source}.txt", "txt", source, None, None, None, None, text, (Paragraph(0, 0, len(text), text),), ())
    return SourceFacts(src, (Sentence(source, 0, 0, len(text), text, 0),), (), (), stances=stances)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("the Kremlin", "Russia"),
        ("Moscow", "Russia"),
        ("Kremlin's", "Russia"),
        ("Washington", "United States"),
        ("the White House", "United States"),
        ("U.S.", "United States"),
        ("Beijing", "China"),
        ("Brussels", "European Union"),
        ("Downing Street", "United Kingdom"),
        ("Kyiv", "Ukraine"),
        ("Kiev", "Ukraine"),
        ("Acme Corp", None),
    ],
)
def test_metonymy_names_one_government(name: str, canonical: str | None) -> None:
    assert canonical_group(name) == canonical


def test_actor_merging_across_names_and_spellings() -> None:
    zelensky = Person("volodymyr-zelensky", "Volodymyr Zelensky",
                      (Alias("Volodymyr Zelensky", ("a",)), Alias("Zelenskyy", ("b",))), (),
                      (PersonMention("a", "Volodymyr Zelensky", "Volodymyr Zelensky", 10, 28, 0),
                       PersonMention("b", "Zelenskyy", "Zelenskyy", 40, 49, 0)))
    facts = [
        _facts("a", (_stance("a", "the Kremlin", "entity", "sanctions relief", ("sanction", "relief"), "relief"),
                     _stance("a", "Volodymyr Zelensky", "person", "air defence", ("air", "defence"), "defence", start=10))),
        _facts("b", (_stance("b", "Moscow", "entity", "relief from sanctions", ("relief", "sanction"), "relief"),
                     _stance("b", "Zelenskyy", "person", "air defence systems", ("air", "defence", "system"), "system",
                             start=40))),
        _facts("c", (_stance("c", "Russia", "entity", "sanctions relief", ("sanction", "relief"), "relief"),
                     _stance("c", "Zelensky", "person", "air defence", ("air", "defence"), "defence"))),
    ]
    entities = (Entity("russia", "Russia", "GPE", (EntityMention("c", "Russia", "GPE", 0, 6, 0),)),)
    positions = build_positions(facts, (zelensky,), entities, ())
    actors = {p.actor for p in positions}
    assert actors == {"russia", "volodymyr-zelensky"}
    russia = [p for p in positions if p.actor == "russia"]
    assert set(russia[0].actor_names) == {"the Kremlin", "Moscow", "Russia"}
    assert len({p.issue for p in russia}) == 1  # "sanctions relief" = "relief from sanctions"
    assert len({p.issue for p in positions if p.actor == "volodymyr-zelensky"}) == 1


def test_position_ids_are_stable_when_sources_are_added() -> None:
    one = [_facts("a", (_stance("a", "Moscow", "entity", "sanctions relief", ("sanction", "relief"), "relief"),))]
    two = one + [_facts("b", (_stance("b", "Kyiv", "entity", "ceasefire", ("ceasefire",), "ceasefire"),))]
    first = {p.id for p in build_positions(one, (), (), ())}
    assert first <= {p.id for p in build_positions(two, (), (), ())}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # one head concept (synonyms folded): the annexed regions and the territories are one issue
        ((("five", "Ukrainian", "region"), "region"), (("territory", "subject", "Russian", "Federation"), "territory"), True),
        ((("annexed", "territory"), "territory"), (("five", "region"), "region"), True),
        ((("truce",), "truce"), (("immediate", "ceasefire"), "ceasefire"), True),
        # one issue's head is a word of the other's
        ((("withdrawal", "occupied", "territory"), "withdrawal"), (("five", "region"), "region"), True),
        # enough shared words, different heads
        ((("nuclear", "programme", "Iran"), "programme"), (("Iran", "nuclear", "enrichment", "programme"), "enrichment"), True),
        # a general head is not enough by itself
        ((("ceasefire", "deal"), "deal"), (("deal", "allow", "weapon"), "deal"), False),
        # different issues
        ((("joining", "Nato"), "join"), (("responsibility", "Europe", "security"), "responsibility"), False),
        ((("backstop",), "backstop"), (("bloodshed",), "bloodshed"), False),
        # a shared proper name counts as a shared concept (learnt on the dev pairs, benchmarks/results/issues.md)
        ((("Tesla", "recall"), "recall"), (("Tesla", "battery", "fire"), "fire"), True),
        # a general head shared, with nothing else, is not one issue, whatever min_shared says
        ((("pension", "plan"), "plan"), (("plan", "close", "school"), "plan"), False),
        # a listed word's derivations join its group: "negotiate" is listed, "negotiating" comes along
        ((("negotiating",), "negotiating"), (("discussion",), "discussion"), True),
        # a verb and its noun are one concept (stems)
        ((("deploy", "troop"), "deploy"), (("deployment", "troop"), "deployment"), True),
        # relations between governments: contact, ties, dialogue are one subject
        ((("resumption", "contact"), "resumption"), (("dialogue",), "dialogue"), True),
        ((("tariff", "steel"), "tariff"), (("quota", "fishing"), "quota"), False),
    ],
)
def test_issue_merging(a, b, same: bool) -> None:
    sa = _stance("x", "X", "entity", " ".join(a[0]), a[0], a[1])
    sb = _stance("y", "Y", "entity", " ".join(b[0]), b[0], b[1])
    assert same_issue(sa, sb) is same
    assert same_issue(sb, sa) is same


@pytest.mark.parametrize(
    ("names", "amounts", "same"),
    [(True, True, True), (True, False, False), (False, True, True), (False, False, False)],
)
def test_shared_amounts_count_only_when_the_rules_say_so(names: bool, amounts: bool, same: bool) -> None:
    rules = replace(issue_rules(), shared_names=names, shared_amounts=amounts)
    salary = _stance("x", "X", "entity", "$20 million salary", ("$", "20", "million", "salary"), "salary")
    fine = _stance("y", "Y", "entity", "$5 million fine", ("$", "5", "million", "fine"), "fine")
    assert same_issue(salary, fine, rules) is same


@pytest.mark.parametrize(("names", "same"), [(True, True), (False, False)])
def test_shared_names_count_only_when_the_rules_say_so(names: bool, same: bool) -> None:
    rules = replace(issue_rules(), shared_names=names)
    recall = _stance("x", "X", "entity", "Tesla recall", ("Tesla", "recall"), "recall")
    fire = _stance("y", "Y", "entity", "Tesla battery fires", ("Tesla", "battery", "fire"), "fire")
    assert same_issue(recall, fire, rules) is same


@pytest.mark.parametrize(("min_shared", "min_overlap", "same"), [(1, 0.25, True), (2, 0.25, False), (1, 0.6, False)])
def test_issue_thresholds(min_shared: int, min_overlap: float, same: bool) -> None:
    # different heads, one shared concept of two in the shorter phrase ("water")
    rules = replace(issue_rules(), min_shared=min_shared, min_overlap=min_overlap)
    a = _stance("x", "X", "entity", "water rationing", ("water", "rationing"), "rationing")
    b = _stance("y", "Y", "entity", "price of water for farms", ("price", "water", "farm"), "price")
    assert same_issue(a, b, rules) is same


def test_rule_file_holds_the_issue_values_learnt_on_dev() -> None:
    """rules/actors.yaml holds what benchmarks/issues.py chooses on the dev pairs (never the test split)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from issues import learn, load_pairs

    name, chosen, counts, in_file = learn(load_pairs())
    assert in_file, (name, chosen.min_shared, chosen.min_overlap, chosen.shared_names, chosen.shared_amounts)


# ------------------------------------------------------------------------------------------- seeds


@pytest.mark.model
@pytest.mark.parametrize(
    ("actor", "stance", "issue_word", "evidence_word"),
    [
        ("russia", "rules out", "regions", "negotiation"),  # Russia / the Kremlin rules out negotiating
        # Moscow demands that Kyiv accept the loss of five regions and abandon hope of joining Nato: one cue, one issue
        ("russia", "demands", "regions", "Nato"),
        ("us-state-department", "denies", "Ukraine", "agenda"),
        ("donald-trump", "refuses", "backstop", "backstop"),
        ("donald-trump", "wants", "bloodshed", "ceasefire"),
        # "European deployment to postwar Ukraine" shares the name Ukraine with "Ukraine (not on the agenda)": with
        # the values learnt on non-seed data (names count, min_shared 1) they are one row, labelled "Ukraine"
        ("sergei-lavrov", "denies", "Ukraine", "endorsed"),
        ("european-union", "is ready to", "security", "responsibility"),
    ],
)
def test_seed_positions(seeds_briefing, actor: str, stance: str, issue_word: str, evidence_word: str) -> None:
    found = [p for p in seeds_briefing.positions if p.actor == actor and p.stance == stance
             and issue_word in p.issue and evidence_word in p.text]
    assert found, [(p.actor, p.stance, p.issue) for p in seeds_briefing.positions]


@pytest.mark.model
def test_seed_russia_merges_kremlin_and_moscow(seeds_briefing) -> None:
    russia = [p for p in seeds_briefing.positions if p.actor == "russia"]
    assert {"Kremlin", "Moscow", "Russia"} <= set(russia[0].actor_names)
    rules_out = {p.source for p in russia if p.stance == "rules out" and "regions" in p.issue}
    assert len(rules_out) >= 2  # one issue across outlets


def test_objects_of_one_stance_cue_are_one_issue() -> None:
    """"The union demands higher wages and a shorter working week": one demand, one issue, listed once."""
    wages = _stance("a", "the union", "entity", "higher wages", ("high", "wage"), "wage", cue_start=7)
    week = _stance("a", "the union", "entity", "a shorter working week", ("short", "working", "week"), "week",
                   cue_start=7)
    pensions = _stance("a", "the union", "entity", "pension cuts", ("pension", "cut"), "cut", stance="rejects")
    positions = build_positions([_facts("a", (wages, week, pensions))], (), (), ())
    issues = {p.stance: p.issue for p in positions}
    assert issues["demands"] in ("higher wages", "a shorter working week")
    assert len({p.issue for p in positions if p.stance == "demands"}) == 1
    assert issues["rejects"] == "pension cuts"
    assert not same_issue(wages, week)  # merged by the shared cue, not by their words


def test_an_issue_phrase_that_names_nothing_gives_no_position() -> None:
    facts = [_facts("a", (_stance("a", "Moscow", "entity", "this stance", ("stance",), "stance", stance="condemns"),
                          _stance("a", "Moscow", "entity", "sanctions relief", ("sanction", "relief"), "relief")))]
    assert [p.issue for p in build_positions(facts, (), (), ())] == ["sanctions relief"]


def test_positions_of_one_stance_merge_across_outlets_with_their_count() -> None:
    from generator.pages.positions import stance_groups

    facts = [_facts(src, (_stance(src, "Moscow", "entity", "sanctions relief", ("sanction", "relief"), "relief"),))
             for src in ("a", "b", "c")]
    positions = build_positions(facts, (), (), ())
    groups = stance_groups(positions)
    assert len(groups) == 1 and groups[0].sources == ("a", "b", "c")


@pytest.mark.model
def test_seed_positions_matrix_has_few_rows_and_clauses(seeds_briefing) -> None:
    from generator.pages.positions import positions_page

    page = positions_page(seeds_briefing)
    assert 1 <= len(page.context["matrix"]) <= 10
    assert page.context["more_issues"] == 0  # few issues because they merge, not because the matrix is capped
    for section in page.context["sections"]:
        for row in section["rows"]:
            clause = f"{row['label']} {row['rest']}"
            assert len(clause.split()) >= 3, clause  # a clause, not a bare key phrase
            assert len(clause.split()) <= 22, clause
    # "European countries … fearing that Trump will push for a ceasefire deal" is no stance of Trump's
    assert not [p for p in seeds_briefing.positions if p.actor == "donald-trump" and "fearing" in p.text]


def test_two_clauses_of_one_sentence_are_one_piece_of_evidence() -> None:
    """"Moscow demands sanctions relief … and relief from all sanctions": the group's evidence links to the
    sentence once; the matrix counts outlets, not positions."""
    from generator.model import Briefing
    from generator.pages.positions import positions_page

    one = _facts("a", (_stance("a", "Moscow", "entity", "sanctions relief", ("sanction", "relief"), "relief"),
                       _stance("a", "Moscow", "entity", "relief from all sanctions", ("relief", "sanction"),
                               "relief")))
    other = _facts("b", (_stance("b", "Moscow", "entity", "sanctions relief", ("sanction", "relief"), "relief"),))
    facts = [one, other]
    briefing = Briefing(sources=tuple(f.source for f in facts), facts=tuple(facts), people=(), entities=(),
                        positions=build_positions(facts, (), (), ()))
    assert len(briefing.positions) == 3
    page = positions_page(briefing)
    rows = [row for section in page.context["sections"] for row in section["rows"]]
    assert len(rows) == 1
    assert [(e["source"].id, e["anchor"]) for e in rows[0]["evidence"]] == [("a", "p1"), ("b", "p1")]
    assert page.context["matrix"][0]["cells"][0][0]["count"] == 2
