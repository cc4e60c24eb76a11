"""The extraction cache: each source's facts, kept on disk so that a rebuild extracts only what changed.

An entry is keyed by everything the facts of one source depend on:

- the source itself: the bytes of its file, and the cleaned ``Source`` record (which carries what its
  ``sources.yaml`` entry and front matter gave: title, outlet, date…);
- the date its relative expressions are read against (the story's date, for an undated source);
- the spaCy model (name, version, pipeline components) and spaCy's version;
- the generator's version and a digest of the extraction code and of every rules file.

An entry holds the facts and the warnings their extraction logged (replayed on a hit, so that ``--strict``
fails on a cached source as on a fresh one). It is a JSON document after a line with its SHA-256: an entry
whose digest, format, key or source does not match is ignored (and rewritten after extraction), never
trusted. The facts go through JSON rather than pickle because a cache restored from elsewhere (a CI cache)
must not be able to run code. Entries are written to a temporary file and renamed into place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cattrs
import spacy
from spacy.language import Language

from generator import __version__
from generator import cache_store as store
from generator.model import Skipped, Source, SourceFacts

log = logging.getLogger(__name__)

FORMAT = 1
DEFAULT_DIR = Path(".cache")
PACKAGE = Path(__file__).resolve().parent.parent
# What extraction runs (relative to the package): a change to any of these files invalidates every entry.
CODE_FILES = ("extract/*.py", "model.py", "link/people.py", "link/wordnet.py", "slugs.py", "errors.py", "rules/*.py", "rules/*.yaml")
MAX_AGE_DAYS = 30  # entries no build has used for this long are removed


@dataclass(frozen=True)
class LogLine:
    """A message extraction logged, kept to be logged again when the facts come from the cache."""

    logger: str
    level: int
    message: str

    def emit(self) -> None:
        logging.getLogger(self.logger).log(self.level, "%s", self.message)


@dataclass(frozen=True)
class Extracted:
    """The facts of one source and the warnings their extraction logged."""

    facts: SourceFacts | None  # None: the extraction failed (``skipped`` says why); never cached
    log: tuple[LogLine, ...] = ()
    skipped: Skipped | None = None


# ------------------------------------------------------------------------------------------------ keys


@lru_cache(maxsize=1)
def package_digest() -> str:
    """``code_digest`` of the installed package, computed once per process."""
    return code_digest(PACKAGE)


def code_digest(root: Path) -> str:
    """SHA-256 over the extraction code and the rules files under ``root``, by relative path."""
    digest = hashlib.sha256()
    files = sorted({path for pattern in CODE_FILES for path in root.glob(pattern) if path.is_file()})
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def model_identity(nlp: Language) -> str:
    """The model's name, version and components, and spaCy's version: what a parse depends on."""
    meta = nlp.meta
    return "|".join([
        f"{meta.get('lang', '?')}_{meta.get('name', '?')}", str(meta.get("version", "?")),
        ",".join(nlp.pipe_names), f"spacy {spacy.__version__}",
    ])


@dataclass(frozen=True)
class Fingerprint:
    """What every entry of one build shares: model, generator version, extraction code and rules."""

    model: str
    generator: str = __version__
    code: str = ""

    @classmethod
    def of(cls, nlp: Language) -> Fingerprint:
        return cls(model=model_identity(nlp), generator=__version__, code=package_digest())


# --------------------------------------------------------------------------------------- serialising


def _converter() -> cattrs.Converter:
    converter = cattrs.Converter()
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, lambda value, _: dt.date.fromisoformat(value))
    return converter


CONVERTER = _converter()


def source_json(source: Source) -> str:
    return json.dumps(CONVERTER.unstructure(source), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_key(
    fingerprint: Fingerprint, source: Source, file_bytes: bytes, reference: dt.date | None, origin: str
) -> str:
    parts = {
        "format": FORMAT,
        "fingerprint": CONVERTER.unstructure(fingerprint),
        "file": hashlib.sha256(file_bytes).hexdigest(),
        "source": hashlib.sha256(source_json(source).encode()).hexdigest(),
        "reference": reference.isoformat() if reference else None,
        "origin": origin,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def dumps(key: str, extracted: Extracted) -> bytes:
    body = json.dumps(
        {"format": FORMAT, "key": key, "facts": CONVERTER.unstructure(extracted.facts),
         "log": [CONVERTER.unstructure(line) for line in extracted.log]},
        ensure_ascii=False, separators=(",", ":"),
    ).encode("utf-8")
    return store.frame(body)


def loads(data: bytes, key: str, source: Source) -> Extracted:
    """The entry in ``data``; ValueError when it is corrupt, of another format, or for another key or source."""
    document = store.document(data, FORMAT, key)
    facts = CONVERTER.structure(document["facts"], SourceFacts)
    if facts.source != source:
        raise ValueError("entry of another source")
    return Extracted(facts, tuple(CONVERTER.structure(line, LogLine) for line in document["log"]))


# ------------------------------------------------------------------------------------------ the cache


class ExtractionCache:
    """Entries under ``folder/extract/<key[:2]>/<key>.json``."""

    def __init__(self, folder: Path, fingerprint: Fingerprint, seeds_dir: Path) -> None:
        self.folder = folder / "extract"
        self.fingerprint = fingerprint
        self.seeds_dir = seeds_dir
        self.hits = 0
        self.misses = 0

    def key(self, source: Source, reference: dt.date | None, origin: str) -> str:
        try:
            file_bytes = (self.seeds_dir / source.path).read_bytes()
        except OSError:
            file_bytes = b""  # the Source record still keys its content
        return entry_key(self.fingerprint, source, file_bytes, reference, origin)

    def path(self, key: str) -> Path:
        return store.entry_path(self.folder, key)

    def get(self, key: str, source: Source) -> Extracted | None:
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            found = loads(data, key, source)
        except (ValueError, TypeError, KeyError, AttributeError, cattrs.BaseValidationError) as exc:
            log.info("ignoring the cache entry %s of %s (%s); extracting again", path, source.id, exc)
            self.misses += 1
            return None
        self.hits += 1
        store.touch(path)
        return found

    def put(self, key: str, extracted: Extracted) -> None:
        """Write the entry atomically; a cache that cannot be written only costs time."""
        store.write(self.path(key), dumps(key, extracted))

    def prune(self, max_age_days: float = MAX_AGE_DAYS) -> int:
        """Remove the entries no build used for ``max_age_days`` (and stale temporary files)."""
        return store.prune(self.folder, max_age_days)


def lookup(cache: ExtractionCache | None, keys: Sequence[str], sources: Sequence[Source]) -> list[Extracted | None]:
    if cache is None:
        return [None] * len(sources)
    return [cache.get(key, source) for key, source in zip(keys, sources)]
