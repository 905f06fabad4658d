"""营销中心 › 商家自营销: coupons (满减券, 满折券), time-limited discounts and a buyer's order (L3699-3880).

Tasks 07.2.5 (满减券), 07.2.6 (折扣营销) and 07.2.7 (满折券). The order simulator computes what a buyer
pays when a discount and a coupon meet on one order (L3714): the goods amount × the discount, then the
coupon: minus the face value (满减) or × the coupon's rate (满折, its saving limited by the cap). Freight is
never discounted, one coupon per order, none on sample orders (L3705-3713).

A coupon's threshold is compared with the goods amount the buyer actually pays for the products the
coupon covers, that is after the time-limited discount (the discount changes the product's price).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .errors import FieldErrors, SimError
from .marketing_models import Coupon, CouponClaim, Discount
from .permissions import require

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "CouponsArea",
    "COUPON_LABELS",
    "DISCOUNT_LABELS",
    "OrderLine",
    "OrderQuote",
    "final_amount",
    "order_steps",
    "zhe_rate",
    "zhe_text",
    "coupon_status",
    "coupon_benefit",
    "display_order",
]

COUPON_LABELS: dict[str, str] = {
    "coupon_type": "优惠券类型",
    "title": "券标题",
    "scene": "使用场景",
    "valid_from": "有效期开始",
    "valid_to": "有效期结束",
    "threshold_usd": "使用门槛（美元）",
    "discount_usd": "优惠面额（美元）",
    "discount": "优惠折扣",
    "max_discount_usd": "优惠额上限（美元）",
    "quantity": "优惠券发行量",
    "scope": "使用范围",
    "product_ids": "特定商品ID",
    "audience": "使用人群",
    "publish": "发布方式",
    "publish_on": "定时发布日期",
}
DISCOUNT_LABELS: dict[str, str] = {
    "name": "活动名称",
    "valid_from": "活动开始日期",
    "valid_to": "活动结束日期",
    "audience": "活动人群",
    "product_ids": "活动商品ID",
    "stock_each": "活动库存（每款）",
    "discount": "优惠方式",
}
_CENT = Decimal("0.01")
_REDUCE, _PERCENT = rules.COUPON_TYPES  # 满减券, 满折券
# Coupons and discounts are marketing campaigns: the textbook's role table has no 营销中心 row, so the
# simulator lets the roles that may run campaigns (客户通 › 营销活动) manage them.
_PERMISSION = "crm.campaigns"


# --- rates ------------------------------------------------------------------------------------------
def zhe_rate(text: Any) -> Decimal | None:
    """ "7折" → 0.7, "9.5折" → 0.95; None when it is not one of the backend's rates (rules.ZHE_RATES)."""
    if not isinstance(text, str):
        return None
    text = "".join(text.split())
    if text not in rules.ZHE_RATES:
        return None
    return Decimal(text[:-1]) / 10


def zhe_text(rate: Any) -> str:
    """0.7 → "7折" (the way the backend names a rate)."""
    tenths = (Decimal(str(rate)) * 10).normalize()
    return f"{tenths:f}折"


def _money(value: Decimal) -> Decimal:
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _usd(value: Decimal | float) -> str:
    return f"US ${Decimal(str(value)):,.2f}"


# --- the order arithmetic (L3714) ----------------------------------------------------------------
@dataclass
class OrderLine:
    """One product of a buyer's order, with the discount that applies to it."""

    product_id: int
    title: str
    quantity: int
    unit_price_usd: Decimal
    rate: Decimal = Decimal(1)  # the time-limited discount (1 = none)
    discount_name: str = ""
    covered: bool = True  # the coupon's scope covers it

    @property
    def amount(self) -> Decimal:
        return _money(self.unit_price_usd * self.quantity)

    @property
    def discounted(self) -> Decimal:
        return _money(self.amount * self.rate)


@dataclass
class OrderQuote:
    """What the buyer pays, step by step (Chinese lines), and the figures behind it."""

    goods_usd: Decimal
    discounted_usd: Decimal
    coupon_saving_usd: Decimal
    shipping_usd: Decimal
    total_usd: Decimal
    coupon_used: str = ""  # the coupon's id or description, when it applied
    steps: list[str] = field(default_factory=list)
    lines: list[OrderLine] = field(default_factory=list)

    @property
    def goods_final_usd(self) -> Decimal:
        """The goods part after the discount and the coupon (the L3714 figure, no freight)."""
        return self.discounted_usd - self.coupon_saving_usd


def _coupon_tuple(coupon: Any) -> tuple[str, Decimal, Decimal, Decimal | None]:
    """("满减", threshold, face) or ("满折", threshold, rate, cap) → (kind, threshold, face or rate, cap)."""
    if not isinstance(coupon, (tuple, list)) or len(coupon) not in (3, 4):
        raise SimError('优惠券应写成 ("满减", 门槛, 面额) 或 ("满折", 门槛, 折扣率, 上限)')
    kind = str(coupon[0]).removesuffix("券")
    if kind not in ("满减", "满折"):
        raise SimError(f"优惠券类型只能是 满减 或 满折（收到 {coupon[0]!r}）")
    try:
        threshold = Decimal(str(coupon[1]))
        value = Decimal(str(coupon[2]))
        cap = Decimal(str(coupon[3])) if len(coupon) == 4 and coupon[3] is not None else None
    except Exception as exc:  # noqa: BLE001 - any non-number
        raise SimError("优惠券的门槛、面额、折扣率和上限都应为数字") from exc
    if kind == "满减" and len(coupon) != 3:
        raise SimError('满减券写成 ("满减", 门槛, 面额)')
    if kind == "满折" and not Decimal(0) < value < Decimal(1):
        raise SimError(f"满折券的折扣率应在 0 和 1 之间，例如 7折 写 0.7（收到 {coupon[2]!r}）")
    if threshold < 0 or value < 0 or (cap is not None and cap < 0):
        raise SimError("优惠券的门槛、面额和上限不能是负数")
    return kind, threshold, value, cap


def _rate(discount: Any) -> Decimal:
    if discount is None:
        return Decimal(1)
    if isinstance(discount, str):
        rate = zhe_rate(discount)
        if rate is None:
            raise SimError(f"折扣应为 0 到 1 之间的比例（如 0.9）或“9折”（收到 {discount!r}）")
        return rate
    if isinstance(discount, bool):
        raise SimError("折扣应为数字")
    rate = Decimal(str(discount))
    if not Decimal(0) < rate <= Decimal(1):
        raise SimError(f"折扣应为 0 到 1 之间的比例，例如 9折 写 0.9（收到 {discount!r}）")
    return rate


def _apply_coupon(
    base: Decimal, coupon: tuple[str, Decimal, Decimal, Decimal | None], steps: list[str], name: str
) -> Decimal:
    """The saving of one coupon on ``base`` (the discounted goods amount it covers)."""
    kind, threshold, value, cap = coupon
    if base < threshold:
        steps.append(f"{name}：货款 {_usd(base)} 未达到使用门槛 {_usd(threshold)}，不能使用")
        return Decimal(0)
    if kind == "满减":
        saving = min(value, base)
        steps.append(f"{name}（满 {_usd(threshold)} 减 {_usd(value)}）：{_usd(base)} − {_usd(saving)}")
        return _money(saving)
    saving = _money(base * (1 - value))
    text = f"{name}（满 {_usd(threshold)} 打 {zhe_text(value)}）：{_usd(base)} × {value} 省 {_usd(saving)}"
    if cap is not None and saving > cap:
        text += f"，超过优惠额上限，只省 {_usd(cap)}"
        saving = cap
    steps.append(text)
    return _money(saving)


def order_steps(
    amount_usd: Any,
    discount: Any = None,
    coupon: Any = None,
    *,
    shipping_usd: Any = 0,
    sample: bool = False,
) -> OrderQuote:
    """The final amount of an order of ``amount_usd`` goods, step by step (see :func:`final_amount`)."""
    try:
        goods = _money(Decimal(str(amount_usd)))
        shipping = _money(Decimal(str(shipping_usd or 0)))
    except Exception as exc:  # noqa: BLE001
        raise SimError("订单金额和运费应为数字（美元）") from exc
    if isinstance(amount_usd, bool) or goods < 0 or shipping < 0:
        raise SimError("订单金额和运费不能是负数")
    rate = _rate(discount)
    steps = [f"订单货款（不含运费）：{_usd(goods)}"]
    discounted = _money(goods * rate)
    if rate != 1:
        steps.append(f"直接限时折扣 {zhe_text(rate)}：{_usd(goods)} × {rate} = {_usd(discounted)}")
    saving = Decimal(0)
    used = ""
    if coupon is not None:
        parsed = _coupon_tuple(coupon)
        if sample:
            steps.append("样品订单不能使用优惠券")
        else:
            saving = _apply_coupon(discounted, parsed, steps, f"{parsed[0]}券")
            used = f"{parsed[0]}券" if saving else ""
    goods_final = discounted - saving
    steps.append(f"商品应付：{_usd(goods_final)}")
    if shipping:
        steps.append(f"加运费 {_usd(shipping)}（运费不打折、不用券）")
    total = goods_final + shipping
    steps.append(f"买家实付：{_usd(total)}")
    return OrderQuote(goods, discounted, saving, shipping, total, used, steps)


def final_amount(amount_usd: Any, discount: Any = None, coupon: Any = None) -> float:
    """The final goods amount of an order in USD (L3714), rounded to cents.

    ``discount`` is the time-limited discount as a rate (0.9 for 9折) or None; ``coupon`` is
    ``("满减", threshold, face)`` or ``("满折", threshold, rate, cap)`` (cap None: no cap) or None.
    满减: amount × discount − face; 满折: amount × discount × rate, the saving at most ``cap``. A coupon
    whose threshold the discounted amount does not reach is not used. Freight is not part of it.
    """
    return float(order_steps(amount_usd, discount, coupon).goods_final_usd)


# --- coupons as the backend keeps them -------------------------------------------------------------
def coupon_status(coupon: Coupon, today: dt.date) -> str:
    """待发布 (scheduled), 发放中 (being issued), 已停止, 已结束 (after its last valid day)."""
    if coupon.stopped_on is not None:
        return "已停止"
    if today > coupon.valid_to:
        return "已结束"
    if today < coupon.publish_on:
        return "待发布"
    return "发放中"


def coupon_benefit(coupon: Coupon) -> str:
    """权益内容 as the coupon list shows it: "$30.00" or "7折(最多减$600.00)"."""
    if coupon.coupon_type == _REDUCE:
        return f"${coupon.discount_usd:,.2f}"
    cap = f"(最多减${coupon.max_discount_usd:,.2f})" if coupon.max_discount_usd else ""
    return f"{coupon.discount}{cap}"


def _strength(coupon: Coupon) -> Decimal:
    """How much a coupon gives at its own threshold (the detail page shows the strongest first, L3734)."""
    if coupon.coupon_type == _REDUCE:
        return Decimal(str(coupon.discount_usd or 0))
    saving = Decimal(str(coupon.threshold_usd)) * (1 - (zhe_rate(coupon.discount) or Decimal(1)))
    if coupon.max_discount_usd:
        saving = min(saving, Decimal(str(coupon.max_discount_usd)))
    return saving


def display_order(coupons: list[Coupon]) -> list[Coupon]:
    """The store's coupons in the order a product's detail page shows them: by type, the strongest first."""
    return sorted(coupons, key=lambda c: (rules.COUPON_TYPES.index(c.coupon_type), -_strength(c)))


def _ids(errors: FieldErrors, key: str, label: str, value: Any) -> list[int] | None:
    """Product ids typed as a list, or as text separated by commas, 、 or spaces."""
    if value is None or value == "":
        return []
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        value = str(value).replace("，", ",").replace("、", ",").replace(";", ",").split(",")
        value = [part for chunk in value for part in chunk.split()]
    if not isinstance(value, (list, tuple, set)):
        errors.add(key, f"{label}应为一组产品 ID", "type")
        return None
    out: list[int] = []
    for item in value:
        text = str(item).strip()
        if isinstance(item, bool) or not text.isascii() or not text.isdigit() or len(text) > 12:
            errors.add(key, f"{label}只能是数字 ID（收到“{text[:20]}”）", "type")
            return None
        if int(text) in out:
            errors.add(key, f"{label}中 {text} 重复了", "unique")
            return None
        out.append(int(text))
    return out


def _period(
    errors: FieldErrors, labels: dict[str, str], values: dict[str, Any], today: dt.date
) -> tuple[dt.date | None, dt.date | None]:
    start = validate.date(
        errors, "valid_from", labels["valid_from"], values.get("valid_from"),
        not_before=today, not_before_desc=f"今天（{today}）",
    )  # fmt: skip
    end = validate.date(errors, "valid_to", labels["valid_to"], values.get("valid_to"))
    if start is not None and end is not None and end < start:
        errors.add("valid_to", f"{labels['valid_to']}不能早于{labels['valid_from']}（{start}）", "date_range")
        end = None
    return start, end


class CouponsArea:
    """营销中心: coupons and discounts of the store, and the buyer-side order simulator."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    # --- reading ---------------------------------------------------------------------------------
    def coupons(self) -> list[Coupon]:
        return list(self.backend.state.marketing.coupons)

    def coupon(self, coupon_id: Any) -> Coupon | None:
        return next((c for c in self.backend.state.marketing.coupons if c.id == coupon_id), None)

    def discounts(self) -> list[Discount]:
        return list(self.backend.state.marketing.discounts)

    def discount(self, discount_id: Any) -> Discount | None:
        return next((d for d in self.backend.state.marketing.discounts if d.id == discount_id), None)

    def status(self, coupon: Coupon) -> str:
        return coupon_status(coupon, self.backend.today())

    def active_coupons(self) -> list[Coupon]:
        """Coupons that count against the 10 a store may run at a time (not stopped, not ended)."""
        return [c for c in self.coupons() if self.status(c) in ("待发布", "发放中")]

    def discount_status(self, d: Discount) -> str:
        today = self.backend.today()
        if d.stopped_on is not None:
            return "已停止"
        if today > d.valid_to:
            return "已结束"
        return "未开始" if today < d.valid_from else "进行中"

    def rts_products(self) -> list[Any]:
        return [p for p in self.backend.state.products if p.is_rts and p.status == "已发布"]

    # --- coupons ---------------------------------------------------------------------------------
    def create_coupon(self, values: dict[str, Any]) -> list[str]:
        """「创建优惠券」: check every field at once, then publish (now or on a later day). Returns advice."""
        require(self.backend, _PERMISSION)
        unknown = set(values) - set(COUPON_LABELS)
        if unknown:
            raise SimError(f"创建优惠券表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        errors, advice, lab, get = FieldErrors(), [], COUPON_LABELS, values.get
        today = self.backend.today()

        kind = validate.choice(
            errors, "coupon_type", lab["coupon_type"], get("coupon_type"), rules.COUPON_TYPES
        )
        title = validate.text(errors, "title", lab["title"], get("title"), max_len=rules.COUPON_TITLE_MAX)
        # 使用场景 starts as 详情页/旺铺 on the backend's form: a task that names none (07.2.7) keeps it.
        scene = validate.choice(
            errors, "scene", lab["scene"], get("scene") or rules.COUPON_SCENES[0], rules.COUPON_SCENES
        )
        start, end = _period(errors, lab, values, today)
        if start is not None and end is not None:
            days = (end - start).days + 1
            if days > rules.COUPON_VALIDITY_MAX_DAYS:
                errors.add(
                    "valid_to",
                    f"有效期不能超过 {rules.COUPON_VALIDITY_MAX_DAYS} 天（当前 {start} 至 {end}，共 {days} 天）",
                    "validity",
                )
        threshold = validate.decimal(
            errors,
            "threshold_usd",
            lab["threshold_usd"],
            get("threshold_usd"),
            min_value=0.01,
            max_value=10**7,
        )
        face = rate_text = cap = None
        if kind == _REDUCE:
            face = validate.decimal(
                errors, "discount_usd", lab["discount_usd"], get("discount_usd"), places=0, max_value=10**6
            )
            if face is not None and (face < rules.COUPON_FACE_MIN_USD or face % rules.COUPON_FACE_STEP_USD):
                errors.add(
                    "discount_usd",
                    f"优惠面额最低 {rules.COUPON_FACE_MIN_USD} 美元，且只能是 {rules.COUPON_FACE_STEP_USD} 的倍数"
                    f"（当前 {face}）",
                    "face",
                )
                face = None
            if face is not None and threshold is not None and threshold <= face:
                errors.add(
                    "threshold_usd",
                    f"使用门槛必须大于优惠面额（门槛 {threshold}，面额 {face}）",
                    "threshold",
                )
            advice += [
                f"满减券不用填{lab[k]}，已忽略"
                for k in ("discount", "max_discount_usd")
                if get(k) not in (None, "")
            ]
        elif kind == _PERCENT:
            raw = get("discount")
            if raw in (None, ""):
                errors.add("discount", f"请选择{lab['discount']}", "required")
            elif zhe_rate(raw) is None:
                errors.add(
                    "discount", f"{lab['discount']}只能是 9.5折 到 1折（每档 0.5 折），例如 7折", "choice"
                )
            else:
                rate_text = "".join(str(raw).split())
            cap = validate.decimal(
                errors, "max_discount_usd", lab["max_discount_usd"], get("max_discount_usd"),
                required=False, min_value=0.01, max_value=10**6,
            )  # fmt: skip
            if cap is None and not errors.has("max_discount_usd"):
                advice.append("没有设置优惠额上限：大额订单的优惠不封顶，建议设置上限")
            if get("discount_usd") not in (None, ""):
                advice.append(f"满折券不用填{lab['discount_usd']}，已忽略")
        quantity = validate.integer(
            errors,
            "quantity",
            lab["quantity"],
            get("quantity"),
            min_value=1,
            max_value=rules.COUPON_QUANTITY_MAX,
        )
        scope = validate.choice(errors, "scope", lab["scope"], get("scope"), rules.COUPON_SCOPES)
        product_ids = _ids(errors, "product_ids", lab["product_ids"], get("product_ids"))
        if scope == "特定商品" and product_ids is not None:
            self._check_specific(errors, product_ids)
        elif scope == "全店铺" and product_ids:
            advice.append("使用范围是全店铺：直接下单品和非直接下单品都能用，不用再选商品，已忽略所填商品")
            product_ids = []
        audience = validate.choice(
            errors, "audience", lab["audience"], get("audience"), rules.COUPON_AUDIENCES
        )
        mode = validate.choice(errors, "publish", lab["publish"], get("publish"), rules.COUPON_PUBLISH_MODES)
        publish_on = today
        if mode == "定时发布":
            when = validate.date(errors, "publish_on", lab["publish_on"], get("publish_on"))
            if when is not None and when <= today:
                errors.add("publish_on", f"{lab['publish_on']}必须晚于今天（{today}）", "future")
            elif when is not None and end is not None and when > end:
                errors.add("publish_on", f"{lab['publish_on']}不能晚于有效期结束（{end}）", "date_range")
            elif when is not None:
                publish_on = when
        if len(self.active_coupons()) >= rules.COUPONS_ACTIVE_MAX:
            errors.add(
                "coupon_type",
                f"商家同时最多发 {rules.COUPONS_ACTIVE_MAX} 张优惠券（现在已有 {len(self.active_coupons())} 张"
                "待发布或发放中）：请先停止一张",
                "active_max",
            )
        errors.raise_if_any()

        with self.backend.transaction("coupons.create", f"{kind} {title}") as work:
            coupon = Coupon(
                id=self._next_id("CP", [c.id for c in work.marketing.coupons]),
                coupon_type=kind,
                title=title,
                scene=scene,
                valid_from=start,
                valid_to=end,
                threshold_usd=float(threshold),
                discount_usd=float(face) if face is not None else None,
                discount=rate_text or "",
                max_discount_usd=float(cap) if cap is not None else None,
                quantity=quantity,
                scope=scope,
                product_ids=list(product_ids or []),
                audience=audience,
                publish=mode,
                publish_on=publish_on,
                created_at=self.backend.now(),
                owner=work.acting_as,
            )
            work.marketing.coupons.append(coupon)
        return advice

    def _check_specific(self, errors: FieldErrors, product_ids: list[int]) -> None:
        label = COUPON_LABELS["product_ids"]
        if not product_ids:
            errors.add("product_ids", f"使用范围选“特定商品”时，请选择{label}（直接下单品）", "required")
            return
        if len(product_ids) > rules.COUPON_PRODUCTS_MAX:
            errors.add(
                "product_ids",
                f"特定商品最多 {rules.COUPON_PRODUCTS_MAX} 款（当前 {len(product_ids)} 款）",
                "max_n",
            )
            return
        products = {p.id: p for p in self.backend.state.products}
        for pid in product_ids:
            p = products.get(pid)
            if p is None or p.status != "已发布":
                errors.add("product_ids", f"店铺里没有已发布的产品 {pid}", "unknown")
                return
            if not p.is_rts:
                errors.add(
                    "product_ids",
                    f"产品 {pid} 不是直接下单品（Ready to Ship）：特定商品只能选直接下单品",
                    "rts",
                )
                return

    @staticmethod
    def _next_id(prefix: str, ids: list[str]) -> str:
        numbers = [int(i.split("-")[-1]) for i in ids if i.split("-")[-1].isdigit()]
        return f"{prefix}-{max(numbers, default=0) + 1:04d}"

    def _get_coupon(self, coupon_id: Any) -> Coupon:
        coupon = self.coupon(coupon_id)
        if coupon is None:
            raise SimError(f"没有编号为 {str(coupon_id)[:20]} 的优惠券")
        return coupon

    def change_quantity(self, coupon_id: Any, quantity: Any) -> None:
        """Raise the issued quantity (any time it is not over); lowering needs stopping the coupon first."""
        require(self.backend, _PERMISSION)
        coupon = self._get_coupon(coupon_id)
        errors = FieldErrors()
        new = validate.integer(
            errors,
            "quantity",
            COUPON_LABELS["quantity"],
            quantity,
            min_value=1,
            max_value=rules.COUPON_QUANTITY_MAX,
        )
        errors.raise_if_any()
        status = self.status(coupon)
        if status == "已结束":
            raise SimError(f"优惠券 {coupon.id} 已结束，不能再修改数量")
        if new < coupon.quantity and status != "已停止":
            errors.add(
                "quantity",
                f"发放中的优惠券只能增加数量（当前 {coupon.quantity} 张）；要减少，请先停止这张优惠券",
                "lower_after_stop",
            )
        if new < len(coupon.claims):
            errors.add("quantity", f"已经有 {len(coupon.claims)} 张被买家领取，数量不能少于它", "claimed")
        errors.raise_if_any()
        with self.backend.transaction("coupons.quantity", f"{coupon.id} {coupon.quantity}→{new}") as work:
            next(c for c in work.marketing.coupons if c.id == coupon.id).quantity = new

    def stop_coupon(self, coupon_id: Any) -> None:
        """「停止」: buyers can no longer claim it; it no longer counts against the 10 at a time."""
        require(self.backend, _PERMISSION)
        coupon = self._get_coupon(coupon_id)
        if self.status(coupon) in ("已停止", "已结束"):
            raise SimError(f"优惠券 {coupon.id} {self.status(coupon)}，不用再停止")
        with self.backend.transaction("coupons.stop", coupon.id) as work:
            next(c for c in work.marketing.coupons if c.id == coupon.id).stopped_on = self.backend.today()

    def claim(self, coupon_id: Any, buyer: Any) -> None:
        """A buyer claims a coupon: once per buyer account, only while it is being issued (L3788-3789)."""
        coupon = self._get_coupon(coupon_id)
        errors = FieldErrors()
        name = validate.text(errors, "buyer", "买家账号", buyer, max_len=100)
        errors.raise_if_any()
        status = self.status(coupon)
        if status != "发放中":
            raise SimError(f"优惠券 {coupon.id} {status}：只有发放中的优惠券可以领取")
        if any(c.buyer.casefold() == name.casefold() for c in coupon.claims):
            raise SimError(f"买家 {name} 已经领过这张优惠券：同一张券每个账号只能领取一次")
        if len(coupon.claims) >= coupon.quantity:
            raise SimError(f"优惠券 {coupon.id} 已经领完（{coupon.quantity} 张）")
        with self.backend.transaction("coupons.claim", f"{coupon.id} {name}") as work:
            target = next(c for c in work.marketing.coupons if c.id == coupon.id)
            target.claims.append(CouponClaim(buyer=name, claimed_on=self.backend.today()))

    # --- discounts -------------------------------------------------------------------------------
    def create_discount(self, values: dict[str, Any]) -> list[str]:
        """「折扣营销」: a time-limited discount on RTS products with stock set aside for each. Returns advice."""
        require(self.backend, _PERMISSION)
        unknown = set(values) - set(DISCOUNT_LABELS)
        if unknown:
            raise SimError(f"折扣营销表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        errors, advice, lab, get = FieldErrors(), [], DISCOUNT_LABELS, values.get
        today = self.backend.today()
        name = validate.text(errors, "name", lab["name"], get("name"), max_len=rules.DISCOUNT_NAME_MAX)
        start, end = _period(errors, lab, values, today)
        audience = validate.choice(
            errors, "audience", lab["audience"], get("audience"), rules.DISCOUNT_AUDIENCES
        )
        product_ids = _ids(errors, "product_ids", lab["product_ids"], get("product_ids"))
        products = {p.id: p for p in self.backend.state.products}
        if product_ids is not None and not product_ids:
            errors.add("product_ids", f"请填写{lab['product_ids']}", "required")
        for pid in product_ids or []:
            p = products.get(pid)
            if p is None or p.status != "已发布":
                errors.add("product_ids", f"店铺里没有已发布的产品 {pid}", "unknown")
                break
            if not p.is_rts:
                errors.add(
                    "product_ids",
                    f"产品 {pid} 不是直接下单品（Ready to Ship）：折扣营销只能选直接下单品",
                    "rts",
                )
                break
        stock = validate.integer(
            errors, "stock_each", lab["stock_each"], get("stock_each"), min_value=1, max_value=10**7
        )
        if stock is not None and product_ids and not errors.has("product_ids"):
            short = [
                f"{pid}（可售 {products[pid].stock or 0}）"
                for pid in product_ids
                if (products[pid].stock or 0) < stock
            ]
            if short:
                errors.add("stock_each", f"活动库存不能超过商品的可售数量：{'、'.join(short)}", "stock")
        raw = get("discount")
        rate_text = None
        if raw in (None, ""):
            errors.add("discount", f"请选择{lab['discount']}", "required")
        elif zhe_rate(raw) is None:
            errors.add("discount", f"{lab['discount']}只能是 9.5折 到 1折（每档 0.5 折），例如 9折", "choice")
        else:
            rate_text = "".join(str(raw).split())
        errors.raise_if_any()

        for d in self.discounts():
            if self.discount_status(d) in ("已停止", "已结束") or d.valid_to < start or d.valid_from > end:
                continue
            both = sorted(set(d.product_ids) & set(product_ids))
            if both:
                advice.append(
                    f"商品 {'、'.join(map(str, both))} 同期也在活动 {d.id}（{d.name}）中：买家下单时按最新创建的活动计算"
                )
        with self.backend.transaction("coupons.discount", name) as work:
            work.marketing.discounts.append(
                Discount(
                    id=self._next_id("DC", [d.id for d in work.marketing.discounts]),
                    name=name,
                    valid_from=start,
                    valid_to=end,
                    audience=audience,
                    product_ids=list(product_ids),
                    stock_each=stock,
                    discount=rate_text,
                    created_at=self.backend.now(),
                    owner=work.acting_as,
                )
            )
        return advice

    def stop_discount(self, discount_id: Any) -> None:
        require(self.backend, _PERMISSION)
        d = self.discount(discount_id)
        if d is None:
            raise SimError(f"没有编号为 {str(discount_id)[:20]} 的折扣活动")
        if self.discount_status(d) in ("已停止", "已结束"):
            raise SimError(f"折扣活动 {d.id} {self.discount_status(d)}，不用再停止")
        with self.backend.transaction("coupons.stop_discount", d.id) as work:
            next(x for x in work.marketing.discounts if x.id == d.id).stopped_on = self.backend.today()

    def discount_on(self, product_id: int, day: dt.date) -> Discount | None:
        """The discount a buyer gets on ``product_id`` on ``day`` (the latest created one that runs then)."""
        running = [
            d
            for d in self.discounts()
            if product_id in d.product_ids
            and d.valid_from <= day <= d.valid_to
            and (d.stopped_on is None or day < d.stopped_on)
        ]
        return running[-1] if running else None

    # --- the buyer's order ------------------------------------------------------------------------
    def quote(
        self,
        items: Any,
        *,
        order_date: Any = None,
        coupon_id: Any = None,
        shipping_usd: Any = 0,
        sample: bool = False,
    ) -> OrderQuote:
        """A buyer's order of the store's products: discount, then one coupon, then freight (nothing saved).

        ``items`` maps product id → quantity (or is a list of (id, quantity)). Unit prices come from the
        product's ladder (the tier the quantity reaches) or its price range's low end.
        """
        errors = FieldErrors()
        day = (
            validate.date(errors, "order_date", "下单日期", order_date, required=False)
            or self.backend.today()
        )
        ship = validate.decimal(
            errors, "shipping_usd", "运费（美元）", shipping_usd, required=False, min_value=0
        )
        errors.raise_if_any()
        pairs = list(items.items()) if isinstance(items, dict) else list(items or [])
        if not pairs:
            raise SimError("订单里还没有商品")
        products = {p.id: p for p in self.backend.state.products}
        coupon = self._get_coupon(coupon_id) if coupon_id not in (None, "") else None
        lines: list[OrderLine] = []
        for pid, qty in pairs:
            p = products.get(int(pid)) if str(pid).strip().isdigit() else None
            if p is None:
                raise SimError(f"店铺里没有产品 {str(pid)[:20]}")
            if isinstance(qty, bool) or not str(qty).strip().isdigit() or int(qty) < 1:
                raise SimError(f"产品 {p.id} 的数量应为正整数")
            qty = int(qty)
            price = self._unit_price(p, qty)
            line = OrderLine(p.id, p.title, qty, price)
            d = self.discount_on(p.id, day)
            if d is not None and qty <= d.stock_each:
                line.rate, line.discount_name = zhe_rate(d.discount) or Decimal(1), d.name
            if coupon is not None:
                line.covered = coupon.scope == "全店铺" or p.id in coupon.product_ids
            lines.append(line)
        return self._quote_lines(lines, day, coupon, _money(ship or Decimal(0)), sample)

    @staticmethod
    def _unit_price(p: Any, qty: int) -> Decimal:
        if p.price_tiers:
            tiers = sorted(p.price_tiers, key=lambda t: t.min_qty)
            if qty < tiers[0].min_qty:
                raise SimError(f"产品 {p.id} 最少起订 {tiers[0].min_qty} 件（当前 {qty}）")
            reached = [t for t in tiers if qty >= t.min_qty][-1]
            return Decimal(str(reached.price_usd))
        if p.price_min_usd is not None:
            if p.moq and qty < p.moq:
                raise SimError(f"产品 {p.id} 最少起订 {p.moq}（当前 {qty}）")
            return Decimal(str(p.price_min_usd))
        raise SimError(f"产品 {p.id} 没有设置价格")

    def _quote_lines(
        self, lines: list[OrderLine], day: dt.date, coupon: Coupon | None, shipping: Decimal, sample: bool
    ) -> OrderQuote:
        steps = []
        for line in lines:
            text = (
                f"{line.product_id} × {line.quantity}，单价 {_usd(line.unit_price_usd)}：{_usd(line.amount)}"
            )
            if line.rate != 1:
                text += f"，{line.discount_name} {zhe_text(line.rate)} → {_usd(line.discounted)}"
            steps.append(text)
        goods = sum((x.amount for x in lines), Decimal(0))
        discounted = sum((x.discounted for x in lines), Decimal(0))
        steps.append(f"订单货款（不含运费）{_usd(goods)}，限时折扣后 {_usd(discounted)}")
        saving, used = Decimal(0), ""
        if coupon is not None:
            problem = self._coupon_problem(coupon, day, sample, lines)
            if problem:
                steps.append(f"优惠券 {coupon.id} 不能使用：{problem}")
            else:
                covered = sum((x.discounted for x in lines if x.covered), Decimal(0))
                rate_or_face = (
                    Decimal(str(coupon.discount_usd))
                    if coupon.coupon_type == _REDUCE
                    else zhe_rate(coupon.discount)
                )
                cap = Decimal(str(coupon.max_discount_usd)) if coupon.max_discount_usd else None
                parsed = (coupon.coupon_type[:2], Decimal(str(coupon.threshold_usd)), rate_or_face, cap)
                saving = _apply_coupon(covered, parsed, steps, f"优惠券 {coupon.id}")
                used = coupon.id if saving else ""
        goods_final = discounted - saving
        steps.append(f"商品应付：{_usd(goods_final)}")
        if shipping:
            steps.append(f"加运费 {_usd(shipping)}（运费不打折、不用券）")
        total = goods_final + shipping
        steps.append(f"买家实付：{_usd(total)}")
        return OrderQuote(goods, discounted, saving, shipping, total, used, steps, lines)

    def _coupon_problem(self, coupon: Coupon, day: dt.date, sample: bool, lines: list[OrderLine]) -> str:
        if sample:
            return "样品订单不能使用优惠券"
        if coupon.stopped_on is not None and day >= coupon.stopped_on:
            return "这张优惠券已停止"
        if not coupon.valid_from <= day <= coupon.valid_to:
            return f"下单日期 {day} 不在有效期（{coupon.valid_from} 至 {coupon.valid_to}）内"
        if not any(x.covered for x in lines):
            return "订单里没有这张券适用范围内的商品"
        return ""
