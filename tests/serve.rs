//! `wellprint serve`: the real binary on a free port, driven over HTTP on
//! 127.0.0.1 with a small blocking client (every request has a timeout).

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::TempProject;

/// An area file with comments, for checking that saving keeps them.
const AREA: &str = r#"# Testshire: a test area. Keep this comment.
id = "testshire"
name = "Testshire" # the printed name
nation = "england"

[[contact]]
# The college, first on the card.
name = "Test Recovery College"
phone = "01632 960 901" # drama number
tags = ["card"]

[[contact]]
name = "Testshire Advocacy"
phone = "01632 960 902"
tags = ["advocacy"]
"#;

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
        let project = TempProject::new();
        project.write("areas/testshire.toml", AREA);
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
