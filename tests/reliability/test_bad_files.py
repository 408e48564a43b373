"""The bad-file corpus through every door, each run a subprocess under a wall-time and a memory limit:
``perfxl check --format json``, ``perfxl fill -o``, ``perfxl consolidate`` and the Python API
(``perfxl.check``, and ``perfxl.batch.read_one`` for the calamine reader).

For every file: the exit code is 0, 1 or 2 and nothing prints a traceback; an unusable file gets one
Chinese sentence that names the file (its name, not its path), says what to do and quotes no Python
exception; the input's SHA-256 is unchanged; no temporary file (``.~perfxl-*``) is left behind; no run
takes more than its time or memory."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from concurrent.futures import ThreadPoolExecutor

from tests.reliability.runner import PEAK_RSS_KB, fork_many, json_rows, run_many, run_perfxl
from perfxl.io.files import sha256

pytestmark = pytest.mark.slow

UNUSABLE = ("truncated-", "flipped-", "method-", "bad-crc-", "declared-", "encrypted-member", "duplicate-member",
            "laughs-", "late-dtd-", "external-entity", "merged-whole-sheet", "many-cells",
            "without-xl_workbook.xml")
READABLE = ("chart-sheet", "far-", "name-", "num-decimal", "num-float", "num-int", "num-text", "num-negative",
            "num-subnormal", "num-400", "num-huge", "long-")
PYTHON_TEXT = re.compile(r"Traceback|Error\b|Exception|zipfile|BadZip|zlib|lxml|openpyxl|calamine|KeyError|"
                         r"\b[A-Z][a-z]+[A-Z][a-zA-Z]+\b")  # CamelCase: a Python class name
CHECK_BATCH = 10


def expect(name: str) -> str | None:
    if name.startswith(UNUSABLE):
        return "unusable"
    if name.startswith(READABLE):
        return "readable"
    return None  # either, as long as it is clean


def sentence_ok(message: str, name: str, folder: Path) -> None:
    assert "\n" not in message.strip(), message
    assert message.startswith(f"{name}.xlsx："), message
    assert str(folder) not in message, "the message names the file, not its path"
    assert "请" in message, f"the sentence says what to do: {message}"
    assert not PYTHON_TEXT.search(message), f"no Python text in the sentence: {message}"


def no_temp_files(*folders: Path) -> None:
    for folder in folders:
        left = [p.name for p in folder.iterdir() if p.name.startswith(".~perfxl-")]
        assert not left, f"temporary files left in {folder}: {left}"


API_SCRIPT = r"""
import json, resource, sys
import perfxl
from perfxl.batch import read_one
for path in sys.argv[1:]:
    row = {"path": path}
    try:
        r = perfxl.check(path)
        row["unusable"] = r.unusable
        row["findings"] = len(r.findings)
    except BaseException as exc:
        row["error"] = f"{type(exc).__name__}: {exc}"[:300]
    try:
        facts = read_one(path)
        row["batch_unusable"] = facts.unusable
    except BaseException as exc:
        row["batch_error"] = f"{type(exc).__name__}: {exc}"[:300]
    print(json.dumps(row, ensure_ascii=False), flush=True)
print(json.dumps({"peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


@pytest.fixture(scope="module")
def runs(corpus, tmp_path_factory):
    """Every command on every corpus file, each in its own process, two at a time (the API in a
    process of its own, alongside); the hashes before and after."""
    folder = next(iter(corpus.values())).parent
    out = tmp_path_factory.mktemp("fill-out")
    before = {name: sha256(p) for name, p in corpus.items()}
    names = sorted(corpus)
    api = ThreadPoolExecutor(1).submit(run_perfxl, *[corpus[n] for n in names], script=API_SCRIPT, timeout=300)
    commands = [["check", corpus[n], "--format", "json"] for n in names]
    commands += [["fill", corpus[n], "-o", out / f"{n}.xlsx"] for n in names]
    commands.append(["consolidate", folder, "-o", out / "汇总.xlsx", "--jobs", "1"])
    results = fork_many(commands)
    after = {name: sha256(p) for name, p in corpus.items()}
    n = len(names)
    return {"folder": folder, "out": out, "checks": dict(zip(names, results[:n])),
            "fills": dict(zip(names, results[n:2 * n])), "consolidate": results[-1], "api": api.result(),
            "before": before, "after": after}


def test_inputs_unchanged_and_no_temp_files(runs):
    assert runs["before"] == runs["after"]
    no_temp_files(runs["folder"], runs["out"])


def test_check(runs):
    folder = runs["folder"]
    for name, run in runs["checks"].items():
        assert run.returncode in (0, 1, 2), (name, run.returncode, run.stderr[-2000:])
        assert "Traceback" not in run.both, (name, run.stderr[-3000:])
        assert run.peak_kb < PEAK_RSS_KB, (name, run.peak_kb)
        rows = json_rows(run)
        for r in rows:
            assert "\n" not in r["message"].strip(), r
        unusable = [r["message"] for r in rows if r["code"] == "workbook-unusable"]
        if unusable:
            assert run.returncode == 2 and len(unusable) == 1, (name, run.returncode)
            sentence_ok(unusable[0], name, folder)
            assert expect(name) != "readable", unusable[0]
        else:
            assert run.returncode in (0, 1), (name, run.stdout[-1000:])
            assert expect(name) != "unusable", f"{name} should be refused"


def test_fill(runs):
    folder, out = runs["folder"], runs["out"]
    for name, run in runs["fills"].items():
        assert run.returncode in (0, 1, 2), (name, run.returncode, run.stderr[-2000:])
        assert "Traceback" not in run.both, (name, run.stderr[-3000:])
        assert run.peak_kb < PEAK_RSS_KB, (name, run.peak_kb)
        target = out / f"{name}.xlsx"
        if run.returncode == 2:
            lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
            assert len(lines) == 1, (name, run.stderr)
            message = lines[0].removeprefix("错误：")
            sentence_ok(message, name, folder)
            assert not target.exists()
            assert expect(name) != "readable", message
        else:
            assert target.exists() and run.returncode == 0, (name, run.both)
            assert expect(name) != "unusable", f"{name} should be refused"


def test_api_and_batch_reader(runs, corpus):
    run = runs["api"]
    assert run.returncode == 0, run.stderr[-3000:]
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    peak = rows.pop()["peak_kb"]
    assert peak < 2 * PEAK_RSS_KB, peak  # one process for the whole corpus
    assert len(rows) == len(corpus)
    folder = runs["folder"]
    for row in rows:
        name = Path(row["path"]).stem
        assert "error" not in row and "batch_error" not in row, row
        for message in (row["unusable"], row["batch_unusable"]):
            if message:
                assert "意外错误" not in message, f"an exception escaped the reader: {message}"
                sentence_ok(message, name, folder)
                assert expect(name) != "readable", message
        if expect(name) == "unusable":
            assert row["unusable"], row  # (the batch reader reads fewer parts: a damaged docProps is no loss)


def test_consolidate_the_whole_corpus(runs):
    run = runs["consolidate"]
    assert run.returncode in (1, 2), run.both[-3000:]
    assert "Traceback" not in run.both, run.stderr[-3000:]
    assert run.peak_kb < PEAK_RSS_KB, run.peak_kb
    assert (runs["out"] / "汇总.xlsx").exists()


def test_zip_bomb_everywhere(zip_bomb, tmp_path):
    """1 GiB of whitespace in a 1 MB file: refused from the zip's directory, before decompressing."""
    folder = tmp_path / "in"
    folder.mkdir()
    bomb = Path(shutil.copy(zip_bomb, folder / "bomb.xlsx"))
    before = sha256(bomb)
    runs = run_many([("check", bomb, "--format", "json"), ("fill", bomb, "-o", tmp_path / "out.xlsx"),
                     ("consolidate", folder, "-o", tmp_path / "汇总.xlsx"),
                     ((bomb,), {"script": API_SCRIPT})])
    for run in runs:
        assert run.returncode in (0, 1, 2) and "Traceback" not in run.both, run.both[-2000:]
        assert run.peak_kb < 200_000, (run.args, run.peak_kb)  # never decompressed
    assert runs[0].returncode == 2 and "压缩炸弹" in json_rows(runs[0])[0]["message"]
    api = json.loads(runs[3].stdout.splitlines()[0])
    assert "压缩炸弹" in api["unusable"] and "压缩炸弹" in api["batch_unusable"]
    assert sha256(bomb) == before
    assert not (tmp_path / "out.xlsx").exists()
    no_temp_files(folder, tmp_path)


def test_declared_size_lie_is_caught_while_inflating(zip_bomb, tmp_path):
    """The same bomb with its directory claiming 20 KB: inflating stops one byte past the claim."""
    from tests.reliability import corpus as C

    liar = C.declared_size(zip_bomb, tmp_path / "liar.xlsx", _bomb_part(zip_bomb), 20_000)
    runs = run_many([("check", liar, "--format", "json"), ((liar,), {"script": API_SCRIPT})])
    for run in runs:
        assert "Traceback" not in run.both and run.peak_kb < 200_000, (run.both[-2000:], run.peak_kb)
    assert "比声明的大" in json_rows(runs[0])[0]["message"]
    assert "比声明的大" in json.loads(runs[1].stdout.splitlines()[0])["batch_unusable"]


def _bomb_part(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return max(zf.infolist(), key=lambda i: i.file_size).filename
