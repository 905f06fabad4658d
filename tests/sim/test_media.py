"""True View rules (RULES.md §True View, L2102-2258) with boundary values on both sides, and the video bank."""

from __future__ import annotations

import datetime as dt

import pytest

import alisim_widgets as aw
from alisim_widgets.sim import rules
from alisim_widgets.sim.errors import SimError, ValidationFailed
from alisim_widgets.sim.media import aspect_of, clip_violations, quality_of
from alisim_widgets.sim.media_models import TrueViewPost, VideoClip
from alisim_widgets.sim.persistence import STATE_FILENAME
from alisim_widgets.sim.scenarios.media_data import BREAKS, COMPLIANT_CLIPS, DRESS_CLIP_ID
from tests.hostile import HOSTILE_NUMBER, HOSTILE_TEXT, file_bytes
from tests.trueview_data import DRESS_TITLE, FORM, bomb_png, cover

MB = 1024 * 1024


def clip(**changes) -> VideoClip:
    """A clip that passes every rule (and qualifies for 良好), with ``changes``."""
    base = dict(
        id="T-1", file_name="t.mp4", subject="测试", duration_s=60, width=1920, height=1080, size_bytes=80 * MB,
        subtitles="英文", voice="英文", product_intro=True, selling_points=True, uploaded_on=dt.date(2022, 10, 1),
    )  # fmt: skip
    return VideoClip(**{**base, **changes})


def broken(c: VideoClip) -> list[str]:
    return [v.rule for v in clip_violations(c)]


@pytest.fixture
def backend(make_backend):
    return make_backend("04_media")


def refused(backend, state_path, **changes) -> ValidationFailed:
    """Publishing FORM with ``changes`` is refused and the state file does not change."""
    before = file_bytes(state_path)
    with pytest.raises(ValidationFailed) as info:
        backend.media.publish_trueview({**FORM, **changes})
    assert file_bytes(state_path) == before
    assert backend.state.trueviews == [] or before is not None
    return info.value


def fields(exc: ValidationFailed) -> set[str]:
    return {e.field for e in exc.errors}


# --- the rules on a clip -------------------------------------------------------------------------
def test_a_clip_within_every_rule_passes():
    assert broken(clip()) == []


@pytest.mark.parametrize(("seconds", "rule"), [(15, None), (14, "duration_min"), (14.9, "duration_min"),
                                               (180, None), (181, "duration_max"), (180.5, "duration_max")])  # fmt: skip
def test_duration_15_seconds_to_3_minutes(seconds, rule):
    assert broken(clip(duration_s=seconds)) == ([rule] if rule else [])


@pytest.mark.parametrize(
    ("width", "height", "rule"),
    [(1280, 720, None), (720, 1280, None), (854, 480, "resolution"), (719, 1278, "resolution"),
     (540, 960, "resolution"), (3840, 2160, None)],
)  # fmt: skip
def test_resolution_720p_or_better(width, height, rule):
    assert broken(clip(width=width, height=height)) == ([rule] if rule else [])


@pytest.mark.parametrize(
    ("width", "height", "ok"),
    [(1080, 1920, True), (1920, 1080, True), (1080, 1440, True), (1080, 1080, True), (1440, 1080, True),
     (1080, 1922, True), (2560, 1080, False), (1080, 1350, False), (1920, 800, False), (1080, 2340, False)],
)  # fmt: skip
def test_aspect_9_16_16_9_3_4_1_1(width, height, ok):
    assert ("aspect" not in broken(clip(width=width, height=height))) is ok


def test_4_3_is_accepted_because_the_requirement_list_names_it():
    assert aspect_of(1440, 1080) == "4:3"
    assert set(rules.TRUEVIEW_ASPECTS) <= set(rules.TRUEVIEW_ASPECTS_ACCEPTED)


def test_size_at_most_500_mb():
    assert broken(clip(size_bytes=500 * MB)) == []
    assert broken(clip(size_bytes=500 * MB + 1)) == ["size"]


@pytest.mark.parametrize(
    ("change", "rule"),
    [({"slideshow": True}, "slideshow"), ({"aliwood": True}, "aliwood"), ({"self_made_intro": True}, "self_made_intro"),
     ({"watermark": "剪映"}, "watermark"), ({"heavy_filter": True}, "heavy_filter"), ({"subtitles": "中文"}, "subtitles_chinese"),
     ({"subtitles": "中英双语"}, "subtitles_chinese"), ({"subtitles": "无"}, "subtitles_missing"),
     ({"voice": "中文"}, "voice_chinese"), ({"bgm_chinese_vocals": True}, "bgm_chinese"), ({"shaky": True}, "shaky"),
     ({"black_bars": True}, "black_bars")],
)  # fmt: skip
def test_each_refused_kind_of_clip(change, rule):
    assert broken(clip(**change)) == [rule]


@pytest.mark.parametrize("kind", rules.TRUEVIEW_REFUSED_CONTACTS)
def test_each_kind_of_contact_detail_is_refused(kind):
    assert broken(clip(contacts=[kind])) == [f"contact_{kind}"]


def test_every_broken_rule_is_named_at_once():
    c = clip(duration_s=200, width=640, height=480, watermark="剪映", contacts=["电话", "微信"], voice="中文")
    assert broken(c) == [
        "resolution",
        "duration_max",
        "contact_电话",
        "contact_微信",
        "watermark",
        "voice_chinese",
    ]
    messages = " ".join(v.message for v in clip_violations(c))
    assert "480P" in messages and "3 分 20 秒" in messages and "剪映" in messages


def test_english_voice_and_no_voice_pass():
    assert broken(clip(voice="英文")) == broken(clip(voice="无人声")) == []


# --- the video bank ------------------------------------------------------------------------------
def test_the_bank_holds_the_compliant_dress_clip(backend):
    dress = backend.media.clip(DRESS_CLIP_ID)
    assert dress is not None and backend.media.violations(DRESS_CLIP_ID) == []
    titles = {p.id: p.title for p in backend.state.products}
    assert [titles[pid] for pid in dress.product_ids] == [DRESS_TITLE]


def test_every_other_clip_breaks_exactly_the_rule_named(backend):
    ids = {c.id for c in backend.media.clips()}
    assert ids == set(COMPLIANT_CLIPS) | set(BREAKS)
    for clip_id in COMPLIANT_CLIPS:
        assert backend.media.violations(clip_id) == [], clip_id
    for clip_id, rule in BREAKS.items():
        assert [v.rule for v in backend.media.violations(clip_id)] == [rule], clip_id
    assert len(set(BREAKS.values())) == len(BREAKS)  # each clip teaches a different rule


def test_clips_show_products_of_the_store(backend):
    store = {p.id for p in backend.state.products}
    for c in backend.media.clips():
        assert c.product_ids and set(c.product_ids) <= store, c.id


def test_unknown_clip_is_a_clear_error(backend):
    with pytest.raises(SimError, match="视频银行里没有"):
        backend.media.violations("VID-NOPE")


# --- publishing ----------------------------------------------------------------------------------
def test_textbook_data_is_published_verbatim(backend, tmp_path):
    warnings = backend.media.publish_trueview(dict(FORM))
    assert isinstance(warnings, list)
    post = backend.media.posts()[-1]
    assert (post.title, post.content_type, post.publish) == ("双十一新品介绍", "产品使用效果", "立即发布")
    assert post.description == FORM["description"]
    assert post.product_ids == [3178] and post.video_id == DRESS_CLIP_ID
    assert post.publish_at == post.created_at and backend.media.status(post) == "已发布"
    saved = aw.open_backend("04_media", path=tmp_path)
    assert saved.media.posts() == backend.media.posts()


@pytest.mark.parametrize("clip_id", sorted(BREAKS))
def test_each_non_compliant_clip_is_refused_with_its_reason(backend, tmp_path, clip_id):
    products = backend.media.clip(clip_id).product_ids
    exc = refused(backend, tmp_path / STATE_FILENAME, video=clip_id, products=products)
    assert fields(exc) == {"video"}
    assert [e.rule for e in exc.errors] == [BREAKS[clip_id]]
    assert backend.media.posts() == []


def test_a_clip_breaking_several_rules_is_refused_with_every_reason(backend, tmp_path):
    with backend.transaction("test.add_clip") as work:
        work.videos.append(
            clip(id="VID-BAD", product_ids=[3178], duration_s=9, watermark="快剪辑", contacts=["二维码"])
        )
    exc = refused(backend, tmp_path / STATE_FILENAME, video="VID-BAD")
    assert [e.rule for e in exc.errors] == ["duration_min", "contact_二维码", "watermark"]
    assert "9 秒" in exc.by_field()["video"] and "快剪辑" in exc.by_field()["video"]


def test_every_field_error_comes_at_once(backend, tmp_path):
    exc = refused(backend, tmp_path / STATE_FILENAME, video="VID-DRESS-03", content_type="", title="", tags=[],
                  description="", publish="定时发布", scheduled_at="2022-10-01 10:00")  # fmt: skip
    assert fields(exc) == {"video", "content_type", "title", "tags", "description", "scheduled_at"}


@pytest.mark.parametrize(("n", "ok"), [(0, False), (1, True), (3, True), (4, False)])
def test_content_tags_1_to_3(backend, n, ok):
    tags = list(rules.TRUEVIEW_TAG_OPTIONS[:n])
    if ok:
        backend.media.publish_trueview({**FORM, "tags": tags})
        assert backend.media.posts()[-1].tags == tags
    else:
        with pytest.raises(ValidationFailed) as info:
            backend.media.publish_trueview({**FORM, "tags": tags})
        assert fields(info.value) == {"tags"}


def test_unknown_or_repeated_tag_is_refused(backend):
    for tags in (["不存在的标签"], ["服务", "服务"], "服务"):
        with pytest.raises(ValidationFailed) as info:
            backend.media.publish_trueview({**FORM, "tags": tags})
        assert fields(info.value) == {"tags"}


def _clip_of_every_product(backend) -> list[int]:
    ids = [p.id for p in backend.media.products()]
    with backend.transaction("test.add_clip") as work:
        work.videos.append(clip(id="VID-ALL", product_ids=ids))
    return ids


@pytest.mark.parametrize(("n", "ok"), [(0, True), (1, True), (9, True), (10, False)])
def test_linked_products_at_most_9(backend, n, ok):
    ids = _clip_of_every_product(backend)
    assert len(ids) >= 10
    values = {**FORM, "video": "VID-ALL", "products": ids[:n]}
    if ok:
        backend.media.publish_trueview(values)
        assert backend.media.posts()[-1].product_ids == ids[:n]
    else:
        with pytest.raises(ValidationFailed) as info:
            backend.media.publish_trueview(values)
        assert fields(info.value) == {"products"} and "9" in info.value.by_field()["products"]


def test_linked_products_by_title_or_id(backend):
    backend.media.publish_trueview({**FORM, "products": ["3178"]})
    assert backend.media.posts()[-1].product_ids == [3178]


def test_linked_products_must_be_in_the_clip(backend):
    with pytest.raises(ValidationFailed) as info:
        backend.media.publish_trueview({**FORM, "products": [DRESS_TITLE, 3175]})
    assert [e.rule for e in info.value.errors] == ["match"] and "3175" in info.value.by_field()["products"]


@pytest.mark.parametrize(
    "bad", [["Not a product of this store"], [3178, 3178], [99999], "3178", [None], [True]]
)
def test_unknown_or_repeated_products_are_refused(backend, bad):
    with pytest.raises(ValidationFailed) as info:
        backend.media.publish_trueview({**FORM, "products": bad})
    assert fields(info.value) == {"products"}


# --- the cover -----------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_uploaded_cover_750_by_1334_is_accepted(backend, fmt):
    backend.media.publish_trueview({**FORM, "cover_source": "上传图片", "cover_file": cover(750, 1334, fmt)})
    c = backend.media.posts()[-1].cover
    assert (c.source, c.width, c.height, c.format) == ("上传图片", 750, 1334, fmt)


@pytest.mark.parametrize(("width", "height"), [(749, 1334), (750, 1333), (1334, 750), (720, 1280)])
def test_smaller_covers_are_refused_with_their_size(backend, tmp_path, width, height):
    exc = refused(
        backend, tmp_path / STATE_FILENAME, cover_source="上传图片", cover_file=cover(width, height)
    )
    assert fields(exc) == {"cover_file"} and f"{width}×{height}" in exc.by_field()["cover_file"]


def test_a_bigger_cover_is_accepted(backend):
    backend.media.publish_trueview({**FORM, "cover_source": "上传图片", "cover_file": cover(1080, 1920)})
    assert backend.media.posts()[-1].cover.width == 1080


@pytest.mark.parametrize(
    "bad",
    [cover(750, 1334, "GIF"), b"not an image", b"", bomb_png(), b"\xff\xd8" + b"\x00" * 100, None, "", 12345],
    ids=["gif", "text", "empty", "bomb", "truncated", "none", "blank", "number"],
)
def test_files_that_are_not_a_usable_cover_are_refused(backend, tmp_path, bad):
    exc = refused(backend, tmp_path / STATE_FILENAME, cover_source="上传图片", cover_file=bad)
    assert fields(exc) == {"cover_file"}


def test_cover_over_5_mb_is_refused(backend, tmp_path):
    big = cover() + b"\0" * (rules.TRUEVIEW_COVER_MAX_BYTES + 1)
    exc = refused(backend, tmp_path / STATE_FILENAME, cover_source="上传图片", cover_file=big)
    assert "5 MB" in exc.by_field()["cover_file"]


def test_cover_from_a_path_on_disk(backend, tmp_path):
    path = tmp_path / "cover.png"
    path.write_bytes(cover(900, 1600, "PNG"))
    backend.media.publish_trueview({**FORM, "cover_source": "上传图片", "cover_file": str(path)})
    assert backend.media.posts()[-1].cover.file_name == "cover.png"
    with pytest.raises(ValidationFailed, match="找不到封面图片文件"):
        backend.media.publish_trueview(
            {**FORM, "cover_source": "上传图片", "cover_file": str(tmp_path / "no.png")}
        )


def test_frame_cover_is_generated_full_size(backend):
    backend.media.publish_trueview({**FORM, "cover_frame": ""})
    c = backend.media.posts()[-1].cover
    assert (c.source, c.frame_s, c.width, c.height) == ("视频截帧", 0.0, 750, 1334)


@pytest.mark.parametrize("second", ["58", "58.0"])
def test_frame_at_the_last_second_is_fine(backend, second):
    backend.media.publish_trueview({**FORM, "cover_frame": second})


@pytest.mark.parametrize("second", ["58.1", "-1", "abc", "1.25"])
def test_frame_outside_the_clip_is_refused(backend, tmp_path, second):
    assert fields(refused(backend, tmp_path / STATE_FILENAME, cover_frame=second)) == {"cover_frame"}


# --- publish time --------------------------------------------------------------------------------
def test_scheduled_publishing_must_be_in_the_future(backend, tmp_path):
    now = backend.now()
    for when in (now, now - dt.timedelta(minutes=1), "2022-10-19 23:59"):
        text = when if isinstance(when, str) else f"{when:%Y-%m-%d %H:%M}"
        exc = refused(backend, tmp_path / STATE_FILENAME, publish="定时发布", scheduled_at=text)
        assert fields(exc) == {"scheduled_at"}
    later = now + dt.timedelta(minutes=1)  # one minute ahead is enough…
    backend.media.publish_trueview({**FORM, "publish": "定时发布", "scheduled_at": f"{later:%Y-%m-%d %H:%M}"})
    assert backend.media.posts()[-1].publish_at == later
    later = backend.now() + dt.timedelta(hours=2)  # …but the clock moves on with every operation
    backend.media.publish_trueview({**FORM, "publish": "定时发布", "scheduled_at": f"{later:%Y-%m-%d %H:%M}"})
    post = backend.media.posts()[-1]
    assert post.publish_at == later and backend.media.status(post).startswith("定时发布")
    assert backend.media.quality(post.id).level == "待发布"


@pytest.mark.parametrize("bad", ["", "明天", "2022-11-01", "2022-13-01 10:00", "11/01/2022 10:00"])
def test_scheduled_time_needs_a_date_and_time(backend, tmp_path, bad):
    exc = refused(backend, tmp_path / STATE_FILENAME, publish="定时发布", scheduled_at=bad)
    assert fields(exc) == {"scheduled_at"}


def test_scheduled_time_is_ignored_when_publishing_now(backend):
    backend.media.publish_trueview({**FORM, "scheduled_at": "2022-11-11 00:00"})
    assert backend.media.posts()[-1].publish_at == backend.media.posts()[-1].created_at


# --- quality levels ------------------------------------------------------------------------------
def _published(backend, video="VID-DRESS-01") -> TrueViewPost:
    products = backend.media.clip(video).product_ids
    backend.media.publish_trueview({**FORM, "video": video, "products": products})
    return backend.media.posts()[-1]


def test_landscape_clip_with_selling_points_is_good(backend):
    post = _published(backend)
    q = backend.media.quality(post.id)
    assert (q.level, q.plays_30d) == ("良好", 0) and "10" in q.missing[0]


def test_portrait_clip_stays_qualified_and_says_why(backend):
    warnings = backend.media.publish_trueview({**FORM, "video": "VID-DRESS-02"})
    q = backend.media.quality(backend.media.posts()[-1].id)
    assert q.level == "合格"
    assert any("16:9" in m for m in q.missing) and any("卖点" in m for m in q.missing)
    assert any("合格" in w for w in warnings)


def test_more_than_10_plays_in_30_days_make_it_excellent(backend):
    post = _published(backend)
    assert backend.media.simulate_plays(post.id, 10).level == "良好"
    assert backend.media.simulate_plays(post.id, 1).level == "优质"
    assert backend.media.quality(post.id).plays_30d == 11


def test_plays_leave_the_30_day_window(backend):
    post = _published(backend)
    backend.media.simulate_plays(post.id, 11)
    day0 = backend.today()
    assert backend.media.simulate_plays(post.id, 1, 29).level == "优质"  # day 0 still inside
    assert backend.today() == day0 + dt.timedelta(days=29)
    assert backend.media.simulate_plays(post.id, 1, 1).level == "良好"  # day 0 dropped out
    assert backend.media.quality(post.id).plays_30d == 2


def test_a_video_is_found_by_its_clip_id_too(backend):
    post = _published(backend)
    assert backend.media.simulate_plays(DRESS_CLIP_ID, 11).level == "优质"
    assert backend.media.post(DRESS_CLIP_ID) == backend.media.post(post.id)
    backend.media.delete_trueview(DRESS_CLIP_ID)
    assert backend.media.posts() == []


def test_plays_spread_over_days_move_the_clock(backend):
    post = _published(backend)
    q = backend.media.simulate_plays(post.id, 12, 4)
    assert q.plays_30d == 12 and backend.today() == dt.date(2022, 10, 24)
    assert [r.plays for r in backend.media.post(post.id).plays] == [3, 3, 3, 3]


def test_qualified_video_never_becomes_excellent(backend):
    post = _published(backend, "VID-DRESS-02")
    assert backend.media.simulate_plays(post.id, 500).level == "合格"


def test_plays_only_after_a_scheduled_video_goes_live(backend):
    later = backend.now() + dt.timedelta(days=2)
    backend.media.publish_trueview({**FORM, "publish": "定时发布", "scheduled_at": f"{later:%Y-%m-%d %H:%M}"})
    post = backend.media.posts()[-1]
    with pytest.raises(SimError, match="还没有发布"):
        backend.media.simulate_plays(post.id, 5)
    q = backend.media.simulate_plays(post.id, 12, 3)  # live on day 2 and 3 only
    assert q.plays_30d == 12 and q.level == "优质"
    assert [r.day for r in backend.media.post(post.id).plays] == [
        dt.date(2022, 10, 22),
        dt.date(2022, 10, 23),
    ]


@pytest.mark.parametrize(
    ("plays", "days"), [("0", 0), ("-3", 0), ("abc", 0), ("10", "-1"), ("10", "400"), ("1.5", 0)]
)
def test_bad_play_simulations_are_refused(backend, tmp_path, plays, days):
    post = _published(backend)
    before = file_bytes(tmp_path / STATE_FILENAME)
    with pytest.raises(ValidationFailed):
        backend.media.simulate_plays(post.id, plays, days)
    assert file_bytes(tmp_path / STATE_FILENAME) == before


def test_quality_of_the_levels_in_order():
    now = dt.datetime(2022, 10, 20, 9)
    good = clip()
    post = TrueViewPost(id="TV-9", video_id="T-1", cover={"source": "视频截帧", "width": 750, "height": 1334},
                        content_type="产品实拍", title="t", description="d", tags=["服务"], publish="立即发布",
                        publish_at=now, created_at=now)  # fmt: skip
    assert quality_of(post, good, now).level == "良好"
    assert quality_of(post, clip(width=1080, height=1920), now).level == "合格"
    assert quality_of(post, clip(selling_points=False), now).level == "合格"
    assert quality_of(post, None, now).level == "合格"


# --- updating and deleting -----------------------------------------------------------------------
def test_publishing_the_same_clip_again_updates_its_video(backend):
    post = _published(backend)
    backend.media.simulate_plays(post.id, 4)
    warnings = backend.media.publish_trueview({**FORM, "title": "新标题"})
    posts = backend.media.posts()
    assert len(posts) == 1 and posts[0].id == post.id and posts[0].title == "新标题"
    assert backend.media.quality(post.id).plays_30d == 4
    assert any("更新" in w for w in warnings)


def test_delete_a_video(backend):
    post = _published(backend)
    backend.media.delete_trueview(post.id)
    assert backend.media.posts() == []
    with pytest.raises(SimError):
        backend.media.delete_trueview(post.id)


def test_the_owner_is_the_acting_account(backend):
    assert _published(backend).owner == "admin"


# --- hostile input -------------------------------------------------------------------------------
TEXT_CASES = [(k, c) for k in ("title", "description", "video") for c in HOSTILE_TEXT]


@pytest.mark.parametrize(("key", "case"), TEXT_CASES, ids=[f"{k}-{c}" for k, c in TEXT_CASES])
def test_hostile_text_is_refused_and_changes_nothing(backend, tmp_path, key, case):
    backend.media.publish_trueview(dict(FORM))  # the file exists: it must not change
    exc = refused(backend, tmp_path / STATE_FILENAME, **{key: HOSTILE_TEXT[case]})
    assert fields(exc) == {key} and any("\u4e00" <= ch <= "\u9fff" for ch in exc.by_field()[key])


CHOICE_KEYS = ("content_type", "publish", "cover_source")


@pytest.mark.parametrize(("key", "case"), [(k, c) for k in CHOICE_KEYS for c in HOSTILE_TEXT])
def test_hostile_choices_are_refused(backend, tmp_path, key, case):
    assert fields(refused(backend, tmp_path / STATE_FILENAME, **{key: HOSTILE_TEXT[case]})) == {key}


@pytest.mark.parametrize("case", [c for c in HOSTILE_NUMBER if c not in ("empty", "whitespace")])
def test_hostile_frame_second_is_refused(backend, tmp_path, case):
    assert fields(refused(backend, tmp_path / STATE_FILENAME, cover_frame=HOSTILE_NUMBER[case])) == {
        "cover_frame"
    }


@pytest.mark.parametrize("case", list(HOSTILE_TEXT))
def test_hostile_scheduled_time_is_refused(backend, tmp_path, case):
    exc = refused(backend, tmp_path / STATE_FILENAME, publish="定时发布", scheduled_at=HOSTILE_TEXT[case])
    assert fields(exc) == {"scheduled_at"}


@pytest.mark.parametrize("case", list(HOSTILE_TEXT))
def test_hostile_tags_products_and_cover_files_are_refused(backend, tmp_path, case):
    bad = HOSTILE_TEXT[case]
    exc = refused(backend, tmp_path / STATE_FILENAME, tags=[bad], products=[bad], cover_source="上传图片",
                  cover_file=bad)  # fmt: skip
    assert fields(exc) == {"tags", "products", "cover_file"}


def test_unknown_form_keys_are_refused(backend):
    with pytest.raises(SimError, match="没有这些字段"):
        backend.media.publish_trueview({**FORM, "price": "1"})


def test_a_deleted_sub_account_cannot_publish(backend):
    with backend.transaction("test.act_as_ghost") as work:
        work.acting_as = "ghost"
    with pytest.raises(aw.sim.PermissionDenied):
        backend.media.publish_trueview(dict(FORM))


# --- the cover from the image bank (L2176) -------------------------------------------------------
def test_cover_from_the_image_bank_is_accepted_and_stored(backend):
    backend.media.publish_trueview({**FORM, "cover_source": "图片银行", "cover_bank": "IMG-COVER-02"})
    c = backend.media.posts()[-1].cover
    assert (c.source, c.bank_id, c.width, c.height) == ("图片银行", "IMG-COVER-02", 750, 1334)


@pytest.mark.parametrize(
    ("picture", "why"),
    [("IMG-COVER-03", "1334×750"), ("IMG-DRESS-01", "800×800"), ("IMG-RAW-01", "5 MB"),
     ("IMG-NOPE", "图片银行里没有"), (None, "图片银行图片")],
)  # fmt: skip
def test_bank_pictures_that_are_not_a_usable_cover_are_refused(backend, tmp_path, picture, why):
    exc = refused(backend, tmp_path / STATE_FILENAME, cover_source="图片银行", cover_bank=picture)
    assert fields(exc) == {"cover_bank"} and why in exc.by_field()["cover_bank"]


@pytest.mark.parametrize("case", list(HOSTILE_TEXT))
def test_hostile_cover_bank_is_refused(backend, tmp_path, case):
    backend.media.publish_trueview(FORM)  # the file exists: it must not change
    exc = refused(backend, tmp_path / STATE_FILENAME, cover_source="图片银行", cover_bank=HOSTILE_TEXT[case])
    assert fields(exc) == {"cover_bank"}


# --- the video bank's total space: 10 GB (L2001) -------------------------------------------------
@pytest.fixture
def room_100_mb(backend, monkeypatch):
    """The bank's limit patched down to what is used + 100 MB (no 10 GB of data needed)."""
    monkeypatch.setattr(rules, "VIDEO_BANK_BYTES", backend.media.bank_used_bytes() + 100 * MB)


def test_the_bank_limit_is_10_gb():
    assert rules.VIDEO_BANK_BYTES == 10 * 1024**3


def test_a_clip_that_just_fits_the_bank_enters_it(backend, room_100_mb):
    backend.media.add_video(clip(id="T-FIT", size_bytes=100 * MB))
    assert backend.media.clip("T-FIT") is not None
    assert backend.media.bank_used_bytes() == rules.VIDEO_BANK_BYTES


def test_a_clip_one_byte_too_big_for_the_bank_is_refused(backend, tmp_path, room_100_mb):
    backend.media.add_video(clip(id="T-0", size_bytes=MB))  # the state file exists
    before, n = file_bytes(tmp_path / STATE_FILENAME), len(backend.media.clips())
    with pytest.raises(ValidationFailed) as info:
        backend.media.add_video(clip(id="T-BIG", size_bytes=99 * MB + 1))
    message = info.value.by_field()["video"]
    assert "视频银行总空间" in message and "超出" in message
    assert len(backend.media.clips()) == n and file_bytes(tmp_path / STATE_FILENAME) == before


def test_the_refusal_names_the_10_gb_limit(backend):
    backend.state.videos = [clip(id=f"BIG-{i}", size_bytes=1024**3) for i in range(10)]  # full: 10 GB
    with pytest.raises(ValidationFailed) as info:
        backend.media.add_video(clip(id="T-1B", size_bytes=1))
    assert "总空间 10 GB" in info.value.by_field()["video"]


@pytest.mark.parametrize(
    "bad", [{"id": "X"}, "clip", None, clip(id="<script>alert(1)</script>"), clip(id="VID-DRESS-01")]
)
def test_bad_clips_do_not_enter_the_bank(backend, bad):
    n = len(backend.media.clips())
    with pytest.raises((SimError, ValidationFailed)):
        backend.media.add_video(bad)
    assert len(backend.media.clips()) == n
