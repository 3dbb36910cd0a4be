//! One module per subcommand, plus what they share: loading the project and
//! printing diagnostics.

pub mod build;
pub mod check;
mod interrupt;
pub mod new_area;
pub mod preflight;
pub mod serve;
mod session;
pub mod sheets;
mod web;

/// Exit codes.
pub mod exit {
    /// Everything worked.
    pub const OK: u8 = 0;
    /// Some outputs failed for reasons other than the input.
    pub const FAILED: u8 = 1;
    /// The input has mistakes to fix.
    pub const BAD_INPUT: u8 = 2;
    // 130 (interrupted by Ctrl-C) is `interrupt::EXIT_CODE`.
}
