"""nbgrader configuration for the alisim course (run every nbgrader command from the repo root)."""

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
# A cell that never ends is stopped and graded, instead of hanging the whole class.
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True
# nbgrader drops a student's whole grade when a cell's output arrives more than iopub_timeout seconds after
# its reply (default 4 s): a busy grading server showing a screen with images can take longer than that.
c.Execute.iopub_timeout = 30
# Widget state would add ~400 KB to every graded notebook; feedback needs only the printed text.
c.Execute.store_widget_state = False
