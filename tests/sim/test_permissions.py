"""The permission matrix (L1295-1346), every cell, for every role; enforced by the simulator.

The expected table below is typed from the textbook, independently of ``sim/permissions.py``: a cell
changed there by mistake fails here. Where the simulator has the operation, it is also run: an allowed
one succeeds, a forbidden one raises PermissionDenied naming the function and leaves the file unchanged.
"""

from __future__ import annotations

import pytest

from alisim_widgets.sim.errors import PermissionDenied
from alisim_widgets.sim.permissions import LABELS, PERMISSIONS, allowed, require
from tests.hostile import file_bytes
from tests.media_files import image_bytes
from tests.p02_team_data import add_sub

Y, N = True, False
# (key, textbook label, 管理员, 业务经理, 业务员, 制作员) — L1297-1346, row by row.
TEXTBOOK = [
    ("product.publish", "发布产品", Y, Y, Y, Y),
    ("product.manage", "管理产品", Y, Y, Y, Y),
    ("product.group_sort", "产品分组与排序", Y, N, N, Y),
    ("product.showcase", "管理橱窗产品", Y, N, N, Y),
    ("product.certified", "管理认证产品", Y, N, N, N),
    ("product.image_bank", "管理图片银行", Y, Y, Y, Y),
    ("store.company_info", "管理公司信息", Y, N, N, N),
    ("store.trade_records", "贸易记录", Y, N, N, N),
    ("store.shop_decoration", "管理全球旺铺", Y, N, N, Y),
    ("store.domain", "域名管理", Y, N, N, N),
    ("store.av_verification", "A&V认证", Y, N, N, N),
    ("inquiry.assigned", "已分配待处理询盘", Y, Y, Y, Y),
    ("inquiry.unassigned", "待分配询盘", Y, Y, N, N),
    ("inquiry.search", "询盘搜索", Y, Y, Y, N),
    ("inquiry.rules", "设置询盘分配规则", Y, N, N, N),
    ("crm.assign", "分配客户", Y, Y, N, N),
    ("crm.search", "搜索客户", Y, Y, Y, Y),
    ("crm.groups", "客户分群", Y, Y, Y, Y),
    ("crm.campaigns", "营销活动", Y, N, N, N),
    ("crm.dedupe", "多店判重", Y, N, N, N),
    ("data.store", "店铺", Y, Y, Y, N),
    ("data.buyers", "买家", Y, Y, Y, N),
    ("data.advisor", "参谋", Y, Y, Y, N),
    ("data.marketing", "营销", Y, Y, Y, N),
    ("data.keywords", "字量", Y, Y, Y, N),
    ("data.smart", "智能", Y, Y, Y, N),
    ("account.avatar", "头像上传", Y, Y, Y, Y),
    ("account.profile", "管理个人信息", Y, Y, Y, Y),
    ("account.mail_subscriptions", "邮件订阅中心", Y, Y, Y, Y),
    ("account.change_email", "修改注册邮箱", Y, Y, Y, Y),
    ("account.change_password", "修改密码", Y, Y, Y, Y),
    ("account.security_question", "设置安全问题", Y, Y, Y, Y),
    ("account.security_phone", "管理安全手机", Y, Y, Y, Y),
    ("account.sync_replies", "同步网盘回复数据", Y, Y, Y, Y),
    ("account.sub_add", "添加子账号", Y, N, N, N),
    ("account.sub_manage", "管理子账号", Y, N, N, N),
    ("account.sub_login_summary", "子账号登陆摘要", Y, N, N, N),
]
# The five kinds of acting account: the role column used, and whether 数据管家 was granted (L1291).
ACTORS = {
    "管理员": (2, False),
    "业务经理": (3, False),
    "业务员": (4, False),
    "制作员": (5, False),
    "制作员+数据管家": (5, True),
}
CELLS = [(row[0], actor) for row in TEXTBOOK for actor in ACTORS]


def expected(key: str, actor: str) -> bool:
    row = next(r for r in TEXTBOOK if r[0] == key)
    column, granted = ACTORS[actor]
    return row[column] or (granted and key.startswith("data."))


def test_the_matrix_has_every_row_of_the_textbook_and_no_other():
    assert set(PERMISSIONS) == {r[0] for r in TEXTBOOK}
    assert len(TEXTBOOK) == 37
    for key, label, *_ in TEXTBOOK:
        assert LABELS[key] == label


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A 02 store with one account of each role: sub01 业务员, sub02 制作员, sub03 业务经理, sub04 制作员+grant."""
    import alisim_widgets as aw

    backend = aw.open_backend("02_store", path=tmp_path_factory.mktemp("perm"))
    add_sub(backend)  # sub03: Xu tiantian, 业务经理
    add_sub(backend, name="Li na", email="lina@dianyue.com", mobile="13900001111", role="制作员")
    backend.sub_accounts.grant_data("sub04", True)
    return backend.path.read_bytes()


ACTING_ID = {
    "管理员": "admin",
    "业务经理": "sub03",
    "业务员": "sub01",
    "制作员": "sub02",
    "制作员+数据管家": "sub04",
}


@pytest.fixture
def store(tmp_path, template):
    import alisim_widgets as aw

    (tmp_path / "alisim_state.json").write_bytes(template)
    return aw.open_backend("02_store", path=tmp_path)


def _act_as(backend, actor: str):
    if ACTING_ID[actor] != "admin":
        backend.switch_account(ACTING_ID[actor])
    return backend


@pytest.mark.parametrize("key, actor", CELLS, ids=[f"{k}-{a}" for k, a in CELLS])
def test_every_cell(store, key, actor):
    backend = _act_as(store, actor)
    want = expected(key, actor)
    assert allowed(backend, key) is want
    before = file_bytes(backend.path)
    if want:
        require(backend, key)
    else:
        with pytest.raises(PermissionDenied) as exc:
            require(backend, key)
        assert LABELS[key] in exc.value.message and exc.value.permission == key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in exc.value.message)
    assert file_bytes(backend.path) == before


# Operations of the simulator covered by the matrix, each done the way a screen does it.
def _sub_add(b):
    b.sub_accounts.request_code("add")


def _sub_manage(b):
    b.sub_accounts.freeze("sub01")


def _sub_login_summary(b):
    return b.sub_accounts.login_summary("sub01")


def _decorate(b):
    b.decoration.set_signboard(("shop.png", image_bytes(1200, 280)))


OPERATIONS = {
    "account.sub_add": _sub_add,
    "account.sub_manage": _sub_manage,
    "account.sub_login_summary": _sub_login_summary,
    "store.shop_decoration": _decorate,
}
OP_CELLS = [(k, a) for k in OPERATIONS for a in ACTORS]


@pytest.mark.parametrize("key, actor", OP_CELLS, ids=[f"{k}-{a}" for k, a in OP_CELLS])
def test_every_operation_of_the_matrix_obeys_it(store, key, actor):
    backend = _act_as(store, actor)
    before = file_bytes(backend.path)
    if expected(key, actor):
        OPERATIONS[key](backend)
    else:
        with pytest.raises(PermissionDenied) as exc:
            OPERATIONS[key](backend)
        assert LABELS[key] in exc.value.message
        assert actor.split("+")[0] in exc.value.message  # names the role too
        assert file_bytes(backend.path) == before


def test_a_deleted_acting_account_is_refused_everything(store):
    # another kernel deleted the account this notebook acts as: nothing is allowed until switching back
    store.switch_account("sub01")
    with store.transaction("test.remove") as work:
        work.sub_accounts = [s for s in work.sub_accounts if s.id != "sub01"]
    with pytest.raises(PermissionDenied, match="切换回管理员"):
        require(store, "account.profile")


# Operations of the other 02 areas: the permission is checked before anything else, so an allowed account
# gets past it (and may then meet an ordinary validation error), a forbidden one is stopped at once.
OTHER_OPERATIONS = {
    "store.company_info": lambda b: b.company.submit({}),
    "store.av_verification": lambda b: b.verification.confirm_letter(),
    "account.profile": lambda b: b.account_security.update_profile({}),
    "account.avatar": lambda b: b.account_security.upload_avatar(None),
    "account.change_email": lambda b: b.account_security.request_code("change_email", "?"),
    "account.change_password": lambda b: b.account_security.request_code("change_password", "?"),
    "account.security_phone": lambda b: b.account_security.request_code("security_phone", "?"),
    "account.security_question": lambda b: b.account_security.request_code("security_question", "?"),
    "product.image_bank": lambda b: b.media.delete_trueview("TV-NONE"),
}
OTHER_CELLS = [(k, a) for k in OTHER_OPERATIONS for a in ACTORS]


@pytest.mark.parametrize("key, actor", OTHER_CELLS, ids=[f"{k}-{a}" for k, a in OTHER_CELLS])
def test_the_other_areas_obey_the_matrix(store, key, actor):
    from alisim_widgets.sim.errors import SimError

    backend = _act_as(store, actor)
    before = file_bytes(backend.path)
    try:
        OTHER_OPERATIONS[key](backend)
    except PermissionDenied as exc:
        assert not expected(key, actor), f"{actor} was refused {key}: {exc.message}"
        assert LABELS[key] in exc.message
        assert file_bytes(backend.path) == before
    except SimError:
        assert expected(key, actor), f"{actor} got past the permission of {key}"
    else:
        assert expected(key, actor), f"{actor} was allowed {key}"
