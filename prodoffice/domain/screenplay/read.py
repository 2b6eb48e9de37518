"""From a file's bytes to a Screenplay, choosing the format by the file's name and content."""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from prodoffice.domain.screenplay.decoding import decode
from prodoffice.domain.screenplay.fdx import parse_fdx
from prodoffice.domain.screenplay.fountain import parse_fountain
from prodoffice.domain.screenplay.limits import FDX_SUFFIXES, check_file_size, check_scene_count
from prodoffice.domain.screenplay.model import Screenplay, ScreenplayError

FOUNTAIN_SUFFIXES = (".fountain", ".txt", ".spmd")


def read_screenplay(data: bytes, filename: str) -> Screenplay:
    """The screenplay in the file; ScreenplayError if it is not one, or longer than any."""
    screenplay = _read(data, filename)
    check_scene_count(screenplay)
    return screenplay


def _read(data: bytes, filename: str) -> Screenplay:
    suffix = PurePath(filename).suffix.lower()
    check_file_size(filename, len(data))
    if suffix in FDX_SUFFIXES:
        screenplay = parse_fdx(data)
        # Kept as text for the record, decoded the way the reader decoded it.
        return replace(screenplay, source=data.decode(screenplay.encoding, errors="replace"))
    if suffix in FOUNTAIN_SUFFIXES:
        text, encoding = decode(data)
        return replace(parse_fountain(text), encoding=encoding, source=text)
    known = ", ".join((*FOUNTAIN_SUFFIXES, *FDX_SUFFIXES))
    raise ScreenplayError(f"{filename}: Prodoffice reads screenplays ending in {known}.")
