"""Saved web pages: metadata from structured data and the visible page, text cleaning, quotes over paragraphs,
links checked before MkDocs, people in saved pages. Small HTML fixtures written for these tests."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from generator.ingest.clean import clean_document, clean_lines
from generator.ingest.load import read_document
from trafilatura.utils import load_html

from generator.ingest.webpage import (FURNITURE_MARK, mark_furniture, page_outlet, read_page, split_authors,
                                      strip_site_name)
from generator.model import Paragraph
from generator.pages.base import annotate
from generator.pages.links import broken_links
from generator.pages.sources import quote_marks

BODY = [
    "The city council voted on Tuesday to close the old bridge over the river for repairs that will take a year.",
    "Engineers found cracks in two of the supports during an inspection last month, the council said in a statement.",
    "Drivers will be sent along the ring road, which adds about ten minutes to a trip into the centre of town.",
    "Shop owners near the bridge said they feared losing customers while the work goes on through the winter.",
    "The council said it would review the detour after three months and publish the traffic figures it collects.",
]


def page(head: str = "", before: str = "", body: list[str] | None = None, after: str = "") -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in (body or BODY))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article>{before}<div class='article-body'>{paragraphs}</div>{after}</article>"
        f"<footer>Copyright 2024 The Daily Example</footer></body></html>"
    )


def json_ld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# ------------------------------------------------------------------------------------- metadata


def test_json_ld_news_article_gives_title_author_date_and_outlet():
    head = json_ld({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Council closes old bridge for a year",
        "author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "John Doe"}],
        "datePublished": "2024-03-05T08:00:00Z", "dateModified": "2024-03-09T17:30:00Z",
        "publisher": {"@type": "Organization", "name": "The Daily Example"},
    }) + "<title>Council closes old bridge for a year | The Daily Example</title>"
    result = read_page(page(head))
    assert result.title == "Council closes old bridge for a year"
    assert result.author == "Jane Roe, John Doe"
    assert result.published == dt.date(2024, 3, 5)  # published, not modified
    assert result.outlet == "The Daily Example"
    assert dict(result.origins)["author"] == "JSON-LD"


def test_json_ld_author_by_reference_in_a_graph():
    head = json_ld({"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "headline": "Council closes old bridge", "author": {"@id": "#person-1"},
         "datePublished": "2024-03-05"},
        {"@type": "Person", "@id": "#person-1", "name": "Jane Roe"},
    ]})
    assert read_page(page(head)).author == "Jane Roe"


def test_opengraph_title_without_the_site_name_and_site_name_cleaned():
    head = (
        '<meta property="og:title" content="Council closes old bridge - WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale">'
        '<meta property="og:site_name" content="WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale">'
        '<meta property="article:published_time" content="2024-03-05T10:00:00-05:00">'
        '<meta property="article:modified_time" content="2024-03-07T10:00:00-05:00">'
    )
    result = read_page(page(head))
    assert result.title == "Council closes old bridge"
    assert result.outlet == "WSVN 7News"
    assert result.published == dt.date(2024, 3, 5)


def test_a_cms_name_as_title_gives_way_to_the_visible_headline():
    head = "<title>escenic</title><meta property='og:title' content='escenic'>"
    result = read_page(page(head, before="<h1>Council closes old bridge for a year</h1>"))
    assert result.title == "Council closes old bridge for a year"
    assert dict(result.origins)["title"] == "headline"


def test_the_visible_headline_wins_over_a_shorter_seo_title_that_shares_its_words():
    head = "<meta property='og:title' content='Old bridge closed for repairs'>"
    result = read_page(page(head, before="<h1>Council closes the old bridge for a year of repairs</h1>"))
    assert result.title == "Council closes the old bridge for a year of repairs"


def test_a_newsletter_box_in_an_h1_is_not_the_headline():
    head = "<meta property='og:title' content='Council closes old bridge for a year'>"
    result = read_page(page(head, after="<div class='newsletter'><h1>Sign up for our newsletter</h1></div>"))
    assert result.title == "Council closes old bridge for a year"


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Council closes bridge | The Japan Times", ["thejapantimes"], "Council closes bridge"),
        ("Update | Victims identified | News | Jamaica Gleaner", ["jamaicagleaner"], "Update | Victims identified"),
        ("Council closes bridge - CNN", ["cnn"], "Council closes bridge"),
        ("Council closes bridge", ["cnn"], "Council closes bridge"),
        ("Well-known pair - a mid-title dash stays", ["cnn"], "Well-known pair - a mid-title dash stays"),
        # a blog or section name set off like the site's name that follows it
        ("Jury finds man guilty : The Two-Way : NPR", ["npr"], "Jury finds man guilty"),
        ("Council Closes Bridge - CNN", ["cnn"], "Council Closes Bridge"),
        ("Storm hits coast - residents flee to shelters - CNN", ["cnn"],
         "Storm hits coast - residents flee to shelters"),
        ("Storm hits coast: The Long Road - CNN", ["cnn"], "Storm hits coast: The Long Road"),
    ],
)
def test_site_name_suffixes_are_stripped(title, sites, expected):
    assert strip_site_name(title, sites) == expected


@pytest.mark.parametrize(
    ("byline", "people", "outlets"),
    [
        ("By Rob Picheta, CNN", ["Rob Picheta"], ["CNN"]),
        ("Glen Owen And Brendan Carlin For The Mail On Sunday", ["Glen Owen", "Brendan Carlin"], []),
        ("CBS News February", [], []),
        ("No Author", [], []),
        ("JIJI", [], ["JIJI"]),
        ("Photograph by Ed Marshall", [], []),
        ("Written by: Julie Mollins", ["Julie Mollins"], []),
        ("https://example.com/author/jane", [], []),
    ],
)
def test_authors_are_split_and_checked_to_be_names(byline, people, outlets):
    assert split_authors(byline, ["cnn"]) == (people, outlets)


def test_an_author_in_a_comment_or_teaser_card_is_not_the_author():
    after = (
        "<div class='recentcomments'><span class='comment-author-link'><a>Bill Osborne</a></span></div>"
        "<div class='more-stories card'><span class='byline'>By Mary Major</span></div>"
    )
    head = "<meta property='og:title' content='Council closes old bridge for a year'>"
    before = "<div class='post-head'>Written by <a rel='author' href='/author/admin/'>Daily Example</a></div>"
    result = read_page(page(head + "<meta property='og:site_name' content='Daily Example'>", before, after=after))
    assert result.author == "Daily Example"  # the site credits itself; never the commenter or the card


def test_outlet_from_the_domain_when_the_site_name_is_the_folded_domain():
    assert page_outlet(["Timesofisrael"], ["The Times of Israel"], "https://www.timesofisrael.com/x") == (
        "The Times of Israel", "title",
    )
    assert page_outlet([], [], "https://www.example.org/a") == ("example.org", "domain")


def test_a_site_name_that_is_the_headline_is_no_outlet():
    # <meta name="application-name" content="(the headline)">, as some portals write it
    headline = "Council votes to close the old harbour bridge for two years"
    assert page_outlet([headline], [], "https://www.portal.example/news/1", [headline]) == ("portal.example", "domain")
    assert page_outlet(["Harbour Gazette"], [], "https://www.portal.example/news/1", ["Harbour Gazette"]) == (
        "Harbour Gazette", "site name",
    )


def test_a_separator_left_at_the_end_of_a_site_name_is_not_part_of_the_outlet():
    # <meta name="apple-mobile-web-app-title" content="Daily Example - ">: written to be followed by a page title
    assert page_outlet(["Daily Example - "], [], "https://dailyexample.org/a") == ("Daily Example", "site name")
    assert page_outlet(["| Daily Example |"], [], None) == ("Daily Example", "site name")


# ---------------------------------------------------------------------------------------- cleaning


def lines(*texts: str) -> str:
    return "\n".join(texts)


def test_a_pull_quote_repeated_as_text_is_removed():
    quote = "“We cannot keep the bridge open another winter,” the engineer said."
    text = lines(BODY[0], "We cannot keep the bridge open another winter", BODY[1], quote, BODY[2])
    kept, removed = clean_lines(text)
    assert [line for _, line in kept] == [BODY[0], BODY[1], quote, BODY[2]]
    assert [r.rule for _, r in removed] == ["pull quote"]


def test_a_dateline_on_its_own_line_opens_the_next_paragraph():
    kept, _ = clean_lines(lines("WASHINGTON —", BODY[0], BODY[1]))
    assert [line for _, line in kept] == [f"WASHINGTON — {BODY[0]}", BODY[1]]


def test_a_list_of_related_headlines_is_removed():
    related = ["Mayor backs plan for new tram line", "Five things to do in town this weekend", "Schools reopen after storm"]
    kept, removed = clean_lines(lines(BODY[0], BODY[1], BODY[2], *related, BODY[3]))
    assert [line for _, line in kept] == [BODY[0], BODY[1], BODY[2], BODY[3]]
    assert {r.rule for _, r in removed} == {"link list"}


STANDFIRST = "Repairs to the cracked supports will close the river crossing until next spring, the council says."


def headed_page(description: str, dek: str, body: list[str] | None = None) -> str:
    """A page whose headline and standfirst sit in the article's header, outside its text block."""
    paragraphs = "".join(f"<p>{text}</p>" for text in (body or BODY))
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Old bridge to close for a year</title>"
        f"<meta property='og:description' content=\"{description}\"></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<header class='story-header'><h1>Old bridge to close for a year</h1><p class='dek'>{dek}</p></header>"
        f"<div class='article-body'>{paragraphs}</div><footer>Copyright 2024 The Daily Example</footer></body></html>"
    )


def test_the_standfirst_under_the_headline_opens_the_text():
    result = read_page(headed_page(STANDFIRST, STANDFIRST))
    assert result.text.startswith(STANDFIRST + "\n")
    assert result.text.count(STANDFIRST) == 1 and BODY[0] in result.text


def test_a_description_the_reader_does_not_see_is_not_text():
    # the header holds a short kicker, not the description: the description stays metadata
    result = read_page(headed_page(STANDFIRST, "Transport"))
    assert STANDFIRST not in result.text and BODY[0] in result.text


def test_a_standfirst_already_in_the_text_is_not_repeated():
    result = read_page(headed_page(BODY[0], BODY[0]))
    assert result.text.count(BODY[0]) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Get The Times of Israel's Daily Edition by email and never miss our top stories",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "This post contains references to products from one or more of our advertisers.",
        "Show all 50",
        "UK news in pictures",
        "Subscribe now to our eNATION edition for the full story.",
        "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.",
        "Photo: Jane Roe/Reuters",
    ],
)
def test_promos_disclosures_gallery_counters_and_credits_are_furniture(line):
    kept, removed = clean_lines(lines(BODY[0], line, BODY[1]))
    assert [text for _, text in kept] == [BODY[0], BODY[1]]


def test_a_page_that_is_mostly_furniture_is_named_in_a_warning(tmp_path: Path, caplog):
    clutter = "".join(
        f"<p>{t}</p>" for t in ["Share", "Facebook", "Twitter", "WhatsApp", "Email", "Telegram", "Related articles"]
        + [f"Read more: Story number {n} about something else" for n in range(12)]
    )
    html = page("<title>A page</title>", body=[BODY[0]] + [clutter])
    path = tmp_path / "clutter.html"
    path.write_text(html, encoding="utf-8")
    doc = read_document(path, tmp_path, {})
    with caplog.at_level(logging.WARNING, logger="generator"):
        clean_document(doc)
    assert any("clutter.html" in r.getMessage() and "furniture" in r.getMessage() for r in caplog.records)


def test_a_page_whose_furniture_its_markup_names_is_still_named_in_a_warning(tmp_path: Path, caplog):
    widgets = (
        "<div class='share-tools'><p>Share this story with friends on Facebook, Twitter, WhatsApp and Email</p></div>"
        + "".join(f"<div class='related-story'><p>More from the newsroom: story number {n} about another town "
                  f"council and its plans for the coming year</p></div>" for n in range(8))
    )
    html = page("<title>A page</title>", body=[BODY[0]]).replace(f"<p>{BODY[0]}</p>", f"<p>{BODY[0]}</p>{widgets}")
    path = tmp_path / "widgets.html"
    path.write_text(html, encoding="utf-8")
    doc = read_document(path, tmp_path, {})
    assert "story number" not in doc.text and doc.furniture_chars > 0
    with caplog.at_level(logging.WARNING, logger="generator"):
        clean_document(doc)
    assert any("widgets.html" in r.getMessage() and "furniture" in r.getMessage() for r in caplog.records)


# ------------------------------------------------------------------------- quotes and links


def paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    result, start = [], 0
    for index, text in enumerate(texts):
        result.append(Paragraph(index=index, start=start, end=start + len(text), text=text))
        start += len(text) + 2
    return tuple(result)


def test_a_quote_over_three_paragraphs_is_marked_and_anchored_in_each():
    paras = paragraphs(
        "“The bridge is old and tired,” the engineer said. “We found cracks.",
        "“They were deep, and there were more of them than we thought.",
        "“So we close it,” she added.",
    )
    start = paras[0].text.index("“We found")
    end = paras[2].start + paras[2].text.index(" she")
    marks = quote_marks("q-1", start, end, paras)
    assert [m.mark_id for m in marks] == ["q-1", "q-1-c2", "q-1-c3"]
    pages = [annotate("sources/a.md", p.text, p.start, marks) for p in paras]
    assert all('<mark id="q-1' in text for text in pages)


def test_an_overlapping_quote_keeps_its_anchor():
    paras = paragraphs("He said “one “two” three” and left.")
    text = paras[0].text
    outer = quote_marks("q-outer", text.index("“one"), text.index(" and"), paras)
    inner = quote_marks("q-inner", text.index("“two"), text.index(" three"), paras)
    html = annotate("sources/a.md", text, 0, outer + inner)
    assert 'id="q-outer"' in html and 'id="q-inner"' in html


def test_the_link_check_reports_a_missing_anchor_and_a_missing_page():
    pages = {
        "quotes.md": "[a](sources/a.md#q-1) [b](sources/a.md#q-2) [c](sources/b.md) [d](#top) [e](https://x.org)",
        "sources/a.md": 'text <mark id="q-1">quoted</mark>\n{: #p1 }\n',
    }
    messages = broken_links(pages)
    assert len(messages) == 3  # q-2 missing, b.md missing, #top missing on quotes.md
    assert any("#q-2" in m for m in messages) and any("sources/b.md" in m for m in messages)
    pages["quotes.md"] = "[a](sources/a.md#q-1) [p](sources/a.md#p1)"
    assert broken_links(pages) == []


# ---------------------------------------------------------------------------------------- people


@pytest.fixture(scope="module")
def nlp():
    from generator.pipeline import prepare_model

    return prepare_model("en_core_web_sm")


def people_of(tmp_path: Path, nlp, text: str) -> dict[str, list[str]]:
    from generator.pipeline import extract_facts

    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    briefing = extract_facts(tmp_path, nlp)
    return {p.name: sorted({m.name for m in p.mentions}) for p in briefing.people}


@pytest.mark.model
def test_short_names_attach_to_the_full_name_in_the_same_article(tmp_path, nlp):
    text = (
        "Council closes the old bridge\n\n"
        "Mark Meadows, the council's chief engineer, said the bridge had to close. Pete Buttigieg, the transport "
        "secretary, agreed.\n\n"
        "Meadows said the repairs would take a year. Pete said the money was there.\n\n"
        "The Honourable Natalio Wheatley visited the site. Honourable Wheatley said he was worried.\n\n"
        "Gov. Kathy Hochul said Gov. Hochul would help."
    )
    people = people_of(tmp_path, nlp, text)
    assert "Meadows" not in people and "Pete" not in people
    assert "Meadows" in people["Mark Meadows"]
    names = " ".join(people)
    assert "Honourable" not in names and "Gov" not in names


@pytest.mark.model
def test_streets_buildings_organisations_and_credits_are_not_people(tmp_path, nlp):
    text = (
        "Council closes the old bridge\n\n"
        "Traffic on Miller Drive was slow on Tuesday, and the Youssef Al-Najjar Hospital stayed open.\n\n"
        "Residents of Nostrand Houses and staff of Walker Hall said they were worried, said Jane Roe, a resident.\n\n"
        "Photo by Tom Baker/Getty Images"
    )
    people = people_of(tmp_path, nlp, text)
    assert "Jane Roe" in people
    names = " ".join(people)
    for word in ("Miller", "Najjar", "Nostrand", "Walker", "Baker"):
        assert word not in names


@pytest.mark.model
def test_datelines_and_quoted_names_are_not_people(tmp_path, nlp):
    text = (
        "Council closes the old bridge\n\n"
        "AUSTIN (KXAN) — Dianne Austin, the council's engineer, said the bridge had to close.\n\n"
        "A new breed of malware, dubbed “Agent Smith,” has infected phones, said Jane Roe."
    )
    people = people_of(tmp_path, nlp, text)
    assert people["Dianne Austin"] == ["Dianne Austin"]  # not the dateline's AUSTIN
    assert not any("Smith" in name for name in people)


def test_bulleted_related_headlines_with_dates_are_a_link_list():
    related = [
        "- Leading Candidates To Replace The Senator - October 10, 2020",
        "- City To Begin Basic Income Program For Artists - October 10, 2020",
        "- Movie Theaters Refuse To Open Over Concessions Ban - October 9, 2020",
    ]
    kept, removed = clean_lines(lines(BODY[0], BODY[1], BODY[2], BODY[3], *related))
    assert [line for _, line in kept] == BODY[:4]


@pytest.mark.model
def test_a_name_after_states_of_is_a_place(tmp_path, nlp):
    text = "Smoke over Brazil\n\nSmoke covered the Brazilian states of Mato Grosso and Parana on Monday, said Jane Roe."
    people = people_of(tmp_path, nlp, text)
    assert not any("Grosso" in name for name in people)


def test_the_headline_repeated_as_the_first_paragraph_is_removed(tmp_path: Path):
    html = page(
        "<meta property='og:title' content='Council closes old bridge for a year'>",
        before="<h1>Council closes old bridge for a year</h1>",
        body=["Council closes old bridge for a year", "Updated March 5, 2024", "Council closes old bridge for a year", *BODY],
    )
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    source = clean_document(read_document(path, tmp_path, {}))
    texts = [p.text for p in source.paragraphs]
    assert texts.count("Council closes old bridge for a year") == 1
    assert texts[-len(BODY):] == BODY


@pytest.mark.model
def test_a_street_name_is_not_a_mention_of_the_person_with_that_surname(tmp_path, nlp):
    text = (
        "Crash on the highway\n\n"
        "Police closed Miller Drive after the crash, said Jeff Miller, the county's police chief.\n\n"
        "A truck on Miller traveling eastbound hit a car."
    )
    people = people_of(tmp_path, nlp, text)
    assert people.get("Jeff Miller") == ["Jeff Miller"]


@pytest.mark.model
def test_a_name_at_the_end_of_a_quoted_title_is_not_a_person(tmp_path, nlp):
    text = (
        "Awards night\n\n"
        "The series “The Marvelous Mrs. Maisel” won again, and Walker's Greensboro-area team cheered, said Jane Roe."
    )
    people = people_of(tmp_path, nlp, text)
    assert not any("Maisel" in name or "Greensboro" in name for name in people)


@pytest.mark.parametrize(
    ("name", "shaped"),
    [("Jane Roe", True), ("Walker's Greensboro-area", False), ("Jean-Paul Claverie", True), ("O'Neil's", True)],
)
def test_name_shape(name, shaped):
    from generator.link.people import is_name_shaped

    assert is_name_shaped(name) is shaped


def test_non_ascii_metadata_survives_a_page_without_a_charset():
    html = page("<title>Great Things—if It Doesn’t Burn | Wired</title><meta property='og:site_name' content='WIRED'>").replace("<meta charset='utf-8'>", "")
    assert read_page(html).title == "Great Things—if It Doesn’t Burn"


def test_a_badly_spaced_mark_opening_a_paragraph_continues_the_quote():
    from generator.extract.quotes import find_quote_spans

    paras = paragraphs(
        '"We will hold these places and resume as normal.',
        '" Also all memberships will be extended.',
        '"It is only when it is closed we realise how much we miss it."',
    )
    spans, warnings = find_quote_spans(paras)
    assert warnings == []
    assert len(spans) == 1 and len(spans[0].pieces) == 3


def test_a_doubled_opening_mark_opens_one_quote():
    from generator.extract.quotes import find_quote_spans

    paras = paragraphs('He said "“It’s not about who’s right, it’s about the best decision.” on radio.')
    spans, warnings = find_quote_spans(paras)
    assert warnings == []
    assert len(spans) == 1
    assert paras[0].text[spans[0].pieces[0][0] : spans[0].pieces[0][1]].startswith("It’s not about")


@pytest.mark.site
@pytest.mark.model
def test_a_saved_page_with_a_quote_over_paragraphs_builds_the_site(tmp_path: Path, nlp):
    """The failure this issue started from: quotes over paragraphs linked to anchors MkDocs never saw."""
    from generator.pipeline import BuildOptions, build

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    quote = [
        "“The bridge is older than any of us,” said Jane Roe, the council's engineer. “We found cracks in two supports.",
        "“They were deeper than we thought, and there were more of them.",
        "“So we close it now, before winter,” she said.",
    ]
    head = json_ld({"@type": "NewsArticle", "headline": "Council closes old bridge", "datePublished": "2024-03-05",
                    "author": {"@type": "Person", "name": "John Doe"}})
    (seeds / "bridge.html").write_text(page(head, body=BODY[:2] + quote + BODY[2:]), encoding="utf-8")
    repo = Path(__file__).resolve().parent.parent
    report = build(
        BuildOptions(seeds_dir=seeds, content_dir=tmp_path / "content", site_dir=tmp_path / "site",
                     config_file=repo / "mkdocs.yml", strict=True),
        nlp,
    )
    assert report.warnings == ()
    source = (tmp_path / "content" / "sources" / "bridge.md").read_text(encoding="utf-8")
    facts = json.loads((tmp_path / "content" / "facts.json").read_text(encoding="utf-8"))
    long_quote = next(q for q in facts["quotes"] if "deeper than we thought" in q["text"])
    assert f'id="{long_quote["id"]}"' in source and f'id="{long_quote["id"]}-c2"' in source
    assert (tmp_path / "site" / "sources" / "bridge" / "index.html").is_file()


@pytest.mark.model
def test_a_name_from_a_title_of_a_work_is_not_a_person(tmp_path, nlp):
    text = (
        "Awards night\n\n"
        "She starred in The Marvelous Mrs. Maisel on Amazon, said Jane Roe.\n\n"
        "Fans of Mrs. Maisel cheered when the series won."
    )
    people = people_of(tmp_path, nlp, text)
    assert "Jane Roe" in people and not any("Maisel" in name for name in people)


# ------------------------------------------------------------------------ furniture named by the markup

CLUTTER = {
    "caption": "<p class='imageCaption'>Engineers inspect the cracked supports of the old bridge on Monday</p>",
    "credit": "<p class='short-form__credit'>Photograph by Jane Roe for The Daily Example</p>",
    "related": "<div class='related-posts'><p>Mayor backs a new tram line along the river, council papers show</p></div>",
    "newsletter": "<section class='c-newsletter-section'><p>Get the morning briefing from our newsroom every day</p></section>",
    "author bio": "<div class='author-bio'><p>Jane Roe covers the city council and transport for the paper</p></div>",
    "sharing": "<div class='c-article__sharing'><p>Send this story to a friend who drives across town</p></div>",
    "figcaption": "<figure><img src='x.jpg'><figcaption>The old bridge seen from the east bank at dusk</figcaption></figure>",
    "video description": "<div class='ui-video-controls story-video'><p class='video-desc'>Drivers describe their "
                         "detours around the closed bridge on Monday</p></div>",
    "picture box": "<div class='picBox'><a class='overlayLink' href='#'><img src='bridge.jpg' alt='The old bridge'>"
                   "</a><p>Oak scaffolding now lines the old supports of the bridge</p></div>",
    "credit with picture": "<p><img src='chart.png' alt='chart'><br><em>(Credit: Jane Roe / The Daily Example)</em></p>",
    "label and link": "<p><b>IN TOWN:</b> <a href='/tram'>Mayor backs a plan for a new tram line</a></p>",
    "label and link in brackets": "<p>(<strong>MORE: </strong><a href='/tram'>'Big Step': Mayor backs a plan for a "
                                  "new tram line</a>)</p>",
}


@pytest.mark.parametrize("kind", sorted(CLUTTER))
def test_furniture_named_by_its_class_is_pruned_and_the_article_kept(kind):
    html = page(body=[*BODY[:2]], after="")
    html = html.replace(f"<p>{BODY[1]}</p>", f"<p>{BODY[1]}</p>{CLUTTER[kind]}<p>{BODY[2]}</p><p>{BODY[3]}</p>")
    text = read_page(html).text
    clutter_words = lxml_text(CLUTTER[kind])
    assert clutter_words not in text
    for paragraph in BODY[:4]:
        assert paragraph in text


def lxml_text(fragment: str) -> str:
    import lxml.html

    return " ".join(lxml.html.fragment_fromstring(fragment, create_parent="div").text_content().split())


def test_an_article_body_whose_class_names_a_sidebar_or_comments_is_not_pruned():
    paragraphs = "".join(f"<p>{text}</p>" for text in BODY)
    html = (
        "<html><head><title>Council closes old bridge</title></head><body>"
        f"<div class='layout has-sidebar comments-open'><div class='article-body share-tools'>{paragraphs}</div>"
        "<div class='sidebar'><p>Most read: Mayor backs plan for a new tram line</p></div></div></body></html>"
    )
    text = read_page(html).text
    assert all(paragraph in text for paragraph in BODY)
    assert "Mayor backs plan" not in text


def test_a_list_of_links_is_pruned_but_a_list_the_article_makes_is_kept():
    links = "<ul>" + "".join(
        f"<li><a href='/{k}'>{title}</a></li>"
        for k, title in enumerate(["Mayor backs a plan for a new tram line", "Schools reopen after the storm",
                                   "Five things to do in town this weekend"])
    ) + "</ul>"
    made = ("<ul><li>Drivers will use the ring road into the centre.</li><li>Buses will stop at the station on "
            "<a href='/map'>Mill Street</a> instead.</li><li>Cyclists may still cross on the footway.</li></ul>")
    html = page(after="").replace(f"<p>{BODY[2]}</p>", f"<p>{BODY[2]}</p>{made}").replace("</article>", f"{links}</article>")
    text = read_page(html).text
    assert "Buses will stop at the station on Mill Street instead." in text
    assert "Schools reopen after the storm" not in text


@pytest.mark.parametrize(
    "line",
    [
        "– Jane Roe",
        "—Jane Roe, Reuters",
        "Written by: Jane Roe",
        "By Jane Roe and John Doe",
        "Daily Example – Police said on Tuesday that a man was arrested after a crash on the bridge … more",
        "The council met on Monday to discuss the future of the old bridge [...]",
        "This article originally appeared on The Daily Example.",
        "To reach the reporter behind this story, contact jane@example.com.",
        "Simply pop your email into the box at the top of this article and get all the latest news",
        "You can unsubscribe from this service at any time.",
        "Sign-up Successful!",
        "Featured image by Jane Roe/The Daily Example.",
        "Header Image: The old bridge seen from the east bank at dusk",
        "Courtesy of The Daily Example",
        "Posted on",
        "Loading Comments...",
        "Click to share on Twitter (Opens in new window)",
        "Have a news tip? Email us at tips@example.com.",
        "Jane Roe is a senior writer for The Daily Example.",
        "Filed under Transport",
        "Tagged: bridges, council, roads",
        "Notify me when new comments are added.",
        "Your email address will not be published. Required fields are marked *",
        "Trending on The Daily Example",
        "Proudly powered by WordPress",
        "Do not sell my personal information",
        "Photograph by Jane Roe",
        "If you're on the Daily Example app, tap here to watch the council meeting live",
        "Gallery: Storm damage across the county (Example Photos)",
        "What do you think? Should the bridge stay shut? Let us know in the comments below.",
        "Tell us what you think in the comments section below!",
        "Reporting by Jane Roe in Leeds; Editing by John Doe",
        "Reporting by Jane Roe and John Doe in Washington, D.C.; Writing by Mary Major; Editing by Peter Piper",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "FILE - The old bridge is seen from the east bank on March 3, 2019. (AP Photo/John Doe, File)",
        "Show comments",
        "Click to expand",
    ],
)
def test_bylines_sign_offs_teasers_and_promo_lines_are_furniture(line):
    kept, _ = clean_lines(lines(BODY[0], line, BODY[1]))
    assert [text for _, text in kept] == [BODY[0], BODY[1]]


@pytest.mark.parametrize("line", ["- Council Offices", "By the end of the day, the council had voted to close it.",
                                  "He paused... more work is needed, he said on Friday.",
                                  "Jane Roe is a reporter who covered the trial for a decade and won a prize.",
                                  "More on the bridge, the mayor said, would come next week.",
                                  "Let us know what you think, the mayor told residents at the meeting.",
                                  "The gallery: a room of old maps of the river, opened by the mayor.",
                                  "Join the volunteers to get: a hot meal, a hat and a day by the river, she said.",
                                  "Reporting by the council showed that the bridge was unsafe.",
                                  "The material may not be enough to repair the bridge, engineers said."])
def test_list_items_and_sentences_that_look_like_bylines_or_teasers_are_kept(line):
    kept, _ = clean_lines(lines(BODY[0], line, BODY[1]))
    assert [text for _, text in kept] == [BODY[0], line, BODY[1]]


def test_the_headline_repeated_below_the_lead_is_removed(tmp_path: Path):
    html = page(
        "<meta property='og:title' content='Council closes old bridge for a year'>",
        body=[BODY[0], "Council closes old bridge for a year", *BODY[1:]],
    )
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    source = clean_document(read_document(path, tmp_path, {}))
    assert [p.text for p in source.paragraphs] == BODY


def test_headings_left_at_the_end_of_the_text_are_removed():
    kept, removed = clean_lines(lines(*BODY, "Flooded Homes Along The River", "Video Player Controls"))
    assert [text for _, text in kept] == BODY
    assert [r.rule for _, r in removed] == ["trailing label", "trailing label"]


def test_hidden_elements_are_pruned():
    box = "<div class='x1' style='display: none'><p>Thanks for signing up to our morning briefing from the newsroom</p></div>"
    html = page(after="").replace(f"<p>{BODY[1]}</p>", f"<p>{BODY[1]}</p>{box}")
    text = read_page(html).text
    assert "morning briefing" not in text and all(paragraph in text for paragraph in BODY)


def test_a_picture_in_the_text_or_deep_in_a_wrapper_does_not_take_the_text_with_it():
    more = "Buses will keep their routes, and the ferry will run every twenty minutes instead of every hour."
    emoji = f"<p><img class='emoji' src='smile.png' alt='smile'> {BODY[1]}</p>"
    opening = "<p><img class='alignleft' src='bridge.jpg'>The bridge opened in 1931.</p>"  # short, but the text's own
    inline = f"<p><img src='bridge.jpg'> {BODY[2]} {more}</p>"  # longer than a caption
    html = page(after="").replace(f"<p>{BODY[1]}</p>", emoji).replace(f"<p>{BODY[2]}</p>", inline)
    html = html.replace(f"<p>{BODY[3]}</p>", f"<p>{BODY[3]}</p>{opening}")
    text = read_page(html).text
    for paragraph in (*BODY, more, "The bridge opened in 1931."):
        assert paragraph in text
    # a slideshow's wrapper holds its picture 4 levels down: only the picture's own box is a caption's
    slides = ("<div class='slides'><div><div><div class='box'><a href='#'><img src='s.jpg'></a>"
              "<p>Shop owners said they would stay open.</p></div></div></div></div>")
    tree = load_html(page(after=slides))
    mark_furniture(tree)
    assert [node.get("class") for node in tree.xpath(f"//*[@{FURNITURE_MARK}]")] == ["box"]


def test_a_byline_label_with_a_link_is_not_pruned_as_a_labelled_link():
    byline = "<p><em>Written by: <a href='/jane'>Jane Roe</a></em></p>"
    cited = "<p>The council published the detour on its website at <a href='/detour'>the roads page</a>.</p>"
    html = page(after="").replace(f"<p>{BODY[0]}</p>", f"{byline}<p>{BODY[0]}</p>")
    result = read_page(html.replace(f"<p>{BODY[2]}</p>", f"<p>{BODY[2]}</p>{cited}"))
    assert result.author == "Jane Roe"
    assert "The council published the detour on its website at the roads page." in result.text


def test_a_paragraph_that_is_only_a_link_to_another_story_is_pruned():
    link = "<p><a href='/tram'>Mayor backs a plan for a new tram line</a></p>"
    cited = f"<p>{BODY[3][:-1]}, <a href='/report'>the report</a> said.</p>"
    html = page(after="").replace(f"<p>{BODY[1]}</p>", f"<p>{BODY[1]}</p>{link}{cited}")
    text = read_page(html).text
    assert "Mayor backs a plan" not in text
    assert f"{BODY[3][:-1]}, the report said." in text


@pytest.mark.model
def test_a_column_name_of_common_words_is_not_a_person_but_first_names_that_are_words_are(tmp_path, nlp):
    text = (
        "Council closes the old bridge\n\n"
        "Will Smith, a shop owner, said the detour would cost him customers. Mark Price said the mark was set.\n\n"
        "Beauty Boss profiles the brains behind the brands making waves in the beauty industry."
    )
    people = people_of(tmp_path, nlp, text)
    assert "Will Smith" in people and "Mark Price" in people
    assert not any("Beauty" in name for name in people)


def test_an_h2_headline_wins_when_the_h1_is_a_share_box_text():
    head = json_ld({"@type": "NewsArticle", "headline": "Council closes old bridge for a year"})
    headline = "Bridge war: Council closes old bridge for a year as engineers find cracks in two supports"
    html = page(head, before=f"<h2>{headline}</h2><div class='shareArticles'><h1>Council closes old bridge for a year</h1></div>")
    assert read_page(html).title == headline


@pytest.mark.parametrize("main", ["<main class='container js-social-anchor-start'>", "<div role='main' class='share-root'>"])
def test_the_headline_inside_the_main_content_counts_whatever_its_class_says(main: str):
    head = "<title>Council closes old bridge for a year - Mar. 5, 2024</title>"
    close = "</main>" if main.startswith("<main") else "</div>"
    html = page(head).replace("<article>", f"{main}<article><h1>Council closes old bridge for a year</h1>", 1)
    html = html.replace("</article>", f"</article>{close}", 1)
    result = read_page(html)
    assert result.title == "Council closes old bridge for a year"
    assert dict(result.origins)["title"] == "headline"


def test_a_standfirst_in_an_h2_below_the_h1_is_not_the_title():
    head = json_ld({"@type": "NewsArticle", "headline": "Council closes old bridge"})
    html = page(head, before="<h1>Council closes old bridge</h1><h2>The old bridge will close for a year while "
                             "engineers repair two cracked supports, the council said</h2>")
    assert read_page(html).title == "Council closes old bridge"


def test_a_short_hidden_box_is_marked_but_not_the_hidden_rest_of_an_article():
    from trafilatura.utils import load_html

    from generator.ingest.webpage import FURNITURE_MARK, mark_furniture

    rest = "".join(f"<p>{text}</p>" for text in BODY[2:] * 2)  # shorter than the body, longer than a box
    html = page(body=BODY * 2, after=f"<div class='x1' hidden><p>Thanks for signing up!</p></div>"
                                     f"<div class='x2' hidden>{rest}</div>")
    tree = load_html(html)
    mark_furniture(tree)
    assert [node.get("class") for node in tree.iter() if node.get(FURNITURE_MARK)] == ["x1"]


# ----------------------------------------------------- issue 10, second pass: rules from the extra dev pages


def test_line_breaks_in_the_page_source_do_not_cut_a_sentence_but_a_pre_keeps_its_lines():
    broken = ("<div><span>Veteran actress Jane Roe, who in 2008 won the\nAfrica Film Award for Best Actress, has "
              "taken\n to her page to share new photos of herself.</span></div>")
    divs = "".join(f"<div><span>{text}</span></div>" for text in BODY[:3])  # a blog's body: no <p> at all
    html = ("<html><head><title>Jane Roe shares new photos</title></head><body><h1>Jane Roe shares new photos</h1>"
            f"<div class='post-body'>{broken}{divs}</div></body></html>")
    text = read_page(html).text
    assert ("Veteran actress Jane Roe, who in 2008 won the Africa Film Award for Best Actress, has taken to her page "
            "to share new photos of herself.") in text
    from trafilatura.utils import load_html

    from generator.ingest.webpage import collapse_source_breaks

    tree = load_html("<html><body><pre>line one\nline two</pre><p>a\nb</p></body></html>")
    collapse_source_breaks(tree)
    assert tree.find(".//pre").text == "line one\nline two"
    assert tree.find(".//p").text == "a b"


def test_paragraphs_marked_as_behind_a_paywall_are_the_article():
    paragraphs = f"<p>{BODY[0]}</p>" + "".join(f"<p class='paywall'>{text}</p>" for text in BODY[1:])
    html = page().replace("".join(f"<p>{text}</p>" for text in BODY), paragraphs)
    text = read_page(html).text
    assert all(paragraph in text for paragraph in BODY)


# Furniture lines found on the extra dev pages and the dev pages' remaining lines, and sentences like them that are
# prose.
MORE_FURNITURE = [
    "Send a Letter to the Editor",
    "Write a letter to the editor about this article",
    "jroe@example.com",
    "Email: jroe@example.com",
    "(END)",
    "-30-",
    "CNN's Jane Roe and John Doe contributed to this report.",
    "CNN’s Jane Roe and John Doe contributed to this report",
    "(Jane Roe contributed reporting from Paris.)",
    "Are you in the storm's path? Please share your videos, pictures and stories with us.",
    "Send us your photos of the flooding at photos@example.com",
    "-- By Jane Roe Follow @janeroe",
    "— By Jane Roe",
    "7-minute read",
    "This entry was posted in Transport, Council.",
    "Posted in News | Tagged bridges",
    "You must be logged in to post a comment.",
    "12 Comments",
    "Comments (3)",
    "Like this:",
    "If you value our journalism, please consider a contribution of any size.",
    "Support independent journalism: become a member today.",
    "See more photos:",
    "This story has been updated with additional developments.",
    "Are you a tenant preparing to vote this month? We want to hear from you! Email us at news@example.com.",
    "You can contact The Daily Example on Facebook, Twitter, Instagram, or email news@example.com",
    "https://www.facebook.com/ExampleBar/posts/2800731780195723",
    "Just a heads up, some of the links on The Daily Example are affiliate links. This means if you click on them "
    "and make a purchase, we may earn a small commission at no extra cost to you.",
    "Contributing: Jane Roe, John Doe, Associated Press.",
    "Associated Press writers Jane Roe in Birmingham, Ala., and John Doe in Steele, Ala., contributed to this report.",
    "Know something we don't? E-mail us at tips@example.com",
    "— Jane Roe (@janeroe) March 3, 2020",
    "pic.twitter.com/AbC123xyz",
    "A post shared by The Daily Example (@dailyexample) on Mar 3, 2020 at 10:02am PST",
    "Subscribe to our YouTube channel for more videos from the newsroom.",
    "About the author",
    "Engineers inspect the cracked supports of the old bridge on Monday before the vote. Photo: Jane Roe/AP",
    "Want to know more about Jane Roe? Follow her on GitHub or Twitter.",
    "Listen to the full interview (in German) on Radio Example.",
    "Questions? Comments? Email us at",
    "To hear past episodes of “The Bridge Show,” go here: http://www.example.com/tag/bridge-show/",
    "Get Daily Example Business On Twitter, Facebook, and Google Buzz! Know something we don't? E-mail us at "
    "tips@example.com",
    "(MORE: 'Big Step': Mayor backs a plan for a new tram line)",
    "Bridge Builder 2 was reviewed using final retail code provided by Example Games. You can find additional "
    "information about our ethics policy here.",
    "Jane Roe can be reached at jroe@example.com.",
    "Email her at jroe@example.com or follow @janeroe on Twitter.",
    "(Credit: Jane Roe / The Daily Example)",
    "Example Bridges is the largest maker of bridges in the region, with over 500 staff. Example Bridges was founded "
    "by Jane Roe in 2004 as a small firm. It...",
]
PROSE_LIKE_FURNITURE = [
    "Experts from three universities contributed to the report, which was published on Tuesday.",
    "Residents were asked to share their photos of the flood with the council's engineers.",
    "The end of the bridge is in sight, the mayor said (at last).",
    "The foundation said it would support local journalism with five million dollars over three years.",
    "Readers posted in their hundreds to complain about the detour.",
    "The council said the story has been updated on its website, https://example.com, since Monday.",
    "Residents can contact the council on weekdays between nine and five.",
    "The retailer said it would stop paying bloggers for affiliate links next year.",
    "Contributing to the delay, the council said, were the storms of the winter.",
    "The plan was reviewed with the engineers before the vote (more: the council's minutes show a long debate).",
    "The bridge was reviewed on Monday by a panel of engineers from the university.",
    "Residents can be reached by the council's text alerts during the works.",
    "Get ready for a long detour, the council told drivers on Facebook and in the papers on Monday.",
    "The mayor (@mayorroe) wrote on March 3, 2020 that the bridge would close for a year.",
    "Listeners to the podcast heard the mayor defend the closure on Monday.",
    "The council published a photo: the crack runs across two supports.",
    "Listen to the engineers, the mayor said, and close the bridge.",
    "Questions remain about the cost, the council said, and residents can email the roads office.",
    "The engineers waited for the last inspection of the supports in silence. And then...",
    "The council met on Monday to discuss the closure of the old bridge for a year. Then...",
]


@pytest.mark.parametrize("line", MORE_FURNITURE)
def test_reporter_contacts_credits_calls_appeals_footers_and_embed_links_are_furniture(line):
    kept, _ = clean_lines(lines(BODY[0], line, BODY[1]))
    assert [text for _, text in kept] == [BODY[0], BODY[1]]


@pytest.mark.parametrize("line", PROSE_LIKE_FURNITURE)
def test_sentences_like_those_kinds_of_furniture_are_kept(line):
    kept, _ = clean_lines(lines(BODY[0], line, BODY[1]))
    assert [text for _, text in kept] == [BODY[0], line, BODY[1]]


BIO = ("Jane Roe is an award-winning journalist and the author of several books, including Bridges. She has "
       "produced reports for many papers. Roe founded The Example Review in 2015.")


def test_an_author_biography_closing_the_text_is_removed_and_names_the_author():
    kept, removed = clean_lines(lines(*BODY, BIO))
    assert [text for _, text in kept] == BODY
    assert [r.rule for _, r in removed] == ["author bio"]
    html = page(body=[*BODY, BIO])
    result = read_page(html)
    assert result.author == "Jane Roe"
    assert dict(result.origins)["author"] == "author biography"


def test_a_biography_inside_the_article_is_kept():
    kept, _ = clean_lines(lines(BODY[0], BODY[1], BIO, *BODY[2:]))
    assert BIO in [text for _, text in kept]


def test_the_dateline_under_the_headline_wins_over_a_date_in_the_page_header():
    header = "<div class='today'>Mon, 25 Dec 2023</div>"
    before = ("<h1>Council closes old bridge for a year</h1><figure><img src='x.jpg'><figcaption>The bridge on "
              "March 24, 2014</figcaption></figure><div class='info'>Jane Roe<br>Thu, 14 May 2020 17:55 UTC</div>")
    html = page(before=before).replace("<nav>", f"{header}<nav>")
    result = read_page(html)
    assert result.published == dt.date(2020, 5, 14)
    assert dict(result.origins)["published"] == "dateline under the headline"


def test_an_updated_date_under_the_headline_is_not_the_published_date():
    before = ("<h1>Council closes old bridge for a year</h1><div class='meta'>Updated 9:22 PM EST, Mon November 6, "
              "2023</div><div class='meta'>First published November 3, 2023</div>")
    assert read_page(page(before=before)).published == dt.date(2023, 11, 3)


def test_structured_data_dates_still_come_before_the_dateline():
    head = "<meta property='article:published_time' content='2020-05-12T08:00:00Z'>"
    before = "<h1>Council closes old bridge for a year</h1><div class='info'>May 14, 2020</div>"
    assert read_page(page(head, before=before)).published == dt.date(2020, 5, 12)


def test_a_byline_line_under_the_headline_names_the_author():
    before = ("<h1>Council closes old bridge for a year</h1><span>By:</span> <span>Example Wire</span>"
              "<div>By Leigh Ann Caldwell</div>")
    result = read_page(page(before=before))
    assert result.author == "Leigh Ann Caldwell"


def test_a_sign_off_with_a_handle_names_the_author():
    html = page(body=[*BODY, "-- By Michael Russell Follow @mrussell"])
    result = read_page(html)
    assert result.author == "Michael Russell"


def test_an_author_with_a_nickname_in_quotes_is_a_name():
    head = json_ld({"@type": "NewsArticle", "headline": "Council closes old bridge",
                    "author": {"@type": "Person", "name": 'Amanda "Tania Mae" Tan'}})
    assert read_page(page(head)).author == 'Amanda "Tania Mae" Tan'


@pytest.mark.parametrize("dateline, published", [
    ("November 28, 2013 -- Updated 0203 GMT (1003 HKT)", None),  # the update's day: left to htmldate (none here)
    ("on December 27, 2014 at 12:06 PM, updated December 28, 2014 at 12:10 PM", dt.date(2014, 12, 27)),
    ("Published March 3, 2020 -- Updated 0203 GMT", dt.date(2020, 3, 3)),
])
def test_an_update_label_after_a_date_is_that_dates_only_when_no_date_follows_it(dateline, published):
    from trafilatura.utils import load_html

    from generator.ingest.webpage import dateline_date, main_headline, under_headline

    tree = load_html(page(before=f"<h1>Council closes old bridge for a year</h1><div class='meta'>{dateline}</div>"))
    assert dateline_date(under_headline(main_headline(tree))) == published


def test_a_date_inside_a_sentence_under_the_headline_is_not_the_dateline():
    from generator.ingest.webpage import dateline_date, main_headline, under_headline

    highlights = ("<ul class='highlights'><li>The bridge was opened to traffic on August 14, 1935, by the governor"
                  "</li><li>Engineers found cracks in two supports</li></ul><div class='meta'>Published March 3, 2020"
                  "</div>")
    tree = load_html(page(before=f"<h1>Council closes old bridge for a year</h1>{highlights}"))
    assert dateline_date(under_headline(main_headline(tree))) == dt.date(2020, 3, 3)


def test_a_site_naming_itself_with_its_address_is_no_author_and_a_labelled_author_field_is_read():
    head = "<meta name='author' content='Daily Example (www.example.com)'>"
    details = "<ul class='smallList'><li><strong>Date</strong> 05.03.2024</li><li><strong>Author</strong> Jane Roe</li></ul>"
    result = read_page(page(head, after=details))
    assert result.author == "Jane Roe"
    assert read_page(page(head)).author == "Daily Example"  # no person named: the site, never "Daily Example (www…"


def test_the_byline_nearest_the_headline_wins_over_one_in_a_block_of_links_above_it():
    links = ("<div class='m-link-sets'><a href='/x'>Mayor backs a plan for a new tram line</a>"
             "<p class='byline'>By John Doe</p></div>")
    header = ("<header><h1>Council closes old bridge for a year</h1>"
              "<p class='byline vcard'>By <a class='author fn' href='/jane'>Jane Roe</a></p></header>")
    html = page(before=header).replace("<article>", f"{links}<article>")
    assert read_page(html).author == "Jane Roe"


def test_a_role_outlet_or_time_after_a_dash_in_a_byline_is_not_part_of_the_names():
    assert split_authors("By JANE ROE and JOHN DOE - AP Technology Writers | AP – 1 hr 4 mins ago", []) == (
        ["JANE ROE", "JOHN DOE"], [])
    assert split_authors("By Jean-Luc Roe", []) == (["Jean-Luc Roe"], [])


def test_a_twitter_creator_name_is_an_author_but_a_handle_is_not():
    named = read_page(page("<meta name='twitter:creator' content='Jane Roe'>"))
    assert named.author == "Jane Roe"
    handle = read_page(page("<meta name='twitter:creator' content='@dailyexample'>"))
    assert handle.author is None


def test_a_list_of_co_authors_is_one_byline():
    header = ("<header><h1>Council closes old bridge for a year</h1><ul class='authors'>"
              "<li><div rel='author' class='author'><span>By</span> Jane Roe</div>"
              "<div class='author-overlay'><a href='/jane'>More from Jane</a></div></li>"
              "<li><div rel='author' class='author'>John Doe</div></li>"
              "<li><div rel='author' class='author'>MARY MAJOR</div></li></ul></header>")
    assert read_page(page(before=header)).author == "Jane Roe, John Doe, MARY MAJOR"


def test_a_byline_inside_a_layout_container_named_for_its_sidebar_counts():
    header = ("<h1>Council closes old bridge for a year</h1><div class='blog-author'>"
              "<a href='/author/jroe/' rel='author'>Jane Roe</a><br><a href='/2024/03/05/'>5 Mar 2024</a></div>")
    html = page(before=header, after="<div class='sidebar'><p class='byline'>By Mary Major</p></div>")
    html = html.replace("<article>", "<div class='page-wrapper right-sidebar'><article>", 1)
    html = html.replace("</article>", "</article><aside class='sidebar'>New stories</aside></div>", 1)
    assert read_page(html).author == "Jane Roe"


def test_authors_of_teasers_in_a_list_of_stories_are_not_co_authors():
    header = "<header><h1>Council closes old bridge for a year</h1><p class='byline'>By Jane Roe</p></header>"
    teasers = "".join(
        f"<li><h3><a href='/s{k}'>Mayor backs a plan for a new tram line through the old town centre {k}</a></h3>"
        f"<p>The plan would take five years and cost the city more than it spends on roads in a decade.</p>"
        f"<span rel='author'>John Doe{k}</span></li>" for k in range(3))
    assert read_page(page(before=header, after=f"<ul>{teasers}</ul>")).author == "Jane Roe"


TEASERS = [
    "A former prime minister controversially installed, soundly elected and re-elected, a thinker and reformer.",
    "How is it that ideas that are patently absurd capture the imagination? It seems we are swamped by them.",
    "The good thing about the shop is that it is cheap. The bad thing is the whole business of shopping there.",
]


def story_page(after_body: str) -> str:
    """An article whose text is split in two blocks ("Read more"), and a block after it in the same container."""
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Council closes bridge</title></head><body>"
            "<div id='story'><h1>Council closes bridge</h1><div class='story-body'>"
            + "".join(f"<p>{text}</p>" for text in BODY[:2]) + "<div id='more'><div id='more-content'>"
            + "".join(f"<p>{text}</p>" for text in BODY[2:]) + f"</div></div></div>{after_body}</div></body></html>")


@pytest.mark.parametrize("heading", ["Other Opinion Columns", "More stories", "Most Popular Stories",
                                     "From the archives", "In case you missed it"])
def test_a_block_opened_by_a_heading_naming_other_stories_goes_whole(heading):
    blocks = "".join(f"<div class='story-block'><h4><strong>Kicker {k}</strong> <a href='/x{k}'>Teaser headline {k}"
                     f"</a></h4><p class='standfirst'>{text}</p></div>" for k, text in enumerate(TEASERS))
    html = story_page(f"<div class='group'><div class='group-header'><h2>{heading}</h2></div>"
                      f"<div class='group-content'>{blocks}</div></div>")
    text = read_page(html).text
    assert all(body in text for body in BODY)
    assert not any(teaser in text for teaser in TEASERS) and "Teaser headline" not in text


def test_a_section_of_the_article_under_its_own_heading_is_kept():
    section = "<section><h2>Political Implications</h2>" + "".join(f"<p>{t}</p>" for t in TEASERS) + "</section>"
    text = read_page(story_page(section)).text
    assert all(teaser in text for teaser in TEASERS)


def test_an_embedded_video_box_declared_by_schema_org_is_not_article_text():
    player = ("<div itemprop='video' itemscope itemtype='http://schema.org/VideoObject' class='video-wrapper'>"
              "<div class='player-l-headline'><h2>Mayor dies at 99: friends remember a colourful life</h2>"
              "<small>Play Video - <span>2:46</span></small></div></div>")
    html = story_page("").replace(f"<p>{BODY[1]}</p>", f"<p>{BODY[1]}</p>{player}")
    text = read_page(html).text
    assert all(body in text for body in BODY)
    assert "friends remember" not in text and "Play Video" not in text


# ------------------------------------------------------------------- extra dev 5 (issue 10, after its release)


def bare_page(head: str = "", body: str = "", body_class: str = "") -> str:
    """A page with no metadata but what ``head`` gives, its article in ``body``."""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body class='{body_class}'>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{body}"
            "<footer>Copyright 2024 The Daily Example</footer></body></html>")


def article_under(header: str) -> str:
    return f"<article>{header}<div class='article-body'>{''.join(f'<p>{t}</p>' for t in BODY)}</div></article>"


def test_a_time_element_under_the_headline_gives_the_date_when_the_dateline_shows_none():
    header = ("<h1>Council closes old bridge for a year</h1><div class='meta'><a href='/jroe'>Jane Roe</a>"
              "<time class='meta-time updated' datetime='2019-03-05T10:00:00-05:00'><a href='/p'>Today 10:00am</a>"
              "</time></div>")
    # a <body> whose class lists feature flags ("f_related_module_on") is not a teaser box
    result = read_page(bare_page(body=article_under(header), body_class="blog f_related_module_on f_promo_on"))
    assert result.published == dt.date(2019, 3, 5)
    assert dict(result.origins)["published"] == "time element under the headline"


def test_a_time_element_marked_as_a_modification_is_passed_over():
    header = ("<h1>Council closes old bridge for a year</h1><div class='meta'>"
              "<time itemprop='dateModified' datetime='2019-03-09T08:00'>Yesterday</time> "
              "<time class='entry-date' datetime='2019-03-05T10:00'>Tuesday</time></div>")
    assert read_page(bare_page(body=article_under(header))).published == dt.date(2019, 3, 5)


def test_a_published_date_declared_by_microdata_on_a_visible_element_is_structured_data():
    header = ("<h1>Council closes old bridge for a year</h1><a href='/issue'><time class='issue' "
              "itemprop='datePublished' content='2019-02-25'>March 4, 2019 Issue</time></a>")
    result = read_page(bare_page(body=article_under(header)))
    assert result.published == dt.date(2019, 2, 25)
    assert dict(result.origins)["published"] == "microdata"


@pytest.mark.parametrize("hint", [
    "<link rel='alternate' type='application/rss+xml' title='Example Gazette' href='/rss'>",
    "<link rel='alternate' type='application/atom+xml' title='Example Gazette » Feed' href='/atom'>",
])
def test_the_news_feed_or_logo_names_the_site_of_a_page_saved_without_its_address(hint):
    head = f"<title>Council closes old bridge for a year - Example Gazette</title>{hint}"
    result = read_page(bare_page(head, article_under("<header>Council closes old bridge for a year</header>")))
    assert (result.title, result.outlet) == ("Council closes old bridge for a year", "Example Gazette")
    logo = "<a href='/'><img id='logo' alt='Example Gazette' src='/img/gazette.png'></a>"
    result = read_page(bare_page("<title>Council closes old bridge for a year - Example Gazette</title>",
                                 logo + article_under("<header>Council closes old bridge for a year</header>")))
    assert (result.title, result.outlet) == ("Council closes old bridge for a year", "Example Gazette")


def test_a_feed_title_naming_its_format_is_no_site_name():
    head = ("<title>Council closes old bridge for a year</title>"
            "<link rel='alternate' type='application/rss+xml' title='RSS 2.0' href='/rss'>")
    assert read_page(bare_page(head, article_under(""))).outlet is None


def test_a_section_the_page_links_to_leaves_the_title_whatever_separator_sets_it_off():
    assert strip_site_name("Why is the bridge shut? - The Commuter – Example.com", ["examplecom"],
                           {"thecommuter"}) == "Why is the bridge shut?"
    assert strip_site_name("Why is the bridge shut? - The Commuter – Example.com", ["examplecom"]) == (
        "Why is the bridge shut? - The Commuter")
    head = ("<title>Why is the bridge shut? - The Commuter – Example.com</title>"
            "<link rel='canonical' href='https://example.com/commuter/123/bridge/'>")
    body = "<ul class='sections'><li><a href='/commuter/'>The Commuter</a></li></ul>" + article_under("")
    assert read_page(bare_page(head, body)).title == "Why is the bridge shut?"


def test_a_call_to_comment_linked_in_the_byline_is_no_author():
    header = ("<header>Council closes old bridge for a year</header><div class='author'>Written by <a href='/jroe'>"
              "Jane Roe</a> in <a href='/topics/transport'>Transport</a> on 5 March 2019. "
              "<a href='/forums/1'>Add A Comment</a></div>")
    assert read_page(bare_page(body=article_under(header))).author == "Jane Roe"


def test_a_byline_in_the_footer_of_the_headline_block_counts_with_every_author_microdata_names():
    people = "".join(
        f"<span class='byline' itemprop='author creator' itemscope itemtype='http://schema.org/Person'>{by}"
        f"{f'<a href={slug}>' if slug else ''}<span itemprop='name'>{name}</span>{'</a>' if slug else ''}{sep}</span>"
        for by, slug, name, sep in (("By ", "/by/jroe", "JANE ROE", ", "), ("", "/by/jdoe", "JOHN DOE", " and "),
                                    ("", "", "MARY MAJOR", "")))
    header = (f"<header><h1>Council closes old bridge for a year</h1><div class='story-meta-footer'>"
              f"<p class='byline-dateline'>{people}<time datetime='2019-03-05'>MARCH 5, 2019</time></p></div></header>")
    after = "<div class='page-footer'><p class='byline'>By Peter Piper</p></div>"
    html = bare_page(body=article_under(header) + after)
    assert read_page(html).author == "JANE ROE, JOHN DOE, MARY MAJOR"
    from generator.ingest.webpage import byline_texts, main_headline

    tree = load_html(bare_page(body=article_under("<h1>Council closes old bridge for a year</h1>") + after))
    assert byline_texts(tree, main_headline(tree)) == []  # a byline in a footer after the text is still not the article's


def test_paragraphs_written_with_double_line_breaks_are_all_kept():
    content = ("<div class='content'><div style='float: left'><img src='/img/bridge.jpg' width='100' height='100'>"
               "</div>" + "<br><br>".join(BODY) + "</div>")
    bio = ("<div class='about'><p>Jane Roe has covered transport for the paper since 2009 and writes about "
           "roads, railways and the people who use them every day.</p><p>She lives by the river with two cats, a "
           "bicycle and more train timetables than anyone could need in a lifetime of travel.</p></div>")
    html = bare_page(body=f"<article><header>Council closes old bridge for a year</header>{content}</article>{bio}")
    text = read_page(html).text
    assert all(body in text for body in BODY)


def test_a_line_in_a_div_of_its_own_between_break_paragraphs_is_kept():
    from generator.ingest.webpage import wrap_break_paragraphs

    tree = load_html(f"<html><body><div class='post'>{BODY[0]}<br><br>{BODY[1]}<div>{BODY[2]}</div>"
                     f"<div><br></div>{BODY[3]}</div></body></html>")
    wrap_break_paragraphs(tree)
    assert [p.text_content() for p in tree.iter("p")] == [BODY[0], BODY[1], BODY[2], BODY[3]]


@pytest.mark.parametrize("bio", [
    "Jane Roe is the Gazette’s contributing transport editor. Contact her at jroe@example.com or on Twitter, @jroe.",
    "Roe & Doe write about the movies regularly for the Example Review and host a podcast on film. Follow them on "
    "Twitter @roedoe or visit their site roedoe.com.",
])
def test_a_closing_biography_with_a_possessive_role_or_a_contributor_note_is_removed(bio):
    kept, removed = clean_lines(lines(*BODY, bio))
    assert [text for _, text in kept] == BODY
    assert [r.rule for _, r in removed] == ["author bio"]


def test_a_closing_sentence_about_covering_a_story_is_not_a_contributor_note():
    last = "Police cover the area for the Olympic Games, the council said."
    kept, _ = clean_lines(lines(*BODY, last))
    assert last in [text for _, text in kept]


def test_an_article_body_split_by_an_advertisement_is_read_whole():
    body = "grid-item body article__body"
    first = "".join(f"<p>{t}</p>" for t in BODY[:3])
    rest = "".join(f"<p>{t}</p>" for t in BODY[3:])
    aside = "<div class='sidebar'><div class='ad ad--rail'></div><div class='most-popular'></div></div>"
    html = bare_page(body=f"<article><h1>Council closes old bridge for a year</h1><div class='row'>"
                          f"<div class='{body}'>{first}</div>{aside}</div>"
                          f"<div class='ad full-bleed'><span>Advertisement</span></div>"
                          f"<div class='row'><div class='{body}'>{rest}</div></div></article>")
    text = read_page(html).text
    assert all(t in text for t in BODY)
    assert text.index(BODY[2]) < text.index(BODY[3])


@pytest.mark.parametrize("classes, between, parts", [
    (["story-body", "story-body"], "", 2),  # the same body class twice, one after the other: one split body
    (["story-body", "story-body"], "<div class='ad'><span>Advertisement</span></div>", 2),  # cut by an ad
    (["story-body", "story-body teaser"], "", 0),  # another class list: a teaser of another story, not a part
    (["entry-content", "sidebar"], "", 0),  # one body only
    # a live blog: each entry's body under its own headline, separate pieces
    (["entry-content", "entry-content"], "<h3>Bridge to reopen a month early</h3>", 0),
])
def test_split_body_parts_are_containers_with_the_same_body_class_and_nothing_but_an_ad_between(
        classes, between, parts):
    from generator.ingest.webpage import split_body_parts

    tree = load_html("<html><body>" + between.join(f"<div class='{c}'><p>{BODY[i]}</p></div>" for i, c in
                                                   enumerate(classes)) + "</body></html>")
    assert sum(len(group) for group in split_body_parts(tree)) == parts


@pytest.mark.parametrize("heading, kept", [
    ("<div role='heading' aria-level='3'>More Great Example Stories</div>", False),  # a declared heading
    ("<h3>Related</h3>", False),
    ("<h3>What the council decided</h3>", True),  # a heading of the article's own: its list is the article's
])
def test_a_list_under_a_heading_naming_other_stories_is_furniture(heading, kept):
    teasers = ("<li>The case for <a href='/a'>a quieter city centre</a>. Plus, the <a href='/b'>latest news on "
               "transport</a> from our reporters</li><li>Want to cycle to work? Read our picks for the <a href='/c'>"
               "best bicycles</a>, <a href='/d'>locks</a> and <a href='/e'>lights</a> for the winter</li>")
    body = "".join(f"<p>{t}</p>" for t in BODY)
    html = bare_page(body=f"<article><h1>Council closes old bridge for a year</h1><div class='article-body'>{body}"
                          f"<hr>{heading}<ul>{teasers}</ul></div></article>")
    text = read_page(html).text
    assert all(t in text for t in BODY)
    assert ("best bicycles" in text) is kept


# ------------------------------------------------------- authors and published dates as pages write them (issue 10)

HEADLINE = "<h1>Council closes old bridge for a year</h1>"


def test_the_time_in_the_article_header_wins_over_one_in_a_related_card_under_the_headline():
    header = (f"{HEADLINE}<div class='related-stories'><a href='/old'>Bridge inspection ordered</a>"
              "<time datetime='2019-02-01T09:00:00-05:00'>Feb 1</time></div>"
              "<div class='meta'><time datetime='2019-03-05T10:00:00-05:00'>Today 10:00am</time></div>")
    assert read_page(bare_page(body=article_under(header))).published == dt.date(2019, 3, 5)


def test_the_published_time_wins_over_an_updated_time_written_first():
    head = ("<meta property='og:updated_time' content='2019-03-09T08:00:00-05:00'>"
            "<meta property='article:modified_time' content='2019-03-09T08:00:00-05:00'>"
            "<meta property='article:published_time' content='2019-03-05T10:00:00-05:00'>")
    result = read_page(bare_page(head, article_under(HEADLINE)))
    assert result.published == dt.date(2019, 3, 5)
    assert dict(result.origins)["published"] == "meta date"


def test_the_article_of_a_json_ld_graph_wins_over_its_web_page():
    head = json_ld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://example.com/a#page", "datePublished": "2019-03-09"},
        {"@type": "NewsArticle", "headline": "Council closes old bridge for a year", "datePublished": "2019-03-05",
         "author": {"@type": "Person", "name": "Jane Roe"}},
    ]})
    result = read_page(bare_page(head, article_under(HEADLINE)))
    assert (result.author, result.published) == ("Jane Roe", dt.date(2019, 3, 5))


def test_a_news_article_nested_as_the_main_entity_of_a_web_page():
    head = json_ld({"@context": "https://schema.org", "@type": "WebPage", "name": "Example Gazette",
                    "mainEntity": {"@type": "NewsArticle", "headline": "Council closes old bridge for a year",
                                   "datePublished": "2019-03-05T10:00:00-05:00",
                                   "author": [{"@type": "Person", "name": "Jane Roe"}]}})
    result = read_page(bare_page(head, article_under(HEADLINE)))
    assert (result.author, result.published) == ("Jane Roe", dt.date(2019, 3, 5))
    assert dict(result.origins)["published"] == "JSON-LD"


def test_microdata_author_with_a_nested_name_and_a_published_date_written_as_text():
    header = (f"{HEADLINE}<div itemprop='author' itemscope itemtype='https://schema.org/Person'>By "
              "<span itemprop='name'>Jane Roe</span></div>"
              "<span class='when' itemprop='datePublished'>March 5, 2019</span>")
    result = read_page(bare_page(body=article_under(header)))
    assert (result.author, result.published) == ("Jane Roe", dt.date(2019, 3, 5))
    assert dict(result.origins)["published"] == "microdata"


def test_a_rel_author_link_names_the_author_when_the_meta_author_is_the_site_or_an_address():
    for meta in ("The Daily Example", "https://www.facebook.com/dailyexample"):
        head = (f"<meta name='author' content='{meta}'>"
                "<link rel='canonical' href='https://www.dailyexample.com/news/bridge'>")
        header = f"{HEADLINE}<p>By <a rel='author' href='/staff/jroe'>Jane Roe</a></p>"
        assert read_page(bare_page(head, article_under(header))).author == "Jane Roe", meta


def test_the_meta_author_that_is_only_the_site_name_is_the_author_when_no_person_is_named():
    head = ("<meta name='author' content='The Daily Example'>"
            "<link rel='canonical' href='https://www.dailyexample.com/news/bridge'>")
    assert read_page(bare_page(head, article_under(HEADLINE))).author == "The Daily Example"


@pytest.mark.parametrize("byline, people, outlets", [
    ("By Jane Roe and John Doe", ["Jane Roe", "John Doe"], []),
    ("By Staff", [], []),
    ("By Jane Roe, Staff Writer", ["Jane Roe"], []),
    # a news agency is kept as the author when no person is named (and passed over when one is)
    ("By The Associated Press", [], ["The Associated Press"]),
    ("Reuters Staff", [], ["Reuters"]),
    ("Jane Roe and John Doe, Associated Press Writers", ["Jane Roe", "John Doe"], ["Associated Press"]),
    ("By Jane Roe, The Canadian Press", ["Jane Roe"], ["The Canadian Press"]),
    ("By The Daily Example", [], ["The Daily Example"]),
    # the date written after the names goes, from its label or from the date
    ("By Jane Roe Updated 3:45 PM ET, June 4, 2019", ["Jane Roe"], []),
    ("By Jane Roe and John Doe on 4 June 2019", ["Jane Roe", "John Doe"], []),
    ("Jane Roe Posted: 06/04/2019", ["Jane Roe"], []),
    ("Reuters Updated: January 16, 2020", [], ["Reuters"]),
    # a role after the name with no comma goes; a name is left whole
    ("By Jane Roe Senior Political Reporter", ["Jane Roe"], []),
    ("By JANE ROE Staff Writer and JOHN DOE Correspondent", ["JANE ROE", "JOHN DOE"], []),
    ("By Jane Business", ["Jane Business"], []),
])
def test_byline_parts_people_agencies_and_the_site(byline, people, outlets):
    assert split_authors(byline, ["dailyexample"]) == (people, outlets)


def test_a_link_to_the_authors_page_names_the_author():
    header = (f"{HEADLINE}<p class='meta'>Story: <a href='https://example.com/author/jane-roe/'>Jane Roe</a> · "
              "<a href='/author/jane-roe/'>More from Jane Roe</a></p>")
    assert read_page(bare_page(body=article_under(header))).author == "Jane Roe"


def test_an_agency_byline_is_the_author_and_a_picture_credit_is_not():
    header = (f"{HEADLINE}<div class='author-wrap'><span class='author'>Reuters</span></div>"
              "<figure><img src='bridge.jpg' alt='The bridge'><figcaption><span class='img-caption'>The old "
              "bridge.</span><span class='img-author'><span itemprop='creator'>John Doe/Reuters files</span></span>"
              "</figcaption></figure>")
    assert read_page(bare_page(body=article_under(header))).author == "Reuters"


@pytest.mark.parametrize("line, author", [
    ("By Jane Roe and John Doe", "Jane Roe, John Doe"),
    ("By Jane Roe, Associated Press", "Jane Roe"),
    ("By Jane Roe | June 4, 2019", "Jane Roe"),
    ("By Tuesday, the council had voted to close the bridge", None),
])
def test_a_byline_line_of_its_own_under_the_headline(line, author):
    header = f"{HEADLINE}<div>{line}</div>"
    assert read_page(bare_page(body=article_under(header))).author == author


def test_a_byline_label_in_its_own_element_is_read_with_the_name_after_it():
    header = f"{HEADLINE}<div><span class='sub'>By: <a href='/id/1'>Jane Roe</a></span></div>"
    assert read_page(bare_page(body=article_under(header))).author == "Jane Roe"


def test_a_published_line_with_a_time_before_the_date_is_the_dateline():
    header = f"{HEADLINE}<div class='meta'>Published 3:45 PM ET Tue, 4 June 2019</div>"
    result = read_page(bare_page(body=article_under(header)))
    assert result.published == dt.date(2019, 6, 4)
    assert dict(result.origins)["published"] == "dateline under the headline"


def test_a_hidden_date_under_the_headline_is_not_the_dateline():
    header = (f"{HEADLINE}<div style='display:none'>Current DateTime: 08:48:59 23 Sep 2011</div>"
              "<div class='meta'>Wednesday, 21 Sep 2011 | 4:35 PM ET</div>")
    assert read_page(bare_page(body=article_under(header))).published == dt.date(2011, 9, 21)


def test_the_dateline_is_read_under_the_story_headline_not_under_a_blog_name_in_an_h1():
    header = ("<h1>Commuter Diary</h1><div class='recent'><a href='/a'>Buses run late again, March 1, 2019</a></div>"
              f"{HEADLINE}<div class='meta'>March 5, 2019</div>")
    head = "<title>Council closes old bridge for a year</title>"
    assert read_page(bare_page(head, article_under(header))).published == dt.date(2019, 3, 5)


def test_a_utc_timestamp_gives_way_to_the_local_day_the_page_shows():
    head = "<meta property='article:published_time' content='2019-03-06T02:25:54+00:00'>"
    header = f"{HEADLINE}<p class='byline-date'>March 5, 2019 | 9:25pm</p>"
    assert read_page(bare_page(head, article_under(header))).published == dt.date(2019, 3, 5)
    # a timestamp in the site's own time zone stands, and so does a UTC one whose day the page does not contradict
    local = "<meta property='article:published_time' content='2019-03-06T02:25:54-05:00'>"
    assert read_page(bare_page(local, article_under(header))).published == dt.date(2019, 3, 6)
    assert read_page(bare_page(head, article_under(HEADLINE))).published == dt.date(2019, 3, 6)


def test_a_headline_in_a_container_that_also_holds_the_article_is_the_headline_whatever_its_class():
    body = "".join(f"<p>{t}</p>" for t in BODY)
    html = bare_page(body=f"<div class='box article modal-enabled'>{HEADLINE}<p class='byline-date'>March 5, 2019"
                          f"</p><div class='article-body'>{body}</div></div>")
    result = read_page(html)
    assert (result.published, dict(result.origins)["published"]) == (dt.date(2019, 3, 5), "dateline under the headline")


def test_a_date_field_in_the_article_details_dates_the_page_before_a_teaser_date():
    details = ("<ul class='smallList'><li><strong>Date</strong> 10.06.2013</li><li><strong>Author</strong> Jane Roe"
               "</li></ul><div class='col'><span class='date'>01.08.2019</span> <a href='/x'>Wine festival</a></div>")
    result = read_page(bare_page(body=article_under("<header>Council closes old bridge for a year</header>") + details))
    assert (result.published, result.author) == (dt.date(2013, 6, 10), "Jane Roe")
    assert dict(result.origins)["published"] == "labelled date"
    events = "<div class='sidebar'><ul><li><b>Date</b> 12.12.2019</li><li><b>Venue</b> Town hall</li></ul></div>"
    html = bare_page(body=article_under("<header>Council closes old bridge for a year</header>") + events)
    assert dict(read_page(html).origins).get("published") != "labelled date"  # an events box's date


@pytest.mark.parametrize("url, published", [
    ("https://www.example.com/2019/03/05/council-closes-bridge/", dt.date(2019, 3, 5)),
    ("https://www.example.com/news/2019-03-05-council-closes-bridge", dt.date(2019, 3, 5)),
    ("https://www.example.com/news/council-closes-bridge-12345", None),
    ("https://www.example.com/2019/13/45/council-closes-bridge/", None),
])
def test_the_date_in_the_address_is_the_last_resort(url, published):
    from generator.ingest.webpage import url_date

    assert url_date(url) == published


def test_a_membership_offer_and_the_benefits_listed_under_it_are_furniture():
    offer = ["Join now or renew to get:", "— Instant access to our special reports",
             "— Local news from the towns along the river", "• Members-only events and invitations"]
    kept, _ = clean_lines(lines(*BODY[:3], *offer))
    assert [text for _, text in kept] == BODY[:3]


def test_a_bracketed_list_of_picture_credits_leaves_the_paragraph_it_sits_in():
    line = (f"{BODY[0]} [Top Image: Jane Roe, Map Image: Example Photos / Agency, Bridge: John Doe]"
            "Drivers were told to use the ring road.")
    kept, _ = clean_lines(lines(line, BODY[1]))
    assert [text for _, text in kept] == [f"{BODY[0]} Drivers were told to use the ring road.", BODY[1]]


@pytest.mark.parametrize("meta, published", [
    ("<meta property='og:article:published_time' content='2019-03-05T10:00:00-05:00'>", dt.date(2019, 3, 5)),
    ("<meta name='publish_date' content='Tue, 05 Mar 2019 08:10:27 EST'>", dt.date(2019, 3, 5)),
    ("<meta name='citation_publication_date' content='2019/03/05'>", dt.date(2019, 3, 5)),
    ("<meta name='date' content='05/03/2019'>", None),  # day or month first? htmldate's to read
])
def test_published_dates_under_other_meta_names_and_written_as_text(meta, published):
    from generator.ingest.webpage import meta_values, parse_page_date, rules

    tree = load_html(bare_page(meta, article_under(HEADLINE)))
    values = meta_values(tree)
    found = next((parse_page_date(v) for name in rules()["date_meta"] for v in values.get(name, [])), None)
    assert found == published


@pytest.mark.parametrize(("block", "expected"), [
    ("<div><h2>More from Politics</h2><ul><li><a href='/a'>Bridge reopens</a></li></ul></div>", True),
    ("<section><h4>Related</h4><p><a href='/b'>Mayor resigns</a></p></section>", True),
    ("<div><h2>The council's plan</h2><p>The council voted on Monday.</p></div>", False),  # not about other stories
    ("<div><p>The council voted.</p><h2>More stories</h2></div>", False),  # a paragraph comes first
    ("<div><h1>More stories</h1><ul><li><a href='/c'>Storm</a></li></ul></div>", False),  # an <h1> is no such heading
    ("<div><p role='heading'>More stories</p><ul><li><a href='/d'>Storm</a></li></ul></div>", False),  # first block a <p>
    ("<article><h2>More stories</h2></article>", False),  # not a section tag
])
def test_a_block_opened_by_a_heading_naming_other_stories_is_a_headed_section(block, expected):
    from generator.ingest.webpage import is_headed_section, rules

    node = load_html(f"<html><body>{block}</body></html>").find("body")[0]
    assert is_headed_section(node, rules()["furniture_markup"]) is expected


@pytest.mark.parametrize(("heading", "expected"), [
    ("<h3>More Great Stories</h3>", True),
    ("<div role='heading'>Related</div>", True),  # declared a heading
    ("<h1>Related</h1>", False),  # an <h1> is the page's headline, not a list's heading
    ("<div>Related</div>", False),
    ("<h2>Council votes</h2>", False),
])
def test_a_heading_naming_other_stories(heading, expected):
    from generator.ingest.webpage import names_other_stories, rules

    node = load_html(f"<html><body>{heading}</body></html>").find("body")[0]
    assert names_other_stories(node, rules()["furniture_markup"]) is expected
