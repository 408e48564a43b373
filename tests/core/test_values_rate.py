"""read_rate: rates are fractions; text percentages are divided by 100, numbers pass through."""
from decimal import Decimal

import pytest

from perfxl.core.values import Bad, ErrorValue, read_rate

RATES = [
    ("89.04%", "0.8904"),
    ("89.04 %", "0.8904"),
    ("８９.０４％", "0.8904"),
    ("100%", "1"),  # seed
    ("100百分比", "1"),
    ("10.96%", "0.1096"),  # seed: share of 基本支出
    ("893.04%", "8.9304"),  # seed: a wrong share, still read faithfully
    ("0.5", "0.5"),
    ("5‰", "0.005"),
    (0.8904, "0.8904"),  # a %-formatted cell showing 89.04%
    (8.9304, "8.9304"),  # showing 893.04%
    (1, "1"),
    (Decimal("0.75"), "0.75"),
    ("-5%", "-0.05"),
]


@pytest.mark.parametrize("raw, expected", RATES)
def test_read_rate(raw, expected):
    assert read_rate(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", [None, "", "无", "—", "/"])
def test_blank_rate(raw):
    assert read_rate(raw) is None


@pytest.mark.parametrize(
    "raw, fragment",
    [(ErrorValue("#DIV/0!"), "#DIV/0!"), ("34万元", "万元"), ("八成", "八成"), ("89.04%%", "89.04%%"), (False, "逻辑值")],
)
def test_bad_rate(raw, fragment):
    result = read_rate(raw)
    assert isinstance(result, Bad) and fragment in result.reason
