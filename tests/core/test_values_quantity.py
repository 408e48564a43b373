"""read_quantity / parse_actual / qualitative_level / parse_cap."""
from datetime import date
from decimal import Decimal

import pytest

from perfxl.core.values import (
    Bad, ErrorValue, Quantity, canonical_unit, parse_actual, parse_cap, qualitative_level, read_quantity,
)

QUANTITIES = [
    ("34万元", "34", "万元"),
    ("95%", "95", "%"),
    ("100百分比", "100", "%"),
    ("12个", "12", "个"),
    ("3次", "3", "次"),
    ("31人", "31", "人"),
    ("500人次", "500", "人次"),
    ("1.2万人次", "12000", "人次"),
    ("5天", "5", "天"),
    ("12个月", "12", "月"),
    ("3个工作日", "3", "工作日"),
    ("2项", "2", "项"),
    ("1,000平方米", "1000", "平方米"),
    ("100㎡", "100", "平方米"),
    ("20公里", "20", "公里"),
    ("300亩", "300", "亩"),
    ("5吨", "5", "吨"),
    ("5元/人", "5", "元/人"),
    ("￥1,200", "1200", "元"),
    ("34", "34", None),
    (34, "34", None),
    (0.5, "0.5", None),
]


@pytest.mark.parametrize("raw, value, unit", QUANTITIES)
def test_read_quantity(raw, value, unit):
    assert read_quantity(raw) == Quantity(Decimal(value), unit)


@pytest.mark.parametrize("raw", [None, "", "无", "/"])
def test_blank_quantity(raw):
    assert read_quantity(raw) is None


@pytest.mark.parametrize("raw", ["三十四", "34斤两", "完成", ErrorValue("#VALUE!"), "¥5个"])
def test_bad_quantity(raw):
    assert isinstance(read_quantity(raw), Bad)


@pytest.mark.parametrize("text, unit", [("百分比", "%"), ("㎡", "平方米"), ("千米", "公里"), ("人/次", "人次"), ("斤两", None)])
def test_canonical_unit(text, unit):
    assert canonical_unit(text) == unit


ACTUALS = [
    ("34万元", Quantity(Decimal(34), "万元")),  # seed
    ("100%", Quantity(Decimal(100), "%")),  # seed
    ("完成", "完成"),  # seed
    ("满意", "满意"),
    ("96%", Quantity(Decimal(96), "%")),
    ("完成34万元", Quantity(Decimal(34), "万元")),
    ("达到96%", Quantity(Decimal(96), "%")),
    ("零投诉", Quantity(Decimal(0), None)),
    ("0起", Quantity(Decimal(0), "起")),
    ("12月底前完成", "12月底前完成"),
    ("已完成。", "已完成"),
    (" 效果明显 ", "效果明显"),
    ("不适用", "不适用"),
    (95, Quantity(Decimal(95), None)),
    (date(2022, 12, 20), "2022-12-20"),
    (None, None),
    ("无", None),
    ("", None),
]


@pytest.mark.parametrize("raw, expected", ACTUALS)
def test_parse_actual(raw, expected):
    assert parse_actual(raw) == expected


@pytest.mark.parametrize("raw", [ErrorValue("#DIV/0!"), True])
def test_bad_actual(raw):
    assert isinstance(parse_actual(raw), Bad)


LEVELS = [
    ("达成预期指标", "full"), ("达成年度指标", "full"), ("完成", "full"), ("已完成", "full"), ("全部完成", "full"),
    ("按时完成", "full"), ("满意", "full"), ("非常满意", "full"), ("效果明显", "full"), ("达到", "full"),
    ("是", "full"), ("良好", "full"), ("履职目标实现", "full"), ("12月底之前完成", "full"),
    ("部分达成", "partial"), ("部分完成", "partial"), ("基本完成", "partial"), ("基本满意", "partial"),
    ("有一定效果", "partial"), ("效果一般", "partial"), ("部分达成并具有一定效果", "partial"),
    ("未达成", "poor"), ("未完成", "poor"), ("效果较差", "poor"), ("不满意", "poor"), ("否", "poor"),
    ("未达成且效果较差", "poor"), ("效果不明显", "poor"),
    ("无", None), ("重点工作任务", None), ("", None), (None, None), (95, None),
]


@pytest.mark.parametrize("phrase, level", LEVELS)
def test_qualitative_level(phrase, level):
    assert qualitative_level(phrase) == level


CAPS = [
    ("产出指标(50分)", "50"), ("产出\n指标\n(50分)", "50"), ("效益指标（30分）", "30"), ("满意度 指标  (10分)", "10"),
    ("产出指标（６０分）", "60"), ("满意度指标20分", "20"), ("产出指标(12.5分)", "12.5"),
    ("产出指标", None), ("", None), (None, None),
]


@pytest.mark.parametrize("text, cap", CAPS)
def test_parse_cap(text, cap):
    assert parse_cap(text) == (None if cap is None else Decimal(cap))
