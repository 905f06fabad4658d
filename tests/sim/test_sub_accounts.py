"""子账号 (02.5.4): verification, the tier limit, role changes, freeze/delete, asset transfer, switching."""

from __future__ import annotations

import itertools
import json

import pytest

from alisim_widgets.sim import rules
from alisim_widgets.sim.errors import PermissionDenied, SimError, ValidationFailed
from alisim_widgets.sim.scenarios.storyline import storyline_products
from alisim_widgets.sim.security import verify_password
from tests.hostile import file_bytes
from tests.p02_team_data import ADMIN_EMAIL, XU_TIANTIAN, add_sub, person

ROLES = rules.SUB_ACCOUNT_ROLES
M, S, P = rules.ROLE_MANAGER, rules.ROLE_SALES, rules.ROLE_MAKER


@pytest.fixture
def backend(make_backend):
    return make_backend("02_store")


def _set_tier(backend, tier: str) -> None:
    with backend.transaction("test.tier") as work:
        work.account.tier = tier


def test_the_scenario_starts_with_two_sub_accounts_and_their_work(backend):
    subs = backend.state.sub_accounts
    assert [(s.id, s.role) for s in subs] == [("sub01", S), ("sub02", P)]
    # The store's products (3168, 3170 for the decoration's tiles) are the admin's, none of sub01's.
    assert backend.sub_accounts.owned("sub01") == {
        "inquiries": 2, "contacts": 1, "customers": 2, "rfqs": 1, "products": 0,
    }  # fmt: skip


def test_textbook_data_is_accepted_verbatim_and_the_password_is_hashed(backend):
    new_id = add_sub(backend)
    sub = backend.state.sub_accounts[-1]
    assert new_id == "sub03"
    for key, value in XU_TIANTIAN.items():
        if key != "password":
            assert getattr(sub, key) == value, key
    assert verify_password("dianyue.xu", sub.password_hash)
    raw = backend.path.read_text(encoding="utf-8")
    assert "dianyue.xu" not in raw.replace("dianyue.xu@", "")  # only the hash is saved
    assert sub.frozen is False and sub.data_access is False and sub.created_on == backend.today()


def test_the_code_goes_to_the_admins_security_email(backend):
    code = backend.sub_accounts.request_code("add")
    msg = backend.inbox.latest()
    assert msg.channel == "email" and msg.to == ADMIN_EMAIL and msg.code == code and len(code) == 6


@pytest.mark.parametrize("code", [None, "", "12345", "abcdef", "1234567"])
def test_adding_needs_a_well_formed_code(backend, code):
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as exc:
        backend.sub_accounts.add({**XU_TIANTIAN, "verification_code": code})
    assert "verification_code" in exc.value.by_field()
    assert file_bytes(backend.path) == before


def test_adding_without_requesting_a_code_is_refused(backend):
    with pytest.raises(ValidationFailed) as exc:
        backend.sub_accounts.add({**XU_TIANTIAN, "verification_code": "123456"})
    assert "获取验证码" in exc.value.by_field()["verification_code"]
    assert backend.state.sub_accounts[-1].id == "sub02"


def test_a_wrong_code_is_refused_and_a_code_works_only_once(backend):
    code = backend.sub_accounts.request_code("add")
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    with pytest.raises(ValidationFailed) as exc:
        backend.sub_accounts.add({**XU_TIANTIAN, "verification_code": wrong})
    assert "不正确" in exc.value.by_field()["verification_code"]
    backend.sub_accounts.add({**XU_TIANTIAN, "verification_code": code})
    with pytest.raises(ValidationFailed) as exc:
        backend.sub_accounts.add({**XU_TIANTIAN, **person(1), "verification_code": code})
    assert "verification_code" in exc.value.by_field()


@pytest.mark.parametrize(
    "tier, limit", [(rules.TIER_FREE, 5), (rules.TIER_GOLD, 5), (rules.TIER_VERIFIED, 10)]
)
def test_the_limit_follows_the_membership_tier(backend, tier, limit):
    _set_tier(backend, tier)
    assert backend.sub_accounts.limit == limit
    for n in range(1, limit - 2 + 1):  # the scenario already has two
        add_sub(backend, **person(n))
    assert len(backend.state.sub_accounts) == limit
    backend.sub_accounts.request_code("add")
    before = file_bytes(backend.path)
    with pytest.raises(SimError) as exc:
        backend.sub_accounts.add({**XU_TIANTIAN, "verification_code": backend.inbox.last_code()})
    assert f"最多可以添加 {limit} 个子账号" in exc.value.message
    assert file_bytes(backend.path) == before


def test_the_email_must_not_be_taken(backend):
    for email in (ADMIN_EMAIL, "wangfang.dianyue@163.com", "DIANYUE@163.com"):
        with pytest.raises(ValidationFailed) as exc:
            backend.sub_accounts.add({**XU_TIANTIAN, "email": email, "verification_code": "000000"})
        assert "已被" in exc.value.by_field()["email"]


ALLOWED_CHANGES = {(P, S), (P, M), (S, M), (M, S)}


@pytest.mark.parametrize("old, new", list(itertools.product(ROLES, [*ROLES, rules.ROLE_ADMIN])))
def test_every_role_change_rule(backend, old, new):
    sid = add_sub(backend, role=old)
    before = file_bytes(backend.path)
    if (old, new) in ALLOWED_CHANGES:
        backend.sub_accounts.change_role(sid, new)
        assert backend.sub_accounts.get(sid).role == new
    else:
        with pytest.raises(ValidationFailed) as exc:
            backend.sub_accounts.change_role(sid, new)
        assert "role" in exc.value.by_field()
        assert file_bytes(backend.path) == before
        assert backend.sub_accounts.get(sid).role == old


def test_the_admin_never_becomes_a_sub_account(backend):
    for role in ROLES:
        with pytest.raises(SimError, match="主账号"):
            backend.sub_accounts.change_role("admin", role)


def test_a_maker_loses_the_data_grant_when_promoted(backend):
    backend.sub_accounts.grant_data("sub02", True)
    assert backend.sub_accounts.get("sub02").data_access is True
    backend.sub_accounts.change_role("sub02", S)
    assert backend.sub_accounts.get("sub02").data_access is False


def test_only_a_maker_needs_the_data_grant(backend):
    with pytest.raises(SimError, match="只有制作员"):
        backend.sub_accounts.grant_data("sub01", True)
    backend.sub_accounts.grant_data("sub02", True)
    with pytest.raises(SimError, match="已经有"):
        backend.sub_accounts.grant_data("sub02", True)
    backend.sub_accounts.grant_data("sub02", False)
    assert backend.sub_accounts.get("sub02").data_access is False


def test_freeze_and_unfreeze(backend):
    backend.sub_accounts.freeze("sub01")
    assert backend.sub_accounts.get("sub01").frozen
    with pytest.raises(SimError, match="已经是冻结状态"):
        backend.sub_accounts.freeze("sub01")
    with pytest.raises(SimError, match="冻结"):
        backend.switch_account("sub01")  # a frozen account cannot log in
    backend.sub_accounts.unfreeze("sub01")
    with pytest.raises(SimError, match="没有被冻结"):
        backend.sub_accounts.unfreeze("sub01")
    with pytest.raises(SimError, match="主账号"):
        backend.sub_accounts.freeze("admin")


def test_a_frozen_account_cannot_be_deleted_until_unfrozen(backend):
    backend.sub_accounts.freeze("sub01")
    code = backend.sub_accounts.request_code("delete")
    before = file_bytes(backend.path)
    with pytest.raises(SimError, match="先解冻"):
        backend.sub_accounts.delete("sub01", code)
    assert file_bytes(backend.path) == before
    backend.sub_accounts.unfreeze("sub01")
    backend.sub_accounts.delete("sub01", code)
    assert [s.id for s in backend.state.sub_accounts] == ["sub02"]


def test_deleting_needs_the_email_code(backend):
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed):
        backend.sub_accounts.delete("sub01", "123456")
    assert file_bytes(backend.path) == before
    code = backend.sub_accounts.request_code("delete")
    with pytest.raises(ValidationFailed):
        backend.sub_accounts.delete("sub01", f"{(int(code) + 1) % 10**6:06d}")
    assert len(backend.state.sub_accounts) == 2


def test_a_deleted_accounts_assets_move_to_the_admin(backend):
    # give Wang fang a product too (products arrive in project 03; the transfer covers them as well)
    product = storyline_products()[0].model_copy(update={"owner": "sub01"})
    with backend.transaction("test.product") as work:
        work.products.append(product)
    owned = {"inquiries": 2, "contacts": 1, "customers": 2, "rfqs": 1, "products": 1}
    assert backend.sub_accounts.owned("sub01") == owned
    admin_before = backend.sub_accounts.owned("admin")
    messages = backend.sub_accounts.delete("sub01", backend.sub_accounts.request_code("delete"))
    assert "归入主账号" in messages[0]
    assert all(n == 0 for n in backend.sub_accounts.owned("sub01").values())
    after = backend.sub_accounts.owned("admin")
    for key, n in owned.items():
        assert after[key] == admin_before.get(key, 0) + n, key
    assert {i.id for i in backend.state.inquiries if i.owner == "admin"} >= {"INQ-0301", "INQ-0302"}


def test_ids_are_never_reused(backend):
    sid = add_sub(backend)
    backend.sub_accounts.delete(sid, backend.sub_accounts.request_code("delete"))
    assert add_sub(backend) == "sub04"


def test_login_summary_lists_time_ip_and_country_newest_first(backend):
    records = backend.sub_accounts.login_summary("sub01")
    assert [r.at for r in records] == sorted((r.at for r in records), reverse=True)
    assert any(r.country == "越南" for r in records)  # the login an admin should look into
    assert all(r.ip.count(".") == 3 for r in records)


def test_switching_records_a_login_and_changes_the_acting_account(backend):
    backend.switch_account("sub01")
    assert backend.state.acting_as == "sub01"
    last = backend.state.sub_accounts[0].logins[-1]
    assert last.at == backend.now() - __import__("datetime").timedelta(minutes=1)
    assert last.country == "中国"
    backend.switch_account("admin")
    assert backend.state.acting_as == "admin"
    backend.switch_account("chenjing.dianyue@163.com")  # by login email too
    assert backend.state.acting_as == "sub02"


def test_the_acting_account_is_saved(backend, make_backend):
    backend.switch_account("sub02")
    again = make_backend("02_store")
    assert again.state.acting_as == "sub02"
    assert json.loads(backend.path.read_text(encoding="utf-8"))["acting_as"] == "sub02"


def test_a_sub_account_cannot_manage_sub_accounts(backend):
    backend.switch_account("sub01")
    before = file_bytes(backend.path)
    for action in (
        lambda: backend.sub_accounts.request_code("add"),
        lambda: backend.sub_accounts.list(),
        lambda: backend.sub_accounts.freeze("sub02"),
        lambda: backend.sub_accounts.login_summary("sub02"),
    ):
        with pytest.raises(PermissionDenied):
            action()
    assert file_bytes(backend.path) == before


def test_unknown_accounts_and_fields_are_refused(backend):
    with pytest.raises(SimError, match="没有这个子账号"):
        backend.sub_accounts.get("sub99")
    with pytest.raises(SimError, match="没有这些字段"):
        backend.sub_accounts.add({**XU_TIANTIAN, "is_admin": True})


@pytest.mark.parametrize(
    "key, bad",
    [
        ("name", "Xu<b>"), ("gender", "其他"), ("email", "not-an-email"), ("password", "12345"),
        ("password", " dianyue.xu"), ("phone", "0731 1478"), ("mobile", "1478552996"), ("mobile", "04785529963"),
        ("city", "Changsha1"), ("postcode", "4@0000"), ("role", "管理员"), ("department", "x" * 51),
        ("job_title", "Manager😀"), ("contact_address", "<script>alert(1)</script>"),
    ],
)  # fmt: skip
def test_each_field_rule_names_the_field(backend, key, bad):
    code = backend.sub_accounts.request_code("add")
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as exc:
        backend.sub_accounts.add({**XU_TIANTIAN, key: bad, "verification_code": code})
    errors = exc.value.by_field()
    assert key in errors and any("\u4e00" <= ch <= "\u9fff" for ch in errors[key])
    assert file_bytes(backend.path) == before
