"""项目一 账号注册: task 01.2.2 and the knowledge checks 01.q1–01.q5."""

from __future__ import annotations

from typing import Any

from alisim_widgets.sim.security import verify_password

from ..spec import FieldCheck, TaskSpec, register
from .quiz import quiz_spec


def _registration(backend) -> dict[str, Any] | None:
    acc = backend.state.account
    if acc is None:
        return None
    return {**acc.model_dump(), "password": acc.password_hash}


def _password_matches(stored_hash: Any, expected: str) -> bool:
    return isinstance(stored_hash, str) and verify_password(expected, stored_hash)


register(
    TaskSpec(
        "01.2.2",
        "账号注册",
        10,
        _registration,
        (
            FieldCheck("company_name", "公司名称", "湖南典阅科技有限公司", "nospace", hint="与营业执照一致"),
            FieldCheck("company_address", "公司地址", "湖南省长沙市岳麓区谷园街道谷园路 200 号", "nospace"),
            FieldCheck("license_no", "营业执照号", "440000551523412", "text"),
            FieldCheck("email", "电子邮箱", "dianyuekeji@163.com", "text"),
            FieldCheck("legal_rep_name", "法人姓名", "张龙", "nospace"),
            FieldCheck("legal_rep_name_en", "英文姓名", "Zhang long", "text"),
            FieldCheck(
                "password", "登录密码", "dianyue123", _password_matches, hint="按任务说明设置登录密码"
            ),
            FieldCheck("mobile", "手机号码", "13666301234", "exact"),
        ),
        missing="还没有注册账号：请在注册页面填写信息、获取验证码并点击“同意并注册”",
    ),
    quiz_spec("01.q1", ["在大陆工商局注册、自己生产玩具的工厂", "在大陆注册、专做服装出口的贸易公司"]),
    quiz_spec("01.q2", ["29800 元/年"]),
    quiz_spec("01.q3", ["10 个"]),
    quiz_spec(
        "01.q4",
        [
            "没有绑定过阿里旗下产品的电子邮箱",
            "能接收验证码的手机号码",
            "与营业执照一致的公司名称",
            "法人的英文姓名",
            "登录密码",
        ],
    ),  # fmt: skip
    quiz_spec("01.q5", ["错"]),
)
