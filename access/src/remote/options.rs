//! What a scheduler runs on and reports: its clock ([`Clock`], [`SystemClock`]), its options
//! ([`SchedulerOptions`], with the rates an earlier run learned, [`LearnedRate`]), each endpoint's
//! figures ([`EndpointProgress`]) and the deadline's refusal ([`DeadlinePassed`]).

use std::sync::Arc;

use openai_admin::pace::PaceFuture;
use openai_admin_wasm::pace::{Caps, WaitReason};

/// The clock, the timer and the jitter a scheduler runs on: the client's transport's by default
/// ([`SystemClock`]); a test gives a fake one and runs hours of limits in milliseconds.
///
/// ```
/// use std::sync::{Arc, Mutex};
/// use openai_admin::pace::PaceFuture;
/// use openai_admin_access::remote::{Clock, Scheduler, SchedulerOptions};
///
/// /// Time passes only when the scheduler waits.
/// #[derive(Default)]
/// struct Fake(Mutex<f64>);
/// impl Clock for Fake {
///     fn now_ms(&self) -> f64 { *self.0.lock().unwrap() }
///     fn sleep(&self, ms: f64) -> PaceFuture<'static, ()> {
///         *self.0.lock().unwrap() += ms;
///         Box::pin(std::future::ready(()))
///     }
///     fn random(&self) -> f64 { 0.5 }
/// }
///
/// # futures_executor_free::run(async {
/// let clock = Arc::new(Fake::default());
/// let scheduler = Scheduler::new(SchedulerOptions { clock: clock.clone(), ..Default::default() }).unwrap();
/// // The API admits one request, then answers 429 with `Retry-After: 120`.
/// let mut answers = vec![200, 429, 200].into_iter();
/// for _ in 0..2 {
///     let status = scheduler
///         .paced("GET /organization/groups", || std::future::ready(answers.next().unwrap()), |s: &u16| {
///             Some((*s, None, (*s == 429).then(|| "120".to_owned())))
///         })
///         .await
///         .unwrap();
///     assert_eq!(status, 200); // the 429 was waited out and sent again
/// }
/// assert_eq!(clock.now_ms(), 120_000.0);
/// # });
/// # mod futures_executor_free {
/// #     pub fn run(f: impl std::future::Future<Output = ()>) {
/// #         let mut f = std::pin::pin!(f);
/// #         let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
/// #         assert!(f.as_mut().poll(&mut cx).is_ready(), "a fake clock never leaves it pending");
/// #     }
/// # }
/// ```
pub trait Clock: Send + Sync {
    /// Now, in epoch milliseconds.
    fn now_ms(&self) -> f64;
    /// Waits `ms` milliseconds.
    fn sleep(&self, ms: f64) -> PaceFuture<'static, ()>;
    /// A number in `[0, 1)`, for the backoff's jitter.
    fn random(&self) -> f64;
}

/// The client's clock and timer (`tokio`'s natively, `setTimeout` on wasm32).
///
/// ```
/// use openai_admin_access::remote::{Clock, SystemClock};
/// assert!(SystemClock.now_ms() > 1.7e12); // epoch ms
/// assert!((0.0..1.0).contains(&SystemClock.random()));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> f64 {
        openai_admin::pace::now_ms()
    }
    fn sleep(&self, ms: f64) -> PaceFuture<'static, ()> {
        Box::pin(openai_admin::pace::sleep(ms))
    }
    fn random(&self) -> f64 {
        openai_admin::pace::random()
    }
}

/// A rate learned for an endpoint, to start a later run at it ([`SchedulerOptions::learned`]).
///
/// ```
/// use openai_admin_access::remote::{LearnedRate, Scheduler, SchedulerOptions};
/// let earlier = vec![LearnedRate { endpoint: "GET /organization/users/{user_id}/roles".into(), per_minute: 9.0, at: 0.0 }];
/// let scheduler = Scheduler::new(SchedulerOptions { learned: earlier.clone(), ..Default::default() })?;
/// assert_eq!(scheduler.learned(), earlier);
/// # Ok::<(), openai_admin_access::remote::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LearnedRate {
    /// `GET /organization/users/{user_id}/roles`.
    pub endpoint: String,
    /// Requests a minute.
    pub per_minute: f64,
    /// When it was learned (epoch ms).
    pub at: f64,
}

/// How a scheduler runs.
///
/// ```
/// use openai_admin_access::remote::{Scheduler, SchedulerOptions};
/// use openai_admin_wasm::pace::Caps;
/// // Time-scaled by 0.1 (a test against the mock's `--route-limit 10/6`), ending in an hour.
/// let scheduler = Scheduler::new(SchedulerOptions {
///     caps: Caps { retry_after_cap_ms: 30_000.0, backoff_cap_ms: 6_000.0 },
///     deadline: Some(openai_admin::pace::now_ms() + 3_600_000.0),
///     ..SchedulerOptions::default()
/// })?;
/// # let _ = scheduler;
/// # Ok::<(), openai_admin_access::remote::Error>(())
/// ```
#[derive(Clone)]
pub struct SchedulerOptions {
    /// The `Retry-After` cap and the backoff cap (the window rates are counted over). Default:
    /// 5 minutes and 60 s; a test against a time-scaled limit scales both.
    pub caps: Caps,
    /// Rates an earlier run learned ([`Scheduler::learned`](super::Scheduler::learned)): those endpoints start at them.
    pub learned: Vec<LearnedRate>,
    /// Epoch ms after which no request waits: one that would is refused
    /// ([`openai_admin::Error::Timeout`] to the call, [`Scheduler::deadline_passed`](super::Scheduler::deadline_passed) says why).
    pub deadline: Option<f64>,
    /// The clock (default: [`SystemClock`]).
    pub clock: Arc<dyn Clock>,
}

impl Default for SchedulerOptions {
    fn default() -> Self {
        SchedulerOptions {
            caps: Caps::default(),
            learned: Vec::new(),
            deadline: None,
            clock: Arc::new(SystemClock),
        }
    }
}

/// What an endpoint has done, and how it waits ([`Scheduler::progress`](super::Scheduler::progress)).
///
/// ```
/// # fn show(scheduler: &openai_admin_access::remote::Scheduler) {
/// for e in scheduler.progress() {
///     println!("{}: {} sent, {} answered 429, {:?}/min, waiting {} ms", e.endpoint, e.sent, e.rate_limited, e.per_minute, e.waiting_ms);
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointProgress {
    /// `GET /organization/users/{user_id}/roles`.
    pub endpoint: String,
    /// Requests sent (each re-sending counted).
    pub sent: u64,
    /// 2xx answers.
    pub ok: u64,
    /// 429 answers.
    pub rate_limited: u64,
    /// The learned rate, requests a minute; `None`: not limited yet.
    pub per_minute: Option<f64>,
    /// How long its queue still waits before the next request may go (0: not waiting).
    pub waiting_ms: f64,
    /// Why it waits.
    pub wait_reason: Option<WaitReason>,
    /// What the API's `Retry-After` asked for, when the wait is one.
    pub asked_ms: Option<f64>,
}

/// Why a request was refused before it was sent, or a load stopped, at the deadline.
///
/// ```
/// # fn show(error: openai_admin_access::remote::Error) {
/// if let openai_admin_access::remote::Error::Deadline(d) = error {
///     println!("{:?} could go {} ms after the deadline", d.endpoint, d.after_ms);
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlinePassed {
    /// The endpoint whose next request could go only after the deadline; `None`: the deadline
    /// came while requests were in flight.
    pub endpoint: Option<String>,
    /// How long after the deadline that request could go, in ms (0 for requests in flight).
    pub after_ms: f64,
}
