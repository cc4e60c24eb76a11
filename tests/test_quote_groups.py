"""Grouping quotes of the same statement across sources, speaker resolution and the word diff."""

from __future__ import annotations

import pytest

from generator.model import Alias, Person, PersonMention, Quote, SourceFacts
from generator.link.quote_groups import (
    content_tokens,
    content_words,
    group_quotes,
    link_quotes,
    resolve_speaker,
    same_statement,
    set_ratio,
    stem,
    word_diff,
)
from generator.link.people import PeopleIndex


def quote(text: str, source: str = "a", speaker: str | None = "mayor", partial: bool = False, start: int = 0, **kw) -> Quote:
    return Quote(
        id=f"{source}-{abs(hash(text)) % 10**6}", source=source, text=text, speaker_text=kw.pop("speaker_text", "the mayor"),
        cue="said", partial=partial, start=start, end=start + len(text), sentence=0, speaker=speaker, **kw,
    )


# Text written for these tests (not from the seeds, not from the statement pairs' test split).
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("talks", "talk"),
        ("resuming", "resume"),
        ("promised", "promise"),
        ("voters", "voter"),
    ],
)
def test_stem_matches_inflections(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # a trimmed quote, another outlet's wording, a different translation
        ("the bridge will reopen next month", "We expect that the bridge will reopen next month, weather permitting", True),
        ("We are ready to resume negotiations without preconditions",
         "We are prepared to resume the negotiations with no preconditions", True),
        ("Nobody was hurt, and we thank the firefighters for their quick work",
         "No one was injured and we are grateful to the firefighters for their fast work", True),
        ("a very difficult decision", "This was a very difficult decision for the club and for me personally", True),
        # different statements of the same speaker stay apart, even on the same subject
        ("The bridge will reopen next month", "Nobody was hurt in the collapse", False),
        ("We will not raise taxes this year", "The previous government raised taxes every year", False),
        ("The water is safe to drink", "We have asked residents to boil their water until further notice", False),
    ],
)
def test_same_statement_tolerates_wording_and_translation(a: str, b: str, same: bool) -> None:
    assert same_statement(quote(a, "s1"), quote(b, "s2")) is same


def test_same_statement_needs_compatible_speakers() -> None:
    a = quote("The stadium will be finished before the season starts", "s1", speaker="mayor")
    b = quote("The stadium will be finished before the season starts", "s2", speaker="governor")
    assert not same_statement(a, b)
    unknown_a = quote("The stadium will be finished before the season", "s1", speaker=None, speaker_text="a spokesman")
    unknown_b = quote("The stadium will be finished before the season starts", "s2", speaker=None, speaker_text="a spokesman")
    other = quote("The stadium will be finished before the season starts", "s3", speaker=None, speaker_text="a fan")
    assert same_statement(unknown_a, unknown_b)
    assert not same_statement(unknown_a, other)


def test_same_statement_thresholds_come_from_the_rules() -> None:
    """The thresholds are data: a stricter fuzzy threshold splits what the learnt one groups."""
    from generator.rules import load_rules

    a = quote("We are ready to resume negotiations without preconditions", "s1")
    b = quote("We are prepared to resume the negotiations with no preconditions", "s2")
    learnt = dict(load_rules("quote_similarity"))
    assert same_statement(a, b, thresholds=learnt)
    assert not same_statement(a, b, thresholds=dict(learnt, fuzzy=95))


@pytest.mark.parametrize(
    ("a", "b"),
    [  # written for this test: words another outlet or translator could choose, defined alike in WordNet
        ("an urgent matter", "a pressing matter for the whole city council"),
        ("deep hostility", "the deep enmity between the two clubs and their fans"),
    ],
)
def test_near_synonyms_from_wordnet_definitions_join_translations(a: str, b: str) -> None:
    """Without WordNet's definitions the two wordings are too far apart (token_set_ratio 54.5, 44.4); with the
    learnt gloss settings "urgent" reads "pressing", "hostility" "enmity"."""
    from generator.rules import load_rules

    learnt = dict(load_rules("quote_similarity"))
    assert same_statement(quote(a, "s1"), quote(b, "s2"), thresholds=learnt)
    off = dict(learnt, gloss_senses=0, gloss_max_frequency=0)
    assert not same_statement(quote(a, "s1"), quote(b, "s2"), thresholds=off)


def test_grouping_goes_on_without_wordnet(monkeypatch, tmp_path, caplog) -> None:
    """No WordNet on the machine: quotes are grouped without its near synonyms, with a warning naming the package."""
    from generator.link import wordnet

    monkeypatch.setattr(wordnet, "ROOT", tmp_path)
    wordnet._warn_missing.cache_clear()
    a, b = quote("an urgent matter", "s1"), quote("a pressing matter for the whole city council", "s2")
    with caplog.at_level("WARNING"):
        assert not same_statement(a, b)
    assert "wordnet-base" in caplog.text
    wordnet._warn_missing.cache_clear()


def test_group_quotes_groups_across_sources_with_stable_ids() -> None:
    quotes = [
        quote("We expect that the bridge will reopen next month, weather permitting", "000"),
        quote("the bridge will reopen next month", "001", partial=True),
        quote("Nobody was hurt in the collapse, thank God", "001", start=80),
        quote("Nobody was hurt in the collapse", "004"),
    ]
    groups = group_quotes(quotes)
    assert sorted(len(g.quotes) for g in groups) == [2, 2]
    again = group_quotes(list(reversed(quotes)) + [quote("Traffic will use the old road until then", "005")])
    assert {g.id for g in groups} <= {g.id for g in again}
    bridge = next(g for g in groups if quotes[0].id in g.quotes)
    assert bridge.sources == ("000", "001")
    assert bridge.text == quotes[0].text  # the longest full quote represents the group


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

    mayor = _person("ana-lopez", "Ana Lopez", PersonMention("a", "Lopez", "Lopez", 0, 5, 0))
    a = quote("the bridge will reopen next month", "a", speaker=None, speaker_start=0, speaker_end=5)
    b = quote("We expect that the bridge will reopen next month", "b", speaker=None, speaker_text="Lopez")
    linked, groups = link_quotes([facts("a", (a,)), facts("b", (b,))], [mayor])
    assert [q.speaker for q in linked] == ["ana-lopez", "ana-lopez"]
    assert len(groups) == 1 and {q.group for q in linked} == {groups[0].id}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("reopen next month", "reopen next month.", [("equal", "reopen"), ("equal", "next"), ("equal", "month.")]),
        (
            "We are ready to talk",
            "We are prepared to negotiate",
            [("equal", "We"), ("equal", "are"), ("delete", "ready"), ("insert", "prepared"), ("equal", "to"),
             ("delete", "talk"), ("insert", "negotiate")],
        ),
        ("keep calm", "keep very calm", [("equal", "keep"), ("insert", "very"), ("equal", "calm")]),
    ],
)
def test_word_diff(a: str, b: str, expected: list) -> None:
    assert [(t.op, t.text) for t in word_diff(a, b)] == expected


def test_content_words_drop_stop_words_and_numbers() -> None:
    assert content_words("The talks will resume on 12 June") == {"talk", "resum", "jun"}
    assert content_words("the talks") == content_words("talk")
    # a stop word with a clitic is a stop word, not the content word "it"
    assert content_words("It’s what we’re told, and I'm sure they'll agree") == {"told", "sur", "agre"}


# Text written for these tests.
NOTICE = ("We are sorry to tell our members that the leisure centre will close from Monday until further notice. "
          "The decision was not ours to make, and our staff have worked hard since we reopened in the spring. "
          "Lessons already booked will be kept and every membership will be extended for the months we are shut. "
          "Thank you for your patience and for supporting the centre over the past few months.")


def test_set_ratio_reads_a_long_quote_passage_by_passage() -> None:
    words = lambda text: tuple(text.lower().replace(".", "").replace(",", "").split())  # noqa: E731
    # a quote cut from the long one is inside one passage
    assert set_ratio(words("our staff have worked hard since we reopened in the spring"), words(NOTICE)) == 100
    # a short question of another speaker shares common words with the whole notice, not with a passage of it
    short = words("Why has this taken four months when the staff said they could be ready in the spring?")
    assert set_ratio(short, words(NOTICE)) < 68


def test_a_quote_of_no_known_speaker_does_not_join_two_peoples_statements() -> None:
    notice = quote(NOTICE, "club", speaker=None, speaker_text=None)
    trimmed = quote("the leisure centre will close from Monday until further notice", "paper", speaker="manager")
    other = quote("the decision was not ours to make", "radio", speaker="councillor")
    groups = group_quotes([notice, trimmed, other])
    assert all(len({q.speaker for q in (notice, trimmed, other) if q.id in g.quotes and q.speaker}) <= 1
               for g in groups)
    assert any({notice.id, trimmed.id} <= set(g.quotes) for g in groups)  # the first match still holds


def test_quotes_of_different_stories_are_never_one_statement() -> None:
    from generator.link.quote_groups import group_statements
    from generator.model import Source

    def facts(sid: str, quotes: tuple[Quote, ...]) -> SourceFacts:
        return SourceFacts(Source(sid, sid, "txt", sid, None, None, None, None, "", (), ()), (), (), (), quotes=quotes)

    a = quote("We expect that the bridge will reopen next month", "a", speaker=None, speaker_text=None)
    b = quote("the bridge will reopen next month", "b", speaker=None, speaker_text=None)
    together = group_statements([facts("a", (a,)), facts("b", (b,))], (a, b))
    assert len(together[1]) == 1
    apart = group_statements([facts("a", (a,)), facts("b", (b,))], (a, b), stories=(("a", "a"), ("b", "b")))
    assert apart[1] == () and all(q.group is None for q in apart[0])


def test_content_tokens_compare_names_and_numbers_exactly() -> None:
    tokens = {word: exact for _, word, exact in content_tokens("Talks with Russia on F-16 jets resume, officials said")}
    assert tokens == {"talks": False, "russia": True, "f-16": True, "jets": False, "resume": False, "officials": False,
                      "said": False}


@pytest.mark.model
def test_seeds_cross_outlet_groups(seeds_briefing) -> None:
    """The seeds' statements reported by several outlets, grouped with the learnt rules (no seed word list; see
    benchmarks/results/grouping.md): the 4 cross-outlet groups, "courage and resilience" / "the courage and
    fortitude of our armed forces" joined through WordNet's definitions ("resilient": "recovering readily from
    adversity"; "fortitude": "... endure adversity with courage")."""
    texts = {q.id: q.text for q in seeds_briefing.quotes}
    cross = [g for g in seeds_briefing.quote_groups if len(g.sources) > 1]
    speakers = sorted((g.speaker, len(g.sources)) for g in cross)
    assert speakers == [("dmitry-peskov", 3), ("vladimir-putin", 2), ("vladimir-putin", 4), ("vladimir-putin", 5)]
    hopes = next(g for g in cross if len(g.sources) == 5)
    assert {"inspiring a certain degree of hope", "gives some hope"} <= {texts[q] for q in hopes.quotes}
    courage = next(g for g in cross if len(g.sources) == 2)
    assert {texts[q] for q in courage.quotes} == {"courage and resilience",
                                                   "the courage and fortitude of our armed forces, our heroes"}


def test_definitions_count_only_as_far_as_shared_words_do() -> None:
    """A quote whose words the other lacks are all "near synonyms" of words of a long quote, beyond the words they
    share, is no rewording of it (a long statement would otherwise swallow unrelated short quotes)."""
    from generator.link.quote_groups import Similarity, _thresholds

    t = _thresholds()
    small, large = ("harbour", "closed", "storm"), ("harbour", "shut", "gale", "warnings", "issued", "ferries")
    one = Similarity(1, 1 / 3, 40.0, (), 3, small, large, (), (("closed", "shut"),))
    two = Similarity(1, 1 / 3, 40.0, (), 3, small, large, (), (("closed", "shut"), ("storm", "gale")))
    a, b = quote("the harbour closed in the storm", "s1"), quote("harbour shut, gale warnings issued, ferries", "s2")
    assert same_statement(a, b, two, {**t, "gloss_per_shared_word": 0})  # without the bound: grouped
    assert not same_statement(a, b, two, t)  # two swapped words for one shared: not one statement
    assert same_statement(a, b, one, t)  # one swapped word beside one shared still counts (fuzzy 80, 52 without)


def test_a_group_is_shown_by_the_wording_most_outlets_report() -> None:
    """A quote that continues the one before it joins its group whatever its words; the group's heading is
    still the statement the outlets carry, not that longer remark of one outlet."""
    said = "The ferry will run again on Saturday"
    quotes = [
        quote(said, "000", start=0),
        quote("and the crews are ready and waiting for the weather to turn, as they have been all week", "000",
              start=60, attribution="continuation"),
        quote(said, "001"),
        quote("the ferry will run again", "002", partial=True),
    ]
    groups = group_quotes(quotes)
    assert len(groups) == 1 and len(groups[0].quotes) == 4
    assert groups[0].text == said


def test_a_scare_quoted_word_joins_no_statement() -> None:
    """The mayor called the plan "reckless" in one sentence and said "this reckless plan will empty the harbour"
    in another: one word in quotation marks is no evidence that both report one statement."""
    word = quote("reckless", "000", partial=True)
    full = quote("This reckless plan will empty the harbour within a decade", "001", start=40)
    again = quote("reckless", "002", partial=True)
    groups = group_quotes([word, full, again])
    assert not any(full.id in g.quotes for g in groups)
    assert [set(g.quotes) for g in groups] == [{word.id, again.id}]  # the same word, though, is the same quote
