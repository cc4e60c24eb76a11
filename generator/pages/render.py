"""The render stage: Briefing → Markdown pages (and facts.json) in a content folder.

Pages are gathered first, then their links are inverted into backlinks, then every page is formatted by
its Jinja2 template into a fresh temporary folder. The caller swaps that folder in only when the whole
build succeeded, so a failed build never leaves a half-written ``content/``.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup

from generator.link.changes import Changes, diff_facts
from generator.pages.export import facts_json
from generator.pages.changes import changes_page
from generator.model import Briefing
from generator.pages.links import broken_links
from generator.pages.base import (
    NO_SEARCH, Page, anchor_attr, annotate, code_span, escape_md, md_link, plural, quoted, relative, theme_text,
)
from generator.pages.compare import compare_pages
from generator.pages.entities import entities_page
from generator.pages.home import home_page
from generator.pages.people import people_pages
from generator.pages.positions import position_pages
from generator.pages.quotes import quote_pages
from generator.pages.sources import source_pages
from generator.pages.timeline import timeline_pages

log = logging.getLogger(__name__)


def sections() -> list[dict]:
    """The sections of the site, in nav order: (title, content path, what it holds)."""
    return [
        {"title": "People", "path": "people/index.md", "about": "everyone involved, with roles and every mention"},
        {"title": "Quotes", "path": "quotes.md", "about": "who said what, aligned across outlets"},
        {"title": "Timeline", "path": "timeline.md", "about": "what happened when, with each date resolved"},
        {"title": "Positions", "path": "positions.md", "about": "who stands where on each issue, with the evidence"},
        {"title": "Compare sources", "path": "compare.md", "about": "what each outlet reports, alone or not at all"},
        {"title": "Organisations and places", "path": "entities.md", "about": "the organisations and places named"},
        {"title": "Sources", "path": "sources/index.md", "about": "each article, cleaned, with its metadata"},
        {"title": "What changed", "path": "changes.md", "about": "what this build added and removed since the previous one"},
    ]


PAGE_BUILDERS: tuple[Callable[[Briefing], list[Page]], ...] = (
    people_pages,
    source_pages,
    quote_pages,
    timeline_pages,
    position_pages,
    compare_pages,
    lambda briefing: [entities_page(briefing)],
)


def collect_pages(briefing: Briefing, changes: Changes | None = None) -> list[Page]:
    """Every page of the site, home first, in a stable order."""
    pages = [home_page(briefing, sections())]
    for builder in PAGE_BUILDERS:
        pages.extend(builder(briefing))
    pages.append(changes_page(briefing, changes or diff_facts(None, facts_json(briefing))))
    paths = [p.path for p in pages]
    duplicates = {p for p in paths if paths.count(p) > 1}
    if duplicates:
        raise ValueError(f"two pages share a path: {sorted(duplicates)}")
    return pages


def _article_page(path: str) -> bool:
    return path.startswith("sources/") and path != "sources/index.md"


def backlinks(pages: Sequence[Page]) -> dict[str, list[dict]]:
    """For each page, the pages that link to it, each with the linking sentences (deduplicated).

    Links from or to an article's page carry no sentences: they would be the article's own sentences again
    (shown on its page, and as a person's mentions), which made up two thirds of an article page's Markdown
    and of the site's build time; the count of links stands in for them."""
    incoming: dict[str, dict[str, dict]] = defaultdict(dict)
    for page in pages:
        for link in page.links:
            if link.target == page.path:
                continue
            entry = incoming[link.target].setdefault(
                page.path, {"path": page.path, "title": page.title, "contexts": [], "links": 0}
            )
            entry["links"] += 1
            if _article_page(page.path) or _article_page(link.target):
                continue
            context = {"text": link.context, "anchor": link.from_anchor}
            if context not in entry["contexts"]:
                entry["contexts"].append(context)
    return {
        target: sorted(entries.values(), key=lambda e: (e["path"] != "index.md", e["title"], e["path"]))
        for target, entries in incoming.items()
    }


def environment() -> Environment:
    """Jinja2 for Markdown output: every ``{{ value }}`` is escaped for Markdown unless built as Markup."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=False,
        finalize=escape_md,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = escape_md
    env.filters["code"] = code_span
    env.filters["anchor"] = anchor_attr
    env.filters["quoted"] = quoted
    env.globals["anchor"] = anchor_attr
    env.globals["no_search"] = NO_SEARCH
    env.globals["plural"] = plural

    @pass_context
    def link(context, text: object, target: str, anchor: str | None = None, title: str | None = None) -> Markup:
        return md_link(context["page"].path, text, target, anchor, title)

    @pass_context
    def url(context, target: str, anchor: str | None = None) -> Markup:
        return Markup(relative(context["page"].path, target, anchor))

    env.globals["link"] = link
    env.globals["url"] = url
    env.globals["annotate"] = annotate
    return env


def front_matter(page: Page) -> Markup:
    """YAML front matter. The theme writes title and description into HTML unescaped (in <title>, the nav
    and meta attributes) and escaped elsewhere: an article's headline is untrusted, so they keep no HTML-special
    character (``theme_text``), which reads the same either way and leaves no entity in the Markdown."""
    meta = {"title": theme_text(page.title), "description": theme_text(page.description)}
    return Markup("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000) + "---\n")


def write_json(path: Path, data: Mapping[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def render_page(env: Environment, page: Page, incoming: list[dict]) -> str:
    template = env.get_template(page.template)
    text = template.render(page=page, front_matter=front_matter(page), backlinks=incoming, **page.context)
    return text.rstrip() + "\n"


def render(
    briefing: Briefing, content_dir: Path, previous: Mapping[str, Any] | None = None,
    previous_changes: Changes | None = None,
) -> int:
    """Write every page, facts.json and changes.json into ``content_dir`` (new and empty).

    ``previous`` and ``previous_changes`` are the previous build's facts.json and change list, for the
    "What changed" page. Returns the page count.
    """
    data = facts_json(briefing)
    changes = diff_facts(previous, data, previous_changes)
    pages = collect_pages(briefing, changes)
    incoming = backlinks(pages)
    env = environment()
    written: dict[str, str] = {}
    for page in pages:
        target = content_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        written[page.path] = render_page(env, page, incoming.get(page.path, []))
        target.write_text(written[page.path], encoding="utf-8")
    write_json(content_dir / "facts.json", data)
    write_json(content_dir / "changes.json", changes.as_json())
    for message in broken_links(written, other_files=("facts.json", "changes.json")):
        log.warning("broken link: %s. This is a bug of the generator: please report it with the source files.", message)
    log.info("rendered %d pages", len(pages))
    return len(pages)
