"""The figures stated in a report's prose, and their checks (RULES.md §6, N1a–N1g). Standard library only.

Public interface::

    TextCell(sheet, cell, key, text)         # one narrative cell; key: text_staffing … text_other,
                                             # goal_expected, goal_actual, reason, exec_reason, final_reason
    TableFacts(dept, projects)               # the tables: dept values by layout key (None = not stated),
    ProjectFacts(sheet, name, values, caps)  # a project's values by layout key, caps: 一级 name → cap
    extract_claims(cell) -> list[Claim]      # the figures a cell states, bound to fields / arithmetic roles
    check_texts(file, cells, facts) -> list[Finding]   # N1a–N1g findings (family "text")

and, to write figure sentences that the checks accept, :mod:`perfxl.core.text.compose`.

How a text is read: it is cut into sentences (。！？； and line breaks, offsets kept); every figure is
read with its unit and printed precision (元/万元/亿元 are converted to 万元, percentages to fractions);
a figure is bound to a field by the budget term right before it in its clause (lexicon.py), the phase
words of its sentence (年初预算 vs 决算) and the section it comes from; the sentence's arithmetic
(其中 lists, 合计, 占…的, 较预算增加, 按每人每月 x 元, counted lists, weights notes) is recorded
as structures. Precision first: unbound figures are never checked; figures about a plan, last year,
another year, another unit or another project, and approximate ones, are never compared with the
tables; an ambiguous binding gives at most an info; a structure that fails only because of a figure
already reported is not reported again. Tolerance is the printed precision (RULES.md §4).

A finding's ``expected``/``actual`` are Decimals (amounts in 万元, rates as fractions, counts and
scores as numbers); a grade finding carries the grades as text.
"""
from __future__ import annotations

from .check import check_texts, extract_claims
from .codes import CODES
from .model import Claim, ProjectFacts, TableFacts, TextCell

__all__ = ["CODES", "Claim", "ProjectFacts", "TableFacts", "TextCell", "check_texts", "extract_claims"]
