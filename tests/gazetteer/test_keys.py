from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.gazetteer.keys import ARTICLE, FOLD, SKELETON, fold, name_keys


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("Deir Ezzor", "Deir ez-Zor", FOLD),
        ("Deir Ezzor", "Dayr az Zawr", SKELETON),
        ("Deir al-Zor", "Deir ez-Zor", ARTICLE),
        ("Albukamal", "Abu Kamal", SKELETON),
        ("Al Bukamal", "Al-Bukamal", FOLD),
        ("Albukamal", "Ālbū Kamāl", FOLD),
        ("Ar Raqqah", "Raqqa", ARTICLE),
        ("Qalamoun", "Qalamun", SKELETON),
        ("St. Louis", "Saint Louis", ARTICLE),
        ("São Paulo", "SAO PAULO", FOLD),
        ("Kyiv", "kyiv", FOLD),
    ],
)
def test_spellings_of_one_name_share_a_key(a, b, level):
    assert name_keys(a)[level] and name_keys(a)[level] == name_keys(b)[level]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Hama", "Homs"), ("Raqqa", "Riyadh"), ("Mosul", "Muscat"), ("Alexandria", "Alexandroupoli")],
)
def test_different_names_keep_different_keys(a, b):
    assert not set(filter(None, name_keys(a))) & set(filter(None, name_keys(b)))


def test_short_skeletons_are_not_made():
    # "Hama" and "Homs" would both be "hm"/"hms": too many names share such skeletons.
    assert name_keys("Hama")[SKELETON] == ""
    assert name_keys("Mosul")[SKELETON] == ""


def test_a_name_without_letters_has_no_keys():
    assert name_keys(" - ") == ("", "", "")
    assert fold("") == ""


LATIN = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ éüâçñōĀ-'")
    ),
    max_size=30,
)


@given(LATIN)
def test_keys_are_lower_case_ascii_letters_and_digits(name):
    for key in name_keys(name):
        assert key == key.lower() and key.isascii() and (key.isalnum() or key == "")


@given(LATIN)
def test_case_spaces_and_hyphens_do_not_change_a_key(name):
    assert name_keys(name.upper()) == name_keys(name.lower())
    assert name_keys(name.replace(" ", "-")) == name_keys(name)


@given(LATIN)
def test_accents_do_not_change_the_fold(name):
    bare = "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )
    assert fold(bare) == fold(name)


@given(LATIN)
def test_folding_is_idempotent(name):
    key = fold(name)
    assert fold(key) == key


@given(LATIN)
def test_a_looser_level_exists_only_with_a_stricter_one(name):
    level0, level1, level2 = name_keys(name)
    assert bool(level1) <= bool(level0)
    assert bool(level2) <= bool(level1)
