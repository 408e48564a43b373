"""The look of an official report (党政机关公文格式, GB/T 9704 practice) as python-docx settings.

Fonts are set for East-Asian text (``w:eastAsia``: what Word uses for Chinese characters) and
declared with a fallback in the font table (``w:altName``): 仿宋_GB2312 → 仿宋, 方正小标宋简体 → 黑体,
楷体_GB2312 → 楷体, so a machine without the GB2312 fonts still shows the right family.
"""
from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

TITLE_FONT, TITLE_FALLBACK = "方正小标宋简体", "黑体"
BODY_FONT, BODY_FALLBACK = "仿宋_GB2312", "仿宋"
HEADING1_FONT = "黑体"
HEADING2_FONT, HEADING2_FALLBACK = "楷体_GB2312", "楷体"
TABLE_FONT = "仿宋"
LATIN_FONT = "Times New Roman"
PAGE_NUMBER_FONT = "宋体"
FALLBACKS = {TITLE_FONT: TITLE_FALLBACK, BODY_FONT: BODY_FALLBACK, HEADING2_FONT: HEADING2_FALLBACK}

SIZE_TITLE = Pt(22)  # 二号
SIZE_CAPTION = Pt(18)  # 小二
SIZE_BODY = Pt(16)  # 三号
SIZE_PAGE_NUMBER = Pt(14)  # 四号
SIZE_TABLE = Pt(10.5)  # 五号
LINE = Pt(28)  # fixed line spacing of the body
TABLE_LINE = Pt(14)  # fixed line spacing in tables: rows as high on every machine, whatever the font
INDENT_CHARS = 2

A4 = (Cm(21.0), Cm(29.7))
MARGINS = {"top": Cm(3.7), "bottom": Cm(3.5), "left": Cm(2.8), "right": Cm(2.6)}
LANDSCAPE_MARGINS = {"top": Cm(2.2), "bottom": Cm(2.0), "left": Cm(2.6), "right": Cm(2.6)}
FOOTER_DISTANCE = Cm(2.5)

STYLE_TITLE = "报告标题"
STYLE_CAPTION = "表格标题"
STYLE_TABLE = "表格文字"
STYLE_HEADING1, STYLE_HEADING2 = "Heading 1", "Heading 2"


def set_fonts(element_owner, east_asia: str, latin: str | None = None) -> None:
    """Set the East-Asian and Latin fonts of a style or run, dropping theme fonts that would win."""
    el = element_owner._r if hasattr(element_owner, "_r") else element_owner.element
    fonts = el.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    latin = latin or east_asia
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def _indent_chars(pf_owner, chars: int, size: Pt) -> None:
    """First-line indent of ``chars`` characters (w:firstLineChars, with the twips as fallback)."""
    ind = pf_owner.element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(int(size.pt * chars * 20)))


def _paragraph(style, *, font: str, size, latin: str | None = LATIN_FONT, bold: bool = False,
               align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True, line=LINE, after=Pt(0), before=Pt(0)):
    set_fonts(style, font, latin)
    style.font.size = size
    style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    pf = style.paragraph_format
    pf.alignment = align
    pf.space_before, pf.space_after = before, after
    if line is None:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = line
    if indent:
        _indent_chars(style, INDENT_CHARS, size)
    else:
        pf.first_line_indent = Pt(0)
        style.element.get_or_add_pPr().find(qn("w:ind")).set(qn("w:firstLineChars"), "0")
    pf.widow_control = False


def setup_styles(doc) -> None:
    styles = doc.styles
    _defaults(doc)
    _paragraph(styles["Normal"], font=BODY_FONT, size=SIZE_BODY)
    for name, font, level in ((STYLE_HEADING1, HEADING1_FONT, 0), (STYLE_HEADING2, HEADING2_FONT, 1)):
        st = styles[name]
        _paragraph(st, font=font, size=SIZE_BODY, latin=font)
        st.paragraph_format.keep_with_next = True
        st.font.italic = False
    title = styles.add_style(STYLE_TITLE, WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = styles["Normal"]
    _paragraph(title, font=TITLE_FONT, size=SIZE_TITLE, latin=TITLE_FONT, align=WD_ALIGN_PARAGRAPH.CENTER,
               indent=False, line=Pt(36))
    caption = styles.add_style(STYLE_CAPTION, WD_STYLE_TYPE.PARAGRAPH)
    caption.base_style = styles["Normal"]
    _paragraph(caption, font=TITLE_FONT, size=SIZE_CAPTION, latin=TITLE_FONT, align=WD_ALIGN_PARAGRAPH.CENTER,
               indent=False, line=Pt(32), after=Pt(10))
    caption.paragraph_format.keep_with_next = True
    ensure_table_style(doc)
    _font_table(doc)


def ensure_table_style(doc) -> None:
    """The paragraph style of table cells: 仿宋 五号, centred, no indent, fixed 14 pt lines."""
    styles = doc.styles
    if any(st.name == STYLE_TABLE for st in styles):
        return
    table = styles.add_style(STYLE_TABLE, WD_STYLE_TYPE.PARAGRAPH)
    table.base_style = styles["Normal"]
    _paragraph(table, font=TABLE_FONT, size=SIZE_TABLE, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
               line=TABLE_LINE)


def _defaults(doc) -> None:
    """docDefaults: no theme fonts, Chinese language (CJK line breaking and punctuation)."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), BODY_FONT)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _font_table(doc) -> None:
    """Declare the Chinese fonts with their fallbacks (w:altName) in word/fontTable.xml."""
    from lxml import etree

    part = next((p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    for name in (TITLE_FONT, BODY_FONT, HEADING1_FONT, HEADING2_FONT, TABLE_FONT, PAGE_NUMBER_FONT,
                 HEADING2_FALLBACK, TITLE_FALLBACK):
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        if name in FALLBACKS:
            etree.SubElement(font, qn("w:altName")).set(qn("w:val"), FALLBACKS[name])
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")  # GB2312
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), "modern")
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "fixed")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def page_setup(section, landscape: bool = False) -> None:
    width, height = A4
    margins = LANDSCAPE_MARGINS if landscape else MARGINS
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin, section.bottom_margin = margins["top"], margins["bottom"]
    section.left_margin, section.right_margin = margins["left"], margins["right"]
    section.footer_distance = FOOTER_DISTANCE if not landscape else Cm(1.0)
    section.header_distance = Cm(1.5)


def usable_width(section) -> int:
    return section.page_width - section.left_margin - section.right_margin


def page_number_footer(section) -> None:
    """"— 1 —" centred in the footer, the number a PAGE field."""
    footer = section.footer
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Pt(0)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE

    def run(text: str = ""):
        r = p.add_run(text)
        set_fonts(r, PAGE_NUMBER_FONT, LATIN_FONT)
        r.font.size = SIZE_PAGE_NUMBER
        return r

    run("— ")
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, None), ("end", None)):
        r = run("1" if kind is None and instr is None else "")
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            r._r.append(fld)
        elif instr:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = instr
            r._r.append(it)
    run(" —")


_AFTER_TC_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
                 "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")
_AFTER_P_BDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _shd(fill: str):
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    return shd


def shade(cell, fill: str = "E7E6E6") -> None:
    """A cell's background (w:shd, in its schema place among the cell's properties)."""
    cell._tc.get_or_add_tcPr().insert_element_before(_shd(fill), *_AFTER_TC_SHD)


def box(paragraph, color: str = "C00000", fill: str = "FFF2CC") -> None:
    """A border box with a light fill around one paragraph (the warning banner)."""
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "12")
        el.set(qn("w:space"), "4")
        el.set(qn("w:color"), color)
        bdr.append(el)
    ppr.insert_element_before(bdr, *_AFTER_P_BDR)
    ppr.insert_element_before(_shd(fill), *_AFTER_P_BDR[1:])
