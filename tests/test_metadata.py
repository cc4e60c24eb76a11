"""Metadata inference: headlines, bylines, datelines and fallback titles."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.ingest.metadata import (
    Byline,
    first_sentence,
    infer_metadata,
    looks_like_headline,
    parse_byline,
    parse_date,
    shorten_title,
)
from generator.model import Metadata

FEB_27 = dt.date(2025, 2, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 27, 2025", FEB_27),
        ("Feb 27, 2025", FEB_27),
        ("Feb. 27 2025", FEB_27),
        ("Sept 3, 2024", dt.date(2024, 9, 3)),
        ("27 February 2025", FEB_27),
        ("27th of February, 2025", FEB_27),
        ("Thursday 27 February 2025", FEB_27),
        ("Thu, Feb 27, 2025", FEB_27),
        ("2025-02-27", FEB_27),
        ("February 30, 2025", None),
        ("2025-13-01", None),
        ("next Thursday", None),
        ("27/02/2025", None),  # day-first or month-first: ambiguous, not guessed
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "FP News Desk February 27, 2025, 18:56:48 IST",
            Byline("FP News Desk February 27, 2025, 18:56:48 IST", FEB_27, outlet="FP News Desk"),
        ),
        ("By Jane Roe | Updated: 27 Feb 2025", Byline("By Jane Roe | Updated: 27 Feb 2025", FEB_27, author="Jane Roe")),
        (
            "By Jane Roe | Reuters | Feb 27, 2025 10:02 am GMT",
            Byline("By Jane Roe | Reuters | Feb 27, 2025 10:02 am GMT", FEB_27, outlet="Reuters", author="Jane Roe"),
        ),
        ("Published on February 27, 2025", Byline("Published on February 27, 2025", FEB_27)),
        ("Thursday 27 February 2025 18.56 GMT", Byline("Thursday 27 February 2025 18.56 GMT", FEB_27)),
        ("2025-02-27 | 3 min read", Byline("2025-02-27 | 3 min read", FEB_27)),
        ("MOSCOW, February 27, 2025", Byline("MOSCOW, February 27, 2025", FEB_27)),
        ("10:24 AM, Thu 27 Feb 2025", Byline("10:24 AM, Thu 27 Feb 2025", FEB_27)),
        ("End of Watch: Thursday, February 27, 2025", Byline("End of Watch: Thursday, February 27, 2025", FEB_27)),
        ("FOR IMMEDIATE RELEASE February 27, 2025", Byline("FOR IMMEDIATE RELEASE February 27, 2025", FEB_27)),
        # sentences that hold a date are not bylines
        ("In Moscow on February 27, 2025", None),
        ("Russia annexed Crimea on March 18, 2014.", None),
        ("On February 27, 2025, Putin spoke to the FSB.", None),
        ("The deadline is February 27, 2025 and talks continue", None),
        ("Putin said on 12 February 2025 that he hoped for progress", None),
        ("FP News Desk February 30, 2025", None),
        ("FP News Desk", None),
    ],
)
def test_parse_byline(line, expected):
    assert parse_byline(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Russia, US talks 'inspire certain hopes', says Putin", True),
        ("'Mutual desire to restore relations': Putin says first contacts with US 'gives hope'", True),
        ("Is the war in Ukraine about to end?", True),
        ("Talks resume in Geneva", True),
        ("Officials said the talks would resume.", False),
        ("“We are not there yet,” he said.", False),
        ("Ukraine", False),  # one word
        ("8/2/13 at 1:30 PM", False),
        ("Saints place Bush on IR", True),
        ("continued from the previous page", False),
        ("Russia and the US are cosying up, bonding over the Ukraine war, holding meetings to find ways to end the conflict amicably, and more", False),
        ("Putin says:", False),
    ],
)
def test_looks_like_headline(line, expected):
    assert looks_like_headline(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", "One."),
        ("Mr. Putin spoke. Then he left.", "Mr. Putin spoke."),
        ("The U.S. side agreed. Russia did too.", "The U.S. side agreed."),
        ("J. K. Rowling wrote it. Fans cheered.", "J. K. Rowling wrote it."),
        ("He said “no.” Then he left.", "He said “no.”"),
        ("rules and ... ideological cliches. Next.", "rules and ... ideological cliches."),
        ("No full stop here", "No full stop here"),
    ],
)
def test_first_sentence(text, expected):
    assert first_sentence(text) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Both sides see potential for lucrative business ventures.", "Both sides see potential for lucrative business ventures"),
        ("Why now?", "Why now?"),
        (
            "Russia has praised the resumption of contact with the United States and claimed the success of its invasion force.",
            "Russia has praised the resumption of contact with the United States and claimed…",
        ),
        (
            "Putin's remarks came as diplomats of the two countries met in Turkey for talks to resolve disputes over embassies.",
            "Putin's remarks came as diplomats of the two countries met in Turkey for talks to resolve…",
        ),
    ],
)
def test_shorten_title(sentence, expected):
    title = shorten_title(sentence)
    assert title == expected
    assert len(title) <= 91


@pytest.mark.parametrize(
    ("lines", "given", "expected", "origins", "taken"),
    [
        (
            ["Talks resume", "FP News Desk February 27, 2025, 18:56:48 IST", "Officials said so."],
            Metadata(),
            Metadata(title="Talks resume", outlet="FP News Desk", published=FEB_27),
            (("outlet", "byline"), ("published", "dateline"), ("title", "headline")),
            ((0, "headline"), (1, "byline")),
        ),
        (
            ["By Jane Roe | 27 Feb 2025", "Talks resume", "Officials said so."],
            Metadata(),
            Metadata(title="Talks resume", author="Jane Roe", published=FEB_27),
            (("author", "byline"), ("published", "dateline"), ("title", "headline")),
            ((0, "byline"), (1, "headline")),
        ),
        (
            ["Officials said the talks would resume. More later.", "Second."],
            Metadata(),
            Metadata(title="Officials said the talks would resume"),
            (("title", "first sentence"),),
            (),
        ),
        # given metadata wins; a first line repeating the given title still leaves the body
        (
            ["Talks resume | Example", "Reuters February 27, 2025", "Officials said so."],
            Metadata(title="Talks resume", outlet="Example Times", published=dt.date(2025, 3, 1)),
            Metadata(title="Talks resume", outlet="Example Times", published=dt.date(2025, 3, 1)),
            (("outlet", "front matter"), ("published", "front matter"), ("title", "front matter")),
            ((0, "headline"), (1, "byline")),
        ),
        # a short first line that differs from the given title stays in the body
        (
            ["A subheading of sorts", "Officials said so."],
            Metadata(title="Talks resume"),
            Metadata(title="Talks resume"),
            (("title", "front matter"),),
            (),
        ),
    ],
)
def test_infer_metadata(lines, given, expected, origins, taken):
    given_origins = tuple((name, "front matter") for name in ("title", "outlet", "published") if getattr(given, name))
    inference = infer_metadata(lines, given, given_origins)
    assert inference.metadata == expected
    assert inference.origins == origins
    assert inference.taken == taken


def test_infer_metadata_falls_back_to_the_file_name():
    inference = infer_metadata([], Metadata(), fallback_title="000_abc")
    assert inference.metadata.title == "000_abc"
    assert inference.origins == (("title", "file name"),)
