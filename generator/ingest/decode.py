"""Bytes of an article file → text: encodings, byte-order marks, line ends and control characters.

UTF-8 (with or without a byte-order mark) and UTF-16/UTF-32 with a byte-order mark are read as they
are; any other encoding is detected by charset-normalizer and named, so the caller can warn about it.
A file that decodes to mostly control characters is not text (an image or a PDF saved as ``.txt``).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer

from generator.rules import load_rules

# UTF-32's little-endian mark starts with UTF-16's: check the longer marks first.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Line and paragraph separators other than "\n": vertical tab, form feed (page breaks of pdftotext),
# NEL, and Unicode's own line / paragraph separators.
LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028]")
PARAGRAPH_BREAK = "\u2029"
# Removed from the text: C0/C1 controls other than tab and newline, byte-order marks and non-characters
# left inside the text, zero-width spaces and word joiners, and the bidi embedding/override/isolate
# controls (they reorder what a reader sees and carry no words). Joiners (ZWJ, ZWNJ) and the
# left-to-right / right-to-left marks stay: scripts and emoji need them.
INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff\u200b\u2060\u202a-\u202e\u2066-\u2069]")


class NotText(ValueError):
    """The bytes are not text in any encoding we can tell."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec used, e.g. "utf-8", "utf-16", "cp1252"
    detected: bool  # True when the encoding was guessed (not UTF-8, no byte-order mark)


def decode(data: bytes) -> Decoded:
    """The text of ``data``; raises NotText for bytes that are not text."""
    decoded = _decode(data)
    if control_share(decoded.text) > load_rules("input")["binary"]["max_control_share"]:
        raise NotText("it holds binary data, not text")
    return decoded


def _decode(data: bytes) -> Decoded:
    for mark, codec in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return Decoded(data.decode(codec), codec, False)
            except UnicodeDecodeError as exc:
                raise NotText(f"it starts with a {codec} byte-order mark but is not valid {codec}") from exc
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise NotText("it is not text in any encoding charset-normalizer recognises (binary data?)")
    best = likeliest(matches)
    return Decoded(str(best), best.encoding, True)


def likeliest(matches: list[charset_normalizer.CharsetMatch]) -> charset_normalizer.CharsetMatch:
    """The encoding to read: the least "chaos" (mess) first, then the commonest encoding, then language
    coherence.

    charset-normalizer's own ``best()`` ranks by coherence among equally calm candidates, which on an
    English or French text with a few accented letters picks rare code pages (DOS Baltic, cp775, for a
    Windows-1252 file) and garbles the accents. Among calm candidates the encodings most files are
    actually written in (``encodings.prefer`` in rules/input.yaml, commonest first) win here.
    """
    prefer = load_rules("input")["encodings"]["prefer"]
    lowest = min(match.chaos for match in matches)
    calm = [match for match in matches if match.chaos <= lowest]

    def rank(match: charset_normalizer.CharsetMatch) -> int:
        names = [match.encoding, *match.could_be_from_charset]
        return min((prefer.index(name) for name in names if name in prefer), default=len(prefer))

    return min(calm, key=lambda match: (rank(match), -match.coherence))


def control_share(text: str) -> float:
    """The share of characters that are controls (other than whitespace) or replacement characters."""
    if not text:
        return 0.0
    sample = text[:100_000]
    odd = sum(1 for ch in sample if (ch not in "\t\n\r\x0b\x0c" and unicodedata.category(ch) == "Cc") or ch == "\ufffd")
    return odd / len(sample)


def normalise_text(text: str) -> str:
    """Line ends as "\\n", invisible and control characters removed (see ``INVISIBLE``)."""
    text = LINE_BREAKS.sub("\n", text).replace(PARAGRAPH_BREAK, "\n\n")
    return INVISIBLE.sub("", text)
