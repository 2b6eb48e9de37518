from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, key)


@register.filter
def pages(eighths: int | None) -> str:
    """Eighths of a page as a coordinator writes them: 11 -> "1 3/8", 6 -> "6/8", 16 -> "2"."""
    whole, part = divmod(int(eighths or 0), 8)
    if not part:
        return str(whole)
    return f"{whole} {part}/8" if whole else f"{part}/8"


@register.filter
def cast_numbers(tags: list[Any]) -> str:
    numbers = sorted(t.element.cast.cast_number for t in tags if t.element.cast)
    return ", ".join(str(n) for n in numbers)


@register.filter
def lookup(mapping: dict[Any, Any], key: Any) -> Any:
    """`mapping[key]`, or None when it has no such key."""
    return mapping.get(key)


@register.filter
def sub(value: int | None, other: int | None) -> int:
    return int(value or 0) - int(other or 0)
