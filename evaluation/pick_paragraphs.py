"""Draw paragraphs of real articles for a new blind event set: the lead sentences of documents
of the evaluation corpora that no event gold set uses yet, drawn at random.

    python evaluation/pick_paragraphs.py --seed 1819 --names blind18 blind19 \\
        --take lgl=12 polnear=9 tbaq_timebank=9 tbaq_aquaint=6 --ignore blind18 blind19

prints, for each name, the paragraph headers of an event gold file (``[[paragraph]]`` with
``id``, ``set``, ``doc``, ``start``, ``end``, ``lang``, ``published``, ``topic``), ready for
annotators to add events under. Each corpus gives ``take`` documents to every name, dealt in
turn from one shuffle. ``--ignore`` leaves the named gold files out of the documents counted as
used, so that the draw of a set can be made again after the set was written
(``blind18`` and ``blind19`` above).

A lead is what follows the title and a dateline ("MANSFIELD --"): whole sentences up to about
350 characters or four sentences, within the first paragraph, between 120 and 900 characters.
Documents without a publication date are skipped: dates are resolved against it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_gold import DATA, OUTSIDE_SETS, SHARED

DATELINE = re.compile(r"(?:^|\s)([A-Z][A-Z.,' ]{2,40}(?:\([A-Za-z. ]+\))?\s*(?:--|—|–|-|_)\s+)")
SENTENCE_END = re.compile(r'(?<=[.!?"”’])\s+(?=["“‘]?[A-Z])')
LEAD_CHARS = 350
LEAD_SENTENCES = 4
MIN_CHARS, MAX_CHARS = 120, 900


def lead(doc: dict[str, Any]) -> tuple[int, int] | None:
    """The character span of a document's lead sentences, or None when it has no usable one."""
    text: str = doc["text"]
    start = 0
    title = doc.get("title")
    if title and text.startswith(title):
        start = len(title)
    elif "\n" in text[:200]:
        start = text.index("\n")
    dateline = DATELINE.search(text, start, start + 400)
    if dateline:
        start = dateline.end()
    while start < len(text) and text[start] in " .\n\t":
        start += 1
    end, sentences = start, 0
    for found in SENTENCE_END.finditer(text, start):
        if "\n\n" in text[start : found.start()]:
            break
        if found.start() - start < 60:
            continue
        end, sentences = found.start(), sentences + 1
        if end - start >= LEAD_CHARS or sentences >= LEAD_SENTENCES:
            break
    else:
        end = len(text.rstrip())
    paragraph_end = text.find("\n\n", start)
    if 0 <= paragraph_end < end:
        end = paragraph_end
    if not MIN_CHARS <= end - start <= MAX_CHARS:
        return None
    return start, end


def used_documents(ignore: set[str]) -> set[str]:
    """The documents the event gold sets already use, but for the ignored sets."""
    used: set[str] = set()
    for path in sorted(DATA.glob("*.toml")):
        if path.stem in ignore:
            continue
        for paragraph in tomllib.loads(path.read_text(encoding="utf-8")).get("paragraph", []):
            if "doc" in paragraph:
                used.add(paragraph["doc"])
    return used


def draw(
    takes: list[tuple[str, int]], names: list[str], seed: int, used: set[str], shared: Path
) -> dict[str, list[tuple[str, dict[str, Any], int, int]]]:
    """For each name, (corpus, document, start, end) of its paragraphs, in corpus order."""
    rng = random.Random(seed)
    drawn: dict[str, list[tuple[str, dict[str, Any], int, int]]] = {name: [] for name in names}
    for corpus, take in takes:
        lines = (shared / OUTSIDE_SETS[corpus]).read_text(encoding="utf-8").split("\n")
        docs = [json.loads(line) for line in lines if line.strip()]
        docs = [d for d in docs if d["id"] not in used and d.get("dct")]
        rng.shuffle(docs)
        picked = [(d, span) for d in docs if (span := lead(d)) is not None][: take * len(names)]
        if len(picked) < take * len(names):
            raise SystemExit(f"{corpus}: only {len(picked)} unused documents with a lead")
        for n, (doc, (start, end)) in enumerate(picked):
            drawn[names[n % len(names)]].append((corpus, doc, start, end))
    return drawn


def headers(name: str, rows: list[tuple[str, dict[str, Any], int, int]], lang: str) -> str:
    out = []
    for n, (corpus, doc, start, end) in enumerate(rows, 1):
        out += [
            "[[paragraph]]",
            f'id = "{name}-{lang}-{n:02d}"',
            f'set = "{corpus}"',
            f'doc = "{doc["id"]}"',
            f"start = {start}",
            f"end = {end}",
            f'lang = "{lang}"',
            f'published = "{str(doc["dct"])[:10]}"',
            'topic = "other"',
            "",
        ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--names", nargs="+", required=True, help="the new sets' names")
    parser.add_argument(
        "--take", nargs="+", required=True, metavar="CORPUS=N", help="documents per set"
    )
    parser.add_argument("--ignore", nargs="*", default=[], help="gold sets not counted as used")
    parser.add_argument("--lang", default="en", help="the language of the paragraphs' ids")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the evaluation corpora")
    args = parser.parse_args(argv)
    takes = []
    for item in args.take:
        corpus, _, count = item.partition("=")
        if corpus not in OUTSIDE_SETS or not count.isdigit():
            parser.error(f"--take {item!r}: CORPUS=N with CORPUS one of {sorted(OUTSIDE_SETS)}")
        takes.append((corpus, int(count)))
    if not args.shared.is_dir():
        parser.error(f"{args.shared}: the evaluation corpora are not there (--shared)")
    drawn = draw(takes, args.names, args.seed, used_documents(set(args.ignore)), args.shared)
    for name in args.names:
        sys.stdout.write(f"# {name}\n{headers(name, drawn[name], args.lang)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
