//! Fetching from a member, bounded: every request ends within its time limit (a slow drip
//! included) and reads at most [`MAX_BODY`] bytes; no redirects, no proxy from the
//! environment, no decompression. A member that breaks a limit is unreachable for this
//! round, and nothing else waits on it.

use std::time::Duration;

use crate::publish::signed::Signed;

/// The longest one request may take, body included: direct, and through a proxy (a Tor
/// circuit to an onion service takes seconds to build).
pub const TIMEOUT: Duration = Duration::from_secs(10);
pub const TIMEOUT_PROXIED: Duration = Duration::from_secs(30);
/// The largest body read: a signed snapshot of ten years of weeks is about 20 KiB.
pub const MAX_BODY: usize = 256 * 1024;

/// Why a member could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("no answer in time")]
    Timeout,
    #[error("could not connect")]
    Connect,
    #[error("answered HTTP {0}")]
    Status(u16),
    #[error("answered more than {MAX_BODY} bytes")]
    TooLarge,
    #[error("answered something that is not a signed snapshot")]
    NotJson,
}

/// The client every fetch shares, and its time limit.
pub struct Fetcher {
    client: reqwest::Client,
    timeout: Duration,
}

impl Fetcher {
    /// Through `proxy` when set (`socks5h://…` resolves onion names at the proxy).
    pub fn new(proxy: Option<&str>) -> Result<Fetcher, reqwest::Error> {
        let timeout = if proxy.is_some() {
            TIMEOUT_PROXIED
        } else {
            TIMEOUT
        };
        let mut builder = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout / 2)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent("chorus-federation")
            .no_proxy();
        if let Some(proxy) = proxy {
            builder = builder.proxy(reqwest::Proxy::all(proxy)?);
        }
        Ok(Fetcher {
            client: builder.build()?,
            timeout,
        })
    }

    /// The signed snapshot at `url`.
    pub async fn signed(&self, url: &str) -> Result<Signed, FetchError> {
        let body = tokio::time::timeout(self.timeout, bounded_body(&self.client, url))
            .await
            .map_err(|_| FetchError::Timeout)??;
        serde_json::from_slice(&body).map_err(|_| FetchError::NotJson)
    }
}

async fn bounded_body(client: &reqwest::Client, url: &str) -> Result<Vec<u8>, FetchError> {
    let mut response = client.get(url).send().await.map_err(classify)?;
    if !response.status().is_success() {
        return Err(FetchError::Status(response.status().as_u16()));
    }
    if response
        .content_length()
        .is_some_and(|n| n > MAX_BODY as u64)
    {
        return Err(FetchError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(classify)? {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(FetchError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn classify(e: reqwest::Error) -> FetchError {
    if e.is_timeout() {
        FetchError::Timeout
    } else {
        FetchError::Connect
    }
}
