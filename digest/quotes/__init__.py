"""Direct quotations with their speakers, and the choice of an article's key quote.

A rule-based extractor: on news it is faster and more accurate than a parser-based
one (textacy + spaCy: ~110 ms per article and quote marks mis-paired across
paragraphs). The steps, one module each, in the order they depend on each other:

- `lexicon`: the words and phrase patterns of English news writing (reporting
  verbs, titles, organisation words, the shapes of names and descriptions);
- `spans`: quoted spans paragraph by paragraph (straight and curly double marks;
  UK single marks when an article uses no double ones), a span that runs to the
  end of a paragraph carried into the next paragraph that reopens a quote;
- `subjects`: where reporting verbs are and the subjects written before them;
- `names`: the people and organisations an article names, so that a surname or a
  pronoun resolves to the fullest form of a name;
- `attribution`: the speaker of a span, from the reporting clause around it
  (`"…," X said`, `"…," said X`, `X said: "…"`, `according to X`), documents and
  statements, a pronoun resolved to the last named speaker;
- `extract`: the loop over an article's spans: titles and scare quotes
  (`so-called "..."`, Title Case names of works) dropped, spans split by a
  reporting clause (`"A," he said. "B."`) merged into one quote;
- `repeats`: a display quote or subheading that repeats a body quote takes its speaker (every language);
- `key_quote`: the strongest quote for a briefing.

Other languages: `speech` holds each one's quotation marks and reporting words, and `marked`
reads quotes and speakers with them (`quotes_in` picks the rules of an article's language).
"""

from digest.languages import Language
from digest.quotes.extract import extract_quotes
from digest.quotes.key_quote import choose_key_quote
from digest.quotes.marked import marked_quotes
from digest.quotes.names import clean_name
from digest.quotes.spans import Quote
from digest.quotes.speech import speech_of


def quotes_in(text: str, language: Language) -> list[Quote]:
    """The quotes of a text in `language`: English by its own rules, the languages `speech` describes
    by theirs; none in any other (no quotes rather than wrong ones)."""
    if language.code == "en":
        return extract_quotes(text)
    speech = speech_of(language.code)
    return marked_quotes(text, speech, language.function_words()) if speech is not None else []


__all__ = ["Quote", "choose_key_quote", "clean_name", "extract_quotes", "quotes_in"]
