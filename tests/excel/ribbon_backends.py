"""The two books a ribbon action is tested on: XlsxBook (openpyxl) and XlwingsBook over xlwings' remote
engine with an openpyxl stand-in for Excel (see xlremote_stand_in.py). Each ``open()`` is one click:
a fresh book object on the workbook's current state; ``close()`` ends the click (saves the file)."""
from __future__ import annotations

from pathlib import Path

from perfxl.core.findings import Finding, Severity, Where
from perfxl.io.xlsx import XlsxBook

# a finding every validate run gets in addition to the real checks (the checks are still growing)
PLANTED = Finding("planted-test-finding", Severity.ERROR, Where("", "项目自评表", "F12"),
                  "测试用问题：实际完成值需复核。", expected=520, actual="520人次", rule="T1")


class XlsxBookWithProjects(XlsxBook):
    """XlsxBook plus the add_project_sheet() the ribbon calls on its book (XlwingsBook has it; the
    openpyxl backend adds a fresh template sheet like perfxl.api.add_project does)."""

    def add_project_sheet(self, source: str, competent_dept: object = None) -> str:
        from perfxl.io.template_book import add_project_sheet

        ws = add_project_sheet(self.wb, None, index=self.wb.sheetnames.index(source) + 1)
        if competent_dept not in (None, ""):
            ws["B3"] = str(competent_dept)
        return ws.title


class Clicks:
    """Open the same workbook once per click through one backend."""

    def __init__(self, backend: str, path: Path):
        self.backend, self.path = backend, Path(path)
        self.stand_in = None
        self.book = None

    def open(self):
        if self.backend == "openpyxl":
            self.book = XlsxBookWithProjects(self.path)
        else:
            from perfxl.excel.book import XlwingsBook
            from xlremote_stand_in import ExcelStandIn

            self.stand_in = ExcelStandIn(self.path)
            self.book = XlwingsBook(self.stand_in.open())
        return self.book

    def close(self) -> Path:
        if self.backend == "openpyxl":
            self.book.save(self.path)
        else:
            self.stand_in.save(self.path)
        return self.path

    def click(self, action, **kwargs):
        """Run one ribbon action on a fresh book; return (message, alerts)."""
        alerts = []
        book = self.open()
        msg = action(book=book, alert=lambda text, title="", mode="": alerts.append((mode, text)), **kwargs)
        self.close()
        return msg, alerts
