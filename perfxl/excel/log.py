"""The add-in's log file: details of every ribbon action, the traceback when one fails.

``%LOCALAPPDATA%\\perfxl\\perfxl.log`` on Windows, ``~/.perfxl/perfxl.log`` elsewhere; the environment
variable ``PERFXL_LOG_DIR`` overrides the folder (tests). Rotates at 1 MB, keeps 3 old files.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

LOGGER_NAME = "perfxl.excel"


def log_path() -> Path:
    folder = os.environ.get("PERFXL_LOG_DIR")
    if folder:
        return Path(folder) / "perfxl.log"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "perfxl" / "perfxl.log"
    return Path.home() / ".perfxl" / "perfxl.log"


def get_logger() -> logging.Logger:
    """The add-in logger, with its rotating file handler attached once per process and path."""
    from logging.handlers import RotatingFileHandler

    logger = logging.getLogger(LOGGER_NAME)
    path = log_path()
    for h in logger.handlers:
        if isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path.resolve():
            return logger
    for h in list(logger.handlers):  # the log folder changed (tests): move the handler
        logger.removeHandler(h)
        h.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:  # no writable home: never let logging break an action
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return logger
