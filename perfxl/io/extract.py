"""extract: cells → model. Finds every cell through the template's defined names, falling back to
the layout's addresses, and every project sheet (also one the user copied in Excel).

Reading limits (:mod:`perfxl.io.limits`): a perfxl name with no usable target (empty, ``#REF!``,
several areas, a missing sheet, a cell beyond the read area) is ignored and the layout's address is
read instead; a named block longer than :data:`~perfxl.io.limits.MAX_BLOCK_ROWS` rows is read to
that many rows. Each is recorded as a :class:`~perfxl.io.limits.ReadNote`: :func:`read_department_noted`
returns them with the department, and they are added to the source's ``read_notes`` list when it
has one (both readers do).
"""
from __future__ import annotations

import os

from ..core.fields import canonical_level1
from ..core.findings import Where
from ..core.model import Cell, Department, Indicator, Level1, Project
from ..template import layout as L
from .limits import MAX_BLOCK_ROWS, MAX_SHEET_COLS, MAX_SHEET_ROWS, ReadNote, read_area
from .protocol import CellSource, UnusableWorkbook, cell_ref, parse_name_target, split_range, split_ref

PERFXL_NAMES = frozenset({c.name for c in L.ALL_FIXED + L.PROJECT_CELLS}
                         | {L.DUTIES_BLOCK_NAME, L.INDICATOR_BLOCK_NAME})

REQUIRED_SHEETS = (L.SHEET_BASIC, L.SHEET_FIN)
META_ROWS = 40  # the settings sheet: keys in column A, values in column B


def _blank(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _clean(v):
    return None if isinstance(v, str) and v == "" else v


class _Resolver:
    """The workbook's usable defined names; ``read_notes`` records the perfxl names it ignored or clipped."""

    def __init__(self, src: CellSource):
        self.names = {}
        self.read_notes: list[ReadNote] = []
        self.file = os.path.basename(src.path)
        sheets = set(src.sheet_names())
        for (scope, name), target in src.defined_names().items():
            parsed = parse_name_target(target)
            if parsed and parsed[0] in sheets:
                r1, c1, _r2, _c2 = split_range(parsed[1])
                if r1 <= MAX_SHEET_ROWS and c1 <= MAX_SHEET_COLS:
                    self.names[(scope, name)] = parsed
                    continue
            if name in PERFXL_NAMES and (scope is None or scope in sheets):  # a missing sheet's names are moot
                self.read_notes.append(ReadNote(
                    "name-ignored", Where(self.file, scope or "", ""),
                    f"名称“{name}”的引用无效或超出读取范围（{_shown(target)}），已改按模板的默认位置读取；"
                    "请在 Excel 的“公式›名称管理器”中修正或删除它。"))

    def block(self, sheet: str, name: str, ref: str) -> str:
        """A named block's range, at most MAX_BLOCK_ROWS rows and inside the read area (a note if cut)."""
        r1, c1, r2, c2 = split_range(ref)
        last, right = min(r2, r1 + MAX_BLOCK_ROWS - 1, MAX_SHEET_ROWS), min(c2, MAX_SHEET_COLS)
        if (last, right) == (r2, c2):
            return ref
        clipped = f"{cell_ref(r1, c1)}:{cell_ref(last, right)}"
        self.read_notes.append(ReadNote(
            "name-range-clipped", Where(self.file, sheet, ref),
            f"名称“{name}”指向 {ref}（{r2 - r1 + 1} 行），超出可读取的范围（最多 {MAX_BLOCK_ROWS} 行、在 {read_area()} 之内），"
            f"只读取 {clipped}；请在 Excel 的“公式›名称管理器”中把它改回实际的表格范围。"))
        return clipped

    def fixed(self, spec: L.CellSpec) -> tuple[str, str]:
        hit = self.names.get((None, spec.name))
        if hit:
            return hit[0], hit[1].split(":")[0]
        return spec.sheet, spec.ref

    def local(self, sheet: str, name: str, default: str) -> str:
        hit = self.names.get((sheet, name))
        if hit and hit[0] == sheet:
            return hit[1]
        return default


def _shown(target: object) -> str:
    text = "空" if target in (None, "") else str(target)
    return text if len(text) <= 60 else text[:59] + "…"


def read_department(src: CellSource) -> Department:
    """Read a whole department workbook into the model. Raises UnusableWorkbook if it is not the template.

    What the reading left out is in ``dept.notes`` (the checks report it) and in ``src.read_notes``."""
    dept, notes = read_department_noted(src)
    dept.notes = [(n.code, n.where, n.detail) for n in notes]
    return dept


def read_department_noted(src: CellSource) -> tuple[Department, list[ReadNote]]:
    """:func:`read_department`, and the notes of what the reading left out or replaced: the reader's own
    (cells beyond the read area) and the extractor's (ignored or clipped names), in that order. The
    extractor's notes are also added to ``src.read_notes`` when the source keeps that list."""
    found: list[ReadNote] = []
    dept = _read(src, found)
    own = getattr(src, "read_notes", None)
    notes = list(own) if isinstance(own, list) else []
    for note in found:
        if note not in notes:
            notes.append(note)
            if isinstance(own, list):
                own.append(note)
    return dept, notes


def _read(src: CellSource, notes: list[ReadNote]) -> Department:
    file = os.path.basename(src.path)
    sheets = src.sheet_names()
    is_template = L.SHEET_META in sheets or any(k[1] == "单位名称" for k in src.defined_names())
    if not is_template:
        raise UnusableWorkbook(src.path, f"{file}：不是 perfxl 标准模板（缺少模板标识工作表 {L.SHEET_META} 和模板名称），"
                                         "请用 perfxl template 生成模板并把数据填入其中。")
    missing = [s for s in REQUIRED_SHEETS if s not in sheets]
    if missing:
        raise UnusableWorkbook(src.path, f"{file}：缺少工作表“{'”“'.join(missing)}”，请勿删除或重命名模板中的工作表。")
    res = _Resolver(src)
    dept = Department(source=src.path)
    if L.SHEET_META in sheets:
        dept.meta = read_meta(src)
    for spec in L.ALL_FIXED:
        sheet, ref = res.fixed(spec)
        if sheet not in sheets:
            continue  # 报告正文 may be absent in old files; checks report missing values
        dept.fields[spec.key] = Cell(_clean(src.value(sheet, ref)), Where(file, sheet, ref))
    # 主要职责: the named block, grown by rows the user inserted
    hit = res.names.get((None, L.DUTIES_BLOCK_NAME))
    sheet, block = hit if hit else (L.SHEET_BASIC, L.DUTIES_BLOCK)
    if hit:
        block = res.block(sheet, L.DUTIES_BLOCK_NAME, block)
    r1, c1, r2, c2 = split_range(block)
    for i, row in enumerate(src.block(sheet, block)):
        text = next((v for v in row[1:] if not _blank(v)), None)
        if text is not None:
            dept.duties.append(Cell(_clean(text), Where(file, sheet, cell_ref(r1 + i, c1 + 1))))
    for name in sheets:
        if is_project_sheet(src, res, name):
            dept.projects.append(read_project(src, res, name, file))
    notes.extend(res.read_notes)
    return dept


def is_project_sheet(src: CellSource, res: _Resolver, sheet: str) -> bool:
    if (sheet, L.INDICATOR_BLOCK_NAME) in res.names:
        return True
    if sheet in (L.SHEET_GUIDE, L.SHEET_BASIC, L.SHEET_FIN, L.SHEET_TEXT, L.SHEET_META):
        return False
    title = src.value(sheet, "A1")
    return isinstance(title, str) and L.PROJECT_TITLE in title.replace(" ", "")


def _find_total_row(src: CellSource, sheet: str) -> int | None:
    """Fallback when names are gone: the row whose column A reads 总分."""
    last = min(src.max_row(sheet), MAX_SHEET_ROWS)
    for i, row in enumerate(src.block(sheet, f"A{L.INDICATOR_FIRST_ROW}:A{max(last, L.INDICATOR_FIRST_ROW)}")):
        v = row[0]
        if isinstance(v, str) and v.replace(" ", "").replace("\u3000", "") == "总分":
            return L.INDICATOR_FIRST_ROW + i
    return None


def read_project(src: CellSource, res: _Resolver, sheet: str, file: str) -> Project:
    proj = Project(sheet=sheet)
    shift = 0
    if (sheet, L.INDICATOR_BLOCK_NAME) not in res.names:
        total = _find_total_row(src, sheet)
        shift = (total - L.TOTAL_ROW) if total else 0
    for spec in L.PROJECT_CELLS:
        default = spec.ref
        r, c = split_ref(spec.ref)
        if r >= L.TOTAL_ROW and shift:
            default = cell_ref(r + shift, c)
        ref = res.local(sheet, spec.name, default).split(":")[0]
        proj.fields[spec.key] = Cell(_clean(src.value(sheet, ref)), Where(file, sheet, ref))
    default_block = f"B{L.INDICATOR_FIRST_ROW}:J{L.INDICATOR_LAST_ROW + shift}"
    block = res.local(sheet, L.INDICATOR_BLOCK_NAME, default_block)
    if block != default_block:
        block = res.block(sheet, L.INDICATOR_BLOCK_NAME, block)
    r1, c1, r2, c2 = split_range(block)
    rows = src.block(sheet, f"{cell_ref(r1, c1)}:{cell_ref(r2, c1 + len(L.INDICATOR_COLUMNS) - 1)}")
    level1 = level2 = ""
    ncols = len(L.INDICATOR_COLUMNS)
    for i, values in enumerate(rows):
        r = r1 + i
        values = list(values) + [None] * (ncols - len(values))
        v1, v2 = values[0], values[1]
        if not _blank(v1):  # merged or typed once: carry down
            level1 = str(v1).strip()
            proj.level1s.append(Level1(label=level1, name=canonical_level1(level1), where=Where(file, sheet, cell_ref(r, c1))))
        if not _blank(v2):
            level2 = str(v2).strip()
        if all(_blank(v) for v in values[2:]):
            continue  # a spare row: nothing typed, nothing computed
        ind = Indicator(
            level1=level1, level2=level2,
            **{key: Cell(_clean(values[j]), Where(file, sheet, cell_ref(r, c1 + j)))
               for j, (key, _col, _head) in enumerate(L.INDICATOR_COLUMNS) if j >= 2},
        )
        proj.indicators.append(ind)
    return proj


def read_meta(src: CellSource) -> dict[str, str]:
    """The template's settings sheet (``_perfxl``): key → value, as text."""
    out: dict[str, str] = {}
    for key, value in (row[:2] for row in src.block(L.SHEET_META, f"A1:B{META_ROWS}")):
        if isinstance(key, str) and key.strip() and value is not None:
            out[key.strip()] = str(value)
    return out


def load(path: str | os.PathLike, backend: str = "openpyxl") -> Department:
    """Open ``path`` and read it (backend "openpyxl" or "calamine")."""
    if backend == "calamine":
        from .fast import FastBook

        return read_department(FastBook(path))
    from .xlsx import XlsxBook

    return read_department(XlsxBook(path))
