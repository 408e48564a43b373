"""N1g: a weights note in the text equals the 一级 caps printed in the table headers."""
from __future__ import annotations

from decimal import Decimal

import pytest
from tests.core.text.textkit import cell, check, codes, facts, project

D = Decimal


@pytest.mark.parametrize("text, expected", [
    ("本项目绩效指标分值为：产出指标50分、效益指标30分、满意度指标10分。", []),
    ("本项目绩效指标分值为：预算执行率10分、产出指标50分、效益指标30分、满意度指标10分。", []),
    ("产出指标(50分)、效益指标(30分)、满意度指标(10分)。", []),
    ("本项目绩效指标分值为：产出指标60分、效益指标30分、满意度指标10分。", [("text-weights-mismatch", "F10")]),
    ("本项目绩效指标分值为：产出指标60分、效益指标20分、满意度指标10分。",
     [("text-weights-mismatch", "F10"), ("text-weights-mismatch", "F10")]),
    ("预算执行率20分。", [("text-weights-mismatch", "F10")]),
    ("产出指标得分45分，效益指标得分28分。", []),  # scores, not weights
])
def test_weights_note(text, expected):
    assert codes(cell("goal_actual", text), facts([project(exec_weight="10")])) == expected


def test_a_department_text_is_held_to_the_caps_all_projects_share():
    note = cell("text_overall", "项目自评按产出指标40分、效益指标30分、满意度指标10分设置分值。")
    same = facts([project("甲项目", "项目自评表"), project("乙项目", "项目自评表(2)")])
    assert codes(note, same) == [("text-weights-mismatch", "B9")]
    differ = facts([project("甲项目", "项目自评表"),
                    project("乙项目", "项目自评表(2)", caps={"产出指标": D(60), "效益指标": D(30)})])
    assert codes(note, differ) == []  # which project's? not checked


def test_the_weights_message():
    [f] = check(cell("goal_actual", "产出指标40分。"), facts([project()]))
    assert (f.rule, f.expected, f.actual) == ("N1g", D(50), D(40))
    assert f.message.endswith("产出指标写为 40 分，项目自评表表头为 50 分，相差 10 分。")
