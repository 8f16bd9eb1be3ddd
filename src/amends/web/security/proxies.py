"""Who is on the other end of a request, believing forwarded headers only from configured proxies.

Behind nginx every request arrives from the proxy's address, so ``REMOTE_ADDR`` names the proxy and
not the person. ``X-Forwarded-For`` and ``X-Forwarded-Proto`` name the person and the scheme, but
anyone can send them; they are read only when the request comes from an address listed in
``AMENDS_TRUSTED_PROXIES``, and removed otherwise, so Django never sees a forged one.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
CLIENT_IP = "amends.client_ip"  # where the middleware leaves the address it decided on


def parse_networks(value: str, name: str = "AMENDS_TRUSTED_PROXIES") -> list[Network]:
    """``"127.0.0.1, 10.0.0.0/8"`` as networks; a value that is not an address fails at start-up."""
    networks = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"{name}: {item!r} is not an IP address or network. Use addresses like 127.0.0.1 or 10.0.0.0/8."
            ) from exc
    return networks


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address | None, proxies: Iterable[Network]) -> bool:
    return address is not None and any(address in network for network in proxies)


def client_ip(meta: dict[str, object], proxies: list[Network]) -> str:
    """The first address, reading X-Forwarded-For from the right, that is not one of our proxies.

    Each trusted proxy appends the address it received the request from, so entries to the right of
    the last untrusted one were written by our proxies; entries to its left are whatever the client
    sent, and are never believed.
    """
    remote = str(meta.get("REMOTE_ADDR") or "")
    if not _trusted(_address(remote), proxies):
        return remote
    hops = [h for h in str(meta.get("HTTP_X_FORWARDED_FOR") or "").split(",") if h.strip()]
    current = remote
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            return current  # garbage where a proxy's entry should be: stop at the last address we know
        current = str(address)
        if not _trusted(address, proxies):
            return current
    return current


class TrustedProxyMiddleware:
    """First in the chain: decide the client address and scheme once, from trusted proxies only.

    Django's own SECURE_PROXY_SSL_HEADER believes the header from anyone, and waitress drops it from
    everyone, which loops on the HTTPS redirect; this believes it exactly when the sender is ours.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        meta, proxies = request.META, list(settings.TRUSTED_PROXIES)
        from_proxy = _trusted(_address(str(meta.get("REMOTE_ADDR") or "")), proxies)
        meta[CLIENT_IP] = client_ip(meta, proxies)
        if from_proxy:
            proto = str(meta.get("HTTP_X_FORWARDED_PROTO", "")).split(",")[0].strip().lower()
            if proto in {"http", "https"}:
                meta["wsgi.url_scheme"] = proto
        else:
            for header in ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST"):
                meta.pop(header, None)
        return self.get_response(request)


def request_ip(request: HttpRequest) -> str:
    """The client address the middleware decided on (REMOTE_ADDR where it did not run)."""
    return str(request.META.get(CLIENT_IP) or request.META.get("REMOTE_ADDR", ""))
