"""read_report on reports that differ from the seed: numbering, heading styles, unknown headings, empty
sections, inline headings, lists under 改进措施 that name other sections, duties numbered by Word."""
import dataclasses
from pathlib import Path

from perfxl.io.word_model import DEPT_FORM_KIND, FORM_KIND, OTHER_KIND
from perfxl.io.word_read import read_report
from tests.io.word.word_builders import make_docx, sample_form

TITLE = "衡山县测试局2023年度部门整体支出绩效自评报告"


def read(tmp_path: Path, items: list):
    return read_report(make_docx(tmp_path / "r.docx", items))


def test_hunan_numbering_sub_headings_and_late_lists(tmp_path):
    rep = read(tmp_path, [
        TITLE,
        "一、部门基本情况", "（一）部门职能", "1.负责A。", "2.负责B。",
        "（二）机构设置及人员情况", "本局内设3个股室，在职20人。",
        "二、一般公共预算支出情况", "（一）基本支出", "基本支出100万元。", "（二）项目支出", "项目支出50万元。",
        "三、政府采购情况",
        "四、部门整体支出绩效情况", "整体绩效良好。",
        "五、存在的问题及原因", "预算编制不够精细。",
        "六、下一步改进措施", "（一）加强资产管理", "规范资产登记。", "（二）严控“三公”经费", "压减公务接待。",
        "七、部门整体支出绩效自评结果拟应用和公开情况", "按规定公开。",
    ])
    assert rep.unit_name == "衡山县测试局" and rep.year == 2023
    assert rep.duties == ["负责A。", "负责B。"]
    assert rep.sections["text_staffing"] == "本局内设3个股室，在职20人。"
    assert rep.sections["text_final"] == "（一）基本支出\n基本支出100万元。\n（二）项目支出\n项目支出50万元。"
    assert rep.sections["text_procurement"] == ""  # an empty section: found, nothing in it
    assert rep.sections["text_overall"] == "整体绩效良好。"
    assert rep.sections["text_problems"] == "预算编制不够精细。"
    # "（一）加强资产管理" under 改进措施 is a measure, not the 资产管理 section
    assert rep.sections["text_measures"] == "（一）加强资产管理\n规范资产登记。\n（二）严控“三公”经费\n压减公务接待。"
    assert "text_assets" not in rep.sections and "text_sangong" not in rep.sections
    assert rep.sections["text_other"] == "按规定公开。"


def test_word_heading_styles_and_bold_unnumbered_headings(tmp_path):
    rep = read(tmp_path, [
        TITLE, ("h1", "单位基本情况"), ("bold", "人员编制情况"), "在职20人。",
        ("h1", "预算支出及绩效情况"), ("bold", "部门预算情况"), "年初预算100万元。",
        ("bold", "部门决算情况"), "决算支出90万元。", ("h2", "“三公”经费"), "三公经费5万元。",
        ("h1", "存在的问题"), "问题一。", ("h1", "改进措施"), "措施一。",
    ])
    assert rep.sections == {"text_staffing": "在职20人。", "text_budget": "年初预算100万元。",
                            "text_final": "决算支出90万元。", "text_sangong": "三公经费5万元。",
                            "text_problems": "问题一。", "text_measures": "措施一。"}


def test_arabic_numbered_headings_and_inline_heading_text(tmp_path):
    rep = read(tmp_path, [
        TITLE, "1、部门预算情况：2023年年初预算安排收入100万元。", "其中一般公共预算拨款100万元。",
        "2、部门决算情况：决算总支出90万元。", "3、“三公”经费执行情况", "无",
    ])
    assert rep.sections["text_budget"] == "2023年年初预算安排收入100万元。\n其中一般公共预算拨款100万元。"
    assert rep.sections["text_final"] == "决算总支出90万元。"
    assert rep.sections["text_sangong"] == "无"
    assert rep.headings["text_budget"] == ["1、部门预算情况"]


def test_unknown_headings_go_to_other_with_their_heading(tmp_path):
    rep = read(tmp_path, [
        TITLE, "一、部门基本情况", "（一）人员编制情况", "在职20人。",
        "（二）党风廉政建设", "开展廉政教育2次。",
        "二、部门决算情况", "决算支出90万元。", "1.基本支出情况", "基本支出60万元。",
        "三、绩效管理工作亮点", "建立了绩效台账。",
        "四、其他需要说明的情况", "无",
    ])
    other = rep.sections["text_other"]
    assert other == ("（二）党风廉政建设\n开展廉政教育2次。\n三、绩效管理工作亮点\n建立了绩效台账。\n"
                     "四、其他需要说明的情况\n无")  # the real heading is kept once 其他 holds other texts
    assert rep.sections["text_staffing"] == "在职20人。"
    # "1.基本支出情况" is a sub-heading of 部门决算 (same section), kept with its text
    assert rep.sections["text_final"] == "决算支出90万元。\n1.基本支出情况\n基本支出60万元。"


def test_text_under_no_heading_is_the_title_block(tmp_path):
    rep = read(tmp_path, ["附件1", TITLE, "（公章）", "二〇二四年三月", "一、部门基本情况", "在职20人。"])
    assert rep.preamble == ["附件1", TITLE, "（公章）", "二〇二四年三月"]
    assert rep.sections == {"text_staffing": "在职20人。"}


def test_problems_and_measures_without_markers_go_to_problems_with_a_note(tmp_path):
    rep = read(tmp_path, [TITLE, "三、存在的问题及改进措施", "预算编制不精细，下一步将加强学习。"])
    assert rep.sections["text_problems"] == "预算编制不精细，下一步将加强学习。"
    assert rep.sections["text_measures"] == ""
    assert len(rep.notes) == 1 and "问题" in rep.notes[0]


def test_markers_with_text_and_numbered_items_naming_other_sections(tmp_path):
    rep = read(tmp_path, [
        TITLE, "三、存在的主要问题及下一步改进措施", "存在问题：预算执行进度偏慢。", "改进措施：",
        "1、加强资产管理", "2、规范政府采购", "3、严控三公经费支出。",
    ])
    assert rep.sections["text_problems"] == "预算执行进度偏慢。"
    assert rep.sections["text_measures"] == "1、加强资产管理\n2、规范政府采购\n3、严控三公经费支出。"
    assert set(rep.sections) == {"text_problems", "text_measures"}


def test_duties_numbered_by_word_and_duties_in_one_paragraph(tmp_path):
    rep = read(tmp_path, [TITLE, "一、单位基本情况", "（一）主要职责", "本局的主要职责是：",
                          ("list", "负责全县科技工作。"), ("list", "负责工业经济运行。"), "（二）人员编制情况", "在职9人。"])
    assert rep.duties == ["本局的主要职责是：", "负责全县科技工作。", "负责工业经济运行。"]
    rep = read(tmp_path, [TITLE, "（一）主要职责", "（一）负责A；（二）负责B；（三）负责C。", "（二）人员编制情况", "在职9人。"])
    assert rep.duties == ["负责A；", "负责B；", "负责C。"]


def test_a_figure_broken_onto_its_own_line_is_joined(tmp_path):
    rep = read(tmp_path, [TITLE, "5.资产管理情况", "2022年年末资产总额192.76万元，负债232.64万元，净资产",
                          "-39.88万元。截止到2022年12月31日。", "无须说明的事项", "1、不是续行。"])
    assert rep.sections["text_assets"].split("\n") == [
        "2022年年末资产总额192.76万元，负债232.64万元，净资产-39.88万元。截止到2022年12月31日。",
        "无须说明的事项", "1、不是续行。"]


def test_tables_are_listed_with_a_guess_of_what_they_are(tmp_path):
    form = sample_form(5)
    rep = read(tmp_path, [
        TITLE, "一、部门基本情况", "在职20人。",
        ("table", [["项目", "金额（万元）"], ["收入合计", "100"], ["支出合计", "90"]]),
        "二、部门整体支出绩效情况",
        ("table", [["部门名称", "测试局"], ["基本支出", "60"], ["一级指标", "二级指标"], ["产出指标", "数量指标"]]),
        "附件", "2023年度项目支出绩效自评表", ("flat", form),
    ])
    kinds = [(t.index, t.kind, t.section, t.rows, t.cols) for t in rep.tables]
    assert kinds == [(1, OTHER_KIND, "text_staffing", 3, 2), (2, DEPT_FORM_KIND, "text_overall", 4, 2),
                     (3, FORM_KIND, "annex", 16, 8)]
    assert rep.tables[2].caption == "2023年度项目支出绩效自评表"
    # a table's cells are not section text
    assert rep.sections["text_staffing"] == "在职20人。"


def test_a_table_without_merges_in_another_shape_is_read_by_its_labels(tmp_path):
    form = sample_form(9)
    rep = read(tmp_path, [TITLE, "附件", ("flat", form)])
    expected = dataclasses.replace(form, exec_reason="", title="")  # the flat layout has neither
    assert rep.forms == [expected]


def test_a_document_with_only_a_self_evaluation_table_is_usable(tmp_path):
    form = sample_form(2)
    rep = read(tmp_path, [("form", form)])
    assert rep.sections == {} and rep.forms == [dataclasses.replace(form, title="")]


def test_duties_that_name_other_sections_stay_duties(tmp_path):
    rep = read(tmp_path, [
        TITLE, "一、单位基本情况", "（一）主要职责", "1、负责全县政府采购监督管理", "2、负责国有资产管理",
        "3、承办县政府交办的其他事项", "（二）人员编制情况", "在职9人。", "（三）部门预算情况", "年初预算100万元。"])
    assert rep.duties == ["负责全县政府采购监督管理", "负责国有资产管理", "承办县政府交办的其他事项"]
    assert rep.sections == {"text_staffing": "在职9人。", "text_budget": "年初预算100万元。"}
    rep = read(tmp_path, [
        TITLE, "一、单位基本情况", "（一）主要职能", "（一）拟订全县科技发展规划", "（二）负责“三公”经费管理",
        "（三）承办县政府交办的其他事项", "（二）机构设置和人员编制", "在职9人。", "二、部门决算情况", "决算90万元。"])
    assert rep.duties == ["拟订全县科技发展规划", "负责“三公”经费管理", "承办县政府交办的其他事项"]
    assert rep.sections == {"text_staffing": "在职9人。", "text_final": "决算90万元。"}


def test_a_table_of_contents_is_not_read_as_headings(tmp_path):
    rep = read(tmp_path, [TITLE, "目录", ("toc", "一、部门基本情况\t1"), ("toc", "二、部门决算情况\t2"),
                          ("toc", "三、其他需要说明的情况\t3"),
                          "一、部门基本情况", "在职20人。", "二、部门决算情况", "决算90万元。", "三、其他需要说明的情况", "无"])
    assert rep.sections == {"text_staffing": "在职20人。", "text_final": "决算90万元。", "text_other": "无"}
