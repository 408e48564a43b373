"""N1f: a standard × quantity (× months) equals the total the sentence states."""
from __future__ import annotations

from decimal import Decimal

import pytest
from tests.core.text.textkit import cell, check, codes

D = Decimal


@pytest.mark.parametrize("text, expected", [
    ("按每人每月400元的标准，为120名困难群众发放12个月生活补助，共计57.6万元。", []),
    ("按每人每月400元的标准，为120名困难群众发放12个月生活补助，共计57.60万元。", []),
    ("按每人每月400元的标准，为120名困难群众发放12个月生活补助，共计576,000元。", []),
    ("按每人每月400元的标准，为120名困难群众发放12个月生活补助，共计57.7万元。", [("text-product-mismatch", "F10")]),
    ("按每人每月400元的标准，为120名困难群众发放12个月生活补助，共计58万元。", []),  # 57.6 printed whole is 58
    ("按每人每月400元的标准，为120名困难群众发放12个月生活补助，共计57万元。", [("text-product-mismatch", "F10")]),
    ("按每亩补助300元的标准，对12000亩农田实施维修养护，共发放补助资金360.00万元。", []),
    ("按每亩补助300元的标准，对12000亩农田实施维修养护，共发放补助资金380.00万元。", [("text-product-mismatch", "F10")]),
    ("补贴标准400元/人·月，全年补贴120人、12个月，共计57.60万元。", []),
    ("补贴标准400元/人·月，全年补贴120人、12个月，共计56.60万元。", [("text-product-mismatch", "F10")]),
])
def test_standard_times_quantity(text, expected):
    assert codes(cell("goal_actual", text)) == expected


@pytest.mark.parametrize("text", [
    "按每人每月400元的标准，为120名城市和80名农村困难群众发放生活补助，共计57.7万元。",  # two head counts: which one?
    "按每人每月400元的标准发放生活补助，共计57.7万元。",  # no quantity
    "按每人每月400元的标准，为120名困难群众发放全年生活补助，共计57.7万元。",  # months not stated
    "下一步计划将补助标准提高到每人每月500元。",
])
def test_not_checked_when_the_quantities_are_not_all_stated(text):
    assert codes(cell("goal_actual", text)) == []


def test_the_product_message():
    [f] = check(cell("goal_actual", "按每亩补助300元的标准，对12000亩农田实施维修养护，共发放补助资金380.00万元。"))
    assert (f.rule, f.expected, f.actual) == ("N1f", D("360.0000"), D("380.00"))
    assert f.message.endswith("按标准计算应为 360.00 万元（300元 × 12000亩），实为 380.00万元，相差 20.00 万元。")
