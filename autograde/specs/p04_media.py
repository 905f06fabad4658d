"""项目四 媒体中心: task 04.1.4 (发布粉丝通视频) and the knowledge checks 04.q1–04.q9.

The video is right when it is any clip of the bank that passes every True View rule: the check asks the
simulator (``backend.media.is_compliant``), it does not judge the clip itself. The store's latest True
View video is the one graded.
"""

from __future__ import annotations

from typing import Any

from ..spec import FieldCheck, TaskSpec, register
from .quiz import quiz_spec

__all__ = ["ClipChoice", "TASK_04_1_4"]

TASK_04_1_4 = {
    "content_type": "产品使用效果",
    "description": "It is the princess dress in the eyes of girls. let the little girl like a princess dexterous and lovely.",
    "products": [
        "2022 Autumn Velvet Bodycon Black Midi Dress for Women Long Sleeve Ruched Slim Fit Evening Dress Female "
        "Party Clubwear Vestido"
    ],
    "title": "双十一新品介绍",
    "publish": "立即发布",
}


class ClipChoice(str):
    """The chosen clip's id, with the simulator's verdict on whether it passes every True View rule."""

    compliant: bool

    def __new__(cls, video_id: str, compliant: bool) -> ClipChoice:
        obj = super().__new__(cls, video_id)
        obj.compliant = compliant
        return obj


def _latest_trueview(backend) -> dict[str, Any] | None:
    posts = list(getattr(backend.state, "trueviews", []) or [])
    if not posts:
        return None
    post = posts[-1]  # publishing goes last, so this is the latest submission
    titles = {p.id: p.title for p in backend.state.products}
    return {
        "video": ClipChoice(post.video_id, backend.media.is_compliant(post.video_id)),
        "content_type": post.content_type,
        "title": post.title,
        "description": post.description,
        "products": [titles.get(pid, f"#{pid}") for pid in post.product_ids],
        "publish": post.publish,
    }


def _compliant(actual: Any, _expected: Any) -> bool:
    return bool(getattr(actual, "compliant", False))


register(
    TaskSpec(
        "04.1.4",
        "发布粉丝通视频",
        10,
        _latest_trueview,
        (
            FieldCheck("video", "视频", True, _compliant, 2, hint="所选视频要符合 True View 的全部要求"),
            FieldCheck("content_type", "内容类型", TASK_04_1_4["content_type"], "text"),
            FieldCheck("title", "内容标题", TASK_04_1_4["title"], "nospace"),
            FieldCheck(
                "description", "内容描述", TASK_04_1_4["description"], "text", hint="按任务说明逐字填写"
            ),
            FieldCheck(
                "products", "关联产品", TASK_04_1_4["products"], "set", 2, hint="只关联任务指定的产品"
            ),
            FieldCheck("publish", "发布时间", TASK_04_1_4["publish"], "text"),
        ),
        missing="还没有发布 True View 视频：请在“发布 True View 视频”页面选好视频、填写内容后点击“发布”",
    ),
    quiz_spec("04.q1", "020093b5c4f5f93bb0a9a45baa59396396fc982cc307884cd65e630dc727affa"),
    quiz_spec("04.q2", "324064824540059700513388a31fa9b32a8db32b8f73fdf2770b6edaa1f09851"),
    quiz_spec("04.q3", "3e7f4f183f6c9de9fff47b46892e8f14716d92b27d5085e293e20fe28dfb9a03"),
    quiz_spec("04.q4", "fc59a60cb374f8af3ec0feac0541e3d7a6a71aaaff30086ba58b430962be8fe3"),
    quiz_spec("04.q5", "f5625b8513d576c03dc99010af843056e17bf45d12fc10864c7e92c3961199cd"),
    quiz_spec("04.q6", "d14d62cb751b030023bd6e4e72e17996655531c687d611fe7fab051687c6de38"),
    quiz_spec("04.q7", "e560c8389c50e927359713b2ed41d3ca419f84fc454983e3578eb63ce4db2419"),
    quiz_spec("04.q8", "a289b9d0922a8290164c12f9f61b237f7fd7feeef99be656081e9a0c87689c1f"),
    quiz_spec("04.q9", "1281a453b3f2d40ae44a0c557076aaf95506f6d076cb3340e19e1ec1b9a42d0c"),
)
