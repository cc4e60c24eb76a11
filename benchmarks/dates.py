"""Benchmark: normalising DATE expressions of the MEANTIME corpus (English Wikinews, gold TimeML values).

For every gold DATE timex (the article's own date line, CREATION_TIME, is skipped) we compare:

* ours: ``generator.extract.dates.extract_dates`` on the article (spaCy DATE/TIME spans + our patterns, normalised
  with the document creation time as the reference date);
* dateparser alone: ``DateDataParser`` with ``RELATIVE_BASE`` = the creation time on the same spaCy DATE spans,
  the value written at the granularity dateparser reports (day, week, month, year).

Value accuracy is the share of gold expressions whose value is exactly the gold value. It is reported on the
gold expressions both systems see (those overlapping a spaCy DATE entity), and end to end (over all gold
expressions, a missed one counting as wrong). Where we give one range ("between 2014 and 2016") and
MEANTIME annotates its two ends, each end is compared with its own part of the range. Detection recall: gold expressions overlapped by a candidate.

Run: ``.venv/bin/python -m benchmarks.dates [--errors]``; writes ``benchmarks/results/dates.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import time
from collections import Counter
from pathlib import Path

from dateparser.date import DateDataParser

from generator.extract.dates import extract_dates
from generator.model import Paragraph, Sentence, Source
from generator.extract.nlp import load_model

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "meantime" / "meantime_timex.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "dates.md"


def make_source(doc_id: str, text: str, published: dt.date) -> Source:
    paragraphs = []
    offset = 0
    for i, part in enumerate(text.split("\n\n")):
        paragraphs.append(Paragraph(i, offset, offset + len(part), part))
        offset += len(part) + 2
    return Source(id=doc_id, path=f"{doc_id}.txt", format="txt", title=doc_id, outlet=None, url=None, author=None,
                  published=published, text=text, paragraphs=tuple(paragraphs), removed=())


def dateparser_value(text: str, reference: dt.date) -> str | None:
    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(reference.year, reference.month, reference.day),
        "RETURN_TIME_AS_PERIOD": True,
    })
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if period == "year":
        return f"{day.year:04d}"
    return day.isoformat()


def range_part(value: str, text: str, offset: int) -> str:
    """MEANTIME annotates the two ends of "between 2014 and 2016" separately; we give one range value. A gold
    expression inside the range's text is compared with the end it names."""
    connector = re.search(r" and | to | until | through |-|–", text)
    left, right = value.split("/", 1)
    if connector is None:
        return value
    return left if offset < connector.start() else right


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def run(show_errors: bool = False) -> str:
    nlp = load_model("en_core_web_sm")
    docs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = []  # (gold, dct, spacy_text, ours_value, dp_value, ours_text)
    started = time.perf_counter()
    spurious = valued = 0
    for record in docs:
        reference = dt.date.fromisoformat(record["dct"])
        source = make_source(record["doc_id"], record["text"], reference)
        doc = nlp(record["text"])
        sentences = tuple(
            Sentence(source.id, i, s.start_char, s.end_char, s.text, source.paragraph_at(s.start_char).index)
            for i, s in enumerate(doc.sents)
        )
        mentions = extract_dates(doc, source, sentences, reference, "published")
        ents = [e for e in doc.ents if e.label_ == "DATE"]
        # MEANTIME annotates the first sentences of each article only: count up to its last timex.
        gold_spans = [(t["start"], t["end"]) for t in record["timexes"]]
        annotated = max((end for _, end in gold_spans), default=0)
        dated = [m for m in mentions if m.value and m.kind == "date" and m.end <= annotated]
        spurious += sum(1 for m in dated if not any(overlap((m.start, m.end), g) for g in gold_spans))
        valued += len(dated)
        for timex in record["timexes"]:
            if timex["type"] != "DATE" or timex.get("functionInDocument") == "CREATION_TIME":
                continue
            span = (timex["start"], timex["end"])
            ent = max(ents, key=lambda e: overlap(span, (e.start_char, e.end_char)), default=None)
            if ent is not None and overlap(span, (ent.start_char, ent.end_char)) == 0:
                ent = None
            mention = max(mentions, key=lambda m: overlap(span, (m.start, m.end)), default=None)
            if mention is not None and overlap(span, (mention.start, mention.end)) == 0:
                mention = None
            ours = mention.value if mention else None
            if ours and "/" in ours and mention is not None:
                ours = range_part(ours, mention.text, timex["start"] - mention.start)
            rows.append({
                "doc": record["doc_id"],
                "text": timex["text"],
                "gold": timex["value"],
                "dct": record["dct"],
                "spacy": ent.text if ent is not None else None,
                "dateparser": dateparser_value(ent.text, reference) if ent is not None else None,
                "ours_text": mention.text if mention else None,
                "ours": ours,
                "ours_rule": mention.rule if mention else None,
            })
    seconds = time.perf_counter() - started

    total = len(rows)
    seen = [r for r in rows if r["spacy"] is not None]
    detected = [r for r in rows if r["ours_text"] is not None]

    def acc(items: list[dict], key: str) -> tuple[int, int]:
        return sum(1 for r in items if r[key] == r["gold"]), len(items)

    def pct(pair: tuple[int, int]) -> str:
        good, n = pair
        return f"{good / n:.3f} ({good}/{n})" if n else "–"

    calendar = [r for r in seen if not r["gold"].endswith("_REF")]
    lines = [
        "# Dates benchmark: MEANTIME (English Wikinews), DATE expressions",
        "",
        f"{len(docs)} articles, {total} gold DATE expressions (the date line, CREATION_TIME, excluded). "
        "Reference date = the article's creation time. Values compared exactly (TimeML: `2008-03-06`, `2008-W35`, "
        "`2008-10`, `2008-Q4`, `2008`, `PAST_REF`, …). Generated by `python -m benchmarks.dates`.",
        "",
        "| measure | ours (generator.extract.dates) | dateparser alone |",
        "|---|---|---|",
        f"| value accuracy on gold expressions overlapping a spaCy DATE span | {pct(acc(seen, 'ours'))} | {pct(acc(seen, 'dateparser'))} |",
        f"| … of them, calendar values only (no `*_REF`) | {pct(acc(calendar, 'ours'))} | {pct(acc(calendar, 'dateparser'))} |",
        f"| value accuracy end to end (all gold, missed = wrong) | {pct(acc(rows, 'ours'))} | {pct(acc(rows, 'dateparser'))} |",
        f"| detection recall (gold overlapped by a candidate span) | {pct((len(detected), total))} | {pct((len(seen), total))} (spaCy DATE) |",
        "",
        f"Precision check: of our dated expressions (kind `date`, with a value) in the annotated part of each "
        f"article (MEANTIME annotates its first sentences), {spurious} of {valued} overlap no gold timex of any type.",
        "",
        f"spaCy model `en_core_web_sm`; {seconds:.1f} s for parsing and both normalisers.",
        "",
    ]
    errors = [r for r in seen if r["ours"] != r["gold"]]
    kinds = Counter("vague (`*_REF`)" if r["gold"].endswith("_REF") else
                    "duration-valued gold (`P…`)" if r["gold"].startswith("P") else
                    "unresolved (None)" if r["ours"] is None else "wrong value" for r in errors)
    lines += ["Errors of ours on the shared spans, by kind: " + ", ".join(f"{k}: {v}" for k, v in kinds.most_common()), ""]
    report = "\n".join(lines)
    if show_errors:
        for r in errors:
            print(f"{r['doc']} {r['dct']} gold={r['gold']!r:14} ours={r['ours']!r:14} dp={r['dateparser']!r:14} "
                  f"{r['text']!r} / ours {r['ours_text']!r}: {r['ours_rule']}")
    if show_errors:
        for r in rows:
            if r["ours_text"] is None:
                print(f"MISSED {r['doc']} gold={r['gold']!r} {r['text']!r}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every expression we get wrong")
    args = parser.parse_args()
    report = run(args.errors)
    print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
