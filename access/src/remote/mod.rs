//! The access layer over the Rust client `openai-admin` (feature `client`): [`load`] reads the
//! organization into a [`Model`](crate::Model), [`apply`] carries out a [`Plan`](crate::plan::Plan),
//! both paced per endpoint by one [`Scheduler`] at the rate the API allows, as the npm package's
//! `loadOrganization` and `applyPlan` are.
//!
//! Every rule is the core's: the model, the planner and the `{ from }` resolution are this
//! crate's (`plan::resolve_operation`), the requests, answers and retries the `openai-admin-wasm`
//! core's, and the scheduler's decisions `openai_admin_wasm::pace`'s. Cancel a load or an apply
//! by dropping its future: every request in flight and every wait ends with it. [`load`] reads
//! the organization's users, groups, roles and projects (each active project's members, groups
//! with access, roles and groups' project roles); a project's members' own project roles, one
//! read per user and project, are read when asked, by [`load_project_user_roles`] (a project's
//! view) and [`load_user_project_roles`] (a person's).
//!
//! ```no_run
//! use openai_admin_access::{file, plan, remote};
//!
//! async fn sync_access(text: &str) -> Result<(), Box<dyn std::error::Error>> {
//!     let client = openai_admin::Client::new()?; // OPENAI_ADMIN_KEY
//!     let scheduler = remote::Scheduler::default();
//!     let options = remote::LoadOptions { scheduler: Some(scheduler.clone()), ..Default::default() };
//!     let model = remote::load(&client, options).await?;
//!     let wanted = file::read(text).map_err(|e| e.to_string())?; // line and column
//!     let plan = plan::plan(&model, &wanted, plan::PlanOptions::default());
//!     let options = remote::ApplyOptions { scheduler: Some(scheduler), ..Default::default() };
//!     for (op, done) in plan.operations.iter().zip(remote::apply(&client, &plan, options).await?) {
//!         println!("{}: {:?}", op.summary, done.status);
//!     }
//!     Ok(())
//! }
//! ```

mod apply;
mod load;
mod load_progress;
mod load_projects;
mod options;
mod scheduler;

use std::fmt;

pub use apply::{apply, Applied, ApplyCallback, ApplyOptions, ApplyProgress};
pub use load::{load, LoadOptions};
pub use load_progress::{LoadPhase, LoadProgress, ProgressCallback, ReadProgress};
pub use load_projects::{load_project_user_roles, load_user_project_roles};
pub use options::{
    Clock, DeadlinePassed, EndpointProgress, LearnedRate, SchedulerOptions, SystemClock,
};
pub use scheduler::Scheduler;

/// Why a load or an apply stopped.
///
/// ```
/// use openai_admin_access::remote::Error;
/// let error = Error::from(openai_admin::Error::Timeout);
/// assert!(matches!(error, Error::Client(openai_admin::Error::Timeout)));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// A call failed (after the client's retries; a 429 never does: it is waited out).
    Client(openai_admin::Error),
    /// A request would have had to wait past the deadline.
    Deadline(DeadlinePassed),
    /// An answer the access model could not read.
    Model(String),
    /// A plan that cannot be carried out as given (a dependency cycle).
    Plan(String),
    /// An option refused before anything was sent; `param` names it.
    InvalidArgument {
        /// The option, e.g. `concurrency`, `caps.backoff_cap_ms`.
        param: String,
        /// What is wrong with it, naming it.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Client(e) => write!(f, "{e}"),
            Error::Deadline(d) => match &d.endpoint {
                Some(endpoint) => write!(
                    f,
                    "{endpoint}: the API allows the next request {} s after the deadline",
                    (d.after_ms / 1000.0).ceil()
                ),
                None => write!(f, "the deadline passed with requests in flight"),
            },
            Error::Model(m) => write!(f, "an answer the access model cannot read: {m}"),
            Error::Plan(m) => write!(f, "the plan cannot be applied: {m}"),
            Error::InvalidArgument { message, .. } => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<openai_admin::Error> for Error {
    fn from(e: openai_admin::Error) -> Self {
        Error::Client(e)
    }
}

/// The error of a call made through `scheduler`: the deadline's refusal when the scheduler
/// refused a turn (the client reports it as a timeout), else the client's.
fn call_error(e: openai_admin::Error, scheduler: &Scheduler) -> Error {
    match (&e, scheduler.deadline_passed()) {
        (openai_admin::Error::Timeout, Some(d)) => Error::Deadline(d),
        _ => Error::Client(e),
    }
}
