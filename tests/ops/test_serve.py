"""The hosted mode: several workers behind the example nginx, and clear refusals at start-up."""

from __future__ import annotations

import errno
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest

from amends.cli.app import check_data_dir

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, tries: int = 100) -> tuple[int, bytes]:
    for _ in range(tries):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url}")


@pytest.fixture(scope="module")
def two_workers() -> Iterator[tuple[int, subprocess.Popen[str]]]:
    port = _free_port()
    home = tempfile.mkdtemp(prefix="amends-serve-")
    env = {**os.environ, "AMENDS_HOME": home}
    proc = subprocess.Popen(
        [sys.executable, "-m", "amends.cli", "serve", "--port", str(port), "--workers", "2", "--threads", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        text=True,
    )
    try:
        yield port, proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)


def test_serve_with_workers_runs_gunicorn_and_answers_health_and_readiness(two_workers: Any) -> None:
    port, proc = two_workers
    assert _get(f"http://127.0.0.1:{port}/readyz") == (200, b'{"status": "ok", "database": "up"}')
    line = proc.stdout.readline()
    assert f"http://127.0.0.1:{port}/" in line and "2 workers" in line
    children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
    assert len(children) == 2


def _nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if found is None:
        if os.environ.get("AMENDS_REQUIRE_NGINX"):
            pytest.fail("nginx is not installed; scripts/test.sh installs Debian's nginx")
        pytest.skip("nginx is not installed (make test installs it)")
    return found


def test_the_example_nginx_config_starts_and_proxies_to_the_workers(two_workers: Any, tmp_path: Path) -> None:
    app_port, _ = two_workers
    _get(f"http://127.0.0.1:{app_port}/healthz")
    proxy_port = _free_port()
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    conf = re.sub(r"server 127\.0\.0\.1:8000 (.*)# test: upstream", rf"server 127.0.0.1:{app_port} \1", conf)
    conf = re.sub(r"listen 80;\s*# test: listen", f"listen 127.0.0.1:{proxy_port};", conf)
    conf = conf.replace("pid /run/nginx.pid;", f"pid {tmp_path}/nginx.pid;")
    conf = conf.replace("error_log /var/log/nginx/error.log warn;", f"error_log {tmp_path}/error.log warn;")
    conf = conf.replace(
        "http {", f"http {{\n    client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;", 1
    )
    assert str(app_port) in conf and str(proxy_port) in conf
    (tmp_path / "nginx.conf").write_text(conf)
    nginx = _nginx()
    args = [nginx, "-p", str(tmp_path), "-e", f"{tmp_path}/error.log", "-c", str(tmp_path / "nginx.conf")]
    checked = subprocess.run([*args, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    subprocess.run([*args, "-g", "daemon on;"], check=True)
    try:
        assert _get(f"http://127.0.0.1:{proxy_port}/readyz") == (200, b'{"status": "ok", "database": "up"}')
        status, body = _get(f"http://127.0.0.1:{proxy_port}/guide/")
        assert status == 200 and b"<html" in body
    finally:
        subprocess.run([*args, "-s", "stop"], check=False)


def _run_as_other_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]  # root ignores file modes


def test_serve_refuses_to_start_on_a_read_only_data_dir_and_writes_nothing() -> None:
    home = Path(tempfile.mkdtemp(prefix="amends-ro-"))
    try:
        home.chmod(0o555)
        env = {**os.environ, "AMENDS_HOME": str(home), "HOME": str(home)}
        env.pop("DATABASE_URL", None)
        result = subprocess.run(
            [*_run_as_other_user(), sys.executable, "-m", "amends.cli", "serve", "--port", str(_free_port())],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            cwd="/",
        )
        assert result.returncode == 1, result.stdout + result.stderr
        assert "read-only or not writable" in result.stderr and str(home) in result.stderr
        assert "Traceback" not in result.stderr
        assert list(home.iterdir()) == []
    finally:
        home.chmod(0o755)
        shutil.rmtree(home, ignore_errors=True)


def test_a_full_disk_is_reported_at_start_up_and_the_probe_is_removed(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("AMENDS_HOME", str(tmp_path))

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(click.ClickException, match="the disk is full"):
        check_data_dir()
    assert list(tmp_path.iterdir()) == []
