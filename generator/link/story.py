"""The story in brief: its title, the key points most outlets carry, the latest development, the statements most
reported. What the home page leads with (``generator/pages/home.py``).

Rules, and why:

- **Title.** Of the sources' headlines (a title found as a headline or given in metadata, not one made from a
  first sentence or a file name), the one whose content words the most sources use: the headline closest to
  what all the sources share, not the one only its own outlet's angle explains. None when no source has a
  headline; the site then keeps ``mkdocs.yml``'s ``site_name``.
- **Key points.** Sentences chosen from the sources, never generated. A source *carries* a sentence's fact when
  one of its sentences is similar enough (the weighted overlap of words, people, places, numbers and dates used
  by the source comparison, at least ``CARRIES``). Sentences are ranked by how many outlets carry them, then by
  how readable they are on their own (not opening inside a quotation or on a pronoun or conjunction that needs
  the sentence before, not too long), then by how close the carrying sentences are; a sentence close to a point
  already chosen (or reusing one of its carrying sentences) says the same fact again and is skipped.
- **Latest development.** The newest source's first sentence that no other source carries: what it adds.
  Shown only when one source is newer than every other (a story whose sources share a date has no "latest").
- **Statements.** Quote groups carried by at least two outlets, most carried first.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from generator.link.compare import SAME_FACT, SentencePairs, _overlap, _Sentence, _sentences, features
from generator.link.quote_groups import content_words
from generator.model import Briefing, KeyPoint, Source, Story

log = logging.getLogger(__name__)

# A source carries a sentence's fact when one of its sentences covers this share of the sentence's weighted
# features (words by rarity, people, places, numbers, dates). Swept on the ECB+ dev topics (1–20,
# benchmarks/story.py): 0.35 / 0.45 / 0.55 gave carried-pair precision 0.60 / 0.66 / 0.65, recall 0.44 / 0.41 /
# 0.31 and an "N of M" error of 3.1 / 3.9 / 5.1 articles; 0.45 is the most precise.
CARRIES = 0.45
PAIRS = 0.15  # pairs below this symmetric overlap are not scored at all (a speed filter, not swept)
REPEAT_SHARE = 2  # a candidate sharing half its carrying sentences with a chosen point repeats it
SAME_POINT = 0.30  # a candidate this close (symmetric overlap) to a chosen point tells the same fact again
MIN_POINTS, MAX_POINTS = 3, 7
MAX_WORDS = 45  # longer sentences read badly as a point; taken only when nothing shorter is carried as widely
MAX_STATEMENTS = 3
LEAD = 1.0  # a sentence LEAD sentences into its article counts half as much as its lede (ECB+ dev topics 1–20: LEAD 1000/8/4/2/1 gave the top point the story’s main event in 0.60/0.76/0.79/0.81/0.84 of the documents)
MIN_LONG_WORDS = 5  # words of three letters or more: "7:15 a.m. Dec. 7, 2009" is a dateline, not a fact
NOT_A_POINT = 9
TITLE_CASE = 0.6  # a sentence with more capitalised words (of 3+ letters) than this share is in Headline Case
# A sentence opening on these needs the sentence before it to be understood ("He added …", "But …").
NEEDS_CONTEXT = frozenset({
    "he", "she", "it", "they", "his", "her", "its", "their", "this", "that", "these", "those", "but", "and", "or",
    "so", "yet", "also", "however", "meanwhile", "furthermore", "moreover", "still", "instead", "then", "there",
})
QUOTE_MARKS = "\"'“”‘’«»"
FIRST_WORD = re.compile(r"[A-Za-z]+")


def is_headline(source: Source) -> bool:
    """A title that was a headline or given, not one made from the first sentence or the file name."""
    return dict(source.origins).get("title") not in ("first sentence", "file name")


def story_title(sources: Sequence[Source]) -> Source | None:
    """The source whose headline uses the words most sources use (see the module docstring)."""
    if not sources:
        return None
    words_of = {s.id: content_words(s.text) for s in sources}
    df: dict[str, int] = defaultdict(int)
    for words in words_of.values():
        for word in words:
            df[word] += 1
    best: tuple[float, str] | None = None
    chosen = None
    for source in sources:
        if not is_headline(source):
            continue
        words = content_words(source.title)
        if not words:
            continue
        score = sum(df[w] for w in words) / (len(words) * len(sources))
        key = (-score, source.id)
        if best is None or key < best:
            best, chosen = key, source
    return chosen


def main_story_sources(briefing: Briefing) -> tuple[Source, ...]:
    """The sources of the story the folder is about: all of them, or in a folder of several stories
    (``Briefing.stories``) those of the story most of them tell; none when no story holds most of them (a
    folder of unrelated articles is not titled by one of them)."""
    counts = Counter(briefing.story_of(s.id) for s in briefing.sources)
    if len(counts) <= 1:
        return briefing.sources
    story, size = min(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    if 2 * size <= len(briefing.sources):
        return ()
    return tuple(s for s in briefing.sources if briefing.story_of(s.id) == story)


@dataclass(frozen=True)
class _Candidate:
    sentence: _Sentence
    carriers: dict[str, tuple[int, float]]  # other source → (its closest sentence's position, score)
    readable: int  # 0 reads on its own; higher needs more context
    closeness: float


def _starts_in_quote(briefing: Briefing) -> set[tuple[str, int]]:
    """(source, sentence) of sentences that open inside a quotation or with a quotation mark."""
    found = set()
    quotes_of: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for q in briefing.quotes:
        quotes_of[q.source].append((q.start, q.end))
    for facts in briefing.facts:
        spans = quotes_of[facts.source.id]
        for s in facts.sentences:
            stripped = s.text.lstrip()
            if stripped[:1] in QUOTE_MARKS or any(start < s.start < end for start, end in spans):
                found.add((s.source, s.index))
    return found


def is_statement(text: str, titles: set[str]) -> bool:
    """A sentence that can be a key point: it ends like a sentence and is not a headline or a dateline."""
    text = " ".join(text.split())
    ending = text.rstrip(QUOTE_MARKS + ")")
    if text in titles or not ending.endswith((".", "!", "?")) or ending.endswith(("...", "…")):
        return False  # a headline, a dateline, a teaser ("Lohan Checks Out Of Rehab...")
    if text[:1].islower():
        return False  # a fragment the sentence splitter cut off ("where she has spent time before.")
    words = [w for w in FIRST_WORD.findall(text) if len(w) >= 3]
    capitalised = sum(1 for w in words if w[0].isupper())
    if len(words) >= MIN_LONG_WORDS and capitalised / len(words) > TITLE_CASE:
        return False  # Headline Case: a title or a caption, not a sentence of the story
    return len(words) >= MIN_LONG_WORDS


def _readability(s: _Sentence, in_quote: set[tuple[str, int]], titles: set[str]) -> int:
    """0 when the sentence reads on its own, more for each thing that needs the text around it; 9: not a point."""
    if not is_statement(s.text, titles):
        return NOT_A_POINT
    penalty = 0
    first = FIRST_WORD.match(s.text.lstrip(QUOTE_MARKS + " "))
    if first and first.group().lower() in NEEDS_CONTEXT:
        penalty += 1
    if s.key in in_quote:
        penalty += 4  # a quotation without its speaker: shown only through a carrying sentence that names them
    if len(s.text.split()) > MAX_WORDS:
        penalty += 1
    return penalty


def coverage(fa: dict[str, float], fb: dict[str, float]) -> float:
    """The share of sentence a's weighted features that sentence b also has (0..1): how much of a's fact b tells."""
    total = math.fsum(fa.values())
    return math.fsum(min(fa[k], fb[k]) for k in fa.keys() & fb.keys()) / total if total else 0.0


def _candidates(briefing: Briefing, pairs: SentencePairs) -> list[_Candidate]:
    """Every sentence as a candidate key point: the sentences of other sources that carry it (``_carriers``), how
    well it reads on its own (``_readability``) and how much of it its carriers tell on average."""
    carriers = _carriers(pairs)
    _add_event_carriers(briefing, pairs, carriers)
    in_quote = _starts_in_quote(briefing)
    titles = {" ".join(s.title.split()) for s in briefing.sources}
    out = []
    for i, s in enumerate(pairs.sentences):
        found = carriers.get(i, {})
        closeness = sum(score for _, score in found.values()) / len(found) if found else 0.0
        out.append(_Candidate(s, found, _readability(s, in_quote, titles), closeness))
    return out


def _carriers(pairs: SentencePairs) -> dict[int, dict[str, tuple[int, float]]]:
    """For each sentence (by index), the sentence of each other source that best covers it, with its coverage
    (at least ``CARRIES``)."""
    sentences, totals = pairs.sentences, pairs.totals
    carriers: dict[int, dict[str, tuple[int, float]]] = defaultdict(dict)
    # pairs that share little cannot cover each other: the symmetric overlap bounds which pairs to score.
    # coverage(a, b) is the shared weight over a's total: computed for every pair at once, and only the pairs
    # where one sentence covers the other are looked at one by one (most similar first, as before)
    o = pairs.overlaps
    keep = o.score >= PAIRS
    forward = np.zeros_like(o.shared)
    backward = np.zeros_like(o.shared)
    forward[keep] = o.shared[keep] / np.asarray(totals)[o.i[keep]]
    backward[keep] = o.shared[keep] / np.asarray(totals)[o.j[keep]]
    covers = keep & ((forward >= CARRIES) | (backward >= CARRIES))
    for i, j, fwd, bwd in zip(o.i[covers].tolist(), o.j[covers].tolist(), forward[covers].tolist(),
                              backward[covers].tolist()):
        for a, b, score in ((i, j, fwd), (j, i, bwd)):
            other = sentences[b].source
            if score >= CARRIES and (other not in carriers[a] or score > carriers[a][other][1]):
                carriers[a][other] = (b, score)
    return carriers


def _add_event_carriers(briefing: Briefing, pairs: SentencePairs,
                        carriers: dict[int, dict[str, tuple[int, float]]]) -> None:
    """Add to ``carriers`` the sentences that report one timeline event: a timeline event reported by several
    sources is one fact told in each of their sentences (the timeline merges reports by date, people, places and
    words: "met in Istanbul" and "met in Turkey" on one day). A source that already carries a sentence keeps its
    sentence."""
    sentences, feats = pairs.sentences, pairs.feats
    position = {s.key: i for i, s in enumerate(sentences)}
    for event in briefing.events:
        keys = [position[(r.source, r.sentence)] for r in event.reports if (r.source, r.sentence) in position]
        for a in keys:
            for b in keys:
                other = sentences[b].source
                if other != sentences[a].source and other not in carriers[a]:
                    carriers[a][other] = (b, coverage(feats[a], feats[b]))


def _rank_in_source(sentences: Sequence[_Sentence]) -> list[int]:
    """Each sentence's position among its source's sentences (0: the lede)."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for s in sentences:
        out.append(seen[s.source])
        seen[s.source] += 1
    return out


def _lead_weight(rank: int) -> float:
    """How much a sentence counts as carrying a fact by where it stands: news puts the main facts first (the
    inverted pyramid), so a fact most outlets tell near the top outranks one they mention further down."""
    return 1.0 / (1.0 + rank / LEAD)


def _labels(briefing: Briefing) -> dict[str, str]:
    """Each source's outlet (``Source.outlet_key``), by source id."""
    return {s.id: s.outlet_key for s in briefing.sources}


def _outlets(labels: dict[str, str], source_ids: set[str]) -> int:
    """Distinct outlets among sources (two articles of one outlet count once); ``labels``: ``_labels``."""
    return len({labels[i] for i in source_ids})


def story_pairs(briefing: Briefing) -> SentencePairs:
    """The story's sentences with their pairs scored down to the lowest threshold of the comparison and the
    key points (one scoring for both). Below ``SAME_FACT`` only the pairs where one sentence covers the other
    (``CARRIES``) are kept: the key points look at no other (``_candidates``), the comparison at none below it."""
    return SentencePairs.of(_sentences(briefing), min(PAIRS, SAME_FACT), sure=SAME_FACT, cover=CARRIES,
                            stories=dict(briefing.stories))


def key_points(briefing: Briefing, pairs: SentencePairs | None = None) -> tuple[KeyPoint, ...]:
    """The facts most outlets carry, one sentence each (see the module docstring). ``pairs``: the story's
    sentences with their pairs scored down to at most ``PAIRS`` (``story_pairs``)."""
    pairs = pairs if pairs is not None else story_pairs(briefing)
    sentences = pairs.sentences
    if not sentences:
        return ()
    candidates = _candidates(briefing, pairs)
    ranked = _ranked(candidates, _rank_in_source(sentences))
    chosen = _choose(candidates, ranked, _labels(briefing), pairs.feats.__getitem__)
    return tuple(_key_point(candidates[shown], sentences, members) for shown, members in chosen)


class _Point(NamedTuple):
    """A chosen key point: the candidate shown (its position) and the sentences carrying its fact."""

    shown: int
    members: set[int]


def _ranked(candidates: Sequence[_Candidate], rank: Sequence[int]) -> list[int]:
    """The positions of the candidates that may be points (``_may_be_point``), the most prominent first: the lead
    weight (``_lead_weight``) of the sentence and of its carriers, summed; ties: the most readable, the closest
    carriers, the earliest paragraph, then source and sentence."""
    prominence = [
        sum(_lead_weight(rank[j]) for j in {i, *(j for j, _ in c.carriers.values())}) for i, c in enumerate(candidates)
    ]
    return sorted(
        (i for i, c in enumerate(candidates) if _may_be_point(c, candidates)),
        key=lambda i: (
            -round(prominence[i], 6),
            candidates[i].readable,
            -candidates[i].closeness,
            candidates[i].sentence.paragraph,
            candidates[i].sentence.source,
            candidates[i].sentence.index,
        ),
    )


def _may_be_point(c: _Candidate, candidates: Sequence[_Candidate]) -> bool:
    """A sentence that may be a point: a statement (``_readability`` below ``NOT_A_POINT``); one that opens inside
    a quotation (4 or more) only when a carrying sentence reads on its own (``_readable_wording`` shows that)."""
    return c.readable < NOT_A_POINT and (c.readable < 4 or any(
        candidates[j].readable == 0 for j, _ in c.carriers.values()))


def _choose(candidates: Sequence[_Candidate], ranked: Sequence[int], labels: dict[str, str],
            feat: Callable[[int], dict[str, float]]) -> list[_Point]:
    """The points, in rank order: facts of two outlets or more, up to ``MAX_POINTS``, each skipped when it repeats
    a point already chosen (``_repeats``); then, while there are fewer than ``MIN_POINTS``, facts of one outlet.
    ``feat``: a sentence's weighted features by its position."""
    chosen: list[_Point] = []
    used: set[int] = set()
    single: list[int] = []
    for i in ranked[: MAX_POINTS * 20]:
        if len(chosen) >= MAX_POINTS:
            break
        c = candidates[i]
        if _outlets(labels, {c.sentence.source, *c.carriers}) < 2:
            single.append(i)  # one outlet's fact: a point only when fewer than MIN_POINTS facts are shared
            continue
        members = {i, *(j for j, _ in c.carriers.values())}
        shown = _readable_wording(candidates, i)
        if i not in used and not _repeats_any(chosen, members, feat(shown), feat):
            chosen.append(_Point(shown, members))
            used |= members
    for i in single:
        if len(chosen) >= MIN_POINTS:
            break
        if i not in used and not _repeats_any(chosen, {i}, feat(i), feat):
            chosen.append(_Point(_readable_wording(candidates, i), {i}))
            used.add(i)
    return chosen


def _repeats_any(chosen: Sequence[_Point], members: set[int], shown: dict[str, float],
                 feat: Callable[[int], dict[str, float]]) -> bool:
    """Whether a candidate point (its carrying sentences, its wording's features) repeats any chosen point."""
    return any(_repeats(members, earlier, shown, feat(k)) for k, earlier in chosen)


def _key_point(c: _Candidate, sentences: Sequence[_Sentence], members: set[int]) -> KeyPoint:
    """The key point shown by candidate ``c``, with the sentences that carry its fact (and its own)."""
    reports = sorted({sentences[j].key for j in members} | {c.sentence.key})
    return KeyPoint(c.sentence.source, c.sentence.index, c.sentence.text, tuple(reports))


def _repeats(members: set[int], earlier: set[int], shown: dict[str, float], earlier_shown: dict[str, float]) -> bool:
    """Whether a candidate point tells a chosen point's fact again: mostly the same carrying sentences, or a
    wording that covers (or is covered by) the chosen wording."""
    return (len(members & earlier) * REPEAT_SHARE >= len(members) or _overlap(shown, earlier_shown) >= SAME_POINT
            or coverage(shown, earlier_shown) >= CARRIES or coverage(earlier_shown, shown) >= CARRIES)


def _readable_wording(candidates: Sequence[_Candidate], i: int) -> int:
    """The sentence to show for a point: ``i``, or the carrying sentence that reads on its own and tells most of
    its fact ("“I note that the first contacts … inspire certain hopes" → "Putin has described initial contacts …")."""
    if candidates[i].readable == 0:
        return i
    fits = [(score, j) for j, score in candidates[i].carriers.values() if candidates[j].readable == 0]
    if not fits:
        return i
    return max(fits, key=lambda f: (f[0], -f[1]))[1]


def latest_development(briefing: Briefing, pairs: SentencePairs, points: Sequence[KeyPoint]) -> KeyPoint | None:
    """The newest source's first sentence no other source carries, when one source is newer than all others."""
    dated = sorted((s for s in briefing.sources if s.published), key=lambda s: s.published)
    if len(dated) < 2 or dated[-1].published == dated[-2].published:
        return None
    newest = dated[-1]
    sentences, weight = pairs.sentences, pairs.weight
    mine = [s for s in sentences if s.source == newest.id]
    other_feats = [f for s, f in zip(sentences, pairs.feats) if s.source != newest.id]
    shown = {(p.source, p.sentence) for p in points}
    in_quote = _starts_in_quote(briefing)
    titles = {" ".join(s.title.split()) for s in briefing.sources}
    for s in sorted(mine, key=lambda s: (_readability(s, in_quote, titles) > 0, s.index)):
        if s.key in shown or _readability(s, in_quote, titles) == NOT_A_POINT:
            continue
        f = features(s, weight)
        if all(coverage(f, o) < CARRIES for o in other_feats):
            return KeyPoint(s.source, s.index, s.text, (s.key,))
    return None


def top_statements(briefing: Briefing) -> tuple[str, ...]:
    """Quote groups carried by at least two outlets, most carried first."""
    labels = _labels(briefing)
    groups = [g for g in briefing.quote_groups if _outlets(labels, set(g.sources)) >= 2]
    groups.sort(key=lambda g: (-_outlets(labels, set(g.sources)), -len(g.text or ""), g.id))
    return tuple(g.id for g in groups[:MAX_STATEMENTS])


def tell_story(briefing: Briefing, pairs: SentencePairs | None = None) -> Story:
    """The story's title, key points, latest development and most-reported statements. ``pairs``: as for
    ``key_points``."""
    title_source = story_title(main_story_sources(briefing))
    pairs = pairs if pairs is not None else story_pairs(briefing)
    points = key_points(briefing, pairs)
    story = Story(
        title=" ".join(title_source.title.split()) if title_source else None,
        title_source=title_source.id if title_source else None,
        points=points,
        latest=latest_development(briefing, pairs, points),
        statements=top_statements(briefing),
    )
    log.info("story %r: %d key points, %d statements", story.title, len(points), len(story.statements))
    return story
