"""Persistence: the student's work survives restarts, grading and a second kernel."""

from __future__ import annotations

import json
import multiprocessing as mp
import subprocess
import sys

import pytest

import alisim_widgets as aw
from alisim_widgets.sim.persistence import STATE_FILENAME
from alisim_widgets.sim.scenarios import SOURCE_MARKER
from alisim_widgets.sim.state import SCHEMA_VERSION
from tests.data import REGISTRATION


def _register(backend):
    code = backend.account.request_code(REGISTRATION["mobile"])
    backend.account.register({**REGISTRATION, "verification_code": code})


def test_fresh_backend_sees_saved_work(tmp_path):
    """Does a restarted kernel (a new backend on the folder) see the registration?"""
    _register(aw.open_backend("01_account", path=tmp_path))
    again = aw.open_backend("01_account", path=tmp_path)
    assert again.state.account.email == REGISTRATION["email"]
    assert again.problem is None


def test_state_file_has_schema_version_and_project(tmp_path):
    _register(aw.open_backend("01_account", path=tmp_path))
    raw = json.loads((tmp_path / STATE_FILENAME).read_text(encoding="utf-8"))
    assert raw["schema_version"] == SCHEMA_VERSION
    assert raw["project"] == "01_account"


def test_no_file_until_something_is_saved(tmp_path):
    aw.open_backend("01_account", path=tmp_path)
    assert not (tmp_path / STATE_FILENAME).exists()


def test_atomic_save_leaves_no_temporary_files(tmp_path):
    _register(aw.open_backend("01_account", path=tmp_path))
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".alisim_tmp_")]
    assert leftovers == []


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\x00\xff garbage", "损坏"),
        (b'{"schema_version": 1, "project": "01_account", "today": "not a date"}', "损坏"),
        (b"[1, 2, 3]", "损坏"),
        (json.dumps({"schema_version": 1, "project": "02_store"}).encode(), "另一个项目"),
        (json.dumps({"schema_version": SCHEMA_VERSION + 1, "project": "01_account"}).encode(), "更新版本"),
        (json.dumps({"schema_version": 0, "project": "01_account"}).encode(), "太旧"),
    ],
    ids=["binary", "hand-edited", "not-a-store", "other-project", "too-new", "too-old"],
)
def test_unusable_file_is_backed_up_with_a_clear_message(tmp_path, content, words):
    path = tmp_path / STATE_FILENAME
    path.write_bytes(content)
    backend = aw.open_backend("01_account", path=tmp_path)
    assert backend.problem and words in backend.problem
    assert "备份" in backend.problem
    backups = list(tmp_path.glob(f"{STATE_FILENAME}.unusable-*.bak"))
    assert len(backups) == 1 and backups[0].read_bytes() == content
    assert backups[0].name in backend.problem
    # The project starts over from its scenario and saving works again.
    assert backend.state.account is None
    _register(backend)
    assert aw.open_backend("01_account", path=tmp_path).state.account is not None
    assert backups[0].read_bytes() == content  # the backup is never overwritten


def test_two_corrupt_files_keep_two_backups(tmp_path):
    for n in range(2):
        (tmp_path / STATE_FILENAME).write_bytes(f"broken {n}".encode())
        aw.open_backend("01_account", path=tmp_path)
    assert len(list(tmp_path.glob("*.bak"))) == 2


def test_two_backends_on_one_folder_lose_no_write(tmp_path):
    """Two kernels on one folder: each write re-reads the other's first."""
    a = aw.open_backend("01_account", path=tmp_path)
    b = aw.open_backend("01_account", path=tmp_path)
    _register(a)
    b.quiz.answer("01.q2", "29800 元/年")  # b had not seen a's registration
    a.quiz.answer("01.q3", "10 个")
    fresh = aw.open_backend("01_account", path=tmp_path)
    assert fresh.state.account is not None
    assert fresh.state.answers == {"01.q2": ["29800 元/年"], "01.q3": ["10 个"]}


def _answer_many(folder: str, qid: str, n: int) -> None:
    backend = aw.open_backend("01_account", path=folder)
    for i in range(n):
        backend.quiz.answer(qid, ["对", "错"][i % 2])


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_answer_many, args=(str(tmp_path), q, 15)) for q in ("01.q5", "01.q5")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    state = aw.open_backend("01_account", path=tmp_path).state
    assert state.revision == 30  # every one of the 30 writes landed, none overwrote another
    assert sum(e.op == "quiz.answer" for e in state.audit) == 30


def test_source_folder_is_never_written(tmp_path):
    """The instructor's source folder holds the marker: the store stays in memory there."""
    (tmp_path / SOURCE_MARKER).write_text("")
    backend = aw.open_backend("01_account", path=tmp_path)
    _register(backend)
    assert backend.state.account is not None
    assert not (tmp_path / STATE_FILENAME).exists()


def test_memory_backend_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    backend = aw.open_backend("01_account", path=None)
    _register(backend)
    assert list(tmp_path.iterdir()) == []


def test_reset_keeps_a_backup(tmp_path):
    backend = aw.open_backend("01_account", path=tmp_path)
    _register(backend)
    backup = backend.reset()
    assert backup is not None and backup.exists()
    assert backend.state.account is None
    assert aw.open_backend("01_account", path=tmp_path).state.account is None


def test_sim_never_imports_ipywidgets():
    code = "import alisim_widgets, alisim_widgets.sim, autograde, sys; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
