//! From byte offsets in a string's value to byte offsets in its TOML source.

use std::ops::Range;

use crate::diag::{Sources, Span};
use crate::model::Located;

/// Maps byte ranges in a [`Located`] string's value to [`Span`]s in the
/// TOML file it was read from.
///
/// The span of a located string covers the whole literal, quotes included.
/// With the source text at hand ([`TextMap::new`] with `Some(sources)`), the
/// literal is decoded again (basic and literal strings, single- and
/// multi-line, escapes, line-ending backslashes) and each value byte is
/// mapped to the source byte it came from. Without it
/// ([`TextMap::guess`]), offsets are mapped only when the span is exactly
/// two bytes longer than the value (one-line quotes, no escapes). Whenever
/// the mapping cannot be proved, every range maps to the whole literal, so a
/// finding still points at the right string.
#[derive(Debug, Clone)]
pub struct TextMap {
    span: Span,
    /// Source offset of each value byte, plus one entry for the end.
    offsets: Option<Vec<usize>>,
}

impl TextMap {
    /// A map checked against the source text in `sources` when given.
    pub fn new(text: &Located<String>, sources: Option<&Sources>) -> Self {
        let literal = sources
            .and_then(|s| s.files().get(text.span.file.index()))
            .and_then(|f| f.text.get(text.span.range.clone()));
        match literal {
            Some(lit) => {
                let offsets = decode(lit, text.span.range.start, &text.value, false)
                    .or_else(|| decode(lit, text.span.range.start, &text.value, true));
                TextMap {
                    span: text.span.clone(),
                    offsets,
                }
            }
            None => TextMap::guess(text),
        }
    }

    /// A map from the span's length alone (see the type's docs).
    pub fn guess(text: &Located<String>) -> Self {
        let range = &text.span.range;
        let offsets = (range.end >= range.start && range.end - range.start == text.value.len() + 2)
            .then(|| {
                (0..=text.value.len())
                    .map(|i| range.start + 1 + i)
                    .collect()
            });
        TextMap {
            span: text.span.clone(),
            offsets,
        }
    }

    /// Whether ranges map to exact places (not to the whole literal).
    pub fn is_exact(&self) -> bool {
        self.offsets.is_some()
    }

    /// The whole literal's span.
    pub fn whole(&self) -> &Span {
        &self.span
    }

    /// The source span of `range` in the value; the whole literal when the
    /// map is not exact or `range` is out of bounds.
    pub fn span(&self, range: Range<usize>) -> Span {
        let Some(offsets) = &self.offsets else {
            return self.span.clone();
        };
        match (offsets.get(range.start), offsets.get(range.end)) {
            (Some(&s), Some(&e)) if range.start <= range.end => {
                Span::new(self.span.file, s..e.max(s))
            }
            _ => self.span.clone(),
        }
    }
}

/// Decodes a TOML string literal starting at source offset `base`; returns
/// the source offset of each byte of the value (and of its end) when the
/// decoded text equals `value`. With `crlf`, a raw `\r\n` decodes to `\n`
/// (for parsers that normalise line endings).
fn decode(lit: &str, base: usize, value: &str, crlf: bool) -> Option<Vec<usize>> {
    let (open, basic, multi) = if lit.starts_with("\"\"\"") {
        (3, true, true)
    } else if lit.starts_with("'''") {
        (3, false, true)
    } else if lit.starts_with('"') {
        (1, true, false)
    } else if lit.starts_with('\'') {
        (1, false, false)
    } else {
        return None;
    };
    if lit.len() < 2 * open {
        return None;
    }
    let body = lit.get(open..lit.len() - open)?;
    let body_base = base + open;
    let mut pos = 0;
    if multi {
        if body.starts_with("\r\n") {
            pos = 2;
        } else if body.starts_with('\n') {
            pos = 1;
        }
    }
    let mut out = String::with_capacity(value.len());
    let mut offsets = Vec::with_capacity(value.len() + 1);
    while pos < body.len() {
        let rest = body.get(pos..)?;
        let c = rest.chars().next()?;
        let at = body_base + pos;
        if crlf && rest.starts_with("\r\n") {
            out.push('\n');
            offsets.push(at);
            pos += 2;
            continue;
        }
        if c != '\\' || !basic {
            out.push(c);
            offsets.extend((0..c.len_utf8()).map(|k| at + k));
            pos += c.len_utf8();
            continue;
        }
        let esc = rest.get(1..)?;
        let e = esc.chars().next()?;
        let (decoded, used) = match e {
            'n' => (Some('\n'), 2),
            't' => (Some('\t'), 2),
            'r' => (Some('\r'), 2),
            'b' => (Some('\u{8}'), 2),
            'f' => (Some('\u{c}'), 2),
            'e' => (Some('\u{1b}'), 2),
            '"' => (Some('"'), 2),
            '\\' => (Some('\\'), 2),
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex = esc.get(1..1 + n)?;
                let code = u32::from_str_radix(hex, 16).ok()?;
                (Some(char::from_u32(code)?), 2 + n)
            }
            c if multi && (c == ' ' || c == '\t' || c == '\r' || c == '\n') => {
                // Line-ending backslash: skip white space and line breaks.
                let skipped = esc.len() - esc.trim_start_matches([' ', '\t', '\r', '\n']).len();
                if !esc.get(..skipped)?.contains('\n') {
                    return None;
                }
                (None, 1 + skipped)
            }
            _ => return None,
        };
        if let Some(d) = decoded {
            out.push(d);
            offsets.extend(std::iter::repeat_n(at, d.len_utf8()));
        }
        pos += used;
    }
    offsets.push(body_base + pos);
    (out == value).then_some(offsets)
}

/// The span of a whole TOML table given the span toml reports for it.
///
/// toml's `Spanned` gives an `[[array.of.tables]]` entry (or a `[table]`) the
/// span of its header line only; a waiver must cover the keys below it. When
/// `header` starts with `[`, the span is widened to the start of the next
/// table header (a line starting with `[` outside a multi-line string) or
/// the end of the file, without the trailing blank lines. Any other span (an
/// inline table `{ ... }`) is returned as it is, as is a span whose file is
/// not in `sources`.
pub fn block_span(sources: &Sources, header: &Span) -> Span {
    let Some(text) = sources
        .files()
        .get(header.file.index())
        .map(|f| f.text.as_str())
    else {
        return header.clone();
    };
    let is_header = text
        .get(header.range.clone())
        .is_some_and(|s| s.trim_start().starts_with('['));
    if !is_header {
        return header.clone();
    }
    let from = header.range.end.min(text.len());
    let Some(rest) = text.get(from..) else {
        return header.clone();
    };
    let mut in_multi: Option<&str> = None;
    let mut at = from;
    let mut end = text.len();
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if in_multi.is_none() && at > from && trimmed.starts_with('[') {
            end = at;
            break;
        }
        // Track `"""` and `'''` strings, so a `[` line inside one is text.
        let mut s = line;
        loop {
            let next = match in_multi {
                Some(q) => s.find(q).map(|i| (i, q)),
                None => ["\"\"\"", "'''"]
                    .iter()
                    .filter_map(|q| s.find(q).map(|i| (i, *q)))
                    .min(),
            };
            let Some((i, q)) = next else { break };
            in_multi = if in_multi.is_some() { None } else { Some(q) };
            s = s.get(i + 3..).unwrap_or("");
        }
        at += line.len();
    }
    let body = text.get(header.range.start..end).unwrap_or("");
    Span::new(
        header.file,
        header.range.start..header.range.start + body.trim_end().len(),
    )
}
