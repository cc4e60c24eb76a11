"""Issue merging on the Positions page: learn ``min_shared`` / ``min_overlap`` (and whether the synonym groups and
the general heads of ``generator/rules/actors.yaml`` help) on the dev split of ``benchmarks/data/issue_pairs.yaml``;
report precision / recall / F1 of ``positions.same_issue`` on its test split.

    .venv/bin/python benchmarks/issues.py            # sweep on dev, dev and test scores; writes results/issues.md
    .venv/bin/python benchmarks/issues.py --no-write

Each annotated pair is two stance mentions of one story (same ECB+ subtopic, same MEANTIME topic group or same
html-news page), as the generator's stance extraction found them, labelled same issue or not (guidelines, sampling
and sources in ``issue_pairs.md``). The pair's key phrases are given to ``same_issue`` as extracted (their lemmas and
head, stored in the data file): the benchmark measures the merging, not the extraction. Pairs whose concepts are
identical are not in the data: every setting merges them.

Split (fixed before any score was computed, recorded here and in ``issue_pairs.md``): by story topic. ECB+ topics
36-45 are test (the standard split of Cybulska & Vossen 2015, as in ``events.py``), topics 1-35 dev; every other
story (MEANTIME topic group, html-news page) is test when ``crc32(story) % 4 == 0``, else dev.

Learning, on dev only: every combination of ``GRID`` is scored, with and without the synonym groups and with and
without the general heads; the rule takes the highest dev F1 (ties: higher precision, then the stricter values).
The test split is scored once with what dev chose, next to a baseline in the same run (same head lemma, the usual
first guess), and the values in the rule file are the chosen ones (``--check`` fails when they differ).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.grouping import Score  # noqa: E402  (same/different pair counts, as for statement pairs)
from generator.link.positions import IssueRules, issue_rules, same_issue  # noqa: E402
from generator.link.quote_groups import stem  # noqa: E402
from generator.model import StanceMention  # noqa: E402

DATA = REPO / "benchmarks" / "data" / "issue_pairs.yaml"
RESULTS = REPO / "benchmarks" / "results" / "issues.md"
ECB_TEST_TOPICS = frozenset(range(36, 46))

GRID = {
    "min_shared": (1, 2, 3, 4),
    "min_overlap": (0.0, 0.25, 0.34, 0.5, 0.6, 0.67, 0.75, 1.0),
}


def split_of(story: str) -> str:
    """dev or test, from the story's name alone ("ecb:37_ecbplus", "meantime:apple", "html:<page>")."""
    corpus, _, name = story.partition(":")
    if corpus == "ecb":
        return "test" if int(name.split("_")[0]) in ECB_TEST_TOPICS else "dev"
    return "test" if zlib.crc32(story.encode()) % 4 == 0 else "dev"


@dataclass(frozen=True)
class Pair:
    story: str
    a: StanceMention
    b: StanceMention
    same: bool

    @property
    def split(self) -> str:
        return split_of(self.story)

    @property
    def identical(self) -> bool:
        """Both key phrases have the same words: every setting merges them (the rule ``ca == cb``)."""
        return _words(self.a) == _words(self.b)


def _words(m: StanceMention) -> frozenset[str]:
    return frozenset(stem(w.lower()) for w in m.issue_lemmas)


def mention(side: dict) -> StanceMention:
    issue = str(side["issue"])
    return StanceMention(
        source=str(side["doc"]), sentence=int(side["sentence"]), stance=str(side["stance"]), cue=str(side["stance"]),
        cue_start=int(side["cue"]), actor_text=str(side["actor"]), actor_kind="entity", actor_start=None,
        actor_end=None, issue=issue, issue_start=int(side["start"]), issue_end=int(side["start"]) + len(issue),
        issue_lemmas=tuple(str(w) for w in side["lemmas"]), issue_head=str(side["head"]))


def load_pairs(path: Path = DATA) -> list[Pair]:
    """Every pair of stance mentions of one story, same issue when the annotation gives them one ``gold`` number.
    Left out: pairs of one stance cue (``merge_issues`` joins them whatever the words) and key phrases without
    content words."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    pairs = []
    for story in data["stories"]:
        name = str(story["story"])
        if story["split"] != split_of(name):
            raise ValueError(f"{path}: {name} is marked {story['split']}, the split rule says {split_of(name)}")
        mentions = [(mention(m), m["gold"]) for m in story["mentions"] if m["lemmas"]]
        for (a, ga), (b, gb) in itertools.combinations(mentions, 2):
            if (a.source, a.cue_start) != (b.source, b.cue_start):
                pairs.append(Pair(name, a, b, ga == gb))
    return pairs


def score(pairs: list[Pair], decide) -> Score:
    tp = fp = fn = tn = 0
    for pair in pairs:
        said = decide(pair.a, pair.b)
        tp += said and pair.same
        fp += said and not pair.same
        fn += (not said) and pair.same
        tn += (not said) and not pair.same
    return Score(tp, fp, fn, tn)


def same_head(a: StanceMention, b: StanceMention) -> bool:
    """Baseline: one issue when the key phrases' head lemmas are the same word."""
    return a.issue_head.lower() == b.issue_head.lower()


def variants(base: IssueRules) -> dict[str, IssueRules]:
    """The rule file's word lists with and without the synonym groups and the general heads, and with and without
    shared names and amounts counting as shared concepts."""
    out = {}
    for (words, listed), (counted, names, amounts) in itertools.product(
            (("synonyms + general heads", base), ("no synonyms", replace(base, synonyms=())),
             ("no general heads", replace(base, generic_heads=frozenset())),
             ("neither list", replace(base, synonyms=(), generic_heads=frozenset()))),
            (("names and amounts count", True, True), ("names count, amounts not", True, False),
             ("amounts count, names not", False, True), ("neither names nor amounts count", False, False))):
        out[f"{words}; {counted}"] = replace(listed, shared_names=names, shared_amounts=amounts)
    return out


def sweep(dev: list[Pair], base: IssueRules) -> list[tuple[str, IssueRules, Score]]:
    rows = []
    for name, rules in variants(base).items():
        for shared, overlap in itertools.product(GRID["min_shared"], GRID["min_overlap"]):
            tried = replace(rules, min_shared=shared, min_overlap=overlap)
            rows.append((name, tried, score(dev, lambda a, b, r=tried: same_issue(a, b, r))))
    return rows


def choose(rows: list[tuple[str, IssueRules, Score]]) -> tuple[str, IssueRules, Score]:
    """Highest dev F1; ties: higher precision, then the word lists kept, then the stricter values."""
    order = list(variants(issue_rules()).keys())
    return max(rows, key=lambda r: (round(r[2].f1, 6), round(r[2].precision, 6), -order.index(r[0]),
                                    r[1].min_shared, r[1].min_overlap))


def _line(label: str, c: Score) -> str:
    return (f"| {label} | {c.tp + c.fn} | {c.fp + c.tn} | {c.tp} | {c.fp} | {c.fn} | {c.precision:.3f} | "
            f"{c.recall:.3f} | {c.f1:.3f} |")


HEADER = "| system | same pairs | different pairs | TP | FP | FN | precision | recall | F1 |\n|---|---|---|---|---|---|---|---|---|"


NOTES = """\
## Notes

- **What limits it.** Only 33 of the 168 same-issue dev pairs share a word at all: outlets name one matter in other
  words ("violence" / "killings" / "raw murderous act"), and the stance extraction often hands over a person, a
  place or a fragment as the key phrase ("Palmer" for the city's purchase of a property). No threshold reaches
  those, so recall stays low whatever the values; thresholds only trade the few pairs that share words. GloVe
  word vectors (``generator/link/word_vectors.py``) were tried on dev as a way past words: the largest cosine
  between the two phrases' words at >= 0.8 finds 32 same pairs and 34 different ones, >= 0.7 46 and 143, so they
  were not taken up.
- **Other rules tried on dev.** A key phrase that is only a name ("Nixon") not sharing its name: dev F1 0.245,
  not taken. The rule "one phrase's head noun is a word of the other" merges nothing on dev that the learnt
  thresholds do not merge anyway (17 pairs, 9 same issue); it is kept for other values.
- **Dev and test differ**: precision 0.615 on dev, about 0.34 on test (two ECB+ test stories, the Gaza school strike
  and the South Sudan camp bombing, hold most test pairs). With this little data the learnt values are uncertain.
- **The synonym groups** of ``rules/actors.yaml`` change no dev pair (the dev stories are not about diplomacy), so
  they are not learnt here; they are kept as general English (each word checked against GloVe neighbours, see the
  rule file). The seeds need two of them (territory, relations) for their matrix of at most 10 rows.
- **The seeds.** With the learnt values the seeds' positions matrix has 8 issue rows (no capping); a shared name
  now counts, so Lavrov's denial about a "European deployment to postwar Ukraine" joins the row "Ukraine".
- **History.** The data and the split were committed before any score. The test split has been scored four
  times (the last two with the same values), each time only with what dev chose: the first sweep (thresholds and word lists; dev chose min_shared 1,
  min_overlap 0.25), then with the names / amounts switches added after reading dev errors, then after general
  heads stopped counting as shared concepts (a unit test's "deal" case) and the synonym groups were checked against
  GloVe. No change was made because of a test figure, and test errors were never listed.
"""


def learn(pairs: list[Pair]) -> tuple[str, IssueRules, Score, bool]:
    """What dev chooses (variant, rules, dev counts) and whether the rule file holds it; test is not looked at."""
    dev = [p for p in pairs if p.split == "dev" and not p.identical]
    name, chosen, counts = choose(sweep(dev, issue_rules()))
    return name, chosen, counts, chosen == issue_rules()


def report(pairs: list[Pair], with_test: bool = True) -> tuple[str, bool]:
    """The results page, and whether the rule file holds the values dev chose."""
    identical = [p for p in pairs if p.identical]
    dev = [p for p in pairs if p.split == "dev" and not p.identical]
    test = [p for p in pairs if p.split == "test" and not p.identical]
    base = issue_rules()
    rows = sweep(dev, base)
    name, chosen, dev_counts = choose(rows)
    in_file = chosen == base
    stories = {s: sorted({p.story for p in pairs if p.split == s}) for s in ("dev", "test")}
    lines = [
        "# Issue merging (Positions page)",
        "",
        "`benchmarks/issues.py` on `benchmarks/data/issue_pairs.yaml` (guidelines: `issue_pairs.md`): pairs of stance",
        "mentions of one story, as the generator's stance extraction found them in ECB+, MEANTIME and html-news, labelled",
        "same issue or not; `generator.link.positions.same_issue` decides each pair. Split by topic before any score:",
        "ECB+ topics 36-45 test, 1-35 dev; other stories test when `crc32(story) % 4 == 0`.",
        "",
        f"- dev: {len(dev)} pairs ({sum(p.same for p in dev)} same issue) from {len(stories['dev'])} stories",
        f"- test: {len(test)} pairs ({sum(p.same for p in test)} same issue) from {len(stories['test'])} stories",
        f"- left out of both: {len(identical)} pairs whose key phrases have the same words (every setting merges them); "
        f"{sum(p.same for p in identical)} of them are the same issue (precision of that rule "
        f"{sum(p.same for p in identical) / max(len(identical), 1):.3f})",
        f"- pairs sharing a word (after stemming) but different issues: dev {_hard(dev)}, test {_hard(test)}",
        "",
        "## Chosen on dev",
        "",
        f"**{name}**; `min_shared: {chosen.min_shared}`, `min_overlap: {chosen.min_overlap}` "
        "(highest dev F1; ties: higher precision, the word lists kept, the stricter values).",
        f"The rule file {'holds' if in_file else 'does NOT hold'} these values.",
        "",
        HEADER,
        _line("dev: same_issue, chosen values", dev_counts),
        _line("dev: same head lemma (baseline)", score(dev, same_head)),
    ]
    if with_test:
        lines += [
            _line("**test: same_issue, chosen values**", score(test, lambda a, b: same_issue(a, b, chosen))),
            _line("test: same head lemma (baseline)", score(test, same_head)),
        ]
    lines += [
        "",
        "## Sweep on dev",
        "",
        "Every variant (word lists; whether shared names and amounts count) with every `min_shared` × `min_overlap` of",
        f"the grid ({', '.join(f'{k} {v}' for k, v in GRID.items())}); the best cell of each variant on dev:",
        "",
        "| variant | min_shared | min_overlap | precision | recall | F1 |",
        "|---|---|---|---|---|---|",
    ]
    for variant in variants(base):
        best = choose([r for r in rows if r[0] == variant])
        lines.append(f"| {variant} | {best[1].min_shared} | {best[1].min_overlap} | {best[2].precision:.3f} | "
                     f"{best[2].recall:.3f} | {best[2].f1:.3f} |")
    mine = [r for r in rows if r[0] == name]
    lines += ["", f"F1 on dev of the chosen variant ({name}); rows `min_shared`, columns `min_overlap`:", "",
              "| min_shared \\ min_overlap | " + " | ".join(str(o) for o in GRID["min_overlap"]) + " |",
              "|---|" + "---|" * len(GRID["min_overlap"])]
    for shared in GRID["min_shared"]:
        cells = [f"{r[2].f1:.3f}" for r in mine if r[1].min_shared == shared]
        lines.append(f"| {shared} | " + " | ".join(cells) + " |")
    lines.append("")
    lines += [NOTES, "## Stories", "", "dev: " + ", ".join(stories["dev"]), "", "test: " + ", ".join(stories["test"]), ""]
    return "\n".join(lines), in_file


def _hard(pairs: list[Pair]) -> int:
    return sum(1 for p in pairs if not p.same and _words(p.a) & _words(p.b))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print only; do not write results/issues.md")
    parser.add_argument("--check", action="store_true", help="fail when the rule file differs from what dev chose")
    parser.add_argument("--dev-only", action="store_true", help="do not score the test split (while developing)")
    args = parser.parse_args(argv)
    page, in_file = report(load_pairs(), with_test=not args.dev_only)
    if args.dev_only:
        args.no_write = True
    print(page)
    if not args.no_write:
        RESULTS.write_text(page, encoding="utf-8")
    return 1 if args.check and not in_file else 0


if __name__ == "__main__":
    raise SystemExit(main())
