"""Shared fixtures: a small, consistent department workbook typed into the real template."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import sys

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from tests_helpers import SEED, make_workbook  # noqa: E402

# property tests: no per-example deadline (a loaded CI machine must not turn slowness into failures)
settings.register_profile("perfxl", deadline=None, print_blob=True)
settings.load_profile("perfxl")


@pytest.fixture
def small_dept(tmp_path) -> Path:
    return make_workbook(tmp_path / "测试局-2022.xlsx")


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    if not SEED.exists():
        pytest.skip("the seed example workbook is not built yet")
    return Path(shutil.copy(SEED, tmp_path / SEED.name))


