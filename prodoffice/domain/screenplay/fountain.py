"""Fountain 1.1 (https://fountain.io/syntax) read into a `Screenplay`, in one pass over the lines.

Where the spec leaves a choice, the fixtures of other parsers decide (see
tests/test_conformance.py), and otherwise the reading that loses the least for a production:

- A boneyard (`/* ... */`) that fills whole lines separates paragraphs like a blank line, so
  commenting out a scene never glues the `CUT TO:` before it to the heading after it; and
  boneyards nest, so commenting out a stretch that holds one hides all of it.
- A scene heading needs a blank line before it, not after it: writers often run the first
  action line straight under the heading, and a scene missed is a scene not scheduled.
- A title page needs a value under one of the keys the spec and common apps use (Title,
  Credit, Author, Source, Draft date, Contact, ...); any key may follow. So a script that
  opens with `CUT TO:`, or with `He reads:` over an indented note, starts with the script.
- A line of two or more spaces (the spec's "two spaces") keeps dialogue, and a note, together;
  in action it is a blank line.
- Nothing is dropped: a boneyard becomes a BONEYARD element, a paragraph that is only a
  [[note]] a NOTE element, inline notes go to `Element.notes`, and `Element.raw` keeps every
  source line exactly as written. Where the markup is broken (an unclosed `/*` or `[[`, a
  dual-dialogue `^` with no dialogue before it), the text is kept and a warning says why.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from prodoffice.domain.screenplay.emphasis import strip_emphasis
from prodoffice.domain.screenplay.model import Element, ElementType, ParseWarning, Screenplay

# The prefixes the spec lists (INT, EXT, EST, INT./EXT, INT/EXT, I/E), then a dot or a space.
_HEADING = re.compile(r"(?:INT\.?/EXT|INT|EXT|EST|I/E)[.\s]", re.IGNORECASE)
# Headings writers also use that the spec does not list: read as the spec says, with a warning.
_UNLISTED_HEADING = re.compile(r"(?:EXT\.?/INT|E/I|INT\.?-EXT)[.\s]", re.IGNORECASE)
_SCENE_NUMBER = re.compile(r"#([0-9A-Za-z.\-]+)#\s*$")
_BAD_SCENE_NUMBER = re.compile(r"#([^#]*)#\s*$")
_TITLE_KEY = re.compile(r"([^\W\d_][\w '\u2019/-]*?)[ \t]*:(.*)")
_TITLE_KEYS = frozenset(
    {"title", "credit", "author", "authors", "source", "draft date", "date", "contact"}
    | {"copyright", "notes", "revision", "episode", "series"}
)
_AROUND_NOTE = re.compile(r"( ?)\x00+( ?)")

_BLANK, _TEXT, _CONNECTOR, _SEPARATOR = range(4)
# Inside a dialogue block these keep it going; any other element ends it.
_SPEECH = frozenset(
    {
        ElementType.DIALOGUE,
        ElementType.PARENTHETICAL,
        ElementType.LYRICS,
        ElementType.NOTE,
        ElementType.BONEYARD,
        ElementType.SECTION,
        ElementType.SYNOPSIS,
    }
)


def parse_fountain(text: str) -> Screenplay:
    """Read Fountain text into a Screenplay; never raises, whatever the text."""
    return _Parser(text).parse()


class _Parser:
    def __init__(self, text: str) -> None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text.startswith("\ufeff"):
            text = text[1:]
        self.text = text
        self.lines = text.split("\n")
        self.elements: list[Element] = []
        self.boneyards: list[Element] = []
        self.warnings: list[ParseWarning] = []
        self.title_page: list[tuple[str, str]] = []
        self.content = self._cut_boneyards()
        self.kinds = [_kind(raw, cut) for raw, cut in zip(self.lines, self.content, strict=True)]
        # The character whose dialogue block is the last thing printed, for dual dialogue.
        self.speaker: int | None = None
        # Lines after `unclosed_from` up to `unclosed_to` hold no "]]": see `_note_paragraph`.
        self.unclosed_from = self.unclosed_to = 0

    def parse(self) -> Screenplay:
        n = len(self.lines)
        # Blank lines, a boneyard or a [[note]] may come before the title page: none prints.
        k = 0
        while k < n:
            if self.kinds[k] != _TEXT:
                k += 1
            elif (end := self._note_paragraph(k)) is not None:
                notes = self._notes(k, end - 1)[1]
                self._add(ElementType.NOTE, k, end - 1, "\n".join(notes), notes)
                k = end
            else:
                break
        k = self._title_page(k)
        at_start = True
        while k < n:
            if self.kinds[k] != _TEXT:
                at_start = True
                k += 1
            else:
                k, at_start = self._paragraph(k, at_start)
        return Screenplay(
            format="fountain",
            title_page=tuple(self.title_page),
            elements=_merge_by_line(self.elements, self.boneyards),
            warnings=tuple(sorted(self.warnings, key=lambda warning: warning.line)),
        )

    # Lines

    def _cut_boneyards(self) -> list[str]:
        """The lines with /* boneyard */ cut out, tabs made four spaces (the spec's rule)."""
        text, lines = self.text, self.lines
        content = list(lines)
        if "/*" in text:
            starts = [0]
            for line in lines:
                starts.append(starts[-1] + len(line) + 1)
            cuts: dict[int, list[tuple[int, int]]] = {}
            position = 0
            while (start := text.find("/*", position)) >= 0:
                end = _boneyard_end(text, start)
                first = bisect_right(starts, start) - 1
                if end < 0:
                    self._warn(first, "A /* boneyard is never closed with */; kept as script text.")
                    break
                last = bisect_right(starts, end - 1) - 1
                self.boneyards.append(
                    Element(
                        ElementType.BONEYARD,
                        text[start + 2 : end - 2].strip(),
                        first + 1,
                        raw=text[start:end],
                    )
                )
                for index in range(first, last + 1):
                    offset = starts[index]
                    cuts.setdefault(index, []).append(
                        (max(start, offset) - offset, min(end, offset + len(lines[index])) - offset)
                    )
                position = end
            for index, spans in cuts.items():
                line = lines[index]
                pieces, kept_from = [], 0
                for cut_from, cut_to in spans:
                    pieces.append(line[kept_from:cut_from])
                    kept_from = cut_to
                pieces.append(line[kept_from:])
                # A line the boneyard emptied separates paragraphs; "\v" marks it for `_kind`.
                kept = "".join(pieces)
                content[index] = kept if kept.strip() else "\v"
        return [line.replace("\t", "    ") if "\t" in line else line for line in content]

    def _visible(self, k: int) -> str:
        line = self.content[k]
        if "[[" in line:
            line = _take_notes(line, "")[0]
        return line.strip()

    def _last_in_block(self, k: int) -> bool:
        return k + 1 >= len(self.lines) or self.kinds[k + 1] != _TEXT

    def _warn(self, k: int, message: str) -> None:
        self.warnings.append(ParseWarning(k + 1, message))

    # Title page

    def _title_page(self, start: int) -> int:
        entries: list[tuple[str, list[str]]] = []
        k, n = start, len(self.lines)
        while k < n and self.kinds[k] == _TEXT:
            line = self.content[k]
            if line[0] == " ":
                if not entries:
                    break
                entries[-1][1].append(line.strip())
            else:
                match = _TITLE_KEY.match(line)
                if match is None or _HEADING.match(line):
                    break
                value = match.group(2).strip()
                entries.append((match.group(1), [value] if value else []))
            k += 1
        if not any(values and key.lower() in _TITLE_KEYS for key, values in entries):
            return start
        self.title_page = [(key, "\n".join(values)) for key, values in entries]
        if k < n and self.kinds[k] == _TEXT:
            self._warn(
                k,
                "The title page has no blank line after it; "
                "this line and the ones after it are read as the script.",
            )
        return k

    # Paragraphs

    def _paragraph(self, k: int, at_start: bool) -> tuple[int, bool]:
        visible = self._visible(k)
        marker = _marker(visible)
        if marker is not None:
            return self._marked(k, marker), True
        if visible.startswith("!"):
            return self._action(k, forced=True)
        if not visible or visible.startswith("[["):
            end = self._note_paragraph(k)
            if end is not None:
                notes = self._notes(k, end - 1)[1]
                self._add(ElementType.NOTE, k, end - 1, "\n".join(notes), notes)
                return end, True
        if not at_start:
            return self._action(k, forced=False)
        if visible.startswith("@") and len(visible) > 1:
            if not self._last_in_block(k):
                return self._character(k, forced=True)
            # A cue with nothing under it speaks no line: it must not count as speaking.
            self._warn(k, "A character cue forced with @ has no dialogue under it; read as action.")
            return self._action(k, forced=False)
        if visible.startswith(".") and len(visible) > 1 and visible[1].isalnum():
            return self._heading(k, forced=True)
        if _HEADING.match(visible):
            return self._heading(k, forced=False)
        if _UNLISTED_HEADING.match(visible):
            self._warn(
                k,
                f"{visible[:40]!r} looks like a scene heading, but Fountain does not know its "
                "prefix; start the line with a '.' to make it one.",
            )
        last = self._last_in_block(k)
        if last and _is_transition(self.content[k]):
            lines, notes = self._notes(k, k)
            self._add(ElementType.TRANSITION, k, k, _clean(lines), notes)
            return k + 1, True
        if not last and _is_character(visible):
            return self._character(k, forced=False)
        return self._action(k, forced=False)

    def _action(self, k: int, *, forced: bool) -> tuple[int, bool]:
        n = len(self.lines)
        note_open = _note_open(self.content[k], False)
        end = k + 1
        while end < n:
            kind = self.kinds[end]
            if kind == _TEXT:
                lead = self.content[end].lstrip()[:1]
                if lead in ("=", "#", "~", ">") and _marker(self._visible(end)) is not None:
                    break
                note_open = _note_open(self.content[end], note_open)
            elif kind != _CONNECTOR or not note_open:
                break
            end += 1
        lines, notes = self._notes(k, end - 1)
        if forced and lines:
            indent = len(lines[0]) - len(lines[0].lstrip())
            if lines[0][indent : indent + 1] == "!":
                lines[0] = lines[0][:indent] + lines[0][indent + 1 :]
        while lines and not lines[-1].strip():
            lines.pop()
        text = strip_emphasis("\n".join(lines))
        self._add(ElementType.ACTION, k, end - 1, text, notes, forced=forced)
        return end, True

    def _heading(self, k: int, *, forced: bool) -> tuple[int, bool]:
        lines, notes = self._notes(k, k)
        text = lines[0].strip() if lines else ""
        if forced:
            text = text[1:].lstrip()
        number = None
        match = _SCENE_NUMBER.search(text)
        if match is not None:
            number = match.group(1)
            text = text[: match.start()].rstrip()
        elif (bad := _BAD_SCENE_NUMBER.search(text)) is not None and bad.group(1).strip():
            self._warn(
                k,
                f"Scene number #{bad.group(1)}# has characters other than letters, digits, "
                "- and .; it is kept as part of the heading.",
            )
        self._add(
            ElementType.SCENE_HEADING,
            k,
            k,
            strip_emphasis(text),
            notes,
            scene_number=number,
            forced=forced,
        )
        # Lines right under a heading, with no blank line between, are action.
        return k + 1, False

    def _character(self, k: int, *, forced: bool) -> tuple[int, bool]:
        lines, notes = self._notes(k, k)
        name = lines[0].strip() if lines else ""
        if forced:
            name = name[1:].strip()
        dual = name.endswith("^")
        if dual:
            name = name[:-1].rstrip()
            if self.speaker is None:
                dual = False
                self._warn(k, "Dual dialogue ^ with no dialogue right before it; read as dialogue.")
        self._add(
            ElementType.CHARACTER, k, k, strip_emphasis(name), notes, dual=dual, forced=forced
        )
        self.speaker = len(self.elements) - 1
        n = len(self.lines)
        last_type = ElementType.CHARACTER
        spoken: int | None = None  # first line of the dialogue being gathered
        end = k + 1
        while end < n:
            kind = self.kinds[end]
            if kind == _TEXT:
                visible = self._visible(end)
                lead = visible[:1]
                if lead == "~" or (lead == "=" and _marker(visible) == ElementType.PAGE_BREAK):
                    self._dialogue(spoken, end, dual)
                    spoken = None
                    if lead == "=":
                        break
                    end = self._grouped(end, ElementType.LYRICS, dual=dual)
                    last_type = ElementType.LYRICS
                    continue
                # The spec's parenthetical follows a character or dialogue, so a second one in
                # a row is dialogue, as screenplay-tools reads it.
                if lead == "(" and visible.endswith(")") and last_type != ElementType.PARENTHETICAL:
                    self._dialogue(spoken, end, dual)
                    spoken = None
                    lines, notes = self._notes(end, end)
                    self._add(ElementType.PARENTHETICAL, end, end, _clean(lines), notes, dual=dual)
                    last_type = ElementType.PARENTHETICAL
                    end += 1
                    continue
            elif kind != _CONNECTOR:
                break
            if spoken is None:
                spoken = end
            last_type = ElementType.DIALOGUE
            end += 1
        self._dialogue(spoken, end, dual)
        return end, True

    def _dialogue(self, first: int | None, end: int, dual: bool) -> None:
        if first is None:
            return
        lines, notes = self._notes(first, end - 1)
        # Two-space lines keep a blank line inside dialogue, but not at its ends.
        text = "\n".join(line.strip() for line in lines).strip("\n")
        if text:
            self._add(ElementType.DIALOGUE, first, end - 1, strip_emphasis(text), notes, dual=dual)
        elif notes:
            self._add(ElementType.NOTE, first, end - 1, "\n".join(notes), notes)

    def _marked(self, k: int, marker: ElementType) -> int:
        if marker in (ElementType.LYRICS, ElementType.CENTERED):
            return self._grouped(k, marker, dual=False)
        lines, notes = self._notes(k, k)
        line = lines[0].strip() if lines else ""
        if marker == ElementType.PAGE_BREAK:
            self._add(marker, k, k, "", notes)
        elif marker == ElementType.SECTION:
            title = line.lstrip("#")
            depth = len(line) - len(title)
            self._add(marker, k, k, strip_emphasis(title.strip()), notes, depth=depth)
        else:  # a synopsis, or a transition forced with ">"
            forced = marker == ElementType.TRANSITION
            self._add(marker, k, k, strip_emphasis(line[1:].strip()), notes, forced=forced)
        return k + 1

    def _grouped(self, k: int, marker: ElementType, *, dual: bool) -> int:
        """Consecutive lyric lines, or centered lines, make one element."""
        end = k + 1
        while end < len(self.lines) and self.kinds[end] == _TEXT:
            if _marker(self._visible(end)) != marker:
                break
            end += 1
        lines, notes = self._notes(k, end - 1)
        cleaned = []
        for line in lines:
            line = line.strip()
            if line[:1] in ("~", ">"):
                line = line[1:]
            if marker == ElementType.CENTERED and line.endswith("<"):
                line = line[:-1]
            cleaned.append(line.strip())
        self._add(marker, k, end - 1, strip_emphasis("\n".join(cleaned)), notes, dual=dual)
        return end

    def _note_paragraph(self, k: int) -> int | None:
        """The end of the lines from `k` that hold nothing but complete [[notes]], if any."""
        if self.unclosed_from < k < self.unclosed_to:
            return None  # a note opened here cannot close: an earlier scan found no "]]"
        n = len(self.lines)
        note_open = False
        complete = None
        end = opened = k
        while end < n and (self.kinds[end] == _TEXT or (note_open and self.kinds[end] != _BLANK)):
            line = self.content[end]
            position = 0
            while True:
                if note_open:
                    close = line.find("]]", position)
                    if close < 0:
                        break
                    note_open = False
                    position = close + 2
                else:
                    start = line.find("[[", position)
                    if line[position : None if start < 0 else start].strip():
                        return complete
                    if start < 0:
                        break
                    note_open = True
                    opened = end
                    position = start + 2
            end += 1
            if not note_open:
                complete = end
        if note_open:
            self.unclosed_from, self.unclosed_to = opened, end
        return complete

    # Text

    def _notes(self, first: int, last: int) -> tuple[list[str], tuple[str, ...]]:
        """The lines first..last with [[notes]] taken out, and the notes."""
        lines = self.content[first : last + 1]
        if not any("[[" in line for line in lines):
            return lines, ()
        joined = "\n".join(lines)
        sentinel = "" if "\x00" in joined else "\x00"
        kept, notes = _take_notes(joined, sentinel)
        if "[[" in kept:
            self._warn(first, "A [[ note is never closed with ]] in its paragraph; kept as text.")
        if not sentinel:
            return kept.split("\n"), tuple(notes)
        result = []
        for line in kept.split("\n"):
            if "\x00" in line:
                if not line.replace("\x00", "").strip():
                    continue  # the line held only notes: no empty line in its place
                line = _AROUND_NOTE.sub(_one_space, line)
            result.append(line)
        return result, tuple(notes)

    def _add(
        self,
        kind: ElementType,
        first: int,
        last: int,
        text: str,
        notes: tuple[str, ...] = (),
        *,
        scene_number: str | None = None,
        dual: bool = False,
        forced: bool = False,
        depth: int = 0,
    ) -> None:
        if kind not in _SPEECH and kind != ElementType.CHARACTER:
            self.speaker = None
        raw = self.lines[first] if first == last else "\n".join(self.lines[first : last + 1])
        self.elements.append(
            Element(
                kind,
                text,
                first + 1,
                raw=raw,
                scene_number=scene_number,
                dual=dual,
                forced=forced,
                depth=depth,
                notes=notes,
            )
        )


def _kind(raw: str, cut: str) -> int:
    if cut == "\v":
        return _SEPARATOR
    if cut and not cut.isspace():
        return _TEXT
    # The spec's "two spaces" line: a blank line that does not end dialogue or a note.
    if len(raw) >= 2 and not raw.strip(" "):
        return _CONNECTOR
    return _BLANK


def _marker(visible: str) -> ElementType | None:
    """The element a line is by its first character, wherever it stands."""
    lead = visible[:1]
    if lead == "=":
        if len(visible) >= 3 and not visible.strip("="):
            return ElementType.PAGE_BREAK
        return ElementType.SYNOPSIS
    if lead == "#":
        return ElementType.SECTION
    if lead == "~":
        return ElementType.LYRICS
    if lead == ">":
        if len(visible) >= 2 and visible.endswith("<"):
            return ElementType.CENTERED
        return ElementType.TRANSITION
    return None


def _is_transition(line: str) -> bool:
    # Trailing spaces make it action: the spec's `TO:` must end the line.
    line = line.lstrip()
    return line.endswith("TO:") and line.upper() == line


def _is_character(visible: str) -> bool:
    """All capitals outside parentheses, with a capital letter: R2D2 yes, 23 no."""
    name = visible[:-1] if visible.endswith("^") else visible
    if "(" in name:
        outside = []
        depth = 0
        for char in name:
            if char == "(":
                depth += 1
            elif char == ")" and depth:
                depth -= 1
            elif not depth:
                outside.append(char)
        name = "".join(outside)
    return name.upper() == name and any(char.isupper() for char in name)


def _note_open(line: str, note_open: bool) -> bool:
    if "[[" not in line and "]]" not in line:
        return note_open
    position = 0
    while True:
        found = line.find("]]" if note_open else "[[", position)
        if found < 0:
            return note_open
        note_open = not note_open
        position = found + 2


def _boneyard_end(text: str, start: int) -> int:
    """Where the boneyard opened at `start` ends, or -1 if it never does.

    Boneyards nest, so commenting out a stretch that already holds one hides all of it.
    """
    depth = 1
    position = start + 2
    opening = closing = -1
    while depth:
        if opening < position:
            opening = text.find("/*", position)
            opening = len(text) if opening < 0 else opening
        if closing < position:
            closing = text.find("*/", position)
            if closing < 0:
                return -1
        if opening < closing:
            depth += 1
            position = opening + 2
        else:
            depth -= 1
            position = closing + 2
    return position


def _take_notes(text: str, mark: str) -> tuple[str, tuple[str, ...]]:
    """`text` with each [[note]] replaced by `mark`, and the notes; linear in the text."""
    pieces: list[str] = []
    notes: list[str] = []
    position = 0
    while (start := text.find("[[", position)) >= 0:
        end = text.find("]]", start + 2)
        if end < 0:
            break  # no "]]" after this "[[", so none after any later one either
        pieces += (text[position:start], mark)
        notes.append(text[start + 2 : end])
        position = end + 2
    if not notes:
        return text, ()
    pieces.append(text[position:])
    return "".join(pieces), tuple(notes)


def _one_space(match: re.Match[str]) -> str:
    return " " if match.group(1) and match.group(2) else match.group(1) + match.group(2)


def _clean(lines: list[str]) -> str:
    return strip_emphasis("\n".join(line.strip() for line in lines).strip())


def _merge_by_line(elements: list[Element], boneyards: list[Element]) -> tuple[Element, ...]:
    """Boneyards in their place by line; an element starting on the same line goes first."""
    if not boneyards:
        return tuple(elements)
    merged: list[Element] = []
    b = 0
    for element in elements:
        while b < len(boneyards) and boneyards[b].line < element.line:
            merged.append(boneyards[b])
            b += 1
        merged.append(element)
    merged.extend(boneyards[b:])
    return tuple(merged)
