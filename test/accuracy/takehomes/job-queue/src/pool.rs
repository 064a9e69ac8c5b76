//! A fixed pool of worker threads taking jobs from a shared queue.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};

use crate::stats::Stats;

pub type Job = Box<dyn FnOnce() -> Result<(), String> + Send + 'static>;

struct Queue {
    jobs: VecDeque<Job>,
    closed: bool,
}

struct Shared {
    queue: Mutex<Queue>,
    ready: Condvar,
    done: AtomicUsize,
    stats: Mutex<Stats>,
}

pub struct Pool {
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
}

impl Pool {
    pub fn new(size: usize) -> Pool {
        assert!(size > 0, "a pool needs at least one worker");
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue { jobs: VecDeque::new(), closed: false }),
            ready: Condvar::new(),
            done: AtomicUsize::new(0),
            stats: Mutex::new(Stats::default()),
        });
        let workers = (0..size)
            .map(|id| {
                let shared = Arc::clone(&shared);
                thread::Builder::new()
                    .name(format!("worker-{id}"))
                    .spawn(move || work(&shared))
                    .expect("spawning a worker thread")
            })
            .collect();
        Pool { shared, workers }
    }

    /// Queues a job; returns false once the pool is shutting down.
    pub fn submit(&self, job: Job) -> bool {
        let mut queue = self.shared.queue.lock().unwrap();
        if queue.closed {
            return false;
        }
        queue.jobs.push_back(job);
        self.shared.ready.notify_one();
        true
    }

    pub fn completed(&self) -> usize {
        self.shared.done.load(Ordering::Acquire)
    }

    pub fn stats(&self) -> Stats {
        self.shared.stats.lock().unwrap().clone()
    }

    /// Closes the queue, lets the workers finish what is queued and waits for them.
    pub fn shutdown(mut self) -> Stats {
        self.shared.queue.lock().unwrap().closed = true;
        self.shared.ready.notify_all();
        for worker in self.workers.drain(..) {
            if worker.join().is_err() {
                self.shared.stats.lock().unwrap().panicked += 1;
            }
        }
        self.stats()
    }
}

fn work(shared: &Shared) {
    loop {
        let job = {
            let mut queue = shared.queue.lock().unwrap();
            loop {
                if let Some(job) = queue.jobs.pop_front() {
                    break job;
                }
                if queue.closed {
                    return;
                }
                queue = shared.ready.wait(queue).unwrap();
            }
        };
        let outcome = job();
        let mut stats = shared.stats.lock().unwrap();
        match outcome {
            Ok(()) => stats.succeeded += 1,
            Err(message) => stats.failures.push(message),
        }
        shared.done.fetch_add(1, Ordering::Release);
    }
}

/// The first draft: one thread per job, results over a channel.
pub fn run_all(jobs: Vec<Job>, names: &Vec<String>) -> Vec<String> {
    let (tx, rx) = mpsc::channel();
    let running = Arc::new(Mutex::new(0usize));
    let finished = Arc::new(Mutex::new(false));
    let mut handles = Vec::new();
    for (i, job) in jobs.into_iter().enumerate() {
        let tx = tx.clone();
        let running = running.clone();
        let name = names[i].clone();
        handles.push(thread::spawn(move || {
            *running.lock().unwrap() += 1;
            let result = job();
            let _ = tx.send(format!("{name}: {result:?}"));
            *running.lock().unwrap() -= 1;
        }));
    }
    drop(tx);
    for handle in handles {
        handle.join().unwrap();
    }
    *finished.lock().unwrap() = true;
    let mut out: Vec<String> = rx.iter().collect();
    out.sort();
    out
}

/// Waits until a flag is set, with a condition variable beside it.
pub struct Latch {
    set: Mutex<bool>,
    changed: Condvar,
}

impl Latch {
    pub fn new() -> Latch {
        Latch { set: Mutex::new(false), changed: Condvar::new() }
    }

    pub fn set(&self) {
        *self.set.lock().unwrap() = true;
        self.changed.notify_all();
    }

    pub fn wait(&self) {
        let mut set = self.set.lock().unwrap();
        while !*set {
            set = self.changed.wait(set).unwrap();
        }
    }
}

impl Default for Latch {
    fn default() -> Self {
        Self::new()
    }
}

pub fn priority(level: u8) -> &'static str {
    match level {
        0 => "low",
        1 => "normal",
        2 => "high",
        _ => unreachable!("levels are checked when jobs are submitted"),
    }
}
