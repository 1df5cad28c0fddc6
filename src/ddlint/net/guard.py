"""The address guard: never let a README make ddlint talk to a private network.

A link in a pull request is untrusted input. Checking it from a CI runner or a
laptop must not become a way to probe ``localhost``, the office LAN or the cloud
metadata service, so every host is resolved first and every address it resolves to
is vetted before any connection is made. The checker then connects to the very
address it vetted (see ``checker``), which closes the DNS-rebinding window between
"check" and "connect" for the transport ddlint builds itself.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud instance-metadata endpoints (AWS, GCP, Azure share the IPv4 one; AWS has an
# IPv6 one inside the ULA range). Named separately so the refusal says what it is.
METADATA_ADDRESSES: frozenset[IPAddress] = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)


def refusal_reason(address: IPAddress) -> str | None:
    """Why ``address`` must not be contacted, or ``None`` when it is a public address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        # ::ffff:127.0.0.1 reaches 127.0.0.1; judge the address it really names.
        return refusal_reason(address.ipv4_mapped)
    categories = (
        (address in METADATA_ADDRESSES, "a cloud metadata address"),
        (address.is_loopback, "loopback"),
        (address.is_unspecified, "unspecified"),
        (address.is_link_local, "link-local"),
        (address.is_multicast, "multicast"),
        (address.is_private, "private"),
        (address.is_reserved, "reserved"),
        # Catch-all for ranges such as 100.64.0.0/10 (carrier-grade NAT) that are
        # neither "private" nor reachable from the internet.
        (not address.is_global, "not globally routable"),
    )
    for matches, category in categories:
        if matches:
            return f"{address} is {category}"
    return None


def vet(addresses: tuple[str, ...]) -> str | None:
    """The first refusal among ``addresses``; all must pass, or a mixed answer leaks."""
    for text in addresses:
        reason = refusal_reason(ipaddress.ip_address(text.split("%")[0]))
        if reason is not None:
            return reason
    return None


class DnsFailure(Exception):
    """A host name that did not resolve; ``permanent`` when the name does not exist."""

    def __init__(self, detail: str, *, permanent: bool) -> None:
        super().__init__(detail)
        self.detail = detail
        self.permanent = permanent


class Resolver:
    """Resolves each host once per run, however many links point at it."""

    def __init__(self, timeout: float) -> None:
        self._timeout = timeout
        self._answers: dict[str, asyncio.Future[tuple[str, ...]]] = {}

    async def resolve(self, host: str) -> tuple[str, ...]:
        """The host's addresses in the system's preferred order; raises ``DnsFailure``."""
        pending = self._answers.get(host)
        if pending is None:
            pending = asyncio.ensure_future(self._lookup(host))
            self._answers[host] = pending
        # shield: one caller's cancellation must not cancel the lookup the others share.
        return await asyncio.shield(pending)

    async def _lookup(self, host: str) -> tuple[str, ...]:
        loop = asyncio.get_running_loop()
        try:
            infos = await asyncio.wait_for(
                loop.getaddrinfo(host, None, type=socket.SOCK_STREAM), self._timeout
            )
        except asyncio.TimeoutError:
            raise DnsFailure(f"DNS lookup for {host} timed out", permanent=False) from None
        except socket.gaierror as error:
            # EAI_NONAME (and EAI_NODATA where defined) mean "no such name": the link
            # is dead. Anything else (EAI_AGAIN, no resolver) says nothing about it.
            gone = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}
            raise DnsFailure(
                f"DNS lookup failed for {host}", permanent=error.errno in gone
            ) from None
        except (OSError, UnicodeError) as error:
            raise DnsFailure(f"DNS lookup failed for {host}: {error}", permanent=True) from None
        addresses = tuple(dict.fromkeys(str(info[4][0]) for info in infos))
        if not addresses:
            raise DnsFailure(f"DNS lookup failed for {host}", permanent=True)
        return addresses
