"""Prohibited-goods detection (L1641-1649): every class is found by its own words, Chinese and English.

Searching for a banned product, or putting one in a title or keyword, must name the class that bans it;
ordinary goods whose names contain such a word (a water gun, a glue gun) are not flagged.
"""

from __future__ import annotations

import pytest

from alisim_widgets.sim import categories, rules


def _is_chinese(term: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in term)


@pytest.mark.parametrize("number", sorted(rules.PROHIBITED_CLASSES))
def test_every_class_has_a_chinese_and_an_english_term(number):
    terms = [t for t, n in categories.PROHIBITED_TERMS.items() if n == number]
    assert any(_is_chinese(t) for t in terms), f"class {number}: no Chinese term"
    assert any(t.isascii() for t in terms), f"class {number}: no English term"


@pytest.mark.parametrize("term, number", sorted(categories.PROHIBITED_TERMS.items()))
def test_each_term_is_detected_in_a_search_and_a_title(term, number):
    assert categories.search(term).prohibited == (term, number)
    hit = categories.prohibited_term_in(f"Wholesale {term} 2024 new")
    assert hit is not None and hit[1] == number


@pytest.mark.parametrize(
    "text, number",
    [
        ("gun", 3),
        ("Metal Toy Pistol Gun", 3),
        ("rifle scope with bullets", 3),
        ("枪支配件", 3),
        ("vape", 14),
        ("Disposable Vape Pen 5000 puffs", 14),
        ("电子烟烟油", 14),
        ("Spring Switchblade", 4),
        ("象牙雕刻", 12),
        ("slot machine", 15),
        ("二手医疗器械", 7),
    ],
)
def test_obvious_terms_are_caught(text, number):
    assert categories.prohibited_term_in(text)[1] == number


@pytest.mark.parametrize(
    "text",
    [
        "Kids Plastic Balance Board",
        "Sweet Princess pooping dress",
        "Building Blocks Toy Set for Kids",
        "Kids Water Gun Summer Toy",
        "Hot Glue Gun 20W",
        "Electric Massage Gun",
        "儿童积木",
        "女童连衣裙",
        "儿童水枪",
        "筋膜枪",
        "Gunmetal Grey Backpack",
        "Begun Collection Dress",  # "gun" inside a word is not the word
        "Contact Lenses",  # class-III medical device: restricted, has its own category (L1665)
        "医用耗材",
    ],
)
def test_ordinary_products_are_not_flagged(text):
    assert categories.prohibited_term_in(text) is None


def test_class_three_medical_devices_still_find_their_categories():
    # 医疗器械 is class 7 of the banned list, yet class-III devices are restricted, not banned (L1655-1665).
    assert categories.search("contact lens").categories
    assert categories.search("Medical Devices").prohibited is None
