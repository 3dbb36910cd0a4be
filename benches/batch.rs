//! Batch benchmark: builds every resource × variant × format for N
//! synthetic areas and prints documents per second, milliseconds per
//! document and peak memory.
//!
//! ```sh
//! cargo bench --bench batch                       # N = 10, 100, 1000
//! WELLPRINT_BENCH_N=100 cargo bench --bench batch # just N = 100
//! ```
//!
//! A third table is issue 5's target: 3 resources × 2 variants × 100 areas
//! = 600 documents, each resource × variant in its first (default) format
//! only.
//!
//! Each N runs in a fresh child process (this program started again with
//! `--child N`), so the peak memory (`VmHWM` in /proc/self/status) is that
//! run's alone. Documents are written to a temporary folder as they are
//! made, as `wellprint build` does.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use wellprint::diag::Sources;
use wellprint::model::Variant;
use wellprint::pipeline::batch::{self, BatchOptions};
use wellprint::{BuildOptions, Fonts, Job};

/// mimalloc instead of the system allocator: a document's life is many
/// small allocations (operators, objects, strings), and glibc's malloc
/// and free took about a fifth of the time a wallet card takes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let n: usize = args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(10);
        let card_only = args.iter().any(|a| a == "--card-only");
        let default_formats = args.iter().any(|a| a == "--default-formats");
        let threads: usize = args
            .iter()
            .position(|a| a == "--threads")
            .and_then(|i| args.get(i + 1)?.parse().ok())
            .unwrap_or(0);
        child(n, card_only, default_formats, threads);
        return;
    }
    let ns: Vec<usize> = std::env::var("WELLPRINT_BENCH_N")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10, 100, 1000]);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("wellprint batch benchmark ({cores} cores, every resource × variant × format)");
    println!();
    println!("| N areas | documents | seconds | documents/s | ms/document | peak MB |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for &n in &ns {
        run_child(&[n.to_string()]);
    }
    println!();
    println!("Issue 5's target: every resource × variant in its default format, 100 areas:");
    println!();
    println!("| N areas | documents | seconds | documents/s | ms/document | peak MB |");
    println!("|---:|---:|---:|---:|---:|---:|");
    run_child(&["100".into(), "--default-formats".into()]);
    println!();
    println!("CHIME wallet card only (standard, 2 pages), for the Typst comparison:");
    println!();
    println!("| N areas | threads | documents | seconds | documents/s | ms/document | peak MB |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for threads in [1, cores] {
        run_child(&[
            "100".into(),
            "--card-only".into(),
            "--threads".into(),
            threads.to_string(),
        ]);
    }
}

/// Runs this program again as a child and prints its result line.
fn run_child(args: &[String]) {
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe)
        .arg("--child")
        .args(args)
        .output()
        .expect("child runs");
    if !out.status.success() {
        eprintln!(
            "child {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::process::exit(1);
    }
    print!("{}", String::from_utf8_lossy(&out.stdout));
}

/// One measured run in this process.
fn child(n: usize, card_only: bool, default_formats: bool, threads: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for sub in ["fonts", "resources", "assets/pictures"] {
        copy_dir(&repo.join(sub), &root.join(sub));
    }
    if card_only {
        for e in std::fs::read_dir(root.join("resources"))
            .expect("list")
            .flatten()
        {
            if e.file_name() != "chime-wallet-card.toml" {
                std::fs::remove_file(e.path()).expect("remove");
            }
        }
    }
    std::fs::create_dir_all(root.join("areas")).expect("mkdir");
    std::fs::copy(
        repo.join("areas/national.toml"),
        root.join("areas/national.toml"),
    )
    .expect("copy");
    for i in 0..n {
        std::fs::write(
            root.join(format!("areas/area-{i:04}.toml")),
            synthetic_area(i),
        )
        .expect("write");
    }

    let started = Instant::now();
    let mut sources = Sources::new();
    let project = match wellprint::load(&wellprint::files::Disk::new(root), &mut sources) {
        Ok(p) => p,
        Err(e) => panic!(
            "synthetic project loads: {:?}",
            e.first().map(|d| &d.message)
        ),
    };
    let fonts = Fonts::load(&wellprint::files::Disk::new(root)).expect("fonts");
    let jobs: Vec<Job> = wellprint::all_jobs(&project)
        .into_iter()
        .filter(|j| !card_only || j.variant == Variant::Standard)
        .filter(|j| !default_formats || j.resource.formats_for(j.variant).first() == Some(j.format))
        .collect();
    let options = BatchOptions {
        out: root.join("out"),
        threads,
        build: BuildOptions::default(),
        interrupt: None,
    };
    let results = batch::run(&project, &jobs, &fonts, &options, &|_| {}).expect("thread pool");
    let secs = started.elapsed().as_secs_f64();
    let failed = results.iter().filter(|r| !r.is_built()).count();
    assert_eq!(failed, 0, "every synthetic document builds");
    let docs = results.len();
    let peak_mb = peak_kb() as f64 / 1024.0;
    let per_s = docs as f64 / secs;
    let ms = secs * 1000.0 / docs as f64;
    if card_only {
        let t = if threads == 0 {
            "all".to_owned()
        } else {
            threads.to_string()
        };
        println!("| {n} | {t} | {docs} | {secs:.2} | {per_s:.0} | {ms:.2} | {peak_mb:.0} |");
    } else {
        println!("| {n} | {docs} | {secs:.2} | {per_s:.0} | {ms:.2} | {peak_mb:.0} |");
    }
}

/// A plausible area: three card contacts and an advocacy service, with
/// Ofcom drama numbers; nations in turn.
fn synthetic_area(i: usize) -> String {
    let nation = ["england", "scotland", "wales", "northern-ireland"][i % 4];
    let num = |k: usize| format!("01632 960 {:03}", (i * 4 + k) % 1000);
    format!(
        r#"id = "area-{i:04}"
name = "Area {i}"
nation = "{nation}"

[[contact]]
name = "Area {i} Recovery College"
phone = "{}"
hours = "Mon–Fri 10am–4pm"
web = "example.org/area-{i}"
tags = ["card"]

[[contact]]
name = "Area {i} Peer Support"
phone = "{}"
hours = "Wednesdays 6pm–8pm"
tags = ["card"]

[[contact]]
name = "Area {i} Wellbeing Café"
phone = "{}"
hours = "Saturdays 11am–2pm"
tags = ["card"]

[[contact]]
name = "Area {i} Advocacy"
phone = "{}"
hours = "Mon–Fri 9am–5pm"
tags = ["advocacy"]
"#,
        num(0),
        num(1),
        num(2),
        num(3)
    )
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("list").flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
}

/// Peak resident memory of this process in KiB (`VmHWM`), 0 if unknown.
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
