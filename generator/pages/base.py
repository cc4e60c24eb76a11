"""What every page module shares: the Page record, links between pages, and escaping of article text.

A page module turns the Briefing into ``Page`` records (path, template, context, outgoing links);
``render`` inverts the links into backlinks and formats each page with its Jinja2 template.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from generator.model import Briefing, Person, Source


@dataclass(frozen=True)
class Link:
    """A link from one page to another page (and anchor), with the sentence that carries it."""

    target: str  # content-relative path, e.g. "people/vladimir-putin.md"
    anchor: str | None
    context: str  # the linking sentence (plain text)
    from_anchor: str | None = None  # where on the linking page the sentence stands


@dataclass(frozen=True)
class Page:
    path: str  # content-relative, POSIX, e.g. "people/vladimir-putin.md"
    template: str  # template file name, e.g. "person.md.j2"
    title: str
    description: str
    context: Mapping[str, Any] = field(default_factory=dict)
    links: tuple[Link, ...] = ()


# ----------------------------------------------------------------------------------------------- paths


def person_path(person: Person | str) -> str:
    return f"people/{person if isinstance(person, str) else person.id}.md"


def source_path(source: Source | str) -> str:
    return f"sources/{source if isinstance(source, str) else source.id}.md"


ENTITIES_PATH = "entities.md"
QUOTES_PATH = "quotes.md"
TIMELINE_PATH = "timeline.md"


def relative(from_page: str, target: str, anchor: str | None = None) -> str:
    """A relative Markdown link target that MkDocs validates and rewrites: "../people/x.md#a"."""
    url = _relpath(target, posixpath.dirname(from_page) or ".")
    return f"{url}#{anchor}" if anchor else url


@lru_cache(maxsize=1 << 16)  # pure; asked again for every link between the same two folders and pages
def _relpath(target: str, start: str) -> str:
    return posixpath.relpath(target, start)


# -------------------------------------------------------------------------------------------- escaping

# Article text is untrusted: Markdown, HTML or template syntax in it must reach the page as text. Only what
# would be markup where it stands is escaped, with a backslash where Python-Markdown takes one (its escapable
# characters, plus "|" which the tables extension adds), else with an HTML reference, so the Markdown in
# content/ stays readable ("2025-02-27", not "2025&#45;02&#45;27"):
# - anywhere: "\\", "`" (code), "*" (emphasis), "[" "]" (links, images, footnotes: "(" and "!" are markup only
#   after them), "{" "}" (attr_list ids and classes), "|" (table cells);
# - "_" at a word's edge (emphasis; "snake_case" is not);
# - "<" before a letter, "/", "!" or "?" (an HTML tag, a comment or an autolink) and "&" before what would
#   read as a character reference;
# - at the start of the text (a line start where a template puts it): "#", ">", "+", "-", "!", "=" and
#   "1." (headings, quotes, lists, admonitions), "?" and "=" (collapsible blocks, a heading's underline);
#   "#" at its end (a heading's closing hashes).
_ANYWHERE = re.compile(r"[\\`*\[\]{}|]")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_REFERENCE = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^( ?)([#>+\-!]|\d+(?=\.(?: |$)))")
_FINAL_HASH = re.compile(r"#(\s*)$")


def escape_md(value: object, line_start: bool = True) -> Markup:
    """Article text made safe for a Markdown line (also inside a link text or a table cell).

    ``line_start`` False: the text continues a line (a piece of an annotated paragraph), so what is markup only
    at the start of a line is left alone."""
    if isinstance(value, Markup):
        return value
    return _escape_md(str(value), line_start)


@lru_cache(maxsize=1 << 16)  # pure; names, titles and labels are escaped again on every page that shows them
def _escape_md(text: str, line_start: bool) -> Markup:
    text = re.sub(r"\s+", " ", text)
    text = _ANYWHERE.sub(lambda m: "\\" + m.group(), text)
    text = _UNDERSCORE.sub(r"\_", text)
    text = _REFERENCE.sub("&amp;", text)
    text = _TAG.sub("&lt;", text)
    if line_start:
        text = _LINE_START.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)), text)
        if text.lstrip()[:1] in ("?", "="):  # not escapable with a backslash
            text = re.sub(r"[?=]", lambda m: f"&#{ord(m.group())};", text, count=1)
    text = _FINAL_HASH.sub(r"\#\1", text)
    return Markup(text)


def code_span(value: object) -> Markup:
    """A Markdown code span showing ``value`` as written (backslashes and references mean nothing inside one)."""
    text = re.sub(r"\s+", " ", str(value))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def md_link(from_page: str, text: object, target: str, anchor: str | None = None, title: str | None = None) -> Markup:
    """A Markdown link with escaped text; ``target`` is a content path built by the page modules."""
    if not re.fullmatch(r"[a-z0-9_./-]+", target) or (anchor and not re.fullmatch(r"[A-Za-z0-9_-]+", anchor)):
        raise ValueError(f"unsafe link target {target!r}#{anchor!r}")
    # in a link's title, a parenthesis would end the link: escaped too
    tip = f' "{re.sub(r"[()]", lambda m: chr(92) + m.group(), escape_md(title, line_start=False))}"' if title else ""
    return Markup(f"[{escape_md(text)}]({relative(from_page, target, anchor)}{tip})")


def anchor_attr(anchor: str, search: bool = True) -> Markup:
    """An attr_list id for the block it ends: ``{: #p3 }``. ``search=False`` also leaves the block out of
    the search index (mkdocs-material's ``data-search-exclude``; for a heading, its whole section)."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", anchor):
        raise ValueError(f"unsafe anchor {anchor!r}")
    return Markup(f"{{: #{anchor} {SEARCH_EXCLUDE} }}" if not search else f"{{: #{anchor} }}")


SEARCH_EXCLUDE = "data-search-exclude"
NO_SEARCH = Markup(f"{{: {SEARCH_EXCLUDE} }}")
"""Ends a block (alone on its last line) that the search index leaves out: text repeated from elsewhere."""


_OPENING_QUOTE = re.compile(r"(^|[\s(\[{])(['\"])")


def theme_text(text: str) -> str:
    """A title the theme writes into HTML both raw and escaped (the site name: in <title>, the header, a title
    attribute): typographic quotes and look-alike brackets, so it holds nothing either way would change."""
    text = " ".join(text.split())
    text = _OPENING_QUOTE.sub(lambda m: m.group(1) + ("‘" if m.group(2) == "'" else "“"), text)
    return text.replace("'", "’").replace('"', "”").replace("<", "‹").replace(">", "›").replace("&", "＆")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def sentence_text(briefing: Briefing, source_id: str, sentence: int) -> str:
    for facts in briefing.facts:
        if facts.source.id == source_id:
            return facts.sentences[sentence].text
    raise KeyError(source_id)


OPENING_QUOTES, CLOSING_QUOTES = "“‘«", "”’»"
MAX_QUOTE_SENTENCES = 4  # a quotation longer than this is shown cut, with "…"


def whole_quote(sentences, index: int) -> str:
    """The sentence at ``index`` of a source's sentences, continued to the end of a quotation it opens and does not
    close ("Putin said, “The first contacts … give some hope." + " There is a mutual desire …”"), so a mention is
    never shown cut in the middle of a quote."""
    text = sentences[index].text
    for following in sentences[index + 1 : index + MAX_QUOTE_SENTENCES]:
        if not _open_quote(text) or following.paragraph != sentences[index].paragraph:
            break
        text += " " + following.text
    return text + (" …”" if _open_quote(text) else "")


def _open_quote(text: str) -> bool:
    curly = sum(text.count(q) for q in OPENING_QUOTES[:1]) > sum(text.count(q) for q in CLOSING_QUOTES[:1])
    return curly or text.count('"') % 2 == 1


def paragraph_anchor(briefing: Briefing, source_id: str, sentence: int) -> str:
    """The anchor of the paragraph holding a sentence, for contextual backlinks."""
    return f"p{briefing.facts_of(source_id).sentences[sentence].paragraph + 1}"


OPENING_QUOTES = "“\"‘'«„"


def quoted(text: str) -> str:
    """“text”, or the text as it is when it opens with a quotation mark of its own (a sentence that is a quote):
    never ““doubled”” marks."""
    return text if text[:1] in OPENING_QUOTES else f"“{text}”"


# words a cut text must not end on ("a 1761 work that…", "describing the leader as “the…")
DANGLING = frozenset("a an the as of to for with by from in on at into and or but nor that than whose its their his her"
                     " our your my".split())
_TRAILING = re.compile(r"[\s,;:–—(\[“‘\"'-]+$")


def shorten(text: str, limit: int = 160) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…"; never ending on a function word
    or an opening bracket or quotation mark."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    while True:
        trimmed = _TRAILING.sub("", cut)
        head, _, last = trimmed.rpartition(" ")
        if head and last.lstrip("“‘\"'([").lower() in DANGLING:
            trimmed = head
        if trimmed == cut or not trimmed:
            break
        cut = trimmed
    return cut + "…"


@dataclass(frozen=True)
class Span:
    """A stretch of a source text to link or mark when the text is written on a page."""

    start: int
    end: int
    target: str | None = None  # a content path: the stretch becomes a link
    anchor: str | None = None
    mark_id: str | None = None  # the stretch is wrapped in <mark id=…> (e.g. a quote)
    title: str | None = None


def annotate(from_page: str, text: str, offset: int, spans: tuple[Span, ...] | list[Span]) -> Markup:
    """Escape ``text`` (which starts at ``offset`` in its source) and turn the spans into links and marks.

    Marks may contain links; a link that crosses a mark's edge, or overlaps another link, is left out.
    """
    end_of_text = offset + len(text)
    marks = sorted((s for s in spans if s.mark_id and offset <= s.start < s.end <= end_of_text), key=lambda s: s.start)
    kept = _non_overlapping(marks)
    # A mark that overlaps an earlier one (quotes inside quotes) still gets its anchor, as an empty element.
    anchors = [m for m in marks if m not in kept]
    links = sorted((s for s in spans if s.target and offset <= s.start < s.end <= end_of_text), key=lambda s: s.start)
    links = [
        s for s in _non_overlapping(links)
        if all(s.end <= m.start or s.start >= m.end or (m.start <= s.start and s.end <= m.end) for m in kept)
    ]
    return Markup("".join(_weave(from_page, text, offset, sorted(_mark_tags(kept, anchors)), links)))


_MARK_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def _mark_tags(marks: list[Span], anchors: list[Span]) -> list[tuple[int, int, str]]:
    """The tags that open and close each mark and the empty anchor of each overlapping one, as (position, order,
    markup): at one position a mark closes (0) before the next opens (1), and an anchor comes last (2).
    Raises ValueError on a mark id that is not a safe HTML id."""
    tags: list[tuple[int, int, str]] = []
    for m in marks + anchors:
        if not _MARK_ID.fullmatch(m.mark_id or ""):
            raise ValueError(f"unsafe mark id {m.mark_id!r}")
    for m in marks:
        tags.append((m.start, 1, f'<mark id="{m.mark_id}">'))
        tags.append((m.end, 0, "</mark>"))
    tags.extend((m.start, 2, f'<span id="{m.mark_id}"></span>') for m in anchors)
    return tags


def _weave(from_page: str, text: str, offset: int, tags: list[tuple[int, int, str]],
           links: list[Span]) -> list[str]:
    """``text`` escaped, in pieces, with the ``tags`` (sorted ``_mark_tags``) inserted at their positions and each of
    the ``links`` (sorted, not overlapping) written as a Markdown link."""
    end_of_text = offset + len(text)
    pieces: list[str] = []
    position, index = offset, 0
    link_iter = iter(links)
    next_link = next(link_iter, None)
    while position < end_of_text or index < len(tags):
        stop = min([end_of_text] + [t[0] for t in tags[index:index + 1]] + ([next_link.start] if next_link else []))
        if stop > position:
            pieces.append(escape_md(text[position - offset : stop - offset], line_start=position == offset))
            position = stop
        # ``<=``: an anchor that falls inside a link is written right after it (was ``==``: the loop never ended).
        while index < len(tags) and tags[index][0] <= position:
            pieces.append(tags[index][2])
            index += 1
        if next_link and next_link.start == position:
            label = text[next_link.start - offset : next_link.end - offset]
            pieces.append(md_link(from_page, label, next_link.target or "", next_link.anchor, next_link.title))
            position = next_link.end
            next_link = next(link_iter, None)
    return pieces


def _non_overlapping(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in spans:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def outlet_count(briefing: Briefing, source_ids) -> str:
    """ "3 of 5 outlets": distinct outlets among the sources (``Source.outlet_key``), of all the story's outlets;
    in a folder of several stories (``Briefing.stories``), of the outlets of the story these sources tell ("2 of 3
    outlets of its story")."""
    keys = {s.id: s.outlet_key for s in briefing.sources}
    told = {briefing.story_of(i) for i in source_ids}
    total = len({key for i, key in keys.items() if briefing.story_of(i) in told})
    of_story = " of its story" if briefing.stories else ""
    return f"{len({keys[i] for i in source_ids})} of {plural(total, 'outlet')}{of_story}"


def outlets_of(briefing: Briefing, source_ids) -> int:
    """How many outlets (``Source.outlet_key``) published these sources."""
    return len({briefing.source(i).outlet_key for i in source_ids})


def outlet_labels(briefing: Briefing, source_ids) -> list[str]:
    """One name per outlet of these sources (``Source.label``), sorted: two articles of one outlet are named
    once, two articles of unknown outlets twice, even when their headlines start alike."""
    by_outlet = {}
    for i in sorted(source_ids):
        source = briefing.source(i)
        by_outlet.setdefault(source.outlet_key, source.label)
    return sorted(by_outlet.values())
