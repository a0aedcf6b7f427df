from __future__ import annotations

import os
from datetime import UTC
from pathlib import Path

import pytest

from digest.settings import Settings, get_settings
from digest.store import Store
from tests.fakes.news import CORPORA
from tests.fakes.sitehost import SiteHost

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


@pytest.fixture
def corpora() -> Path:
    """../shared/corpora (and ../shared/seed-article.txt beside it); a clone without them skips the test."""
    if not CORPORA.is_dir():
        pytest.skip(f"needs {CORPORA.parent} (the shared corpora and seed article), absent in this clone")
    return CORPORA


@pytest.fixture
def site():
    with SiteHost() as host:
        yield host


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A clean environment for the CLI: its own database, private hosts allowed (the fake host is 127.0.0.1)."""
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith("BRIEFBOT_") or key == "TELEGRAM_BOT_TOKEN":
            monkeypatch.delenv(key)
    monkeypatch.setenv("BRIEFBOT_DB", str(tmp_path / "test.db"))
    monkeypatch.setenv("BRIEFBOT_ALLOW_PRIVATE_HOSTS", "1")
    monkeypatch.setenv("BRIEFBOT_FETCH_TIMEOUT", "5")
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


@pytest.fixture
def settings(env) -> Settings:
    return get_settings()


@pytest.fixture
def store(env):
    s = Store(env / "test.db")
    yield s
    s.close()


@pytest.fixture
async def bot(env, monkeypatch):
    """The real Application, polling the fake Bot API; admin is user 1; the push clock is controlled."""
    from datetime import datetime

    from tests.fakes.harness import FakeClock, Harness
    from tests.fakes.telegram import TOKEN, FakeTelegram

    tg = FakeTelegram().start()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("BRIEFBOT_TELEGRAM_API_URL", tg.base_url)
    monkeypatch.setenv("BRIEFBOT_ADMIN_IDS", "1")
    monkeypatch.setenv("BRIEFBOT_ANALYSIS_WORKERS", "0")
    monkeypatch.setenv("BRIEFBOT_COMMAND_BURST", "1000")  # tests type faster than people; one test floods
    settings = Settings()
    store = Store(settings.db)
    harness = Harness(tg, settings, store, FakeClock(datetime(2026, 11, 27, 6, 0, tzinfo=UTC)))
    await harness.start()
    yield harness
    await harness.stop()
    store.close()
    tg.stop()
    tg.assert_within_spec()
