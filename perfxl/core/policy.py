"""The scoring policy: every [PROV]/[DEF] rule of RULES.md §2 is a setting here, not a constant in code.

The divisor of 执行率 is not a setting: the template's 全年预算数 column is the budget after the
year's adjustments (the [PROV] "调整后预算数"), which is also the national divisor.

``DEFAULT_POLICY`` holds the national defaults. A policy round-trips through a plain mapping
(``as_mapping`` / ``from_mapping``) so it can live in a JSON or TOML file.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Mapping

from perfxl.core.money import TOL_AMOUNT, TOL_RATE, D

EXEC_KEY = "预算执行率"
LEVELS = ("full", "partial", "poor")

_DEFAULT_WEIGHTS = {EXEC_KEY: Decimal(10), "产出指标": Decimal(50), "效益指标": Decimal(30), "满意度指标": Decimal(10)}


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Decimal]:
    return MappingProxyType({str(k): D(v) for k, v in mapping.items()})


@dataclass(frozen=True)
class ScoringPolicy:
    """How indicators and totals are scored. Fractions are of the 分值 (0.8 = 80%)."""

    # 一级 name → weight; "预算执行率" is the funds row [NAT 10/50/30/10]
    weights: Mapping[str, Decimal] = field(default_factory=lambda: _frozen(_DEFAULT_WEIGHTS))
    exec_zero_below: Decimal | None = None  # 执行率 below this scores 0 [DEF off]
    exec_reason_below: Decimal = Decimal("0.9")  # 执行率 below this needs a reason [PROV Sichuan]
    over_achievement: Decimal = Decimal("1.2")  # actual/target at or above this needs a reason [DEF]
    qualitative_bands: tuple[Decimal, Decimal] = (Decimal("0.8"), Decimal("0.6"))  # lower edges of full/partial
    qualitative_defaults: tuple[Decimal, Decimal, Decimal] = (Decimal(1), Decimal("0.7"), Decimal("0.3"))
    grade_bands: tuple[tuple[Decimal, str], ...] = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"))
    grade_below: str = "差"
    score_places: int = 2  # 得分 rounded half up [DEF]
    total_places: int = 2  # 总分 as printed; some tables print integers (0)
    equality_tolerance: Decimal = Decimal("0.0001")  # relative: |a − t| ≤ tol × |t| counts as equal [DEF]
    not_applicable_rescale: bool = True  # 不适用 indicators left out and the total rescaled [PROV]
    tolerance_amount: Decimal = TOL_AMOUNT  # 万元 per addend
    tolerance_rate: Decimal = TOL_RATE  # fraction (0.01 percentage point)
    exec_weight_range: tuple[Decimal, Decimal] = (Decimal(0), Decimal(30))  # a 预算执行率分值 outside is questioned
    review_high_score: Decimal = Decimal(95)  # 抽查: a total at or above this …
    review_low_rate: Decimal = Decimal("0.9")  # … with 执行率 below this is a review candidate [DEF]

    def __post_init__(self) -> None:
        _validate(self)

    def __hash__(self) -> int:
        return hash(repr(sorted(self.as_mapping().items())))

    # ------------------------------------------------------------------ helpers
    @property
    def exec_weight(self) -> Decimal:
        return self.weights.get(EXEC_KEY, Decimal(0))

    @property
    def grade_labels(self) -> tuple[str, ...]:
        """Every grade label, best first (优, 良, 中, 差 by default)."""
        return (*(label for _, label in self.grade_bands), self.grade_below)

    def level_default(self, level: str) -> Decimal:
        """Default fraction of 分值 for a phrase-only qualitative indicator (1 / 0.7 / 0.3)."""
        return self.qualitative_defaults[LEVELS.index(level)]

    # ------------------------------------------------------------------ mapping round trip
    def as_mapping(self) -> dict[str, Any]:
        """Plain JSON/TOML-friendly values: Decimals as strings, tuples as lists, None omitted."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            out[f.name] = _plain(value)
        return out

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any]) -> "ScoringPolicy":
        """Build a policy from a mapping (e.g. a parsed JSON/TOML file); missing keys keep defaults.

        Raises ValueError with a Chinese message for unknown keys or bad values.
        """
        if not isinstance(mapping, Mapping):
            raise ValueError("评分设置应为键值表（dict）")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(mapping) - known)
        if unknown:
            raise ValueError(f"未知的评分设置项：{'、'.join(map(str, unknown))}；可用的设置项：{'、'.join(sorted(known))}")
        kwargs: dict[str, Any] = {}
        for key, value in mapping.items():
            try:
                kwargs[key] = _CONVERT[key](value)
            except (TypeError, ValueError, ArithmeticError) as exc:
                raise ValueError(f"评分设置项 {key} 的值无效：{value!r}（{exc}）") from None
        return cls(**kwargs)


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _optional_decimal(value: Any) -> Decimal | None:
    return None if value is None else D(value)


def _int(value: Any) -> int:
    try:
        number = D(value)
    except (TypeError, ValueError):
        raise ValueError("应为整数") from None
    if isinstance(value, bool) or number != number.to_integral_value():
        raise ValueError("应为整数")
    return int(number)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("应为 true 或 false")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("应为文字")
    return value


def _weights(value: Any) -> Mapping[str, Decimal]:
    if not isinstance(value, Mapping):
        raise ValueError("应为键值表（一级指标名称 → 分值）")
    return _frozen(value)


def _grade_bands(value: Any) -> tuple[tuple[Decimal, str], ...]:
    return tuple((D(edge), _str(label)) for edge, label in value)


_CONVERT = {
    "weights": lambda v: _weights(v),
    "exec_zero_below": _optional_decimal,
    "exec_reason_below": D,
    "over_achievement": D,
    "qualitative_bands": lambda v: tuple(D(x) for x in v),
    "qualitative_defaults": lambda v: tuple(D(x) for x in v),
    "grade_bands": _grade_bands,
    "grade_below": _str,
    "score_places": _int,
    "total_places": _int,
    "equality_tolerance": D,
    "not_applicable_rescale": _bool,
    "tolerance_amount": D,
    "tolerance_rate": D,
    "exec_weight_range": lambda v: tuple(D(x) for x in v),
    "review_high_score": D,
    "review_low_rate": D,
}


def _validate(p: ScoringPolicy) -> None:
    problems: list[str] = []
    for f in fields(p):  # normalise types so direct construction behaves like from_mapping
        value = getattr(p, f.name)
        try:
            object.__setattr__(p, f.name, _CONVERT[f.name](value))
        except (TypeError, ValueError, ArithmeticError) as exc:
            problems.append(f"{f.name} 的值无效：{value!r}（{exc}）")
    if problems:
        raise ValueError("评分设置有误：" + "；".join(problems))
    if any(w < 0 for w in p.weights.values()):
        problems.append("权重不能为负数")
    if sum(p.weights.values(), Decimal(0)) != 100:
        problems.append(f"各项权重之和应为 100，现为 {sum(p.weights.values(), Decimal(0))}")
    if p.exec_zero_below is not None and not (0 <= p.exec_zero_below <= 1):
        problems.append("exec_zero_below 应在 0 到 1 之间（比率，如 0.6 表示 60%）")
    if not 0 <= p.exec_reason_below <= 1:
        problems.append("exec_reason_below 应在 0 到 1 之间（比率）")
    if p.over_achievement <= 1:
        problems.append("over_achievement 应大于 1（如 1.2 表示 120%）")
    if len(p.qualitative_bands) != 2 or not (0 < p.qualitative_bands[1] < p.qualitative_bands[0] <= 1):
        problems.append("qualitative_bands 应为两个分档下限，且 0 < 第二档 < 第一档 ≤ 1（如 0.8、0.6）")
    elif len(p.qualitative_defaults) != 3:
        problems.append("qualitative_defaults 应为三个默认得分比例（如 1、0.7、0.3）")
    else:
        full, partial = p.qualitative_bands
        d_full, d_partial, d_poor = p.qualitative_defaults
        if not (full <= d_full <= 1 and partial <= d_partial < full and 0 <= d_poor < partial):
            problems.append("qualitative_defaults 的每个比例应落在对应分档内")
    edges = [edge for edge, _ in p.grade_bands]
    if not p.grade_bands or edges != sorted(edges, reverse=True) or len(set(edges)) != len(edges):
        problems.append("grade_bands 应按分数线从高到低排列，且分数线不重复")
    for name in ("score_places", "total_places"):
        places = getattr(p, name)
        if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= 6:
            problems.append(f"{name} 应为 0 到 6 之间的整数")
    if len(p.exec_weight_range) != 2 or not 0 <= p.exec_weight_range[0] <= p.exec_weight_range[1] <= 100:
        problems.append("exec_weight_range 应为两个分值 [下限, 上限]，且 0 ≤ 下限 ≤ 上限 ≤ 100")
    if not 0 <= p.review_low_rate <= 1:
        problems.append("review_low_rate 应在 0 到 1 之间（比率）")
    if len(set(p.grade_labels)) != len(p.grade_labels):
        problems.append("各等级名称不能重复")
    for name in ("equality_tolerance", "tolerance_amount", "tolerance_rate"):
        if getattr(p, name) < 0:
            problems.append(f"{name} 不能为负数")
    if problems:
        raise ValueError("评分设置有误：" + "；".join(problems))


DEFAULT_POLICY = ScoringPolicy()
