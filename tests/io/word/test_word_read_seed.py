"""read_report on the seed report built as a .docx: every section, the duties, the title block and the
自评表, whether headings are plain lines (as published), Word heading styles or bold runs."""
import pytest

from perfxl.io.word_model import FORM_KIND, SECTION_KEYS
from perfxl.io.word_read import read_report
from tests.io.word.word_builders import UNIT, build_seed_docx, seed_form, seed_texts


@pytest.fixture(scope="module", params=["plain", "styles", "bold"])
def seed_report(request, tmp_path_factory):
    path = build_seed_docx(tmp_path_factory.mktemp("seed") / f"seed-{request.param}.docx", request.param)
    return read_report(path)


def test_every_section_gets_its_text(seed_report):
    texts, _duties = seed_texts()
    assert set(seed_report.sections) == set(SECTION_KEYS)
    for key in SECTION_KEYS:
        assert seed_report.sections[key] == texts[key], key


def test_problems_and_measures_are_split_on_their_markers(seed_report):
    assert seed_report.sections["text_problems"].startswith("1、会计核算还不够细致")
    assert seed_report.sections["text_problems"].count("\n") == 1
    assert seed_report.sections["text_measures"].startswith("1、努力学习")
    assert seed_report.sections["text_measures"].count("\n") == 3
    assert "问题：" not in seed_report.sections["text_problems"] + seed_report.sections["text_measures"]
    assert not seed_report.notes


def test_duties_are_returned_separately_without_their_numbers(seed_report):
    _texts, duties = seed_texts()
    assert seed_report.duties == duties
    assert len(seed_report.duties) == 18
    assert seed_report.duties[-1] == "承办县委、县政府交办的其他任务。"


def test_the_title_block_goes_nowhere_but_names_the_report(seed_report):
    assert seed_report.title == "2022年度部门整体支出绩效自评报告"
    assert seed_report.unit_name == UNIT
    assert seed_report.year == 2022
    assert seed_report.preamble[0] == "附件"  # the report is itself an attachment: not the annex
    assert all("附件" not in text for text in seed_report.sections.values())


def test_a_heading_broken_over_two_lines_is_not_text(seed_report):
    assert seed_report.sections["text_projects"] == "无"
    assert seed_report.headings["text_projects"] == ["2.项目绩效目标完成情况(仅对50万元以上的项目资"]


def test_the_self_evaluation_table_is_listed_and_parsed(seed_report):
    assert len(seed_report.tables) == 1
    table = seed_report.tables[0]
    assert (table.index, table.rows, table.cols, table.kind, table.section) == (1, 29, 9, FORM_KIND, "annex")
    assert table.caption == "2022年度预算支出绩效自评表"
    assert seed_report.forms == [seed_form()]


def test_the_parsed_table_has_the_published_figures(seed_report):
    form = seed_report.forms[0]
    assert form.project_name == "项目支出专项资金"
    assert (form.funds["total"].initial, form.funds["total"].full_year, form.funds["total"].executed) == \
        ("34万元", "34万元", "")
    assert form.funds["other"].full_year == "34万元" and form.funds["appropriation"].initial == ""
    assert (form.exec_weight, form.exec_rate, form.exec_score) == ("10", "", "")
    assert [i.score for i in form.indicators] == ["12", "12", "14", "12", "7", "7", "6", "8", "10"]
    assert all(i.weight == "" for i in form.indicators)  # as published: 分值 blank, 得分 typed
    assert form.indicators[0].level1 == "产出\n指标\n(50分)" and form.indicators[4].level2 == "经济效\n益指标"
    assert (form.total_weight, form.total_score, form.grade) == ("100", "88", "")
