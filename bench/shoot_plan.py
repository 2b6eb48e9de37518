"""The day-based schedule optimizer on a synthetic feature, against a coordinator's first pass.

    .venv/bin/python bench/shoot_plan.py [--time-limit S] [--seed N] [--workers W] [--json PATH]

The feature (deterministic for a seed): 150 scenes, 30 cast (3 leads who cannot be dropped, 7
supporting, 20 day players), 40 sets in 15 locations, 35 shoot days on weekdays of 5 pages
(40 eighths) each, unavailable dates for 8 performers and 3 locations, 5 must-shoot-by scenes,
4 together groups, 2 scenes fixed to a day, and a company move costing 1,500. Prints a Markdown
table: broken rules, cost of `baseline` (sort by location, then cast, fill the days) and of
`solve`, the proven lower bound, and the two ratios. `--json PATH` writes the instance in
the `prodoffice optimize-schedule` day-based form.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prodoffice.domain.scheduling.shoot_plan import (  # noqa: E402
    PlanCast,
    PlanDay,
    PlanLocation,
    PlanScene,
    ShootPlanInstance,
    baseline,
    broken_constraints,
    evaluate,
    solve,
)

FIRST_DAY = date(2025, 3, 3)  # a Monday


def feature(seed: int) -> ShootPlanInstance:
    rng = random.Random(seed)
    dates: list[date] = []
    on = FIRST_DAY
    while len(dates) < 35:
        if on.weekday() < 5:
            dates.append(on)
        on += timedelta(days=1)
    days = tuple(PlanDay(f"{n + 1}", when, 40) for n, when in enumerate(dates))

    def block(length: int) -> frozenset[date]:
        start = rng.randrange(0, len(dates) - length)
        return frozenset(dates[start : start + length])

    cast = []
    for n in range(30):
        if n < 3:
            rate, may_drop = rng.randrange(5000, 8001, 250), False
        elif n < 10:
            rate, may_drop = rng.randrange(1500, 3001, 100), True
        else:
            rate, may_drop = rng.randrange(400, 1001, 50), True
        away = block(rng.randint(3, 5)) if n in (1, 4, 6, 8, 12, 17, 21, 26) else frozenset()
        cast.append(PlanCast(f"c{n + 1}", rate, away, may_drop, f"Performer {n + 1}"))
    locations = tuple(
        PlanLocation(f"L{n + 1}", block(rng.randint(3, 6)) if n in (2, 7, 11) else frozenset())
        for n in range(15)
    )
    set_location = [f"L{n % 15 + 1}" if n < 15 else f"L{rng.randrange(15) + 1}" for n in range(40)]
    set_weight = [rng.uniform(0.5, 3.0) for _ in range(40)]
    day_players = {f"c{n + 1}": rng.sample(range(150), rng.randint(2, 6)) for n in range(10, 30)}
    scenes = []
    for n in range(150):
        people = [f"c{m + 1}" for m in range(3) if rng.random() < 0.55]
        people += [f"c{m + 1}" for m in range(3, 10) if rng.random() < 0.15]
        people += [member for member, mine in day_players.items() if n in mine]
        where = rng.choices(range(40), set_weight)[0]
        scenes.append(
            PlanScene(
                id=f"{n + 1}",
                size=rng.choice([2, 3, 4, 5, 6, 6, 7, 8, 8, 9, 10, 12, 14, 16]),
                cast=tuple(people),
                location=set_location[where],
                name=f"Set {where + 1}",
            )
        )
    for n in rng.sample(range(150), 5):
        scenes[n] = _with(scenes[n], must_shoot_by=dates[rng.randrange(12, 25)])
    for n, day in zip(rng.sample(range(150), 2), (days[3], days[20]), strict=True):
        scenes[n] = _with(scenes[n], fixed_day=day.id)
    together = []
    by_location: dict[str | None, list[str]] = {}
    for scene in scenes:
        if scene.must_shoot_by is None and scene.fixed_day is None:
            by_location.setdefault(scene.location, []).append(scene.id)
    for location in rng.sample(sorted(k for k in by_location if k and len(by_location[k]) > 3), 4):
        together.append(tuple(rng.sample(by_location[location], rng.randint(2, 3))))
    return ShootPlanInstance(
        days=days,
        scenes=tuple(scenes),
        cast=tuple(cast),
        locations=locations,
        together=tuple(together),
        company_move_cost=1500,
    )


def _with(scene: PlanScene, **changes: object) -> PlanScene:
    return PlanScene(**{**scene.__dict__, **changes})  # type: ignore[arg-type]


def as_document(instance: ShootPlanInstance) -> dict[str, object]:
    return {
        "days": [
            {"id": d.id, "date": d.date.isoformat(), "capacity": d.capacity} for d in instance.days
        ],
        "cast": [
            {
                "id": c.id,
                "name": c.name,
                "daily_cost": c.daily_cost,
                "may_drop": c.may_drop,
                "unavailable": sorted(d.isoformat() for d in c.unavailable),
            }
            for c in instance.cast
        ],
        "locations": [
            {"id": loc.id, "unavailable": sorted(d.isoformat() for d in loc.unavailable)}
            for loc in instance.locations
        ],
        "scenes": [
            {
                "id": s.id,
                "name": s.name,
                "size": s.size,
                "cast": list(s.cast),
                "location": s.location,
                "must_shoot_by": s.must_shoot_by and s.must_shoot_by.isoformat(),
                "fixed_day": s.fixed_day,
            }
            for s in instance.scenes
        ],
        "together": [list(group) for group in instance.together],
        "drop_minimum_gap": instance.drop_minimum_gap,
        "company_move_cost": instance.company_move_cost,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=60.0, metavar="S")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None, metavar="PATH")
    options = parser.parse_args()
    instance = feature(options.seed)
    if options.json is not None:
        options.json.write_text(json.dumps(as_document(instance), indent=1))
    hand = baseline(instance)
    hand_cost = evaluate(instance, hand)
    hand_broken = broken_constraints(instance, hand)
    plan = solve(instance, time_limit=options.time_limit, workers=options.workers)
    ours_broken = broken_constraints(instance, plan.days)
    rules = sorted({b.rule for b in hand_broken})
    print(
        "| scenes | days | broken: baseline / ours | cost baseline | cost ours | lower bound "
        "| ours / bound | baseline / ours | seconds |"
    )
    print("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {len(instance.scenes)} | {len(instance.days)} "
        f"| {len(hand_broken)} ({', '.join(rules) or 'none'}) / {len(ours_broken)} "
        f"| {hand_cost.total:,} | {plan.cost.total:,} | {plan.lower_bound:,} "
        f"| {plan.cost.total / max(1, plan.lower_bound):.3f} "
        f"| {hand_cost.total / max(1, plan.cost.total):.3f} | {plan.seconds:.1f} |"
    )
    print()
    for name, cost in (("baseline", hand_cost), ("ours", plan.cost)):
        print(
            f"{name}: cast {cost.cast_cost:,} for {cost.cast_days} paid days "
            f"({cost.work_days} work, {cost.holding_days} holding, {cost.drops} drops), "
            f"{cost.company_moves} company moves"
        )
    if hand_broken:
        counts = {rule: sum(b.rule == rule for b in hand_broken) for rule in rules}
        print("baseline breaks: " + ", ".join(f"{n} {rule}" for rule, n in counts.items()))


if __name__ == "__main__":
    main()
