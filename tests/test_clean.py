"""CLEAN stage: web furniture, paragraphs, and the five real seed articles."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.ingest.clean import (
    build_paragraphs,
    clean_document,
    clean_documents,
    compile_rule,
    furniture_rules,
    remove_furniture,
)
from generator.errors import ConfigError
from generator.ingest.load import read_sources
from generator.model import Metadata, Paragraph, RawDocument, Removed
from generator.rules import load_rules

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
SEEDS = Path(__file__).parent.parent / "seeds"
BEFORE = "Officials said the talks would resume next week."
AFTER = "The mediator said progress was slow."


def raw(text: str, given: Metadata = Metadata(), doc_id: str = "doc") -> RawDocument:
    return RawDocument(id=doc_id, path=f"{doc_id}.txt", format="txt", text=text, given=given)


# ------------------------------------------------------------------ furniture


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # from the seeds
        ("Advertisement", "advertisement"),
        ("STORY CONTINUES BELOW THIS AD", "advertisement"),
        ("skip to main content", "navigation"),
        ("QUICK LINKS", "navigation"),
        ("Home Video Shorts Live TV", "menu"),
        ("READ MORE", "read more"),
        ("Trending:", "trending"),
        ("With inputs from agencies", "agency credit"),
        ("Article by:Source:", "empty label"),
        ("Reuters File", "photo credit"),
        # the same kinds, as other sites write them
        ("ADVERTISEMENT", "advertisement"),
        ("Advertisement - Scroll to continue", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Continue reading the main story", "advertisement"),
        ("Skip to content", "navigation"),
        ("Jump to navigation", "navigation"),
        ("Back to top", "navigation"),
        ("News | World | Business | Sport", "menu"),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("Sign up for our newsletter", "newsletter"),
        ("Get our free Morning Briefing newsletter", "newsletter"),
        ("Subscribe now", "subscribe"),
        ("Get the latest headlines delivered straight to your inbox.", "subscribe"),
        ("Subscribe to continue reading", "subscribe"),
        ("Related:", "read more"),
        ("Also read: Putin says first contacts give hope", "read more"),
        ("You may also like", "read more"),
        ("Trending Now", "trending"),
        ("Share this article", "share"),
        ("Share on Facebook", "share"),
        ("Follow us on X", "follow us"),
        ("Follow Example News on Google News for the latest updates", "follow us"),
        ("Download the Example News app for breaking news alerts", "follow us"),
        ("Click here to read the full statement", "click here"),
        ("We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.", "cookie notice"),
        ("Accept all cookies", "cookie notice"),
        ("Cookie settings", "cookie notice"),
        ("Listen to this article", "listen"),
        ("Listen to this article · 5 min", "listen"),
        ("4 min read", "listen"),
        ("Image caption, Vladimir Putin addresses the FSB board in Moscow", "caption"),
        ("File photo of the Kremlin in Moscow.", "caption"),
        ("Image source, Getty Images", "photo credit"),
        ("Getty Images", "photo credit"),
        ("Photo: AP", "photo credit"),
        ("(AP Photo/Evan Vucci)", "photo credit"),
        ("Sergei Bobylev/TASS via Getty Images", "photo credit"),
        ("Photograph: Alexander Kazakov/Sputnik/AFP", "photo credit"),
        ("AFP/File", "photo credit"),
        ("(With inputs from PTI)", "agency credit"),
        ("(Reporting by Guy Faulconbridge; Editing by Andrew Osborn)", "agency credit"),
        ("Additional reporting by Max Seddon in Riga", "agency credit"),
        ("(This story has not been edited by Example staff and is auto-generated from a syndicated feed.)", "agency credit"),
        ("Tags:", "empty label"),
        ("Copyright 2025 Example News. All rights reserved.", "copyright"),
        ("© 2025 Example Media Ltd", "copyright"),
        # a longer notice opening with the sign and the year (written for these tests, like every line here)
        ("© 2024, ExampleNews.com. This story is the copyrighted property of Example News. Written permission must "
         "be obtained before it is reprinted online or in print. Copying our work without permission or payment "
         "is theft.", "copyright"),
        ("Advertise with us! We offer flexible digital packages that put your brand in front of thousands of "
         "readers at home and abroad every day. Contact our sales team at ads@example.com.", "advertisement"),
        # the same with Cyrillic look-alike letters in its words (а е і о с у ѕ)
        ("Аdvеrtіѕе wіth uѕ tоdау! Yоur brаnd іn frоnt оf thоuѕаndѕ оf rеаdеrѕ еvеrу dау.", "advertisement"),
        # a paywall's prompt where the story stops
        ("To read the full story, please subscribe to The Daily Example. Choose a yearly plan or a weekly pass.",
         "paywall"),
        ("If you are seeing this message but you are already a subscriber, please log in to read on.", "paywall"),
        ("When you become a member of The Daily Example, you'll get unlimited access to our reporting, "
         "newsletters and events in your town.", "paywall"),
        ("New subscribers receive a free welcome gift with their first order!", "paywall"),
        ("* * *", "separator"),
        # a broadcast's hand-over to its reporter and the reporter's sign-off
        ("Jane Roe has more.", "byline"),
        ("Tom Whitfield reports.", "byline"),
        ("Jane Roe, Metro Radio News.", "byline"),
        ("![Putin at the FSB](https://example.com/photo.jpg)", "image"),
        ("<img src='https://example.com/photo.jpg'>", "image"),
    ],
)
def test_remove_furniture_removes_whole_furniture_lines(line, rule):
    kept, removed = remove_furniture(f"{BEFORE}\n{line}\n{AFTER}")
    assert kept == (BEFORE, AFTER)
    assert removed == (Removed(line, rule),)


@pytest.mark.parametrize(
    ("text", "kept", "removed"),
    [
        (
            f'{BEFORE}\n<image>data:image/s3,"s3://x/y" alt=""</image>',
            (BEFORE,),
            (Removed('<image>data:image/s3,"s3://x/y" alt=""</image>', "image"),),
        ),
        (
            f"{BEFORE}\n<x:image>data:image/png;base64,AAAA</x:image>",
            (BEFORE,),
            (Removed("<x:image>data:image/png;base64,AAAA</x:image>", "image"),),
        ),
        (
            "Talks resumed ![map](data:image/png;base64,iVBORw0KGgo=) in Geneva.",
            ("Talks resumed in Geneva.",),
            (Removed("![map](data:image/png;base64,iVBORw0KGgo=)", "image"),),
        ),
        (
            'Before <img src="data:image/gif;base64,R0lGOD"> after.',
            ("Before after.",),
            (Removed('<img src="data:image/gif;base64,R0lGOD">', "image"),),
        ),
    ],
)
def test_remove_furniture_removes_inline_data_images(text, kept, removed):
    assert remove_furniture(text) == (kept, removed)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said the advertisement was misleading and withdrew it.",
        "Advertisement revenue fell 20% last year, the company said.",
        "Subscribers to the newsletter received the leaked memo on Thursday.",
        "Sign up for the draft was slower than expected, officials said.",
        "Share prices in Moscow rose after the talks.",
        "Follow the money, the prosecutor told the jury.",
        "Reuters reported that the talks lasted six hours.",
        "Getty Images photographers were barred from the room.",
        "Photos by the agency showed damaged buildings in Kharkiv.",
        "Video footage showed the delegation leaving the consulate.",
        "Copyright lawyers said the ruling would be appealed.",
        "New subscribers will get a discount of 20 percent, the company said.",
        "To read the full report, investors must register with the regulator, she said.",
        "Companies that advertise with the network will pay more next year, the report said.",
        "Реклама в газетах выросла на пять процентов, сообщил министр.",
        "Related talks in Riyadh ended without a statement.",
        "Read more about the deal in the ministry's report, he told reporters.",
        "Trending topics on Russian social media included the talks.",
        "Home is where the front line is now, one soldier said.",
        "He said:",
        "Skip the small talk, he told the delegates.",
        "The Kremlin said the contacts “inspire certain hopes”.",
        "Annexed Ukrainian territory 'non-negotiable' - Moscow",
        "Vladimir Putin said 'there is a reciprocal mood to work to restore' ties",
        "Jane Roe has more than 20 years of experience.",  # not a hand-over: the line goes on
        "Tom Whitfield reports to the board every month.",
        "Jane Roe, a nurse, said the ward was full.",  # a name, a comma: not a sign-off without a news word
    ],
)
def test_remove_furniture_keeps_real_sentences(sentence):
    assert remove_furniture(f"{BEFORE}\n{sentence}\n{AFTER}") == ((BEFORE, sentence, AFTER), ())


@pytest.mark.parametrize(
    ("text", "kept", "removed"),
    [
        # a "read more" heading takes the link titles under it, up to the next real paragraph
        (
            f"{BEFORE}\n\nRead more:\nTrump says meeting could be 'very soon'\nIs the war ending?\nLatest stories\n\n\n{AFTER}",
            (BEFORE, AFTER),
            ("Read more:", "Trump says meeting could be 'very soon'", "Is the war ending?", "Latest stories"),
        ),
        (f"{BEFORE}\n\nREAD MORE\n\n{AFTER}", (BEFORE, AFTER), ("READ MORE",)),
        # a newsletter promo takes its tagline, and nothing else
        (
            f"Sign up to the Moscow Briefing newsletter\nYour essential guide to Russian politics, every morning\n{BEFORE}",
            (BEFORE,),
            ("Sign up to the Moscow Briefing newsletter", "Your essential guide to Russian politics, every morning"),
        ),
        (
            f"Unlock the White House Watch newsletter for free\nTalks resume in Geneva\n{BEFORE}",
            ("Talks resume in Geneva", BEFORE),
            ("Unlock the White House Watch newsletter for free",),
        ),
        # "Trending:" is a label: the headline under it stays
        (f"Trending:\n\nTalks resume in Geneva\n\n{BEFORE}", ("Talks resume in Geneva", BEFORE), ("Trending:",)),
        # a caption scraped twice: both copies go
        (
            f"{BEFORE}\nThe delegation leaves the consulate in Istanbul\nThe delegation leaves the consulate in Istanbul\n{AFTER}",
            (BEFORE, AFTER),
            ("The delegation leaves the consulate in Istanbul", "The delegation leaves the consulate in Istanbul"),
        ),
        # a sentence scraped twice: one copy stays
        (f"{BEFORE}\n\n{BEFORE}\n{AFTER}", (BEFORE, AFTER), (BEFORE,)),
        ("US President Donald Trump and Vladimir Putin. Reuters File\n" * 2 + AFTER, (AFTER,), ("US President Donald Trump and Vladimir Putin. Reuters File",) * 2),
    ],
)
def test_remove_furniture_blocks_and_repeats(text, kept, removed):
    got_kept, got_removed = remove_furniture(text)
    assert got_kept == kept
    assert tuple(record.text for record in got_removed) == removed


def test_remove_furniture_keeps_one_copy_of_a_repeated_paragraph():
    paragraph = " ".join(["Officials said the talks would resume next week in Geneva."] * 5)
    assert remove_furniture(f"{paragraph}\n{paragraph}") == ((paragraph,), (Removed(paragraph, "duplicate"),))


def test_furniture_rules_compile_and_are_cached():
    rules = furniture_rules()
    assert rules and all(rule.name for rule in rules)
    assert load_rules("furniture") is load_rules("furniture")


@pytest.mark.parametrize(
    "spec",
    [
        {"name": "bad", "pattern": "(unclosed"},
        {"name": "x", "exactly": ["a"]},
        {"pattern": "a"},
        {"name": "v", "pattern": "{{nope}}"},
        {"name": "r", "repeated": True},
    ],
)
def test_compile_rule_rejects_bad_rules(spec):
    with pytest.raises(ConfigError):
        compile_rule(spec, {})


# ------------------------------------------------------------------ paragraphs


def test_build_paragraphs_offsets_point_into_the_text():
    text, paragraphs = build_paragraphs(["One.", "Two and three."])
    assert text == "One.\n\nTwo and three."
    assert paragraphs == (Paragraph(0, 0, 4, "One."), Paragraph(1, 6, 20, "Two and three."))


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("First line here.\nSecond line here.", ("First line here.", "Second line here.")),
        ("First line here.\n\n\n  Second   line\u00a0here. \t\n", ("First line here.", "Second line here.")),
        ("“Quoted,” he said – it's ‘odd’ & <b>so</b>.", ("“Quoted,” he said – it's ‘odd’ & <b>so</b>.",)),
    ],
)
def test_clean_document_makes_one_paragraph_per_line(text, paragraphs):
    source = clean_document(raw(text))
    assert tuple(p.text for p in source.paragraphs) == paragraphs
    assert source.text == "\n\n".join(paragraphs)
    assert all(source.text[p.start:p.end] == p.text for p in source.paragraphs)


def test_clean_document_given_metadata_wins_over_the_text():
    given = Metadata(title="Given title", outlet="Given outlet", published=dt.date(2025, 3, 1))
    doc = RawDocument(
        id="doc", path="doc.md", format="md", text=f"Talks resume\nFP News Desk February 27, 2025\n{BEFORE}",
        given=given, origins=(("outlet", "sources.yaml"), ("published", "front matter"), ("title", "front matter")),
    )
    source = clean_document(doc)
    assert (source.title, source.outlet, source.published) == ("Given title", "Given outlet", dt.date(2025, 3, 1))
    assert source.origins == (("outlet", "sources.yaml"), ("published", "front matter"), ("title", "front matter"))
    # the differing short first line is kept; the byline is furniture either way
    assert source.text == f"Talks resume\n\n{BEFORE}"
    assert source.removed == (Removed("FP News Desk February 27, 2025", "byline"),)


def test_clean_document_keeps_a_lone_headline_as_text():
    source = clean_document(raw("Advertisement\nTalks resume in Geneva\nFebruary 27, 2025"))
    assert (source.title, source.text, source.published) == ("Talks resume in Geneva", "Talks resume in Geneva", dt.date(2025, 2, 27))


@pytest.mark.parametrize("fixture", ["only_furniture.txt", "empty_page.html"])
def test_documents_without_article_text_are_skipped(tmp_path, fixture):
    from generator.ingest.clean import clean_sources
    from generator.ingest.load import load_sources

    shutil.copy(FIXTURES / fixture, tmp_path / fixture)
    loaded = load_sources(tmp_path)
    cleaned = clean_sources(loaded.documents)
    (skipped,) = loaded.skipped + cleaned.skipped
    assert cleaned.sources == ()
    assert skipped.path == fixture and "no article text" in skipped.message


# ------------------------------------------------------------------ the real seeds

SEED_FURNITURE = [
    "Unlock the White House Watch newsletter",
    "Your guide to what the 2024 US election means",
    "READ MORE",
    "skip to main content",
    "STORY CONTINUES BELOW THIS AD",
    "Advertisement",
    "QUICK LINKS",
    "Home Video Shorts",
    "Article by:",
    "data:image",
    "image>",
    "Reuters File",
    "Read more:",
    "Trump says meeting with Putin could be 'very soon'",
    "Unlikely Ukraine will get all land back",
    "Latest Ukraine stories",
    "A van carrying Russia's delegation",
    "Trending:",
    "With inputs from agencies",
    "FP News Desk",
    " date 2025",
]


@pytest.fixture(scope="module")
def seed_sources():
    return {source.id[:3]: source for source in clean_documents(read_sources(SEEDS))}


def test_seeds_lose_all_their_furniture(seed_sources):
    assert sorted(seed_sources) == ["000", "001", "002", "003", "004"]
    for source in seed_sources.values():
        for furniture in SEED_FURNITURE:
            assert furniture not in source.text, (source.id, furniture)
        assert not source.text.startswith("date ")
        assert all(source.text[p.start:p.end] == p.text and "\n" not in p.text for p in source.paragraphs)


@pytest.mark.parametrize(
    ("seed", "published", "origin"),
    [
        ("000", dt.date(2025, 2, 27), "date marker"),
        ("001", None, None),
        ("002", None, None),
        ("003", dt.date(2025, 2, 27), "dateline"),
        ("004", dt.date(2025, 2, 27), "date marker"),
    ],
)
def test_seeds_publication_dates(seed_sources, seed, published, origin):
    source = seed_sources[seed]
    assert source.published == published
    assert dict(source.origins).get("published") == origin


@pytest.mark.parametrize(
    ("seed", "title", "origin"),
    [
        ("002", "Russia, US talks 'inspire certain hopes', says Putin", "headline"),
        ("003", "'Mutual desire to restore relations': Putin says first contacts with US 'gives hope'", "headline"),
        ("000", "Russia has praised the resumption of contact with the United States and claimed…", "first sentence"),
    ],
)
def test_seeds_titles(seed_sources, seed, title, origin):
    assert seed_sources[seed].title == title
    assert dict(seed_sources[seed].origins)["title"] == origin


def test_seeds_keep_the_article_text(seed_sources):
    assert seed_sources["003"].outlet == "Firstpost"  # the desk byline "FP News Desk" (rules/outlets.yaml)
    assert seed_sources["000"].paragraphs[0].text.startswith("Russia has praised the resumption")
    # the headline is the title and stays the first paragraph (it carries a quote)
    assert seed_sources["002"].paragraphs[0].text == seed_sources["002"].title
    assert seed_sources["002"].paragraphs[1].text.startswith("Russian and US teams have held six hours")
    assert "successor, President Donald Trump" in seed_sources["003"].text  # no-break space collapsed
    assert "Russia’s advance" in seed_sources["000"].text  # typographic apostrophes untouched
    assert [r.rule for r in seed_sources["003"].removed] == [
        "trending", "byline", "advertisement", "caption", "caption", "advertisement", "advertisement",
        "agency credit", "navigation", "menu", "repeated paragraph",
    ]


def test_clean_documents_is_deterministic():
    assert clean_documents(read_sources(SEEDS)) == clean_documents(read_sources(SEEDS))
