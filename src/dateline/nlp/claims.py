"""Claims: every attributed statement, with its claimant, cue and status.

The spaCy component ``dateline_claims`` (after ``dateline_quotes``) writes two span groups:
``dateline.claims``, one span per statement (a quoted sentence, a reported clause, "denied
shelling the village", "Reports of his death"), labelled with the status its own cue gives
(``resources/attribution.toml``); and ``dateline.claim_responses``, the phrases by which
one source answers another ("could not immediately confirm", "denied", "did not offer any
proof"), labelled with the status they give.

The stage ``dateline.claims.v1`` makes the records: consecutive statements of one claimant
are one claim (its ``evidence`` holds each statement), each response gives the claim it
answers its status (the strongest wins: denied > disputed > unsupported > unconfirmed >
the cue's own), and a claim dated in its own sentence ("The Times reported in April that
...") links that time (``time_id``). ``claim_for`` is what the event stage calls.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Span as SpacySpan

from ..config import Config
from ..document import Document
from ..errors import PipelineError
from ..records import Claim, Source, assign_ids
from ..registry import Stage, stages
from ..spanindex import SpanIndex
from .cues import Range, Response, find_cues, find_responses, lexicon, quoted_stretches
from .quotes import QUOTES, find_quotes, read_group
from .speakers import Speakers
from .times import times_in

CLAIMS = "dateline.claims"
RESPONSES = "dateline.claim_responses"
COMPONENT = "dateline_claims"
EXTENSION = "dateline_claim"
# Responses have their own extension: a response and a statement can cover the same words.
RESPONSE_EXTENSION = "dateline_claim_response"
CONTINUED = "continued"
# Statements further apart than this many paragraph breaks are separate claims even when one
# source makes both; a response looks back this many paragraphs for the claim it answers.
# (Defaults of ``[claims] group_paragraphs`` and ``response_paragraphs``.)
GROUP_BREAKS = 1
RESPONSE_BREAKS = 2

for _name in (EXTENSION, RESPONSE_EXTENSION):
    if not SpacySpan.has_extension(_name):
        SpacySpan.set_extension(_name, default=None)


@dataclass
class Statement:
    """One attributed statement found on a spaCy Doc (character offsets into its text)."""

    parts: list[Range]
    status: str  # the cue's own status, or "continued"
    cue: Range | None = None
    speaker: Range | None = None
    speaker_name: Range | None = None
    source: str = "clause"  # "quote" (a direct or indirect quote), "clause", "noun"


# -- finding ------------------------------------------------------------------------------
def _overlap(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def find_statements(sdoc: Any) -> tuple[list[Statement], list[Response]]:
    """The statements and response phrases of a parsed spaCy Doc, in text order."""
    lex = lexicon()
    quotes = read_group(sdoc) if QUOTES in sdoc.spans else find_quotes(sdoc)
    statements: list[Statement] = []
    for quote in quotes:
        if quote.kind == "partial":
            continue
        if quote.continued:
            status = CONTINUED
        elif quote.lemma in lex.verbs:
            status = lex.verbs[quote.lemma or ""]
        else:
            status = lex.according_status
        statements.append(
            Statement(
                list(quote.parts), status, quote.cue, quote.speaker, quote.speaker_name, "quote"
            )
        )
    text = sdoc.text  # spaCy rebuilds it on every access: once per Doc
    stretches = quoted_stretches(text)
    marked = [(s.open_mark, s.close_mark + 1) for s in stretches]
    responses: list[Response] = []
    for sent in sdoc.sents:
        for cue in find_cues(sent, marked, text):
            if cue.kind != "noun" and (cue.clausal or cue.speaker is None):
                continue  # clausal ones are quotes already
            for content in cue.contents:
                size = content[1] - content[0]
                if any(
                    _overlap(content, (s.parts[0][0], s.parts[-1][1])) * 2 > size
                    for s in statements
                ):
                    continue
                statements.append(
                    Statement(
                        [content],
                        cue.status,
                        cue.cue,
                        cue.speaker,
                        cue.speaker_name,
                        cue.kind if cue.kind == "noun" else "clause",
                    )
                )
        responses += find_responses(sent, marked, text)
    statements.sort(key=lambda s: (s.parts[0][0], s.parts[-1][1]))
    responses.sort(key=lambda r: r.cue)
    return statements, responses


# -- the component ------------------------------------------------------------------------
def _rel(value: Range | None, origin: int) -> list[int] | None:
    return None if value is None else [value[0] - origin, value[1] - origin]


def _abs(value: Sequence[int] | None, origin: int) -> Range | None:
    return None if value is None else (origin + int(value[0]), origin + int(value[1]))


@Language.component(COMPONENT, requires=["token.dep", "doc.sents"], assigns=["doc.spans"])
def claims_component(sdoc: Any) -> Any:
    """Statements as ``dateline.claims`` and response phrases as ``dateline.claim_responses``.

    Span labels are statuses; ``span._.dateline_claim`` holds offsets relative to the
    span's start (``parts``, ``cue``, ``speaker``, ``speaker_name``; for a response,
    ``responder``) and the statement's ``source``.
    """
    statements, responses = find_statements(sdoc)
    spans = []
    for st in statements:
        span = sdoc.char_span(
            st.parts[0][0], st.parts[-1][1], label=st.status, alignment_mode="expand"
        )
        if span is None:
            continue
        o = span.start_char
        span._.set(
            EXTENSION,
            {
                "parts": [_rel(p, o) for p in st.parts],
                "cue": _rel(st.cue, o),
                "speaker": _rel(st.speaker, o),
                "speaker_name": _rel(st.speaker_name, o),
                "source": st.source,
            },
        )
        spans.append(span)
    sdoc.spans[CLAIMS] = spans
    answered = []
    for response in responses:
        span = sdoc.char_span(*response.cue, label=response.status, alignment_mode="expand")
        if span is None:
            continue
        o = span.start_char
        span._.set(
            RESPONSE_EXTENSION,
            {"cue": _rel(response.cue, o), "responder": _rel(response.responder, o)},
        )
        answered.append(span)
    sdoc.spans[RESPONSES] = answered
    return sdoc


def read_groups(sdoc: Any) -> tuple[list[Statement], list[Response]]:
    """The statements and responses the component left on a Doc, with absolute offsets."""
    statements = []
    for span in sdoc.spans.get(CLAIMS, []):
        info = span._.get(EXTENSION)
        if not info:
            continue
        o = span.start_char
        parts = [r for p in info["parts"] if (r := _abs(p, o)) is not None]
        statements.append(
            Statement(
                parts,
                span.label_,
                _abs(info["cue"], o),
                _abs(info["speaker"], o),
                _abs(info["speaker_name"], o),
                info["source"],
            )
        )
    responses = []
    for span in sdoc.spans.get(RESPONSES, []):
        info = span._.get(RESPONSE_EXTENSION)
        if not info:
            continue
        o = span.start_char
        cue = _abs(info["cue"], o)
        if cue is not None:
            responses.append(Response(span.label_, cue, _abs(info["responder"], o)))
    return statements, responses


# -- the stage ----------------------------------------------------------------------------
@dataclass
class _Group:
    statements: list[Statement]
    claimant: Source | None
    key: str | None
    status: str
    targeted: bool = False
    spans: list[Range] = field(default_factory=list)


_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "for",
        "by",
        "with",
        "and",
        "or",
        "but",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "his",
        "her",
        "their",
        "they",
        "he",
        "she",
        "we",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "had",
        "has",
        "have",
        "not",
        "no",
        "could",
        "would",
        "said",
        "say",
        "told",
        "claim",
        "claims",
        "report",
        "reports",
    ]
)


def _content_words(text: str) -> set[str]:
    """Lower-case words of three letters or more, function words and cue words left out."""
    words = (w for w in re.findall(r"[a-z0-9]{3,}", text.lower()) if w not in _STOP)
    # A crude stem, so that "fires" meets "fire".
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words}


def _key(source: Source | None) -> str | None:
    if source is None:
        return None
    if source.entity_id:
        return source.entity_id
    name = re.sub(r"^(?:the|a|an)\s+", "", source.name.strip().lower())
    return " ".join(name.replace("\u2019", "'").split())


class _Builder:
    """Claims of one document part: claimants, groups, statuses, times."""

    def __init__(
        self,
        doc: Document,
        caption: int | None,
        *,
        group_breaks: int = GROUP_BREAKS,
        response_breaks: int = RESPONSE_BREAKS,
    ) -> None:
        self.doc = doc
        self.group_breaks = group_breaks
        self.response_breaks = response_breaks
        self.caption = caption
        self.text = doc.part(caption)
        self.sdoc = doc.sdoc if caption is None else doc.caption_sdocs[caption]
        # Sentence bounds once: asking spaCy for the sentences per statement is quadratic.
        sents = list(self.sdoc.sents) if self.sdoc is not None else []
        self._sent_starts = [int(sent.start_char) for sent in sents]
        self._sent_ends = [int(sent.end_char) for sent in sents]
        self.speakers = Speakers(doc, caption=caption)
        self.lex = lexicon()
        # Quote speakers by where their words start, so a quote and its claim agree.
        self.quoted: dict[int, Source | None] = {}
        for quote in doc.quotes:
            first = quote.evidence[0]
            if first.caption == caption:
                self.quoted[first.start] = quote.speaker

    def breaks(self, a: int, b: int) -> int:
        return self.text.count("\n", min(a, b), max(a, b))

    def claimant(self, st: Statement, previous: Source | None) -> Source | None:
        if st.status == CONTINUED:
            return previous
        if st.source == "quote" and st.parts[0][0] in self.quoted:
            return self.quoted[st.parts[0][0]]
        return self.speakers.resolve(st.speaker, st.speaker_name)

    def groups(self, statements: Sequence[Statement]) -> list[_Group]:
        groups: list[_Group] = []
        previous: Source | None = None
        for st in statements:
            source = self.claimant(st, previous)
            key = _key(source)
            status = st.status
            last = groups[-1] if groups else None
            same = (
                last is not None
                and st.source != "noun"
                and last.statements[-1].source != "noun"
                and (status == CONTINUED or key is not None and key == last.key)
                and (status == "denied") == (last.statements[-1].status == "denied")
                and self.breaks(last.statements[-1].parts[-1][1], st.parts[0][0])
                <= self.group_breaks
            )
            if same and last is not None:
                last.statements.append(st)
                if last.status == CONTINUED:
                    last.status = status
            else:
                if status == CONTINUED:
                    status = "asserted"
                groups.append(_Group([st], source, key, status))
            if source is not None:
                self.speakers.remember(st.parts[-1][1], source)
                previous = source
        return groups

    def respond(self, groups: list[_Group], responses: Sequence[Response]) -> None:
        """Give each response's status to the claim it answers."""
        last_target: _Group | None = None
        covering = _Stretches(
            (lo, hi, n)
            for n, g in enumerate(groups)
            for s in g.statements
            for lo, hi in ((s.parts[0][0], s.parts[-1][1]), s.cue or (0, 0))
        )
        firsts = [g.statements[0].parts[0][0] for g in groups]
        in_order = firsts == sorted(firsts)
        unsupported: list[tuple[_Group, int]] = []
        for response in responses:
            at = response.cue[0]
            first = covering.first_at(at)
            own = groups[first] if first is not None else None
            responder = (
                own.key if own is not None else _key(self.speakers.resolve(response.responder))
            )
            if response.status == "unsupported":
                target = self._unsupported_target(groups, response, own, responder)
                if target is not None:
                    unsupported.append((target, at))
                continue
            else:
                words = self._words_around(at)
                if own is not None:
                    inside = [
                        st
                        for st in own.statements
                        if st.parts[0][0] <= at < st.parts[-1][1]
                        or (st.cue is not None and st.cue[0] <= at < st.cue[1])
                    ]
                    words = {
                        w
                        for st in inside
                        for a, b in st.parts
                        for w in _content_words(self.text[a:b])
                    } or words
                # Groups in text order: those starting at or after the response are passed over.
                upto = bisect_left(firsts, at) if in_order else len(groups)
                target = self._answered(groups[:upto], at, responder, own, last_target, words)
            if target is None:
                continue
            if self.lex.rank(response.status) < self.lex.rank(target.status):
                target.status = response.status
            target.targeted = True
            last_target = target
        for target, at in unsupported:
            scoped = self._split_off(groups, target, at)
            if self.lex.rank("unsupported") < self.lex.rank(scoped.status):
                scoped.status = "unsupported"
            scoped.targeted = True

    def _split_off(self, groups: list[_Group], group: _Group, at: int) -> _Group:
        """The part of ``group`` that "offered no proof" at ``at`` speaks of: the statements
        of its own sentence, else of the group's last sentence before it. The statements
        told before stay a claim of their own: "X said A. X claimed B but offered no proof"
        leaves A asserted."""
        told = [st for st in group.statements if st.parts[0][0] < at] or group.statements
        start = self._sentence_start(at)
        if not any(st.parts[0][0] >= start for st in told):
            start = self._sentence_start(told[-1].parts[0][0])
        head = [st for st in group.statements if st.parts[0][0] < start]
        if not head or len(head) == len(group.statements):
            return group
        tail = group.statements[len(head) :]
        group.statements = head
        own = next((st.status for st in tail if st.status != CONTINUED), "asserted")
        split = _Group(tail, group.claimant, group.key, own)
        groups.insert(groups.index(group) + 1, split)
        return split

    def _unsupported_target(
        self, groups: list[_Group], response: Response, own: _Group | None, responder: str | None
    ) -> _Group | None:
        if own is not None:
            return own
        before = [
            g
            for g in groups
            if g.statements[0].parts[0][0] < response.cue[0] and g.statements[0].source != "noun"
        ]
        same = [g for g in before if responder is not None and g.key == responder]
        sentence_start = self._sentence_start(response.cue[0])
        in_sentence = [g for g in before if g.statements[-1].parts[-1][1] >= sentence_start]
        pick = in_sentence or same or before
        return pick[-1] if pick else None

    def _answered(
        self,
        groups: list[_Group],
        at: int,
        responder: str | None,
        own: _Group | None,
        last_target: _Group | None,
        words: set[str],
    ) -> _Group | None:
        """The claim a response answers: the one it shares most words with, else the last."""
        if (
            last_target is not None
            and self.breaks(last_target.statements[-1].parts[-1][1], at) <= self.response_breaks
            and last_target.key != responder
        ):
            return last_target
        candidates = []
        for group in reversed(groups):
            first = group.statements[0]
            if first.parts[0][0] >= at or group is own or first.source == "noun":
                continue
            if responder is not None and group.key == responder:
                continue
            if self.breaks(group.statements[-1].parts[-1][1], at) > self.response_breaks:
                break
            candidates.append(group)
        if not candidates:
            return None
        shared = [len(words & self._words(g)) for g in candidates]
        best = max(shared)
        return candidates[shared.index(best)] if best else candidates[0]

    def _words(self, group: _Group) -> set[str]:
        return {
            w
            for st in group.statements
            for a, b in st.parts
            for w in _content_words(self.text[a:b])
        }

    def _words_around(self, at: int) -> set[str]:
        """Content words of the response's sentence."""
        start = self._sentence_start(at)
        end = self.text.find("\n", at)
        end = len(self.text) if end == -1 else end
        sentence_end = self.text.find(". ", at)
        if sentence_end != -1:
            end = min(end, sentence_end)
        return _content_words(self.text[start:end])

    def _sentence_at(self, offset: int) -> int | None:
        """The index of the sentence holding ``offset``, or None."""
        n = bisect_right(self._sent_starts, offset) - 1
        if n >= 0 and offset < self._sent_ends[n]:
            return n
        return None

    def _sentence_start(self, offset: int) -> int:
        n = self._sentence_at(offset)
        return 0 if n is None else self._sent_starts[n]

    def time_id(self, st: Statement) -> str | None:
        """The time of the statement itself: one in its sentence outside what is claimed."""
        if self.caption is not None or self.sdoc is None:
            return None
        start = self._sentence_start(st.parts[0][0])
        end = st.parts[-1][1]
        n = self._sentence_at(st.parts[0][0])
        if n is not None:
            end = max(end, self._sent_ends[n])
        for time in times_in(self.doc, start, end):
            span = time.evidence[0]
            if not any(a <= span.start < b for a, b in st.parts):
                return time.id
        return None

    def with_core_name(self, source: Source | None) -> Source | None:
        """The claimant with the names inside its mention added to its evidence
        ("Defense Ministry" of "that nation's Defense Ministry"): the name is the
        claimant as much as the description around it is."""
        if source is None or not source.evidence:
            return source
        first = source.evidence[0]
        if first.caption != self.caption:
            return source
        have = {(s.start, s.end) for s in source.evidence if s.caption == self.caption}
        cores = [
            self.doc.span(a, b, caption=self.caption)
            for a, b in self.speakers.core_names(first.start, first.end, source.entity_id)
            if (a, b) not in have
        ]
        if not cores:
            return source
        return source.model_copy(update={"evidence": [first, *cores, *source.evidence[1:]]})

    def claims(self, statements: Sequence[Statement], responses: Sequence[Response]) -> list[Claim]:
        groups = self.groups(statements)
        self.respond(groups, responses)
        claims = []
        for group in groups:
            first = group.statements[0]
            # One span per statement: a quotation told over two paragraphs is one statement.
            evidence = [
                self.doc.span(st.parts[0][0], st.parts[-1][1], caption=self.caption)
                for st in group.statements
                if st.parts[-1][1] > st.parts[0][0]
            ]
            if not evidence:
                continue
            cue = next((st.cue for st in group.statements if st.cue), None)
            claims.append(
                Claim(
                    id="",
                    claimant=self.with_core_name(group.claimant),
                    cue=self.doc.span(*cue, caption=self.caption) if cue else None,
                    status=group.status,
                    time_id=self.time_id(first),
                    evidence=evidence,
                )
            )
        return claims


class _Stretches:
    """Stretches ``[lo, hi)`` of the text, each with a number: which is the lowest-numbered
    one holding an offset (by bisection, not a scan of all: asked once per response)."""

    def __init__(self, stretches: Iterable[tuple[int, int, int]]) -> None:
        rows = sorted((lo, hi, n) for lo, hi, n in stretches if hi > lo)
        self.starts = [row[0] for row in rows]
        self.rows = rows
        self.longest = max((hi - lo for lo, hi, _ in rows), default=0)

    def first_at(self, at: int) -> int | None:
        lo = bisect_left(self.starts, at - self.longest)
        hi = bisect_right(self.starts, at)
        found = [n for start, end, n in self.rows[lo:hi] if start <= at < end]
        return min(found) if found else None


def extract_claims(
    doc: Document, *, group_breaks: int = GROUP_BREAKS, response_breaks: int = RESPONSE_BREAKS
) -> list[Claim]:
    """Every claim of the body and the captions, ids assigned."""
    limits = {"group_breaks": group_breaks, "response_breaks": response_breaks}
    claims = _Builder(doc, None, **limits).claims(*read_groups(doc.sdoc))
    for n, csdoc in enumerate(doc.caption_sdocs):
        claims += _Builder(doc, n, **limits).claims(*read_groups(csdoc))
    assign_ids(claims)
    return claims


def claim_for(doc: Document, start: int, end: int) -> Claim | None:
    """The innermost claim whose evidence covers ``text[start:end]`` of the body, or None.

    The evidence is indexed once per document (the event stage asks once per mention).
    """
    if start < end:
        index = doc.memo(
            "claims.evidence",
            doc.claims,
            lambda: SpanIndex(
                (span, (n, claim))
                for n, (span, claim) in enumerate(
                    (span, claim) for claim in doc.claims for span in claim.evidence
                )
            ),
        )
        found = [
            (span.end - span.start, n, claim)
            for span, (n, claim) in index.overlapping(start, end)
            if span.start <= start and end <= span.end
        ]
    else:
        found = [
            (span.end - span.start, n, claim)
            for n, (span, claim) in enumerate(
                (span, claim) for claim in doc.claims for span in claim.evidence
            )
            if span.caption is None and span.start <= start and end <= span.end
        ]
    return min(found, key=lambda item: (item[0], item[1]))[2] if found else None


@stages.register(
    "dateline.claims.v1", requires=["sdoc", "quotes"], assigns=["claims"], english_only=True
)
def make_claims(config: Config) -> Stage:
    """Claims with claimant, cue and status (the dateline_claims component)."""
    if COMPONENT not in config.parse.components:
        raise PipelineError(
            f"stage dateline.claims.v1 reads the spaCy component {COMPONENT!r}: "
            f'add it to [parse] components = [..., "{COMPONENT}"]'
        )

    settings = config.claims

    def claims(doc: Document) -> Document:
        doc.claims = extract_claims(
            doc,
            group_breaks=settings.group_paragraphs,
            response_breaks=settings.response_paragraphs,
        )
        return doc

    return claims
