"""Scene lengths against afterwriting's and Final Draft's, scene by scene.

    (cd bench/afterwriting && npm ci) && .venv/bin/python bench/scene_lengths.py

For each Fountain script in ../shared/data/screenplays, runs afterwriting's parser and liner
(npm package, MIT; bench/afterwriting/scene_lengths.js) and Prodoffice's measurement, pairs the
scenes in order, and reports the share within ±1/8 and ±2/8 of a page, and the page totals.
For the Final Draft export with SceneProperties, compares with Final Draft's own Length.
"""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prodoffice.domain.screenplay.analysis import analyse  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "screenplays"
NODE_SCRIPT = ROOT / "bench" / "afterwriting" / "scene_lengths.js"


def afterwriting(path: Path) -> dict[str, object]:
    done = subprocess.run(
        ["node", str(NODE_SCRIPT), str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def within(ours: list[int], theirs: list[int], eighths: int) -> str:
    pairs = list(zip(ours, theirs, strict=False))
    if not pairs:
        return "—"
    return f"{sum(abs(a - b) <= eighths for a, b in pairs) / len(pairs):.0%}"


def final_draft_eighths(length: str) -> int:
    """Final Draft writes "1 3/8", "4/8" or "2"."""
    total = sum(Fraction(part) for part in length.split())
    return round(total * 8)


def main() -> None:
    print("| script | scenes (ours/aw) | pages (ours/aw) | same | within ±1/8 | within ±2/8 |")
    print("| --- | --- | --- | ---: | ---: | ---: |")
    for path in sorted(DATA.glob("*.fountain")):
        ours = analyse(path.read_bytes(), path.name)
        theirs = afterwriting(path)
        our_eighths = [scene.eighths for scene in ours.script.scenes]
        their_eighths = [int(s["eighths"]) for s in theirs["scenes"]]  # type: ignore[index]
        print(
            f"| {path.name} | {len(our_eighths)}/{len(their_eighths)} "
            f"| {ours.script.pages}/{theirs['pages']} "
            f"| {within(our_eighths, their_eighths, 0)} "
            f"| {within(our_eighths, their_eighths, 1)} "
            f"| {within(our_eighths, their_eighths, 2)} |"
        )
    fdx = DATA / "screenplaytools_TestFDX-FD.finaldraft.fdx"
    parsed = analyse(fdx.read_bytes(), fdx.name)
    ours_fd, theirs_fd = [], []
    for scene in parsed.script.scenes:
        length = dict(scene.elements[0].properties).get("Length")
        if length:
            ours_fd.append(scene.eighths)
            theirs_fd.append(final_draft_eighths(length))
    print(
        f"\nFinal Draft's own SceneProperties Length ({fdx.name}, {len(ours_fd)} scenes): "
        f"{within(ours_fd, theirs_fd, 0)} the same, {within(ours_fd, theirs_fd, 1)} within ±1/8, "
        f"{within(ours_fd, theirs_fd, 2)} "
        f"within ±2/8; ours {ours_fd}, Final Draft {theirs_fd}"
    )


if __name__ == "__main__":
    main()
