"""Progress against the schedule: pages planned and shot to date, days ahead or behind, and
when the shoot will end at the rate so far."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PlanDay:
    number: int  # shoot day 1..N
    on: date
    eighths: int  # pages planned that day, in eighths


@dataclass(frozen=True)
class ProgressPoint:
    number: int
    on: date
    planned: int  # eighths planned up to and including this day
    shot: int | None  # eighths shot up to this day; None for days not reported yet


@dataclass(frozen=True)
class Progress:
    points: list[ProgressPoint]
    days_reported: int
    days_scheduled: int
    planned_to_date: int  # eighths planned over the days reported
    shot_to_date: int
    total_planned: int
    days_ahead: float  # positive ahead of the schedule, negative behind, in shoot days
    forecast_days: int | None  # shoot days the whole script takes at the rate so far
    forecast_last_day: date | None  # None when beyond the scheduled days or not known

    @property
    def pages_ahead(self) -> int:
        return self.shot_to_date - self.planned_to_date


def progress(plan: Sequence[PlanDay], shot: Mapping[int, int]) -> Progress:
    """Compare what was shot (eighths per reported shoot day number) with the plan.

    Days ahead: how many shoot days of the plan the pages shot so far cover, minus the days
    reported (shooting day 5's pages by the end of day 4 is one day ahead). The forecast takes
    the average pages a day so far to the script's total; it needs at least one reported day.
    """
    points, planned, done = [], 0, 0
    for day in plan:
        planned += day.eighths
        if day.number in shot:
            done += max(shot[day.number], 0)
        points.append(
            ProgressPoint(day.number, day.on, planned, done if day.number in shot else None)
        )
    reported = [day for day in plan if day.number in shot]
    total = planned
    planned_to_date = sum(day.eighths for day in reported)
    covered = _days_covered(plan, done)
    ahead = covered - len(reported)
    forecast = math.ceil(total / (done / len(reported))) if reported and done else None
    last = plan[forecast - 1].on if forecast is not None and 0 < forecast <= len(plan) else None
    return Progress(
        points=points,
        days_reported=len(reported),
        days_scheduled=len(plan),
        planned_to_date=planned_to_date,
        shot_to_date=done,
        total_planned=total,
        days_ahead=round(ahead, 1),
        forecast_days=forecast,
        forecast_last_day=last,
    )


def _days_covered(plan: Sequence[PlanDay], eighths: int) -> float:
    """How many planned shoot days `eighths` of pages amount to (with the part of a day)."""
    covered, left = 0.0, eighths
    for day in plan:
        if left <= 0:
            break
        if day.eighths == 0 or left >= day.eighths:
            covered += 1
            left -= day.eighths
        else:
            covered += left / day.eighths
            left = 0
    return covered


def chart_svg(result: Progress, *, width: int = 640, height: int = 240) -> str:
    """The planned and shot pages to date as a small line chart (SVG, no script, no fonts
    from elsewhere): planned in grey, shot in blue, one step per shoot day."""
    pad_left, pad_bottom, pad_top, pad_right = 48, 28, 12, 12
    inner_w, inner_h = width - pad_left - pad_right, height - pad_top - pad_bottom
    days = max(len(result.points), 1)
    top = max(result.total_planned, result.shot_to_date, 1)

    def x(index: int) -> float:
        return pad_left + inner_w * index / days

    def y(eighths: int) -> float:
        return pad_top + inner_h * (1 - eighths / top)

    planned = [(x(0), y(0))] + [(x(i + 1), y(p.planned)) for i, p in enumerate(result.points)]
    shot = [(x(0), y(0))] + [
        (x(i + 1), y(p.shot)) for i, p in enumerate(result.points) if p.shot is not None
    ]

    def path(points: list[tuple[float, float]]) -> str:
        return " ".join(f"{px:.1f},{py:.1f}" for px, py in points)

    pages = top // 8
    ticks = "".join(
        f'<text x="{pad_left - 6}" y="{y(v * 8):.1f}" text-anchor="end" font-size="10">{v}</text>'
        for v in sorted({0, pages // 2, pages})
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-label="Pages planned and shot, day by day">'
        f'<rect x="{pad_left}" y="{pad_top}" width="{inner_w}" height="{inner_h}" '
        'fill="none" stroke="#d0d7de"/>'
        f'<polyline points="{path(planned)}" fill="none" stroke="#8c959f" stroke-width="2" '
        'stroke-dasharray="4 3"/>'
        f'<polyline points="{path(shot)}" fill="none" stroke="#0969da" stroke-width="3"/>'
        f"{ticks}"
        f'<text x="{pad_left}" y="{height - 8}" font-size="10">Day 1</text>'
        f'<text x="{width - pad_right}" y="{height - 8}" font-size="10" text-anchor="end">'
        f"Day {days}</text>"
        "</svg>"
    )
