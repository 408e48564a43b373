"""write_report: the official look, read back with python-docx (fonts incl. eastAsia, sizes, page size
and margins, page-number field, the 自评表's merges), written atomically and never over a file by accident."""
import zipfile

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from perfxl.io.files import OutputError
from perfxl.io.word_model import ReportContent, standard_content
from perfxl.io.word_table import min_width_cm
from perfxl.io.word_write import cn_number, write_report
from tests.io.word.word_builders import UNIT, sample_form, seed_content, seed_form

WARNING = "本报告由存在 3 项错误的工作簿生成，数据未经核实"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    path = write_report(seed_content(WARNING), tmp_path_factory.mktemp("w") / "报告.docx")
    return path, docx.Document(str(path))


def fonts(style) -> dict:
    el = style.element.rPr.rFonts
    return {k.split("}")[1]: v for k, v in el.attrib.items()}


def close(a, b, tol=Cm(0.01)) -> bool:
    return abs(int(a) - int(b)) <= tol


def test_page_is_a4_portrait_with_official_margins_then_a_landscape_annex(written):
    _path, doc = written
    body, annex = doc.sections
    assert body.orientation == WD_ORIENT.PORTRAIT
    assert close(body.page_width, Cm(21)) and close(body.page_height, Cm(29.7))
    assert [close(getattr(body, f"{s}_margin"), Cm(v)) for s, v in
            (("top", 3.7), ("bottom", 3.5), ("left", 2.8), ("right", 2.6))] == [True] * 4
    assert annex.orientation == WD_ORIENT.LANDSCAPE
    assert close(annex.page_width, Cm(29.7)) and close(annex.page_height, Cm(21))
    assert annex.footer.is_linked_to_previous  # page numbers run on into the annex


def test_fonts_sizes_and_spacing_of_the_styles(written):
    _path, doc = written
    normal = doc.styles["Normal"]
    assert fonts(normal)["eastAsia"] == "仿宋_GB2312" and normal.font.size == Pt(16)
    assert not any(k.endswith("Theme") or k == "cstheme" for k in fonts(normal))
    pf = normal.paragraph_format
    assert pf.line_spacing_rule == WD_LINE_SPACING.EXACTLY and Pt(28) <= pf.line_spacing <= Pt(29)
    ind = normal.element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200" and ind.get(qn("w:firstLine")) == "640"
    h1, h2 = doc.styles["Heading 1"], doc.styles["Heading 2"]
    assert fonts(h1)["eastAsia"] == "黑体" and h1.font.size == Pt(16) and h1.font.bold is False
    assert fonts(h2)["eastAsia"] == "楷体_GB2312" and h2.font.size == Pt(16)
    assert h1.font.color.rgb == docx.shared.RGBColor(0, 0, 0)  # not the template's blue
    title = doc.styles["报告标题"]
    assert fonts(title)["eastAsia"] == "方正小标宋简体" and title.font.size == Pt(22)
    assert title.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    table = doc.styles["表格文字"]
    assert fonts(table)["eastAsia"] == "仿宋" and table.font.size == Pt(10.5)
    assert table.element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "0"
    lang = doc.styles.element.find(qn("w:docDefaults")).find(f".//{qn('w:lang')}")
    assert lang.get(qn("w:eastAsia")) == "zh-CN"


def test_fallback_fonts_are_declared_in_the_font_table(written):
    path, _doc = written
    xml = zipfile.ZipFile(path).read("word/fontTable.xml").decode()
    for name, alt in (("仿宋_GB2312", "仿宋"), ("方正小标宋简体", "黑体"), ("楷体_GB2312", "楷体")):
        assert f'w:name="{name}"><w:altName w:val="{alt}"/>' in xml


def test_title_unit_banner_and_chapter_headings(written):
    _path, doc = written
    paras = [p for p in doc.paragraphs if p.text.strip()]
    assert paras[0].text == "2022年度部门整体支出绩效自评报告" and paras[0].style.name == "报告标题"
    assert paras[1].text == f"单位名称（盖章）：{UNIT}"
    banner = paras[2]
    assert banner.text == WARNING and banner.runs[0].bold
    assert banner._p.pPr.find(qn("w:pBdr")) is not None
    heads = [(p.style.name, p.text) for p in paras if p.style.name.startswith("Heading")]
    assert heads[:3] == [("Heading 1", "一、单位基本情况"), ("Heading 2", "（一）主要职责"), ("Heading 2", "（二）人员编制情况")]
    assert ("Heading 1", "三、存在的主要问题及下一步改进措施") in heads and ("Heading 1", "附件") in heads
    assert ("Heading 2", "（三）“三公”经费执行情况") in heads
    duties = [p.text for p in paras if p.text.startswith("18、")]
    assert duties == ["18、承办县委、县政府交办的其他任务。"]


def test_page_number_field_in_the_footer(written):
    _path, doc = written
    footer = doc.sections[0].footer.paragraphs[0]
    xml = footer._p.xml
    assert footer.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert footer.text.startswith("— ") and footer.text.endswith(" —")
    assert 'w:fldCharType="begin"' in xml and "PAGE" in xml and 'w:fldCharType="end"' in xml


def test_the_form_table_is_merged_like_the_official_one(written):
    _path, doc = written
    (table,) = doc.tables
    rows = table._tbl.tr_lst
    assert len(rows) == 2 + 5 + 2 + 1 + 9 + 2
    tcs = [tr.tc_lst for tr in rows]

    def span(r, i):
        return tcs[r][i].grid_span

    def vmerge(r, i):
        return tcs[r][i].vMerge

    assert [span(0, 0), span(0, 1)] == [1, 8]  # 项目名称 | value over 8 columns
    assert [span(1, i) for i in range(4)] == [1, 3, 1, 4]  # 主管部门 | … | 实施单位 | …
    assert [vmerge(r, 0) for r in range(2, 7)] == ["restart"] + ["continue"] * 4  # 项目资金（万元）
    assert [vmerge(r, 0) for r in (7, 8)] == ["restart", "continue"]  # 年度总体目标
    assert [vmerge(r, 0) for r in range(9, 19)] == ["restart"] + ["continue"] * 9  # 绩效指标
    assert [vmerge(r, 1) for r in range(10, 19)] == ["restart", "continue", "continue", "continue",
                                                     "restart", "continue", "continue", "continue", None]
    assert span(19, 0) == 6 and span(20, 0) == 6  # 总分 / 等级 labels
    header = table.cell(2, 3)
    assert header.text == "年初预算数" and header.paragraphs[0].runs[0].bold
    assert header._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "E7E6E6"
    assert table.cell(3, 3).paragraphs[0].style.name == "表格文字"
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)


def test_the_nine_columns_need_a_landscape_page():
    assert min_width_cm(seed_form()) > 15.6  # A4 portrait with official margins


def test_several_forms_each_start_a_page_and_the_annex_is_labelled_once(tmp_path):
    content = seed_content()
    content.forms = [sample_form(3, "项目甲"), sample_form(30, "项目乙")]
    doc = docx.Document(str(write_report(content, tmp_path / "r.docx")))
    assert len(doc.sections) == 3 and len(doc.tables) == 2
    assert [p.text for p in doc.paragraphs].count("附件") == 1
    assert len(doc.tables[1].rows) == 2 + 5 + 1 + 2 + 1 + 30 + 2  # with its 执行偏差原因 row


def test_no_annex_without_forms_and_default_title(tmp_path):
    content = standard_content(2023, "测试局", {"text_staffing": "在职9人。"}, ["负责测试。"])
    doc = docx.Document(str(write_report(content, tmp_path / "r.docx")))
    assert len(doc.sections) == 1 and not doc.tables
    assert doc.paragraphs[0].text == "2023年度部门整体支出绩效自评报告"


def test_never_over_an_existing_file_unless_asked(tmp_path):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"keep me")
    with pytest.raises(OutputError, match="报告.docx：文件已存在"):
        write_report(ReportContent(2022, "测试局"), target)
    assert target.read_bytes() == b"keep me"
    write_report(ReportContent(2022, "测试局"), target, overwrite=True)
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]  # no temporary file left


def test_a_failed_write_leaves_nothing(tmp_path, monkeypatch):
    def broken(self, path):
        open(path, "wb").write(b"half")
        raise OSError("disk full")

    from perfxl.io.files import OutputError

    monkeypatch.setattr(docx.document.Document, "save", broken)
    with pytest.raises(OutputError):
        write_report(seed_content(), tmp_path / "报告.docx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("n,text", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三")])
def test_chinese_numbers(n, text):
    assert cn_number(n) == text
