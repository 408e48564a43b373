"""The two books a ribbon action is tested on: XlsxBook (openpyxl) and XlwingsBook over xlwings' remote
engine with an openpyxl stand-in for Excel (see xlremote_stand_in.py). Each ``open()`` is one click:
a fresh book object on the workbook's current state; ``close()`` ends the click (saves the file)."""
from __future__ import annotations

from pathlib import Path

from perfxl.core.findings import Finding, Severity, Where
from perfxl.io.xlsx import XlsxBook

# a finding with a known place and text that the tests add to every 校验, to find its mark and its row
PLANTED = Finding("planted-test-finding", Severity.ERROR, Where("", "项目自评表", "F12"),
                  "测试用问题：实际完成值需复核。", expected=520, actual="520人次", rule="T1")


class Clicks:
    """Open the same workbook once per click through one backend."""

    def __init__(self, backend: str, path: Path):
        self.backend, self.path = backend, Path(path)
        self.stand_in = None
        self.book = None

    def open(self):
        if self.backend == "openpyxl":
            self.book = XlsxBook(self.path)
        else:
            from perfxl.excel.book import XlwingsBook
            from tests.excel.xlremote_stand_in import ExcelStandIn

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
