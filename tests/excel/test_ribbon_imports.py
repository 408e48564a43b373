"""Excel starts a Python process per ribbon click: importing the ribbon module must stay cheap."""
import subprocess
import sys


def test_importing_the_ribbon_pulls_in_no_pandas_openpyxl_or_xlwings():
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import perfxl.excel.ribbon"],
                         capture_output=True, text=True, check=True).stderr
    modules = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in out.splitlines() if "|" in line}
    assert "perfxl" in modules
    assert not modules & {"pandas", "numpy", "openpyxl", "xlwings", "xlsxwriter", "python_calamine"}
