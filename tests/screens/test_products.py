"""The publishing screens (03.3.5, 03.3.6), the category picker and the product workbench, driven as a person."""

from __future__ import annotations

import datetime as dt

import pytest

import alisim_widgets as aw
from alisim_widgets.screens.product_workbench import ProductWorkbench
from alisim_widgets.screens.products import CategoryPicker, ProductPublishScreen, TitleChecker
from alisim_widgets.sim.persistence import STATE_FILENAME
from alisim_widgets.sim.products_models import PRICE_MODE_RANGE
from tests.hostile import HOSTILE_NUMBER, HOSTILE_TEXT, assert_refused, file_bytes
from tests.product_data import CUSTOM_TASK, RTS_TASK, image, images, mp4

BOARD = "Kids Plastic Balance Board with Maze Game Integration Training Wobble Board Children Fitness Board Activity Game"


@pytest.fixture
def backend(make_backend):
    return make_backend("03_product")


@pytest.fixture
def rts_screen(backend):
    return aw.screen_for("03.3.5", backend)


@pytest.fixture
def custom_screen(backend):
    return aw.screen_for("03.3.6", backend)


def upload(name: str, data: bytes) -> dict:
    """What ipywidgets' FileUpload holds after a person picks a file."""
    return {
        "name": name,
        "type": "",
        "size": len(data),
        "content": memoryview(data),
        "last_modified": dt.datetime.now(),
    }


def shown(screen, key: str) -> bool:
    return screen.rows[key].layout.display != "none"


# --- the tasks through the screens --------------------------------------------------------------------
def test_rts_task_publishes_through_the_screen(rts_screen):
    result = rts_screen.fill(**RTS_TASK, images=images(5)).submit()
    assert result.ok, result
    assert "发布成功！产品 ID 3180" in rts_screen.status.value
    p = rts_screen.backend.products.get(3180)
    assert p.title == RTS_TASK["title"] and p.task_id == "03.3.5"
    assert rts_screen.backend.state.audit[-1].source == "screen"


def test_customization_task_publishes_through_the_screen(custom_screen):
    result = custom_screen.fill(**CUSTOM_TASK, images=images(5)).submit()
    assert result.ok, result
    p = custom_screen.backend.products.get(result.data)
    assert (p.unit, p.port, p.product_type) == ("Piece/Pieces", "shanghai", "Customization")


def test_screens_are_preset_to_their_product_type(rts_screen, custom_screen):
    assert rts_screen.values()["product_type"] == "Ready to Ship"
    assert custom_screen.values()["product_type"] == "Customization"


def test_submit_button_does_what_submit_does(rts_screen):
    rts_screen.fill(**RTS_TASK, images=images(5))
    rts_screen.submit_button.click()
    assert rts_screen.last_result.ok


def test_rows_follow_the_product_type(rts_screen):
    assert (
        shown(rts_screen, "stock")
        and not shown(rts_screen, "payment_methods")
        and not shown(rts_screen, "port")
    )
    rts_screen.fill(product_type="Customization")
    assert (
        shown(rts_screen, "payment_methods") and shown(rts_screen, "port") and not shown(rts_screen, "stock")
    )
    assert "stock" not in rts_screen.values()


def test_price_mode_switches_between_ladder_and_range(custom_screen):
    assert shown(custom_screen, "price_tiers") or custom_screen.values()["price_mode"] is None
    custom_screen.fill(price_mode=PRICE_MODE_RANGE)
    assert (
        shown(custom_screen, "price_range")
        and shown(custom_screen, "moq")
        and not shown(custom_screen, "price_tiers")
    )


def test_attributes_follow_the_category_and_required_ones_are_starred(rts_screen):
    rts_screen.fill(category="玩具 >> 积木")
    assert shown(rts_screen, "scene") and shown(rts_screen, "feature") and not shown(rts_screen, "features")
    assert "alisim-star" in rts_screen.rows["material"].children[0].value
    rts_screen.fill(category="服装 > 儿童服装 > 儿童连衣裙")
    assert shown(rts_screen, "features") and shown(rts_screen, "size") and not shown(rts_screen, "scene")
    assert "alisim-star" not in rts_screen.rows["material"].children[0].value


def test_errors_show_beside_their_fields_and_typed_values_stay(rts_screen):
    long_title = "Marble " + "x" * 130
    result = rts_screen.fill(
        **{**RTS_TASK, "title": long_title, "lead_time": [(100, 20)]}, images=images(5)
    ).submit()
    assert not result.ok
    assert "标题不能超过 128 个字符（当前 137）" in rts_screen.error_labels["title"].value
    assert "15 天内发货" in rts_screen.error_labels["lead_time"].value
    assert rts_screen.error_labels["brand"].value == ""
    assert rts_screen.values()["title"] == long_title
    assert rts_screen.values()["lead_time"] == [("100", "20")]
    assert not rts_screen.backend.state.products[-1].id == 3180


def test_live_title_check_and_counters(rts_screen):
    rts_screen.fill(title=BOARD)
    assert "112/128" in rts_screen.counters["title"].value
    assert "“board”出现了 3 次" in rts_screen.title_hint.value
    rts_screen.fill(title="Bluetooth Speaker for Kids Music Toy")
    assert "品牌词" in rts_screen.title_hint.value
    rts_screen.fill(keywords=["Kids Dresses", "k" * 129])
    assert "129/128" in rts_screen.keyword_counts[1].value and "over" in rts_screen.keyword_counts[1].value
    assert "不能超过 128" in rts_screen.keyword_hint.value


def test_title_checker_for_the_notebook():
    checker = TitleChecker()
    assert "出现了 3 次" in checker.check(BOARD)
    assert "标题符合规则" in checker.check(
        "Wooden Building Blocks Set for Toddlers Early Learning Toy 100 Pcs"
    )


def test_category_picker_search_and_browse():
    picker = CategoryPicker()
    result = picker.search("积木")
    assert [c.text for c in result.categories] == ["玩具 >> 积木"]
    picker.results.value = "玩具 >> 积木"
    assert picker.value == "玩具 >> 积木" and "已选类目" in picker.chosen.value
    picker.set(None)
    picker.levels[0].value = "服装"
    picker.levels[1].value = "儿童服装"
    assert picker.value == ""  # not a leaf yet
    assert "最后一级" in picker.chosen.value
    picker.levels[2].value = "儿童连衣裙"
    assert picker.value == "服装 >> 儿童服装 >> 儿童连衣裙"


def test_category_picker_refuses_prohibited_goods_and_marks_restricted_ones():
    picker = CategoryPicker()
    assert picker.search("电子烟").prohibited and "禁售" in picker.message.value
    picker.search("contact lens")
    assert any("限制类目" in label for label, _ in picker.results.options)
    picker.set("Health & Medical > Medical Devices")
    assert "认证中心-证书管理" in picker.chosen.value


def test_restricted_category_is_refused_without_a_certificate(custom_screen):
    values = {**CUSTOM_TASK, "category": "医疗保健 >> 医疗器械", "features": [], "size": ""}
    result = custom_screen.fill(**values, images=images(5)).submit()
    assert "证书" in custom_screen.error_labels["category"].value and not result.ok


def test_unit_is_chosen_whatever_the_case(custom_screen):
    custom_screen.fill(unit="piece/pieces")
    assert custom_screen.values()["unit"] == "Piece/Pieces"


def test_unknown_field_is_a_clear_error(rts_screen):
    with pytest.raises(KeyError, match="没有这些字段"):
        rts_screen.fill(nickname="Mark")


def test_ladder_editor_adds_and_removes_rows(rts_screen):
    editor = rts_screen.inputs["price_tiers"]
    box, add = editor.children
    for _ in range(3):
        add.click()
    assert len(box.children) == 4 and add.disabled  # four tiers at most
    box.children[-1].children[2].click()
    assert len(box.children) == 3 and not add.disabled


# --- uploads ------------------------------------------------------------------------------------------
def test_uploading_images_measures_them(rts_screen):
    name, data = image(639, 639)
    rts_screen.image_upload.value = (upload(name, data),)
    assert "639×639" in rts_screen.image_list.value and "640×640" in rts_screen.image_list.value
    assert rts_screen.image_upload.value == ()  # ready for the next file
    big = image(pad_to=5 * 1024 * 1024 + 1)
    rts_screen.image_upload.value = (upload(*big),)
    assert "超过 5 MB" in rts_screen.image_list.value
    assert len(rts_screen.values()["images"]) == 2


def test_uploaded_images_are_published(rts_screen):
    rts_screen.fill(**RTS_TASK)
    rts_screen.image_upload.value = tuple(upload(n, d) for n, d in images(5))
    assert rts_screen.submit().ok
    assert len(rts_screen.backend.products.get(3180).images) == 5


def test_uploaded_video_of_46_seconds_is_refused_beside_the_field(rts_screen):
    rts_screen.videos["video"].upload.value = (upload("main.mp4", mp4(46)),)
    assert "不能超过 45 秒（当前 46 秒）" in rts_screen.videos["video"].info.value
    result = rts_screen.fill(**RTS_TASK, images=images(5)).submit()
    assert not result.ok and "45 秒" in rts_screen.error_labels["video"].value
    rts_screen.videos["video"].upload.value = (upload("main.mp4", mp4(45)),)
    assert rts_screen.submit().ok


def test_video_bank_clips_can_be_chosen(make_backend):
    backend = make_backend("04_media")  # a store whose video bank has clips
    screen = ProductPublishScreen(backend, product_type="Ready to Ship")
    ids = [v for _label, v in screen.videos["video"].pick.options if v]
    assert ids, "the 04_media store has a video bank"
    clip = next(c for c in backend.state.videos if c.duration_s <= 45 and c.size_bytes <= 100 * 1024 * 1024)
    screen.fill(video=clip.id)
    assert screen.values()["video"] == clip.id and "✔" in screen.videos["video"].info.value
    long_clip = next(c for c in backend.state.videos if c.duration_s > 45)
    screen.fill(video=long_clip.id)
    assert "不能超过 45 秒" in screen.videos["video"].info.value


# --- saved work -------------------------------------------------------------------------------------------
def test_saved_product_shows_again_after_restart_and_resubmitting_edits_it(tmp_path):
    backend = aw.open_backend("03_product", path=tmp_path)
    assert aw.screen_for("03.3.5", backend).fill(**RTS_TASK, images=images(5)).submit().ok
    again = aw.screen_for("03.3.5", aw.open_backend("03_product", path=tmp_path))
    assert again.product_id == 3180 and "正在编辑" in again.status.value
    assert again.values()["title"] == RTS_TASK["title"]
    assert again.values()["price_tiers"] == [("1", "20"), ("50", "18"), ("100", "15")]
    assert len(again.values()["images"]) == 5
    result = again.fill(stock="900").submit()
    assert result.ok and "已保存修改" in result.message
    assert [p.id for p in again.backend.state.products if p.id >= 3180] == [3180]
    assert again.backend.products.get(3180).stock == 900


def test_publishing_the_same_product_twice_is_refused_as_duplicate(rts_screen):
    assert rts_screen.fill(**RTS_TASK, images=images(5)).submit().ok
    rts_screen.new_product()
    assert rts_screen.values()["title"] == "" and rts_screen.product_id is None
    result = rts_screen.fill(
        **{**RTS_TASK, "title": "Marble Run Ball Track Building Blocks Set"}, images=images(5)
    ).submit()
    assert not result.ok and "重复铺货" in rts_screen.status.value


def test_student_text_is_escaped(rts_screen):
    rts_screen.fill(title="<b>bold</b> & <i>x</i>", port="")
    rts_screen.submit()
    assert "<b>bold" not in rts_screen.title_hint.value + rts_screen.status.value


def test_a_maker_may_publish_through_the_screen(backend):
    from alisim_widgets.sim.security import hash_password
    from alisim_widgets.sim.sub_accounts_models import SubAccount

    with backend.transaction("test.sub") as work:
        work.sub_accounts.append(
            SubAccount(id="sub01", role="制作员", name="Li", gender="男", email="li@example.com",
                       password_hash=hash_password("secret12"), created_on=work.today)
        )  # fmt: skip
        work.acting_as = "sub01"
    assert aw.screen_for("03.3.5", backend).fill(**RTS_TASK, images=images(5)).submit().ok


# --- workbench ----------------------------------------------------------------------------------------
def test_workbench_lists_every_product_with_its_scores(backend):
    wb = ProductWorkbench(backend)
    ids = {r["id"] for r in wb.rows}
    assert ids == {p.id for p in backend.state.products}
    for head in ("产品成长分", "产品优势", "内容表达", "行业特色", "交易表现", "额外加分", "建议"):
        assert head in wb.table.value
    assert "Ready to Ship" in wb.table.value and "Customization" in wb.table.value


def test_workbench_flags_the_balance_board_and_the_duplicate(backend):
    wb = ProductWorkbench(backend)
    detail = wb.select(3177)
    assert "“board”出现了 3 次" in detail and "诊断" in detail
    assert "ID 3168、3169 是同一款产品" in wb.duplicates.value
    wb.only_problems.value = True
    assert {r["id"] for r in wb.rows} == {3168, 3169, 3177}


def test_workbench_shows_target_and_gap_per_dimension(backend):
    detail = ProductWorkbench(backend).select(3176)
    for head in ("当前得分", "目标得分", "差距", "优化建议"):
        assert head in detail


def test_workbench_edit_fixes_the_title_and_the_score_moves(backend):
    wb = ProductWorkbench(backend)
    before = wb.row(3177)["score"]
    wb.select(3177)
    editor = wb.edit()
    assert editor.product_id == 3177 and editor.values()["title"] == BOARD
    assert (
        editor.fill(title="Kids Balance Board with Maze Game Wobble Board Children Fitness Toy").submit().ok
    )
    row = wb.row(3177)
    assert row["违规"] == 0 and row["score"] > before


def test_workbench_take_down_and_delete(backend):
    wb = ProductWorkbench(backend)
    wb.select(3169)
    assert wb.toggle_status() and backend.products.get(3169).status == "已下架"
    assert not wb.delete(confirm=False) and "确认删除" in wb.message.value
    wb.confirm_delete.value = True
    wb.delete_button.click()
    assert 3169 not in {p.id for p in backend.state.products}
    assert "没有发现重复铺货" in wb.duplicates.value


def test_workbench_filter_by_type(backend):
    wb = ProductWorkbench(backend)
    wb.type_filter.value = "Customization"
    assert {r["product_type"] for r in wb.rows} == {"Customization"}


# --- hostile input ------------------------------------------------------------------------------------
RTS_TEXT = ["title", "description", "place_of_origin", "brand", "material"]
RTS_OPTIONAL_TEXT = ["scene", "feature", "color", "model_number", "sku_code"]
RTS_NUMBERS = ["stock", "weight_kg"]
RTS_CASES = (
    [(k, c) for k in RTS_TEXT for c in HOSTILE_TEXT]
    + [(k, c) for k in RTS_OPTIONAL_TEXT for c in HOSTILE_TEXT if c not in ("empty", "whitespace")]
    + [(k, c) for k in RTS_NUMBERS for c in HOSTILE_NUMBER]
)


@pytest.mark.parametrize(("key", "case"), RTS_CASES, ids=[f"{k}-{c}" for k, c in RTS_CASES])
def test_hostile_input_on_rts_fields_is_refused_and_changes_nothing(tmp_path, key, case):
    backend = aw.open_backend("03_product", path=tmp_path)
    with backend.transaction("test.touch"):
        pass  # the file exists now: it must not change
    screen = aw.screen_for("03.3.5", backend)
    bad = {**HOSTILE_TEXT, **HOSTILE_NUMBER}[case]
    assert_refused(screen, {**RTS_TASK, "images": images(5)}, key, bad, tmp_path / STATE_FILENAME)
    assert [p.id for p in backend.state.products if p.id >= 3180] == []


CUSTOM_OPTIONAL_TEXT = ["packaging", "custom_customization", "custom_attributes", "customization_moq"]
CUSTOM_CASES = [
    (k, c) for k in CUSTOM_OPTIONAL_TEXT for c in HOSTILE_TEXT if c not in ("empty", "whitespace")
]


@pytest.mark.parametrize(("key", "case"), CUSTOM_CASES, ids=[f"{k}-{c}" for k, c in CUSTOM_CASES])
def test_hostile_input_on_the_added_customization_fields_is_refused(tmp_path, key, case):
    backend = aw.open_backend("03_product", path=tmp_path)
    with backend.transaction("test.touch"):
        pass
    screen = aw.screen_for("03.3.6", backend)
    data = {**CUSTOM_TASK, "customization": ["LOGO定制"], "images": images(5)}
    assert_refused(screen, data, key, HOSTILE_TEXT[case], tmp_path / STATE_FILENAME)
    assert [p.id for p in backend.state.products if p.id >= 3180] == []


STRUCTURED = {
    # key → how a person could type hostile text into it
    "keywords": lambda bad: [bad],
    "price_tiers": lambda bad: [(bad, "20")],
    "lead_time": lambda bad: [("100", bad)],
    "package_cm": lambda bad: (bad, "20", "10"),
    "images": lambda bad: [bad],
}
STRUCTURED_CASES = [(k, c) for k in STRUCTURED for c in (HOSTILE_TEXT if k == "keywords" else HOSTILE_NUMBER)]


@pytest.mark.parametrize(("key", "case"), STRUCTURED_CASES, ids=[f"{k}-{c}" for k, c in STRUCTURED_CASES])
def test_hostile_input_in_structured_fields_is_refused(tmp_path, key, case):
    backend = aw.open_backend("03_product", path=tmp_path)
    with backend.transaction("test.touch"):
        pass
    before = file_bytes(tmp_path / STATE_FILENAME)
    screen = aw.screen_for("03.3.5", backend)
    bad = HOSTILE_NUMBER[case]
    result = screen.fill(**{**RTS_TASK, "images": images(5), key: STRUCTURED[key](bad)}).submit()
    assert not result.ok and key in result.errors, (key, case, result)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.errors[key])
    assert file_bytes(tmp_path / STATE_FILENAME) == before


CUSTOM_TEXT = ["port"]
CUSTOM_CASES = [(k, c) for k in CUSTOM_TEXT for c in HOSTILE_TEXT if c not in ("empty", "whitespace")] + [
    ("supply_ability", c) for c in HOSTILE_NUMBER
] + [("samples", c) for c in HOSTILE_NUMBER]  # fmt: skip


@pytest.mark.parametrize(("key", "case"), CUSTOM_CASES, ids=[f"{k}-{c}" for k, c in CUSTOM_CASES])
def test_hostile_input_on_customization_fields_is_refused(tmp_path, key, case):
    backend = aw.open_backend("03_product", path=tmp_path)
    with backend.transaction("test.touch"):
        pass
    before = file_bytes(tmp_path / STATE_FILENAME)
    screen = aw.screen_for("03.3.6", backend)
    bad = {**HOSTILE_TEXT, **HOSTILE_NUMBER}[case]
    value = {
        "port": bad,
        "supply_ability": (bad, "周"),
        "samples": {"supported": True, "max_qty": bad, "price_usd": "120"},
    }[key]
    result = screen.fill(**{**CUSTOM_TASK, "images": images(5), key: value}).submit()
    assert not result.ok and key in result.errors, (key, case, result)
    assert file_bytes(tmp_path / STATE_FILENAME) == before


# --- image bank, image checker, ladder preview ----------------------------------------------------
def test_images_from_the_image_bank(rts_screen):
    rts_screen.fill(**RTS_TASK)
    rts_screen.bank_pick.value = ("IMG-MARBLE-01", "IMG-MARBLE-02", "IMG-RAW-01")
    rts_screen._add_from_bank()
    assert "IMG-RAW-01：6.3 MB，超过 5 MB" in rts_screen.image_list.value
    assert rts_screen.bank_pick.value == ()
    result = rts_screen.submit()
    assert not result.ok and "6.3 MB" in rts_screen.error_labels["images"].value
    rts_screen.fill(images=[f"IMG-MARBLE-0{i}" for i in range(1, 6)])
    assert rts_screen.submit().ok


def test_main_image_checker_reads_real_files():
    from alisim_widgets.screens.products import MainImageChecker

    checker = MainImageChecker()
    assert "可以上传" in checker.check(*image(750, 750)) and "提示" not in checker.report.value
    assert "639×639" in checker.check(*image(639, 639))
    assert "不是有效的" in checker.check("photo.jpg", b"hello")
    assert "可以上传" in checker.check(*image(pad_to=5 * 1024 * 1024))
    assert "不能超过 5 MB" in checker.check(*image(pad_to=5 * 1024 * 1024 + 1))
    checker.upload.value = (upload(*image(800, 1001)),)
    assert "近似正方形" in checker.report.value
    assert "&lt;b&gt;" in checker.check("<b>x</b>.jpg", image()[1])


def test_ladder_preview_picks_the_tier():
    from alisim_widgets.screens.products import LadderPreview

    ladder = LadderPreview([(1, 20.00), (50, 18.00), (100, 15.00)])
    assert [ladder.price_for(n) for n in (0, 1, 49, 50, 99, 100, 1000)] == [None, 20, 20, 18, 18, 15, 15]
    ladder.quantity.value = 49
    assert "合计 US $980.00" in ladder.result.value
    ladder.quantity.value = 50
    assert "合计 US $900.00" in ladder.result.value
    ladder.quantity.value = 0
    assert "不到最小起订量" in ladder.result.value


# --- the fields added for issue 9, and the detail video --------------------------------------------------
EXTRAS = {
    "packaging": "Outer: Kraft carton",
    "custom_attributes": "Age Range: 3-6 Years\nStyle: Casual",
    "customization": ["LOGO定制"],
    "custom_customization": "Embroidery",
    "customization_moq": "LOGO定制: 100\nEmbroidery: 200",
}


def test_added_fields_and_an_uploaded_detail_video_show_again_after_restart_and_stay(tmp_path):
    backend = aw.open_backend("03_product", path=tmp_path)
    screen = aw.screen_for("03.3.6", backend)
    screen.fill(**{**CUSTOM_TASK, **EXTRAS}, images=images(5))
    screen.videos["detail_video"].upload.value = (upload("factory.mp4", mp4(90, 1280, 720)),)
    assert "✔ factory.mp4 · 90 秒" in screen.videos["detail_video"].info.value
    assert screen.submit().ok

    again = aw.screen_for("03.3.6", aw.open_backend("03_product", path=tmp_path))
    shown = again.values()
    assert {k: shown[k] for k in EXTRAS} == EXTRAS
    assert "本产品已有的视频" in again.videos["detail_video"].info.value
    assert again.fill(title=CUSTOM_TASK["title"] + " New").submit().ok  # an edit keeps the detail video
    saved = again.backend.products.get(again.product_id)
    assert saved.detail_video.name == "factory.mp4" and saved.detail_video.seconds == 90


def test_detail_video_over_ten_minutes_refused_beside_the_field_and_kept_in_the_form(custom_screen):
    custom_screen.fill(**CUSTOM_TASK, images=images(5))
    custom_screen.videos["detail_video"].upload.value = (upload("long.mp4", mp4(601, 1280, 720)),)
    assert "不能超过 10 分钟" in custom_screen.videos["detail_video"].info.value
    result = custom_screen.submit()
    assert not result.ok and "10 分钟" in custom_screen.error_labels["detail_video"].value
    assert custom_screen.values()["detail_video"][0] == "long.mp4"
    assert custom_screen.backend.state.products[-1].title != CUSTOM_TASK["title"]
