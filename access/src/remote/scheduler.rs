//! The scheduler every request of [`super::load`] and [`super::apply`] goes through: one bucket
//! per endpoint (method and route template, ids left out), each paced by the core's
//! [`EndpointPace`] (`openai_admin_wasm::pace`: the rate learned from 429s, the backoff, the
//! `Retry-After` cap), with the requests of an endpoint going out one at a time in order, and
//! different endpoints in parallel. A 429 never reaches the caller: the request waits its turn
//! again, first in its endpoint's queue, and is sent again (the API did nothing, so creates are
//! re-sent too).
//!
//! The scheduler decides nothing of its own: when a request may go and what a 429 teaches are
//! the core's; it keeps the queues, the clock and the counts.

use std::collections::{BTreeMap, VecDeque};
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};

use futures_channel::oneshot;
use openai_admin::pace::{Attempt, PaceFuture, Pacer, Sent};
use openai_admin_wasm::pace::{Caps, EndpointPace, WaitReason};

use super::options::{Clock, DeadlinePassed, EndpointProgress, LearnedRate, SchedulerOptions};
use super::Error;
use openai_admin_wasm::retry::{server_delay_ms, RetryHeaders};

struct Waiter {
    id: u64,
    wake: Option<oneshot::Sender<()>>,
}

struct Bucket {
    pace: EndpointPace,
    sent: u64,
    ok: u64,
    rate_limited: u64,
    queue: VecDeque<Waiter>,
}

impl Bucket {
    fn new(pace: EndpointPace) -> Self {
        Bucket {
            pace,
            sent: 0,
            ok: 0,
            rate_limited: 0,
            queue: VecDeque::new(),
        }
    }

    /// Tells the first waiter it is first.
    fn wake_head(&mut self) {
        if let Some(tx) = self.queue.front_mut().and_then(|w| w.wake.take()) {
            let _ = tx.send(());
        }
    }
}

struct State {
    buckets: BTreeMap<String, Bucket>,
    next_waiter: u64,
    deadline_passed: Option<DeadlinePassed>,
}

struct Shared {
    state: Mutex<State>,
    caps: Caps,
    deadline: Option<f64>,
    clock: Arc<dyn Clock>,
}

/// Paces requests per endpoint (see the module's docs). Cheap to clone: the clones share the
/// buckets, so a load and the apply after it share what was learned.
///
/// ```no_run
/// use openai_admin_access::remote::{Scheduler, SchedulerOptions};
///
/// # async fn run() -> Result<(), openai_admin::Error> {
/// let scheduler = Scheduler::default();
/// let client = openai_admin::Client::new()?.with_pacer(scheduler.pacer());
/// client.admin().organization().groups().list(None).await?; // paced; a 429 waited out
/// for endpoint in scheduler.progress() {
///     println!("{} {:?}/min", endpoint.endpoint, endpoint.per_minute);
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Scheduler {
    shared: Arc<Shared>,
}

impl Default for Scheduler {
    /// A scheduler with the default options: the caps of 5 minutes and 60 s, no rates learned,
    /// no deadline, the client's clock.
    ///
    /// ```
    /// let scheduler = openai_admin_access::remote::Scheduler::default();
    /// assert!(scheduler.progress().is_empty());
    /// ```
    fn default() -> Self {
        Scheduler::new(SchedulerOptions::default())
            .unwrap_or_else(|_| unreachable!("the defaults are valid"))
    }
}

impl std::fmt::Debug for Scheduler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scheduler")
            .field("caps", &self.shared.caps)
            .field("deadline", &self.shared.deadline)
            .finish_non_exhaustive()
    }
}

/// A request's place in its endpoint's queue; leaving (a dropped future) gives the turn on.
struct Place<'a> {
    shared: &'a Shared,
    endpoint: &'a str,
    id: u64,
    done: bool,
}

impl Drop for Place<'_> {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        let mut state = lock(&self.shared.state);
        if let Some(bucket) = state.buckets.get_mut(self.endpoint) {
            let was_head = bucket.queue.front().is_some_and(|w| w.id == self.id);
            bucket.queue.retain(|w| w.id != self.id);
            if was_head {
                bucket.wake_head();
            }
        }
    }
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    // A panic elsewhere while holding the lock leaves counts, never a broken invariant.
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Scheduler {
    /// A scheduler with `options`. Refuses, naming it, a cap that is not a positive number of
    /// milliseconds and a deadline that is not a finite time ([`Error::InvalidArgument`]).
    ///
    /// ```
    /// use openai_admin_access::remote::{Error, Scheduler, SchedulerOptions};
    /// use openai_admin_wasm::pace::Caps;
    /// let caps = Caps { retry_after_cap_ms: 30_000.0, backoff_cap_ms: 0.0 };
    /// let error = Scheduler::new(SchedulerOptions { caps, ..Default::default() }).unwrap_err();
    /// assert!(matches!(error, Error::InvalidArgument { ref param, .. } if param == "caps.backoff_cap_ms"));
    /// ```
    pub fn new(options: SchedulerOptions) -> Result<Scheduler, Error> {
        let caps = options.caps;
        for (param, ms) in [
            ("caps.retry_after_cap_ms", caps.retry_after_cap_ms),
            ("caps.backoff_cap_ms", caps.backoff_cap_ms),
        ] {
            if !(ms > 0.0 && ms.is_finite()) {
                return Err(Error::InvalidArgument {
                    param: param.into(),
                    message: format!(
                        "`{param}` must be a positive number of milliseconds, got {ms}"
                    ),
                });
            }
        }
        if let Some(deadline) = options.deadline.filter(|d| !d.is_finite()) {
            return Err(Error::InvalidArgument {
                param: "deadline".into(),
                message: format!("`deadline` must be a time in epoch milliseconds, got {deadline}"),
            });
        }
        let now = options.clock.now_ms();
        let mut buckets = BTreeMap::new();
        for l in &options.learned {
            if let Some(pace) = EndpointPace::learned(l.per_minute, l.at, now) {
                buckets.insert(l.endpoint.clone(), Bucket::new(pace));
            }
        }
        Ok(Scheduler {
            shared: Arc::new(Shared {
                state: Mutex::new(State {
                    buckets,
                    next_waiter: 0,
                    deadline_passed: None,
                }),
                caps: options.caps,
                deadline: options.deadline,
                clock: options.clock,
            }),
        })
    }

    /// The pacer to give a client ([`openai_admin::Client::with_pacer`]).
    ///
    /// ```
    /// let scheduler = openai_admin_access::remote::Scheduler::default();
    /// let client = openai_admin::Client::builder().api_key("sk-admin-example").build()?;
    /// let paced = client.with_pacer(scheduler.pacer());
    /// # let _ = paced;
    /// # Ok::<(), openai_admin::Error>(())
    /// ```
    pub fn pacer(&self) -> Arc<dyn Pacer> {
        Arc::new(self.clone())
    }

    /// The rates learned so far, to give a later run ([`SchedulerOptions::learned`]).
    ///
    /// ```
    /// use openai_admin_access::remote::{Scheduler, SchedulerOptions};
    /// let first = Scheduler::default();
    /// // … a load through `first` …
    /// let next = Scheduler::new(SchedulerOptions { learned: first.learned(), ..Default::default() })?;
    /// # let _ = next;
    /// # Ok::<(), openai_admin_access::remote::Error>(())
    /// ```
    pub fn learned(&self) -> Vec<LearnedRate> {
        let state = lock(&self.shared.state);
        state
            .buckets
            .iter()
            .filter_map(|(endpoint, b)| {
                Some(LearnedRate {
                    endpoint: endpoint.clone(),
                    per_minute: b.pace.per_minute()?,
                    at: b.pace.learned_at(),
                })
            })
            .collect()
    }

    /// What each endpoint has done so far, and how it waits (see [`EndpointProgress`]).
    ///
    /// ```
    /// let scheduler = openai_admin_access::remote::Scheduler::default();
    /// assert_eq!(scheduler.progress().len(), 0); // no endpoint asked yet
    /// ```
    pub fn progress(&self) -> Vec<EndpointProgress> {
        let now = self.shared.clock.now_ms();
        let state = lock(&self.shared.state);
        state
            .buckets
            .iter()
            .map(|(endpoint, b)| {
                let (waiting_ms, wait_reason) = b.pace.waiting(now);
                EndpointProgress {
                    endpoint: endpoint.clone(),
                    sent: b.sent,
                    ok: b.ok,
                    rate_limited: b.rate_limited,
                    per_minute: b.pace.per_minute(),
                    waiting_ms,
                    wait_reason,
                    asked_ms: wait_reason
                        .filter(|r| *r != WaitReason::RateLimit)
                        .and(b.pace.asked_ms()),
                }
            })
            .collect()
    }

    /// The time `remaining` more requests to `endpoint` take at its learned pace (and its
    /// wait), in ms; `None` while it is not limited.
    ///
    /// ```
    /// use openai_admin_access::remote::{LearnedRate, Scheduler, SchedulerOptions};
    /// let endpoint = "GET /organization/users/{user_id}/roles";
    /// let learned = vec![LearnedRate { endpoint: endpoint.into(), per_minute: 6.0, at: 0.0 }];
    /// let scheduler = Scheduler::new(SchedulerOptions { learned, ..Default::default() })?;
    /// assert_eq!(scheduler.eta_ms(endpoint, 7), Some(60_000.0)); // 7 reads at 6 a minute
    /// assert_eq!(scheduler.eta_ms("GET /organization/groups", 7), None);
    /// # Ok::<(), openai_admin_access::remote::Error>(())
    /// ```
    pub fn eta_ms(&self, endpoint: &str, remaining: u64) -> Option<f64> {
        let now = self.shared.clock.now_ms();
        let state = lock(&self.shared.state);
        state.buckets.get(endpoint)?.pace.eta_ms(remaining, now)
    }

    /// The scheduler's clock.
    pub(crate) fn clock(&self) -> Arc<dyn Clock> {
        self.shared.clock.clone()
    }

    /// The request the deadline refused, if one was.
    ///
    /// ```
    /// let scheduler = openai_admin_access::remote::Scheduler::default();
    /// assert_eq!(scheduler.deadline_passed(), None);
    /// ```
    pub fn deadline_passed(&self) -> Option<DeadlinePassed> {
        lock(&self.shared.state).deadline_passed.clone()
    }

    /// Sends a request to `endpoint` with `send` when its turn comes, and again after each 429
    /// (`answer` reads an outcome's status and its `retry-after-ms` and `retry-after` headers;
    /// `None`: no answer). Returns the first outcome that is not a 429; `Err` only when the
    /// deadline refused a turn. (An example on a fake clock: [`Clock`].)
    pub async fn paced<T, F, Fut>(
        &self,
        endpoint: &str,
        mut send: F,
        answer: impl Fn(&T) -> Option<(u16, Option<String>, Option<String>)>,
    ) -> Result<T, DeadlinePassed>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = T>,
    {
        let shared = &*self.shared;
        let mut front = false;
        loop {
            let (serial, sent_at) = self.turn(endpoint, front).await?;
            let out = send().await;
            let now = shared.clock.now_ms();
            let Some((status, retry_after_ms, retry_after)) = answer(&out) else {
                return Ok(out);
            };
            if status != 429 {
                {
                    let mut state = lock(&shared.state);
                    if let Some(b) = state.buckets.get_mut(endpoint) {
                        b.pace.admitted(sent_at, serial);
                        if (200..300).contains(&status) {
                            b.ok += 1;
                        }
                    }
                }
                return Ok(out);
            }
            // What the header asks for is the core's reading (`retry.rs`), never parsed here.
            let hints = RetryHeaders {
                should_retry: None,
                retry_after_ms: retry_after_ms.as_deref(),
                retry_after: retry_after.as_deref(),
            };
            let asked = server_delay_ms(&hints, now);
            let random = shared.clock.random();
            {
                let mut state = lock(&shared.state);
                if let Some(b) = state.buckets.get_mut(endpoint) {
                    b.rate_limited += 1;
                    b.pace.limited(serial, asked, now, random, &shared.caps);
                }
            }
            front = true;
        }
    }

    /// Waits for this request's turn at `endpoint` (`front`: before those waiting). Returns the
    /// send's serial and time.
    async fn turn(&self, endpoint: &str, front: bool) -> Result<(u64, f64), DeadlinePassed> {
        let shared = &*self.shared;
        let id = {
            let mut state = lock(&shared.state);
            state.next_waiter += 1;
            let id = state.next_waiter;
            let bucket = state
                .buckets
                .entry(endpoint.to_owned())
                .or_insert_with(|| Bucket::new(EndpointPace::new()));
            let waiter = Waiter { id, wake: None };
            if front {
                bucket.queue.push_front(waiter);
            } else {
                bucket.queue.push_back(waiter);
            }
            id
        };
        let mut place = Place {
            shared,
            endpoint,
            id,
            done: false,
        };
        loop {
            // Not first: wait to be told.
            let woken = {
                let mut state = lock(&shared.state);
                let bucket = state.buckets.get_mut(endpoint);
                match bucket {
                    Some(b) if b.queue.front().is_some_and(|w| w.id != id) => {
                        let (tx, rx) = oneshot::channel();
                        if let Some(w) = b.queue.iter_mut().find(|w| w.id == id) {
                            w.wake = Some(tx);
                        }
                        Some(rx)
                    }
                    _ => None,
                }
            };
            if let Some(rx) = woken {
                let _ = rx.await;
                continue;
            }
            let now = shared.clock.now_ms();
            let at = {
                let mut state = lock(&shared.state);
                let Some(b) = state.buckets.get_mut(endpoint) else {
                    continue;
                };
                let at = b.pace.ready_at(now, &shared.caps);
                if at <= now {
                    b.queue.pop_front();
                    let serial = b.pace.take(now);
                    b.sent += 1;
                    b.wake_head();
                    place.done = true;
                    return Ok((serial, now));
                }
                if let Some(deadline) = shared.deadline.filter(|d| at > *d) {
                    let refused = DeadlinePassed {
                        endpoint: Some(endpoint.to_owned()),
                        after_ms: at - deadline,
                    };
                    state.deadline_passed = Some(refused.clone());
                    return Err(refused);
                }
                at
            };
            shared.clock.sleep(at - now).await;
        }
    }
}

impl Pacer for Scheduler {
    fn send<'a>(
        &'a self,
        attempt: Attempt<'a>,
    ) -> PaceFuture<'a, Result<Sent, openai_admin::Error>> {
        Box::pin(async move {
            let endpoint = attempt.endpoint();
            self.paced(
                &endpoint,
                || attempt.send(),
                |sent: &Sent| {
                    Some((
                        sent.status()?,
                        sent.retry_after_ms().map(str::to_owned),
                        sent.retry_after().map(str::to_owned),
                    ))
                },
            )
            .await
            .map_err(|_| openai_admin::Error::Timeout)
        })
    }
}
