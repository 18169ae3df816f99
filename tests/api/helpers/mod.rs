//! What the integration tests share, by area: starting the real `chorus` binary
//! (`server`), talking HTTP to it (`http`), looking at what it left on disk (`disk`), staff
//! logins and members (`staff`), survivors' receipts (`survivor`), and deployments that
//! publish (`publication`).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chorus::review::keyring::{self, EpochKeys};
use chorus::store::testimonies::{self, StoredTestimony};
use chorus::submission::Testimony;
use rusqlite::Connection;
use secrecy::SecretString;

mod disk;
mod http;
mod publication;
mod server;
mod staff;
mod survivor;

pub use disk::*;
pub use http::*;
pub use publication::*;
pub use server::*;
pub use staff::*;
pub use survivor::*;
