//! Ctrl-C during a build: the first press sets a flag that the batch reads
//! before starting each document, so documents in progress are finished
//! and written whole and nothing half-written is left behind.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Exit code after an interrupted run: 128 + SIGINT, as shells report it.
pub const EXIT_CODE: u8 = 130;

/// Installs the Ctrl-C handler and returns its flag. Without a handler
/// (one already installed, or the platform refuses), Ctrl-C ends the
/// process at once; the atomic writes still leave no partial PDF, only
/// possibly a `.wellprint-*.part` file.
pub fn flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let set = Arc::clone(&flag);
    let installed = ctrlc::set_handler(move || {
        if !set.swap(true, Ordering::SeqCst) {
            eprintln!("\ninterrupted: finishing the documents in progress, starting no new ones…");
        }
    });
    if let Err(e) = installed {
        eprintln!("warning: Ctrl-C will stop wellprint at once ({e})");
    }
    flag
}
