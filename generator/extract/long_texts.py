"""Parsing texts longer than the spaCy model allows (``nlp.max_length``) in pieces.

A long text is cut at paragraph boundaries (else at a sentence end, else at a space) into pieces no
longer than ``max_length``; each piece is parsed on its own, so the parser's memory stays bounded, and
the parsed pieces are joined into one ``Doc`` whose text is exactly the original, so every character
offset stays an offset into the cleaned text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator

import numpy
from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Where a piece may end, best first: after a blank line, after a sentence, after any space.
CUTS = (re.compile(r"\n\n+"), re.compile(r"[.!?…][\"'”’)]*\s+"), re.compile(r"\s+"))


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of ``text``, each at most ``limit`` characters, that join back into ``text`` exactly."""
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces = []
    start = 0
    while len(text) - start > limit:
        pieces.append(text[start:(end := cut_point(text, start, limit))])
        start = end
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def cut_point(text: str, start: int, limit: int) -> int:
    """The end of the piece that starts at ``start``: the last good boundary within ``limit``."""
    window = text[start:start + limit]
    for cut in CUTS:
        ends = [match.end() for match in cut.finditer(window)]
        if ends and ends[-1] > 0:
            return start + ends[-1]
    return start + limit  # no space at all: cut anywhere


def parse_in_pieces(nlp: Language, text: str, label: str) -> Doc:
    """``text`` parsed piece by piece and joined into one Doc (tensors dropped: nothing reads them)."""
    pieces = split_text(text, nlp.max_length)
    log.warning(
        "%s: %d characters, longer than the model's limit of %d; parsed in %d pieces at paragraph "
        "boundaries (a sentence may be split where a piece ends).",
        label, len(text), nlp.max_length, len(pieces),
    )
    docs = []
    for doc in nlp.pipe(pieces):
        doc.tensor = numpy.zeros((0,), dtype="float32")
        docs.append(doc)
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse_all(nlp: Language, texts: Iterable[tuple[str, str]], batch_size: int = 32) -> Iterator[Doc]:
    """``nlp.pipe`` over ``(label, text)`` pairs, in order; texts over ``nlp.max_length`` in pieces."""
    items = list(texts)
    short = nlp.pipe((text for _, text in items if len(text) <= nlp.max_length), batch_size=batch_size)
    for label, text in items:
        yield next(short) if len(text) <= nlp.max_length else parse_in_pieces(nlp, text, label)
