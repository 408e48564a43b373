"""Re-save the example workbooks with LibreOffice into ``tests/data/libreoffice/`` (real-application files
for the reader tests), plus one filled example whose amounts are formulas that LibreOffice computes.

Run: ``.venv/bin/python tools/resave_with_libreoffice.py`` (needs ``soffice`` on PATH). The files are
committed: they are what a real spreadsheet program writes, which no test can build.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EXAMPLES = ROOT / "workbooks" / "examples"
OUT = ROOT / "tests" / "data" / "libreoffice"
FORMULAS = "衡山县农业农村局-2022-公式.xlsx"
# (sheet, cell, formula): totals typed as formulas over their parts, as accountants often do
FORMULA_CELLS = (
    ("预决算", "B5", "=B6+B7+B8"), ("预决算", "B9", "=B10+B11"), ("预决算", "B20", "=B21+B22"),
    ("预决算", "B21", "=B23+B24"), ("项目自评表", "D5", "=D6+D7+D8"), ("项目自评表", "E5", "=E6+E7+E8"),
    ("项目自评表", "F5", "=F6+F7+F8"),
)


def soffice_convert(sources: list[Path], outdir: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) is not on PATH")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", "xlsx:Calc Office Open XML", "--outdir", str(outdir), *map(str, sources)],
                       check=True, capture_output=True, timeout=300, env={"HOME": profile, "PATH": "/usr/bin:/bin"})


def main() -> int:
    from openpyxl import load_workbook

    import perfxl

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        formulas = tmp / FORMULAS
        perfxl.fill(EXAMPLES / "衡山县农业农村局-2022.xlsx", formulas)
        wb = load_workbook(formulas)
        for sheet, cell, formula in FORMULA_CELLS:
            wb[sheet][cell] = formula
        wb.save(formulas)  # openpyxl saves no results: LibreOffice computes them on the way through
        soffice_convert([*sorted(EXAMPLES.glob("*.xlsx")), formulas], OUT)
    for p in sorted(OUT.glob("*.xlsx")):
        print(f"wrote {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
