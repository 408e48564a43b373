"""The budget terms of report prose, bound to the template's field keys.

A term is found in a sentence by its pattern (longest match wins) and names a *concept*. A concept
becomes a field key by the claim's phase (年初预算 vs 决算) and scope (the department, or a project).
A concept ``None`` is a blocker: a term that must not be read as a shorter one (上年结转, 固定资产净值).
"""
from __future__ import annotations

import re

from .quick import clues, guarded

# (pattern, concept). Patterns run on folded text (full-width brackets are ASCII).
_SUM = r"(?:合计|总计|总额|总数)?"
TERMS: tuple[tuple[str, str | None], ...] = (
    # income
    (r"一般公共(?:预算|财政)(?:财政)?拨款(?:收入)?" + _SUM + r"|一般公共预算收入|(?:公共)?财政拨款收入", "income_general"),
    (r"政府性基金(?:预算)?(?:拨款)?(?:收入)?", "income_fund"),
    (r"其他收入", "income_other"),
    (r"(?:部门)?(?:年初)?(?:预算|决算)?(?:本年)?(?:总收入|收入)" + _SUM, "income_total"),
    # expense
    (r"(?:年初预算|预算|决算)?基本支出" + _SUM, "basic"),
    (r"(?:年初预算|预算|决算)?项目支出" + _SUM, "project"),
    (r"人员经费(?:支出)?", "personnel"),
    (r"(?:日常)?公用经费(?:支出)?", "public"),
    (r"工资福利(?:支出)?", "salary"),
    (r"(?:一般)?商品和服务(?:支出)?", "goods"),
    (r"对个人和家庭(?:的)?补助(?:支出)?", "subsidy"),
    (r"(?:部门)?(?:年初)?(?:预算|决算)?(?:本年)?(?:总支出|支出)" + _SUM, "expense_total"),
    # “三公”经费
    (r"[“\"‘']?三公[”\"’']?经费(?:支出)?(?:预算数|决算数|预算|决算)?" + _SUM, "sangong_total"),
    (r"因公出国\(?境\)?(?:经)?费(?:用)?", "sangong_abroad"),
    (r"公务用车购置(?:及|和|与)运行(?:维护|维修)?费|公务用车购置(?:及|和)运维费|公务用车费用?", "sangong_car"),
    (r"公务接待费(?:用)?", "sangong_reception"),
    # 政府采购 (货物/工程/服务 only where the sentence is about 采购)
    (r"政府采购(?:支出|金额|资金|合同金额)?" + _SUM, "procurement_total"),
    (r"货物类?(?:采购)?(?:支出|金额)?", "procurement_goods"),
    (r"工程类?(?:采购)?(?:支出|金额)?", "procurement_works"),
    (r"服务类?(?:采购)?(?:支出|金额)?", "procurement_services"),
    # 资产
    (r"资产总额|资产总计|资产合计|总资产", "assets_total"),
    (r"负债总额|负债合计|负债总计|总负债|负债", "liabilities_total"),
    (r"净资产", "net_assets"),
    (r"固定资产(?:账面)?原值|固定资产总值|固定资产总额|固定资产", "fixed_assets_original"),
    (r"在用(?:固定)?资产", "fixed_assets_in_use"),
    # 人员
    (r"在职(?:在编)?(?:教职工|人员|职工|干部职工|干部|员工|教师|医务人员)?(?:人数)?|实有(?:在职)?人员|实有人数", "staff_active"),
    (r"退休(?:人员|职工|干部)?(?:人数)?", "staff_retired"),
    (r"(?:核定)?(?:编制数|编制人数|编制)", "staff_quota"),
    (r"内设(?:机构|股室|科室)|职能股室|股室|科室", "departments_count"),
    (r"二级机构|二级单位|下属单位|直属单位|所属单位|下属事业单位|二级预算单位", "subunits_count"),
    # a project's figures
    (r"年初预算数?", "initial"),
    (r"全年预算数?|调整后(?:的)?预算数?|调整预算数?", "full_year"),
    (r"全年执行数|全年支出数?|执行数|实际执行|实际支出|已支出|累计支出|实际使用", "executed"),
    (r"(?:预算|资金)?执行率|支出进度|资金使用率", "exec_rate"),
    (r"自评(?:总分|得分)|绩效自评得分|自评综合得分|综合得分|总得分|总分|评价得分", "total_score"),
    # blockers: terms that contain a shorter term but are something else
    (r"上年结转(?:资金|结余)?|上年结余|结转结余|结转和结余|年末结余|结余资金|结转资金|年初结转", None),
    (r"(?:一般公共(?:预算|财政)(?:财政)?|财政)拨款支出|政府性基金(?:预算)?支出|其他资金支出|财政专户管理资金支出", None),
    (r"固定资产净值|固定资产净额|累计折旧|无形资产|流动资产|在建工程|负债率", None),
    (r"公务用车购置费|公务用车运行(?:维护|维修)?费|公车运行维护费", None),
    (r"行政编制|事业编制|工勤编制|参公编制|编外|离退休|离休", None),
    (r"执行率得分|预算执行得分|(?:产出|效益|满意度)(?:指标)?得分|指标得分|得分率", None),
    (r"项目支出绩效|项目绩效|项目资金|专项资金|财政资金|到位资金|上级资金|配套资金|自筹资金", None),
    (r"支出进度款|进度款|预算绩效|绩效目标|预算执行情况|预算管理|预算编制", None),
    (r"收入水平|收入增长|人均收入|纯收入|可支配收入|增收", None),
)

# each pattern behind a look at its first character (they open with optional words, 部门 年初 预算 …,
# that the engine would otherwise try one by one at every position)
_COMPILED = tuple((guarded(p), c, first, needed) for p, c in TERMS for first, needed in [clues(p)])
# which patterns a character can start (or is needed by), as bit masks over _COMPILED
_BY_FIRST: dict[str, int] = {}
_BY_NEEDED: dict[str, int] = {}
_ALWAYS_FIRST = _ALWAYS_NEEDED = 0
for _i, (_, _, _first, _needed) in enumerate(_COMPILED):
    if _first is None:
        _ALWAYS_FIRST |= 1 << _i
    for _ch in _first or ():
        _BY_FIRST[_ch] = _BY_FIRST.get(_ch, 0) | 1 << _i
    if _needed is None:
        _ALWAYS_NEEDED |= 1 << _i
    for _ch in _needed or ():
        _BY_NEEDED[_ch] = _BY_NEEDED.get(_ch, 0) | 1 << _i
_CLUE_CHARS = re.compile("[" + "".join(map(re.escape, sorted(set(_BY_FIRST) | set(_BY_NEEDED)))) + "]")
_ENDS_WITH_TERM = re.compile("(?:" + "|".join(p for p, c in TERMS if c) + r")(?:为|是|达|共计|合计|总计|共)?\s*$")

PROCUREMENT_ONLY = frozenset({"procurement_goods", "procurement_works", "procurement_services"})


def find_terms(text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """Non-overlapping terms in ``text[start:end]`` (longest first), as (start, end, concept)."""
    # only the patterns that can match here: a character of the text can start a match, and the
    # text holds a character every match needs (on the examples 4 patterns of 50 per sentence)
    first, needed = _ALWAYS_FIRST, _ALWAYS_NEEDED
    for ch in set(_CLUE_CHARS.findall(text, start, end)):
        first |= _BY_FIRST.get(ch, 0)
        needed |= _BY_NEEDED.get(ch, 0)
    todo = first & needed
    found = []  # (−length, start, pattern, end, concept): longest first, then leftmost, then as in TERMS
    while todo:
        low = todo & -todo
        todo ^= low
        i = low.bit_length() - 1
        rx, concept = _COMPILED[i][:2]
        for m in rx.finditer(text, start, end):
            a, b = m.span()
            if b > a:
                found.append((a - b, a, i, b, concept))
    if len(found) < 2:
        return [(a, b, c) for _, a, _, b, c in found]
    found.sort()
    taken: list[tuple[int, int, str | None]] = []
    for _, a, _, b, c in found:
        for x, y, _ in taken:
            if b > x and a < y:
                break  # overlaps a longer (or earlier) term
        else:
            taken.append((a, b, c))
    taken.sort()
    return taken


def ends_with_term(before: str) -> bool:
    """Whether a line ends on a term (its figure continues on the next line)."""
    return _ENDS_WITH_TERM.search(before[-30:]) is not None


# ------------------------------------------------------------------------- concepts → fields

# concept → (年初预算 field, 决算 field); one key for both when the concept has no phase
PHASED = {
    "income_total": ("budget_income_total", "final_income_total"),
    "income_general": ("budget_income_general", None),
    "income_fund": ("budget_income_fund", None),
    "income_other": ("budget_income_other", None),
    "expense_total": ("budget_expense_total", "final_expense_total"),
    "basic": ("budget_basic", "final_basic"),
    "project": ("budget_project", "final_project"),
    "personnel": (None, "final_personnel"),
    "public": (None, "final_public"),
    "salary": ("budget_basic_salary", None),
    "goods": ("budget_basic_goods", None),
    "subsidy": ("budget_basic_subsidy", None),
    **{f"sangong_{k}": (f"sangong_budget_{k}", f"sangong_final_{k}") for k in ("total", "abroad", "car", "reception")},
}
PLAIN = {k: k for k in (
    "procurement_total", "procurement_goods", "procurement_works", "procurement_services", "assets_total",
    "liabilities_total", "net_assets", "fixed_assets_original", "fixed_assets_in_use", "staff_quota",
    "staff_active", "staff_retired", "departments_count", "subunits_count")}
PROJECT = {"initial": "fund_total_initial", "full_year": "fund_total_full_year", "executed": "fund_total_executed",
           "exec_rate": "exec_rate", "total_score": "total_score", "grade": "grade"}
# inside a project's own texts, the department's words mean the project's money
PROJECT_ALIASES = {"expense_total": "executed", "project": "executed"}

KIND = {  # what kind of figure a field holds
    **{f: "amount" for pair in PHASED.values() for f in pair if f},
    **{f: "amount" for f in ("procurement_total", "procurement_goods", "procurement_works",
                             "procurement_services", "assets_total", "liabilities_total", "net_assets",
                             "fixed_assets_original", "fixed_assets_in_use", "final_income_increase",
                             "fund_total_initial", "fund_total_full_year", "fund_total_executed")},
    **{f: "count" for f in ("staff_quota", "staff_active", "staff_retired", "departments_count", "subunits_count")},
    **{f"final_{p}_share": "percent" for p in ("basic", "project", "personnel", "public")},
    "exec_rate": "percent", "total_score": "score", "grade": "grade",
}

# the parts of a total that together make all of it (RULES.md §4 D1–D4)
PARTITIONS = {
    "budget_income_total": ("budget_income_general", "budget_income_fund", "budget_income_other"),
    "budget_expense_total": ("budget_basic", "budget_project"),
    "final_expense_total": ("final_basic", "final_project"),
    "budget_basic": ("budget_basic_salary", "budget_basic_goods", "budget_basic_subsidy"),
    "final_basic": ("final_personnel", "final_public"),
    "sangong_budget_total": ("sangong_budget_abroad", "sangong_budget_car", "sangong_budget_reception"),
    "sangong_final_total": ("sangong_final_abroad", "sangong_final_car", "sangong_final_reception"),
    "procurement_total": ("procurement_goods", "procurement_works", "procurement_services"),
}
PARENT = {part: total for total, parts in PARTITIONS.items() for part in parts}


def ancestors(field: str) -> list[str]:
    out = []
    while field in PARENT:
        field = PARENT[field]
        out.append(field)
    return out


# 决算 field → its 年初预算 counterpart (for "较年初预算增加 d")
BUDGET_OF = {f: b for b, f in PHASED.values() if b and f}
BUDGET_OF["fund_total_executed"] = "fund_total_full_year"

# the quantity a share is a share of, by the part's field
WHOLE_OF = {
    **{f"final_{p}": "final_expense_total" for p in ("basic", "project", "personnel", "public")},
    **{f"budget_{p}": "budget_expense_total" for p in ("basic", "project")},
}
SHARE_FIELD = {f"final_{p}": f"final_{p}_share" for p in ("basic", "project", "personnel", "public")}

LABELS = {
    "budget_income_total": "年初预算收入合计", "budget_income_general": "年初预算一般公共预算拨款",
    "budget_income_fund": "年初预算政府性基金", "budget_income_other": "年初预算其他收入",
    "budget_expense_total": "年初预算支出合计", "budget_basic": "年初预算基本支出",
    "budget_project": "年初预算项目支出", "budget_basic_salary": "年初预算工资福利支出",
    "budget_basic_goods": "年初预算商品和服务支出", "budget_basic_subsidy": "年初预算对个人和家庭的补助",
    "final_income_total": "决算总收入", "final_expense_total": "决算总支出", "final_basic": "决算基本支出",
    "final_project": "决算项目支出", "final_personnel": "人员经费", "final_public": "公用经费",
    "final_income_increase": "决算收入较年初预算增加额",
    "sangong_budget_total": "“三公”经费预算数", "sangong_final_total": "“三公”经费决算数",
    "sangong_budget_abroad": "因公出国（境）费预算数", "sangong_final_abroad": "因公出国（境）费决算数",
    "sangong_budget_car": "公务用车购置及运行维护费预算数", "sangong_final_car": "公务用车购置及运行维护费决算数",
    "sangong_budget_reception": "公务接待费预算数", "sangong_final_reception": "公务接待费决算数",
    "procurement_total": "政府采购支出", "procurement_goods": "政府采购货物类",
    "procurement_works": "政府采购工程类", "procurement_services": "政府采购服务类",
    "assets_total": "资产总额", "liabilities_total": "负债总额", "net_assets": "净资产",
    "fixed_assets_original": "固定资产账面原值", "fixed_assets_in_use": "在用固定资产",
    "staff_quota": "编制数", "staff_active": "在职人数", "staff_retired": "退休人数",
    "departments_count": "内设机构数", "subunits_count": "二级机构数",
    "final_basic_share": "基本支出占总支出比例", "final_project_share": "项目支出占总支出比例",
    "final_personnel_share": "人员经费占总支出比例", "final_public_share": "公用经费占总支出比例",
    "fund_total_initial": "年初预算数", "fund_total_full_year": "全年预算数",
    "fund_total_executed": "全年执行数", "exec_rate": "预算执行率", "total_score": "自评得分", "grade": "等级",
}
# where the table holds each field (for messages)
CELLS = {
    "budget_income_total": "预决算!B5", "budget_income_general": "预决算!B6", "budget_income_fund": "预决算!B7",
    "budget_income_other": "预决算!B8", "budget_expense_total": "预决算!B9", "budget_basic": "预决算!B10",
    "budget_project": "预决算!B11", "budget_basic_salary": "预决算!B12", "budget_basic_goods": "预决算!B13",
    "budget_basic_subsidy": "预决算!B14", "final_income_total": "预决算!B18", "final_income_increase": "预决算!B19",
    "final_expense_total": "预决算!B20", "final_basic": "预决算!B21", "final_project": "预决算!B22",
    "final_personnel": "预决算!B23", "final_public": "预决算!B24", "sangong_budget_total": "预决算!B29",
    "sangong_final_total": "预决算!C29", "sangong_budget_abroad": "预决算!B30", "sangong_final_abroad": "预决算!C30",
    "sangong_budget_car": "预决算!B31", "sangong_final_car": "预决算!C31", "sangong_budget_reception": "预决算!B32",
    "sangong_final_reception": "预决算!C32", "procurement_total": "预决算!B36", "procurement_goods": "预决算!B37",
    "procurement_works": "预决算!B38", "procurement_services": "预决算!B39", "assets_total": "预决算!B43",
    "liabilities_total": "预决算!B44", "net_assets": "预决算!B45", "fixed_assets_original": "预决算!B46",
    "fixed_assets_in_use": "预决算!B47", "staff_quota": "基本情况!B8", "staff_active": "基本情况!B9",
    "staff_retired": "基本情况!B10", "departments_count": "基本情况!B6", "subunits_count": "基本情况!B7",
    "fund_total_initial": "D5", "fund_total_full_year": "E5", "fund_total_executed": "F5", "exec_rate": "H5",
    "total_score": "H30", "grade": "H31",
}

SECTIONS = {
    "text_staffing": "人员编制情况", "text_budget": "部门预算情况", "text_final": "部门决算情况",
    "text_sangong": "“三公”经费执行情况", "text_procurement": "政府采购执行情况", "text_assets": "资产管理情况",
    "text_overall": "整体绩效目标完成情况", "text_projects": "项目绩效目标完成情况",
    "text_problems": "存在的主要问题", "text_measures": "改进措施", "text_other": "其他需要说明的情况",
    "goal_expected": "年度总体目标·预期目标", "goal_actual": "年度总体目标·实际完成情况",
    "reason": "偏差原因分析及改进措施", "exec_reason": "执行率偏差原因", "final_reason": "预决算差异主要原因",
}
# the phase a section speaks of when a sentence does not say
SECTION_PHASE = {"text_budget": "budget", "text_final": "final", "final_reason": "final"}
PROJECT_SECTIONS = frozenset({"goal_expected", "goal_actual", "reason", "exec_reason"})
PLAN_SECTIONS = frozenset({"goal_expected", "text_measures"})

LEVEL1_NAMES = {"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标"}
