"""The work-rules engine on random valid time cards (issue 6 target: 10,000 cards a second).

    .venv/bin/python bench/rules.py [--cards N] [--seed S]

Builds N random valid time cards (default 100,000: 0-3 meals, some late, some wraps past
midnight, some short turnarounds; hourly, day and weekly rates, some with a guarantee of 8, 10
or 12 hours a day; some holidays; some with a scheduled length, for reporting time; a fifth with
a non-deductible breakfast, some on a six-day or location week), evaluates each under each
shipped rule set, and prints a Markdown table of cards a second, best of 3 runs.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prodoffice.domain.rules import Meal, TimeCard, evaluate, load_rule_sets  # noqa: E402
from prodoffice.domain.rules.timecard import Workweek  # noqa: E402

LA = ZoneInfo("America/Los_Angeles")


WORKWEEKS: tuple[Workweek, ...] = ("5-day studio", "5-day studio", "6-day studio", "6-day location")


def random_card(rng: random.Random) -> TimeCard:
    call = datetime(2025, 1, 1, tzinfo=LA) + timedelta(minutes=rng.randrange(365 * 24 * 60))
    moment, meals = call, []
    ndb = None
    if rng.random() < 0.2:  # a breakfast of 10 to 30 minutes in the first two and a half hours
        start = call + timedelta(minutes=rng.randrange(0, 150))
        moment = start + timedelta(minutes=rng.choice((10, 15, 15, 30, 30)))
        ndb = Meal(start, moment)
    for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
        start = moment + timedelta(minutes=rng.randrange(120, 450))
        moment = start + timedelta(minutes=rng.choice((20, 30, 30, 45, 60, 75)))
        meals.append(Meal(start, moment))
    deal = rng.choice(("hour", "hour", "hour", "day", "day", "week"))
    guarantee = rng.choice((None, None, 8, 10, 12))
    day = rng.randrange(1, 8)
    first, rest = day == 1, (30 * 60, 70 * 60)
    return TimeCard(
        person="Bench",
        call=call,
        wrap=moment + timedelta(minutes=rng.randrange(30, 420)),
        rate=Decimal(rng.randrange(2000, {"hour": 9000, "day": 500000, "week": 1500000}[deal]))
        / 100,
        rate_per=deal,
        meals=tuple(meals),
        # The first day of a workweek follows a weekend: 30 to 70 hours of rest.
        previous_wrap=call - timedelta(minutes=rng.randrange(*(rest if first else (480, 960)))),
        week_before=timedelta(hours=0 if first else rng.randrange(0, 60)),
        day_of_workweek=day,
        ndb=ndb,
        workweek=rng.choice(WORKWEEKS),
        guaranteed_hours=(
            None if guarantee is None else Decimal(guarantee * (5 if deal == "week" else 1))
        ),
        holiday=rng.random() < 0.05,
        scheduled_hours=Decimal(rng.randrange(8, 14)) if rng.random() < 0.3 else None,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=6)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    cards = [random_card(rng) for _ in range(options.cards)]
    print("| rule set | cards | violations | labour cost | best s | cards/s | target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for rules in load_rule_sets():
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            results = [evaluate(card, rules) for card in cards]
            best = min(best, time.perf_counter() - started)
        assert all(result.costed for result in results)
        violations = sum(len(result.violations) for result in results)
        cost = sum((result.total for result in results), Decimal(0))
        print(
            f"| {rules.name} | {len(cards):,} | {violations:,} | ${cost:,.2f} | {best:.2f} "
            f"| {len(cards) / best:,.0f} | 10,000 |"
        )


if __name__ == "__main__":
    main()
