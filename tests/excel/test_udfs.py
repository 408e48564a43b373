"""The worksheet functions agree with the core and answer bad input with a readable message."""

import pytest

from perfxl.core.scoring import exec_rate, exec_score, grade, indicator_score
from perfxl.core.values import read_amount
from perfxl.excel import udfs
from perfxl.excel.udfs import PERF_EXEC_RATE, PERF_EXEC_SCORE, PERF_GRADE, PERF_SCORE, PERF_VALUE

SCORE_CASES = [
    ("≥95%", "96%", 10),
    ("≥95%", "90%", 10),
    (">=95%", 90.0, 10.0),  # what xlwings passes for numeric cells: floats
    ("≤90万元", "100万元", 10),
    ("=100%", "98%", 10),
    ("34万元", "34万元", 12),  # seed
    ("34万元", "340000元", 12.0),
    ("完成", "完成", 12),  # seed
    ("完成", "基本完成", 12),
    ("0投诉", "0", 5),
    ("≥0", 5.0, 5),
    ("控制在5%以内", 0.0, 4),
]


@pytest.mark.parametrize("target, actual, weight", SCORE_CASES)
def test_perf_score_agrees_with_core(target, actual, weight):
    expected = indicator_score(target, actual, weight).score
    assert expected is not None
    assert PERF_SCORE(target, actual, weight) == float(expected)


@pytest.mark.parametrize(
    "target, actual, weight, fragment",
    [
        ("abc≥", "96%", 10, "指标值"),
        ("完成率100%", "100%", 10, "完成率100%"),
        ("≥95%", "完成", 10, "不是数值"),
        ("≥95%", 0.96, 10, "请写明“%”"),
        ("≥10个", "9次", 10, "单位不一致"),
        (None, None, 14, "缺少年度指标值"),  # seed: an empty indicator row
        ("≥95%", None, 10, "缺少实际完成值"),
        ("≥95%", "96%", None, "缺少分值"),
        ("≥95%", "96%", "十", "分值"),
        ("≥95%", "#DIV/0!", 10, "#DIV/0!"),
    ],
)
def test_perf_score_bad_input(target, actual, weight, fragment):
    result = PERF_SCORE(target, actual, weight)
    assert isinstance(result, str) and result.startswith("#perfxl: ")
    assert fragment in result
    assert result.removeprefix("#perfxl: ") == indicator_score(udfs._cell(target), udfs._cell(actual), weight).note


def test_perf_score_not_applicable():
    assert PERF_SCORE("不适用", "", 5) == "不适用"


EXEC_CASES = [(34, 30), ("34万元", "30万元"), (100.0, 89.04), ("482.33", "4601"), ("340000元", "34万元"), (34, 0)]


@pytest.mark.parametrize("budget, executed", EXEC_CASES)
def test_exec_rate_and_score_agree_with_core(budget, executed):
    rate = exec_rate(budget, executed)
    assert PERF_EXEC_RATE(budget, executed) == float(rate)
    assert PERF_EXEC_SCORE(budget, executed, 10) == float(exec_score(rate, 10))


@pytest.mark.parametrize(
    "budget, executed, fragment",
    [(0, 5, "全年预算数为 0"), (None, 5, "缺少全年预算数"), ("无", 5, "缺少全年预算数"), (34, None, "缺少全年执行数"),
     ("三十四", 5, "三十四"), ("#DIV/0!", 5, "#DIV/0!"), (34, "89%", "百分数")],
)
def test_exec_rate_bad_input(budget, executed, fragment):
    for result in (PERF_EXEC_RATE(budget, executed), PERF_EXEC_SCORE(budget, executed, 10)):
        assert isinstance(result, str) and result.startswith("#perfxl: ") and fragment in result


@pytest.mark.parametrize("weight, fragment", [(None, "缺少分值"), ("abc", "abc")])
def test_exec_score_bad_weight(weight, fragment):
    result = PERF_EXEC_SCORE(34, 30, weight)
    assert isinstance(result, str) and fragment in result


@pytest.mark.parametrize("total", [100, 90, 89.995, 89.99, 88, 80, 79.99, 60, 59.99, 0, "88", "88分"])
def test_grade_agrees_with_core(total):
    assert PERF_GRADE(total) == grade(total)


@pytest.mark.parametrize("total, fragment", [(None, "缺少总分"), ("abc", "abc"), ("#N/A", "#N/A")])
def test_grade_bad_input(total, fragment):
    result = PERF_GRADE(total)
    assert result.startswith("#perfxl: ") and fragment in result


VALUE_CASES = [
    ("34万元", "万元", 34.0),
    ("１２０元", "万元", 0.012),
    ("1,234.5", "万元", 1234.5),
    ("1,234.5元", "万元", 0.12345),
    ("34万元", "元", 340000.0),
    (34.0, "万元", 34.0),
    ("1.2万人次", "人次", 12000.0),
    ("95%", "%", 95.0),
    ("95%", "百分比", 95.0),
    ("5日", "天", 5.0),
    ("31", "人", 31.0),
]


@pytest.mark.parametrize("text, unit, expected", VALUE_CASES)
def test_perf_value(text, unit, expected):
    assert PERF_VALUE(text, unit) == expected


def test_perf_value_agrees_with_core_and_defaults_to_wan():
    for text in ("34万元", "1,234.5元", "￥1,200", "-39.88万元"):
        assert PERF_VALUE(text) == float(read_amount(text)) == PERF_VALUE(text, None) == PERF_VALUE(text, "")


@pytest.mark.parametrize(
    "text, unit, fragment",
    [("三十四", "万元", "三十四"), ("89%", "万元", "百分数"), ("", "万元", "单元格为空"), ("34个", "人次", "不能换算"),
     ("34", "斤两", "无法识别的单位"), ("#VALUE!", "万元", "#VALUE!")],
)
def test_perf_value_bad_input(text, unit, fragment):
    result = PERF_VALUE(text, unit)
    assert isinstance(result, str) and result.startswith("#perfxl: ") and fragment in result


def test_messages_are_short():
    long_target = "≥" + "很" * 300 + "95%"
    assert len(PERF_SCORE(long_target, "1", 10)) <= len("#perfxl: ") + 120


def test_never_raises(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(udfs, "indicator_score", boom)
    assert PERF_SCORE("≥95%", "96%", 10).startswith("#perfxl: 内部错误")


def test_functions_are_registered_with_chinese_help():
    for func in (PERF_SCORE, PERF_EXEC_RATE, PERF_EXEC_SCORE, PERF_GRADE, PERF_VALUE):
        assert func.__doc__ and len(func.__doc__) <= 255
        assert any("\u4e00" <= ch <= "\u9fff" for ch in func.__doc__)


def test_registration_through_the_addin_generator():
    from tests.excel.udf_info import udf_functions

    functions = udf_functions("perfxl.excel.udfs")
    assert set(functions) == {"PERF_SCORE", "PERF_EXEC_RATE", "PERF_EXEC_SCORE", "PERF_GRADE", "PERF_VALUE"}
    for info in functions.values():
        assert info["category"] == "perfxl"
        assert all(arg["doc"] for arg in info["args"])


def test_import_is_light():
    """The worksheet functions load no workbook library (Excel may start a Python process for them)."""
    import subprocess
    import sys

    code = ("import sys, perfxl.excel.udfs as u; u.PERF_SCORE('≥95%', '96%', 10); u.PERF_GRADE(91);"
            "print(sorted(m for m in ('openpyxl', 'python_calamine', 'xlsxwriter', 'defusedxml') if m in sys.modules))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.stdout.strip() == "[]", res.stderr
