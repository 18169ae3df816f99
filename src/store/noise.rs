//! `noise`: every noise value drawn for a released cell, kept so it is never drawn again,
//! and the few figures a release must remember. The draws are independent of the data; the
//! remembered figures are noised ones already published (`released:*`).

use std::collections::BTreeMap;

use rusqlite::{Connection, params};

use super::StoreResult;

/// Every stored value.
pub fn all(conn: &Connection) -> StoreResult<BTreeMap<String, i64>> {
    let mut stmt = conn.prepare_cached("SELECT cell, value FROM noise")?;
    let values = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<Result<BTreeMap<_, _>, _>>()?;
    Ok(values)
}

/// Stores a value (a release's memory, overwritten by the next release).
pub fn set(conn: &Connection, cell: &str, value: i64) -> StoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO noise (cell, value) VALUES (?1, ?2)
         ON CONFLICT (cell) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![cell, value])?;
    Ok(())
}

/// Stores a new noise draw. A draw is never replaced: one already there for this cell is a
/// constraint error, which rolls the tick back.
pub fn insert_draw(conn: &Connection, cell: &str, value: i64) -> StoreResult<()> {
    conn.prepare_cached("INSERT INTO noise (cell, value) VALUES (?1, ?2)")?
        .execute(params![cell, value])?;
    Ok(())
}

/// One stored value.
pub fn get(conn: &Connection, cell: &str) -> StoreResult<Option<i64>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached("SELECT value FROM noise WHERE cell = ?1")?
        .query_row([cell], |r| r.get(0))
        .optional()?)
}
