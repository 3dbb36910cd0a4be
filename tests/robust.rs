//! Robustness of a build as a whole (issue 8): Ctrl-C in the middle of a
//! batch, an output folder that cannot be written, a disk that fills up,
//! an area with 10 000 contacts, and what the files contain and where they
//! go (no scripts, launch actions or embedded files; links only `tel:`,
//! `mailto:` and `https:`; nothing written outside the output folder).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{GOOD_AREA, TempProject, root, run};

/// Every file below `dir`, relative to it, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    common::file_contents(dir)
}

/// A complete PDF: lopdf parses it and it ends with `%%EOF`.
fn assert_complete_pdf(name: &Path, bytes: &[u8]) {
    let end = bytes.trim_ascii_end();
    assert!(
        end.ends_with(b"%%EOF"),
        "{} does not end with %%EOF",
        name.display()
    );
    lopdf::Document::load_mem(bytes)
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", name.display()));
}

/// Names of temporary files (ours are `.wellprint-*.part`).
/// The PDFs among `written`, after asserting that no temporary file was
/// left beside them.
fn pdfs_without_temporaries(written: &BTreeMap<PathBuf, Vec<u8>>) -> Vec<(&PathBuf, &Vec<u8>)> {
    assert!(
        temporaries(written).is_empty(),
        "{:?}",
        temporaries(written)
    );
    written
        .iter()
        .filter(|(f, _)| f.extension().is_some_and(|e| e == "pdf"))
        .collect()
}

fn temporaries(files: &BTreeMap<PathBuf, Vec<u8>>) -> Vec<&PathBuf> {
    files
        .keys()
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            name.starts_with(".wellprint-") || name.ends_with(".part") || name.ends_with(".tmp")
        })
        .collect()
}

// ---- Ctrl-C -----------------------------------------------------------------

#[cfg(unix)]
#[test]
fn ctrl_c_mid_batch_leaves_only_complete_pdfs_and_exits_130() {
    let p = TempProject::new();
    let areas = 60;
    for i in 0..areas {
        p.write(
            &format!("areas/area-{i:03}.toml"),
            &GOOD_AREA.replace("testshire", &format!("area-{i:03}")),
        );
    }
    let log = p.path().join("stderr.txt");
    let mut child = Command::new(env!("CARGO_BIN_EXE_wellprint"))
        .args(["build", "-j", "2"])
        .current_dir(p.path())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("start wellprint");
    // Wait for the first finished PDF (or for wellprint to end, which
    // fails the test), then press Ctrl-C.
    let out = p.path().join("out");
    while !files(&out)
        .keys()
        .any(|f| f.extension().is_some_and(|e| e == "pdf"))
    {
        assert!(
            child.try_wait().expect("poll").is_none(),
            "wellprint ended before Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(kill.success());
    let status = child.wait().expect("wait");
    let stderr = std::fs::read_to_string(&log).expect("log");
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted (Ctrl-C):"), "{stderr}");
    assert!(stderr.contains("documents were not started"), "{stderr}");

    let written = files(&out);
    let pdfs = pdfs_without_temporaries(&written);
    assert!(!pdfs.is_empty());
    let (_, project) = p.load().expect("loads");
    let jobs = areas * documents_per_area(&project);
    assert!(
        pdfs.len() < jobs,
        "the run stopped early: {} of {jobs}",
        pdfs.len()
    );
    for (name, bytes) in &pdfs {
        assert_complete_pdf(name, bytes);
    }
    let report = String::from_utf8_lossy(&written[Path::new("report.json")]).into_owned();
    assert!(report.contains("\"reason\": \"interrupted\""), "{report}");
}

/// How many documents `build` makes for one area outside Wales: every
/// format of every variant of every resource but the bilingual one.
fn documents_per_area(project: &wellprint::model::Project) -> usize {
    project
        .resources
        .iter()
        .map(|r| {
            r.variants
                .keys()
                .filter(|&&v| v != wellprint::model::Variant::Bilingual)
                .map(|&v| r.formats_for(v).len())
                .sum::<usize>()
        })
        .sum()
}

/// The library's batch, interrupted from its own progress callback after
/// `stop_after` documents: no clock, no signal, no race with the machine's
/// load.
#[test]
fn an_interrupted_batch_writes_whole_files_and_reports_the_rest_interrupted() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use wellprint::pipeline::batch::{self, BatchOptions, Failure, Outcome};

    let p = TempProject::new();
    let areas = 3;
    for i in 0..areas {
        p.write(
            &format!("areas/area-{i}.toml"),
            &GOOD_AREA.replace("testshire", &format!("area-{i}")),
        );
    }
    let (sources, project) = p.load().expect("loads");
    let per_area = documents_per_area(&project);
    let jobs = wellprint::all_jobs(&project);
    assert_eq!(jobs.len(), areas * per_area, "every document of every area");
    assert!(per_area >= 2, "{per_area} documents per area");

    let out = p.path().join("out");
    let threads = 2;
    let interrupt = Arc::new(AtomicBool::new(false));
    let options = BatchOptions {
        out: out.clone(),
        threads,
        build: wellprint::BuildOptions::default(),
        interrupt: Some(Arc::clone(&interrupt)),
    };
    // Into the second area: one area whole, the next one part-built.
    let stop_after = per_area + 1;
    let done = AtomicUsize::new(0);
    let results = batch::run(&project, &jobs, &common::fonts(), &options, &|_| {
        if done.fetch_add(1, Ordering::SeqCst) + 1 == stop_after {
            interrupt.store(true, Ordering::SeqCst);
        }
    })
    .expect("thread pool");
    assert_eq!(results.len(), jobs.len());

    // The documents in progress when the flag was set finish; no other
    // document starts.
    let built: Vec<_> = results.iter().filter(|r| r.is_built()).collect();
    assert!(
        (stop_after..stop_after + threads).contains(&built.len()),
        "{} built, interrupted after {stop_after} on {threads} threads",
        built.len()
    );
    let mut interrupted = 0;
    for r in &results {
        match &r.outcome {
            Outcome::Built { bytes, sha256, .. } => {
                let written =
                    std::fs::read(&r.path).unwrap_or_else(|e| panic!("{}: {e}", r.path.display()));
                assert_complete_pdf(&r.path, &written);
                assert_eq!(written.len() as u64, *bytes, "{}", r.path.display());
                assert_eq!(sha256_hex(&written), *sha256, "{}", r.path.display());
            }
            Outcome::Failed {
                failure: Failure::Interrupted,
                errors,
            } => {
                interrupted += 1;
                assert!(!r.path.exists(), "{} was written", r.path.display());
                assert!(!errors.is_empty());
            }
            Outcome::Failed { failure, errors } => panic!(
                "{}: {failure:?}: {}",
                r.path.display(),
                common::render(&sources, errors)
            ),
        }
    }
    assert_eq!(built.len() + interrupted, jobs.len());

    // Only the built PDFs are in the folder: no temporaries, nothing else.
    let written = files(&out);
    let pdfs = pdfs_without_temporaries(&written);
    assert_eq!(pdfs.len(), built.len(), "{:?}", written.keys());
    assert_eq!(written.len(), pdfs.len(), "{:?}", written.keys());

    // The report lists the rest as interrupted.
    let report = batch::report(&project, &sources, &results, &out, 0);
    assert_eq!(report.summary.built, built.len());
    assert_eq!(report.failed.len(), interrupted);
    assert!(report.failed.iter().all(|f| f.reason == "interrupted"));
}

/// SHA-256 of `bytes`, lower-case hex (as the report writes it).
fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

// ---- Output folder and disk -------------------------------------------------

#[test]
fn an_output_folder_that_is_a_file_is_refused_before_anything_is_built() {
    let p = TempProject::new();
    p.write("areas/t.toml", GOOD_AREA);
    p.write("taken.txt", "a file, not a folder");
    for (command, out, named) in [
        ("build", "taken.txt", "taken.txt"),
        ("build", "taken.txt/cards", "taken.txt"),
        ("sheets", "taken.txt/sheets", "taken.txt"),
    ] {
        let before = files(p.path());
        let result = run(p.path(), &[command, "--out", out]);
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "cannot write to the output folder `{out}`: `{named}` is a file, not a folder"
            )),
            "{stderr}"
        );
        assert!(stderr.contains("use --out to name a folder"), "{stderr}");
        assert_eq!(before, files(p.path()), "nothing written");
    }
}

/// Runs `wellprint ARGS` in `dir` with files limited to `limit_kb` KiB
/// (RLIMIT_FSIZE, with SIGXFSZ ignored so a write fails with EFBIG as on a
/// full disk instead of killing the process).
#[cfg(unix)]
fn run_with_file_limit(dir: &Path, limit_kb: u64, args: &[&str]) -> std::process::Output {
    // bash counts `ulimit -f` in KiB.
    let script = format!("ulimit -f {limit_kb} && trap '' XFSZ && exec \"$0\" \"$@\"");
    Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_wellprint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run wellprint under bash")
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_a_clear_error_and_earlier_files_stay_intact() {
    let p = TempProject::new();
    p.write("areas/t.toml", GOOD_AREA);
    let first = run(p.path(), &["build"]);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before = files(&p.path().join("out"));
    let sizes: Vec<usize> = before
        .iter()
        .filter(|(f, _)| f.extension().is_some_and(|e| e == "pdf"))
        .map(|(_, b)| b.len())
        .collect();
    let (small, large) = (
        sizes.iter().min().copied().unwrap_or(0),
        sizes.iter().max().copied().unwrap_or(0),
    );
    // Room for the smallest PDF (and the report) but not the largest.
    let limit_kb = (small as u64 / 1024 + 1).max(16);
    assert!(
        (limit_kb * 1024) < large as u64,
        "the PDFs differ enough in size: {sizes:?}"
    );

    // Into the existing folder: the files that cannot be rewritten keep
    // their earlier, complete content.
    let again = run_with_file_limit(p.path(), limit_kb, &["build"]);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert_eq!(again.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot write `out/testshire/"), "{stderr}");
    assert!(
        stderr.contains("the file is larger than the system allows (File too large"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the disk is not full"),
        "the hint: {stderr}"
    );
    let after = files(&p.path().join("out"));
    assert!(temporaries(&after).is_empty(), "{:?}", temporaries(&after));
    for (name, bytes) in &before {
        if name.extension().is_some_and(|e| e == "pdf") {
            assert_eq!(after.get(name), Some(bytes), "{} unchanged", name.display());
        }
    }

    // Into a new folder: what fits is complete, the rest is absent.
    let fresh = run_with_file_limit(p.path(), limit_kb, &["build", "--out", "fresh"]);
    let stderr = String::from_utf8_lossy(&fresh.stderr);
    assert_eq!(fresh.status.code(), Some(1), "{stderr}");
    let written = files(&p.path().join("fresh"));
    let pdfs = pdfs_without_temporaries(&written);
    assert!(!pdfs.is_empty() && pdfs.len() < sizes.len(), "{pdfs:?}");
    for (name, bytes) in pdfs {
        assert_complete_pdf(name, bytes);
        assert!(bytes.len() as u64 <= limit_kb * 1024);
    }
}

// ---- 10 000 contacts --------------------------------------------------------

#[test]
fn ten_thousand_contacts_give_an_overflow_error() {
    let p = TempProject::new();
    let mut area = GOOD_AREA.to_owned();
    for i in 0..10_000 {
        area.push_str(&format!(
            "\n[[contact]]\nname = \"Group {i}\"\nphone = \"01632 960 {:03}\"\ntags = [\"card\"]\n",
            i % 1000
        ));
    }
    p.write("areas/t.toml", &area);
    let out = run(
        p.path(),
        &[
            "build",
            "--resource",
            "chime-wallet-card",
            "--variant",
            "standard",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("page 2, block 2 (contacts) does not fit"),
        "{stderr}"
    );
    assert!(
        stderr.contains("resources/chime-wallet-card.toml:"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!p.path().join("out/testshire").exists(), "no PDF written");

    // Every resource: each either builds or fails with a message, no panic.
    let out = run(p.path(), &["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(1 | 2)), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

// ---- What is written, and where ---------------------------------------------

/// Names that make a PDF do something besides show pages.
const FORBIDDEN: &[&[u8]] = &[
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"GoToR",
    b"GoToE",
    b"ImportData",
    b"SubmitForm",
    b"RichMedia",
    b"OpenAction",
    b"AA",
];

/// Checks one object and everything inside it; collects the link targets.
fn scan(object: &lopdf::Object, found: &mut Vec<String>, uris: &mut Vec<String>) {
    use lopdf::Object;
    let dict = match object {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        Object::Array(items) => {
            for item in items {
                scan(item, found, uris);
            }
            None
        }
        Object::Name(n) if FORBIDDEN.contains(&n.as_slice()) => {
            found.push(format!("/{}", String::from_utf8_lossy(n)));
            None
        }
        _ => None,
    };
    if let Some(dict) = dict {
        for (key, value) in dict.iter() {
            if FORBIDDEN.contains(&key.as_slice()) {
                found.push(format!("key /{}", String::from_utf8_lossy(key)));
            }
            if key.as_slice() == b"URI" {
                match value {
                    Object::String(s, _) => uris.push(String::from_utf8_lossy(s).into_owned()),
                    other => found.push(format!("URI that is not a string: {other:?}")),
                }
            }
            scan(value, found, uris);
        }
    }
}

#[test]
fn shipped_pdfs_have_no_scripts_actions_or_attachments_and_nothing_is_written_elsewhere() {
    // The shipped project, copied, with every shipped area.
    let p = TempProject::new();
    copy_tree(&root().join("areas"), &p.path().join("areas"));
    let home = tempfile::tempdir().expect("home");
    let tmp = tempfile::tempdir().expect("tmp");
    let before = files(p.path());
    let out = Command::new(env!("CARGO_BIN_EXE_wellprint"))
        .args(["build", "--out", "printed"])
        .current_dir(p.path())
        .env("HOME", home.path())
        .env("TMPDIR", tmp.path())
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");

    // Only files under printed/ are new; nothing else changed.
    let after = files(p.path());
    for (path, bytes) in &after {
        if !path.starts_with("printed") {
            assert_eq!(before.get(path), Some(bytes), "{} changed", path.display());
        }
    }
    assert_eq!(
        before.len(),
        after
            .iter()
            .filter(|(p, _)| !p.starts_with("printed"))
            .count(),
        "no files appear outside printed/"
    );
    assert!(files(home.path()).is_empty(), "nothing in HOME");
    assert!(files(tmp.path()).is_empty(), "nothing in TMPDIR");

    // Every PDF: no scripts, actions or attachments; links only tel:,
    // mailto: and https:.
    let pdfs: Vec<_> = after
        .iter()
        .filter(|(f, _)| f.extension().is_some_and(|e| e == "pdf"))
        .collect();
    let (_, project) = common::load(&root());
    assert_eq!(
        pdfs.len(),
        wellprint::all_jobs(&project).len(),
        "every shipped document was built"
    );
    for (name, bytes) in pdfs {
        let doc = lopdf::Document::load_mem(bytes).expect("parses");
        let mut found = Vec::new();
        let mut uris = Vec::new();
        scan(
            &lopdf::Object::Dictionary(doc.trailer.clone()),
            &mut found,
            &mut uris,
        );
        for object in doc.objects.values() {
            scan(object, &mut found, &mut uris);
        }
        assert!(found.is_empty(), "{}: {found:?}", name.display());
        for uri in &uris {
            assert!(
                ["tel:", "mailto:", "https:"]
                    .iter()
                    .any(|s| uri.starts_with(s)),
                "{}: link to {uri}",
                name.display()
            );
        }
        // The raw bytes too, in case something hides in an unparsed place.
        for word in [&b"/JavaScript"[..], b"/Launch", b"/EmbeddedFile"] {
            assert!(
                !bytes.windows(word.len()).any(|w| w == word),
                "{}: {}",
                name.display(),
                String::from_utf8_lossy(word)
            );
        }
    }
}

/// Copies the files below `from` into `to`, folders included (area logos).
fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("list") {
        let path = entry.expect("entry").path();
        let Some(name) = path.file_name() else {
            continue;
        };
        if path.is_dir() {
            copy_tree(&path, &to.join(name));
        } else {
            std::fs::copy(&path, to.join(name)).expect("copy");
        }
    }
}
