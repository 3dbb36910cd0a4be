//! The `wellprint` command line.
fn main() {}
