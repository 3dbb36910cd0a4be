//! Editor latency benchmark: the time from an edit request to the preview
//! being ready, for every shipped resource and variant (first format), as
//! the page does it: `POST /api/area/{id}/edit` (a changed phone number),
//! then `POST /api/preview/pages` with the returned text (the print PDF
//! built and drawn as PNG, 800 pixels wide), until its last byte arrives.
//!
//! ```sh
//! cargo bench --bench preview                 # 10 rounds each
//! WELLPRINT_BENCH_N=30 cargo bench --bench preview
//! ```
//!
//! The server runs in this process (`wellprint::serve::run` on a free
//! port, over the repository's project, area Oxfordshire); requests go
//! over loopback HTTP. Targets (issue 17): 300 ms for the card, 1 s for
//! the A3 poster.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The server's address and token.
struct Server {
    port: u16,
    token: String,
}

impl Server {
    /// A POST of JSON as the page sends it; the status and body.
    fn post(&self, path: &str, body: &Value) -> (u16, Vec<u8>) {
        let body = body.to_string();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .expect("timeout");
        let origin = format!("127.0.0.1:{}", self.port);
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {origin}\r\nOrigin: http://{origin}\r\n\
             X-Wellprint-Token: {}\r\nContent-Type: application/json\r\n\
             Connection: close\r\nContent-Length: {}\r\n\r\n",
            self.token,
            body.len()
        );
        stream.write_all(head.as_bytes()).expect("send");
        stream.write_all(body.as_bytes()).expect("send");
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).expect("read");
        let split = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response");
        let status = String::from_utf8_lossy(&bytes[9..12])
            .parse()
            .expect("a status");
        (status, bytes[split + 4..].to_vec())
    }

    /// A GET with the token in the query; the body as JSON.
    fn get(&self, path: &str) -> Value {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        let head = format!(
            "GET {path}?t={} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            self.token, self.port
        );
        stream.write_all(head.as_bytes()).expect("send");
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).expect("read");
        let split = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response");
        serde_json::from_slice(&bytes[split + 4..]).expect("JSON")
    }
}

/// Starts the editor's server in a thread of this process.
fn start() -> Server {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let served = wellprint::serve::run(&root, 0, |url| {
            let _ = tx.send(url.to_owned());
        });
        if let Err(e) = served {
            eprintln!("the server stopped: {e}");
        }
    });
    let url = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the server starts");
    let rest = url.strip_prefix("http://127.0.0.1:").expect("a URL");
    let (port, token) = rest.split_once("/?t=").expect("a token");
    Server {
        port: port.parse().expect("a port"),
        token: token.to_owned(),
    }
}

/// One edit then one preview; the time it took.
fn round(server: &Server, text: &str, resource: &str, variant: &str, i: usize) -> Duration {
    let started = Instant::now();
    let phone = format!("01865 960 {:03}", 100 + i % 800);
    let edit = json!({
        "text": text,
        "changes": [{ "op": "set", "field": { "contact": 0, "key": "phone" }, "value": phone }],
    });
    let (status, body) = server.post("/api/area/oxfordshire/edit", &edit);
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let edited: Value = serde_json::from_slice(&body).expect("JSON");
    let request = json!({
        "area": "oxfordshire", "resource": resource, "variant": variant,
        "area_text": edited["text"], "width": 800,
    });
    let (status, body) = server.post("/api/preview/pages", &request);
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    started.elapsed()
}

fn main() {
    let n: usize = std::env::var("WELLPRINT_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let server = start();
    let area = server.get("/api/area/oxfordshire");
    let text = area["text"].as_str().expect("the area's text").to_owned();
    let project = server.get("/api/project");
    println!("| resource | variant | median | slowest | rounds |");
    println!("|---|---|---:|---:|---:|");
    for resource in project["resources"].as_array().expect("resources") {
        let id = resource["id"].as_str().expect("an id");
        for variant in resource["variants"].as_array().expect("variants") {
            let v = variant["id"].as_str().expect("a variant");
            // One round first, not counted: the first build of a kind
            // warms caches (fonts' shaping plans, pictures).
            round(&server, &text, id, v, 0);
            let mut times: Vec<Duration> =
                (1..=n).map(|i| round(&server, &text, id, v, i)).collect();
            times.sort();
            let ms = |d: Duration| d.as_secs_f64() * 1000.0;
            println!(
                "| {id} | {v} | {:.0} ms | {:.0} ms | {n} |",
                ms(times[times.len() / 2]),
                ms(times[times.len() - 1])
            );
        }
    }
}
