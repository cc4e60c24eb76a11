"""The page cache of the site stage: each page's rendered HTML, kept so that a rebuild converts only what changed.

MkDocs converts every page's Markdown on every build (most of the site stage), mkdocs-material's search
plugin parses every page's HTML again for the search index, and the theme's templates run for every page.
``mkdocs build --dirty`` cannot skip them here: its search index holds only the pages it rendered, and every
content/ file is written anew (in a staging folder), so file times say nothing. This MkDocs plugin keeps,
per page, two entries:

**The conversion** (Markdown → HTML): on a hit it restores what ``Page.render`` would have set (content,
toc, title, the anchors the page holds and its links to anchors) and the page's search entries. Its key:

- the build (``fingerprint``): the versions of MkDocs, mkdocs-material, Markdown, pymdown-extensions and the
  generator, this module's code, the bytes of mkdocs.yml, the values that do not come from its bytes
  (``site_url``, ``!ENV`` values, the Markdown extensions' settings), the theme's ``custom_dir`` files,
  whether the search index is cached and whether MkDocs records links to anchors;
- the page: its path, address and inclusion, its Markdown (after every plugin's ``on_page_markdown``) and
  its front matter;
- the other files the page's links reach: the conversion asks ``Files.get_file_from_path`` about each link
  target (links, hover previews); the entry stores every question and its answer, and a hit requires the
  same answers now, so adding or removing an unrelated page does not invalidate a page.

A long page (the timeline, the source comparison) changes with any article, but only in a few sections: it is
converted piece by piece where that gives the same HTML (``generator/publish/page_chunks.py``), and its pieces are
kept in one entry per page, so that its next version re-converts only the pieces that changed.

**The page's template output** (the theme's ``main.html`` around the content), keyed on what it shows
(``html_key``): the page after every plugin's ``on_page_context`` (content, title, toc, front matter,
addresses), its place in the navigation, the whole navigation and the configuration the theme reads
(site name: the story's title, so a new title renders every template again but converts no page).

Only pages and templates whose rendering logged no warning are stored, so a hit never hides a broken
link; links to anchors are restored and checked by MkDocs after every build as usual, so a page that links
to an anchor removed from another page still fails the strict build. Only Markdown extensions known to
depend on nothing but the page and those file questions are cached (``PURE_EXTENSIONS``); with any other
the plugin stays out of the build.

Entries live under ``FOLDER``, framed (``generator/cache_store.py``): a corrupt or foreign entry is
ignored and rewritten, never trusted. They are written by ``save`` after a successful build only, which
also removes the entries that build did not use. A plain ``mkdocs build`` without the plugin builds the
same site.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator import __version__
from generator import cache_store as store
from generator.publish import page_chunks

log = logging.getLogger(__name__)

FORMAT = 1
FOLDER = "pages"  # beside the extraction cache's "extract"
TEMPLATES = "templates"  # Jinja2's compiled theme templates (checked against their source by Jinja2)
PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions")
# Markdown extensions whose output depends only on the page's Markdown, the configuration and the file
# questions recorded above (their code is keyed by the package versions).
PURE_EXTENSIONS = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "meta", "nl2br",
    "sane_lists", "smarty", "tables", "toc",
    "pymdownx.betterem", "pymdownx.caret", "pymdownx.details", "pymdownx.keys", "pymdownx.mark",
    "pymdownx.smartsymbols", "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.tilde",
    "material.extensions.preview",
})
PAGES_LOG = logging.getLogger("mkdocs.structure.pages")
# The template context's variables MkDocs sets (their values are keyed above, or not shown by the theme:
# ``pages``, ``build_date_utc``); a plugin's other variables are keyed by value.
CONTEXT_KNOWN = frozenset({"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version",
                           "build_date_utc", "config", "page"})
# What the theme's templates show besides the page and the navigation (the rest comes from mkdocs.yml's bytes).
LAYOUT_CONFIG = ("site_name", "site_url", "site_description", "site_author", "copyright", "repo_url", "repo_name",
                 "edit_uri", "extra", "extra_css", "extra_javascript", "use_directory_urls")


def records_anchor_links() -> bool:
    """Whether MkDocs records pages' links to anchors (it does when its page logger is above DEBUG)."""
    return PAGES_LOG.getEffectiveLevel() > logging.DEBUG


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json(value: Any) -> str:
    """Canonical JSON for a key; other objects by their ``repr`` (one that varies only costs hits)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


def folder_digest(folder: str | None) -> str:
    """SHA-256 over the files under ``folder`` by relative path ('' without one)."""
    if not folder:
        return ""
    root = Path(folder)
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + bytes.fromhex(_sha(path.read_bytes())))
    return digest.hexdigest()


def extension_name(extension: Any) -> str:
    name = extension if isinstance(extension, str) else f"{type(extension).__module__}.{type(extension).__name__}"
    return name.removeprefix("markdown.extensions.")


def impure_extensions(config) -> list[str]:
    return sorted({extension_name(e) for e in config.markdown_extensions} - PURE_EXTENSIONS)


def fingerprint(config, search: bool) -> str:
    """What every page of one build shares (see the module's docstring)."""
    config_file = config.config_file_path
    parts = {
        "format": FORMAT,
        "versions": {name: _version(name) for name in PACKAGES},
        "generator": __version__,
        "plugin": _sha(Path(__file__).read_bytes() + Path(page_chunks.__file__).read_bytes()),
        "config_file": _sha(Path(config_file).read_bytes()) if config_file else "",
        "config": _json({  # not site_name: no conversion reads it, and it is the story's title
            "site_url": config.site_url,
            "use_directory_urls": config.use_directory_urls,
            "markdown_extensions": [extension_name(e) for e in config.markdown_extensions],
            "mdx_configs": config.mdx_configs, "validation": str(config.validation), "nav": config.nav,
        }),
        "theme": folder_digest(config.theme.custom_dir),
        "search": search,
        "links_to_anchors": records_anchor_links(),
    }
    return _sha(_json(parts).encode())


def page_key(build: str, page: Page) -> str:
    file = page.file
    parts = [build, file.src_uri, file.url, file.inclusion.name, _sha((page.markdown or "").encode()), _json(page.meta)]
    return _sha("\0".join(parts).encode())


def _identity(file: File | None) -> list[str] | None:
    """What a link's rendering takes from the file it reaches."""
    return None if file is None else [file.src_uri, file.url, file.inclusion.name]


def _toc_tokens(items) -> list[dict]:
    return [{"name": i.title, "id": i.id, "level": i.level, "children": _toc_tokens(i.children)} for i in items]


@contextmanager
def recorded_lookups(files: Files) -> Iterator[dict[str, list[str] | None]]:
    """Record every ``files.get_file_from_path`` question and its answer while the block runs."""
    lookups: dict[str, list[str] | None] = {}
    original = files.get_file_from_path

    def get_file_from_path(path: str) -> File | None:
        found = original(path)
        lookups[path] = _identity(found)
        return found

    files.get_file_from_path = get_file_from_path  # type: ignore[method-assign]
    try:
        yield lookups
    finally:
        del files.get_file_from_path


class _Warned(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warned = False

    def emit(self, record: logging.LogRecord) -> None:
        self.warned = True


@contextmanager
def watch_warnings() -> Iterator[_Warned]:
    """Notice any warning logged while the block runs (MkDocs', Markdown's or an extension's)."""
    handler = _Warned()
    loggers = {logging.getLogger(), logging.getLogger("mkdocs"), logging.getLogger("MARKDOWN")}
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield handler
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


class PageCache(BasePlugin):
    """The MkDocs plugin (``generator/publish/site.py`` adds it to the loaded configuration)."""

    def __init__(self, cache_dir: Path) -> None:
        super().__init__()
        self.folder = cache_dir / FOLDER
        self.templates = cache_dir / TEMPLATES
        self.build = ""
        self.enabled = True
        self.search_index = None
        self.keys: dict[str, str] = {}  # src_uri -> key
        self.fresh: dict[str, dict] = {}  # src_uri -> entry rendered in this build, written by save()
        self.restored: dict[str, dict] = {}  # src_uri -> entry read from the cache
        self.hits = 0
        self.layout = ""  # what every page's template output shares (configuration, navigation)
        self.rendering = False  # inside a page's template
        self.html_keys: set[Path] = set()  # the template outputs of this build
        self.fresh_html: dict[Path, str] = {}  # rendered in this build, written by save()
        self.html_hits = 0
        self.answers: dict[str, list[str] | None] = {}  # see _answer
        self.pieces: set[Path] = set()  # the long pages' pieces entries of this build
        self.fresh_pieces: dict[Path, dict] = {}  # written by save()
        self.pieces_reused = self.pieces_converted = 0

    # --------------------------------------------------------------------------------- MkDocs events

    @event_priority(-100)  # after the other plugins changed the configuration
    def on_config(self, config):
        if impure := impure_extensions(config):
            log.info("page cache off: the Markdown extensions %s may read more than the page", ", ".join(impure))
            self.enabled = False

    @event_priority(-100)
    def on_pre_build(self, config) -> None:
        self.search_index = _material_search_index(config)
        self.build = fingerprint(config, search=self.search_index is not None)
        if self.enabled and self.search_index is not None:
            self._wrap_search(self.search_index)

    @event_priority(-100)  # the Markdown as every other plugin left it
    def on_page_markdown(self, markdown: str, page: Page, config, files: Files):
        if not self.enabled:
            return markdown
        key = self.keys[page.file.src_uri] = page_key(self.build, page)

        def render(config, files: Files) -> None:
            del page.render  # back to Page.render for any later call
            self._render(page, key, config, files)

        page.render = render  # type: ignore[method-assign]
        return markdown

    # ------------------------------------------------------------------------------- render, restore

    def _render(self, page: Page, key: str, config, files: Files) -> None:
        src = page.file.src_uri
        self.pieces.add(self._pieces_path(page))  # kept while the page is unchanged, for its next version
        entry = self._read(key, files)
        if entry is not None:
            _restore(page, entry, files)
            self.restored[src] = entry
            self.hits += 1
            return
        pieces = page_chunks.chunks_of(page.markdown or "")
        if pieces and self._render_pieces(page, key, config, files, pieces):
            return
        with recorded_lookups(files) as lookups, watch_warnings() as watched:
            Page.render(page, config, files)
        if not watched.warned:
            self.fresh[src] = _entry(page, key, lookups)

    def _render_pieces(self, page: Page, key: str, config, files: Files, pieces: list[str]) -> bool:
        """Convert a long page piece by piece (``generator/publish/page_chunks.py``), reusing the pieces its previous
        version had; False when a piece converts to nothing (the page is then converted whole)."""
        path = self._pieces_path(page)
        previous = self._read_pieces(path)
        converter = None
        results, lookups, warned = [], {}, False
        for piece in pieces:
            digest = _sha(piece.encode())
            result = previous.get(digest)
            if result is None or not self._holds(files, result["lookups"], result["links"]):
                converter = converter or page_chunks.Converter(page, config, files)
                with recorded_lookups(files) as asked, watch_warnings() as watched:
                    result = {**converter.convert(piece), "lookups": asked}
                warned |= watched.warned
                self.pieces_converted += 1
            else:
                self.pieces_reused += 1
            results.append((digest, result))
            lookups.update(result["lookups"])
        if not all(result["html"] for _, result in results):
            return False
        page_chunks.assemble(page, [result for _, result in results], files, records_anchor_links())
        if not warned:
            self.fresh_pieces[path] = {"format": FORMAT, "pieces": dict(results)}
            self.fresh[page.file.src_uri] = _entry(page, key, lookups)
        return True

    def _pieces_path(self, page: Page) -> Path:
        return store.entry_path(self.folder, _sha(f"{self.build}\0{page.file.src_uri}".encode()), ".pieces")

    def _read_pieces(self, path: Path) -> dict[str, dict]:
        try:
            document = store.document(path.read_bytes(), FORMAT)
            if not isinstance(document.get("pieces"), dict):
                raise ValueError("entry without pieces")
            for result in document["pieces"].values():
                _check_piece(result)
        except OSError:
            return {}
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            log.info("ignoring the page cache entry %s (%s); converting its pieces again", path, exc)
            return {}
        return document["pieces"]

    def _holds(self, files: Files, lookups: dict[str, list[str] | None], targets) -> bool:
        """Whether every link-target question is answered as it was and every page linked to by anchor exists."""
        return all(self._answer(files, p) == answer for p, answer in lookups.items()) and all(
            self._answer(files, src) is not None for src in targets)

    def _read(self, key: str, files: Files) -> dict | None:
        path = store.entry_path(self.folder, key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            entry = store.document(data, FORMAT, key)
            if self.search_index is not None and not isinstance(entry.get("search"), list):
                raise ValueError("entry without search entries")
            _check(entry)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            log.info("ignoring the page cache entry %s (%s); rendering the page again", path, exc)
            return None
        if not self._holds(files, entry["lookups"], entry["links_to_anchors"] or ()):
            return None  # a link target appeared, went or moved
        store.touch(path)
        return entry

    # ------------------------------------------------------------------------------------- templates

    @event_priority(-100)
    def on_nav(self, nav, config, files: Files):
        self.layout = _sha(_json({
            "build": self.build, "nav": _nav_tokens(nav.items),
            "config": {name: config.get(name) for name in LAYOUT_CONFIG},
        }).encode())
        return nav

    @event_priority(-100)
    def on_env(self, env, config, files: Files):
        """A page's template output is restored when everything it shows is the same (``html_key``)."""
        if not self.enabled:
            return env
        try:
            self.templates.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(self.templates))  # compiled theme templates
        except OSError as exc:
            log.info("no compiled-template cache in %s (%s)", self.templates, exc)
        get_template = env.get_template

        def page_template(name, *args, **kwargs):
            template = get_template(name, *args, **kwargs)
            page = config._current_page
            if page is None or self.rendering:  # a theme template, or a partial the page's template includes
                return template
            return _PageTemplate(template, self, page)

        env.get_template = page_template
        return env

    def render_template(self, template, context, page: Page) -> str:
        key = html_key(self.layout, page, context)
        path = store.entry_path(self.folder, key, ".html")
        self.html_keys.add(path)
        try:
            html = store.unframe(path.read_bytes()).decode("utf-8")
        except OSError:
            pass
        except (ValueError, UnicodeDecodeError) as exc:
            log.info("ignoring the page cache entry %s (%s); rendering the page again", path, exc)
        else:
            store.touch(path)
            self.html_hits += 1
            return html
        self.rendering = True
        try:
            with watch_warnings() as watched:
                html = template.render(context)
        finally:
            self.rendering = False
        if not watched.warned:
            self.fresh_html[path] = html
        return html

    def _answer(self, files: Files, path: str) -> list[str] | None:
        """``files.get_file_from_path(path)``'s identity; pages ask the same questions, answered once."""
        if path not in self.answers:
            self.answers[path] = _identity(files.get_file_from_path(path))
        return self.answers[path]

    def _wrap_search(self, index) -> None:
        """The search entries of a restored page come from its cache entry; a rendered page's are recorded."""
        add_entry = index.add_entry_from_context

        def add_entry_from_context(page: Page) -> None:
            src = page.file.src_uri
            if src in self.restored:
                index.entries.extend(self.restored[src]["search"])
                return
            start = len(index.entries)
            add_entry(page)
            if src in self.fresh:
                self.fresh[src]["search"] = index.entries[start:]

        index.add_entry_from_context = add_entry_from_context

    # ------------------------------------------------------------------------------------------ save

    def save(self) -> None:
        """Write this build's new entries and remove the ones it did not use; call after a successful build."""
        if not self.enabled:
            return
        for src, entry in self.fresh.items():
            if self.search_index is None or "search" in entry:
                store.write(store.entry_path(self.folder, entry["key"]), store.frame(_dumps(entry)))
        for path, html in self.fresh_html.items():
            store.write(path, store.frame(html.encode("utf-8")))
        for path, document in self.fresh_pieces.items():
            store.write(path, store.frame(_dumps(document)))
        used = {store.entry_path(self.folder, key) for key in self.keys.values()} | self.html_keys | self.pieces
        removed = store.keep_only(self.folder, used)
        log.info("page cache: %d pages restored, %d rendered; %d templates restored, %d rendered; "
                 "%d pieces of long pages reused, %d converted (%d stale entries removed)", self.hits, len(self.fresh),
                 self.html_hits, len(self.fresh_html), self.pieces_reused, self.pieces_converted, removed)


class _PageTemplate:
    """Stands for the page's template in ``_build_page``: its ``render`` goes through the cache."""

    def __init__(self, template, cache: PageCache, page: Page) -> None:
        self.template, self.cache, self.page = template, cache, page

    def render(self, context) -> str:
        return self.cache.render_template(self.template, context, self.page)


def _nav_tokens(items) -> list:
    return [[type(i).__name__, i.title, getattr(i, "url", None), _nav_tokens(i.children or [])] for i in items]


def _link(page) -> list | None:
    return None if page is None else [page.title, page.url]


def html_key(layout: str, page: Page, context) -> str:
    """What a page's template shows: the page (after every plugin's ``on_page_context``), its place in the
    navigation, the configuration and the navigation (``layout``), and which variables the context has."""
    parts = {
        "layout": layout, "base_url": context.get("base_url"),
        "context": {name: value for name, value in context.items() if name not in CONTEXT_KNOWN},
        "src": page.file.src_uri, "url": page.url, "canonical_url": page.canonical_url, "edit_url": page.edit_url,
        "title": page.title, "meta": page.meta, "toc": _toc_tokens(page.toc), "homepage": page.is_homepage,
        "previous": _link(page.previous_page), "next": _link(page.next_page),
        "ancestors": [_link(a) for a in page.ancestors], "update_date": page.update_date,
        "content": _sha((page.content or "").encode()),
    }
    return _sha(_json(parts).encode())


def _material_search_index(config):
    """mkdocs-material's search index of this build (None without its search plugin)."""
    from material.plugins.search.plugin import SearchPlugin

    for plugin in config.plugins.values():
        if isinstance(plugin, SearchPlugin) and plugin.config.enabled:
            return plugin.search_index
    return None


def _entry(page: Page, key: str, lookups: dict[str, list[str] | None]) -> dict:
    links = page.links_to_anchors
    return {
        "format": FORMAT, "key": key, "content": page.content, "toc": _toc_tokens(page.toc),
        "title": page._title_from_render, "anchors": sorted(page.present_anchor_ids or ()),
        "links_to_anchors": None if links is None else {f.src_uri: dict(a) for f, a in links.items()},
        "lookups": lookups,
    }


def _dumps(entry: dict) -> bytes:
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _check_types(record: dict, expected: dict[str, type]) -> None:
    """TypeError when a field of a parsed entry (or piece) has the wrong type; ``title`` may also be None."""
    for name, kind in expected.items():
        if not isinstance(record[name], kind):
            raise TypeError(f"{name} is not a {kind.__name__}")
    if record["title"] is not None and not isinstance(record["title"], str):
        raise TypeError("title is not a string")


def _check(entry: dict) -> None:
    _check_types(entry, {"content": str, "toc": list, "anchors": list, "lookups": dict})
    if (entry["links_to_anchors"] is None) == records_anchor_links():
        raise ValueError("links to anchors recorded at another log level")


def _check_piece(result: dict) -> None:
    _check_types(result, {"html": str, "toc": list, "anchors": list, "links": dict, "lookups": dict})


def _restore(page: Page, entry: dict, files: Files) -> None:
    """Set what ``Page.render`` sets, from the entry."""
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if entry["links_to_anchors"] is not None:
        page.links_to_anchors = {
            files.get_file_from_path(src): dict(anchors) for src, anchors in entry["links_to_anchors"].items()
        }

