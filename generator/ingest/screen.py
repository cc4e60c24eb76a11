"""Part of the CLEAN stage: which cleaned sources are articles, and which are the same article twice.

- a paragraph repeated verbatim later in an article counts once (the copy is removed, listed as removed);
- a source with too little prose (a login form, a menu, a link list, an error page) is skipped;
- the same article in two files (equal after folding case, spacing and punctuation, or nearly equal:
  wire copy republished) is one source, the other files listed as "also published as".

Thresholds are data: ``generator/rules/input.yaml``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz
from unidecode import unidecode

from generator.model import Removed, Republished, Skipped, Source
from generator.rules import load_rules

log = logging.getLogger(__name__)

NOT_WORD = re.compile(r"[^a-z0-9]+")


def rules() -> dict:
    return load_rules("input")


# ------------------------------------------------------------------ repeated paragraphs


def with_paragraphs(source: Source, lines: Sequence[str], removed: Sequence[Removed]) -> Source:
    """``source`` with its text rebuilt from ``lines`` (offsets recomputed) and more removed pieces."""
    from generator.ingest.clean import build_paragraphs  # clean.py imports this module

    text, paragraphs = build_paragraphs(lines)
    return replace(source, text=text, paragraphs=paragraphs, removed=source.removed + tuple(removed))


def drop_repeated_paragraphs(source: Source) -> Source:
    """A paragraph repeated later in the same article (same words; punctuation and case aside) counts
    once: later copies are removed."""
    min_words = rules()["repeated_paragraphs"]["min_words"]
    seen: set[str] = set()
    kept: list[str] = []
    removed: list[Removed] = []
    for paragraph in source.paragraphs:
        text, key = paragraph.text, fold(paragraph.text)
        if key in seen and len(text.split()) >= min_words:
            removed.append(Removed(text, "repeated paragraph"))
            continue
        seen.add(key)
        kept.append(text)
    if not removed:
        return source
    log.info("%s: %d repeated paragraphs counted once", source.path, len(removed))
    return with_paragraphs(source, kept, removed)


# ------------------------------------------------------------------ not an article


def prose_words(source: Source) -> int:
    """Words in the paragraphs long enough to be prose (menus, buttons and link titles are short)."""
    per_line = rules()["article"]["prose_line_words"]
    counts = (len(p.text.split()) for p in source.paragraphs)
    return sum(count for count in counts if count >= per_line)


def not_article_phrase(source: Source) -> str | None:
    """The login/error-page phrase a short source says, if any (rules/input.yaml ``not_article_phrases``)."""
    settings = rules()["article"]
    if source.words >= settings["short_page_words"]:
        return None
    for phrase in settings["not_article_phrases"]:
        found = re.search(phrase, source.text, flags=re.IGNORECASE)
        if found:
            return found.group()
    return None


def not_an_article(source: Source) -> Skipped | None:
    """A Skipped record when ``source`` has too little prose to be an article, or is a short page that
    says what login and error pages say."""
    minimum = rules()["article"]["min_prose_words"]
    words = prose_words(source)
    fix = ("Save the article's own page or paste its text into a .txt file; the thresholds are under "
           "article: in generator/rules/input.yaml.")
    if words < minimum:
        return Skipped(
            path=source.path,
            reason=f"not an article: {words} words of prose, fewer than the {minimum} an article needs "
            "(a form, a menu or a list of links?)",
            fix=fix,
        )
    phrase = not_article_phrase(source)
    if phrase:
        return Skipped(
            path=source.path,
            reason=f"not an article: a short page ({source.words} words) that says {phrase!r} "
            "(a login, paywall or error page?)",
            fix=fix,
        )
    return None


# ------------------------------------------------------------------ duplicates


def fold(text: str) -> str:
    """Text compared for duplicates: ASCII, lower case, words only (quotation marks and dashes vary)."""
    return NOT_WORD.sub(" ", unidecode(text).lower()).strip()


def same_article(a: Source, b: Source) -> bool:
    """Whether two sources hold the same article: equal folded text, or nearly equal (wire copy)."""
    settings = rules()["duplicates"]
    fa, fb = fold(a.text), fold(b.text)
    if fa == fb:
        return True
    if not fa or not fb or abs(len(fa) - len(fb)) > settings["max_length_difference"] * max(len(fa), len(fb)):
        return False
    limit = settings["fuzzy_chars"]
    return fuzz.ratio(fa[:limit], fb[:limit], score_cutoff=settings["min_similarity"]) > 0


def candidate_pairs(sources: Sequence[Source]) -> list[tuple[int, int]]:
    """Pairs of sources that share at least half the paragraphs of the shorter one (folded), or
    their whole folded text: the only pairs worth a fuzzy comparison."""
    by_paragraph: dict[str, set[int]] = {}
    by_text: dict[str, list[int]] = {}
    for index, source in enumerate(sources):
        by_text.setdefault(fold(source.text), []).append(index)
        for paragraph in {fold(p.text) for p in source.paragraphs} - {""}:
            by_paragraph.setdefault(paragraph, set()).add(index)
    shared: dict[tuple[int, int], int] = {}
    for holders in by_paragraph.values():
        ordered = sorted(holders)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                shared[(a, b)] = shared.get((a, b), 0) + 1
    pairs = {(a, b) for same in by_text.values() for i, a in enumerate(same) for b in same[i + 1:]}
    for (a, b), count in shared.items():
        if count * 2 >= min(len(sources[a].paragraphs), len(sources[b].paragraphs)):
            pairs.add((a, b))
    return sorted(pairs)


def republished(source: Source) -> Republished:
    return Republished(path=source.path, title=source.title, outlet=source.outlet, url=source.url,
                       published=source.published)


def merge_duplicates(sources: Sequence[Source]) -> tuple[Source, ...]:
    """One source per article: a later copy (by id) joins the first as "also published as"."""
    copy_of: dict[int, int] = {}
    for a, b in candidate_pairs(sources):
        first = copy_of.get(a, a)
        if b not in copy_of and same_article(sources[first], sources[b]):
            copy_of[b] = first
    copies: dict[int, list[Source]] = {}
    for copy, first in sorted(copy_of.items()):
        copies.setdefault(first, []).append(sources[copy])
        log.warning(
            "%s holds the same article as %s: it is shown once, %s listed under 'also published as'. "
            "Remove one of the files if they are copies.",
            sources[copy].path, sources[first].path, sources[copy].path,
        )
    return tuple(
        replace(source, also_published_as=source.also_published_as + tuple(republished(c) for c in copies.get(i, [])))
        for i, source in enumerate(sources)
        if i not in copy_of
    )
