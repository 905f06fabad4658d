"""项目二 店铺管理 — 子账号 (02.5.4), 全球旺铺装修 (02.4.1) and the knowledge checks 02.q9, 02.q11–02.q13.

Kept apart from ``p02_store.py`` (A&V, company info) so the two parts of project 02 can change
independently; both register into the same ``SPECS``.
"""

from __future__ import annotations

from typing import Any

from alisim_widgets.sim.scenarios.team_data import SEEDED_IDS
from alisim_widgets.sim.security import verify_password

from ..compare import norm_text
from ..spec import FieldCheck, TaskSpec, register
from .quiz import quiz_spec

__all__ = ["SUB_ACCOUNT_TASK", "DECORATION_TASK"]

# Task 02.5.4 (TASKS.md, L1380-1404), verbatim.
SUB_ACCOUNT_TASK = {
    "name": "Xu tiantian",
    "gender": "女",
    "email": "15826947@qq.com",
    "password": "dianyue.xu",
    "phone": "86-0731-14785529963",
    "mobile": "14785529963",
    "contact_address": "No. 038, Yuelu Avenue, Yuelu District, Changsha City, Hunan Province",
    "street_address": "No. 038, Yuelu Avenue",
    "city": "Changsha",
    "postcode": "410000",
    "department": "销售部/Sales",
    "job_title": "Manager",
    "role": "业务经理",
}

# Task 02.4.1 (our design, stated in the notebook): what a complete home page holds.
DECORATION_TASK = {
    "signboard": "1200×280",
    "show_company_name": True,
    "carousel_count": 3,
    "carousel_height": 350,
    "carousel_rotation": "每五秒切换",  # worded as L1155 prints it
    "banner_height": 550,
    "tiled_count": 2,  # 产品平铺: the store's two listed products (L1167, chosen by hand)
    "service_agent": ("Xu tiantian", "售前咨询"),
    "custom_title": "Why Choose Us",
    "video": True,
}


def _sub_account(backend) -> dict[str, Any] | None:
    """The account the student added for Xu tiantian: by email, else by name, else the newest added."""
    subs = list(backend.state.sub_accounts)
    added = [s for s in subs if s.id not in SEEDED_IDS]
    want_email, want_name = SUB_ACCOUNT_TASK["email"].lower(), norm_text(SUB_ACCOUNT_TASK["name"])
    pick = next((s for s in subs if s.email.lower() == want_email), None)
    pick = pick or next((s for s in added if norm_text(s.name) == want_name), None)
    pick = pick or (added[-1] if added else None)
    if pick is None:
        return None
    return {**pick.model_dump(), "password": pick.password_hash}


def _password_matches(stored_hash: Any, expected: str) -> bool:
    return isinstance(stored_hash, str) and verify_password(expected, stored_hash)


def _decoration(backend) -> dict[str, Any] | None:
    deco = backend.state.decoration
    if deco is None:
        return None
    sb, car, full, svc, video = deco.signboard, deco.carousel, deco.full_banner, deco.service, deco.video
    return {
        "signboard": (f"{sb.image.width}×{sb.image.height}" if sb.image else "默认招牌") if sb else None,
        "show_company_name": sb.show_company_name if sb else None,
        "carousel_count": len(car.images) if car else None,
        "carousel_height": car.height if car else None,
        "carousel_rotation": car.rotation if car else None,
        "banner_height": full.height if full and full.images else None,
        "tiled_count": len(deco.tiled.product_ids) if deco.tiled else None,
        "service_agent": [(a.name, a.kind, a.avatar.width, a.avatar.height) for a in svc.agents]
        if svc
        else None,
        "custom_title": [a.title for a in deco.custom_areas],
        "video": video is not None or None,
    }


def _at_least(actual: Any, expected: int) -> bool:
    return isinstance(actual, int) and actual >= expected


def _agent_ok(actual: Any, expected: tuple[str, str]) -> bool:
    name, kind = expected
    return any(norm_text(a[0]) == norm_text(name) and a[1] == kind and a[2:] == (100, 100) for a in actual)


def _has_title(actual: Any, expected: str) -> bool:
    return any(norm_text(t) == norm_text(expected) for t in actual)


_T = SUB_ACCOUNT_TASK
_D = DECORATION_TASK
register(
    TaskSpec(
        "02.5.4",
        "设置子账号",
        10,
        _sub_account,
        (
            FieldCheck("name", "姓名", _T["name"], "text", hint="按任务资料填写英文姓名"),
            FieldCheck("gender", "性别", _T["gender"], "exact"),
            FieldCheck("email", "邮箱", _T["email"], "text", hint="子账号的登录邮箱"),
            FieldCheck("password", "密码", _T["password"], _password_matches, hint="按任务说明设置密码"),
            FieldCheck("phone", "电话", _T["phone"], "nospace", hint="格式：国家代码-区号-号码"),
            FieldCheck("mobile", "手机号码", _T["mobile"], "exact"),
            FieldCheck("contact_address", "联系地址", _T["contact_address"], "text"),
            FieldCheck("street_address", "街道地址", _T["street_address"], "text"),
            FieldCheck("city", "城市", _T["city"], "text"),
            FieldCheck("postcode", "邮编", _T["postcode"], "exact"),
            FieldCheck("department", "部门", _T["department"], "nospace"),
            FieldCheck("job_title", "职位", _T["job_title"], "text"),
            FieldCheck(
                "role",
                "账号类型",
                _T["role"],
                "exact",
                weight=2,
                hint="徐甜甜在公司的岗位对应哪种子账号类型？",
            ),
        ),
        missing="还没有为徐甜甜添加子账号：先获取邮箱验证码，再填写资料并点击“添加”",
    ),
    TaskSpec(
        "02.4.1",
        "全球旺铺装修",
        10,
        _decoration,
        (
            FieldCheck(
                "signboard",
                "店招图片",
                _D["signboard"],
                "exact",
                weight=2,
                hint="上传自己的店招图片，尺寸用建议尺寸",
            ),
            FieldCheck("show_company_name", "店招显示公司名称", _D["show_company_name"], "exact"),
            FieldCheck(
                "carousel_count",
                "轮播 banner 图片数量",
                _D["carousel_count"],
                _at_least,
                hint="看任务要求的张数",
            ),
            FieldCheck("carousel_height", "轮播 banner 高度", _D["carousel_height"], "exact"),
            FieldCheck("carousel_rotation", "轮播时间", _D["carousel_rotation"], "exact"),
            FieldCheck("banner_height", "通栏 banner", _D["banner_height"], "exact", hint="看任务要求的高度"),
            FieldCheck(
                "tiled_count", "产品平铺", _D["tiled_count"], _at_least, hint="把店铺里已发布的产品都选上"
            ),
            FieldCheck(
                "service_agent",
                "客服模块",
                _D["service_agent"],
                _agent_ok,
                hint="客服名、客服类型和头像尺寸都要符合任务要求",
            ),
            FieldCheck(
                "custom_title", "自定义内容区", _D["custom_title"], _has_title, hint="标题按任务要求填写"
            ),
            FieldCheck("video", "旺铺视频", _D["video"], "exact"),
        ),  # fmt: skip
        missing="还没有装修旺铺：在“全球旺铺装修”页面的各个板块上传图片并保存",
    ),
    quiz_spec("02.q11", "165fb8c1974e465ef4597d1480438886c1fe526ab7864bb772eda26c0cd984e7"),
    quiz_spec("02.q9", "a0580fb2e25e596ef5c31a09d9225794095ca400e4b2978d70b8564d9b4f8fbd"),
    quiz_spec("02.q12", "4d7c9f2dcd822d1ee994ccb7648083d241a13433354dc21b3e69af65574e3c5d"),
    quiz_spec("02.q13", "01c8aa70a4a71ba9eaafd7e6847d804652220caf4c86e3ac48a6520d7dfe2e9c"),
)
