"""The extraction cache and parallel extraction: the same bytes however the facts were obtained.

Content built with 1 and 2 processes, with and without the cache, from a warm cache and after an entry was
corrupted or swapped must be byte-identical; a different model or rules file must miss the cache; the
warnings extraction logs must reach the build (and --strict) whether they come from a worker or the cache.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.errors import StrictError
from generator.extract.cache import (
    ExtractionCache,
    Extracted,
    Fingerprint,
    LogLine,
    code_digest,
    dumps,
    entry_key,
    loads,
)
from generator.model import Source
from generator.pipeline import BuildOptions, build

REPO = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.model]


@pytest.fixture(scope="module")
def nlp():
    from generator.pipeline import prepare_model

    return prepare_model("en_core_web_sm")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    """The seed articles and one article whose quotation mark is never closed (a warning)."""
    folder = tmp_path_factory.mktemp("seeds")
    for path in (REPO / "seeds").iterdir():
        shutil.copy(path, folder / path.name)
    (folder / "unclosed_quote.txt").write_text(
        "date 2025-02-27\nTalks in Riyadh\n\nThe minister said “the talks went well and would go on.\n\n"
        "Dmitry Peskov said: “A good start.”\n",
        encoding="utf-8",
    )
    return folder


def _build(nlp, seeds: Path, out: Path, **options) -> tuple[Path, tuple[str, ...]]:
    report = build(BuildOptions(seeds_dir=seeds, content_dir=out, build_site=False, **options), nlp=nlp)
    return out, report.warnings


def _same_tree(a: Path, b: Path) -> None:
    files = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    for name in files:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_content_is_byte_identical_for_jobs_and_cache(nlp, seeds, tmp_path) -> None:
    cache = tmp_path / "cache"
    reference, warned = _build(nlp, seeds, tmp_path / "jobs1", jobs=1)
    assert any("unclosed_quote" in w for w in warned)

    for name, options in [
        ("jobs2", {"jobs": 2}),
        ("cold-cache", {"jobs": 2, "cache_dir": cache}),
        ("warm-cache", {"jobs": 1, "cache_dir": cache}),
    ]:
        content, warnings = _build(nlp, seeds, tmp_path / name, **options)
        _same_tree(reference, content)
        assert warnings == warned, name  # from the workers and from the cache, in the same order

    entries = sorted((cache / "extract").glob("*/*.json"))
    assert len(entries) == len([p for p in seeds.iterdir() if p.suffix == ".txt"])
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # truncated
    entries[1].write_bytes(entries[2].read_bytes())  # another source's entry under this key
    content, warnings = _build(nlp, seeds, tmp_path / "corrupted", jobs=2, cache_dir=cache)
    _same_tree(reference, content)
    assert warnings == warned
    # both were extracted again and rewritten: now valid entries
    assert entries[0].read_bytes() != entries[2].read_bytes()[:100]
    assert entries[1].read_bytes() != entries[2].read_bytes()


def test_cached_warnings_still_fail_a_strict_build(nlp, seeds, tmp_path) -> None:
    cache = tmp_path / "cache"
    _build(nlp, seeds, tmp_path / "first", cache_dir=cache)
    with pytest.raises(StrictError, match="unclosed_quote"):
        _build(nlp, seeds, tmp_path / "strict", cache_dir=cache, strict=True, jobs=2)


def test_a_changed_source_is_extracted_again(nlp, seeds, tmp_path) -> None:
    cache = tmp_path / "cache"
    changed = tmp_path / "seeds"
    shutil.copytree(seeds, changed)
    _build(nlp, changed, tmp_path / "before", cache_dir=cache)
    before = set((cache / "extract").glob("*/*.json"))
    article = changed / "unclosed_quote.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("A good start", "A fine start"), encoding="utf-8")
    content, _ = _build(nlp, changed, tmp_path / "after", cache_dir=cache)
    assert len(set((cache / "extract").glob("*/*.json")) - before) == 1
    reference, _ = _build(nlp, changed, tmp_path / "fresh")
    _same_tree(reference, content)
    assert "A fine start" in (content / "sources" / "unclosed_quote.md").read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------- keys and entries


def _source(text: str = "Putin said so.", **kw) -> Source:
    fields = dict(id="a", path="a.txt", format="txt", title="A", outlet=None, url=None, author=None,
                  published=dt.date(2025, 2, 27), text=text, paragraphs=(), removed=())
    fields.update(kw)
    return Source(**fields)


BASE = Fingerprint(model="en_core_web_sm|3.8.0|tok2vec,parser", generator="0.1.0", code="abc")


@pytest.mark.parametrize(
    ("change", "value"),
    [
        ("model", "en_core_web_sm|3.8.1|tok2vec,parser"),  # another model version
        ("model", "en_core_web_md|3.8.0|tok2vec,parser"),  # another model
        ("generator", "0.2.0"),
        ("code", "abd"),  # another rules file or extraction code
    ],
)
def test_a_changed_fingerprint_misses_the_cache(tmp_path, change, value) -> None:
    from dataclasses import replace

    source = _source()
    cache = ExtractionCache(tmp_path, BASE, tmp_path)
    key = cache.key(source, None, "story")
    from generator.model import SourceFacts

    cache.put(key, Extracted(SourceFacts(source, (), (), ())))
    assert cache.get(key, source) is not None
    other = ExtractionCache(tmp_path, replace(BASE, **{change: value}), tmp_path)
    other_key = other.key(source, None, "story")
    assert other_key != key
    assert other.get(other_key, source) is None


@pytest.mark.parametrize(
    "changed",
    [
        {"text": "Putin said no."},
        {"outlet": "Reuters"},  # a sources.yaml entry
        {"published": dt.date(2025, 2, 28)},
    ],
)
def test_a_changed_source_changes_the_key(changed) -> None:
    assert entry_key(BASE, _source(), b"x", None, "story") != entry_key(BASE, _source(**changed), b"x", None, "story")


def test_the_file_bytes_and_the_reference_date_are_in_the_key() -> None:
    source = _source()
    key = entry_key(BASE, source, b"x", None, "story")
    assert key != entry_key(BASE, source, b"y", None, "story")
    assert key != entry_key(BASE, source, b"x", dt.date(2025, 2, 27), "story")


def test_code_digest_follows_the_rules_files(tmp_path) -> None:
    package = REPO / "generator"
    copy = tmp_path / "generator"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert code_digest(copy) == code_digest(package)
    rules = copy / "rules" / "reporting_verbs.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# one more line\n", encoding="utf-8")
    assert code_digest(copy) != code_digest(package)
    extraction = copy / "extract" / "quotes.py"
    shutil.copy(package / "rules" / "reporting_verbs.yaml", rules)
    assert code_digest(copy) == code_digest(package)
    extraction.write_text(extraction.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert code_digest(copy) != code_digest(package)


def test_entries_round_trip_and_refuse_tampering() -> None:
    from generator.model import Sentence, SourceFacts

    source = _source()
    facts = SourceFacts(source, (Sentence("a", 0, 0, 14, "Putin said so.", 0),), (), ())
    entry = Extracted(facts, (LogLine("generator.extract.quotes", 30, "a: odd"),))
    data = dumps("k", entry)
    assert loads(data, "k", source) == entry
    with pytest.raises(ValueError):
        loads(data, "other key", source)
    with pytest.raises(ValueError):
        loads(data, "k", _source(text="Putin said no."))
    with pytest.raises(ValueError):
        loads(data.replace(b"Putin said so.", b"Putin said no."), "k", source)  # checksum
    with pytest.raises(ValueError):
        loads(b"not an entry", "k", source)


def test_cli_jobs_and_cache_options() -> None:
    from generator.cli import parser

    args = parser().parse_args(["build", "--jobs", "2", "--no-cache"])
    assert args.jobs == 2 and args.cache is None
    args = parser().parse_args(["build"])
    assert args.cache == Path(".cache") and args.jobs is None
    assert parser().parse_args(["extract", "x", "--cache", "elsewhere"]).cache == Path("elsewhere")
    with pytest.raises(SystemExit):
        parser().parse_args(["build", "--jobs", "0"])
