"""End to end through the real reader: the corpus written as workbooks by tools/make_examples.py (into a
temporary folder), read back by perfxl.io.extract, checked by the text family of the evaluation — the same
findings as from the example data itself (line breaks, 元 figures and all survive the workbook)."""
from __future__ import annotations

from collections import Counter

import examples_text as ET
import make_examples as mk
import pytest

from perfxl.core.checks import text
from perfxl.core.evaluate import evaluate
from perfxl.io.extract import load

PICK = ("衡山县科技和工业信息化局-2022.xlsx", "衡山县民政局-2022.xlsx", "衡山县司法局-2022.xlsx",
        "衡山县统计局-2022.xlsx", "衡山县第一中学-2022.xlsx", "衡山县文化旅游广电体育局-2022.xlsx",
        "衡山县自然资源局-2022.xlsx")


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    out = tmp_path_factory.mktemp("text-examples")
    by_file = {d.file: d for d in mk.departments()}
    for name in PICK:
        mk.save(mk.write_department(by_file[name]), out / name)
    return out


@pytest.mark.parametrize("name", PICK)
def test_same_findings_from_the_workbook(books, name):
    dept = {d.file: d for d in mk.departments()}[name]
    expected = Counter((f.code, f.where.sheet, f.where.cell)
                       for f in ET.check_texts(dept.file, ET.text_cells(dept), ET.table_facts(dept)))
    got = Counter((f.code, f.where.sheet, f.where.cell) for f in text.check(evaluate(load(books / name))))
    assert got == expected
    if name == PICK[0]:
        assert sum(got.values()) == 3
