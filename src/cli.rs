//! Command-line arguments (clap derive). Each subcommand's doc comment is
//! its help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Make print-ready and accessible PDFs of recovery resources (CHIME wallet
/// card, leaflet, poster) for every area you cover.
///
/// Run it in the project folder, the one with resources/, areas/ and fonts/.
/// Edit the TOML files there, then run `wellprint build`. Start with
/// `wellprint check` to find mistakes without writing anything.
#[derive(Debug, Parser)]
#[command(name = "wellprint", version, about, long_about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build PDFs: every resource, variant and area by default.
    ///
    /// Files go to OUT/<area>/<resource>-<variant>.pdf. Each file is written
    /// to a temporary name first and renamed when complete, so a failed or
    /// interrupted run never leaves a half-written PDF.
    Build(BuildArgs),
    /// Load and lay out everything and report problems; writes nothing.
    Check(CheckArgs),
}

/// Which resources, variants and areas to work on, and where the project is.
#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// Only this resource (repeat for more), e.g. `--resource chime-wallet-card`.
    #[arg(long, value_name = "ID")]
    pub resource: Vec<String>,
    /// Only this area (repeat for more), e.g. `--area oxfordshire`.
    #[arg(long, value_name = "ID")]
    pub area: Vec<String>,
    /// Only this variant (repeat for more).
    #[arg(long, value_enum)]
    pub variant: Vec<VariantArg>,
    /// The project folder (with resources/, areas/, fonts/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub project: PathBuf,
}

/// A variant on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VariantArg {
    /// The standard design.
    Standard,
    /// The Easy Read design.
    EasyRead,
}

/// Arguments of `wellprint build`.
#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    /// Selection and project.
    #[command(flatten)]
    pub common: CommonArgs,
    /// Output folder.
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,
    /// Who the files are for: `print` (finished size plus 3 mm bleed) or
    /// `screen` (trimmed, RGB; written as <resource>-<variant>-screen.pdf).
    /// Both are tagged for screen readers.
    #[arg(long = "for", value_enum, default_value = "print")]
    pub target: TargetArg,
}

/// `--for` on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetArg {
    /// For the print shop.
    Print,
    /// For e-mail and websites.
    Screen,
}

impl From<TargetArg> for wellprint::Target {
    fn from(t: TargetArg) -> Self {
        match t {
            TargetArg::Print => wellprint::Target::Print,
            TargetArg::Screen => wellprint::Target::Screen,
        }
    }
}

/// Arguments of `wellprint check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Selection and project.
    #[command(flatten)]
    pub common: CommonArgs,
}
