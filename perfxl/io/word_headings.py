"""Headings of a 部门整体支出绩效自评报告: their numbering and the words that name a section.

Matching is on words, not on numbers: real reports number the same section 二、, （二）, 2. or not at
all, and word it "部门决算情况", "部门决算情况（含年中预算追加情况）" or "一般公共预算支出情况".
Standard library only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十"
_NUMBERING = (  # (pattern, level): 一、 / （一） / 1. 1、 / （1） 1） ①
    (re.compile(rf"^第[{_CN}]+[部章节分][分]?\s*"), 1),
    (re.compile(rf"^[{_CN}]+\s*[、.．，,]\s*"), 1),
    (re.compile(rf"^[（(]\s*[{_CN}]+\s*[）)]\s*[、.．]?\s*"), 2),
    (re.compile(r"^\d{1,2}\s*[、．]\s*|^\d{1,2}\.(?!\d)\s*"), 3),
    (re.compile(r"^[（(]\s*\d{1,2}\s*[）)]\s*[、.．]?\s*|^\d{1,2}\s*[)）]\s*"), 4),
    (re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩]\s*"), 4),
)
_SPACES = re.compile(r"[\s\u3000\xa0]+")
_QUOTES = str.maketrans({"“": "", "”": "", '"': "", "‘": "", "’": "", "'": "", "「": "", "」": ""})
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[）)]?$")  # "(仅对50万元以上的项目资…" / "（含年中预算追加情况）"
MAX_HEADING = 30  # characters: longer text is a sentence, not a heading

ANNEX = "annex"
DUTIES = "duties"
PROBLEMS_MEASURES = "problems_measures"


@dataclass(frozen=True)
class Match:
    key: str  # a 报告正文 key, DUTIES, PROBLEMS_MEASURES or ANNEX
    container: bool = False  # a chapter heading (一、单位基本情况): its key only takes text standing
    # directly under it, and numbered sub-headings below it are not "other"


# first match wins; the patterns run on the heading without numbering, spaces, quotes and end notes
_VOCABULARY = (
    (r"^附[件表]", ANNEX, False),
    (r"问题.*(措施|改进|建议|下一步|打算|整改|对策)", PROBLEMS_MEASURES, False),
    (r"(结果应用|公开情况|其他|其它)", "text_other", False),
    (r"问题", "text_problems", False),
    (r"(改进|整改|措施|下一步|打算|建议|对策|努力方向)", "text_measures", False),
    (r"(职责|职能)", DUTIES, False),
    (r"(人员|编制|机构设置|内设机构|机构情况|机构和人员)", "text_staffing", False),
    (r"三公", "text_sangong", False),
    (r"采购", "text_procurement", False),
    (r"资产", "text_assets", False),
    (r"(项目.*(绩效|目标|完成)|专项.*(绩效|资金))", "text_projects", False),
    (r"(整体|总体|绩效目标|自评结[论果]|评价结[论果]|绩效完成)", "text_overall", False),
    (r"(基本情况|概况)", "text_staffing", True),
    (r"(预决算|预算支出及|收支|预算执行及)", "text_budget", True),
    (r"(资金使用|绩效情况$)", "text_overall", True),
    (r"(决算|预算执行|支出情况|支出执行|基本支出|项目支出)", "text_final", False),
    (r"(预算|收入)", "text_budget", False),
)
_COMPILED = tuple((re.compile(p), k, c) for p, k, c in _VOCABULARY)
ORDER = ("container", DUTIES, *(
    "text_staffing", "text_budget", "text_final", "text_sangong", "text_procurement", "text_assets",
    "text_overall", "text_projects", PROBLEMS_MEASURES, "text_problems", "text_measures", "text_other"), ANNEX)

_PROBLEM_MARK = re.compile(r"^(存在的?主要问题|存在的?问题|主要问题|问题)(及原因)?\s*[：:]?\s*")
_MEASURE_MARK = re.compile(r"^(下一步(工作)?(改进)?(措施|打算|计划)?|改进措施|整改措施|改进建议|措施|建议)\s*[：:]?\s*")


def flat(text: str) -> str:
    """Without spaces (also full-width and no-break) and quotes: the form headings are compared in."""
    return _SPACES.sub("", text).translate(_QUOTES)


def numbering(text: str) -> tuple[int | None, str]:
    """(level, text after the number): 一、=1, （一）=2, 1. 1、=3, （1）=4; (None, text) if unnumbered."""
    stripped = text.strip().lstrip("\u3000")
    for pattern, level in _NUMBERING:
        m = pattern.match(stripped)
        if m and m.end() < len(stripped):
            return level, stripped[m.end():].strip()
    return None, stripped


def heading_words(text: str) -> str:
    """The words of a heading: no numbering, spaces, quotes, end note in brackets or final colon."""
    _level, rest = numbering(text)
    words = flat(rest).rstrip("：:。.")
    cut = _TRAILING_NOTE.sub("", words)
    return cut or words


def classify(text: str) -> Match | None:
    """The section a heading names, or None."""
    words = heading_words(text)
    if not words or len(words) > MAX_HEADING or is_caption(words) or "报告" in words:
        return None
    for pattern, key, container in _COMPILED:
        if pattern.search(words):
            return Match(key, container)
    return None


def rank(match: Match) -> int:
    """Position of a section in the usual order of a report (containers first)."""
    return ORDER.index(match.key) if not match.container else 0


def split_inline(text: str) -> tuple[str, str]:
    """"1.部门预算情况：2022年…" -> ("1.部门预算情况", "2022年…"); ("…", "") when no colon."""
    for sep in ("：", ":"):
        head, found, rest = text.partition(sep)
        if found and head.strip():
            return head.strip(), rest.strip()
    return text.strip(), ""


def marker(text: str) -> tuple[str | None, str]:
    """In a "问题及措施" chapter: "问题：…" -> ("text_problems", "…"); "措施：" -> ("text_measures", "")."""
    level, rest = numbering(text)
    if level is not None and level > 2:
        return None, text  # "1、…" is an item, not a marker
    plain = flat(rest)
    for pattern, key in ((_MEASURE_MARK, "text_measures"), (_PROBLEM_MARK, "text_problems")):
        m = pattern.match(plain)
        if not m:
            continue
        tail = plain[m.end():]
        colon = plain[m.end() - 1:m.end()] in ("：", ":")
        if colon or not tail:
            return key, _after_colon(rest) if colon else ""
    return None, text


def _after_colon(text: str) -> str:
    for sep in ("：", ":"):
        if sep in text:
            return text.split(sep, 1)[1].strip()
    return ""


def is_caption(text: str) -> bool:
    """"2022年度预算支出绩效自评表", "附表1 收支情况表": the caption of a table, not a heading."""
    words = flat(text).rstrip("：:")
    return len(words) <= 40 and words.endswith("表") and not words.startswith(("附件", "附表"))


def is_title(text: str) -> bool:
    words = flat(text)
    return "报告" in words and any(w in words for w in ("自评", "绩效", "评价")) and numbering(text)[0] is None


def strip_item_number(text: str) -> str:
    """"1、贯彻落实…" -> "贯彻落实…" (a list item's own number)."""
    level, rest = numbering(text)
    return rest if level is not None else text.strip()


def year_of(text: str) -> int | None:
    m = re.search(r"(20\d\d)\s*年", text)
    return int(m.group(1)) if m else None


def unit_of(lines: list[str], title: str) -> str:
    """The unit's name: "单位名称（盖章）：XX局", else what the title says before its year."""
    for line in lines:
        m = re.match(r"^\s*(填报)?单位(名称)?\s*([（(][^）)]*[）)])?\s*[：:]?\s*(.+)$", line)
        if m and m.group(4).strip():
            return m.group(4).strip()
    m = re.match(r"^(.+?)\s*20\d\d\s*年", title.strip())
    return m.group(1).strip() if m else ""
