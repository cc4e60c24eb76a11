"""Small helpers over spaCy's dependency parse, shared by the extractors (extraction stage only)."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token


def clause_between(token: Token, head: Token, deps: Collection[str]) -> bool:
    """Whether, walking up from ``token`` towards ``head``, a dependency in ``deps`` (a relative clause,
    an apposition …) stands between them: then ``token`` belongs to another clause than ``head``."""
    node = token
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ in deps:
            return True
        node = node.head
    return False
