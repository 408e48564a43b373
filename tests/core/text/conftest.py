"""Text checks: tools/ on the path (the example corpus: make_examples and examples_text are scripts)."""
from __future__ import annotations

import sys
from pathlib import Path

TOOLS = str(Path(__file__).resolve().parents[3] / "tools")
if TOOLS not in sys.path:
    sys.path.insert(0, TOOLS)
