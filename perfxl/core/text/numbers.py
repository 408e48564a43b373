"""Sentences and the figures in them, with character offsets into the original text.

``fold`` maps full-width digits, letters and signs to ASCII one character for one character, so an
offset into the folded text is an offset into the original. ``split_sentences`` cuts at 。！？；
and at line breaks (a line break inside a figure, as in "净资产\\n\\n-39.88万元", does not cut);
``find_numbers`` reads every figure of a sentence: amounts (元 / 千元 / 万元 / 亿元, converted to
万元), percentages, percentage points, counts (个 项 人 家 所 名 处 …, also 三个 / 两个), scores (分)
and other quantities, each with its printed precision.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from .quick import Sieved

_FOLD = {0xFF10 + i: ord("0") + i for i in range(10)}
_FOLD.update({0xFF21 + i: ord("A") + i for i in range(26)})
_FOLD.update({0xFF41 + i: ord("a") + i for i in range(26)})
_FOLD.update({0xFF05: "%", 0xFF0E: ".", 0xFF0B: "+", 0xFF0D: "-", 0x2212: "-", 0xFE63: "-", 0x2010: "-",
              0xFF08: "(", 0xFF09: ")", 0x3000: " ", 0xFF0F: "/", 0x00A0: " "})


_FOLD_CHAR = {chr(k): v if isinstance(v, str) else chr(v) for k, v in _FOLD.items()}
_FOLDABLE = re.compile("[" + "".join(map(re.escape, _FOLD_CHAR)) + "]")


def fold(text: str) -> str:
    """Full-width digits, letters, ％ ． － （ ） and the minus sign to ASCII; same length as ``text``."""
    # what str.translate(_FOLD) gives, ≈ 8× faster: most texts hold no such character, the others few
    if _FOLDABLE.search(text) is None:
        return text
    return _FOLDABLE.sub(lambda m: _FOLD_CHAR[m.group()], text)


# ------------------------------------------------------------------------------------- sentences


class Sentence(NamedTuple):  # (a record made for every sentence: a named tuple is built fastest)
    start: int  # offsets into the cell text, whitespace trimmed
    end: int
    period: int  # index of the 。-level sentence; pieces cut at ； share it
    line: int  # index of the line (paragraph) it starts in


_STOP = "。！？!?"
_SEMI = "；;"
_JOIN_AFTER = "，,、：:(（"
# a stop with the closing quotes after it, or a line break with the blank space after it (\s is str.isspace)
_BREAK = re.compile("[" + re.escape(_STOP + _SEMI) + "][”’\"')）]*|[\n\r]\\s*")
_FIGURE_HEAD = re.compile(r"-?\d")


def split_sentences(text: str, joins_number=lambda before: False) -> list[Sentence]:
    """Sentences of ``text``. A line break is no boundary after ， 、 ： （, nor when the next line starts
    with a figure and ``joins_number(text before the break)`` says the line ended on a term."""
    out: list[Sentence] = []
    t = fold(text)
    start, period, line, n = 0, 0, 0, len(t)

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

    for m in _BREAK.finditer(t):  # only the stops and line breaks matter; the scan resumes after each
        i, j = m.span()
        c = t[i]
        if c != "\n" and c != "\r":
            close(j, c in _STOP)  # a closing quote after the stop belongs to the sentence
            continue
        before = t[start:i].rstrip()
        after = t[j:j + 2]
        joined = before and (before[-1] in _JOIN_AFTER or (
            _FIGURE_HEAD.match(after) is not None and joins_number(before)))
        if not joined:
            close(i, True)
            line += 1
            start = j
    close(n, True)
    return out


# ------------------------------------------------------------------------------------- figures


class Number(NamedTuple):
    """One figure as printed (a named tuple: one is made for every figure of every sentence). ``value``: amounts in 万元, percentages as fractions, else as printed.
    ``quantum``: one unit of the last printed digit, in the unit of ``value`` (4601万元 → 1, 4601.00万元
    → 0.01, 39,300元 → 0.0001, 89% → 0.01)."""

    kind: str  # amount percent points count score quantity year date plain
    value: Decimal
    quantum: Decimal
    places: int
    unit: str
    start: int
    end: int
    noun: str = ""  # what a count counts: "股室" in "9个股室"
    approx: bool = False  # 约 / 余 / 多 / 以上 / 左右 …


_MONEY = {"元": Decimal(1) / 10000, "千元": Decimal("0.1"), "万元": Decimal(1), "亿元": Decimal(10000),
          "万": Decimal(1), "亿": Decimal(10000)}
_COUNT_UNITS = ("人次", "户次", "个", "项", "人", "家", "所", "名", "处", "户", "件", "次", "位", "辆", "台",
                "套", "场", "篇", "份", "座", "条", "批", "册", "期", "间", "栋", "类", "只", "支", "村")
_OTHER_UNITS = ("个月", "个工作日", "平方米", "立方米", "公里", "千米", "公顷", "亩", "米", "吨", "天", "日",
                "月", "年度", "年", "周", "小时", "课时", "学时", "岁", "千瓦", "册")
_UNITS = sorted(("亿元", "万元", "千元", "元", "亿", "万", "%", "‰", "个百分点", "百分点", "分",
                 *_COUNT_UNITS, *_OTHER_UNITS), key=len, reverse=True)
_NUMBER = re.compile(  # (?=[-\d]): a figure starts with a sign or a digit (a quick test at each position)
    r"(?=[-\d])(?<![0-9A-Za-z.])(?P<sign>-)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<ws>[ \t]*)(?P<approx>余|多)?(?P<unit>" + "|".join(map(re.escape, _UNITS)) + ")?"
)
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_COUNT = Sieved(r"(?<![第一二两三四五六七八九十百千万零〇统唯同单])(?P<cn>[一二两三四五六七八九十]{1,3})"
                   r"(?P<unit>个|项|家|所|名|处|位|人)", hint="[一二两三四五六七八九十][个项家所名处位人]")
_NOT_SCORE = "别钟析类配期批项成局值级管布解为担摊工红散包部校院会队公中站数层段享"
_NOUN = re.compile(r"[\u4e00-\u9fff]{1,10}")
_NOUN_CUT = re.compile(r"[的和及与共其另、，。；：（(]")
_APPROX_BEFORE = re.compile(r"(?:约|大约|近|逾|超过|将近|接近|不足|不到|不少于|不低于|不超过|至少|最多|以上的|≥|≤|>|<)\s*$")
_APPROX_AFTER = re.compile(r"\s*(?:以上|以下|以内|左右|上下|之多|多万|余万|内)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def cn_number(text: str) -> int | None:
    """"三" → 3, "十二" → 12, "二十" → 20, "两" → 2; None for anything else."""
    if not text:
        return None
    if "十" not in text:
        return _CN_DIGITS.get(text) if len(text) == 1 else None
    head, _, tail = text.partition("十")
    tens = 1 if head == "" else _CN_DIGITS.get(head)
    ones = 0 if tail == "" else _CN_DIGITS.get(tail)
    if tens is None or ones is None or len(head) > 1 or len(tail) > 1:
        return None
    return tens * 10 + ones


def _noun_after(t: str, end: int) -> str:
    m = _NOUN.match(t, end)
    if not m:
        return ""
    noun = m.group()
    cut = _NOUN_CUT.search(noun)
    return noun[: cut.start()] if cut else noun


def _ordinal(t: str, a: int, b: int, unit: str | None) -> bool:
    """"1、" "2." "（3）" "第4" at the head of an item are numbering, not figures (``a``–``b``: the digits)."""
    c = t[b:b + 1]  # ("" at the end of the text, which counts as a closing bracket)
    if c == "、" or c in ")）" or (c == "." and not t[b + 1:b + 2].isdigit()):
        return unit is None
    return a > 0 and t[a - 1] == "第"


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Every figure in ``text[start:end]``, offsets into ``text``."""
    return numbers_in(fold(text), start, end)


def numbers_in(t: str, start: int = 0, end: int | None = None) -> list[Number]:
    """``find_numbers`` on a text already folded (a cell is folded once, not once per sentence)."""
    end = len(t) if end is None else end
    out: list[Number] = []
    for m in _NUMBER.finditer(t, start, end):
        n = _reading(t, m)
        if n is not None:
            out.append(n)
    cn = _CN_COUNT.search(t, start, end)
    if cn is None:  # (a figure in Chinese digits is rare)
        return out
    for m in _CN_COUNT.finditer(t, start, end):
        value = cn_number(m["cn"])
        if value is not None:
            unit = m["unit"]
            out.append(Number("count", Decimal(value), _ONE, 0, unit, m.start(), m.end(),
                              _noun_after(t, m.end())))
    out.sort(key=_start)
    return out


def _start(n: Number) -> int:
    return n.start


_ONE = Decimal(1)
_QUANTUM: dict[tuple[int, str], Decimal] = {}


def _quantum(places: int, unit: str = "") -> Decimal:
    """One unit of the last of ``places`` printed decimals in the unit of the value: "万元" (× 1), "元"
    (× 0.0001), "%" (÷ 100), "万+" (× 10000, 1.2万人次) …; computed once for each (places, unit)."""
    q = _QUANTUM.get((places, unit))
    if q is None:
        q = _ONE.scaleb(-places)
        if unit in _MONEY:
            q = q * _MONEY[unit]
        elif unit == "万+":
            q = q * 10000
        elif unit in ("%", "‰"):
            q = q / (Decimal(100) if unit == "%" else Decimal(1000))
        elif unit == "points":
            q = q / 100
        _QUANTUM[(places, unit)] = q
    return q


def _reading(t: str, m: re.Match) -> Number | None:
    """One figure read from its match (None: an item's number, "1、", not a figure)."""
    a, stop = m.span()
    sign, num, _, approx_mark, unit = m.groups()
    if _ordinal(t, a, m.end(2), unit):
        return None
    raw = num.replace(",", "") if "," in num else num
    value = Decimal(raw)
    places = len(raw.partition(".")[2])
    if sign:
        value = -value
    unit = unit or ""
    approx = bool(approx_mark) or _APPROX_BEFORE.search(t, max(0, a - 6), a) is not None \
        or _APPROX_AFTER.match(t, stop) is not None
    if unit in ("万", "亿"):
        nxt = t[stop:stop + 2]
        more = next((u for u in _UNITS if nxt.startswith(u) and u not in _MONEY and u != "%"), None)
        if more is not None:  # 1.2万人次, 3万亩: a quantity in ten-thousands
            v = value * (10000 if unit == "万" else 10 ** 8)
            return Number("count" if more in _COUNT_UNITS else "quantity", v, _quantum(places, "万+"),
                          places, unit + more, a, stop + len(more), _noun_after(t, stop + len(more)), approx)
    if unit in _MONEY:
        factor = _MONEY[unit]
        name = unit if unit.endswith("元") else unit + "元"
        return Number("amount", value * factor, _quantum(places, unit), places, name, a, stop,
                      approx=approx)
    if unit in ("%", "‰"):
        div = _HUNDRED if unit == "%" else _THOUSAND
        return Number("percent", value / div, _quantum(places, unit), places, unit, a, stop, approx=approx)
    if unit in ("个百分点", "百分点"):
        return Number("points", value / 100, _quantum(places, "points"), places, unit, a, stop, approx=approx)
    q = _quantum(places)
    if unit == "分":
        if t[stop:stop + 1] and t[stop] in _NOT_SCORE:
            return Number("plain", value, q, places, "", a, m.end(2))
        return Number("score", value, q, places, unit, a, stop, approx=approx)
    if unit in ("年", "年度") and places == 0 and _YEAR.match(raw) and not sign:
        return Number("year", value, q, 0, unit, a, stop)
    if unit in ("月", "日") and places == 0 and not sign:
        return Number("date", value, q, 0, unit, a, stop)
    if unit in _COUNT_UNITS:
        return Number("count", value, q, places, unit, a, stop, _noun_after(t, stop), approx)
    if unit:
        return Number("quantity", value, q, places, unit, a, stop, _noun_after(t, stop), approx)
    return Number("plain", value, q, places, "", a, m.end(2), approx=approx)


_HUNDRED, _THOUSAND = Decimal(100), Decimal(1000)
