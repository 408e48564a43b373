"""Property: a randomly generated department whose figures are consistent (sums add up, scores by the
rules, derived cells filled as perfxl fill would) yields no error finding."""
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.checks.builders import SLOTS, LEVEL1_OF, department, fill, funds, project
from perfxl.core.evaluate import evaluate
from perfxl.core.findings import Severity
from perfxl.core.scoring import indicator_score
from perfxl.template import layout as L

money = st.decimals(min_value=0, max_value=10000, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def consistent_department(draw):
    v = {"unit_name": "随机单位", "year": 2022}
    s, g, p = draw(money), draw(money), draw(money)
    proj_budget = draw(money)
    v.update(budget_basic_salary=s, budget_basic_goods=g, budget_basic_subsidy=p, budget_basic=s + g + p,
             budget_project=proj_budget, budget_expense_total=s + g + p + proj_budget)
    a, b, c = draw(money), draw(money), draw(money)
    v.update(budget_income_general=a, budget_income_fund=b, budget_income_other=c, budget_income_total=a + b + c)
    pers, pub, fproj = draw(money), draw(money), draw(money)
    v.update(final_personnel=pers, final_public=pub, final_basic=pers + pub, final_project=fproj,
             final_expense_total=pers + pub + fproj, final_income_total=draw(money))
    for side in ("budget", "final"):
        parts = [draw(money) for _ in range(3)]
        v.update({f"sangong_{side}_{k}": x for k, x in zip(("abroad", "car", "reception"), parts)})
        v[f"sangong_{side}_total"] = sum(parts)
    parts = [draw(money) for _ in range(3)]
    v.update(procurement_goods=parts[0], procurement_works=parts[1], procurement_services=parts[2],
             procurement_total=sum(parts))
    orig = draw(money)
    v.update(assets_total=draw(money), liabilities_total=draw(money), fixed_assets_original=orig,
             fixed_assets_in_use=draw(st.decimals(min_value=0, max_value=orig, places=2)))
    cols = {}
    for col in L.FUND_COL_LABELS:
        parts = [draw(money) for _ in range(3)]
        if col == "full_year" and sum(parts) == 0:
            parts[0] = Decimal(1)
        cols[col] = parts
    cols["executed"] = [min(e, b) for e, b in zip(cols["executed"], cols["full_year"])]  # no 超预算支出 (X3)
    fund_values = funds(total=tuple(sum(cols[c]) for c in cols),
                        **{row: tuple(cols[c][i] for c in cols) for i, row in enumerate(("appropriation", "carryover", "other"))})
    indicators = []
    caps = dict(L.LEVEL1)
    for name1, cap in caps.items():
        slots = [s for s in SLOTS if LEVEL1_OF[s] == name1]
        raw = [draw(st.integers(1, 10)) for _ in slots]
        weights = [cap * r // sum(raw) for r in raw]
        weights[-1] += cap - sum(weights)
        for slot, w in zip(slots, weights):
            op = draw(st.sampled_from(["≥", "≤"]))
            target, actual = draw(st.integers(1, 1000)), draw(st.integers(0, 2000))
            res = indicator_score(f"{op}{target}个", f"{actual}个", w)
            indicators.append(dict(level2=slot, name=f"{slot}考核", target=f"{op}{target}个", actual=f"{actual}个",
                                   weight=w, score=res.score, reason="已说明"))
    proj = project({**fund_values, "project_name": "随机项目", "exec_weight": L.EXEC_WEIGHT_DEFAULT,
                    "exec_reason": "已说明"}, indicators)
    return fill(department(v, [proj]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(consistent_department())
def test_consistent_department_has_no_errors(dept):
    errors = [f for f in evaluate(dept).findings if f.severity is Severity.ERROR]
    assert errors == []
