"""The simulated phone and mailbox shown under a form: where verification codes arrive."""

from __future__ import annotations

import ipywidgets as W

from ..sim.state import Message
from .base import esc

__all__ = ["inbox_widget", "show_message"]


def inbox_widget() -> W.HTML:
    """A hidden box that :func:`show_message` fills and reveals."""
    view = W.HTML()
    view.add_class("alisim-inbox")
    view.layout.display = "none"
    return view


def show_message(view: W.HTML, msg: Message | None) -> None:
    """Show one SMS or email (escaped): channel, recipient, scenario time, text."""
    if msg is None:
        return
    kind = "【模拟短信】" if msg.channel == "sms" else "【模拟邮件】"
    view.layout.display = None
    view.value = f"{kind}发往 {esc(msg.to)} · {msg.sent_at:%Y-%m-%d %H:%M}<br>{esc(msg.body)}"
