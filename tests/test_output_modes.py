"""Every output is written by the one atomic write: a new file follows the umask (0644 under 022, not
mkstemp's 0600), a replaced file keeps its mode, and no temporary file is left behind."""
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ROOT / "workbooks" / "examples" / "衡山县农业农村局-2022.xlsx"
POLICY = 'grade_below = "差"\n'

# (name, output file name, arguments with {src} {out} {tmp})
OUTPUTS = [
    ("fill", "filled.xlsx", ["fill", "{src}", "-o", "{out}"]),
    ("annotate", "marked.xlsx", ["check", "{src}", "--annotate", "{out}"]),
    ("template", "模板.xlsx", ["template", "-o", "{out}", "--force"]),
    ("add-project", "more.xlsx", ["add-project", "{src}", "-o", "{out}"]),
    ("consolidate", "汇总.xlsx", ["consolidate", "{src}", "-o", "{out}", "--quiet"]),
    ("addin build", "perfxl.xlam", ["addin", "build", "-o", "{out}"]),
    ("policy", "p.toml", ["policy", "-o", "{out}"]),
]


def run(args, tmp: Path, out: Path):
    src = tmp / "部门.xlsx"
    argv = [a.format(src=src, out=out, tmp=tmp) for a in args]
    return subprocess.run([sys.executable, "-m", "perfxl", *argv], capture_output=True, text=True, timeout=180,
                          preexec_fn=lambda: os.umask(0o022), cwd=tmp)


@pytest.mark.parametrize("name,target,args", OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_new_output_follows_the_umask_and_a_replaced_one_keeps_its_mode(tmp_path, name, target, args):
    shutil.copy(CLEAN, tmp_path / "部门.xlsx")
    out = tmp_path / "out" / target
    out.parent.mkdir()
    res = run(args, tmp_path, out)
    assert res.returncode in (0, 1), res.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    os.chmod(out, 0o640)
    res = run(args, tmp_path, out)
    assert res.returncode in (0, 1), res.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert not [p for p in tmp_path.rglob(".~perfxl-*")]


def test_policy_into_a_workbook_keeps_its_mode(tmp_path):
    book = tmp_path / "部门.xlsx"
    shutil.copy(CLEAN, book)
    os.chmod(book, 0o600)
    (tmp_path / "p.toml").write_text(POLICY, encoding="utf-8")
    res = run(["policy", "--policy", "{tmp}/p.toml", "--into", "{src}"], tmp_path, tmp_path / "unused")
    assert res.returncode == 0, res.stderr
    assert stat.S_IMODE(book.stat().st_mode) == 0o600
