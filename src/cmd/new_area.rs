//! `wellprint new-area NAME`: write a commented starter area file.

use std::fs::OpenOptions;
use std::io::Write;
use std::process::ExitCode;

use super::exit;
use crate::cli::{NationArg, NewAreaArgs};

/// Runs the subcommand.
pub fn execute(args: &NewAreaArgs) -> ExitCode {
    let name = args.name.trim();
    let id = area_id(name);
    if id.is_empty() {
        eprintln!("error: cannot make an area id from the name `{name}`");
        eprintln!("  hint: give a name with letters or digits, like \"West Berkshire\"");
        return ExitCode::from(exit::BAD_INPUT);
    }
    let dir = args.project.join("areas");
    if !dir.is_dir() {
        eprintln!(
            "error: there is no `areas` folder in `{}`",
            args.project.display()
        );
        eprintln!("  hint: run wellprint new-area in the project folder, or pass --project");
        return ExitCode::from(exit::BAD_INPUT);
    }
    let path = dir.join(format!("{id}.toml"));
    let text = starter(&id, name, args.nation);
    // `create_new` refuses an existing file without a race.
    let file = OpenOptions::new().write(true).create_new(true).open(&path);
    match file.and_then(|mut f| f.write_all(text.as_bytes())) {
        Ok(()) => {
            println!("wrote {}", path.display());
            println!(
                "next: edit it, then run `wellprint check --area {id}` and `wellprint build --area {id}`"
            );
            ExitCode::from(exit::OK)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: `{}` already exists; it was left as it is",
                path.display()
            );
            eprintln!("  hint: edit that file, or choose another name");
            ExitCode::from(exit::BAD_INPUT)
        }
        Err(e) => {
            eprintln!("error: cannot write `{}`: {e}", path.display());
            ExitCode::from(exit::FAILED)
        }
    }
}

/// `"Ynys Môn & Gwynedd"` → `"ynys-mon-gwynedd"`: lower-case ASCII letters,
/// digits and single hyphens.
pub fn area_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' => 'w',
            'ŷ' | 'ỳ' | 'ý' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if c == '\'' || c == '’' {
            // "King's Lynn" → "kings-lynn"
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_owned()
}

/// The starter file's text.
fn starter(id: &str, name: &str, nation: NationArg) -> String {
    let nation = match nation {
        NationArg::England => "england",
        NationArg::Scotland => "scotland",
        NationArg::Wales => "wales",
        NationArg::NorthernIreland => "northern-ireland",
    };
    let name = name.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        r#"# {name}: area file written by `wellprint new-area`.
# Every key is explained in docs/areas.md. Check your edits with
#     wellprint check --area {id}
# The example contact uses an Ofcom drama number (01632 960xxx) and an
# example.org address: replace it with a real service before printing.

id = "{id}"                  # lower-case, hyphens: the output folder name
name = "{name}"              # printed on the card
nation = "{nation}"          # england, scotland, wales, northern-ireland:
                             # chooses the national helplines

# Optional: who prepared these resources, and the area's logo (PNG or JPEG
# inside the project folder, at least 480 pixels wide). Both are printed
# on the leaflet, the poster and the Easy Read booklets.
# prepared-by = "Prepared by the {name} Recovery Network"
# logo = "logos/{id}.png"

# Optional: keep contacts in a spreadsheet instead. Save it as CSV UTF-8
# next to this file with the columns
#     name,phone,hours,web,email,description,lang,tags
# (tags separated by ;) and write its name here:
# contacts = "{id}.csv"

[[contact]]
name = "Example Recovery College"   # each contact needs its own name
phone = "01632 960 001"             # grouped with spaces, no brackets
hours = "Mon–Fri 10am–4pm"
web = "example.org/recovery"        # without https://
# email = "hello@example.org"
# description = "Free courses about recovery, run by people who have been there"
# lang = "cy"                       # name and hours in Welsh (gd: Gaelic, ga: Irish)
tags = ["card"]                     # the wallet card shows contacts tagged "card"
                                    # (at most 4 fit on its back)

[[contact]]
name = "Example Advocacy Service"
phone = "01632 960 002"
hours = "Mon–Fri 9am–5pm; ask ward staff to help you call"
tags = ["advocacy"]                 # the tips poster shows contacts tagged "advocacy"
"#
    )
}

#[cfg(test)]
mod tests {
    use super::area_id;

    #[test]
    fn ids_from_names() {
        assert_eq!(area_id("West Berkshire"), "west-berkshire");
        assert_eq!(area_id("Ynys Môn & Gwynedd"), "ynys-mon-gwynedd");
        assert_eq!(area_id("  King's Lynn  "), "kings-lynn");
        assert_eq!(area_id("Caerdydd ŵŷ"), "caerdydd-wy");
        assert_eq!(area_id("!!"), "");
    }
}
