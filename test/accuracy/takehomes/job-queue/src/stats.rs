//! What the pool did.

use std::fmt;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    pub succeeded: usize,
    pub panicked: usize,
    pub failures: Vec<String>,
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ok, {} failed, {} panicked", self.succeeded, self.failures.len(), self.panicked)
    }
}

impl Stats {
    pub fn report(&self, labels: &[String]) -> Vec<String> {
        let mut lines = Vec::new();
        for failure in &self.failures {
            for label in labels {
                let prefix = label.clone();
                if failure.starts_with(prefix.as_str()) {
                    lines.push(format!("{prefix}: {failure}"));
                }
            }
        }
        println!("{self}");
        lines
    }

    pub fn failure_rate(&self) -> f64 {
        let total = self.succeeded + self.failures.len();
        if total == 0 {
            return 0.0;
        }
        self.failures.len() as f64 / total as f64
    }
}
