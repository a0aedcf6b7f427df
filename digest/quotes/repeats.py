"""A display quote, pull quote or subheading that repeats a quote the article attributes further on is that
speaker's, in any language: the repeat is shown as what it is, the same words from the same person."""

from __future__ import annotations

from digest.quotes.spans import Quote

_PUNCTUATION = ".,;:!?\"'“”‘’«»„‚‹›「」『』()[]…—–-"


def speak_repeats(quotes: list[Quote]) -> None:
    """A pull quote or subheading that repeats words of a quote the article attributes further on ('"We will
    rebuild"' over the story, '"We will rebuild every home," Mayor Ann Cole said' in it) is that speaker's.
    A display quote is an excerpt: its first words are found in the quote it repeats (a substring test that
    spares splitting every quote into words), then most of its words."""
    sure = [(q, _plain(q.quote)) for q in quotes[1:] if q.confident]
    if not sure:
        return
    for quote in quotes:
        if quote.confident or quote.start >= sure[-1][0].start:
            continue
        head = _plain(quote.quote)[:12]
        for source, plain in sure:
            if source.start <= quote.start or head not in plain:
                continue
            own = _words_of(quote.quote)
            # (most of its words, in a quote further on: a display quote previews the body; a quote that
            # repeats an earlier one is more often someone quoting it back)
            if len(own) >= 3 and len(own & _words_of(source.quote)) >= 0.8 * len(own):
                quote.speaker, quote.attributed_by = source.speaker, source.attributed_by
                break


_NO_MARKS = str.maketrans("", "", "\"'“”‘’«»„‚‹›「」『』")


def _plain(text: str) -> str:
    """Lower case without quotation marks or apostrophes: "the 'Giuliani problem'" holds "The Giuliani problem"."""
    return text.lower().translate(_NO_MARKS)


def _words_of(text: str) -> set[str]:
    return {word.strip(_PUNCTUATION) for word in text.lower().split()}
