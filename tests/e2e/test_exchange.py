"""nbgrader for students through a real exchange, set up the way the README tells a teacher to.

``python -m autograde.exchange_setup`` (what ``scripts/setup_exchange.sh`` runs) creates a temporary
exchange folder and writes the students' ``nbgrader_config.py`` into a temporary Jupyter config folder,
which every process here reads through ``JUPYTER_CONFIG_PATH`` (in a classroom: the course venv's
``etc/jupyter``, which ``jupyter --paths`` lists; checked below). The teacher works in a course root with a
copy of the repository's ``nbgrader_config.py``; the student works in another folder with another ``HOME``,
with no config of their own and no ``--course`` or ``--Exchange.root`` on the command line:

- ``nbgrader fetch_assignment 01_account`` and ``nbgrader submit 01_account`` succeed;
- the state file's lock, a backup and a temporary file in the student's folder are not submitted;
- ``nbgrader collect 01_account`` brings the submission (with the student's ``alisim_state.json``) in.

When the tests run as root, the same is done again with two unprivileged users: ``nobody`` (no root rights)
creates the exchange and the config, ``daemon`` is the student, so the folder's permissions are proven to let
another user fetch and submit; otherwise that test is skipped. (The teacher's generate/release/collect run as
the test's user there: see the test's docstring.)
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import alisim_widgets as aw
from autograde.exchange_setup import STUDENT_IGNORE
from tests.e2e.students import DRIVERS

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "01_account"
STATE = "alisim_state.json"
LEFTOVERS = (".alisim_state.json.lock", f"{STATE}.unusable-20240301-100000.bak", ".alisim_tmp_k3j2h1")


@pytest.fixture
def base() -> Iterator[Path]:
    """A world-traversable temporary folder (pytest's own is 0700: other users could not enter it)."""
    path = Path(tempfile.mkdtemp(prefix="alisim_exchange_"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _env(home: Path, config_dir: Path) -> dict[str, str]:
    """A shell of its own: its own HOME, no course mode, no Jupyter settings but the class config folder."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("ALISIM_", "NBGRADER_", "JUPYTER_"))
    }  # fmt: skip
    env.update(HOME=str(home), JUPYTER_CONFIG_PATH=str(config_dir))
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


def _run(args: list[str], cwd: Path, env: dict, user: str | None = None) -> subprocess.CompletedProcess:
    prefix = []
    if user is not None:
        pw = pwd.getpwnam(user)
        prefix = ["setpriv", f"--reuid={pw.pw_uid}", f"--regid={pw.pw_gid}", "--clear-groups"]
    proc = subprocess.run(
        [*prefix, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )  # fmt: skip
    assert proc.returncode == 0, f"{' '.join(args)} (as {user or 'me'}) failed:\n{proc.stdout}\n{proc.stderr}"
    return proc


def _nbgrader(*args: str) -> list[str]:
    return [sys.executable, "-m", "nbgrader", *args]


def _home(base: Path, name: str, user: str | None) -> Path:
    home = base / name
    home.mkdir()
    if user is not None:
        pw = pwd.getpwnam(user)
        os.chown(home, pw.pw_uid, pw.pw_gid)
    return home


def _class_round(base: Path, exchange_owner: str | None = None, student: str | None = None) -> None:
    """Set up, release, fetch, work, submit, collect. ``exchange_owner`` runs the set-up, ``student`` the
    student's commands (as that user); the teacher's nbgrader commands run as the user running the tests."""
    exchange, config_dir = base / "exchange", base / "class_config"
    owner_home = _home(base, "owner_home", exchange_owner)

    # The teacher, once: the exchange and the students' config.
    setup = _run(
        [sys.executable, "-m", "autograde.exchange_setup", f"--root={exchange}", f"--config-dir={config_dir}"],
        owner_home, _env(owner_home, owner_home / "none"), exchange_owner,
    )  # fmt: skip
    assert "交换目录" in setup.stdout
    assert stat.S_IMODE(exchange.stat().st_mode) == 0o1777
    written = (config_dir / "nbgrader_config.py").read_text(encoding="utf-8")
    assert "c.CourseDirectory.course_id = 'alisim'" in written and repr(str(exchange)) in written

    # The teacher: the repository's config in the course root, generate and release (no --Exchange.root).
    teacher_home = _home(base, "teacher_home", None)
    course = teacher_home / "course_root"
    teacher_env = _env(teacher_home, config_dir)
    (course / "course").mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.copytree(ROOT / "course" / PROJECT, course / "course" / PROJECT,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "alisim_state.json*"))  # fmt: skip
    _run(_nbgrader("generate_assignment", PROJECT), course, teacher_env)
    _run(_nbgrader("release_assignment", PROJECT), course, teacher_env)
    assert (exchange / "alisim" / "outbound" / PROJECT / f"{PROJECT}.ipynb").is_file()

    # The student: another folder, another HOME, only the class config. No --course anywhere.
    student_home = _home(base, "student_home", student)
    work = student_home / "my_work"
    student_env = _env(student_home, config_dir)
    _run(["mkdir", str(work)], student_home, student_env, student)
    assert not (work / "nbgrader_config.py").exists() and not (student_home / ".jupyter").exists()
    _run(_nbgrader("fetch_assignment", PROJECT), work, student_env, student)
    folder = work / PROJECT
    assert (folder / f"{PROJECT}.ipynb").is_file()

    # The work, on the screens (as the student's clicks write it), then the leftovers of a session.
    if student is None:
        backend = aw.open_backend(PROJECT, path=folder)
        DRIVERS[PROJECT].do_tasks(backend)
        for name in LEFTOVERS:
            (folder / name).touch()
    else:
        # An unprivileged student: the state file made here, handed over (their kernel would write it).
        scratch = base / "scratch"
        scratch.mkdir()
        DRIVERS[PROJECT].do_tasks(aw.open_backend(PROJECT, path=scratch))
        _run(["cp", str(scratch / STATE), str(folder / STATE)], folder, student_env, student)
        _run(["touch", *[str(folder / n) for n in LEFTOVERS]], folder, student_env, student)
    state = (folder / STATE).read_bytes()
    assert json.loads(state)["project"] == PROJECT
    assert all((folder / n).exists() for n in LEFTOVERS)

    _run(_nbgrader("submit", PROJECT), work, student_env, student)
    # In the exchange (the teacher who released may list inbound/; students may not).
    (submission,) = (exchange / "alisim" / "inbound").iterdir()
    handed_in = {p.name for p in submission.iterdir()}
    assert {f"{PROJECT}.ipynb", STATE} <= handed_in, handed_in
    assert not handed_in & set(LEFTOVERS), handed_in

    # The teacher collects.
    _run(_nbgrader("collect", PROJECT), course, teacher_env)
    student_id = student or pwd.getpwuid(os.getuid()).pw_name
    collected = course / "submitted" / student_id / PROJECT
    names = {p.name for p in collected.iterdir()}
    assert f"{PROJECT}.ipynb" in names and "timestamp.txt" in names, names
    assert (collected / STATE).read_bytes() == state
    assert not names & set(LEFTOVERS), names


def test_the_default_config_folder_is_read_by_the_course_venv():
    """setup_exchange.sh writes by default into {sys.prefix}/etc/jupyter: Jupyter of this venv reads it."""
    proc = subprocess.run(
        [sys.executable, "-m", "jupyter", "--paths", "--json"], capture_output=True, text=True, timeout=120,
        env={k: v for k, v in os.environ.items() if not k.startswith("JUPYTER_")},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    config_paths = [Path(p).resolve() for p in json.loads(proc.stdout)["config"]]
    assert (Path(sys.prefix) / "etc" / "jupyter").resolve() in config_paths, config_paths


def test_students_ignore_list_covers_the_leftovers():
    import fnmatch

    for name in LEFTOVERS:
        assert any(fnmatch.fnmatch(name, pattern) for pattern in STUDENT_IGNORE), name


def test_fetch_submit_collect_with_the_class_config(base):
    _class_round(base)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to switch users")
def test_exchange_made_without_root_and_used_by_another_user(base):
    """A user without root rights (nobody) creates the exchange; another one (daemon) fetches and submits.

    The teacher's generate/release/collect run as the test's user: nbgrader starts ``alembic`` by its venv
    interpreter, which an unprivileged user cannot always reach (e.g. a venv made from a Python under /root).
    """
    for user in ("nobody", "daemon"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            pytest.skip(f"no user {user}")
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv not installed")
    os.chown(base, pwd.getpwnam("nobody").pw_uid, pwd.getpwnam("nobody").pw_gid)
    _class_round(base, exchange_owner="nobody", student="daemon")
