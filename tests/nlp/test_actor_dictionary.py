"""The actor dictionary: loading, well-formed rows, name keys and errors that name the line."""

from __future__ import annotations

import pytest

from dateline.nlp.actor_dictionary import (
    ACTOR_TYPES,
    DictionaryError,
    builtin_files,
    cached_dictionary,
    load_dictionary,
    name_key,
    of_name,
)

HEADER = "key\tcanonical\taliases\tcountry\tactor_type\tsector\tlabel\n"


@pytest.fixture(scope="module")
def book():
    return cached_dictionary()


def test_several_hundred_actors_across_regions(book):
    assert len(book.entries) >= 500
    files = {entry.source.rsplit("/", 1)[-1] for entry in book.entries.values()}
    assert {"middle_east.tsv", "africa.tsv", "asia.tsv", "europe.tsv", "americas.tsv"} <= files
    countries = {entry.country for entry in book.entries.values() if entry.country}
    assert len(countries) >= 60


@pytest.mark.parametrize("name", builtin_files())
def test_every_row_is_well_formed(book, name):
    rows = [e for e in book.entries.values() if e.source.endswith(name)]
    assert rows, f"{name} holds no actor"
    for entry in rows:
        assert entry.actor_type in ACTOR_TYPES, entry
        assert entry.sector in book.sectors, entry
        assert entry.country is None or entry.country in book.countries, entry
        assert entry.label in ("PERSON", "ORG"), entry
        assert entry.canonical.strip() == entry.canonical, entry


def test_sectors_and_nouns_use_known_types(book):
    for sector in book.sectors.values():
        assert sector.actor_type in ACTOR_TYPES
    for noun in book.nouns.values():
        assert noun.sector is None or noun.sector in book.sectors, noun
        assert noun.actor_type is None or noun.actor_type in ACTOR_TYPES, noun


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("al-Qaeda", "Al Qaeda"),
        ("ISIS", "isis"),
        ("Médecins Sans Frontières", "Medecins Sans Frontieres"),
        ("Shabaab fighters", "Shabaabfighters"),
    ],
)
def test_name_key_ignores_case_accents_and_spacing(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("ISIL", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("CJTF-OIR", "US-led coalition (Operation Inherent Resolve)"),
        ("Farabundo Marti National Liberation Front", "Farabundo Marti National Liberation Front"),
        ("Sendero Luminoso", "Shining Path"),
        ("al-Shabab", "al-Shabaab"),
    ],
)
def test_aliases_lead_to_their_entry(book, alias, canonical):
    found = [a for a in book.lookup(name_key(alias)) if a.kind == "entry"]
    assert found and book.entries[found[0].target].canonical == canonical


def test_short_acronyms_must_match_in_case(book):
    (alias,) = [a for a in book.lookup("is") if a.kind == "entry"]
    assert alias.exact
    assert not [a for a in book.lookup("isis") if a.exact]


def test_countries_have_demonyms_and_capitals(book):
    assert book.countries["SY"].demonyms == ("Syrian",)
    kinds = {(a.kind, a.target) for a in book.lookup(name_key("Moscow"))}
    assert ("capital", "RU") in kinds


def test_composed_canonical(book):
    police = book.nouns["police"]
    assert book.composed_canonical("TJ", "COP", police) == "Police Forces of Tajikistan"
    ministry = book.nouns["defence ministry"]
    assert book.composed_canonical("RU", "MIL", ministry) == "Ministry of Defence of Russia"
    assert book.composed_canonical(None, "UAF", book.nouns["gunmen"]) == "gunmen"


@pytest.mark.parametrize(
    ("country", "written"),
    [
        ("United States", "the United States"),
        ("Philippines", "the Philippines"),
        ("Syria", "Syria"),
    ],
)
def test_country_after_of(country, written):
    assert of_name(country) == written


def test_extra_file_adds_actors(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(HEADER + "valley_front\tValley Front\tVF-9\tKE\trebel_groups\tREB\tORG\n")
    book = load_dictionary([path])
    (alias,) = book.lookup(name_key("VF-9"))
    assert book.entries[alias.target].canonical == "Valley Front"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x\tX\t\tKE\tterrorists\tREB\tORG", "unknown actor type 'terrorists'"),
        ("x\tX\t\tKE\trebel_groups\tXYZ\tORG", "unknown sector 'XYZ'"),
        ("x\tX\t\tKK\trebel_groups\tREB\tORG", "unknown country code 'KK'"),
        ("X-1\tX\t\tKE\trebel_groups\tREB\tORG", "must be lower-case"),
        ("x\t\t\tKE\trebel_groups\tREB\tORG", "canonical name is empty"),
        ("x\tX\t\tKE\trebel_groups\tREB\tORG\textra", "columns"),
        ("islamic_state\tX\t\tKE\trebel_groups\tREB\tORG", "already used"),
    ],
)
def test_a_bad_row_names_the_file_and_line(tmp_path, row, message):
    path = tmp_path / "bad.tsv"
    path.write_text("# a comment\n" + HEADER + row + "\n")
    with pytest.raises(DictionaryError, match=message) as info:
        load_dictionary([path])
    assert f"{path}:3" in str(info.value)


def test_an_unreadable_file_says_so(tmp_path):
    with pytest.raises(Exception, match="cannot read the actor dictionary"):
        load_dictionary([tmp_path / "missing.tsv"])
