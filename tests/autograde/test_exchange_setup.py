"""``scripts/setup_exchange.sh`` (``autograde.exchange_setup``): the folder, the config, and what it refuses."""

from __future__ import annotations

import os
import stat

import pytest

from autograde import exchange_setup
from autograde.exchange_setup import MARKER, main, setup


def test_creates_the_exchange_and_the_config(tmp_path, capsys):
    assert main([f"--root={tmp_path / 'a' / 'exchange'}", f"--config-dir={tmp_path / 'conf'}"]) == 0
    assert stat.S_IMODE((tmp_path / "a" / "exchange").stat().st_mode) == 0o1777
    text = (tmp_path / "conf" / "nbgrader_config.py").read_text(encoding="utf-8")
    assert text.startswith(MARKER) and repr(str(tmp_path / "a" / "exchange")) in text
    out = capsys.readouterr().out
    assert "交换目录" in out and "学生端配置" in out
    # Run again (e.g. another folder): its own file is replaced.
    assert main([f"--root={tmp_path / 'b'}", f"--config-dir={tmp_path / 'conf'}"]) == 0
    assert repr(str(tmp_path / "b")) in (tmp_path / "conf" / "nbgrader_config.py").read_text(encoding="utf-8")


def test_never_overwrites_someone_elses_config(tmp_path, capsys):
    conf = tmp_path / "conf"
    conf.mkdir()
    (conf / "nbgrader_config.py").write_text("c = get_config()\nc.Exchange.root = '/x'\n", encoding="utf-8")
    assert main([f"--root={tmp_path / 'ex'}", f"--config-dir={conf}"]) == 1
    err = capsys.readouterr().err
    assert "不是本脚本写的" in err and "c.CourseDirectory.course_id = 'alisim'" in err
    assert (conf / "nbgrader_config.py").read_text(encoding="utf-8").endswith("'/x'\n")
    assert main([f"--root={tmp_path / 'ex'}", f"--config-dir={conf}", "--force"]) == 0


def test_warns_when_students_cannot_reach_the_folder(tmp_path):
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    private.chmod(0o700)
    _, warnings = setup(private / "exchange", tmp_path / "conf")
    assert any(f"chmod o+x {private}" in w for w in warnings), warnings


def test_warns_when_jupyter_does_not_read_the_config_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("JUPYTER_CONFIG_PATH", raising=False)
    _, warnings = setup(tmp_path / "ex", tmp_path / "conf")
    assert any("JUPYTER_CONFIG_PATH" in w for w in warnings), warnings
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(tmp_path / "conf2"))
    _, warnings = setup(tmp_path / "ex", tmp_path / "conf2")
    assert not any("JUPYTER_CONFIG_PATH" in w for w in warnings), warnings


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX only")
def test_defaults():
    root = exchange_setup.default_root()
    assert str(root) == "/srv/nbgrader/exchange" if os.geteuid() == 0 else root.name == "exchange"
    assert exchange_setup.default_config_dir().parts[-2:] == ("etc", "jupyter")
