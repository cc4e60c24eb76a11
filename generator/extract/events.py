"""Event mentions: the action each dated clause reports, and the main actions of sentences without a date.

An ``EventMention`` is a trigger (the clause's predicate: "met", "said", "talks") with the clause it heads, the
clause's subject (the actor) and its content-word lemmas. The link stage merges reports of the same action across
sources (``link/timeline.py``): dated clauses make timeline events, undated main clauses may join them (an outlet
that reports the talks without saying when).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from generator.extract.dates import SKIP_DEPS
from generator.extract.dates import _keywords as clause_keywords  # one definition of a clause's content words
from generator.model import DateMention, EventMention, Sentence
from generator.rules import load_rules

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# a noun trigger shorter than this ("the fire") is read in the clause of the verb it depends on
MIN_NOUN_CLAUSE = 4


def extract_events(doc: Doc, source_id: str, sentences: Sequence[Sentence],
                   dates: Sequence[DateMention]) -> tuple[EventMention, ...]:
    """The predicate of every dated clause, and the main predicates of the sentences no date expression dates."""
    sents = list(doc.sents)
    out: list[EventMention] = []
    dated_sentences = set()
    for m in dates:
        if m.kind != "date" or not m.value or m.sentence >= len(sents):
            continue
        dated_sentences.add(m.sentence)
        sent = sents[m.sentence]
        start = m.clause_start if m.clause_start is not None else sent.start_char
        end = m.clause_end if m.clause_end is not None else sent.end_char
        head = clause_head(doc, start, end) or sent.root
        event = dated_mention(event_mention(head, source_id, m.sentence), m)
        out.append(replace(event, alternatives=_attached_noun(doc, m, event)))
    for index, sent in enumerate(sents):
        if index in dated_sentences or index >= len(sentences):
            continue
        for head in main_predicates(sent):
            if not head.vocab[head.lemma_.lower()].is_stop:  # "become", "take", "call": too general to tell
                # an event without a date
                out.append(event_mention(head, source_id, index))
    return tuple(sorted(out, key=lambda e: (e.start, e.date or "")))


def _attached_noun(doc: Doc, date: DateMention, event: EventMention) -> tuple[str, ...]:
    """The noun right before a date that the parser hung on the verb: "punish it for its invasion in 2022" may
    date the invasion as well as the punishing (the attachment of a prepositional phrase is ambiguous)."""
    before = [t for t in doc if t.idx + len(t.text) <= date.start][-1:] if date.start > 0 else []
    if not before:
        return ()
    noun = before[0]
    if noun.pos_ != "NOUN" or noun.idx == event.start or not (event.clause_start <= noun.idx < event.clause_end):
        return ()
    return (noun.lemma_.lower(),)


def dated_mention(event: EventMention, date: DateMention) -> EventMention:
    """An event mention dated by ``date``: the clause and content words are those of the dated clause, which
    keeps the part that holds the date ("talks *that began in Saudi Arabia last week*")."""
    return replace(event, date=date.id, keywords=date.keywords,
                   clause_start=date.clause_start if date.clause_start is not None else event.clause_start,
                   clause_end=date.clause_end if date.clause_end is not None else event.clause_end)


def date_of(trigger: Token, dates: Sequence[DateMention]) -> DateMention | None:
    """The date expression that dates ``trigger``: one whose dated clause it heads ("met" in "diplomats met on
    Thursday"), not any word of that clause ("the shooting" in "arrested on Tuesday for the shooting")."""
    doc = trigger.doc
    heads = {trigger.i, _light(load_rules("dates")["timeline"], trigger).i}
    for m in dates:
        if m.kind != "date" or not m.value or m.clause_start is None or m.clause_end is None:
            continue
        if not (m.clause_start <= trigger.idx < m.clause_end):
            continue
        head = clause_head(doc, m.clause_start, m.clause_end)
        if head is not None and {head.i, _light(load_rules("dates")["timeline"], head).i} & heads:
            return m
    return None


def clause_head(doc: Doc, start: int, end: int) -> Token | None:
    """The token of a character span whose head lies outside it (the span's root)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def main_predicates(sent: Span) -> list[Token]:
    """The sentence's root verb, the verbs coordinated with it ("met … and agreed") and the verb of what it
    reports ("TASS said the talks *wrapped up*")."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return []
    others = [c for c in root.children if c.dep_ in ("conj", "ccomp") and c.pos_ == "VERB"]
    reported = _reported_clause(load_rules("dates")["timeline"], root)
    return others if reported is not None else [root] + others  # "…, the paper has learnt": the reported event


def _reported_clause(rules: dict, trigger: Token) -> Token | None:
    """The verb of what a verb of coming to know reports ("the paper has learnt *police launched a search*", "it
    was learned Tuesday that masks *were lost*"); None for any other verb or without a reported clause."""
    if trigger.pos_ not in ("VERB", "AUX") or trigger.lemma_.lower() not in rules["knowledge_verbs"]:
        return None
    return next((c for c in trigger.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)


def _clause_tokens(head: Token) -> list[Token]:
    """The head with its dependents, without the coordinated, adverbial and relative clauses hanging off it."""
    keep = []
    stack = [head]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in SKIP_DEPS)
    return sorted(keep, key=lambda t: t.i)


def _actor(head: Token) -> Span | None:
    """The subject of the trigger's clause (of the governing verb for a noun trigger or a subjectless verb)."""
    tok = head
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
        if subjects:  # the subject's head with the words of its name: "Kremlin spokesman Dmitry Peskov",
            subject = subjects[0]  # not "Russia's" in "Russia's prosecutor general"
            name = [subject] + [c for c in subject.children if c.dep_ in ("compound", "flat")]
            return head.doc[min(t.i for t in name) : max(t.i for t in name) + 1]
        owners = [c for c in tok.children if c.dep_ == "poss"]  # "Putin's speech"
        if owners and tok.pos_ in ("NOUN", "PROPN"):
            return head.doc[owners[0].left_edge.i : owners[0].right_edge.i + 1]
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _light(rules: dict, trigger: Token) -> Token:
    """The event an aspectual or support verb or a light noun stands for: "talks began" → talks, "began talks" →
    talks, "launched an invasion" → invasion, "the first round of talks" → talks, "it was learned that masks were
    lost" → lost (``_reported_clause``); other triggers stand for themselves."""
    lemma = trigger.lemma_.lower()
    reported = _reported_clause(rules, trigger)
    if reported is not None:  # "it was learned Tuesday that masks were lost": the losing
        return _light(rules, reported)
    if trigger.pos_ in ("VERB", "AUX") and lemma in rules["support_verbs"]:  # "launched an invasion"
        nouns = [c for c in trigger.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        if not nouns and trigger.dep_ in ("relcl", "acl") and trigger.head.pos_ == "NOUN":
            nouns = [trigger.head]  # "the talks, held in Istanbul"
        if nouns:
            return nouns[0]
    if trigger.pos_ in ("VERB", "AUX") and lemma in rules["aspectual_verbs"]:
        nouns = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "NOUN"]
        if not nouns and trigger.dep_ in ("relcl", "acl") and trigger.head.pos_ == "NOUN":
            nouns = [trigger.head]  # "talks that began"
        return nouns[0] if nouns else trigger
    if trigger.pos_ == "NOUN" and lemma in rules["light_nouns"]:
        for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"):
            objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            if objects:
                return objects[0]
    return trigger


def event_mention(trigger: Token, source_id: str, sentence: int, date: str | None = None) -> EventMention:
    """The event mention of one trigger token: its lemma, its clause, its actor and the clause's content words."""
    trigger = _light(load_rules("dates")["timeline"], trigger)
    head = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and len(list(trigger.subtree)) < MIN_NOUN_CLAUSE:
        verb = trigger.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            head = verb
    tokens = _clause_tokens(head)
    doc = trigger.doc
    clause = doc[tokens[0].i : tokens[-1].i + 1]
    actor = _actor(trigger)
    return EventMention(
        source=source_id,
        sentence=sentence,
        text=trigger.text,
        start=trigger.idx,
        end=trigger.idx + len(trigger.text),
        lemma=trigger.lemma_.lower(),
        clause_start=clause.start_char,
        clause_end=clause.end_char,
        keywords=clause_keywords(clause, doc[trigger.i : trigger.i]),
        actor_start=actor.start_char if actor is not None else None,
        actor_end=actor.end_char if actor is not None else None,
        date=date,
        pos=trigger.pos_,
    )
