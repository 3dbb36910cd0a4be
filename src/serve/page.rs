//! The editor's page: one HTML file with its CSS and JavaScript inlined,
//! all compiled into the program. The Content-Security-Policy allows only
//! that script (by hash), the page's own API and the PDF preview.

use axum::http::header;
use axum::response::IntoResponse;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The HTML, with `/*STYLE*/` and `/*SCRIPT*/` where the others go.
const HTML: &str = include_str!("page/index.html");
/// The styles.
const CSS: &str = include_str!("page/page.css");
/// The script.
const JS: &str = include_str!("page/page.js");

/// `GET /`: the page.
pub async fn index() -> impl IntoResponse {
    let html = HTML.replace("/*STYLE*/", CSS).replace("/*SCRIPT*/", JS);
    let script = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(JS));
    let style = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(CSS));
    let policy = format!(
        "default-src 'none'; script-src 'sha256-{script}'; style-src 'sha256-{style}'; \
         connect-src 'self'; frame-src blob:; object-src blob:; img-src 'self' blob:; \
         base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    );
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8".to_owned()),
            (header::CONTENT_SECURITY_POLICY, policy),
            (header::REFERRER_POLICY, "no-referrer".to_owned()),
            (header::X_FRAME_OPTIONS, "DENY".to_owned()),
        ],
        html,
    )
}
