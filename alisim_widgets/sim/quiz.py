"""Knowledge checks: the questions and their options (never the answers: those live in ``autograde``).

A student's choices are saved in the store like any screen submission, so nbgrader can grade them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import validate
from .errors import FieldErrors, SimError

if TYPE_CHECKING:
    from .backend import Backend

__all__ = ["Question", "QUESTIONS", "QuizArea", "questions_of"]


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    options: tuple[str, ...]
    multiple: bool = False  # several answers may be right


QUESTIONS: dict[str, Question] = {}


def _add(*qs: Question) -> None:
    for q in qs:
        QUESTIONS[q.id] = q


def questions_of(project_number: str) -> list[Question]:
    """The questions of one project, e.g. ``questions_of("01")``."""
    return [q for q in QUESTIONS.values() if q.id.startswith(f"{project_number}.")]


_add(
    Question(
        "01.q1",
        "下面哪些企业可以入驻阿里巴巴国际站？（多选）",
        (
            "在大陆工商局注册、自己生产玩具的工厂",
            "在大陆注册、专做服装出口的贸易公司",
            "为外贸企业提供运输的物流公司",
            "做产品检测认证的公司",
            "在海外注册的离岸公司",
            "没有营业执照的个人",
        ),
        multiple=True,
    ),
    Question("01.q2", "出口通（普通会员）每年的基础服务费是多少？", ("免费", "29800 元/年", "80000 元/年", "按点击收费")),
    Question("01.q3", "金品诚企会员最多可以开几个子账号？", ("2 个", "5 个", "10 个", "不限")),
    Question(
        "01.q4",
        "注册国际站账号前，需要准备哪些资料？（多选）",
        (
            "没有绑定过阿里旗下产品的电子邮箱",
            "能接收验证码的手机号码",
            "与营业执照一致的公司名称",
            "法人的英文姓名",
            "海外银行账户",
            "登录密码",
        ),
        multiple=True,
    ),
    Question("01.q5", "判断：注册时填写的公司地址必须和营业执照上的注册地址完全一样。", ("对", "错")),
)


class QuizArea:
    """Saves the student's choices for knowledge-check questions."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def answer(self, question_id: str, selected: Any) -> None:
        question = QUESTIONS.get(question_id)
        if question is None:
            raise SimError(f"没有编号为 {question_id} 的题目")
        if isinstance(selected, str):
            selected = [selected]
        errors = FieldErrors()
        chosen = validate.choices(
            errors, "answer", "答案", selected, question.options, min_n=1, max_n=None if question.multiple else 1
        )
        errors.raise_if_any()
        with self.backend.transaction("quiz.answer", question_id) as work:
            work.answers[question_id] = list(chosen)

    def answer_of(self, question_id: str) -> list[str]:
        return list(self.backend.state.answers.get(question_id, []))
