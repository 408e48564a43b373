"""N1e and N1g structures: counted lists ("下设 A、B、C 3个股室", "直属单位2个，即 A、B") and weights notes."""
from __future__ import annotations

import re

from . import lexicon as X
from .model import ListOf
from .pending import Pending, matching

_INTRO_BEFORE = re.compile(r"下设|内设|设有|设立|下辖|管辖|下属|所属|包括|包含|共有|还有|另有|拥有|分别为|分别是|即")
_INTRO_AFTER = re.compile(r"^\s*[，,]?\s*(?:即|分别为|分别是|包括|包含)?\s*[:：]?\s*")
_UP_TO_CUT = re.compile(r".*[，,。；;：:]", re.S)  # greedy: up to the last clause mark
_DIGIT = re.compile(r"\d")
_JOINED = re.compile(r"以及|和|及|与")
_BODY_END = re.compile(r"[，,。；;\n(]")
_WEIGHT = re.compile(r"(?P<name>产出|效益|满意度|预算执行率?|预算执行情况)(?:指标)?(?:权重|分值|满分)?(?:为|占|是)?\s*"
                     r"\(?\s*$")


# ------------------------------------------------------------------------------ counted lists


def _items(text: str) -> tuple[list[str], bool, bool]:
    """(names split at 、, complete (no 等), whether the last name may be two joined by 和/及/与)."""
    text = text.strip().rstrip("。；;，,")
    complete = True
    if text.endswith("等等") or text.endswith("等"):
        complete, text = False, text.rstrip("等")
    items = [p.strip(" “”\"") for p in text.split("、")]
    last = _JOINED.split(items[-1]) if items else []
    joined = len(last) == 2 and all(len(x) >= 2 for x in last)
    return items, complete, joined


def find_lists(t, ds):
    out = []
    for d in ds:
        if d.kind != "count" or d.role:
            continue
        s = d.sentence
        # list, then count: 下设 A、B、C 9个股室
        cut = _UP_TO_CUT.match(t, s.start, d.start)
        seg = t[cut.end() if cut else s.start:d.start]
        m = _INTRO_BEFORE.search(seg)
        items, complete, joined = [], True, False
        if m and "、" in seg[m.end():]:
            items, complete, joined = _items(seg[m.end():])
        else:
            noun_end = d.end + len(d.number.noun)
            rest = t[noun_end:s.end]
            if rest.startswith("(") or rest.startswith("（"):
                close = matching(t, noun_end)
                items, complete, joined = _items(t[noun_end + 1:close])
            else:
                m2 = _INTRO_AFTER.match(rest)
                intro = m2.group().strip(" ，,") if m2 else ""
                if intro:
                    body = _BODY_END.split(rest[m2.end():])[0]
                    items, complete, joined = _items(body)
        if not items or any(not i or len(i) > 30 or _DIGIT.search(i) for i in items):
            continue
        if len(items) == 1 and d.number.value == 1:
            continue
        d.role = "count"
        out.append(Pending(ListOf, dict(count=d, items=items, complete=complete, joined=joined)))
    return out


# ------------------------------------------------------------------------------ weights notes


def find_weights(t, ds):
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
