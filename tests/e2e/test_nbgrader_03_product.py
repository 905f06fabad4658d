"""nbgrader end to end for 03_product: the generic class of ``test_nbgrader`` with project 03's student driver.

The student publishes both products on the screens only, choosing the main images from the image bank
(图片银行) as a person would, and answers the seven knowledge checks: full marks with the notebook as
released. The student with mistakes types a wrong stock and a wrong SKU code on the Ready to Ship product.
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
from tests.product_data import CUSTOM_TASK, RTS_TASK

pytestmark = pytest.mark.slow

RTS_FIELDS = 23  # checked fields of 03.3.5 (autograde/specs/p03_product.py)


class Product03(generic.Driver):
    project = "03_product"
    max_score = 47  # 03.3.5 (20) + 03.3.6 (20) + 7 questions × 1
    quiz = tuple(f"03.q{n}" for n in range(1, 8))
    mistakes = {"stock": "999", "sku_code": "6852001"}
    mistakes_score = round(20 * (RTS_FIELDS - 2) / RTS_FIELDS, 2) + 20 + 7  # a check rounds to 2 places
    mistakes_grade_id = "check_03_3_5"
    mistakes_labels = frozenset({"可售数量", "商品编码"})
    mistakes_secret = "6852000"

    def _publish(self, backend, task_id, values, stem) -> None:
        screen = aw.screen_for(task_id, backend)
        screen.fill(**values)
        screen.bank_pick.value = tuple(f"IMG-{stem}-0{i}" for i in range(1, 6))  # 图片银行: pick five photos
        screen._add_from_bank()
        result = screen.submit()
        assert result.ok, result

    def do_tasks(self, backend) -> None:
        self._publish(backend, "03.3.5", RTS_TASK, "MARBLE")
        self._publish(backend, "03.3.6", CUSTOM_TASK, "DRESS")

    def do_tasks_with_mistakes(self, backend) -> None:
        self._publish(backend, "03.3.5", {**RTS_TASK, **self.mistakes}, "MARBLE")
        self._publish(backend, "03.3.6", CUSTOM_TASK, "DRESS")


generic.DRIVERS.setdefault(Product03.project, Product03())


@pytest.fixture(scope="module", params=[Product03.project])
def graded(request, tmp_path_factory):
    return generic.graded.__wrapped__(request, tmp_path_factory)
