//! Builds the CHIME wallet card for an area written as TOML text, from
//! files held in memory: the resource, the national helplines, the fonts
//! and the pictures are compiled into the program, so at run time it reads
//! nothing from the project folder. Prints the PDF's size in bytes.
//!
//! ```text
//! cargo run --release --example in_memory
//! ```

use std::process::ExitCode;

use wellprint::diag::Sources;
use wellprint::files::{Files, Memory};
use wellprint::model::Variant;
use wellprint::{BuildOptions, Built, Fonts, Job};

/// The area, as an editor would hand it over: Ofcom drama numbers and
/// example.org addresses.
pub const AREA: &str = r#"id = "exampleshire"
name = "Exampleshire"
nation = "england"

[[contact]]
name = "Exampleshire Recovery College"
phone = "01632 960 301"
hours = "Mon–Fri 9am–5pm"
web = "example.org/recovery-college"
tags = ["card"]

[[contact]]
name = "Exampleshire Peer Support"
phone = "01632 960 302"
hours = "Wednesdays 6pm–8pm"
email = "peers@example.org"
tags = ["card"]
"#;

/// The resource the example builds.
pub const RESOURCE: &str = "chime-wallet-card";

/// Every file the card needs besides the area, by path in the project.
pub const FILES: [(&str, &[u8]); 13] = [
    (
        "resources/chime-wallet-card.toml",
        include_bytes!("../resources/chime-wallet-card.toml"),
    ),
    (
        "areas/national.toml",
        include_bytes!("../areas/national.toml"),
    ),
    (
        "fonts/AtkinsonHyperlegibleNext_400Regular.ttf",
        include_bytes!("../fonts/AtkinsonHyperlegibleNext_400Regular.ttf"),
    ),
    (
        "fonts/AtkinsonHyperlegibleNext_700Bold.ttf",
        include_bytes!("../fonts/AtkinsonHyperlegibleNext_700Bold.ttf"),
    ),
    (
        "fonts/DejaVuSans.ttf",
        include_bytes!("../fonts/DejaVuSans.ttf"),
    ),
    (
        "assets/pictures/candle-lit.svg",
        include_bytes!("../assets/pictures/candle-lit.svg"),
    ),
    (
        "assets/pictures/choosing.svg",
        include_bytes!("../assets/pictures/choosing.svg"),
    ),
    (
        "assets/pictures/gardening.svg",
        include_bytes!("../assets/pictures/gardening.svg"),
    ),
    (
        "assets/pictures/identity.svg",
        include_bytes!("../assets/pictures/identity.svg"),
    ),
    (
        "assets/pictures/people-tea.svg",
        include_bytes!("../assets/pictures/people-tea.svg"),
    ),
    (
        "assets/pictures/phone-anytime.svg",
        include_bytes!("../assets/pictures/phone-anytime.svg"),
    ),
    (
        "assets/pictures/phone-call.svg",
        include_bytes!("../assets/pictures/phone-call.svg"),
    ),
    (
        "assets/pictures/wellbeing.svg",
        include_bytes!("../assets/pictures/wellbeing.svg"),
    ),
];

/// The project in memory: the card's files and the area `area_toml` as
/// `areas/<id>.toml`.
pub fn files(id: &str, area_toml: &str) -> Memory {
    let mut files = Memory::new();
    for (path, bytes) in FILES {
        files.insert(path, bytes);
    }
    files.insert(format!("areas/{id}.toml"), area_toml);
    files
}

/// Loads the project in `files` and builds the standard wallet card for
/// the area `id`; the errors as plain text lines if anything fails.
pub fn build_card(files: &dyn Files, id: &str) -> Result<Built, String> {
    let mut sources = Sources::new();
    let plain = |sources: &Sources, errors: &[wellprint::diag::Diagnostic]| {
        errors
            .iter()
            .map(|d| sources.render_plain(d))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let project = wellprint::load(files, &mut sources).map_err(|e| plain(&sources, &e))?;
    let fonts = Fonts::load(files).map_err(|d| d.message)?;
    let resource = project
        .resources
        .iter()
        .find(|r| r.id.value.as_str() == RESOURCE)
        .ok_or("no wallet card resource")?;
    let area = project
        .areas
        .iter()
        .find(|a| a.id.value.as_str() == id)
        .ok_or("no such area")?;
    let variant = Variant::Standard;
    let format = resource
        .formats_for(variant)
        .first()
        .ok_or("the card has no format")?;
    let job = Job {
        resource,
        variant,
        area,
        format,
    };
    wellprint::build(&project, &job, &fonts, &BuildOptions::default())
        .map_err(|e| plain(&sources, &e))
}

#[allow(dead_code)]
fn main() -> ExitCode {
    let files = files("exampleshire", AREA);
    match build_card(&files, "exampleshire") {
        Ok(built) => {
            println!("{} bytes", built.bytes.len());
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("{errors}");
            ExitCode::from(2)
        }
    }
}
