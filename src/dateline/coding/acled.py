"""ACLED event type and sub-event type alongside the PLOVER coding.

The trigger's sense gives a default ([[trigger]] ``acled`` in ``resources/events``), the
weapon refines it (a grenade makes a "Grenade" explosion, warplanes an "Air/drone strike"),
and the two sides decide between ACLED's kinds of violence (shared/eval/acled.md): armed
actors on both sides fighting with small arms is a battle ("Armed clash"); an armed actor
against people who are not armed is "Violence against civilians"; violence from a distance
(air strikes, shelling, bombs) stays "Explosions/Remote violence" whoever is hit. PLOVER
types ACLED does not code (CONSULT, ACCUSE, ...) get none.
"""

from __future__ import annotations

from collections.abc import Iterable

REMOTE = "Explosions/Remote violence"
BATTLES = ("Battles", "Armed clash")
CIVILIANS = ("Violence against civilians", "Attack")
CLOSE_MODES = frozenset({"firearms", None, "primitive", "beat", "targeted"})
# ACLED codes these PLOVER types only as "Strategic developments" when the sense says so.
NO_ACLED = frozenset(
    {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT"}
)


def acled_type(
    plover: str,
    mode: str | None,
    default: tuple[str, str] | None,
    weapon: tuple[str, str] | None,
    *,
    armed_agents: Iterable[bool],
    armed_patients: Iterable[bool],
    one_sided: bool = False,
    civilians_hit: bool = False,
) -> tuple[str, str] | None:
    """(event_type, sub_event_type) of an event, or None where ACLED codes no event.

    ``armed_agents`` / ``armed_patients`` say for each actor on either side whether it is an
    armed actor (True), not armed (False); an empty side is unknown. ``one_sided``: the
    words say the harm was done to people who did not fight back ("murdered",
    "assassination", "massacre"), so armed people on that side make no battle.
    ``civilians_hit``: some of the people acted on are civilians by their actor type ("two
    reporters", "peasants"): the violence was against them even where an armed actor is
    told among them (a bodyguard killed with the judge), so it is no battle either.
    """
    if plover in NO_ACLED:
        return None
    if plover != "ASSAULT":
        return default
    # A disrupted attack (a bomb defused) stays so whatever the weapon.
    if weapon is not None and not (default is not None and default[0] == "Strategic developments"):
        default = weapon
    if default is not None and default[0] == REMOTE:
        return default
    agents, patients = list(armed_agents), list(armed_patients)
    if mode in CLOSE_MODES and agents and patients:
        if any(agents) and any(patients) and not one_sided and not civilians_hit:
            return BATTLES
        if any(agents) and not any(patients):
            return default if default and default[0] == "Violence against civilians" else CIVILIANS
    if default == BATTLES and patients and not any(patients):
        return CIVILIANS
    return default
