"""What importing the package loads (issue 14, item 4): each check runs in a fresh interpreter.

Every notebook kernel, Voila page and grading process imports ``alisim_widgets``; the heavy libraries must come
only with the screen or chart that needs them. These tests read ``sys.modules``, not the clock, so a slow
machine cannot make them fail and a new module-level ``import pandas`` always does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HEAVY = ("pandas", "plotly", "ipywidgets", "nbformat", "nbgrader")


def loaded_after(code: str) -> dict:
    """Run ``code`` in a fresh interpreter; return which HEAVY modules it loaded and what it printed as ``out``."""
    probe = textwrap.dedent(code) + textwrap.dedent(f"""
        import json as _json, sys as _sys
        print(_json.dumps({{"heavy": [m for m in {HEAVY!r} if m in _sys.modules],
                            "out": globals().get("out")}}))
    """)
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_import_alisim_widgets_loads_no_heavy_library():
    assert loaded_after("import alisim_widgets")["heavy"] == []


def test_import_alisim_widgets_does_not_load_the_simulator_either():
    """The package itself is a few names: the simulator comes with the first ``aw.open_backend``."""
    result = loaded_after("""
        import sys
        import alisim_widgets
        out = [m for m in ("alisim_widgets.sim", "alisim_widgets.screens", "pydantic") if m in sys.modules]
    """)
    assert result["out"] == []


def test_public_api_still_works_and_the_simulator_needs_no_widgets():
    result = loaded_after("""
        import alisim_widgets as aw
        from alisim_widgets import Backend, PROJECTS, open_backend, screen_for

        backend = aw.open_backend("01_account", path=None)
        out = {
            "all": sorted(n for n in aw.__all__ if hasattr(aw, n)),
            "backend": isinstance(backend, Backend) and backend is not None,
            "projects": list(PROJECTS[:1]),
            "same": open_backend is aw.open_backend and screen_for is aw.screen_for,
            "dir": all(n in dir(aw) for n in aw.__all__),
        }
    """)
    assert result["heavy"] == []
    assert result["out"] == {
        "all": sorted(["open_backend", "screen_for", "Backend", "PROJECTS", "__version__"]),
        "backend": True,
        "projects": ["01_account"],
        "same": True,
        "dir": True,
    }


def test_unknown_attribute_is_still_an_attribute_error():
    result = loaded_after("""
        import alisim_widgets as aw
        try:
            aw.no_such_name
            out = "no error"
        except AttributeError as exc:
            out = str(exc)
    """)
    assert "no_such_name" in result["out"]


def test_a_notebooks_first_cell_loads_widgets_but_not_pandas_plotly_or_nbgrader():
    """tools/notebooks/build_01_account.py SETUP: the screens it shows need ipywidgets, nothing heavier."""
    result = loaded_after("""
        import alisim_widgets as aw
        from alisim_widgets.screens.membership import MembershipComparison
        from alisim_widgets.screens.tasks import ModeBanner, SelfCheck, TaskChecklist
        from autograde import check

        backend = aw.open_backend("01_account", path=None)
        screen = aw.screen_for("01.2.2", backend)
        from alisim_widgets.screens import SCREENS, Screen
        out = isinstance(screen, Screen) and "01.2.2" in SCREENS
    """)
    assert result["out"] is True
    assert result["heavy"] == ["ipywidgets"]
