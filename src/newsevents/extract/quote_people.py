"""Who a speaker's phrase names: the entity it mentions, or the person a pronoun stands for.

A phrase links to the person or organisation entity one of whose mentions or whose role span
it overlaps ("le ministre de la Sécurité, Luis Cordero" -> Luis Cordero). A nationality or place
inside a description ("un migrant vénézuélien") does not make the description that entity: such
an entity links only when it covers most of the phrase.

A subject pronoun ("a-t-il déclaré", "she said", "dijo él") stands for a person mentioned
before it, outside quotes: the nearest sentence back that mentions a person of a compatible
gender gives the antecedent, and inside that sentence its grammatical subject when the parse
says so, else its first person. Gender comes from the words around a person's mentions and in
their role (honorifics, gendered titles and articles of the language's data, and the tagger's
``Gender`` feature when the model gives it), and from a common given name opening a mention
(the language's ``given_names``).

A subject pronoun outside quotes ("He declined.") is resolved in its turn and then counts as a
subject mention of its person, so that a chain of pronouns keeps its person salient ("Paul Ortiz
told the crowd … He thanked the staff … “…,” he said").
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from newsevents.extract.quote_speakers import Pronoun, QuoteLexicon
from newsevents.records import Entity, Span

# How many sentences back a pronoun's antecedent may be.
MAX_SENTENCES_BACK = 6
# How many words before a name may tell the person's gender ("la candidate de gauche Jara").
GENDER_WINDOW = 3
# Share of a description a non-person entity must cover to be its speaker.
MIN_COVER = 0.6
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One mention of a person, placed in its sentence: an entity's, or a named speaker's."""

    entity: Entity | None
    span: Span
    sentence: int
    subject: bool
    name: str = ""
    speaker: bool = False
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class Referent:
    """Who a pronoun stands for: a name, and the entity id when there is one."""

    name: str
    entity: str | None


class People:
    """The person and organisation entities of a document, ready for speaker linking."""

    def __init__(
        self,
        doc: Doc,
        entities: Sequence[Entity],
        lexicon: QuoteLexicon,
        sentences: Sequence[tuple[int, int]],
        quoted: Sequence[tuple[int, int]],
    ) -> None:
        self.doc = doc
        self.entities = list(entities)
        self.lex = lexicon
        self._sentence_starts = [s for s, _ in sentences]
        self._quoted = sorted(quoted)
        self._quoted_starts = [q[0] for q in self._quoted]
        self._gender = {e.id: self._gender_of(e) for e in self.entities if e.label == "PER"}
        self.mentions = self._person_mentions()
        self._chain = self._pronoun_subjects()

    def sentence_of(self, char: int) -> int:
        """The index of the sentence holding character ``char``."""
        return max(0, bisect.bisect_right(self._sentence_starts, char) - 1)

    def in_quote(self, char: int) -> bool:
        """Whether character ``char`` lies inside quoted words."""
        n = bisect.bisect_right(self._quoted_starts, char) - 1
        return n >= 0 and char < self._quoted[n][1]

    def link(self, start: int, end: int) -> Entity | None:
        """The entity a speaker's phrase at ``[start, end)`` names, if any."""
        best: tuple[int, int, Entity] | None = None
        for entity in self.entities:
            spans = list(entity.mentions) or [Span(entity.text, entity.start, entity.end)]
            overlap = max((_overlap(s.start, s.end, start, end) for s in spans), default=0)
            if entity.role is not None and entity.label == "PER":
                overlap = max(overlap, _overlap(entity.role.start, entity.role.end, start, end))
            if overlap <= 0:
                continue
            if entity.label not in ("PER", "ORG") and overlap < MIN_COVER * (end - start):
                continue
            rank = 2 if entity.label == "PER" else 1 if entity.label == "ORG" else 0
            if best is None or (rank, overlap) > (best[0], best[1]):
                best = (rank, overlap, entity)
        return best[2] if best else None

    def note_speaker(
        self, start: int, end: int, name: str, entity: Entity | None, gender: str | None = None
    ) -> None:
        """Remember a speaker, for the pronouns after it ("Band noted …", "she said …")."""
        if entity is None and not _looks_like_name(name, self.lex):
            return  # a description ("un migrant vénézuélien", "The ad") is not what "he" names
        if gender is None and entity is not None:
            gender = self._gender.get(entity.id)
        span = Span(name, start, end)
        mention = PersonMention(
            entity, span, self.sentence_of(start), True, name, speaker=True, gender=gender
        )
        bisect.insort(self.mentions, mention, key=lambda m: m.span.start)

    def resolve(self, pronoun: Pronoun, char: int) -> Referent | None:
        """The person a singular subject pronoun at ``char`` stands for, if one is found.

        The nearest sentence back with a compatible person wins: its first subject, then the
        speaker of reported speech there ("Trump said Assad is stronger. He said …" is Trump's,
        "he" standing for Trump as a speaker), then its latest person.
        """
        if pronoun.number != "Sing":
            return None
        self._follow_chain(char)
        return self._nearest(pronoun, char)

    def _nearest(self, pronoun: Pronoun, char: int) -> Referent | None:
        here = self.sentence_of(char)
        best: tuple[tuple[int, int, int, int], PersonMention] | None = None
        for m in self.mentions:
            distance = here - m.sentence
            if m.span.start >= char or distance > MAX_SENTENCES_BACK:
                continue
            gender = m.gender or (self._gender.get(m.entity.id) if m.entity else None)
            if pronoun.gender and gender and gender != pronoun.gender:
                continue
            # Among subjects the first of the sentence (its main clause), else the nearest.
            order = m.span.start if m.subject else -m.span.start
            key = (distance, 0 if m.subject else 1, 0 if m.speaker else 1, order)
            if best is None or key < best[0]:
                best = (key, m)
        if best is None:
            return None
        chosen = best[1]
        if chosen.entity is not None:
            return Referent(chosen.entity.name, chosen.entity.id)
        return Referent(chosen.name, None)

    def _pronoun_subjects(self) -> list[tuple[int, int, Pronoun]]:
        """The singular subject pronouns outside quotes ("He declined."), in text order."""
        doc = self.doc
        if not doc.has_annotation("DEP"):
            return []
        found = []
        for token in doc:
            pronoun = self.lex.pronouns.get(token.lower_)
            if pronoun is None or pronoun.number != "Sing" or token.dep_ not in _SUBJECT_DEPS:
                continue
            if not self.in_quote(token.idx):
                found.append((token.idx, token.idx + len(token.text), pronoun))
        found.reverse()
        return found

    def _follow_chain(self, char: int) -> None:
        """Resolve the subject pronouns before ``char`` in turn, each a mention of its person.

        A pronoun subject keeps its person salient ("Paul Ortiz told the crowd … He thanked the
        staff … “…,” he said"): once resolved it counts as a subject mention of that person.
        """
        while self._chain and self._chain[-1][0] < char:
            start, end, pronoun = self._chain.pop()
            if any(m.span.start == start for m in self.mentions):
                continue  # a speaker already noted there
            referent = self._nearest(pronoun, start)
            if referent is None:
                continue
            entity = next((e for e in self.entities if e.id == referent.entity), None)
            span = Span(referent.name, start, end)
            mention = PersonMention(
                entity, span, self.sentence_of(start), True, referent.name, gender=pronoun.gender
            )
            bisect.insort(self.mentions, mention, key=lambda m: m.span.start)

    def _person_mentions(self) -> list[PersonMention]:
        found: list[PersonMention] = []
        for entity in self.entities:
            if entity.label != "PER":
                continue
            for span in entity.mentions or (Span(entity.text, entity.start, entity.end),):
                if self.in_quote(span.start):
                    continue
                found.append(
                    PersonMention(entity, span, self.sentence_of(span.start), self._subject(span))
                )
        found.extend(self._unlabelled_subjects(found))
        found.sort(key=lambda m: m.span.start)
        return found

    def _unlabelled_subjects(self, known: Sequence[PersonMention]) -> list[PersonMention]:
        """Proper-noun subjects no entity covers ("Trump responded …" missed by the model)."""
        doc = self.doc
        if not doc.has_annotation("DEP") or not doc.has_annotation("POS"):
            return []
        covered = [(m.start, m.end) for e in self.entities for m in e.mentions]
        covered += [(m.span.start, m.span.end) for m in known]
        found: list[PersonMention] = []
        for token in doc:
            if token.dep_ not in _SUBJECT_DEPS or token.pos_ != "PROPN":
                continue
            if token.text.isupper() and len(token.text) > 1:
                continue  # a heading in capitals ("THE BORROWING Back"), not a name
            first = token.i
            while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head == token:
                first -= 1
            start, end = doc[first].idx, token.idx + len(token.text)
            if self.in_quote(start) or any(s < end and start < e for s, e in covered):
                continue
            name = doc[first : token.i + 1].text
            span = Span(name, start, end)
            found.append(PersonMention(None, span, self.sentence_of(start), True, name))
        return found

    def _subject(self, span: Span) -> bool:
        if not self.doc.has_annotation("DEP"):
            return False
        chars = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        if chars is None:
            return False
        root = chars.root
        while root.dep_ in ("appos", "flat", "flat:name", "compound") and root.head is not root:
            root = root.head
        return root.dep_ in _SUBJECT_DEPS

    def _gender_of(self, entity: Entity) -> str | None:
        """The person's gender from the word before each mention and the head of its role."""
        votes: Counter[str] = Counter()
        doc = self.doc
        spans = list(entity.mentions) or [Span(entity.text, entity.start, entity.end)]
        if entity.role is not None:
            spans.append(entity.role)
        for span in spans:
            chars = doc.char_span(span.start, span.end, alignment_mode="expand")
            if chars is None:
                continue
            # The honorific, article or title a few words before a name or a title ("Mme",
            # "la candidate de gauche"), and the title's own head word ("presidenta").
            words = []
            for k in range(chars.start - 1, max(-1, chars.start - 1 - GENDER_WINDOW), -1):
                if doc[k].is_punct or (doc[k].pos_ in ("VERB", "AUX")):
                    break
                # An article tells only right before the name ("à la présidence José Kast").
                if k == chars.start - 1 or doc[k].lower_ not in self.lex.determiners:
                    words.append(doc[k])
            if span is entity.role:
                words.append(doc[chars.start])
            elif len(chars) > 1 and chars[1].text[:1].isupper():
                # A given name opening a full name ("Laura Petit"; not "Scott" alone).
                for gender, listed in self.lex.given_names.items():
                    if doc[chars.start].lower_ in listed:
                        votes[gender] += 1
            for token in words:
                for gender, listed in self.lex.gender_words.items():
                    if token.lower_ in listed:
                        votes[gender] += 1
                if span is entity.role and token.pos_ in ("DET", "NOUN"):
                    for gender in token.morph.get("Gender", []):
                        if gender in self.lex.gender_words:
                            votes[gender] += 1
        if not votes:
            return None
        (top, count), *rest = [*votes.most_common(2), ("", 0)]
        return top if count > rest[0][1] else None


# How many words a speaker's name may have to stand for a pronoun when no entity covers it.
MAX_NAME_WORDS = 5


def _looks_like_name(name: str, lexicon: QuoteLexicon) -> bool:
    """Capitalized words only, name particles aside, and not a determiner ("Band", "Jim Cole")."""
    words = name.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and words[0].lower() not in lexicon.determiners
        and all(w[:1].isupper() or w.lower() in lexicon.name_particles for w in words)
    )


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))
