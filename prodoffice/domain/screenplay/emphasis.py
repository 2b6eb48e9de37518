"""Emphasis in Fountain text: `*italic*`, `**bold**`, `***bold italic***`, `_underline_`.

The parser takes the markers out of an element's text (`strip_emphasis`); `Element.raw`
keeps them, and `emphasis_runs` reads the styles back from it.
"""

from __future__ import annotations

from typing import NamedTuple


class Run(NamedTuple):
    """A stretch of text printed in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


def strip_emphasis(text: str) -> str:
    """`text` without the emphasis markers `*`, `**`, `***`, `_` and their `\\` escapes."""
    if "*" not in text and "_" not in text and "\\" not in text:
        return text
    return "\n".join(
        "".join(run.text for run in _line_runs(line))
        if "*" in line or "_" in line or "\\" in line
        else line
        for line in text.split("\n")
    )


def emphasis_runs(text: str) -> tuple[Run, ...]:
    """`text` cut into runs of one style each; line breaks are kept inside the runs' text.

    As in Markdown, a marker opens before a non-space and closes after one (`*69 and then *23`
    stays as written), an underscore does not open or close inside a word (file_name_here),
    and emphasis does not cross a line break.
    """
    runs: list[Run] = []
    for number, line in enumerate(text.split("\n")):
        pieces = _line_runs(line)
        if number:
            pieces = [Run("\n"), *pieces]
        for run in pieces:
            if runs and runs[-1][1:] == run[1:]:
                runs[-1] = runs[-1]._replace(text=runs[-1].text + run.text)
            elif run.text:
                runs.append(run)
    return tuple(runs)


class _Delimiter:
    __slots__ = ("char", "closed_by", "length", "opens")

    def __init__(self, char: str, length: int) -> None:
        self.char = char
        self.length = length
        self.opens: _Delimiter | None = None  # set on a closer: the opener it closes
        self.closed_by: _Delimiter | None = None


# How far back a closer looks for its opener: keeps a line of many stray `*` linear.
_LOOKBACK = 32


def _line_runs(line: str) -> list[Run]:
    tokens: list[str | _Delimiter] = []
    stack: list[_Delimiter] = []
    literal: list[str] = []
    i = 0
    size = len(line)
    while i < size:
        char = line[i]
        if char == "\\" and i + 1 < size and line[i + 1] in "*_\\":
            literal.append(line[i + 1])
            i += 2
            continue
        if char != "*" and char != "_":
            literal.append(char)
            i += 1
            continue
        end = i
        while end < size and line[end] == char:
            end += 1
        length = end - i
        before = line[i - 1] if i else " "
        after = line[end] if end < size else " "
        if (char == "*" and length > 3) or (char == "_" and length > 1):
            literal.append(line[i:end])
            i = end
            continue
        can_open = not after.isspace() and (char == "*" or not before.isalnum())
        can_close = not before.isspace() and (char == "*" or not after.isalnum())
        if literal:
            tokens.append("".join(literal))
            literal = []
        delimiter = _Delimiter(char, length)
        tokens.append(delimiter)
        matched = False
        if can_close:
            for depth in range(len(stack) - 1, max(-1, len(stack) - 1 - _LOOKBACK), -1):
                opener = stack[depth]
                if opener.char == char and opener.length == length:
                    opener.closed_by = delimiter
                    delimiter.opens = opener
                    del stack[depth:]
                    matched = True
                    break
        if not matched and can_open:
            stack.append(delimiter)
        i = end
    if literal:
        tokens.append("".join(literal))

    runs: list[Run] = []
    bold = italic = underline = 0
    for token in tokens:
        if isinstance(token, str):
            runs.append(Run(token, bold > 0, italic > 0, underline > 0))
            continue
        step = 1 if token.closed_by is not None else -1 if token.opens is not None else 0
        if not step:
            runs.append(Run(token.char * token.length, bold > 0, italic > 0, underline > 0))
        elif token.char == "_":
            underline += step
        else:
            bold += step if token.length >= 2 else 0
            italic += step if token.length != 2 else 0
    return runs
