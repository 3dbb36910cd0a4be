//! Placeholders and inline markup.

use crate::diag::{Diagnostic, Span};
use crate::model::{Area, Located};

/// A run of text in one weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The characters; `\n` forces a line break.
    pub text: String,
    /// Bold or regular.
    pub bold: bool,
}

/// Text made of runs, with the place it was written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RichText {
    /// Runs in reading order.
    pub runs: Vec<Run>,
    /// Where the text is written.
    pub span: Option<Span>,
}

impl RichText {
    /// Splits `**bold**` markup into runs.
    pub fn parse(text: &str, span: &Span) -> Result<RichText, Diagnostic> {
        let mut runs = Vec::new();
        let mut bold = false;
        for (i, part) in text.split("**").enumerate() {
            bold = i % 2 == 1;
            if !part.is_empty() {
                runs.push(Run {
                    text: part.to_owned(),
                    bold,
                });
            }
        }
        if bold {
            return Err(Diagnostic::error(
                span.clone(),
                "a `**` that starts bold text is never closed",
            )
            .with_hint("close the bold words with `**`, as in \"**Hope** is …\""));
        }
        Ok(RichText {
            runs,
            span: Some(span.clone()),
        })
    }

    /// A bold name, a separator and regular details (contacts, helplines).
    pub fn entry(name: &str, separator: &str, details: &str, span: &Span) -> RichText {
        let mut runs = vec![Run {
            text: name.to_owned(),
            bold: true,
        }];
        if !details.is_empty() {
            runs.push(Run {
                text: format!("{separator}{details}"),
                bold: false,
            });
        }
        RichText {
            runs,
            span: Some(span.clone()),
        }
    }

    /// All runs' text joined.
    pub fn plain(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// The placeholders text may use, and what fills them.
const PLACEHOLDERS: &[&str] = &["area.name", "area.nation"];

/// Replaces `{area.name}` and friends; `{{` and `}}` write literal braces.
pub fn fill(text: &Located<String>, area: &Area) -> Result<String, Diagnostic> {
    let src = &text.value;
    let mut out = String::with_capacity(src.len());
    let mut rest = src.as_str();
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('}') {
            return Err(
                Diagnostic::error(text.span.clone(), "a `}` without a matching `{`")
                    .with_hint("write `}}` for a literal brace"),
            );
        }
        let Some(end) = tail.find('}') else {
            return Err(
                Diagnostic::error(text.span.clone(), "a `{` without a matching `}`").with_hint(
                    "placeholders look like {area.name}; write `{{` for a literal brace",
                ),
            );
        };
        let name = &tail[1..end];
        match name {
            "area.name" => out.push_str(&area.name.value),
            "area.nation" => out.push_str(area.nation.name()),
            _ => {
                return Err(Diagnostic::error(
                    text.span.clone(),
                    format!("unknown placeholder `{{{name}}}`"),
                )
                .with_hint(format!(
                    "the placeholders are: {}",
                    PLACEHOLDERS
                        .iter()
                        .map(|p| format!("{{{p}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Whether `text` contains something that looks like a web or e-mail
/// address (`https://`, `www.`, `example.org/…`, `name@host`).
pub fn has_web_address(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") {
        return true;
    }
    lower.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let at = w.find('@').is_some_and(|i| i > 0 && w[i..].contains('.'));
        let domain = [".org", ".com", ".uk", ".net", ".nhs"]
            .iter()
            .any(|tld| w.contains(&format!("{tld}/")) || w.ends_with(tld));
        at || domain
    })
}

#[cfg(test)]
mod tests {
    use super::has_web_address;

    #[test]
    fn finds_web_and_email_addresses() {
        for yes in [
            "see www.example.org",
            "https://x.y",
            "example.org/help",
            "mail a@example.org",
            "visit nhs.uk",
        ] {
            assert!(has_web_address(yes), "{yes}");
        }
        for no in [
            "Call 01632 960 001",
            "Mon–Fri 9am–5pm",
            "Dr. Smith",
            "e.g. tea",
            "3.5 hours",
        ] {
            assert!(!has_web_address(no), "{no}");
        }
    }
}
