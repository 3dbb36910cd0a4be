//! The text rules: everything that can be checked from the words alone.
//!
//! Works on the value of one paragraph and returns byte ranges into it; the
//! caller turns them into source spans.

use std::collections::BTreeSet;
use std::ops::Range;

use super::readability::{flesch_reading_ease, syllables};
use super::split::{sentences, tokens, trim_word, word_ranges};
use super::{Policy, Rule};

/// A finding before it has a source span.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Raw {
    pub rule: Rule,
    pub range: Range<usize>,
    pub message: String,
    pub hint: String,
}

impl Raw {
    fn new(rule: Rule, range: Range<usize>, message: String, hint: impl Into<String>) -> Self {
        Raw {
            rule,
            range,
            message,
            hint: hint.into(),
        }
    }
}

/// Capitalised everyday words: in capitals they are emphasis, not acronyms.
const EMPHASIS_WORDS: &[&str] = &[
    "ALL", "ALWAYS", "AND", "ARE", "ASK", "BE", "BUT", "CALL", "CAN", "DO", "DONT", "FREE", "GET",
    "GO", "HELP", "HERE", "HOW", "IF", "IN", "IS", "IT", "KEEP", "ME", "MUST", "MY", "NEVER", "NO",
    "NOT", "NOW", "OF", "ON", "ONLY", "OR", "OUR", "SAFE", "SAY", "STAY", "STOP", "TALK", "THE",
    "THIS", "TO", "US", "VERY", "WE", "WHAT", "WHEN", "WHO", "WHY", "WILL", "YES", "YOU", "YOUR",
];

/// Numbers one to twenty written as words.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
];

/// Words before "one" that make it a pronoun ("no one", "this one").
const ONE_AS_PRONOUN_AFTER: &[&str] = &[
    "no", "the", "this", "that", "each", "any", "every", "which", "little", "loved", "right",
    "other", "only", "a", "another",
];

/// Abbreviations (dots removed, lower case) and what to write instead.
const ABBREVIATIONS: &[(&str, &str)] = &[
    (
        "eg",
        "write \"for example\", or give the example as its own sentence",
    ),
    (
        "ie",
        "write \"this means\", or explain it in a new sentence",
    ),
    (
        "etc",
        "list all the things that matter, or write \"and other things\"",
    ),
    ("approx", "write \"about\""),
    ("viz", "write \"these are\""),
    ("nb", "write it as its own short sentence"),
];

/// Pronouns whose `'s` is a contraction of "is" (not a possessive).
const S_CONTRACTIONS: &[&str] = &[
    "it",
    "that",
    "there",
    "here",
    "what",
    "who",
    "he",
    "she",
    "where",
    "how",
    "when",
    "why",
    "let",
    "everyone",
    "someone",
    "nobody",
    "everything",
    "something",
];

/// Runs every text rule on `text`. `explained` holds the acronyms already
/// explained (or already reported) earlier in the document; acronyms
/// explained or reported here are added to it.
pub(crate) fn check(text: &str, policy: &Policy, explained: &mut BTreeSet<String>) -> Vec<Raw> {
    let mut out = Vec::new();
    sentence_rules(text, policy, &mut out);
    markup_rules(text, &mut out);
    let abbreviated = word_rules(text, &mut out);
    caps_rules(text, policy, explained, &abbreviated, &mut out);
    phone_rules(text, &mut out);
    readability_rule(text, policy, &mut out);
    out.sort_by(|a, b| {
        (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
    });
    out
}

fn quote(text: &str, range: &Range<usize>, max_chars: usize) -> String {
    let s = text.get(range.clone()).unwrap_or("");
    let mut q: String = s.chars().take(max_chars).collect();
    if s.chars().count() > max_chars {
        q.push('…');
    }
    q.replace('\n', " ")
}

fn sentence_rules(text: &str, policy: &Policy, out: &mut Vec<Raw>) {
    let list = sentences(text);
    for (range, s) in &list {
        let words = word_ranges(s, true);
        if words.len() > policy.max_sentence_words {
            let split_at = words
                .get(policy.max_sentence_words)
                .and_then(|w| s.get(w.clone()))
                .unwrap_or("");
            out.push(Raw::new(
                Rule::SentenceTooLong,
                range.clone(),
                format!(
                    "this sentence has {} words; an Easy Read sentence has at most {}: \"{}\"",
                    words.len(),
                    policy.max_sentence_words,
                    quote(text, range, 40)
                ),
                format!(
                    "split it into short sentences with one idea each (word {} is \"{split_at}\")",
                    policy.max_sentence_words + 1
                ),
            ));
        }
    }
    if list.len() > policy.max_sentences
        && let (Some((first, _)), Some((last, _))) = (list.get(policy.max_sentences), list.last())
    {
        out.push(Raw::new(
            Rule::TooManySentences,
            first.start..last.end,
            format!(
                "this paragraph has {} sentences; an Easy Read row has at most {}",
                list.len(),
                policy.max_sentences
            ),
            "move the sentences from here on into a new row with its own picture",
        ));
    }
}

/// `*italic*`, `***bold italic***`, `_italic_`, `__underline__` and HTML
/// `<i>`, `<em>`, `<u>`, `<ins>` tags.
fn markup_rules(text: &str, out: &mut Vec<Raw>) {
    let hint = "use **bold** for a word that matters, or no emphasis at all";
    for marker in ['*', '_'] {
        let runs = marker_runs(text, marker);
        let mut used = vec![false; runs.len()];
        for i in 0..runs.len() {
            let (open, len) = runs[i];
            let italic_len = if marker == '*' {
                len == 1 || len == 3
            } else {
                len <= 2
            };
            if used[i] || !italic_len || !can_open(text, open, len, marker) {
                continue;
            }
            let close = (i + 1..runs.len())
                .find(|&j| !used[j] && runs[j].1 == len && can_close(text, runs[j].0, len, marker));
            if let Some(j) = close {
                used[i] = true;
                used[j] = true;
                let range = open..runs[j].0 + len;
                let what = if marker == '_' && len == 2 {
                    "underlined"
                } else {
                    "italic"
                };
                out.push(Raw::new(
                    Rule::ItalicUnderlineCaps,
                    range.clone(),
                    format!(
                        "\"{}\" is marked as {what} text, which is hard to read",
                        quote(text, &range, 30)
                    ),
                    hint,
                ));
            }
        }
    }
    let lower = text.to_ascii_lowercase();
    for tag in ["<i>", "<em>", "<u>", "<ins>"] {
        let close = format!("</{}", &tag[1..]);
        let mut from = 0;
        while let Some(found) = lower.get(from..).and_then(|s| s.find(tag)) {
            let start = from + found;
            let after = start + tag.len();
            let end = lower
                .get(after..)
                .and_then(|s| s.find(&close))
                .map_or(after, |k| after + k + close.len());
            let what = if matches!(tag, "<u>" | "<ins>") {
                "underlined"
            } else {
                "italic"
            };
            out.push(Raw::new(
                Rule::ItalicUnderlineCaps,
                start..end,
                format!("`{tag}` marks {what} text, which is hard to read"),
                hint,
            ));
            from = end.max(after);
        }
    }
}

/// (byte position, length) of each run of `marker` characters.
fn marker_runs(text: &str, marker: char) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        if c != marker {
            continue;
        }
        match runs.last_mut() {
            Some((start, len)) if *start + *len == i => *len += 1,
            _ => runs.push((i, 1)),
        }
    }
    runs
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|s| s.chars().next_back())
}

fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

fn can_open(text: &str, at: usize, len: usize, marker: char) -> bool {
    let next_ok = char_after(text, at + len).is_some_and(|c| !c.is_whitespace());
    let prev_ok = marker == '*' || char_before(text, at).is_none_or(|c| !c.is_alphanumeric());
    next_ok && prev_ok
}

fn can_close(text: &str, at: usize, len: usize, marker: char) -> bool {
    let prev_ok = char_before(text, at).is_some_and(|c| !c.is_whitespace());
    let next_ok = marker == '*' || char_after(text, at + len).is_none_or(|c| !c.is_alphanumeric());
    prev_ok && next_ok
}

/// Contractions, abbreviations and numbers as words. Returns the ranges of
/// abbreviations found, so the capitals rule skips them (`N.B.`).
fn word_rules(text: &str, out: &mut Vec<Raw>) -> Vec<Range<usize>> {
    let mut abbreviated = Vec::new();
    let words: Vec<Range<usize>> = word_ranges(text, false);
    for (k, range) in words.iter().enumerate() {
        let Some(word) = text.get(range.clone()) else {
            continue;
        };
        let lower = word.to_lowercase().replace('’', "'");
        let plain: String = lower.chars().filter(|&c| c != '.').collect();
        if let Some((_, hint)) = ABBREVIATIONS.iter().find(|(a, _)| *a == plain) {
            let dotted = text.get(range.end..).is_some_and(|s| s.starts_with('.'));
            let full = range.start..range.end + usize::from(dotted);
            out.push(Raw::new(
                Rule::Abbreviations,
                full.clone(),
                format!(
                    "\"{}\" is an abbreviation that many readers do not know",
                    quote(text, &full, 12)
                ),
                *hint,
            ));
            abbreviated.push(full);
            continue;
        }
        if let Some(full) = expand_contraction(&lower) {
            out.push(Raw::new(
                Rule::Contractions,
                range.clone(),
                format!("\"{word}\" is a contraction"),
                format!("write it in full: \"{}\"", match_case(word, &full)),
            ));
            continue;
        }
        for part in lower.split('-') {
            let Some(&(_, n)) = NUMBER_WORDS.iter().find(|(w, _)| *w == part) else {
                continue;
            };
            if part == "one" && one_is_pronoun(text, &words, k) {
                continue;
            }
            out.push(Raw::new(
                Rule::NumbersAsWords,
                range.clone(),
                format!("the number \"{word}\" is written as a word"),
                format!("write numbers as digits: \"{n}\""),
            ));
            break;
        }
    }
    abbreviated
}

fn one_is_pronoun(text: &str, words: &[Range<usize>], k: usize) -> bool {
    let prev = k
        .checked_sub(1)
        .and_then(|p| words.get(p))
        .and_then(|r| text.get(r.clone()))
        .map(str::to_lowercase);
    let next = words
        .get(k + 1)
        .and_then(|r| text.get(r.clone()))
        .map(str::to_lowercase);
    prev.is_some_and(|p| ONE_AS_PRONOUN_AFTER.contains(&p.as_str()))
        || next.is_some_and(|n| matches!(n.as_str(), "another" | "anyone" | "else"))
}

/// The full form of a contraction (lower case, `'` apostrophes), if `w` is one.
fn expand_contraction(w: &str) -> Option<String> {
    let special = [
        ("can't", "cannot"),
        ("won't", "will not"),
        ("shan't", "shall not"),
        ("ain't", "is not"),
        ("let's", "let us"),
        ("i'm", "I am"),
    ];
    if let Some((_, full)) = special.iter().find(|(c, _)| *c == w) {
        return Some((*full).to_owned());
    }
    if let Some(stem) = w.strip_suffix("n't") {
        return (!stem.is_empty()).then(|| format!("{stem} not"));
    }
    for (suffix, full) in [
        ("'re", "are"),
        ("'ve", "have"),
        ("'ll", "will"),
        ("'m", "am"),
        ("'d", "would"),
    ] {
        if let Some(stem) = w.strip_suffix(suffix)
            && stem.chars().any(char::is_alphabetic)
            && !stem.contains('\'')
        {
            let stem = if stem == "i" { "I" } else { stem };
            return Some(format!("{stem} {full}"));
        }
    }
    let stem = w.strip_suffix("'s")?;
    S_CONTRACTIONS.contains(&stem).then(|| format!("{stem} is"))
}

/// `full` with its first letter in capitals when `original`'s is.
fn match_case(original: &str, full: &str) -> String {
    if !original.chars().next().is_some_and(char::is_uppercase) {
        return full.to_owned();
    }
    let mut chars = full.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// How a token written in capitals reads.
#[derive(Debug, Clone, PartialEq)]
enum Caps {
    /// Not in capitals (or fewer than 2 letters).
    No,
    /// A 2–5 letter acronym candidate, with its key (plural `s` removed).
    Acronym(String),
    /// Capitals used as emphasis.
    Emphasis,
}

fn classify(word: &str) -> Caps {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        // Times and sizes such as "5PM", "2XL".
        return Caps::No;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 {
        return Caps::No;
    }
    let (key, stem_letters) = match word.strip_suffix('s') {
        Some(stem) if stem.chars().filter(|c| c.is_alphabetic()).count() >= 2 => {
            (stem, &letters[..letters.len() - 1])
        }
        _ => (word, &letters[..]),
    };
    if !stem_letters.iter().all(|c| c.is_uppercase()) {
        return Caps::No;
    }
    let key = if letters.iter().all(|c| c.is_uppercase()) {
        word
    } else {
        key
    };
    let n = key.chars().filter(|c| c.is_alphabetic()).count();
    if key.contains(['\'', '’']) || n > 5 || EMPHASIS_WORDS.contains(&key) {
        Caps::Emphasis
    } else {
        Caps::Acronym(key.to_owned())
    }
}

/// Whether the acronym at `range` is explained right here: followed by a
/// bracket or dash explanation, by "stands for"/"means"/"is short for", or
/// itself in brackets after the words it stands for.
fn explained_here(text: &str, range: &Range<usize>) -> bool {
    let after = text.get(range.end..).unwrap_or("");
    // `**` closing bold markup is not part of what follows.
    let rest = after
        .trim_start_matches('*')
        .trim_start_matches([' ', '\t']);
    if let Some(inner) = rest.strip_prefix('(') {
        let inside = inner.split(')').next().unwrap_or("");
        if inside.chars().any(char::is_lowercase) {
            return true;
        }
    }
    for dash in ["-", "–", "—", ":"] {
        if let Some(tail) = rest.strip_prefix(dash)
            && tail.starts_with(char::is_whitespace)
            && tail.trim_start().starts_with(char::is_alphabetic)
        {
            return true;
        }
    }
    let lower = rest.to_lowercase();
    if ["stands for ", "means ", "is short for "]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    let before = text.get(..range.start).unwrap_or("");
    if let Some(outer) = before.strip_suffix('(') {
        let closes = after.trim_start_matches('s').starts_with(')');
        let words_before = outer
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() || c == '*');
        return closes && words_before;
    }
    false
}

fn caps_rules(
    text: &str,
    policy: &Policy,
    explained: &mut BTreeSet<String>,
    skip: &[Range<usize>],
    out: &mut Vec<Raw>,
) {
    let items: Vec<(Range<usize>, Caps)> = tokens(text)
        .into_iter()
        .filter_map(|t| trim_word(text, t))
        .filter(|r| !skip.iter().any(|s| s.start <= r.start && r.end <= s.end))
        .map(|r| {
            let class = classify(text.get(r.clone()).unwrap_or(""));
            (r, class)
        })
        .collect();
    let accepted = |key: &str, explained: &BTreeSet<String>| {
        policy.known_acronyms.contains(key) || explained.contains(key)
    };
    let mut i = 0;
    while i < items.len() {
        // A run of two or more capitalised words, other than accepted
        // acronyms, is shouting.
        let mut j = i;
        while j < items.len() && items[j].1 != Caps::No {
            j += 1;
        }
        let shouting = items[i..j]
            .iter()
            .filter(|(_, c)| !matches!(c, Caps::Acronym(k) if accepted(k, explained)))
            .count();
        if j > i + 1 && shouting >= 2 {
            let range = items[i].0.start..items[j - 1].0.end;
            out.push(caps_emphasis(text, range));
            i = j;
            continue;
        }
        if j == i {
            i += 1;
            continue;
        }
        for (range, class) in &items[i..j] {
            match class {
                Caps::No => {}
                Caps::Emphasis => out.push(caps_emphasis(text, range.clone())),
                Caps::Acronym(key) => {
                    if accepted(key, explained) {
                        continue;
                    }
                    explained.insert(key.clone());
                    if !explained_here(text, range) {
                        out.push(Raw::new(
                            Rule::UnexplainedAcronym,
                            range.clone(),
                            format!("\"{key}\" is not explained the first time it is used"),
                            format!(
                                "explain it here, as in \"{key} (what it stands for)\"; \
                                 if it is a word in capitals for emphasis, write it in \
                                 lower case and use **bold**"
                            ),
                        ));
                    }
                }
            }
        }
        i = j;
    }
}

fn caps_emphasis(text: &str, range: Range<usize>) -> Raw {
    Raw::new(
        Rule::ItalicUnderlineCaps,
        range.clone(),
        format!(
            "\"{}\" is written in capital letters",
            quote(text, &range, 30)
        ),
        "write it in lower case; use **bold** for a word that matters",
    )
}

/// Brackets in phone numbers: `(01632) 960 001`, `+44 (0)1632 960 001`, or a
/// whole number in brackets, `(01632 960 001)`.
fn phone_rules(text: &str, out: &mut Vec<Raw>) {
    let mut from = 0;
    while let Some(k) = text.get(from..).and_then(|s| s.find('(')) {
        let open = from + k;
        from = open + 1;
        let Some(len) = text.get(open + 1..).and_then(|s| s.find(')')) else {
            break;
        };
        let close = open + 1 + len;
        let inner = text.get(open + 1..close).unwrap_or("");
        let digits = inner.chars().filter(char::is_ascii_digit).count();
        let phone_chars = inner
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '+');
        if !phone_chars || digits == 0 {
            continue;
        }
        let after = text.get(close + 1..).unwrap_or("");
        let tail = after.trim_start_matches(' ');
        let digits_follow = tail.starts_with(|c: char| c.is_ascii_digit());
        let digits_before = text
            .get(..open)
            .unwrap_or("")
            .trim_end_matches(' ')
            .ends_with(|c: char| c.is_ascii_digit());
        if !(digits_follow || digits_before || digits >= 6) {
            continue;
        }
        let start = if digits_before {
            let head = text.get(..open).unwrap_or("").trim_end_matches(' ');
            let number_start = head
                .rfind(|c: char| !(c.is_ascii_digit() || c == ' ' || c == '+'))
                .map_or(0, |i| {
                    i + head
                        .get(i..)
                        .and_then(|s| s.chars().next())
                        .map_or(1, char::len_utf8)
                });
            let number = text.get(number_start..open).unwrap_or("");
            number_start + (number.len() - number.trim_start().len())
        } else {
            open
        };
        let mut end = close + 1;
        if digits_follow {
            let body = after.len()
                - after
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
                    .len();
            end = close + 1 + after.get(..body).unwrap_or("").trim_end().len();
        }
        let range = start..end;
        let written = quote(text, &range, 30);
        let fixed: String = written
            .chars()
            .filter(|c| !matches!(c, '(' | ')'))
            .collect::<String>()
            .replace("+44 0", "0");
        out.push(Raw::new(
            Rule::PhoneBrackets,
            range,
            format!("the phone number \"{written}\" has brackets in it"),
            format!("write it with spaces only, as in \"{}\"", fixed.trim()),
        ));
        from = end.max(open + 1);
    }
}

fn readability_rule(text: &str, policy: &Policy, out: &mut Vec<Raw>) {
    let words = super::split::words(text);
    if words.len() < policy.min_readability_words {
        return;
    }
    let score = flesch_reading_ease(text);
    if score >= policy.min_flesch {
        return;
    }
    let mut long: Vec<&str> = Vec::new();
    for w in &words {
        if syllables(w) >= 3 && w.chars().any(char::is_alphabetic) && !long.contains(w) {
            long.push(w);
        }
    }
    let hint = if long.is_empty() {
        "use shorter sentences and shorter everyday words".to_owned()
    } else {
        let list: Vec<String> = long.iter().take(4).map(|w| format!("\"{w}\"")).collect();
        format!(
            "use shorter sentences and shorter everyday words (long words here: {})",
            list.join(", ")
        )
    };
    out.push(Raw::new(
        Rule::ReadabilityLow,
        super::split::trim_range(text, 0..text.len()),
        format!(
            "this paragraph scores {score:.0} on the Flesch Reading Ease scale; the target is {:.0} or more",
            policy.min_flesch
        ),
        hint,
    ));
}
