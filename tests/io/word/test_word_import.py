"""import_text: the report's sections into 报告正文, its duties into 基本情况, its 自评表 into project
sheets — in one atomic save, text kept as text, the input untouched when an output is given."""
import dataclasses
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

import perfxl
from perfxl.io.extract import load
from perfxl.io.files import sha256
from perfxl.io.protocol import UnusableWorkbook
from perfxl.io.word_import import CLEARED, NOT_FOUND, WRITTEN, import_text
from perfxl.io.word_model import SECTION_KEYS, IndicatorRow, UnusableDocument
from perfxl.template import layout as L
from tests.tests_helpers import SEED, make_workbook
from tests.io.word.word_builders import build_seed_docx, make_docx, sample_form, seed_form, seed_texts

TEXT_REFS = {spec.key: spec.ref for spec in L.TEXT_CELLS}


@pytest.fixture
def seed_docx(tmp_path) -> Path:
    return build_seed_docx(tmp_path / "衡山县科技和工业信息化局-自评报告.docx")


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.startswith(".~perfxl-")]


def test_every_section_lands_in_its_cell(seed_docx, small_dept, tmp_path):
    out = tmp_path / "out.xlsx"
    result = import_text(seed_docx, small_dept, out)
    texts, duties = seed_texts()
    ws = load_workbook(out)[L.SHEET_TEXT]
    for key in SECTION_KEYS:
        assert ws[TEXT_REFS[key]].value == texts[key], key
    assert [p.status for p in result.placements] == [WRITTEN] * len(SECTION_KEYS)
    lines = result.lines()
    assert any("部门决算情况 → 报告正文!B5：已写入" in line for line in lines)
    assert any("主要职责 18 条 → 基本情况!A14:D33" in line for line in lines)
    assert any("表格1（29行×9列，项目支出绩效自评表） → 项目自评表：已填入（9 个指标）" in line for line in lines)


def test_duties_replace_the_old_rows(seed_docx, small_dept, tmp_path):
    wb = load_workbook(small_dept)
    for i in range(L.DUTIES_ROWS):
        wb[L.SHEET_BASIC][f"A{L.DUTIES_FIRST_ROW + i}"] = i + 1
        wb[L.SHEET_BASIC][f"B{L.DUTIES_FIRST_ROW + i}"] = f"旧职责{i + 1}"
    wb.save(small_dept)
    out = tmp_path / "out.xlsx"
    import_text(seed_docx, small_dept, out)
    ws = load_workbook(out)[L.SHEET_BASIC]
    _texts, duties = seed_texts()
    got = [(ws[f"A{r}"].value, ws[f"B{r}"].value) for r in range(L.DUTIES_FIRST_ROW, L.DUTIES_FIRST_ROW + L.DUTIES_ROWS)]
    assert got == [(i + 1, d) for i, d in enumerate(duties)] + [(None, None)] * (L.DUTIES_ROWS - len(duties))
    assert len(load(out).duties) == 18


def test_more_duties_than_rows_extend_the_named_block(small_dept, tmp_path):
    duties = [f"{i}、负责第{i}项工作。" for i in range(1, 24)]
    docx_path = make_docx(tmp_path / "r.docx", ["一、单位基本情况", "（一）主要职责", *duties])
    out = tmp_path / "out.xlsx"
    result = import_text(docx_path, small_dept, out)
    assert result.duties == 23 and result.duties_range == "基本情况!A14:D36"
    dept = load(out)
    assert [d.raw for d in dept.duties] == [f"负责第{i}项工作。" for i in range(1, 24)]
    assert dept.duties[-1].where.cell == "B36"


def test_text_starting_with_a_formula_sign_stays_text(small_dept, tmp_path):
    form = dataclasses.replace(sample_form(2), project_name="=cmd|' /C calc'!A0", goal_actual="+86 0734")
    docx_path = make_docx(tmp_path / "r.docx", [
        "一、单位基本情况", "（一）主要职责", "=1+1", "（二）人员编制情况", "=HYPERLINK(\"http://x\",\"在职9人\")",
        "四、其他需要说明的情况", "@SUM(A1)", "附件", ("form", form)])
    out = tmp_path / "out.xlsx"
    import_text(docx_path, small_dept, out)
    wb = load_workbook(out)
    for sheet, ref, text in ((L.SHEET_TEXT, TEXT_REFS["text_staffing"], "=HYPERLINK"),
                             (L.SHEET_TEXT, TEXT_REFS["text_other"], "@SUM"),
                             (L.SHEET_BASIC, f"B{L.DUTIES_FIRST_ROW}", "=1+1"),
                             (L.SHEET_PROJECT, "B2", "=cmd"), (L.SHEET_PROJECT, "F10", "+86")):
        cell = wb[sheet][ref]
        assert cell.data_type == "s" and cell.value.startswith(text), (sheet, ref)


def test_the_input_workbook_and_report_are_untouched_with_an_output(seed_docx, small_dept, tmp_path):
    before, before_docx = sha256(small_dept), sha256(seed_docx)
    import_text(seed_docx, small_dept, tmp_path / "out.xlsx")
    assert sha256(small_dept) == before and sha256(seed_docx) == before_docx
    assert no_temp_files(tmp_path)


def test_in_place_when_no_output_is_given(seed_docx, small_dept):
    before = sha256(small_dept)
    result = import_text(seed_docx, small_dept)
    assert result.target == str(small_dept) and sha256(small_dept) != before
    assert load(small_dept).get("text_budget").raw.startswith("2022年年初预算安排收入482.33万元")
    assert no_temp_files(small_dept.parent)


def test_a_bad_report_leaves_no_output_and_no_temp_file(small_dept, tmp_path):
    bad = tmp_path / "报告.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    before = sha256(small_dept)
    out = tmp_path / "out.xlsx"
    with pytest.raises(UnusableDocument, match="报告.docx："):
        import_text(bad, small_dept, out)
    assert not out.exists() and sha256(small_dept) == before and no_temp_files(tmp_path)


def test_a_failure_while_saving_leaves_no_output_and_no_temp_file(seed_docx, small_dept, tmp_path, monkeypatch):
    import openpyxl.workbook.workbook as wbmod

    def broken_save(self, filename):
        Path(filename).write_bytes(b"PK half a workbook")
        raise OSError("disk full")

    monkeypatch.setattr(wbmod.Workbook, "save", broken_save)
    out = tmp_path / "out.xlsx"
    from perfxl.io.files import OutputError

    with pytest.raises(OutputError):  # one sentence naming the output, never a half-written file
        import_text(seed_docx, small_dept, out)
    assert not out.exists() and no_temp_files(tmp_path)
    before = sha256(small_dept)
    with pytest.raises(OutputError):
        import_text(seed_docx, small_dept)  # in place: the original stays whole
    assert sha256(small_dept) == before and no_temp_files(small_dept.parent)


def test_a_workbook_that_is_not_the_template_is_refused(seed_docx, tmp_path):
    plain = tmp_path / "随便.xlsx"
    wb = Workbook()
    wb.active["A1"] = "x"
    wb.save(plain)
    with pytest.raises(UnusableWorkbook, match="^随便.xlsx：缺少工作表“基本情况”“报告正文”"):
        import_text(seed_docx, plain, tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


def test_sections_the_report_lacks_keep_their_cells(small_dept, tmp_path):
    wb = load_workbook(small_dept)
    wb[L.SHEET_TEXT][TEXT_REFS["text_assets"]] = "原有的资产说明。"
    wb[L.SHEET_TEXT][TEXT_REFS["text_procurement"]] = "原有的采购说明。"
    wb.save(small_dept)
    docx_path = make_docx(tmp_path / "r.docx", ["4.政府采购执行情况", "5.资产管理情况", "6.其他需要说明的情况", "无"])
    result = import_text(docx_path, small_dept, tmp_path / "out.xlsx")
    ws = load_workbook(tmp_path / "out.xlsx")
    status = {p.key: p.status for p in result.placements}
    assert status["text_procurement"] == CLEARED and ws[L.SHEET_TEXT][TEXT_REFS["text_procurement"]].value is None
    assert status["text_assets"] == CLEARED
    assert status["text_budget"] == NOT_FOUND and status["text_other"] == WRITTEN
    assert ws[L.SHEET_BASIC][f"B{L.DUTIES_FIRST_ROW}"].value == "负责测试工作。"  # no 主要职责 in the report
    assert result.duties_range == ""


def test_the_seed_report_imports_into_what_the_example_workbook_holds(seed_docx, tmp_path):
    if not SEED.exists():
        pytest.skip("the seed example workbook is not built yet")
    from perfxl.io.template_book import build_workbook

    blank = tmp_path / "blank.xlsx"
    build_workbook().save(blank)
    out = tmp_path / "imported.xlsx"
    import_text(seed_docx, blank, out)
    want, got = load_workbook(SEED), load_workbook(out)

    def text(v):  # indentation and a line broken inside a sentence are layout in Word: compare the words
        return "".join(v.split()) if isinstance(v, str) else v

    for sheet, first_row in ((L.SHEET_TEXT, 1), (L.SHEET_BASIC, L.DUTIES_HEADER_ROW), (L.SHEET_PROJECT, 1)):
        for row in want[sheet].iter_rows(min_row=first_row):
            for cell in row:
                assert text(got[sheet][cell.coordinate].value) == text(cell.value), (sheet, cell.coordinate)


def test_tables_fill_the_project_sheets_in_order_and_add_sheets(small_dept, tmp_path):
    forms = [sample_form(3, "项目甲"), sample_form(4, "项目乙"), sample_form(2, "项目丙")]
    items = ["一、部门基本情况", "在职9人。", "附件"]
    for form in forms:
        items += [form.title, ("form", form)]
    items += [("table", [["项目", "金额"], ["收入", "1"]])]
    result = import_text(make_docx(tmp_path / "r.docx", items), small_dept, tmp_path / "out.xlsx")
    assert [(t.sheet, t.added) for t in result.tables] == [
        ("项目自评表", False), ("项目自评表(2)", True), ("项目自评表(3)", True), ("", False)]
    assert result.tables[3].status.startswith("未处理")
    dept = load(tmp_path / "out.xlsx")
    assert [p.name for p in dept.projects] == ["项目甲", "项目乙", "项目丙"]
    p = dept.projects[1]
    assert p.fields["fund_total_full_year"].raw == 120 and p.fields["fund_total_executed"].raw == 110.5
    assert p.fields["exec_rate"].raw == pytest.approx(0.9208) and p.fields["grade"].raw == "优"
    assert [i.name.raw for i in p.indicators] == [f"指标{k}：培训农户人次" for k in range(1, 5)]


def test_rows_that_do_not_fit_the_template_slots_are_laid_out_in_order(small_dept, tmp_path):
    inds = [IndicatorRow("产出指标(60分)", "数量指标", f"数量{k}", "≥10个", "12个", "15", "15") for k in range(4)]
    inds.append(IndicatorRow("效益指标(30分)", "社会效益指标", "带动就业", "≥20人", "25人", "30", "30"))
    form = dataclasses.replace(sample_form(0), indicators=inds)
    out = tmp_path / "out.xlsx"
    result = import_text(make_docx(tmp_path / "r.docx", [("form", form)]), small_dept, out)
    assert any("逐行排列" in n for n in result.notes)
    p = load(out).projects[0]
    assert [(i.level1, i.level2, i.name.raw, i.name.where.cell) for i in p.indicators] == [
        ("产出指标(60分)", "数量指标", "数量0", "D12"), ("产出指标(60分)", "数量指标", "数量1", "D13"),
        ("产出指标(60分)", "数量指标", "数量2", "D14"), ("产出指标(60分)", "数量指标", "数量3", "D15"),
        ("效益指标(30分)", "社会效益指标", "带动就业", "D16")]
    ws = load_workbook(out)[L.SHEET_PROJECT]
    assert "B12:B15" in {str(m) for m in ws.merged_cells.ranges}


def test_more_rows_than_the_block_grow_it_and_the_workbook_still_fills(small_dept, tmp_path):
    level = [("产出指标(50分)", "数量指标")] * 14 + [("效益指标(30分)", "社会效益指标")] * 8 + \
            [("满意度指标(10分)", "服务对象满意度指标")] * 3
    weights = ["3"] * 14 + ["3.75"] * 8 + ["3"] * 2 + ["4"]
    inds = [IndicatorRow(l1, l2, f"指标{k + 1}", "≥1个", "1个", w, w) for k, ((l1, l2), w) in
            enumerate(zip(level, weights))]
    form = dataclasses.replace(sample_form(0), indicators=inds, total_score="90", grade="优")
    out = tmp_path / "out.xlsx"
    result = import_text(make_docx(tmp_path / "r.docx", [("form", form)]), small_dept, out)
    assert any("插入 7 行" in n for n in result.notes)
    p = load(out).projects[0]
    assert [i.name.raw for i in p.indicators] == [f"指标{k}" for k in range(1, 26)]
    assert p.indicators[-1].name.where.cell == "D36"
    assert p.fields["total_score"].where.cell == "H37" and p.fields["total_score"].raw == 90
    assert p.fields["grade"].where.cell == "H38" and p.fields["grade"].raw == "优"
    ws = load_workbook(out)[L.SHEET_PROJECT]
    assert ws.defined_names[L.INDICATOR_BLOCK_NAME].attr_text == "'项目自评表'!$B$12:$J$36"
    assert [str(dv.sqref) for dv in ws.data_validations.dataValidation] == ["B12:B36", "C12:C36"]
    assert {"A11:A36", "A37:F37", "A38:F38"} <= {str(m) for m in ws.merged_cells.ranges}
    filled = tmp_path / "filled.xlsx"
    perfxl.fill(out, filled)  # the grown sheet is still a template sheet the core can compute
    ws = load_workbook(filled)[L.SHEET_PROJECT]
    assert ws["J36"].value is not None and ws["G37"].value is not None


def test_seed_table_values_land_in_the_template_slots(seed_docx, small_dept, tmp_path):
    out = tmp_path / "out.xlsx"
    import_text(seed_docx, small_dept, out)
    p = load(out).projects[0]
    form = seed_form()
    assert p.fields["fund_total_initial"].raw == "34万元" and p.fields["exec_weight"].raw == 10
    assert p.fields["fund_appropriation_initial"].raw is None  # the small department's 100 is replaced
    assert [i.name.where.cell for i in p.indicators] == [f"D{r}" for r in range(12, 30, 2)]
    assert [str(i.score.raw) for i in p.indicators] == [i.score for i in form.indicators]
    assert p.fields["total_score"].raw == 88
