"""Project-wide pytest setup: where browser screenshots go, and CI's no-skip rule."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

OUTPUT_DIR = Path(__file__).parent / "test-output"

# `make test` and CI give the same answer on every run: property tests draw the same examples
# each time. `make fuzz` (HYPOTHESIS_PROFILE=fuzz) draws new ones on every run; what it finds
# becomes an @example. No deadline: a busy 2-core machine would make timing fail, not logic.
hypothesis_settings.register_profile(
    "suite",
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
hypothesis_settings.register_profile(
    "fuzz", derandomize=False, database=None, deadline=None, print_blob=True
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT_DIR.mkdir(exist_ok=True)
    return OUTPUT_DIR


def missing_in_ci(what: str) -> None:
    """Locally a missing service skips its tests; in CI (CI=true) it is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required in CI but is not available", pytrace=False)
    pytest.skip(f"{what} is not available here")
