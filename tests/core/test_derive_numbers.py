"""derive reads 分值/得分 the way people type them ("12分"), like the scoring core does."""
from decimal import Decimal

from perfxl.core.derive import number
from perfxl.core.findings import Where
from perfxl.core.model import Field


def test_score_typed_with_fen():
    assert number(Field("12分", Where())) == Decimal(12)
    assert number(Field("１２", Where())) == Decimal(12)
    assert number(Field(None, Where())) is None
    assert number(Field("十二分", Where())) is None  # unreadable: the cells check reports it
