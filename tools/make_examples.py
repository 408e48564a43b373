"""Build the example department workbooks in ``workbooks/examples/`` from the standard template.

Run: ``.venv/bin/python tools/make_examples.py [OUTDIR]`` (default ``workbooks/examples``).

Every example starts from ``perfxl.io.template_book.build_workbook()``; values are typed into INPUT
cells only (a merged range is written through its top-left cell), so the template's styles, names and
validations stay. The only derived cells that receive values are the ones listed per example below
(the seed's stated figures, and the planted stale/wrong derived values of the mistakes example).
Output is deterministic: fixed document dates and fixed zip timestamps, written atomically.

Examples
--------
衡山县科技和工业信息化局-2022.xlsx  the seed report (seed/000_08dc60a1797c69cf.txt) transcribed as
                                   published, mistakes included; 1 项目自评表. Its 报告正文 holds the
                                   report's narrative paragraphs character for character (line breaks
                                   and indentation included), so the text checks (N1) read what was published.
衡山县农业农村局-2022.xlsx          invented, CLEAN: every identity of RULES.md §4 holds, typed 得分 equal
                                   the rule scores, derived cells blank (``perfxl fill`` computes them);
                                   4 项目自评表. All figures are computed here with Decimal and asserted.
衡山县教育局-2022.xlsx              invented, with the PLANTED MISTAKES below; 6 项目自评表.
衡山县档案馆-2022.xlsx              invented, nearly clean (two warnings, see NEAR_CLEAN_WARNINGS), with a
                                   "不适用" indicator; 2 项目自评表.
and the text-check corpus of tools/examples_text.py (16 departments: 5 with clean narratives, 11 with
planted mistakes in their prose, all with consistent tables; its docstring lists every planted mistake).

Planted mistakes in 衡山县教育局-2022.xlsx (sheet, cell, what is wrong) — tests assert these:
  1. 预决算!C22          项目支出占比 typed 0.395 (= 项目支出 ÷ 年初支出合计, wrong denominator);
                         the true share 2185.90 / 5788.75 = 0.3776.
  2. 预决算!C29          "三公"决算合计 typed 28.60; 0 + 19.85 + 7.95 = 27.80.
  3. 预决算!B45          净资产 typed 3736.36 (stale); 4236.80 − 512.44 = 3724.36.
  4. 项目自评表(2)!H5    执行率 typed 0.95 (stale); 405.16 / 412.30 = 0.9827.
  5. 项目自评表(2)!I5    执行率得分 typed 9.5 (stale); should be 9.83.
  6. 项目自评表(2)!H14   得分 12 above its 分值 10 (G14).
  7. 项目自评表(3)!G12   产出指标 三级分值 sum to 48 (G12:G19 = 12+10+10+8+8) under the 50 cap.
  8. 项目自评表(3)!F16   indicator "培训按计划完成" has no 实际完成值 (blank) but 分值 8 and 得分 8.
  9. 项目自评表(4)!H30   总分 typed 89.47 = Σ三级得分 only, leaving out the 执行率得分 9.49
                         (should be 98.96).
 10. 项目自评表(5)!F12   actual "300人次" is 150% of the target "≥200人次" and I12 (偏差原因) is blank.
 11. 项目自评表(5)!H31   等级 typed "优" but 总分 H30 = 87.80 (correct) is in the 良 band.
 12. 项目自评表(6)!F7    amount cell holds the text "约12万" (上年结转资金·全年执行数).
Everything else in that workbook is consistent, so each mistake shows up on its own.
"""
from __future__ import annotations

import io
import os
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from perfxl.io.files import atomic_write  # noqa: E402
from perfxl.io.template_book import add_project_sheet, build_workbook  # noqa: E402
from perfxl.template import layout as L  # noqa: E402

FIXED_TIME = datetime(2023, 3, 31, 9, 0, 0)
ZIP_TIME = (2023, 3, 31, 9, 0, 0)
DEFAULT_OUT = ROOT / "workbooks" / "examples"

SEED_FILE = "衡山县科技和工业信息化局-2022.xlsx"
CLEAN_FILE = "衡山县农业农村局-2022.xlsx"
MISTAKES_FILE = "衡山县教育局-2022.xlsx"
NEAR_CLEAN_FILE = "衡山县档案馆-2022.xlsx"

# (sheet, cell, typed value, what is wrong) — the list in the docstring, as data for the tests
PLANTED_MISTAKES = (
    ("预决算", "C22", 0.395, "项目支出占比用年初支出合计作分母，应为 0.3776"),
    ("预决算", "C29", 28.6, "“三公”决算合计不等于分项之和 27.80"),
    ("预决算", "B45", 3736.36, "净资产为旧值，应为 3724.36"),
    ("项目自评表(2)", "H5", 0.95, "执行率为旧值，应为 0.9827"),
    ("项目自评表(2)", "I5", 9.5, "执行率得分为旧值，应为 9.83"),
    ("项目自评表(2)", "H14", 12, "得分 12 高于分值 10"),
    ("项目自评表(3)", "G12", 12, "产出指标三级分值合计 48，不等于 50"),
    ("项目自评表(3)", "F16", None, "有分值、得分但无实际完成值"),
    ("项目自评表(4)", "H30", 89.47, "总分漏加执行率得分 9.49，应为 98.96"),
    ("项目自评表(5)", "F12", "300人次", "完成值为指标值的 150%，未写偏差原因"),
    ("项目自评表(5)", "H31", "优", "总分 87.80 应为“良”"),
    ("项目自评表(6)", "F7", "约12万", "金额单元格中为文字"),
)
# (sheet, cell, why) — the only findings expected in the nearly clean example (warnings). Its 不适用
# indicator (项目自评表(2) row 20, 分值 5) counts toward the 效益 cap of 30: the total is rescaled as
# Σ得分 / Σ适用分值 × 100 (RULES.md §2), which only makes sense when the 不适用 分值 is inside the 100.
NEAR_CLEAN_WARNINGS = (
    ("项目自评表", "I13", "得分 9.67 低于分值 10，未写偏差原因分析"),
    ("项目自评表(2)", "J5", "执行率 86.11% 低于 90%，未写执行偏差原因"),
)

CENT = Decimal("0.01")


def D(x) -> Decimal:
    return Decimal(str(x))


def q(x: Decimal, places: int = 2) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def m(x: Decimal) -> float:
    """A 万元 amount as the number typed into the cell (exact to the cent)."""
    assert q(x) == x, f"amount {x} has more than two decimals"
    return int(x) if x == x.to_integral_value() else float(x)


def money_text(x: Decimal) -> str:
    return f"{q(x):.2f}"


def pct_text(rate: Decimal) -> str:
    return f"{q(rate * 100):.2f}%"


def share(part: Decimal, whole: Decimal) -> Decimal:
    return q(part / whole, 4)


# ============================================================================ indicators


@dataclass
class Ind:
    level2: str  # 数量 质量 时效 成本 经济 社会 生态 可持续 满意度
    name: str
    target: str | None
    actual: str | None
    weight: Decimal | None
    score: Decimal | str | None
    reason: str | None = None
    # for checking invented data: kind forward/reverse/qual/na and the numbers
    kind: str = ""
    t: Decimal | None = None
    a: Decimal | None = None


_L2 = {
    "数量": "数量指标", "质量": "质量指标", "时效": "时效指标", "成本": "成本指标",
    "经济": "经济效益指标", "社会": "社会效益指标", "生态": "生态效益指标", "可持续": "可持续影响指标",
    "满意度": "服务对象满意度指标",
}
_L1_OF = {"数量": "产出指标", "质量": "产出指标", "时效": "产出指标", "成本": "产出指标",
          "经济": "效益指标", "社会": "效益指标", "生态": "效益指标", "可持续": "效益指标",
          "满意度": "满意度指标"}
_L2_ORDER = [c for name, _cap in L.LEVEL1 for c in L.LEVEL2[name]]


def _num(x: Decimal) -> str:
    s = format(x.normalize(), "f")
    return s


def rule_score(kind: str, t: Decimal | None, a: Decimal | None, w: Decimal, actual_text: str | None = None,
               target_text: str | None = None) -> Decimal | None:
    """RULES.md §2 on the invented indicators (half-up, 2 decimals, never above 分值)."""
    if kind == "na":
        return None
    if kind == "forward":
        return w if a >= t else q(w * a / t)
    if kind == "reverse":
        return w if a <= t else q(w * t / a)
    if kind == "qual":
        return w if actual_text == target_text else None
    if kind == "partial":
        return q(w * D("0.7"))
    raise ValueError(kind)


def fwd(l2, name, t, a, unit, w, score=None, reason=None, op="≥"):
    """Forward target "≥t unit" (op "" → a bare number such as "100%")."""
    t, a, w = D(t), D(a), D(w)
    s = rule_score("forward", t, a, w) if score is None else score
    return Ind(l2, name, f"{op}{_num(t)}{unit}", f"{_num(a)}{unit}", w, s, reason, "forward", t, a)


def rev(l2, name, t, a, unit, w, score=None, reason=None, money=False):
    t, a, w = D(t), D(a), D(w)
    fmt_ = (lambda x: f"{x:.2f}") if money else _num
    s = rule_score("reverse", t, a, w) if score is None else score
    return Ind(l2, name, f"≤{fmt_(t)}{unit}", f"{fmt_(a)}{unit}", w, s, reason, "reverse", t, a)


def qual(l2, name, w, phrase="达成预期指标", actual=None, score=None, reason=None):
    w = D(w)
    actual = phrase if actual is None else actual
    kind = "qual" if actual == phrase else "partial"
    s = rule_score(kind, None, None, w, actual, phrase) if score is None else score
    return Ind(l2, name, phrase, actual, w, s, reason, kind)


def na(l2, name, w, reason):
    return Ind(l2, name, "不适用", "不适用", D(w), None, reason, "na")


@dataclass
class Project:
    name: str
    implementer: str
    # fund rows: (年初预算数, 全年预算数, 全年执行数) per row key; None = blank; strings typed as is
    appropriation: tuple
    carryover: tuple = (None, None, None)
    other: tuple = (None, None, None)
    exec_reason: str | None = None
    goal_expected: str = ""
    goal_actual: str = ""
    indicators: list = field(default_factory=list)
    total_row: tuple | None = None  # explicit total row (seed); else computed
    level1_labels: dict | None = None  # overrides of the merged 一级 labels
    typed_derived: dict = field(default_factory=dict)  # cell → value (stated/stale derived values)
    cell_overrides: dict = field(default_factory=dict)  # cell → value typed after everything else

    def fund_total(self) -> tuple:
        if self.total_row is not None:
            return self.total_row
        out = []
        for i in range(3):
            parts = [r[i] for r in (self.appropriation, self.carryover, self.other) if r[i] is not None]
            out.append(sum(parts, Decimal(0)) if parts else None)
        return tuple(out)


@dataclass
class Department:
    file: str
    basic: dict
    duties: list
    fin: dict  # layout key → value (input keys, plus derived keys only where stated)
    texts: dict  # layout key → text
    projects: list
    stated_derived: tuple = ()  # fin keys allowed to be derived


# ============================================================================ writing


def _put(ws, ref: str, value) -> None:
    if isinstance(value, Decimal):
        value = m(value)
    ws[ref].value = value


def write_department(dept: Department):
    wb = build_workbook(projects=1)
    for _ in dept.projects[1:]:
        add_project_sheet(wb, index=wb.sheetnames.index(L.SHEET_TEXT))
    ws = wb[L.SHEET_BASIC]
    for key, value in dept.basic.items():
        spec = L.BY_KEY[key]
        assert spec.sheet == L.SHEET_BASIC and spec.kind == L.INPUT, key
        _put(ws, spec.ref, value)
    assert len(dept.duties) <= L.DUTIES_ROWS
    for i, text in enumerate(dept.duties):
        r = L.DUTIES_FIRST_ROW + i
        ws[f"A{r}"].value = i + 1
        ws[f"B{r}"].value = text
    ws = wb[L.SHEET_FIN]
    for key, value in dept.fin.items():
        spec = L.BY_KEY[key]
        assert spec.sheet == L.SHEET_FIN, key
        assert spec.kind == L.INPUT or key in dept.stated_derived, f"derived cell {key} typed without reason"
        _put(ws, spec.ref, value)
    ws = wb[L.SHEET_TEXT]
    for key, text in dept.texts.items():
        spec = L.BY_KEY[key]
        assert spec.sheet == L.SHEET_TEXT, key
        ws[spec.ref].value = text
    for i, proj in enumerate(dept.projects, start=1):
        write_project(wb[L.project_sheet_name(i)], proj, dept.basic["unit_name"])
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "perfxl tools/make_examples.py"
    wb.properties.lastModifiedBy = "perfxl"
    wb.properties.title = dept.file.removesuffix(".xlsx")
    return wb


def write_project(ws, proj: Project, unit_name: str) -> None:
    ws["B2"].value = proj.name
    ws["B3"].value = unit_name
    ws["F3"].value = proj.implementer or None
    rows = (proj.fund_total(), proj.appropriation, proj.carryover, proj.other)
    for i, values in enumerate(rows):
        for col, v in zip("DEF", values):
            if v is not None:
                _put(ws, f"{col}{L.FUND_FIRST_ROW + i}", v)
    ws["J5"].value = proj.exec_reason
    ws["B10"].value = proj.goal_expected or None
    ws["F10"].value = proj.goal_actual or None
    if proj.level1_labels:
        for ref, label in proj.level1_labels.items():
            ws[ref].value = label
    used: dict[str, int] = {}
    for ind in proj.indicators:
        level2 = _L2[ind.level2]
        k = used.get(level2, 0)
        assert k < L.ROWS_PER_LEVEL2, f"{proj.name}: more than {L.ROWS_PER_LEVEL2} rows under {level2}"
        used[level2] = k + 1
        r = L.INDICATOR_FIRST_ROW + _L2_ORDER.index(level2) * L.ROWS_PER_LEVEL2 + k
        for col, v in zip("DEFGHI", (ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.reason)):
            _put(ws, f"{col}{r}", v)
    for ref, v in {**proj.typed_derived, **proj.cell_overrides}.items():
        _put(ws, ref, v)


def _deterministic_zip(path: str) -> None:
    """Rewrite the xlsx with fixed entry timestamps so a re-run gives identical bytes.

    openpyxl stamps docProps/core.xml's ``modified`` with the time of saving; put FIXED_TIME back.
    """
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    entries = [(name, re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>",
                             data) if name == "docProps/core.xml" else data)
               for name, data in entries]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, data)
    Path(path).write_bytes(buf.getvalue())


def save(wb, target: Path) -> Path:
    def write(tmp: str) -> None:
        wb.save(tmp)
        _deterministic_zip(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; examples are shared files

    return atomic_write(target, write)


# ============================================================================ consistency (invented data)


def project_figures(proj: Project) -> dict:
    total = proj.fund_total()
    budget, executed = total[1], total[2]
    rate = share(executed, budget)
    exec_score = q(D(10) * min(rate, D(1)))
    scores = [i.score for i in proj.indicators if i.kind != "na"]
    applicable_w = D(10) + sum(i.weight for i in proj.indicators if i.kind != "na")
    raw = exec_score + sum(scores, Decimal(0))
    has_na = any(i.kind == "na" for i in proj.indicators)
    total_score = q(raw / applicable_w * 100) if has_na else q(raw)
    grade = "优" if total_score >= 90 else "良" if total_score >= 80 else "中" if total_score >= 60 else "差"
    return {"rate": rate, "exec_score": exec_score, "total": total_score, "grade": grade}


def assert_project_consistent(proj: Project, *, exempt: set = frozenset()) -> None:
    """The identities and scoring rules of RULES.md for one invented project (``exempt``: planted cells)."""
    rows = (proj.appropriation, proj.carryover, proj.other)
    for i in range(3):
        parts = [r[i] for r in rows if r[i] is not None]
        assert all(isinstance(p, Decimal) for p in parts) or "F7" in exempt, proj.name
    fig = project_figures(proj)
    if fig["rate"] < D("0.9") and "J5" not in exempt:
        assert proj.exec_reason, f"{proj.name}: 执行率 {fig['rate']} < 90% needs a reason"
    caps = {"产出指标": Decimal(0), "效益指标": Decimal(0), "满意度指标": Decimal(0)}
    for ind in proj.indicators:
        caps[_L1_OF[ind.level2]] += ind.weight
        if ind.kind == "na":
            assert ind.reason, ind.name
            continue
        if ind.name in exempt:
            continue
        expected = rule_score(ind.kind, ind.t, ind.a, ind.weight, ind.actual, ind.target)
        assert ind.score == expected, f"{proj.name}/{ind.name}: typed {ind.score} != rule {expected}"
        assert 0 <= ind.score <= ind.weight, ind.name
        needs_reason = ind.score < ind.weight or (
            ind.kind == "forward" and ind.a / ind.t >= D("1.2"))
        if needs_reason:
            assert ind.reason, f"{proj.name}/{ind.name}: reason required"
    if "caps" not in exempt:
        assert caps == {"产出指标": 50, "效益指标": 30, "满意度指标": 10}, (proj.name, caps)


def assert_department_consistent(dept: Department, *, exempt: set = frozenset()) -> None:
    f = {k: v for k, v in dept.fin.items()}
    z = Decimal(0)
    g = lambda k: f.get(k) if f.get(k) is not None else z  # noqa: E731
    assert g("budget_income_total") == g("budget_income_general") + g("budget_income_fund") + g("budget_income_other")
    assert g("budget_expense_total") == g("budget_basic") + g("budget_project")
    assert g("budget_basic") == g("budget_basic_salary") + g("budget_basic_goods") + g("budget_basic_subsidy")
    assert g("final_expense_total") == g("final_basic") + g("final_project")
    assert g("final_basic") == g("final_personnel") + g("final_public")
    for side in ("budget", "final"):
        if f"sangong_{side}_total" in exempt:
            continue
        assert g(f"sangong_{side}_total") == sum(g(f"sangong_{side}_{k}") for k in ("abroad", "car", "reception"))
    assert g("procurement_total") == g("procurement_goods") + g("procurement_works") + g("procurement_services")
    # shares of the partitions add up to 100% after rounding to 4 places (0.01 percentage point)
    tot = g("final_expense_total")
    sb, sp = share(g("final_basic"), tot), share(g("final_project"), tot)
    s_pers, s_pub = share(g("final_personnel"), tot), share(g("final_public"), tot)
    assert sb + sp == 1, (dept.file, sb, sp)
    assert s_pers + s_pub == sb, (dept.file, s_pers, s_pub, sb)
    # 项目自评表 cover the department's project money (基本情况 B11 "是")
    assert dept.basic["projects_cover_all"] == "是"
    assert sum(p.fund_total()[0] for p in dept.projects) == g("budget_project"), dept.file
    assert sum(p.fund_total()[2] for p in dept.projects) == g("final_project"), dept.file


# ============================================================================ 1. the seed


def seed() -> Department:
    unit = "衡山县科技和工业信息化局"
    duties = [
        "贯彻落实国家、省、市有关科技和工业信息化的方针政策和法律法规；负责起草科技和工业信息化发展领域的规范性文件草案并组织实施和监督检查；研究提出推进产业调整、工业与相关产业融合发展及管理创新的政策建议；负责本部门依法行政工作，落实行政执法责任制；组织推进科技和工业信息化融合，负责推进全县工业结构调整、科技和工业信息化创新体系建设工作。",
        "牵头拟定科技和工业信息化发展规划、计划及产业政策；负责拟定全县工业经济、科技创新发展战略；会同有关部门做好企业稳定工作；综合管理全县工业经济，指导、协调和服务工业企业；参与对经济社会发展有重大影响的跨部门、多学科的综合性项目的论证与决策。",
        "负责全县科技和工业信息化领域的日常经济运行调节，编制并组织实施近期科技和工业信息化领域的经济运行调控目标、政策和措施；监测分析近期全县科技和工业信息化领域的经济运行态势，统计并发布相关信息，统筹协调解决经济运行中的突出矛盾和问题并提出政策建议。",
        "指导科技和工业信息化领域技术进步、技术创新；牵头组织、协调、促进全县产学研结合工作，会同有关部门拟定促进产学研结合的相关政策，推进产学研结合和科研成果产业化；组织重大科技成果应用示范，推进企业技术创新体修建设。",
        "负责全县高新技术的研究开发、成果转化以及产业化工作，会同有关部门拟定高新技术发展及产业化的规划和政策，编制和组织实施技术改造规划，提出科技和工业信息化固定资产投资规模和方向（含利用外资和境外投资）；负责组织高新技术企业（项目）认定的申报、推荐，指导并推动高新技术企业创新发展。",
        "负责中小企业的非公有制经济发展的宏观指导；拟定全县中小企业和非公有制经济中长期发展规划并组织实施；综合协调有关部门拟定促进全县中小企业和非公有制经济发展的改革措施，协调解决有关重大问题；拟定政府重点扶持中小企业的项目及资金投入方向，扶持中小企业的发展；会同有关部门管理全县中小企业专项发展资金；推进中小企业服务体系建设和全民创业。",
        "参与拟订能源节约和资源综合利用规划；拟订并组织实施工业能源节约和资源综合利用政策；承担工业企业的节能考核和监察工作；组织推进清洁生产工作；组织协调相关重大示范工程和相关新产品、新技术、新设备、新材料的推广应用。",
        "负责煤炭、电力、石油、天然气和原材料等经济运行保障要素的工业经济运行；负责实施电力行业管理和电力行政执法工作；研究拟订全县电力发展规划，指导全县电气化和电网改造、电价政策执行及全县用电调度工作。",
        "统筹推进经济科技和社会领域信息化工作；推动跨行业、跨部门的互联互通和重要信息资源的开发利用、共享；推进全县信息化建设；协调全县公用通信网、互联网、广播电视网和其他专用通信网的规划和建设，促进网络资源共享。",
        "负责推动软件业和信息服务业的发展，协调解决有关重大问题；推动软件公共服务体系建设，推动软件服务外包；指导、协调相关技术开发和产业发展；依法监督管理信息服务市场；拟定科技和工业信息化领域招商政策，做好全县科技和工业信息化领域招商引资工作，协调项目开工、建设等工作。",
        "负责组织实施县级科技计划工作。负责组织拟订和实施基础研究计划、科技支撑计划、科技创新环境建设计划等各类县级科技计划和重大科技工程计划，负责相关国家、省、市科技计划项目的申报、推荐和管理，牵头组织全县经济社会发展重要领域的重大关键技术攻关；负责组织实施县科技重点项目，拟定相关配套政策；组织科技重点项目实施中的方案论证、评审立项、跟踪管理与评估验收；统筹申报和组织实施国家、省、市科技重大专项工作。",
        "牵头组织全县农村和社会发展领域的科技和工业信息化进步工作；组织拟订科技和工业信息化促进农村和社会发展的规划和政策；组织引导农业和社会发展领域的关键技术攻关和成果示范，促进以改善民生为重点的农村建设和社会建设；负责全县科学技术普及工作；会同有关部门拟定全县科普规划和相关政策，组织实施科普计划；负责科普示范基地的申报推荐。",
        "研究提出多渠道增加科技和工业信息化投入的措施，优化科技和工业信息化资源；会同有关部门提出科技和工业信息化资源合理配置的政策建议，推动科技和工业信息化资源共建共享，促进科技和工业信息化与金融结合，建立科技和工业信息化金融服务的统筹协调机制；负责本部门及归口管理的县级科技和工业信息化经费预、决算和经费使用的监督管理；会同有关部门提出全县科技和工业信息化体制改革的政策和措施建议，推进全县创新体系建设，审核相关科研机构的组建和调整。",
        "研究制定并组织实施全县对外科技和工业信息化合作与交流的规划与计划；负责组织科技和工业信息化外事与合作项目的审核、申报工作；参与重大引进项目的论证与决策；负责全县科技人才有关工作；会同有关部门拟定科技人才队伍建设规划，提出相关政策建议；承担全县科技人才队伍建设和科技创新团队建设有关工作；指导、协调全县科技和工业信息化领域的对外交流与合作；指导全县科技和工业信息化领域人才开发与培训工作。",
        "拟定促进技术市场、科技中介组织发展政策；负责全县技术市场体系建设和管理，推动科技服务体系发展；负责全县科技成果、科技和工业信息化奖励、保密、技术评估、统计防震减灾、科技情报信息等工作。",
        "负责引进国外何国内智力工作。负责全县智力引进与派出培训项目年度计划的审核、报批和组织实施，管理智力引进经费；负责外国专家、港澳台专家来衡山工作和国(境)外人员来衡山就业的管理工作；建立人才智力引进成果推广体系，拟定成果鉴定、表彰奖励及推广的措施、办法并组织实施；负责对聘请外国专家、承办出国（境）培训业务的单位及社会中介机构进行资格认可并提供有关服务；对经济技术领域、外商投资企业、教科文卫系统的外国专家实行专家资格认证管理，办理外国专家邀请函电、确认聘请外国专家审批件和《外国专家证》审核报批手续，发放《聘请外国专家确认件》和《外国专家证》；负责因公临时出国实习培训人员的审核工作；负责对来衡外国专家的宣传工作和活动的组织安排；承办对我县经济社会发展做出突出贡献的国（境）外专家表彰奖励工作；协同公安部门和用人单位做好来衡外国专家、港澳台专家的安全保卫、保密工作。",
        "负责本行业、领域的应急管理工作；对本行业、领域的安全生产实施监督管理。",
        "承办县委、县政府交办的其他任务。",
    ]
    offices = ["办公室", "经济运行监测股", "中小企业股", "产业政策与法规股", "技改与投资股", "安全生产指导股",
               "科技发展股", "信息产业股", "行政审批服务股"]
    basic = {
        "unit_name": unit, "year": 2022, "address": "衡山县开云镇五一中路112号",
        "departments": "、".join(offices), "subunits": "中小企业事务中心、科技情报站",
        "staff_active": 31, "staff_retired": 73, "projects_cover_all": "是",
    }
    reason = "差异产生的主要原因是由于企业的项目资金在本单位支出，年初未纳入部门预算。"
    fin = {
        "budget_income_total": D("482.33"), "budget_income_general": D("482.33"),
        "budget_expense_total": D("482.33"), "budget_basic": D("448.33"), "budget_project": D(34),
        "budget_basic_salary": D("335.25"), "budget_basic_goods": D("70.44"), "budget_basic_subsidy": D("42.64"),
        "final_income_total": D("4600.92"), "final_income_increase": D("4118.59"),
        "final_expense_total": D(4601), "final_basic": D("504.17"), "final_basic_share": 0.1096,
        "final_project": D("4096.83"), "final_project_share": 8.9304,
        "final_personnel": D("432.4"), "final_public": D("71.77"), "final_reason": reason,
        "sangong_budget_total": D("16.6"), "sangong_budget_abroad": D(0), "sangong_budget_car": D("11.3"),
        "sangong_budget_reception": D("5.3"),
        "sangong_final_total": D("7.47"), "sangong_final_abroad": D(0), "sangong_final_car": D("3.54"),
        "sangong_final_reception": D("3.93"),
        "procurement_total": D("172.24"), "procurement_goods": D(0), "procurement_works": D(0),
        "procurement_services": D("172.24"),
        "assets_total": D("192.76"), "liabilities_total": D("232.64"), "net_assets": D("-39.88"),
        "fixed_assets_original": D("92.99"), "fixed_assets_in_use": D("92.99"),
    }
    texts = {
        "text_staffing": "衡山县科技和工业信息化局座落于衡山县开云镇五一中路112号。下设办公室、经济运行监测股、中小企业股、"
                         "产业政策与法规股、技改与投资股、安全生产指导股、科技发展股、信息产业股、行政审批服务股9个股室，"
                         "另外还有中小企业事务中心、科技情报站2个二级机构。总共在职31人，退休人员73人。",
        "text_budget": "2022年年初预算安排收入482.33万元，其中一般公共财政拨款收入482.33万元；2022年年初预算安排支出482.33万元，"
                       "其中：基本支出448.33万元，项目支出34万元。",
        "text_final": "     2022年决算总收入4600.92万元，较预算增加4118.59万元，总支出4601万元，其中：基本支出504.17万元，"
                      "占总支出的10.96%；项目支出4096.83万元，占总支出的893.04%。" + reason,
        "text_sangong": "2022年“三公”经费预算数16.6万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费11.3万元，"
                        "公务接待费5.3万元。“三公”经费决算数7.47万元，其中：因公出国（境）费0万元，"
                        "公务用车购置及运行维护费3.54万元，公务接待费3.93万元。",
        "text_procurement": "     2022年度政府采购支出172.24万元，其中：货物0万元，工程0万元，服务172.24万元。",
        # as published: the negative 净资产 is broken over a line break, and "31融" is the report's typo
        "text_assets": " 2022年年末资产总额192.76万元，负债232.64万元，净资产\n\n-39.88万元。截止到2022年12月31融，"
                       "固定资产账面原值92.99万元，在用资产92.99万元。",
        "text_overall": "县财政年初批复我局2022年度部门预算支出总计482.33万元，其中基本支出448.33万元（工资福利支出335.25万元、"
                        "一般商品和服务支出70.44万元、对个人和家庭的补助42.64万元），项目支出34万元。部门决算支出总计4602.31万元，"
                        "其中基本支出504.17万元（人员经费432.4万元，公用经费71.77万元），项目支出4098.14万元。"
                        "完成了本年度整体绩效目标：保障本单位职工工资发放，机关正常运转。",
        "text_projects": "无",
        "text_problems": "1、会计核算还不够细致，对于有些能够细分的工作，未能详细分类核算，绩效评价基础数据不够精准。\n"
                         "2、缺乏完善的绩效评价体系，预算绩效问责与激励制度还没完全建立，绩效评价对于优化、促进预算管理的作用还没有得到充分体现。",
        "text_measures": "1、努力学习如何科学合理制定绩效目标及考核体系，充分发挥绩效工作效用。\n"
                         "2、对于能细分、归总的业务工作，效仿专项支出进行管理，以便更好地进行绩效评价，发现不足，提出改进。\n"
                         "3、会计核算要更加详细，为本单位各项工作的开展、总结、评估提供有效数据资料支撑，为各项应急管理和安全生产业务工作更好地开展提供帮助。\n"
                         "4、对相关人员加强培训，特别是针对《预算法》、《行政事业单位会计制度》等学习培训，规范部门预算收支核算，切实提高部门预算收支管理水平。",
        "text_other": "无",
    }

    def row(name, target, actual, score, l2):
        return Ind(l2, name, target, actual, None, D(score))

    proj = Project(
        name="项目支出专项资金", implementer="",
        appropriation=(None, None, None), carryover=(None, None, None), other=("34万元", "34万元", None),
        total_row=("34万元", "34万元", None),
        level1_labels={"B12": "产出\n指标\n(50分)", "B20": "效益\n指标\n(30分)", "B28": "满意度 指标  (10分)"},
        indicators=[
            row("无", "34万元", "34万元", 12, "数量"),
            row("重点工作任务完成", "完成", "完成", 12, "质量"),
            row("无", None, None, 14, "时效"),
            row(None, None, None, 12, "成本"),
            row("无", None, None, 7, "经济"),
            row("履职目标实现", None, None, 7, "社会"),
            row("无", None, None, 6, "生态"),
            row("无", None, None, 8, "可持续"),
            row("满意", "100%", "100%", 10, "满意度"),
        ],
        typed_derived={"G30": 100, "H30": 88},
    )
    return Department(SEED_FILE, basic, duties, fin, texts, [proj],
                      stated_derived=("final_income_increase", "final_basic_share", "final_project_share",
                                      "net_assets"))


# ============================================================================ shared narrative for invented departments


def narrative(dept_name: str, fin: dict, projects: list, *, staffing: str, problems: str, measures: str,
              share_override: dict | None = None) -> dict:
    f = fin
    tot = f["final_expense_total"]
    shares = {k: share(f[f"final_{k}"], tot) for k in ("basic", "project", "personnel", "public")}
    shares.update(share_override or {})
    t = money_text
    increase = f["final_income_total"] - f["budget_income_total"]
    more = "增加" if increase >= 0 else "减少"
    income_parts = "一般公共预算拨款收入" + t(f["budget_income_general"]) + "万元"
    if f.get("budget_income_fund"):
        income_parts += "，政府性基金预算拨款收入" + t(f["budget_income_fund"]) + "万元"
    if f.get("budget_income_other"):
        income_parts += "，其他收入" + t(f["budget_income_other"]) + "万元"
    proj_lines = []
    for i, p in enumerate(projects, start=1):
        fig = project_figures(p)
        tr = p.fund_total()
        proj_lines.append(f"{i}、{p.name}：全年预算数{t(tr[1])}万元，全年执行数{t(tr[2])}万元，"
                          f"执行率{pct_text(fig['rate'])}，{p.goal_actual}")
    return {
        "text_staffing": staffing,
        "text_budget": f"2022年年初预算安排收入{t(f['budget_income_total'])}万元，其中{income_parts}；"
                       f"2022年年初预算安排支出{t(f['budget_expense_total'])}万元，其中：基本支出{t(f['budget_basic'])}万元"
                       f"（工资福利支出{t(f['budget_basic_salary'])}万元，商品和服务支出{t(f['budget_basic_goods'])}万元，"
                       f"对个人和家庭的补助{t(f['budget_basic_subsidy'])}万元），项目支出{t(f['budget_project'])}万元。",
        "text_final": f"2022年决算总收入{t(f['final_income_total'])}万元，较年初预算{more}{t(abs(increase))}万元；"
                      f"总支出{t(tot)}万元，其中：基本支出{t(f['final_basic'])}万元，占总支出的{pct_text(shares['basic'])}"
                      f"（人员经费{t(f['final_personnel'])}万元，公用经费{t(f['final_public'])}万元）；"
                      f"项目支出{t(f['final_project'])}万元，占总支出的{pct_text(shares['project'])}。{f['final_reason']}",
        "text_sangong": f"2022年“三公”经费预算数{t(f['sangong_budget_total'])}万元，其中：因公出国（境）费"
                        f"{t(f['sangong_budget_abroad'])}万元，公务用车购置及运行维护费{t(f['sangong_budget_car'])}万元，"
                        f"公务接待费{t(f['sangong_budget_reception'])}万元。“三公”经费决算数{t(f['sangong_final_total'])}万元，"
                        f"其中：因公出国（境）费{t(f['sangong_final_abroad'])}万元，公务用车购置及运行维护费"
                        f"{t(f['sangong_final_car'])}万元，公务接待费{t(f['sangong_final_reception'])}万元。"
                        "决算数低于预算数，主要是严格执行中央八项规定精神，压减公务用车运行和公务接待支出。",
        "text_procurement": f"2022年度政府采购支出{t(f['procurement_total'])}万元，其中：货物{t(f['procurement_goods'])}万元，"
                            f"工程{t(f['procurement_works'])}万元，服务{t(f['procurement_services'])}万元。",
        "text_assets": f"2022年年末资产总额{t(f['assets_total'])}万元，负债总额{t(f['liabilities_total'])}万元，"
                       f"净资产{t(f['assets_total'] - f['liabilities_total'])}万元。截至2022年12月31日，固定资产账面原值"
                       f"{t(f['fixed_assets_original'])}万元，在用固定资产{t(f['fixed_assets_in_use'])}万元。",
        "text_overall": f"{dept_name}2022年度部门预算支出{t(f['budget_expense_total'])}万元，决算支出{t(tot)}万元。"
                        "全年保障了机关正常运转和干部职工工资福利按时足额发放，各项重点工作任务按计划完成，"
                        "预算执行进度和资金使用管理总体规范，完成了本年度整体绩效目标。",
        "text_projects": "\n".join(proj_lines),
        "text_problems": problems,
        "text_measures": measures,
        "text_other": "无",
    }


# ============================================================================ 2. 衡山县农业农村局 (clean)


def agriculture() -> Department:
    unit = "衡山县农业农村局"
    p1 = Project(
        "高标准农田建设项目", "衡山县农田建设服务中心",
        appropriation=(D("320.00"), D("320.00"), D("315.10")), carryover=(None, D("36.80"), D("33.16")),
        goal_expected="新建高标准农田10000亩，配套建设灌排渠道12公里，工程验收合格率不低于95%，项目区粮食产能稳步提升。",
        goal_actual="完成新建高标准农田10000亩、灌排渠道12.6公里，工程全部通过验收，项目区新增粮食产能380吨。",
        indicators=[
            fwd("数量", "新建高标准农田面积", 10000, 10000, "亩", 15),
            fwd("数量", "配套建设灌排渠道", 12, "12.6", "公里", 5),
            fwd("质量", "工程验收合格率", 95, 100, "%", 10),
            fwd("时效", "项目按时完成率", 100, 100, "%", 10, op=""),
            rev("成本", "亩均建设成本", 1500, 1468, "元", 10),
            fwd("经济", "项目区新增粮食产能", 400, 380, "吨", 10,
                reason="部分地块受夏季干旱影响，当年新增产能未达预期；下一步加强灌溉设施管护，确保次年达产。"),
            fwd("社会", "受益农户数", 1200, 1260, "户", 10),
            qual("生态", "农田灌溉水有效利用", 5),
            qual("可持续", "建后管护机制", 5, phrase="建立管护机制"),
            fwd("满意度", "受益农户满意度", 90, 96, "%", 10),
        ],
    )
    p2 = Project(
        "耕地地力保护与化肥减量增效项目", "衡山县农业技术推广中心",
        appropriation=(D("85.50"), D("85.50"), D("80.12")),
        goal_expected="建设测土配方施肥示范区20个，采集化验土壤样品600份，推动化肥使用量较上年减少2%。",
        goal_actual="建成示范区20个，采集化验土壤样品632份，化肥使用量较上年减少1.6%。",
        indicators=[
            fwd("数量", "测土配方施肥示范区", 20, 20, "个", 15),
            fwd("数量", "土壤样品采集化验", 600, 632, "份", 10),
            fwd("质量", "示范区建设达标率", 95, 96, "%", 10),
            fwd("时效", "补贴资金按时发放率", 100, 100, "%", 5, op=""),
            rev("成本", "成本控制在预算内", "85.50", "80.12", "万元", 10, money=True),
            fwd("经济", "示范区亩均节本增效", 30, 42, "元", 10,
                reason="示范区推广水肥一体化，节本效果好于预期；下一年度据实提高指标值。"),
            qual("社会", "农户科学施肥意识", 10),
            fwd("生态", "化肥使用量较上年减少", 2, "1.6", "%", 5,
                reason="部分经济作物种植面积扩大，化肥减量幅度未达目标；下一步扩大有机肥替代试点。"),
            qual("可持续", "耕地质量等级", 5, phrase="保持稳定"),
            fwd("满意度", "种粮农户满意度", 90, 93, "%", 10),
        ],
    )
    p3 = Project(
        "动物疫病防控项目", "衡山县动物疫病预防控制中心",
        appropriation=(D("62.40"), D("62.40"), D("55.12")), other=(None, D("8.00"), D("6.23")),
        exec_reason="省级下达的8.00万元防控物资补助于11月到位，部分疫苗采购跨年结算，执行率偏低；"
                    "下一步提前做好采购计划，加快资金支付进度。",
        goal_expected="重大动物疫病强制免疫密度保持在90%以上，免疫抗体合格率不低于70%，全年不发生区域性重大动物疫情。",
        goal_actual="强制免疫密度95.6%，免疫抗体合格率78%，全年未发生区域性重大动物疫情。",
        indicators=[
            fwd("数量", "强制免疫密度", 90, "95.6", "%", 15),
            fwd("数量", "动物疫病监测采样", 2000, 2150, "份", 10),
            fwd("质量", "免疫抗体合格率", 70, 78, "%", 10),
            fwd("时效", "春秋两季集中免疫按时完成率", 100, 100, "%", 5, op=""),
            rev("成本", "成本控制在预算内", "70.40", "61.35", "万元", 10, money=True),
            qual("经济", "减少养殖户疫病损失", 5),
            qual("社会", "区域性重大动物疫情", 10, phrase="未发生区域性重大动物疫情"),
            fwd("生态", "病死畜禽无害化处理率", 100, 100, "%", 10, op=""),
            qual("可持续", "基层防控体系运行", 5),
            fwd("满意度", "养殖户满意度", 90, 92, "%", 10),
        ],
    )
    p4 = Project(
        "农民职业技能培训项目", "衡山县农业农村局",
        appropriation=(D("28.00"), D("28.00"), D("27.64")),
        goal_expected="举办培训10场，培训农民500人次，培训合格率不低于95%，带动就业创业100人。",
        goal_actual="举办培训11场，培训农民468人次，合格率97%，带动就业创业105人。",
        indicators=[
            fwd("数量", "培训人次", 500, 468, "人次", 15,
                reason="部分乡镇受农忙影响参训人数不足；下一步错峰安排培训时间，提前摸底报名。"),
            fwd("数量", "举办培训班", 10, 11, "场", 10),
            fwd("质量", "培训合格率", 95, 97, "%", 10),
            fwd("时效", "项目按时完成率", 100, 100, "%", 5, op=""),
            rev("成本", "人均培训成本", 600, "590.6", "元", 10),
            fwd("经济", "学员人均增收", 1000, 1200, "元", 10,
                reason="参训学员中规模种养户比例较高，增收高于预期；下一年度据实调整指标值。"),
            fwd("社会", "带动就业创业人数", 100, 105, "人", 10),
            qual("生态", "绿色生产技术培训覆盖", 5),
            qual("可持续", "培训长效机制", 5),
            fwd("满意度", "参训学员满意度", 90, 95, "%", 10),
        ],
    )
    projects = [p1, p2, p3, p4]
    fin = {
        "budget_income_total": D("1223.45"), "budget_income_general": D("1183.45"), "budget_income_fund": D("40.00"),
        "budget_income_other": D("0.00"),
        "budget_expense_total": D("1223.45"), "budget_basic": D("727.55"), "budget_project": D("495.90"),
        "budget_basic_salary": D("612.48"), "budget_basic_goods": D("96.35"), "budget_basic_subsidy": D("18.72"),
        "final_income_total": D("1318.62"), "final_expense_total": D("1298.41"),
        "final_basic": D("781.04"), "final_project": D("517.37"),
        "final_personnel": D("668.93"), "final_public": D("112.11"),
        "final_reason": "决算数高于年初预算，主要是年中追加高标准农田建设结转资金36.80万元和省级动物防疫补助8.00万元，"
                        "以及在职人员调资和绩效奖励增加人员经费。",
        "sangong_budget_total": D("24.50"), "sangong_budget_abroad": D("0.00"), "sangong_budget_car": D("18.00"),
        "sangong_budget_reception": D("6.50"),
        "sangong_final_total": D("20.49"), "sangong_final_abroad": D("0.00"), "sangong_final_car": D("15.62"),
        "sangong_final_reception": D("4.87"),
        "procurement_total": D("344.55"), "procurement_goods": D("86.40"), "procurement_works": D("212.35"),
        "procurement_services": D("45.80"),
        "assets_total": D("1865.42"), "liabilities_total": D("213.76"),
        "fixed_assets_original": D("1320.18"), "fixed_assets_in_use": D("1298.05"),
    }
    offices = ["办公室", "计划财务股", "农村经营管理股", "种植业管理股", "畜牧水产股", "农田建设管理股",
               "乡村产业发展股", "农业综合行政执法大队"]
    subunits = ["衡山县农业技术推广中心", "衡山县动物疫病预防控制中心", "衡山县农田建设服务中心"]
    basic = {
        "unit_name": unit, "year": 2022, "address": "衡山县开云镇紫巾路18号",
        "departments": "、".join(offices), "subunits": "、".join(subunits),
        "staff_quota": 62, "staff_active": 58, "staff_retired": 41, "projects_cover_all": "是",
    }
    duties = [
        "贯彻落实党中央、国务院和省委、省政府、市委、市政府关于“三农”工作的方针政策和决策部署，统筹研究和组织实施全县“三农”工作发展战略、中长期规划和重大政策。",
        "统筹推动发展农村社会事业、农村公共服务、农村文化、农村基础设施和乡村治理，牵头组织改善农村人居环境。",
        "拟订深化农村经济体制改革和巩固完善农村基本经营制度的政策措施，指导农村集体产权制度改革和农村集体经济组织发展。",
        "指导乡村特色产业、农产品加工业、休闲农业发展，提出促进大宗农产品流通的建议，培育农业品牌。",
        "负责种植业、畜牧业、渔业、农垦、农业机械化等农业各产业的监督管理，组织实施粮食生产和重要农产品供给保障。",
        "负责农产品质量安全监督管理，组织开展农产品质量安全监测、追溯和风险评估。",
        "组织农业资源区划工作，指导农用地、渔业水域以及农业生物物种资源的保护与管理，负责耕地及永久基本农田质量保护工作。",
        "负责有关农业生产资料和农业投入品的监督管理，组织开展动植物防疫检疫，负责兽医兽药管理和病死畜禽无害化处理监管。",
        "负责农田建设项目管理，组织实施高标准农田建设和农田水利建设项目。",
        "组织开展农业技术推广和农民教育培训，推进农业科技创新和成果转化。",
        "承办县委、县政府交办的其他任务。",
    ]
    staffing = (f"{unit}位于衡山县开云镇紫巾路18号，内设{'、'.join(offices)}{len(offices)}个股室（队），"
                f"下属{'、'.join(subunits)}{len(subunits)}个二级机构。核定编制62人，2022年末在职58人，退休人员41人。")
    problems = ("1、部分项目绩效目标设置不够细化，个别指标值与实际工作量衔接不够紧密。\n"
                "2、个别项目资金到位较晚，年度执行进度不均衡。")
    measures = ("1、加强绩效目标编制审核，细化量化三级指标，指标值依据历史数据和年度任务合理确定。\n"
                "2、加快项目实施和资金支付进度，按月调度预算执行情况。\n"
                "3、强化绩效运行监控结果应用，将自评结果作为下一年度预算安排的重要依据。")
    texts = narrative(unit, fin, projects, staffing=staffing, problems=problems, measures=measures)
    return Department(CLEAN_FILE, basic, duties, fin, texts, projects)


# ============================================================================ 3. 衡山县教育局 (planted mistakes)


def education() -> Department:
    unit = "衡山县教育局"
    p1 = Project(
        "义务教育薄弱环节改善与能力提升项目", "衡山县教育局",
        appropriation=(D("860.00"), D("860.00"), D("835.20")), carryover=(None, D("164.50"), D("151.52")),
        goal_expected="改造农村学校校舍8000平方米，配备教学仪器设备40套，秋季开学前完工，改善6000名学生就学条件。",
        goal_actual="完成校舍改造8260平方米，配备教学仪器设备42套，工程全部按期完工并通过验收。",
        indicators=[
            fwd("数量", "改造农村学校校舍面积", 8000, 8260, "平方米", 20),
            fwd("数量", "配备教学仪器设备", 40, 42, "套", 10),
            fwd("质量", "工程验收合格率", 100, 100, "%", 10, op=""),
            qual("时效", "工程完工时间", 5, phrase="秋季开学前完工"),
            rev("成本", "成本控制在预算内", "1024.50", "986.72", "万元", 5, money=True),
            fwd("社会", "受益学生人数", 6000, 6350, "人", 15),
            qual("可持续", "办学条件持续改善", 15),
            fwd("满意度", "师生满意度", 90, 94, "%", 10),
        ],
    )
    p2 = Project(
        "学生资助项目", "衡山县学生资助管理中心",
        appropriation=(D("412.30"), D("412.30"), D("405.16")),
        goal_expected="资助家庭经济困难学生5200人次，资助资金及时足额发放，不让一名学生因家庭经济困难而失学。",
        goal_actual="全年资助家庭经济困难学生5436人次，资金通过“一卡通”及时足额发放。",
        indicators=[
            fwd("数量", "资助家庭经济困难学生", 5200, 5436, "人次", 20),
            fwd("数量", "资助政策宣传覆盖率", 100, 100, "%", 10, op=""),
            fwd("质量", "资助对象认定准确率", 100, 100, "%", 10, op="", score=D(12)),  # planted: 12 > 10
            fwd("时效", "资金发放及时率", 100, 100, "%", 5, op=""),
            fwd("成本", "资助标准执行到位率", 100, 100, "%", 5, op=""),
            qual("社会", "因家庭经济困难失学辍学", 20, phrase="无因贫失学辍学"),
            qual("可持续", "资助长效机制", 10),
            fwd("满意度", "受助学生满意度", 95, 97, "%", 10),
        ],
        typed_derived={"H5": 0.95, "I5": 9.5},  # planted: stale (true 0.9827 and 9.83)
    )
    p3 = Project(
        "教师培训项目", "衡山县教师发展中心",
        appropriation=(D("96.00"), D("96.00"), D("91.85")),
        goal_expected="培训中小学教师1500人次，送教下乡20场，培训考核合格率不低于95%。",
        goal_actual="培训教师1620人次，送教下乡22场，考核合格率98%。",
        indicators=[
            fwd("数量", "参训教师", 1500, 1620, "人次", 12),
            fwd("数量", "送教下乡", 20, 22, "场", 10),
            fwd("质量", "培训考核合格率", 95, 98, "%", 10),
            Ind("时效", "培训按计划完成", "12月底前完成", None, D(8), D(8)),  # planted: no actual
            rev("成本", "人均培训成本", 600, "566.98", "元", 8),  # 产出 weights 12+10+10+8+8 = 48 (planted)
            qual("社会", "教师教学能力提升", 15),
            qual("可持续", "常态化培训机制", 15, phrase="形成常态化培训机制"),
            fwd("满意度", "参训教师满意度", 90, 95, "%", 10),
        ],
    )
    p4 = Project(
        "学前教育发展项目", "衡山县教育局",
        appropriation=(D("238.60"), D("238.60"), D("226.34")),
        goal_expected="新增公办幼儿园学位360个，奖补普惠性民办幼儿园15所，学前三年毛入园率达到92%以上。",
        goal_actual="新增公办学位360个，奖补普惠性民办园15所，学前三年毛入园率93.5%。",
        indicators=[
            fwd("数量", "新增公办幼儿园学位", 360, 360, "个", 20),
            fwd("数量", "普惠性民办园奖补", 15, 15, "所", 10),
            fwd("质量", "学前三年毛入园率", 92, "93.5", "%", 10),
            fwd("时效", "资金拨付及时率", 100, 100, "%", 5, op=""),
            rev("成本", "成本控制在预算内", "238.60", "226.34", "万元", 5, money=True),
            fwd("社会", "普惠性幼儿园覆盖率", 85, 82, "%", 15,
                reason="2所民办园申报普惠性认定尚在审核中，覆盖率未达目标；下一步加快认定进度。"),
            qual("可持续", "学前教育公共服务体系", 15),
            fwd("满意度", "家长满意度", 90, 93, "%", 10),
        ],
        typed_derived={"G30": 100, "H30": D("89.47")},  # planted: Σ三级得分 without 执行率得分 9.49
    )
    p5 = Project(
        "校园安全保障项目", "衡山县教育局",
        appropriation=(D("145.20"), D("152.00"), D("149.38")),
        goal_expected="开展校园安全培训200人次，配置安防设备60套，学校视频监控覆盖率达到95%。",
        goal_actual="开展安全培训300人次，配置安防设备60套，视频监控覆盖率60%。",
        indicators=[
            fwd("数量", "校园安全培训", 200, 300, "人次", 15, reason=None),  # planted: 150% without reason
            fwd("数量", "安防设备配置", 60, 60, "套", 15),
            fwd("质量", "设备验收合格率", 100, 100, "%", 10, op=""),
            fwd("时效", "项目按时完成率", 100, 100, "%", 5, op=""),
            rev("成本", "成本控制在预算内", "152.00", "149.38", "万元", 5, money=True),
            fwd("社会", "学校视频监控覆盖率", 95, 60, "%", 15,
                reason="部分农村教学点网络未通，监控设备未能接入；已纳入下一年度网络改造计划。"),
            qual("可持续", "校园安全防控体系", 15, actual="部分达成并具有一定效果",
                 reason="防控体系已初步建立，但乡村学校值守力量不足；下一步增配专职保安。"),
            fwd("满意度", "师生满意度", 90, 72, "%", 10,
                reason="部分学校安防设备安装滞后，师生反映较多；下一步加快设备安装调试。"),
        ],
        typed_derived={"G30": 100, "H30": D("87.80"), "H31": "优"},  # planted: grade should be 良
    )
    p6 = Project(
        "农村义务教育学生营养改善计划项目", "衡山县教育局",
        appropriation=(D("318.00"), D("318.00"), D("314.45")), carryover=(None, D("12.00"), D("12.00")),
        goal_expected="为9800名农村义务教育学生提供营养膳食补助，供餐学校48所，每学年供餐不少于200天。",
        goal_actual="受益学生9920人，供餐学校48所，全年供餐204天，食品安全抽检全部合格。",
        indicators=[
            fwd("数量", "受益学生", 9800, 9920, "人", 20),
            fwd("数量", "供餐学校", 48, 48, "所", 10),
            fwd("质量", "食品安全抽检合格率", 100, 100, "%", 10, op=""),
            fwd("时效", "每学年供餐天数", 200, 204, "天", 5),
            rev("成本", "每生每天补助标准", 5, 5, "元", 5),
            qual("社会", "学生营养健康状况", 15, phrase="明显改善"),
            qual("可持续", "营养改善长效机制", 15),
            fwd("满意度", "学生及家长满意度", 90, 95, "%", 10),
        ],
        cell_overrides={"F7": "约12万"},  # planted: text in an amount cell
    )
    projects = [p1, p2, p3, p4, p5, p6]
    fin = {
        "budget_income_total": D("5534.38"), "budget_income_general": D("5214.38"), "budget_income_fund": D("320.00"),
        "budget_income_other": D("0.00"),
        "budget_expense_total": D("5534.38"), "budget_basic": D("3464.28"), "budget_project": D("2070.10"),
        "budget_basic_salary": D("2865.40"), "budget_basic_goods": D("412.36"), "budget_basic_subsidy": D("186.52"),
        "final_income_total": D("5802.16"), "final_expense_total": D("5788.75"),
        "final_basic": D("3602.85"), "final_project": D("2185.90"),
        "final_personnel": D("3178.60"), "final_public": D("424.25"),
        "final_project_share": 0.395,  # planted: 2185.90 / 5534.38 (年初支出) instead of / 5788.75
        "final_reason": "决算数高于年初预算，主要是年中追加义务教育薄弱环节改善结转资金164.50万元、营养改善计划结转资金12.00万元，"
                        "以及教师工资调标增加人员经费。",
        "sangong_budget_total": D("33.00"), "sangong_budget_abroad": D("0.00"), "sangong_budget_car": D("24.00"),
        "sangong_budget_reception": D("9.00"),
        "sangong_final_total": D("28.60"),  # planted: 0 + 19.85 + 7.95 = 27.80
        "sangong_final_abroad": D("0.00"), "sangong_final_car": D("19.85"), "sangong_final_reception": D("7.95"),
        "procurement_total": D("1268.40"), "procurement_goods": D("386.20"), "procurement_works": D("702.60"),
        "procurement_services": D("179.60"),
        "assets_total": D("4236.80"), "liabilities_total": D("512.44"),
        "net_assets": D("3736.36"),  # planted: stale, 4236.80 − 512.44 = 3724.36
        "fixed_assets_original": D("3580.26"), "fixed_assets_in_use": D("3496.71"),
    }
    offices = ["办公室", "计划财务股", "人事股", "基础教育股", "职业与成人教育股", "教育督导室", "安全稳定股",
               "学生资助管理中心"]
    subunits = ["衡山县教师发展中心", "衡山县教育后勤服务中心"]
    basic = {
        "unit_name": unit, "year": 2022, "address": "衡山县开云镇解放北路36号",
        "departments": "、".join(offices), "subunits": "、".join(subunits),
        "staff_quota": 168, "staff_active": 156, "staff_retired": 212, "projects_cover_all": "是",
    }
    duties = [
        "贯彻执行国家、省、市教育工作方针、政策和法律法规，拟订全县教育改革与发展规划并组织实施。",
        "统筹管理全县基础教育、职业教育和成人教育，推进义务教育均衡发展和教育公平。",
        "负责全县各级各类学校的设置、布局调整和办学条件标准化建设。",
        "负责全县教育经费的统筹管理，参与拟订教育经费筹措、教育拨款和教育基建投资政策，监督教育经费使用。",
        "负责全县教育系统人事管理和教师队伍建设，组织实施教师培训和继续教育。",
        "负责全县学生资助工作，落实家庭经济困难学生资助政策。",
        "负责全县教育督导评估工作，组织开展义务教育质量监测。",
        "负责全县学校安全、卫生健康、体育和艺术教育工作，指导学校食品安全和校园安全管理。",
        "负责全县学前教育发展和管理，推进普惠性学前教育资源建设。",
        "承办县委、县政府交办的其他任务。",
    ]
    staffing = (f"{unit}位于衡山县开云镇解放北路36号，内设{'、'.join(offices)}{len(offices)}个股室（中心），"
                f"下属{'、'.join(subunits)}{len(subunits)}个二级机构。核定编制168人，2022年末在职156人，退休人员212人。")
    problems = ("1、个别项目绩效指标设置不够科学，部分指标值偏低，与实际完成情况差距较大。\n"
                "2、部分项目资金支付进度偏慢，年末集中支付现象仍然存在。\n"
                "3、自评工作质量有待提高，个别自评表存在计算和填报错误。")
    measures = ("1、加强绩效目标管理，依据历史数据和年度任务合理设置指标值。\n"
                "2、加快项目实施和资金拨付，按月通报预算执行进度。\n"
                "3、加强财务人员业务培训，自评表实行交叉复核。")
    texts = narrative(unit, fin, projects, staffing=staffing, problems=problems, measures=measures,
                      share_override={"project": D("0.3950")})
    return Department(MISTAKES_FILE, basic, duties, fin, texts, projects,
                      stated_derived=("final_project_share", "net_assets"))


# ============================================================================ 4. 衡山县档案馆 (nearly clean)


def archives() -> Department:
    unit = "衡山县档案馆"
    p1 = Project(
        "档案数字化加工项目", "衡山县档案馆",
        appropriation=(D("24.00"), D("24.00"), D("23.18")),
        goal_expected="完成馆藏档案数字化加工3000件，馆藏档案数字化比例达到60%，成果验收合格率不低于98%。",
        goal_actual="完成数字化加工3126件，馆藏档案数字化比例58%，成果验收合格率99.2%。",
        indicators=[
            fwd("数量", "档案数字化加工", 3000, 3126, "件", 20),
            fwd("数量", "馆藏档案数字化比例", 60, 58, "%", 10, reason=None),  # warning: 9.67 < 10, no reason
            fwd("质量", "数字化成果验收合格率", 98, "99.2", "%", 10),
            qual("时效", "项目完成时间", 5, phrase="12月底前完成"),
            rev("成本", "成本控制在预算内", "24.00", "23.18", "万元", 5, money=True),
            qual("生态", "减少纸质档案调阅损耗", 5),
            fwd("社会", "档案查阅利用人次", 2000, 2210, "人次", 15),
            qual("可持续", "档案数字资源长期保存", 10),
            fwd("满意度", "查档群众满意度", 95, 98, "%", 10),
        ],
    )
    p2 = Project(
        "档案馆库房安全维护项目", "衡山县档案馆",
        appropriation=(D("12.60"), D("12.60"), D("10.85")),
        exec_reason=None,  # warning: 执行率 86.11% < 90% without a reason
        goal_expected="维护库房温湿度监控设备12台，开展消防设施检测2次，库房温湿度达标率不低于95%。",
        goal_actual="维护设备12台，消防检测2次，库房温湿度达标率97%，全年未发生档案安全事故。",
        indicators=[
            fwd("数量", "温湿度监控设备维护", 12, 12, "台", 20),
            fwd("数量", "消防设施检测", 2, 2, "次", 10),
            fwd("质量", "库房温湿度达标率", 95, 97, "%", 10),
            fwd("时效", "维护项目按时完成率", 100, 100, "%", 5, op=""),
            rev("成本", "成本控制在预算内", "12.60", "10.85", "万元", 5, money=True),
            na("经济", "直接经济效益", 5, "本项目为库房安全保障，不产生直接经济效益，该指标不适用。"),
            qual("社会", "档案安全事故", 10, phrase="未发生档案安全事故"),
            qual("生态", "库房节能运行", 5),
            qual("可持续", "档案实体安全保障", 10),
            fwd("满意度", "服务对象满意度", 90, 96, "%", 10),
        ],
    )
    projects = [p1, p2]
    fin = {
        "budget_income_total": D("152.31"), "budget_income_general": D("152.31"),
        "budget_expense_total": D("152.31"), "budget_basic": D("115.71"), "budget_project": D("36.60"),
        "budget_basic_salary": D("98.36"), "budget_basic_goods": D("14.20"), "budget_basic_subsidy": D("3.15"),
        "final_income_total": D("156.20"), "final_expense_total": D("155.51"),
        "final_basic": D("121.48"), "final_project": D("34.03"),
        "final_personnel": D("104.92"), "final_public": D("16.56"),
        "final_reason": "决算数高于年初预算，主要是在职人员调资增加人员经费。",
        "sangong_budget_total": D("2.00"), "sangong_budget_abroad": D("0.00"), "sangong_budget_car": D("1.20"),
        "sangong_budget_reception": D("0.80"),
        "sangong_final_total": D("1.48"), "sangong_final_abroad": D("0.00"), "sangong_final_car": D("0.96"),
        "sangong_final_reception": D("0.52"),
        "procurement_total": D("31.00"), "procurement_goods": D("8.60"), "procurement_works": D("0.00"),
        "procurement_services": D("22.40"),
        "assets_total": D("286.45"), "liabilities_total": D("12.30"),
        "fixed_assets_original": D("198.70"), "fixed_assets_in_use": D("192.14"),
    }
    offices = ["办公室", "档案收集整理股", "档案保管保护股", "档案利用服务股"]
    basic = {
        "unit_name": unit, "year": 2022, "address": "衡山县开云镇城北路9号",
        "departments": "、".join(offices), "subunits": "无",
        "staff_quota": 14, "staff_active": 12, "staff_retired": 9, "projects_cover_all": "是",
    }
    duties = [
        "贯彻执行国家档案工作法律法规和方针政策，负责接收、征集、整理、保管县级各机关、团体、企事业单位和个人的档案资料。",
        "负责馆藏档案的安全保管和保护，开展档案数字化和信息化建设。",
        "负责开发利用馆藏档案，为社会各界提供档案查阅利用服务。",
        "开展档案史料编研和爱国主义教育宣传工作。",
        "承办县委、县政府交办的其他任务。",
    ]
    staffing = (f"{unit}位于衡山县开云镇城北路9号，内设{'、'.join(offices)}{len(offices)}个股室，无二级机构。"
                "核定编制14人，2022年末在职12人，退休人员9人。")
    problems = "1、档案数字化进度受外包服务能力限制，数字化比例未达到年度目标。\n2、库房维护项目年末集中支付，执行进度不均衡。"
    measures = "1、优化数字化加工外包服务采购，合理安排加工进度。\n2、按季度编制用款计划，均衡支出进度。"
    texts = narrative(unit, fin, projects, staffing=staffing, problems=problems, measures=measures)
    return Department(NEAR_CLEAN_FILE, basic, duties, fin, texts, projects)


# ============================================================================ main


def departments() -> list[Department]:
    """The seed, the three invented departments above, and the text-check corpus (tools/examples_text.py)."""
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    import examples_text  # noqa: E402  (imports this module's dataclasses and helpers)

    return [seed(), agriculture(), education(), archives(), *examples_text.departments()]


def validate(depts: list[Department]) -> None:
    by_file = {d.file: d for d in depts}
    clean = by_file[CLEAN_FILE]
    assert_department_consistent(clean)
    for p in clean.projects:
        assert_project_consistent(p)
    near = by_file[NEAR_CLEAN_FILE]
    assert_department_consistent(near)
    for p in near.projects:
        assert_project_consistent(p, exempt={"J5", "馆藏档案数字化比例"})
    edu = by_file[MISTAKES_FILE]
    assert_department_consistent(edu, exempt={"sangong_final_total"})
    exempt = {1: set(), 2: {"资助对象认定准确率"}, 3: {"caps", "培训按计划完成"}, 4: set(),
              5: {"校园安全培训"}, 6: {"F7"}}
    for i, p in enumerate(edu.projects, start=1):
        assert_project_consistent(p, exempt=exempt[i])
    # the planted numbers are what the docstring says
    figs = {i: project_figures(p) for i, p in enumerate(edu.projects, start=1)}
    assert figs[2]["rate"] == D("0.9827") and figs[2]["exec_score"] == D("9.83")
    assert sum(i.weight for i in edu.projects[2].indicators if _L1_OF[i.level2] == "产出指标") == 48
    assert figs[4]["exec_score"] == D("9.49") and figs[4]["total"] == D("98.96")
    assert figs[4]["total"] - figs[4]["exec_score"] == D("89.47")
    assert figs[5]["total"] == D("87.80") and figs[5]["grade"] == "良"
    assert share(edu.fin["final_project"], edu.fin["final_expense_total"]) == D("0.3776")
    assert q(edu.fin["final_project"] / edu.fin["budget_expense_total"], 4) == D("0.3950")
    near_figs = [project_figures(p) for p in near.projects]
    assert near_figs[1]["rate"] == D("0.8611")


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    depts = departments()
    validate(depts)
    for dept in depts:
        path = save(write_department(dept), out / dept.file)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
