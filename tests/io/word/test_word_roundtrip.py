"""read_report(write_report(content)) gives back every section, the duties and every table's values, so a
generated report can be read and checked again; and it imports into a workbook like the original text."""
import dataclasses

from perfxl.io.extract import load
from perfxl.io.word_import import import_text
from perfxl.io.word_model import SECTION_KEYS, IndicatorRow, standard_content
from perfxl.io.word_read import read_report
from perfxl.io.word_write import write_report
from tests.io.word.word_builders import UNIT, sample_form, seed_content, seed_form, seed_texts

# paragraphs that look like headings, list items, formulas or a broken figure: still plain text
TRICKY = {
    "text_staffing": "（一）机构设置\n本局内设9个股室。\n二、人员情况\n在职31人。",
    "text_budget": "=SUM(A1:A3)\n1.部门预算情况：年初预算482.33万元。",
    "text_final": "决算支出4601万元，净资产\n-39.88万元。",
    "text_sangong": "",
    "text_procurement": "附件：政府采购明细",
    "text_assets": "无",
    "text_overall": "问题：无\n措施：无",
    "text_projects": "1、项目甲：执行率92.08%。\n2、项目乙：执行率100%。",
    "text_problems": "（三）加强资产管理",
    "text_measures": "下一步改进措施\n1、严控三公经费。",
    "text_other": "四、其他需要说明的情况\n无",
}


def test_the_seed_round_trip(tmp_path):
    content = seed_content("本报告由存在 3 项错误的工作簿生成，数据未经核实")
    rep = read_report(write_report(content, tmp_path / "r.docx"))
    texts, duties = seed_texts()
    assert rep.sections == texts
    assert rep.duties == duties
    assert rep.forms == [seed_form()]
    assert (rep.title, rep.unit_name, rep.year) == ("2022年度部门整体支出绩效自评报告", UNIT, 2022)
    assert rep.notes == []


def test_text_that_looks_like_headings_comes_back_unchanged(tmp_path):
    duties = ["负责A；（二）负责B。", "1、负责C。\n（附）负责D。", "=1+1"]
    content = standard_content("2023", "测试局", TRICKY, duties)
    rep = read_report(write_report(content, tmp_path / "r.docx"))
    assert rep.sections == {k: TRICKY[k] for k in SECTION_KEYS}
    assert rep.duties == duties


def test_forms_with_many_rows_and_every_field_come_back(tmp_path):
    big = sample_form(30, "项目乙")
    big.indicators[3] = IndicatorRow("产出指标(50分)", "时效指标", "按期完成率", "=100%", "100%", "5", "4.5",
                                     "第四季度资金到位晚，\n下一步提前拨付。")
    odd = dataclasses.replace(sample_form(1, "项目丙"), goal_expected="目标一。\n目标二。", grade="", implementer="",
                              indicators=[IndicatorRow("", "", "未分级的指标", "≥1", "1", "10", "10", "")])
    content = seed_content()
    content.forms = [sample_form(3, "项目甲"), big, odd]
    rep = read_report(write_report(content, tmp_path / "r.docx"))
    assert rep.forms == content.forms


def test_a_generated_report_imports_into_the_workbook_it_came_from(tmp_path, small_dept):
    content = seed_content()
    path = write_report(content, tmp_path / "r.docx")
    out = tmp_path / "again.xlsx"
    import_text(path, small_dept, out)
    dept = load(out)
    texts, duties = seed_texts()
    for key in SECTION_KEYS:
        assert dept.get(key).raw == texts[key], key
    assert [d.raw for d in dept.duties] == duties
    assert dept.projects[0].fields["total_score"].raw == 88
