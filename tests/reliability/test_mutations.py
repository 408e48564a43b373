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

import corpus as C
from perfxl.core import scoring, values
from perfxl.io.extract import read_department
from perfxl.io.fast import FastBook
from perfxl.io.protocol import UnusableWorkbook
from perfxl.io.xlsx import XlsxBook
from tests_helpers import EXAMPLES

pytestmark = pytest.mark.slow

SEED = 20240611
MUTANTS_PER_EXAMPLE = 50
SECONDS_PER_MUTANT = 20  # a mutant takes well under a second; this only catches a hang


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


def test_mutants(tmp_path):
    outcomes = {"department": 0, "unusable": 0}
    failures = []
    for name, data in mutants():
        path = tmp_path / f"{name}.xlsx"
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
    assert not failures, "\n".join(map(str, failures[:20]))
    assert outcomes["department"] and outcomes["unusable"], outcomes  # both kinds of mutant occur


def test_mutation_is_deterministic():
    a = [d for _, d in zip(range(5), mutants())]
    b = [d for _, d in zip(range(5), mutants())]
    assert a == b
