"""Reading a handed-in state file: every limit, on both sides, with a Chinese reason."""

from __future__ import annotations

import json
import os

import pytest

import alisim_widgets as aw
from alisim_widgets.sim.safe_json import (
    MAX_DEPTH,
    MAX_NUMBER_CHARS,
    MAX_STATE_BYTES,
    UnsafeStateFile,
    parse_state_json,
    read_state_json,
)


def _reason(data: bytes) -> str:
    with pytest.raises(UnsafeStateFile) as info:
        parse_state_json(data)
    return info.value.reason


def test_numbers_up_to_the_limit_pass_and_longer_ones_are_refused():
    assert parse_state_json(b'{"n": ' + b"9" * MAX_NUMBER_CHARS + b"}")["n"] == int("9" * MAX_NUMBER_CHARS)
    assert "5000 位的数字" in _reason(b'{"n": ' + b"9" * 5000 + b"}")
    assert "小数" in _reason(b'{"n": 1.' + b"1" * MAX_NUMBER_CHARS + b"}")


def test_nesting_up_to_the_limit_passes_and_deeper_is_refused():
    ok = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert parse_state_json(f'{{"a": {ok}}}'.encode())
    deep = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert "嵌套层数太多" in _reason(f'{{"a": {deep}}}'.encode())
    assert "嵌套层数太多" in _reason(
        ("{" + '"a":' * 0 + '"x": ' + "[" * 100000 + "]" * 100000 + "}").encode()
    )


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(constant):
    assert constant in _reason(f'{{"x": {constant}}}'.encode())


@pytest.mark.parametrize("version", ['"2"', "2.0", "true", "[2]"])
def test_schema_version_must_be_an_integer(version):
    assert "schema_version" in _reason(f'{{"schema_version": {version}}}'.encode())


def test_other_garbage_is_named():
    assert "不是 UTF-8" in _reason(b"\xff\xfe\x00")
    assert "不是有效的 JSON" in _reason(b'{"a": ')
    assert "不是一个店铺" in _reason(b"[1, 2]")
    assert "太大" in _reason(b" " * (MAX_STATE_BYTES + 1))


def test_the_file_must_be_a_regular_file_inside_its_folder(tmp_path):
    target = tmp_path / "other" / "alisim_state.json"
    target.parent.mkdir()
    target.write_text('{"schema_version": 1}', encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    os.symlink(target, mine / "alisim_state.json")
    with pytest.raises(UnsafeStateFile, match="符号链接"):
        read_state_json(mine / "alisim_state.json", inside=mine)
    (mine / "alisim_state.json").unlink()
    os.mkfifo(mine / "alisim_state.json")  # a reader would hang on it
    with pytest.raises(UnsafeStateFile, match="不是普通文件"):
        read_state_json(mine / "alisim_state.json", inside=mine)
    with pytest.raises(UnsafeStateFile, match="不在提交的文件夹里"):
        read_state_json(target, inside=mine)
    with pytest.raises(FileNotFoundError):
        read_state_json(mine / "nothing.json")


def test_the_simulator_backs_up_an_unsafe_file_and_starts_over(tmp_path):
    backend = aw.open_backend("01_account", path=tmp_path)
    backend.advance_days(1)
    raw = json.loads((tmp_path / "alisim_state.json").read_text(encoding="utf-8"))
    text = json.dumps(raw)[:-1] + ', "x": ' + "[" * 500 + "]" * 500 + "}"
    (tmp_path / "alisim_state.json").write_text(text, encoding="utf-8")
    again = aw.open_backend("01_account", path=tmp_path)
    assert again.problem and "嵌套层数太多" in again.problem
    assert list(tmp_path.glob("alisim_state.json.unusable-*.bak"))
