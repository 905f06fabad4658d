"""Grade a whole class from the saved stores, in one process, with nbgrader's own autograde steps.

``nbgrader autograde`` with the repository's configuration already grades from the store
(:class:`autograde.stategrade.GradeFromState` in place of ``Execute``): no kernel, no student code. What
is left of its cost is bookkeeping: every preprocessor opens its own gradebook connection, looks up the
same source cells again for every student, and commits after every cell.

:func:`grade_class` runs exactly nbgrader's ``Autograde`` converter (the same folders, file copies,
skipping rules, sanitising and saving steps, late penalties and permissions), in this process, with one
shared gradebook session for the whole class: assignment-level look-ups are cached, and the writes of
each student go to the database in one commit. The gradebook and ``autograded/`` come out as a plain
``nbgrader autograde`` run leaves them (``tests/autograde/test_grading.py`` compares the two).
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .course import Course, CourseError

__all__ = ["StudentResult", "ClassGrading", "grade_class", "with_venv_on_path"]

# Modules of nbgrader that open a gradebook with ``Gradebook(db_url, ...)`` during autograde.
_GRADEBOOK_USERS = (
    "nbgrader.converters.autograde",
    "nbgrader.preprocessors.overwritecells",
    "nbgrader.preprocessors.overwritekernelspec",
    "nbgrader.preprocessors.saveautogrades",
    "nbgrader.preprocessors.latesubmissions",
)


def with_venv_on_path() -> None:
    """Put this interpreter's bin folder first on PATH: nbgrader runs ``alembic`` from PATH."""
    bin_dir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if not parts or parts[0] != bin_dir:
        os.environ["PATH"] = os.pathsep.join([bin_dir, *[p for p in parts if p != bin_dir]])


@dataclass
class StudentResult:
    """How grading one student went."""

    student: str
    status: str  # "graded" | "skipped" | "failed"
    score: float | None = None
    max_score: float | None = None
    seconds: float = 0.0
    reason: str = ""  # Chinese, when failed
    problem: str = ""  # Chinese, when the student's store could not be used (graded with 0 for it)

    @property
    def ok(self) -> bool:
        return self.status != "failed"


@dataclass
class ClassGrading:
    """The outcome of grading one assignment for a class."""

    assignment: str
    results: list[StudentResult] = field(default_factory=list)
    seconds: float = 0.0

    def with_status(self, status: str) -> list[StudentResult]:
        return [r for r in self.results if r.status == status]

    @property
    def failed(self) -> list[StudentResult]:
        return self.with_status("failed")


class _SharedGradebook:
    """Stands in for ``nbgrader.api.Gradebook(...)``: one session for the run, commits batched.

    ``commit()`` from nbgrader's code only flushes (the data is visible to later queries in the same
    session); :meth:`commit_now` writes to the file, once per student. Look-ups of the assignment's
    source and grade cells, which every student repeats, are cached.
    """

    def __init__(self, gradebook) -> None:
        self._gb = gradebook
        self._session_commit = gradebook.db.commit
        # nbgrader commits after every cell; here the session's autoflush makes each change visible to the
        # next query, and commit_now() writes a student's changes in one transaction.
        gradebook.db.commit = lambda: None  # instance attribute: only this session
        for name in ("find_source_cell", "find_graded_cell", "find_notebook", "find_assignment"):
            setattr(self, name, functools.lru_cache(maxsize=None)(getattr(gradebook, name)))
        self._rows: dict[tuple[str, str, str], tuple[dict, dict]] = {}

    def _student_rows(self, notebook: str, assignment: str, student: str) -> tuple[dict, dict]:
        """The grade and comment rows of one submitted notebook, by cell name (one query, not one per cell)."""
        key = (notebook, assignment, student)
        if key not in self._rows:
            sub_nb = self._gb.find_submission_notebook(notebook, assignment, student)
            self._rows[key] = ({g.name: g for g in sub_nb.grades}, {c.name: c for c in sub_nb.comments})
        return self._rows[key]

    def find_grade(self, grade_cell: str, notebook: str, assignment: str, student: str):
        found = self._student_rows(notebook, assignment, student)[0].get(grade_cell)
        return found if found is not None else self._gb.find_grade(grade_cell, notebook, assignment, student)

    def find_comment(self, solution_cell: str, notebook: str, assignment: str, student: str):
        found = self._student_rows(notebook, assignment, student)[1].get(solution_cell)
        if found is not None:
            return found
        return self._gb.find_comment(solution_cell, notebook, assignment, student)

    def __call__(self, *_args, **_kwargs) -> _SharedGradebook:  # Gradebook(db_url, course_id)
        return self

    def __enter__(self) -> _SharedGradebook:
        return self

    def __exit__(self, *exc) -> bool:
        return False  # the session stays open for the next student

    def __getattr__(self, name: str):
        return getattr(self._gb, name)

    def commit_now(self) -> None:
        self._session_commit()
        self._rows.clear()

    def recover(self) -> None:
        """After a student whose grading failed half-way: drop a transaction the database refused, so that
        the next student starts clean (nbgrader, opening a session per step, gets this for free)."""
        self._rows.clear()
        if not self._gb.db.is_active:
            self._gb.db.rollback()

    def close(self) -> None:
        try:
            self.commit_now()
        finally:
            self._gb.db.commit = self._session_commit
            self._gb.close()


@contextlib.contextmanager
def _shared_gradebook(db_url: str, course_id: str) -> Iterator[_SharedGradebook]:
    import importlib

    from nbgrader.api import Gradebook
    from nbgrader.nbgraderformat import common

    shared = _SharedGradebook(Gradebook(db_url, course_id))
    modules = [importlib.import_module(name) for name in _GRADEBOOK_USERS]
    before = [m.Gradebook for m in modules]
    for m in modules:
        m.Gradebook = shared
    # nbgrader checks every cell's metadata with jsonschema.validate, which re-checks the (fixed) schema
    # itself each time; the same validation with the schema checked once is most of the saving here.
    jsonschema_before, common.jsonschema = common.jsonschema, _CachedJsonschema()
    try:
        yield shared
    finally:
        common.jsonschema = jsonschema_before
        for m, original in zip(modules, before, strict=True):
            m.Gradebook = original
        shared.close()


class _CachedJsonschema:
    """``jsonschema.validate`` with one validator per schema and one verdict per distinct instance.

    Validation is a pure function of (schema, instance), and every student's notebook repeats the same cell
    metadata: the same checks and errors, each computed once.
    """

    def __init__(self) -> None:
        self._validators: dict[str, object] = {}
        self._verdicts: dict[tuple[str, str], Exception | None] = {}

    def validate(self, instance, schema) -> None:
        import json

        import jsonschema

        # nbgrader loads its schema anew for every notebook, so the schema's text is the key, not its id.
        schema_key = json.dumps(schema, sort_keys=True)
        key = (schema_key, json.dumps(instance, sort_keys=True, default=repr))
        if key not in self._verdicts:
            validator = self._validators.get(schema_key)
            if validator is None:
                cls = jsonschema.validators.validator_for(schema)
                cls.check_schema(schema)
                validator = self._validators[schema_key] = cls(schema)
            self._verdicts[key] = jsonschema.exceptions.best_match(validator.iter_errors(instance))
        if self._verdicts[key] is not None:
            raise self._verdicts[key]

    def __getattr__(self, name: str):
        import jsonschema

        return getattr(jsonschema, name)


def _converter_class(shared: _SharedGradebook, on_start: Callable[[str], None],
                     on_done: Callable[[str], None]):  # fmt: skip
    from nbgrader.converters import Autograde

    class FastAutograde(Autograde):
        """nbgrader's Autograde, told when each student starts and ends, with both passes in memory.

        ``Autograde.convert_single_notebook`` converts twice through files (sanitise: read, preprocess,
        validate, write; autograde: read it back, preprocess, validate, write). Here the same preprocessors
        run in the same order on one notebook in memory, with what a write-and-read would do between the
        passes (``strip_transient``, normalisation); the file is read and validated once and written once.
        """

        def convert_single_notebook(self, notebook_filename: str) -> None:
            import nbformat
            from nbformat.v4.rwbase import strip_transient

            self._sanitizing = True
            self._init_preprocessors()
            resources = self._resources(notebook_filename)
            nb = nbformat.read(notebook_filename, as_version=4)
            nb, resources = self._run(nb, resources)

            graded_filename = os.path.join(
                self._format_dest(*self._ids(resources)), os.path.basename(notebook_filename)
            )
            self._sanitizing = False
            self._init_preprocessors()
            try:
                resources = self._resources(graded_filename)
                nb = strip_transient(nb)  # what writing and reading the file back would remove
                from nbgrader import utils

                with utils.setenv(NBGRADER_EXECUTION="autograde"):
                    nb, resources = self._run(nb, resources)
            finally:
                self._sanitizing = True
            output = nbformat.writes(nb, version=self.exporter.nbformat_version)
            if not output.endswith("\n"):
                output += "\n"
            self.write_single_notebook(output, resources)

        def _ids(self, resources) -> tuple[str, str]:
            return resources["nbgrader"]["assignment"], resources["nbgrader"]["student"]

        def _resources(self, filename: str) -> dict:
            """What ``Exporter.from_filename`` and ``_init_resources`` give the preprocessors."""
            from nbconvert.exporters.exporter import ResourcesDict

            resources = ResourcesDict()
            resources.update(self.init_single_notebook_resources(filename))
            path, basename = os.path.split(filename)
            resources["metadata"] = ResourcesDict()
            resources["metadata"].update(name=os.path.splitext(basename)[0], path=path)
            resources["output_extension"] = self.exporter.file_extension
            return resources

        def _run(self, nb, resources):
            from nbformat import validator

            if hasattr(validator, "normalize"):
                _, nb = validator.normalize(nb)
            for preprocessor in self.exporter._preprocessors:
                nb, resources = preprocessor(nb, resources)
            return nb, resources

        def init_destination(self, assignment_id: str, student_id: str) -> bool:
            go = super().init_destination(assignment_id, student_id)
            on_start(student_id) if go else on_done(student_id, skipped=True)
            return go

        def set_permissions(self, assignment_id: str, student_id: str) -> None:
            super().set_permissions(assignment_id, student_id)
            shared.commit_now()
            on_done(student_id)

    return FastAutograde


def _app(course: Course):
    from nbgrader.apps.autogradeapp import AutogradeApp

    from .course import _inside

    with _inside(course.root):
        app = AutogradeApp()
        app.initialize([])
    app.log.setLevel("ERROR")  # our own progress lines replace nbgrader's per-file log
    # nbconvert validates the notebook after every preprocessor unless told to do it once at the end; the
    # notebooks come out the same (validation never changes them), checked once instead of six times.
    app.config.NotebookExporter.optimistic_validation = True
    return app


def grade_class(
    course: Course,
    assignment: str,
    *,
    force: bool = False,
    students: list[str] | None = None,
    progress: Callable[[int, int, StudentResult], None] | None = None,
) -> ClassGrading:
    """Autograde every submission of ``assignment`` from the saved stores (as ``nbgrader autograde``)."""
    from nbgrader.converters.base import NbGraderException

    from .stategrade import load_submission

    with_venv_on_path()
    course.require_assignment(assignment)
    course.require_in_gradebook(assignment)
    everyone = course.require_submissions(assignment)
    if students:
        unknown = sorted(set(students) - set(everyone))
        if unknown:
            raise CourseError(f"这些学生没有提交作业 {assignment}：{'、'.join(unknown)}")
        everyone = [s for s in everyone if s in students]
    outcome = ClassGrading(assignment)
    begin = time.perf_counter()
    started: dict[str, float] = {}
    reported: set[str] = set()

    def report(result: StudentResult) -> None:
        reported.add(result.student)
        outcome.results.append(result)
        if progress:
            progress(len(outcome.results), len(everyone), result)

    def on_start(student: str) -> None:
        shared.recover()
        # A student started before this one and never finished: nbgrader gave up on them.
        for other, t0 in list(started.items()):
            if other not in reported:
                report(_failed(other, t0))
        started[student] = time.perf_counter()

    def on_done(student: str, skipped: bool = False) -> None:
        if skipped:
            report(StudentResult(student, "skipped"))
            return
        with contextlib.suppress(Exception):
            shared.commit_now()
        submission = shared.find_submission(assignment, student)
        problem = load_submission(course.submitted(student, assignment), assignment).problem
        seconds = round(time.perf_counter() - started.get(student, begin), 3)
        report(StudentResult(student, "graded", submission.score, submission.max_score, seconds,
                             problem=problem))  # fmt: skip

    def _failed(student: str, t0: float) -> StudentResult:
        return StudentResult(
            student, "failed", seconds=round(time.perf_counter() - t0, 3),
            reason="nbgrader 无法处理这份提交（例如笔记本文件已损坏、不是有效的 JSON）",
        )  # fmt: skip

    app = _app(course)
    coursedir = app.coursedir
    coursedir.assignment_id = assignment
    with warnings.catch_warnings(), _shared_gradebook(course.db_url, coursedir.course_id) as shared:
        # nbgrader's own runs trip SQLAlchemy's autoflush warnings; they are not ours to show.
        warnings.simplefilter("ignore")
        converter_cls = _converter_class(shared, on_start, on_done)
        batches = [[s] for s in everyone] if students else [None]
        for batch in batches:
            coursedir.student_id = batch[0] if batch else "*"
            converter = converter_cls(coursedir=coursedir, parent=app)
            converter.force = force
            try:
                with _inside_root(course):
                    converter.start()
            except NbGraderException:
                pass  # the students it could not grade are reported below
        for student, t0 in started.items():
            if student not in reported:
                report(_failed(student, t0))
    for student in everyone:
        if student not in reported:
            report(StudentResult(student, "failed", reason="nbgrader 没有处理这份提交（没有找到笔记本）"))
    outcome.seconds = time.perf_counter() - begin
    return outcome


@contextlib.contextmanager
def _inside_root(course: Course) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(course.root)
    try:
        yield
    finally:
        os.chdir(before)
