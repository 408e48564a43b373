"""Small helpers shared by tests (``from tests.tests_helpers import …``)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "workbooks" / "examples"
SEED = EXAMPLES / "衡山县科技和工业信息化局-2022.xlsx"

# (sheet, cell) -> value; a clean little department: every identity holds.
SMALL_DEPT = {
    ("基本情况", "B3"): "衡山县测试局", ("基本情况", "B4"): 2022, ("基本情况", "B9"): 12, ("基本情况", "B11"): "是",
    ("基本情况", "B14"): "负责测试工作。",
    ("预决算", "B5"): 300, ("预决算", "B6"): 300, ("预决算", "B9"): 300, ("预决算", "B10"): 200, ("预决算", "B11"): 100,
    ("预决算", "B12"): 150, ("预决算", "B13"): 40, ("预决算", "B14"): 10,
    ("预决算", "B18"): 320, ("预决算", "B20"): 310, ("预决算", "B21"): 210, ("预决算", "B22"): 100,
    ("预决算", "B23"): 170, ("预决算", "B24"): 40,
    ("预决算", "B29"): 6, ("预决算", "B30"): 0, ("预决算", "B31"): 4, ("预决算", "B32"): 2,
    ("预决算", "C29"): 5, ("预决算", "C30"): 0, ("预决算", "C31"): 3.5, ("预决算", "C32"): 1.5,
    ("预决算", "B36"): 50, ("预决算", "B37"): 20, ("预决算", "B38"): 0, ("预决算", "B39"): 30,
    ("预决算", "B43"): 200, ("预决算", "B44"): 50, ("预决算", "B46"): 80, ("预决算", "B47"): 70,
    ("项目自评表", "B2"): "测试专项", ("项目自评表", "B3"): "衡山县测试局",
    ("项目自评表", "D5"): 100, ("项目自评表", "E5"): 100, ("项目自评表", "F5"): 100,
    ("项目自评表", "D6"): 100, ("项目自评表", "E6"): 100, ("项目自评表", "F6"): 100,
    # 产出 50 = 30 + 20; 效益 30; 满意度 10
    ("项目自评表", "D12"): "培训人次", ("项目自评表", "E12"): "≥500人次", ("项目自评表", "F12"): "520人次",
    ("项目自评表", "G12"): 30, ("项目自评表", "H12"): 30,
    ("项目自评表", "D14"): "验收合格率", ("项目自评表", "E14"): "≥95%", ("项目自评表", "F14"): "96%",
    ("项目自评表", "G14"): 20, ("项目自评表", "H14"): 20,
    ("项目自评表", "D22"): "群众知晓度提升", ("项目自评表", "E22"): "达成预期指标", ("项目自评表", "F22"): "达成预期指标",
    ("项目自评表", "G22"): 30, ("项目自评表", "H22"): 30,
    ("项目自评表", "D28"): "服务对象满意度", ("项目自评表", "E28"): "≥90%", ("项目自评表", "F28"): "95%",
    ("项目自评表", "G28"): 10, ("项目自评表", "H28"): 10,
}


def make_workbook(path: Path, values: dict = SMALL_DEPT, projects: int = 1) -> Path:
    from perfxl.io.template_book import build_workbook

    wb = build_workbook(projects=projects)
    for (sheet, ref), v in values.items():
        wb[sheet][ref] = v
    wb.save(path)
    return path



def soffice() -> str | None:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None and os.environ.get("PERFXL_REQUIRE_LIBREOFFICE"):
        pytest.fail("LibreOffice (soffice) is required in CI but not on PATH")
    return path



def make_partial(tmp_path: Path) -> Path:
    """A department whose project has no 全年执行数 and a typed 总分 88, like the seed's table."""
    values = dict(SMALL_DEPT)
    values.pop(("项目自评表", "F5"))
    values.pop(("项目自评表", "F6"))
    values[("项目自评表", "H30")] = 88
    return make_workbook(tmp_path / "partial.xlsx", values)
