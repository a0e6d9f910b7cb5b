"""Quotes: direct, partial and indirect, each with its speaker.

The spaCy component ``dateline_quotes`` finds them on a parsed Doc and writes the span group
``dateline.quotes`` (one span per quote from its first to its last quoted word, label the
kind; ``span._.dateline_quote`` holds its parts, cue and speaker mention). The stage
``dateline.quotes.v1`` turns the group into ``Quote`` records, the speaker resolved to its
referent (``speakers.Speakers``).

- direct: quoted sentences, straight or typographic marks, across paragraphs; a quotation
  with no cue of its own continues the previous speaker's ("... he said. "More."");
- partial: quoted words inside a reported sentence ("called the claims "lies"");
- indirect: the reported clause of "said that", "told AFP", "according to" ...;
- scare quotes, names and titles in quotation marks ("so-called "road map"", "bunker
  buster" bombs, the "minister of war" who ...) are no quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Span as SpacySpan

from ..config import Config
from ..document import Document
from ..errors import PipelineError
from ..records import Quote, assign_ids
from ..registry import Stage, stages
from .cues import Cue, Range, Stretch, find_cues, lexicon, quoted_stretches, subject_of
from .cues import noun_phrase as _noun_phrase
from .speakers import LOOKBACK_CHARS, Speakers

QUOTES = "dateline.quotes"
COMPONENT = "dateline_quotes"
EXTENSION = "dateline_quote"
# A quotation of at most this many words without a verb can be a name or a scare quote.
SHORT_WORDS = 6
# How far up the parse a partial quote looks for the verb that reports it.
MAX_CLIMB = 8
_TITLE_WORD = re.compile(r"^[A-Z0-9]")
_RELATIVE = frozenset({"who", "whom", "whose"})

if not SpacySpan.has_extension(EXTENSION):
    SpacySpan.set_extension(EXTENSION, default=None)


@dataclass
class Found:
    """One quote found on a spaCy Doc (character offsets into its text)."""

    kind: str
    parts: list[Range]
    cue: Range | None = None
    speaker: Range | None = None
    speaker_name: Range | None = None
    continued: bool = False  # no cue of its own: the previous speaker's
    lemma: str | None = None  # the cue's lemma


# -- finding ------------------------------------------------------------------------------
def _sentences_over(
    sents: Sequence[Any], bounds: tuple[list[int], list[int]], start: int, end: int
) -> list[Any]:
    """The sentences reaching into ``[start, end)``; ``bounds`` are their start and end
    offsets, in order (a bisection rather than a scan of every sentence per quotation)."""
    starts, ends = bounds
    return list(sents[bisect_right(ends, start) : bisect_left(starts, end)])


def _words(sdoc: Any, start: int, end: int) -> list[Any]:
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if not t.is_punct and not t.is_space] if span is not None else []


def _is_full(sdoc: Any, stretch: Stretch, doc_text: str) -> bool:
    """A quoted sentence (or more) rather than a fragment of one."""
    text = doc_text[stretch.start : stretch.end]
    words = _words(sdoc, stretch.start, stretch.end)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    if len(stretch.parts) > 1:
        return True
    if not words:
        return False
    starts_upper = bool(_TITLE_WORD.match(text)) and not _title_case(words)
    if starts_upper and (has_verb or text.rstrip()[-1:] in ".?!"):
        return True
    return has_verb and len(words) >= 12


def _title_case(words: Sequence[Any]) -> bool:
    """Every longer word capitalised ("Return to Aleppo", "Operation Clean Sea")."""
    long = [t for t in words if len(t.text) > 3]
    return len(words) >= 2 and bool(long) and all(t.text[:1].isupper() for t in long)


def _is_name(sdoc: Any, stretch: Stretch, text: str) -> bool:
    """A name, a term or a scare quote: "so-called ...", "... bombs", the "X" who, a title."""
    words = _words(sdoc, stretch.start, stretch.end)
    if not words:
        return True
    before = text[max(0, stretch.open_mark - 40) : stretch.open_mark].lower().rstrip(' \u201c"')
    if any(before.endswith(cue) for cue in lexicon().naming):
        return True
    if _title_case(words):
        return True
    after = sdoc.char_span(stretch.close_mark + 1, len(text), alignment_mode="expand")
    nxt = next((t for t in after if not t.is_space and not t.is_punct), None) if after else None
    if nxt is not None and nxt.idx - (stretch.close_mark + 1) <= 1:
        last = words[-1]
        # "bunker buster" bombs: the quotation modifies the noun after it.
        if nxt.pos_ in ("NOUN", "PROPN") and last.head.i == nxt.i:
            return True
        # the US-trained "minister of war" who ...: an epithet of a person.
        if nxt.lower_ in _RELATIVE:
            return True
    return False


def _reporting_ancestor(sdoc: Any, stretch: Stretch) -> Any | None:
    """The verb that reports a partial quote: up the parse from its words to a cue verb."""
    lex = lexicon()
    words = _words(sdoc, stretch.start, stretch.end)
    if not words:
        return None
    token = words[0]
    inside = {t.i for t in words}
    head = next((t for t in words if t.head.i not in inside), words[0])
    token = head.head
    for _ in range(MAX_CLIMB):
        lemma = token.lemma_.lower()
        reporting = lemma in lex.verbs or lemma in lex.partial_verbs
        if token.pos_ in ("VERB", "AUX") and reporting and subject_of(token) is not None:
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _adjacent_cue(cues: Sequence[Cue], stretch: Stretch, text: str) -> Cue | None:
    """A cue right after the closing mark ("...," it added) or right before the opening one."""
    best: tuple[int, Cue] | None = None
    for cue in cues:
        if cue.speaker is None and cue.kind != "according":
            continue
        if cue.cue[0] >= stretch.close_mark:
            gap = text[stretch.close_mark + 1 : cue.cue[0]]
        elif cue.cue[1] <= stretch.open_mark:
            gap = text[cue.cue[1] : stretch.open_mark]
        else:
            continue
        if re.search(r"[.?!]\s", gap) or "\n" in gap or len(gap) > 80:
            continue
        if best is None or len(gap) < best[0]:
            best = (len(gap), cue)
    return best[1] if best else None


def _overlap(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def find_quotes(sdoc: Any) -> list[Found]:
    """The quotes of a parsed spaCy Doc, in text order."""
    text = sdoc.text
    stretches = quoted_stretches(text)
    marked = [(s.open_mark, s.close_mark + 1) for s in stretches]
    sents = list(sdoc.sents)
    bounds = [s.start_char for s in sents], [s.end_char for s in sents]
    cues_by_sent = {s.start: find_cues(s, marked, text) for s in sents}
    found: list[Found] = []
    for stretch in stretches:
        near = [
            c
            for s in _sentences_over(sents, bounds, stretch.open_mark, stretch.close_mark + 1)
            for c in cues_by_sent[s.start]
        ]
        if _is_full(sdoc, stretch, text):
            cue = _cue_of_direct(near, stretch, text)
            found.append(_found("direct", stretch, cue))
            continue
        if _is_name(sdoc, stretch, text):
            continue
        cue = next(
            (
                c
                for c in near
                if any(a <= stretch.start and stretch.end <= b for a, b in c.contents)
                and c.speaker is not None
            ),
            None,
        ) or _adjacent_cue(near, stretch, text)
        if cue is not None:
            found.append(_found("partial", stretch, cue))
            continue
        verb = _reporting_ancestor(sdoc, stretch)
        if verb is not None:
            subject = subject_of(verb)
            speaker = _noun_phrase(subject) if subject is not None else None
            item = Found(
                "partial",
                list(stretch.parts),
                (verb.idx, verb.idx + len(verb.text)),
                speaker,
                None,
                False,
                verb.lemma_.lower(),
            )
            found.append(item)
    direct = [f for f in found if f.kind == "direct"]
    for s in sents:
        for cue in cues_by_sent[s.start]:
            if not cue.clausal or cue.kind == "noun" or (cue.speaker is None):
                continue
            for content in cue.contents:
                size = content[1] - content[0]
                if any(
                    _overlap(content, (d.parts[0][0], d.parts[-1][1])) * 2 > size for d in direct
                ):
                    continue
                found.append(
                    Found(
                        "indirect",
                        [content],
                        cue.cue,
                        cue.speaker,
                        cue.speaker_name,
                        False,
                        cue.lemma,
                    )
                )
    found.sort(key=lambda f: (f.parts[0][0], f.parts[-1][1]))
    return found


def _cue_of_direct(near: Sequence[Cue], stretch: Stretch, text: str) -> Cue | None:
    """The cue of a quoted sentence: one whose content is the quotation, else one beside it."""
    span = (stretch.start, stretch.end)
    for cue in near:
        if cue.speaker is None and cue.kind != "according":
            continue
        if cue.cue[0] >= stretch.start and cue.cue[1] <= stretch.end:
            continue
        if any(_overlap(content, span) for content in cue.contents):
            gap_ok = _adjacent_cue([cue], stretch, text) is not None
            if gap_ok:
                return cue
    return _adjacent_cue(near, stretch, text)


def _found(kind: str, stretch: Stretch, cue: Cue | None) -> Found:
    if cue is None:
        return Found(kind, list(stretch.parts), continued=True)
    return Found(
        kind, list(stretch.parts), cue.cue, cue.speaker, cue.speaker_name, False, cue.lemma
    )


# -- the component ------------------------------------------------------------------------
def _relative(value: Range | None, origin: int) -> list[int] | None:
    return None if value is None else [value[0] - origin, value[1] - origin]


def _absolute(value: Sequence[int] | None, origin: int) -> Range | None:
    return None if value is None else (origin + int(value[0]), origin + int(value[1]))


@Language.component(COMPONENT, requires=["token.dep", "doc.sents"], assigns=["doc.spans"])
def quotes_component(sdoc: Any) -> Any:
    """Quotes as the span group ``dateline.quotes`` (label: direct, partial or indirect).

    ``span._.dateline_quote`` holds offsets relative to the span's start (so that they stay
    right when spaCy joins Docs): ``parts``, ``cue``, ``speaker``, ``speaker_name``, and
    ``continued`` (no cue of its own).
    """
    spans = []
    for item in find_quotes(sdoc):
        span = sdoc.char_span(
            item.parts[0][0], item.parts[-1][1], label=item.kind, alignment_mode="expand"
        )
        if span is None:
            continue
        origin = span.start_char
        span._.set(
            EXTENSION,
            {
                "parts": [_relative(p, origin) for p in item.parts],
                "cue": _relative(item.cue, origin),
                "speaker": _relative(item.speaker, origin),
                "speaker_name": _relative(item.speaker_name, origin),
                "continued": item.continued,
                "lemma": item.lemma,
            },
        )
        spans.append(span)
    sdoc.spans[QUOTES] = spans
    return sdoc


def read_group(sdoc: Any) -> list[Found]:
    """The quotes the component left on a Doc, with absolute offsets."""
    found = []
    for span in sdoc.spans.get(QUOTES, []):
        info = span._.get(EXTENSION)
        if not info:
            continue
        origin = span.start_char
        parts = [r for p in info["parts"] if (r := _absolute(p, origin)) is not None]
        found.append(
            Found(
                kind=span.label_,
                parts=parts,
                cue=_absolute(info["cue"], origin),
                speaker=_absolute(info["speaker"], origin),
                speaker_name=_absolute(info["speaker_name"], origin),
                continued=bool(info["continued"]),
                lemma=info.get("lemma"),
            )
        )
    return found


# -- the stage ----------------------------------------------------------------------------
def make_records(
    doc: Document, found: Sequence[Found], speakers: Speakers, caption: int | None = None
) -> list[Quote]:
    """Quote records with resolved speakers, in text order."""
    quotes = []
    others = list(_other_speakers(doc.sdoc if caption is None else doc.caption_sdocs[caption]))
    for item in found:
        while others and others[0][0] < item.parts[0][0]:
            # Sources of statements that are no quotes ("accused ...") are speakers too.
            at, mention, name = others.pop(0)
            other = speakers.resolve(mention, name, caption=caption)
            if other is not None:
                speakers.remember(at, other, caption=caption)
        evidence = [doc.span(a, b, caption=caption) for a, b in item.parts if b > a]
        if not evidence:
            continue
        if item.continued:
            speaker = speakers.previous(item.parts[0][0], caption=caption)
        else:
            speaker = speakers.resolve(item.speaker, item.speaker_name, caption=caption)
        cue = doc.span(*item.cue, caption=caption) if item.cue else None
        quotes.append(Quote(id="", kind=item.kind, speaker=speaker, cue=cue, evidence=evidence))
        if speaker is not None and item.kind != "partial":
            speakers.remember(item.parts[-1][1], speaker, caption=caption)
    return quotes


def _other_speakers(sdoc: Any) -> list[tuple[int, Range, Range | None]]:
    """(offset, speaker, name) of the claim component's statements that are no quotes."""
    from .claims import read_groups  # the claims layer reads this one: import late

    if sdoc is None:
        return []
    statements, _ = read_groups(sdoc)
    return [
        (st.parts[0][0], st.speaker, st.speaker_name)
        for st in statements
        if st.source != "quote" and st.speaker is not None
    ]


def extract_quotes(doc: Document, *, lookback: int = LOOKBACK_CHARS) -> list[Quote]:
    """Every quote of the body and the captions, ids assigned."""
    quotes = make_records(doc, read_group(doc.sdoc), Speakers(doc, lookback=lookback))
    for n, csdoc in enumerate(doc.caption_sdocs):
        speakers = Speakers(doc, caption=n, lookback=lookback)
        quotes += make_records(doc, read_group(csdoc), speakers, caption=n)
    assign_ids(quotes)
    return quotes


@stages.register(
    "dateline.quotes.v1", requires=["sdoc", "entities"], assigns=["quotes"], english_only=True
)
def make_quotes(config: Config) -> Stage:
    """Direct, partial and indirect quotes with their speakers (the dateline_quotes component)."""
    if COMPONENT not in config.parse.components:
        raise PipelineError(
            f"stage dateline.quotes.v1 reads the spaCy component {COMPONENT!r}: "
            f'add it to [parse] components = [..., "{COMPONENT}"]'
        )

    lookback = config.quotes.speaker_lookback_chars

    def quotes(doc: Document) -> Document:
        doc.quotes = extract_quotes(doc, lookback=lookback)
        return doc

    return quotes
