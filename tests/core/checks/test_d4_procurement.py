"""D4: 政府采购 total = 货物 + 工程 + 服务."""
import pytest

from tests.core.checks.builders import find, good_department, run

CASES = [
    ({}, []),
    ({"procurement_total": 172.27}, []),
    ({"procurement_total": 172.28}, [("procurement-total-mismatch", "B36")]),
    ({"procurement_goods": 10}, [("procurement-total-mismatch", "B36")]),
    ({"procurement_goods": None, "procurement_works": None}, []),
    ({"procurement_total": None}, []),
    ({"procurement_services": "一百七十"}, []),
]


@pytest.mark.parametrize("values,expected", CASES)
def test_d4(values, expected):
    assert find(run("procurement", good_department(values))) == expected
