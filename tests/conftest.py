"""Shared fixtures: a small, consistent department workbook typed into the real template."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import sys

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest  # noqa: E402

from tests_helpers import SEED, make_workbook  # noqa: E402


@pytest.fixture
def small_dept(tmp_path) -> Path:
    return make_workbook(tmp_path / "测试局-2022.xlsx")


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    if not SEED.exists():
        pytest.skip("the seed example workbook is not built yet")
    return Path(shutil.copy(SEED, tmp_path / SEED.name))


