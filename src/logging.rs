//! Logging set-up: `CHORUS_LOG` (default `info`) to stderr, except that errors actix's HTTP/1
//! dispatcher logs for each malformed or broken stream are counted and summarised once a
//! minute (see `tally`) — a client that sends garbage cannot fill the log, one ERROR line
//! per connection.

use tracing::{Event, Level, Subscriber};
use tracing_subscriber::filter::{EnvFilter, Targets};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;

use crate::tally::BROKEN_STREAMS;

/// Where actix logs a stream it could not parse or finish.
const DISPATCHER: &str = "actix_http::h1::dispatcher";

struct CountBrokenStreams;

impl<S: Subscriber> Layer<S> for CountBrokenStreams {
    fn on_event(&self, _event: &Event<'_>, _ctx: Context<'_, S>) {
        BROKEN_STREAMS.note();
    }
}

pub fn init() {
    use std::io::IsTerminal;
    let wanted = EnvFilter::try_from_env("CHORUS_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let quiet_dispatcher = match format!("{DISPATCHER}=off").parse() {
        Ok(directive) => wanted.add_directive(directive),
        Err(_) => wanted,
    };
    let print = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_filter(quiet_dispatcher);
    let count = CountBrokenStreams.with_filter(Targets::new().with_target(DISPATCHER, Level::WARN));
    tracing_subscriber::registry()
        .with(print)
        .with(count)
        .init();
}
