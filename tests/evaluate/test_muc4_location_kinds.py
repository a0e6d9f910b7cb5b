"""MUC-4 key locations whose place kind is given two ways ("(CITY / JURISDICTION)")."""

import pytest

from dateline.evaluate.muc4 import most_specific_places


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("EL SALVADOR: MORAZAN (DEPARTMENT): PERQUIN (CITY / JURISDICTION)", ["perquin"]),
        ("PERU: LIMA (CITY / MUNICIPALITY)", ["lima"]),
        (
            "(COLOMBIA: CALI (CITY)) / (COLOMBIA: PALMIRA (CITY / MUNICIPALITY))",
            ["cali", "palmira"],
        ),
        ("(HONDURAS: LA CEIBA (CITY)) / (HONDURAS)", ["la ceiba", "honduras"]),
    ],
)
def test_a_slash_inside_a_kind_joins_kinds_not_places(value, expected):
    assert most_specific_places(value) == expected
