"""The talent-scheduling optimizer on every instance in ../shared/data/talent (issue 4).

    .venv/bin/python bench/talent.py [--time-limit S] [NAME ...]

Solves each instance (or those whose file name contains one of the NAMEs) with a per-instance
time limit (default 60 s), and prints a Markdown table: the published optimum where one is
known, the cost found, the proven lower bound, whether the order is proven optimal, the gap
between cost and bound, and the time.
Target: every instance with a known optimum found and proven well within a second; the
published state of the art (C++) takes 0.02-0.16 s on the real films.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prodoffice.domain.scheduling.talent import TalentInstance, solve  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "talent"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=60.0, metavar="S")
    parser.add_argument("names", nargs="*")
    options = parser.parse_args()
    print(
        "| instance | scenes | cast | optimum (published) | ours | lower bound | proven | gap "
        "| seconds |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
    for path in sorted(DATA.glob("*.json")):
        if options.names and not any(name in path.name for name in options.names):
            continue
        document = json.loads(path.read_text())
        instance = TalentInstance.from_json(document)
        result = solve(instance, time_limit=options.time_limit)
        known = document.get("known_optimum")
        gap = (result.total_cost - result.lower_bound) / result.total_cost
        print(
            f"| {path.stem} | {len(instance.scenes)} | {len(instance.cast)} "
            f"| {known['total_cost'] if known else '—'} | {result.total_cost} "
            f"| {result.lower_bound} | {'yes' if result.optimal else 'no'} | {gap:.1%} "
            f"| {result.seconds:.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
