from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from prodoffice.domain.progress.progress import PlanDay, chart_svg, progress

START = date(2027, 3, 1)


def plan(*eighths: int) -> list[PlanDay]:
    return [PlanDay(n + 1, START + timedelta(days=n), e) for n, e in enumerate(eighths)]


def test_shooting_the_next_days_pages_early_is_a_day_ahead() -> None:
    result = progress(plan(40, 40, 40, 40), {1: 40, 2: 40, 3: 40})
    assert (result.shot_to_date, result.planned_to_date, result.days_ahead) == (120, 120, 0)
    ahead = progress(plan(40, 40, 40, 40), {1: 60, 2: 60})
    assert ahead.days_ahead == 1.0 and ahead.pages_ahead == 40
    assert ahead.forecast_days == 3 and ahead.forecast_last_day == START + timedelta(days=2)


def test_falling_behind_pushes_the_forecast_past_the_schedule() -> None:
    result = progress(plan(40, 40, 40, 40), {1: 20, 2: 30})
    assert result.days_ahead == -0.8
    assert result.forecast_days == 7
    assert result.forecast_last_day is None  # past the four scheduled days


def test_nothing_reported_yet_forecasts_nothing() -> None:
    result = progress(plan(16, 16), {})
    assert (result.days_reported, result.forecast_days, result.days_ahead) == (0, None, 0)
    assert [p.shot for p in result.points] == [None, None]


@given(
    st.lists(st.integers(0, 80), min_size=1, max_size=40),
    st.lists(st.integers(0, 120), max_size=40),
)
def test_totals_are_never_negative_and_the_chart_is_well_formed(
    planned: list[int], shot: list[int]
) -> None:
    days = plan(*planned)
    result = progress(days, {n + 1: e for n, e in enumerate(shot[: len(days)])})
    assert result.shot_to_date >= 0 and result.total_planned == sum(planned)
    assert result.days_reported == min(len(shot), len(days))
    svg = chart_svg(result)
    assert svg.startswith("<svg") and svg.endswith("</svg>") and "nan" not in svg
