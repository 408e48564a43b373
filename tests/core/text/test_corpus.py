"""The example corpus (tools/examples_text.py): clean departments raise no N1 error or warning; each
planted mistake raises exactly its finding, and nothing else is found."""
from __future__ import annotations

from collections import Counter

import examples_text as ET
import make_examples as mk
import pytest

from perfxl.core.text import check_texts

EXAMPLES = {ex.file: ex for ex in ET.TEXT_EXAMPLES}


def run(dept):
    return check_texts(dept.file, ET.text_cells(dept), ET.table_facts(dept))


@pytest.mark.parametrize("file", sorted(EXAMPLES))
def test_exactly_the_planted_findings(file):
    ex = EXAMPLES[file]
    got = Counter((file, f.where.sheet, f.where.cell, f.code) for f in run(ex.dept))
    assert got == Counter((file, p.sheet, p.cell, p.code) for p in ex.planted)


def test_the_corpus_covers_every_kind_of_claim():
    from perfxl.core.text import CODES

    rules = {CODES.codes[code].rule for *_, code in ET.EXPECTED_FINDINGS}
    assert rules == {"N1a", "N1b", "N1c", "N1d", "N1e", "N1f", "N1g"}
    assert sum(1 for ex in ET.TEXT_EXAMPLES if not ex.planted) >= 5
    assert sum(1 for ex in ET.TEXT_EXAMPLES if ex.planted) >= 10
    assert all(p.what and p.section for ex in ET.TEXT_EXAMPLES for p in ex.planted)


def test_the_corpus_is_registered_with_the_examples():
    files = [d.file for d in mk.departments()]
    assert set(EXAMPLES) <= set(files) and len(files) == len(set(files))


@pytest.mark.parametrize("make", [mk.agriculture, mk.archives], ids=["agriculture", "archives"])
def test_the_other_clean_examples_texts_are_clean(make):
    assert [f for f in run(make()) if f.severity.value != "info"] == []


def test_the_mistakes_example_repeats_two_table_mistakes_in_its_text():
    found = sorted((f.where.cell, f.code) for f in run(mk.education()))
    assert found == [("B5", "text-share-mismatch"), ("B6", "text-sum-mismatch")]
