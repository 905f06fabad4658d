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


# 04_media: True View rules, quality levels, cover size, aspect ratios.
_add(
    Question(
        "04.q1",
        "这段视频发布到 True View 时被拒绝了：1080×1920（9:16）、时长 2 分 40 秒、大小 180 MB、英文字幕、"
        "英文配音，片尾出现了公司的 WhatsApp 号码。它违反了哪一条要求？",
        ("画幅比例不符合要求", "时长超过 3 分钟", "视频里出现了联系方式", "大小超过 500 MB"),
    ),
    Question(
        "04.q2",
        "下面哪些视频符合 True View 的发布要求？（多选）",
        (
            "1920×1080，45 秒，英文字幕，没有配音",
            "1280×720，3 分 10 秒，英文字幕",
            "1080×1080，20 秒，英文字幕，英文配音",
            "1080×1920，30 秒，中文字幕",
            "854×480，60 秒，英文字幕",
            "1080×1920，14 秒，英文字幕",
        ),
        multiple=True,
    ),
    Question(
        "04.q3",
        "一段 16:9 横屏、时长 40 秒、有产品介绍和卖点介绍的 True View 视频，审核通过后近 30 天的有效播放是"
        " 10 次。它现在的质量等级是？",
        ("合格", "良好", "优质", "审核不通过"),
    ),
    Question(
        "04.q4",
        "True View 视频的封面图片，尺寸至少要多大（宽×高，像素）？",
        ("640×640", "750×750", "750×1334", "1200×280"),
    ),
    Question(
        "04.q5",
        "True View 视频可以使用哪些画幅比例？（多选）",
        ("9:16", "16:9", "1:1", "3:4", "21:9", "2:1"),
        multiple=True,
    ),
    Question(
        "04.q6",
        "发布一条 True View 视频时，内容标签和关联产品的数量要求是？",
        (
            "标签 1–3 个，关联产品最多 9 个",
            "标签 1–5 个，关联产品最多 20 个",
            "标签可以不加，关联产品最多 9 个",
            "标签 1–3 个，关联产品最多 20 个",
        ),
    ),
    Question(
        "04.q7",
        "判断：只要另外加上英文字幕，用中文配音的视频也可以发布到 True View。",
        ("对", "错"),
    ),
)


# 项目二 知识点 5.3 子账号与权限表 (02.5.4), 知识点 4 全球旺铺 (02.4.1)
_add(
    Question("02.q11", "读权限表：业务员账号可以管理橱窗产品吗？", ("可以", "不可以", "要看会员类型")),
    Question(
        "02.q12",
        "哪些账号可以装修全球旺铺？（多选）",
        ("管理员（主账号）", "业务经理", "业务员", "制作员"),
        multiple=True,
    ),
    Question(
        "02.q13",
        "子账号 Wang fang 已被冻结，管理员想删除它，应该怎么做？",
        ("直接删除", "先解冻，再删除", "先改成制作员，再删除", "冻结的子账号永远不能删除"),
    ),
    Question(
        "02.q14",
        "删除一个业务员子账号后，它名下的询盘、客户和 RFQ 会怎样？",
        ("一起被删除", "自动归入主账号（管理员）", "平均分给其他业务员", "保留在已删除的账号里"),
    ),
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
