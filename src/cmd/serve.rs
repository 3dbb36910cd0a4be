//! `wellprint serve`: the editor's web server for the project.

use std::io::Write;
use std::process::{Command, ExitCode, Stdio};

use crate::cli::ServeArgs;

use super::exit;

/// Serves until Ctrl-C; the first line printed is the page's URL.
pub fn execute(args: &ServeArgs) -> ExitCode {
    let open = !args.no_open;
    let served = wellprint::serve::run(&args.project, args.port, |url| {
        println!("{url}");
        let _ = std::io::stdout().flush();
        eprintln!(
            "Editing the project in {}; Ctrl-C stops.",
            args.project.display()
        );
        if open {
            open_browser(url);
        }
    });
    match served {
        Ok(()) => ExitCode::from(exit::OK),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(exit::FAILED)
        }
    }
}

/// Tries to open `url` in the default browser; failure is ignored.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let _ = Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
}
