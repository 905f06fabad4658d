"""The product category tree (类目) of the publishing page: browse it, search it, look a path up.

Paths are shown in Chinese as the backend shows them (``玩具 >> 积木``); every node also has its English
name, so ``Health & Medical > Medical Devices`` (the textbook's class-III list, L1658-1665) finds the same
leaf. Only leaves can be chosen (精准类目, L1723-1773). The six class-III medical-device categories are
*restricted*: publishing there needs the certificate of ``rules.MEDICAL_III_CERTIFICATE``. Prohibited
goods (the 17 classes of L1641-1649) have no category at all: searching for them says which class bans them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rules

__all__ = [
    "Category",
    "Attribute",
    "ATTRIBUTES",
    "CATEGORIES",
    "PROHIBITED_TERMS",
    "SearchResult",
    "roots",
    "children",
    "find",
    "search",
    "split_path",
    "attribute_keys",
    "prohibited_term_in",
]

SEP = " >> "


@dataclass(frozen=True)
class Attribute:
    """One product attribute of the form (商品属性): its key, labels and how it is typed."""

    key: str
    label: str
    en: str
    options: tuple[str, ...] = ()  # a multi-choice attribute when not empty


ATTRIBUTES: dict[str, Attribute] = {
    a.key: a
    for a in (
        Attribute("place_of_origin", "原产地", "Place of Origin"),
        Attribute("brand", "品牌", "Brand Name"),
        Attribute("material", "材质", "Material"),
        Attribute("scene", "场景", "Scene"),  # L2019
        Attribute("feature", "产品特性", "Feature"),
        Attribute(
            "features",
            "产品特性",  # multi-choice: the screen shows it as a multiselect (no doubled brackets)
            "Features",
            (
                "Washable",
                "Breathable",
                "Anti-static",
                "Anti-pilling",
                "Anti-wrinkle",
                "Anti-shrink",
                "Eco-friendly",
                "Quick Dry",
                "Sustainable",
                "Plus Size",
            ),
        ),  # fmt: skip
        Attribute("color", "颜色", "Color"),
        Attribute("size", "尺码", "Size"),
        Attribute("model_number", "型号", "Model Number"),
    )
}

# Attribute sets by top-level category: (required, optional). Required ones are starred (L1884).
_ATTRIBUTE_SETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "toys": (("place_of_origin", "brand", "material"), ("scene", "feature", "color", "model_number")),
    "apparel": (("place_of_origin", "brand"), ("features", "color", "size", "material", "model_number")),
    "general": (("place_of_origin", "brand"), ("material", "color", "size", "model_number")),
}


@dataclass(frozen=True)
class Category:
    """A leaf of the tree: its Chinese path, its English path and what publishing there needs."""

    path: tuple[str, ...]
    en: tuple[str, ...]
    attribute_set: str = "general"
    certificate: str = ""  # a restricted category: the certificate the store must hold
    words: tuple[str, ...] = field(default=(), compare=False)  # extra search words

    @property
    def text(self) -> str:
        return SEP.join(self.path)

    @property
    def en_text(self) -> str:
        return " > ".join(self.en)

    @property
    def restricted(self) -> bool:
        return bool(self.certificate)

    def __str__(self) -> str:
        return self.text


# The tree: (Chinese, English, attribute set or None to inherit, extra search words) → children.
# Enough of the backend's tree for the storyline's goods (toys, apparel, mother & kids, home, sports…),
# the textbook's own examples (L1771-1773 office furniture) and the six class-III categories.
_N = tuple[str, str, str | None, tuple[str, ...]]
_TREE: dict[_N, dict] = {
    ("玩具", "Toys & Hobbies", "toys", ("toy", "toys")): {
        ("积木", "Building Blocks", None, ("blocks", "bricks", "building", "marble run")): {},
        ("遥控玩具", "RC Toys", None, ("rc", "remote control", "rc car", "drone")): {},
        ("毛绒玩具", "Stuffed & Plush Toys", None, ("plush", "stuffed", "pillow", "doll")): {},
        ("益智玩具", "Educational Toys", None, ("educational", "montessori", "puzzle", "stacking")): {},
        ("户外玩具", "Outdoor Toys", None, ("outdoor", "balance", "swing", "sand")): {},
        ("娃娃及配件", "Dolls & Accessories", None, ("doll", "dolls")): {},
        ("模型玩具", "Model Toys", None, ("model", "diecast")): {},
    },
    ("服装", "Apparel", "apparel", ("clothes", "clothing")): {
        ("女装", "Women's Clothing", None, ("women", "ladies")): {
            ("连衣裙", "Dresses", None, ("dress", "dresses", "gown")): {},
            ("女士上衣", "Women's Tops", None, ("top", "blouse", "t-shirt")): {},
            ("半身裙", "Skirts", None, ("skirt",)): {},
        },
        ("男装", "Men's Clothing", None, ("men",)): {
            ("男士T恤", "Men's T-Shirts", None, ("t-shirt", "tee")): {},
            ("男士夹克", "Men's Jackets", None, ("jacket", "coat")): {},
        },
        ("儿童服装", "Children's Clothing", None, ("kids", "children", "girls", "boys")): {
            ("儿童连衣裙", "Girls' Dresses", None, ("dress", "dresses", "princess", "gown")): {},
            ("儿童T恤", "Children's T-Shirts", None, ("t-shirt", "tee")): {},
            ("儿童套装", "Children's Clothing Sets", None, ("set", "suit")): {},
        },
        ("婴儿服装", "Baby Clothing", None, ("baby", "infant")): {
            ("婴儿连体衣", "Baby Rompers", None, ("romper", "onesie")): {},
        },
    },
    ("鞋", "Shoes", "apparel", ("shoe", "shoes")): {
        ("童鞋", "Children's Shoes", None, ("kids shoes",)): {},
        ("运动鞋", "Sports Shoes", None, ("sneakers", "running")): {},
    },
    ("母婴用品", "Mother & Kids", "general", ("baby", "maternity")): {
        ("婴儿喂养", "Baby Feeding", None, ("feeding",)): {
            ("婴儿餐具", "Baby Tableware", None, ("bowl", "spoon", "plate", "silicone")): {},
            ("奶瓶", "Baby Bottles", None, ("bottle", "feeder")): {},
        },
        ("婴儿推车", "Strollers", None, ("stroller", "pram")): {},
        ("尿布", "Diapers", None, ("diaper", "nappy")): {},
        ("孕妇用品", "Maternity Products", None, ("maternity", "pregnancy")): {},
    },
    ("家居用品", "Home & Garden", "general", ("home",)): {
        ("家纺", "Home Textile", None, ("textile",)): {
            ("抱枕", "Cushions & Pillows", None, ("pillow", "cushion")): {},
            ("床上用品", "Bedding", None, ("bedding", "sheet", "duvet")): {},
        },
        ("厨房用品", "Kitchenware", None, ("kitchen", "cookware")): {},
        ("家居装饰", "Home Decor", None, ("decor", "decoration", "halloween")): {},
        ("收纳用品", "Storage", None, ("storage", "organizer")): {},
    },
    ("家具", "Furniture", "general", ("furniture",)): {
        ("商用家具", "Commercial Furniture", None, ()): {
            ("办公家具", "Office Furniture", None, ("office",)): {
                ("办公桌", "Office Desks", None, ("desk",)): {},
                ("电脑桌", "Computer Desks", None, ("computer desk",)): {},
                ("办公椅", "Office Chairs", None, ("chair",)): {},
            },
        },
        ("家用家具", "Home Furniture", None, ()): {
            ("沙发", "Sofas", None, ("sofa", "couch")): {},
            ("床", "Beds", None, ("bed",)): {},
        },
    },
    ("运动娱乐", "Sports & Entertainment", "general", ("sports", "fitness")): {
        ("健身器材", "Fitness & Body Building", None, ("fitness", "gym")): {
            ("平衡板", "Balance Boards", None, ("balance board", "wobble board")): {},
            ("瑜伽垫", "Yoga Mats", None, ("yoga",)): {},
        },
        ("户外运动", "Outdoor Sports", None, ("camping",)): {
            ("帐篷", "Tents", None, ("tent",)): {},
        },
        ("球类", "Balls", None, ("ball", "football", "basketball")): {},
    },
    ("消费电子", "Consumer Electronics", "general", ("electronics",)): {
        ("耳机", "Earphones & Headphones", None, ("earphone", "headphone", "headset")): {},
        ("手机配件", "Mobile Phone Accessories", None, ("phone case", "charger")): {},
    },
    ("美容个护", "Beauty & Personal Care", "general", ("beauty",)): {
        ("美容设备", "Beauty Equipment", None, ("beauty machine",)): {
            ("高强度聚焦超声面部美容仪器", "HIFU", None, ("hifu", "ultrasound")): {},
            ("冷冻减脂仪", "Cry lipolysis Slimming Machine", None, ("cryolipolysis", "slimming")): {},
            ("家用美容仪", "Home Beauty Devices", None, ("facial massager",)): {},
        },
        ("护肤", "Skin Care", None, ("skin",)): {
            ("皮下填充剂", "Dermal filler", None, ("filler", "hyaluronic")): {},
            ("面霜", "Face Cream", None, ("cream", "moisturizer")): {},
        },
    },
    ("医疗保健", "Health & Medical", "general", ("medical", "health")): {
        ("医疗器械", "Medical Devices", None, ("medical device",)): {},
        ("医用耗材", "Medical consumables", None, ("consumables", "syringe", "bandage")): {},
        ("按摩保健", "Massage & Relaxation", None, ("massager", "massage")): {},
    },
    ("钟表珠宝眼镜", "Timepieces, Jewelry, Eyewear", "general", ("jewelry", "watch")): {
        ("眼镜", "Eyewear", None, ("glasses",)): {
            ("隐形眼镜", "Contact Lenses", None, ("contact lens", "lenses")): {},
            ("太阳镜", "Sunglasses", None, ("sunglasses",)): {},
        },
        ("手表", "Watches", None, ("watch",)): {},
        ("首饰", "Jewelry", None, ("necklace", "ring", "earrings")): {},
    },
}


def _leaves() -> tuple[Category, ...]:
    out: list[Category] = []

    def walk(node: dict, path: tuple, en: tuple, attr: str, words: tuple) -> None:
        for (cn, en_name, attr_set, extra), kids in node.items():
            p, e, a, w = (*path, cn), (*en, en_name), attr_set or attr, (*words, *extra)
            if kids:
                walk(kids, p, e, a, w)
            else:
                cert = rules.MEDICAL_III_CERTIFICATE if " > ".join(e) in rules.MEDICAL_III_CATEGORIES else ""
                out.append(Category(p, e, a, cert, w))

    walk(_TREE, (), (), "general", ())
    return tuple(out)


CATEGORIES: tuple[Category, ...] = _leaves()

# Search words that name prohibited goods → the class of L1641-1649 that bans them, in the classes' own
# vocabulary, Chinese and English (every class has both). English terms are matched as whole words (titles
# and keywords are checked with them too); Chinese ones as substrings. Class 7 (医疗器械) names only what
# stays banned: class-III devices are restricted, not banned (L1655-1665), and have their own categories.
PROHIBITED_TERMS: dict[str, int] = {
    **dict.fromkeys(
        ("cannabis", "marijuana", "heroin", "cocaine", "opium", "methamphetamine", "ketamine", "drug pipe",
         "大麻", "毒品", "冰毒", "海洛因", "可卡因", "鸦片", "吸毒工具"), 1,
    ),
    **dict.fromkeys(
        ("gunpowder", "explosive", "explosives", "dynamite", "detonator", "detonators", "cyanide",
         "sulfuric acid", "hazardous chemicals", "炸药", "雷管", "硫酸", "氰化物", "危险化学品", "易燃易爆"), 2,
    ),
    **dict.fromkeys(
        ("gun", "guns", "firearm", "firearms", "pistol", "pistols", "rifle", "rifles", "shotgun", "shotguns",
         "revolver", "ammunition", "ammo", "bullet", "bullets", "cartridges", "gun parts", "silencer",
         "枪支", "弹药", "子弹", "手枪", "步枪", "猎枪", "气枪", "枪械", "消音器"), 3,
    ),
    **dict.fromkeys(
        ("switchblade", "switchblades", "butterfly knife", "dagger", "daggers", "crossbow", "crossbows",
         "brass knuckles", "stun gun", "taser", "tasers", "管制刀具", "弹簧刀", "匕首", "弓弩", "电击器",
         "电击枪", "甩棍"), 4,
    ),
    **dict.fromkeys(
        ("police uniform", "military uniform", "police badge", "bulletproof vest", "body armor", "handcuffs",
         "警服", "军服", "警用装备", "警徽", "防弹衣", "手铐"), 5,
    ),
    **dict.fromkeys(
        ("prescription drug", "prescription drugs", "prescription medicine", "antibiotics", "painkillers",
         "sleeping pills", "pharmaceuticals", "处方药", "药品", "抗生素", "安眠药", "止痛药"), 6,
    ),
    **dict.fromkeys(
        ("used medical device", "used medical devices", "second-hand medical equipment",
         "二手医疗器械", "翻新医疗器械"), 7,
    ),
    **dict.fromkeys(("porn", "pornographic", "pornography", "obscene", "色情", "淫秽", "低俗"), 8),
    **dict.fromkeys(
        ("spy camera", "hidden camera", "signal jammer", "gps jammer", "lock picks", "lock pick set",
         "窃听器", "信号屏蔽器", "针孔摄像头", "开锁工具"), 9,
    ),
    **dict.fromkeys(
        ("fake diploma", "fake id", "hacking service", "fake reviews", "办证", "代考", "刷单", "黑客服务"), 10,
    ),
    **dict.fromkeys(
        ("cultural relic", "cultural relics", "antique coin", "antique coins", "文物", "古钱币", "古董"), 11,
    ),
    **dict.fromkeys(
        ("ivory", "rhino horn", "pangolin", "shark fin", "human organ", "human organs", "electrofishing",
         "象牙", "犀牛角", "穿山甲", "人体器官", "电鱼机", "炸鱼"), 12,
    ),
    **dict.fromkeys(
        ("state secrets", "classified documents", "separatist", "反动", "国家机密", "分裂国家"), 13,
    ),
    **dict.fromkeys(
        ("cigarette", "cigarettes", "e-cigarette", "e-cigarettes", "electronic cigarette", "tobacco",
         "cigar", "cigars", "vape", "vapes", "vape pen", "vaping", "e-cig", "e-liquid", "hookah",
         "香烟", "烟草", "电子烟", "烟油", "雪茄", "烟丝"), 14,
    ),
    **dict.fromkeys(
        ("gambling", "slot machine", "slot machines", "casino", "roulette wheel", "赌博", "老虎机", "赌具",
         "赌场"), 15,
    ),
    **dict.fromkeys(
        ("counterfeit money", "counterfeit currency", "fake money", "prop money", "假币", "伪钞", "冥币"), 16,
    ),
    **dict.fromkeys(("counterfeit", "replica", "fake brand", "仿冒", "假冒", "劣质", "高仿"), 17),
}  # fmt: skip

# Ordinary goods whose names contain a prohibited word ("glue gun", "水枪"): removed from the text before
# the prohibited terms are looked for, so a toy store's water gun is not a firearm.
ORDINARY_PHRASES = (
    "water gun", "water guns", "toy gun", "toy guns", "glue gun", "hot glue gun", "spray gun", "paint gun",
    "massage gun", "heat gun", "nail gun", "grease gun", "caulking gun", "bubble gun", "gun metal",
    "水枪", "玩具枪", "玩具手枪", "胶枪", "喷枪", "筋膜枪", "泡泡枪",
)  # fmt: skip


def split_path(text: str) -> tuple[str, ...]:
    """``"服装 > 儿童服装 > 儿童连衣裙"`` or ``"玩具 >> 积木"`` → its parts (any of > >> / 》 between)."""
    return tuple(p.strip() for p in re.split(r"\s*(?:>>|>|/|》|»)\s*", text.strip()) if p.strip())


def find(text: str) -> Category | None:
    """The leaf whose Chinese or English path is ``text`` (separators and case do not matter)."""
    if not isinstance(text, str):
        return None
    parts = tuple(p.casefold() for p in split_path(text))
    for cat in CATEGORIES:
        if parts in (tuple(p.casefold() for p in cat.path), tuple(p.casefold() for p in cat.en)):
            return cat
    return None


def roots() -> list[str]:
    """The top-level categories in menu order."""
    return [cn for (cn, *_rest) in _TREE]


def children(path: tuple[str, ...]) -> list[str]:
    """The names one level below ``path`` (empty for a leaf or an unknown path)."""
    node = _TREE
    for name in path:
        for key, kids in node.items():
            if key[0] == name:
                node = kids
                break
        else:
            return []
    return [key[0] for key in node]


def prohibited_term_in(text: str) -> tuple[str, int] | None:
    """The first prohibited term in ``text`` (whole words, case-insensitive) and its class number."""
    low = text.casefold()
    for phrase in ORDINARY_PHRASES:
        low = re.sub(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", " ", low)
    # Longest first: "stun gun" (class 4) and "e-cigarette" win over "gun" and "cigarette".
    for term, number in sorted(PROHIBITED_TERMS.items(), key=lambda t: -len(t[0])):
        if term.isascii():
            if re.search(rf"(?<![a-z0-9]){re.escape(term)}(?![a-z0-9])", low):
                return term, number
        elif term in low:
            return term, number
    return None


@dataclass(frozen=True)
class SearchResult:
    """What the category search box finds: leaves, or the prohibited class that bans the goods."""

    term: str
    categories: tuple[Category, ...] = ()
    prohibited: tuple[str, int] | None = None  # (term, class number)

    @property
    def message(self) -> str:
        if self.prohibited:
            word, number = self.prohibited
            return (
                f"“{word}”属于禁售商品（禁售类第 {number} 类：{rules.PROHIBITED_CLASSES[number]}），"
                "平台禁止发布，没有可选的类目"
            )
        if not self.term:
            return "请输入产品关键词，例如 building blocks 或 积木"
        if not self.categories:
            return f"没有找到与“{self.term}”相关的类目，请换一个词，或按类目逐级选择"
        return f"找到 {len(self.categories)} 个相关类目"


def search(term: str, limit: int = 12) -> SearchResult:
    """Search the tree by a keyword (Chinese or English); the best matches first."""
    term = (term or "").strip()[:60] if isinstance(term, str) else ""
    if not term:
        return SearchResult("")
    hit = prohibited_term_in(term)
    if hit:
        return SearchResult(term, prohibited=hit)
    low = term.casefold()
    scored = []
    for cat in CATEGORIES:
        leaf = (cat.path[-1].casefold(), cat.en[-1].casefold())
        names = [p.casefold() for p in (*cat.path, *cat.en)]
        words = [w.casefold() for w in cat.words]
        if low in leaf or any(low == w for w in words):
            score = 0
        elif any(low in w or w in low for w in words) or any(low in n for n in names):
            score = 1
        else:
            continue
        scored.append((score, len(cat.path), cat.text, cat))
    scored.sort(key=lambda t: t[:3])
    return SearchResult(term, tuple(c for *_k, c in scored[:limit]))


def attribute_keys(category: Category) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(required, optional) attribute keys of a category."""
    return _ATTRIBUTE_SETS[category.attribute_set]
