//! The Easy Read rules: stable ids, descriptions and default severities.

use std::fmt;

use crate::diag::Severity;

/// One Easy Read rule that `check` applies.
///
/// The id ([`Rule::id`]) is stable: authors write it in waivers and tools
/// read it from the JSON report, so it never changes once released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// A sentence has more words than the policy allows (15).
    SentenceTooLong,
    /// A paragraph (one row or block) has more sentences than allowed (5).
    TooManySentences,
    /// Text is set smaller than the minimum body size (14 pt).
    FontTooSmall,
    /// Italic or underline markup, or capital letters used for emphasis.
    ItalicUnderlineCaps,
    /// Text does not stand out enough from its background (WCAG 2.x).
    LowContrast,
    /// An Easy Read row has text but no picture.
    RowWithoutPicture,
    /// The same picture file beside two rows: one picture, one meaning.
    PictureReused,
    /// A picture has no alternative text.
    PictureWithoutAlt,
    /// An acronym is used without being explained the first time.
    UnexplainedAcronym,
    /// A phone number has brackets in it, as in `(01632) 960 001`.
    PhoneBrackets,
    /// The paragraph's Flesch Reading Ease is below the target (80).
    ReadabilityLow,
    /// A contraction such as "don't" or "you're".
    Contractions,
    /// An abbreviation such as "e.g.", "i.e." or "etc.".
    Abbreviations,
    /// A number from one to twenty written as a word.
    NumbersAsWords,
}

impl Rule {
    /// Every rule, in the order they are documented.
    pub const ALL: [Rule; 14] = [
        Rule::SentenceTooLong,
        Rule::TooManySentences,
        Rule::FontTooSmall,
        Rule::ItalicUnderlineCaps,
        Rule::LowContrast,
        Rule::RowWithoutPicture,
        Rule::PictureReused,
        Rule::PictureWithoutAlt,
        Rule::UnexplainedAcronym,
        Rule::PhoneBrackets,
        Rule::ReadabilityLow,
        Rule::Contractions,
        Rule::Abbreviations,
        Rule::NumbersAsWords,
    ];

    /// The stable kebab-case id used in waivers and in the JSON report.
    pub fn id(self) -> &'static str {
        match self {
            Rule::SentenceTooLong => "sentence-too-long",
            Rule::TooManySentences => "too-many-sentences",
            Rule::FontTooSmall => "font-too-small",
            Rule::ItalicUnderlineCaps => "italic-underline-caps",
            Rule::LowContrast => "low-contrast",
            Rule::RowWithoutPicture => "row-without-picture",
            Rule::PictureReused => "picture-reused",
            Rule::PictureWithoutAlt => "picture-without-alt",
            Rule::UnexplainedAcronym => "unexplained-acronym",
            Rule::PhoneBrackets => "phone-brackets",
            Rule::ReadabilityLow => "readability-low",
            Rule::Contractions => "contractions",
            Rule::Abbreviations => "abbreviations",
            Rule::NumbersAsWords => "numbers-as-words",
        }
    }

    /// The rule with this id, if there is one (ids are matched exactly).
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// What the rule asks for, in one sentence.
    pub fn describe(self) -> &'static str {
        match self {
            Rule::SentenceTooLong => "A sentence has at most 15 words and one idea.",
            Rule::TooManySentences => "A paragraph or row has at most 5 sentences.",
            Rule::FontTooSmall => "Body text is at least 14 pt (16 pt is the default).",
            Rule::ItalicUnderlineCaps => {
                "No italics, no underline and no words in capitals for emphasis; use **bold**."
            }
            Rule::LowContrast => {
                "Text contrasts with its background by at least 4.5:1 (WCAG 2.x; 3:1 for large text)."
            }
            Rule::RowWithoutPicture => "Every Easy Read row has a picture on the left.",
            Rule::PictureReused => "A picture stands for one thing: no picture is beside two rows.",
            Rule::PictureWithoutAlt => "Every picture has alternative text.",
            Rule::UnexplainedAcronym => "An acronym is explained the first time it is used.",
            Rule::PhoneBrackets => "Phone numbers are grouped with spaces and have no brackets.",
            Rule::ReadabilityLow => "The text scores at least 80 on the Flesch Reading Ease scale.",
            Rule::Contractions => "Words are written in full: \"do not\", not \"don't\".",
            Rule::Abbreviations => "No \"e.g.\", \"i.e.\" or \"etc.\": say it in words.",
            Rule::NumbersAsWords => "Numbers are written as digits: 3, not three.",
        }
    }

    /// How bad a finding of this rule is.
    ///
    /// Errors stop the build of an Easy Read variant unless waived; warnings
    /// are reported and the PDF is still made. Warnings are kept for rules
    /// that are targets rather than rules in the sources (readability) or
    /// whose detection has common false positives (numbers as words:
    /// "no one", "this one").
    pub fn severity(self) -> Severity {
        match self {
            Rule::ReadabilityLow | Rule::NumbersAsWords => Severity::Warning,
            Rule::SentenceTooLong
            | Rule::TooManySentences
            | Rule::FontTooSmall
            | Rule::ItalicUnderlineCaps
            | Rule::LowContrast
            | Rule::RowWithoutPicture
            | Rule::PictureReused
            | Rule::PictureWithoutAlt
            | Rule::UnexplainedAcronym
            | Rule::PhoneBrackets
            | Rule::Contractions
            | Rule::Abbreviations => Severity::Error,
        }
    }

    /// The guidance the rule comes from.
    pub fn source(self) -> &'static str {
        match self {
            Rule::SentenceTooLong | Rule::TooManySentences => {
                "Mencap \"Am I making myself clear?\"; Inclusion Europe \"Information for all\""
            }
            Rule::FontTooSmall | Rule::ItalicUnderlineCaps => {
                "DoH \"Making written information easier to understand\" (2010); Mencap; Inclusion Europe"
            }
            Rule::LowContrast => "WCAG 2.x 1.4.3; Inclusion Europe",
            Rule::RowWithoutPicture => "DoH (2010); Inclusion Europe",
            Rule::PictureReused => "Mencap; Inclusion Europe",
            Rule::PictureWithoutAlt => {
                "NHS Accessible Information Standard (DCB1605); WCAG 2.x 1.1.1"
            }
            Rule::UnexplainedAcronym | Rule::Abbreviations | Rule::Contractions => {
                "Mencap; Inclusion Europe; DoH (2010)"
            }
            Rule::PhoneBrackets | Rule::NumbersAsWords => "Inclusion Europe; Mencap",
            Rule::ReadabilityLow => {
                "Flesch (1948) Reading Ease; target from wellprint EASY-READ.md"
            }
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
