"""nbgrader configuration for the alisim course (run every nbgrader command from the repo root)."""

import os
import sys

# nbgrader creates a gradebook by running the program `alembic` found on PATH: the one installed beside
# this nbgrader, also when the teacher runs .venv/bin/nbgrader without activating the venv.
_BIN = os.path.dirname(sys.executable)
if _BIN not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _BIN + os.pathsep + os.environ.get("PATH", "")

PROJECTS = (
    "01_account", "02_store", "03_product", "04_media", "05_rfq",
    "06_crm", "07_marketing", "08_trade", "09_data", "10_customs",
)  # fmt: skip
STATE_FILE = "alisim_state.json"

c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.course_id = "alisim"
c.CourseDirectory.source_directory = "course"
# The marker keeps the instructor's own runs of a source notebook in memory; it is never released.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".alisim_source",
                            "alisim_state.json.*.bak", ".alisim_state.json.lock"]  # fmt: skip
# Autograde copies the instructor's files over the submission; the student's saved store must survive.
c.Autograde.exclude_overwriting = {p: [STATE_FILE] for p in PROJECTS}
# Students may do a task on the screens alone, so an untouched answer cell must not raise.
c.ClearSolutions.code_stub = {"python": "# 可选：也可以用代码完成任务（用上面的页面操作同样得分）\npass"}
c.ClearSolutions.text_stub = "请在这里作答"
# Grading never runs student code: every grade cell is scored from the submitted alisim_state.json, read in
# the grader's own process (autograde/stategrade.py). GradeFromState takes the place of nbgrader's Execute;
# every other step of nbgrader's autograde (restoring locked cells, metadata checks, saving grades, late
# penalties, output limits) stays as it is.
from nbconvert.preprocessors import ClearMetadataPreprocessor  # noqa: E402
from nbgrader.preprocessors import (  # noqa: E402
    AssignLatePenalties,
    CheckCellMetadata,
    IgnorePattern,
    LimitOutput,
    SaveAutoGrades,
)  # fmt: skip

from autograde.stategrade import GradeFromState  # noqa: E402

c.Autograde.autograde_preprocessors = [
    GradeFromState, IgnorePattern, ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades,
    AssignLatePenalties, CheckCellMetadata,
]  # fmt: skip
# Output per cell is capped (our feedback is a few lines; anything longer is cut).
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 50
# Used only if nbgrader's executing Execute step is put back (benchmarks/class_grading.py does, to compare):
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True
c.Execute.iopub_timeout = 30
c.Execute.store_widget_state = False

# --- alisim · students' side: feedback page, exchange, files never handed in (issue 8) ---------------------
# Feedback: `nbgrader generate_feedback` (and formgrader's button, which forces the template name "feedback")
# renders our Chinese page autograde/feedback_template/feedback/index.html.j2 instead of nbgrader's English
# one. StudentFeedback (autograde/feedback.py) runs after GetGrades: it escapes everything, shows widgets as a
# short note and puts the summary of graded tasks at the top. The page loads nothing from the network.
import importlib.util  # noqa: E402

_ALISIM_AUTOGRADE = importlib.util.find_spec("autograde")
if _ALISIM_AUTOGRADE and _ALISIM_AUTOGRADE.submodule_search_locations:
    # Ours first (its "feedback" wins), then nbgrader's own, which formgrader needs for its "formgrade"
    # template: a configured list replaces the one nbgrader would have set.
    _NBGRADER = importlib.util.find_spec("nbgrader")
    c.HTMLExporter.extra_template_basedirs = [
        os.path.join(list(_ALISIM_AUTOGRADE.submodule_search_locations)[0], "feedback_template"),
        *[os.path.join(d, "server_extensions", "formgrader", "templates")
          for d in (_NBGRADER.submodule_search_locations if _NBGRADER else [])],
    ]  # fmt: skip
    c.GenerateFeedback.preprocessors = [
        "nbgrader.preprocessors.GetGrades",
        "autograde.feedback.StudentFeedback",
    ]
# Exchange: scripts/setup_exchange.sh writes the exchange folder into a system-wide nbgrader_config.py that
# the students' and the teacher's nbgrader both read (the course's venv: .venv/etc/jupyter/), so this file
# does not set Exchange.root; set ALISIM_EXCHANGE_ROOT only when the teacher's nbgrader cannot see that file.
if os.environ.get("ALISIM_EXCHANGE_ROOT"):
    c.Exchange.root = os.environ["ALISIM_EXCHANGE_ROOT"]
# Lock, backup and temporary files of the state file are never released, submitted, collected or copied
# into autograded/ (the same list is in the students' config written by setup_exchange.sh).
ALISIM_NEVER_HANDED_IN = [".alisim_state.json.lock", "alisim_state.json.*.bak", ".alisim_tmp_*"]
_ignore = list(c.CourseDirectory.ignore) if "ignore" in c.CourseDirectory else []
c.CourseDirectory.ignore = _ignore + [p for p in ALISIM_NEVER_HANDED_IN if p not in _ignore]
