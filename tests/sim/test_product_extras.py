"""03.3.5 / 03.3.6 fields added for issue 9: 包装方式, 自定义属性, 最小定制量, 自定义定制名称, 详情页视频."""

from __future__ import annotations

import pytest

from alisim_widgets.sim import rules
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
            detail_video=("detail.mp4", video_bytes(600, 640, 360)),
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
