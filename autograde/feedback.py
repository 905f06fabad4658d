"""The students' feedback page: what ``nbgrader generate_feedback`` renders, in Chinese and safe to open.

``StudentFeedback`` is an nbconvert preprocessor that runs after nbgrader's ``GetGrades`` (which puts each
graded cell's score and comment into its metadata). It turns the autograded notebook into a small view
model in ``resources["alisim"]`` that the template ``autograde/feedback_template/feedback/index.html.j2``
lays out: a summary of every graded task at the top, then the notebook.

Everything that reaches the page is made safe here, in Python:

- markdown is rendered with raw HTML escaped (a student can add a markdown cell);
- code is highlighted by pygments (escaped);
- a grade cell shows only its printed text (the per-field feedback) and the score from the gradebook;
- any other output is shown as text: ``text/html``, ``application/javascript``, SVG and markdown outputs are
  never rendered live; a widget (``application/vnd.jupyter.widget-view+json`` or a repr such as
  ``VBox(children=…``) becomes a short Chinese note, since the student's work lives in the state file.

The page also carries a Content-Security-Policy that forbids every script and every network request.
Configured in ``nbgrader_config.py`` (the "feedback page" block): ``GenerateFeedback.preprocessors`` and
``HTMLExporter.extra_template_basedirs``.
"""

from __future__ import annotations

import ast
import base64
import binascii
import html
import re
from typing import Any

import mistune
from nbconvert.preprocessors import Preprocessor
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer
from traitlets import Bool

__all__ = ["StudentFeedback", "WIDGET_NOTE", "render_markdown", "page_css"]

WIDGET_NOTE = "（此处是后台页面：你的操作保存在进度文件里，评分见上方）"
HTML_NOTE = "（这里原来是一段网页内容，反馈页面里不显示）"
NO_RESPONSE = "未作答"
NO_FEEDBACK = "（没有评分说明）"
MAX_OUTPUT_CHARS = 5000
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

_CHECK_CALL = re.compile(r"""\bcheck\(\s*["']([^"']+)["']""")
_HEAD = re.compile(r"^【(?P<id>\S+)\s*(?P<title>[^】]*)】")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# ipywidgets' reprs: VBox(children=(…)), HTML(value='…'), Button(description=…), Output(), …
_WIDGET_REPR = re.compile(
    r"^\s*[A-Z]\w*\((?:\)|children=|value=|layout=|description=|options=|button_style=|style=|index=|"
    r"_dom_classes=|outputs=|max=|min=|placeholder=)"
)


class _OfflineRenderer(mistune.HTMLRenderer):
    """Raw HTML escaped; an image from anywhere but the page itself (``data:``) is shown as its text."""

    def image(self, text: str, url: str, title: str | None = None) -> str:
        if url.startswith("data:image/") and ";base64," in url:
            return super().image(text, url, title)
        return f'<span class="note">［图片：{text or "（无说明）"}］</span>'


_markdown = mistune.create_markdown(
    escape=True, renderer=_OfflineRenderer(escape=True), plugins=["table", "strikethrough"]
)
_formatter = HtmlFormatter(cssclass="highlight")
_IMAGE_MIMES = ("image/png", "image/jpeg", "image/gif")


def render_markdown(source: str) -> str:
    """Markdown to HTML with any raw HTML escaped (tables rendered); harmful link schemes neutralised."""
    return _markdown(source or "")


def page_css() -> str:
    """The pygments colours of highlighted code, inlined in the page."""
    return re.sub(r"\s*/\*.*?\*/", "", _formatter.get_style_defs(".highlight"))


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


def _cap(text: str) -> str:
    text = _ANSI.sub("", text)
    if len(text) > MAX_OUTPUT_CHARS:
        text = text[:MAX_OUTPUT_CHARS] + "\n…（输出太长，已截断）"
    return text


def _pre(text: str, css: str = "output") -> str:
    return f'<pre class="{css}">{_esc(_cap(text))}</pre>'


def _note(text: str) -> str:
    return f'<p class="note">{_esc(text)}</p>'


def is_widget_output(output: dict) -> bool:
    data = output.get("data") or {}
    if WIDGET_MIME in data:
        return True
    plain = _text(data.get("text/plain", ""))
    return bool(_WIDGET_REPR.match(plain)) or "VBox(" in plain or "HTML(value=" in plain


def displays_page(source: str) -> bool:
    """True when the cell ends in a bare expression (``registration``, ``aw.screen_for(…)``, ``SelfCheck(…)``).

    In the course's notebooks such a cell shows a page. Grading from the saved store leaves these cells
    without outputs, so the note is decided from the source.
    """
    try:
        tree = ast.parse(source or "")
    except SyntaxError:
        return False
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        return False
    value = tree.body[-1].value
    if isinstance(value, ast.Call):
        func = value.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        return name not in ("print", "display", "check")
    return isinstance(value, (ast.Name, ast.Attribute, ast.Subscript))


def _image(mime: str, data: Any) -> str | None:
    payload = _text(data).replace("\n", "").strip()
    try:
        base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        return None
    return f'<img class="output" alt="图片输出" src="data:{mime};base64,{payload}">'


def render_outputs(outputs: list[dict]) -> str:
    """A code cell's outputs as safe HTML (no live HTML, no script, no widget repr)."""
    parts: list[str] = []
    widget_noted = False
    for out in outputs or []:
        kind = out.get("output_type")
        if kind == "stream":
            parts.append(
                _pre(_text(out.get("text")), "output stderr" if out.get("name") == "stderr" else "output")
            )
        elif kind == "error":
            parts.append(_pre(f"运行出错：{out.get('ename', '')}: {out.get('evalue', '')}", "output error"))
        elif kind in ("execute_result", "display_data"):
            if is_widget_output(out):
                if not widget_noted:
                    parts.append(_note(WIDGET_NOTE))
                    widget_noted = True
                continue
            data = out.get("data") or {}
            img = next((_image(m, data[m]) for m in _IMAGE_MIMES if m in data), None)
            if img:
                parts.append(img)
            elif "text/plain" in data:
                parts.append(_pre(_text(data["text/plain"])))
            elif "text/html" in data or "image/svg+xml" in data or "text/markdown" in data:
                parts.append(_note(HTML_NOTE))
            # application/javascript and anything else: dropped
    return "".join(parts)


def _code(source: str) -> str:
    return highlight(source or "", PythonLexer(), _formatter)


def _num(value: Any) -> float:
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0


def _feedback_lines(outputs: list[dict]) -> list[dict]:
    text = "".join(_text(o.get("text")) for o in outputs or [] if o.get("output_type") == "stream")
    lines = []
    for raw in _cap(text).splitlines():
        line = raw.strip()
        if not line:
            continue
        css = "bad" if line.startswith("✘") else "good" if line.startswith("✔") else ""
        lines.append({"text": line, "css": css})
    for out in outputs or []:
        if out.get("output_type") == "error":
            lines.append({"text": f"评分时出错：{out.get('ename', '')}", "css": "bad"})
    return lines


def _title_of(task_id: str, lines: list[dict]) -> str:
    try:
        from .spec import SPECS  # the installed course's task titles
    except Exception:  # noqa: BLE001 - the page is still made without them
        SPECS = {}  # noqa: N806
    spec = SPECS.get(task_id)
    if spec is not None:
        return spec.title
    if lines:
        m = _HEAD.match(lines[0]["text"])
        if m:
            return m.group("title").strip()
    return ""


class StudentFeedback(Preprocessor):
    """Builds ``resources["alisim"]``: the summary of graded tasks and the notebook as safe HTML blocks."""

    enabled = Bool(True).tag(config=True)  # nbconvert's preprocessors are off unless enabled

    def preprocess(self, nb, resources):
        nbg = resources.get("nbgrader", {})
        tasks: list[dict] = []
        blocks: list[dict] = []
        for index, cell in enumerate(nb.cells):
            meta = cell.get("metadata", {}).get("nbgrader", {}) or {}
            anchor = f"cell-{index}"
            if cell.cell_type == "markdown":
                blocks.append(self._markdown(cell, meta, anchor, tasks))
            elif cell.cell_type == "code":
                blocks.append(self._code_cell(cell, meta, anchor, tasks))
        late = _num(nbg.get("late_penalty"))
        resources["alisim"] = {
            "title": nb.metadata.get("title") or nbg.get("notebook", ""),
            "notebook": nbg.get("notebook", ""),
            "assignment": nbg.get("assignment", ""),
            "student": nbg.get("student", ""),
            "score": _num(nbg.get("score")),
            "max_score": _num(nbg.get("max_score")),
            "late_penalty": late,
            "tasks": tasks,
            "blocks": [b for b in blocks if b],
            "css": page_css(),
        }
        return nb, resources

    # --- cells ---------------------------------------------------------------------------------------------
    @staticmethod
    def _graded(meta: dict) -> tuple[float, float]:
        return _num(meta.get("score")), _num(meta.get("points"))

    @staticmethod
    def _comment(meta: dict) -> str:
        comment = (meta.get("comment") or "").strip()
        if not comment or comment == "No response.":
            return ""
        return render_markdown(comment)

    def _markdown(self, cell, meta: dict, anchor: str, tasks: list[dict]) -> dict:
        block = {"kind": "markdown", "anchor": anchor, "html": render_markdown(_text(cell.source))}
        if meta.get("grade") or meta.get("task"):  # written answers graded by hand
            score, points = self._graded(meta)
            label = "书面作答" if meta.get("grade") else "任务"
            block.update(kind="manual", label=label, score=score, points=points, comment=self._comment(meta))
            tasks.append(
                {"anchor": anchor, "task_id": label, "title": "", "score": score, "points": points,
                 "lines": [{"text": "老师已批改，评语见正文", "css": ""}] if block["comment"] else []}
            )  # fmt: skip
        return block

    def _code_cell(self, cell, meta: dict, anchor: str, tasks: list[dict]) -> dict:
        source = _text(cell.source)
        outputs = cell.get("outputs", [])
        if meta.get("grade") and not meta.get("solution"):
            m = _CHECK_CALL.search(source)
            task_id = m.group(1) if m else str(meta.get("grade_id", ""))
            lines = _feedback_lines(outputs)
            if lines and _HEAD.match(lines[0]["text"]):
                lines = lines[1:]  # 【编号 标题】得分 …: the summary row says it already
            score, points = self._graded(meta)
            task = {
                "anchor": anchor, "task_id": task_id, "title": _title_of(task_id, _feedback_lines(outputs)),
                "score": score, "points": points, "lines": lines or [{"text": NO_FEEDBACK, "css": ""}],
            }  # fmt: skip
            tasks.append(task)
            return {"kind": "grade", "anchor": anchor, **task}
        if meta.get("solution"):
            comment = (meta.get("comment") or "").strip()
            unanswered = comment == "No response."
            block = {
                "kind": "answer",
                "anchor": anchor,
                "unanswered": unanswered,
                "code": "" if unanswered else _code(source),
                "outputs": render_outputs(outputs),
                "comment": self._comment(meta),
                "graded": bool(meta.get("grade")),
            }
            if meta.get("grade"):
                block["score"], block["points"] = self._graded(meta)
                tasks.append(
                    {"anchor": anchor, "task_id": "代码作答", "title": "", "score": block["score"],
                     "points": block["points"], "lines": []}
                )  # fmt: skip
            return block
        rendered = render_outputs(outputs)
        if not outputs and displays_page(source):
            rendered = _note(WIDGET_NOTE)
        return {"kind": "code", "anchor": anchor, "code": _code(source), "outputs": rendered}
