"""The extraction loop: an article's spans become quotes with their speakers.

Titles and scare quotes (`so-called "..."`, Title Case names of works) are
dropped, each span is attributed, and spans split by a reporting clause
(`"A," he said. "B."`) or continued across paragraphs are merged into one quote.
"""

from __future__ import annotations

import re

from digest.quotes.attribution import (
    WORD_CHARACTER,
    Attributor,
    attribution,
    carry_speaker,
    first_sentence,
    has_clause_after,
    is_title_case,
    last_sentence,
    opens_a_sentence_after,
    sentence_around,
    signature,
    signature_in_run,
)
from digest.quotes.lexicon import (
    CLAUSE_AT_END,
    CONTINUED_SUBJECT,
    INVERTED_CLAUSE_AT_END,
    INVERTED_VERB,
    NAME,
    PRONOUNS,
    REPORTING_ONLY,
    SENTENCE_ACCORDING,
    SENTENCE_START,
    VERB,
    WEAK_SCARE_CUE,
    conditional_speech_before,
    ends_with_verb,
    hypothetical_speech_before,
    names_a_work_after,
    names_a_work_before,
    question_put_to_the_subject,
    quoted_as_saying,
    scare_cue_before,
    sentence_who_judged,
    sentence_who_verb,
)
from digest.quotes.repeats import speak_repeats
from digest.quotes.spans import (
    Quote,
    Span,
    link_continuations,
    quote_spans,
)
from digest.quotes.subjects import LOOKBACK
from digest.text import search_end, words


def extract_quotes(text: str) -> list[Quote]:
    """Every direct quotation in `text` (paragraphs separated by '\\n'), in text order."""
    spans = quote_spans(text)
    if not spans:
        return []
    for span in spans:
        if span.open_end:
            _end_before_clause(text, span)
    link_continuations(text, spans)
    attributor = Attributor(text)
    quotes: list[Quote] = []
    previous_end = -1
    for span in spans:
        content = text[span.start:span.end].strip()
        before, after = sentence_around(text, span.start, span.end)
        narr_before = last_sentence(before)
        if previous_end > span.start - 1 - len(narr_before) and text[previous_end - 1] in ".!?":
            # the sentence before a quote does not run back into a quote before it that closed its sentence, as
            # it can where a single closing mark after a stop is not read as a sentence's end ('‘… people.’―
            # Ann Diaz ‘…’'); a fragment's sentence may hold other quotes (X said ‘…’ and ‘…’)
            narr_before = text[previous_end + 1:span.start - 1]
        previous_end = span.end
        if not WORD_CHARACTER.search(content) or content.isdigit():
            continue  # (an id in markup that reached the text: tweet_id="6942…")
        if span.continues and quotes and quotes[-1].kind == "full":
            quote = quotes[-1]
            quote.add_part(content, span.end)
            if not quote.confident:  # the clause may come only after the last paragraph: '"A. ¶ "B," she said'
                who = attribution(content, after, narr_before, True)
                speaker = attributor.resolve(who, span.start) if who else None
                if speaker:
                    quote.speaker, quote.attributed_by = speaker, _how(who)
            continue
        full = bool(search_end(SENTENCE_START, narr_before, 12) or narr_before.rstrip().endswith((":", ",")) and
                    (content[:1].isupper() or content[:1] in "…'‘" or content[:1].isdigit())) or \
            (content[:1].isupper() and content[-1:] in ",.!?…" and not narr_before.strip())
        if not full and content[:1].isupper() and content[-1:] in ",.!?" and len(words(content)) >= 4:
            full = True
        if not full:
            if not ends_with_verb(narr_before) and (
                    scare_cue_before(narr_before)
                    or search_end(WEAK_SCARE_CUE, narr_before, 8) and not sentence_who_verb(narr_before)):
                continue
            if is_title_case(content):
                continue
        elif is_title_case(content) and not span.open_end:
            continue

        if full and conditional_speech_before(narr_before):
            continue  # 'As Sherlock would say, "…"'
        if names_a_work_after(after) or names_a_work_before(narr_before):
            continue  # 'the "Meth. We're on it." campaign': a name, not speech
        signed = not narr_before.strip() and signature(text, span.end, after)
        who = signed or attribution(content, after, narr_before, full)
        if not who:
            who = signed = signature_in_run(after)
        speaker = attributor.resolve(who, span.start) if who else None
        how = "signature" if signed and speaker else _how(who)
        # the writer's own words ("…?" I asked), or a question put to the subject ('X was asked, "…?"'): nobody's
        # to carry or merge
        narrator = who == "I"
        if full and question_put_to_the_subject(narr_before):
            narrator, speaker, how = True, None, "none"
        if speaker is None and quotes and CONTINUED_SUBJECT.match(narr_before) and quotes[-1].speaker \
                and not text.count("\n", quotes[-1].end, span.start):
            speaker, how = quotes[-1].speaker, quotes[-1].attributed_by  # '… "A" but said that "B"'
        if not full and speaker is None:
            after_sentence = first_sentence(after)
            sentence = narr_before + " " + after_sentence
            # a fragment that ends its sentence ('… is telling supporters that "when you win, it's beautiful."
            # The businessman says …') is the words of its own sentence's clause, where that has one
            # (the whole sentence is searched first: its clause is most often before the fragment, and then it is
            # the one the fragment's own sentence has, found with one search)
            sentence_match = _fragment_clause(sentence)
            readings: tuple[tuple[str, re.Match[str] | None], ...] = ((sentence, sentence_match),)
            if opens_a_sentence_after(content, after_sentence) and (
                    sentence_match is None or sentence_match.start("who") >= len(narr_before)):
                readings = ((narr_before, _fragment_clause(narr_before)), *readings)
            for reading, match in readings:
                if match is not None:
                    speaker = attributor.resolve(match.group("who"), span.start)
                else:
                    speaker = _judged_by(attributor, reading, span.start)
                if speaker is not None:
                    break
            if speaker is None:
                continue  # an unattributed fragment is a scare quote, not speech; nor is one nobody is named for
            how = "sentence"
        if (full and not narrator and quotes and quotes[-1].kind == "full" and _merges(text, quotes[-1], span)
                and (speaker is None or speaker == quotes[-1].speaker) and not has_clause_after(content, after)):
            quotes[-1].add_part(content, span.end)
            if quotes[-1].speaker is None and speaker is not None:
                quotes[-1].speaker, quotes[-1].attributed_by = speaker, how
            continue
        if speaker is None and full and not narrator:
            if hypothetical_speech_before(narr_before):
                continue  # '… instead of saying, "…"': words nobody said
            speaker, how = carry_speaker(quotes, span, text, attributor)
        quotes.append(Quote(content, speaker, "full" if full else "partial", span.start, end=span.end,
                            attributed_by=how if speaker else "none"))
    for q in quotes:
        if q.parts and len(q.parts) == 1:
            q.parts = []
    speak_repeats(quotes)
    return quotes


# a reporting clause inside a span that no mark closed: '"The industry is based on anecdote, people saying
# 'I take this,' said Dr. Edgar Miller, …' (the source lost the closing mark; the quoted words end at the clause,
# which ends there too: not "…, Kerry said that …" inside a long quote)
_CLAUSE_INSIDE = re.compile(rf"[,!?]['’]?(?=\s+(?:(?:{INVERTED_VERB})\s+{NAME}|{NAME}\s+(?:{VERB}))\s*[,.])")


def _fragment_clause(sentence: str) -> re.Match[str] | None:
    """The reporting clause of a sentence that quotes a fragment: a clause that closes the sentence names who
    said it ('"A variety of factors" led to ..., Zuroff said.'), whoever else the sentence names first."""
    return (quoted_as_saying(sentence) or search_end(CLAUSE_AT_END, sentence, LOOKBACK)
            or search_end(INVERTED_CLAUSE_AT_END, sentence, LOOKBACK) or sentence_who_verb(sentence)
            or SENTENCE_ACCORDING.search(sentence))


def _end_before_clause(text: str, span: Span) -> None:
    """A span left open whose words are followed by a reporting clause ends at the clause."""
    match = _CLAUSE_INSIDE.search(text, span.start, span.end)
    if match:
        span.end, span.open_end = match.start() + 1, False


def _judged_by(attributor: Attributor, sentence: str, position: int) -> str | None:
    """The person whose words a fragment is when the sentence has a person judge or report them ('the
    pontiff expressed hope that Egypt will "build …"', 'Smith criticized the "game-playing"'): a person
    the article quotes, not any subject (a programme, "his books") the verb may follow."""
    match = sentence_who_judged(sentence)
    if match is None:
        return None
    speaker = attributor.resolve(match.group("who"), position)
    return speaker if speaker in attributor.names.people else None


def _how(who: str | None) -> str:
    """How a speaker found from reporting-clause subject `who` was attributed."""
    return ("pronoun" if who.lower() in PRONOUNS else "clause") if who else "none"


def _merges(text: str, prev: Quote, span: Span) -> bool:
    """`"A," he said. "B."` - only a reporting clause after A separates the two spans."""
    prev_end = prev.end
    if prev_end < 0 or text.find("\n", prev_end, span.start) != -1:
        return False
    between = text[prev_end + 1:span.start - 1]
    if not prev.quote.rstrip().endswith((",", "?", "!", ".", "…")) and not between.strip().startswith(","):
        return False
    return bool(REPORTING_ONLY.match(between))
