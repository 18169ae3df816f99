//! Alerts by webhook: one JSON POST, bounded like the federation's fetches (10 s, no
//! redirects, no proxy from the environment). The body carries the same words as the
//! e-mail under the names chat tools read: `text` (Slack-style incoming hooks, Mattermost,
//! Matrix hookshot), `message`, `title` and `click` (ntfy's JSON publishing, which also
//! needs `topic`: `notify_webhook_topic`).

use std::time::Duration;

use super::{Alert, Failure};
use crate::config::Secret;

const TIMEOUT: Duration = Duration::from_secs(10);

pub struct Hook {
    client: reqwest::Client,
    url: Secret,
    topic: Option<String>,
}

impl Hook {
    pub fn new(url: &Secret, topic: Option<&str>) -> Result<Hook, Failure> {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .build()
            .map_err(|_| Failure::Setup)?;
        Ok(Hook {
            client,
            url: url.clone(),
            topic: topic.map(str::to_owned),
        })
    }

    /// The JSON the hook receives.
    pub fn body(&self, alert: &Alert) -> serde_json::Value {
        let mut body = serde_json::json!({
            "text": format!("{}\n{}", alert.subject, alert.body),
            "title": alert.subject,
            "message": alert.body,
            "click": alert.url,
        });
        if let (Some(topic), Some(map)) = (&self.topic, body.as_object_mut()) {
            map.insert("topic".to_owned(), serde_json::Value::from(topic.as_str()));
        }
        body
    }

    pub async fn send(&self, alert: &Alert) -> Result<(), Failure> {
        let body = serde_json::to_vec(&self.body(alert)).map_err(|_| Failure::Setup)?;
        let answer = self
            .client
            .post(self.url.expose())
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body)
            .send()
            .await
            .map_err(|e| {
                if e.is_timeout() {
                    Failure::Timeout
                } else {
                    Failure::Connect
                }
            })?;
        let status = answer.status();
        if status.is_success() {
            Ok(())
        } else {
            Err(Failure::HttpStatus(status.as_u16()))
        }
    }
}
