"""Every constant of ``sim/rules.py`` names its textbook line, and that line really says the rule.

A teacher checks a limit by opening the textbook at the cited line, so a wrong line is a bug. Each
UPPER_CASE constant needs ``L123`` / ``L12-34`` on its own line(s) or in the comment block directly above
it, or the word "simulator" where the textbook gives no number. The cited lines must contain each integer
of the value (numeric rules), each string of the value, or the keywords of ``KEYWORDS`` below where the
textbook words the rule differently (a size in KB, a duration in minutes, a percentage).

The textbook is not shipped with the product: it lives at ``../shared/seed/`` beside the repository in CI
and development, and the test skips where it is absent.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "alisim_widgets" / "sim" / "rules.py"
SEED_DIR = ROOT.parent / "shared" / "seed"

REF = re.compile(r"L(\d+)(?:\s*[-–]\s*L?(\d+))?")
CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]*$")

# Where the textbook words a rule differently from the constant's value: these words must be on the
# cited lines instead of the value itself.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "TIER_GOLD": ("出口通",),
    "TIER_VERIFIED": ("金品诚企",),
    "MOBILE_DIGITS": ("13666301234",),  # an 11-digit number, not the digit count
    "LICENSE_NO_LENGTHS": ("440000551523412",),  # the 15-digit number
    "LOGO_MAX_BYTES": ("200K",),
    "COMPANY_PHOTO_MAX_BYTES": ("200K",),
    "COMPANY_VIDEO_MAX_BYTES": ("2.5MB",),
    "CAROUSEL_MAX_BYTES": ("2MB",),
    "SHOP_VIDEO_MAX_SECONDS": ("10 分钟",),
    "AVATAR_MAX_BYTES": ("3MB",),
    "MAIN_IMAGE_MAX_BYTES": ("5M",),
    "MAIN_IMAGE_ADVISED_MAX_BYTES": ("3M",),
    "MAIN_VIDEO_MAX_BYTES": ("100M",),
    "DETAIL_VIDEO_MAX_SECONDS": ("10 分钟",),
    "DETAIL_VIDEO_MAX_BYTES": ("500M",),
    "VIDEO_BANK_BYTES": ("10G",),
    "TRUEVIEW_MAX_BYTES": ("500M",),
    "TRUEVIEW_SECONDS": ("15秒", "3分钟"),
    "P4P_BUSY_DAY_OVERSHOOT": ("20%",),
    "P4P_CLICK_PRICE_INCREMENT": ("0.01",),
    "MAIN_IMAGE_FORMATS": ("jpeg", "png"),
    "DECORATION_IMAGE_FORMATS": ("JPG", "PNG"),
    "TRUEVIEW_COVER_FORMATS": ("jpg", "png"),
    "PROHIBITED_CLASSES": ("毒品", "枪支弹药", "医疗器械", "烟草", "赌博"),
    "MEDICAL_III_CATEGORIES": ("Medical Devices", "Contact Lenses"),
    "ELIGIBLE_COMPANY_KINDS": ("生产型企业", "贸易企业"),
    "INELIGIBLE_COMPANY_KINDS": ("物流", "检测认证", "管理服务", "离岸公司", "个人"),
    "COMPANY_VIDEO_FORMATS": tuple("wmv avi mpg mpeg 3gp mov mp4 flv mkv m2ts mts vob asf".split()),
    "COMPANY_TYPES": ("贸易类型", "工厂类型", "工贸一体"),
    "COMPLETENESS_ENVIRONMENT_PCT": ("50%",),  # 100 % is both filled in
    "POSTCODE_DIGITS": ("410000",),
    "TITLE_WORD_REPEAT_LIMIT": ("三次",),
    "KEYWORDS_MIN": ("至少填写一个关键词",),
    "KEYWORDS_MAX": ("产品关键词", "0/128"),  # three keyword fields
    "TRUEVIEW_ADVISED_SECONDS": ("1分钟",),
    "TRUEVIEW_SUBTITLES": ("英文字幕", "中文不通过"),
    "TRUEVIEW_VOICES": ("配音需英文",),
    "TRUEVIEW_COVER_SOURCES": ("视频中", "图片银行"),
    "TRUEVIEW_GOOD_ASPECT": ("横屏16：9",),
    "TRUEVIEW_CONTENT_TYPES": (
        "真人出境",
        "产品实拍",
        "经验分享",
        "产品测评",
    ),  # 真人出境: the textbook's typo
    "COUPON_QUANTITY_MAX": ("1万张",),
    "P4P_WEEKLY_DAYS": ("日预算*7",),
    "ON_TIME_MAX_RATE": ("120%",),
    "ECOLLECT_CURRENCIES": ("美金", "人民币"),
    "TA_BLOCKED_DESTINATIONS": ("伊朗", "北朝鲜", "叙利亚", "古巴", "苏丹", "埃及", "克里米亚"),
    "HS_CODE_DIGITS": ("十位数",),
}


def _seed() -> list[str]:
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        pytest.skip(f"textbook not found at {SEED_DIR} (it is not shipped with the product)")
    return files[0].read_text(encoding="utf-8").splitlines()


def _norm(text: str) -> str:
    # The textbook's spacing and case vary ("200K" / "200 K", "JPG" / "jpg").
    return re.sub(r"\s+", "", text).lower()


def _constants() -> list[tuple[str, ast.AST, str]]:
    """(name, value node, the text that may cite it: its own lines and the comment block above)."""
    lines = RULES.read_text(encoding="utf-8").splitlines()
    found = []
    for node in ast.parse(RULES.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        names = []
        for target in targets:
            elts = target.elts if isinstance(target, ast.Tuple) else [target]
            names += [t.id for t in elts if isinstance(t, ast.Name)]
        own = lines[node.lineno - 1 : node.end_lineno]
        above = []
        i = node.lineno - 2
        while i >= 0 and lines[i].lstrip().startswith("#"):
            above.insert(0, lines[i])
            i -= 1
        values = value.elts if isinstance(value, ast.Tuple) and len(names) > 1 else [value] * len(names)
        for name, one in zip(names, values, strict=True):
            if CONSTANT.match(name):
                found.append((name, one, "\n".join(above + own)))
    return found


def _expected(value: ast.AST) -> list[str]:
    """What the textbook line must show: the integers of a numeric rule, else its strings."""
    numbers, strings = [], []
    for node in ast.walk(value):
        if isinstance(node, ast.Constant) and not isinstance(node.value, bool):
            # 1024 only converts KB / MB; 0 is the implicit "none" level (免费会员 0 元, 0 %).
            if isinstance(node.value, (int, float)) and node.value not in (0, 1024):
                numbers.append(str(node.value))
            elif isinstance(node.value, str):
                strings.append(node.value)
    if isinstance(value, ast.Dict):
        # Dict keys name the tiers (Names) or index a list; the values are the rule.
        numbers = [
            str(v.value)
            for v in value.values
            if isinstance(v, ast.Constant) and v.value not in (0, True, False)
        ]
    return numbers or strings


def _cited(seed: list[str], text: str) -> str:
    parts = []
    for start, end in REF.findall(text):
        a, b = int(start), int(end or start)
        assert 1 <= a <= b <= len(seed), f"L{start}-{end} is outside the textbook"
        parts += seed[a - 1 : b]
    return "\n".join(parts)


def test_rules_module_has_constants():
    assert len(_constants()) > 150


@pytest.mark.parametrize("name,value,text", _constants(), ids=[c[0] for c in _constants()])
def test_constant_cites_its_line(name, value, text):
    refs = REF.findall(text)
    assert refs or "simulator" in text, f"{name}: no textbook line (L123) and not marked 'simulator'"
    if not refs:
        return
    seed = _seed()
    cited = _norm(_cited(seed, text))
    wanted = KEYWORDS.get(name) or _expected(value)
    if "simulator" in text and name not in KEYWORDS:
        # A simulator limit that also names a textbook passage for context: only the passage must exist.
        return
    for item in wanted:
        word = _norm(item)
        if word.isdigit():
            assert re.search(rf"(?<!\d){word}(?!\d)", cited), f"{name}: {item} not on the cited line(s)"
        else:
            assert word in cited, f"{name}: {item!r} not on the cited line(s)"
