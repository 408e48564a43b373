"""The 绩效自评 ribbon tab: one function per button, called by the add-in's VBA as
``RunPython "import perfxl.excel.ribbon as r; r.<action>()"``.

Each action gets the calling workbook (``xw.Book.caller()``) wrapped in ``XlwingsBook`` and calls the
same functions the CLI calls (``perfxl.actions``). Problems reach the user as a Chinese message box,
details go to the log file (``perfxl.excel.log``). Without the add-in's UDF server Excel starts a new
Python process per click, so this module imports only the standard library at the top; each action
imports what it needs.

Every action takes keyword arguments for testing outside Excel: ``book`` (any CellSink of
``perfxl.io.protocol``, e.g. ``XlsxBook``; None = the caller's book) and ``alert`` (a function
``alert(text, title=..., mode=...)``; None = Excel's message box).
"""
from __future__ import annotations

import time
from pathlib import Path

TITLE = "perfxl 绩效自评"
HELP_TEXT = """perfxl 绩效自评：预算绩效自评表的计算、校验与汇总。

计算：计算并写入蓝色底纹的派生单元格（执行率、得分、总分、等级、占比、增减额、净资产），不改动填写项。
校验：检查合计、权重、得分、总分与等级；结果列在“校验结果”工作表（点击单元格地址可跳转），有问题的单元格加批注和底色。
清除标记：去掉校验加的批注和底色，恢复原样，并删除“校验结果”工作表。
新增项目表：复制最后一张项目自评表并清空（项目自评表(2)、(3)…）。
生成报告：按当前工作簿生成部门整体支出绩效自评报告（Word），保存在工作簿旁边，不覆盖已有文件。
汇总：选择存放各部门自评工作簿的文件夹，生成汇总工作簿。
新建模板：生成一份空白标准模板并打开。

工作表函数：=PERF_SCORE("≥95%", "96%", 10) 等，按 Shift+F3 查看说明。
计算和校验会修改当前工作簿，请在完成后保存；如需撤销，关闭时选择不保存。
使用说明：docs/excel-addin.md（随 perfxl 发布）；日志：{log}"""


# ---------------------------------------------------------------- plumbing
def _caller_book():
    import xlwings as xw

    from .book import XlwingsBook

    return XlwingsBook(xw.Book.caller())


def _excel_alert(book=None):
    """Excel's message box (MsgBox) of the caller's Excel instance."""

    def alert(text: str, title: str = TITLE, mode: str = "info") -> None:
        app = getattr(getattr(book, "book", None), "app", None)
        if app is None:
            import xlwings as xw

            app = xw.apps.active
        app.alert(text, title, mode=mode)

    return alert


def _run(label: str, body, book=None, alert=None, needs_book: bool = True) -> str | None:
    """Run one action: get the book, call ``body(book)``, show its message or a readable error."""
    from ..io.protocol import UnusableWorkbook
    from .log import get_logger, log_path

    log = get_logger()
    start = time.perf_counter()
    say = alert
    try:
        if book is None and needs_book:
            book = _caller_book()
        if say is None:
            say = _excel_alert(book)
        message = body(book)
    except UnusableWorkbook as exc:
        log.warning("%s: %s", label, exc.message)
        message, mode = exc.message, "critical"
    except PermissionError as exc:  # a protected sheet with a password, a read-only folder …
        log.warning("%s: %s", label, exc)
        message, mode = f"{label}未完成：{exc}", "critical"
    except Exception as exc:
        log.exception("%s failed on %s", label, getattr(book, "path", "?"))
        message = (f"{label}失败：{type(exc).__name__}: {exc}\n\n"
                   f"详细信息已写入日志：{log_path()}\n请把日志文件发给技术支持。")
        mode = "critical"
    else:
        mode = "info"
        log.info("%s %s (%.2f s): %s", label, getattr(book, "path", ""), time.perf_counter() - start, message)
    finally:
        finish = getattr(book, "finish", None)
        if finish is not None:
            try:
                finish()  # protect again the sheets perfxl unprotected
            except Exception:
                log.exception("%s: could not protect the sheets again", label)
    if message:
        if say is None:
            say = _excel_alert(book)
        try:
            say(message, title=TITLE, mode=mode)
        except Exception:
            log.exception("%s: could not show the message", label)
    return message


def _refresh_policy(book) -> None:
    """The buttons resolve the workbook's policy afresh (perfxl.actions: the workbook's own, the user's
    or the national defaults); the worksheet functions keep it a few seconds, so make them read it again."""
    from .policy import forget

    forget(getattr(book, "path", None))


def _source(ev) -> str:
    source = getattr(ev, "policy_source", "")
    return "" if not source or source.startswith("国家") else f"\n（评分设置：{source}）"


# ---------------------------------------------------------------- the seven buttons
def compute(book=None, alert=None) -> str | None:
    """计算: write every derived cell."""

    def body(book):
        from ..actions import fill_book

        _refresh_policy(book)
        res = fill_book(book)
        return f"已计算 {res.written} 个派生单元格（其中 {res.changed} 个有变化）。" + _source(res.evaluation)

    return _run("计算", body, book, alert)


def validate(book=None, alert=None) -> str | None:
    """校验: check, list the findings in 校验结果 and mark their cells."""

    def body(book):
        from ..actions import check_book
        from ..io.apply import annotate
        from ..io.workbook import RESULTS_SHEET

        _refresh_policy(book)
        res = check_book(book)
        marked = annotate(book, res.findings)
        if not res.findings:
            return "校验完成：未发现问题。" + _source(res.evaluation)
        return (f"校验完成：错误 {res.errors} 项，警告 {res.warnings} 项，提示 {res.infos} 项。{_source(res.evaluation)}\n\n"
                f"问题已列在“{RESULTS_SHEET}”工作表（点击单元格地址可跳转），{marked} 个单元格已加批注和底色；"
                "改正后可再次校验，或点“清除标记”去掉标记。")

    return _run("校验", body, book, alert)


def clear_marks(book=None, alert=None) -> str | None:
    """清除标记: restore the marked cells and remove 校验结果."""

    def body(book):
        from ..io.workbook import RESULTS_SHEET

        n = book.unmark()
        removed = book.remove_sheet(RESULTS_SHEET)
        if not n and not removed:
            return "没有需要清除的标记。"
        return f"已清除 {n} 处标记" + (f"，并删除“{RESULTS_SHEET}”工作表。" if removed else "。")

    return _run("清除标记", body, book, alert)


def add_project(book=None, alert=None) -> str | None:
    """新增项目表: a blank copy of the last project sheet, named 项目自评表(n)."""

    def body(book):
        from ..actions import add_project as add

        title = add(book)
        return f"已新增工作表“{title}”，请填写项目名称、资金和绩效指标，完成后点“计算”。"

    return _run("新增项目表", body, book, alert)


def report(book=None, alert=None, ask=None, folder: str | Path | None = None) -> str | None:
    """生成报告: the 自评报告 (Word) of the open workbook, saved beside it under a free name. While the
    workbook has errors the user is asked first (the report's page 1 then says so)."""

    def body(book):
        from ..actions import check_book
        from ..api import report_of

        _refresh_policy(book)
        res = check_book(book)
        if res.errors and not (ask or _excel_ask(book))(
                f"工作簿还有 {res.errors} 项错误（点“校验”可查看）。仍要生成报告吗？报告首页会注明数据未经核实。"):
            return "未生成报告：请先改正错误后再生成。"
        where = Path(folder) if folder is not None else _beside(book)
        stem = Path(book.path).stem if Path(book.path).suffix else "部门"
        out = _free_path(where / f"{stem}-自评报告.docx")
        report_of(res, out, force=True)
        return f"已生成报告：\n{out}" + ("\n（工作簿有错误，报告首页已注明数据未经核实）" if res.errors else "")

    return _run("生成报告", body, book, alert)


def consolidate(folder: str | Path | None = None, book=None, alert=None, open_file=None) -> str | None:
    """汇总: pick a folder of department workbooks, write the summary beside it and open it."""

    def body(book):
        chosen = Path(folder) if folder is not None else _pick_folder(book)
        if chosen is None:
            return None  # the user cancelled
        from ..batch import consolidate as run, expand_inputs

        paths = expand_inputs([chosen])  # recursive, like `perfxl consolidate FOLDER`
        if not paths:
            return f"文件夹“{chosen}”中没有 .xlsx/.xlsm 工作簿。"
        out = _free_path(chosen.parent / f"{chosen.name}-绩效自评汇总.xlsx")
        run(paths, output=out)  # the same run as `perfxl consolidate FOLDER -o OUT`
        (open_file or _open_in_excel(book))(out)
        return f"已汇总 {len(paths)} 个工作簿：\n{out}"

    return _run("汇总", body, book, alert, needs_book=False)


def new_template(folder: str | Path | None = None, alert=None, open_file=None) -> str | None:
    """新建模板: write a blank standard template to Documents (or ``folder``) and open it."""

    def body(_book):
        from ..api import write_template

        base = Path(folder) if folder is not None else _documents()
        out = _free_path(base / "预算绩效自评-模板.xlsx")
        write_template(out)
        (open_file or _open_in_excel(None))(out)
        return None  # the opened workbook is the answer

    return _run("新建模板", body, None, alert, needs_book=False)


def show_help(alert=None) -> str | None:
    """帮助: what each button does, where the manual and the log are."""
    from .log import log_path

    return _run("帮助", lambda _b: HELP_TEXT.format(log=log_path()), None, alert, needs_book=False)


# ---------------------------------------------------------------- helpers for the file actions
def _free_path(path: Path) -> Path:
    """``path``, or ``name(2).xlsx``, ``name(3).xlsx`` … : never overwrite a user's file."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}({n}){path.suffix}")
        n += 1
    return candidate


def _beside(book) -> Path:
    """The folder of the open workbook (Documents when it was never saved)."""
    folder = Path(getattr(book, "path", "") or "").parent
    return folder if str(folder) not in ("", ".") and folder.is_dir() else _documents()


def _excel_ask(book=None):
    """A yes/no question in the caller's Excel (MsgBox); True for yes."""

    def ask(text: str) -> bool:
        app = getattr(getattr(book, "book", None), "app", None)
        if app is None:
            import xlwings as xw

            app = xw.apps.active
        return app.alert(text, TITLE, buttons="yes_no", mode="info") == "yes"

    return ask


def _documents() -> Path:
    docs = Path.home() / "Documents"
    return docs if docs.is_dir() else Path.home()


def _open_in_excel(book):
    def open_file(path: Path) -> None:
        app = getattr(getattr(book, "book", None), "app", None)
        if app is None:
            import xlwings as xw

            app = xw.apps.active
        app.books.open(str(path))

    return open_file


def _pick_folder(book) -> Path | None:
    """Excel's own folder picker (Application.FileDialog(msoFileDialogFolderPicker = 4)) on Windows;
    tkinter elsewhere. None when the user cancels."""
    app = getattr(getattr(book, "book", None), "app", None)
    try:
        if app is None:
            import xlwings as xw

            app = xw.apps.active
        dialog = app.api.FileDialog(4)
        dialog.Title = "选择存放各部门自评工作簿的文件夹"
        if dialog.Show() != -1:
            return None
        return Path(dialog.SelectedItems(1))
    except AttributeError:  # not Windows COM
        pass
    from tkinter import Tk, filedialog

    root = Tk()
    root.withdraw()
    try:
        chosen = filedialog.askdirectory(title="选择存放各部门自评工作簿的文件夹")
    finally:
        root.destroy()
    return Path(chosen) if chosen else None
