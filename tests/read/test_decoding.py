"""Encodings, binary files, empty files and text normalization."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from tests.read import read_all

FRENCH = (
    "Le président a déclaré à la presse que les élèves étaient très nombreux.\n"
    "« Ça suffit », a-t-il ajouté, près de l'école. Deuxième paragraphe : été, août, "
    "Noël à Besançon.\n"
)


def test_utf8_with_and_without_bom_is_quiet(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_bytes(FRENCH.encode("utf-8"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    articles, problems = read_all(plain, bom)
    assert problems == []
    assert [a.text for a in articles] == [FRENCH.rstrip()] * 2


GERMAN = "Die Regierung hat gestern erklärt, dass die Grenze geschlossen bleibt. Größere Übergänge."
SPANISH = "El presidente anunció ayer que el Gobierno cooperará con los vecinos. ¿Qué pasará? Año."
POLISH = "Zażółć gęślą jaźń. Wczoraj prezydent ogłosił, że rząd będzie współpracował z sąsiadami."
RUSSIAN = "Вчера президент заявил, что правительство будет сотрудничать с соседями по границе."


@pytest.mark.parametrize(
    ("text", "encoding", "named"),
    [
        (FRENCH, "cp1252", "cp1252"),
        (GERMAN, "cp1252", "cp1252"),
        (SPANISH, "latin-1", "cp1252"),  # the same bytes for these letters
        (POLISH, "cp1250", "cp1250"),
        (RUSSIAN, "cp1251", "cp1251"),
        (FRENCH, "utf-16", "UTF-16-LE"),
        (FRENCH, "utf-16-be", "utf_16_be"),
    ],
)
def test_other_encodings_are_read_with_a_warning(
    tmp_path: Path, text: str, encoding: str, named: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    articles, problems = read_all(path)
    assert [a.text for a in articles] == [text.rstrip()]
    assert [(p.origin, p.severity) for p in problems] == [(str(path), "warning")]
    assert problems[0].message.startswith("not UTF-8")
    assert named in problems[0].message


def test_cp1252_dated_text_keeps_its_date(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(f"date 2025-11-29 Élection à Besançon\n\n{FRENCH}".encode("cp1252"))
    articles, problems = read_all(path)
    assert [p.severity for p in problems] == ["warning"]
    assert articles[0].title == "Élection à Besançon"
    assert articles[0].text == FRENCH.rstrip()


def test_newlines_and_nfc_are_normalized(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Pérou\r\nChili\rÉquateur")
    path = tmp_path / "a.txt"
    path.write_text(decomposed, encoding="utf-8", newline="")
    articles, problems = read_all(path)
    assert problems == []
    assert articles[0].text == "Pérou\nChili\nÉquateur"
    assert unicodedata.is_normalized("NFC", articles[0].text)


def random_bytes(size: int, seed: int = 7) -> bytes:
    """Bytes that look like compressed or encrypted data."""
    return random.Random(seed).randbytes(size)


@pytest.mark.parametrize(
    ("name", "content", "detail"),
    [
        ("image.png", b"\x89PNG\r\n\x1a\n" + random_bytes(4000), "PNG image"),
        ("scan.txt", b"%PDF-1.7\n" + random_bytes(4000), "PDF document"),
        ("report.docx", b"PK\x03\x04" + random_bytes(4000), "ZIP archive"),
        ("noise.bin", random_bytes(4000).replace(b"\x00", b"\x01"), "no text encoding fits"),
        ("nul.txt", b"Un texte\x00 avec un octet nul au milieu." * 20, "NUL byte"),
    ],
)
def test_binary_files_are_errors(tmp_path: Path, name: str, content: bytes, detail: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    articles, problems = read_all(path)
    assert articles == []
    assert [(p.origin, p.severity) for p in problems] == [(str(path), "error")]
    assert problems[0].message.startswith("binary file, not text (")
    assert detail in problems[0].message


def test_binary_named_jsonl_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + random_bytes(4000))
    articles, problems = read_all(path)
    assert articles == []
    assert [p.message for p in problems] == ["binary file, not text (a PNG image)"]


@pytest.mark.parametrize(
    "content", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf\n", "  \n".encode("utf-16")]
)
def test_empty_files_are_errors(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    articles, problems = read_all(path)
    assert articles == []
    assert [(p.origin, p.severity) for p in problems] == [(str(path), "error")]
    assert problems[0].message.startswith("empty file")
