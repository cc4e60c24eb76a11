"""Grouping quotes of the same statement across sources, speaker resolution and the word diff."""

from __future__ import annotations

import pytest

from generator.model import Alias, Person, PersonMention, Quote, SourceFacts
from generator.link.quote_groups import (
    content_words,
    group_quotes,
    link_quotes,
    resolve_speaker,
    same_statement,
    stem,
    word_diff,
)
from generator.link.people import PeopleIndex


def quote(text: str, source: str = "a", speaker: str | None = "putin", partial: bool = False, start: int = 0, **kw) -> Quote:
    return Quote(
        id=f"{source}-{abs(hash(text)) % 10**6}", source=source, text=text, speaker_text=kw.pop("speaker_text", "Putin"),
        cue="said", partial=partial, start=start, end=start + len(text), sentence=0, speaker=speaker, **kw,
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hopes", "hope"),
        ("restoring", "restore"),
        ("inspiring", "inspire"),
        ("gives", "give"),
    ],
)
def test_stem_matches_inflections(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # translations and trims of the same remarks
        ("inspire certain hopes", "I note that the first contacts with the new American administration inspire certain hopes", True),
        ("inspiring a certain degree of hope", "I note that the first contacts with the new American administration inspire certain hopes", True),
        ("gives some hope", "The first contacts with the new US administration give some hope.", True),
        (
            "There is a reciprocal mood to work to restore intergovernmental ties",
            "There is a mutual willingness to work towards restoring intergovernmental relations",
            True,
        ),
        ("courage and resilience", "the courage and fortitude of our armed forces, our heroes", True),
        # different statements of the same speaker stay apart
        ("We understand that not everyone is happy with the resumption of contacts", "inspire certain hopes", False),
        ("racist laws", "nobody asked Moscow about this", False),
        ("dictator", "below zero", False),
    ],
)
def test_same_statement_tolerates_wording_and_translation(a: str, b: str, same: bool) -> None:
    assert same_statement(quote(a, "s1"), quote(b, "s2")) is same


def test_same_statement_needs_compatible_speakers() -> None:
    a = quote("The territories are an inseparable part of our country", "s1", speaker="peskov")
    b = quote("The territories are an inseparable part of our country", "s2", speaker="putin")
    assert not same_statement(a, b)


def test_group_quotes_groups_across_sources_with_stable_ids() -> None:
    quotes = [
        quote("I note that the first contacts inspire certain hopes", "000"),
        quote("inspiring a certain degree of hope", "001", partial=True),
        quote("These forces will try to disrupt or discredit the dialogue", "001", start=50),
        quote("Some western elites will try to disrupt or compromise the dialogue that has begun", "004"),
    ]
    groups = group_quotes(quotes)
    assert sorted(len(g.quotes) for g in groups) == [2, 2]
    again = group_quotes(list(reversed(quotes)) + [quote("the huge number of problems", "005")])
    assert {g.id for g in groups} <= {g.id for g in again}
    hope = next(g for g in groups if quotes[0].id in g.quotes)
    assert hope.sources == ("000", "001")
    assert hope.text == quotes[0].text  # the longest full quote represents the group


def _person(pid: str, name: str, *mentions: PersonMention) -> Person:
    return Person(pid, name, (Alias(name, ("a",)),), (), tuple(mentions))


def test_resolve_speaker_by_offsets_then_by_name() -> None:
    putin = _person("vladimir-putin", "Vladimir Putin", PersonMention("a", "Vladimir Putin", "Vladimir Putin", 10, 24, 0))
    syrskyi = _person("oleksandr-syrskyi", "Oleksandr Syrskyi", PersonMention("b", "Syrskyi", "Syrskyi", 5, 12, 0))
    index = PeopleIndex((putin, syrskyi))
    by_offset = quote("x", "a", speaker=None, speaker_text="he", speaker_name="Vladimir Putin", speaker_name_start=10, speaker_name_end=24)
    by_name = quote("x", "c", speaker=None, speaker_text="top Ukrainian military commander Oleksandr Syrskyi")
    nobody = quote("x", "c", speaker=None, speaker_text="a department spokesperson")
    assert resolve_speaker(by_offset, index) == "vladimir-putin"
    assert resolve_speaker(by_name, index) == "oleksandr-syrskyi"
    assert resolve_speaker(nobody, index) is None


def test_link_quotes_sets_speaker_and_group() -> None:
    from generator.model import Source

    def facts(sid: str, quotes: tuple[Quote, ...]) -> SourceFacts:
        source = Source(sid, sid, "txt", sid, None, None, None, None, "", (), ())
        return SourceFacts(source, (), (), (), quotes=quotes)

    putin = _person("vladimir-putin", "Vladimir Putin", PersonMention("a", "Putin", "Putin", 0, 5, 0))
    a = quote("inspire certain hopes", "a", speaker=None, speaker_start=0, speaker_end=5)
    b = quote("inspiring a certain degree of hope", "b", speaker=None, speaker_text="Putin")
    linked, groups = link_quotes([facts("a", (a,)), facts("b", (b,))], [putin])
    assert [q.speaker for q in linked] == ["vladimir-putin", "vladimir-putin"]
    assert len(groups) == 1 and {q.group for q in linked} == {groups[0].id}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("inspire certain hopes", "inspire certain hopes.", [("equal", "inspire"), ("equal", "certain"), ("equal", "hopes.")]),
        (
            "There is a reciprocal mood",
            "There is a mutual willingness",
            [("equal", "There"), ("equal", "is"), ("equal", "a"), ("delete", "reciprocal"), ("delete", "mood"),
             ("insert", "mutual"), ("insert", "willingness")],
        ),
        ("give hope", "give some hope", [("equal", "give"), ("insert", "some"), ("equal", "hope")]),
    ],
)
def test_word_diff(a: str, b: str, expected: list) -> None:
    assert [(t.op, t.text) for t in word_diff(a, b)] == expected


def test_content_words_drop_stop_words_and_map_synonyms() -> None:
    assert content_words("a mutual desire") == content_words("the reciprocal wish")
