"""From a screenplay file's bytes to text: which encoding it is in, and whether it is text at all.

Writers' files come from every kind of editor: UTF-8 with or without a byte-order mark, UTF-16
from Windows tools, and Windows-1252 or Latin-1 from older ones. We try them in that order and
say which one was used, and refuse with a clear message what is not text (a PDF, a Word file).
"""

from __future__ import annotations

import codecs

from prodoffice.domain.screenplay.model import ScreenplayError

# What a file that is not a screenplay text usually turns out to be, by its first bytes.
_MAGIC = (
    (b"%PDF", "a PDF document; import the screenplay as Fountain or Final Draft (.fdx) instead"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx or a Fade In file is one)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc)"),
    (b"{\\rtf", "an RTF document; save it as plain text (.fountain) first"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF executable)"),
)
_SAMPLE = 8192
# Control bytes that never occur in a text file (tab, line feed, form feed, carriage return
# and escape do).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}


def decode(data: bytes) -> tuple[str, str]:
    """The file's text with line endings made "\\n", and the name of the encoding used."""
    if not data:
        raise ScreenplayError("The file is empty: there is no screenplay in it.")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ScreenplayError(f"This file is not a screenplay text: it looks like {what}.")
    text, encoding = _decode(data)
    if "\x00" in text:
        raise ScreenplayError(
            f"The file decodes as {encoding} but contains NUL characters, which no text file "
            "has; it looks like binary data or a damaged file."
        )
    if not text.strip():
        raise ScreenplayError("The file holds only blank lines: there is no screenplay in it.")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8-sig", "utf-8"), "utf-8-sig"
    # UTF-32's marks begin with UTF-16's, so they are checked first.
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        codec = "utf-32-le" if data.startswith(codecs.BOM_UTF32_LE) else "utf-32-be"
        return _strict(data[4:], codec, "UTF-32"), codec
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        return _strict(data[2:], codec, "UTF-16"), codec

    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        guessed = _utf16_without_mark(sample)
        if guessed is None:
            raise ScreenplayError(
                f"This file is not a screenplay text: it holds {sample.count(0)} NUL bytes in its "
                f"first {len(sample)} and no UTF-16 pattern; it looks like binary data."
            )
        return _strict(data, guessed, "UTF-16"), guessed
    controls = sum(1 for byte in sample if byte in _CONTROL)
    if controls * 20 > len(sample):
        raise ScreenplayError(
            "This file is not a screenplay text: "
            f"{controls * 100 // len(sample)}% of its first bytes are control characters; "
            "it looks like binary data."
        )

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1252 is what "Latin-1" means on most writers' machines: it has curly quotes
        # and dashes where Latin-1 has control codes. Five bytes are undefined in it.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _utf16_without_mark(sample: bytes) -> str | None:
    """UTF-16 text of mostly Latin script has a NUL in every other byte: odd ones for LE."""
    even = sample[0::2]
    odd = sample[1::2]
    even_nuls = even.count(0)
    odd_nuls = odd.count(0)
    if odd_nuls * 2 > len(odd) and even_nuls * 10 < len(even):
        return "utf-16-le"
    if even_nuls * 2 > len(even) and odd_nuls * 10 < len(odd):
        return "utf-16-be"
    return None


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise ScreenplayError(
            f"The file says it is {name} but byte {error.start} cannot be read as {name}; "
            "it is damaged or mislabelled. Save it again as UTF-8."
        ) from None
