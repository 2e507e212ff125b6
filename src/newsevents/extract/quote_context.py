"""What the quote extractor knows of one document while it works, and what it has found.

:class:`QuoteDocument` holds the text, tokens, sentences, quotation marks and the entities and
times of the earlier extractors, looked up by character; :class:`Found` is a quote or a piece of
indirect speech before it becomes a record, with the :class:`Attribution` its framing clause
gives (cue, speaker and the tokens where medium and time are looked for).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsevents.extract.quote_marks import Quoted, find_quoted, sentence_bounds
from newsevents.extract.quote_people import People
from newsevents.extract.quote_speakers import TokenClasses, quote_lexicon
from newsevents.records import Entity, QuoteKind, Time

NAMED_CONFIDENCE = 0.9
PRONOUN_CONFIDENCE = 0.75
INHERITED_CONFIDENCE = 0.65
NO_SPEAKER_CONFIDENCE = 0.4
INDIRECT_PENALTY = 0.1


@dataclass(slots=True)
class Attribution:
    """What the framing clause of a quote says: cue, speaker, and where to look for medium."""

    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    frame: tuple[int, int] | None = None
    inherited: bool = False
    source: Found | None = None


@dataclass(slots=True)
class Found:
    """A quote or indirect speech found, before it becomes a record."""

    start: int
    end: int
    kind: QuoteKind
    attribution: Attribution = field(default_factory=Attribution)
    speaker: str | None = None
    speaker_entity: str | None = None
    speaker_span: tuple[int, int] | None = None
    confidence: float = NO_SPEAKER_CONFIDENCE


class QuoteDocument:
    """One document's text, tokens, sentences, quotes and earlier records, looked up by char."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = quote_lexicon(doc.lang_)
        self.tc = TokenClasses(doc, self.lex)
        self.quoted = find_quoted(self.text, self.lex.pairs, self.lex.dashes)
        self.sentences = sentence_bounds(self.text, self.quoted, self.lex.abbreviations)
        self._token_starts = [t.idx for t in doc]
        self.quoted = [self._split_dialogue(q) if q.dialogue else q for q in self.quoted]
        self._sentence_starts = [s for s, _ in self.sentences]
        self._paragraph_starts = [m.start() for m in re.finditer(r"[^\n]+", self.text)] or [0]
        self.entities = [e for e in earlier_records(doc, "entities") if isinstance(e, Entity)]
        self.times = [t for t in earlier_records(doc, "times") if isinstance(t, Time)]
        spans = [(q.start, q.end) for q in self.quoted]
        self.people = People(doc, self.entities, self.lex, self.sentences, spans)

    def _split_dialogue(self, quoted: Quoted) -> Quoted:
        """End a line of dialogue at its incise ("— Nous ne reculerons pas, a-t-elle insisté.")."""
        if quoted.closed:
            return quoted
        first, last = self.tokens(quoted.start, quoted.end)
        for i in range(first, last - 1):
            if self.doc[i].text != ",":
                continue
            j = i + 1
            while (
                j < last
                and j - i <= 3
                and (self.tc.is_filler(self.doc[j]) or self.tc.pronoun(self.doc[j]) is not None)
            ):
                j += 1
            if j < last and self.tc.is_cue(self.doc[j]):
                end = self.doc[i].idx
                return Quoted(quoted.start, end, quoted.open, end, True, dialogue=True)
        return quoted

    def sentence(self, char: int) -> tuple[int, int]:
        n = max(0, bisect.bisect_right(self._sentence_starts, char) - 1)
        return self.sentences[n] if self.sentences else (0, len(self.text))

    def next_sentence(self, char: int) -> tuple[int, int] | None:
        n = bisect.bisect_right(self._sentence_starts, char)
        return self.sentences[n] if n < len(self.sentences) else None

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self._paragraph_starts, char) - 1

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """The tokens that start inside ``[start, end)`` characters."""
        return bisect.bisect_left(self._token_starts, start), bisect.bisect_left(
            self._token_starts, end
        )

    def chars(self, first: int, last: int) -> tuple[int, int]:
        """The characters of tokens ``[first, last)``."""
        end_token = self.doc[last - 1]
        return self.doc[first].idx, end_token.idx + len(end_token.text)


def earlier_records(doc: Doc, kind: str) -> Sequence[object]:
    records = doc._.records if Doc.has_extension("records") else None
    if not records:
        return ()
    found: Sequence[object] = records.get(kind, ())
    return found


def cue_span(ctx: QuoteDocument, i: int, limit: int) -> tuple[int, int]:
    """The cue verb with the auxiliaries right before it ("a déclaré", "has said")."""
    start = i
    while start - 1 >= limit and ctx.doc[start - 1].lower_ in ctx.lex.auxiliaries:
        start -= 1
    return start, i + 1
