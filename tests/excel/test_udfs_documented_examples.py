"""The worksheet-function examples printed in README.md and docs/excel-addin.md give what they say."""
from pathlib import Path

import pytest

from perfxl.excel.udfs import PERF_EXEC_RATE, PERF_EXEC_SCORE, PERF_GRADE, PERF_SCORE, PERF_VALUE

ROOT = Path(__file__).resolve().parents[2]

EXAMPLES = [
    ('=PERF_SCORE("≥95%", "96%", 10)', lambda: PERF_SCORE("≥95%", "96%", 10), 10),
    ('=PERF_SCORE("≥95%", "90%", 10)', lambda: PERF_SCORE("≥95%", "90%", 10), 9.47),
    ('=PERF_SCORE("≤5天", "6天", 10)', lambda: PERF_SCORE("≤5天", "6天", 10), 8.33),
    ("=PERF_EXEC_RATE(100, 89.04)", lambda: PERF_EXEC_RATE(100, 89.04), 0.8904),
    ("=PERF_EXEC_SCORE(100, 89.04, 10)", lambda: PERF_EXEC_SCORE(100, 89.04, 10), 8.9),
    ("=PERF_GRADE(86.5)", lambda: PERF_GRADE(86.5), "良"),
    ('=PERF_VALUE("34万元")', lambda: PERF_VALUE("34万元"), 34),
]


@pytest.mark.parametrize("formula,call,expected", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_documented_example(formula, call, expected):
    got = call()
    assert got == pytest.approx(expected) if not isinstance(expected, str) else got == expected
    for doc in ("docs/excel-addin.md", "README.md"):
        assert formula in (ROOT / doc).read_text(encoding="utf-8"), f"{formula} is not shown in {doc}"
