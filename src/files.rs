//! The project's files as the library sees them: paths relative to the
//! project folder, read through one trait (like Typst's `World`).
//!
//! The command line reads a folder on disk ([`Disk`]); tests and the editor
//! hand over files held in memory ([`Memory`]). Nothing else in the library
//! opens a project file.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Component, Path, PathBuf};

/// A project's files, by path relative to the project folder
/// (`resources/card.toml`, `fonts/DejaVuSans.ttf`).
pub trait Files: Sync {
    /// The bytes of the file at `path`.
    fn read(&self, path: &Path) -> Result<Vec<u8>, FileError>;

    /// The size of the file at `path` in bytes, without reading it (to
    /// refuse a file too large before reading it).
    fn size(&self, path: &Path) -> Result<u64, FileError>;

    /// The entries directly in the folder `dir`, as paths relative to the
    /// project folder, sorted by name.
    fn list(&self, dir: &Path) -> Result<Vec<PathBuf>, FileError>;

    /// Where `path` is, for messages: the full path on disk, or the path
    /// itself for files in memory.
    fn full_path(&self, path: &Path) -> PathBuf;
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Nothing is there (with the system's words for it).
    Missing(String),
    /// Something is there but it is not a regular file: a folder, a named
    /// pipe, a socket or a device (named). Never opened: reading a named
    /// pipe waits forever for a writer.
    NotAFile(&'static str),
    /// A link that leads outside the project folder.
    Outside,
    /// Any other failure to read (with the system's words for it).
    Io(String),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Missing(why) | FileError::Io(why) => f.write_str(why),
            FileError::NotAFile(kind) => write!(f, "it is {kind}, not a file"),
            FileError::Outside => f.write_str("it is a link to a file outside the project"),
        }
    }
}

impl std::error::Error for FileError {}

/// A project folder on disk. Only regular files are read, and links are
/// followed only while they stay inside the folder.
#[derive(Debug, Clone)]
pub struct Disk {
    root: PathBuf,
    /// `root` with links resolved, to tell where a link leads.
    canonical: PathBuf,
}

impl Disk {
    /// The project in the folder `root`.
    pub fn new(root: impl Into<PathBuf>) -> Disk {
        let root = root.into();
        let canonical = root.canonicalize().unwrap_or_else(|_| root.clone());
        Disk { root, canonical }
    }

    /// The project folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The checked place of `path` on disk: inside the project (following
    /// links) and a regular file.
    fn open(&self, path: &Path) -> Result<(PathBuf, fs::Metadata), FileError> {
        let full = self.root.join(path);
        let canonical = full
            .canonicalize()
            .map_err(|e| FileError::Missing(e.to_string()))?;
        if !canonical.starts_with(&self.canonical) {
            return Err(FileError::Outside);
        }
        let meta = fs::metadata(&canonical).map_err(|e| FileError::Io(e.to_string()))?;
        match not_a_file(&meta) {
            None => Ok((canonical, meta)),
            Some(kind) => Err(FileError::NotAFile(kind)),
        }
    }
}

impl Files for Disk {
    fn read(&self, path: &Path) -> Result<Vec<u8>, FileError> {
        let (canonical, _) = self.open(path)?;
        fs::read(canonical).map_err(|e| FileError::Io(e.to_string()))
    }

    fn size(&self, path: &Path) -> Result<u64, FileError> {
        self.open(path).map(|(_, meta)| meta.len())
    }

    fn list(&self, dir: &Path) -> Result<Vec<PathBuf>, FileError> {
        let entries = fs::read_dir(self.root.join(dir)).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => FileError::Missing(e.to_string()),
            _ => FileError::Io(e.to_string()),
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| dir.join(e.file_name()))
            .collect();
        paths.sort();
        Ok(paths)
    }

    fn full_path(&self, path: &Path) -> PathBuf {
        self.root.join(path)
    }
}

/// What `meta` (from [`fs::metadata`], which follows links) describes if it
/// is not a regular file: a folder, a named pipe, a socket or a device.
fn not_a_file(meta: &fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// A project held in memory: file contents by path relative to the
/// project folder. Folders are implied by the paths.
#[derive(Debug, Clone, Default)]
pub struct Memory {
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl Memory {
    /// No files.
    pub fn new() -> Memory {
        Memory::default()
    }

    /// Adds (or replaces) the file at `path`.
    pub fn insert(&mut self, path: impl AsRef<Path>, bytes: impl Into<Vec<u8>>) -> &mut Memory {
        self.files.insert(normalize(path.as_ref()), bytes.into());
        self
    }

    /// The file at `path`, if any.
    fn get(&self, path: &Path) -> Result<&Vec<u8>, FileError> {
        let path = normalize(path);
        match self.files.get(&path) {
            Some(bytes) => Ok(bytes),
            None if self.files.keys().any(|k| k.starts_with(&path)) => {
                Err(FileError::NotAFile("a folder"))
            }
            None => Err(FileError::Missing("no such file".to_owned())),
        }
    }
}

impl Files for Memory {
    fn read(&self, path: &Path) -> Result<Vec<u8>, FileError> {
        self.get(path).cloned()
    }

    fn size(&self, path: &Path) -> Result<u64, FileError> {
        self.get(path).map(|b| b.len() as u64)
    }

    fn list(&self, dir: &Path) -> Result<Vec<PathBuf>, FileError> {
        let dir = normalize(dir);
        let mut names: Vec<PathBuf> = self
            .files
            .keys()
            .filter_map(|k| {
                let rest = k.strip_prefix(&dir).ok()?;
                let first = rest.components().next()?;
                Some(dir.join(first))
            })
            .collect();
        names.dedup();
        if names.is_empty() {
            return Err(FileError::Missing("no such folder".to_owned()));
        }
        Ok(names)
    }

    fn full_path(&self, path: &Path) -> PathBuf {
        normalize(path)
    }
}

/// `path` without `.` parts, so that `./areas/x.toml` and `areas/x.toml`
/// name one file.
fn normalize(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_lists_and_reads() {
        let mut files = Memory::new();
        files
            .insert("areas/a.toml", "a")
            .insert("areas/logos/l.png", "l")
            .insert("resources/r.toml", "r");
        let listed = files.list(Path::new("areas")).expect("folder");
        assert_eq!(
            listed,
            vec![PathBuf::from("areas/a.toml"), PathBuf::from("areas/logos")]
        );
        assert_eq!(files.read(Path::new("./areas/a.toml")), Ok(b"a".to_vec()));
        assert_eq!(
            files.read(Path::new("areas/logos")),
            Err(FileError::NotAFile("a folder"))
        );
        assert!(matches!(
            files.read(Path::new("nothing")),
            Err(FileError::Missing(_))
        ));
    }
}
