"""The floor: read the same cells perfxl reads with python-calamine, in worker processes, and do nothing else.

    .venv/bin/python benchmarks/floor_calamine.py FOLDER [--jobs 2]

Every .xlsx under FOLDER is opened with python-calamine and every sheet perfxl reads is converted to Python
values (``to_python``), in a pool of ``--jobs`` processes (default: the CPU count, as `perfxl consolidate`).
No checks, no summary. `benchmarks/consolidate.py` runs it beside `perfxl consolidate` on the same files
and reports perfxl's CPU as a multiple of this floor's.
"""
from __future__ import annotations

import argparse
import os
import sys
from multiprocessing import Pool
from pathlib import Path

SKIP = {"填表说明", "_perfxl"}  # sheets perfxl does not read


def read(path: str) -> int:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(path)
    cells = 0
    for name in wb.sheet_names:
        if name in SKIP:
            continue
        rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        cells += sum(len(r) for r in rows)
    wb.close()
    return cells


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = ap.parse_args(argv)
    files = sorted(str(p) for p in args.folder.rglob("*.xlsx"))
    with Pool(args.jobs) as pool:
        cells = sum(pool.imap(read, files, chunksize=16))
    print(f"{len(files)} files, {cells} cells")
    return 0


if __name__ == "__main__":
    sys.exit(main())
