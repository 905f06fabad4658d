"""Project 02 (A&V, company info, account security) test data: the textbook's, verbatim, and helpers.

Images are made with Pillow at test time; ``padded`` makes a real image file of an exact byte size
(decoders ignore bytes after the image's end marker), so limits are tested on both sides.
"""

from __future__ import annotations

import io

from PIL import Image

from alisim_widgets.sim import rules
from alisim_widgets.sim.security import hash_password
from alisim_widgets.sim.sub_accounts_models import SubAccount

# Task 02.2.3 (TASKS.md, L634-662), verbatim.
AV = {
    "company_name_cn": "湖南典阅科技有限公司",
    "company_name_en": "HuNan DianYue Science and Technology Co., Ltd",
    "address_cn": "湖南省长沙市岳麓区谷园街道谷园路 200 号",
    "address_en": "No. 200, Guyuan Road, Guyuan Street, Yuelu District, Changsha City, Hunan Province",
    "license_no": "370000266736773",
    "premises": "自有产权",
    "premises_owner": "湖南典阅科技有限公司",  # "产权证明所有权人为公司名称"
    "registered_capital_cny": "1000000",
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
ELEMENTS = {
    "company_name_cn": AV["company_name_cn"],
    "license_type": "营业执照",
    "legal_rep_name": AV["legal_rep_name"],
    "legal_rep_id_no": AV["legal_rep_id_no"],
}
MATERIALS = dict(AV)

# Task 02.3.1 (TASKS.md, L664-800), verbatim.
CORE_ADVANTAGES = (
    "We have a complete supply chain system, self-production of a variety of products, to provide customers with "
    '"one-stop" sales services; The company has established a fast response, fast action service system at home '
    "and abroad, can be the fastest, the most thoughtful, the most reliable service for customers, to help "
    "customers solve problems."
)
COMPANY = {
    "company_name_cn": "湖南典阅科技有限公司",
    "company_name_en": "HuNan DianYue Science and Technology Co., Ltd",
    "address_cn": "湖南省长沙市岳麓区谷园街道谷园路 200 号",
    "address_en": "No. 200, Guyuan Road, Guyuan Street, Yuelu District, Changsha City, Hunan Province",
    "postcode": "410000",
    "main_category": "玩具与兴趣爱好",
    "main_products": ["building block", "Baby Toys", "doll", "educational toy", "Toy Car"],
    "other_products": "无",
    "year_established": "2022-03-05",
    "employees": "86",
    "website": "www.dianyue.com",
    "legal_rep_name": "张龙",
    "legal_rep_name_en": "Zhang long",
    "office_area_m2": "320",
    "core_advantages": CORE_ADVANTAGES,
}


def image_bytes(fmt: str = "JPEG", size: tuple[int, int] = (300, 300), color: str = "orange") -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, fmt)
    return buf.getvalue()


def padded(data: bytes, total: int) -> bytes:
    """The same image, grown to exactly ``total`` bytes."""
    assert total >= len(data)
    return data + b"\0" * (total - len(data))


def jpg(name: str = "photo.jpg", size: tuple[int, int] = (300, 300), total: int | None = None):
    data = image_bytes("JPEG", size)
    return name, padded(data, total) if total else data


def png(name: str = "logo.png", size: tuple[int, int] = (100, 100), total: int | None = None):
    data = image_bytes("PNG", size)
    return name, padded(data, total) if total else data


def act_as(backend, role: str) -> str:
    """Switch the acting account to one of ``role`` (creating a sub-account directly if none exists)."""
    if role == rules.ROLE_ADMIN:
        backend.sub_accounts.switch("admin")
        return "admin"
    sub = next((s for s in backend.state.sub_accounts if s.role == role and not s.frozen), None)
    if sub is None:
        with backend.transaction("test.add_sub_account") as work:
            n = len(work.sub_accounts) + 50
            work.sub_accounts.append(
                SubAccount(
                    id=f"sub{n:02d}", role=role, name="Test User", gender="女", email=f"test{n}@example.com",
                    password_hash=hash_password("test12345"), mobile="13900000000", created_on=work.today,
                )
            )  # fmt: skip
        sub = work.sub_accounts[-1]
    backend.sub_accounts.switch(sub.id)
    return sub.id


SUB_ROLES = (rules.ROLE_MANAGER, rules.ROLE_SALES, rules.ROLE_MAKER)
