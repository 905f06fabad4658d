"""Checks and grading: task specs, field-by-field scoring with partial credit, Chinese feedback.

from autograde import check
check("01.2.2", backend)      # prints feedback; the value is the points (nbgrader partial credit)
"""

from . import specs as _specs  # noqa: F401  (registers every task spec)
from .check import check, evaluate
from .result import CheckResult, FieldOutcome
from .spec import SPECS, FieldCheck, TaskSpec

__all__ = ["check", "evaluate", "CheckResult", "FieldOutcome", "SPECS", "FieldCheck", "TaskSpec"]
