//! The editor in a real browser: headless Chromium driven over WebDriver
//! (`chromedriver`, with the `fantoccini` client) against the real
//! `wellprint serve`.
//!
//! Needs `chromium` and `chromedriver` (Debian: `chromium-driver`) and,
//! for the accessibility test, axe-core (npm), all of which `.ci/run`
//! installs. With `CI=true` a missing tool fails the test; elsewhere it
//! prints a note and passes. `WELLPRINT_UPDATE=1` rewrites the README's
//! screenshot, `docs/editor.png`.

mod common;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::TempProject;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// The editor tests' area file, with comments that saving must keep.
const AREA: &str = common::COMMENTED_AREA;

/// A child process, killed when dropped.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Whether a tool is missing: fails under CI, else says so.
fn missing(what: &str) -> bool {
    if std::env::var_os("CI").is_some() {
        panic!("{what} is missing (CI installs it in .ci/run)");
    }
    eprintln!("note: {what} is missing; skipped");
    true
}

/// The first of `names` that runs with `--version`.
fn program(names: &[&str]) -> Option<String> {
    names
        .iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(|c| (*c).to_owned())
}

/// The Chromium binary's full path.
fn chromium() -> Option<String> {
    let name = program(&["chromium", "chromium-browser", "google-chrome"])?;
    let out = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// A free TCP port on the loopback address.
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// `wellprint serve` on `project`; its URL.
fn serve(project: &Path) -> (Killed, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wellprint"))
        .args(["serve", "--port", "0", "--no-open", "--project"])
        .arg(project)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start wellprint serve");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("first line");
    assert!(line.starts_with("http://127.0.0.1:"), "{line:?}");
    (Killed(child), line.trim().to_owned())
}

/// A browser on the editor: chromedriver, its session and the server.
struct Browser {
    client: Client,
    _driver: Killed,
    _server: Killed,
}

/// Starts chromedriver and headless Chromium, 1400 × 900, on the editor
/// for `project`; `None` (after the note) when a tool is missing.
async fn open(project: &Path) -> Option<Browser> {
    let (Some(driver), Some(chromium)) = (
        program(&["chromedriver"]).or_else(|| {
            Path::new("/usr/lib/chromium/chromedriver")
                .is_file()
                .then(|| "/usr/lib/chromium/chromedriver".to_owned())
        }),
        chromium(),
    ) else {
        missing("chromium or chromedriver");
        return None;
    };
    let (server, url) = serve(project);
    let port = free_port();
    let driver = Killed(
        Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    let caps = json!({
        "goog:chromeOptions": {
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1400,900",
                     "--force-device-scale-factor=1", "--hide-scrollbars"],
        }
    });
    let caps = caps.as_object().expect("an object").clone();
    let webdriver = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    let client = loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&webdriver)
            .await
        {
            Ok(c) => break c,
            Err(e) if started.elapsed() > Duration::from_secs(30) => {
                panic!("chromedriver did not start: {e}")
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    };
    client.goto(&url).await.expect("open the editor");
    let browser = Browser {
        client,
        _driver: driver,
        _server: server,
    };
    browser.until("the first preview", "previews() >= 1").await;
    Some(browser)
}

/// Script helpers defined before every condition.
const HELPERS: &str = "const previews = () => Number(document.getElementById('pages').dataset.previews || 0);\
    const status = () => document.getElementById('status').textContent;";

impl Browser {
    /// Runs `script` (a function body) and returns its value.
    async fn js(&self, script: &str) -> Value {
        self.client
            .execute(&format!("{HELPERS} {script}"), vec![])
            .await
            .unwrap_or_else(|e| panic!("{script}: {e}"))
    }

    /// Waits up to 30 s for the JavaScript expression `cond` to be true.
    async fn until(&self, what: &str, cond: &str) {
        let started = Instant::now();
        while self.js(&format!("return !!({cond});")).await != json!(true) {
            if started.elapsed() > Duration::from_secs(30) {
                let status = self.js("return status();").await;
                panic!("waited 30 s for {what} ({cond}); the status says {status}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Clears the input `id` and types `keys` into it.
    async fn type_into(&self, id: &str, keys: &str) {
        let input = self.client.find(Locator::Id(id)).await.expect(id);
        input.clear().await.expect("clear");
        input.send_keys(keys).await.expect("type");
    }

    async fn click(&self, id: &str) {
        let button = self.client.find(Locator::Id(id)).await.expect(id);
        button.click().await.expect("click");
    }

    /// A checksum of every preview page's pixels.
    async fn preview_pixels(&self) -> Value {
        self.js(
            "return [...document.querySelectorAll('#pages img')].map((img) => {\
               const c = document.createElement('canvas');\
               c.width = img.naturalWidth; c.height = img.naturalHeight;\
               const g = c.getContext('2d'); g.drawImage(img, 0, 0);\
               const d = g.getImageData(0, 0, c.width, c.height).data;\
               let sum = 0; for (let i = 0; i < d.length; i += 7) sum = (sum * 31 + d[i]) % 1000000007;\
               return sum; });",
        )
        .await
    }

    /// Waits for a preview after `before` previews.
    async fn next_preview(&self, before: i64) {
        self.until(
            "a new preview",
            &format!("previews() > {before} && status().startsWith('Preview made')"),
        )
        .await;
        self.until(
            "its pictures",
            "[...document.querySelectorAll('#pages img')].every((i) => i.complete && i.naturalWidth > 0)",
        )
        .await;
    }

    async fn previews(&self) -> i64 {
        self.js("return previews();")
            .await
            .as_i64()
            .expect("a count")
    }
}

/// A throw-away project with the test area.
fn project() -> TempProject {
    let project = TempProject::new();
    project.write("areas/testshire.toml", AREA);
    project
}

fn area_on_disk(project: &TempProject) -> String {
    std::fs::read_to_string(project.path().join("areas/testshire.toml")).expect("area")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_edited_in_the_page_changes_the_preview_and_is_saved() {
    let project = project();
    let Some(b) = open(project.path()).await else {
        return;
    };
    b.until(
        "the pictures",
        "document.querySelectorAll('#pages img').length > 0",
    )
    .await;
    b.next_preview(0).await;
    let before = b.preview_pixels().await;
    let count = b.previews().await;
    b.type_into("c-0-phone", "01632 960 999").await;
    b.next_preview(count).await;
    let after = b.preview_pixels().await;
    assert_ne!(before, after, "the preview did not change");
    assert_eq!(
        area_on_disk(&project),
        AREA,
        "nothing is written before Save"
    );
    b.click("save").await;
    b.until("the save", "status().startsWith('Saved')").await;
    assert_eq!(area_on_disk(&project), AREA.replace("960 901", "960 999"));
    b.client.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_number_is_shown_next_to_its_field_and_not_saved() {
    let project = project();
    let Some(b) = open(project.path()).await else {
        return;
    };
    b.type_into("c-0-phone", "12").await;
    b.until(
        "the mistake beside the field",
        "document.getElementById('e-0-phone').textContent.length > 0",
    )
    .await;
    let error = b
        .client
        .find(Locator::Id("e-0-phone"))
        .await
        .expect("error");
    let words = error.text().await.expect("text");
    assert!(
        words.contains("`12` is not a UK phone number"),
        "the error says {words:?}"
    );
    let input = b
        .client
        .find(Locator::Id("c-0-phone"))
        .await
        .expect("input");
    assert_eq!(
        input.attr("aria-invalid").await.expect("attr").as_deref(),
        Some("true")
    );
    // The message is in the same table cell as the field, right below it.
    let beside = b
        .js("const e = document.getElementById('e-0-phone'), i = document.getElementById('c-0-phone');\
             const a = i.getBoundingClientRect(), r = e.getBoundingClientRect();\
             return e.parentElement === i.parentElement && r.top >= a.bottom - 1 && r.top - a.bottom < 20;")
        .await;
    assert_eq!(beside, json!(true), "the message is not beside the field");
    b.click("save").await;
    b.until("the refusal", "status().startsWith('Not saved')")
        .await;
    assert_eq!(area_on_disk(&project), AREA);
    b.client.close().await.expect("close");
}

/// axe-core's script: `WELLPRINT_AXE`, or where `.ci/run` installs it.
fn axe_script() -> Option<PathBuf> {
    let path = std::env::var_os("WELLPRINT_AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::root().join(".ci/node/node_modules/axe-core/axe.min.js"));
    path.is_file().then_some(path)
}

/// axe-core's serious and critical violations on the page as it is now,
/// as "rule: target" lines.
async fn axe(b: &Browser, script: &str) -> Vec<String> {
    b.js(&format!("{script}\n;window.axe = axe; return true;"))
        .await;
    let found = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document, { resultTypes: ['violations'] }).then((r) => done(\
               r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')\
                .flatMap((v) => v.nodes.map((n) => v.id + ': ' + n.target.join(' ')))));",
            vec![],
        )
        .await
        .expect("axe runs");
    serde_json::from_value(found).expect("a list")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_core_finds_no_serious_violations_and_the_keyboard_works() {
    let Some(script) = axe_script() else {
        missing("axe-core");
        return;
    };
    let script = std::fs::read_to_string(script).expect("axe");
    let project = project();
    let Some(b) = open(project.path()).await else {
        return;
    };
    let found = axe(&b, &script).await;
    assert!(found.is_empty(), "axe-core:\n{}", found.join("\n"));
    // With the lines on and a mistake marked.
    b.click("show-lines").await;
    b.type_into("c-0-phone", "12").await;
    b.until(
        "the mistake",
        "document.getElementById('e-0-phone').textContent.length > 0",
    )
    .await;
    let found = axe(&b, &script).await;
    assert!(
        found.is_empty(),
        "axe-core with a mistake marked:\n{}",
        found.join("\n")
    );

    // Keyboard only: Tab goes from the area's menu to the resource's
    // with a visible outline, and a contact moves down with Enter, the
    // focus going with it.
    let menu = b.client.find(Locator::Id("area")).await.expect("menu");
    b.js("document.getElementById('area').focus(); return 0;")
        .await;
    menu.send_keys("\u{e004}").await.expect("tab");
    let focused = b
        .js("const e = document.activeElement, s = getComputedStyle(e);\
             return [e.id, s.outlineStyle, parseFloat(s.outlineWidth)];")
        .await;
    assert_eq!(
        focused[0], "resource",
        "Tab goes to the next field: {focused}"
    );
    assert_ne!(focused[1], "none", "no visible focus: {focused}");
    assert!(focused[2].as_f64() >= Some(2.0), "{focused}");
    let down = b.client.find(Locator::Id("down-0")).await.expect("button");
    b.js("document.getElementById('down-0').focus(); return 0;")
        .await;
    down.send_keys("\u{e007}").await.expect("enter");
    b.until(
        "the move",
        "document.getElementById('c-1-name').value === 'Test Recovery College'",
    )
    .await;
    let active = b.js("return document.activeElement.id;").await;
    assert_eq!(active, "up-1", "the focus follows the moved contact");
    b.client.close().await.expect("close");
}

/// The mean brightness (0–255) of the screenshot's pixels inside `rect`
/// (`x, y, width, height` in CSS pixels; the scale factor is 1).
fn brightness(png: &[u8], rect: &[f64]) -> f64 {
    let shot = image::load_from_memory(png).expect("a PNG").to_rgb8();
    let (x0, y0) = (rect[0].max(0.0) as u32, rect[1].max(0.0) as u32);
    let x1 = ((rect[0] + rect[2]) as u32).min(shot.width());
    let y1 = ((rect[1] + rect[3]) as u32).min(shot.height());
    let mut sum = 0.0;
    let mut n = 0.0;
    for y in y0..y1 {
        for x in x0..x1 {
            let p = shot.get_pixel(x, y);
            sum += (f64::from(p[0]) + f64::from(p[1]) + f64::from(p[2])) / 3.0;
            n += 1.0;
        }
    }
    assert!(n > 10_000.0, "the preview is only {n} pixels");
    sum / n
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readme_screenshot_shows_the_card_in_the_preview() {
    let Some(b) = open(&common::root()).await else {
        return;
    };
    let count = b.previews().await;
    b.js(
        "const a = document.getElementById('area'); a.value = 'belfast';\
          a.dispatchEvent(new Event('change')); return 0;",
    )
    .await;
    b.until(
        "Belfast",
        "document.getElementById('f-name').value === 'Belfast'",
    )
    .await;
    b.next_preview(count).await;
    b.click("show-lines").await;
    b.js("document.activeElement.blur(); window.scrollTo(0, 0); return 0;")
        .await;
    let rect = b
        .js(
            "const r = document.querySelector('#pages img').getBoundingClientRect();\
             return [r.x, r.y, r.width, Math.min(r.height, innerHeight - r.y)];",
        )
        .await;
    let rect: Vec<f64> = serde_json::from_value(rect).expect("a rectangle");
    assert!(rect[2] > 400.0, "the card is {rect:?} in the pane");
    let png = b.client.screenshot().await.expect("screenshot");
    let card = brightness(&png, &rect);
    // Dark (an empty PDF frame) or blank white: the card is not shown.
    assert!(
        (120.0..245.0).contains(&card),
        "the preview's mean brightness is {card:.0} of 255: the card is not shown"
    );
    if std::env::var_os("WELLPRINT_UPDATE").is_some() {
        std::fs::write(common::root().join("docs/editor.png"), &png).expect("write");
    }
    b.client.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_reloads_after_a_conflict_shows_lines_and_makes_areas() {
    let project = project();
    let Some(b) = open(project.path()).await else {
        return;
    };
    // Lines: off at first, on with the box.
    let shown = "[...document.querySelectorAll('#pages svg')].map((s) => s.style.display)";
    assert_eq!(
        b.js(&format!("return {shown}.every((d) => d === 'none');"))
            .await,
        json!(true)
    );
    b.click("show-lines").await;
    assert_eq!(
        b.js(&format!("return {shown}.every((d) => d === '');"))
            .await,
        json!(true)
    );
    let rects = b
        .js("return document.querySelectorAll('#pages svg rect.trim').length;")
        .await;
    assert_eq!(rects, json!(2), "a trim line on each side of the card");

    // A file changed on disk: Save refuses, Reload loads the disk's text.
    let changed = AREA.replace("Testshire Advocacy", "Changed elsewhere");
    project.write("areas/testshire.toml", &changed);
    b.type_into("c-0-phone", "01632 960 999").await;
    b.until(
        "the edit",
        "document.getElementById('text').value.includes('960 999')",
    )
    .await;
    b.click("save").await;
    b.until("the refusal", "!document.getElementById('reload').hidden")
        .await;
    assert_eq!(area_on_disk(&project), changed);
    assert_eq!(b.js("return document.activeElement.id;").await, "reload");
    b.click("reload").await;
    b.until(
        "the reload",
        "document.getElementById('c-1-name').value === 'Changed elsewhere'",
    )
    .await;

    // Every area's PDFs: the progress bar fills and the ZIP comes.
    b.click("download-zip").await;
    b.until(
        "the ZIP",
        "document.getElementById('zip-status').textContent.startsWith('Downloaded')",
    )
    .await;
    let bar = b
        .js("const p = document.getElementById('zip-progress'); return [p.value, p.max];")
        .await;
    assert!(bar[0] == bar[1] && bar[1].as_f64() > Some(1.0), "{bar}");

    // New area: written, listed and opened.
    b.type_into("new-name", "West Berkshire").await;
    b.click("new-area").await;
    b.until(
        "the new area",
        "document.getElementById('area').value === 'west-berkshire'",
    )
    .await;
    assert!(project.path().join("areas/west-berkshire.toml").is_file());
    b.client.close().await.expect("close");
}
