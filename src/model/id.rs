//! Identifiers that become file and folder names: resource ids, area ids
//! and format names. An [`Id`] can only be made by [`Id::new`], so every
//! one in the model is safe as a single path component on every system.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use toml::Spanned;

use super::Located;
use crate::diag::{Diagnostic, FileId, Span};

/// The longest id: with a variant and a format name after it, a file name
/// stays well under the 255 bytes file systems allow.
pub const ID_MAX_LEN: usize = 64;

/// 1 to [`ID_MAX_LEN`] lower-case ASCII letters, digits and hyphens
/// (`"chime-wallet-card"`, `"a5"`): never a path separator, `..`, a drive
/// letter or a name too long for the file system.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(String);

/// Why a string is not an [`Id`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    /// It is empty.
    Empty,
    /// It has this many characters, more than [`ID_MAX_LEN`].
    TooLong(usize),
    /// It holds this character, which is not allowed.
    Character(char),
}

impl Id {
    /// Checks `s` and makes it an id.
    pub fn new(s: &str) -> Result<Id, IdProblem> {
        let len = s.chars().count();
        if len == 0 {
            return Err(IdProblem::Empty);
        }
        if let Some(c) = s
            .chars()
            .find(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        {
            return Err(IdProblem::Character(c));
        }
        if len > ID_MAX_LEN {
            return Err(IdProblem::TooLong(len));
        }
        Ok(Id(s.to_owned()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name of the one format of a resource without `[[format]]`
    /// tables.
    pub fn default_format() -> Id {
        Id("default".to_owned())
    }

    /// The name of the large-print variant's one format (A4).
    pub fn large_print_format() -> Id {
        Id("a4".to_owned())
    }

    /// Checks a TOML string as the id or name `what` (`"resource id"`,
    /// `"format name"`): the error is at the string, saying what is wrong
    /// and how to fix it.
    pub(super) fn located(
        file: FileId,
        s: &Spanned<String>,
        what: &str,
    ) -> Result<Located<Id>, Diagnostic> {
        let span = Span::new(file, s.span());
        match Id::new(s.get_ref()) {
            Ok(value) => Ok(Located { value, span }),
            Err(problem) => Err(Diagnostic::error(
                span,
                format!(
                    "the {what} `{}` cannot be a file name: {problem}",
                    shortened(s.get_ref())
                ),
            )
            .with_hint(problem.hint())),
        }
    }
}

/// `s` with its control characters escaped, cut after 40 characters.
fn shortened(s: &str) -> String {
    let mut out: String = s.chars().take(40).flat_map(char::escape_debug).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

impl IdProblem {
    /// What is wrong, to follow "the resource id `…` cannot be a file name:".
    pub fn message(self) -> String {
        match self {
            IdProblem::Empty => "it is empty".to_owned(),
            IdProblem::TooLong(n) => {
                format!("it is {n} characters long, and at most {ID_MAX_LEN} fit in a file name")
            }
            IdProblem::Character('/' | '\\') => {
                "it contains a slash, which would put the file in another folder".to_owned()
            }
            IdProblem::Character('.') => {
                "it contains a dot (`..` would name the folder above)".to_owned()
            }
            IdProblem::Character(c) if c.is_ascii_uppercase() => {
                format!("it contains the capital letter `{c}`")
            }
            IdProblem::Character(c) if c.is_whitespace() => {
                "it contains a space or other blank".to_owned()
            }
            IdProblem::Character(c) if c.is_control() => {
                format!("it contains the control character U+{:04X}", u32::from(c))
            }
            IdProblem::Character(c) => format!("it contains `{c}`"),
        }
    }

    /// How to fix it.
    pub fn hint(self) -> String {
        let rule = "use only lower-case letters a–z, digits and hyphens";
        match self {
            IdProblem::TooLong(_) => format!("shorten it to {ID_MAX_LEN} characters or fewer"),
            _ => rule.to_owned(),
        }
    }
}

impl fmt::Display for IdProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for IdProblem {}

impl Deref for Id {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        *self == other.0
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        *self == other.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_safe_file_names() {
        for ok in [
            "a",
            "chime-wallet-card",
            "a5",
            "2026-leaflet",
            &"x".repeat(64),
        ] {
            assert_eq!(Id::new(ok).map(|i| i.to_string()), Ok(ok.to_owned()));
        }
        let bad = [
            ("", IdProblem::Empty),
            ("../evil", IdProblem::Character('.')),
            ("/tmp/x", IdProblem::Character('/')),
            ("a\\b", IdProblem::Character('\\')),
            ("C:", IdProblem::Character('C')),
            ("with space", IdProblem::Character(' ')),
            ("café", IdProblem::Character('é')),
            ("nul\0", IdProblem::Character('\0')),
        ];
        for (s, problem) in bad {
            assert_eq!(Id::new(s), Err(problem), "{s:?}");
        }
        assert_eq!(Id::new(&"x".repeat(65)), Err(IdProblem::TooLong(65)));
    }

    #[test]
    fn the_default_format_name_is_an_id() {
        assert_eq!(Id::new("default"), Ok(Id::default_format()));
    }

    #[test]
    fn problems_read_as_sentences() {
        assert!(IdProblem::TooLong(70).message().contains("70 characters"));
        assert!(IdProblem::TooLong(70).hint().contains("64"));
        assert!(IdProblem::Character('/').message().contains("slash"));
        assert!(IdProblem::Character('\u{7}').message().contains("U+0007"));
        assert!(IdProblem::Empty.hint().contains("lower-case"));
    }
}
