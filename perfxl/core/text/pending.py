"""Shared by the structure readers: structures pending over drafts, the concepts' hierarchy, brackets."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import bind as B

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


def matching(t: str, j: int) -> int:
    depth = 0
    for i in range(j, len(t)):
        if t[i] == "(":
            depth += 1
        elif t[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return len(t)


def drop_parens(text: str) -> str:
    while True:
        out = re.sub(r"\([^()]*\)", "", text)
        if out == text:
            return out
        text = out
