//! A zero-copy INI parser: sections and keys borrow from the input text.

use std::collections::HashMap;
use std::fmt;

#[derive(Debug, PartialEq)]
pub enum ParseError {
    UnclosedSection { line: usize },
    MissingEquals { line: usize },
    DuplicateKey { line: usize, key: String },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::UnclosedSection { line } => write!(f, "line {line}: unclosed section header"),
            ParseError::MissingEquals { line } => write!(f, "line {line}: expected key = value"),
            ParseError::DuplicateKey { line, key } => write!(f, "line {line}: duplicate key {key}"),
        }
    }
}

impl std::error::Error for ParseError {}

/// One `[section]` and its entries, borrowed from the text.
#[derive(Debug, Default)]
pub struct Section<'a> {
    pub name: &'a str,
    pub entries: HashMap<&'a str, &'a str>,
}

impl<'a> Section<'a> {
    pub fn get(&self, key: &str) -> Option<&'a str> {
        self.entries.get(key).copied()
    }
}

#[derive(Debug, Default)]
pub struct Document<'a> {
    pub sections: Vec<Section<'a>>,
}

impl<'a> Document<'a> {
    pub fn section(&self, name: &str) -> Option<&Section<'a>> {
        self.sections.iter().find(|s| s.name == name)
    }

    pub fn get(&self, section: &str, key: &str) -> Option<&'a str> {
        self.section(section)?.get(key)
    }
}

pub struct Parser<'a> {
    text: &'a str,
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str) -> Parser<'a> {
        Parser { text }
    }

    pub fn parse(&self) -> Result<Document<'a>, ParseError> {
        let mut document = Document { sections: vec![Section::default()] };
        for (index, raw) in self.text.lines().enumerate() {
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            if let Some(header) = line.strip_prefix('[') {
                let name = header.strip_suffix(']').ok_or(ParseError::UnclosedSection { line: index + 1 })?;
                document.sections.push(Section { name: name.trim(), entries: HashMap::new() });
                continue;
            }
            let (key, value) = line.split_once('=').ok_or(ParseError::MissingEquals { line: index + 1 })?;
            let section = document.sections.last_mut().expect("the unnamed section is always there");
            if section.entries.insert(key.trim(), value.trim()).is_some() {
                return Err(ParseError::DuplicateKey { line: index + 1, key: key.trim().to_string() });
            }
        }
        Ok(document)
    }
}

fn strip_comment(line: &str) -> &str {
    match line.find([';', '#']) {
        Some(at) => &line[..at],
        None => line,
    }
}

/// Picks the longer of two values, both borrowed from the document.
pub fn longer<'a>(a: &'a str, b: &'a str) -> &'a str {
    if a.len() >= b.len() {
        a
    } else {
        b
    }
}

// The first draft's helpers, before the parser above.

pub fn first_key<'a>(section: &'a Section) -> Option<&'a str> {
    section.entries.keys().next().copied()
}

pub fn trim_value<'a>(value: &'a str) -> &'a str {
    value.trim_matches('"')
}

pub fn names<'a, 'b>(document: &'a Document<'b>) -> Vec<&'a str> {
    document.sections.iter().map(|s| s.name).collect()
}

pub fn count_keys(sections: &Vec<Section>) -> usize {
    let mut total = 0;
    for i in 0..sections.len() {
        total += sections[i].entries.len();
    }
    total
}

pub fn join_names(names: &Vec<&str>, separator: &String) -> String {
    let mut out = String::new();
    for i in 0..names.len() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(names[i]);
    }
    out
}

pub fn bool_value(document: &Document, section: &str, key: &str) -> bool {
    match document.get(section, key).unwrap() {
        "true" | "yes" | "1" => true,
        "false" | "no" | "0" => false,
        other => panic!("not a boolean: {other}"),
    }
}

pub fn int_value(document: &Document, section: &str, key: &str) -> i64 {
    document.get(section, key).expect("key present").parse().unwrap()
}

pub fn describe(section: &Box<Section>) -> String {
    format!("[{}] with {} keys", section.name, section.entries.len())
}

pub fn shift(values: &mut [i64]) {
    for i in 1..values.len() {
        values[i - 1] = values[i];
    }
}

pub fn merge<'a>(into: &mut Document<'a>, from: Document<'a>) {
    for section in from.sections {
        for existing in into.sections.iter_mut() {
            if existing.name == section.name {
                unimplemented!("merging sections with the same name");
            }
        }
        into.sections.push(section);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_key() {
        let document = Parser::new("[a]\nx = 1\n").parse().unwrap();
        assert_eq!(document.get("a", "x"), Some("1"));
    }
}
