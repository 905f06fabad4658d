"""The customs way of writing a fee (L5182-5186) and the customs currency codes, for the tool and its documents."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from . import rules
from .customs_models import CustomsDeclaration
from .errors import SimError

__all__ = ["FEE_KINDS", "plain", "currency_code", "currency_label", "fee_notation", "fee_text"]

# The ways to write a fee (L5182): the screen's Chinese names and the notation's kinds.
FEE_KINDS: dict[str, str] = {"率": "rate", "单价": "unit", "总价": "total"}
_FEE_KIND_NAMES = {v: k for k, v in FEE_KINDS.items()}


# --- the fee notation (L5182-5186) ------------------------------------------------------------
def plain(number: Decimal) -> str:
    """5, 0.27, -5000: no exponent, no trailing zeros."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _fee_kind(kind: Any) -> str:
    if isinstance(kind, int) and not isinstance(kind, bool):
        kind = {v: k for k, v in rules.CUSTOMS_FEE_MARKS.items()}.get(kind, kind)
    kind = FEE_KINDS.get(kind, kind) if isinstance(kind, str) else kind
    if kind not in rules.CUSTOMS_FEE_MARKS:
        raise SimError(f"费用的写法只能是 率 / 单价 / 总价（rate / unit / total），收到 {kind!r}")
    return kind


def currency_code(value: Any) -> str | None:
    """The currency's letters ("AUD") from what a person types: AUD, aud, AUD-澳大利亚元, 澳大利亚元, 601…"""
    if not isinstance(value, str):
        return None
    text = value.strip()
    head = re.split(r"[\s\-—–(（/]", text, maxsplit=1)[0].upper()
    if head in rules.CUSTOMS_CURRENCY_CODES:
        return head
    by_number = {num: code for code, num in rules.CUSTOMS_CURRENCY_CODES.items()}
    if head in by_number:
        return by_number[head]
    aliases = {
        **{n: c for c, n in rules.CUSTOMS_CURRENCY_NAMES.items()},
        "澳元": "AUD",
        "美金": "USD",
        "RMB": "CNY",
    }
    return aliases.get(text) or aliases.get(text.upper())


def currency_label(code: str) -> str:
    """AUD → "AUD (澳大利亚元)": how the tool's currency picker shows it."""
    return f"{code} ({rules.CUSTOMS_CURRENCY_NAMES.get(code, code)})"


def fee_notation(kind: Any, value: Any, currency: Any = None) -> str:
    """A fee as the declaration writes it: ``("rate", 5)`` → ``5/1``, ``("unit", 50, "USD")`` → ``502/50/2``,
    ``("total", 5000, "HKD")`` → ``110/5000/3``; a deduction is negative (``-1/1``, ``116/-5000/3``).

    ``kind``: rate / unit / total (or 率 / 单价 / 总价, or the mark 1 / 2 / 3). ``currency``: letters (USD) or the
    customs code (502); a rate has none.
    """
    kind = _fee_kind(kind)
    if isinstance(value, bool):
        raise SimError("费用应为数字")
    try:
        number = Decimal(str(value).strip())
    except Exception as exc:  # decimal.InvalidOperation and friends
        raise SimError(f"费用应为数字，收到 {str(value)[:20]!r}") from exc
    if not number.is_finite():
        raise SimError("费用应为数字")
    mark = rules.CUSTOMS_FEE_MARKS[kind]
    if kind == "rate":
        return f"{plain(number)}/{mark}"
    code = currency_code(str(currency)) if currency is not None else None
    if code is None:
        raise SimError(
            f"按{_FEE_KIND_NAMES[kind]}填写的费用要写币制（USD、HKD、EUR、GBP、JPY、AUD…），收到 {currency!r}"
        )
    return f"{rules.CUSTOMS_CURRENCY_CODES[code]}/{plain(number)}/{mark}"


def fee_text(declaration: CustomsDeclaration, fee: str) -> str:
    """The declaration's fee in the customs notation ("601/100/3"), or "" when it has none."""
    value = getattr(declaration, fee)
    if value is None:
        return ""
    return fee_notation(getattr(declaration, f"{fee}_kind"), value, declaration.currency)
