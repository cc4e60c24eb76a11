"""Extracting many sources: from the cache when it holds them, else in ``jobs`` worker processes.

The result does not depend on how it was obtained: facts come back in source order, and the warnings each
source's extraction logs are captured and logged again in source order by the main process, whether they
were logged just now in a worker or stored in the cache by an earlier build. So the summary counts them
and ``--strict`` fails on them in every case.

Workers are forked from the main process (on Linux) and share its loaded model; where fork is not
available they are spawned and each loads the model once.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from spacy.language import Language

from generator.extract.cache import Extracted, ExtractionCache, LogLine, lookup
from generator.extract.facts import extract_doc, reference_for, story_reference
from generator.extract.long_texts import parse_all
from generator.model import Skipped, Source, SourceFacts

log = logging.getLogger(__name__)

CAPTURED = "generator.extract"  # the logger whose messages belong to one source's extraction
BATCH_SIZE = 32  # nlp.pipe batch
MAX_CHUNK = 64  # sources per task sent to a worker
Item = tuple[Source, dt.date | None, str]  # a source, the date its relative dates are read against, and why


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# ------------------------------------------------------------------------------------------ capture


class _Capture(logging.Handler):
    def __init__(self, lines: list[LogLine]) -> None:
        super().__init__(logging.NOTSET)
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(LogLine(record.name, record.levelno, record.getMessage()))


@contextmanager
def captured(name: str = CAPTURED) -> Iterator[list[LogLine]]:
    """What the logger ``name`` (and its children) log inside the block, held back instead of emitted."""
    logger = logging.getLogger(name)
    lines: list[LogLine] = []
    handler = _Capture(lines)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield lines
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


# ------------------------------------------------------------------------------------------ extract


def extract_items(items: Sequence[Item], nlp: Language, progress: object | None = None) -> list[Extracted]:
    """Parse the sources once (``nlp.pipe``; long texts in pieces) and extract each one's facts and messages
    (those of its parse too: a text parsed in pieces says so)."""
    docs = parse_all(nlp, ((source.path, source.text) for source, _, _ in items), batch_size=BATCH_SIZE)
    out = []
    for source, reference, origin in items:
        with captured() as lines:
            facts, skipped = _extract_one(next(docs), source, reference, origin)
        out.append(Extracted(facts, tuple(lines), skipped))
        if progress is not None:
            progress.update(1)
    return out


def extraction_failed(path: str, error: str) -> Skipped:
    return Skipped(path, f"its facts could not be extracted ({error})",
                   "This is a bug in the generator: please report it with the file. The story is built without it.")


def _extract_one(doc, source: Source, reference: dt.date | None,
                 origin: str) -> tuple[SourceFacts | None, Skipped | None]:
    """One source's facts; an unexpected error in one article skips that article, never the story."""
    try:
        return extract_doc(doc, source, reference, origin), None
    except Exception as exc:  # noqa: BLE001 - any bug met on one article must not take the others down
        skipped = extraction_failed(source.path, f"{type(exc).__name__}: {exc}")
        log.warning("%s", skipped.message)
        log.debug("extraction of %s failed", source.path, exc_info=True)
        return None, skipped


@dataclass(frozen=True)
class Extraction:
    """The facts of the sources that could be extracted, in source order, and the sources that could not."""

    facts: tuple[SourceFacts, ...]
    skipped: tuple[Skipped, ...]

    def __len__(self) -> int:
        return len(self.facts)


_WORKER_NLP: Language | None = None  # the model in a worker process (inherited when forked)


def _start_worker(model: str | None) -> None:
    global _WORKER_NLP
    if _WORKER_NLP is None:
        from generator.pipeline import prepare_model  # spawned: load the model once per process

        _WORKER_NLP = prepare_model(model or "en_core_web_sm")


def _extract_chunk(items: Sequence[Item]) -> list[Extracted]:
    assert _WORKER_NLP is not None, "worker started without a model"
    return extract_items(items, _WORKER_NLP)


def chunks(items: Sequence[Item], jobs: int) -> list[Sequence[Item]]:
    """About four tasks per worker, so that a slow chunk does not leave the other workers idle."""
    size = max(1, min(MAX_CHUNK, math.ceil(len(items) / (jobs * 4))))
    return [items[i:i + size] for i in range(0, len(items), size)]


def extract_parallel(items: Sequence[Item], nlp: Language, jobs: int, model: str | None,
                     progress: object | None = None) -> list[Extracted]:
    """``extract_items`` in ``jobs`` processes, results in the order of ``items``."""
    global _WORKER_NLP
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else "spawn")
    _WORKER_NLP = nlp if fork else None
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker,
                                 initargs=(model,)) as pool:
            out: list[Extracted] = []
            for chunk, done in zip(parts := chunks(items, jobs), pool.map(_extract_chunk, parts)):
                out.extend(done)
                if progress is not None:
                    progress.update(len(chunk))
            return out
    finally:
        _WORKER_NLP = None


def extract_sources(
    sources: Sequence[Source], nlp: Language, *, jobs: int = 1, cache: ExtractionCache | None = None,
    progress: bool = False, model: str | None = None,
) -> Extraction:
    """The facts of every source, in order: cached ones read, the others extracted (and cached). A source
    whose extraction fails is left out with a warning and listed as skipped."""
    story_date, origin = story_reference(sources)
    items = [(source, *reference_for(source, story_date, origin)) for source in sources]
    keys = [cache.key(*item) for item in items] if cache else []
    found = lookup(cache, keys, sources)
    missing = [i for i, entry in enumerate(found) if entry is None]
    todo = [items[i] for i in missing]
    with _progress_bar(len(todo), progress) as bar:
        if jobs > 1 and len(todo) > 1:
            fresh = extract_parallel(todo, nlp, min(jobs, len(todo)), model, bar)
        else:
            fresh = extract_items(todo, nlp, bar)
    for i, entry in zip(missing, fresh):
        found[i] = entry
        if cache is not None and entry.facts is not None:
            cache.put(keys[i], entry)
    if cache is not None:
        log.info("extraction cache: %d sources read, %d extracted", len(sources) - len(missing), len(missing))
    for entry in found:
        for line in entry.log:
            line.emit()
    return Extraction(tuple(entry.facts for entry in found if entry.facts is not None),
                      tuple(entry.skipped for entry in found if entry.skipped is not None))


@contextmanager
def _progress_bar(total: int, show: bool) -> Iterator[object | None]:
    if not show or not total:
        yield None
        return
    from tqdm import tqdm  # only on a terminal, imported lazily

    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked while the bar is shown
    with tqdm(total=total, desc="extract", unit="article", leave=False) as bar:
        yield bar
