"""Worksheet functions (UDFs) for Excel via xlwings: =PERF_SCORE(), =PERF_EXEC_RATE(), …

Each function takes what users type, calls the same core functions as every other door (so the
sheet and the checker agree by construction) and returns a float or a string. Bad input returns a
short Chinese message starting with "#perfxl:"; nothing here raises into Excel. Off Windows the
xlwings decorators leave plain functions, which is how the tests call them.

The scoring policy is the calling workbook's (``caller``: xlwings passes the calling range to a parameter
of that name, and it is not part of the function's signature in Excel), else the user's, else the
national defaults (``perfxl.excel.policy``) — as for every other door.

Import stays light: xlwings and perfxl.core only (Excel starts a Python process for UDF calls).
"""
from __future__ import annotations

import functools
import math
from decimal import Decimal

import xlwings as xw

from perfxl.core.scoring import exec_rate_of, exec_score_of, grade, indicator_score, read_number
from perfxl.core.values import Bad, ErrorValue, canonical_unit, convert, read_amount, read_quantity
from perfxl.io.workbook import EXCEL_ERRORS

PREFIX = "#perfxl: "
CATEGORY = "perfxl"
_MONEY_UNITS = ("元", "千元", "万元", "亿元")


def _message(text: str) -> str:
    text = " ".join(text.split())  # one line in the cell, whatever the quoted input held
    text = text if len(text) <= 120 else text[:119] + "…"
    return PREFIX + text


def _cell(value: object) -> object:
    """What xlwings passes → what the core readers take (Excel error strings become ErrorValue)."""
    if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
        return ErrorValue(value.strip().upper())
    return value


def _shown(value: object) -> str:
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = "" if value is None else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _number(value: Decimal) -> float | str:
    """What Excel gets: a finite float, never −0; a message if the value has no float."""
    result = float(value) + 0.0  # + 0.0: −0.0 becomes 0.0
    if not math.isfinite(result):
        return _message(f"结果超出 Excel 的数值范围（{value:.6g}），请检查填写的数值")
    return result


def _answer(value: Decimal | Bad | None, empty: str = "单元格为空") -> float | str:
    """A core result as what a cell shows: a finite number, or a "#perfxl:" sentence."""
    if isinstance(value, Bad):
        return _message(value.reason)
    if value is None:
        return _message(empty)
    return _number(value)


def _policy(caller):
    from .policy import policy_for

    return policy_for(caller)


def _never_raise(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except Exception as exc:  # a UDF must answer, never crash the cell; no Python message in the sheet
            return _message(f"内部错误（{type(exc).__name__}），请把所填内容反馈给 perfxl 维护者")

    return wrapper


@xw.func(category=CATEGORY)
@xw.arg("target", doc="年度指标值，如 ≥95%、≤90万元、=100%、34万元、完成、满意")
@xw.arg("actual", doc="实际完成值，如 96%、34万元、已完成、基本满意")
@xw.arg("weight", doc="该指标的分值，如 10")
@_never_raise
def PERF_SCORE(target=None, actual=None, weight=None, caller=None):
    """按预算绩效自评规则计算三级指标得分：正向指标达标得满分、未达标按实际/指标计分；反向指标按指标/实际计分；定性指标按达成、部分达成、未达成三档计分。不适用返回“不适用”，无法计分时返回说明。"""
    result = indicator_score(_cell(target), _cell(actual), _cell(weight), _policy(caller))
    if result.method == "not-applicable":
        return "不适用"
    return _message(result.note) if result.score is None else _number(result.score)


@xw.func(category=CATEGORY)
@xw.arg("budget", doc="全年预算数（万元），可写 34、34万元、340000元")
@xw.arg("executed", doc="全年执行数（万元），可写 30、30万元")
@_never_raise
def PERF_EXEC_RATE(budget=None, executed=None):
    """预算执行率 = 全年执行数 ÷ 全年预算数，返回小数（设置为百分比格式显示）。预算数为 0 或为空时返回说明，不会出现除零错误。"""
    return _answer(exec_rate_of(_cell(budget), _cell(executed)))


@xw.func(category=CATEGORY)
@xw.arg("budget", doc="全年预算数（万元）")
@xw.arg("executed", doc="全年执行数（万元）")
@xw.arg("weight", doc="预算执行率的分值，通常为 10")
@_never_raise
def PERF_EXEC_SCORE(budget=None, executed=None, weight=None, caller=None):
    """预算执行得分 = 分值 × 执行率（执行率超过 100% 按 100% 计），保留两位小数（四舍五入）。"""
    return _answer(exec_score_of(_cell(budget), _cell(executed), _cell(weight), _policy(caller)))


@xw.func(category=CATEGORY)
@xw.arg("total", doc="自评总分，如 88 或 88.5")
@_never_raise
def PERF_GRADE(total=None, caller=None):
    """按评分设置的分数线评定等级（国家默认：90 分（含）以上为优，80（含）至 90 分为良，60（含）至 80 分为中，60 分以下为差）。总分先按两位小数四舍五入。"""
    value = read_number(_cell(total))
    if isinstance(value, Bad):
        return _message(f"无法识别总分“{_shown(total)}”：{value.reason}")
    if value is None:
        return _message("缺少总分")
    return grade(value, _policy(caller))


@xw.func(category=CATEGORY)
@xw.arg("text", doc="填写的内容，如 34万元、１２０元、1,234.5、95%")
@xw.arg("unit", doc="换算成的单位，默认“万元”；也可写 元、人次、% 等")
@_never_raise
def PERF_VALUE(text=None, unit="万元"):
    """把填写的文字读成数字：34万元 → 34；１２０元（单位万元）→ 0.012；1,234.5 → 1234.5。金额在元与万元之间自动换算；无法识别时返回说明。"""
    unit_name = "万元" if unit is None or str(unit).strip() == "" else str(unit).strip()
    if unit_name in _MONEY_UNITS:
        return _answer(read_amount(_cell(text), unit_name))
    wanted = canonical_unit(unit_name)
    if wanted is None:
        return _message(f"无法识别的单位“{unit_name}”")
    quantity = read_quantity(_cell(text))
    if quantity is None or isinstance(quantity, Bad):
        return _answer(quantity)
    converted = convert(quantity, wanted)
    return _message(f"“{_shown(text)}”的{converted.reason}") if isinstance(converted, Bad) else _number(converted)


__all__ = ["PERF_SCORE", "PERF_EXEC_RATE", "PERF_EXEC_SCORE", "PERF_GRADE", "PERF_VALUE"]
