"""Attribution cues: who says what, read from a parse with the lexicon ``attribution.toml``.

The quote and claim components share this reading of a sentence: each reporting verb
("said", "told", "claimed", "denied"), "according to" and report noun ("Reports of ...")
outside quotation marks is a :class:`Cue` with its speaker mention, its content (the
reported clause) and the status its own wording gives. Quotation marks are found on the
characters (:func:`quoted_stretches`), straight or typographic, across paragraphs.
Everything here is character offsets into the spaCy Doc's text, so that the components can
store them and the stages turn them into evidence spans.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

Range = tuple[int, int]

# Opening and closing marks. Straight marks are decided by what surrounds them.
_OPEN = "\u201c\u201e\u00ab"  # “ „ «
_CLOSE = "\u201d\u00bb"  # ” »
_STRAIGHT = '"'
# Characters before an opening straight mark / after a closing one.
_BEFORE_OPEN = " \t\n([{\u2014\u2013-/:;,"
_AFTER_CLOSE = " \t\n)]}.,;:!?\u2014\u2013-"
# Dependency labels of a subject's parts that are not the speaker's name.
_NOT_NAME = frozenset({"appos", "relcl", "acl", "advcl", "parataxis", "cc", "conj"})
# Punctuation that ends a name (a hyphen or an apostrophe does not).
_BREAK_PUNCT = frozenset(',;:()[]\u2014\u2013"\u201c\u201d')
# Clause labels that carry a reporting verb's content.
_CLAUSE = ("ccomp", "xcomp")
# A dateline before the first sentence ("WASHINGTON/MOSCOW:", "KABUL (AFP) -") is not
# part of what anyone said.
_DATELINE = re.compile(r"[A-Z][A-Z'\u2019./ -]*[A-Z.](?: \([A-Za-z]+\))?\s*[:\u2013\u2014-]\s+")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them"})


@dataclass(frozen=True)
class Lexicon:
    """The cue words of ``resources/attribution.toml``."""

    verbs: dict[str, str]
    partial_verbs: frozenset[str]
    channel_nouns: frozenset[str]
    report_nouns: frozenset[str]
    report_status: str
    person_nouns: frozenset[str]
    group_nouns: frozenset[str]
    generic_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    issuing_verbs: frozenset[str]
    according: tuple[str, ...]
    according_status: str
    naming: tuple[str, ...]
    responses: dict[str, tuple[re.Pattern[str], ...]]
    precedence: tuple[str, ...]

    def rank(self, status: str) -> int:
        """Smaller is stronger (denied first)."""
        return self.precedence.index(status) if status in self.precedence else len(self.precedence)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped cue lexicon (read once)."""
    text = resources.files("dateline").joinpath("resources/attribution.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return Lexicon(
        verbs={k.lower(): v for k, v in data["verbs"].items()},
        partial_verbs=frozenset(data["partial_verbs"]["lemmas"]),
        channel_nouns=frozenset(data["nouns"]["channel"]),
        report_nouns=frozenset(data["nouns"]["report"]),
        report_status=data["nouns"]["report_status"],
        person_nouns=frozenset(data["nouns"]["person"]),
        group_nouns=frozenset(data["nouns"]["group"]),
        generic_nouns=frozenset(data["nouns"]["generic"]),
        outlet_nouns=frozenset(data["nouns"].get("outlet", [])),
        issuing_verbs=frozenset(data["nouns"].get("issuing", [])),
        according=tuple(data["according"]["phrases"]),
        according_status=data["according"]["status"],
        naming=tuple(data["naming"]["before"]),
        responses={
            status: tuple(re.compile(p) for p in patterns)
            for status, patterns in data["responses"].items()
            if status != "precedence"
        },
        precedence=tuple(data["responses"]["precedence"]),
    )


# -- quotation marks ----------------------------------------------------------------------
@dataclass(frozen=True)
class Stretch:
    """A quotation: the text inside its marks, in one part per paragraph."""

    parts: tuple[Range, ...]  # inside the marks, marks excluded
    open_mark: int  # offset of the first opening mark
    close_mark: int  # offset of the closing mark (or of the end of the last part)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def _is_open(text: str, i: int) -> bool:
    """Whether the straight mark at ``i`` opens a quotation."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    return before in _BEFORE_OPEN and not after.isspace()


def _is_close(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else "\n"
    before = text[i - 1] if i > 0 else "\n"
    return (after in _AFTER_CLOSE or after in "\"'\u2019") and not before.isspace()


def _marks(paragraph: str, offset: int) -> Iterator[tuple[int, str]]:
    """(offset, "open"|"close") of the double quotation marks of one paragraph."""
    for i, ch in enumerate(paragraph):
        if ch in _OPEN:
            yield offset + i, "open"
        elif ch in _CLOSE:
            yield offset + i, "close"
        elif ch == _STRAIGHT:
            if _is_open(paragraph, i):
                yield offset + i, "open"
            elif _is_close(paragraph, i):
                yield offset + i, "close"


def _paragraphs(text: str) -> Iterator[Range]:
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def _trim(text: str, start: int, end: int) -> Range:
    """Inside-the-marks bounds without surrounding spaces and the comma before an attribution."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quoted_stretches(text: str) -> list[Stretch]:
    """Every quotation in ``text``, straight or typographic, a paragraph-spanning one whole.

    Wire style opens each paragraph of a long quotation again and closes only the last:
    an unclosed quotation continues when the next paragraph opens with a mark; otherwise
    it is dropped (a stray mark).
    """
    stretches: list[Stretch] = []
    pending: list[Range] = []  # parts of a quotation still open at a paragraph end
    pending_open = -1
    for p_start, p_end in _paragraphs(text):
        para = text[p_start:p_end]
        if not para.strip():
            continue
        marks = list(_marks(para, p_start))
        first_char = p_start + (len(para) - len(para.lstrip()))
        if pending and not (marks and marks[0] == (first_char, "open")):
            pending = []  # the quotation was never continued: a stray mark
        open_at = -1
        for pos, kind in marks:
            if kind == "open":
                if open_at == -1:
                    open_at = pos
                    if not pending:
                        pending_open = pos
            elif open_at != -1:
                parts = [*pending, _trim(text, open_at + 1, pos)]
                parts = [p for p in parts if p[1] > p[0]]
                if parts:
                    stretches.append(Stretch(tuple(parts), pending_open, pos))
                pending = []
                open_at = -1
        if open_at != -1:
            part = _trim(text, open_at + 1, p_end)
            pending = [*pending, part] if part[1] > part[0] else pending
            if len(pending) == 1:
                pending_open = open_at
    return stretches


# -- cues ---------------------------------------------------------------------------------
@dataclass
class Cue:
    """A reporting expression in a sentence: cue words, speaker mention, content, status."""

    kind: str  # "verb", "according", "noun"
    cue: Range
    status: str
    lemma: str
    speaker: Range | None = None
    speaker_name: Range | None = None  # a proper-name apposition of the speaker, if any
    contents: list[Range] = field(default_factory=list)  # reported clauses, in order
    clausal: bool = False  # content is a finite or "to" clause (indirect speech)
    token: Any = None  # the cue's head token


def _inside(ranges: Sequence[Range], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def _over(ranges: Sequence[Range], start: int, end: int) -> list[Range]:
    """The ranges that reach into ``[start, end)``: a sentence's share of the document's
    quotations, so that each token is checked against a few rather than all of them."""
    return [r for r in ranges if r[0] < end and start < r[1]]


def _token_range(tokens: Iterable[Any]) -> Range | None:
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return None
    return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)


def _clean_content(text: str, rng: Range | None) -> Range | None:
    """A content range without a leading "that", surrounding punctuation and spaces."""
    if rng is None:
        return None
    start, end = rng
    m = re.match(r"(?:\s|,|:|that\b)*", text[start:end], flags=re.I)
    if m:
        start += m.end()
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    return (start, end) if end > start else None


def subject_of(token: Any) -> Any | None:
    """The subject of a verb, inherited from the verb it hangs on ("and said", "saying")."""
    seen = 0
    while token is not None and seen < 4:
        for child in token.children:
            if child.dep_ == "nsubj":
                if token.dep_ == "relcl" and child.lower_ in ("which", "who", "that"):
                    return token.head  # "the army, which denies ...": the army
                return child
        if token.dep_ in ("conj", "advcl", "xcomp", "acl") and token.head is not token:
            token = token.head
            seen += 1
            continue
        if token.dep_ == "relcl" and token.head is not token:
            return token.head  # "the army, which denies ..."
        if _issued(token):
            token = token.head  # "ETA issued a statement denying ...": ETA
            seen += 1
            continue
        return None
    return None


def _issued(token: Any) -> bool:
    """Whether ``token`` is a channel noun put out by the verb it is the object of ("issued
    a statement", "released a video"; ``[nouns] channel`` and ``issuing``)."""
    lex = lexicon()
    return (
        token.dep_ == "dobj"
        and token.lemma_.lower() in lex.channel_nouns
        and token.head is not token
        and token.head.pos_ == "VERB"
        and token.head.lemma_.lower() in lex.issuing_verbs
    )


def noun_phrase(token: Any) -> Range:
    """The name part of a noun phrase: no apposition, relative clause or trailing clause."""

    def name_part(t: Any) -> bool:
        return t.dep_ not in _NOT_NAME and not (t.is_punct and t.text in _BREAK_PUNCT)

    keep = [token]
    stack = [c for c in token.children if name_part(c)]
    while stack:
        child = stack.pop()
        keep.append(child)
        stack.extend(c for c in child.children if name_part(c))
    # Only the contiguous run around the head.
    idx = sorted(t.i for t in keep)
    lo = hi = token.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    doc = token.doc
    first, last = doc[lo], doc[hi]
    while last.i > first.i and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    while first.i < last.i and (first.is_punct or first.is_space):
        first = doc[first.i + 1]
    end = last.idx + len(last.text)
    return first.idx, end


def _apposition_name(token: Any) -> Range | None:
    """A proper-name apposition of a common-noun subject ("The minister, Peter Okello")."""
    if token.pos_ == "PROPN":
        return None
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return noun_phrase(child)
    return None


def is_pronoun(text: str) -> bool:
    return text.strip().lower() in _PRONOUNS


def _content_of(verb: Any, text: str) -> tuple[list[Range], bool]:
    """The reported content of a reporting verb: its clause(s), else its gerund or object."""
    contents: list[Range] = []
    clause = [c for c in verb.children if c.dep_ in _CLAUSE]
    if clause:
        for c in clause:
            contents.extend(_split_clause(c, text))
        finite = any(c.dep_ == "ccomp" or _is_to_clause(c) for c in clause)
        contents = _misattached_rest(verb, clause[-1], contents, text)
        return [r for r in contents if r], finite
    lemma = verb.lemma_.lower()
    if lemma == "accuse":
        obj = [c for c in verb.children if c.dep_ == "dobj"]
        # "accused the party of paying": "of" hangs on the verb or on its object.
        prep = [
            c for t in [verb, *obj] for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
        ]
        if obj and prep:
            rng = _token_range([*obj[0].subtree, *prep[0].subtree])
            return [r for r in [_clean_content(text, rng)] if r], False
    if lemma == "deny":
        for c in verb.children:
            if c.dep_ in ("pcomp", "dobj") and c.tag_ == "VBG":
                rng = _clean_content(text, _token_range(c.subtree))
                return ([rng] if rng else []), False
    return [], False


def _misattached_rest(verb: Any, clause: Any, contents: list[Range], text: str) -> list[Range]:
    """Extend the content over a subjectless verb the parser hung on the cue after it.

    "reported that X, described as ..., had been killed": the small model makes "killed" a
    conjunct of "reported"; without "and" before it, it is the rest of the reported clause.
    """
    if not contents:
        return contents
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i < clause.i:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue
        between = verb.doc[clause.i : conj.i]
        if any(t.dep_ == "cc" and t.head.i == verb.i for t in between):
            continue
        rng = _clean_content(
            text, (contents[-1][0], conj.right_edge.idx + len(conj.right_edge.text))
        )
        if rng:
            contents = [*contents[:-1], rng]
    return contents


def _is_to_clause(token: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _split_clause(head: Any, text: str) -> list[Range]:
    """A clause and, apart, each conjoined clause that has its own "that"."""
    split_off = [
        c
        for c in head.children
        if c.dep_ == "conj" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
    ]
    excluded = {t.i for c in split_off for t in c.subtree}
    own = [t for t in head.subtree if t.i not in excluded]
    # Drop a trailing "and" left before a split-off clause.
    while own and (own[-1].dep_ == "cc" or own[-1].text in ",;:" or own[-1].is_space):
        own = own[:-1]
    ranges = [_clean_content(text, _token_range(own))]
    for c in split_off:
        ranges.extend(_split_clause(c, text))
    return [r for r in ranges if r]


def _parenthetical_content(verb: Any, sent: Any, text: str) -> list[Range]:
    """Content around a cue inserted in or after its clause ("..., an official said, ...")."""
    head = verb.head
    if head is verb:
        return []
    cue_tokens = {t.i for t in verb.subtree}
    before = [t for t in head.subtree if t.i < min(cue_tokens)]
    after = [t for t in head.subtree if t.i > max(cue_tokens)]
    before_rng = _clean_content(text, _token_range(before))
    after_rng = _clean_content(text, _token_range(after))
    if before_rng and after_rng:
        # The inserted attribution splits one statement: keep it whole.
        return [(before_rng[0], after_rng[1])]
    return [r for r in (before_rng or after_rng,) if r]


def find_cues(sent: Any, quoted: Sequence[Range], text: str | None = None) -> list[Cue]:
    """Every reporting cue of a spaCy sentence outside the quotations ``quoted``.

    ``text`` is the Doc's text, when the caller has it (spaCy rebuilds it on every access).
    """
    lex = lexicon()
    text = sent.doc.text if text is None else text
    quoted = _over(quoted, sent.start_char, sent.end_char)
    cues: list[Cue] = []
    for token in sent:
        if _inside(quoted, token.idx, token.idx + len(token.text)):
            continue
        lemma = token.lemma_.lower()
        low = token.lower_
        if token.pos_ in ("VERB", "AUX") and lemma in lex.verbs and token.dep_ != "amod":
            cue = _verb_cue(token, lemma, lex.verbs[lemma], sent, text)
            if cue is not None:
                cues.append(cue)
        elif low in ("according", "citing", "quoting"):
            cue = _according_cue(token, sent, text)
            if cue is not None:
                cues.append(cue)
        elif token.pos_ == "NOUN" and lemma in lex.report_nouns:
            cue = _noun_cue(token, lemma, text)
            if cue is not None:
                cues.append(cue)
    return cues


def _negated(token: Any) -> bool:
    """ "did not say", "declined to say": no statement is made."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_.lower() in ("decline", "refuse", "fail")


def _clip(text: str, cue: Range, contents: list[Range]) -> list[Range]:
    """Contents cut to the cue's paragraph and before any response phrase in them."""
    p_start = text.rfind("\n", 0, cue[0]) + 1
    p_end = text.find("\n", cue[1])
    p_end = len(text) if p_end == -1 else p_end
    clipped = []
    for start, end in contents:
        start, end = max(start, p_start), min(end, p_end)
        low = text[start:end].lower().translate(_APOSTROPHES)
        for pattern in lexicon().responses.get("unsupported", ()):
            m = pattern.search(low)
            if m:
                cut = re.sub(r"[\s,;]*(?:\b(?:but|and)\s*)?$", "", text[start : start + m.start()])
                end = start + len(cut)
        rng = _clean_content(text, (start, end))
        if rng:
            clipped.append(rng)
    return clipped


def _verb_cue(token: Any, lemma: str, status: str, sent: Any, text: str) -> Cue | None:
    if _negated(token):
        return None
    subject = subject_of(token)
    contents, clausal = _content_of(token, text)
    inserted = token.dep_ in ("parataxis", "ccomp", "advcl", "conj") and subject is not None
    if (
        not contents
        and inserted
        and (token.dep_ != "conj" or token.head.lemma_.lower() not in lexicon().verbs)
    ):
        contents = _parenthetical_content(token, sent, text)
        clausal = bool(contents)
    cue_range = (token.idx, token.idx + len(token.text))
    contents = _clip(text, cue_range, contents)
    speaker = noun_phrase(subject) if subject is not None else None
    return Cue(
        kind="verb",
        cue=cue_range,
        status=status,
        lemma=lemma,
        speaker=speaker,
        speaker_name=_apposition_name(subject) if subject is not None else None,
        contents=contents,
        clausal=clausal,
        token=token,
    )


def _according_cue(token: Any, sent: Any, text: str) -> Cue | None:
    lex = lexicon()
    if token.lower_ == "according":
        # A broken parse can hang a "to" before "according" on it: only one after it counts.
        to = [c for c in token.children if c.lower_ == "to" and c.i > token.i]
        objects = [c for t in to for c in t.children if c.dep_ == "pobj"]
        cue_end = to[0].idx + len(to[0].text) if to else token.idx + len(token.text)
    else:
        objects = [c for c in token.children if c.dep_ == "dobj"]
        cue_end = token.idx + len(token.text)
    if not objects:
        return None
    phrase = {token.i} | {t.i for t in token.subtree}
    lo, hi = min(phrase), max(phrase)
    before = [t for t in sent if t.i < lo]
    after = [t for t in sent if t.i > hi]
    before_rng = _clean_content(text, _token_range(before))
    after_rng = _clean_content(text, _token_range(after))
    content = after_rng if lo <= sent.start + 1 or before_rng is None else before_rng
    contents = _clip(text, (token.idx, cue_end), [content] if content else [])
    return Cue(
        kind="according",
        cue=(token.idx, cue_end),
        status=lex.according_status,
        lemma=token.lower_,
        speaker=noun_phrase(objects[0]),
        speaker_name=_apposition_name(objects[0]),
        contents=contents,
        clausal=True,
        token=token,
    )


def _noun_cue(token: Any, lemma: str, text: str) -> Cue | None:
    """ "Reports of his death", "reports that the ceasefire had collapsed"."""
    if token.tag_ != "NNS" and lemma not in ("rumour", "rumor", "allegation"):
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                rng = _clean_content(text, _token_range(objects[0].subtree))
                if rng:
                    return Cue(
                        "noun", _tok(token), lexicon().report_status, lemma, None, None, [rng]
                    )
        if child.dep_ in ("acl", "ccomp") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            rng = _clean_content(text, _token_range(child.subtree))
            if rng:
                return Cue(
                    "noun", _tok(token), lexicon().report_status, lemma, None, None, [rng], True
                )
    return None


def _tok(token: Any) -> Range:
    return token.idx, token.idx + len(token.text)


# -- responses ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Response:
    """A phrase by which a source answers a claim: could not confirm, denied, no proof."""

    status: str
    cue: Range
    responder: Range | None  # the subject of the response, if any


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def find_responses(sent: Any, quoted: Sequence[Range], text: str | None = None) -> list[Response]:
    """The response phrases of a sentence (outside quotation marks), first match per status."""
    text = sent.doc.text if text is None else text
    base = sent.start_char
    quoted = _over(quoted, base, sent.end_char)
    low = text[base : sent.end_char].lower().translate(_APOSTROPHES)
    found: list[Response] = []
    for status, patterns in lexicon().responses.items():
        for pattern in patterns:
            for m in pattern.finditer(low):
                start, end = base + m.start(), base + m.end()
                if _inside(quoted, start, end) and status != "unconfirmed":
                    continue
                found.append(Response(status, (start, end), _responder(sent, start, text)))
                break
            else:
                continue
            break
    return found


def _responder(sent: Any, offset: int, text: str) -> Range | None:
    """The subject of the verb at ``offset`` (who responds), if the parse gives one."""
    for token in sent:
        if token.idx >= offset and token.pos_ in ("VERB", "AUX"):
            subject = subject_of(token)
            return noun_phrase(subject) if subject is not None else None
    return None
