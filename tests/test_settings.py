from pathlib import Path

import pytest
from pydantic import ValidationError

from digest.settings import Settings, check_timezone, parse_hhmm

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented_in_env_example():
    documented = ROOT.joinpath(".env.example").read_text()
    for name in Settings.model_fields:
        env_name = "TELEGRAM_BOT_TOKEN" if name == "telegram_bot_token" else f"BRIEFBOT_{name.upper()}"
        assert f"\n{env_name}=" in documented, env_name


def test_defaults(env, monkeypatch):
    monkeypatch.delenv("BRIEFBOT_DB")
    monkeypatch.delenv("BRIEFBOT_ALLOW_PRIVATE_HOSTS")
    s = Settings()
    assert (s.db, s.telegram_api_url, s.digest_time, s.timezone, s.allow_private_hosts, s.admin_ids) == (
        Path("briefbot.db"), "https://api.telegram.org/bot", "08:00", "UTC", False, frozenset())


def test_values_from_environment(env, monkeypatch):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:abc")
    monkeypatch.setenv("BRIEFBOT_ADMIN_IDS", " 1, 22 ,333")
    monkeypatch.setenv("BRIEFBOT_DIGEST_TIME", "7:05")
    monkeypatch.setenv("BRIEFBOT_TIMEZONE", "Asia/Seoul")
    s = Settings()
    assert s.telegram_bot_token == "123:abc" and s.admin_ids == {1, 22, 333}
    assert s.digest_time == "07:05" and s.timezone == "Asia/Seoul"


def test_dotenv_file_is_read(env):
    (env / ".env").write_text("BRIEFBOT_DIGEST_ITEMS=3\nBRIEFBOT_TIMEZONE=Europe/Berlin\n")
    s = Settings()
    assert s.digest_items == 3 and s.timezone == "Europe/Berlin"


@pytest.mark.parametrize("key, value", [("BRIEFBOT_ADMIN_IDS", "alice,bob"), ("BRIEFBOT_DIGEST_TIME", "25:00"),
                                        ("BRIEFBOT_TIMEZONE", "Mars/Base"), ("BRIEFBOT_TELEGRAM_API_URL", "ftp://x")])
def test_bad_values_are_refused(env, monkeypatch, key, value):
    monkeypatch.setenv(key, value)
    with pytest.raises(ValidationError):
        Settings()


@pytest.mark.parametrize("value", ["24:00", "8", "08:60", "noon", ""])
def test_parse_hhmm_rejects(value):
    with pytest.raises(ValueError):
        parse_hhmm(value)


@pytest.mark.parametrize("zone", ["../../etc/passwd", "Not/AZone", "", "Europe"])
def test_check_timezone_rejects(zone):
    with pytest.raises(ValueError):
        check_timezone(zone)
