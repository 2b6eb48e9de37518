"""How fast a screenplay is read, measured and broken down (issue 3 targets in the comments).

    .venv/bin/python bench/screenplay_speed.py

Targets: Big Fish (~119 pages) parsed and broken down in under 50 ms; a 200-page synthetic
script in under 100 ms. Reports the median of repeated runs after a warm-up.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prodoffice.domain.screenplay.analysis import analyse  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "screenplays"


def synthetic_script(pages: int, seed: int = 7) -> bytes:
    """About `pages` pages of plausible Fountain: scenes of action and dialogue."""
    rng = random.Random(seed)
    words = [
        "the",
        "a",
        "road",
        "light",
        "door",
        "night",
        "desert",
        "truck",
        "salt",
        "wind",
        "dust",
        "radio",
        "motel",
        "sheriff",
        "coffee",
        "looks",
        "turns",
        "waits",
        "runs",
        "quietly",
        "across",
        "slowly",
        "window",
        "engine",
        "cigarette",
        "keys",
        "hand",
    ]
    names = ["JUNE", "EZRA", "DALE", "LUCY", "TESS", "ROSS", "HANK", "MAE"]
    places = ["MOTEL ROOM", "DINER", "HIGHWAY", "RANCH HOUSE - KITCHEN", "SALT FLATS", "OFFICE"]
    out = ["Title: Synthetic\nAuthor: Bench\n\n"]
    # A scene here prints about 29 lines (measured); a page holds 54.
    for _ in range(pages * 54 // 29):
        place = rng.choice(places)
        out.append(f"{rng.choice(['INT.', 'EXT.'])} {place} - {rng.choice(['DAY', 'NIGHT'])}\n\n")
        for _ in range(rng.randint(2, 4)):
            line = " ".join(rng.choice(words) for _ in range(rng.randint(8, 30)))
            out.append(line.capitalize() + ".\n\n")
            who = rng.choice(names)
            speech = " ".join(rng.choice(words) for _ in range(rng.randint(4, 25)))
            out.append(f"{who}\n{speech.capitalize()}.\n\n")
    return "".join(out).encode()


def median_ms(run: Callable[[], object], repeat: int = 30) -> float:
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    big_fish = (DATA / "big_fish.fountain").read_bytes()
    fish = analyse(big_fish, "big_fish.fountain")
    synthetic = synthetic_script(200)
    synth = analyse(synthetic, "synthetic.fountain")
    rows = [
        ("Big Fish (Fountain)", fish, median_ms(lambda: analyse(big_fish, "b.fountain")), 50),
        ("200-page synthetic", synth, median_ms(lambda: analyse(synthetic, "s.fountain")), 100),
    ]
    fdx = DATA / "big_fish.screenplain.fdx"
    if fdx.exists():
        data = fdx.read_bytes()
        parsed = analyse(data, fdx.name)
        rows.append(("Big Fish (FDX)", parsed, median_ms(lambda: analyse(data, "b.fdx")), 50))
    print("| script | pages | scenes | median ms | target ms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, result, ms, target in rows:
        scenes = len(result.script.scenes)
        print(f"| {name} | {result.script.pages} | {scenes} | {ms:.1f} | {target} |")


if __name__ == "__main__":
    main()
