"""Name keys: one place name, many spellings, the same few lookup keys.

A name gets up to three keys, from strict to loose, and a lookup matches a key of the same
or a stricter level; the level says how good the match is:

- level 0, ``fold``: transliterated to ASCII, case folded, everything but letters and digits
  dropped, so "Deir ez-Zor" and "Deir Ezzor" share ``deirezzor``;
- level 1, ``article``: also without separate Arabic articles and their assimilated forms
  (al-, el-, ad-, as-, ash-, az- ...), the English "the", and with Saint/Mount/Fort
  abbreviated, so "Al Bukamal" and "Bukamal" share ``bukamal``;
- level 2, ``skeleton``: the consonant skeleton of the level-1 form after a glued article
  is cut ("Albukamal", "Ezzor"), doubled letters collapsed, common consonant alternations
  merged (q/k, kh/k, sh/s, th/t, dh/d, ph/f, c/k) and the vowels and semivowels (a e i o u
  y w) dropped: "Dayr az Zawr" and "Deir Ezzor" share ``drsr``, "Abu Kamal" and "Albukamal"
  ``bkml``. Skeletons shorter than four letters are not made: too many names share them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

FOLD = 0
ARTICLE = 1
SKELETON = 2

# Separate article tokens of Arabic (and Hebrew, Maltese) transliteration, and "the".
ARTICLES = frozenset(
    {
        "al",
        "el",
        "il",
        "ul",
        "ad",
        "ed",
        "adh",
        "ar",
        "er",
        "as",
        "es",
        "ash",
        "esh",
        "at",
        "et",
        "ath",
        "az",
        "ez",
        "an",
        "en",
        "ha",
        "the",
    }
)
ABBREVIATIONS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft", "san": "san"}
_TOKEN = re.compile(r"[a-z0-9]+")
# A glued article with a sun letter doubled after it: "Ezzor", "Assuwayda", "Arraqqa".
_GLUED_SUN = re.compile(r"^[ae][lrsztdn]?([tdrzsnl])\1")
# A glued "al"/"el" before a word of at least four letters: "Albukamal", "Elkhalil".
_GLUED_AL = re.compile(r"^[ae]l(?=[a-z]{4})")
_ALTERNATIONS = (
    ("kh", "k"),
    ("gh", "g"),
    ("sh", "s"),
    ("ch", "s"),
    ("th", "t"),
    ("dh", "d"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("z", "s"),
    ("x", "ks"),
)
_DOUBLED = re.compile(r"([a-z])\1+")
_VOWELS = re.compile(r"[aeiouyw]")
MIN_SKELETON = 4


def tokens(name: str) -> list[str]:
    """The ASCII, case-folded word pieces of a name; apostrophes never split a word."""
    text = anyascii(name).lower().replace("&", " and ")
    text = re.sub(r"['`’ʻʼ]", "", text)
    return _TOKEN.findall(text)


def fold(name: str) -> str:
    """Level 0: ASCII, case folded, only letters and digits."""
    return "".join(tokens(name))


def _article_tokens(parts: list[str]) -> list[str]:
    return [ABBREVIATIONS.get(t, t) for t in parts if t not in ARTICLES] or parts


def _no_final_h(parts: list[str]) -> list[str]:
    # A final -ah/-eh (Arabic ta marbuta) is written or not: "Raqqah" = "Raqqa".
    return [t[:-1] if len(t) >= 4 and t[-2:] in ("ah", "eh") else t for t in parts]


def _skeleton(parts: list[str]) -> str:
    cut = []
    for n, t in enumerate(parts):
        glued = _GLUED_SUN.match(t)
        if glued and len(t) - glued.end() >= 2:
            t = t[glued.start(1) :]
        elif n == 0:
            # "Albu Kamal": the glued article of a first word may stand before a short one.
            rest = _GLUED_AL.sub("", "".join(parts))
            if len(rest) < len("".join(parts)):
                t = t[2:]
        else:
            t = _GLUED_AL.sub("", t)
        cut.append(t)
    text = _DOUBLED.sub(r"\1", "".join(cut))
    for old, new in _ALTERNATIONS:
        text = text.replace(old, new)
    text = _DOUBLED.sub(r"\1", text)
    return _VOWELS.sub("", text)


@lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[str, ...]:
    """The keys of ``name`` by level (index 0 = fold, 1 = article, 2 = skeleton).

    Levels whose key would be empty or, for the skeleton, shorter than four letters are the
    empty string.
    """
    parts = tokens(name)
    if not parts:
        return ("", "", "")
    level0 = "".join(parts)
    article_parts = _article_tokens(parts)
    level1 = "".join(_no_final_h(article_parts))
    level2 = _skeleton(article_parts) if not level0.isdigit() else ""
    if len(level2) < MIN_SKELETON:
        level2 = ""
    return (level0, level1, level2)
