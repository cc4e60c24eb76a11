"""The whole build, top to bottom: load → clean → extract → link → render → site.

Everything is read and extracted before anything is written; pages and site are written into staging
folders and swapped in only when every stage succeeded.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language

from generator.link.changes import read_previous
from generator.ingest.clean import clean_sources
from generator.errors import SourceError, StrictError
from generator.extract.batch import extract_sources
from generator.extract.cache import ExtractionCache, Fingerprint
from generator.extract.facts import add_paragraph_boundaries
from generator.link.briefing import link
from generator.ingest.load import load_sources
from generator.model import Briefing, Skipped
from generator.extract.nlp import DEFAULT_MODEL, load_model
from generator.pages.base import plural, theme_text
from generator.pages.render import render
from generator.publish.site import build_lock, build_site, check_site_config, staging, swap

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class BuildOptions:
    seeds_dir: Path = Path("seeds")
    content_dir: Path = Path("content")
    site_dir: Path = Path("site")
    model: str = DEFAULT_MODEL
    strict: bool = False
    build_site: bool = True
    progress: bool = False
    config_file: Path = Path("mkdocs.yml")
    jobs: int = 1  # extraction processes (the CLI's default: the number of cores)
    cache_dir: Path | None = None  # extraction and page cache (the CLI's default: .cache/); None: no cache


@dataclass(frozen=True)
class BuildReport:
    sources: int
    pages: int
    warnings: tuple[str, ...]
    seconds: float
    stages: tuple[tuple[str, float], ...] = field(default=())
    skipped: int = 0

    def summary(self) -> str:
        skipped = f" ({self.skipped} skipped)" if self.skipped else ""
        return (
            f"Built {plural(self.pages, 'page')} from {plural(self.sources, 'source')}{skipped} with "
            f"{plural(len(self.warnings), 'warning')} "
            f"in {self.seconds:.1f} s"
        )


class _Warnings(logging.Handler):
    """Collects the warnings the stages log, for the summary and for --strict."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("generator"):
            self.messages.append(record.getMessage())


@contextmanager
def collect_warnings() -> Iterator[_Warnings]:
    handler = _Warnings()
    root = logging.getLogger("generator")
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


class _Timer:
    def __init__(self) -> None:
        self.stages: list[tuple[str, float]] = []

    def run(self, name: str, step: Callable[[], T], count: Callable[[T], int] | None = None) -> T:
        started = time.perf_counter()
        result = step()
        seconds = time.perf_counter() - started
        self.stages.append((name, seconds))
        log.info("%-8s %s in %.2f s", name, f"{count(result)} items" if count else "done", seconds)
        return result


def story_site_name(briefing: Briefing) -> str | None:
    """The site's name: the story's title (None keeps mkdocs.yml's site_name)."""
    return theme_text(briefing.story.title) if briefing.story.title else None


def prepare_model(name: str) -> Language:
    return add_paragraph_boundaries(load_model(name))


def extract_facts(
    seeds_dir: Path, nlp: Language, progress: bool = False, timer: _Timer | None = None,
    previous: Mapping[str, Any] | None = None, jobs: int = 1, cache_dir: Path | None = None,
    model: str | None = None,
) -> Briefing:
    """load → clean → extract → link: the facts of a folder of articles, without writing anything.

    Extraction runs in ``jobs`` processes and reads and fills the cache in ``cache_dir`` (none when None);
    ``model`` names the model for worker processes that cannot share ``nlp``.

    Files that cannot be used are skipped (``Briefing.skipped``); what the stages warned about is kept in
    ``Briefing.warnings`` for the build report. ``previous`` is the previous build's facts.json: items
    that were there keep their ids."""
    timer = timer or _Timer()
    add_paragraph_boundaries(nlp)
    with collect_warnings() as warnings:
        loaded = timer.run("load", lambda: load_sources(seeds_dir), lambda done: len(done.documents))
        cleaned = timer.run("clean", lambda: clean_sources(loaded.documents), lambda done: len(done.sources))
        skipped = loaded.skipped + cleaned.skipped
        if not cleaned.sources:
            raise SourceError(no_usable_sources(seeds_dir, skipped))
        cache = ExtractionCache(cache_dir, Fingerprint.of(nlp), seeds_dir) if cache_dir is not None else None
        extracted = timer.run("extract", lambda: extract_sources(
            cleaned.sources, nlp, jobs=jobs, cache=cache, progress=progress, model=model), len)
        if cache is not None:
            cache.prune()
        skipped += extracted.skipped
        if not extracted.facts:
            raise SourceError(no_usable_sources(seeds_dir, skipped))
        briefing = timer.run("link", lambda: link(extracted.facts, previous), lambda b: len(b.people))
    skip_messages = {record.message for record in skipped}
    return replace(
        briefing,
        skipped=tuple(sorted(skipped, key=lambda record: record.path)),
        warnings=tuple(message for message in warnings.messages if message not in skip_messages),
    )


def no_usable_sources(seeds_dir: Path, skipped: tuple[Skipped, ...]) -> str:
    return (
        f"{seeds_dir}: none of its {len(skipped)} article files can be used; the first: {skipped[0].message} "
        "Fix the files named in the warnings above."
    )


def build(options: BuildOptions, nlp: Language | None = None) -> BuildReport:
    """Build content/ (and site/) from the seeds. Raises GeneratorError; writes nothing on failure.

    One build at a time writes a content folder (a lock next to it); content/ and site/ are written into
    staging folders and swapped in, so a build stopped at any moment leaves the previous ones whole."""
    started = time.perf_counter()
    timer = _Timer()
    if options.build_site:
        check_site_config(options.config_file)
    with collect_warnings() as warnings:
        nlp = nlp or timer.run("model", lambda: prepare_model(options.model))
        with build_lock(options.content_dir, options.site_dir if options.build_site else None):
            previous, previous_changes = read_previous(options.content_dir)
            briefing = extract_facts(options.seeds_dir, nlp, options.progress, timer, previous,
                                     jobs=options.jobs, cache_dir=options.cache_dir, model=options.model)
            if options.strict and warnings.messages:
                raise StrictError(
                    f"{len(warnings.messages)} warnings with --strict; the first: {warnings.messages[0]} "
                    "Fix the sources named in the warnings, or build without --strict."
                )
            pages = write_output(options, briefing, previous, previous_changes, timer, warnings)
        messages = tuple(warnings.messages)
    return BuildReport(
        sources=len(briefing.sources),
        pages=pages,
        warnings=messages,
        seconds=time.perf_counter() - started,
        stages=tuple(timer.stages),
        skipped=len(briefing.skipped),
    )


def write_output(
    options: BuildOptions, briefing: Briefing, previous, previous_changes, timer: _Timer, warnings: _Warnings
) -> int:
    """render → site, into staging folders swapped in only when both succeeded."""
    with staging(options.content_dir) as content_stage:
        pages = timer.run("render", lambda: render(briefing, content_stage, previous, previous_changes))
        if options.strict and warnings.messages:  # a broken link found while rendering
            raise StrictError(f"with --strict: {warnings.messages[0]}")
        if options.build_site:
            with staging(options.site_dir) as site_stage:
                timer.run("site", lambda: build_site(
                    options.config_file, content_stage, site_stage, story_site_name(briefing),
                    cache_dir=options.cache_dir))
                swap(content_stage, options.content_dir)
                swap(site_stage, options.site_dir)
        else:
            swap(content_stage, options.content_dir)
    return pages
