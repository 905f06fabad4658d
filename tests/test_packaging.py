"""The project's own files: dependencies in step, notebooks clean, no state file shipped."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[1]


def _name(req: str) -> str:
    return re.split(r"[<>=!~ \[]", req.strip(), maxsplit=1)[0].lower()


def test_environment_yml_lists_the_same_packages_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {_name(r): r for r in project["dependencies"] + project["optional-dependencies"]["test"]}
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    listed = {}
    deps = env.split("dependencies:", 1)[1]
    for line in deps.splitlines():
        m = re.match(r"\s*-\s+([A-Za-z0-9_.\-]+)([<>=!~][^#\s]*)?\s*$", line)
        if m and m.group(1) not in ("python", "pip"):
            listed[m.group(1).lower()] = m.group(2) or ""
    assert set(listed) == set(wanted), f"only in one file: {set(listed) ^ set(wanted)}"
    for name, req in wanted.items():
        spec = req[len(name) :].strip()
        assert listed[name] == spec, f"{name}: environment.yml {listed[name]!r} vs pyproject {spec!r}"


def test_every_project_folder_exists():
    folders = sorted(p.name for p in (ROOT / "course").iterdir() if p.is_dir())
    assert folders[:10] == [
        "01_account", "02_store", "03_product", "04_media", "05_rfq",
        "06_crm", "07_marketing", "08_trade", "09_data", "10_customs",
    ]  # fmt: skip


def test_committed_notebooks_have_no_outputs():
    for nb_path in (ROOT / "course").rglob("*.ipynb"):
        if ".ipynb_checkpoints" in nb_path.parts:
            continue
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert not cell["outputs"], f"{nb_path.name} has outputs"
                assert cell["execution_count"] is None


def test_no_state_file_is_tracked_by_git():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [f for f in tracked if "alisim_state" in f]


def test_source_folders_carry_the_marker_that_nbgrader_ignores():
    config = (ROOT / "nbgrader_config.py").read_text(encoding="utf-8")
    assert '".alisim_source"' in config
    for folder in (ROOT / "course").iterdir():
        if folder.is_dir() and folder.name[:2].isdigit():
            assert (folder / ".alisim_source").exists(), folder.name


def test_nbgrader_config_keeps_students_work_and_tolerates_a_busy_server():
    from traitlets.config import Config

    c = Config()
    exec((ROOT / "nbgrader_config.py").read_text(encoding="utf-8"), {"get_config": lambda: c})
    projects = sorted(p.name for p in (ROOT / "course").iterdir() if p.is_dir() and p.name[:2].isdigit())
    assert all(c.Autograde.exclude_overwriting[p] == ["alisim_state.json"] for p in projects)
    assert "raise" not in c.ClearSolutions.code_stub["python"]  # an untouched answer cell must not fail
    assert c.Execute.iopub_timeout >= 20  # nbgrader's 4 s drops a student's grade on a loaded server
    assert c.Execute.timeout >= 30 and c.Execute.interrupt_on_timeout
