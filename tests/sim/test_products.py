"""Every product rule of RULES.md ("Products"), with the boundary values on both sides, on real files."""

from __future__ import annotations

import datetime as dt

import pytest

import alisim_widgets as aw
from alisim_widgets.sim import categories, rules
from alisim_widgets.sim.errors import PermissionDenied, SimError, ValidationFailed
from alisim_widgets.sim.persistence import STATE_FILENAME
from alisim_widgets.sim.products import title_report
from alisim_widgets.sim.products_models import PRICE_MODE_RANGE
from alisim_widgets.sim.security import hash_password
from alisim_widgets.sim.sub_accounts_models import SubAccount
from tests.hostile import file_bytes
from tests.media_files import video_bytes
from tests.product_data import CUSTOM_TASK, RTS_TASK, image, images, mp4

MB = 1024 * 1024


@pytest.fixture
def backend(make_backend):
    return make_backend("03_product")


def rts(**changes):
    return {**RTS_TASK, "images": images(5), **changes}


def custom(**changes):
    return {**CUSTOM_TASK, "images": images(5), **changes}


def ok(backend, values):
    """Publish ``values``: the first time as a new product, then as edits of it (a second new listing of
    the same product would be a duplicate)."""
    mine = [p.id for p in backend.state.products if p.id >= 3180]
    return backend.products.publish(values, product_id=mine[0] if mine else None)


def refused(backend, values, key, **kw) -> str:
    """Publishing ``values`` is refused with an error on ``key``; the saved file did not change."""
    path = backend.path
    before = file_bytes(path)
    with pytest.raises(ValidationFailed) as info:
        backend.products.publish(values, **kw)
    errors = info.value.by_field()
    assert key in errors, errors
    assert file_bytes(path) == before
    return errors[key]


def words(n: int) -> str:
    """A title of exactly ``n`` characters with no repeated word."""
    out, i = [], 0
    while len(" ".join(out)) < n:
        out.append(f"W{i}x")
        i += 1
    text = " ".join(out)
    return text[:n].rstrip() + "z" * (n - len(text[:n].rstrip()))


# --- the textbook data --------------------------------------------------------------------------------
def test_rts_textbook_data_is_accepted_verbatim(backend):
    done = ok(backend, rts())
    p = backend.products.get(done.product_id)
    assert p.title == RTS_TASK["title"] and p.product_type == "Ready to Ship"
    assert p.category == "玩具 >> 积木"
    assert p.description == RTS_TASK["description"]
    assert [(t.min_qty, t.price_usd) for t in p.price_tiers] == [(1, 20.0), (50, 18.0), (100, 15.0)]
    assert (p.stock, p.sku_code, p.unit) == (1000, "6852000", "Box/Boxes")
    assert [(t.max_qty, t.days) for t in p.lead_time] == [(100, 7)]
    assert p.package_cm == (20.0, 20.0, 10.0) and p.weight_kg == 0.5
    assert p.attributes["feature"] == "Poisonless and Harmless"
    assert not p.samples.supported and p.customization == [] and p.other_services == []
    assert p.published_on == backend.today() == dt.date(2022, 4, 10)
    assert p.owner == "admin"


def test_customization_textbook_data_is_accepted_verbatim(backend):
    done = ok(backend, custom())
    p = backend.products.get(done.product_id)
    assert (
        p.category == "服装 >> 儿童服装 >> 儿童连衣裙"
    )  # "服装 > 儿童服装 > 儿童连衣裙" as the textbook types it
    assert p.unit == "Piece/Pieces"  # "piece/pieces"
    assert p.sku_code == "6204420000" and p.port == "shanghai" and p.shipping_mode == "海运"
    assert p.attributes["features"] == ["Washable", "Breathable", "Anti-static"]
    assert p.payment_methods == ["L/C", "T/T", "Western Union"]
    assert (p.supply_ability.quantity, p.supply_ability.period) == (1000, "周")
    assert (p.samples.supported, p.samples.max_qty, p.samples.price_usd) == (True, 5, 120.0)
    assert p.description == CUSTOM_TASK["description"]


def test_publishing_returns_advice_not_errors(backend):
    done = ok(backend, rts())
    assert any("60–70" in w for w in done.warnings)  # the textbook title has 122 characters


# --- titles (L1708, L1836) ----------------------------------------------------------------------------
def test_title_of_128_characters_is_accepted_and_129_refused(backend):
    t128, t129 = words(128), words(129)
    assert len(t128) == 128 and len(t129) == 129
    assert ok(backend, rts(title=t128)).product_id
    message = refused(backend, rts(title=t129, sku_code="X129"), "title")
    assert "标题不能超过 128 个字符（当前 129）" in message


def test_a_word_twice_is_fine_three_times_refused(backend):
    twice = "Balance Board with Maze Game for Kids Wobble Board Children Fitness Activity Toy"
    thrice = "Balance Board with Maze Game for Kids Wobble Board Children Fitness Board Activity Toy"
    assert title_report(twice).ok
    report = title_report(thrice)
    assert report.repeats == {"board": 3}
    message = refused(backend, rts(title=thrice), "title")
    assert "“board”出现了 3 次" in message


def test_repeats_are_counted_whatever_the_case_but_plural_is_another_word():
    assert title_report("Board board BOARD Game Toy").repeats == {"board": 3}
    assert title_report("Board Boards Board Game").ok


def test_small_connecting_words_do_not_count_as_repeats():
    assert title_report("Dress for Girls for Party for Wedding Princess Gown").ok


def test_the_scenario_balance_board_breaks_the_repeat_rule(backend):
    board = backend.products.find(
        "Kids Plastic Balance Board with Maze Game Integration Training Wobble Board Children Fitness Board Activity Game"
    )
    assert board is not None  # loaded anyway (RULES.md, Contradictions)
    assert title_report(board.title).repeats == {"board": 3}


@pytest.mark.parametrize("brand", ["IPHONE", "iPhone", "bluetooth", "Bluetooth", "LEGO", "Hello Kitty"])
def test_brand_and_patent_words_are_refused(backend, brand):
    message = refused(backend, rts(title=f"Kids Toy Phone Stand {brand} Compatible Desk Holder"), "title")
    assert "品牌词" in message


def test_brand_words_match_whole_words_only():
    assert title_report("Legoland Style Kids Building Bricks Set").ok  # not the word "lego"


def test_title_length_advice_60_to_70():
    assert title_report(words(60)).warnings == [] and title_report(words(70)).warnings == []
    assert "当前 59" in title_report(words(59)).warnings[0]
    assert "当前 71" in title_report(words(71)).warnings[0]


def test_title_must_be_english(backend):
    assert "英文" in refused(backend, rts(title="儿童积木玩具 Building Blocks"), "title")


def test_prohibited_goods_in_the_title_are_refused(backend):
    message = refused(backend, rts(title="Electronic Cigarette Case for Kids Toy Box Gift"), "title")
    assert "禁售类第 14 类" in message


# --- keywords -----------------------------------------------------------------------------------------
def test_keywords_one_to_three(backend):
    assert "至少填写一个" in refused(backend, rts(keywords=[]), "keywords")
    assert ok(backend, rts(keywords=["Marble Run", "Building Blocks Toys", "Kids Gift"])).product_id
    four = ["Marble Run", "Building Blocks Toys", "Kids Gift", "Ball Track"]
    assert "最多 3 个（当前 4）" in refused(backend, rts(keywords=four, sku_code="K4"), "keywords")


def test_keyword_of_128_characters_accepted_129_refused(backend):
    assert ok(backend, rts(keywords=["k" * 128])).product_id
    message = refused(backend, rts(keywords=["k" * 129], sku_code="K129"), "keywords")
    assert "不能超过 128 个字符（当前 129）" in message


def test_keywords_may_not_repeat(backend):
    assert "不能重复" in refused(backend, rts(keywords=["Kids Dresses", "kids  dresses"]), "keywords")


def test_keywords_may_not_use_brand_words(backend):
    assert "品牌词" in refused(backend, rts(keywords=["Bluetooth Toy"]), "keywords")


# --- categories (L1641-1691) --------------------------------------------------------------------------
def test_category_search_and_lookup():
    assert categories.find("玩具 >> 积木").path == ("玩具", "积木")
    assert categories.find("服装 > 儿童服装 > 儿童连衣裙") == categories.find(
        "Apparel > Children's Clothing > Girls' Dresses"
    )
    assert "玩具 >> 积木" in [c.text for c in categories.search("building blocks").categories]
    assert categories.search("香烟").prohibited == ("香烟", 14)
    assert categories.search("").message.startswith("请输入")


def test_the_six_class_iii_categories_are_restricted():
    restricted = {c.en_text for c in categories.CATEGORIES if c.restricted}
    assert restricted == set(rules.MEDICAL_III_CATEGORIES)
    assert len(rules.PROHIBITED_CLASSES) == 17


def test_only_leaf_categories_can_be_chosen(backend):
    assert "最后一级" in refused(backend, rts(category="玩具"), "category")
    assert "没有这个类目" in refused(backend, rts(category="玩具 >> 飞机"), "category")


def test_prohibited_category_words_are_refused(backend):
    assert "禁售" in refused(backend, rts(category="烟草 >> 电子烟"), "category")


def _lens(**changes):
    values = {
        **custom(),
        "category": "Timepieces, Jewelry, Eyewear > Eyewear > Contact Lenses",
        "title": "Soft Daily Contact Lenses Natural Color Comfortable Wear for Eyes",
        "keywords": ["Contact Lenses"],
        "features": [],
        "size": "",
        "special_goods": "第三类医疗器械",
    }
    return {**values, **changes}


def certify(backend, **changes):
    values = {
        "kind": rules.MEDICAL_III_CERTIFICATE,
        "number": "湘食药监械经营许20220001号",
        "holder": "湖南典阅科技有限公司",
        "valid_until": "2027-04-09",
        **changes,
    }
    return backend.products.submit_certificate(values)


def test_restricted_category_needs_the_certificate(backend):
    assert "认证中心-证书管理" in refused(backend, _lens(), "category")
    certify(backend)
    assert ok(backend, _lens()).product_id


def test_class_iii_devices_only_in_the_six_categories_even_with_a_certificate(backend):
    certify(backend)
    values = _lens(category="美容个护 >> 美容设备 >> 家用美容仪")
    values.pop("features"), values.pop("size")
    assert "六个类目" in refused(backend, values, "category")


def test_an_expired_certificate_is_refused(backend):
    with pytest.raises(ValidationFailed) as info:
        certify(backend, valid_until="2022-04-09")
    assert "valid_until" in info.value.by_field()


def test_attributes_of_another_category_are_refused(backend):
    assert "没有“尺码”这个属性" in refused(backend, rts(size="M"), "size")


def test_required_attributes_are_required(backend):
    assert refused(backend, rts(material=""), "material") == "材质不能为空"
    assert refused(backend, custom(brand=" "), "brand") == "品牌不能为空"


# --- prices (L1584) -----------------------------------------------------------------------------------
def test_ladder_quantities_must_rise_and_prices_fall(backend):
    assert "逐档增加" in refused(backend, rts(price_tiers=[(1, 20), (1, 18)]), "price_tiers")
    assert "单价要越低" in refused(backend, rts(price_tiers=[(1, 20), (50, 20)]), "price_tiers")
    assert ok(backend, rts(price_tiers=[(1, 20), (2, 19.99)])).product_id


def test_ladder_of_four_tiers_accepted_five_refused(backend):
    four = [(1, 20), (50, 18), (100, 15), (500, 12)]
    assert ok(backend, rts(price_tiers=four)).product_id
    five = [*four, (1000, 10)]
    assert "最多 4 档（当前 5）" in refused(backend, rts(price_tiers=five, sku_code="P5"), "price_tiers")


def test_ready_to_ship_shows_ladder_prices_only(backend):
    values = rts(price_mode=PRICE_MODE_RANGE, price_tiers=None)
    assert "阶梯价格" in refused(backend, values, "price_mode")


def test_customization_may_use_a_price_range_or_ladder_prices(backend):
    values = custom(price_mode=PRICE_MODE_RANGE, price_tiers=None, price_range=("85", "98"), moq="50")
    p = backend.products.get(ok(backend, values).product_id)
    assert (p.price_min_usd, p.price_max_usd, p.moq) == (85.0, 98.0, 50)
    assert "不能高于" in refused(
        backend,
        custom(price_mode=PRICE_MODE_RANGE, price_tiers=None, price_range=(98, 85), moq=50),
        "price_range",
    )


def test_stock_cannot_be_below_the_first_order_quantity(backend):
    assert "不能少于最小起订量" in refused(backend, rts(stock=9, price_tiers=[(10, 5), (50, 4)]), "stock")


@pytest.mark.parametrize("key,bad", [("stock", "-5"), ("stock", "abc"), ("stock", "1.5"), ("weight_kg", "0")])
def test_numbers_are_checked(backend, key, bad):
    refused(backend, rts(**{key: bad}), key)


# --- lead time and logistics (L1915, L1927, L5006) -----------------------------------------------------
def test_ready_to_ship_ships_within_15_days(backend):
    assert ok(backend, rts(lead_time=[(100, 15)])).product_id
    assert "15 天内发货（当前 16 天）" in refused(
        backend, rts(lead_time=[(100, 16)], sku_code="L16"), "lead_time"
    )


def test_customization_may_take_longer(backend):
    assert ok(backend, custom(lead_time=[(1000, 30)])).product_id


def test_lead_time_three_ranges_accepted_four_refused(backend):
    three = [(100, 3), (500, 7), (1000, 12)]
    assert ok(backend, rts(lead_time=three)).product_id
    assert "最多设置 3 个" in refused(
        backend, rts(lead_time=[*three, (2000, 15)], sku_code="L4"), "lead_time"
    )
    assert "不能比上一个范围少" in refused(
        backend, rts(lead_time=[(100, 7), (500, 5)], sku_code="L2"), "lead_time"
    )


def test_negotiated_shipping_cannot_be_ready_to_ship(backend):
    assert "协商物流" in refused(backend, rts(shipping_mode="协商物流"), "shipping_mode")
    assert "只支持快递" in refused(backend, rts(shipping_mode="海运"), "shipping_mode")
    assert ok(backend, rts(shipping_mode="快递")).product_id


def test_customization_needs_payment_shipping_port_and_supply(backend):
    refused(backend, custom(payment_methods=[]), "payment_methods")
    refused(backend, custom(port=""), "port")
    refused(backend, custom(supply_ability=None), "supply_ability")
    refused(backend, custom(shipping_mode=None), "shipping_mode")


def test_ready_to_ship_has_no_payment_methods(backend):
    assert "请清空" in refused(backend, rts(payment_methods=["T/T"]), "payment_methods")


def test_samples_need_quantity_and_price_when_supported(backend):
    refused(backend, custom(samples={"supported": True, "max_qty": "", "price_usd": 120}), "samples")
    refused(backend, custom(samples={"supported": True, "max_qty": 5, "price_usd": "-1"}), "samples")


# --- main images (L1517-1523, L1970-1973) -------------------------------------------------------------
def test_image_of_exactly_5_mb_accepted_one_byte_more_refused(backend):
    done = ok(backend, rts(images=[image(pad_to=5 * MB), *images(4)]))
    assert any("建议不超过 3 MB" in w for w in done.warnings)
    message = refused(backend, rts(images=[image(pad_to=5 * MB + 1), *images(4)], sku_code="I5"), "images")
    assert "不能超过 5 MB" in message


def test_images_up_to_3_mb_get_no_size_advice(backend):
    done = ok(backend, rts(images=[image(pad_to=3 * MB), *images(4)]))
    assert not any("3 MB" in w for w in done.warnings)
    done = ok(backend, rts(images=[image(pad_to=3 * MB + 1), *images(4)], sku_code="I3", title=words(65)))
    assert any("建议不超过 3 MB" in w for w in done.warnings)


def test_640_pixels_advised(backend):
    fine = ok(backend, rts(images=[image(640, 640), *images(4)]))
    assert not any("640×640 以上" in w for w in fine.warnings)
    small = ok(backend, rts(images=[image(639, 639), *images(4)], sku_code="S639", title=words(66)))
    assert any("639×639" in w for w in small.warnings)


def test_near_square_advised(backend):
    fine = ok(backend, rts(images=[image(800, 1000), *images(4)]))  # 0.8 is near enough
    assert not any("近似正方形" in w for w in fine.warnings)
    tall = ok(backend, rts(images=[image(800, 1001), *images(4)], sku_code="T", title=words(67)))
    assert any("近似正方形" in w for w in tall.warnings)


def test_five_images_advised(backend):
    assert not any("张以上" in w for w in ok(backend, rts(images=images(5))).warnings)
    assert any(
        "只有 4 张" in w for w in ok(backend, rts(images=images(4), sku_code="F4", title=words(68))).warnings
    )


def test_six_images_accepted_seven_refused(backend):
    assert ok(backend, rts(images=images(6))).product_id
    assert "最多 6 张（当前 7 张）" in refused(backend, rts(images=images(7), sku_code="S7"), "images")


def test_at_least_one_image(backend):
    assert "至少 1 张" in refused(backend, rts(images=[]), "images")


@pytest.mark.parametrize(
    "bad,why",
    [
        (("fake.jpg", b"not an image at all"), "不是有效的"),
        (image(fmt="GIF", name="anim.gif"), "只支持 JPG"),
        (image(fmt="PNG", name="really-png.jpg"), "不符"),
        (("<script>.jpg", image()[1]), "HTML"),
        ("just text", "图片银行里没有"),
        (12345, "应为上传的图片文件"),
    ],
)
def test_files_that_are_not_usable_images_are_refused(backend, bad, why):
    assert why in refused(backend, rts(images=[bad, *images(4)]), "images")


def test_png_images_are_fine(backend):
    assert ok(backend, rts(images=[image(fmt="PNG", name="white.png"), *images(4)])).product_id


# --- main video (L1533-1537, L1980) -------------------------------------------------------------------
def test_a_real_video_file_is_measured(backend):
    done = ok(backend, rts(video=("main.mov", video_bytes(31.5, 1920, 1080, container="mov"))))
    video = backend.products.get(done.product_id).video
    assert (video.source, video.seconds, video.width, video.height) == ("upload", 31.5, 1920, 1080)


def test_video_of_45_seconds_accepted_46_refused(backend):
    done = ok(backend, rts(video=("main.mp4", mp4(45))))
    assert backend.products.get(done.product_id).video.seconds == 45
    message = refused(backend, rts(video=("main.mp4", mp4(46)), sku_code="V46"), "video")
    assert "不能超过 45 秒（当前 46 秒）" in message
    refused(backend, rts(video=("main.mp4", mp4(45.01)), sku_code="V4501"), "video")


def test_videos_under_20_seconds_get_advice(backend):
    assert any("19 秒" in w for w in ok(backend, rts(video=("a.mp4", mp4(19)))).warnings)
    done = ok(backend, rts(video=("b.mp4", mp4(20)), sku_code="V20", title=words(64)))
    assert not any("建议 20–45 秒" in w for w in done.warnings)


def test_video_at_least_480p(backend):
    assert ok(backend, rts(video=("a.mp4", mp4(30, 640, 480)))).product_id
    assert "480P" in refused(backend, rts(video=("a.mp4", mp4(30, 640, 479)), sku_code="R479"), "video")


def test_portrait_video_gets_advice(backend):
    done = ok(backend, rts(video=("a.mp4", mp4(30, 720, 1280))))
    assert any("横屏" in w for w in done.warnings)


def test_video_over_100_mb_refused(backend):
    assert "不能超过 100 MB" in refused(
        backend, rts(video=("big.mp4", mp4(30, pad_to=100 * MB + 1))), "video"
    )
    assert ok(backend, rts(video=("ok.mp4", mp4(30, pad_to=100 * MB)))).product_id


@pytest.mark.parametrize("bad", [("clip.avi", mp4(30)), ("clip.mp4", b"garbage" * 10), "VID-NOPE"])
def test_unusable_videos_are_refused(backend, bad):
    refused(backend, rts(video=bad), "video")


def test_a_phone_clip_turned_upright_is_portrait(backend):
    done = ok(backend, rts(video=("phone.mp4", video_bytes(30, 1280, 720, rotation=90))))
    video = backend.products.get(done.product_id).video
    assert (video.width, video.height) == (720, 1280) and any("横屏" in w for w in done.warnings)


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("cut.mp4", video_bytes(30, 640, 480)[:-400], ("主图视频（cut.mp4）无法读取", "不完整")),
        ("photo.mp4", image(fmt="PNG")[1], ("主图视频（photo.mp4）无法读取", "PNG 图片")),
        ("notes.mov", b"just some text\n" * 50, ("无法读取", "不是视频")),
        ("clip.mp4", video_bytes(2, 640, 480, container="webm"), ("只支持 MP4、MOV", "其实是 WebM")),
    ],
)
def test_truncated_renamed_and_other_format_videos_get_a_clear_error(backend, name, data, words):
    message = refused(backend, rts(video=(name, data)), "video")
    for w in words:
        assert w in message, message


def _clip(clip_id: str, seconds: float, size: int, width: int = 1280, height: int = 720):
    from alisim_widgets.sim.media_models import VideoClip

    return VideoClip(
        id=clip_id, file_name=f"{clip_id}.mp4", subject="测试", duration_s=seconds, width=width, height=height,
        size_bytes=size, uploaded_on=dt.date(2022, 4, 1),
    )  # fmt: skip


def test_video_bank_clips_are_checked_by_their_metadata(backend):
    with backend.transaction("test.bank") as work:
        work.videos = [_clip("V-OK", 45, 100 * MB), _clip("V-LONG", 46, MB), _clip("V-BIG", 30, 100 * MB + 1)]
    p = backend.products.get(ok(backend, rts(video="V-OK")).product_id)
    assert p.video.source == "bank" and p.video.bank_id == "V-OK"
    assert "46 秒" in refused(backend, rts(video="V-LONG", sku_code="B1"), "video")
    assert "100 MB" in refused(backend, rts(video="V-BIG", sku_code="B2"), "video")


# --- duplicate listing (L1701-1703) -------------------------------------------------------------------
def test_the_same_product_with_only_the_title_changed_is_a_duplicate(backend):
    first = ok(backend, rts()).product_id
    message = refused(
        backend, rts(title="Marble Run Building Blocks Set for Kids Ball Track Maze Toy"), "duplicate"
    )
    assert f"ID {first}" in message and "重复铺货" in message


def test_changed_images_and_description_still_a_duplicate(backend):
    ok(backend, rts())
    values = rts(images=images(3), description="Marble run with 168 balls.", title=words(65))
    refused(backend, values, "duplicate")


def test_a_really_different_product_is_not_a_duplicate(backend):
    ok(backend, rts())
    other = rts(
        title="Wooden Train Track Set 80 Pcs Kids Railway Toy",
        price_tiers=[(2, 30), (100, 25)],
        package_cm=(40, 30, 10),
        weight_kg=1.5,
        sku_code="9503001000",
        material="Wood",
        description="Wooden railway with 80 pieces and 2 trains.",
        images=[image(900, 900, color=(1, 2, 3))],
    )
    assert backend.products.publish(other).product_id == 3181


def test_editing_a_product_is_not_a_duplicate_of_itself(backend):
    pid = ok(backend, rts()).product_id
    done = backend.products.publish(rts(title=words(65)), product_id=pid)
    assert done.updated and done.product_id == pid
    assert backend.products.get(pid).title == words(65)
    assert backend.products.get(pid).updated_on == backend.today()


def test_edited_product_keeps_its_images_without_uploading_again(backend):
    pid = ok(backend, rts()).product_id
    kept = backend.products.get(pid).images
    assert backend.products.publish(rts(images=kept, stock=900), product_id=pid).updated
    forged = kept[0].model_copy(update={"size_bytes": 1})
    assert "不是本产品已上传的图片" in refused(backend, rts(images=[forged]), "images", product_id=pid)


# --- state and permissions ----------------------------------------------------------------------------
def test_a_refused_submission_changes_nothing(backend):
    ok(backend, rts())
    before = (backend.path.read_bytes(), len(backend.state.products))
    with pytest.raises(ValidationFailed) as info:
        ok(backend, custom(title=words(129), keywords=[], port="", images=[]))
    assert {"title", "keywords", "port", "images"} <= set(info.value.by_field())  # every error at once
    assert (backend.path.read_bytes(), len(backend.state.products)) == before
    assert (backend.path.parent / STATE_FILENAME).exists()


def test_unknown_fields_are_an_error(backend):
    with pytest.raises(SimError, match="没有这些字段"):
        ok(backend, rts(nickname="x"))


def _as(backend, role: str) -> str:
    sub = SubAccount(
        id=f"sub{len(backend.state.sub_accounts) + 1:02d}", role=role, name="Li Lei", gender="男",
        email=f"lilei{len(backend.state.sub_accounts)}@example.com", password_hash=hash_password("secret12"),
        created_on=backend.today(),
    )  # fmt: skip
    with backend.transaction("test.sub") as work:
        work.sub_accounts.append(sub)
        work.acting_as = sub.id
    return sub.id


@pytest.mark.parametrize("role", [rules.ROLE_MAKER, rules.ROLE_SALES, rules.ROLE_MANAGER])
def test_every_role_may_publish_and_products_belong_to_the_admin(backend, role):
    _as(backend, role)
    p = backend.products.get(ok(backend, rts()).product_id)
    assert p.owner == "admin"  # RULES.md: new products default to the admin


@pytest.mark.parametrize("role", [rules.ROLE_MAKER, rules.ROLE_SALES, rules.ROLE_MANAGER])
def test_only_the_admin_manages_certified_products(backend, role):
    _as(backend, role)
    with pytest.raises(PermissionDenied, match="管理认证产品"):
        certify(backend)


def test_products_are_never_assigned_to_a_maker(backend):
    maker = _as(backend, rules.ROLE_MAKER)
    sales = _as(backend, rules.ROLE_SALES)
    with backend.transaction("test.admin") as work:
        work.acting_as = "admin"
    with pytest.raises(SimError, match="制作员"):
        backend.products.assign(3175, maker)
    backend.products.assign(3175, sales)
    assert backend.products.get(3175).owner == sales


def test_take_down_and_republish(backend):
    backend.products.set_status(3179, "已下架")
    assert backend.products.get(3179).status == "已下架"
    backend.products.set_status(3179, "已发布")
    backend.products.set_status(3177, "已下架")
    with pytest.raises(SimError, match="标题违规"):
        backend.products.set_status(3177, "已发布")


def test_delete_removes_the_duplicate(backend):
    backend.products.delete(3169)
    with pytest.raises(SimError, match="没有 ID 为 3169"):
        backend.products.get(3169)


def test_the_sim_does_not_import_ipywidgets():
    import subprocess
    import sys

    code = "import alisim_widgets.sim.products, alisim_widgets.sim.product_workbench, sys; print('ipywidgets' in sys.modules)"
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
    )


def test_new_ids_follow_the_store(backend):
    assert ok(backend, rts()).product_id == 3180
    assert (
        aw.open_backend("03_product", path=backend.path.parent).products.get(3180).title == RTS_TASK["title"]
    )


# --- image bank (图片银行) ----------------------------------------------------------------------------
def test_image_bank_pictures_can_be_main_images(backend):
    done = ok(backend, rts(images=[f"IMG-MARBLE-0{i}" for i in range(1, 6)]))
    p = backend.products.get(done.product_id)
    assert [i.name for i in p.images] == [b.image.name for b in backend.state.image_bank[:5]]


def test_image_bank_pictures_follow_the_same_rules(backend):
    assert "不能超过 5 MB（当前 6.3 MB）" in refused(backend, rts(images=["IMG-RAW-01"]), "images")
    done = ok(backend, rts(images=["IMG-BANNER-01", "IMG-HEAVY-01", "IMG-SMALL-01"]))
    advice = " ".join(done.warnings)
    assert "近似正方形" in advice and "建议不超过 3 MB" in advice and "480×480" in advice
    assert "图片银行里没有" in refused(backend, rts(images=["IMG-NOPE"]), "images")


# --- hostile input on the fields a person picks from a list (code can send anything) ---------------------
CHOICE_FIELDS = [
    "product_type", "price_mode", "sell_by", "unit", "shipping_mode", "logistics_attribute", "freight_template",
    "special_goods",
]  # fmt: skip
MULTI_FIELDS = ["payment_methods", "customization", "other_services", "features"]
HOSTILE_CHOICES = {
    "unknown": "Unknown Option",
    "script": "<script>alert(1)</script>",
    "sql": "x'); DROP TABLE accounts; --",
    "emoji": "好玩具😀",
    "number": 7,
    "list": ["a", "b"],
}


@pytest.mark.parametrize("key", CHOICE_FIELDS)
@pytest.mark.parametrize("case", list(HOSTILE_CHOICES))
def test_hostile_choices_are_refused_and_change_nothing(backend, key, case):
    values = custom() if key == "shipping_mode" else rts()  # RTS refuses every shipping mode but 快递 anyway
    message = refused(backend, {**values, key: HOSTILE_CHOICES[case]}, key)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)


@pytest.mark.parametrize("key", MULTI_FIELDS)
@pytest.mark.parametrize("case", ["unknown", "script", "sql", "number"])
def test_hostile_multi_choices_are_refused(backend, key, case):
    values = custom()
    bad = HOSTILE_CHOICES[case]
    refused(backend, {**values, key: [bad] if isinstance(bad, str) else bad}, key)


@pytest.mark.parametrize("case", ["huge", "script", "sql", "emoji", "whitespace"])
def test_hostile_category_is_refused(backend, case):
    from tests.hostile import HOSTILE_TEXT

    refused(backend, rts(category=HOSTILE_TEXT[case]), "category")


def test_an_account_that_no_longer_exists_may_not_publish(backend):
    with backend.transaction("test.ghost") as work:
        work.acting_as = "sub99"
    with pytest.raises(PermissionDenied, match="不存在"):
        backend.products.publish(rts())
