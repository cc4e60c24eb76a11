"""Person benchmark: named-person mention detection and cross-document merging against ECB+ and MEANTIME.

    .venv/bin/python benchmarks/people.py                    # both corpora; writes benchmarks/results/people.md
    .venv/bin/python benchmarks/people.py --corpora meantime --no-write
    .venv/bin/python benchmarks/people.py --max-groups 40    # only the first 40 ECB+ subtopics

Gold data (read at run time from ../shared/eval, nothing of the corpora is copied into the repository):
- ECB+ ``ecbplus/ecbplus_docs.jsonl``: ``HUMAN_PART_PER`` mentions with cross-document instance ids; one group
  per subtopic (one real-world event, 3–22 articles).
- MEANTIME ``meantime/meantime_entities.jsonl``: ``PER`` mentions with corpus-level ``instance_id``; one group
  per topic (30 Wikinews articles).

Each group's documents are written as ``<doc_id>.txt`` (the corpus text; its first line is the title line) into a
temporary folder and run through ``generator.pipeline.extract_facts`` once (one model for the whole run).

Only *named* gold mentions count (see ``named``; decided from the corpus alone, nothing of the generator's rules
is used): the mention does not start with a pronoun or determiner, and its head phrase (up to a comma, a bracket
or "of"/"from"/"and"...) ends in a capitalised word and holds a name word: capitalised, not an abbreviated
honorific ("Mr.") or short acronym, and written capitalised in mid-sentence at least as often as in lower case in
the corpus (at least twice as often capitalised); a head that is not a name word ("King") needs a name word before
it, and a short capitalised head must be a generational numeral ("III"). So "Prosecutors", "Oklahoma man",
"The actress", "His body", "Apple CEO", "Prime Minister of Canada" are out; "Mr. LaRue", "Nixon's", "Jim Press",
"Billy King" are in. For MEANTIME this applies to NAM mentions and to the mentions added during cross-document
annotation (no syntactic type; most "Jobs" and "Steve Jobs" are of that kind). Unlike a plain "starts with an
upper-case letter" test this keeps ECB+ spans that open with a role ("defensive tackle Jamal Williams", 5 + 3
times), whose name our extractor finds without the role. Of nested named gold mentions only
the innermost is kept ("Apple CEO Steve Jobs" ⊃ "Steve Jobs").

Offsets: cleaning drops furniture lines, collapses whitespace and joins the kept lines with blank lines. Each
corpus line is matched, in order, to the cleaned paragraph equal to it with its whitespace collapsed (offsets
are carried over through the collapse); a line that has no equal paragraph is matched to the most similar
paragraph between its neighbours (difflib ratio >= 0.8; inline furniture cuts) and its mentions are found by
searching their text in that paragraph nearest to their relative position. Mentions of lines that cleaning
dropped (or that run across a line break) count as misses.

Split (fixed before any result, see ``split``): by topic, ECB+ odd topics dev / even topics test, MEANTIME
airbus + gm dev / apple + stock test. Each split is reported on its own.

Scores per corpus, split and system (mentions pooled over the groups):
- detection: precision / recall of named gold mentions, one-to-one match of spans that overlap by at least half
  of the longer span (largest overlap first). Predictions outside the evaluated sentences are ignored.
- merging: the standard coreference scores over ALL gold mentions and ALL predicted mentions (a miss lowers
  recall, a false person lowers precision; see ``coreference_scores``): B³ P / R / F1, MUC F1, CEAFe F1 and the
  CoNLL-2012 average of the three F1s, our Person (per group) against the gold entity; gold entities split over several Person pages; Person pages that mix several gold entities;
  gold entities named in several articles that end up on one page; unmatched predictions on a gold mention of
  another type (organisation, place, product, vehicle...).
- error examples: split entities, mixed pages, misses (not a spaCy PERSON / dropped by which filter of
  generator.link.people) and false positives (spaCy PERSON or name candidate; on which kind of gold mention).
- baseline, same run: every spaCy PERSON entity (``SourceFacts.people`` before the link stage; the entity with a
  leading title and a trailing 's removed), grouped by identical string.

ECB+ is scored on the sentences in which coreference was annotated exhaustively (``in_coref_sentence``, as the
ECB+ README recommends); a second row scores all sentences (unlinked names there are gold singletons).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import difflib
import json
import logging
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

EVAL = Path(os.environ.get("EVAL_DIR", Path(__file__).resolve().parents[1].parent / "shared" / "eval"))  # EVAL_DIR: another copy
ECBPLUS = EVAL / "ecbplus" / "ecbplus_docs.jsonl"
MEANTIME = EVAL / "meantime" / "meantime_entities.jsonl"
RESULTS = REPO / "benchmarks" / "results" / "people.md"

PRONOUNS = frozenset(
    "i me my mine myself you your yours yourself he him his himself she her hers herself it its itself we us our ours "
    "they them their theirs themselves who whom whose one someone somebody everyone everybody anyone nobody".split()
)
DETERMINERS = frozenset(
    "the a an this that these those some any each every all both another other such no many several most few".split()
)
GROUP_WORDS = frozenset("american americans briton britons turkmens".split())  # nationalities written like names
# labels of gold mentions a person name may overlap without being wrong ("his", "the actress", generic people)
PERSONISH = frozenset({None, "HUMAN_PART_PER", "HUMAN_PART_GENERIC", "PER", "untyped"})
WORD = re.compile(r"[^\W\d_][\w'’.-]*")


# ------------------------------------------------------------------------------------------------ gold data


@dataclass
class GoldMention:
    doc: str
    start: int
    end: int
    text: str
    entity: str  # gold entity id, scoped by group
    entity_name: str
    line: int
    in_scope: bool  # in an exhaustively annotated sentence (ECB+), always True for MEANTIME
    kind: str = ""  # NAM / added (MEANTIME)
    linked: bool = True  # in a cross-document chain (ECB+; MEANTIME ids are corpus-level)
    # filled by alignment
    cstart: int | None = None
    cend: int | None = None


@dataclass
class OtherMention:
    """A gold mention that is not a named person (pronoun, nominal, organisation...), to explain false positives."""

    doc: str
    start: int
    end: int
    text: str
    label: str
    cstart: int | None = None
    cend: int | None = None


@dataclass
class GoldDoc:
    doc_id: str
    group: str
    text: str
    mentions: list[GoldMention]
    others: list[OtherMention]
    scope_lines: set[int] | None  # None: every line is evaluated


@dataclass
class Lexicon:
    """How a corpus writes each word: lower case, or capitalised after the first word of a line."""

    lower: Counter[str]
    capitalised: Counter[str]

    @classmethod
    def of(cls, texts: list[str]) -> "Lexicon":
        lower: Counter[str] = Counter()
        capitalised: Counter[str] = Counter()
        for text in texts:
            for line in text.split("\n"):
                for index, word in enumerate(WORD.findall(line)):
                    word = word.rstrip(".")
                    if word.islower():
                        lower[word] += 1
                    elif word[:1].isupper() and index > 0 and not word.isupper():
                        capitalised[word.lower()] += 1
        return cls(lower, capitalised)

    def common(self, word: str) -> bool:
        """Written in lower case at least half as often as capitalised in mid-sentence: a common word or a title
        ("president" 106 / "President" 109 times in ECB+), not a name ("bush" 1 / "Bush" 155)."""
        key = word.lower()
        return self.lower[key] > 0 and 2 * self.lower[key] >= self.capitalised[key]


ABBREVIATION = re.compile(r"^[A-Z][a-z]{0,3}\.$")  # "Mr.", "Dr.", "Sen.", "Gov.": honorifics, not names
ROMAN = re.compile(r"^[IVX]+$")  # generational numerals after a name


def named(text: str, lexicon: Lexicon) -> bool:
    """Whether a gold mention is a name ("Mr. LaRue", "Nixon's", "Jim Press"), not a pronoun or a common-noun
    phrase ("The actress", "Oklahoma man", "Prosecutors", "Apple CEO").

    Decided from the corpus alone, independently of the generator's rules: a name word is capitalised and written
    capitalised in mid-sentence at least as often as in lower case in the corpus (so "President", "Governor",
    "Police" are not), and is not an abbreviated honorific ("Mr.") or a short acronym. The first letter may be
    lower case: ECB+ spans include role words ("defensive tackle Jamal Williams")."""
    words = WORD.findall(text)
    if not words:
        return False
    first = re.sub(r"['’](s|m|re|ll|d|ve)$", "", words[0]).lower()
    if first in PRONOUNS or first in DETERMINERS:
        return False
    # the head phrase: up to a comma, a bracket or a lower-case function word ("Officials from the ...")
    phrase = re.split(r"[,(]|\s(?:of|from|for|and|at|in|with|on|to|who)\s", text)[0]
    words = [w for w in WORD.findall(phrase) or words if not ABBREVIATION.match(w)]
    words = [re.sub(r"['’]s?$", "", w).rstrip(".") for w in words]
    words = [w for w in words if w]
    if not words:
        return False
    head = words[-1]
    if not head[:1].isupper() or head.lower() in GROUP_WORDS:
        return False

    def name_word(word: str) -> bool:
        if not word[:1].isupper() or (word.isupper() and len(word) <= 3):
            return False
        return not lexicon.common(word)

    if not name_word(head) and not head.isupper():  # "Billy King", "Martin Luther King"; not "Apple CEO"
        return len(words) >= 2 and name_word(words[-2])
    names = [w for w in words if name_word(w)]
    if head.isupper() and len(head) <= 3:  # "Ike LaRue III"; not "Apple CEO", "NYPD"
        return bool(ROMAN.match(head)) and len(names) >= 1
    return bool(names)


def _keep_innermost(mentions: list[GoldMention]) -> list[GoldMention]:
    """Of nested named mentions keep the innermost ("Apple CEO Steve Jobs" ⊃ "Steve Jobs"; "John Howard and
    Ian MacDonald" ⊃ "John Howard")."""
    kept = []
    for m in mentions:
        inner = any(
            o is not m and o.doc == m.doc and m.start <= o.start and o.end <= m.end
            and (o.end - o.start) < (m.end - m.start)
            for o in mentions
        )
        if not inner:
            kept.append(m)
    return kept


def ecbplus_docs(max_groups: int | None) -> tuple[list[GoldDoc], dict[str, int]]:
    records = [json.loads(line) for line in ECBPLUS.open(encoding="utf-8")]
    lexicon = Lexicon.of([r["text"] for r in records])
    groups: list[str] = []
    for r in records:
        if r["subtopic"] not in groups:
            groups.append(r["subtopic"])
    groups = sorted(groups, key=lambda g: (int(g.split("_")[0]), g))[:max_groups]
    wanted = set(groups)
    docs, stats = [], Counter()
    for r in records:
        if r["subtopic"] not in wanted:
            continue
        shift = 1 if r["doc_id"].endswith("ecbplus") else 0  # sentence 0 of ecbplus files is the URL
        starts = _line_starts(r["text"])
        mentions, others = [], []
        for m in r["mentions"]:
            line = bisect.bisect_right(starts, m["start"]) - 1
            if m["tag"] == "HUMAN_PART_PER":
                stats["PER mentions"] += 1
                if named(m["text"], lexicon):
                    mentions.append(GoldMention(
                        r["doc_id"], m["start"], m["end"], m["text"], f"{r['subtopic']}/{m['cluster_id']}",
                        m["cluster_name"] or m["text"], line, m["in_coref_sentence"], linked=m["cross_doc"],
                    ))
                    continue
            others.append(OtherMention(r["doc_id"], m["start"], m["end"], m["text"], m["tag"] or "untyped"))
        mentions = _keep_innermost(mentions)
        stats["named PER mentions"] += len(mentions)
        stats["  of which in coref sentences"] += sum(m.in_scope for m in mentions)
        scope = {s - shift for s in r["coref_sentences"]}
        docs.append(GoldDoc(r["doc_id"], r["subtopic"], r["text"], mentions, others, scope))
    stats["groups"] = len(groups)
    stats["documents"] = len(docs)
    return docs, dict(stats)


def meantime_docs(max_groups: int | None) -> tuple[list[GoldDoc], dict[str, int]]:
    records = [json.loads(line) for line in MEANTIME.open(encoding="utf-8")]
    lexicon = Lexicon.of([r["text"] for r in records])
    groups = sorted({r["topic"] for r in records})[:max_groups]
    docs, stats = [], Counter()
    for r in records:
        if r["topic"] not in groups:
            continue
        starts = _line_starts(r["text"])
        mentions, others = [], []
        for m in r["mentions"]:
            line = bisect.bisect_right(starts, m["start"]) - 1
            if m.get("ent_type") == "PER":
                stats["PER mentions"] += 1
                # NAM mentions and the mentions added during cross-document annotation (no syntactic type;
                # most "Jobs", "Steve Jobs"), if they are names (NAM also has "Prime Minister of Canada")
                kind = m["syntactic_type"]
                if kind in ("NAM", None) and named(m["text"], lexicon):
                    mentions.append(GoldMention(
                        r["doc_id"], m["start"], m["end"], m["text"], f"{r['topic']}/{m['instance_id']}",
                        m["instance_name"] or m["text"], line, True, kind or "added",
                    ))
                    continue
            others.append(OtherMention(r["doc_id"], m["start"], m["end"], m["text"], m.get("ent_type") or "untyped"))
        mentions = _keep_innermost(mentions)
        stats["named PER mentions"] += len(mentions)
        stats["  of which NAM"] += sum(m.kind == "NAM" for m in mentions)
        docs.append(GoldDoc(r["doc_id"], r["topic"], r["text"], mentions, others, None))
    stats["groups"] = len(groups)
    stats["documents"] = len(docs)
    return docs, dict(stats)


MEANTIME_TOPICS = ("airbus", "apple", "gm", "stock")


def split(group: str) -> str:
    """The fixed dev/test split, by topic (decided before any result was looked at): ECB+ odd topic numbers are
    dev, even ones test (both subtopics of a topic on the same side); MEANTIME airbus and gm dev, apple and stock
    test."""
    if group in MEANTIME_TOPICS:
        return "dev" if MEANTIME_TOPICS.index(group) % 2 == 0 else "test"
    return "dev" if int(group.split("_")[0]) % 2 else "test"


def split_stats(docs: list[GoldDoc]) -> dict[str, int]:
    return {
        "groups": len({d.group for d in docs}),
        "documents": len(docs),
        "named PER mentions": sum(len(d.mentions) for d in docs),
        "  of which in coref sentences": sum(m.in_scope for d in docs for m in d.mentions),
    }


def _line_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


# ------------------------------------------------------------------------------------------------ alignment


def _collapse_map(line: str) -> tuple[str, list[int]]:
    """The line with its whitespace collapsed (as cleaning does) and, per character, its position there."""
    out: list[str] = []
    positions: list[int] = []
    pending_space = False
    for ch in line:
        if ch.isspace():
            pending_space = bool(out)
            positions.append(len(out))
            continue
        if pending_space:
            out.append(" ")
            pending_space = False
        positions.append(len(out))
        out.append(ch)
    positions.append(len(out))
    return "".join(out), positions


@dataclass
class Alignment:
    exact: int = 0  # mentions on a line equal to a cleaned paragraph
    searched: int = 0  # mentions found by search in the most similar paragraph
    dropped: int = 0  # mentions on lines cleaning removed (or that could not be found)
    scope_ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def align(doc: GoldDoc, source, alignment: Alignment) -> None:
    """Fill cstart/cend of the doc's gold mentions with offsets into the cleaned text of ``source``."""
    lines = doc.text.split("\n")
    starts = _line_starts(doc.text)
    paragraphs = source.paragraphs
    collapsed = [_collapse_map(line) for line in lines]
    exact: dict[int, int] = {}  # line -> paragraph index
    cursor = 0
    for i, (text, _) in enumerate(collapsed):
        if not text:
            continue
        for j in range(cursor, len(paragraphs)):
            if paragraphs[j].text == text:
                exact[i] = j
                cursor = j + 1
                break
    fuzzy: dict[int, int] = {}
    used = set(exact.values())
    for i, (text, _) in enumerate(collapsed):
        if not text or i in exact:
            continue
        before = max((j for k, j in exact.items() if k < i), default=-1)
        after = min((j for k, j in exact.items() if k > i), default=len(paragraphs))
        best, best_ratio = None, 0.8
        for j in range(before + 1, after):
            if j in used:
                continue
            ratio = difflib.SequenceMatcher(None, text, paragraphs[j].text, autojunk=False).ratio()
            if ratio >= best_ratio:
                best, best_ratio = j, ratio
        if best is not None:
            fuzzy[i] = best
            used.add(best)
    ranges = []
    for i in sorted({**exact, **fuzzy}):
        if doc.scope_lines is None or i in doc.scope_lines:
            p = paragraphs[{**exact, **fuzzy}[i]]
            ranges.append((p.start, p.end))
    alignment.scope_ranges[doc.doc_id] = ranges

    def place(m) -> str:
        line = bisect.bisect_right(starts, m.start) - 1
        text, positions = collapsed[line]
        rel_start, rel_end = m.start - starts[line], m.end - starts[line]
        wanted = " ".join(m.text.split())
        if rel_end >= len(positions):  # a mention across a line break: cleaning splits it into two paragraphs
            m.cstart = m.cend = None
            return "dropped"
        if line in exact:
            p = paragraphs[exact[line]]
            m.cstart, m.cend = p.start + positions[rel_start], p.start + positions[rel_end]
            if source.text[m.cstart : m.cend] == wanted:
                return "exact"
        if line in fuzzy:
            p = paragraphs[fuzzy[line]]
            found = [mm.start() for mm in re.finditer(re.escape(wanted), p.text)]
            if found:
                guess = positions[rel_start] * len(p.text) / max(1, len(text))
                best = min(found, key=lambda s: abs(s - guess))
                m.cstart, m.cend = p.start + best, p.start + best + len(wanted)
                return "searched"
        m.cstart = m.cend = None
        return "dropped"

    for m in doc.mentions:
        how = place(m)
        setattr(alignment, how, getattr(alignment, how) + 1)
    for o in doc.others:
        place(o)


# ------------------------------------------------------------------------------------------------- scoring


@dataclass
class Prediction:
    doc: str
    start: int
    end: int
    text: str
    cluster: str  # Person id (ours) or the name string (baseline), scoped by group
    cluster_name: str
    origin: str = "spaCy PERSON"  # or "name candidate" (a proper noun the link stage joined to a person)


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    coref: dict[str, tuple[float, float, float]] = field(default_factory=dict)  # metric -> (P, R, F1)
    split: int = 0
    multi: int = 0  # gold entities with >= 2 matched mentions
    mixed: int = 0
    mixed_linked: int = 0  # ... of which hold >= 2 gold entities that are cross-document chains
    pages: int = 0  # predicted clusters with >= 1 matched mention
    cross_doc: int = 0  # gold entities whose matched mentions are in >= 2 documents
    cross_doc_whole: int = 0  # ... and all on one page
    wrong_type: int = 0  # unmatched predictions on a gold mention of an organisation, place, product...
    candidates: int = 0  # predictions that are name candidates (ours)
    candidates_matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @staticmethod
    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0


def match(gold: list[GoldMention], predicted: list[Prediction]) -> dict[int, int]:
    """One-to-one matching (largest overlap first) of spans that overlap by at least half of the longer one
    ("Steve Jobs" matches "Jobs" and "Apple CEO Steve Jobs" matches "Steve Jobs", not "Steve Jobs' wife Laurene
    Powell Jobs"): gold index -> prediction index."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for j, p in enumerate(predicted):
        by_doc[p.doc].append(j)
    pairs = []
    for i, g in enumerate(gold):
        if g.cstart is None:
            continue
        for j in by_doc[g.doc]:
            p = predicted[j]
            overlap = min(g.cend, p.end) - max(g.cstart, p.start)
            if overlap > 0 and 2 * overlap >= max(g.cend - g.cstart, p.end - p.start):
                pairs.append((-overlap, i, j))
    pairs.sort()
    result: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in pairs:
        if i not in result and j not in taken:
            result[i] = j
            taken.add(j)
    return result


def coreference_scores(gold: list[GoldMention], predicted: list[Prediction], pairs: dict[int, int]) -> dict[str, tuple[float, float, float]]:
    """MUC, B³, CEAFe and their average (the CoNLL-2012 score) over ALL gold and ALL predicted mentions.

    A matched prediction stands for its gold mention; a gold mention nobody found and a prediction that matches no
    gold mention (a false person, or a name the gold leaves out) are mentions of their own, in the key or in the
    response only (Cai & Strube 2010's twinless mentions, as the CoNLL reference scorer treats them): misses lower
    recall, false people lower precision. Scores from ``scorch`` (the reference implementation's formulas)."""
    from scorch import scores

    key: dict[str, set] = defaultdict(set)
    for i, g in enumerate(gold):
        key[g.entity].add(("gold", i))
    response: dict[str, set] = defaultdict(set)
    matched = {j: i for i, j in pairs.items()}
    for j, p in enumerate(predicted):
        response[p.cluster].add(("gold", matched[j]) if j in matched else ("predicted", j))
    k, r = list(key.values()), list(response.values())
    out = {}
    for name, metric in (("MUC", scores.muc), ("B³", scores.b_cubed), ("CEAFe", scores.ceaf_e)):
        recall, precision, f1 = metric(k, r) if k and r else (0.0, 0.0, 0.0)
        out[name] = (precision, recall, f1)
    out["CoNLL"] = (0.0, 0.0, sum(out[m][2] for m in ("MUC", "B³", "CEAFe")) / 3)
    return out


def score(gold: list[GoldMention], predicted: list[Prediction], others: list[OtherMention]) -> tuple[Scores, dict[int, int]]:
    pairs = match(gold, predicted)
    s = Scores(gold=len(gold), predicted=len(predicted), matched=len(pairs))
    matched = set(pairs.values())
    s.candidates = sum(1 for p in predicted if p.origin == "name candidate")
    s.candidates_matched = sum(1 for j in matched if predicted[j].origin == "name candidate")
    s.wrong_type = sum(
        1 for j, p in enumerate(predicted) if j not in matched and _overlapping_label(p, others) not in PERSONISH
    )
    gold_of = {i: gold[i].entity for i in pairs}
    pred_of = {i: predicted[j].cluster for i, j in pairs.items()}
    by_gold: dict[str, list[int]] = defaultdict(list)
    by_pred: dict[str, list[int]] = defaultdict(list)
    for i in pairs:
        by_gold[gold_of[i]].append(i)
        by_pred[pred_of[i]].append(i)
    s.coref = coreference_scores(gold, predicted, pairs)
    for members in by_gold.values():
        pages = {pred_of[i] for i in members}
        if len(members) > 1:
            s.multi += 1
            s.split += len(pages) > 1
        if len({gold[i].doc for i in members}) > 1:
            s.cross_doc += 1
            s.cross_doc_whole += len(pages) == 1
    s.pages = len(by_pred)
    s.mixed = sum(1 for members in by_pred.values() if len({gold_of[i] for i in members}) > 1)
    s.mixed_linked = sum(
        1 for members in by_pred.values() if len({gold_of[i] for i in members if gold[i].linked}) > 1
    )
    return s, pairs


# ---------------------------------------------------------------------------------------------------- runs


@dataclass
class GroupRun:
    ours: list[Prediction]
    baseline: list[Prediction]
    spacy_spans: dict[tuple[str, int, int], str | None]  # every spaCy PERSON entity -> why we dropped it (or None)
    seconds: float
    copies: tuple[str, ...] = ()  # documents the clean stage merged into another as the same article


def write_story(workdir: Path, name: str, docs: list[GoldDoc]) -> Path:
    """Write a group of gold documents as a seeds folder, one .txt per document; return the folder."""
    folder = workdir / re.sub(r"[^\w.-]", "_", name)
    folder.mkdir(parents=True)
    for doc in docs:
        (folder / f"{doc.doc_id}.txt").write_text(doc.text.strip() + "\n", encoding="utf-8")
    return folder


def run_group(group: str, docs: list[GoldDoc], nlp, workdir: Path, alignment: Alignment) -> GroupRun:
    from generator.pipeline import extract_facts

    folder = write_story(workdir, group, docs)
    started = time.perf_counter()
    briefing = extract_facts(folder, nlp)
    seconds = time.perf_counter() - started
    sources = {s.id: s for s in briefing.sources}
    copies = tuple(doc.doc_id for doc in docs if doc.doc_id not in sources)  # shown once, as "also published as"
    for doc in docs:
        if doc.doc_id in sources:
            align(doc, sources[doc.doc_id], alignment)
    spans = {(m.source, m.start, m.end) for f in briefing.facts for m in f.people}
    ours = [
        Prediction(m.source, m.start, m.end, m.name, f"{group}/{p.id}", p.name,
                   "spaCy PERSON" if (m.source, m.start, m.end) in spans else "name candidate")
        for p in briefing.people
        for m in p.mentions
    ]
    baseline = [
        Prediction(m.source, m.start, m.end, m.name, f"{group}/{m.name}", m.name)
        for f in briefing.facts
        for m in f.people
    ]
    return GroupRun(ours, baseline, drop_reasons(briefing), seconds, copies)


def drop_reasons(briefing) -> dict[tuple[str, int, int], str | None]:
    """Why the link stage left out each spaCy PERSON entity that is on no Person page (None: it is on one)."""
    from generator.link.people import Evidence, is_name_shaped, name_key, name_words

    kept = {(m.source, m.start, m.end) for p in briefing.people for m in p.mentions}
    evidence = Evidence.collect(briefing.facts)
    reasons: dict[tuple[str, int, int], str | None] = {}
    for f in briefing.facts:
        for m in f.people:
            key = (m.source, m.start, m.end)
            if key in kept:
                reasons[key] = None
            elif not is_name_shaped(m.name):
                reasons[key] = "not name-shaped"
            elif any(evidence.nationality(w) for w in name_words(m.name)):
                reasons[key] = "a word of it is tagged NORP somewhere in the run"
            elif len(name_key(m.name)) <= 1 and evidence.mostly_place_or_org(m.name):
                reasons[key] = "single name, mostly tagged place/org"
            elif len(name_key(m.name)) <= 1:
                reasons[key] = "single name without title or role"
            else:
                reasons[key] = "other"
    return reasons


def in_ranges(p: Prediction, ranges: dict[str, list[tuple[int, int]]]) -> bool:
    return any(start <= p.start and p.end <= end + 1 for start, end in ranges.get(p.doc, ()))


@dataclass
class CorpusResult:
    label: str
    stats: dict[str, int]
    alignment: Alignment
    ours: Scores
    baseline: Scores
    errors: dict[str, list[str]]
    seconds: float
    all_sentences: "CorpusResult | None" = None
    split: str = ""  # dev or test: only dev errors are listed (tuning looks at dev alone)


def evaluate(label: str, docs: list[GoldDoc], stats: dict[str, int], nlp, examples: int) -> CorpusResult:
    groups: dict[str, list[GoldDoc]] = defaultdict(list)
    for doc in docs:
        groups[doc.group].append(doc)
    alignment = Alignment()
    runs: dict[str, GroupRun] = {}
    seconds = 0.0
    with tempfile.TemporaryDirectory(prefix="people-bench-") as tmp:
        for number, (group, members) in enumerate(groups.items(), 1):
            runs[group] = run_group(group, members, nlp, Path(tmp), alignment)
            seconds += runs[group].seconds
            print(f"  {label}: {number}/{len(groups)} {group} ({len(members)} docs, {runs[group].seconds:.1f} s)",
                  file=sys.stderr)
    # A document the clean stage merged into an identical one is left out of the gold (its copy is scored).
    copies = {doc_id for r in runs.values() for doc_id in r.copies}
    if copies:
        docs = [d for d in docs if d.doc_id not in copies]
        stats = {**split_stats(docs), "documents left out as copies of another": len(copies)}
    ours = [p for r in runs.values() for p in r.ours]
    baseline = [p for r in runs.values() for p in r.baseline]
    spans = {k: v for r in runs.values() for k, v in r.spacy_spans.items()}
    result = _scored(label, docs, stats, alignment, ours, baseline, spans, examples, scoped=True)
    result.seconds = seconds
    if any(d.scope_lines is not None for d in docs):
        result.all_sentences = _scored(label.split(" (")[0] + " (all sentences)", docs, stats, alignment, ours,
                                       baseline, spans, examples, scoped=False)
    return result


def _scored(label, docs, stats, alignment, ours, baseline, spans, examples, scoped: bool) -> CorpusResult:
    """Scores on the evaluated sentences (``scoped``) or on every sentence of the documents."""
    gold = [m for d in docs for m in d.mentions if m.in_scope or not scoped]
    if scoped:
        ours = [p for p in ours if in_ranges(p, alignment.scope_ranges)]
        baseline = [p for p in baseline if in_ranges(p, alignment.scope_ranges)]
    others = [o for d in docs for o in d.others if o.cstart is not None]
    ours_scores, ours_pairs = score(gold, ours, others)
    base_scores, _ = score(gold, baseline, others)
    errors = _errors(gold, ours, ours_pairs, spans, others, examples)
    return CorpusResult(label, stats, alignment, ours_scores, base_scores, errors, 0.0)


def _overlapping_label(p: Prediction, others: list[OtherMention]) -> str | None:
    """The label of the first other gold mention the prediction overlaps, if any."""
    return next((o.label for o in others if o.doc == p.doc and o.cstart < p.end and p.start < o.cend), None)


def _errors(gold, predicted, pairs, spans, others, examples) -> dict[str, list[str]]:
    """Examples of each kind of error, most frequent first."""
    errors: dict[str, list[str]] = {}
    by_gold: dict[str, list[int]] = defaultdict(list)
    by_pred: dict[str, list[int]] = defaultdict(list)
    for i, j in pairs.items():
        by_gold[gold[i].entity].append(i)
        by_pred[predicted[j].cluster].append(i)
    splits = []
    for entity, members in by_gold.items():
        pages = Counter(predicted[pairs[i]].cluster_name for i in members)
        if len(pages) > 1:
            group = entity.split("/")[0]
            name = gold[members[0]].entity_name
            shown = ", ".join(f"“{n}” ×{c}" for n, c in pages.most_common())
            splits.append((len(members), f"{group}: gold {name} → {len(pages)} pages: {shown}"))
    errors["split"] = [text for _, text in sorted(splits, key=lambda x: -x[0])[:examples]]
    mixes = []
    for cluster, members in by_pred.items():
        entities = Counter(gold[i].entity_name for i in members)
        if len(entities) > 1:
            name = predicted[pairs[members[0]]].cluster_name
            group = cluster.split("/")[0]
            shown = ", ".join(f"{n} ×{c}" for n, c in entities.most_common())
            mixes.append((len(members), f"{group}: page “{name}” holds {shown}"))
    errors["mixed"] = [text for _, text in sorted(mixes, key=lambda x: -x[0])[:examples]]
    missed_kind: Counter[str] = Counter()
    missed: dict[str, Counter[str]] = defaultdict(Counter)
    for i, g in enumerate(gold):
        if i in pairs:
            continue
        if g.cstart is None:
            kind = "dropped by cleaning"
        elif reasons := [
            why for (doc, start, end), why in spans.items() if doc == g.doc and start < g.cend and g.cstart < end
        ]:
            kind = "spaCy PERSON, dropped by our filters: " + (next((r for r in reasons if r), None) or "overlap taken")
        else:
            kind = "not a spaCy PERSON"
        missed_kind[kind] += 1
        missed[kind][g.text] += 1
    errors["missed"] = [
        f"{kind}: {n} — " + ", ".join(f"“{t}”" + (f" ×{c}" if c > 1 else "") for t, c in missed[kind].most_common(examples))
        for kind, n in missed_kind.most_common()
    ]
    matched_preds = set(pairs.values())
    fp_kind: Counter[str] = Counter()
    fp: dict[str, Counter[str]] = defaultdict(Counter)
    for j, p in enumerate(predicted):
        if j in matched_preds:
            continue
        label = _overlapping_label(p, others)
        kind = (f"on a gold {label} mention" if label else "on no gold mention") + f" ({p.origin})"
        fp_kind[kind] += 1
        fp[kind][p.text] += 1
    errors["false positive"] = [
        f"{kind}: {n} — " + ", ".join(f"“{t}”" + (f" ×{c}" if c > 1 else "") for t, c in fp[kind].most_common(examples))
        for kind, n in fp_kind.most_common()
    ]
    return errors


# -------------------------------------------------------------------------------------------------- report


def machine(nlp) -> dict[str, str]:
    import spacy

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                                check=True).stdout.strip()
        changed = subprocess.run(["git", "status", "--porcelain", "--", "generator"], cwd=REPO, capture_output=True,
                                 text=True, check=True).stdout.strip()
        commit += " + uncommitted changes in generator/" if changed else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "date": dt.date.today().isoformat(),
        "commit": commit,
        "cpus (nproc)": str(os.cpu_count()),
        "python": platform.python_version(),
        "spaCy": spacy.__version__,
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
    }


def _row(label: str, system: str, s: Scores) -> str:
    b3p, b3r, b3f = s.coref["B³"]
    return (
        f"| {label} | {system} | {s.gold} | {s.predicted} | {s.matched} | {s.precision:.2f} | {s.recall:.2f} | "
        f"{Scores.f1(s.precision, s.recall):.2f} | {b3p:.3f} | {b3r:.3f} | {b3f:.3f} | {s.coref['MUC'][2]:.3f} | "
        f"{s.coref['CEAFe'][2]:.3f} | **{s.coref['CoNLL'][2]:.3f}** | "
        f"{s.split}/{s.multi} | {s.mixed}/{s.pages} | {s.cross_doc_whole}/{s.cross_doc} | {s.wrong_type} |"
    )


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


def table(results: list[CorpusResult]) -> str:
    lines = [
        "| data | system | gold named | predicted | matched | P | R | F1 | B³ P | B³ R | B³ F1 | MUC F1 | CEAFe F1 | "
        "CoNLL F1 | gold entities split | pages mixing entities | multi-article entities on one page | "
        "FP on non-person gold |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        for result in (r, r.all_sentences):
            if result is None:
                continue
            lines.append(_row(result.label, "ours (extract_facts)", result.ours))
            lines.append(_row(result.label, "baseline: spaCy PERSON, same string", result.baseline))
    return "\n".join(lines)


def report(results: list[CorpusResult], facts: dict[str, str]) -> str:
    out = [
        "# Person extraction and cross-document merging benchmark",
        "",
        "Generated by `benchmarks/people.py`: " + ", ".join(f"{k} {v}" for k, v in facts.items()) + ".",
        "",
        "Gold: named person mentions (pronouns and common-noun phrases left out, see the script) of ECB+ "
        "(`HUMAN_PART_PER`; one `extract_facts` run per subtopic, i.e. per event) and MEANTIME (`PER`, NAM and "
        "the mentions added in cross-document annotation; one run per topic of 30 articles). Detection: one-to-one "
        "match of spans overlapping by at least half of the longer one. Merging: B³, MUC, CEAFe and their CoNLL "
        "average over all gold and all predicted mentions (misses and false people count), our Person page (per "
        "run) against the gold entity. Split by topic (ECB+ odd topics dev, even test; MEANTIME airbus + gm dev, "
        "apple + stock test). *Gold entities split*: entities with ≥ 2 matched mentions spread over several pages. *Pages mixing "
        "entities*: pages (with a matched mention) holding mentions of several gold entities. *Multi-article "
        "entities on one page*: gold entities matched in ≥ 2 articles whose mentions all land on one page. *FP on "
        "non-person gold*: unmatched predictions on a gold organisation, place, product, vehicle... mention (sure "
        "errors). Baseline: every spaCy PERSON entity (leading title and trailing 's removed), same string = same "
        "person.",
        "",
        table(results),
        "",
        "## Notes",
        "",
    ]
    for r in results:
        stats = ", ".join(f"{k.strip()} {v}" for k, v in r.stats.items())
        a = r.alignment
        out.append(
            f"- {r.label}: {stats}; extract_facts {r.seconds:.0f} s in all. Gold mentions located in the cleaned "
            f"text: {a.exact} on an identical line, {a.searched} by search in a similar paragraph, {a.dropped} "
            "dropped (line removed by cleaning, or a mention across a line break; counted as misses)."
        )
        if r.ours.mixed:
            out.append(
                f"- {r.label}: of the {r.ours.mixed} pages of ours mixing gold entities, {r.ours.mixed_linked} mix "
                "two cross-document chains; the others put a gold singleton or intra-document chain (annotation that "
                "was not linked, e.g. “Mr Ging” next to “John Ging”) with its entity. Baseline: "
                f"{r.baseline.mixed_linked} of {r.baseline.mixed}."
            )
        out.append(
            f"- {r.label}: {r.ours.candidates} of our {r.ours.predicted} mentions are name candidates (proper nouns "
            f"spaCy did not tag PERSON, joined to a person by surname); {r.ours.candidates_matched} of them match a "
            f"gold name. Without them ours would be P {_ratio(r.ours.matched - r.ours.candidates_matched, r.ours.predicted - r.ours.candidates)}, "
            f"R {_ratio(r.ours.matched - r.ours.candidates_matched, r.ours.gold)} (same pages otherwise)."
        )
    out.extend([
        "- Precision is a lower bound: both corpora annotate the participants of the annotated events, not every "
        "name (MEANTIME leaves out e.g. “James Roche”, “Papermaster” in some articles); the FP lists below separate "
        "predictions on no gold mention from those on a gold mention of another type.",
        "- ECB+ (all sentences) adds the sentences whose coreference was not annotated exhaustively: the names "
        "there are often unannotated (precision) or unlinked gold singletons (B³ precision, mixed pages), so only "
        "its recall is comparable; its errors are not listed. Errors are listed for the dev splits only.",
        "",
    ])
    for r in results:
        if r.split == "test":
            continue  # test errors are never listed: nobody tunes on what the report shows of test
        out.append(f"## Errors of ours: {r.label}")
        out.append("")
        for kind, items in r.errors.items():
            out.append(f"**{kind}**")
            out.append("")
            out.extend(f"- {item}" for item in items or ["none"])
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", default="ecbplus,meantime", help="comma-separated: ecbplus, meantime")
    parser.add_argument("--max-groups", type=int, default=None,
                        help="only the first N ECB+ subtopics (by topic number) / MEANTIME topics")
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--examples", type=int, default=12, help="examples per error kind in the report")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both",
                        help="only one side of the split (a dev-only run while tuning never shows test errors)")
    args = parser.parse_args(argv)
    if args.split != "both" and not args.no_write:
        parser.error("--split dev/test runs are partial: use them with --no-write")
    logging.basicConfig(level=logging.ERROR)

    from generator.pipeline import prepare_model

    for path in (ECBPLUS, MEANTIME):
        if not path.exists():
            parser.error(f"{path} is missing (the evaluation data lives in ../shared/eval)")
    nlp = prepare_model(args.model)
    facts = machine(nlp)
    results = []
    started = time.perf_counter()
    for corpus in args.corpora.split(","):
        if corpus not in ("ecbplus", "meantime"):
            parser.error(f"unknown corpus {corpus!r}")
        docs, _ = (ecbplus_docs if corpus == "ecbplus" else meantime_docs)(args.max_groups)
        name = "ECB+" if corpus == "ecbplus" else "MEANTIME"
        for part in ("dev", "test") if args.split == "both" else (args.split,):
            chosen = [d for d in docs if split(d.group) == part]
            label = f"{name} {part}" + (" (coref sentences)" if corpus == "ecbplus" else "")
            results.append(replace(evaluate(label, chosen, split_stats(chosen), nlp, args.examples), split=part))
    facts["total time"] = f"{time.perf_counter() - started:.0f} s"
    text = report(results, facts)
    print(text)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text, encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
