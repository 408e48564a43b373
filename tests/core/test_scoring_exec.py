"""执行率 and 预算执行得分."""
from decimal import Decimal

import pytest

from perfxl.core.policy import ScoringPolicy
from perfxl.core.scoring import exec_rate, exec_score
from perfxl.core.values import ErrorValue

RATES = [
    # (budget, executed, expected rate)
    (34, 34, "1"),
    ("34万元", "30万元", Decimal(30) / Decimal(34)),
    ("100", "89.04", "0.8904"),
    ("482.33万元", "4601万元", Decimal("4601") / Decimal("482.33")),
    ("340000元", "34万元", "1"),
    (0, 5, None),
    ("0", "0", None),
    (None, 5, None),
    ("", 5, None),
    ("无", 5, None),
    (34, None, None),
    (34, "", None),
    (ErrorValue("#DIV/0!"), 5, None),
    ("三十四", 5, None),
]


@pytest.mark.parametrize("budget, executed, expected", RATES)
def test_exec_rate(budget, executed, expected):
    assert exec_rate(budget, executed) == (None if expected is None else Decimal(expected))


SCORES = [
    # (rate, weight, expected)
    (Decimal("1"), 10, "10.00"),
    (Decimal("0.8904"), 10, "8.90"),
    (Decimal("0.88235"), 10, "8.82"),
    (Decimal("0.88245"), 10, "8.82"),
    (Decimal("0.88250"), 10, "8.83"),  # half up
    (Decimal("1.5"), 10, "10.00"),  # capped at the weight
    (Decimal("8.9304"), 10, "10.00"),
    (Decimal("0"), 10, "0.00"),
    (Decimal("-0.2"), 10, "0.00"),  # never below 0
    (Decimal("0.5"), 20, "10.00"),
    ("89.04%", 10, "8.90"),
    (0.95, "10", "9.50"),
    (0.95, "10分", "9.50"),
    (None, 10, None),
    (Decimal("0.9"), None, None),
    (Decimal("0.9"), "abc", None),
    ("abc", 10, None),
]


@pytest.mark.parametrize("rate, weight, expected", SCORES)
def test_exec_score(rate, weight, expected):
    assert exec_score(rate, weight) == (None if expected is None else Decimal(expected))


@pytest.mark.parametrize("rate, expected", [("0.59", "0.00"), ("0.6", "6.00"), ("0.95", "9.50")])
def test_optional_zero_threshold(rate, expected):
    policy = ScoringPolicy(exec_zero_below=Decimal("0.6"))
    assert exec_score(Decimal(rate), 10, policy) == Decimal(expected)


def test_integer_places():
    assert exec_score(Decimal("0.885"), 10, ScoringPolicy(score_places=0)) == Decimal("9")
