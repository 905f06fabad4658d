"""客户通's customers for 06_crm and the demo: 60+ customers with source, country, tags and dated behaviour.

Deterministic. A few customers are built by hand because the tasks and their tests lean on them:

- the three repeat buyers of task 06.3.4 (Kouakouanicet Kouassi, AsifVarachia, David Timko);
- buyers in 美国, 巴西 and 俄罗斯联邦 whose last inquiry is 0-29 days old (members of task 06.3.5's dynamic group
  on the scenario day) or 29 days old (gone one day later), and buyers there whose inquiries are older;
- the customers of the textbook's screenshots (Fred leemie of Fred's Inc, Ihara Nurhaini, Mauricio Gaviria…).

The others get a seeded mix of visits, inquiries, orders, favourites and follows over the last 120 days.
"""

from __future__ import annotations

import datetime as dt
import random

from ..crm_models import CustomerEvent, MailSetup
from ..ownership_models import Customer
from ..security import hash_password
from ..state import StoreState

__all__ = ["TASK_CUSTOMERS", "DYNAMIC_MEMBERS", "MAIL_DOMAIN", "customers", "seed_crm", "seed_mail_setup"]

TASK_CUSTOMERS = ("Kouakouanicet Kouassi", "AsifVarachia", "David Timko")  # task 06.3.4 (L2898)
# Task 06.3.5's group on the scenario day (美国, 巴西, 俄罗斯联邦; an inquiry in the last 30 days).
DYNAMIC_MEMBERS = ("CU-104", "CU-105", "CU-106", "CU-107", "CU-108", "CU-109")
MAIL_DOMAIN = "dianyue2022.com"  # the own domain registered at Alibaba Cloud (L2696)

# Products of the storyline store (scenarios/products_data.py) by what buyers look at.
_TOYS = (3168, 3169, 3175, 3176, 3177, 3179, 3180, 3185, 3187)
_RC = 3175  # DEERC DE36W RC car (玩具 >> 遥控玩具)
_DRESSES = (3178, 3181, 3186)
_BABY = (3170,)

# (id, name, company, country, email, source, pool, tags, fan, events as (kind, days ago, product id))
_HAND: tuple = (
    ("CU-101", "Kouakouanicet Kouassi", "Kouassi Distribution SARL", "科特迪瓦", "k.kouassi@kouassidist.ci",
     "询盘客户", "我的客户", ["回购客户", "批发商"], True,
     [("访问", 70, 3168), ("询盘", 68, 3168), ("下单", 60, 3168), ("访问", 20, 3180), ("下单", 12, 3180)]),
    ("CU-102", "AsifVarachia", "Varachia Trading (Pty) Ltd", "南非", "asif@varachiatrading.co.za",
     "旺旺客户", "我的客户", ["回购客户"], False,
     [("访问", 95, 3176), ("下单", 88, 3176), ("访问", 40, 3185), ("收藏", 40, 3185), ("下单", 33, 3185)]),
    ("CU-103", "David Timko", "Timko Toys LLC", "美国", "david.timko@timkotoys.com",
     "询盘客户", "我的客户", ["回购客户", "零售商"], True,
     [("询盘", 41, 3175), ("下单", 38, 3175), ("访问", 9, 3175), ("下单", 5, 3177)]),
    # 06.3.5: 美国 / 巴西 / 俄罗斯联邦 with an inquiry in the last 30 days (today included) ...
    ("CU-104", "Amy Tang", "Tang Home Goods Inc", "美国", "amy.tang@tanghomegoods.com",
     "询盘客户", "我的客户", ["新客户"], False, [("访问", 4, 3179), ("询盘", 3, 3179)]),
    ("CU-105", "Lucas Oliveira", "Oliveira Brinquedos Ltda", "巴西", "lucas@oliveirabrinquedos.com.br",
     "询盘客户", "我的客户", [], False, [("访问", 12, 3175), ("询盘", 10, 3175), ("访问", 2, 3175)]),
    ("CU-106", "Dmitry Volkov", "Volkov Trade LLC", "俄罗斯联邦", "d.volkov@volkovtrade.ru",
     "旺旺客户", "我的客户", ["批发商"], True, [("询盘", 18, 3168), ("访问", 17, 3168)]),
    ("CU-107", "Mariana Costa", "Costa Kids Moda", "巴西", "mariana@costakids.com.br",
     "名片", "我的客户", [], False, [("访问", 27, 3181), ("询盘", 25, 3181)]),
    ("CU-108", "Olga Smirnova", "Smirnova Detskiy Mir", "俄罗斯联邦", "olga@detskiymir-sm.ru",
     "询盘客户", "我的客户", [], False, [("询盘", 29, 3186), ("访问", 29, 3186)]),
    ("CU-109", "Jason Miller", "Miller Party Supply", "美国", "jason@millerparty.com",
     "公海高潜客户", "我的客户", [], False, [("访问", 1, 3178), ("询盘", 0, 3178)]),
    # ... and there with older inquiries only (not members), or no inquiry at all
    ("CU-110", "Pedro Santos", "Santos Importadora", "巴西", "pedro@santosimport.com.br",
     "询盘客户", "我的客户", [], False, [("询盘", 30, 3170), ("访问", 31, 3170)]),
    ("CU-111", "Ivan Petrov", "Petrov Igrushki", "俄罗斯联邦", "ivan@petrov-igrushki.ru",
     "询盘客户", "我的客户", [], False, [("询盘", 45, 3177), ("访问", 8, 3177), ("访问", 6, 3175)]),
    ("CU-112", "Emily Johnson", "Johnson Gifts Co", "美国", "emily@johnsongifts.com",
     "旺旺客户", "我的客户", [], True, [("访问", 3, 3175), ("访问", 2, 3176), ("收藏", 2, 3175)]),
    # ... and inquiries in the window from other countries (not members)
    ("CU-113", "Sofia Garcia", "Garcia Juguetes SL", "西班牙", "sofia@garciajuguetes.es",
     "询盘客户", "我的客户", [], False, [("询盘", 6, 3175), ("访问", 6, 3175)]),
    ("CU-114", "Hiroshi Tanaka", "Tanaka Shoji KK", "日本", "tanaka@tanakashoji.jp",
     "询盘客户", "我的客户", [], False, [("询盘", 14, 3185)]),
    # The textbook's screenshots (L2813-2815, L2832, L3470-3477)
    ("CU-115", "Fred leemie", "Fred's Inc", "德国", "Fred@futsimail.com",
     "公海高潜客户", "公海客户", [], False, [("访问", 16, 3168), ("访问", 11, 3169)]),
    ("CU-116", "Ihara Nurhaini", "Eno Technologies Sdn Bhd", "马来西亚", "ihara@enotech.com",
     "公海高潜客户", "公海客户", [], False, [("访问", 22, 3175), ("访问", 21, 3177)]),
    ("CU-117", "Mauricio Gaviria", "OIA Ingenieros Ltda", "哥伦比亚", "mauricio@oiaingenios.com",
     "公海高潜客户", "公海客户", [], False, [("访问", 8, 3179)]),
    ("CU-118", "Fred Jeremie", "fredll inc", "德国", "fred@tutamail.com",
     "询盘客户", "我的客户", ["采购员"], False, [("询盘", 50, 3178), ("下单", 44, 3178)]),
    ("CU-119", "Lai Cheny", "Cheny Creations", "法国", "lai@chenycreations.fr",
     "旺旺客户", "我的客户", [], True, [("访问", 5, 3186), ("访问", 4, 3181), ("收藏", 4, 3181)]),
    ("CU-120", "han zhang", "Zhang Global Sourcing", "美国", "",
     "名片", "我的客户", [], False, [("访问", 7, 3168)]),
)  # fmt: skip

# The seeded crowd: name, company, country, source (pool follows from the source)
_CROWD: tuple = (
    ("Oliver Smith", "Smith & Sons Retail", "英国", "询盘客户"),
    ("Charlotte Brown", "Little Stars Ltd", "英国", "旺旺客户"),
    ("Lukas Schneider", "Schneider Spielwaren GmbH", "德国", "询盘客户"),
    ("Anna Fischer", "Fischer Kinderwelt", "德国", "名片"),
    ("Camille Dubois", "Dubois Jouets", "法国", "询盘客户"),
    ("Giulia Bianchi", "Bianchi Giocattoli Srl", "意大利", "旺旺客户"),
    ("Marco Ricci", "Ricci Import", "意大利", "公海高潜客户"),
    ("Javier Lopez", "Lopez Distribuciones", "西班牙", "询盘客户"),
    ("Noah Wilson", "Maple Kids Inc", "加拿大", "询盘客户"),
    ("Chloe Martin", "Northern Toys Ltd", "加拿大", "名片"),
    ("Jack Taylor", "Taylor Outback Trading", "澳大利亚", "旺旺客户"),
    ("Mia Thompson", "Koala Kids Pty Ltd", "澳大利亚", "询盘客户"),
    ("Alejandro Hernandez", "Hernandez Mayoreo", "墨西哥", "询盘客户"),
    ("Valeria Ramirez", "Ramirez Moda Infantil", "墨西哥", "公海高潜客户"),
    ("Arjun Sharma", "Sharma Enterprises", "印度", "询盘客户"),
    ("Priya Patel", "Patel Baby Care", "印度", "旺旺客户"),
    ("Thabo Nkosi", "Nkosi Wholesale", "南非", "名片"),
    ("Aminata Traore", "Traore Commerce", "科特迪瓦", "公海高潜客户"),
    ("Siti Rahman", "Rahman Kids Mart", "马来西亚", "询盘客户"),
    ("Camilo Restrepo", "Restrepo Juguetes SAS", "哥伦比亚", "询盘客户"),
    ("Martina Gomez", "Gomez Hogar SA", "阿根廷", "旺旺客户"),
    ("Yuki Sato", "Sato Trading Co", "日本", "名片"),
    ("Minjun Kim", "Hanbit Toys Co Ltd", "韩国", "询盘客户"),
    ("Seoyeon Park", "Park Fashion Co", "韩国", "公海高潜客户"),
    ("Abdullah Al-Saud", "Al-Saud Trading Est", "沙特阿拉伯", "询盘客户"),
    ("Fatima Al Mansoori", "Mansoori General Trading LLC", "阿联酋", "旺旺客户"),
    ("Piotr Nowak", "Nowak Zabawki Sp z o o", "波兰", "询盘客户"),
    ("Sanne de Vries", "De Vries Speelgoed BV", "荷兰", "名片"),
    ("Mehmet Yilmaz", "Yilmaz Oyuncak AS", "土耳其", "询盘客户"),
    ("Chinedu Okafor", "Okafor Ventures Ltd", "尼日利亚", "公海高潜客户"),
    ("Tomas Horvath", "Horvath Hracky sro", "斯洛伐克", "询盘客户"),
    ("Emma Davies", "Davies Party Ltd", "英国", "公海高潜客户"),
    ("Felix Wagner", "Wagner Handel GmbH", "德国", "旺旺客户"),
    ("Lea Moreau", "Moreau Enfants", "法国", "公海高潜客户"),
    ("Isabella Rossi", "Rossi Bambini", "意大利", "询盘客户"),
    ("Daniel Ruiz", "Ruiz Comercial", "西班牙", "名片"),
    ("Liam O'Brien", "O'Brien Imports", "爱尔兰", "询盘客户"),
    ("Sara Lindqvist", "Lindqvist Leksaker AB", "瑞典", "旺旺客户"),
    ("Nguyen Van An", "An Phat Trading", "越南", "询盘客户"),
    ("Somchai Boonmee", "Boonmee Kids Shop", "泰国", "公海高潜客户"),
    ("Ahmed Hassan", "Hassan Import Export", "埃及", "询盘客户"),
    ("Zeynep Kaya", "Kaya Bebek", "土耳其", "名片"),
)  # fmt: skip
_KINDS_WEIGHTED = ("访问", "访问", "访问", "访问", "询盘", "收藏", "下单")


def _email(name: str, company: str) -> str:
    user = "".join(ch for ch in name.split()[0].lower() if ch.isalpha())
    domain = "".join(ch for ch in company.lower().split()[0] if ch.isalnum()) or "mail"
    return f"{user}@{domain}.com"


def _crowd_events(rng: random.Random, today: dt.date) -> list[CustomerEvent]:
    taste = rng.choice((_TOYS, _TOYS, _DRESSES, _BABY + _TOYS[:3]))
    events = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(_KINDS_WEIGHTED)
        # The crowd's inquiries are older than a month: the hand-built buyers define 06.3.5's group.
        ago = rng.randint(31, 120) if kind == "询盘" else rng.randint(0, 120)
        events.append(
            CustomerEvent(kind=kind, day=today - dt.timedelta(days=ago), product_id=rng.choice(taste))
        )
    return sorted(events, key=lambda e: e.day)


def customers(today: dt.date) -> list[Customer]:
    """The 客户通 customer list on ``today`` (fresh objects, deterministic)."""
    out = []
    for cid, name, company, country, email, source, pool, tags, fan, events in _HAND:
        out.append(
            Customer(
                id=cid, name=name, company=company, country=country, email=email, source=source, pool=pool,
                tags=list(tags), fan=fan,
                events=sorted(
                    (CustomerEvent(kind=k, day=today - dt.timedelta(days=ago), product_id=pid)
                     for k, ago, pid in events),
                    key=lambda e: e.day,
                ),
            )
        )  # fmt: skip
    for n, (name, company, country, source) in enumerate(_CROWD):
        rng = random.Random(f"alisim-crm:{name}")
        pool = "公海客户" if source == "公海高潜客户" else "我的客户"
        events = _crowd_events(rng, today)
        out.append(
            Customer(
                id=f"CU-{200 + n}",
                name=name,
                company=company,
                country=country,
                email="" if source == "名片" and n % 2 else _email(name, company),
                source=source,
                pool=pool,
                tags=[rng.choice(("批发商", "零售商", "电商卖家", "品牌商"))] if rng.random() < 0.5 else [],
                fan=pool == "我的客户" and rng.random() < 0.3,
                events=events,
            )
        )
    return out


def seed_crm(state: StoreState) -> StoreState:
    """Give the store its 客户通 customers; the team's customers (CU-01, CU-02) get a source and a record."""
    today = state.today
    for c in state.customers:
        if c.id in ("CU-01", "CU-02"):
            c.country = {"Italy": "意大利", "France": "法国"}.get(c.country, c.country)
            c.source = "询盘客户"
            c.email = c.email or _email(c.name, c.name.split()[-1] + "trading")
            c.events = [CustomerEvent(kind="询盘", day=today - dt.timedelta(days=35), product_id=3168)]
    state.customers = [*state.customers, *customers(today)]
    return state


def seed_mail_setup(state: StoreState) -> StoreState:
    """外贸邮 opened on the own domain on 2022-08-10 (MX long in effect), the EDM sender and reply address saved."""
    state.edm.setup = MailSetup(
        domain=MAIL_DOMAIN,
        mx_confirmed_at=dt.datetime(2022, 8, 10, 10, 0),
        sender=f"edm@mail.{MAIL_DOMAIN}",
        smtp_hash=hash_password("Dianyue2022Smtp", salt=b"alisim-smtp"),
        reply_email=f"mark@{MAIL_DOMAIN}",
        reply_name="Mark",
    )
    return state
