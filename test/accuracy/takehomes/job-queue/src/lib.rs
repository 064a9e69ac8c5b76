//! A small thread-pool job queue with graceful shutdown and statistics.

pub mod pool;
pub mod stats;

pub use pool::{Job, Pool};
pub use stats::Stats;
