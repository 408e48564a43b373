"""Acceptance on the real seed report: its known mistakes are found, and nothing false is said
about the figures that add up."""
from decimal import Decimal

import pytest

from tests.core.checks.builders import find
from perfxl.core.evaluate import evaluate
from perfxl.core.findings import Severity
from tests.core.checks.seed_model import seed_department


@pytest.fixture(scope="module")
def findings():
    return evaluate(seed_department()).findings


def pairs(findings):
    return set(find(findings))


def test_project_share_893_percent(findings):
    (f,) = [f for f in findings if f.code == "share-mismatch"]
    assert (f.where.sheet, f.where.cell) == ("预决算", "C22")
    assert f.expected == Decimal("0.8904") and f.actual == Decimal("8.9304")
    assert f.message == "项目支出占总支出比例应为 89.04%（4096.83 ÷ 4601.00），实为 893.04%，相差 804.00 个百分点。"


def test_missing_executed_amount_makes_exec_rate_uncomputable(findings):
    assert ("exec-not-computable", "F5") in pairs(findings)
    f = next(f for f in findings if f.code == "exec-not-computable")
    assert "全年执行数" in f.message and "执行率" in f.message and "得分" in f.message


def test_the_blank_weight_column_is_one_warning_naming_every_scored_row(findings):
    """The seed's 分值 column is blank throughout (RULES.md: blank is not zero, and some forms print none):
    one warning naming all nine cells, not nine errors and three cap mismatches."""
    (f,) = [f for f in findings if f.code == "weights-not-stated"]
    assert f.severity is Severity.WARNING and f.where.cell == "G12"
    assert all(f"G{r}" in f.message for r in (12, 14, 16, 18, 20, 22, 24, 26, 28)) and "得分合计 88" in f.message
    assert not [f for f in findings if f.code in ("weight-missing", "level1-weights-mismatch")]


def test_indicators_scored_without_target_or_actual(findings):
    cells = {c for _, c in find(findings, "indicator-no-target")} | {c for _, c in find(findings, "indicator-no-actual")}
    assert {"E16", "E18", "E20", "E24", "E26"} <= cells  # 时效 成本 经济 生态 可持续
    assert cells <= {"E16", "E18", "E20", "E22", "E24", "E26"}  # 社会 too is fine; 数量 质量 满意度 are not


def test_total_88_leaves_out_the_exec_score(findings):
    (f,) = [f for f in findings if f.where.cell == "H30"]
    assert f.code == "total-excludes-exec" and f.severity is Severity.ERROR and f.rule == "S3"
    assert "88" in f.message and "未计入预算执行得分" in f.message and "全年执行数为空" in f.message


FIN = [("预决算", c) for c in (
    "B5", "B9", "B10", "B19", "B20", "B21", "C21",  # 482.33; 448.33 = Σ classes; 4118.59; 4601; 504.17; 10.96%
    "B29", "C29", "B36", "B45", "B47",  # 三公 16.6 / 7.47; 采购 172.24; 净资产 −39.88; 在用 = 原值
    "B11", "B22",  # D7: Σ 项目年初预算 34 = 部门项目支出 34
)]
PROJ = [("项目自评表", c) for c in ("D5", "E5", "G5", "G30")]  # F1: 34 = 0 + 0 + 34; 10 + 50 + 30 + 10 = 100


@pytest.mark.parametrize("sheet,cell", FIN + PROJ)
def test_nothing_false_about_figures_that_add_up(findings, sheet, cell):
    assert not [f for f in findings if (f.where.sheet, f.where.cell) == (sheet, cell)
                and f.severity is not Severity.INFO]


def test_no_unexpected_errors(findings):
    errors = {code for code, _ in find([f for f in findings if f.severity is Severity.ERROR])}
    assert errors == {"share-mismatch", "exec-not-computable", "total-excludes-exec"}


def test_seed_model_matches_the_example_workbook(findings):
    """The model built here and the committed example workbook give the same findings."""
    import pathlib

    path = pathlib.Path(__file__).parents[3] / "workbooks" / "examples" / "衡山县科技和工业信息化局-2022.xlsx"
    if not path.exists():
        pytest.skip("example workbook not present")
    from perfxl.io.extract import load

    from perfxl.core.findings import family_of

    # the model here has the tables only; the prose of the report is checked in tests/core/text
    from_book = [(f.code, f.where.sheet, f.where.cell, f.message) for f in evaluate(load(path)).findings
                 if family_of(f.code) != "text"]
    assert from_book == [(f.code, f.where.sheet, f.where.cell, f.message) for f in findings]
