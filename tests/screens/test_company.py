"""The company information page (task 02.3.1): tabs, verified fields, review lock, meter, hostile input."""

from __future__ import annotations

import pytest

import alisim_widgets as aw
from alisim_widgets.sim import company as C
from tests.hostile import HOSTILE_NUMBER, HOSTILE_TEXT, assert_refused, file_bytes
from tests.p02_store_data import AV, COMPANY, SUB_ROLES, act_as, jpg, png

REQUIRED_TEXT = ("company_name_cn", "company_name_en", "address_cn", "address_en", "postcode",
                 "year_established", "legal_rep_name", "legal_rep_name_en")  # fmt: skip
OPTIONAL_TEXT = ("website", "core_advantages", "cert_no", "cert_name", "factory_address", "annual_output",
                 "qc_process", "detailed_description", "cert_valid_to")  # fmt: skip
LISTS = ("main_products", "other_products", "production_equipment", "production_lines", "qc_equipment",
         "export_ports", "buyer_cases", "exhibitions")  # fmt: skip
NUMBERS = ("employees", "office_area_m2", "rd_staff", "factory_area_m2", "oem_years", "factory_staff")
# Free English text: SQL-looking text is just text (stored, shown escaped), not an attack on anything.
FREE_TEXT = ("core_advantages", "cert_no", "cert_name", "factory_address", "annual_output", "qc_process",
             "detailed_description", *LISTS)  # fmt: skip
OPTIONAL = set(OPTIONAL_TEXT) | set(LISTS) - {"main_products"} | {"office_area_m2", "rd_staff",
                                                                  "factory_area_m2", "oem_years", "factory_staff"}  # fmt: skip


def cases(keys, hostile):
    out = []
    for key in keys:
        for case in hostile:
            if case in ("empty", "whitespace") and key in OPTIONAL:
                continue  # leaving an optional field empty is allowed
            if case == "sql" and key in FREE_TEXT:
                continue
            out.append((key, case))
    return out


@pytest.fixture
def screen(make_backend):
    return aw.screen_for("02.3.1", make_backend("02_store"))


def verify(backend):
    s = aw.screen_for("02.2.3", backend)
    assert s.fill(**AV, auth_method="企业支付宝验证").submit().done


def test_the_five_tabs_of_the_real_page(screen):
    titles = [screen.tabs.get_title(i) for i in range(len(screen.tabs.children))]
    assert titles == ["基本信息", "研发设计", "加工制造能力", "外贸出口能力", "展示信息"]
    heads = [tab.children[0].value for tab in screen.tabs.children]
    assert "证书商标及专利" in heads[1] and "合作工厂" in heads[2] and "贸易信息" in heads[3]
    assert sum(len(tab.children) - 1 for tab in screen.tabs.children) == len(screen.fields)


def test_textbook_data_submits_and_locks_for_review(screen):
    result = screen.fill(**COMPANY).submit()
    assert result.ok, result
    assert "审核中" in screen.review_line.value and "2022-03-21" in screen.review_line.value
    assert screen.submit_button.disabled
    again = screen.submit()
    assert not again.ok and "审核中" in again.message
    screen.backend.advance_days(1)
    screen._render()
    assert not screen.submit_button.disabled
    assert "审核通过" in screen.review_line.value


def test_verified_fields_are_ticked_and_read_only(screen, make_backend):
    verify(screen.backend)
    page = aw.screen_for("02.3.1", screen.backend)
    for key in ("company_name_cn", "company_name_en", "address_cn", "address_en", "legal_rep_name",
                "legal_rep_name_en"):  # fmt: skip
        assert page.inputs[key].disabled
        assert "已认证" in page._rows[key].children[0].value
    assert not page.inputs["postcode"].disabled
    assert page.values()["company_name_en"] == AV["company_name_en"]
    assert page.fill(**COMPANY).submit().ok
    page.backend.advance_days(1)
    # Code can still type into a disabled field: the simulator refuses the change.
    result = page.fill(company_name_en="Other Name Co., Ltd").submit()
    assert not result.ok and "客户经理" in page.error_labels["company_name_en"].value


def test_the_meter_follows_the_company_type_and_the_form(screen):
    assert "买家案例" in screen.meter.value and "信息完整度 0%" in screen.meter.value
    screen.fill(company_type="工厂型", production_equipment=["Injection molding machine"])
    assert "生产信息" in screen.meter.value and "35%" in screen.meter.value
    screen.fill(company_photos=[jpg()], company_video=("a.mp4", b"\0" * 100))
    assert "公司环境</td><td>" in screen.meter.value
    assert ">100%<" in screen.meter.value


def test_files_are_chosen_by_path_or_bytes(screen, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(png()[1])
    result = screen.fill(**COMPANY, logo=str(logo), company_photos=[jpg("a.jpg"), jpg("b.jpg")]).submit()
    assert result.ok, result
    info = screen.backend.state.company
    assert info.logo.name == "logo.png" and len(info.company_photos) == 2
    with pytest.raises(ValueError):
        screen.fill(logo=str(tmp_path / "missing.png"))


def test_a_wrong_upload_shows_beside_its_field(screen):
    result = screen.fill(**COMPANY, logo=jpg("logo.jpg")).submit()
    assert not result.ok
    assert "PNG" in screen.error_labels["logo"].value


def test_errors_beside_fields_and_typed_values_stay(screen):
    screen.fill(**{**COMPANY, "company_name_en": "湖南典阅", "postcode": "41"})
    result = screen.submit()
    assert not result.ok
    assert "英文" in screen.error_labels["company_name_en"].value
    assert "6 位" in screen.error_labels["postcode"].value
    assert screen.values()["company_name_en"] == "湖南典阅"
    assert screen.backend.state.company is None


def test_a_reopened_page_shows_the_saved_work(screen, make_backend):
    screen.fill(**COMPANY, logo=png(), cert_type="认证证书", cert_no="A1", cert_name="CE").submit()
    page = aw.screen_for("02.3.1", make_backend("02_store"))
    values = page.values()
    assert values["main_products"] == COMPANY["main_products"]
    assert values["employees"] == "86" and values["office_area_m2"] == "320"
    assert values["cert_name"] == "CE"
    assert "logo.png" in page.status.value


@pytest.mark.parametrize("key, case", cases(REQUIRED_TEXT + OPTIONAL_TEXT, HOSTILE_TEXT))
def test_hostile_text_is_refused(screen, key, case):
    assert_refused(screen, COMPANY, key, HOSTILE_TEXT[case], screen.backend.path)


@pytest.mark.parametrize("key, case", cases(LISTS, HOSTILE_TEXT))
def test_hostile_lists_are_refused(screen, key, case):
    assert_refused(screen, COMPANY, key, [HOSTILE_TEXT[case]], screen.backend.path)


@pytest.mark.parametrize("key, case", cases(NUMBERS, HOSTILE_NUMBER))
def test_hostile_numbers_are_refused(screen, key, case):
    assert_refused(screen, COMPANY, key, HOSTILE_NUMBER[case], screen.backend.path)


@pytest.mark.parametrize("key", ["detailed_description", "core_advantages", "exhibitions"])
def test_sql_looking_free_text_is_refused_and_kept_in_the_form(screen, key):
    sql = "x'); DROP TABLE accounts; --"
    before = file_bytes(screen.backend.path)
    result = screen.fill(**{**COMPANY, key: sql}).submit()
    assert not result.ok and "数据库命令" in result.errors[key]
    assert file_bytes(screen.backend.path) == before
    typed = screen.values()[key]
    assert sql in (typed if isinstance(typed, str) else "\n".join(typed))


@pytest.mark.parametrize("key", ["logo", "company_photos", "production_flow_chart", "company_video"])
def test_hostile_files_are_refused(screen, key):
    before = file_bytes(screen.backend.path)
    for name, content in (
        ("<script>.png", png()[1]),
        ("a😀.jpg", jpg()[1]),
        ("x.png", b"<script>alert(1)</script>"),
    ):
        value = [(name, content)] if key == "company_photos" else (name, content)
        result = screen.fill(**COMPANY, **{key: value}).submit()
        assert not result.ok and screen.error_labels[key].value, (key, name)
    assert file_bytes(screen.backend.path) == before


def test_choices_refuse_values_that_are_not_options(screen):
    for key in ("company_type", "main_category", "export_ratio", "trade_staff", "export_mode", "overseas_office",
                "cert_type"):  # fmt: skip
        with pytest.raises(ValueError):
            screen.fill(**{key: "<script>alert(1)</script>"})
    for key in ("oem_services", "main_markets", "trade_terms", "payment_methods", "languages"):
        with pytest.raises(ValueError):
            screen.fill(**{key: ["<script>"]})


def test_every_key_of_the_task_is_a_field(screen):
    assert set(COMPANY) <= set(screen.inputs)
    assert set(C.ALL_KEYS) == set(screen.inputs)


@pytest.mark.parametrize("role", SUB_ROLES)
def test_a_sub_account_is_told_and_refused(make_backend, role):
    backend = make_backend("02_store")
    act_as(backend, role)
    page = aw.screen_for("02.3.1", backend)
    assert f"当前登录的是{role}账号" in page.review_line.value
    before = file_bytes(backend.path)
    result = page.fill(**COMPANY).submit()
    assert not result.ok and "管理公司信息" in result.message
    assert file_bytes(backend.path) == before


def test_the_new_fields_are_shown_again_on_reload(screen, make_backend):
    """证书 dates, 工厂 and 贸易 fields (L847-934) come back when the page is opened again."""
    extra = {"cert_type": "认证证书", "cert_no": "CE-1", "cert_name": "CE", "cert_certified_on": "2022-03-01",
             "cert_issued_on": "2022-03-05", "cert_image": png("cert.png"), "production_scale": "Medium",
             "annual_output": "500000 pieces", "annual_output_shown": "Yes", "last_trade_partner": "Toys World",
             "main_markets": ["North America", "Africa"], "market_shares": "North America 40%; Africa 20%",
             "export_currency": "USD", "customs_keywords": "No", "currency": "USD",
             "payment_methods": ["O/P O/A", "Money Gram"], "registered_address_cn": "湖南省长沙市岳麓区麓谷大道 8 号"}  # fmt: skip
    assert screen.fill(**COMPANY, **extra).submit().ok
    again = aw.screen_for("02.3.1", screen.backend)
    v = again.values()
    for key in ("production_scale", "annual_output_shown", "last_trade_partner", "export_currency",
                "customs_keywords", "currency", "registered_address_cn", "cert_no"):  # fmt: skip
        assert v[key] == extra[key], key
    assert str(v["cert_issued_on"]) == "2022-03-05" and str(v["cert_certified_on"]) == "2022-03-01"
    assert list(v["payment_methods"]) == ["O/P O/A", "Money Gram"]
    assert v["market_shares"] == "North America 40%; Africa 20%"
    assert "cert.png" in again.status.value


def test_a_wrong_share_shows_beside_the_field_and_stays_typed(screen):
    result = screen.fill(**COMPANY, main_markets=["Africa"], market_shares="Africa 120%").submit()
    assert not result.ok and "100" in screen.error_labels["market_shares"].value
    assert screen.inputs["market_shares"].value == "Africa 120%"
