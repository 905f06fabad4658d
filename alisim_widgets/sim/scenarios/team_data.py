"""The store's team before task 02.5.4: two sub-accounts and what they own (deterministic).

Wang fang (业务员) owns inquiries, contacts, customers and an RFQ, so that deleting her account shows
them moving to the admin. Chen jing (制作员) decorates the shop. One of Wang fang's logins comes from
abroad: the login summary is where an admin spots it (L1368).
"""

from __future__ import annotations

import datetime as dt

from .. import rules
from ..ownership_models import Contact, Customer, Inquiry, RfqRecord
from ..security import hash_password
from ..state import StoreState
from ..sub_accounts import login_ip
from ..sub_accounts_models import LoginRecord, SubAccount

__all__ = ["TEAM", "seed_team", "XU_TIANTIAN", "add_xu_tiantian", "SEEDED_IDS"]

# (id, role, name, gender, email, password, department, job title, days since creation)
TEAM = (
    ("sub01", rules.ROLE_SALES, "Wang fang", "女", "wangfang.dianyue@163.com", "wangfang2022",
     "销售部/Sales", "Sales Representative", 9),
    ("sub02", rules.ROLE_MAKER, "Chen jing", "男", "chenjing.dianyue@163.com", "chenjing2022",
     "设计部/Design", "Designer", 8),
)  # fmt: skip
SEEDED_IDS = tuple(t[0] for t in TEAM)

# Task 02.5.4's data (TASKS.md), used by the demo store where the task is done already.
XU_TIANTIAN = {
    "name": "Xu tiantian",
    "gender": "女",
    "email": "15826947@qq.com",
    "phone": "86-0731-14785529963",
    "mobile": "14785529963",
    "contact_address": "No. 038, Yuelu Avenue, Yuelu District, Changsha City, Hunan Province",
    "street_address": "No. 038, Yuelu Avenue",
    "city": "Changsha",
    "postcode": "410000",
    "department": "销售部/Sales",
    "job_title": "Manager",
}
_XU_PASSWORD = "dianyue.xu"


def _logins(account_id: str, today: dt.date, days: int, abroad_on: int | None = None) -> list[LoginRecord]:
    out = []
    for n in range(days):
        day = today - dt.timedelta(days=days - n)
        at = dt.datetime.combine(day, dt.time(8 + n % 3, 10 + (7 * n) % 45))
        if abroad_on is not None and n == abroad_on:
            out.append(LoginRecord(at=at.replace(hour=2), ip="171.244.37.19", country="越南"))
        else:
            out.append(LoginRecord(at=at, ip=login_ip(account_id, n), country="中国"))
    return out


def seed_team(state: StoreState) -> StoreState:
    """Add the two sub-accounts and their work to ``state`` (the 02_store scenario)."""
    today = state.today
    for sid, role, name, gender, email, password, dept, title, age in TEAM:
        state.sub_accounts.append(
            SubAccount(
                id=sid, role=role, name=name, gender=gender, email=email,
                password_hash=hash_password(password, salt=f"alisim-{sid}".encode()),
                phone="86-0731-88886666", mobile=f"1390731{int(sid[3:]):04d}",
                contact_address="No. 200, Guyuan Road, Yuelu District, Changsha City, Hunan Province",
                street_address="No. 200, Guyuan Road", city="Changsha", postcode="410000",
                department=dept, job_title=title, created_on=today - dt.timedelta(days=age),
                logins=_logins(sid, today, min(age, 6), abroad_on=4 if sid == "sub01" else None),
            )
        )  # fmt: skip

    def d(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    state.inquiries += [
        Inquiry(id="INQ-0301", subject="Wooden building blocks for kindergarten", buyer="Lucas Martin",
                received_on=d(days=6), owner="sub01"),
        Inquiry(id="INQ-0302", subject="Baby rattle toys, 2000 pcs", buyer="Sofia Rossi", received_on=d(days=4),
                owner="sub01"),
        Inquiry(id="INQ-0303", subject="Plush toys catalogue request", buyer="Omar Haddad", received_on=d(days=2),
                owner="admin"),
    ]  # fmt: skip
    state.contacts += [
        Contact(
            id="CT-01", name="Lucas Martin", company="Martin Jouets SARL", country="France", owner="sub01"
        ),
        Contact(id="CT-02", name="Omar Haddad", company="Haddad Trading LLC", country="UAE", owner="admin"),
    ]
    state.customers += [
        Customer(id="CU-01", name="Sofia Rossi", country="Italy", owner="sub01"),
        Customer(id="CU-02", name="Lucas Martin", country="France", owner="sub01"),
    ]
    state.rfqs += [
        RfqRecord(id="RFQ-0310", title="Educational toy car", quantity="500 Pieces", owner="sub01")
    ]
    return state


def add_xu_tiantian(state: StoreState) -> StoreState:
    """Task 02.5.4 done (for later scenarios and the demo): Xu tiantian is the 业务经理 sub03."""
    state.sub_accounts.append(
        SubAccount(
            id="sub03",
            role=rules.ROLE_MANAGER,
            password_hash=hash_password(_XU_PASSWORD, salt=b"alisim-sub03"),
            created_on=dt.date(2022, 3, 20),
            logins=_logins("sub03", state.today, 5),
            **XU_TIANTIAN,
        )
    )
    return state
