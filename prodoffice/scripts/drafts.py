"""Stored scenes back into the domain's Scene, to compare a stored draft with a new one."""

from __future__ import annotations

from prodoffice.domain.screenplay.model import Element, ElementType, Heading
from prodoffice.domain.screenplay.model import Scene as DraftScene
from prodoffice.scripts.models import Scene

_TYPES = {kind.value for kind in ElementType}


def draft_scene(row: Scene, index: int) -> DraftScene:
    """The stored scene as the domain sees it: number as locked, text as printed."""
    elements = tuple(
        Element(type=ElementType(part["type"]), text=part["text"], line=0)
        for part in row.body
        if part.get("type") in _TYPES
    )
    return DraftScene(
        index=index,
        number=row.number or None,
        heading=row.heading,
        parts=Heading(int_ext=row.int_ext, set=row.set_name, time_of_day=row.time_of_day),
        elements=elements,
        characters=tuple(row.characters),
        synopsis=row.synopsis,
        page=row.page,
        eighths=max(row.eighths, 1),
        omitted=row.omitted,
    )
