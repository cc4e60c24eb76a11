"""Metadata found in an article's text: headline, byline (outlet or author) and dateline.

Works on the article's lines after web furniture is removed. Given metadata (front matter,
sources.yaml, the date marker, HTML metadata) always wins over what is found here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from generator.model import Metadata
from generator.rules import load_rules

CLOSERS = "'\"’”)]»"
OPENERS = "'\"‘“([«"
# A title does not end like a sentence, a list item or a teaser; "?" is allowed ("Is the war ending?").
NOT_TITLE_END = ".!,;:…"

# What may follow the date on a byline line: a time, a time zone, then perhaps "| 3 min read".
# Case-sensitive so that an ordinary word is never taken for a time zone.
BYLINE_REST = re.compile(
    r"[\s,|·•–—-]*"
    r"(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[aApP]\.?[mM]\.?)?)?\s*"
    r"(?:\(?(?:[A-Z]{2,5})(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?\s*"
    r"(?:[|·•–—-]\s*[^.!?]{0,40})?"
)
BYLINE_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[aApP]\.?[mM]\.?)?\s*(?:[A-Z]{2,5})?[\s,|·•–—-]*$")
BYLINE_SEPARATORS = re.compile(r"^[\s,|·•–—:-]+|[\s,|·•–—:-]+$")
NAME_SPLIT = re.compile(r"\s*[|·•]\s*")
MAX_BYLINE_WORDS = 20
# End punctuation, closing quotes, then a capital: a sentence may end here.
SENTENCE_END = re.compile(rf"[.!?…]+[{re.escape(CLOSERS)}]*(?=\s+[{re.escape(OPENERS)}]?[A-Z0-9])")


@dataclass(frozen=True)
class Byline:
    """A byline line: who wrote or published the article, and when."""

    text: str
    published: dt.date | None = None
    outlet: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Inference:
    """Metadata for one article: given values, completed with what its text shows."""

    metadata: Metadata
    origins: tuple[tuple[str, str], ...]  # (field, where it came from), sorted by field
    taken: tuple[tuple[int, str], ...]  # (line index, "headline" | "byline"): lines that leave the body


def rules() -> Any:
    return load_rules("metadata")


# ------------------------------------------------------------------ titles


def looks_like_title(line: str, max_words: int = 16, min_words: int = 1) -> bool:
    """A short line that starts like a title and does not end like a sentence."""
    words = line.split()
    if not min_words <= len(words) <= max_words:
        return False
    core = line.rstrip(CLOSERS + " ")
    if not core or core[-1] in NOT_TITLE_END:
        return False
    first = line.lstrip(OPENERS + " ")[:1]
    return first.isupper() or first.isdigit()


def looks_like_headline(line: str) -> bool:
    """A title-like first line with some words in it (not "8/2/13 at 1:30 PM")."""
    limits = rules()["headline"]
    words = sum(1 for word in re.findall(r"[^\W\d_]+", line) if len(word) >= 3)
    return (
        len(line) <= limits["max_chars"]
        and words >= limits["min_long_words"]
        and looks_like_title(line, limits["max_words"], limits["min_words"])
    )


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph (the whole paragraph if it has one sentence)."""
    abbreviations = set(rules()["abbreviations"])
    for match in SENTENCE_END.finditer(text):
        before = text[: match.start()].split()
        word = before[-1].lstrip(OPENERS).casefold() if before else ""
        # "Mr. Putin", "J. K. Rowling", "U.S. officials": a period that does not end the sentence.
        if match.group().startswith(".") and (word in abbreviations or len(word) == 1 or "." in word):
            continue
        return text[: match.end()]
    return text


def shorten_title(sentence: str, limit: int | None = None) -> str:
    """A sentence as a title: without its final period, cut at a word boundary near ``limit`` with "…"."""
    config = rules()["title"]
    limit = limit or config["max_chars"]
    if len(sentence) <= limit:
        return sentence[:-1] if sentence.endswith(".") and not sentence.endswith("..") else sentence
    words = sentence[: limit + 1].split()
    if len(words) > 1 and not sentence[limit:limit + 1].isspace():
        words = words[:-1]  # the last word was cut in the middle
    dangling = set(config["dangling_words"])
    while len(words) > 3 and words[-1].casefold().strip(",;:") in dangling:
        words.pop()
    return " ".join(words).rstrip(" ,;:–—-") + "…"


def same_title(a: str, b: str) -> bool:
    """Whether two titles are the same headline (one may carry a " | Site" suffix)."""
    key_a, key_b = (re.sub(r"\W+", "", s.casefold()) for s in (a, b))
    return bool(key_a and key_b) and (key_a.startswith(key_b) or key_b.startswith(key_a))


# ------------------------------------------------------------------- dates


@lru_cache(maxsize=1)
def date_pattern() -> re.Pattern[str]:
    """Dates as bylines write them: "February 27, 2025", "27 Feb 2025", "Thursday 27 February 2025", "2025-02-27"."""
    month = "|".join(sorted(rules()["months"], key=len, reverse=True))
    weekday = "|".join(sorted(rules()["weekdays"], key=len, reverse=True))
    return re.compile(
        rf"(?:(?:{weekday})\.?,?\s+)?"
        rf"(?:(?P<m1>{month})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
        rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{month})\.?,?\s+(?P<y2>\d{{4}})"
        rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))\b",
        re.IGNORECASE,
    )


def date_of(match: re.Match[str]) -> dt.date | None:
    """The calendar date of a ``date_pattern`` match; None for an impossible date (February 30)."""
    months = rules()["months"]
    for n in "123":
        if match.group(f"y{n}"):
            month = match.group(f"m{n}")
            number = int(month) if month.isdigit() else months[month.casefold()]
            try:
                return dt.date(int(match.group(f"y{n}")), number, int(match.group(f"d{n}")))
            except ValueError:
                return None
    return None


def parse_date(text: str) -> dt.date | None:
    """The date written as the whole of ``text`` (e.g. "Feb 27, 2025"), or None."""
    match = date_pattern().fullmatch(text.strip())
    return date_of(match) if match else None


# ----------------------------------------------------------------- bylines


def byline_names(prefix: str) -> tuple[str | None, str | None] | None:
    """(outlet, author) from the words before a byline's date; None if they do not read like a name."""
    config = rules()["byline"]
    labels = "|".join(sorted(map(re.escape, config["labels"]), key=len, reverse=True))
    name = BYLINE_TIME.sub("", prefix.rstrip(" ,|·•–—-"))  # "10:24 AM, Mon 22 Jul 2013"
    name = re.sub(rf"(?:^|\s|[|·•])(?:{labels})(?:\s+(?:on|at))?\s*:?$", "", name, flags=re.IGNORECASE)
    labelled = name.rstrip().endswith(":")  # "End of Watch: Friday, June 24, 2005": a label, not a name
    name = BYLINE_SEPARATORS.sub("", name)
    if not name or labelled:
        return None, None
    words = name.split()
    # Names are capitalised at both ends: "In Moscow on" is part of a sentence, not a name.
    if len(words) > config["max_name_words"] or re.search(r"[\d!?;\"“”]", name) or not (
        name[0].isupper() and words[-1][0].isupper()
    ):
        return None
    parts = [part for part in NAME_SPLIT.split(name) if part]
    by = config["author_prefix"] + " "
    if parts[0].casefold().startswith(by):
        return (parts[1] if len(parts) > 1 else None), parts[0][len(by):].strip() or None
    if len(parts) == 1 and prefix.rstrip().endswith(","):
        return None, None  # "MOSCOW, February 27, 2025": a place dateline, not an outlet
    return parts[0], None


def parse_byline(line: str) -> Byline | None:
    """A line holding only a name and a date ("FP News Desk February 27, 2025, 18:56:48 IST"), or None."""
    if len(line.split()) > MAX_BYLINE_WORDS:
        return None
    match = date_pattern().search(line)
    if not match or not BYLINE_REST.fullmatch(line[match.end():]):
        return None
    published = date_of(match)
    names = byline_names(line[: match.start()])
    if published is None or names is None:
        return None
    outlet, author = names
    return Byline(text=line, published=published, outlet=outlet, author=author)


def find_byline(lines: Sequence[str]) -> tuple[int, Byline] | None:
    """The first byline among the top lines of an article."""
    for index, line in enumerate(lines[: rules()["byline"]["window"]]):
        byline = parse_byline(line)
        if byline:
            return index, byline
    return None


# --------------------------------------------------------------- inference


def infer_metadata(
    lines: Sequence[str],
    given: Metadata = Metadata(),
    given_origins: Sequence[tuple[str, str]] = (),
    fallback_title: str = "",
) -> Inference:
    """Complete ``given`` with the headline, byline and dateline found in the article's ``lines``.

    A byline is always taken out of the body; the first line is taken out as the headline when it
    reads like one and no other title is given (or it repeats the given title).
    """
    found: dict[str, Any] = {}
    how: dict[str, str] = {}
    taken: dict[int, str] = {}

    hit = find_byline(lines)
    if hit:
        index, byline = hit
        taken[index] = "byline"
        for name, value, origin in (
            ("published", byline.published, "dateline"),
            ("outlet", byline.outlet, "byline"),
            ("author", byline.author, "byline"),
        ):
            if value is not None:
                found[name], how[name] = value, origin

    first = next((i for i in range(len(lines)) if i not in taken), None)
    if first is not None and looks_like_headline(lines[first]):
        if given.title is None or same_title(given.title, lines[first]):
            taken[first] = "headline"
            found["title"], how["title"] = lines[first], "headline"
    if given.title is None and "title" not in found:
        body = [line for i, line in enumerate(lines) if i not in taken]
        if body:
            found["title"], how["title"] = shorten_title(first_sentence(body[0])), "first sentence"
        elif fallback_title:
            found["title"], how["title"] = fallback_title, "file name"

    given_from = dict(given_origins)
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for field in fields(Metadata):
        value = getattr(given, field.name)
        if value is not None:
            values[field.name], origins[field.name] = value, given_from.get(field.name, "given")
        elif field.name in found:
            values[field.name], origins[field.name] = found[field.name], how[field.name]
    return Inference(Metadata(**values), tuple(sorted(origins.items())), tuple(sorted(taken.items())))
