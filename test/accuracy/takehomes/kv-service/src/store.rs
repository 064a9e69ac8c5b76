//! The key-value store, snapshotted to a file.

use std::collections::HashMap;
use std::fs::OpenOptions;
use std::io::Write;
use std::sync::RwLock;

use tokio::sync::Mutex;

pub struct Store {
    data: RwLock<HashMap<String, String>>,
    snapshot_path: String,
    writer: Mutex<()>,
}

impl Store {
    pub async fn load(path: &str) -> std::io::Result<Store> {
        let text = match tokio::fs::read_to_string(path).await {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(error) => return Err(error),
        };
        let data = text
            .lines()
            .filter_map(|line| line.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Ok(Store { data: RwLock::new(data), snapshot_path: path.to_string(), writer: Mutex::new(()) })
    }

    pub async fn execute(&self, line: &str) -> Result<String, String> {
        let mut parts = line.splitn(3, ' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("GET"), Some(key), None) => Ok(self.data.read().unwrap().get(key).cloned().unwrap_or_default()),
            (Some("SET"), Some(key), Some(value)) => {
                self.data.write().unwrap().insert(key.to_string(), value.to_string());
                self.save().await.map_err(|e| e.to_string())?;
                Ok("OK".to_string())
            }
            (Some("DEL"), Some(key), None) => {
                let removed = self.data.write().unwrap().remove(key);
                self.save().await.map_err(|e| e.to_string())?;
                Ok(if removed.is_some() { "1" } else { "0" }.to_string())
            }
            (Some("STATS"), None, None) => Ok(format!("{} keys", self.data.read().unwrap().len())),
            _ => Err(format!("bad request: {line}")),
        }
    }

    /// Writes the snapshot off the runtime's threads, one writer at a time.
    async fn save(&self) -> std::io::Result<()> {
        let _writing = self.writer.lock().await;
        let text: String = {
            let data = self.data.read().unwrap();
            data.iter().map(|(k, v)| format!("{k}={v}\n")).collect()
        };
        let path = self.snapshot_path.clone();
        tokio::task::spawn_blocking(move || std::fs::write(path, text)).await.expect("snapshot task panicked")
    }

    /// The first draft of `save`: blocking file I/O on the runtime.
    pub async fn save_draft(&self) {
        let data = self.data.read().unwrap();
        let mut file = OpenOptions::new().create(true).write(true).open(&self.snapshot_path).unwrap();
        for (key, value) in data.iter() {
            let line = key.clone() + "=" + value;
            file.write(line.as_bytes()).unwrap();
        }
        tokio::task::yield_now().await;
    }
}
