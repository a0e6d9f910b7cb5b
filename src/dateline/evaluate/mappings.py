"""Ontology tables for the event scorers, read from ``dateline/resources``.

The tables are data (reviewed like code), not code: ``cameo_plover.tsv`` (CAMEO code ->
PLOVER type and mode), ``iso3166.tsv`` (ISO 3166-1 alpha-2 -> alpha-3) and
``eval_maps.toml`` (PLOVER -> MUC-4 incident types, KAIROS types and roles, CASE 2021
labels). This module also holds the small helpers the event scorers share: which predicted
events count, and how a role, place or named thing reads as strings and spans.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

RESOURCES = "dateline.resources"


def _read(name: str) -> str:
    return resources.files(RESOURCES).joinpath(name).read_text(encoding="utf-8")


def _tsv(name: str) -> list[list[str]]:
    """Rows of a TSV resource without comments and header."""
    lines = [line for line in _read(name).splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


@cache
def eval_maps() -> dict[str, Any]:
    """The parsed ``eval_maps.toml``."""
    return tomllib.loads(_read("eval_maps.toml"))


@cache
def cameo_table() -> dict[str, tuple[str | None, str | None]]:
    """CAMEO code or prefix -> (PLOVER type or None for "no event", mode or None)."""
    table: dict[str, tuple[str | None, str | None]] = {}
    for row in _tsv("cameo_plover.tsv"):
        code, plover, mode = (row + ["", ""])[:3]
        table[code.strip()] = (plover.strip() or None, mode.strip() or None)
    return table


def cameo_to_plover(code: str) -> tuple[str | None, str | None]:
    """PLOVER (type, mode) of a CAMEO code by its longest listed prefix; type None = no event.

    Raises KeyError for a code whose root is not a CAMEO root.
    """
    table = cameo_table()
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    raise KeyError(f"CAMEO code {code!r} has no root in cameo_plover.tsv")


@cache
def iso2_to_iso3_table() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> alpha-3."""
    return {row[0].strip(): row[1].strip() for row in _tsv("iso3166.tsv")}


def iso2_to_iso3(code: str | None) -> str | None:
    """The alpha-3 code of an alpha-2 country code; None when unknown or absent."""
    return iso2_to_iso3_table().get(code.upper()) if code else None


def by_type_mode(table: Mapping[str, str], plover: str | None, mode: str | None) -> str | None:
    """Look up ``"TYPE/mode"``, then ``"TYPE"``, in a table of ``eval_maps.toml``."""
    if not plover:
        return None
    if mode and f"{plover}/{mode}" in table:
        return table[f"{plover}/{mode}"]
    return table.get(plover)


def scored_events(doc: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """The predicted events that count as having happened (not negated or hypothetical)."""
    if not doc:
        return []
    ignore = set(eval_maps()["events"]["ignore_certainty"])
    return [e for e in doc.get("events") or [] if e.get("certainty") not in ignore]


def roles(event: Mapping[str, Any], side: str) -> list[dict[str, Any]]:
    """actor1 with assoc_actor1 (``side="1"``), or actor2 with assoc_actor2 (``side="2"``)."""
    main = event.get(f"actor{side}")
    return ([main] if main else []) + list(event.get(f"assoc_actor{side}") or [])


def entity_labels(doc: Mapping[str, Any] | None) -> dict[str, str]:
    """entity id -> NER label, from the document's entities."""
    return {e["id"]: e.get("label", "") for e in (doc or {}).get("entities") or [] if "id" in e}


def strings_of(item: Mapping[str, Any] | None) -> list[str]:
    """The name of a role, place or named thing, then its evidence texts, without repeats."""
    if not item:
        return []
    found = [item.get("name")] + [span.get("text") for span in item.get("evidence") or []]
    return list(dict.fromkeys(s for s in found if s))


def spans_of(item: Mapping[str, Any] | None) -> list[tuple[int, int]]:
    """(start, end) of the body evidence spans of a role, place or named thing."""
    return [(s["start"], s["end"]) for s in body_spans(item)]


def body_spans(item: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """A record's evidence spans that index the body (not a photo caption), in order."""
    spans = (item or {}).get("evidence") or []
    return [s for s in spans if isinstance(s, dict) and s.get("caption") is None]


def flat_span(item: Mapping[str, Any]) -> dict[str, Any] | None:
    """A time, quote or claim as ``{start, end, text, ...}`` of its first body evidence span.

    Corpora annotate such records as one stretch of the text; None when all its evidence is
    in captions.
    """
    spans = body_spans(item)
    if not spans:
        return None
    return {**item, "start": spans[0]["start"], "end": spans[-1]["end"], "text": spans[0]["text"]}


def evidence_text(item: Mapping[str, Any] | None) -> str:
    """All the evidence texts of a record, joined by a space (a quote told in two parts)."""
    return " ".join(str(s.get("text", "")) for s in (item or {}).get("evidence") or [])


_PUNCT = re.compile(r"[^\w\s]")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lowercase, punctuation removed, a leading a/an/the removed, spaces collapsed.

    Punctuation is deleted, not spaced, as in the MUC scorers: "F.M.L.N." -> "fmln".
    """
    text = _SPACES.sub(" ", _PUNCT.sub("", text.lower())).strip()
    return _ARTICLE.sub("", text)


def iter_tables() -> Iterator[tuple[str, int]]:
    """(table name, number of rows) for every table: a cheap check that all of them load."""
    yield "cameo_plover.tsv", len(cameo_table())
    yield "iso3166.tsv", len(iso2_to_iso3_table())
    maps = eval_maps()
    yield "muc4.incident_type", len(maps["muc4"]["incident_type"])
    yield "wikievents.event_type", len(maps["wikievents"]["event_type"])
    yield "wikievents.roles", len(maps["wikievents"]["roles"])
    yield "case2021.acled_sub_event", len(maps["case2021"]["acled_sub_event"])
    yield "case2021.plover", len(maps["case2021"]["plover"])
