"""Converting a long page piece by piece, so that the page cache re-converts only the pieces that changed.

The story's long pages (the timeline, the source comparison: megabytes of Markdown) change with any article,
but only in a few of their sections. Cut before each heading, such a page converts to the same HTML piece by
piece as whole when nothing in one piece reads another, which ``chunks_of`` checks before it cuts:

- every heading carries its id (``{: #id }``): the toc extension numbers generated ids across the page;
- no reference-link definitions, ``[TOC]`` marker, fenced code, setext headings or tabs (page-wide state);
- every block that starts with raw HTML closes it within the block (raw HTML can span blank lines), and
  no piece ends with one (its trailing newline survives in the whole, not at the end of a piece).

Consecutive sections are grouped into pieces (``_grouped``). Python-Markdown splits a document into blocks at blank lines and a heading starts a block of its own, so the
pieces are the whole's blocks in order; each piece's top-level elements are joined by one newline, as the
whole's are. The toc tokens are put back in order and nested again as the toc extension nests them; the
title is the first piece's; anchors and links to anchors are gathered in order. ``tests/test_page_cache.py``
and the 982-article benchmark compare the result with MkDocs' own conversion byte for byte.
"""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser

import markdown
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

CHUNK_MIN = 100_000  # characters of Markdown below which a page is converted whole
GROUP = 8  # sections per piece, on average
CUT = re.compile(r"\n\n(?=#{1,6} )")
HEADING = re.compile(r"(?m)^ {0,3}#{1,6}.*$")
WITH_ID = re.compile(r"\{:[^}]*#[\w-]+[^}]*\}\s*$")
PAGE_WIDE = re.compile(r"(?m)^ {0,3}(\[[^\]]+\]:|```|~~~|=+\s*$|-+\s*$)|\[TOC\]|\t")
RAW_HTML_BLOCK = re.compile(r"(?m)^ {0,3}<")
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.depth += tag not in VOID

    def handle_endtag(self, tag) -> None:
        self.depth -= tag not in VOID


def _closed(block: str) -> bool:
    parser = _Balance()
    parser.feed(block)
    parser.close()
    return parser.depth == 0


def chunks_of(text: str) -> list[str] | None:
    """``text`` cut before its headings, or None where converting the pieces might differ (see above)."""
    if len(text) < CHUNK_MIN or PAGE_WIDE.search(text):
        return None
    if not all(WITH_ID.search(line) for line in HEADING.findall(text)):
        return None
    for match in RAW_HTML_BLOCK.finditer(text):
        end = text.find("\n\n", match.start())
        if not _closed(text[match.start(): end if end >= 0 else len(text)]):
            return None
    pieces: list[str] = []
    for section in CUT.split(text):
        if pieces and RAW_HTML_BLOCK.match(pieces[-1].rsplit("\n\n", 1)[-1]):
            pieces[-1] += "\n\n" + section  # the whole keeps a raw HTML block's trailing newline; a piece strips it
        else:
            pieces.append(section)
    pieces = _grouped(pieces)
    return pieces if len(pieces) > 1 else None


def _grouped(sections: list[str]) -> list[str]:
    """Consecutive sections joined into pieces of ``GROUP`` on average (each conversion has a cost of its own),
    cut after a section whose digest says so: where the cuts fall depends on the sections' text only, so a
    changed section moves no cut but its own."""
    pieces, current = [], []
    for section in sections:
        current.append(section)
        if hashlib.sha256(section.encode()).digest()[0] % GROUP == 0:
            pieces.append("\n\n".join(current))
            current = []
    if current:
        pieces.append("\n\n".join(current))
    return pieces


def _flat(tokens: list[dict]) -> list[dict]:
    out = []
    for token in tokens:
        out.append({k: v for k, v in token.items() if k != "children"})
        out.extend(_flat(token["children"]))
    return out


class Converter:
    """One Markdown instance set up as ``Page.render`` sets it up, converting the pieces of one page."""

    def __init__(self, page: Page, config, files: Files) -> None:
        md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        self.raw_html = _RawHTMLPreprocessor()
        self.raw_html._register(md)
        self.anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
        self.anchors._register(md)
        self.links = _RelativePathTreeprocessor(page.file, files, config)
        self.links._register(md)
        self.title = _ExtractTitleTreeprocessor()
        self.title._register(md)
        self.md = md
        # mkdocs-material's preview processor appends to its configuration on every run: start each piece as new
        self.lists = [p.config["configurations"] for p in md.treeprocessors if type(p).__name__ == "PreviewProcessor"]
        self.initial = [list(configurations) for configurations in self.lists]

    def convert(self, piece: str) -> dict:
        """The piece's HTML, flat toc tokens, title, anchors and links to anchors (by target's path)."""
        self.md.reset()
        for configurations, initial in zip(self.lists, self.initial):
            configurations[:] = initial
        self.anchors.present_anchor_ids = set()
        self.links.links_to_anchors = {}
        self.title.title = None
        html = self.md.convert(piece)
        return {
            "html": html, "toc": _flat(getattr(self.md, "toc_tokens", [])), "title": self.title.title,
            "anchors": sorted(self.anchors.present_anchor_ids | self.raw_html.present_anchor_ids),
            "links": {f.src_uri: dict(a) for f, a in self.links.links_to_anchors.items()},
        }


def assemble(page: Page, results: list[dict], files: Files, record_links: bool) -> None:
    """Set what ``Page.render`` sets from the pieces' results, in order."""
    page.content = "\n".join(result["html"] for result in results)
    page.toc = get_toc(nest_toc_tokens([dict(t) for result in results for t in result["toc"]]))
    page._title_from_render = results[0]["title"]
    page.present_anchor_ids = {anchor for result in results for anchor in result["anchors"]}
    if record_links:
        links: dict[File, dict[str, str]] = {}
        for result in results:
            for src, anchors in result["links"].items():
                target = links.setdefault(files.get_file_from_path(src), {})
                for anchor, url in anchors.items():
                    target.setdefault(anchor, url)
        page.links_to_anchors = links
