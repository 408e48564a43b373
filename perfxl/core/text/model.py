"""The data of the text checks: what comes in (texts, table facts) and what a sentence claims."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Mapping, Sequence


def quick_init(cls):
    """A frozen dataclass built many times per department (claims, figures, members): its generated
    ``__init__`` looks ``object.__setattr__`` up anew for every field; this one, the same signature
    and defaults, has it at hand (≈ 2× faster for a claim's 21 fields). Only for plain defaults."""
    fields = dataclasses.fields(cls)
    params, body, defaults = [], [], {}
    for f in fields:
        if f.default_factory is not dataclasses.MISSING or not f.init:
            raise TypeError(f"quick_init: {cls.__name__}.{f.name} needs the generated __init__")
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            defaults[f"_d_{f.name}"] = f.default
            params.append(f"{f.name}=_d_{f.name}")
        body.append(f"    _set(self, {f.name!r}, {f.name})")
    src = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n"
    namespace = {"_set": object.__setattr__, **defaults}
    exec(src, namespace)  # noqa: S102 (source built above from the field names)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = dict(cls.__init__.__annotations__)
    cls.__init__ = init
    return cls


@dataclass(frozen=True, slots=True)
class TextCell:
    """One narrative cell. ``key``: text_staffing … text_other (报告正文), goal_expected / goal_actual
    (a project sheet's 年度总体目标), reason (an indicator's 偏差原因), exec_reason, final_reason."""

    sheet: str
    cell: str
    key: str
    text: str


@dataclass(frozen=True, slots=True)
class ProjectFacts:
    """A project sheet's figures: ``values`` by layout key (fund_total_initial, fund_total_full_year,
    fund_total_executed, exec_rate, exec_weight, total_score, grade); ``caps``: 一级 name
    (产出指标 / 效益指标 / 满意度指标 …) → the cap printed in its header."""

    sheet: str
    name: str
    values: Mapping[str, Decimal | str | None] = field(default_factory=dict)
    caps: Mapping[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TableFacts:
    """The tables' figures. ``dept`` by layout key (amounts in 万元, rates as fractions, head counts as
    int); also ``year``, ``unit_name`` and the 基本情况 lists ``departments`` / ``subunits`` as typed
    (their items are counted). A value None is "not stated" and is never compared."""

    dept: Mapping[str, Decimal | int | str | None] = field(default_factory=dict)
    projects: Sequence[ProjectFacts] = ()


@quick_init
@dataclass(frozen=True, slots=True)
class Claim:
    """A figure a sentence states, and what it is bound to.

    ``span`` is the figure (number and unit) in the cell's text, ``sentence_span`` its sentence.
    ``value``: amounts in 万元, percentages as fractions, counts and scores as printed, a grade as
    text; ``quantum`` is one unit of its last printed digit (the tolerance is the printed precision).
    ``field`` is the layout key the figure restates (None when it only has a ``role`` in the
    sentence's arithmetic); ``candidates`` lists the keys of an ambiguous binding. ``skip`` says why
    the figure is not compared with this year's tables: "approx", "plan", "last-year", "other-year",
    "other-unit" ("" when it is). ``year`` is the year the sentence names, ``org`` an organisation
    named before the figure, ``project`` the project the figure is about ("" = not named)."""

    sheet: str
    cell: str
    section: str
    sentence: str
    sentence_span: tuple[int, int]
    span: tuple[int, int]
    printed: str
    kind: str  # amount percent points count score grade
    value: Decimal | str
    places: int
    quantum: Decimal
    field: str | None = None
    candidates: tuple[str, ...] = ()
    role: str = ""  # total part share change standard factor product count weight
    scope: str = "dept"  # dept | project
    project: str = ""
    skip: str = ""
    year: int | None = None
    org: str = ""
    period: int = 0
    index: int = 0  # position among the cell's claims


# ------------------------------------------------------------------------------ structures
# Members are indices into the cell's claims; a member may also be a field (resolved from the text or
# the tables when the check runs): ("field", key).


@dataclass(frozen=True, slots=True)
class SumOf:
    total: int
    parts: tuple[int, ...]
    complete: bool  # the parts are meant to make up the whole total


@dataclass(frozen=True, slots=True)
class ShareOf:
    ratio: int
    part: int | tuple[str, str]
    whole: int | tuple[str, str]


@dataclass(frozen=True, slots=True)
class ChangeOf:
    change: int
    subject: int | tuple[str, str]
    base: int | tuple[str, str]
    relative: bool  # a percentage change (d ÷ base)
    sign: int  # +1 增加, −1 减少


@dataclass(frozen=True, slots=True)
class ProductOf:
    product: int
    standard: int
    factors: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ListOf:
    count: int
    items: tuple[str, ...]
    complete: bool  # no 等: the count must equal the number of items
    joined: bool = False  # the last item may be two names joined by 和/及/与 ("A、B和C")


Structure = SumOf | ShareOf | ChangeOf | ProductOf | ListOf


@dataclass(frozen=True, slots=True)
class Analysis:
    cell: TextCell
    claims: tuple[Claim, ...]
    structures: tuple[Structure, ...]
