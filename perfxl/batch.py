"""Consolidate many department workbooks into one summary (RULES.md §5).

    import perfxl
    s = perfxl.consolidate(["收件箱/"])          # files, folders (recursive) or glob patterns
    s.departments                                  # pandas DataFrame, one row per department
    s.totals["exec_rate"]                          # Σ执行 / Σ预算, a Decimal
    s.to_excel("汇总.xlsx")

    from perfxl.batch import consolidate_to_excel   # what `perfxl consolidate` runs: streamed,
    s, path = consolidate_to_excel(["收件箱/"], "汇总.xlsx")   # memory flat in the number of files

Files are read with python-calamine in worker processes (``jobs``, default: all cores); each worker
returns plain picklable records, never pandas. pandas is imported only when a DataFrame is asked for.
``consolidate`` keeps every table in memory (for the DataFrames); ``consolidate_to_excel`` writes
each file's detail rows into the workbook as the file's result arrives (in input order) while the
workers read on, and keeps only the one-row-per-department table and running totals. Both write
the same workbook (``core.summary.Consolidation`` decides every row for both).
"""
from __future__ import annotations

import glob
import os
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .core import summary as S
from .core.policy import DEFAULT_POLICY, ScoringPolicy

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
            hits = glob.glob(s, recursive=True)
            for h in hits:
                if os.path.isdir(h):
                    for p in expand_inputs([h], exclude):
                        out.setdefault(p, None)
                else:
                    found(h)
        else:
            out.setdefault(os.path.normpath(s), None)
    return sorted(out)


# ------------------------------------------------------------------------------------ one file
def read_one(path: str, policy: ScoringPolicy = DEFAULT_POLICY) -> S.FileFacts:
    """Read, check and reduce one file to its record. Never raises on a bad file."""
    from .core.checks import run_checks
    from .core.derive import cached_figures
    from .io.extract import read_department
    from .io.fast import FastBook
    from .io.files import sha256
    from .io.protocol import UnusableWorkbook

    name = os.path.basename(path)
    try:
        size = os.path.getsize(path)
        digest = sha256(path)
    except OSError as exc:
        return S.FileFacts(path, name, 0, "", unusable=_missing(name, exc))
    facts = S.FileFacts(path, name, size, digest)
    try:
        book = FastBook(path)
        with cached_figures():  # the checks and the record share each project's figures
            try:
                dept = read_department(book)
                findings = list(run_checks(dept, policy))
                findings[:0] = _formula_findings(book, name)
            finally:
                book.close()
            facts.record = S.department_record(dept, findings, policy)
    except UnusableWorkbook as exc:
        facts.unusable = exc.message
    except Exception as exc:  # a bug or an exotic file must not stop the batch
        facts.unusable = f"{name}：读取或校验时出错（{type(exc).__name__}: {exc}），请用 perfxl check 单独检查此文件。"
    return facts


def _missing(name: str, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"{name}：文件不存在，请检查路径。"
    return f"{name}：无法打开文件（{exc.strerror or exc}）。"


def _formula_findings(book, name: str) -> list:
    from .core.findings import Finding, Severity, Where

    out = []
    for sheet, ref in book.formulas_without_values():
        out.append(Finding(
            "formula-without-value", Severity.ERROR, Where(name, sheet, ref),
            "单元格是公式但文件中没有保存计算结果（可能由不计算公式的程序生成），汇总无法读取其值；"
            "请在 Excel 或 WPS 中打开此文件、保存后再汇总。"))
    return out


_POLICIES: dict[str, ScoringPolicy] = {}


def _read_chunk(args: tuple[list[str], dict | None]) -> list[S.FileFacts]:
    """Worker entry: the policy travels as a plain mapping (it holds unpicklable mapping proxies)."""
    paths, mapping = args
    policy = DEFAULT_POLICY
    if mapping is not None:
        key = repr(sorted(mapping.items()))
        policy = _POLICIES.get(key) or _POLICIES.setdefault(key, ScoringPolicy.from_mapping(mapping))
    return [read_one(p, policy) for p in paths]


# ------------------------------------------------------------------------------------ the run
def _jobs(jobs: int | None) -> int:
    if jobs is None or jobs <= 0:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:
            return max(1, os.cpu_count() or 1)
    return jobs


def iter_read(paths: list[str], jobs: int | None = None,
              policy: ScoringPolicy = DEFAULT_POLICY) -> Iterator[S.FileFacts]:
    """Read every path (in worker processes when worthwhile), yielding each file's facts in the order
    of ``paths`` as soon as it (and every file before it) is read, so the caller can use them while
    the workers read on."""
    n = len(paths)
    jobs = min(_jobs(jobs), max(1, n))
    if jobs == 1 or n < 8:
        for p in paths:
            yield read_one(p, policy)
        return
    import multiprocessing as mp

    # import the readers and checks once here, so forked workers start with them loaded
    from .core import checks as _checks  # noqa: F401
    from .core.checks import FAMILIES
    from importlib import import_module

    for fam in FAMILIES:
        try:
            import_module(f"{_checks.__name__}.{fam}")
        except ModuleNotFoundError:
            pass
    from .io import extract as _e, fast as _f  # noqa: F401

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    ctx = mp.get_context(method)
    # small chunks: a few per worker for balance, and results flow back soon enough for the main
    # process to write them while the workers read on
    size = max(4, min(16, n // (jobs * 8) or 1))
    mapping = None if policy == DEFAULT_POLICY else policy.as_mapping()
    chunks = [(paths[i:i + size], mapping) for i in range(0, n, size)]
    with ctx.Pool(jobs) as pool:
        for part in pool.imap(_read_chunk, chunks):
            yield from part


def read_all(paths: list[str], jobs: int | None = None, policy: ScoringPolicy = DEFAULT_POLICY,
             progress: Callable[[int, int], None] | None = None) -> list[S.FileFacts]:
    """Read every path (in worker processes when worthwhile); results in the order of ``paths``."""
    n = len(paths)
    out: list[S.FileFacts] = []
    for facts in iter_read(paths, jobs, policy):
        out.append(facts)
        if progress:
            progress(len(out), n)
    return out


def _exit_code(c: dict) -> int:
    usable = c[S.STATUS_OK] + c[S.STATUS_ERRORS] + c[S.STATUS_DUPLICATE]
    if usable == 0:
        return EXIT_NONE
    if c[S.STATUS_ERRORS] or c[S.STATUS_UNUSABLE] or c[S.STATUS_DUPLICATE]:
        return EXIT_SOME
    return EXIT_OK


class Summary:
    """The result of a consolidation: plain tables (``data``) and lazy pandas DataFrames."""

    def __init__(self, data: S.SummaryData, inputs: list[str], elapsed: float = 0.0):
        self.data = data
        self.inputs = inputs
        self.elapsed = elapsed
        self._frames: dict[str, object] = {}

    # plain facts ------------------------------------------------------------------------
    @property
    def totals(self) -> dict:
        return self.data.totals

    @property
    def counts(self) -> dict:
        return self.data.counts

    @property
    def exit_code(self) -> int:
        return _exit_code(self.counts)

    @property
    def n_files(self) -> int:
        return len(self.data.files)

    @property
    def n_review(self) -> int:
        return len(self.data.review)

    @property
    def problem_files(self) -> list[dict]:
        """The 文件清单 rows of the files that could not be read or were duplicates."""
        return [f for f in self.data.files if f["status"] in (S.STATUS_UNUSABLE, S.STATUS_DUPLICATE)]

    # DataFrames -------------------------------------------------------------------------
    def _frame(self, key: str):
        if key not in self._frames:
            from .io import summary_book as B
            from .io.frames import to_frame

            columns, rows = {
                "departments": (B.DEPT_COLUMNS, self.data.departments),
                "projects": (B.PROJECT_COLUMNS, self.data.projects),
                "indicators": (B.INDICATOR_COLUMNS, self.data.indicators),
                "sangong": (B.SANGONG_COLUMNS, self.data.sangong),
                "procurement": (B.PROCUREMENT_COLUMNS, self.data.procurement),
                "assets": (B.ASSET_COLUMNS, self.data.assets),
                "findings": (B.FINDING_COLUMNS, self.data.findings),
                "review": (B.REVIEW_COLUMNS, self.data.review),
                "files": (B.FILE_COLUMNS, self.data.files),
            }[key]
            self._frames[key] = to_frame(columns, rows)
        return self._frames[key]

    departments = property(lambda self: self._frame("departments"), doc="汇总: one row per department")
    projects = property(lambda self: self._frame("projects"), doc="项目明细")
    indicators = property(lambda self: self._frame("indicators"), doc="指标明细")
    sangong = property(lambda self: self._frame("sangong"), doc="三公经费")
    procurement = property(lambda self: self._frame("procurement"), doc="政府采购")
    assets = property(lambda self: self._frame("assets"), doc="资产")
    findings = property(lambda self: self._frame("findings"), doc="校验问题")
    review = property(lambda self: self._frame("review"), doc="抽查建议")
    files = property(lambda self: self._frame("files"), doc="文件清单")

    def to_excel(self, path: str | os.PathLike) -> Path:
        """Write the summary workbook (atomically; never over one of the inputs)."""
        from .io.summary_book import write_summary

        return write_summary(self.data, path, self.inputs)


def consolidate(paths: Iterable[str | os.PathLike] | str | os.PathLike, *, jobs: int | None = None,
                policy: ScoringPolicy = DEFAULT_POLICY, exclude: Iterable[str | os.PathLike] = (),
                progress: Callable[[int, int], None] | None = None) -> Summary:
    """Read, check and consolidate every workbook in ``paths``; nothing is written."""
    t0 = time.perf_counter()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = expand_inputs(paths, exclude)
    facts = read_all(files, jobs, policy, progress)
    data = S.build(facts, policy)
    return Summary(data, files, time.perf_counter() - t0)


class StreamedSummary:
    """What is left of a streamed consolidation once the workbook is written: the counts, the
    totals, the files that need attention — enough for the command's report and exit code."""

    def __init__(self, c: S.Consolidation, inputs: list[str], totals: dict, elapsed: float = 0.0):
        self.counts = dict(c.counts)
        self.totals = totals
        self.n_files = c.n_files
        self.n_review = c.n_review
        self.problem_files = c.problem_files
        self.duplicates = c.duplicates
        self.inputs = inputs
        self.elapsed = elapsed

    @property
    def exit_code(self) -> int:
        return _exit_code(self.counts)


def consolidate_to_excel(paths: Iterable[str | os.PathLike] | str | os.PathLike, output: str | os.PathLike, *,
                         jobs: int | None = None, policy: ScoringPolicy = DEFAULT_POLICY,
                         exclude: Iterable[str | os.PathLike] = (),
                         progress: Callable[[int, int], None] | None = None) -> tuple[StreamedSummary, Path]:
    """Read, check and consolidate every workbook in ``paths`` straight into the summary workbook
    ``output`` (the same workbook as ``consolidate(paths).to_excel(output)``).

    Each file's rows go into the detail sheets as soon as the file is read, while the workers read
    the next ones, and are dropped; only the one-row-per-department table and running totals stay in
    memory, so memory does not grow with the detail rows. The output is written atomically and is
    never one of the inputs (``ValueError``). Returns the small summary and the path written."""
    from .io.files import atomic_write
    from .io.summary_book import SummaryWriter, refuse_inputs

    t0 = time.perf_counter()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    target = Path(output)
    files = expand_inputs(paths, [*exclude, target])
    refuse_inputs(target, files)
    n = len(files)
    c = S.Consolidation(policy)
    box: dict = {}

    def write(tmp: str) -> None:
        w = SummaryWriter(tmp, n)
        for i, facts in enumerate(iter_read(files, jobs, policy), start=1):
            w.add(c.add(facts))
            if progress:
                progress(i, n)
        box["totals"] = totals = c.totals()
        w.close(c.departments, totals, c.counts, c.sangong.sums, c.procurement.sums, c.assets.sums)

    written = atomic_write(target, write)
    return StreamedSummary(c, files, box["totals"], time.perf_counter() - t0), written
