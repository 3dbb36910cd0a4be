//! Atomic writes: a file appears complete or not at all.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// renamed into place once fully written and synced to disk. On any
/// failure the temporary file is removed and an existing `path` is left
/// untouched.
pub fn atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    renamed_into_place(path, bytes, true)
}

/// [`atomic`] for one file of a batch: written and renamed into place the
/// same way (a file appears complete or not at all), but on Linux not
/// synced to disk one by one: the batch calls [`sync_folder`] once at the
/// end. A sync per file took 0.4 ms, a fifth of the time a wallet card
/// takes to make. Elsewhere each file is synced as [`atomic`] does.
pub fn atomic_in_batch(path: &Path, bytes: &[u8]) -> io::Result<()> {
    renamed_into_place(path, bytes, !cfg!(target_os = "linux"))
}

/// Flushes everything written to the file system that holds `dir` to disk
/// (Linux `syncfs`; elsewhere [`atomic_in_batch`] has synced each file).
pub fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    rustix::fs::syncfs(fs::File::open(dir)?)?;
    #[cfg(not(target_os = "linux"))]
    let _ = dir;
    Ok(())
}

/// The temporary file, optionally synced, renamed to `path`.
fn renamed_into_place(path: &Path, bytes: &[u8], sync: bool) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".wellprint-")
        .suffix(".part")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if sync {
        tmp.as_file().sync_all()?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Checks before a run that files can be written into `dir`: creates it if
/// missing, then creates and removes a temporary file in it. The error
/// says what is in the way in words (a file where a folder should be).
pub fn check_dir(dir: &Path) -> Result<(), String> {
    // A file standing where the folder or one of its parents should be.
    for part in dir.ancestors().filter(|p| !p.as_os_str().is_empty()) {
        if fs::metadata(part).is_ok_and(|m| !m.is_dir()) {
            return Err(format!("`{}` is a file, not a folder", part.display()));
        }
    }
    fs::create_dir_all(dir).map_err(|e| describe(&e))?;
    tempfile::Builder::new()
        .prefix(".wellprint-")
        .suffix(".part")
        .tempfile_in(dir)
        .map(drop)
        .map_err(|e| describe(&e))
}

/// An I/O error in words a coordinator can act on, with the system's
/// message in brackets.
pub fn describe(e: &io::Error) -> String {
    let words = match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "the disk is full",
        io::ErrorKind::FileTooLarge => "the file is larger than the system allows",
        io::ErrorKind::PermissionDenied => "permission denied",
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only",
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder",
        _ => return e.to_string(),
    };
    format!("{words} ({e})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a/b.pdf");
        atomic(&path, b"%PDF-1.7 test").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"%PDF-1.7 test");
        let names: Vec<_> = fs::read_dir(path.parent().expect("parent"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1, "only the PDF remains: {names:?}");
    }

    #[test]
    fn batch_files_are_whole_and_the_folder_syncs() {
        let dir = tempfile::tempdir().expect("temp dir");
        for i in 0..3 {
            atomic_in_batch(&dir.path().join(format!("x/{i}.pdf")), b"%PDF-1.7 test")
                .expect("write");
        }
        sync_folder(dir.path()).expect("syncs");
        let mut names: Vec<_> = fs::read_dir(dir.path().join("x"))
            .expect("list")
            .map(|e| e.expect("entry").file_name().into_string().expect("utf-8"))
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["0.pdf", "1.pdf", "2.pdf"],
            "no temporary file is left"
        );
        assert!(
            sync_folder(&dir.path().join("missing")).is_err(),
            "a missing folder is an error"
        );
    }

    #[test]
    fn a_file_in_the_way_of_the_output_folder_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("taken");
        fs::write(&file, "x").expect("write");
        let err = check_dir(&file).expect_err("a file is not a folder");
        assert!(err.contains("taken` is a file, not a folder"), "{err}");
        let err = check_dir(&file.join("below")).expect_err("nor is a path under it");
        assert!(err.contains("taken` is a file, not a folder"), "{err}");
        check_dir(&dir.path().join("new/out")).expect("a missing folder is made");
        let left: Vec<_> = fs::read_dir(dir.path().join("new/out"))
            .expect("list")
            .collect();
        assert!(left.is_empty(), "the probe file is removed: {left:?}");
    }
}
