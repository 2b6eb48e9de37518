from __future__ import annotations

from django import template

from prodoffice.domain.scheduling.constraints import pages as _pages

register = template.Library()


@register.filter
def pages(eighths: int) -> str:
    """Eighths as a DPR prints pages: 2 3/8."""
    return _pages(int(eighths or 0))
