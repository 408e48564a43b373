"""N1c (parts vs total), N1d (shares, execution rates and changes), N1e (a count vs its list) and
N1f (standard × quantity) on the structures a sentence states.

A structure that fails only because of a figure already reported (N1a/N1b) is not reported again:
with the reported figures replaced by their right values it holds, so the mistake is that figure."""
from __future__ import annotations

from decimal import Decimal

from . import codes as K
from .fields import diff_text, show
from .model import ChangeOf, ListOf, ProductOf, ShareOf, SumOf
from .run import Member, Run

ZERO = Decimal(0)
_CENT = Decimal("0.01")


def check_lists(run: Run) -> set:
    """N1e: a count with the names it lists. Returns the counts found wrong (not compared again)."""
    failed = set()
    for ai, a in enumerate(run.analyses):
        for st in a.structures:
            if not isinstance(st, ListOf):
                continue
            c = a.claims[st.count]
            counts = {Decimal(len(st.items)), Decimal(len(st.items) + 1)} if st.joined else {Decimal(len(st.items))}
            if (st.complete and c.value in counts) or (not st.complete and min(counts) <= c.value):
                continue
            n = min(counts, key=lambda x: abs(x - c.value))
            failed.add((ai, st.count))
            shown = "、".join(st.items) + ("等" if not st.complete else "")
            run.emit("text-count-list-mismatch", (ai, st.count), n, c.value, want=K.plain(n, 0),
                     items=shown, got=c.printed.strip(), diff=K.plain(abs(n - c.value), 0))
    return failed


def check_structures(run: Run) -> None:
    for ai, a in enumerate(run.analyses):
        for st in a.structures:
            if isinstance(st, SumOf):
                _sum(run, ai, st)
            elif isinstance(st, ShareOf):
                _share(run, ai, st)
            elif isinstance(st, ChangeOf):
                _change(run, ai, st)
            elif isinstance(st, ProductOf):
                _product(run, ai, st)


def _members(run: Run, ai: int, ref_claim, ms) -> list[Member] | None:
    out = [run.member(ai, ref_claim, m) for m in ms]
    return None if any(m is None for m in out) else out


def _holds(test, members: list[Member], run: Run) -> bool:
    if test(members):
        return True
    fixed = run.corrected(members)
    return fixed is not None and test(fixed)


# ------------------------------------------------------------------------------ N1c


def _sum(run: Run, ai: int, st: SumOf) -> None:
    a = run.analyses[ai]
    total = a.claims[st.total]
    ms = _members(run, ai, total, [st.total, *st.parts])
    if ms is None:
        return
    if not st.complete and any(m.value < 0 for m in ms):
        return

    def test(m):
        t, parts = m[0], m[1:]
        s = sum((p.value for p in parts), ZERO)
        tol = sum((p.sum_err for p in parts), ZERO) + (total.quantum / 2 if total.quantum > _CENT else ZERO)
        return abs(s - t.value) <= tol if st.complete else s <= t.value + tol

    if _holds(test, ms, run):
        return
    s = sum((p.value for p in ms[1:]), ZERO)
    unit = _unit(total.printed)
    formula = " + ".join(_addend(run, ai, p, unit) for p in st.parts)
    label = run.label(total) if total.field else "合计"
    ref = (ai, st.total)
    if st.complete:
        run.emit("text-sum-mismatch", ref, s, total.value, label=label, want=show(total, s), formula=formula,
                 got=total.printed.strip(), diff=diff_text(total, s, total.value))
    else:
        run.emit("text-parts-exceed", ref, s, total.value, label=label, want=show(total, s), formula=formula,
                 got=total.printed.strip(), diff=diff_text(total, s, total.value))


def _unit(printed: str) -> str:
    p = printed.strip()
    return "元" if p.endswith("元") and not p.endswith("万元") and not p.endswith("亿元") else "万元"


def _addend(run: Run, ai: int, idx: int, unit: str) -> str:
    c = run.analyses[ai].claims[idx]
    same = _unit(c.printed) == unit
    return c.printed.strip().removesuffix("万元") if same and unit == "万元" else c.printed.strip()


# ------------------------------------------------------------------------------ N1d shares


def _ratio_range(p: Member, w: Member):
    if w.value - w.err <= 0:
        return None
    corners = [(p.value + dp) / (w.value + dw) for dp in (-p.err, p.err) for dw in (-w.err, w.err)]
    return min(corners), max(corners)


def _share(run: Run, ai: int, st: ShareOf) -> None:
    a = run.analyses[ai]
    r = a.claims[st.ratio]
    if r.skip or r.kind != "percent":
        return
    ms = _members(run, ai, r, [st.part, st.whole])
    if ms is None:
        if r.field == "exec_rate":
            _rate_vs_table(run, ai, r)
        return
    half = r.quantum / 2

    def test(m):
        rng = _ratio_range(m[0], m[1])
        return rng is None or (rng[1] >= r.value - half and rng[0] <= r.value + half)

    if _holds(test, ms, run) or _ratio_range(ms[0], ms[1]) is None:
        return
    part, whole = ms
    exact = part.value / whole.value
    expected = K.rounded(exact, r.quantum)
    label = "执行率" if r.field == "exec_rate" else "占比"
    fields = dict(label=label, want=K.pct(expected, r.places), part=K.bare(part.value), whole=K.bare(whole.value),
                  got=r.printed.strip())
    if abs(expected - r.value) <= r.quantum:
        run.emit("text-share-slip", (ai, st.ratio), expected, r.value, exact=K.pct(exact, r.places + 3), **fields)
    else:
        run.emit("text-share-mismatch", (ai, st.ratio), expected, r.value,
                 diff=K.plain(abs(expected - r.value) * 100, 2), **fields)


def _rate_vs_table(run: Run, ai: int, r) -> None:
    """An 执行率 whose amounts are nowhere: compare with the table's 执行率 (N1a)."""
    scope = run.scope(r, "exec_rate")
    if scope is None:
        return
    v = run.facts.project(scope, "exec_rate")
    if v is None or K.rounded(Decimal(v), r.quantum) == r.value:
        return
    run.emit("text-figure-mismatch", (ai, r.index), Decimal(v), r.value, label=run.label(r, "exec_rate"),
             want=K.pct(K.rounded(Decimal(v), r.quantum), r.places), source=f"{scope.sheet}!H5",
             got=r.printed.strip(), diff=f"{K.plain(abs(Decimal(v) - r.value) * 100, 2)} 个百分点")


# ------------------------------------------------------------------------------ N1d changes


def _change(run: Run, ai: int, st: ChangeOf) -> None:
    a = run.analyses[ai]
    c = a.claims[st.change]
    subject = a.claims[st.subject] if isinstance(st.subject, int) else None
    if subject is not None and not run.comparable(subject) and subject.skip != "last-year":
        return
    ms = _members(run, ai, c, [st.subject, st.base])
    if ms is None:
        return
    actual = c.value * st.sign

    def compute(m):
        s, b = m
        if st.relative:
            return None if b.value == 0 else (s.value - b.value) / b.value
        return s.value - b.value

    def test(m):
        got = compute(m)
        if got is None:
            return True
        s, b = m
        tol = c.quantum / 2 + (s.err + b.err if not st.relative else (s.err + b.err) / abs(b.value))
        return abs(got - actual) <= tol

    if _holds(test, ms, run) or compute(ms) is None:
        return
    got = compute(ms)
    expected = K.rounded(got, c.quantum)
    word = "增加" if expected >= 0 else "减少"
    s, b = ms
    if st.relative:
        formula = f"（{K.bare(s.value)} − {K.bare(b.value)}）÷ {K.bare(b.value)}"
        shown = f"{word} {K.pct(abs(expected), c.places)}"
        diff = f"{K.plain(abs(expected - actual) * 100, 2)} 个百分点"
    else:
        formula = f"{K.bare(s.value)} − {K.bare(b.value)}"
        shown = f"{word} {show(c, abs(expected))}"
        diff = diff_text(c, expected, actual)
    act_word = "增加" if st.sign > 0 else "减少"
    label = f"较{'上年' if isinstance(st.base, int) else '年初预算'}增减"
    run.emit("text-change-mismatch", (ai, st.change), expected, actual, label=label, want=shown,
             formula=formula, got=f"{act_word} {c.printed.strip()}", diff=diff)


# ------------------------------------------------------------------------------ N1f


def _product(run: Run, ai: int, st: ProductOf) -> None:
    a = run.analyses[ai]
    p = a.claims[st.product]
    ms = _members(run, ai, p, [st.standard, *st.factors, st.product])
    if ms is None:
        return

    def compute(m):
        out = m[0].value
        for f in m[1:-1]:
            out *= f.value
        return out

    def test(m):
        factor = compute(m) / m[0].value if m[0].value else ZERO
        return abs(compute(m) - m[-1].value) <= p.quantum / 2 + m[0].err * abs(factor)

    if _holds(test, ms, run):
        return
    expected = compute(ms)
    std = a.claims[st.standard]
    formula = " × ".join([std.printed.strip(), *(a.claims[f].printed.strip() for f in st.factors)])
    run.emit("text-product-mismatch", (ai, st.product), expected, p.value, want=show(p, expected),
             formula=formula, got=p.printed.strip(), diff=diff_text(p, expected, p.value))

