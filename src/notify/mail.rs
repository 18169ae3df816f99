//! Alerts by e-mail through `lettre`: `smtps://` is TLS from the first byte, `smtp://` to
//! another machine must upgrade with STARTTLS (lettre refuses to go on, and sends no
//! password, if the server does not offer it), and only `smtp://` to loopback — a local
//! relay — is plain. The HELO name is lettre's neutral default (no host name is told).

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::{Alert, Failure};
use crate::config::{Secret, is_loopback_host};

/// Each SMTP command may take this long.
const TIMEOUT: Duration = Duration::from_secs(30);

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    to: Vec<Mailbox>,
}

impl Mailer {
    /// From settings `Config::validate` has already checked.
    pub fn new(url: &Secret, from: &str, to: &[String]) -> Result<Mailer, Failure> {
        let url = reqwest::Url::parse(url.expose()).map_err(|_| Failure::Setup)?;
        let host = url.host_str().ok_or(Failure::Setup)?.to_owned();
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let builder = match url.scheme() {
            "smtps" => AsyncSmtpTransport::<Tokio1Executor>::relay(host)
                .map_err(|_| Failure::Setup)?
                .port(url.port().unwrap_or(465)),
            "smtp" if is_loopback_host(host) => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
                    .port(url.port().unwrap_or(25))
            }
            "smtp" => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                .map_err(|_| Failure::Setup)?
                .port(url.port().unwrap_or(587)),
            _ => return Err(Failure::Setup),
        };
        let builder = if url.username().is_empty() {
            builder
        } else {
            let decode = |s: &str| {
                percent_encoding::percent_decode_str(s)
                    .decode_utf8_lossy()
                    .into_owned()
            };
            builder.credentials(Credentials::new(
                decode(url.username()),
                decode(url.password().unwrap_or_default()),
            ))
        };
        Ok(Mailer {
            transport: builder.timeout(Some(TIMEOUT)).build(),
            from: from.parse().map_err(|_| Failure::Setup)?,
            to: to
                .iter()
                .map(|a| a.parse().map_err(|_| Failure::Setup))
                .collect::<Result<_, _>>()?,
        })
    }

    pub async fn send(&self, alert: &Alert) -> Result<(), Failure> {
        let mut message = Message::builder()
            .from(self.from.clone())
            .subject(alert.subject.clone())
            .header(ContentType::TEXT_PLAIN);
        for to in &self.to {
            message = message.to(to.clone());
        }
        let message = message
            .body(alert.body.clone())
            .map_err(|_| Failure::Setup)?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| {
            if e.is_timeout() {
                Failure::Timeout
            } else if e.is_tls() {
                Failure::Tls
            } else if e.is_permanent() {
                Failure::Refused
            } else if e.is_transient() {
                Failure::Deferred
            } else {
                Failure::Connect
            }
        })
    }
}
