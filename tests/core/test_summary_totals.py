"""Consolidation math (RULES.md §5) against hand-computed cases."""
from decimal import Decimal as D

from perfxl.core import summary as S


def proj(budget, executed, total, reported=None, initial=None, **level):
    return {"project": "p", "sheet": "项目自评表", "initial": initial, "full_year": budget, "executed": executed,
            "exec_rate": None, "exec_score": None, "output": level.get("output"), "benefit": None,
            "satisfaction": None, "reported": reported if reported is not None else total, "recomputed": total,
            "diff": None, "grade": "", "reported_grade": ""}


def record(unit, projects, year=2022, errors=0, warnings=0):
    return {"unit": unit, "year": year, "year_text": str(year), "projects": projects, "indicators": [],
            "review": [], "sangong": {k: None for k in ("budget_total", "budget_abroad", "budget_car",
                                                        "budget_reception", "final_total", "final_abroad",
                                                        "final_car", "final_reception")},
            "procurement": {"total": D(10), "goods": D(4), "works": D(3), "services": D(3)},
            "assets": {"assets_total": D(100), "liabilities_total": D(30), "net_assets": D(999),
                       "fixed_assets_original": None, "fixed_assets_in_use": None},
            "findings": [], "errors": errors, "warnings": warnings}


def facts(name, rec):
    return S.FileFacts(f"/in/{name}", name, 1, "0" * 64, record=rec)


A = record("甲局", [proj(D(100), D(90), D(90), output=D(40)), proj(D(300), D(300), D(80), output=D(45))])
B = record("乙局", [proj(D(100), D(50), D(60))], errors=2, warnings=1)


def test_department_row_sums_money_and_weights_scores_by_funds():
    data = S.build([facts("a.xlsx", A)])
    row = data.departments[0]
    assert (row["full_year"], row["executed"]) == (D(400), D(390))
    assert row["exec_rate"] == D("0.9750")
    assert row["recomputed"] == D("82.50")  # (90×100 + 80×300) / 400
    assert row["output"] == D("43.75")  # (40×100 + 45×300) / 400
    assert row["grade"] == "良"


def test_totals_rate_from_sums_never_an_average_of_rates():
    t = S.build([facts("a.xlsx", A), facts("b.xlsx", B)]).totals
    assert (t["full_year"], t["executed"]) == (D(500), D(440))
    assert t["exec_rate"] == D("0.8800")  # 440 / 500, not (0.975 + 0.5) / 2 = 0.7375
    assert t["mean_recomputed"] == D("71.25")  # (82.5 + 60) / 2
    assert t["weighted_recomputed"] == D("78.00")  # (82.5×400 + 60×100) / 500
    assert t["grades"] == {"优": 0, "良": 1, "中": 1, "差": 0}
    assert (t["errors"], t["warnings"], t["count"]) == (2, 1, 2)


def test_zero_budget_department_falls_back_to_simple_mean_and_has_no_rate():
    z = record("丙局", [proj(D(0), D(0), D(70)), proj(None, None, D(90))])
    row = S.build([facts("z.xlsx", z)]).departments[0]
    assert row["recomputed"] == D("80.00")
    assert row["exec_rate"] is None


def test_weighted_mean_skips_departments_without_score_or_budget():
    assert S.weighted_mean([(D(90), D(100)), (None, D(900)), (D(50), None), (D(60), D(0))]) == D("90.00")
    assert S.weighted_mean([(None, D(1))]) is None
    assert S.simple_mean([D(1), None, D(2)]) == D("1.50")


def test_duplicate_unit_and_year_is_flagged_and_counted_once():
    dup = record("甲 局", A["projects"])  # whitespace does not make another unit
    other_year = record("甲局", A["projects"], year=2023)
    data = S.build([facts("a.xlsx", A), facts("a-copy.xlsx", dup), facts("a-2023.xlsx", other_year)])
    status = {f["file"]: f["status"] for f in data.files}
    assert status == {"a.xlsx": S.STATUS_OK, "a-copy.xlsx": S.STATUS_DUPLICATE, "a-2023.xlsx": S.STATUS_OK}
    assert data.totals["count"] == 2 and data.totals["full_year"] == D(800)
    assert data.duplicates == [("a-copy.xlsx", "a.xlsx")]
    assert any(f["code"] == "duplicate-department" and f["file"] == "a-copy.xlsx" for f in data.findings)
    assert len(data.departments) == 3  # listed, flagged, not silently dropped
    assert "a.xlsx" in data.departments[1]["note"]


def test_unusable_file_is_listed_with_its_reason():
    bad = S.FileFacts("/in/x.xlsx", "x.xlsx", 5, "ab" * 32, unusable="x.xlsx：工作簿已损坏。")
    data = S.build([bad, facts("a.xlsx", A)])
    assert data.files[0]["status"] == S.STATUS_UNUSABLE and data.files[0]["note"] == "x.xlsx：工作簿已损坏。"
    assert data.findings[0]["code"] == "workbook-unusable"
    assert data.counts[S.STATUS_UNUSABLE] == 1


def test_side_tables_sum_and_net_assets_recomputed():
    data = S.build([facts("a.xlsx", A), facts("b.xlsx", B)])
    assert data.procurement_totals["total"] == D(20)
    assert data.assets[0]["net_assets"] == D(70)  # 100 − 30, not the typed 999
    assert data.assets_totals["net_assets"] == D(140)


def test_review_candidates_high_score_low_execution_and_total_mismatch():
    row = {"project": "p", "reported": D(96), "recomputed": D("93.5"), "exec_rate": D("0.85"), "diff": D("2.50")}
    from perfxl.core.findings import Where

    got = S._project_review(row, Where("f", "项目自评表", "H30"), Where("f", "项目自评表", "H5"),
                            S.DEFAULT_POLICY)
    kinds = [r["kind"] for r in got]
    assert kinds == ["高分低执行", "自评与复核总分不符"]
    assert "85" in got[0]["reason"] and "2.5" in got[1]["reason"]


def test_blank_execution_is_not_a_zero_in_the_rate():
    c = record("丁局", [proj(D(100), D(100), D(95)), proj(D(300), None, D(90))])
    data = S.build([facts("c.xlsx", c), facts("b.xlsx", B)])
    assert data.departments[0]["exec_rate"] == D("1.0000")  # 100 / 100: the blank project is left out
    assert data.totals["full_year"] == D(500)  # every budget is summed
    assert data.totals["exec_rate"] == D("0.7500")  # (100 + 50) / (100 + 100)
