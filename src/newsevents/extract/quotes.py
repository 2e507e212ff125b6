"""Reported speech of an article: direct, partial and indirect quotes, with speaker, cue, medium.

Direct and partial quotes are found from quotation marks and dialogue dashes
(:mod:`~newsevents.extract.quote_marks`); each is attributed from its framing clause, the words
of its sentence outside the quote: a cue verb or attribution phrase there, and next to it the
speaker (:mod:`~newsevents.extract.quote_speakers`), linked to an entity or resolved from a
pronoun (:mod:`~newsevents.extract.quote_people`). A quote with no framing clause of its own
takes the speaker of a quote it continues (the same paragraph, the paragraph before, or a quote
left open across paragraphs). Indirect speech is a cue verb with a reported clause or an
attribution phrase with the rest of its sentence (:mod:`~newsevents.extract.quote_indirect`);
the document's lookups and the records in the making are in
:mod:`~newsevents.extract.quote_context`.

Where the framing clause names a medium ("dans une vidéo publiée le 28 novembre sur ses réseaux
sociaux", "sur X") its span is ``medium``; a time record inside the framing clause is
``said_on``. ``speaker_span`` is where the text states the speaker: the pronoun itself for a
resolved pronoun, with ``speaker`` and ``speaker_entity`` naming the person it stands for.

Confidence is a fixed score per kind of evidence: 0.9 for a quote with a cue and a named or
described speaker, 0.75 when the speaker is a resolved pronoun, 0.65 for a speaker taken from
the quote it continues or from a subject left unsaid ("dijo"), 0.4 for a quote with no speaker;
indirect speech gets 0.1 less. Pipelines without a parser still find quote marks, cue words,
complementizers and speakers from word order; only the parse-based reported clauses are lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsevents.extract.quote_context import (
    INDIRECT_PENALTY,
    INHERITED_CONFIDENCE,
    NAMED_CONFIDENCE,
    NO_SPEAKER_CONFIDENCE,
    PRONOUN_CONFIDENCE,
    Attribution,
    Found,
    QuoteDocument,
    cue_span,
)
from newsevents.extract.quote_indirect import indirect_speech
from newsevents.extract.quote_marks import Quoted
from newsevents.extract.quote_speakers import (
    Pronoun,
    medium_at,
    phrase_after,
    phrase_at,
    phrase_before,
    subject_by_parse,
)
from newsevents.records import Quote, QuoteKind, Span

# How many tokens after a quote its cue may stand ("», a déclaré …"), and how long a following
# sentence may be to frame the quote before it ("“We will win.” Trump said.").
CUE_WINDOW = 10
# How far after a quote the cue of a capitalized subject with its apposition may stand
# ("“…,” Leonard E. Burman, director of … and a professor at …, said").
LONG_SUBJECT = 40
SHORT_SENTENCE = 8
# How far into the next sentence a cue may frame the quote before it ("“…” Mr. Burton fumed").
NEXT_SENTENCE_CUE = 4
# A quote of fewer words with no cue and no speaker is a title or scare quote, not speech.
MIN_UNATTRIBUTED_WORDS = 4
_NULL_SUBJECT = Pronoun(None, "Sing")


def extract_quotes(doc: Doc) -> list[Quote]:
    """The quotes and reported speech of the article, ids ``q1``, ``q2``… in text order."""
    ctx = QuoteDocument(doc)
    direct = [
        Found(q.start, q.end, _kind(ctx, q), _attribute(ctx, q, n))
        for n, q in enumerate(ctx.quoted)
    ]
    indirect = indirect_speech(ctx, direct)
    _share_speakers(ctx, direct, indirect)
    found = [f for f in direct if _kept(ctx, f)] + indirect
    found.sort(key=lambda f: f.start)
    for item in found:
        _resolve(ctx, item)
        if item.kind == "indirect":
            item.confidence = max(0.0, item.confidence - INDIRECT_PENALTY)
    return [_record(ctx, f, n) for n, f in enumerate(found, 1)]


def _kept(ctx: QuoteDocument, found: Found) -> bool:
    """A quote with no cue and no speaker is kept only when it is long enough to be speech."""
    quoted = ctx.text[found.start : found.end]
    if not any(ch.isalpha() for ch in quoted) or _is_title(ctx, quoted):
        return False
    words = len(quoted.split())
    attribution = found.attribution
    if attribution.speaker is not None or (
        attribution.cue is not None and words >= MIN_UNATTRIBUTED_WORDS
    ):
        return True
    return found.kind != "partial" and words >= MIN_UNATTRIBUTED_WORDS


MAX_TITLE_WORDS = 10


def _is_title(ctx: QuoteDocument, quoted: str) -> bool:
    """A name in quotes, not speech: "Face the Nation", "The Press Pool", "Morning Joe"."""
    words = quoted.strip(" ,.:;").split()
    if not 1 < len(words) <= MAX_TITLE_WORDS or quoted.rstrip()[-1:] in "!?":
        return False
    small = ctx.lex.determiners | ctx.lex.connectors | ctx.lex.prepositions
    return all(w[:1].isupper() or w.lower() in small for w in words[1:])


def _attributed(attribution: Attribution) -> bool:
    return attribution.cue is not None or attribution.speaker is not None


def _kind(ctx: QuoteDocument, quoted: Quoted) -> QuoteKind:
    """A quote inside a sentence's own syntax that starts in lower case is partial."""
    if quoted.dialogue:
        return "direct"
    first = ctx.text[quoted.start]
    start, _ = ctx.sentence(quoted.start)
    before = ctx.text[start : quoted.open].rstrip()
    if first.islower() and before and before[-1] not in ":":
        return "partial"
    return "direct"


def _attribute(ctx: QuoteDocument, quoted: Quoted, n: int) -> Attribution:
    sent_start, sent_end = ctx.sentence(quoted.start)
    after_end = sent_end
    if n + 1 < len(ctx.quoted) and ctx.quoted[n + 1].open < sent_end:
        after_end = ctx.quoted[n + 1].open
    before_start = sent_start
    if n > 0 and ctx.quoted[n - 1].close > sent_start:
        before_start = ctx.quoted[n - 1].close
    if quoted.dialogue:
        after_end = min(after_end, _aside_end(ctx, quoted))
    before_tokens = ctx.tokens(before_start, quoted.open)
    if _introduces(ctx, *before_tokens):  # 'In a statement, Peabody said: "…"', 'says, "…'
        before = _before_frame(ctx, *before_tokens)
        if _attributed(before):
            return before
    after = _after_frame(ctx, *ctx.tokens(quoted.close, after_end), start_char=quoted.close)
    if _attributed(after):
        return after
    before = _before_frame(ctx, *before_tokens)
    if _attributed(before):
        return before
    if before_tokens[0] == before_tokens[1]:
        # A quote opening its paragraph after a paragraph ending in a colon ("He said:").
        previous = ctx.sentence(max(0, quoted.open - 2))
        if previous[1] <= quoted.open and ctx.text[: previous[1]].rstrip().endswith(":"):
            framed = _before_frame(ctx, *ctx.tokens(*previous))
            if _attributed(framed) and ctx.paragraph(previous[0]) + 1 >= ctx.paragraph(quoted.open):
                return framed
    if ctx.text[quoted.close : after_end].strip(" ,.;:!?…—–\u00a0") == "":
        following = ctx.next_sentence(quoted.close)
        if following is not None and ctx.paragraph(following[0]) == ctx.paragraph(quoted.close):
            first, last = ctx.tokens(*following)
            framed = _after_frame(ctx, first, last, window=NEXT_SENTENCE_CUE)
            if framed.cue is not None and framed.speaker is not None:
                return framed
    return Attribution()


def _introduces(ctx: QuoteDocument, first: int, last: int) -> bool:
    """Whether the words before a quote end on a colon or on a cue ("said:", "says,")."""
    k = last - 1
    while k >= first and ctx.doc[k].is_punct:
        if ctx.doc[k].text == ":":
            return True
        k -= 1
    return k >= first and ctx.tc.is_cue(ctx.doc[k])


def _aside_end(ctx: QuoteDocument, quoted: Quoted) -> int:
    """The end of a dialogue aside ("—afirmó el ministro—"): its closing dash or the line's end."""
    line_end = ctx.text.find("\n", quoted.close)
    line_end = len(ctx.text) if line_end < 0 else line_end
    for dash in ctx.lex.dashes:
        at = ctx.text.find(dash, quoted.close + 1, line_end)
        if at >= 0:
            line_end = at
    return line_end


def _subject_before(ctx: QuoteDocument, first: int, cue: int) -> tuple[int, int] | None:
    """The words from ``first`` to the cue, less the auxiliaries and adverbs before the cue."""
    end = cue
    while end > first and (ctx.tc.is_filler(ctx.doc[end - 1]) or ctx.doc[end - 1].is_punct):
        if ctx.tc.pronoun(ctx.doc[end - 1]) is not None:
            break
        end -= 1
    if end - first > 1 and ctx.tc.pronoun(ctx.doc[end - 1]) is not None:
        # The quote's sentence goes on before a pronoun and its cue ("Keep calm, “…,” she says").
        return end - 1, end
    return (first, end) if end > first else None


def _after_frame(
    ctx: QuoteDocument,
    first: int,
    last: int,
    window: int = CUE_WINDOW,
    start_char: int | None = None,
) -> Attribution:
    """A cue right after a quote and its speaker ("», a déclaré X", "\u201d he said")."""
    tc = ctx.tc
    doc = ctx.doc
    if first < last and start_char is not None:
        opening = ctx.text[start_char : doc[last - 1].idx].lstrip(" \u00a0\t")
        if opening[:1] in _BYLINE_DASHES:
            # “…” ― Karen Bobadilla: a name after a dash signs the quote.
            name = first
            while name < last and (doc[name].is_space or doc[name].text in _BYLINE_DASHES):
                name += 1
            speaker = phrase_after(tc, name, last)
            if speaker is not None and doc[speaker[0]].text[:1].isupper():
                return Attribution(None, speaker, (first, last))
    if first < last and doc[first].text[:1].isupper() and tc.pronoun(doc[first]) is None:
        # “…,” Scott Pruitt, the attorney general of Oklahoma, said: all before the cue.
        cue = next(
            (i for i in range(first, min(last, first + LONG_SUBJECT)) if tc.is_cue(doc[i])), None
        )
        if cue is not None and not any(doc[k].text in ".!?;:" for k in range(first, cue)):
            subject = _subject_before(ctx, first, cue)
            if subject is not None:
                return Attribution(cue_span(ctx, cue, first), subject, (first, last))
    for i in range(first, min(last, first + window)):
        size = phrase_at(tc, i, last)
        if size:
            return Attribution((i, i + size), phrase_after(tc, i + size, last), (first, last))
        if tc.is_cue(doc[i]):
            # The speaker before the cue starts after the quote's own trailing words
            # ("» du Chili, a déclaré"), at the first comma or dash before the cue.
            limit = next((k + 1 for k in range(first, i) if doc[k].text in ",—–"), first)
            speaker = _speaker_of(ctx, i, limit, first, last)
            return Attribution(cue_span(ctx, i, limit), speaker, (first, last))
        if doc[i].is_punct and doc[i].text in ".!?;":
            break
    return Attribution()


_BYLINE_DASHES = frozenset({"―", "—", "–", "--"})


def _before_frame(ctx: QuoteDocument, first: int, last: int) -> Attribution:
    """The cue nearest before a quote and its speaker ("Kast a déclaré : «", "He said: \u201c")."""
    tc = ctx.tc
    doc = ctx.doc
    for i in range(last - 1, first - 1, -1):
        if tc.is_cue(doc[i]):
            speaker = _speaker_of(ctx, i, first, first, last)
            return Attribution(cue_span(ctx, i, first), speaker, (first, last))
    for i in range(first, last):
        size = phrase_at(tc, i, last)
        if size:
            return Attribution((i, i + size), phrase_after(tc, i + size, last), (first, last))
    colon = last - 1
    while colon > first and doc[colon].is_space:
        colon -= 1
    # "Howard Kurtz, Fox News: “…”": a name before a colon signs the quote.
    if (
        first < colon <= first + SHORT_SENTENCE
        and doc[colon].text == ":"
        and doc[first].text[:1].isupper()
        and not any(t.is_punct for t in doc[first:colon] if t.text != ",")
    ):
        if tc.pronoun(doc[first]) is not None:  # 'He sighed: “…”': the pronoun, not the clause
            return Attribution(None, (first, first + 1), (first, last))
        return Attribution(None, (first, colon), (first, last))
    return Attribution()


def _speaker_of(
    ctx: QuoteDocument, i: int, limit: int, first: int, last: int
) -> tuple[int, int] | None:
    """The speaker of the cue at ``i``: a participle's is its clause's subject ("saying")."""
    tc = ctx.tc
    if tc.is_participle(tc.doc[i]):
        sentence = ctx.tokens(*ctx.sentence(tc.doc[i].idx))
        subject = subject_by_parse(tc, i, *sentence)
        if subject is not None and not ctx.people.in_quote(tc.doc[subject[0]].idx):
            return subject
    return (
        phrase_before(tc, i, limit)
        or phrase_after(tc, i + 1, last)
        or subject_by_parse(tc, i, first, last)
    )


def _share_speakers(ctx: QuoteDocument, direct: list[Found], indirect: Sequence[Found]) -> None:
    """Quotes without a framing clause take the speaker of the speech they continue.

    A quote left open across paragraphs shares the speaker of its next part; a quote with no
    framing clause, or with a cue but no subject ("«No sabemos», agregó"), takes the speaker of
    the speech just before it (a quote or reported speech, in the same or the previous
    paragraph) when no other person is named in between.
    """
    for n in range(len(direct) - 2, -1, -1):
        if (
            ctx.quoted[n].continues
            and not _attributed(direct[n].attribution)
            and _attributed(direct[n + 1].attribution)
        ):
            direct[n].attribution = _inherit(direct[n + 1])
    speech = sorted([*direct, *indirect], key=lambda f: f.start)
    previous: Found | None = None
    for current in speech:
        attribution = current.attribution
        if (
            previous is not None
            and attribution.speaker is None
            and current.kind == "direct"
            and previous.attribution.speaker is not None
            and _continues(ctx, previous, current)
        ):
            current.attribution = _inherit(previous)
            if attribution.cue is not None:
                current.attribution.cue = attribution.cue
                current.attribution.frame = attribution.frame
        if _attributed(current.attribution):
            previous = current


def _continues(ctx: QuoteDocument, previous: Found, current: Found) -> bool:
    """Whether ``current`` goes on with the speaker of ``previous``: near, no one else named."""
    if ctx.paragraph(current.start) - ctx.paragraph(previous.end) > 1:
        return False
    speaker = previous.attribution.speaker
    own = ctx.chars(*speaker) if speaker else (-1, -1)
    return not any(
        previous.end < m.span.start < current.start and not own[0] <= m.span.start < own[1]
        for m in ctx.people.mentions
    )


def _inherit(source: Found) -> Attribution:
    attribution = source.attribution
    return Attribution(
        attribution.cue, attribution.speaker, attribution.frame, True, attribution.source or source
    )


def _resolve(ctx: QuoteDocument, found: Found) -> None:
    """Fill the speaker's name, entity and span from the attribution's tokens."""
    attribution = found.attribution
    if attribution.inherited and attribution.source is not None:
        source = attribution.source
        if source.speaker is None:
            _resolve(ctx, source)
        found.speaker, found.speaker_entity = source.speaker, source.speaker_entity
        found.speaker_span = source.speaker_span
        found.confidence = INHERITED_CONFIDENCE if found.speaker else NO_SPEAKER_CONFIDENCE
        return
    if attribution.speaker is None:
        if attribution.cue is not None:
            cue_char = ctx.doc[attribution.cue[0]].idx
            referent = ctx.people.resolve(_NULL_SUBJECT, cue_char)
            if referent is not None:
                found.speaker, found.speaker_entity = referent.name, referent.entity
                found.confidence = INHERITED_CONFIDENCE
        return
    first, last = attribution.speaker
    start, end = ctx.chars(first, last)
    pronoun = ctx.tc.pronoun(ctx.doc[first]) if last - first == 1 else None
    if pronoun is not None:
        start = end - len(ctx.tc.bare(ctx.doc[first]))  # "-t-il" is stated as "il"
        found.speaker_span = (start, end)
        referent = ctx.people.resolve(pronoun, start)
        found.speaker = referent.name if referent else ctx.text[start:end]
        found.speaker_entity = referent.entity if referent else None
        found.confidence = PRONOUN_CONFIDENCE if referent else NO_SPEAKER_CONFIDENCE
        if referent is not None:
            entity = next((e for e in ctx.entities if e.id == referent.entity), None)
            ctx.people.note_speaker(start, end, referent.name, entity, pronoun.gender)
        return
    linked = ctx.people.link(start, end)
    role = linked.role if linked is not None else None
    if role is not None and role.start < start <= role.end + 1:
        start = _with_determiner(ctx, role.start)  # "le président par intérim José Jeri"
    found.speaker_span = (start, end)
    found.speaker = linked.name if linked else ctx.text[start:end]
    phrase = ctx.text[start:end]
    if linked is not None and _is_name(phrase) and len(phrase) > len(linked.name):
        found.speaker = phrase  # the text's full name beats a shorter entity name
    found.speaker_entity = linked.id if linked else None
    found.confidence = NAMED_CONFIDENCE
    ctx.people.note_speaker(start, end, found.speaker, linked)


def _is_name(phrase: str) -> bool:
    """Whether a phrase is a bare name: capitalized words only ("Emmanuel Macron")."""
    words = phrase.split()
    return len(words) > 1 and all(w[:1].isupper() for w in words)


def _with_determiner(ctx: QuoteDocument, char: int) -> int:
    """``char``, or the start of the determiner right before it."""
    first, _ = ctx.tokens(char, char + 1)
    if first > 0 and ctx.tc.is_determiner(ctx.doc[first - 1]):
        return ctx.doc[first - 1].idx
    return char


def _record(ctx: QuoteDocument, found: Found, n: int) -> Quote:
    text = ctx.text
    attribution = found.attribution
    cue = _span(ctx, *attribution.cue) if attribution.cue else None
    speaker_span = None
    if found.speaker_span is not None:
        start, end = found.speaker_span
        speaker_span = Span(text[start:end], start, end)
    medium, said_on = _medium_and_time(ctx, found, attribution)
    return Quote(
        id=f"q{n}",
        text=text[found.start : found.end],
        start=found.start,
        end=found.end,
        kind=found.kind,
        speaker=found.speaker,
        speaker_entity=found.speaker_entity,
        speaker_span=speaker_span,
        cue=cue,
        medium=medium,
        said_on=said_on,
        confidence=round(found.confidence, 2),
    )


def _span(ctx: QuoteDocument, first: int, last: int) -> Span:
    start, end = ctx.chars(first, last)
    return Span(ctx.text[start:end], start, end)


def _medium_and_time(
    ctx: QuoteDocument, found: Found, attribution: Attribution
) -> tuple[Span | None, str | None]:
    """Where the framing clause says the words were said, and the time record it gives."""
    if attribution.frame is None or attribution.inherited:
        return None, None
    first, last = attribution.frame
    speaker = attribution.speaker or (-1, -1)
    medium: tuple[int, int] | None = None
    for i in range(first, last):
        if speaker[0] <= i < speaker[1] or ctx.people.in_quote(ctx.doc[i].idx):
            continue
        if found.start <= ctx.doc[i].idx < found.end:
            continue
        size, is_name = medium_at(ctx.tc, i, last)
        if size:
            medium = _medium_span(ctx, i, size, is_name, last, speaker, attribution.cue)
            break
    medium_span = _span(ctx, *medium) if medium else None
    frame_start, frame_end = ctx.chars(first, last)
    times = [
        t
        for t in ctx.times
        if frame_start <= t.start
        and t.end <= frame_end
        and not (found.start <= t.start < found.end)
        and not ctx.people.in_quote(t.start)
    ]
    inside = [t for t in times if medium_span and medium_span.start <= t.start < medium_span.end]
    chosen = inside or times
    return medium_span, chosen[0].id if chosen else None


def _medium_span(
    ctx: QuoteDocument,
    i: int,
    size: int,
    is_name: bool,
    last: int,
    speaker: tuple[int, int],
    cue: tuple[int, int] | None,
) -> tuple[int, int]:
    doc = ctx.doc
    start = i
    for k in range(i - 1, max(i - 4, -1), -1):
        if doc[k].lower_ in ctx.lex.medium_prepositions:
            start = k
            break
        if doc[k].is_punct or (cue and cue[0] <= k < cue[1]) or speaker[0] <= k < speaker[1]:
            break
    end = i + size
    if is_name:
        return start, end
    while end < last:
        token = doc[end]
        if token.is_punct and token.text not in ("-", "'", "’"):
            break
        if speaker[0] <= end < speaker[1]:
            break
        if token.lower_ in ctx.lex.complementizers or ctx.people.in_quote(token.idx):
            break
        end += 1
    return start, end
