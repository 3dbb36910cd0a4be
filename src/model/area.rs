//! Area files (`areas/<id>.toml`) and the shared national helplines
//! (`areas/national.toml`).

use serde::Deserialize;
use toml::Spanned;

/// The four UK nations; each has its own national helplines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Nation {
    /// England.
    England,
    /// Scotland.
    Scotland,
    /// Wales.
    Wales,
    /// Northern Ireland.
    NorthernIreland,
}

impl Nation {
    /// The nation's name in English.
    pub fn name(self) -> &'static str {
        match self {
            Nation::England => "England",
            Nation::Scotland => "Scotland",
            Nation::Wales => "Wales",
            Nation::NorthernIreland => "Northern Ireland",
        }
    }
}

/// An area as written in `areas/<id>.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AreaFile {
    /// Identifier, used in output folder names and `--area`.
    pub id: Spanned<String>,
    /// The area's name as printed ("Oxfordshire"), or a table with its
    /// language (`{ text = "Caerdydd", lang = "cy" }`). Required; optional
    /// here so that one run reports every missing key.
    #[serde(default)]
    pub name: Option<Spanned<TextFile>>,
    /// Which nation's helplines apply. Required, like `name`.
    #[serde(default)]
    pub nation: Option<Spanned<Nation>>,
    /// Local organisations, in the order they are printed.
    #[serde(default)]
    pub contact: Vec<Spanned<ContactFile>>,
    /// A CSV file or spreadsheet (`.xlsx`, `.ods`, …) of more contacts,
    /// relative to the area file's folder (`"oxfordshire.csv"`); its rows
    /// follow the `[[contact]]` tables.
    #[serde(default)]
    pub contacts: Option<Spanned<String>>,
    /// The sheet of the `contacts` spreadsheet to read (default: the
    /// first).
    #[serde(default)]
    pub sheet: Option<Spanned<String>>,
    /// The area's logo (PNG or JPEG), relative to the area file's folder.
    #[serde(default)]
    pub logo: Option<Spanned<String>>,
    /// Who prepared the resources ("Prepared by Oxfordshire Recovery
    /// Network"): text, a `{ text, lang }` table, or a list of those for a
    /// line in several languages.
    #[serde(default)]
    pub prepared_by: Option<Spanned<LinesFile>>,
    /// Build the Welsh–English (bilingual) version of every resource that
    /// has Welsh text. Default: true for `nation = "wales"`, else false.
    #[serde(default)]
    pub bilingual: Option<bool>,
    /// Whom to ask for a resource in another format ("the Recovery Hub on
    /// 01632 960 461"); default: the resource's `[edition]` says.
    #[serde(default)]
    pub other_formats_from: Option<Spanned<String>>,
}

/// Area text that may be in another language than the document's: plain
/// text (`"Oxfordshire"`) or a table (`{ text = "Caerdydd", lang = "cy" }`).
#[derive(Debug, Clone)]
pub enum TextFile {
    /// Text in the document's language.
    Plain(String),
    /// Text with its language.
    Table(PhraseFile),
}

/// The table form of [`TextFile`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PhraseFile {
    /// The text as printed.
    pub text: Spanned<String>,
    /// Its language, a BCP 47 tag (`cy`); none: the document's (English).
    #[serde(default)]
    pub lang: Option<Spanned<String>>,
}

/// `prepared-by`: one [`TextFile`], or a list of them (one per language,
/// printed joined by " · ").
#[derive(Debug, Clone)]
pub enum LinesFile {
    /// One text.
    One(TextFile),
    /// Several parts.
    Many(Vec<Spanned<TextFile>>),
}

/// What a [`TextFile`] may be, for messages.
const TEXT_EXPECTED: &str = "text, or a table like { text = \"Caerdydd\", lang = \"cy\" }";

/// Reads text or a `{ text, lang }` table (a visitor, not an untagged enum,
/// so that the table's fields keep their spans and typos are reported).
struct TextVisitor;

impl<'de> serde::de::Visitor<'de> for TextVisitor {
    type Value = TextFile;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(TEXT_EXPECTED)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<TextFile, E> {
        Ok(TextFile::Plain(v.to_owned()))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<TextFile, A::Error> {
        PhraseFile::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            .map(TextFile::Table)
    }
}

impl<'de> Deserialize<'de> for TextFile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<TextFile, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

/// Reads a [`TextFile`] or a list of them.
struct LinesVisitor;

impl<'de> serde::de::Visitor<'de> for LinesVisitor {
    type Value = LinesFile;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{TEXT_EXPECTED}, or a list of those")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<LinesFile, E> {
        TextVisitor.visit_str(v).map(LinesFile::One)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<LinesFile, A::Error> {
        TextVisitor.visit_map(map).map(LinesFile::One)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<LinesFile, A::Error> {
        let mut parts = Vec::new();
        while let Some(part) = seq.next_element()? {
            parts.push(part);
        }
        Ok(LinesFile::Many(parts))
    }
}

impl<'de> Deserialize<'de> for LinesFile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<LinesFile, D::Error> {
        d.deserialize_any(LinesVisitor)
    }
}

/// Checked area text with its language: the area's name, or one part of
/// its "prepared by" line.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// The text as printed, and where it is written.
    pub text: super::Located<String>,
    /// Its language (BCP 47, `cy`) when it is not the document's.
    pub lang: Option<super::Located<String>>,
}

/// A line of area text made of [`Phrase`]s, one per language (the
/// "prepared by" line).
#[derive(Debug, Clone, PartialEq)]
pub struct Phrases {
    /// The line as printed: the parts joined by " · ".
    pub value: String,
    /// Where the line is written.
    pub span: crate::diag::Span,
    /// The parts in order, each with its language.
    pub parts: Vec<Phrase>,
}

/// How the parts of a [`Phrases`] line are joined when printed.
pub const PHRASE_SEPARATOR: &str = " · ";

/// A local organisation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ContactFile {
    /// Organisation name. Required; optional here so that one run reports
    /// every missing key.
    #[serde(default)]
    pub name: Option<Spanned<String>>,
    /// Phone number, grouped with spaces ("01632 960 001"). Required.
    #[serde(default)]
    pub phone: Option<Spanned<String>>,
    /// Opening hours ("Mon–Fri 9am–5pm").
    #[serde(default)]
    pub hours: Option<Spanned<String>>,
    /// Web address without `https://` ("example.org/recovery").
    #[serde(default)]
    pub web: Option<Spanned<String>>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<Spanned<String>>,
    /// One-line description.
    #[serde(default)]
    pub description: Option<Spanned<String>>,
    /// Language of the name and opening hours when they are not in
    /// English, as a BCP 47 tag: `cy` (Welsh), `gd` (Scottish Gaelic),
    /// `ga` (Irish). Screen readers switch voice for them.
    #[serde(default)]
    pub lang: Option<Spanned<String>>,
    /// Tags that `contacts` blocks select by.
    #[serde(default)]
    pub tags: Vec<Spanned<String>>,
}

/// `areas/national.toml`: helplines shown in every area of a nation.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NationalFile {
    /// Helplines in priority order.
    #[serde(default)]
    pub helpline: Vec<Spanned<HelplineFile>>,
}

/// A national helpline.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HelplineFile {
    /// Name ("Samaritans"). Required; optional here so that one run
    /// reports every missing key.
    #[serde(default)]
    pub name: Option<Spanned<String>>,
    /// Number as published ("116 123"). Required.
    #[serde(default)]
    pub phone: Option<Spanned<String>>,
    /// When it is open ("24 hours, every day").
    #[serde(default)]
    pub hours: Option<Spanned<String>>,
    /// Nations where it applies. Required.
    #[serde(default)]
    pub nations: Option<Spanned<Vec<Nation>>>,
}

/// The image formats an area logo may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
}

/// An area's logo: checked to exist inside the project, to be a PNG or
/// JPEG and to be no larger than the limits in `docs/areas.md`. Layouts do
/// not draw it yet.
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    /// The file, relative to the project folder.
    pub path: std::path::PathBuf,
    /// Its format, from the file's header.
    pub format: ImageFormat,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Where `logo` is written in the area file.
    pub span: crate::diag::Span,
}

impl Logo {
    /// The path relative to the project with `/` separators: the key the
    /// logo is loaded under with the pictures.
    pub fn src(&self) -> String {
        self.path
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The logo as a picture reference, for loading.
    pub fn picture_ref(&self) -> super::Located<String> {
        super::Located {
            value: self.src(),
            span: self.span.clone(),
        }
    }
}
