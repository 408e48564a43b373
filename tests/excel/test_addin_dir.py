"""The VBA/dir stream agrees with the one Excel wrote into xlwings 0.37.8's xlwings.xlam."""

from __future__ import annotations

import io

import olefile
from oletools.olevba import decompress_stream


def read_dir(vba_bin: bytes, parse):
    ole = olefile.OleFileIO(io.BytesIO(vba_bin))
    return parse(decompress_stream(bytearray(ole.openstream("VBA/dir").read())))


def project_ids(parsed):
    """Record ids before the first module (project info, references, PROJECTMODULES, COOKIE)."""
    ids = [rid for rid, _ in parsed["records"]]
    return ids[: ids.index(0x19)]


def module_id_runs(parsed):
    runs, run = [], None
    for rid, _ in parsed["records"]:
        if rid == 0x19:
            run = []
        if run is not None:
            run.append(rid)
        if rid == 0x2B:
            runs.append(run)
            run = None
    return runs


def test_project_records_match_excel(vba_bin, shipped_vba_bin, dir_parser):
    ours, excel = read_dir(vba_bin, dir_parser), read_dir(shipped_vba_bin, dir_parser)
    assert project_ids(ours) == project_ids(excel)
    assert ours["records"][-1] == excel["records"][-1] == (0x10, b"")  # Terminator, Reserved = 0


def test_same_references_as_excel(vba_bin, shipped_vba_bin, dir_parser):
    ours, excel = read_dir(vba_bin, dir_parser), read_dir(shipped_vba_bin, dir_parser)
    assert ours["references"] == excel["references"]
    assert [name for name, _ in ours["references"]] == ["stdole", "Office"]  # Office: IRibbonControl


def test_module_record_sets_match_excel(vba_bin, shipped_vba_bin, dir_parser):
    ours, excel = read_dir(vba_bin, dir_parser), read_dir(shipped_vba_bin, dir_parser)
    excel_runs = {tuple(r) for r in module_id_runs(excel)}
    assert excel_runs == {tuple([0x19, 0x47, 0x1A, 0x32, 0x1C, 0x48, 0x31, 0x1E, 0x2C, t, 0x2B]) for t in (0x21, 0x22)}
    assert {tuple(r) for r in module_id_runs(ours)} <= excel_runs


def test_modules_types_offsets_and_count(vba_bin, built_modules, dir_parser):
    parsed = read_dir(vba_bin, dir_parser)
    kinds = {m.name: (0x21 if m.kind == "procedural" else 0x22) for m in built_modules}
    assert [m["name"] for m in parsed["modules"]] == [m.name for m in built_modules]
    for m in parsed["modules"]:
        assert m["stream"] == m["name"]
        assert m["offset"] == 0  # source only, no performance cache
        assert m["type"] == kinds[m["name"]]
    assert kinds["ThisWorkbook"] == kinds["Sheet1"] == kinds["Dictionary"] == 0x22
    assert kinds["xlwings"] == kinds["perfxlRibbon"] == kinds["xlwings_udfs"] == 0x21
    count = dict(parsed["records"])[0x0F]
    assert int.from_bytes(count, "little") == len(built_modules)


def test_project_info_values(vba_bin, dir_parser):
    records = dict(read_dir(vba_bin, dir_parser)["records"])
    assert records[0x02] == records[0x14] == (0x0409).to_bytes(4, "little")  # LCID, LCIDINVOKE
    assert records[0x03] == (1252).to_bytes(2, "little")  # CODEPAGE
    assert records[0x04] == b"perfxl"
    assert records[0x08] == bytes(4)  # LIBFLAGS
