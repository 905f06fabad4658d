"""The student edition: ``student/NN_topic/NN_topic.ipynb``, exactly as nbgrader releases it, made again safely.

``python -m autograde.edition [--dest student] [--course-root .]`` (``scripts/start.sh`` runs it before it
serves the student's JupyterLab). For every project folder of the course's source directory that holds a
notebook, nbgrader's own ``GenerateAssignment`` (the converter behind ``nbgrader generate_assignment``, with
the course's ``nbgrader_config.py``: its ``ClearSolutions`` stubs, its ignore list) makes the release in a
temporary course folder; the release is then copied into the student's folder:

- solutions cleared, hidden tests cleared, cells locked and checksummed: nbgrader does it, not this module;
- files that the student made (``alisim_state.json`` above all, and its backups and lock) are never
  written, moved or deleted;
- a notebook (or other course file) is replaced only when the course itself changed since the last copy;
  when the student's file differs from the new release it is first kept as ``<name>.<timestamp>.bak``, so
  answers typed into the old notebook are never lost. Making the copy again with the same course changes
  nothing.

What was released last is recorded in ``<dest>/.alisim_edition.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Refresh", "make_student_edition", "release_projects", "main"]

MANIFEST = ".alisim_edition.json"
_LOCK = ".alisim_edition.lock"
# The student's own files: never copied from the course, never overwritten, moved or deleted.
_STUDENTS_OWN = ("alisim_state.json*", ".alisim_state.json.lock", ".alisim_source", "*.bak")
_PROJECT_DIR = "[0-9][0-9]_*"


def _own(name: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in _STUDENTS_OWN)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Refresh:
    """What one run did, by path relative to the destination."""

    dest: Path
    written: list[str] = field(default_factory=list)
    backups: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    up_to_date: bool = False  # the course had not changed: nbgrader was not even run

    def summary(self) -> str:
        if self.up_to_date:
            return f"学生版已是最新：{self.dest}"
        lines = [f"学生版：{self.dest}（更新 {len(self.written)} 个文件，{len(self.unchanged)} 个没有变化）"]
        lines += [f"  你原来的 {name} 和新版不同，已备份为 {bak}" for name, bak in self.backups]
        return "\n".join(lines)


# --- the release, by nbgrader ------------------------------------------------------------------------------
def _course_config(course_root: Path):
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    config_file = course_root / "nbgrader_config.py"
    if not config_file.exists():
        return Config()
    return PyFileConfigLoader(config_file.name, path=str(course_root)).load_config()


def _source_dir(course_root: Path, config) -> Path:
    source = Path(config.CourseDirectory.get("source_directory", "source"))
    return source if source.is_absolute() else course_root / source


def _projects(source: Path) -> list[str]:
    return sorted(
        p.name
        for p in source.glob(_PROJECT_DIR)
        if p.is_dir() and any(nb.is_file() for nb in p.glob("*.ipynb"))
    )


def release_projects(course_root: Path, work: Path) -> dict[str, Path]:
    """Run nbgrader's ``GenerateAssignment`` for every project into ``work``; project → its release folder.

    The same converter and preprocessors as ``nbgrader generate_assignment``, with the course's configuration;
    only the folders differ (a temporary course root) and, as with ``--no-db``, no gradebook is written (the
    released notebooks are the same: the database only records them).
    """
    from nbgrader.converters import GenerateAssignment
    from nbgrader.coursedir import CourseDirectory

    course_root = Path(course_root).resolve()
    config = _course_config(course_root)
    source = _source_dir(course_root, config)
    projects = _projects(source)
    if not projects:
        raise SystemExit(f"错误：{source} 里没有任何项目笔记本")
    (work / "source").mkdir(parents=True)
    for project in projects:
        shutil.copytree(source / project, work / "source" / project)
    config.CourseDirectory.root = str(work)
    config.CourseDirectory.source_directory = "source"
    config.CourseDirectory.release_directory = "release"
    config.CourseDirectory.db_url = f"sqlite:///{work / 'gradebook.db'}"
    config.CourseDirectory.assignment_id = "*"
    config.GenerateAssignment.no_database = True  # as `nbgrader generate_assignment --no-db`
    config.SaveCells.enabled = False
    config.GenerateAssignment.force = True
    logger = logging.getLogger("alisim.edition")
    logger.setLevel(logging.WARNING)
    if not logger.handlers:
        logger.addHandler(logging.StreamHandler(sys.stderr))
    coursedir = CourseDirectory(config=config, log=logger)
    converter = GenerateAssignment(coursedir=coursedir, config=config, log=logger)
    cwd = os.getcwd()
    try:
        converter.start()
    finally:
        os.chdir(cwd)
    return {project: work / "release" / project for project in projects}


def _fingerprint(course_root: Path) -> str:
    """Changes when anything that goes into the release changes (course files, nbgrader config, nbgrader)."""
    from importlib.metadata import version

    config = _course_config(course_root)
    source = _source_dir(course_root, config)
    digest = hashlib.sha256(f"nbgrader {version('nbgrader')}\n".encode())
    config_file = course_root / "nbgrader_config.py"
    if config_file.exists():
        digest.update(config_file.read_bytes())
    for project in _projects(source):
        for path in sorted((source / project).rglob("*")):
            if path.is_file() and ".ipynb_checkpoints" not in path.parts:
                digest.update(str(path.relative_to(source)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


# --- the student's copy ------------------------------------------------------------------------------------
def _write(path: Path, data: bytes) -> None:
    """Atomically: a crash never leaves half a notebook."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _backup_name(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.{stamp}.bak")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{stamp}-{n}.bak")
        n += 1
    return candidate


def _read_manifest(dest: Path) -> dict:
    try:
        data = json.loads((dest / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def make_student_edition(dest: str | Path = "student", course_root: str | Path = ".") -> Refresh:
    """Make or refresh the student copy in ``dest`` (relative paths: to ``course_root``)."""
    from filelock import FileLock

    course_root = Path(course_root).resolve()
    dest = Path(dest)
    if not dest.is_absolute():
        dest = course_root / dest
    dest.mkdir(parents=True, exist_ok=True)
    with FileLock(str(dest / _LOCK), timeout=120):
        return _refresh(course_root, dest)


def _refresh(course_root: Path, dest: Path) -> Refresh:
    report = Refresh(dest)
    manifest = _read_manifest(dest)
    released: dict[str, str] = manifest.get("files", {}) if isinstance(manifest.get("files"), dict) else {}
    fingerprint = _fingerprint(course_root)
    if manifest.get("fingerprint") == fingerprint and all((dest / rel).is_file() for rel in released):
        report.up_to_date = True
        return report
    files: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="alisim-edition-") as tmp:
        for folder in release_projects(course_root, Path(tmp)).values():
            for path in sorted(folder.rglob("*")):
                if not path.is_file() or _own(path.name):
                    continue
                rel = path.relative_to(folder.parent).as_posix()
                data = path.read_bytes()
                files[rel] = _sha(data)
                _place(dest, rel, data, released.get(rel), report)
    manifest = {
        "about": "alisim 学生版：上次从课程生成的文件（python -m autograde.edition）。请不要修改。",
        "fingerprint": fingerprint,
        "files": files,
    }
    _write(dest / MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode())
    return report


def _place(dest: Path, rel: str, data: bytes, previous_sha: str | None, report: Refresh) -> None:
    """Put one released file at ``dest/rel`` without losing the student's version of it."""
    target = dest / rel
    new_sha = _sha(data)
    if target.is_file():
        current_sha = _sha(target.read_bytes())
        if current_sha == new_sha or previous_sha == new_sha:
            # Same as the release, or the course did not change this file: it is the student's now.
            report.unchanged.append(rel)
            return
        if current_sha != previous_sha:  # the student changed it (or it came from elsewhere): keep it
            backup = _backup_name(target)
            os.replace(target, backup)
            report.backups.append((rel, backup.relative_to(dest).as_posix()))
    elif target.exists():
        raise SystemExit(f"错误：{target} 不是文件，无法放入学生版")
    _write(target, data)
    report.written.append(rel)


# --- command line ------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m autograde.edition",
        description="生成或更新学生版（和 nbgrader generate_assignment 发布的一样：没有参考答案）。"
        "再次运行时只替换课程更新过的笔记本，学生的 alisim_state.json 和其他文件不动；"
        "学生改过的旧笔记本先备份为 .bak。",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="显示这段帮助并退出")
    parser.add_argument("--dest", default="student", help="学生版文件夹（默认 student，相对于课程根目录）")
    parser.add_argument(
        "--course-root", default=".", help="课程根目录（nbgrader_config.py 所在，默认当前目录）"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="只在出错或有备份时输出")
    args = parser.parse_args(argv)
    report = make_student_edition(args.dest, args.course_root)
    if not args.quiet or report.backups:
        print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
