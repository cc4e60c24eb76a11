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


def past_split_possessive(subject: Token) -> Token:
    """In text tokenised with spaces ("Egypt ’ s Ministry of Communications said") the parser makes the possessor
    the subject: the possessed name after "’ s" is."""
    doc = subject.doc
    i = subject.i
    if i + 3 < len(doc) and doc[i + 1].text in ("’", "'") and doc[i + 2].lower_ == "s" and doc[i + 3].pos_ in ("PROPN", "NOUN"):
        token = doc[i + 3]
        while token.dep_ in ("compound", "amod") and token.head.i > token.i:
            token = token.head
        return token
    return subject
