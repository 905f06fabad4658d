"""客户管理 › 客户通 and 客群管理 (L2552-2915): the customer list, the default groups, fixed and dynamic groups.

The default groups (店铺兴趣客户 … 最近成交客户, L2776) and every dynamic group are computed from the customers'
behaviour records each time they are read, so their members change when the data change or the scenario clock
moves on; a fixed group keeps the customers that were chosen (L2770-2772).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .crm_models import CustomerGroup, GroupConditions
from .errors import FieldErrors, SimError
from .ownership_models import Customer
from .permissions import require

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "CrmArea",
    "COUNTRIES",
    "FIXED_LABELS",
    "DYNAMIC_LABELS",
    "DEFAULT_GROUP_RULES",
    "country_name",
    "events_within",
    "default_group_members",
    "matches",
    "require_crm",
]

FIXED, DYNAMIC = rules.CRM_GROUP_KINDS

# Chinese name (shown, saved) → English name (accepted too). 俄罗斯联邦 as task 06.3.5 prints it (L2908).
COUNTRIES: dict[str, str] = {
    "美国": "United States", "巴西": "Brazil", "俄罗斯联邦": "Russian Federation", "英国": "United Kingdom",
    "德国": "Germany", "法国": "France", "意大利": "Italy", "西班牙": "Spain", "加拿大": "Canada",
    "澳大利亚": "Australia", "墨西哥": "Mexico", "印度": "India", "南非": "South Africa",
    "科特迪瓦": "Cote d'Ivoire", "马来西亚": "Malaysia", "哥伦比亚": "Colombia", "阿根廷": "Argentina",
    "日本": "Japan", "韩国": "South Korea", "沙特阿拉伯": "Saudi Arabia", "阿联酋": "United Arab Emirates",
    "波兰": "Poland", "荷兰": "Netherlands", "土耳其": "Turkey", "尼日利亚": "Nigeria", "斯洛伐克": "Slovakia",
    "爱尔兰": "Ireland", "瑞典": "Sweden", "越南": "Vietnam", "泰国": "Thailand", "埃及": "Egypt",
}  # fmt: skip
_ALIASES = {"俄罗斯": "俄罗斯联邦", "russia": "俄罗斯联邦", "usa": "美国", "us": "美国", "america": "美国",
            "united states of america": "美国", "uk": "英国", "uae": "阿联酋", "korea": "韩国"}  # fmt: skip

FIXED_LABELS = {"name": "名称", "scope": "范围", "description": "描述", "customers": "客户"}
DYNAMIC_LABELS = {
    "name": "客群名称",
    "countries": "国家地区",
    "sources": "客户来源渠道",
    "inquiry_within_days": "近 N 天内发起过询盘",
    "visit_within_days": "近 N 天内访问过店铺",
    "order_within_days": "近 N 天内下过单",
}
# The default groups and how the simulator computes each (RULES: the textbook names them, L2776).
DEFAULT_GROUP_RULES = {
    "店铺兴趣客户": f"近 {rules.CRM_INTEREST_DAYS} 天访问店铺至少 {rules.CRM_INTEREST_MIN_VISITS} 次，或收藏过产品",
    "店铺忠诚客户": f"累计下单至少 {rules.CRM_LOYAL_MIN_ORDERS} 次",
    "店铺成交客户": "下过单",
    "店铺粉丝": "关注了店铺",
    "最近询盘客户": f"近 {rules.CRM_RECENT_DAYS} 天内发起过询盘",
    "最近成交客户": f"近 {rules.CRM_RECENT_DAYS} 天内下过单",
}


def country_name(value: Any) -> str | None:
    """The Chinese name of a country typed in Chinese or English (None if unknown)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text in COUNTRIES:
        return text
    folded = text.casefold()
    for zh, en in COUNTRIES.items():
        if en.casefold() == folded:
            return zh
    return _ALIASES.get(folded) or _ALIASES.get(text)


def events_within(customer: Customer, kind: str, days: int, today: dt.date) -> list:
    """The customer's ``kind`` records of the last ``days`` days, today included (none from the future)."""
    first = today - dt.timedelta(days=days - 1)
    return [e for e in customer.events if e.kind == kind and first <= e.day <= today]


def _count(customer: Customer, kind: str) -> int:
    return sum(1 for e in customer.events if e.kind == kind)


def default_group_members(name: str, customers: list[Customer], today: dt.date) -> list[Customer]:
    """Members of a default group (L2776) computed from the behaviour records (my customers only)."""
    mine = [c for c in customers if c.pool == "我的客户"]
    if name == "店铺兴趣客户":
        return [
            c
            for c in mine
            if len(events_within(c, "访问", rules.CRM_INTEREST_DAYS, today)) >= rules.CRM_INTEREST_MIN_VISITS
            or events_within(c, "收藏", rules.CRM_INTEREST_DAYS, today)
        ]
    if name == "店铺忠诚客户":
        return [c for c in mine if _count(c, "下单") >= rules.CRM_LOYAL_MIN_ORDERS]
    if name == "店铺成交客户":
        return [c for c in mine if _count(c, "下单") >= 1]
    if name == "店铺粉丝":
        return [c for c in mine if c.fan or _count(c, "关注")]
    if name == "最近询盘客户":
        return [c for c in mine if events_within(c, "询盘", rules.CRM_RECENT_DAYS, today)]
    if name == "最近成交客户":
        return [c for c in mine if events_within(c, "下单", rules.CRM_RECENT_DAYS, today)]
    raise SimError(f"没有这个默认客群：{name}")


def matches(customer: Customer, cond: GroupConditions, today: dt.date) -> bool:
    """Whether a customer meets every condition of a dynamic group on ``today``."""
    if cond.countries and country_name(customer.country) not in cond.countries:
        return False
    if cond.sources and customer.source not in cond.sources:
        return False
    for kind, days in (
        ("询盘", cond.inquiry_within_days),
        ("访问", cond.visit_within_days),
        ("下单", cond.order_within_days),
    ):
        if days and not events_within(customer, kind, days, today):
            return False
    return True


def require_crm(backend: Backend) -> str:
    """客户通 (and 外贸邮) are for paid members (L2556, L2631): a free member is refused. Returns the edition."""
    account = backend.state.account
    tier = account.tier if account else rules.TIER_FREE
    edition = rules.CRM_EDITIONS.get(tier, "")
    if not edition:
        raise SimError(f"客户通是出口通及以上会员的免费增值功能：{tier}不能使用，请先升级会员")
    return edition


class CrmArea:
    """客户通: customers, tags, default groups and the store's fixed and dynamic groups."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def edition(self) -> str:
        """客户通's edition for the store's membership: 基础版 (出口通) or 智能版 (金品诚企); "" for a free member."""
        account = self.backend.state.account
        return rules.CRM_EDITIONS.get(account.tier if account else rules.TIER_FREE, "")

    # --- customers ---------------------------------------------------------------------------------
    def customers(self, pool: str | None = None) -> list[Customer]:
        """The customer list (``pool``: 我的客户 or 公海客户; None for both)."""
        return [c for c in self.backend.state.customers if pool is None or c.pool == pool]

    def customer(self, key: Any) -> Customer | None:
        """A customer by id (CU-101) or by name exactly as the list shows it."""
        if not isinstance(key, str):
            return None
        wanted = key.strip()
        found = next((c for c in self.backend.state.customers if c.id == wanted), None)
        return found or next((c for c in self.backend.state.customers if c.name == wanted), None)

    def countries(self) -> list[str]:
        """The countries of the customer list, in the list's order."""
        seen: list[str] = []
        for c in self.backend.state.customers:
            name = country_name(c.country) or c.country
            if name and name not in seen:
                seen.append(name)
        return seen

    def add_tag(self, customer: Any, tag: Any) -> list[str]:
        """给客户打标签: add a basic tag to a customer; returns its tags."""
        require(self.backend, "crm.search")
        require_crm(self.backend)
        errors = FieldErrors()
        target = self.customer(customer)
        if target is None:
            errors.add("customer", f"客户列表里没有这个客户：{str(customer)[:40]}", "unknown")
        text = validate.text(errors, "tag", "标签", tag, max_len=rules.CRM_TAG_MAX)
        errors.raise_if_any()
        if text in target.tags:
            return list(target.tags)
        with self.backend.transaction("crm.add_tag", f"{target.id} {text}") as work:
            saved = next(c for c in work.customers if c.id == target.id)
            saved.tags = [*saved.tags, text]
        return list(self.customer(target.id).tags)

    # --- groups ------------------------------------------------------------------------------------
    def groups(self) -> list[CustomerGroup]:
        return list(self.backend.state.crm.groups)

    def group(self, key: Any) -> CustomerGroup | None:
        """A saved group by id (GRP-001) or name."""
        if not isinstance(key, str):
            return None
        groups = self.backend.state.crm.groups
        return next((g for g in groups if g.id == key), None) or next(
            (g for g in groups if g.name == key), None
        )

    def group_names(self) -> list[str]:
        """Every group a campaign can target: the default groups, then the store's own."""
        return [*rules.CRM_DEFAULT_GROUPS, *(g.name for g in self.backend.state.crm.groups)]

    def members(self, group: Any) -> list[Customer]:
        """The customers of a group (a default group's name, a saved group or its id/name), computed now."""
        today = self.backend.today()
        customers = self.backend.state.customers
        if isinstance(group, str) and group in rules.CRM_DEFAULT_GROUPS:
            return default_group_members(group, customers, today)
        saved = group if isinstance(group, CustomerGroup) else self.group(group)
        if saved is None:
            raise SimError(f"没有这个客群：{str(group)[:40]}")
        if saved.kind == FIXED:
            by_id = {c.id: c for c in customers}
            return [by_id[i] for i in saved.customer_ids if i in by_id]
        return [c for c in customers if matches(c, saved.conditions or GroupConditions(), today)]

    def _check_name(self, errors: FieldErrors, value: Any, label: str, kind: str) -> str | None:
        name = validate.text(errors, "name", label, value, max_len=rules.CRM_GROUP_NAME_MAX)
        if name is None:
            return None
        if name in rules.CRM_DEFAULT_GROUPS:
            errors.add("name", f"“{name}”是系统默认客群的名称，请换一个名称", "unique")
            return None
        same = self.group(name)
        if same is not None and same.kind != kind:
            errors.add("name", f"已经有一个叫“{name}”的{same.kind}，请换一个名称", "unique")
            return None
        return name

    def create_fixed_group(self, values: dict[str, Any]) -> list[str]:
        """新建固定客群 (06.3.4): name, scope (我的客户 | 公海客户), description ≤ 256, customers from the list.

        Saving a fixed group under the name of one already saved updates it. Returns the advice.
        """
        require(self.backend, "crm.groups")
        require_crm(self.backend)
        unknown = set(values) - set(FIXED_LABELS)
        if unknown:
            raise SimError(f"新建固定客群表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        errors, lab, get = FieldErrors(), FIXED_LABELS, values.get
        name = self._check_name(errors, get("name"), lab["name"], FIXED)
        scope = validate.choice(errors, "scope", lab["scope"], get("scope"), rules.CRM_GROUP_SCOPES)
        description = validate.text(
            errors, "description", lab["description"], get("description"),
            max_len=rules.GROUP_DESCRIPTION_MAX, multiline=True,
        )  # fmt: skip
        chosen = self._check_customers(errors, get("customers"), scope)
        errors.raise_if_any()
        earlier = self.group(name)
        with self.backend.transaction("crm.fixed_group", name) as work:
            group = CustomerGroup(
                id=earlier.id if earlier else self._next_id(work.crm.groups),
                kind=FIXED,
                name=name,
                scope=scope,
                description=description,
                customer_ids=[c.id for c in chosen],
                created_at=self.backend.now(),
                owner=work.acting_as,
            )
            work.crm.groups = [g for g in work.crm.groups if g.name != name] + [group]
        return [f"已更新固定客群“{name}”"] if earlier else []

    def _check_customers(self, errors: FieldErrors, value: Any, scope: str | None) -> list[Customer]:
        label = FIXED_LABELS["customers"]
        if value in (None, "", [], ()):
            errors.add("customers", f"请从客户列表中选择{label}（至少 1 个）", "required")
            return []
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            errors.add("customers", f"{label}应为一组客户（从客户列表中勾选）", "type")
            return []
        chosen: list[Customer] = []
        for item in value:
            found = self.customer(item)
            if found is None:
                shown = str(item)[:40]
                errors.add("customers", f"客户列表里没有这个客户：{shown}（请从列表中勾选）", "unknown")
                return []
            chosen.append(found)
        if len({c.id for c in chosen}) != len(chosen):
            errors.add("customers", f"{label}不能重复选择同一个客户", "unique")
            return []
        if scope is not None:
            off = [c.name for c in chosen if c.pool != scope]
            if off:
                errors.add(
                    "customers",
                    f"范围是“{scope}”，这些客户不在{scope}里：{'、'.join(off[:5])}",
                    "scope",
                )
                return []
        return chosen

    def dynamic_conditions(self, values: dict[str, Any], errors: FieldErrors) -> GroupConditions:
        """Parse a dynamic group's conditions (errors go to ``errors``)."""
        lab, get = DYNAMIC_LABELS, values.get
        countries: list[str] = []
        raw = get("countries")
        if raw not in (None, "", [], ()):
            if isinstance(raw, str) or not isinstance(raw, (list, tuple)):
                errors.add("countries", f"{lab['countries']}应为一组国家", "type")
            else:
                for item in raw:
                    zh = country_name(item)
                    if zh is None:
                        errors.add(
                            "countries", f"{lab['countries']}中没有这个选项：{str(item)[:30]}", "choice"
                        )
                        break
                    if zh in countries:
                        errors.add("countries", f"{lab['countries']}不能重复选择同一个国家：{zh}", "unique")
                        break
                    countries.append(zh)
        sources = validate.choices(errors, "sources", lab["sources"], get("sources"), rules.CRM_SOURCES) or []
        windows = {}
        for key in ("inquiry_within_days", "visit_within_days", "order_within_days"):
            windows[key] = validate.integer(
                errors,
                key,
                lab[key],
                get(key),
                required=False,
                min_value=1,
                max_value=rules.CRM_WITHIN_DAYS_MAX,
            )
        cond = GroupConditions(countries=countries, sources=list(sources), **windows)
        if not errors.errors and not (cond.countries or cond.sources or any(windows.values())):
            errors.add("countries", "请至少设置一个筛选条件（基础标签或客户行为标签）", "required")
        return cond

    def preview(self, values: dict[str, Any]) -> list[Customer]:
        """客群人数: who the conditions pick now, without saving (refused conditions raise)."""
        errors = FieldErrors()
        cond = self.dynamic_conditions({k: v for k, v in values.items() if k != "name"}, errors)
        errors.raise_if_any()
        today = self.backend.today()
        return [c for c in self.backend.state.customers if matches(c, cond, today)]

    def create_dynamic_group(self, values: dict[str, Any]) -> list[str]:
        """新建动态客群 (06.3.5): a name and conditions; its members are recomputed whenever it is read."""
        require(self.backend, "crm.groups")
        require_crm(self.backend)
        unknown = set(values) - set(DYNAMIC_LABELS)
        if unknown:
            raise SimError(f"新建动态客群表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        errors = FieldErrors()
        name = self._check_name(errors, values.get("name"), DYNAMIC_LABELS["name"], DYNAMIC)
        cond = self.dynamic_conditions(values, errors)
        errors.raise_if_any()
        earlier = self.group(name)
        with self.backend.transaction("crm.dynamic_group", name) as work:
            group = CustomerGroup(
                id=earlier.id if earlier else self._next_id(work.crm.groups),
                kind=DYNAMIC,
                name=name,
                conditions=cond,
                created_at=self.backend.now(),
                owner=work.acting_as,
            )
            work.crm.groups = [g for g in work.crm.groups if g.name != name] + [group]
        count = len(self.members(name))
        advice = [] if count else ["按这些条件目前没有符合的客户：客群已创建，客户数据变化后会自动加入"]
        if earlier:
            advice.insert(0, f"已更新动态客群“{name}”")
        return advice

    def delete_group(self, key: Any) -> None:
        """Delete one of the store's groups (the default groups cannot be deleted)."""
        require(self.backend, "crm.groups")
        group = self.group(key)
        if group is None:
            raise SimError(f"没有这个客群：{str(key)[:40]}（系统默认客群不能删除）")
        with self.backend.transaction("crm.delete_group", group.id) as work:
            work.crm.groups = [g for g in work.crm.groups if g.id != group.id]

    @staticmethod
    def _next_id(groups: list[CustomerGroup]) -> str:
        numbers = [int(g.id.split("-")[-1]) for g in groups if g.id.split("-")[-1].isdigit()]
        return f"GRP-{max(numbers, default=0) + 1:03d}"

    # --- behaviour (for the notebook's what-if experiments) ----------------------------------------
    def record(self, customer: Any, kind: Any, product_id: Any = None) -> None:
        """Record a customer's behaviour today (a new inquiry, visit, order…): groups follow at once."""
        errors = FieldErrors()
        target = self.customer(customer)
        if target is None:
            errors.add("customer", f"客户列表里没有这个客户：{str(customer)[:40]}", "unknown")
        kind = validate.choice(errors, "kind", "行为", kind, rules.CRM_EVENT_KINDS)
        pid = None
        if product_id not in (None, ""):
            pid = validate.integer(errors, "product_id", "产品编号", product_id, min_value=1)
            if pid is not None and not any(p.id == pid for p in self.backend.state.products):
                errors.add("product_id", f"店铺里没有编号为 {pid} 的产品", "unknown")
        errors.raise_if_any()
        from .crm_models import CustomerEvent

        with self.backend.transaction("crm.record", f"{target.id} {kind}") as work:
            saved = next(c for c in work.customers if c.id == target.id)
            saved.events = [*saved.events, CustomerEvent(kind=kind, day=self.backend.today(), product_id=pid)]
            if kind == "关注":
                saved.fan = True
