"""Where each element of a screenplay prints: pages and lines in the standard layout.

Screenwriting software sets a script in Courier 12 on US letter: 10 characters to the inch,
6 lines to the inch, fixed element indents. Page counts and scene lengths in eighths come
from that layout, so it is modelled here line by line, with the page-break rules that decide
where a page ends. `docs/script-measurement.md` gives the numbers, their sources and the
rules; a change here changes every scene's eighths, so change that document with it.

Only line counts are computed; nothing is rendered. One pass over the elements, each wrapped
once: linear in the length of the script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from prodoffice.domain.screenplay.model import PRINTED, Element, ElementType, Screenplay


@dataclass(frozen=True)
class Geometry:
    """Where a kind of paragraph sits: its left indent and width, in characters of Courier 12."""

    indent: int  # from the left text margin (1.5 in from the page edge)
    width: int


@dataclass(frozen=True)
class PageFormat:
    """The page a script is measured on; `LETTER` is the standard one."""

    # 11 in page, 1 in top and bottom margins: 9 in of text at 6 lines an inch. The page
    # number prints at 0.5 in, inside the top margin, so it takes no text line.
    lines_per_page: int = 54
    blank_lines_before_heading: int = 1
    action: Geometry = Geometry(indent=0, width=60)  # 1.5 in to 7.5 in
    heading: Geometry = Geometry(indent=0, width=60)
    transition: Geometry = Geometry(indent=0, width=60)  # set flush right
    centered: Geometry = Geometry(indent=0, width=60)
    character: Geometry = Geometry(indent=22, width=38)  # cue at 3.7 in from the page edge
    dialogue: Geometry = Geometry(indent=10, width=35)  # 2.5 in to 6.0 in
    parenthetical: Geometry = Geometry(indent=16, width=26)  # 3.1 in
    # Dual dialogue prints in two columns side by side; each column keeps 3/4 of the width
    # (afterwriting's `dual_max_factor`).
    dual_percent: int = 75
    # An action or dialogue paragraph split across pages keeps at least this many lines on
    # each side (Final Draft's "break dialogue and action at sentences", and widows/orphans).
    min_split_lines: int = 2


LETTER = PageFormat()

CONTINUED = "(CONT'D)"  # after the cue at the top of a page a speech runs onto


@dataclass(frozen=True)
class Placement:
    """Where one element of the screenplay prints.

    Elements that never print (sections, synopses, notes, boneyard, page breaks) get the
    position of the next element that prints and `lines == 0`.
    """

    index: int  # position in `Screenplay.elements`
    page: int  # 1-based page of its first line
    line: int  # 0-based text line on that page where it starts (after `space`)
    # Text lines it prints; a character cue also counts the "(MORE)" and "NAME (CONT'D)"
    # lines its speech takes when split across pages.
    lines: int
    space: int  # blank lines printed just above it (none at the top of a page)
    end_page: int  # page of its last line
    # Printed lines (text and blank, never the empty tail of a page) before its first line,
    # from the start of the script: the distance between two of these is a printed length
    # that does not depend on where page breaks fall.
    offset: int


@dataclass(frozen=True)
class Layout:
    """A screenplay laid out on pages."""

    pages: int  # at least 1
    page_lines: tuple[int, ...]  # lines used on each page (text and blank), at most a page
    total_lines: int  # sum of `page_lines`: every printed line, no page-end padding
    lines_per_page: int
    # Per element, in script order: (page, line, lines, space, end_page, offset) as in
    # `Placement`. Plain tuples, because a script has thousands of elements and a caller
    # usually wants a few of them (the scene headings): `placement(index)` reads one.
    positions: tuple[tuple[int, int, int, int, int, int], ...]

    def placement(self, index: int) -> Placement:
        page, line, lines, space, end_page, offset = self.positions[index]
        return Placement(index, page, line, lines, space, end_page, offset)

    @cached_property
    def placements(self) -> tuple[Placement, ...]:
        return tuple(self.placement(index) for index in range(len(self.positions)))


def wrap(text: str, width: int) -> list[str]:
    """Word-wraps text to a width in characters; a word longer than the width is broken.

    Each "\n" starts a new line; an empty line stays an (empty) line.
    """
    return [row for row, _ in _wrap(text, width)]


def _wrap(text: str, width: int) -> list[tuple[str, bool]]:
    """Wrapped lines, each with whether it ends a line of the source (a hard break)."""
    rows: list[tuple[str, bool]] = []
    pattern = _line_pattern(width)
    for source in text.split("\n"):
        if len(source) <= width:
            rows.append((source.rstrip(), True))
            continue
        wrapped = pattern.findall(source) or [""]
        last = len(wrapped) - 1
        rows.extend((row, k == last) for k, row in enumerate(wrapped))
    return rows


_LINE_PATTERNS: dict[int, re.Pattern[str]] = {}


def _line_pattern(width: int) -> re.Pattern[str]:
    # Greedy word wrap in one regular expression: the longest run of at most `width`
    # characters that ends a word (before a space or the end of the line), else `width`
    # characters of a word too long for any line. The regex engine does the scanning, in C.
    pattern = _LINE_PATTERNS.get(width)
    if pattern is None:
        pattern = re.compile(rf"(.{{0,{width - 1}}}\S(?=\s|$)|\S{{{width}}})\s*")
        _LINE_PATTERNS[width] = pattern
    return pattern


# A page may break after a line that ends a sentence (closing quotes and brackets allowed),
# or trails off ("--", "...").
_SENTENCE_ENDS = (".", "?", "!", "--", "\u2026")
_CLOSERS = "\"')]\u201d\u2019"


def _ends_sentence(row: str) -> bool:
    return row.rstrip().rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


def _count(text: str, width: int) -> int:
    """How many lines a text takes at a width (most take one: no need to wrap those)."""
    if len(text) <= width and "\n" not in text:
        return 1
    return len(_wrap(text, width))


# How a block paginates.
_HEADING = "heading"  # never the last thing on a page
_PARAGRAPH = "paragraph"  # may split between sentences
_FIXED = "fixed"  # never splits: transitions, dual dialogue
_SPEECH = "speech"  # splits between sentences with "(MORE)" and "NAME (CONT'D)"
_PAGE_BREAK = "page_break"


@dataclass(slots=True)
class _Block:
    """Lines that paginate as a unit: a heading, a paragraph, a speech or a dual dialogue."""

    kind: str
    space: int  # blank lines before it, unless it starts a page
    parts: list[tuple[int, int]]  # (element index, lines) from top to bottom
    height: int  # lines, all parts
    right: list[tuple[int, int]] | None = None  # dual dialogue's right column
    continued_lines: int = 0  # lines of the "NAME (CONT'D)" cue of a split speech
    # breaks[k]: the page may end after line k. Worked out only for a block that meets the
    # bottom of a page, which few do.
    breaks: list[bool] | None = None


_CHARACTER = ElementType.CHARACTER
_PARENTHETICAL = ElementType.PARENTHETICAL
_SPOKEN = frozenset({ElementType.DIALOGUE, ElementType.PARENTHETICAL, ElementType.LYRICS})


class _Measurer:
    """Turns elements into blocks, and works out where a block may break when asked."""

    def __init__(self, elements: tuple[Element, ...], fmt: PageFormat) -> None:
        self.elements = elements
        self.fmt = fmt
        # Widths by element type: outside a speech, inside one, in a dual dialogue column.
        self.widths = dict.fromkeys(ElementType, fmt.action.width)
        self.widths[ElementType.SCENE_HEADING] = fmt.heading.width
        self.widths[ElementType.TRANSITION] = fmt.transition.width
        self.widths[ElementType.CENTERED] = fmt.centered.width
        self.spoken_widths = dict.fromkeys(ElementType, fmt.dialogue.width)
        self.spoken_widths[_CHARACTER] = fmt.character.width
        self.spoken_widths[_PARENTHETICAL] = fmt.parenthetical.width
        self.dual_widths = {
            kind: max(1, width * fmt.dual_percent // 100)
            for kind, width in self.spoken_widths.items()
        }

    def blocks(self) -> list[_Block]:
        elements = self.elements
        blocks: list[_Block] = []
        speech: list[int] = []  # the speech being collected: cue (if any), then its parts
        # The last speech, while nothing has printed since: the left column of a dual.
        previous: list[int] = []
        lyrics = ElementType.LYRICS
        page_break = ElementType.PAGE_BREAK
        for index, element in enumerate(elements):
            kind = element.type
            if kind is _CHARACTER:
                if speech:
                    previous = self.close(speech, previous, blocks)
                speech = [index]
            elif kind in _SPOKEN and (speech or kind is not lyrics):
                speech.append(index)  # dialogue with no cue above it still sets as dialogue
            elif kind in PRINTED or kind is page_break:
                if speech:
                    self.close(speech, previous, blocks)
                    speech = []
                previous = []
                blocks.append(self.block(index, kind))
            # Anything else takes no room, and leaves a speech open (a note inside one).
        if speech:
            self.close(speech, previous, blocks)
        return blocks

    def block(self, index: int, kind: ElementType) -> _Block:
        if kind is ElementType.PAGE_BREAK:
            return _Block(_PAGE_BREAK, 0, [], 0)
        lines = _count(self.elements[index].text, self.widths[kind])
        if kind is ElementType.SCENE_HEADING:
            return _Block(_HEADING, self.fmt.blank_lines_before_heading, [(index, lines)], lines)
        if kind is ElementType.TRANSITION:
            return _Block(_FIXED, 1, [(index, lines)], lines)
        return _Block(_PARAGRAPH, 1, [(index, lines)], lines)  # action, centered, lyrics

    def close(self, speech: list[int], previous: list[int], blocks: list[_Block]) -> list[int]:
        """Adds a finished speech as a block; returns it, or [] when it became a dual."""
        elements = self.elements
        cue = elements[speech[0]]
        if cue.dual and previous and cue.type is _CHARACTER:
            # The right column of dual dialogue prints beside the speech just before it.
            left = self.parts(previous, self.dual_widths)
            right = self.parts(speech, self.dual_widths)
            height = max(sum(n for _, n in left), sum(n for _, n in right))
            if height <= self.fmt.lines_per_page:  # else, one after the other
                blocks[-1] = _Block(_FIXED, blocks[-1].space, left, height, right)
                return []
        parts = self.parts(speech, self.spoken_widths)
        continued = 0
        if cue.type is _CHARACTER:
            text = cue.text if "CONT" in cue.text.upper() else f"{cue.text} {CONTINUED}"
            continued = _count(text, self.fmt.character.width)
        height = sum(n for _, n in parts)
        blocks.append(_Block(_SPEECH, 1, parts, height, None, continued))
        return speech

    def parts(self, indexes: list[int], widths: dict[ElementType, int]) -> list[tuple[int, int]]:
        elements = self.elements
        parts = []
        for index in indexes:
            element = elements[index]
            parts.append((index, _count(element.text, widths[element.type])))
        return parts

    def breaks(self, block: _Block) -> list[bool]:
        if block.breaks is None:
            block.breaks = self._breaks(block)
        return block.breaks

    def _breaks(self, block: _Block) -> list[bool]:
        if block.kind is not _PARAGRAPH and block.kind is not _SPEECH:
            return [False] * block.height
        widths = self.spoken_widths if block.kind is _SPEECH else self.widths
        # Each line: may the page end after it? At a sentence's end or a line break in the
        # source, never after a cue or a parenthetical (they belong with what follows).
        rows: list[bool] = []
        cue_lines = 0
        for index, _ in block.parts:
            element = self.elements[index]
            kind = element.type
            wrapped = _wrap(element.text, widths[kind])
            if kind is _CHARACTER:
                cue_lines += len(wrapped)
                rows.extend(False for _ in wrapped)
            elif kind is _PARENTHETICAL:
                rows.extend(False for _ in wrapped)
            else:
                rows.extend(hard or _ends_sentence(row) for row, hard in wrapped)
        # At least `min_split_lines` of text on each side of the break (the cue not counted).
        low = self.fmt.min_split_lines
        text_lines = len(rows) - cue_lines
        return [ok and low <= k + 1 - cue_lines <= text_lines - low for k, ok in enumerate(rows)]


class _Pager:
    """Fills pages line by line and records where each element lands."""

    def __init__(self, measurer: _Measurer, blocks: list[_Block]) -> None:
        count = len(measurer.elements)
        self.measurer = measurer
        self.blocks = blocks
        self.height = measurer.fmt.lines_per_page
        self.page = 1
        self.used = 0  # lines used on the current page
        self.flow = 0  # printed lines so far, page-end padding excluded
        self.page_lines: list[int] = []
        # Per element, as in `Placement`; offset -1: not printed (yet).
        self.first_page = [0] * count
        self.first_line = [0] * count
        self.lines = [0] * count
        self.space = [0] * count
        self.last_page = [0] * count
        self.offset = [-1] * count

    def new_page(self) -> None:
        self.page_lines.append(self.used)
        self.page += 1
        self.used = 0

    def record(self, index: int, lines: int, space: int, row: int) -> None:
        """`lines` of element `index` print from line `row` of the current page."""
        if self.offset[index] < 0:
            self.first_page[index] = self.page
            self.first_line[index] = row
            self.offset[index] = self.flow + row - self.used
            self.space[index] = space
        self.lines[index] += lines
        self.last_page[index] = self.page

    def put(self, block: _Block, start: int, stop: int, space: int, continued: int) -> None:
        """Sets lines start..stop of a block, after its blank lines and a continued cue."""
        self.used += space
        self.flow += space
        if not start and stop == block.height and block.right is None:
            # The usual case, a whole block on one page: each part starts here.
            page, row, flow = self.page, self.used, self.flow
            for index, lines in block.parts:
                self.first_page[index] = self.last_page[index] = page
                self.first_line[index] = row
                self.offset[index] = flow
                self.space[index] = space
                self.lines[index] = lines
                row += lines
                flow += lines
                space = 0
            self.used = row
            self.flow = flow
            return
        row = self.used
        if continued:  # "NAME (CONT'D)" at the top of the page, counted with the cue
            self.record(block.parts[0][0], continued, space, row)
            row += continued
            space = 0
        top = row
        for column in (block.parts, block.right) if block.right else (block.parts,):
            row = top
            at = 0  # line of the block where this part starts
            first = space  # the blank lines above belong to the first line printed
            for index, lines in column:
                low = max(at, start)
                high = min(at + lines, stop)
                if low < high:
                    self.record(index, high - low, first, row)
                    row += high - low
                    first = 0
                at += lines
                if at >= stop:
                    break
        taken = max(row, top + stop - start) - self.used
        self.used += taken
        self.flow += taken

    def keep(self, at: int) -> int:
        """Lines that must follow heading `at` on its page: the start of what comes next."""
        blocks, height = self.blocks, self.height
        keep = 0
        for next_at in range(at + 1, len(blocks)):  # more than one for headings in a row
            following = blocks[next_at]
            if following.kind is _PAGE_BREAK:
                break
            keep += following.space
            if following.kind is not _HEADING:
                keep += self.least(following)
                break
            keep += following.height
            if keep >= height:
                break
        return min(keep, height)

    def least(self, block: _Block) -> int:
        """The fewest lines of a block that go on the page where it starts."""
        kind = block.kind
        if kind is _PARAGRAPH or kind is _SPEECH:
            for k, ok in enumerate(self.measurer.breaks(block)):
                if ok:
                    return k + 1 + (1 if kind is _SPEECH else 0)
        return block.height

    def place(self, at: int) -> None:
        block = self.blocks[at]
        kind = block.kind
        height = self.height
        count = block.height
        if kind is _PAGE_BREAK:
            if self.used:
                self.new_page()
            return
        if kind is _HEADING and self.used:
            # A scene heading is never the last line on a page: it moves down with the
            # first lines of what follows (worked out only when all of that will not fit).
            nearly = self.used + block.space + count
            following = self.blocks[at + 1] if at + 1 < len(self.blocks) else None
            if nearly > height or (
                following is not None
                and (
                    following.kind is _HEADING
                    or nearly + following.space + following.height > height
                )
                and nearly + (keep := self.keep(at)) > height
                and count + keep <= height  # (moving helps only if it then fits)
            ):
                self.new_page()
        more = 1 if kind is _SPEECH else 0
        start = 0
        while True:
            space = block.space if self.used else 0
            continued = block.continued_lines if start else 0
            room = height - self.used - space - continued
            if count - start <= room:
                self.put(block, start, count, space, continued)
                return
            breaks = self.measurer.breaks(block)
            cut = 0  # lines to set on this page: the most that end where a break may fall
            for k in range(min(count - 1, start + room - more), start, -1):
                if breaks[k - 1]:
                    cut = k
                    break
            if not cut:
                if self.used:
                    self.new_page()
                    continue
                # Taller than a page with nowhere to break: break where the page ends.
                cut = start + max(1, room - more)
            self.put(block, start, cut, space, continued)
            if more:  # "(MORE)" under the last line, counted with the cue
                self.record(block.parts[0][0], 1, 0, self.used)
                self.used += 1
                self.flow += 1
            self.new_page()
            start = cut


def lay_out(screenplay: Screenplay, page_format: PageFormat = LETTER) -> Layout:
    """Lays the script out on pages; see `docs/script-measurement.md` for the model."""
    measurer = _Measurer(screenplay.elements, page_format)
    pager = _Pager(measurer, measurer.blocks())
    for at in range(len(pager.blocks)):
        pager.place(at)
    if pager.used or not pager.page_lines:
        pager.new_page()
    pages = len(pager.page_lines)

    # What never prints sits where the next printed line is (or at the end of the script).
    first_page, first_line, lines, space = (
        pager.first_page,
        pager.first_line,
        pager.lines,
        pager.space,
    )
    last_page, offset = pager.last_page, pager.offset
    here = (pages, pager.page_lines[-1], 0, 0, pages, pager.flow)
    positions: list[tuple[int, int, int, int, int, int]] = []
    for index in range(len(screenplay.elements) - 1, -1, -1):
        if lines[index]:
            position = (
                first_page[index],
                first_line[index],
                lines[index],
                space[index],
                last_page[index],
                offset[index],
            )
            here = (position[0], position[1], 0, 0, position[0], position[5])
            positions.append(position)
        else:
            positions.append(here)
    positions.reverse()
    return Layout(
        pages=pages,
        page_lines=tuple(pager.page_lines),
        total_lines=pager.flow,
        lines_per_page=page_format.lines_per_page,
        positions=tuple(positions),
    )
