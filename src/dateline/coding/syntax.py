"""Dependency-parse helpers for event coding: noun-phrase bounds, voice, inherited subjects.

spaCy's English parses (ClearNLP labels) put the pieces of an event far apart: the subject
of "bombing" in "the US had blocked the convoy by bombing the road" hangs on "blocked", the
victim of "who was kidnapped" is the noun the relative clause modifies, and "were detained
... and sentenced" shares one passive subject. These helpers find them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from .lexicon import _load

Token = Any  # spacy.tokens.Token

# Punctuation that may stand inside a sentence (anything else with no letter or digit is a
# symbol: "×", "|", "•").
SENTENCE_MARKS = frozenset(",;:()[]\"'-–—./!?…“”‘’&%$€£#*")
SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
OBJECTS = ("dobj", "obj")
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})
ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# Right-hand dependents that stay inside a noun phrase.
_RIGHT_KEEP = ("compound", "flat", "nummod", "nmod")
# Heads whose "of" phrase is part of the name: "group of armed men", "army of national liberation".
GROUP_HEADS = frozenset(
    {
        "group",
        "groups",
        "member",
        "members",
        "army",
        "front",
        "movement",
        "command",
        "unit",
        "units",
        "column",
        "squad",
        "squads",
        "band",
        "gang",
        "cell",
        "faction",
        "forces",
        "force",
        "party",
        "council",
        "union",
        "federation",
        "bloc",
        "brigade",
        "battalion",
        "detachment",
        "ministry",
        "minister",
        "department",
        "office",
        "embassy",
        "headquarters",
        "house",
        "home",
        "residence",
        "president",
        "mayor",
        "governor",
        "leader",
        "chief",
        "head",
        "commander",
        "director",
        "secretary",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "father",
        "mother",
        "nephew",
        "relative",
        "relatives",
        "dozens",
        "hundreds",
        "thousands",
        "scores",
        "tens",
        "dozen",
        "couple",
        "number",
        "bank",
        "branch",
        "building",
        "offices",
        "station",
        "post",
        "system",
        "network",
        "university",
        "school",
        "church",
        "institute",
        "ring",
        "rings",
        "cartel",
        "people",
        "citizens",
        "residents",
        "inhabitants",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "some",
        "several",
        "most",
        "many",
        "all",
        "none",
        "each",
        "stick",
        "sticks",
        "pound",
        "pounds",
        "kilo",
        "kilos",
        "kg",
        "kilogram",
        "kilograms",
        "gram",
        "grams",
        "charge",
        "charges",
        "type",
    }
)


def caseless(doc: Any) -> bool:
    """Whether a text is written without capitals (MUC-4's wire texts): names then look
    like common nouns, and rules that read capitals must not."""
    found = doc.user_data.get("dateline.caseless")
    if found is None:
        letters = [c for c in doc.text[:5000] if c.isalpha()]
        found = bool(letters) and sum(c.isupper() for c in letters) < 0.01 * len(letters)
        doc.user_data["dateline.caseless"] = found
    return bool(found)


def is_verbal(token: Token) -> bool:
    """Whether a token is used as a verb (tagged so, or a participle heading a clause)."""
    return bool(token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"))


def has_passive_marks(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in token.children)


@cache
def _past_only() -> frozenset[str]:
    return frozenset(_load("verb_forms.toml")["past_only"])


@cache
def _lemma_fixes() -> dict[str, str]:
    return dict(_load("verb_forms.toml").get("lemmas", {}))


def lemma(token: Token) -> str:
    """A token's lemma, lower case; a form the shipped model lemmatizes wrongly ("staged" ->
    "stag") by verb_forms.toml [lemmas]."""
    return _lemma_fixes().get(token.lower_) or str(token.lemma_).lower()


@cache
def _blame_nouns() -> frozenset[str]:
    tables = _load("triggers.toml").get("support", [])
    return frozenset(w for t in tables for w in t.get("blame_nouns", []))


def past_only(verb: Token) -> bool:
    """A simple past that is never a past participle ("went", "blew"): active voice."""
    return bool(verb.lower_ in _past_only())


def is_passive(verb: Token) -> bool:
    """Passive voice: its own marks, a reduced relative ("men killed in ..."), or a
    participle coordinated with a passive ("were detained ... and sentenced")."""
    if has_passive_marks(verb):
        return True
    if reduced_relative(verb):
        return True
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and has_passive_marks(verb.head)
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and not children(verb, *OBJECTS)
    ):
        # "three were killed and five wounded": the auxiliary is left out of the second
        # clause, whose subject the parser reads as an active one.
        return True
    if (
        verb.dep_ == "conj"
        and (
            verb.tag_ == "VBN"
            or (verb.tag_ == "VBD" and not children(verb, *OBJECTS) and not past_only(verb))
        )
        and not any(c.dep_ in SUBJECTS or c.dep_ == "aux" for c in verb.children)
    ):
        # "was detained ... and sentenced": the passive of the head or of an earlier conjunct.
        earlier = [c for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i]
        return is_passive(verb.head) or any(has_passive_marks(c) for c in earlier)
    return False


def reduced_relative(verb: Token) -> bool:
    """A past participle that modifies a noun: "the soldiers killed in the attack", "the
    gunman, shot dead by police". The parser tags some of them VBD ("members killed") or
    hangs them on the noun as an apposition; with no subject or object of its own, the
    noun is what the verb acts on."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    return (
        verb.dep_ in ("acl", "appos")
        and verb.tag_ in ("VBN", "VBD")
        and not past_only(verb)
        and verb.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
        and not any(
            c.dep_ in SUBJECTS or c.dep_ in OBJECTS or c.dep_ == "aux" for c in verb.children
        )
    )


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


# Nouns that head a compound preposition with "of" ("as a result of", "in front of").
COMPOUND_PREP_NOUNS = frozenset({"result", "consequence", "part", "course", "front", "vicinity"})


def preps(token: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs under a token: "on the convoy" -> ("on", convoy)."""
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative"):
            for obj in prep.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    yield prep.lower_, obj
                    if obj.lower_ in COMPOUND_PREP_NOUNS:
                        # "as a result of the airstrike", "in the course of the raid", "in
                        # front of the embassy", "in the vicinity of the bank": named as
                        # written, its article too
                        article = [c.lower_ for c in obj.children if c.dep_ == "det"][:1]
                        name = " ".join([prep.lower_, *article, obj.lower_, "of"])
                        for inner in obj.children:
                            if inner.dep_ == "prep" and inner.lower_ == "of":
                                for target in inner.children:
                                    if target.dep_ == "pobj":
                                        yield name, target
                elif obj.dep_ == "prep":  # "out of", "because of"
                    for inner in obj.children:
                        if inner.dep_ == "pobj":
                            yield f"{prep.lower_} {obj.lower_}", inner


def conjuncts(token: Token) -> list[Token]:
    """A head and the heads coordinated with it: "X, Y and Z" -> [X, Y, Z]."""
    found = [token]
    for conj in token.conjuncts:
        if conj.i > token.i and conj.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
            found.append(conj)
    return found


def own_subjects(verb: Token) -> list[Token]:
    return children(verb, *SUBJECTS)


def _symbol_between(subject: Token, subjects: list[Token], verb: Token) -> bool:
    """Whether a symbol that is no punctuation ("×", "|", "•") or a line break stands
    between ``subject`` and another of the verb's subjects nearer to it."""
    doc = verb.doc
    for other in subjects:
        if other is subject or abs(verb.i - other.i) >= abs(verb.i - subject.i):
            continue
        low, high = sorted((subject.i, other.i))
        if any(
            not any(ch.isalnum() for ch in doc[i].text) and doc[i].text not in SENTENCE_MARKS
            for i in range(low + 1, high)
        ):
            return True
    return False


def subject_of(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """The subject heads of a verb and whether they are its grammatical subject in passive
    voice. Subjects are inherited across coordination, control ("tried to kill"), "by"
    gerunds ("by bombing the road"), participial clauses ("..., killing 12") and relative
    clauses ("who was kidnapped" -> the noun modified)."""
    passive = is_passive(verb)
    found = [s for s in own_subjects(verb) if s.dep_ != "expl"]
    if len(found) > 1:
        # Two subjects with a symbol or a line break between them are words of a page's
        # furniture run into the sentence ("Close Skip Ad × Protesters clash with ..."):
        # the subject nearer the verb is the clause's own.
        found = [s for s in found if not _symbol_between(s, found, verb)] or found
    if found:
        heads = []
        for subj in found:
            if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                heads.append(verb.head)
            else:
                heads.append(subj)
        return heads, passive
    if depth > 4:
        return [], passive
    head = verb.head
    if (verb.dep_ in ("relcl", "acl") or reduced_relative(verb)) and head.pos_ in (
        "NOUN",
        "PROPN",
        "PRON",
        "NUM",
    ):
        # "the men who attacked", "the leader killed yesterday" (acl VBN: the noun is acted on)
        return [head], passive
    misparse = (
        passive
        and not is_passive(head)
        and any(c.dep_ == "ccomp" and head.i < c.i < verb.i for c in head.children)
    )
    if verb.dep_ == "conj" and is_verbal(head) and not misparse:
        # A conjunct shares its head's subject ("tried to join ... but was detained"),
        # unless a reported clause sits between them: "reported that X ..., had been
        # killed" belongs to the reported clause, not to the reporter.
        inherited, _ = subject_of(head, depth + 1)
        return inherited, passive
    if verb.dep_ == "ccomp" and has_passive_marks(verb) and is_verbal(head):
        # "she noted 85 fighters ... had been picked off": the parser made the subject
        # of the complement the object of the reporting verb.
        objects = [o for o in children(head, *OBJECTS) if o.i < verb.i]
        if objects:
            return objects, passive
    if verb.dep_ == "xcomp" and is_verbal(head):
        objects = children(head, *OBJECTS)
        if objects and head.lemma_ not in ("promise", "threaten", "vow"):
            return objects, passive  # "forced him to accompany them"
        inherited, _ = subject_of(head, depth + 1)
        return inherited, passive
    if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and is_verbal(head):
        inherited, head_passive = subject_of(head, depth + 1)
        # "a bomb exploded, killing 12": the subject of the main clause is the cause.
        return inherited, passive if verb.tag_ == "VBG" else head_passive
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and is_verbal(head)
        and not is_passive(head)
    ):
        # "rallied on Tuesday to demand reforms": a purpose clause's doer is the main
        # clause's subject (a passive one is acted on, not the doer: "were arrested to ...").
        inherited, _ = subject_of(head, depth + 1)
        return inherited, passive
    if verb.dep_ == "pcomp" and head.dep_ in ("prep", "agent") and is_verbal(head.head):
        inherited, _ = subject_of(head.head, depth + 1)
        return inherited, passive
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if auxes and auxes[0].i > 0:
        # The parser lost the subject ("..., some 40 fighters have been killed"): the noun
        # right before the auxiliaries, from the start of its coordination.
        before = verb.doc[auxes[0].i - 1]
        if before.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and before.dep_ not in ("pobj", "dobj"):
            while before.dep_ == "conj" and before.head.i < before.i:
                before = before.head
            return [before], passive
    return [], passive


def np_bounds(head: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the noun phrase of ``head``: its left modifiers, and an
    "of" phrase when the head is a group, a title or a quantity; no relative clause,
    apposition or coordination; a leading article dropped."""
    start = head.i
    end = head.i + 1
    for child in head.lefts:
        if child.dep_ in ("punct", "cc", "preconj", "appos", "relcl", "acl", "advmod", "conj"):
            continue
        start = min(start, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in _RIGHT_KEEP:
            end = max(end, child.right_edge.i + 1)
        elif (
            child.dep_ == "prep"
            and child.lower_ == "of"
            and (head.lower_ in GROUP_HEADS or head.lemma_ in GROUP_HEADS or head.like_num)
        ):
            objs = children(child, "pobj")
            if objs and objs[0].lemma_.lower() not in _blame_nouns():
                # "accused the army of involvement in": the blame, not the army's name
                _, obj_end = np_bounds(objs[0])
                end = max(end, obj_end)
    doc = head.doc
    start, end = _same_line(doc, head, start, end)
    while start < head.i and (doc[start].lower_ in ARTICLES or doc[start].is_punct):
        start += 1
    while end - 1 > head.i and doc[end - 1].is_punct:
        end -= 1
    return start, end


def _same_line(doc: Any, head: Token, start: int, end: int) -> tuple[int, int]:
    """Bounds cut at line breaks around the head: a phrase never spans two lines, nor
    starts in a wire header ("ABUJA/N'DJAMENA: Nigerian jets")."""
    for i in range(head.i - 1, start - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            start = i + 1
            break
    for i in range(start, head.i):
        if doc[i].text in (":", "\u2014", "\u2013", "-") and is_header(doc, i):
            start = i + 1
    for i in range(head.i, end):
        if "\n" in doc[i].whitespace_ or (i > head.i and "\n" in doc[i].text):
            end = i + 1 if "\n" in doc[i].whitespace_ else i
            break
    return start, end


def core_bounds(head: Token) -> tuple[int, int]:
    """Token bounds of the core of a noun phrase: a name (its entity) or the head with its
    adjacent compounds and adjectives ("explosive charges", "armed men")."""
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"):
        doc = head.doc
        start = head.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = head.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        start, end = _same_line(doc, head, start, end)
        while start < head.i and (doc[start].lower_ in ARTICLES or doc[start].is_punct):
            start += 1
        while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].lower_ == "'s"):
            end -= 1
        return start, end
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.i == start - 1 and child.dep_ in ("compound", "amod", "nmod"):
            start = child.left_edge.i if child.left_edge.i < start else child.i
        else:
            break
    doc = head.doc
    start, _ = _same_line(doc, head, start, head.i + 1)
    while start < head.i and (doc[start].lower_ in ARTICLES or doc[start].is_punct):
        start += 1
    return start, head.i + 1


HEADER_MAX = 200  # characters of a wire header line before its colon or dash
_HEADER = re.compile(r"[A-Z][A-Z'\u2019./ -]*[A-Z.](?: \([A-Za-z]+\))?\s*[:\u2013\u2014-]")


def is_header(doc: Any, i: int) -> bool:
    """Whether token ``i`` (a colon or a dash) ends a wire header at the start of its line:
    "ABUJA/N'DJAMENA:", "KABUL (AFP) -".

    The line is read back from the token, never from ``doc.text`` (which spaCy rebuilds
    from every token on each access: once per call made a long article quadratic); a line
    longer than ``HEADER_MAX`` characters before the token is no header.
    """
    parts = [doc[i].text]
    length = 0
    for j in range(i - 1, -1, -1):
        piece = doc[j].text_with_ws
        cut = piece.rfind("\n")
        if cut >= 0:
            parts.append(piece[cut + 1 :])
            break
        length += len(piece)
        if length > HEADER_MAX:
            return False
        parts.append(piece)
    return bool(_HEADER.fullmatch("".join(reversed(parts))))


def char_bounds(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens [start, end)."""
    first = doc[start]
    last = doc[end - 1]
    return first.idx, last.idx + len(last.text)


def clause_bounds(token: Token) -> tuple[int, int]:
    """Character bounds of the clause a trigger heads: its subtree without embedded clauses
    that report ("said Thursday" stays out of "killed" when "killed" is the complement)."""
    left = token.left_edge.i
    right = token.right_edge.i + 1
    return char_bounds(token.doc, left, right)


def modifiers(token: Token) -> list[str]:
    """Lower-case compound, adjective, possessive and name modifiers of a noun."""
    found = []
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod", "nummod"):
            found.append(child.lower_)
            found.append(child.lemma_.lower())
    return found


ORDINAL_MORE = frozenset({"second", "third", "fourth", "fifth", "new"})


def one_more(head: Token) -> bool:
    """Whether a noun is told as one more of its kind: "another bomb", "other attacks" (not
    "the other victim", which points back)."""
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
    if any(c.lower_ == "another" for c in head.children):
        return True
    if dets <= {"a", "an"} and any(
        c.lower_ in ORDINAL_MORE and c.dep_ == "amod" for c in head.children
    ):
        return True  # "a second device", "a third bomb" (not "the second bomb")
    return not dets and any(c.lower_ == "other" and c.dep_ == "amod" for c in head.children)
