"""Reading one narrative cell: sentences → figures → bound claims → arithmetic structures."""
from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal

from . import bind as B
from . import lexicon as X
from .model import Analysis, Claim, TextCell
from .numbers import fold, numbers_in, split_sentences
from .structures import find_structures

_ZERO = Decimal(0)
_BOUND_KINDS = {"amount", "percent", "points", "count", "score", "quantity"}
_BUDGET_OR_PLAN = re.compile(r"预算|计划")
_THEREOF = re.compile(r"\s*其中")
_YEAR_WORDS = re.compile(r"全年|本年|年度|\d+年")


def analyze(cell: TextCell, names: tuple[str, ...] = (), year: int | None = None) -> Analysis:
    """The claims and structures of one cell. ``names``: the projects' names (masked as terms, and
    used to tell which project a line is about); ``year``: the report's year, if known."""
    text = cell.text or ""
    t = fold(text)  # every offset into t is an offset into text
    sentences = split_sentences(t, X.ends_with_term)
    line_starts, lines = _lines(t)
    section = cell.key
    project_cell = section in X.PROJECT_SECTIONS
    drafts: list[B.Draft] = []
    period_phase: dict[int | str, str] = {}
    period_year: dict[int, int] = {}
    # the projects' names and the comparison words, found once in the whole cell
    name_spans = [span for n in names if len(n) >= 4 for span in _occurrences(t, fold(n))]
    marks = B.mask_marks(t)
    line_hints: dict[int, str] = {}  # line → the project it names
    for s in sentences:
        numbers = numbers_in(t, s.start, s.end)
        sentence_years = [n for n in numbers if n.kind == "year"]
        if sentence_years:
            period_year[s.period] = int(sentence_years[-1].value)
        bound = [n for n in numbers if n.kind in _BOUND_KINDS]
        grades = list(B.GRADE.finditer(t, s.start, s.end))
        if not bound and not grades and not B.has_phase_words(t, s.start, s.end):
            continue  # nothing to read, and no phase for the sentences after it
        # the sentence's terms, the words that are no phase, and the project it is about
        spans_names = tuple((a, b) for a, b in name_spans if a >= s.start and b <= s.end)
        terms = B.usable_terms(t, s, section, spans_names)
        masks = B.masked(t, s, terms, marks)
        if bound or grades:
            k = bisect_right(line_starts, s.start) - 1
            if k not in line_hints:
                line_hints[k] = B.line_hint(names, lines[k])
            hint = line_hints[k] or B.sentence_hint(t, s)
        in_sentence: list[B.Draft] = []
        for n in bound:
            d = B.Draft(n, s, n.kind, n.value, n.start, n.end)
            same = [x for x in in_sentence if x.concept and x.kind == n.kind] if in_sentence else in_sentence
            cs = B.clause_start(t, s.start, n.start)
            _bind(d, t, s, terms, masks, section, project_cell, hint, period_phase, same, cs)
            years = [y for y in sentence_years if y.end <= n.start] if sentence_years else sentence_years
            d.year = int(years[-1].value) if years else period_year.get(s.period)
            if n.approx:
                d.skip = "approx"
            elif section in X.PLAN_SECTIONS:
                d.skip = "plan"
            else:
                d.skip = B.last_year_or_plan(t, s.start, n.start, masks, cs)
            if not d.skip and year is not None and d.year is not None and d.year != year:
                d.skip = "other-year"
            if d.kind in ("amount", "percent", "score") and d.scope == "dept":
                d.org = B.org_before(t, s.start, n.start, whole_sentence=True)
            elif d.field in ("staff_active", "staff_retired", "staff_quota"):
                d.org = B.org_before(t, s.start, n.start, whole_sentence=False, clause=cs)
            drafts.append(d)
            in_sentence.append(d)
        phase = B.phase_at(t, s.start, s.end, masks)
        if phase:
            period_phase[s.period] = period_phase["last"] = phase
        for m in grades:
            if not project_cell and not hint:
                continue  # a grade in the department's text: the department's own, or which project's?
            d = B.Draft(None, s, "grade", B.GRADE_WORDS[m["g"]], m.start("g"), m.end("g"), field="grade",
                        scope="project", project=hint)
            d.skip = "plan" if section in X.PLAN_SECTIONS else ""
            drafts.append(d)
    structures = find_structures(t, section, drafts)
    return _freeze(cell, text, drafts, structures)


def _occurrences(t: str, word: str):
    """Where ``word`` occurs in ``t`` (not overlapping, left to right), as spans."""
    k, n = t.find(word), len(word)
    while k >= 0:
        yield k, k + n
        k = t.find(word, k + n)


def _lines(t: str) -> tuple[list[int], list[str]]:
    """The lines of ``t`` and where each starts."""
    starts, lines, pos = [], [], 0
    for part in t.split("\n"):
        starts.append(pos)
        lines.append(part)
        pos += len(part) + 1
    return starts, lines


def _bind(d: B.Draft, t: str, s, terms, masks, section: str, project_cell: bool, hint: str,
          period_phase: dict, drafts_before: list, cs: int) -> None:
    """Binds the draft of a figure; ``cs``: where the figure's clause starts."""
    n = d.number
    scope = "project" if project_cell else "dept"
    concept = None
    if n.kind == "quantity":
        return
    term = B.term_before(t, terms, s.start, n.start, cs)
    if n.kind == "count":
        concept = B.count_concept(n.noun)
        if concept is None and term is not None and X.KIND.get(X.PLAIN.get(term[2] or "", "")) == "count":
            concept, d.term = term[2], term[:2]
    elif term is not None:
        concept, d.term = term[2], term[:2]
        if concept in _PHASE_TERMS and not project_cell and not hint:
            concept = _phase_of_previous(t, terms, term, s, drafts_before)
    elif B.ELLIPSIS.match(t, cs, n.start) and drafts_before:
        concept = drafts_before[-1].concept  # 预算数 a，决算数 b: the same quantity in the other phase
    if concept is None:
        return
    if d.term and concept in X.PLAIN and _BUDGET_OR_PLAN.search(t, d.term[1], n.start):
        return  # 政府采购预算 X: a budget of something the tables hold only as spent
    phase = B.phase_at(t, s.start, n.start, masks) or period_phase.get(s.period)
    if phase is None and _THEREOF.match(t, s.start, s.start + 4):
        phase = period_phase.get("last")  # "…实际支出 Y 万元。其中 …": the list goes on from the sentence before
    phase = phase or X.SECTION_PHASE.get(section)
    if not project_cell and concept in X.PROJECT and concept != "initial" or hint and concept == "initial":
        if not hint:
            return  # a project's figure in the department's text, but which project?
        scope = "project"
    field, candidates, scope = B.resolve(concept, phase, scope)
    fields = (field,) if field else candidates
    kinds = {X.KIND.get(f) for f in fields}
    if n.kind == "amount" and kinds <= _AMOUNT_OR_UNKNOWN:
        d.concept = concept  # a part of a known whole even where the tables hold no cell for it
    if not fields or kinds != {_KIND_OF.get(n.kind, n.kind)}:
        return
    d.concept, d.field, d.candidates, d.scope = concept, field, candidates, scope
    if scope == "project":
        d.project = hint


_PHASE_TERMS = {"initial", "full_year", "executed"}


def _phase_of_previous(t: str, terms: list, term, s, drafts_before: list) -> str | None:
    """"“三公”经费年初预算 X", "…，全年实际支出 Y": a phase word after a term (or opening a clause
    after a bound figure) speaks of that term's quantity, not of a project."""
    a = term[0]
    before = [x for x in terms if x[1] == a and x[2] and x[2] not in _PHASE_TERMS]
    if before:
        return before[0][2]
    start = B.clause_start(t, s.start, a)
    if not _YEAR_WORDS.sub("", t[start:a]).strip() and drafts_before:
        return drafts_before[-1].concept
    return "initial" if term[2] == "initial" else None


_KIND_OF = {"points": "percent"}  # the kind of field a figure can restate
_AMOUNT_OR_UNKNOWN = frozenset({"amount", None})


def _freeze(cell: TextCell, text: str, drafts: list[B.Draft], structures) -> Analysis:
    keep = [d for d in drafts if d.field or d.candidates or d.role]
    index = {id(d): i for i, d in enumerate(keep)}
    claims = []
    for i, d in enumerate(keep):
        s = d.sentence
        n = d.number
        claims.append(Claim(
            cell.sheet, cell.cell, cell.key, text[s.start:s.end], (s.start, s.end), (d.start, d.end),
            text[d.start:d.end], d.kind, d.value, n.places if n else 0, n.quantum if n else _ZERO,
            d.field, d.candidates, d.role, d.scope, d.project, d.skip, d.year, d.org, s.period, i))
    out = []
    for st in structures:
        try:
            out.append(st.remap(index))
        except KeyError:
            continue
    return Analysis(cell, tuple(claims), tuple(out))
