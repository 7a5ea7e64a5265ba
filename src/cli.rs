//! The command line: clap types whose doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::playbook::Date;
use crate::report::Format;
use crate::words::Words;
use crate::words::tool::Message;

/// Turn a customer-service philosophy into a playbook you can check, drill, grade and print.
#[derive(Debug, Parser)]
#[command(
    name = "ethos",
    version,
    about,
    propagate_version = true,
    max_term_width = 100
)]
#[command(after_help = "\
Examples:
  ethos drill                                  # practise a scenario of the default playbook
  ethos list                                   # the bundled playbooks
  ethos init --from ritz-carlton               # start your own from one of them
  ethos check --deny warnings playbooks/       # what CI runs
  ethos validate --step welcome \"Hello Claire, let me help.\"
  ethos grade --playbook hotel-a --summary replies.jsonl
  ethos render --format html --out handbook/")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint playbooks: contradictions, dangling ids, scenarios with no ending
    #[command(after_help = "\
Examples:
  ethos check                              # ./playbooks, else the *.yaml files here
  ethos check playbooks/hotel.yaml
  ethos check --bundled                    # the playbooks built into ethos
  ethos check --deny warnings playbooks/   # what CI runs
  ethos check --format sarif > ethos.sarif # for GitHub code scanning
  ethos check --today 2027-06-01           # would the review date have passed?

Exit codes: 0 clean, 1 errors found (or warnings with --deny warnings), 2 a path could not be
read (a missing path, a directory without playbooks, or no playbook here when no path is given).")]
    Check(CheckArgs),

    /// Judge one proposed reply, and what it does, against a playbook
    #[command(after_help = "\
Examples:
  ethos validate --step welcome \"Oh no, Dana, let me bring fresh towels right away.\"
  ethos validate --scenario coffee-gate --beat spill \"Are you willing to pay for this coffee?\"
  ethos validate --step resolve --set message=\"I cut my hand\" --action refund=80 \"Sorry!\"
  echo \"Hello Dana\" | ethos validate --playbook playbooks/hotel.yaml --step welcome - --format json

Exit codes: 0 the reply passes, 1 it fails, 2 bad input (unknown step, role, action or --set key).")]
    Validate(ValidateArgs),

    /// Practise a scenario: reply as you would, get feedback on every answer
    #[command(after_help = "\
Examples:
  ethos drill                                   # pick a scenario of the default playbook
  ethos drill ritz-carlton --scenario lost-ring
  ethos drill --exam --record drills/           # feedback at the end; exit 1 below the pass mark
  ethos drill --scenario coffee-gate --answers answers.txt   # one answer a line, no terminal needed

In scripted mode (--answers, or standard input that is not a terminal) each line is one
answer: a free reply as it is, a decision as the choice's number or action id; without
--scenario the first line picks the scenario by number.")]
    Drill(DrillArgs),

    /// Recorded drills per trainee, scenario and mode: attempts, finished, best and last score, passed
    #[command(after_help = "\
Examples:
  ethos report drills/
  ethos report drills/ --format csv > drills.csv")]
    Report {
        /// The folder drills were recorded into (`ethos drill --record DIR`)
        dir: std::path::PathBuf,
        /// Output format
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
    },

    /// Print the handbook, the policy document and flashcards
    #[command(after_help = "\
Examples:
  ethos render --out handbook/                        # all kinds, Markdown
  ethos render zh-hotel --out site/ --format html
  ethos render --kind cards --out anki/               # cards.csv for Anki
  ethos render --templates my-templates/ --format html --out site/")]
    Render(RenderArgs),

    /// Grade many replies at once: JSON Lines (or CSV) in, JSON Lines out
    #[command(after_help = "\
Examples:
  ethos grade --playbook hotel-a replies.jsonl > graded.jsonl
  ethos grade --playbook playbooks/support.yaml --summary replies.jsonl
  cat replies.csv | ethos grade --playbook hotel-a --input-format csv -
  ethos grade --playbook hotel-a --input-format csv --ignore-columns zendesk-export.csv
  ethos grade --playbook hotel-a --summary --fail-under 90 replies.jsonl   # for CI

Input lines: {\"id\", \"step\", \"text\", \"context\"?: {same keys as validate --set},
\"actions\"?: [{\"id\", \"amount\"}], \"escalate\"?, \"role\"?, \"scenario\"?, \"beat\"?
(the beat gives step, customer, facts, key facts and message), \"key_facts\"?: [..],
\"escalated\"?: ROLE}; another field is an error for its line (--ignore-fields skips it).
Output lines: {\"id\", \"verdict\", \"score\", \"failed\"}, in input order. A bad line gives {\"line\", \"error\"} and exit 2 at the end.")]
    Grade(GradeArgs),

    /// Compare ethos's verdicts with your people's labels: agreement, kappa, disagreements
    #[command(after_help = "\
Examples:
  ethos calibrate --playbook hotel-a labels.jsonl
  ethos calibrate --playbook playbooks/support.yaml --format json team-a.jsonl team-b.jsonl
  ethos calibrate --playbook hotel-a --min-agreement 90 labels.jsonl   # for CI

A label line is a grade line plus \"human\": \"pass\" or \"fail\" and an optional \"note\".
Exit codes: 0 done, 1 agreement below --min-agreement, 2 a bad label line or an unreadable file.")]
    Calibrate(CalibrateArgs),

    /// The bundled playbooks, or with --packs the bundled rule packs
    #[command(after_help = "\
Examples:
  ethos list
  ethos list --packs
  ethos list --format json")]
    List {
        /// Output format
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        /// List the rule packs a playbook can add with `uses:` instead
        #[arg(long)]
        packs: bool,
    },

    /// A playbook as tables: steps, rules, who may grant what, escalation, scenarios
    #[command(after_help = "\
Examples:
  ethos show                       # the default playbook, hotel-a
  ethos show ritz-carlton
  ethos show playbooks/mine.yaml | less")]
    Show {
        /// A playbook file, or the id of a bundled playbook
        #[arg(default_value = crate::playbook::bundled::DEFAULT_ID)]
        playbook: String,
    },

    /// Write a starter playbook (never overwrites a file)
    #[command(after_help = "\
Examples:
  ethos init                          # playbook.yaml: small, commented, checks clean
  ethos init playbooks/support.yaml
  ethos init --from ritz-carlton      # ritz-carlton.yaml, a copy of a bundled playbook")]
    Init {
        /// Where to write it (a directory gets playbook.yaml or ID.yaml) [default: ./playbook.yaml]
        path: Option<std::path::PathBuf>,
        /// Start from a bundled playbook instead (`ethos list` shows them)
        #[arg(long, value_name = "ID")]
        from: Option<String>,
    },

    /// Turn another tool's conversation logs into conversation lines
    #[command(after_help = "\
Examples:
  ethos import tau-bench gpt-4o-airline.json > runs.jsonl
  ethos import tau-bench gpt-4o-airline.json --db tau-bench/airline > runs.jsonl

Warnings (a run without messages, a tool call whose arguments are not JSON, a tool result
the importer does not know) go to stderr, naming the run; the other runs are imported.
Exit codes: 0 every run imported, 1 some runs skipped, 2 the file cannot be read.")]
    Import {
        #[command(subcommand)]
        from: ImportFrom,
    },

    /// Print the JSON Schema of the playbook format, for editors
    #[command(after_help = "\
Examples:
  ethos schema > playbook.schema.json
  # then, first line of a playbook:
  # yaml-language-server: $schema=playbook.schema.json")]
    Schema,

    /// Print a shell completion script
    #[command(after_help = "\
Examples:
  ethos completions bash > ~/.local/share/bash-completion/completions/ethos
  ethos completions zsh > ~/.zfunc/_ethos
  ethos completions fish > ~/.config/fish/completions/ethos.fish")]
    Completions {
        /// The shell to write completions for
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Playbook files or directories (searched recursively for *.yaml, *.yml), or
    /// ids of bundled playbooks [default: ./playbooks, or else the *.yaml and *.yml
    /// files of the current directory]
    pub paths: Vec<PathBuf>,

    /// Check the playbooks built into ethos (`ethos list`), besides any paths given
    #[arg(long)]
    pub bundled: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Treat warnings as failures (exit code 1)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<Deny>,

    /// The date `review-overdue` compares with, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<Date>,
}

/// What `ethos import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportFrom {
    /// A τ-bench result file: a JSON array of runs with `traj`
    TauBench {
        /// The result file
        file: PathBuf,
        /// The booking database (a folder with users.json, reservations.json,
        /// flights.json), for facts the conversation never looked up
        #[arg(long, value_name = "DIR")]
        db: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// The reply to judge, or `-` to read it from standard input
    #[arg(value_name = "TEXT | -")]
    pub text: Option<String>,

    /// A playbook file, or the id of a bundled playbook
    #[arg(long, default_value = crate::playbook::bundled::DEFAULT_ID)]
    pub playbook: String,

    /// The service step the reply belongs to (taken from --beat when given)
    #[arg(long)]
    pub step: Option<String>,

    /// Take the customer, facts and role from this scenario
    #[arg(long, value_name = "ID")]
    pub scenario: Option<String>,

    /// Take the step, key facts and the customer's message from this beat of --scenario
    #[arg(long, value_name = "ID", requires = "scenario")]
    pub beat: Option<String>,

    /// Give or override context: customer.name, customer.mood, customer.tier,
    /// contacts, waiting, facts.KEY, message (each VALUE read as in a playbook)
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,

    /// The role of whoever replies [default: the scenario's, else the first role]
    #[arg(long)]
    pub role: Option<String>,

    /// An action the reply takes, with its amount in the action's unit
    #[arg(long = "action", value_name = "ID[=AMOUNT]")]
    pub actions: Vec<String>,

    /// The role the reply hands the case to
    #[arg(long, value_name = "ROLE")]
    pub escalate: Option<String>,

    /// Judge a conversation of this conversation file (JSON Lines) instead of a reply
    #[arg(long, value_name = "FILE", conflicts_with_all = ["text", "step", "scenario", "set", "actions", "escalate"])]
    pub conversation: Option<String>,

    /// The conversation's id in --conversation's file [default: its first conversation]
    #[arg(long, value_name = "ID", requires = "conversation")]
    pub id: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
}

#[derive(Debug, clap::Args)]
pub struct DrillArgs {
    /// A playbook file, or the id of a bundled playbook
    #[arg(default_value = crate::playbook::bundled::DEFAULT_ID)]
    pub playbook: String,

    /// The scenario to play [default: pick from a list]
    #[arg(long, value_name = "ID")]
    pub scenario: Option<String>,

    /// Exam mode: no step hints and no feedback until the end; exit 1 below the pass mark
    #[arg(long)]
    pub exam: bool,

    /// Write the transcript as JSON here (a directory gets <scenario>-<timestamp>.json)
    #[arg(long, value_name = "PATH")]
    pub record: Option<std::path::PathBuf>,

    /// Read the answers from this file (`-`: standard input), one a line, instead of a terminal
    #[arg(long, value_name = "FILE")]
    pub answers: Option<std::path::PathBuf>,

    /// Who is training, for `ethos report` [default: the login name]
    #[arg(long, value_name = "NAME")]
    pub trainee: Option<String>,
}

/// `--format` of commands that print one result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// for people: tables and colour on a terminal
    Human,
    /// one JSON document
    Json,
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// A playbook file, or the id of a bundled playbook
    #[arg(default_value = crate::playbook::bundled::DEFAULT_ID)]
    pub playbook: String,

    /// The folder to write into (created if missing; only files of the same name are replaced)
    #[arg(long, value_name = "DIR")]
    pub out: std::path::PathBuf,

    /// What to render
    #[arg(long, value_enum, default_value_t = RenderKind::All)]
    pub kind: RenderKind,

    /// Document format (cards are always CSV)
    #[arg(long, value_enum, default_value_t = DocFormat::Md)]
    pub format: DocFormat,

    /// A folder of templates that replace the bundled ones of the same name
    #[arg(long, value_name = "DIR")]
    pub templates: Option<std::path::PathBuf>,

    /// The date the review date is compared with, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RenderKind {
    /// training material for new hires
    Handbook,
    /// who may grant what, and when a case goes up the ladder
    Policy,
    /// flashcards (CSV, importable by Anki)
    Cards,
    /// all three
    All,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    /// Markdown, with Mermaid pictures
    Md,
    /// one self-contained HTML file per kind, with inline SVG pictures
    Html,
}

#[derive(Debug, clap::Args)]
pub struct GradeArgs {
    /// The replies: a file, or `-` for standard input
    #[arg(value_name = "FILE | -", default_value = "-")]
    pub input: String,

    /// A playbook file, or the id of a bundled playbook
    #[arg(long)]
    pub playbook: String,

    /// Input format
    #[arg(long, value_enum, default_value_t = InputFormat::Jsonl)]
    pub input_format: InputFormat,

    /// Add every finding, as `validate --format json` gives them, to each output line
    #[arg(long)]
    pub explain: bool,

    /// Print tables of pass rates by step and rule instead of a line per reply
    #[arg(long)]
    pub summary: bool,

    /// The summary's format
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// Exit 1 if fewer than this percentage of replies pass (0 to 100)
    #[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
    pub fail_under: Option<f64>,

    /// Threads to judge with, 1 to 256 [default: every core]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,

    /// A longer input line (CSV: row) is an error for that line; the rest are still graded
    #[arg(long, value_name = "BYTES", default_value_t = crate::grade::MAX_LINE_BYTES,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub max_line_bytes: usize,

    /// Skip CSV columns (JSON Lines: fields) ethos does not know instead of refusing them
    #[arg(long, visible_alias = "ignore-fields")]
    pub ignore_columns: bool,
}

#[derive(Debug, clap::Args)]
pub struct CalibrateArgs {
    /// The labels: JSON Lines files, or `-` for standard input
    #[arg(value_name = "LABELS", required = true)]
    pub labels: Vec<String>,

    /// A playbook file, or the id of a bundled playbook
    #[arg(long)]
    pub playbook: String,

    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// Exit 1 if ethos agrees with fewer than this percentage of the labels (0 to 100)
    #[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
    pub min_agreement: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// JSON Lines: one JSON object a line
    Jsonl,
    /// CSV with a header naming the columns (id, step, text, and context keys)
    Csv,
    /// JSON Lines of whole conversations (`messages`): the default when the first line has them
    Conversations,
    /// JSON Lines of replies, even where a line has `messages`
    Replies,
}

/// `--format` of `ethos report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// a table
    Human,
    /// one JSON array
    Json,
    /// CSV with a header, for spreadsheets
    Csv,
}

/// What `--deny` can make fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// warnings fail the check as errors do
    Warnings,
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse()
        .map_err(|e: crate::playbook::ValueError| e.to_string())
}

/// A percentage from 0 to 100 (NaN and 150 are refused here, not judged by),
/// refused in the environment's language: no playbook is loaded yet.
fn parse_percent(text: &str) -> Result<f64, String> {
    match text.trim().trim_end_matches('%').parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err(Words::of_environment().tool(&Message::PercentExpected { found: text })),
    }
}
