"""The opt-in executed run (``python -m autograde grade --execute``): rendered outputs for reading only.

Scores never come from here (they come from the saved store). Each student's notebook runs:

- in a private copy of that one submission, in a fresh temporary folder, with a clean environment (no
  course paths, no gradebook path, the student's folder as HOME);
- as an unprivileged user (``nobody``) when the grader runs as root, so the kernel cannot write the
  gradebook, the course or other students' files;
- under resource limits (CPU time, memory, processes, file size), with the run's output capped;
- in its own process group, killed as a whole when the student's time is up or the run ends.

The executed notebook is written to ``executed/<student>/<assignment>/`` in the course root.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ExecutedRun", "run_executed", "sandbox_user", "SandboxUnavailable", "LIMITS"]

LIMITS = {
    "cpu_seconds": 120,  # per process
    "memory_bytes": 2 * 1024**3,  # address space of each process
    "processes": 64,  # per user (the kernel, its threads and children)
    "file_bytes": 50 * 1024**2,  # any file the kernel writes
}
WALL_SECONDS = 180  # one student's whole run
MAX_NOTEBOOK_BYTES = 20 * 1024**2  # the executed notebook read back
_SANDBOX_USER = "nobody"


@dataclass
class ExecutedRun:
    student: str
    ok: bool
    reason: str = ""  # Chinese, when the run did not finish
    path: Path | None = None


def _limits_preexec(uid: int | None, gid: int | None):
    import resource

    def apply() -> None:
        os.setsid()
        resource.setrlimit(resource.RLIMIT_CPU, (LIMITS["cpu_seconds"], LIMITS["cpu_seconds"]))
        resource.setrlimit(resource.RLIMIT_AS, (LIMITS["memory_bytes"], LIMITS["memory_bytes"]))
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMITS["file_bytes"], LIMITS["file_bytes"]))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if gid is not None and uid is not None:
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)
        resource.setrlimit(resource.RLIMIT_NPROC, (LIMITS["processes"], LIMITS["processes"]))

    return apply


class SandboxUnavailable(Exception):
    """The executed run cannot be made safe here; the message (Chinese) says why and what to do."""


def sandbox_user() -> tuple[int | None, int | None]:
    """(uid, gid) to run students' kernels as: ``nobody`` when grading as root, else (None, None).

    Root must never run a student's code: if ``nobody`` cannot start this Python (it lives in a folder
    other users cannot open), the run is refused rather than done as root.
    """
    if os.geteuid() != 0:
        return None, None
    import pwd

    try:
        entry = pwd.getpwnam(_SANDBOX_USER)
    except KeyError:
        raise SandboxUnavailable(
            f"没有用户 {_SANDBOX_USER}：以 root 评分时，学生的代码只能以无特权用户运行"
        ) from None
    try:
        probe = subprocess.run(
            [sys.executable, "-I", "-c", "import nbclient, ipykernel"], cwd="/", env={"PATH": "/usr/bin:/bin"},
            capture_output=True, preexec_fn=_limits_preexec(entry.pw_uid, entry.pw_gid), timeout=60,
        )  # fmt: skip
        usable = probe.returncode == 0
    except (OSError, subprocess.SubprocessError):
        usable = False
    if not usable:
        raise SandboxUnavailable(
            f"无特权用户 {_SANDBOX_USER} 无法运行 {sys.executable}（它所在的文件夹其他用户打不开）。"
            "学生的代码不能以 root 运行：请用普通用户身份评分，或把 Python 装在其他用户可读的位置。"
            "分数不受影响（分数只来自进度文件）。"
        )
    return entry.pw_uid, entry.pw_gid


_RUNNER = r"""
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
client = NotebookClient(nb, timeout=int(sys.argv[3]), allow_errors=True, kernel_name="python3",
                        resources={"metadata": {"path": sys.argv[2]}}, store_widget_state=False)
try:
    client.execute()
finally:
    nbformat.write(nb, sys.argv[1])
"""


def _why(proc_rc: int | None, stderr: str, timed_out: bool) -> str:
    if timed_out:
        return f"运行超过 {WALL_SECONDS} 秒，已结束（学生的代码可能有死循环）"
    if proc_rc is not None and proc_rc < 0:
        name = (
            signal.Signals(-proc_rc).name if -proc_rc in signal.Signals._value2member_map_ else str(-proc_rc)
        )
        return f"运行被系统结束（{name}：可能超出了 CPU、内存或进程数的限制）"
    tail = stderr.strip().splitlines()[-1:] or [""]
    if "DeadKernelError" in stderr:
        return "学生的内核在运行中退出（例如代码里调用了 os._exit 或耗尽了内存）"
    if "CellTimeoutError" in stderr or "TimeoutError" in stderr:
        return "某个单元格运行超时（学生的代码可能有死循环）"
    return f"运行失败：{tail[0][:200]}"


def run_executed(
    submitted: Path, executed_dest: Path, student: str, notebook: str, user: tuple[int | None, int | None]
) -> ExecutedRun:
    """Execute ``submitted/<notebook>.ipynb`` in a sandbox as ``user`` (see :func:`sandbox_user`)."""
    uid, gid = user
    work = Path(tempfile.mkdtemp(prefix="alisim-exec-"))
    try:
        folder = work / "work"
        shutil.copytree(submitted, folder, symlinks=True, ignore=shutil.ignore_patterns("*.lock", "*.bak"))
        for path in [work, *folder.rglob("*")]:
            if path.is_symlink():
                path.unlink()  # a link could point into the course
        if uid is not None:
            for path in [work, folder, *folder.rglob("*")]:
                os.chown(path, uid, gid)
        os.chmod(work, 0o700)
        env = {
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}/usr/bin:/bin",
            "HOME": str(folder),
            "JUPYTER_RUNTIME_DIR": str(work / "runtime"),
            "JUPYTER_DATA_DIR": str(work / "data"),
            "IPYTHONDIR": str(work / "ipython"),
            "MPLCONFIGDIR": str(work / "mpl"),
            "LANG": "C.UTF-8",
            "PYTHONNOUSERSITE": "1",
        }
        token = os.urandom(8).hex()
        env["ALISIM_SANDBOX"] = token
        before = (
            {pid for pid, (owner, _) in _processes().items() if owner == uid} if uid is not None else set()
        )
        nb_path = folder / f"{notebook}.ipynb"
        if not nb_path.is_file():
            return ExecutedRun(student, False, "没有提交这个笔记本")
        proc = subprocess.Popen(
            [sys.executable, "-I", "-c", _RUNNER, str(nb_path), str(folder), str(LIMITS["cpu_seconds"])],
            cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            preexec_fn=_limits_preexec(uid, gid),
        )  # fmt: skip
        timed_out = False
        try:
            _, stderr = proc.communicate(timeout=WALL_SECONDS)
        except subprocess.TimeoutExpired:
            timed_out = True
            stderr = ""
        finally:
            _kill_sandbox(proc, token, uid, before)
        try:
            size = nb_path.stat().st_size
            data = nb_path.read_bytes() if size <= MAX_NOTEBOOK_BYTES else b""
            nb = json.loads(data) if data else None
        except (OSError, ValueError):
            nb = None
        ok = not timed_out and proc.returncode == 0 and nb is not None
        if nb is not None:
            executed_dest.mkdir(parents=True, exist_ok=True)
            out = executed_dest / f"{notebook}.ipynb"
            out.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
        else:
            out = None
        reason = "" if ok else (_why(proc.returncode, stderr or "", timed_out) if nb is not None or timed_out
                                 else "运行后笔记本无法读取（太大或已损坏）")  # fmt: skip
        return ExecutedRun(student, ok, reason, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _processes() -> dict[int, tuple[int, bytes]]:
    """pid → (uid, environ) of every process we may inspect (Linux /proc)."""
    out = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            uid = entry.stat().st_uid
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        out[int(entry.name)] = (uid, environ)
    return out


def _kill_sandbox(proc: subprocess.Popen, token: str, uid: int | None, before: set[int]) -> None:
    """End the runner, its kernel and anything they started, detached or not.

    The kernel runs in a session of its own (jupyter_client starts it so), and a student's code may start
    daemons: every process carrying this run's token in its environment dies, and, when the run had a user
    of its own, every process of that user that did not exist before the run.
    """
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    marker = f"ALISIM_SANDBOX={token}".encode()
    for _ in range(3):  # a fork between scanning and killing is caught by the next round
        found = [
            pid for pid, (owner, environ) in _processes().items()
            if pid != os.getpid() and (marker in environ or (uid is not None and owner == uid and pid not in before))
        ]  # fmt: skip
        for pid in found:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        if not found:
            break
        time.sleep(0.1)
    deadline = time.monotonic() + 10
    while proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
