"""Source comparison: facts only one source carries, facts one source leaves out, numbers; and the seeds."""

from __future__ import annotations

import pytest

from generator.link.compare import compare_sources, numbers_in
from generator.model import Briefing, Paragraph, Sentence, Source, SourceFacts


def _facts(source_id: str, sentences: list[str]) -> SourceFacts:
    text = "\n\n".join(sentences)
    paragraphs, records, offset = [], [], 0
    for i, s in enumerate(sentences):
        paragraphs.append(Paragraph(i, offset, offset + len(s), s))
        records.append(Sentence(source_id, i, offset, offset + len(s), s, i))
        offset += len(s) + 2
    source = Source(source_id, f"{source_id}.txt", "txt", source_id, source_id.upper(), None, None, None, text,
                    tuple(paragraphs), ())
    return SourceFacts(source, tuple(records), (), ())


def _briefing(*facts: SourceFacts) -> Briefing:
    return Briefing(sources=tuple(f.source for f in facts), facts=tuple(facts), people=(), entities=())


QUAKE = "A strong earthquake struck the coast of northern Chile late on Tuesday, shaking buildings in Santiago."
QUAKE_2 = "A powerful earthquake hit northern Chile's coast late on Tuesday, shaking buildings as far as Santiago."
QUAKE_3 = "Late on Tuesday a strong earthquake struck off the northern coast of Chile, shaking buildings in Santiago."
TSUNAMI = "Authorities issued a tsunami warning for the whole Pacific coastline and ordered evacuations of ports."
MINE = "Copper production at the Escondida mine was halted while engineers inspected the damaged conveyor belts."


def test_a_fact_in_one_source_only_is_only_in_it() -> None:
    comparison = compare_sources(_briefing(_facts("a", [QUAKE, MINE]), _facts("b", [QUAKE_2]), _facts("c", [QUAKE_3])))
    facts = {f.id: f for f in comparison.facts}
    rows = {r.source: r for r in comparison.rows}
    assert [facts[i].text for i in rows["a"].only] == [MINE]
    assert not rows["b"].only and not rows["c"].only


def test_a_fact_most_sources_carry_is_omitted_by_the_others() -> None:
    comparison = compare_sources(_briefing(
        _facts("a", [QUAKE, TSUNAMI]), _facts("b", [QUAKE_2, TSUNAMI.replace("whole", "entire")]),
        _facts("c", [QUAKE_3, TSUNAMI]), _facts("d", [QUAKE, MINE]),
    ))
    facts = {f.id: f for f in comparison.facts}
    rows = {r.source: r for r in comparison.rows}
    omitted = [facts[i] for i in rows["d"].omits if facts[i].kind == "sentence"]
    assert len(omitted) == 1 and "tsunami" in omitted[0].text and set(omitted[0].sources) == {"a", "b", "c"}
    assert not [i for i in rows["a"].omits if facts[i].kind == "sentence"]
    # the earthquake, in all four, is nobody's alone and nobody leaves it out
    quake = [f for f in comparison.facts if "earthquake" in f.text]
    assert quake and set(quake[0].sources) == {"a", "b", "c", "d"}


def test_sources_of_different_stories_never_carry_each_others_facts() -> None:
    from dataclasses import replace

    briefing = _briefing(_facts("a", [QUAKE, TSUNAMI]), _facts("b", [QUAKE_2, TSUNAMI]), _facts("c", [QUAKE_3]),
                         _facts("d", [QUAKE, MINE]))
    assert any(len(f.sources) > 1 for f in compare_sources(briefing).facts)
    # "d" tells another story (the folder holds two): its sentence like "a"'s is its own fact, and the tsunami,
    # carried by "a" and "b" of three sources of their story, is left out by "c" only
    split = replace(briefing, stories=(("a", "a"), ("b", "a"), ("c", "a"), ("d", "d")))
    comparison = compare_sources(split)
    assert all("d" not in f.sources or f.sources == ("d",) for f in comparison.facts)
    facts = {f.id: f for f in comparison.facts}
    rows = {r.source: r for r in comparison.rows}
    assert [facts[i].text for i in rows["c"].omits] == [TSUNAMI] and rows["d"].omits == ()
    assert sorted(facts[i].text for i in rows["d"].only) == sorted([QUAKE, MINE])


def test_one_source_is_never_compared_with_itself() -> None:
    comparison = compare_sources(_briefing(_facts("a", [QUAKE, QUAKE_2])))
    assert comparison.rows[0].only == () and comparison.rows[0].omits == ()


def test_numbers_that_disagree_in_one_fact() -> None:
    comparison = compare_sources(_briefing(
        _facts("a", ["At least 12 people were killed when the earthquake struck the coast of northern Chile on Tuesday."]),
        _facts("b", ["At least 15 people were killed when the earthquake struck the coast of northern Chile on Tuesday."]),
    ))
    numbers = [d for d in comparison.differences if d.kind == "number"]
    assert numbers and {v for _, v in numbers[0].reports} == {"12 people", "15 people"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held six hours of talks", [(6, "hour")]),
        ("stealing $1.5 million (€1.8m) at gunpoint", [(1.5e6, "$"), (1.8e6, "€")]),
        ("controls about 20 per cent of its territory", [(20, "%")]),
        ("declared 14 Russian diplomats", [(14, "diplomat")]),
        ("arrested 23 Somali pirates", [(23, "pirat")]),
        ("two other ships", []),
        ("in June 2024 and on 12 February", []),
        ("one of the reasons", []),
    ],
)
def test_numbers_in(text: str, expected) -> None:
    assert [(n.value, n.unit) for n in numbers_in(text)] == [(float(v), u) for v, u in expected]


# ------------------------------------------------------------------------------------------- seeds


@pytest.mark.model
@pytest.mark.parametrize(
    "words",
    [
        ("six hours",),
        ("Koshelev",),
        ("summit",),
        ("France and Britain", "reassurance"),
        ("Lavrov", "denied"),
        ("Syrskyi",),
        ("visa centre", "June 2024"),
        ("Crimea", "2014"),
    ],
)
def test_seed_facts_only_one_outlet_reports(seeds_briefing, words: tuple[str, ...]) -> None:
    briefing = seeds_briefing
    facts = {f.id: f for f in briefing.comparison.facts}
    sentences = {(f.source.id, s.index): s.text for f in briefing.facts for s in f.sentences}
    carriers = set()
    for row in briefing.comparison.rows:
        for fact_id in row.only:
            fact = facts[fact_id]
            texts = [fact.text] + [sentences[r] for r in fact.reports]
            if any(all(w in t for w in words) for t in texts):
                carriers.add(row.source)
    assert len(carriers) == 1, (words, carriers)


def _quote(qid: str, source: str, text: str, partial: bool = False):
    from generator.model import Quote

    return Quote(qid, source, text, "the harbour master", "said", partial, 0, len(text), 0, speaker="harbour-master")


def _grouped(*quotes):
    from dataclasses import replace

    from generator.model import QuoteGroup

    facts = [_facts(s, ["The harbour master spoke."]) for s in sorted({q.source for q in quotes})]
    group = QuoteGroup("g-1", "harbour-master", "the harbour master", tuple(q.id for q in quotes),
                       tuple(sorted({q.source for q in quotes})), quotes[0].text)
    return replace(_briefing(*facts), quotes=tuple(quotes), quote_groups=(group,))


def test_a_cut_or_a_next_remark_is_not_another_wording_of_a_statement() -> None:
    """Three outlets quote "The ferry will run again on Saturday" alike; one cuts it, one goes on with another
    remark (grouped with it as its continuation): the outlets do not word the statement differently."""
    said = "The ferry will run again on Saturday"
    briefing = _grouped(_quote("q1", "a", said), _quote("q2", "b", said), _quote("q3", "c", said),
                        _quote("q4", "b", "run again on Saturday", partial=True),
                        _quote("q5", "c", "The crews have waited all week for the wind to drop"))
    assert not [d for d in compare_sources(briefing).differences if d.kind == "wording"]
    reworded = _grouped(_quote("q1", "a", said), _quote("q2", "b", "The ferry will be running again from Saturday"))
    assert [d.kind for d in compare_sources(reworded).differences] == ["wording"]


def test_a_date_that_holds_the_others_is_no_disagreement() -> None:
    """Outlets say the dock strike began on 12 March, on 13 March, and "in March": only the first two disagree;
    one outlet giving its date twice is one row."""
    from dataclasses import replace

    from generator.model import Event, EventSource

    facts = [_facts(s, ["The dock strike began this week."]) for s in "abc"]

    def report(src: str, date: str, words: str) -> EventSource:
        return EventSource(src, 0, "The dock strike began this week.", words, "test", date=date)

    def strike(*reports: EventSource) -> Event:
        return Event("e-strike", "2024-03-12", "on 12 March", "published", "The dock strike began.",
                     tuple(sorted({r.source for r in reports})), (), reports=reports, disputed=True)

    event = strike(report("a", "2024-03-12", "on 12 March"), report("a", "2024-03-12", "on Tuesday"),
                   report("b", "2024-03-13", "on Wednesday"), report("c", "2024-03", "in March"))
    dates = [d for d in compare_sources(replace(_briefing(*facts), events=(event,))).differences if d.kind == "date"]
    assert [d.reports for d in dates] == [(("a", "2024-03-12 (on 12 March; on Tuesday)"),
                                          ("b", "2024-03-13 (on Wednesday)"))]
    coarser = strike(report("a", "2024-03-12", "on 12 March"), report("c", "2024-03", "in March"))
    assert not [d for d in compare_sources(replace(_briefing(*facts), events=(coarser,))).differences
                if d.kind == "date"]


def test_a_sentence_that_is_a_quote_is_not_quoted_twice() -> None:
    """A sentence most outlets carry opens with its own quotation mark: the page shows “… once, not ““…."""
    from generator.link.compare import compare_sources as compare
    from generator.pages.base import quoted
    from generator.pages.compare import compare_page
    from generator.pages.render import environment, render_page

    said = "“The tsunami warning covers the whole Pacific coastline,” the navy said on Tuesday night."
    briefing = _briefing(_facts("a", [QUAKE, said]), _facts("b", [QUAKE_2, said]), _facts("c", [QUAKE_3, said]),
                         _facts("d", [QUAKE, MINE]))
    from dataclasses import replace

    page = compare_page(replace(briefing, comparison=compare(briefing)))
    text = render_page(environment(), page, [])
    assert "The tsunami warning covers" in text and "““" not in text
    assert quoted("Boats sank.") == "“Boats sank.”" and quoted(said) == said


def test_matrix_columns_of_sources_named_alike_carry_their_headlines() -> None:
    """Two outlets unknown, headlines starting alike: each column's link says which article it is."""
    from dataclasses import replace

    from generator.model import Alias, Person, PersonMention
    from generator.pages.compare import compare_page
    from generator.pages.render import environment, render_page

    titles = {"a": "Harbour bridge reopens after storm damage is repaired",
              "b": "Harbour bridge reopens after storm damage, council says"}
    facts = [replace(f, source=replace(f.source, title=titles[f.source.id], outlet=None))
             for f in (_facts("a", [QUAKE]), _facts("b", [QUAKE_2]))]
    mayor = Person("ana-ruiz", "Ana Ruiz", (Alias("Ana Ruiz", ("a", "b")),), (),
                   tuple(PersonMention(s, "Ana Ruiz", "Ana Ruiz", 0, 8, 0) for s in "ab"))
    briefing = replace(_briefing(*facts), people=(mayor,))
    text = render_page(environment(), compare_page(replace(briefing, comparison=compare_sources(briefing))), [])
    header = next(line for line in text.splitlines() if line.startswith("| People |"))
    assert all(f'"{t}"' in header for t in titles.values())
