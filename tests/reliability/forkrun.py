"""Run many ``perfxl`` command lines, each in its own process, cheaply: this script (started as one
subprocess) imports perfxl's CLI and readers once, then forks a child per command. Each child is a
separate process with its own exit code, stdout/stderr, memory limit (RLIMIT_AS) and wall-time limit
(SIGALRM), exactly like ``python -m perfxl …`` — only without paying the interpreter start-up and the
imports again (about half of a small command's time).

Input (stdin): JSON ``{"commands": [[arg, …], …], "timeout": s, "memory_kb": n, "workers": k}``.
Output (stdout): JSON list of ``{"argv", "returncode", "stdout", "stderr", "peak_kb", "signal"}``.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import sys
import tempfile


def _child(argv: list[str], timeout: int, memory_kb: int, out_fd: int, err_fd: int) -> None:
    os.dup2(out_fd, 1)
    os.dup2(err_fd, 2)
    code = 1
    try:
        limit = memory_kb * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        signal.alarm(timeout)
        sys.argv = ["perfxl", *argv]
        from perfxl.cli import main

        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - what python -m perfxl would show
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def main() -> None:
    job = json.load(sys.stdin)
    timeout, memory_kb, workers = job["timeout"], job["memory_kb"], job.get("workers", 2)
    import perfxl.cli  # noqa: F401 - loaded once, shared by every child
    import perfxl.actions  # noqa: F401
    import perfxl.batch  # noqa: F401
    import perfxl.core.checks  # noqa: F401
    import perfxl.io.extract  # noqa: F401
    import perfxl.io.fast  # noqa: F401
    import perfxl.io.xlsx  # noqa: F401
    import openpyxl  # noqa: F401
    import python_calamine  # noqa: F401  (all loaded once, shared by every child)

    commands = job["commands"]
    results: list[dict | None] = [None] * len(commands)
    running: dict[int, tuple[int, object, object]] = {}
    pending = list(enumerate(commands))
    sys.stdout.flush()
    sys.stderr.flush()
    while pending or running:
        while pending and len(running) < workers:
            i, argv = pending.pop(0)
            out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
            pid = os.fork()
            if pid == 0:
                _child(argv, timeout, memory_kb, out.fileno(), err.fileno())
            running[pid] = (i, out, err)
        pid, status, usage = os.wait4(-1, 0)
        i, out, err = running.pop(pid)
        out.seek(0)
        err.seek(0)
        results[i] = {
            "argv": commands[i],
            "returncode": os.waitstatus_to_exitcode(status),
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0,
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
            "peak_kb": usage.ru_maxrss,
        }
        out.close()
        err.close()
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
