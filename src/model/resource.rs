//! The resource file: one printed product (card, leaflet, poster) with the
//! content of each variant. Every key is documented in `docs/format.md`.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::length::{Length, PageSize};
use crate::colour::Colour;

/// A resource as written in `resources/<id>.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ResourceFile {
    /// Identifier, used in file names and `--resource`.
    pub id: Spanned<String>,
    /// Document title (PDF metadata); may use placeholders. Required;
    /// optional here so that one run reports every missing key.
    #[serde(default)]
    pub title: Option<Spanned<String>>,
    /// Document subject (PDF metadata); may use placeholders.
    #[serde(default)]
    pub subject: Option<Spanned<String>>,
    /// Who made it (PDF metadata).
    #[serde(default)]
    pub author: Option<Spanned<String>>,
    /// Trimmed page size the design is made for. Required.
    #[serde(default)]
    pub size: Option<Spanned<PageSize>>,
    /// A profile that changes what may be printed (`"secure-setting"`).
    #[serde(default)]
    pub profile: Option<Profile>,
    /// Output formats; the first is the default. None: one format at `size`.
    #[serde(default)]
    pub format: Vec<Spanned<FormatFile>>,
    /// Colours shared by every variant.
    #[serde(default)]
    pub theme: Theme,
    /// The standard variant.
    #[serde(default)]
    pub standard: Option<VariantFile>,
    /// The Easy Read variant.
    #[serde(default)]
    pub easy_read: Option<VariantFile>,
    /// The Welsh of the standard variant's texts, for the bilingual
    /// variant.
    #[serde(default)]
    pub welsh: Option<super::WelshFile>,
    /// Publication and review months, version and whom to ask for other
    /// formats.
    #[serde(default)]
    pub edition: Option<super::EditionFile>,
}

/// One output format of a resource (e.g. A3 and A2 posters, A5 and DL
/// leaflets).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FormatFile {
    /// Name used in file names (`tips-poster-standard-a2.pdf`) and `--format`.
    pub name: Spanned<String>,
    /// Trimmed page (or panel) size.
    pub size: Spanned<PageSize>,
    /// Number of pages (panels); a `flow` page grows to make up the count.
    #[serde(default)]
    pub pages: Option<Spanned<usize>>,
    /// Scale the whole design from the resource's `size` to this size
    /// (same proportions), type included.
    #[serde(default)]
    pub scale: bool,
    /// Put the panels on sheets in folding order.
    #[serde(default)]
    pub fold: Option<Fold>,
}

/// Rules for where a resource is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// Secure wards: patients usually have no internet, so no web or e-mail
    /// addresses and no QR codes are printed.
    SecureSetting,
}

/// How panels are put on the printed sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fold {
    /// Six panels on two landscape sheets, folded in three (roll fold):
    /// outside 5-6-1, inside 2-3-4.
    TriFold,
    /// Eight panels on the two sides of a strip four panels long, folded
    /// like an accordion: front 1-2-3-4, back 8-7-6-5 (panel 5 behind 4).
    Concertina,
    /// Pages two to a sheet side, folded in half and nested (saddle
    /// stitch): 4 pages are one sheet, outside 4-1, inside 2-3.
    Booklet,
}

impl Fold {
    /// The name written in TOML.
    pub fn name(self) -> &'static str {
        match self {
            Fold::TriFold => "tri-fold",
            Fold::Concertina => "concertina",
            Fold::Booklet => "booklet",
        }
    }

    /// Whether `pages` panels make whole sheets of this fold.
    pub fn fits(self, pages: usize) -> bool {
        match self {
            Fold::TriFold => pages == 6,
            Fold::Concertina => pages == 8,
            Fold::Booklet => pages > 0 && pages.is_multiple_of(4),
        }
    }
}

/// Named colours and the default text and paper colours.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Theme {
    /// Body text colour (default near-black #1A1A1A).
    pub ink: Colour,
    /// Page colour (default white).
    pub paper: Colour,
    /// Named colours that blocks refer to by name.
    pub colours: BTreeMap<String, Colour>,
    /// Process inks for print, by colour name (`ink`, `paper` or a name in
    /// `colours`): `[c, m, y, k]` in percent, used instead of the
    /// conversion from RGB in CMYK and PDF/X files.
    pub cmyk: BTreeMap<String, Spanned<[u8; 4]>>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            ink: Colour::rgb(0x1A, 0x1A, 0x1A),
            paper: Colour::WHITE,
            colours: BTreeMap::new(),
            cmyk: BTreeMap::new(),
        }
    }
}

/// One variant (standard or Easy Read) of a resource.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct VariantFile {
    /// Space between the trim edge and the text (default 5mm).
    #[serde(default)]
    pub margin: Option<Spanned<Length>>,
    /// Type sizes for the text styles.
    #[serde(default, rename = "type")]
    pub type_scale: TypeScale,
    /// Formats of this variant, replacing the resource's `[[format]]`
    /// (an Easy Read card folds differently from the standard card). The
    /// first format's size is this variant's design size.
    #[serde(default)]
    pub format: Vec<Spanned<FormatFile>>,
    /// Print "Page N of M" at the foot of every page.
    #[serde(default)]
    pub page_numbers: bool,
    /// The longest line of a row's or an Easy Read contact's words
    /// (default: as wide as the column leaves).
    #[serde(default)]
    pub measure: Option<Spanned<Length>>,
    /// The pages, front first.
    #[serde(default)]
    pub page: Vec<Spanned<PageFile>>,
    /// Content poured into the `flow` page's panels, each section kept
    /// together on one panel.
    #[serde(default)]
    pub section: Vec<Spanned<SectionFile>>,
}

/// A group of blocks kept together when content flows across panels.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SectionFile {
    /// The formats the section is printed in (default: every format).
    #[serde(default)]
    pub formats: Option<Vec<Spanned<String>>>,
    /// The blocks.
    #[serde(default)]
    pub block: Vec<Spanned<BlockFile>>,
}

/// Font sizes of the text styles, and the line spacing, as written; a key
/// left out takes the default in [`TypeScale::DEFAULT`]. Each value keeps
/// its place, so a size that cannot print is reported at its key.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct TypeScale {
    /// Banner titles (default 18pt).
    pub title: Option<Spanned<Length>>,
    /// Banner subtitles (default 8pt).
    pub subtitle: Option<Spanned<Length>>,
    /// Headings (default 9pt).
    pub heading: Option<Spanned<Length>>,
    /// Body text (default 7pt).
    pub body: Option<Spanned<Length>>,
    /// Credit lines and notes (default 6pt, the print minimum).
    pub small: Option<Spanned<Length>>,
    /// Phone numbers in contact entries (default: the body size). The
    /// lines stay as far apart as the body's, so keep it within about a
    /// point of the body size.
    pub phone: Option<Spanned<Length>>,
    /// Line height as a multiple of the font size (default 1.25).
    pub leading: Option<Spanned<f64>>,
}

impl TypeScale {
    /// The defaults in points: title, subtitle, heading, body, small, and
    /// the leading.
    pub const DEFAULT: ([f64; 5], f64) = ([18.0, 8.0, 9.0, 7.0, 6.0], 1.25);
}

/// One page (one side of the card).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PageFile {
    /// Page background colour (name or #RRGGBB); bleeds off every edge.
    #[serde(default)]
    pub background: Option<Spanned<String>>,
    /// This page stands for as many panels as the sections need (or as the
    /// format's page count leaves).
    #[serde(default)]
    pub flow: bool,
    /// How the height the blocks leave is shared (default `"stack"`).
    #[serde(default)]
    pub spacing: Spacing,
    /// With `spacing = "distribute"`: the largest gap between two blocks
    /// (default 12mm).
    #[serde(default)]
    pub max_gap: Option<Spanned<Length>>,
    /// Every `row` block on the page as tall as the tallest, so the rows
    /// (their pictures in one column) fall on one pitch (default false).
    #[serde(default)]
    pub grid: bool,
    /// What layout tries, in order, when the page does not fit (default
    /// `["spacing", "columns", "logo", "type"]`; `[]` tries nothing).
    #[serde(default)]
    pub fit: Option<Vec<FitStrategy>>,
    /// The smallest type the `type` strategy may step down to (default:
    /// the body size less a quarter, at least 6 pt, in Easy Read 14 pt).
    #[serde(default)]
    pub min_size: Option<Spanned<Length>>,
    /// The smallest a logo's longer side may shrink to under the `logo`
    /// strategy (default 12 mm).
    #[serde(default)]
    pub min_logo: Option<Spanned<Length>>,
    /// The blocks, top to bottom.
    #[serde(default)]
    pub block: Vec<Spanned<BlockFile>>,
}

/// How a page shares out the height its blocks leave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Spacing {
    /// Top blocks stack down from the top margin and bottom blocks up from
    /// the bottom margin; what is left stays between the two stacks.
    #[default]
    Stack,
    /// What is left is shared out equally between the top blocks (and
    /// between the last of them and the bottom stack), up to `max-gap`
    /// each, so the page does not end in an empty band.
    Distribute,
    /// The top blocks stack as with `Stack`, and the stack moves down by
    /// half of what is left, so it sits in the middle of the page (or
    /// between the top margin and the bottom stack): a card panel with a
    /// single row.
    Centre,
}

/// One way layout makes a page that does not fit fit, each within its
/// bounds (`docs/format.md`, "How layouts adapt").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FitStrategy {
    /// Close the gaps between blocks, down to half the usual gap.
    Spacing,
    /// Set contacts blocks in two columns where every entry fits.
    Columns,
    /// Shrink the area's logo, keeping its shape, down to `min-logo`.
    Logo,
    /// Step every type size down by half a point at a time, down to
    /// `min-size`.
    Type,
    /// The last resort: print as many of the page's contacts as fit (at
    /// least one a block) and name each one left out in a warning.
    Fewer,
}

impl FitStrategy {
    /// The order layout tries when the page does not say.
    pub const DEFAULT: [FitStrategy; 4] = [
        FitStrategy::Spacing,
        FitStrategy::Columns,
        FitStrategy::Logo,
        FitStrategy::Type,
    ];
}

/// Declares [`BlockKind`]: each row is a kind, its TOML name and the keys
/// it takes (besides `kind`, `anchor` and `waive`, which every block takes).
/// This is the one table of which kind takes which key; `model` rejects
/// every other key at the key.
macro_rules! block_kinds {
    ($( $(#[doc = $doc:literal])* $kind:ident $name:literal [$($key:ident),* $(,)?], )*) => {
        /// What a block is; decides which other keys it takes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
        pub enum BlockKind {
            $( $(#[doc = $doc])* #[serde(rename = $name)] $kind, )*
        }

        impl BlockKind {
            /// Every kind, in the table's order.
            pub const ALL: &'static [BlockKind] = &[$(BlockKind::$kind),*];

            /// The name written in TOML.
            pub fn name(self) -> &'static str {
                match self {
                    $(BlockKind::$kind => $name,)*
                }
            }

            /// The keys a block of this kind takes besides `kind`,
            /// `anchor` and `waive`, in the order the hint lists them.
            pub fn keys(self) -> &'static [BlockKey] {
                match self {
                    $(BlockKind::$kind => &[$(BlockKey::$key),*],)*
                }
            }
        }
    };
}

block_kinds! {
    /// A coloured band across the top of the page, off the edges, with a title.
    Banner "banner" [Text, Subtitle, Fill, Colour, Picture, Alt, Width],
    /// A heading.
    Heading "heading" [Text, Colour],
    /// Running text; `**bold**` marks bold words.
    Paragraph "paragraph" [Text, Style, Colour],
    /// Terms with a coloured marker and a short explanation (the CHIME list).
    KeyList "key-list" [Item],
    /// The area's local organisations.
    Contacts "contacts" [Tags, Fields, Picture, Alt, Width, Count, Columns],
    /// National helplines for the area's nation.
    Helplines "helplines" [Count, Fill, Colour, Picture, Alt, Width],
    /// Empty space.
    Spacer "spacer" [Height],
    /// A picture on its own.
    Picture "picture" [Picture, Alt, Width, MaxWidth],
    /// A picture on the left, a heading, text and bullet points on the right.
    Row "row" [Picture, Alt, Width, MaxWidth, Label, Heading, Text, Items, Colour],
    /// Bullet points.
    List "list" [Items, Colour],
    /// A grid of coloured cards (tips).
    Cards "cards" [Card, Columns],
    /// A scene: a path winding down from a picture at its start to one at
    /// its end, a numbered signpost at each stage and the stage's tip
    /// beside it.
    Journey "journey" [Stage, Start, End, Colour, Height],
    /// The area's logo and "prepared by" line; nothing when the area has
    /// neither.
    PreparedBy "prepared-by" [Width, Colour],
    /// The area's logo on its own, large (a cover's); nothing when the
    /// area has none.
    Logo "logo" [Width],
}

/// Where a block sits: stacked from the top (default) or from the bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Anchor {
    /// Stacked below the blocks before it.
    #[default]
    Top,
    /// Stacked up from the bottom margin.
    Bottom,
}

/// A text style name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StyleName {
    /// Body text.
    #[default]
    Body,
    /// Small print.
    Small,
}

/// A field of a contact that a `contacts` block shows under the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactField {
    /// Phone number.
    Phone,
    /// Opening hours.
    Hours,
    /// Web address.
    Web,
    /// E-mail address.
    Email,
    /// One-line description.
    Description,
}

/// Declares [`BlockFile`] and [`BlockKey`] from one list of the keys a
/// block may have besides `kind`, `anchor` and `waive`. Each key is one
/// word: its field name is its TOML name.
macro_rules! block_keys {
    ($( $(#[doc = $doc:literal])* $field:ident ($key:ident): $ty:ty, )*) => {
        /// A block as written in TOML. Which keys are allowed depends on
        /// `kind` ([`BlockKind::keys`]); `model` checks that and hands on a
        /// typed block.
        #[derive(Debug, Clone, Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        pub struct BlockFile {
            /// What the block is.
            pub kind: Spanned<BlockKind>,
            /// Stack from the top (default) or the bottom of the page.
            #[serde(default)]
            pub anchor: Anchor,
            /// Waive one Easy Read rule for this block, with a reason.
            #[serde(default)]
            pub waive: Option<WaiveFile>,
            /// The formats the block is printed in (default: every format).
            #[serde(default)]
            pub formats: Option<Vec<Spanned<String>>>,
            $( $(#[doc = $doc])* #[serde(default)] pub $field: $ty, )*
        }

        /// A key of a block that only some kinds take.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
        pub enum BlockKey {
            $( #[doc = concat!("`", stringify!($field), "`")] $key, )*
        }

        impl BlockKey {
            /// Every key, in the order a block's keys are checked.
            pub const ALL: &'static [BlockKey] = &[$(BlockKey::$key),*];

            /// The name written in TOML.
            pub fn name(self) -> &'static str {
                match self {
                    $(BlockKey::$key => stringify!($field),)*
                }
            }
        }

        impl BlockFile {
            /// The keys this block sets, in [`BlockKey::ALL`] order, each
            /// with the byte range of its value when the value keeps one.
            pub fn keys_set(&self) -> Vec<(BlockKey, Option<Range<usize>>)> {
                let mut set = Vec::new();
                $(
                    if let Some(at) = KeyValue::set_at(&self.$field) {
                        set.push((BlockKey::$key, at));
                    }
                )*
                set
            }
        }
    };
}

/// Whether a block key is set, and where its value is written.
trait KeyValue {
    /// `None` when the key is absent; else its value's byte range, if the
    /// value keeps one (a list of tables does not).
    fn set_at(&self) -> Option<Option<Range<usize>>>;
}

impl<T> KeyValue for Option<Spanned<T>> {
    fn set_at(&self) -> Option<Option<Range<usize>>> {
        self.as_ref().map(|v| Some(v.span()))
    }
}

impl<T> KeyValue for Option<Vec<T>> {
    fn set_at(&self) -> Option<Option<Range<usize>>> {
        self.as_ref().map(|_| None)
    }
}

block_keys! {
    /// The block's text (banner title, heading, paragraph).
    text(Text): Option<Spanned<String>>,
    /// A banner's second line.
    subtitle(Subtitle): Option<Spanned<String>>,
    /// Text style of a paragraph.
    style(Style): Option<Spanned<StyleName>>,
    /// Fill colour (banner, helplines band): a theme name or #RRGGBB.
    fill(Fill): Option<Spanned<String>>,
    /// Text colour: a theme name or #RRGGBB.
    colour(Colour): Option<Spanned<String>>,
    /// Entries of a key list.
    item(Item): Option<Vec<Spanned<KeyItemFile>>>,
    /// Contact tags to show (all contacts when absent).
    tags(Tags): Option<Vec<Spanned<String>>>,
    /// Contact fields shown under each name (default phone and hours).
    fields(Fields): Option<Vec<ContactField>>,
    /// How many helplines to show at most.
    count(Count): Option<Spanned<usize>>,
    /// Height of a spacer.
    height(Height): Option<Spanned<Length>>,
    /// Picture file (picture, row), inside the project: "assets/pictures/candle.svg".
    picture(Picture): Option<Spanned<String>>,
    /// What the picture shows, for people who cannot see it.
    alt(Alt): Option<Spanned<String>>,
    /// Picture width.
    width(Width): Option<Spanned<Length>>,
    /// The most a picture may grow to when its page has room (picture,
    /// row; default: it keeps its `width`).
    max_width(MaxWidth): Option<Spanned<Length>>,
    /// A row's label: a short bold line above its heading, in the row's
    /// colour (large print's poster gives each tip its stage's name).
    label(Label): Option<Spanned<String>>,
    /// Heading of a row.
    heading(Heading): Option<Spanned<String>>,
    /// Bullet points (list, row).
    items(Items): Option<Vec<Spanned<String>>>,
    /// Cards of a `cards` block.
    card(Card): Option<Vec<Spanned<CardFile>>>,
    /// Number of columns: of a `cards` block, 1 to 4 (default 2); of a
    /// `contacts` block, 1 or 2 (default: two when every contact fits in
    /// half the width on as many lines as in the whole width).
    columns(Columns): Option<Spanned<usize>>,
    /// Stages of a journey, in order: `[[….block.stage]]` tables.
    stage(Stage): Option<Vec<Spanned<StageFile>>>,
    /// The picture a journey's path starts at (a hospital).
    start(Start): Option<Spanned<EndFile>>,
    /// The picture a journey's path ends at (homes).
    end(End): Option<Spanned<EndFile>>,
}

/// One stage of a journey: its signpost's label and, optionally, the tip
/// shown beside it (a tip has all of `heading`, `text`, `picture` and
/// `alt`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct StageFile {
    /// The signpost's label ("Admission").
    pub label: Spanned<String>,
    /// The tip's bold headline.
    pub heading: Option<Spanned<String>>,
    /// The tip's text below it.
    pub text: Option<Spanned<String>>,
    /// The tip's picture, inside the project.
    pub picture: Option<Spanned<String>>,
    /// What the tip's picture shows.
    pub alt: Option<Spanned<String>>,
    /// The stage's colour (signpost and tip): a theme name or #RRGGBB;
    /// default the journey's `colour`.
    pub colour: Option<Spanned<String>>,
}

/// The picture at one end of a journey's path.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EndFile {
    /// The picture, inside the project.
    pub picture: Spanned<String>,
    /// What it shows.
    pub alt: Spanned<String>,
}

/// `waive = { rule = "sentence-too-long", reason = "…" }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WaiveFile {
    /// The rule id (see docs/easy-read-checks.md).
    pub rule: Spanned<String>,
    /// Why it cannot be met here.
    pub reason: Spanned<String>,
}

/// One card of a `cards` block.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CardFile {
    /// Bold first line.
    pub title: Spanned<String>,
    /// Text below it.
    pub text: Spanned<String>,
    /// Accent colour: a theme name or #RRGGBB.
    pub colour: Spanned<String>,
}

/// One entry of a key list.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct KeyItemFile {
    /// The term, in bold (e.g. "Connectedness").
    pub term: Spanned<String>,
    /// Its short explanation.
    pub text: Spanned<String>,
    /// Marker colour: a theme name or #RRGGBB.
    pub colour: Spanned<String>,
}
