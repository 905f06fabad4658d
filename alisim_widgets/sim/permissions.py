"""The sub-account permission matrix (L1295-1346), enforced by the simulator for every operation.

``require(backend, "product.publish")`` raises :class:`PermissionDenied` unless the acting account's
role may do it. The admin may do everything. 数据管家 for a 制作员 needs the admin's grant (L1291).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import PermissionDenied
from .rules import ROLE_ADMIN, ROLE_MAKER, ROLE_MANAGER, ROLE_SALES

if TYPE_CHECKING:
    from .backend import Backend

__all__ = ["PERMISSIONS", "LABELS", "allowed", "require", "role_of"]

A, M, S, P = ROLE_ADMIN, ROLE_MANAGER, ROLE_SALES, ROLE_MAKER
_ALL = (A, M, S, P)

# permission key → (Chinese label as in the textbook's table, roles allowed)
_MATRIX: dict[str, tuple[str, tuple[str, ...]]] = {
    # 产品管理 (L1298-1303)
    "product.publish": ("发布产品", _ALL),
    "product.manage": ("管理产品", _ALL),
    "product.group_sort": ("产品分组与排序", (A, P)),
    "product.showcase": ("管理橱窗产品", (A, P)),
    "product.certified": ("管理认证产品", (A,)),
    "product.image_bank": ("管理图片银行", _ALL),
    # 店铺管理 (L1304-1308)
    "store.company_info": ("管理公司信息", (A,)),
    "store.trade_records": ("贸易记录", (A,)),
    "store.shop_decoration": ("管理全球旺铺", (A, P)),
    "store.domain": ("域名管理", (A,)),
    "store.av_verification": ("A&V认证", (A,)),
    # 询盘 (L1315-1318)
    "inquiry.assigned": ("已分配待处理询盘", _ALL),
    "inquiry.unassigned": ("待分配询盘", (A, M)),
    "inquiry.search": ("询盘搜索", (A, M, S)),
    "inquiry.rules": ("设置询盘分配规则", (A,)),
    # 客户通 (L1319-1323)
    "crm.assign": ("分配客户", (A, M)),
    "crm.search": ("搜索客户", _ALL),
    "crm.groups": ("客户分群", _ALL),
    "crm.campaigns": ("营销活动", (A,)),
    "crm.dedupe": ("多店判重", (A,)),
    # 数据管家 (L1324-1329); a 制作员 only with the admin's grant
    "data.store": ("店铺", (A, M, S)),
    "data.buyers": ("买家", (A, M, S)),
    "data.advisor": ("参谋", (A, M, S)),
    "data.marketing": ("营销", (A, M, S)),
    "data.keywords": ("字量", (A, M, S)),
    "data.smart": ("智能", (A, M, S)),
    # 账户中心 (L1336-1346)
    "account.avatar": ("头像上传", _ALL),
    "account.profile": ("管理个人信息", _ALL),
    "account.mail_subscriptions": ("邮件订阅中心", _ALL),
    "account.change_email": ("修改注册邮箱", _ALL),
    "account.change_password": ("修改密码", _ALL),
    "account.security_question": ("设置安全问题", _ALL),
    "account.security_phone": ("管理安全手机", _ALL),
    "account.sync_replies": ("同步网盘回复数据", _ALL),
    "account.sub_add": ("添加子账号", (A,)),
    "account.sub_manage": ("管理子账号", (A,)),
    "account.sub_login_summary": ("子账号登陆摘要", (A,)),
}
PERMISSIONS: dict[str, tuple[str, ...]] = {k: roles for k, (_label, roles) in _MATRIX.items()}
LABELS: dict[str, str] = {k: label for k, (label, _roles) in _MATRIX.items()}
DATA_PERMISSIONS = tuple(k for k in PERMISSIONS if k.startswith("data."))


def role_of(backend: Backend) -> str:
    """The role of the acting account: the admin, or a sub-account's role."""
    acting = backend.state.acting_as
    if acting == "admin":
        return ROLE_ADMIN
    for sub in getattr(backend.state, "sub_accounts", []) or []:
        if getattr(sub, "id", None) == acting:
            return sub.role
    raise PermissionDenied(f"当前登录的账号（{acting}）不存在或已被删除，请切换回管理员账号")


def _data_granted(backend: Backend) -> bool:
    acting = backend.state.acting_as
    for sub in getattr(backend.state, "sub_accounts", []) or []:
        if getattr(sub, "id", None) == acting:
            return bool(getattr(sub, "data_access", False))
    return False


def allowed(backend: Backend, permission: str) -> bool:
    if permission not in PERMISSIONS:
        raise KeyError(f"未知的权限：{permission}")
    role = role_of(backend)
    if role in PERMISSIONS[permission]:
        return True
    return role == ROLE_MAKER and permission in DATA_PERMISSIONS and _data_granted(backend)


def require(backend: Backend, permission: str) -> None:
    """Raise PermissionDenied (with a Chinese message naming the role and the function) if not allowed."""
    if not allowed(backend, permission):
        role = role_of(backend)
        raise PermissionDenied(
            f"{role}账号没有“{LABELS[permission]}”的权限，请联系管理员（主账号）操作", permission
        )
