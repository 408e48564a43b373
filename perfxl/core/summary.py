"""Consolidation math (RULES.md §5): from per-file results to the rows and totals of every table.

Standard library only. Two steps, so that the heavy part runs in worker processes:

1. ``department_record(dept, findings, policy)`` turns one department (the model plus its findings)
   into a plain, picklable record: its project and indicator rows, money, scores and review
   candidates, all as dicts of str/int/Decimal.
2. ``build(files)`` takes every file's facts (and record, when it could be read) and computes the
   tables: one row per department, totals done right, duplicates flagged, the review list.

Decisions (also printed in the summary's notes and the README):

- A department's money columns are the Σ over its project sheets (年度资金总额 row).
- A department's scores are the **fund-weighted mean over its projects** (weight = the project's
  全年预算数); when no project has a positive budget, the simple mean.
- Totals never average a rate: 合计执行率 = Σ全年执行数 / Σ全年预算数. Mean scores are given both
  simple and fund-weighted (Σ总分ᵢ × 全年预算ᵢ / Σ全年预算ᵢ, over departments with a score and a budget).
- The score that grades and averages is the recomputed one (复核总分); the reported one is beside it.
- The same (单位, 年度) twice: the first file (in path order) counts, the others are listed, flagged
  and left out of every total.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .derive import amount, figures, number
from .findings import Finding, Severity, Where
from .model import Department
from .money import q, q2
from .policy import DEFAULT_POLICY, ScoringPolicy
from .scoring import grade as _grade
from .values import is_blank, read_int

LEVEL1_KEYS = (("output", "产出指标"), ("benefit", "效益指标"), ("satisfaction", "满意度指标"))
GRADES = ("优", "良", "中", "差")
RATE_PLACES = 4
SCORE_PLACES = 2

STATUS_OK, STATUS_ERRORS, STATUS_UNUSABLE, STATUS_DUPLICATE = "已汇总", "有错误仍汇总", "无法读取", "重复未计入"

NOTES = (
    "部门的金额为其各项目自评表“年度资金总额”行之和；部门的各项得分为其项目得分按全年预算数加权的平均"
    "（无预算数时取简单平均）。",
    "合计执行率 = Σ全年执行数 ÷ Σ全年预算数，不是各部门执行率的平均；只计同时填有预算数和执行数的项目"
    "（执行数空白不当作 0）。",
    "平均分给出简单平均与资金加权平均（Σ复核总分×全年预算数 ÷ Σ全年预算数）；等级按复核总分评定。",
    "同一单位同一年度出现多份文件时，只计入路径排序在前的一份，其余标为“重复未计入”，不进入任何合计。",
)


# ------------------------------------------------------------------------------------ helpers
def _add(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if b is None:
        return a
    return b if a is None else a + b


def ratio(num: Decimal | None, den: Decimal | None, places: int = RATE_PLACES) -> Decimal | None:
    if num is None or den is None or den == 0:
        return None
    return q(num / den, places)


def weighted_mean(pairs: list[tuple[Decimal | None, Decimal | None]],
                  places: int = SCORE_PLACES) -> Decimal | None:
    """Σ vᵢ×wᵢ / Σ wᵢ over pairs with a value and a positive weight; None when there are none."""
    use = [(v, w) for v, w in pairs if v is not None and w is not None and w > 0]
    den = sum((w for _, w in use), Decimal(0))
    if not use or den == 0:
        return None
    return q(sum((v * w for v, w in use), Decimal(0)) / den, places)


def simple_mean(values: list[Decimal | None], places: int = SCORE_PLACES) -> Decimal | None:
    use = [v for v in values if v is not None]
    if not use:
        return None
    return q(sum(use, Decimal(0)) / len(use), places)


def fund_mean(pairs: list[tuple[Decimal | None, Decimal | None]], places: int = SCORE_PLACES) -> Decimal | None:
    """The department rule: fund-weighted mean, or the simple mean when no weight is positive."""
    w = weighted_mean(pairs, places)
    return w if w is not None else simple_mean([v for v, _ in pairs], places)


def grade_of(total: Decimal | None, policy: ScoringPolicy = DEFAULT_POLICY) -> str:
    return "" if total is None else _grade(total, policy)


def _text(raw: object) -> str:
    return "" if raw is None else str(raw).strip()


def _year(raw: object) -> int | None:
    v = read_int(raw)
    return v if isinstance(v, int) else None


# ------------------------------------------------------------------------------------ per file
def department_record(dept: Department, findings: list[Finding],
                      policy: ScoringPolicy = DEFAULT_POLICY) -> dict:
    """Everything the summary needs from one department, as plain picklable values."""
    g = dept.get
    unit = dept.unit_name
    projects, indicators, review = [], [], []
    for proj in dept.projects:
        fig = figures(proj, policy)
        f = proj.fields
        level = {key: None for key, _ in LEVEL1_KEYS}
        names = dict((name, key) for key, name in LEVEL1_KEYS)
        for ind in fig.rows:
            s = number(ind.score)
            key = names.get(_canonical(ind.level1))
            if key is not None and s is not None:
                level[key] = _add(level[key], s)
            res = fig.rule_scores.get(id(ind))
            w = number(ind.weight)
            indicators.append({
                "project": proj.name, "sheet": proj.sheet, "cell": ind.name.where.cell,
                "level1": _canonical(ind.level1) or ind.level1, "level2": ind.level2,
                "name": ind.name.text, "target": ind.target.text, "actual": ind.actual.text,
                "weight": w, "score": s, "rule_score": res.score if res is not None else None,
                "reason": ind.reason.text,
            })
            review.extend(_indicator_review(proj.name, ind, w, s, res, policy))
        reported = number(f["total_score"])
        diff = q2(reported - fig.total) if reported is not None and fig.total is not None else None
        row = {
            "project": proj.name, "sheet": proj.sheet,
            "initial": amount(f["fund_total_initial"]), "full_year": fig.budget, "executed": fig.executed,
            "exec_rate": fig.exec_rate, "exec_score": fig.exec_score, **level,
            "reported": reported, "recomputed": fig.total, "diff": diff,
            "grade": fig.grade or "", "reported_grade": f["grade"].text,
        }
        projects.append(row)
        review.extend(_project_review(row, f["total_score"].where, f["exec_rate"].where, policy))
    errors = sum(1 for x in findings if x.severity is Severity.ERROR)
    warnings = sum(1 for x in findings if x.severity is Severity.WARNING)
    return {
        "unit": unit, "year": _year(g("year").raw), "year_text": g("year").text,
        "projects": projects, "indicators": indicators, "review": review,
        "sangong": {k: amount(g(f"sangong_{k}")) for k in (
            "budget_total", "budget_abroad", "budget_car", "budget_reception",
            "final_total", "final_abroad", "final_car", "final_reception")},
        "procurement": {k: amount(g(f"procurement_{k}")) for k in ("total", "goods", "works", "services")},
        "assets": {k: amount(g(k)) for k in (
            "assets_total", "liabilities_total", "net_assets", "fixed_assets_original", "fixed_assets_in_use")},
        "findings": [finding_row(x) for x in findings],
        "errors": errors, "warnings": warnings,
    }


def finding_row(x: Finding) -> dict:
    return {"file": x.where.file, "sheet": x.where.sheet, "cell": x.where.cell, "code": x.code,
            "severity": x.severity.value, "rule": x.rule, "message": x.message}


def _canonical(label: str) -> str:
    flat = "".join((label or "").split())
    for _, name in LEVEL1_KEYS:
        if flat.startswith(name) or flat.startswith(name[:-2]):
            return name
    return ""


def _indicator_review(project: str, ind, w, s, res, policy: ScoringPolicy) -> list[dict]:
    out = []
    where = ind.score.where
    label = ind.name.text or "（未命名指标）"
    if (w is not None and s is not None and w > 0 and s >= w and res is not None and res.score is not None
            and res.method in ("forward", "reverse", "equal", "zero-target") and res.score < w):
        out.append({"project": project, "sheet": where.sheet, "cell": where.cell, "kind": "满分但未达标",
                    "reason": f"指标“{label}”自评得分 {_show(s)} 为满分，但实际完成值“{ind.actual.text}”"
                              f"未达到指标值“{ind.target.text}”（按规则应得 {_show(res.score)}）"})
    if (res is not None and res.ratio is not None and res.method == "forward"
            and res.ratio >= policy.over_achievement and is_blank(ind.reason.raw)):
        out.append({"project": project, "sheet": where.sheet, "cell": ind.reason.where.cell,
                    "kind": "超额完成未说明",
                    "reason": f"指标“{label}”实际完成值“{ind.actual.text}”为指标值“{ind.target.text}”的 "
                              f"{_show(q(res.ratio * 100, 1))}%（≥{_show(policy.over_achievement * 100)}%），"
                              "未填写偏差原因"})
    return out


def _project_review(row: dict, total_where: Where, rate_where: Where, policy: ScoringPolicy) -> list[dict]:
    out = []
    total = row["reported"] if row["reported"] is not None else row["recomputed"]
    rate = row["exec_rate"]
    if total is not None and rate is not None and total >= 95 and rate < Decimal("0.9"):
        out.append({"project": row["project"], "sheet": total_where.sheet, "cell": total_where.cell,
                    "kind": "高分低执行",
                    "reason": f"总分 {_show(total)} ≥ 95，但预算执行率 {_show(q(rate * 100, 2))}% < 90%"})
    if row["diff"] is not None and abs(row["diff"]) > policy.tolerance_amount:
        out.append({"project": row["project"], "sheet": total_where.sheet, "cell": total_where.cell,
                    "kind": "自评与复核总分不符",
                    "reason": f"自评总分 {_show(row['reported'])}，复核总分 {_show(row['recomputed'])}，"
                              f"相差 {_show(row['diff'])}"})
    return out


def _show(v: Decimal | None) -> str:
    if v is None:
        return "（空）"
    return format(v.normalize(), "f") if v == v.to_integral_value() else format(v, "f")


# ------------------------------------------------------------------------------------ all files
@dataclass
class FileFacts:
    """One input file: what the orchestrator knows, plus its record when it could be read."""

    path: str
    name: str
    size: int
    sha256: str
    record: dict | None = None
    unusable: str = ""  # the sentence when the file could not be read
    status: str = ""  # filled in by build()
    note: str = ""


@dataclass
class SummaryData:
    departments: list[dict] = field(default_factory=list)
    totals: dict = field(default_factory=dict)
    projects: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    sangong: list[dict] = field(default_factory=list)
    sangong_totals: dict = field(default_factory=dict)
    procurement: list[dict] = field(default_factory=list)
    procurement_totals: dict = field(default_factory=dict)
    assets: list[dict] = field(default_factory=list)
    assets_totals: dict = field(default_factory=dict)
    findings: list[dict] = field(default_factory=list)
    review: list[dict] = field(default_factory=list)
    files: list[dict] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (duplicate file, first file)

    @property
    def counts(self) -> dict:
        c = {STATUS_OK: 0, STATUS_ERRORS: 0, STATUS_UNUSABLE: 0, STATUS_DUPLICATE: 0}
        for f in self.files:
            c[f["status"]] = c.get(f["status"], 0) + 1
        return c


def _department_row(facts: FileFacts, rec: dict, policy: ScoringPolicy) -> dict:
    projs = rec["projects"]
    money = {k: None for k in ("initial", "full_year", "executed")}
    for p in projs:
        for k in money:
            money[k] = _add(money[k], p[k])
    budget = [p["full_year"] for p in projs]
    scores = {}
    for key in ("exec_score", "output", "benefit", "satisfaction", "reported", "recomputed"):
        scores[key] = fund_mean([(p[key], b) for p, b in zip(projs, budget)])
    diff = (q2(scores["reported"] - scores["recomputed"])
            if scores["reported"] is not None and scores["recomputed"] is not None else None)
    return {
        "unit": rec["unit"], "year": rec["year"] if rec["year"] is not None else rec["year_text"],
        "projects": len(projs), **money, "exec_rate": _rate_of(projs),
        **scores, "diff": diff, "grade": grade_of(scores["recomputed"], policy),
        "errors": rec["errors"], "warnings": rec["warnings"], "file": facts.name, "note": "",
    }


def _rate_of(rows: list[dict]) -> Decimal | None:
    """Σ全年执行数 / Σ全年预算数 over the rows that report both (a blank 执行数 is not a zero)."""
    both = [r for r in rows if r["full_year"] is not None and r["executed"] is not None]
    if not both:
        return None
    return ratio(sum((r["executed"] for r in both), Decimal(0)), sum((r["full_year"] for r in both), Decimal(0)))


class _RateSum:
    """Σ全年执行数 and Σ全年预算数 over the rows that report both, added in order (as ``_rate_of``)."""

    __slots__ = ("num", "den", "any")

    def __init__(self):
        self.num, self.den, self.any = Decimal(0), Decimal(0), False

    def add(self, full_year: Decimal | None, executed: Decimal | None) -> None:
        if full_year is not None and executed is not None:
            self.num += executed
            self.den += full_year
            self.any = True

    def rate(self) -> Decimal | None:
        return ratio(self.num, self.den) if self.any else None


_UNSET = object()


def department_totals(rows: list[dict], projects: list[dict] | None = None, *, exec_rate=_UNSET) -> dict:
    """The totals block of 汇总 over the rows that count (duplicates already left out).

    The rate comes from the project rows when given (a project with a blank 执行数 is left out of
    both sums), else from the department rows; ``exec_rate``, when given, is that rate already
    summed (the streaming path keeps the sums, not the project rows)."""
    t: dict = {"count": len(rows)}
    for k in ("initial", "full_year", "executed"):
        t[k] = None
        for r in rows:
            t[k] = _add(t[k], r[k])
    # the rate from the sums, over departments that report both numbers
    t["exec_rate"] = exec_rate if exec_rate is not _UNSET else _rate_of(projects if projects is not None else rows)
    for k in ("exec_score", "output", "benefit", "satisfaction", "reported", "recomputed", "diff"):
        t[f"mean_{k}"] = simple_mean([r[k] for r in rows])
        t[f"weighted_{k}"] = weighted_mean([(r[k], r["full_year"]) for r in rows])
    t["grades"] = {g: sum(1 for r in rows if r["grade"] == g) for g in GRADES}
    t["ungraded"] = sum(1 for r in rows if not r["grade"])
    t["errors"] = sum(r["errors"] for r in rows)
    t["warnings"] = sum(r["warnings"] for r in rows)
    t["projects"] = sum(r["projects"] for r in rows)
    return t


def _sum_table(rows: list[dict], keys: tuple[str, ...]) -> dict:
    out = {}
    for k in keys:
        out[k] = None
        for r in rows:
            out[k] = _add(out[k], r.get(k))
    return out


class _TableSum:
    """``_sum_table`` kept as rows arrive: the count of rows and each key's Σ, in the same order."""

    def __init__(self, keys: tuple[str, ...]):
        self.keys = keys
        self.count = 0
        self.sums: dict = {k: None for k in keys}

    def add(self, row: dict) -> None:
        self.count += 1
        sums = self.sums
        for k in self.keys:
            sums[k] = _add(sums[k], row.get(k))


def _key(unit: str, year) -> tuple[str, str]:
    return ("".join(unit.split()), str(year or "").strip())


SANGONG_KEYS = tuple(f"{p}_{k}" for p in ("budget", "final", "diff") for k in ("total", "abroad", "car", "reception"))
PROCUREMENT_KEYS = ("total", "goods", "works", "services")
ASSET_KEYS = ("assets_total", "liabilities_total", "net_assets", "fixed_assets_original", "fixed_assets_in_use")
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass
class FileRows:
    """What one file adds to each table, in the tables' order. ``build()`` appends them to its lists;
    the streaming writer writes them out and drops them."""

    file: dict
    department: dict | None = None  # None for a file that could not be read
    projects: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    review: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    sangong: dict | None = None  # these three only for a department that counts (not a duplicate)
    procurement: dict | None = None
    assets: dict | None = None


class Consolidation:
    """The consolidation one file at a time, in report (path) order: ``add(facts)`` returns that
    file's rows for every table and keeps only what the end needs — the one-row-per-department
    table, the first file of each (单位, 年度), and running sums for the totals (``totals()``).

    Duplicates are decided as files arrive: the first (单位, 年度) in path order counts; a later one
    is 重复未计入 — the same answer ``build()`` gives, since ``build()`` is this loop."""

    def __init__(self, policy: ScoringPolicy = DEFAULT_POLICY):
        self.policy = policy
        self.seen: dict[tuple[str, str], str] = {}
        self.departments: list[dict] = []  # every department row, duplicates included (汇总, charts)
        self.counted: list[dict] = []  # the same dicts, those that count
        self.duplicates: list[tuple[str, str]] = []
        self.counts = {STATUS_OK: 0, STATUS_ERRORS: 0, STATUS_UNUSABLE: 0, STATUS_DUPLICATE: 0}
        self.n_files = 0
        self.n_review = 0
        self.problem_files: list[dict] = []  # file rows of the unusable and the duplicates
        self._rate = _RateSum()
        self.sangong = _TableSum(SANGONG_KEYS)
        self.procurement = _TableSum(PROCUREMENT_KEYS)
        self.assets = _TableSum(ASSET_KEYS)

    def add(self, facts: FileFacts) -> FileRows:
        rec = facts.record
        self.n_files += 1
        if rec is None:
            facts.status = STATUS_UNUSABLE
            facts.note = facts.unusable
            out = FileRows(_file_row(facts))
            out.findings.append(_finding({"file": facts.name, "sheet": "", "cell": "", "code": "workbook-unusable",
                                          "severity": "error", "rule": "", "message": facts.unusable}))
            return self._count(facts, out)
        row = _department_row(facts, rec, self.policy)
        key = _key(rec["unit"], row["year"])
        first = self.seen.get(key) if key[0] else None
        findings = [_finding(f) for f in rec["findings"]]
        if first is not None:
            facts.status = STATUS_DUPLICATE
            facts.note = f"与 {first} 为同一单位同一年度（{rec['unit']} {row['year']}），未计入合计"
            row["note"] = facts.note
            self.duplicates.append((facts.name, first))
            findings.append(_finding({"file": facts.name, "sheet": "", "cell": "", "code": "duplicate-department",
                                      "severity": "error", "rule": "", "message": facts.note}))
        else:
            if key[0]:
                self.seen[key] = facts.name
            facts.status = STATUS_ERRORS if rec["errors"] else STATUS_OK
            self.counted.append(row)
            for p in rec["projects"]:
                self._rate.add(p["full_year"], p["executed"])
        self.departments.append(row)
        base = {"unit": rec["unit"], "year": row["year"], "file": facts.name}
        out = FileRows(_file_row(facts), row, findings=findings)
        out.projects = [{**base, **p} for p in rec["projects"]]
        out.indicators = [{**base, **i, "place": f"{i['sheet']}!{i['cell']}"} for i in rec["indicators"]]
        out.review = [{**base, **r} for r in rec["review"]]
        self.n_review += len(out.review)
        if first is None:
            sg = rec["sangong"]
            out.sangong = {**base, **sg, **{
                f"diff_{k}": (sg[f"final_{k}"] - sg[f"budget_{k}"]
                              if sg.get(f"final_{k}") is not None and sg.get(f"budget_{k}") is not None else None)
                for k in ("total", "abroad", "car", "reception")}}
            out.procurement = {**base, **rec["procurement"]}
            a = dict(rec["assets"])
            if a.get("assets_total") is not None and a.get("liabilities_total") is not None:
                a["net_assets"] = a["assets_total"] - a["liabilities_total"]  # recomputed, never trusted
            out.assets = {**base, **a}
            self.sangong.add(out.sangong)
            self.procurement.add(out.procurement)
            self.assets.add(out.assets)
        return self._count(facts, out)

    def _count(self, facts: FileFacts, out: FileRows) -> FileRows:
        self.counts[facts.status] = self.counts.get(facts.status, 0) + 1
        if facts.status in (STATUS_UNUSABLE, STATUS_DUPLICATE):
            self.problem_files.append(out.file)
        return out

    def totals(self) -> dict:
        return department_totals(self.counted, exec_rate=self._rate.rate())


def _finding(row: dict) -> dict:
    row["severity_label"] = SEVERITY_LABELS.get(row["severity"], row["severity"])
    return row


def build(files: list[FileFacts], policy: ScoringPolicy = DEFAULT_POLICY) -> SummaryData:
    """Compute every table. ``files`` in the order to report them (the orchestrator sorts by path)."""
    out = SummaryData()
    c = Consolidation(policy)
    for facts in files:
        part = c.add(facts)
        out.files.append(part.file)
        out.findings.extend(part.findings)
        if part.department is None:
            continue
        out.departments.append(part.department)
        out.projects.extend(part.projects)
        out.indicators.extend(part.indicators)
        out.review.extend(part.review)
        if part.sangong is not None:
            out.sangong.append(part.sangong)
            out.procurement.append(part.procurement)
            out.assets.append(part.assets)
    out.duplicates = c.duplicates
    out.totals = c.totals()
    out.sangong_totals = c.sangong.sums
    out.procurement_totals = c.procurement.sums
    out.assets_totals = c.assets.sums
    return out


def _file_row(facts: FileFacts) -> dict:
    rec = facts.record or {}
    return {"file": facts.name, "path": facts.path, "status": facts.status, "note": facts.note,
            "unit": rec.get("unit", ""), "year": rec.get("year") or rec.get("year_text", ""),
            "errors": rec.get("errors", 0) if rec else None, "warnings": rec.get("warnings", 0) if rec else None,
            "size": facts.size, "sha256": facts.sha256}
