//! Step 2: split text into unbreakable pieces at the Unicode line-break
//! opportunities (UAX #14): no breaks inside words, no hyphenation.

use unicode_linebreak::{BreakOpportunity, linebreaks};

use crate::resolve::RichText;

/// Text between two break opportunities, possibly in several weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// (text, bold) parts in order.
    pub parts: Vec<(String, bool)>,
    /// Whether a line must end after this piece (a line feed).
    pub mandatory: bool,
}

/// The pieces of `text`, in order.
pub fn pieces(text: &RichText) -> Vec<Piece> {
    let plain = text.plain();
    // Byte ranges of each run in `plain`.
    let mut bounds = Vec::with_capacity(text.runs.len());
    let mut at = 0;
    for run in &text.runs {
        bounds.push((at, at + run.text.len(), run.bold));
        at += run.text.len();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (end, kind) in linebreaks(&plain) {
        if end == start {
            continue;
        }
        let mut parts = Vec::new();
        for &(rs, re, bold) in &bounds {
            let (s, e) = (rs.max(start), re.min(end));
            if s < e {
                parts.push((plain[s..e].to_owned(), bold));
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
