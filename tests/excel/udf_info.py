"""What xlwings' decorators record for each worksheet function (name, args, help), for the tests."""
from __future__ import annotations

from perfxl.excel.addin.udfwrap import _load_decorated, _xlwings_udfs


def udf_functions(module_name: str) -> dict[str, dict]:
    """The ``__xlfunc__`` info of every UDF in ``module_name``, by VBA name."""
    with _xlwings_udfs():
        module = _load_decorated(module_name)
        return {
            f.__xlfunc__["name"]: f.__xlfunc__
            for f in (getattr(module, a) for a in sorted(dir(module)))
            if hasattr(f, "__xlfunc__")
        }
