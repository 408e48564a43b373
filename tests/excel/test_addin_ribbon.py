"""Ribbon XML and its VBA callbacks agree; callbacks call the fixed perfxl.excel.ribbon actions."""

from __future__ import annotations

import re
from pathlib import Path

from defusedxml import ElementTree as ET

MACROS = Path(__file__).resolve().parents[2] / "macros"
NS = "{http://schemas.microsoft.com/office/2009/07/customui}"
ACTIONS = {
    "OnCompute": "compute", "OnValidate": "validate", "OnClearMarks": "clear_marks",
    "OnAddProject": "add_project", "OnReport": "report", "OnConsolidate": "consolidate", "OnNewTemplate": "new_template",
    "OnShowHelp": "show_help",
}


def ribbon_subs() -> dict[str, str]:
    text = (MACROS / "Ribbon.bas").read_text(encoding="ascii")
    subs = re.findall(r'^Sub (\w+)\(control As IRibbonControl\)\r?\n(?:\s+(?:If NoWorkbook\(\) Then Exit Sub|EnsureWorkbook)\r?\n)?\s+RunPython "([^"]*)"\r?\nEnd Sub', text, re.M)
    return dict(subs)


def test_bas_is_ascii_crlf_and_named():
    raw = (MACROS / "Ribbon.bas").read_bytes()
    assert raw.isascii()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert raw.startswith(b'Attribute VB_Name = "perfxlRibbon"\r\n')


def test_every_action_has_its_callback():
    assert ribbon_subs() == {
        sub: f"import perfxl.excel.ribbon as r; r.{action}()" for sub, action in ACTIONS.items()
    }


def test_every_on_action_has_a_sub():
    root = ET.parse(MACROS / "customUI14.xml").getroot()
    assert root.tag == NS + "customUI"
    tabs = root.findall(f"{NS}ribbon/{NS}tabs/{NS}tab")
    assert [t.get("label") for t in tabs] == ["绩效自评"]
    buttons = list(root.iter(NS + "button"))
    on_actions = [b.get("onAction") for b in buttons]
    assert sorted(on_actions) == sorted(f"perfxlRibbon.{s}" for s in ACTIONS)
    subs = ribbon_subs()
    for action in on_actions:
        module, sub = action.split(".")
        assert module == "perfxlRibbon" and sub in subs
    for b in buttons:
        assert b.get("imageMso") and b.get("screentip") and b.get("label")
        assert not b.get("label").isascii()  # Chinese labels


def test_group_layout():
    root = ET.parse(MACROS / "customUI14.xml").getroot()
    groups = {
        g.get("label"): [b.get("label") for b in g.iter(NS + "button")] for g in root.iter(NS + "group")
    }
    assert groups == {
        "自评表": ["计算", "校验", "清除标记", "新增项目表", "生成报告"],
        "汇总": ["汇总", "新建模板"],
        "帮助": ["帮助"],
    }


def test_ids_unique():
    root = ET.parse(MACROS / "customUI14.xml").getroot()
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
