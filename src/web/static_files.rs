//! Static files (CSS) embedded in the binary, so nothing is loaded from anywhere else and a
//! deployment is one file.

use actix_web::HttpResponse;
use actix_web::http::header;
use actix_web::web::Path;
use rust_embed::Embed;

use crate::web::error::AppError;

#[derive(Embed)]
#[folder = "static/"]
struct Assets;

pub async fn serve(file: Path<String>) -> Result<HttpResponse, AppError> {
    let name = file.into_inner();
    let asset = Assets::get(&name).ok_or(AppError::NotFound)?;
    let content_type = match name.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(asset.data.into_owned()))
}
