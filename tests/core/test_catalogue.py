"""The finding catalogue: every code declared once, by one family, with a complete entry; every code the
examples produce is declared; docs/findings.md is the catalogue as it stands."""
import importlib
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import perfxl.core
from perfxl.core import catalogue as cat
from perfxl.core.findings import Code, Family, Severity, Where, catalogue, families, family_of
from perfxl.docs import DOCS, codes_markdown

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "workbooks" / "examples"


def test_every_code_is_complete():
    codes = catalogue()
    assert len(codes) >= 50
    for c in codes:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", c.code), c.code
        assert isinstance(c.severity, Severity)
        assert re.fullmatch(r"[A-Z]\d+[a-z]?|§\d", c.rule), (c.code, c.rule)
        assert c.description and c.fix, c.code
        fields = {name: "x" for name in c.placeholders}
        c.template.format(**fields)  # a well-formed template


def test_each_code_belongs_to_exactly_one_family():
    seen = {}
    for fam in families():
        for c in fam:
            assert c.code not in seen, f"{c.code} in {seen.get(c.code)} and {fam.name}"
            seen[c.code] = fam.name
    assert {c.code for c in catalogue()} == set(seen)
    with pytest.raises(ValueError):
        Family("another", "另一个", Code("fund-total-mismatch", Severity.ERROR, "F1", "x", "y", "z"))


def test_every_declaring_module_is_listed():
    """A module that declares a Family is imported by the catalogue, so its codes cannot be missed."""
    declaring = set()
    for info in pkgutil.walk_packages(perfxl.core.__path__, "perfxl.core."):
        module = importlib.import_module(info.name)
        declaring |= {v.module for v in vars(module).values() if isinstance(v, Family)}
    assert {m.removeprefix("perfxl.core.") for m in declaring} == set(cat.DECLARING_MODULES)


def test_a_family_emits_only_its_codes_with_exactly_its_fields():
    fam = next(f for f in families() if f.name == "funds")
    with pytest.raises(KeyError):
        fam("share-mismatch", Where())
    with pytest.raises(TypeError):
        fam("exec-reason-missing", Where(), rate="80%")  # {below} missing
    with pytest.raises(TypeError):
        fam("exec-reason-missing", Where(), rate="80%", below="90%", extra="x")


def _emitted(tmp_path) -> set[str]:
    import perfxl

    codes = set()
    for p in sorted(EXAMPLES.glob("*.xlsx")):
        codes |= {f.code for f in perfxl.check(p).findings}
    s = perfxl.consolidate([EXAMPLES, EXAMPLES / "衡山县教育局-2022.xlsx", tmp_path / "missing.xlsx"], jobs=1)
    codes |= {r.code for r in s.rows("findings")}
    return codes


def test_every_code_the_examples_produce_is_declared(tmp_path):
    emitted = _emitted(tmp_path)
    assert {"workbook-unusable", "share-mismatch", "exec-not-computable"} <= emitted
    assert emitted <= {c.code for c in catalogue()}


def test_codes_command_json_lists_the_catalogue():
    res = subprocess.run([sys.executable, "-m", "perfxl", "codes", "--format", "json"], capture_output=True,
                         text=True, cwd=ROOT, timeout=60)
    rows = json.loads(res.stdout)
    assert [r["code"] for r in rows] == [c.code for c in catalogue()]
    assert all(r["family"] == family_of(r["code"]) and r["description"] and r["fix"] for r in rows)


def test_the_reference_page_is_current():
    page = (DOCS / "findings.md").read_text(encoding="utf-8")
    assert page == codes_markdown(), "docs/findings.md is stale: run `python -m perfxl.docs`"
    for c in catalogue():
        assert f"`{c.code}`" in page
