"""The whole build, top to bottom: load → clean → extract → link → render → site.

Everything is read and extracted before anything is written; pages and site are written into staging
folders and swapped in only when every stage succeeded.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language

from generator.link.changes import read_previous
from generator.ingest.clean import clean_documents
from generator.errors import StrictError
from generator.extract.batch import extract_sources
from generator.extract.cache import ExtractionCache, Fingerprint
from generator.extract.facts import add_paragraph_boundaries
from generator.link.briefing import link
from generator.ingest.load import read_sources
from generator.model import Briefing
from generator.extract.nlp import DEFAULT_MODEL, load_model
from generator.pages.base import plural, theme_text
from generator.pages.render import render
from generator.site import build_site, staging, swap

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
    cache_dir: Path | None = None  # extraction cache (the CLI's default: .cache/); None: no cache


@dataclass(frozen=True)
class BuildReport:
    sources: int
    pages: int
    warnings: tuple[str, ...]
    seconds: float
    stages: tuple[tuple[str, float], ...] = field(default=())

    def summary(self) -> str:
        return (
            f"Built {plural(self.pages, 'page')} from {plural(self.sources, 'source')} with "
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

    ``previous`` is the previous build's facts.json: items that were there keep their ids. Extraction runs
    in ``jobs`` processes and reads and fills the cache in ``cache_dir`` (none when None); ``model`` names
    the model for worker processes that cannot share ``nlp``."""
    timer = timer or _Timer()
    add_paragraph_boundaries(nlp)
    documents = timer.run("load", lambda: read_sources(seeds_dir), len)
    sources = timer.run("clean", lambda: clean_documents(documents), len)
    cache = ExtractionCache(cache_dir, Fingerprint.of(nlp), seeds_dir) if cache_dir is not None else None
    facts = timer.run(
        "extract", lambda: extract_sources(sources, nlp, jobs=jobs, cache=cache, progress=progress, model=model), len
    )
    if cache is not None:
        cache.prune()
    return timer.run("link", lambda: link(facts, previous), lambda b: len(b.people))


def build(options: BuildOptions, nlp: Language | None = None) -> BuildReport:
    """Build content/ (and site/) from the seeds. Raises GeneratorError; writes nothing on failure."""
    started = time.perf_counter()
    timer = _Timer()
    with collect_warnings() as warnings:
        nlp = nlp or timer.run("model", lambda: prepare_model(options.model))
        previous, previous_changes = read_previous(options.content_dir)
        briefing = extract_facts(options.seeds_dir, nlp, options.progress, timer, previous,
                                 jobs=options.jobs, cache_dir=options.cache_dir, model=options.model)
        if options.strict and warnings.messages:
            raise StrictError(
                f"{len(warnings.messages)} warnings with --strict; the first: {warnings.messages[0]}. "
                "Fix the sources named in the warnings, or build without --strict."
            )
        with staging(options.content_dir) as content_stage:
            pages = timer.run("render", lambda: render(briefing, content_stage, previous, previous_changes))
            if options.strict and warnings.messages:  # a broken link found while rendering
                raise StrictError(f"with --strict: {warnings.messages[0]}")
            if options.build_site:
                with staging(options.site_dir) as site_stage:
                    timer.run("site", lambda: build_site(
                        options.config_file, content_stage, site_stage, story_site_name(briefing)))
                    swap(content_stage, options.content_dir)
                    swap(site_stage, options.site_dir)
            else:
                swap(content_stage, options.content_dir)
        messages = tuple(warnings.messages)
    return BuildReport(
        sources=len(briefing.sources),
        pages=pages,
        warnings=messages,
        seconds=time.perf_counter() - started,
        stages=tuple(timer.stages),
    )
