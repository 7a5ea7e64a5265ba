//! The pictures of the HTML documents as inline SVG: boxes and arrows laid out
//! here, in code, so they need no network, no JavaScript and no layout engine.
//!
//! Each drawing is a standalone XML document (it has its own `xmlns`), every
//! text XML-escaped (quick-xml), and it uses no ids, so several can sit in one
//! HTML page. Text is wrapped with textwrap's Unicode line breaking, measured by
//! an estimate of its width (a CJK character is one em, other characters a
//! little over half of one): generous, so text stays in its box.

use std::fmt::Write;

use textwrap::WordSeparator;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_width::UnicodeWidthChar;

use super::diagram::{EdgeKind, Flow, Ladder};

/// Fonts for drawings: the same stack as the stylesheet, CJK included, so
/// Chinese is drawn where the reader has a font for it.
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', sans-serif";

const INK: &str = "#1f2933";
const MUTED: &str = "#52606d";
const PASS: &str = "#1e7b34";
const FAIL: &str = "#b3261e";
const ALWAYS: &str = "#52606d";

/// Escape text for XML content and attribute values (quick-xml's escaping
/// of `<`, `>`, `&`, `'` and `"`), without the control characters XML 1.0
/// does not allow, which no escaping could carry.
pub fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    quick_xml::escape::escape(allowed).into_owned()
}

/// The estimated width of a text in pixels at a font size.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| match c.width() {
            Some(2) => 1.0,
            Some(0) | None => 0.0,
            _ if c == ' ' => 0.32,
            _ if "iljtf.,;:'!|()[]".contains(c) => 0.34,
            _ if c.is_uppercase() || "mwMW@%".contains(c) => 0.76,
            _ => 0.61,
        })
        .sum::<f64>()
        * size
}

/// A word of a drawing's text measured in pixels, for textwrap's wrapping.
#[derive(Debug)]
struct Measured<'a> {
    word: &'a str,
    whitespace: &'a str,
    width: f64,
    space: f64,
}

impl Fragment for Measured<'_> {
    fn width(&self) -> f64 {
        self.width
    }
    fn whitespace_width(&self) -> f64 {
        self.space
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Wrap a text into lines no wider than `max` pixels, at most `max_lines`
/// (the last one ending in "…" when the text is cut). Where a line may break
/// is textwrap's Unicode line breaking (UAX #14): at spaces in Latin text,
/// between any two Han characters, never before a closing bracket or a
/// full stop; the widths are ours, in pixels (textwrap counts columns).
pub fn wrap(text: &str, max: f64, size: f64, max_lines: usize) -> Vec<String> {
    let measure = |word, whitespace| Measured {
        word,
        whitespace,
        width: text_width(word, size),
        space: text_width(whitespace, size),
    };
    // A number and what follows it ("50 USD", "5 minutes") stay on one line:
    // the space after a digit becomes a no-break space, where UAX #14 never breaks.
    let text: String = text
        .char_indices()
        .map(|(i, c)| {
            let after_digit = text[..i]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_digit());
            if c == ' ' && after_digit { '\u{a0}' } else { c }
        })
        .collect();
    let mut fragments: Vec<Measured> = Vec::new();
    for word in WordSeparator::UnicodeBreakProperties.find_words(&text) {
        // A word wider than a line is cut where it must be.
        let mut start = 0;
        for (i, c) in word.word.char_indices() {
            let end = i + c.len_utf8();
            if i > start && text_width(&word.word[start..end], size) > max {
                fragments.push(measure(&word.word[start..i], ""));
                start = i;
            }
        }
        fragments.push(measure(&word.word[start..], word.whitespace));
    }
    let mut lines: Vec<String> = wrap_first_fit(&fragments, &[max])
        .into_iter()
        .map(|line| {
            let mut text = String::new();
            for (i, f) in line.iter().enumerate() {
                text.push_str(f.word);
                if i + 1 < line.len() {
                    text.push_str(f.whitespace);
                }
            }
            text
        })
        .collect();
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && text_width(&format!("{last}…"), size) > max {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

/// A count as a length: counts of lines and lanes are far too small to lose
/// precision.
#[allow(clippy::cast_precision_loss)]
fn f(count: usize) -> f64 {
    count as f64
}

/// A number as SVG wants it: no needless decimals.
fn n(v: f64) -> String {
    let rounded = (v * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

fn open(out: &mut String, width: f64, height: f64, title: &str) {
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" font-family="{FONT}" font-size="14" fill="{INK}"><title>{t}</title>"#,
        w = n(width),
        h = n(height),
        t = escape(title),
    );
}

/// Lines of text starting at a baseline, one `<text>` with a `<tspan>` a line.
#[allow(clippy::too_many_arguments)]
fn text_lines(
    out: &mut String,
    x: f64,
    y: f64,
    step: f64,
    lines: &[String],
    anchor: &str,
    attrs: &str,
) {
    if lines.is_empty() {
        return;
    }
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" text-anchor="{anchor}"{attrs}>"#,
        n(x),
        n(y)
    );
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { step };
        let _ = write!(
            out,
            r#"<tspan x="{}" dy="{}">{}</tspan>"#,
            n(x),
            n(dy),
            escape(line)
        );
    }
    out.push_str("</text>");
}

/// An arrowhead with its tip at (x, y), pointing down, left or right.
fn arrowhead(out: &mut String, x: f64, y: f64, dir: Dir, color: &str) {
    let (a, b) = match dir {
        Dir::Down => ((x - 5.0, y - 9.0), (x + 5.0, y - 9.0)),
        Dir::Left => ((x + 9.0, y - 5.0), (x + 9.0, y + 5.0)),
        Dir::Right => ((x - 9.0, y - 5.0), (x - 9.0, y + 5.0)),
    };
    let _ = write!(
        out,
        r#"<polygon points="{},{} {},{} {},{}" fill="{color}"/>"#,
        n(x),
        n(y),
        n(a.0),
        n(a.1),
        n(b.0),
        n(b.1)
    );
}

#[derive(Clone, Copy)]
enum Dir {
    Down,
    Left,
    Right,
}

/// A label with a white halo, legible over the lines it crosses.
fn label(out: &mut String, x: f64, y: f64, text: &str, color: &str, anchor: &str) {
    let _ = write!(
        out,
        r##"<text x="{}" y="{}" text-anchor="{anchor}" font-size="12" font-weight="600" fill="{color}" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">{}</text>"##,
        n(x),
        n(y),
        escape(text)
    );
}

/// The escalation ladder: one box per role, front line at the top, an arrow
/// down to each more senior role with what sends a case there.
pub fn ladder(ladder: &Ladder) -> String {
    const WIDTH: f64 = 640.0;
    const BOX_X: f64 = 16.0;
    const BOX_W: f64 = 300.0;
    const CX: f64 = BOX_X + BOX_W / 2.0;
    const REASON_X: f64 = CX + 16.0;
    const REASON_W: f64 = WIDTH - REASON_X - 16.0;
    let mut body = String::new();
    let mut y = 16.0;
    for (i, rung) in ladder.rungs.iter().enumerate() {
        if i > 0 {
            let mut reasons: Vec<String> = Vec::new();
            for reason in &rung.reasons {
                reasons.extend(wrap(reason, REASON_W, 14.0, 3));
            }
            let gap = f64::max(48.0, 20.0 + 17.0 * f(reasons.len()));
            let _ = write!(
                body,
                r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{MUTED}" stroke-width="2"/>"#,
                n(y),
                n(y + gap - 9.0),
                x = n(CX)
            );
            arrowhead(&mut body, CX, y + gap, Dir::Down, MUTED);
            let first = y + gap / 2.0 - 17.0 * (f(reasons.len()) - 1.0) / 2.0 + 4.5;
            text_lines(
                &mut body,
                REASON_X,
                first,
                17.0,
                &reasons,
                "start",
                &format!(r#" font-size="14" fill="{MUTED}""#),
            );
            y += gap;
        }
        let title = wrap(&rung.title, BOX_W - 24.0, 15.0, 2);
        let limits: Vec<String> = rung
            .limits
            .iter()
            .flat_map(|l| wrap(l, BOX_W - 24.0, 13.0, 2))
            .collect();
        let height = 16.0 + 19.0 * f(title.len()) + 16.0 * f(limits.len()) + 8.0;
        let _ = write!(
            body,
            r##"<rect x="{}" y="{}" width="{}" height="{}" rx="8" fill="#eef3fa" stroke="#3d5a80" stroke-width="1.5"/>"##,
            n(BOX_X),
            n(y),
            n(BOX_W),
            n(height)
        );
        text_lines(
            &mut body,
            CX,
            y + 23.0,
            19.0,
            &title,
            "middle",
            r#" font-size="15" font-weight="700""#,
        );
        text_lines(
            &mut body,
            CX,
            y + 23.0 + 19.0 * f(title.len()) - 2.0,
            16.0,
            &limits,
            "middle",
            &format!(r#" font-size="13" fill="{MUTED}""#),
        );
        y += height;
    }
    let mut out = String::new();
    open(&mut out, WIDTH, y + 16.0, &ladder.title);
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

/// Where a node of a flow is drawn.
struct Placed {
    top: f64,
    height: f64,
}

impl Placed {
    fn bottom(&self) -> f64 {
        self.top + self.height
    }
}

/// Lanes for the edges that do not go straight down to the next box: forward
/// ones on the right, backward ones on the left, the shortest innermost, no two
/// in a lane where their spans overlap.
fn lanes(spans: &[(usize, usize)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].1 - spans[i].0, spans[i].0));
    let mut taken: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut lane_of = vec![0; spans.len()];
    for i in order {
        let (lo, hi) = spans[i];
        let lane = taken
            .iter()
            .position(|used| used.iter().all(|&(a, b)| hi < a || b < lo))
            .unwrap_or(taken.len());
        if lane == taken.len() {
            taken.push(Vec::new());
        }
        taken[lane].push((lo, hi));
        lane_of[i] = lane;
    }
    lane_of
}

/// A scenario's branches: the beats top to bottom in playbook order, an arrow
/// straight down where a beat leads to the next one, and arcs on the right
/// (forward) or the left (back) for the others, green for pass, red for fail.
pub fn flow(flow: &Flow) -> String {
    const BOX_W: f64 = 380.0;
    const GAP: f64 = 30.0;
    const LANE: f64 = 18.0;
    const TITLE: f64 = 14.0;
    const TEXT: f64 = 12.5;
    let count = flow.nodes.len() + usize::from(flow.has_end());
    let end = flow.nodes.len();
    if count == 0 {
        // A scenario without beats (`check` reports it): nothing to draw.
        let mut out = String::new();
        open(&mut out, 200.0, 40.0, &flow.title);
        label(&mut out, 100.0, 24.0, &flow.words.start, MUTED, "middle");
        out.push_str("</svg>");
        return out;
    }
    let target = |to: Option<usize>| to.unwrap_or(end);

    // Which edges arc, and on which side.
    let mut right: Vec<(usize, (usize, usize))> = Vec::new();
    let mut left: Vec<(usize, (usize, usize))> = Vec::new();
    for (i, e) in flow.edges.iter().enumerate() {
        let to = target(e.to);
        if to == e.from + 1 {
            continue;
        }
        if to > e.from {
            right.push((i, (e.from, to)));
        } else {
            left.push((i, (to, e.from)));
        }
    }
    let right_lanes = lanes(&right.iter().map(|(_, s)| *s).collect::<Vec<_>>());
    let left_lanes = lanes(&left.iter().map(|(_, s)| *s).collect::<Vec<_>>());
    let lanes_needed = |l: &[usize]| l.iter().max().map_or(0, |m| m + 1);
    let box_x = 24.0 + LANE * f(lanes_needed(&left_lanes)) + 16.0;
    let width = box_x + BOX_W + LANE * f(lanes_needed(&right_lanes)) + 40.0;
    let cx = box_x + BOX_W / 2.0;

    // Place the boxes.
    let mut texts: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    let mut placed: Vec<Placed> = Vec::new();
    let mut y = 44.0;
    for i in 0..count {
        let (title, text) = match flow.nodes.get(i) {
            Some(node) => {
                let title = if node.decision {
                    format!("{} · {}", node.title, flow.words.decision)
                } else {
                    node.title.clone()
                };
                (
                    wrap(&title, BOX_W - 24.0, TITLE, 2),
                    wrap(&flow.words.quote(&node.text), BOX_W - 24.0, TEXT, 2),
                )
            }
            None => (vec![flow.words.end.clone()], Vec::new()),
        };
        let height = if i == end {
            34.0
        } else {
            14.0 + 18.0 * f(title.len()) + 16.0 * f(text.len()) + 8.0
        };
        placed.push(Placed { top: y, height });
        texts.push((title, text));
        y += height + GAP;
    }
    let height = y - GAP + 16.0;

    let mut body = String::new();
    // Where the scenario starts.
    label(&mut body, cx, 18.0, &flow.words.start, MUTED, "middle");
    let _ = write!(
        body,
        r#"<line x1="{x}" y1="24" x2="{x}" y2="{}" stroke="{ALWAYS}" stroke-width="1.5"/>"#,
        n(placed[0].top - 8.0),
        x = n(cx)
    );
    arrowhead(&mut body, cx, placed[0].top, Dir::Down, ALWAYS);

    // Boxes.
    for (i, (p, (title, text))) in placed.iter().zip(&texts).enumerate() {
        if i == end {
            let _ = write!(
                body,
                r##"<rect x="{}" y="{}" width="140" height="{}" rx="17" fill="#e4e7eb" stroke="{MUTED}" stroke-width="1.5"/>"##,
                n(cx - 70.0),
                n(p.top),
                n(p.height)
            );
            text_lines(
                &mut body,
                cx,
                p.top + 22.0,
                18.0,
                title,
                "middle",
                r#" font-weight="700""#,
            );
            continue;
        }
        let (fill, stroke) = if flow.nodes[i].decision {
            ("#fff4d6", "#a06a00")
        } else {
            ("#eef3fa", "#3d5a80")
        };
        let _ = write!(
            body,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="8" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>"#,
            n(box_x),
            n(p.top),
            n(BOX_W),
            n(p.height)
        );
        text_lines(
            &mut body,
            box_x + 12.0,
            p.top + 22.0,
            18.0,
            title,
            "start",
            r#" font-weight="700""#,
        );
        text_lines(
            &mut body,
            box_x + 12.0,
            p.top + 22.0 + 18.0 * f(title.len()) - 1.0,
            16.0,
            text,
            "start",
            &format!(r#" font-size="{TEXT}" fill="{MUTED}""#),
        );
    }

    // Edges. Several arcs leaving or entering one side of a box are spread out.
    let mut out_count = vec![[0_usize; 2]; count];
    let mut in_count = vec![[0_usize; 2]; count];
    for (i, e) in flow.edges.iter().enumerate() {
        let to = target(e.to);
        let color = match e.kind {
            EdgeKind::Pass => PASS,
            EdgeKind::Fail => FAIL,
            EdgeKind::Always => ALWAYS,
        };
        let dash = if e.kind == EdgeKind::Fail {
            r#" stroke-dasharray="6 4""#
        } else {
            ""
        };
        let from = &placed[e.from];
        let into = &placed[to];
        if to == e.from + 1 {
            let _ = write!(
                body,
                r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{color}" stroke-width="1.8"{dash}/>"#,
                n(from.bottom()),
                n(into.top - 8.0),
                x = n(cx)
            );
            arrowhead(&mut body, cx, into.top, Dir::Down, color);
            if let Some(text) = flow.edge_label(e.kind) {
                label(
                    &mut body,
                    cx + 8.0,
                    from.bottom() + GAP / 2.0 + 4.0,
                    text,
                    color,
                    "start",
                );
            }
            continue;
        }
        let forward = to > e.from;
        let side = usize::from(!forward);
        let lane = if forward {
            right
                .iter()
                .position(|(k, _)| *k == i)
                .map_or(0, |p| right_lanes[p])
        } else {
            left.iter()
                .position(|(k, _)| *k == i)
                .map_or(0, |p| left_lanes[p])
        };
        let k_out = out_count[e.from][side];
        out_count[e.from][side] += 1;
        let k_in = in_count[to][side];
        in_count[to][side] += 1;
        let sy = from.top + from.height * 0.62 + 9.0 * f(k_out);
        let ty = into.top + into.height * 0.38 - 9.0 * f(k_in);
        let (edge_x, lane_x, tip_dir) = if to == end {
            // The end box is narrower: arrive at its right side.
            (cx + 70.0, box_x + BOX_W + LANE * (f(lane) + 1.0), Dir::Left)
        } else if forward {
            (
                box_x + BOX_W,
                box_x + BOX_W + LANE * (f(lane) + 1.0),
                Dir::Left,
            )
        } else {
            (box_x, box_x - LANE * (f(lane) + 1.0), Dir::Right)
        };
        let start_x = if forward { box_x + BOX_W } else { box_x };
        let end_x = match tip_dir {
            Dir::Left => edge_x + 8.0,
            _ => edge_x - 8.0,
        };
        let _ = write!(
            body,
            r#"<path d="M{} {} H{} V{} H{}" fill="none" stroke="{color}" stroke-width="1.8"{dash}/>"#,
            n(start_x),
            n(sy),
            n(lane_x),
            n(ty),
            n(end_x)
        );
        arrowhead(&mut body, edge_x, ty, tip_dir, color);
        if let Some(text) = flow.edge_label(e.kind) {
            label(
                &mut body,
                lane_x,
                f64::midpoint(sy, ty) + 4.0,
                text,
                color,
                "middle",
            );
        }
    }

    let mut out = String::new();
    open(&mut out, width, height, &flow.title);
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            escape(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{1}b"), "ab", "control characters are not XML");
    }

    #[test]
    fn latin_text_wraps_at_spaces_and_cjk_anywhere() {
        let lines = wrap(
            "the quick brown fox jumps over the lazy dog",
            100.0,
            14.0,
            9,
        );
        assert!(lines.len() > 1);
        assert!(
            lines.iter().all(|l| text_width(l, 14.0) <= 100.0),
            "{lines:?}"
        );
        assert_eq!(
            lines.join(" "),
            "the quick brown fox jumps over the lazy dog"
        );
        let lines = wrap("一阵风把她先生的咖啡吹翻了", 56.0, 14.0, 9);
        assert_eq!(lines, ["一阵风把", "她先生的", "咖啡吹翻", "了"]);
    }

    #[test]
    fn no_line_starts_with_closing_punctuation_or_ends_with_an_opening_quote() {
        // Eight Han characters fit a line of 112 pixels at 14: the full stop
        // and the closing quote after the eighth must not begin the next one.
        for text in [
            "一二三四五六七八。九十",
            "一二三四五六七「八九」十",
            "一二三四五六七八」",
        ] {
            let lines = wrap(text, 112.0, 14.0, 9);
            assert_eq!(lines.concat(), text);
            for line in &lines {
                assert!(!line.starts_with(['。', '」']), "{lines:?}");
                assert!(!line.ends_with('「'), "{lines:?}");
            }
        }
        assert_eq!(wrap("abcdefghij", 30.0, 14.0, 9).concat(), "abcdefghij");
        let lines = wrap(
            "Replace the item free of charge: up to 50 USD",
            270.0,
            13.0,
            3,
        );
        assert_eq!(
            lines.last().map(String::as_str),
            Some("50\u{a0}USD"),
            "{lines:?}"
        );
    }

    #[test]
    fn text_too_long_for_its_lines_ends_in_an_ellipsis() {
        let lines = wrap("one two three four five six seven", 60.0, 14.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
    }

    #[test]
    fn overlapping_arcs_take_different_lanes() {
        assert_eq!(lanes(&[(0, 2), (1, 3), (3, 4)]), [0, 1, 0]);
        assert_eq!(lanes(&[(0, 1), (2, 3)]), [0, 0]);
        assert_eq!(lanes(&[(0, 4), (1, 2)]), [1, 0]);
    }
}
