//! The JSON form of a [`Report`], written by hand (no serde_json).
//!
//! Schema (version 1), one finding object per line:
//!
//! ```text
//! {
//!   "version": 1,
//!   "errors": 1,
//!   "warnings": 0,
//!   "findings": [
//!     {"rule": "sentence-too-long", "severity": "error", "file": "resources/card.toml", "line": 12, "column": 9, "message": "...", "hint": "..."}
//!   ],
//!   "waived": [
//!     {"rule": "...", "severity": "...", "file": "...", "line": 3, "column": 9, "message": "...", "hint": "...", "reason": "...", "waiver": {"file": "...", "line": 2, "column": 1}}
//!   ]
//! }
//! ```

use std::fmt::Write as _;

use crate::diag::{Severity, Sources, Span};

use super::{Finding, Report};

pub(super) fn report(r: &Report, sources: &Sources) -> String {
    let mut out = String::from("{\n  \"version\": 1,\n");
    let _ = writeln!(out, "  \"errors\": {},", r.errors());
    let _ = writeln!(out, "  \"warnings\": {},", r.warnings());
    out.push_str("  \"findings\": [");
    for (i, f) in r.findings.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push('{');
        finding_fields(&mut out, f, sources);
        out.push('}');
    }
    out.push_str(if r.findings.is_empty() {
        "],\n"
    } else {
        "\n  ],\n"
    });
    out.push_str("  \"waived\": [");
    for (i, (f, w)) in r.waived.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push('{');
        finding_fields(&mut out, f, sources);
        out.push_str(", \"reason\": ");
        string(&mut out, &w.reason);
        out.push_str(", \"waiver\": {");
        place(&mut out, &w.span, sources);
        out.push_str("}}");
    }
    out.push_str(if r.waived.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    out
}

fn finding_fields(out: &mut String, f: &Finding, sources: &Sources) {
    out.push_str("\"rule\": ");
    string(out, f.rule.id());
    out.push_str(", \"severity\": ");
    string(
        out,
        match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
    );
    out.push_str(", ");
    place(out, &f.span, sources);
    out.push_str(", \"message\": ");
    string(out, &f.message);
    out.push_str(", \"hint\": ");
    string(out, &f.hint);
}

/// `"file": ..., "line": ..., "column": ...`; a span whose file is not in
/// `sources` gets an empty file name and line and column 0.
fn place(out: &mut String, span: &Span, sources: &Sources) {
    let known = sources.files().get(span.file.index()).is_some();
    let (file, line, column) = if known {
        let lc = sources.line_col(span);
        let path = sources.path(span.file).to_string_lossy().replace('\\', "/");
        (path, lc.line, lc.column)
    } else {
        (String::new(), 0, 0)
    };
    out.push_str("\"file\": ");
    string(out, &file);
    let _ = write!(out, ", \"line\": {line}, \"column\": {column}");
}

/// `s` as a JSON string literal.
pub(super) fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
