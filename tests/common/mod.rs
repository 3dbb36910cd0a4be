//! Shared test helpers: load the real project, build documents, render
//! pages to pixels, and make throw-away projects with broken input.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use wellprint::Loaded;
use wellprint::diag::{Diagnostic, Sources};
use wellprint::geom::Abs;
use wellprint::layout::{Frame, FrameItem};
use wellprint::model::Variant;
use wellprint::{BuildOptions, Built, Fonts, Job};

/// The repository root (the real project).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Millimetres to points.
pub fn mm(v: f64) -> f64 {
    v * 72.0 / 25.4
}

/// Loads a project, panicking with readable diagnostics if it fails.
pub fn load(root: &Path) -> (Sources, Loaded) {
    let mut sources = Sources::new();
    match wellprint::load(&wellprint::files::Disk::new(root), &mut sources) {
        Ok(p) => (sources, p),
        Err(errors) => panic!("project does not load:\n{}", render(&sources, &errors)),
    }
}

/// Diagnostics as plain text lines.
pub fn render(sources: &Sources, errors: &[Diagnostic]) -> String {
    errors
        .iter()
        .map(|d| sources.render_plain(d))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a print shop asks for: crop marks with a slug line, PDF/X-4.
pub fn print_shop_options() -> BuildOptions {
    BuildOptions {
        pdf: wellprint::render::PdfOptions {
            marks: Some(wellprint::render::MarkSettings {
                slug: true,
                ..Default::default()
            }),
            pdfx: true,
            ..Default::default()
        },
        ..BuildOptions::default()
    }
}

/// The bundled fonts.
pub fn fonts() -> Fonts {
    Fonts::load(&wellprint::files::Disk::new(root())).expect("bundled fonts load")
}

/// Builds one document of a loaded project.
pub fn build(
    sources: &Sources,
    project: &Loaded,
    resource: &str,
    variant: Variant,
    area: &str,
) -> Result<Built, String> {
    build_format(sources, project, resource, variant, area, None)
}

/// Builds one document in a named format (`None`: the first format).
pub fn build_format(
    sources: &Sources,
    project: &Loaded,
    resource: &str,
    variant: Variant,
    area: &str,
    format: Option<&str>,
) -> Result<Built, String> {
    let job = job(project, resource, variant, area, format);
    wellprint::build(project, &job, &fonts(), &BuildOptions::default())
        .map_err(|e| render(sources, &e))
}

/// A loaded project and its sources, for tests that build several of its
/// documents and expect each to build.
pub struct Example {
    /// The files read, for rendering diagnostics.
    pub sources: Sources,
    /// The loaded project.
    pub project: Loaded,
}

impl Example {
    /// The shipped project: its resources and example areas.
    pub fn shipped() -> Example {
        let (sources, project) = load(&root());
        Example { sources, project }
    }

    /// Builds one document in a named format (`None`: the variant's
    /// first), panicking with its diagnostics if it does not build.
    pub fn build(
        &self,
        resource: &str,
        variant: Variant,
        area: &str,
        format: Option<&str>,
    ) -> Built {
        build_format(
            &self.sources,
            &self.project,
            resource,
            variant,
            area,
            format,
        )
        .unwrap_or_else(|e| panic!("{resource} {variant:?} {format:?} for {area}: {e}"))
    }
}

/// The job for a resource, variant and area of a loaded project, in a
/// named format (`None`: the variant's first).
pub fn job<'a>(
    project: &'a Loaded,
    resource: &str,
    variant: Variant,
    area: &str,
    format: Option<&str>,
) -> Job<'a> {
    let resource = project
        .resources
        .iter()
        .find(|r| r.id.value == resource)
        .expect("resource exists");
    let formats = resource.formats_for(variant);
    let format = match format {
        Some(name) => formats
            .iter()
            .find(|f| f.name == name)
            .expect("format exists"),
        None => &formats[0],
    };
    Job {
        resource,
        format,
        variant,
        area: project
            .areas
            .iter()
            .find(|a| a.id.value == area)
            .expect("area exists"),
    }
}

/// A page rendered to RGBA pixels.
pub struct Pixels {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// RGBA, row by row.
    pub rgba: Vec<u8>,
}

impl Pixels {
    /// The colour at (x, y).
    pub fn at(&self, x: usize, y: usize) -> [u8; 3] {
        let i = (y * self.width + x) * 4;
        [self.rgba[i], self.rgba[i + 1], self.rgba[i + 2]]
    }
}

/// Renders page `index` of a PDF at `dpi` with hayro, on white.
pub fn render_page(pdf: &[u8], index: usize, dpi: f32) -> Pixels {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{PixmapSettings, RenderCache, RenderSettings};

    let pdf = Pdf::new(pdf.to_vec()).expect("hayro parses the PDF");
    let pages = pdf.pages();
    let page = pages.get(index).expect("page exists");
    let scale = dpi / 72.0;
    let pixmap = hayro::render(
        page,
        &RenderCache::new(),
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
        },
    );
    Pixels {
        width: usize::from(pixmap.width()),
        height: usize::from(pixmap.height()),
        rgba: pixmap.data_as_u8_slice().to_vec(),
    }
}

/// A throw-away copy of the project's fonts, resources and national
/// helplines, with room for broken files.
pub struct TempProject {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
}

impl TempProject {
    /// A project with the real resources and fonts but no areas.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        for sub in ["fonts", "resources", "assets/pictures"] {
            let to = dir.path().join(sub);
            fs::create_dir_all(&to).expect("mkdir");
            for entry in fs::read_dir(root().join(sub)).expect("list") {
                let entry = entry.expect("entry");
                if entry.path().is_file() {
                    fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
                }
            }
        }
        fs::create_dir_all(dir.path().join("areas")).expect("mkdir");
        fs::copy(
            root().join("areas/national.toml"),
            dir.path().join("areas/national.toml"),
        )
        .expect("copy");
        TempProject { dir }
    }

    /// The project folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `text` to `rel` inside the project.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.dir.path().join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
        self
    }

    /// Takes `"fewer"` out of the card back's `fit`, so that a back with
    /// more contacts than fit is an error again (for the tests of that
    /// error; the shipped back prints what fits and warns).
    pub fn strict_card(&self) -> &Self {
        let path = self.dir.path().join("resources/chime-wallet-card.toml");
        let card = fs::read_to_string(&path).expect("card");
        let strict = card.replace(
            "fit = [\"spacing\", \"columns\", \"type\", \"fewer\"]",
            "fit = [\"spacing\", \"columns\", \"type\"]",
        );
        assert_ne!(card, strict, "the card's back lists fewer");
        fs::write(path, strict).expect("write");
        self
    }

    /// Copies a real area file in.
    pub fn with_area(self, id: &str) -> Self {
        fs::copy(
            root().join(format!("areas/{id}.toml")),
            self.dir.path().join(format!("areas/{id}.toml")),
        )
        .expect("copy area");
        self
    }

    /// Loads the project; the errors as plain text if it fails.
    pub fn load(&self) -> Result<(Sources, Loaded), String> {
        let mut sources = Sources::new();
        match wellprint::load(&wellprint::files::Disk::new(self.path()), &mut sources) {
            Ok(p) => Ok((sources, p)),
            Err(e) => Err(render(&sources, &e)),
        }
    }
}

/// Runs the real `wellprint` binary in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_wellprint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run wellprint")
}

/// An area with a contact for the card (with a web and an e-mail
/// address, so documents have every kind of link) and one for the
/// poster's advocacy block: the smallest area every shipped resource
/// builds for.
pub const GOOD_AREA: &str = r#"id = "testshire"
name = "Testshire"
nation = "england"

[[contact]]
name = "Test Recovery College"
phone = "01632 960 901"
hours = "Mon–Fri 9am–5pm"
web = "example.org/college"
email = "college@example.org"
tags = ["card"]

[[contact]]
name = "Testshire Advocacy"
phone = "01632 960 902"
tags = ["advocacy"]
"#;

/// Every file below `dir` (none if it does not exist), folders walked.
pub fn files_below(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for e in fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            files.extend(files_below(&p));
        } else {
            files.push(p);
        }
    }
    files
}

/// Every file below `dir` with its bytes, by path relative to `dir`.
pub fn file_contents(dir: &Path) -> BTreeMap<std::path::PathBuf, Vec<u8>> {
    files_below(dir)
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(dir).ok()?.to_path_buf();
            Some((rel, fs::read(&p).unwrap_or_default()))
        })
        .collect()
}

/// A PDF dictionary, following a reference.
pub fn pdf_dict<'a>(doc: &'a lopdf::Document, o: &'a lopdf::Object) -> &'a lopdf::Dictionary {
    match o {
        lopdf::Object::Reference(id) => doc
            .get_object(*id)
            .and_then(lopdf::Object::as_dict)
            .expect("referenced dictionary"),
        lopdf::Object::Dictionary(d) => d,
        other => panic!("expected a dictionary, got {other:?}"),
    }
}

/// The name at `key`, or "".
pub fn pdf_name(d: &lopdf::Dictionary, key: &[u8]) -> String {
    d.get(key)
        .and_then(lopdf::Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default()
}

/// The text string at `key` (UTF-16 with a byte-order mark, or bytes), or "".
pub fn pdf_text(d: &lopdf::Dictionary, key: &[u8]) -> String {
    match d.get(key) {
        Ok(lopdf::Object::String(b, _)) if b.starts_with(&[0xFE, 0xFF]) => {
            let units: Vec<u16> = b[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        Ok(lopdf::Object::String(b, _)) => String::from_utf8_lossy(b).into_owned(),
        _ => String::new(),
    }
}

/// An area file with comments (the editor tests check that saving keeps
/// them).
pub const COMMENTED_AREA: &str = r#"# Testshire: a test area. Keep this comment.
id = "testshire"
name = "Testshire" # the printed name
nation = "england"

[[contact]]
# The college, first on the card.
name = "Test Recovery College"
phone = "01632 960 901" # drama number
tags = ["card"]

[[contact]]
name = "Testshire Advocacy"
phone = "01632 960 902"
tags = ["advocacy"]
"#;

/// Each contact of the first area: its fields as text, tags joined with `;`.
pub fn contact_fields(p: &wellprint::model::Project) -> Vec<Vec<String>> {
    let opt = |o: &Option<wellprint::model::Located<String>>| {
        o.as_ref().map(|l| l.value.clone()).unwrap_or_default()
    };
    p.areas[0]
        .contacts
        .iter()
        .map(|c| {
            let tags: Vec<&str> = c.tags.iter().map(|t| t.value.as_str()).collect();
            vec![
                c.name.value.clone(),
                c.phone.value.clone(),
                opt(&c.hours),
                opt(&c.web),
                opt(&c.email),
                opt(&c.description),
                opt(&c.lang),
                tags.join(";"),
            ]
        })
        .collect()
}

/// The lines of text on a frame, top to bottom, each with its size: runs
/// on one baseline and no more than a space apart.
pub fn text_lines(frame: &Frame) -> Vec<(Abs, String)> {
    // baseline -> (x, end, size, text) of each run on it.
    let mut rows: BTreeMap<i64, Vec<(Abs, Abs, Abs, String)>> = BTreeMap::new();
    frame.visit(&mut |at, item| {
        if let FrameItem::Text(t) = item {
            let y = (at.y.to_mm() * 10.0).round() as i64;
            rows.entry(y)
                .or_default()
                .push((at.x, at.x + t.width(), t.size, t.text()));
        }
    });
    let mut lines = Vec::new();
    for mut runs in rows.into_values() {
        runs.sort_by(|a, b| a.0.to_pt().total_cmp(&b.0.to_pt()));
        let mut line: Option<(Abs, Abs, String)> = None;
        for (x, end, size, text) in runs {
            match &mut line {
                Some((_, last, t)) if x - *last < size * 0.5 => {
                    t.push_str(&text);
                    *last = end;
                }
                _ => {
                    lines.extend(line.take().map(|(s, _, t)| (s, t.trim().to_owned())));
                    line = Some((size, end, text));
                }
            }
        }
        lines.extend(line.map(|(s, _, t)| (s, t.trim().to_owned())));
    }
    lines
}

/// The contacts a build's warnings name as not printed (a page whose
/// `fit` lists "fewer" prints the first that fit).
pub fn left_out(built: &Built) -> Vec<String> {
    let named = |w: &Diagnostic| -> Vec<String> {
        let Some((_, names)) = w.message.split_once("leaves out") else {
            return Vec::new();
        };
        names
            .split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    };
    built.warnings.iter().flat_map(named).collect()
}
