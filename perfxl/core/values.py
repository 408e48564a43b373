"""Reading what people type into cells (RULES.md §3).

Every reader takes a raw cell value — ``None``, ``str``, ``int``, ``float``, ``bool``,
``datetime``/``date``, ``Decimal`` or :class:`ErrorValue` — and returns a value, ``None`` for a blank
cell, or :class:`Bad` with a Chinese sentence saying why the cell could not be read. Readers never
raise on data and never guess: text with words around a number that we do not understand is ``Bad``.

Limits (far beyond any real table; see :data:`MAX_TEXT_CHARS`, :data:`MAX_DIGITS`,
:data:`MAX_MAGNITUDE_EXP`, :data:`MIN_MAGNITUDE_EXP`): a text longer than 1,000 characters, a number
with more than 30 digits, a number of magnitude 10^15 or more, or a non-zero number smaller than
10^-100 is ``Bad`` at once, with a Chinese reason. So every reader runs in time linear in its input
(nothing longer than the limit is parsed at all) and returns only finite numbers that the scoring
and rounding arithmetic can carry; a zero is never negative.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from perfxl.core.findings import fmt
from perfxl.core.money import D


@dataclass(frozen=True, slots=True)
class ErrorValue:
    """An Excel error value in a cell, e.g. ``ErrorValue("#DIV/0!")``."""

    code: str

    def __str__(self) -> str:
        return self.code


class FormulaWithoutValue(str):
    """A formula cell whose file has no saved result (written by a program that does not calculate):
    the formula text, never read as a value."""


@dataclass(frozen=True, slots=True)
class Bad:
    """A cell that could not be read; ``reason`` is a Chinese sentence for the finding."""

    reason: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its canonical unit (None when none was typed). ``%`` keeps 95 for "95%"."""

    value: Decimal
    unit: str | None = None

    def __str__(self) -> str:
        return f"{fmt(self.value)}{self.unit or ''}"


@dataclass(frozen=True, slots=True)
class Target:
    """A parsed 年度指标值.

    kind: "forward" (≥, 不低于, a bare number …), "reverse" (≤, 不超过, 控制在…以内 …),
    "equal" (=, 等于), "qualitative" (a phrase or a deadline; see ``phrase``) or
    "not-applicable" (不适用). ``text`` is the original text of the cell.
    """

    kind: str
    quantity: Quantity | None = None
    phrase: str = ""
    text: str = ""

    def __str__(self) -> str:
        return self.text or self.phrase or str(self.quantity or "")


Raw = object  # what a cell may hold

# --------------------------------------------------------------------------- limits

MAX_TEXT_CHARS = 1000
"""A cell text longer than this is not parsed (a figure, a target or a short phrase is a few dozen
characters; a paragraph typed into a figure cell is reported, not read)."""
MAX_DIGITS = 30
"""A number with more digits than this is not a figure anyone typed (the largest budgets have 12–13
digits with their decimals; a float from Excel has at most 17 significant digits)."""
MAX_MAGNITUDE_EXP = 15
"""|number| ≥ 10^15 is refused: 10^15 万元 is ten thousand times the world's GDP, and no count,
share or score comes near it; so derived ratios and sums stay well inside float range."""
MIN_MAGNITUDE_EXP = -100
"""A non-zero |number| < 10^-100 is refused (the float noise of an Excel formula is ~10^-17), so a
ratio of two readable numbers is always below 10^115, finite as a float."""
_CACHE_CHARS = 256  # only short texts are memoised (the cache must not hold long texts)


def _clip(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _shown(value: Decimal) -> str:
    return f"{value:.6g}" if abs(value.adjusted()) > 12 else fmt(value)


def bounded(value: Decimal, what: str = "数字") -> Decimal | Bad:
    """``value`` itself when it is a finite number within the limits (a zero made positive),
    else :class:`Bad` with the reason."""
    if not value.is_finite():
        return Bad(f"单元格的数值无效（{value}），不是{what}")
    if value.is_zero():
        return value.copy_abs()
    digits = len(value.as_tuple().digits)
    if digits > MAX_DIGITS:  # trailing zeros are not significant: 1.000…0 (40 zeros) is 1
        digits = len(bytes(value.as_tuple().digits).rstrip(b"\0"))
    if digits > MAX_DIGITS:
        return Bad(f"数字位数过多（{digits} 位有效数字，最多 {MAX_DIGITS} 位），不是可处理的{what}")
    if value.adjusted() >= MAX_MAGNITUDE_EXP:
        return Bad(f"数值过大（{_shown(value)}），超出可处理范围（绝对值须小于 10^{MAX_MAGNITUDE_EXP}），请检查{what}")
    if value.adjusted() < MIN_MAGNITUDE_EXP:
        return Bad(f"数值过小（{_shown(value)}），超出可处理范围（非零数值的绝对值须不小于 10^{MIN_MAGNITUDE_EXP}）；"
                   f"如应为 0，请填 0")
    return value


_INT_LIMIT = 10**MAX_MAGNITUDE_EXP


def read_plain_number(raw: int | float | Decimal, what: str) -> Decimal | Bad:
    """A raw numeric cell value (already known not to be bool, NaN or infinite) within the limits."""
    if isinstance(raw, int):
        if -_INT_LIMIT < raw < _INT_LIMIT:
            return Decimal(int(raw))
        digits = int(abs(raw).bit_length() * 0.30103) + 1  # no str(): a huge int is slow to print
        return Bad(f"数值过大（约 {digits} 位整数），超出可处理范围（绝对值须小于 10^{MAX_MAGNITUDE_EXP}），请检查{what}")
    if isinstance(raw, float) and (raw == 0 or 1e-100 <= abs(raw) < 1e15):
        return Decimal(repr(float(raw) + 0.0))  # + 0.0: never a negative zero
    return bounded(D(raw), what)


def _too_long(text: str, what: str) -> Bad | None:
    if len(text) > MAX_TEXT_CHARS:
        return Bad(f"内容过长（{len(text)} 个字符，最多 {MAX_TEXT_CHARS} 个），无法识别为{what}：“{_clip(text.strip())}”")
    return None

# --------------------------------------------------------------------------- text

_BLANK_MARKERS = frozenset(
    {"", "无", "—", "——", "———", "-", "--", "–", "/", "//", "\\", "空", "无。", "暂无", "null", "none"}
)
_NA_MARKERS = frozenset({"不适用", "n/a", "na", "不涉及"})

_SYMBOLS = (
    ("≧", "≥"), ("≦", "≤"), (">=", "≥"), ("=>", "≥"), ("<=", "≤"), ("=<", "≤"),
    ("〉", ">"), ("〈", "<"), ("﹥", ">"), ("﹤", "<"), ("﹦", "="), ("＝", "="),
)


def normalize_text(s: object) -> str:
    """NFKC (full-width digits, letters, ％ ， （ → ASCII), ≥/≤ spellings unified, spaces collapsed."""
    text = unicodedata.normalize("NFKC", str(s))
    for old, new in _SYMBOLS:
        text = text.replace(old, new)
    return re.sub(r"\s+", " ", text).strip()


def _compact(s: str) -> str:
    """Normalized text without spaces and without trailing punctuation (for matching)."""
    return _compact_cached(s) if type(s) is str and len(s) <= _CACHE_CHARS else _compact_text(s)


def _compact_text(s: object) -> str:
    return normalize_text(s).replace(" ", "").rstrip("。.;；,")


_compact_cached = functools.lru_cache(maxsize=8192)(_compact_text)


def is_blank(raw: Raw) -> bool:
    """None, "", whitespace and the placeholders people type for "nothing": 无 — - / 空 …

    ``不适用`` is not blank (see :func:`is_not_applicable`); an :class:`ErrorValue` is not blank.
    """
    if raw is None:
        return True
    if not isinstance(raw, str):
        return False
    return _compact(raw).lower() in _BLANK_MARKERS


def is_not_applicable(raw: Raw) -> bool:
    """"不适用", "N/A" (and "不涉及"): the indicator is left out and the total rescaled."""
    return isinstance(raw, str) and _compact(raw).lower() in _NA_MARKERS


# --------------------------------------------------------------------------- units

_CANONICAL_UNITS = (
    "万元", "元", "%", "个", "次", "人", "人次", "天", "日", "月", "年", "项", "件", "台", "套", "篇",
    "份", "场", "户", "家", "所", "平方米", "公里", "亩", "吨",
    # a few obvious more
    "千元", "亿元", "起", "例", "名", "位", "辆", "座", "处", "条", "批", "册", "本", "期", "小时",
    "周", "季度", "工作日", "米", "公顷", "立方米", "百分点", "户次", "株", "棵", "头", "只", "所次",
    "‰", "千瓦", "千瓦时", "度", "km", "家次", "课时", "学时", "门", "节", "班", "届", "栋", "间",
)
_UNIT_ALIASES = {
    **{u: u for u in _CANONICAL_UNITS},
    "百分比": "%", "百分率": "%", "个百分点": "百分点", "㎡": "平方米", "m2": "平方米", "平米": "平方米",
    "平方": "平方米", "千米": "公里", "km": "公里", "个月": "月", "个工作日": "工作日", "个小时": "小时",
    "个季度": "季度", "人/次": "人次", "t": "吨", "m3": "立方米", "kwh": "千瓦时", "m": "米",
    "家企业": "家", "个项目": "项", "个村": "个", "周年": "年", "次数": "次", "元整": "元",
}
_MONEY_FACTORS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(10) ** 8}
_COUNT_UNITS = frozenset({"人", "人次", "个", "名", "位", "户", "家", "所", "项", "件", "次", "户次", "家次"})
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_NUM_UNIT = re.compile(
    rf"(?P<s1>[+-]?)(?P<cur>人民币|¥|\$|RMB)?(?P<s2>[+-]?)(?P<num>{_NUM})(?P<unit>(?:[^\d]|(?<=m)[23])*)", re.IGNORECASE
)


def canonical_unit(text: str) -> str | None:
    """The canonical spelling of a unit ("百分比"→"%", "㎡"→"平方米", "元/人"), None if unknown."""
    t = text.strip().lower() if text.isascii() else text.strip()
    if t in _UNIT_ALIASES:
        return _UNIT_ALIASES[t]
    if "/" in t and t.count("/") == 1:
        num, den = t.split("/")
        cn, cd = canonical_unit(num), canonical_unit(den)
        if cn and cd and "/" not in cn + cd:
            return f"{cn}/{cd}"
    return None


def unit_factor(unit: str | None) -> tuple[str, Decimal] | None:
    """(dimension, factor) for converting between units of one dimension; None for no unit.

    元/千元/万元/亿元 share the dimension "money" (factor in 元); 天 and 日 are the same; other units
    are their own dimension with factor 1. Compound units convert by their numerator.
    """
    if unit is None:
        return None
    if "/" in unit:
        num, den = unit.split("/", 1)
        dim, factor = unit_factor(num) or (num, Decimal(1))
        return f"{dim}/{den}", factor
    if unit in _MONEY_FACTORS:
        return "money", _MONEY_FACTORS[unit]
    if unit in ("天", "日"):
        return "day", Decimal(1)
    return unit, Decimal(1)


def convert(quantity: Quantity, unit: str | None) -> Decimal | Bad:
    """``quantity`` in ``unit`` (元 ↔ 万元, 天 = 日 …); a plain number is taken as already in ``unit``;
    Bad when the units measure different things."""
    if quantity.unit is None or quantity.unit == unit:
        return quantity.value
    have, want = unit_factor(quantity.unit), unit_factor(unit)
    if have is None or want is None or have[0] != want[0]:
        return Bad(f"单位为{quantity.unit}，不能换算为{unit}")
    return quantity.value * have[1] / want[1]


def _split(text: str) -> tuple[Decimal | Bad, str, bool] | None:
    """("34万元") → (34, "万元", False); "￥1,200" → (1200, "", True); None when not number+unit.

    A number with more than :data:`MAX_DIGITS` digits comes back as a :class:`Bad` value."""
    m = _NUM_UNIT.fullmatch(text)
    if not m or (m["s1"] and m["s2"]):
        return None
    num = m["num"].replace(",", "")
    digits = len(num) - num.count(".")
    if digits > MAX_DIGITS:
        value: Decimal | Bad = Bad(f"数字位数过多（{digits} 位，最多 {MAX_DIGITS} 位），不是可处理的数字：“{_clip(text)}”")
    else:
        value = Decimal(num)
        if "-" in (m["s1"] + m["s2"]):
            value = -value
    return value, m["unit"], bool(m["cur"])


def _not_a_number(text: str) -> Bad:
    return Bad(f"无法识别为数字：“{text}”")


def cell_kind_bad(raw: Raw, what: str) -> Bad | None:
    """A Bad for raw cell types that can never be ``what``; None if raw may be readable."""
    if raw is None:
        return None
    if isinstance(raw, ErrorValue):
        return Bad(f"单元格为错误值 {raw.code}")
    if isinstance(raw, bool):
        return Bad(f"单元格为逻辑值 {'TRUE' if raw else 'FALSE'}，不是{what}")
    if isinstance(raw, (datetime, date)):
        return Bad(f"单元格为日期 {raw.isoformat()[:10]}，不是{what}")
    if isinstance(raw, float) and (raw != raw or raw in (float("inf"), float("-inf"))):
        return Bad(f"单元格的数值无效（{raw}），不是{what}")
    if not isinstance(raw, (str, int, float, Decimal)):
        return Bad(f"无法识别的单元格内容（{type(raw).__name__}），不是{what}")
    if isinstance(raw, Decimal) and not raw.is_finite():
        return Bad(f"单元格的数值无效（{raw}），不是{what}")
    return None


def _quantity_from_text(text: str) -> Quantity | Bad:
    if (long := _too_long(text, "数量")) is not None:
        return long
    t = _compact(text)
    parts = _split(t)
    if parts is None:
        if not re.search(r"\d", t):
            return _not_a_number(text.strip())
        return Bad(f"无法识别为数量：“{text.strip()}”")
    value, unit_text, currency = parts
    if isinstance(value, Bad):
        return value
    value = bounded(value, "数量")
    if isinstance(value, Bad):
        return value
    if unit_text == "":
        return Quantity(value, "元" if currency else None)
    unit = canonical_unit(unit_text)
    if unit is None and unit_text.startswith("万") and len(unit_text) > 1:  # 1.2万人次
        inner = canonical_unit(unit_text[1:])
        if inner and inner not in _MONEY_FACTORS and inner != "%":
            scaled = bounded(value * 10000, "数量")
            return scaled if isinstance(scaled, Bad) else Quantity(scaled, inner)
    if unit is None:
        return Bad(f"无法识别的单位“{unit_text}”：“{text.strip()}”")
    if currency and unit_factor(unit)[0] != "money":
        return Bad(f"货币符号与单位“{unit}”矛盾：“{text.strip()}”")
    return Quantity(value, unit)


# --------------------------------------------------------------------------- readers


def read_quantity(raw: Raw) -> Quantity | None | Bad:
    """A number with an optional unit: 34 → 34; "34万元" → 34 万元; "95%" → 95 %; "1.2万人次" → 12000 人次."""
    if (bad := cell_kind_bad(raw, "数量")) is not None:
        return bad
    if is_blank(raw):
        return None
    if isinstance(raw, str):
        return _quantity_from_text(raw)
    value = read_plain_number(raw, "数量")
    return value if isinstance(value, Bad) else Quantity(value, None)


def read_amount(raw: Raw, unit: str = "万元") -> Decimal | None | Bad:
    """An amount in ``unit`` (万元 by default; "元" reads into 元). Numbers are taken as ``unit``.

    "34万元", "34 万元", "３４万元", "1,234.5" (in ``unit``), "1,234.5元" (→ 0.12345 万元), "￥1,200"
    (元). Negative amounts are allowed. Percentages, other units and words are ``Bad``.
    """
    if raw is None:
        return None
    kind = type(raw)
    if unit in _MONEY_FACTORS:  # the common case: a plain number
        if kind is int and -10**MAX_MAGNITUDE_EXP < raw < 10**MAX_MAGNITUDE_EXP:
            return Decimal(raw)
        if kind is float and (raw == 0 or 1e-100 <= abs(raw) < 1e15):
            return Decimal(repr(raw + 0.0))
    if unit not in _MONEY_FACTORS:
        raise ValueError(f"不支持的金额单位：{unit}")
    if (bad := cell_kind_bad(raw, "金额")) is not None:
        return bad
    if is_blank(raw):
        return None
    if not isinstance(raw, str):
        return read_plain_number(raw, "金额")
    if (long := _too_long(raw, "金额")) is not None:
        return long
    t = _compact(raw)
    parts = _split(t)
    if parts is None:
        return Bad(f"无法识别为金额：“{raw.strip()}”") if re.search(r"\d", t) else _not_a_number(raw.strip())
    value, unit_text, currency = parts
    if isinstance(value, Bad):
        return value
    if unit_text in ("万", "亿"):
        unit_text += "元"
    typed = canonical_unit(unit_text) if unit_text else ("元" if currency else unit)
    if typed == "%":
        return Bad(f"金额不能是百分数：“{raw.strip()}”")
    if typed not in _MONEY_FACTORS:
        return Bad(f"无法识别为金额（单位“{unit_text}”）：“{raw.strip()}”")
    value = bounded(value, "金额")
    if isinstance(value, Bad):
        return value
    return bounded(value * _MONEY_FACTORS[typed] / _MONEY_FACTORS[unit], "金额")


def read_rate(raw: Raw) -> Decimal | None | Bad:
    """A rate as a FRACTION. Numbers pass through (a %-formatted 0.8904 shows 89.04%);
    text "89.04%", "８９.０４％", "100百分比" is divided by 100; bare text "0.5" stays 0.5."""
    if (bad := cell_kind_bad(raw, "比率")) is not None:
        return bad
    if is_blank(raw):
        return None
    if not isinstance(raw, str):
        return read_plain_number(raw, "比率")
    quantity = _quantity_from_text(raw)
    if isinstance(quantity, Bad):
        return quantity
    if quantity.unit is None:
        return quantity.value
    if quantity.unit == "%":
        return bounded(quantity.value / 100, "比率")
    if quantity.unit == "‰":
        return bounded(quantity.value / 1000, "比率")
    return Bad(f"无法识别为百分比（单位“{quantity.unit}”）：“{raw.strip()}”")


def read_int(raw: Raw) -> int | None | Bad:
    """A head count or other whole number: 31, "31", "31人" → 31."""
    quantity = read_quantity(raw)
    if quantity is None or isinstance(quantity, Bad):
        return quantity
    if quantity.unit is not None and quantity.unit not in _COUNT_UNITS:
        return Bad(f"无法识别为人数或个数（单位“{quantity.unit}”）：“{raw}”")
    if quantity.value != quantity.value.to_integral_value():
        return Bad(f"应为整数：“{raw}”")
    return int(quantity.value)


# --------------------------------------------------------------------------- targets

_FORWARD_PREFIXES = (
    "大于或等于", "大于等于", "高于或等于", "不低于", "不少于", "不小于", "不得低于", "不得少于",
    "达到", "至少", "大于", "超过", "高于", "多于", "完成", "实现", "≥", ">", "达",
)
_REVERSE_PREFIXES = (
    "小于或等于", "小于等于", "不高于", "不超过", "不大于", "不多于", "不超出", "不得超过", "不得高于",
    "控制在", "低于", "小于", "少于", "最多", "至多", "≤", "<",
)
_EQUAL_PREFIXES = ("等于", "==", "=")
_FORWARD_SUFFIXES = ("及以上", "或以上", "以上")
_REVERSE_SUFFIXES = ("及以下", "或以下", "以下", "以内", "之内", "内")
_PREFIXES = sorted(
    [(p, "forward") for p in _FORWARD_PREFIXES]
    + [(p, "reverse") for p in _REVERSE_PREFIXES]
    + [(p, "equal") for p in _EQUAL_PREFIXES],
    key=lambda pair: -len(pair[0]),
)
_SUFFIXES = sorted(
    [(s, "forward") for s in _FORWARD_SUFFIXES] + [(s, "reverse") for s in _REVERSE_SUFFIXES],
    key=lambda pair: -len(pair[0]),
)
_SYMBOL_OPS = {"≥": "forward", ">": "forward", "≤": "reverse", "<": "reverse", "=": "equal"}

_DATE = r"(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?|\d{1,2}月(?:\d{1,2}[日号])?|\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?)"
_DEADLINE = re.compile(
    _DATE + r"(?:(?:底|末|初|上旬|中旬|下旬|份)(?:之前|以前|前|内|止)?|之前|以前|前|之内|以内|内|止|截止|完成|完工|到位|办结)"
)
_FULL_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
_RANGE = re.compile(rf"(?<![\d.,])(?:{_NUM})[^\d]{{0,4}}(?:-|~|至|到|—)(?:{_NUM})")  # look-behind: linear
_CN_NUMBER = re.compile(r"[零〇一二三四五六七八九十百千万亿两点]+[^\u4e00-\u9fff]{0,2}.{0,3}$")
_ZERO = re.compile(r"(?:零|0+(?:\.0+)?)(?P<noun>[\u4e00-\u9fff]{1,8})")


def _zero_phrase(t: str) -> Quantity | None:
    """"0投诉", "零事故", "0起" → Quantity(0, unit or None)."""
    m = _ZERO.fullmatch(t)
    if not m:
        return None
    return Quantity(Decimal(0), canonical_unit(m["noun"]))


def _date_phrase(raw: date) -> str:
    return raw.isoformat()[:10]


def _strip_direction(t: str) -> tuple[str | None, str, str] | Bad:
    """Split an operator prefix/suffix off: ("forward", "95%", label) etc.; kind None if none."""
    label = ""
    m = re.fullmatch(r"(?P<label>[^\d≥≤<>=]+?)(?P<rest>[≥≤<>=].*)", t)
    if m and not any(m["label"].endswith(p) for p, _ in _PREFIXES):
        label, t = m["label"], m["rest"]  # "合格率≥95%": a label before an explicit symbol
    kinds = []
    for prefix, kind in _PREFIXES:
        if t.startswith(prefix):
            kinds.append(kind)
            t = t[len(prefix):]
            break
    for suffix, kind in _SUFFIXES:
        if t.endswith(suffix) and len(t) > len(suffix):
            kinds.append(kind)
            t = t[: -len(suffix)]
            break
    if len(set(kinds)) > 1:
        return Bad("指标值的方向自相矛盾")
    return (kinds[0] if kinds else None), t, label


def parse_target(raw: Raw) -> Target | None | Bad:
    """Parse a 年度指标值 into a :class:`Target`; blank → None; unreadable → :class:`Bad`.

    "≥95%" → forward 95 %; "34万元"/"100%" (bare) → forward; "≤90万元", "控制在5%以内" → reverse;
    "=100%" → equal; "0投诉"/"≤0"/"=0起" → zero targets (reverse/equal 0); "达成预期指标",
    "12月底之前完成" → qualitative; "不适用" → not-applicable.
    """
    if isinstance(raw, (datetime, date)) and not isinstance(raw, bool):
        phrase = _date_phrase(raw)
        return Target("qualitative", phrase=phrase, text=phrase)
    if (bad := cell_kind_bad(raw, "指标值")) is not None:
        return bad
    if is_blank(raw):
        return None
    if not isinstance(raw, str):
        value = read_plain_number(raw, "指标值")
        if isinstance(value, Bad):
            return value
        return Target("reverse" if value == 0 else "forward", Quantity(value, None), text=fmt(value))
    if (long := _too_long(raw, "指标值")) is not None:
        return long
    text = raw.strip()
    if is_not_applicable(raw):
        return Target("not-applicable", text=text)
    t = _compact(raw)
    if (zero := _zero_phrase(t)) is not None:
        return Target("reverse", zero, phrase=t.lstrip("零0."), text=text)
    if not re.search(r"\d", t):
        split = _strip_direction(t)
        if t[0] in _SYMBOL_OPS or (not isinstance(split, Bad) and split[0] and _CN_NUMBER.match(split[1])):
            return Bad(f"无法识别为数字：“{text}”")
        return Target("qualitative", phrase=normalize_text(raw).rstrip("。."), text=text)
    if _DEADLINE.search(t) or _FULL_DATE.fullmatch(t):
        return Target("qualitative", phrase=normalize_text(raw).rstrip("。."), text=text)
    if _RANGE.search(t):
        return Bad(f"指标值为区间，无法自动判断计分方向：“{text}”")
    split = _strip_direction(t)
    if isinstance(split, Bad):
        return Bad(f"{split.reason}：“{text}”")
    kind, rest, label = split
    zero = _zero_phrase(rest) if kind else None
    quantity = zero or _quantity_from_text(rest)
    if isinstance(quantity, Bad):
        return Bad(f"无法识别指标值：“{text}”")
    if kind is None:
        kind = "reverse" if quantity.value == 0 else "forward"
    return Target(kind, quantity, phrase=label, text=text)


_ACTUAL_PREFIXES = ("完成", "达到", "实现", "共计", "合计", "累计", "共", "达", "为")


def parse_actual(raw: Raw) -> Quantity | str | None | Bad:
    """A 实际完成值: a :class:`Quantity`, a qualitative phrase (normalized str), or None when blank.

    "96%" → 96 %; "完成34万元" → 34 万元; "零投诉" → 0; "已完成", "12月底前完成" → the phrase.
    """
    if isinstance(raw, (datetime, date)) and not isinstance(raw, bool):
        return _date_phrase(raw)
    if (bad := cell_kind_bad(raw, "实际完成值")) is not None:
        return bad
    if is_blank(raw):
        return None
    if not isinstance(raw, str):
        value = read_plain_number(raw, "实际完成值")
        return value if isinstance(value, Bad) else Quantity(value, None)
    if (long := _too_long(raw, "实际完成值")) is not None:
        return long
    t = _compact(raw)
    if (zero := _zero_phrase(t)) is not None:
        return zero
    quantity = _quantity_from_text(t)
    if isinstance(quantity, Quantity):
        return quantity
    for prefix in _ACTUAL_PREFIXES:
        if t.startswith(prefix) and isinstance(q := _quantity_from_text(t[len(prefix):]), Quantity):
            return q
    return normalize_text(raw).rstrip("。.")


# --------------------------------------------------------------------------- phrases

_FULL_EXACT = frozenset({"是", "好", "优", "有", "达标", "合格", "满意", "完成", "达到", "按时", "及时", "到位", "良好", "优秀"})
_PARTIAL_EXACT = frozenset({"一般", "部分", "基本"})
_POOR_EXACT = frozenset({"否", "差", "较差", "很差", "未", "没有"})
_POOR_MARKERS = (
    "未达成", "未完成", "未达到", "未达标", "未实现", "未按时", "未到位", "没有完成", "没有达到", "不满意",
    "不合格", "不达标", "不到位", "不及时", "不明显", "效果较差", "效果差", "较差", "无效", "失败", "滞后",
)
_PARTIAL_MARKERS = (
    "部分达成", "部分完成", "部分实现", "部分达到", "基本完成", "基本达成", "基本实现", "基本达到", "基本满意",
    "基本到位", "基本按时", "基本合格", "有一定效果", "一定效果", "效果一般", "一般", "部分", "有待",
)
_FULL_MARKERS = (
    "达成", "完成", "达到", "实现", "满意", "明显", "显著", "良好", "优秀", "合格", "达标", "到位", "按时",
    "及时", "提升", "提高", "改善", "增强", "有效", "保障", "正常运转", "较好",
)


def qualitative_level(phrase: object) -> str | None:
    """"full" (达成预期指标, 完成, 满意, 效果明显 …), "partial" (部分达成, 基本完成, 效果一般 …),
    "poor" (未达成, 未完成, 不满意, 效果较差, 否 …) or None when the phrase is not understood."""
    if not isinstance(phrase, str) or len(phrase) > MAX_TEXT_CHARS:
        return None
    t = _compact(phrase)
    if not t:
        return None
    if t in _POOR_EXACT:
        return "poor"
    if t in _PARTIAL_EXACT:
        return "partial"
    if t in _FULL_EXACT:
        return "full"
    if any(m in t for m in _POOR_MARKERS):
        return "poor"
    if any(m in t for m in _PARTIAL_MARKERS):
        return "partial"
    if any(m in t for m in _FULL_MARKERS):
        return "full"
    return None


# the look-behinds make each search linear: a number is only tried from its first digit
_CAP_PAREN = re.compile(r"\((\d{1,12}(?:\.\d{1,12})?)分\)")
_CAP_BARE = re.compile(r"(?<![\d.])(\d{1,12}(?:\.\d{1,12})?)分")


def parse_cap(text: object) -> Decimal | None:
    """The cap in a 一级 header: "产出指标(50分)", "产出\\n指标\\n(50分)", "效益指标（30分）" → 50/30."""
    if not isinstance(text, str) or len(text) > MAX_TEXT_CHARS:
        return None
    t = normalize_text(text).replace(" ", "")
    m = _CAP_PAREN.search(t) or _CAP_BARE.search(t)
    return Decimal(m.group(1)) if m else None


# --------------------------------------------------------------------------- memoised text parsing
# The same few texts ("≥95%", "100%", "完成") recur in every indicator and every PERF_SCORE call; their
# parses are immutable (frozen dataclasses, str, None), so text inputs are parsed once.
from functools import lru_cache as _lru_cache  # noqa: E402

_parse_target_uncached = parse_target
_parse_actual_uncached = parse_actual
_target_cached = _lru_cache(maxsize=4096)(_parse_target_uncached)
_actual_cached = _lru_cache(maxsize=4096)(_parse_actual_uncached)


def parse_target(raw: Raw) -> Target | None | Bad:  # noqa: F811
    if type(raw) is str and len(raw) <= _CACHE_CHARS:
        return _target_cached(raw)
    return _parse_target_uncached(raw)


def parse_actual(raw: Raw) -> Quantity | str | None | Bad:  # noqa: F811
    if type(raw) is str and len(raw) <= _CACHE_CHARS:
        return _actual_cached(raw)
    return _parse_actual_uncached(raw)


parse_target.__doc__ = _parse_target_uncached.__doc__
parse_actual.__doc__ = _parse_actual_uncached.__doc__
