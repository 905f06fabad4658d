"""项目二 店铺管理 — A&V 认证 (02.2.3), 管理公司信息 (02.3.1) and the knowledge checks 02.q1–02.q8, 02.q10, 02.q14,
02.q20–02.q23.

The sub-account (02.5.4) and shop decoration (02.4.1) checks live in ``p02_team.py``.
"""

from __future__ import annotations

import re
from typing import Any

from alisim_widgets.sim import rules

from ..compare import norm_text
from ..spec import FieldCheck, TaskSpec, register
from .quiz import quiz_spec

__all__ = ["AV_TASK", "COMPANY_TASK", "AV_POINTS", "COMPANY_POINTS"]

AV_POINTS = 10
COMPANY_POINTS = 10

# Task 02.2.3 (TASKS.md, L634-662), verbatim. The authorization method is not given: any of the four.
AV_TASK: dict[str, Any] = {
    "company_name_cn": "湖南典阅科技有限公司",
    "company_name_en": "HuNan DianYue Science and Technology Co., Ltd",
    "address_cn": "湖南省长沙市岳麓区谷园街道谷园路 200 号",
    "address_en": "No. 200, Guyuan Road, Guyuan Street, Yuelu District, Changsha City, Hunan Province",
    "license_no": "370000266736773",
    "premises": "自有产权",
    "premises_owner": "湖南典阅科技有限公司",  # "产权证明所有权人为公司名称" (L646)
    "registered_capital_cny": 1000000,
    "legal_rep_name": "张龙",
    "legal_rep_name_en": "Zhang long",
    "legal_rep_gender": "男",
    "legal_rep_id_no": "370202198512461234",
    "legal_rep_mobile": "13666301234",
    "landline": "086-0532-6356345",
    "legal_rep_email": "dianyuekeji@163.com",
    "position": "经理/manager",
    "department": "跨境部/Department of cross - border",
    "license_valid_from": "2022-03-05",
    "license_valid_to": "2032-03-05",
}

# Task 02.3.1 (also 实操 2.4 / 2.5; TASKS.md, L664-800), verbatim.
COMPANY_TASK: dict[str, Any] = {
    "company_name_cn": "湖南典阅科技有限公司",
    "company_name_en": "HuNan DianYue Science and Technology Co., Ltd",
    "address_cn": "湖南省长沙市岳麓区谷园街道谷园路 200 号",
    "address_en": "No. 200, Guyuan Road, Guyuan Street, Yuelu District, Changsha City, Hunan Province",
    "postcode": "410000",
    "main_category": "玩具与兴趣爱好",
    "main_products": ["building block", "Baby Toys", "doll", "educational toy", "Toy Car"],
    "other_products": "无",
    "year_established": "2022-03-05",
    "employees": 86,
    "website": "www.dianyue.com",
    "legal_rep_name": "张龙",
    "legal_rep_name_en": "Zhang long",
    "office_area_m2": 320,
    "core_advantages": (
        "We have a complete supply chain system, self-production of a variety of products, to provide customers "
        'with "one-stop" sales services; The company has established a fast response, fast action service system '
        "at home and abroad, can be the fastest, the most thoughtful, the most reliable service for customers, to "
        "help customers solve problems."
    ),
}


def _av(backend) -> dict[str, Any] | None:
    v = backend.state.verification
    if v is None or v.materials is None:
        return None
    out = v.materials.model_dump()
    out["license_valid_from"] = v.materials.license_valid_from.isoformat()
    out["license_valid_to"] = v.materials.license_valid_to.isoformat()
    out["auth_method"] = v.auth_method
    out["status"] = "已通过" if v.status == "passed" else ("审核中" if v.status == "review" else "未提交")
    return out


def _company(backend) -> dict[str, Any] | None:
    info = backend.state.company
    if info is None:
        return None
    out = info.model_dump()
    # "更多经营产品：无" is an answer too: an empty list must not read as "not filled in".
    out["other_products"] = "、".join(info.other_products) or "无"
    return out


def _any_auth_method(actual: Any, _expected: Any) -> bool:
    return actual in rules.AV_AUTH_METHODS


def _nothing(actual: Any, _expected: Any) -> bool:
    return norm_text(actual) in ("无", "none", "n/a", "")


def _year(actual: Any, expected: Any) -> bool:
    """The form may keep the year (2022) or the whole date (2022-03-05): both are right."""
    return str(actual).strip() in (expected, expected[:4])


def _website(actual: Any, expected: Any) -> bool:
    def bare(url: Any) -> str:
        return re.sub(r"^https?://", "", norm_text(url)).rstrip("/")

    return bare(actual) == bare(expected)


_T = AV_TASK
register(
    TaskSpec(
        "02.2.3",
        "A&V 认证",
        AV_POINTS,
        _av,
        (
            FieldCheck(
                "company_name_cn", "公司中文名", _T["company_name_cn"], "nospace", hint="与营业执照一致"
            ),
            FieldCheck("company_name_en", "公司英文名", _T["company_name_en"], "text"),
            FieldCheck("address_cn", "公司中文地址", _T["address_cn"], "nospace"),
            FieldCheck("address_en", "公司英文地址", _T["address_en"], "text"),
            FieldCheck("license_no", "营业执照号", _T["license_no"], "text", hint="核对认证资料里的执照号"),
            FieldCheck("premises", "公司场地性质", _T["premises"], "exact"),
            FieldCheck(
                "premises_owner",
                "产权证明所有权人",
                _T["premises_owner"],
                "nospace",
                hint="所有权人要写名称本身，看看任务资料说的是谁",
            ),
            FieldCheck(
                "registered_capital_cny", "注册资本", _T["registered_capital_cny"], "number", hint="单位是元"
            ),
            FieldCheck("legal_rep_name", "公司法人中文名", _T["legal_rep_name"], "nospace"),
            FieldCheck("legal_rep_name_en", "公司法人英文名", _T["legal_rep_name_en"], "text"),
            FieldCheck("legal_rep_gender", "公司法人性别", _T["legal_rep_gender"], "exact"),
            FieldCheck(
                "legal_rep_id_no",
                "公司法人身份证号",
                _T["legal_rep_id_no"],
                "text",
                hint="照任务资料逐位核对（身份证号是资料原样，不要自行“纠正”）",
            ),
            FieldCheck("legal_rep_mobile", "公司法人手机号码", _T["legal_rep_mobile"], "exact"),
            FieldCheck("landline", "公司座机", _T["landline"], "nospace"),
            FieldCheck("legal_rep_email", "公司法人邮箱", _T["legal_rep_email"], "text"),
            FieldCheck("position", "职位", _T["position"], "nospace"),
            FieldCheck("department", "部门", _T["department"], "nospace"),
            FieldCheck("license_valid_from", "营业执照有效期（起）", _T["license_valid_from"], "exact"),
            FieldCheck("license_valid_to", "营业执照有效期（止）", _T["license_valid_to"], "exact"),
            FieldCheck(
                "auth_method",
                "授权方式",
                "四种授权方式之一",
                _any_auth_method,
                hint="在“授权方式”这一步选择一种",
            ),
            FieldCheck(
                "status", "认证状态", "已通过", "exact", hint="提交资料后还要完成审核这一步（模拟审核通过）"
            ),
        ),  # fmt: skip
        missing="还没有提交 A&V 认证资料：请在 A&V 认证页面依次完成确认认证函、工商四要素、授权方式和提交资料",
    ),
)
_C = COMPANY_TASK
register(
    TaskSpec(
        "02.3.1",
        "管理公司信息",
        COMPANY_POINTS,
        _company,
        (
            FieldCheck("company_name_cn", "公司中文名", _C["company_name_cn"], "nospace"),
            FieldCheck("company_name_en", "公司英文名", _C["company_name_en"], "text"),
            FieldCheck("address_cn", "公司中文经营地址", _C["address_cn"], "nospace"),
            FieldCheck("address_en", "公司英文经营地址", _C["address_en"], "text"),
            FieldCheck("postcode", "邮编", _C["postcode"], "exact"),
            FieldCheck("main_category", "主营一级类目", _C["main_category"], "exact"),
            FieldCheck(
                "main_products",
                "主营业务",
                _C["main_products"],
                "set",
                hint="任务列出的主营产品要全部填上，每项一个",
            ),
            FieldCheck(
                "other_products",
                "更多经营产品",
                _C["other_products"],
                _nothing,
                hint="任务资料里这一项是什么？",
            ),
            FieldCheck("year_established", "公司注册年份", _C["year_established"], _year),
            FieldCheck("employees", "公司人数", _C["employees"], "number"),
            FieldCheck("website", "公司网址", _C["website"], _website),
            FieldCheck("legal_rep_name", "法人代表中文名", _C["legal_rep_name"], "nospace"),
            FieldCheck("legal_rep_name_en", "法人代表英文名", _C["legal_rep_name_en"], "text"),
            FieldCheck("office_area_m2", "办公面积", _C["office_area_m2"], "number", hint="单位是平方米"),
            FieldCheck(
                "core_advantages",
                "公司核心优势",
                _C["core_advantages"],
                "nospace",
                hint="对照任务资料逐句核对",
            ),
        ),  # fmt: skip
        missing="还没有提交公司信息：请在“管理公司信息”页面填写后点击“提交”",
    ),
    quiz_spec("02.q1", "8316f16f544b839fe97ba7c36e2fc4e343b487874f4a45def08ed71a472e0470"),
    quiz_spec("02.q2", "1df8b84995cd23ff9a8d2188fa0842f01d4c4b7fb18e4fa3cdfd80efbf064ef7"),
    quiz_spec("02.q3", "2f2b28fb2d7677c5c32505f73e32be8e6f289d34808be30ca54b378f03bf0100"),
    quiz_spec("02.q4", "acf60752246a673fd032f790de72e09d9bf4c909f8b4398527747f7597f33882"),
    quiz_spec("02.q5", "be120ed1b4167eb57d440044e52fb3b4c30ec9f9bbdf39a635cce213756aee29"),
    quiz_spec("02.q6", "c5781c984ce8314894596d4fd5b58f1cb471abb21e57fe17cae10ad58f35d0d6"),
    quiz_spec("02.q7", "fefcd4bcfe21f8db8aaacb9b08624b7f4dfc0df91b643944b809218a1f0266cc"),
    quiz_spec("02.q8", "fe69b0916713a04adb8a98c603034054b794966b7853d4f8e974b6b4cfeca73b"),
    quiz_spec("02.q14", "6d7d7fb8cddff98799110db7dfb447c69ef55bf4731e9c82b502c04951dabac8"),
    quiz_spec("02.q10", "e1adc6ab55b8b2732b8ab3798d756c2b9e91c35cbabe5eb30e86e593ac21af57"),
    quiz_spec("02.q20", "bee5bd5a0d5d90f5c58d009231e34e62be5529c59f4f3717f92ad702b660f454"),
    quiz_spec("02.q21", "176d9cdb26faeb3a89c6960c72b69946085c9503adfd81fdd85f43a46b125f77"),
    quiz_spec("02.q22", "701c6c29d8ca50614b86de523c1962dbcef2f4a34527ad0bc1d9a245382b5d05"),
    quiz_spec("02.q23", "4c45d2a2756488fd1c1d1beb0867ef6dafc7447d8612290c022c646aafa9b9f8"),
)
