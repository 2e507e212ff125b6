"""Indirect speech: reported clauses of cue verbs and the sentences of attribution phrases.

A cue verb with its reported clause (its ``ccomp`` in the parse, the complementizer
"que"/"that" a few words after it: "a expliqué que…", "said that…", or the sentence around an
aside between commas: "The new bridge, the mayor said, will open …") is indirect speech, its
speaker the cue's subject; so is the rest of the sentence of an attribution phrase ("selon les
autorités", "según fuentes oficiales", "according to a source"). Speech overlapping a quote
already found is left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.extract.quote_context import Attribution, Found, QuoteDocument, cue_span
from newsevents.extract.quote_speakers import (
    phrase_after,
    phrase_at,
    phrase_before,
    subject_by_parse,
)

# How far after a cue its complementizer may come ("told supporters in a statement that").
COMPLEMENTIZER_WINDOW = 8
# An aside "…, the mayor said, …": its speaker's length at most, its reported side's at least.
MAX_ASIDE_SPEAKER = 6
MIN_ASIDE_CLAUSE = 4


def indirect_speech(ctx: QuoteDocument, direct: Sequence[Found]) -> list[Found]:
    """Reported clauses of cue verbs and the sentences of attribution phrases."""
    taken = sorted((f.start, f.end) for f in direct)
    found: list[Found] = []
    tc = ctx.tc
    for sent_start, sent_end in ctx.sentences:
        first, last = ctx.tokens(sent_start, sent_end)
        i = first
        while i < last:
            token = ctx.doc[i]
            if ctx.people.in_quote(token.idx):
                i += 1
                continue
            size = phrase_at(tc, i, last)
            if size:
                item = _from_phrase(ctx, i, size, first, last)
            elif tc.is_cue(token):
                item = _from_cue(ctx, i, first, last)
            else:
                item = None
            if item is not None and not _overlaps(taken, item.start, item.end):
                found.append(item)
                taken.append((item.start, item.end))
                taken.sort()
            i += max(size, 1)
    return found


def _from_cue(ctx: QuoteDocument, i: int, first: int, last: int) -> Found | None:
    tc = ctx.tc
    doc = ctx.doc
    clause: tuple[int, int] | None = None
    if tc.has_dep:
        for child in doc[i].children:
            if child.dep_ == "ccomp":
                clause = (max(child.left_edge.i, first), min(child.right_edge.i + 1, last))
                break
    if clause is None:
        for j in range(i + 1, min(last, i + COMPLEMENTIZER_WINDOW)):
            if doc[j].lower_ in ctx.lex.complementizers:
                clause = (j, last)
                break
            if doc[j].is_punct:
                break
    if clause is None:
        clause = _aside(ctx, i, first, last)
    if clause is None:
        return None
    start, end = clause
    while start < end and (doc[start].is_punct or doc[start].lower_ in ctx.lex.complementizers):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if end - start < 3 or start <= i < end:
        return None
    limit = first
    for k in range(i - 1, first - 1, -1):
        if doc[k].text in (",", ";", ":") and k < i - 1 and not (start <= k < end):
            limit = k + 1
            break
    if end <= i:  # "Secret Service protocol called for …, sources said."
        limit = max(limit, end)
    speaker = (
        subject_by_parse(tc, i, first, last)
        or phrase_before(tc, i, limit)
        or phrase_after(tc, i + 1, start if start > i else last)
    )
    if speaker is not None and speaker[0] < end and speaker[1] > start:
        speaker = None
    cue = cue_span(ctx, i, limit)
    frame = (first, last)
    chars = ctx.chars(start, end)
    return Found(chars[0], chars[1], "indirect", Attribution(cue, speaker, frame))


def _aside(ctx: QuoteDocument, i: int, first: int, last: int) -> tuple[int, int] | None:
    """The reported words around an aside between commas ("The new bridge, the mayor said, …").

    The cue and its speaker stand between two commas (or a comma and the sentence's end); the
    longer side of the sentence is what was said.
    """
    doc = ctx.doc
    after = i + 1
    ends = all(doc[k].is_punct for k in range(after, last))  # "…, sources said."
    if after < last and doc[after].text != "," and not ends:
        return None
    speaker = phrase_before(ctx.tc, i, first)
    if speaker is None or speaker[1] - speaker[0] > MAX_ASIDE_SPEAKER:
        return None
    comma = speaker[0] - 1
    if comma <= first or doc[comma].text != ",":
        return None
    before, rest = (first, comma), ((after, after) if ends else (after + 1, last))
    side = max(before, rest, key=lambda r: r[1] - r[0])
    return side if side[1] - side[0] >= MIN_ASIDE_CLAUSE else None


def _from_phrase(ctx: QuoteDocument, i: int, size: int, first: int, last: int) -> Found | None:
    """ "selon les autorités chiliennes" with the rest of its sentence as what they said."""
    doc = ctx.doc
    speaker = phrase_after(ctx.tc, i + size, last)
    if speaker is None:
        return None
    if i - first <= 1:
        start = speaker[1]
        while start < last and doc[start].is_punct:
            start += 1
        end = last
    else:
        start, end = first, i
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if end - start < 3:
        return None
    chars = ctx.chars(start, end)
    attribution = Attribution((i, i + size), speaker, (first, last))
    return Found(chars[0], chars[1], "indirect", attribution)


def _overlaps(taken: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)
