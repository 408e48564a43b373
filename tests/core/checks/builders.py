"""Build Departments and Projects from small dicts, with every Field at the template address
(perfxl.template.layout), as perfxl.io.extract would."""
from __future__ import annotations

from perfxl.core.evaluate import evaluate
from perfxl.core.fields import FUND_COLS, FUND_ROWS
from perfxl.core.findings import Where
from perfxl.core.model import Cell, Department, Indicator, Level1, Project
from perfxl.template import layout as L

FILE = "测试单位-2022.xlsx"
INDICATOR_KEYS = ("name", "target", "actual", "weight", "score", "reason", "rule_score")
COLUMN = {key: col for key, col, _ in L.INDICATOR_COLUMNS}
LEVEL1_OF = {l2: l1 for l1, l2s in L.LEVEL2.items() for l2 in l2s}
SLOTS = [l2 for l2s in L.LEVEL2.values() for l2 in l2s]  # template order, ROWS_PER_LEVEL2 rows each


def department(values: dict | None = None, projects=(), file: str = FILE) -> Department:
    """A department with all fixed cells (blank unless given in ``values``, by layout key)."""
    values = dict(values or {})
    unknown = set(values) - set(L.BY_KEY)
    assert not unknown, f"not layout keys: {unknown}"
    dept = Department(source=f"/data/{file}")
    for spec in L.ALL_FIXED:
        dept.fields[spec.key] = Cell(values.get(spec.key), Where(file, spec.sheet, spec.ref))
    dept.projects = list(projects)
    return dept


def funds(**rows) -> dict:
    """funds(total=("34万元", "34万元", None), other=(...)) → {"fund_total_initial": …, …}."""
    out = {}
    for row, cols in rows.items():
        assert row in FUND_ROWS
        out.update({f"fund_{row}_{col}": v for col, v in zip(FUND_COLS, cols)})
    return out


def project(values: dict | None = None, indicators=(), level1_labels: dict | None = None,
            sheet: str = L.SHEET_PROJECT, file: str = FILE) -> Project:
    """A project sheet. ``indicators``: dicts with level2 (a template 二级 name, or "level2" text plus
    "slot" = template 二级 name for its rows) and any of name/target/actual/weight/score/reason/rule_score.
    ``level1_labels``: canonical 一级 → header text (None: no header); default "产出指标(50分)" etc."""
    values = dict(values or {})
    unknown = set(values) - set(L.PROJECT_BY_KEY)
    assert not unknown, f"not layout keys: {unknown}"
    proj = Project(sheet=sheet)
    for spec in L.PROJECT_CELLS:
        proj.fields[spec.key] = Cell(values.get(spec.key), Where(file, sheet, spec.ref))
    labels = {name: L.level1_label(name, cap) for name, cap in L.LEVEL1}
    labels.update(level1_labels or {})
    rows: dict[int, dict] = {}
    used: dict[str, int] = {}
    for spec in indicators:
        slot = spec.get("slot", spec["level2"])
        k = used.get(slot, 0)
        assert k < L.ROWS_PER_LEVEL2, f"at most {L.ROWS_PER_LEVEL2} indicators per 二级 in the template"
        used[slot] = k + 1
        rows[L.INDICATOR_FIRST_ROW + SLOTS.index(slot) * L.ROWS_PER_LEVEL2 + k] = spec
    level1, level2 = "", ""
    for i, slot in enumerate(SLOTS):
        first = L.INDICATOR_FIRST_ROW + i * L.ROWS_PER_LEVEL2
        name1 = LEVEL1_OF[slot]
        if L.LEVEL2[name1][0] == slot and labels.get(name1):
            level1 = labels[name1].strip()
            proj.level1s.append(Level1(level1, name1, Where(file, sheet, f"{COLUMN['level1']}{first}")))
        for r in range(first, first + L.ROWS_PER_LEVEL2):
            spec = rows.get(r, {})
            if r == first:
                level2 = spec.get("level2", slot) if spec else slot
            proj.indicators.append(Indicator(
                level1=level1, level2=level2,
                **{k: Cell(spec.get(k), Where(file, sheet, f"{COLUMN[k]}{r}")) for k in INDICATOR_KEYS},
            ))
    return proj


def find(findings, code: str | None = None) -> list[tuple[str, str]]:
    """(code, cell) pairs, optionally only of one code."""
    return [(f.code, f.where.cell) for f in findings if code is None or f.code == code]


def run(family: str, dept: Department, policy=None):
    """One family's findings on ``dept`` (evaluated under ``policy``, the national one by default)."""
    from importlib import import_module

    from perfxl.core.policy import DEFAULT_POLICY

    return list(import_module(f"perfxl.core.checks.{family}").check(evaluate(dept, policy or DEFAULT_POLICY)))


# ---------------------------------------------------------------- a consistent department to vary
GOOD = {
    "unit_name": "测试单位", "year": 2022, "projects_cover_all": "是",
    "budget_income_total": 500, "budget_income_general": 450, "budget_income_fund": 30, "budget_income_other": 20,
    "budget_expense_total": 500, "budget_basic": 400, "budget_project": 100,
    "budget_basic_salary": 300, "budget_basic_goods": 70, "budget_basic_subsidy": 30,
    "final_income_total": 600, "final_income_increase": 100,
    "final_expense_total": 600, "final_basic": 486, "final_basic_share": 0.81, "final_project": 114,
    "final_project_share": 0.19, "final_personnel": 400, "final_personnel_share": 0.6667,
    "final_public": 86, "final_public_share": 0.1433,
    "sangong_budget_total": 16.6, "sangong_budget_abroad": 0, "sangong_budget_car": 11.3,
    "sangong_budget_reception": 5.3, "sangong_final_total": 7.47, "sangong_final_abroad": 0,
    "sangong_final_car": 3.54, "sangong_final_reception": 3.93, "sangong_diff_total": -9.13,
    "sangong_diff_abroad": 0, "sangong_diff_car": -7.76, "sangong_diff_reception": -1.37,
    "procurement_total": 172.24, "procurement_goods": 0, "procurement_works": 0, "procurement_services": 172.24,
    "assets_total": 192.76, "liabilities_total": 232.64, "net_assets": -39.88,
    "fixed_assets_original": 92.99, "fixed_assets_in_use": 92.99,
}
GOOD_PROJECT = {
    "project_name": "测试项目", "competent_dept": "测试单位",
    **funds(total=(100, 120, 114), appropriation=(80, 100, 95), carryover=(10, 10, 9.5), other=(10, 10, 9.5)),
    "exec_weight": 10, "exec_rate": 0.95, "exec_score": 9.5, "total_weight": 100, "total_score": 99.5, "grade": "优",
}
GOOD_INDICATORS = (
    dict(level2="数量指标", name="培训人次", target="≥100人次", actual="100人次", weight=20, score=20),
    dict(level2="质量指标", name="验收合格率", target="≥95%", actual="96%", weight=15, score=15),
    dict(level2="时效指标", name="完成时间", target="12月底前完成", actual="12月底前完成", weight=10, score=10),
    dict(level2="成本指标", name="成本控制", target="≤100万元", actual="95万元", weight=5, score=5),
    dict(level2="经济效益指标", name="带动投资", target="≥10万元", actual="11万元", weight=10, score=10),
    dict(level2="社会效益指标", name="履职目标实现", target="达成预期指标", actual="达成预期指标", weight=10, score=10),
    dict(level2="生态效益指标", name="节能率", target="≥90%", actual="92%", weight=5, score=5),
    dict(level2="可持续影响指标", name="长效机制", target="建立长效机制", actual="建立长效机制", weight=5, score=5),
    dict(level2="服务对象满意度指标", name="服务对象满意度", target="≥90%", actual="95%", weight=10, score=10),
)


def good_project(values: dict | None = None, indicators=None, **kw) -> Project:
    inds = [dict(i) for i in (GOOD_INDICATORS if indicators is None else indicators)]
    return project({**GOOD_PROJECT, **(values or {})}, inds, **kw)


def good_department(values: dict | None = None, project_values: dict | None = None, indicators=None,
                    projects=None) -> Department:
    projs = projects if projects is not None else [good_project(project_values, indicators)]
    return department({**GOOD, **(values or {})}, projs)


def change(indicators, index: int, **kw):
    """A copy of ``indicators`` with the index-th one changed."""
    out = [dict(i) for i in indicators]
    out[index].update(kw)
    return out


def fill(dept: Department, policy=None) -> Department:
    """Write every computable derived value into its cell, as perfxl fill would."""
    from perfxl.core.derive import derive
    from perfxl.core.policy import DEFAULT_POLICY

    cells = {(f.where.sheet, f.where.cell): f for f in dept.fields.values()}
    for p in dept.projects:
        cells.update({(f.where.sheet, f.where.cell): f for f in p.fields.values()})
        cells.update({(i.rule_score.where.sheet, i.rule_score.where.cell): i.rule_score for i in p.indicators})
    for d in derive(dept, policy or DEFAULT_POLICY):
        if d.value is not None:
            cells[(d.where.sheet, d.where.cell)].raw = d.value
    return dept
