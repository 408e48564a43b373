"""Bad Word input: each gives one Chinese sentence naming the file and what to do, never a traceback."""
import zipfile

import docx
import pytest

from perfxl.io.protocol import UnusableWorkbook
from perfxl.io.word_model import UnusableDocument
from perfxl.io.word_read import read_report
from tests.io.word.word_builders import make_docx


def _legacy(p, tmp):
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "WordDocument".encode("utf-16-le") + b"\0" * 512)


def _encrypted(p, tmp):
    pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    src = make_docx(tmp / "plain.docx", ["一、单位基本情况", "在职9人。"])
    with open(src, "rb") as fin, open(p, "wb") as fout:
        OOXMLFile(fin).encrypt("secret", fout)


def _zip(p, tmp):
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("hello.txt", "不是文档")


def _xlsx(p, tmp):
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")


def _truncated(p, tmp):
    data = make_docx(tmp / "full.docx", ["一、单位基本情况"]).read_bytes()
    p.write_bytes(data[: len(data) // 2])


def _text(p, tmp):
    p.write_text("一、单位基本情况\n在职9人。", encoding="utf-8")


def _empty(p, tmp):
    p.write_bytes(b"")


def _broken_part(p, tmp):
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")


def _no_heading(p, tmp):
    make_docx(p, ["会议纪要", "今天开会讨论了明年的工作安排。", ("table", [["姓名", "电话"], ["张三", "123"]])])


CASES = {
    "legacy.docx": (_legacy, "97-2003"),
    "locked.docx": (_encrypted, "密码"),
    "archive.docx": (_zip, "word/document.xml"),
    "book.docx": (_xlsx, "Excel 工作簿"),
    "truncated.docx": (_truncated, "损坏"),
    "notes.docx": (_text, "不是 Word 文档"),
    "empty.docx": (_empty, "空"),
    "broken.docx": (_broken_part, "无法读取"),
    "minutes.docx": (_no_heading, "章节标题"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_one_sentence_naming_the_file(name, tmp_path):
    make, words = CASES[name]
    path = tmp_path / name
    make(path, tmp_path)
    with pytest.raises(UnusableDocument) as info:
        read_report(path)
    exc = info.value
    assert isinstance(exc, UnusableWorkbook)  # the CLI's one except clause covers Word files too
    assert exc.message == str(exc) and exc.path == str(path)
    assert exc.message.startswith(f"{name}：") and words in exc.message
    assert exc.message.endswith("。") and exc.message.count("。") == 1 and "\n" not in exc.message


def test_legacy_doc_says_save_as_docx(tmp_path):
    path = tmp_path / "报告.doc"
    _legacy(path, tmp_path)
    with pytest.raises(UnusableDocument, match="另存为"):
        read_report(path)


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_missing_file_and_folder(kind, tmp_path):
    path = tmp_path / "报告.docx"
    if kind == "folder":
        path.mkdir()
    with pytest.raises(UnusableDocument, match="报告.docx："):
        read_report(path)


def test_macro_enabled_document_is_refused_clearly(tmp_path):
    src = make_docx(tmp_path / "a.docx", ["一、单位基本情况"])
    path = tmp_path / "宏.docm"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
            zout.writestr(item, data)
    with pytest.raises(UnusableDocument) as info:
        read_report(path)
    assert info.value.message.startswith("宏.docm：") and info.value.message.count("。") == 1
    assert "启用宏" in info.value.message and ".docx" in info.value.message


def test_python_docx_is_what_reads_a_good_file(tmp_path):
    # sanity: the fixture builder makes files python-docx itself opens
    assert docx.Document(str(make_docx(tmp_path / "ok.docx", ["x"]))).paragraphs[0].text == "x"
