//! Which network a request comes from, for fair intake (`throttle::NetworkBudgets`): the
//! IPv4 /24 or IPv6 /56 of the socket peer — or, only with `trusted_proxy` on and only when
//! the peer is loopback, of the last `X-Forwarded-For` (else `Forwarded`) entry, the one
//! our own proxy appended. Used for one budget check and dropped: never stored, never
//! logged.
//!
//! A loopback peer without a trusted proxy (Tor, or a proxy not declared) gives no network:
//! every request would look alike, so only the site-wide ceiling applies. So does a
//! forwarded loopback address (an onion service pointed at the proxy).
//!
//! With `trusted_proxy` on, nothing but the proxy may reach Chorus on loopback: Tor talking
//! to Chorus directly would pass its clients' own `X-Forwarded-For` through, letting anyone
//! spend another network's budget. The README says to point the onion service at the proxy.

use std::net::IpAddr;

use actix_web::HttpRequest;

/// Version tag, then the prefix bytes (the rest zero).
pub type Network = [u8; 8];

pub fn of_request(req: &HttpRequest, trusted_proxy: bool) -> Option<Network> {
    let peer = req.peer_addr()?.ip().to_canonical();
    if !peer.is_loopback() {
        return Some(prefix(peer));
    }
    if !trusted_proxy {
        return None;
    }
    let header = |name: &str| {
        req.headers()
            .get_all(name)
            .filter_map(|v| v.to_str().ok())
            .last()
            .map(str::to_owned)
    };
    let client = header("x-forwarded-for")
        .and_then(|v| last_forwarded_for(&v))
        .or_else(|| header("forwarded").and_then(|v| last_forwarded(&v)))?
        .to_canonical();
    // The proxy's own peer was loopback too (Tor behind the proxy): no telling apart.
    if client.is_loopback() {
        return None;
    }
    Some(prefix(client))
}

/// The prefix a budget is kept for.
pub fn prefix(ip: IpAddr) -> Network {
    let mut network = [0u8; 8];
    match ip {
        IpAddr::V4(v4) => {
            network[0] = 4;
            let o = v4.octets();
            network[1..4].copy_from_slice(&o[..3]);
        }
        IpAddr::V6(v6) => {
            network[0] = 6;
            network[1..8].copy_from_slice(&v6.octets()[..7]);
        }
    }
    network
}

/// The last entry of an `X-Forwarded-For` list (`203.0.113.7, 10.0.0.1`).
pub fn last_forwarded_for(value: &str) -> Option<IpAddr> {
    parse_node(value.rsplit(',').next()?.trim())
}

/// The last `for=` of a `Forwarded` header (`for=192.0.2.43, for="[2001:db8::17]:4711"`).
pub fn last_forwarded(value: &str) -> Option<IpAddr> {
    let element = value.rsplit(',').next()?;
    element.split(';').find_map(|pair| {
        let (name, node) = pair.trim().split_once('=')?;
        if name.trim().eq_ignore_ascii_case("for") {
            parse_node(node.trim().trim_matches('"'))
        } else {
            None
        }
    })
}

/// An address, perhaps with a port: `192.0.2.1`, `192.0.2.1:80`, `[2001:db8::1]:443`, `::1`.
fn parse_node(node: &str) -> Option<IpAddr> {
    if let Ok(ip) = node.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split_once(']')?.0.parse().ok();
    }
    let (host, _port) = node.rsplit_once(':')?;
    host.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxies_headers_give_their_last_entry() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert_eq!(last_forwarded_for("198.51.100.7"), Some(ip("198.51.100.7")));
        // A client can put anything first; the proxy appends the real peer last.
        assert_eq!(
            last_forwarded_for("1.2.3.4, 198.51.100.7"),
            Some(ip("198.51.100.7"))
        );
        assert_eq!(
            last_forwarded(r#"for=1.2.3.4, for="[2001:db8:cafe::17]:4711";proto=https"#),
            Some(ip("2001:db8:cafe::17"))
        );
        assert_eq!(
            last_forwarded("for=192.0.2.60:47011"),
            Some(ip("192.0.2.60"))
        );
        assert_eq!(last_forwarded_for("unknown"), None);
        assert_eq!(last_forwarded("for=_hidden"), None);
    }

    #[test]
    fn prefixes_are_a_24_or_a_56() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert_eq!(prefix(ip("198.51.100.7")), prefix(ip("198.51.100.250")));
        assert_ne!(prefix(ip("198.51.100.7")), prefix(ip("198.51.101.7")));
        assert_eq!(
            prefix(ip("2001:db8:1:2300::1")),
            prefix(ip("2001:db8:1:23ff::9"))
        );
        assert_ne!(
            prefix(ip("2001:db8:1:2300::1")),
            prefix(ip("2001:db8:1:2400::1"))
        );
    }
}
