"""How large a screenplay Prodoffice takes, set from what real productions send.

The longest feature scripts run to about 250 pages and 400 scenes. Fountain is plain text,
about 1.2 KB a page (Big Fish: 146 KB for 125 pages), so a 600-page script is some 0.7 MB;
Final Draft's XML is two to four times larger. Past these limits a file is refused with the
reason before it is laid out or broken down: a 10 MB file of one-line scenes once became
99,864 scenes, a 16-second script page and a breakdown PDF that never finished.
"""

from __future__ import annotations

from pathlib import PurePath

from prodoffice.domain.screenplay.model import ElementType, Screenplay, ScreenplayError

MAX_FOUNTAIN_BYTES = 1024 * 1024
MAX_FDX_BYTES = 5 * 1024 * 1024
MAX_BYTES = MAX_FDX_BYTES  # the largest upload of any kind, read before the kind is known
MAX_SCENES = 1000
MAX_PAGES = 600

FDX_SUFFIXES = (".fdx",)


def check_file_size(filename: str, size: int) -> None:
    """Refuse a file larger than any screenplay of its kind, before it is read."""
    fdx = PurePath(filename).suffix.lower() in FDX_SUFFIXES
    limit = MAX_FDX_BYTES if fdx else MAX_FOUNTAIN_BYTES
    if size > limit:
        kind = "Final Draft" if fdx else "Fountain"
        raise ScreenplayError(
            f"{PurePath(filename).name} is {_megabytes(size)}; a {kind} screenplay is under "
            f"{_megabytes(limit)} (a 600-page script is well under that). "
            "Check that it is the right file and holds one script."
        )


def check_scene_count(screenplay: Screenplay) -> None:
    scenes = sum(1 for element in screenplay.elements if element.type is ElementType.SCENE_HEADING)
    if scenes > MAX_SCENES:
        raise ScreenplayError(
            f"The file has {scenes:,} scene headings; Prodoffice takes scripts of up to "
            f"{MAX_SCENES:,} scenes (the longest features have about 400). Check that it is "
            "one screenplay and that only scene headings start with INT. or EXT."
        )


def check_page_count(pages: int) -> None:
    if pages > MAX_PAGES:
        raise ScreenplayError(
            f"The script runs to {pages:,} pages; Prodoffice takes scripts of up to "
            f"{MAX_PAGES} pages (the longest features run to about 250). Check that it is "
            "one screenplay, or split it into parts."
        )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"
