"""nbgrader end to end for 02_store: the generic class of ``test_nbgrader`` with project 02's student driver.

The screens-only student does the A&V wizard step by step and the company information on their pages,
adds Xu tiantian on the sub-account page and decorates the shop (``tests/p02_team_data``), and answers all
fourteen knowledge checks: full marks with the notebook as released. The student with mistakes types a
wrong position and a wrong landline in the A&V materials (both pass validation; neither is a certified
company fact, so company information still scores full).
"""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from autograde.spec import SPECS
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
from tests.p02_store_data import AV, COMPANY
from tests.p02_team_data import team_tasks_on_screens

pytestmark = pytest.mark.slow

AV_FIELDS = len(SPECS["02.2.3"].fields)


class Store02(generic.Driver):
    project = "02_store"
    quiz = tuple(f"02.q{n}" for n in range(1, 15))
    max_score = 10 + 10 + 10 + 10 + 14  # 02.2.3, 02.3.1, 02.4.1, 02.5.4 + 14 questions
    mistakes = {"position": "经理/director", "landline": "086-0532-6356346"}
    mistakes_score = round(10 * (AV_FIELDS - 2) / AV_FIELDS, 2) + 10 + 10 + 10 + 14
    mistakes_grade_id = "check_02_2_3"
    mistakes_labels = frozenset({"职位", "公司座机"})
    mistakes_secret = "086-0532-6356345"

    def _store_tasks(self, backend, av: dict) -> None:
        wizard = aw.screen_for("02.2.3", backend)
        result = wizard.complete(**av, auth_method="企业支付宝验证")
        assert result.ok, result
        # Company info after A&V: the certified fields are filled in and read-only; the rest typed in.
        page = aw.screen_for("02.3.1", backend)
        typed = {k: v for k, v in COMPANY.items() if not page.inputs[k].disabled}
        result = page.fill(**typed).submit()
        assert result.ok, result

    def do_tasks(self, backend) -> None:
        self._store_tasks(backend, AV)
        team_tasks_on_screens(backend)

    def do_tasks_with_mistakes(self, backend) -> None:
        self._store_tasks(backend, {**AV, **self.mistakes})
        team_tasks_on_screens(backend)


generic.DRIVERS.setdefault(Store02.project, Store02())


@pytest.fixture(scope="module", params=[Store02.project])
def graded(request, tmp_path_factory):
    return generic.graded.__wrapped__(request, tmp_path_factory)
