"""Build benchmark: extraction overhead against a bare spaCy pass, and full build time, on two corpora.

    .venv/bin/python benchmarks/build.py                 # seeds and ECB+ (982 articles); writes results/build.md
    .venv/bin/python benchmarks/build.py --datasets seeds --no-write

Each measurement runs in its own child process, so the peak RSS reported is that measurement's own:
- bare:    read_sources + clean_documents, then `for doc in nlp.pipe(texts)` over the cleaned texts
- extract: generator.pipeline.extract_facts (load → clean → extract → link), same model, already loaded
- build:   generator.pipeline.build (model load, extraction, rendering and `mkdocs build --strict`)
The model is loaded (and warmed on one sentence) before the clock starts in bare and extract.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "build.md"
ECBPLUS = Path(os.environ.get("ECBPLUS_DOCS", REPO.parent / "shared" / "eval" / "ecbplus" / "ecbplus_docs.jsonl"))
KINDS = ("bare", "extract", "build")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


# --- child process: one measurement ---------------------------------------------------------------------------


def measure(kind: str, seeds: Path, model: str, workdir: Path) -> dict:
    if kind == "build":
        from generator.pipeline import BuildOptions, build

        options = BuildOptions(
            seeds_dir=seeds,
            content_dir=workdir / "content",
            site_dir=workdir / "site",
            model=model,
            config_file=REPO / "mkdocs.yml",
        )
        started = time.perf_counter()
        report = build(options)
        seconds = time.perf_counter() - started
        return {
            "seconds": seconds,
            "sources": report.sources,
            "pages": report.pages,
            "warnings": len(report.warnings),
            "stages": [list(stage) for stage in report.stages],
        }

    from generator.ingest.clean import clean_documents
    from generator.ingest.load import read_sources
    from generator.extract.nlp import load_model

    nlp = load_model(model)
    nlp("Warm up the pipeline once.")
    if kind == "bare":
        started = time.perf_counter()
        sources = clean_documents(read_sources(seeds))
        prepared = time.perf_counter()
        texts = [source.text for source in sources]
        tokens = sum(len(doc) for doc in nlp.pipe(texts))
        done = time.perf_counter()
        return {
            "seconds": done - prepared,
            "load_clean_seconds": prepared - started,
            "sources": len(texts),
            "chars": sum(map(len, texts)),
            "tokens": tokens,
        }
    from generator.pipeline import extract_facts

    started = time.perf_counter()
    briefing = extract_facts(seeds, nlp)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "sources": len(briefing.sources), "people": len(briefing.people)}


def child_main(args: argparse.Namespace) -> int:
    import logging

    logging.basicConfig(level=logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        result = measure(args.child, Path(args.seeds), args.model, Path(tmp))
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))
    return 0


# --- parent: corpora, children, report ------------------------------------------------------------------------


def ecbplus_seeds(target: Path, limit: int | None = None) -> Path:
    """Write each ECB+ document as <doc_id>.txt (its text only; the first line is the title line)."""
    target.mkdir(parents=True, exist_ok=True)
    with ECBPLUS.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                break
            doc = json.loads(line)
            (target / f"{doc['doc_id']}.txt").write_text(doc["text"].strip() + "\n", encoding="utf-8")
    return target


def run_child(kind: str, seeds: Path, model: str, timeout: float) -> dict | None:
    """One measurement in a child process; None when it did not finish within ``timeout`` seconds."""
    command = [sys.executable, __file__, "--child", kind, "--seeds", str(seeds), "--model", model]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=timeout)
    except subprocess.TimeoutExpired:
        print(f"  {kind} did not finish in {timeout:.0f} s", file=sys.stderr)
        return None
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"benchmark child {kind} on {seeds} failed with exit code {done.returncode}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_seconds"] = wall
    return result


def machine(model: str) -> dict[str, str]:
    import spacy

    from generator.extract.nlp import load_model

    nlp = load_model(model)
    return {
        "date": dt.date.today().isoformat(),
        "cpus (nproc)": str(os.cpu_count()),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "spaCy": spacy.__version__,
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
    }


def _seconds(result: dict | None, key: str = "seconds", digits: int = 2) -> str:
    return "timeout" if result is None else f"{result[key]:.{digits}f}"


def _ratio(extract: dict | None, bare: dict | None) -> str:
    if bare is None:
        return "–"
    if extract is None:
        return "> timeout"
    return f"{extract['seconds'] / bare['seconds']:.2f}×"


def _rss(result: dict | None) -> str:
    return "–" if result is None else f"{result['peak_rss_mb']:.0f}"


def table(rows: list[tuple[str, dict[str, dict | None]]], timeout: float) -> str:
    out = [
        "| corpus | sources | pages | bare nlp.pipe s | extract_facts s | ratio | load+clean s "
        "| full build s | peak RSS MB (bare / extract / build) |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, r in rows:
        bare, extract, build = r["bare"], r["extract"], r["build"]
        sources = next((x["sources"] for x in (build, bare, extract) if x is not None), "?")
        pages = build["pages"] if build is not None else "–"
        out.append(
            f"| {name} | {sources} | {pages} | {_seconds(bare)} | {_seconds(extract)} | {_ratio(extract, bare)} "
            f"| {_seconds(bare, 'load_clean_seconds')} | {_seconds(build, digits=1)} "
            f"| {_rss(bare)} / {_rss(extract)} / {_rss(build)} |"
        )
    out.append("")
    out.append(f"*timeout*: the measurement did not finish within {timeout:.0f} s and was stopped.")
    return "\n".join(out)


def stages_table(rows: list[tuple[str, dict[str, dict]]]) -> str:
    built = [(name, r["build"]) for name, r in rows if r["build"] is not None]
    names = list(dict.fromkeys(stage for _, build in built for stage, _ in build["stages"]))
    out = ["| corpus | " + " | ".join(names) + " |", "|---|" + "--:|" * len(names)]
    for name, build in built:
        seconds = dict(build["stages"])
        out.append(f"| {name} | " + " | ".join(f"{seconds.get(s, 0):.2f}" for s in names) + " |")
    return "\n".join(out)


def report(rows: list[tuple[str, dict[str, dict | None]]], facts: dict[str, str], timeout: float) -> str:
    return "\n".join([
        "# Build benchmark",
        "",
        "Produced by `make bench` (`benchmarks/build.py`); see `benchmarks/README.md`.",
        "",
        "| " + " | ".join(facts) + " |",
        "|" + "---|" * len(facts),
        "| " + " | ".join(facts.values()) + " |",
        "",
        "Seconds are wall-clock times of one run. *bare nlp.pipe*: the model alone over the cleaned texts. "
        "*extract_facts*: our load → clean → extract → link on the same texts with the same model "
        "(*ratio* = extract_facts / bare). *full build*: `generator.pipeline.build` including model load, "
        "rendering and `mkdocs build --strict`. Peak RSS is each child process's own maximum.",
        "",
        table(rows, timeout),
        "",
        "Stages of the full build (seconds):",
        "",
        stages_table(rows),
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", default="seeds,ecbplus",
                        help="comma-separated: seeds, ecbplus (all 982), ecbplus:N (the first N ECB+ documents)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per measurement (default 900)")
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--no-write", action="store_true", help=f"print only; don't write {RESULTS.relative_to(REPO)}")
    parser.add_argument("--child", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--seeds", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_main(args)

    rows: list[tuple[str, dict[str, dict | None]]] = []
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        for dataset in args.datasets.split(","):
            if dataset == "seeds":
                name, seeds = "seeds", REPO / "seeds"
            elif dataset.partition(":")[0] == "ecbplus":
                if not ECBPLUS.exists():
                    parser.error(f"{ECBPLUS} is missing: set ECBPLUS_DOCS to ecbplus_docs.jsonl, or --datasets seeds")
                limit = int(dataset.partition(":")[2]) if ":" in dataset else None
                seeds = ecbplus_seeds(Path(tmp) / dataset.replace(":", "-"), limit)
                name = f"ECB+ ({sum(1 for _ in seeds.glob('*.txt'))} articles)"
            else:
                parser.error(f"unknown dataset {dataset!r}")
            results = {}
            for kind in KINDS:
                print(f"{name}: {kind}…", file=sys.stderr, flush=True)
                results[kind] = run_child(kind, seeds, args.model, args.timeout)
            rows.append((name, results))

    text = report(rows, machine(args.model), args.timeout)
    print(text)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        partial = RESULTS.with_suffix(".md.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(RESULTS)
        print(f"wrote {RESULTS.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
