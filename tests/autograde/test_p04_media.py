"""Checks of project 04: the textbook data scores full; each wrong field scores less and is named."""

from __future__ import annotations

import datetime as dt

import pytest

import alisim_widgets as aw
from alisim_widgets.sim import rules
from alisim_widgets.sim.media import clip_violations
from alisim_widgets.sim.media_models import VideoClip
from alisim_widgets.sim.quiz import QUESTIONS
from autograde import SPECS, check, evaluate
from tests.quiz_answers import QUIZ_ANSWERS as ANSWER_KEY
from tests.trueview_data import FORM

LABELS = {fc.key: fc.label for fc in SPECS["04.1.4"].fields}
# Values that pass every rule but differ from the task's data (the clip stays compliant).
WRONG = {
    "content_type": {"content_type": "产品实拍"},
    "title": {"title": "双十一新品"},
    "description": {"description": "It is the princess dress in the eyes of girls."},
    "products": {"video": "VID-SWEATER-01", "products": [3186]},
    "publish": {"publish": "定时发布", "scheduled_at": "2022-11-11 00:00"},
}
MB = 1024 * 1024
WEIGHT = {"video": 2, "content_type": 1, "title": 1, "description": 1, "products": 2, "publish": 1}


def published(make_backend, **changes):
    backend = make_backend("04_media")
    result = aw.screen_for("04.1.4", backend).fill(**{**FORM, **changes}).submit()
    assert result.ok, result
    return backend


def test_textbook_data_scores_full(make_backend, capsys):
    result = check("04.1.4", published(make_backend))
    assert result == result.max_score == 10 and result.full
    captured = capsys.readouterr()
    assert "全部正确" in captured.out and captured.err == ""


@pytest.mark.parametrize("video", ["VID-DRESS-01", "VID-DRESS-02"])
def test_any_compliant_clip_of_the_dress_is_right(make_backend, video):
    assert evaluate("04.1.4", published(make_backend, video=video)).full


def test_nothing_published_scores_zero_with_a_reason(make_backend, capsys):
    assert check("04.1.4", make_backend("04_media")) == 0
    assert "还没有发布 True View 视频" in capsys.readouterr().out


@pytest.mark.parametrize("key", list(WRONG))
def test_each_wrong_field_scores_less_and_is_named(make_backend, capsys, key):
    result = check("04.1.4", published(make_backend, **WRONG[key]))
    assert [f.key for f in result.wrong] == [key]
    assert result == pytest.approx(10 * (8 - WEIGHT[key]) / 8)
    assert f"✘ {LABELS[key]}" in capsys.readouterr().out


def test_a_clip_that_no_longer_passes_the_rules_scores_less(make_backend, capsys):
    # The check asks the simulator about the clip: when the clip turns out to break a rule, the video is wrong.
    backend = published(make_backend)
    with backend.transaction("test.watermark_found") as work:
        next(c for c in work.videos if c.id == "VID-DRESS-01").watermark = "剪映"
    result = check("04.1.4", backend)
    assert [f.key for f in result.wrong] == ["video"] and result == pytest.approx(7.5)
    out = capsys.readouterr().out
    assert "✘ 视频" in out and "True View 的全部要求" in out


def test_no_linked_product_is_named_as_missing(make_backend):
    result = evaluate("04.1.4", published(make_backend, products=[]))
    assert [f.key for f in result.wrong] == ["products"] and "没有填写" in result.wrong[0].feedback


def test_the_latest_video_is_graded(make_backend):
    backend = published(make_backend, **WRONG["title"])
    assert not evaluate("04.1.4", backend).full
    aw.screen_for("04.1.4", backend).fill(**FORM).submit()  # the same clip again: updated
    assert evaluate("04.1.4", backend).full
    aw.screen_for("04.1.4", backend).fill(**{**FORM, **WRONG["products"]}).submit()
    assert [f.key for f in evaluate("04.1.4", backend).wrong] == ["products"]


def test_feedback_does_not_give_the_answer_away(make_backend):
    result = evaluate("04.1.4", published(make_backend, **WRONG["description"]), reveal=False)
    text = "\n".join(result.feedback_lines())
    assert "dexterous" not in text and "产品使用效果" not in text


def test_the_graded_store_survives_a_restart(make_backend, tmp_path):
    published(make_backend)
    assert check("04.1.4", aw.open_backend("04_media", path=tmp_path), quiet=True).full


def test_a_hand_edited_store_is_graded_not_crashed(make_backend):
    backend = published(make_backend)
    with backend.transaction("test.break") as work:
        work.trueviews[-1].product_ids = [424242]
        work.videos.clear()
    result = evaluate("04.1.4", backend)
    assert {f.key for f in result.wrong} == {"video", "products"}


def test_scheduled_video_scores_the_publish_field_only(make_backend):
    backend = make_backend("04_media")
    later = backend.now() + dt.timedelta(days=1)
    backend.media.publish_trueview({**FORM, "publish": "定时发布", "scheduled_at": f"{later:%Y-%m-%d %H:%M}"})
    assert [f.key for f in evaluate("04.1.4", backend).wrong] == ["publish"]


QUIZ_ANSWERS = {qid: ANSWER_KEY[qid] for qid in QUESTIONS if qid.startswith("04.") and qid in SPECS}


def test_every_knowledge_check_has_a_spec():
    assert sorted(QUIZ_ANSWERS) == [f"04.q{n}" for n in range(1, 10)]


@pytest.mark.parametrize("qid", sorted(QUIZ_ANSWERS))
def test_knowledge_checks_right_and_wrong(make_backend, qid):
    backend = make_backend("04_media")
    assert evaluate(qid, backend) == 0
    right = QUIZ_ANSWERS[qid]
    aw.screen_for(qid, backend).fill(answer=right).submit()
    assert evaluate(qid, backend).full
    wrong = [o for o in QUESTIONS[qid].options if o not in right][:1]
    aw.screen_for(qid, backend).fill(answer=wrong).submit()
    assert evaluate(qid, backend) == 0


def _clip(**facts) -> VideoClip:
    base = dict(id="Q", file_name="q.mp4", subject="", duration_s=60, width=1920, height=1080, size_bytes=10 * MB,
                uploaded_on=dt.date(2022, 10, 1))  # fmt: skip
    return VideoClip(**{**base, **facts})


def test_knowledge_check_answers_agree_with_the_simulator():
    # 04.q1: 9:16, 2 min 40 s, 180 MB, English, a WhatsApp number at the end → only the contact rule.
    q1 = _clip(width=1080, height=1920, duration_s=160, size_bytes=180 * MB, voice="英文", contacts=["电话"])
    assert [v.rule for v in clip_violations(q1)] == ["contact_电话"]
    # 04.q2: the six clips of the options, in order.
    q2 = [_clip(), _clip(width=1280, height=720, duration_s=190), _clip(width=1080, height=1080, duration_s=20),
          _clip(width=1080, height=1920, duration_s=30, subtitles="中文"), _clip(width=854, height=480),
          _clip(width=1080, height=1920, duration_s=14)]  # fmt: skip
    passing = [o for o, c in zip(QUESTIONS["04.q2"].options, q2, strict=True) if not clip_violations(c)]
    assert sorted(passing) == sorted(QUIZ_ANSWERS["04.q2"])
    # 04.q3: 16:9, 40 s, product and selling points, 10 plays in 30 days → 良好 (needs more than 10).
    assert QUIZ_ANSWERS["04.q3"] == ["良好"]
    assert QUIZ_ANSWERS["04.q4"] == ["{}×{}".format(*rules.TRUEVIEW_COVER_MIN_PX)]
    assert set(QUIZ_ANSWERS["04.q5"]) == set(rules.TRUEVIEW_ASPECTS)
