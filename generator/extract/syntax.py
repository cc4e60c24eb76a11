"""Small helpers over spaCy's dependency parse, shared by the extractors (extraction stage only)."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token


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


FINITE = ("VBD", "VBZ", "VBP", "MD")


def passive_agents(verb: Token) -> list[Token]:
    """The agents of a passive verb: the objects of its "by" phrases ("Hardy's offer was rejected by prosecutors":
    prosecutors), in the parse's order; empty when it has none."""
    return [g for by in verb.children if by.dep_ == "agent" for g in by.children if g.dep_ == "pobj"]


def opens_contact_clause(name: Span) -> bool:
    """Is the name the subject of a relative clause written without "that", right after the noun the clause is
    about ("the deputy Tom Hardy attacked", "Julie Brand, the court reporter Hardy is accused of killing,", "The
    lawyer Hardy hired quit")? Then the words before the name are the role of another person, not its own.

    Read three ways, as the small model parses it either way: the name is the subject of a relative clause of the
    noun before it; the noun phrase before the name is the apposition of another name ("X, the court reporter Y
    …"); or a verb follows the name and then a finite verb with no subject of its own ("the deputy Y overpowered
    was taken")."""
    doc = name.doc
    if name.start == 0 or doc[name.start - 1].pos_ not in ("NOUN", "PROPN"):
        return False
    root = name.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "relcl" and root.head.head.i < name.start:
        return True
    left = name.start - 1
    while left > 0 and (doc[left - 1].pos_ in ("NOUN", "ADJ", "PROPN") or doc[left - 1].tag_ == "POS") and doc[left - 1].ent_type_ != "PERSON":
        left -= 1
    if left > 0 and doc[left - 1].pos_ in ("DET", "PRON"):
        left -= 1
    if left > 1 and doc[left - 1].text == "," and doc[left - 2].ent_type_ == "PERSON":
        return True
    return _gap_after(name)


def _gap_after(name: Span) -> bool:
    """A verb right after the name, then a finite verb whose clause has no subject ("Y overpowered was taken")."""
    doc = name.doc
    i = name.end
    while i < len(doc) and (doc[i].pos_ in ("AUX", "PART", "ADV") and doc[i].tag_ != "VBN"):
        i += 1  # "is accused", "had already hired"
    if i >= len(doc) or not (doc[i].pos_ == "VERB" or doc[i].tag_ in ("VBD", "VBN")):
        return False
    for token in doc[i + 1 : min(i + 7, name.sent.end)]:
        if token.is_punct or token.dep_ == "cc":
            return False
        if token.tag_ in FINITE:
            clause = token.head if token.dep_ in ("aux", "auxpass") else token
            return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
    return False
