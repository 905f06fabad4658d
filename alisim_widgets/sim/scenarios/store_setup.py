"""Scenario data of 项目二's own areas: the A&V letter, the registry, the admin's profile, and the
store once A&V and company information are done (for the demo and later projects).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from ..account_security_models import AccountProfile
from ..company_models import CompanyInfo
from ..state import StoreState
from ..upload_models import FileMeta
from ..verification_models import AVMaterials, BusinessRecord, CertLetter, ElementAttempt, Verification

__all__ = ["seed_verification", "seed_admin_profile", "complete_store_setup", "LEGAL_REP_ID_NO"]

# The legal representative's ID as the textbook prints it (L651): an impossible date and a failing
# check digit, kept verbatim (RULES.md, Contradictions).
LEGAL_REP_ID_NO = "370202198512461234"

_LETTER = CertLetter(
    company_name_cn="湖南典阅科技有限公司",
    address_cn="湖南省长沙市岳麓区谷园街道谷园路 200 号",
    contact_name="Mark（运营助理）",
    account_manager="李文（阿里巴巴客户经理）",
    visited_on=dt.date(2022, 3, 15),  # 7 days before a standard review passes (03-22): L632's 7-8 days
    issued_on=dt.date(2022, 3, 18),
)
_REGISTRY = BusinessRecord(
    company_name_cn="湖南典阅科技有限公司",
    license_type="营业执照",
    legal_rep_name="张龙",
    legal_rep_id_no=LEGAL_REP_ID_NO,
)


def _photo(name: str) -> FileMeta:
    """What the simulator measured of a company photo uploaded in project 02 (the bytes are not kept)."""
    digest = hashlib.sha256(name.encode()).hexdigest()
    return FileMeta(name=name, size=150 * 1024, sha256=digest, format="JPEG", width=800, height=600,
                    uploaded_at=dt.datetime(2022, 3, 24, 9, 30))  # fmt: skip


def seed_verification(state: StoreState) -> None:
    """A&V not started: the account manager's letter waits for the company's confirmation."""
    state.verification = Verification(letter=_LETTER.model_copy(), registry=_REGISTRY.model_copy())


def seed_admin_profile(state: StoreState) -> None:
    """The admin's personal and security settings as registration left them (phone = security phone)."""
    acc = state.account
    state.account_profiles["admin"] = AccountProfile(
        account_id="admin",
        name=acc.legal_rep_name_en,
        gender="男",
        mobile=acc.mobile,
        security_phone=acc.mobile,
        id_no=LEGAL_REP_ID_NO,
    )


def complete_store_setup(state: StoreState) -> None:
    """项目二 done: A&V passed with task 02.2.3's data, company information (02.3.1) reviewed."""
    seed_verification(state)
    if "admin" not in state.account_profiles:
        seed_admin_profile(state)
    v = state.verification
    passed_on = dt.date(2022, 3, 24)
    materials = AVMaterials(
        company_name_cn="湖南典阅科技有限公司",
        company_name_en="HuNan DianYue Science and Technology Co., Ltd",
        address_cn="湖南省长沙市岳麓区谷园街道谷园路 200 号",
        address_en="No. 200, Guyuan Road, Guyuan Street, Yuelu District, Changsha City, Hunan Province",
        license_no="370000266736773",
        premises="自有产权",
        premises_owner="湖南典阅科技有限公司",
        registered_capital_cny=1_000_000,
        legal_rep_name="张龙",
        legal_rep_name_en="Zhang long",
        legal_rep_gender="男",
        legal_rep_id_no=LEGAL_REP_ID_NO,
        legal_rep_mobile="13666301234",
        landline="086-0532-6356345",
        legal_rep_email="dianyuekeji@163.com",
        position="经理/manager",
        department="跨境部/Department of cross - border",
        license_valid_from=dt.date(2022, 3, 5),
        license_valid_to=dt.date(2032, 3, 5),
    )
    v.letter_confirmed_at = dt.datetime(2022, 3, 20, 9, 5)
    v.attempts = [
        ElementAttempt(on=dt.date(2022, 3, 20), at=dt.datetime(2022, 3, 20, 9, 8), ok=True,
                       **_REGISTRY.model_dump())
    ]  # fmt: skip
    v.auth_method = "对公账号打款验证"
    v.materials, v.verified = materials, materials.model_copy()
    v.submitted_on, v.review_due, v.passed_on = dt.date(2022, 3, 20), dt.date(2022, 3, 22), passed_on
    v.status = "passed"
    state.company = CompanyInfo(
        company_type="工贸一体",
        company_name_cn=materials.company_name_cn,
        company_name_en=materials.company_name_en,
        address_cn=materials.address_cn,
        address_en=materials.address_en,
        postcode="410000",
        main_category="玩具与兴趣爱好",
        main_products=["building block", "Baby Toys", "doll", "educational toy", "Toy Car"],
        year_established="2022-03-05",
        employees=86,
        website="www.dianyue.com",
        legal_rep_name="张龙",
        legal_rep_name_en="Zhang long",
        office_area_m2=320,
        core_advantages=(
            "We have a complete supply chain system, self-production of a variety of products, to provide "
            'customers with "one-stop" sales services; The company has established a fast response, fast '
            "action service system at home and abroad, can be the fastest, the most thoughtful, the most "
            "reliable service for customers, to help customers solve problems."
        ),
        production_equipment=["Injection molding machine", "Automatic assembly line", "Packing machine"],
        production_lines=["Plastic toy line", "Plush toy line"],
        qc_process="Incoming material inspection, in-process inspection and 100% final inspection before packing.",
        qc_equipment=["Drop tester", "Tensile tester"],
        exhibitions=["Canton Fair 2022 (Spring)", "Hong Kong Toys & Games Fair 2022"],
        company_photos=[_photo("gate.jpg"), _photo("office.jpg"), _photo("workshop.jpg")],
        main_markets=["North America", "Western Europe", "Southeast Asia"],
        trade_terms=["FOB", "EXW", "CIF"],
        payment_methods=["T/T", "L/C", "PayPal"],
        languages=["English", "Chinese"],
        submitted_on=passed_on,
        submitted_at=dt.datetime(2022, 3, 24, 10, 0),
        review_done_on=dt.date(2022, 3, 25),
    )
