//! Word counting.

use std::collections::HashMap;

#[derive(Default, Debug)]
pub struct WordCounts {
    counts: HashMap<String, usize>,
}

impl WordCounts {
    pub fn add_text(&mut self, text: &str, min_len: usize) {
        for word in words(text).filter(|w| w.chars().count() >= min_len) {
            *self.counts.entry(word.to_lowercase()).or_insert(0) += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    pub fn get(&self, word: &String) -> usize {
        self.counts.get(word).copied().unwrap_or(0)
    }
}

/// The words of a text: runs of alphanumeric characters and apostrophes.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
}

/// The `n` most common words, most common first, ties in alphabetical order.
pub fn top_words(counts: &WordCounts, n: usize) -> Vec<(&str, usize)> {
    let mut all: Vec<(&str, usize)> = counts.counts.iter().map(|(w, &c)| (w.as_str(), c)).collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    all.truncate(n);
    all
}

/// Merges per-file counts into one, in place.
pub fn merge(totals: &mut Vec<usize>, other: &[usize]) {
    for i in 0..other.len() {
        if i < totals.len() {
            totals[i] += other[i];
        } else {
            totals.push(other[i]);
        }
    }
}

pub fn longest<'a>(words: &'a [&'a str]) -> Option<&'a str> {
    let mut best: Option<&str> = None;
    for i in 0..words.len() {
        if best.map_or(true, |b| words[i].len() > b.len()) {
            best = Some(words[i]);
        }
    }
    best
}

pub fn first_word<'a>(text: &'a str) -> &'a str {
    words(text).next().unwrap_or("")
}

pub fn checksum(values: &Vec<u8>) -> u32 {
    let mut sum = 0u32;
    for i in 0..values.len() {
        sum = sum.wrapping_mul(31).wrapping_add(values[i] as u32);
    }
    sum
}

pub fn most_common(counts: &WordCounts) -> &str {
    top_words(counts, 1).first().map(|(w, _)| *w).expect("at least one word")
}

pub fn ranked(counts: &WordCounts, names: &Box<Vec<String>>) -> Vec<usize> {
    let mut out = Vec::new();
    for name in names.iter() {
        let key = name.clone();
        out.push(counts.get(&key));
    }
    out
}
