"""Binding: which field a figure restates, read from the term before it, the sentence's context
words (年初预算 / 决算 …), the year it names, and the section the text comes from.

Precision first: a figure is bound only when a term stands right before it in its own clause (or,
for a count, names what it counts right after it); figures about another year, last year, a plan,
another organisation or an approximate figure are marked ``skip`` and never compared with the tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from . import lexicon as X
from .numbers import Number, Sentence
from .quick import Sieved, guarded

_CONNECT = re.compile(r"^(?:\s|为|是|达到|达|共计|合计|总计|共有|共|计|有|:|：|安排|金额|总额|资金|数|的|了|"
                      r"实际完成|实际|完成|实现|发生|约|分别|累计|人数|人员|人|总数|支出|"
                      r"年初预算数|年初预算|预算数|决算数|执行数|预算|决算)*$")
# a clause that is only a phase word and a figure continues the concept before it ("预算数11.5万元，决算数8.6万元")
ELLIPSIS = re.compile(r"\s*(?:其中)?(?:年初预算数|年初预算|预算数|决算数|执行数|预算|决算)(?:为|是|:|：)?\s*$")
_DELIM = "，,：:、()；;"
_BUDGET_MARK = re.compile(r"年初预算|预算数|预算安排|年初|批复|预算(?!执行|绩效|管理|编制|单位)")
_FINAL_MARK = re.compile(r"决算|执行数|实际支出|全年支出|实际")
_PHASE_MARK = guarded(f"(?P<budget>{_BUDGET_MARK.pattern})|(?P<final>{_FINAL_MARK.pattern})")
CHANGE = re.compile(r"(?P<cmp>较|比|与|同比)(?P<base>[^，,。；;\d%]{0,14}?)(?:相比|相较|比较)?[，,]?"
                    r"(?P<dir>增加|增长|减少|下降|降低|节约|节省|上升|提高|增|减|多|少|超支|超出)(?:了)?"
                    r"(?:额|幅度|幅)?(?:为|达)?\s*$")
_LAST_YEAR = re.compile(r"上年(?!结转|结余)|去年|上一年|上年度|前一年|同期")
_PLAN = re.compile(r"计划(?!财务|生育|单列|股|科)|力争|预计|拟|争取|预期|目标值|目标为|下一步|下一年度|明年|今后|将要")
_ORG = Sieved(r"[\u4e00-\u9fff]{2,14}?(?:中心|站|所|学校|中学|小学|幼儿园|医院|卫生院|大队|中队|分局|委员会|"
                  r"办事处|公司|协会|社区|村委会|研究院|服务部|管理处)(?![\u4e00-\u9fff]?(?:股|科|室))")
_ORG_WORDS = {"中心", "学校", "医院", "卫生院", "大队", "中队", "分局", "委员会", "办事处", "社区", "管理处",
              "站", "所", "本站", "本所"}
_SELF = re.compile(r"^(?:本|我)(?:局|单位|部门|中心|校|院|站|所|委|办|镇|乡|街道)")
_GENERIC_LEFT = set("，,：:；;、()。中排共年度末初的为和及与是在有其计总门级部 \n\t")
_SUM_SUFFIX = re.compile(r"(?:合计|总计|总额|总数)$")
_BRACKETED = re.compile(r"\([^()]*\)?")
_ORG_LEAD = re.compile(r"^(?:年度|年|度|全|该|其中|另外|以及)+")
_NAME_CUT = re.compile(r"[的了将对在为与和及是]")
_GENERIC = {"收入", "支出", "项目支出", "负债", "货物", "工程", "服务", "货物类", "工程类", "服务类",
            "固定资产", "编制", "股室", "科室", "执行数", "总分"}
_COUNT_NOUNS = (("办公室", "departments_count"), ("事业站所", "subunits_count"), ("站所", "subunits_count"),
                ("事业单位", "subunits_count"), ("二级机构", "subunits_count"), ("二级单位", "subunits_count"), ("下属单位", "subunits_count"),
                ("直属单位", "subunits_count"), ("所属单位", "subunits_count"), ("下属事业单位", "subunits_count"),
                ("二级预算单位", "subunits_count"), ("内设机构", "departments_count"),
                ("股室", "departments_count"), ("科室", "departments_count"), ("职能股室", "departments_count"),
                ("处室", "departments_count"), ("在职", "staff_active"), ("退休", "staff_retired"))
_PROJECT_HEAD = Sieved(r"(?:^|[、.\s])([^，。；：:、\s\d]{2,40}?项目)(?=[：:(，,]|$)")
GRADE = re.compile(r"(?:等级|等次|评价结果|自评结果|评定|评为|评价为)(?:为|是|:|：)?\s*[“\"「]?"
                    r"(?P<g>优秀|良好|中等|优|良|中|差)(?=[”\"」。，,；;、\s)（(]|等级|等次|级|$)")
GRADE_WORDS = {"优秀": "优", "良好": "良", "中等": "中", "优": "优", "良": "良", "中": "中", "差": "差"}


@dataclass(slots=True, eq=False)
class Draft:
    """A figure while its sentence is being read (frozen into a Claim at the end). Two drafts are the
    same only if they are one object (two figures of a cell never share a start, so this is what
    comparing their fields gave)."""

    number: Number | None
    sentence: Sentence
    kind: str
    value: Decimal | str
    start: int
    end: int
    field: str | None = None
    candidates: tuple[str, ...] = ()
    concept: str | None = None
    role: str = ""
    scope: str = "dept"
    project: str = ""
    skip: str = ""
    year: int | None = None
    org: str = ""
    term: tuple[int, int] | None = None


_UP_TO_DELIM = re.compile(".*[" + re.escape(_DELIM) + "]", re.S)  # greedy: up to the last one


def clause_start(t: str, lo: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last ，：、（）； before it, at ``lo`` at most."""
    m = _UP_TO_DELIM.match(t, lo, pos)
    return m.end() if m else lo


def paren_depth(t: str, lo: int, pos: int) -> int:
    if t.find("(", lo, pos) < 0:
        return 0
    d = 0
    for c in t[lo:pos]:
        if c == "(":
            d += 1
        elif c == ")" and d:
            d -= 1
    return d


def usable_terms(t: str, s: Sentence, section: str, names: tuple[tuple[int, int], ...]) -> list:
    """The sentence's terms, without procurement words outside 采购 context, generic words glued to
    a name before them (培训支出, 水利工程), and anything inside a project's name."""
    procurement = section == "text_procurement" or t.find("采购", s.start, s.end) >= 0
    out = []
    for a, b, c in X.find_terms(t, s.start, s.end):
        if names and any(a < y and b > x for x, y in names):
            continue
        if c in X.PROCUREMENT_ONLY and not procurement:
            continue
        if c and a > s.start and t[a - 1] not in _GENERIC_LEFT and _SUM_SUFFIX.sub("", t[a:b]) in _GENERIC:
            c = None
        out.append((a, b, c))
    if names:
        out.extend((x, y, None) for x, y in names)
        out.sort()
    return out


def term_before(t: str, terms: list, lo: int, pos: int, start: int | None = None):
    """The term nearest before ``pos`` in its clause (``start``: where the clause starts, if known), with
    only connecting words in between."""
    if start is None:
        start = clause_start(t, lo, pos)
    for a, b, c in reversed(terms):
        if b > pos:
            continue
        if b <= start and start < pos:
            return None
        gap = t[b:pos]
        if len(gap) <= 10 and _CONNECT.match(gap):
            return (a, b, c)
        return None
    return None


_MASKS = (re.compile(r"(?:较|比|与|同比|占)[^，,。；;\d]{0,14}?(?:增加|增长|减少|下降|降低|节约|上升|相比|的|比重|比例)"),
          re.compile(r"(?:较|比|与|同|占)(?:上年|去年)?(?:年初|全年)?(?:预算|决算)数?"))


def mask_marks(t: str) -> tuple[list[tuple[int, int]], ...]:
    """The comparison words of a whole cell, by pattern (what ``masked`` reads, found once per cell)."""
    return tuple([m.span() for m in rx.finditer(t)] for rx in _MASKS)


def _runs_over(spans, end: int) -> bool:
    for a, b in spans:
        if a < end < b:
            return True
    return False


def masked(t: str, s: Sentence, terms: list, marks=None) -> list[tuple[int, int]]:
    """Spans whose 预算/决算 words are not the phase of what follows (较预算增加, 上年结转 …).

    The comparison words are those a scan of the cell's text up to the sentence's end finds in the
    sentence; ``marks`` (from ``mask_marks``) are those of a scan of the whole text, the same unless
    one of them runs over the sentence's end (then the text is scanned again up to it)."""
    spans = [(a, b) for a, b, c in terms if c is None]
    for k, rx in enumerate(_MASKS):
        found = marks[k] if marks is not None else None
        if found is None or _runs_over(found, s.end):
            found = [m.span() for m in rx.finditer(t, 0, s.end)]
        for a, b in found:
            if a >= s.start and b <= s.end:
                spans.append((a, b))
    return spans


def has_phase_words(t: str, lo: int, pos: int) -> bool:
    """Whether ``t[lo:pos]`` holds a 预算 / 决算 word at all (else ``phase_at`` is None whatever the spans)."""
    return _PHASE_MARK.search(t, lo, pos) is not None


def phase_at(t: str, lo: int, pos: int, spans) -> str | None:
    """The phase of the last 预算 or 决算 word before ``pos`` (from ``lo``) outside ``spans``."""
    # A 预算 word and a 决算 word never overlap (no end of one is the start of the other), so one scan
    # for both finds what a scan for each finds; the last one outside the spans ends last.
    phase = None
    for m in _PHASE_MARK.finditer(t, lo, pos):
        a = m.start()
        for x, y in spans:
            if x <= a < y:
                break
        else:
            phase = m.lastgroup
    return phase


def last_year_or_plan(t: str, lo: int, pos: int, spans, clause: int | None = None) -> str:
    if clause is None:
        clause = clause_start(t, lo, pos)
    for rx, why in ((_PLAN, "plan"), (_LAST_YEAR, "last-year")):
        for m in rx.finditer(t, clause, pos):
            a = m.start()
            for x, y in spans:
                if x <= a < y:
                    break
            else:
                return why
    if _PLAN.match(t, lo):
        return "plan"
    return ""


def org_before(t: str, lo: int, pos: int, whole_sentence: bool, clause: int | None = None) -> str:
    start = lo if whole_sentence else clause if clause is not None else clause_start(t, lo, pos)
    text = t[start:pos]
    # names inside brackets (实施单位：…) and lists of units (counted elsewhere) are not the subject
    if "(" in text:
        text = _BRACKETED.sub(lambda m: " " * len(m.group()), text)
    for m in _ORG.finditer(text):
        name = _ORG_LEAD.sub("", m.group())
        if not _SELF.match(name) and name not in _ORG_WORDS:
            return name  # a named organisation ("学校" alone is the unit speaking of itself)
    return ""


def resolve(concept: str | None, phase: str | None, scope: str) -> tuple[str | None, tuple[str, ...], str]:
    """(field, candidates, scope) of a concept."""
    if concept is None:
        return None, (), scope
    if scope == "project":
        concept = X.PROJECT_ALIASES.get(concept, concept)
    if concept in X.PROJECT:
        if concept == "initial" and scope == "dept":
            return None, ("budget_income_total", "budget_expense_total"), "dept"
        return X.PROJECT[concept], (), "project"
    if scope == "project":
        return None, (), scope
    if concept in X.PHASED:
        budget, final = X.PHASED[concept]
        if phase == "budget":
            return budget, (), scope
        if phase == "final":
            return final, (), scope
        both = tuple(f for f in (budget, final) if f)
        return (both[0], (), scope) if len(both) == 1 else (None, both, scope)
    return X.PLAIN.get(concept), (), scope


def count_concept(noun: str) -> str | None:
    for word, concept in _COUNT_NOUNS:
        if noun.startswith(word):
            return concept
    return None


_PROJECT_MENTION = Sieved(r"[\u4e00-\u9fff“”]{2,24}?项目(?!支出|资金|绩效|预算|管理|单位|名称|库|实施|建设|资金|自评)")
_NOT_A_NAME = re.compile(r"(?:本|该|此|各|全部|所有|其他|其余|上述|以上|重点|部分)项目$")


def project_hint(t: str, s: Sentence, names: tuple[str, ...], line: str) -> str:
    """The project a sentence is about: a known project's name in its line, a "…项目：" heading, or a
    "…项目" named in the sentence itself ("" when none is named)."""
    return line_hint(names, line) or sentence_hint(t, s)


def line_hint(names: tuple[str, ...], line: str) -> str:
    """The project a line names: a known project's name, or a "…项目：" heading ("" when none)."""
    for name in sorted(names, key=len, reverse=True):
        if name and name in line:
            return name
    m = _PROJECT_HEAD.search(line)
    if m:
        return m.group(1)
    return ""


def sentence_hint(t: str, s: Sentence) -> str:
    """A "…项目" the sentence names ("" when none)."""
    for m in reversed(list(_PROJECT_MENTION.finditer(t, s.start, s.end))):
        name = _NAME_CUT.split(m.group())[-1]
        if len(name) > 3 and not _NOT_A_NAME.search(name):
            return name
    return ""
