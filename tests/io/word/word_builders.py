"""Build Word reports for the tests from the seed's text (seed_report.txt, a copy of
shared/seed/000_08dc60a1797c69cf.txt): the report as paragraphs, its 自评表 as a real Word table
with the published table's merges. Nothing binary is committed; every .docx is built here."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Pt

from perfxl.io.word_model import FormTable, FundRow, IndicatorRow, standard_content

HERE = Path(__file__).resolve().parent
SEED_TXT = HERE / "seed_report.txt"
TABLE_CAPTION = "2022年度预算支出绩效自评表"
UNIT = "衡山县科技和工业信息化局"

# the seed's headings (as printed) and their level: 1 一、, 2 （一）, 3 1.
SEED_HEADINGS = {
    "一、单位基本情况": 1, "（一）部门主要职责": 2, "（二）人员编制情况": 2, "预算支出及绩效情况": 1,
    "部门预决算情况": 2, "1.部门预算情况": 3, "2.部门决算情况（含年中预算追加情况）": 3, "3.“三公”经费执行情况": 3,
    "4.政府采购执行情况": 3, "5.资产管理情况": 3, "资金使用及绩效情况": 2, "整体绩效目标完成情况": 3,
    "2.项目绩效目标完成情况(仅对50万元以上的项目资": 3, "三、存在的主要问题及下一步改进措施": 1,
    "四、其他需要说明的情况": 1, "附件2:": 1,
}


def seed_text_lines() -> list[str]:
    """The report's lines before the table (stripped, blank lines kept out)."""
    text = SEED_TXT.read_text(encoding="utf-8")
    body = text.split(TABLE_CAPTION)[0]
    return [line.strip() for line in body.splitlines() if line.strip()]


def seed_table_rows() -> list[list[str]]:
    """The table's rows: a cell starts with a tab, a continuation line joins with "\\n", a blank line ends a row."""
    text = SEED_TXT.read_text(encoding="utf-8").split(TABLE_CAPTION)[1]
    rows, row, cell = [], [], None
    for line in text.splitlines()[1:]:
        if line.startswith("\t"):
            if cell is not None:
                row.append(cell)
            cell = line[1:].strip()
        elif line.strip() == "":
            if cell is not None:
                row.append(cell)
            if row:
                rows.append(row)
            row, cell = [], None
        else:
            cell = (cell + "\n" if cell else "") + line.strip()
    if cell is not None:
        row.append(cell)
    if row:
        rows.append(row)
    return rows


def _spans(cells: list[str]) -> list[tuple[int, int]]:
    n = len(cells)
    if n == 2:
        return [(0, 0), (1, 8)]
    if n == 4:
        return [(0, 0), (1, 3), (4, 4), (5, 8)]
    if n == 8:
        return [(0, 0), (1, 2)] + [(c, c) for c in range(3, 9)]
    if n == 3 and cells[0].replace(" ", "") == "总分":
        return [(0, 5), (6, 6), (7, 8)]
    if n == 3:
        return [(0, 0), (1, 4), (5, 8)]
    return [(c, c) for c in range(9)]


def add_seed_table(doc, rows: list[list[str]] | None = None):
    """The seed's 自评表 as a 9-column Word table; an empty cell under a label (columns 绩效指标, 一级, 二级)
    continues that label's vertical merge, as in the published table."""
    rows = rows or seed_table_rows()
    table = doc.add_table(rows=len(rows), cols=9)
    table.style = "Table Grid"
    starts: dict[tuple[int, int], int] = {}  # (row, first col) -> row where its vertical merge starts
    for r, cells in enumerate(rows):
        for (c1, c2), text in zip(_spans(cells), cells):
            if r and text == "" and c1 == c2 and c1 <= 2 and len(cells) in (3, 8, 9) and (r - 1, c1) in starts:
                starts[(r, c1)] = starts[(r - 1, c1)]
                continue
            starts[(r, c1)] = r
            cell = table.cell(r, c1)
            if c2 > c1:
                cell = cell.merge(table.cell(r, c2))
            cell.text = text
    ends: dict[tuple[int, int], int] = {}
    for (r, c), s in starts.items():
        if s != r:
            ends[(s, c)] = max(ends.get((s, c), r), r)
    for (s, c), e in ends.items():
        table.cell(s, c).merge(table.cell(e, c))
    return table


def build_seed_docx(path: Path, style: str = "plain", lines: list[str] | None = None, table: bool = True) -> Path:
    """The seed report as a .docx. style: "plain" (headings are plain lines, as published),
    "styles" (Heading 1/2/3), "bold" (bold runs)."""
    doc = docx.Document()
    for line in lines if lines is not None else seed_text_lines():
        level = SEED_HEADINGS.get(line)
        if level and style == "styles":
            doc.add_heading(line, level)
            continue
        p = doc.add_paragraph()
        run = p.add_run(line)
        if level and style == "bold":
            run.bold = True
        run.font.size = Pt(16)
    if table:
        doc.add_paragraph(TABLE_CAPTION)
        add_seed_table(doc)
    doc.save(str(path))
    return path


def seed_form() -> FormTable:
    """The seed's 自评表 as published (分值 blank, 得分 typed; 总分 100 / 88)."""
    inds = [("产出\n指标\n(50分)", "数量指标", "无", "34万元", "34万元", "12"),
            ("产出\n指标\n(50分)", "质量指标", "重点工作任务完成", "完成", "完成", "12"),
            ("产出\n指标\n(50分)", "时效指标", "无", "", "", "14"),
            ("产出\n指标\n(50分)", "成本指标", "", "", "", "12"),
            ("效益\n指标\n(30分)", "经济效\n益指标", "无", "", "", "7"),
            ("效益\n指标\n(30分)", "社会效\n益指标", "履职目标实现", "", "", "7"),
            ("效益\n指标\n(30分)", "生态效\n益指标", "无", "", "", "6"),
            ("效益\n指标\n(30分)", "可持续影\n响指标", "无", "", "", "8"),
            ("满意度 指标  (10分)", "服务对象\n满意度指\n标", "满意", "100%", "100%", "10")]
    return FormTable(
        project_name="项目支出专项资金", competent_dept=UNIT, implementer="",
        funds={"total": FundRow("34万元", "34万元", ""), "appropriation": FundRow(), "carryover": FundRow(),
               "other": FundRow("34万元", "34万元", "")},
        exec_weight="10",
        indicators=[IndicatorRow(l1, l2, n, t, a, "", s, "") for l1, l2, n, t, a, s in inds],
        total_weight="100", total_score="88", title=TABLE_CAPTION)


def _between(lines: list[str], start: str, end: str) -> list[str]:
    i = lines.index(start)
    j = lines.index(end, i + 1)
    return lines[i + 1:j]


def seed_texts() -> tuple[dict[str, str], list[str]]:
    """The seed's sections as 报告正文 texts (paragraphs joined by "\\n") and its duties."""
    lines = seed_text_lines()
    duties = [line.split("、", 1)[1] for line in _between(lines, "（一）部门主要职责", "（二）人员编制情况")]
    problems_measures = _between(lines, "三、存在的主要问题及下一步改进措施", "四、其他需要说明的情况")
    cut = problems_measures.index("措施：")
    texts = {
        "text_staffing": _between(lines, "（二）人员编制情况", "预算支出及绩效情况"),
        "text_budget": _between(lines, "1.部门预算情况", "2.部门决算情况（含年中预算追加情况）"),
        "text_final": _between(lines, "2.部门决算情况（含年中预算追加情况）", "3.“三公”经费执行情况"),
        "text_sangong": _between(lines, "3.“三公”经费执行情况", "4.政府采购执行情况"),
        "text_procurement": _between(lines, "4.政府采购执行情况", "5.资产管理情况"),
        "text_assets": _between(lines, "5.资产管理情况", "资金使用及绩效情况"),
        "text_overall": _between(lines, "整体绩效目标完成情况", "2.项目绩效目标完成情况(仅对50万元以上的项目资"),
        "text_projects": _between(lines, "金进行分项说明)", "三、存在的主要问题及下一步改进措施"),
        "text_problems": problems_measures[1:cut],
        "text_measures": problems_measures[cut + 1:],
        "text_other": _between(lines, "四、其他需要说明的情况", "附件2:"),
    }
    out = {k: "\n".join(v) for k, v in texts.items()}
    # the published report breaks "净资产" / "-39.88万元" over two lines; the reader joins a figure
    # pushed onto its own line (as tools/make_examples.py transcribed it)
    out["text_assets"] = out["text_assets"].replace("净资产\n-39.88", "净资产-39.88")
    return out, duties


def seed_content(warning: str = ""):
    """A ReportContent from the seed's text and table (what the lead's content_from_workbook gives)."""
    texts, duties = seed_texts()
    return standard_content(2022, UNIT, texts, duties, [seed_form()], warning=warning)


def make_docx(path: Path, items: list) -> Path:
    """A .docx from a list: "text" is a plain paragraph; ("h1"|"h2"|"h3", text) a heading style;
    ("bold", text) a bold paragraph; ("list", text) a paragraph numbered by Word (List Number);
    ("table", rows) a plain table; ("flat", FormTable) a 自评表 without merges; ("form", FormTable) the
    seed's merged layout (via the writer's table)."""
    doc = docx.Document()
    for item in items:
        if isinstance(item, str):
            doc.add_paragraph(item)
            continue
        kind, value = item
        if kind in ("h1", "h2", "h3"):
            doc.add_heading(value, int(kind[1]))
        elif kind == "bold":
            doc.add_paragraph().add_run(value).bold = True
        elif kind == "list":
            doc.add_paragraph(value, style="List Number")
        elif kind == "toc":
            from docx.enum.style import WD_STYLE_TYPE

            if not any(st.name == "toc 1" for st in doc.styles):
                doc.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
            doc.add_paragraph(value, style="toc 1")
        elif kind == "table":
            add_plain_table(doc, value)
        elif kind == "flat":
            add_plain_table(doc, flat_form_rows(value))
        elif kind == "form":
            from docx.shared import Cm

            from perfxl.io.word_table import add_form_table

            add_form_table(doc, value, Cm(24))
    doc.save(str(path))
    return path


def add_plain_table(doc, rows: list[list[str]]):
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    return table


def flat_form_rows(form: FormTable) -> list[list[str]]:
    """A 自评表 as some units type it: 8 columns, no merged cells, the 一级/二级 repeated on every row,
    the goals in one row, no 绩效指标 / 项目资金 side labels."""
    f, e = form, ""
    rows = [["项目名称", f.project_name, e, e, e, e, e, e],
            ["主管部门", f.competent_dept, "实施单位", f.implementer, e, e, e, e],
            ["资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", e]]
    for key, label in (("total", "年度资金总额"), ("appropriation", "其中：当年财政拨款"),
                       ("carryover", "上年结转资金"), ("other", "其他资金")):
        fund = f.funds[key]
        extra = [f.exec_weight, f.exec_rate, f.exec_score] if key == "total" else [e, e, e]
        rows.append([label, fund.initial, fund.full_year, fund.executed, *extra, e])
    rows.append(["年度总体目标", "预期目标", f.goal_expected, "实际完成情况", f.goal_actual, e, e, e])
    rows.append(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"])
    for i in f.indicators:
        rows.append([i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score, i.reason])
    rows.append(["总分", e, e, e, e, f.total_weight, f.total_score, e])
    rows.append(["等级", f.grade, e, e, e, e, e, e])
    return rows


def sample_form(n: int = 3, name: str = "农业技术推广项目") -> FormTable:
    """A clean, fully filled 自评表 with ``n`` indicators (more than the template's slots when n is large)."""
    level2 = [("产出指标(50分)", "数量指标"), ("产出指标(50分)", "质量指标"), ("效益指标(30分)", "社会效益指标"),
              ("满意度指标(10分)", "服务对象满意度指标")]
    inds = []
    for k in range(n):
        l1, l2 = level2[min(k * len(level2) // max(n, 1), len(level2) - 1)]
        inds.append(IndicatorRow(l1, l2, f"指标{k + 1}：培训农户人次", "≥500人次", "520人次", "5", "5", ""))
    return FormTable(
        project_name=name, competent_dept="衡山县农业农村局", implementer="衡山县农技站",
        funds={"total": FundRow("100", "120", "110.5"), "appropriation": FundRow("100", "110", "100.5"),
               "carryover": FundRow("", "10", "10"), "other": FundRow()},
        exec_weight="10", exec_rate="92.08%", exec_score="9.21", exec_reason="部分资金年底拨付",
        goal_expected="完成农业技术培训5000人次。", goal_actual="完成培训5200人次。",
        indicators=inds, total_weight="100", total_score="95.5", grade="优", title="2023年度项目支出绩效自评表")
