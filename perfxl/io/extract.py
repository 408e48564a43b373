"""extract: cells → model. Finds every cell through the template's defined names, falling back to
the layout's addresses, and every project sheet (also one the user copied in Excel)."""
from __future__ import annotations

import os

from ..core.fields import canonical_level1
from ..core.findings import Where
from ..core.model import Cell, Department, Indicator, Level1, Project
from ..template import layout as L
from .protocol import CellSource, UnusableWorkbook, cell_ref, parse_name_target, split_range, split_ref

REQUIRED_SHEETS = (L.SHEET_BASIC, L.SHEET_FIN)
META_ROWS = 40  # the settings sheet: keys in column A, values in column B


def _blank(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _clean(v):
    return None if isinstance(v, str) and v == "" else v


class _Resolver:
    def __init__(self, src: CellSource):
        self.names = {}
        for (scope, name), target in src.defined_names().items():
            parsed = parse_name_target(target)
            if parsed:
                self.names[(scope, name)] = parsed

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


def read_department(src: CellSource) -> Department:
    """Read a whole department workbook into the model. Raises UnusableWorkbook if it is not the template."""
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
    r1, c1, r2, c2 = split_range(block)
    for i, row in enumerate(src.block(sheet, block)):
        text = next((v for v in row[1:] if not _blank(v)), None)
        if text is not None:
            dept.duties.append(Cell(_clean(text), Where(file, sheet, cell_ref(r1 + i, c1 + 1))))
    for name in sheets:
        if is_project_sheet(src, res, name):
            dept.projects.append(read_project(src, res, name, file))
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
    last = src.max_row(sheet)
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
