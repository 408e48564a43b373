"""Shared helpers of the check families: reading cells, the sum identity, message wording.

All Chinese wording of the checks lives in ``MSG`` below so that it can be reviewed in one place.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..findings import Finding, Severity, Where, fmt
from ..model import Department, Field
from ..money import q, q2
from ..policy import ScoringPolicy
from ..scoring import read_number
from ..values import Bad, read_amount, read_rate

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

MSG = {
    # identities (sums and differences of amounts)
    "sum": "{label}应为 {expected} 万元（{formula}），实为 {actual} 万元，相差 {diff} 万元。",
    "share": "{label}应为 {expected}（{part} ÷ {whole}），实为 {actual}，相差 {diff} 个百分点。",
    "shares-not-100": "{formula} = {actual}，同一划分的各部分占比之和应为 100.00%，相差 {diff} 个百分点。",
    "in-use-over-original": "在用固定资产 {actual} 万元大于固定资产账面原值 {expected} 万元，多出 {diff} 万元，请核实。",
    # cells
    "cell-unreadable": "{label}无法识别：{reason}。",
    "cell-error-value": "{label}为错误值 {error}，请检查公式或重新填写。",
    "amount-negative": "{label}为负数（{actual} 万元），该项金额不应小于 0。",
    "amount-absurd": "{label}为 {actual} 万元，超过 1000 亿元（1e7 万元），可能把“元”填成了“万元”，请核实单位。",
    "required-blank": "{label}未填写，该项为必填项。",
    # funds
    "exec-rate-mismatch": "预算执行率应为 {expected}（全年执行数 {executed} ÷ 全年预算数 {budget}），实为 {actual}，相差 {diff} 个百分点。",
    "exec-score-mismatch": "预算执行率得分应为 {expected}（分值 {weight} × 执行率 {rate}，执行率超过 100% 按 100% 计），实为 {actual}，相差 {diff}。",
    "exec-not-computable": "{what}为空，预算执行率及其得分无法计算{stated}。",
    "exec-rate-undefined": "全年预算数为 0，预算执行率无定义，其得分无法计算{stated}。",
    "exec-reason-missing": "预算执行率为 {rate}，低于 {below}，但未填写执行偏差原因。",
    "exec-weight-missing": "预算执行率分值为空，预算执行得分无法计算，总分无法核对。",
    # weights
    "level1-weights-mismatch": "{level1}下三级指标分值合计应为 {expected}（一级指标分值），实为 {actual}{blank}，相差 {diff}。",
    "weights-not-100": "一级指标分值与预算执行率分值之和应为 100，实为 {actual}（{formula}），相差 {diff}。",
    "weights-nonstandard": "权重划分为 {actual}，与默认的 {expected} 不同（如有特殊情况可调整，请确认）。",
    "level1-cap-missing": "一级指标“{label}”未注明分值（如“产出指标(50分)”），无法核对三级指标分值。",
    "weight-missing": "{ind}的分值为空，得分 {score} 无法与分值核对。",
    "weight-negative": "{ind}的分值为负数（{actual}）。",
    # scores
    "score-negative": "{ind}的得分为负数（{actual}），得分应在 0 到分值 {weight} 之间。",
    "score-over-weight": "{ind}的得分 {actual} 超过分值 {expected}，多出 {diff}。",
    "score-differs-from-rule": "{ind}的得分为 {actual}，按评分规则应为 {expected}（{note}），相差 {diff}。",
    "score-outside-band": "{ind}的实际完成情况属于“{band}”档（分值的 {low}–{high}），得分应在 {lo_score}–{hi_score} 之间，实为 {actual}。",
    "score-missing": "{ind}有分值 {weight}，但得分为空。",
    "indicator-no-target": "{ind}已打分，但年度指标值{what}，得分缺少依据。",
    "indicator-no-actual": "{ind}已打分，但实际完成值{what}，得分缺少依据。",
    "indicator-no-name": "{ind}已打分（{score}），但三级指标名称为空或为“无”。",
    "over-achievement-no-reason": "{ind}的实际完成值为指标值的 {ratio}，超过 {limit}，应分析偏差原因，但偏差原因为空。",
    "deviation-reason-missing": "{ind}的得分 {actual} 低于分值 {expected}，相差 {diff}，但未填写偏差原因分析及改进措施。",
    # totals
    "total-mismatch": "总分应为 {expected}（{formula}），实为 {actual}，相差 {diff}。{extra}",
    "total-excludes-exec": "总分 {actual} 等于三级指标得分合计 {sum}，未计入预算执行得分（分值 {weight}）；{why}，应得总分无法核对。",
    "total-out-of-range": "总分 {actual} 不在可能范围 {low}–{high} 内（三级指标得分合计 {sum} + 预算执行得分 0–{weight}；{why}）。",
    "total-unverifiable": "总分 {actual} 无法核对：{why}。",
    "total-weight-mismatch": "总分分值应为 {expected}（{formula}），实为 {actual}，相差 {diff}。",
    "grade-mismatch": "等级应为“{expected}”（总分 {total}），实为“{actual}”。",
    # cross
    "projects-budget-mismatch": "各项目自评表年初预算数合计 {expected} 万元（{formula}）与部门年初预算项目支出 {actual} 万元不一致，相差 {diff} 万元。",
    "projects-executed-mismatch": "各项目自评表全年执行数合计 {expected} 万元（{formula}）与部门决算项目支出 {actual} 万元不一致，相差 {diff} 万元。",
    # derived
    "derived-stale": "{label}应为 {expected}，实为 {actual}（按现有数据重新计算的结果不同），相差 {diff}。请运行“计算”或 perfxl fill 更新。",
    "derived-uncomputable": "{label}填有 {actual}，但按现有数据无法计算（{why}），无法核实。",
    "derived-missing": "以下计算单元格为空，但可以计算：{cells}。请运行“计算”或 perfxl fill 填入。",
}


def message(code: str, **kw) -> str:
    return MSG[code].format(**kw)


def finding(code: str, severity: Severity, where: Where, rule: str, exp=None, act=None, **kw) -> Finding:
    """A Finding with expected/actual values ``exp``/``act`` whose message is ``MSG[msg or code]``
    formatted with ``kw`` (the texts shown, e.g. expected="89.04%")."""
    msg = kw.pop("msg", code)
    return Finding(code, severity, where, message(msg, **kw), exp, act, rule)


# ------------------------------------------------------------------ formatting

def money(x: Decimal | None) -> str:
    return "（空）" if x is None else format(q2(x), "f")


def pct(x: Decimal | None) -> str:
    return "（空）" if x is None else f"{format(q(x * 100, 2), 'f')}%"


def pp(x: Decimal) -> str:
    """A difference of two fractions in percentage points (2 decimals)."""
    return format(q(abs(x) * 100, 2), "f")


def num(x: Decimal | None) -> str:
    """A score or weight: no trailing zeros (12, 12.5)."""
    return fmt(None if x is None else (x.normalize() if x == x.to_integral_value() else x))


def score_tol(policy: ScoringPolicy) -> Decimal:
    return Decimal(1).scaleb(-policy.score_places)


# ------------------------------------------------------------------ reading

@dataclass(frozen=True, slots=True)
class Read:
    """A cell read as a number: ``value`` (None when blank) or ``bad`` (unreadable)."""

    value: Decimal | None
    bad: bool = False


def read(f: Field | None, kind: str = "money") -> Read:
    if f is None:
        return Read(None)
    reader = {"money": read_amount, "rate": read_rate, "score": read_number}[kind]
    v = reader(f.raw)
    if isinstance(v, Bad):
        return Read(None, True)
    return Read(v)


# labels where the layout's own label is ambiguous out of its table
LABELS = {
    "budget_income_total": "年初预算收入合计", "budget_expense_total": "年初预算支出合计",
    "budget_basic": "年初预算基本支出", "budget_project": "年初预算项目支出",
    "final_income_total": "决算总收入", "final_income_increase": "决算收入较年初预算增加额",
    "final_expense_total": "决算总支出", "final_basic": "决算基本支出", "final_project": "决算项目支出",
    "sangong_budget_total": "“三公”经费预算数合计", "sangong_final_total": "“三公”经费决算数合计",
    "net_assets": "净资产",
}


def label_of(key: str) -> str:
    from ...template import layout as L

    if key in LABELS:
        return LABELS[key]
    spec = L.BY_KEY.get(key) or L.PROJECT_BY_KEY.get(key)
    return spec.label.replace("其中：", "").replace("基本支出中：", "") if spec else key


def sum_check(
    total: Field, parts: list[tuple[str, Field, int]], *, code: str, rule: str, label: str,
    policy: ScoringPolicy, severity: Severity = ERROR,
) -> Finding | None:
    """``total = Σ sign × part``. Blank parts count as 0 when the total and at least one part are
    filled; nothing is said when any cell is unreadable (the cells family reports it) or blank total."""
    t = read(total)
    rs = [read(f) for _, f, _ in parts]
    if t.bad or any(r.bad for r in rs) or t.value is None or all(r.value is None for r in rs):
        return None
    values = [(r.value or Decimal(0)) * sign for r, (_, _, sign) in zip(rs, parts)]
    expected = sum(values, Decimal(0))
    diff = t.value - expected
    if abs(diff) <= policy.tolerance_amount * len(parts):
        return None
    formula = ""
    for i, ((name, _, sign), r) in enumerate(zip(parts, rs)):
        op = ("" if i == 0 else " + ") if sign > 0 else (" − " if i else "−")
        formula += f"{op}{name} {money(r.value or Decimal(0))}"
    return finding(code, severity, total.where, rule, expected, t.value, msg="sum", label=label,
                   expected=money(expected), formula=formula, actual=money(t.value), diff=money(abs(diff)))


def dept_sum(dept: Department, total: str, parts: list[str], code: str, rule: str, policy: ScoringPolicy,
             signs: list[int] | None = None) -> Finding | None:
    signs = signs or [1] * len(parts)
    return sum_check(dept.get(total), [(label_of(k), dept.get(k), s) for k, s in zip(parts, signs)],
                     code=code, rule=rule, label=label_of(total), policy=policy)


def indicator_label(ind) -> str:
    """How an indicator is named in messages: 二级指标“三级指标” (or just the 二级 when unnamed)."""
    from ..values import is_blank

    level2 = "".join(ind.level2.split()) or "指标"
    name = ind.name.text
    row = "".join(c for c in ind.name.where.cell if c.isdigit())
    return f"{level2}“{name}”" if name and not is_blank(name) else f"{level2}（第 {row} 行）"
