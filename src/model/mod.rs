//! Stage 1: read TOML into typed, checked data.
//!
//! Files are parsed with serde (`deny_unknown_fields` everywhere), then
//! checked: colour names exist, each block has the keys its kind needs and no
//! others, ids are unique. Every problem is collected with its location
//! before returning, so one run reports all of them.

mod area;
mod convert;
mod csv;
mod edition;
mod id;
mod large_print;
mod length;
mod load;
pub mod phone;
mod printable;
mod resource;
mod spreadsheet;
pub mod starter;
mod welsh;

use std::collections::BTreeMap;
use std::fmt;

pub use area::{
    AreaFile, ContactFile, HelplineFile, ImageFormat, Logo, Nation, NationalFile, PHRASE_SEPARATOR,
    Phrase, Phrases,
};
pub use csv::COLUMNS as CSV_COLUMNS;
pub use edition::{Edition, EditionFile, Month};
pub use id::{ID_MAX_LEN, Id, IdProblem};
pub use length::{Length, PageSize};
pub use load::{
    BrokenArea, LOGO_MAX_BYTES, LOGO_MAX_PIXELS, Reading, SheetContacts, load_area, load_national,
    load_project, load_project_lenient, load_resource, read_project, spreadsheet_contacts,
};
pub use resource::{
    Anchor, BlockKind, ContactField, FitStrategy, Fold, Profile, Spacing, StyleName, Theme,
};
pub use spreadsheet::EXTENSIONS as SPREADSHEET_EXTENSIONS;
pub use welsh::{Pairing, Welsh, WelshFile};

use crate::colour::Colour;
use crate::diag::{Diagnostic, FileId, Span};
use crate::geom::Abs;

/// A value with the place in a source file it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Located<T> {
    /// Takes a value and span from toml's `Spanned`.
    pub fn from_spanned(file: FileId, s: toml::Spanned<T>) -> Self {
        let span = Span::new(file, s.span());
        Located {
            value: s.into_inner(),
            span,
        }
    }
}

/// Everything a run reads: resources, areas and national helplines.
#[derive(Debug, Clone)]
pub struct Project {
    /// Resources, sorted by id.
    pub resources: Vec<Resource>,
    /// Areas, sorted by id.
    pub areas: Vec<Area>,
    /// National helplines in priority order.
    pub helplines: Vec<Helpline>,
}

/// A printed product variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Variant {
    /// The standard design.
    Standard,
    /// Easy Read: pictures beside short sentences, large type.
    EasyRead,
    /// Large print: the standard variant's words on A4 in type of at
    /// least 16 pt (made from the standard variant, not written in TOML).
    LargePrint,
    /// Welsh and English: the standard variant laid out in both languages
    /// (made from the standard variant and the resource's `[welsh]` table,
    /// built for areas that ask for it).
    Bilingual,
}

impl Variant {
    /// Every variant, in build order.
    pub const ALL: [Variant; 4] = [
        Variant::Standard,
        Variant::EasyRead,
        Variant::LargePrint,
        Variant::Bilingual,
    ];

    /// The name used in TOML and file names.
    pub fn name(self) -> &'static str {
        match self {
            Variant::Standard => "standard",
            Variant::EasyRead => "easy-read",
            Variant::LargePrint => "large-print",
            Variant::Bilingual => "bilingual",
        }
    }

    /// How a reader would name the form (`{other-formats}`): "Easy Read",
    /// "large print".
    pub fn form_name(self) -> &'static str {
        match self {
            Variant::Standard => "standard print",
            Variant::EasyRead => "Easy Read",
            Variant::LargePrint => "large print",
            Variant::Bilingual => "Welsh and English",
        }
    }
}

impl fmt::Display for Variant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A checked resource.
#[derive(Debug, Clone)]
pub struct Resource {
    /// Identifier (file names, `--resource`).
    pub id: Located<Id>,
    /// Title, may contain placeholders.
    pub title: Located<String>,
    /// Subject, may contain placeholders.
    pub subject: Option<Located<String>>,
    /// Author.
    pub author: Option<Located<String>>,
    /// Trimmed page size the design is made for.
    pub size: PageSize,
    /// Output formats of variants without their own; the first is the
    /// default.
    pub formats: Vec<Format>,
    /// Where the resource is used, if that restricts it.
    pub profile: Option<Profile>,
    /// Default text colour.
    pub ink: Colour,
    /// Default page colour.
    pub paper: Colour,
    /// The variants this resource has.
    pub variants: BTreeMap<Variant, VariantDef>,
    /// The Welsh of the standard variant's texts (`[welsh]`), which makes
    /// the bilingual variant.
    pub welsh: Option<Welsh>,
    /// Publication and review months, version, whom to ask for other
    /// formats (`[edition]`).
    pub edition: Option<Edition>,
}

/// One output format.
#[derive(Debug, Clone, PartialEq)]
pub struct Format {
    /// Name (file-name suffix for all but the first format).
    pub name: Id,
    /// Page or panel size.
    pub size: PageSize,
    /// Total pages (panels), if fixed.
    pub pages: Option<usize>,
    /// Scale the design from the resource's size.
    pub scale: bool,
    /// Sheet imposition for folding.
    pub fold: Option<Fold>,
}

/// Whether a block or section limited to `formats` (none: every format)
/// is printed in the format called `name`.
pub fn printed_in(formats: &[Located<String>], name: &str) -> bool {
    formats.is_empty() || formats.iter().any(|f| f.value == name)
}

impl Resource {
    /// Every picture path the resource refers to.
    pub fn pictures(&self) -> Vec<&Located<String>> {
        let mut out = Vec::new();
        for def in self.variants.values() {
            for b in def.blocks() {
                match &b.content {
                    BlockContent::Picture { picture, .. } | BlockContent::Row { picture, .. } => {
                        out.push(&picture.src);
                    }
                    BlockContent::Contacts {
                        picture: Some(picture),
                        ..
                    }
                    | BlockContent::Helplines {
                        picture: Some(picture),
                        ..
                    }
                    | BlockContent::Banner {
                        picture: Some(picture),
                        ..
                    } => out.push(&picture.src),
                    BlockContent::Journey {
                        stages, start, end, ..
                    } => {
                        let tips = stages.iter().filter_map(|s| s.tip.as_ref());
                        let ends = start.iter().chain(end);
                        out.extend(tips.map(|t| &t.picture.src).chain(ends.map(|p| &p.src)));
                    }
                    _ => {}
                }
            }
        }
        out
    }
}

impl Resource {
    /// The formats `variant` is built in (its own, else the resource's).
    pub fn formats_for(&self, variant: Variant) -> &[Format] {
        match self.variants.get(&variant) {
            Some(def) if !def.formats.is_empty() => &def.formats,
            _ => &self.formats,
        }
    }

    /// The size `variant` is designed at (what scaled formats scale from).
    pub fn design_size(&self, variant: Variant) -> PageSize {
        match self.variants.get(&variant).and_then(|d| d.formats.first()) {
            Some(f) => f.size,
            None => self.size,
        }
    }
}

/// One variant's page design.
#[derive(Debug, Clone)]
pub struct VariantDef {
    /// The variant's own formats (empty: the resource's).
    pub formats: Vec<Format>,
    /// Text margin inside the trim.
    pub margin: Abs,
    /// Font sizes and leading.
    pub type_scale: TypeSizes,
    /// Pages, front first.
    pub pages: Vec<PageDef>,
    /// Sections poured into the flow page's panels.
    pub sections: Vec<SectionDef>,
    /// Print page numbers.
    pub page_numbers: bool,
    /// The longest line of a row's words, if the variant sets one.
    pub measure: Option<Abs>,
}

impl VariantDef {
    /// Every block of the variant in source order: the pages' blocks,
    /// then the sections'.
    pub fn blocks(&self) -> impl Iterator<Item = &BlockDef> {
        self.pages
            .iter()
            .flat_map(|p| &p.blocks)
            .chain(self.sections.iter().flat_map(|s| &s.blocks))
    }
}

/// Blocks kept together when flowing.
#[derive(Debug, Clone)]
pub struct SectionDef {
    /// The format names it is printed in; empty: every format.
    pub formats: Vec<Located<String>>,
    /// The blocks.
    pub blocks: Vec<BlockDef>,
    /// Where the section is written.
    pub span: Span,
}

/// A picture reference with its alternative text.
#[derive(Debug, Clone)]
pub struct PictureRef {
    /// Path inside the project.
    pub src: Located<String>,
    /// What it shows.
    pub alt: Located<String>,
    /// Placed width, if set.
    pub width: Option<Abs>,
    /// The most the picture may grow to when its page has room.
    pub max_width: Option<Abs>,
}

/// A card of a `cards` block.
#[derive(Debug, Clone)]
pub struct Card {
    /// Bold first line.
    pub title: Located<String>,
    /// Text.
    pub text: Located<String>,
    /// Accent colour.
    pub colour: Colour,
}

/// One stage of a `journey`.
#[derive(Debug, Clone)]
pub struct Stage {
    /// The signpost's label.
    pub label: Located<String>,
    /// The signpost's and tip's colour.
    pub colour: Colour,
    /// The tip beside the signpost, if the stage has one.
    pub tip: Option<Tip>,
}

/// The tip of a journey's stage.
#[derive(Debug, Clone)]
pub struct Tip {
    /// Bold headline.
    pub heading: Located<String>,
    /// Text below it.
    pub text: Located<String>,
    /// Its picture.
    pub picture: PictureRef,
}

/// Font sizes of the text styles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypeSizes {
    /// Banner title size.
    pub title: Abs,
    /// Banner subtitle size.
    pub subtitle: Abs,
    /// Heading size.
    pub heading: Abs,
    /// Body size.
    pub body: Abs,
    /// Small print size.
    pub small: Abs,
    /// Size of phone numbers in contact entries set in body text.
    pub phone: Abs,
    /// Line height as a multiple of the font size.
    pub leading: f64,
}

/// A page of blocks.
#[derive(Debug, Clone)]
pub struct PageDef {
    /// Background colour, bleeding off every edge.
    pub background: Option<Colour>,
    /// Stands for the panels that sections flow into.
    pub flow: bool,
    /// How the height the blocks leave is shared out.
    pub spacing: Spacing,
    /// The largest gap between blocks when spacing is distributed.
    pub max_gap: Abs,
    /// Every row block as tall as the tallest on the page.
    pub grid: bool,
    /// What layout tries when the page does not fit.
    pub fit: Fit,
    /// Blocks in source order.
    pub blocks: Vec<BlockDef>,
    /// Where the page is written.
    pub span: Span,
}

/// What layout may do to make a page fit, and how far.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// The strategies, in the order they are tried (each on top of the
    /// ones before it).
    pub order: Vec<FitStrategy>,
    /// The smallest type size the `type` strategy steps down to.
    pub min_size: Abs,
    /// The smallest length of a logo's longer side.
    pub min_logo: Abs,
}

impl Fit {
    /// Nothing is tried: a page that does not fit is an error.
    pub fn none() -> Fit {
        Fit {
            order: Vec::new(),
            min_size: Abs::pt(f64::INFINITY),
            min_logo: Abs::pt(f64::INFINITY),
        }
    }
}

/// A checked block.
#[derive(Debug, Clone)]
pub struct BlockDef {
    /// Where the block is written.
    pub span: Span,
    /// Top or bottom stacking.
    pub anchor: Anchor,
    /// What the block shows.
    pub content: BlockContent,
    /// An Easy Read rule waived for this block: (rule id, reason).
    pub waive: Option<(Located<String>, Located<String>)>,
    /// The format names it is printed in; empty: every format.
    pub formats: Vec<Located<String>>,
}

/// What a block shows.
#[derive(Debug, Clone)]
pub enum BlockContent {
    /// A full-width coloured band with a title.
    Banner {
        /// Title text.
        title: Located<String>,
        /// Optional second line.
        subtitle: Option<Located<String>>,
        /// Band colour.
        fill: Colour,
        /// Text colour.
        colour: Colour,
        /// A picture at the right of the title, on a paper-coloured disc
        /// (a cover's).
        picture: Option<PictureRef>,
    },
    /// A heading.
    Heading {
        /// Heading text.
        text: Located<String>,
        /// Text colour.
        colour: Colour,
    },
    /// Running text with `**bold**` spans.
    Paragraph {
        /// The text.
        text: Located<String>,
        /// Body or small.
        style: StyleName,
        /// Text colour.
        colour: Colour,
    },
    /// Terms with coloured markers.
    KeyList {
        /// The entries.
        items: Vec<KeyItem>,
    },
    /// The area's local organisations.
    Contacts {
        /// Tags to select (all when empty).
        tags: Vec<Located<String>>,
        /// Fields shown under each name.
        fields: Vec<ContactField>,
        /// A picture beside each contact (Easy Read), if any.
        picture: Option<PictureRef>,
        /// How many contacts at most.
        count: usize,
        /// 1 or 2 columns; `None`: two when every contact fits half the
        /// width on as many lines.
        columns: Option<usize>,
    },
    /// National helplines.
    Helplines {
        /// How many at most.
        count: usize,
        /// A picture beside each helpline (Easy Read), if any.
        picture: Option<PictureRef>,
        /// Band colour, if any.
        fill: Option<Colour>,
        /// Text colour.
        colour: Colour,
    },
    /// The area's logo and "prepared by" line, if it has them.
    PreparedBy {
        /// Width of the logo (default 25 mm).
        width: Option<Abs>,
        /// Text colour.
        colour: Colour,
    },
    /// The area's logo on its own, if it has one.
    Logo {
        /// The side of the logo's square box (default 30 mm).
        width: Option<Abs>,
    },
    /// Empty space.
    Spacer {
        /// Its height.
        height: Abs,
    },
    /// A picture.
    Picture {
        /// The picture.
        picture: PictureRef,
    },
    /// Picture left, text right.
    Row {
        /// The picture.
        picture: PictureRef,
        /// A short line above the heading.
        label: Option<Located<String>>,
        /// Heading.
        heading: Option<Located<String>>,
        /// Text.
        text: Option<Located<String>>,
        /// Bullet points.
        items: Vec<Located<String>>,
        /// Heading colour.
        colour: Colour,
    },
    /// Bullet points.
    List {
        /// The points.
        items: Vec<Located<String>>,
        /// Text colour.
        colour: Colour,
    },
    /// Cards in a grid.
    Cards {
        /// The cards.
        cards: Vec<Card>,
        /// Columns.
        columns: usize,
    },
    /// A path winding down through numbered signposts, each stage's tip
    /// beside its signpost.
    Journey {
        /// The stages in order.
        stages: Vec<Stage>,
        /// The path's colour.
        colour: Colour,
        /// The least height of the scene (it grows to fit its tips).
        height: Abs,
        /// The picture the path starts at.
        start: Option<PictureRef>,
        /// The picture the path ends at.
        end: Option<PictureRef>,
    },
}

/// One entry of a key list.
#[derive(Debug, Clone)]
pub struct KeyItem {
    /// The term.
    pub term: Located<String>,
    /// Its explanation.
    pub text: Located<String>,
    /// Marker colour.
    pub colour: Colour,
}

/// A checked area.
#[derive(Debug, Clone)]
pub struct Area {
    /// Identifier (output folder, `--area`).
    pub id: Located<Id>,
    /// Printed name.
    pub name: Located<String>,
    /// The name's language (BCP 47, `cy`) when it is not English.
    pub name_lang: Option<Located<String>>,
    /// Nation, for helplines.
    pub nation: Nation,
    /// Whether the bilingual (Welsh–English) versions are built for it.
    pub bilingual: bool,
    /// Local organisations in print order: the `[[contact]]` tables, then
    /// the rows of the `contacts` CSV file.
    pub contacts: Vec<Contact>,
    /// The area's logo, checked to exist and be a PNG or JPEG. Not drawn
    /// yet: it is here for the layouts that will place it.
    pub logo: Option<Logo>,
    /// The "prepared by" line, for layouts to print, with its parts in
    /// their languages.
    pub prepared_by: Option<Phrases>,
    /// Whom to ask for another format, when the area says.
    pub other_formats_from: Option<Located<String>>,
    /// Problems in this area's files that do not stop a build (a contact
    /// tag no resource uses). Shown by the command line and listed in the
    /// report for every document of the area.
    pub warnings: Vec<Diagnostic>,
}

/// A local organisation.
#[derive(Debug, Clone)]
pub struct Contact {
    /// Name.
    pub name: Located<String>,
    /// Phone number.
    pub phone: Located<String>,
    /// Opening hours.
    pub hours: Option<Located<String>>,
    /// Web address.
    pub web: Option<Located<String>>,
    /// E-mail address.
    pub email: Option<Located<String>>,
    /// Description.
    pub description: Option<Located<String>>,
    /// Language of the name and hours (BCP 47), when not English.
    pub lang: Option<Located<String>>,
    /// Selection tags.
    pub tags: Vec<Located<String>>,
    /// Where the contact is written.
    pub span: Span,
}

/// A national helpline.
#[derive(Debug, Clone)]
pub struct Helpline {
    /// Name.
    pub name: Located<String>,
    /// Number.
    pub phone: Located<String>,
    /// Opening times.
    pub hours: Option<Located<String>>,
    /// Nations served.
    pub nations: Vec<Nation>,
}
