"""Project-wide pytest setup: where browser screenshots go, and CI's no-skip rule."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

OUTPUT_DIR = Path(__file__).parent / "test-output"


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT_DIR.mkdir(exist_ok=True)
    return OUTPUT_DIR


def missing_in_ci(what: str) -> None:
    """Locally a missing service skips its tests; in CI (CI=true) it is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required in CI but is not available", pytrace=False)
    pytest.skip(f"{what} is not available here")
