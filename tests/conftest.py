"""Shared fixtures: a small, consistent department workbook typed into the real template."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from tests.tests_helpers import SEED, make_workbook

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


