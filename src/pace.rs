//! The access scheduler's decisions for one endpoint, with no clock and no I/O: which endpoint a
//! request is paced under, the rate learned from 429s (down to a request every two minutes) and
//! its slow recovery, the wait after a 429 (a `Retry-After` honoured up to a cap; without one an
//! exponential, jittered backoff, never before a slot of the window frees) and the time the rest
//! will take.
//!
//! Time is an argument: every method takes `now` (epoch milliseconds) and, where it draws jitter,
//! a `random` in `[0, 1)`. The Rust scheduler (`openai-admin-access`, feature `client`) asks it
//! for every request; the package's TypeScript scheduler (`pkg-template/src/access/scheduler.ts`)
//! keeps its own copy of these rules, and both are held to one table of cases
//! (`tests/access/pace-cases.json`; ARCHITECTURE.md says why there are two).
//!
//! ```
//! use openai_admin_wasm::pace::{Caps, EndpointPace};
//!
//! let caps = Caps::default(); // 5 minutes for Retry-After, 60 s for the backoff
//! let mut pace = EndpointPace::new();
//! for _ in 0..10 {
//!     assert_eq!(pace.ready_at(0.0, &caps), 0.0); // not limited yet: at once
//!     let serial = pace.take(0.0);
//!     pace.admitted(0.0, serial);
//! }
//! // The 11th is answered 429 with no header: the endpoint learns 90 % of the 10 a minute it saw.
//! let serial = pace.take(0.0);
//! pace.limited(serial, None, 0.0, 0.5, &caps);
//! assert_eq!(pace.per_minute(), Some(9.0));
//! assert!(pace.ready_at(0.0, &caps) > 60_000.0); // not before the first of the ten leaves the window
//! ```

#[path = "pace/endpoint.rs"]
mod endpoint;
pub use endpoint::{endpoint, endpoint_of};

/// The share of the rate a 429 showed that an endpoint is then sent at.
pub const SAFETY: f64 = 0.9;
/// The slowest rate learned: a request every two minutes.
pub const FLOOR_PER_MINUTE: f64 = 0.5;
/// Windows without a 429 before an endpoint tries a faster rate.
pub const PROBE_AFTER_WINDOWS: f64 = 10.0;
/// How much faster it tries.
pub const PROBE_STEP: f64 = 1.1;
/// The longest `Retry-After` honoured by default: 5 minutes.
pub const DEFAULT_RETRY_AFTER_CAP_MS: f64 = 300_000.0;
/// The longest wait after a 429 without `Retry-After`, and the window rates are counted over, by
/// default: a minute.
pub const DEFAULT_BACKOFF_CAP_MS: f64 = 60_000.0;

/// The first backoff without `Retry-After` is this share of the cap, doubling with each 429 in a row.
const BACKOFF_BASE_SHARE: f64 = 1.0 / 32.0;
/// Waited past the moment a slot should free: this share of the window, at least `MARGIN_MS`.
const MARGIN_SHARE: f64 = 0.02;
const MARGIN_MS: f64 = 50.0;
const MINUTE: f64 = 60_000.0;
/// How many windows back a 429's rate is judged over, and the admitted sends are kept for.
const HISTORY_WINDOWS: u32 = 8;
/// A `Retry-After` shorter than this still counts the rate over a second.
const MIN_WINDOW_MS: f64 = 1000.0;
/// Admitted sends kept at most (the oldest half dropped beyond).
const MAX_ADMITTED: usize = 4096;

/// The scheduler's two caps, in milliseconds (a time-scaled test scales both).
///
/// ```
/// // The package's OPENAI_ADMIN_TIME_SCALE=0.1: 30 s for Retry-After, a 6 s window.
/// let scaled = openai_admin_wasm::pace::Caps { retry_after_cap_ms: 30_000.0, backoff_cap_ms: 6_000.0 };
/// assert_eq!(openai_admin_wasm::pace::Caps::default().backoff_cap_ms, 10.0 * scaled.backoff_cap_ms);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Caps {
    /// The longest `Retry-After` honoured; a longer one is waited this long, and said.
    pub retry_after_cap_ms: f64,
    /// The longest wait after a 429 without `Retry-After`, and the window rates are counted over.
    pub backoff_cap_ms: f64,
}

impl Default for Caps {
    fn default() -> Self {
        Caps {
            retry_after_cap_ms: DEFAULT_RETRY_AFTER_CAP_MS,
            backoff_cap_ms: DEFAULT_BACKOFF_CAP_MS,
        }
    }
}

/// Why an endpoint is waiting.
///
/// ```
/// use openai_admin_wasm::pace::{Caps, EndpointPace, WaitReason};
/// let mut pace = EndpointPace::new();
/// let serial = pace.take(0.0);
/// pace.limited(serial, Some(3_600_000.0), 0.0, 0.5, &Caps::default()); // Retry-After: 3600
/// assert_eq!(pace.waiting(0.0), (300_000.0, Some(WaitReason::RetryAfterCapped)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitReason {
    /// A 429 without `Retry-After`: the learned pace and the backoff.
    RateLimit,
    /// The `Retry-After` the API asked for.
    RetryAfter,
    /// A `Retry-After` longer than the cap, waited as long as the cap.
    RetryAfterCapped,
}

/// One endpoint's pace: what the API admitted, what its 429s taught, and when the next request
/// may go. All times are epoch milliseconds; rates are requests a millisecond.
///
/// A scheduler asks [`EndpointPace::ready_at`] when the next request may go, calls
/// [`EndpointPace::take`] as it sends it, and tells the answer: [`EndpointPace::admitted`], or
/// [`EndpointPace::limited`] for a 429 (then sends it again when its turn comes).
///
/// ```
/// use openai_admin_wasm::pace::{Caps, EndpointPace};
/// let caps = Caps::default();
/// let mut pace = EndpointPace::new();
/// let mut now = 0.0;
/// let mut sent = 0;
/// while sent < 20 {
///     now = pace.ready_at(now, &caps).max(now);
///     let serial = pace.take(now);
///     if sent < 10 || now >= 60_000.0 {
///         pace.admitted(now, serial); // the API's 10 a minute
///         sent += 1;
///     } else {
///         pace.limited(serial, None, now, 0.5, &caps);
///     }
/// }
/// assert_eq!(pace.per_minute(), Some(9.0));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointPace {
    /// The pace; `None`: not limited yet.
    rate: Option<f64>,
    /// What the last 429 showed the endpoint allows.
    limit: Option<f64>,
    learned_at: f64,
    /// Since when no 429 came (the last 429, the last faster try).
    calm_since: f64,
    next_at: f64,
    paused_until: f64,
    reason: Option<WaitReason>,
    asked_ms: Option<f64>,
    /// 429s in a row (the backoff's exponent).
    failures: u32,
    /// Requests taken so far (each send's serial number).
    serial: u64,
    /// The serial when the last 429 was acted on: 429s to requests taken until then are of the
    /// same burst.
    decided: u64,
    first_sent_at: f64,
    /// The window the last 429's rate was counted over.
    window: Option<f64>,
    /// The last 429's judgment, which requests of its burst admitted later may correct.
    burst: Option<Burst>,
    /// When the requests the API admitted (any answer but a 429) were sent, oldest first.
    admitted: Vec<f64>,
}

/// What a 429 judged the rate by: requests sent before it but answered after it were admitted by
/// the API all the same, and count when they answer.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Burst {
    at: f64,
    windows: u32,
    /// The pace before the run of 429s it ends.
    rate_before: Option<f64>,
}

impl Default for EndpointPace {
    fn default() -> Self {
        Self::new()
    }
}

impl EndpointPace {
    /// An endpoint not limited yet: its requests go out as they come.
    ///
    /// ```
    /// let mut pace = openai_admin_wasm::pace::EndpointPace::new();
    /// assert_eq!(pace.ready_at(5.0, &Default::default()), 0.0);
    /// ```
    pub fn new() -> Self {
        EndpointPace {
            rate: None,
            limit: None,
            learned_at: 0.0,
            calm_since: 0.0,
            next_at: 0.0,
            paused_until: 0.0,
            reason: None,
            asked_ms: None,
            failures: 0,
            serial: 0,
            decided: 0,
            first_sent_at: f64::INFINITY,
            window: None,
            burst: None,
            admitted: Vec::new(),
        }
    }

    /// An endpoint that starts at a rate an earlier run learned (`per_minute`, learned at `at`),
    /// at least [`FLOOR_PER_MINUTE`]. `None` when the rate is not a positive finite number.
    ///
    /// ```
    /// use openai_admin_wasm::pace::EndpointPace;
    /// let pace = EndpointPace::learned(9.0, 0.0, 1000.0).unwrap();
    /// assert_eq!(pace.per_minute(), Some(9.0));
    /// assert!(EndpointPace::learned(-1.0, 0.0, 0.0).is_none());
    /// ```
    pub fn learned(per_minute: f64, at: f64, now: f64) -> Option<Self> {
        if !(per_minute > 0.0 && per_minute.is_finite()) {
            return None;
        }
        let rate = per_minute.max(FLOOR_PER_MINUTE) / MINUTE;
        Some(EndpointPace {
            rate: Some(rate),
            limit: Some(rate / SAFETY),
            learned_at: if at.is_finite() { at } else { now },
            calm_since: now,
            ..Self::new()
        })
    }

    /// When the next request may go (at or before `now`: at once). After enough calm windows it
    /// first tries a faster rate ([`PROBE_STEP`] after [`PROBE_AFTER_WINDOWS`] windows).
    ///
    /// ```
    /// use openai_admin_wasm::pace::EndpointPace;
    /// let caps = Default::default();
    /// let mut pace = EndpointPace::learned(6.0, 0.0, 0.0).unwrap(); // one every 10 s
    /// pace.take(0.0);
    /// assert_eq!(pace.ready_at(0.0, &caps), 10_000.0);
    /// ```
    pub fn ready_at(&mut self, now: f64, caps: &Caps) -> f64 {
        self.probe(now, caps);
        self.next_at.max(self.paused_until)
    }

    /// A request goes now: the next one is due a step of the pace later. Returns its serial
    /// number, for [`EndpointPace::admitted`] or [`EndpointPace::limited`].
    ///
    /// ```
    /// let mut pace = openai_admin_wasm::pace::EndpointPace::new();
    /// assert_eq!((pace.take(0.0), pace.take(0.0)), (1, 2));
    /// ```
    pub fn take(&mut self, now: f64) -> u64 {
        self.next_at = now + self.rate.map_or(0.0, |r| 1.0 / r);
        self.serial += 1;
        self.first_sent_at = self.first_sent_at.min(now);
        self.serial
    }

    /// The request `serial`, sent at `sent_at`, was answered with anything but a 429. One sent
    /// before the last 429 but answered after it (answers of a burst come in any order) was
    /// admitted in the window that 429 judged: the rate learned from it is counted again with it.
    ///
    /// ```
    /// use openai_admin_wasm::pace::{Caps, EndpointPace};
    /// let mut pace = EndpointPace::new();
    /// let serials: Vec<u64> = (0..10).map(|_| pace.take(0.0)).collect();
    /// pace.admitted(0.0, serials[0]);
    /// assert_eq!(pace.per_minute(), None); // admitted answers teach nothing until a 429
    /// // The 11th is answered 429 while nine of the ten admitted are still on their way.
    /// let eleventh = pace.take(0.0);
    /// pace.limited(eleventh, None, 0.0, 0.5, &Caps::default());
    /// assert_eq!(pace.per_minute(), Some(0.9));
    /// for serial in &serials[1..] {
    ///     pace.admitted(0.0, *serial);
    /// }
    /// assert_eq!(pace.per_minute(), Some(9.0)); // 90 % of the ten a minute the API admitted
    /// ```
    pub fn admitted(&mut self, sent_at: f64, serial: u64) {
        let at = self.admitted.partition_point(|t| *t <= sent_at);
        self.admitted.insert(at, sent_at);
        if self.admitted.len() > MAX_ADMITTED {
            self.admitted
                .drain(..self.admitted.len() - MAX_ADMITTED / 2);
        }
        if serial > self.decided {
            self.failures = 0;
        } else {
            self.recount();
        }
    }

    /// A request of the last 429's burst was admitted after it: the rate that 429 showed is
    /// counted again, and the pace raised to it (never above the pace before the 429).
    fn recount(&mut self) {
        let (Some(burst), Some(window)) = (self.burst, self.window) else {
            return;
        };
        let Some(seen) = self.seen_rate(window, burst.at, burst.windows) else {
            return;
        };
        if self.limit.is_some_and(|limit| limit >= seen) {
            return;
        }
        self.limit = Some(seen);
        let rate = burst
            .rate_before
            .unwrap_or(f64::INFINITY)
            .min(SAFETY * seen);
        self.rate = Some(rate.max(FLOOR_PER_MINUTE / MINUTE));
    }

    /// The request `serial` was answered 429 at `now`; `asked` is what its `retry-after-ms` or
    /// `retry-after` asked for (the core's [`crate::retry::server_delay_ms`]; `None` or negative:
    /// nothing). Learns the rate the API admitted before it and pauses the endpoint, once per
    /// burst: a 429 to a request taken before the last one was acted on changes nothing (returns
    /// false).
    ///
    /// ```
    /// use openai_admin_wasm::pace::{Caps, EndpointPace};
    /// let mut pace = EndpointPace::new();
    /// let (a, b) = (pace.take(0.0), pace.take(0.0));
    /// assert!(pace.limited(a, Some(2000.0), 0.0, 0.5, &Caps::default()));
    /// assert!(!pace.limited(b, Some(2000.0), 0.0, 0.5, &Caps::default())); // the same burst
    /// assert_eq!(pace.ready_at(0.0, &Caps::default()), 2000.0);
    /// ```
    pub fn limited(
        &mut self,
        serial: u64,
        asked: Option<f64>,
        now: f64,
        random: f64,
        caps: &Caps,
    ) -> bool {
        if serial <= self.decided {
            return false;
        }
        let asked = asked.filter(|a| *a >= 0.0);
        self.decided = self.serial;
        self.failures += 1;
        let window = asked.map_or(caps.backoff_cap_ms, |a| a.max(MIN_WINDOW_MS));
        let keep = f64::from(HISTORY_WINDOWS) * window.max(caps.backoff_cap_ms);
        self.admitted.retain(|t| *t > now - keep);
        // A Retry-After says the window; without one, the window may be longer than assumed.
        let windows = if asked.is_none() { HISTORY_WINDOWS } else { 1 };
        let seen = self.seen_rate(window, now, windows);
        self.window = Some(window);
        // The pace before this run of 429s: one 429 after another may each have judged too few.
        let rate_before = match self.burst {
            Some(burst) if self.failures > 1 => burst.rate_before,
            _ => self.rate,
        };
        self.burst = Some(Burst {
            at: now,
            windows,
            rate_before,
        });
        if let Some(seen) = seen {
            self.limit = Some(seen);
            let rate = self.rate.unwrap_or(f64::INFINITY).min(SAFETY * seen);
            self.rate = Some(rate.max(FLOOR_PER_MINUTE / MINUTE));
            self.learned_at = now;
        }
        self.calm_since = now;
        let wait = match asked {
            Some(asked) => {
                self.reason = Some(if asked > caps.retry_after_cap_ms {
                    WaitReason::RetryAfterCapped
                } else {
                    WaitReason::RetryAfter
                });
                self.asked_ms = Some(asked);
                asked.min(caps.retry_after_cap_ms)
            }
            None => {
                // Exponential and jittered, from a step of the endpoint's pace (or a share of
                // the cap)...
                let step = (caps.backoff_cap_ms * BACKOFF_BASE_SHARE)
                    .max(self.rate.map_or(0.0, |r| 1.0 / r));
                let exponent = i32::try_from(self.failures - 1).unwrap_or(i32::MAX).min(30);
                let random = if random.is_nan() {
                    0.0
                } else {
                    random.clamp(0.0, 1.0)
                };
                let backoff =
                    (step * 2f64.powi(exponent)).min(caps.backoff_cap_ms) * (0.5 + 0.5 * random);
                // ...and not before the oldest request the API admitted within the window leaves it.
                let slot = self
                    .admitted
                    .iter()
                    .find(|t| **t > now - window)
                    .map_or(0.0, |oldest| {
                        oldest + window - now + MARGIN_MS.max(window * MARGIN_SHARE)
                    });
                self.reason = Some(WaitReason::RateLimit);
                self.asked_ms = None;
                backoff.max(slot)
            }
        };
        self.paused_until = self.paused_until.max(now + wait);
        self.next_at = self.next_at.max(self.paused_until);
        true
    }

    /// The rate the endpoint admitted requests at before a 429: the fewest over the last 1, 2,
    /// 4 … `windows` windows that its history covers and that admitted any (a window with none
    /// says nothing: the 429 may be the first after a pause).
    fn seen_rate(&self, window: f64, now: f64, windows: u32) -> Option<f64> {
        let mut seen: Option<f64> = None;
        let mut k = 1;
        while k <= windows {
            let span = f64::from(k) * window;
            if k > 1 && span > now - self.first_sent_at {
                break;
            }
            let n = self
                .admitted
                .iter()
                .filter(|t| **t > now - span && **t <= now)
                .count();
            if n > 0 {
                let rate = n as f64 / span;
                seen = Some(seen.map_or(rate, |s: f64| s.min(rate)));
            }
            k *= 2;
        }
        seen
    }

    /// After enough calm windows, the endpoint tries a faster rate.
    fn probe(&mut self, now: f64, caps: &Caps) {
        let (Some(_), Some(limit)) = (self.rate, self.limit) else {
            return;
        };
        if now < self.paused_until {
            return;
        }
        if now - self.calm_since < PROBE_AFTER_WINDOWS * self.window.unwrap_or(caps.backoff_cap_ms)
        {
            return;
        }
        let limit = limit * PROBE_STEP;
        self.burst = None;
        self.limit = Some(limit);
        self.rate = Some(SAFETY * limit);
        self.calm_since = now;
        self.learned_at = now;
    }

    /// The learned rate, in requests a minute; `None` while the endpoint is not limited.
    ///
    /// ```
    /// let pace = openai_admin_wasm::pace::EndpointPace::learned(0.1, 0.0, 0.0).unwrap();
    /// assert_eq!(pace.per_minute(), Some(openai_admin_wasm::pace::FLOOR_PER_MINUTE));
    /// ```
    pub fn per_minute(&self) -> Option<f64> {
        self.rate.map(|r| r * MINUTE)
    }

    /// When the learned rate was learned (epoch ms).
    ///
    /// ```
    /// let pace = openai_admin_wasm::pace::EndpointPace::learned(9.0, 1234.0, 5000.0).unwrap();
    /// assert_eq!(pace.learned_at(), 1234.0);
    /// ```
    pub fn learned_at(&self) -> f64 {
        self.learned_at
    }

    /// How long the endpoint still waits at `now` after a 429 (0: not waiting), and why.
    ///
    /// ```
    /// use openai_admin_wasm::pace::{EndpointPace, WaitReason};
    /// let mut pace = EndpointPace::new();
    /// let serial = pace.take(0.0);
    /// pace.limited(serial, Some(5000.0), 0.0, 0.5, &Default::default());
    /// assert_eq!(pace.waiting(1000.0), (4000.0, Some(WaitReason::RetryAfter)));
    /// assert_eq!(pace.waiting(6000.0), (0.0, None));
    /// ```
    pub fn waiting(&self, now: f64) -> (f64, Option<WaitReason>) {
        let ms = (self.paused_until - now).max(0.0);
        (ms, if ms > 0.0 { self.reason } else { None })
    }

    /// What the last `Retry-After` asked for, when the endpoint waits for one.
    ///
    /// ```
    /// let mut pace = openai_admin_wasm::pace::EndpointPace::new();
    /// let serial = pace.take(0.0);
    /// pace.limited(serial, Some(900_000.0), 0.0, 0.5, &Default::default());
    /// assert_eq!(pace.asked_ms(), Some(900_000.0)); // waited 5 minutes, and said
    /// ```
    pub fn asked_ms(&self) -> Option<f64> {
        self.asked_ms
    }

    /// The time `remaining` more requests take at the learned pace (and the wait before the
    /// next); `None` while the endpoint is not limited.
    ///
    /// ```
    /// let pace = openai_admin_wasm::pace::EndpointPace::learned(6.0, 0.0, 0.0).unwrap();
    /// assert_eq!(pace.eta_ms(4, 0.0), Some(30_000.0)); // now, then three more 10 s apart
    /// ```
    pub fn eta_ms(&self, remaining: u64, now: f64) -> Option<f64> {
        let rate = self.rate?;
        if remaining == 0 {
            return Some(0.0);
        }
        let start = (self.paused_until - now).max(self.next_at - now).max(0.0);
        Some(start + (remaining - 1) as f64 / rate)
    }
}

#[cfg(test)]
#[path = "pace/tests.rs"]
mod tests;
