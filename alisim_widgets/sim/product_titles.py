"""Product titles and keywords: the title rules of RULES.md "Products", checked all at once.

Pure functions over text, below both the publishing area (``products``) and the growth score
(``product_workbench``), so neither has to import the other for them; the screens' live checker uses
them too. Titles: ≤ 128 characters, English only, no others' brand or patent words, no word three or
more times, nothing prohibited; 60–70 characters advised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import categories, rules, validate

__all__ = ["NOT_ENGLISH", "TitleReport", "title_report", "keyword_problems", "prohibited_message"]

# Chinese characters and full-width punctuation: buyers cannot read them.
NOT_ENGLISH = re.compile(f"[{validate.CJK}\u3000-\u303f\uff00-\uffef]")
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


@dataclass
class TitleReport:
    """Every title rule at once: what is refused (errors) and what is advised (warnings)."""

    title: str
    length: int
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    repeats: dict[str, int] = field(default_factory=dict)  # words used three or more times
    brand_words: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _brand_words_in(text: str) -> list[str]:
    low = text.casefold()
    return [w for w in rules.BRAND_WORDS if re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", low)]


def _repeats(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in _WORD.findall(text.casefold()):
        if word not in rules.TITLE_REPEAT_IGNORED_WORDS:
            counts[word] = counts.get(word, 0) + 1
    return {w: n for w, n in counts.items() if n >= rules.TITLE_WORD_REPEAT_LIMIT}


def title_report(title: Any) -> TitleReport:
    """Check a product title against the title rules (L1708, L1836-1841)."""
    text = title.strip() if isinstance(title, str) else ""
    report = TitleReport(text, len(text))
    if not text:
        report.errors.append("标题不能为空")
        return report
    if len(text) > rules.TITLE_MAX:
        report.errors.append(f"标题不能超过 {rules.TITLE_MAX} 个字符（当前 {len(text)}）")
    cjk = NOT_ENGLISH.findall(text)
    if cjk:
        report.errors.append(f"标题只能用英文填写，不能包含中文或全角字符“{''.join(dict.fromkeys(cjk))[:5]}”")
    report.brand_words = _brand_words_in(text)
    if report.brand_words:
        words = "、".join(report.brand_words)
        report.errors.append(f"标题不能使用品牌词或专利词：{words}（侵权会被处罚）")
    report.repeats = _repeats(text)
    for word, n in report.repeats.items():
        report.errors.append(f"标题中“{word}”出现了 {n} 次：同一个单词不能重复使用三次或以上")
    banned = categories.prohibited_term_in(text)
    if banned:
        report.errors.append(prohibited_message("标题", banned))
    if validate.looks_like_code(text):
        report.errors.append("标题不能包含数据库命令或代码片段")
    lo, hi = rules.TITLE_ADVISED
    if not report.errors and not lo <= len(text) <= hi:
        report.warnings.append(f"标题建议 {lo}–{hi} 个字符左右（当前 {len(text)}）")
    return report


def prohibited_message(where: str, hit: tuple[str, int]) -> str:
    """The refusal for a prohibited term found in ``where`` (title, keyword, category)."""
    term, number = hit
    return f"{where}含有禁售商品“{term}”（禁售类第 {number} 类：{rules.PROHIBITED_CLASSES[number]}），平台禁止发布"


def keyword_problems(keyword: str) -> list[str]:
    """What is wrong with one keyword (empty list: fine)."""
    out = []
    if len(keyword) > rules.KEYWORD_MAX:
        out.append(f"关键词不能超过 {rules.KEYWORD_MAX} 个字符（当前 {len(keyword)}）")
    if NOT_ENGLISH.search(keyword):
        out.append("关键词只能用英文填写")
    brands = _brand_words_in(keyword)
    if brands:
        out.append(f"关键词不能使用品牌词或专利词：{'、'.join(brands)}")
    banned = categories.prohibited_term_in(keyword)
    if banned:
        out.append(prohibited_message("关键词", banned))
    if validate.looks_like_code(keyword):
        out.append("关键词不能包含数据库命令或代码片段")
    return out
