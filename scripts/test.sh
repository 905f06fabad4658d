#!/usr/bin/env bash
# 安装（首次）并运行全部测试：模拟器、页面、评分、笔记本、nbgrader 全流程、Voila 真实浏览器。
source "$(dirname "$0")/_env.sh"
install_course "[test]"
# (grep reads all of fc-list: with -q it may quit early and pipefail would count the SIGPIPE as "missing")
# pdftoppm (poppler-utils, with poppler-data for Chinese) renders the customs documents' PDFs in their test.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/pdftoppm ] || [ ! -d /usr/share/poppler ] ||
  ! fc-list 2>/dev/null | grep -i "noto sans cjk" >/dev/null; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "==> 安装浏览器测试所需的 chromium、中文字体和 PDF 渲染工具"
    # dpkg needs root's sbin folders on PATH (ldconfig, start-stop-daemon): CI runs with a minimal PATH
    export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils poppler-data >/dev/null
  else
    echo "!! 没有 /usr/bin/chromium：浏览器测试会失败（Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk poppler-utils poppler-data）" >&2
  fi
fi
exec "$VENV_PY" -m pytest "$@"
