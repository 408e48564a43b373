"""The real seed department (published report, mistakes included) end to end through the CLI:
the acceptance list of the issue, and nothing false about the figures that do add up."""
import json
import os
import subprocess
import sys

import pytest

from tests.tests_helpers import ROOT, SEED

# the seed as perfxl wrote it, and the same workbook saved by LibreOffice (ignoring its styles and properties)
SEEDS = [SEED, ROOT / "tests" / "data" / "libreoffice" / SEED.name]


@pytest.fixture(scope="module", params=SEEDS, ids=["perfxl", "libreoffice"])
def findings(request):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    res = subprocess.run([sys.executable, "-m", "perfxl", "check", str(request.param), "--format", "json"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 1, res.stderr  # errors found
    return json.loads(res.stdout)


def at(findings, sheet, cell):
    return {f["code"] for f in findings if f["sheet"] == sheet and f["cell"] == cell}


def test_project_share_893_percent(findings):
    f = next(f for f in findings if f["code"] == "share-mismatch" and f["cell"] == "C22")
    assert f["severity"] == "error" and f["expected"] == pytest.approx(0.8904) and f["actual"] == pytest.approx(8.9304)
    assert "89.04%" in f["message"] and "893.04%" in f["message"]


def test_missing_execution_makes_rate_and_score_uncomputable(findings):
    f = next(f for f in findings if f["code"] == "exec-not-computable")
    assert (f["sheet"], f["cell"]) == ("项目自评表", "F5") and "执行率" in f["message"]


def test_every_indicator_weight_is_blank_and_said_once(findings):
    (f,) = [f for f in findings if f["code"] == "weights-not-stated"]
    assert f["severity"] == "warning" and f["cell"] == "G12"
    assert all(f"G{r}" in f["message"] for r in range(12, 30, 2))
    assert not {f["code"] for f in findings} & {"weight-missing", "level1-weights-mismatch"}


def test_scored_indicators_without_target_or_actual(findings):
    rows = {int(f["cell"][1:]) for f in findings if f["code"] in ("indicator-no-target", "indicator-no-actual")}
    assert {16, 18, 20, 24, 26} <= rows  # 时效, 成本, 经济, 生态, 可持续


def test_total_88_leaves_out_the_execution_score(findings):
    f = next(f for f in findings if f["cell"] == "H30" and f["sheet"] == "项目自评表")
    assert f["code"] == "total-excludes-exec" and f["severity"] == "error" and "88" in f["message"]


@pytest.mark.parametrize("sheet,cell,figure", [
    ("预决算", "B29", "16.6 = 0 + 11.3 + 5.3"),
    ("预决算", "C29", "7.47 = 0 + 3.54 + 3.93"),
    ("预决算", "B45", "192.76 − 232.64 = −39.88"),
    ("预决算", "B10", "448.33 = 335.25 + 70.44 + 42.64"),
    ("预决算", "B21", "504.17 = 432.4 + 71.77"),
    ("预决算", "B9", "482.33 = 448.33 + 34"),
    ("预决算", "B19", "4600.92 − 482.33 = 4118.59"),
    ("预决算", "C21", "10.96% is right"),
    ("预决算", "B20", "4601 = 504.17 + 4096.83"),
    ("项目自评表", "D5", "34 = 0 + 0 + 34"),
])
def test_nothing_false_about_figures_that_add_up(findings, sheet, cell, figure):
    assert at(findings, sheet, cell) == set(), figure


def test_no_finding_without_a_place(findings):
    for f in findings:
        assert f["file"] == SEED.name and f["sheet"], f


def test_the_report_text_mistakes_are_found(findings):
    """RULES.md §6 on the seed's prose: 893.04% for 89.04%, and 总支出 / 项目支出 stated twice, differently."""
    text = [f for f in findings if f["sheet"] == "报告正文"]
    share = next(f for f in text if f["code"] == "text-share-mismatch")
    assert share["cell"] == "B5" and share["expected"] == pytest.approx(0.8904) and share["actual"] == pytest.approx(8.9304)
    assert "【893.04%】" in share["message"]
    twice = sorted((f["expected"], f["actual"]) for f in text if f["code"] == "text-figure-inconsistent")
    assert twice == [(pytest.approx(4096.83), pytest.approx(4098.14)), (pytest.approx(4601), pytest.approx(4602.31))]
    assert all(f["cell"] == "B9" and f["severity"] == "error" for f in text if f["code"] == "text-figure-inconsistent")
    assert len(text) == 3  # every figure of the prose that adds up (16.6, 7.47, 448.33, 504.17 …) gets nothing
