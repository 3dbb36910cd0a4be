//! The range test: areas across the range coordinators have, as the
//! adaptive-layout issue sets it: 1 to 8 contacts for the card, 1 to 3
//! advocacy contacts, names of 10 to 80 characters (Welsh ones in one area
//! in four, which also get the bilingual documents), hours of up to 60
//! characters, with and without descriptions and web addresses, no logo
//! or a square, wide or tall one, a `prepared-by` line of up to 150
//! characters. Every area is built in every shipped resource × variant ×
//! format (1 287 documents), and every one must build, with no two text
//! lines overlapping, every print check passed (no text outside the safe
//! area among them), and every contact a block selects printed or named
//! in a warning (contacts past `count` are warned about by resolve, see
//! tests/left_out.rs; those a page's `fewer` strategy leaves out by
//! layout).
//!
//! The grid is deterministic (a small linear congruential generator), so a
//! failure names a case that fails again.

mod common;

use wellprint::diag::Diagnostic;
use wellprint::layout::{Frame, FrameItem};
use wellprint::resolve::Content;

/// How many areas the grid makes; each is laid out in every document.
const AREAS: usize = 96;

/// A deterministic stream of numbers.
struct Lcg(u64);

impl Lcg {
    /// A number below `n`.
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

const WORDS: [&str; 12] = [
    "Recovery",
    "Community",
    "Peer",
    "Support",
    "Network",
    "Wellbeing",
    "Café",
    "Carers",
    "Advocacy",
    "Hearing",
    "Voices",
    "Group",
];

/// A name of `len` characters or a little more, starting with `first`.
fn name(rng: &mut Lcg, first: &str, len: usize) -> String {
    let mut out = first.to_owned();
    while out.chars().count() < len {
        out.push(' ');
        out.push_str(WORDS[rng.below(WORDS.len())]);
    }
    out
}

/// Welsh words for the names of Welsh services (`lang = "cy"`), one of
/// them the longest word in common use.
const WELSH: [&str; 12] = [
    "Canolfan",
    "Lles",
    "Cymorth",
    "Cymheiriaid",
    "Gwasanaeth",
    "Eiriolaeth",
    "Adferiad",
    "Iechyd",
    "Meddwl",
    "Cymunedol",
    "Grŵp",
    "Llanfairpwllgwyngyll",
];

/// Opening hours as coordinators write them, up to 60 characters.
const HOURS: [&str; 6] = [
    "Mon–Fri 9am–5pm",
    "24 hours, every day",
    "Monday to Friday, 10am to 4pm",
    "Wednesdays 6pm to 8pm, and the first Saturday of the month",
    "Monday to Friday, 9am to 5pm; Saturday, 10am to 1pm",
    "Llun–Gwener 10yb–4yp; Sadwrn 11yb–2yp (ffoniwch yn gyntaf)",
];

/// What an area has that may make it hard to fit, for grouping failures.
#[derive(Default, Clone)]
struct Traits {
    /// The logo's shape, if any.
    logo: &'static str,
    /// How many contacts are tagged `card`.
    card: usize,
    /// How many contacts are tagged `advocacy`.
    advocacy: usize,
    /// The longest contact name, in characters.
    longest: usize,
    /// Whether the area is Welsh (names in Welsh, bilingual documents).
    welsh: bool,
}

impl Traits {
    /// The traits as a short label: the properties past the usual range.
    fn label(&self) -> String {
        let mut out = Vec::new();
        if self.longest >= 60 {
            out.push("name 60+".to_owned());
        } else if self.longest >= 40 {
            out.push("name 40-59".to_owned());
        }
        if self.card >= 6 {
            out.push("6+ card".to_owned());
        }
        if self.advocacy >= 2 {
            out.push(format!("{} advocacy", self.advocacy));
        }
        if !self.logo.is_empty() {
            out.push(format!("{} logo", self.logo));
        }
        if self.welsh {
            out.push("Welsh".to_owned());
        }
        if out.is_empty() {
            "ordinary".to_owned()
        } else {
            out.join(", ")
        }
    }
}

/// One `[[contact]]` table: a name of 10 to 80 characters (Welsh in a
/// Welsh area), a phone number, and maybe hours, a web address and a
/// description.
fn contact(rng: &mut Lcg, c: usize, tags: &str, welsh: bool, traits: &mut Traits) -> String {
    let len = 10 + rng.below(71);
    traits.longest = traits.longest.max(len);
    let words: &[&str] = if welsh { &WELSH } else { &WORDS };
    let mut name = format!("No{c}");
    while name.chars().count() < len {
        name.push(' ');
        name.push_str(words[rng.below(words.len())]);
    }
    let name: String = name.chars().take(80).collect();
    let name = name.trim_end();
    let mut out =
        format!("\n[[contact]]\nname = \"{name}\"\nphone = \"01632 960 {c:03}\"\ntags = {tags}\n");
    if welsh {
        out.push_str("lang = \"cy\"\n");
    }
    if rng.below(3) > 0 {
        out.push_str(&format!("hours = \"{}\"\n", HOURS[rng.below(HOURS.len())]));
    }
    if rng.below(3) == 0 {
        out.push_str(&format!("web = \"example.org/service-{c}\"\n"));
    }
    if rng.below(3) == 0 {
        out.push_str("description = \"Friendly support, drop in or phone first.\"\n");
    }
    out
}

/// The text of area `i` and its traits: 1 to 8 contacts for the card,
/// 1 to 3 advocacy contacts (one may be both), no logo or a square, wide
/// or tall one (`logos/<shape>.png`) with a prepared-by line of up to
/// 150 characters, and one area in four Welsh.
fn area(i: usize, rng: &mut Lcg) -> (String, Traits) {
    let mut traits = Traits {
        welsh: rng.below(4) == 0,
        ..Traits::default()
    };
    let nation = if traits.welsh { "wales" } else { "england" };
    let mut a = format!("id = \"area-{i}\"\nname = \"Area {i}\"\nnation = \"{nation}\"\n");
    match rng.below(4) {
        0 => {}
        shape => {
            let file = ["square", "wide", "tall"][shape - 1];
            traits.logo = file;
            let len = 20 + rng.below(131);
            a.push_str(&format!(
                "logo = \"logos/{file}.png\"\nprepared-by = \"Prepared by {}\"\n",
                name(rng, "Testshire", len - 12)
                    .chars()
                    .take(len - 12)
                    .collect::<String>()
                    .trim_end()
            ));
        }
    }
    traits.card = 1 + rng.below(8);
    traits.advocacy = 1 + rng.below(3);
    // One contact may carry both tags: it counts for both.
    let both = usize::from(traits.advocacy > 1 && rng.below(2) == 0);
    let mut c = 0;
    for n in 0..traits.card {
        let tags = if n < both {
            "[\"card\", \"advocacy\"]"
        } else {
            "[\"card\"]"
        };
        a.push_str(&contact(rng, c, tags, traits.welsh, &mut traits));
        c += 1;
    }
    for _ in both..traits.advocacy {
        a.push_str(&contact(
            rng,
            c,
            "[\"advocacy\"]",
            traits.welsh,
            &mut traits,
        ));
        c += 1;
    }
    (a, traits)
}

/// Every character printed, white space left out.
fn printed(frames: &[Frame]) -> String {
    let mut out = String::new();
    for f in frames {
        f.visit(&mut |_, item| {
            if let FrameItem::Text(t) = item {
                out.push_str(&t.text());
            }
        });
    }
    out.retain(|c| !c.is_whitespace());
    out
}

/// A text line's box in points (left, top, right, bottom) and its text:
/// from three quarters of the size above the baseline to a fifth below.
fn lines(frame: &Frame) -> Vec<([f64; 4], String)> {
    let mut out = Vec::new();
    frame.visit(&mut |at, item| {
        if let FrameItem::Text(t) = item {
            let (x, y, size) = (at.x.to_pt(), at.y.to_pt(), t.size.to_pt());
            let text = t.text();
            if !text.trim().is_empty() {
                out.push((
                    [x, y - 0.75 * size, x + t.width().to_pt(), y + 0.2 * size],
                    text,
                ));
            }
        }
    });
    out
}

/// Every pair of text lines on `frame` that overlap by more than half a
/// point both ways, in words.
fn overlaps(frame: &Frame) -> Vec<String> {
    let lines = lines(frame);
    let mut out = Vec::new();
    for (i, (a, ta)) in lines.iter().enumerate() {
        for (b, tb) in &lines[i + 1..] {
            let tol = 0.5;
            if a[0] + tol < b[2] && b[0] + tol < a[2] && a[1] + tol < b[3] && b[1] + tol < a[3] {
                out.push(format!("{ta:?} overlaps {tb:?}"));
            }
        }
    }
    out
}

/// Whether [`overlaps`] finds the overlap when the first text line of
/// `frame` (wherever it is nested) is painted a second time, a little
/// lower: the check can fail.
fn overlaps_when_doubled(frame: &Frame) -> bool {
    let mut first = None;
    frame.visit(&mut |at, item| {
        if first.is_none() && matches!(item, FrameItem::Text(_)) {
            first = Some((at, item.clone()));
        }
    });
    let Some((at, item)) = first else {
        return false;
    };
    let mut doubled = frame.clone();
    let lower =
        wellprint::geom::Point::new(wellprint::geom::Abs::ZERO, wellprint::geom::Abs::pt(2.0));
    doubled.items.push((at + lower, item));
    overlaps(frame).is_empty() && !overlaps(&doubled).is_empty()
}

/// The first error of a build that failed, as the CLI prints it.
fn failure(sources: &wellprint::diag::Sources, errors: &[Diagnostic]) -> String {
    errors
        .first()
        .map_or(String::new(), |d| sources.render_plain(d))
}

/// A short kind for a failure: its message up to "does not fit", digits
/// left out, so failures group.
fn kind(errors: &[Diagnostic]) -> String {
    errors.first().map_or(String::new(), |d| {
        let m = &d.message;
        let cut = m
            .find(" does not fit")
            .or(m.find(" tagged"))
            .unwrap_or(m.len().min(40));
        m[..cut].chars().filter(|c| !c.is_ascii_digit()).collect()
    })
}

/// Every contact a block of the resolved document selects that is neither
/// printed in `built` nor named in one of its warnings.
fn lost(loaded: &wellprint::Loaded, job: &wellprint::Job, built: &wellprint::Built) -> Vec<String> {
    let text = printed(&built.frames);
    let mut warned: String = built.warnings.iter().map(|w| w.message.as_str()).collect();
    warned.retain(|c| !c.is_whitespace());
    let doc = job.resolve(&loaded.project).expect("resolves");
    let blocks = doc
        .pages
        .iter()
        .flat_map(|p| &p.blocks)
        .chain(doc.sections.iter().flatten());
    let mut out = Vec::new();
    for b in blocks {
        let Content::Contacts(list) = &b.content else {
            continue;
        };
        for entry in &list.entries {
            let mut name = entry
                .runs
                .first()
                .map(|r| r.text.clone())
                .unwrap_or_default();
            name.retain(|c| !c.is_whitespace());
            if !text.contains(&name) && !warned.contains(&name) {
                out.push(format!(
                    "{name} is selected but neither printed nor named in a warning"
                ));
            }
        }
    }
    out
}

/// What is wrong with one built document: text lines that overlap, a
/// failed print check (text outside the safe area among them), contacts
/// lost.
fn faults(
    loaded: &wellprint::Loaded,
    job: &wellprint::Job,
    built: &wellprint::Built,
) -> Vec<String> {
    let mut out = Vec::new();
    for (n, frame) in built.frames.iter().enumerate() {
        out.extend(
            overlaps(frame)
                .into_iter()
                .map(|o| format!("page {}: {o}", n + 1)),
        );
    }
    match &built.preflight {
        Ok(report) => out.extend(
            report
                .findings
                .iter()
                .map(|f| format!("{} on page {:?}: {}", f.check, f.page, f.message)),
        ),
        Err(e) => out.push(format!("preflight could not read the frames: {e}")),
    }
    out.extend(lost(loaded, job, built));
    out
}

/// Writes the grid's areas and logos into a new project.
fn project() -> (
    common::TempProject,
    std::collections::BTreeMap<String, Traits>,
) {
    let p = common::TempProject::new();
    std::fs::create_dir_all(p.path().join("areas/logos")).expect("mkdir");
    for (file, w, h) in [
        ("square", 800, 800),
        ("wide", 1600, 448),
        ("tall", 500, 1000),
    ] {
        image::RgbImage::from_pixel(w, h, image::Rgb([0x20, 0x60, 0xA0]))
            .save(p.path().join(format!("areas/logos/{file}.png")))
            .expect("png");
    }
    let mut rng = Lcg(18);
    let mut traits = std::collections::BTreeMap::new();
    for i in 0..AREAS {
        let (text, t) = area(i, &mut rng);
        p.write(&format!("areas/area-{i}.toml"), &text);
        traits.insert(format!("area-{i}"), t);
    }
    (p, traits)
}

#[test]
fn every_document_of_every_area_in_the_range_builds_whole_and_clear() {
    let (p, traits) = project();
    let (sources, loaded) = p.load().expect("loads");
    let fonts = common::fonts();
    let options = wellprint::BuildOptions::default();
    let (mut cases, mut problems) = (0, Vec::new());
    // What failed, and how often, by the error and by what the area has.
    let mut failed = std::collections::BTreeMap::new();
    // The documents that printed fewer contacts than selected, by design.
    let mut fewer = std::collections::BTreeMap::new();
    for job in wellprint::all_jobs(&loaded.project) {
        cases += 1;
        let design = format!(
            "{} {} {}",
            job.resource.id.value, job.variant, job.format.name
        );
        let what = format!("{} {design}", job.area.id.value);
        match wellprint::build(&loaded, &job, &fonts, &options) {
            Ok(built) => {
                // The overlap check can fail: it finds a doubled line.
                assert!(
                    cases > 1 || overlaps_when_doubled(&built.frames[0]),
                    "{what}"
                );
                if built
                    .warnings
                    .iter()
                    .any(|w| w.message.contains("has room for the first"))
                {
                    *fewer.entry(design.clone()).or_insert(0) += 1;
                }
                problems.extend(
                    faults(&loaded, &job, &built)
                        .into_iter()
                        .map(|f| format!("{what}: {f}")),
                );
            }
            Err(errors) => {
                let label = traits
                    .get(&job.area.id.value.to_string())
                    .map_or(String::new(), Traits::label);
                *failed
                    .entry(format!("{design}: {} [{label}]", kind(&errors)))
                    .or_insert(0) += 1;
                problems.push(format!("{what}: {}", failure(&sources, &errors)));
            }
        }
    }
    eprintln!("range test: {cases} documents");
    for (design, n) in &fewer {
        eprintln!("  {n:4} × {design} printed fewer contacts (named in a warning)");
    }
    for (kind, n) in &failed {
        eprintln!("  {n:4} × {kind}");
    }
    assert!(cases >= AREAS * 12, "only {cases} documents");
    assert!(
        problems.is_empty(),
        "{} problems in {cases} documents:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
