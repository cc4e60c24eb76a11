"""Pair scoring for the link stage without a Python loop over pairs.

Comparing every pair grows with the square of the articles. The weighted overlaps the link stage scores
(sentences in ``compare.py``) add min(fa, fb) over the features two items share; a feature's weight depends
on the feature only (a word's rarity over the story, a fixed weight per person, place, number or date), so
min(fa, fb) is that weight and the shared weight of two items is a product of sparse matrices: items × features
(the weights) times its transpose (ones). ``weighted_overlaps`` computes it for every pair at once (scipy, a block
of rows at a time so that memory stays small): the product only ever touches pairs that share a feature (it is an
inverted index of the features), and keeps the pairs whose score reaches the threshold.

Determinism: the features are numbered in sorted order and each row's features are stored in that order, so the
product adds a pair's shared weights in one fixed order whatever the hash seed (the sum over a set intersection
depends on the set's iteration order, so in the last bit of a float).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

BLOCK = 512  # rows per sparse product


@dataclass(frozen=True)
class Overlaps:
    """Pairs (i < j) with the weight of the features they share, their totals and their score, most similar
    first (ties: by i, then j)."""

    i: np.ndarray
    j: np.ndarray
    shared: np.ndarray
    score: np.ndarray

    def above(self, threshold: float) -> list[tuple[float, int, int]]:
        """``(-score, i, j)`` of the pairs scoring at least ``threshold``, most similar first."""
        keep = self.score >= threshold
        return list(zip((-self.score[keep]).tolist(), self.i[keep].tolist(), self.j[keep].tolist()))

    def pairs(self, threshold: float) -> Iterator[tuple[int, int]]:
        """``(i, j)`` of the same pairs in the same order, one at a time: a long list of tuples is not kept."""
        keep = self.score >= threshold
        return zip(self.i[keep].tolist(), self.j[keep].tolist())


def feature_matrix(feats: Sequence[Mapping[str, float]]) -> sparse.csr_matrix:
    """Items × features (numbered in sorted order, each row in that order), holding each feature's weight.
    Raises ValueError when one feature has two weights (the product would then not be the min of them)."""
    weights: dict[str, float] = {}
    for f in feats:
        for key, weight in f.items():
            if weights.setdefault(key, weight) != weight:
                raise ValueError(f"feature {key!r} weighs {weights[key]} and {weight}")
    return vector_matrix(feats)


def vector_matrix(rows: Sequence[Mapping[str, float]]) -> sparse.csr_matrix:
    """Items × features (numbered in sorted order, each row in that order), each row holding its own weights
    (tf-idf vectors: ``matrix @ matrix.T`` gives every pair's dot product)."""
    column = {key: n for n, key in enumerate(sorted({key for row in rows for key in row}))}
    indptr, indices, data = [0], [], []
    for row in rows:
        for key in sorted(row):
            indices.append(column[key])
            data.append(row[key])
        indptr.append(len(indices))
    return sparse.csr_matrix((np.array(data, dtype=float), np.array(indices, dtype=np.int64),
                              np.array(indptr, dtype=np.int64)), shape=(len(rows), max(1, len(column))))


def weighted_overlaps(
    feats: Sequence[Mapping[str, float]], totals: Sequence[float], threshold: float,
    groups: Sequence[Hashable] | None = None, block: int = BLOCK, sure: float | None = None, cover: float = 0.0,
    scopes: Sequence[Hashable] | None = None,
) -> Overlaps:
    """Pairs (i < j), of different ``groups`` (sources) and of the same ``scopes`` (stories) when given, whose
    shared weight divided by sqrt(totals[i] · totals[j]) reaches ``threshold`` (> 0): the cosine-like overlap of ``compare.py``.

    With ``sure``, a pair scoring below it is kept only when its shared weight is at least ``cover`` of one
    item's total (``shared / totals[i] >= cover``): the pairs a caller looks at below ``sure`` only when one item
    covers the other (``story.py``), without holding and sorting the many that share a little."""
    if threshold <= 0:
        raise ValueError("weighted_overlaps finds pairs that share a feature: the threshold must be above 0")
    n = len(feats)
    weighted = feature_matrix(feats)
    ones = weighted.copy()
    ones.data = np.ones_like(ones.data)
    total = np.asarray(totals, dtype=float)
    group_ids, scope_ids = _group_ids(groups, n), _group_ids(scopes, n)
    found_i, found_j, found_shared, found_score = [], [], [], []
    for lo in range(0, n, block):
        # the block's rows against the items from ``lo`` on only: each pair (i < j) once, half the product
        product = (weighted[lo:lo + block] @ ones[lo:].T).tocsr()
        i = np.repeat(np.arange(lo, lo + product.shape[0], dtype=np.int64), np.diff(product.indptr))
        j = product.indices.astype(np.int64) + lo
        shared = product.data
        score = shared / np.sqrt(total[i] * total[j])
        # the score first: it drops most pairs (those sharing a common word or two) before the other tests
        keep = score >= threshold
        i, j, shared, score = i[keep], j[keep], shared[keep], score[keep]
        keep = j > i
        if sure is not None:
            keep &= (score >= sure) | (shared / total[i] >= cover) | (shared / total[j] >= cover)
        if groups is not None:
            keep &= group_ids[i] != group_ids[j]
        if scopes is not None:
            keep &= scope_ids[i] == scope_ids[j]
        found_i.append(i[keep])
        found_j.append(j[keep])
        found_shared.append(shared[keep])
        found_score.append(score[keep])
    i, j = np.concatenate(found_i or [np.zeros(0, np.int64)]), np.concatenate(found_j or [np.zeros(0, np.int64)])
    shared, score = np.concatenate(found_shared or [np.zeros(0)]), np.concatenate(found_score or [np.zeros(0)])
    order = np.lexsort((j, i, -score))
    return Overlaps(i[order], j[order], shared[order], score[order])


def _group_ids(groups: Sequence[Hashable] | None, n: int) -> np.ndarray:
    if groups is None:
        return np.zeros(n, dtype=np.int64)
    numbers = {group: k for k, group in enumerate(dict.fromkeys(groups))}
    return np.array([numbers[g] for g in groups], dtype=np.int64)
