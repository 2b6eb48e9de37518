"""Rules for a production's identity and calendar."""

from __future__ import annotations

import re
from datetime import date

CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9_-]{1,11}$")


def check_code(code: str) -> str | None:
    if not CODE_PATTERN.match(code):
        return "Use 2 to 12 capital letters, digits, - or _, starting with a letter or digit."
    return None


def check_phase_dates(
    prep_start: date | None, shoot_start: date | None, shoot_end: date | None, wrap_end: date | None
) -> dict[str, str]:
    """Prep comes before the shoot, the shoot before wrap: each date no earlier than the last."""
    errors: dict[str, str] = {}
    ordered = [
        ("prep_start", "Prep start", prep_start),
        ("shoot_start", "Shoot start", shoot_start),
        ("shoot_end", "Last shoot day", shoot_end),
        ("wrap_end", "End of wrap", wrap_end),
    ]
    latest: tuple[str, date] | None = None
    for field, label, value in ordered:
        if value is None:
            continue
        if latest is not None and value < latest[1]:
            errors[field] = (
                f"{label} ({value:%b %-d, %Y}) is before {latest[0]} ({latest[1]:%b %-d})."
            )
        else:
            latest = (label.lower(), value)
    return errors


def check_revision_colors(colors: tuple[str, ...]) -> str | None:
    """A production's own revision colour sequence: names, each once, at most 20."""
    names = [" ".join(color.split()) for color in colors]
    if len(names) > 20:
        return "At most 20 colours; after the last, the sequence starts again as Double ..."
    if any(not name or len(name) > 30 for name in names):
        return "Each colour is a name of 1 to 30 characters, e.g. Goldenrod."
    if len({name.casefold() for name in names}) != len(names):
        return "Each colour appears once in the sequence."
    return None
