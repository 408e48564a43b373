"""Scoring policies in files: a province's variant of the national rules, kept in TOML or JSON, and
which policy applies to a workbook.

    perfxl policy -o 评分设置.toml                     # the national defaults, commented, to edit
    perfxl check 部门.xlsx --policy 评分设置.toml        # this run
    perfxl policy --policy 评分设置.toml --into 部门.xlsx  # the workbook carries it (every door uses it)
    perfxl policy --policy 评分设置.toml --user           # this user's default (Excel included)

Precedence, the same at every door (CLI, Python API, ribbon, worksheet functions, consolidation):
a policy given for the run (``--policy``) → the workbook's own (its ``_perfxl`` sheet: the policy text
under 评分设置, or a file named under 评分设置文件) → the user's config (``POLICY FILE`` in
``~/.perfxl/perfxl.conf``, the file the add-in installer writes) → the national defaults.
"""
from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
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
    "exec_weight_range": "预算执行率分值的合理范围 [下限, 上限]：超出时请核实（国家 10 分，有的地方 20 分）",
    "review_high_score": "抽查建议：总分不低于此分……",
    "review_low_rate": "……而执行率低于此比率时，列入抽查建议（高分低执行）",
}


META_POLICY = "评分设置"  # the policy's TOML text, in the workbook's _perfxl sheet
META_POLICY_FILE = "评分设置文件"  # or a policy file's path (relative paths: beside the workbook)
USER_POLICY_KEY = "POLICY FILE"  # the key in the user config file


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
    return loads_policy(text, p.name, json_=p.suffix.lower() == ".json")


def loads_policy(text: bytes | str, name: str, json_: bool = False) -> ScoringPolicy:
    """A policy from its TOML (or JSON) text; ``name`` says where it came from in the error message."""
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8-sig")
        data = json.loads(text) if json_ else tomllib.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PolicyFileError(f"{name}：评分设置格式有误（{exc}）。") from None
    try:
        return ScoringPolicy.from_mapping(data)
    except ValueError as exc:
        raise PolicyFileError(f"{name}：{exc}") from None


# ------------------------------------------------------------------------------ which policy applies
def user_config_path() -> Path:
    """The user config file (xlwings' format, also read by the add-in): ``PERFXL_CONFIG`` overrides it."""
    override = os.environ.get("PERFXL_CONFIG")
    if override:
        return Path(override)
    home = os.environ.get("USERPROFILE") if os.name == "nt" else None
    return Path(home or Path.home()) / ".perfxl" / "perfxl.conf"


def read_user_config(path: Path | None = None) -> dict[str, str]:
    """``"KEY","VALUE"`` lines (what ``perfxl addin install`` writes); missing or unreadable → {}."""
    path = path or user_config_path()
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gbk", errors="replace")  # written in the Windows ANSI code page
    out = {}
    for line in text.splitlines():
        parts = [p.strip().strip('"') for p in line.split('","', 1)] if '","' in line else []
        if len(parts) == 2 and parts[0]:
            out[parts[0].upper()] = parts[1]
    return out


def write_user_config(values: dict[str, str], path: Path | None = None) -> Path:
    """Set keys of the user config, keeping the others (the interpreter, UDF modules …)."""
    from .io.files import atomic_write

    path = path or user_config_path()
    merged = {**read_user_config(path), **{k.upper(): v for k, v in values.items()}}
    for value in merged.values():
        if '"' in value:
            raise PolicyFileError(f"配置值不能含双引号：{value}")
    text = "".join(f'"{k}","{v}"\r\n' for k, v in merged.items() if v != "")
    encoding = "mbcs" if os.name == "nt" else "utf-8"
    atomic_write(path, lambda tmp: Path(tmp).write_bytes(text.encode(encoding)))
    return path


@dataclass(frozen=True)
class PolicyChoice:
    policy: ScoringPolicy
    source: str  # where it came from, in Chinese: 命令行、工作簿、用户配置、国家默认


NATIONAL = PolicyChoice(DEFAULT_POLICY, "国家默认规则")
_FILES: dict[tuple[str, float], ScoringPolicy] = {}


def _file_policy(path: Path) -> ScoringPolicy:
    try:
        key = (str(path.resolve()), path.stat().st_mtime)
    except OSError as exc:
        raise PolicyFileError(f"{path.name}：无法读取评分设置文件（{exc.strerror or exc}）。") from None
    if key not in _FILES:
        _FILES[key] = load_policy(path)
    return _FILES[key]


def workbook_policy(meta: dict[str, str], workbook: str | os.PathLike) -> PolicyChoice | None:
    """The policy a workbook carries in its settings sheet, or None. A broken one is an error naming it."""
    name = Path(workbook).name
    text = meta.get(META_POLICY, "").strip()
    if text:
        return PolicyChoice(loads_policy(text, f"{name}（工作簿中的评分设置）"), f"工作簿 {name} 中的评分设置")
    ref = meta.get(META_POLICY_FILE, "").strip()
    if ref:
        path = Path(ref)
        if not path.is_absolute():
            path = Path(workbook).resolve().parent / path
        return PolicyChoice(_file_policy(path), f"工作簿指定的评分设置文件 {path.name}")
    return None


def user_policy() -> PolicyChoice | None:
    ref = read_user_config().get(USER_POLICY_KEY, "").strip()
    if not ref:
        return None
    path = Path(ref).expanduser()
    return PolicyChoice(_file_policy(path), f"用户配置指定的评分设置文件 {path.name}")


def resolve_policy(meta: dict[str, str], workbook: str | os.PathLike,
                   explicit: ScoringPolicy | PolicyChoice | None = None) -> PolicyChoice:
    """The policy for one workbook: the run's, else the workbook's, else the user's, else national."""
    if isinstance(explicit, PolicyChoice):
        return explicit
    if explicit is not None:
        return PolicyChoice(explicit, "命令行指定的评分设置")
    return workbook_policy(meta, workbook) or user_policy() or NATIONAL


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


def set_user_policy(path: str | os.PathLike | None) -> Path | str:
    """Make ``path`` (checked first) the user's default policy; None removes the user's default."""
    if path is None:
        write_user_config({USER_POLICY_KEY: ""})
        return "国家默认规则"
    resolved = Path(path).resolve()
    load_policy(resolved)
    write_user_config({USER_POLICY_KEY: str(resolved)})
    return resolved


def write_workbook_policy(workbook: str | os.PathLike, text: str) -> Path:
    """Store the policy's TOML text in the workbook's settings sheet (``_perfxl``), in place, atomically."""
    from .io.xlsx import XlsxBook

    loads_policy(text, Path(workbook).name)
    book = XlsxBook(workbook)
    book.set_meta(META_POLICY, text)
    return book.save(workbook)
