"""The seeded RFQ market (采购直达) of project 05: 46 buying requests and their buyers, relative to the store's day.

RFQ-BLOCKS-01 is the wooden building-block house the task quotes (实操 1.4, L2507). Around it: other block RFQs
that a quick reader may confuse with it (one already full, one expired), the textbook's examples (Leggings &
Romper from the United Kingdom with three slots left, L2334-2342; the corrugated mailer box, L2408; the baby
bodysuit whose validity ran out, L2447-2457) and requests of other trades. Every date is counted from the
scenario's day, so the market looks the same on any project's clock; nothing is random.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random

from ..products_models import BankImage, ImageMeta
from ..rfq_models import MarketRfq, RfqBuyer, RfqMarket
from ..state import StoreState

__all__ = ["CATEGORIES", "TASK_RFQ", "rfq_market", "quote_images", "seed_rfq"]

TASK_RFQ = "RFQ-BLOCKS-01"

BLOCKS = "Toys & Hobbies >> Building Blocks"
EDU = "Toys & Hobbies >> Educational Toys"
PLUSH = "Toys & Hobbies >> Stuffed & Plush Toys"
BABY_TOYS = "Mother & Kids >> Baby Toys"
BABY_WEAR = "Apparel >> Infant & Toddler Clothing >> Baby Rompers"
DRESSES = "Apparel >> Women's Clothing >> Dresses"
GIRLS = "Apparel >> Children's Clothing >> Girls' Dresses"
EARPHONES = "Consumer Electronics >> Earphones & Headphones"
PHONE_ACC = "Consumer Electronics >> Mobile Phone Accessories"
BOXES = "Packaging & Printing >> Paper Boxes"
KITCHEN = "Home & Garden >> Kitchen & Tabletop >> Flatware Sets"
COFFEE = "Agriculture >> Coffee Beans"
FITNESS = "Sports & Entertainment >> Fitness & Body Building"
MASKS = "Gifts & Crafts >> Festive & Party Supplies >> Party Masks"
CATEGORIES = (BLOCKS, EDU, PLUSH, BABY_TOYS, BABY_WEAR, DRESSES, GIRLS, EARPHONES, PHONE_ACC, BOXES, KITCHEN,
              COFFEE, FITNESS, MASKS)  # fmt: skip

# (id, title, category, quantity, unit, buyer index, posted days ago, open days, stars, attachments, pictures,
#  quotes already in, quotes arriving later (days from today), sample wanted, budget USD/unit, trade terms,
#  keywords, description)
_ROWS: list[tuple] = [
    ("RFQ-BLOCKS-01", "Wooden Slide Building Blocks House Toy for Baby", BLOCKS, 500, "Boxes", 0, 1, 30, 3,
     1, 2, 4, (2, 5), True, 19.5, "FOB Shanghai", ["building blocks", "wooden blocks", "baby toys"],
     "We are looking for wooden building blocks in the shape of a little city house, packed in a round box of "
     "about 20*20 cm, colourful, for babies of 0-6 months. Solid wood, safe paint. Please quote your price "
     "for 100 and 500 boxes and tell us about samples."),
    ("RFQ-BLOCKS-02", "Plastic Building Blocks Bricks 1000 PCS Compatible Set", BLOCKS, 2000, "Sets", 1, 3, 20,
     3, 1, 3, 10, (), True, 9.0, "FOB", ["building blocks", "plastic bricks"],
     "1000 pcs classic bricks compatible with major brands, ABS, colour box packing, EN71 certificate."),
    ("RFQ-BLOCKS-03", "Magnetic Building Blocks Tiles for Kids 64 PCS", BLOCKS, 300, "Sets", 2, 40, 30, 2, 0, 2,
     6, (), False, 21.0, "CIF Hamburg", ["building blocks", "magnetic tiles"],
     "Magnetic tiles 64 pcs, CE and EN71, gift box. Delivery to Hamburg."),
    ("RFQ-BLOCKS-04", "Wooden Building Blocks 100 PCS in Bucket", BLOCKS, 1000, "Pieces", 3, 6, 25, 2, 0, 1, 7,
     (4,), False, 8.0, "FOB", ["building blocks", "wooden blocks"],
     "Natural wood blocks, 100 pcs in a plastic bucket, for kindergarten use."),
    ("RFQ-BLOCKS-05", "Marble Run Building Blocks Slide Track 168 PCS", BLOCKS, 800, "Sets", 4, 2, 15, 1, 0, 0,
     2, (1, 3), False, 12.0, "EXW", ["building blocks", "marble run"],
     "Marble race track blocks, 168 pcs, colour box."),
    ("RFQ-BLOCKS-06", "Soft Foam Building Blocks for Toddlers", BLOCKS, 200, "Sets", 5, 12, 20, 0, 0, 0, 3, (),
     False, None, "FOB", ["building blocks", "foam blocks"], "Need soft blocks for a day-care centre."),
    ("RFQ-0310", "Educational toy car", EDU, 500, "Pieces", 6, 9, 21, 2, 1, 1, 5, (6,), False, 6.5, "FOB",
     ["toy car", "educational toys"], "Pull-back educational toy cars, mixed colours, OPP bag."),
    ("RFQ-EDU-01", "Montessori Wooden Shape Sorter Toy", EDU, 600, "Pieces", 7, 4, 30, 3, 1, 2, 6, (5,), True,
     5.8, "FOB Ningbo", ["montessori", "wooden toys", "shape sorter"],
     "Montessori shape sorter, beech wood, water-based paint, CE."),
    ("RFQ-EDU-02", "Magnetic Drawing Board for Kids", EDU, 1500, "Pieces", 8, 7, 14, 2, 0, 1, 8, (), False, 3.2,
     "FOB", ["drawing board", "kids toys"], "Magnetic drawing board 30*25 cm, with stamps."),
    ("RFQ-EDU-03", "STEM Science Kit for Children 8-12", EDU, 400, "Sets", 9, 15, 30, 1, 1, 0, 4, (), False, 11.0,
     "CIF", ["stem toys", "science kit"], "STEM experiment kit, 20 experiments, English manual."),
    ("RFQ-EDU-04", "Wooden Puzzle Alphabet Board", EDU, 1000, "Pieces", 10, 1, 20, 0, 0, 0, 0, (2,), False, 2.5,
     "FOB", ["wooden puzzle", "alphabet"], "Alphabet puzzle board, 26 pieces."),
    ("RFQ-PLUSH-01", "Custom Plush Toy with Logo", PLUSH, 3000, "Pieces", 11, 5, 30, 3, 2, 2, 9, (), True, 3.9,
     "FOB", ["plush toys", "custom logo"], "Custom 25 cm plush bear with our logo embroidered on the foot."),
    ("RFQ-PLUSH-02", "Stuffed Animal Dinosaur 30cm", PLUSH, 1200, "Pieces", 12, 20, 14, 1, 0, 1, 5, (), False,
     4.5, "FOB", ["plush toys", "dinosaur"], "Soft dinosaur 30 cm, PP cotton filling."),
    ("RFQ-PLUSH-03", "Baby Comforter Plush Bunny Blanket", PLUSH, 800, "Pieces", 13, 2, 25, 2, 0, 2, 3, (3,),
     True, 2.8, "FOB", ["baby comforter", "plush"], "Bunny comforter 30*30 cm, organic cotton."),
    ("RFQ-BABY-01", "Baby Rattle Teether Toys Set", BABY_TOYS, 2000, "Sets", 14, 3, 30, 3, 1, 2, 5, (2, 4), True,
     3.5, "FOB", ["baby toys", "rattle", "teether"], "Rattle and teether set of 6, BPA free, gift box."),
    ("RFQ-BABY-02", "Wooden Baby Gym Play Frame", BABY_TOYS, 300, "Sets", 15, 8, 20, 2, 0, 1, 6, (), False, 18.0,
     "CIF Rotterdam", ["baby gym", "wooden toys"], "Foldable wooden play gym with 3 hanging toys."),
    ("RFQ-BABY-03", "Silicone Stacking Cups for Babies", BABY_TOYS, 1000, "Sets", 16, 11, 30, 1, 0, 1, 4, (),
     False, 2.2, "FOB", ["stacking toys", "silicone"], "Silicone stacking cups, 8 pcs."),
    ("RFQ-BABY-04", "Baby Activity Cube Wooden", BABY_TOYS, 500, "Pieces", 17, 25, 10, 2, 1, 0, 7, (), False,
     15.0, "FOB", ["activity cube", "wooden toys"], "5 in 1 activity cube, bead maze."),
    ("RFQ-WEAR-01", "Leggings&Romper", BABY_WEAR, 1000, "Pieces", 18, 7, 14, 3, 1, 2, 7, (), True, 4.2, "FOB",
     ["romper", "leggings", "baby clothing"], "Baby leggings and romper set, 7 days sample order lead time, "
     "order lead time 14 days."),
    ("RFQ-WEAR-02", "Wholesale Baby Bodysuit Organic Baby Bodysuit Baby Girls Bodysuit", BABY_WEAR, 50, "Pieces",
     19, 45, 30, 2, 0, 1, 6, (), False, 3.0, "FOB", ["baby bodysuit", "organic cotton"],
     "Age Group: Infants & Toddlers Supply Type: OEM service Gender: Unisex Place of Origin: CN (Mainland China) "
     "Season: Spring Sleeves Length: Full Product Type: Rompers Closure Type: Snap Button Material: cotton"),
    ("RFQ-WEAR-03", "Baby Coats & Outerwear Winter Hooded", BABY_WEAR, 600, "Pieces", 20, 6, 20, 1, 0, 1, 3, (),
     False, 9.5, "FOB", ["baby coat", "winter"], "Hooded baby coat, 0-24 months, fleece lining."),
    ("RFQ-WEAR-04", "Cotton Baby Sleeping Bag", BABY_WEAR, 400, "Pieces", 21, 1, 30, 0, 0, 0, 0, (), False, 7.0,
     "FOB", ["sleeping bag", "baby"], "Cotton sleeping bag 2.5 TOG."),
    ("RFQ-DRESS-01", "Velvet Bodycon Midi Dress Long Sleeve", DRESSES, 500, "Pieces", 22, 3, 25, 3, 1, 3, 8, (),
     True, 11.0, "FOB", ["dress", "velvet", "bodycon"], "Black velvet midi dress, S-XL, private label."),
    ("RFQ-DRESS-02", "Summer Floral Maxi Dress", DRESSES, 1200, "Pieces", 23, 10, 20, 2, 0, 2, 10, (), False, 6.0,
     "FOB", ["dress", "floral", "summer"], "Floral chiffon maxi dress, mixed sizes."),
    ("RFQ-DRESS-03", "Women Knitted Sweater Dress", DRESSES, 300, "Pieces", 24, 5, 15, 1, 0, 1, 2, (4,), False,
     13.0, "CIF", ["sweater dress", "knitted"], "Knitted sweater dress, autumn."),
    ("RFQ-GIRLS-01", "Girls Sequin Princess Party Dress", GIRLS, 600, "Pieces", 25, 2, 30, 3, 1, 2, 5, (3,), True,
     12.5, "FOB", ["princess dress", "girls dress"], "Sequin tulle dress for girls 3-10 years."),
    ("RFQ-GIRLS-02", "Girls Cotton Casual Dress", GIRLS, 2000, "Pieces", 26, 14, 30, 1, 0, 0, 4, (), False, 4.0,
     "FOB", ["girls dress", "cotton"], "Cotton dress, printed, 2-8 years."),
    ("RFQ-ELEC-01", "TWS Bluetooth Earbuds with Charging Case", EARPHONES, 5000, "Pieces", 27, 1, 20, 3, 1, 2, 9,
     (1,), True, 6.8, "FOB Shenzhen", ["earbuds", "bluetooth", "tws"], "TWS earbuds BT 5.3, custom logo box."),
    ("RFQ-ELEC-02", "Wired Earphones 3.5mm Bulk", EARPHONES, 10000, "Pieces", 28, 9, 20, 0, 0, 0, 10, (), False,
     0.6, "FOB", ["earphones", "wired"], "Bulk wired earphones, white."),
    ("RFQ-ELEC-03", "Noise Cancelling Headphones Over Ear", EARPHONES, 800, "Pieces", 29, 4, 30, 2, 1, 1, 6, (),
     True, 24.0, "DDP", ["headphones", "anc"], "ANC headphones, 40 h battery, DDP to Los Angeles."),
    ("RFQ-ELEC-04", "Phone Case for iPhone 14 Shockproof", PHONE_ACC, 3000, "Pieces", 30, 6, 14, 1, 0, 2, 7, (),
     False, 0.9, "FOB", ["phone case", "iphone"], "TPU shockproof case, 5 colours."),
    ("RFQ-ELEC-05", "Fast Charger 20W USB-C", PHONE_ACC, 2000, "Pieces", 31, 30, 20, 2, 1, 0, 5, (), False, 2.1,
     "FOB", ["charger", "usb-c"], "PD 20W charger, CE FCC."),
    ("RFQ-ELEC-06", "Magnetic Phone Holder for Car", PHONE_ACC, 1500, "Pieces", 32, 2, 30, 0, 0, 1, 1, (2,), False,
     1.5, "FOB", ["phone holder", "car"], "Magnetic air vent phone holder."),
    ("RFQ-PACK-01", "Custom Logo Eco E Flute Corrugated Cardboard Paper Large Packaging Shipping Mailer Box",
     BOXES, 10000, "Pieces", 33, 3, 20, 3, 1, 2, 8, (), True, 0.35, "FOB",
     ["mailer box", "corrugated", "packaging"], "Material: art paper, kraft paper, coated paper, white or grey "
     "paper. Size: any size and shape is available. Color: any Pantone colour."),
    ("RFQ-PACK-02", "Kraft Paper Gift Box with Window", BOXES, 5000, "Pieces", 34, 8, 25, 1, 0, 1, 3, (), False,
     0.5, "FOB", ["gift box", "kraft"], "Kraft gift box with PVC window."),
    ("RFQ-PACK-03", "Toy Packaging Colour Box Printing", BOXES, 3000, "Pieces", 35, 5, 30, 2, 1, 1, 4, (3,), True,
     0.4, "FOB", ["colour box", "toy packaging"], "Printed colour box for toys, 4C."),
    ("RFQ-HOME-01", "Stainless Steel Flatware Sets 24 PCS", KITCHEN, 800, "Sets", 36, 4, 20, 2, 0, 2, 6, (), False,
     7.5, "FOB", ["flatware", "cutlery"], "24 pcs flatware set, mirror polish, gift box."),
    ("RFQ-HOME-02", "Gold Cutlery Set Wedding", KITCHEN, 200, "Sets", 37, 16, 14, 1, 0, 1, 5, (), False, 9.0,
     "CIF", ["cutlery", "gold"], "Gold plated cutlery for wedding rental."),
    ("RFQ-AGRI-01", "Arabica Coffee Beans Green", COFFEE, 20, "Tons", 38, 6, 30, 3, 1, 1, 5, (), True, 3800.0,
     "CIF", ["coffee beans", "arabica"], "Green arabica beans grade 1, 20 tons, CIF Jeddah."),
    ("RFQ-AGRI-02", "Roasted Coffee Beans 1kg Bags", COFFEE, 2000, "Bags", 39, 12, 20, 1, 0, 0, 3, (), False,
     8.0, "FOB", ["coffee beans", "roasted"], "Roasted beans, 1 kg valve bags."),
    ("RFQ-SPORT-01", "Kids Balance Board Wooden", FITNESS, 400, "Pieces", 40, 2, 30, 2, 0, 2, 3, (4,), True, 14.0,
     "FOB", ["balance board", "wooden"], "Curvy balance board for kids, birch plywood."),
    ("RFQ-SPORT-02", "Yoga Mat TPE 6mm", FITNESS, 3000, "Pieces", 41, 7, 20, 1, 0, 1, 9, (), False, 4.2, "FOB",
     ["yoga mat", "tpe"], "TPE yoga mat 183*61 cm, 6 mm."),
    ("RFQ-SPORT-03", "Resistance Bands Set 5 Levels", FITNESS, 2000, "Sets", 42, 35, 30, 0, 0, 0, 2, (), False,
     2.0, "FOB", ["resistance bands"], "Latex resistance bands set of 5."),
    ("RFQ-GIFT-01", "Party Masks Venetian Masquerade", MASKS, 1000, "Pieces", 43, 3, 20, 1, 0, 2, 4, (), False,
     1.2, "FOB", ["party masks", "masquerade"], "Venetian masks, assorted colours."),
    ("RFQ-GIFT-02", "Halloween Kids Costume Masks", MASKS, 5000, "Pieces", 44, 1, 14, 0, 0, 0, 0, (1,), False,
     0.4, "FOB", ["halloween", "masks"], "EVA masks for kids, 10 designs."),
    ("RFQ-BLOCKS-07", "Wooden Blocks House Shape Sorter Round Box", BLOCKS, 50, "Boxes", 45, 18, 10, 0, 0, 0, 3,
     (), False, 10.0, "EXW", ["building blocks", "wooden blocks"], "Small trial order."),
]  # fmt: skip

# (name, company, country): the buyer of row i is _BUYERS[i]
_BUYERS = [
    ("Emily Carter", "Little Sprout Baby Store LLC", "United States"),
    ("Lucas Schneider", "Bausteine Handel GmbH", "Germany"),
    ("Hannah Weber", "Spielwelt Import GmbH", "Germany"),
    ("Olivia Brown", "Kinder Garden Supplies Ltd", "United Kingdom"),
    ("Mateo Garcia", "Juguetes Mateo S.L.", "Spain"),
    ("Aisha Khan", "Happy Kids Daycare", "United Arab Emirates"),
    ("Pierre Laurent", "Jouets Laurent SARL", "France"),
    ("Sophie Martin", "Montessori Maison", "France"),
    ("James Wilson", "Creative Kids Pty Ltd", "Australia"),
    ("Daniel Kim", "STEM Lab Korea", "South Korea"),
    ("Ana Souza", "Brinquedos Souza", "Brazil"),
    ("Michael Scott", "Promo Bears Inc.", "United States"),
    ("Yuki Tanaka", "Tanaka Toys Co.", "Japan"),
    ("Laura Rossi", "Bimbi Felici S.r.l.", "Italy"),
    ("Grace Miller", "Baby Bloom Co.", "Canada"),
    ("Jan de Vries", "Houten Speelgoed B.V.", "Netherlands"),
    ("Chloe Dubois", "Bebe Malin", "Belgium"),
    ("Noah Anderson", "Nordic Kids AB", "Sweden"),
    ("Amelia Taylor", "Mini Wardrobe Ltd", "United Kingdom"),
    ("Carlos Lopez", "Ropa Infantil MX", "Mexico"),
    ("Elena Popescu", "Bebe Style SRL", "Romania"),
    ("Fatima Al Sayed", "Al Sayed Baby Trading", "Saudi Arabia"),
    ("Isabella Clark", "Velvet Lane Boutique", "United States"),
    ("Priya Sharma", "Sharma Fashions", "India"),
    ("Olga Ivanova", "Moda Trade LLC", "Russia"),
    ("Mia Johnson", "Princess Closet", "Australia"),
    ("Juan Perez", "Moda Kids Chile", "Chile"),
    ("Ahmed Hassan", "Sound Hub Trading", "Egypt"),
    ("Tom Becker", "Audio Wholesale GmbH", "Germany"),
    ("Ryan Lee", "Pacific Gadgets Inc.", "United States"),
    ("Nguyen Van An", "An Phat Mobile", "Vietnam"),
    ("Omar Farouk", "Gulf Chargers FZE", "United Arab Emirates"),
    ("Lena Novak", "AutoMag s.r.o.", "Czech Republic"),
    ("Ben Thompson", "EcoShip Packaging Ltd", "United Kingdom"),
    ("Sara Nilsson", "Gift & Wrap AB", "Sweden"),
    ("Kevin Walker", "ToyBox Retail Inc.", "United States"),
    ("Marta Kowalska", "Kuchnia Plus", "Poland"),
    ("David Cohen", "Event Rentals Ltd", "Israel"),
    ("Yusuf Demir", "Demir Kahve", "Turkey"),
    ("Lucia Fernandez", "Cafe Origen", "Argentina"),
    ("Emma Wright", "Active Tots Ltd", "United Kingdom"),
    ("Arjun Patel", "FitLife Distributors", "India"),
    ("Chris Evans", "Gym Gear Online", "Canada"),
    ("Giulia Romano", "Carnevale Shop", "Italy"),
    ("Jack Murphy", "Spooky Season Ltd", "Ireland"),
    ("Nora Hansen", "Lille Hus ApS", "Denmark"),
]

_SEARCHES = {
    BLOCKS: ["wooden building blocks", "baby blocks 0-6 months", "city house blocks", "round box toys"],
    EDU: ["montessori toys", "educational toys wholesale", "wooden toys"],
    PLUSH: ["custom plush", "plush toys logo", "soft toys"],
    BABY_TOYS: ["baby rattle", "teether", "baby gym"],
    BABY_WEAR: ["baby romper", "organic baby clothes", "baby bodysuit"],
    DRESSES: ["velvet dress", "midi dress women", "floral dress"],
    GIRLS: ["princess dress girls", "party dress kids"],
    EARPHONES: ["tws earbuds", "bluetooth headphones"],
    PHONE_ACC: ["phone case", "usb c charger"],
    BOXES: ["mailer box", "custom packaging", "kraft box"],
    KITCHEN: ["flatware set", "cutlery gold"],
    COFFEE: ["green coffee beans", "arabica"],
    FITNESS: ["balance board", "yoga mat"],
    MASKS: ["party masks", "halloween masks"],
}


def _buyer(i: int, category: str, budget: float | None, today: dt.date) -> RfqBuyer:
    name, company, country = _BUYERS[i]
    rng = random.Random(f"rfq-buyer-{i}")
    price = budget or 5.0
    viewed = [
        f"{w.title()} — US ${price * f:.2f}"
        for w, f in zip(_SEARCHES[category][:3], (0.85, 1.0, 1.2), strict=False)
    ]
    quiet = i in (5, 12, 21, 28, 39)  # buyers that rarely answer: the research panel shows it
    return RfqBuyer(
        id=f"B{i + 1:03d}",
        name=name,
        company=company,
        country=country,
        registered_on=today - dt.timedelta(days=rng.randint(60, 2400)),
        last_visit=today - dt.timedelta(days=rng.randint(20, 60) if quiet else rng.randint(0, 3)),
        active_days_30=rng.randint(0, 3) if quiet else rng.randint(8, 27),
        email_confirmed=not quiet,
        searches=list(_SEARCHES[category]),
        viewed_products=viewed,
        rfqs_90d=rng.randint(1, 12),
        inquiries_90d=rng.randint(0, 3) if quiet else rng.randint(4, 40),
        orders_12m=0 if quiet else rng.randint(1, 15),
        # The task's buyer answers most quotes, so the notebook can show what comes after quoting.
        reply_rate=88 if i == 0 else rng.randint(5, 20) if quiet else rng.randint(55, 95),
    )


def _when(rfq_id: str, day: dt.date) -> dt.datetime:
    minutes = int(hashlib.sha1(rfq_id.encode()).hexdigest()[:6], 16) % (10 * 60)
    return dt.datetime.combine(day, dt.time(8, 0)) + dt.timedelta(minutes=minutes)


def rfq_market(today: dt.date) -> RfqMarket:
    """The market on ``today``: every RFQ, its buyer, and the store's first subscriptions."""
    rfqs, buyers = [], []
    for row in _ROWS:
        (rid, title, category, qty, unit, b, ago, open_days, stars, n_att, n_pic, before, later, sample,
         budget, terms, keywords, description) = row  # fmt: skip
        posted = today - dt.timedelta(days=ago)
        stem = rid.lower()
        rfqs.append(
            MarketRfq(
                id=rid,
                title=title,
                category=category,
                keywords=list(keywords),
                description=description,
                quantity=qty,
                unit=unit,
                buyer_id=f"B{b + 1:03d}",
                country=_BUYERS[b][2],
                posted_at=_when(rid, posted),
                expires_on=posted + dt.timedelta(days=open_days),
                stars=stars,
                attachments=[f"{stem}-spec-{n}.pdf" for n in range(1, n_att + 1)],
                pictures=[f"{stem}-photo-{n}.jpg" for n in range(1, n_pic + 1)],
                trade_terms=terms,
                views=40 + (int(hashlib.sha1(rid.encode()).hexdigest()[:4], 16) % 300),
                sample_wanted=sample,
                target_price_usd=budget,
                # Quotes already in are spread over the days since posting; later ones arrive on the clock.
                other_quotes=[
                    posted + dt.timedelta(days=min(ago, n * ago // max(before, 1))) for n in range(before)
                ]
                + [today + dt.timedelta(days=d) for d in later],
            )
        )
        buyers.append(_buyer(b, category, budget, today))
    return RfqMarket(
        rfqs=rfqs,
        buyers=buyers,
        categories=[BLOCKS, BABY_TOYS],
        keywords=["building blocks", "wooden toys"],
    )


def quote_images(day: dt.date) -> list[BankImage]:
    """Photos of the wooden city-house blocks (M00257) in the image bank, for the quote's product picture."""
    shots = ("正面", "圆盒包装", "细节")
    return [
        BankImage(
            id=f"IMG-HOUSE-0{i}",
            subject=f"积木城市小屋（Slide Building Blocks City House）：{what}",
            image=ImageMeta(
                name=f"city-house-blocks-{i}.jpg",
                format="JPEG",
                width=800,
                height=800,
                size_bytes=360 * 1024 + i * 2_000,
                sha1=hashlib.sha1(f"city-house-blocks-{i}".encode()).hexdigest(),
            ),
            uploaded_on=day,
        )
        for i, what in enumerate(shots, 1)
    ]


def seed_rfq(state: StoreState) -> StoreState:
    """Put the RFQ market and the city-house photos (for the quote's picture) into ``state``."""
    state.rfq_market = rfq_market(state.today)
    known = {b.id for b in state.image_bank}
    state.image_bank += [b for b in quote_images(state.today - dt.timedelta(days=3)) if b.id not in known]
    return state
