//! The range test: areas across the range coordinators have (0 to 12
//! contacts, names of 10 to 70 characters, with and without descriptions,
//! web addresses and hours, no logo or a square, wide or tall one) laid
//! out in every shipped resource × variant × format. Each document lays
//! out, or fails with a clear error: one with a place, and, when something
//! is too big, a note or place in the area file. Every contact a block
//! selects is printed or named in a warning (contacts past `count` are
//! warned about by resolve, see tests/left_out.rs; those a page's `fewer`
//! strategy leaves out by layout).
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
        if self.advocacy >= 4 {
            out.push("4+ advocacy".to_owned());
        }
        if !self.logo.is_empty() {
            out.push(format!("{} logo", self.logo));
        }
        if out.is_empty() {
            "ordinary".to_owned()
        } else {
            out.join(", ")
        }
    }
}

/// The text of area `i` and its traits; its logo, if any, is
/// `logos/<shape>.png`.
fn area(i: usize, rng: &mut Lcg) -> (String, Traits) {
    let mut traits = Traits::default();
    let mut a = format!("id = \"area-{i}\"\nname = \"Area {i}\"\nnation = \"england\"\n");
    match rng.below(4) {
        0 => {}
        shape => {
            let file = ["square", "wide", "tall"][shape - 1];
            traits.logo = file;
            let len = 20 + rng.below(50);
            a.push_str(&format!(
                "logo = \"logos/{file}.png\"\nprepared-by = \"Prepared by {}\"\n",
                name(rng, "Testshire", len)
            ));
        }
    }
    let contacts = rng.below(13);
    for c in 0..contacts {
        let len = 10 + rng.below(61);
        traits.longest = traits.longest.max(len);
        a.push_str(&format!(
            "\n[[contact]]\nname = \"{}\"\nphone = \"01632 960 {:03}\"\n",
            name(rng, &format!("No{c}"), len),
            c
        ));
        if rng.below(2) == 0 {
            a.push_str("hours = \"Mon–Fri 9am–5pm\"\n");
        }
        if rng.below(3) == 0 {
            a.push_str(&format!("web = \"example.org/service-{c}\"\n"));
        }
        if rng.below(3) == 0 {
            a.push_str("description = \"Friendly support, drop in or phone first.\"\n");
        }
        let tags = match rng.below(3) {
            0 => "[\"card\"]",
            1 => "[\"advocacy\"]",
            _ => "[\"card\", \"advocacy\"]",
        };
        traits.card += usize::from(tags.contains("card"));
        traits.advocacy += usize::from(tags.contains("advocacy"));
        a.push_str(&format!("tags = {tags}\n"));
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

/// Why an error is not clear, if it is not.
fn unclear(sources: &wellprint::diag::Sources, d: &Diagnostic) -> Option<String> {
    let text = sources.render_plain(d);
    if d.span.is_none() && !text.contains("pages but the design makes") {
        return Some(format!("no place: {text}"));
    }
    let too_big = d.message.contains("too tall") || d.message.contains("wider than");
    if too_big && !text.contains("areas/") {
        return Some(format!("names nothing in the area file: {text}"));
    }
    None
}

#[test]
fn every_document_lays_out_or_names_what_is_too_big() {
    let p = common::TempProject::new();
    std::fs::create_dir_all(p.path().join("areas/logos")).expect("mkdir");
    for (file, w, h) in [
        ("square", 400, 400),
        ("wide", 1299, 364),
        ("tall", 300, 600),
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
    let (sources, loaded) = p.load().expect("loads");
    let fonts = common::fonts();
    let options = wellprint::BuildOptions::default();
    let (mut cases, mut laid, mut problems) = (0, 0, Vec::new());
    // What failed, and how often: the design pass's to-do list.
    let mut failed = std::collections::BTreeMap::new();
    // The same, by what the failing areas have.
    let mut by_trait = std::collections::BTreeMap::new();
    for job in wellprint::all_jobs(&loaded.project) {
        cases += 1;
        let what = format!(
            "{} {} {} {}",
            job.area.id.value, job.resource.id.value, job.variant, job.format.name
        );
        let built = match wellprint::build(&loaded, &job, &fonts, &options) {
            Ok(b) => b,
            Err(errors) => {
                let kind = errors.first().map_or(String::new(), |d| {
                    let m = &d.message;
                    let cut = m
                        .find(" does not fit")
                        .or(m.find(" tagged"))
                        .unwrap_or(m.len().min(40));
                    m[..cut].chars().filter(|c| !c.is_ascii_digit()).collect()
                });
                let label = traits
                    .get(&job.area.id.value.to_string())
                    .map_or(String::new(), Traits::label);
                *by_trait
                    .entry(format!(
                        "{} {} {}: {label}",
                        job.resource.id.value, job.variant, job.format.name
                    ))
                    .or_insert(0) += 1;
                *failed
                    .entry(format!(
                        "{} {} {}: {kind}",
                        job.resource.id.value, job.variant, job.format.name
                    ))
                    .or_insert(0) += 1;
                problems.extend(
                    errors
                        .iter()
                        .filter_map(|d| unclear(&sources, d))
                        .map(|u| format!("{what}: {u}")),
                );
                continue;
            }
        };
        laid += 1;
        let text = printed(&built.frames);
        // A contact the `fewer` strategy left out is named in a warning.
        let mut warned: String = built.warnings.iter().map(|w| w.message.as_str()).collect();
        warned.retain(|c| !c.is_whitespace());
        let doc = job.resolve(&loaded.project).expect("resolves");
        let blocks = doc
            .pages
            .iter()
            .flat_map(|p| &p.blocks)
            .chain(doc.sections.iter().flatten());
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
                    problems.push(format!(
                        "{what}: {name} is selected but neither printed nor named in a warning"
                    ));
                }
            }
        }
    }
    eprintln!("range test: {cases} documents, {laid} laid out");
    for (kind, n) in &failed {
        eprintln!("  {n:4} × {kind}");
    }
    eprintln!("failures by what the area has:");
    for (kind, n) in &by_trait {
        eprintln!("  {n:4} × {kind}");
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    // Most ordinary areas fit: the strategies are doing their job.
    assert!(laid * 100 >= cases * 80, "only {laid} of {cases} laid out");
}
