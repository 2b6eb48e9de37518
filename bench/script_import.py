"""Importing a 200-page script into the database (issue 3 target: under 2 s).

    .venv/bin/python bench/script_import.py                 # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/script_import.py

Times `import_script` (parse, measure, suggest, and store scenes and breakdown suggestions in
one transaction) for the 200-page synthetic script and Big Fish, median of 5 runs.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PRODOFFICE_DATA_DIR", tempfile.mkdtemp(prefix="prodoffice-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.screenplay_speed import DATA, synthetic_script  # noqa: E402
from prodoffice.core.tests.personas import make_world  # noqa: E402
from prodoffice.domain.access import Role  # noqa: E402
from prodoffice.scripts.models import Script  # noqa: E402
from prodoffice.scripts.services import import_script  # noqa: E402


def main() -> None:
    call_command("migrate", verbosity=0)
    Script.objects.all().delete()
    world = make_world(f"BENCH{os.getpid() % 10000}")
    access = world.access(Role.COORDINATOR)
    scripts = [
        ("200-page synthetic", "synthetic.fountain", synthetic_script(200)),
        ("Big Fish", "big_fish.fountain", (DATA / "big_fish.fountain").read_bytes()),
    ]
    print(f"Database: {connection.vendor}")
    print("| script | scenes | tags | median s | target s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, name, data in scripts:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            revision = import_script(access=access, filename=name, data=data)
            times.append(time.perf_counter() - start)
        scenes = revision.scenes.count()
        tags = sum(scene.tags.count() for scene in revision.scenes.all())
        print(f"| {label} | {scenes} | {tags} | {statistics.median(times):.2f} | 2 |")
    world.production.delete()


if __name__ == "__main__":
    main()
