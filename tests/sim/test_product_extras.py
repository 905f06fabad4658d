"""03.3.5 / 03.3.6 fields added for issue 9: 包装方式, 自定义属性, 最小定制量, 自定义定制名称, 详情页视频."""

from __future__ import annotations

import pytest

from alisim_widgets.sim import rules
from alisim_widgets.sim.errors import ValidationFailed
from alisim_widgets.sim.media_models import VideoClip
from alisim_widgets.sim.products_models import VideoMeta
from tests.hostile import file_bytes
from tests.media_files import video_bytes
from tests.sim.test_products import backend, custom, ok, refused  # noqa: F401 - the fixture is used


def test_the_new_fields_are_saved(backend):  # noqa: F811
    ok(
        backend,
        custom(
            packaging="Outer: Kraft carton",
            custom_attributes="Age Range: 3-6 Years\nStyle: Casual",
            customization=["LOGO定制", "外包装定制"],
            custom_customization="Embroidery",
            customization_moq="LOGO定制: 100\n外包装定制: 100\nEmbroidery: 200",
            detail_video=("detail.mp4", video_bytes(600, 640, 480)),
        ),
    )
    p = backend.state.products[-1]
    assert p.packaging == "Outer: Kraft carton"
    assert p.custom_attributes == {"Age Range": "3-6 Years", "Style": "Casual"}
    assert p.customization_moq == {"LOGO定制": 100, "外包装定制": 100, "Embroidery": 200}
    assert p.custom_customization == "Embroidery" and p.detail_video.seconds == pytest.approx(600, abs=1)


def test_detail_video_ten_minutes_not_more(backend):  # noqa: F811
    refused(backend, custom(detail_video=("d.mp4", video_bytes(601, 640, 360))), "detail_video")


def test_custom_customization_name_fifty_characters(backend):  # noqa: F811
    ok(backend, custom(custom_customization="a" * rules.CUSTOM_CUSTOMIZATION_NAME_MAX))
    refused(backend, custom(custom_customization="a" * 51), "custom_customization")


def test_customization_moq_needs_a_chosen_service_and_a_positive_number(backend):  # noqa: F811
    refused(
        backend, custom(customization=["LOGO定制"], customization_moq="图案定制: 100"), "customization_moq"
    )
    refused(backend, custom(customization=["LOGO定制"], customization_moq="LOGO定制: 0"), "customization_moq")
    refused(
        backend, custom(customization=["LOGO定制"], customization_moq="LOGO定制 100"), "customization_moq"
    )


def test_custom_attributes_limits(backend):  # noqa: F811
    ten = "\n".join(f"Attr{n}: v" for n in range(rules.CUSTOM_ATTRIBUTES_MAX))
    ok(backend, custom(custom_attributes=ten))
    refused(backend, custom(custom_attributes=ten + "\nAttr99: v"), "custom_attributes")
    refused(backend, custom(custom_attributes="<script>: x"), "custom_attributes")
    refused(backend, custom(custom_attributes="Style: a\nstyle: b"), "custom_attributes")


# --- 详情页视频: every limit on both sides (L1560-1563, L2000) -------------------------------------------
MB = 1024 * 1024


def detail(backend, **clip):  # noqa: F811
    """Put a clip with these facts into the store's video bank; return its id."""
    fields = dict(id=f"VID-T-{len(backend.state.videos):02d}", file_name="detail.mp4", subject="测试",
                  duration_s=300, width=1280, height=720, size_bytes=50 * MB, uploaded_on=backend.today())  # fmt: skip
    backend.media.add_video(VideoClip(**{**fields, **clip}))
    return backend.state.videos[-1].id


def test_detail_video_five_hundred_megabytes_not_more(backend):  # noqa: F811
    ok(backend, custom(detail_video=detail(backend, size_bytes=rules.DETAIL_VIDEO_MAX_BYTES)))
    big = detail(backend, size_bytes=rules.DETAIL_VIDEO_MAX_BYTES + 1)
    assert "500 MB" in refused(backend, custom(detail_video=big), "detail_video", product_id=3180)


def test_uploaded_detail_video_of_exactly_500_mb_is_measured_and_accepted(backend):  # noqa: F811
    data = video_bytes(5, 640, 480, pad_to=rules.DETAIL_VIDEO_MAX_BYTES)
    done = ok(backend, custom(detail_video=("big.mp4", data)))
    assert backend.products.get(done.product_id).detail_video.size_bytes == 500 * MB
    message = refused(
        backend, custom(detail_video=("big.mp4", data + b"\0")), "detail_video", product_id=done.product_id
    )
    assert "500 MB" in message


def test_detail_video_at_least_480p_and_landscape_advised(backend):  # noqa: F811
    ok(backend, custom(detail_video=detail(backend, width=640, height=480)))
    low = detail(backend, width=640, height=478)
    assert "480P" in refused(backend, custom(detail_video=low), "detail_video", product_id=3180)
    done = ok(backend, custom(detail_video=detail(backend, width=720, height=1280)))
    assert any("竖屏" in w for w in done.warnings)


def test_detail_video_bank_clip_ten_minutes_not_more(backend):  # noqa: F811
    ok(backend, custom(detail_video=detail(backend, duration_s=600)))
    long = detail(backend, duration_s=600.5)
    assert "10 分钟" in refused(backend, custom(detail_video=long), "detail_video", product_id=3180)


def _link_others(backend, clip_id: str, n: int, first_id: int) -> None:  # noqa: F811
    """``n`` other products of the store (ids from ``first_id``) already use ``clip_id`` as detail video."""
    meta = VideoMeta(source="bank", bank_id=clip_id, name="detail.mp4", seconds=300, width=1280, height=720,
                     size_bytes=50 * MB)  # fmt: skip
    with backend.transaction("test.link") as work:
        base = work.products[0]
        work.products += [
            base.model_copy(update={"id": first_id + i, "detail_video": meta}) for i in range(n)
        ]


def test_one_video_linked_to_twenty_products_not_more(backend):  # noqa: F811
    clip = detail(backend)
    mine = ok(backend, custom()).product_id
    _link_others(backend, clip, rules.VIDEO_MAX_LINKED_PRODUCTS - 1, first_id=9000)
    ok(backend, custom(detail_video=clip))  # the 20th product
    ok(backend, custom(detail_video=clip, packaging="Carton"))  # editing it does not count it twice
    assert backend.products.get(mine).detail_video.bank_id == clip

    full = detail(backend)
    _link_others(backend, full, rules.VIDEO_MAX_LINKED_PRODUCTS, first_id=9100)
    message = refused(backend, custom(detail_video=full), "detail_video", product_id=mine)
    assert "最多关联 20 个产品" in message
    assert backend.products.get(mine).detail_video.bank_id == clip  # the refused edit changed nothing


# --- 视频银行: uploading one's own video; the bank's 10 GB (L2001) ------------------------------------------
def test_an_uploaded_video_enters_the_bank_measured_from_its_bytes(backend):  # noqa: F811
    clip, _advice = backend.media.upload_video(
        ("board.mov", video_bytes(12, 640, 480, container="mov")), "平衡板试玩"
    )
    assert (clip.id, clip.duration_s, clip.width, clip.height) == ("VID-UP-01", 12, 640, 480)
    assert backend.media.clip("VID-UP-01").subject == "平衡板试玩"
    second, _ = backend.media.upload_video(("again.mp4", video_bytes(3)))
    assert second.id == "VID-UP-02"


def test_the_bank_takes_ten_gigabytes_in_all(backend):  # noqa: F811
    used = backend.media.bank_used_bytes()
    data = video_bytes(2)
    detail(backend, size_bytes=rules.VIDEO_BANK_BYTES - used - len(data))  # exactly room for the upload left
    backend.media.upload_video(("fits.mp4", data))
    assert backend.media.bank_used_bytes() == rules.VIDEO_BANK_BYTES
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as info:
        backend.media.upload_video(("one-more.mp4", video_bytes(1)))
    assert "10" in info.value.by_field()["video"] and file_bytes(backend.path) == before


@pytest.mark.parametrize(
    ("file", "key", "words"),
    [
        (("notes.txt", b"hello"), "file", "MP4"),
        (("fake.mp4", b"not a video at all"), "file", "无法读取"),
        (("clip.mp4", video_bytes(1, container="webm")), "file", "WebM"),
        (None, "file", "请选择"),
    ],
)
def test_upload_refuses_what_is_no_mp4_or_mov(backend, file, key, words):  # noqa: F811
    before = file_bytes(backend.path) if backend.path.exists() else None
    with pytest.raises(ValidationFailed) as info:
        backend.media.upload_video(file)
    assert words in info.value.by_field()[key]
    assert (file_bytes(backend.path) if backend.path.exists() else None) == before
