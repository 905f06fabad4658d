"""Checks of 02.2.3 (A&V) and 02.3.1 (company info): full marks for the textbook data, less for each
wrong field (named in Chinese feedback), and the knowledge checks 02.q1-02.q8, 02.q10, 02.q14."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.sim import rules
from alisim_widgets.sim.quiz import QUESTIONS
from autograde import SPECS, check, evaluate
from tests.p02_store_data import AV, COMPANY
from tests.quiz_answers import QUIZ_ANSWERS as ANSWER_KEY

# Values that pass every rule of the screens but differ from the task's data.
AV_WRONG = {
    "company_name_en": "HuNan DianYue Technology Co., Ltd",
    "address_cn": "湖南省长沙市岳麓区谷园街道谷园路 201 号",
    "address_en": "No. 201, Guyuan Road, Guyuan Street, Yuelu District, Changsha City, Hunan Province",
    "license_no": "440000551523412",
    "premises": "租赁",
    "premises_owner": "张龙",
    "registered_capital_cny": "100000",
    "legal_rep_name_en": "Zhang hu",
    "legal_rep_gender": "女",
    "legal_rep_mobile": "13666301235",
    "landline": "086-0532-6356346",
    "legal_rep_email": "dianyue@126.com",
    "position": "经理/director",
    "department": "外贸部/Department of foreign trade",
    "license_valid_from": "2022-03-06",
    "license_valid_to": "2032-03-06",
}
# Fields that must agree with the registry to get through the screens: changed in the saved store.
AV_WRONG_STORED = {"company_name_cn": "湖南典阅贸易有限公司", "legal_rep_name": "张虎",
                   "legal_rep_id_no": "370202198512461235"}  # fmt: skip
COMPANY_WRONG = {
    "company_name_cn": "湖南典阅贸易有限公司",
    "company_name_en": "HuNan DianYue Technology Co., Ltd",
    "address_cn": "湖南省长沙市岳麓区谷园街道谷园路 201 号",
    "address_en": "No. 201, Guyuan Road, Changsha",
    "postcode": "410001",
    "main_category": "母婴用品",
    "main_products": ["building block", "Baby Toys", "doll", "educational toy"],
    "other_products": "Kids Dress",
    "year_established": "2021",
    "employees": "68",
    "website": "www.dianyue.cn",
    "legal_rep_name": "张虎",
    "legal_rep_name_en": "Zhang hu",
    "office_area_m2": "230",
    "core_advantages": "We sell toys.",
}
AV_LABELS = {fc.key: fc.label for fc in SPECS["02.2.3"].fields}
COMPANY_LABELS = {fc.key: fc.label for fc in SPECS["02.3.1"].fields}


def verified(make_backend, method="对公账号打款验证", **changes):
    backend = make_backend("02_store")
    result = aw.screen_for("02.2.3", backend).fill(**{**AV, **changes}, auth_method=method).submit()
    assert result.ok, result
    return backend


def company(make_backend, **changes):
    backend = make_backend("02_store")
    result = aw.screen_for("02.3.1", backend).fill(**{**COMPANY, **changes}).submit()
    assert result.ok, result
    return backend


def test_the_spec_checks_every_field_of_the_task():
    assert {fc.key for fc in SPECS["02.2.3"].fields} == {*AV, "auth_method", "status"}
    assert {fc.key for fc in SPECS["02.3.1"].fields} == set(COMPANY)


@pytest.mark.parametrize("method", rules.AV_AUTH_METHODS)
def test_av_textbook_data_scores_full_with_any_method(make_backend, capsys, method):
    result = check("02.2.3", verified(make_backend, method))
    assert result == result.max_score == 10
    assert "全部正确" in capsys.readouterr().out


def test_company_textbook_data_scores_full(make_backend, capsys):
    result = check("02.3.1", company(make_backend))
    assert result == result.max_score == 10
    assert "全部正确" in capsys.readouterr().out


@pytest.mark.parametrize("year", ["2022", "2022-03-05", "2022 年 3 月 5 日"])
def test_year_established_either_form_scores_full(make_backend, year):
    assert check("02.3.1", company(make_backend, year_established=year), quiet=True).full


def test_company_info_after_av_scores_full(make_backend):
    backend = verified(make_backend)
    assert aw.screen_for("02.3.1", backend).fill(**COMPANY).submit().ok
    assert check("02.3.1", backend, quiet=True).full


def test_nothing_done_scores_zero_with_a_reason(make_backend, capsys):
    backend = make_backend("02_store")
    assert check("02.2.3", backend) == 0
    assert check("02.3.1", backend) == 0
    out = capsys.readouterr().out
    assert "还没有提交 A&V 认证资料" in out and "还没有提交公司信息" in out


def test_materials_under_review_miss_only_the_status(make_backend):
    backend = make_backend("02_store")
    screen = aw.screen_for("02.2.3", backend).fill(**AV, auth_method="线下验证")
    for _ in range(4):  # one step per click, up to the review
        assert screen.submit_step().ok
    result = evaluate("02.2.3", backend)
    assert [f.key for f in result.wrong] == ["status"]
    assert result == pytest.approx(10 * 20 / 21, abs=0.01)


@pytest.mark.parametrize("key", list(AV_WRONG))
def test_each_wrong_av_field_scores_less_and_is_named(make_backend, capsys, key):
    result = check("02.2.3", verified(make_backend, **{key: AV_WRONG[key]}))
    assert result == pytest.approx(10 * 20 / 21, abs=0.01)
    assert [f.key for f in result.wrong] == [key]
    out = capsys.readouterr().out
    assert f"✘ {AV_LABELS[key]}" in out


@pytest.mark.parametrize("key", list(AV_WRONG_STORED))
def test_each_wrong_registry_field_scores_less_and_is_named(make_backend, key):
    backend = verified(make_backend)
    with backend.transaction("test.edit") as work:
        setattr(work.verification.materials, key, AV_WRONG_STORED[key])
    result = evaluate("02.2.3", backend)
    assert [f.key for f in result.wrong] == [key]
    assert AV_LABELS[key] in "\n".join(result.feedback_lines())


@pytest.mark.parametrize("key", list(COMPANY_WRONG))
def test_each_wrong_company_field_scores_less_and_is_named(make_backend, capsys, key):
    result = check("02.3.1", company(make_backend, **{key: COMPANY_WRONG[key]}))
    assert result == pytest.approx(10 * 14 / 15, abs=0.01)
    assert [f.key for f in result.wrong] == [key]
    assert f"✘ {COMPANY_LABELS[key]}" in capsys.readouterr().out


def test_feedback_never_gives_the_expected_value_away(make_backend):
    result = evaluate("02.3.1", company(make_backend, website="www.dianyue.cn"), reveal=False)
    text = "\n".join(result.feedback_lines())
    assert "www.dianyue.com" not in text and "公司网址" in text


def test_hints_do_not_contain_the_answers():
    for tid in ("02.2.3", "02.3.1"):
        for fc in SPECS[tid].fields:
            if isinstance(fc.expected, str) and len(fc.expected) > 2:
                assert fc.expected not in fc.hint, (tid, fc.key)


def test_a_hand_edited_store_is_graded_not_crashed(make_backend):
    backend = verified(make_backend)
    with backend.transaction("test.edit") as work:
        work.verification.materials.registered_capital_cny = 10**12
    assert evaluate("02.2.3", backend) == pytest.approx(10 * 20 / 21, abs=0.01)


# --- knowledge checks ---------------------------------------------------------------------------
QUIZ = [f"02.q{n}" for n in (*range(1, 9), 10, 14, 20, 21, 22, 23)]


@pytest.mark.parametrize("qid", QUIZ)
def test_right_answers_score_and_wrong_ones_do_not(make_backend, qid):
    backend = make_backend("02_store")
    right = ANSWER_KEY[qid]
    question = QUESTIONS[qid]
    wrong = [o for o in question.options if o not in right][:1]
    aw.screen_for(qid, backend).fill(answer=right if question.multiple else right[0]).submit()
    assert check(qid, backend, quiet=True) == 1
    aw.screen_for(qid, backend).fill(answer=wrong if question.multiple else wrong[0]).submit()
    assert check(qid, backend, quiet=True) == 0


def test_the_permission_matrix_question_matches_the_simulator():
    from alisim_widgets.sim.permissions import PERMISSIONS

    right = ANSWER_KEY["02.q14"]
    roles = {"管理员（主账号）": rules.ROLE_ADMIN, "业务经理": rules.ROLE_MANAGER, "业务员": rules.ROLE_SALES,
             "制作员": rules.ROLE_MAKER}  # fmt: skip
    allowed = set(PERMISSIONS["store.company_info"]) & set(PERMISSIONS["store.av_verification"])
    assert {roles[o] for o in right} == allowed


def test_the_completeness_question_matches_the_simulator():
    from alisim_widgets.sim.company import completeness

    meter = completeness("工贸一体", photos=False, video=False, exhibitions=False, buyer_cases=False,
                         flow_chart=False, equipment=True, lines=True, qc_process=False, qc_equipment=False)  # fmt: skip
    assert f"{meter['生产信息']}%" in ANSWER_KEY["02.q7"]
