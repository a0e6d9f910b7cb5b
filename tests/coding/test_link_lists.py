"""The bulleted list under a "See also" heading names other reports by their titles: no
telling of its own (issue #11, WikiEvents)."""

from __future__ import annotations

REPORT = (
    "A car bomb exploded outside a police station in Kabul on Monday, killing four officers.\n"
    "==See also==\n"
    "* 2014 Kabul police station bombing\n"
    "* List of bombings in Kabul\n"
    "==References=="
)


def test_the_titles_under_see_also_tell_no_event(mentions):
    words = [m.token.text for m in mentions(REPORT)]
    assert "exploded" in words
    assert "bombing" not in words
    assert "bombings" not in words


def test_a_related_heading_with_a_colon_also_opens_a_list(mentions):
    text = "Gunmen shot dead a judge in Quetta.\nRelated:\n- Bombing kills nine in Peshawar\n"
    words = [m.token.text for m in mentions(text)]
    assert "shot" in words
    assert "Bombing" not in words


def test_a_bulleted_list_under_no_such_heading_still_tells(mentions):
    text = "Key points:\n* A bombing killed nine people in Peshawar on Friday.\n"
    assert "bombing" in [m.token.text for m in mentions(text)]


def test_prose_after_the_list_tells_again(mentions):
    text = (
        "See also:\n* 2014 Kabul police station bombing\n"
        "Separately, a roadside bomb exploded in Kandahar on Tuesday.\n"
    )
    assert [m.token.text for m in mentions(text)] == ["exploded"]
