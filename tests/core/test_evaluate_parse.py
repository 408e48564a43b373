"""The evaluation reads each cell once, by its field type, the way people type them ("12分", "３４万元")."""
from decimal import Decimal

import pytest

from perfxl.core.evaluate import is_bad, num, parse
from perfxl.core.fields import MONEY, RATE, SCORE, TEXT
from perfxl.core.findings import Where
from perfxl.core.model import Cell

CASES = [
    ("12分", SCORE, Decimal(12)),
    ("１２", SCORE, Decimal(12)),
    (None, SCORE, None),
    ("34万元", MONEY, Decimal(34)),
    ("340000元", MONEY, Decimal(34)),
    ("89.04%", RATE, Decimal("0.8904")),
    ("任何文字", TEXT, None),  # text fields are never parsed as numbers
]


@pytest.mark.parametrize("raw,type_,expected", CASES)
def test_parse(raw, type_, expected):
    assert parse(Cell(raw, Where()), type_) == expected


def test_unreadable_is_bad_and_no_number():
    value = parse(Cell("十二分", Where()), SCORE)
    assert is_bad(value) and num(value) is None  # the cells family reports it; the identities stay silent


def test_num_of_int():
    assert num(31) == Decimal(31) and num(True) is None and num(None) is None
