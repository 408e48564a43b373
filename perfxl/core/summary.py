"""Consolidation math (RULES.md §5): from evaluated departments to the rows and totals of every table.

Standard library only. Two steps, so that the heavy part runs in worker processes:

1. ``department_record(ev)`` turns one evaluated department into a :class:`DepartmentRecord` of
   finished, picklable rows (``perfxl.core.summary_rows``): its 汇总 row, project and indicator rows,
   review candidates, findings, 三公 / 采购 / 资产 rows.
2. :class:`Consolidation` takes every file's :class:`FileFacts` in report order, decides its status
   (duplicates by 单位 + 年度), returns the rows it adds to each table and keeps the totals.

Decisions (also printed in the summary's notes and the README):

- A department's money columns are the Σ over its project sheets (年度资金总额 row).
- A department's scores are the **fund-weighted mean over its projects** (weight = the project's
  全年预算数); when no project has a positive budget, the simple mean.
- Totals never average a rate: 合计执行率 = Σ全年执行数 / Σ全年预算数. Mean scores are given both
  simple and fund-weighted (Σ总分ᵢ × 全年预算ᵢ / Σ全年预算ᵢ, over departments with a score and a budget).
- The score that grades and averages is the recomputed one (复核总分); the reported one is beside it.
- The same (单位, 年度) twice: the first file (in path order) counts, the others are listed, flagged
  and left out of every total.
- Grades are counted under the policy's own labels.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .display import num, pct
from .evaluate import Evaluation, ProjectEval, Row
from .evaluate import num as number
from .fields import canonical_level1
from .findings import ERROR, Code, Family, Finding, Severity, Where
from .money import q
from .policy import DEFAULT_POLICY, ScoringPolicy
from .scoring import grade as _grade
from .summary_rows import (
    SUMMED, AssetRow, DepartmentRow, FileRow, FindingRow, IndicatorRow, ProcurementRow, ProjectRow, ReviewRow,
    SangongRow, Status, money_keys,
)
from .values import is_blank, read_int

CODES = Family(
    "consolidation", "汇总",
    Code("workbook-unusable", ERROR, "§5", "{message}",
         "文件不是可用的工作簿（不是 xlsx、已损坏、加密、不是本模板、缺少工作表……），未能读取，也未计入汇总。",
         "按说明处理后重新提交：如另存为 .xlsx、去掉打开密码、用 perfxl template 生成的模板重新填写。"),
    Code("duplicate-department", ERROR, "§5", "与 {first} 为同一单位同一年度（{unit} {year}），未计入合计。",
         "同一单位同一年度出现了多份文件；只计入路径排序在前的一份，其余不进入任何合计。",
         "确认哪一份是最终版本，删去或改名其余文件后重新汇总。"),
)

LEVEL1_KEYS = (("output", "产出指标"), ("benefit", "效益指标"), ("satisfaction", "满意度指标"))
RATE_PLACES = 4
SCORE_KEYS = ("exec_score", "output", "benefit", "satisfaction", "reported", "recomputed", "diff")

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


def ratio(part: Decimal | None, whole: Decimal | None, places: int = RATE_PLACES) -> Decimal | None:
    if part is None or whole is None or whole == 0:
        return None
    return q(part / whole, places)


def weighted_mean(pairs, places: int = 2) -> Decimal | None:
    """Σ vᵢ×wᵢ / Σ wᵢ over pairs with a value and a positive weight; None when there are none."""
    use = [(v, w) for v, w in pairs if v is not None and w is not None and w > 0]
    den = sum((w for _, w in use), Decimal(0))
    if not use or den == 0:
        return None
    return q(sum((v * w for v, w in use), Decimal(0)) / den, places)


def simple_mean(values, places: int = 2) -> Decimal | None:
    use = [v for v in values if v is not None]
    return q(sum(use, Decimal(0)) / len(use), places) if use else None


def fund_mean(pairs, places: int = 2) -> Decimal | None:
    """The department rule: fund-weighted mean, or the simple mean when no weight is positive."""
    w = weighted_mean(pairs, places)
    return w if w is not None else simple_mean([v for v, _ in pairs], places)


class RateSum:
    """Σ全年执行数 and Σ全年预算数 over the rows that report both (a blank 执行数 is not a zero)."""

    __slots__ = ("executed", "budget", "any")

    def __init__(self):
        self.executed, self.budget, self.any = Decimal(0), Decimal(0), False

    def add(self, budget: Decimal | None, executed: Decimal | None) -> None:
        if budget is not None and executed is not None:
            self.executed += executed
            self.budget += budget
            self.any = True

    def rate(self) -> Decimal | None:
        return ratio(self.executed, self.budget) if self.any else None


# ------------------------------------------------------------------------------------ per department
@dataclass(slots=True)
class DepartmentRecord:
    """One department's finished rows (made in a worker; plain, picklable)."""

    key: tuple[str, str]  # (单位, 年度) normalised, for duplicates
    department: DepartmentRow
    projects: list[ProjectRow]
    indicators: list[IndicatorRow]
    review: list[ReviewRow]
    findings: list[FindingRow]
    sangong: SangongRow
    procurement: ProcurementRow
    assets: AssetRow
    rates: list[tuple[Decimal | None, Decimal | None]]  # (全年预算数, 全年执行数) per project, for the total rate


def finding_row(f: Finding) -> FindingRow:
    return FindingRow(f.where.file, f.where.sheet, f.where.cell, f.code, f.severity.label, f.rule, f.message,
                      f.severity.value)


def department_record(ev: Evaluation) -> DepartmentRecord:
    """Everything the summary needs from one evaluated department (its findings included)."""
    dept, policy = ev.dept, ev.policy
    unit, file = dept.unit_name, dept.file
    year_int = read_int(dept.get("year").raw)
    year = year_int if isinstance(year_int, int) else (dept.get("year").text or None)
    projects, indicators, review = [], [], []
    for pe in ev.projects:
        prow = _project_row(pe, unit, year, file, policy)
        projects.append(prow)
        for row in pe.rows:
            indicators.append(_indicator_row(row, pe, unit, year, file))
            review.extend(_indicator_review(row, pe, unit, year, file, policy))
        review.extend(_project_review(prow, pe, policy))
    findings = ev.findings
    errors = sum(1 for x in findings if x.severity is Severity.ERROR)
    warnings = sum(1 for x in findings if x.severity is Severity.WARNING)
    drow = department_row(projects, unit, year, file, errors, warnings, policy)
    n = ev.num
    sangong = SangongRow(unit, year, *(n(f"sangong_{s}_{k}") for s in ("budget", "final")
                                       for k in ("total", "abroad", "car", "reception")), file=file)
    if sangong.final_total is not None and sangong.budget_total is not None:
        sangong.diff_total = sangong.final_total - sangong.budget_total
    procurement = ProcurementRow(unit, year, n("procurement_total"), n("procurement_goods"), n("procurement_works"),
                                 n("procurement_services"), file)
    assets_total, liabilities = n("assets_total"), n("liabilities_total")
    net = assets_total - liabilities if assets_total is not None and liabilities is not None else None
    assets = AssetRow(unit, year, assets_total, liabilities, net, n("fixed_assets_original"),
                      n("fixed_assets_in_use"), file)  # 净资产 recomputed, never trusted
    return DepartmentRecord(department_key(unit, year), drow, projects, indicators, review, [finding_row(x) for x in findings],
                            sangong, procurement, assets, [(pe.budget, pe.executed) for pe in ev.projects])


def _project_row(pe: ProjectEval, unit, year, file, policy: ScoringPolicy) -> ProjectRow:
    level = {key: None for key, _ in LEVEL1_KEYS}
    keys = {name: key for key, name in LEVEL1_KEYS}
    for row in pe.rows:
        s, key = number(row.score), keys.get(canonical_level1(row.ind.level1))
        if key is not None and s is not None:
            level[key] = _add(level[key], s)
    reported = pe.num("total_score")
    diff = q(reported - pe.total, 2) if reported is not None and pe.total is not None else None
    return ProjectRow(unit, year, pe.name, pe.sheet, pe.num("fund_total_initial"), pe.budget, pe.executed,
                      pe.exec_rate, pe.exec_score, level["output"], level["benefit"], level["satisfaction"],
                      reported, pe.total, diff, pe.grade or "", pe.cell("grade").text, file)


def _indicator_row(row: Row, pe: ProjectEval, unit, year, file) -> IndicatorRow:
    ind = row.ind
    return IndicatorRow(unit, year, pe.name, canonical_level1(ind.level1) or ind.level1,
                        ind.level2, ind.name.text, ind.target.text, ind.actual.text, number(row.weight),
                        number(row.score), row.rule_score, ind.reason.text, file,
                        f"{ind.name.where.sheet}!{ind.name.where.cell}")


def department_row(projects: list[ProjectRow], unit, year, file, errors, warnings,
                    policy: ScoringPolicy) -> DepartmentRow:
    """One department's 汇总 row from its project rows: money summed, the rate from the sums, scores
    fund-weighted over the projects (RULES.md §5), graded under ``policy``."""
    row = DepartmentRow(unit, year, len(projects), errors=errors, warnings=warnings, file=file)
    rates = RateSum()
    for p in projects:
        row.initial, row.full_year, row.executed = (_add(row.initial, p.initial), _add(row.full_year, p.full_year),
                                                    _add(row.executed, p.executed))
        rates.add(p.full_year, p.executed)
    row.exec_rate = rates.rate()
    budgets = [p.full_year for p in projects]
    for key in ("exec_score", "output", "benefit", "satisfaction", "reported", "recomputed"):
        setattr(row, key, fund_mean([(getattr(p, key), b) for p, b in zip(projects, budgets)]))
    if row.reported is not None and row.recomputed is not None:
        row.diff = q(row.reported - row.recomputed, 2)
    row.grade = "" if row.recomputed is None else _grade(row.recomputed, policy)
    return row


def _indicator_review(row: Row, pe: ProjectEval, unit, year, file, policy: ScoringPolicy) -> list[ReviewRow]:
    out = []
    ind, res = row.ind, row.rule
    w, s = number(row.weight), number(row.score)
    label = ind.name.text or "（未命名指标）"
    where = ind.score.where
    if (w is not None and s is not None and w > 0 and s >= w and res is not None and res.score is not None
            and res.method in ("forward", "reverse", "equal", "zero-target") and res.score < w):
        out.append(ReviewRow(unit, year, pe.name, "满分但未达标",
                             f"指标“{label}”自评得分 {num(s)} 为满分，但实际完成值“{ind.actual.text}”"
                             f"未达到指标值“{ind.target.text}”（按规则应得 {num(res.score)}）", where.sheet, where.cell, file))
    if (res is not None and res.ratio is not None and res.method == "forward"
            and res.ratio >= policy.over_achievement and is_blank(ind.reason.raw)):
        out.append(ReviewRow(unit, year, pe.name, "超额完成未说明",
                             f"指标“{label}”实际完成值“{ind.actual.text}”为指标值“{ind.target.text}”的 "
                             f"{pct(res.ratio, 1)}（≥{num(policy.over_achievement * 100)}%），未填写偏差原因",
                             where.sheet, ind.reason.where.cell, file))
    return out


def _project_review(p: ProjectRow, pe: ProjectEval, policy: ScoringPolicy) -> list[ReviewRow]:
    out = []
    where = pe.cell("total_score").where
    total = p.reported if p.reported is not None else p.recomputed
    if (total is not None and p.exec_rate is not None and total >= policy.review_high_score
            and p.exec_rate < policy.review_low_rate):
        out.append(ReviewRow(p.unit, p.year, p.project, "高分低执行",
                             f"总分 {num(total)} ≥ {num(policy.review_high_score)}，但预算执行率 {pct(p.exec_rate)} "
                             f"< {pct(policy.review_low_rate, 0)}", where.sheet, where.cell, p.file))
    if p.diff is not None and abs(p.diff) > Decimal(1).scaleb(-policy.score_places):
        out.append(ReviewRow(p.unit, p.year, p.project, "自评与复核总分不符",
                             f"自评总分 {num(p.reported)}，复核总分 {num(p.recomputed)}，相差 {num(p.diff)}",
                             where.sheet, where.cell, p.file))
    return out


def department_key(unit: str, year) -> tuple[str, str]:
    """(单位, 年度) as compared for duplicates: spaces in the unit's name do not make another unit."""
    return ("".join(unit.split()), str(year or "").strip())


# ------------------------------------------------------------------------------------ all files
@dataclass(slots=True)
class FileFacts:
    """One input file: what the orchestrator knows, plus its record when it could be read."""

    path: str
    name: str
    size: int | None
    sha256: str
    record: DepartmentRecord | None = None
    unusable: str = ""  # the sentence when the file could not be read


@dataclass(slots=True)
class FileRows:
    """What one file adds to each table, in the tables' order (the writer writes them, then drops them)."""

    file: FileRow
    status: Status
    department: DepartmentRow | None = None
    projects: list[ProjectRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    review: list[ReviewRow] = field(default_factory=list)
    findings: list[FindingRow] = field(default_factory=list)
    sangong: list[SangongRow] = field(default_factory=list)  # these three only for a department that counts
    procurement: list[ProcurementRow] = field(default_factory=list)
    assets: list[AssetRow] = field(default_factory=list)


@dataclass(slots=True)
class Totals:
    """The totals block of 汇总 over the departments that count (duplicates left out)."""

    count: int = 0
    projects: int = 0
    initial: Decimal | None = None
    full_year: Decimal | None = None
    executed: Decimal | None = None
    exec_rate: Decimal | None = None
    mean: dict = field(default_factory=dict)  # score key → simple mean
    weighted: dict = field(default_factory=dict)  # score key → fund-weighted mean
    grades: dict = field(default_factory=dict)  # grade label → departments, in the policy's order
    ungraded: int = 0
    errors: int = 0
    warnings: int = 0


class Consolidation:
    """The consolidation one file at a time, in report (path) order: ``add(facts)`` returns that file's
    rows for every table and keeps only what the end needs — the one-row-per-department table, the
    first file of each (单位, 年度), and running sums for the totals.

    Duplicates are decided as files arrive: the first (单位, 年度) in path order counts; a later one is
    重复未计入."""

    def __init__(self, policy: ScoringPolicy = DEFAULT_POLICY):
        self.policy = policy
        self.seen: dict[tuple[str, str], str] = {}
        self.departments: list[DepartmentRow] = []  # every department row, duplicates included (汇总, charts)
        self.counted: list[DepartmentRow] = []  # those that count
        self.duplicates: list[tuple[str, str]] = []
        self.counts = {s: 0 for s in Status}
        self.n_files = 0
        self.n_review = 0
        self.problem_files: list[FileRow] = []  # the unusable and the duplicates
        self._rate = RateSum()
        self.sums = {key: {k: None for k in money_keys(t)} for key, t in SUMMED.items()}
        self.summed_rows = {key: 0 for key in SUMMED}

    def add(self, facts: FileFacts) -> FileRows:
        self.n_files += 1
        rec = facts.record
        if rec is None:
            out = FileRows(_file_row(facts, Status.UNUSABLE, facts.unusable), Status.UNUSABLE)
            out.findings.append(finding_row(CODES("workbook-unusable", Where(facts.name), message=facts.unusable)))
            return self._count(out)
        row = rec.department
        first = self.seen.get(rec.key) if rec.key[0] else None
        findings = list(rec.findings)
        if first is not None:
            status = Status.DUPLICATE
            note = f"与 {first} 为同一单位同一年度（{row.unit} {row.year}），未计入合计"
            row.note = note
            self.duplicates.append((facts.name, first))
            findings.append(finding_row(CODES("duplicate-department", Where(facts.name), first=first, unit=row.unit,
                                              year=row.year)))
        else:
            if rec.key[0]:
                self.seen[rec.key] = facts.name
            status, note = (Status.ERRORS if row.errors else Status.OK), ""
            self.counted.append(row)
            for budget, executed in rec.rates:
                self._rate.add(budget, executed)
        self.departments.append(row)
        out = FileRows(_file_row(facts, status, note), status, row, rec.projects, rec.indicators, rec.review, findings)
        self.n_review += len(out.review)
        if first is None:
            out.sangong, out.procurement, out.assets = [rec.sangong], [rec.procurement], [rec.assets]
            for key in SUMMED:
                self._sum(key, getattr(rec, key))
        return self._count(out)

    def _sum(self, key: str, row) -> None:
        sums = self.sums[key]
        self.summed_rows[key] += 1
        for k in sums:
            sums[k] = _add(sums[k], getattr(row, k))

    def _count(self, out: FileRows) -> FileRows:
        self.counts[out.status] += 1
        if out.status in (Status.UNUSABLE, Status.DUPLICATE):
            self.problem_files.append(out.file)
        return out

    def totals(self) -> Totals:
        rows = self.counted
        t = Totals(count=len(rows), projects=sum(r.projects for r in rows), exec_rate=self._rate.rate())
        for r in rows:
            t.initial, t.full_year, t.executed = _add(t.initial, r.initial), _add(t.full_year, r.full_year), \
                _add(t.executed, r.executed)
        for k in SCORE_KEYS:
            t.mean[k] = simple_mean([getattr(r, k) for r in rows])
            t.weighted[k] = weighted_mean([(getattr(r, k), r.full_year) for r in rows])
        labels = list(self.policy.grade_labels)  # the run's labels first, then any a workbook's own policy used
        labels += [g for g in dict.fromkeys(r.grade for r in rows) if g and g not in labels]
        t.grades = {g: sum(1 for r in rows if r.grade == g) for g in labels}
        t.ungraded = sum(1 for r in rows if not r.grade)
        t.errors = sum(r.errors or 0 for r in rows)
        t.warnings = sum(r.warnings or 0 for r in rows)
        return t


def _file_row(facts: FileFacts, status: Status, note: str) -> FileRow:
    rec = facts.record
    d = rec.department if rec is not None else None
    return FileRow(facts.name, status.label, note, d.unit if d else "", d.year if d else None,
                   d.errors if d else None, d.warnings if d else None, facts.size, facts.sha256, facts.path)
