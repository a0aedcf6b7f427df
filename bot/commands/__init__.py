"""Commands: one short async function each, arguments checked with a usage reply (bot/app.py registers them)."""
