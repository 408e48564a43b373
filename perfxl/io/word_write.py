"""Word out: write a 部门整体支出绩效自评报告 with an official look from ``ReportContent``.

Page 1: the title (方正小标宋简体 二号, centred), the unit line, an optional warning banner; then the
chapters (一、 黑体 三号; （一） 楷体 三号; body 仿宋_GB2312 三号, 2-character first-line indent,
fixed 28 pt lines) and, after a page break, the 附件 with one 自评表 per project (landscape when a
table needs the width). Page numbers "— 1 —" centred in the footer. Written atomically; an
existing file is replaced only with ``overwrite=True``.
"""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from .files import OutputError, atomic_write, check_output_path
from .word_model import GENERATED, Chapter, ReportContent, Section
from .word_model import FormTable, FundRow, IndicatorRow, standard_content  # noqa: F401  (the public data)

_CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 23 -> 二十三 (up to 99)."""
    tens, ones = divmod(n, 10)
    if n < 10:
        return _CN_DIGITS[n]
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def write_report(content: ReportContent, path: str | os.PathLike, overwrite: bool = False) -> Path:
    """Write ``content`` to ``path`` (.docx); :class:`OutputError` if it exists and ``overwrite`` is
    False, or if it cannot be written."""
    target = Path(path)
    if target.exists() and not overwrite:
        raise OutputError(path, f"{target.name}：文件已存在，未覆盖；如需覆盖请加 --overwrite（Python 中 overwrite=True）。")
    check_output_path(target)
    doc = build_document(content)
    return atomic_write(target, lambda tmp: doc.save(tmp))


def build_document(content: ReportContent):
    """The python-docx Document for ``content`` (not saved)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from . import word_style as S

    doc = docx.Document()
    S.setup_styles(doc)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = content.full_title, "perfxl", "perfxl"
    props.subject, props.keywords, props.comments = str(content.unit_name), "预算绩效自评", ""
    props.category = f"{GENERATED} 部门整体支出绩效自评报告"  # read back by its heading styles alone
    props.created = props.modified = datetime.now().replace(microsecond=0)
    section = doc.sections[0]
    S.page_setup(section)
    S.page_number_footer(section)

    doc.add_paragraph(content.full_title, style=S.STYLE_TITLE)
    if content.unit_name:
        unit = doc.add_paragraph(f"单位名称（盖章）：{content.unit_name}")
        unit.alignment = WD_ALIGN_PARAGRAPH.CENTER
        unit.paragraph_format.first_line_indent = 0
        unit.paragraph_format.space_after = S.LINE
    if content.warning:
        banner = doc.add_paragraph()
        banner.alignment = WD_ALIGN_PARAGRAPH.CENTER
        banner.paragraph_format.first_line_indent = 0
        banner.paragraph_format.space_after = S.LINE
        run = banner.add_run(content.warning)
        run.bold = True
        run.font.color.rgb = docx.shared.RGBColor(0xC0, 0x00, 0x00)
        S.box(banner)
    for i, chapter in enumerate(content.chapters, start=1):
        _chapter(doc, i, chapter)
    for j, form in enumerate(content.forms):
        _form_page(doc, content, form, first=j == 0)
    _tidy_section_breaks(doc)
    return doc


def _form_page(doc, content: ReportContent, form, first: bool) -> None:
    """One 自评表 in its own section: portrait, or landscape when the table needs the width."""
    from docx.enum.section import WD_SECTION

    from . import word_style as S
    from .word_table import add_form_table, needs_landscape

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    S.page_setup(section, landscape=needs_landscape([form], S.usable_width(doc.sections[0])))
    if first:
        label = doc.add_paragraph(content.annex_label, style=S.STYLE_HEADING1)
        label.paragraph_format.first_line_indent = 0
    doc.add_paragraph(form.title or f"{content.year}年度项目支出绩效自评表", style=S.STYLE_CAPTION)
    add_form_table(doc, form, S.usable_width(section))


def _tidy_section_breaks(doc) -> None:
    """python-docx ends a section with an empty paragraph holding its w:sectPr; Word keeps the break in
    the section's last paragraph. Move it there (no empty line that could spill onto a blank page); after
    a table, where a paragraph must stay, make that paragraph 1 pt high."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        ppr = p.pPr
        sect = ppr.find(qn("w:sectPr")) if ppr is not None else None
        if sect is None or p.xpath(".//w:t"):
            continue
        prev = p.getprevious()
        if prev is not None and prev.tag == qn("w:p") and prev.xpath(".//w:t") \
                and (prev.pPr is None or prev.pPr.find(qn("w:sectPr")) is None):
            prev.get_or_add_pPr().append(sect)
            body.remove(p)
            continue
        spacing = ppr.get_or_add_spacing()
        spacing.set(qn("w:line"), "20")
        spacing.set(qn("w:lineRule"), "exact")
        spacing.set(qn("w:before"), "0")
        spacing.set(qn("w:after"), "0")
        rpr = OxmlElement("w:rPr")
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), "2")
        rpr.append(sz)
        ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")


def _chapter(doc, i: int, chapter: Chapter) -> None:
    from .word_style import STYLE_HEADING1, STYLE_HEADING2

    doc.add_paragraph(f"{cn_number(i)}、{chapter.heading}", style=STYLE_HEADING1)
    for text in chapter.paragraphs:
        doc.add_paragraph(text)
    for j, section in enumerate(chapter.sections, start=1):
        doc.add_paragraph(f"（{cn_number(j)}）{section.heading}", style=STYLE_HEADING2)
        _section_body(doc, section)


def _section_body(doc, section: Section) -> None:
    for k, item in enumerate(section.numbered, start=1):
        doc.add_paragraph(f"{k}、{item}")
    for text in section.paragraphs:
        doc.add_paragraph(text)
