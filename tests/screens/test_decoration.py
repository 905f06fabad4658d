"""The 全球旺铺装修 screen (02.4.1): uploads through real FileUpload widgets, errors, preview, permissions."""

from __future__ import annotations

import ipywidgets as W
import pytest

import alisim_widgets as aw
from alisim_widgets.screens.decoration import preview_html
from alisim_widgets.sim.persistence import STATE_FILENAME
from alisim_widgets.sim.scenarios.storyline import storyline_products
from tests.hostile import HOSTILE_TEXT, assert_refused, file_bytes
from tests.media_files import image_bytes, mp4_bytes


def complete() -> dict:
    """Every module of the task, as a person would fill it (files as bytes with a name)."""
    return {
        "signboard_image": ("signboard.png", image_bytes(1200, 280)),
        "show_company_name": True,
        "carousel_images": [(f"banner{n}.jpg", image_bytes(900, 350, "JPEG")) for n in range(3)],
        "carousel_height": 350,
        "carousel_rotation": "每五秒切换",
        "banner_images": [("wide.png", image_bytes(1920, 550))],
        "banner_height": "550",
        "agent1_name": "Xu tiantian",
        "agent1_tm_account": "dianyue_xu",
        "agent1_kind": "售前咨询",
        "agent1_avatar": ("xu.png", image_bytes(100, 100)),
        "custom_title": "Why Choose Us",
        "custom_content": "One-stop service & fast response",
        "video_file": ("profile.mp4", mp4_bytes(95)),
        "video_title": "Company Profile",
        "tiled_products": ["3168", "3170"],
    }


@pytest.fixture
def screen(make_backend):
    return aw.screen_for("02.4.1", make_backend("02_store"))


def test_upload_fields_are_real_file_upload_widgets(screen):
    for key in (
        "signboard_image",
        "carousel_images",
        "banner_images",
        "agent1_avatar",
        "custom_image",
        "video_file",
    ):
        assert isinstance(screen.inputs[key], W.FileUpload), key
    assert screen.inputs["carousel_images"].multiple and not screen.inputs["signboard_image"].multiple
    assert screen.inputs["video_file"].accept == ".mp4,.mov"


def test_fill_puts_the_bytes_in_the_widget_as_a_browser_would(screen):
    data = image_bytes(1200, 280)
    screen.fill(signboard_image=("shop.png", data))
    value = screen.inputs["signboard_image"].value
    assert (
        value[0]["name"] == "shop.png"
        and bytes(value[0]["content"]) == data
        and value[0]["size"] == len(data)
    )
    assert "shop.png" in screen.signboard.file_names["signboard_image"].value
    screen.fill(signboard_image=data)  # raw bytes get a name
    assert screen.inputs["signboard_image"].value[0]["name"].endswith(".png")


def test_every_module_saves_and_the_preview_shows_it(screen):
    result = screen.fill(**complete()).submit()
    assert result.ok, result
    deco = screen.backend.state.decoration
    assert deco.signboard.image.width == 1200 and len(deco.carousel.images) == 3 and deco.video.seconds == 95
    html = screen.preview.value
    assert html.count("data:image/jpeg;base64,") >= 1 + 1 + 1 + 1  # signboard, carousel, banner, avatar
    assert "湖南典阅科技有限公司" in html and "Why Choose Us" in html and "Xu tiantian" in html
    assert "One-stop service &amp; fast response" in html  # text is escaped
    assert "导航栏遮挡底部 44 像素" in html
    assert screen.backend.state.audit[-1].source == "screen"


def test_each_tab_has_its_own_save_button(screen):
    screen.carousel.fill(carousel_images=[("b.png", image_bytes(900, 250))], carousel_height=250,
                         carousel_rotation="不轮播（买家手动切换）")  # fmt: skip
    screen.carousel.submit_button.click()
    assert screen.carousel.last_result.ok and screen.backend.state.decoration.carousel.height == 250
    assert "轮播 banner" in screen.preview.value  # the container redraws the preview after a tab's save


def test_errors_show_beside_the_upload_and_the_files_stay(screen):
    bad = [("b1.jpg", image_bytes(900, 350, "JPEG")), ("wide.png", image_bytes(900, 1000))]
    result = screen.fill(carousel_images=bad, carousel_height=350, carousel_rotation="每五秒切换").submit()
    assert not result.ok
    assert "第 2 张（wide.png）" in screen.error_labels["carousel_images"].value
    assert "1000" in result.errors["carousel_images"]
    assert [f["name"] for f in screen.inputs["carousel_images"].value] == ["b1.jpg", "wide.png"]
    assert screen.backend.state.decoration is None


def test_a_refused_module_does_not_stop_the_others(screen):
    result = screen.fill(signboard_image=("s.png", image_bytes(1200, 280)),
                         video_file=("v.mp4", mp4_bytes(700))).submit()  # fmt: skip
    assert not result.ok and "video_file" in result.errors and "视频" in result.message
    assert (
        screen.backend.state.decoration.signboard is not None
        and screen.backend.state.decoration.video is None
    )
    # the refused module is still pending: fixing it and submitting again saves it
    assert screen.fill(video_file=("v.mp4", mp4_bytes(300))).submit().ok


def test_tiled_products_pick_from_the_store(make_backend):
    backend = make_backend("02_store")
    with backend.transaction("test.no_products") as work:
        work.products = []
    screen = aw.screen_for("02.4.1", backend)
    assert "还没有已发布的产品" in screen.tiled.widget.children[2].children[-1].value
    with backend.transaction("test.products") as work:
        work.products = storyline_products()
    screen = aw.screen_for("02.4.1", backend)
    ids = [p.id for p in backend.state.products][:4]
    assert screen.fill(tiled_title="Hot Products", tiled_products=ids).submit().ok
    assert backend.state.decoration.tiled.product_ids == ids
    assert "Hot Products" in screen.preview.value
    with pytest.raises(ValueError, match="没有编号为 1 "):
        screen.fill(tiled_products=[1])
    again = aw.screen_for("02.4.1", backend)
    assert again.values()["tiled_products"] == [str(i) for i in ids]


def test_custom_areas_are_added_and_removed(screen):
    screen.fill(custom_title="A", custom_content="first").submit()
    screen.fill(custom_title="B", custom_content="second").submit()
    assert screen.values()["custom_title"] == ""  # ready for the next area
    assert "2 / 15" in screen.custom.area_list.value
    assert screen.custom.remove(1).ok
    assert [a.title for a in screen.backend.state.decoration.custom_areas] == ["B"]


def test_saved_decoration_shows_after_restart(tmp_path):
    screen = aw.screen_for("02.4.1", aw.open_backend("02_store", path=tmp_path))
    screen.fill(**complete()).submit()
    again = aw.screen_for("02.4.1", aw.open_backend("02_store", path=tmp_path))
    assert "signboard.png" in again.signboard.status.value
    assert again.values()["carousel_height"] == "350" and again.values()["agent1_name"] == "Xu tiantian"
    assert "Why Choose Us" in again.preview.value


def test_only_admin_and_maker_may_decorate(screen):
    backend = screen.backend
    for sub, ok in (("sub01", False), ("sub02", True)):
        backend.switch_account(sub)
        screen = aw.screen_for("02.4.1", backend)
        before = file_bytes(backend.path)
        result = screen.fill(signboard_image=("s.png", image_bytes(1200, 280))).submit()
        assert result.ok is ok, result
        if not ok:
            assert "管理全球旺铺" in result.message and "只有管理员和制作员" in screen.role_html.value
            assert file_bytes(backend.path) == before


def test_preview_escapes_hand_edited_text(screen):
    screen.fill(custom_title="T", custom_content="c").submit()
    with screen.backend.transaction("test.edit") as work:
        work.decoration.custom_areas[0].title = "<script>alert(1)</script>"
    assert "<script>" not in preview_html(screen.backend)


TEXT_KEYS = [
    "custom_title",
    "custom_content",
    "video_title",
    "tiled_title",
    "product_module_link",
    "agent1_name",
    "agent1_tm_account",
]
REQUIRED = {"custom_title", "custom_content", "agent1_name", "agent1_tm_account"}
CASES = [(k, c) for k in TEXT_KEYS for c in HOSTILE_TEXT if k in REQUIRED or c not in ("empty", "whitespace")]


def _module_data(key: str) -> dict:
    data = complete()
    if key.startswith("custom"):
        return {k: data[k] for k in ("custom_title", "custom_content")}
    if key.startswith("video"):
        return {k: data[k] for k in ("video_file", "video_title")}
    if key.startswith("agent"):
        return {k: v for k, v in data.items() if k.startswith("agent1")}
    return {"tiled_title": "Hot", "tiled_products": ["3168"]}


@pytest.mark.parametrize(("key", "case"), CASES, ids=[f"{k}-{c}" for k, c in CASES])
def test_hostile_text_is_refused_and_changes_nothing(tmp_path, key, case):
    backend = aw.open_backend("02_store", path=tmp_path)
    screen = aw.screen_for("02.4.1", backend)
    screen.fill(**complete()).submit()  # the file exists now: it must not change
    assert_refused(screen, _module_data(key), key, HOSTILE_TEXT[case], tmp_path / STATE_FILENAME)


HOSTILE_FILES = {
    "text": ("notes.png", b"hello, not a picture"),
    "empty": ("empty.png", b""),
    "script": ("x.png", b"<script>alert(1)</script>"),
    "svg": ("x.png", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
    "truncated": ("cut.png", image_bytes(1200, 280)[:300]),
}
FILE_KEYS = [
    "signboard_image",
    "signboard_logo",
    "carousel_images",
    "banner_images",
    "agent1_avatar",
    "custom_image",
    "video_file",
]
FILE_CASES = [(k, c) for k in FILE_KEYS for c in HOSTILE_FILES]


@pytest.mark.parametrize(("key", "case"), FILE_CASES, ids=[f"{k}-{c}" for k, c in FILE_CASES])
def test_hostile_files_are_refused_and_change_nothing(tmp_path, key, case):
    backend = aw.open_backend("02_store", path=tmp_path)
    screen = aw.screen_for("02.4.1", backend)
    screen.fill(**complete()).submit()
    data = complete()
    module = {
        "signboard_image": ["signboard_image"],
        "signboard_logo": ["signboard_image"],
        "carousel_images": ["carousel_images", "carousel_height", "carousel_rotation"],
        "banner_images": ["banner_images", "banner_height"],
        "agent1_avatar": [k for k in data if k.startswith("agent1")],
        "custom_image": ["custom_title", "custom_content"],
        "video_file": ["video_file", "video_title"],
    }[key]
    values = {k: data[k] for k in module}
    bad = HOSTILE_FILES[case]
    if key == "video_file":
        bad = (bad[0].replace(".png", ".mp4"), bad[1])
    values[key] = [bad] if key in ("carousel_images", "banner_images") else bad
    before = file_bytes(tmp_path / STATE_FILENAME)
    result = screen.fill(**values).submit()
    assert not result.ok and key in result.errors, result
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.errors[key])
    assert file_bytes(tmp_path / STATE_FILENAME) == before


@pytest.mark.parametrize("bad", ["abc", "-5", "300", 300])
def test_heights_outside_the_options_cannot_be_picked(screen, bad):
    with pytest.raises(ValueError, match="没有这个选项"):
        screen.fill(carousel_height=bad)


def test_no_height_picked_is_refused_beside_the_field(screen):
    result = screen.fill(carousel_images=[("b.png", image_bytes(900, 350))], carousel_rotation="每五秒切换",
                         carousel_height=None).submit()  # fmt: skip
    assert not result.ok and "carousel_height" in result.errors
    assert screen.backend.state.decoration is None


def test_signboard_style_banner_places_and_module_link_show_again(make_backend):
    backend = make_backend("02_store")
    screen = aw.screen_for("02.4.1", backend)
    values = {
        "signboard_image": ("s.png", image_bytes(1200, 280)), "signboard_logo": ("logo.png", image_bytes(80, 80)),
        "name_font": "Georgia", "name_size": 28, "name_effect": "阴影",
        "carousel_images": [("c.png", image_bytes(800, 350))], "carousel_height": 350,
        "carousel_rotation": "不轮播（买家手动切换）", "carousel_placement": "店招下方（首屏）",
        "banner_images": [("b.png", image_bytes(1920, 650))], "banner_height": 650, "banner_placement": "页面底部",
        "product_module_type": "重点推荐", "tiled_products": ["3170"],
        "product_module_link": "https://dianyue.en.alibaba.com/productlist.html",
    }  # fmt: skip
    result = screen.fill(**values).submit()
    assert result.ok, result
    assert any("建议宽 900" in w for w in result.warnings)  # 800 px wide: advice, saved anyway
    again = aw.screen_for("02.4.1", backend).values()
    assert (again["name_font"], again["name_size"], again["name_effect"]) == ("Georgia", "28", "阴影")
    assert again["carousel_placement"] == "店招下方（首屏）" and again["banner_placement"] == "页面底部"
    assert again["carousel_rotation"] == "不轮播（买家手动切换）"
    assert backend.state.decoration.product_modules[0].module_type == "重点推荐"
    assert "重点推荐" in preview_html(backend)
