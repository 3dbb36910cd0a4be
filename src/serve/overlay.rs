//! The project as the editor sees it: the files on disk, with the area
//! file being edited replaced by the page's text.

use std::path::{Path, PathBuf};

use crate::files::{Disk, FileError, Files};

/// The files of `disk`, except `path`, which reads as `text`.
pub struct Overlay<'a> {
    /// The project on disk.
    pub disk: &'a Disk,
    /// The replaced file, relative to the project folder.
    pub path: PathBuf,
    /// Its edited text.
    pub text: &'a str,
}

impl Files for Overlay<'_> {
    fn read(&self, path: &Path) -> Result<Vec<u8>, FileError> {
        if path == self.path {
            return Ok(self.text.as_bytes().to_vec());
        }
        self.disk.read(path)
    }

    fn size(&self, path: &Path) -> Result<u64, FileError> {
        if path == self.path {
            return Ok(self.text.len() as u64);
        }
        self.disk.size(path)
    }

    fn list(&self, dir: &Path) -> Result<Vec<PathBuf>, FileError> {
        self.disk.list(dir)
    }

    fn full_path(&self, path: &Path) -> PathBuf {
        self.disk.full_path(path)
    }
}
