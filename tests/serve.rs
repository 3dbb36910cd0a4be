//! `wellprint serve`: the real binary on a free port, driven over HTTP on
//! 127.0.0.1 with a small blocking client (every request has a timeout).

mod common;
#[path = "common/sheets.rs"]
mod sheets;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::TempProject;

/// The editor tests' area file, with comments that saving must keep.
const AREA: &str = common::COMMENTED_AREA;

/// The server, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    token: String,
    project: TempProject,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response.
struct Reply {
    status: u16,
    headers: String,
    body: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }
}

impl Server {
    /// Starts `wellprint serve --port 0 --no-open` on a project with the
    /// area above and reads the URL from its first line.
    fn start() -> Server {
        Server::start_with(&[("areas/testshire.toml", AREA.as_bytes())])
    }

    /// Starts the server on a project with `files` (path and bytes).
    fn start_with(files: &[(&str, &[u8])]) -> Server {
        let project = TempProject::new();
        for (path, bytes) in files {
            std::fs::write(project.path().join(path), bytes).expect("write");
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_wellprint"))
            .args(["serve", "--port", "0", "--no-open", "--project"])
            .arg(project.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start wellprint serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("first line");
        let url = line.trim();
        let rest = url
            .strip_prefix("http://127.0.0.1:")
            .unwrap_or_else(|| panic!("first line is the URL: {url:?}"));
        let (port, token) = rest.split_once("/?t=").expect("a token");
        Server {
            port: port.parse().expect("a port"),
            token: token.to_owned(),
            child,
            project,
        }
    }

    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A raw request: `headers` as `Name: value` lines.
    fn raw(&self, method: &str, path: &str, headers: &[String], body: &[u8]) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .expect("timeout");
        let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        for h in headers {
            head.push_str(h);
            head.push_str("\r\n");
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        stream.write_all(head.as_bytes()).expect("send");
        // A refused upload may be answered before it is all sent.
        let _ = stream.write_all(body);
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        parse(&bytes)
    }

    /// A GET with the right Host and the token in the query.
    fn get(&self, path: &str) -> Reply {
        let sep = if path.contains('?') { '&' } else { '?' };
        let path = format!("{path}{sep}t={}", self.token);
        self.raw("GET", &path, &[format!("Host: {}", self.host())], b"")
    }

    /// A POST of JSON as the page sends it.
    fn post(&self, path: &str, body: &serde_json::Value) -> Reply {
        self.raw(
            "POST",
            path,
            &self.page_headers(),
            body.to_string().as_bytes(),
        )
    }

    fn page_headers(&self) -> Vec<String> {
        vec![
            format!("Host: {}", self.host()),
            format!("Origin: {}", self.origin()),
            format!("X-Wellprint-Token: {}", self.token),
            "Content-Type: application/json".to_owned(),
        ]
    }

    fn area_on_disk(&self) -> String {
        std::fs::read_to_string(self.project.path().join("areas/testshire.toml")).expect("area")
    }
}

/// Status, headers and body (chunked bodies joined) of a response.
fn parse(bytes: &[u8]) -> Reply {
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response");
    let headers = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let status = headers[9..12].parse().expect("a status");
    let mut body = bytes[split + 4..].to_vec();
    if headers
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = unchunk(&body);
    }
    Reply {
        status,
        headers,
        body,
    }
}

/// A chunked body's data.
fn unchunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..100_000 {
        let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") else {
            break;
        };
        let size = usize::from_str_radix(std::str::from_utf8(&rest[..eol]).expect("size"), 16)
            .expect("hex size");
        if size == 0 {
            break;
        }
        out.extend_from_slice(&rest[eol + 2..eol + 2 + size]);
        rest = &rest[eol + 4 + size..];
    }
    out
}

fn preview_body(text: &str) -> serde_json::Value {
    serde_json::json!({
        "area": "testshire",
        "resource": "chime-wallet-card",
        "variant": "standard",
        "area_text": text,
    })
}

#[test]
fn the_page_and_the_api_answer_on_loopback() {
    let server = Server::start();
    let page = server.raw("GET", "/", &[format!("Host: {}", server.host())], b"");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("<label for=\"area\">Area</label>"));
    assert!(!page.text().contains("http://") && !page.text().contains("https://"));
    let project = server.get("/api/project").json();
    assert_eq!(project["areas"][0]["id"], "testshire");
    let localhost = server.raw(
        "GET",
        &format!("/api/project?t={}", server.token),
        &[format!("Host: localhost:{}", server.port)],
        b"",
    );
    assert_eq!(localhost.status, 200);
}

#[test]
fn foreign_hosts_are_refused() {
    let server = Server::start();
    for host in [
        format!("evil.example:{}", server.port),
        format!("127.0.0.1:{}", server.port + 1),
        "127.0.0.1".to_owned(),
    ] {
        let reply = server.raw("GET", "/", &[format!("Host: {host}")], b"");
        assert_eq!(reply.status, 403, "{host}");
    }
    assert_eq!(server.raw("GET", "/", &[], b"").status, 403);
}

#[test]
fn the_api_needs_the_token() {
    let server = Server::start();
    let host = format!("Host: {}", server.host());
    let none = server.raw("GET", "/api/project", std::slice::from_ref(&host), b"");
    assert_eq!(none.status, 403);
    let wrong = server.raw("GET", "/api/project?t=00", std::slice::from_ref(&host), b"");
    assert_eq!(wrong.status, 403);
    let header = format!("X-Wellprint-Token: {}", server.token);
    assert_eq!(
        server
            .raw("GET", "/api/project", &[host, header], b"")
            .status,
        200
    );
    let mut headers = server.page_headers();
    headers.retain(|h| !h.starts_with("X-Wellprint-Token"));
    let body = preview_body(AREA).to_string();
    let post = server.raw("POST", "/api/preview", &headers, body.as_bytes());
    assert_eq!(post.status, 403);
}

#[test]
fn changes_from_other_origins_are_refused() {
    let server = Server::start();
    let body = preview_body(AREA).to_string();
    for origin in [
        Some("http://evil.example".to_owned()),
        Some(format!("http://evil.example:{}", server.port)),
        Some(format!("https://127.0.0.1:{}", server.port)),
        Some("null".to_owned()),
        None,
    ] {
        let mut headers = server.page_headers();
        headers.retain(|h| !h.starts_with("Origin"));
        if let Some(o) = &origin {
            headers.push(format!("Origin: {o}"));
        }
        let reply = server.raw("POST", "/api/preview", &headers, body.as_bytes());
        assert_eq!(reply.status, 403, "{origin:?}");
    }
}

#[test]
fn no_cors_headers_are_sent() {
    let server = Server::start();
    let mut headers = server.page_headers();
    headers.push("Access-Control-Request-Method: POST".to_owned());
    for method in ["OPTIONS", "GET", "POST"] {
        let reply = server.raw(method, "/api/project", &headers, b"");
        assert!(
            !reply
                .headers
                .to_ascii_lowercase()
                .contains("access-control-"),
            "{method}: {}",
            reply.headers
        );
    }
    let preview = server.post("/api/preview", &preview_body(AREA));
    assert_eq!(preview.status, 200);
    assert!(
        !preview
            .headers
            .to_ascii_lowercase()
            .contains("access-control-")
    );
}

#[test]
fn oversized_bodies_are_refused() {
    let server = Server::start();
    let big = "x".repeat(11 * 1024 * 1024);
    let body = preview_body(&big).to_string();
    let reply = server.raw(
        "POST",
        "/api/preview",
        &server.page_headers(),
        body.as_bytes(),
    );
    assert_eq!(reply.status, 413);
}

#[test]
fn paths_outside_the_project_are_refused() {
    let server = Server::start();
    for id in [
        "..%2F..%2Fetc%2Fpasswd",
        "%2Fetc%2Fpasswd",
        "..",
        "national",
    ] {
        let reply = server.get(&format!("/api/area/{id}"));
        assert_eq!(reply.status, 400, "{id}");
    }
    let outside = tempfile::tempdir().expect("dir");
    std::fs::write(outside.path().join("secret.toml"), "id = \"secret\"").expect("write");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            outside.path().join("secret.toml"),
            server.project.path().join("areas/secret.toml"),
        )
        .expect("link");
        let reply = server.get("/api/area/secret");
        assert_eq!(reply.status, 403);
        assert!(!reply.text().contains("id = "));
    }
    let body = serde_json::json!({ "area": "../x", "area_text": "", "base_hash": "" });
    assert_eq!(server.post("/api/save", &body).status, 400);
}

#[test]
fn preview_is_a_pdf_and_mistakes_name_their_field() {
    let server = Server::start();
    let pdf = server.post("/api/preview", &preview_body(AREA));
    assert_eq!(pdf.status, 200, "{}", pdf.text());
    assert!(pdf.body.starts_with(b"%PDF"));
    let bad = AREA.replace("01632 960 901", "12");
    let reply = server.post("/api/preview", &preview_body(&bad));
    assert_eq!(reply.status, 422);
    let diagnostic = &reply.json()["diagnostics"][0];
    assert_eq!(diagnostic["message"], "`12` is not a UK phone number");
    assert_eq!(
        diagnostic["field"],
        serde_json::json!({ "contact": 0, "key": "phone" })
    );
    assert_eq!(diagnostic["line"], 9);
}

#[test]
fn an_edited_phone_is_saved_with_comments_kept() {
    let server = Server::start();
    let area = server.get("/api/area/testshire").json();
    assert_eq!(area["fields"]["contacts"][0]["phone"], "01632 960 901");
    assert!(area["spreadsheet"].is_null(), "no spreadsheet: {area}");
    let edit = serde_json::json!({
        "text": area["text"],
        "changes": [{ "op": "set", "field": { "contact": 0, "key": "phone" }, "value": "01632 960 999" }],
    });
    let edited = server.post("/api/area/testshire/edit", &edit);
    assert_eq!(edited.status, 200, "{}", edited.text());
    let text = edited.json()["text"].as_str().expect("text").to_owned();
    assert_eq!(text, AREA.replace("960 901", "960 999"));
    let save =
        serde_json::json!({ "area": "testshire", "area_text": text, "base_hash": area["hash"] });
    let saved = server.post("/api/save", &save);
    assert_eq!(saved.status, 200, "{}", saved.text());
    assert_eq!(server.area_on_disk(), AREA.replace("960 901", "960 999"));
}

#[test]
fn saving_over_a_changed_file_is_refused() {
    let server = Server::start();
    let area = server.get("/api/area/testshire").json();
    let changed = AREA.replace("Testshire Advocacy", "Changed elsewhere");
    server.project.write("areas/testshire.toml", &changed);
    let save = serde_json::json!({
        "area": "testshire",
        "area_text": AREA.replace("960 901", "960 999"),
        "base_hash": area["hash"],
    });
    let reply = server.post("/api/save", &save);
    assert_eq!(reply.status, 409);
    assert_eq!(server.area_on_disk(), changed);
}

#[test]
fn text_that_does_not_load_is_not_saved() {
    let server = Server::start();
    let area = server.get("/api/area/testshire").json();
    let save = serde_json::json!({
        "area": "testshire",
        "area_text": AREA.replace("01632 960 901", "12"),
        "base_hash": area["hash"],
    });
    let reply = server.post("/api/save", &save);
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.json()["diagnostics"][0]["message"],
        "`12` is not a UK phone number"
    );
    assert_eq!(server.area_on_disk(), AREA);
}

#[test]
fn preview_pages_are_pictures_with_their_lines() {
    let server = Server::start();
    let mut body = preview_body(AREA);
    body["width"] = serde_json::json!(600);
    let reply = server.post("/api/preview/pages", &body);
    assert_eq!(reply.status, 200, "{}", reply.text());
    let json = reply.json();
    let pages = json["pages"].as_array().expect("pages");
    assert_eq!(pages.len(), 2, "the wallet card has two sides");
    for page in pages {
        assert_eq!(page["pixels"][0], 600);
        let png = base64::Engine::decode(
            &base64::engine::general_purpose::STANDARD,
            page["png"].as_str().expect("png"),
        )
        .expect("base64");
        assert!(png.starts_with(b"\x89PNG"));
        // 85 × 55 mm with 3 mm bleed and the card's 4 mm safe margin.
        let trim = &page["trim"];
        assert!((trim[0].as_f64().expect("w") - 85.0 * 72.0 / 25.4).abs() < 0.5);
        assert!((trim[1].as_f64().expect("h") - 55.0 * 72.0 / 25.4).abs() < 0.5);
        assert!((page["bleed"].as_f64().expect("bleed") - 3.0 * 72.0 / 25.4).abs() < 0.01);
        assert!((page["safe"].as_f64().expect("safe") - 4.0 * 72.0 / 25.4).abs() < 0.01);
    }
    let bad = AREA.replace("01632 960 901", "12");
    let reply = server.post("/api/preview/pages", &preview_body(&bad));
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.json()["diagnostics"][0]["field"],
        serde_json::json!({ "contact": 0, "key": "phone" })
    );
}

#[test]
fn the_current_document_downloads_as_print_or_screen_pdf() {
    let server = Server::start();
    let edited = AREA.replace("960 901", "960 999");
    let mut body = preview_body(&edited);
    let print = server.post("/api/download", &body);
    assert_eq!(print.status, 200, "{}", print.text());
    assert!(print.body.starts_with(b"%PDF"));
    assert!(
        print
            .headers
            .contains("attachment; filename=\"chime-wallet-card-standard.pdf\""),
        "{}",
        print.headers
    );
    body["for"] = serde_json::json!("screen");
    let screen = server.post("/api/download", &body);
    assert_eq!(screen.status, 200);
    assert!(
        screen
            .headers
            .contains("filename=\"chime-wallet-card-standard-screen.pdf\"")
    );
    assert_ne!(print.body, screen.body);
    // The print PDF is 85 × 55 mm plus 3 mm bleed; the screen PDF trimmed.
    let width = |pdf: &[u8]| {
        let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
        let page = doc.get_pages()[&1];
        let media = doc
            .get_dictionary(page)
            .and_then(|d| d.get(b"MediaBox"))
            .and_then(lopdf::Object::as_array)
            .expect("a MediaBox");
        let x = |i: usize| media[i].as_float().expect("a number");
        f64::from(x(2) - x(0)) * 25.4 / 72.0
    };
    assert!(
        (width(&print.body) - 91.0).abs() < 0.1,
        "{}",
        width(&print.body)
    );
    assert!(
        (width(&screen.body) - 85.0).abs() < 0.1,
        "{}",
        width(&screen.body)
    );
    body["for"] = serde_json::json!("web");
    assert_eq!(server.post("/api/download", &body).status, 422);
}

#[test]
fn every_areas_pdfs_come_as_a_zip_with_progress() {
    let server = Server::start();
    let started = server.post("/api/zip", &serde_json::json!({ "for": "screen" }));
    assert_eq!(started.status, 202, "{}", started.text());
    let job = started.json()["job"].as_u64().expect("a job number");
    let early = server.get(&format!("/api/zip/{job}/file"));
    let mut progress = serde_json::Value::Null;
    for _ in 0..600 {
        progress = server.get(&format!("/api/zip/{job}")).json();
        if progress["finished"] == true {
            break;
        }
        assert!(progress["done"].as_u64() <= progress["total"].as_u64());
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(progress["finished"], true, "{progress}");
    assert!(early.status == 409 || early.status == 200);
    let total = progress["total"].as_u64().expect("total");
    assert_eq!(progress["done"].as_u64(), Some(total));
    let zip = server.get(&format!("/api/zip/{job}/file"));
    if early.status == 409 {
        assert_eq!(zip.status, 200, "{}", zip.text());
    }
    let zip = if early.status == 200 { early } else { zip };
    assert!(zip.headers.contains("application/zip"));
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(zip.body.clone())).expect("a ZIP file");
    let failed = progress["failed"].as_array().expect("failed").len() as u64;
    assert_eq!(archive.len() as u64 + failed, total, "{progress}");
    let mut names: Vec<String> = archive
        .file_names()
        .map(|n| n.expect("a name").into_owned())
        .collect();
    names.sort();
    assert!(
        names.contains(&"testshire/chime-wallet-card-standard-screen.pdf".to_owned()),
        "{names:?}"
    );
    let mut first = archive.by_index(0).expect("a file");
    let mut head = [0u8; 4];
    std::io::Read::read_exact(&mut first, &mut head).expect("read");
    assert_eq!(&head, b"%PDF");
    assert_eq!(server.get(&format!("/api/zip/{job}/file")).status, 404);
    assert_eq!(server.get("/api/zip/999").status, 404);
}

#[test]
fn a_new_area_is_written_as_new_area_writes_it() {
    let server = Server::start();
    let body = serde_json::json!({ "name": "West Berkshire", "nation": "england" });
    let reply = server.post("/api/new-area", &body);
    assert_eq!(reply.status, 201, "{}", reply.text());
    assert_eq!(reply.json()["id"], "west-berkshire");
    let path = server.project.path().join("areas/west-berkshire.toml");
    let written = std::fs::read_to_string(&path).expect("written");
    let cli = TempProject::new();
    std::fs::create_dir_all(cli.path().join("areas")).expect("areas");
    let run = Command::new(env!("CARGO_BIN_EXE_wellprint"))
        .args([
            "new-area",
            "West Berkshire",
            "--nation",
            "england",
            "--project",
        ])
        .arg(cli.path())
        .output()
        .expect("new-area runs");
    assert!(run.status.success());
    let by_cli =
        std::fs::read_to_string(cli.path().join("areas/west-berkshire.toml")).expect("written");
    assert_eq!(written, by_cli);
    let project = server.get("/api/project").json();
    assert!(
        project["areas"]
            .as_array()
            .expect("areas")
            .iter()
            .any(|a| a["id"] == "west-berkshire" && a["broken"] == false),
        "{project}"
    );
    let again = server.post("/api/new-area", &body);
    assert_eq!(again.status, 409);
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), written);
    let bad = serde_json::json!({ "name": "!!", "nation": "wales" });
    assert_eq!(server.post("/api/new-area", &bad).status, 400);
    let escape = serde_json::json!({ "name": "../../etc", "nation": "wales" });
    let reply = server.post("/api/new-area", &escape);
    assert_eq!(reply.status, 201, "a name only ever makes a plain id");
    assert_eq!(reply.json()["id"], "etc");
}

#[test]
fn contacts_are_reordered_with_their_comments() {
    let server = Server::start();
    let edit = serde_json::json!({
        "text": AREA,
        "changes": [{ "op": "move-contact", "index": 1, "to": 0 }],
    });
    let reply = server.post("/api/area/testshire/edit", &edit);
    assert_eq!(reply.status, 200, "{}", reply.text());
    let json = reply.json();
    assert_eq!(json["fields"]["contacts"][0]["name"], "Testshire Advocacy");
    let text = json["text"].as_str().expect("text");
    let advocacy = text.find("Testshire Advocacy").expect("moved");
    let college = text
        .find("# The college, first on the card.")
        .expect("comment");
    assert!(advocacy < college, "{text}");
    assert!(text.contains("phone = \"01632 960 901\" # drama number"));
    let past = serde_json::json!({
        "text": AREA,
        "changes": [{ "op": "move-contact", "index": 0, "to": 5 }],
    });
    assert_eq!(server.post("/api/area/testshire/edit", &past).status, 422);
}

#[test]
fn after_a_conflict_the_area_reloads_from_disk() {
    let server = Server::start();
    let area = server.get("/api/area/testshire").json();
    let changed = AREA.replace("Testshire Advocacy", "Changed elsewhere");
    server.project.write("areas/testshire.toml", &changed);
    let save =
        serde_json::json!({ "area": "testshire", "area_text": AREA, "base_hash": area["hash"] });
    assert_eq!(server.post("/api/save", &save).status, 409);
    // Reload: the page asks for the area again and saves on its new hash.
    let reloaded = server.get("/api/area/testshire").json();
    assert_eq!(reloaded["text"], changed);
    assert_ne!(reloaded["hash"], area["hash"]);
    let save = serde_json::json!({
        "area": "testshire",
        "area_text": changed.replace("960 901", "960 999"),
        "base_hash": reloaded["hash"],
    });
    assert_eq!(server.post("/api/save", &save).status, 200);
    assert_eq!(server.area_on_disk(), changed.replace("960 901", "960 999"));
}

#[test]
fn a_project_that_does_not_load_makes_no_zip() {
    let server = Server::start();
    server
        .project
        .write("areas/national.toml", "this is not = = TOML");
    let started = server.post("/api/zip", &serde_json::json!({}));
    assert_eq!(started.status, 202);
    let job = started.json()["job"].as_u64().expect("a job number");
    let mut progress = serde_json::Value::Null;
    for _ in 0..600 {
        progress = server.get(&format!("/api/zip/{job}")).json();
        if progress["finished"] == true {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let error = progress["error"].as_str().expect("an error");
    assert!(error.starts_with("the project does not load"), "{error}");
    let file = server.get(&format!("/api/zip/{job}/file"));
    assert_eq!(file.status, 422, "{}", file.text());
}

#[test]
fn contacts_in_a_spreadsheet_are_shown_read_only_and_never_written() {
    let book = sheets::xlsx(&[(
        "Contacts".to_owned(),
        sheets::rows(&["name|phone|tags", "Sheet Group|01632 960 950|card"]),
    )]);
    let area = AREA.replace(
        "nation = \"england\"\n",
        "nation = \"england\"\ncontacts = \"testshire.xlsx\"\n",
    );
    let server = Server::start_with(&[
        ("areas/testshire.toml", area.as_bytes()),
        ("areas/testshire.xlsx", &book),
    ]);
    let got = server.get("/api/area/testshire").json();
    let sheet = &got["spreadsheet"];
    assert_eq!(sheet["read_only"], true, "{got}");
    assert_eq!(sheet["path"], "areas/testshire.xlsx");
    assert_eq!(sheet["sheet"], "Contacts");
    assert_eq!(sheet["contacts"][0]["name"], "Sheet Group");
    assert_eq!(sheet["contacts"][0]["phone"], "01632 960 950");
    assert_eq!(sheet["contacts"][0]["tags"], "card");
    assert_eq!(sheet["contacts"][0]["row"], 2);
    // Only the area file's own contacts are fields the page edits.
    assert_eq!(got["fields"]["contacts"].as_array().map(Vec::len), Some(2));

    // The preview prints the spreadsheet's contact.
    let pdf = server.post("/api/preview", &preview_body(&area));
    assert_eq!(pdf.status, 200, "{}", pdf.text());
    let text = wellprint::inspect::inspect(&pdf.body)
        .expect("a PDF")
        .text();
    assert!(text.contains("Sheet Group"), "{text}");

    // An edit keeps the rows read-only; saving writes the area file only.
    let edit = serde_json::json!({
        "text": got["text"],
        "changes": [{ "op": "add-contact" }],
    });
    let edited = server.post("/api/area/testshire/edit", &edit).json();
    assert_eq!(edited["spreadsheet"]["contacts"][0]["name"], "Sheet Group");
    let change = serde_json::json!({
        "text": got["text"],
        "changes": [{ "op": "set", "field": { "contact": 0, "key": "phone" }, "value": "01632 960 999" }],
    });
    let text = server.post("/api/area/testshire/edit", &change).json()["text"].clone();
    let save =
        serde_json::json!({ "area": "testshire", "area_text": text, "base_hash": got["hash"] });
    let saved = server.post("/api/save", &save);
    assert_eq!(saved.status, 200, "{}", saved.text());
    assert_eq!(server.area_on_disk(), area.replace("960 901", "960 999"));
    let after = std::fs::read(server.project.path().join("areas/testshire.xlsx")).expect("read");
    assert!(
        after == book,
        "the spreadsheet is byte-identical after saving"
    );
}
