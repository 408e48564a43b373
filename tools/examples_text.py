"""Example departments for the text checks (RULES.md §6, N1a–N1g): realistic narratives that refer
to their own tables, some clean and some with planted mistakes, each planted mistake documented
with the finding it must raise. ``make_examples.departments()`` registers them as workbooks; the
tests read them straight from here (``TEXT_EXAMPLES``, ``EXPECTED_FINDINGS``, ``text_cells``,
``table_facts``). Every department's tables add up (``make_examples.assert_department_consistent``,
``assert_project_consistent``); only its prose is wrong where planted.

Clean (no N1 error or warning; each holds traps the checks must pass over):
  衡山县第一中学          学校: 五个处室 with its list, 三公 in 元, last year's figures, implicit shares, a
                          procurement saving after a 其中 list, 每人每月 × 人 × 月 in the project's text.
  衡山县卫生健康局        hospitals' figures (another unit), 比上年 with last year's value, 包括…等,
                          percentages that are no field, a weights note that matches.
  衡山县交通运输局        two projects line by line, 比预算数 X 节约 Y, 元 parts with a 合计 in 万元, plans.
  衡山县岭坡乡人民政府    plans and targets, 2021 figures, approximations (约, 以上), 年初预算 alone.
  衡山县开云街道办事处    元 and 万元 in one 其中 list, 四个 / 两个 with their lists, 每人每月 × 人 × 月.

Planted (file: section — what is wrong → expected finding):
  衡山县水利局            项目自评表!F10 实际完成情况 — 每亩300元 × 12000亩 = 360.00 万元, written 380.00
                          → text-product-mismatch (N1f); 报告正文!B8 资产 — 固定资产账面原值 2860.45 vs
                          table 2680.45 → text-figure-mismatch (N1a).
  衡山县民政局            B5 决算 — 比年初预算增加 written 10 万元 too much → text-change-mismatch (N1d);
                          B10 项目 — 420元 × 1350人 × 12个月 = 680.40, written 690.40 → text-product-mismatch (N1f).
  衡山县文化旅游广电体育局 B3 人员编制 — 5 股室 listed, "6个股室" → text-count-list-mismatch (N1e);
                          项目自评表!F10 — 总投入85.60万元, 其中 500,000元 + 406,000元 = 90.60 → text-parts-exceed (N1c).
  衡山县市场监督管理局    B9 整体绩效 — 决算支出 with two digits swapped, 部门决算情况 (and the table) right
                          → text-figure-inconsistent (N1b); B5 决算 — 基本支出占比 tens digit off by 3
                          → text-share-mismatch (N1d).
  衡山县自然资源局        B9 — weights note "产出指标40分" vs header 50 → text-weights-mismatch (N1g);
                          B10 — 自评得分 "96分" vs 总分 99.40 → text-figure-mismatch (N1a).
  衡山县人力资源和社会保障局 B3 — 在职在编人员 46 vs 基本情况 48 → text-figure-mismatch (N1a); B9 —
                          "局机关8个股室" vs 7 (人员编制情况 and 基本情况) → text-count-inconsistent (N1e).
  衡山县林业局            B5 — 比上年的 1025.30 万元增长 6.71% (is 4.71%) → text-change-mismatch (N1d);
                          项目自评表!F10 — 128.40 + 56.30 "合计186.70万元" (is 184.70) → text-sum-mismatch (N1c).
  衡山县司法局            B10 — 等级 "优" but 总分 89.70 is 良 → text-grade-mismatch (N1a); 项目自评表!F10 —
                          执行率 78.50% for 45.50 ÷ 52.00 = 87.50% → text-share-mismatch (N1d).
  衡山县白果镇人民政府    B3 — "直属单位3个，即" two names → text-count-list-mismatch (N1e); B9 —
                          2,862,000元 + 856,400元 "合计370.84万元" (is 371.84) → text-sum-mismatch (N1c).
  衡山县残疾人联合会      B5 — 项目支出占比 last digit +1 → text-share-slip (N1d, warning); B8 — 净资产
                          10 万元 short of 资产 − 负债 → text-figure-mismatch (N1a).
  衡山县统计局            B6 — 公务接待费 "12,600元" vs 1.62 万元 → text-figure-mismatch (N1a); B9 —
                          部门预算支出 3.80 万元 more than 部门预算情况 (and the table) → text-figure-inconsistent (N1b).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (str(ROOT), str(ROOT / "tools")):
    if p not in sys.path:
        sys.path.insert(0, p)

import make_examples as mk  # noqa: E402
from make_examples import D, Department, Project, fwd, qual, money_text as t, pct_text, share  # noqa: E402
from perfxl.core.text import ProjectFacts, TableFacts, TextCell, check_texts  # noqa: E402,F401
from perfxl.core.values import parse_cap  # noqa: E402
from perfxl.template import layout as L  # noqa: E402

TEXT_SHEET = L.SHEET_TEXT


# ============================================================================ texts and facts of a Department


def text_cells(dept: Department) -> list[TextCell]:
    """The narrative cells of a department: 报告正文, each project's 年度总体目标, 执行偏差原因 and
    indicator 偏差原因 — at the template's addresses."""
    cells = [TextCell(TEXT_SHEET, L.BY_KEY[k].ref, k, v) for k, v in dept.texts.items() if v]
    if dept.fin.get("final_reason"):
        cells.append(TextCell(L.SHEET_FIN, L.BY_KEY["final_reason"].ref, "final_reason", dept.fin["final_reason"]))
    for i, p in enumerate(dept.projects, start=1):
        sheet = L.project_sheet_name(i)
        if p.goal_expected:
            cells.append(TextCell(sheet, "B10", "goal_expected", p.goal_expected))
        if p.goal_actual:
            cells.append(TextCell(sheet, "F10", "goal_actual", p.goal_actual))
        if p.exec_reason:
            cells.append(TextCell(sheet, "J5", "exec_reason", p.exec_reason))
        for ref, ind in _indicator_rows(p):
            if ind.reason:
                cells.append(TextCell(sheet, ref, "reason", ind.reason))
    return cells


def _indicator_rows(p: Project):
    used: dict[str, int] = {}
    for ind in p.indicators:
        level2 = mk._L2[ind.level2]
        k = used.get(level2, 0)
        used[level2] = k + 1
        r = L.INDICATOR_FIRST_ROW + mk._L2_ORDER.index(level2) * L.ROWS_PER_LEVEL2 + k
        yield f"I{r}", ind


def _caps(p: Project) -> dict[str, Decimal]:
    caps = {name: Decimal(cap) for name, cap in L.LEVEL1}
    starts = {"B12": "产出指标", "B20": "效益指标", "B28": "满意度指标"}
    for ref, label in (p.level1_labels or {}).items():
        if ref in starts and parse_cap(label) is not None:
            caps[starts[ref]] = parse_cap(label)
    return caps


def table_facts(dept: Department) -> TableFacts:
    """The tables of a department as the text checks see them (typed values; derived ones recomputed)."""
    projects = []
    for i, p in enumerate(dept.projects, start=1):
        total = p.fund_total()
        values = {"fund_total_initial": total[0], "fund_total_full_year": total[1], "fund_total_executed": total[2],
                  "exec_weight": Decimal(10)}
        if p.total_row is None:
            fig = mk.project_figures(p)
            values.update(total_score=fig["total"], grade=fig["grade"])
        typed = {**p.typed_derived, **p.cell_overrides}
        if "H30" in typed:
            values["total_score"] = Decimal(str(typed["H30"]))
        if "H31" in typed:
            values["grade"] = typed["H31"]
        projects.append(ProjectFacts(L.project_sheet_name(i), p.name, values, _caps(p)))
    return TableFacts({**dept.fin, **dept.basic}, tuple(projects))


# ============================================================================ the corpus


@dataclass(frozen=True)
class Planted:
    """One planted mistake: where the finding must be, its code, and what is wrong."""

    sheet: str
    cell: str
    code: str
    section: str
    what: str


@dataclass(frozen=True)
class TextExample:
    dept: Department
    planted: tuple[Planted, ...] = ()

    @property
    def file(self) -> str:
        return self.dept.file

    @property
    def expected(self) -> set[tuple[str, str, str, str]]:
        return {(self.file, p.sheet, p.cell, p.code) for p in self.planted}


YEAR = 2022


def indicators(count_name: str, target, actual, unit: str, *, quality: str = "验收合格率", social: str,
               sustain: str = "长效管理机制", satisfaction=95, miss: tuple | None = None) -> list:
    """A consistent 50/30/10 indicator block; ``miss`` = (name, target, actual, unit, reason) adds an
    unmet forward indicator under 效益 (so the project scores below 100)."""
    out = [
        fwd("数量", count_name, target, actual, unit, 20),
        fwd("质量", quality, 95, 98, "%", 10),
        qual("时效", "按期完成", 10, phrase="按计划时间完成"),
        qual("成本", "成本控制在预算内", 10, phrase="未超预算"),
        qual("社会", social, 20 if miss is None else 10),
        qual("可持续", sustain, 10),
        fwd("满意度", "服务对象满意度", 90, satisfaction, "%", 10),
    ]
    if miss is not None:
        name, t_, a_, u_, why = miss
        out.insert(5, fwd("经济", name, t_, a_, u_, 10, reason=why))
    return out


def project(name: str, implementer: str, funds: tuple, inds: list, *, expected: str, actual: str,
            exec_reason: str | None = None) -> Project:
    initial, full_year, executed = (D(x) for x in funds)
    return Project(name, implementer, appropriation=(initial, full_year, executed), exec_reason=exec_reason,
                   goal_expected=expected, goal_actual=actual, indicators=inds)


def build(file: str, unit: str, *, address: str, offices: list, subunits: list, staff: tuple, duties: list,
          projects: list, budget: dict, final: dict, sangong: tuple, procurement: tuple, assets: tuple,
          reason: str, texts) -> Department:
    """A department whose tables add up (RULES.md §4) and whose texts ``texts(fin, projects)`` refer to them.

    budget: salary goods subsidy [fund other]; final: income personnel public; sangong: (budget 3-tuple,
    final 3-tuple); procurement: (goods, works, services); assets: (assets, liabilities, original, in use)."""
    P = lambda k: sum((p.fund_total()[k] for p in projects), Decimal(0))  # noqa: E731
    b = {k: D(v) for k, v in budget.items()}
    basic_b = b["salary"] + b["goods"] + b["subsidy"]
    expense_b = basic_b + P(0)
    fund, other = b.get("fund"), b.get("other")
    general = expense_b - (fund or 0) - (other or 0)
    personnel, public = D(final["personnel"]), D(final["public"])
    public = _balanced(personnel, public, P(2))
    fin = {
        "budget_income_total": expense_b, "budget_income_general": general,
        "budget_expense_total": expense_b, "budget_basic": basic_b, "budget_project": P(0),
        "budget_basic_salary": b["salary"], "budget_basic_goods": b["goods"], "budget_basic_subsidy": b["subsidy"],
        "final_income_total": D(final["income"]), "final_expense_total": personnel + public + P(2),
        "final_basic": personnel + public, "final_project": P(2), "final_personnel": personnel, "final_public": public,
        "final_reason": reason,
    }
    if fund is not None:
        fin["budget_income_fund"] = fund
    if other is not None:
        fin["budget_income_other"] = other
    for side, values in zip(("budget", "final"), sangong):
        parts = dict(zip(("abroad", "car", "reception"), (D(x) for x in values)))
        fin[f"sangong_{side}_total"] = sum(parts.values(), Decimal(0))
        fin.update({f"sangong_{side}_{k}": v for k, v in parts.items()})
    goods_, works, services = (D(x) for x in procurement)
    fin.update(procurement_total=goods_ + works + services, procurement_goods=goods_, procurement_works=works,
               procurement_services=services)
    a, l_, orig, used = (D(x) for x in assets)
    fin.update(assets_total=a, liabilities_total=l_, fixed_assets_original=orig, fixed_assets_in_use=used)
    quota, active, retired = staff
    basic = {"unit_name": unit, "year": YEAR, "address": address, "departments": "、".join(offices),
             "subunits": "、".join(subunits) if subunits else "无", "staff_quota": quota, "staff_active": active,
             "staff_retired": retired, "projects_cover_all": "是"}
    texts_ = {"text_projects": "无", "text_other": "无", **texts(fin, projects)}
    dept = Department(file, basic, duties, fin, texts_, projects)
    mk.assert_department_consistent(dept)
    for p in projects:
        mk.assert_project_consistent(p)
    return dept


def _balanced(personnel: Decimal, public: Decimal, project_: Decimal) -> Decimal:
    """公用经费 nudged by cents so the rounded shares of 总支出 add up (basic + project = 100%)."""
    for k in range(0, 200):
        for cand in (public + Decimal(k) / 100, public - Decimal(k) / 100):
            tot = personnel + cand + project_
            sb, sp = share(personnel + cand, tot), share(project_, tot)
            if sb + sp == 1 and share(personnel, tot) + share(cand, tot) == sb:
                return cand
    raise AssertionError("no balanced 公用经费 found")


def fig(p: Project) -> dict:
    """A project's fund row and scores, as the narratives quote them."""
    tot = p.fund_total()
    f = mk.project_figures(p)
    return {"initial": tot[0], "full_year": tot[1], "executed": tot[2], "rate": f["rate"], "total": f["total"],
            "grade": f["grade"]}


def yuan(x: Decimal) -> str:
    """An amount in 万元 written in 元 with thousands separators: 3.93 → "39,300"."""
    v = (x * 10000).quantize(Decimal(1))
    return f"{v:,}"


def score_text(x: Decimal) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".") if x == x.to_integral_value() else f"{x:.2f}"


# ============================================================================ clean examples


def school() -> TextExample:
    """学校: Chinese-numeral count with its list, 三公 in 元, last year's figures, implicit shares,
    procurement with a saving after the 其中 list, a standard × quantity in the project's text."""
    unit = "衡山县第一中学"
    p1 = project("寄宿生生活补助项目", unit, ("96.00", "96.00", "96.00"),
                 indicators("补助寄宿生", 800, 800, "人", social="寄宿生就学负担减轻", sustain="资助长效机制"),
                 expected="为800名家庭经济困难寄宿生按月发放生活补助，资金足额及时到位。",
                 actual="按每人每月120元的标准，为800名家庭经济困难寄宿生发放10个月生活补助，共计96.00万元，资金全部通过“一卡通”发放到位。")
    p2 = project("校舍维修改造项目", unit, ("58.00", "58.00", "55.68"),
                 indicators("维修改造校舍面积", 2400, 2460, "平方米", social="办学条件改善"),
                 expected="维修改造教学楼、学生宿舍2400平方米，秋季开学前完工。",
                 actual="完成维修改造2460平方米，工程于8月20日完工并通过验收。")
    offices = ["办公室", "教务处", "政教处", "总务处", "财务室"]

    def texts(f, ps):
        last_expense = D("2310.46")
        growth = q_pct((f["final_expense_total"] - last_expense) / last_expense)
        s = {k: share(f[f"final_{k}"], f["final_expense_total"]) for k in ("basic", "project")}
        g1, g2 = fig(ps[0]), fig(ps[1])
        return {
            "text_staffing": f"{unit}位于衡山县开云镇师古路1号，是县教育局直属的公办完全中学。学校内设五个处室，分别为"
                             f"{'、'.join(offices)}；无二级机构。核定编制186人，2022年末在职教职工178人，退休人员96人。"
                             "现有教学班48个，在校学生2460人，其中寄宿生820人。",
            "text_budget": f"2022年学校年初预算收入{t(f['budget_income_total'])}万元，全部为一般公共预算拨款；年初预算支出"
                           f"{t(f['budget_expense_total'])}万元，其中基本支出{t(f['budget_basic'])}万元（工资福利支出"
                           f"{t(f['budget_basic_salary'])}万元、商品和服务支出{t(f['budget_basic_goods'])}万元、对个人和家庭的补助"
                           f"{t(f['budget_basic_subsidy'])}万元），项目支出{t(f['budget_project'])}万元。",
            "text_final": f"2022年度学校决算收入{t(f['final_income_total'])}万元，比年初预算增加"
                          f"{t(f['final_income_total'] - f['budget_income_total'])}万元，主要是追加了教师绩效工资；决算支出"
                          f"{t(f['final_expense_total'])}万元，比上年决算支出{t(last_expense)}万元增长{growth}%。从支出结构看，"
                          f"基本支出{t(f['final_basic'])}万元，占决算支出的{pct_text(s['basic'])}；项目支出"
                          f"{t(f['final_project'])}万元，占{pct_text(s['project'])}。",
            "text_sangong": f"2022年“三公”经费预算数为{yuan(f['sangong_budget_total'])}元，其中因公出国（境）费0元，公务用车购置及运行维护费"
                            f"{yuan(f['sangong_budget_car'])}元，公务接待费{yuan(f['sangong_budget_reception'])}元；“三公”经费决算数为"
                            f"{yuan(f['sangong_final_total'])}元，其中因公出国（境）费0元，公务用车购置及运行维护费"
                            f"{yuan(f['sangong_final_car'])}元，公务接待费{yuan(f['sangong_final_reception'])}元。",
            "text_procurement": f"2022年学校政府采购预算{t(f['procurement_total'] + D('6.20'))}万元，实际采购金额"
                                f"{t(f['procurement_total'])}万元，其中货物类{t(f['procurement_goods'])}万元、工程类"
                                f"{t(f['procurement_works'])}万元、服务类{t(f['procurement_services'])}万元，节约资金6.20万元。",
            "text_assets": f"截至2022年12月31日，学校资产总额{t(f['assets_total'])}万元，其中固定资产账面原值"
                           f"{t(f['fixed_assets_original'])}万元；负债总额{t(f['liabilities_total'])}万元；净资产"
                           f"{t(f['assets_total'] - f['liabilities_total'])}万元。",
            "text_overall": f"学校2022年度部门预算支出{t(f['budget_expense_total'])}万元，决算支出{t(f['final_expense_total'])}万元。"
                            "全年完成初中、高中教学任务，高考本科上线率达68.5%，较上年提高3.2个百分点。",
            "text_projects": f"1、寄宿生生活补助项目：全年预算数{t(g1['full_year'])}万元，全年执行数{t(g1['executed'])}万元，"
                             f"执行率{pct_text(g1['rate'])}，自评得分{score_text(g1['total'])}分，评价等级为“{g1['grade']}”。\n"
                             f"2、校舍维修改造项目：全年预算数{t(g2['full_year'])}万元，全年执行数{t(g2['executed'])}万元，"
                             f"执行率{pct_text(g2['rate'])}，自评得分{score_text(g2['total'])}分。",
            "text_problems": "1、部分项目资金支付进度偏慢。\n2、绩效指标设置还不够细化。",
            "text_measures": "1、下一步计划将寄宿生补助标准提高到每人每月150元，预计惠及900名学生。\n2、加强项目实施进度管理。",
        }

    dept = build("衡山县第一中学-2022.xlsx", unit, address="衡山县开云镇师古路1号", offices=offices, subunits=[],
                 staff=(186, 178, 96), duties=["落实国家教育方针，完成初中、高中教育教学任务。", "负责学校教师队伍建设和学生管理。",
                                               "负责学校资产、财务和后勤保障管理。"],
                 projects=[p1, p2], budget={"salary": "1868.40", "goods": "186.25", "subsidy": "42.30"},
                 final={"income": "2376.12", "personnel": "1978.53", "public": "245.91"},
                 sangong=(("0", "4.80", "1.20"), ("0", "3.96", "0.85")), procurement=("62.40", "55.68", "18.30"),
                 assets=("5862.37", "126.45", "5410.22", "5302.18"),
                 reason="决算支出高于年初预算，主要是年中追加教师绩效工资和寄宿生生活补助资金。", texts=texts)
    return TextExample(dept)


def q_pct(x: Decimal) -> str:
    return f"{mk.q(x * 100):.2f}"


def health() -> TextExample:
    """卫健局: figures of its hospitals (another unit, not compared), 比上年 with last year's value,
    "包括…等" list, percentages that are no field (满意度, 覆盖率), a weights note that matches."""
    unit = "衡山县卫生健康局"
    p1 = project("基本公共卫生服务项目", "衡山县疾病预防控制中心", ("412.00", "436.50", "431.20"),
                 indicators("建立居民电子健康档案", 360000, 365200, "人", social="居民健康素养提升",
                            quality="健康档案规范化电子建档率"),
                 expected="为全县常住居民提供14类基本公共卫生服务，居民电子健康档案建档36万人以上。",
                 actual="全年建立居民电子健康档案36.52万人，65岁及以上老年人健康管理率达到72.3%。")
    offices = ["办公室", "规划财务股", "医政医管股", "基层卫生健康股", "疾病预防控制股", "妇幼健康股", "综合监督股"]
    subunits = ["衡山县人民医院", "衡山县中医医院", "衡山县妇幼保健计划生育服务中心", "衡山县疾病预防控制中心"]

    def texts(f, ps):
        g = fig(ps[0])
        last = D("1268.30")
        change = f["final_expense_total"] - last
        return {
            "text_staffing": f"{unit}内设{'、'.join(offices)}{len(offices)}个股室，下属单位包括县人民医院、县中医医院等"
                             f"{len(subunits)}家二级单位。局机关核定编制45人，年末在职42人，退休人员27人。全县共有乡镇卫生院16所、村卫生室187个。",
            "text_budget": f"2022年年初预算收入合计{t(f['budget_income_total'])}万元，其中一般公共预算拨款"
                           f"{t(f['budget_income_general'])}万元，政府性基金预算拨款{t(f['budget_income_fund'])}万元。"
                           f"年初预算支出合计{t(f['budget_expense_total'])}万元，其中基本支出{t(f['budget_basic'])}万元，"
                           f"项目支出{t(f['budget_project'])}万元。",
            "text_final": f"2022年部门决算总收入{t(f['final_income_total'])}万元，决算总支出{t(f['final_expense_total'])}万元，"
                          f"比上年的{t(last)}万元{'增加' if change >= 0 else '减少'}{t(abs(change))}万元。其中：基本支出{t(f['final_basic'])}万元（人员经费"
                          f"{t(f['final_personnel'])}万元，公用经费{t(f['final_public'])}万元），项目支出{t(f['final_project'])}万元。"
                          "另外，县人民医院2022年决算支出18653.20万元，县中医医院决算支出9321.45万元，均不在本部门决算范围内。",
            "text_sangong": f"“三公”经费预算数{t(f['sangong_budget_total'])}万元，决算数{t(f['sangong_final_total'])}万元，"
                            f"较预算减少{t(f['sangong_budget_total'] - f['sangong_final_total'])}万元。其中：公务用车购置及运行维护费决算数"
                            f"{t(f['sangong_final_car'])}万元，公务接待费决算数{t(f['sangong_final_reception'])}万元，未发生因公出国（境）费。",
            "text_procurement": f"全年政府采购合同金额{t(f['procurement_total'])}万元，其中：货物{t(f['procurement_goods'])}万元，"
                                f"工程{t(f['procurement_works'])}万元，服务{t(f['procurement_services'])}万元；授予中小企业合同金额占比91.6%。",
            "text_assets": f"年末资产总计{t(f['assets_total'])}万元，负债合计{t(f['liabilities_total'])}万元，净资产"
                           f"{t(f['assets_total'] - f['liabilities_total'])}万元；固定资产原值{t(f['fixed_assets_original'])}万元，"
                           f"其中在用固定资产{t(f['fixed_assets_in_use'])}万元。",
            "text_overall": "全县孕产妇死亡率为0，婴儿死亡率控制在3.2‰以内，居民健康素养水平达到26.8%，65岁及以上老年人健康管理率72.3%。"
                            "本部门自评表绩效指标分值为：产出指标50分、效益指标30分、满意度指标10分，预算执行率10分。",
            "text_projects": f"基本公共卫生服务项目：全年预算数{t(g['full_year'])}万元，全年执行数{t(g['executed'])}万元，"
                             f"执行率{pct_text(g['rate'])}，自评得分{score_text(g['total'])}分，等级为“{g['grade']}”。"
                             "人均基本公共卫生服务经费补助标准为84元。",
            "text_problems": "部分村卫生室人员老化，服务能力不足；个别项目资金拨付进度偏慢。",
            "text_measures": "力争2023年家庭医生签约服务覆盖率达到45%以上，预计新增签约居民2万人。",
        }

    dept = build("衡山县卫生健康局-2022.xlsx", unit, address="衡山县开云镇新桥路8号", offices=offices, subunits=subunits,
                 staff=(45, 42, 27), duties=["拟订全县卫生健康事业发展规划并组织实施。", "负责公共卫生和医疗服务监督管理。",
                                             "负责基本公共卫生服务项目组织实施。"],
                 projects=[p1], budget={"salary": "612.40", "goods": "95.60", "subsidy": "21.80", "fund": "60.00"},
                 final={"income": "1210.62", "personnel": "668.75", "public": "103.44"},
                 sangong=(("0", "8.00", "3.50"), ("0", "6.42", "2.18")), procurement=("128.60", "0", "46.20"),
                 assets=("2345.87", "210.36", "1620.54", "1586.02"),
                 reason="决算数高于年初预算，主要是追加基本公共卫生服务补助资金24.50万元。", texts=texts)
    return TextExample(dept)


def transport() -> TextExample:
    """交通运输局: two projects named line by line, 元 standards, a plan, a 合计 after a list."""
    unit = "衡山县交通运输局"
    p1 = project("农村公路养护项目", "衡山县公路建设养护中心", ("180.00", "180.00", "176.40"),
                 indicators("养护农村公路里程", 1200, 1236, "公里", social="农村群众出行条件改善"),
                 expected="养护农村公路1200公里，优良路率达到80%以上。",
                 actual="完成养护农村公路1236公里，其中县道236公里、乡道520公里、村道480公里，合计1236公里；优良路率82.6%。")
    p2 = project("城乡客运公交补贴项目", unit, ("64.80", "64.80", "64.80"),
                 indicators("补贴客运车辆", 54, 54, "辆", social="城乡客运稳定运行", quality="补贴发放准确率"),
                 expected="对54辆城乡客运车辆按标准发放运营补贴。",
                 actual="按每辆每月1000元的标准，对54辆城乡客运车辆发放12个月运营补贴，共计64.80万元。")
    offices = ["办公室", "计划财务股", "规划建设股", "运输管理股", "安全监督股", "法规股"]
    subunits = ["衡山县公路建设养护中心", "衡山县交通运输综合行政执法大队"]

    def texts(f, ps):
        g1, g2 = fig(ps[0]), fig(ps[1])
        return {
            "text_staffing": f"本局下设办公室、计划财务股、规划建设股、运输管理股、安全监督股、法规股共6个股室，"
                             f"另有二级机构2个，分别为{'、'.join(subunits)}。编制数38人，实有在职人员35人，退休人员22人。",
            "text_budget": f"县财政批复我局2022年部门预算{t(f['budget_expense_total'])}万元。其中：基本支出{t(f['budget_basic'])}万元，"
                           f"项目支出{t(f['budget_project'])}万元。",
            "text_final": f"2022年度本局决算支出{t(f['final_expense_total'])}万元，其中基本支出{t(f['final_basic'])}万元、项目支出"
                          f"{t(f['final_project'])}万元，项目支出占总支出的{pct_text(share(f['final_project'], f['final_expense_total']))}。"
                          f"决算收入{t(f['final_income_total'])}万元。",
            "text_sangong": f"2022年“三公”经费决算{t(f['sangong_final_total'])}万元，比预算数{t(f['sangong_budget_total'])}万元节约"
                            f"{t(f['sangong_budget_total'] - f['sangong_final_total'])}万元。公务用车购置及运行维护费"
                            f"{yuan(f['sangong_final_car'])}元、公务接待费{yuan(f['sangong_final_reception'])}元，合计"
                            f"{t(f['sangong_final_car'] + f['sangong_final_reception'])}万元。",
            "text_procurement": f"政府采购总额{t(f['procurement_total'])}万元，其中工程类{t(f['procurement_works'])}万元，"
                                f"服务类{t(f['procurement_services'])}万元，货物类{t(f['procurement_goods'])}万元。",
            "text_assets": f"2022年末，我局资产总额{t(f['assets_total'])}万元，负债总额{t(f['liabilities_total'])}万元，"
                           f"固定资产{t(f['fixed_assets_original'])}万元。",
            "text_overall": "全年完成农村公路提质改造85公里，新改建危桥6座，全县建制村通客车率保持100%。2023年计划再完成农村公路提质改造100公里。",
            "text_projects": f"（一）农村公路养护项目：全年预算数{t(g1['full_year'])}万元，全年执行数{t(g1['executed'])}万元，"
                             f"执行率{pct_text(g1['rate'])}，自评得分{score_text(g1['total'])}分。\n"
                             f"（二）城乡客运公交补贴项目：全年预算数{t(g2['full_year'])}万元，已支出{t(g2['executed'])}万元，"
                             f"执行率{pct_text(g2['rate'])}，自评得分{score_text(g2['total'])}分，评价等级为“{g2['grade']}”。",
            "text_problems": "农村公路养护资金标准偏低，每公里养护经费不足。",
            "text_measures": "积极争取上级资金，力争农村公路养护资金按每公里每年7000元标准足额安排。",
        }

    dept = build("衡山县交通运输局-2022.xlsx", unit, address="衡山县开云镇解放中路66号", offices=offices, subunits=subunits,
                 staff=(38, 35, 22), duties=["负责全县公路、水路交通行业管理。", "负责农村公路建设和养护管理。",
                                             "负责城乡道路运输市场监管。"],
                 projects=[p1, p2], budget={"salary": "468.20", "goods": "72.50", "subsidy": "12.30"},
                 final={"income": "812.44", "personnel": "502.60", "public": "68.20"},
                 sangong=(("0", "12.00", "3.00"), ("0", "9.86", "1.92")), procurement=("25.80", "146.30", "12.40"),
                 assets=("6320.45", "852.30", "4210.66", "4185.20"),
                 reason="决算支出高于年初预算，主要是追加农村公路养护资金。", texts=texts)
    return TextExample(dept)


def township() -> TextExample:
    """乡镇: plans and targets, another year's figures, approximate figures, "包括…等" lists, a
    budget sentence whose 年初预算 alone names the total."""
    unit = "衡山县岭坡乡人民政府"
    p1 = project("村级公益事业建设一事一议项目", unit, ("75.00", "75.00", "73.80"),
                 indicators("建设村级公益事业项目", 12, 12, "个", social="群众生产生活条件改善"),
                 expected="实施村级道路硬化、安全饮水等公益事业项目12个，力争带动群众筹资筹劳10万元以上。",
                 actual="完成村级道路硬化、安全饮水、文化广场等公益项目12个，其中道路硬化5个、安全饮水4个、文化广场3个。")
    offices = ["党政综合办公室", "经济发展办公室", "社会事务办公室", "自然资源和生态环境办公室", "平安建设办公室"]
    subunits = ["岭坡乡农业综合服务中心", "岭坡乡社会事务综合服务中心", "岭坡乡退役军人服务站"]

    def texts(f, ps):
        g = fig(ps[0])
        return {
            "text_staffing": f"岭坡乡下辖9个行政村、1个社区，总人口约2.6万人。乡政府内设{'、'.join(offices)}5个办公室，"
                             f"下设{subunits[0]}、{subunits[1]}、{subunits[2]}3个事业站所。核定编制68人，实有在职人员64人，退休人员51人。",
            "text_budget": f"2022年年初预算{t(f['budget_expense_total'])}万元，其中：基本支出{t(f['budget_basic'])}万元，"
                           f"项目支出{t(f['budget_project'])}万元。2021年年初预算为1088.60万元。",
            "text_final": f"2022年度决算收入{t(f['final_income_total'])}万元；决算支出{t(f['final_expense_total'])}万元，"
                          f"其中基本支出{t(f['final_basic'])}万元，项目支出{t(f['final_project'])}万元。"
                          "2021年度决算支出为1203.56万元。",
            "text_sangong": f"“三公”经费年初预算{t(f['sangong_budget_total'])}万元，全年实际支出{t(f['sangong_final_total'])}万元，"
                            f"其中公务接待费{t(f['sangong_final_reception'])}万元，公务用车购置及运行维护费{t(f['sangong_final_car'])}万元。",
            "text_procurement": f"本年度政府采购{t(f['procurement_total'])}万元，主要包括办公设备、村级道路硬化工程等。",
            "text_assets": f"年末资产总额{t(f['assets_total'])}万元，负债{t(f['liabilities_total'])}万元。"
                           "其中村级组织活动场所等固定资产约1300万元由各村管理使用。",
            "text_overall": "全年完成粮食播种面积4.2万亩，约300户农户受益于产业奖补；全乡森林覆盖率保持在65%以上。"
                            "预计2023年完成人居环境整治村9个。",
            "text_projects": f"{ps[0].name}：全年预算数{t(g['full_year'])}万元，执行数{t(g['executed'])}万元，"
                             f"执行率{pct_text(g['rate'])}。",
            "text_problems": "乡级财力薄弱，部分项目依赖上级转移支付。",
            "text_measures": "计划2023年争取上级项目资金200万元以上，力争村集体经济收入全部达到10万元。",
        }

    dept = build("衡山县岭坡乡人民政府-2022.xlsx", unit, address="衡山县岭坡乡岭坡村", offices=offices, subunits=subunits,
                 staff=(68, 64, 51), duties=["贯彻执行党和国家的路线方针政策。", "负责本乡经济发展、社会事务和公共服务。",
                                             "负责本乡安全生产和社会稳定。"],
                 projects=[p1], budget={"salary": "856.20", "goods": "128.40", "subsidy": "36.80"},
                 final={"income": "1152.66", "personnel": "923.15", "public": "152.37"},
                 sangong=(("0", "6.00", "4.00"), ("0", "5.12", "3.06")), procurement=("18.60", "42.30", "0"),
                 assets=("3320.56", "185.42", "2860.30", "2795.44"),
                 reason="决算支出高于年初预算，主要是追加村级公益事业建设资金。", texts=texts)
    return TextExample(dept)


def street() -> TextExample:
    """街道: amounts in 元 and 万元 mixed in one 其中 list, a standard × quantity × months, the budget
    and final totals stated twice (the same), counts written as 两个 / 四个."""
    unit = "衡山县开云街道办事处"
    p1 = project("社区网格化服务管理项目", unit, ("43.20", "43.20", "43.20"),
                 indicators("配备专职网格员", 60, 60, "人", social="基层治理能力提升"),
                 expected="配备专职网格员60人，实现城区网格全覆盖。",
                 actual="按每人每月600元的标准，为60名专职网格员发放12个月网格补贴，共计432,000元。")
    offices = ["党政办公室", "社区建设办公室", "社会事务办公室", "综合执法办公室"]
    subunits = ["开云街道综合服务中心", "开云街道退役军人服务站"]

    def texts(f, ps):
        g = fig(ps[0])
        return {
            "text_staffing": f"开云街道办事处内设四个办公室，即{'、'.join(offices)}；下设两个二级机构（{'、'.join(subunits)}）。"
                             "核定编制52人，年末在职49人，退休人员33人。辖8个社区，常住人口约6.8万人。",
            "text_budget": f"2022年年初预算收支均为{t(f['budget_expense_total'])}万元。年初预算支出中，基本支出"
                           f"{t(f['budget_basic'])}万元，项目支出{t(f['budget_project'])}万元。",
            "text_final": f"2022年决算支出{t(f['final_expense_total'])}万元，其中：基本支出{yuan(f['final_basic'])}元，"
                          f"项目支出{t(f['final_project'])}万元。基本支出中，人员经费{t(f['final_personnel'])}万元，"
                          f"公用经费{t(f['final_public'])}万元。",
            "text_sangong": f"“三公”经费预算{t(f['sangong_budget_total'])}万元，决算{t(f['sangong_final_total'])}万元，"
                            f"其中公务用车购置及运行维护费{yuan(f['sangong_final_car'])}元，公务接待费{yuan(f['sangong_final_reception'])}元。",
            "text_procurement": f"政府采购支出{t(f['procurement_total'])}万元，其中货物{t(f['procurement_goods'])}万元，"
                                f"服务{t(f['procurement_services'])}万元。",
            "text_assets": f"资产总额{t(f['assets_total'])}万元，负债总额{t(f['liabilities_total'])}万元，"
                           f"净资产{t(f['assets_total'] - f['liabilities_total'])}万元，在用固定资产{t(f['fixed_assets_in_use'])}万元。",
            "text_overall": f"街道2022年部门决算支出{t(f['final_expense_total'])}万元，较年初预算增加"
                            f"{t(f['final_expense_total'] - f['budget_expense_total'])}万元，主要是追加了疫情防控和社区网格化管理经费。",
            "text_projects": f"{ps[0].name}：年初预算数{t(g['initial'])}万元，全年执行数{t(g['executed'])}万元，"
                             f"执行率{pct_text(g['rate'])}，自评得分{score_text(g['total'])}分。",
            "text_problems": "社区工作者队伍不稳定，网格员流动性较大。",
            "text_measures": "拟将网格员补贴标准提高至每人每月800元。",
        }

    dept = build("衡山县开云街道办事处-2022.xlsx", unit, address="衡山县开云镇开云大道9号", offices=offices, subunits=subunits,
                 staff=(52, 49, 33), duties=["负责辖区党建、社区建设和社会治理工作。", "负责辖区公共服务和民生保障。",
                                             "负责辖区城市管理和综合执法。"],
                 projects=[p1], budget={"salary": "642.10", "goods": "86.30", "subsidy": "15.60"},
                 final={"income": "835.24", "personnel": "688.52", "public": "103.26"},
                 sangong=(("0", "5.00", "2.40"), ("0", "4.36", "1.58")), procurement=("22.80", "0", "36.40"),
                 assets=("1456.32", "98.65", "1102.40", "1088.75"),
                 reason="决算支出高于年初预算，主要是追加疫情防控经费。", texts=texts)
    return TextExample(dept)


# ============================================================================ narratives in three house styles


def base_texts(unit: str, f: dict, ps: list, offices: list, subunits: list, staff: tuple, style: int) -> dict:
    """Clean narrative sections written from the tables in one of three phrasings (the planted examples
    override a section or two with their mistakes)."""
    quota, active, retired = staff
    tot = f["final_expense_total"]
    sb, sp = share(f["final_basic"], tot), share(f["final_project"], tot)
    inc = f["final_income_total"] - f["budget_income_total"]
    more = "增加" if inc >= 0 else "减少"
    subs = "、".join(subunits)
    lines = []
    for p in ps:
        g = fig(p)
        lines.append(f"{p.name}：全年预算数{t(g['full_year'])}万元，全年执行数{t(g['executed'])}万元，执行率"
                     f"{pct_text(g['rate'])}，自评得分{score_text(g['total'])}分，等级为“{g['grade']}”。")
    if style == 0:
        return {
            "text_staffing": f"{unit}内设{'、'.join(offices)}{len(offices)}个股室" + (f"，下属{subs}{len(subunits)}个二级机构" if subunits else "")
                             + f"。核定编制{quota}人，在职{active}人，退休{retired}人。",
            "text_budget": f"2022年年初预算收入{t(f['budget_income_total'])}万元，支出{t(f['budget_expense_total'])}万元，其中基本支出"
                           f"{t(f['budget_basic'])}万元，项目支出{t(f['budget_project'])}万元。",
            "text_final": f"2022年决算总收入{t(f['final_income_total'])}万元，较年初预算{more}{t(abs(inc))}万元；决算总支出{t(tot)}万元，"
                          f"其中基本支出{t(f['final_basic'])}万元，占总支出的{pct_text(sb)}，项目支出{t(f['final_project'])}万元，"
                          f"占总支出的{pct_text(sp)}。",
            "text_sangong": f"2022年“三公”经费预算{t(f['sangong_budget_total'])}万元，决算{t(f['sangong_final_total'])}万元，"
                            f"其中公务用车购置及运行维护费{t(f['sangong_final_car'])}万元、公务接待费{t(f['sangong_final_reception'])}万元，"
                            "因公出国（境）费为零。",
            "text_procurement": f"2022年政府采购支出{t(f['procurement_total'])}万元，其中货物{t(f['procurement_goods'])}万元、"
                                f"工程{t(f['procurement_works'])}万元、服务{t(f['procurement_services'])}万元。",
            "text_assets": f"年末资产总额{t(f['assets_total'])}万元，负债总额{t(f['liabilities_total'])}万元，净资产"
                           f"{t(f['assets_total'] - f['liabilities_total'])}万元；固定资产账面原值{t(f['fixed_assets_original'])}万元。",
            "text_overall": f"2022年度部门决算支出{t(tot)}万元，全年各项工作任务均按计划完成。",
            "text_projects": "\n".join(lines),
        }
    if style == 1:
        return {
            "text_staffing": f"本单位共有内设机构{len(offices)}个，分别为{'、'.join(offices)}"
                             + (f"；二级机构{len(subunits)}个，即{subs}" if subunits else "；无二级机构")
                             + f"。编制数{quota}人，在职人员{active}人，退休人员{retired}人。",
            "text_budget": f"2022年部门预算收入总计{t(f['budget_income_total'])}万元，其中一般公共预算拨款收入"
                           f"{t(f['budget_income_general'])}万元；部门预算支出总计{t(f['budget_expense_total'])}万元，其中基本支出"
                           f"{t(f['budget_basic'])}万元（工资福利支出{t(f['budget_basic_salary'])}万元、商品和服务支出"
                           f"{t(f['budget_basic_goods'])}万元、对个人和家庭的补助{t(f['budget_basic_subsidy'])}万元），项目支出"
                           f"{t(f['budget_project'])}万元。",
            "text_final": f"2022年部门决算收入{t(f['final_income_total'])}万元，比年初预算{more}{t(abs(inc))}万元。决算支出"
                          f"{t(tot)}万元，其中基本支出{t(f['final_basic'])}万元（人员经费{t(f['final_personnel'])}万元，公用经费"
                          f"{t(f['final_public'])}万元），项目支出{t(f['final_project'])}万元，项目支出占决算支出的{pct_text(sp)}。",
            "text_sangong": f"“三公”经费年初预算数{t(f['sangong_budget_total'])}万元，实际支出{t(f['sangong_final_total'])}万元，"
                            f"比预算减少{t(f['sangong_budget_total'] - f['sangong_final_total'])}万元。",
            "text_procurement": f"全年政府采购金额{t(f['procurement_total'])}万元，全部为货物和服务类采购。",
            "text_assets": f"截至2022年底，资产总额{t(f['assets_total'])}万元，负债{t(f['liabilities_total'])}万元；"
                           f"固定资产原值{t(f['fixed_assets_original'])}万元，在用资产{t(f['fixed_assets_in_use'])}万元。",
            "text_overall": f"全年部门预算支出{t(f['budget_expense_total'])}万元，决算支出{t(tot)}万元，较好地完成了年度绩效目标。",
            "text_projects": "\n".join(f"{i}、{line}" for i, line in enumerate(lines, start=1)),
        }
    return {
        "text_staffing": f"我局机关内设{'、'.join(offices)}等{len(offices)}个职能股室。年末在职在编人员{active}人（编制{quota}人），"
                         f"退休人员{retired}人。",
        "text_budget": f"年初预算安排支出{t(f['budget_expense_total'])}万元，其中基本支出{t(f['budget_basic'])}万元，项目支出"
                       f"{t(f['budget_project'])}万元；收入全部为一般公共预算拨款。",
        "text_final": f"本年度决算收入{t(f['final_income_total'])}万元，决算支出{t(tot)}万元。支出中，基本支出{t(f['final_basic'])}万元，"
                      f"项目支出{t(f['final_project'])}万元，基本支出占总支出的比重为{pct_text(sb)}。",
        "text_sangong": f"“三公”经费支出{yuan(f['sangong_final_total'])}元，其中公务用车购置及运行维护费{yuan(f['sangong_final_car'])}元，"
                        f"公务接待费{yuan(f['sangong_final_reception'])}元。",
        "text_procurement": f"政府采购合同金额{t(f['procurement_total'])}万元。",
        "text_assets": f"年末资产总额{t(f['assets_total'])}万元，其中固定资产{t(f['fixed_assets_original'])}万元；负债总额"
                       f"{t(f['liabilities_total'])}万元。",
        "text_overall": f"本年度部门预算执行情况良好，决算支出{t(tot)}万元。",
        "text_projects": "\n".join(lines),
    }


def plant(texts: dict, key: str, old: str, new: str) -> dict:
    """Replace one occurrence of ``old`` (it must occur exactly once) in section ``key``."""
    assert texts[key].count(old) == 1, (key, old, texts[key])
    return {**texts, key: texts[key].replace(old, new)}


def cell_of(key: str) -> str:
    return L.BY_KEY[key].ref


# ============================================================================ planted mistakes


def _duties(what: str) -> list[str]:
    return [f"贯彻执行国家和省、市有关{what}工作的法律法规和方针政策。", f"拟订全县{what}发展规划并组织实施。",
            "承办县委、县政府交办的其他任务。"]


def water() -> TextExample:
    """水利局 (style 0): N1f in a project's 实际完成情况 (每亩补助 × 亩数), N1a 固定资产原值."""
    unit = "衡山县水利局"
    p1 = project("小型农田水利设施维修养护项目", "衡山县水利工程服务中心", ("360.00", "360.00", "360.00"),
                 indicators("维修养护灌溉面积", 12000, 12000, "亩", social="灌溉保证率提高"),
                 expected="对12000亩农田灌溉设施实施维修养护，按每亩300元标准补助。",
                 actual="按每亩补助300元的标准，对12000亩农田的灌溉设施实施维修养护，共发放补助资金380.00万元。")
    offices = ["办公室", "计划财务股", "水利工程建设管理股", "水资源管理股", "河湖管理股"]
    subunits = ["衡山县水利工程服务中心", "衡山县河道管理站"]
    staff = (56, 52, 40)

    def texts(f, ps):
        out = base_texts(unit, f, ps, offices, subunits, staff, 0)
        return plant(out, "text_assets", f"固定资产账面原值{t(f['fixed_assets_original'])}万元",
                     f"固定资产账面原值{t(f['fixed_assets_original'] + D('180'))}万元")

    dept = build("衡山县水利局-2022.xlsx", unit, address="衡山县开云镇沿河路12号", offices=offices, subunits=subunits,
                 staff=staff, duties=_duties("水利"), projects=[p1],
                 budget={"salary": "702.30", "goods": "98.60", "subsidy": "20.10"},
                 final={"income": "1190.44", "personnel": "745.30", "public": "101.26"},
                 sangong=(("0", "10.00", "4.00"), ("0", "8.32", "2.47")), procurement=("36.50", "268.70", "22.30"),
                 assets=("8650.32", "420.15", "2680.45", "2655.10"),
                 reason="决算支出高于年初预算，主要是追加防汛抗旱经费。", texts=texts)
    return TextExample(dept, (
        Planted("项目自评表", "F10", "text-product-mismatch", "年度总体目标·实际完成情况",
                "每亩300元 × 12000亩 = 360.00万元，正文写“共发放补助资金380.00万元”"),
        Planted(TEXT_SHEET, cell_of("text_assets"), "text-figure-mismatch", "资产管理情况",
                "固定资产账面原值写 2860.45 万元，表中 2680.45 万元"),
    ))


def civil() -> TextExample:
    """民政局 (style 1): N1f 每人每月 × 人数 × 月数 in 项目绩效, N1d 较年初预算增加额."""
    unit = "衡山县民政局"
    p1 = project("城市最低生活保障项目", unit, ("680.40", "680.40", "680.40"),
                 indicators("保障城市低保对象", 1350, 1350, "人", social="困难群众基本生活得到保障"),
                 expected="为1350名城市低保对象按月足额发放低保金。", actual="全年为1350名城市低保对象按月足额发放低保金。")
    offices = ["办公室", "社会救助股", "社会事务股", "养老服务股", "区划地名股", "社会组织管理股"]
    subunits = ["衡山县社会福利院", "衡山县救助管理站"]
    staff = (40, 37, 31)

    def texts(f, ps):
        out = base_texts(unit, f, ps, offices, subunits, staff, 1)
        inc = f["final_income_total"] - f["budget_income_total"]
        out = plant(out, "text_final", f"比年初预算增加{t(inc)}万元", f"比年初预算增加{t(inc + D('10'))}万元")
        out["text_projects"] += ("\n城市低保按每人每月420元的保障标准，为1350名城市低保对象发放12个月低保金，共计690.40万元。")
        return out

    dept = build("衡山县民政局-2022.xlsx", unit, address="衡山县开云镇建设路21号", offices=offices, subunits=subunits,
                 staff=staff, duties=_duties("民政"), projects=[p1],
                 budget={"salary": "512.60", "goods": "76.40", "subsidy": "18.20"},
                 final={"income": "1325.86", "personnel": "552.18", "public": "80.12"},
                 sangong=(("0", "6.00", "2.00"), ("0", "4.85", "1.12")), procurement=("18.60", "0", "12.40"),
                 assets=("2865.20", "135.60", "2210.40", "2196.32"),
                 reason="决算支出高于年初预算，主要是追加困难群众救助资金。", texts=texts)
    return TextExample(dept, (
        Planted(TEXT_SHEET, cell_of("text_final"), "text-change-mismatch", "部门决算情况",
                "较年初预算增加额多写 10 万元（决算收入 − 年初预算收入）"),
        Planted(TEXT_SHEET, cell_of("text_projects"), "text-product-mismatch", "项目绩效目标完成情况",
                "每人每月420元 × 1350人 × 12个月 = 680.40万元，正文写 690.40 万元"),
    ))


def culture() -> TextExample:
    """文旅广体局 (style 0): N1e 股室 count vs the names listed, N1c 其中 parts in 元 exceed a total in 万元."""
    unit = "衡山县文化旅游广电体育局"
    p1 = project("公共文化服务体系建设项目", unit, ("85.60", "85.60", "85.60"),
                 indicators("送戏下乡演出", 120, 126, "场", social="群众文化生活丰富"),
                 expected="开展送戏下乡演出120场，免费开放公共文化场馆。",
                 actual="项目总投入85.60万元，其中省级补助资金500,000元、县级配套资金406,000元；完成送戏下乡演出126场。")
    offices = ["办公室", "文化艺术股", "文物股", "旅游股", "体育股"]
    subunits = ["衡山县文化馆", "衡山县图书馆"]
    staff = (34, 33, 20)

    def texts(f, ps):
        out = base_texts(unit, f, ps, offices, subunits, staff, 0)
        return plant(out, "text_staffing", f"{'、'.join(offices)}{len(offices)}个股室", f"{'、'.join(offices)}6个股室")

    dept = build("衡山县文化旅游广电体育局-2022.xlsx", unit, address="衡山县开云镇文化路5号", offices=offices,
                 subunits=subunits, staff=staff, duties=_duties("文化旅游广电体育"), projects=[p1],
                 budget={"salary": "398.50", "goods": "62.30", "subsidy": "9.80"},
                 final={"income": "588.42", "personnel": "428.66", "public": "70.18"},
                 sangong=(("0", "5.00", "3.00"), ("0", "4.12", "2.36")), procurement=("28.40", "0", "35.60"),
                 assets=("1986.40", "88.32", "1520.66", "1498.20"),
                 reason="决算支出高于年初预算，主要是追加公共文化服务补助资金。", texts=texts)
    return TextExample(dept, (
        Planted(TEXT_SHEET, cell_of("text_staffing"), "text-count-list-mismatch", "人员编制情况",
                "列出 5 个股室名称，数量写为“6个股室”"),
        Planted("项目自评表", "F10", "text-parts-exceed", "年度总体目标·实际完成情况",
                "总投入 85.60 万元，其中 500,000 元 + 406,000 元 = 90.60 万元，超过总投入"),
    ))


def market() -> TextExample:
    """市场监管局 (style 0): N1b 决算总支出 stated twice (整体绩效 transposes two digits), N1d a wrong share."""
    unit = "衡山县市场监督管理局"
    p1 = project("食品安全监督抽检项目", unit, ("96.00", "96.00", "93.12"),
                 indicators("食品安全监督抽检批次", 1500, 1562, "批次", social="食品安全形势稳定"),
                 expected="完成食品安全监督抽检1500批次。", actual="完成食品安全监督抽检1562批次，问题发现率2.8%。")
    offices = ["办公室", "财务装备股", "登记注册股", "食品安全协调股", "特种设备安全监察股", "知识产权股", "消费者权益保护股"]
    subunits = ["衡山县市场监督管理综合行政执法大队"]
    staff = (118, 112, 76)

    def texts(f, ps):
        out = base_texts(unit, f, ps, offices, subunits, staff, 0)
        tot = t(f["final_expense_total"])
        wrong = tot[:2] + tot[3] + tot[2] + tot[4:]
        out = plant(out, "text_overall", f"部门决算支出{tot}万元", f"部门决算支出{wrong}万元")
        sb = pct_text(share(f["final_basic"], f["final_expense_total"]))
        return plant(out, "text_final", f"占总支出的{sb}", f"占总支出的{sb[0]}{int(sb[1]) + 3 if int(sb[1]) < 7 else int(sb[1]) - 3}{sb[2:]}")

    dept = build("衡山县市场监督管理局-2022.xlsx", unit, address="衡山县开云镇永安路3号", offices=offices,
                 subunits=subunits, staff=staff, duties=_duties("市场监督管理"), projects=[p1],
                 budget={"salary": "1452.80", "goods": "186.40", "subsidy": "32.60"},
                 final={"income": "1820.36", "personnel": "1538.24", "public": "192.66"},
                 sangong=(("0", "18.00", "5.00"), ("0", "15.42", "3.86")), procurement=("42.80", "0", "68.40"),
                 assets=("3420.18", "256.40", "2632.50", "2588.16"),
                 reason="决算支出高于年初预算，主要是人员调资。", texts=texts)
    return TextExample(dept, (
        Planted(TEXT_SHEET, cell_of("text_overall"), "text-figure-inconsistent", "整体绩效目标完成情况",
                "决算支出两位数字颠倒，与部门决算情况（及表中）所写不同"),
        Planted(TEXT_SHEET, cell_of("text_final"), "text-share-mismatch", "部门决算情况",
                "基本支出占总支出的比例十位数写错 3"),
    ))


def natres() -> TextExample:
    """自然资源局 (style 1): N1g a weights note that misprints the 产出 cap, N1a a project's 自评得分."""
    unit = "衡山县自然资源局"
    p1 = project("不动产登记信息化建设项目", unit, ("120.00", "120.00", "112.80"),
                 indicators("完成不动产登记数据整合", 86000, 86000, "宗", social="办事群众少跑腿"),
                 expected="完成不动产登记存量数据整合86000宗。", actual="完成存量数据整合86000宗，登记办理时限压缩至3个工作日。")
    offices = ["办公室", "规划股", "国土空间用途管制股", "耕地保护股", "不动产登记股", "执法监察股"]
    subunits = ["衡山县不动产登记中心", "衡山县自然资源事务中心"]
    staff = (96, 90, 64)

    def texts(f, ps):
        out = base_texts(unit, f, ps, offices, subunits, staff, 1)
        g = fig(ps[0])
        out = plant(out, "text_projects", f"自评得分{score_text(g['total'])}分", "自评得分96分")
        out["text_overall"] += "项目自评按预算执行率10分、产出指标40分、效益指标30分、满意度指标10分设置分值。"
        return out

    dept = build("衡山县自然资源局-2022.xlsx", unit, address="衡山县开云镇紫金路10号", offices=offices,
                 subunits=subunits, staff=staff, duties=_duties("自然资源"), projects=[p1],
                 budget={"salary": "1120.40", "goods": "156.30", "subsidy": "26.40"},
                 final={"income": "1452.66", "personnel": "1186.92", "public": "150.38"},
                 sangong=(("0", "12.00", "4.00"), ("0", "10.26", "2.88")), procurement=("56.20", "0", "102.60"),
                 assets=("3650.40", "215.60", "2860.12", "2810.44"),
                 reason="决算支出高于年初预算，主要是追加不动产登记信息化建设资金。", texts=texts)
    return TextExample(dept, (
        Planted(TEXT_SHEET, cell_of("text_overall"), "text-weights-mismatch", "整体绩效目标完成情况",
                "权重说明写“产出指标40分”，自评表表头为 产出指标(50分)"),
        Planted(TEXT_SHEET, cell_of("text_projects"), "text-figure-mismatch", "项目绩效目标完成情况",
                "自评得分写 96 分，自评表总分为 99.40"),
    ))


def hrss() -> TextExample:
    """人社局 (style 2): N1a 在职人数 vs 基本情况, N1e a 股室 count that differs from the one stated before."""
    unit = "衡山县人力资源和社会保障局"
    p1 = project("就业创业补助项目", unit, ("150.00", "150.00", "146.25"),
                 indicators("城镇新增就业", 3200, 3386, "人", social="就业形势稳定"),
                 expected="城镇新增就业3200人，城镇调查失业率控制在5.5%以内。",
                 actual="城镇新增就业3386人，发放创业担保贷款2860万元，城镇调查失业率4.9%。")
    offices = ["办公室", "就业促进股", "职业能力建设股", "劳动关系股", "社会保险股", "工资福利股", "人才开发股"]
    staff = (52, 48, 37)

    def texts(f, ps):
        out = base_texts(unit, f, ps, offices, [], staff, 2)
        out = plant(out, "text_staffing", f"在职在编人员{staff[1]}人", "在职在编人员46人")
        out["text_overall"] += "局机关8个股室均完成了年度目标任务。"
        return out

    dept = build("衡山县人力资源和社会保障局-2022.xlsx", unit, address="衡山县开云镇人民路2号", offices=offices,
                 subunits=[], staff=staff, duties=_duties("人力资源和社会保障"), projects=[p1],
                 budget={"salary": "628.40", "goods": "88.20", "subsidy": "18.60"},
                 final={"income": "896.20", "personnel": "672.36", "public": "91.44"},
                 sangong=(("0", "6.00", "2.50"), ("0", "5.16", "1.82")), procurement=("26.40", "0", "18.60"),
                 assets=("1236.80", "76.42", "865.30", "852.66"),
                 reason="决算支出高于年初预算，主要是追加就业补助资金。", texts=texts)
    return TextExample(dept, (
        Planted(TEXT_SHEET, cell_of("text_staffing"), "text-figure-mismatch", "人员编制情况",
                "在职在编人员写 46 人，基本情况表为 48 人"),
        Planted(TEXT_SHEET, cell_of("text_overall"), "text-count-inconsistent", "整体绩效目标完成情况",
                "写“局机关8个股室”，人员编制情况（及基本情况表）为 7 个"),
    ))


def forestry() -> TextExample:
    """林业局 (style 1): N1d 比上年增长率 computed wrong, N1c a 合计 that is not the sum of its list."""
    unit = "衡山县林业局"
    p1 = project("森林生态效益补偿项目", unit, ("184.70", "184.70", "184.70"),
                 indicators("补偿公益林面积", 123000, 123000, "亩", social="林农护林积极性提高"),
                 expected="对12.3万亩公益林发放生态效益补偿资金。",
                 actual="发放集体公益林补偿128.40万元、个人公益林补偿56.30万元，合计186.70万元，补偿资金全部直达林农。")
    offices = ["办公室", "资源管理股", "生态修复股", "林业改革股", "计划财务股"]
    subunits = ["衡山县林业技术推广站", "衡山县国有林场"]
    staff = (64, 60, 48)

    def texts(f, ps):
        out = base_texts(unit, f, ps, offices, subunits, staff, 1)
        last = D("1025.30")
        tot = f["final_expense_total"]
        right = mk.q((tot - last) / last * 100)
        out["text_final"] += f"决算支出比上年的{t(last)}万元增长{right + D('2.00'):.2f}%。"
        return out

    dept = build("衡山县林业局-2022.xlsx", unit, address="衡山县开云镇林业路7号", offices=offices,
                 subunits=subunits, staff=staff, duties=_duties("林业"), projects=[p1],
                 budget={"salary": "736.20", "goods": "98.50", "subsidy": "22.30"},
                 final={"income": "1086.40", "personnel": "782.62", "public": "106.28"},
                 sangong=(("0", "9.00", "3.00"), ("0", "7.66", "2.14")), procurement=("22.80", "36.50", "18.20"),
                 assets=("5260.30", "186.40", "4120.56", "4086.22"),
                 reason="决算支出高于年初预算，主要是追加森林防火经费。", texts=texts)
    return TextExample(dept, (
        Planted(TEXT_SHEET, cell_of("text_final"), "text-change-mismatch", "部门决算情况",
                "比上年增长率多写 2 个百分点（（本年 − 上年）÷ 上年）"),
        Planted("项目自评表", "F10", "text-sum-mismatch", "年度总体目标·实际完成情况",
                "128.40 + 56.30 = 184.70 万元，正文“合计186.70万元”"),
    ))


def justice() -> TextExample:
    """司法局 (style 2): N1a 等级 in 项目绩效 (总分 89.70 is 良), N1d the 执行率 of a project's own text."""
    unit = "衡山县司法局"
    inds = [
        fwd("数量", "办理法律援助案件", 300, 240, "件", 20, reason="受理案件量低于预期；下一步加强法律援助宣传。"),
        fwd("质量", "案件质量评估合格率", 95, 96, "%", 10),
        qual("时效", "按时结案", 10, phrase="按期办结"),
        qual("成本", "成本控制在预算内", 10, phrase="未超预算"),
        fwd("社会", "法律援助覆盖率", 90, 72, "%", 20, reason="偏远乡镇覆盖不足；下一步增设基层工作站。"),
        qual("可持续", "法律援助长效机制", 10),
        fwd("满意度", "受援人满意度", 95, 85, "%", 10, reason="部分案件办理周期较长；下一步压缩办案时限。"),
    ]
    p1 = project("法律援助项目", unit, ("52.00", "52.00", "45.50"), inds,
                 expected="办理法律援助案件300件，受援人满意度95%以上。",
                 actual="全年预算数52.00万元，实际支出45.50万元，预算执行率为78.50%；办理法律援助案件240件。",
                 exec_reason="部分案件补贴跨年结算，执行率偏低；下一步按季度结算办案补贴。")
    offices = ["办公室", "法治督察股", "公共法律服务管理股", "人民参与和促进法治股", "社区矫正股"]
    staff = (44, 41, 30)

    def texts(f, ps):
        out = base_texts(unit, f, ps, offices, [], staff, 2)
        g = fig(ps[0])
        assert g["grade"] == "良", g
        return plant(out, "text_projects", "等级为“良”", "等级为“优”")

    dept = build("衡山县司法局-2022.xlsx", unit, address="衡山县开云镇法治路1号", offices=offices, subunits=[],
                 staff=staff, duties=_duties("司法行政"), projects=[p1],
                 budget={"salary": "486.30", "goods": "62.40", "subsidy": "12.10"},
                 final={"income": "628.50", "personnel": "508.62", "public": "70.44"},
                 sangong=(("0", "5.00", "2.00"), ("0", "4.26", "1.38")), procurement=("16.20", "0", "12.80"),
                 assets=("968.40", "58.20", "702.36", "690.12"),
                 reason="决算支出高于年初预算，主要是人员调资。", texts=texts)
    return TextExample(dept, (
        Planted(TEXT_SHEET, cell_of("text_projects"), "text-grade-mismatch", "项目绩效目标完成情况",
                "等级写“优”，自评表总分 89.70 为“良”"),
        Planted("项目自评表", "F10", "text-share-mismatch", "年度总体目标·实际完成情况",
                "执行率写 78.50%，45.50 ÷ 52.00 = 87.50%"),
    ))


def baiguo() -> TextExample:
    """白果镇 (style 0): N1e a count with fewer names listed, N1c a 合计 over 元 and 万元 mixed."""
    unit = "衡山县白果镇人民政府"
    p1 = project("耕地地力保护补贴发放项目", unit, ("371.84", "371.84", "371.84"),
                 indicators("补贴耕地面积", 28600, 28600, "亩", social="种粮农民收入增加"),
                 expected="按时足额发放耕地地力保护补贴和稻谷目标价格补贴。",
                 actual="补贴资金通过“一卡通”全部发放到户。")
    offices = ["党政综合办公室", "经济发展办公室", "社会事务办公室", "平安建设办公室"]
    subunits = ["白果镇农业综合服务中心", "白果镇社会事务综合服务中心"]
    staff = (72, 69, 58)

    def texts(f, ps):
        out = base_texts(unit, f, ps, offices, subunits, staff, 0)
        out["text_staffing"] = (f"白果镇内设{'、'.join(offices)}4个办公室；直属单位3个，即{'、'.join(subunits)}。"
                                f"核定编制{staff[0]}人，在职{staff[1]}人，退休{staff[2]}人。")
        out["text_overall"] += "全年发放耕地地力保护补贴2,862,000元、稻谷目标价格补贴856,400元，合计370.84万元。"
        return out

    dept = build("衡山县白果镇人民政府-2022.xlsx", unit, address="衡山县白果镇白果村", offices=offices,
                 subunits=subunits, staff=staff, duties=["负责本镇经济发展和社会事务管理。", "负责本镇惠农补贴发放。",
                                                         "承办县委、县政府交办的其他任务。"], projects=[p1],
                 budget={"salary": "902.40", "goods": "132.60", "subsidy": "38.20"},
                 final={"income": "1480.36", "personnel": "968.44", "public": "150.20"},
                 sangong=(("0", "6.00", "4.00"), ("0", "5.46", "3.22")), procurement=("20.40", "56.80", "8.60"),
                 assets=("4180.60", "226.30", "3560.44", "3498.10"),
                 reason="决算支出高于年初预算，主要是追加耕地地力保护补贴资金。", texts=texts)
    return TextExample(dept, (
        Planted(TEXT_SHEET, cell_of("text_staffing"), "text-count-list-mismatch", "人员编制情况",
                "“直属单位3个，即”后只列出 2 个单位"),
        Planted(TEXT_SHEET, cell_of("text_overall"), "text-sum-mismatch", "整体绩效目标完成情况",
                "2,862,000元 + 856,400元 = 371.84万元，正文“合计370.84万元”"),
    ))


def disabled() -> TextExample:
    """残联 (style 0): N1d a share off by one in its last digit (a warning), N1a 净资产."""
    unit = "衡山县残疾人联合会"
    p1 = project("残疾人康复服务项目", unit, ("42.00", "42.00", "41.16"),
                 indicators("残疾人康复服务", 650, 672, "人", social="残疾人生活质量提高"),
                 expected="为650名残疾人提供基本康复服务。", actual="为672名残疾人提供基本康复服务，辅具适配210件。")
    offices = ["办公室", "康复就业部", "维权教育部"]
    staff = (15, 14, 9)

    def texts(f, ps):
        out = base_texts(unit, f, ps, offices, [], staff, 0)
        sp = share(f["final_project"], f["final_expense_total"])
        out = plant(out, "text_final", f"占总支出的{pct_text(sp)}", f"占总支出的{pct_text(sp + D('0.0001'))}")
        net = f["assets_total"] - f["liabilities_total"]
        return plant(out, "text_assets", f"净资产{t(net)}万元", f"净资产{t(net - D('10'))}万元")

    dept = build("衡山县残疾人联合会-2022.xlsx", unit, address="衡山县开云镇康乐路2号", offices=offices, subunits=[],
                 staff=staff, duties=_duties("残疾人"), projects=[p1],
                 budget={"salary": "162.30", "goods": "24.60", "subsidy": "8.40"},
                 final={"income": "246.80", "personnel": "178.52", "public": "26.10"},
                 sangong=(("0", "2.00", "1.00"), ("0", "1.62", "0.58")), procurement=("12.60", "0", "6.20"),
                 assets=("420.66", "18.40", "236.20", "230.12"),
                 reason="决算支出高于年初预算，主要是追加残疾人康复补助资金。", texts=texts)
    return TextExample(dept, (
        Planted(TEXT_SHEET, cell_of("text_final"), "text-share-slip", "部门决算情况",
                "项目支出占比末位多 1（四舍五入错误）"),
        Planted(TEXT_SHEET, cell_of("text_assets"), "text-figure-mismatch", "资产管理情况",
                "净资产少写 10 万元（资产总额 − 负债总额）"),
    ))


def statistics() -> TextExample:
    """统计局 (style 1): N1a an amount in 元 (公务接待费) vs the table, N1b 年初预算支出 stated twice."""
    unit = "衡山县统计局"
    p1 = project("第五次全国经济普查项目", unit, ("38.00", "38.00", "36.48"),
                 indicators("完成普查单位清查", 6200, 6325, "家", social="普查数据质量可靠"),
                 expected="完成全县普查单位清查6200家。", actual="完成普查单位清查6325家，数据差错率0.3%。")
    offices = ["办公室", "综合统计股", "农村统计股", "工业交通统计股", "贸易统计股"]
    subunits = ["衡山县城乡调查队"]
    staff = (26, 24, 19)

    def texts(f, ps):
        out = base_texts(unit, f, ps, offices, subunits, staff, 1)
        out["text_sangong"] += (f"其中公务用车购置及运行维护费{yuan(f['sangong_final_car'])}元，公务接待费"
                                f"{yuan(f['sangong_final_reception'] - D('0.36'))}元。")
        return plant(out, "text_overall", f"全年部门预算支出{t(f['budget_expense_total'])}万元",
                     f"全年部门预算支出{t(f['budget_expense_total'] + D('3.80'))}万元")

    dept = build("衡山县统计局-2022.xlsx", unit, address="衡山县开云镇东风路4号", offices=offices, subunits=subunits,
                 staff=staff, duties=_duties("统计"), projects=[p1],
                 budget={"salary": "286.40", "goods": "38.20", "subsidy": "6.30"},
                 final={"income": "372.56", "personnel": "302.18", "public": "33.46"},
                 sangong=(("0", "3.00", "2.00"), ("0", "2.46", "1.62")), procurement=("8.60", "0", "12.40"),
                 assets=("512.30", "26.40", "302.66", "296.20"),
                 reason="决算支出高于年初预算，主要是追加经济普查经费。", texts=texts)
    return TextExample(dept, (
        Planted(TEXT_SHEET, cell_of("text_sangong"), "text-figure-mismatch", "“三公”经费执行情况",
                "公务接待费写 12,600 元，表中 1.62 万元（16,200 元）"),
        Planted(TEXT_SHEET, cell_of("text_overall"), "text-figure-inconsistent", "整体绩效目标完成情况",
                "部门预算支出比部门预算情况（及表中）多写 3.80 万元"),
    ))


CLEAN = (school, health, transport, township, street)
PLANTED = (water, civil, culture, market, natres, hrss, forestry, justice, baiguo, disabled, statistics)


def text_examples() -> list[TextExample]:
    return [f() for f in (*CLEAN, *PLANTED)]


def departments() -> list[Department]:
    """The corpus' departments, for make_examples.departments()."""
    return [ex.dept for ex in text_examples()]


# every example, and the findings each must raise: (file, sheet, cell, code) — nothing else (clean ones: none)
TEXT_EXAMPLES: tuple[TextExample, ...] = tuple(text_examples())
EXPECTED_FINDINGS: tuple[tuple[str, str, str, str], ...] = tuple(
    (ex.file, p.sheet, p.cell, p.code) for ex in TEXT_EXAMPLES for p in ex.planted)
