"""Small screenplays written in code, for tests that do not need a parser."""

from __future__ import annotations

from prodoffice.domain.screenplay.model import Element, ElementType, Screenplay

T = ElementType


def screenplay(*elements: Element | tuple[ElementType, str]) -> Screenplay:
    """A screenplay from elements, or (type, text) pairs numbered as source lines."""
    built = tuple(
        item if isinstance(item, Element) else Element(type=item[0], text=item[1], line=line)
        for line, item in enumerate(elements, start=1)
    )
    return Screenplay(format="fountain", title_page=(), elements=built)


def heading(text: str, number: str | None = None) -> Element:
    return Element(type=T.SCENE_HEADING, text=text, line=0, scene_number=number)


def action(text: str) -> tuple[ElementType, str]:
    return (T.ACTION, text)


def lines(count: int, text: str = "A line of action.") -> tuple[ElementType, str]:
    """One action paragraph of `count` printed lines (hard line breaks)."""
    return (T.ACTION, "\n".join([text] * count))


def cue(name: str, dual: bool = False) -> Element:
    return Element(type=T.CHARACTER, text=name, line=0, dual=dual)


def says(text: str) -> tuple[ElementType, str]:
    return (T.DIALOGUE, text)


def aside(text: str) -> tuple[ElementType, str]:
    return (T.PARENTHETICAL, text)


def page_break() -> tuple[ElementType, str]:
    return (T.PAGE_BREAK, "")
