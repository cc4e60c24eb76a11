"""Direct quotations in one parsed source, with the speaker as written.

Two steps, each a plain function:

1. ``find_quote_spans`` pairs quotation marks paragraph by paragraph, on the text alone. Single marks are told
   apart from apostrophes by their neighbours ("Russia’s" is an apostrophe, "talks 'inspire" opens a quote). A mark
   left open at the end of a paragraph either continues into the next paragraph (which then opens with a mark, the
   convention for quotes running over several paragraphs) or is unbalanced: that quote is dropped and a warning
   names the source, and the rest of the article is still read. textacy's ``direct_quotations`` gives up on the
   whole article instead.
2. ``extract_quotes`` attributes each span with the dependency parse around it: a cue verb after the quote
   ("…," he said), before it (Putin said: "…"), the verb a partial quote hangs from ("called Zelenskyy a
   “dictator”"), "according to X", "X quoted Y as saying". Quotes without a cue inherit the speaker of the quote
   they continue (same paragraph: an interrupted quote; a paragraph that is all quote: a continuation).
   Pronoun speakers are resolved to the nearest preceding person mention outside quotes.

Word lists live in ``generator/rules/reporting_verbs.yaml``.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from generator.model import Paragraph, PersonMention, Quote, Sentence, Source
from generator.rules import load_rules
from generator.extract.speakers import DocumentSpeakers, Referent, Resolution, asks_for_comment, known_first_name, noun_kind, people_noun
from generator.extract.syntax import FINITE, passive_agents, past_split_possessive

log = logging.getLogger(__name__)

DOUBLE_MARKS = '“”„«»"'
SINGLE_MARKS = "‘’‹›'"
OPENERS = "“„«‘‹"
CLOSERS = "”»’›"
OPEN_CONTEXT = "([{—–-/:;,“‘\"'"
CLOSE_CONTEXT = ".,;:!?)]}—–-”’\"'…"
# A full stop ends a sentence, except after an initial ("A. J. Smith"), a title ("Mr. Marcus", "Gov. Inslee") or a
# company's legal suffix ("“…,” Toyota Motor Corp. said"), or before a lower-case word or a hyphen, which no sentence
# opens with ("Sunnyvale, Calif. - based AMD said").
SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bGov)(?<!\bSen)(?<!\bRep)(?<!\bGen)(?<!\bLt)(?<!\bSgt)"
    r"(?<!\bSt)(?<!\bCol)(?<!\bAdm)(?<!\bProf)(?<!\bRev)(?<!\bConst)(?<!\bCorp)(?<!\bInc)(?<!\bCo)(?<!\bLtd)"
    r"(?<!\bBros)[.!?](?=\s|$)(?![ \t]+[-–a-z])"
)
RELATIVE_WORDS = {"which", "that", "who", "whom", "whose", "where", "when"}
MINOR_WORDS = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "at", "by", "with"}
NOT_PEOPLE = {"GPE", "ORG", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}


# ----------------------------------------------------------------------------------------------- rules


def _rules() -> dict:
    return load_rules("reporting_verbs")


def reporting_verbs() -> frozenset[str]:
    return frozenset(_rules()["reporting_verbs"])


def weak_verbs() -> frozenset[str]:
    return frozenset(_rules()["weak_verbs"])


# ---------------------------------------------------------------------------------------- span finding


@dataclass
class QuoteSpan:
    """A quotation found by pairing marks: content offsets (without the marks) into the source text."""

    pieces: list[tuple[int, int]]  # content of each paragraph the quote runs over
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset just after the closing mark
    kind: str  # "double" or "single"
    paragraph: int  # index of the first paragraph

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass
class _Open:
    """A quote opened and not yet closed; ``pieces`` holds the paragraphs it already ran over."""

    at: int  # the latest opening mark (a continuing paragraph opens with one again)
    first_at: int  # the mark that opened the quote
    paragraph: int
    pieces: list[tuple[int, int]] = field(default_factory=list)


def _neighbours(text: str, i: int) -> tuple[str, str]:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev, nxt


def _can_open(prev: str, nxt: str) -> bool:
    return (prev.isspace() or prev in OPEN_CONTEXT) and not nxt.isspace()


def _can_close(prev: str, nxt: str) -> bool:
    return not prev.isspace() and (nxt.isspace() or nxt in CLOSE_CONTEXT)


def mark_role(text: str, i: int) -> str | None:
    """'open', 'close', 'either' or None (an apostrophe or a stray mark) for the quotation mark at ``text[i]``."""
    ch = text[i]
    prev, nxt = _neighbours(text, i)
    if ch in SINGLE_MARKS and prev.isalnum() and nxt.isalnum():
        return None  # Russia’s, don't, Zelenskyy's
    can_open, can_close = _can_open(prev, nxt), _can_close(prev, nxt)
    if ch in OPENERS:
        return "open" if can_open or not can_close else "close"
    if ch in CLOSERS:
        # Some sites write ” for both marks: one standing before a word after a space opens.
        return "open" if can_open and not can_close else "close"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if can_open and can_close:
        return "either"
    return None


def _opens_paragraph(text: str, i: int) -> bool:
    """A double mark that opens a paragraph opens (continues) a quote, even badly spaced ('" Also all …')."""
    return text[i : i + 1] in OPENERS + '"' or mark_role(text, i) in ("open", "either")


def _continues(text: str) -> bool:
    """Does a quote left open at the end of the previous paragraph run on into this one?

    Yes when the paragraph opens with a quotation mark (the convention for quotes over several paragraphs),
    or when its first double mark closes a quote (text split into one sentence per line).
    """
    stripped = text.lstrip()
    if not stripped:
        return False
    if stripped[0] in DOUBLE_MARKS and _opens_paragraph(stripped, 0):
        return True
    for i, ch in enumerate(stripped):
        if ch not in DOUBLE_MARKS:
            continue
        if ch != '"':
            return mark_role(stripped, i) == "close" or _misdirected_close(stripped, i)
        # a straight mark closes when it follows a word, or (badly spaced text) punctuation and a space: 'great, "he'
        return _can_close(*_neighbours(stripped, i)) or (i >= 2 and stripped[i - 1] == " " and stripped[i - 2] in ",.?!")
    return False


def _pair(paragraph: Paragraph, marks: str, kind: str, carried: _Open | None, warnings: list[str]) -> tuple[list[QuoteSpan], _Open | None]:
    """Pair the marks of one kind in one paragraph; return the spans and a quote left open at its end."""
    text = paragraph.text
    base = paragraph.start
    spans: list[QuoteSpan] = []
    current = carried
    skip_first = -1
    if current is not None:
        first = len(text) - len(text.lstrip())
        if first < len(text) and text[first] in DOUBLE_MARKS and _opens_paragraph(text, first):
            current.at = base + first  # the continuing paragraph's opening mark; content starts after it
            skip_first = first
        else:
            current.at = base + first - 1  # no mark: the content starts at the paragraph
    for i, ch in enumerate(text):
        if ch not in marks:
            continue
        if i == skip_first:
            continue
        nxt = text[i + 1 : i + 2]
        if current is None and kind == "double" and ch in OPENERS + '"' and nxt in OPENERS + '"' and nxt != ch:
            continue  # a doubled opening mark ('"“It’s …”'): the second one opens
        role = mark_role(text, i)
        if ch == '"' and current is not None and _reopens(text, i):
            continue  # the next paragraph of the quote, its break lost ('… concerned. "In fact, …'): the quote goes on
        if ch == '"':
            # A straight double mark is a toggle; its neighbours only break ties. Badly spaced text
            # ('great, "he says', '"Doctor Who. "') still pairs.
            role = "close" if current is not None else "open"
        if role is None:
            continue
        if role == "either":
            role = "close" if current is not None else "open"
        if role == "open" and current is not None and kind == "double" and _misdirected_close(text, i):
            role = "close"
        if role == "open":
            if current is not None and kind == "double":
                warnings.append(f"an opening quotation mark at offset {current.at} is never closed")
            if current is None or kind == "double":
                current = _Open(at=base + i, first_at=base + i, paragraph=paragraph.index)
            continue
        if current is None:
            if kind == "double":
                warnings.append(f"a closing quotation mark at offset {base + i} has no opening mark")
            continue  # a single closer with nothing open is an apostrophe: "countries' political"
        pieces = current.pieces + [(current.at + 1, base + i)]
        spans.append(QuoteSpan(pieces, current.first_at, base + i + 1, kind, current.paragraph))
        current = None
    return spans, current


def _reopens(text: str, i: int) -> bool:
    """A straight mark inside an open quote that opens its next paragraph, in text whose paragraph breaks were lost
    ('"… as far as rain is concerned. "In fact, they …" she said'): a sentence ends before it, a capital follows it
    and no cue comes within the next words (unlike a badly spaced close: '… concerned. "Smith said')."""
    before = text[:i]
    if not before.endswith(" ") or before.rstrip()[-1:] not in ".?!" or not text[i + 1 : i + 2].isupper():
        return False
    return not any(_saying_word(w) for w in re.findall(r"[\w’'-]+", text[i + 1 : i + 80])[:6])


def _saying_word(word: str) -> bool:
    """A form of a verb of saying ("said", "thundered", "replies", "noted"): a cue word of the plain-text cues, or a
    reporting verb with -s, -es, -ed, -d or -ied → -y."""
    word = word.lower()
    if word in _rules()["recovery_cues"]:
        return True
    stems = {word[:-1], word[:-2], word[:-3] + "y"} if word.endswith(("s", "d")) else set()
    return bool(stems & reporting_verbs())


def _misdirected_close(text: str, i: int) -> bool:
    """An opening mark typed where a quote closes, while one is open: the last mark of its paragraph ("I'm not
    just a party girl. “"), or one after a comma or full stop that a cue follows ("… the ability to choose, “Meyer
    says.")."""
    if not text[i + 1 :].strip():
        return True
    if text[:i].rstrip()[-1:] not in ",.?!":
        return False
    return re.match(rf"(?:[\w.’'-]+\s+){{0,5}}(?:{_cue_words()})\b", text[i + 1 :]) is not None


def _cue_words() -> str:
    """The words that show a cue in plain text ("said", "says", "told" …), as a regular-expression alternation."""
    return "|".join(re.escape(w) for w in _rules()["recovery_cues"])


def find_quote_spans(paragraphs: Sequence[Paragraph]) -> tuple[list[QuoteSpan], list[str]]:
    """Quote spans in the paragraphs (offsets into the source text), and warnings for unbalanced marks.

    Nested quotes (a quote inside a quote) are not listed separately.
    """
    warnings: list[str] = []
    spans: list[QuoteSpan] = []
    for kind, marks in (("double", DOUBLE_MARKS), ("single", SINGLE_MARKS)):
        carried: _Open | None = None
        for n, paragraph in enumerate(paragraphs):
            found, left_open = _pair(paragraph, marks, kind, carried, warnings)
            spans.extend(found)
            carried = None
            if left_open is None:
                continue
            content = (left_open.at + 1, paragraph.end)
            following = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if kind == "double" and following is not None and _runs_on(paragraphs, n):
                carried = _Open(left_open.at, left_open.first_at, left_open.paragraph, left_open.pieces + [content])
            elif kind == "double":
                recovered = _close_at_sentence_end(paragraph, left_open)
                whole = _close_at_paragraph_end(paragraph, left_open) if recovered is None else None
                if recovered is not None:
                    spans.append(recovered)
                    warnings.append(
                        f"an opening quotation mark at offset {left_open.at} (paragraph {paragraph.index + 1}) "
                        "is never closed; the quote is taken to the end of its sentence"
                    )
                elif whole is not None:
                    spans.append(whole)
                    warnings.append(
                        f"an opening quotation mark at offset {left_open.at} (paragraph {paragraph.index + 1}) "
                        "is never closed; the quote is taken to the end of its paragraph"
                    )
                else:
                    warnings.append(
                        f"an opening quotation mark at offset {left_open.at} (paragraph {paragraph.index + 1}) "
                        "is never closed; that quote is skipped"
                    )
            # An unclosed single mark is most often an apostrophe ('90s, rock 'n' roll): dropped silently.
    return _drop_nested(spans), warnings


def _runs_on(paragraphs: Sequence[Paragraph], n: int, look_ahead: int = 12) -> bool:
    """Does the quote left open in paragraph ``n`` go on into the following paragraphs?

    Texts split one sentence per line put a quote's middle sentences on lines of their own, without marks: a few
    such lines may be crossed when the line after them continues the quote.
    """
    # narration names who speaks before the cue ("However, Hartog said …", "he told"); "Being asked to play …"
    # inside a quote does not
    cues = re.compile(rf"(?:\b(?:he|she|they|it)|\b(?!\w+ing\b)[A-Z][\w’'.-]+),?\s+(?:\w+\s+)?(?:{_cue_words()})\b")
    for paragraph in paragraphs[n + 1 : n + 1 + look_ahead]:
        if not any(ch in DOUBLE_MARKS for ch in paragraph.text):
            if len(paragraph.text) > 400 or cues.search(paragraph.text):
                return False  # narration ("However, Hartog said there will be …") ends the quote
            continue
        return _continues(paragraph.text)
    return False


def _close_at_sentence_end(paragraph: Paragraph, left_open: _Open) -> QuoteSpan | None:
    """Recover a quote whose closing mark is missing when a cue stands just before it ("Lichte said “This …")."""
    if left_open.pieces or left_open.at < paragraph.start:
        return None
    before = paragraph.text[: left_open.at - paragraph.start]
    if not re.search(rf"(?:\b(?:{_cue_words()})\s*[:,]?|[:])\s*$", before, flags=re.IGNORECASE):
        return None
    rest = paragraph.text[left_open.at - paragraph.start + 1 :]
    end = SENTENCE_END.search(rest)
    if end is None:
        return None
    start = left_open.at + 1
    return QuoteSpan([(start, start + end.end())], left_open.at, start + end.end(), "double", left_open.paragraph)


def _close_at_paragraph_end(paragraph: Paragraph, left_open: _Open) -> QuoteSpan | None:
    """Recover a quote whose closing mark is missing when its mark opens the paragraph and no cue of the narration
    follows in it ("“We made a home video of him … that's the Doctor'." as a paragraph of its own): the paragraph is
    the quote. A paragraph that goes on with narration ("“…, the two men said") is left alone."""
    if left_open.pieces or left_open.at < paragraph.start or paragraph.text[: left_open.at - paragraph.start].strip():
        return None
    rest = paragraph.text[left_open.at - paragraph.start + 1 :].rstrip()
    cue = re.compile(rf"(?:\b(?:he|she|they|it)|\b(?!\w+ing\b)[A-Z][\w’'.-]+),?\s+(?:\w+\s+)?(?:{_cue_words()})\b")
    if len(re.findall(r"\w+", rest)) <= int(_rules()["scare_quote_max_words"]) or cue.search(rest):
        return None
    start = left_open.at + 1
    return QuoteSpan([(start, start + len(rest))], left_open.at, start + len(rest), "double", left_open.paragraph)


def _drop_nested(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Keep outer quotes only; of two overlapping quotes keep the double-marked one."""
    spans = sorted(spans, key=lambda s: (s.open_mark, -s.close_mark))
    kept: list[QuoteSpan] = []
    for span in spans:
        clash = next((k for k in kept if span.open_mark < k.close_mark and k.open_mark < span.close_mark), None)
        if clash is None:
            kept.append(span)
        elif clash.kind == "single" and span.kind == "double" and not (
            clash.open_mark <= span.open_mark and span.close_mark <= clash.close_mark
        ):
            kept.remove(clash)
            kept.append(span)
    return sorted(kept, key=lambda s: s.open_mark)


# ------------------------------------------------------------------------------------------ attribution


@dataclass
class _Attribution:
    cue: Token | None = None
    cue_text: str | None = None
    speaker: Span | None = None
    reported_by: str | None = None
    rule: str | None = None


def clean_quote_text(text: str) -> str:
    """The quote's words: whitespace collapsed, a trailing comma or colon dropped."""
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(",:;– —-").strip()


def normalise(text: str) -> str:
    """Lowercase words only: how quote texts are compared and hashed."""
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.findall(r"\w+", text))


def quote_id(source_id: str, text: str) -> str:
    """A stable id: the same words in the same source always get the same id."""
    digest = hashlib.blake2b(f"{source_id}|{normalise(text)}".encode(), digest_size=5).hexdigest()
    return f"q-{digest}"


class _Context:
    """What attribution needs to know about one document."""

    def __init__(self, doc: Doc, source: Source, spans: list[QuoteSpan], people: Sequence[PersonMention] | None):
        self.doc = doc
        self.source = source
        self.text_length = len(doc.text)  # once: Doc.text joins every token each time
        self.spans = spans
        self.verbs = reporting_verbs()
        self.weak = weak_verbs()
        self.judging = frozenset(_rules()["judging_verbs"])
        rules = _rules()
        self.pronouns = frozenset(rules["personal_pronouns"])
        self.non_speakers = frozenset(rules["non_speakers"])
        self.described_sources = frozenset(rules["described_sources"])
        self.document_verbs = frozenset(rules["document_verbs"])
        self.finding_subjects = frozenset(rules["finding_subjects"])
        self.max_hops = int(rules["partial_max_hops"])
        self.inside = [False] * len(doc)  # token is inside a quote (marks included)
        for span in spans:
            for start, end in span.pieces:
                for token in self._tokens(start - 1, end + 1):
                    self.inside[token.i] = True
        # None: every PERSON entity (tests); an empty list is an article the people stage found nobody in
        self.people = list(people) if people is not None else _people_from_ents(doc, source)
        self.speakers = DocumentSpeakers(doc, self.people, self.inside)

    @cached_property
    def mentions_latest_first(self) -> tuple[list[PersonMention], list[int]]:
        """The people's mentions and the names the recogniser tagged as something else (``retagged``), the latest
        first (mentions at one offset in their listed order), and their starts negated (ascending, for bisect)."""
        mentions = sorted([*self.people, *self.speakers.retagged], key=lambda m: m.start, reverse=True)
        return mentions, [-m.start for m in mentions]

    def narration_statements(self) -> None:
        """Every "X said …" outside quotes, resolved in text order: the statements pronouns and carried quotes
        look back to."""
        for token in self.doc:
            issues = token.lemma_.lower() in self.speakers.rules["issue_verbs"] and any(
                c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.speakers.rules["document_nouns"] for c in token.children
            )
            judges = token.lemma_.lower() in self.judging and self.is_cue(token)  # "The coach praised his players"
            if not (issues and not self.inside[token.i]) and not self.is_cue(token, strong_only=True) and not judges:
                continue
            if any(c.dep_ in ("dobj", "obj", "dative", "attr") and c.lower_ in ("what", "whatever") for c in token.children):
                continue  # "would not discuss what any of the members had reported": nobody is quoted saying it
            if asks_for_comment(token):
                continue  # "The Daily Courier asked the airline for comment": a question, nobody's statement
            head, _, how = _subject(token, self)
            if head is not None and head.dep_ != "nsubjpass" and how != "phrase-before-verb":  # "Oler is accused of …" does not speak
                phrase = _speaker_phrase(head)
                referent = self.speakers.resolve(phrase, phrase.start_char).referent
                self.speakers.add(token.idx, referent, phrase.text, phrase.start_char, phrase.end_char)

    def _tokens(self, start: int, end: int) -> Span:
        span = self.doc.char_span(max(start, 0), min(end, self.text_length), alignment_mode="expand")
        return span if span is not None else self.doc[0:0]

    def tokens(self, start: int, end: int) -> Span:
        return self._tokens(start, end)

    def non_speaker(self, token: Token) -> bool:
        """"which said", "nothing suggests": no speaker; an acronym is a name ("WHO said"); "someone familiar with
        the talks" is somebody unnamed who speaks."""
        if token.lower_ in self.described_sources and any(c.dep_ in ("amod", "acl", "relcl", "prep") for c in token.rights):
            return False
        return token.lower_ in self.non_speakers and not (token.text.isupper() and len(token.text) > 1)

    def document_of(self, verb: Token) -> Token | None:
        """The document that "reads": the subject ("the statement read"), or the object the parser makes of it
        after a quote ("“…,” read a statement from the ministry"); for "find", a court or a judge too."""
        written = set(self.speakers.rules["document_nouns"]) | set(self.speakers.rules["inscription_nouns"])
        if verb.lemma_.lower() == "find":  # "the court found that …": a ruling, its words the court's
            written |= self.finding_subjects
        return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in written), None)

    def is_cue(self, token: Token, strong_only: bool = False) -> bool:
        if self.inside[token.i] or token.pos_ not in ("VERB", "AUX"):
            return False
        if token.lemma_.lower() in self.document_verbs:  # "the statement read": only a document reads
            return self.document_of(token) is not None
        if token.lemma_.lower() not in self.verbs:
            return False
        return not (strong_only and token.lemma_.lower() in self.weak)


def _people_from_ents(doc: Doc, source: Source) -> list[PersonMention]:
    """Person mentions from spaCy's PERSON entities, when the caller gave none (tests, benchmarks)."""
    mentions = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = re.sub(r"['’]s$", "", ent.text).strip()
        mentions.append(PersonMention(source.id, ent.text, name, ent.start_char, ent.start_char + len(name), 0))
    return mentions


def _speaker_phrase(head: Token) -> Span:
    """The words naming a speaker: the subject's head with its left modifiers and trailing name parts."""
    doc = head.doc
    left = head.i
    for token in reversed(list(head.lefts)):
        if token.text == "," and token.i > 0 and doc[token.i - 1].ent_type_ == "GPE" and doc[token.i - 1].head.i == head.i:
            continue  # "the Cupertino, California-based company"
        if token.dep_ in ("punct", "cc", "prep") or token.is_punct:
            break
        left = min(left, token.left_edge.i)
    right = head.i
    for token in head.rights:
        # "commander Oleksandr Syrskyi" (appos), "prosecutor general" (amod): name parts right after the head
        if token.left_edge.i == right + 1 and token.dep_ in ("compound", "flat", "amod", "nmod", "appos") and not token.is_punct:
            if token.dep_ == "appos" and token.pos_ != "PROPN":
                break
            right = token.i
        elif token.i == right + 1 and token.dep_ == "prep" and token.lower_ == "of" and head.pos_ == "NOUN":
            right = token.right_edge.i  # "a group of Washington politicians", "chief of staff General McNab"
        else:
            break
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    # hyphenated names ("Jen-Hsun Huang", "Wilson-Raybould"): the hyphen and the part before it belong to the name
    while left >= 2 and doc[left - 1].text == "-" and (
        (not doc[left - 2].whitespace_ and not doc[left - 1].whitespace_) or doc[left - 2].lower_ == "year" or doc[left - 2].like_num
    ):
        left -= 2  # "Jen-Hsun Huang", "the 61-year-old", "the 55 - year - old" (text rebuilt from tokens)
    if left > 0 and left < head.i + 1 and doc[left - 1].dep_ in ("det", "poss") and doc[left - 1].head.i == head.i:
        left -= 1
    while right + 2 < len(doc) and doc[right + 1].text == "-" and not doc[right].whitespace_ and not doc[right + 1].whitespace_ and doc[right + 2].text[:1].isupper():
        right += 2
    return doc[left : _past_title(doc, right) + 1]


def _past_title(doc: Doc, right: int) -> int:
    """The end of a speaker phrase that stops at an abbreviated title ("said RCMP Sgt. Paul Brennan": the parser
    ended the sentence at "Sgt."): the name after the title's full stop belongs to it."""
    titles = load_rules("speakers")["title_abbreviations"]
    if doc[right].lower_.rstrip(".") not in titles:
        return right
    after = right + 1 if doc[right].text.endswith(".") else right + 2  # "Sgt." one token, or "Sgt" and "."
    if right + 1 < len(doc) and not doc[right].text.endswith(".") and doc[right + 1].text != ".":
        return right
    end = after
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and end - after < 4:
        end += 1
    return end - 1 if end > after else right


def dateline(token: Token) -> bool:
    """The place of a wire dateline opening its sentence ("SEOUL, Aug. 20 (Yonhap) --", "NAIROBI, May 3 —"): written
    in capitals and set off by a comma, then a dash before the story; the parser may make it a subject."""
    sentence = token.sent
    if token.i != sentence.start and not all(t.text.isupper() for t in token.doc[sentence.start : token.i + 1]):
        return False
    after = token.doc[token.i + 1 : min(token.i + 12, sentence.end)]
    return (
        token.text.isupper() and len(token.text) > 1 and len(after) > 1 and after[0].text == ","
        and any(t.text in ("--", "—", "–", "-") for t in after)
    )


# (speaker head, reporter head, rule) of a cue verb; NOT_FOUND: nobody speaks
_Found = tuple[Token | None, Token | None, str | None]
NOT_FOUND: _Found = (None, None, None)


def _subject(verb: Token, ctx: _Context, depth: int = 0) -> tuple[Token | None, Token | None, str | None]:
    """(speaker head, reporter head, rule) for a cue verb: the first of ``SUBJECT_RULES`` that decides (``depth``:
    how many verbs up from the cue a rule has already gone)."""
    subjects = _subjects_of(verb, ctx)
    for rule in SUBJECT_RULES:
        found = rule(verb, ctx, depth, subjects)
        if found is not None:
            return found
    return NOT_FOUND


def _subjects_of(verb: Token, ctx: _Context) -> list[Token]:
    """The verb's subjects outside quotes, a wire dateline parsed as one dropped, two the parser made of one phrase
    made one."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not ctx.inside[c.i]]
    if len(subjects) > 1 and dateline(subjects[0]):  # "SEOUL, Aug. 20 (Yonhap) -- North Korea's newspaper blasted"
        subjects = subjects[1:]
    if len(subjects) > 1 and subjects[0].pos_ == "NOUN" and subjects[1].pos_ == "PROPN" and subjects[1].left_edge.i == subjects[0].right_edge.i + 1:
        # "The US automobile manufacturer Ford has said", "a statement from the supermarket chain Waitrose said": the
        # parser's two subjects are one phrase, and the name ends it
        subjects = subjects[1:]
    elif len(subjects) > 1 and subjects[-1].pos_ == "PROPN" and subjects[-1].right_edge.i == verb.i - 1:
        # two subjects where one phrase was meant or the first is the quote's ("The Thick of It writer Armando
        # Ianucci tweeted", 'the families “heard …,” Devine said'): the name right before the verb speaks
        subjects = subjects[-1:]
    return subjects


# Each rule takes the cue verb, the context, the depth and the verb's subjects (``_subjects_of``) and returns a
# _Found (decided; NOT_FOUND: nobody speaks) or None (not this rule). ``SUBJECT_RULES`` lists them in order.


def _document_reads(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"the statement read": the document; a verb only a document says with none: nobody, unless the cue is under
    another verb ("The court also found …, noting that “…”": the cue under it is a verb of saying; its subject
    speaks)."""
    if verb.lemma_.lower() not in ctx.document_verbs:
        return None
    document = ctx.document_of(verb)
    if document is not None:
        return document, None, "document"
    return NOT_FOUND if depth == 0 else None


def _quoted_as_saying(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"X quoted Y as saying": Y, the object even inside marks ('quotes a “Senate aide” as saying': somebody
    unnamed), or the passive subject ("Y was quoted as saying")."""
    if verb.lemma_.lower() != "quote":
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    reporters = [c for c in verb.children if c.dep_ in ("nsubj",) and not ctx.inside[c.i]]
    passive = [c for c in verb.children if c.dep_ == "nsubjpass" and not ctx.inside[c.i]]
    if objects:
        return objects[0], reporters[0] if reporters else None, "quoted-as-saying"
    if passive:
        return passive[0], None, "quoted-as-saying"
    return None


def _owner_of_titled_subject(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"Variety's “Film Desk” is reporting": a column in marks, its owner speaks."""
    titled = [o for c in verb.children if c.dep_ == "nsubj" and ctx.inside[c.i] for o in c.children if o.dep_ == "poss" and not ctx.inside[o.i]]
    if not subjects and titled:
        return past_split_possessive(titled[0]), None, "subject"
    return None


def _document_of_clause(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"… is claimed to be “…” as stated on the Zentro website": the website's."""
    if not subjects and verb.dep_ == "advcl":
        document = _document_named_with(verb, ctx)
        if document is not None:
            return document, None, "document"
    return None


def _passive_agent(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """'labeled “suspicious” by James Steele': the agent."""
    agents = [g for g in passive_agents(verb) if not ctx.inside[g.i]]
    if agents and (not subjects or subjects[0].dep_ == "nsubjpass"):
        return agents[0], None, "agent"
    return None


def _passive_without_agent(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"chips will be added to …" (a cue in the passive, no agent): nobody speaks here."""
    if subjects and subjects[0].dep_ == "nsubjpass" and depth == 0 and verb.lemma_.lower() != "quote":
        return NOT_FOUND
    return None


def _relative_subject(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"Capaldi, who described himself as a “full anorak” fan": the noun "who" stands for; "…, according to
    police, who said": the noun before "who" when the parser hung the clause elsewhere."""
    if not (subjects and subjects[0].lower_ in ("who", "which", "that") and verb.dep_ == "relcl"):
        return None
    head = verb.head
    if head.pos_ not in ("NOUN", "PROPN", "PRON"):
        before = [t for t in verb.doc[max(subjects[0].i - 3, 0) : subjects[0].i] if not t.is_punct]
        head = before[-1] if before and before[-1].pos_ in ("NOUN", "PROPN") else head
    return head, None, "relative"


def _grammatical_subject(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """The subject, unless it cannot speak ("which said", "nothing suggests"); a name ending it speaks."""
    if subjects and not ctx.non_speaker(subjects[0]):
        return _name_ending_subject(subjects[0], verb, ctx) or past_split_possessive(subjects[0]), None, "subject"
    return None


def _second_verb_of_outer_clause(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"Keller wouldn't say when Nexa and Orbital began talks but said …": the parser joined "said" to the clause
    "when … began"; it is the outer verb's second verb, with its subject."""
    if not subjects and _coordinated_with_outer_verb(verb):
        return _subject(verb.head.head, ctx, depth + 1)
    return None


def _name_next_to_verb(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """No subject: the name right before the verb, or the subject of a participle after it."""
    if subjects:
        return None
    named = _name_right_before(verb, ctx)
    if named is not None:
        return named, None, "before-verb"
    named = _subject_of_participle_after(verb, ctx)
    if named is not None:
        return named, None, "after-verb"
    return None


def _inverted_cue(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"The likely result will be “…” for drivers, argued the AA.": the AA, not "result"."""
    if subjects:
        return None
    inverted = _name_after_inverted_cue(verb, ctx)
    return (inverted, None, "after-verb") if inverted is not None else None


def _noun_not_an_object(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"A statement saying": only a noun that is the object of a verb passes it on."""
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ not in ("dobj", "pobj", "attr"):
        return NOT_FOUND
    return None


def _participle_it_goes_with(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"issued a statement, saying Pyongyang has no intention … and calling it “senseless”": the parser joined
    "calling" to the reported clause; it goes with "saying", whose subject speaks."""
    participle = _participle_coordinated_above(verb, ctx)
    if participle is not None and depth < 4:
        return _subject(participle, ctx, depth + 1)
    return None


def _opening_participle(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"Declaring “the soul of the navy” is at stake, Defense Secretary Robert Gates ordered a review": a participle
    of saying that opens the sentence before its main clause has the subject of that clause (the parser may make the
    participle's clause a subject or a clause of the verb after it)."""
    root = verb.sent.root
    if subjects or verb.tag_ != "VBG" or verb.dep_ not in ("csubj", "advcl") or depth >= 4 or root.i <= verb.i:
        return None
    main = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i and not ctx.inside[c.i]]
    return _subject(root, ctx, depth + 1) if main else None


def _object_told_to_speak(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"an attack that prompted Judge Ray to quip the hearing sounded like a “broken record”": the infinitive of
    saying under a verb with an object (prompt, ask, urge, lead someone to say) is the object's."""
    if subjects or verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and not ctx.inside[c.i]), None)
    return (obj, None, "object-told-to-speak") if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON") else None


def _noun_of_participle(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"with hundreds of farmers chanting “…”", "a man yelling “…”": a participle of saying that describes people has
    them as its speaker, not the subject of the clause it hangs in ("a statement condemning “…”" is its issuer's)."""
    head = verb.head
    if subjects or verb.dep_ != "acl" or verb.tag_ != "VBG" or head.pos_ != "NOUN" or ctx.inside[head.i]:
        return None
    return (head, None, "participle-noun") if noun_kind(head) == "person" or people_noun(head) else None


def _apposition_before_verb(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """'“…” of the occupied lands, a militant from the group told a crowd': a verb with no subject right after a
    phrase set off by a comma that the parser hung on an earlier noun as its apposition; that phrase speaks."""
    if subjects or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    noun = next((t for t in before.ancestors if t.dep_ == "appos"), before if before.dep_ == "appos" else None)
    if noun is None or noun.right_edge.i != verb.i - 1 or noun.left_edge.i == 0 or ctx.inside[noun.i]:
        return None
    if verb.doc[noun.left_edge.i - 1].text != "," or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return noun, None, "apposition-before-verb"


def _governing_verb(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """The speaker of the verb above: "as saying" under "quoted", "saying" under "denied", "and said" under the
    first verb, "Gomez grabbed her arm, then told her, “…”" (a second verb the parser hung on the first as "dep")."""
    head = verb.head
    if not (depth < 4 and head.i != verb.i):
        return None
    if verb.dep_ in ("pcomp", "pobj") and head.dep_ == "prep":
        head = head.head
    dep_of_verb = verb.dep_ == "dep" and verb.pos_ == "VERB" and head.pos_ == "VERB" and head.i < verb.i
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "pobj", "acl", "ccomp", "prep", "dobj") or dep_of_verb or head.lemma_.lower() == "quote":
        found = _subject(head, ctx, depth + 1)
        if found[0] is not None:
            return found
    return None


def _name_after_verb(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """"…," said Kremlin spokesman Dmitry Peskov: the parser may not call the name a subject."""
    for token in verb.rights:
        if token.dep_ in ("dobj", "attr", "npadvmod", "appos", "dep", "oprd") and token.pos_ == "PROPN" and not ctx.inside[token.i]:
            return token, None, "after-verb"
    return None


def _people_noun_after_question(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """'“Who is he?” asked the fans': right after the closing mark, the noun for people the parser made the object
    is who speaks."""
    if not (verb.i > 0 and verb.doc[verb.i - 1].text in ("”", '"', "’") and ctx.inside[verb.i - 1]):
        return None
    for token in verb.rights:
        if token.dep_ in ("dobj", "npadvmod", "dep", "attr") and token.pos_ == "NOUN" and not ctx.inside[token.i] \
                and (noun_kind(token) == "person" or people_noun(token) or token.lemma_.lower() in ctx.speakers.rules["unnamed_nouns"]) \
                and token.left_edge.i <= verb.i + 3:
            return token, None, "after-verb"
        break
    return None


def _name_hung_on_quote(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """'“…,” team general manager A.J. Smith said': the parser hung the name on the quote before it."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.pos_ == "PROPN" and not ctx.inside[before.i] and before.head.i != verb.i:
        return before, None, "before-verb"
    return None


def _words_before_verb(verb: Token, ctx: _Context, depth: int, subjects: list[Token]) -> _Found | None:
    """'“…,” the 28-year-old said' with "the" hung on the verb: the words before it."""
    phrase = _phrase_before(verb, ctx)
    return (phrase[-1], None, "phrase-before-verb") if phrase is not None else None


# Tried in order by ``_subject``; the first that decides wins (none: NOT_FOUND).
SUBJECT_RULES: tuple[Callable[[Token, _Context, int, list[Token]], _Found | None], ...] = (
    _document_reads,
    _quoted_as_saying,
    _owner_of_titled_subject,
    _document_of_clause,
    _passive_agent,
    _passive_without_agent,
    _relative_subject,
    _grammatical_subject,
    _second_verb_of_outer_clause,
    _name_next_to_verb,
    _inverted_cue,
    _noun_not_an_object,
    _participle_it_goes_with,
    _opening_participle,
    _object_told_to_speak,
    _noun_of_participle,
    _apposition_before_verb,
    _governing_verb,
    _name_after_verb,
    _people_noun_after_question,
    _name_hung_on_quote,
    _words_before_verb,
)


def _participle_coordinated_above(verb: Token, ctx: _Context) -> Token | None:
    """A participle cue ("calling") the parser joined to a finite verb of the clause another participle cue reports
    ("saying Pyongyang has no intention … and calling it “…”"): that participle ("saying"), which "calling" goes
    with."""
    if verb.tag_ != "VBG" or verb.dep_ != "conj" or verb.head.tag_ == "VBG":
        return None
    token, reported = verb.head, False
    for _ in range(4):  # up through the reported clause ("has", "refused", "talk … intention") to its verb of saying
        reported = reported or token.dep_ == "ccomp"
        if token.head.i == token.i:
            return None
        token = token.head
        if reported and token.tag_ == "VBG" and token.i < verb.i and ctx.is_cue(token, strong_only=True):
            return token
    return None


def _name_after_inverted_cue(verb: Token, ctx: _Context) -> Token | None:
    """The name right after a subjectless verb of saying that follows a comma closing the clause before it ("…,
    argued the AA.", "…, added Greenpeace"): the inverted cue's speaker, however the parser hung the verb."""
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.doc[verb.i - 1].text not in (",", "”", "’", '"'):
        return None
    for token in verb.rights:
        if token.dep_ in ("dobj", "attr", "npadvmod", "appos", "dep", "oprd", "nsubj") and token.pos_ == "PROPN" \
                and not ctx.inside[token.i] and token.left_edge.i <= verb.i + 2:
            return token
        break
    return None


def _name_ending_subject(subject: Token, verb: Token, ctx: _Context) -> Token | None:
    """ "California Department of Parks deputy director Ann Lee told …" with the parser's subject "Department": a
    person's name right before the verb, in the words the subject opens, is who speaks."""
    if verb.i == 0 or subject.i >= verb.i - 1:
        return None
    name = next((e for e in ctx.doc.ents if e.label_ == "PERSON" and e.end == verb.i), None)
    if name is None or name.start <= subject.left_edge.i or any(ctx.inside[t.i] for t in name):
        return None
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i != verb.i for t in name):
        return None  # the subject of another verb
    if name.root.dep_ == "pobj" and name.root.head.lower_ in ("to", "with", "for", "near", "about", "by"):
        return None  # "A source close to Reed said", "a spokesman for Reed said": somebody else speaks of or for them
    phrase = _speaker_phrase(subject)
    if phrase.start <= name.start and name.end <= phrase.end:
        return None  # "top military commander Oleksandr Syrskyi said": the phrase holds the name already
    return name[-1] if subject.pos_ in ("NOUN", "PROPN") and subject.ent_type_ != "PERSON" else None


def _document_named_with(verb: Token, ctx: _Context) -> Token | None:
    """The document a subjectless cue names as where the words stand ("as stated on the Zentro website", "as
    written in the report")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "in"):
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in ctx.speakers.rules["document_nouns"] and not ctx.inside[noun.i]:
                    return noun
    return None


def _coordinated_with_outer_verb(verb: Token) -> bool:
    """A cue joined by "but"/"and" to a wh-clause or that-clause of another verb of saying or knowing, after it."""
    head = verb.head
    return (
        verb.dep_ == "conj" and head.dep_ in ("ccomp", "advcl") and head.head.pos_ in ("VERB", "AUX")
        and any(c.tag_ in ("WRB", "WDT") or c.dep_ == "mark" for c in head.children if c.i < head.i)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.head.children)
    )


def _name_right_before(verb: Token, ctx: _Context) -> Token | None:
    """ "… welcomed the deal and in a reaction Commissioner Karin Ekdahl said": a second verb the parser left without
    a subject (it would take the first verb's), right after a person's name the parser hung elsewhere."""
    if verb.dep_ != "conj" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ != "PROPN" or ctx.inside[before.i] or before.head.i == verb.i or before.dep_ in ("nsubj", "nsubjpass"):
        return None  # the subject of another verb ("claiming Chris Weitz is getting …") is not this one's
    first = verb.doc[before.i - 1] if before.i > 0 else None
    untagged_name = (  # a name the recogniser missed: a first name the list knows, then the surname
        not before.ent_type_ and first is not None and first.pos_ == "PROPN" and known_first_name(first.text)
    )
    return before if before.ent_type_ == "PERSON" or untagged_name else None


def _subject_of_participle_after(verb: Token, ctx: _Context) -> Token | None:
    """ '“…,” said analyst Chris Morgan commenting on the slide': the parser made the name the subject of the
    participle after it; the name right after the cue is the cue's."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # "claiming Chris Weitz is getting …": a participle's complement has its own subject
    for token in verb.rights:
        if token.dep_ in ("ccomp", "advcl", "xcomp", "dep") and token.tag_ == "VBG" and not any(
            c.dep_ in ("aux", "auxpass") for c in token.children
        ):
            for child in token.children:
                if child.dep_ == "nsubj" and child.pos_ == "PROPN" and child.left_edge.i == verb.i + 1 and not ctx.inside[child.i]:
                    return child
    return None


def _phrase_before(verb: Token, ctx: _Context) -> Span | None:
    """The description right before a cue the parser gave no subject: "the 28-year-old said"."""
    doc = verb.doc
    start = verb.i - 1
    while start >= 0 and verb.i - start <= 6 and not ctx.inside[doc[start].i] and doc[start].lower_ not in ("the", "a", "an"):
        if doc[start].is_punct and doc[start].text != "-" or doc[start].pos_ in ("VERB", "AUX"):
            return None
        start -= 1
    if start < 1 or start >= verb.i - 1 or ctx.inside[doc[start].i] or doc[start].lower_ not in ("the", "a", "an"):
        return None
    if not (ctx.inside[start - 1] or doc[start - 1].text == ",") or doc[verb.i - 1].pos_ not in ("NOUN", "ADJ", "NUM", "PROPN"):
        return None  # only right after a quote: '“…,” the 28-year-old said'
    return doc[start : verb.i]


def _according_to(tokens: Sequence[Token], ctx: _Context) -> Token | None:
    """The source of an "according to X" (or "per X", its short form in news writing) in these tokens."""
    for token in tokens:
        if token.lower_ == "per" and token.pos_ == "ADP" and not ctx.inside[token.i]:
            objects = [c for c in token.children if c.dep_ == "pobj" and (c.pos_ == "PROPN" or noun_kind(c) is not None)]
            if objects:  # "Per THR, the talks are “delicate”"; not "20 percent per year"
                return objects[0]
        if token.lower_ == "according" and not ctx.inside[token.i]:
            for child in token.children:
                if child.lower_ == "to":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
            nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                objects = [c for c in nxt.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def _cue_text(verb: Token) -> str:
    if verb.lemma_.lower() == "say" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() == "quote":
        return f"{verb.head.head.text} … as {verb.text}"
    if verb.lemma_.lower() == "quote":
        as_saying = [c for c in verb.children if c.lower_ == "as"]
        if as_saying:
            return f"{verb.text} … as saying"
    return verb.text


def _attribute_with(verb: Token, ctx: _Context, rule: str) -> _Attribution | None:
    # "as saying" under "quoted": the speaker is the object of "quoted", the verb that names the reporter
    if verb.lemma_.lower() == "say" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() == "quote":
        verb = verb.head.head
    head, reporter, how = _subject(verb, ctx)
    if head is None:
        return None
    return _Attribution(
        cue=verb,
        cue_text=_cue_text(verb),
        speaker=_phrase_before(verb, ctx) if how == "phrase-before-verb" else _speaker_phrase(head),
        reported_by=_speaker_phrase(reporter).text if reporter is not None else None,
        rule=f"{rule}:{how}",
    )


def _region_after(span: QuoteSpan, paragraph: Paragraph, following: QuoteSpan | None, next_paragraph: Paragraph | None = None) -> tuple[int, int]:
    end = following.open_mark if following is not None and following.paragraph == paragraph.index else paragraph.end
    start = span.close_mark
    rest = paragraph.text[start - paragraph.start :].strip(CLOSE_CONTEXT + " ")
    if not rest and next_paragraph is not None and next_paragraph.text[:1].islower():
        # the sentence goes on in the next line (one sentence a line): "“… the toilet!”" / "his mother told …"
        paragraph, start = next_paragraph, next_paragraph.start
        end = following.open_mark if following is not None and following.paragraph == paragraph.index else paragraph.end
    elif _ends_with_title(paragraph.text[start - paragraph.start :].strip("”’\"', ")) and next_paragraph is not None and next_paragraph.text[:1].isupper():
        # a line cut after a title's full stop ("“…,” the Rev." / "Larry Kroon … said"): the cue is on the next line
        match = SENTENCE_END.search(next_paragraph.text)
        following_there = following is not None and following.paragraph == next_paragraph.index
        return start, following.open_mark if following_there else next_paragraph.start + (match.end() if match else len(next_paragraph.text))
    match = SENTENCE_END.search(paragraph.text[start - paragraph.start : end - paragraph.start])
    if match:
        end = start + match.end()
    return start, end


def _ends_with_title(rest: str) -> bool:
    """Is the text after a quote no more than an abbreviated title ("the Rev.", "Sgt.")?"""
    words = rest.split()
    titles = load_rules("speakers")["title_abbreviations"]
    return 0 < len(words) <= 3 and rest.endswith(".") and words[-1].lower().rstrip(".") in titles


def _region_before(span: QuoteSpan, paragraph: Paragraph, previous: QuoteSpan | None) -> tuple[int, int]:
    start = previous.close_mark if previous is not None and previous.paragraph == paragraph.index else paragraph.start
    text = paragraph.text[start - paragraph.start : span.open_mark - paragraph.start]
    ends = list(SENTENCE_END.finditer(text))
    if ends:
        start = start + ends[-1].end()
    return start, span.open_mark


def _head_walk(quote_tokens: Span, ctx: _Context) -> _Attribution | None:
    """The reporting verb a partial quote hangs from, within a few arcs ("called Zelenskyy a “dictator”")."""
    roots = [t for t in quote_tokens if not (quote_tokens.start <= t.head.i < quote_tokens.end) or t.head.i == t.i]
    for root in roots:
        token, hops = root, 0
        while token.head.i != token.i and hops < ctx.max_hops:
            below, token = token, token.head
            hops += token.dep_ != "prep"  # "for"/"at"/"as" and its object count as one arc
            if ctx.inside[token.i]:
                continue
            owner = _owner_of_speech_noun(token, ctx)
            if owner is not None:  # "Mr Reyes's claim that the deal was “…”"
                return owner
            verb = _speech_noun_verb(token, ctx) or _verb_of_speech_object(token, ctx)
            if verb is not None:  # 'offered the explanation that she was “too tired …”'
                return _attribute_with(verb, ctx, "speech-noun")
            # "declared 14 diplomats “personae non gratae”" names a status; "declared Medvedev would help “…”" (a
            # clause of words outside the quote below the verb) reports words
            if ctx.is_cue(token) and (token.lemma_.lower() not in _rules()["not_for_fragments"] or below.dep_ == "ccomp" and not ctx.inside[below.i]):
                outer = _strong_cue_above(token, ctx) if token.lemma_.lower() in ctx.weak else None
                outer = outer or _cue_before_above(token, quote_tokens, ctx)
                found = (_attribute_with(outer, ctx, "governs") if outer is not None else None) or _attribute_with(token, ctx, "governs")
                if found is not None:
                    return found
                break
        if token.head.i == token.i:  # the walk reached the root: a cue set off after the clause reports it all
            tail = _tail_cue(token, quote_tokens, ctx)
            if tail is not None:
                return tail
    return None


def _tail_cue(root: Token, quote_tokens: Span, ctx: _Context) -> _Attribution | None:
    """ "Spending on such “…” is expected to grow 20 percent …, Sunvolt said, faster than …": a cue the parser hung
    on the root as a clause of its own (parataxis), after the quote: it reports the whole sentence."""
    if any(t.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass") and t.head.i == root.i for t in quote_tokens):
        return None  # "“I (heart) you” was written on the wall, he said": the quote is what the sentence is about
    for child in root.children:
        if child.dep_ == "parataxis" and child.i > quote_tokens.end and ctx.is_cue(child, strong_only=True):
            return _attribute_with(child, ctx, "governs")
        if child.dep_ == "parataxis" and child.i < quote_tokens.start and _parenthetical(child) and ctx.is_cue(child, strong_only=True):
            return _attribute_with(child, ctx, "governs")  # "But, he said, voters must accept that “…”"
    return None


def _parenthetical(verb: Token) -> bool:
    """A reporting clause set off by commas with nothing said in it ("But, he said, …", "Voters, she added, …"): it
    reports the sentence it interrupts."""
    return (
        any(c.text == "," for c in verb.lefts) and any(c.text == "," for c in verb.rights)
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj", "obj") for c in verb.children)
    )


def _cue_before_above(verb: Token, quote_tokens: Span, ctx: _Context) -> Token | None:
    """A cue before the quote above a cue after it ("Kim said North Korea would “never give up” its weapons, state
    media reported", the parser hanging the clause on "reported"): the one before introduces the quote, the one
    after reports the whole sentence."""
    if verb.i < quote_tokens.end:
        return None
    head = verb.head
    if head.i != verb.i and head.i < quote_tokens.start and ctx.is_cue(head, strong_only=True) and verb.dep_ in ("ccomp", "parataxis"):
        return head
    return None


def _strong_cue_above(verb: Token, ctx: _Context) -> Token | None:
    """A verb of saying a weak cue is the complement of ("adding that they thought “…”"): its subject is the one
    quoted, the thinking is reported."""
    token = verb
    for _ in range(3):
        if token.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or token.head.i == token.i:
            return None
        token = token.head
        if ctx.is_cue(token, strong_only=True):
            return token
    return None


def _after_cue(start: int, end: int, ctx: _Context, limit: int = 8) -> _Attribution | None:
    tokens = ctx.tokens(start, end)
    words = 0
    for token in tokens:
        if ctx.inside[token.i]:
            continue
        if not token.is_punct:
            words += 1
        if words > limit or (token.lower_ in RELATIVE_WORDS and not token.text.isupper() and words == 1):
            # '"being close", which authorities testified': that cue is not about the quote ("the WHO said" goes
            # on, and so does "Kraft, which employs 500 people, said")
            break
        if ctx.is_cue(token, strong_only=True):
            return _attribute_with(token, ctx, "cue-after")
    return None


def _cue_governing_after(quote_tokens: Span, ctx: _Context) -> _Attribution | None:
    """A verb of saying later in the sentence, past more than a few words, whose complement is the quote's own clause
    ("“By rolling back this rule, we are ensuring …” and that top science will …, said Interior Secretary Ken
    Salazar."): it reports the quote."""
    for token in quote_tokens:
        head = token.head
        if token.dep_ != "ccomp" or head.i < quote_tokens.end or ctx.inside[head.i] or head.sent.start != token.sent.start:
            continue
        if ctx.is_cue(head, strong_only=True):
            return _attribute_with(head, ctx, "governs")
    return None


def _before_cue(start: int, end: int, ctx: _Context) -> _Attribution | None:
    tokens = [t for t in ctx.tokens(start, end) if not ctx.inside[t.i]]
    for token in reversed(tokens):
        if ctx.is_cue(token, strong_only=True):
            found = _attribute_with(token, ctx, "cue-before")
            if found is not None:
                return found
        verb = _speech_noun_verb(token, ctx)
        if verb is not None:  # "His lawyer offered the explanation that “…”"
            found = _attribute_with(verb, ctx, "speech-noun")
            if found is not None:
                return found
    return None


def _cue_right_before(span: QuoteSpan, ctx: _Context) -> _Attribution | None:
    """A verb of saying that introduces the quote right before its opening mark, with only its listener and a
    comma or colon between ("… and told her, “…,” the newspaper reported", "telling him, “…,” according to court
    records", "an employee had yelled, “…” Vanore said"): the one who told speaks; whoever is named after the quote
    reports the whole sentence."""
    before = [t for t in ctx.tokens(max(span.open_mark - 60, 0), span.open_mark) if not t.is_space and t.idx < span.open_mark]
    if len(before) < 2 or before[-1].text not in (",", ":") or ctx.inside[before[-1].i]:
        return None
    for token in reversed(before[-5:-1]):
        if ctx.inside[token.i] or token.is_punct:
            return None
        if ctx.is_cue(token, strong_only=True):
            return _attribute_with(token, ctx, "cue-before")
        if token.dep_ not in _rules()["listener_deps"]:
            return None
    return None


def _naming_verb_before(span: QuoteSpan, ctx: _Context) -> _Attribution | None:
    """A verb of saying or naming right before the opening mark, with only its object between ("Oxfam, which called
    it “a victory …”", "described the plan as “…”") when the parser hung the quote elsewhere: the verb's subject."""
    before = [t for t in ctx.tokens(max(span.open_mark - 60, 0), span.open_mark) if not t.is_space and t.idx < span.open_mark]
    for token in reversed(before[-4:]):
        if ctx.inside[token.i] or token.is_punct:
            return None
        if ctx.is_cue(token, strong_only=True):
            return _attribute_with(token, ctx, "cue-before")
        if token.dep_ not in _rules()["listener_deps"] and token.lower_ != "as":
            return None
    return None


def _name_and_cue_word_before(span: QuoteSpan, ctx: _Context) -> _Attribution | None:
    """ "Channel Four estimates “at least 40 people”" with the verb read as a plural noun: a name, then a form of a
    verb of saying, right before the opening mark; the name speaks."""
    before = [t for t in ctx.tokens(max(span.open_mark - 60, 0), span.open_mark) if not t.is_space and t.idx < span.open_mark]
    if before and before[-1].text in (",", ":"):
        before = before[:-1]
    if len(before) < 2:
        return None
    last = before[-1]
    word = ctx.source.text[last.idx : min(last.idx + len(last.text), span.open_mark)].lower()  # "estimates“at": no space
    if (last.pos_ in ("VERB", "AUX") and word == last.lower_) or word not in _rules()["cue_words_after_name"]:
        return None
    name = before[-2]
    if name.pos_ != "PROPN" or ctx.inside[name.i]:
        return None
    entity = next((e for e in ctx.doc.ents if e.start <= name.i < e.end), None)
    speaker = entity if entity is not None and entity.end == name.i + 1 else _speaker_phrase(name)
    return _Attribution(cue_text=before[-1].text, speaker=speaker, rule="cue-word")


def _speech_noun_before(span: QuoteSpan, ctx: _Context) -> _Attribution | None:
    """"offered the explanation that “…”" however the parser hung the quote: the noun of speech and "that" right
    before the opening mark."""
    before = [t for t in ctx.tokens(max(span.open_mark - 60, 0), span.open_mark) if not t.is_space and t.idx < span.open_mark]
    if len(before) < 2 or before[-1].lower_ != "that" or ctx.inside[before[-2].i]:
        return None
    verb = _speech_noun_verb(before[-2], ctx)
    return _attribute_with(verb, ctx, "speech-noun") if verb is not None else None


def _owner_of_speech_noun(token: Token, ctx: _Context) -> _Attribution | None:
    """A fragment in a clause of a noun of saying whose possessor is named ("Mr Reyes's claim that the deal was
    “…”", "the union's warning of “…”"): the possessor speaks."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _rules()["possessed_speech_nouns"]:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") and not ctx.inside[c.i]), None)
    if owner is None:
        return None
    return _Attribution(cue=token, cue_text=token.text, speaker=ctx.doc[owner.left_edge.i : owner.i + 1], rule="speech-noun:possessor")


def _speech_noun_verb(token: Token, ctx: _Context) -> Token | None:
    """The verb that hands over a noun of speech as its object ("offered the explanation"), if ``token`` is one."""
    rules = _rules()
    if token.lemma_.lower() not in rules["speech_nouns"] or token.dep_ not in ("dobj", "obj") or ctx.inside[token.head.i]:
        return None
    return token.head if token.head.lemma_.lower() in rules["speech_noun_verbs"] else None


def _verb_of_speech_object(token: Token, ctx: _Context) -> Token | None:
    """``token`` itself when it is a verb that hands over a noun of speech or issues a document ("offered an apology
    to the pastor “if …”", "issued a statement condemning “…”"): the fragment in its clause is its subject's."""
    if token.pos_ != "VERB" or ctx.inside[token.i]:
        return None
    rules, lemma = _rules(), token.lemma_.lower()
    for child in token.children:
        if child.dep_ not in ("dobj", "obj"):
            continue
        # the object, or the noun the parser set beside it ("offering a “Thank you, your honour,” phrase")
        for noun in [n.lemma_.lower() for n in (child, *child.children) if (n is child or n.dep_ == "appos") and not ctx.inside[n.i]]:
            if (lemma in rules["speech_noun_verbs"] and noun in rules["speech_nouns"]) or (
                lemma in ctx.speakers.rules["issue_verbs"] and noun in ctx.speakers.rules["document_nouns"]
            ):
                return token
    return None


def _boundary_before(text_before: str, ctx: _Context, tokens_before: Sequence[Token]) -> bool:
    stripped = text_before.rstrip()
    if not stripped or stripped[-1] in ":,;—–-.!?(":
        return True
    last = [t for t in tokens_before if not t.is_punct and not t.is_space]
    return bool(last) and last[-1].lemma_.lower() in ctx.verbs


def _is_partial(span: QuoteSpan, text: str, ctx: _Context, paragraph: Paragraph, previous: QuoteSpan | None) -> bool:
    if len(span.pieces) > 1:
        return False
    content = text.lstrip(" .…[(")
    if not content[:1].isupper():
        return True
    region_start = previous.close_mark if previous is not None and previous.paragraph == paragraph.index else paragraph.start
    before_text = ctx.source.text[region_start : span.open_mark]
    if not _boundary_before(before_text, ctx, ctx.tokens(region_start, span.open_mark)):
        return True
    if text.rstrip()[-1:] in ".!?" and _whole_paragraph(span, paragraph, ctx.source):
        return False  # a paragraph of its own ending a sentence ("“Superb choice, and a fine actor!”") is no fragment
    tokens = ctx.tokens(span.start, span.end)
    finite = any(t.tag_ in FINITE for t in tokens)
    return not (finite or len(text.split()) >= 8)


def _sentence_of(offset: int, sentences: Sequence[Sentence], doc: Doc) -> int:
    for sentence in sentences:
        if sentence.start <= offset < max(sentence.end, sentence.start + 1):
            return sentence.index
    for index, sent in enumerate(doc.sents):
        if sent.start_char <= offset < sent.end_char:
            return index
    return 0


def _paragraphs(source: Source) -> tuple[Paragraph, ...]:
    if source.paragraphs:
        return source.paragraphs
    paragraphs, offset = [], 0
    for index, text in enumerate(source.text.split("\n\n")):
        paragraphs.append(Paragraph(index, offset, offset + len(text), text))
        offset += len(text) + 2
    return tuple(paragraphs)


def extract_quotes(
    doc: Doc, source: Source, sentences: Sequence[Sentence], people: Sequence[PersonMention] | None
) -> tuple[Quote, ...]:
    """The quotations in one source, in text order, each with its speaker as written and the cue."""
    paragraphs = _paragraphs(source)
    spans, warnings = find_quote_spans(paragraphs)
    for warning in warnings:
        log.warning("%s: %s", source.id, warning)
    ctx = _Context(doc, source, spans, people)
    ctx.narration_statements()
    by_index = {p.index: p for p in paragraphs}

    quotes: list[Quote] = []
    attributed: list[tuple[QuoteSpan, Quote, Referent | None]] = []  # the quotes kept so far, for continuations
    seen_ids: dict[str, int] = {}
    for n, span in enumerate(spans):
        c = _candidate(n, span, ctx, paragraphs, by_index)
        if c is None:
            continue
        if _name_or_term(c):
            log.debug("%s: %r looks like a name, a title or a term; not listed", source.id, c.text)
            continue
        who = _speaker(c, _attribution(c), attributed)
        if who.referent is not None:
            ctx.speakers.add(span.open_mark, who.referent, who.text, who.start, who.end)
        if _scare_quote(c, who):
            log.debug("%s: %r looks like a scare quote or a title; not listed", source.id, c.text)
            continue
        qid = quote_id(source.id, c.text)
        seen_ids[qid] = seen_ids.get(qid, 0) + 1
        if seen_ids[qid] > 1:
            qid = f"{qid}-{seen_ids[qid]}"
        quote = _quote(c, who, qid, sentences)
        quotes.append(quote)
        if who.text is not None:
            attributed.append((span, quote, who.referent))
    return tuple(quotes)


@dataclass(frozen=True)
class _Candidate:
    """One quote span as the attribution rules read it: its words (``text``, at ``start``–``end``), whether it is a
    fragment of a sentence (``partial``) short enough to be a scare quote (``short``), the paragraphs it opens and
    closes in, and the spans around it."""

    n: int  # its index in ``ctx.spans``
    span: QuoteSpan
    text: str
    start: int
    end: int
    partial: bool
    short: bool
    first_par: Paragraph
    last_par: Paragraph
    previous: QuoteSpan | None
    following: QuoteSpan | None
    quote_tokens: Span
    ctx: _Context
    paragraphs: tuple[Paragraph, ...]
    by_index: dict[int, Paragraph]


@dataclass(frozen=True)
class _Speaker:
    """Who a quote's attribution names, as written (``text`` at ``start``–``end``) and resolved (``referent``), with
    the attribution and its rule, and how the speaker was found (``via``)."""

    attribution: _Attribution | None
    rule: str | None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    referent: Referent | None = None
    via: str | None = None


def _candidate(n: int, span: QuoteSpan, ctx: _Context, paragraphs: tuple[Paragraph, ...], by_index: dict[int, Paragraph]) -> _Candidate | None:
    """The ``n``-th quote span read for attribution; None when it holds no words."""
    source, spans = ctx.source, ctx.spans
    first_par = by_index[span.paragraph]
    last_par = source.paragraph_at(span.end) if source.paragraphs else first_par
    previous = spans[n - 1] if n > 0 else None
    following = spans[n + 1] if n + 1 < len(spans) else None
    text = clean_quote_text("\n\n".join(source.text[a:b] for a, b in span.pieces))
    if not normalise(text):
        return None
    start = span.start + (len(source.text[span.start : span.end]) - len(source.text[span.start : span.end].lstrip()))
    end = start + len(text) if len(span.pieces) == 1 else span.end
    partial = _is_partial(span, text, ctx, first_par, previous)
    quote_tokens = ctx.tokens(span.start, span.end)
    short = len(text.split()) <= int(_rules()["scare_quote_max_words"])
    return _Candidate(n, span, text, start, end, partial, short, first_par, last_par, previous, following, quote_tokens,
                      ctx, paragraphs, by_index)


def _name_or_term(c: _Candidate) -> bool:
    """A short fragment all capitalised ("Snow Leopard") is a name or a title, unless exclaimed before a cue; a
    short fragment after a marker ("the so-called “death grip”") is a term: neither is a quote."""
    name_like = c.partial and len(c.text.split()) <= 8 and _is_name_like(c.text) and not _exclaimed_before_cue(c.span, c.text, c.ctx)
    return name_like or c.partial and c.short and _after_marker(c.ctx.source.text, c.span.open_mark, c.first_par) or _gloss_of_a_term(c)


def _gloss_of_a_term(c: _Candidate) -> bool:
    """A short fragment glossing a term right before it ("the nickname “mkono wa damu,” or “the man with the bloody
    hand,”"): a term too."""
    previous, text = c.previous, c.ctx.source.text
    if previous is None or not c.partial or len(c.text.split()) > 8 or previous.paragraph != c.span.paragraph:
        return False
    if not re.fullmatch(r"[\s,]*(?:or|meaning|i\.e\.)\s*", text[previous.close_mark : c.span.open_mark]):
        return False
    return _after_marker(text, previous.open_mark, c.first_par)


def _attribution(c: _Candidate) -> _Attribution | None:
    """The first attribution a rule of ``ATTRIBUTION_RULES`` finds for the quote, else None."""
    for rule in ATTRIBUTION_RULES:
        found = rule(c)
        if found is not None:
            return found
    return None


def _by_head_walk(c: _Candidate) -> _Attribution | None:
    """A fragment: the verb it hangs from ("called Zelenskyy a “dictator”")."""
    return _head_walk(c.quote_tokens, c.ctx) if c.partial else None


def _by_cue_after(c: _Candidate) -> _Attribution | None:
    """A cue after the quote in its sentence ("…," he said), one right before it, or (a whole quote) the cue that
    governs it from after; not when the quote ends its sentence."""
    source, ctx = c.ctx.source, c.ctx
    if _ends_sentence(c.text, source.text, c.span.close_mark):
        return None
    after_next = c.following if c.following is None or not _names_a_title(c.following, source.text) else None
    a_start, a_end = _region_after(c.span, c.last_par, after_next, c.by_index.get(c.last_par.index + 1))
    found = _after_cue(a_start, a_end, ctx, limit=12 if not c.partial else 3)
    return _cue_right_before(c.span, ctx) or found or (None if c.partial else _cue_governing_after(c.quote_tokens, ctx))


def _by_cue_before(c: _Candidate) -> _Attribution | None:
    """A whole quote: a cue before it in its sentence (Putin said: "…")."""
    if c.partial:
        return None
    b_start, b_end = _region_before(c.span, c.first_par, c.previous)
    return _before_cue(b_start, b_end, c.ctx)


def _by_words_before(c: _Candidate) -> _Attribution | None:
    """A noun of speech, a name and a cue word, or a verb of naming right before the quote."""
    return _speech_noun_before(c.span, c.ctx) or _name_and_cue_word_before(c.span, c.ctx) or _naming_verb_before(c.span, c.ctx)


def _by_according_to(c: _Candidate) -> _Attribution | None:
    """"according to X" in the quote's sentence; a short fragment too ("According to the company, this technology is
    “chip agnostic,”")."""
    sent_tokens = list(c.ctx.tokens(*_sentence_bounds(c.span, c.first_par)))
    who = _according_to(sent_tokens, c.ctx)
    if who is None:
        return None
    return _Attribution(cue_text="according to", speaker=_speaker_phrase(who), rule="according-to")


def _by_cue_after_the_sentence(c: _Candidate) -> _Attribution | None:
    """The cue after the last of several quotes in the sentence; not for a short fragment, nor a quote that ends
    its sentence."""
    if c.partial and c.short or _ends_sentence(c.text, c.ctx.source.text, c.span.close_mark):
        return None
    return _cue_after_the_sentence_quotes(c.n, c.ctx.spans, c.ctx.source, c.by_index, c.ctx)


def _by_dash_credit(c: _Candidate) -> _Attribution | None:
    """A headline or a short paragraph that credits the speaker after a dash ("“The fight is not over.” — Jane
    Smith")."""
    return _dash_credit(c.span, c.last_par, c.ctx)


def _by_colon_intro(c: _Candidate) -> _Attribution | None:
    """A whole quote introduced by a colon with no cue of its own ("Jamil explained the program:")."""
    return None if c.partial else _colon_intro(c.span, c.first_par, c.paragraphs, c.ctx)


# Tried in order by ``_attribution``; the first that finds an attribution wins.
ATTRIBUTION_RULES: tuple[Callable[[_Candidate], _Attribution | None], ...] = (
    _by_head_walk,
    _by_cue_after,
    _by_cue_before,
    _by_words_before,
    _by_according_to,
    _by_cue_after_the_sentence,
    _by_dash_credit,
    _by_colon_intro,
)


def _speaker(c: _Candidate, found: _Attribution | None, attributed: list) -> _Speaker:
    """The speaker ``found`` names, resolved; when it names none, the speaker the quote continues (``_carried``:
    ``attributed`` holds the quotes kept so far)."""
    if found is not None and found.speaker is not None:
        phrase = found.speaker
        resolution = c.ctx.speakers.resolve(phrase, phrase.start_char)
        via = _via(resolution, found.rule, c.ctx.source.text, c.span.open_mark)
        return _Speaker(found, found.rule, phrase.text, phrase.start_char, phrase.end_char, resolution.referent, via)
    carried = _carried(c.span, c.first_par, c.ctx.source, attributed, c.ctx, c.partial)
    if carried is None:
        return _Speaker(found, found.rule if found else None)
    (text, start, end, referent, rule), prev = carried
    attribution = _Attribution(cue_text=prev.cue if prev else None, reported_by=prev.reported_by if prev else None)
    return _Speaker(attribution, rule, text, start, end, referent, "carried")


def _name(who: _Speaker) -> tuple[str | None, int | None, int | None]:
    """The speaker's resolved name and its offsets (None when nobody is named)."""
    referent = who.referent
    name = referent.name if referent is not None else None
    if referent is None or name is None:
        return name, None, None
    return name, referent.start, referent.end


def _scare_quote(c: _Candidate, who: _Speaker) -> bool:
    """A short fragment with no speaker (or only an unnamed "according to") is a scare quote or a title."""
    return c.partial and c.short and (who.text is None or (who.rule == "according-to" and _name(who)[0] is None))


def _quote(c: _Candidate, who: _Speaker, qid: str, sentences: Sequence[Sentence]) -> Quote:
    """The quote record."""
    name, name_start, name_end = _name(who)
    found = who.attribution
    return Quote(
        id=qid,
        source=c.ctx.source.id,
        text=c.text,
        speaker_text=who.text,
        cue=found.cue_text if found else None,
        partial=c.partial,
        start=c.start,
        end=c.end,
        sentence=_sentence_of(c.start, sentences, c.ctx.doc),
        speaker_start=who.start,
        speaker_end=who.end,
        speaker_name=name,
        speaker_name_start=name_start,
        speaker_name_end=name_end,
        reported_by=found.reported_by if found else None,
        paragraph=c.span.paragraph,
        attribution=who.rule,
        speaker_via=who.via if who.text is not None else None,
        speaker_named_in=c.ctx.speakers.sentence(name_start) if name_start is not None and who.via not in (None, "cue") else None,
    )


def _cue_after_the_sentence_quotes(n: int, spans: Sequence[QuoteSpan], source: Source, by_index: dict[int, Paragraph], ctx: _Context) -> _Attribution | None:
    """A cue after the last of several quotes in one sentence reports them all ("“The plan is a disaster” because of
    its “waste” and because it “ignored every warning,” Burke said"): the first has none of its own."""
    m = n
    while m + 1 < len(spans) and spans[m + 1].paragraph == spans[n].paragraph:
        between = source.text[spans[m].close_mark : spans[m + 1].open_mark]
        said = source.text[spans[m].start : spans[m].end].rstrip()
        goes_on = re.match(r"\W*([a-z])", between) is not None  # "” because of its “": a lower-case word
        if SENTENCE_END.search(between) or "\n" in between or (said[-1:] in ".!?" and not goes_on):
            break
        m += 1
    if m == n:
        return None
    last = spans[m]
    paragraph = source.paragraph_at(last.end) if source.paragraphs else by_index[last.paragraph]  # where it closes
    following = spans[m + 1] if m + 1 < len(spans) else None
    start, end = _region_after(last, paragraph, following, by_index.get(paragraph.index + 1))
    return _after_cue(start, end, ctx, limit=12) if start < end else None


def _exclaimed_before_cue(span: QuoteSpan, text: str, ctx: _Context) -> bool:
    """A question, an exclamation or a word with the comma of a cue right before a verb of saying ("“Who?” asked
    the fans", "“Never!” shouted Reed", "“Done,” Trump said"), or a word after a cue and its colon ("Ward asked him:
    “Done?”", "she replied: “No”"): said, not a name, however capitalised."""
    before = ctx.source.text[max(span.open_mark - 200, 0) : span.open_mark].rstrip(" ")
    last = ctx.source.text[span.start : span.end].rstrip()[-1:]  # the comma the quote's text has lost
    if before.endswith(":"):  # "Ward asked him: “Done?”", "she replied: “No”": an answer, said
        return _cue_before_colon(span, ctx)
    if last not in "?!," or not re.search(r"(?:^|[.!?”\"]\s*)$", before):
        return False  # not a question opening its sentence ("She starred in “Oklahoma!” said …": a title)
    after = [t for t in ctx.tokens(span.close_mark, span.close_mark + 40) if not t.is_punct and not ctx.inside[t.i]]
    if bool(after) and ctx.is_cue(after[0]):
        return True  # "“Who?” asked the fans"
    # "“Done,” Trump said", "“Never!” the judge said": a short subject, then the verb of saying
    subject = list(itertools.takewhile(lambda t: t.pos_ in ("PROPN", "PRON", "DET", "NOUN"), after[:4]))
    return 0 < len(subject) < len(after) and ctx.is_cue(after[len(subject)])


def _cue_before_colon(span: QuoteSpan, ctx: _Context) -> bool:
    """Is the quote introduced by a verb of saying before a colon in its sentence ("Ward asked him: “…”")?"""
    colon = ctx.source.text.rfind(":", 0, span.open_mark)
    words = list(ctx.tokens(max(colon - 120, 0), colon)) if colon >= 0 else []
    return any(ctx.is_cue(t, strong_only=True) for t in words if t.sent == words[-1].sent)


def _is_name_like(text: str) -> bool:
    """A short quote whose words are all capitalised is a name or a title ("Snow Leopard", "Doctor Who")."""
    words = [w for w in re.findall(r"[\w’'-]+", text) if w.lower() not in MINOR_WORDS]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _names_a_title(span: QuoteSpan, text: str) -> bool:
    """A quote span that only names something ("“Film Desk”" in "Variety's “Film Desk” is reporting"): the
    sentence, and the cue in it, go on past it."""
    words = clean_quote_text(text[span.start : span.end])
    return len(span.pieces) == 1 and len(words.split()) <= 4 and _is_name_like(words)


def _after_marker(text: str, open_mark: int, paragraph: Paragraph) -> bool:
    """Is the quote introduced as a term ("the so-called “death grip”")?"""
    before = text[paragraph.start : open_mark].rstrip().lower()
    return any(before.endswith(marker) for marker in _rules()["scare_markers"])


def _ends_sentence(quote_text: str, text: str, close_mark: int) -> bool:
    """A quote ending with a full stop and followed by a capitalised word: what follows is a new sentence."""
    if not quote_text.rstrip().endswith(".") or quote_text.rstrip().endswith(".."):
        return False
    following = re.match(r"\s*(\w)", text[close_mark:])
    return bool(following) and following.group(1).isupper()


def _last_paragraph(span: QuoteSpan, source: Source) -> int:
    return source.paragraph_at(span.end).index if source.paragraphs else span.paragraph


def _via(resolution: Resolution, rule: str | None, text: str, open_mark: int) -> str:
    """How the speaker was found: the resolution's way, "colon" for a name introducing the quote with a colon."""
    if resolution.via == "cue" and (text[:open_mark].rstrip().endswith(":") or (rule or "").startswith("colon")):
        return "colon"
    return resolution.via


def _dash_credit(span: QuoteSpan, paragraph: Paragraph, ctx: _Context) -> _Attribution | None:
    """A headline or a short paragraph credits the speaker after a dash: "Annexed territory 'non-negotiable' -
    Moscow", "“The fight is not over.” — Jane Smith, campaigner" (a role after a comma)."""
    after = ctx.source.text[span.close_mark : paragraph.end]
    match = re.fullmatch(r"[^\w\n]*\s[-–—]\s*([A-Z][\w.’' -]{0,40}?)(?:,\s*[\w.’' -]{1,40})?\W*", after)
    if match is None or len(paragraph.text.split()) > 15:
        return None
    start = span.close_mark + match.start(1)
    speaker = ctx.tokens(start, start + len(match.group(1).rstrip()))
    return _Attribution(cue_text="–", speaker=speaker, rule="dash-credit") if len(speaker) else None


@dataclass(frozen=True)
class _Intro:
    """The words that introduce a quote before a colon: the last sentence before the colon (from ``start``), in the
    quote's paragraph or ending the one before (``region_start``: that paragraph's start), and its tokens outside
    quotes."""

    start: int
    colon: int
    region_start: int
    tokens: tuple[Token, ...]

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if not t.is_punct and not t.is_space]


def _intro_before_colon(span: QuoteSpan, paragraph: Paragraph, paragraphs: Sequence[Paragraph], ctx: _Context) -> _Intro | None:
    """The introduction of a quote that follows a colon in its paragraph, or opens the paragraph after one ending
    with a colon; None when no colon comes right before the quote."""
    text = ctx.source.text
    before = text[paragraph.start : span.open_mark].rstrip()
    if before.endswith(":"):
        colon = paragraph.start + len(before) - 1
        region_start = paragraph.start
    elif not before.strip() and paragraph.index > 0:
        previous = next((p for p in paragraphs if p.index == paragraph.index - 1), None)
        if previous is None or not previous.text.rstrip().endswith(":"):
            return None
        colon = previous.start + len(previous.text.rstrip()) - 1
        region_start = previous.start
    else:
        return None
    marks = [m.end() for m in re.finditer(r"[.!?:”\"](?=\s)", text[region_start:colon])]
    start = region_start + (marks[-1] if marks else 0)
    tokens = tuple(t for t in ctx.tokens(start, colon) if not ctx.inside[t.i])
    return _Intro(start, colon, region_start, tokens)


def _colon_cue_verb(intro: _Intro, ctx: _Context) -> _Attribution | None:
    """A verb of saying or issuing in the introduction, the last first ("Jamil explained the program:")."""
    for token in reversed(intro.tokens):
        if ctx.is_cue(token) or token.lemma_.lower() in ctx.speakers.rules["issue_verbs"]:
            found = _attribute_with(token, ctx, "colon")
            if found is not None:
                return found
    return None


def _colon_cue_word(intro: _Intro, ctx: _Context) -> _Attribution | None:
    """"The NFL's substance-abuse policy states:" with "states" read as a noun: the words before it speak."""
    last = intro.words
    if len(last) >= 2 and last[-1].pos_ != "VERB" and last[-1].lower_ in _rules()["recovery_cues"]:
        return _Attribution(cue_text=last[-1].text, speaker=ctx.doc[last[0].i : last[-1].i], rule="colon:cue-word")
    return None


def _intro_people(intro: _Intro, ctx: _Context) -> list[PersonMention]:
    """The people named in the introduction, outside quotes."""
    return [m for m in ctx.people if intro.start <= m.start and m.end <= intro.colon and not ctx.speakers.quoted(m.start, m.end)]


def _in_intro(token: Token, intro: _Intro) -> bool:
    return intro.start <= token.idx < intro.colon


def _of_main_clause(token: Token, intro: _Intro) -> bool:
    """Does the token hang from the introduction's main verb (the parser may join the quote to it: its root is then
    in the quote)?"""
    verb = token.head
    return verb.dep_ == "ROOT" or not _in_intro(verb.head, intro) or verb.head.i == verb.i


def _intro_subjects(intro: _Intro, ctx: _Context) -> list[Token]:
    """The subjects of the introduction that can speak (nouns and pronouns, not "Below is …"), that of its main
    clause first: "The judge had advice for lawyers as they prepare:" is the judge's."""
    subjects = [
        t for t in intro.tokens
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN", "PRON") and not ctx.non_speaker(t)
    ]
    main = [t for t in subjects if _of_main_clause(t, intro)]
    return main[-1:] or subjects[-1:]


def _subject_mention(ctx: _Context, mention: PersonMention) -> Token | None:
    """The subject a person mention is (its head, through compound names and appositions), else None."""
    root = ctx.tokens(mention.start, mention.end).root
    while root.dep_ in ("compound", "flat", "appos") and root.head.i != root.i:
        root = root.head
    return root if root.dep_ in ("nsubj", "nsubjpass") else None


def _named_before_colon(mention: PersonMention, ctx: _Context) -> _Attribution:
    return _Attribution(cue_text=":", speaker=ctx.tokens(mention.start, mention.end), rule="colon:label")


def _colon_person_subject(intro: _Intro, ctx: _Context) -> _Attribution | None:
    """A person named as the subject of the introduction ("Karen Gillan was more than happy with Peter, who she
    starred with …:" is Karen Gillan's), of its main clause first."""
    people = [(m, _subject_mention(ctx, m)) for m in _intro_people(intro, ctx)]
    people = [(m, subject) for m, subject in people if subject is not None]
    main = [m for m, subject in people if _of_main_clause(subject, intro)]
    if not people:
        return None
    return _named_before_colon((main or [m for m, _ in people])[-1], ctx)


def _colon_subject(intro: _Intro, ctx: _Context) -> _Attribution | None:
    """The introduction's subject when it names nobody ("The judge had advice for anyone who deals with X:" is the
    judge's, never X's); a possession speaks for its owner ("the union's position is clear:", "The reaction of X
    was blunt:")."""
    subjects = _intro_subjects(intro, ctx)
    if not subjects:
        return None
    subject = subjects[-1]
    if noun_kind(subject) is None:
        inside = [m for m in _intro_people(intro, ctx) if subject.left_edge.idx <= m.start and m.end <= subject.right_edge.idx + len(subject.right_edge)]
        owner = _owner(subject)
        if owner is None and inside:
            return _Attribution(cue_text=":", speaker=ctx.tokens(inside[-1].start, inside[-1].end), rule="colon:subject")
        subject = owner or subject
    return _Attribution(cue_text=":", speaker=_speaker_phrase(subject), rule="colon:subject")


def _colon_named_label(intro: _Intro, ctx: _Context) -> _Attribution | None:
    """A label with no subject that names a person ("Peter Lynch/Timmons' Attorney:"): the last person named."""
    people = _intro_people(intro, ctx)
    return _named_before_colon(people[-1], ctx) if people else None


def _colon_place_label(intro: _Intro, ctx: _Context) -> _Attribution | None:
    """A headline's label, a state or an organisation alone before the colon ("South Sudan: “…”", "NATO: “…”")."""
    words = intro.words
    if words and intro.start == intro.region_start and all(t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "LOC", "ORG", "NORP") for t in words):
        return _Attribution(cue_text=":", speaker=ctx.doc[words[0].i : words[-1].i + 1], rule="colon:label")
    return None


def _colon_owner_label(intro: _Intro, ctx: _Context) -> _Attribution | None:
    """A label with no verb: the document it names or whose words it is ("Microsoft's response:", "Statement from
    Microsoft:")."""
    heads = [t for t in intro.tokens if t.pos_ in ("NOUN", "PROPN") and not (intro.start <= t.head.idx < intro.colon and t.head.i != t.i)]
    for head in reversed(heads):
        speaker = head if noun_kind(head) == "document" else _owner(head)
        if speaker is not None:
            return _Attribution(cue_text=":", speaker=_speaker_phrase(speaker), rule="colon:owner")
    return None


# Tried in order by ``_colon_intro``; the first that finds an attribution wins.
COLON_RULES: tuple[Callable[[_Intro, _Context], _Attribution | None], ...] = (
    _colon_cue_verb,
    _colon_cue_word,
    _colon_person_subject,
    _colon_subject,
    _colon_named_label,
    _colon_place_label,
    _colon_owner_label,
)


def _colon_intro(span: QuoteSpan, paragraph: Paragraph, paragraphs: Sequence[Paragraph], ctx: _Context) -> _Attribution | None:
    """A quote introduced by a colon with no cue of its own: "Jamil explained the program:", "General Manager A.J.
    Smith issued the following statement:", "Peter Lynch/Timmons' Attorney: “…”" (the sentence may end the
    previous paragraph): the first of ``COLON_RULES`` that finds a speaker in the introduction."""
    intro = _intro_before_colon(span, paragraph, paragraphs, ctx)
    if intro is None:
        return None
    for rule in COLON_RULES:
        found = rule(intro, ctx)
        if found is not None:
            return found
    return None


def _owner(noun: Token) -> Token | None:
    """Whose words a noun stands for: its possessor ("Microsoft's response") or the object of "from"/"by"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _is_main_subject_mention(ctx: _Context, mention: PersonMention) -> bool:
    """Is the mention the subject of its sentence's main clause?"""
    subject = _subject_mention(ctx, mention)
    return subject is not None and subject.head.dep_ == "ROOT"


def _carried(span: QuoteSpan, paragraph: Paragraph, source: Source, attributed: list, ctx: _Context, partial: bool = False):
    """The speaker a quote with no attribution of its own continues: the quote before it in the same paragraph
    (interrupted) or the paragraph before (a run of quote paragraphs), else the latest statement within a few
    sentences when the quote opens its sentence ("X said …" in the narration, then the quote). A fragment only
    continues a fragment of the same sentence ("the “courage” of the troops and their “daily victories”")."""
    if partial:
        if attributed and attributed[-1][1].partial and ctx.speakers.sentence(attributed[-1][0].open_mark) == ctx.speakers.sentence(span.open_mark):
            prev_span, prev_quote, prev_referent = attributed[-1]
            return (prev_quote.speaker_text, prev_quote.speaker_start, prev_quote.speaker_end, prev_referent, "same-sentence"), prev_quote
        return _fragment_goes_on(span, paragraph, source, attributed, ctx)
    if attributed:
        prev_span, prev_quote, prev_referent = attributed[-1]
        between = source.text[prev_span.close_mark : span.open_mark]
        same_paragraph = (
            prev_span.paragraph == span.paragraph or _last_paragraph(prev_span, source) == span.paragraph
        ) and len(re.findall(r"\w+", between)) <= 12  # only the cue between: '"…," he said. "…"'
        continuation = _whole_paragraph(span, paragraph, source) and _last_paragraph(prev_span, source) == span.paragraph - 1
        if same_paragraph and prev_referent is not None and _narration_moved_on(ctx, prev_span.close_mark, span.open_mark, prev_referent):
            same_paragraph = False  # '“…,” she said. Analyst Tom Cole disagreed. “…”': the narration moved on to him
        if prev_quote.speaker_text and (same_paragraph or continuation):
            rule = "interrupted" if same_paragraph else "continuation"
            return (prev_quote.speaker_text, prev_quote.speaker_start, prev_quote.speaker_end, prev_referent, rule), prev_quote
    sentence_start, _ = _sentence_bounds(span, paragraph)
    if re.search(r"\w", source.text[sentence_start : span.open_mark]) and not _lead_in(sentence_start, span, ctx):
        return None  # narration before the quote in its sentence: not a quote standing alone
    if _inscription_just_before(span, ctx):
        return None  # "The banner behind him carried a simple message. “Welcome home.”": nobody says it
    recent = ctx.speakers.recent(span.open_mark, int(ctx.speakers.rules["carry_sentences"]))
    if _first_person_singular(source.text[span.start : span.end]):
        # "“I grabbed the kids and ran.”" after "…, fire officials said": one person speaks, not a group or a body
        recent = [r for r in recent if not (r.referent.plural or r.referent.kind == "organisation")]
    if not recent or recent[0].text is None:
        return None
    latest = recent[0]
    if _group_just_before(span, ctx, latest.at):
        return None  # "Parents gathered at the gate. Many were angry. “Nobody told us.”": one of them, unnamed
    moved_on = _narration_moved_on(ctx, latest.at, span.open_mark, latest.referent)
    if moved_on is not None and _speaks_of(source.text[span.start : span.end], ctx.speakers.person(moved_on[0]).gender):
        moved_on = None  # "Her husband, Tom, was at work. “I called him at once.”": Tom is spoken of, not speaking
    if moved_on is not None:
        # "Tom Reed, a parent, was less sure. “…”": the narration named someone else as the subject since; the quote
        # right after that sentence is theirs, a quote further on nobody's
        mention, sentence = moved_on
        if sentence != ctx.speakers.sentence(span.open_mark) - 1:
            return None
        referent = ctx.speakers.person(mention)
        return (mention.text, mention.start, mention.end, referent, "carried"), None
    previous = next((q for _, q, r in reversed(attributed) if r == latest.referent), None)
    return (latest.text, latest.start, latest.end, latest.referent, "carried"), previous


def _lead_in(sentence_start: int, span: QuoteSpan, ctx: _Context) -> bool:
    """A short phrase of time or place before the quote, set off by a comma ("Later in the afternoon, “…”", "At
    the hearing, “…”"): the quote still stands alone (an adverb or a preposition first, no verb, nobody named)."""
    before = ctx.source.text[sentence_start : span.open_mark].rstrip()
    if not before.endswith(",") or len(before.split()) > 6:
        return False
    tokens = [t for t in ctx.tokens(sentence_start, sentence_start + len(before)) if not t.is_punct]
    return bool(tokens) and tokens[0].pos_ in ("ADV", "ADP") and all(t.pos_ in ("ADV", "ADP", "DET", "NOUN", "ADJ", "NUM") for t in tokens)


def _speaks_of(text: str, gender: str | None) -> bool:
    """Does a quote refer to somebody of ``gender`` in the third person ("I called him")?"""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    return bool(words & {"m": {"him", "his", "himself"}, "f": {"her", "hers", "herself"}}.get(gender or "", set()))


def _first_person_singular(text: str) -> bool:
    """Does a quote speak as one person ("I", "me", "my") and never as a group ("we", "our", "us")?"""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    return bool(words & {"i", "me", "my", "myself", "mine"}) and not words & {"we", "us", "our", "ours", "ourselves"}


def _inscription_just_before(span: QuoteSpan, ctx: _Context) -> bool:
    """Is the sentence right before the quote about a sign, a banner or another thing with words on it (its main
    subject an inscription noun of speakers.yaml)?"""
    index = ctx.speakers.sentence(span.open_mark) - 1
    if index < 0:
        return False
    sentence = ctx.speakers.sentences[index]
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head.i == sentence.root.i and t.lemma_.lower() in ctx.speakers.rules["inscription_nouns"]
        for t in sentence if not ctx.inside[t.i]
    )


def _group_just_before(span: QuoteSpan, ctx: _Context, after: int) -> bool:
    """Is the sentence right before the quote narration, after the statement at ``after``, whose main subject is a
    group of people ("Parents gathered at the gate.", "Many were angry.")?"""
    index = ctx.speakers.sentence(span.open_mark) - 1
    if index < 0:
        return False
    sentence = ctx.speakers.sentences[index]
    if sentence.start_char <= after or any(ctx.inside[t.i] for t in sentence):
        return False
    root = sentence.root
    if ctx.is_cue(root):
        return False  # "…, fire officials said": a statement of the group, not narration about it
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == root.i and people_noun(t) for t in sentence)


def _narration_moved_on(ctx: _Context, after: int, before: int, referent: Referent):
    """The latest person, other than ``referent``, named as the subject of a main clause of the narration between
    a statement and a quote, with the index of that sentence; None when the narration named nobody else so."""
    statement_sentence = ctx.speakers.sentence(after)
    mentions, keys = ctx.mentions_latest_first
    for mention in mentions[bisect_left(keys, -before) : bisect_left(keys, -after)]:  # after < start <= before
        if not (after < mention.start and mention.end <= before) or ctx.speakers.quoted(mention.start, mention.end):
            continue
        sentence = ctx.speakers.sentence(mention.start)
        if sentence == statement_sentence or not _is_main_subject_mention(ctx, mention):
            continue
        if ctx.speakers.person(mention).name != referent.name:
            return mention, sentence
    return None


def _fragment_goes_on(span: QuoteSpan, paragraph: Paragraph, source: Source, attributed: list, ctx: _Context):
    """A fragment of more than a few words with no cue in the sentence right after a quote goes on with its
    speaker ("… crowed Nvidia CEO Jen-Hsun Huang. ATI is “basically throwing in the towel, …”"), unless its
    sentence names another person. Short fragments are left alone: without a speaker they are terms, not quotes."""
    words = re.findall(r"\w+", source.text[span.start : span.end])
    if len(words) <= int(_rules()["scare_quote_max_words"]):
        return None
    if not attributed:
        return None
    prev_span, prev_quote, prev_referent = attributed[-1]
    recent = ctx.speakers.recent(span.open_mark, 1)
    if prev_referent is None or prev_referent.name is None or not recent or recent[0].referent != prev_referent:
        return None  # the statement just before is a quote (not narration: "Trump has adopted …")
    if ctx.speakers.sentence(prev_span.open_mark) != ctx.speakers.sentence(span.open_mark) - 1:
        return None
    start, end = _sentence_bounds(span, paragraph)
    if any(start <= m.start < end and not ctx.speakers.quoted(m.start, m.end) for m in ctx.people):
        return None
    return (prev_quote.speaker_text, prev_quote.speaker_start, prev_quote.speaker_end, prev_referent, "carried"), prev_quote


def _whole_paragraph(span: QuoteSpan, paragraph: Paragraph, source: Source) -> bool:
    """The paragraph is this quote and little else (a continuation paragraph)."""
    outside = source.text[paragraph.start : span.open_mark] + source.text[span.close_mark : paragraph.end]
    return len(re.findall(r"\w+", outside)) <= 2 and span.paragraph == paragraph.index


def _sentence_bounds(span: QuoteSpan, paragraph: Paragraph) -> tuple[int, int]:
    text = paragraph.text
    rel_start = span.open_mark - paragraph.start
    ends_before = [m.end() for m in SENTENCE_END.finditer(text[:rel_start])]
    start = paragraph.start + (ends_before[-1] if ends_before else 0)
    rel_end = span.close_mark - paragraph.start
    after = SENTENCE_END.search(text, rel_end)
    end = paragraph.start + (after.end() if after else len(text))
    return start, end
