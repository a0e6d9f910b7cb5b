"""Temporal expressions against the parse: which candidates stand, and where their clause looks.

The grammar (``timex``) sees only text. Some readings need the parse: "May" is a month after
"in" but a modal verb in "they may", "2015" is a year in "in 2015" but a count in "2015
people"; and "Thursday" is the past Thursday in "said Thursday" but the next one in "will
meet Thursday". ``mark_times`` runs the grammar over a spaCy Doc, keeps the candidates
whose checks pass, and writes the span group the stage ``dateline.times.v1`` reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Span

from .timenorm import Direction
from .timex import Grammar, Lexicon, Match, normal_form

__all__ = ["EXTENSION", "TIMES", "Checker", "mark_times"]

# The span group the component writes (re-exported by dateline.nlp.components).
TIMES = "dateline.times"
# Span extension holding, per span of the group, the expressions it covers (offsets relative
# to the span's first character, so that they survive spaCy's Doc.from_docs).
EXTENSION = "dateline_timex"
if not Span.has_extension(EXTENSION):
    Span.set_extension(EXTENSION, default=None)

_WORD = re.compile(r"[\w'’.-]+")
_WORD_BEFORE = re.compile(r"(\w+) $")
_QUOTES = frozenset('"“”')
_RELATIVE_AFTER = re.compile(r"\s+(?:that|which)\b")
_QUOTE_AFTER = re.compile(r'(?: ?[0-9]{1,4})?["“”]')


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside a short quotation of its own ("22 april")."""
    opening = max(text.rfind(q, max(0, start - 12), start) for q in _QUOTES)
    if opening < 0:
        return False
    if any(
        w.lower() not in _QUOTED_NAME_OPENERS for w in _WORDS_IN.findall(text[opening + 1 : start])
    ):
        return False  # '"in the last two days"': a phrase quoted, not a date as a name
    # The quotation ends with the date ('"Friday," she replied' is a date quoted).
    closing = _QUOTE_AFTER.match(text, end)
    return closing is not None and not any(q in text[opening + 1 : end] for q in _QUOTES)


# Words a quoted name may open with before its date ('the "22 April" movement', '"the 19th"').
_QUOTED_NAME_OPENERS = frozenset({"the"})
_WORDS_IN = re.compile(r"[^\W\d_]+")


def _lower_case_text(text: str, at: int) -> bool:
    """Whether the text around ``at`` is written all in lower case (as MUC-4's wires are)."""
    window = text[max(0, at - 300) : at + 300]
    return not any(c.isupper() for c in window)


# Groups of an expression counted from the anchor or of a stretch ('"next month"', '"48 hours"',
# '"three weeks ago"'): quoted alone they are words said, never a name.
_COUNTED_GROUPS = frozenset({"rel", "ryrel", "ago", "unit", "dayword", "span", "tonight"})

# Roles a lower-case "march" or "may" takes as a noun, never as a date.
_NOUN_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})
_RANGE_ON = re.compile(r"\s*(?:through|thru|to|until|till|[-–])\s*([A-Z][a-z]+\.?)")
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
_PAST_TAGS = frozenset({"VBD", "VBN"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re"})
# Four-digit numbers below this are years only after a preposition ("in 1723").
OLD_YEAR = 1800
_YEAR_CUES = frozenset({"in", "since", "by", "until", "from", "before", "after", "between"})
_YEAR_CUES |= {"around", "circa", "during", "of", "to", "and", "or", "c"}
# A year is not a year inside these entities ("$2015", "2015 percent").
_NOT_YEAR_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
# A date inside a longer name of these kinds is part of the name ("the 23 March Movement").
_NAME_ENTS = frozenset({"ORG", "FAC", "PRODUCT", "LAW", "WORK_OF_ART"})
# Words right before an expression that decide its direction whatever the tense.
_SINCE = frozenset({"since"})
_TOWARD = frozenset({"to", "until", "till", "for"})
# Words before "the day", "the morning" that make them the day in question ("later in the day").
_NEXT_PERIOD = re.compile(r"(?i)the\s+next\s+(?:week|month|year|weekend)\b")
# Words before "the next year" that make it a stretch ahead ("over the next year").
_STRETCH_WORDS = frozenset(
    {"in", "over", "during", "for", "within", "through", "throughout", "into", "by", "until"}
)
_IN_PERIOD = frozenset(
    {"in", "into", "during", "throughout", "within", "by", "until", "till", "through"}
)


# A house number's street: up to three capitalised words, then the street word.
# "the 1.50% MGS 2027", "a 4% Treasury Stock 2030": a coupon and one to three capitalised words
# before a year name a bond; the year is its maturity, a piece of the name.
_BOND_BEFORE = re.compile(r"[0-9](?:[.,][0-9]+)?\s?%\s+(?:[A-Z][A-Za-z]*\.?\s+){1,3}$")
_ADDRESS = re.compile(r"(?: (?:[NSEW]\. )?[A-Z][A-Za-z'’-]*\.?(?![\w'’-])){2,5}")


# A quarter told before an ordinal that stands for one, and what ends a sentence between them.
_QUARTER_WORD = re.compile(r"\bquarter\b", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“])|\n")


def words_before(text: str, start: int, n: int = 2) -> list[str]:
    """The last ``n`` words before ``start``, lower case, nearest last."""
    window = text[max(0, start - 40) : start]
    return [w.lower().strip(".") for w in _WORD.findall(window)][-n:]


def _cue_before(text: str, start: int, cues: frozenset[str]) -> bool:
    words = words_before(text, start, 2)
    return bool(words) and (words[-1] in cues or " ".join(words) in cues)


def _told_in_past(head: Any) -> bool:
    """Whether a word of planning is itself in the past: "was due", "were expected",
    "had planned" (a past auxiliary or copula), or a past verb ("planned")."""
    if head.tag_ == "VBD":
        return True
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children):
        return True
    return bool(head.dep_ == "acomp" and head.head.tag_ == "VBD")


def _regular_forms(word: str) -> tuple[str, ...]:
    """A word and its regular inflections ("hope": "hopes", "hoped", "hoping")."""
    stem = word[:-1] if word.endswith("e") else word
    return (word, word + "s", stem + "ed", stem + "ing")


def _tokens(sdoc: Any, start: int, end: int) -> Any:
    return sdoc.char_span(start, end, alignment_mode="expand")


class Checker:
    """The checks a rule can name in rules.toml, and the global ones every match passes."""

    def __init__(self, grammar: Grammar):
        lex = grammar.lexicon
        self.lexicon: Lexicon = lex
        self.ambiguous = lex.words("ambiguous_month")
        self.months = lex.words("month")
        self.month_cues = lex.words("bare_month_cues")
        self.counted = lex.words("counted_after_year")
        self.year_blockers = lex.words("year_blockers")
        self.quantity_words = lex.words("rate_amounts")
        self.speed_units = lex.words("speed_units")
        cues = lex.get("future_cues") or {}
        self.future_aux = frozenset(normal_form(w) for w in cues.get("auxiliaries", []))
        self.future_heads = frozenset(cues.get("heads", []))
        # The tagger's lemma is not always right ("hoped" -> "hop"): the regular forms of the
        # heads are known by their spelling too.
        self.future_head_forms = frozenset(
            form for head in self.future_heads for form in _regular_forms(head)
        )
        self.past_when_past = frozenset(cues.get("past_when_past", []))
        self.scheduling = frozenset(cues.get("scheduling", []))
        self.reporting = frozenset(cues.get("reporting", []))
        self.forward = frozenset(cues.get("forward", []))
        self.noun_like_verbs = frozenset(cues.get("noun_like_verbs", []))
        self.refusals = frozenset(cues.get("refusals", []))
        self.sequence = frozenset(cues.get("sequence", []))
        self.ahead_nouns = frozenset(cues.get("ahead_nouns", []))
        self.scheduling_forms = frozenset(
            form for head in self.scheduling for form in _regular_forms(head)
        )
        weekdays = "|".join(re.escape(w) for w in sorted(lex.words("weekday"), key=len))
        # "every Tuesday and": a set of weekdays that a weekday joined to it belongs to.
        self.set_weekdays_before = re.compile(
            rf"\b(?:every|each)\s+(?:{weekdays})s?(?:\s*,\s*(?:{weekdays})s?)*\s*,?\s+(?:(?:and|or)\s+)?$"
        )
        self.name_heads = lex.words("name_heads")
        self.manner_early_verbs = lex.words("manner_early_verbs")
        self.name_openers = lex.words("name_openers")
        self.dated_by_year = lex.words("dated_by_year")
        self.holiday_time_heads = lex.words("holiday_time_heads")
        # Holidays named after their month ("April Fools' Day", "May Day"): such a month is
        # part of the name, not a month of its own ("an April Fools' joke").
        self.month_holidays = tuple(
            sorted(
                (h for h in lex.words("holiday") if h.split()[0] in self.months and " " in h),
                key=len,
                reverse=True,
            )
        )
        self.street_words = lex.words("street_words")
        self.timetable_cues = lex.words("timetable_cues")
        self.period_share = lex.words("period_share")
        self.clause_period_openers = lex.words("clause_period_openers")
        self.clock_nouns = frozenset().union(
            *(
                lex.words(n)
                for n in ("weekday", "weekday_abbr", "day_word", "time_zone", "part_of_day")
            )
        ) | {"hours", "hrs", "h"}
        self.checks: dict[str, Callable[[Any, str, Match], bool]] = {
            "bare_month": self.bare_month,
            "bare_year": self.bare_year,
            "bare_season": self.bare_season,
            "after_prep": self.after_prep,
            "after_at": self.after_at,
            "after_in": self.after_in,
            "after_quantity": self.after_quantity,
            "adverb": self.adverb,
            "not_modifier": self.not_modifier,
            "not_a_thing": self.not_a_thing,
            "opens_clause": self.opens_clause,
            "not_name": self.not_name,
            "after_year_cue": self.after_year_cue,
            "narrated_next": self.narrated_next,
            "not_speed": self.not_speed,
            "not_described": self.not_described,
            "joined_to_set": self.joined_to_set,
            "timetable_cue": self.timetable_cue,
            "quarter_told": self.quarter_told,
        }

    def passes(self, sdoc: Any, text: str, match: Match) -> bool:
        """Whether ``match`` stands: its rule's checks and the global ones.

        ``text`` is ``sdoc.text``, passed along because spaCy rebuilds it on every access.
        """
        if not self.month_ok(sdoc, text, match) or self.in_name(sdoc, text, match):
            return False
        return all(self.checks[name](sdoc, text, match) for name in match.rule.checks)

    # -- global ------------------------------------------------------------------------------------
    def without_manner(self, text: str, match: Match) -> Match:
        """ "the market will close early tomorrow": "early" is how the verb before it is done
        (lexicon ``manner_early_verbs``), not the start of the day; "tomorrow" alone stands."""
        span = match.groups.get("pmod")
        if span is None or span[0] != match.start:
            return match
        if normal_form(text[span[0] : span[1]]) != "early":
            return match
        before = words_before(text, match.start, 1)
        if not before or before[-1] not in self.manner_early_verbs:
            return match
        start = span[1]
        while start < match.end and not text[start].isalnum():
            start += 1
        groups = {k: v for k, v in match.groups.items() if k != "pmod"}
        return Match(match.rule, start, match.end, groups)

    def month_ok(self, sdoc: Any, text: str, match: Match) -> bool:
        """An ambiguous month name ("may", "march") tagged as a verb, or a person's name, is not one."""
        span = match.groups.get("month")
        if span is None:
            return True
        month = text[span[0] : span[1]]
        tokens = _tokens(sdoc, *span)
        if tokens is None:
            return False
        if any(t.ent_type_ == "PERSON" for t in tokens):
            return False
        if normal_form(month) in self.ambiguous and not ({"day", "year"} & set(match.groups)):
            if month.islower() and any(t.dep_ in _NOUN_ROLES for t in tokens):
                return False  # "this march is also scheduled for Friday": the walk
            return not any(t.tag_ in _VERB_TAGS for t in tokens)
        return True

    def in_name(self, sdoc: Any, text: str, match: Match) -> bool:
        """Whether the match lies inside a longer name ("the 23 March Movement")."""
        following = (
            _WORD.match(text, match.end + 1) if text[match.end : match.end + 1] == " " else None
        )
        if (
            following
            and normal_form(following[0]) in self.name_heads
            and (following[0][:1].isupper() or _lower_case_text(text, match.start))
        ):
            return True  # "the 23 March Movement"; in a lower-case wire "the 19 april movement"
        if _quoted(text, match.start, match.end) and not (_COUNTED_GROUPS & set(match.groups)):
            return True  # 'the "22 April" neighbourhood choir': a quoted date names something
        before = _WORD_BEFORE.search(text, max(0, match.start - 12), match.start)
        if (
            before
            and before[1][:1].isupper()
            and text[match.start].isupper()
            and normal_form(before[1]) in self.name_openers
        ):
            return True  # "Bloody Friday"
        tokens = _tokens(sdoc, match.start, match.end)
        if tokens is None:
            return False
        for token in tokens:
            if token.ent_type_ in _NAME_ENTS:
                ent = next((e for e in sdoc.ents if e.start <= token.i < e.end), None)
                if ent is None:
                    continue
                # A name's leading article is no more of it ("the St. Patrick's Day" read as a
                # facility is still the holiday).
                first = ent.start + 1 if sdoc[ent.start].pos_ == "DET" else ent.start
                if first < tokens.start or ent.end > tokens.end:
                    return True
        return False

    # -- named checks ------------------------------------------------------------------------------
    def bare_month(self, sdoc: Any, text: str, match: Match) -> bool:
        """A month without day or year: an ambiguous name needs a capital and a cue before it."""
        span = match.groups["month"]
        month = text[span[0] : span[1]]
        ahead = normal_form(text[span[0] : span[0] + 24])
        if any(
            ahead.startswith(h) and not ahead[len(h) : len(h) + 1].isalnum()
            for h in self.month_holidays
        ):
            return False
        if normal_form(month) not in self.ambiguous:
            return True
        if "pmod" in match.groups:
            return True
        if not month[:1].isupper():
            return False
        if _cue_before(text, match.start, self.month_cues):
            return True
        # "March through November": a month that opens a range of months.
        after = _RANGE_ON.match(text, match.end)
        return after is not None and normal_form(after[1]) in self.months

    def bare_year(self, sdoc: Any, text: str, match: Match) -> bool:
        """A four-digit number is a year unless it counts something ("2015 people")."""
        span = match.groups["year"]
        tokens = _tokens(sdoc, *span)
        if tokens is None:
            return False
        if any(t.ent_type_ in _NOT_YEAR_ENTS for t in tokens):
            return False
        before = words_before(text, match.start, 1)
        # "at 1800" is a clock time, "at the end of 2023" a year: a blocker stands right before
        # the number, not before a phrase that holds it.
        blocker = words_before(text, span[0], 1)
        if blocker and blocker[-1] in self.year_blockers:
            return False
        if int(text[span[0] : span[1]]) < OLD_YEAR and not (before and before[-1] in _YEAR_CUES):
            return False  # "1200 residents", but "in 1723"
        if self._street_address(text, span[1]):
            return False  # "1420 Maple St.", "2210 Harbor Road"
        if _BOND_BEFORE.search(text, max(0, span[0] - 60), span[0]):
            return False  # "the 1.50% MGS 2027": a bond's name
        if tokens.end < len(sdoc) and self._counts(sdoc, tokens.end):
            # "the 2016 elections" is a year; "2016 people" is a count; "the famine of 1984
            # killed" a year before a verb.
            if before and before[-1] in _YEAR_CUES and sdoc[tokens.end].tag_ in ("VBD", "VBZ"):
                return True
            if sdoc[tokens.end].lower_ in self.dated_by_year:
                return True
            # "the company's 2015 results": a possessive is a determiner too.
            return bool(before) and (
                before[-1] in ("the", "its", "their", "his", "her", "this")
                or before[-1].endswith(("'s", "’s"))
            )
        return True

    def _street_address(self, text: str, end: int) -> bool:
        """Whether one to three capitalised words and a street word follow ``end`` ("1205
        Lone Oak Road Lot 12": the street word need not end the capitalised run)."""
        m = _ADDRESS.match(text, end)
        if m is None:
            return False
        words = m[0].split()
        return any(normal_form(w).rstrip(".") in self.street_words for w in words[1:])

    def _counts(self, sdoc: Any, i: int) -> bool:
        """Whether the words from token ``i`` are what a number before them counts."""
        nxt = sdoc[i]
        if nxt.lower_ in self.counted or nxt.tag_ == "NNS":
            return True
        return nxt.tag_ == "JJ" and i + 1 < len(sdoc) and sdoc[i + 1].tag_ == "NNS"

    def bare_season(self, sdoc: Any, text: str, match: Match) -> bool:
        """A season word is a date after a preposition or a modifier, not in "the fall of X"."""
        after = text[match.end : match.end + 5].lower()
        if re.match(r"\s+of\b", after):
            return False
        if "pmod" in match.groups:
            return True
        season = _tokens(sdoc, *match.groups["season"])
        if season is None or season.root.pos_ == "VERB":
            return False  # "the facilities that fall under"
        cues = {
            "in",
            "during",
            "since",
            "until",
            "till",
            "by",
            "through",
            "over",
            "throughout",
            "for",
        }
        cues |= {"before", "after", "this", "that", "last", "next", "early", "late", "mid"}
        words = words_before(text, match.start, 1)
        return bool(words) and words[-1] in cues

    def after_prep(self, sdoc: Any, text: str, match: Match) -> bool:
        """Bare plurals ("for years") and clock times ("at 14:30") need a preposition before."""
        words = words_before(text, match.start, 1)
        if "unit_bare" in match.groups and words and words[-1] in self.quantity_words:
            return False  # "13 million hours of labor": hours counted, no stretch told
        if "unit_bare" in match.groups and re.match(r"\s+of\b", text[match.end : match.end + 4]):
            # "years of war", but not "the hours of operation" (a timetable, no stretch told)
            return not words or words[-1] != "the"
        cues = {"for", "in", "over", "within", "at", "around", "about", "by", "until", "till"}
        cues |= {"from", "before", "after", "since", "during", "past", "of", "to"}
        return bool(words) and words[-1] in cues

    def after_at(self, sdoc: Any, text: str, match: Match) -> bool:
        """A four-digit clock time ("at 0715") needs "at" or a word like it before, and no noun
        after it that it counts or numbers ("about 1000 fighters", "at 1600 Pennsylvania
        Avenue"), unless that noun is a day or a time word ("at 1400 Tuesday")."""
        words = words_before(text, match.start, 2)
        cues = ("at", "around", "about", "until", "till")
        # "at approximately 0900": a hedge may stand between the cue and the clock
        hedged = len(words) == 2 and words[-1] in ("approximately", "roughly") and words[0] in cues
        if not words or (words[-1] not in cues and not hedged):
            return False
        tokens = _tokens(sdoc, match.start, match.end)
        if tokens is None:
            return False
        if tokens.end < len(sdoc):
            after = sdoc[tokens.end]
            if after.pos_ in ("NOUN", "PROPN") and normal_form(after.text) not in self.clock_nouns:
                return False
        return True

    def after_in(self, sdoc: Any, text: str, match: Match) -> bool:
        """ "the day" is a date in "later in the day", not in "the day the war began"."""
        words = words_before(text, match.start, 2)
        head = text[match.start : match.start + 20].lower().split()
        shared = len(head) > 2 and head[1] in self.period_share and head[2] == "of"
        if not shared and not (
            words
            and (
                words[-1] in _IN_PERIOD
                or (len(words) == 2 and words[-1] == "of" and words[0] in self.period_share)
                or self._opens_clause_with_period(text, match.start)
            )
        ):
            return False  # "the rest of the day" (``shared``) is a period after any word
        after = text[match.end : match.end + 12].lower()
        if re.match(
            r"\s+(?:of|when|before|after|since|through|ended|ending|ahead|leading|following)\b",
            after,
        ):
            return False  # "in the week before the vote"
        to = re.match(r"\s+to\s+", after)
        if to is not None:
            # "in the week to Friday" runs to a day, and "warm enough in the day to thaw" is any
            # day; "worked through the night to reach them" (a stretch gone through) goes on to
            # an infinitive (a verb's base form) and keeps the night.
            if not words or words[-1] not in ("through", "throughout"):
                return False
            verb = _tokens(sdoc, match.end + to.end(), match.end + to.end() + 1)
            if verb is None or len(verb) == 0 or verb[0].tag_ != "VB":
                return False
        # "in the day the war began": a relative clause makes it another day.
        tokens = _tokens(sdoc, match.start, match.end)
        return tokens is not None and not any(
            c.dep_ in ("relcl", "acl") for c in tokens.root.children
        )

    def _opens_clause_with_period(self, text: str, start: int) -> bool:
        """ "For the year, the gauge has tallied ...": the period the text is in, after a word
        of ``clause_period_openers`` at the head of a sentence, followed by a comma."""
        lo = max(0, start - 20)
        head = ("\n" if lo == 0 else "") + text[lo:start]
        phrase = re.match(r"\w+\s+\w+,", text[start : start + 30])
        if phrase is None:
            return False
        return any(
            re.search(rf"(?:[.;:!?][\"”’']?\s+|\n\s*){re.escape(form)}\s+$", head, re.I)
            for form in self.clause_period_openers
        )

    def after_quantity(self, sdoc: Any, text: str, match: Match) -> bool:
        """A rate ("$3 million a year", "twice a week") follows an amount, with no comma
        between ("on Nov. 10, a week after the vote" is a stretch after a date)."""
        words = words_before(text, match.start, 1)
        if not words or text[max(0, match.start - 3) : match.start].rstrip().endswith(","):
            return False  # "on 21 July 1972, a day that became known as": an apposition
        word = words[-1].strip("$£€%")
        if word in self.speed_units:
            return False  # "194 kilometres an hour" is a speed
        if word.replace(",", "").replace(".", "").isdigit() or word in self.quantity_words:
            return True
        # "40,000 tents a year", "300 families a day": an amount of a counted noun.
        two = words_before(text, match.start, 2)
        return (
            len(two) == 2
            and (
                two[0].replace(",", "").replace(".", "").isdigit()
                or self.lexicon.lookup("number", two[0]) is not None
            )
            and two[1].endswith("s")
            and two[1].isalpha()
        )

    def timetable_cue(self, sdoc: Any, text: str, match: Match) -> bool:
        """ "staff work from 9 to 5": a word of a working day or an opening among the few words
        before the hours makes two bare numbers hours ("fell from 9 to 5" is a count)."""
        return any(w in self.timetable_cues for w in words_before(text, match.start, 5))

    def quarter_told(self, sdoc: Any, text: str, match: Match) -> bool:
        """ "shrank in the third quarter and will shrink again in the fourth": an ordinal alone is
        a quarter when the sentence told one (its noun, or a "third-quarter" adjective) before it."""
        window = text[max(0, match.start - 150) : match.start]
        ends = list(_SENTENCE_BREAK.finditer(window))
        if ends:
            window = window[ends[-1].end() :]
        return _QUARTER_WORD.search(window) is not None

    def not_speed(self, sdoc: Any, text: str, match: Match) -> bool:
        """ "an hour" after a unit of length is part of a speed ("120 miles an hour")."""
        if text[match.start : match.start + 1].lower() != "a":
            return True
        words = words_before(text, match.start, 1)
        return not (words and words[-1] in self.speed_units)

    def not_described(self, sdoc: Any, text: str, match: Match) -> bool:
        """ "a day that became known as Bloody Friday": a day a relative clause describes is
        the day itself, not a stretch of one day."""
        if text[match.start : match.start + 1].lower() != "a":
            return True
        return _RELATIVE_AFTER.match(text, match.end) is None

    def joined_to_set(self, sdoc: Any, text: str, match: Match) -> bool:
        """ "every Tuesday and Thursday": a weekday joined to the weekday of a set."""
        before = text[max(0, match.start - 60) : match.start].lower()
        return self.set_weekdays_before.search(before) is not None

    def adverb(self, sdoc: Any, text: str, match: Match) -> bool:
        """Frequency words count as sets as adverbs ("meets weekly") and adjectives ("weekly
        talks"), as TimeBank marks them; a noun or a name ("the Daily Star") is no set."""
        tokens = _tokens(sdoc, match.start, match.end)
        if tokens is None:
            return False
        if all(t.pos_ in ("ADV", "ADJ") for t in tokens):
            return True
        # The parse may take a clause-final "weekly" for a noun or a name ("fares rise
        # weekly."); with no determiner before it ("the weekly"), it is the adverb.
        before = sdoc[tokens.start - 1] if tokens.start > 0 else None
        after = sdoc[tokens.end] if tokens.end < len(sdoc) else None
        return (
            len(tokens) == 1
            and tokens[0].text.islower()
            and (after is None or after.is_punct)
            and before is not None
            and before.pos_ not in ("DET", "PRON", "ADP", "ADJ", "NUM")
        )

    def not_modifier(self, sdoc: Any, text: str, match: Match) -> bool:
        """ "the future" is a time, "the future president" is not."""
        tokens = _tokens(sdoc, match.start, match.end)
        if tokens is None:
            return False
        if tokens.end < len(sdoc) and sdoc[tokens.end].lower_ == "of":
            return False  # "this time of year", "the future of the region"
        if tokens.end < len(sdoc) and sdoc[tokens.end].pos_ in ("NOUN", "PROPN"):
            return not text[match.start : match.end].lower().startswith("the ")
        return True

    def not_a_thing(self, sdoc: Any, text: str, match: Match) -> bool:
        """ "at Christmas" is a date, "the Christmas market" a thing: a holiday before a common
        noun that is not a time word ("Easter weekend") modifies it."""
        tokens = _tokens(sdoc, match.start, match.end)
        if tokens is None or tokens.end >= len(sdoc):
            return True
        nxt = sdoc[tokens.end]
        return not (nxt.pos_ == "NOUN" and normal_form(nxt.text) not in self.holiday_time_heads)

    def opens_clause(self, sdoc: Any, text: str, match: Match) -> bool:
        """ "to one day return", "if one day people are": a clause goes on after the match, where
        "sentenced to one day in jail" or "cut to one day." count a stretch."""
        tokens = _tokens(sdoc, match.start, match.end)
        if tokens is None or tokens.end >= len(sdoc):
            return False
        return sdoc[tokens.end].pos_ not in ("ADP", "PUNCT", "CCONJ", "PART", "SPACE")

    def not_name(self, sdoc: Any, text: str, match: Match) -> bool:
        """ "dawn" is a time, "Sunset Boulevard" a name: capitalised inside a sentence it is not."""
        if not text[match.start].isupper():
            return True
        tokens = _tokens(sdoc, match.start, match.end)
        return tokens is not None and tokens[0].is_sent_start

    def after_year_cue(self, sdoc: Any, text: str, match: Match) -> bool:
        """A year in words needs a word like "in" or "since" before it."""
        words = words_before(text, match.start, 1)
        return bool(words) and words[-1] in _YEAR_CUES

    def narrated_next(self, sdoc: Any, text: str, match: Match) -> bool:
        """ "The next year, protests broke out": told in the past and not after a word of a
        stretch ("over the next year"), "the next week/month/year" is the period after the one
        in question, a date; else it is a stretch ahead (a duration, another rule)."""
        if not _NEXT_PERIOD.match(text, match.start, match.end):
            return True
        words = words_before(text, match.start, 1)
        if words and words[-1] in _STRETCH_WORDS:
            return False
        return self.direction(sdoc, match.start, match.end, text) == "past"

    # -- direction ---------------------------------------------------------------------------------
    def direction(
        self, sdoc: Any, start: int, end: int, text: str | None = None
    ) -> Direction | None:
        """Whether the clause of the expression speaks of the past, the present or the future.

        "since" looks back whatever the tense; "postponed to", "adjourned until" forward.
        """
        tokens = _tokens(sdoc, start, end)
        if tokens is None:
            return None
        before = words_before(text if text is not None else sdoc.text, start, 1)
        if before and before[-1] in _SINCE:
            return "past"

        def inside(token: Any) -> bool:
            # A month tagged as a modal ("18 may") is no verb of the clause.
            return bool(tokens.start <= token.i < tokens.end)

        verb = tokens.root
        previous = sdoc[tokens.start - 1] if tokens.start > 0 else None
        if (
            previous is not None
            and previous.lemma_ in self.reporting
            and previous.tag_ in _PAST_TAGS
            and tokens.root.dep_ == "npadvmod"
        ):
            # "said Wednesday the plant would close": wire style puts the day of the saying
            # right after the verb, where the parser often hangs it on the reported clause.
            return "past"
        of_noun = False
        for _ in range(8):
            if (verb.pos_ in ("VERB", "AUX") and not inside(verb)) or verb.head is verb:
                break
            joined = verb.dep_ in ("conj", "appos")
            verb = verb.head
            of_noun = of_noun or (
                verb.pos_ in ("NOUN", "PROPN") and not inside(verb) and not joined
            )
        if verb.pos_ not in ("VERB", "AUX") or inside(verb):
            verb = verb.sent.root
            if verb.pos_ not in ("VERB", "AUX") or inside(verb):
                # A parse without a verb at its root ("On 6 September, President X extradited
                # Y": the verb taken for an adjective): the first finite verb of the sentence.
                finite = next(
                    (t for t in verb.sent if t.tag_ in _FINITE_TAGS and not inside(t)), None
                )
                if finite is None:
                    if verb.tag_ == "NNS" and verb.lower_ in self.noun_like_verbs:
                        return "present"  # "The Senate votes Friday": a verb read as a noun
                    if any(t.lemma_ in self.ahead_nouns for t in tokens.root.ancestors):
                        return "future"  # "A 70 percent chance of storms Saturday night."
                    return None
                verb = finite
        if before and before[-1] in _TOWARD and verb.lemma_ in self.forward:
            return "future"  # "the talks were postponed to May"
        direction = self._verb_direction(verb, 0)
        if direction == "present" and of_noun and normal_form(tokens.text) in self.months:
            # "the statistics for September show", "the September violence is": a month that
            # qualifies a noun is not what a present-tense verb announces (the anchor's year).
            return None
        return direction

    def _future_head(self, token: Any) -> bool:
        """Whether a word looks ahead to what it governs ("plans", "hoped", "due")."""
        return bool(token.lemma_ in self.future_heads or token.lower_ in self.future_head_forms)

    def _backshifted(self, head: Any) -> bool:
        """ "officials said the minister was scheduled to visit on Thursday": a past tense
        inside what a past saying reports stands for the present of the saying."""
        clause = head.head if head.dep_ == "acomp" else head
        return bool(clause.dep_ == "ccomp" and clause.head.lemma_ in self.reporting)

    def _verb_direction(self, verb: Any, depth: int) -> Direction | None:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {normal_form(a.text) for a in auxes}
        if verb.tag_ == "VB" and not auxes and verb.i > 0 and verb.doc[verb.i - 1].lower_ == "to":
            words.add("to")  # "due to open Sunday": the parser may take "to" for a preposition
        if (
            verb.tag_ == "VB"
            and verb.dep_ == "ROOT"
            and not auxes
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
        ):
            return "future"  # an order or a forecast's "Expect clouds Friday"
        if not auxes and verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl", "amod"):
            if verb.lower_ in self.scheduling_forms or verb.lemma_ in self.scheduling:
                return "future"  # "the referendum, slated for Sunday, has divided the country"
            if verb.lemma_ in self.sequence and depth < 3:
                # "followed by highs Saturday": the clause it hangs on tells the direction
                head = verb.head
                while head.pos_ not in ("VERB", "AUX") and head.head is not head:
                    head = head.head
                if head is not verb and head.pos_ in ("VERB", "AUX"):
                    return self._verb_direction(head, depth + 1)
        if "have" in words or "has" in words or "had" in words:
            return "past"  # "will have left", "may have fled"
        if (
            "would" in words
            and verb.lemma_ in self.refusals
            and any(c.dep_ == "neg" for c in verb.children)
        ):
            return "past"  # "Asked Friday, he would not say": a refusal made
        if words & self.future_aux:
            return "future"
        if any(a.tag_ == "MD" for a in auxes) or verb.tag_ == "MD":
            return "future"
        if self._future_head(verb) and (
            verb.tag_ in ("VBZ", "VBP") or (auxes and verb.lemma_ in self.scheduling)
        ):
            return "future"  # "is planned for", "was scheduled for", not "was agreed on"
        if any(
            c.dep_ in ("acomp", "attr", "oprd") and self._future_head(c) for c in verb.children
        ) and verb.tag_ in ("VBZ", "VBP"):
            return "future"  # "elections are due on 24 October"
        if "to" in words and (verb.tag_ == "VB" or (verb.tag_ == "VBN" and "be" in words)):
            # an infinitive, active or passive ("to be buried Saturday")
            head = verb.head
            if head.lemma_ in self.past_when_past and head.tag_ in _PAST_TAGS and depth < 3:
                return self._verb_direction(head, depth + 1)  # "tried to plant it Friday"
            if self._future_head(head) and _told_in_past(head) and not self._backshifted(head):
                # "inspectors were due to visit the site on Sunday but were held up": a plan
                # told in the past; the day is as likely gone as ahead, so no direction.
                return None
            if self._future_head(head) or head is verb or depth > 3:
                return "future"
            return (
                self._verb_direction(head, depth + 1) if head.pos_ in ("VERB", "AUX") else "future"
            )
        if verb.tag_ == "VBG":
            if any(a.tag_ == "VBD" for a in auxes):
                return "past"
            if words & _PRESENT_AUX:
                return "future"
            head = verb.head
            if head.pos_ == "ADP" and head.head is not head:
                head = head.head  # "with a storm arriving late Sunday", "before clearing Saturday"
            if head is not verb and depth < 3 and head.pos_ in ("VERB", "AUX"):
                return self._verb_direction(head, depth + 1)
            return None
        if (
            verb.tag_ == "VBN"
            and words & _PRESENT_AUX
            and not any(a.tag_ in _PAST_TAGS for a in auxes)
        ):
            return "present"  # "the road is closed until Friday"
        if verb.tag_ in _PAST_TAGS or any(a.tag_ in _PAST_TAGS for a in auxes):
            return "past"
        if verb.tag_ in ("VBZ", "VBP"):
            return "past" if verb.lemma_ in self.reporting else "present"
        return None


def mark_times(sdoc: Any, grammar: Grammar | None = None) -> Any:
    """Write the temporal expressions of ``sdoc`` to the span group ``dateline.times``.

    Each span of the group covers whole tokens and carries (``span._.dateline_timex``) the
    expressions inside it, usually one, with their exact offsets, rule, fields and direction.
    """
    grammar = grammar or Grammar.load()
    checker = _checker(grammar)
    text = sdoc.text
    candidates = (checker.without_manner(text, m) for m in grammar.candidates(text))
    matches = [m for m in candidates if checker.passes(sdoc, text, m)]
    expressions = grammar.expressions(text, grammar.select(matches))
    spans: dict[tuple[int, int], Any] = {}
    data: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for expr in expressions:
        span = _tokens(sdoc, expr.start, expr.end)
        if span is None:
            continue
        key = (span.start, span.end)
        if key not in spans:
            spans[key] = Span(sdoc, span.start, span.end, label=expr.type)
            data[key] = []
        base = span.start_char
        data[key].append(
            {
                "start": expr.start - base,
                "end": expr.end - base,
                "rule": expr.rule,
                "kind": expr.kind,
                "type": expr.type,
                "fields": dict(expr.fields),
                "pair": None if expr.pair is None else expr.pair - base,
                "direction": checker.direction(sdoc, expr.start, expr.end, text),
            }
        )
    group = [spans[key] for key in sorted(spans)]
    sdoc.spans[TIMES] = group
    for key, span in zip(sorted(spans), group, strict=True):
        span._.set(EXTENSION, data[key])
    return sdoc


_CHECKERS: dict[int, Checker] = {}


def _checker(grammar: Grammar) -> Checker:
    checker = _CHECKERS.get(id(grammar))
    if checker is None:
        checker = _CHECKERS[id(grammar)] = Checker(grammar)
    return checker
