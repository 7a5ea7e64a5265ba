//! CSV input for `ethos grade`: each row becomes the JSON line it stands
//! for, so one grader serves both formats.
//!
//! The csv crate parses; [`QuoteWatch`] follows the same quoting over the
//! raw bytes to catch what the crate quietly accepts: a quote that is never
//! closed (by CSV's rules every later line is then part of that one field),
//! a quoted field that runs past a later row's quote, and a row of any
//! length. Each is reported once, on the line where its row starts, and
//! reading starts again on the line after the quote opened, so the rows
//! after it are still graded.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Cursor, Read};

use crossbeam_channel::{Receiver, Sender};
use csv::ByteRecord;

use super::{BATCH_BYTES, Batch, Error, Numbers, Options};
use crate::words::tool::{Column as Unknown, HeaderProblem, LineProblem};

/// Read CSV `input` into batches of JSON lines sent to `work`, one per
/// token taken from `tokens`, until the input ends or the writer stops.
pub fn read(
    input: Box<dyn Read + Send>,
    work: &Sender<Batch>,
    tokens: &Receiver<()>,
    options: Options,
) -> Result<(), Error> {
    let mut rows = Rows::new(input, options.max_line_bytes);
    let columns = match rows.next().map_err(Error::Read)? {
        None => return Ok(()), // no header, no rows
        Some(Row::Broken { why, .. }) => return Err(Error::BadHeader(HeaderProblem::Row(why))),
        Some(Row::Record { record, .. }) => columns(&record, options.ignore_columns)?,
    };
    let mut seq = 0;
    let mut read_total = 0;
    loop {
        if tokens.recv().is_err() {
            return Ok(()); // the writer stopped
        }
        let mut data = Vec::with_capacity(BATCH_BYTES + 4096);
        let mut numbers = Vec::new();
        let mut refused = Vec::new();
        let mut eof = false;
        while data.len() < BATCH_BYTES {
            let Some(row) = rows.next().map_err(Error::Read)? else {
                eof = true;
                break;
            };
            let json = match row {
                Row::Record { record, line } => {
                    numbers.push(line);
                    read_total = record.position().map_or(read_total, csv::Position::byte);
                    row_as_json(&columns, &record)
                }
                Row::Broken { line, why } => {
                    numbers.push(line);
                    Err(why)
                }
            };
            match json {
                Ok(json) => {
                    serde_json::to_writer(&mut data, &json).expect("plain data serialises");
                }
                Err(why) => refused.push((numbers.len() - 1, why)),
            }
            data.push(b'\n');
        }
        if !numbers.is_empty() {
            let batch = Batch {
                seq,
                data,
                numbers: Numbers::Each(numbers),
                refused,
                read: read_total,
            };
            if work.send(batch).is_err() {
                return Ok(()); // the workers stopped
            }
            seq += 1;
        }
        if eof {
            return Ok(());
        }
    }
}

/// What a CSV column holds.
#[derive(Debug, PartialEq)]
enum Column {
    /// `id`, `step`, `text`, `role` or `escalate`, as the line's field of that name.
    Field(&'static str),
    /// `ID=AMOUNT;ID=AMOUNT`.
    Actions,
    /// A context key (`customer.name`, `facts.KEY`, …).
    Context(String),
    /// Not known, and `--ignore-columns` says to skip it.
    Ignored,
}

/// Read the header; columns ethos does not know are an error naming them,
/// before any row is graded, unless `ignore` (a column name mistyped would
/// otherwise fail every row, or be silently dropped).
fn columns(header: &ByteRecord, ignore: bool) -> Result<Vec<(String, Column)>, Error> {
    let mut columns = Vec::new();
    let mut unknown = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let Ok(name) = std::str::from_utf8(name) else {
            return Err(Error::BadHeader(HeaderProblem::NameNotUtf8 {
                column: i + 1,
            }));
        };
        // A spreadsheet's UTF-8 byte order mark is not part of the first name.
        let name = name.trim_start_matches('\u{feff}').trim();
        let column = match name {
            "id" => Column::Field("id"),
            "step" => Column::Field("step"),
            "text" => Column::Field("text"),
            "role" => Column::Field("role"),
            "escalate" => Column::Field("escalate"),
            "actions" => Column::Actions,
            "customer.name" | "customer.mood" | "customer.tier" | "contacts" | "waiting"
            | "message" => Column::Context(name.to_owned()),
            _ if name.strip_prefix("facts.").is_some_and(|f| !f.is_empty()) => {
                Column::Context(name.to_owned())
            }
            _ if ignore => Column::Ignored,
            "" => {
                unknown.push(Unknown::Unnamed(i + 1));
                Column::Ignored
            }
            _ => {
                unknown.push(Unknown::Named(name.to_owned()));
                Column::Ignored
            }
        };
        if column != Column::Ignored && columns.iter().any(|(n, _)| n == name) {
            return Err(Error::BadHeader(HeaderProblem::Twice {
                name: name.to_owned(),
            }));
        }
        columns.push((name.to_owned(), column));
    }
    if !unknown.is_empty() {
        return Err(Error::UnknownColumns(unknown));
    }
    for needed in ["step", "text"] {
        if !columns.iter().any(|(n, _)| n == needed) {
            return Err(Error::BadHeader(HeaderProblem::Missing { column: needed }));
        }
    }
    Ok(columns)
}

/// A CSV row as a graded line: `id`, `step`, `text`, `role`, `escalate` as they
/// are; `actions` as `ID=AMOUNT;ID=AMOUNT`; context keys in `context`.
fn row_as_json(
    columns: &[(String, Column)],
    record: &ByteRecord,
) -> Result<serde_json::Value, LineProblem> {
    if record.len() != columns.len() {
        return Err(LineProblem::FieldCount {
            fields: record.len(),
            columns: columns.len(),
        });
    }
    let mut line = serde_json::Map::new();
    let mut context = serde_json::Map::new();
    for ((name, column), cell) in columns.iter().zip(record.iter()) {
        if cell.is_empty() || *column == Column::Ignored {
            continue;
        }
        let Ok(cell) = std::str::from_utf8(cell) else {
            return Err(LineProblem::CellNotUtf8 {
                column: name.clone(),
            });
        };
        match column {
            Column::Field(key) => {
                line.insert((*key).to_owned(), cell.into());
            }
            Column::Actions => {
                line.insert("actions".into(), actions(cell)?.into());
            }
            Column::Context(key) => {
                context.insert(key.clone(), scalar(cell));
            }
            Column::Ignored => {}
        }
    }
    if !context.is_empty() {
        line.insert("context".into(), context.into());
    }
    Ok(line.into())
}

fn actions(cell: &str) -> Result<Vec<serde_json::Value>, LineProblem> {
    cell.split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| match a.split_once('=') {
            Some((id, amount)) => {
                let (id, amount) = (id.trim(), amount.trim());
                let value: f64 = amount.parse().map_err(|_| LineProblem::ActionAmount {
                    id: id.to_owned(),
                    amount: amount.to_owned(),
                })?;
                Ok(serde_json::json!({"id": id, "amount": value}))
            }
            None => Ok(serde_json::json!({ "id": a })),
        })
        .collect()
}

fn scalar(cell: &str) -> serde_json::Value {
    match cell {
        "true" => true.into(),
        "false" => false.into(),
        _ => cell
            .parse::<i64>()
            .map(Into::into)
            .ok()
            .or_else(|| {
                cell.parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map(Into::into)
            })
            .unwrap_or_else(|| cell.into()),
    }
}

/// A row read, or one that cannot be.
enum Row {
    /// A record, starting on input line `line`.
    Record { record: ByteRecord, line: u64 },
    /// A row that is not a record (an unclosed quote, too long), starting on `line`.
    Broken { line: u64, why: LineProblem },
}

/// The rows of CSV input, started again after each problem [`QuoteWatch`] finds.
struct Rows {
    reader: csv::Reader<QuoteWatch>,
    /// The record after the current one: the record that ends where the
    /// watch cut the input is the broken one, known only once the next read
    /// finds nothing.
    ahead: Option<(ByteRecord, u64)>,
    max: usize,
}

impl Rows {
    fn new(input: Box<dyn Read + Send>, max: usize) -> Rows {
        Rows {
            reader: reader(QuoteWatch::new(input, max, 1)),
            ahead: None,
            max,
        }
    }

    fn next(&mut self) -> io::Result<Option<Row>> {
        loop {
            let current = match self.ahead.take() {
                Some(current) => current,
                None => match self.read_one()? {
                    Some(current) => current,
                    None => match self.restart()? {
                        Some(_) => continue, // a cut with no record before it
                        None => return Ok(None),
                    },
                },
            };
            self.ahead = self.read_one()?;
            if self.ahead.is_none()
                && let Some(why) = self.restart()?
            {
                return Ok(Some(Row::Broken {
                    line: current.1,
                    why,
                }));
            }
            let (record, line) = current;
            return Ok(Some(Row::Record { record, line }));
        }
    }

    fn read_one(&mut self) -> io::Result<Option<(ByteRecord, u64)>> {
        let mut record = ByteRecord::new();
        match self.reader.read_byte_record(&mut record) {
            Ok(true) => {
                // The csv crate does not count line ends inside quotes: the
                // watch's count is the one to trust.
                let byte = record.position().map_or(0, csv::Position::byte);
                let line = self.reader.get_mut().line_of(byte);
                Ok(Some((record, line)))
            }
            Ok(false) => Ok(None),
            // Byte records of any length raise nothing but I/O errors.
            Err(e) => Err(io::Error::other(e)),
        }
    }

    /// If the watch cut the input, read again from where it says; why it cut.
    fn restart(&mut self) -> io::Result<Option<LineProblem>> {
        let Some(cut) = self.reader.get_mut().cut.take() else {
            return Ok(None);
        };
        let rest = self.reader.get_mut().take_inner();
        let mut source = BufReader::new(Cursor::new(cut.kept).chain(rest));
        if cut.skip_line {
            skip_line(&mut source)?;
        }
        self.reader = reader(QuoteWatch::new(Box::new(source), self.max, cut.resume_line));
        Ok(Some(cut.why))
    }
}

/// Skip the rest of a line, its `\n` included.
fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(());
        }
        let (used, done) = match memchr::memchr(b'\n', buf) {
            Some(at) => (at + 1, true),
            None => (buf.len(), false),
        };
        input.consume(used);
        if done {
            return Ok(());
        }
    }
}

fn reader(watch: QuoteWatch) -> csv::Reader<QuoteWatch> {
    // Every row read as it is, the header too: the field count and UTF-8
    // are checked here so that each problem names its line and column.
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(watch)
}

/// Where [`QuoteWatch`] is in the CSV syntax (the csv crate's default
/// dialect: `,` between fields, `"` quotes, `""` a quote inside quotes).
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A `"` inside a quoted field: the end of it, or the first of `""`.
    QuoteInQuoted,
}

/// Where the watch cut the input, and how to go on.
struct Cut {
    why: LineProblem,
    /// Bytes read but not yet parsed, to read first when starting again.
    kept: Vec<u8>,
    /// Skip to the end of the current line before starting again.
    skip_line: bool,
    /// The input line that reading starts again on.
    resume_line: u64,
}

/// Passes CSV bytes through to the csv crate, following their quoting, and
/// ends the input early (a [`Cut`]) where a row cannot be read as written.
struct QuoteWatch {
    inner: Box<dyn Read + Send>,
    state: State,
    /// The line of the next byte.
    line: u64,
    /// Bytes of the current row so far.
    row_bytes: usize,
    /// The line where the current quoted field opened.
    open_line: u64,
    /// The open quoted field runs over a line end: a missing quote may have
    /// swallowed the rows after it.
    spans: bool,
    /// The bytes after that line end, to read again as rows if it did.
    kept: Vec<u8>,
    max: usize,
    cut: Option<Cut>,
    done: bool,
    /// Bytes passed on so far.
    pos: u64,
    /// The next byte starts a row (unless it ends a line).
    at_row_start: bool,
    /// (byte, line) where each row passed on but not yet asked about starts.
    starts: VecDeque<(u64, u64)>,
}

impl QuoteWatch {
    /// Watch `inner`, whose first byte is on input line `line`.
    fn new(inner: Box<dyn Read + Send>, max: usize, line: u64) -> QuoteWatch {
        QuoteWatch {
            inner,
            state: State::FieldStart,
            line,
            row_bytes: 0,
            open_line: 1,
            spans: false,
            kept: Vec::new(),
            max,
            cut: None,
            done: false,
            pos: 0,
            at_row_start: true,
            starts: VecDeque::new(),
        }
    }

    /// The line of the row that the csv crate says starts at `byte`: the
    /// first row starting there or after (the crate's record starts before
    /// the blank lines it skips).
    fn line_of(&mut self, byte: u64) -> u64 {
        while let Some(&(at, line)) = self.starts.front() {
            self.starts.pop_front();
            if at >= byte {
                return line;
            }
        }
        self.line
    }

    fn take_inner(&mut self) -> Box<dyn Read + Send> {
        std::mem::replace(&mut self.inner, Box::new(io::empty()))
    }

    fn unclosed(&self) -> LineProblem {
        LineProblem::UnclosedQuote {
            line: self.open_line,
        }
    }

    /// Cut the input before `rest`, to start again on the line after the
    /// open quote (the rows a missing quote swallowed are read again).
    fn cut_after_quote(&mut self, why: LineProblem, rest: &[u8]) {
        let mut kept = std::mem::take(&mut self.kept);
        kept.extend_from_slice(rest);
        self.cut = Some(Cut {
            why,
            kept,
            skip_line: false,
            resume_line: self.open_line + 1,
        });
        self.done = true;
    }
}

impl Read for QuoteWatch {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.done {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        if n == 0 {
            if self.state == State::Quoted {
                let why = self.unclosed();
                if self.spans {
                    self.cut_after_quote(why, &[]);
                } else {
                    self.cut = Some(Cut {
                        why,
                        kept: Vec::new(),
                        skip_line: false,
                        resume_line: self.line,
                    });
                }
            }
            self.done = true;
            return Ok(0);
        }
        let mut i = 0;
        while i < n {
            // Inside a field only a few bytes change anything: jump to the
            // next one (most bytes of a reply are text), unless the row
            // would pass the limit on the way.
            let next = match self.state {
                State::Unquoted => memchr::memchr3(b',', b'\n', b'\r', &buf[i..n]),
                State::Quoted => memchr::memchr2(b'"', b'\n', &buf[i..n]),
                State::FieldStart | State::QuoteInQuoted => Some(0),
            }
            .unwrap_or(n - i);
            if next > 0 && self.row_bytes + next <= self.max {
                self.row_bytes += next;
                if self.spans && self.state == State::Quoted {
                    self.kept.extend_from_slice(&buf[i..i + next]);
                }
                i += next;
                continue;
            }
            let b = buf[i];
            let ends_row = matches!(b, b'\n' | b'\r') && self.state != State::Quoted;
            if ends_row {
                self.row_bytes = 0;
            } else {
                self.row_bytes += 1;
                if self.row_bytes > self.max {
                    let quoted = matches!(self.state, State::Quoted | State::QuoteInQuoted);
                    if quoted && self.spans {
                        let why = LineProblem::QuotedTooLong {
                            line: self.open_line,
                            max: self.max,
                        };
                        self.cut_after_quote(why, &buf[i..n]);
                    } else {
                        self.cut = Some(Cut {
                            why: LineProblem::RowTooLong { max: self.max },
                            kept: buf[i..n].to_vec(),
                            skip_line: true,
                            resume_line: self.line + 1,
                        });
                        self.done = true;
                    }
                    self.pos += i as u64;
                    return Ok(i);
                }
            }
            if self.at_row_start && !ends_row {
                self.starts.push_back((self.pos + i as u64, self.line));
                self.at_row_start = false;
            }
            if ends_row {
                self.at_row_start = true;
            }
            let was_spanning = self.spans;
            self.state = match (self.state, b) {
                (State::FieldStart, b'"') => {
                    self.open_line = self.line;
                    self.spans = false;
                    self.kept.clear();
                    State::Quoted
                }
                (
                    State::FieldStart | State::Unquoted | State::QuoteInQuoted,
                    b',' | b'\n' | b'\r',
                ) => State::FieldStart,
                (State::Quoted, b'"') => State::QuoteInQuoted,
                (State::Quoted, b'\n') => {
                    self.spans = true;
                    State::Quoted
                }
                (State::Quoted, _) | (State::QuoteInQuoted, b'"') => State::Quoted,
                // Text after the closing quote of a field that ran over a
                // line end: the quote was most likely an opening quote of a
                // later row, and the rows between were swallowed.
                (State::QuoteInQuoted, _) if self.spans => {
                    let why = self.unclosed();
                    self.cut_after_quote(why, &buf[i..n]);
                    self.pos += i as u64;
                    return Ok(i);
                }
                // `"a"b` on one line: the csv crate reads `ab`, as most tools do.
                (State::FieldStart | State::Unquoted | State::QuoteInQuoted, _) => State::Unquoted,
            };
            if was_spanning && matches!(self.state, State::Quoted | State::QuoteInQuoted) {
                self.kept.push(b);
            }
            if b == b'\n' {
                self.line += 1;
            }
            i += 1;
        }
        self.pos += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str, max: usize) -> Vec<(u64, LineProblem)> {
        let mut rows = Rows::new(Box::new(Cursor::new(text.as_bytes().to_vec())), max);
        let mut out = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            if let Row::Broken { line, why } = row {
                out.push((line, why));
            }
        }
        out
    }

    /// The rows, a broken one as its English words.
    fn rows(text: &str, max: usize) -> Vec<(u64, Result<Vec<String>, String>)> {
        let mut rows = Rows::new(Box::new(Cursor::new(text.as_bytes().to_vec())), max);
        let mut out = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            out.push(match row {
                Row::Record { record, line } => (
                    line,
                    Ok(record
                        .iter()
                        .map(|f| String::from_utf8_lossy(f).into_owned())
                        .collect()),
                ),
                Row::Broken { line, why } => (line, Err(crate::words::tool::english(&why))),
            });
        }
        out
    }

    fn fields(row: &(u64, Result<Vec<String>, String>)) -> (u64, Vec<&str>) {
        match &row.1 {
            Ok(f) => (row.0, f.iter().map(String::as_str).collect()),
            Err(why) => (row.0, vec![why.as_str()]),
        }
    }

    #[test]
    fn good_csv_reads_as_the_csv_crate_reads_it() {
        let text = "a,b\n1,\"x, \"\"y\"\"\nz\"\n\n2,\"w\"v\r\n3,4";
        let got = rows(text, 1000);
        let got: Vec<_> = got.iter().map(fields).collect();
        assert_eq!(
            got,
            vec![
                (1, vec!["a", "b"]),
                (2, vec!["1", "x, \"y\"\nz"]),
                (5, vec!["2", "wv"]),
                (6, vec!["3", "4"]),
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_at_the_end_is_one_broken_row_and_the_rows_after_it_are_read() {
        let got = rows("h\n1,\"open\n2,b\n3,c\n", 1000);
        assert_eq!(got[0].1, Ok(vec!["h".to_owned()]));
        assert_eq!(got[1].0, 2);
        assert!(got[1].1.as_ref().unwrap_err().contains("line 2"), "{got:?}");
        assert_eq!(
            problems("h\n1,\"open\n2,b\n3,c\n", 1000),
            [(2, LineProblem::UnclosedQuote { line: 2 })]
        );
        let rest: Vec<_> = got[2..].iter().map(fields).collect();
        assert_eq!(rest, vec![(3, vec!["2", "b"]), (4, vec!["3", "c"])]);
    }

    #[test]
    fn a_quote_that_swallows_rows_up_to_a_later_quote_is_caught() {
        let got = rows("h\n1,\"open\n2,\"quoted\" here\n3,c\n", 1000);
        assert!(got[1].1.is_err(), "{got:?}");
        let rest: Vec<_> = got[2..].iter().map(fields).collect();
        assert_eq!(
            rest,
            vec![(3, vec!["2", "quoted here"]), (4, vec!["3", "c"])]
        );
    }

    #[test]
    fn a_row_over_the_limit_is_refused_and_the_next_one_read() {
        let long = "x".repeat(50);
        let got = rows(&format!("h\n1,{long}\n2,b\n1,\"{long}\"\n3,c\n"), 20);
        let got: Vec<_> = got.iter().map(fields).collect();
        assert_eq!(got[0], (1, vec!["h"]));
        assert_eq!(got[1].0, 2);
        assert!(got[1].1[0].contains("--max-line-bytes"), "{got:?}");
        assert_eq!(got[2], (3, vec!["2", "b"]));
        assert_eq!(got[3].0, 4);
        assert!(got[3].1[0].contains("--max-line-bytes"), "{got:?}");
        assert_eq!(got[4], (5, vec!["3", "c"]));
        assert_eq!(got.len(), 5);
        let text = format!("h\n1,{long}\n2,b\n1,\"{long}\"\n3,c\n");
        assert_eq!(
            problems(&text, 20),
            [
                (2, LineProblem::RowTooLong { max: 20 }),
                (4, LineProblem::RowTooLong { max: 20 })
            ]
        );
    }
}
