"""``python -m autograde verify``: does the gradebook hold what each student's saved store earns?

A gradebook filled by a plain executing ``nbgrader autograde`` (somewhere without this repository's
configuration) takes the grade cells' outputs at face value, and a student's code can fake them. This
re-checks every submitted store in the teacher's process and lists every grade cell whose gradebook
score differs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .course import Course, task_columns
from .result import CheckResult
from .spec import SPECS

__all__ = ["Difference", "differences"]

_TOLERANCE = 0.01


@dataclass(frozen=True)
class Difference:
    student: str
    grade_id: str
    task_id: str
    expected: float  # what the store earns
    recorded: float | None  # what the gradebook says (auto score, or the manual score if a teacher set one)

    def describe(self) -> str:
        got = "没有分数" if self.recorded is None else f"{self.recorded:g}"
        return f"{self.task_id}：gradebook {got}，进度文件 {self.expected:g}"


def differences(
    course: Course, assignment: str, rechecked: dict[str, dict[str, CheckResult]] | None = None
) -> list[Difference]:
    """Every (student, grade cell) whose gradebook score is not what the student's store earns.

    ``rechecked`` (student → task → result) saves re-checking stores the caller already checked.
    """
    from nbgrader.api import MissingEntry

    from .stategrade import load_submission, score_submission

    columns = [(nb, gid, tid) for nb, gid, tid, _ in task_columns(course.source(assignment)) if tid in SPECS]
    task_ids = list(dict.fromkeys(t for _, _, t in columns))
    out: list[Difference] = []
    with course.gradebook() as gb:
        for sub in gb.assignment_submissions(assignment):
            student = sub.student.id
            results = (rechecked or {}).get(student)
            if results is None:
                folder = course.submitted(student, assignment)
                results = score_submission(task_ids, load_submission(folder, assignment), reveal=False)
            for notebook, grade_id, task_id in columns:
                try:
                    grade = gb.find_grade(grade_id, notebook, assignment, student)
                except MissingEntry:
                    continue
                if grade.manual_score is not None:
                    continue  # a teacher's own mark is the teacher's decision
                expected = float(results[task_id])
                recorded = None if grade.auto_score is None else float(grade.auto_score)
                if recorded is None or abs(recorded - expected) > _TOLERANCE:
                    out.append(Difference(student, grade_id, task_id, expected, recorded))
    return out
