"""Seeded mutation test: mutants of the example workbooks (random byte flips, truncations, member
deletions, XML edits inside the zip — deterministic) read in-process through XlsxBook and FastBook
and ``read_department``, and every value through the readers and the scorer: each gives a department
or UnusableWorkbook (one line, naming the file), never another exception, within a bounded time."""
from __future__ import annotations

import random
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.reliability import corpus as C
from perfxl.core import scoring, values
from perfxl.io.extract import read_department
from perfxl.io.fast import FastBook
from perfxl.io.protocol import UnusableWorkbook
from perfxl.io.xlsx import XlsxBook
from tests.tests_helpers import EXAMPLES

pytestmark = pytest.mark.slow

SEED = 20240611
MUTANTS_PER_EXAMPLE = 50
SECONDS_PER_MUTANT = 20  # a mutant takes well under a second; this only catches a hang
WORKERS = 2  # the mutants are read in two worker processes (two cores)


@contextmanager
def deadline(seconds: int, what: str):
    def expired(signum, frame):
        raise TimeoutError(f"{what} took more than {seconds} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def mutants():
    for example in sorted(EXAMPLES.glob("*.xlsx")):
        rnd = random.Random(f"{SEED}:{example.name}")
        data = example.read_bytes()
        for i in range(MUTANTS_PER_EXAMPLE):
            yield f"{example.stem}-{i:03d}", C.mutate(data, rnd)


def _parse_everything(dept) -> None:
    """Every value read goes through the readers and the scorer without an exception."""
    fields = list(dept.fields.values())
    for p in dept.projects:
        fields += list(p.fields.values())
        for ind in p.indicators:
            scoring.indicator_score(ind.target.raw, ind.actual.raw, ind.weight.raw)
            fields += [ind.target, ind.actual, ind.weight, ind.score]
    for f in fields:
        for reader in (values.read_amount, values.read_rate, values.parse_target, values.parse_actual,
                       values.read_int, scoring.read_number):
            reader(f.raw)


def _read_mutants(job: tuple[list[tuple[str, bytes]], str]) -> tuple[dict, list]:
    """Read a share of the mutants (in a worker process): outcomes and failures."""
    items, folder = job
    outcomes = {"department": 0, "unusable": 0}
    failures = []
    for name, data in items:
        path = Path(folder) / f"{name}.xlsx"
        path.write_bytes(data)
        for Book in (XlsxBook, FastBook):
            try:
                with deadline(SECONDS_PER_MUTANT, f"{Book.__name__} on {name}"):
                    dept = read_department(Book(path))
                    _parse_everything(dept)
                outcomes["department"] += 1
            except UnusableWorkbook as exc:
                outcomes["unusable"] += 1
                if "\n" in exc.message or not exc.message.startswith(path.name):
                    failures.append((name, Book.__name__, exc.message))
            except BaseException as exc:  # noqa: BLE001 - the point of the test
                failures.append((name, Book.__name__, f"{type(exc).__name__}: {exc}"[:300]))
        path.unlink()
    return outcomes, failures


def test_mutants(tmp_path):
    import multiprocessing

    items = list(mutants())
    shares = [(items[i::WORKERS], str(tmp_path)) for i in range(WORKERS)]
    with multiprocessing.get_context("fork").Pool(WORKERS) as pool:
        results = pool.map(_read_mutants, shares)
    outcomes = {k: sum(r[0][k] for r in results) for k in ("department", "unusable")}
    failures = [f for r in results for f in r[1]]
    assert not failures, "\n".join(map(str, failures[:20]))
    assert outcomes["department"] and outcomes["unusable"], outcomes  # both kinds of mutant occur
    assert sum(outcomes.values()) == 2 * len(items)


def test_mutation_is_deterministic():
    a = [d for _, d in zip(range(5), mutants())]
    b = [d for _, d in zip(range(5), mutants())]
    assert a == b


WRITE_MUTANTS_PER_EXAMPLE = 4


def test_readable_mutants_fill_and_annotate(tmp_path):
    """Mutants openpyxl can open go through fill and annotate and are saved: the result is a written
    workbook or UnusableWorkbook (e.g. a 400-digit number openpyxl read but cannot write), nothing else."""
    from perfxl.actions import check_book, fill_book
    from perfxl.io.apply import annotate as annotate_book
    from perfxl.io.files import OutputError

    failures, written = [], 0
    for example in sorted(EXAMPLES.glob("*.xlsx")):
        rnd = random.Random(f"{SEED}:write:{example.name}")
        data, found = example.read_bytes(), 0
        while found < WRITE_MUTANTS_PER_EXAMPLE:
            path = tmp_path / f"{example.stem}.xlsx"
            path.write_bytes(C.mutate(data, rnd))
            try:
                with deadline(SECONDS_PER_MUTANT, f"reading a mutant of {example.name}"):
                    book = XlsxBook(path)
            except UnusableWorkbook:
                continue
            found += 1
            for step in ("fill", "annotate"):
                try:
                    with deadline(SECONDS_PER_MUTANT, f"{step} on a mutant of {example.name}"):
                        if step == "fill":
                            fill_book(book)
                        else:
                            book = XlsxBook(path)
                            annotate_book(book, check_book(book).findings)
                        book.save(tmp_path / "out.xlsx")
                    written += 1
                except (UnusableWorkbook, OutputError) as exc:
                    assert "\n" not in str(exc)
                except BaseException as exc:  # noqa: BLE001
                    failures.append((example.name, step, f"{type(exc).__name__}: {exc}"[:300]))
    assert not failures, "\n".join(map(str, failures))
    assert written


def test_a_number_openpyxl_cannot_write_is_unusable_not_a_crash(tmp_path):
    from perfxl.io.template_book import build_workbook

    path = tmp_path / "大数.xlsx"
    build_workbook().save(path)
    members = C.parts(path)
    name = C.sheet_part(members, "预决算")
    members[name] = members[name].replace(b'<c r="B5"', b'<c r="B5"><v>' + b"9" * 400 + b'</v></c><c r="ZZ999"', 1)
    C.write_parts(path, members)
    book = XlsxBook(path)
    assert isinstance(book.value("预决算", "B5"), int)
    with pytest.raises(UnusableWorkbook) as exc:
        book.save(tmp_path / "out.xlsx")
    assert exc.value.message.startswith("大数.xlsx：") and "无法写出" in exc.value.message
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~perfxl-")]


def test_a_finding_on_a_merged_cell_marks_the_merge(tmp_path):
    from openpyxl import load_workbook

    from perfxl.io.template_book import build_workbook

    path = tmp_path / "合并.xlsx"
    wb = build_workbook()
    wb["预决算"].merge_cells("B5:C5")
    wb.save(path)
    book = XlsxBook(path)
    book.mark("预决算", "C5", "问题", "error")
    book.save(tmp_path / "out.xlsx")
    assert load_workbook(tmp_path / "out.xlsx")["预决算"]["B5"].comment.text == "问题"
