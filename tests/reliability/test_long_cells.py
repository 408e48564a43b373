"""Item 2 (quadratic parsing): 32,767-character cells — Excel's maximum — of digits, of "1,", of
mixed junk, fed to every parser, scorer and worksheet function. They must answer at once (a Bad
with a reason), so the whole batch runs in a subprocess under a generous ``timeout``: the test
only proves that nothing hangs; it asserts no timings."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from perfxl.core import values
from perfxl.core.scoring import read_number
from perfxl.core.values import Bad

ROOT = Path(__file__).resolve().parents[2]
N = 32767
LONG = {
    "digits": "1" * N,
    "commas": ("1," * N)[:N],
    "junk": ("1a.,%≥万元-—12月(分)" * N)[:N],
    "percent": "≥" + "9" * (N - 2) + "%",
    "score": "1" * (N - 1) + "分",
    "dots": ("1." * N)[:N],
    "spaces": ("1 " * N)[:N],
    "chinese": "达成" * (N // 2),
}

SCRIPT = textwrap.dedent("""
    import sys
    from perfxl.core import values, scoring
    from perfxl.excel import udfs
    N = 32767
    inputs = [%s]
    for s in inputs:
        for f in (values.read_amount, values.read_rate, values.read_quantity, values.read_int, values.parse_target,
                  values.parse_actual, values.qualitative_level, values.parse_cap, values.is_blank, scoring.read_number):
            f(s)
        scoring.indicator_score(s, s, s); scoring.indicator_score("≥95%%", s, 10); scoring.indicator_score(s, "96%%", 10)
        scoring.exec_rate(s, s); scoring.exec_score(s, s); scoring.band_of(s, 10)
        udfs.PERF_SCORE(s, "1", 10); udfs.PERF_SCORE("≥1", s, 10); udfs.PERF_SCORE("≥1", "1", s)
        udfs.PERF_EXEC_RATE(s, 1); udfs.PERF_EXEC_SCORE(1, s, 10); udfs.PERF_GRADE(s); udfs.PERF_VALUE(s, "人次")
    print("ok")
""") % ", ".join(repr(v) for v in LONG.values())


def test_long_cells_do_not_hang():
    res = subprocess.run([sys.executable, "-"], input=SCRIPT, capture_output=True, text=True, timeout=60, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert res.returncode == 0 and res.stdout.strip() == "ok", res.stderr[-2000:]


@pytest.mark.parametrize("name", sorted(LONG))
def test_long_cells_are_bad_with_a_reason(name):
    text = LONG[name]
    for reader in (values.read_amount, values.read_rate, values.read_quantity, values.parse_target, read_number):
        result = reader(text)
        assert isinstance(result, Bad) and "过长" in result.reason and str(values.MAX_TEXT_CHARS) in result.reason
    assert values.parse_cap(text) is None and values.qualitative_level(text) is None


def test_just_under_the_limit_still_reads():
    assert values.read_amount("1" * 14 + " " * (values.MAX_TEXT_CHARS - 14)) == 11111111111111
    assert isinstance(values.read_amount("1" * values.MAX_TEXT_CHARS), Bad)  # read, but too many digits
    target = values.parse_target("达成预期" + "。" * (values.MAX_TEXT_CHARS - 4))
    assert target.kind == "qualitative"
