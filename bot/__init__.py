"""Everything that knows Telegram: the application, commands, the push, rendering, and the CLI."""

import os

# Opt in to python-telegram-bot's coming API: RetryAfter.retry_after as a timedelta (bot/push.py reads both).
os.environ.setdefault("PTB_TIMEDELTA", "1")
