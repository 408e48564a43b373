"""Consolidation math (RULES.md §5) against hand-computed cases."""
from decimal import Decimal as D

from perfxl.core import summary as S
from perfxl.core.evaluate import evaluate
from perfxl.core.policy import DEFAULT_POLICY, ScoringPolicy
from perfxl.core.summary_rows import AssetRow, ProcurementRow, ProjectRow, SangongRow, Status
from tests.core.checks.builders import good_department


def proj(budget, executed, total, reported=None, initial=None, output=None) -> ProjectRow:
    return ProjectRow("", 2022, "p", "项目自评表", initial, budget, executed, output=output,
                      reported=reported if reported is not None else total, recomputed=total)


def record(unit, projects, year=2022, errors=0, warnings=0, policy=DEFAULT_POLICY) -> S.DepartmentRecord:
    row = S.department_row(projects, unit, year, "x.xlsx", errors, warnings, policy)
    return S.DepartmentRecord(S.department_key(unit, year), row, projects, [], [], [], SangongRow(unit, year),
                              ProcurementRow(unit, year, D(10), D(4), D(3), D(3)),
                              AssetRow(unit, year, D(100), D(30), D(70)), [(p.full_year, p.executed) for p in projects])


def facts(name, rec):
    return S.FileFacts(f"/in/{name}", name, 1, "0" * 64, record=rec)


def run(files, policy=DEFAULT_POLICY):
    c = S.Consolidation(policy)
    parts = [c.add(f) for f in files]
    return c, parts


def A():
    return record("甲局", [proj(D(100), D(90), D(90), output=D(40)), proj(D(300), D(300), D(80), output=D(45))])


def B():
    return record("乙局", [proj(D(100), D(50), D(60))], errors=2, warnings=1)


def test_department_row_sums_money_and_weights_scores_by_funds():
    row = A().department
    assert (row.full_year, row.executed) == (D(400), D(390))
    assert row.exec_rate == D("0.9750")
    assert row.recomputed == D("82.50")  # (90×100 + 80×300) / 400
    assert row.output == D("43.75")  # (40×100 + 45×300) / 400
    assert row.grade == "良"


def test_totals_rate_from_sums_never_an_average_of_rates():
    c, _ = run([facts("a.xlsx", A()), facts("b.xlsx", B())])
    t = c.totals()
    assert (t.full_year, t.executed) == (D(500), D(440))
    assert t.exec_rate == D("0.8800")  # 440 / 500, not (0.975 + 0.5) / 2 = 0.7375
    assert t.mean["recomputed"] == D("71.25")  # (82.5 + 60) / 2
    assert t.weighted["recomputed"] == D("78.00")  # (82.5×400 + 60×100) / 500
    assert t.grades == {"优": 0, "良": 1, "中": 1, "差": 0}
    assert (t.errors, t.warnings, t.count) == (2, 1, 2)


def test_renamed_grades_are_counted_under_their_own_labels():
    policy = ScoringPolicy.from_mapping({"grade_bands": [["90", "优秀"], ["80", "良好"], ["60", "合格"]],
                                         "grade_below": "不合格"})
    c, _ = run([facts("a.xlsx", record("甲局", A().projects, policy=policy)),
                facts("b.xlsx", record("乙局", B().projects, policy=policy))], policy)
    t = c.totals()
    assert t.grades == {"优秀": 0, "良好": 1, "合格": 1, "不合格": 0} and t.ungraded == 0


def test_a_workbook_graded_under_its_own_policy_is_counted_too():
    policy = ScoringPolicy.from_mapping({"grade_bands": [["90", "A"], ["80", "B"], ["60", "C"]], "grade_below": "D"})
    c, _ = run([facts("a.xlsx", record("甲局", A().projects, policy=policy)), facts("b.xlsx", B())])
    assert c.totals().grades == {"优": 0, "良": 0, "中": 1, "差": 0, "B": 1}


def test_zero_budget_department_falls_back_to_simple_mean_and_has_no_rate():
    row = record("丙局", [proj(D(0), D(0), D(70)), proj(None, None, D(90))]).department
    assert row.recomputed == D("80.00")
    assert row.exec_rate is None


def test_weighted_mean_skips_departments_without_score_or_budget():
    assert S.weighted_mean([(D(90), D(100)), (None, D(900)), (D(50), None), (D(60), D(0))]) == D("90.00")
    assert S.weighted_mean([(None, D(1))]) is None
    assert S.simple_mean([D(1), None, D(2)]) == D("1.50")


def test_duplicate_unit_and_year_is_flagged_and_counted_once():
    a = A()
    dup = record("甲 局", a.projects)  # whitespace does not make another unit
    other_year = record("甲局", a.projects, year=2023)
    c, parts = run([facts("a.xlsx", a), facts("a-copy.xlsx", dup), facts("a-2023.xlsx", other_year)])
    assert [p.status for p in parts] == [Status.OK, Status.DUPLICATE, Status.OK]
    assert c.totals().count == 2 and c.totals().full_year == D(800)
    assert c.duplicates == [("a-copy.xlsx", "a.xlsx")]
    assert [f.code for f in parts[1].findings] == ["duplicate-department"]
    assert parts[1].sangong == [] and parts[2].sangong  # the duplicate adds to no total
    assert len(c.departments) == 3  # listed, flagged, not silently dropped
    assert "a.xlsx" in c.departments[1].note


def test_unusable_file_is_listed_with_its_reason():
    bad = S.FileFacts("/in/x.xlsx", "x.xlsx", 5, "ab" * 32, unusable="x.xlsx：工作簿已损坏。")
    c, parts = run([bad, facts("a.xlsx", A())])
    assert parts[0].file.status == Status.UNUSABLE.label and parts[0].file.note == "x.xlsx：工作簿已损坏。"
    assert [f.code for f in parts[0].findings] == ["workbook-unusable"]
    assert c.counts[Status.UNUSABLE] == 1 and c.problem_files == [parts[0].file]


def test_side_tables_sum():
    c, _ = run([facts("a.xlsx", A()), facts("b.xlsx", B())])
    assert c.sums["procurement"]["total"] == D(20)
    assert c.sums["assets"]["net_assets"] == D(140)


def test_net_assets_in_the_record_are_recomputed_never_trusted():
    rec = S.department_record(evaluate(good_department({"net_assets": 999})))
    assert rec.assets.net_assets == D("-39.88")  # 192.76 − 232.64, not the typed 999


def test_review_candidates_high_score_low_execution_and_total_mismatch():
    dept = good_department(project_values={"total_score": 99, "fund_total_executed": 102,
                                           "fund_appropriation_executed": 83, "exec_rate": 0.85, "exec_score": 8.5})
    kinds = [(r.kind, r.reason) for r in S.department_record(evaluate(dept)).review]
    assert [k for k, _ in kinds] == ["高分低执行", "自评与复核总分不符"]
    assert "85.00%" in kinds[0][1] and "99" in kinds[1][1]


def test_review_thresholds_are_policy():
    dept = good_department(project_values={"total_score": 99, "fund_total_executed": 102,
                                           "fund_appropriation_executed": 83, "exec_rate": 0.85, "exec_score": 8.5})
    policy = ScoringPolicy(review_low_rate=D("0.8"))
    assert [r.kind for r in S.department_record(evaluate(dept, policy)).review] == ["自评与复核总分不符"]


def test_blank_execution_is_not_a_zero_in_the_rate():
    c, _ = run([facts("c.xlsx", record("丁局", [proj(D(100), D(100), D(95)), proj(D(300), None, D(90))])),
                facts("b.xlsx", B())])
    assert c.departments[0].exec_rate == D("1.0000")  # 100 / 100: the blank project is left out
    assert c.totals().full_year == D(500)  # every budget is summed
    assert c.totals().exec_rate == D("0.7500")  # (100 + 50) / (100 + 100)
