"""Task 02.5.4's data (TASKS.md, textbook L1380-1404), verbatim, and helpers for the 02 team tests."""

from __future__ import annotations

XU_TIANTIAN = {
    "name": "Xu tiantian",
    "gender": "女",
    "email": "15826947@qq.com",
    "password": "dianyue.xu",
    "phone": "86-0731-14785529963",
    "mobile": "14785529963",
    "contact_address": "No. 038, Yuelu Avenue, Yuelu District, Changsha City, Hunan Province",
    "street_address": "No. 038, Yuelu Avenue",
    "city": "Changsha",
    "postcode": "410000",
    "department": "销售部/Sales",
    "job_title": "Manager",
    "role": "业务经理",
}
ADMIN_EMAIL = "dianyuekeji@163.com"


def add_sub(backend, **overrides) -> str:
    """Add a sub-account through the simulator (admin acting); returns its id."""
    code = backend.sub_accounts.request_code("add")
    values = {**XU_TIANTIAN, **overrides, "verification_code": code}
    backend.sub_accounts.add(values)
    return backend.state.sub_accounts[-1].id


def person(n: int, role: str = "业务员") -> dict:
    """A different valid person for limit tests."""
    return {
        "name": f"Staff {chr(64 + n)}",
        "email": f"staff{n}@dianyue.com",
        "mobile": f"1390000{n:04d}",
        "role": role,
    }


# --- for end-to-end drivers (tests/e2e): tasks 02.5.4 and 02.4.1 done on the screens, as a student does ----
TEAM_QUIZ = ("02.q9", "02.q11", "02.q12", "02.q13")
TEAM_POINTS = 10 + 10 + len(TEAM_QUIZ)  # 02.5.4 + 02.4.1 + the knowledge checks
# A valid answer that is not the task's: another job title (02.5.4 then scores 10 × 13/14).
TEAM_MISTAKES = {"job_title": "Director"}


def decoration_values() -> dict:
    """What the 02.4.1 task asks for, as files made with Pillow (the same as the notebook's answer)."""
    from tests.media_files import image_bytes, mp4_bytes

    return {
        "signboard_image": ("signboard.png", image_bytes(1200, 280)),
        "show_company_name": True,
        "carousel_images": [(f"banner{n}.jpg", image_bytes(900, 350, "JPEG")) for n in range(1, 4)],
        "carousel_height": 350,
        "carousel_rotation": "每五秒切换",
        "banner_images": [("full_width.jpg", image_bytes(1920, 550, "JPEG"))],
        "banner_height": 550,
        "agent1_name": "Xu tiantian",
        "agent1_tm_account": "dianyue_xu",
        "agent1_kind": "售前咨询",
        "agent1_avatar": ("xu.png", image_bytes(100, 100)),
        "custom_title": "Why Choose Us",
        "custom_content": "We have a complete supply chain system and offer one-stop sales services.",
        "video_file": ("company_profile.mp4", mp4_bytes(95)),
        "tiled_products": ["3168", "3170"],
    }


def team_tasks_on_screens(backend, mistakes: dict | None = None) -> None:
    """Add Xu tiantian on the 子账号设置 screen and decorate the shop on the 全球旺铺装修 screen."""
    import alisim_widgets as aw

    subs = aw.screen_for("02.5.4", backend)
    if backend.state.acting_as != "admin":
        assert subs.switch("admin").ok
    assert subs.request_code().ok
    result = subs.fill(
        **{**XU_TIANTIAN, **(mistakes or {})}, verification_code=backend.inbox.last_code()
    ).submit()
    assert result.ok, result
    result = aw.screen_for("02.4.1", backend).fill(**decoration_values()).submit()
    assert result.ok, result
