"""Rule-based coreference: which mentions name the same referent.

No offline neural coreference model can be had (coreferee, fastcoref and the like download
their weights), so these are the rules an analyst applies when reading a wire report, in
order of reliability:

1. the same dictionary entry, country or composed actor is one referent;
2. the same name is one referent; a person's surname or first name alone ("Bello" after
   "Col. Amina Bello") is that person, and a name in brackets after another is its alias;
3. a noun in apposition to a name ("Amina Bello, an army spokeswoman") is that name;
   "who" is the noun its clause hangs on;
4. a definite description ("the ministry", "the group", "the militants") is the last
   referent of its class within a few sentences;
5. a pronoun is the last compatible referent: he/she a person (the subject of its own or of
   the previous sentence first, the last speaker after a quote), they a group or body, it a
   body or country when it is the subject of a verb.

Each referent then gets one label: the dictionary's, else PERSON when any of its names is
a person's full name, else the most frequent label of its names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .mentions import Mention, given_names, word_lists

# Sentences back that a description or pronoun may reach for its antecedent.
DESCRIPTION_WINDOW = 6
PRONOUN_WINDOW = 3
# Description class -> which earlier referents it can name.
GROUP_SECTORS = frozenset({"REB", "SEP", "MLA", "UAF", "CRM", "IDM"})
# Sectors of armed people told by what they did, not who they are ("gunmen", "a suicide
# bomber"): a definite description of the same sector and number is them again.
UNNAMED_ATTACKERS = frozenset({"UAF"})


@dataclass
class Referent:
    """One thing the text talks about, with all its mentions."""

    id: int
    mentions: list[Mention] = field(default_factory=list)
    label: str = ""
    kb: str = ""  # the first kb of its mentions
    sector: str | None = None
    number: str = ""

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    def names(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "name"]


def _unifying(kb: str) -> bool:
    """Whether two mentions with this kb are one referent: a known actor or a country's body,
    but not two "spokesmen" or two bands of "gunmen" nobody named."""
    return bool(kb) and not kb.startswith(("person:", "composed:-"))


def _norm_name(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").removesuffix("'s").split())


class Resolver:
    """Clusters mentions into referents (see the module docstring)."""

    def __init__(self, sector_of: Any) -> None:
        # sector_of(kb) -> (sector, actor_type) of a kb string, from the dictionary.
        self.sector_of = sector_of

    def resolve(
        self,
        sdoc: Any,
        mentions: Sequence[Mention],
        home: Callable[[Mention], str | None] | None = None,
    ) -> list[Referent]:
        """The referents of ``mentions``. ``home(m)``: the kb a definite description with
        no antecedent names in this report ("the government" of the dateline's country)."""
        referents: list[Referent] = []
        by_kb: dict[str, Referent] = {}
        by_name: dict[str, Referent] = {}
        by_token: dict[int, Referent] = {}
        persons: list[tuple[list[str], Referent]] = []

        def new(m: Mention) -> Referent:
            ref = Referent(len(referents))
            referents.append(ref)
            return ref

        def attach(m: Mention, ref: Referent) -> None:
            m.referent = ref.id
            ref.mentions.append(m)
            if m.kb and not ref.kb:
                ref.kb = m.kb
                ref.sector = self.sector_of(m.kb)[0]
            if not ref.number and m.number:
                ref.number = m.number
            if m.kind != "pronoun" and (
                not ref.label or (m.source == "dictionary" and m.kind == "name")
            ):
                ref.label = m.label  # provisional; _label decides at the end
            for i in range(m.start, m.end):
                by_token.setdefault(i, ref)
            if _unifying(m.kb) and m.kb not in by_kb:
                by_kb[m.kb] = ref
            if m.kind == "name":
                key = _norm_name(sdoc[m.start : m.end].text)
                by_name.setdefault(key, ref)
                words = key.split()
                if m.label == "PERSON" and len(words) > 1:
                    persons.append((words, ref))

        for m in sorted(mentions, key=lambda x: (x.start, -x.end)):
            ref = None
            if m.kind == "name":
                ref = self._name_antecedent(sdoc, m, by_kb, by_name, persons)
            elif m.kind == "nominal":
                ref = self._apposition(sdoc, m, by_token) or (
                    by_kb.get(m.kb) if _unifying(m.kb) else None
                )
                if ref is None and m.definite:
                    ref = self._description_antecedent(m, referents)
                if ref is None and m.definite and home is not None and (kb := home(m)):
                    m.kb = kb
                    ref = by_kb.get(kb)
            elif "quote" in m.extra:
                continue  # "we" in a quotation: its speaker, found below
            else:
                ref = self._pronoun_antecedent(sdoc, m, referents, by_token)
            if ref is None:
                if m.kind == "pronoun":
                    continue  # an unresolved pronoun names nothing we know
                ref = new(m)
            attach(m, ref)
        self._merge_flat_appositions(sdoc, mentions, referents)
        self._speakers(sdoc, mentions, referents)
        kept = [r for r in referents if r.mentions]
        for ref in kept:
            ref.mentions.sort(key=lambda x: x.start)
            ref.label = self._label(sdoc, ref)
        return kept

    @staticmethod
    def _speakers(sdoc: Any, mentions: Sequence[Mention], referents: list[Referent]) -> None:
        """First-person pronouns in a quotation are its speaker: the subject of the speech
        verb in the sentence where the quotation ends, else in the one it starts in."""
        speakers: dict[int, list[Mention]] = {}  # by the start of their head's sentence
        for m in mentions:
            if m.speaker and m.referent >= 0:
                speakers.setdefault(sdoc[m.head].sent.start, []).append(m)
        for m in mentions:
            span = m.extra.get("quote")
            if span is None or m.referent >= 0:
                continue
            start, end = (int(x) for x in span.split(":"))
            first = sdoc.char_span(start, start + 1, alignment_mode="expand")
            last = sdoc.char_span(end - 1, end, alignment_mode="expand")
            if first is None or last is None:
                continue
            end_sent = last.sent.start
            start_sent = first.sent.start
            chosen = speakers.get(end_sent) or speakers.get(start_sent, [])
            if not chosen:
                continue
            ref = referents[chosen[0].referent]
            if m.number == "sg" and (ref.number == "pl" or ref.label != "PERSON"):
                continue  # "I" is one person
            m.referent = ref.id
            ref.mentions.append(m)

    @staticmethod
    def _merge_flat_appositions(
        sdoc: Any, mentions: Sequence[Mention], referents: list[Referent]
    ) -> None:
        """ "the Lebanese Shiite movement Hezbollah", "its leader X": the noun is the name."""
        names = {m.start: m for m in mentions if m.kind == "name" and m.referent >= 0}
        heads = {m.head: m for m in mentions if m.kind == "name" and m.referent >= 0}
        for m in mentions:
            if m.kind != "nominal" or m.referent < 0:
                continue
            name = names.get(m.end)
            if name is None:  # "His eldest son, 18-year-old X": a name in apposition after it
                for child in sdoc[m.head].children:
                    if child.dep_ == "appos" and child.i in heads:
                        name = heads[child.i]
                        break
            if name is None or name.referent == m.referent:
                continue
            source, target = referents[m.referent], referents[name.referent]
            guessed = all(x.source in ("ner", "title", "propagated") for x in target.names())
            mismatch = (m.label == "PERSON") != (target.label == "PERSON")
            if (mismatch and not (guessed and m.label == "PERSON")) or len(source.mentions) > 3:
                continue
            if m.label == "PERSON" and m.number == "pl":
                continue
            for x in source.mentions:
                x.referent = target.id
            target.mentions.extend(source.mentions)
            if not target.kb and source.kb:
                target.kb, target.sector = source.kb, source.sector
            source.mentions = []

    # -- names ------------------------------------------------------------------------
    def _name_antecedent(
        self,
        sdoc: Any,
        m: Mention,
        by_kb: dict[str, Referent],
        by_name: dict[str, Referent],
        persons: list[tuple[list[str], Referent]],
    ) -> Referent | None:
        if m.kb and m.kb in by_kb:
            return by_kb[m.kb]
        key = _norm_name(sdoc[m.start : m.end].text)
        if key in by_name:
            found = by_name[key]
            # "Ankara said" (the state) and "in Ankara" (the city) are not one referent.
            if not m.kb or not found.kb or m.kb == found.kb:
                return found
        words = key.split()
        if len(words) == 1 and m.label in ("PERSON", "ORG", "GPE", "NORP", "") and not m.kb:
            given = given_names()
            for full, ref in reversed(persons):
                # "oqueli" after "hector oqueli colindres": a Spanish name is told again by
                # its first surname, the word after the given names.
                spanish = len(full) > 2 and full[0] in given and words[0] not in given
                if words[0] in (full[-1], full[0]) or (spanish and words[0] in full[1:]):
                    m.label = "PERSON"
                    return ref
        if len(words) > 1 and m.label in ("PERSON", "ORG", "GPE", "NORP", "") and not m.kb:
            # A person named again without a given name or without the second surname
            # ("maza marquez", "federico estrada" after "miguel maza marquez", "federico
            # estrada velez"): the start or the end of a longer name told before.
            n = len(words)
            for full, ref in reversed(persons):
                if len(full) > n and words in (full[:n], full[-n:]):
                    m.label = "PERSON"
                    return ref
        # "Syrian Observatory for Human Rights (SOHR)": the bracketed name is an alias.
        if (
            m.start >= 2
            and not m.extra.get("header")  # "GOMA, Congo (Reuters)": the agency is its own
            and sdoc[m.start - 1].text == "("
            and m.end < len(sdoc)
            and sdoc[m.end].text == ")"
        ):
            before = m.start - 2
            for other in by_name.values():
                if any(x.end - 1 == before for x in other.mentions if x.kind == "name"):
                    return other
        return None

    # -- descriptions -----------------------------------------------------------------
    def _apposition(self, sdoc: Any, m: Mention, by_token: dict[int, Referent]) -> Referent | None:
        """ "X, a spokesman" / "a spokesman, X" / "X, who": the noun is X."""
        head = sdoc[m.head]
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "as"
            and head.head.head.lemma_ in word_lists()["as_verbs"]
        ):
            verb = head.head.head  # "X, who is known as Y" / "X, described as Y"
            if verb.dep_ in ("acl", "relcl") and verb.head.i in by_token:
                return by_token[verb.head.i]
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    if child.lower_ == "who" and child.head.dep_ == "relcl":
                        return by_token.get(child.head.head.i)
                    return by_token.get(child.i)
        if head.dep_ == "appos":
            ref = by_token.get(head.head.i)
            if ref is not None and ref.first.kind == "name" and ref.label in ("PERSON", ""):
                return ref if m.label == "PERSON" else None
        for child in head.children:
            if child.dep_ == "appos" and child.i in by_token:
                ref = by_token[child.i]
                if ref.first.kind == "name" and m.label == "PERSON" and ref.label == "PERSON":
                    return ref
        return None

    def _description_antecedent(self, m: Mention, referents: list[Referent]) -> Referent | None:
        for ref in reversed(referents):
            if not ref.mentions or all(x.extra.get("header") for x in ref.mentions):
                continue  # the wire header is no part of the prose
            last = ref.mentions[-1]
            if m.sent - last.sent > DESCRIPTION_WINDOW:
                continue
            if self._class_fits(m, ref):
                return ref
        return None

    def _class_fits(self, m: Mention, ref: Referent) -> bool:
        cls = m.cls
        first = ref.first
        sector = ref.sector
        kb = ref.kb
        label = ref.label or first.label
        same_noun = any(
            x.kind == "nominal" and x.extra.get("noun") == m.extra.get("noun") for x in ref.mentions
        )
        own_sector = m.kb.split(":")[2] if m.kb.startswith("composed:") else None
        if same_noun and m.number == ref.number and not (own_sector == "MIL" and sector == "REB"):
            return True  # but "the army" is not the "liberation army" named before it
        if cls == "ministry":
            return label == "ORG" and (
                any(x.extra.get("noun", "").endswith("ministry") for x in ref.mentions)
                or any(
                    x.kind == "name" and "ministry" in x.extra.get("text", "") for x in ref.mentions
                )
            )
        if cls == "group":
            if label == "PERSON" and (ref.number != "pl" or m.label == "ORG"):
                return False  # "the group" is never one person
            return (
                label in ("ORG", "PERSON")
                and sector in GROUP_SECTORS
                and (first.kind == "name" or kb.startswith("entry:"))
            )
        if cls == "coalition":
            return sector == "IMG" or any(
                "coalition" in x.extra.get("text", "") for x in ref.mentions
            )
        if cls == "military":
            return sector == "MIL" and label != "PERSON"
        if cls == "government":
            return sector == "GOV" and label in ("ORG", "GPE")
        if cls == "police":
            return sector == "COP"
        if cls == "security":
            return sector in ("SPY", "COP")
        if cls == "court":
            return sector == "JUD" and label == "ORG"
        if cls == "party":
            return sector in ("PTY", "OPP") and label == "ORG"
        if cls == "country":
            return kb.startswith("country:")
        if cls == "media":
            return sector == "MED" and label == "ORG"
        if cls == "organisation":
            return label == "ORG" and first.kind == "name"
        if (
            cls in ("person", "people")
            and sector in UNNAMED_ATTACKERS
            and first.kind == "nominal"
            and label == "PERSON"
            and (ref.number or first.number) == m.number
            and self.sector_of(m.kb)[0] == sector
        ):
            # "the attacker" after "a suicide bomber", "the gunmen" after "attackers": the
            # unnamed armed people told before, as the same kind and number.
            return True
        if cls == "person":
            # "the spokesman" is the named person of the same role or sector, never another.
            if label != "PERSON" or ref.number == "pl" or m.number != "sg" or first.kind != "name":
                return False
            if m.extra.get("possessive"):
                return False
            nouns = {x.extra.get("noun") for x in ref.mentions} | {
                x.extra.get("title", "").lower().rstrip(".") for x in ref.mentions
            }
            own = self.sector_of(f"person:-:-:{m.extra.get('noun', '')}")[0]
            return m.extra.get("noun") in nouns or (sector is not None and own == sector)
        return False

    # -- pronouns ---------------------------------------------------------------------
    def _pronoun_antecedent(
        self, sdoc: Any, m: Mention, referents: list[Referent], by_token: dict[int, Referent]
    ) -> Referent | None:
        tok = sdoc[m.head]
        word = tok.lower_
        if word == "who":
            noun = tok.head.head if tok.head.dep_ == "relcl" else None
            return by_token.get(noun.i) if noun is not None else None
        candidates: list[tuple[Mention, Referent]] = []
        for ref in referents:
            for x in ref.mentions:
                if (
                    x.end <= m.start
                    and not x.extra.get("header")  # the wire header is no part of the prose
                    and m.sent - x.sent <= PRONOUN_WINDOW
                    and self._agrees(m, x, ref)
                ):
                    candidates.append((x, ref))
        if not candidates:
            return None
        candidates.sort(key=lambda c: c[0].start)
        # A pronoun that is an argument of the same verb as a mention is not it ("he saw him"),
        # nor the subject its verb takes from the verb it completes ("police fired tear gas
        # to disperse them": the police disperse, so "them" is someone else).
        verb = tok.head
        controller = (
            verb.head
            if verb.dep_ in ("xcomp", "advcl")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            else None
        )

        def local(x: Mention) -> bool:
            if tok.dep_ == "poss":
                return False
            head = sdoc[x.head]
            if head.head.i == verb.i:
                return True
            return (
                controller is not None
                and head.head.i == controller.i
                and head.dep_ in ("nsubj", "nsubjpass")
            )

        same = [c for c in candidates if c[0].sent == m.sent and not local(c[0])]
        # Nothing else in reach: the controlling subject is still no antecedent.
        candidates = [
            c
            for c in candidates
            if not (c[0].sent == m.sent and local(c[0]) and sdoc[c[0].head].head.i != verb.i)
        ]
        if not candidates:
            return None
        if m.speaker:
            speakers = [c for c in candidates if c[0].speaker]
            if speakers and m.sent - speakers[-1][0].sent <= 1:
                return speakers[-1][1]
        if same:
            return same[-1][1]
        for back in range(1, PRONOUN_WINDOW + 1):
            earlier = [c for c in candidates if c[0].sent == m.sent - back]
            subj = [c for c in earlier if c[0].subject]
            if subj:
                return subj[0][1]
            if earlier:
                return earlier[-1][1]
        return candidates[-1][1]

    @staticmethod
    def _agrees(m: Mention, x: Mention, ref: Referent) -> bool:
        label = ref.label or x.label
        number = ref.number or x.number
        if m.gender in ("m", "f"):
            gender = x.gender or x.extra.get("gender", "")
            if gender and gender != m.gender:
                return False
            return label == "PERSON" and number != "pl" and x.number != "pl"
        if m.number == "pl":
            return (label == "PERSON" and number == "pl") or (
                label == "ORG" and ref.sector is not None
            )
        if m.gender == "n":
            return label in ("ORG", "GPE") and number != "pl"
        return False

    # -- one type per referent ----------------------------------------------------------
    @staticmethod
    def _label(sdoc: Any, ref: Referent) -> str:
        for m in ref.mentions:
            if m.source == "dictionary" and m.kind == "name":
                return m.label
        # The wire header says what its names are: the town a place, the agency a body.
        filed = {m.extra.get("dateline") for m in ref.mentions}
        if "place" in filed:
            return "GPE"
        if "agency" in filed:
            return "ORG"
        names = ref.names()
        if any(
            m.label == "PERSON" and (m.end - m.start > 1 or m.extra.get("title")) for m in names
        ):
            return "PERSON"
        persons = [m for m in ref.mentions if m.kind == "nominal" and m.label == "PERSON"]
        if persons and all(m.source in ("ner", "title", "propagated") for m in names):
            return "PERSON"  # "His eldest son, Tariq": spaCy's ORG guess loses to the noun
        if names:
            counts = Counter(m.label for m in names if m.label)
            if counts:
                return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        return ref.first.label
