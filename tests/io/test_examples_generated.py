"""The committed example workbooks are exactly what tools/make_examples.py generates, and hold what
they claim: the seed as published, a clean department, the planted mistakes, a nearly clean one."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "make_examples.py"
EXAMPLES = ROOT / "workbooks" / "examples"


def _load_script():
    spec = importlib.util.spec_from_file_location("perfxl_tools_make_examples", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


mk = _load_script()
FILES = (mk.SEED_FILE, mk.CLEAN_FILE, mk.MISTAKES_FILE, mk.NEAR_CLEAN_FILE)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("examples")
    subprocess.run([sys.executable, str(SCRIPT), str(out)], check=True, cwd=ROOT, capture_output=True)
    return out


def _values(path: Path) -> dict:
    wb = openpyxl.load_workbook(path, data_only=False)
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = {(c.row, c.column): c.value for row in ws.iter_rows() for c in row if c.value is not None}
    return out


def _book(name: str):
    return openpyxl.load_workbook(EXAMPLES / name, data_only=False)


@pytest.mark.parametrize("name", FILES)
def test_committed_file_equals_generated(generated, name):
    committed, fresh = EXAMPLES / name, generated / name
    assert committed.exists(), f"{name} is not committed; run tools/make_examples.py"
    a, b = _values(committed), _values(fresh)
    assert list(a) == list(b), "sheet names/order differ"
    for sheet in a:
        assert a[sheet] == b[sheet], f"{name} › {sheet}: values differ from a fresh run of make_examples.py"


@pytest.mark.parametrize("name", FILES)
def test_generation_is_byte_deterministic(generated, name, tmp_path):
    subprocess.run([sys.executable, str(SCRIPT), str(tmp_path)], check=True, cwd=ROOT, capture_output=True)
    assert (tmp_path / name).read_bytes() == (generated / name).read_bytes()


def test_examples_readme_lists_every_file():
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for name in FILES:
        assert name in text


# ------------------------------------------------------------------ the seed, as published


def test_seed_cells():
    wb = _book(mk.SEED_FILE)
    fin, proj, basic, text = wb["预决算"], wb["项目自评表"], wb["基本情况"], wb["报告正文"]
    assert fin["C22"].value == 8.9304
    assert fin["C21"].value == 0.1096
    assert fin["B19"].value == 4118.59
    assert fin["B45"].value == -39.88
    assert fin["B20"].value == 4601 and fin["B22"].value == 4096.83
    assert fin["C23"].value is None and fin["C24"].value is None and fin["D29"].value is None
    assert proj["H30"].value == 88 and proj["G30"].value == 100 and proj["H31"].value is None
    assert proj["E5"].value == "34万元" and proj["D5"].value == "34万元" and proj["F5"].value is None
    assert proj["D8"].value == "34万元" and proj["G5"].value == 10
    assert proj["B12"].value == "产出\n指标\n(50分)" and proj["B28"].value == "满意度 指标  (10分)"
    assert [proj[f"H{r}"].value for r in range(12, 30, 2)] == [12, 12, 14, 12, 7, 7, 6, 8, 10]
    assert all(proj[f"G{r}"].value is None for r in range(12, 30))
    assert proj["F28"].value == "100%" and proj["E14"].value == "完成"
    assert basic["B8"].value is None and basic["B9"].value == 31 and basic["B10"].value == 73
    assert basic["B11"].value == "是"
    assert [basic[f"A{r}"].value for r in range(14, 32)] == list(range(1, 19))
    assert basic["A32"].value is None and basic["B31"].value == "承办县委、县政府交办的其他任务。"
    assert "占总支出的893.04%" in text["B5"].value
    assert text["B10"].value == "无" and text["B13"].value == "无"


# ------------------------------------------------------------------ the planted mistakes


@pytest.mark.parametrize("sheet, cell, value, what", mk.PLANTED_MISTAKES)
def test_planted_mistake_cells(sheet, cell, value, what):
    assert _book(mk.MISTAKES_FILE)[sheet][cell].value == value, what


def test_planted_weights_sum_to_48():
    ws = _book(mk.MISTAKES_FILE)["项目自评表(3)"]
    assert sum(ws[f"G{r}"].value or 0 for r in range(12, 20)) == 48


# where perfxl check reports each planted mistake (sheet, cell)
PLANTED_FINDINGS = {
    ("预决算", "C22"), ("预决算", "C29"), ("预决算", "B45"),
    ("项目自评表(2)", "H5"), ("项目自评表(2)", "I5"), ("项目自评表(2)", "H14"),
    ("项目自评表(3)", "B12"), ("项目自评表(3)", "F16"), ("项目自评表(4)", "H30"),
    ("项目自评表(5)", "I12"), ("项目自评表(5)", "H31"), ("项目自评表(6)", "F7"),
}


def _findings(path):
    from perfxl.api import check

    res = check(path)
    assert not res.unusable, res.unusable
    return res.findings


def _sev(f) -> str:
    return str(getattr(f.severity, "value", f.severity)).lower().rsplit(".", 1)[-1]


def test_check_finds_every_planted_mistake():
    found = {(f.where.sheet, f.where.cell) for f in _findings(EXAMPLES / mk.MISTAKES_FILE)
             if _sev(f) in ("error", "warning")}
    assert PLANTED_FINDINGS <= found, sorted(PLANTED_FINDINGS - found)


# ------------------------------------------------------------------ clean and nearly clean


def test_clean_example_has_blank_derived_cells():
    from perfxl.template import layout as L

    wb = _book(mk.CLEAN_FILE)
    for spec in L.ALL_FIXED:
        if spec.kind == L.DERIVED:
            assert wb[spec.sheet][spec.ref].value is None, spec.ref
    for i in range(1, 5):
        ws = wb[L.project_sheet_name(i)]
        for spec in L.PROJECT_CELLS:
            if spec.kind == L.DERIVED:
                assert ws[spec.ref].value is None, (ws.title, spec.ref)
        assert all(ws[f"J{r}"].value is None for r in range(L.INDICATOR_FIRST_ROW, L.INDICATOR_LAST_ROW + 1))


def test_clean_example_passes_check_after_fill(tmp_path):
    from perfxl.api import fill

    out = tmp_path / "filled.xlsx"
    fill(EXAMPLES / mk.CLEAN_FILE, output=out)
    bad = [(f.where, f.code) for f in _findings(out) if _sev(f) in ("error", "warning")]
    assert bad == []


def test_near_clean_example_has_only_its_warnings(tmp_path):
    from perfxl.api import fill

    out = tmp_path / "filled.xlsx"
    fill(EXAMPLES / mk.NEAR_CLEAN_FILE, output=out)
    findings = [f for f in _findings(out) if _sev(f) in ("error", "warning")]
    assert {(f.where.sheet, f.where.cell) for f in findings} == {(s, c) for s, c, _ in mk.NEAR_CLEAN_WARNINGS}
    assert all(_sev(f) == "warning" for f in findings)
