"""What an indicator says, against what it can be: P1, X1, X2 and X9 of RULES.md §4.

- P1: a scored indicator whose target or actual cannot be read (an unknown unit, a look-alike sign, a date
  written another way, units that do not compare) is a finding on that cell — never a silently unscored
  row. An indicator the rules cannot score for another reason is said once, as info.
- X9: an actual that repeats the target with its comparison sign ("≥90%") is not an actual.
- X1: a 成本指标 whose actual is money is not above the project's 全年执行数; when it names the project's
  whole cost, it equals it.
- X2: an indicator that measures 预算执行率 / 资金执行率 / 支付进度 reads the 项目资金 rows' 执行率.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from ..display import money, pct
from ..evaluate import Evaluation, ProjectEval, Row, is_bad
from ..findings import ERROR, INFO, WARNING, Code, Family, Finding
from ..precision import WRONG, compare_fraction
from ..values import Quantity, convert, is_blank, normalize_text, parse_actual, unit_factor
from ._common import indicator_label

CODES = Family(
    "indicators", "指标内容",
    Code("target-unreadable", WARNING, "P1", "{ind}的年度指标值“{text}”无法识别（{reason}），该指标无法按规则计分。",
         "已打分的指标，年度指标值写法无法识别（未知单位、形似符号、日期写法等），得分无从核对。",
         "按“≥95%”“≤90万元”“=100%”“12月底前完成”这样的写法改写指标值。"),
    Code("actual-unreadable", WARNING, "P1", "{ind}的实际完成值“{text}”无法识别（{reason}），该指标无法按规则计分。",
         "已打分的指标，实际完成值写法无法识别或与指标值无法比较（单位不同等）。", "写明实际完成的数值和单位，单位与指标值一致。"),
    Code("lookalike-sign", WARNING, "P1", "{ind}的{what}“{text}”中的“{sign}”不是比较符号，已按“{meant}”理解，请改正。",
         "指标值或实际完成值里用了形似“=”“≥”的其他字符（如制表线“═”），别的程序会读错。",
         "删去形似字符，改用键盘上的 =、≥、≤ 或写“不低于”“不高于”。"),
    Code("actual-repeats-target", WARNING, "X9", "{ind}的实际完成值“{text}”带有比较符号，是在重复指标值而不是写实际完成了多少。",
         "实际完成值照抄了指标值的写法（如“≥90%”），不是实际完成的数值，指标无法计分。", "写明实际完成的数值，如“96%”。"),
    Code("indicator-unscored", INFO, "P1", "{ind}无法按规则自动计分：{reason}。", "评分规则无法自动给这个指标计分（如定性表述无法判断档次）；得分需人工核对。",
         "如需自动核对，按达成/部分达成/未达成的表述写实际完成情况，或写明数值。"),
    Code("cost-over-executed", WARNING, "X1", "{ind}的实际完成值为 {actual}，超过本项目全年执行数 {expected}，多出 {diff}，请核实。",
         "成本指标的实际金额比项目全年实际花的钱还多。", "核对成本指标的实际完成值与项目资金的全年执行数。"),
    Code("cost-total-mismatch", WARNING, "X1", "{ind}为项目总成本，实际完成值 {actual} 应等于本项目全年执行数 {expected}，相差 {diff}。",
         "指名项目总成本（总投入）的成本指标，实际金额应等于项目的全年执行数。", "核对成本指标的实际完成值与项目资金的全年执行数。"),
    Code("exec-indicator-mismatch", ERROR, "X2", "{ind}的实际完成值为 {actual}，而项目资金的预算执行率为 {expected}（{executed} ÷ {budget}）。",
         "衡量预算执行率（资金执行率、支付进度）的指标，实际完成值应等于项目资金行算出的执行率。", "按项目资金的全年执行数 ÷ 全年预算数改写实际完成值。"),
)

LOOKALIKES = {"═": "=", "〓": "=", "≡": "=", "⩾": "≥", "⩽": "≤"}  # not NFKC's: 全角 ＝ ＞ and ≧ ≦ read as they are
_SIGN = re.compile(r"^\s*(?:[≥≤><=＝＞＜≧≦⩾⩽═]|>=|<=|不低于|不少于|不高于|不超过|大于|小于|高于|低于|至少|最多|控制在)")
EXEC_WORDS = ("预算执行率", "资金执行率", "支付进度", "资金支付率", "资金执行进度", "预算执行进度", "资金到位率执行")
TOTAL_COST_WORDS = ("项目总成本", "总成本", "项目总投入", "总投入", "项目总投资", "项目资金总额", "项目支出总额")
PER_UNIT = ("单位", "人均", "每", "平均", "亩均", "户均", "单价", "/")


def check(ev: Evaluation) -> Iterable[Finding]:
    for pe in ev.projects:
        for row in pe.rows:
            if row.not_applicable or row.weight is None or is_bad(row.weight):
                continue
            name = indicator_label(row.ind)
            yield from _signs(row, name)
            repeated = yield from _repeats(row, name)
            if not repeated:
                yield from _unscored(row, name)
            yield from _cost(row, pe, name, ev)
            yield from _exec(row, pe, name)


def _signs(row: Row, name: str) -> Iterable[Finding]:
    for what, cell in (("年度指标值", row.ind.target), ("实际完成值", row.ind.actual)):
        if isinstance(cell.raw, str):
            for sign, meant in LOOKALIKES.items():
                if sign in cell.raw:
                    yield CODES("lookalike-sign", cell.where, meant, sign, ind=name, what=what, text=cell.text,
                                sign=sign, meant=meant)
                    break


def _repeats(row: Row, name: str):
    raw = row.ind.actual.raw
    if isinstance(raw, str) and _SIGN.match(raw) and not isinstance(parse_actual(raw), Quantity):
        yield CODES("actual-repeats-target", row.ind.actual.where, None, raw.strip(), ind=name, text=raw.strip())
        return True
    return False


def _unscored(row: Row, name: str) -> Iterable[Finding]:
    rule = row.rule
    if rule is None or rule.score is not None or rule.method != "unscorable":
        return
    if rule.cause == "target":
        yield CODES("target-unreadable", row.ind.target.where, None, row.ind.target.text, ind=name,
                    text=row.ind.target.text, reason=_reason(rule.note))
    elif rule.cause in ("actual", "unit") or (rule.cause == "kind" and _has_number(row.ind.actual.raw)
                                              and _has_number(row.ind.target.raw)):
        yield CODES("actual-unreadable", row.ind.actual.where, None, row.ind.actual.text, ind=name,
                    text=row.ind.actual.text, reason=_reason(rule.note))
    elif rule.cause in ("kind", "level"):
        yield CODES("indicator-unscored", row.ind.score.where, ind=name, reason=rule.note.rstrip("。"))


def _has_number(raw: object) -> bool:
    """A number typed in the cell, read or not ("96分" has one; "完成" has none)."""
    return isinstance(raw, (int, float)) or (isinstance(raw, str) and any(ch.isdigit() for ch in normalize_text(raw)))


def _reason(note: str) -> str:
    return note.split("：", 1)[-1].rstrip("。") if note.startswith(("指标值无法识别", "实际完成值无法识别")) else note.rstrip("。")


def _money(raw: object) -> Decimal | None:
    """An actual typed as money, in 万元 (None when it is not money)."""
    a = parse_actual(raw)
    if not isinstance(a, Quantity) or a.unit is None:
        return None
    factor = unit_factor(a.unit)
    if factor is None or factor[0] != "money" or "/" in a.unit:
        return None
    v = convert(a, "万元")
    return v if isinstance(v, Decimal) else None


def _cost(row: Row, pe: ProjectEval, name: str, ev: Evaluation) -> Iterable[Finding]:
    ind = row.ind
    if "成本" not in "".join(ind.level2.split()) or pe.executed is None:
        return
    title = normalize_text(ind.name.text).replace(" ", "")
    if any(w in title for w in PER_UNIT):
        return  # a unit cost, not the project's
    actual = _money(ind.actual.raw)
    if actual is None:
        return
    tol = ev.policy.tolerance_amount
    if any(w in title for w in TOTAL_COST_WORDS) and abs(actual - pe.executed) > tol:
        yield CODES("cost-total-mismatch", ind.actual.where, pe.executed, actual, ind=name, actual=money(actual) + " 万元",
                    expected=money(pe.executed) + " 万元", diff=money(abs(actual - pe.executed)) + " 万元")
    elif actual - pe.executed > tol:
        yield CODES("cost-over-executed", ind.actual.where, pe.executed, actual, ind=name, actual=money(actual) + " 万元",
                    expected=money(pe.executed) + " 万元", diff=money(actual - pe.executed) + " 万元")


def _exec(row: Row, pe: ProjectEval, name: str) -> Iterable[Finding]:
    ind = row.ind
    title = normalize_text(ind.name.text).replace(" ", "")
    if not any(w in title for w in EXEC_WORDS) or pe.exec_rate_exact is None:
        return
    a = parse_actual(ind.actual.raw)
    if not isinstance(a, Quantity) or a.unit != "%" or is_blank(ind.actual.raw):
        return
    stated = a.value / 100
    raw = ind.actual.raw if isinstance(ind.actual.raw, str) else f"{ind.actual.raw}%"
    if compare_fraction(stated, pe.exec_rate_exact, raw) == WRONG:
        yield CODES("exec-indicator-mismatch", ind.actual.where, pe.exec_rate, stated, ind=name, actual=pct(stated),
                    expected=pct(pe.exec_rate_exact), executed=money(pe.executed), budget=money(pe.budget))
