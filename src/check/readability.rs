//! Flesch Reading Ease and the syllable counter behind it.
//!
//! The counter is a heuristic, tuned for the everyday English of recovery
//! resources. It is exact on the words in this module's tests; it misses
//! some words (`every` counts 3, `million` 2 but `quiet` 1), which moves a
//! paragraph's score by a point or two at most.

use super::split::{sentences, words};

/// Words that are often the first part of a compound; the compound is
/// counted as its two parts (`someone` = `some` + `one`).
const COMPOUND_HEADS: &[&str] = &[
    "some", "any", "where", "there", "here", "home", "care", "life", "time", "may", "whole",
];

/// Endings after which an `e` before them is silent (`lovely`, `statement`).
const SILENT_E_SUFFIXES: &[&str] = &["ly", "ful", "ment", "ments", "ness", "less"];

/// The number of syllables in one word, by a documented heuristic; at least 1.
///
/// 1. A trailing `'s` is dropped; hyphenated words are the sum of their parts.
/// 2. A word with no letters (a number) counts 1; an all-capital word of 2–5
///    letters without vowels is spelled out (`NHS` = 3, `GP` = 2).
/// 3. A compound that starts with a common head (`some`, `any`, `care`,
///    `time`, …) is counted as its two parts (`someone` = 2).
/// 4. Otherwise count groups of vowels (`a e i o u`, accented vowels, and `y`
///    after a consonant; `y` at the start or after a vowel is a consonant, and
///    a vowel `y` is a group of its own: `crying` = 2), then adjust:
///    - `ia`, `io`, `iu` are two syllables (`media`, `radio`) except after
///      `t s c x g n` or a double `l` (`nation`, `social`, `million`);
///    - `ua` is two syllables except after `q` or `g` (`usual`, `language`);
///    - a final `ea` after another vowel group is two (`idea`, `area`);
///    - `-ing` after a vowel adds one (`being`, `doing`);
///    - a silent final `e` after a consonant is dropped (`make`), but not in
///      consonant + `le` (`table`, `people`);
///    - a final `-es` is silent after a consonant other than `s x z c g`,
///      `ch`, `sh` or consonant + `l` (`times` = 1, `changes` = 2);
///    - a final `-ed` is silent except after `t` or `d` or a consonant + `r`/`l`
///      cluster (`walked` = 1, `wanted` = 2, `hundred` = 2);
///    - an `e` before `-ly -ful -ment -ness -less` after a vowel and a
///      consonant is silent (`lovely` = 2, `statement` = 2).
/// 5. The result is never less than 1.
pub fn syllables(word: &str) -> usize {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let parts: Vec<&str> = word
        .split(['-', '–', '—', '/'])
        .filter(|p| p.chars().any(char::is_alphabetic))
        .collect();
    if parts.len() > 1 {
        return parts.iter().map(|p| syllables(p)).sum::<usize>().max(1);
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return 1;
    }
    let all_caps = letters.iter().all(|c| c.is_uppercase());
    let lower: Vec<char> = letters.iter().flat_map(|c| c.to_lowercase()).collect();
    if all_caps && (2..=5).contains(&lower.len()) && !lower.iter().any(|&c| is_basic_vowel(c)) {
        return lower.len();
    }
    count(&lower).max(1)
}

/// Counts a lower-case word, splitting known compounds first.
fn count(s: &[char]) -> usize {
    for head in COMPOUND_HEADS {
        let h: Vec<char> = head.chars().collect();
        if s.len() >= h.len() + 2 && s.starts_with(&h) {
            let rest = &s[h.len()..];
            if rest.iter().any(|&c| is_basic_vowel(c)) {
                return core(&h).max(1) + core(rest).max(1);
            }
        }
    }
    core(s)
}

/// `a e i o u` and accented vowels (not `y`).
fn is_basic_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'à'
            | 'á'
            | 'â'
            | 'ä'
            | 'è'
            | 'é'
            | 'ê'
            | 'ë'
            | 'ì'
            | 'í'
            | 'î'
            | 'ï'
            | 'ò'
            | 'ó'
            | 'ô'
            | 'ö'
            | 'ù'
            | 'ú'
            | 'û'
            | 'ü'
    )
}

/// The vowel-group count with the adjustments listed on [`syllables`].
fn core(s: &[char]) -> usize {
    let n = s.len();
    if n == 0 {
        return 0;
    }
    // Which letters act as vowels: `y` only after a consonant.
    let vowel: Vec<bool> = (0..n)
        .map(|i| match s[i] {
            'y' => i > 0 && !is_basic_vowel(s[i - 1]) && s[i - 1] != 'y',
            c => is_basic_vowel(c),
        })
        .collect();
    let consonant = |i: usize| !vowel[i];
    let mut count = 0usize;
    for i in 0..n {
        if vowel[i] && (i == 0 || !vowel[i - 1] || s[i - 1] == 'y') {
            count += 1;
        }
    }
    // Vowel pairs that are two syllables.
    for i in 1..n {
        if !(vowel[i - 1] && vowel[i]) {
            continue;
        }
        let before = if i >= 2 { Some(s[i - 2]) } else { None };
        match (s[i - 1], s[i]) {
            ('i', 'a' | 'o' | 'u') => {
                let double_l = i >= 3 && s[i - 2] == 'l' && s[i - 3] == 'l';
                let joined = matches!(before, Some('t' | 's' | 'c' | 'x' | 'g' | 'n'));
                if before.is_some() && !joined && !double_l {
                    count += 1;
                }
            }
            ('u', 'a') if !matches!(before, Some('q' | 'g')) => count += 1,
            _ => {}
        }
    }
    if n >= 3 && s[n - 2] == 'e' && s[n - 1] == 'a' && count > 1 {
        count += 1;
    }
    if ends_with(s, "ing") || ends_with(s, "ings") {
        let k = if ends_with(s, "ings") { n - 4 } else { n - 3 };
        if k > 0 && is_basic_vowel(s[k - 1]) {
            count += 1;
        }
    }
    // Silent endings.
    if count > 1 && s[n - 1] == 'e' && n >= 2 && consonant(n - 2) {
        let le = s[n - 2] == 'l' && n >= 3 && consonant(n - 3);
        if !le {
            count -= 1;
        }
    } else if count > 1 && n >= 4 && ends_with(s, "es") && consonant(n - 3) {
        let c = s[n - 3];
        let sibilant =
            matches!(c, 's' | 'x' | 'z' | 'c' | 'g') || (c == 'h' && matches!(s[n - 4], 'c' | 's'));
        let le = c == 'l' && consonant(n - 4);
        if !sibilant && !le {
            count -= 1;
        }
    } else if count > 1 && n >= 4 && ends_with(s, "ed") && consonant(n - 3) {
        let c = s[n - 3];
        let cluster = matches!(c, 'r' | 'l') && consonant(n - 4) && s[n - 4] != c;
        if !matches!(c, 't' | 'd') && !cluster {
            count -= 1;
        }
    }
    for suffix in SILENT_E_SUFFIXES {
        let m = suffix.chars().count();
        if n >= m + 3 && ends_with(s, suffix) {
            let k = n - m - 1;
            if s[k] == 'e' && consonant(k - 1) && vowel[k - 2] && count > 1 {
                count -= 1;
            }
            break;
        }
    }
    count
}

fn ends_with(s: &[char], suffix: &str) -> bool {
    let suf: Vec<char> = suffix.chars().collect();
    s.ends_with(&suf)
}

/// Flesch Reading Ease of `text`:
/// 206.835 − 1.015 × words/sentences − 84.6 × syllables/words.
///
/// Words and sentences are those of [`words`] and [`sentences`]; syllables
/// come from [`syllables`]. Text with no words scores 206.835 (nothing to
/// read is not hard to read). Higher is easier: 80–90 is "easy", about
/// school grade 6.
pub fn flesch_reading_ease(text: &str) -> f64 {
    let ws = words(text);
    if ws.is_empty() {
        return 206.835;
    }
    let n_sentences = sentences(text).len().max(1) as f64;
    let n_words = ws.len() as f64;
    let n_syllables: usize = ws.iter().map(|w| syllables(w)).sum();
    206.835 - 1.015 * n_words / n_sentences - 84.6 * n_syllables as f64 / n_words
}
