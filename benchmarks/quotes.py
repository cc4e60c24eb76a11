"""Quote extraction benchmark: our extractor and textacy's ``direct_quotations`` on the same parsed texts.

Gold data: ``tests/data/quotes_seeds.yaml`` (every quote in the five seeds) and ``benchmarks/data/quotes_sample.yaml``
(quotes annotated in 15 MEANTIME and ECB+ articles; the texts are read from ../shared/eval at run time).

Scores, per data set and system:
- span precision / recall, overlap-based (a prediction matches a gold quote when they share at least half of the
  shorter one; one-to-one) and exact (same words);
- speaker accuracy over the matched quotes (the prediction contains the last word of the gold speaker; for us the
  resolved name, else the speaker as written), and the number of quotes put in the mouth of the wrong speaker;
- partial-flag accuracy (ours only), and textacy's failures (exceptions, i.e. whole articles lost);
- grouping of quotes of the same statement (ours only): pairwise precision / recall against the gold labels, with
  the thresholds learnt by ``benchmarks/grouping.py`` (its own annotated pairs, dev/test split).

Run: ``.venv/bin/python benchmarks/quotes.py`` (writes benchmarks/results/quotes.md). Needs ``pip install .[bench]``.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.extract import facts as ex  # noqa: E402
from generator.ingest.clean import clean_documents  # noqa: E402
from generator.ingest.load import read_sources  # noqa: E402
from generator.model import Paragraph, Quote, Source  # noqa: E402
from generator.extract.nlp import load_model  # noqa: E402
from generator.link.quote_groups import group_quotes  # noqa: E402
from generator.extract.quotes import extract_quotes, normalise  # noqa: E402
from generator.rules import load_rules  # noqa: E402

EVAL = REPO.parent / "shared" / "eval"
CORPORA = {"meantime": EVAL / "meantime" / "meantime_entities.jsonl", "ecbplus": EVAL / "ecbplus" / "ecbplus_docs.jsonl"}
RESULTS = REPO / "benchmarks" / "results" / "quotes.md"
QUOTE_MARKS = "“”„«»\"‘’‹›' "


@dataclass
class Gold:
    doc: str
    text: str
    speaker: str | None
    partial: bool
    statement: str | None
    start: int | None = None
    end: int | None = None


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


def seed_docs() -> list[Doc]:
    data = yaml.safe_load((REPO / "tests" / "data" / "quotes_seeds.yaml").read_text())["sources"]
    sources = clean_documents(read_sources(REPO / "seeds"))
    docs = []
    for source in sources:
        entry = data.get(source.id, {})
        quotes = entry.get("quotes", [])
        gold = [Gold(source.id, q["text"], q["speaker"], q["partial"], q.get("statement")) for q in quotes]
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
            Gold(doc_id, q["text"], q["speaker"], q["partial"], q.get("statement") and f"{q['statement']}")
            for q in entry["quotes"]
        ]
        locate(gold, source.text)
        docs.append(Doc(source, gold, entry.get("scare", [])))
    return docs


# ------------------------------------------------------------------------------------------- systems


def run_ours(doc: Doc, parsed) -> None:
    sentences = ex.extract_sentences(parsed, doc.source)
    people = ex.extract_people(parsed, doc.source)
    for q in extract_quotes(parsed, doc.source, sentences, people):
        doc.ours.append(Prediction(doc.source.id, q.text, q.start, q.end, q.speaker_name or q.speaker_text, q.partial, q))


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
        speaker = " ".join(t.text for t in triple.speaker) if triple.speaker else None
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


def speaker_right(predicted: str | None, gold: str | None) -> bool:
    """The prediction holds the gold speaker's last word, or is the gold speaker's first name alone ("Steve")."""
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    words = re.findall(r"\w+", predicted.lower())
    for alt in gold.split("|"):
        gold_words = re.findall(r"\w+", alt.lower())
        if gold_words[-1] in words or words == gold_words[:1]:
            return True
    return False


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    speaker_right: int = 0
    wrong_speaker: int = 0  # matched, attributed to someone other than the gold speaker
    partial_right: int = 0
    full_gold: int = 0
    full_found_right: int = 0
    scare_as_quote: int = 0
    failures: int = 0

    def row(self, name: str) -> str:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        pe = self.exact / self.predicted if self.predicted else 0.0
        re_ = self.exact / self.gold if self.gold else 0.0
        sp = self.speaker_right / self.matched if self.matched else 0.0
        full = f"{self.full_found_right}/{self.full_gold}"
        return (
            f"| {name} | {self.gold} | {self.predicted} | {p:.2f} | {r:.2f} | {f:.2f} | {pe:.2f} | {re_:.2f} | "
            f"{sp:.2f} | {self.wrong_speaker} | {full} | {self.scare_as_quote} | {self.failures} |"
        )


def score(docs: list[Doc], system: str) -> Scores:
    s = Scores()
    for doc in docs:
        preds = doc.ours if system == "ours" else doc.textacy
        s.gold += len(doc.gold)
        s.predicted += len(preds)
        s.failures += system == "textacy" and doc.textacy_error is not None
        pairs = match(preds, doc.gold)
        s.matched += len(pairs)
        for p, g in pairs:
            s.exact += normalise(p.text) == normalise(g.text)
            right = speaker_right(p.speaker, g.speaker)
            s.speaker_right += right
            s.wrong_speaker += not right and p.speaker is not None
            s.partial_right += p.partial == g.partial
        found = {id(g) for _, g in pairs}
        right_full = {id(g) for p, g in pairs if speaker_right(p.speaker, g.speaker)}
        for g in doc.gold:
            if not g.partial:
                s.full_gold += 1
                s.full_found_right += id(g) in right_full
        scare = {normalise(t) for t in doc.scare}
        s.scare_as_quote += sum(1 for p in preds if normalise(p.text) in scare and p.speaker is not None)
        del found
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


def main() -> int:
    logging.basicConfig(level=logging.ERROR)
    nlp = ex.add_paragraph_boundaries(load_model("en_core_web_sm"))
    sets = {"seeds": seed_docs(), "sample (MEANTIME + ECB+)": sample_docs()}
    timings = {"ours": 0.0, "textacy": 0.0}
    for docs in sets.values():
        for doc in docs:
            parsed = nlp(doc.source.text)
            t0 = time.perf_counter()
            run_ours(doc, parsed)
            t1 = time.perf_counter()
            run_textacy(doc, parsed)
            t2 = time.perf_counter()
            timings["ours"] += t1 - t0
            timings["textacy"] += t2 - t1

    lines = [
        "# Quote extraction benchmark",
        "",
        "Generated by `benchmarks/quotes.py`. Both systems run on the same spaCy parse (en_core_web_sm 3.8.0).",
        "Overlap match: a prediction and a gold quote share at least half of the shorter one (one-to-one).",
        "Speaker: right when the prediction contains the gold speaker's last word (ours: the resolved name; "
        "textacy: its speaker tokens, pronouns unresolved). Wrong speaker = matched quote attributed to someone else.",
        "Full-sentence quotes = non-partial gold quotes found with the right speaker.",
        "",
        "| data / system | gold | predicted | P (overlap) | R (overlap) | F1 | P (exact) | R (exact) | speaker acc. | wrong speaker | full sentences right | scare terms given a speaker | articles lost (exception) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, docs in sets.items():
        for system in ("ours", "textacy"):
            lines.append(score(docs, system).row(f"{name} / {system}"))
    lines.append("")
    for name, docs in sets.items():
        s = score(docs, "ours")
        lines.append(f"- {name}: partial flag right on {s.partial_right}/{s.matched} matched quotes (ours).")
        errors = [f"{d.source.id}: {d.textacy_error}" for d in docs if d.textacy_error]
        if errors:
            lines.append(f"- {name}: textacy raised on {len(errors)}/{len(docs)} articles: " + "; ".join(errors))
        titles = sum(1 for d in docs for g in d.gold if g.start is None)
        if titles:
            lines.append(f"- {name}: {titles} gold quotes could not be found in the cleaned text: counted as misses.")
    lines.append(f"- time in extraction (excluding parsing): ours {timings['ours']:.2f} s, textacy {timings['textacy']:.2f} s.")
    lines += ["", "## Grouping quotes of the same statement (ours)", "",
              "Pairwise precision / recall over the matched quotes that carry a gold statement label, with the "
              "thresholds of `generator/rules/quote_similarity.yaml` as learnt on the dev statement pairs by "
              "`benchmarks/grouping.py` (not tuned here).", "",
              "| data | P | R |", "|---|---|---|"]
    rules = dict(load_rules("quote_similarity"))
    for name in sets:
        p, r, _, _ = grouping_scores(sets[name], rules)
        lines.append(f"| {name} | {p:.2f} | {r:.2f} |")
    report = "\n".join(lines) + "\n"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print(report)
    if "-v" in sys.argv:
        for name, docs in sets.items():
            for doc in docs:
                pairs = match(doc.ours, doc.gold)
                matched_p = {id(p) for p, _ in pairs}
                matched_g = {id(g) for _, g in pairs}
                for g in doc.gold:
                    if id(g) not in matched_g:
                        print(f"MISS {doc.source.id[:14]} {g.text[:70]!r} ({g.speaker})")
                for p in doc.ours:
                    if id(p) not in matched_p:
                        print(f"FP   {doc.source.id[:14]} {p.text[:70]!r} ({p.speaker})")
                for p, g in pairs:
                    if not speaker_right(p.speaker, g.speaker):
                        print(f"SPKR {doc.source.id[:14]} {g.text[:50]!r} gold={g.speaker} ours={p.speaker} [{p.quote.attribution}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
