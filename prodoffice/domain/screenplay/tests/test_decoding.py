from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from prodoffice.domain.screenplay.decoding import decode
from prodoffice.domain.screenplay.model import ScreenplayError

SCENE = "INT. DINER \u2013 NIGHT\n\nMARGIT\nIt\u2019s caf\u00e9 time.\n"


def test_utf8_is_read_as_utf8() -> None:
    assert decode(SCENE.encode("utf-8")) == (SCENE, "utf-8")


def test_a_utf8_byte_order_mark_is_dropped_and_named() -> None:
    assert decode(codecs.BOM_UTF8 + SCENE.encode("utf-8")) == (SCENE, "utf-8-sig")


@pytest.mark.parametrize(
    ("mark", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_with_a_byte_order_mark_is_read(mark: bytes, codec: str) -> None:
    assert decode(mark + SCENE.encode(codec)) == (SCENE, codec)


def test_utf32_with_a_byte_order_mark_is_read() -> None:
    assert decode(codecs.BOM_UTF32_LE + SCENE.encode("utf-32-le")) == (SCENE, "utf-32-le")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_recognised_by_its_nul_bytes(codec: str) -> None:
    assert decode(SCENE.encode(codec)) == (SCENE, codec)


def test_windows_1252_is_read_when_the_bytes_are_not_utf8() -> None:
    assert decode(b"\x93Caf\xe9,\x94 she says \x96 twice.") == (
        "\u201cCaf\u00e9,\u201d she says \u2013 twice.",
        "cp1252",
    )


def test_latin1_is_the_last_resort_for_bytes_windows_1252_does_not_define() -> None:
    assert decode(b"Caf\xe9 \x81") == ("Caf\u00e9 \x81", "latin-1")


def test_windows_and_old_mac_line_endings_become_newlines() -> None:
    assert decode(b"INT. DINER\r\n\r\nBOB\rHi.\r") == ("INT. DINER\n\nBOB\nHi.\n", "utf-8")


@pytest.mark.parametrize("data", [b"", b"   \r\n\n\t", codecs.BOM_UTF8])
def test_an_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(ScreenplayError, match="no screenplay in it"):
        decode(data)


@pytest.mark.parametrize(
    ("start", "what"),
    [
        (b"%PDF-1.7\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"PK\x03\x04\x14\x00", "docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", r"Office document \(\.doc\)"),
        (b"{\\rtf1\\ansi", "RTF"),
    ],
)
def test_a_file_that_is_not_text_is_refused_saying_what_it_looks_like(
    start: bytes, what: str
) -> None:
    with pytest.raises(ScreenplayError, match=what):
        decode(start + b"INT. DINER - NIGHT\n" * 10)


def test_nul_bytes_without_a_utf16_pattern_are_refused_as_binary() -> None:
    with pytest.raises(ScreenplayError, match="binary data"):
        decode(b"\x00\x00\x01\x02\x00\x07INT." * 50)


def test_a_file_of_control_bytes_is_refused_as_binary() -> None:
    with pytest.raises(ScreenplayError, match="control characters"):
        decode(bytes(range(1, 32)) * 20)


def test_damaged_utf16_is_refused_with_a_way_out() -> None:
    with pytest.raises(ScreenplayError, match="Save it again as UTF-8"):
        decode(codecs.BOM_UTF16_LE + "INT.".encode("utf-16-le") + b"\x00\xd8")


def test_text_with_a_nul_character_is_refused() -> None:
    with pytest.raises(ScreenplayError, match="NUL characters"):
        decode(codecs.BOM_UTF8 + b"INT. DINER\x00 - NIGHT")


@given(st.binary(max_size=300))
def test_any_bytes_are_text_or_a_clear_error(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except ScreenplayError as error:
        assert str(error)
    else:
        assert text.strip() and encoding
        assert "\r" not in text and "\x00" not in text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_any_utf8_text_comes_back_as_written(text: str) -> None:
    assume(text.strip() and not text.startswith(("%PDF", "GIF8", "Rar!", "{\\rtf")))
    assert decode(text.encode("utf-8")) == (text, "utf-8")
