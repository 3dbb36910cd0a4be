//! Content-stream decoding: a direct tokenizer for the common case, with
//! lopdf's own parser as the fallback.
//!
//! `lopdf::content::Content::decode` is a general combinator parser and was
//! the largest cost of checking a file (a hex string per glyph in every
//! `TJ`). [`decode`] reads the forms content streams usually take (numbers,
//! names without `#` escapes, hex strings, arrays, dictionaries, operators)
//! directly, producing exactly what lopdf would. Anything else (comments,
//! literal strings, inline images, `true`/`false`/`null`, references inside
//! arrays, unusual white space, malformed input) is handed to lopdf whole,
//! so lopdf's behaviour, leniency included, is kept.

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Object, StringFormat};

/// Arrays and dictionaries nested deeper than this go to lopdf.
const MAX_DEPTH: usize = 32;

/// Decodes content operators as `lopdf::content::Content::decode` does,
/// with the same result and the same errors.
pub(crate) fn decode(bytes: &[u8]) -> lopdf::Result<Vec<Operation>> {
    match fast(bytes) {
        Some(ops) => Ok(ops),
        None => Content::decode(bytes).map(|c| c.operations),
    }
}

/// The tokenizer; `None` as soon as the input leaves the supported forms.
fn fast(bytes: &[u8]) -> Option<Vec<Operation>> {
    let mut lexer = Lexer { bytes, pos: 0 };
    let mut operations = Vec::new();
    let mut operands = Vec::new();
    lexer.content_space();
    while let Some(&c) = lexer.bytes.get(lexer.pos) {
        if c.is_ascii_alphabetic() || matches!(c, b'*' | b'\'' | b'"') {
            let operator = lexer.operator()?;
            operations.push(Operation {
                operator,
                operands: std::mem::take(&mut operands),
            });
        } else {
            operands.push(lexer.object(MAX_DEPTH)?);
        }
        lexer.content_space();
    }
    // lopdf drops operands with no operator after them.
    Some(operations)
}

struct Lexer<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// PDF white space.
fn is_whitespace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0 | 0x0C)
}

/// A character that may appear in a name.
fn is_regular(c: u8) -> bool {
    !is_whitespace(c) && !b"()<>[]{}/%".contains(&c)
}

impl Lexer<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Space between content tokens: lopdf allows only these four here.
    fn content_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.pos += 1;
        }
    }

    /// An operator: letters, `*`, `'` and `"`.
    fn operator(&mut self) -> Option<String> {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'*' | b'\'' | b'"'))
        {
            self.pos += 1;
        }
        let word = self.bytes.get(start..self.pos)?;
        // Keywords that lopdf reads as operands, and inline images.
        if [b"true".as_slice(), b"false", b"null", b"BI"]
            .iter()
            .any(|k| word.starts_with(k))
        {
            return None;
        }
        std::str::from_utf8(word).ok().map(str::to_owned)
    }

    /// A direct object (no keywords, no references).
    fn object(&mut self, depth: usize) -> Option<Object> {
        match self.peek()? {
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number(),
            b'/' => self.name().map(Object::Name),
            b'<' if self.bytes.get(self.pos + 1) == Some(&b'<') => self.dictionary(depth),
            b'<' => self.hex_string(),
            b'[' => self.array(depth),
            _ => None,
        }
    }

    /// `[+-]? (digits '.' digits? | '.' digits)` is a real (f32), otherwise
    /// `[+-]? digits` an integer.
    fn number(&mut self) -> Option<Object> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let int_start = self.pos;
        self.digits();
        let int_digits = self.pos > int_start;
        let real = if self.peek() == Some(b'.') {
            self.pos += 1;
            let frac_start = self.pos;
            self.digits();
            if !int_digits && self.pos == frac_start {
                return None;
            }
            true
        } else if int_digits {
            false
        } else {
            return None;
        };
        let text = std::str::from_utf8(self.bytes.get(start..self.pos)?).ok()?;
        if real {
            text.parse::<f32>().ok().map(Object::Real)
        } else {
            text.parse::<i64>().ok().map(Object::Integer)
        }
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
    }

    /// `/Name`, without `#` escapes.
    fn name(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c == b'#' {
                return None;
            }
            if !is_regular(c) {
                break;
            }
            self.pos += 1;
        }
        self.bytes.get(start..self.pos).map(<[u8]>::to_vec)
    }

    /// `<4142 43>`: hex digits and white space; an odd last digit is the
    /// high nibble of the last byte.
    fn hex_string(&mut self) -> Option<Object> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut high = true;
        loop {
            let c = self.peek()?;
            self.pos += 1;
            let v = match c {
                b'>' => break,
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                c if is_whitespace(c) => continue,
                _ => return None,
            };
            if high {
                out.push(v << 4);
            } else if let Some(last) = out.last_mut() {
                *last |= v;
            }
            high = !high;
        }
        Some(Object::String(out, StringFormat::Hexadecimal))
    }

    /// Space inside arrays and dictionaries (comments go to lopdf).
    fn space(&mut self) -> Option<()> {
        while let Some(c) = self.peek() {
            if c == b'%' {
                return None;
            }
            if !is_whitespace(c) {
                break;
            }
            self.pos += 1;
        }
        Some(())
    }

    /// `[ … ]`. Two integers in a row could start a reference (`1 0 R`),
    /// which this tokenizer leaves to lopdf: an `R` is not an object here.
    fn array(&mut self, depth: usize) -> Option<Object> {
        let depth = depth.checked_sub(1)?;
        self.pos += 1;
        self.space()?;
        let mut items = Vec::new();
        while self.peek()? != b']' {
            items.push(self.object(depth)?);
            self.space()?;
        }
        self.pos += 1;
        Some(Object::Array(items))
    }

    /// `<< /Key value … >>`.
    fn dictionary(&mut self, depth: usize) -> Option<Object> {
        let depth = depth.checked_sub(1)?;
        self.pos += 2;
        self.space()?;
        let mut dict = Dictionary::new();
        while self.peek()? == b'/' {
            let key = self.name()?;
            self.space()?;
            let value = self.object(depth)?;
            self.space()?;
            dict.set(key, value);
        }
        if self.bytes.get(self.pos..self.pos + 2)? != b">>" {
            return None;
        }
        self.pos += 2;
        Some(Object::Dictionary(dict))
    }
}

#[cfg(test)]
mod tests {
    use lopdf::content::{Content, Operation};
    use proptest::prelude::*;

    use super::{decode, fast};

    /// Operators and operands as lopdf decodes them.
    fn lopdf(bytes: &[u8]) -> Option<Vec<(String, Vec<lopdf::Object>)>> {
        Content::decode(bytes).ok().map(|c| flat(c.operations))
    }

    fn flat(ops: Vec<Operation>) -> Vec<(String, Vec<lopdf::Object>)> {
        ops.into_iter().map(|o| (o.operator, o.operands)).collect()
    }

    fn same(bytes: &[u8]) {
        assert_eq!(
            decode(bytes).ok().map(flat),
            lopdf(bytes),
            "input {:?}",
            String::from_utf8_lossy(bytes)
        );
    }

    #[test]
    fn typical_content_takes_the_fast_path_and_matches_lopdf() {
        let page = b"q\n1 1 1 rg\n0 172.91339 m\n257.95276 172.91339 l\nh\nf\nQ\nBT\n/YXCOBL 9.672 Tf\n1 0 0 1 25.877754 107.06514 Tm\n[<0002><001D> -20<0021> 14<0013>] TJ\nET\n/Span <</MCID 0 /Lang (en)>> BDC EMC /P <</MCID 1>> BDC\n[] 0 d 0.5 w -.5 +3 10. TL";
        assert!(fast(b"1 0 0 1 2 3 cm [<00 1>] TJ /P <</MCID 0>> BDC").is_some());
        same(page);
        same(b"");
        same(b"  \n ");
        same(b"1 2 3");
        same(b"12Tf 3.5.2 d0 <> <a> < 0 1 > [[1 [2]] /a/b] /x#20y n");
        same(b"BT (literal) Tj ET % comment\n1 w");
        same(b"true false null n 99999999999999999999 w -- . + x");
        same(b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q");
        same(b"1 0 R [1 0 R] <</A 1 0 R>> d");
        same(b"<</A <</B [1 2]>> /A 3>> BDC <<>> <</A>> x");
        same(b"\x0c1\x00w [1\x0c2] d ] ) > }");
    }

    proptest! {
        #[test]
        fn matches_lopdf_on_token_soup(
            tokens in proptest::collection::vec(
                prop_oneof![
                    Just("q"), Just("Q"), Just("Tj"), Just("TJ"), Just("T*"), Just("'"),
                    Just("\""), Just("BDC"), Just("0"), Just("-1"), Just("+2"), Just(".5"),
                    Just("3."), Just("4.25"), Just("-"), Just("."), Just("/F1"), Just("/"),
                    Just("/a#41"), Just("<"), Just(">"), Just("<<"), Just(">>"), Just("["),
                    Just("]"), Just("<0a1>"), Just("<zz>"), Just("(s)"), Just("%c\n"),
                    Just("true"), Just("null"), Just("R"), Just("BI"), Just("\x00"),
                    Just("\x0c"), Just("{"),
                ],
                0..24,
            ),
            seps in proptest::collection::vec(prop_oneof![Just(""), Just(" "), Just("\n"), Just("\t")], 24),
        ) {
            let mut s = String::new();
            for (t, sep) in tokens.iter().zip(&seps) {
                s.push_str(t);
                s.push_str(sep);
            }
            let bytes = s.as_bytes();
            prop_assert_eq!(decode(bytes).ok().map(flat), lopdf(bytes), "input {:?}", s);
        }
    }
}
