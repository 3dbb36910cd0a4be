//! Step 2: split text into unbreakable pieces at the Unicode line-break
//! opportunities (UAX #14): no breaks inside words, no hyphenation.
//!
//! Two kinds of text get their own rules, because a break inside them
//! misleads the reader: a phone number ("0800 132 737") never breaks, and a
//! web or e-mail address breaks only after a `/` or `.` (never after one of
//! its own hyphens, which would read as a hyphenated word), or moves whole
//! to the next line.

use unicode_linebreak::{BreakOpportunity, linebreaks};

use crate::resolve::{RichText, RunSize};

/// Text between two break opportunities, possibly in several weights
/// and sizes.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Its parts in order, one per run it overlaps.
    pub parts: Vec<Part>,
    /// Whether a line must end after this piece (a line feed).
    pub mandatory: bool,
}

/// The part of a [`Piece`] in one run.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// The characters.
    pub text: String,
    /// The run's weight.
    pub bold: bool,
    /// The run's size.
    pub size: RunSize,
}

/// The pieces of `text`, in order.
pub fn pieces(text: &RichText) -> Vec<Piece> {
    let plain = text.plain();
    // Byte ranges of each run in `plain`.
    let mut bounds = Vec::with_capacity(text.runs.len());
    let mut at = 0;
    for run in &text.runs {
        bounds.push((at, at + run.text.len(), run));
        at += run.text.len();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (end, kind) in opportunities(&plain) {
        if end == start {
            continue;
        }
        let mut parts = Vec::new();
        for &(rs, re, run) in &bounds {
            let (s, e) = (rs.max(start), re.min(end));
            if s < e {
                parts.push(Part {
                    text: plain[s..e].to_owned(),
                    bold: run.bold,
                    size: run.size,
                });
            }
        }
        out.push(Piece {
            parts,
            mandatory: kind == BreakOpportunity::Mandatory && end < plain.len(),
        });
        start = end;
    }
    out
}

/// The break opportunities of `plain` (byte offsets a line may end at):
/// UAX #14's, less those inside phone numbers, and inside addresses only
/// after `/` or `.`.
fn opportunities(plain: &str) -> Vec<(usize, BreakOpportunity)> {
    let phones: Vec<(usize, usize)> = crate::model::phone::numbers_in(plain)
        .into_iter()
        .map(|r| (r.start, r.end))
        .collect();
    let addresses = addresses(plain);
    let inside =
        |ranges: &[(usize, usize)], at: usize| ranges.iter().any(|&(s, e)| s < at && at < e);
    let mut out: Vec<(usize, BreakOpportunity)> = linebreaks(plain)
        .filter(|&(at, kind)| {
            kind == BreakOpportunity::Mandatory || !(inside(&phones, at) || inside(&addresses, at))
        })
        .collect();
    for &(s, e) in &addresses {
        for (i, c) in plain[s..e].char_indices() {
            let at = s + i + c.len_utf8();
            if matches!(c, '/' | '.') && at < e && !inside(&phones, at) {
                out.push((at, BreakOpportunity::Allowed));
            }
        }
    }
    out.sort_by_key(|&(at, _)| at);
    out.dedup_by_key(|&mut (at, _)| at);
    out
}

/// Byte ranges of web and e-mail addresses: words (between spaces) with a
/// dot between two letters or digits, and a `/`, an `@` or `www.` in them
/// or a known ending (`.org`, `.uk`, …), without the punctuation that ends
/// a sentence.
fn addresses(plain: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for word in plain.split(char::is_whitespace) {
        // Where the word starts in `plain` (white space may be several
        // bytes long: a no-break space is two).
        let start = word.as_ptr() as usize - plain.as_ptr() as usize;
        let trimmed = word.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        let trimmed_start = trimmed.trim_start_matches('(');
        let lead = trimmed.len() - trimmed_start.len();
        let w = trimmed_start;
        let dotted = w
            .as_bytes()
            .windows(3)
            .any(|t| t[1] == b'.' && t[0].is_ascii_alphanumeric() && t[2].is_ascii_alphanumeric());
        let lower = w.to_ascii_lowercase();
        let looks = w.contains('/')
            || w.contains('@')
            || lower.starts_with("www.")
            || [".org", ".uk", ".com", ".net", ".cymru", ".wales", ".scot"]
                .iter()
                .any(|t| lower.contains(t));
        if dotted && looks {
            out.push((start + lead, start + lead + w.len()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of each piece, in order.
    fn texts(s: &str) -> Vec<String> {
        let text = RichText {
            runs: vec![crate::resolve::Run::new(s, false)],
            ..RichText::default()
        };
        pieces(&text)
            .into_iter()
            .map(|p| p.parts.into_iter().map(|part| part.text).collect())
            .collect()
    }

    #[test]
    fn phone_numbers_stay_whole() {
        assert_eq!(
            texts("Call 0800 132 737 or 116 123 now"),
            ["Call ", "0800 132 737 ", "or ", "116 123 ", "now"]
        );
        // Ordinary numbers in a sentence still break.
        assert_eq!(texts("open 9 to 5"), ["open ", "9 ", "to ", "5"]);
    }

    #[test]
    fn addresses_break_only_after_slash_or_dot() {
        let pieces = texts("see oxford-recovery-college.example.org/courses today.");
        assert!(
            pieces.iter().all(|p| !p.ends_with('-')),
            "no break after an address's hyphen: {pieces:?}"
        );
        assert_eq!(
            pieces,
            [
                "see ",
                "oxford-recovery-college.",
                "example.",
                "org/",
                "courses ",
                "today."
            ]
        );
        // Ordinary hyphenated words keep their break.
        assert_eq!(texts("well-being"), ["well-", "being"]);
        // White space of more than one byte before an address.
        let pieces = texts("Visit\u{a0}www.example.org\u{2009}or\u{202f}example.org/a-b");
        assert!(pieces.iter().all(|p| !p.ends_with('-')), "{pieces:?}");
    }
}
