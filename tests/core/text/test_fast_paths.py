"""The faster readers of perfxl.core.text give exactly what the plain ones they replaced gave.

Each reference below is the code as it was before it was made faster (benchmarks/README_text.md);
hypothesis feeds both texts built from the characters that matter to them (stops, line breaks,
quotes, brackets, digits, the terms' characters), and the example corpus is run through both."""
from __future__ import annotations

import re
from decimal import Decimal

import examples_text as ET
import make_examples as mk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfxl.core.text import bind as B
from perfxl.core.text import lexicon as X
from perfxl.core.text import numbers as N
from perfxl.core.text.numbers import _FOLD, Number, Sentence, find_numbers, fold, split_sentences

# ------------------------------------------------------------------------------ references


def ref_split_sentences(text: str, joins_number=lambda before: False) -> list[Sentence]:
    out: list[Sentence] = []
    t = fold(text)
    start, period, line, i, n = 0, 0, 0, 0, len(t)

    def close(end: int, new_period: bool) -> None:
        nonlocal start, period
        a, b = start, end
        while a < b and t[a].isspace():
            a += 1
        while b > a and t[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence(a, b, period, line))
            if new_period:
                period += 1
        start = end

    while i < n:
        c = t[i]
        if c in "。！？!?" or c in "；;":
            j = i + 1
            while j < n and t[j] in "”’\"')）":
                j += 1
            close(j, c in "。！？!?")
            i = j
            continue
        if c == "\n" or c == "\r":
            j = i
            while j < n and t[j].isspace():
                j += 1
            before = t[start:i].rstrip()
            after = t[j:j + 2]
            joined = before and (before[-1] in "，,、：:(（" or (
                re.match(r"-?\d", after) is not None and joins_number(before)))
            if not joined:
                close(i, True)
                line += 1
                start = j
            i = j
            continue
        i += 1
    close(n, True)
    return out


def _ref_ordinal(t: str, m: re.Match) -> bool:
    a, b = m.start(), m.end("num")
    after = t[b:b + 2]
    if after[:1] == "、" or (after[:1] == "." and not after[1:2].isdigit()) or after[:1] in ")）":
        return m["unit"] is None
    return t[max(0, a - 1):a] == "第"


_REF_NUMBER = re.compile(
    r"(?<![0-9A-Za-z.])(?P<sign>-)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<ws>[ \t]*)(?P<approx>余|多)?(?P<unit>" + "|".join(map(re.escape, N._UNITS)) + ")?"
)
_REF_CN_COUNT = re.compile(r"(?<![第一二两三四五六七八九十百千万零〇统唯同单])(?P<cn>[一二两三四五六七八九十]{1,3})"
                           r"(?P<unit>个|项|家|所|名|处|位|人)")


def ref_find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    t = fold(text)
    end = len(t) if end is None else end
    out: list[Number] = []
    for m in _REF_NUMBER.finditer(t, start, end):
        out.append(_ref_reading(t, m))
    for m in _REF_CN_COUNT.finditer(t, start, end):
        value = N.cn_number(m["cn"])
        if value is not None:
            unit = m["unit"]
            out.append(Number("count", Decimal(value), Decimal(1), 0, unit, m.start(), m.end(),
                              N._noun_after(t, m.end())))
    out.sort(key=lambda x: x.start)
    return [x for x in out if x.kind != "skip"]


def _ref_reading(t: str, m: re.Match) -> Number:
    raw = m["num"].replace(",", "")
    value = Decimal(raw)
    places = len(raw.partition(".")[2])
    if m["sign"]:
        value = -value
    unit = m["unit"] or ""
    approx = bool(m["approx"]) or bool(N._APPROX_BEFORE.search(t, max(0, m.start() - 6), m.start()))
    stop = m.end()
    if approx and not m["approx"]:
        approx = True
    if N._APPROX_AFTER.match(t, stop):
        approx = True
    a = m.start()
    if _ref_ordinal(t, m):
        return Number("skip", value, Decimal(1), places, unit, a, stop)
    if unit in ("万", "亿"):
        nxt = t[stop:stop + 2]
        more = next((u for u in N._UNITS if nxt.startswith(u) and u not in N._MONEY and u != "%"), None)
        if more is not None:
            v = value * (10000 if unit == "万" else 10 ** 8)
            return Number("count" if more in N._COUNT_UNITS else "quantity", v, Decimal(1).scaleb(-places) * 10000,
                          places, unit + more, a, stop + len(more), N._noun_after(t, stop + len(more)), approx)
    if unit in N._MONEY:
        factor = N._MONEY[unit]
        name = unit if unit.endswith("元") else unit + "元"
        return Number("amount", value * factor, Decimal(1).scaleb(-places) * factor, places, name, a, stop,
                      approx=approx)
    if unit in ("%", "‰"):
        div = Decimal(100) if unit == "%" else Decimal(1000)
        return Number("percent", value / div, Decimal(1).scaleb(-places) / div, places, unit, a, stop,
                      approx=approx)
    if unit in ("个百分点", "百分点"):
        return Number("points", value / 100, Decimal(1).scaleb(-places) / 100, places, unit, a, stop,
                      approx=approx)
    q = Decimal(1).scaleb(-places)
    if unit == "分":
        if t[stop:stop + 1] and t[stop] in N._NOT_SCORE:
            return Number("plain", value, q, places, "", a, m.end("num"))
        return Number("score", value, q, places, unit, a, stop, approx=approx)
    if unit in ("年", "年度") and places == 0 and N._YEAR.match(raw) and not m["sign"]:
        return Number("year", value, q, 0, unit, a, stop)
    if unit in ("月", "日") and places == 0 and not m["sign"]:
        return Number("date", value, q, 0, unit, a, stop)
    if unit in N._COUNT_UNITS:
        return Number("count", value, q, places, unit, a, stop, N._noun_after(t, stop), approx)
    if unit:
        return Number("quantity", value, q, places, unit, a, stop, N._noun_after(t, stop), approx)
    return Number("plain", value, q, places, "", a, m.end("num"), approx=approx)


_REF_TERMS = tuple((re.compile(p), c) for p, c in X.TERMS)


def ref_find_terms(text: str, start: int, end: int):
    found = []
    for rx, concept in _REF_TERMS:
        for m in rx.finditer(text, start, end):
            if m.end() > m.start():
                found.append((m.start(), m.end(), concept))
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken = []
    for a, b, c in found:
        if all(b <= x or a >= y for x, y, _ in taken):
            taken.append((a, b, c))
    taken.sort()
    return taken


def ref_masked(t: str, s: Sentence, terms: list):
    spans = [(a, b) for a, b, c in terms if c is None]
    for rx in (r"(?:较|比|与|同比|占)[^，,。；;\d]{0,14}?(?:增加|增长|减少|下降|降低|节约|上升|相比|的|比重|比例)",
               r"(?:较|比|与|同|占)(?:上年|去年)?(?:年初|全年)?(?:预算|决算)数?"):
        for m in re.finditer(rx, t[:s.end]):
            if m.start() >= s.start:
                spans.append((m.start(), m.end()))
    return spans


# ------------------------------------------------------------------------------ inputs

TERM_CHARS = "".join(sorted({ch for p, _ in X.TERMS for ch in p if "\u4e00" <= ch <= "\u9fff"}))
# the words the terms are made of ("一般公共", "预算", "拨款" …), so that random texts hold whole terms
WORDS = sorted({w for p, _ in X.TERMS for w in re.findall(r"[\u4e00-\u9fff]+", p)})
PUNCT = "。！？!?；;，,、：:()（）“”\"'’ \n\r\t　-—"
OTHER = ["较", "比", "与", "同比", "占", "上年", "去年", "年初", "全年", "增加", "减少", "的", "比重", "其中", "合计",
         "4601", "482.33", "89.04", "12,600", "3", "万元", "元", "%", "个", "人", "分", "项目", "中心", "本局",
         "每人每月", "每亩", "/人", "/人·月", "医院", "学校", "卫生院", "道路养护项目", "该项目", "三个", "两项", "五",
         "共计", "总额", "以上", "约", "等级为", "优秀", "良", "评为", "下设", "即", "分别为", "产出指标", "计划", "预计"]
texts = st.lists(st.one_of(st.sampled_from(WORDS + OTHER), st.sampled_from(PUNCT), st.sampled_from(TERM_CHARS)),
                 max_size=40).map("".join)


def corpus() -> list[str]:
    out = []
    for d in mk.departments():
        out += [c.text for c in ET.text_cells(d)]
    return out


# ------------------------------------------------------------------------------ folding


@given(st.text(alphabet=st.sampled_from([chr(k) for k in _FOLD] + list("数字1,2.5%（）元 \n")), max_size=60))
def test_fold_as_before(text):
    assert fold(text) == text.translate(_FOLD)


def test_fold_as_before_on_the_corpus():
    for text in corpus():
        assert fold(text) == text.translate(_FOLD)


# ------------------------------------------------------------------------------ figures

FIGURES = st.lists(st.one_of(
    st.sampled_from(["4601", "482.33", "0.5", "12,600", "1,234.5", "2022", "2021", "12", "3", "-39.88", "10"]),
    st.sampled_from(N._UNITS + ["", " ", "余", "多", "约", "近", "以上", "左右", "第", "、", ".", ")", "（", "）"]),
    st.sampled_from(list("一二两三四五六七八九十个项家所名处位人年月日分元万亿%,.。；\n") + ["人次", "百分点", "股室"])),
    max_size=30).map("".join)


@given(FIGURES, st.data())
@settings(max_examples=500, deadline=None)
def test_find_numbers_as_before(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert repr(find_numbers(text, a, b)) == repr(ref_find_numbers(text, a, b))  # repr: exponents too
    assert repr(find_numbers(text)) == repr(ref_find_numbers(text))


def test_find_numbers_as_before_on_the_corpus():
    for text in corpus():
        assert repr(find_numbers(text)) == repr(ref_find_numbers(text))


# ------------------------------------------------------------------------------ sentences


@given(texts)
@settings(max_examples=400, deadline=None)
def test_split_sentences_as_before(text):
    assert split_sentences(text) == ref_split_sentences(text)
    assert split_sentences(text, X.ends_with_term) == ref_split_sentences(text, X.ends_with_term)


def test_split_sentences_as_before_on_the_corpus():
    for text in corpus():
        assert split_sentences(text, X.ends_with_term) == ref_split_sentences(text, X.ends_with_term)


# ------------------------------------------------------------------------------ terms


@given(texts, st.data())
@settings(max_examples=400, deadline=None)
def test_find_terms_as_before(text, data):
    t = fold(text)
    a = data.draw(st.integers(0, len(t)))
    b = data.draw(st.integers(a, len(t)))
    assert X.find_terms(t, a, b) == ref_find_terms(t, a, b)


def test_find_terms_as_before_on_the_corpus():
    for text in corpus():
        t = fold(text)
        for s in split_sentences(t, X.ends_with_term):
            assert X.find_terms(t, s.start, s.end) == ref_find_terms(t, s.start, s.end)


@pytest.mark.parametrize("k", range(len(X.TERMS)), ids=[p[:20] for p, _ in X.TERMS])
def test_every_match_of_a_term_holds_its_clues(k):
    _, _, first, needed = X._COMPILED[k]
    assert first is not None and needed is not None  # every term can be skipped where it cannot match
    for text in corpus():
        for m in _REF_TERMS[k][0].finditer(fold(text)):
            assert m.group()[0] in first and not needed.isdisjoint(m.group())


# ------------------------------------------------------------------------------ masks


@given(texts)
@settings(max_examples=400, deadline=None)
def test_masked_as_before(text):
    t = fold(text)
    marks = B.mask_marks(t)
    for s in split_sentences(t, X.ends_with_term):
        terms = X.find_terms(t, s.start, s.end)
        assert B.masked(t, s, terms, marks) == ref_masked(t, s, terms)
        assert B.masked(t, s, terms) == ref_masked(t, s, terms)


# ------------------------------------------------------------------------------ sieved patterns


def _sieved():
    from perfxl.core.text import bind, numbers, relations, sums
    from perfxl.core.text.quick import Sieved

    return [(f"{m.__name__}.{k}", v) for m in (bind, numbers, relations, sums) for k, v in vars(m).items()
            if isinstance(v, Sieved)]


SIEVED = _sieved()


@pytest.mark.parametrize("name,sieved", SIEVED, ids=[n for n, _ in SIEVED])
def test_a_sieved_pattern_finds_what_its_pattern_finds(name, sieved):
    assert sieved.hint is not None  # it does skip texts
    for text in corpus():
        t = fold(text)
        for s in split_sentences(t, X.ends_with_term):
            for a in range(s.start, s.end, 7):
                assert [m.span() for m in sieved.finditer(t, a, s.end)] == [m.span() for m in sieved.rx.finditer(t, a, s.end)]
                assert bool(sieved.search(t, a, s.end)) == bool(sieved.rx.search(t, a, s.end))
                assert bool(sieved.match(t, a, s.end)) == bool(sieved.rx.match(t, a, s.end))


@given(texts)
@settings(max_examples=300, deadline=None)
def test_sieved_patterns_as_their_patterns(text):
    t = fold(text)
    for _, sieved in SIEVED:
        for a in range(0, len(t) + 1, 3):
            assert [m.span() for m in sieved.finditer(t, a)] == [m.span() for m in sieved.rx.finditer(t, a)]
            assert sieved.possible(t, a) or sieved.rx.search(t, a) is None


# ------------------------------------------------------------------------------ clauses and brackets


def ref_clause_start(t: str, lo: int, pos: int) -> int:
    i = pos
    while i > lo and t[i - 1] not in "，,：:、()；;":
        i -= 1
    return i


def ref_paren_depth(t: str, lo: int, pos: int) -> int:
    d = 0
    for c in t[lo:pos]:
        if c == "(":
            d += 1
        elif c == ")" and d:
            d -= 1
    return d


@given(texts, st.data())
@settings(max_examples=400, deadline=None)
def test_clause_start_and_paren_depth_as_before(text, data):
    t = fold(text)
    lo = data.draw(st.integers(0, len(t)))
    pos = data.draw(st.integers(lo, len(t)))
    assert B.clause_start(t, lo, pos) == ref_clause_start(t, lo, pos)
    assert B.paren_depth(t, lo, pos) == ref_paren_depth(t, lo, pos)


# ------------------------------------------------------------------------------ the tables' values


class RefFacts:
    """The tables' values as they were read before: all of them, when the check starts."""

    def __init__(self, facts):
        from perfxl.core.text.facts import _number, count_items

        d = facts.dept
        self._dept = {k: _number(k, v) for k, v in d.items() if k not in ("departments", "subunits")}
        for key, source in (("departments_count", "departments"), ("subunits_count", "subunits")):
            if self._dept.get(key) is None and d.get(source) is not None:
                n = count_items(d.get(source))
                self._dept[key] = None if n is None else Decimal(n)
        g = self._dept.get
        put = self._dept.__setitem__
        if g("assets_total") is not None and g("liabilities_total") is not None:
            put("net_assets", g("assets_total") - g("liabilities_total"))
        if g("final_income_total") is not None and g("budget_income_total") is not None:
            put("final_income_increase", g("final_income_total") - g("budget_income_total"))
        whole = g("final_expense_total")
        for p in ("basic", "project", "personnel", "public"):
            if whole and g(f"final_{p}") is not None:
                put(f"final_{p}_share", g(f"final_{p}") / whole)


def _all_table_facts():
    from perfxl.core.text import TableFacts

    out = [ET.table_facts(d) for d in mk.departments()]
    # blanks, zeros and text where numbers are expected, and counts from the lists
    out.append(TableFacts({"assets_total": "", "liabilities_total": Decimal(3), "final_expense_total": 0,
                           "final_basic": "12万元", "departments": "办公室、财务股", "subunits": "无",
                           "departments_count": None, "net_assets": Decimal(5), "year": "2022"}))
    out.append(TableFacts({"final_expense_total": "100", "final_project": 40.5, "final_income_total": True,
                           "budget_income_total": Decimal(9), "subunits_count": 3, "subunits": "甲、乙"}))
    return out


def test_the_tables_values_read_when_asked_as_before():
    from perfxl.core.text.facts import Facts

    keys = set(X.LABELS) | set(X.KIND) | {"year", "unit_name", "departments", "subunits", "nonexistent"}
    for facts in _all_table_facts():
        ref = RefFacts(facts)
        keys |= set(facts.dept)
        for order in (sorted(keys), sorted(keys, reverse=True)):
            lazy = Facts(facts)
            for key in order:
                assert repr(lazy.dept(key)) == repr(ref._dept.get(key)), key


# ------------------------------------------------------------------------------ structure readers


def _corpus_pieces() -> list[str]:
    return sorted({p for text in corpus() for p in re.split(r"(?<=[。；，\n])", text) if p.strip()})


PIECES = _corpus_pieces()
# texts made of pieces of the corpus' sentences (cut after 。；， and line breaks) and loose words
mixed = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(WORDS + OTHER + list(PUNCT))),
                 min_size=1, max_size=12).map("".join)
SECTIONS = ["text_final", "text_budget", "text_overall", "text_procurement", "goal_actual", "text_staffing"]


def _analyses(cells, names=("道路养护项目", "学生资助项目")):
    from perfxl.core.text.analyze import analyze

    return repr([analyze(c, names, 2022) for c in cells])


def _same_with_every_reader_everywhere(cells):
    from perfxl.core.text import structures as S
    from perfxl.core.text import sums

    fast = _analyses(cells)
    saved = S._CHANGE_CUES, S._PRODUCT_CUES, S._SUM_CUES, sums._TOTAL_CUES
    try:
        S._CHANGE_CUES = S._PRODUCT_CUES = S._SUM_CUES = sums._TOTAL_CUES = re.compile("")
        assert _analyses(cells) == fast
    finally:
        S._CHANGE_CUES, S._PRODUCT_CUES, S._SUM_CUES, sums._TOTAL_CUES = saved


@given(st.lists(st.tuples(st.sampled_from(SECTIONS), mixed), min_size=1, max_size=4))
@settings(max_examples=300, deadline=None)
def test_structure_readers_skipped_only_where_they_find_nothing(texts_by_section):
    from perfxl.core.text import TextCell

    _same_with_every_reader_everywhere(
        [TextCell("报告正文", f"B{3 + i}", key, text) for i, (key, text) in enumerate(texts_by_section)])


def test_structure_readers_skipped_only_where_they_find_nothing_on_the_corpus():
    for d in mk.departments():
        _same_with_every_reader_everywhere(ET.text_cells(d))


# ------------------------------------------------------------------------------ phases


def ref_phase_at(t: str, lo: int, pos: int, spans):
    best, phase = -1, None
    for rx, name in ((B._BUDGET_MARK, "budget"), (B._FINAL_MARK, "final")):
        for m in rx.finditer(t, lo, pos):
            if any(x <= m.start() < y for x, y in spans):
                continue
            if m.end() > best:
                best, phase = m.end(), name
    return phase


PHASE_WORDS = ["年初预算", "预算数", "预算安排", "年初", "批复", "预算", "执行", "绩效", "管理", "编制", "单位", "决算",
               "执行数", "实际支出", "全年支出", "实际", "全年", "数", "安排", "较", "比", "上年", "，"]


@given(st.lists(st.sampled_from(PHASE_WORDS + ["12", "万元", "支出"]), max_size=16).map("".join), st.data())
@settings(max_examples=500, deadline=None)
def test_phase_at_as_before(t, data):
    lo = data.draw(st.integers(0, len(t)))
    pos = data.draw(st.integers(lo, len(t)))
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(t)), st.integers(0, 4)).map(lambda p: (p[0], p[0] + p[1])),
                               max_size=3))
    assert B.phase_at(t, lo, pos, spans) == ref_phase_at(t, lo, pos, spans)
    assert B.has_phase_words(t, lo, pos) == (ref_phase_at(t, lo, pos, []) is not None)


def test_phase_at_as_before_on_the_corpus():
    for text in corpus():
        t = fold(text)
        marks = B.mask_marks(t)
        for s in split_sentences(t, X.ends_with_term):
            masks = B.masked(t, s, X.find_terms(t, s.start, s.end), marks)
            for pos in range(s.start, s.end + 1):
                assert B.phase_at(t, s.start, pos, masks) == ref_phase_at(t, s.start, pos, masks)
