"""Build benchmark: cold build, rebuilds, parallel extraction, stages, memory and search index on ECB+.

    nice -n 10 .venv/bin/python benchmarks/build.py                     # 250, 500 and 982 ECB+ articles
    .venv/bin/python benchmarks/build.py --sizes 100 --no-zensical --no-write

For each size N, the first N documents of ECB+ (``ecbplus_docs.jsonl``, file order, i.e. topic by topic) are
written as ``.txt`` seeds into a temporary folder, and each measurement runs in its own child process:

- cold:     ``generator.pipeline.build`` with ``--jobs 2`` and empty extraction and page caches (model load,
            load, clean, extract, link, render, ``mkdocs build``), each stage's seconds;
- jobs1:    load + clean + extraction alone with ``--jobs 1`` and no cache (the cold build's extract stage
            is the ``--jobs 2`` figure);
- changed:  one article edited (a sentence added; the last one with a source page of its own), rebuilt
            with the extraction and page caches and the previous content/;
- added:    one article added (the next ECB+ article), rebuilt likewise;
- zensical: ``zensical build`` of the cold build's content/ with the same mkdocs.yml, beside MkDocs.

Each row records the load averages of the machine (``os.getloadavg``) before the measurement: the cores are
shared, so read the seconds with them. Peak memory is the child's own maximum RSS and the largest of its
worker processes (``getrusage``). The search index size is that of ``site/search/search_index.json``.
The MkDocs build runs strict like ``generator build``; on ECB+ it is run without strict when the content has
broken anchors (the count is reported), so that the timing still covers a whole site.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "build.md"


def _ecbplus_path() -> Path:
    given = os.environ.get("ECBPLUS_DOCS")
    if given:
        return Path(given)
    for base in (REPO.parent, REPO.parent.parent):
        path = base / "shared" / "eval" / "ecbplus" / "ecbplus_docs.jsonl"
        if path.exists():
            return path
    return REPO.parent / "shared" / "eval" / "ecbplus" / "ecbplus_docs.jsonl"


ECBPLUS = _ecbplus_path()
KINDS = ("cold", "zensical", "jobs1", "changed", "added")
# On a loaded machine the full set takes long: every measurement on 250 articles, the cold build on 500
# (link growth), the cold build, Zensical and the rebuild after a changed article on 982.
DEFAULT_SIZES = "250,500:cold,982:cold+zensical+changed"


def parse_sizes(text: str) -> list[tuple[int, tuple[str, ...]]]:
    out = []
    for part in text.split(","):
        number, _, kinds = part.partition(":")
        chosen = tuple(k for k in KINDS if k in kinds.split("+")) if kinds else KINDS
        unknown = set(kinds.split("+")) - set(KINDS) if kinds else set()
        if unknown:
            raise SystemExit(f"unknown measurement {sorted(unknown)} in --sizes (known: {', '.join(KINDS)})")
        out.append((int(number), chosen))
    return out


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def peak_rss_mb() -> tuple[float, float]:
    """This process's peak RSS and the largest of its finished children's (Linux reports KiB)."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


# --- child process: one measurement ---------------------------------------------------------------------------


def _lenient_site(warnings: list[str]):
    """``build_site`` that retries without strict when only broken anchors stop it, counting them."""
    import logging

    from generator.errors import BuildError
    from generator.publish import site as site_stage

    def build_site(config_file: Path, content_dir: Path, site_dir: Path, site_name: str | None = None,
                   **options) -> None:
        try:
            site_stage.build_site(config_file, content_dir, site_dir, site_name, **options)
        except BuildError:
            class Count(logging.Handler):
                def emit(self, record: logging.LogRecord) -> None:
                    warnings.append(record.getMessage())

            handler = Count(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(handler)
            try:
                site_stage.build_site(config_file, content_dir, site_dir, site_name, **{**options, "strict": False})
            finally:
                logging.getLogger("mkdocs").removeHandler(handler)

    return build_site


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the extraction workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed_stages(pipeline, cpu: list[tuple[str, float]]) -> None:
    """Record each stage's CPU seconds beside the wall-clock seconds the pipeline reports."""
    run = pipeline._Timer.run

    def timed(self, name, step, count=None):
        started = cpu_seconds()
        try:
            return run(self, name, step, count)
        finally:
            cpu.append((name, cpu_seconds() - started))

    pipeline._Timer.run = timed


def measure_build(seeds: Path, work: Path, jobs: int) -> dict:
    from generator import pipeline

    warnings: list[str] = []
    cpu: list[tuple[str, float]] = []
    pipeline.build_site = _lenient_site(warnings)
    _timed_stages(pipeline, cpu)
    cpu_started = cpu_seconds()
    options = pipeline.BuildOptions(
        seeds_dir=seeds, content_dir=work / "content", site_dir=work / "site", config_file=REPO / "mkdocs.yml",
        jobs=jobs, cache_dir=work / "cache",
    )
    started = time.perf_counter()
    report = pipeline.build(options)
    seconds = time.perf_counter() - started
    index = work / "site" / "search" / "search_index.json"
    return {
        "seconds": seconds, "sources": report.sources, "pages": report.pages, "warnings": len(report.warnings),
        "stages": [list(stage) for stage in report.stages], "search_index_bytes": index.stat().st_size,
        "non_strict_warnings": len(warnings), "cpu_seconds": cpu_seconds() - cpu_started, "cpu_stages": cpu,
    }


def measure_extraction(seeds: Path, jobs: int, model: str) -> dict:
    from generator.extract.batch import extract_sources
    from generator.ingest.clean import clean_documents
    from generator.ingest.load import read_sources
    from generator.pipeline import prepare_model

    nlp = prepare_model(model)
    nlp("Warm up the pipeline once.")
    sources = clean_documents(read_sources(seeds))
    started, cpu_started = time.perf_counter(), cpu_seconds()
    facts = extract_sources(sources, nlp, jobs=jobs, model=model)
    return {"seconds": time.perf_counter() - started, "sources": len(facts), "cpu_seconds": cpu_seconds() - cpu_started}


def measure_zensical(work: Path) -> dict:
    """``zensical build`` in a project folder holding a copy of the content and of mkdocs.yml (Zensical wants
    docs_dir inside the project), strict off for the same reason as above."""
    project = work / "zensical"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir()
    shutil.copytree(work / "content", project / "content")
    shutil.copytree(REPO / "overrides", project / "overrides")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("strict: true", "strict: false")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    command = [str(Path(sys.executable).parent / "zensical"), "build", "-f", "mkdocs.yml"]
    started, cpu_started = time.perf_counter(), cpu_seconds()
    done = subprocess.run(command, cwd=project, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    index = project / "site" / "search.json"
    return {
        "seconds": seconds, "exit": done.returncode, "cpu_seconds": cpu_seconds() - cpu_started,
        "error": "" if done.returncode == 0 else (done.stderr.strip().splitlines() or ["?"])[-1][:200],
        "search_index_bytes": index.stat().st_size if index.exists() else None,
    }


def edit_one(seeds: Path, content: Path) -> None:
    """Add a sentence to the last article (sorted by name) that has a page of its own in the previous build's
    content/: one merged into another as a duplicate would change no page."""
    pages = {page.stem for page in (content / "sources").glob("*.md")}
    article = [path for path in sorted(seeds.glob("*.txt")) if path.stem in pages][-1]
    article.write_text(article.read_text(encoding="utf-8").rstrip("\n") + "\nThe officials said more talks "
                       "would follow next week.\n", encoding="utf-8")


def add_one(seeds: Path) -> None:
    """Add the next ECB+ article (the repository's first seed article after the last one)."""
    present = {p.stem for p in seeds.glob("*.txt")}
    with ECBPLUS.open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            if doc["doc_id"] not in present:
                (seeds / f"{doc['doc_id']}.txt").write_text(doc["text"].strip() + "\n", encoding="utf-8")
                return
    first = sorted((REPO / "seeds").glob("*.txt"))[0]
    shutil.copy(first, seeds / f"zz_added_{first.name}")


def child_main(args: argparse.Namespace) -> int:
    import logging

    logging.basicConfig(level=logging.ERROR)
    seeds, work = Path(args.seeds), Path(args.work)
    if args.child == "cold":
        result = measure_build(seeds, work, jobs=2)
    elif args.child == "jobs1":
        result = measure_extraction(seeds, 1, args.model)
    elif args.child == "changed":
        edit_one(seeds, work / "content")
        result = measure_build(seeds, work, jobs=2)
    elif args.child == "added":
        add_one(seeds)
        result = measure_build(seeds, work, jobs=2)
    else:
        result = measure_zensical(work)
    result["peak_rss_mb"], result["peak_rss_workers_mb"] = peak_rss_mb()
    print(json.dumps(result))
    return 0


# --- parent: corpora, children, report ------------------------------------------------------------------------


def ecbplus_seeds(target: Path, limit: int) -> Path:
    """Write each ECB+ document as <doc_id>.txt (its text only; the first line is the title line)."""
    target.mkdir(parents=True, exist_ok=True)
    with ECBPLUS.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= limit:
                break
            doc = json.loads(line)
            (target / f"{doc['doc_id']}.txt").write_text(doc["text"].strip() + "\n", encoding="utf-8")
    return target


def run_child(kind: str, seeds: Path, work: Path, model: str, timeout: float) -> dict | None:
    command = [sys.executable, __file__, "--child", kind, "--seeds", str(seeds), "--work", str(work), "--model", model]
    before = load()
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=timeout,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    except subprocess.TimeoutExpired:
        print(f"  {kind} did not finish in {timeout:.0f} s", file=sys.stderr)
        return None
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"benchmark child {kind} on {seeds} failed with exit code {done.returncode}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    result["load_before"] = before
    result["load_after"] = load()
    print(f"  {kind}: {result['seconds']:.1f} s, load {before} → {result['load_after']}", file=sys.stderr)
    return result


def machine(model: str) -> dict[str, str]:
    import spacy

    from generator.extract.nlp import load_model

    nlp = load_model(model)
    try:
        zensical = subprocess.run([str(Path(sys.executable).parent / "zensical"), "--version"],
                                  capture_output=True, text=True).stdout.strip().split()[-1]
    except (OSError, IndexError):
        zensical = "not installed"
    import mkdocs

    return {
        "date": dt.date.today().isoformat(),
        "cpus (nproc)": str(os.cpu_count()),
        "python": platform.python_version(),
        "spaCy": spacy.__version__,
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "MkDocs": mkdocs.__version__,
        "Zensical": zensical,
    }


# --- report ----------------------------------------------------------------------------------------------------


def _s(result: dict | None, key: str = "seconds", digits: int = 1) -> str:
    return "–" if result is None or result.get(key) is None else f"{result[key]:.{digits}f}"


def _stage(result: dict | None, name: str) -> float | None:
    return None if result is None else dict(result["stages"]).get(name)


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _load(result: dict | None) -> str:
    return "–" if result is None else " / ".join(f"{x:.1f}" for x in result["load_before"])


def _kb(size: int | None) -> str:
    return "–" if size is None else f"{size / 1024:.0f}"


def _cpu(result: dict | None, name: str) -> float | None:
    return None if result is None else dict(result.get("cpu_stages", [])).get(name)


def _pair(wall: float | None, cpu: float | None) -> str:
    return "–" if wall is None else f"{wall:.1f}" + ("" if cpu is None else f" ({cpu:.1f})")


def report(rows: list[tuple[int, dict[str, dict | None]]], facts: dict[str, str]) -> str:
    out = ["# Build benchmark", "", "Produced by `benchmarks/build.py` (see `benchmarks/README.md`).", "",
           "| " + " | ".join(facts) + " |", "|" + "---|" * len(facts), "| " + " | ".join(facts.values()) + " |", ""]
    out += [
        "## Builds", "",
        "Seconds of one run each: wall clock, and in brackets CPU seconds (the process and its extraction "
        "workers), which the other work on the machine disturbs less. *cold*: empty extraction and page "
        "caches, `--jobs 2`. *changed* / *added*: rebuild after one article (one with a source page of its own) "
        "was edited / one was added, with both caches and the previous `content/`. *load* = the machine's "
        "1/5/15-minute load averages just before the cold build "
        "(2 cores: above 2, the build waited for a core part of the time).", "",
        "| articles | pages | cold s | changed s | changed / cold (wall; CPU) | added s | peak RSS MB (main / "
        "largest worker) | search index KB | KB per article | load before cold |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for n, r in rows:
        cold, changed, added = r["cold"], r["changed"], r["added"]
        ratio = "–" if cold is None or changed is None else (
            f"{changed['seconds'] / cold['seconds']:.0%}; {changed['cpu_seconds'] / cold['cpu_seconds']:.0%}")
        size = None if cold is None else cold["search_index_bytes"]
        out.append(
            f"| {n} | {cold['pages'] if cold else '–'} | {_pair(cold and cold['seconds'], cold and cold['cpu_seconds'])} "
            f"| {_pair(changed and changed['seconds'], changed and changed['cpu_seconds'])} | {ratio} "
            f"| {_pair(added and added['seconds'], added and added['cpu_seconds'])} "
            f"| {_s(cold, 'peak_rss_mb', 0)} / {_s(cold, 'peak_rss_workers_mb', 0)} | {_kb(size)} "
            f"| {'–' if size is None else f'{size / 1024 / n:.1f}'} | {_load(cold)} |"
        )
    names = ["model", "load", "clean", "extract", "link", "render", "site"]
    out += ["", "## Stages", "", "Wall-clock seconds (CPU seconds).", "",
            "| articles | build | " + " | ".join(names) + " |", "|--:|---|" + "--:|" * len(names)]
    for n, r in rows:
        for kind in ("cold", "changed", "added"):
            if r[kind] is not None:
                out.append(f"| {n} | {kind} | " + " | ".join(
                    _pair(_stage(r[kind], s), _cpu(r[kind], s)) for s in names) + " |")
    built = [(n, r) for n, r in rows if r["cold"]]
    out += ["", "Link stage growth (cold builds, wall; CPU): " + ", ".join(
        f"{a} → {b} articles ×{_stage(rb['cold'], 'link') / _stage(ra['cold'], 'link'):.2f}; "
        f"×{_cpu(rb['cold'], 'link') / _cpu(ra['cold'], 'link'):.2f} (articles ×{b / a:.2f})"
        for (a, ra), (b, rb) in zip(built, built[1:])) + "."]
    out += ["", "## Parallel extraction", "",
            "The extraction stage alone (after load and clean, model loaded), no cache: `--jobs 1` measured on "
            "its own, `--jobs 2` = the cold build's extract stage. CPU in brackets: the work is the same; the "
            "speed-up needs two free cores, which a loaded machine does not give.", "",
            "| articles | --jobs 1 s | --jobs 2 s | speed-up (wall) | load before jobs 1 | load before jobs 2 |",
            "|--:|--:|--:|--:|---|---|"]
    for n, r in rows:
        one, two = r["jobs1"], _stage(r["cold"], "extract")
        speed = "–" if one is None or two is None else f"{one['seconds'] / two:.2f}×"
        out.append(f"| {n} | {_pair(one and one['seconds'], one and one['cpu_seconds'])} "
                   f"| {_pair(two, _cpu(r['cold'], 'extract'))} | {speed} | {_load(one)} | {_load(r['cold'])} |")
    out += ["", "## MkDocs and Zensical", "",
            "The same content/ and mkdocs.yml. MkDocs = the cold build's site stage (mkdocs-material); Zensical "
            "= `zensical build` (CPU of the process tree).", "",
            "| articles | MkDocs s | MkDocs search index KB | Zensical s | Zensical search index KB | Zensical exit "
            "| load before Zensical |", "|--:|--:|--:|--:|--:|---|---|"]
    for n, r in rows:
        z, cold = r["zensical"], r["cold"]
        exit_text = "–" if z is None else ("ok" if z["exit"] == 0 else f"failed: {z['error']}")
        out.append(f"| {n} | {_pair(_stage(cold, 'site'), _cpu(cold, 'site'))} "
                   f"| {_kb(cold and cold['search_index_bytes'])} | {_pair(z and z['seconds'], z and z['cpu_seconds'])} "
                   f"| {_kb(z and z['search_index_bytes'])} | {exit_text} | {_load(z)} |")
    lenient = [(n, r["cold"]["non_strict_warnings"]) for n, r in rows if r["cold"] and r["cold"]["non_strict_warnings"]]
    if lenient:
        out += ["", "MkDocs ran without strict on: " + ", ".join(f"{n} articles ({w} broken-anchor warnings)"
                                                                  for n, w in lenient) + "."]
    out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=DEFAULT_SIZES,
                        help="numbers of ECB+ articles, each with the measurements to run after a colon "
                             f"(joined by +; default {DEFAULT_SIZES}; a bare number runs all)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per measurement (default 1800)")
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--no-zensical", action="store_true", help="skip the Zensical builds")
    parser.add_argument("--no-write", action="store_true", help=f"print only; don't write {RESULTS.relative_to(REPO)}")
    parser.add_argument("--json", type=Path, help="also write the raw measurements here (after each size)")
    parser.add_argument("--report-from", type=Path, nargs="+", metavar="JSON",
                        help="write the report from measurements saved with --json (several runs: sizes merged)")
    parser.add_argument("--child", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--seeds", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_main(args)
    if args.report_from:
        saved = {n: kinds for path in args.report_from for n, kinds in json.loads(path.read_text(encoding="utf-8"))}
        write(report(sorted(saved.items()), machine(args.model)), args.no_write)
        return 0
    if not ECBPLUS.exists():
        parser.error(f"{ECBPLUS} is missing: set ECBPLUS_DOCS to ecbplus_docs.jsonl")

    rows: list[tuple[int, dict[str, dict | None]]] = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        for n, kinds in parse_sizes(args.sizes):
            seeds = ecbplus_seeds(Path(tmp) / str(n) / "seeds", n)
            work = Path(tmp) / str(n)
            print(f"ECB+ {n} articles:", file=sys.stderr, flush=True)
            results: dict[str, dict | None] = {}
            for kind in KINDS:
                if kind not in kinds or (kind == "zensical" and args.no_zensical):
                    results[kind] = None
                    continue
                results[kind] = run_child(kind, seeds, work, args.model, args.timeout)
            rows.append((n, results))
            shutil.rmtree(work, ignore_errors=True)
            if args.json:  # after each size, so that a long run stopped early keeps what it measured
                args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")

    write(report(rows, machine(args.model)), args.no_write)
    return 0


def write(text: str, no_write: bool) -> None:
    print(text)
    if not no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        partial = RESULTS.with_suffix(".md.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(RESULTS)
        print(f"wrote {RESULTS.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
