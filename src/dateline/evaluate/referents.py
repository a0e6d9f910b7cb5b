"""Seed checks of who is who: every mention of a gold actor or person on the right referent.

For each actor and person of the reference reading (``actors``, ``people``), its aliases are
looked up in the text and the captions (whole words, any case; an occurrence inside a longer
alias of another item does not count). Each occurrence is attached to the predicted entity
whose mention covers most of it. Then:

* ``<name>: mentions``: every occurrence of a name or description is a mention of some
  entity; for a person all of them, and at least one occurrence of each pronoun alias
  ("he", "his"), are mentions of the one entity that holds most of them; for an actor no
  entity holding its mentions also holds another gold item's (the split of "Russia" from
  "the Russian Defense Ministry" is allowed, conflating two gold actors is not);
* ``<name>: entry`` (actors): that main entity's canonical name matches the gold canonical
  (loosely: shared content words, a demonym read as its country's name), its actor type or sector fits the gold type (words of
  ``[seed.actor_type_words]`` in eval_maps.toml), and its country is the one country the
  gold names, where it names exactly one and is not multinational;
* ``<name>: referent`` (people): the main entity's canonical or name matches the gold name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..nlp.actor_dictionary import cached_dictionary
from .mappings import eval_maps

PRONOUNS = frozenset(
    [
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "they",
        "them",
        "their",
        "it",
        "its",
        "we",
        "us",
        "our",
    ]
)
Part = int | None  # None: the body text; n: caption n
Occurrence = tuple[Part, int, int]
Result = tuple[str, bool, str]


def words_in(text: str, needle: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``needle`` in ``text``, any case, any quote style."""
    plain = needle.replace("’", "'").strip()
    if not plain:
        return []
    pattern = r"\s+".join(re.escape(p) for p in plain.split()).replace("'", "['’]")
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", text, flags=re.I)]


class Referents:
    """The predicted entities of one document, searchable by text position."""

    def __init__(self, pred: Mapping[str, Any]) -> None:
        self.text: str = pred.get("text") or ""
        self.captions = [
            str(c.get("text") or "") for c in (pred.get("meta") or {}).get("captions") or []
        ]
        self.entities: list[Mapping[str, Any]] = list(pred.get("entities") or [])
        self.mentions: list[tuple[Part, int, int, int]] = [
            (m.get("caption"), int(m["start"]), int(m["end"]), n)
            for n, e in enumerate(self.entities)
            for m in e.get("mentions") or []
        ]

    def occurrences(self, alias: str) -> list[Occurrence]:
        found: list[Occurrence] = [(None, a, b) for a, b in words_in(self.text, alias)]
        for n, caption in enumerate(self.captions):
            found += [(n, a, b) for a, b in words_in(caption, alias)]
        return found

    def attached(self, occ: Occurrence) -> int | None:
        """The entity whose mention covers most of an occurrence (ties: the tighter mention)."""
        part, start, end = occ
        best: tuple[int, int, int] | None = None
        entity = None
        for m_part, m_start, m_end, n in self.mentions:
            if m_part != part:
                continue
            overlap = min(end, m_end) - max(start, m_start)
            score = (overlap, -(m_end - m_start), m_end)
            if overlap > 0 and (best is None or score > best):
                best, entity = score, n
        return entity


def _inside(occ: Occurrence, others: Sequence[Occurrence]) -> bool:
    return any(
        o[0] == occ[0] and o[1] <= occ[1] and occ[2] <= o[2] and (o[2] - o[1]) > (occ[2] - occ[1])
        for o in others
    )


def _countries_named(texts: Sequence[str]) -> set[str]:
    """ISO2 codes of the countries that ``texts`` name (names, short names, demonyms)."""
    book = cached_dictionary()
    found: set[str] = set()
    for text in texts:
        tokens = re.findall(r"[\w'-]+", text)
        for i in range(len(tokens)):
            for width in (3, 2, 1):
                phrase = " ".join(tokens[i : i + width])
                if len(tokens[i : i + width]) < width:
                    continue
                for alias in book.lookup(re.sub(r"[\W_]+", "", phrase.casefold())):
                    if alias.kind in ("country", "demonym") and (
                        not alias.exact or alias.form == phrase
                    ):
                        found.add(alias.target)
    return found


def _countries_as_names(text: str) -> str:
    """Demonyms written as their country's name ("Kenyan army" -> "Kenya army"), so that a
    canonical "Military Forces of Kenya" and a reading's "Kenyan army" share a word."""
    book = cached_dictionary()
    out = []
    for word in text.split():
        found = [
            a for a in book.lookup(re.sub(r"[\W_]+", "", word.casefold())) if a.kind == "demonym"
        ]
        out.append(book.countries[found[0].target].name if found and not found[0].exact else word)
    return " ".join(out)


def _type_fits(gold_type: str, entity: Mapping[str, Any]) -> tuple[bool, str]:
    table: Mapping[str, list[str]] = eval_maps()["seed"]["actor_type_words"]
    wanted: set[str] = set()
    low = gold_type.lower()
    for word, accepted in table.items():
        if word in low:
            wanted.update(accepted)
    got = {entity.get("actor_type"), entity.get("sector")}
    return bool(
        wanted & got
    ), f"type {entity.get('actor_type')}/{entity.get('sector')} for {gold_type!r}"


def referent_checks(
    gold: Mapping[str, Any],
    pred: Mapping[str, Any],
    section: str,
    key: str,
    loose_match: Callable[[list[str], list[str | None]], bool],
) -> list[Result]:
    """The ``mentions`` and ``entry``/``referent`` checks of one section (see the docstring)."""
    refs = Referents(pred)
    items = list(gold.get(section) or [])
    everyone = list(gold.get("actors") or []) + list(gold.get("people") or [])
    all_occ: dict[int, list[Occurrence]] = {}
    for n, item in enumerate(everyone):
        all_occ[n] = [
            occ
            for alias in item.get("aliases_in_text") or []
            if alias.lower() not in PRONOUNS
            for occ in refs.occurrences(alias)
        ]
    offset = 0 if section == "actors" else len(gold.get("actors") or [])
    results: list[Result] = []
    for k, item in enumerate(items):
        n = offset + k
        name = str(item.get(key))
        others = [o for m, occs in all_occ.items() if m != n for o in occs]
        occs = [o for o in all_occ[n] if not _inside(o, others)]
        attached = [(o, refs.attached(o)) for o in occs]
        missing = [o for o, e in attached if e is None]
        counts = Counter(e for _, e in attached if e is not None)
        main = counts.most_common(1)[0][0] if counts else None
        problems = []
        if not occs:
            problems.append("no alias found in the text")
        if missing:
            problems.append(
                f"{len(missing)} mention(s) not recognised, e.g. {_quote(refs, missing[0])}"
            )
        if section == "people":
            elsewhere = [o for o, e in attached if e is not None and e != main]
            if elsewhere:
                problems.append(
                    f"{len(elsewhere)} mention(s) on another referent, e.g. {_quote(refs, elsewhere[0])}"
                )
            for alias in item.get("aliases_in_text") or []:
                if (
                    alias.lower() in PRONOUNS
                    and main is not None
                    and not any(refs.attached(o) == main for o in refs.occurrences(alias))
                ):
                    problems.append(f"no {alias!r} resolved to it")
        else:
            for _, e in attached:
                if e is None:
                    continue
                clash = [o for o in others if refs.attached(o) == e and not _inside(o, all_occ[n])]
                if clash:
                    problems.append(
                        f"{refs.entities[e].get('name')!r} also holds {_quote(refs, clash[0])}, another item's"
                    )
                    break
        results.append(
            (
                f"{name}: mentions",
                not problems,
                "; ".join(problems) or f"{len(occs)} mention(s) on their referent",
            )
        )
        if main is None:
            results.append(
                (f"{name}: {'entry' if section == 'actors' else 'referent'}", False, "no entity")
            )
            continue
        entity = refs.entities[main]
        got = [entity.get("canonical"), entity.get("name")]
        names = [name]
        if section == "people":
            ok = loose_match(names, got)
            results.append((f"{name}: referent", ok, f"entity {got[1]!r} ({got[0]!r})"))
            continue
        problems = []
        canonical = _countries_as_names(str(entity.get("canonical") or ""))
        if not loose_match([_countries_as_names(x) for x in names], [canonical]):
            problems.append(f"canonical {entity.get('canonical')!r}")
        fits, why = _type_fits(str(item.get("type") or ""), entity)
        if not fits:
            problems.append(why)
        named = _countries_named([name, *(item.get("aliases_in_text") or [])])
        if len(named) == 1 and "multinational" not in str(item.get("type") or ""):
            want = next(iter(named))
            if entity.get("country") != want:
                problems.append(f"country {entity.get('country')!r}, expected {want!r}")
        results.append(
            (
                f"{name}: entry",
                not problems,
                "; ".join(problems)
                or f"{entity.get('canonical')!r}, {entity.get('actor_type')}, {entity.get('country')}",
            )
        )
    return results


def _quote(refs: Referents, occ: Occurrence) -> str:
    part, start, end = occ
    text = refs.text if part is None else refs.captions[part]
    return repr(text[start:end])
