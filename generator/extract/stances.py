"""Stances in one parsed source: who demands, rules out, denies, supports … what.

A stance is a cue (a verb such as "demand", a phrasal verb such as "rule out", an adjective after "be" such as
"ready", a predicate such as "non-negotiable", or a reporting verb with a negated complement: "said Ukraine is
not on the agenda") with an actor (the cue's subject) and an issue (the key noun phrase of its object or
complement). Cues are data: ``generator/rules/stances.yaml``.

Rules, and why:

- The actor is the cue's subject. A cue inside the complement of a reporting verb keeps its own subject
  ("Costa said the EU is ready to …" → the EU); a cue inside the complement of another stance cue is not a
  stance of its own ("Lavrov denied that Russia had endorsed the plan" is Lavrov's denial, not Russia's support).
- A participle or infinitive cue with no subject inherits the subject of the verb it hangs from
  ("Russia has praised …, while ruling out …" → Russia rules out).
- Pronouns resolve to the nearest preceding person ("he") or organisation/country ("it", "they"); first-person
  subjects inside a quote are resolved in the link stage through the quote's speaker.
- A speaker named only by a noun ("a department spokesperson") stands for the nearest preceding organisation
  whose name holds one of the noun's modifiers ("US State Department").
- The issue skips light verbs and nouns ("refused to commit to X" → X; "negotiation over the status of five
  regions" → "status of five regions" → head "region"), and "such a plan" takes the fuller "plan" named just
  before it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from generator.model import EntityMention, PersonMention, Sentence, Source, StanceMention
from generator.rules import load_rules
from generator.extract.syntax import clause_between, passive_agents

log = logging.getLogger(__name__)

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
COMPLEMENT_DEPS = ("ccomp", "xcomp")
OBJECT_DEPS = ("dobj", "attr", "oprd", "pobj", "dative")
CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "parataxis")
ACTOR_LABELS = ("ORG", "GPE", "NORP", "FAC", "LOC")
LOOKBACK_SENTENCES = 3


# ----------------------------------------------------------------------------------------------- rules


@lru_cache(maxsize=None)
def rules() -> dict:
    return load_rules("stances")


@lru_cache(maxsize=None)
def word_set(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in rules()[key])


@lru_cache(maxsize=None)
def phrasal_cues() -> dict[tuple[str, str], tuple[str, str]]:
    return {tuple(k.split()): tuple(v) for k, v in rules()["phrasal"].items()}


@lru_cache(maxsize=None)
def predicate_cues() -> tuple[tuple[tuple[str, ...], str], ...]:
    return tuple(sorted(((tuple(k.lower().split()), v) for k, v in rules()["predicates"].items()),
                        key=lambda item: -len(item[0])))


# ----------------------------------------------------------------------------------------------- cues


def _negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)


def _label(pair: Sequence[str], negated: bool) -> str:
    return pair[1] if negated else pair[0]


def cue_of(token: Token) -> tuple[str, str, Token] | None:
    """(label, rule, last cue token) when ``token`` is a stance cue, else None."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound"):
        if token.tag_ == "VBN" and token.dep_ in ("acl", "amod"):
            return None  # "wanted by Moscow on suspicion of …" describes, it states no stance
        for child in token.children:
            if child.dep_ in ("prt", "prep") and (lemma, child.lower_) in phrasal_cues():
                return _label(phrasal_cues()[(lemma, child.lower_)], _negated(token)), "phrasal", child
        verbs = rules()["verbs"]
        if lemma in verbs:
            return _label(verbs[lemma], _negated(token)), "verb", token
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "ROOT", "conj") and token.lower_ in rules()["adjectives"]:
        head = token.head if token.dep_ == "acomp" else token
        if head.lemma_ == "be" or token.dep_ == "ROOT":
            has_complement = any(c.dep_ in ("xcomp", "prep") for c in token.children)
            if has_complement:
                return _label(rules()["adjectives"][token.lower_], _negated(head) or _negated(token)), "adjective", token
    return None


def predicates_of(sent: Span) -> list[tuple[str, Token, Token]]:
    """(label, first, last token) of each stance predicate in the sentence ("non-negotiable", "integral part")."""
    words = [t.lower_ for t in sent]
    found = []
    for phrase, label in predicate_cues():
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == phrase:
                found.append((label, sent[i], sent[i + n - 1]))
    if found:
        return sorted(found, key=lambda item: item[1].i)
    # hyphenated words split by the tokenizer: "non - negotiable"
    text = sent.text.lower()
    for phrase, label in predicate_cues():
        joined = " ".join(phrase)
        at = text.find(joined)
        if at >= 0:
            char = sent.start_char + at
            first = sent.doc.char_span(char, char + len(joined), alignment_mode="expand")
            if first is not None:
                found.append((label, first[0], first[-1]))
    return found


# ------------------------------------------------------------------------------------------ actors


def _governing_clause(token: Token) -> Token:
    """The verb a subjectless participle/infinitive/conjunct takes its subject from."""
    current = token
    for _ in range(6):
        if any(c.dep_ in SUBJECT_DEPS for c in current.children):
            return current
        if current.dep_ in ("advcl", "xcomp", "conj", "acomp", "pcomp") and current.head.i != current.i:
            current = current.head
            continue
        break
    return current


def subject_of(token: Token) -> Token | None:
    verb = token.head if token.dep_ == "acomp" else token
    verb = _governing_clause(verb)
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    return None


def subject_chain(token: Token) -> list[Token]:
    """The cue's subject, and for a subjectless participle ("…, while ruling out X") the subjects of the clauses
    above it, nearest first: the first one that names an actor is the actor."""
    subjects = []
    verb = token.head if token.dep_ == "acomp" else token
    # only a participle clause ("…, while ruling out X") looks past a subject that names no actor
    own = any(c.dep_ in SUBJECT_DEPS for c in verb.children) or not (verb.tag_ == "VBG" and verb.dep_ == "advcl")
    current = verb
    for _ in range(8):
        subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            subjects.append(subject)
            if own:
                break
        if current.head.i == current.i or current.dep_ not in ("advcl", "xcomp", "conj", "acomp", "pcomp", "ccomp"):
            break
        current = current.head
    return subjects


def _phrase_tokens(head: Token) -> list[Token]:
    """The head's noun phrase without clauses hanging from it."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in ("compound", "amod", "det", "poss", "nmod", "case") and child.i < head.i:
            tokens.extend(child.subtree)
    return sorted(tokens, key=lambda t: t.i)


class _Context:
    def __init__(self, doc: Doc, source: Source, sentences: Sequence[Sentence],
                 people: Sequence[PersonMention], entities: Sequence[EntityMention]) -> None:
        self.doc = doc
        self.source = source
        self.sentences = sentences
        # spaCy sometimes tags a known person as an organisation ("Trump last week said …"): a name whose last
        # word is the surname of a person named elsewhere in the article counts as that person.
        surnames = {m.name.split()[-1] for m in people if m.name.split()}
        extra = [PersonMention(source.id, e.text, e.text, e.start, e.end, e.sentence) for e in entities
                 if e.label in ("ORG", "GPE", "NORP") and e.text.split()[-1] in surnames and len(e.text.split()) <= 3]
        self.people = sorted([*people, *extra], key=lambda m: m.start)
        self.entities = sorted(entities, key=lambda m: m.start)
        self.starts = [s.start for s in sentences]

    def sentence_at(self, offset: int) -> int:
        index = 0
        for i, start in enumerate(self.starts):
            if start <= offset:
                index = i
            else:
                break
        return index

    def person_in(self, start: int, end: int) -> PersonMention | None:
        for mention in self.people:
            if mention.start < end and start < mention.end:
                return mention
        return None

    def entity_in(self, start: int, end: int) -> EntityMention | None:
        best = None
        for mention in self.entities:
            if mention.start < end and start < mention.end and mention.label in ACTOR_LABELS:
                if best is None or mention.end - mention.start > best.end - best.start:
                    best = mention
        return best

    def preceding_person(self, offset: int) -> PersonMention | None:
        floor = self.starts[max(0, self.sentence_at(offset) - LOOKBACK_SENTENCES)]
        found = [m for m in self.people if floor <= m.start < offset]
        return found[-1] if found else None

    def preceding_entity(self, offset: int, words: frozenset[str] = frozenset()) -> EntityMention | None:
        floor = self.starts[max(0, self.sentence_at(offset) - LOOKBACK_SENTENCES)]
        found = [m for m in self.entities if floor <= m.start < offset and m.label in ("ORG", "GPE")]
        if words:
            found = [m for m in found if words & {w.lower() for w in m.text.split()}]
        return found[-1] if found else None


def resolve_actor(subject: Token, ctx: _Context) -> list[tuple[str, str, int | None, int | None]]:
    """(text, kind, start, end) for each actor the subject names (conjuncts give several)."""
    heads = [subject] + [t for t in subject.conjuncts if t.i > subject.i]
    actors = []
    for head in heads:
        actor = _resolve_one(head, ctx)
        if actor is not None:
            actors.append(actor)
    return actors


def _resolve_one(head: Token, ctx: _Context) -> tuple[str, str, int | None, int | None] | None:
    word = head.lower_
    first_person = head.pos_ == "PRON" and word in word_set("first_person")
    if head.pos_ == "PRON" or word in word_set("non_actors"):
        if first_person:
            return head.text, "first-person", head.idx, head.idx + len(head.text)
        if word in word_set("person_pronouns"):
            mention = ctx.preceding_person(head.idx)
            if mention:
                return mention.name, "person", mention.start, mention.end
            return None
        expletive = any(c.dep_ in ("ccomp", "xcomp", "acomp") for c in head.head.children) and head.head.lemma_ == "be"
        if word in word_set("group_pronouns") and not expletive:
            mention = ctx.preceding_entity(head.idx)
            if mention:
                return mention.text, "entity", mention.start, mention.end
        return None
    tokens = _phrase_tokens(head)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    person = ctx.person_in(head.idx, head.idx + len(head.text)) or ctx.person_in(start, end)
    if person:
        return person.name, "person", person.start, person.end
    entity = ctx.entity_in(head.idx, head.idx + len(head.text)) or ctx.entity_in(start, end)
    if entity and entity.label == "NORP" and head.pos_ == "NOUN" and not (entity.start <= head.idx < entity.end):
        return ctx.doc.text[entity.start : head.idx + len(head.text)], "entity", entity.start, head.idx + len(head.text)
    if entity:
        return entity.text, "entity", entity.start, entity.end
    if head.pos_ == "NOUN":
        # "a department spokesperson" → the organisation named before whose name holds "department"
        modifiers = frozenset(t.lower_ for t in tokens if t.pos_ in ("NOUN", "PROPN") and t.i != head.i)
        if modifiers:
            mention = ctx.preceding_entity(head.idx, modifiers)
            if mention:
                return mention.text, "entity", mention.start, mention.end
    return None


# ------------------------------------------------------------------------------------------- issues


def _clean_issue(tokens: list[Token]) -> list[Token]:
    leading = word_set("leading_words")
    while tokens and (tokens[0].lower_ in leading or tokens[0].is_punct or tokens[0].pos_ in ("DET", "ADP", "PART", "CCONJ")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in ("ADP", "CCONJ", "DET", "PART")):
        tokens = tokens[:-1]
    return tokens


def _descend(token: Token, depth: int = 0) -> Token | None:
    """The head noun of the issue below a cue, skipping light verbs and light nouns."""
    if depth > 6 or token is None:
        return None
    if token.pos_ in ("VERB", "AUX", "ADJ") or token.dep_ in ("xcomp", "ccomp", "pcomp"):
        objects = [c for c in token.children if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass")]
        if not objects:
            # "commit to X", "ready for X": the object of a preposition
            for prep in (c for c in token.children if c.dep_ in ("prep", "agent")):
                objects.extend(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
        if not objects:
            comps = [c for c in token.children if c.dep_ in COMPLEMENT_DEPS + ("acomp",)]
            if comps:
                return _descend(comps[0], depth + 1)
            if token.pos_ in ("VERB",) and token.lemma_.lower() not in word_set("light_verbs"):
                return token
            return None
        target = objects[0]
        if target.pos_ in ("VERB", "AUX"):
            return _descend(target, depth + 1)
        return _skip_light_noun(target, depth)
    if token.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        return _skip_light_noun(token, depth)
    return None


def _skip_light_noun(noun: Token, depth: int) -> Token:
    if noun.lemma_.lower() in word_set("light_nouns") or noun.lower_ in word_set("light_nouns"):
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "over", "on", "about", "for", "to")):
            for obj in prep.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    if obj.pos_ in ("VERB",):
                        if obj.lemma_.lower() in word_set("light_verbs"):
                            inner = _descend(obj, depth + 1)
                            return inner if inner is not None else obj
                        return obj  # "hope of joining Nato" → "joining Nato"
                    return _skip_light_noun(obj, depth + 1)
    return noun


def issue_tokens(head: Token, clauses: bool = False) -> list[Token]:
    if head.pos_ == "VERB":
        # "joining Nato": the gerund and its object
        tokens = [head] + [t for c in head.children if c.dep_ in ("dobj", "prt") for t in c.subtree]
        return sorted(tokens, key=lambda t: t.i)
    tokens = [head]
    for child in head.children:
        if child.dep_ in ("appos", "punct", "cc", "conj", "advcl"):
            continue
        if child.dep_ in ("relcl", "acl"):
            if clauses and child.i > head.i:
                tokens.extend(t for t in child.subtree if t.dep_ != "punct" or t.i < max(x.i for x in child.subtree))
            continue
        tokens.extend(t for t in child.subtree if not _below_clause(t, head))
    tokens = sorted(set(tokens), key=lambda t: t.i)
    # keep the stretch around the head contiguous
    kept = [head]
    for t in sorted((t for t in tokens if t.i < head.i), key=lambda t: -t.i):
        if t.i == kept[0].i - 1:
            kept.insert(0, t)
    for t in (t for t in tokens if t.i > head.i):
        if t.i == kept[-1].i + 1:
            kept.append(t)
    return kept


def _below_clause(token: Token, head: Token) -> bool:
    """Whether a relative clause, participle clause or apposition stands between ``token`` and ``head``."""
    return clause_between(token, head, ("relcl", "acl", "appos", "advcl"))


def _content_lemmas(tokens: Sequence[Token]) -> tuple[str, ...]:
    lemmas = []
    for t in tokens:
        if t.is_stop or t.is_punct or not t.text.strip() or t.pos_ in ("DET", "ADP", "PRON", "CCONJ", "PART", "AUX"):
            continue
        lemma = t.text if t.pos_ == "PROPN" else t.lemma_.lower()  # names keep their case
        if lemma not in lemmas:
            lemmas.append(lemma)
    return tuple(lemmas)


def _antecedent(head: Token, ctx: _Context) -> Token | None:
    """"such a plan", "this plan": the fuller mention of the same noun in the preceding sentences."""
    if not any(c.lower_ in ("such", "this", "that", "the") for c in head.children):
        return None
    if len([c for c in head.children if c.dep_ in ("amod", "compound", "prep")]) > 0:
        return None
    doc = head.doc
    first_sentence = max(0, ctx.sentence_at(head.idx) - LOOKBACK_SENTENCES)
    floor = ctx.starts[first_sentence]
    for token in reversed(doc[: head.sent.start]):
        if token.idx < floor:
            break
        if token.lemma_ == head.lemma_ and token.pos_ == "NOUN" and len(list(token.children)) > 1:
            return token
    return None


def _key_phrase(head: Token, ctx: _Context) -> tuple[str, int, int, tuple[str, ...], str]:
    antecedent = _antecedent(head, ctx) if head.pos_ == "NOUN" else None
    anchor = antecedent or head
    tokens = _clean_issue(issue_tokens(anchor))
    if (len(_content_lemmas(tokens)) < 2 or anchor.lemma_.lower() in word_set("light_nouns")) and anchor.pos_ == "NOUN":
        tokens = _clean_issue(issue_tokens(anchor, clauses=True))  # "deal that allowed …", not "deal"
    if not tokens:
        tokens = [anchor]
    limit = int(rules()["max_issue_words"])
    words = [t for t in tokens if not t.is_punct]
    if len(words) > limit:
        tokens = _clean_issue([t for t in tokens if t.i <= words[limit - 1].i])
    text = head.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    text = " ".join(re.sub(r"[\[\]“”\"‘]", "", text).split())
    lemma = anchor.text if anchor.pos_ == "PROPN" else anchor.lemma_.lower()
    return text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), _content_lemmas(tokens), lemma


def _claim(cue: Token, last: Token) -> str:
    """The complement of the cue as written, for display: "that Kyiv accept the permanent loss …"."""
    after = [t for c in cue.children if c.i > last.i and c.dep_ not in ("punct", "cc", "conj", "advcl", "npadvmod")
             for t in c.subtree]
    if not after:
        return ""
    after = sorted(set(after), key=lambda t: t.i)
    text = cue.doc.text[after[0].idx : after[-1].idx + len(after[-1].text)]
    words = text.split()
    return " ".join(words[:25]) + (" …" if len(words) > 25 else "")


# --------------------------------------------------------------------------------------------- clause

# What a stance clause leaves out of the complement it is built from: clauses hanging from its words (relative,
# adverbial, appositive, parenthetical) and the punctuation around them. What stays is the core of what the
# actor demands, rules out …, as the sentence words it.
CLAUSE_DROPS = ("relcl", "advcl", "appos", "parataxis", "npadvmod", "dep", "meta")
QUOTE_CHARS = "\"“”"
INDEFINITE = frozenset({"a", "an", "any", "no", "some", "every", "such"})


def _kept(token: Token, root: Token) -> bool:
    """Whether a word of the complement stays in the clause: no dropped clause between it and the root, except
    that all of a bare noun's relative clause stays."""
    dropped = False
    current = token
    while current.i != root.i and current.head.i != current.i:
        if _bare_noun_clause(current):
            dropped = False
        elif current.dep_ in CLAUSE_DROPS:
            dropped = True
        current = current.head
    return not dropped


def _bare_noun_clause(clause: Token) -> bool:
    """A relative clause that says what a bare, indefinite noun is: "any deal that allowed for Ukraine to be pumped
    up" (no other word tells which deal), unlike "five regions that it claims as its own" or "the bailout that …"."""
    noun = clause.head
    determiners = {c.lower_ for c in noun.children if c.dep_ == "det"}
    return clause.dep_ == "relcl" and noun.pos_ == "NOUN" and noun.dep_ not in SUBJECT_DEPS and not any(
        c.dep_ in ("amod", "compound", "prep", "nummod", "poss") for c in noun.children
    ) and determiners <= INDEFINITE  # "the bailout that …" is already the one both sides know


def clause_text(tokens: Sequence[Token]) -> str:
    """Tokens as written (with their spacing), cut to the clause length limit at a word that can end it."""
    words = [t for t in tokens if not (t.is_punct and t.text not in QUOTE_CHARS + "-'’")]
    limit = int(rules()["max_clause_words"])
    cut = len(words) > limit
    words = words[:limit]
    while words and (words[-1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX", "PRON") or words[-1].is_punct):
        words = words[:-1]
        cut = True
    text = "".join(t.text + (" " if t.whitespace_ or (i + 1 < len(words) and words[i + 1].i != t.i + 1) else "")
                   for i, t in enumerate(words)).strip()
    if sum(text.count(q) for q in QUOTE_CHARS) % 2:  # a quotation cut in two: keep the words, not the marks
        text = "".join(ch for ch in text if ch not in QUOTE_CHARS)
    return " ".join(text.split()) + (" …" if cut and text else "")


def stance_clause(label: str, roots: Sequence[Token]) -> str:
    """"rules out any withdrawal from occupied territory": the stance label and its complement as written."""
    tokens = sorted({t for root in roots for t in root.subtree if _kept(t, root)}, key=lambda t: t.i)
    text = clause_text(tokens)
    if not text:
        return label
    if label.endswith(" to") and text.lower().startswith("to "):
        text = text[3:]
    first = tokens[0] if tokens else None
    if first is not None and first.pos_ != "PROPN" and text[:1].isupper() and text[1:2].islower():
        text = text[0].lower() + text[1:]  # "insists the territories are …", not "insists The territories"
    return f"{label} {text}"


def _complement_roots(cue: Token, last: Token) -> list[Token]:
    """The cue's words after it that hold what the stance is about (objects, complements, prepositions)."""
    roots = [c for c in cue.children if c.i > last.i and c.dep_ not in ("punct", "cc", "conj", "advcl", "npadvmod",
                                                                       "parataxis", "mark", "advmod")]
    if last.i != cue.i:
        roots = [c for c in last.children if c.dep_ in ("pobj", "pcomp")] + roots
    return roots


# ---------------------------------------------------------------------------------------------- main


def _inside_stance_complement(token: Token) -> bool:
    """True when a cue sits in the complement of another stance cue ("denied that Russia had endorsed …")."""
    current = token
    while current.head.i != current.i:
        if current.dep_ not in ("ccomp", "xcomp", "dobj", "pobj", "pcomp", "prep", "acomp", "attr"):
            return False  # a subordinate, relative or conjoined clause states its own stance
        current = current.head
        if cue_of(current) is not None:
            return True
    return False


def _hearsay(token: Token) -> Token | None:
    """The verb of fearing, hoping, expecting or claiming whose content holds the cue, if any: what someone else
    fears or claims is not its subject's stance ("European countries fear that Trump will push for a ceasefire"
    says nothing of where Trump stands). Reported speech ("X said that Y demands …") is not hearsay."""
    current = token.head if token.dep_ == "acomp" else token
    while current.head.i != current.i:
        if current.dep_ not in ("ccomp", "xcomp", "acl", "advcl", "conj", "pcomp", "prep", "pobj", "relcl"):
            return None
        came_by = current.dep_
        current = current.head
        # the small model sometimes lemmatizes "hopes" as "hop": the word itself, less a plural "s", counts too
        forms = {current.lemma_.lower(), current.lower_, current.lower_.removesuffix("s")}
        if forms & word_set("hearsay") and came_by in ("ccomp", "xcomp", "acl", "prep"):
            return current  # inside the content of the fear or claim (not a clause merely attached to it)
        if current.lemma_.lower() in word_set("reporting"):
            return None
    return None


def _conditional(token: Token) -> bool:
    """"if Russia is really willing to …" states no stance."""
    clause = token.head if token.dep_ == "acomp" else token
    return any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in clause.children)


def _stance_heads(cue: Token, last: Token) -> list[Token]:
    """Where the issue starts: the cue's object or complement (every conjoined complement counts)."""
    heads = []
    if last.i != cue.i and last.dep_ == "prep":  # "call for X"
        heads.extend(c for c in last.children if c.dep_ in ("pobj", "pcomp"))
    starts = [c for c in cue.children if c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "prep") and c.i > cue.i
              and c.i != last.i]
    objects = [c for c in starts if c.dep_ == "dobj"]
    if len(objects) > 1:  # a verb has one direct object: a second one is a misparse ("as part a peace deal")
        starts = [c for c in starts if c.dep_ != "dobj" or c.i == objects[0].i]
    if any(c.dep_ != "prep" and c.pos_ != "PRON" for c in starts):
        # "ruling out any withdrawal … as part of a peace deal": the object is the issue, the phrase only frames it
        # (a pronoun object keeps the phrase: "blamed him for the invasion")
        starts = [c for c in starts if c.dep_ != "prep"]
    for start in starts:
        if start.dep_ == "prep":
            heads.extend(c for c in start.children if c.dep_ in ("pobj", "pcomp"))
            continue
        heads.append(start)
        if start.dep_ in ("ccomp", "xcomp"):
            heads.extend(c for c in start.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
    return heads


def extract_stances(
    doc: Doc,
    source: Source,
    sentences: Sequence[Sentence],
    people: Sequence[PersonMention],
    entities: Sequence[EntityMention],
) -> tuple[StanceMention, ...]:
    """Every stance the source reports, with its actor as written and the key phrase of its issue."""
    found = _Found(_Context(doc, source, sentences, people, entities))
    for sent in doc.sents:
        for token in sent:
            cue = cue_of(token)
            if cue is not None:
                _cue_stances(token, cue, found)
            else:
                _negated_report_stances(token, found)
        _predicate_stances(sent, found)
    return tuple(sorted(found.stances, key=lambda s: (s.sentence, s.cue_start, s.actor_text, s.issue)))


class _Found:
    """The stances found so far in one source, each (sentence, actor, issue, stance) once."""

    def __init__(self, ctx: _Context) -> None:
        self.ctx = ctx
        self.stances: list[StanceMention] = []
        self._seen: set[tuple] = set()

    def add(self, stance: str, rule: str, cue: Token, last: Token, subject: Token | list[Token] | None,
            issue_head: Token, cue_text: str | None = None, clause: str | None = None) -> None:
        """A stance of the first subject that resolves to an actor, on the key phrase under ``issue_head``."""
        ctx, doc = self.ctx, self.ctx.doc
        if not subject or issue_head is None:
            return
        actors = []
        for candidate in subject if isinstance(subject, list) else [subject]:
            actors = resolve_actor(candidate, ctx)
            if actors:
                break
        if not actors:
            return
        text, start, end, lemmas, head_lemma = _key_phrase(issue_head, ctx)
        if not lemmas:
            return
        sentence = ctx.sentence_at(cue.idx)
        for actor_text, kind, a_start, a_end in actors:
            key = (sentence, actor_text, text, stance)
            if key in self._seen:
                continue
            self._seen.add(key)
            self.stances.append(StanceMention(
                source=ctx.source.id, sentence=sentence, stance=stance,
                cue=cue_text or doc.text[cue.idx : last.idx + len(last.text)], cue_start=cue.idx,
                actor_text=actor_text, actor_kind=kind, actor_start=a_start, actor_end=a_end,
                issue=text, issue_start=start, issue_end=end, issue_lemmas=lemmas, issue_head=head_lemma,
                claim=_claim(cue, last), rule=rule,
                clause=clause if clause is not None else stance_clause(stance, _complement_roots(cue, last)),
            ))


def _cue_stances(token: Token, cue: tuple[str, str, Token], found: _Found) -> None:
    """A stance verb or phrase ("rules out", "supports"): its subject's stance on each thing it governs."""
    if _inside_stance_complement(token) or _conditional(token):
        return
    label, rule, last = cue
    if _passive(token):
        _passive_stances(token, label, rule, last, found)
        return
    subject = subject_chain(token)
    believer = _hearsay(token)
    if believer is not None:
        # only the believer's own stance survives ("Russia claimed …, while ruling out X": Russia)
        subject = [t for t in subject
                   if t.head.i == believer.i or believer.i in {c.i for c in t.head.conjuncts}]
    for start in _stance_heads(token, last):
        head = _descend(start)
        if head is not None:
            found.add(label, rule, token, last, subject, head)


def _passive(token: Token) -> bool:
    """A cue verb in the passive ("the offer was rejected", "Hardy was denied bail")."""
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def _passive_stances(token: Token, label: str, rule: str, last: Token, found: _Found) -> None:
    """A passive cue is the stance of its agent on its subject ("Hardy's offer was rejected by prosecutors": the
    prosecutors reject the offer); with no agent, nobody's ("Hardy was denied a new lawyer" is no stance of
    Hardy's)."""
    agents = passive_agents(token)
    issue = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if agents and issue is not None:
        head = _descend(issue)
        if head is not None:
            found.add(label, rule, token, last, agents, head)


def _negated_report_stances(token: Token, found: _Found) -> None:
    """A reporting verb with a negated complement ("the department said Ukraine is not on the agenda")."""
    if token.lemma_.lower() not in word_set("reporting") or token.pos_ != "VERB":
        return
    for comp in (c for c in token.children if c.dep_ == "ccomp"):
        if _negated(comp) and cue_of(comp) is None and not _has_cue_below(comp):
            inner_subject = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
            if inner_subject is None or inner_subject.lower_ in word_set("non_actors"):
                continue
            found.add(rules()["negated_report"], "negated-report", token, token, subject_of(token),
                      inner_subject, cue_text=token.text,
                      clause=stance_clause(rules()["negated_report_clause"], [comp]))


def _predicate_stances(sent: Span, found: _Found) -> None:
    """Stance predicates ("X is against Y"): the clause's actor on its subject; one such stance per sentence."""
    doc, reporting = found.ctx.doc, word_set("reporting")
    for label, first, last in predicates_of(sent):
        if any(s.rule == "predicate" and s.sentence == found.ctx.sentence_at(first.idx) for s in found.stances):
            break
        clause = next((t for t in [first, *first.ancestors]
                       if any(c.dep_ in SUBJECT_DEPS for c in t.children)
                       and t.lemma_.lower() not in reporting), None)
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None) if clause else None
        if subject is not None:
            actor_token = _predicate_actor(sent, clause)
            if actor_token is not None:
                found.add(label, "predicate", first, last, actor_token, _skip_light_noun(subject, 0),
                          cue_text=doc.text[first.idx : last.idx + len(last.text)],
                          clause=stance_clause(rules()["predicate_clause"], [clause]))


def _has_cue_below(token: Token) -> bool:
    return any(cue_of(t) is not None for t in token.subtree if t.i != token.i)


def _predicate_actor(sent: Span, clause: Token) -> Token | None:
    """Who states a predicate stance: the speaker of the reporting verb around it, else a first-person word."""
    reporting = word_set("reporting")
    candidates = [t for t in clause.ancestors] + [t for t in sent if t.head.i == t.i or t.dep_ in ("parataxis", "ccomp")]
    for token in candidates:
        if token.lemma_.lower() in reporting and token.pos_ == "VERB":
            subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None:
                return subject
    for token in sent:
        if token.lower_ in word_set("first_person") or token.lower_ in ("our", "my"):
            return token
    return None
