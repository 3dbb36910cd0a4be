//! The editor's web server (`wellprint serve`): a page on the loopback
//! address where coordinators edit an area and see its document change.
//!
//! The page ([`page`]) is inside the binary. The API ([`api`], documented
//! in `docs/serve.md`) loads the project with the edited area text in
//! place of the file ([`overlay::Overlay`]) and builds the screen PDF from
//! the same frames as `build`; only an explicit save writes the file, with
//! comments and order kept ([`edit`]). Every request passes [`guard`]:
//! loopback `Host`, the session token, a same-origin `Origin` for changes.

mod api;
mod bundle;
mod documents;
mod edit;
mod guard;
mod overlay;
mod page;
mod preview;

use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::files::Disk;
use crate::pipeline::Fonts;

/// The largest request body accepted, in bytes.
pub const MAX_BODY: usize = 10 * 1024 * 1024;

/// What every request handler shares.
struct State {
    /// The project folder.
    root: PathBuf,
    /// The project's files on disk.
    disk: Disk,
    /// The bundled fonts, loaded once.
    fonts: Fonts,
    /// The session token (32 hex digits).
    token: String,
    /// The port listened on.
    port: u16,
    /// The ZIPs of every area's PDFs, made or being made.
    zips: bundle::ZipJobs,
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The fonts did not load.
    #[error("the fonts did not load: {0}")]
    Fonts(String),
    /// No random token could be made.
    #[error("no random session token: {0}")]
    Random(String),
    /// Listening or serving failed.
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Serves the editor for the project in `root` on `127.0.0.1:port` (`0`:
/// a free port) until Ctrl-C. `ready` receives the page's URL, with the
/// session token, once the server listens.
pub fn run(root: &Path, port: u16, ready: impl FnOnce(&str)) -> Result<(), ServeError> {
    let disk = Disk::new(root);
    let fonts = Fonts::load(&disk).map_err(|d| ServeError::Fonts(d.message))?;
    let token = guard::new_token().map_err(ServeError::Random)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
        let port = listener.local_addr()?.port();
        ready(&format!("http://127.0.0.1:{port}/?t={token}"));
        let state = Arc::new(State {
            root: root.to_path_buf(),
            disk,
            fonts,
            token,
            port,
            zips: bundle::ZipJobs::default(),
        });
        axum::serve(listener, api::router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}
