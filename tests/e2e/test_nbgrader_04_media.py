"""nbgrader end to end for 04_media: the generic class of ``test_nbgrader`` with project 04's student driver.

The generic module builds one class per entry of its ``DRIVERS``; this module adds the 04_media driver and
runs the same tests on it (screens-only student → full marks, mistakes → partial marks naming the fields,
broken submissions graded, the students' own state files kept).
"""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from tests.e2e import test_nbgrader as generic
from tests.e2e.test_nbgrader import (  # noqa: F401  (collected here, on this module's ``graded``)
    test_broken_submissions_graded_not_crashed,
    test_mistakes_partial_marks_and_feedback_names_the_fields,
    test_scores_from_gradebook,
    test_screens_only_student_full_marks_with_notebook_as_released,
    test_state_file_in_autograded_is_the_students,
    test_students_answer_cells_untouched,
    test_whole_class_graded_in_one_batch,
)
from tests.trueview_data import FORM

pytestmark = pytest.mark.slow


class Media04(generic.Driver):
    project = "04_media"
    max_score = 17  # 04.1.4 (10) + 7 questions × 1
    quiz = tuple(f"04.q{n}" for n in range(1, 8))
    # Valid values, but not the task's: another content type and a shorter title (weights 1 and 1 of 8).
    mistakes = {"content_type": "产品实拍", "title": "双十一新品"}
    mistakes_score = 10 * 6 / 8 + 7
    mistakes_grade_id = "check_04_1_4"
    mistakes_labels = frozenset({"内容类型", "内容标题"})
    mistakes_secret = "产品使用效果"

    def _publish(self, backend, values) -> None:
        result = aw.screen_for("04.1.4", backend).fill(**values).submit()
        assert result.ok, result

    def do_tasks(self, backend) -> None:
        self._publish(backend, FORM)

    def do_tasks_with_mistakes(self, backend) -> None:
        self._publish(backend, {**FORM, **self.mistakes})


generic.DRIVERS.setdefault(Media04.project, Media04())


@pytest.fixture(scope="module", params=[Media04.project])
def graded(request, tmp_path_factory):
    return generic.graded.__wrapped__(request, tmp_path_factory)
