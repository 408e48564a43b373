"""The baseline: what a finance-bureau user would write by hand to consolidate the workbooks.

    python benchmarks/baseline_openpyxl.py FOLDER OUT.xlsx

openpyxl ``load_workbook`` per file (values as saved), fixed cell addresses, a summary written with
openpyxl: one row per department, per project and per indicator, plus the totals. No checks at all,
so the comparison flatters the baseline.
"""
from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook


def num(v) -> float:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else 0.0


def main(folder: str, out: str) -> None:
    summary = Workbook()
    ws = summary.active
    ws.title = "汇总"
    ws.append(["单位", "年度", "全年预算数", "全年执行数", "执行率", "总分", "文件"])
    wp = summary.create_sheet("项目明细")
    wp.append(["单位", "项目", "全年预算数", "全年执行数", "执行率", "总分"])
    wi = summary.create_sheet("指标明细")
    wi.append(["单位", "项目", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"])
    tb = te = 0.0
    for path in sorted(Path(folder).rglob("*.xlsx")):
        try:
            wb = load_workbook(path, data_only=True)
        except Exception as exc:  # noqa: BLE001
            ws.append([f"无法读取：{exc}", None, None, None, None, None, path.name])
            continue
        unit = wb["基本情况"]["B3"].value
        year = wb["基本情况"]["B4"].value
        budget = executed = 0.0
        scores = []
        for sh in wb.worksheets:
            if not sh.title.startswith("项目自评表"):
                continue
            b, e = num(sh["E5"].value), num(sh["F5"].value)
            budget += b
            executed += e
            total = sh["H30"].value
            scores.append(num(total))
            wp.append([unit, sh["B2"].value, b, e, e / b if b else None, total])
            level1 = level2 = None
            for row in sh.iter_rows(min_row=12, max_row=29, min_col=2, max_col=8, values_only=True):
                level1 = row[0] or level1
                level2 = row[1] or level2
                if row[2]:
                    wi.append([unit, sh["B2"].value, level1, level2, *row[2:]])
        tb += budget
        te += executed
        ws.append([unit, year, budget, executed, executed / budget if budget else None,
                   sum(scores) / len(scores) if scores else None, path.name])
    ws.append(["合计", None, tb, te, te / tb if tb else None, None, None])
    summary.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
