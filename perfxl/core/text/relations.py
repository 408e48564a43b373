"""N1d and N1f structures: changes (较年初预算 / 比上年 增加 d), standard × quantity, shares (占…的 p%)."""
from __future__ import annotations

import re

from . import bind as B
from . import lexicon as X
from .model import ChangeOf, ProductOf, ShareOf
from .pending import Pending, drop_parens
from .quick import Sieved

_CHANGE_VALUE = re.compile(r"(?P<cmp>较|比|与)(?P<base>(?:上年|去年|上年度|上一年度?|上年同期|年初预算数?|预算数?)[^，,。；;%]{0,30}?)"
                           r"(?:相比|相较)?[，,]?"
                           r"(?P<dir>增加|增长|减少|下降|降低|节约|节省|上升|提高|增|减|多|少)(?:了)?(?:额|幅度|幅)?(?:为|达)?\s*$")
_UP = ("增加", "增长", "上升", "提高", "增", "多", "超支", "超出")
_DOWN = ("减少", "下降", "降低", "节约", "节省", "减", "少")
_UP_OR_DOWN = re.compile("|".join(_UP + _DOWN))
_SHARE = re.compile(r"占(?:了)?(?P<whole>[^，,。；;、%\d]{0,20}?)(?:的)?(?:比重|比例|比率|份额)?(?:为|达|是|约)?\s*$")
_SHARE_BARE = re.compile(r"(?:所占比重|所占比例|占比)(?:为|达|是|约)?\s*$")
_PER = Sieved(r"(?:按|以)?(?:标准为|标准是)?(?P<dims>(?:每(?:人次|人|生|名|户|亩|个|所|家|村|次|天|日|月|年|学期|场|期|辆|台))"
                  r"{1,3})(?:补助|补贴|发放|奖励|标准|费用|经费)?(?:标准)?(?:为|按|是)?\s*$")
_PER_AFTER = re.compile(r"^/(?P<dims>(?:人次|人|生|名|户|亩|个|所|家|村|次|天|日|月|年|学期|场|期|辆|台)"
                        r"(?:[·.•/](?:人次|人|生|名|户|亩|个|所|家|村|次|天|日|月|年|学期|场|期|辆|台))*)")
_DIM = re.compile(r"人次|人|生|名|户|亩|个|所|家|村|次|天|日|月|年|学期|场|期|辆|台")
DIM_UNITS = {"人": {"人", "名"}, "生": {"人", "名"}, "名": {"人", "名"}, "人次": {"人次"}, "户": {"户"},
             "亩": {"亩"}, "月": {"个月"}, "天": {"天", "日"}, "日": {"天", "日"}, "年": {"年"}, "次": {"次", "人次"},
             "所": {"所"}, "个": {"个"}, "家": {"家"}, "村": {"村", "个"}, "场": {"场"}, "期": {"期"},
             "辆": {"辆"}, "台": {"台"}, "学期": {"学期"}}
_PRODUCT_MARK = re.compile(r"(?:共计|合计|总计|累计|共|计|发放|资金|补助|补贴|金额|支出|奖励)(?:资金|金额)?(?:为|达)?\s*$")


# ------------------------------------------------------------------------------ changes


def find_changes(t, ds):
    out = []
    for d in ds:
        if d.kind not in ("amount", "percent") or d.role:
            continue
        s = d.sentence
        m = B.CHANGE.search(t, s.start, d.start) or _CHANGE_VALUE.search(t, s.start, d.start)
        if not m or _UP_OR_DOWN.search(m["base"]):
            continue  # "较上年减少2.35万元，下降23.5%": the base is itself a change
        base_text, up = m["base"], m["dir"] in _UP
        d.role, d.field, d.candidates, d.skip = "change", None, (), ""
        subjects = [x for x in ds if x.sentence is s and x.kind == "amount" and x.end <= m.start() and x.role != "change"]
        subject = subjects[-1] if subjects else _term_subject(t, s, m.start())
        if subject is None:
            continue
        if m["cmp"] == "同比" or B._LAST_YEAR.search(base_text):
            inside = [x for x in ds if x.kind == "amount" and m.start("base") <= x.start < m.end("base")]
            concept = subject.concept if isinstance(subject, B.Draft) else None
            bases = inside or [x for x in ds if x.sentence is s and x.kind == "amount" and x.skip == "last-year"
                               and x is not subject and x is not d and concept and x.concept == concept]
            if len(bases) != 1:
                continue
            base = bases[0]
            base.role, base.field, base.candidates = "base", None, ()
        elif "预算" in base_text or "年初" in base_text:
            inside = [x for x in ds if x.kind == "amount" and m.start("base") <= x.start < m.end("base")]
            if len(inside) == 1:
                base = inside[0]
                base.role = "base"
            else:
                key = subject.field if isinstance(subject, B.Draft) else subject[1]
                if key not in X.BUDGET_OF or isinstance(subject, B.Draft) and subject.skip:
                    continue
                base = ("field", X.BUDGET_OF[key])
        else:
            continue
        out.append(Pending(ChangeOf, dict(change=d, subject=subject, base=base, relative=d.kind == "percent",
                                          sign=1 if up else -1)))
    return out


def _term_subject(t: str, s, at: int):
    """"决算支出比上年…增长 p%": the term right before the comparison names the subject."""
    terms = [x for x in X.find_terms(t, B.clause_start(t, s.start, at), at) if x[2]]
    if not terms or t[terms[-1][1]:at].strip():
        return None
    phase = B.phase_at(t, s.start, at, [])
    field, _, _ = B.resolve(terms[-1][2], phase, "dept")
    return ("field", field) if field else None


# ------------------------------------------------------------------------------ standard × quantity


def find_products(t, ds):
    out = []
    for d in ds:
        if d.kind != "amount" or d.role:
            continue
        s = d.sentence
        m = _PER.search(t, s.start, d.start)
        dims = _DIM.findall(m["dims"]) if m else []
        after = _PER_AFTER.match(t[d.end:s.end]) if t.startswith("/", d.end, s.end) else None
        if after:
            dims = _DIM.findall(after["dims"])
        if not dims:
            continue
        same = [x for x in ds if x.sentence is s and x is not d]
        factors = []
        for dim in dims:
            units = DIM_UNITS.get(dim, set())
            cands = [x for x in same if x.kind in ("count", "quantity") and x.number.unit in units
                     and not x.number.approx and x not in factors]
            if len(cands) != 1:
                break
            factors.append(cands[0])
        else:
            amounts = [x for x in same if x.kind == "amount" and not x.number.approx and x.role in ("", "total")]
            if len(amounts) > 1:
                amounts = [x for x in amounts if _PRODUCT_MARK.search(t, B.clause_start(t, s.start, x.start), x.start)]
            if len(amounts) != 1:
                continue
            product = amounts[0]
            d.role, d.field, d.candidates = "standard", None, ()
            for f in factors:
                f.role = "factor"
            product.role = product.role or "product"
            out.append(Pending(ProductOf, dict(product=product, standard=d, factors=factors)))
    return out


# ------------------------------------------------------------------------------ shares


def find_shares(t, ds, sums):
    out = []
    for d in ds:
        if d.kind != "percent" or d.role:
            continue
        s = d.sentence
        cs = B.clause_start(t, s.start, d.start)
        if d.field == "exec_rate" and not d.skip:
            d.role = "share"
            out.append(Pending(ShareOf, dict(ratio=d, part=("field", "fund_total_executed"),
                                             whole=("field", "fund_total_full_year"))))
            continue
        m = _SHARE.search(t, cs, d.start) or _SHARE_BARE.search(t, cs, d.start)
        if not m:
            continue
        part = _share_part(t, ds, d, cs, m.start())
        if part is None:
            continue
        whole_text = m.groupdict().get("whole") or ""
        whole = _share_whole(t, d, part, whole_text, sums, m.start())
        if whole is None:
            continue
        d.role, d.field, d.candidates = "share", None, ()
        out.append(Pending(ShareOf, dict(ratio=d, part=part, whole=whole)))
    return out


def _share_part(t, ds, d, cs, at):
    s = d.sentence
    before = [x for x in ds if x.sentence is s and x.kind == "amount" and cs <= x.start and x.end <= at]
    if before:
        return before[-1] if before[-1].field or before[-1].role else None
    if t[cs:at].strip():
        terms = [x for x in X.find_terms(t, cs, at) if x[2]]
        if not terms:
            return None
        phase = B.phase_at(t, s.start, at, B.masked(t, s, terms)) or X.SECTION_PHASE.get("text_final")
        field, _, _ = B.resolve(terms[-1][2], phase, "dept")
        return ("field", field) if field else None
    level = B.paren_depth(t, s.start, d.start)
    prev = [x for x in ds if x.sentence is s and x.kind == "amount" and x.end <= cs
            and B.paren_depth(t, s.start, x.start) == level]
    if prev and not drop_parens(t[prev[-1].end:cs - 1]).strip():
        p = prev[-1]
        return p if (p.field or p.role) and not p.skip else None
    return None


def _share_whole(t, d, part, whole_text, sums, at):
    if whole_text.strip():
        terms = [x for x in X.find_terms(whole_text, 0, len(whole_text)) if x[2]]
        if not terms:
            return None
        concept = terms[-1][2]
        part_field = part.field if isinstance(part, B.Draft) else part[1]
        natural = X.WHOLE_OF.get(part_field)
        if natural and X.PHASED.get(concept) and natural in X.PHASED[concept]:
            return ("field", natural)
        phase = "budget" if re.search(r"预算|年初", whole_text) else "final" if "决算" in whole_text else None
        if phase is None and part_field:
            phase = "budget" if part_field.startswith("budget_") else "final"
        field, _, scope = B.resolve(concept, phase, "dept")
        if scope == "project" and d.scope != "project":
            return None  # 占全年预算的 p% in the department's text: which project's budget?
        return ("field", field) if field else None
    if isinstance(part, B.Draft):
        for p in sums:
            if part in p.kw["parts"]:
                return p.kw["total"]
    part_field = part.field if isinstance(part, B.Draft) else part[1]
    natural = X.WHOLE_OF.get(part_field or "")
    return ("field", natural) if natural else None
