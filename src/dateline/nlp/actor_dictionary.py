"""The actor dictionary: known actors, countries, sectors and actor nouns, read from TSV files.

The files live in ``resources/actors/`` (see docs/actors.md): ``countries.tsv`` (names,
demonyms, capitals), ``sectors.tsv`` (CAMEO/PLOVER-style sector codes with their ACLED actor
type), ``nouns.tsv`` ("police", "gunmen", "the ministry") and any number of actor files
(``middle_east.tsv``, ``people.tsv``...) with one actor per row. Users add rows, or whole
files with ``[actors] extra_dictionaries``, without touching code.

Names are looked up by a key that ignores case, spaces, hyphens and punctuation, so that
"al-Qaeda", "Al Qaeda" and "alqaeda" are one name; an alias written ``=IS`` must also match
in case, so that the verb "is" and the pronoun "us" never become actors.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from ..errors import ConfigError

# ACLED's eight actor categories (shared/eval/acled.md, inter1/inter2 codes 1-8).
ACTOR_TYPES = (
    "state_forces",
    "rebel_groups",
    "political_militias",
    "identity_militias",
    "rioters",
    "protesters",
    "civilians",
    "external_other",
)
LABELS = ("PERSON", "ORG", "GPE", "NORP")
NUMBERS = ("sg", "pl")
SPECIAL_FILES = ("countries.tsv", "sectors.tsv", "nouns.tsv")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_KEY = re.compile(r"^[a-z0-9_]+$")
_NON_WORD = re.compile(r"[\W_]+")
_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")

TargetKind = Literal["entry", "country", "demonym", "capital"]


def name_key(text: str) -> str:
    """The lookup key of a name: case, accents, spaces and punctuation removed."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NON_WORD.sub("", folded)


def of_name(country: str) -> str:
    """A country's name as it follows "of": "the United States", "the Philippines", "Syria"."""
    plural = country.endswith(("s", "Islands")) and country not in ("Laos", "Belarus", "Cyprus")
    if plural or country.startswith(("United ", "Republic ", "Democratic ", "Central African")):
        return f"the {country}"
    if country in ("Czech Republic", "Dominican Republic", "Gambia", "Vatican"):
        return f"the {country}"
    return country


@dataclass(frozen=True)
class ActorEntry:
    """One known actor: a group, body or person, with everything an analyst codes."""

    key: str
    canonical: str
    aliases: tuple[str, ...]
    country: str | None
    actor_type: str
    sector: str
    label: str
    source: str = ""


@dataclass(frozen=True)
class Country:
    """A country as an actor: its names, demonyms and capitals."""

    iso2: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Sector:
    """A sector code with its ACLED actor type and the name template of composed actors."""

    code: str
    actor_type: str
    canonical: str
    description: str


@dataclass(frozen=True)
class Noun:
    """A generic noun naming an actor ("police", "gunmen", "the ministry")."""

    noun: str
    cls: str
    sector: str | None
    actor_type: str | None
    label: str
    number: str
    canonical: str | None
    gender: str = ""


@dataclass(frozen=True)
class Alias:
    """One written form of a name and what it names."""

    form: str  # as written in the file, without "=" and a leading "the"
    exact: bool  # must match in case (the file wrote "=XX")
    kind: TargetKind
    target: str  # entry key or ISO2 code


@dataclass
class ActorDictionary:
    """Every actor, country, sector and noun, with a name index for matching."""

    entries: dict[str, ActorEntry] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    sectors: dict[str, Sector] = field(default_factory=dict)
    nouns: dict[str, Noun] = field(default_factory=dict)
    names: dict[str, list[Alias]] = field(default_factory=dict)
    by_canonical: dict[str, str] = field(default_factory=dict)
    max_words: int = 1
    noun_words: int = 1

    def add_name(self, text: str, kind: TargetKind, target: str) -> None:
        exact = text.startswith("=")
        form = _ARTICLE.sub("", text[1:] if exact else text).strip()
        key = name_key(form)
        if not key:
            return
        aliases = self.names.setdefault(key, [])
        alias = Alias(form, exact, kind, target)
        if alias not in aliases:
            aliases.append(alias)
        self.max_words = max(self.max_words, len(form.split()) + form.count("-") + 2)

    def lookup(self, key: str) -> list[Alias]:
        """Aliases whose key is ``key`` (see ``name_key``)."""
        return self.names.get(key, [])

    def composed_canonical(self, country: str | None, sector: str | None, noun: Noun | None) -> str:
        """The name of an actor composed of a country and a sector or noun."""
        template = (noun.canonical if noun else None) or (
            self.sectors[sector].canonical if sector in self.sectors else ""
        )
        name = self.countries[country].name if country in self.countries else None
        if template and name:
            return template.replace("{country}", of_name(name))
        if noun is not None:
            return f"{name} {noun.noun}" if name else noun.noun
        return name or ""

    def sector_type(self, sector: str | None) -> str | None:
        """The ACLED actor type of a sector code."""
        return self.sectors[sector].actor_type if sector in self.sectors else None


class DictionaryError(ConfigError):
    """A row of an actor dictionary file is malformed."""


def _rows(path: str, text: str) -> Iterable[tuple[int, list[str]]]:
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise DictionaryError(
                f"{path}:{number}: {len(cells)} columns, the header has {len(header)}; "
                "separate columns with one tab"
            )
        yield number, cells + [""] * (len(header) - len(cells))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _check(path: str, number: int, what: str, value: str, allowed: Iterable[str]) -> None:
    allowed = tuple(allowed)
    if value not in allowed:
        raise DictionaryError(
            f"{path}:{number}: unknown {what} {value!r}; use one of {', '.join(allowed)}"
        )


def _check_country(path: str, number: int, code: str, known: dict[str, Country]) -> None:
    if code and (not _ISO2.match(code) or code not in known):
        raise DictionaryError(
            f"{path}:{number}: unknown country code {code!r}; use an ISO 3166-1 alpha-2 "
            "code listed in countries.tsv, or leave it empty"
        )


def _read(source: str | Path) -> tuple[str, str]:
    if isinstance(source, Path):
        try:
            return str(source), source.read_text("utf-8")
        except OSError as exc:
            raise ConfigError(
                f"{source}: cannot read the actor dictionary: {exc.strerror}"
            ) from exc
    folder = resources.files("dateline").joinpath("resources/actors")
    return f"resources/actors/{source}", folder.joinpath(source).read_text("utf-8")


def builtin_files() -> list[str]:
    """The actor files shipped in ``resources/actors`` (not countries, sectors or nouns)."""
    folder = resources.files("dateline").joinpath("resources/actors")
    return sorted(
        item.name
        for item in folder.iterdir()
        if item.name.endswith(".tsv") and item.name not in SPECIAL_FILES
    )


def load_dictionary(extra: Iterable[str | Path] = ()) -> ActorDictionary:
    """The shipped dictionary plus the actor files in ``extra`` (TSV paths).

    Raises DictionaryError naming the file and line of a malformed row.
    """
    book = ActorDictionary()
    path, text = _read("sectors.tsv")
    for number, (code, actor_type, canonical, description, *_) in _rows(path, text):
        _check(path, number, "actor type", actor_type, ACTOR_TYPES)
        book.sectors[code] = Sector(code, actor_type, canonical, description)
    path, text = _read("countries.tsv")
    for number, (iso2, name, aliases, demonyms, capitals, *_) in _rows(path, text):
        if not _ISO2.match(iso2):
            raise DictionaryError(f"{path}:{number}: {iso2!r} is not an ISO alpha-2 code")
        country = Country(iso2, name, _split(aliases), _split(demonyms), _split(capitals))
        book.countries[iso2] = country
        for alias in (name, *country.aliases):
            book.add_name(alias, "country", iso2)
        for demonym in country.demonyms:
            book.add_name(demonym, "demonym", iso2)
        for capital in country.capitals:
            book.add_name(capital, "capital", iso2)
    path, text = _read("nouns.tsv")
    for number, row in _rows(path, text):
        noun, cls, sector, actor_type, label, count, canonical, gender, *_ = row
        if sector:
            _check(path, number, "sector", sector, book.sectors)
        if actor_type:
            _check(path, number, "actor type", actor_type, ACTOR_TYPES)
        _check(path, number, "label", label, LABELS)
        _check(path, number, "number", count, NUMBERS)
        if gender:
            _check(path, number, "gender", gender, ("m", "f"))
        book.nouns[noun.lower()] = Noun(
            noun.lower(),
            cls,
            sector or None,
            actor_type or None,
            label,
            count,
            canonical or None,
            gender,
        )
        book.noun_words = max(book.noun_words, len(noun.split()))
    sources: list[str | Path] = [*builtin_files(), *(Path(p) for p in extra)]
    for source in sources:
        path, text = _read(source)
        for number, cells in _rows(path, text):
            key, canonical, aliases, code, actor_type, sector, label, *_ = cells
            if not _KEY.match(key):
                raise DictionaryError(
                    f"{path}:{number}: key {key!r} must be lower-case letters, digits and _"
                )
            if not canonical:
                raise DictionaryError(f"{path}:{number}: the canonical name is empty")
            if key in book.entries:
                raise DictionaryError(
                    f"{path}:{number}: key {key!r} is already used by "
                    f"{book.entries[key].source}; keys must be unique"
                )
            _check_country(path, number, code, book.countries)
            _check(path, number, "actor type", actor_type, ACTOR_TYPES)
            _check(path, number, "sector", sector, book.sectors)
            _check(path, number, "label", label, LABELS)
            entry = ActorEntry(
                key, canonical, _split(aliases), code or None, actor_type, sector, label, path
            )
            book.entries[key] = entry
            book.by_canonical.setdefault(name_key(canonical), key)
            for alias in (canonical, *entry.aliases):
                book.add_name(alias, "entry", key)
    return book


@functools.lru_cache(maxsize=4)
def cached_dictionary(extra: tuple[str, ...] = ()) -> ActorDictionary:
    """``load_dictionary`` once per process and set of extra files."""
    return load_dictionary(extra)
