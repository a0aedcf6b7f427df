"""Every text the bot shows, in its reader's language: gettext catalogues (`locales/<lang>/LC_MESSAGES/
briefbot.po`, read with Babel), dates in the reader's locale.

A chat speaks the language chosen with /language, else its user's Telegram language when we have it, else
English. A group or channel takes the language of the admin who set it up until /language says otherwise:
one chat, one language, whoever writes in it.

Texts are written once, in English, in the code: `_("Time zone set to {zone}.", zone=...)` with a Texts
object for the reader (`texts_for(chat)`); a module-level text is marked with `N_` and translated where it
is shown. `pybabel extract` finds both (see the README, "Translating"); `tests/test_i18n.py` checks that
every catalogue has every text, with the same placeholders and tags.
"""

from __future__ import annotations

import functools
import gettext
import io
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton, format_time
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "briefbot"
LOCALES = Path(__file__).parent / "locales"
DEFAULT = "en"
# each language by its own name, as the /language buttons show it
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "es": "Español", "fr": "Français",
                             "pt": "Português", "ru": "Русский", "ko": "한국어"}


def N_(message: str) -> str:  # noqa: N802 - the gettext convention pybabel looks for
    """Marks a text for the catalogues where it is defined; it is translated where it is shown."""
    return message


def supported(code: str | None) -> str | None:
    """The language we speak for a Telegram `language_code` ("pt-br" -> "pt", "de" -> "de"), if any."""
    base = (code or "").replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else None


def chat_language(chat: Mapping[str, Any] | None) -> str:
    if not chat:
        return DEFAULT
    return supported(chat.get("language")) or supported(chat.get("language_code")) or DEFAULT


class Texts:
    """One language's texts: `_(message, **values)` translates and fills in; `_.plural` chooses the
    form for a count; `_.date` writes a moment as the language does."""

    def __init__(self, language: str):
        self.language = language
        self._catalogue = _translations(language)

    def __call__(self, message: str, /, **values: Any) -> str:
        text = self._catalogue.gettext(message)
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, n: int, /, **values: Any) -> str:
        return self._catalogue.ngettext(singular, plural, n).format(n=n, **values)

    def list(self, items: list[str], style: str = "standard") -> str:
        """Items joined as the language joins them ("a, b and c"; style "or": "a or b")."""
        return format_list(items, style=style, locale=self.language)  # type: ignore[arg-type]

    def date(self, when: datetime, zone: ZoneInfo) -> str:
        """Day and time of a story in the reader's zone ("17 nov. 2026, 07:00", "2026년 11월 17일, 07:00")."""
        local = when.astimezone(zone)
        return (f"{format_skeleton('yMMMd', local, locale=self.language)}, "
                f"{format_time(local, 'HH:mm', locale=self.language)}")


def texts(language: str) -> Texts:
    """The texts of a language we speak, else English."""
    return _texts(language if language in LANGUAGES else DEFAULT)


@functools.cache
def _texts(language: str) -> Texts:
    return Texts(language)


def texts_for(chat: Mapping[str, Any] | None) -> Texts:
    return texts(chat_language(chat))


@functools.cache
def _translations(language: str) -> gettext.NullTranslations:
    """A catalogue compiled from its .po file in memory: the .po is the one file translators edit, and
    no compiled file can fall out of step with it."""
    path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == DEFAULT or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        catalogue = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


ENGLISH = texts(DEFAULT)
