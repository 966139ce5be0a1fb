//! Shared server state: the store, the fault rules and the request log.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::config::Config;
use crate::faults::FaultRule;
use crate::reqlog::LoggedRequest;
use crate::seed;
use crate::store::Store;
use crate::traffic::Traffic;

/// How many requests the log keeps.
pub const LOG_CAPACITY: usize = 1000;

/// Everything the handlers share.
pub struct AppState {
    /// The command line configuration.
    pub config: Config,
    store: RwLock<Store>,
    faults: Mutex<Vec<FaultRule>>,
    log: Mutex<VecDeque<LoggedRequest>>,
    traffic: Mutex<Traffic>,
    counter: AtomicU64,
}

/// The state handle given to axum.
pub type Shared = Arc<AppState>;

impl AppState {
    /// Builds the state and seeds the store as the configuration says.
    pub fn new(config: Config) -> Self {
        let store = seed::build(&config);
        Self {
            config,
            store: RwLock::new(store),
            faults: Mutex::new(Vec::new()),
            log: Mutex::new(VecDeque::new()),
            traffic: Mutex::new(Traffic::default()),
            counter: AtomicU64::new(0),
        }
    }

    /// Read access to the store. A poisoned lock is still usable: writers never leave it torn.
    pub fn read(&self) -> RwLockReadGuard<'_, Store> {
        self.store.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Write access to the store.
    pub fn write(&self) -> RwLockWriteGuard<'_, Store> {
        self.store.write().unwrap_or_else(|e| e.into_inner())
    }

    /// The fault rules.
    pub fn faults(&self) -> MutexGuard<'_, Vec<FaultRule>> {
        self.faults.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The request log, oldest first.
    pub fn log(&self) -> MutexGuard<'_, VecDeque<LoggedRequest>> {
        self.log.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The limiter and traffic figures.
    pub fn traffic(&self) -> MutexGuard<'_, Traffic> {
        self.traffic.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Appends to the request log, dropping the oldest entry when full.
    pub fn record(&self, entry: LoggedRequest) {
        let mut log = self.log();
        if log.len() >= LOG_CAPACITY {
            log.pop_front();
        }
        log.push_back(entry);
    }

    /// A fresh `x-request-id`: `req_` and 32 hex digits of a counter.
    pub fn next_request_id(&self) -> String {
        let n = self.counter.fetch_add(1, Ordering::Relaxed) + 1;
        format!("req_{n:032x}")
    }

    /// Reseeds the store as at start, and clears faults, the request log and the traffic figures.
    pub fn reset(&self) {
        let fresh = seed::build(&self.config);
        *self.write() = fresh;
        self.faults().clear();
        self.log().clear();
        *self.traffic() = Traffic::default();
    }
}
