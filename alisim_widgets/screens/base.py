"""The screen framework: a backend page as an ipywidgets form built from field specs.

Every screen can be driven from code exactly as a person drives it: ``fill(**values)`` sets the
widgets by their canonical field keys (TASKS.md) and ``submit()`` does the screen's whole job (a wizard
runs every step it has values for; its button does one step at a time).
Business rules live in ``sim``; a screen only collects what was typed and shows what the sim says.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as W

from ..sim import Backend
from ..sim.errors import PermissionDenied, SimError, ValidationFailed
from .style import css

__all__ = ["Field", "Screen", "SubmitResult", "esc"]


def esc(value: Any) -> str:
    """HTML-escape anything a student typed before it goes into an HTML widget."""
    return html.escape(str(value), quote=True)


@dataclass(frozen=True)
class Field:
    """One form field: its canonical key, its Chinese label and how it is typed."""

    key: str
    label: str
    kind: str = "text"  # text | password | textarea | select | radio | multiselect | checkbox | date | lines
    required: bool = False
    options: tuple[str, ...] = ()
    placeholder: str = ""
    help: str = ""
    max_len: int | None = None  # shown as a live counter; the sim enforces it


@dataclass
class SubmitResult:
    """What a submission did: ``ok``, the field errors (key → Chinese message), warnings, a message.

    ``next_step`` is what remains before the task is finished (a wizard's step key: the step that refused,
    or the first one not filled in); empty when nothing remains. ``submit()`` is ``ok`` only when the
    screen's whole job is done, so ``ok`` and ``next_step`` never come together from ``submit()``.
    """

    ok: bool
    errors: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    message: str = ""
    data: Any = None
    next_step: str = ""

    @property
    def done(self) -> bool:
        """The task is finished: this went through and no step remains."""
        return self.ok and not self.next_step

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        head = "✔ 提交成功" if self.ok else ("✘ 尚未完成" if self.next_step else "✘ 提交失败")
        lines = [f"{head}：{self.message}" if self.message else head]
        lines += [f"  · {k}：{v}" for k, v in self.errors.items()]
        lines += [f"  ! {w}" for w in self.warnings]
        return "\n".join(lines)


class Screen:
    """Base class of every backend screen. Subclasses set ``title``, ``fields`` and ``_apply``."""

    title: str = ""
    subtitle: str = ""
    task_id: str | None = None
    submit_label: str = "提交"
    fields: tuple[Field, ...] = ()

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.inputs: dict[str, W.Widget] = {}
        self.error_labels: dict[str, W.HTML] = {}
        self.counters: dict[str, W.HTML] = {}
        self.status = W.HTML()
        self.status.add_class("alisim-status")
        self.submit_button = W.Button(description=self.submit_label, button_style="warning")
        self.submit_button.add_class("alisim-primary")
        self.submit_button.on_click(lambda _b: self._button_submit())
        self.last_result: SubmitResult | None = None
        rows = [self._row(f) for f in self.fields]
        self.body = W.VBox(rows)
        self.widget = W.VBox(
            [
                css(),
                self._header(),
                self.body,
                *self._extra_widgets(),
                W.HBox([self.submit_button]),
                self.status,
            ]
        )
        self.widget.add_class("alisim-screen")
        self._load_saved()

    # --- building --------------------------------------------------------------------------------
    def _header(self) -> W.HTML:
        sub = f"<div class='alisim-sub'>{esc(self.subtitle)}</div>" if self.subtitle else ""
        tag = f"<span class='alisim-task'>实操 {esc(self.task_id)}</span>" if self.task_id else ""
        return W.HTML(f"<div class='alisim-head'><b>{esc(self.title)}</b>{tag}{sub}</div>")

    def _extra_widgets(self) -> list[W.Widget]:
        """Widgets between the fields and the submit button (e.g. a get-code row)."""
        return []

    def make_input(self, f: Field) -> W.Widget:
        layout = W.Layout(width="420px")
        if f.kind == "password":
            return W.Password(placeholder=f.placeholder, layout=layout)
        if f.kind in ("textarea", "lines"):
            return W.Textarea(placeholder=f.placeholder, layout=W.Layout(width="420px", height="80px"))
        if f.kind == "select":
            return W.Dropdown(
                options=[("请选择", None), *[(o, o) for o in f.options]], value=None, layout=layout
            )
        if f.kind == "radio":
            return W.RadioButtons(options=list(f.options), value=None, layout=W.Layout(width="auto"))
        if f.kind == "multiselect":
            return W.VBox([W.Checkbox(description=o, value=False, indent=False) for o in f.options])
        if f.kind == "checkbox":
            return W.Checkbox(description=f.help or f.label, value=False, indent=False)
        if f.kind == "date":
            return W.Text(placeholder=f.placeholder or "年-月-日，如 2022-09-01", layout=layout)
        return W.Text(placeholder=f.placeholder, layout=layout)

    def _row(self, f: Field) -> W.Widget:
        star = "<span class='alisim-star'>*</span>" if f.required else ""
        label = W.HTML(f"<div class='alisim-label'>{star}{esc(f.label)}</div>")
        widget = self.make_input(f)
        self.inputs[f.key] = widget
        err = W.HTML()
        err.add_class("alisim-error")
        self.error_labels[f.key] = err
        parts: list[W.Widget] = [widget]
        if f.max_len and isinstance(widget, (W.Text, W.Textarea)):
            counter = W.HTML(self._count_html(0, f.max_len))
            self.counters[f.key] = counter
            widget.observe(
                lambda ch, c=counter, m=f.max_len: setattr(
                    c, "value", self._count_html(len(ch["new"] or ""), m)
                ),
                "value",
            )
            parts.append(counter)
        col = [W.HBox(parts)]
        if f.help and f.kind != "checkbox":
            col.append(W.HTML(f"<div class='alisim-help'>{esc(f.help)}</div>"))
        col.append(err)
        row = W.HBox([label, W.VBox(col)])
        row.add_class("alisim-row")
        return row

    @staticmethod
    def _count_html(n: int, limit: int) -> str:
        cls = "alisim-count over" if n > limit else "alisim-count"
        return f"<span class='{cls}'>{n}/{limit}</span>"

    # --- values ----------------------------------------------------------------------------------
    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    def fill(self, **values: Any) -> Screen:
        """Set widgets as a person would type or click them; keys are TASKS.md field keys."""
        unknown = [k for k in values if k not in self.inputs]
        if unknown:
            raise KeyError(
                f"{self.title}没有这些字段：{', '.join(unknown)}（可用：{', '.join(self.inputs)}）"
            )
        for key, value in values.items():
            self._set(self.field(key), self.inputs[key], value)
        return self

    def _set(self, f: Field, widget: W.Widget, value: Any) -> None:
        if f.kind == "multiselect":
            chosen = set(value or [])
            unknown = chosen - set(f.options)
            if unknown:
                raise ValueError(f"{f.label}没有这个选项：{sorted(unknown)[0]}")
            for box in widget.children:
                box.value = box.description in chosen
        elif f.kind in ("select", "radio"):
            if value is not None and value not in f.options:
                raise ValueError(f"{f.label}没有这个选项：{value}（可选：{'、'.join(f.options)}）")
            widget.value = value
        elif f.kind == "checkbox":
            widget.value = bool(value)
        elif f.kind == "lines":
            widget.value = (
                "\n".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value or "")
            )
        elif f.kind == "date" and isinstance(value, dt.date):
            widget.value = value.isoformat()
        else:
            widget.value = "" if value is None else str(value)

    def values(self) -> dict[str, Any]:
        """What the form holds now, keyed by field key (text stays text: the sim parses it)."""
        out: dict[str, Any] = {}
        for f in self.fields:
            w = self.inputs[f.key]
            if f.kind == "multiselect":
                out[f.key] = [b.description for b in w.children if b.value]
            elif f.kind == "lines":
                out[f.key] = [line.strip() for line in w.value.splitlines() if line.strip()]
            else:
                out[f.key] = w.value
        return out

    # --- submitting ------------------------------------------------------------------------------
    def submit(self) -> SubmitResult:
        """Do the screen's whole job with what the form holds; errors appear beside their fields, typed values stay."""
        with self.backend.via("screen"):
            result = self._run(lambda: self._apply(self.values()))
        self._show(result)
        return result

    def _button_submit(self) -> SubmitResult:
        """What the orange button does: the whole job here; a wizard's button does one step."""
        return self.submit()

    def _run(self, action) -> SubmitResult:
        try:
            outcome = action()
        except ValidationFailed as exc:
            return SubmitResult(False, errors=exc.by_field(), message="请按提示修改后重新提交")
        except PermissionDenied as exc:
            return SubmitResult(False, message=exc.message)
        except SimError as exc:
            return SubmitResult(False, message=exc.message)
        if isinstance(outcome, SubmitResult):
            return outcome
        warnings = list(outcome or []) if isinstance(outcome, (list, tuple)) else []
        return SubmitResult(True, warnings=warnings, message=self.success_message())

    def _apply(self, values: dict[str, Any]) -> Any:  # pragma: no cover - subclasses implement
        raise NotImplementedError

    def success_message(self) -> str:
        return "已保存"

    def _show(self, result: SubmitResult) -> None:
        self.last_result = result
        for key, label in self.error_labels.items():
            label.value = f"<span>{esc(result.errors[key])}</span>" if key in result.errors else ""
        general = {k: v for k, v in result.errors.items() if k not in self.error_labels}
        parts = []
        if result.ok:
            parts.append(f"<div class='alisim-ok'>✔ {esc(result.message)}</div>")
        elif result.next_step and not result.errors:  # steps saved, the task not finished yet
            parts.append(f"<div class='alisim-warn'>… {esc(result.message or '尚未完成')}</div>")
        else:
            parts.append(f"<div class='alisim-fail'>✘ {esc(result.message or '提交失败')}</div>")
        parts += [f"<div class='alisim-fail'>{esc(v)}</div>" for v in general.values()]
        parts += [f"<div class='alisim-warn'>提示：{esc(w)}</div>" for w in result.warnings]
        self.status.value = "".join(parts)

    def _load_saved(self) -> None:
        """Show what the store already holds (after a restart the form shows the saved work)."""

    # --- display ---------------------------------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.title} 字段：{', '.join(self.inputs)}>"
