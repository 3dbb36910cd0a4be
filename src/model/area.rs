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
    /// The area's name as printed ("Oxfordshire"). Required; optional
    /// here so that one run reports every missing key.
    #[serde(default)]
    pub name: Option<Spanned<String>>,
    /// Which nation's helplines apply. Required, like `name`.
    #[serde(default)]
    pub nation: Option<Spanned<Nation>>,
    /// Local organisations, in the order they are printed.
    #[serde(default)]
    pub contact: Vec<Spanned<ContactFile>>,
    /// A CSV file of more contacts, relative to the area file's folder
    /// (`"oxfordshire.csv"`); its rows follow the `[[contact]]` tables.
    #[serde(default)]
    pub contacts: Option<Spanned<String>>,
    /// The area's logo (PNG or JPEG), relative to the area file's folder.
    #[serde(default)]
    pub logo: Option<Spanned<String>>,
    /// Who prepared the resources ("Prepared by Oxfordshire Recovery Network").
    #[serde(default)]
    pub prepared_by: Option<Spanned<String>>,
}

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
