"""N1a (a figure vs its table cell), N1b (the same figure stated twice), N1e (a count vs the same
count elsewhere), N1g (a weights note vs the 一级 caps) and the grade."""
from __future__ import annotations

from decimal import Decimal

from . import codes as K
from . import lexicon as X
from .bind import GRADE_WORDS
from .model import Claim
from .run import Run

_NOT_FIELD_ROLES = {"share", "change", "standard", "factor", "base", "weight"}
_COUNTED = {"departments_count", "subunits_count"}


def agrees(c: Claim, exact) -> bool:
    """The printed figure is the exact value rounded half up at the figure's printed precision."""
    exact = Decimal(exact)
    if c.quantum == 0:
        return exact == c.value
    return K.rounded(exact, c.quantum) == c.value


def agree_claims(a: Claim, b: Claim) -> bool:
    fine, coarse = (a, b) if a.quantum <= b.quantum else (b, a)
    return agrees(coarse, fine.value)


def show(c: Claim, x: Decimal) -> str:
    unit = c.printed.lstrip("-0123456789.,， ")
    if c.kind == "amount":
        return K.money(x, "元" if unit.startswith("元") else "亿元" if unit.startswith("亿") else "万元", c.places)
    if c.kind == "percent":
        return K.pct(x, c.places)
    if c.kind == "score":
        return f"{K.plain(x, c.places)} 分"
    return f"{K.plain(x, 0)}{unit[:1] if unit else ''}"


def show_table(c: Claim, x: Decimal) -> str:
    """A table value at its own precision (2 decimals for money, rates and scores)."""
    if c.kind == "score":
        return f"{K.plain(x, 0 if x == x.to_integral_value() else 2)} 分"
    if c.kind == "count":
        return show(c, x)
    return show(c, x) if c.kind != "amount" or c.places >= 2 else K.money(x)


def diff_text(c: Claim, a: Decimal, b: Decimal, table: bool = False) -> str:
    d = abs(a - b)
    if table and c.kind == "score":
        return K.plain(d, 0 if d == d.to_integral_value() else 2)
    if c.kind == "amount":
        return K.money(d, "元" if c.printed.rstrip().endswith("元") and not c.printed.rstrip().endswith("万元")
                       and not c.printed.rstrip().endswith("亿元") else "万元", c.places)
    if c.kind == "percent":
        return f"{K.plain(d * 100, 2)} 个百分点"
    return K.plain(d, max(c.places, 0))


def check_fields(run: Run, list_failed: set) -> None:
    groups: dict[tuple[str, str], list] = {}
    for ref, c in run.refs():
        if c.role in _NOT_FIELD_ROLES or not run.comparable(c):
            continue
        if c.kind == "grade":
            _grade(run, ref, c)
            continue
        if c.candidates and not c.field:
            _ambiguous(run, ref, c)
            continue
        if not c.field:
            continue
        if c.field in _COUNTED and _one_of_several_counts(run, ref, c):
            continue  # "内设6个股室和2个中心": each count is a part of the table's list
        scope = run.scope(c)
        if scope is None:
            continue
        groups.setdefault((run.scope_key(scope), c.field), []).append((ref, c, scope))
    for (_, field), members in groups.items():
        table = run.facts.value(members[0][2], field)
        for k, (ref, c, scope) in enumerate(members):
            if ref in list_failed:
                continue
            if table is not None:
                if agrees(c, table):
                    continue
                twin = next((m for m in members if m[0] != ref and agrees(m[1], table)), None)
                run.corrections[ref] = Decimal(table)
                if field in _COUNTED:
                    _count_vs(run, ref, c, Decimal(table), twin)
                elif twin is not None:
                    _twice(run, ref, c, twin[0], Decimal(table), table_known=True)
                else:
                    run.emit("text-figure-mismatch", ref, Decimal(table), c.value, label=run.label(c),
                             want=show_table(c, Decimal(table)), source=_source(run, c, field),
                             got=c.printed.strip(), diff=diff_text(c, Decimal(table), c.value, table=True))
            elif k > 0 and not agree_claims(c, members[0][1]):
                first = members[0][1]
                run.corrections[ref] = first.value
                if field in _COUNTED:
                    _count_vs(run, ref, c, first.value, members[0])
                else:
                    _twice(run, ref, c, members[0][0], first.value, table_known=False)


def _one_of_several_counts(run: Run, ref, c: Claim) -> bool:
    claims = run.analyses[ref[0]].claims
    return any(o.field == c.field and o.sentence_span == c.sentence_span and o.index != c.index for o in claims)


def _source(run: Run, c: Claim, field: str) -> str:
    cell = X.CELLS.get(field, "")
    scope = run.scope(c)
    if scope not in (None, "dept"):
        return f"{scope.sheet}!{cell}"
    if field == "net_assets":
        return "预决算!B43 − 预决算!B44"
    if field in _COUNTED:
        return f"{cell}所列名称"
    return cell


def _twice(run: Run, ref, c: Claim, other_ref, expected: Decimal, table_known: bool) -> None:
    section, q = run.other_quote(other_ref)
    table = f"（与表中 {show(c, expected)} 一致）" if table_known else ""
    run.emit("text-figure-inconsistent", ref, expected, c.value, label=run.label(c), got=c.printed.strip(),
             other_section=section, other_quote=q, want=show(c, expected), table=table,
             diff=diff_text(c, expected, c.value))


def _count_vs(run: Run, ref, c: Claim, expected: Decimal, twin) -> None:
    if twin is not None and twin[0] != ref:
        section, q = run.other_quote(twin[0])
        other = f"{section}“{q}”"
    else:
        other = f"基本情况表（{_source(run, c, c.field)}）"
    run.emit("text-count-inconsistent", ref, expected, c.value, label=run.label(c), got=c.printed.strip(),
             other=other, want=K.plain(expected, 0), diff=K.plain(abs(expected - c.value), 0))


def _ambiguous(run: Run, ref, c: Claim) -> None:
    values = [(f, run.facts.dept(f)) for f in c.candidates]
    stated = [(f, v) for f, v in values if v is not None]
    if not stated or any(agrees(c, v) for _, v in stated):
        return
    if len(stated) == len(values) and len({Decimal(v) for _, v in stated}) == 1:
        # whichever it means, the tables say the same: the figure is wrong
        table = Decimal(stated[0][1])
        run.corrections[ref] = table
        run.emit("text-figure-mismatch", ref, table, c.value, label="或".join(X.LABELS[f] for f, _ in stated),
                 want=show_table(c, table), source="、".join(X.CELLS[f] for f, _ in stated), got=c.printed.strip(),
                 diff=diff_text(c, table, c.value, table=True))
        return
    options = "、".join(f"{X.LABELS[f]}（{show(c, Decimal(v))}）" for f, v in stated)
    run.emit("text-figure-ambiguous", ref, None, c.value, got=c.printed.strip(), options=options)


def _grade(run: Run, ref, c: Claim) -> None:
    scope = run.scope(c, "grade")
    if scope is None:
        return
    table = run.facts.project(scope, "grade")
    if not table:
        return
    table = GRADE_WORDS.get(str(table).strip(), str(table).strip())
    if table != c.value:
        run.emit("text-grade-mismatch", ref, table, c.value, want=table, got=c.value,
                 source=f"{scope.sheet}!{X.CELLS['grade']}")


def check_weights(run: Run) -> None:
    for ref, c in run.refs():
        if c.role != "weight" or c.skip:
            continue
        scope = run.scope(c)
        projects = [scope] if scope is not None else list(run.facts.projects)
        values = {run.facts.project(p, c.field) for p in projects}
        if len(values) != 1 or None in values:
            continue
        cap = values.pop()
        if Decimal(cap) == c.value:
            continue
        where = f"{projects[0].sheet}表头" if len(projects) == 1 else "各项目自评表表头"
        name = c.field[4:] if c.field.startswith("cap:") else "预算执行率分值"
        run.emit("text-weights-mismatch", ref, Decimal(cap), c.value, label=name, got=K.plain(c.value, c.places),
                 place=where, want=K.plain(Decimal(cap), 0 if Decimal(cap) == Decimal(cap).to_integral() else 2),
                 diff=K.plain(abs(Decimal(cap) - c.value), max(c.places, 0)))
