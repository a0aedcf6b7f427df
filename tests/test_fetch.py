import pytest

from digest.fetch import Fetcher, FetchError, is_public_address
from tests.fakes.sitehost import SiteHost


def fetcher(**kw):
    kw.setdefault("allow_private_hosts", True)
    kw.setdefault("timeout", 3)
    return Fetcher(user_agent="Briefbot-test/1", **kw)


async def test_conditional_get_and_user_agent(site):
    url = site.add("/feed", "<rss/>", etag='"v1"', headers={"Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT"})
    async with fetcher() as f:
        first = await f.get(url)
        again = await f.get(url, etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and first.content == b"<rss/>" and first.etag == '"v1"'
    assert again.not_modified
    sent = site.hits("/feed")[1]
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == "Wed, 01 Jan 2025 00:00:00 GMT"
    assert sent["user-agent"] == "Briefbot-test/1"


async def test_permanent_redirect_reports_the_new_address(site):
    new = site.add("/new", "<rss/>")
    site.add("/old", status=301, headers={"Location": "/new"})
    site.add("/temp", status=302, headers={"Location": "/new"})
    async with fetcher() as f:
        moved = await f.get(site.url("/old"))
        temp = await f.get(site.url("/temp"))
    assert moved.moved_to == new and moved.content == b"<rss/>"
    assert temp.moved_to is None and temp.content == b"<rss/>"


async def test_redirect_loop(site):
    site.add("/a", status=302, headers={"Location": "/b"})
    site.add("/b", status=302, headers={"Location": "/a"})
    async with fetcher() as f:
        with pytest.raises(FetchError) as err:
            await f.get(site.url("/a"))
    assert err.value.kind == "redirect_loop"


@pytest.mark.parametrize("status, kind, permanent", [(410, "gone", True), (404, "not_found", False),
                                                      (500, "http", False), (429, "rate_limited", False)])
async def test_http_errors_have_kinds(site, status, kind, permanent):
    url = site.add("/x", "no", status=status, headers={"Retry-After": "120"})
    async with fetcher() as f:
        with pytest.raises(FetchError) as err:
            await f.get(url)
    assert (err.value.kind, err.value.permanent) == (kind, permanent)
    if status == 429:
        assert err.value.retry_after == 120


async def test_body_cap_counts_inflated_bytes(site):
    site.add("/big", b"x" * 5000)
    bomb = site.add("/bomb", b"\0" * 2_000_000, gzip=True)  # ~2 KB on the wire, 2 MB inflated
    async with fetcher(max_bytes=1000) as f:
        with pytest.raises(FetchError, match="larger than|limit") as err:
            await f.get(site.url("/big"))
        assert err.value.kind == "too_large"
    async with fetcher(max_bytes=100_000) as f:
        with pytest.raises(FetchError) as err:
            await f.get(bomb)
        assert err.value.kind == "too_large"


async def test_dribbling_server_hits_the_deadline(site):
    url = site.add("/slow", b"x" * 200, dribble=0.05)  # 10 s to send it all
    async with fetcher(timeout=1) as f:
        with pytest.raises(FetchError) as err:
            await f.get(url)
    assert err.value.kind == "timeout"


async def test_private_hosts_refused_unless_allowed(site):
    url = site.add("/feed", "<rss/>")
    async with Fetcher(timeout=3, allow_private_hosts=False) as f:
        with pytest.raises(FetchError) as err:
            await f.get(url)
        assert err.value.kind == "blocked_host" and err.value.permanent
        with pytest.raises(FetchError) as err:
            await f.get("http://localhost:1/x")
        assert err.value.kind == "blocked_host"
    async with fetcher() as allowed:
        assert (await allowed.get(url)).content == b"<rss/>"


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "javascript:alert(1)", "http://",
                                 "http://user:pw@127.0.0.1/"])
async def test_bad_urls(url):
    async with fetcher() as f:
        with pytest.raises(FetchError) as err:
            await f.get(url)
    assert err.value.kind == "bad_url"


@pytest.mark.parametrize("address, public", [("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False),
                                             ("169.254.169.254", False), ("::1", False), ("::ffff:127.0.0.1", False),
                                             ("0.0.0.0", False), ("fc00::1", False), ("8.8.8.8", True),
                                             ("2606:4700::1111", True)])
def test_public_address_classification(address, public):
    assert is_public_address(address) is public


def _only_127_0_0_2_is_public(address: str) -> bool:
    return address == "127.0.0.2"


async def test_a_redirect_to_a_private_address_is_refused(site, monkeypatch):
    """The check runs on every connection, so a public source cannot bounce us to an internal one."""
    import digest.fetch

    monkeypatch.setattr(digest.fetch, "is_public_address", _only_127_0_0_2_is_public)
    internal = site.add("/admin", "secret")
    with SiteHost("127.0.0.2") as public:
        start = public.add("/feed", status=302, headers={"Location": internal})
        async with Fetcher(timeout=3, allow_private_hosts=False) as f:
            with pytest.raises(FetchError) as err:
                await f.get(start)
    assert err.value.kind == "blocked_host"
    assert site.hits("/admin") == []  # the internal server never saw a request


async def test_a_name_that_later_resolves_to_a_private_address_is_refused(monkeypatch):
    """DNS rebinding: the address is vetted at every connect, not once when the source was added."""
    import asyncio
    import socket

    import digest.fetch

    monkeypatch.setattr(digest.fetch, "is_public_address", _only_127_0_0_2_is_public)
    with SiteHost("127.0.0.2") as public, SiteHost("127.0.0.1") as internal:
        public.add("/feed", "<rss/>")
        internal.add("/feed", "secret")
        answers = iter(["127.0.0.2", "127.0.0.1"])
        port = public.port
        internal_port = internal.port

        async def resolver(host, port_, *args, **kwargs):
            address = next(answers)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port_))]

        loop = asyncio.get_running_loop()
        monkeypatch.setattr(loop, "getaddrinfo", resolver)
        async with Fetcher(timeout=3, allow_private_hosts=False) as first_pass:
            assert (await first_pass.get(f"http://news.example:{port}/feed")).content == b"<rss/>"
        async with Fetcher(timeout=3, allow_private_hosts=False) as later_pass:
            with pytest.raises(FetchError) as err:
                await later_pass.get(f"http://news.example:{internal_port}/feed")
    assert err.value.kind == "blocked_host" and err.value.permanent
    assert internal.hits("/feed") == []
