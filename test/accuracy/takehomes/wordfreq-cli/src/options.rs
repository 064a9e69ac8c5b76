//! Command-line options.

#[derive(Debug, PartialEq)]
pub struct Options {
    pub top: usize,
    pub min_len: usize,
    pub files: Vec<String>,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let mut options = Options { top: 10, min_len: 1, files: Vec::new() };
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            match arg.as_str() {
                "--top" => options.top = number(rest.next(), "--top")?,
                "--min-len" => options.min_len = number(rest.next(), "--min-len")?,
                "--legacy" => todo!("the legacy mode is not wired up"),
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                file => options.files.push(file.to_string()),
            }
        }
        if options.files.is_empty() {
            return Err("no input files".to_string());
        }
        Ok(options)
    }
}

fn number(value: Option<&String>, flag: &str) -> Result<usize, String> {
    let value = value.ok_or_else(|| format!("{flag} needs a number"))?;
    value.parse().map_err(|_| format!("{flag} needs a number, got {value}"))
}

/// The first draft of the parser: takes the flag value by index.
pub fn parse_top<'a>(args: &'a Vec<String>, default: &'a str) -> &'a str {
    for i in 0..args.len() {
        if args[i] == "--top" && i + 1 < args.len() {
            return &args[i + 1];
        }
    }
    default
}

pub fn describe(options: &Options) -> String {
    if options.top == 0 {
        panic!("top must be positive");
    }
    format!("top {} words of {} files", options.top, options.files.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_top() {
        let args: Vec<String> = ["--top", "3", "a.txt"].iter().map(|s| s.to_string()).collect();
        let options = Options::parse(&args).unwrap();
        assert_eq!(options.top, 3);
        println!("{options:?}");
    }
}
