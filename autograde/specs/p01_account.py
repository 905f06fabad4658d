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
    quiz_spec("01.q1", "9f87602d333d2716575a4021041be7d1d37dfd6ae2370b8a1b09e8798fc4b39a"),
    quiz_spec("01.q2", "d1be65fdf05b1a381d4124f68d778e93edc66f94145bb9ce20edc283463ffa00"),
    quiz_spec("01.q3", "a915426e01ecf1128c91b35de7b93e560d6d24af77178a6f01f80aef39f540f3"),
    quiz_spec("01.q4", "0040902dfe21c3090bb5591fd3d9f2d59ed6a2919674c1197eafe8156d30b275"),
    quiz_spec("01.q5", "e560c8389c50e927359713b2ed41d3ca419f84fc454983e3578eb63ce4db2419"),
    quiz_spec("01.q6", "bbf3a3a0cdd2013ba53eec2478b2f1529b9c4ea6d41c9e2f3f3498c9ba4103a7"),
    quiz_spec("01.q7", "55e7e7847833b3694132730e184fa409ed4b47797f0222adc9e32625ce4b6422"),
    quiz_spec("01.q8", "fee5aaeddc703d245db4b97df620c4abaa731bc4fafef08a175a4cd74ea83ccf"),
)
