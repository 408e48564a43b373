"""Small helpers shared by tests (imported as a module: tests/ is on sys.path via conftest)."""
from pathlib import Path


def make_partial(tmp_path: Path) -> Path:
    """A department whose project has no 全年执行数 and a typed 总分 88, like the seed's table."""
    from conftest import SMALL_DEPT, make_workbook

    values = dict(SMALL_DEPT)
    values.pop(("项目自评表", "F5"))
    values.pop(("项目自评表", "F6"))
    values[("项目自评表", "H30")] = 88
    return make_workbook(tmp_path / "partial.xlsx", values)
