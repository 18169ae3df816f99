//! The transparency log as C2SP `tlog-tiles` serves it: `/log/checkpoint` (a signed note,
//! fresh for seconds) and `/log/tile/…` (immutable: a tile's bytes never change, so any
//! cache may keep it for good). A tile the log does not hold yet is a 404, as the
//! specification asks; clients then fall back to a narrower partial tile.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::{Data, Path};

use super::AppState;
use crate::publish::tile::Tile;
use crate::witness::decide::Refusal;

/// A checkpoint changes at each publication: caches may keep it a few seconds only.
const CHECKPOINT_CACHE: &str = "public, max-age=5";
const TILE_CACHE: &str = "public, max-age=31536000, immutable";

fn plain(status: StatusCode, message: &'static str) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
        .body(message)
}

/// `GET /log/checkpoint`.
pub async fn checkpoint(state: Data<AppState>) -> HttpResponse {
    match state.publisher.checkpoint() {
        Some(note) => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
            .insert_header((header::CACHE_CONTROL, CHECKPOINT_CACHE))
            .body(note),
        None => plain(StatusCode::NOT_FOUND, "nothing has been published yet\n"),
    }
}

/// `GET /log/tile/<L>/<N>[.p/<W>]` and `GET /log/tile/entries/<N>[.p/<W>]`.
pub async fn tile(path: Path<String>, state: Data<AppState>) -> HttpResponse {
    let Some(tile) = Tile::parse(&path) else {
        return plain(StatusCode::NOT_FOUND, "no such tile\n");
    };
    let bytes = match tile.kind {
        crate::publish::tile::Kind::Entries => match state.publisher.entry_tile(&tile).await {
            Ok(bytes) => bytes,
            Err(e) => {
                tracing::error!(error = %e, "serving a tile of log entries failed");
                return plain(StatusCode::SERVICE_UNAVAILABLE, "busy; try again\n");
            }
        },
        crate::publish::tile::Kind::Hashes(_) => state.publisher.hash_tile(&tile),
    };
    match bytes {
        Some(bytes) => {
            let mut res = HttpResponse::Ok()
                .insert_header((header::CONTENT_TYPE, "application/octet-stream"))
                .body(bytes);
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static(TILE_CACHE));
            res
        }
        None => plain(StatusCode::NOT_FOUND, "the log holds no such tile yet\n"),
    }
}

/// The largest `add-checkpoint` request: a checkpoint with its signatures and a proof of
/// 63 hashes weigh a few kilobytes.
const MAX_ADD_CHECKPOINT: usize = 16 * 1024;

/// `POST /witness/add-checkpoint` (C2SP `tlog-witness`): a federation peer asks this
/// deployment to cosign its log's checkpoint.
pub async fn add_checkpoint(
    req: actix_web::HttpRequest,
    payload: actix_web::web::Payload,
    state: Data<AppState>,
) -> HttpResponse {
    let body = match super::form::read_bounded(&req, payload, MAX_ADD_CHECKPOINT).await {
        Ok(body) => body,
        Err(e) => {
            return plain(
                actix_web::ResponseError::status_code(&e),
                "the request could not be read\n",
            );
        }
    };
    let Ok(body) = std::str::from_utf8(&body) else {
        return plain(StatusCode::BAD_REQUEST, "the request is not UTF-8\n");
    };
    match state.witness.add_checkpoint(body).await {
        Ok(cosignature) => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
            .body(cosignature),
        Err(Refusal::Conflict(size)) => HttpResponse::Conflict()
            .insert_header((header::CONTENT_TYPE, "text/x.tlog.size"))
            .body(format!("{size}\n")),
        Err(refusal) => {
            let status = StatusCode::from_u16(refusal.status()).unwrap_or(StatusCode::BAD_REQUEST);
            HttpResponse::build(status)
                .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
                .body(format!("{refusal}\n"))
        }
    }
}
