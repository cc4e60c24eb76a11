"""The clean stage's screening: repeated paragraphs, sources that are not articles, the same article twice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.ingest.clean import clean_sources
from generator.ingest.load import read_sources
from generator.ingest.screen import fold
from generator.model import Metadata, RawDocument

REPO = Path(__file__).resolve().parent.parent

ARTICLE = (
    "Ministers meet in Geneva\n"
    "Foreign ministers from both countries met in Geneva on Tuesday to discuss a ceasefire, officials said.\n"
    "The talks lasted four hours and ended without a joint statement, according to two diplomats.\n"
    "“We made progress on the exchange of prisoners,” the mediator told reporters after the meeting.\n"
    "A second round is planned for next month, the foreign ministry said in a short statement."
)


def raw(text: str, doc_id: str = "doc", **given: object) -> RawDocument:
    return RawDocument(id=doc_id, path=f"{doc_id}.txt", format="txt", text=text, given=Metadata(**given))


def test_a_paragraph_repeated_later_counts_once():
    lines = ARTICLE.split("\n")
    text = "\n".join(lines + [lines[1], "A new closing paragraph that says something else entirely, for once."])
    (source,) = clean_sources([raw(text)]).sources
    assert source.text.count(lines[1]) == 1
    assert [(r.text, r.rule) for r in source.removed if r.rule == "repeated paragraph"] == [(lines[1], "repeated paragraph")]
    for paragraph in source.paragraphs:  # offsets recomputed after the removal
        assert source.text[paragraph.start:paragraph.end] == paragraph.text


def test_seed_003_repeated_paragraph_is_shown_once(seeds_briefing):
    source = next(s for s in seeds_briefing.sources if s.id.startswith("003"))
    repeated = [r.text for r in source.removed if r.rule == "repeated paragraph"]
    assert len(repeated) == 1 and repeated[0].startswith("Russia and the US are cosying up")
    assert sum(fold(p.text) == fold(repeated[0]) for p in source.paragraphs) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Sign in\nEmail\nPassword\nForgot your password?\nSign in with Google\nCreate an account",
        "404 Not Found\nThe page you requested could not be found.\nGo back to the home page",
        "Home\nWorld\nPolitics\nBusiness\nTechnology\nScience\nHealth\nSport\nOpinion",
        "Related stories\nRussia and Ukraine trade blame over drone attacks\nEU agrees new sanctions package\n"
        "Markets fall as talks stall\nWhat we know about the talks",
    ],
)
def test_pages_with_too_little_prose_are_skipped(text):
    cleaned = clean_sources([raw(text, "page")])
    assert cleaned.sources == ()
    (skipped,) = cleaned.skipped
    assert skipped.path == "page.txt"
    # menus and link lists often go as furniture first; what is left is too little prose
    assert "not an article" in skipped.reason or "no article text" in skipped.reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Sign in\nEmail\nPassword\nRemember me", "not an article: 0 words of prose, fewer than the 6"),
        ("Sign in\nEmail\nPassword\nForgot your password? We can send you a reset link.",
         "a short page (11 words) that says 'Forgot your password'"),
        ("Oops\nThe page you are looking for doesn't exist or has been moved to another address.",
         "says \"page you are looking for doesn't exist\""),
        ("Access denied. You have been blocked because we think you are a robot, sorry about that.", "says 'Access denied'"),
    ],
)
def test_forms_login_and_error_pages_are_not_articles(text, reason):
    (skipped,) = clean_sources([raw(text, "page")]).skipped
    assert reason in skipped.reason
    assert "generator/rules/input.yaml" in skipped.fix


@pytest.mark.parametrize(
    "text",
    [
        "The parliament election is over in Turkmenistan.",  # one-sentence news brief (ECB+ 11_7ecb)
        "Esther Williams, swimming star, dies at 91",  # a headline alone
        "Trump will sign in front of reporters on Monday a law that bans the sale of the app, aides said.",
    ],
)
def test_short_news_is_still_an_article(text):
    assert len(clean_sources([raw(text)]).sources) == 1


def test_a_short_real_article_is_kept():
    assert len(clean_sources([raw(ARTICLE)]).sources) == 1


@pytest.mark.parametrize(
    "copy",
    [
        ARTICLE,  # the same file twice
        ARTICLE.replace("“", '"').replace("”", '"').replace("\n", "\n\n"),  # other quotation marks and breaks
        ARTICLE.replace("Tuesday", "Tuesday afternoon").replace("Ministers meet in Geneva", "Ministers meet"),
    ],
)
def test_the_same_article_twice_is_one_source_also_published_as(copy, caplog):
    first = raw(ARTICLE, "a-wire", outlet="Wire", published=dt.date(2025, 3, 4))
    second = raw(copy, "b-paper", outlet="Paper", url="https://paper.example/x")
    (source,) = clean_sources([second, first]).sources
    assert source.id == "a-wire"
    assert [(r.path, r.outlet, r.url) for r in source.also_published_as] == [
        ("b-paper.txt", "Paper", "https://paper.example/x")]
    assert "b-paper.txt holds the same article as a-wire.txt" in caplog.text


def test_different_articles_on_the_same_story_stay_apart():
    other = ARTICLE.split("\n")[:2] + [
        "Russia's delegation arrived late and left early, and its spokesman declined to answer questions.",
        "Ukraine said it would not accept any deal that leaves its territory occupied, an adviser said.",
        "Analysts said the talks were unlikely to produce a ceasefire before the summer offensive.",
    ]
    cleaned = clean_sources([raw(ARTICLE, "a"), raw("\n".join(other), "b")])
    assert [s.id for s in cleaned.sources] == ["a", "b"]
    assert all(not s.also_published_as for s in cleaned.sources)


def test_the_seeds_have_no_duplicates_and_no_skips():
    cleaned = clean_sources(read_sources(REPO / "seeds"))
    assert len(cleaned.sources) == 5 and cleaned.skipped == ()
