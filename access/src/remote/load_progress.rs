//! A load's progress: per kind of read, done and total, with its endpoint's pace and ETA, told
//! to [`LoadOptions::on_progress`](super::LoadOptions::on_progress) after each read.

use super::load::{Run, KINDS};
use super::EndpointProgress;

/// Called with the load's progress after each read, and as each phase starts and ends.
///
/// ```
/// let callback: std::sync::Arc<openai_admin_access::remote::ProgressCallback> =
///     std::sync::Arc::new(|p| eprintln!("{:?}", p.phase));
/// # let _ = callback;
/// ```
pub type ProgressCallback = dyn Fn(&LoadProgress) + Send + Sync;

/// Where a load is.
///
/// ```
/// # fn show(p: &openai_admin_access::remote::LoadProgress) {
/// use openai_admin_access::remote::LoadPhase;
/// if p.phase == LoadPhase::Done {
///     println!("loaded");
/// }
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadPhase {
    /// Reading the users, groups, roles and projects lists.
    Lists,
    /// Reading each group's members and roles, each user's roles, and each active project's
    /// members, groups, roles and groups' project roles (or, in
    /// [`load_project_user_roles`](super::load_project_user_roles), its members' own roles).
    Entities,
    /// Finished.
    Done,
}

/// One kind of read: an operation of the table and its endpoint.
///
/// ```
/// # fn show(read: &openai_admin_access::remote::ReadProgress) {
/// let left = read.eta_ms.map_or(String::from("not limited"), |ms| format!("about {:.0} s left", ms / 1000.0));
/// println!("{} {}/{} · {left}", read.operation, read.done, read.total);
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ReadProgress {
    /// `users.roles.list`.
    pub operation: &'static str,
    /// Reads done (a list read to its last page is one).
    pub done: u64,
    /// Reads known so far.
    pub total: u64,
    /// The time the rest takes at the endpoint's learned pace, in ms; `None` while it is not
    /// limited.
    pub eta_ms: Option<f64>,
    /// Its endpoint: requests sent, 429s, the learned rate, the wait.
    pub endpoint: EndpointProgress,
}

/// A load's progress ([`LoadOptions::on_progress`](super::LoadOptions::on_progress); an
/// example at [`load`](super::load)).
///
/// ```
/// # fn show(p: &openai_admin_access::remote::LoadProgress) {
/// let waiting: Vec<_> = p.reads.iter().filter(|r| r.endpoint.waiting_ms > 0.0).collect();
/// # let _ = waiting;
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LoadProgress {
    /// Where it is.
    pub phase: LoadPhase,
    /// Per kind of read, in the package's order: the four lists (users, groups, roles,
    /// projects), then groups' members, groups' roles, users' roles, projects' members, groups
    /// and roles, groups' project roles and members' own project roles.
    pub reads: Vec<ReadProgress>,
}

impl Run {
    pub(super) fn report(&self) {
        let Some(callback) = &self.on_progress else {
            return;
        };
        let (done, total, phase) = *self.counts.lock().unwrap_or_else(|p| p.into_inner());
        let paces = self.scheduler.progress();
        let reads = KINDS
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let endpoint = openai_admin_wasm::ops::find(name)
                    .map(openai_admin_wasm::pace::endpoint)
                    .unwrap_or_default();
                let pace = paces.iter().find(|p| p.endpoint == endpoint).cloned();
                ReadProgress {
                    operation: name,
                    done: done[i],
                    total: total[i],
                    eta_ms: self
                        .scheduler
                        .eta_ms(&endpoint, total[i].saturating_sub(done[i])),
                    endpoint: pace.unwrap_or(EndpointProgress {
                        endpoint,
                        sent: 0,
                        ok: 0,
                        rate_limited: 0,
                        per_minute: None,
                        waiting_ms: 0.0,
                        wait_reason: None,
                        asked_ms: None,
                    }),
                }
            })
            .collect();
        callback(&LoadProgress { phase, reads });
    }
}
