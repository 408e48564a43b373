"""Scoring policies from files: the defaults round-trip, a provincial variant changes the results,
and a bad file gets one clear message and exit 2."""
import json
import os
import subprocess
import sys

from perfxl.core.policy import DEFAULT_POLICY
from perfxl.policy_file import load_policy, policy_toml


def run(*args):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "perfxl", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120)


def test_default_policy_file_round_trips(tmp_path):
    path = tmp_path / "评分设置.toml"
    res = run("policy", "-o", path)
    assert res.returncode == 0 and path.exists()
    assert load_policy(path) == DEFAULT_POLICY
    assert "一级指标权重" in path.read_text(encoding="utf-8")


def test_json_policy(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"grade_bands": [[85, "优"], [75, "良"], [60, "中"]]}), encoding="utf-8")
    assert load_policy(path).grade_bands[0][0] == 85


def test_policy_changes_the_grade_written_by_fill(small_dept, tmp_path):
    from openpyxl import load_workbook

    strict = tmp_path / "strict.toml"
    strict.write_text(policy_toml().replace("[[90, \"优\"], [80, \"良\"], [60, \"中\"]]",
                                            "[[101, \"优\"], [80, \"良\"], [60, \"中\"]]"), encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert run("fill", small_dept, "-o", out, "--policy", strict).returncode == 0
    assert load_workbook(out)["项目自评表"]["H31"].value == "良"  # 100 is below the strict 101 line
    # the default policy disagrees with that grade: check says so
    rows = json.loads(run("check", out, "--format", "json").stdout)
    assert any(r["code"] == "grade-mismatch" and r["cell"] == "H31" for r in rows)
    assert run("check", out, "--policy", strict).returncode == 0


def test_bad_policy_file_is_one_message_and_exit_2(small_dept, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[weights]\n\"产出指标\" = 60\n", encoding="utf-8")
    for args in (("check", small_dept), ("fill", small_dept, "-o", tmp_path / "o.xlsx"),
                 ("consolidate", small_dept, "-o", tmp_path / "s.xlsx")):
        res = run(*args, "--policy", bad)
        assert res.returncode == 2, (args, res.stdout, res.stderr)
        assert "bad.toml" in res.stderr and "权重之和应为 100" in res.stderr and "Traceback" not in res.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text("weights = [\n", encoding="utf-8")
    res = run("check", small_dept, "--policy", broken)
    assert res.returncode == 2 and "格式有误" in res.stderr
