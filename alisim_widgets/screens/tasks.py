"""The project's task checklist, the practice-mode self-check button and the exam countdown."""

from __future__ import annotations

import datetime as dt
import threading

import ipywidgets as W

from ..sim import Backend
from ..sim.config import load_config
from .base import esc
from .style import css

__all__ = ["TaskChecklist", "SelfCheck", "ModeBanner"]


# Shown at the top of the instructor's source notebooks (the folder holds the `.alisim_source` marker).
TEACHER_SOURCE_BANNER = (
    "<div class='alisim-warn alisim-teacher-source'><b>教师版（含参考答案）</b>："
    "这是老师用 nbgrader 发布作业的源笔记本，“全部运行”会用参考答案完成所有任务。"
    "进度只保存在内存中，重启内核后就没有了，也不会生成 alisim_state.json。"
    "学生请打开 student/ 里的学生版（运行 <code>bash scripts/start.sh</code>）。</div>"
)


def _folder(backend: Backend):
    return backend.path.parent if backend.path else None


class TaskChecklist:
    """Which tasks of the project have been done (saved), refreshed on demand.

    Practice mode says whether a saved answer is right (已作答·有误, 已提交·有待修改), from the same
    public ``autograde.evaluate`` as the self-check; exam mode only says that it is saved (已作答, 已提交).
    """

    def __init__(self, backend: Backend, tasks: dict[str, str]) -> None:
        self.backend, self.tasks = backend, tasks
        self.exam = load_config(_folder(backend)).exam
        self.html = W.HTML()
        self.button = W.Button(description="刷新进度")
        self.button.on_click(lambda _b: self.render())
        self.widget = W.VBox([css(), self.html, self.button])
        self.render()

    def done(self, task_id: str) -> bool:
        from autograde.spec import SPECS

        spec = SPECS.get(task_id)
        try:
            return spec is not None and spec.extract(self.backend) is not None
        except Exception:  # noqa: BLE001 - a progress list must never break the notebook
            return False

    def status(self, task_id: str) -> tuple[str, str]:
        """(badge text, badge class): 未完成, or saved (and in practice mode whether it is right)."""
        if not self.done(task_id):
            return "未完成", "todo"
        quiz = ".q" in task_id
        saved = "已作答" if quiz else "已提交"
        if self.exam:
            return saved, "done"  # never right or wrong in exam mode
        from autograde import evaluate

        try:
            result = evaluate(task_id, self.backend)
        except Exception:  # noqa: BLE001 - a progress list must never break the notebook
            return saved, "done"
        if getattr(result, "hidden", False):
            return saved, "done"
        if result.full:
            return ("已作答·正确" if quiz else "已完成"), "done"
        return ("已作答·有误" if quiz else "已提交·有待修改"), "warn"

    def render(self) -> None:
        self.backend.refresh()
        rows = []
        n = 0
        for tid, name in self.tasks.items():
            text, cls = self.status(tid)
            n += cls != "todo"
            badge = f"<span class='alisim-badge {cls}'>{esc(text)}</span>"
            rows.append(f"<tr><td>{esc(tid)}</td><td>{esc(name)}</td><td>{badge}</td></tr>")
        note = (
            ""
            if self.exam
            else "<div class='alisim-help'>“有误”“有待修改”的任务可以改了再提交，自我检查会说明哪里不对。</div>"
        )
        self.html.value = (
            f"<b>任务进度：{n} / {len(self.tasks)}</b>"
            f"<table class='alisim-table'><tr><th>编号</th><th>任务</th><th>状态</th></tr>{''.join(rows)}</table>"
            f"{note}"
        )

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class SelfCheck:
    """「自我检查」 beside a task: the same feedback as the grader, at once (practice mode only)."""

    def __init__(self, backend: Backend, task_id: str) -> None:
        self.backend, self.task_id = backend, task_id
        self.exam = load_config(_folder(backend)).exam
        self.button = W.Button(description="自我检查", icon="check", button_style="info")
        self.output = W.HTML()
        self.button.on_click(lambda _b: self.run())
        self.widget = W.VBox([self.button, self.output])
        if self.exam:
            self.widget.layout.display = "none"

    def run(self) -> str:
        from autograde import evaluate

        if self.exam:
            return ""
        self.backend.refresh()
        result = evaluate(self.task_id, self.backend)
        lines = "<br>".join(esc(line) for line in result.feedback_lines())
        self.output.value = f"<div class='alisim-inbox'>{lines}</div>"
        return "\n".join(result.feedback_lines())

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class ModeBanner:
    """Practice or exam mode; in exam mode a countdown from the first opening of the project."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.config = load_config(_folder(backend))
        self.html = W.HTML()
        self.widget = W.VBox([css(), self.html])
        if self.config.exam:
            if backend.state.exam_started_at is None:
                with backend.transaction("exam.start") as work:
                    work.exam_started_at = dt.datetime.now().replace(microsecond=0)
            self._tick()
        else:
            self.html.value = (
                "<div class='alisim-ok'>练习模式：每个任务旁有“自我检查”按钮，可以随时查看反馈。</div>"
            )
        if backend.teacher_source:
            self.html.value = TEACHER_SOURCE_BANNER + self.html.value

    def remaining(self) -> dt.timedelta:
        started = self.backend.state.exam_started_at or dt.datetime.now()
        end = started + dt.timedelta(minutes=self.config.exam_minutes)
        return max(end - dt.datetime.now(), dt.timedelta(0))

    def _tick(self) -> None:
        left = self.remaining()
        minutes, seconds = divmod(int(left.total_seconds()), 60)
        text = "考核时间已到，请保存并提交。" if not left else f"剩余时间 {minutes:02d}:{seconds:02d}"
        self.html.value = (
            f"<div class='alisim-warn'>考核模式（{self.config.exam_minutes} 分钟）：自我检查已关闭。"
            f"<span class='alisim-countdown'>{text}</span></div>"
        )
        if left:
            timer = threading.Timer(30, self._tick)
            timer.daemon = True
            timer.start()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
