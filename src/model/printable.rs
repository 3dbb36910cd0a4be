//! Characters that cannot print: control characters, Unicode
//! noncharacters and U+FFFD, the mark of a bad conversion.
//!
//! Every TOML and CSV file is scanned once, as raw text, right after it is
//! read, so each problem has its exact line and column. In TOML the escapes
//! that make such a character (`"\u0000"`, `"\b"`) are found too: they only
//! become the character when the file is parsed. Tabs, line feeds and a
//! carriage return before a line feed (Windows line endings) are allowed;
//! a line break in a multi-line string breaks the printed line.

use crate::diag::{Diagnostic, FileId, Span};

/// Every character of `text` that cannot print, as errors. With `escapes`
/// (TOML files) also every escape sequence that writes one.
pub fn check(file: FileId, text: &str, escapes: bool) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let allowed = match c {
            '\t' | '\n' => true,
            '\r' => bytes.get(i + 1) == Some(&b'\n'),
            '\u{feff}' => i == 0, // a byte-order mark at the start
            c => problem(c).is_none(),
        };
        if !allowed {
            let span = Span::new(file, i..i + c.len_utf8());
            errors.push(Diagnostic::error(span, message(c)).with_hint(hint(c, None)));
        }
    }
    if escapes {
        errors.extend(escaped(file, text));
    }
    errors
}

/// What is wrong with `c`, if it cannot print (tab, line feed and carriage
/// return are judged by the caller).
fn problem(c: char) -> Option<&'static str> {
    let n = u32::from(c);
    if c == '\u{feff}' {
        Some("the byte-order mark")
    } else if c.is_control() {
        Some("the control character")
    } else if (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE {
        Some("the noncharacter")
    } else if c == char::REPLACEMENT_CHARACTER {
        Some("the replacement character")
    } else {
        None
    }
}

/// The usual short name of a control character, if it has one.
fn control_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\0' => "NUL",
        '\u{7}' => "BEL",
        '\u{8}' => "backspace",
        '\t' => "tab",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\r' => "carriage return",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{85}' => "next line",
        _ => return None,
    })
}

/// "the control character U+0000 (NUL) cannot print".
fn message(c: char) -> String {
    let what = problem(c).unwrap_or("the control character");
    let name = control_name(c).map_or(String::new(), |n| format!(" ({n})"));
    format!("{what} U+{:04X}{name} cannot print", u32::from(c))
}

/// How to get rid of `c`, written literally or as the escape `escape`.
fn hint(c: char, escape: Option<&str>) -> String {
    if let Some(e) = escape {
        return format!("remove the escape `{e}` from the text");
    }
    match c {
        '\r' => "save the file with ordinary line endings (LF or CRLF): a carriage return on its own is not a line break".to_owned(),
        char::REPLACEMENT_CHARACTER => "U+FFFD (�) is left where a conversion lost a character: type the character that was meant in its place".to_owned(),
        _ => "delete it: it is invisible in most editors, so put the cursor at this line and column, press Delete, and retype the letter next to it if needed".to_owned(),
    }
}

/// Escapes in TOML text that write a character that cannot print:
/// `\b`, `\f`, `\e`, and `\xHH`, `\uHHHH`, `\UHHHHHHHH` naming one. A
/// backslash that is itself escaped (`\\u0000`) starts no escape.
fn escaped(file: FileId, text: &str) -> Vec<Diagnostic> {
    let bytes = text.as_bytes();
    let mut errors = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(&kind) = bytes.get(i + 1) else { break };
        let digits = match kind {
            b'x' => 2,
            b'u' => 4,
            b'U' => 8,
            _ => 0,
        };
        let end = i + 2 + digits;
        let c = match kind {
            b'b' => Some('\u{8}'),
            b'f' => Some('\u{c}'),
            b'e' => Some('\u{1b}'),
            _ if digits > 0 => text
                .get(i + 2..end)
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32),
            _ => None,
        };
        if let Some(c) = c.filter(|&c| c != '\t' && c != '\n' && problem(c).is_some()) {
            let end = if digits > 0 { end } else { i + 2 };
            let escape = &text[i..end];
            errors.push(
                Diagnostic::error(Span::new(file, i..end), message(c))
                    .with_hint(hint(c, Some(escape))),
            );
        }
        i += 2; // the backslash and what it escapes
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Sources;

    fn found(text: &str) -> Vec<(String, String)> {
        let mut s = Sources::new();
        let id = s.add("t.toml", text.to_owned());
        check(id, text, true)
            .iter()
            .map(|d| (s.locate(d.span.as_ref().expect("span")), d.message.clone()))
            .collect()
    }

    #[test]
    fn finds_characters_and_escapes() {
        let got = found("a = \"x\u{0}y\"\r\nb = \"\\u0007 \\\\u0000 \\uFFFE\"\n");
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0, "t.toml:1:7");
        assert!(got[0].1.contains("U+0000 (NUL)"), "{got:?}");
        assert_eq!(got[1].0, "t.toml:2:6");
        assert!(got[1].1.contains("U+0007"), "{got:?}");
        assert_eq!(got[2].0, "t.toml:2:21");
        assert!(got[2].1.contains("noncharacter U+FFFE"), "{got:?}");
    }

    #[test]
    fn allows_ordinary_text() {
        assert!(found("\u{feff}a = \"\tŵ – “x” \\n \\t\"\r\nb = '''\nline\n'''\n").is_empty());
        assert_eq!(found("a = \"\u{fffd}\"").len(), 1);
        assert_eq!(found("a = \"\u{9f}\" # \r b").len(), 2);
    }
}
