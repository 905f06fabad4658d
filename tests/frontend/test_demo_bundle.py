"""The Voila pages' script (``alisim-demo.js`` and its CSS and fonts) is committed built, so that a classroom
needs no Node.js: this test proves the committed files are exactly what ``frontend/demo`` builds.

It installs the locked packages (``npm ci``: package-lock.json, from the npm registry) into a copy of
``frontend/demo``, runs its ``build.mjs`` into a fresh folder and compares file by file with the template's
static folder. An edit to the sources without a rebuild, a hand edit of the bundle or a stale leftover file
fails here. (plotly.min.js there is not built: scripts/_env.sh copies it from the installed plotly.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "frontend" / "demo"
STATIC = ROOT / "share" / "jupyter" / "voila" / "templates" / "alisim" / "static"
NOT_BUILT = {"plotly.min.js"}

pytestmark = pytest.mark.slow


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).as_posix() not in NOT_BUILT
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    npm, node = shutil.which("npm"), shutil.which("node")
    if not (npm and node):
        if os.environ.get("CI"):
            pytest.fail("node and npm are needed to check the demo bundle (apt-get install nodejs npm)")
        pytest.skip("node/npm not installed")
    work = tmp_path_factory.mktemp("frontend") / "demo"
    shutil.copytree(SOURCE, work, ignore=shutil.ignore_patterns("node_modules"))
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=work, check=True)
    out = work / "out"
    subprocess.run([node, "build.mjs", str(out)], cwd=work, check=True)
    return out


def test_committed_bundle_is_what_the_sources_build(built):
    fresh, committed = _files(built), _files(STATIC)
    assert sorted(fresh) == sorted(committed), "rebuild: cd frontend/demo && npm ci && npm run build"
    changed = [name for name in fresh if fresh[name] != committed[name]]
    assert changed == [], f"{changed} differ from a fresh build: cd frontend/demo && npm ci && npm run build"


def test_bundle_is_one_script_with_its_licences():
    names = sorted(_files(STATIC))
    assert [n for n in names if n.endswith(".js")] == ["alisim-demo.js"]
    licences = (STATIC / "alisim-demo.LICENSES.txt").read_text()
    for package in ("@jupyter-widgets/controls 5.0.13 (BSD-3-Clause)", "@jupyterlab/services", "@lumino/widgets",
                    "jquery 3.8.0 (MIT)", "@fortawesome/fontawesome-free 5.15.4"):  # fmt: skip
        assert package in licences, package
