//! The `wellprint` command line: parses arguments and hands each subcommand
//! to its module in `cmd/`.

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: a document's life is many
/// small allocations (operators, objects, strings), and glibc's malloc
/// and free took about a fifth of the time a wallet card takes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match &cli.command {
        cli::Command::Build(args) => cmd::build::execute(args),
        cli::Command::Check(args) => cmd::check::execute(args),
        cli::Command::Sheets(args) => cmd::sheets::execute(args),
        cli::Command::Preflight(args) => cmd::preflight::execute(args),
        cli::Command::NewArea(args) => cmd::new_area::execute(args),
        cli::Command::Serve(args) => cmd::serve::execute(args),
    }
}
