"""The True View publishing screen, the video bank page, the manager and the clip inspector, without a browser."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.screens.media import TrueViewScreen, VideoBankPage
from alisim_widgets.screens.trueview_tools import ClipInspector, TrueViewManager
from alisim_widgets.sim.persistence import STATE_FILENAME
from tests.hostile import HOSTILE_NUMBER, HOSTILE_TEXT, assert_refused, file_bytes
from tests.trueview_data import DRESS_TITLE, FORM, cover


@pytest.fixture
def backend(make_backend):
    return make_backend("04_media")


@pytest.fixture
def screen(backend):
    return aw.screen_for("04.1.4", backend)


def test_screen_for_the_task_id(screen):
    assert isinstance(screen, TrueViewScreen)
    # 标签 before 描述 (L2180, L2188); the cover from the image bank (L2176) beside the frame and the upload.
    assert list(screen.inputs) == ["video", "cover_source", "cover_frame", "cover_bank", "cover_file",
                                   "content_type", "title", "tags", "description", "products", "publish",
                                   "scheduled_at"]  # fmt: skip


def test_cover_picked_from_the_image_bank_is_saved_and_shown_again(screen, backend, tmp_path):
    assert "IMG-COVER-01" in screen.field("cover_bank").options
    result = screen.fill(**{**FORM, "cover_source": "图片银行", "cover_bank": "IMG-COVER-03"}).submit()
    assert not result.ok and "1334×750" in screen.error_labels["cover_bank"].value
    assert screen.values()["cover_bank"] == "IMG-COVER-03"  # the typed values stay after an error
    assert screen.fill(cover_bank="IMG-COVER-01").submit().ok
    again = aw.screen_for("04.1.4", aw.open_backend("04_media", path=tmp_path))
    assert again.values()["cover_source"] == "图片银行" and again.values()["cover_bank"] == "IMG-COVER-01"
    assert "IMG-COVER-01" in again.status.value


def test_cover_bank_offers_only_the_banks_pictures(screen):
    with pytest.raises(ValueError, match="图片银行里没有这张图片"):
        screen.fill(cover_bank="IMG-NOT-THERE")


def _html_of(widget) -> str:
    own = widget.value if isinstance(getattr(widget, "value", None), str) else ""
    return own + "".join(_html_of(w) for w in getattr(widget, "children", ()))


def test_video_bank_header_shows_the_space_used_of_10_gb(screen):
    assert "总空间 10 GB" in _html_of(screen.widget)


def test_the_bank_table_shows_every_clip_with_its_facts(screen, backend):
    html = screen.bank_view.value
    for c in backend.media.clips():
        assert c.id in html and c.file_name in html
    assert "3 分 25 秒" in html and "854×480（480P）" in html and "64:27" in html and "剪映水印" in html
    assert "620.0 MB" in html and "出现二维码" in html


def test_textbook_data_publishes(screen, backend, tmp_path):
    result = screen.fill(**FORM).submit()
    assert result.ok, result
    assert "TV-0001" in result.message and "良好" in result.message
    assert (tmp_path / STATE_FILENAME).exists()
    post = backend.media.posts()[-1]
    assert post.product_ids == [3178] and post.title == "双十一新品介绍"
    assert "TV-0001" in screen.posts_view.value and "良好" in screen.posts_view.value


def test_a_non_compliant_clip_shows_every_reason_beside_the_video(screen, backend, tmp_path):
    screen.fill(**FORM).submit()
    before = file_bytes(tmp_path / STATE_FILENAME)
    result = screen.fill(video="VID-DRESS-09", content_type="产品测评").submit()
    assert not result.ok and "剪映" in screen.error_labels["video"].value
    assert file_bytes(tmp_path / STATE_FILENAME) == before
    assert screen.values()["video"] == "VID-DRESS-09" and screen.values()["content_type"] == "产品测评"
    assert screen.values()["products"] == [3178]  # what the user chose stays


def test_errors_show_beside_each_field_at_once(screen):
    result = screen.fill(**{**FORM, "video": "VID-DRESS-03", "tags": ["服务", "实力", "日更", "生产线"],
                            "title": "", "publish": "定时发布", "scheduled_at": "2022-10-01 10:00"}).submit()  # fmt: skip
    assert set(result.errors) == {"video", "tags", "title", "scheduled_at"}
    for key in result.errors:
        assert screen.error_labels[key].value
    assert "12 秒" in screen.error_labels["video"].value


def test_uploading_a_cover_checks_its_size(screen, backend, tmp_path):
    result = screen.fill(**{**FORM, "cover_source": "上传图片", "cover_file": cover(750, 1333)}).submit()
    assert not result.ok and "750×1333" in screen.error_labels["cover_file"].value
    path = tmp_path / "cover.jpg"
    path.write_bytes(cover(750, 1334))
    assert screen.fill(cover_file=path).submit().ok
    saved = backend.media.posts()[-1].cover
    assert (saved.source, saved.file_name, saved.width, saved.height) == ("上传图片", "cover.jpg", 750, 1334)


def test_upload_widget_value_is_what_the_sim_reads(screen):
    screen.fill(cover_file=cover(800, 1400, "PNG"))
    value = screen.values()["cover_file"]
    assert value["name"] == "cover" and value["content"][:4] == b"\x89PNG"
    screen.fill(cover_file=None)
    assert screen.values()["cover_file"] is None


def test_products_by_title_or_id_and_tags_by_board(screen):
    screen.fill(products=[DRESS_TITLE, 3175], tags=["服务", "行业趋势"])
    assert screen.values()["products"] == [3175, 3178]
    assert screen.values()["tags"] == ["服务", "行业趋势"]
    with pytest.raises(ValueError, match="关联产品"):
        screen.fill(products=["No such product"])
    with pytest.raises(ValueError, match="内容标签"):
        screen.fill(tags=["不存在"])
    with pytest.raises(ValueError, match="视频银行"):
        screen.fill(video="VID-NOPE")


def test_ten_products_are_refused_beside_the_field(screen, backend):
    ids = [p.id for p in backend.media.products()][:10]
    result = screen.fill(**{**FORM, "products": ids}).submit()
    assert not result.ok and "最多 9 个（当前 10）" in screen.error_labels["products"].value


def test_saved_work_shows_again_after_a_restart(screen, tmp_path):
    screen.fill(**FORM).submit()
    again = aw.screen_for("04.1.4", aw.open_backend("04_media", path=tmp_path))
    values = again.values()
    for key in ("video", "content_type", "title", "description", "tags", "publish"):
        assert values[key] == FORM[key], key
    assert values["products"] == [3178]
    assert "TV-0001" in again.status.value


def test_student_text_is_escaped(screen, backend):
    screen.fill(**{**FORM, "title": "<b>x</b>"}).submit()
    assert "<b>x</b>" not in screen.error_labels["title"].value + screen.status.value
    assert screen.fill(**{**FORM, "title": "Dress & Co"}).submit().ok
    assert "Dress &amp; Co" in screen.posts_view.value


def test_the_submit_button_publishes(screen, backend):
    screen.fill(**FORM)
    screen.submit_button.click()
    assert backend.media.posts() and screen.last_result.ok


TEXT_KEYS = ("title", "description", "scheduled_at")
CASES = [(k, c) for k in TEXT_KEYS for c in HOSTILE_TEXT] + [
    ("cover_frame", c) for c in HOSTILE_NUMBER if c not in ("empty", "whitespace")
]


@pytest.mark.parametrize(("key", "case"), CASES, ids=[f"{k}-{c}" for k, c in CASES])
def test_hostile_input_is_refused_and_changes_nothing(screen, tmp_path, key, case):
    screen.fill(**FORM).submit()  # the file exists: it must not change
    data = (
        {**FORM, "publish": "定时发布", "scheduled_at": "2022-12-01 10:00"} if key == "scheduled_at" else FORM
    )
    assert_refused(screen, data, key, {**HOSTILE_TEXT, **HOSTILE_NUMBER}[case], tmp_path / STATE_FILENAME)


@pytest.mark.parametrize("case", list(HOSTILE_TEXT))
def test_hostile_cover_file_is_refused(screen, tmp_path, case):
    screen.fill(**FORM).submit()
    before = file_bytes(tmp_path / STATE_FILENAME)
    result = screen.fill(**{**FORM, "cover_source": "上传图片", "cover_file": HOSTILE_TEXT[case]}).submit()
    assert not result.ok and "cover_file" in result.errors
    assert file_bytes(tmp_path / STATE_FILENAME) == before


@pytest.mark.parametrize(
    "key", ["video", "content_type", "publish", "cover_source", "cover_bank", "tags", "products"]
)
def test_choice_fields_cannot_take_hostile_text(screen, key):
    for bad in HOSTILE_TEXT.values():
        if key in ("video", "content_type", "publish", "cover_source", "cover_bank") and not bad.strip():
            continue  # blank means "nothing chosen": the required check below
        value = [bad] if key in ("tags", "products") else bad
        with pytest.raises(ValueError):
            screen.fill(**{key: value})


@pytest.mark.parametrize("key", ["video", "content_type", "publish", "cover_source", "tags"])
def test_required_choices_left_empty_are_named(screen, key):
    result = screen.fill(**{**FORM, key: [] if key == "tags" else None}).submit()
    assert not result.ok and key in result.errors


def test_video_bank_page_filters(backend):
    page = VideoBankPage(backend)
    assert page.shown() == backend.media.clips()
    page.search.value = "velvet"
    assert {c.id for c in page.shown()} == {c.id for c in backend.media.clips() if "velvet" in c.file_name}
    assert "VID-RC-01" not in page.table.value


def test_manager_simulates_plays_and_deletes(backend):
    aw.screen_for("04.1.4", backend).fill(**FORM).submit()
    manager = TrueViewManager(backend)
    assert "良好" in manager.table.value and manager.post.value == "TV-0001"
    manager.plays.value, manager.days.value = "11", "0"
    manager.play_button.click()
    assert "优质" in manager.table.value and "优质" in manager.status.value
    assert not manager.simulate("TV-0001", "-1", 0) and "有效播放次数" in manager.status.value
    assert not manager.simulate("TV-0009", 5, 0)
    manager.delete_button.click()
    assert backend.media.posts() == [] and "还没有发布" in manager.table.value


def test_clip_inspector_names_the_rules_of_a_clip(backend):
    inspector = ClipInspector(backend)
    inspector.load("VID-DRESS-10")
    assert [v.rule for v in inspector.violations()] == ["contact_二维码"]
    assert "二维码" in inspector.result.value and "不能发布" in inspector.result.value
    inspector.set(contacts=[])
    assert inspector.violations() == [] and "良好" in inspector.result.value
    inspector.set(seconds=14, width=1080, height=1920)
    assert [v.rule for v in inspector.violations()] == ["duration_min"]
    inspector.source.value = "VID-DRESS-02"
    assert inspector.violations() == [] and "合格" in inspector.result.value
    with pytest.raises(KeyError):
        inspector.set(colour="red")


def test_media_screens_work_on_the_demo_store():
    demo = aw.open_backend("demo", path=None)
    screen = aw.screen_for("04.1.4", demo)
    assert screen.values()["video"] == "VID-DRESS-01"
    assert "优质" in TrueViewManager(demo).table.value


def test_video_bank_table_shows_every_clip_and_fits_its_box(backend):
    """All clips in one scrollable box of fixed height; fixed column widths that add up to the box."""
    from alisim_widgets.screens.media import BANK_COLUMNS, BANK_HEIGHT_PX

    page = VideoBankPage(backend)
    clips = backend.media.clips()
    assert len(clips) >= 20
    html = page.table.value
    assert html.count("<tr>") == len(clips) + 1 and all(c.id in html for c in clips)
    assert sum(w for _h, w in BANK_COLUMNS) == 100 and "其他信息" in dict(BANK_COLUMNS)
    assert "table-layout: fixed" in html and "overflow-wrap: anywhere" in html
    assert f"max-height: {BANK_HEIGHT_PX}px" in html and 300 < BANK_HEIGHT_PX <= 600
    assert "alisim-fit" in page.table._dom_classes


# --- 上传视频 to the video bank -----------------------------------------------------------------------------
def test_uploading_a_video_puts_it_in_the_bank_table(backend):
    from tests.media_files import video_bytes

    page = VideoBankPage(backend)
    before = len(backend.state.videos)
    result = page.upload.fill(file=("board.mp4", video_bytes(8, 640, 480)), subject="A&B 平衡板试玩").submit()
    assert result.ok, result
    assert len(backend.state.videos) == before + 1 and "VID-UP-01" in page.table.value
    assert "A&amp;B 平衡板试玩" in page.table.value  # the student's text is escaped
    assert "已用" in result.warnings[-1]


def test_a_refused_upload_changes_nothing_and_keeps_the_file(backend):
    page = VideoBankPage(backend)
    before = file_bytes(backend.path)
    result = page.upload.fill(file=("notes.txt", b"hello"), subject="说明").submit()
    assert not result.ok and "MP4" in page.upload.error_labels["file"].value
    assert file_bytes(backend.path) == before
    assert page.upload.values()["file"].name == "notes.txt" and page.upload.values()["subject"] == "说明"
