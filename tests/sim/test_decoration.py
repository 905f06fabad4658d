"""全球旺铺装修 (02.4.1): every limit, with real image files of the right and wrong size, format and pixels."""

from __future__ import annotations

import pytest

from alisim_widgets.sim import rules
from alisim_widgets.sim.decoration import read_upload, signboard_bottom_busy
from alisim_widgets.sim.errors import SimError, ValidationFailed
from alisim_widgets.sim.scenarios.storyline import storyline_products
from tests.hostile import file_bytes
from tests.media_files import image_bytes, mp4_bytes, noisy_jpeg, video_bytes

MB2 = rules.CAROUSEL_MAX_BYTES


@pytest.fixture
def backend(make_backend):
    return make_backend("02_store")


@pytest.fixture
def deco(backend):
    return backend.decoration


def refused(backend, action, key: str, *words: str) -> str:
    """``action`` is refused with an error on ``key`` (containing ``words``) and the file is unchanged."""
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as exc:
        action()
    errors = exc.value.by_field()
    assert key in errors, errors
    for w in words:
        assert w in errors[key], errors[key]
    assert file_bytes(backend.path) == before
    return errors[key]


def png(w, h, **kw):
    return ("img.png", image_bytes(w, h, "PNG", **kw))


def jpg(w, h, **kw):
    return ("img.jpg", image_bytes(w, h, "JPEG", **kw))


# --- signboard ----------------------------------------------------------------------------------
def test_signboard_of_the_advised_size_is_saved_with_its_measured_pixels(backend, deco):
    assert deco.set_signboard(png(1200, 280)) == []
    sb = backend.state.decoration.signboard
    assert (sb.image.width, sb.image.height, sb.image.format) == (1200, 280, "PNG")
    assert sb.image.preview.startswith("data:image/jpeg;base64,")


@pytest.mark.parametrize("w, h", [(1199, 280), (1200, 279), (600, 140)])
def test_a_smaller_signboard_fails(backend, deco, w, h):
    refused(backend, lambda: deco.set_signboard(png(w, h)), "signboard_image", "1200×280", f"{w}×{h}")


def test_a_larger_signboard_is_accepted_with_advice(deco):
    warnings = deco.set_signboard(jpg(1201, 281))
    assert any("建议尺寸" in w for w in warnings)


def test_the_covered_bottom_strip_is_checked(deco):
    assert not any("44" in w for w in deco.set_signboard(png(1200, 280)))
    assert any("44 像素" in w for w in deco.set_signboard(png(1200, 280, bottom_text=True)))
    # content in the middle only: the navigation bar hides nothing important
    assert not any("44" in w for w in deco.set_signboard(png(1200, 280, text="Dianyue")))


def test_signboard_bottom_busy_scales_with_the_image():
    assert signboard_bottom_busy(image_bytes(2400, 560, bottom_text=True))
    assert not signboard_bottom_busy(image_bytes(2400, 560))


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "WEBP"])
def test_signboard_formats_other_than_jpg_png_are_refused(backend, deco, fmt):
    # named .jpg on purpose: the simulator reads the bytes, not the name
    refused(
        backend, lambda: deco.set_signboard(("fake.jpg", image_bytes(1200, 280, fmt))), "signboard_image", fmt
    )


@pytest.mark.parametrize("content", [b"", b"not an image at all", image_bytes(1200, 280)[:200]])
def test_broken_files_are_refused(backend, deco, content):
    refused(backend, lambda: deco.set_signboard(("x.png", content)), "signboard_image")


def test_the_default_signboard_needs_no_upload(backend, deco):
    refused(backend, lambda: deco.set_signboard(None), "signboard_image", "默认招牌")
    deco.set_signboard(None, use_default=True, show_company_name=False)
    sb = backend.state.decoration.signboard
    assert sb.image is None and sb.show_company_name is False


# --- carousel -----------------------------------------------------------------------------------
@pytest.mark.parametrize("height", rules.CAROUSEL_HEIGHTS_PX)
@pytest.mark.parametrize("rotation", rules.CAROUSEL_ROTATION)
def test_carousel_heights_and_rotations(backend, deco, height, rotation):
    deco.set_carousel([jpg(900, height), png(900, height)], height, rotation)
    m = backend.state.decoration.carousel
    assert (m.height, m.rotation, len(m.images)) == (height, rotation, 2)


def test_carousel_holds_four_images_not_five(backend, deco):
    deco.set_carousel([png(900, 250)] * 4, 250, "不轮播（买家手动切换）")
    refused(
        backend,
        lambda: deco.set_carousel([png(900, 250)] * 5, 250, "不轮播（买家手动切换）"),
        "carousel_images",
        "最多 4 张",
    )
    refused(
        backend,
        lambda: deco.set_carousel([], 250, "不轮播（买家手动切换）"),
        "carousel_images",
        "至少上传 1 张",
    )


@pytest.mark.parametrize("width", [899, 901, 1200])
def test_carousel_width_900_is_advice(backend, deco, width):
    # L1158: 建议宽为900像素 — other widths are saved, with advice naming both widths.
    warnings = deco.set_carousel([png(width, 350)], 350, "每五秒切换")
    assert backend.state.decoration.carousel.images[0].width == width
    assert len(warnings) == 1 and "建议宽 900" in warnings[0] and str(width) in warnings[0]
    assert deco.set_carousel([png(900, 350)], 350, "每五秒切换") == []


def test_rotation_options_are_worded_as_printed(backend, deco):
    assert rules.CAROUSEL_ROTATION == ("不轮播（买家手动切换）", "每五秒切换", "每十秒切换")  # L1154-1156
    deco.set_carousel([png(900, 350)], 350, "5秒")  # the old short name still means the same
    assert backend.state.decoration.carousel.rotation == "每五秒切换"


def test_a_state_saved_with_old_rotation_names_loads_with_the_new_wording():
    from alisim_widgets.sim.decoration_models import BannerModule

    m = BannerModule.model_validate({"height": 350, "rotation": "10秒", "updated_at": "2022-03-20T10:00:00"})
    assert m.rotation == "每十秒切换"


@pytest.mark.parametrize("place", rules.BANNER_PLACEMENTS)
def test_banners_are_placed_where_dragged(backend, deco, place):
    deco.set_carousel([png(900, 350)], 350, "每五秒切换", place)
    deco.set_full_banner([png(1920, 550)], 550, place)
    assert (
        backend.state.decoration.carousel.placement == backend.state.decoration.full_banner.placement == place
    )
    refused(
        backend, lambda: deco.set_carousel([png(900, 350)], 350, "每五秒切换", "左边"), "carousel_placement"
    )
    refused(backend, lambda: deco.set_full_banner([png(1920, 550)], 550, "顶上"), "banner_placement")


def test_carousel_images_match_the_chosen_height(backend, deco):
    refused(
        backend,
        lambda: deco.set_carousel([png(900, 350)], 250, "每五秒切换"),
        "carousel_images",
        "250",
        "350",
    )
    refused(
        backend,
        lambda: deco.set_carousel([png(900, 300)], 300, "每五秒切换"),
        "carousel_height",
        "250 / 350 / 450",
    )


def test_carousel_rotation_options(backend, deco):
    refused(backend, lambda: deco.set_carousel([png(900, 350)], 350, "3秒"), "carousel_rotation")
    refused(backend, lambda: deco.set_carousel([png(900, 350)], 350, None), "carousel_rotation")


def test_carousel_images_up_to_exactly_2_mb(backend, deco):
    exact = noisy_jpeg(900, 350, MB2)
    over = noisy_jpeg(900, 350, MB2 + 1)
    assert (len(exact), len(over)) == (MB2, MB2 + 1)
    deco.set_carousel([("exact.jpg", exact)], 350, "每五秒切换")
    assert backend.state.decoration.carousel.images[0].size_bytes == MB2
    refused(
        backend,
        lambda: deco.set_carousel([("over.jpg", over)], 350, "每五秒切换"),
        "carousel_images",
        "2.00 MB",
    )


def test_carousel_refuses_gif_and_reports_every_bad_image(backend, deco):
    message = refused(
        backend,
        lambda: deco.set_carousel(
            [("a.gif", image_bytes(900, 350, "GIF")), png(900, 350), png(900, 300)], 350, "每五秒切换"
        ),
        "carousel_images",
    )
    assert "第 1 张" in message and "GIF" in message and "第 3 张" in message and "第 2 张" not in message


def test_the_saved_store_stays_small(backend, deco):
    deco.set_carousel([("big.jpg", noisy_jpeg(900, 450, MB2))] * 4, 450, "每十秒切换")
    assert backend.path.stat().st_size < 400_000  # previews only, never the 8 MB of originals


# --- full-width banner -------------------------------------------------------------------------
@pytest.mark.parametrize("height", rules.FULL_BANNER_HEIGHTS_PX)
def test_full_banner_heights(backend, deco, height):
    deco.set_full_banner([png(1920, height)] * 5, height)
    assert len(backend.state.decoration.full_banner.images) == 5


def test_full_banner_limits(backend, deco):
    refused(backend, lambda: deco.set_full_banner([png(1920, 550)] * 6, 550), "banner_images", "最多 5 张")
    refused(backend, lambda: deco.set_full_banner([png(1919, 550)], 550), "banner_images", "1920")
    refused(backend, lambda: deco.set_full_banner([png(1921, 550)], 550), "banner_images", "1921")
    refused(backend, lambda: deco.set_full_banner([png(1920, 600)], 600), "banner_height", "550 / 650")
    refused(backend, lambda: deco.set_full_banner([png(1920, 650)], 550), "banner_images", "650")
    refused(backend, lambda: deco.set_full_banner([png(1920, 550)], "abc"), "banner_height")


# --- tiled products -----------------------------------------------------------------------------
@pytest.fixture
def with_products(backend):
    with backend.transaction("test.products") as work:
        work.products = storyline_products()
    return [p.id for p in backend.state.products]


def test_tiled_needs_products_in_the_store(backend, deco):
    assert [p.id for p in backend.state.products] == [3168, 3170]  # 02 has the first two listings
    with backend.transaction("test.no_products") as work:
        work.products = []
    refused(backend, lambda: deco.set_tiled_products([3175]), "tiled_products", "还没有已发布的产品")


def test_tiled_holds_at_most_eight_products(backend, deco, with_products):
    assert len(with_products) >= 9
    deco.set_tiled_products(with_products[:8], "Hot Products")
    assert backend.state.decoration.tiled.product_ids == with_products[:8]
    refused(backend, lambda: deco.set_tiled_products(with_products[:9]), "tiled_products", "最多 8 个")
    refused(backend, lambda: deco.set_tiled_products([]), "tiled_products", "至少")
    refused(backend, lambda: deco.set_tiled_products([99999]), "tiled_products", "99999")
    refused(backend, lambda: deco.set_tiled_products([with_products[0]] * 2), "tiled_products", "重复")
    refused(backend, lambda: deco.set_tiled_products(["abc"]), "tiled_products", "数字")


def test_the_02_store_can_tile_its_own_products(backend, deco):
    assert deco.set_tiled_products([3168, 3170], "Hot Products") == []
    assert backend.state.decoration.tiled.product_ids == [3168, 3170]


@pytest.mark.parametrize("kind", rules.PRODUCT_MODULE_TYPES)
def test_all_seven_product_module_types(backend, deco, kind):
    assert len(rules.PRODUCT_MODULE_TYPES) == 7  # L1164
    warnings = deco.set_tiled_products(
        [3168], f"{kind} module", kind, "https://dianyue.en.alibaba.com/products"
    )
    saved = backend.state.decoration
    module = (
        saved.tiled if kind == "平铺" else next(m for m in saved.product_modules if m.module_type == kind)
    )
    assert module.link == "https://dianyue.en.alibaba.com/products"
    if kind in ("橱窗产品", "主营产品认证", "智能产品推荐"):  # the platform picks these products
        assert module.product_ids == [] and "自动展示" in warnings[0]
    else:
        assert module.product_ids == [3168] and warnings == []


def test_a_single_product_module_holds_one(backend, deco):
    refused(
        backend, lambda: deco.set_tiled_products([3168, 3170], "", "单品"), "tiled_products", "只能选 1 个"
    )
    refused(backend, lambda: deco.set_tiled_products([3168], "", "横幅"), "product_module_type")
    deco.set_tiled_products([3170], "", "单品")
    deco.set_tiled_products([3168], "", "单品")  # saving a type again replaces it
    assert [m.product_ids for m in backend.state.decoration.product_modules] == [[3168]]


@pytest.mark.parametrize(
    "link",
    [
        "dianyue.en.alibaba.com",
        "ftp://dianyue.com/x",
        "https://a b.com",
        "https://x.com/<script>",
        "https://店铺.com/x",
    ],
)
def test_module_links_are_web_addresses(backend, deco, link):
    refused(backend, lambda: deco.set_tiled_products([3168], "", "平铺", link), "product_module_link")


def test_module_link_length_boundary(backend, deco):
    ok = "https://dianyue.en.alibaba.com/" + "a" * (rules.PRODUCT_MODULE_LINK_MAX - 31)
    assert len(ok) == rules.PRODUCT_MODULE_LINK_MAX
    deco.set_tiled_products([3168], "", "平铺", ok)
    refused(
        backend, lambda: deco.set_tiled_products([3168], "", "平铺", ok + "a"), "product_module_link", "300"
    )


def test_signboard_logo_and_the_company_name_style(backend, deco):
    deco.set_signboard(
        png(1200, 280), logo=png(120, 120), name_font="Arial", name_size=24, name_effect="加粗"
    )
    sb = backend.state.decoration.signboard
    assert (sb.logo.width, sb.name_font, sb.name_size, sb.name_effect) == (120, "Arial", 24, "加粗")
    low, high = min(rules.SIGNBOARD_FONT_SIZES), max(rules.SIGNBOARD_FONT_SIZES)
    deco.set_signboard(png(1200, 280), name_size=low)
    deco.set_signboard(png(1200, 280), name_size=high)
    refused(backend, lambda: deco.set_signboard(png(1200, 280), name_size=low - 1), "name_size", str(low - 1))
    refused(backend, lambda: deco.set_signboard(png(1200, 280), name_size=high + 1), "name_size")
    refused(backend, lambda: deco.set_signboard(png(1200, 280), name_font="Comic"), "name_font")
    refused(backend, lambda: deco.set_signboard(png(1200, 280), name_effect="闪烁"), "name_effect")
    refused(backend, lambda: deco.set_signboard(png(1200, 280), logo=("l.gif", image_bytes(50, 50, "GIF"))),
            "signboard_logo", "GIF")  # fmt: skip


# --- customer service ---------------------------------------------------------------------------
def agent(n: int, avatar=None, **kw):
    return {"name": f"客服{n}", "tm_account": f"dianyue_cs{n}", "kind": "售前咨询",
            "avatar": avatar or ("a.png", image_bytes(100, 100)), **kw}  # fmt: skip


def test_service_module_holds_five_accounts_not_six(backend, deco):
    assert deco.set_service([agent(n) for n in range(1, 6)]) == []
    assert len(backend.state.decoration.service.agents) == 5
    before = file_bytes(backend.path)
    with pytest.raises(SimError, match="最多添加 5 个"):
        deco.set_service([agent(n) for n in range(1, 7)])
    assert file_bytes(backend.path) == before


def test_service_avatars_are_jpg_or_png_and_100px_is_advised(backend, deco):
    assert deco.set_service([agent(1, ("a.jpg", image_bytes(100, 100, "JPEG")))]) == []
    warnings = deco.set_service([agent(1, ("a.png", image_bytes(101, 100)))])
    assert any("100×100" in w and "101×100" in w for w in warnings)
    refused(
        backend,
        lambda: deco.set_service([agent(1, ("a.gif", image_bytes(100, 100, "GIF")))]),
        "agent1_avatar",
        "GIF",
    )
    refused(backend, lambda: deco.set_service([agent(1, avatar=None) | {"avatar": None}]), "agent1_avatar")


def test_service_fields_are_checked_per_row(backend, deco):
    refused(backend, lambda: deco.set_service([agent(1), agent(2, kind="夜班")]), "agent2_kind")
    refused(
        backend,
        lambda: deco.set_service([agent(1), agent(2, tm_account="dianyue_cs1")]),
        "agent2_tm_account",
        "重复",
    )
    refused(backend, lambda: deco.set_service([{}, {}]), "agent1_name", "至少")


# --- custom areas -------------------------------------------------------------------------------
def test_at_most_fifteen_custom_areas(backend, deco):
    for n in range(15):
        deco.add_custom_area(f"Area {n}", "Text")
    before = file_bytes(backend.path)
    with pytest.raises(SimError, match="最多添加 15 个"):
        deco.add_custom_area("Area 16", "Text")
    assert file_bytes(backend.path) == before
    deco.remove_custom_area(3)
    deco.add_custom_area("Area 16", "Text")
    assert [a.id for a in backend.state.decoration.custom_areas][-1] == 16


def test_custom_area_text_is_plain_text(backend, deco):
    refused(
        backend, lambda: deco.add_custom_area("Hi", "<script>alert(1)</script>"), "custom_content", "HTML"
    )
    deco.add_custom_area("Why Choose Us", 'One-stop service & "fast" delivery\nSecond line', png(750, 400))
    area = backend.state.decoration.custom_areas[0]
    assert area.image.width == 750 and "\n" in area.content
    with pytest.raises(SimError):
        deco.remove_custom_area(99)


# --- video --------------------------------------------------------------------------------------
@pytest.mark.parametrize("seconds, ok", [(1, True), (599.9, True), (600, True), (600.5, False), (601, False)])
def test_video_up_to_ten_minutes(backend, deco, seconds, ok):
    action = lambda: deco.set_video(("intro.mp4", mp4_bytes(seconds)), "Company Profile")  # noqa: E731
    if ok:
        action()
        assert backend.state.decoration.video.seconds == pytest.approx(seconds)
    else:
        refused(backend, action, "video_file", "10 分钟")


def test_video_format_and_header(backend, deco):
    refused(backend, lambda: deco.set_video(("intro.avi", mp4_bytes(30))), "video_file", "MP4")
    refused(backend, lambda: deco.set_video(("intro.mp4", b"\0" * 100)), "video_file", "无法读取")
    refused(backend, lambda: deco.set_video(None), "video_file")
    deco.set_video(("intro.MOV", video_bytes(30, container="mov")))
    assert backend.state.decoration.video.seconds == 30


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("cut.mp4", mp4_bytes(95)[:-300], ("旺铺视频无法读取", "文件不完整")),
        ("banner.mp4", image_bytes(300, 200), ("旺铺视频无法读取", "PNG 图片")),
        ("readme.mp4", b"Company profile video, see attachment.\n" * 20, ("旺铺视频无法读取", "不是视频")),
        ("intro.mp4", video_bytes(2, container="webm"), ("只支持 MP4、MOV", "其实是 WebM")),
        ("intro.mov", video_bytes(2, container="avi"), ("只支持 MP4、MOV", "其实是 AVI")),
    ],
)
def test_truncated_renamed_and_other_format_videos_change_nothing(backend, deco, name, data, words):
    deco.set_video(("old.mp4", mp4_bytes(30)), "Old")
    refused(backend, lambda: deco.set_video((name, data), "New"), "video_file", *words)
    assert backend.state.decoration.video.filename == "old.mp4"


def test_video_size_limit_with_a_real_file(backend, deco, monkeypatch):
    # 500 MB is too much to build in a test: the same rule at a smaller limit, on both sides of it
    monkeypatch.setattr(rules, "SHOP_VIDEO_MAX_BYTES", 64 * 1024)
    deco.set_video(("edge.mp4", mp4_bytes(30, pad_to=64 * 1024)))
    assert backend.state.decoration.video.size_bytes == 64 * 1024
    refused(
        backend,
        lambda: deco.set_video(("big.mp4", mp4_bytes(30, pad_to=64 * 1024 + 1))),
        "video_file",
        "不能超过",
    )


# --- uploads and removal ------------------------------------------------------------------------
def test_read_upload_accepts_the_shapes_a_screen_or_code_passes():
    data = image_bytes(10, 10)
    for value in (data, ("a.png", data), {"name": "a.png", "content": memoryview(data)},
                  ({"name": "a.png", "content": data},)):  # fmt: skip
        assert read_upload(value).content == data
    assert read_upload(None) is None and read_upload(()) is None
    with pytest.raises(TypeError):
        read_upload(12)


def test_a_module_can_be_removed(backend, deco):
    deco.set_signboard(png(1200, 280))
    deco.remove("signboard")
    assert backend.state.decoration.signboard is None
    with pytest.raises(SimError):
        deco.remove("signboard")
    with pytest.raises(SimError):
        deco.remove("header")
