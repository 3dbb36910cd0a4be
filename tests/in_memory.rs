//! Building from files held in memory: the same bytes as from a folder on
//! disk, and errors that still name the (virtual) file, line and column.

mod common;

#[allow(dead_code)]
#[path = "../examples/in_memory.rs"]
mod example;

use wellprint::files::Disk;

#[test]
fn the_wallet_card_builds_from_memory_as_from_disk() {
    let memory = example::files("exampleshire", example::AREA);
    let from_memory = example::build_card(&memory, "exampleshire").expect("builds from memory");
    assert!(from_memory.bytes.starts_with(b"%PDF-"));
    assert_eq!(from_memory.frames.len(), 2, "front and back");

    let dir = tempfile::tempdir().expect("dir");
    for (path, bytes) in example::FILES {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        std::fs::write(full, bytes).expect("write");
    }
    std::fs::write(dir.path().join("areas/exampleshire.toml"), example::AREA).expect("write");
    let from_disk =
        example::build_card(&Disk::new(dir.path()), "exampleshire").expect("builds from disk");
    assert!(
        from_memory.bytes == from_disk.bytes,
        "in memory {} bytes, on disk {} bytes",
        from_memory.bytes.len(),
        from_disk.bytes.len()
    );
}

#[test]
fn an_error_in_memory_names_the_virtual_file_line_and_column() {
    let area = example::AREA.replace("nation = \"england\"", "nation = \"englnd\"");
    let memory = example::files("exampleshire", &area);
    let errors = match example::build_card(&memory, "exampleshire") {
        Ok(_) => panic!("a misspelt nation must not build"),
        Err(e) => e,
    };
    assert!(
        errors.contains("areas/exampleshire.toml:3:10: error:"),
        "{errors}"
    );
}
