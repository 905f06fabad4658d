"""Field parsers shared by every backend area: each returns the clean value or records a Chinese error.

Values arrive as the person typed them (usually strings), so every parser also refuses the wrong type.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import FieldErrors

__all__ = [
    "price_ladder",
    "text",
    "optional_text",
    "choice",
    "choices",
    "integer",
    "decimal",
    "date",
    "email",
    "digits",
    "password",
    "CJK",
    "has_emoji",
    "has_markup",
    "looks_like_code",
]

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|javascript:", re.IGNORECASE)
# Database commands and code fragments: the platform's firewall refuses them in any form field.
_CODE_LIKE = re.compile(
    r"\b(drop|truncate|alter)\s+table\b|\bunion\s+(all\s+)?select\b|\bdelete\s+from\b|\binsert\s+into\b"
    r"|;\s*--|'\s*\)\s*;",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def has_emoji(value: str) -> bool:
    """Emoji and other pictographs (the backend refuses them in form fields)."""
    return any(
        ord(ch) >= 0x1F000 or unicodedata.category(ch) == "So" or 0x2600 <= ord(ch) <= 0x27BF for ch in value
    )


def has_markup(value: str) -> bool:
    return bool(_MARKUP.search(value))


def looks_like_code(value: str) -> bool:
    return bool(_CODE_LIKE.search(value))


def _control_chars(value: str, multiline: bool) -> bool:
    allowed = "\n\t" if multiline else ""
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value)


def text(
    errors: FieldErrors,
    key: str,
    label: str,
    value: Any,
    *,
    required: bool = True,
    max_len: int | None = None,
    min_len: int | None = None,
    multiline: bool = False,
    allowed: str | None = None,
    allowed_desc: str = "",
    allow_markup: bool = False,
) -> str | None:
    """A text field: trimmed; required, length, character set, no emoji, no HTML markup."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors.add(key, f"{label}应为文字，收到的是 {type(value).__name__}", "type")
        return None
    value = value.strip()
    if not value:
        if required:
            errors.add(key, f"{label}不能为空", "required")
        return None
    n = len(value)
    if max_len is not None and n > max_len:
        errors.add(key, f"{label}不能超过 {max_len} 个字符（当前 {n}）", "max_len")
        return None
    if min_len is not None and n < min_len:
        errors.add(key, f"{label}至少需要 {min_len} 个字符（当前 {n}）", "min_len")
        return None
    if _control_chars(value, multiline):
        errors.add(key, f"{label}含有不可见的控制字符" + ("" if multiline else "或换行"), "charset")
        return None
    if has_emoji(value):
        errors.add(key, f"{label}不能包含表情符号", "charset")
        return None
    if not allow_markup and has_markup(value):
        errors.add(key, f"{label}不能包含 HTML 标签或脚本", "markup")
        return None
    if looks_like_code(value):
        errors.add(key, f"{label}不能包含数据库命令或代码片段", "code")
        return None
    if allowed is not None and not re.fullmatch(f"[{allowed}]+", value):
        bad = "".join(sorted({ch for ch in value if not re.fullmatch(f"[{allowed}]", ch)}))[:10]
        errors.add(key, f"{label}只能包含{allowed_desc}，不能包含“{bad}”", "charset")
        return None
    return value


def optional_text(errors: FieldErrors, key: str, label: str, value: Any, **rules: Any) -> str:
    """An optional text field: the same checks as :func:`text`, and "" when left empty or refused."""
    return text(errors, key, label, value, required=False, **rules) or ""


def choice(errors: FieldErrors, key: str, label: str, value: Any, options, *, required: bool = True):
    """One of ``options`` (compared exactly)."""
    if value in (None, ""):
        if required:
            errors.add(key, f"请选择{label}", "required")
        return None
    if value not in tuple(options):
        errors.add(key, f"{label}只能是：{'、'.join(map(str, options))}", "choice")
        return None
    return value


def choices(errors: FieldErrors, key: str, label: str, value: Any, options, *, min_n=0, max_n=None):
    """Several of ``options``: a list or tuple without repeats."""
    if value is None:
        value = []
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
        errors.add(key, f"{label}应为一组选项", "type")
        return None
    value = list(value)
    unknown = [v for v in value if v not in tuple(options)]
    if unknown:
        errors.add(key, f"{label}中没有这个选项：{unknown[0]}", "choice")
        return None
    if len(set(value)) != len(value):
        errors.add(key, f"{label}不能重复选择同一项", "unique")
        return None
    if len(value) < min_n:
        errors.add(key, f"{label}至少选择 {min_n} 项", "min_n")
        return None
    if max_n is not None and len(value) > max_n:
        errors.add(key, f"{label}最多选择 {max_n} 项（当前 {len(value)}）", "max_n")
        return None
    return value


def decimal(
    errors: FieldErrors,
    key: str,
    label: str,
    value: Any,
    *,
    required: bool = True,
    min_value: float | None = None,
    max_value: float | None = None,
    places: int = 2,
) -> Decimal | None:
    """A number typed as text or given as int/float; at most ``places`` decimals."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.add(key, f"{label}不能为空", "required")
        return None
    if isinstance(value, bool):
        errors.add(key, f"{label}应为数字", "type")
        return None
    try:
        number = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        errors.add(key, f"{label}应为数字（收到“{str(value)[:20]}”）", "number")
        return None
    if not number.is_finite():
        errors.add(key, f"{label}应为数字", "number")
        return None
    if number.as_tuple().exponent < -places:  # type: ignore[operator]
        message = f"{label}应为整数" if places == 0 else f"{label}最多保留 {places} 位小数"
        errors.add(key, message, "places")
        return None
    if min_value is not None and number < Decimal(str(min_value)):
        errors.add(key, f"{label}不能小于 {min_value}（当前 {number}）", "min")
        return None
    if max_value is not None and number > Decimal(str(max_value)):
        errors.add(key, f"{label}不能大于 {max_value}（当前 {number}）", "max")
        return None
    return number


def integer(errors: FieldErrors, key: str, label: str, value: Any, **kw) -> int | None:
    """A whole number typed as text or given as int."""
    number = decimal(errors, key, label, value, places=0, **kw)
    return int(number) if number is not None else None


def date(
    errors: FieldErrors,
    key: str,
    label: str,
    value: Any,
    *,
    required: bool = True,
    not_before: dt.date | None = None,
    not_before_desc: str = "",
) -> dt.date | None:
    """A date as ``datetime.date`` or ``YYYY-MM-DD`` text."""
    if value in (None, ""):
        if required:
            errors.add(key, f"请填写{label}", "required")
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            errors.add(key, f"{label}格式应为 年-月-日，例如 2022-09-01", "date")
            return None
    if not isinstance(value, dt.date):
        errors.add(key, f"{label}应为日期", "type")
        return None
    if not_before is not None and value < not_before:
        errors.add(key, f"{label}不能早于{not_before_desc or not_before.isoformat()}", "date_range")
        return None
    return value


def email(errors: FieldErrors, key: str, label: str, value: Any, *, required: bool = True, max_len=100):
    """An email address (format only)."""
    value = text(errors, key, label, value, required=required, max_len=max_len)
    if value is None:
        return None
    if not _EMAIL.match(value):
        errors.add(key, f"{label}格式不正确，应类似 name@example.com", "email")
        return None
    return value


def digits(errors: FieldErrors, key: str, label: str, value: Any, *, lengths, required=True, pattern=None):
    """A string of digits (mobile, codes): only the format is checked."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    value = text(errors, key, label, value, required=required, max_len=max(lengths) + 10)
    if value is None:
        return None
    if not value.isascii() or not value.isdigit():
        errors.add(key, f"{label}只能是数字", "digits")
        return None
    if len(value) not in tuple(lengths):
        want = " 或 ".join(str(n) for n in lengths)
        errors.add(key, f"{label}应为 {want} 位数字（当前 {len(value)} 位）", "length")
        return None
    if pattern and not re.fullmatch(pattern, value):
        errors.add(key, f"{label}格式不正确", "pattern")
        return None
    return value


PASSWORD_CHARS = r"A-Za-z0-9!@#$%^&*._\-+=?~"


def password(errors: FieldErrors, key: str, label: str, value: Any) -> str | None:
    """A login password: 6-20 letters, digits and common symbols, no leading or trailing spaces."""
    from .rules import PASSWORD_MAX, PASSWORD_MIN

    if isinstance(value, str) and value.strip() and value != value.strip():
        errors.add(key, f"{label}不能以空格开头或结尾", "charset")
        return None
    return text(
        errors, key, label, value, min_len=PASSWORD_MIN, max_len=PASSWORD_MAX, allowed=PASSWORD_CHARS,
        allowed_desc="英文字母、数字和 !@#$%^&*._-+=?~ 等符号",
    )  # fmt: skip


def price_ladder(
    errors: FieldErrors,
    key: str,
    label: str,
    rows: list[Any],
    *,
    max_n: int,
    qty_name: str,
    max_qty: int,
    max_price: float,
) -> list[tuple[int, float]] | None:
    """A ladder of (minimum quantity, unit price) rows: at most ``max_n``, quantities rising, prices falling.

    Products (阶梯价格) and RFQ quotes use the same rule; the first problem found is the one reported.
    """
    if len(rows) > max_n:
        errors.add(key, f"{label}最多 {max_n} 档（当前 {len(rows)}）", "max_n")
        return None
    ladder: list[tuple[int, float]] = []
    for i, (qty, price) in enumerate(rows, 1):
        sub = FieldErrors()
        q = integer(sub, key, f"第 {i} 档的{qty_name}", qty, min_value=1, max_value=max_qty)
        p = decimal(sub, key, f"第 {i} 档的单价", price, min_value=0.01, max_value=max_price)
        if sub:
            errors.add(key, "；".join(e.message for e in sub.errors), "number")
            return None
        ladder.append((q, float(p)))
    for (qty_a, price_a), (qty_b, price_b) in zip(ladder, ladder[1:], strict=False):
        if qty_b <= qty_a:
            errors.add(key, f"{qty_name}要逐档增加（{qty_a} 之后是 {qty_b}）", "tier_qty")
            return None
        if price_b >= price_a:
            errors.add(
                key, f"买得越多单价要越低（{qty_b} 起的单价 {price_b:g} 不低于 {price_a:g}）", "tier_price"
            )
            return None
    return ladder
