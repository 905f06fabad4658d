"""The My Alibaba look: orange accents, starred required fields, inline red errors."""

from __future__ import annotations

import ipywidgets as W

__all__ = ["ORANGE", "css", "CSS"]

ORANGE = "#FF6A00"

CSS = f"""
<style>
.alisim-screen {{ border: 1px solid #eee; border-top: 3px solid {ORANGE}; padding: 8px 14px; margin: 6px 0;
  font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; max-width: 980px; }}
.alisim-head {{ font-size: 16px; padding: 4px 0 10px 0; color: #333; }}
.alisim-sub {{ font-size: 12px; color: #888; margin-top: 2px; }}
.alisim-task {{ background: {ORANGE}; color: #fff; border-radius: 3px; font-size: 11px; padding: 1px 6px;
  margin-left: 8px; }}
.alisim-row {{ margin: 2px 0; }}
.alisim-label {{ width: 150px; text-align: right; padding: 4px 10px 0 0; color: #555; font-size: 13px; }}
.alisim-star {{ color: #e4393c; margin-right: 2px; }}
.alisim-help {{ color: #999; font-size: 12px; }}
.alisim-error {{ color: #e4393c; font-size: 12px; min-height: 0; }}
.alisim-count {{ color: #999; font-size: 12px; padding: 4px; }}
.alisim-count.over {{ color: #e4393c; font-weight: bold; }}
.alisim-primary button, button.alisim-primary {{ background: {ORANGE} !important; color: #fff !important; }}
.alisim-ok {{ color: #1a7f37; background: #eefbf1; padding: 6px 10px; margin-top: 6px; border-radius: 3px; }}
.alisim-fail {{ color: #e4393c; background: #fff1f0; padding: 6px 10px; margin-top: 6px; border-radius: 3px; }}
.alisim-warn {{ color: #ad6800; background: #fffbe6; padding: 6px 10px; margin-top: 4px; border-radius: 3px; }}
.alisim-table {{ border-collapse: collapse; font-size: 13px; margin: 6px 0; }}
.alisim-table th {{ background: #fff4ec; color: #333; padding: 6px 10px; border: 1px solid #f0d9c8; }}
.alisim-table td {{ padding: 6px 10px; border: 1px solid #eee; vertical-align: top; }}
.alisim-table td.yes {{ color: {ORANGE}; font-weight: bold; text-align: center; }}
.alisim-inbox {{ background: #fafafa; border: 1px dashed #ccc; padding: 6px 10px; font-size: 12px; }}
.alisim-menu button {{ width: 150px; text-align: left; }}
.alisim-menu .active button, .alisim-menu button.active {{ background: {ORANGE}; color: #fff; }}
.alisim-shell-top {{ background: {ORANGE}; color: #fff; padding: 8px 14px; font-size: 16px; }}
.alisim-badge {{ display: inline-block; padding: 1px 6px; border-radius: 3px; font-size: 12px; }}
.alisim-badge.done {{ background: #eefbf1; color: #1a7f37; }}
.alisim-badge.todo {{ background: #f5f5f5; color: #999; }}
.alisim-badge.warn {{ background: #fffbe6; color: #ad6800; }}
.alisim-countdown {{ color: #e4393c; font-weight: bold; }}
</style>
"""


def css() -> W.HTML:
    """An HTML widget carrying the stylesheet (put one in every top-level screen)."""
    return W.HTML(CSS, layout=W.Layout(height="0px", margin="0"))
