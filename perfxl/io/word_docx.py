"""python-docx reading: sniff a file, open it, and walk its body as paragraphs and table grids.

A table becomes a rectangular grid of ``GridCell``; the cells of one merged region (gridSpan,
vMerge) share their ``origin``, so a reader can tell "the next cell to the right" from "the same
merged cell again".
"""
from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .word_model import UnusableDocument

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(heading|标题)\s*(\d)$", re.IGNORECASE)


@dataclass
class Para:
    text: str
    level: int | None = None  # outline level from a heading style (1-based), None for body text
    bold: bool = False  # every character is bold
    numbered: bool = False  # Word's own list numbering (the number is not in the text)
    style: str = ""


@dataclass(frozen=True)
class GridCell:
    text: str
    origin: tuple[int, int]  # (row, col) of the merged region's top-left cell


@dataclass
class Grid:
    rows: list[list[GridCell]]

    @property
    def size(self) -> tuple[int, int]:
        return len(self.rows), (len(self.rows[0]) if self.rows else 0)


def sniff_docx(path: str | os.PathLike) -> None:
    """Raise UnusableDocument with one Chinese sentence unless ``path`` looks like a .docx."""
    p = Path(path)
    name = p.name

    def fail(message: str) -> UnusableDocument:
        return UnusableDocument(str(p), f"{name}：{message}")

    if not p.exists():
        raise fail("文件不存在，请检查路径。")
    if p.is_dir():
        raise fail("这是一个文件夹，不是 Word 文档，请选择自评报告的 .docx 文件。")
    if p.stat().st_size == 0:
        raise fail("文件是空的（0 字节），请选择自评报告的 .docx 文件。")
    try:
        with open(p, "rb") as fh:
            head = fh.read(8)
            blob = fh.read(1 << 20) if head == _CFB_MAGIC else b""
    except OSError as exc:
        raise fail(f"无法打开文件（{exc.strerror or exc}），请确认文件未被占用且有读取权限。") from None
    if head == _CFB_MAGIC:
        if "EncryptionInfo".encode("utf-16-le") in blob:
            raise fail("Word 文档设有打开密码（已加密），无法读取，请在 Word 或 WPS 中去掉打开密码后另存为 .docx。")
        raise fail("这是旧版 Word 97-2003 文档（.doc）或 WPS 文档，请在 Word 或 WPS 中“另存为” Word 文档（.docx）后再导入。")
    if not zipfile.is_zipfile(p):
        raise fail("不是 Word 文档（.docx），文件内容无法识别，可能已损坏或扩展名有误，请在 Word 中打开后另存为 .docx。")
    try:
        with zipfile.ZipFile(p) as zf:
            names = set(zf.namelist())
            bad = zf.testzip()
            types = zf.read("[Content_Types].xml") if bad is None and "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError):
        raise fail("Word 文档已损坏（压缩包结构错误），请从原件重新导出 .docx。") from None
    if bad is not None:
        raise fail(f"Word 文档已损坏（其中的 {bad} 无法解压），请从原件重新导出 .docx。")
    if "word/document.xml" not in names:
        if "xl/workbook.xml" in names:
            raise fail("这是 Excel 工作簿，不是 Word 文档，请选择自评报告的 .docx 文件。")
        raise fail("不是 Word 文档（压缩包中没有 word/document.xml），请在 Word 中打开后另存为 .docx。")
    if b"macroEnabled.main+xml" in types:
        raise fail("这是启用宏的 Word 文档（.docm），请在 Word 中“另存为”不含宏的 Word 文档（.docx）后再导入。")
    if b"template.main+xml" in types:
        raise fail("这是 Word 模板（.dotx），请在 Word 中打开后“另存为” Word 文档（.docx）再导入。")


def open_document(path: str | os.PathLike):
    """The python-docx Document of ``path``; UnusableDocument when it is not a usable .docx."""
    sniff_docx(path)
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on broken or foreign parts
        name = Path(path).name
        detail = str(exc).replace("。", "，")[:80]
        raise UnusableDocument(str(path), f"{name}：Word 文档无法读取（{type(exc).__name__}: {detail}），"
                                          "请在 Word 中打开确认后另存为 .docx。") from None


def iter_blocks(doc) -> Iterator[Para | Grid]:
    """The body's paragraphs and tables in order (content controls opened)."""
    styles = _StyleInfo(doc)
    yield from _walk(doc.element.body, styles)


def _walk(parent, styles) -> Iterator[Para | Grid]:
    for child in parent.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            yield _para(child, styles)
        elif tag == _W + "tbl":
            yield _grid(child)
        elif tag in (_W + "sdt", _W + "customXml"):
            content = child.find(_W + "sdtContent")
            yield from _walk(content if content is not None else child, styles)


def _text(el) -> str:
    """Visible text of a paragraph: w:t, tabs and breaks; no deleted text, no text boxes."""
    out = []
    for node in el.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "txbxContent"):
        if node.tag == _W + "txbxContent":
            continue
        if any(a.tag == _W + "txbxContent" for a in node.iterancestors()):
            continue
        if node.tag == _W + "t":
            out.append(node.text or "")
        elif node.tag == _W + "tab":
            if node.getparent().tag == _W + "r":  # not a tab stop of the paragraph's properties
                out.append(" ")
        else:
            out.append("\n")
    return "".join(out)


class _StyleInfo:
    """Heading level and boldness of paragraph styles, following basedOn."""

    def __init__(self, doc):
        self.by_id = {}
        for st in doc.styles.element.iterchildren(_W + "style"):
            self.by_id[st.get(_W + "styleId")] = st

    def _chain(self, style_id):
        seen = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            st = self.by_id[style_id]
            yield st
            based = st.find(_W + "basedOn")
            style_id = based.get(_W + "val") if based is not None else None

    def name(self, style_id) -> str:
        st = self.by_id.get(style_id)
        el = st.find(_W + "name") if st is not None else None
        return el.get(_W + "val") if el is not None else ""

    def level(self, style_id) -> int | None:
        for st in self._chain(style_id):
            name = st.find(_W + "name")
            m = _HEADING_STYLE.match(name.get(_W + "val", "") if name is not None else "")
            if m:
                return int(m.group(2))
            lvl = st.find(f"{_W}pPr/{_W}outlineLvl")
            if lvl is not None and lvl.get(_W + "val", "9").isdigit() and int(lvl.get(_W + "val")) < 9:
                return int(lvl.get(_W + "val")) + 1
        return None

    def numbered(self, style_id) -> bool:
        """The style numbers its paragraphs (List Number, 列表编号 …)."""
        return any(st.find(f"{_W}pPr/{_W}numPr") is not None for st in self._chain(style_id))

    def bold(self, style_id) -> bool:
        for st in self._chain(style_id):
            b = st.find(f"{_W}rPr/{_W}b")
            if b is not None:
                return b.get(_W + "val", "true") not in ("0", "false", "off")
        return False


def _on(el) -> bool | None:
    return None if el is None else el.get(_W + "val", "true") not in ("0", "false", "off")


def _para(p, styles: _StyleInfo) -> Para:
    ppr = p.find(_W + "pPr")
    style_el = ppr.find(_W + "pStyle") if ppr is not None else None
    style_id = style_el.get(_W + "val") if style_el is not None else None
    level = styles.level(style_id)
    lvl = ppr.find(_W + "outlineLvl") if ppr is not None else None
    if lvl is not None and (lvl.get(_W + "val") or "").isdigit():
        level = int(lvl.get(_W + "val")) + 1 if int(lvl.get(_W + "val")) < 9 else None
    numbered = (ppr is not None and ppr.find(_W + "numPr") is not None) or styles.numbered(style_id)
    style_bold = styles.bold(style_id)
    runs = [r for r in p.iter(_W + "r") if "".join(t.text or "" for t in r.iter(_W + "t")).strip()]
    bold = bool(runs) and all(_run_bold(r, style_bold) for r in runs)
    return Para(_text(p), level, bold, numbered, styles.name(style_id))


def _run_bold(r, style_bold: bool) -> bool:
    rpr = r.find(_W + "rPr")
    b = _on(rpr.find(_W + "b")) if rpr is not None else None
    return style_bold if b is None else b


def _cell_text(tc) -> str:
    parts = [_text(p).strip() for p in tc.iter(_W + "p")]
    return "\n".join(x for x in parts if x)


def _nearest(el, tag: str):
    return next(el.iterancestors(_W + tag), None)


def _grid(tbl) -> Grid:
    raw = []  # per row: [(col, span, vmerge, text)]
    for tr in tbl.iter(_W + "tr"):
        if _nearest(tr, "tbl") is not tbl:
            continue  # a nested table's row
        trpr = tr.find(_W + "trPr")
        before = trpr.find(_W + "gridBefore") if trpr is not None else None
        col = int(before.get(_W + "val", "0")) if before is not None else 0
        cells = []
        for tc in tr.iter(_W + "tc"):
            if _nearest(tc, "tr") is not tr:
                continue  # a nested table's cell
            tcpr = tc.find(_W + "tcPr")
            span_el = tcpr.find(_W + "gridSpan") if tcpr is not None else None
            span = max(1, int(span_el.get(_W + "val", "1"))) if span_el is not None else 1
            vm = tcpr.find(_W + "vMerge") if tcpr is not None else None
            vmerge = None if vm is None else (vm.get(_W + "val") or "continue")
            cells.append((col, span, vmerge, _cell_text(tc)))
            col += span
        raw.append(cells)
    ncols = max((c[0] + c[1] for row in raw for c in row), default=0)
    rows: list[list[GridCell]] = []
    for r, cells in enumerate(raw):
        row = [GridCell("", (r, c)) for c in range(ncols)]
        for col, span, vmerge, text in cells:
            above = rows[r - 1][col] if r and vmerge == "continue" else None
            cell = above if above is not None else GridCell(text, (r, col))
            for c in range(col, min(col + span, ncols)):
                row[c] = cell
        rows.append(row)
    return Grid(rows)
