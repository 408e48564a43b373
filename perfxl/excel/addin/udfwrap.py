"""Generate the ``xlwings_udfs`` VBA module on any OS with xlwings' own generator.

``xlwings.udfs`` imports pywin32 at top level and ``xw.func`` is a no-op decorator off
Windows.  So, for the duration of one call, dummy ``pythoncom``/``pywintypes``/``win32com``
modules are put into ``sys.modules``, ``xlwings.func/arg/ret/sub`` point at the real
decorators of ``xlwings.udfs``, and the UDF module is executed afresh so that its functions
carry ``__xlfunc__``; then everything is restored.  The text is what Excel's "Import
Functions" would import into an add-in (workbook = ``ActiveWorkbook``).

xlwings sets the Insert Function (Shift+F3) help at import time with
``Application.MacroOptions``; a static file cannot, so the module also gets
``RegisterUdfHelp``, which ThisWorkbook's ``Workbook_Open`` calls (errors ignored).
"""

from __future__ import annotations

import contextlib
import importlib.util
import inspect
import io
import re
import sys
import types
from collections.abc import Iterator

UDF_VBA_MODULE = "xlwings_udfs"
_FAKE = ("pythoncom", "pywintypes", "win32com", "win32com.client")


class UdfModuleError(RuntimeError):
    """The UDF module cannot be imported or has no usable functions."""


@contextlib.contextmanager
def _xlwings_udfs() -> Iterator[types.ModuleType]:
    """Yield ``xlwings.udfs`` importable on this OS; restore sys.modules and xlwings afterwards."""
    import xlwings

    watched = _FAKE + ("xlwings.udfs",)
    saved_mods = {name: sys.modules.get(name) for name in watched}
    saved_attrs = {n: getattr(xlwings, n, None) for n in ("func", "arg", "ret", "sub", "script", "udfs")}
    try:
        if sys.platform != "win32" or "pythoncom" not in sys.modules:
            pythoncom = types.ModuleType("pythoncom")
            pythoncom.CoInitialize = lambda *a, **k: None  # type: ignore[attr-defined]
            pywintypes = types.ModuleType("pywintypes")
            pywintypes.com_error = type("com_error", (Exception,), {})  # type: ignore[attr-defined]
            win32com = types.ModuleType("win32com")
            client = types.ModuleType("win32com.client")
            client.Dispatch = lambda *a, **k: None  # type: ignore[attr-defined]
            win32com.client = client  # type: ignore[attr-defined]
            for mod in (pythoncom, pywintypes, win32com, client):
                sys.modules[mod.__name__] = mod
            sys.modules.pop("xlwings.udfs", None)
        import xlwings.udfs as udfs

        xlwings.func, xlwings.arg, xlwings.ret = udfs.xlfunc, udfs.xlarg, udfs.xlret
        xlwings.sub = xlwings.script = udfs.xlsub
        yield udfs
    finally:
        for name, mod in saved_mods.items():
            if mod is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = mod
        for name, value in saved_attrs.items():
            if value is None:
                if hasattr(xlwings, name):
                    delattr(xlwings, name)
            else:
                setattr(xlwings, name, value)


def _load_decorated(module_name: str) -> types.ModuleType:
    """Execute ``module_name`` afresh (xlwings decorators active), leave sys.modules as it was."""
    try:
        spec = importlib.util.find_spec(module_name)
    except (ImportError, ValueError) as exc:
        spec, cause = None, exc
    else:
        cause = None
    if spec is None or spec.loader is None:
        raise UdfModuleError(f"找不到 UDF 模块 {module_name}（cannot find module {module_name}）") from cause
    module = importlib.util.module_from_spec(spec)
    previous = sys.modules.get(module_name)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # any import-time failure of the user's module
        raise UdfModuleError(
            f"无法导入 UDF 模块 {module_name}：{type(exc).__name__}: {exc}"
            f"（cannot import {module_name}）"
        ) from exc
    finally:
        if previous is None:
            sys.modules.pop(module_name, None)
        else:
            sys.modules[module_name] = previous
    return module


class _Book:
    """Stands in for the COM workbook: generate_vba_wrapper only reads ``.Name``."""

    Name = "perfxl.xlam"


def _vba_text(var: str, text: str) -> list[str]:
    """VBA statements that assign ``text`` (any Unicode) to ``var`` using only ASCII source."""
    parts: list[str] = []
    run = ""
    for ch in text:
        if 0x20 <= ord(ch) < 0x7F:
            run += '""' if ch == '"' else ch
            continue
        if run:
            parts.append(f'"{run}"')
            run = ""
        if ord(ch) > 0xFFFF:
            continue  # outside the BMP: not representable with ChrW, drop
        parts.append(f"ChrW(&H{ord(ch):04X})")
    if run:
        parts.append(f'"{run}"')
    lines = [f'{var} = ""']
    for i in range(0, len(parts), 12):
        lines.append(f"{var} = {var} & " + " & ".join(parts[i:i + 12]))
    return lines


DEFAULT_CATEGORY = "绩效自评"


def _clean_doc(text: str | None) -> str:
    return re.sub(r"\s+", " ", inspect.cleandoc(text or "")).strip()[:255]


def _description(name: str, info: dict) -> str:
    """The function's help text; xlwings' fallback for a missing docstring leaks a file path."""
    doc = info["ret"]["doc"] or ""
    if doc.startswith(f"Python function '{name}' defined in '"):
        return ""
    return _clean_doc(doc)


def help_registration(functions: dict[str, dict]) -> str:
    """``Sub RegisterUdfHelp``: MacroOptions for every UDF (description, argument help)."""
    out = [
        "Public Sub RegisterUdfHelp()",
        "    ' Insert Function (Shift+F3) help; generated by perfxl addin build.",
        "    Dim d As String, c As String",
        "    On Error Resume Next",
    ]
    for name, info in functions.items():
        if info.get("sub"):
            continue
        args = [a for a in info["args"] if not a["vba"]]
        out += ["    " + s for s in _vba_text("d", _description(name, info))]
        for i, arg in enumerate(args):
            out.append(f"    Dim a{name}{i} As String")
            out += ["    " + s for s in _vba_text(f"a{name}{i}", _clean_doc(arg["doc"]))]
        category = info.get("category", "xlwings")
        if isinstance(category, int):
            category_vba = str(category)
        else:
            out += ["    " + s for s in _vba_text("c", DEFAULT_CATEGORY if category == "xlwings" else str(category))]
            category_vba = "c"
        call = (
            f"    Application.MacroOptions Macro:=\"'\" & ThisWorkbook.Name & \"'!{name}\", "
            f"Description:=d, Category:={category_vba}"
        )
        if args:
            call += ", ArgumentDescriptions:=Array(" + ", ".join(f"a{name}{i}" for i in range(len(args))) + ")"
        out.append(call)
    out += ["End Sub", ""]
    return "\r\n".join(out)


def generate_udf_module(module_name: str) -> str:
    """Full text (CRLF) of the ``xlwings_udfs`` module for the UDFs of ``module_name``."""
    with _xlwings_udfs() as udfs:
        module = _load_decorated(module_name)
        buf = io.StringIO()
        buf.write(f'Attribute VB_Name = "{UDF_VBA_MODULE}"\n')
        buf.write("'Autogenerated code by xlwings - changes will be lost with next import!\n")
        buf.write("#Const App = \"Microsoft Excel\" 'Adjust when using outside of Excel\n")
        udfs.generate_vba_wrapper(module_name, module, buf, _Book())
        functions = {
            f.__xlfunc__["name"]: f.__xlfunc__
            for f in (getattr(module, a) for a in sorted(dir(module)))
            if hasattr(f, "__xlfunc__")
        }
    if not functions:
        raise UdfModuleError(f"UDF 模块 {module_name} 中没有 @xw.func 函数（no UDFs found in {module_name}）")
    text = buf.getvalue().replace("\r\n", "\n").replace("\n", "\r\n")
    return text + "\r\n" + help_registration(functions)
