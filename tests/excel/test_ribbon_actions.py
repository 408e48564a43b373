"""Each ribbon action end to end on a real .xlsx, through both books of the io protocol: XlsxBook and
XlwingsBook over xlwings' remote engine (an openpyxl stand-in plays Excel, see xlremote_stand_in.py).
Same code path as in Excel except the book adapter; alerts are captured."""
from __future__ import annotations

import logging

import pytest
from openpyxl import load_workbook

import perfxl.actions
import perfxl.excel.ribbon as ribbon
from perfxl.io.extract import read_department
from perfxl.io.xlsx import XlsxBook
from tests.excel.ribbon_backends import PLANTED, Clicks
from tests.excel.xlremote_stand_in import patch_sync_reads, styles

BACKENDS = ["openpyxl", "xlwings-remote"]


@pytest.fixture(autouse=True)
def _env(monkeypatch, tmp_path):
    monkeypatch.setenv("PERFXL_LOG_DIR", str(tmp_path / "log"))
    patch_sync_reads(monkeypatch)
    import perfxl.core.checks as checks

    real = checks.run_checks
    monkeypatch.setattr(checks, "run_checks", lambda ev: [*real(ev), PLANTED])
    yield
    for h in list(logging.getLogger("perfxl.excel").handlers):  # release the log file of tmp_path
        logging.getLogger("perfxl.excel").removeHandler(h)
        h.close()


@pytest.fixture
def dept_path(small_dept):
    """tests/conftest.py's small department, with a score below the rule's 30 and no reason."""
    wb = load_workbook(small_dept)
    wb["项目自评表"]["H12"] = 25
    wb.save(small_dept)
    return small_dept


@pytest.fixture(params=BACKENDS)
def clicks(request, dept_path):
    return Clicks(request.param, dept_path)


def test_compute_writes_the_derived_cells(clicks):
    msg, alerts = clicks.click(ribbon.compute)
    assert alerts == [("info", msg)] and msg.startswith("已计算 ")
    ws = load_workbook(clicks.path)["项目自评表"]
    assert ws["H5"].value == 1 and ws["I5"].value == 10  # 执行率 100%, 执行率得分 10
    assert ws["H5"].number_format == "0.00%"
    assert ws["J12"].value == 30 and ws["J14"].value == 20  # 测算得分
    assert ws["G30"].value == 100 and ws["H30"].value == 95 and ws["H31"].value == "优"
    fin = load_workbook(clicks.path)["预决算"]
    assert fin["B45"].value == 150 and fin["B19"].value == 20  # 净资产, 收入增加额
    # a second click changes nothing
    msg2, _ = clicks.click(ribbon.compute)
    assert msg2.endswith("（其中 0 个有变化）。")


def test_validate_lists_links_and_marks_then_clear_marks_restores(clicks):
    before = styles(load_workbook(clicks.path), "项目自评表")
    msg, alerts = clicks.click(ribbon.validate)
    assert alerts[0][0] == "info" and msg.startswith("校验完成：错误 ")
    wb = load_workbook(clicks.path)
    assert wb.sheetnames[0] == "校验结果" and "_perfxl_marks" in wb.sheetnames
    res = wb["校验结果"]
    assert [c.value for c in res[1]][:6] == ["序号", "级别", "代码", "工作表", "单元格", "问题说明"]
    rows = [[c.value for c in r] for r in res.iter_rows(min_row=2)]
    errors = sum(r[1] == "错误" for r in rows)
    warnings = sum(r[1] == "警告" for r in rows)
    assert f"错误 {errors} 项，警告 {warnings} 项" in msg
    planted = next(r for r in rows if r[2] == "planted-test-finding")
    link_cell = res.cell(rows.index(planted) + 2, 5)
    assert link_cell.value == "F12"
    assert link_cell.hyperlink is not None and link_cell.hyperlink.target == "#'项目自评表'!F12"
    after = styles(wb, "项目自评表")
    assert after["F12"][0] == "FFC7CE" and "[错误] 测试用问题" in after["F12"][1]
    assert after["H12"][0] == "FFEB9C"  # the real score check marks the typed score
    msg, _ = clicks.click(ribbon.clear_marks)
    assert msg.startswith("已清除 ") and "校验结果" in msg
    wb = load_workbook(clicks.path)
    assert "校验结果" not in wb.sheetnames and "_perfxl_marks" not in wb.sheetnames
    assert styles(wb, "项目自评表") == before
    msg, _ = clicks.click(ribbon.clear_marks)
    assert msg == "没有需要清除的标记。"


def test_validate_twice_keeps_one_mark_per_cell_and_the_original_look(clicks):
    before = styles(load_workbook(clicks.path), "项目自评表")
    clicks.click(ribbon.validate)
    clicks.click(ribbon.validate)
    wb = load_workbook(clicks.path)
    assert styles(wb, "项目自评表")["F12"][1].count("测试用问题") == 1
    clicks.click(ribbon.clear_marks)
    assert styles(load_workbook(clicks.path), "项目自评表") == before


def test_add_project_adds_a_blank_sheet_found_by_the_reader(clicks):
    clicks.click(ribbon.compute)
    msg, alerts = clicks.click(ribbon.add_project)
    assert msg.startswith("已新增工作表“项目自评表(2)”") and alerts[0][0] == "info"
    dept = read_department(XlsxBook(clicks.path))
    assert [p.sheet for p in dept.projects] == ["项目自评表", "项目自评表(2)"]
    new = dept.projects[1]
    assert new.fields["project_name"].raw is None and new.fields["exec_rate"].raw is None
    assert new.fields["competent_dept"].raw == "衡山县测试局"
    assert new.fields["exec_weight"].raw == 10
    assert new.indicators == []  # 18 spare rows, none typed
    assert [lv.name for lv in new.level1s] == ["产出指标", "效益指标", "满意度指标"]
    wb = load_workbook(clicks.path)
    assert wb.sheetnames.index("项目自评表(2)") == wb.sheetnames.index("项目自评表") + 1
    msg, _ = clicks.click(ribbon.add_project)
    assert "项目自评表(3)" in msg


def test_not_a_template_gives_one_chinese_sentence(tmp_path, monkeypatch):
    from openpyxl import Workbook

    path = tmp_path / "别的表.xlsx"
    Workbook().save(path)
    for backend in BACKENDS:
        for action in (ribbon.compute, ribbon.validate, ribbon.add_project):
            msg, alerts = Clicks(backend, path).click(action)
            assert alerts == [("critical", msg)]
            assert msg.startswith("别的表.xlsx：不是 perfxl 标准模板")


def test_an_unexpected_error_is_logged_and_shown_readably(dept_path, tmp_path, monkeypatch):
    def boom(book, policy=None):
        raise RuntimeError("磁盘已满")

    monkeypatch.setattr(perfxl.actions, "apply_derived", lambda book, derived: boom(None))
    msg, alerts = Clicks("openpyxl", dept_path).click(ribbon.compute)
    assert alerts[0][0] == "critical"
    assert msg.startswith("计算失败：RuntimeError: 磁盘已满") and str(tmp_path / "log" / "perfxl.log") in msg
    log = (tmp_path / "log" / "perfxl.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "磁盘已满" in log


def test_the_default_alert_is_excels_message_box(dept_path):
    """alert=None: the message goes to the caller's Excel (App.alert, queued as an action here)."""
    from perfxl.excel.book import XlwingsBook
    from tests.excel.xlremote_stand_in import ExcelStandIn

    stand_in = ExcelStandIn(dept_path)
    msg = ribbon.compute(book=XlwingsBook(stand_in.open()))
    assert stand_in.alerts == [[msg, ribbon.TITLE, "ok", "info", ""]]


def test_new_template_writes_a_template_and_opens_it(tmp_path):
    opened, alerts = [], []
    ribbon.new_template(folder=tmp_path, alert=lambda *a, **k: alerts.append(a), open_file=opened.append)
    ribbon.new_template(folder=tmp_path, alert=lambda *a, **k: alerts.append(a), open_file=opened.append)
    assert [p.name for p in opened] == ["预算绩效自评-模板.xlsx", "预算绩效自评-模板(2).xlsx"]
    assert alerts == []
    dept = read_department(XlsxBook(opened[0]))
    assert [p.sheet for p in dept.projects] == ["项目自评表"]


def test_consolidate_writes_the_summary_beside_the_folder(tmp_path, small_dept):
    import shutil

    folder = tmp_path / "2022各部门"
    folder.mkdir()
    shutil.copy(small_dept, folder / "甲局.xlsx")
    shutil.copy(small_dept, folder / "乙局.xlsx")
    (folder / "~$甲局.xlsx").write_bytes(b"lock file")
    opened, alerts = [], []
    msg = ribbon.consolidate(folder=folder, alert=lambda t, title="", mode="": alerts.append((mode, t)),
                             open_file=opened.append)
    assert alerts == [("info", msg)], msg
    assert opened == [tmp_path / "2022各部门-绩效自评汇总.xlsx"] and opened[0].exists()
    assert msg.startswith("已汇总 2 个工作簿")


def test_consolidate_cancelled_says_nothing(monkeypatch):
    monkeypatch.setattr(ribbon, "_pick_folder", lambda book: None)
    alerts = []
    assert ribbon.consolidate(alert=lambda *a, **k: alerts.append(a)) is None and alerts == []


def test_show_help_names_the_buttons_and_the_log():
    alerts = []
    msg = ribbon.show_help(alert=lambda t, title="", mode="": alerts.append(t))
    assert alerts == [msg]
    for word in ("计算", "校验", "清除标记", "新增项目表", "生成报告", "汇总", "新建模板", "PERF_SCORE", "perfxl.log"):
        assert word in msg


def test_the_eight_vba_entry_points_exist_with_no_required_arguments():
    import inspect

    for name in ("compute", "validate", "clear_marks", "add_project", "report", "consolidate", "new_template",
                 "show_help"):
        sig = inspect.signature(getattr(ribbon, name))
        assert all(p.default is not inspect.Parameter.empty for p in sig.parameters.values()), name


def test_outside_excel_the_caller_error_is_logged_not_raised(tmp_path):
    """On Linux xw.Book.caller() raises; the action must still end with a message, not a traceback."""
    msg = ribbon.compute(alert=lambda *a, **k: None)
    assert msg.startswith("计算失败：")


@pytest.mark.parametrize("backend", BACKENDS)
def test_report_beside_the_workbook_never_over_a_file_and_asks_while_there_are_errors(backend, dept_path, tmp_path):
    import docx

    out = tmp_path / "out"
    out.mkdir()
    asked = []
    clicks = Clicks(backend, dept_path)
    msg, alerts = clicks.click(ribbon.report, folder=out, ask=lambda text: asked.append(text) or False)
    assert asked and "错误" in asked[0] and msg.startswith("未生成报告") and list(out.iterdir()) == []
    msg, _ = clicks.click(ribbon.report, folder=out, ask=lambda text: True)
    first = out / f"{dept_path.stem}-自评报告.docx"
    assert first.exists() and "首页已注明" in msg
    assert "未经核实" in "".join(p.text for p in docx.Document(first).paragraphs[:6])
    clicks.click(ribbon.report, folder=out, ask=lambda text: True)
    assert sorted(p.name for p in out.iterdir()) == sorted([first.name, f"{dept_path.stem}-自评报告(2).docx"])
