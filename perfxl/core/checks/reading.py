"""What the readers left out of a workbook, said where it happened (RULES.md §3: nothing read less than
asked for goes unsaid): content far outside the template's area, a defined name that points nowhere usable,
a named block clipped to a sane size. The io layer records these as ``Department.notes``."""
from __future__ import annotations

from typing import Iterable

from ..evaluate import Evaluation
from ..findings import WARNING, Code, Family, Finding

CODES = Family(
    "reading", "读取范围",
    Code("sheet-cells-ignored", WARNING, "§3", "{detail}",
         "工作表在读取范围（A1:BL10000）之外还有内容，这些单元格没有读取。", "模板的内容都在读取范围之内；如是误填的数据请删除。"),
    Code("name-ignored", WARNING, "§3", "{detail}",
         "模板的某个定义名称指向无效的位置（#REF!、多个区域、别的工作表……），已改按模板的默认位置读取。",
         "在 Excel 的“公式›名称管理器”中修正或删除这个名称。"),
    Code("name-range-clipped", WARNING, "§3", "{detail}",
         "定义名称指向的区域大得不合常理（超过 5000 行或超出读取范围），只读取了前面的部分。",
         "在 Excel 的“公式›名称管理器”中把名称改回实际的表格范围。"),
)


def check(ev: Evaluation) -> Iterable[Finding]:
    read = {c.where.sheet for c in ev.dept.fields.values()} | {pe.sheet for pe in ev.all_projects}
    for code, where, detail in ev.dept.notes:
        if code == "sheet-cells-ignored" and where.sheet not in read:
            continue  # a sheet perfxl does not read: every reader may not look at it, and it says nothing
        if code in CODES.codes:
            yield CODES(code, where, detail=detail if detail.endswith("。") else detail + "。")
