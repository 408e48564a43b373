"""The reader copes with what users do in Excel: insert rows in the indicator block and the 职责
list, merge 一级/二级 labels, copy the project sheet (with or without its sheet-scoped names)."""
from openpyxl import load_workbook
from openpyxl.workbook.defined_name import DefinedName

import perfxl
from perfxl.io.protocol import parse_name_target, split_range
from perfxl.template import layout as L


def insert_rows_like_excel(wb, sheet, at, n):
    """Insert ``n`` rows before row ``at`` and move names and merged ranges the way Excel does."""
    ws = wb[sheet]
    merged = [split_range(str(r)) for r in ws.merged_cells.ranges]
    for r in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(r))
    ws.insert_rows(at, n)

    def shift(row):
        return row + n if row >= at else row

    for r1, c1, r2, c2 in merged:
        ws.merge_cells(start_row=shift(r1), start_column=c1, end_row=shift(r2), end_column=c2)  # a merge spanning the insertion grows
    scopes = [(None, wb.defined_names)] + [(w.title, w.defined_names) for w in wb.worksheets]
    for _scope, names in scopes:
        for name, dn in list(names.items()):
            target = parse_name_target(dn.attr_text)
            if not target or target[0] != sheet:
                continue
            r1, c1, r2, c2 = split_range(target[1])
            nr1 = shift(r1)
            nr2 = r2 + n if r2 >= at else r2  # a range spanning the insertion point grows
            ref = f"${chr(64 + c1)}${nr1}" + (f":${chr(64 + c2)}${nr2}" if (r1, c1) != (r2, c2) else "")
            names[name] = DefinedName(name, attr_text=f"'{sheet}'!{ref}")


def test_rows_inserted_inside_the_indicator_block_are_read(small_dept, tmp_path):
    wb = load_workbook(small_dept)
    insert_rows_like_excel(wb, L.SHEET_PROJECT, 13, 2)  # inside 数量指标's pair
    ws = wb[L.SHEET_PROJECT]
    ws["D13"], ws["E13"], ws["F13"], ws["G13"], ws["H13"] = "培训场次", "≥10场", "12场", 0, 0
    path = tmp_path / "inserted.xlsx"
    wb.save(path)
    dept = perfxl.load(path)
    proj = dept.projects[0]
    names = [i.name.raw for i in proj.indicators if not i.is_empty]
    assert names == ["培训人次", "培训场次", "验收合格率", "群众知晓度提升", "服务对象满意度"]
    extra = next(i for i in proj.indicators if i.name.raw == "培训场次")
    assert extra.level1 == "产出指标(50分)" and extra.level2 == "数量指标" and extra.name.where.cell == "D13"
    assert proj.fields["total_score"].where.cell == "H32"  # 总分 moved down with the rows
    assert len(proj.indicators) == 5  # spare rows are not indicators


def test_fill_writes_to_the_moved_cells(small_dept, tmp_path):
    wb = load_workbook(small_dept)
    insert_rows_like_excel(wb, L.SHEET_PROJECT, 13, 1)
    path, out = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
    wb.save(path)
    perfxl.fill(path, out)
    ws = load_workbook(out)[L.SHEET_PROJECT]
    assert ws["H31"].value == 100 and ws["H32"].value == "优" and ws["H30"].value is None


def test_rows_inserted_in_the_duties_list(small_dept, tmp_path):
    wb = load_workbook(small_dept)
    insert_rows_like_excel(wb, L.SHEET_BASIC, 20, 3)
    wb[L.SHEET_BASIC]["B21"] = "新增职责。"
    path = tmp_path / "duties.xlsx"
    wb.save(path)
    dept = perfxl.load(path)
    assert [d.raw for d in dept.duties] == ["负责测试工作。", "新增职责。"]
    assert dept.duties[1].where.cell == "B21"


def test_typed_level1_labels_without_merge_carry_down(small_dept, tmp_path):
    wb = load_workbook(small_dept)
    ws = wb[L.SHEET_PROJECT]
    for r in list(ws.merged_cells.ranges):
        if r.min_col in (2, 3) and r.min_row >= L.INDICATOR_FIRST_ROW:
            ws.unmerge_cells(str(r))
    ws["B14"] = "产出指标(50分)"  # typed again on a later row: same group
    path = tmp_path / "unmerged.xlsx"
    wb.save(path)
    proj = perfxl.load(path).projects[0]
    row14 = next(i for i in proj.indicators if i.name.where.cell == "D14")
    assert row14.level1 == "产出指标(50分)" and row14.level2 == "质量指标"


def test_a_sheet_copied_in_excel_keeps_its_local_names_and_is_found(small_dept, tmp_path):
    wb = load_workbook(small_dept)
    src = wb[L.SHEET_PROJECT]
    copy = wb.copy_worksheet(src)
    copy.title = "项目自评表 (2)"
    for name, dn in src.defined_names.items():  # Excel copies sheet-scoped names with the sheet
        copy.defined_names[name] = DefinedName(name, attr_text=dn.attr_text.replace("'项目自评表'", "'项目自评表 (2)'"))
    copy["B2"] = "复制的项目"
    path = tmp_path / "copied.xlsx"
    wb.save(path)
    dept = perfxl.load(path)
    assert [p.sheet for p in dept.projects] == ["项目自评表", "项目自评表 (2)"]
    assert dept.projects[1].name == "复制的项目"
    assert dept.projects[1].fields["exec_rate"].where.sheet == "项目自评表 (2)"


def test_a_copy_without_names_is_found_by_its_title(small_dept, tmp_path):
    wb = load_workbook(small_dept)
    copy = wb.copy_worksheet(wb[L.SHEET_PROJECT])
    copy.title = "另一个项目"
    path = tmp_path / "nonames.xlsx"
    wb.save(path)
    dept = perfxl.load(path)
    assert [p.sheet for p in dept.projects] == ["项目自评表", "另一个项目"]
    assert dept.projects[1].fields["total_score"].where.cell == "H30"
    assert sum(1 for i in dept.projects[1].indicators if not i.is_empty) == 4


def test_add_project_appends_a_sheet_the_reader_finds(small_dept):
    name = perfxl.add_project(small_dept)
    assert name == "项目自评表(2)"
    dept = perfxl.load(small_dept)
    assert [p.sheet for p in dept.projects] == ["项目自评表", "项目自评表(2)"]
    wb = load_workbook(small_dept)
    assert wb.sheetnames.index("项目自评表(2)") == wb.sheetnames.index("项目自评表") + 1
    assert wb["项目自评表(2)"]["B3"].value == "衡山县测试局"


def test_add_project_with_a_name_keeps_its_names_pointing_at_it(small_dept):
    assert perfxl.add_project(small_dept, title="道路养护") == "道路养护"
    wb = load_workbook(small_dept)
    assert wb["道路养护"].defined_names["执行率"].attr_text == "'道路养护'!$H$5"
    assert [p.sheet for p in perfxl.load(small_dept).projects] == ["项目自评表", "道路养护"]
