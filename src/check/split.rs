//! Splitting Easy Read text into sentences and words.
//!
//! Both work on text as written in the resource, with `**bold**` markup and
//! `{placeholders}` still in it; markup characters are never counted as words.

use std::ops::Range;

/// Abbreviations after which a full stop never ends a sentence.
const NEVER_ENDS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "mx", "prof", "st", "e.g", "i.e", "eg", "ie", "vs", "approx", "tel",
    "nb", "n.b", "cf",
];

/// Abbreviations that end a sentence only when a capital letter follows.
const MAY_END: &[&str] = &["etc", "a.m", "p.m"];

/// Splits `text` into sentences: each is its byte range in `text` (trimmed of
/// surrounding white space) and the slice itself.
///
/// A sentence ends at `.`, `!`, `?` or `…` (and any closing quotes or
/// brackets after them) followed by white space or the end of the text. A
/// full stop does not end a sentence when it is part of a number (`1.5`,
/// `01632.960.001`), a web address, an initial (`J. Smith`) or a title such as
/// `Dr.`; an ellipsis, `etc.` and `a.m.`/`p.m.` end one only when a capital
/// letter or digit follows. A blank line always ends a sentence, and so does a
/// single line break when the next line starts with a capital letter, a digit
/// or a list marker (`-`, `*`, `•`); a line break before a lower-case word is
/// a wrapped line inside one sentence. Pieces without any letter or digit
/// (a lone `...` or `-`) are not sentences.
pub fn sentences(text: &str) -> Vec<(Range<usize>, &str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut cuts: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c == '\n' {
            if line_break_ends_sentence(&chars[i + 1..]) {
                cuts.push(start..pos);
                start = pos + c.len_utf8();
            }
            i += 1;
            continue;
        }
        if !is_terminator(c) {
            i += 1;
            continue;
        }
        let run_start = i;
        let mut j = i;
        while j < chars.len() && is_terminator(chars[j].1) {
            j += 1;
        }
        let run: String = chars[run_start..j].iter().map(|&(_, c)| c).collect();
        while j < chars.len() && is_closer(chars[j].1) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
        let at_boundary = chars.get(j).is_none_or(|&(_, c)| c.is_whitespace());
        if at_boundary && run_ends_sentence(text, pos, &run, &chars[j..]) {
            cuts.push(start..end);
            start = end;
        }
        i = j;
    }
    cuts.push(start..text.len());
    cuts.into_iter()
        .filter_map(|r| {
            let r = trim_range(text, r);
            let s = text.get(r.clone())?;
            s.chars().any(char::is_alphanumeric).then_some((r, s))
        })
        .collect()
}

/// The words of `text`, in order (see [`word_ranges`] for what a word is).
pub fn words(text: &str) -> Vec<&str> {
    word_ranges(text, true)
        .into_iter()
        .filter_map(|r| text.get(r))
        .collect()
}

/// Byte ranges of the words in `text`.
///
/// A word is a run of non-space characters with leading and trailing
/// punctuation and markup removed (`**hope**,` → `hope`); tokens with no
/// letter or digit are skipped. Apostrophes and hyphens inside a word stay
/// (`don't`, `well-being` are one word each). With `merge_numbers`, digit
/// groups separated by single spaces count as one word, so the phone number
/// `01632 960 001` is one word.
pub(crate) fn word_ranges(text: &str, merge_numbers: bool) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    // Whether the previous word was a bare digit group ending its token.
    let mut prev_digits_end: Option<usize> = None;
    for token in tokens(text) {
        let Some(word) = trim_word(text, token.clone()) else {
            prev_digits_end = None;
            continue;
        };
        let slice = text.get(word.clone()).unwrap_or("");
        let digits = !slice.is_empty() && slice.chars().all(|c| c.is_ascii_digit());
        if merge_numbers
            && digits
            && let (Some(prev_end), Some(last)) = (prev_digits_end, out.last_mut())
        {
            let gap = text.get(prev_end..word.start).unwrap_or("x");
            if !gap.is_empty() && gap.chars().all(|c| c == ' ') && token.start == word.start {
                last.end = word.end;
                prev_digits_end = (word.end == token.end).then_some(word.end);
                continue;
            }
        }
        prev_digits_end = (digits && word.end == token.end).then_some(word.end);
        out.push(word);
    }
    out
}

/// Ranges of the white-space separated tokens of `text`.
pub(crate) fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(s..i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// `range` without leading and trailing characters that are neither letters
/// nor digits; `None` when nothing is left.
pub(crate) fn trim_word(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = text.get(range.clone())?;
    let lead = s.len() - s.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let inner = s.trim_matches(|c: char| !c.is_alphanumeric());
    if inner.is_empty() {
        return None;
    }
    let start = range.start + lead;
    Some(start..start + inner.len())
}

/// `range` without surrounding white space.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(range.clone()) else {
        return range.start..range.start;
    };
    let lead = s.len() - s.trim_start().len();
    let start = range.start + lead;
    start..start + s.trim().len()
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '"' | '\'' | '”' | '’' | '»' | '*' | '_')
}

/// Whether a line break, followed by `rest`, ends the sentence before it.
fn line_break_ends_sentence(rest: &[(usize, char)]) -> bool {
    for &(_, c) in rest {
        match c {
            ' ' | '\t' | '\r' => continue,
            '\n' => return true,
            c => return starts_new_unit(c),
        }
    }
    false
}

fn starts_new_unit(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '*' | '•' | '–' | '—' | '#')
}

/// Whether a run of terminators `run` at byte `pos` ends a sentence, given the
/// characters after the run and its closers.
fn run_ends_sentence(text: &str, pos: usize, run: &str, after: &[(usize, char)]) -> bool {
    if run.contains(['!', '?']) {
        return true;
    }
    let next_starts_unit = after
        .iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace())
        .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric());
    if run != "." {
        // An ellipsis ("...", "…") pauses unless a new sentence starts.
        return next_starts_unit;
    }
    let before = text.get(..pos).unwrap_or("");
    let word_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let word = before
        .get(word_start..)
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if NEVER_ENDS.contains(&word.as_str()) {
        return false;
    }
    let mut letters = word.chars();
    let original_initial = before
        .get(word_start..)
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    if let (Some(c), None) = (letters.next(), letters.next())
        && c.is_alphabetic()
        && original_initial
    {
        // An initial, as in "J. Smith".
        return false;
    }
    if MAY_END.contains(&word.as_str()) {
        return next_starts_unit;
    }
    true
}
