"""import-text: a Word report's text into the workbook's 报告正文 cells, its 主要职责 into 基本情况, and its
项目支出绩效自评表 tables into project sheets. Everything is written in memory and saved once, atomically
(to ``output``, or in place); a failure leaves no output and no temporary file behind.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..template import layout as L
from .files import same_file
from .protocol import UnusableWorkbook, parse_name_target
from .word_model import FORM_KIND, WordReport
from .word_read import read_report

SECTION_LABELS = {spec.key: spec.label for spec in L.TEXT_CELLS}
WRITTEN, CLEARED, NOT_FOUND = "已写入", "已清空（报告中该节无内容）", "报告中未找到，保留原值"


@dataclass
class Placement:
    key: str  # 报告正文 key
    label: str  # its label in the workbook
    sheet: str
    ref: str
    status: str  # WRITTEN, CLEARED or NOT_FOUND
    chars: int = 0
    headings: list[str] = field(default_factory=list)  # the report's headings it came from


@dataclass
class TableOutcome:
    index: int
    rows: int
    cols: int
    kind: str
    section: str
    caption: str = ""
    sheet: str = ""  # the project sheet it filled ("" when left alone)
    added: bool = False  # that sheet was added for it
    status: str = ""


@dataclass
class ImportResult:
    source: str  # the .docx
    target: str  # the workbook written
    placements: list[Placement] = field(default_factory=list)
    duties: int = 0
    duties_range: str = ""  # "" when the report has no 主要职责 list (old rows kept)
    tables: list[TableOutcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    report: WordReport | None = None

    def lines(self) -> list[str]:
        """What went where, in Chinese, one line each (for the CLI)."""
        out = [f"{Path(self.source).name} → {Path(self.target).name}"]
        for p in self.placements:
            size = f"（{p.chars} 字）" if p.status == WRITTEN else ""
            out.append(f"  {p.label} → {p.sheet}!{p.ref}：{p.status}{size}")
        if self.duties_range:
            out.append(f"  主要职责 {self.duties} 条 → {self.duties_range}")
        else:
            out.append("  主要职责：报告中未找到，保留原值")
        for t in self.tables:
            where = f" → {t.sheet}{'（新增）' if t.added else ''}" if t.sheet else ""
            out.append(f"  表格{t.index}（{t.rows}行×{t.cols}列，{t.kind}）{where}：{t.status}")
        out += [f"  注：{n}" for n in self.notes]
        return out


def import_text(docx: str | os.PathLike, xlsx: str | os.PathLike,
                output: str | os.PathLike | None = None) -> ImportResult:
    """Read ``docx`` and write its text and 自评表 into workbook ``xlsx`` (saved to ``output`` or in place)."""
    from .xlsx import XlsxBook

    target = Path(output) if output is not None else Path(xlsx)
    if Path(docx).exists() and target.exists() and same_file(docx, target):
        raise UnusableWorkbook(str(target), f"{target.name}：输出文件不能是 Word 报告本身，请另选输出工作簿。")
    report = read_report(docx)  # a bad report fails here, before the workbook is opened
    book = XlsxBook(xlsx)
    _require_template(book)
    result = ImportResult(source=str(docx), target=str(target), report=report, notes=list(report.notes))
    _texts(book, report, result)
    if report.duties:
        from .word_sheet import fill_duties

        result.duties = len(report.duties)
        result.duties_range, notes = fill_duties(book, report.duties)
        result.notes += notes
    _tables(book, report, result)
    book.save(target)
    return result


def _require_template(book) -> None:
    sheets = book.sheet_names()
    missing = [s for s in (L.SHEET_BASIC, L.SHEET_TEXT) if s not in sheets]
    if missing:
        name = Path(book.path).name
        raise UnusableWorkbook(book.path, f"{name}：缺少工作表“{'”“'.join(missing)}”，不是 perfxl 标准模板（或模板版本过旧），"
                                          "请用 perfxl template 生成新模板并填入数据后再导入。")


def _texts(book, report: WordReport, result: ImportResult) -> None:
    names = {}
    for (scope, name), target in book.defined_names().items():
        parsed = parse_name_target(target)
        if scope is None and parsed:
            names[name] = parsed
    for spec in L.TEXT_CELLS:
        sheet, ref = names.get(spec.name, (spec.sheet, spec.ref))
        ref = ref.split(":")[0]
        place = Placement(spec.key, spec.label, sheet, ref, NOT_FOUND, headings=report.headings.get(spec.key, []))
        if spec.key in report.sections:
            text = report.sections[spec.key].strip()
            book.write(sheet, ref, text or None)  # XlsxBook.write keeps "=…" as text, never a formula
            place.status, place.chars = (WRITTEN, len(text)) if text else (CLEARED, 0)
        result.placements.append(place)


def project_sheets(book) -> list[str]:
    """The workbook's project sheets in order (by their 绩效指标 name, else their title)."""
    names = book.defined_names()
    out = []
    for sheet in book.sheet_names():
        if sheet in (L.SHEET_GUIDE, L.SHEET_BASIC, L.SHEET_FIN, L.SHEET_TEXT, L.SHEET_META):
            continue
        title = book.value(sheet, "A1")
        if (sheet, L.INDICATOR_BLOCK_NAME) in names or \
                (isinstance(title, str) and L.PROJECT_TITLE in title.replace(" ", "")):
            out.append(sheet)
    return out


def _tables(book, report: WordReport, result: ImportResult) -> None:
    from .word_sheet import fill_project

    sheets = project_sheets(book)
    used = 0
    for info in report.tables:
        out = TableOutcome(info.index, info.rows, info.cols, info.kind, info.section, info.caption)
        result.tables.append(out)
        if info.kind != FORM_KIND or info.form is None:
            out.status = "未处理（不是项目支出绩效自评表）"
            continue
        if used < len(sheets):
            out.sheet = sheets[used]
        else:
            names = book.sheet_names()
            after = sheets[-1] if sheets else (L.SHEET_FIN if L.SHEET_FIN in names else L.SHEET_BASIC)
            out.sheet = book.add_project_sheet(after, competent_dept=info.form.competent_dept or None)
            out.added = True
            sheets.append(out.sheet)
        used += 1
        result.notes += fill_project(book, out.sheet, info.form)
        out.status = f"已填入（{len(info.form.indicators)} 个指标）"
    if used < len(sheets) and used:
        result.notes.append(f"报告中有 {used} 张自评表，工作簿中其余 {len(sheets) - used} 张项目表未改动。")
