//! The signed counts, for mirrors and federations: `/api/v1/counts.signed` (the current
//! snapshot, signed), `/api/v1/counts/history` (every signed snapshot's sequence, time and
//! hash) and `/api/v1/counts/history/{seq}` (any one of them, signed).

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::web::{Data, Path, Query};
use actix_web::{HttpRequest, HttpResponse};

use super::AppState;
use super::public::{cacheable, not_modified};
use crate::web::error::json_error;

fn json(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/json"))
        .body(body)
}

/// `GET /api/v1/counts.signed`.
pub async fn latest(req: HttpRequest, state: Data<AppState>) -> HttpResponse {
    let snapshot = state.publisher.latest();
    if let Some(res) = not_modified(&req, &snapshot) {
        return res;
    }
    match &snapshot.signed {
        Some(signed) => cacheable(json(signed.clone()), &snapshot),
        None => json_error(
            StatusCode::NOT_FOUND,
            "nothing has been published and signed yet",
        ),
    }
}

#[derive(serde::Deserialize)]
pub struct After {
    after: Option<u64>,
}

/// `GET /api/v1/counts/history[?after=SEQ]`.
pub async fn history(query: Query<After>, state: Data<AppState>) -> HttpResponse {
    let after = query.after.unwrap_or(0);
    match state.publisher.history(after).await {
        Ok(lines) => {
            let full = lines.len() == crate::publish::HISTORY_PAGE as usize;
            let next = lines.last().map(|l| l.0).filter(|_| full);
            let snapshots: Vec<_> = lines
                .into_iter()
                .map(|(seq, published_at, hash)| {
                    serde_json::json!({ "seq": seq, "published_at": published_at, "hash": hash })
                })
                .collect();
            HttpResponse::Ok().json(serde_json::json!({
                "snapshots": snapshots,
                "next_after": next,
            }))
        }
        Err(e) => {
            tracing::error!(error = %e, "reading the snapshot history failed");
            json_error(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy; try again in a minute",
            )
        }
    }
}

/// `GET /api/v1/counts/history/{seq}`.
pub async fn one(seq: Path<String>, state: Data<AppState>) -> HttpResponse {
    let Ok(seq) = seq.parse::<u64>() else {
        return json_error(StatusCode::NOT_FOUND, "no such snapshot");
    };
    match state.publisher.signed(seq).await {
        // A past snapshot never changes: it may be cached for good.
        Ok(Some(signed)) => {
            let mut res = json(signed);
            res.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("public, max-age=31536000, immutable"),
            );
            res
        }
        Ok(None) => json_error(StatusCode::NOT_FOUND, "no such signed snapshot"),
        Err(e) => {
            tracing::error!(error = %e, "reading a signed snapshot failed");
            json_error(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy; try again in a minute",
            )
        }
    }
}
