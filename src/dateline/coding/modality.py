"""Whether a reported event happened: negation, modals, conditions and governing verbs.

"The coalition had not targeted the convoy" is negated; "a proposal that would allow the
civilians to escape" and "if the army attacks" are hypothetical; "he might have been
killed" is unconfirmed; "planned to attack" has not happened, while "tried to kill" has (as
an attempt). The words are data (``resources/events/modality.toml``); PLOVER calls these
its auxiliary modes (negation, hypothetical, future).
"""

from __future__ import annotations

from typing import Any

from .lexicon import Lexicon
from .syntax import SUBJECTS, is_verbal

Token = Any

NEGATED = "negated"
HYPOTHETICAL = "hypothetical"
UNCONFIRMED = "unconfirmed"


def _negated_here(token: Token, words: frozenset[str], arguments: frozenset[str]) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "preconj") and child.lower_ in words):
            return True
        if child.dep_ in (*SUBJECTS, "dobj", "attr") and _is_nobody(child, arguments):
            return True
    return False


def _is_nobody(token: Token, arguments: frozenset[str]) -> bool:
    if token.lower_ in arguments:
        return True
    det = [c for c in token.children if c.dep_ == "det"]
    if det and det[0].lower_ == "no":
        return True
    return any(
        f"{token.lower_} {c.lower_}" in arguments for c in token.children if c.dep_ == "nummod"
    ) or (token.lower_ == "one" and any(c.lower_ == "no" for c in token.children))


def _modal(token: Token, modals: frozenset[str], unconfirmed: frozenset[str]) -> str | None:
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    for aux in auxes:
        if aux.lower_ in modals:
            perfect = any(a.lemma_ == "have" for a in auxes)
            if perfect and aux.lower_ in unconfirmed:
                return UNCONFIRMED
            return HYPOTHETICAL
        if aux.lower_ == "going" or (aux.lower_ == "to" and token.head.lower_ == "going"):
            return HYPOTHETICAL
    return None


def _definite(token: Token, determiners: frozenset[str]) -> bool:
    """Whether an event noun is definite: "the murder", "this attack", "their kidnapping"."""
    return any(
        (c.dep_ == "det" and c.lower_ in determiners) or c.dep_ == "poss" for c in token.children
    )


def _presupposed(
    token: Token,
    undone_by: frozenset[str],
    nouns: frozenset[str],
    sought_by: frozenset[str] = frozenset(),
    sought_for: frozenset[str] = frozenset(),
) -> str | None:
    """The modality of a definite event noun: set by the nouns it hangs from ("the plans for
    the attack") and by the first verb above it only when that verb undoes it or asks for it
    ("demanded the release of its diplomats", "called for the withdrawal of the troops")."""
    current = token
    for _ in range(4):
        head = current.head
        if head is current or current.dep_ not in ("pobj", "prep", "dobj"):
            return None
        if is_verbal(head):
            lemma = str(head.lemma_).lower()
            if lemma in undone_by:
                return NEGATED
            # its object ("demanded the release"), or "for" ("called for the release"); never
            # "asked about the attack", "called the attack a crime"
            # and only the noun itself, not one it hangs from ("demanding the clarification
            # of the murder": the murder happened)
            direct = current.i in (token.i, token.head.i)
            if direct and current.lower_ == "for" and (lemma in sought_by or lemma in sought_for):
                return HYPOTHETICAL
            sought = current.i == token.i and current.dep_ == "dobj" and lemma in sought_by
            return HYPOTHETICAL if sought else None
        if head.lower_ in nouns:
            return HYPOTHETICAL
        current = head
    return None


def modality_of(token: Token, lex: Lexicon) -> str | None:
    """``negated``, ``hypothetical`` or ``unconfirmed`` for a trigger token; None when the
    text asserts that the event happened (as far as its own clause says)."""
    data = lex.modality
    negation = frozenset(data["negation"]["words"])
    nobody = frozenset(data["negation"]["arguments"])
    hypo = data["hypothetical"]
    modals = frozenset(hypo["modals"])
    unconfirmed = frozenset(hypo["perfect_unconfirmed"])
    conditions = frozenset(hypo["conditions"])
    governors = frozenset(hypo["governors"])
    realised = frozenset(hypo["realised"])
    negating = frozenset(hypo["negating"])
    nouns = frozenset(hypo["nouns"])
    purpose = frozenset(hypo.get("purpose", ()))
    reporting = frozenset(data["reporting"]["verbs"])
    definite = frozenset(data.get("presupposed", {}).get("determiners", ()))
    undone_by = frozenset(data.get("presupposed", {}).get("undone_by", ()))
    sought_by = frozenset(data.get("presupposed", {}).get("sought_by", ()))
    sought_for = frozenset(data.get("presupposed", {}).get("sought_for", ()))

    if token.dep_ == "acomp" and _negated_here(token.head, negation, frozenset()):
        return NEGATED  # "the shop wasn't that damaged": the copula carries the negation
    if is_verbal(token):
        if _negated_here(token, negation, nobody):
            return NEGATED
        found = _modal(token, modals, unconfirmed)
        if found:
            return found
    elif any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return NEGATED
    elif _definite(token, definite):
        # A definite description presupposes its event: "no group has claimed the
        # explosion", "ordered a judge to investigate the murder" deny, doubt or intend
        # something else; the explosion and the murder happened. Only a verb that undoes it
        # ("prevented the attack") or a noun of intention it hangs from ("plans for the
        # attack") says otherwise.
        return _presupposed(token, undone_by, nouns, sought_by, sought_for)

    # Climb the chain of governing clauses: "did not try to kill", "planned to attack",
    # "a plan to attack", "if they attack".
    current = token
    for _ in range(6):
        head = current.head
        if head is current:
            break
        dep = current.dep_
        if dep in ("advcl",) and any(
            c.dep_ == "mark" and c.lower_ in conditions for c in current.children
        ):
            return HYPOTHETICAL
        if (
            dep == "advcl"
            and current.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ in purpose for c in current.children)
        ):
            return HYPOTHETICAL  # "planted a bomb to target the patrol": the aim, not a deed
        if dep in (
            "xcomp",
            "ccomp",
            "dobj",
            "pobj",
            "acl",
            "relcl",
            "advcl",
            "conj",
            "pcomp",
            "prep",
        ):
            lemma = str(head.lemma_).lower()
            if dep == "ccomp" and lemma in reporting:
                break  # reported speech: the claim decides, not the reporting verb's tense
            if dep in ("xcomp", "ccomp", "dobj", "acl", "pcomp", "prep") and is_verbal(head):
                if lemma in negating:
                    return NEGATED
                if lemma in governors and lemma not in realised:
                    return HYPOTHETICAL
            if dep in ("acl", "prep", "pobj") and not is_verbal(head) and head.lower_ in nouns:
                return HYPOTHETICAL
            if dep == "conj" and any(
                c.dep_ in ("aux", "auxpass", *SUBJECTS) for c in current.children
            ):
                break  # "was not party to the deal, and had blocked": its own clause
            if dep in ("xcomp", "ccomp", "conj", "pobj", "dobj", "prep") and is_verbal(head):
                # "not knowing where the bombs were detonated": a denied knowing or saying
                # leaves a clause with its own subject as it is ("failed to kill" does not).
                own_clause = dep == "ccomp" and any(c.dep_ in SUBJECTS for c in current.children)
                if _negated_here(head, negation, frozenset()) and not own_clause:
                    return NEGATED
                found = _modal(head, modals, unconfirmed)
                if found:
                    return found
            if dep == "relcl":
                # "a proposal that would allow": the relative clause's own modal counts, the
                # noun's clause does not.
                break
        else:
            break
        current = head
    return None


def background_of(token: Token, lex: Lexicon) -> bool:
    """Whether a trigger is told as the matter of a legal or investigative act ("charged
    with the murder of X", "the trial for the massacre", "investigating the kidnapping",
    "a murder trial"): a reference to an earlier incident, not a telling of a new one
    (``[background]`` in ``resources/events/modality.toml``). The trigger hangs from such a
    verb or noun through objects and prepositions, at most four links up."""
    data = lex.modality.get("background", {})
    verbs = frozenset(data.get("verbs", ()))
    nouns = frozenset(data.get("nouns", ()))
    links = frozenset(data.get("links", ()))
    if not verbs and not nouns:
        return False
    current = token
    for _ in range(4):
        head = current.head
        if head is current or current.dep_ not in links:
            return False
        if is_verbal(head):
            return str(head.lemma_).lower() in verbs
        if head.lower_ in nouns:
            return True
        current = head
    return False
