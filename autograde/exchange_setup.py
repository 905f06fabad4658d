"""The nbgrader exchange for a class: one folder every student can write, one config every student reads.

``bash scripts/setup_exchange.sh [--root DIR] [--config-dir DIR]`` (the teacher, once) runs this module:

1. creates the exchange folder ``Exchange.root`` with mode 1777 (everyone writes, the sticky bit keeps
   students from deleting what others put there, as nbgrader documents for a shared server); a teacher
   without root rights picks a folder of their own (default ``~/nbgrader/exchange``), and every folder above
   it must let the students pass (``o+x``);
2. writes the students' ``nbgrader_config.py`` (course id ``alisim``, that exchange folder, the files never
   handed in) into a Jupyter config folder that the students' processes read: by default the course's venv
   (``{sys.prefix}/etc/jupyter``), which ``jupyter --paths`` lists for everyone using that venv. The
   teacher's nbgrader reads the same file, so the two never disagree about the exchange folder.

Students then run ``nbgrader fetch_assignment 01_account`` / ``nbgrader submit 01_account`` (or use the
作业 tab) from any folder, without ``--course``.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path

__all__ = ["COURSE_ID", "STUDENT_IGNORE", "MARKER", "student_config", "setup", "main"]

COURSE_ID = "alisim"  # = c.CourseDirectory.course_id in nbgrader_config.py (a test checks it)
# Never released, submitted or collected: nbgrader's defaults, the source marker, and the state file's lock,
# backups and temporary files (= c.CourseDirectory.ignore in nbgrader_config.py; a test checks it).
STUDENT_IGNORE = [
    ".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".alisim_source",
    "alisim_state.json.*.bak", ".alisim_state.json.lock", ".alisim_tmp_*",
]  # fmt: skip
MARKER = "# alisim: written by scripts/setup_exchange.sh"
CONFIG_NAME = "nbgrader_config.py"


class SetupError(Exception):
    """A Chinese message for the teacher."""


def default_root() -> Path:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return Path("/srv/nbgrader/exchange")
    return Path.home() / "nbgrader" / "exchange"


def default_config_dir() -> Path:
    return Path(sys.prefix) / "etc" / "jupyter"


def student_config(root: Path) -> str:
    return (
        f"{MARKER}（课程 alisim）。重新运行该脚本会覆盖本文件；不要手工修改。\n"
        "# 学生和老师的 nbgrader 都读取这个文件：课程 id、交换目录、不提交的文件。\n"
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {COURSE_ID!r}\n"
        f"c.Exchange.root = {str(root)!r}\n"
        f"c.CourseDirectory.ignore = {STUDENT_IGNORE!r}\n"
    )


def _make_exchange(root: Path) -> list[str]:
    """Create ``root`` (mode 1777); return warnings about folders above it that students cannot pass."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except PermissionError as exc:
        raise SetupError(
            f"无法创建交换目录 {root}：没有权限。请换一个你有写权限的目录（--root），或者请管理员运行本脚本。"
        ) from exc
    mode = stat.S_IMODE(root.stat().st_mode)
    wanted = 0o1777
    if mode != wanted:
        try:
            root.chmod(wanted)
        except PermissionError as exc:
            if mode & 0o777 != 0o777:
                raise SetupError(
                    f"交换目录 {root} 的权限是 {oct(mode)}，需要 1777（所有人可写），而它不属于你："
                    f"请目录的所有者运行 chmod 1777 {root}"
                ) from exc
    warnings = []
    for parent in root.resolve().parents:
        if not stat.S_IMODE(parent.stat().st_mode) & stat.S_IXOTH:
            warnings.append(
                f"学生进不了 {parent}（其他用户没有 x 权限）：请运行 chmod o+x {parent}，或者用 --root 换一个目录"
                f"（例如 /srv/nbgrader/exchange，需要管理员先建好并 chmod 1777）。"
            )
    return warnings


def _write_config(config_dir: Path, root: Path, force: bool) -> Path:
    target = config_dir / CONFIG_NAME
    if target.exists() and MARKER not in target.read_text(encoding="utf-8", errors="replace") and not force:
        raise SetupError(
            f"{target} 已经存在，而且不是本脚本写的：为了不覆盖别人的设置，没有改动它。"
            "请把下面几行加进去，或者加 --force 覆盖：\n" + student_config(root)
        )
    try:
        config_dir.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{CONFIG_NAME}.tmp")
        tmp.write_text(student_config(root), encoding="utf-8")
        tmp.chmod(0o644)
        os.replace(tmp, target)
    except PermissionError as exc:
        raise SetupError(
            f"无法写入 {target}：没有权限。请用 --config-dir 指定一个学生的 Jupyter 会读取、你又能写的目录"
            "（`jupyter --paths` 的 config 部分），或者请管理员运行本脚本。"
        ) from exc
    return target


def _read_by_jupyter(config_dir: Path) -> bool:
    from jupyter_core.paths import jupyter_config_path

    wanted = config_dir.resolve()
    return any(Path(p).resolve() == wanted for p in jupyter_config_path())


def setup(root: Path, config_dir: Path, force: bool = False) -> tuple[Path, list[str]]:
    """Create the exchange and write the students' config; return (config file, warnings)."""
    root = Path(os.path.abspath(os.path.expanduser(str(root))))
    config_dir = Path(os.path.abspath(os.path.expanduser(str(config_dir))))
    warnings = _make_exchange(root)
    target = _write_config(config_dir, root, force)
    if not _read_by_jupyter(config_dir):
        warnings.append(
            f"当前环境的 Jupyter 不读取 {config_dir}（见 `jupyter --paths`）：学生的环境要能读到它，"
            f"例如设置环境变量 JUPYTER_CONFIG_PATH={config_dir}。"
        )
    return target, warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="setup_exchange.sh",
        description="创建 nbgrader 交换目录，并写好学生端的 nbgrader 配置（课程 id、交换目录、不提交的文件）。",
    )
    parser.add_argument(
        "--root", type=Path, default=None,
        help=f"交换目录（默认：root 用户为 /srv/nbgrader/exchange，其他用户为 ~/nbgrader/exchange；当前：{default_root()}）",
    )  # fmt: skip
    parser.add_argument(
        "--config-dir", type=Path, default=None,
        help=f"写入 nbgrader_config.py 的 Jupyter 配置目录（默认：课程虚拟环境的 {default_config_dir()}）",
    )  # fmt: skip
    parser.add_argument("--force", action="store_true", help="覆盖一个不是本脚本写的 nbgrader_config.py")
    args = parser.parse_args(argv)
    root = args.root or default_root()
    try:
        target, warnings = setup(root, args.config_dir or default_config_dir(), force=args.force)
    except SetupError as exc:
        print(f"出错：{exc}", file=sys.stderr)
        return 1
    print(f"交换目录：{Path(os.path.abspath(os.path.expanduser(str(root))))}（权限 1777）")
    print(f"学生端配置：{target}（课程 id {COURSE_ID}）")
    for w in warnings:
        print(f"注意：{w}")
    print(
        "下一步：在课程根目录运行 nbgrader generate_assignment 01_account && nbgrader release_assignment 01_account；"
    )
    print("学生在 JupyterLab 的“作业”(Assignments) 页面点 Fetch 领取，做完点 Submit，不需要 --course。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
