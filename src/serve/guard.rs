//! The checks every request passes before its handler: the `Host` is the
//! loopback address and port (against DNS rebinding), the session token
//! is given, and a request that changes anything comes from the page's
//! own origin. No CORS header is ever sent.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State as Extract};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::State;

/// The header that carries the session token.
pub const TOKEN_HEADER: &str = "x-wellprint-token";

/// A new session token: 128 random bits as 32 hex digits.
pub fn new_token() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Refuses (403) what does not pass; passes the rest to `next`.
pub async fn check(Extract(state): Extract<Arc<State>>, request: Request, next: Next) -> Response {
    match refusal(&state, &request) {
        Some(why) => (StatusCode::FORBIDDEN, why).into_response(),
        None => next.run(request).await,
    }
}

/// Why `request` is refused, if it is.
fn refusal(state: &State, request: &Request<Body>) -> Option<&'static str> {
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if !host.is_some_and(|h| is_own(h, state.port)) {
        return Some("this server answers only to 127.0.0.1 and localhost");
    }
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD);
    if changes {
        if !same(header_token(headers), &state.token) {
            return Some("the session token is missing or wrong");
        }
        let origin = headers.get(header::ORIGIN).and_then(|h| h.to_str().ok());
        let own = origin
            .and_then(|o| o.strip_prefix("http://"))
            .is_some_and(|o| is_own(o, state.port));
        if !own {
            return Some("changes are accepted only from the editor's own page");
        }
        return None;
    }
    if request.uri().path() == "/" {
        return None;
    }
    let query = request.uri().query().and_then(query_token);
    if same(header_token(headers), &state.token) || same(query, &state.token) {
        None
    } else {
        Some("the session token is missing or wrong")
    }
}

/// Whether `host` (`host:port`) names this server.
fn is_own(host: &str, port: u16) -> bool {
    let port = port.to_string();
    ["127.0.0.1", "localhost"]
        .iter()
        .any(|name| host.strip_prefix(name).and_then(|r| r.strip_prefix(':')) == Some(&port))
}

/// The token in the request's header, if any.
fn header_token(headers: &HeaderMap) -> Option<&str> {
    headers.get(TOKEN_HEADER).and_then(|h| h.to_str().ok())
}

/// The `t` parameter of a query string.
fn query_token(query: &str) -> Option<&str> {
    query.split('&').find_map(|pair| pair.strip_prefix("t="))
}

/// Whether `given` is the token, compared in constant time.
fn same(given: Option<&str>, token: &str) -> bool {
    let Some(given) = given else { return false };
    given.len() == token.len()
        && given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_tokens() {
        assert!(is_own("127.0.0.1:8421", 8421));
        assert!(is_own("localhost:8421", 8421));
        assert!(!is_own("127.0.0.1:8422", 8421));
        assert!(!is_own("evil.example:8421", 8421));
        assert!(!is_own("localhost.evil.example:8421", 8421));
        let token = new_token().expect("random");
        assert_eq!(token.len(), 32);
        assert!(same(Some(&token), &token));
        assert!(!same(Some("0"), &token));
        assert!(!same(None, &token));
        assert_eq!(query_token("a=1&t=abc"), Some("abc"));
    }
}
