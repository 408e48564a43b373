"""Scoring policies in files: a province's variant of the national rules, kept in TOML or JSON.

    perfxl policy -o 评分设置.toml        # the national defaults, commented, to edit
    perfxl check 部门.xlsx --policy 评分设置.toml
"""
from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

from .core.policy import DEFAULT_POLICY, ScoringPolicy

COMMENTS = {
    "weights": "一级指标权重（“预算执行率”为项目资金行的分值），合计须为 100 [财预〔2020〕10号：10/50/30/10]",
    "exec_zero_below": "执行率低于此比率时预算执行得分为 0（如 0.6）；不设则不启用",
    "exec_reason_below": "执行率低于此比率时须填写偏差原因（四川等地：0.9）",
    "over_achievement": "实际/目标 达到此倍数且未写偏差原因时给出警告（1.2 = 120%），不自动扣分",
    "qualitative_bands": "定性指标分档下限（占分值比例）：达成 ≥ 第一个，部分达成 ≥ 第二个（有的地方用 0.5）",
    "qualitative_defaults": "只写了定性表述时的默认得分比例：达成、部分达成、未达成",
    "grade_bands": "等级分数线，从高到低：[分数线, 等级]",
    "grade_below": "低于最低分数线的等级",
    "score_places": "得分保留小数位（四舍五入）",
    "total_places": "总分按几位小数评定等级（有的表打印整数：0）",
    "equality_tolerance": "“等于”型指标的相对容差",
    "not_applicable_rescale": "“不适用”指标不计分并按适用分值折算总分",
    "tolerance_amount": "金额核对容差（万元，每个加数）",
    "tolerance_rate": "比率核对容差（0.0001 = 0.01 个百分点）",
}


class PolicyFileError(ValueError):
    """A policy file that cannot be used; ``str()`` names the file and what is wrong, in Chinese."""


def load_policy(path: str | os.PathLike | None) -> ScoringPolicy:
    """The policy in ``path`` (.toml or .json; missing keys keep the national defaults)."""
    if path is None:
        return DEFAULT_POLICY
    p = Path(path)
    try:
        text = p.read_bytes()
    except OSError as exc:
        raise PolicyFileError(f"{p.name}：无法读取评分设置文件（{exc.strerror or exc}）。") from None
    try:
        if p.suffix.lower() == ".json":
            data = json.loads(text.decode("utf-8-sig"))
        else:
            data = tomllib.loads(text.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PolicyFileError(f"{p.name}：评分设置文件格式有误（{exc}）。") from None
    try:
        return ScoringPolicy.from_mapping(data)
    except ValueError as exc:
        raise PolicyFileError(f"{p.name}：{exc}") from None


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        try:
            float(value)
            return value  # Decimals are kept as their exact text, written as TOML numbers
        except ValueError:
            return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(type(value))


def policy_toml(policy: ScoringPolicy = DEFAULT_POLICY) -> str:
    """The policy as a commented TOML document that ``load_policy`` reads back to the same policy."""
    mapping = policy.as_mapping()
    lines = ["# perfxl 评分设置（缺省项按国家默认规则）。用法：perfxl check 文件.xlsx --policy 本文件", ""]
    weights = mapping.pop("weights")
    if "exec_zero_below" not in mapping:
        lines += [f"# {COMMENTS['exec_zero_below']}", "# exec_zero_below = 0.6", ""]
    for key, value in mapping.items():
        lines += [f"# {COMMENTS.get(key, key)}", f"{key} = {_toml_value(value)}", ""]
    lines += [f"# {COMMENTS['weights']}", "[weights]"]
    lines += [f"{json.dumps(k, ensure_ascii=False)} = {_toml_value(v)}" for k, v in weights.items()]
    return "\n".join(lines) + "\n"
