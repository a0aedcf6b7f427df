"""`briefbot run` as a real subprocess against the fake Bot API, as an operator would start it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.fakes.telegram import TOKEN, FakeTelegram


def start_bot(env_dir: Path, tg: FakeTelegram, *args: str, extra_env: dict[str, str] | None = None,
              log: Path | None = None) -> subprocess.Popen:
    """Start the bot on `env_dir`/bot.db; its output goes to `log` (a file: a pipe nobody reads can fill
    up and stall a long-running bot) or is captured for `stop_bot` to return."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_") and k != "TELEGRAM_BOT_TOKEN"}
    env.update({"TELEGRAM_BOT_TOKEN": TOKEN, "BRIEFBOT_TELEGRAM_API_URL": tg.base_url,
                "BRIEFBOT_DB": str(env_dir / "bot.db"), "BRIEFBOT_ANALYSIS_WORKERS": "0",
                "BRIEFBOT_ADMIN_IDS": "1", **(extra_env or {})})
    output = open(log, "a") if log else subprocess.PIPE  # noqa: SIM115 - closed with the process
    return subprocess.Popen([sys.executable, "-m", "bot", "run", *args], env=env, cwd=env_dir,
                            stdout=output, stderr=subprocess.STDOUT, text=True)


def stop_bot(proc: subprocess.Popen) -> str:
    """SIGTERM, as systemd and docker stop it; returns what it printed (when captured)."""
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=30)
    return out or ""


def kill_bot(proc: subprocess.Popen) -> None:
    """SIGKILL: no handler runs, nothing is flushed or closed."""
    proc.kill()
    proc.wait(timeout=30)
