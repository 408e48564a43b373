"""Read a 项目支出绩效自评表 out of a table grid: by its labels, not by fixed positions.

Real tables differ in column count, merges and wording ("项目支\\n出名称", "一级指 标"); every value is
found from the label that names it, in the same row (项目名称 → the next cell) or under a header row
(年初预算数 / 全年预算数 / …, 一级指标 / 二级指标 / …). Standard library only (works on ``Grid``).
"""
from __future__ import annotations

from .word_docx import Grid, GridCell
from .word_headings import flat
from .word_model import DEPT_FORM_KIND, FORM_KIND, OTHER_KIND, FormTable, FundRow, IndicatorRow

_FUND_COLS = (  # header words -> FundRow attribute or FormTable exec_* attribute; first match wins
    (("年初预算",), "initial"), (("全年预算", "调整后预算", "预算数"), "full_year"),
    (("执行数", "全年执行"), "executed"), (("分值", "权重"), "exec_weight"), (("执行率",), "exec_rate"),
    (("得分",), "exec_score"),
)
_FUND_ROWS = ((("年度资金总额", "资金总额", "合计"), "total"), (("财政拨款", "财政资金"), "appropriation"),
              (("上年结转", "结转"), "carryover"), (("其他资金", "其他"), "other"))
_IND_COLS = (
    (("一级",), "level1"), (("二级",), "level2"), (("三级",), "name"), (("偏差", "原因"), "reason"),
    (("实际", "完成值"), "actual"), (("指标值", "目标值"), "target"), (("分值", "权重"), "weight"),
    (("得分",), "score"),
)
_VALUE_FIELDS = ("name", "target", "actual", "weight", "score", "reason")


def _norm(cell: GridCell) -> str:
    return flat(cell.text)


def _distinct(row: list[GridCell], r: int) -> list[tuple[int, GridCell]]:
    """(first column, cell) of each cell that starts in row ``r`` (not continued from above)."""
    out, seen = [], set()
    for c, cell in enumerate(row):
        if cell.origin not in seen:
            seen.add(cell.origin)
            if cell.origin[0] == r:
                out.append((c, cell))
    return out


def _columns(row: list[GridCell], r: int, vocabulary) -> dict[str, int]:
    cols: dict[str, int] = {}
    for c, cell in _distinct(row, r):
        text = _norm(cell)
        for words, key in vocabulary:
            if key not in cols and any(w in text for w in words):
                cols[key] = c
                break
    return cols


def _own(grid: Grid, r: int, c: int | None) -> str:
    """The text of the cell at (r, c) if it starts there (a merged neighbour is not a value)."""
    if c is None or c >= len(grid.rows[r]):
        return ""
    cell = grid.rows[r][c]
    return cell.text.strip() if cell.origin == (r, c) else ""


def _below(grid: Grid, r: int, c: int) -> str:
    """The text of the cell under (r, c), wherever that cell starts, if it starts in row r + 1."""
    cell = grid.rows[r + 1][c]
    return cell.text.strip() if cell.origin[0] == r + 1 else ""


def _right_of(grid: Grid, r: int, c: int) -> str:
    row = grid.rows[r]
    cell = row[c]
    for other in row[c + 1:]:
        if other.origin != cell.origin:
            return other.text.strip()
    return ""


def _find(grid: Grid, test, start: int = 0) -> tuple[int, int] | None:
    for r in range(start, len(grid.rows)):
        for c, cell in _distinct(grid.rows[r], r):
            if test(_norm(cell)):
                return r, c
    return None


def table_kind(grid: Grid) -> str:
    text = "|".join(flat(cell.text) for row in grid.rows for cell in row)
    has_funds = any(w in text for w in ("年度资金总额", "项目资金", "资金总额")) and "预算数" in text
    has_indicators = any(w in text for w in ("一级指标", "绩效指标", "三级指标"))
    if has_funds and has_indicators and ("项目" in text and "名称" in text or "项目资金" in text):
        return FORM_KIND
    if has_indicators and any(w in text for w in ("基本支出", "部门名称", "单位名称", "部门整体")):
        return DEPT_FORM_KIND
    return OTHER_KIND


def parse_form(grid: Grid, title: str = "") -> FormTable:
    form = FormTable(title=title)
    for label, attr in ((lambda t: "名称" in t and t.startswith("项目"), "project_name"),
                        (lambda t: "主管部门" in t, "competent_dept"), (lambda t: "实施单位" in t, "implementer")):
        hit = _find(grid, label)
        if hit:
            setattr(form, attr, _right_of(grid, *hit))
    ind_header = _find(grid, lambda t: "一级指标" in t or "三级指标" in t)
    stop = ind_header[0] if ind_header else len(grid.rows)
    _read_funds(grid, form, stop)
    _read_goals(grid, form, stop)
    if ind_header:
        _read_indicators(grid, form, ind_header[0])
    return form


def _read_funds(grid: Grid, form: FormTable, stop: int) -> None:
    hit = _find(grid, lambda t: "年初预算" in t or "全年预算" in t)
    if not hit or hit[0] >= stop:
        return
    hr = hit[0]
    cols = _columns(grid.rows[hr], hr, _FUND_COLS)
    first_value = min(cols.values())
    for r in range(hr + 1, stop):
        labels = "".join(_norm(cell) for c, cell in _distinct(grid.rows[r], r) if c < first_value)
        if any(w in labels for w in ("预期目标", "总体目标", "绩效目标")):
            break
        key = next((k for words, k in _FUND_ROWS if any(w in labels for w in words)), None)
        if key is None:
            if "偏差" in labels or "原因" in labels:
                last = max(c for c, _ in _distinct(grid.rows[r], r) if c < first_value)
                form.exec_reason = _right_of(grid, r, last)
            continue
        fund = form.funds.setdefault(key, FundRow())
        for attr in ("initial", "full_year", "executed"):
            setattr(fund, attr, _own(grid, r, cols.get(attr)) or getattr(fund, attr))
        if key == "total":
            for attr in ("exec_weight", "exec_rate", "exec_score"):
                setattr(form, attr, _own(grid, r, cols.get(attr)))


def _read_goals(grid: Grid, form: FormTable, stop: int) -> None:
    hit = _find(grid, lambda t: t.startswith("预期目标") or t == "目标")
    if hit and hit[0] < stop:
        r, c = hit
        actual = next((cc for cc, cell in _distinct(grid.rows[r], r) if "实际完成" in _norm(cell)), None)
        below = r + 1 < stop and r + 1 < len(grid.rows)
        if actual is not None and below:
            form.goal_expected, form.goal_actual = _below(grid, r, c), _below(grid, r, actual)
        else:
            form.goal_expected = _right_of(grid, r, c)
            if actual is not None:
                form.goal_actual = _right_of(grid, r, actual)
        return
    hit = _find(grid, lambda t: "总体目标" in t)
    if hit and hit[0] < stop:
        form.goal_expected = _right_of(grid, *hit)


def _read_indicators(grid: Grid, form: FormTable, hr: int) -> None:
    cols = _columns(grid.rows[hr], hr, _IND_COLS)
    for r in range(hr + 1, len(grid.rows)):
        row = grid.rows[r]
        cells = _distinct(row, r)
        texts = [_norm(cell) for _c, cell in cells]
        if any(t in ("总分", "合计", "总计") for t in texts):
            _read_total(grid, form, r, cols)
            continue
        grade = next(((c, cell) for c, cell in cells if _norm(cell).startswith(("等级", "评价等级", "自评等级"))),
                     None)
        if grade is not None:
            c, cell = grade
            text = cell.text.strip()
            form.grade = text.split("：", 1)[1].strip() if "：" in text else _right_of(grid, r, c)
            continue
        ind = IndicatorRow()
        for key in ("level1", "level2"):
            c = cols.get(key)
            setattr(ind, key, row[c].text.strip() if c is not None and c < len(row) else "")
        for key in _VALUE_FIELDS:
            setattr(ind, key, _own(grid, r, cols.get(key)))
        if any(getattr(ind, k) for k in _VALUE_FIELDS):
            form.indicators.append(ind)


def _read_total(grid: Grid, form: FormTable, r: int, cols: dict[str, int]) -> None:
    weight, score = _own(grid, r, cols.get("weight")), _own(grid, r, cols.get("score"))
    if not weight and not score:
        row = grid.rows[r]
        label = next(c for c, cell in _distinct(row, r) if _norm(cell) in ("总分", "合计", "总计"))
        values = [cell.text.strip() for c, cell in _distinct(row, r) if c > label and cell.text.strip()]
        if len(values) == 1:
            score = values[0]
        elif values:
            weight, score = values[0], values[1]
    form.total_weight, form.total_score = weight, score
