"""Turning the bytes of a file into text: UTF-8 first, then byte-order marks, then detection."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

from newsevents.read.article import ReadError

# Order matters: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of the binary formats people most often drop into a corpus folder by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document; extract its text first, e.g. with pdftotext"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.odt/.epub); unpack it or save it as text"),
    (b"\x1f\x8b", "gzip data; name the file with a .gz suffix so that it is decompressed"),
    (b"\xfd7zXZ\x00", "xz data; decompress it first"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document; save it as text"),
)

# When the detector's guess is a rarer sibling giving the same text, name the one users know.
_FAMILIAR = ("latin_1", "iso8859_15", "utf_16_le", "utf_16_be")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, and the encoding used when it was not UTF-8."""

    text: str
    fallback_encoding: str | None = None
    detected: bool = False
    """Whether the encoding was guessed from the bytes rather than announced by a mark."""

    def warning(self) -> str | None:
        """The message telling the user the file was not UTF-8, or None when it was."""
        if self.fallback_encoding is None:
            return None
        if self.detected:
            return (
                f"not UTF-8: read as {self.fallback_encoding} (detected from its bytes); check "
                "that accented letters look right, or re-save the file as UTF-8"
            )
        return f"not UTF-8: read as {self.fallback_encoding} (announced by its byte-order mark)"


def binary_signature(head: bytes) -> str | None:
    """What a known binary format ``head`` starts with, or None."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    return None


def bom_encoding(head: bytes) -> str | None:
    """The UTF-16/UTF-32 encoding announced by a byte-order mark at the start of ``head``."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a whole file; raises ``ReadError`` for empty and binary content."""
    if not data.strip():
        raise ReadError("empty file; it holds no text")
    encoding = bom_encoding(data)
    if encoding is not None:
        try:
            text = data[4 if "32" in encoding else 2 :].decode(encoding)
        except UnicodeDecodeError as err:
            raise ReadError(
                f"starts with a {encoding.upper()} byte-order mark but is not valid "
                f"{encoding.upper()} ({err.reason} at byte {err.start}); re-save it as UTF-8"
            ) from None
        return _non_empty(Decoded(text, encoding.upper()))
    signature = binary_signature(data[:16])
    if signature is not None:
        raise ReadError(f"binary file, not text ({signature})")
    # NUL bytes are valid UTF-8 but never text: they mean UTF-16 without a mark, or binary.
    if b"\x00" not in data:
        try:
            # utf-8-sig drops a UTF-8 byte-order mark when there is one.
            return _non_empty(Decoded(data.decode("utf-8-sig")))
        except UnicodeDecodeError:
            pass
    return _non_empty(_detect(data))


def _detect(data: bytes) -> Decoded:
    matches = charset_normalizer.from_bytes(data)
    match = matches.best()
    nul = data.find(b"\x00")
    if match is None:
        detail = f"NUL byte at offset {nul}" if nul >= 0 else "no text encoding fits its bytes"
        raise ReadError(f"binary file, not text ({detail})")
    # NUL bytes only belong in text as half of a UTF-16/32 code unit.
    if nul >= 0 and not match.encoding.startswith(("utf_16", "utf_32")):
        raise ReadError(f"binary file, not text (NUL byte at offset {nul})")
    # Western European text fits several single-byte code pages equally well, and the
    # detector then picks one at random (cp1250 turns "à" into "ŕ"). Windows-1252 is by far
    # the most common of them, so it wins any tie.
    for candidate in matches:
        if "cp1252" in candidate.could_be_from_charset and candidate.chaos <= match.chaos:
            return Decoded(str(candidate), "cp1252", detected=True)
    familiar = [name for name in _FAMILIAR if name in match.could_be_from_charset]
    return Decoded(str(match), familiar[0] if familiar else match.encoding, detected=True)


def _non_empty(decoded: Decoded) -> Decoded:
    if not decoded.text.strip():
        raise ReadError("empty file; it holds no text")
    return decoded
