//! Discrete Laplace noise, sampled exactly: integer arithmetic and uniform draws from the
//! operating system's generator only (Canonne, Kamath and Steinke 2020, algorithms 1 and 2).
//! No floating point anywhere, so none of the holes a floating-point inverse CDF leaves in
//! the distribution (Mironov 2012) can tell a neighbouring count apart.
//!
//! The only crates with an exact sampler (OpenDP, prio) bring GMP or a whole aggregation
//! protocol; the algorithm is 40 lines, and the tests below check its distribution.

use crate::crypto::CryptoError;
use crate::crypto::random;

/// A noise scale as an exact fraction `num / den`: a cell's noise `Z` has
/// `P(Z = z) ∝ exp(-|z| · den / num)`. For sensitivity `Δ` and budget `ε`, the scale is `Δ/ε`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    num: u64,
    den: u64,
}

impl Scale {
    /// `num / den`, both at least 1 (a zero would silently mean no noise, or a division by
    /// zero): None otherwise.
    pub fn new(num: u64, den: u64) -> Option<Scale> {
        (num > 0 && den > 0).then_some(Scale { num, den })
    }

    pub fn num(self) -> u64 {
        self.num
    }

    pub fn den(self) -> u64 {
        self.den
    }

    /// `Δ / ε` for a budget of `milli_epsilon / 1000` times `percent / 100`.
    pub fn for_budget(sensitivity: u64, milli_epsilon: u64, percent: u64) -> Option<Scale> {
        Scale::new(
            sensitivity.checked_mul(100_000)?,
            milli_epsilon.checked_mul(percent)?,
        )
    }

    /// `exp(-1/scale)`, the ratio between neighbouring probabilities (for reporting only).
    pub fn alpha(self) -> f64 {
        (-(self.den as f64) / (self.num as f64)).exp()
    }

    /// The noise's variance, `2α / (1 − α)²` (for reporting only).
    pub fn variance(self) -> f64 {
        let a = self.alpha();
        2.0 * a / ((1.0 - a) * (1.0 - a))
    }
}

/// Where randomness comes from: the OS generator in the server, a seeded one in benchmarks.
pub trait Uniform {
    /// A uniform integer in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> Result<u64, CryptoError>;
}

/// The operating system's generator, through rejection sampling (no modulo bias).
pub struct OsUniform;

impl Uniform for OsUniform {
    fn below(&mut self, n: u64) -> Result<u64, CryptoError> {
        uniform_below(n, || Ok(u64::from_le_bytes(random::bytes::<8>()?)))
    }
}

/// A uniform integer in `0..n` from uniform 64-bit words: words in the incomplete last
/// band of size `2^64 mod n` are thrown away.
pub fn uniform_below(
    n: u64,
    mut word: impl FnMut() -> Result<u64, CryptoError>,
) -> Result<u64, CryptoError> {
    if n <= 1 {
        return Ok(0);
    }
    let zone = u64::MAX - (u64::MAX % n + 1) % n;
    loop {
        let w = word()?;
        if w <= zone {
            return Ok(w % n);
        }
    }
}

/// True with probability `num / den` (`num <= den`, `den > 0`).
fn bernoulli(rng: &mut impl Uniform, num: u64, den: u64) -> Result<bool, CryptoError> {
    Ok(rng.below(den)? < num)
}

/// True with probability `exp(-num/den)`, exactly (CKS algorithm 1).
fn bernoulli_exp(rng: &mut impl Uniform, num: u64, den: u64) -> Result<bool, CryptoError> {
    if num > den {
        // exp(-γ) = exp(-1)^⌊γ⌋ · exp(-(γ - ⌊γ⌋)).
        for _ in 0..num / den {
            if !bernoulli_exp(rng, 1, 1)? {
                return Ok(false);
            }
        }
        return bernoulli_exp(rng, num % den, den);
    }
    // γ ≤ 1: the first k with A_k = 0, A_k ~ Bernoulli(γ/k), is odd with probability exp(-γ).
    let mut k: u64 = 1;
    loop {
        let Some(kd) = den.checked_mul(k) else {
            // Unreachable in practice (γ/k below 2^-64); ends the run as the odds would.
            return Ok(k % 2 == 1);
        };
        if !bernoulli(rng, num, kd)? {
            return Ok(k % 2 == 1);
        }
        k += 1;
    }
}

/// One draw of discrete Laplace noise at `scale` (CKS algorithm 2).
pub fn discrete_laplace(rng: &mut impl Uniform, scale: Scale) -> Result<i64, CryptoError> {
    let (t, s) = (scale.num, scale.den);
    loop {
        let u = rng.below(t)?;
        if !bernoulli_exp(rng, u, t)? {
            continue;
        }
        let mut v: u64 = 0;
        while bernoulli_exp(rng, 1, 1)? {
            v = v.saturating_add(1);
        }
        // X = U + t·V is geometric with ratio exp(-1/t); Y = ⌊X/s⌋ geometric with exp(-s/t).
        let x = u.saturating_add(t.saturating_mul(v));
        let y = i64::try_from(x / s).unwrap_or(i64::MAX);
        let negative = bernoulli(rng, 1, 2)?;
        if negative && y == 0 {
            continue;
        }
        return Ok(if negative { -y } else { y });
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small seeded generator (splitmix64) so distribution tests are reproducible.
    pub struct Seeded(pub u64);

    impl Uniform for Seeded {
        fn below(&mut self, n: u64) -> Result<u64, CryptoError> {
            uniform_below(n, || {
                self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
                let mut z = self.0;
                z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                Ok(z ^ (z >> 31))
            })
        }
    }

    #[test]
    fn uniform_draws_cover_the_range_without_bias() {
        let mut rng = Seeded(7);
        let mut seen = [0u32; 6];
        for _ in 0..60_000 {
            let i = usize::try_from(rng.below(6).unwrap()).unwrap();
            seen[i] += 1;
        }
        for n in seen {
            assert!((9_500..10_500).contains(&n), "{seen:?}");
        }
        assert_eq!(rng.below(1).unwrap(), 0);
    }

    #[test]
    fn bernoulli_exp_matches_its_probability() {
        let mut rng = Seeded(11);
        for (num, den) in [(1u64, 2u64), (1, 1), (5, 2), (0, 3)] {
            let p = (-(num as f64) / den as f64).exp();
            let n = 100_000;
            let hits = (0..n)
                .filter(|_| bernoulli_exp(&mut rng, num, den).unwrap())
                .count() as f64;
            let sd = (p * (1.0 - p) / n as f64).sqrt();
            assert!(
                (hits / n as f64 - p).abs() <= 5.0 * sd + 1e-9,
                "exp(-{num}/{den}): {} vs {p}",
                hits / n as f64
            );
        }
    }

    #[test]
    fn discrete_laplace_has_the_right_probabilities() {
        // Scale 2: P(z) = (1-α)/(1+α) · α^|z| with α = exp(-1/2).
        assert_distribution(Scale::new(2, 1).unwrap(), 3, 200_000);
    }

    /// The scales production uses (ε = 1 shared 55/25/20 %), where `t` and `s` are large
    /// and the `⌊X/s⌋` step really divides: 100000/55000, 100000/25000, 100000/20000.
    #[test]
    fn discrete_laplace_is_right_at_production_scales() {
        for (share, seed) in [(55, 7), (25, 8), (20, 9)] {
            let scale = Scale::for_budget(1, 1000, share).unwrap();
            assert_distribution(scale, seed, 100_000);
        }
    }

    #[test]
    fn a_scale_is_never_zero() {
        assert!(Scale::new(0, 1).is_none());
        assert!(Scale::new(1, 0).is_none());
        assert!(Scale::for_budget(0, 1000, 50).is_none());
    }

    /// `n` draws at `scale` match P(z) = (1-α)/(1+α) · α^|z| within five standard errors
    /// for |z| ≤ 6, and average about zero.
    fn assert_distribution(scale: Scale, seed: u64, n: u64) {
        let a = scale.alpha();
        let mut rng = Seeded(seed);
        let mut counts = std::collections::BTreeMap::<i64, u64>::new();
        let mut sum = 0i64;
        for _ in 0..n {
            let z = discrete_laplace(&mut rng, scale).unwrap();
            *counts.entry(z).or_default() += 1;
            sum += z;
        }
        for z in -6i64..=6 {
            let p = (1.0 - a) / (1.0 + a) * a.powi(i32::try_from(z.abs()).unwrap());
            let got = counts.get(&z).copied().unwrap_or(0) as f64 / n as f64;
            let sd = (p * (1.0 - p) / n as f64).sqrt();
            assert!((got - p).abs() <= 5.0 * sd, "P({z}) = {got}, expected {p}");
        }
        // Symmetric around zero: the mean within five standard errors.
        let bound = 5.0 * (scale.variance() / n as f64).sqrt();
        assert!(
            (sum as f64 / n as f64).abs() < bound,
            "mean {}",
            sum as f64 / n as f64
        );
    }

    #[test]
    fn budgets_give_the_expected_scale() {
        // Sensitivity 1 at ε = 1.0 × 50 %: scale 2.
        let s = Scale::for_budget(1, 1000, 50).unwrap();
        assert_eq!(s.num() as f64 / s.den() as f64, 2.0);
        assert!(Scale::for_budget(1, 0, 50).is_none());
        // A large scale keeps working (wide integers, no overflow).
        let wide = Scale::for_budget(2, 10, 1).unwrap();
        let mut rng = Seeded(5);
        for _ in 0..100 {
            discrete_laplace(&mut rng, wide).unwrap();
        }
    }

    #[test]
    fn the_os_generator_draws() {
        let mut rng = OsUniform;
        let scale = Scale::for_budget(1, 1000, 55).unwrap();
        let draws: Vec<i64> = (0..200)
            .map(|_| discrete_laplace(&mut rng, scale).unwrap())
            .collect();
        assert!(draws.iter().any(|&z| z != 0), "noise is not all zero");
    }
}
