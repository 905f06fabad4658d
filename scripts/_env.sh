# Shared by start.sh and test.sh: a virtual environment in .venv with the course installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "==> 创建虚拟环境 .venv（首次运行需要几分钟）"
  "$PY" -m venv .venv
fi
VENV_PY="$ROOT/.venv/bin/python"
# Programs that the course's tools start by name must be the venv's, also in a shell where no venv is
# active: nbgrader creates a gradebook by running `alembic` from PATH (else FileNotFoundError: 'alembic').
export PATH="$ROOT/.venv/bin:$PATH"
export VIRTUAL_ENV="$ROOT/.venv"
install_course() {  # $1: extras, e.g. "" or "[test]"
  local stamp=".venv/.installed$1"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "==> 安装课程和依赖 $1"
    # (this machine's pip.conf names local mirrors that may be missing: drop those warnings)
    { "$VENV_PY" -m pip install --quiet --disable-pip-version-check -e ".$1" 2>&1; } \
      | { grep -v "WARNING: Location" || true; }
    touch "$stamp"
  fi
  demo_assets
}
demo_assets() {
  # plotly.js for the charts on the Voila pages (the alisim template's alisim-demo.js loads it on the first
  # chart), copied from the installed plotly package: the figures and the library that draws them are always
  # the same release. Not in git (4.8 MB, and it follows the installed plotly).
  local src dest="$ROOT/share/jupyter/voila/templates/alisim/static/plotly.min.js"
  src="$("$VENV_PY" -c 'import importlib.util as u, os; print(os.path.join(u.find_spec("plotly").submodule_search_locations[0], "package_data", "plotly.min.js"))')"
  cmp -s "$src" "$dest" || cp "$src" "$dest"
}
