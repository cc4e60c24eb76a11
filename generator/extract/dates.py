"""Temporal expressions: find them in a parsed article, with the tense and anchor they are read against.

Candidates are spaCy's DATE/TIME entities plus the patterns of ``rules/dates.yaml`` for what the small model
misses ("on Thursday", "six days later", "Dec. 18, a Wednesday", "1957-58", "now") and "earlier"/"later" modifying a
verb (by the parse); a candidate holding two expressions is split ("since 1946 this week"). Each candidate is normalised
by ``generator.extract.timex.normalise`` (a table of small named rules giving TimeML values) against the
reference date (the source's publication date, or the story's date for an undated source), with the tense of
the clause it belongs to and the previous date of its sentence or paragraph as anchor (a weekday without tense that
the text named the week before or after is that day).

Durations ("six hours of talks" → ``PT6H``), ages, frequencies ("every week") and references to the present or
past (``PRESENT_REF``) keep their TimeML value with a ``kind`` that stops them from becoming events; numbers that
are no dates (ages after a name, ordinal day counts, titles such as the film "1917") get no value.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from generator.extract.quotes import reporting_verbs
from generator.extract.timex import CALENDAR, RULES, Resolution, calendar_value, day_of, interval, normalise, rules
from generator.model import DateMention, Sentence, Source

log = logging.getLogger(__name__)

__all__ = ["CALENDAR", "RULES", "Resolution", "calendar_value", "candidate_spans", "clause_of", "extract_dates",
           "interval", "normalise", "tense_of"]


# -------------------------------------------------------------------- the Doc side


def _compiled_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"\b(?:{p})\b", re.IGNORECASE) for p in rules()["patterns"])


_PATTERNS: tuple[re.Pattern[str], ...] | None = None


def candidate_spans(doc: Doc) -> list[Span]:
    """DATE/TIME entities and pattern matches, merged: spans inside a longer one are dropped, overlapping
    spans joined."""
    global _PATTERNS
    if _PATTERNS is None:
        _PATTERNS = _compiled_patterns()
    text = doc.text  # built anew by spaCy on every access: read it once
    names = [m.span() for m in _names_with_dates().finditer(text)]
    ranges: list[tuple[int, int]] = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            ranges.append(m.span())
    ranges += _adverb_references(doc, text)
    spans: list[Span] = []
    for start, end in sorted(_split_ranges(text, ranges)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        if spans and span.start < spans[-1].end:
            if span.end > spans[-1].end and span.sent == spans[-1].sent:
                spans[-1] = doc[spans[-1].start : span.end]
            continue
        spans.append(span)
    return [t for s in spans if (t := _trim(s)) is not None and not _season_modifier(t) and not _inside_a_name(t)
            and not any(start < t.end_char and t.start_char < end for start, end in names)]


_TIME_ADVERBS = re.compile(r"\b(?:earlier|later)\b", re.IGNORECASE)


def _adverb_references(doc: Doc, text: str) -> list[tuple[int, int]]:
    """"GM said earlier that …", "the results will be released later": "earlier" and "later" modifying a verb
    are references to an unnamed time (TimeML PAST_REF, XXXX-XX-XX), found by the parse, not only before
    punctuation; not in comparisons ("earlier than expected", "than earlier forecast") nor modifying a noun ("an
    earlier report")."""
    out = []
    for tok in _one_word_matches(_TIME_ADVERBS, doc, text):
        neighbours = {_word(doc, tok.i - 1), _word(doc, tok.i + 1)}
        if tok.tag_ in ("RB", "RBR") and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX") and not (
                neighbours & {"than", "much", "even", "no", "any"}):
            out.append((tok.idx, tok.idx + len(tok)))
    return out + _once_references(doc, text) + _adjective_references(doc)


def _one_word_matches(pattern: re.Pattern[str], doc: Doc, text: str) -> list[Token]:
    """The tokens that are each a whole match of ``pattern`` in ``text`` (the document's text)."""
    spans = (doc.char_span(m.start(), m.end()) for m in pattern.finditer(text))
    return [span[0] for span in spans if span is not None and len(span) == 1]


def _word(doc: Doc, i: int) -> str:
    """The lower-case word at token ``i``, or "" outside the document."""
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _adjective_references(doc: Doc) -> list[tuple[int, int]]:
    """"the recent turmoil", "the current crisis": adjectives that place what they describe in the past or the
    present (TimeML PAST_REF / PRESENT_REF; HeidelTime's English date words); not before a unit of time ("recent
    weeks" and "the current quarter" are read whole), after "most"/"more", nor in the compounds of
    ``reference_adjectives_not_before`` ("current account", "current affairs")."""
    r = rules()
    adjectives, blocked = r["reference_adjectives"], set(r["reference_adjectives_not_before"]) | set(r["units"])
    out = []
    for tok in doc:
        if tok.lower_ not in adjectives or tok.tag_ != "JJ" or tok.dep_ != "amod":
            continue
        unit_head = tok.head.lower_ in blocked and not any(  # "its recent analyst day": an event, no unit of time
            t.pos_ in ("NOUN", "PROPN") for t in doc[tok.i + 1 : tok.head.i])
        if _word(doc, tok.i - 1) in ("most", "more", "less", "least") or unit_head or (
                _word(doc, tok.i + 1) in blocked):
            continue
        out.append((tok.idx, tok.idx + len(tok)))
    return out


_ONCE = re.compile(r"\bonce\b", re.IGNORECASE)


def _once_references(doc: Doc, text: str) -> list[tuple[int, int]]:
    """"had once promised", "GM, once the world's largest carmaker": "once" as an adverb of a time gone by
    (TimeML PAST_REF, like "formerly"); not the conjunction ("once the deal closes"), a count ("once a week",
    "only once", "at once") nor "once more", "once again" (the neighbouring words in ``once_not_past``)."""
    out = []
    not_past = set(rules()["once_not_past"])
    for tok in _one_word_matches(_ONCE, doc, text):
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and tok.head.i < tok.i and nxt.tag_ in ("DT", "PRP", "PRP$"):
            continue  # "how long it might take once the damage is assessed": the conjunction the parse missed
        if tok.dep_ == "advmod" and tok.tag_ in ("RB", "IN") and not (
                {_word(doc, tok.i - 1), _word(doc, tok.i + 1)} & not_past):
            out.append((tok.idx, tok.idx + len(tok)))
    return out


@lru_cache(maxsize=1)
def _names_with_dates() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in rules()["names_with_dates"]) + r")\b")


@lru_cache(maxsize=1)
def _modifier_words() -> frozenset[str]:
    """Seasons, holidays and ``modifier_only_words``: words that date nothing when they modify a noun."""
    return frozenset(rules()["seasons"].keys() | rules()["holidays"].keys() | set(rules()["modifier_only_words"]))


def _season_modifier(span: Span) -> bool:
    """"its winter schedule", "the Christmas sales", "the overnight rate": a season, holiday or
    ``modifier_only_words`` word modifying a noun dates nothing."""
    return span.text.lower() in _modifier_words() and span.root.dep_ in ("compound", "amod", "nmod")


NAMES = ("ORG", "WORK_OF_ART", "FAC", "LAW")  # not PRODUCT: the small model calls "Q3" one


def _inside_a_name(span: Span) -> bool:
    """"The Sunday Times", "the Fourth of July Committee": a date word inside a name is no temporal expression
    (TimeML leaves dates in proper names unmarked). A day of a month the name is no longer than ("Sep 30 2012",
    which the small model may call a law) is the model's mistake, not a name."""
    if not all(t.ent_type_ in NAMES for t in span):
        return False
    names = [e for e in span.doc.ents if e.start < span.end and span.start < e.end]
    whole = all(span.start <= e.start and e.end <= span.end for e in names)
    return not (whole and _EXPLICIT_DAY.search(span.text))


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_EXPLICIT_DAY = re.compile(rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}(?!\w)",
                           re.IGNORECASE)


# Where one candidate holds two expressions: a line break, or a comma not followed by a year
# ("on November 11, three days later"; but "June 6, 2005", "Dec. 18, a Wednesday" and "Thursday, March 7" stay whole);
# a year or "… ago" followed by a period counted from the publication date ("its lowest since 1946 this week", "founded
# 100 years ago this year": TimeML marks two dates); an amount of time followed by when it begins or ends ("for a month
# beginning next week", "for 77 years until 2008": a duration and a date).
_RELATIVE_PERIOD = (r"(?:(?:earlier|later|early|late) )?(?:this|last|next) (?:week|weekend|month|year|quarter|spring|"
                    r"summer|autumn|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_AMOUNT_UNITS = ("hour", "hours", "minute", "minutes", "second", "seconds", "day", "days", "week", "weeks", "month",
                 "months", "year", "years")
_SPLIT = re.compile(
    r"\s*\n\s*|,(?!\s*\d{4}\b)(?!\s*(?:an? )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
    rf"(?!(?<=day,)\s*{_MONTH} \d)\s*"
    rf"|(?<=\b(?:1[5-9]|20)\d\d) (?={_RELATIVE_PERIOD})|(?<=\bago) (?={_RELATIVE_PERIOD})"
    # two dates joined by "or" or "and" ("by the end of the year or early next year", "in May and June"): two
    # expressions; not a range ("between 2009 and 2011": no "between" or "from" before it in the span)
    r"|(?<!\d(?:st|nd|rd|th))\s+(?:or|and)\s*$"  # ("the 1940s and" of an entity that stops at the "and")
    rf"|(?<=\w)(?<![-–])(?<!\d(?:st|nd|rd|th))\s+(?P<join>or|and)\s+"  # (not "the 19th and early 20th centuries")
    rf"(?=(?:the |early |late |mid-?|next |last |this )*(?:end|start|beginning|middle|{_MONTH}(?!\w)|"
    r"(?:1[5-9]|20)\d\d'?s?\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|year\b|month\b|week\b"
    r"|(?:spring|summer|autumn|fall|winter)\b))"
    # an amount of time and the day or period it was in ("halted for an hour this morning", "two hours on Monday"):
    # two expressions (TimeML: a DURATION and a DATE)
    r"|(?:" + "|".join(rf"(?<=\b{unit})" for unit in _AMOUNT_UNITS) + r")(?P<amount>\s+)(?=(?:this|last|next|earlier|later) "
    r"(?:week|weekend|month|year|morning|afternoon|evening|quarter|spring|summer|autumn|fall|winter)\b"
    rf"|(?:this|last|next) {_MONTH}(?!\w)|(?:yesterday|today|tonight|tomorrow)\b"
    r"|on (?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
    # a period and what it is compared with ("fewer passengers in December than a year earlier"): two expressions
    r"|(?<!\bmore)(?<!\bless)(?<!\bfewer)(?<!\blonger)(?<!\bshorter)(?<!\blater)(?<!\bearlier)(?<!\brather)(?<!\bother)"
    r"\s+than\s+(?=(?:a|one|the|last|in|\d)\b)"  # (not "more than a century", "later than planned")
    # a period and the day it was reported ("a profit for the quarter on Tuesday"): two expressions
    r"|(?:(?<=\bquarter)|(?<=\bhalf)|(?<=\byear)|(?<=\bmonth)|(?<=\bweek)|(?<=\bperiod))"
    r" (?=on (?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
    # an amount of time and the year it was part of ("shut for nine months of 2020", "six weeks of last year"): a
    # DURATION and a DATE (not "the first three months of 2009", one quarter: see ``_split_ranges``)
    r"|(?:(?<=\bdays)|(?<=\bweeks)|(?<=\bmonths)|(?<=\byears))(?P<ofyear> of )(?=(?:1[5-9]|20)\d\d\b|(?:this|last|next) year\b)"
    rf"|\b(?:days?|weeks?|months?|years?)(?P<cut> (?:beginning|starting|from|until|till|through|since) )"
    rf"(?={_RELATIVE_PERIOD}|(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|{_MONTH} \d|(?:in )?{_MONTH}\b"
    r"|(?:1[5-9]|20)\d\d\b)"
    # a date and an amount of time set off by a spaced dash ("not due until October - two years late"): two
    # expressions (not an amount's range, "30 -- 40 days", "two - three weeks"; "2009 - 2010" has no unit after it)
    r"|(?<![\d])(?<!\bone)(?<!\btwo)(?<!\bthree)(?<!\bfour)(?<!\bfive)(?<!\bsix)(?<!\bseven)(?<!\beight)(?<!\bnine)"
    r"(?<!\bten)\s+(?:-{1,2}|–|—)\s+(?=(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"several|few) (?:" + "|".join(_AMOUNT_UNITS) + r"|decades?)\b)",
    re.IGNORECASE,
)


_AMOUNT_BEFORE = re.compile(r"(?:^|\s)(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                            r"twelve|several|few|couple of)\s+\S+$", re.IGNORECASE)


def _split_ranges(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in ranges:
        pos = start
        for m in _SPLIT.finditer(text, start, end):
            if m["join"] and re.search(r"\b(?:between|from)\b", text[start : m.start()], re.IGNORECASE):
                continue  # "between May and June": one range
            if m["amount"] and not _AMOUNT_BEFORE.search(text[start : m.start()]):
                continue  # only after an amount ("for an hour this morning"), not "the same month last year"
            if m["ofyear"] and (not _AMOUNT_BEFORE.search(text[start : m.start()]) or re.search(
                    r"\b(?:first|last|final|past|next|previous|remaining|opening|closing)\s+\S+\s+\S+$",
                    text[start : m.start()], re.IGNORECASE)):
                continue  # "the first three months of 2009" is one expression (a quarter)
            cut_start, cut_end = m.span("cut") if m["cut"] else m.span()  # "cut": only that part separates
            if cut_start > pos:
                out.append((pos, cut_start))
            pos = cut_end
        if end > pos:
            out.append((pos, end))
    return out


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].tag_ == "POS"):
        start += 1
    # "on BBC ONE tonight", "Channel 4 this morning": a number of the name before it is no part of the date
    if end - start > 1 and start > 0 and doc[start].like_num and doc[start].is_alpha and not doc[start].is_lower and (
            doc[start - 1].ent_type_ in NAMES or doc[start - 1].pos_ == "PROPN") and not doc[start + 1].like_num:
        start += 1
    # "bankruptcy a month ago" (a noun the model took into the entity): the expression starts at its determiner
    if end - start > 2 and doc[start].pos_ in ("NOUN", "VERB") and doc[start].lower_ not in rules()["units"] and (
            doc[start + 1].lower_ in ("a", "an", "the") or doc[start + 1].like_num):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS" and not (
            end - 2 >= start and re.fullmatch(r"\d*0", doc[end - 2].text))):  # "the 2000's": a decade
        end -= 1
    return _without_detached_lead(doc[start:end]) if end > start else None


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    """Words that can be part of a temporal expression (the rule tables' keys, one word at a time)."""
    r = rules()
    tables = ("weekdays", "months", "numbers", "units", "seasons", "parts_of_day", "relative_words", "ordinals",
              "ordinal_numbers", "decade_words", "holidays", "halves", "relative_days")
    return frozenset(w for t in tables for key in r[t] for w in str(key).lower().split()) | frozenset(
        ("early", "late", "mid", "end", "beginning", "start", "middle", "of", "the"))


def _without_detached_lead(span: Span) -> Span:
    """"hit [the coast Sept. 30, 2012]": the model took a noun phrase of the clause into the entity. A lead
    of words that are no date words, whose tree the rest does not hang from (nor it from the rest), is cut off;
    "the end of March 2012" and "Election Day 2012" hang together and stay whole."""
    doc, words = span.doc, _date_words()
    for j in range(span.start + 1, span.end):
        if doc[j - 1].like_num or doc[j - 1].lower_.rstrip(".") in words and doc[j - 1].lower_ != "the":
            return span  # the lead would hold a date word
        lead, rest = range(span.start, j), range(j, span.end)
        if any(doc[i].head.i in rest for i in lead) or any(doc[i].head.i in lead for i in rest):
            continue
        if any(doc[i].pos_ in ("NOUN", "PROPN") for i in lead) and any(
                t.like_num or t.lower_.rstrip(".") in words for t in doc[j:span.end]):
            return doc[j:span.end]
    return span


def _with_preposition(span: Span) -> Span:
    """Take in a preposition just before the span ("on Thursday", "since last October")."""
    preps = set(rules()["prepositions"])
    if span.start > 0:
        prev = span.doc[span.start - 1]
        if prev.lower_ in preps and prev.sent == span.sent:
            return span.doc[span.start - 1 : span.end]
    return span


# A rule of ``_TENSE_RULES`` answers with a tense, with _NO_TENSE (decided: the clause has no time of its own, so the
# nearest reading), or with None (not this rule: the next one is tried).
_NO_TENSE = "none"


def _verb_tense(verb: Token, depth: int = 0) -> str | None:
    """The tense of the clause ``verb`` heads: "past", "future", "present", or None (no time of its own: the nearest
    reading); the first of ``_TENSE_RULES`` that answers (``depth``: how many governing verbs were climbed)."""
    auxes = tuple(c for c in verb.children if c.dep_ in ("aux", "auxpass"))
    for rule in _TENSE_RULES:
        if (tense := rule(verb, auxes, depth)) is not None:
            return None if tense == _NO_TENSE else tense
    return None


def _governing_tense(verb: Token, depth: int) -> str:
    """The tense of a verb climbed to from a clause it governs, as a rule's answer (_NO_TENSE when it has none)."""
    return _verb_tense(verb, depth + 1) or _NO_TENSE


def _has_to(auxes: tuple[Token, ...]) -> bool:
    return any(a.tag_ == "TO" for a in auxes)


def _future_auxiliary(verb: Token, auxes: tuple[Token, ...], depth: int) -> str | None:
    """"will meet", "is going to meet" (``future_auxiliaries``, "going"): ahead."""
    future_aux = set(rules()["future_auxiliaries"])
    if any(a.lower_ in future_aux or a.lower_ == "going" for a in auxes) or (
            verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children)):
        return "future"
    return None


def _infinitive_of_ranked_noun(verb: Token, auxes: tuple[Token, ...], depth: int) -> str | None:
    """"she was the first rider to finish at the weekend": no time of its own, the tense of the clause the ranked
    noun stands in (none in a headline: "the second climber to die at the weekend")."""
    if not (_has_to(auxes) and verb.dep_ in ("acl", "relcl") and _ranked(verb.head)):
        return None
    clause = _verb_of(verb.head)
    return _governing_tense(clause, depth) if clause is not None and depth < 3 else _NO_TENSE


def _infinitive(verb: Token, auxes: tuple[Token, ...], depth: int) -> str | None:
    """"is expected to meet on Friday", "said it expected the market to recover in the second half": ahead under a
    verb of ``future_governors``, but "was invited to join in July", "agreed to combine in April" (an arrangement
    made in the past, whose time may be over by now) have no tense of their own; under another verb or adjective
    its tense; else ahead."""
    if not (_has_to(auxes) and verb.dep_ in ("xcomp", "advcl", "ccomp", "acl", "relcl") and depth < 3):
        return None
    head = verb.head
    if head.lemma_.lower() in rules()["future_governors"]:
        return _NO_TENSE if _arranged_in_the_past(verb) else "future"
    if head.pos_ in ("VERB", "AUX", "ADJ") and head.i != verb.i:
        return _governing_tense(head, depth)
    return "future"


def _past_form(verb: Token, auxes: tuple[Token, ...], depth: int) -> str | None:
    """"met", "was held", "did not meet": the past."""
    return "past" if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) else None


def _participle(verb: Token, auxes: tuple[Token, ...], depth: int) -> str | None:
    """A past participle (no past-tense auxiliary: ``_past_form`` took those): "has promised a release before the
    end of the month", "have scheduled a vote for Tuesday" (a present perfect of ``perfect_future_governors``: what
    is promised or planned is still to come) ahead; another perfect ("has met", "he's met") past; "is expected to",
    "scheduled to" ahead; "is expected", "are set" present; "the summit, scheduled for Jan. 20" (as often ahead as
    behind) no tense; a reduced passive ("the talks, held in Saudi Arabia last week") past. ("he's sentenced May
    7": "'s" of a passive is "is", not "has".)"""
    if verb.tag_ != "VBN":
        return None
    r = rules()
    lemma = verb.lemma_.lower()
    if lemma in r["perfect_future_governors"] and any(
            a.lower_ in ("has", "have", "'ve") and a.dep_ == "aux" for a in auxes):
        return "future"
    if any(a.lower_ in ("has", "have", "had", "'ve") or a.lower_ == "'s" and a.dep_ == "aux" for a in auxes):
        return "past"
    if lemma in r["future_governors"] and any(c.dep_ == "xcomp" for c in verb.children):
        return "future"
    if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if lemma in r["future_governors"] and not auxes:
        return _NO_TENSE
    return "past"


def _present_form(verb: Token, auxes: tuple[Token, ...], depth: int) -> str | None:
    """"meets", "is in talks": the present; "is due", "is likely" (``be`` with a complement of ``future_governors``)
    ahead."""
    if not (verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)):
        return None
    if verb.lemma_ == "be" and any(c.lemma_.lower() in rules()["future_governors"]
                                   for c in verb.children if c.dep_ in ("acomp", "attr")):
        return "future"
    return "present"


def _gerund(verb: Token, auxes: tuple[Token, ...], depth: int) -> str | None:
    """"beginning with …": the governing verb's tense."""
    if verb.tag_ == "VBG" and depth < 3 and verb.head.i != verb.i:
        return _governing_tense(verb.head, depth)
    return None


# The tense of a verb's clause: the first rule that answers.
_TENSE_RULES = (
    _future_auxiliary,
    _infinitive_of_ranked_noun,
    _infinitive,
    _past_form,
    _participle,
    _present_form,
    _gerund,
)


def _arranged_in_the_past(verb: Token) -> bool:
    """"(was invited) to join", "(agreed) to combine": an infinitive under a verb of arrangement in the simple past
    (``arrangement_governors``)."""
    head = verb.head
    return (verb.dep_ in ("xcomp", "advcl", "ccomp", "acl", "relcl") and head.i != verb.i
            and any(a.tag_ == "TO" for a in verb.children if a.dep_ in ("aux", "auxpass"))
            and head.lemma_.lower() in rules()["arrangement_governors"] and _simple_past(head))


def _simple_past(verb: Token) -> bool:
    """A verb in the simple past, active or passive ("agreed", "was invited"), not a present perfect."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("has", "have", "'ve") for a in auxes):
        return False
    return verb.tag_ == "VBD" and not auxes or any(a.tag_ == "VBD" for a in auxes)


def _verb_of(noun: Token) -> Token | None:
    """The verb a noun is the subject, object or prepositional object of ("occurred during Sunday's race")."""
    tok = noun
    while tok.dep_ in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr") and tok.head.i != tok.i:
        tok = tok.head
    return tok if tok.i != noun.i and tok.pos_ in ("VERB", "AUX") else None


def _ranked(noun: Token) -> bool:
    """A noun ranked by an ordinal or superlative ("the second climber", "the only person", "the youngest")."""
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" or c.lower_ in ("first", "last", "only", "latest")
        for c in noun.children if c.dep_ in ("amod", "nummod", "advmod"))


# Nouns that only place the expression in a larger time ("on the night of 14 April", "at the end of March"):
# the tense comes from the verb they hang off.
TIME_NOUNS = {"night", "morning", "afternoon", "evening", "day", "week", "weekend", "end", "beginning", "start",
              "middle", "turn", "close", "eve", "dawn", "hour"}


def _governor(span: Span) -> Token | None:
    """The word the expression modifies: the first ancestor outside the span that is not a preposition (nor a
    noun such as "night" in "on the night of 14 April")."""
    tok = span.root
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.i >= span.start and tok.i < span.end:
            continue
        if tok.pos_ == "ADP" or tok.dep_ == "prep":
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in TIME_NOUNS and tok.dep_ == "pobj":
            continue
        if tok.ent_type_ == "TIME" or tok.lower_.rstrip(".") in ("a.m", "p.m", "am", "pm"):
            continue  # "visited the precinct about 12:30 a.m. Tuesday": the weekday hangs off the clock time
        return tok
    return None


def _reporting_verb_before(span: Span) -> Token | None:
    """"said on Wednesday she would rule …", "announced Monday it will close …": a date right after a verb of
    saying (and its preposition) dates the saying, whatever clause the parse hangs it from."""
    if span.root.dep_ not in ("pobj", "npadvmod", "advmod", "prep"):
        return None  # ("Forecasters say this winter will be mild": the subject of what is said)
    i = span.start  # the first word before the expression and its preposition
    if i > 0 and span.doc[i].pos_ != "ADP" and span.doc[i - 1].lower_ in ("on", "in"):
        i -= 1
    prev = span.doc[i - 1] if i > 0 else None
    if prev is None or prev.pos_ not in ("VERB", "AUX") or prev.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    said = prev.lemma_.lower()
    return prev if said in reporting_verbs() and said not in rules()["future_governors"] else None


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def tense_of(span: Span) -> str | None:
    """The tense of the clause a temporal expression belongs to: "past", "future", "present" or None when it
    hangs off a noun ("a summit on 6 March")."""
    said = _reporting_verb_before(span)
    if said is not None:
        return _verb_tense(said)
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i and first.head.ent_type_ in ("DATE", "TIME"):
        first = first.head  # "in March or April": the second date takes the tense of the first
    if first.i != span.root.i:
        span = span.doc[first.i : first.i + 1]
    gov = _governor(span)
    if gov is None:
        return None
    if gov.tag_ == "VBG" and gov.dep_ == "pcomp" and gov.head.head.lemma_.lower() in rules()["accusation_verbs"]:
        return "past"  # "is accused of killing her on April 9": what was done before
    if gov.tag_ == "VBN" and any(c.lower_ == "than" for c in gov.children):
        # "found more damage than expected in February": the comparison has no time of its own, the clause has
        host = gov.head if gov.head.pos_ in ("VERB", "AUX") else _verb_of(gov.head)
        return _verb_tense(host) if host is not None and host.i != gov.i else None
    if gov.pos_ in ("VERB", "AUX"):
        if _WEEKDAY.search(span.text) and _arranged_in_the_past(gov):
            return "future"  # "agreed to meet on Friday": a day arranged in the past is mostly still ahead
        return _verb_tense(gov)
    if span.root.dep_ == "poss" and gov.pos_ in ("NOUN", "PROPN"):
        # "an injury during Sunday's game occurred": a day's event takes the tense of the verb the noun hangs off
        verb = _verb_of(gov)
        return _verb_tense(verb) if verb is not None else None
    if gov.pos_ in ("NOUN", "PROPN"):
        return _tense_through_noun(span, gov)
    if gov.pos_ == "ADJ" and gov.lemma_.lower() in rules()["future_governors"]:  # "due on Friday"
        return "future"
    if gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "oprd") and gov.head.pos_ in ("VERB", "AUX"):
        return _verb_tense(gov.head)  # "will stay closed through June": the verb's tense
    return None


def _clause_verb(noun: Token) -> Token | None:
    """The finite verb a noun phrase belongs to, through prepositions and gerunds ("split off after voting for
    secession in a January referendum" → "split")."""
    tok = _verb_of(noun)
    for _ in range(4):
        if tok is None or tok.tag_ != "VBG" or tok.dep_ not in ("pcomp", "pobj", "advcl", "acl"):
            return tok
        head = tok.head
        while head.head.i != head.i and (head.pos_ == "ADP" or head.dep_ == "prep"):
            head = head.head
        tok = head if head.pos_ in ("VERB", "AUX") else _verb_of(head)
    return tok


def _tense_through_noun(span: Span, noun: Token) -> str | None:
    """A date hanging off a noun ("a January referendum", "since his arrest on June 21"): "since" on the way up
    makes it past; a past-tense verb the noun phrase belongs to makes it past ("voted in a January
    referendum"), unless that verb can announce what is still to come ("announced a referendum in January":
    ``noun_dates_not_past``); a present perfect does not ("has set a May 10 deadline"); "after" on the way up
    makes it past unless the clause looks ahead; otherwise no tense (the nearest)."""
    tok, after = span.root, False
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
        if tok.lower_ == "since" and tok.dep_ == "prep":
            return "past"
        after = after or tok.lower_ == "after" and tok.dep_ == "prep"
    verb = _clause_verb(noun)
    if after and (verb is None or _verb_tense(verb) != "future"):
        return "past"  # "remains in jail after his June 21 arrest": before the time the clause is at
    r = rules()
    if verb is None or verb.lemma_.lower() in set(r["noun_dates_not_past"]) | set(r["future_governors"]):
        return None
    simple_past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in verb.children if a.dep_ in ("aux", "auxpass"))
    # (only the simple past: "the judge has given him a May 10 deadline" looks ahead)
    return "past" if simple_past and _verb_tense(verb) == "past" else None


SKIP_DEPS = {"conj", "cc", "parataxis", "advcl", "relcl", "appos"}


def clause_of(span: Span) -> tuple[int, int]:
    """Character offsets of the clause a temporal expression dates: the governing verb (or event noun) with its
    dependents, without coordinated or adverbial clauses that do not contain the expression."""
    sent = span.sent
    gov = _governor(span)
    head = None
    if gov is not None:
        if gov.pos_ in ("NOUN", "PROPN") and len(list(gov.subtree)) >= 4:
            head = gov
        else:
            head = gov
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            if head.dep_ in ("relcl", "acl") and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head
    if head is None:
        return sent.start_char, sent.end_char
    keep = set()
    stack = [head]
    while stack:
        tok = stack.pop()
        keep.add(tok.i)
        for child in tok.children:
            if child.dep_ in SKIP_DEPS and not (child.left_edge.i <= span.start and span.end - 1 <= child.right_edge.i):
                continue
            stack.append(child)
    keep |= set(range(span.start, span.end))
    lo, hi = min(keep), max(keep)
    doc = span.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ in ("cc", "mark")):
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def extract_dates(
    doc: Doc,
    source: Source,
    sentences: tuple[Sentence, ...],
    reference: dt.date | None,
    reference_origin: str = "published",
) -> tuple[DateMention, ...]:
    """Every temporal expression of ``doc`` (a parse of ``source.text``), normalised against ``reference``.

    ``reference_origin`` ("published" or "story") is recorded in ``resolved_from`` of expressions that depend
    on the reference date; anchored ones ("six days later") record the id of the mention they count from.
    Each expression in turn: where it stands, what it may count from (the mentions before it), its resolution, its
    kind, and the mention.
    """
    sentence_of = {sent.start: i for i, sent in enumerate(doc.sents)}
    mentions: list[DateMention] = []
    background: set[str] = set()  # ids of mentions inside a relative clause
    text = doc.text  # built anew by spaCy on every access: read it once
    for span in candidate_spans(doc):
        shown = _with_preposition(span)
        sent_index = sentence_of.get(span.sent.start, 0)
        paragraph = _paragraph_of(sentences, sent_index)
        anchor, period = _anchor_and_period(span, mentions, sent_index, paragraph, sentences, background)
        res = _resolve(source, span, shown, text, reference, anchor, period, mentions, sent_index, paragraph,
                       sentences)
        kind = _kind_of(res, span, shown)
        resolved_from, anchor_value = _resolved_from(res, anchor, period, reference, reference_origin)
        number = len(mentions) + 1
        if _in_relative_clause(span):
            background.add(f"{source.id}-d{number}")
        mentions.append(_mention(doc, source, span, shown, sent_index, number, res, kind, resolved_from, anchor_value))
    return tuple(mentions)


def _paragraph_of(sentences: tuple[Sentence, ...], index: int) -> int | None:
    """The paragraph of the ``index``-th sentence; None past the sentences the clean stage gave."""
    return sentences[index].paragraph if index < len(sentences) else None


def _anchor_and_period(
    span: Span, mentions: list[DateMention], sent_index: int, paragraph: int | None,
    sentences: tuple[Sentence, ...], background: set[str],
) -> tuple[_Anchor | None, _Anchor | None]:
    """The previous day an expression may count from ("six days later") and the previous period it may compare
    with ("a year earlier" after "the third quarter"), of the same sentence or paragraph."""
    # "… the night of Jan. 7, 1943. ¶ A day later, a maid found him": an "N units later/earlier" of a past or future
    # clause with no day in its own paragraph counts from the last day of the paragraph just before (a narrative goes
    # on across the break; TIDES 2005: the anchor is the time the story is at), not from the publication date
    counted = _AMOUNT_LATER.search(span.text) is not None and tense_of(span) in ("past", "future")
    anchor = _anchor(mentions, sent_index, paragraph, sentences, background=background, carried=counted)
    period = _anchor(mentions, sent_index, paragraph, sentences, _periods_named(span.text), background)
    if period and anchor and anchor.mention.start > period.mention.start and not _NAMES_A_PERIOD.search(span.text):
        period = None  # a day named since: "a year earlier" counts from that day
    elif period and anchor and period.mention.sentence > anchor.mention.sentence and (
            period.date.year != anchor.date.year) and re.search(r"\b\d{4}\b", period.mention.text):
        # "born on February 24, 1955 … In 1984 the Macintosh … One year later": a later sentence writing out
        # another year has moved the story on; the older day is no anchor any more
        anchor = None
    return anchor, period


_AMOUNT_LATER = re.compile(r"\b\w+ (?:days?|weeks?|months?|years?) (?:later|earlier)\b", re.IGNORECASE)


def _resolve(
    source: Source, span: Span, shown: Span, text: str, reference: dt.date | None, anchor: _Anchor | None,
    period: _Anchor | None, mentions: list[DateMention], sent_index: int, paragraph: int | None,
    sentences: tuple[Sentence, ...],
) -> Resolution:
    """The expression ``shown`` normalised against ``reference`` (or the date of the saying that reports it), then
    read again against the weekdays and spans of days the text named before."""
    before, after = _context(shown, span)
    tense = tense_of(span)
    context = (tense, anchor.date if anchor else None, before, after, period.mention.timex if period else None,
               span.sent.text, text)
    res = _normalise_safely(source, shown.text, reference, *context)
    if (story := _story_time_of_past_perfect(res, span, tense, mentions, reference)) is not None:
        res = _read_from(res, _normalise_safely(source, shown.text, story, *context),
                         f"past perfect: before the story's time ({story.isoformat()})")
    if _may_count_from_saying(res, tense) and (
            saying := _dated_saying(span, mentions, sent_index, reference)) is not None:
        res = _read_from(res, _normalise_safely(source, shown.text, saying, *context),
                         f"from the date of the saying ({saying.isoformat()})")
    res = _same_weekday_as_before(res, mentions)
    written = f"the {shown.text}" if re.search(r"\bthe\s+$", before, re.IGNORECASE) else shown.text  # "on the Monday"
    return _weekday_in_range_before(res, written, mentions, sent_index, paragraph, sentences, tense, reference)


def _story_time_of_past_perfect(
    res: Resolution, span: Span, tense: str | None, mentions: list[DateMention], reference: dt.date | None,
) -> dt.date | None:
    """"By July 2001, BackRub had been renamed Google … In March, Schmidt had become the chairman": a month or
    season without a year in a past-perfect clause lies before the time the story is at, the last date with its year
    written named before (the end of it), when that lies in an earlier year than the publication date; None
    otherwise (TIDES 2005: the past perfect places the event before a past reference time, the narrative's)."""
    if res.name not in ("month_without_year", "season") or tense != "past" or reference is None:
        return None
    gov = _governor(span)
    if gov is None or gov.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in gov.children):
        return None
    for m in reversed(mentions):
        if m.kind == "date" and m.value and m.granularity in ("day", "month") and re.search(r"\b\d{4}\b", m.text):
            bounds = interval(m.value)
            return bounds[1] if bounds and bounds[1].year < reference.year else None
    return None


def _read_from(res: Resolution, again: Resolution, why: str) -> Resolution:
    """The expression read again from another date than the reference (``again``: "In March, Schmidt had become …"
    from the story's time, "announced in May that he would leave in June" from the date of the saying), with
    ``why`` added to its rule; ``res`` when it does not resolve from there."""
    if again.value:
        return replace(again, rule=f"{again.rule}, {why}")
    return res


def _may_count_from_saying(res: Resolution, tense: str | None) -> bool:
    """A month or a season in a future clause ("would leave in June") may count from a dated saying."""
    return res.name in ("month_without_year", "season") and tense == "future"


def _kind_of(res: Resolution, span: Span, shown: Span) -> str:
    """The mention's kind: its resolution's, but a date line's date is a "dateline" and a date describing a noun
    ("the 2008 champion") a "modifier"."""
    if res.kind == "date" and _is_dateline(span):
        return "dateline"
    if res.kind == "date" and shown is span and _describes_a_noun(span, res.granularity):
        return "modifier"
    return res.kind


def _resolved_from(
    res: Resolution, anchor: _Anchor | None, period: _Anchor | None, reference: dt.date | None,
    reference_origin: str,
) -> tuple[str, str | None]:
    """What the expression was counted from (the id of a mention, else ``reference_origin``) and that date's value
    (None when it does not depend on one)."""
    if res.anchored and anchor is not None:
        return anchor.mention.id, anchor.date.isoformat()
    if res.from_period and period is not None:  # "a year earlier" after "the third quarter"
        return period.mention.id, period.mention.timex
    return reference_origin, reference.isoformat() if reference and res.relative and res.value else None


def _mention(
    doc: Doc, source: Source, span: Span, shown: Span, sent_index: int, number: int, res: Resolution, kind: str,
    resolved_from: str, anchor_value: str | None,
) -> DateMention:
    """The ``number``-th date mention of ``source``, with its clause and the clause's keywords."""
    clause_start, clause_end = clause_of(span)
    keywords = _keywords(doc.char_span(clause_start, clause_end, alignment_mode="expand") or span.sent, shown)
    return DateMention(
        source=source.id,
        text=shown.text,
        start=shown.start_char,
        end=shown.end_char,
        sentence=sent_index,
        value=calendar_value(res),
        granularity=res.granularity,
        resolved_from=resolved_from,
        rule=res.rule,
        id=f"{source.id}-d{number}",
        kind=kind,
        clause_start=clause_start,
        clause_end=clause_end,
        keywords=keywords,
        timex=res.value,
        type=res.type,
        anchor=anchor_value,
        rule_name=res.name,
        points_to=res.points_to,
    )


def _dated_saying(span: Span, mentions: list[DateMention], sentence: int, reference: dt.date | None) -> dt.date | None:
    """The day after the date of a past saying a "would" clause reports ("announced in May that he would leave
    the show in June", "said on 3 March it would close in April"): the future in the past counts from the saying
    (TIDES 2005: the reported event lies after the time of the report), which the sentence dates before the
    expression; None without such a date (then the clause looks ahead from the publication date)."""
    gov = _governor(span)
    if reference is None or gov is None or not any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in gov.children):
        return None
    said = gov.head if gov.dep_ == "ccomp" else None
    if said is None or said.tag_ not in ("VBD", "VBN") or said.lemma_.lower() not in reporting_verbs():
        return None
    for m in reversed(mentions):
        if m.sentence != sentence or m.kind != "date" or not m.value or m.granularity not in ("day", "month"):
            continue
        if not (said.idx <= m.start < span.start_char or m.end <= said.idx and said.idx - m.end < 40):
            continue  # the date of the saying stands by its verb ("announced in May that …", "on Monday said")
        bounds = interval(m.value)
        if bounds and bounds[1] < reference:
            return bounds[1] + dt.timedelta(days=1)
    return None


def _same_weekday_as_before(res: Resolution, mentions: list[DateMention]) -> Resolution:
    """"… killed last Friday … walking to a Friday evening service": a weekday read without tense (the nearest one)
    that the text has already dated the week before or after is that day."""
    if res.name not in ("weekday", "part_of_day") or "no tense" not in res.rule or not res.value:
        return res
    day = day_of(res.value)
    name = calendar.day_name[day.weekday()].lower()
    for m in reversed(mentions):
        if m.kind == "date" and m.granularity == "day" and m.value and re.fullmatch(r"\d{4}-\d\d-\d\d", m.value) and (
                name in m.text.lower()):  # named by that weekday ("last Friday"), not a date that falls on one
            named = dt.date.fromisoformat(m.value)
            if abs((named - day).days) == 7:
                return replace(res, value=named.isoformat() + res.value[10:],
                               rule=f"{res.rule}; the same weekday the text named before ({named.isoformat()})")
    return res


def _weekday_in_range_before(
    res: Resolution, text: str, mentions: list[DateMention], sentence: int, paragraph: int | None,
    sentences: tuple[Sentence, ...], tense: str | None, reference: dt.date | None,
) -> Resolution:
    """"The fair runs from June 13 to 17 … On the Monday, … on Thursday": a weekday after a span of days named
    before (two weeks at most; ``_span_named_before``) is its day inside that span (TIDES 2005: the weekday is
    anchored to the time the story is at), when the span lies on the side of the publication date the tense points
    to and the story is told before the span ends ("runs from June 13 to 17", told on 2 June); told after it, only
    "the Monday" (the article makes it anaphoric): "On Monday, the union said …" is rather the latest Monday."""
    if res.granularity != "day" or not res.value or reference is None:
        return res
    names = [d for d in calendar.day_name if re.search(rf"\b{d}\b", text, re.IGNORECASE)]
    if len(names) != 1 or re.search(r"\d|\b(?:last|next|this)\b", text, re.IGNORECASE):
        return res
    m = _span_named_before(text, mentions, sentence, paragraph, sentences)
    ends = re.fullmatch(r"(\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)", m.value) if m else None
    if ends is None:
        return res
    first, last = dt.date.fromisoformat(ends[1]), dt.date.fromisoformat(ends[2])
    if not 0 < (last - first).days <= 13 or (tense == "past" and first > reference) or (
            tense == "future" and last < reference):
        return res
    if reference > last and not re.search(r"\bthe\s+\w+day\b", text, re.IGNORECASE):
        return res  # told after the span, "On Monday, the union said …" is more likely the latest Monday
    inside = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)
              if (first + dt.timedelta(days=i)).strftime("%A") == names[0]]
    if len(inside) != 1 or inside[0].isoformat() == res.value[:10]:
        return res
    return replace(res, value=inside[0].isoformat() + res.value[10:],
                   rule=f"{res.rule}; the {names[0]} of the days named before ({m.value})")


def _span_named_before(
    text: str, mentions: list[DateMention], sentence: int, paragraph: int | None, sentences: tuple[Sentence, ...],
) -> DateMention | None:
    """The last span of days (a range) named before a weekday: in its sentence or paragraph; or in an earlier
    paragraph when the weekday is anaphoric ("on the Monday") or follows, in its paragraph, a day already read
    inside that span ("… on the Monday. … on Thursday"). None when the last range before it is no such span."""
    near = lambda m: m.sentence == sentence or (  # noqa: E731
        paragraph is not None and _paragraph_of(sentences, m.sentence) == paragraph)
    ranges = [m for m in mentions if m.kind == "date" and m.granularity == "range" and m.value]
    if not ranges:
        return None
    last = ranges[-1]
    if near(last):
        return last
    bounds = interval(last.value)
    continues = bounds is not None and any(
        near(m) and m.start > last.start and m.granularity == "day" and m.value and bounds[0] <= day_of(m.value) <= bounds[1]
        for m in mentions)
    return last if continues or re.search(r"\bthe\s+\w+day\b", text, re.IGNORECASE) else None


def _is_dateline(span: Span) -> bool:
    """A date line ("27 February 2025", "Published: Thursday 27 February"): no verb in the sentence and the date
    is most of it. A verbless sentence with more words than date ("The offices close at the end of March" when
    the small model reads "close" as an adjective) still dates what it says."""
    words = [t for t in span.sent if not (t.is_punct or t.is_space)]
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    return sum(1 for t in words if not span.start <= t.i < span.end) <= 2


def _describes_a_noun(span: Span, granularity: str | None) -> bool:
    """"the 1950s pin-up star", "the 2008 champion", "a 1917 car": a year, decade or century modifying a noun that
    names a person or thing tells when they were what they are, not when the clause happened ("… has died"); it
    keeps its value but dates no event. One modifying an event noun ("the 2008 election", "Russia's 2014
    annexation", "its 1967 debut") still dates it. Person or thing: a named person or product, a work ("film",
    ``title_words``), or a noun whose first two WordNet senses are all of the classes ``not_dated_nouns``."""
    if granularity not in ("year", "decade", "century"):
        return False
    head = _modified_noun(span)
    if head is None:
        return False
    if head.ent_type_ in ("PERSON", "PRODUCT", "WORK_OF_ART"):
        return True
    lemma = head.lemma_.lower()
    if lemma in rules()["title_words"]:
        return True
    from generator.link import wordnet  # WordNet's noun classes (Debian's wordnet-base); without it, names only

    classes = wordnet.noun_classes(lemma, 2) if wordnet.available() else ()
    return bool(classes) and set(classes) <= set(rules()["not_dated_nouns"])


def _modified_noun(span: Span) -> Token | None:
    """The noun a date stands before as a modifier ("the 1950s pin-up star" → star): by the parse, or, when the
    small model misparses the phrase (it can make "The 1950s" a sentence of its own), the last noun of the run of
    nouns and adjectives right after a date that follows a determiner."""
    doc = span.doc
    outward = [t for t in span if not span.start <= t.head.i < span.end]  # "The" and "1950s" of "The 1950s"
    if outward:
        head = outward[0].head
        if all(t.head.i == head.i and t.dep_ in ("det", "nummod", "compound", "amod", "nmod") for t in outward) and any(
                t.dep_ != "det" for t in outward) and head.i >= span.end and head.pos_ in ("NOUN", "PROPN") and not any(
                t.is_space or t.like_num for t in doc[span.end:head.i]):
            return head
    before = doc[span.start - 1] if span.start > 0 else None
    if not (span[0].dep_ == "det" or span[0].lower_ in ("the", "a", "an") or before is not None and (
            before.dep_ in ("det", "poss") or before.lower_ in ("the", "a", "an"))):
        return None
    head = None
    for tok in doc[span.end:span.sent.end if span.sent.end > span.end else len(doc)]:
        if tok.pos_ in ("NOUN", "PROPN"):
            head = tok
        elif not (tok.pos_ == "ADJ" or tok.text == "-" or tok.i > 0 and doc[tok.i - 1].text == "-"):
            break
    return head


def _normalise_safely(source: Source, text: str, *args: Any) -> Resolution:
    """``normalise``, but an expression no rule can handle (a bug of ours) is left unresolved with a warning
    naming the article, instead of taking the story down."""
    try:
        return normalise(text, *args)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, OverflowError) as exc:
        log.warning("%s: could not read the date %r (%s: %s); left unresolved", source.path, text,
                    type(exc).__name__, exc)
        return Resolution(None, None, "not understood", name="none")


def _context(shown: Span, span: Span) -> tuple[str, str]:
    """The words just before and after an expression, as written, within its sentence (three tokens before:
    "Zoe Anderson, 24,"; "the film 1917"; two after)."""
    doc, sent = span.doc, span.sent
    lo = max(sent.start, shown.start - 3)
    hi = min(sent.end, span.end + 2)
    # (from the tokens, not from doc.text, which spaCy builds anew on every access)
    before = "".join(t.text_with_ws for t in doc[lo:shown.start])
    after = doc[span.end - 1].whitespace_ + doc[span.end:hi].text if hi > span.end else ""
    return before, after


def _keywords(clause: Span, date: Span) -> tuple[str, ...]:
    """Content-word lemmas of a clause, without the date itself and without reporting verbs."""
    ignore = set(rules()["timeline"]["ignore_lemmas"])
    words = set()
    for tok in clause:
        if date.start <= tok.i < date.end or tok.is_stop or not tok.is_alpha or len(tok.text) < 3:
            continue
        if tok.pos_ not in ("NOUN", "PROPN", "VERB", "NUM"):  # adjectives describe; they do not identify
            continue
        if tok.ent_type_ in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
            continue  # names are matched as people and entities, not as words
        lemma = tok.lemma_.lower()
        if lemma in ignore or lemma in rules()["weekdays"] or lemma in rules()["months"]:
            continue
        words.add(lemma)
    return tuple(sorted(words))


@dataclass(frozen=True)
class _Anchor:
    mention: DateMention
    date: dt.date


# Granularities of the periods "a year earlier" and "the same quarter last year" compare with.
PERIODS = ("week", "month", "quarter", "half", "season", "year")
# ("fell 0.7 percent in February from January … for the month": the base a change is measured from is no period
# the story is in, like the bound of "its worst day since 2001")
_BOUND = re.compile(r"(?:since|from)\b", re.IGNORECASE)
# "the same quarter a year ago", "the year-ago half": compared with the last period of that unit named before,
# not with a week named since ("third-quarter loss … Three weeks ago … the same quarter a year ago").
_UNIT_PERIODS = ((re.compile(r"\bquarters?\b", re.I), ("quarter",)), (re.compile(r"\bhalf\b", re.I), ("half",)),
                 (re.compile(r"\bmonths?\b", re.I), ("month",)), (re.compile(r"\bseason\b", re.I), ("season",)))


def _periods_named(text: str) -> tuple[str, ...]:
    """The granularities of the period an expression compares with: the unit it names, else any period."""
    return next((grans for pattern, grans in _UNIT_PERIODS if pattern.search(text)), PERIODS)


# An expression naming a period of its own compares with the period named before even when a day was named since
# ("second-quarter loss … on Friday. In the same period last year"); "a year earlier" counts from that day.
_NAMES_A_PERIOD = re.compile(r"\b(?:period|quarter|half|season|months?)\b", re.IGNORECASE)


# A comparison with the same period a year before ("sales rose in September from a year earlier", "in the
# year-ago period", "the same month last year", "A year earlier, it had lost …" after a quarter): a step aside, not the period the story is in, so no later "the
# month", "the quarter", "the year-earlier quarter" counts from it (dates_conventions.md, round 8).
_COMPARISON = re.compile(r"\b(?:same|comparable|corresponding)\b.*\byear\b|\byear-(?:ago|earlier|before)\b|"
                         r"\b(?:prior|previous)-year\b|^(?:from|than|with|over|versus|vs\.?|against) (?:a|one) year "
                         r"(?:earlier|ago|before)$", re.IGNORECASE)


def _in_relative_clause(span: Span) -> bool:
    """A date in a relative clause ("Toyota, whose output was disrupted in March, …") tells a background fact."""
    return any(t.dep_ == "relcl" for t in span.root.ancestors)


def _anchor(
    mentions: list[DateMention], sentence: int, paragraph: int | None, sentences: tuple[Sentence, ...],
    granularities: tuple[str, ...] = ("day",), background: set[str] | frozenset[str] = frozenset(),
    carried: bool = False,
) -> _Anchor | None:
    """The previous date of one of ``granularities`` (a day unless told) in the same sentence, else in the same
    paragraph (there no period of a relative clause, in ``background``: "Toyota, whose output was disrupted in
    March, …" does not move the story to March; a day there still anchors "at about 7 p.m." after "a crash that
    killed a woman Friday night"), else in the paragraph just before: a period always, a day when ``carried``."""
    for same_sentence in (True, False):
        for m in reversed(mentions):
            if m.kind != "date" or m.granularity not in granularities or not m.value or not m.timex:
                continue
            if granularities != ("day",) and (_BOUND.match(m.text) or _COMPARISON.search(m.text)
                                              or m.rule_name == "same_period"):
                continue  # "its worst day since 2001": the bound of a comparison, not the period the story is in
            if not same_sentence and m.id in background and granularities != ("day",):
                continue
            if same_sentence and m.sentence != sentence:
                continue
            if not same_sentence:
                m_par = _paragraph_of(sentences, m.sentence)
                # a period of the paragraph just before still anchors across the paragraph break (web pages give
                # a paragraph to one or two sentences: "… emitted last year. ¶ Emissions fell 2 percent compared
                # with the year before"); a day only for a ``carried`` count ("A day later" after "the night of
                # Jan. 7, 1943")
                before = ((carried or granularities != ("day",)) and paragraph is not None and m_par is not None
                          and m_par == paragraph - 1)
                if paragraph is None or (m_par != paragraph and not before):
                    continue
            bounds = (day_of(m.value),) if m.granularity == "day" else interval(m.value)
            if bounds:
                return _Anchor(m, bounds[0])
    return None
