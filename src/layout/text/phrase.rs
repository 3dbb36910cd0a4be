//! Step 3b: choose where lines break so that they break where a reader
//! pauses: after a sentence, then after a comma, less after a word that
//! leads into the next (an article, a preposition, "can"), and least of
//! all inside a web address.
//!
//! The text keeps the number of lines greedy filling gives it, so a block
//! is exactly as tall as before: only where the breaks fall changes. Among
//! the ways to set it in that many lines, the one with the lowest cost
//! wins: each break costs what [`pause`] says, each line but the last a
//! little for the width it leaves empty, and a last line of one word more
//! than any break. (In Easy Read each sentence comes here as a text of its
//! own, so each starts a line: `super::line::fill_wrapped`.)

use crate::geom::Abs;

use super::line::ShapedPiece;
use super::shaping::width;

/// Words after which a line should not break, because they lead into the
/// next: English and Welsh articles, prepositions, conjunctions, pronouns
/// and the verbs that go with them. Compared in lower case.
const LEADING: &[&str] = &[
    // English and Welsh together ("am", "at", "i" are words in both),
    // sorted, for the binary search in `leads_on`.
    "a", "about", "ac", "ag", "all", "am", "an", "and", "any", "ar", "are", "as", "at", "be", "bod",
    "but", "by", "can", "could", "do", "does", "dros", "dy", "each", "ei", "eich", "ein", "eu",
    "every", "for", "from", "fy", "gan", "gyda", "has", "have", "he", "her", "his", "i", "if",
    "in", "into", "is", "it's", "its", "mae", "may", "much", "must", "my", "na", "nad", "neu",
    "not", "o", "of", "on", "ond", "or", "our", "she", "should", "some", "sy", "sydd", "than",
    "that", "the", "their", "these", "they", "this", "those", "to", "very", "was", "we", "were",
    "what", "when", "where", "which", "who", "will", "with", "would", "wrth", "y", "yn", "you",
    "your", "yr", "â",
];

/// What a break after `before`, with the pieces `after` it still to
/// come, costs.
fn pause(before: &str, after: &[&str]) -> f64 {
    if !before.ends_with(char::is_whitespace) {
        // Inside a word or an address ("self-", "example.org/"): the
        // worst place, though not worse than a word alone at the end.
        return INSIDE;
    }
    let word = bare(before);
    if ends_sentence(before) {
        0.0
    } else if word.ends_with([',', ';', ':', '–', '—', '·'])
        || after
            .first()
            .is_some_and(|a| a.starts_with(['(', '–', '—']))
    {
        1.0
    } else if leads_on(word) {
        // A run of leading words is best cut where it starts ("that | I
        // can recover"), worst where it meets its word ("can | recover").
        let run = after.iter().take(2).take_while(|a| leads_on(a.trim_end()));
        6.0 - 0.5 * run.count() as f64
    } else {
        3.0
    }
}

/// A piece's last word without the space, quotes and brackets after it.
fn bare(piece: &str) -> &str {
    piece
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '*'])
}

/// Whether a piece ends a sentence and a space follows it ("better. ",
/// "you.” "), so that a line breaks best after it. A piece with no space
/// after it ("example." of "example.org") does not. (Easy Read's breaks
/// after every sentence follow the checks' split instead: `check::sentences`.)
fn ends_sentence(piece: &str) -> bool {
    piece.ends_with(char::is_whitespace) && bare(piece).ends_with(['.', '!', '?', '…'])
}

/// Whether the last word of a piece leads into the next word: one of
/// [`LEADING`], or a count ("5 things").
fn leads_on(piece: &str) -> bool {
    let count = |w: &str| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    if count(piece.trim()) {
        return true;
    }
    let last = piece.rsplit([' ', '\u{a0}']).next().unwrap_or(piece);
    let word = last
        .trim_start_matches(['"', '\'', '“', '‘', '('])
        .to_lowercase();
    LEADING.binary_search(&word.as_str()).is_ok()
}

/// What a break inside a word or a web address costs.
const INSIDE: f64 = 7.0;

/// What a last line of a single word costs: more than any break.
const WIDOW: f64 = 8.0;

/// What a line's empty width costs, at most (a line with nothing on it).
const RAGGED: f64 = 8.0;

/// Longest text (in pieces) chosen this way; longer texts keep greedy
/// lines (the search grows with the square of the pieces).
const MOST_PIECES: usize = 400;

/// For each line of the cheapest way to set `pieces` in exactly `n` lines
/// of at most `max`, the number of pieces it holds; `None` when the text
/// is too long to search or cannot be set in `n` lines.
pub fn breaks(pieces: &[ShapedPiece], max: Abs, n: usize) -> Option<Vec<usize>> {
    let p = pieces.len();
    if p > MOST_PIECES || n == 0 {
        return None;
    }
    let tolerance = Abs::pt(0.01);
    // starts[k]: where piece k starts when pieces are set edge to edge.
    let mut starts = Vec::with_capacity(p + 1);
    let mut x = Abs::ZERO;
    starts.push(x);
    for piece in pieces {
        x += width(&piece.segments);
        starts.push(x);
    }
    let texts: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
    let line = |i: usize, j: usize| starts[j - 1] - starts[i] + pieces[j - 1].width;
    let cost = |i: usize, j: usize| {
        if j == p {
            return if j - i == 1 && n > 1 { WIDOW } else { 0.0 };
        }
        let empty = (max - line(i, j)) / max;
        pause(texts[j - 1], &texts[j..]) + RAGGED * empty * empty
    };
    // best[l][j]: the cheapest cost of the first j pieces in l lines, and
    // where its last line starts.
    let mut best = vec![vec![None::<(f64, usize)>; p + 1]; n + 1];
    best[0][0] = Some((0.0, 0));
    for l in 1..=n {
        for j in 1..=p {
            best[l][j] = (l - 1..j)
                .rev()
                .take_while(|&i| line(i, j) <= max + tolerance)
                .filter_map(|i| best[l - 1][i].map(|(c, _)| (c + cost(i, j), i)))
                .min_by(|a, b| a.0.total_cmp(&b.0));
        }
    }
    let mut counts = Vec::with_capacity(n);
    let mut j = p;
    for l in (1..=n).rev() {
        let (_, i) = best[l][j]?;
        counts.push(j - i);
        j = i;
    }
    counts.reverse();
    Some(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_words_are_sorted_so_the_search_finds_them() {
        assert!(
            LEADING.windows(2).all(|w| w[0] < w[1]),
            "LEADING is not sorted"
        );
        for word in ["the", "yr", "â", "it's", "Gyda"] {
            assert!(leads_on(word), "{word}");
        }
        assert!(!leads_on("friend"));
    }

    #[test]
    fn a_sentence_end_is_the_best_place_to_break_and_a_leading_word_the_worst() {
        assert!(pause("friend. ", &["You "]) < pause("friend, ", &["you "]));
        assert!(pause("friend, ", &["you "]) < pause("friend ", &["you "]));
        assert!(pause("friend ", &["can "]) < pause("can ", &["join "]));
        assert_eq!(pause("better.” ", &[]), 0.0);
        assert!(
            pause("example.", &["org/"]) > pause("can ", &["join "]),
            "inside"
        );
        assert!(leads_on("The"), "case does not matter");
        assert!(leads_on("yn"), "Welsh");
        assert!(!leads_on("group"));
        assert!(leads_on("5 "), "a count");
        assert!(!leads_on("116 123"), "a phone number ends its phrase");
        let (run, mid, end) = (
            pause("that ", &["I ", "can ", "recover."]),
            pause("I ", &["can ", "recover."]),
            pause("can ", &["recover."]),
        );
        assert!(
            run < mid && mid < end,
            "a run of leading words is cut where it starts: {run} {mid} {end}"
        );
        assert!(run > pause("friend ", &["you "]));
        assert!(ends_sentence("better. ") && ends_sentence("you.” "));
        assert!(!ends_sentence("example.") && !ends_sentence("better, "));
        assert!(ends_sentence("wait… "));
    }
}
