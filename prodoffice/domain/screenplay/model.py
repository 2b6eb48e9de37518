"""The screenplay as Prodoffice reads it: typed elements in script order, then scenes.

Every parser (Fountain, FDX) produces a `Screenplay`; everything after (pages, scenes,
breakdown, revisions) works on this model only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ScreenplayError(ValueError):
    """A file that cannot be read as a screenplay; the message says what to do about it."""


class ElementType(StrEnum):
    SCENE_HEADING = "scene_heading"
    ACTION = "action"
    CHARACTER = "character"
    DIALOGUE = "dialogue"
    PARENTHETICAL = "parenthetical"
    TRANSITION = "transition"
    CENTERED = "centered"
    LYRICS = "lyrics"
    PAGE_BREAK = "page_break"
    SECTION = "section"  # outline only; never printed
    SYNOPSIS = "synopsis"  # outline only; never printed
    NOTE = "note"  # a [[note]] standing alone as a paragraph; never printed
    BONEYARD = "boneyard"  # /* commented-out text */; kept, never printed


# Elements that take space on the printed page.
PRINTED = frozenset(
    {
        ElementType.SCENE_HEADING,
        ElementType.ACTION,
        ElementType.CHARACTER,
        ElementType.DIALOGUE,
        ElementType.PARENTHETICAL,
        ElementType.TRANSITION,
        ElementType.CENTERED,
        ElementType.LYRICS,
    }
)


@dataclass(frozen=True)
class Element:
    """One paragraph of the script.

    `text` is what prints, with line breaks kept as "\n", markup characters that force the
    type (`.`, `!`, `@`, `>`, `~`, `=`, `#`) removed, and emphasis markers (`*`, `_`) removed;
    inline [[notes]] are removed from `text` and kept in `notes`. `raw` is the source text of
    the paragraph exactly as written, so nothing is ever lost.
    """

    type: ElementType
    text: str
    line: int  # 1-based line in the source where the paragraph starts (FDX: paragraph index)
    raw: str = ""
    scene_number: str | None = None  # scene headings: "12A" from `#12A#` or FDX Number
    dual: bool = False  # character (and its dialogue) is the right side of dual dialogue
    forced: bool = False  # the type was forced with markup, not recognised
    depth: int = 0  # sections: the number of leading `#`
    notes: tuple[str, ...] = ()
    # FDX only: what Final Draft wrote about the scene (e.g. {"Length": "1 3/8", "Page": "4"}).
    properties: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ParseWarning:
    line: int
    message: str


@dataclass(frozen=True)
class Screenplay:
    format: str  # "fountain" or "fdx"
    title_page: tuple[tuple[str, str], ...]  # (key as written, value with "\n" line breaks)
    elements: tuple[Element, ...]
    warnings: tuple[ParseWarning, ...] = ()
    encoding: str = "utf-8"  # how the bytes were decoded
    source: str = ""  # the whole file as decoded text, set by `read_screenplay`

    @property
    def title(self) -> str:
        for key, value in self.title_page:
            if key.strip().lower() == "title":
                return " ".join(value.split())
        return ""


@dataclass(frozen=True)
class Heading:
    """A scene heading split into its parts: `INT. MOTEL ROOM - NIGHT`."""

    int_ext: str  # "INT", "EXT", "INT/EXT" or "" when the heading has no prefix
    set: str  # "MOTEL ROOM"
    time_of_day: str  # "NIGHT", "DAY", "CONTINUOUS", ... or ""


@dataclass(frozen=True)
class Scene:
    """A scene: its heading and everything up to the next heading."""

    index: int  # 0-based order in the script
    number: str | None  # as written ("12A"), or None when the script has none
    heading: str
    parts: Heading
    elements: tuple[Element, ...]  # the heading element first
    characters: tuple[str, ...]  # speaking characters, extensions removed, first-spoken order
    synopsis: str = ""
    page: int = 1  # the page the heading prints on
    eighths: int = 1  # printed length in whole eighths of a page, at least 1
    omitted: bool = False


@dataclass(frozen=True)
class Script:
    """A parsed screenplay with its scenes measured."""

    screenplay: Screenplay
    scenes: tuple[Scene, ...]
    pages: int
    eighths: int = 0
