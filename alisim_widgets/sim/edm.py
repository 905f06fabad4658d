"""客户管理 › 营销 (L2625-2759, L2916-3550): 外贸邮 and EDM set-up, mail templates, EDM campaigns, 智能圈客.

- Set-up: an own domain (外贸邮 needs one, L2631), the MX record that takes effect 48 h after 我已完成设置 on
  the scenario clock (L2677), the sender address and SMTP password (kept as a hash only), the reply address
  (only after the sender is saved, L3038).
- Templates: the library (L3283-3292) is copied and edited into the store's own templates (06.8.3); the preview
  escapes everything; a test mail goes to the seller's own address and counts like any mail.
- Campaigns (06.8.5): 200 mails a day are free, beyond that 2 元 per 1000 (L2926); the cost is quoted before
  sending. Results (delivered, opened, clicked, replied) grow over the days after sending, deterministically.
- 智能圈客 (06.8.4): recent visitors whose visited products are like the one promoted (L3382, L3432).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass
from decimal import ROUND_UP, Decimal
from typing import TYPE_CHECKING, Any

from . import rules, validate
from .crm import require_crm
from .crm_models import EdmCampaign, EdmTemplate, InsiteCampaign, MailSetup, TestMail
from .errors import FieldErrors, SimError
from .ownership_models import Customer
from .permissions import require
from .security import hash_password

if TYPE_CHECKING:
    from .backend import Backend

__all__ = [
    "EdmArea",
    "LibraryTemplate",
    "LIBRARY",
    "TEMPLATE_LABELS",
    "CAMPAIGN_LABELS",
    "INSITE_LABELS",
    "SETUP_LABELS",
    "Quote",
    "edm_cost",
    "render_preview",
    "campaign_results",
]

SETUP_LABELS = {
    "agree": "同意《外贸邮软件使用许可协议》",
    "domain": "域名",
    "mx_done": "我已完成 MX 记录设置",
    "sender": "DM发信地址",
    "smtp_password": "SMTP密码",
    "reply_email": "回信邮箱",
    "reply_name": "回信人",
}
TEMPLATE_LABELS = {
    "base_template": "模板库模板",
    "name": "模板名称",
    "description": "描述",
    "subject": "邮件主题",
    "content": "邮件内容",
    "send_test": "发送测试邮件",
}
CAMPAIGN_LABELS = {
    "name": "活动名称",
    "group": "客户分群",
    "start": "活动开始日期",
    "end": "活动结束日期",
    "description": "描述",
    "channel": "投放渠道",
    "template": "邮件模板",
    "send": "发送时间",
    "send_at": "定时发送时间",
    "activate": "活动生效",
}
INSITE_LABELS = {
    "title": "营销邮件标题",
    "product": "产品",
    "quantity": "数量",
    "unit": "单位",
    "unit_price": "单价（USD）",
    "message": "营销信息",
}
# The task calls the library's September new-products template by another name (L3485 vs L3287).
_TEMPLATE_ALIASES = {
    "9 月采购节模板-New products": rules.EDM_SEPTEMBER_NEW_PRODUCTS,
    "9月采购节模板-New products": rules.EDM_SEPTEMBER_NEW_PRODUCTS,
}
_DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")
_SMTP_LEN = (8, 32)  # simulator


@dataclass(frozen=True)
class LibraryTemplate:
    """A template of the 模板库 (names and descriptions as L3284-3292 list them; texts are the simulator's)."""

    name: str
    description: str
    subject: str
    content: str


LIBRARY: tuple[LibraryTemplate, ...] = (
    LibraryTemplate("2022-9月采购节模板-deals end", "", "Last call: September deals end soon",
                    "Our September Purchasing Festival deals end this week. Place your order before the prices go back up."),
    LibraryTemplate("2022-9月采购节模板-deals starts", "", "September deals start now",
                    "The September Purchasing Festival has started. See this season's best prices from our shop."),
    LibraryTemplate("2022年9月大促通用模板", "", "Big September sale",
                    "Our biggest sale of the year is here. Pick your products and save on every order."),
    LibraryTemplate(rules.EDM_SEPTEMBER_NEW_PRODUCTS, "", "New products for the September festival",
                    "Meet our new products for the September Purchasing Festival. Ask us for samples and prices."),
    LibraryTemplate("新品发布模板", "", "New product launch", "We have launched new products. Take a look."),
    LibraryTemplate("Weekly Deals", "Weekly deal discounts on select products", "This week's deals",
                    "Weekly deal discounts on select products: do not miss them."),
    LibraryTemplate("New Arrivals", "Announcing new arrivals", "New arrivals", "Announcing our new arrivals."),
    LibraryTemplate("General Announcement", "Stock up and save!", "Stock up and save!",
                    "Stock up and save on our best sellers."),
    LibraryTemplate("品牌通用营销模板", "此模板主要用于营销数据推送优惠券及商品、支持商品详情、建议增加分享按钮并添加分享图标，为了提升转化，"
                    "建议去营销中心设置优惠券，并在模板中自动调用其中一款。", "Coupons and products for you",
                    "Here are coupons and products picked for you."),
)  # fmt: skip


@dataclass(frozen=True)
class Quote:
    """What sending ``mails`` mails costs today: free ones left of the daily 200, paid ones, the cost in 元."""

    mails: int
    sent_today: int
    free: int
    paid: int
    cost_cny: Decimal

    def text(self) -> str:
        return (
            f"本次发送 {self.mails} 封：今日已发 {self.sent_today} 封，免费 {self.free} 封，"
            f"收费 {self.paid} 封，费用 {self.cost_cny} 元（每日前 {rules.EDM_FREE_PER_DAY} 封免费，"
            f"超出部分 {rules.EDM_PRICE_CNY_PER_1000} 元/1000 封）"
        )


def edm_cost(sent_today: int, mails: int) -> Quote:
    """The quota rule (L2926): the day's first 200 mails are free, then 2 元 per 1000 (pro rata, up to the fen)."""
    free = max(0, min(mails, rules.EDM_FREE_PER_DAY - sent_today))
    paid = mails - free
    # Pro rata, rounded up to the fen: a single paid mail is never free.
    cost = (Decimal(paid) * rules.EDM_PRICE_CNY_PER_1000 / 1000).quantize(Decimal("0.01"), rounding=ROUND_UP)
    return Quote(mails, sent_today, free, paid, cost)


def render_preview(subject: str, content: str, sender: str = "") -> str:
    """The mail as the buyer would see it: every text escaped, line breaks kept, no script can run."""
    body = "<br>".join(html.escape(line, quote=True) for line in content.splitlines())
    frm = f"<div style='color:#888;font-size:12px'>发件人：{html.escape(sender)}</div>" if sender else ""
    return (
        "<div class='alisim-mail' style='border:1px solid #eee;padding:10px 14px;max-width:640px'>"
        f"{frm}<div style='font-weight:bold;margin:4px 0'>{html.escape(subject)}</div>"
        f"<div style='font-size:13px;line-height:1.6'>{body}</div></div>"
    )


def _roll(*parts: str) -> int:
    """A deterministic number 0-99 for one customer and one outcome."""
    return int(hashlib.sha256("\0".join(parts).encode()).hexdigest()[:8], 16) % 100


# (outcome, chance in %, days after sending before it can happen): simulator figures
_OUTCOMES = (("delivered", 95, 0), ("opened", 45, 1), ("clicked", 35, 2), ("replied", 30, 3))
RESULT_NAMES = {"delivered": "送达", "opened": "打开", "clicked": "点击", "replied": "回复"}


def campaign_results(campaign: EdmCampaign, now: dt.datetime) -> dict[str, int]:
    """送达 / 打开 / 点击 / 回复 of a campaign at ``now``: each needs the previous one and some days."""
    out = dict.fromkeys(RESULT_NAMES, 0)
    if not campaign.active or campaign.send_at > now:
        return out
    days = (now.date() - campaign.send_at.date()).days
    for cid in campaign.recipients:
        ok = True
        for name, chance, after in _OUTCOMES:
            ok = ok and days >= after and _roll(campaign.id, cid, name) < chance
            if not ok:
                break
            out[name] += 1
    return out


class EdmArea:
    """营销: 外贸邮/EDM set-up, mail templates, EDM campaigns and in-site marketing (智能圈客)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    @property
    def setup(self) -> MailSetup:
        return self.backend.state.edm.setup

    # --- set-up ------------------------------------------------------------------------------------
    def mx_ready_at(self) -> dt.datetime | None:
        """When the MX record takes effect: 48 h after 我已完成设置 (L2677)."""
        at = self.setup.mx_confirmed_at
        return at + dt.timedelta(hours=rules.MX_RECORD_HOURS) if at else None

    def mx_active(self) -> bool:
        ready = self.mx_ready_at()
        return ready is not None and self.backend.now() >= ready

    def problem(self) -> str | None:
        """Why mails cannot be sent yet (None when the set-up is complete)."""
        s = self.setup
        if not s.domain:
            return "还没有开通外贸邮：请先在 EDM 设置里填写自有域名"
        if not s.mx_confirmed_at:
            return "还没有完成 MX 记录设置：请到域名服务商处设置 MX 记录后点击“我已完成设置”"
        if not self.mx_active():
            return f"MX 记录还在同步中，{self.mx_ready_at():%Y-%m-%d %H:%M} 生效（修改后需要 48 小时）"
        if not (s.sender and s.smtp_hash):
            return "还没有保存 DM 发信地址和 SMTP 密码"
        if not s.reply_email:
            return "还没有设置回信邮箱"
        return None

    def open_mail(self, domain: Any, agree: Any) -> list[str]:
        """开通外贸邮: agree to the licence and give the own domain (a new domain starts the set-up over)."""
        require(self.backend, "crm.campaigns")
        require_crm(self.backend)
        errors, advice = FieldErrors(), []
        if agree is not True:
            errors.add(
                "agree",
                "请先勾选同意《外贸邮软件使用许可协议》和《Alimail Term of License and Use》",
                "required",
            )
        text = validate.text(errors, "domain", SETUP_LABELS["domain"], domain, max_len=253)
        if text is not None:
            text = text.lower()
            if text.startswith("www."):
                text = text[4:]
                advice.append("域名不带 www.：已按域名本身保存")
            if not _DOMAIN.match(text):
                errors.add("domain", "域名格式不正确，应类似 dianyue2022.com（需要自有域名）", "domain")
        errors.raise_if_any()
        if text == self.setup.domain:
            return ["外贸邮已经用这个域名开通"]
        with self.backend.transaction("edm.open_mail", text) as work:
            work.edm.setup = MailSetup(domain=text)
        return [*advice, "请到域名服务商处设置 MX 记录，完成后点击“我已完成设置”"]

    def confirm_mx(self) -> str:
        """「我已完成设置」: the MX record takes effect 48 hours later on the scenario clock."""
        require(self.backend, "crm.campaigns")
        require_crm(self.backend)
        if not self.setup.domain:
            raise SimError("还没有开通外贸邮：请先填写自有域名")
        if self.setup.mx_confirmed_at is None:
            with self.backend.transaction("edm.confirm_mx", self.setup.domain) as work:
                work.edm.setup.mx_confirmed_at = self.backend.now()
        return f"MX 记录修改后需要 48 小时同步：{self.mx_ready_at():%Y-%m-%d %H:%M} 生效"

    def save_sender(self, sender: Any, smtp_password: Any) -> None:
        """Paste the generated 发信地址 and SMTP 密码 (the password is kept as a hash only)."""
        require(self.backend, "crm.campaigns")
        require_crm(self.backend)
        errors = FieldErrors()
        address = validate.email(errors, "sender", SETUP_LABELS["sender"], sender)
        lo, hi = _SMTP_LEN
        secret = validate.text(
            errors, "smtp_password", SETUP_LABELS["smtp_password"], smtp_password, min_len=lo, max_len=hi,
            allowed=validate.PASSWORD_CHARS, allowed_desc="英文字母、数字和常用符号",
        )  # fmt: skip
        domain = self.setup.domain
        if not domain:
            errors.add("sender", "还没有开通外贸邮：请先填写自有域名", "order")
        elif not self.mx_active():
            errors.add(
                "sender",
                f"MX 记录还没有生效（{self.mx_ready_at() or '尚未设置'}）：生效后才能生成发信地址",
                "mx",
            )
        elif address is not None and not (
            address.lower().endswith("@" + domain) or address.lower().endswith("." + domain)
        ):
            errors.add("sender", f"发信地址必须在自有域名 {domain} 下（如 edm@mail.{domain}）", "domain")
        errors.raise_if_any()
        with self.backend.transaction("edm.save_sender", address) as work:
            work.edm.setup.sender = address.lower()
            work.edm.setup.smtp_hash = hash_password(secret)

    def save_reply(self, reply_email: Any, reply_name: Any) -> None:
        """回信邮箱设置: only after the sender is saved (L3038)."""
        require(self.backend, "crm.campaigns")
        require_crm(self.backend)
        errors = FieldErrors()
        email = validate.email(errors, "reply_email", SETUP_LABELS["reply_email"], reply_email)
        name = validate.text(errors, "reply_name", SETUP_LABELS["reply_name"], reply_name, max_len=50)
        if not (self.setup.sender and self.setup.smtp_hash):
            errors.add("reply_email", "请先保存 DM 发信地址和 SMTP 密码，否则无法配置回信邮箱", "order")
        errors.raise_if_any()
        with self.backend.transaction("edm.save_reply", email) as work:
            work.edm.setup.reply_email = email
            work.edm.setup.reply_name = name

    # --- quota -------------------------------------------------------------------------------------
    def sent_on(self, day: dt.date) -> int:
        """Mails sent on ``day`` (test mails and campaign mails already gone out)."""
        now = self.backend.now()
        tests = sum(1 for m in self.backend.state.edm.test_mails if m.sent_at.date() == day)
        mails = sum(
            c.free_mails + c.paid_mails
            for c in self.backend.state.edm.campaigns
            if c.active and c.send_at.date() == day and c.send_at <= now
        )
        return tests + mails

    def quote(self, mails: int, day: dt.date | None = None) -> Quote:
        """What sending ``mails`` mails on ``day`` (today) costs."""
        return edm_cost(self.sent_on(day or self.backend.today()), mails)

    def reachable(self, group: Any) -> list[Customer]:
        """A group's members a mail can reach (they have an email address)."""
        return [c for c in self.backend.crm.members(group) if c.email]

    # --- templates ---------------------------------------------------------------------------------
    def library(self) -> list[LibraryTemplate]:
        return list(LIBRARY)

    def library_template(self, name: Any) -> LibraryTemplate | None:
        if not isinstance(name, str):
            return None
        name = _TEMPLATE_ALIASES.get(name.strip(), name.strip())
        return next((t for t in LIBRARY if t.name == name), None)

    def templates(self) -> list[EdmTemplate]:
        return list(self.backend.state.edm.templates)

    def template(self, key: Any) -> EdmTemplate | None:
        if not isinstance(key, str):
            return None
        own = self.backend.state.edm.templates
        return next((t for t in own if t.id == key), None) or next((t for t in own if t.name == key), None)

    def template_names(self) -> list[str]:
        """What a campaign's 邮件模板 offers: the built-in template and the store's own."""
        return [rules.EDM_BUILTIN_TEMPLATE, *(t.name for t in self.backend.state.edm.templates)]

    def save_template(self, values: dict[str, Any]) -> list[str]:
        """发布 a template (06.8.3): copied from a library template or new; ``send_test`` also mails it to oneself.

        A template saved under the name of one already saved replaces it. Returns the advice.
        """
        require(self.backend, "crm.campaigns")
        require_crm(self.backend)
        unknown = set(values) - set(TEMPLATE_LABELS)
        if unknown:
            raise SimError(f"模板表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        errors, lab, get = FieldErrors(), TEMPLATE_LABELS, values.get
        base = ""
        if get("base_template") not in (None, ""):
            found = self.library_template(get("base_template"))
            if found is None:
                errors.add(
                    "base_template", f"模板库里没有这个模板：{str(get('base_template'))[:40]}", "unknown"
                )
            else:
                base = found.name
        name = validate.text(errors, "name", lab["name"], get("name"), max_len=rules.EDM_TEMPLATE_NAME_MAX)
        description = validate.text(
            errors,
            "description",
            lab["description"],
            get("description"),
            max_len=rules.EDM_TEMPLATE_DESCRIPTION_MAX,
        )
        subject = validate.text(
            errors, "subject", lab["subject"], get("subject"), max_len=rules.EDM_SUBJECT_MAX
        )
        content = validate.text(
            errors, "content", lab["content"], get("content"), max_len=rules.EDM_CONTENT_MAX, multiline=True
        )
        send_test = get("send_test") in (True, "true", "True", 1)
        if send_test and self.problem():
            errors.add("send_test", f"还不能发送邮件：{self.problem()}", "setup")
        errors.raise_if_any()
        earlier = self.template(name)
        with self.backend.transaction("edm.save_template", name) as work:
            template = EdmTemplate(
                id=earlier.id if earlier else f"TPL-{len(work.edm.templates) + 1:03d}",
                name=name,
                description=description,
                subject=subject,
                content=content,
                base=base,
                created_at=self.backend.now(),
                owner=work.acting_as,
            )
            work.edm.templates = [t for t in work.edm.templates if t.name != name] + [template]
        advice = [f"已更新模板“{name}”"] if earlier else []
        if send_test:
            advice.append(self.send_test(name))
        return advice

    def preview(self, key: Any) -> str:
        """预览: a saved template or a library template as safe HTML."""
        own = self.template(key)
        if own is not None:
            return render_preview(own.subject, own.content, self.setup.sender)
        lib = self.library_template(key)
        if lib is None:
            raise SimError(f"没有这个模板：{str(key)[:40]}")
        return render_preview(lib.subject, lib.content, self.setup.sender)

    def send_test(self, key: Any) -> str:
        """Send a saved template to the seller's own address (the reply address): it uses one mail of the day."""
        require(self.backend, "crm.campaigns")
        require_crm(self.backend)
        template = self.template(key)
        if template is None:
            raise SimError(f"没有这个模板：{str(key)[:40]}（请先发布模板）")
        if self.problem():
            raise SimError(f"还不能发送邮件：{self.problem()}")
        to = self.setup.reply_email
        quote = self.quote(1)
        from .state import Message

        with self.backend.transaction("edm.send_test", template.id) as work:
            work.edm.test_mails.append(TestMail(template_id=template.id, to=to, sent_at=self.backend.now()))
            work.inbox.append(
                Message(
                    id=len(work.inbox) + 1, channel="email", to=to, subject=f"[测试] {template.subject}",
                    body=template.content, sent_at=self.backend.now(),
                )
            )  # fmt: skip
        fee = "" if not quote.paid else f"，费用 {quote.cost_cny} 元"
        return f"测试邮件已发送到 {to}（今日第 {quote.sent_today + 1} 封{fee}）"

    def test_mails(self, key: Any) -> list[TestMail]:
        template = self.template(key)
        if template is None:
            return []
        return [m for m in self.backend.state.edm.test_mails if m.template_id == template.id]

    # --- campaigns ---------------------------------------------------------------------------------
    def campaigns(self) -> list[EdmCampaign]:
        return list(self.backend.state.edm.campaigns)

    def results(self, campaign: EdmCampaign) -> dict[str, int]:
        return campaign_results(campaign, self.backend.now())

    def status(self, campaign: EdmCampaign) -> str:
        if not campaign.active:
            return "草稿"
        if campaign.send_at > self.backend.now():
            return f"待发送（{campaign.send_at:%Y-%m-%d %H:%M}）"
        if self.backend.today() > campaign.end:
            return "已结束"
        return "已发送"

    def create_campaign(self, values: dict[str, Any]) -> list[str]:
        """新建EDM营销 (06.8.5): save as a draft or 活动生效; 立即发送 sends now, 定时发送 at the chosen time."""
        require(self.backend, "crm.campaigns")
        require_crm(self.backend)
        unknown = set(values) - set(CAMPAIGN_LABELS)
        if unknown:
            raise SimError(f"营销活动表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        errors, lab, get = FieldErrors(), CAMPAIGN_LABELS, values.get
        today, now = self.backend.today(), self.backend.now()
        name = validate.text(errors, "name", lab["name"], get("name"), max_len=rules.EDM_CAMPAIGN_NAME_MAX)
        group = validate.choice(errors, "group", lab["group"], get("group"), self.backend.crm.group_names())
        start = validate.date(
            errors, "start", lab["start"], get("start"), not_before=today, not_before_desc="今天"
        )
        end = validate.date(errors, "end", lab["end"], get("end"), not_before=today, not_before_desc="今天")
        if start and end and end < start:
            errors.add("end", f"{lab['end']}不能早于{lab['start']}", "date_range")
        description = validate.text(
            errors, "description", lab["description"], get("description"),
            max_len=rules.CAMPAIGN_DESCRIPTION_MAX, multiline=True,
        )  # fmt: skip
        channel = validate.choice(errors, "channel", lab["channel"], get("channel"), rules.EDM_CHANNELS)
        template = validate.choice(
            errors, "template", lab["template"], get("template"), self.template_names()
        )
        send = validate.choice(errors, "send", lab["send"], get("send"), rules.EDM_SEND_MODES)
        send_at = now
        if send == rules.EDM_SEND_MODES[1]:
            when = _parse_datetime(errors, "send_at", lab["send_at"], get("send_at"))
            if when is not None and when <= now:
                errors.add("send_at", f"{lab['send_at']}必须晚于现在（{now:%Y-%m-%d %H:%M}）", "future")
            elif when is not None and end is not None and when.date() > end:
                errors.add("send_at", f"{lab['send_at']}不能晚于活动结束日期", "date_range")
            elif when is not None:
                send_at = when
        active = get("activate") in (True, "true", "True", 1)
        recipients: list[Customer] = []
        if active and not errors.errors:
            if self.problem():
                errors.add("channel", f"还不能投放营销邮件：{self.problem()}", "setup")
            else:
                recipients = self.reachable(group)
                if not recipients:
                    errors.add("group", f"客群“{group}”里没有留了邮箱的客户，无法发送", "empty")
        errors.raise_if_any()
        quote = self.quote(len(recipients), send_at.date()) if active else edm_cost(0, 0)
        with self.backend.transaction("edm.campaign", name) as work:
            campaign = EdmCampaign(
                id=f"EDM-{len(work.edm.campaigns) + 1:03d}", name=name, group=group, start=start, end=end,
                description=description, channel=channel, template=template, send=send, send_at=send_at,
                active=active, recipients=[c.id for c in recipients], free_mails=quote.free,
                paid_mails=quote.paid, cost_cny=float(quote.cost_cny), created_at=now, owner=work.acting_as,
            )  # fmt: skip
            work.edm.campaigns.append(campaign)
        if not active:
            return ["已保存为草稿：点击“活动生效”后才会发送"]
        members = len(self.backend.crm.members(group))
        advice = [quote.text()]
        if members > len(recipients):
            advice.append(f"客群共 {members} 人，其中 {members - len(recipients)} 人没有邮箱，收不到邮件")
        return advice

    def activate_campaign(self, key: Any) -> list[str]:
        """「活动生效」 for a saved draft: 立即发送 sends now; 定时发送 keeps its time (it must still be ahead)."""
        require(self.backend, "crm.campaigns")
        require_crm(self.backend)
        draft = (
            next((c for c in self.backend.state.edm.campaigns if c.id == key), None)
            if isinstance(key, str)
            else None
        )
        if draft is None:
            raise SimError(f"没有编号为 {str(key)[:40]} 的营销活动")
        if draft.active:
            raise SimError(f"营销活动 {draft.id} 已经生效")
        now, today = self.backend.now(), self.backend.today()
        errors = FieldErrors()
        if draft.end < today:
            errors.add("end", "活动已经结束，不能再生效", "date_range")
        send_at = now
        if draft.send == rules.EDM_SEND_MODES[1]:
            if draft.send_at <= now:
                errors.add("send_at", f"{CAMPAIGN_LABELS['send_at']}已经过了：请新建活动重新设置", "future")
            send_at = draft.send_at
        if draft.group not in self.backend.crm.group_names():
            errors.add("group", f"客群“{draft.group}”已经不存在", "unknown")
        elif self.problem():
            errors.add("channel", f"还不能投放营销邮件：{self.problem()}", "setup")
        recipients = [] if errors else self.reachable(draft.group)
        if not errors and not recipients:
            errors.add("group", f"客群“{draft.group}”里没有留了邮箱的客户，无法发送", "empty")
        errors.raise_if_any()
        quote = self.quote(len(recipients), send_at.date())
        with self.backend.transaction("edm.activate", draft.id) as work:
            saved = next(c for c in work.edm.campaigns if c.id == draft.id)
            saved.active, saved.send_at = True, send_at
            saved.recipients = [c.id for c in recipients]
            saved.free_mails, saved.paid_mails, saved.cost_cny = quote.free, quote.paid, float(quote.cost_cny)
        return [quote.text()]

    # --- 智能圈客 站内营销 --------------------------------------------------------------------------
    def products(self) -> list[Any]:
        return [p for p in self.backend.state.products if getattr(p, "status", "已发布") == "已发布"]

    def _product(self, errors: FieldErrors, value: Any) -> Any:
        label = INSITE_LABELS["product"]
        store = self.products()
        if value in (None, ""):
            errors.add("product", f"请选择{label}（店铺已发布的产品）", "required")
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            found = next((p for p in store if p.id == value), None)
        elif isinstance(value, str):
            text = value.strip()
            found = next((p for p in store if str(p.id) == text), None) or next(
                (p for p in store if p.title == text), None
            )
        else:
            found = None
        if found is None:
            errors.add("product", f"店铺里没有这个已发布的产品：{str(value)[:40]}", "unknown")
        return found

    def smart_audience(self, product: Any) -> list[tuple[Customer, str]]:
        """智能圈客: customers (my list and 公海) who visited in the last 30 days, the closest tastes first.

        A visit to the same product counts most, then the same category, then the same top category; at most 20.
        """
        errors = FieldErrors()
        chosen = product if hasattr(product, "category") else self._product(errors, product)
        errors.raise_if_any()
        from .crm import events_within

        by_id = {p.id: p for p in self.backend.state.products}
        today = self.backend.today()
        top = chosen.category.split(">>")[0].strip()
        ranked = []
        for c in self.backend.state.customers:
            best, reason, last = 0, "", None
            for e in events_within(c, "访问", rules.SMART_AUDIENCE_DAYS, today):
                seen = by_id.get(e.product_id)
                if seen is None:
                    continue
                if seen.id == chosen.id:
                    score, why = 3, "近期访问过这个产品"
                elif seen.category == chosen.category:
                    score, why = 2, f"近期访问过同类产品（{seen.category}）"
                elif seen.category.split(">>")[0].strip() == top:
                    score, why = 1, f"近期访问过{top}类产品"
                else:
                    continue
                if score > best:
                    best, reason = score, why
                last = max(last or e.day, e.day)
            if best:
                ranked.append((-best, -(last.toordinal()), c.id, c, reason))
        ranked.sort(key=lambda r: r[:3])
        return [(c, reason) for *_k, c, reason in ranked[: rules.SMART_AUDIENCE_MAX]]

    def send_insite(self, values: dict[str, Any]) -> list[str]:
        """智能圈客站内营销 (06.8.4): title, product, quantity, unit, unit price, message → the audience picked."""
        require(self.backend, "crm.campaigns")
        require_crm(self.backend)
        unknown = set(values) - set(INSITE_LABELS)
        if unknown:
            raise SimError(f"站内营销表单没有这些字段：{', '.join(sorted(map(str, unknown)))}")
        errors, lab, get = FieldErrors(), INSITE_LABELS, values.get
        title = validate.text(errors, "title", lab["title"], get("title"), max_len=rules.INSITE_TITLE_MAX)
        product = self._product(errors, get("product"))
        quantity = validate.integer(
            errors, "quantity", lab["quantity"], get("quantity"), min_value=1, max_value=1_000_000
        )
        unit = validate.choice(errors, "unit", lab["unit"], get("unit"), rules.INSITE_UNITS)
        price = validate.decimal(
            errors, "unit_price", lab["unit_price"], get("unit_price"), min_value=0.01, max_value=1_000_000
        )
        message = validate.text(
            errors,
            "message",
            lab["message"],
            get("message"),
            max_len=rules.INSITE_MESSAGE_MAX,
            multiline=True,
        )
        audience = self.smart_audience(product) if product is not None else []
        if product is not None and not audience:
            errors.add("product", "智能圈客没有找到近期访问过相近产品的客户：换一个产品试试", "empty")
        errors.raise_if_any()
        now = self.backend.now()
        with self.backend.transaction("edm.insite", title) as work:
            work.edm.insite.append(
                InsiteCampaign(
                    id=f"IN-{len(work.edm.insite) + 1:03d}", title=title, product_id=product.id,
                    quantity=quantity, unit=unit, unit_price=float(price), message=message,
                    customer_ids=[c.id for c, _ in audience], sent_at=now, owner=work.acting_as,
                )
            )  # fmt: skip
        return [f"已发送给智能圈客圈选的 {len(audience)} 位客户"]

    def insite(self) -> list[InsiteCampaign]:
        return list(self.backend.state.edm.insite)


def _parse_datetime(errors: FieldErrors, key: str, label: str, value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    text = validate.text(errors, key, label, value, max_len=40)
    if text is None:
        return None
    try:
        return dt.datetime.strptime(text.replace("T", " "), "%Y-%m-%d %H:%M")
    except ValueError:
        errors.add(key, f"{label}格式应为 年-月-日 时:分，例如 2022-08-25 10:00", "datetime")
        return None
