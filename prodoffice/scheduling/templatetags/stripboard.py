"""A strip of the stripboard, written in Python: a board has hundreds, and a template include
per strip costs most of the page's time (bench/stripboard.py)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from prodoffice.core.templatetags.prodoffice import cast_numbers

register = template.Library()


@register.simple_tag(takes_context=True)
def strip_row(context: Any, strip: Any, day_number: int | str | None) -> SafeString:
    """One `li.strip`: number, INT/EXT, set, DAY/NIGHT, pages, cast numbers, broken rules, and
    for an editor the move form (day by number, position) that drag and drop also fills in."""
    scene = strip.scene
    warnings = context["checks"].by_strip.get(strip.pk) or []
    editable = bool(context["can"].get("edit_schedule"))
    move = reverse("strip_move", args=[context["production"].code, strip.pk])
    classes = f"strip {scene.int_ext.lower().replace('/', '')} {scene.time_of_day.lower()}"
    mark = ""
    if warnings:
        classes += " broken"
        count = len(warnings)
        mark = format_html(
            ' <b class="warn" aria-label="{} broken rule{}">⚠ {}</b>',
            count,
            "" if count == 1 else "s",
            count,
        )
    form = ""
    if editable:
        form = format_html(
            '<form method="post" action="{0}" hx-post="{0}" hx-target="#board" class="move">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{1}">'
            '<input type="hidden" name="version" value="{2}">'
            '<input type="hidden" name="day" value="">'
            '<input name="day_number" type="number" min="0" value="{3}" class="pos" '
            'placeholder="Day" aria-label="Move scene {4} to day (empty: boneyard)">'
            '<input name="position" type="number" min="0" value="{5}" class="pos" '
            'aria-label="Position"><button>Move</button></form>',
            move,
            context.get("csrf_token", ""),
            context["board"].schedule.version,
            day_number or "",
            scene.number,
            strip.order,
        )
    return format_html(
        '<li class="{}"{} draggable="{}" data-strip="{}" data-move="{}">'
        '<b class="num">{}</b><span class="ie">{}</span><span class="set">{}</span>'
        '<span class="dn">{}</span><span class="len">{}</span>'
        '<span class="cast">{}{}</span>{}</li>',
        classes,
        format_html(' title="{}"', " ".join(warnings)) if warnings else "",
        "true" if editable else "false",
        strip.pk,
        move,
        scene.number,
        scene.int_ext,
        scene.set_name,
        scene.time_of_day,
        scene.length,
        cast_numbers(scene.cast_tags),
        mark,
        form,
    )


@register.simple_tag(takes_context=True)
def strip_rows(context: Any, strips: Any, day_number: int | str | None) -> SafeString:
    """Every strip of a day (or of the boneyard), or the line saying there are none."""
    if not strips:
        empty = "No scenes." if day_number else "Empty."
        return format_html('<li class="muted empty">{}</li>', empty)
    return mark_safe(  # noqa: S308  (each row is built with format_html above)
        "".join(strip_row(context, strip, day_number) for strip in strips)
    )
