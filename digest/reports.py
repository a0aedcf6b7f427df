"""How a source's health and an ingest pass are told, in the same words in the terminal and in Telegram."""

from __future__ import annotations

from digest.ingest import IngestReport
from digest.store import Source


def source_health(source: Source) -> str:
    """"ok", "3 errors, last: …" or "DISABLED: …": what an admin needs to know to act."""
    if source["disabled_reason"]:
        return f"DISABLED: {source['disabled_reason']}"
    if source["error_count"]:
        return f"{source['error_count']} errors, last: {source['last_error']}"
    return "ok"


def source_languages(languages: list[str] | None) -> str:
    """"languages: de, en" from a source's article languages, most frequent first; "" before any article."""
    return f"languages: {', '.join(languages)}" if languages else ""


def source_line(source: Source, languages: list[str] | None = None) -> str:
    """One source as the admin lists show it."""
    told = source_languages(languages)
    return (f"#{source['id']} {source['name']} ({source['kind']}) \u2014 last success "
            f"{source['last_success_at'] or 'never'}; {source_health(source)}" + (f"; {told}" if told else ""))


def ingest_report_lines(report: IngestReport) -> list[str]:
    """The pass in a line, then each failed source and the article pages that could not be fetched."""
    lines = [report.summary_line()]
    for outcome in report.outcomes:
        if not outcome.ok:
            lines.append(f"#{outcome.source_id} {outcome.name}: {outcome.error}"
                         + (" (disabled)" if outcome.disabled else ""))
    if report.pages_failed:
        lines.append(f"article pages not fetched (kept the feed text, will retry): {report.pages_failed}")
    return lines
