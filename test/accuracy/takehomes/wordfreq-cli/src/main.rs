//! Counts word frequencies in text files and prints the most common words.
//!
//! Usage: wordfreq [--top N] [--min-len N] FILE...

mod count;
mod options;

use std::io::{self, Read, Write};
use std::process;

use count::{top_words, WordCounts};
use options::Options;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match Options::parse(&args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("wordfreq: {message}");
            process::exit(2);
        }
    };
    if let Err(error) = run(&options) {
        eprintln!("wordfreq: {error}");
        process::exit(1);
    }
}

fn run(options: &Options) -> io::Result<()> {
    let mut counts = WordCounts::default();
    for path in &options.files {
        let text = read_file(path)?;
        counts.add_text(&text, options.min_len);
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for (word, n) in top_words(&counts, options.top) {
        writeln!(out, "{n:>8} {word}")?;
    }
    Ok(())
}

/// Reads a whole file; "-" reads standard input.
fn read_file(path: &str) -> io::Result<String> {
    if path == "-" {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text)?;
        return Ok(text);
    }
    std::fs::read_to_string(path)
}

/// The careless first draft, kept behind a flag "for comparison".
pub fn legacy_run(files: &Vec<String>) {
    let mut counts = WordCounts::default();
    for i in 0..files.len() {
        let mut file = std::fs::File::open(&files[i]).unwrap();
        let mut buf = [0u8; 4096];
        let n = file.read(&mut buf).expect("read failed");
        let text = String::from_utf8(buf[..n].to_vec()).unwrap();
        counts.add_text(&text, 1);
    }
    let mut log = std::fs::File::create("wordfreq.log").unwrap();
    log.write(b"done\n").unwrap();
    let _ = log.flush();
    for (word, n) in top_words(&counts, 10) {
        println!("{} {}", n, word);
    }
    if counts.is_empty() {
        eprintln!("no words");
        std::process::exit(3);
    }
}
