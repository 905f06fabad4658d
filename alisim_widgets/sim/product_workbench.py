"""产品运营工作台 (L1440-1500): the growth score of every product, its diagnostics, duplicate listings.

The platform does not publish its formula; the simulator's is written out here so students can see
why a product scores what it scores. Five dimensions, as in the workbench table (L1453):

============ ==== =====================================================================================
产品优势      25   ladder prices with 2+ tiers 8 (price range 6, one tier 4); a low first order quantity
                   5 (RTS ≤ 10 / customization ≤ 100; 3 up to 10×); samples 4; customization services 4
                   (L1960); the fastest lead time ≤ 7 days 4 (≤ 15 days 2)
内容表达      35   a title that breaks no rule 6, plus 4 when 60–70 characters (2 when 40–100); keywords
                   3 → 5, 2 → 3, 1 → 2; main images 5+ → 8, 4 → 6, 3 → 4, 2 → 3, 1 → 1 (L1973), plus 2
                   when every image is ≥ 640 px, near-square and ≤ 3 MB; a main video 7 (5 under 20 s);
                   a description of 200+ characters 3 (50+ → 2, shorter 1)
行业特色      20   required attributes 10 (share filled), optional attributes 10 (share filled)
交易表现      20   orders in 90 days 10+ → 12, 5+ → 8, 1+ → 4; inquiries in 30 days 10+ → 8, 5+ → 5, 1+ → 2
额外加分      0–5  快速发货 (RTS, stock for the largest tier, ships ≤ 7 days) 2; 图文视频齐全 (5+ images and
                   a 20–45 s video) 3 — none while the product has a violation
============ ==== =====================================================================================

A dimension is 已达标 (up to standard) at 80 % of its maximum, otherwise 待优化. The growth score is the
sum, at most 100. Violations (诊断) are the rules the listing breaks: title rules and duplicate listing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import categories, rules
from .product_titles import title_report
from .products_models import PRICE_MODE_RANGE, Product

__all__ = [
    "Dimension",
    "GrowthScore",
    "DIMENSIONS",
    "REACHED",
    "growth_score",
    "is_duplicate",
    "duplicate_signals",
    "duplicate_groups",
    "workbench_rows",
]

DIMENSIONS = (("产品优势", 25), ("内容表达", 35), ("行业特色", 20), ("交易表现", 20))
EXTRA_MAX = 5
REACHED = 0.8  # share of a dimension's maximum that counts as 已达标


@dataclass
class Dimension:
    """One dimension of the growth score: points, maximum and the reasons behind them."""

    name: str
    points: float
    max_points: float
    reasons: list[str] = field(default_factory=list)  # what earned points
    advice: list[str] = field(default_factory=list)  # what would earn more

    @property
    def target(self) -> float:
        return round(self.max_points * REACHED, 1)

    @property
    def reached(self) -> bool:
        return self.points >= self.target

    @property
    def status(self) -> str:
        return "已达标" if self.reached else "待优化"

    @property
    def gap(self) -> float:
        return round(max(self.target - self.points, 0), 1)


@dataclass
class GrowthScore:
    """A product's growth score with its dimensions, extra points, diagnostics and advice."""

    product_id: int
    total: int
    dimensions: list[Dimension]
    extra: int
    extra_reasons: list[str]
    violations: list[str]

    @property
    def advice(self) -> list[str]:
        return [a for d in self.dimensions for a in d.advice]

    def dimension(self, name: str) -> Dimension:
        return next(d for d in self.dimensions if d.name == name)


# --- duplicate listing (L1701-1703) ------------------------------------------------------------------
def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text or "").casefold()


def _price_key(p: Product) -> tuple:
    if p.price_mode == PRICE_MODE_RANGE:
        return ("range", p.price_min_usd, p.price_max_usd, p.moq, p.unit)
    return ("ladder", tuple((t.min_qty, t.price_usd) for t in p.price_tiers), p.unit)


def duplicate_signals(a: Product, b: Product) -> list[str]:
    """What two listings of the same category share (the title is ignored: changing it is the trick)."""
    if a.category != b.category:
        return []
    out = []
    a_imgs, b_imgs = {i.sha1 for i in a.images}, {i.sha1 for i in b.images}
    if (
        a_imgs
        and b_imgs
        and (a.images[0].sha1 == b.images[0].sha1 or len(a_imgs & b_imgs) * 2 >= len(a_imgs))
    ):
        out.append("主图")
    if a.attributes and a.attributes == b.attributes:
        out.append("属性")
    if a.description and _norm(a.description) == _norm(b.description):
        out.append("详细描述")
    if _price_key(a) == _price_key(b):
        out.append("价格")
    if (a.sku_code, a.package_cm, a.weight_kg) == (b.sku_code, b.package_cm, b.weight_kg):
        out.append("商品编码和包装")
    return out


def is_duplicate(a: Product, b: Product) -> bool:
    """Same category and at least three of the five signals the same: the same product listed twice.

    Changing only the title, the main images, the attributes or the details (L1703) leaves at least
    three signals equal; two different products of a category rarely share more than one.
    """
    return len(duplicate_signals(a, b)) >= 3


def duplicate_groups(products: list[Product]) -> list[list[int]]:
    """Ids of listings that duplicate each other, oldest first (only one of them should stay)."""
    groups: list[list[int]] = []
    seen: set[int] = set()
    ordered = sorted(products, key=lambda p: (p.published_on, p.id))
    for i, a in enumerate(ordered):
        if a.id in seen:
            continue
        group = [a.id] + [b.id for b in ordered[i + 1 :] if b.id not in seen and is_duplicate(a, b)]
        if len(group) > 1:
            groups.append(group)
            seen.update(group)
    return groups


# --- the growth score --------------------------------------------------------------------------------
def _advantage(p: Product) -> Dimension:
    d = Dimension("产品优势", 0, 25)
    if p.price_mode == PRICE_MODE_RANGE:
        d.points += 6
        d.reasons.append("设置了价格区间 +6")
        d.advice.append("用阶梯价格展示买得越多越便宜（+2）")
        first = p.moq or 0
    elif len(p.price_tiers) >= 2:
        d.points += 8
        d.reasons.append(f"{len(p.price_tiers)} 档阶梯价格 +8")
        first = p.price_tiers[0].min_qty
    else:
        d.points += 4 if p.price_tiers else 0
        d.advice.append("设置 2 档以上的阶梯价格，展示价格优势（+4）")
        first = p.price_tiers[0].min_qty if p.price_tiers else 0
    low = 10 if p.is_rts else 100
    if first and first <= low:
        d.points += 5
        d.reasons.append(f"起订量低（{first}）+5")
    elif first and first <= low * 10:
        d.points += 3
        d.reasons.append(f"起订量 {first} +3")
        d.advice.append(f"把最小起订量降到 {low} 以内，小批量买家更容易下单（+2）")
    else:
        d.advice.append(f"最小起订量太高，建议 {low} 以内（+5）")
    if p.samples.supported:
        d.points += 4
        d.reasons.append("支持样品 +4")
    else:
        d.advice.append("支持样品服务，提高下单概率（+4）")
    if p.customization:
        d.points += 4
        d.reasons.append("支持定制服务 +4")
    else:
        d.advice.append("勾选能提供的定制服务（LOGO、包装、图案…）（+4）")
    fastest = min((t.days for t in p.lead_time), default=None)
    if fastest is not None and fastest <= 7:
        d.points += 4
        d.reasons.append(f"{fastest} 天发货 +4")
    elif fastest is not None and fastest <= rules.RTS_MAX_LEAD_DAYS:
        d.points += 2
        d.reasons.append(f"{fastest} 天发货 +2")
        d.advice.append("缩短发货期到 7 天以内（+2）")
    else:
        d.advice.append("缩短发货期（15 天内 +2，7 天内 +4）")
    return d


def _content(p: Product, title_broken: bool) -> Dimension:
    from .product_media import image_advice

    d = Dimension("内容表达", 0, 35)
    n = len(p.title)
    if title_broken:
        d.advice.append("修改违规的标题（+6 起）")
    else:
        d.points += 6
        d.reasons.append("标题符合规则 +6")
        lo, hi = rules.TITLE_ADVISED
        if lo <= n <= hi:
            d.points += 4
            d.reasons.append(f"标题长度 {n}，在建议的 60–70 之间 +4")
        elif 40 <= n <= 100:
            d.points += 2
            d.reasons.append(f"标题长度 {n} +2")
            d.advice.append(f"标题长度 {n}，调整到 60–70 个字符左右（+2）")
        else:
            d.advice.append(f"标题长度 {n}，调整到 60–70 个字符左右（+4）")
    k = len(p.keywords)
    d.points += {0: 0, 1: 2, 2: 3}.get(k, 5)
    if k >= 3:
        d.reasons.append("3 个关键词 +5")
    else:
        d.advice.append(f"关键词只有 {k} 个，填满 3 个（营销词/属性词 + 产品中心词）")
        if k:
            d.reasons.append(f"{k} 个关键词 +{ {1: 2, 2: 3}[k] }")
    m = len(p.images)
    img_points = 8 if m >= 5 else {4: 6, 3: 4, 2: 3, 1: 1}.get(m, 0)
    d.points += img_points
    if m:
        d.reasons.append(f"{m} 张主图 +{img_points}")
    if m < rules.MAIN_IMAGES_ADVISED:
        d.advice.append(f"主图只有 {m} 张，增加到 5 张以上（正面、背面、侧面、细节）")
    quality = [a for i, img in enumerate(p.images, 1) for a in image_advice(img, f"第 {i} 张主图")]
    if p.images and not quality:
        d.points += 2
        d.reasons.append("主图清晰、近似正方形 +2")
    elif quality:
        d.advice.append(quality[0] + "（+2）")
    if p.video is not None:
        pts = 7 if p.video.seconds >= rules.MAIN_VIDEO_ADVISED_MIN_SECONDS else 5
        d.points += pts
        d.reasons.append(f"有主图视频（{p.video.seconds:g} 秒）+{pts}")
        if pts < 7:
            d.advice.append("主图视频建议 20–45 秒（+2）")
    else:
        d.advice.append("添加 20–45 秒的横屏主图视频（+7）：视频流量约是图片的 1.5 倍")
    length = len(p.description or "")
    pts = 3 if length >= 200 else 2 if length >= 50 else 1 if length else 0
    d.points += pts
    if pts:
        d.reasons.append(f"详细描述 {length} 个字符 +{pts}")
    if pts < 3:
        d.advice.append("把详细描述写完整（规格、材质、尺寸、包装、用途，200 字符以上）")
    return d


def _industry(p: Product) -> Dimension:
    d = Dimension("行业特色", 0, 20)
    cat = categories.find(p.category)
    required, optional = categories.attribute_keys(cat) if cat else (("place_of_origin", "brand"), ())
    filled_req = [k for k in required if p.attributes.get(k)]
    filled_opt = [k for k in optional if p.attributes.get(k)]
    req = 10 * len(filled_req) / len(required) if required else 10
    opt = 10 * len(filled_opt) / len(optional) if optional else 10
    d.points = round(req + opt, 1)
    d.reasons.append(
        f"必填属性 {len(filled_req)}/{len(required)}，选填属性 {len(filled_opt)}/{len(optional)}"
    )
    missing = [
        categories.ATTRIBUTES[k].label for k in (*required, *optional) if k not in filled_req + filled_opt
    ]
    if missing:
        d.advice.append(f"补全属性：{'、'.join(missing)}（属性越完整越容易匹配买家搜索）")
    return d


def _trade(p: Product) -> Dimension:
    d = Dimension("交易表现", 0, 20)
    o, q = p.orders_90d, p.inquiries_30d
    op = 12 if o >= 10 else 8 if o >= 5 else 4 if o >= 1 else 0
    qp = 8 if q >= 10 else 5 if q >= 5 else 2 if q >= 1 else 0
    d.points = op + qp
    d.reasons.append(f"近 90 天 {o} 笔订单 +{op}，近 30 天 {q} 条询盘 +{qp}")
    if op < 12:
        d.advice.append("提高成交：参加营销活动、设置优惠券和折扣（近 90 天 10 笔订单以上得满分）")
    if qp < 8:
        d.advice.append("吸引询盘：完善标题、关键词和主图，及时回复买家（近 30 天 10 条询盘以上得满分）")
    return d


def growth_score(p: Product, others: list[Product] | None = None) -> GrowthScore:
    """The growth score of ``p``; ``others`` (the rest of the store) are looked at for duplicates."""
    violations = list(title_report(p.title).errors)
    for other in others or []:
        if other.id != p.id and is_duplicate(p, other):
            first, second = sorted((p, other), key=lambda x: (x.published_on, x.id))
            if second.id == p.id:
                violations.append(
                    f"重复铺货：与 ID {first.id} 是同款（{'、'.join(duplicate_signals(p, other))}相同）"
                )
            else:
                violations.append(f"ID {second.id} 与本产品重复铺货：平台只展示其中一个")
    dims = [_advantage(p), _content(p, bool(title_report(p.title).errors)), _industry(p), _trade(p)]
    extra, extra_reasons = 0, []
    if not violations:
        if (
            p.is_rts and p.lead_time and max(t.days for t in p.lead_time) <= 7
            and p.stock is not None and p.stock >= max((t.min_qty for t in p.price_tiers), default=1)
        ):  # fmt: skip
            extra += 2
            extra_reasons.append("快速发货 +2")
        if len(p.images) >= 5 and p.video is not None and 20 <= p.video.seconds <= 45:
            extra += 3
            extra_reasons.append("图文视频齐全 +3")
    total = min(100, round(sum(d.points for d in dims) + extra))
    return GrowthScore(p.id, total, dims, extra, extra_reasons, violations)


def workbench_rows(products: list[Product]) -> list[dict]:
    """One row per product, as the workbench table shows it (L1453)."""
    rows = []
    for p in products:
        g = growth_score(p, products)
        rows.append(
            {
                "id": p.id,
                "title": p.title,
                "product_type": p.product_type,
                "status": p.status,
                "score": g.total,
                **{d.name: d.status for d in g.dimensions},
                "额外加分": g.extra,
                "建议": len(g.advice),
                "违规": len(g.violations),
                "growth": g,
            }
        )
    return rows
