//! A small pool of read connections (WAL lets them read while the writer commits).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use super::{StoreResult, connection};

#[derive(Clone)]
pub struct ReadPool {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    keep: usize,
}

/// A borrowed connection; returns to the pool when dropped.
pub struct Pooled {
    conn: Option<Connection>,
    pool: Arc<Inner>,
}

impl std::ops::Deref for Pooled {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        // Always Some until drop.
        self.conn
            .as_ref()
            .unwrap_or_else(|| unreachable!("connection taken before drop"))
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        if let (Some(conn), Ok(mut idle)) = (self.conn.take(), self.pool.idle.lock())
            && idle.len() < self.pool.keep
        {
            idle.push(conn);
        }
    }
}

impl ReadPool {
    pub fn new(path: PathBuf, keep: usize) -> ReadPool {
        ReadPool {
            inner: Arc::new(Inner {
                path,
                idle: Mutex::new(Vec::new()),
                keep,
            }),
        }
    }

    pub fn get(&self) -> StoreResult<Pooled> {
        let reused = self.inner.idle.lock().ok().and_then(|mut idle| idle.pop());
        let conn = match reused {
            Some(conn) => conn,
            None => connection::open(&self.inner.path)?,
        };
        Ok(Pooled {
            conn: Some(conn),
            pool: self.inner.clone(),
        })
    }
}
