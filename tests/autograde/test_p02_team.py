"""Checks of 02.5.4 (子账号) and 02.4.1 (旺铺装修): full marks for the task, less for each wrong part."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from autograde import SPECS, check, evaluate
from tests.media_files import image_bytes, mp4_bytes
from tests.p02_team_data import XU_TIANTIAN

# Values that pass every rule but differ from the task's data.
WRONG = {
    "name": "Xu tiantan",
    "gender": "男",
    "email": "15826948@qq.com",
    "password": "dianyue.xx",
    "phone": "86-0731-14785529964",
    "mobile": "14785529964",
    "contact_address": "No. 039, Yuelu Avenue, Yuelu District, Changsha City, Hunan Province",
    "street_address": "No. 039, Yuelu Avenue",
    "city": "Zhuzhou",
    "postcode": "410001",
    "department": "市场部/Marketing",
    "job_title": "Director",
    "role": "业务员",
}
SUB_LABELS = {fc.key: fc.label for fc in SPECS["02.5.4"].fields}
SUB_WEIGHTS = {fc.key: fc.weight for fc in SPECS["02.5.4"].fields}


def added(make_backend, **changes):
    backend = make_backend("02_store")
    screen = aw.screen_for("02.5.4", backend)
    screen.request_code()
    result = screen.fill(**{**XU_TIANTIAN, **changes}, verification_code=backend.inbox.last_code()).submit()
    assert result.ok, result
    return backend


def test_textbook_data_scores_full(make_backend, capsys):
    result = check("02.5.4", added(make_backend))
    assert result == result.max_score == 10 and result.full
    assert "全部正确" in capsys.readouterr().out


def test_nothing_done_scores_zero_with_a_reason(make_backend, capsys):
    result = check("02.5.4", make_backend("02_store"))
    assert result == 0
    assert "还没有为徐甜甜添加子账号" in capsys.readouterr().out


def test_the_seeded_team_is_not_taken_for_the_answer(make_backend):
    backend = make_backend("02_store")
    assert evaluate("02.5.4", backend).note.startswith("还没有")


@pytest.mark.parametrize("key", list(WRONG))
def test_each_wrong_field_scores_less_and_is_named(make_backend, capsys, key):
    result = check("02.5.4", added(make_backend, **{key: WRONG[key]}))
    total = sum(SUB_WEIGHTS.values())
    assert result == pytest.approx(10 * (total - SUB_WEIGHTS[key]) / total, abs=0.01)
    assert [f.key for f in result.wrong] == [key]
    out = capsys.readouterr().out
    assert f"✘ {SUB_LABELS[key]}" in out
    if key != "password":
        assert str(WRONG[key])[:40] in out  # practice mode shows the student's own value
    assert XU_TIANTIAN[key] not in out  # never the expected one


def test_optional_fields_left_empty_are_named_as_missing(make_backend):
    result = evaluate("02.5.4", added(make_backend, phone="", department=""))
    missing = {f.key: f.feedback for f in result.wrong}
    assert missing == {"phone": "没有填写", "department": "没有填写"}


def test_a_deleted_account_scores_zero(make_backend):
    backend = added(make_backend)
    backend.sub_accounts.delete("sub03", backend.sub_accounts.request_code("delete"))
    assert evaluate("02.5.4", backend) == 0


def test_the_grade_cell_writes_nothing_to_stderr(make_backend, capsys):
    check("02.5.4", added(make_backend))
    assert capsys.readouterr().err == ""


# --- 02.4.1 shop decoration -------------------------------------------------------------------
def decorate(backend, **skip_or_change):
    """The decoration the notebook asks for; ``key=None`` leaves a module out, other values change it."""
    values = {
        "signboard_image": ("signboard.png", image_bytes(1200, 280)),
        "show_company_name": True,
        "carousel_images": [(f"b{n}.jpg", image_bytes(900, 350, "JPEG")) for n in range(3)],
        "carousel_height": 350,
        "carousel_rotation": "每五秒切换",
        "banner_images": [("wide.png", image_bytes(1920, 550))],
        "banner_height": 550,
        "agent1_name": "Xu tiantian",
        "agent1_tm_account": "dianyue_xu",
        "agent1_kind": "售前咨询",
        "agent1_avatar": ("xu.png", image_bytes(100, 100)),
        "custom_title": "Why Choose Us",
        "custom_content": "We have a complete supply chain system.",
        "video_file": ("profile.mp4", mp4_bytes(95)),
        "tiled_products": ["3168", "3170"],
    }
    for key, value in skip_or_change.items():
        if value is None:
            values.pop(key)
        else:
            values[key] = value
    screen = aw.screen_for("02.4.1", backend)
    result = screen.fill(**values).submit()
    assert result.ok, result
    return backend


def test_the_complete_decoration_scores_full(make_backend):
    result = evaluate("02.4.1", decorate(make_backend("02_store")))
    assert result == 10 and result.full, result.feedback_lines()


def test_nothing_decorated_scores_zero(make_backend):
    assert evaluate("02.4.1", make_backend("02_store")) == 0


DECORATION_MISTAKES = {
    "signboard": {"signboard_image": ("big.png", image_bytes(1300, 300))},
    "show_company_name": {"show_company_name": False},
    "carousel_count": {"carousel_images": [("b.jpg", image_bytes(900, 350, "JPEG"))] * 2},
    "carousel_height": {"carousel_images": [("b.jpg", image_bytes(900, 450))] * 3, "carousel_height": 450},
    "carousel_rotation": {"carousel_rotation": "每十秒切换"},
    "banner_height": {"banner_images": [("w.png", image_bytes(1920, 650))], "banner_height": 650},
    "service_agent": {"agent1_avatar": ("xu.png", image_bytes(120, 120))},
    "custom_title": {"custom_title": "About Us"},
    "video": {"video_file": None},
    "tiled_count": {"tiled_products": ["3168"]},
}


@pytest.mark.parametrize("key", list(DECORATION_MISTAKES))
def test_each_decoration_mistake_scores_less_and_is_named(make_backend, key):
    result = evaluate("02.4.1", decorate(make_backend("02_store"), **DECORATION_MISTAKES[key]))
    assert 0 < result < 10
    assert [f.key for f in result.wrong] == [key]
    label = next(fc.label for fc in SPECS["02.4.1"].fields if fc.key == key)
    assert any(label in line and "✘" in line for line in result.feedback_lines())


def test_a_default_signboard_is_not_the_task(make_backend):
    backend = decorate(make_backend("02_store"), signboard_image=None, use_default_signboard=True)
    result = evaluate("02.4.1", backend)
    assert [f.key for f in result.wrong] == ["signboard"]


def test_the_maker_may_do_the_decoration_task(make_backend):
    backend = make_backend("02_store")
    backend.switch_account("sub02")
    assert evaluate("02.4.1", decorate(backend)).full


@pytest.mark.parametrize(
    "qid, right, wrong",
    [
        ("02.q11", "不可以", "可以"),
        ("02.q9", ["管理员（主账号）", "制作员"], ["管理员（主账号）"]),
        ("02.q12", "先解冻，再删除", "直接删除"),
        ("02.q13", "自动归入主账号（管理员）", "一起被删除"),
    ],
)
def test_knowledge_checks(make_backend, qid, right, wrong):
    backend = make_backend("02_store")
    assert evaluate(qid, backend) == 0
    backend.quiz.answer(qid, wrong)
    assert evaluate(qid, backend) == 0
    backend.quiz.answer(qid, right)
    assert evaluate(qid, backend) == 1
