"""Company information (task 02.3.1): English-only, verified fields, the review lock, completeness."""

from __future__ import annotations

import datetime as dt

import pytest

from alisim_widgets.sim import rules
from alisim_widgets.sim.company import APPROVED, REVIEWING, completeness, completeness_of
from alisim_widgets.sim.errors import PermissionDenied, SimError, ValidationFailed
from tests.hostile import file_bytes
from tests.p02_store_data import AV, COMPANY, ELEMENTS, SUB_ROLES, act_as, jpg, png


@pytest.fixture
def backend(make_backend):
    return make_backend("02_store")


def verified(backend):
    v = backend.verification
    v.confirm_letter()
    v.submit_elements(ELEMENTS)
    v.choose_auth("线下验证")
    v.submit_materials(AV)
    v.pass_review()
    return backend


def refused(backend, values, key, rule=None):
    before = file_bytes(backend.path)
    with pytest.raises(ValidationFailed) as exc:
        backend.company.submit(values)
    by_field = exc.value.by_field()
    assert key in by_field, by_field
    if rule:
        assert rule in [e.rule for e in exc.value.errors if e.field == key]
    assert file_bytes(backend.path) == before
    return by_field[key]


def test_textbook_data_is_accepted_verbatim(backend):
    backend.company.submit(COMPANY)
    info = backend.state.company
    assert info.main_products == COMPANY["main_products"]
    assert info.other_products == []
    assert info.year_established == "2022-03-05"
    assert info.employees == 86 and info.office_area_m2 == 320
    assert info.core_advantages == COMPANY["core_advantages"]
    assert backend.company.status == REVIEWING


@pytest.mark.parametrize("typed, saved", [("2022", "2022"), (2022, "2022"), ("2022-03-05", "2022-03-05"),
                                          ("2022 年 3 月 5 日", "2022-03-05"), (dt.date(2022, 3, 5), "2022-03-05")])  # fmt: skip
def test_year_established_takes_a_year_or_a_date(backend, typed, saved):
    backend.company.submit({**COMPANY, "year_established": typed})
    assert backend.state.company.year_established == saved


@pytest.mark.parametrize("bad", ["2023", "2022-03-21", "1799", "abc", "22", "2022-13-01"])
def test_year_established_refuses_future_and_nonsense(backend, bad):
    refused(backend, {**COMPANY, "year_established": bad}, "year_established")


def test_textbook_forms_of_numbers_are_accepted(backend):
    backend.company.submit({**COMPANY, "employees": "86 人", "office_area_m2": "320 m²"})
    assert backend.state.company.employees == 86 and backend.state.company.office_area_m2 == 320


def test_main_products_typed_as_the_textbook_prints_them(backend):
    backend.company.submit(
        {**COMPANY, "main_products": "building block、Baby Toys、doll、educational toy、Toy Car"}
    )
    assert backend.state.company.main_products == COMPANY["main_products"]


@pytest.mark.parametrize(
    "products, rule",
    [
        (["a", "b", "c", "d", "e", "f"], "max_n"),
        (["doll", "Doll"], "unique"),
        ([], "required"),
        (["无"], "required"),
        (["x" * 51], "max_len"),
        (["积木"], "english"),
    ],
)
def test_main_products_rules(backend, products, rule):
    refused(backend, {**COMPANY, "main_products": products}, "main_products", rule)


def test_five_main_products_is_the_limit(backend):
    assert rules.MAIN_PRODUCTS_MAX == 5
    backend.company.submit({**COMPANY, "main_products": ["a", "b", "c", "d", "e"]})


@pytest.mark.parametrize(
    "key, chinese",
    [
        ("company_name_en", "湖南典阅 Co., Ltd"),
        ("address_en", "No. 200, 谷园路"),
        ("core_advantages", "We are the best，fast"),  # a full-width comma is Chinese punctuation
        ("website", "www.典阅.com"),
        ("legal_rep_name_en", "张龙"),
        ("other_products", ["玩具车"]),
        ("detailed_description", "我们是一家玩具公司"),
        ("exhibitions", ["广交会"]),
        ("buyer_cases", ["美国客户"]),
        ("factory_address", "长沙"),
        ("annual_output", "50 万件"),
        ("production_equipment", ["注塑机"]),
        ("qc_process", "全检"),
        ("cert_name", "质量体系认证"),
    ],
)
def test_english_fields_refuse_chinese(backend, key, chinese):
    message = refused(backend, {**COMPANY, key: chinese}, key)
    assert "英文" in message


def test_chinese_fields_take_chinese(backend):
    backend.company.submit(COMPANY)
    assert backend.state.company.address_cn == COMPANY["address_cn"]


def test_review_lock_of_one_working_day(backend):
    backend.company.submit(COMPANY)  # Sunday 2022-03-20
    assert backend.state.company.review_done_on == dt.date(2022, 3, 21)
    before = file_bytes(backend.path)
    with pytest.raises(SimError) as exc:
        backend.company.submit({**COMPANY, "employees": "90"})
    assert "审核中" in exc.value.message and "2022-03-21" in exc.value.message
    assert file_bytes(backend.path) == before
    backend.advance_days(1)
    assert backend.company.status == APPROVED
    backend.company.submit({**COMPANY, "employees": "90"})
    assert backend.state.company.employees == 90
    assert backend.state.company.submissions == 2
    assert backend.company.locked


def test_a_friday_submission_is_reviewed_on_monday(backend):
    backend.advance_days(5)  # Friday 2022-03-25
    backend.company.submit(COMPANY)
    backend.advance_days(1)  # Saturday
    assert backend.company.locked
    backend.advance_days(1)  # Sunday
    assert backend.company.locked
    backend.advance_days(1)  # Monday 2022-03-28
    assert not backend.company.locked


def test_verified_fields_are_read_only_after_av(backend):
    verified(backend)
    for key, other in (("company_name_en", "DianYue Toys Co., Ltd"), ("address_cn", "湖南省长沙市"),
                       ("legal_rep_name", "张虎"), ("legal_rep_name_en", "Zhang hu")):  # fmt: skip
        message = refused(backend, {**COMPANY, key: other}, key, "verified")
        assert "客户经理" in message


def test_verified_fields_may_be_left_empty_or_repeated(backend):
    verified(backend)
    backend.company.submit({**COMPANY, "company_name_en": "", "address_en": None})
    assert backend.state.company.company_name_en == AV["company_name_en"]
    assert backend.state.company.address_en == AV["address_en"]


def test_before_av_every_field_is_editable(backend):
    backend.company.submit({**COMPANY, "company_name_en": "DianYue Toys Co., Ltd"})
    assert backend.state.company.company_name_en == "DianYue Toys Co., Ltd"


@pytest.mark.parametrize("role", SUB_ROLES)
def test_only_the_admin_may_manage_company_info(backend, role):
    act_as(backend, role)
    before = file_bytes(backend.path)
    with pytest.raises(PermissionDenied) as exc:
        backend.company.submit(COMPANY)
    assert "管理公司信息" in exc.value.message
    assert file_bytes(backend.path) == before


# --- completeness (L1003-1028) ----------------------------------------------------------------
def _meter(kind, **filled):
    keys = ("photos", "video", "exhibitions", "buyer_cases", "flow_chart", "equipment", "lines", "qc_process",
            "qc_equipment")  # fmt: skip
    return completeness(kind, **{k: filled.get(k, False) for k in keys})


def test_trading_company_completeness():
    assert _meter("贸易型") == {"公司环境": 0, "展会信息": 0, "买家案例": 0}
    assert _meter("贸易型", photos=True)["公司环境"] == 50
    assert _meter("贸易型", video=True)["公司环境"] == 50
    assert _meter("贸易型", photos=True, video=True)["公司环境"] == 100
    assert _meter("贸易型", exhibitions=True)["展会信息"] == 100
    assert _meter("贸易型", buyer_cases=True)["买家案例"] == 100
    assert _meter(None, buyer_cases=True) == _meter("贸易型", buyer_cases=True)


@pytest.mark.parametrize("kind", ["工厂型", "工贸一体"])
def test_factory_completeness(kind):
    assert set(_meter(kind)) == {"公司环境", "展会信息", "生产信息", "质量信息"}
    assert _meter(kind, equipment=True)["生产信息"] == 35
    assert _meter(kind, equipment=True, lines=True)["生产信息"] == 70
    assert _meter(kind, equipment=True, lines=True, flow_chart=True)["生产信息"] == 100
    assert _meter(kind, qc_process=True)["质量信息"] == 50
    assert _meter(kind, qc_process=True, qc_equipment=True)["质量信息"] == 100
    assert "买家案例" not in _meter(kind, buyer_cases=True)


def test_completeness_is_computed_from_what_was_saved(backend):
    backend.company.submit(
        {**COMPANY, "company_type": "工厂型", "company_photos": [jpg("gate.jpg"), jpg("office.jpg")],
         "production_equipment": ["Injection molding machine"], "production_lines": "Line A\nLine B",
         "qc_process": "Incoming, in-process and final inspection", "exhibitions": ["Canton Fair 2021"]}
    )  # fmt: skip
    assert completeness_of(backend.state.company) == {
        "公司环境": 50,
        "展会信息": 100,
        "生产信息": 70,
        "质量信息": 50,
    }


# --- uploads ------------------------------------------------------------------------------------
def test_logo_png_below_200k(backend):
    warnings = backend.company.submit({**COMPANY, "logo": png(total=rules.LOGO_MAX_BYTES - 1)})
    logo = backend.state.company.logo
    assert (logo.format, logo.width, logo.height, logo.size) == ("PNG", 100, 100, rules.LOGO_MAX_BYTES - 1)
    assert not any("建议 100" in w for w in warnings)


@pytest.mark.parametrize(
    "upload, rule",
    [
        (png(total=rules.LOGO_MAX_BYTES), "max_bytes"),
        (jpg("logo.jpg"), "format"),
        (("logo.jpg", png()[1]), "extension"),
        (("logo.png", b"not an image at all"), "format"),
        (("logo.png", b""), "empty"),
        (("logo.png", png()[1][:60]), "format"),
        ("C:/logo.png", "type"),
    ],
)
def test_logo_refusals(backend, upload, rule):
    refused(backend, {**COMPANY, "logo": upload}, "logo", rule)


def test_logo_size_advice(backend):
    warnings = backend.company.submit({**COMPANY, "logo": png(size=(300, 120))})
    assert any("100 × 100" in w and "300 × 120" in w for w in warnings)


def test_company_photos_jpg_below_200k_three_without_advice(backend):
    three = [jpg(f"p{i}.jpg", total=rules.COMPANY_PHOTO_MAX_BYTES - 1) for i in range(3)]
    warnings = backend.company.submit({**COMPANY, "company_photos": three})
    assert [p.name for p in backend.state.company.company_photos] == ["p0.jpg", "p1.jpg", "p2.jpg"]
    assert not any("一般放" in w for w in warnings)


def test_more_than_three_company_photos_are_accepted_with_advice(backend):
    # L762 only describes three usual photos: the textbook gives no cap, so a fourth is advice, not a refusal.
    four = [jpg(f"p{i}.jpg") for i in range(rules.COMPANY_PHOTOS_ADVISED + 1)]
    warnings = backend.company.submit({**COMPANY, "company_photos": four})
    assert len(backend.state.company.company_photos) == 4
    assert any("一般放 3 张" in w and "当前 4 张" in w for w in warnings)


def test_company_photos_simulator_bound(backend):
    # The bound against huge uploads is the simulator's: exactly at it is accepted, one more refused below.
    at_max = [jpg(f"p{i}.jpg") for i in range(rules.COMPANY_PHOTOS_MAX)]
    backend.company.submit({**COMPANY, "company_photos": at_max})
    assert len(backend.state.company.company_photos) == rules.COMPANY_PHOTOS_MAX


@pytest.mark.parametrize(
    "photos, rule",
    [
        ([jpg(f"p{i}.jpg") for i in range(rules.COMPANY_PHOTOS_MAX + 1)], "max_n"),
        ([jpg(total=rules.COMPANY_PHOTO_MAX_BYTES)], "max_bytes"),
        ([png("p.png")], "format"),
    ],
)
def test_company_photo_refusals(backend, photos, rule):
    refused(backend, {**COMPANY, "company_photos": photos}, "company_photos", rule)


def test_company_video_formats_and_size(backend):
    backend.company.submit(
        {**COMPANY, "company_video": ("factory.mp4", b"\0\0\0\x18ftypmp42" + b"\0" * 1000)}
    )
    assert backend.state.company.company_video.format == "mp4"
    backend.advance_days(1)
    refused(backend, {**COMPANY, "company_video": ("virus.exe", b"MZ" * 10)}, "company_video", "format")
    big = ("big.mp4", b"\0" * rules.COMPANY_VIDEO_MAX_BYTES)
    refused(backend, {**COMPANY, "company_video": big}, "company_video", "max_bytes")


def test_an_empty_upload_keeps_the_saved_file(backend):
    backend.company.submit({**COMPANY, "logo": png()})
    backend.advance_days(1)
    backend.company.submit(COMPANY)
    assert backend.state.company.logo is not None


def test_certificate_fields_go_together(backend):
    refused(backend, {**COMPANY, "cert_no": "ISO9001-2022"}, "cert_type", "required")
    backend.company.submit(
        {**COMPANY, "cert_type": "认证证书", "cert_no": "ISO9001-2022", "cert_name": "ISO 9001",
         "cert_valid_to": "2025-03-01"}
    )  # fmt: skip
    assert backend.state.company.certificate.cert_name == "ISO 9001"


def test_an_expired_certificate_is_refused(backend):
    refused(
        backend,
        {
            **COMPANY,
            "cert_type": "认证证书",
            "cert_no": "A1",
            "cert_name": "CE",
            "cert_valid_to": "2022-03-01",
        },
        "cert_valid_to",
        "expired",
    )


@pytest.mark.parametrize(
    "key, bad",
    [("postcode", "41000"), ("postcode", "abcdef"), ("main_category", "玩具"), ("website", "dianyue"),
     ("employees", "0"), ("employees", "8.5"), ("office_area_m2", "-1"), ("company_type", "个体户"),
     ("main_markets", ["Mars"]), ("trade_terms", "FOB"), ("export_ratio", "200%"), ("overseas_office", "maybe"),
     ("oem_years", "-1"), ("oem_services", ["OEM"]), ("languages", ["Klingon"])],
)  # fmt: skip
def test_field_rules(backend, key, bad):
    refused(backend, {**COMPANY, key: bad}, key)


def test_every_error_of_every_tab_at_once(backend):
    with pytest.raises(ValidationFailed) as exc:
        backend.company.submit(
            {**COMPANY, "postcode": "1", "logo": jpg(), "languages": ["x"], "rd_staff": "-1"}
        )
    assert {"postcode", "logo", "languages", "rd_staff"} <= set(exc.value.by_field())


def test_unknown_fields_are_refused(backend):
    with pytest.raises(SimError):
        backend.company.submit({**COMPANY, "verified": True})


# --- issue 9: 证书 dates and scan, 工厂 scale, 贸易 partner / shares / currencies, addresses -----------------
from alisim_widgets.sim.company import CERT_FILE_MAX_BYTES, PAYMENT_METHODS  # noqa: E402
from tests.p02_store_data import image_bytes, padded  # noqa: E402

CERT = {"cert_type": "认证证书", "cert_no": "CE-2022-001", "cert_name": "CE Certificate"}


def test_payment_options_are_printed_as_in_the_textbook():
    assert "O/P O/A" in PAYMENT_METHODS and "Money Gram" in PAYMENT_METHODS
    assert "D/P D/A" not in PAYMENT_METHODS and "MoneyGram" not in PAYMENT_METHODS


def test_old_saves_read_with_the_printed_payment_names(backend):
    backend.company.submit({**COMPANY, "payment_methods": ["T/T", "O/P O/A"]})
    data = backend.state.company.model_dump()
    data["payment_methods"] = ["MoneyGram", "D/P D/A"]
    again = type(backend.state.company).model_validate(data)
    assert again.payment_methods == ["Money Gram", "O/P O/A"]


def test_a_certificate_with_dates_and_a_scan_is_kept(backend):
    scan = ("cert.png", image_bytes("PNG"))
    warnings = backend.company.submit(
        {
            **COMPANY,
            **CERT,
            "cert_certified_on": "2022-03-01",
            "cert_issued_on": "2022 年 3 月 5 日",
            "cert_valid_to": "2025-03-05",
            "cert_image": scan,
        }  # fmt: skip
    )
    cert = backend.state.company.certificate
    assert (cert.certified_on, cert.issued_on) == (dt.date(2022, 3, 1), dt.date(2022, 3, 5))
    assert cert.image.name == "cert.png" and not any("扫描件" in w for w in warnings)


@pytest.mark.parametrize(("name", "data"), [("cert.pdf", b"%PDF-1.4\n%%EOF\n"), ("cert.tif", image_bytes("TIFF")),
                                            ("cert.jpg", image_bytes("JPEG"))])  # fmt: skip
def test_the_scan_formats_of_the_page(backend, name, data):
    backend.company.submit({**COMPANY, **CERT, "cert_image": (name, data)})
    assert backend.state.company.certificate.image.name == name


def test_a_certificate_without_a_scan_is_kept_with_advice(backend):
    warnings = backend.company.submit({**COMPANY, **CERT})
    assert backend.state.company.certificate.image is None
    assert any("扫描件" in w for w in warnings)


@pytest.mark.parametrize(
    ("upload", "rule"),
    [
        (("cert.pdf", b"not a pdf"), "format"),
        (("cert.gif", b"GIF89a"), None),
        (("cert.docx", b"PK\x03\x04"), None),
    ],
)
def test_a_scan_that_is_not_what_it_says_is_refused(backend, upload, rule):
    message = refused(backend, {**COMPANY, **CERT, "cert_image": upload}, "cert_image", rule)
    assert "证书图片" in message


def test_the_scan_size_limit_both_sides(backend):
    data = image_bytes("PNG")
    backend.company.submit(
        {**COMPANY, **CERT, "cert_image": ("c.png", padded(data, CERT_FILE_MAX_BYTES - 1))}
    )
    backend.advance_days(1)
    refused(backend, {**COMPANY, **CERT, "cert_image": ("c.png", padded(data, CERT_FILE_MAX_BYTES))}, "cert_image",
            "max_bytes")  # fmt: skip


def test_a_scan_alone_needs_the_certificate_facts(backend):
    refused(backend, {**COMPANY, "cert_image": ("c.png", image_bytes("PNG"))}, "cert_type", "required")


@pytest.mark.parametrize(
    ("values", "key"),
    [
        ({"cert_certified_on": "2022-03-21"}, "cert_certified_on"),  # tomorrow (today is 2022-03-20)
        ({"cert_issued_on": "2022-03-21"}, "cert_issued_on"),
        ({"cert_certified_on": "2022-03-05", "cert_issued_on": "2022-03-04"}, "cert_issued_on"),
        ({"cert_issued_on": "2022-03-05", "cert_valid_to": "2022-03-05"}, "cert_valid_to"),
    ],
)
def test_certificate_dates_in_order(backend, values, key):
    refused(backend, {**COMPANY, **CERT, **values}, key)


def test_certificate_dates_on_the_boundaries_are_accepted(backend):
    today = backend.today().isoformat()
    backend.company.submit({**COMPANY, **CERT, "cert_certified_on": today, "cert_issued_on": today,
                            "cert_valid_to": "2030-01-01"})  # fmt: skip
    assert backend.state.company.certificate.issued_on == backend.today()


def test_production_scale_and_the_annual_output_switch(backend):
    refused(backend, {**COMPANY, "annual_output_shown": "Yes"}, "annual_output", "required")
    backend.company.submit({**COMPANY, "production_scale": "Medium, 3 production lines",
                            "annual_output": "500000 pieces", "annual_output_shown": "Yes"})  # fmt: skip
    info = backend.state.company
    assert (info.production_scale, info.annual_output_shown) == ("Medium, 3 production lines", "Yes")


def test_no_annual_output_is_fine_when_not_shown(backend):
    backend.company.submit({**COMPANY, "annual_output_shown": "No"})
    assert backend.state.company.annual_output_shown == "No"


def test_chinese_in_the_new_english_fields_is_refused(backend):
    for key in ("production_scale", "last_trade_partner", "registered_address_en"):
        refused(backend, {**COMPANY, key: "中文"}, key, "english")


def test_trade_tab_fields_are_kept(backend):
    backend.company.submit(
        {
            **COMPANY,
            "last_trade_partner": "Toys World Inc.",
            "main_markets": ["North America", "Western Europe"],
            "market_shares": "North America 40%; western europe: 60",
            "export_currency": "USD",
            "customs_keywords": "No",
            "currency": "usd",
        }  # fmt: skip
    )
    info = backend.state.company
    assert info.market_shares == {"North America": 40, "Western Europe": 60}
    assert (info.last_trade_partner, info.export_currency, info.customs_keywords, info.currency) == (
        "Toys World Inc.", "USD", "No", "USD")  # fmt: skip


@pytest.mark.parametrize(
    ("shares", "ok"),
    [
        ({"North America": 100}, True),
        ({"North America": 1}, True),
        ({"North America": 101}, False),
        ({"North America": 0}, False),
        ({"North America": 50, "Africa": 50}, True),
        ({"North America": 50, "Africa": 51}, False),
        ({"Africa": 10, "Mars": 5}, False),
        ("North America forty", False),
    ],
)
def test_market_share_boundaries(backend, shares, ok):
    values = {**COMPANY, "main_markets": ["North America", "Africa"], "market_shares": shares}
    if ok:
        backend.company.submit(values)
        assert sum(backend.state.company.market_shares.values()) <= 100
    else:
        refused(backend, values, "market_shares")


def test_a_share_needs_its_market_ticked(backend):
    message = refused(backend, {**COMPANY, "main_markets": ["Africa"], "market_shares": {"Oceania": 10}},
                      "market_shares", "main_markets")  # fmt: skip
    assert "Oceania" in message


@pytest.mark.parametrize(("code", "ok"), [("USD", True), ("eur", True), ("US", False), ("USDT", False),
                                          ("123", False)])  # fmt: skip
def test_the_currency_is_a_three_letter_code(backend, code, ok):
    if ok:
        backend.company.submit({**COMPANY, "currency": code})
        assert backend.state.company.currency == code.upper()
    else:
        refused(backend, {**COMPANY, "currency": code}, "currency", "format")


def test_unknown_choices_are_refused(backend):
    refused(backend, {**COMPANY, "export_currency": "BTC"}, "export_currency", "choice")
    refused(backend, {**COMPANY, "customs_keywords": "Maybe"}, "customs_keywords", "choice")


def test_a_registered_address_apart_from_the_operating_one(backend):
    backend.company.submit({**COMPANY, "registered_address_cn": "湖南省长沙市岳麓区麓谷大道 8 号",
                            "registered_address_en": "No. 8, Lugu Avenue, Changsha"})  # fmt: skip
    info = backend.state.company
    assert info.registered_address_cn == "湖南省长沙市岳麓区麓谷大道 8 号"
    assert info.address_cn == COMPANY["address_cn"]


@pytest.mark.parametrize("key", ["registered_address_cn", "registered_address_en", "production_scale",
                                 "last_trade_partner", "market_shares", "currency"])  # fmt: skip
@pytest.mark.parametrize("case", ["huge", "emoji", "script"])
def test_new_fields_refuse_hostile_text(backend, key, case):
    from tests.hostile import HOSTILE_TEXT

    refused(backend, {**COMPANY, key: HOSTILE_TEXT[case]}, key)
