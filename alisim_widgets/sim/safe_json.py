"""Reading a state file that a student handed in: bounded in size, depth and number length.

The state file is the record of a student's work and the teacher's grader reads it, so it is input from
someone else: a 5000-digit integer, JSON nested a thousand levels deep, NaN, or a 2 GB file must give a
clear Chinese reason for that one student, never crash or stall the class.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

__all__ = ["UnsafeStateFile", "read_state_json", "parse_state_json", "MAX_STATE_BYTES", "MAX_DEPTH"]

# A finished project's store is about 0.1–2 MB (decoration images are the largest part); 20 MB is far above.
MAX_STATE_BYTES = 20 * 1024 * 1024
# The store's models nest about 8 levels; 64 leaves room and stays far from Python's recursion limit.
MAX_DEPTH = 64
# Prices, counts and revisions fit in 20 digits; Python refuses > 4300 digits with an exception anyway.
MAX_NUMBER_CHARS = 40


class UnsafeStateFile(ValueError):
    """The file cannot be used safely; ``reason`` is Chinese and names the limit."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _parse_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise UnsafeStateFile(f"进度文件里有一个 {len(text)} 位的数字（最多 {MAX_NUMBER_CHARS} 位）")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise UnsafeStateFile(f"进度文件里有一个 {len(text)} 个字符的小数（最多 {MAX_NUMBER_CHARS} 个）")
    return float(text)


def _refuse_constant(name: str) -> Any:
    raise UnsafeStateFile(f"进度文件里有非法数值 {name}（不是有效的 JSON 数字）")


def _depth_ok(value: Any) -> bool:
    """True when ``value`` nests at most MAX_DEPTH containers (iterative: no recursion to exhaust)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > MAX_DEPTH:
            return False
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return True


def parse_state_json(data: bytes) -> dict[str, Any]:
    """Parse the bytes of a state file within the limits; raise :class:`UnsafeStateFile` otherwise."""
    if len(data) > MAX_STATE_BYTES:
        raise UnsafeStateFile(
            f"进度文件太大（{len(data) // 1024 // 1024} MB，最多 {MAX_STATE_BYTES // 2**20} MB）"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnsafeStateFile("进度文件已损坏（不是 UTF-8 文本）") from None
    try:
        raw = json.loads(
            text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_refuse_constant
        )
    except RecursionError:
        raise UnsafeStateFile(f"进度文件嵌套层数太多（最多 {MAX_DEPTH} 层）") from None
    except json.JSONDecodeError:
        raise UnsafeStateFile("进度文件已损坏（不是有效的 JSON）") from None
    if not _depth_ok(raw):
        raise UnsafeStateFile(f"进度文件嵌套层数太多（最多 {MAX_DEPTH} 层）")
    if not isinstance(raw, dict):
        raise UnsafeStateFile("进度文件已损坏（内容不是一个店铺的数据）")
    version = raw.get("schema_version")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        raise UnsafeStateFile("进度文件的格式版本（schema_version）不是整数")
    return raw


def read_state_json(path: str | os.PathLike[str], *, inside: str | os.PathLike[str] | None = None) -> dict:
    """Read and parse ``path``: a regular file (never a symlink), inside ``inside`` when given.

    Raises FileNotFoundError when there is no file, :class:`UnsafeStateFile` for everything else.
    """
    path = Path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise UnsafeStateFile(f"进度文件无法读取（{type(exc).__name__}）") from None
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeStateFile("进度文件是一个符号链接（指向别的文件），不能使用")
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeStateFile("进度文件不是普通文件，不能使用")
    if inside is not None:
        folder = Path(inside).resolve()
        if path.resolve().parent != folder:
            raise UnsafeStateFile("进度文件不在提交的文件夹里，不能使用")
    if info.st_size > MAX_STATE_BYTES:
        raise UnsafeStateFile(
            f"进度文件太大（{info.st_size // 2**20} MB，最多 {MAX_STATE_BYTES // 2**20} MB）"
        )
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise UnsafeStateFile(f"进度文件无法读取（{type(exc).__name__}）") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # swapped between lstat and open
            raise UnsafeStateFile("进度文件不是普通文件，不能使用")
        data = fh.read(MAX_STATE_BYTES + 1)
    return parse_state_json(data)
