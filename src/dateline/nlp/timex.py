"""The temporal-expression grammar: word lists and rules read from ``resources/times``.

``Grammar.candidates`` runs every rule's regular expression over a text and returns the
matches; the spaCy component checks them against the parse (``components.find_times``) and
``Grammar.select`` keeps the longest of overlapping ones. The grammar knows only text, so it
can be tested without a model. What the matches mean is ``timenorm``'s work.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ..errors import ConfigError

LEXICON = "resources/times/lexicon.toml"
RULES = "resources/times/rules.toml"

# Whitespace inside an expression: any run of spaces with at most one line break, so that an
# expression never runs across a blank line (a new paragraph).
_WS = r"(?:[^\S\n]*\n[^\S\n]*|[^\S\n]+)"
_WS_OPT = r"(?:[^\S\n]*\n?[^\S\n]*)"
_MACRO = re.compile(r"\{([a-z_]+)\}")
# A match must start and end on word boundaries; a number after a currency sign is money.
_BEFORE = r"(?<![\w$£€¥])"
_AFTER = r"(?!\w)"
_SECOND = "_2"
# The words of a text, for the rules' ``needs``; "digit" stands for any digit.
_WORDS = re.compile(r"[a-z]+|[0-9]")


def normal_form(text: str) -> str:
    """The lookup key of a word-list form: lower case, no dots, plain apostrophes, single
    spaces."""
    return " ".join(text.lower().replace(".", " ").replace("’", "'").split())


def _without_weekday(m: Match) -> Match | None:
    """ "about 11:40 a.m. Saturday, March 14": a date whose leading weekday went to a clock
    time keeps its month and day."""
    if "weekday" not in m.groups or "month" not in m.groups or "day" not in m.groups:
        return None
    groups = {n: g for n, g in m.groups.items() if n != "weekday"}
    start = min(g[0] for g in groups.values())
    return Match(m.rule, start, m.end, groups)


# A day of the month inside a list's tail (", 8 and 9").
_LIST_DAY = re.compile(r"[0-9]{1,2}(?:st|nd|rd|th)?(?![0-9])")
# An hour inside a list of clock hours (", 11, 12 and ").
_LIST_HOUR = re.compile(r"(?<![0-9])[0-9]{1,2}(?![0-9])")


@dataclass(frozen=True)
class Rule:
    """One rule of rules.toml, compiled."""

    name: str
    kind: str
    type: str
    regex: re.Pattern[str]
    priority: int
    checks: tuple[str, ...] = ()
    reject: re.Pattern[str] | None = None
    is_range: bool = False
    # A list of days after a month ("May 7, 8 and 9"): one expression a day (group "more").
    is_list: bool = False
    # A period named by a day after it ("the week ended Feb. 14"): two expressions cut at the
    # group "to", the first taking the second's day (rules.toml ``lend``).
    lends: bool = False
    # Sets of words of which one must all occur in a text for the rule to be tried on it.
    needs: tuple[frozenset[str], ...] = ()


@dataclass
class Match:
    """A rule's match in a text: its extent and the text of each named group that took part."""

    rule: Rule
    start: int
    end: int
    groups: dict[str, tuple[int, int]] = field(default_factory=dict)

    def group_text(self, text: str, name: str) -> str | None:
        span = self.groups.get(name)
        return None if span is None else text[span[0] : span[1]]


@dataclass(frozen=True)
class Expression:
    """A temporal expression found in a text, ready to be resolved (``timenorm.resolve``).

    ``fields`` holds the text of each named group; ``pair`` is shared by the two ends of a
    range written as one ("Aug. 29-31").
    """

    start: int
    end: int
    rule: str
    kind: str
    type: str
    fields: Mapping[str, str]
    pair: int | None = None


class Lexicon:
    """The word lists of lexicon.toml, looked up by normalised form."""

    def __init__(self, tables: Mapping[str, Any]):
        self.tables = dict(tables)
        self._maps: dict[str, dict[str, Any]] = {}
        for name, table in self.tables.items():
            if isinstance(table, dict) and "forms" not in table:
                self._maps[name] = {normal_form(str(k)): v for k, v in table.items()}

    def forms(self, name: str) -> list[str]:
        """Every form of a word list, as written in the file."""
        table = self.tables.get(name)
        if table is None:
            raise ConfigError(f"{LEXICON}: no word list [{name}]; add it or fix the rule")
        if isinstance(table, dict) and "forms" in table:
            return [str(f) for f in table["forms"]]
        if isinstance(table, dict):
            return [str(k) for k in table]
        raise ConfigError(f"{LEXICON}: [{name}] is not a word list")

    def lookup(self, name: str, text: str | None) -> Any:
        """The value of ``text`` in word list ``name``, or None."""
        if text is None:
            return None
        return self._maps.get(name, {}).get(normal_form(text))

    @functools.cache  # noqa: B019 - one Lexicon per process, kept for its lifetime
    def words(self, name: str) -> frozenset[str]:
        """The normalised forms of a word list, for membership tests."""
        return frozenset(normal_form(f) for f in self.forms(name))

    def get(self, name: str) -> Any:
        return self.tables.get(name)


# A match that stops inside a hyphenated comparison word is not an expression.
_RUNS_ON = re.compile(r"-(?:earlier|ago)\b")


def lower_text(text: str) -> str:
    """``text`` in lower case, with the same length (the rules match lower-case text)."""
    # A typographic apostrophe reads as the plain one ("St. Patrick’s Day"); same length.
    low = text.lower().replace("’", "'")
    if len(low) == len(text):
        return low
    # A few characters lower to two ("İ"): keep those as they are, so that offsets hold.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text).replace("’", "'")


def lower_pattern(pattern: str) -> str:
    """A regular expression with its literal letters in lower case (escapes kept)."""
    out = []
    escaped = False
    for n, char in enumerate(pattern):
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "P" and pattern[n - 2 : n] == "(?":
            out.append(char)
        else:
            out.append(char.lower())
    return "".join(out)


def _alternation(forms: Iterable[str]) -> str:
    """A non-capturing alternation of word-list forms, longest first."""
    parts = []
    for form in sorted({f.lower() for f in forms}, key=lambda f: (-len(f), f)):
        pieces = [re.escape(word) for word in form.split()]
        pattern = _WS.join(pieces)
        if form.endswith("."):
            pattern = pattern[: -len(re.escape("."))] + r"\.?"
        parts.append(pattern)
    return "(?:" + "|".join(parts) + ")"


def _spaces(pattern: str) -> str:
    """A rule pattern with its literal spaces turned into whitespace runs."""
    return pattern.replace(" ?", _WS_OPT).replace(" ", _WS)


class Grammar:
    """The compiled rules and the lexicon they use."""

    def __init__(self, lexicon: Mapping[str, Any], rules: Mapping[str, Any]):
        self.lexicon = Lexicon(lexicon)
        self.macros = {str(k): str(v) for k, v in rules.get("macros", {}).items()}
        self.rules = [self._compile(n, spec) for n, spec in enumerate(rules.get("rule", []))]

    @classmethod
    @functools.cache
    def load(cls) -> Grammar:
        """The grammar shipped in resources/times (read and compiled once per process)."""
        root = resources.files("dateline")
        lexicon = tomllib.loads(root.joinpath(LEXICON).read_text("utf-8"))
        rules = tomllib.loads(root.joinpath(RULES).read_text("utf-8"))
        return cls(lexicon, rules)

    def _expand(self, pattern: str, depth: int = 0) -> str:
        if depth > 5:
            raise ConfigError(f"{RULES}: macros nest too deep in {pattern!r}")

        def replace(m: re.Match[str]) -> str:
            name = m[1]
            if name in self.macros:
                return self._expand(_spaces(self.macros[name]), depth + 1)
            return _alternation(self.lexicon.forms(name))

        return _MACRO.sub(replace, pattern)

    def _compile(self, priority: int, spec: Mapping[str, Any]) -> Rule:
        name = str(spec.get("name", f"rule {priority + 1}"))
        try:
            pattern = self._expand(_spaces(str(spec["pattern"])))
            # Matching lower-cased text is several times faster than re.IGNORECASE.
            regex = re.compile(_BEFORE + "(?:" + lower_pattern(pattern) + ")" + _AFTER)
            rejects = [str(r) for r in spec.get("reject", [])]
            reject = re.compile("|".join(f"(?:{r})" for r in rejects)) if rejects else None
        except (KeyError, re.error) as exc:
            raise ConfigError(f"{RULES}: rule {name!r} does not compile ({exc}); fix it") from exc
        return Rule(
            name=name,
            kind=str(spec["kind"]),
            type=str(spec["type"]),
            regex=regex,
            priority=priority,
            checks=tuple(str(c) for c in spec.get("checks", ())),
            reject=reject,
            is_range=bool(spec.get("range", False)),
            is_list=bool(spec.get("list", False)),
            lends=bool(spec.get("lend", False)),
            needs=self._needs(name, spec.get("needs", ())),
        )

    def _needs(self, rule: str, needs: Iterable[str]) -> tuple[frozenset[str], ...]:
        """The word sets of a rule's ``needs``: each word list's forms, or the word itself."""
        out: list[frozenset[str]] = []
        for need in needs:
            forms = self.lexicon.forms(need) if need in self.lexicon.tables else [need]
            out += [frozenset(_WORDS.findall(form.lower())) for form in forms]
        if any(not words for words in out):
            raise ConfigError(f"{RULES}: rule {rule!r} needs a form without words; fix needs")
        return tuple(out)

    def candidates(self, text: str) -> list[Match]:
        """Every match of every rule in ``text`` (overlapping ones included), ignoring case."""
        low = lower_text(text)
        words = {w if not w.isdigit() else "digit" for w in _WORDS.findall(low)}
        found: list[Match] = []
        for rule in self.rules:
            if rule.needs and not any(need <= words for need in rule.needs):
                continue
            for m in rule.regex.finditer(low):
                if m.end() == m.start():
                    continue
                if rule.reject is not None and rule.reject.fullmatch(" ".join(m[0].split())):
                    continue
                if _RUNS_ON.match(low, m.end()):
                    continue  # "the year-earlier period" is no "the year"
                groups = {
                    name: m.span(name) for name, value in m.groupdict().items() if value is not None
                }
                found.append(Match(rule, m.start(), m.end(), groups))
        return found

    @staticmethod
    def select(matches: Iterable[Match]) -> list[Match]:
        """Non-overlapping matches, longest first (then the rule listed first), in text order."""
        kept: list[Match] = []
        taken: list[tuple[int, int]] = []
        order = sorted(matches, key=lambda m: (m.start - m.end, m.rule.priority, m.start))
        for m in order:
            if any(m.start < end and start < m.end for start, end in taken):
                trimmed = _without_weekday(m)
                if trimmed is None or any(
                    trimmed.start < end and start < trimmed.end for start, end in taken
                ):
                    continue
                m = trimmed
            kept.append(m)
            taken.append((m.start, m.end))
        return sorted(kept, key=lambda m: m.start)

    def expressions(self, text: str, matches: Iterable[Match]) -> list[Expression]:
        """The expressions of selected matches: a range written as one gives its two ends."""
        out: list[Expression] = []
        for m in matches:
            fields = {n: text[s:e] for n, (s, e) in m.groups.items()}
            rule = m.rule
            if rule.is_list and "more" in m.groups:
                lister = self._hour_list if "hour_last" in m.groups else self._day_list
                out += lister(text, m, fields)
                continue
            if rule.lends and "to" in m.groups:
                cut, resume = m.groups["to"]
                day = {n[: -len(_SECOND)]: v for n, v in fields.items() if n.endswith(_SECOND)}
                own = {n: v for n, v in fields.items() if not n.endswith(_SECOND) and n != "to"}
                out.append(Expression(m.start, cut, rule.name, rule.kind, "DATE", own | day))
                out.append(Expression(resume, m.end, rule.name, rule.kind, "DATE", day))
                continue
            if not (rule.is_range and "to" in m.groups):
                out.append(Expression(m.start, m.end, rule.name, rule.kind, rule.type, fields))
                continue
            cut, resume = m.groups["to"]
            first = {n: v for n, v in fields.items() if not n.endswith(_SECOND) and n != "to"}
            second = dict(first)
            second.update({n[: -len(_SECOND)]: v for n, v in fields.items() if n.endswith(_SECOND)})
            out.append(Expression(m.start, cut, rule.name, rule.kind, rule.type, first, m.start))
            out.append(Expression(resume, m.end, rule.name, rule.kind, rule.type, second, m.start))
        return out

    @staticmethod
    def _day_list(text: str, m: Match, fields: dict[str, str]) -> list[Expression]:
        """ "May 7, 8 and 9": the first day with its month, then each further day alone,
        taking month and year from the whole."""
        rule = m.rule
        first = {n: v for n, v in fields.items() if n != "more"}
        end = m.groups["day"][1]
        out = [Expression(m.start, end, rule.name, rule.kind, rule.type, first)]
        lo, hi = m.groups["more"]
        for day in _LIST_DAY.finditer(text, lo, hi):
            rest = dict(first, day=day[0])
            out.append(Expression(day.start(), day.end(), rule.name, rule.kind, rule.type, rest))
        return out

    @staticmethod
    def _hour_list(text: str, m: Match, fields: dict[str, str]) -> list[Expression]:
        """ "at 10, 11 and 1 p.m.": each bare hour alone (with the list's a.m. or p.m. and its
        last hour, from which timenorm reads which half of the day it is in), then the last
        hour with its marker."""
        rule = m.rule
        shared = {n: v for n, v in fields.items() if n in ("ampm", "dpart", "hour_last")}
        lo, hi = m.groups["hour"]
        first = dict(shared, hour=fields["hour"])
        if "qmod" in m.groups:
            # "about 8 and 9 in the morning": the modifier opens the first hour's expression.
            lo = m.groups["qmod"][0]
            first["qmod"] = fields["qmod"]
        out = [Expression(lo, hi, rule.name, rule.kind, rule.type, first)]
        lo, hi = m.groups["more"]
        for hour in _LIST_HOUR.finditer(text, lo, hi):
            rest = dict(shared, hour=hour[0])
            out.append(Expression(hour.start(), hour.end(), rule.name, rule.kind, rule.type, rest))
        last = {n: v for n, v in fields.items() if n not in ("hour", "more", "hour_last")}
        last["hour"] = fields["hour_last"]
        start = m.groups["hour_last"][0]
        out.append(Expression(start, m.end, rule.name, rule.kind, rule.type, last))
        return out

    def find(self, text: str) -> list[Expression]:
        """The expressions of ``text`` by the rules alone (no checks against a parse)."""
        return self.expressions(text, self.select(self.candidates(text)))
