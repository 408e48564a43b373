"""Build Departments and Projects from small dicts, with every Field at the template address
(perfxl.template.layout), as perfxl.io.extract would."""
from __future__ import annotations

from perfxl.core.findings import Where
from perfxl.core.model import FUND_COLS, FUND_ROWS, Department, Field, Indicator, Level1, Project
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
        dept.fields[spec.key] = Field(values.get(spec.key), Where(file, spec.sheet, spec.ref))
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
        proj.fields[spec.key] = Field(values.get(spec.key), Where(file, sheet, spec.ref))
    for row in FUND_ROWS:
        proj.funds[row] = {col: proj.fields[f"fund_{row}_{col}"] for col in FUND_COLS}
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
    level1, level1_where, level2 = "", None, ""
    for i, slot in enumerate(SLOTS):
        first = L.INDICATOR_FIRST_ROW + i * L.ROWS_PER_LEVEL2
        name1 = LEVEL1_OF[slot]
        if L.LEVEL2[name1][0] == slot and labels.get(name1):
            level1, level1_where = labels[name1].strip(), Where(file, sheet, f"{COLUMN['level1']}{first}")
            proj.level1s.append(Level1(level1, name1, level1_where))
        for r in range(first, first + L.ROWS_PER_LEVEL2):
            spec = rows.get(r, {})
            if r == first:
                level2 = spec.get("level2", slot) if spec else slot
            proj.indicators.append(Indicator(
                level1=level1, level2=level2,
                **{k: Field(spec.get(k), Where(file, sheet, f"{COLUMN[k]}{r}")) for k in INDICATOR_KEYS},
                level1_where=level1_where,
            ))
    return proj


def find(findings, code: str | None = None) -> list[tuple[str, str]]:
    """(code, cell) pairs, optionally only of one code."""
    return [(f.code, f.where.cell) for f in findings if code is None or f.code == code]


def run(family: str, dept: Department, policy=None):
    from importlib import import_module

    from perfxl.core.policy import DEFAULT_POLICY

    return list(import_module(f"perfxl.core.checks.{family}").check(dept, policy or DEFAULT_POLICY))
