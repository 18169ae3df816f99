//! Length hiding. A payload is prefixed with its length and padded with zeros to
//! `max(4 KiB, Padmé(L))`, so every ordinary testimony seals to the same size and a long
//! one leaks at most O(log log L) bits of its length.

use zeroize::Zeroizing;

use super::CryptoError;

/// Every padded payload is at least this long.
pub const MIN_PADDED: usize = 4096;
const PREFIX: usize = 4;

/// Padmé (Nikitin et al., PETS 2019): round `len` up so that only the top
/// `floor(log2(E)) + 1` bits of its exponent `E` are kept.
pub fn padme(len: usize) -> usize {
    if len < 2 {
        return len;
    }
    let e = usize::BITS - 1 - len.leading_zeros(); // floor(log2 len)
    let s = u32::BITS - e.leading_zeros(); // floor(log2 e) + 1
    let last_bits = e - s;
    let mask = (1usize << last_bits) - 1;
    (len + mask) & !mask
}

/// The padded length for a payload of `payload_len` bytes.
pub fn padded_len(payload_len: usize) -> usize {
    padme(payload_len + PREFIX).max(MIN_PADDED)
}

/// `len (u32 BE) ‖ payload ‖ zeros`.
pub fn pad(payload: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    let len = u32::try_from(payload.len()).map_err(|_| CryptoError::Format)?;
    let mut out = Zeroizing::new(Vec::with_capacity(padded_len(payload.len())));
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(payload);
    out.resize(padded_len(payload.len()), 0);
    Ok(out)
}

/// Strips the padding, refusing anything that is not exactly what [`pad`] makes.
pub fn unpad(padded: &[u8]) -> Result<&[u8], CryptoError> {
    let (prefix, rest) = padded.split_at_checked(PREFIX).ok_or(CryptoError::Format)?;
    let len = u32::from_be_bytes(prefix.try_into().map_err(|_| CryptoError::Format)?) as usize;
    let (payload, zeros) = rest.split_at_checked(len).ok_or(CryptoError::Format)?;
    if padded.len() != padded_len(len) || zeros.iter().any(|&b| b != 0) {
        return Err(CryptoError::Format);
    }
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padme_matches_the_paper() {
        assert_eq!(padme(0), 0);
        assert_eq!(padme(1), 1);
        assert_eq!(padme(4096), 4096);
        assert_eq!(padme(4097), 4352); // E=12, S=4, 8 low bits cleared
        assert_eq!(padme(9000), 9216);
        assert_eq!(padme(100_000), 100_352);
        for len in 2..20_000 {
            let p = padme(len);
            assert!(p >= len);
            assert!(
                p - len <= len / 8 + 1,
                "overhead stays under ~12% ({len} -> {p})"
            );
        }
    }

    #[test]
    fn small_payloads_all_pad_to_four_kib() {
        for len in [0, 1, 100, 4000, 4092] {
            assert_eq!(pad(&vec![b'x'; len]).unwrap().len(), MIN_PADDED);
        }
        assert!(pad(&vec![b'x'; 4093]).unwrap().len() > MIN_PADDED);
    }

    #[test]
    fn unpad_reverses_pad_and_refuses_tampering() {
        let padded = pad(b"hello").unwrap();
        assert_eq!(unpad(&padded).unwrap(), b"hello");
        let mut bad = padded.to_vec();
        bad[100] = 1;
        assert!(unpad(&bad).is_err());
        assert!(unpad(&padded[..100]).is_err());
        assert!(unpad(&[0, 0]).is_err());
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            #[test]
            fn padding_round_trips_and_hides_small_lengths(
                payload in proptest::collection::vec(any::<u8>(), 0..20_000),
            ) {
                let padded = pad(&payload).unwrap();
                prop_assert_eq!(padded.len(), padded_len(payload.len()));
                prop_assert!(padded.len() >= MIN_PADDED);
                if payload.len() + PREFIX <= MIN_PADDED {
                    prop_assert_eq!(padded.len(), MIN_PADDED);
                }
                prop_assert_eq!(unpad(&padded).unwrap(), &payload[..]);
            }
        }
    }
}
