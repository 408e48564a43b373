"""Consolidate many department workbooks into one summary (RULES.md §5) — one path for every door.

    import perfxl
    s = perfxl.consolidate(["收件箱/"])                   # files, folders (recursive) or glob patterns
    s.departments                                          # pandas DataFrame, one row per department
    s.totals.exec_rate                                     # Σ执行 / Σ预算, a Decimal
    s.to_excel("汇总.xlsx")
    s = perfxl.consolidate(["收件箱/"], output="汇总.xlsx")  # what `perfxl consolidate` runs: streamed

Files are read with python-calamine in worker processes (``jobs``, default: all cores); each worker
evaluates one department (``actions.evaluate_book``: the same evaluation ``perfxl check`` runs) and
returns its finished rows (``core.summary.department_record``), never pandas. The main process decides
duplicates and totals (``core.summary.Consolidation``) and, when ``output`` is given, writes each file's
rows into the summary workbook as they arrive (in input order) while the workers read on; memory does not
grow with the detail rows. Without ``output`` the rows are kept, for DataFrames and ``to_excel``, which
writes the same workbook through the same writer.
"""
from __future__ import annotations

import glob
import logging
import os
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .core import summary as S
from .core.policy import ScoringPolicy
from .core.summary_rows import DETAIL_TABLES, DepartmentRow, Status

_log = logging.getLogger(__name__)

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
EXIT_OK, EXIT_SOME, EXIT_NONE = 0, 1, 2


# ------------------------------------------------------------------------------------ inputs
def expand_inputs(inputs: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = ()) -> list[str]:
    """Files as given, folders searched recursively for .xlsx/.xlsm, glob patterns expanded.

    A name that matches nothing is kept (it will be reported as 文件不存在). Office lock files
    (``~$…``) and perfxl's own temporary files are skipped; so is anything in ``exclude``
    found through a folder or pattern. Each file once, in sorted path order.
    """
    skip = {os.path.abspath(p) for p in exclude}
    out: dict[str, None] = {}

    def found(p: str) -> None:
        name = os.path.basename(p)
        if name.startswith(("~$", ".~perfxl-")) or os.path.abspath(p) in skip:
            return
        if os.path.splitext(name)[1].lower() in WORKBOOK_SUFFIXES:
            out.setdefault(os.path.normpath(p), None)

    for item in inputs:
        s = os.fspath(item)
        if os.path.isdir(s):
            for root, dirs, files in os.walk(s):
                dirs.sort()
                for name in files:
                    found(os.path.join(root, name))
        elif os.path.exists(s):
            out.setdefault(os.path.normpath(s), None)  # named explicitly: always accounted for
        elif any(ch in s for ch in "*?["):
            for h in glob.glob(s, recursive=True):
                if os.path.isdir(h):
                    for p in expand_inputs([h], exclude):
                        out.setdefault(p, None)
                else:
                    found(h)
        else:
            out.setdefault(os.path.normpath(s), None)
    return sorted(out)


# ------------------------------------------------------------------------------------ one file
def read_one(path: str, policy: ScoringPolicy | None = None) -> S.FileFacts:
    """Read, evaluate and reduce one file to its record. Never raises on a bad file."""
    from .actions import evaluate_book
    from .io.fast import FastBook
    from .io.files import sha256
    from .io.protocol import UnusableWorkbook

    name = os.path.basename(path)
    try:
        size = os.path.getsize(path)
        digest = sha256(path)
    except OSError as exc:
        return S.FileFacts(path, name, None, "", unusable=_missing(name, exc))
    facts = S.FileFacts(path, name, size, digest)
    try:
        book = FastBook(path)
        try:
            ev = evaluate_book(book, policy)
            facts.record = S.department_record(ev)
        finally:
            book.close()
    except UnusableWorkbook as exc:
        facts.unusable = exc.message
    except Exception:  # a bug or an exotic file must not stop the batch
        _log.debug("reading %s failed", path, exc_info=True)
        facts.unusable = (f"{name}：读取或校验此文件时发生意外错误，已跳过；请用 perfxl check 单独检查此文件，"
                          "如仍出错请把文件交给维护人员。")
    return facts


def _missing(name: str, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"{name}：文件不存在，请检查路径。"
    return f"{name}：无法打开文件（{exc.strerror or exc}）。"


_POLICIES: dict[str, ScoringPolicy] = {}


def _read_chunk(args: tuple[list[str], dict | None]) -> list[S.FileFacts]:
    """Worker entry: the policy travels as a plain mapping (it holds unpicklable mapping proxies)."""
    paths, mapping = args
    policy = None
    if mapping is not None:
        key = repr(sorted(mapping.items()))
        policy = _POLICIES.get(key) or _POLICIES.setdefault(key, ScoringPolicy.from_mapping(mapping))
    return [read_one(p, policy) for p in paths]


def _jobs(jobs: int | None) -> int:
    if jobs is None or jobs <= 0:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:
            return max(1, os.cpu_count() or 1)
    return jobs


def iter_read(paths: list[str], jobs: int | None = None, policy: ScoringPolicy | None = None) -> Iterator[S.FileFacts]:
    """Read every path (in worker processes when worthwhile), yielding each file's facts in the order of
    ``paths`` as soon as it (and every file before it) is read, so the caller can use them while the
    workers read on. ``policy``: the run's policy, or None for each workbook's own."""
    n = len(paths)
    jobs = min(_jobs(jobs), max(1, n))
    if jobs == 1 or n < 8:
        for p in paths:
            yield read_one(p, policy)
        return
    import multiprocessing as mp

    from . import actions as _actions  # noqa: F401  (forked workers start with the readers and checks loaded)
    from .io import fast as _fast  # noqa: F401

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    # small chunks: a few per worker for balance, and results flow back soon enough for the main
    # process to write them while the workers read on
    size = max(4, min(16, n // (jobs * 8) or 1))
    mapping = None if policy is None else policy.as_mapping()
    chunks = [(paths[i:i + size], mapping) for i in range(0, n, size)]
    with ctx.Pool(jobs) as pool:
        for part in pool.imap(_read_chunk, chunks):
            yield from part


# ------------------------------------------------------------------------------------ the result
class Summary:
    """The result of a consolidation: counts, totals, the files that need attention, and — when the rows
    were kept — the tables as pandas DataFrames and ``to_excel``."""

    def __init__(self, c: S.Consolidation, inputs: list[str], parts: list[S.FileRows] | None,
                 output: Path | None = None, elapsed: float = 0.0):
        self.consolidation = c
        self.totals: S.Totals = c.totals()
        self.counts = dict(c.counts)
        self.n_files, self.n_review = c.n_files, c.n_review
        self.problem_files = c.problem_files
        self.duplicates = c.duplicates
        self.inputs = inputs
        self.parts = parts
        self.output = output
        self.elapsed = elapsed
        self._frames: dict[str, object] = {}

    @property
    def exit_code(self) -> int:
        c = self.counts
        if c[Status.OK] + c[Status.ERRORS] + c[Status.DUPLICATE] == 0:
            return EXIT_NONE
        return EXIT_SOME if c[Status.ERRORS] or c[Status.UNUSABLE] or c[Status.DUPLICATE] else EXIT_OK

    def rows(self, table: str) -> list:
        """The rows of one table (``departments`` or a detail table's key) — only when the rows were kept."""
        if self.parts is None:
            raise ValueError("汇总时未保留明细行（写出汇总工作簿时逐行写出）；请用 perfxl.consolidate(…) 不带 output 获取表格。")
        if table == "departments":
            return list(self.consolidation.departments)
        if table == "files":
            return [p.file for p in self.parts]
        return [row for p in self.parts for row in getattr(p, table)]

    def frame(self, table: str):
        """The table as a pandas DataFrame (pandas is imported only here)."""
        if table not in self._frames:
            from .io.frames import to_frame

            row_type = DepartmentRow if table == "departments" else {k: t for k, t, *_ in DETAIL_TABLES}[table]
            self._frames[table] = to_frame(row_type, self.rows(table))
        return self._frames[table]

    departments = property(lambda self: self.frame("departments"), doc="汇总: one row per department")
    projects = property(lambda self: self.frame("projects"), doc="项目明细")
    indicators = property(lambda self: self.frame("indicators"), doc="指标明细")
    sangong = property(lambda self: self.frame("sangong"), doc="三公经费")
    procurement = property(lambda self: self.frame("procurement"), doc="政府采购")
    assets = property(lambda self: self.frame("assets"), doc="资产")
    findings = property(lambda self: self.frame("findings"), doc="校验问题")
    review = property(lambda self: self.frame("review"), doc="抽查建议")
    files = property(lambda self: self.frame("files"), doc="文件清单")

    def to_excel(self, path: str | os.PathLike) -> Path:
        """Write the summary workbook (atomically; never over one of the inputs) from the kept rows."""
        if self.parts is None:
            raise ValueError("汇总时未保留明细行，无法再次写出；汇总工作簿已写在 " + str(self.output))
        return _write(Path(path), self.inputs, len(self.parts), lambda: iter(self.parts), self.consolidation)


def _write(target: Path, inputs: list[str], n: int, parts: Callable[[], Iterator[S.FileRows]],
           c: S.Consolidation) -> Path:
    from .io.files import atomic_write, same_file
    from .io.summary_book import SummaryWriter

    for p in inputs:
        if target.exists() and same_file(p, target):
            raise ValueError(f"{target.name}：输出文件不能是输入文件之一，请换一个输出路径。")

    def write(tmp: str) -> None:
        w = SummaryWriter(tmp, n)
        for part in parts():
            w.add(part)
        w.close(c, c.totals())

    return atomic_write(target, write)


def _inputs_without_output(files: list[str], target: Path) -> list[str]:
    """The inputs, minus an earlier summary at ``target``; ``ValueError`` when ``target`` is a department's
    workbook among the inputs (named, or found through a folder or a pattern): it is never overwritten."""
    from .io.files import is_perfxl_summary, same_file

    if not target.exists():
        return files
    hits = [f for f in files if same_file(f, target)]
    if hits and not is_perfxl_summary(target):
        raise ValueError(f"{target.name}：输出文件是输入的工作簿之一，汇总不会覆盖它；请换一个输出路径。")
    return [f for f in files if f not in hits]


def consolidate(paths: Iterable[str | os.PathLike] | str | os.PathLike, *, output: str | os.PathLike | None = None,
                keep_rows: bool | None = None, jobs: int | None = None, policy: ScoringPolicy | None = None,
                exclude: Iterable[str | os.PathLike] = (),
                progress: Callable[[int, int], None] | None = None) -> Summary:
    """Read, check and consolidate every workbook in ``paths``.

    With ``output`` the summary workbook is written as the files are read (atomically; never over an
    input: ``ValueError``) and the detail rows are dropped unless ``keep_rows``; without it the rows are
    kept. ``policy``: the policy for every file, or None for each workbook's own (its policy, the
    user's, or the national defaults); the totals count grades under the run's policy labels."""
    from .policy_file import NATIONAL, user_policy

    t0 = time.perf_counter()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    target = None if output is None else Path(output)
    files = expand_inputs(paths, exclude)
    if target is not None:
        from .io.files import check_output_path

        files = _inputs_without_output(files, target)
        check_output_path(target, inputs=files)
    keep = (target is None) if keep_rows is None else keep_rows
    c = S.Consolidation(policy or (user_policy() or NATIONAL).policy)
    kept: list[S.FileRows] | None = [] if keep else None
    n = len(files)

    def parts() -> Iterator[S.FileRows]:
        for i, facts in enumerate(iter_read(files, jobs, policy), start=1):
            part = c.add(facts)
            if kept is not None:
                kept.append(part)
            if progress:
                progress(i, n)
            yield part

    if target is None:
        for _ in parts():
            pass
        written = None
    else:
        written = _write(target, files, n, parts, c)
    return Summary(c, files, kept, written, time.perf_counter() - t0)
