#!/usr/bin/env bash
# 启动演示：整个卖家后台（模拟）在一个 Voila 页面里；访客的操作只在内存中，不保存。
#   bash scripts/demo.sh                              打开浏览器
#   bash scripts/demo.sh --no-browser --port=8866     其他参数原样交给 voila
# Standalone voila (it refuses code execution requests from the page), with the course's `alisim` template
# (share/jupyter/voila/templates/alisim: voila's lab template without its Font Awesome links to a CDN, so the
# page loads nothing from the internet: offline classrooms). voila.json in the repository root keeps
# nbgrader's lab extension out of the page. The course must be installed (bash scripts/start.sh does it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ ! -x .venv/bin/voila ]; then
  echo "没有找到 .venv/bin/voila：请先运行 bash scripts/start.sh 安装课程。" >&2
  exit 1
fi
export JUPYTER_PATH="$ROOT/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
exec "$ROOT/.venv/bin/voila" --template=alisim "$ROOT/course/demo.ipynb" "$@"
