"""Candidate generation for the link stage: which pairs of items can be similar enough to be compared.

Comparing every pair grows with the square of the articles. The weighted overlaps the link stage scores
(sentences in ``compare.py``) add min(fa, fb) over the features two items
share, and min(x, y) ≤ sqrt(x·y): so a score is at most Σ sqrt(fa)·sqrt(fb) divided by the score's own
denominator, a dot product of the items' square-rooted feature vectors. ``bounded_pairs`` computes that
bound for every pair at once as a sparse matrix product (scipy, a block of rows at a time so that memory
stays small) and keeps the pairs whose bound reaches the threshold: a superset of the pairs the score
keeps, found without a Python loop over pairs. The scores themselves are computed by their own modules.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

import numpy as np
from scipy import sparse

MARGIN = 1e-9  # relative: the bound is compared with a threshold a little lower, so rounding never drops a pair
BLOCK = 256  # rows per sparse product


def bounded_pairs(
    feats: Sequence[Mapping[str, float]], threshold: float, denominator: str = "geometric",
    groups: Sequence[Hashable] | None = None, block: int = BLOCK,
) -> list[tuple[int, int]]:
    """Pairs (i < j) whose bound Σ sqrt(fi·fj) reaches ``threshold`` times the score's denominator of
    their total weights: "geometric" sqrt(Si·Sj), or "smaller" min(Si, Sj). With ``groups``, only pairs
    of different groups (sources). A threshold of 0 or less keeps every pair."""
    n = len(feats)
    group_ids = _group_ids(groups, n)
    if threshold <= 0:
        return [(i, j) for i in range(n) for j in range(i + 1, n) if group_ids[i] != group_ids[j] or groups is None]
    columns: dict[str, int] = {}
    rows, cols, values = [], [], []
    for i, f in enumerate(feats):
        for key, weight in f.items():
            rows.append(i)
            cols.append(columns.setdefault(key, len(columns)))
            values.append(np.sqrt(weight))
    roots = sparse.csr_matrix((values, (rows, cols)), shape=(n, max(1, len(columns))))
    transposed = roots.T.tocsr()
    totals = np.array([sum(f.values()) for f in feats], dtype=float)
    least = threshold * (1 - MARGIN)
    pairs: list[tuple[int, int]] = []
    for lo in range(0, n, block):
        bound = (roots[lo:lo + block] @ transposed).tocoo()
        i = bound.row.astype(np.int64) + lo
        j = bound.col.astype(np.int64)
        if denominator == "geometric":
            scale = np.sqrt(totals[i] * totals[j])
        elif denominator == "smaller":
            scale = np.minimum(totals[i], totals[j])
        else:
            raise ValueError(f"unknown denominator {denominator!r}")
        keep = (j > i) & (bound.data >= least * scale)
        if groups is not None:
            keep &= group_ids[i] != group_ids[j]
        pairs.extend(zip(i[keep].tolist(), j[keep].tolist()))
    return sorted(pairs)


def neighbours(pairs: Sequence[tuple[int, int]], n: int) -> list[list[int]]:
    """For each item, the items it forms a pair with, in ascending order."""
    out: list[list[int]] = [[] for _ in range(n)]
    for i, j in pairs:
        out[i].append(j)
        out[j].append(i)
    for found in out:
        found.sort()
    return out


def _group_ids(groups: Sequence[Hashable] | None, n: int) -> np.ndarray:
    if groups is None:
        return np.zeros(n, dtype=np.int64)
    numbers = {group: k for k, group in enumerate(dict.fromkeys(groups))}
    return np.array([numbers[g] for g in groups], dtype=np.int64)
