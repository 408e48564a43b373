"""Property: whatever a 报告正文 cell says (one paragraph per line), a generated report gives it back."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfxl.io.word_model import SECTION_KEYS, paragraphs, standard_content
from perfxl.io.word_read import read_report
from perfxl.io.word_write import write_report

CHARS = "预算决算三公经费政府采购资产问题措施其他一二三四五六七八九十年度万元部门整体绩效目标完成情况报告自评表附件" \
        "0123456789，。、；：（）()=-+%.“”《》 ≥≤"
line = st.text(alphabet=CHARS, min_size=1, max_size=40).map(str.strip).filter(bool)
section = st.lists(line, max_size=4).map("\n".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.fixed_dictionaries({k: section for k in SECTION_KEYS}), duties=st.lists(line, max_size=5))
def test_any_text_comes_back(tmp_path, texts, duties):
    path = write_report(standard_content(2023, "测试局", texts, duties), tmp_path / "r.docx", overwrite=True)
    rep = read_report(path)
    assert rep.sections == {k: "\n".join(paragraphs(texts[k])) for k in SECTION_KEYS}
    assert rep.duties == [d.strip() for d in duties]


VALUE_CHARS = "产出效益满意度数量质量时效成本培训人次万元个完成达到偏差原因0123456789.%≥≤=，。"
value = st.text(alphabet=VALUE_CHARS, min_size=0, max_size=16).map(str.strip)
LEVELS = [("产出指标(50分)", "数量指标"), ("产出指标(50分)", "质量指标"), ("效益指标(30分)", "社会效益指标"),
          ("满意度指标(10分)", "服务对象满意度指标"), ("", "")]


@st.composite
def forms(draw):
    from perfxl.io.word_model import FormTable, FundRow, IndicatorRow

    inds = []
    for l1, l2 in sorted(draw(st.lists(st.sampled_from(LEVELS), min_size=1, max_size=12)), key=LEVELS.index):
        inds.append(IndicatorRow(l1, l2, draw(value.filter(bool)), *(draw(value) for _ in range(5))))
    funds = {k: FundRow(draw(value), draw(value), draw(value)) for k in ("total", "appropriation", "carryover", "other")}
    return FormTable(draw(value), draw(value), draw(value), funds, *(draw(value) for _ in range(6)),
                     indicators=inds, total_weight=draw(value), total_score=draw(value), grade=draw(value),
                     title="2023年度项目支出绩效自评表")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(form_list=st.lists(forms(), min_size=1, max_size=2))
def test_any_form_comes_back(tmp_path, form_list):
    content = standard_content(2023, "测试局", {}, [], form_list)
    rep = read_report(write_report(content, tmp_path / "r.docx", overwrite=True))
    assert rep.forms == form_list
