//! The architecture in DESIGN.md, checked on the sources: every `crate::` and `super::` path
//! a file names is an edge of the import graph. The modules sit in the layers below, and an
//! edge may only point to a lower layer; no set of files imports one another in a circle;
//! the store never names the cryptography (services hand it hashes and random bytes) and no
//! web handler names the store. A folder's `mod.rs` is its facade: files may name what their
//! ancestors declare, and that edge is not counted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level modules, lowest first; "" is `lib.rs`. A module may import only from
/// layers below its own.
const LAYERS: &[&[&str]] = &[
    // Leaves: they import nothing of the crate.
    &[
        "clock",
        "crypto",
        "blocking",
        "tally",
        "throttle",
        "hardening",
    ],
    // Types and words.
    &["domain", "i18n", "logging", "form_tokens"],
    &["config"],
    &["submission", "store"],
    // Services, each below the ones that use it.
    &["sealing", "backup", "notify", "publish"],
    &["intake", "review", "federation", "restore", "doctor"],
    &["returning", "maintenance"],
    &["services"],
    &["web"],
    &["cli", ""],
];

/// Every `.rs` file under `src/` (but `main.rs`, a crate of its own) with its module path and
/// its text without comments and test modules.
fn sources() -> Vec<(String, String)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
                continue;
            }
            let Ok(rel) = path.strip_prefix(root) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            let Some(stem) = rel.strip_suffix(".rs") else {
                continue;
            };
            if stem == "main" || stem == "layering_tests" {
                continue;
            }
            let module = match stem {
                "lib" => String::new(),
                _ => stem.trim_end_matches("/mod").replace('/', "::"),
            };
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.push((module, code_only(&text)));
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    assert!(out.len() > 50, "sources not found under {}", root.display());
    out
}

/// The text without line comments and without the unit-test module at the end of the file.
fn code_only(text: &str) -> String {
    let text = text
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path starting at `prefix` in `text`, with `{a, b::{c}}` groups expanded.
fn paths_after(text: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(prefix).map(|i| from + i) {
        let before = text[..i].chars().next_back();
        from = i + prefix.len();
        let rest = &text[from..];
        // Not a word ending in the prefix, nor the second `super::` of `super::super::`.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        out.extend(expand(rest));
    }
    out
}

/// The paths at the start of `text`: `a::b::C`, or each member of a `{…}` group.
fn expand(text: &str) -> Vec<String> {
    let ident: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let after = &text[ident.len()..];
    if ident.is_empty() {
        let Some(group) = after.strip_prefix('{') else {
            return Vec::new();
        };
        let mut depth = 0;
        let mut members = Vec::new();
        let mut start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    members.push(&group[start..i]);
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    members.push(&group[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        return members.into_iter().flat_map(|m| expand(m.trim())).collect();
    }
    match after.strip_prefix("::") {
        Some(more) => {
            let tails = expand(more);
            if tails.is_empty() {
                vec![ident]
            } else {
                tails.into_iter().map(|t| format!("{ident}::{t}")).collect()
            }
        }
        None => vec![ident],
    }
}

fn parent(module: &str) -> &str {
    module.rsplit_once("::").map_or("", |(p, _)| p)
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or_default()
}

fn is_ancestor(ancestor: &str, of: &str) -> bool {
    ancestor.is_empty() || of.starts_with(&format!("{ancestor}::"))
}

/// The import graph: for each file's module, the modules (files) it names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let files = sources();
    let modules: BTreeSet<&str> = files.iter().map(|(m, _)| m.as_str()).collect();
    // The longest prefix of `path` that is a file's module.
    let resolve = |path: &str| -> Option<String> {
        let parts: Vec<&str> = path.split("::").collect();
        (1..=parts.len())
            .rev()
            .map(|n| parts[..n].join("::"))
            .find(|m| modules.contains(m.as_str()))
    };
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, text) in &files {
        let mut named: Vec<String> = paths_after(text, "crate::");
        for path in paths_after(text, "super::") {
            let mut base = parent(module);
            let mut path = path.as_str();
            while let Some(up) = path.strip_prefix("super::") {
                base = parent(base);
                path = up;
            }
            named.push(if base.is_empty() {
                path.to_owned()
            } else {
                format!("{base}::{path}")
            });
        }
        let targets = edges.entry(module.clone()).or_default();
        for target in named.iter().filter_map(|p| resolve(p)) {
            if target != *module && !is_ancestor(&target, module) {
                targets.insert(target);
            }
        }
    }
    edges
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&top(module)))
}

#[test]
fn every_import_points_to_a_lower_layer() {
    let edges = graph();
    let mut wrong = Vec::new();
    for (from, targets) in &edges {
        let Some(from_layer) = layer_of(from) else {
            wrong.push(format!("{from}: its top module is in no layer of LAYERS"));
            continue;
        };
        for to in targets.iter().filter(|to| top(to) != top(from)) {
            match layer_of(to) {
                Some(to_layer) if to_layer < from_layer => {}
                _ => wrong.push(format!("{from} -> {to}")),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up or sideways:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_files_import_one_another_in_a_circle() {
    let edges = graph();
    // Depth-first search for a back edge; the path to it is the circle.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut circle = path[i..].to_vec();
            circle.push(node.to_owned());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, done, path) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(circle) = visit(node, &edges, &mut done, &mut Vec::new()) {
            panic!("an import circle: {}", circle.join(" -> "));
        }
    }
}

#[test]
fn the_store_names_no_cryptography_and_no_handler_names_the_store() {
    for (from, targets) in graph() {
        for to in &targets {
            let bad = (top(&from) == "store" && top(to) == "crypto")
                || (top(&from) == "web" && top(to) == "store");
            assert!(!bad, "{from} names {to}");
        }
    }
}

#[test]
fn the_parser_reads_groups_nested_paths_and_skips_comments() {
    let text = code_only(
        "use crate::{a::{b, c::D}, e};\n// crate::hidden\nlet x = super::super::f::g();\n\
         #[cfg(test)]\nmod tests { use crate::t; }",
    );
    assert_eq!(paths_after(&text, "crate::"), ["a::b", "a::c::D", "e"]);
    assert_eq!(paths_after(&text, "super::"), ["super::f::g"]);
    assert_eq!(top("web::review::routes"), "web");
    assert!(is_ancestor("web", "web::review") && !is_ancestor("web::review", "web"));
}

/// The graph of top-level modules, for the README (`cargo test print_the_import_graph --
/// --ignored --nocapture`).
#[test]
#[ignore = "prints the graph; asserts nothing"]
fn print_the_import_graph() {
    let mut top_edges: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let edges = graph();
    for (from, targets) in &edges {
        for to in targets.iter().filter(|to| top(to) != top(from)) {
            top_edges
                .entry(top(from))
                .or_default()
                .insert(top(to).to_owned());
        }
    }
    for layer in LAYERS.iter().rev() {
        for module in *layer {
            let name = if module.is_empty() { "lib" } else { module };
            let to: Vec<&str> = top_edges
                .get(module)
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            println!("{name:>12} -> {}", to.join(", "));
        }
    }
}
