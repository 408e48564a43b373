"""Figure sentences written from table values, in the seed report's style, that the checks accept.

Every function takes the table values by layout key (amounts in 万元 as Decimals, rates as
fractions, None = not stated) and returns a sentence (or "" when there is nothing to say). Amounts
are printed in 万元 with 2 decimals, percentages with 2 decimals; a blank value is left out of the
sentence (never written as 0), and a share or difference is written only when both its amounts are
stated. ``check_texts`` on composed text gives no finding (held by tests/core/text/test_compose*).
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Mapping

Values = Mapping[str, object]


def money(x) -> str:
    return f"{Decimal(x).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}万元"


def percent(rate) -> str:
    return f"{(Decimal(rate) * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"


def score(x) -> str:
    x = Decimal(x)
    if x == x.to_integral_value():
        return f"{x.quantize(Decimal(1))}分"
    return f"{x.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}分"


def _get(v: Values, key: str) -> Decimal | None:
    x = v.get(key)
    if x is None or isinstance(x, str) and not x.strip():
        return None
    return Decimal(str(x))


def _year(v: Values) -> str:
    y = v.get("year")
    return f"{int(y)}年" if y not in (None, "") else ""


def _items(v: Values, pairs) -> list[str]:
    return [f"{label}{money(x)}" for key, label in pairs if (x := _get(v, key)) is not None]


def _with_parts(head: str, total, parts: list[str], colon: str = "：", sep: str = "，") -> str:
    """"head X万元，其中：A a万元，B b万元" — or the parts alone when the total is blank."""
    if total is None:
        return f"{head}：{sep.join(parts)}" if parts else ""
    text = f"{head}{money(total)}"
    return text + (f"，其中{colon}{sep.join(parts)}" if parts else "")


def budget_sentence(v: Values) -> str:
    """部门预算: 收入合计 and its sources; 支出合计 = 基本支出 (by economic class) + 项目支出."""
    y = _year(v)
    out = []
    income = _items(v, (("budget_income_general", "一般公共预算拨款收入"), ("budget_income_fund", "政府性基金预算拨款收入"),
                        ("budget_income_other", "其他收入")))
    if (s := _with_parts(f"{y}年初预算安排收入", _get(v, "budget_income_total"), income, colon="")):
        out.append(s)
    classes = _items(v, (("budget_basic_salary", "工资福利支出"), ("budget_basic_goods", "商品和服务支出"),
                         ("budget_basic_subsidy", "对个人和家庭的补助")))
    basic = _get(v, "budget_basic")
    parts = []
    if basic is not None:
        parts.append(f"基本支出{money(basic)}" + (f"（{'，'.join(classes)}）" if classes else ""))
    if (p := _get(v, "budget_project")) is not None:
        parts.append(f"项目支出{money(p)}")
    if (s := _with_parts(f"{y}年初预算安排支出", _get(v, "budget_expense_total"), parts)):
        out.append(s)
    if basic is None and classes:
        out.append(f"{y}年初预算基本支出中，" + "，".join(classes))
    return "；".join(out) + "。" if out else ""


def final_sentence(v: Values) -> str:
    """部门决算: 总收入 and its increase over the 年初预算; 总支出 = 基本支出 + 项目支出 with shares."""
    y = _year(v)
    out = []
    income, budget = _get(v, "final_income_total"), _get(v, "budget_income_total")
    if income is not None:
        s = f"{y}决算总收入{money(income)}"
        if budget is not None:
            d = income - budget
            s += f"，较年初预算{'增加' if d >= 0 else '减少'}{money(abs(d))}"
        out.append(s)
    total = _get(v, "final_expense_total")
    parts = []
    for key, label, inner in (("final_basic", "基本支出", (("final_personnel", "人员经费"), ("final_public", "公用经费"))),
                              ("final_project", "项目支出", ())):
        x = _get(v, key)
        if x is None:
            continue
        sub = _items(v, inner)
        s = f"{label}{money(x)}" + (f"（{'，'.join(sub)}）" if sub else "")
        if total:
            s += f"，占总支出的{percent(x / total)}"
        parts.append(s)
    if total is not None:
        out.append(f"{y}决算总支出{money(total)}" + (f"，其中：{'；'.join(parts)}" if parts else ""))
    elif parts:
        out.append(f"{y}决算" + "；".join(parts))
    return "；".join(out) + "。" if out else ""


_SANGONG = (("abroad", "因公出国（境）费"), ("car", "公务用车购置及运行维护费"), ("reception", "公务接待费"))


def sangong_sentence(v: Values) -> str:
    """“三公”经费 预算数 and 决算数, each with its three parts; the 决算 vs 预算 difference."""
    y = _year(v)
    out = []
    for side, word in (("budget", "预算数"), ("final", "决算数")):
        total = _get(v, f"sangong_{side}_total")
        parts = _items(v, tuple((f"sangong_{side}_{k}", label) for k, label in _SANGONG))
        head = f"{y if side == 'budget' else ''}“三公”经费{word}"
        if total is None:
            if parts:
                out.append(f"{head}：" + "，".join(parts))
            continue
        s = f"{head}{money(total)}"
        budget = _get(v, "sangong_budget_total")
        if side == "final" and budget is not None:
            d = total - budget
            s += f"，较预算{'增加' if d >= 0 else '减少'}{money(abs(d))}"
        out.append(s + (f"，其中：{'，'.join(parts)}" if parts else ""))
    return "。".join(out) + "。" if out else ""


def procurement_sentence(v: Values) -> str:
    """政府采购 = 货物 + 工程 + 服务."""
    parts = _items(v, (("procurement_goods", "货物"), ("procurement_works", "工程"), ("procurement_services", "服务")))
    s = _with_parts(f"{_year(v)}政府采购支出", _get(v, "procurement_total"), parts)
    return s + "。" if s else ""


def assets_sentence(v: Values) -> str:
    """资产总额, 负债总额, 净资产 (= 资产 − 负债), 固定资产原值, 在用固定资产."""
    assets, debts = _get(v, "assets_total"), _get(v, "liabilities_total")
    net = assets - debts if assets is not None and debts is not None else _get(v, "net_assets")
    items = [f"{label}{money(x)}" for label, x in (("资产总额", assets), ("负债总额", debts), ("净资产", net))
             if x is not None]
    fixed = _items(v, (("fixed_assets_original", "固定资产账面原值"), ("fixed_assets_in_use", "在用固定资产")))
    out = []
    if items:
        out.append(f"{_year(v)}末" + "，".join(items))
    if fixed:
        out.append("，".join(fixed))
    return "；".join(out) + "。" if out else ""


def overall_sentence(v: Values, unit: str = "") -> str:
    """整体绩效: the year's 预算支出 and 决算支出."""
    items = [f"{label}{money(x)}" for key, label in (("budget_expense_total", "部门预算支出"),
                                                   ("final_expense_total", "决算支出"))
             if (x := _get(v, key)) is not None]
    year = _year(v)
    return f"{unit}{year + '度' if year else ''}" + "，".join(items) + "。" if items else ""


def project_sentence(name: str, values: Values) -> str:
    """A project's 年初预算数, 全年预算数, 全年执行数, 执行率, 自评得分 and 等级."""
    items = _items(values, (("fund_total_initial", "年初预算数"), ("fund_total_full_year", "全年预算数"),
                            ("fund_total_executed", "全年执行数")))
    budget, executed = _get(values, "fund_total_full_year"), _get(values, "fund_total_executed")
    rate = executed / budget if executed is not None and budget else _get(values, "exec_rate")
    if rate is not None:
        items.append(f"执行率{percent(rate)}")
    if (s := _get(values, "total_score")) is not None:
        items.append(f"自评得分{score(s)}")
    grade = values.get("grade")
    if isinstance(grade, str) and grade.strip():
        items.append(f"评价等级为“{grade.strip()}”")
    return f"{name}：" + "，".join(items) + "。" if items else ""


def weights_sentence(caps: Mapping[str, object], exec_weight=None) -> str:
    """The weights note: 预算执行率10分、产出指标50分、效益指标30分、满意度指标10分."""
    items = [f"预算执行率{score(exec_weight)}"] if exec_weight is not None else []
    items += [f"{name}{score(cap)}" for name, cap in caps.items() if cap is not None]
    return "本项目绩效指标分值为：" + "、".join(items) + "。" if items else ""


def staffing_sentence(v: Values, unit: str = "") -> str:
    """人员编制: 内设机构 (listed and counted), 二级机构, 编制数, 在职 and 退休 人数, from 基本情况."""
    out = []
    offices, subunits = _names(v.get("departments")), _names(v.get("subunits"))
    if offices:
        out.append(f"{unit}内设{'、'.join(offices)}{len(offices)}个机构")
    if subunits:
        out.append(f"下设{'、'.join(subunits)}{len(subunits)}个二级机构")
    people = [f"{label}{int(x)}人" for key, label in (("staff_quota", "核定编制"), ("staff_active", "在职人员"),
                                                   ("staff_retired", "退休人员")) if (x := _get(v, key)) is not None]
    if people:
        out.append("，".join(people))
    return "；".join(out) + "。" if out else ""


def _names(text) -> list[str]:
    if not isinstance(text, str):
        return []
    names = [n.strip() for n in text.replace("，", "、").replace(",", "、").split("、")]
    return [n for n in names if n and n not in ("无", "—", "-", "/")]
