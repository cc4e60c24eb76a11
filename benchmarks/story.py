"""Benchmark: the home page's key points on ECB+ stories, against the gold cross-document event coreference.

Each ECB+ subtopic (one real-world event told by 3–22 articles) is built as a story; its key points
(``generator.link.story``) are scored against the gold event mentions (``ecbplus_event_mentions.jsonl``):

- **gold outlets of a point**: of the gold cross-document event clusters with a mention in the point's sentence,
  the one in the most documents; its document count is how many outlets really carry the point's main event.
- **main-event share**: the gold outlets of a point divided by the story's documents (1.0: every article tells
  it). Averaged over the key points, and for the top point alone.
- **carried pairs**: each (point, other source, the sentence we link to) is right when that sentence holds a
  mention of the point's main gold cluster. Precision over our pairs; recall over the documents the gold cluster
  is in (its documents other than the point's own). Counted only where the point's sentence holds a gold
  cross-document cluster.
- **count error**: |our "N of M outlets" − the gold outlets of the main cluster|, mean over points.

Baseline in the same run: as many points as ours, taken as the first sentences ("ledes") of the sources in file
order, scored by the same main-event share (what a reader gets from reading the first line of each article).

Split (fixed before looking at results): dev = topics 1–20 (topics 3 and 20 were looked at while writing the
rules), test = topics 21–45. Run: ``.venv/bin/python benchmarks/story.py``; writes ``benchmarks/results/story.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# run as a script, benchmarks/ comes first on the path and its html.py would shadow the standard library's html
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from generator.link.story import is_statement  # noqa: E402
from generator.pipeline import extract_facts, prepare_model  # noqa: E402

SHARED = Path(os.environ.get("SHARED_EVAL", ROOT.parent / "shared" / "eval"))
if not SHARED.exists():
    SHARED = Path("/work/shared/eval")
DOCS = SHARED / "ecbplus" / "ecbplus_docs.jsonl"
EVENTS = SHARED / "ecbplus" / "ecbplus_event_mentions.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "story.md"
DEV_TOPICS = range(1, 21)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sentence_span(doc_text: str, sentence: str) -> tuple[int, int] | None:
    """Where a sentence of the cleaned source stands in the corpus text (cleaning keeps the corpus's lines)."""
    at = doc_text.find(sentence)
    return (at, at + len(sentence)) if at >= 0 else None


def clusters_in(events: list[dict], span: tuple[int, int] | None) -> set[str]:
    if span is None:
        return set()
    return {e["cluster_id"] for e in events if e["cross_doc"] and span[0] <= e["start"] and e["end"] <= span[1]}


def score_story(briefing, docs: dict[str, dict], events: dict[str, list[dict]]) -> dict:
    cluster_docs: dict[str, set[str]] = defaultdict(set)
    for doc_id, found in events.items():
        for e in found:
            if e["cross_doc"]:
                cluster_docs[e["cluster_id"]].add(doc_id)
    sentences = {f.source.id: f.sentences for f in briefing.facts}
    n = len(docs)

    def main_cluster(source: str, index: int) -> str | None:
        found = clusters_in(events[source], sentence_span(docs[source]["text"], sentences[source][index].text))
        return max(found, key=lambda c: (len(cluster_docs[c]), c)) if found else None

    shares, pairs_right, pairs, recall_hits, recall_total, count_errors = [], 0, 0, 0, 0, []
    for point in briefing.story.points:
        cluster = main_cluster(point.source, point.sentence)
        gold = cluster_docs[cluster] if cluster else set()
        shares.append(len(gold) / n)
        if not cluster:
            continue
        ours = {s: i for s, i in point.reports if s != point.source}
        for source, index in ours.items():
            span = sentence_span(docs[source]["text"], sentences[source][index].text)
            pairs += 1
            pairs_right += cluster in clusters_in(events[source], span)
        others = gold - {point.source}
        recall_total += len(others)
        recall_hits += sum(1 for s in others if s in ours and cluster in clusters_in(
            events[s], sentence_span(docs[s]["text"], sentences[s][ours[s]].text)))
        count_errors.append(abs(len({s for s, _ in point.reports}) - len(gold)))
    # baseline: the first statement of each source, as many as our points
    ledes = []
    for facts in briefing.facts:
        first = next((s for s in facts.sentences if is_statement(s.text, set())), None)
        if first is not None:
            ledes.append((facts.source.id, first.index))
    ledes = ledes[: max(1, len(briefing.story.points))]
    lede_shares = []
    for source, index in ledes:
        cluster = main_cluster(source, index)
        lede_shares.append(len(cluster_docs[cluster]) / n if cluster else 0.0)
    top = shares[0] if shares else 0.0
    return {
        "points": len(shares), "share": statistics.mean(shares) if shares else 0.0, "top": top,
        "lede_share": statistics.mean(lede_shares) if lede_shares else 0.0,
        "lede_top": lede_shares[0] if lede_shares else 0.0,
        "pairs_right": pairs_right, "pairs": pairs, "recall_hits": recall_hits, "recall_total": recall_total,
        "count_errors": count_errors,
    }


def summarise(rows: list[dict]) -> dict:
    pairs = sum(r["pairs"] for r in rows)
    recall_total = sum(r["recall_total"] for r in rows)
    errors = [e for r in rows for e in r["count_errors"]]
    return {
        "stories": len(rows),
        "points": statistics.mean(r["points"] for r in rows),
        "share": statistics.mean(r["share"] for r in rows),
        "top": statistics.mean(r["top"] for r in rows),
        "lede_share": statistics.mean(r["lede_share"] for r in rows),
        "lede_top": statistics.mean(r["lede_top"] for r in rows),
        "precision": sum(r["pairs_right"] for r in rows) / pairs if pairs else 0.0,
        "recall": sum(r["recall_hits"] for r in rows) / recall_total if recall_total else 0.0,
        "count_error": statistics.mean(errors) if errors else 0.0,
        "in_range": sum(1 for r in rows if 3 <= r["points"] <= 7) / len(rows),
    }


MIXED_TOPICS = 5  # topics per mixed run, as in benchmarks/events.py


def cross_topic(briefing, topic_of: dict[str, str]) -> dict[str, tuple[int, int]]:
    """(links between outlets of different ECB+ topics, all links between outlets) of the key points' carried
    pairs, the comparison's facts of several sources and the cross-outlet quote groups: in a folder of unrelated
    stories, every link across topics is false."""
    def count(groups: list[set[str]]) -> tuple[int, int]:
        several = [g for g in groups if len(g) > 1]
        return sum(1 for g in several if len({topic_of[s] for s in g}) > 1), len(several)

    pairs = [{point.source, source} for point in briefing.story.points for source, _ in point.reports]
    return {
        "key-point carried pairs": count(pairs),
        "comparison facts of several outlets": count([set(f.sources) for f in briefing.comparison.facts]),
        "quote groups of several outlets": count([set(g.sources) for g in briefing.quote_groups]),
    }


def mixed_runs(docs: list[dict], split: str, nlp) -> list[str]:
    """Folders of several stories: the documents of ``MIXED_TOPICS`` consecutive topics of the split in one
    folder. Ours (stories told apart by ``link/timeline.py``) against the same facts linked as one story
    (``same_story`` 0), in one run."""
    from unittest import mock

    from generator.link import timeline
    from generator.link.briefing import link

    topics = sorted({int(d["subtopic"].split("_")[0]) for d in docs
                     if (int(d["subtopic"].split("_")[0]) in DEV_TOPICS) == (split == "dev")})
    totals: dict[str, dict[str, list[int]]] = {"ours": defaultdict(lambda: [0, 0]),
                                               "one story assumed": defaultdict(lambda: [0, 0])}
    runs = [topics[i:i + MIXED_TOPICS] for i in range(0, len(topics), MIXED_TOPICS)]
    names = ", ".join(f"{run[0]}–{run[-1]}" for run in runs)
    for run in runs:
        members = [d for d in docs if int(d["subtopic"].split("_")[0]) in run]
        with tempfile.TemporaryDirectory() as tmp:
            for doc in members:
                (Path(tmp) / f"{doc['doc_id']}.txt").write_text(doc["text"], encoding="utf-8")
            briefing = extract_facts(Path(tmp), nlp)
        rules = {**timeline._rules(), "same_story": 0.0}
        with mock.patch.object(timeline, "_rules", lambda: rules):
            one_story = link(briefing.facts)
        topic_of = {d["doc_id"]: d["subtopic"].split("_")[0] for d in members}
        for name, built in (("ours", briefing), ("one story assumed", one_story)):
            for kind, (wrong, found) in cross_topic(built, topic_of).items():
                totals[name][kind][0] += wrong
                totals[name][kind][1] += found
        print(f"mixed run {split} topics {run[0]}-{run[-1]}: {len(members)} documents", flush=True)
    lines = [f"| {split} ({names}) | {name} | " + " | ".join(
        f"{w / n:.2f} ({w}/{n})" if n else "–" for w, n in (totals[name][k] for k in (
            "key-point carried pairs", "comparison facts of several outlets", "quote groups of several outlets")))
        + " |" for name in totals]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-stories", type=int, default=0, help="first N subtopics only (0: all 86)")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all", help="score only this split")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--no-mixed", action="store_true", help="skip the folders of several stories")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    docs = read_jsonl(DOCS)
    events = {e["doc_id"]: e["events"] for e in read_jsonl(EVENTS)}
    by_story: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        by_story[doc["subtopic"]].append(doc)
    stories = sorted(by_story, key=lambda s: (int(s.split("_")[0]), s))
    if args.split != "all":
        stories = [s for s in stories if (int(s.split("_")[0]) in DEV_TOPICS) == (args.split == "dev")]
    if args.max_stories:
        stories = stories[: args.max_stories]
    nlp = prepare_model("en_core_web_sm")
    rows: dict[str, list[dict]] = {"dev": [], "test": []}
    for story in stories:
        members = by_story[story]
        with tempfile.TemporaryDirectory() as tmp:
            for doc in members:
                (Path(tmp) / f"{doc['doc_id']}.txt").write_text(doc["text"], encoding="utf-8")
            briefing = extract_facts(Path(tmp), nlp)
        row = score_story(briefing, {d["doc_id"]: d for d in members}, {d["doc_id"]: events[d["doc_id"]] for d in members})
        split = "dev" if int(story.split("_")[0]) in DEV_TOPICS else "test"
        rows[split].append(row)
        print(f"{story:14} {split:4} points {row['points']} top {row['top']:.2f} share {row['share']:.2f} "
              f"lede {row['lede_share']:.2f} pairs {row['pairs_right']}/{row['pairs']}", flush=True)
    lines = [
        "# Key points on ECB+ stories",
        "",
        f"{dt.date.today().isoformat()}; `benchmarks/story.py`; each ECB+ subtopic built as one story; gold: ECB+",
        "cross-document event coreference. Dev = topics 1–20, test = topics 21–45 (split fixed before the run).",
        "",
        "| split | stories | key points per story | stories with 3–7 points | main-event share, top point | "
        "main-event share, all points | ledes baseline: top | ledes baseline: all | carried pairs P | "
        "carried pairs R | outlet count error |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for split in ("dev", "test"):
        if not rows[split]:
            continue
        s = summarise(rows[split])
        lines.append(f"| {split} | {s['stories']} | {s['points']:.1f} | {s['in_range']:.2f} | {s['top']:.2f} | "
                     f"{s['share']:.2f} | {s['lede_top']:.2f} | {s['lede_share']:.2f} | {s['precision']:.2f} | "
                     f"{s['recall']:.2f} | {s['count_error']:.2f} |")
    lines += [
        "",
        "Main-event share: the documents of the story holding the gold event cluster the point's sentence mentions",
        "(the one in most documents), divided by the story's documents. Carried pairs: our link from a point to",
        "another source's sentence is right when that sentence mentions the same gold cluster (P); R is over the",
        "documents the gold cluster is in. Outlet count error: |our N − the gold cluster's documents|.",
    ]
    if not args.no_mixed:
        mixed = [line for split in ("dev", "test") if args.split in (split, "all")
                 for line in mixed_runs(docs, split, nlp)]
        lines += [
            "",
            "## Folders of several stories",
            "",
            f"The documents of {MIXED_TOPICS} consecutive ECB+ topics in one folder (the runs are named in the table):",
            "unrelated stories, so every link between outlets of different topics is false.",
            "Share of the links that join outlets of different topics, ours (sources told apart into stories by",
            "`link/timeline.py`; key points, comparison and quote groups stay within a story) against the same facts",
            "linked as one story, in the same run:",
            "",
            "| split (topics of each run) | system | key-point carried pairs | comparison facts of several outlets | "
            "quote groups of several outlets |",
            "|---|---|--:|--:|--:|",
            *mixed,
        ]
    report = "\n".join(lines) + "\n"
    print(report)
    if not args.no_write:
        RESULTS.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
