"""The text checks give exactly the findings recorded in ``data/golden_findings.json``, which was written by
the code as it was before it was made faster (benchmarks/README_text.md). Every finding is compared in
full: code, sheet, cell, severity, message, expected and actual (with their types and exponents,
``Decimal('4601.00')`` is not ``Decimal('4601')``); and what ``analyze`` reads from every cell (claims and
structures) is compared by digest.

The inputs:

* ``workbook:``  every workbook in ``workbooks/examples/`` and ``tests/data/libreoffice/`` through the
  evaluation's text family (``perfxl.core.checks.text.check``), as a user gets them;
* ``corpus:``    every department of ``tools/make_examples.py`` / ``tools/examples_text.py`` straight from
  its data (``check_texts``);
* ``variant:``   the same departments with their texts mutated (digits changed, sentences taken from another
  department's same section), with a fixed seed, so that many more claims disagree and every kind of
  finding is raised in many places;
* ``composed:``  the sentences ``perfxl.core.text.compose`` writes from each department's tables, mutated;
* ``sentence:``  the sentences of the text tests (harvested once, frozen in the golden file) checked alone
  in three sections against the seed's tables;
* ``long:``      the seed's report repeated eight times with varied figures (≈ 10,000 characters).

To regenerate (only when a finding is *meant* to change, never to make this test pass)::

    /work/main/.venv/bin/python tests/core/text/test_same_findings.py --write
"""
from __future__ import annotations

import ast
import hashlib
import json
import random
import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
for _p in (str(ROOT), str(ROOT / "tools")):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import examples_text as ET  # noqa: E402
import make_examples as mk  # noqa: E402

from perfxl.core.text import ProjectFacts, TableFacts, TextCell, check_texts  # noqa: E402
from perfxl.core.text import compose as C  # noqa: E402
from perfxl.core.text.analyze import analyze  # noqa: E402

GOLDEN = Path(__file__).parent / "data" / "golden_findings.json"
WORKBOOK_DIRS = (ROOT / "workbooks" / "examples", ROOT / "tests" / "data" / "libreoffice")
SENTENCE_SECTIONS = (("报告正文", "B5", "text_final"), ("报告正文", "B9", "text_overall"),
                     ("项目自评表", "F10", "goal_actual"))


# ------------------------------------------------------------------------------ serialising


def _tag(x) -> str | None:
    return None if x is None else f"{type(x).__name__}:{x}"


def findings_of(findings) -> list[list]:
    return [[f.code, f.where.sheet, f.where.cell, f.severity.value, f.message,
             _tag(f.expected), _tag(f.actual)] for f in findings]


def digest(cells, facts: TableFacts) -> str:
    """What ``analyze`` reads from the cells, as check_texts reads them (project names, year)."""
    names = tuple(p.name for p in facts.projects if p.name)
    year = facts.dept.get("year")
    try:
        year = int(year) if year is not None else None
    except (TypeError, ValueError):
        year = None
    text = repr([analyze(c, names, year) for c in cells])
    return hashlib.sha256(text.encode()).hexdigest()[:24]


# ------------------------------------------------------------------------------ inputs


def _vary(text: str, rng: random.Random, p: float) -> str:
    """Each run of digits has one digit changed with probability ``p``."""
    def one(m):
        s = m.group()
        if rng.random() >= p:
            return s
        i = rng.randrange(len(s))
        return s[:i] + rng.choice("0123456789") + s[i + 1:]
    return re.sub(r"\d+", one, text)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。；])", text) if s.strip()]


def variant_cells(dept, others, v: int) -> list[TextCell]:
    rng = random.Random(f"{dept.file}:{v}")
    by_key: dict[str, list[str]] = {}
    for o in others:
        for c in ET.text_cells(o):
            by_key.setdefault(c.key, []).extend(_sentences(c.text))
    out = []
    for c in ET.text_cells(dept):
        text = _vary(c.text, rng, 0.25)
        pool = by_key.get(c.key) or []
        if pool and rng.random() < 0.4:
            pieces = _sentences(text)
            pieces.insert(rng.randrange(len(pieces) + 1), _vary(rng.choice(pool), rng, 0.1))
            text = "".join(pieces)
        out.append(TextCell(c.sheet, c.cell, c.key, text))
    return out


def _safe(write, *args) -> str:
    """A composed sentence, "" where the tables hold a value compose cannot write (a planted mistake)."""
    try:
        return write(*args)
    except (ArithmeticError, ValueError, TypeError):
        return ""


def composed_cells(facts: TableFacts, rng: random.Random) -> list[TextCell]:
    v = dict(facts.dept)
    texts = {"text_staffing": _safe(C.staffing_sentence, v, str(v.get("unit_name") or "")),
             "text_budget": _safe(C.budget_sentence, v), "text_final": _safe(C.final_sentence, v),
             "text_sangong": _safe(C.sangong_sentence, v), "text_procurement": _safe(C.procurement_sentence, v),
             "text_assets": _safe(C.assets_sentence, v), "text_overall": _safe(C.overall_sentence, v, "本单位"),
             "text_projects": "\n".join(_safe(C.project_sentence, p.name, p.values) for p in facts.projects)}
    cells = [TextCell("报告正文", f"B{3 + i}", k, _vary(t, rng, 0.15)) for i, (k, t) in enumerate(texts.items()) if t]
    for p in facts.projects:
        text = _safe(C.project_sentence, p.name, p.values) + _safe(C.weights_sentence, p.caps,
                                                                      p.values.get("exec_weight"))
        cells.append(TextCell(p.sheet, "F10", "goal_actual", _vary(text, rng, 0.15)))
    return cells


def long_cells(dept, copies: int = 8) -> list[TextCell]:
    """The department's texts, each repeated ``copies`` times (copies after the first with varied figures)."""
    rng = random.Random(f"long:{dept.file}")
    out = []
    for c in ET.text_cells(dept):
        parts = [c.text] + [_vary(c.text, rng, 0.3) for _ in range(copies - 1)]
        out.append(TextCell(c.sheet, c.cell, c.key, "\n".join(parts)))
    return out


def harvest_sentences() -> list[str]:
    """String literals of the text tests that hold a figure and Chinese (run once, by --write)."""
    found: list[str] = []
    here = Path(__file__).parent
    for path in sorted(here.glob("test_*.py")):
        if path.name == Path(__file__).name:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                s = node.value
                if 6 <= len(s) <= 600 and re.search(r"\d|[一二两三四五六七八九十]个", s) \
                        and re.search(r"[\u4e00-\u9fff]", s) and s not in found:
                    found.append(s)
    return found


def sentence_facts() -> TableFacts:
    seed = mk.seed()
    facts = ET.table_facts(seed)
    second = ProjectFacts("项目自评表(2)", "道路养护项目",
                          {"fund_total_initial": Decimal(50), "fund_total_full_year": Decimal("60.00"),
                           "fund_total_executed": Decimal("45.50"), "total_score": Decimal("89.70"), "grade": "良",
                           "exec_weight": Decimal(10)},
                          {"产出指标": Decimal(50), "效益指标": Decimal(30), "满意度指标": Decimal(10)})
    return TableFacts(facts.dept, (*facts.projects, second))


# ------------------------------------------------------------------------------ the runs


def _workbooks():
    from perfxl.core.checks import text
    from perfxl.core.checks.text import table_facts, text_cells
    from perfxl.core.evaluate import evaluate
    from perfxl.io.extract import load

    for folder in WORKBOOK_DIRS:
        for path in sorted(folder.glob("*.xlsx")):
            ev = evaluate(load(path, backend="calamine"))
            key = f"workbook:{folder.parent.name}/{folder.name}/{path.name}"
            yield key, lambda ev=ev: (list(text.check(ev)), digest(text_cells(ev), table_facts(ev)))


def _direct(cells, facts, file="测试局-2022.xlsx"):
    return lambda: (check_texts(file, cells, facts), digest(cells, facts))


def runs(sentences: list[str]):
    """(key, thunk) for every input; a thunk returns (findings, digest)."""
    yield from _workbooks()
    depts = mk.departments()
    for d in depts:
        yield f"corpus:{d.file}", _direct(ET.text_cells(d), ET.table_facts(d), d.file)
    for d in depts:
        others = [o for o in depts if o is not d]
        for v in range(3):
            yield f"variant:{d.file}:{v}", _direct(variant_cells(d, others, v), ET.table_facts(d), d.file)
    for d in depts:
        facts = ET.table_facts(d)
        for v in range(2):
            rng = random.Random(f"composed:{d.file}:{v}")
            yield f"composed:{d.file}:{v}", _direct(composed_cells(facts, rng), facts, d.file)
    facts = sentence_facts()
    for i, s in enumerate(sentences):
        for sheet, ref, key in SENTENCE_SECTIONS:
            yield f"sentence:{i}:{key}", _direct([TextCell(sheet, ref, key, s)], facts)
    seed = mk.seed()
    yield "long:seed:8", _direct(long_cells(seed, 8), ET.table_facts(seed), seed.file)


def collect(sentences: list[str]) -> dict:
    out = {}
    for key, thunk in runs(sentences):
        findings, dig = thunk()
        out[key] = {"findings": findings_of(findings), "analyses": dig}
    return out


def dumps(data: dict) -> str:
    """One line per run (a changed finding is a changed line in a diff)."""
    def one(x):
        return json.dumps(x, ensure_ascii=False, separators=(",", ":"))
    runs = ",\n".join(f"{one(k)}:{one(v)}" for k, v in sorted(data["runs"].items()))
    return '{"sentences":' + one(data["sentences"]) + ',\n"runs":{\n' + runs + "\n}}\n"


# ------------------------------------------------------------------------------ the test


@pytest.fixture(scope="module")
def golden():
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def now(golden):
    return collect(golden["sentences"])


def test_the_same_inputs(golden, now):
    assert sorted(now) == sorted(golden["runs"])


def test_the_same_findings(golden, now):
    differ = [k for k in golden["runs"] if now.get(k, {}).get("findings") != golden["runs"][k]["findings"]]
    assert differ == [], {k: (golden["runs"][k]["findings"], now.get(k, {}).get("findings")) for k in differ[:3]}


def test_the_same_claims_and_structures(golden, now):
    differ = [k for k in golden["runs"] if now.get(k, {}).get("analyses") != golden["runs"][k]["analyses"]]
    assert differ == []


def test_the_golden_file_covers_every_code():
    from perfxl.core.text import CODES

    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    seen = {f[0] for r in data["runs"].values() for f in r["findings"]}
    assert seen == set(CODES.codes)
    assert sum(len(r["findings"]) for r in data["runs"].values()) > 1000


if __name__ == "__main__":
    if "--write" not in sys.argv:
        sys.exit("usage: test_same_findings.py --write   (regenerates the golden file from this tree)")
    old = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else {}
    sentences = old.get("sentences") or harvest_sentences()
    GOLDEN.parent.mkdir(exist_ok=True)
    data = {"sentences": sentences, "runs": collect(sentences)}
    GOLDEN.write_text(dumps(data), encoding="utf-8")
    n = sum(len(r["findings"]) for r in data["runs"].values())
    codes = sorted({f[0] for r in data["runs"].values() for f in r["findings"]})
    print(f"{len(data['runs'])} runs, {n} findings, {len(sentences)} sentences, codes: {codes}")
