"""外贸直通车 (P4P): the auction of L4030–4075, premiums (L4342), budgets (L4330) and the four plan types
of tasks 07.9.3–07.9.6 (新品成长, 爆品助推, 搜索人群再营销, 定向推广).

The worked examples of the textbook are reproduced by three pure functions: :func:`rank` (score × bid),
:func:`click_price` (next bid × next score / own score + 0.01 元) and :func:`premium_bid` (bid × premium,
the table of L4342: 156 % of 8.0 → 12.48, shown ¥12.5). :func:`simulate_week` runs a plan through a week
of auctions against seeded competitors so students see what budgets and premiums do.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .errors import FieldErrors, SimError
from .p4p_models import P4PPlan

if TYPE_CHECKING:
    from .backend import Backend
    from .products_models import Product

__all__ = [
    "P4PArea",
    "DayResult",
    "PLAN_LABELS",
    "PLAN_TYPES",
    "RECOMMENDED_REGIONS",
    "RECOMMENDED_CROWDS",
    "OTHERS",
    "rank",
    "top_five_eligible",
    "result_layout",
    "click_price",
    "premium_bid",
    "fmt_bid",
    "resolve_premiums",
    "simulate_week",
    "week_start",
    "week_figure",
]

PLAN_TYPES = rules.P4P_PLAN_TYPES
RECOMMENDED_REGIONS = rules.P4P_RECOMMENDED_REGIONS
RECOMMENDED_CROWDS = rules.P4P_RECOMMENDED_CROWDS
OTHERS = "*"  # in a premium map: every recommended region / crowd not named

PLAN_LABELS = {
    "plan_type": "推广类型",
    "name": "计划名称",
    "products": "推广产品",
    "daily_budget_cny": "计划日预算",
    "weekly_budget": "周预算",
    "bid_range_cny": "出价区间",
    "region_premiums": "地域溢价",
    "crowd_premiums": "人群溢价",
}
ALL_PRODUCTS = "all"

# The simulator's own limits (the textbook gives none): a name as long as a coupon title, premiums
# between no premium (100 %) and five times the bid, bids up to 999 元, budgets up to 100 000 元 a day.
NAME_MAX = 60
PREMIUM_RANGE = (100, 500)
BID_MAX_CNY = 999
DAILY_BUDGET_MAX_CNY = 100_000
TAG_NAME_MAX = 30

_CENT = Decimal("0.01")


# --- the textbook's formulas ------------------------------------------------------------------
def _cents(value: Decimal) -> float:
    return float(value.quantize(_CENT, rounding=ROUND_HALF_UP))


def rank(ads: list[tuple[str, float, float]]) -> list[tuple[str, float, int]]:
    """Rank ads ``[(name, promotion score, bid), …]`` by score × bid (L4040, L4052–4056), best first.

    Returns ``[(name, score × bid, rank), …]``; equal totals keep the higher score first, then the given order.
    """
    scored = [
        (name, Decimal(str(score)) * Decimal(str(bid)), Decimal(str(score)), n)
        for n, (name, score, bid) in enumerate(ads)
    ]
    scored.sort(key=lambda a: (-a[1], -a[2], a[3]))
    return [(name, float(total), n) for n, (name, total, _s, _i) in enumerate(scored, 1)]


def top_five_eligible(stars: int) -> bool:
    """Only 3–5 star keywords can bid into the top five; 1–2 star ones show in recommendation slots (L4061)."""
    if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 5:
        raise SimError("关键词星级只能是 1～5 星")
    low, high = rules.P4P_TOP_FIVE_STARS
    return low <= stars <= high


def result_layout(port: str, top_spot: bool = False, length: int = 20) -> list[str]:
    """The first ``length`` results of a search on ``port`` (PC | 无线端 | Web): 顶展, 直通车 or 自然 each.

    PC: the first five (second to sixth under a top spot) are P4P, then natural ranking (five more P4P at
    the bottom of every page, not shown here); 无线端: one P4P then three natural, 10 P4P in all; Web: two
    P4P then one natural, 15 in all (L4022–4026).
    """
    if port not in ("PC", "无线端", "Web"):
        raise SimError("端口只能是 PC、无线端或 Web")
    out = ["顶展"] if top_spot else []
    if port == "PC":
        out += ["直通车"] * rules.P4P_TOP_SLOTS
    else:
        ads, group = (rules.P4P_APP_ADS, ["直通车", "自然", "自然", "自然"]) if port == "无线端" else (
            rules.P4P_WEB_ADS, ["直通车", "直通车", "自然"])  # fmt: skip
        n = 0
        while out.count("直通车") < ads:
            out.append(group[n % len(group)])
            n += 1
    while len(out) < length:
        out.append("自然")
    return out[:length]


def click_price(own_score: float, next_score: float, next_bid: float) -> float:
    """One click's charge in 元: next bid × next score / own score + 0.01 (L4075), rounded to the cent."""
    if own_score <= 0:
        raise SimError("推广评分必须大于 0")
    value = Decimal(str(next_bid)) * Decimal(str(next_score)) / Decimal(str(own_score))
    return _cents(value + Decimal(str(rules.P4P_CLICK_PRICE_INCREMENT)))


def premium_bid(bid: float, percent: float) -> float:
    """The bid with a region or crowd premium: bid × premium (L4342: 8.0 at 156 % → 12.48, shown ¥12.5)."""
    return _cents(Decimal(str(bid)) * Decimal(str(percent)) / 100)


def fmt_bid(value: float) -> str:
    """A bid as the premium table shows it, to one decimal: ``¥12.5``."""
    return f"¥{Decimal(str(value)).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}"


def resolve_premiums(premiums: dict[str, float], recommended: dict[str, int]) -> dict[str, int]:
    """The full premium map: ``"*"`` stands for every recommended name not given; names are kept as typed."""
    out: dict[str, int] = {}
    if OTHERS in premiums:
        out.update({name: int(premiums[OTHERS]) for name in recommended})
    out.update({k: int(v) for k, v in premiums.items() if k != OTHERS})
    return out


def week_start(day: dt.date) -> dt.date:
    """The Saturday a P4P week (Saturday–Friday, L4330) containing ``day`` begins on."""
    return day - dt.timedelta(days=(day.weekday() - 5) % 7)


# --- a week of auctions -----------------------------------------------------------------------
@dataclass(frozen=True)
class DayResult:
    """One simulated day of a plan."""

    day: dt.date
    busy: bool  # a high-traffic day: the weekly budget may spend up to 20 % more (L4330)
    cap_cny: float  # what the plan could spend that day
    searches: int
    impressions: int
    clicks: int
    spend_cny: float

    @property
    def avg_click_cny(self) -> float:
        return round(self.spend_cny / self.clicks, 2) if self.clicks else 0.0


# Traffic by weekday (Mon=0): Monday–Wednesday are the busy days of the simulated week.
_TRAFFIC = {0: 1.35, 1: 1.3, 2: 1.25, 3: 1.0, 4: 0.9, 5: 0.7, 6: 0.7}
_BUSY = {0, 1, 2}
# Where searches come from (share of buyers) and which crowd tag a buyer carries (None: no tag).
_REGION_SHARE = {"美国": 0.3, "英国": 0.08, "德国": 0.07, "俄罗斯": 0.06, "加拿大": 0.05, "土耳其": 0.04,
                 "乌克兰": 0.03, "埃及": 0.03, "摩洛哥": 0.02, "其他": 0.32}  # fmt: skip
_CROWD_SHARE = {**{name: 0.06 for name in RECOMMENDED_CROWDS}, "蓝标买家": 0.04, "高回访买家": 0.04}
_CTR_BY_SLOT = (0.08, 0.06, 0.05, 0.04, 0.035)
_OWN_SCORE = 10.0


def _competitors(seed: str) -> list[tuple[float, float]]:
    rnd = random.Random(f"p4p-competitors-{seed}")
    return [(float(rnd.randint(6, 12)), round(rnd.uniform(3.0, 14.0), 1)) for _ in range(9)]


def _draw(rnd: random.Random, shares: dict[str, float]) -> str | None:
    x, acc = rnd.random(), 0.0
    for name, share in shares.items():
        acc += share
        if x < acc:
            return name
    return None


def simulate_week(plan: P4PPlan, start: dt.date, searches_per_day: int = 500) -> list[DayResult]:
    """Run ``plan`` for the P4P week (Saturday–Friday) containing ``start`` against seeded competitors.

    Every search is an auction (score × bid) among the competitors and the plan's ad, whose bid is the
    top of its bid range times the higher premium the buyer's region or crowd carries. A top-five slot is an
    impression; a click costs :func:`click_price` (never more than the ad's own bid). Spending stops at the
    day's cap: the daily budget, or with the weekly budget on a busy day up to 20 % more, never past
    daily × 7 in the week (L4330).
    """
    rnd = random.Random(f"p4p-week-{plan.name}-{start.isoformat()}")
    rivals = _competitors(plan.name)
    daily = Decimal(str(plan.daily_budget_cny))
    week_cap = daily * rules.P4P_WEEKLY_DAYS
    spent_week = Decimal(0)
    out = []
    first = week_start(start)
    for n in range(rules.P4P_WEEKLY_DAYS):
        day = first + dt.timedelta(days=n)
        busy = day.weekday() in _BUSY
        cap = daily
        if plan.weekly_budget:
            if busy:
                cap = daily * (1 + Decimal(str(rules.P4P_BUSY_DAY_OVERSHOOT)))
            cap = max(Decimal(0), min(cap, week_cap - spent_week))
        searches = int(searches_per_day * _TRAFFIC[day.weekday()])
        spend, shown, clicks = Decimal(0), 0, 0
        for _ in range(searches):
            region = _draw(rnd, _REGION_SHARE) or ""
            crowd = _draw(rnd, _CROWD_SHARE) or ""
            percent = max(plan.region_premiums.get(region, 100), plan.crowd_premiums.get(crowd, 100), 100)
            bid = premium_bid(plan.bid_max_cny, percent)
            ads = [("own", _OWN_SCORE, bid)] + [
                (f"r{i}", s, round(b * rnd.uniform(0.8, 1.2), 2)) for i, (s, b) in enumerate(rivals)
            ]
            table = rank(ads)
            slot = next(r for name, _t, r in table if name == "own")
            if slot > rules.P4P_TOP_SLOTS:
                continue
            ranked = sorted(ads, key=lambda a: -a[1] * a[2])
            nxt = ranked[slot] if slot < len(ranked) else None
            price = min(click_price(_OWN_SCORE, nxt[1], nxt[2]), bid) if nxt else float(plan.bid_min_cny)
            if rnd.random() < _CTR_BY_SLOT[slot - 1]:
                if spend + Decimal(str(price)) > cap:
                    break  # the day's budget is used up: the ad stops showing
                spend += Decimal(str(price))
                clicks += 1
            shown += 1
        spent_week += spend
        out.append(DayResult(day, busy, float(cap), searches, shown, clicks, _cents(spend)))
    return out


def week_figure(days: list[DayResult], title: str = ""):
    """A plotly chart of a simulated week: spend against the day's cap, and clicks."""
    import plotly.graph_objects as go  # lazily: the simulator itself needs no plotting library

    x = [f"{d.day:%m-%d} {'六日一二三四五'[(d.day.weekday() + 2) % 7]}" for d in days]
    fig = go.Figure()
    fig.add_bar(x=x, y=[d.spend_cny for d in days], name="花费（元）", marker_color="#ff6a00")
    fig.add_scatter(x=x, y=[d.cap_cny for d in days], name="当天可花上限（元）", mode="lines+markers")
    fig.add_scatter(x=x, y=[d.clicks for d in days], name="点击量", yaxis="y2", mode="lines+markers")
    fig.update_layout(
        title=title or "一周推广模拟",
        height=360,
        yaxis=dict(title="元"),
        yaxis2=dict(title="点击", overlaying="y", side="right", rangemode="tozero", tickformat=",d"),
        legend=dict(orientation="h"),
    )
    return fig


# --- plans ------------------------------------------------------------------------------------
def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _tag_key(name: str) -> str:
    """Crowd and region names compare without spaces (偏好 RTS 商品买家 = 偏好RTS商品买家, L4576/L4377)."""
    return re.sub(r"\s+", "", name)


def _next_id(plans: list[P4PPlan]) -> str:
    used = [int(p.id.split("-")[-1]) for p in plans if p.id.split("-")[-1].isdigit()]
    return f"P4P-{max(used, default=0) + 1:04d}"


class P4PArea:
    """营销中心 → 外贸直通车: the plans of the store and their rules."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    # reading
    def plans(self) -> list[P4PPlan]:
        """Every plan, oldest first."""
        return list(self.backend.state.p4p_plans)

    def plan(self, name: str) -> P4PPlan | None:
        """The plan called ``name`` (or None)."""
        return next((p for p in self.backend.state.p4p_plans if p.name == str(name).strip()), None)

    def is_new(self, product: Product, day: dt.date | None = None) -> bool:
        """Published (not re-published after editing) fewer than 90 days ago (L4450, L4474)."""
        day = day or self.backend.today()
        return 0 <= (day - product.published_on).days < rules.P4P_NEW_PRODUCT_DAYS

    def candidates(self, plan_type: str) -> list[Product]:
        """The products a plan of this type may take: published ones (L4228); for 新品成长 only new ones."""
        out = [p for p in self.backend.state.products if p.status == "已发布"]
        if plan_type == "新品成长":
            out = [p for p in out if self.is_new(p)]
        return out

    def plan_products(self, plan: P4PPlan, day: dt.date | None = None) -> list[Product]:
        """The products a plan promotes on ``day``: 新品成长 drops products once 90 days are over (L4476)."""
        day = day or self.backend.today()
        published = [p for p in self.backend.state.products if p.status == "已发布"]
        if not plan.all_products:
            published = [p for p in published if p.id in plan.product_ids]
        if plan.plan_type == "新品成长":
            published = [p for p in published if self.is_new(p, day)]
        return published

    def simulate(self, name: str, start: dt.date | None = None) -> list[DayResult]:
        """A week of the plan ``name`` (the week containing ``start``, by default today)."""
        plan = self.plan(name)
        if plan is None:
            raise SimError(f"没有名为“{name}”的推广计划")
        if not self.plan_products(plan, start):
            raise SimError(f"计划“{plan.name}”里没有可推广的产品，模拟不出数据")
        return simulate_week(plan, start or self.backend.today())

    # checking
    def _products(self, errors: FieldErrors, plan_type: str | None, value: Any) -> tuple[bool, list[int]]:
        label = PLAN_LABELS["products"]
        if isinstance(value, str) and value.strip().casefold() in (ALL_PRODUCTS, "所有产品", "全部产品"):
            if plan_type and not self.candidates(plan_type):
                errors.add("products", f"店铺里没有可以加入“{plan_type}”计划的产品", "empty")
            return True, []
        if value is None or value == [] or value == "":
            errors.add("products", f"请选择{label}", "required")
            return False, []
        if isinstance(value, (str, int)):
            value = [value]
        if not isinstance(value, (list, tuple)):
            errors.add("products", f'{label}应为 "all" 或一组产品名称', "type")
            return False, []
        store = [p for p in self.backend.state.products if p.status == "已发布"]
        ids: list[int] = []
        for item in value:
            product = self._match(errors, store, item)
            if product is None:
                return False, []
            if product.id in ids:
                errors.add("products", f"{label}中“{product.title[:40]}”选了两次", "unique")
                return False, []
            if plan_type == "新品成长" and not self.is_new(product):
                days = (self.backend.today() - product.published_on).days
                errors.add(
                    "products",
                    f"“{product.title[:40]}”发布已 {days} 天：新品成长只收 {rules.P4P_NEW_PRODUCT_DAYS} 天内"
                    "新发布的产品",
                    "new_product",
                )
                return False, []
            ids.append(product.id)
        return False, ids

    def _match(self, errors: FieldErrors, store: list[Product], item: Any) -> Product | None:
        label = PLAN_LABELS["products"]
        if isinstance(item, bool) or not isinstance(item, (str, int)):
            errors.add("products", f"{label}应为产品名称或产品 ID", "type")
            return None
        text = str(item).strip()
        if len(text) > 300:
            errors.add("products", f"{label}中的产品名称太长", "max_len")
            return None
        if text.isdigit():
            found = [p for p in store if p.id == int(text)]
        else:
            key = _norm(text)
            found = [p for p in store if _norm(p.title) == key]
            if not found and len(key) >= 5:  # a title as the task shortens it: "DEERC DE36W RC Car"
                found = [p for p in store if _norm(p.title).startswith(key)]
        if len(found) != 1:
            shown = text[:40]
            why = "有多个产品以此开头，请写完整名称" if found else "店铺里没有这个已发布的产品"
            errors.add("products", f"{label}“{shown}”：{why}", "unknown")
            return None
        return found[0]

    def _premiums(self, errors: FieldErrors, key: str, value: Any, recommended: dict) -> dict[str, int]:
        label = PLAN_LABELS[key]
        if value in (None, ""):
            return {}
        if not isinstance(value, dict):
            errors.add(key, f'{label}应为 {{名称: 百分比}}，例如 {{"美国": 220, "*": 150}}', "type")
            return {}
        if len(value) > 100:
            errors.add(key, f"{label}最多设置 100 项", "max_n")
            return {}
        low, high = PREMIUM_RANGE
        out: dict[str, int] = {}
        for raw_name, raw_percent in value.items():
            name = validate.text(errors, key, f"{label}的名称", raw_name, max_len=TAG_NAME_MAX)
            if name is None:
                return {}
            name = name if name == OTHERS else _tag_key(name)
            where = "其余推荐" + ("地域" if key == "region_premiums" else "人群") if name == OTHERS else name
            percent = validate.integer(
                errors, key, f"{label}（{where}）", str(raw_percent).rstrip("%").strip() if
                isinstance(raw_percent, str) else raw_percent, min_value=low, max_value=high,
            )  # fmt: skip
            if percent is None:
                return {}
            if name in out:
                errors.add(key, f"{label}中“{name}”设置了两次", "unique")
                return {}
            out[name] = percent
        return resolve_premiums(out, recommended)

    # changing
    def save_plan(self, values: dict[str, Any]) -> list[str]:
        """「保存计划」: check every field, then create the plan (or update the plan of that name and type).

        ``values`` keys: plan_type, name, products ("all" or product titles/ids), daily_budget_cny,
        weekly_budget (bool), bid_range_cny ((min, max) 元), region_premiums and crowd_premiums
        ({name: percent}, "*" for every other recommended one). Returns the advice shown after saving.
        """
        unknown = set(values) - set(PLAN_LABELS)
        if unknown:
            raise SimError(f"推广计划表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        errors, advice = FieldErrors(), []
        lab, get = PLAN_LABELS, values.get

        raw_type = get("plan_type")
        if isinstance(raw_type, str):
            raw_type = rules.P4P_PLAN_TYPE_ALIASES.get(raw_type.strip(), raw_type.strip())
        plan_type = validate.choice(errors, "plan_type", lab["plan_type"], raw_type, PLAN_TYPES)
        name = validate.text(errors, "name", lab["name"], get("name"), max_len=NAME_MAX)
        earlier = self.plan(name) if name else None
        if earlier is not None and plan_type and earlier.plan_type != plan_type:
            errors.add("name", f"已有一个名为“{name}”的{earlier.plan_type}计划，请换一个计划名称", "unique")
        all_products, ids = self._products(errors, plan_type, get("products"))
        if plan_type == "定向推广":
            self._check_targeted(errors, name, all_products, ids)
        daily = validate.decimal(
            errors, "daily_budget_cny", lab["daily_budget_cny"], get("daily_budget_cny"),
            min_value=1, max_value=DAILY_BUDGET_MAX_CNY,
        )  # fmt: skip
        weekly = get("weekly_budget", False)
        if weekly in (None, ""):
            weekly = False
        if not isinstance(weekly, bool):
            errors.add("weekly_budget", f"{lab['weekly_budget']}只能是开启（True）或关闭（False）", "type")
        low, high = self._bid_range(errors, plan_type, get("bid_range_cny"))
        regions = self._premiums(errors, "region_premiums", get("region_premiums"), RECOMMENDED_REGIONS)
        crowds = self._premiums(errors, "crowd_premiums", get("crowd_premiums"), RECOMMENDED_CROWDS)
        errors.raise_if_any()

        if daily is not None and daily < rules.P4P_ADVISED_DAILY_BUDGET_CNY:
            advice.append(
                f"日预算 {daily} 元低于建议：刚开通、还没有数据的店铺，计划日预算建议不低于 "
                f"{rules.P4P_ADVISED_DAILY_BUDGET_CNY} 元，否则产品可能得不到充分展示。"
            )
        count = len(self.candidates(plan_type) if all_products else ids)
        if plan_type == "新品成长" and count < rules.P4P_ADVISED_PRODUCTS:
            advice.append(
                f"计划里现在有 {count} 个新品；建议保持在 {rules.P4P_ADVISED_PRODUCTS} 个以上。"
                f"新品发布满 {rules.P4P_NEW_PRODUCT_DAYS} 天后会自动移出计划。"
            )
        if weekly:
            advice.append(
                f"周预算已开启：本周（周六至周五）最多花 {daily * rules.P4P_WEEKLY_DAYS} 元，"
                f"流量高的日子当天最多多花 {int(rules.P4P_BUSY_DAY_OVERSHOOT * 100)}%。"
            )
        with self.backend.transaction("p4p.save_plan", f"{plan_type}:{name}") as work:
            plan = P4PPlan(
                id=earlier.id if earlier else _next_id(work.p4p_plans),
                plan_type=plan_type,
                name=name,
                all_products=all_products,
                product_ids=ids,
                daily_budget_cny=float(daily),
                weekly_budget=bool(weekly),
                bid_min_cny=low,
                bid_max_cny=high,
                region_premiums=regions,
                crowd_premiums=crowds,
                created_on=earlier.created_on if earlier else self.backend.today(),
                warnings=advice,
            )
            if earlier is not None:
                work.p4p_plans = [plan if p.id == earlier.id else p for p in work.p4p_plans]
            else:
                work.p4p_plans.append(plan)
        return advice

    def _bid_range(self, errors: FieldErrors, plan_type: str | None, value: Any) -> tuple[float, float]:
        label = PLAN_LABELS["bid_range_cny"]
        if isinstance(value, str):
            value = re.split(r"\s*[-–~至到,，]\s*", value.strip().rstrip("元").strip())
        if not isinstance(value, (list, tuple)) or len(value) != 2:
            errors.add("bid_range_cny", f"{label}应为（最低出价, 最高出价），单位元", "type")
            return 0.0, 0.0
        floor = rules.P4P_MIN_BID_CNY if plan_type == "新品成长" else 0.1
        low = validate.decimal(errors, "bid_range_cny", "最低出价", value[0], min_value=floor,
                               max_value=BID_MAX_CNY)  # fmt: skip
        high = validate.decimal(errors, "bid_range_cny", "最高出价", value[1], min_value=floor,
                                max_value=BID_MAX_CNY)  # fmt: skip
        if low is not None and high is not None and high < low:
            errors.add("bid_range_cny", f"最高出价（{high} 元）不能低于最低出价（{low} 元）", "order")
        if low is None or high is None:
            return 0.0, 0.0
        return float(low), float(high)

    def _check_targeted(
        self, errors: FieldErrors, name: str | None, all_products: bool, ids: list[int]
    ) -> None:
        chosen = [p.id for p in self.candidates("定向推广")] if all_products else ids
        if len(chosen) > rules.P4P_TARGETED_PRODUCTS_MAX:
            errors.add(
                "products",
                f"一个定向推广计划最多 {rules.P4P_TARGETED_PRODUCTS_MAX} 个产品（当前 {len(chosen)}）",
                "max_n",
            )
            return
        others = [p for p in self.backend.state.p4p_plans if p.plan_type == "定向推广" and p.name != name]
        for pid in chosen:
            n = sum(1 for p in others if p.all_products or pid in p.product_ids)
            if n >= 2:
                errors.add(
                    "products", f"产品 {pid} 已在 2 个定向推广计划中，不能再加入第三个计划", "two_plans"
                )
                return

    def delete_plan(self, name: str) -> None:
        """「删除计划」."""
        plan = self.plan(name)
        if plan is None:
            raise SimError(f"没有名为“{name}”的推广计划")
        with self.backend.transaction("p4p.delete_plan", plan.name) as work:
            work.p4p_plans = [p for p in work.p4p_plans if p.id != plan.id]
