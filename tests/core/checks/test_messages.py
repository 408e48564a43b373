"""Wording: every message is Chinese and states expected, actual and the difference."""
import re

import pytest

from tests.core.checks.builders import GOOD_INDICATORS, change, good_department, run
from perfxl.core.evaluate import evaluate
from perfxl.core.findings import catalogue
from tests.core.checks.seed_model import seed_department

CJK = re.compile(r"[\u4e00-\u9fff]")

MISMATCHES = [  # (family, dept, expected text, actual text, difference text)
    ("budget", good_department({"budget_expense_total": 510}), "应为 500.00 万元", "实为 510.00 万元", "相差 10.00 万元"),
    ("budget", good_department({"final_income_increase": 90}), "应为 100.00 万元", "实为 90.00 万元", "相差 10.00 万元"),
    ("sangong", good_department({"sangong_diff_car": 1}), "应为 -7.76 万元", "实为 1.00 万元", "相差 8.76 万元"),
    ("procurement", good_department({"procurement_total": 100}), "应为 172.24 万元", "实为 100.00 万元", "相差 72.24 万元"),
    ("assets", good_department({"net_assets": 39.88}), "应为 -39.88 万元", "实为 39.88 万元", "相差 79.76 万元"),
    ("shares", good_department({"final_basic_share": 0.78}), "应为 81.00%", "实为 78.00%", "相差 3.00 个百分点"),
    ("funds", good_department(project_values={"exec_rate": 0.9}), "应为 95.00%", "实为 90.00%", "相差 5.00 个百分点"),
    ("funds", good_department(project_values={"exec_score": 8}), "应为 9.5", "实为 8", "相差 1.5"),
    ("weights", good_department(indicators=change(GOOD_INDICATORS, 0, weight=25)), "应为 50", "实为 55", "相差 5"),
    ("scores", good_department(indicators=change(GOOD_INDICATORS, 0, actual="50人次", score=20)),
     "应为 10", "得分为 20", "相差 10"),
    ("totals", good_department(project_values={"total_score": 98}), "应为 99.5", "实为 98", "相差 1.5"),
    ("totals", good_department(project_values={"total_weight": 90}), "应为 100", "实为 90", "相差 10"),
    ("cross", good_department({"budget_project": 90}), "合计 100.00 万元", "项目支出 90.00 万元", "相差 10.00 万元"),
]


@pytest.mark.parametrize("family,dept,expected,actual,diff", MISMATCHES)
def test_mismatch_messages_state_expected_actual_difference(family, dept, expected, actual, diff):
    fs = run(family, dept)
    assert fs, family
    msg = fs[0].message
    assert expected in msg and actual in msg and diff in msg, msg
    assert fs[0].expected is not None and fs[0].actual is not None


def test_all_messages_are_chinese_sentences():
    for f in evaluate(seed_department()).findings + evaluate(good_department({"budget_basic": "x", "unit_name": None})).findings:
        assert CJK.search(f.message) and f.message.endswith("。"), f.message
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", f.code), f.code


def test_templates_are_chinese():
    for c in catalogue():
        assert CJK.search(c.template) or c.template in ("{message}", "{detail}"), c.code  # a reader's own sentence
        assert CJK.search(c.description) and CJK.search(c.fix), c.code


def test_wording_of_the_seed_exec_finding():
    (f,) = [f for f in evaluate(seed_department()).findings if f.code == "exec-not-computable"]
    assert f.message == "全年执行数为空，预算执行率及其得分无法计算。"


def test_where_reads_file_sheet_cell():
    (f,) = run("shares", good_department({"final_basic_share": 0.8}))
    assert str(f.where) == "测试单位-2022.xlsx › 预决算!C21"
