"""`perfxl consolidate` on a bad folder: every file accounted for, nothing lost or corrupted."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

import perfxl
import perfxl.batch
from perfxl.io.files import sha256
from perfxl.io.template_book import build_workbook

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "workbooks" / "examples"
SEED = EXAMPLES / "衡山县科技和工业信息化局-2022.xlsx"
CLEAN = EXAMPLES / "衡山县农业农村局-2022.xlsx"
EVIL = '=HYPERLINK("http://evil.example/x","点我")'


def _cli(*args, cwd=ROOT):
    cmd = [sys.executable, "-m", "perfxl", "consolidate", *map(str, args)]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("inbox")
    sub = d / "乡镇"
    sub.mkdir()
    for p in sorted(EXAMPLES.glob("*.xlsx")):
        shutil.copy(p, d / p.name)
    shutil.copy(SEED, sub / "科工信局-重复报送.xlsx")  # the same department and year twice
    (d / "损坏.xlsx").write_bytes(b"PK\x03\x04 this is not really a zip")
    wb = Workbook()
    wb.active["A1"] = "随手做的表"
    wb.save(d / "不是模板.xlsx")
    wb = build_workbook()
    ws = wb["基本情况"]
    ws["B3"] = EVIL
    ws["B3"].data_type = "s"
    ws["B4"] = 2022
    p = wb["项目自评表"]
    p["B2"] = "=1+1"
    p["B2"].data_type = "s"
    p["E5"], p["F5"] = 100, 80
    wb.save(sub / "公式单位.xlsx")
    (d / "说明.txt").write_text("not a workbook, not picked up from a folder")
    return d


@pytest.fixture(scope="module")
def bad_run(bad_folder, tmp_path_factory):
    before = {p: sha256(p) for p in bad_folder.rglob("*") if p.is_file()}
    out = tmp_path_factory.mktemp("out") / "汇总.xlsx"
    res = _cli(bad_folder, "-o", out, "--jobs", "2")
    after = {p: sha256(p) for p in bad_folder.rglob("*") if p.is_file()}
    return res, out, before, after


def _sheet_rows(path, sheet):
    ws = load_workbook(path)[sheet]
    return [list(r) for r in ws.iter_rows(min_row=4, values_only=True)]


def test_every_file_is_accounted_for(bad_run, bad_folder):
    res, out, _, _ = bad_run
    assert res.returncode == 1, res.stderr
    rows = {r[0]: r for r in _sheet_rows(out, "文件清单") if r[0]}
    workbooks = sorted(p.name for p in bad_folder.rglob("*.xlsx"))
    assert sorted(rows) == workbooks
    assert rows["损坏.xlsx"][1] == "无法读取" and "损坏.xlsx" in rows["损坏.xlsx"][2]
    assert rows["不是模板.xlsx"][1] == "无法读取" and "模板" in rows["不是模板.xlsx"][2]
    # the first in path order counts (乡镇/… sorts before 衡山县…), the other is flagged
    assert rows["科工信局-重复报送.xlsx"][1] == "有错误仍汇总"
    assert rows[SEED.name][1] == "重复未计入" and "科工信局-重复报送.xlsx" in rows[SEED.name][2]
    for name, r in rows.items():
        assert r[8] == sha256(next(bad_folder.rglob(name))), name  # SHA-256 of the input
        assert r[7] == next(bad_folder.rglob(name)).stat().st_size


def test_inputs_unchanged(bad_run):
    _, _, before, after = bad_run
    assert before == after


def test_no_formula_anywhere_and_formula_like_text_stays_text(bad_run):
    _, out, _, _ = bad_run
    wb = load_workbook(out)
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{ws.title}!{c.coordinate} is a formula: {c.value!r}"
                if isinstance(c.value, str):
                    texts.append(c.value)
    assert EVIL in texts and "=1+1" in texts
    assert not any(ws._hyperlinks for ws in wb.worksheets)


def test_duplicate_is_counted_once(bad_run):
    _, out, _, _ = bad_run
    rows = [r for r in _sheet_rows(out, "汇总") if r[0] == "衡山县科技和工业信息化局"]
    assert len(rows) == 2 and "未计入合计" in (rows[1][18] or "")
    issues = _sheet_rows(out, "校验问题")
    assert any(r[3] == "duplicate-department" and r[0] == SEED.name for r in issues)


def test_api_and_cli_give_the_same_numbers(bad_run, bad_folder):
    _, out, _, _ = bad_run
    import pandas as pd

    s = perfxl.consolidate([bad_folder], jobs=1)
    df = s.departments
    cli_rows = [r for r in _sheet_rows(out, "汇总")][: len(df)]
    assert [r[0] for r in cli_rows] == list(df["单位"])
    for col, j in (("全年预算数（万元）", 4), ("全年执行数（万元）", 5), ("执行率", 6), ("复核总分", 12)):
        api = [None if pd.isna(v) else round(float(v), 6) for v in df[col]]
        cli = [None if v is None else round(float(v), 6) for v in (r[j] for r in cli_rows)]
        assert api == cli, col
    total = next(r for r in _sheet_rows(out, "汇总") if isinstance(r[0], str) and r[0].startswith("合计"))
    assert round(total[6], 4) == float(s.totals.exec_rate)
    both = [d for d in s.rows("departments") if d.full_year is not None and d.executed is not None and not d.note]
    want = sum(d.executed for d in both) / sum(d.full_year for d in both)
    assert float(s.totals.exec_rate) == pytest.approx(float(want), abs=1e-4)


def test_exit_code_0_when_all_clean(tmp_path):
    filled = tmp_path / "in" / CLEAN.name
    filled.parent.mkdir()
    perfxl.fill(CLEAN, filled)
    assert perfxl.check(filled).errors == 0
    res = _cli(filled.parent, "-o", tmp_path / "s.xlsx", "--quiet")
    assert res.returncode == 0, res.stdout + res.stderr
    assert res.stdout == ""


def test_exit_code_2_when_nothing_usable(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(b"garbage")
    res = _cli(tmp_path / "a.xlsx", tmp_path / "missing.xlsx", "-o", tmp_path / "s.xlsx")
    assert res.returncode == 2
    assert (tmp_path / "s.xlsx").exists()  # the summary still lists both files
    names = [r[0] for r in _sheet_rows(tmp_path / "s.xlsx", "文件清单") if r[0]]
    assert names == ["a.xlsx", "missing.xlsx"]


def test_refuses_to_write_over_an_input(tmp_path):
    target = tmp_path / "x.xlsx"
    shutil.copy(SEED, target)
    digest = sha256(target)
    res = _cli(target, "-o", target)
    assert res.returncode == 2 and "输入" in res.stderr
    assert sha256(target) == digest
    with pytest.raises(ValueError):
        perfxl.consolidate([target]).to_excel(target)
    assert sha256(target) == digest


def test_summary_in_the_input_folder_is_not_read_back(tmp_path):
    shutil.copy(SEED, tmp_path / SEED.name)
    for _ in range(2):
        res = _cli(tmp_path, "-o", tmp_path / "汇总.xlsx", "--quiet")
    names = [r[0] for r in _sheet_rows(tmp_path / "汇总.xlsx", "文件清单") if r[0]]
    assert names == [SEED.name], res.stderr


def test_globs_and_review_candidates(tmp_path):
    s = perfxl.consolidate([str(EXAMPLES / "*.xlsx")], jobs=2)
    assert len(s.rows("files")) == len(list(EXAMPLES.glob("*.xlsx")))
    kinds = {r.kind for r in s.rows("review")}
    assert "超额完成未说明" in kinds  # 教育局 项目自评表(5)!F12: 150% of target, no reason
    assert all(r.reason for r in s.rows("review"))


def test_import_perfxl_does_not_import_pandas():
    code = "import sys, perfxl, perfxl.batch, perfxl.cli; print('pandas' in sys.modules)"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert res.stdout.strip() == "False"


# ----------------------------------------------------------------------------- streaming = in memory
STAMP = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")


def _cells(path):
    """Every sheet, in order, with every cell's value and number format (the generated time masked)."""
    wb = load_workbook(path)
    out = []
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows():
            rows.append([(STAMP.sub("<time>", c.value) if isinstance(c.value, str) else c.value,
                          c.number_format if c.value is not None else None) for c in row])
        while rows and all(v is None for v, _ in rows[-1]):
            rows.pop()
        out.append((ws.title, rows, sorted(map(str, ws.merged_cells.ranges)), ws.auto_filter.ref))
    return out


@pytest.mark.parametrize("which", ["examples", "bad"])
def test_streamed_workbook_is_the_in_memory_one(which, bad_folder, tmp_path):
    folder = EXAMPLES if which == "examples" else bad_folder
    mem = perfxl.consolidate([folder], jobs=1)
    mem.to_excel(tmp_path / "mem.xlsx")
    for jobs in (1, 2):
        streamed = perfxl.consolidate([folder], output=tmp_path / f"s{jobs}.xlsx", jobs=jobs)
        written = streamed.output
        assert written == tmp_path / f"s{jobs}.xlsx" and streamed.parts is None  # rows written, not kept
        assert _cells(written) == _cells(tmp_path / "mem.xlsx"), jobs
        assert streamed.counts == mem.counts and streamed.exit_code == mem.exit_code
        assert streamed.totals == mem.totals
        assert streamed.n_files == mem.n_files and streamed.n_review == mem.n_review
        assert streamed.problem_files == mem.problem_files
        assert streamed.duplicates == mem.duplicates


def test_cli_writes_what_to_excel_writes(bad_run, bad_folder, tmp_path):
    _, out, _, _ = bad_run
    perfxl.consolidate([bad_folder], jobs=2).to_excel(tmp_path / "api.xlsx")
    assert _cells(out) == _cells(tmp_path / "api.xlsx")


def test_streaming_refuses_an_input_as_output(tmp_path):
    target = tmp_path / "x.xlsx"
    shutil.copy(SEED, target)
    digest = sha256(target)
    with pytest.raises(ValueError):
        perfxl.consolidate([target], output=target)
    assert sha256(target) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.xlsx"]  # no temporary file left behind
