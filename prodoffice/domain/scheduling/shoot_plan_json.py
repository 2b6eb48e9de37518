"""Readers for the day-based optimizer's JSON document that report, rather than raise.

Each reader appends a message to `problems` and returns None when a value is wrong, so one
pass over a document names every bad item at once instead of stopping at the first.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date


def json_type(value: object) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(
        type(value), "null" if value is None else type(value).__name__
    )


def entries(
    document: Mapping[str, object], key: str, problems: list[str], *, required: bool
) -> list[tuple[str, Mapping[str, object]]]:
    """The objects of the list `document[key]`, each with a name for messages: scenes[3]."""
    if key not in document:
        if required:
            problems.append(f'The instance has no "{key}" list.')
        return []
    found = document[key]
    if not isinstance(found, list):
        problems.append(f'"{key}" must be a list, not a {json_type(found)}.')
        return []
    listed = []
    for position, entry in enumerate(found):
        if isinstance(entry, Mapping):
            listed.append((f"{key}[{position}]", entry))
        else:
            problems.append(f"{key}[{position}] must be an object, not a {json_type(entry)}.")
    return listed


def unknown_keys(
    entry: Mapping[str, object], allowed: frozenset[str], where: str, problems: list[str]
) -> None:
    extra = sorted(str(key) for key in entry if key not in allowed)
    if extra:
        known = ", ".join(sorted(allowed))
        problems.append(
            f"{where} has unknown key(s) {', '.join(map(repr, extra))}; known: {known}."
        )


def identifier(value: object, where: str, problems: list[str]) -> str | None:
    """An id written as a string or a whole number, read as a string ("7" and 7 are one id)."""
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    problems.append(f"{where} is {value!r}: an id must be a non-empty string or a whole number.")
    return None


def required_id(
    entry: Mapping[str, object], key: str, where: str, problems: list[str]
) -> str | None:
    if key not in entry:
        problems.append(f'{where} has no "{key}".')
        return None
    return identifier(entry[key], f'{where} "{key}"', problems)


def optional_id(
    entry: Mapping[str, object], key: str, where: str, problems: list[str]
) -> str | None:
    value = entry.get(key)
    return None if value is None else identifier(value, f'{where} "{key}"', problems)


def whole(
    entry: Mapping[str, object],
    key: str,
    where: str,
    problems: list[str],
    default: int | None = None,
) -> int | None:
    if key not in entry and default is not None:
        return default
    if key not in entry:
        problems.append(f'{where} has no "{key}".')
        return None
    value = entry[key]
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    problems.append(f'{where} "{key}" is {value!r}: it must be a whole number.')
    return None


def flag(
    entry: Mapping[str, object],
    key: str,
    where: str,
    problems: list[str],
    *,
    default: bool = True,
) -> bool:
    value = entry.get(key, default)
    if isinstance(value, bool):
        return value
    problems.append(f'{where} "{key}" is {value!r}: it must be true or false.')
    return default


def text(entry: Mapping[str, object], key: str, where: str, problems: list[str]) -> str:
    value = entry.get(key, "")
    if isinstance(value, str):
        return value
    problems.append(f'{where} "{key}" is {value!r}: it must be a string.')
    return ""


def iso_date(value: object, where: str, problems: list[str]) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    problems.append(f'{where} is {value!r}: a date is written "YYYY-MM-DD".')
    return None


def optional_date(
    entry: Mapping[str, object], key: str, where: str, problems: list[str]
) -> date | None:
    value = entry.get(key)
    return None if value is None else iso_date(value, f'{where} "{key}"', problems)


def dates(
    entry: Mapping[str, object], key: str, where: str, problems: list[str]
) -> frozenset[date]:
    value = entry.get(key, [])
    if not isinstance(value, list):
        problems.append(f'{where} "{key}" must be a list of dates, not a {json_type(value)}.')
        return frozenset()
    read = (iso_date(item, f'{where} "{key}"', problems) for item in value)
    return frozenset(day for day in read if day is not None)


def ids(entry: Mapping[str, object], key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list):
        problems.append(f'{where} "{key}" must be a list of ids, not a {json_type(value)}.')
        return ()
    read = (identifier(item, f'{where} "{key}"', problems) for item in value)
    return tuple(item for item in read if item is not None)
