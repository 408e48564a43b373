"""parse_target: operator, number and unit, or a qualitative phrase; never a guessed direction."""
from datetime import date
from decimal import Decimal

import pytest

from perfxl.core.values import Bad, ErrorValue, Quantity, Target, parse_target

Q = lambda v, u=None: Quantity(Decimal(v), u)  # noqa: E731

TARGETS = [
    # (raw, kind, quantity)
    ("≥95%", "forward", Q(95, "%")),
    (">=95%", "forward", Q(95, "%")),
    ("＞＝95％", "forward", Q(95, "%")),
    ("≧95%", "forward", Q(95, "%")),
    (">95%", "forward", Q(95, "%")),
    ("≥ 95 %", "forward", Q(95, "%")),
    ("≥100百分比", "forward", Q(100, "%")),
    ("不低于90%", "forward", Q(90, "%")),
    ("不少于31人", "forward", Q(31, "人")),
    ("达到100%", "forward", Q(100, "%")),
    ("至少3次", "forward", Q(3, "次")),
    ("大于90%", "forward", Q(90, "%")),
    ("超过500人次", "forward", Q(500, "人次")),
    ("100%以上", "forward", Q(100, "%")),
    ("34万元", "forward", Q(34, "万元")),  # seed: a bare number is forward
    ("100%", "forward", Q(100, "%")),  # seed
    ("≥1,000人次", "forward", Q(1000, "人次")),
    ("合格率≥95%", "forward", Q(95, "%")),
    (95, "forward", Q(95)),
    ("≤90万元", "reverse", Q(90, "万元")),
    ("<=90万元", "reverse", Q(90, "万元")),
    ("不高于5%", "reverse", Q(5, "%")),
    ("不超过34万元", "reverse", Q(34, "万元")),
    ("控制在5%以内", "reverse", Q(5, "%")),
    ("控制在34万元以内", "reverse", Q(34, "万元")),
    ("低于5%", "reverse", Q(5, "%")),
    ("5%以下", "reverse", Q(5, "%")),
    ("3个工作日内", "reverse", Q(3, "工作日")),
    ("=100%", "equal", Q(100, "%")),
    ("等于100%", "equal", Q(100, "%")),
    ("0投诉", "reverse", Q(0)),
    ("零事故", "reverse", Q(0)),
    ("≤0", "reverse", Q(0)),
    ("=0起", "equal", Q(0, "起")),
    ("0起", "reverse", Q(0, "起")),
    (0, "reverse", Q(0)),
    ("≥0", "forward", Q(0)),
]


@pytest.mark.parametrize("raw, kind, quantity", TARGETS)
def test_quantitative_targets(raw, kind, quantity):
    target = parse_target(raw)
    assert isinstance(target, Target), target
    assert (target.kind, target.quantity) == (kind, quantity)


QUALITATIVE = [
    "达成预期指标", "完成", "效果明显", "满意", "按时完成", "12月底之前完成", "2022年12月31日前完成",
    "2022年底前", "12月31日", "重点工作任务完成", "履职目标实现", "达到预期目标",
]


@pytest.mark.parametrize("raw", QUALITATIVE)
def test_qualitative_targets(raw):
    target = parse_target(raw)
    assert isinstance(target, Target) and target.kind == "qualitative" and target.quantity is None
    assert target.text == raw and target.phrase


def test_text_is_kept():
    assert parse_target(" ≥95% ").text == "≥95%"
    assert parse_target("合格率≥95%").phrase == "合格率"


def test_date_cell_is_a_deadline():
    assert parse_target(date(2022, 12, 31)) == Target("qualitative", phrase="2022-12-31", text="2022-12-31")


@pytest.mark.parametrize("raw", [None, "", "  ", "无", "—", "/", "－"])
def test_blank_target(raw):
    assert parse_target(raw) is None


def test_not_applicable_target():
    assert parse_target("不适用").kind == "not-applicable"


BAD = [
    ("完成率100%", "完成率100%"),  # words we do not understand around a number
    ("约95%", "约95%"),
    ("90%-100%", "区间"),
    ("90~100%", "区间"),
    ("≥5%以内", "矛盾"),
    ("大于三十", "三十"),
    ("不少于三十人", "三十"),
    ("≥良好", "≥良好"),
    ("≥95斤两", "≥95斤两"),
    (ErrorValue("#DIV/0!"), "#DIV/0!"),
    (True, "逻辑值"),
]


@pytest.mark.parametrize("raw, fragment", BAD)
def test_bad_targets(raw, fragment):
    result = parse_target(raw)
    assert isinstance(result, Bad), result
    assert fragment in result.reason
