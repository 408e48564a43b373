"""read_amount / read_int / is_blank / normalize_text: what accountants type for money and counts."""
from decimal import Decimal
from datetime import datetime

import pytest

from perfxl.core.money import D, TOL_AMOUNT, TOL_RATE, close, q, q2
from perfxl.core.values import Bad, ErrorValue, is_blank, is_not_applicable, normalize_text, read_amount, read_int

AMOUNTS = [
    # (raw, expected in 万元)
    ("34万元", "34"),  # seed
    ("34 万元", "34"),
    ("３４万元", "34"),
    ("34万", "34"),
    ("1,234.5", "1234.5"),
    ("1,234.5元", "0.12345"),
    ("￥1,200", "0.12"),
    ("¥1,200", "0.12"),
    ("人民币1200元", "0.12"),
    ("-39.88万元", "-39.88"),  # seed: 净资产 is negative
    ("  482.33万元 ", "482.33"),
    ("4600.92", "4600.92"),
    ("1.5亿元", "15000"),
    ("100千元", "10"),
    (34, "34"),
    (0.1, "0.1"),
    (Decimal("172.24"), "172.24"),
    (-39.88, "-39.88"),
    (0, "0"),
]


@pytest.mark.parametrize("raw, expected", AMOUNTS)
def test_read_amount(raw, expected):
    assert read_amount(raw) == Decimal(expected)


@pytest.mark.parametrize(
    "raw, expected",
    [("34万元", "340000"), ("1,234.5元", "1234.5"), (1200, "1200"), ("￥1,200", "1200"), ("0.5万", "5000")],
)
def test_read_amount_in_yuan(raw, expected):
    assert read_amount(raw, unit="元") == Decimal(expected)


@pytest.mark.parametrize("raw", [None, "", "   ", "无", "—", "——", "-", "－", "/", "／", "空", "\u3000"])
def test_blank_amount_is_none(raw):
    assert read_amount(raw) is None


BAD_AMOUNTS = [
    (ErrorValue("#DIV/0!"), "单元格为错误值 #DIV/0!"),
    ("三十四", "无法识别为数字：“三十四”"),
    ("89%", "百分数"),
    ("34个", "34个"),
    ("1,2345", "1,2345"),
    ("约34万元", "约34万元"),
    (True, "逻辑值"),
    (datetime(2022, 12, 31), "日期 2022-12-31"),
    (float("nan"), "无效"),
    ("不适用", "不适用"),
]


@pytest.mark.parametrize("raw, fragment", BAD_AMOUNTS)
def test_bad_amount(raw, fragment):
    result = read_amount(raw)
    assert isinstance(result, Bad)
    assert fragment in result.reason


def test_unknown_output_unit_is_a_programming_error():
    with pytest.raises(ValueError):
        read_amount("34", unit="个")


@pytest.mark.parametrize(
    "raw, expected",
    [("31人", 31), ("31", 31), (31, 31), (31.0, 31), ("３１人", 31), ("73 人", 73), (None, None), ("无", None)],
)
def test_read_int(raw, expected):
    assert read_int(raw) == expected


@pytest.mark.parametrize("raw", ["31.5", "三十一人", "31万元", "50%", ErrorValue("#N/A")])
def test_bad_int(raw):
    assert isinstance(read_int(raw), Bad)


@pytest.mark.parametrize(
    "raw, blank",
    [(None, True), ("", True), (" ", True), ("无", True), ("—", True), ("/", True), ("／", True), ("空", True),
     ("——", True), ("不适用", False), ("N/A", False), (0, False), ("0", False), (ErrorValue("#REF!"), False),
     ("完成", False)],
)
def test_is_blank(raw, blank):
    assert is_blank(raw) is blank


@pytest.mark.parametrize("raw, na", [("不适用", True), ("N/A", True), ("n/a", True), (" 不适用 ", True), ("无", False), (None, False)])
def test_is_not_applicable(raw, na):
    assert is_not_applicable(raw) is na


@pytest.mark.parametrize(
    "raw, expected",
    [("３４万元", "34万元"), ("８９.０４％", "89.04%"), ("＞＝95％", "≥95%"), (">=95%", "≥95%"), ("<=5", "≤5"),
     ("  产出\n指标  ", "产出 指标"), ("1，234", "1,234"), ("（50分）", "(50分)")],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


# ---------------------------------------------------------------- money helpers

@pytest.mark.parametrize("raw, expected", [(0.1, "0.1"), (1, "1"), ("1.50", "1.50"), (Decimal("2.5"), "2.5"), (1e-7, "1E-7")])
def test_D(raw, expected):
    assert D(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", ["abc", float("inf"), "NaN"])
def test_D_rejects(raw):
    with pytest.raises(ValueError):
        D(raw)


def test_D_rejects_bool():
    with pytest.raises(TypeError):
        D(True)


@pytest.mark.parametrize(
    "raw, places, expected", [("2.345", 2, "2.35"), ("2.344", 2, "2.34"), ("-2.345", 2, "-2.35"), ("88.5", 0, "89"), (2.675, 2, "2.68")]
)
def test_q_half_up(raw, places, expected):
    assert q(raw, places) == Decimal(expected)
    if places == 2:
        assert q2(raw) == Decimal(expected)


def test_close_and_tolerances():
    assert TOL_AMOUNT == Decimal("0.01") and TOL_RATE == Decimal("0.0001")
    assert close("4601", "4600.99")
    assert not close("4601", "4600.98")
    assert close(Decimal("0.8904"), Decimal("0.8905"), TOL_RATE)
