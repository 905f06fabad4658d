"""Task 02.5.4's data (TASKS.md, textbook L1380-1404), verbatim, and helpers for the 02 team tests."""

from __future__ import annotations

XU_TIANTIAN = {
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
ADMIN_EMAIL = "dianyuekeji@163.com"


def add_sub(backend, **overrides) -> str:
    """Add a sub-account through the simulator (admin acting); returns its id."""
    code = backend.sub_accounts.request_code("add")
    values = {**XU_TIANTIAN, **overrides, "verification_code": code}
    backend.sub_accounts.add(values)
    return backend.state.sub_accounts[-1].id


def person(n: int, role: str = "业务员") -> dict:
    """A different valid person for limit tests."""
    return {
        "name": f"Staff {chr(64 + n)}",
        "email": f"staff{n}@dianyue.com",
        "mobile": f"1390000{n:04d}",
        "role": role,
    }
