"""The hosted set-up in a real browser: Chromium -> nginx with TLS -> one waitress worker, AMENDS_SECURE=1.

The certificate is self-signed, made here. This is the path that used to fail: the referrer policy
made every form post a CSRF 403, and waitress dropped X-Forwarded-Proto so the HTTPS redirect looped.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import STEP_TIMEOUT_MS, sign_up, start_repair
from tests.ops.test_serve import ROOT, _free_port, _get, _nginx

pytestmark = [pytest.mark.browser]

APOLOGY = "I am sorry I missed your birthday dinner and did not call. It hurt you, and it was my doing."


def _self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)  # a certificate's validity is real time, not the app's clock
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


@pytest.fixture(scope="module")
def https_site(tmp_path_factory: Any) -> Iterator[str]:
    nginx = _nginx()
    work = tmp_path_factory.mktemp("tls")
    app_port, proxy_port = _free_port(), _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AMENDS_", "DJANGO_", "DATABASE_URL"))}
    env.update(
        AMENDS_HOME=str(work / "home"),
        AMENDS_SECURE="1",
        AMENDS_TRUSTED_PROXIES="127.0.0.1",
        AMENDS_ALLOWED_HOSTS="127.0.0.1",
        AMENDS_SECRET_KEY=secrets.token_urlsafe(50),
    )
    app = subprocess.Popen(
        [sys.executable, "-m", "amends.cli", "serve", "--port", str(app_port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    cert, key = _self_signed(work)
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    conf = re.sub(r"server 127\.0\.0\.1:8000 (.*)# test: upstream", rf"server 127.0.0.1:{app_port} \1", conf)
    tls = f"listen 127.0.0.1:{proxy_port} ssl; ssl_certificate {cert}; ssl_certificate_key {key};"
    conf = re.sub(r"listen 80;\s*# test: listen", tls, conf)
    conf = conf.replace("pid /run/nginx.pid;", f"pid {work}/nginx.pid;")
    conf = conf.replace("error_log /var/log/nginx/error.log warn;", f"error_log {work}/error.log warn;")
    conf = conf.replace("http {", f"http {{\n    client_body_temp_path {work}/body; proxy_temp_path {work}/proxy;", 1)
    (work / "nginx.conf").write_text(conf)
    args = [nginx, "-p", str(work), "-e", f"{work}/error.log", "-c", str(work / "nginx.conf")]
    try:
        assert _get(f"http://127.0.0.1:{app_port}/healthz", tries=300)[0] == 200
        subprocess.run([*args, "-g", "daemon on;"], check=True)
        try:
            yield f"https://127.0.0.1:{proxy_port}"
        finally:
            subprocess.run([*args, "-s", "stop"], check=False)
    finally:
        app.terminate()
        app.wait(timeout=30)


def test_sign_up_write_and_share_over_https_through_nginx(browser: Any, https_site: str) -> None:
    context = browser.new_context(
        base_url=https_site, ignore_https_errors=True, viewport={"width": 1024, "height": 900}
    )
    context.set_default_timeout(STEP_TIMEOUT_MS)
    page = context.new_page()
    statuses: list[int] = []
    page.on("response", lambda r: statuses.append(r.status))
    try:
        sign_up(page, "alice")  # a CSRF-checked form post over HTTPS
        start_repair(page)
        assert page.url.startswith(https_site + "/repairs/")
        repair_url = page.url
        page.goto(repair_url + "step/apologize/")
        page.get_by_label("My apology").fill(APOLOGY)
        with page.expect_navigation():  # the new version's page, not the form that posted it
            page.get_by_role("button", name="Save as a new version").click()
        page.get_by_text("Saved versions (1)").click()
        page.locator("details.drafts details > summary").first.click()
        page.get_by_role("button", name="Share version 1 with my partner").click()
        page.get_by_text("Version 1 delivered to your partner.").wait_for()
        page.goto(repair_url + "shared/")
        expect(page.get_by_text(APOLOGY).first).to_be_visible()
        assert 403 not in statuses and statuses.count(301) == 0  # no CSRF refusal, no HTTPS redirect loop
        cookies = {c["name"]: c for c in context.cookies()}
        assert cookies["sessionid"]["secure"] and cookies["csrftoken"]["secure"]
    finally:
        context.close()
