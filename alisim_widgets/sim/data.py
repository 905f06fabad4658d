"""数据管家 (09_data, L5061-5142): the store's traffic data, generated from the student's own seed.

The dataset is deterministic: the same seed gives the same frames on every machine, another seed gives other
numbers. A student's seed is their identity (nbgrader student id / JupyterHub user / operating-system user),
saved in the store on first open and never changed afterwards, so the grader regenerates exactly the data the
student analysed. Only the seed is saved; the frames are rebuilt on demand (a few hundredths of a second).

``backend.data.frames()`` returns a dict of pandas DataFrames (copies: change them freely):

``traffic`` — one row per day × product × traffic source × buyer country (× search keyword for 搜索 and
P4P rows), with the columns of :data:`TRAFFIC_COLUMNS`; ``products`` (:data:`PRODUCT_COLUMNS`),
``keywords`` (:data:`KEYWORD_COLUMNS`), ``countries`` (:data:`COUNTRY_COLUMNS`).

numpy and pandas are imported inside the functions that need them: the simulator loads without them.

Which versions give the same data. The numbers come from ``numpy.random.default_rng`` (the PCG64 bit
generator, seeded from a SHA-256 of the seed) and these ``Generator`` methods: ``lognormal``, ``normal``,
``standard_normal``, ``uniform``, ``random``, ``integers``, ``permutation``, ``choice`` (without
replacement), ``multinomial``, ``poisson`` and ``binomial``. PCG64's raw stream never changes, but numpy
promises the *methods'* streams only for the same build on the same machine (NEP 19 and the
``numpy.random`` compatibility policy): a release may change a method's algorithm, and ``lognormal``,
``poisson`` and ``binomial`` go through the C library's ``exp`` / ``log``, which may round the last digit
differently on another platform and so flip a rounded or thresholded value now and then. Measured on
Linux x86_64 with CPython 3.11: the frames (every column of all four tables), :func:`fingerprint` and the
09.1.1–09.1.5 answers of the seeds ``alice``, ``bob``, ``screens`` and ``student`` are identical with
numpy 1.23.5, 1.24.4, 1.25.2, 1.26.4, 2.0.2, 2.1.3, 2.2.6, 2.3.5 and 2.4.6, and pandas 2.0.3, 2.1.4,
2.2.3, 2.3.3 and 3.1.1 (pandas only arranges numpy's numbers into frames). Older numpy was not checked
(pandas 2 on CPython 3.11 needs numpy 1.23.2 or later), nor other platforms. ``tests/sim/test_data.py``
keeps the digests of two seeds so that a numpy that draws other numbers fails there first; and whatever
the versions, each store keeps the digest of the data the student saw, so grading refuses, visibly,
to grade against data generated differently (``autograde/specs/p09_data.py``).
"""

from __future__ import annotations

import datetime as dt
import functools
import getpass
import hashlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .data_models import DataAnswer, DataStore
from .errors import SimError
from .permissions import require

if TYPE_CHECKING:
    import pandas as pd

    from .backend import Backend

__all__ = [
    "DataArea",
    "Kpis",
    "generate",
    "fingerprint",
    "kpis",
    "seed_identity",
    "START",
    "END",
    "DAYS",
    "PROMOTION",
    "SOURCES",
    "COUNTRIES",
    "TRAFFIC_COLUMNS",
    "PRODUCT_COLUMNS",
    "KEYWORD_COLUMNS",
    "COUNTRY_COLUMNS",
    "FRAME_NAMES",
    "DEFAULT_ROWS",
]

START = dt.date(2022, 7, 1)
DAYS = 92  # 2022-07-01 … 2022-09-30: the quarter before the scenario's today (2022-10-01)
END = START + dt.timedelta(days=DAYS - 1)
PROMOTION = (dt.date(2022, 9, 13), dt.date(2022, 9, 15))  # 九月采购节 大促: the spike in the data
DEFAULT_ROWS = 60_000
MAX_ROWS = 5_000_000

SOURCES = ("搜索", "P4P", "推荐", "RFQ", "橱窗", "直接访问", "社交媒体")
_KEYWORD_SOURCES = (0, 1)  # 搜索 and P4P (the first two sources) carry the buyer's search word

# (country as the backend shows it, 地区)
COUNTRIES = (
    ("United States", "北美"), ("Canada", "北美"), ("Mexico", "拉美"), ("Brazil", "拉美"), ("Chile", "拉美"),
    ("Colombia", "拉美"), ("Peru", "拉美"), ("Argentina", "拉美"), ("United Kingdom", "欧洲"),
    ("Germany", "欧洲"), ("France", "欧洲"), ("Italy", "欧洲"), ("Spain", "欧洲"), ("Netherlands", "欧洲"),
    ("Poland", "欧洲"), ("Sweden", "欧洲"), ("Russia", "欧洲"), ("Turkey", "中东"),
    ("United Arab Emirates", "中东"), ("Saudi Arabia", "中东"), ("Israel", "中东"), ("India", "南亚"),
    ("Pakistan", "南亚"), ("Bangladesh", "南亚"), ("Indonesia", "东南亚"), ("Philippines", "东南亚"),
    ("Vietnam", "东南亚"), ("Thailand", "东南亚"), ("Malaysia", "东南亚"), ("Singapore", "东南亚"),
    ("Japan", "东亚"), ("South Korea", "东亚"), ("Australia", "大洋洲"), ("New Zealand", "大洋洲"),
    ("Nigeria", "非洲"), ("South Africa", "非洲"), ("Kenya", "非洲"), ("Egypt", "非洲"),
)  # fmt: skip

# Column → what it means (shown in the notebook and on the screens).
TRAFFIC_COLUMNS = {
    "date": "日期（datetime64）",
    "product_id": "产品编号（对应 products 表）",
    "source": f"流量来源：{'、'.join(SOURCES)}",
    "country": "买家国家（英文名，对应 countries 表）",
    "keyword": "买家搜索词（只有“搜索”和“P4P”来源的行有，其他行为空值 NaN）",
    "impressions": "曝光：产品在搜索结果或类目列表里被买家看到的次数",
    "clicks": "点击：买家在列表里点击产品的次数",
    "visitors": "访客：访问产品页的买家数",
    "inquiries": "询盘：买家发来的有效询盘数",
    "orders": "订单数",
    "amount": "订单金额（美元）",
}
PRODUCT_COLUMNS = {
    "product_id": "产品编号",
    "title": "产品名称",
    "group": "产品分组",
    "tier": "产品分层：实力优品 或 普通",
    "showcase": "是否已放入橱窗（True/False）",
    "price_usd": "参考单价（美元）",
}
KEYWORD_COLUMNS = {
    "keyword": "关键词",
    "group": "所属产品分组",
    "in_p4p": "是否已加入外贸直通车（P4P）推广计划（True/False）",
    "search_index": "搜索热度（全站买家搜索这个词的相对热度）",
}
COUNTRY_COLUMNS = {"country": "国家", "region": "地区"}
FRAME_NAMES = ("traffic", "products", "keywords", "countries")

# Product groups: (分组, the store's storyline products in it, extra product names, keyword pool).
_GROUPS: tuple[tuple[str, tuple[int, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("积木拼装", (3168, 3169, 3180),
     ("Magnetic Building Tiles 60 PCS", "STEM Gear Building Kit", "Big Size Building Blocks 200 PCS",
      "Wooden Domino Blocks Set", "Castle Building Block Toy", "Train Track Blocks Set", "City Bricks Fire Station",
      "Marble Run Starter Set"),
     ("wooden", "building", "kids", "educational", "stem", "magnetic", "toddler"),
     ("blocks", "bricks", "building toys", "blocks set", "tiles", "construction toy")),
    ("遥控玩具", (3175,),
     ("RC Stunt Car 4WD", "Mini RC Drone for Kids", "Remote Control Boat High Speed", "RC Excavator Truck",
      "RC Racing Car 1/18", "Remote Control Dinosaur", "RC Monster Truck Waterproof"),
     ("rc", "remote control", "4wd", "high speed", "kids", "off road", "fpv"),
     ("car", "truck", "drone", "boat", "toy car", "racing car")),
    ("毛绒玩具", (3176, 3185),
     ("Plush Bear Toy 30cm", "Dinosaur Plush Pillow", "Unicorn Stuffed Animal", "Avocado Plush Cushion",
      "Cat Plush Toy Soft", "Shark Plush Pillow Large", "Custom Logo Plush Toy",
      "Christmas Plush Reindeer"),
     ("plush", "stuffed", "soft", "cute", "custom", "kawaii", "giant"),
     ("pillow", "toy", "animal", "bear", "cushion", "doll")),
    ("早教益智", (3177, 3179, 3187),
     ("Montessori Busy Board", "Wooden Shape Sorter", "Kids Learning Tablet", "Number Puzzle Board",
      "Balance Beam for Kids", "Sensory Toys Set", "Wooden Abacus Counting Toy"),
     ("montessori", "educational", "wooden", "sensory", "learning", "toddler", "baby"),
     ("toys", "board", "puzzle", "stacking toy", "rainbow", "drawing board")),
    ("女装", (3178,),
     ("Women Satin Slip Dress", "Floral Maxi Dress Summer", "Women Knit Cardigan", "Casual Linen Shirt Dress",
      "Women Evening Gown Long", "Plus Size Party Dress", "Women Sweater Dress Winter"),
     ("women", "midi", "bodycon", "evening", "casual", "party", "long sleeve"),
     ("dress", "dresses", "gown", "clothing", "skirt", "outfit")),
    ("童装", (3181, 3186),
     ("Girls Tutu Dress", "Baby Romper Cotton", "Kids Hoodie Set", "Boys T-shirt Shorts Set",
      "Toddler Winter Jacket", "Children Princess Costume", "Baby Girl Headband Set"),
     ("girls", "kids", "baby", "toddler", "children", "princess", "flower girl"),
     ("dress", "clothes", "sweater", "romper", "costume", "outfit")),
    ("母婴用品", (3170,),
     ("Silicone Baby Teether", "Baby Bottle Warmer", "Silicone Bib Waterproof", "Baby Food Storage Box",
      "Toddler Sippy Cup", "Baby Plate Suction", "Baby Bath Toy Set"),
     ("silicone", "baby", "bpa free", "toddler", "feeding", "suction", "newborn"),
     ("bowl", "spoon", "bib", "feeding set", "tableware", "plate")),
)  # fmt: skip
_KEYWORDS_PER_PRODUCT = 8
_TIER_STRONG, _TIER_PLAIN = "实力优品", "普通"
_PICK_STEPS = 1 << 16


# --- the seed ------------------------------------------------------------------------------------------
def seed_identity(project: str = "") -> tuple[str, str]:
    """(identity, where it came from): the JupyterHub user (nbgrader's student id on a hub), else the OS user.

    nbgrader names a student by the operating-system user, or by ``JUPYTERHUB_USER`` on a hub; the data seed
    follows the same rule, so the seed a student's data came from is the id the teacher's gradebook shows.
    """
    if project == "demo":
        return "demo", "演示店铺"
    hub = os.environ.get("JUPYTERHUB_USER", "").strip()
    if hub:
        return hub, "JupyterHub 用户名"
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name at all (a bare container)
        user = ""
    return (user or "student"), "操作系统用户名"


def _rng_seed(seed: str) -> int:
    return int.from_bytes(hashlib.sha256(f"alisim-09_data:{seed}".encode()).digest()[:8], "big")


# --- the catalogue ---------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _catalogue() -> tuple[tuple[tuple[int, str, int], ...], tuple[tuple[str, int], ...]]:
    """((product id, title, group index) …, (keyword, group index) …): the same for every seed."""
    from .scenarios.storyline import storyline_products

    titles = {p.id: p.title for p in storyline_products(dt.date(2022, 10, 1))}
    products: list[tuple[int, str, int]] = []
    keywords: dict[str, int] = {}
    next_id = 3200
    for g, (_name, own, extra, mods, nouns) in enumerate(_GROUPS):
        products += [(pid, titles.get(pid, f"Product {pid}"), g) for pid in own]
        for title in extra:
            products.append((next_id, title, g))
            next_id += 1
        for noun in nouns:
            keywords.setdefault(noun, g)
            for mod in mods:
                keywords.setdefault(f"{mod} {noun}", g)
    products.sort()
    return tuple(products), tuple(keywords.items())


# --- the generator ---------------------------------------------------------------------------------------
def _frames_uncached(seed: str, rows: int) -> dict[str, pd.DataFrame]:
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(_rng_seed(seed))
    products, keywords = _catalogue()
    n_p, n_k, n_c, n_s = len(products), len(keywords), len(COUNTRIES), len(SOURCES)
    group_of = np.array([g for _, _, g in products])

    # Days: weekly seasonality (buyers source on weekdays), a slow rise, the promotion spike, daily noise.
    day = np.arange(DAYS)
    weekday = (START.weekday() + day) % 7
    day_w = np.array([1.0, 1.08, 1.1, 1.05, 0.97, 0.68, 0.6])[weekday] * (1 + 0.3 * day / DAYS)
    promo = (day >= (PROMOTION[0] - START).days) & (day <= (PROMOTION[1] - START).days)
    day_w = day_w * np.where(promo, 2.2, 1.0) * rng.lognormal(0, 0.07, DAYS)

    # Products: exposure, click and inquiry factors; a few planted in each diagnostic group.
    exp_f = rng.lognormal(0, 0.25, n_p)
    ctr_f = rng.lognormal(0, 0.1, n_p)
    inq_f = rng.lognormal(0, 0.12, n_p)
    order = rng.permutation(n_p)
    a, b, c = (int(x) for x in rng.integers(3, 6, 3))  # how many planted in each group differs by seed
    low, hi_lo, click_lo = order[:a], order[a : a + b], order[a + b : a + b + c]
    exp_f[low] *= 0.15
    exp_f[hi_lo] *= 2.5
    ctr_f[hi_lo] *= 0.3
    exp_f[click_lo] *= 1.3
    ctr_f[click_lo] *= 1.6
    inq_f[click_lo] *= 0.15
    price = np.round(rng.uniform(1.5, 25.0, n_p), 2)

    # Countries: a long tail whose order differs from seed to seed (the United States usually near the top).
    rank = np.argsort(np.arange(n_c) + rng.normal(0, 3.0, n_c))
    country_w = np.empty(n_c)
    country_w[rank] = 1 / np.arange(1, n_c + 1) ** 1.05
    country_inq = rng.lognormal(0, 0.2, n_c)

    # Sources: share of rows, click-through and inquiry propensity.
    source_w = np.array([0.36, 0.2, 0.16, 0.06, 0.09, 0.08, 0.05]) * rng.lognormal(0, 0.15, n_s)
    source_ctr = np.array([1.0, 1.25, 0.8, 1.6, 1.1, 2.2, 0.9])
    source_inq = np.array([1.0, 1.2, 0.7, 2.0, 1.0, 1.4, 0.6])
    promo_boost = rng.lognormal(0, 0.35, n_s)  # the promotion lifts some sources more than others

    # Each product's search words: 8 of its group's pool, the first ones searched most (a long tail).
    pools = [np.array([k for k, (_, g) in enumerate(keywords) if g == gi]) for gi in range(len(_GROUPS))]
    kw_table = np.stack([rng.choice(pools[g], _KEYWORDS_PER_PRODUCT, replace=False) for g in group_of])
    kw_pos_w = 1 / np.arange(1, _KEYWORDS_PER_PRODUCT + 1) ** 1.3

    def pick(weights: Any, size: int) -> Any:
        """``size`` draws of an index with probability ∝ ``weights``, through a 2¹⁶-step inverse-CDF table."""
        cdf = np.cumsum(weights) / np.sum(weights)
        table = np.searchsorted(cdf, (np.arange(_PICK_STEPS) + 0.5) / _PICK_STEPS, side="right")
        return table[rng.integers(0, _PICK_STEPS, size)]

    d = np.repeat(day, rng.multinomial(rows, day_w / day_w.sum()))  # sorted by date
    p = pick(exp_f, rows)
    s = pick(source_w, rows)
    on_promo = promo[d]
    s[on_promo] = pick(source_w * promo_boost, int(on_promo.sum()))
    c = pick(country_w, rows)
    kw = kw_table[p, pick(kw_pos_w, rows)]
    kw[s > max(_KEYWORD_SOURCES)] = -1  # only 搜索 and P4P rows carry a search word

    # The funnel, drawn with fast approximations (a million rows in well under a second):
    # 曝光 ≈ Poisson(28) by its normal shape, 点击 ~ Poisson(曝光 × CTR) capped at 曝光, then thinning.
    impressions = np.maximum(1, np.rint(28.0 + 5.3 * rng.standard_normal(rows))).astype(np.int64)
    ctr = np.clip(0.04 * ctr_f[p] * source_ctr[s], 0, 0.6)
    clicks = np.minimum(rng.poisson(impressions * ctr), impressions)
    visitors = rng.binomial(clicks, 0.85)
    inq_rate = np.clip(0.1 * inq_f[p] * source_inq[s] * country_inq[c], 0, 0.9)
    inquiries = np.zeros(rows, dtype=np.int64)
    seen = visitors > 0
    inquiries[seen] = rng.binomial(visitors[seen], inq_rate[seen])
    orders = np.zeros(rows, dtype=np.int64)
    asked = inquiries > 0
    orders[asked] = rng.binomial(inquiries[asked], 0.12)
    amount = np.zeros(rows)
    sold = orders > 0
    amount[sold] = np.round(orders[sold] * price[p[sold]] * rng.lognormal(5.3, 0.5, int(sold.sum())), 2)

    ids = np.array([pid for pid, _, _ in products])
    traffic = pd.DataFrame(
        {
            "date": (np.datetime64(START, "D") + d).astype("datetime64[ns]"),
            "product_id": ids[p],
            "source": pd.Categorical.from_codes(s, SOURCES),
            "country": pd.Categorical.from_codes(c, [name for name, _ in COUNTRIES]),
            "keyword": pd.Categorical.from_codes(kw, [k for k, _ in keywords]),
            "impressions": impressions,
            "clicks": clicks,
            "visitors": visitors,
            "inquiries": inquiries,
            "orders": orders,
            "amount": amount,
        },
        copy=False,  # the arrays are fresh: no copy, no consolidation into one block
    )

    # Products: 10 实力优品, most of them already in the store's showcases.
    strong = rng.choice(n_p, 10, replace=False)
    tier = np.full(n_p, _TIER_PLAIN, dtype=object)
    tier[strong] = _TIER_STRONG
    showcase = np.zeros(n_p, dtype=bool)
    showcase[strong[: rng.integers(6, 9)]] = True
    others = np.setdiff1d(np.arange(n_p), strong)
    showcase[rng.choice(others, 10 - int(showcase.sum()), replace=False)] = True
    product_frame = pd.DataFrame(
        {
            "product_id": ids,
            "title": [t for _, t, _ in products],
            "group": [_GROUPS[g][0] for g in group_of],
            "tier": tier.astype(str),
            "showcase": showcase,
            "price_usd": price,
        }
    )
    keyword_frame = pd.DataFrame(
        {
            "keyword": [k for k, _ in keywords],
            "group": [_GROUPS[g][0] for _, g in keywords],
            "in_p4p": rng.random(n_k) < 0.3,
            "search_index": np.round(rng.lognormal(7, 1.0, n_k)).astype(int),
        }
    )
    country_frame = pd.DataFrame(
        {"country": [name for name, _ in COUNTRIES], "region": [r for _, r in COUNTRIES]}
    )
    return {
        "traffic": traffic,
        "products": product_frame,
        "keywords": keyword_frame,
        "countries": country_frame,
    }


@functools.lru_cache(maxsize=4)
def _frames_cached(seed: str, rows: int) -> dict[str, pd.DataFrame]:
    return _frames_uncached(seed, rows)


def generate(seed: str, rows: int | None = None, *, cache: bool = True) -> dict[str, pd.DataFrame]:
    """The store's dataset for ``seed``: a dict of fresh DataFrames (``rows`` traffic rows, default 60 000)."""
    if not isinstance(seed, str) or not seed:
        raise SimError("数据种子必须是一段非空文字（学生的用户名）")
    rows = DEFAULT_ROWS if rows is None else rows
    if isinstance(rows, bool) or not isinstance(rows, int) or not 1_000 <= rows <= MAX_ROWS:
        raise SimError(f"数据行数必须是 1000–{MAX_ROWS} 之间的整数（收到 {rows!r}）")
    frames = _frames_cached(seed, rows) if cache else _frames_uncached(seed, rows)
    return {name: frame.copy() for name, frame in frames.items()} if cache else frames


def fingerprint(traffic: pd.DataFrame) -> str:
    """A short digest of the traffic data (daily sums of the metrics): equal data, equal digest."""
    daily = traffic.groupby("date")[list(TRAFFIC_COLUMNS)[5:10]].sum()
    return hashlib.sha256(daily.to_numpy(dtype="int64").tobytes()).hexdigest()[:16]


# --- KPIs ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Kpis:
    """The store's totals for a period and the rates built on them (rates in percent)."""

    impressions: int
    clicks: int
    visitors: int
    inquiries: int
    orders: int
    amount: float

    @property
    def ctr(self) -> float | None:
        """点击率 = 点击 / 曝光, in percent."""
        return 100 * self.clicks / self.impressions if self.impressions else None

    @property
    def inquiry_rate(self) -> float | None:
        """询盘转化率 = 询盘 / 访客, in percent."""
        return 100 * self.inquiries / self.visitors if self.visitors else None

    @property
    def order_rate(self) -> float | None:
        """订单转化率 = 订单 / 询盘, in percent."""
        return 100 * self.orders / self.inquiries if self.inquiries else None


def _mask(traffic: pd.DataFrame, start: Any, end: Any, **filters: Any) -> Any:
    import pandas as pd

    m = (traffic["date"] >= pd.Timestamp(start)) & (traffic["date"] <= pd.Timestamp(end))
    for column, value in filters.items():
        if value not in (None, "", "全部"):
            m &= traffic[column] == value
    return m


def kpis(traffic: pd.DataFrame, start: Any = START, end: Any = END, **filters: Any) -> Kpis:
    """Totals of ``traffic`` from ``start`` to ``end`` (both included), optionally filtered by column values."""
    part = traffic.loc[_mask(traffic, start, end, **filters), list(TRAFFIC_COLUMNS)[5:]]
    sums = part.sum()
    return Kpis(
        int(sums["impressions"]), int(sums["clicks"]), int(sums["visitors"]),
        int(sums["inquiries"]), int(sums["orders"]), round(float(sums["amount"]), 2),
    )  # fmt: skip


def summarize(
    traffic: pd.DataFrame, by: str, start: Any = START, end: Any = END, **filters: Any
) -> pd.DataFrame:
    """Sums of the metrics by ``by`` (a column, or "week") with 点击率 and 询盘率 (percent) added."""
    part = traffic.loc[_mask(traffic, start, end, **filters)]
    key = part["date"].dt.to_period("W-SUN").dt.start_time if by == "week" else part[by]
    metrics = list(TRAFFIC_COLUMNS)[5:]
    out = part[metrics].groupby(key, observed=True).sum()
    out.index.name = by
    out["ctr"] = (100 * out["clicks"] / out["impressions"]).round(2)
    out["inquiry_rate"] = (100 * out["inquiries"] / out["visitors"].where(out["visitors"] > 0)).round(2)
    return out


# --- the backend area ------------------------------------------------------------------------------------
class DataArea:
    """数据管家: the store's dataset (from the saved seed), its KPIs, and the submitted analysis results."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    # the seed ---------------------------------------------------------------------------------------------
    def seed(self) -> str:
        """The identity the data is generated from: saved on first open, the same ever after."""
        store = self.backend.state.data
        if store is None:
            identity, source = seed_identity(self.backend.project)
            with self.backend.transaction("data.seed", f"{source}") as work:
                if work.data is None:  # another kernel may have saved it meanwhile
                    work.data = DataStore(
                        seed=identity, seed_source=source, created_at=dt.datetime.now().replace(microsecond=0)
                    )
            store = self.backend.state.data
        return store.seed

    # reading ----------------------------------------------------------------------------------------------
    def frames(self) -> dict[str, pd.DataFrame]:
        """The dataset as DataFrames: ``traffic``, ``products``, ``keywords``, ``countries`` (fresh copies)."""
        self._traffic()
        return generate(self.seed())

    def frame(self, name: str) -> pd.DataFrame:
        if name not in FRAME_NAMES:
            raise SimError(f"没有叫 {name!r} 的数据表（可选：{'、'.join(FRAME_NAMES)}）")
        return self.frames()[name]

    def _traffic(self) -> pd.DataFrame:
        require(self.backend, "data.store")
        seed = self.seed()
        traffic = _frames_cached(seed, DEFAULT_ROWS)["traffic"]
        if not self.backend.state.data.fingerprint:  # the first time the data is generated: note its digest
            digest = fingerprint(traffic)
            with self.backend.transaction("data.fingerprint", digest) as work:
                work.data.fingerprint = work.data.fingerprint or digest
        return traffic

    def kpis(self, start: Any = START, end: Any = END, **filters: Any) -> Kpis:
        """The store's totals and rates for a period (both ends included), e.g. ``source="P4P"``."""
        start, end = _period(start, end)
        return kpis(self._traffic(), start, end, **_filters(filters))

    def previous_period(self, start: Any, end: Any) -> tuple[dt.date, dt.date]:
        """The period of the same length just before ``start`` … ``end`` (环比)."""
        start, end = _period(start, end)
        length = (end - start).days + 1
        return start - dt.timedelta(days=length), start - dt.timedelta(days=1)

    def summary(self, by: str, start: Any = START, end: Any = END, **filters: Any) -> pd.DataFrame:
        """Metrics summed by ``by`` (date, week, product_id, source, country or keyword) for a period."""
        if by not in ("date", "week", "product_id", "source", "country", "keyword"):
            raise SimError(f"不能按 {by!r} 汇总")
        start, end = _period(start, end)
        return summarize(self._traffic(), by, start, end, **_filters(filters))

    def csv(self, name: str, start: Any = START, end: Any = END, **filters: Any) -> bytes:
        """A table as CSV bytes (UTF-8 with BOM, so Excel shows the Chinese): traffic limited to the period."""
        if name not in FRAME_NAMES:
            raise SimError(f"没有叫 {name!r} 的数据表（可选：{'、'.join(FRAME_NAMES)}）")
        if name == "traffic":
            start, end = _period(start, end)
            traffic = self._traffic()
            frame = traffic.loc[_mask(traffic, start, end, **_filters(filters))]
        else:
            frame = self.frames()[name]
        return frame.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8-sig")

    # the answers ------------------------------------------------------------------------------------------
    def submit(self, task_id: str, values: dict[str, Any]) -> list[str]:
        """提交分析结果: check the answers' form (numbers, lists of known names) and save them for the task."""
        from .data_tasks import TASKS, check_answers

        require(self.backend, "data.store")
        if task_id not in TASKS:
            raise SimError(f"没有编号为 {task_id} 的数据分析任务（可选：{'、'.join(TASKS)}）")
        self.seed()
        products, keywords = _catalogue()
        names = {
            "products": [pid for pid, _, _ in products],
            "keywords": [k for k, _ in keywords],
            "countries": [c for c, _ in COUNTRIES],
            "source": SOURCES,
        }
        numbers, items, advice = check_answers(task_id, values, names)
        with self.backend.transaction("data.submit", task_id) as work:
            work.data.answers[task_id] = DataAnswer(
                task_id=task_id, numbers=numbers, items=items,
                submitted_at=self.backend.now(), owner=work.acting_as,
            )  # fmt: skip
        return advice

    def answer(self, task_id: str) -> DataAnswer | None:
        store = self.backend.state.data
        return None if store is None else store.answers.get(task_id)


def _period(start: Any, end: Any) -> tuple[dt.date, dt.date]:
    from .errors import FieldErrors

    errors = FieldErrors()
    out = []
    for key, label, value in (("start", "开始日期", start), ("end", "结束日期", end)):
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                errors.add(key, f"{label}要写成 年-月-日，如 2022-09-01", "date")
                continue
        if hasattr(value, "date") and not isinstance(value, dt.date):  # a pandas Timestamp
            value = value.date()
        if not isinstance(value, dt.date):
            errors.add(key, f"{label}要写成 年-月-日，如 2022-09-01", "date")
            continue
        if not START <= value <= END:
            errors.add(key, f"{label}要在数据范围 {START} 至 {END} 之内", "range")
            continue
        out.append(value)
    if not errors and out[0] > out[1]:
        errors.add("end", "结束日期不能早于开始日期", "order")
    errors.raise_if_any()
    return out[0], out[1]


def _filters(filters: dict[str, Any]) -> dict[str, Any]:
    allowed = {"source": SOURCES, "country": tuple(n for n, _ in COUNTRIES)}
    out = {}
    for key, value in filters.items():
        if key == "product_id":
            if value not in (None, "", "全部"):
                ids = {pid for pid, _, _ in _catalogue()[0]}
                try:
                    value = int(value)
                except (TypeError, ValueError):
                    value = -1
                if value not in ids:
                    raise SimError(f"没有编号为 {value} 的产品")
            out[key] = value
        elif key in allowed:
            if value not in (None, "", "全部") and value not in allowed[key]:
                raise SimError(f"筛选条件 {key} 没有 {value!r} 这个选项")
            out[key] = value
        else:
            raise SimError(f"不能按 {key!r} 筛选（可选：source、country、product_id）")
    return out
