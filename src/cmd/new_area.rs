//! `wellprint new-area NAME`: write a commented starter area file.

use std::fs::OpenOptions;
use std::io::Write;
use std::process::ExitCode;

use super::exit;
use crate::cli::{NationArg, NewAreaArgs};
use wellprint::model::Nation;
use wellprint::model::starter::area_id;

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

/// The starter file's text.
fn starter(id: &str, name: &str, nation: NationArg) -> String {
    let nation = match nation {
        NationArg::England => Nation::England,
        NationArg::Scotland => Nation::Scotland,
        NationArg::Wales => Nation::Wales,
        NationArg::NorthernIreland => Nation::NorthernIreland,
    };
    wellprint::model::starter::starter(id, name, nation)
}
