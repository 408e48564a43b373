"""The arithmetic a sentence states: 其中 lists and （…） breakdowns (parts vs total), 合计 after a
list, 占…的 p% (shares), 较预算 / 比上年 增加 d (changes), 按每人每月 x 元 × 数量 = 总额 (standard ×
quantity), "下设 A、B、C 3个股室" (counted lists) and weights notes ("产出指标50分")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import bind as B
from . import lexicon as X
from .model import ChangeOf, ListOf, ProductOf, ShareOf, SumOf

CONCEPT_PARENT = {
    "income_general": "income_total", "income_fund": "income_total", "income_other": "income_total",
    "basic": "expense_total", "project": "expense_total", "personnel": "basic", "public": "basic",
    "salary": "basic", "goods": "basic", "subsidy": "basic",
    "sangong_abroad": "sangong_total", "sangong_car": "sangong_total", "sangong_reception": "sangong_total",
    "procurement_goods": "procurement_total", "procurement_works": "procurement_total",
    "procurement_services": "procurement_total",
}
CONCEPT_PARTITIONS = {
    "income_total": [("income_general", "income_fund", "income_other")],
    "expense_total": [("basic", "project")],
    "basic": [("salary", "goods", "subsidy"), ("personnel", "public")],
    "sangong_total": [("sangong_abroad", "sangong_car", "sangong_reception")],
    "procurement_total": [("procurement_goods", "procurement_works", "procurement_services")],
}
_CHANGE_VALUE = re.compile(r"(?P<cmp>较|比|与)(?P<base>(?:上年|去年|上年度|上一年度?|上年同期|年初预算数?|预算数?)[^，,。；;%]{0,30}?)"
                           r"(?:相比|相较)?[，,]?"
                           r"(?P<dir>增加|增长|减少|下降|降低|节约|节省|上升|提高|增|减|多|少)(?:了)?(?:额|幅度|幅)?(?:为|达)?\s*$")
_NOT_PART = re.compile(r"节约|节省|结余|超支|增加|减少|下降|增长|降低|上升|较|比|同比|相比|另|此外")
_UP = ("增加", "增长", "上升", "提高", "增", "多", "超支", "超出")
_TOTAL_MARK = re.compile(r"(?:^|[，,；;：:、(])\s*(?:以上|两项|三项|四项|各项)?(?:合计|共计|总计|累计|共|总额)(?:金额|资金)?"
                         r"(?:为|是|:|：|达)?\s*$")
_SHARE = re.compile(r"占(?:了)?(?P<whole>[^，,。；;、%\d]{0,20}?)(?:的)?(?:比重|比例|比率|份额)?(?:为|达|是|约)?\s*$")
_SHARE_BARE = re.compile(r"(?:所占比重|所占比例|占比)(?:为|达|是|约)?\s*$")
_PER = re.compile(r"(?:按|以)?(?:标准为|标准是)?(?P<dims>(?:每(?:人次|人|生|名|户|亩|个|所|家|村|次|天|日|月|年|学期|场|期|辆|台))"
                  r"{1,3})(?:补助|补贴|发放|奖励|标准|费用|经费)?(?:标准)?(?:为|按|是)?\s*$")
_PER_AFTER = re.compile(r"^/(?P<dims>(?:人次|人|生|名|户|亩|个|所|家|村|次|天|日|月|年|学期|场|期|辆|台)"
                        r"(?:[·.•/](?:人次|人|生|名|户|亩|个|所|家|村|次|天|日|月|年|学期|场|期|辆|台))*)")
_DIM = re.compile(r"人次|人|生|名|户|亩|个|所|家|村|次|天|日|月|年|学期|场|期|辆|台")
DIM_UNITS = {"人": {"人", "名"}, "生": {"人", "名"}, "名": {"人", "名"}, "人次": {"人次"}, "户": {"户"},
             "亩": {"亩"}, "月": {"个月"}, "天": {"天", "日"}, "日": {"天", "日"}, "年": {"年"}, "次": {"次", "人次"},
             "所": {"所"}, "个": {"个"}, "家": {"家"}, "村": {"村", "个"}, "场": {"场"}, "期": {"期"},
             "辆": {"辆"}, "台": {"台"}, "学期": {"学期"}}
_PRODUCT_MARK = re.compile(r"(?:共计|合计|总计|累计|共|计|发放|资金|补助|补贴|金额|支出|奖励)(?:资金|金额)?(?:为|达)?\s*$")
_INTRO_BEFORE = re.compile(r"下设|内设|设有|设立|下辖|管辖|下属|所属|包括|包含|共有|还有|另有|拥有|分别为|分别是|即")
_INTRO_AFTER = re.compile(r"^\s*[，,]?\s*(?:即|分别为|分别是|包括|包含)?\s*[:：]?\s*")
_WEIGHT = re.compile(r"(?P<name>产出|效益|满意度|预算执行率?|预算执行情况)(?:指标)?(?:权重|分值|满分)?(?:为|占|是)?\s*"
                     r"\(?\s*$")


@dataclass
class Pending:
    """A structure over drafts; ``remap`` turns drafts into claim indices."""

    cls: type
    kw: dict

    def remap(self, index: dict):
        def conv(v):
            if isinstance(v, B.Draft):
                return index[id(v)]
            if isinstance(v, list):
                return tuple(conv(x) for x in v)
            return v
        return self.cls(**{k: conv(v) for k, v in self.kw.items()})


def descends(concept: str | None, ancestor: str | None) -> bool:
    while concept in CONCEPT_PARENT:
        concept = CONCEPT_PARENT[concept]
        if concept == ancestor:
            return True
    return False


def find_structures(t: str, section: str, drafts: list[B.Draft]) -> list[Pending]:
    out: list[Pending] = []
    periods: dict[int, list[B.Draft]] = {}
    for d in drafts:
        periods.setdefault(d.sentence.period, []).append(d)
    for ds in periods.values():
        ds.sort(key=lambda d: d.start)
        lo = min(d.sentence.start for d in ds)
        out += _changes(t, ds)
        out += _products(t, ds)
        sums = _sums(t, ds, lo)
        out += sums
        out += _shares(t, ds, sums)
        out += _lists(t, ds)
        out += _weights(t, ds)
    return out


def _free(d: B.Draft) -> bool:
    return d.role in ("", "total", "part")


# ------------------------------------------------------------------------------ changes


def _changes(t, ds):
    out = []
    for d in ds:
        if d.kind not in ("amount", "percent") or d.role:
            continue
        s = d.sentence
        m = B.CHANGE.search(t, s.start, d.start) or _CHANGE_VALUE.search(t, s.start, d.start)
        if not m:
            continue
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


def _products(t, ds):
    out = []
    for d in ds:
        if d.kind != "amount" or d.role:
            continue
        s = d.sentence
        m = _PER.search(t, s.start, d.start)
        dims = _DIM.findall(m["dims"]) if m else []
        after = _PER_AFTER.match(t[d.end:s.end])
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


# ------------------------------------------------------------------------------ sums


def _compatible(total: B.Draft, part: B.Draft) -> bool:
    if total.concept and part.concept:
        return descends(part.concept, total.concept)
    return True


def _complete(total: B.Draft, parts: list[B.Draft]) -> bool:
    have = {p.concept for p in parts}
    return any(set(partition) <= have for partition in CONCEPT_PARTITIONS.get(total.concept, []))


def _nest(parts: list[B.Draft]) -> list[B.Draft]:
    concepts = {p.concept for p in parts if p.concept}
    return [p for p in parts if not any(descends(p.concept, c) for c in concepts)]


def _usable_part(d: B.Draft) -> bool:
    return d.kind == "amount" and d.role in ("", "part", "total", "product") and d.skip not in ("last-year", "other-year")


def _sums(t, ds, lo):
    out = []
    amounts = [d for d in ds if d.kind == "amount"]
    depth = {id(d): B.paren_depth(t, lo, d.start) for d in amounts}
    sentences = sorted({id(d.sentence): d.sentence for d in ds}.values(), key=lambda s: s.start)
    # 其中 lists
    for s in sentences:
        for m in re.finditer("其中", t[s.start:s.end]):
            k = s.start + m.start()
            if t[k - 1:k] == "(":
                continue
            dk = B.paren_depth(t, lo, k)
            before = [d for d in amounts if d.sentence is s and d.end <= k and depth[id(d)] == dk
                      and d.role not in ("change", "standard", "factor", "base")]
            if not before or before[-1].number.approx or not _usable_part(before[-1]):
                continue
            total = before[-1]
            parts = _list_after(t, amounts, depth, total, s, sentences, k, dk)
            if parts:
                out.append(_sum(total, parts, _complete(total, parts)))
    # （…） breakdowns right after an amount
    for d in amounts:
        if not _usable_part(d) or d.number.approx:
            continue
        j = d.end
        while j < len(t) and t[j] == " ":
            j += 1
        if t[j:j + 1] != "(":
            continue
        close = _matching(t, j)
        inner = [x for x in amounts if j < x.start < close and depth[id(x)] == depth[id(d)] + 1]
        if not inner or any(not _usable_part(x) or x.number.approx for x in inner if x.role != "change"):
            continue
        inner = [x for x in inner if x.role != "change"]
        if inner and all(_compatible(d, x) for x in inner):
            out.append(_sum(d, _nest(inner), _complete(d, inner)))
    # a list, then 合计 / 共计 X
    for d in amounts:
        if not _usable_part(d) or d.number.approx:
            continue
        s = d.sentence
        marked = _TOTAL_MARK.search(t[s.start:d.start])
        term_total = d.term is not None and re.search(r"合计|总计|共计", t[d.term[0]:d.term[1]]) is not None
        if not marked and not term_total:
            continue
        parts = []
        for x in reversed([x for x in amounts if x.sentence is s and x.end <= d.start]):
            if depth[id(x)] != depth[id(d)]:
                continue
            if x.role in ("total", "change", "standard") or "其中" in t[x.end:d.start] or not _usable_part(x):
                break
            parts.append(x)
        parts.reverse()
        if len(parts) < 2 or any(p.number.approx for p in parts):
            continue
        if term_total and not marked and not all(_compatible(d, p) and p.concept for p in parts):
            continue
        if any(p.role == "part" for p in parts):
            continue
        out.append(_sum(d, _nest(parts), True if marked else _complete(d, parts)))
    return out


def _list_after(t, amounts, depth, total, s, sentences, k, dk):
    parts = []
    for d in amounts:
        if d.sentence is not s or d.start < k or depth[id(d)] != dk:
            continue
        if "其中" in t[k + 2:d.start] and B.paren_depth(t, k, t.find("其中", k + 2)) == 0:
            break
        if d.role in ("change", "standard", "factor", "base"):
            continue
        if _NOT_PART.search(t, B.clause_start(t, s.start, d.start), d.start):
            return _nest(parts)  # 节约资金 X, 较上年增加 Y: not one of the parts
        if not _usable_part(d) or d.number.approx:
            return []
        if not _compatible(total, d):
            return _nest(parts)
        parts.append(d)
    # the list goes on after ； while each piece starts with a part of the same total
    following = [x for x in sentences if x.period == s.period and x.start > s.start]
    for s2 in following:
        piece = t[s2.start:s2.end]
        if re.search(r"其中|合计|共计|总计|另外|此外|另有", piece):
            break
        mine = [d for d in amounts if d.sentence is s2 and d.role not in ("change", "standard", "factor", "base")]
        if not mine or not mine[0].concept or not _compatible(total, mine[0]):
            break
        if any(not _usable_part(d) or d.number.approx or not _compatible(total, d) for d in mine):
            break
        parts.extend(d for d in mine if B.paren_depth(t, s2.start, d.start) == 0)
    return _nest(parts)


def _matching(t: str, j: int) -> int:
    depth = 0
    for i in range(j, len(t)):
        if t[i] == "(":
            depth += 1
        elif t[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return len(t)


def _sum(total, parts, complete):
    total.role = total.role or "total"
    for p in parts:
        p.role = p.role or "part"
    return Pending(SumOf, dict(total=total, parts=list(parts), complete=complete))


# ------------------------------------------------------------------------------ shares


def _shares(t, ds, sums):
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
    if prev and not _drop_parens(t[prev[-1].end:cs - 1]).strip():
        p = prev[-1]
        return p if (p.field or p.role) and not p.skip else None
    return None


def _drop_parens(text: str) -> str:
    while True:
        out = re.sub(r"\([^()]*\)", "", text)
        if out == text:
            return out
        text = out


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
        field, _, _ = B.resolve(concept, phase, "dept")
        return ("field", field) if field else None
    if isinstance(part, B.Draft):
        for p in sums:
            if part in p.kw["parts"]:
                return p.kw["total"]
    part_field = part.field if isinstance(part, B.Draft) else part[1]
    natural = X.WHOLE_OF.get(part_field or "")
    return ("field", natural) if natural else None


# ------------------------------------------------------------------------------ counted lists


def _items(text: str) -> tuple[list[str], bool, bool]:
    """(names split at 、, complete (no 等), whether the last name may be two joined by 和/及/与)."""
    text = text.strip().rstrip("。；;，,")
    complete = True
    if text.endswith("等等") or text.endswith("等"):
        complete, text = False, text.rstrip("等")
    items = [p.strip(" “”\"") for p in text.split("、")]
    last = re.split(r"以及|和|及|与", items[-1]) if items else []
    joined = len(last) == 2 and all(len(x) >= 2 for x in last)
    return items, complete, joined


def _lists(t, ds):
    out = []
    for d in ds:
        if d.kind != "count" or d.role:
            continue
        s = d.sentence
        # list, then count: 下设 A、B、C 9个股室
        seg_start = d.start
        while seg_start > s.start and t[seg_start - 1] not in "，,。；;：:":
            seg_start -= 1
        seg = t[seg_start:d.start]
        m = _INTRO_BEFORE.search(seg)
        items, complete, joined = [], True, False
        if m and "、" in seg[m.end():]:
            items, complete, joined = _items(seg[m.end():])
        else:
            noun_end = d.end + len(d.number.noun)
            rest = t[noun_end:s.end]
            if rest.startswith("(") or rest.startswith("（"):
                close = _matching(t, noun_end)
                items, complete, joined = _items(t[noun_end + 1:close])
            else:
                m2 = _INTRO_AFTER.match(rest)
                intro = m2.group().strip(" ，,") if m2 else ""
                if intro:
                    body = re.split(r"[，,。；;\n(]", rest[m2.end():])[0]
                    items, complete, joined = _items(body)
        if not items or any(not i or len(i) > 30 or re.search(r"\d", i) for i in items):
            continue
        if len(items) == 1 and d.number.value == 1:
            continue
        d.role = "count"
        out.append(Pending(ListOf, dict(count=d, items=items, complete=complete, joined=joined)))
    return out


# ------------------------------------------------------------------------------ weights notes


def _weights(t, ds):
    out = []
    for d in ds:
        if d.kind != "score" or d.role:
            continue
        s = d.sentence
        m = _WEIGHT.search(t, max(s.start, d.start - 16), d.start)
        if not m:
            continue
        name = m["name"]
        d.field = "exec_weight" if name.startswith("预算执行") else "cap:" + X.LEVEL1_NAMES[name]
        d.role, d.scope, d.candidates = "weight", "project", ()
    return out
