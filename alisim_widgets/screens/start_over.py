"""「重新开始本项目」 with a confirmation: a row at the bottom of a screen, apart from its other buttons.

The first click only asks (what will be lost, that a backup is kept); 「确认重新开始」 resets the project
(``backend.reset()`` keeps the old file as a backup) and makes the screen show the fresh store;
「取消」 changes nothing. ``hooks`` run after a reset (the demo shell reloads its other pages with them).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from ..sim import Backend
from .base import SubmitResult, esc

__all__ = ["StartOver", "START_OVER_WARNING"]

START_OVER_WARNING = (
    "重新开始会清除本项目已保存的全部内容：每个实操任务提交的信息、每道知识检测题的答案，"
    "都会回到项目开始时的样子（模拟收件箱和模拟日期也一样）。"
)


class StartOver:
    """The start-over row of a screen: ``ask()``, then ``confirm()`` or ``cancel()``."""

    def __init__(
        self, backend: Backend, reload: Callable[[], None], show: Callable[[SubmitResult], None]
    ) -> None:
        self.backend = backend
        self._reload = reload
        self._show = show
        self.hooks: list[Callable[[], None]] = []
        self.button = W.Button(description="重新开始本项目")
        self.button.on_click(lambda _b: self.ask())
        self.text = W.HTML()
        self.confirm_button = W.Button(description="确认重新开始", button_style="danger")
        self.confirm_button.on_click(lambda _b: self.confirm())
        self.cancel_button = W.Button(description="取消")
        self.cancel_button.on_click(lambda _b: self.cancel())
        self.confirm_box = W.VBox(
            [self.text, W.HBox([self.confirm_button, self.cancel_button])], layout=W.Layout(display="none")
        )
        self.widget = W.VBox(
            [
                W.HTML(
                    "<div class='alisim-help'>从头再做本项目（一般不需要：填错了直接改正上面的信息即可）</div>"
                ),
                W.HBox([self.button]),
                self.confirm_box,
            ],
            layout=W.Layout(margin="24px 0 0 0"),
        )

    @property
    def asking(self) -> bool:
        return self.confirm_box.layout.display != "none"

    def ask(self) -> str:
        """「重新开始本项目」: shows what would be lost and the two buttons; changes nothing."""
        if self.backend.persistent:
            kept = "当前进度会先备份为 alisim_state.json 旁边的备份文件（文件名含 reset），需要时可以请老师恢复。"
        else:
            kept = "这个店铺只在内存里（演示或教师的源文件夹）：所有页面回到初始数据，没有备份文件。"
        text = f"{START_OVER_WARNING}{kept}确定要重新开始吗？"
        self.text.value = f"<div class='alisim-warn'>{esc(text)}</div>"
        self.confirm_box.layout.display = None
        return text

    def cancel(self) -> None:
        """「取消」: nothing changes."""
        self.confirm_box.layout.display = "none"
        self.text.value = ""

    def confirm(self) -> SubmitResult:
        """「确认重新开始」: the project starts over from its scenario; the old file is kept as a backup."""
        backup = self.backend.reset()
        self.cancel()
        self._reload()
        note = f"旧进度已备份为 {backup.name}。" if backup else ""
        result = SubmitResult(
            True,
            message=f"已重新开始本项目。{note}笔记本里其他单元格的页面还显示旧内容，请重新运行这些单元格。",
        )
        self._show(result)
        for hook in self.hooks:
            hook()
        return result
