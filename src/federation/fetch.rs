//! Fetching from a member (and posting to a witness), bounded: every request ends within its time limit (a slow drip
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
/// The largest tile of log entries read: 256 entries of at most 64 KiB each, with their
/// lengths (read only when the member's current snapshot is not its log's last entry).
pub const MAX_ENTRY_TILE: usize = 256 * (65_535 + 2);

/// Why a member could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("no answer in time")]
    Timeout,
    #[error("could not connect")]
    Connect,
    #[error("answered HTTP {0}")]
    Status(u16),
    #[error("answered more than it may")]
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
        let body = self.get(url).await?;
        serde_json::from_slice(&body).map_err(|_| FetchError::NotJson)
    }

    /// The body at `url`, if it answers 200.
    pub async fn get(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        self.get_up_to(url, MAX_BODY).await
    }

    /// The body at `url` of at most `max` bytes, if it answers 200.
    pub async fn get_up_to(&self, url: &str, max: usize) -> Result<Vec<u8>, FetchError> {
        let (status, body) = tokio::time::timeout(self.timeout, async {
            let response = self.client.get(url).send().await.map_err(classify)?;
            bounded_body(response, max).await
        })
        .await
        .map_err(|_| FetchError::Timeout)??;
        match status {
            200 => Ok(body),
            other => Err(FetchError::Status(other)),
        }
    }

    /// Posts `body` (plain text) to `url`: the status and the body of the answer, whatever
    /// the status.
    pub async fn post(&self, url: &str, body: String) -> Result<(u16, Vec<u8>), FetchError> {
        tokio::time::timeout(self.timeout, async {
            let response = self
                .client
                .post(url)
                .header(reqwest::header::CONTENT_TYPE, "text/plain")
                .body(body)
                .send()
                .await
                .map_err(classify)?;
            bounded_body(response, MAX_BODY).await
        })
        .await
        .map_err(|_| FetchError::Timeout)?
    }
}

/// The status and at most `max` bytes of the body.
async fn bounded_body(
    mut response: reqwest::Response,
    max: usize,
) -> Result<(u16, Vec<u8>), FetchError> {
    let status = response.status().as_u16();
    if response.content_length().is_some_and(|n| n > max as u64) {
        return Err(FetchError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(classify)? {
        if body.len() + chunk.len() > max {
            return Err(FetchError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok((status, body))
}

fn classify(e: reqwest::Error) -> FetchError {
    if e.is_timeout() {
        FetchError::Timeout
    } else {
        FetchError::Connect
    }
}
