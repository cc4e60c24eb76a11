"""What the clean stage's screening does to a real corpus: files skipped as not articles, duplicates merged,
paragraphs counted once, and what it costs (ECB+, 982 news articles, written as .txt seeds).

    .venv/bin/python benchmarks/screening.py          # ~30 s; writes results/screening.md
    .venv/bin/python benchmarks/screening.py --limit 40 --no-write   # the first 40 articles, nothing written

The thresholds in generator/rules/input.yaml are swept on ECB+ dev topics (1-35) and the html-news dev pages by
benchmarks/rule_sweeps.py (results/rules.md); this script reports what they do on the whole corpus.
Each merged pair is listed with rapidfuzz's ratio of the two folded texts, to be checked by reading.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.build import ecbplus_seeds  # noqa: E402
from generator.ingest.clean import clean_document, clean_sources  # noqa: E402
from generator.ingest.load import load_sources  # noqa: E402
from generator.ingest.screen import fold  # noqa: E402
from generator.model import Source  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "screening.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="only the first N ECB+ articles (default: all)")
    parser.add_argument("--no-write", action="store_true", help="print the results only")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        seeds = ecbplus_seeds(Path(tmp) / "ecbplus", args.limit if args.limit is not None else sys.maxsize)
        started = time.perf_counter()
        loaded = load_sources(seeds)
        loaded_at = time.perf_counter()
        plain = {doc.path: clean_document(doc) for doc in loaded.documents}
        plain_at = time.perf_counter()
        cleaned = clean_sources(loaded.documents)
        screened_at = time.perf_counter()
    repeated = sum(1 for s in cleaned.sources for r in s.removed if r.rule == "repeated paragraph")
    pairs = [(s.path, r.path) for s in cleaned.sources for r in s.also_published_as]
    lines = [
        "# Screening of sources (benchmarks/screening.py)",
        "",
        f"ECB+: {len(loaded.documents) + len(loaded.skipped)} articles as .txt seeds.",
        "",
        "| measure | value |",
        "|---|--:|",
        f"| skipped at load (unreadable, empty, binary …) | {len(loaded.skipped)} |",
        f"| skipped as not an article | {len(cleaned.skipped)} |",
        f"| merged as the same article (also published as) | {len(pairs)} |",
        f"| paragraphs repeated inside an article, counted once | {repeated} |",
        f"| load | {loaded_at - started:.2f} s |",
        f"| clean without screening | {plain_at - loaded_at:.2f} s |",
        f"| clean with screening | {screened_at - plain_at:.2f} s |",
        "",
        "Merged pairs (kept ← merged), rapidfuzz ratio of the folded texts, titles:",
        "",
        "| kept | merged | ratio | titles |",
        "|---|---|--:|---|",
    ]
    for kept, merged in pairs:
        a, b = plain[kept], plain[merged]
        assert isinstance(a, Source) and isinstance(b, Source)
        lines.append(f"| {kept} | {merged} | {fuzz.ratio(fold(a.text), fold(b.text)):.1f} | "
                     f"{a.title[:45]} / {b.title[:45]} |")
    lines += ["", "Skipped:", ""] + [f"- {s.message}" for s in (*loaded.skipped, *cleaned.skipped)] + [""]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
