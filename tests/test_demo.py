"""`make demo` (python -m perfxl.demo): fills copies, checks them, consolidates, says where; examples untouched."""
import subprocess
import sys
from pathlib import Path

from perfxl.io.files import sha256

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "workbooks" / "examples"


def test_demo(tmp_path):
    before = {p.name: sha256(p) for p in EXAMPLES.glob("*.xlsx")}
    res = subprocess.run([sys.executable, "-m", "perfxl.demo", str(EXAMPLES), str(tmp_path / "out")],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "out" / "汇总.xlsx").exists()
    assert "汇总表在" in res.stdout and str(tmp_path / "out" / "汇总.xlsx") in res.stdout.replace("\n", "")
    assert {p.name for p in (tmp_path / "out").glob("*.xlsx")} == set(before) | {"汇总.xlsx"}
    assert {p.name: sha256(p) for p in EXAMPLES.glob("*.xlsx")} == before
