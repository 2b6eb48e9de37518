"""Scenes of a screenplay: headings split into their parts, speaking characters, eighths."""

from __future__ import annotations

import re

from prodoffice.domain.screenplay.layout import Layout
from prodoffice.domain.screenplay.model import ElementType, Heading, Scene, Screenplay

# The prefix of a scene heading and what it means. Mixed forms ("INT./EXT.", "I/E") are
# scenes shot partly inside and partly out; an establishing shot (EST.) is an exterior.
_PREFIX = re.compile(
    r"""^\s*(?:
        (?P<both>(?:INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT|INT\.?-EXT|I\s*/\s*E|E\s*/\s*I)\.?)
      | (?P<int>INT\.?)
      | (?P<ext>(?:EXT|EST)\.?)
    )(?=[\s.\-\u2013\u2014]|$)[\s.\-\u2013\u2014]*""",
    re.VERBOSE | re.IGNORECASE,
)
# Parts of a heading are separated by a dash with spaces around it (hyphens inside a name,
# like HALF-DARK, are not separators); "--", en and em dashes are used for the same.
_SEPARATOR = re.compile(r"\s+(?:-{1,2}|\u2013|\u2014)\s+|\s+(?:-{1,2}|\u2013|\u2014)$")

# Times of day as screenwriters write them, longest first so "MOMENTS LATER" wins over
# "LATER". A part of the heading counts as the time of day when it holds one of these as a
# whole word, alone or with extras: "NIGHT (1987)", "DAY [LATER]", "(PRESENT) DAY".
TIMES_OF_DAY = (
    "CONTINUOUS ACTION",
    "MOMENTS LATER",
    "MOMENTS BEFORE",
    "MINUTES LATER",
    "HOURS LATER",
    "SECONDS LATER",
    "LATER THAT DAY",
    "LATER THAT NIGHT",
    "SAME TIME",
    "MAGIC HOUR",
    "GOLDEN HOUR",
    "EARLY MORNING",
    "LATE NIGHT",
    "LATE AFTERNOON",
    "PRE-DAWN",
    "FIRST LIGHT",
    "CONTINUOUS",
    "CONT",
    "AFTERNOON",
    "MORNING",
    "EVENING",
    "MIDNIGHT",
    "SUNRISE",
    "SUNSET",
    "TWILIGHT",
    "NIGHT",
    "DAWN",
    "DUSK",
    "NOON",
    "LATER",
    "SAME",
    "DAY",
)
_TIME = re.compile(
    r"(?<![\w'])(" + "|".join(re.escape(time) for time in TIMES_OF_DAY) + r")(?![\w'])"
)


def split_heading(text: str) -> Heading:
    """Splits `INT. MOTEL ROOM - NIGHT` into ("INT", "MOTEL ROOM", "NIGHT").

    Headings print in capitals whatever was typed, so the parts are upper case. The time of
    day is the first part after the set that holds a known time ("NIGHT (1987)" gives
    "NIGHT"); parts after it ("- FLASHBACK") stay in the heading only. A heading with no
    INT/EXT prefix (a forced `.FLASHBACK`) has `int_ext` "".
    """
    heading = " ".join(text.split()).upper()
    int_ext = ""
    match = _PREFIX.match(heading)
    if match:
        int_ext = "INT/EXT" if match["both"] else "INT" if match["int"] else "EXT"
        heading = heading[match.end() :]
    parts = [part.strip() for part in _SEPARATOR.split(heading)]
    parts = [part for part in parts if part]
    for at in range(1, len(parts)):
        time = _TIME.search(parts[at])
        if time:
            return Heading(int_ext=int_ext, set=" - ".join(parts[:at]), time_of_day=time[1])
    return Heading(int_ext=int_ext, set=" - ".join(parts), time_of_day="")


_EXTENSION = re.compile(r"\s*\([^()]*\)?\s*$")


def character_name(cue: str) -> str:
    """The name in a character cue: `JIM (O.S.)`, `@McCLANE (CONT'D)`, `BRICK ^` give JIM...

    Extensions in brackets at the end of the cue, whatever they say ((V.O.), (O.S.),
    (CONT'D), (ON PHONE)), are left out, as are the markers for forced cues (`@`) and dual
    dialogue (`^`). Names are compared in capitals, as cues print.
    """
    name = cue.strip().lstrip("@").rstrip("^ \t")
    while True:
        shorter = _EXTENSION.sub("", name)
        if shorter == name or not shorter:
            break
        name = shorter.rstrip("^ \t")
    return " ".join(name.split()).upper()


def eighths_of(lines: int, lines_per_page: int) -> int:
    """Printed lines in whole eighths of a page, to the nearest; at least 1 (DESIGN.md)."""
    # round(8 * lines / lines_per_page) with halves up, in integers.
    return max(1, (16 * lines + lines_per_page) // (2 * lines_per_page))


def build_scenes(screenplay: Screenplay, layout: Layout) -> tuple[Scene, ...]:
    """The scenes of a laid-out script: one per scene heading, up to the next heading.

    Whatever comes before the first heading (FADE IN:, a title card) is in no scene. A
    scene's length runs from its heading's line to the line above the next heading: the
    blank lines between elements count, the empty tail of a page left by a page break
    does not.
    """
    elements = screenplay.elements
    heading_type, character_type, synopsis_type = (
        ElementType.SCENE_HEADING,
        ElementType.CHARACTER,
        ElementType.SYNOPSIS,
    )
    starts = [i for i, element in enumerate(elements) if element.type is heading_type]
    names: dict[str, str] = {}  # cue as written -> name; a script repeats its cues
    scenes: list[Scene] = []
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(elements)
        heading = elements[start]
        placement = layout.placement(start)
        end = layout.positions[stop][5] if stop < len(elements) else layout.total_lines
        characters: dict[str, None] = {}
        synopsis: list[str] = []
        at_top = True  # synopses count only right under the heading
        for element in elements[start + 1 : stop]:
            kind = element.type
            if kind is synopsis_type and at_top:
                synopsis.append(" ".join(element.text.split()))
                continue
            at_top = False
            if kind is character_type:
                name = names.get(element.text)
                if name is None:
                    name = names[element.text] = character_name(element.text)
                if name:
                    characters[name] = None
        text = " ".join(heading.text.split())
        scenes.append(
            Scene(
                index=number,
                number=heading.scene_number,
                heading=text,
                parts=split_heading(text),
                elements=elements[start:stop],
                characters=tuple(characters),
                synopsis=" ".join(part for part in synopsis if part),
                page=placement.page,
                eighths=eighths_of(end - placement.offset, layout.lines_per_page),
                omitted=text.upper().strip(" .*") in _OMITTED,
            )
        )
    return tuple(scenes)


# A scene taken out of a locked script keeps its number and a heading that says so.
_OMITTED = frozenset({"OMITTED", "OMIT", "SCENE OMITTED", "SCENES OMITTED"})
