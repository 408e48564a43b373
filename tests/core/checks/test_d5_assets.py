"""D5: 净资产 = 资产总额 − 负债总额; 在用固定资产 ≤ 原值 (warning)."""
import pytest

from tests.core.checks.builders import find, good_department, run

CASES = [
    ({}, []),  # the seed's 192.76 − 232.64 = −39.88
    ({"net_assets": -39.86}, []),
    ({"net_assets": -39.85}, [("net-assets-mismatch", "B45")]),
    ({"net_assets": 39.88}, [("net-assets-mismatch", "B45")]),
    ({"net_assets": None}, []),
    ({"liabilities_total": None}, []),  # blank is not zero: a difference with a blank member says nothing
    ({"fixed_assets_in_use": 93.00}, []),
    ({"fixed_assets_in_use": 93.01}, [("fixed-assets-in-use-over-original", "B47")]),
    ({"fixed_assets_original": None}, []),
]


@pytest.mark.parametrize("values,expected", CASES)
def test_d5(values, expected):
    assert find(run("assets", good_department(values))) == expected


def test_d5_severities():
    fs = run("assets", good_department({"net_assets": 1, "fixed_assets_in_use": 100}))
    assert [(f.code, f.severity.value, f.rule) for f in fs] == [
        ("net-assets-mismatch", "error", "D5"), ("fixed-assets-in-use-over-original", "warning", "D5")]
