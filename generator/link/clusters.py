"""Clusters kept as a forest of parent links (union-find), shared by the link stage's merges (quote groups,
facts, issues, stories, events' stories).

Each caller keeps its own ``parent`` table (a list over item numbers or a dict over names) and decides which
root a union keeps: the root numbers and names are part of what those stages output, so the choice stays theirs.
"""

from __future__ import annotations

from collections.abc import Hashable, MutableMapping, MutableSequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def root(parent: MutableSequence[int] | MutableMapping[K, K], item: K) -> K:
    """The root of ``item``'s cluster, halving the path on the way (each node then points to its grandparent)."""
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item
