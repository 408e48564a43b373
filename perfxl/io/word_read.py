"""Word in: read a 部门整体支出绩效自评报告 (.docx) into the template's text sections and tables.

Paragraphs go, in body order, to the section their latest heading names (``word_headings``).
A short line naming a section is a heading when it is numbered 一、/（一） or styled as a heading;
numbered 1. 1、 or unnumbered (bold or not), when it names a section further on in the usual order
of a report. Under 问题/措施 only 问题/措施/其他 headings count (a measure "（一）加强资产管理" stays a
measure), and under 主要职责 a duty that names some work ("（五）负责全县政府采购工作") stays a duty.
Text under an unknown 一、/（一） heading goes to text_other; text before the first heading is the
title block and goes nowhere. A report perfxl wrote (core property category "perfxl …") is read by
its heading styles alone, so its text comes back exactly.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from . import word_headings as H
from .word_docx import Grid, Para, iter_blocks, open_document
from .word_form import parse_form, table_kind
from .word_model import FORM_KIND, GENERATED, TableInfo, UnusableDocument, WordReport

LATE = {H.PROBLEMS_MEASURES, "text_problems", "text_measures", "text_other"}
_ITEM_SPLIT = re.compile(r"(?<=[。；;])\s*(?=(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．]))")
_UNIT_END = ("局", "委", "办", "院", "中心", "站", "所", "馆", "会", "部", "处", "队", "厅", "室", "校", "园", "社")


def _broken_number(prev: str, text: str) -> bool:
    """``prev`` stops mid-sentence (a word, no punctuation) and ``text`` goes on with a number."""
    last = prev.rstrip()[-1:]
    return (len(H.flat(prev)) > 10 and "\u4e00" <= last <= "\u9fff" and re.match(r"^[-－−]?\d", text) is not None
            and H.numbering(text)[0] is None)


def _toc(para: Para) -> bool:
    """A line of a table of contents (TOC styles, or the 目录 heading): it repeats the headings."""
    style = para.style.lower().replace(" ", "")
    return style.startswith(("toc", "目录")) or H.flat(para.text) in ("目录", "目次")


def read_report(path: str | os.PathLike) -> WordReport:
    """Read ``path``; UnusableDocument (one Chinese sentence) when it is not a usable report."""
    doc = open_document(path)
    reader = _Reader(str(path), styled_only=(doc.core_properties.category or "").startswith(GENERATED))
    reader.run(list(iter_blocks(doc)))
    return reader.finish()


class _Reader:
    def __init__(self, path: str, styled_only: bool = False):
        self.report = WordReport(path=path)
        self.styled_only = styled_only  # a report perfxl wrote: its headings are exactly its styled ones
        self.buffers: dict[str, list[str]] = {}
        self.current: H.Match | None = None
        self.level: int | None = None  # numbering level of the heading that opened the section
        self.target = ""  # where a "问题及措施" chapter's text goes now
        self.marked = False  # that chapter had a 问题：/措施： marker
        self.annex = False
        self.open_paren = False  # the last heading's bracket is closed on the next line
        self.caption = ""
        self.duty_numbered = False  # the 主要职责 list has had a numbered item
        self.opened: set[str] = set()  # sections opened by a heading of their own
        self.item_level: int | None = None  # numbering level of the 主要职责 items (1、 → 3, （一） → 2)

    # ------------------------------------------------------------------ walking
    def run(self, blocks: list[Para | Grid]) -> None:
        nxt = [b for b in blocks if not (isinstance(b, Para) and (not b.text.strip() or _toc(b)))]
        for i, block in enumerate(nxt):
            if isinstance(block, Grid):
                self.table(block)
                continue
            text = block.text.strip().strip("\u3000").strip()
            following = nxt[i + 1] if i + 1 < len(nxt) else None
            if isinstance(following, Grid) and H.is_caption(text):
                self.caption = text  # the table's title, not the section's text
                if self.annex:
                    self.report.annex.append(text)
                elif self.current is None:
                    self.report.preamble.append(text)
                continue
            self.paragraph(block, text)

    def paragraph(self, para: Para, text: str) -> None:
        if self.open_paren:
            self.open_paren = False
            if len(H.flat(text)) <= 20 and any(ch in text for ch in "）)"):
                return  # "金进行分项说明)": the rest of a heading broken over two lines
        if self.annex:
            self.report.annex.append(text)
            return
        if self.current is None and not self.report.title and H.is_title(text):
            self.report.title = text
            self.report.preamble.append(text)
            return
        if para.level is None and self.current is not None and self.current.key == H.PROBLEMS_MEASURES \
                and H.marker(text)[0]:
            self.content(text, para)  # "问题：" / "措施：" switch parts of the chapter
            return
        head = self.heading(para, text)
        if head is None:
            self.content(text, para)
            return
        match, level, strong, inline, head_text = head
        if match is None:
            self.unknown(text, level)
        elif self.accepts(match, level, strong):
            self.open(match, level, head_text)
            if inline:
                self.content(inline, para)
        else:
            self.content(text, para)

    def heading(self, para: Para, text: str):
        """(match or None, level, strong, inline text, heading text) if ``text`` reads as a heading."""
        level, rest = H.numbering(text)
        if self.styled_only:
            return None if para.level is None else (H.classify(text), level or para.level, True, "", text)
        head, inline = H.split_inline(text)
        if inline and not (level or para.level or para.bold):
            head, inline = text, ""  # "三公经费：…" in running text is a sentence
        if inline and len(H.flat(head)) > H.MAX_HEADING:
            head, inline = text, ""
        body = H.flat(H.numbering(head)[1])
        if not inline and (len(body) > H.MAX_HEADING or re.search(r"[，,；;。]", body[:-1])
                           or body.endswith(("；", ";")) or (body.endswith("。") and len(body) > 15)):
            return None
        if para.level is not None and level is None:
            level = para.level
        strong = level in (1, 2) or para.level is not None
        match = H.classify(head)
        if match is None and not strong:
            return None
        if match is None and level is None:
            return None
        return match, level, strong, inline, head

    def accepts(self, match: H.Match, level: int | None, strong: bool) -> bool:
        cur = self.current
        if match.key == H.ANNEX:
            return cur is not None  # "附件" above the title: the report is itself an attachment
        if cur is None or level == 1:
            return True
        if cur.key == H.DUTIES and not self.styled_only and match.key != "text_staffing":
            # a duty names the work of every section ("（五）负责全县政府采购工作"): a heading only when it
            # is numbered unlike the duties and not below the 主要职责 heading
            return self.item_level is not None and level is not None and level != self.item_level \
                and (self.level is None or level <= self.level)
        if cur.key in LATE and not cur.container and match.key not in LATE:
            return False  # "（一）加强资产管理" under 改进措施 is a measure
        if strong or cur.container or match.container:
            return True
        if match.key == cur.key:
            return False  # "本局的主要职责是：" under 主要职责, "1.基本支出情况" under 部门决算: text
        return H.rank(match) >= H.rank(cur)

    def unknown(self, text: str, level: int | None) -> None:
        cur = self.current
        if cur is not None and cur.key == H.DUTIES and level != 1:
            self.content(text, None)  # "（三）承办县政府交办的其他事项": a duty
            return
        late = cur is not None and cur.key in LATE
        opens_other = level == 1 or (level == 2 and not late and self.level is not None and self.level >= 2)
        if cur is None and level in (1, 2):
            opens_other = True
        if not opens_other:
            self.content(text, None)
            return
        self.open(H.Match("text_other"), level, text)
        paras = self.buffers["text_other"]
        if not paras or paras[-1] != text:
            paras.append(text)  # what the section was called

    def open(self, match: H.Match, level: int | None, head_text: str) -> None:
        if match.key == H.ANNEX:
            self.annex = True
            self.report.annex.append(head_text)
            return
        self.current, self.level = match, level
        key = match.key
        if key == H.PROBLEMS_MEASURES:
            self.target = "text_problems"
            for k in ("text_problems", "text_measures"):
                self.report.headings.setdefault(k, []).append(head_text)
                self.buffers.setdefault(k, [])
        elif not match.container:
            if key in self.opened and key != H.DUTIES:
                self.buffers.setdefault(key, []).append(head_text)  # a sub-heading of a section already open
            self.opened.add(key)
            self.buffers.setdefault(key, [])
            self.report.headings.setdefault(key, []).append(head_text)
        if key == H.DUTIES:
            self.item_level = None
        self.open_paren = not self.styled_only and \
            head_text.count("(") + head_text.count("（") > head_text.count(")") + head_text.count("）")

    def content(self, text: str, para: Para | None) -> None:
        cur = self.current
        if cur is None:
            self.report.preamble.append(text)
            return
        if cur.key == H.DUTIES:
            self.duty(text, para)
        elif cur.key == H.PROBLEMS_MEASURES:
            key, rest = H.marker(text)
            if key is not None:
                self.target, self.marked = key, True
                if rest:
                    self.buffers[key].append(rest)
            else:
                self.buffers[self.target].append(text)
        else:
            if cur.container:
                self.report.headings.setdefault(cur.key, [])
            paras = self.buffers.setdefault(cur.key, [])
            if paras and not self.styled_only and _broken_number(paras[-1], text):
                paras[-1] += text  # "…净资产" / "-39.88万元。…": a figure pushed onto its own line
            else:
                paras.append(text)

    def duty(self, text: str, para: Para | None) -> None:
        duties = self.report.duties
        parts = [] if self.styled_only else [p.strip() for p in _ITEM_SPLIT.split(text) if p.strip()]
        items = [p for p in parts if H.numbering(p)[0] is not None]
        if len(parts) > 1 and len(items) >= 2:  # "主要职责：（一）…；（二）…" in one paragraph
            for p in parts:
                duties.append(H.strip_item_number(p))
            return
        level = H.numbering(text)[0]
        numbered = level is not None or (para is not None and para.numbered)
        if self.item_level is None and level is not None:
            self.item_level = level
        if numbered or not self.duty_numbered or not duties:
            duties.append(H.strip_item_number(text))
            self.duty_numbered = self.duty_numbered or numbered
        else:
            duties[-1] += "\n" + text  # an unnumbered line continues the duty above

    def table(self, grid: Grid) -> None:
        rows, cols = grid.size
        kind = table_kind(grid)
        section = "annex" if self.annex else (self.current.key if self.current else "")
        first = next((c.text for row in grid.rows for c in row if c.text.strip()), "")
        info = TableInfo(len(self.report.tables) + 1, rows, cols, kind, section, first_text=first[:30],
                         caption=self.caption)
        if kind == FORM_KIND:
            info.form = parse_form(grid, self.caption)
        self.caption = ""
        self.report.tables.append(info)

    # ------------------------------------------------------------------ result
    def finish(self) -> WordReport:
        rep = self.report
        for key, paras in self.buffers.items():
            if key.startswith("text_"):
                rep.sections[key] = "\n".join(paras)
        for key in rep.headings:
            if key.startswith("text_"):
                rep.sections.setdefault(key, "")
        if "text_problems" in rep.headings and rep.headings.get("text_problems") == rep.headings.get("text_measures") \
                and not self.marked and rep.sections.get("text_problems"):
            rep.notes.append("“存在的主要问题及改进措施”一节未分“问题：”“措施：”两部分，全部归入“存在的主要问题”。")
        name = Path(rep.path).name
        if not rep.headings and not rep.duties and not rep.forms:
            raise UnusableDocument(rep.path, f"{name}：未找到自评报告的章节标题（如“一、单位基本情况”“存在的主要问题”）"
                                             "或项目支出绩效自评表，请确认所选文件是部门整体支出绩效自评报告。")
        if not rep.title:
            rep.title = next((t for t in rep.preamble if not t.startswith(("附件", "附表"))), "")
        rep.unit_name = H.unit_of(rep.preamble, rep.title) or self._unit_before_title()
        rep.year = H.year_of(rep.title) or next((y for y in map(H.year_of, rep.preamble) if y), None)
        return rep

    def _unit_before_title(self) -> str:
        pre = self.report.preamble
        if self.report.title in pre:
            i = pre.index(self.report.title)
            if i and H.flat(pre[i - 1]).endswith(_UNIT_END) and len(H.flat(pre[i - 1])) <= 30:
                return pre[i - 1].strip()
        return ""
