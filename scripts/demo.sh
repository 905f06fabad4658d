#!/usr/bin/env bash
# 启动演示：整个卖家后台（模拟）在一个 Voila 页面里；访客的操作只在内存中，不保存。
#   bash scripts/demo.sh                              打开浏览器
#   bash scripts/demo.sh --no-browser --port=8866     其他参数原样交给 voila
# Standalone voila (it refuses code execution requests from the page), with the course's `alisim` template
# (share/jupyter/voila/templates/alisim: the page loads nothing from the internet, for offline classrooms, and
# loads no lab extension at all; see the last paragraph).
# The course must be installed (bash scripts/start.sh does it).
# Preheated kernels: voila keeps a pool of kernels that have already run the demo notebook, so a visitor's page
# shows the backend at once instead of waiting for a kernel to start and import the course. Each pooled kernel
# serves one visitor only (voila refills the pool behind them), so every visitor still gets a fresh in-memory
# store. The options are here, not in voila.json: that file applies to every voila started from the repository
# root, and preheating a folder of course notebooks would run them all at start-up. A classroom opening the
# demo together can ask for a bigger pool: ALISIM_DEMO_POOL=10 bash scripts/demo.sh (each waiting kernel holds
# about 90 MB; voila refuses a second --pool_size on the command line, hence the variable).
# A visitor's kernel ends when they leave the page (the page asks voila to shut it down); a kernel whose page
# vanished without saying so (a crashed browser, a sleeping laptop) is culled after an hour without a
# connection or activity. Waiting pool kernels are never culled (voila's pool protects them).
# The page draws with one prebuilt script (the template's alisim-demo.js, from frontend/demo), not with Voila's
# JupyterLab-based frontend and its lab extensions: the first widget appears about as soon as the page arrives.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ ! -x .venv/bin/voila ]; then
  echo "没有找到 .venv/bin/voila：请先运行 bash scripts/start.sh 安装课程。" >&2
  exit 1
fi
source "$ROOT/scripts/_env.sh"
demo_assets
export JUPYTER_PATH="$ROOT/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
exec "$ROOT/.venv/bin/voila" --template=alisim --preheat_kernel=True --pool_size="${ALISIM_DEMO_POOL:-2}" \
  --MappingKernelManager.cull_idle_timeout=3600 --MappingKernelManager.cull_interval=300 \
  "$ROOT/course/demo.ipynb" "$@"
