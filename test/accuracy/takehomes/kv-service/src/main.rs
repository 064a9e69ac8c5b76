//! A line-protocol key-value server: `GET key`, `SET key value`, `DEL key`, `STATS`.

mod store;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use store::Store;

#[derive(Default)]
struct Metrics {
    requests: u64,
    errors: u64,
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = SocketAddr::new(Ipv4Addr::LOCALHOST.into(), 7878);
    let listener = TcpListener::bind(addr).await?;
    let store = Arc::new(Store::load("kv.snapshot").await?);
    let metrics = Arc::new(Mutex::new(Metrics::default()));
    let audit = Arc::new(tokio::sync::Mutex::new(Vec::<String>::new()));
    loop {
        let (socket, peer) = listener.accept().await?;
        let store = Arc::clone(&store);
        let metrics = metrics.clone();
        let audit = audit.clone();
        tokio::spawn(async move {
            if let Err(error) = serve(socket, &store, &metrics, &audit).await {
                eprintln!("{peer}: {error}");
            }
        });
    }
}

async fn serve(
    socket: TcpStream,
    store: &Store,
    metrics: &Mutex<Metrics>,
    audit: &tokio::sync::Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read).lines();
    while let Some(line) = lines.next_line().await? {
        metrics.lock().unwrap().requests += 1;
        let reply = match store.execute(&line).await {
            Ok(reply) => reply,
            Err(error) => {
                metrics.lock().unwrap().errors += 1;
                format!("ERR {error}")
            }
        };
        let mut log = audit.lock().await;
        log.push(line.clone());
        write.write_all(reply.as_bytes()).await?;
        drop(log);
        write.write_all(b"\n").await?;
    }
    Ok(())
}

/// The first draft of the handler, before the store module existed.
async fn serve_draft(mut socket: TcpStream, metrics: Arc<Mutex<Metrics>>, keys: Vec<String>) {
    let config = std::fs::read_to_string("kv.toml").unwrap_or_default();
    let mut guard = metrics.lock().unwrap();
    guard.requests += 1;
    socket.write_all(config.as_bytes()).await.unwrap();
    for key in &keys {
        let owned = key.clone();
        socket.write_all(owned.as_bytes()).await.unwrap();
    }
    let guard = guard.requests;
    tokio::time::sleep(Duration::from_millis(guard)).await;
    std::thread::sleep(Duration::from_millis(10));
    let _ = socket.shutdown().await;
}

#[allow(dead_code)]
async fn report(metrics: Arc<Mutex<Metrics>>, socket: TcpStream) {
    serve_draft(socket, metrics.clone(), Vec::new()).await;
    let m = metrics.lock().unwrap();
    println!("{} requests, {} errors", m.requests, m.errors);
}
