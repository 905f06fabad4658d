"""What a student does in each project, on the screens only: the drivers of ``test_nbgrader``.

Each ``Driver`` does every practical task of its project on its screens (driven from the test process,
as a person would click), answers the knowledge checks, and knows two mistakes that pass validation.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

import alisim_widgets as aw
from autograde.spec import SPECS
from tests.p02_store_data import AV, COMPANY
from tests.p02_team_data import team_tasks_on_screens
from tests.product_data import CUSTOM_TASK, RTS_TASK
from tests.quiz_answers import QUIZ_ANSWERS
from tests.trueview_data import FORM

AV_FIELDS = len(SPECS["02.2.3"].fields)
RTS_FIELDS = len(SPECS["03.3.5"].fields)


# --- the drivers --------------------------------------------------------------------
class Driver:
    project: str
    max_score: float
    quiz: tuple[str, ...] = ()
    mistakes_score: float
    mistakes_grade_id: str  # the grade cell whose feedback names the wrong fields
    mistakes_labels: frozenset[str]
    mistakes_secret: str  # an expected value the feedback must not give away
    # Students of this project's class besides the standard ones (see ``do_extra``).
    extra_students: tuple[str, ...] = ()

    def open_backend(self, folder, student: str):
        """The store ``student`` opens in their folder (the same for every student but in 09_data)."""
        return aw.open_backend(self.project, path=folder)

    def do_extra(self, student: str, backend, backend_of) -> float:
        """What an extra student does; returns their expected score. ``backend_of(name)`` opens a classmate's."""
        raise NotImplementedError

    def do_tasks(self, backend) -> None:
        """Every practical task on its screen, right."""
        raise NotImplementedError

    def do_tasks_with_mistakes(self, backend) -> None:
        raise NotImplementedError

    def do_quiz(self, backend) -> None:
        for qid in self.quiz:
            answer = QUIZ_ANSWERS[qid]  # the teacher's answer key (the package holds digests only)
            result = aw.screen_for(qid, backend).fill(answer=answer).submit()
            assert result.ok, result


class Account01(Driver):
    project = "01_account"
    max_score = 18  # 01.2.2 (10) + 8 questions × 1
    quiz = tuple(f"01.q{n}" for n in range(1, 9))
    # The task table of 01.2.2, typed as a student reads it.
    registration = {
        "company_name": "湖南典阅科技有限公司",
        "company_address": "湖南省长沙市岳麓区谷园街道谷园路 200 号",
        "license_no": "440000551523412",
        "email": "dianyuekeji@163.com",
        "legal_rep_name": "张龙",
        "legal_rep_name_en": "Zhang long",
        "password": "dianyue123",
        "mobile": "13666301234",
    }
    # Valid values, but not the task's: another mail domain and another English name.
    mistakes = {"email": "dianyuekeji@126.com", "legal_rep_name_en": "Zhang Lang"}
    mistakes_score = 10 * 6 / 8 + 8
    mistakes_grade_id = "check_01_2_2"
    mistakes_labels = frozenset({"电子邮箱", "英文姓名"})
    mistakes_secret = "dianyuekeji@163.com"

    def _register(self, backend, values) -> None:
        screen = aw.screen_for("01.2.2", backend)
        screen.fill(**values)
        assert screen.request_code().ok
        result = screen.fill(verification_code=backend.inbox.last_code()).submit()
        assert result.ok, result

    def do_tasks(self, backend) -> None:
        self._register(backend, self.registration)

    def do_tasks_with_mistakes(self, backend) -> None:
        self._register(backend, {**self.registration, **self.mistakes})


class Store02(Driver):
    project = "02_store"
    quiz = tuple(f"02.q{n}" for n in (*range(1, 15), 20, 21, 22, 23))
    max_score = 10 + 10 + 10 + 10 + 18  # 02.2.3, 02.3.1, 02.4.1, 02.5.4 + 18 questions
    mistakes = {"position": "经理/director", "landline": "086-0532-6356346"}
    mistakes_score = round(10 * (AV_FIELDS - 2) / AV_FIELDS, 2) + 10 + 10 + 10 + 18
    mistakes_grade_id = "check_02_2_3"
    mistakes_labels = frozenset({"职位", "公司座机"})
    mistakes_secret = "086-0532-6356345"

    def _store_tasks(self, backend, av: dict) -> None:
        wizard = aw.screen_for("02.2.3", backend)
        result = wizard.fill(**av, auth_method="企业支付宝验证").submit()
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


class Product03(Driver):
    project = "03_product"
    max_score = 50  # 03.3.5 (20) + 03.3.6 (20) + 10 questions × 1
    quiz = tuple(f"03.q{n}" for n in range(1, 11))
    mistakes = {"stock": "999", "sku_code": "6852001"}
    mistakes_score = round(20 * (RTS_FIELDS - 2) / RTS_FIELDS, 2) + 20 + 10  # a check rounds to 2 places
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


class Media04(Driver):
    project = "04_media"
    max_score = 19  # 04.1.4 (10) + 9 questions × 1
    quiz = tuple(f"04.q{n}" for n in range(1, 10))
    # Valid values, but not the task's: another content type and a shorter title (weights 1 and 1 of 8).
    mistakes = {"content_type": "产品实拍", "title": "双十一新品"}
    mistakes_score = 10 * 6 / 8 + 9
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


class Crm06(Driver):
    project = "06_crm"
    max_score = 38  # 06.3.4 (5) + 06.3.5 (5) + 06.8.3 (6) + 06.8.4 (6) + 06.8.5 (8) + 8 questions × 1
    quiz = tuple(f"06.q{n}" for n in range(1, 9))
    # Valid values, but not the task's: another campaign name and group (weights 1 and 1 of 10).
    mistakes = {"name": "新贸节促销", "group": "最近询盘客户"}
    mistakes_score = 38 - 8 + 8 * 8 / 10
    mistakes_grade_id = "check_06_8_5"
    mistakes_labels = frozenset({"活动名称", "客户分群"})
    mistakes_secret = "店铺兴趣客户"

    def _do(self, backend, campaign: dict) -> None:
        from tests.crm_forms import FORMS

        for task_id, values in FORMS.items():
            values = {**values, **campaign} if task_id == "06.8.5" else values
            result = aw.screen_for(task_id, backend).fill(**values).submit()
            assert result.ok, result

    def do_tasks(self, backend) -> None:
        self._do(backend, {})

    def do_tasks_with_mistakes(self, backend) -> None:
        self._do(backend, self.mistakes)


class Rfq05(Driver):
    project = "05_rfq"
    max_score = 16  # 05.1.4 (10) + 6 questions × 1
    quiz = tuple(f"05.q{n}" for n in range(1, 7))
    # Valid values, but not the task's: another product code and validity date (weights 1 and 1 of 15).
    mistakes = {"product_code": "M00258", "valid_until": "2022-11-30"}
    mistakes_score = round(10 * 13 / 15, 2) + 6
    mistakes_grade_id = "check_05_1_4"
    mistakes_labels = frozenset({"产品编码", "报价有效期"})
    mistakes_secret = "M00257"

    def _quote(self, backend, values) -> None:
        result = aw.screen_for("05.1.4", backend).fill(**values).submit()
        assert result.ok, result

    def do_tasks(self, backend) -> None:
        from tests.rfq_data import QUOTE

        self._quote(backend, QUOTE)

    def do_tasks_with_mistakes(self, backend) -> None:
        from tests.rfq_data import QUOTE

        self._quote(backend, {**QUOTE, **self.mistakes})


class Marketing07(Driver):
    project = "07_marketing"
    # 07.2.5, 07.2.6, 07.2.7 (10 each) + 07.9.3–07.9.6 P4P plans (10 each) + 15 questions × 1
    max_score = 85
    quiz = tuple(f"07.q{n}" for n in range(1, 16))
    # Valid values, but not the task's: another coupon title and issue (weights 1 and 1 of 11).
    mistakes = {"title": "9月外贸节优惠券", "quantity": 500}
    mistakes_score = 85 - 10 + round(10 * 9 / 11, 2)
    mistakes_grade_id = "check_07_2_5"
    mistakes_labels = frozenset({"券标题", "优惠券发行量"})
    mistakes_secret = "9月外贸节满减优惠券"

    def _do(self, backend, coupon: dict) -> None:
        from autograde.specs.p07_marketing import TASK_07_2_5, TASK_07_2_6, TASK_07_2_7
        from tests.p4p_data import P4P_TASKS

        tasks = {
            "07.2.5": {**TASK_07_2_5, **coupon},
            "07.2.6": TASK_07_2_6,
            "07.2.7": TASK_07_2_7,
            **P4P_TASKS,
        }
        for task_id, values in tasks.items():
            result = aw.screen_for(task_id, backend).fill(**values).submit()
            assert result.ok, result

    def do_tasks(self, backend) -> None:
        self._do(backend, {})

    def do_tasks_with_mistakes(self, backend) -> None:
        self._do(backend, self.mistakes)


class Trade08(Driver):
    project = "08_trade"
    max_score = 38  # 08.1.4 (10) + 08.1.5 (10) + 08.2.3 (10) + 8 questions × 1
    quiz = tuple(f"08.q{n}" for n in range(1, 9))
    # Valid values, but not the task's: another mail domain and quantity (weights 1 and 1 of 15).
    mistakes = {"buyer_email": "DGQFAD@163.COM", "quantity": "120"}
    mistakes_score = 38 - 10 + round(10 * 13 / 15, 2)
    mistakes_grade_id = "check_08_1_4"
    mistakes_labels = frozenset({"买家邮箱", "数量"})
    mistakes_secret = "DGQFAD@126.COM"

    def _do(self, backend, order: dict) -> None:
        from tests.trade_data import FREIGHT, INQUIRY_ORDER, TA_ORDER

        tasks = {"08.1.4": {**TA_ORDER, **order}, "08.1.5": INQUIRY_ORDER, "08.2.3": FREIGHT}
        for task_id, values in tasks.items():
            result = aw.screen_for(task_id, backend).fill(**values).submit()
            assert result.ok, result

    def do_tasks(self, backend) -> None:
        self._do(backend, {})

    def do_tasks_with_mistakes(self, backend) -> None:
        self._do(backend, self.mistakes)


class Customs10(Driver):
    project = "10_customs"
    max_score = 26  # 10.1.4 (20) + 6 questions × 1
    quiz = tuple(f"10.q{n}" for n in range(1, 7))
    # Valid values, but not the task's: another contract and invoice number (weights 1 and 1 of 58).
    mistakes = {"contract_no": "CN62302095206142", "invoice_no": "IVF62302095202333"}
    mistakes_score = 26 - 20 + round(20 * 56 / 58, 2)
    mistakes_grade_id = "check_10_1_4"
    mistakes_labels = frozenset({"合同协议号", "发票号"})
    mistakes_secret = "CN62302095206141"

    def _declare(self, backend, values) -> None:
        result = aw.screen_for("10.1.4", backend).fill(**values).submit()
        assert result.ok, result

    def do_tasks(self, backend) -> None:
        from tests.customs_data import FORM

        self._declare(backend, FORM)

    def do_tasks_with_mistakes(self, backend) -> None:
        from tests.customs_data import FORM

        self._declare(backend, {**FORM, **self.mistakes})


@contextmanager
def _hub_user(name: str):
    """As if ``name`` had logged in to JupyterHub (the 09_data seed follows ``JUPYTERHUB_USER``)."""
    before = os.environ.get("JUPYTERHUB_USER")
    os.environ["JUPYTERHUB_USER"] = name
    try:
        yield
    finally:
        if before is None:
            del os.environ["JUPYTERHUB_USER"]
        else:
            os.environ["JUPYTERHUB_USER"] = before


class Data09(Driver):
    """Every student analyses their own data: the seed is their name, saved in their store on first open.

    The answers are worked out with plain pandas from the student's own frames (``tests/data09_answers.py``)
    and submitted on the 提交分析结果 screens.
    """

    project = "09_data"
    max_score = 56  # 09.1.1–09.1.5 (10 each) + 6 questions × 1
    quiz = tuple(f"09.q{n}" for n in range(1, 7))
    # Two wrong answers of 09.1.1 that pass validation (weights 1 and 1 of 7): 曝光 off by 1000, and the
    # CTR typed as a fraction instead of a percentage.
    mistakes_score = 56 - 10 + round(10 * 5 / 7, 2)
    mistakes_grade_id = "check_09_1_1"
    mistakes_labels = frozenset({"曝光", "点击率（点击/曝光）"})
    mistakes_secret = (
        ""  # the mistaken student's right 曝光: known once their data exists (do_tasks_with_mistakes)
    )
    # ``own_data``: full marks from another seed than ``screens``; ``copier``: hands in the answers of
    # ``screens`` (submitted into their own store, with their own seed).
    extra_students = ("own_data", "copier")

    def open_backend(self, folder, student: str):
        with _hub_user(student):
            backend = aw.open_backend(self.project, path=folder)
            seed = backend.data.seed()  # saved now, while the student is "logged in"
        assert seed == student, (seed, student)
        return backend

    @staticmethod
    def answers(backend) -> dict[str, dict]:
        from tests.data09_answers import answers_from

        return answers_from(backend.data.frames())

    @staticmethod
    def _submit(backend, answers: dict[str, dict]) -> None:
        for task_id, values in answers.items():
            result = aw.screen_for(task_id, backend).fill(**values).submit()
            assert result.ok, result

    def do_tasks(self, backend) -> None:
        self._submit(backend, self.answers(backend))

    def do_tasks_with_mistakes(self, backend) -> None:
        answers = self.answers(backend)
        right = answers["09.1.1"]
        self.mistakes_secret = str(right["impressions"])
        answers["09.1.1"] = {**right, "impressions": right["impressions"] + 1000, "ctr": right["ctr"] / 100}
        self._submit(backend, answers)

    def do_extra(self, student: str, backend, backend_of) -> float:
        from autograde.check import score_task

        if student == "own_data":
            self.do_tasks(backend)
            self.do_quiz(backend)
            return self.max_score
        assert student == "copier"
        self._submit(backend, self.answers(backend_of("screens")))
        self.do_quiz(backend)
        # What the teacher's check gives these answers against the copier's own data (the test asserts less).
        return (
            sum(float(score_task(t, backend)) for t in ("09.1.1", "09.1.2", "09.1.3", "09.1.4", "09.1.5")) + 6
        )


DRIVERS = {
    d.project: d
    for d in (
        Account01(),
        Store02(),
        Product03(),
        Media04(),
        Crm06(),
        Rfq05(),
        Marketing07(),
        Trade08(),
        Data09(),
        Customs10(),
    )
}
