//! The architecture in DESIGN.md, checked on the sources: every `crate::` and `super::` path
//! a file names is an edge of the import graph. The modules sit in the layers below, and an
//! edge may only point to a lower layer; no set of files imports one another in a circle;
//! the store never names the cryptography (services hand it hashes and random bytes) and no
//! web handler names the store. A folder's `mod.rs` is its facade: files may name what their
//! ancestors declare, and that edge is not counted — but a name a `mod.rs` re-exports from
//! one of its files counts as that file. `lib.rs` names its modules without `crate::`, so its
//! own edges are not read; what names `crate::Application` is.

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
    &["returning", "maintenance", "witness"],
    &["services"],
    &["web"],
    // lib.rs: the application, which the CLI builds.
    &[""],
    &["cli"],
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

/// The text without line comments and without its unit-test module (wherever it stands).
fn code_only(text: &str) -> String {
    let text = without_tests(text);
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` without the `#[cfg(test)] mod tests { … }` block, found by matching braces.
fn without_tests(text: &str) -> String {
    const START: &str = "#[cfg(test)]\nmod tests {";
    let Some(start) = text.find(START) else {
        return text.to_owned();
    };
    let mut depth = 0usize;
    for (i, c) in text[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 1 => {
                let end = start + i + 1;
                return format!("{}{}", &text[..start], &text[end..]);
            }
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    text[..start].to_owned()
}

/// The names a folder's `mod.rs` (or `lib.rs`) re-exports from its own files:
/// `pub use child::Name;` and `pub use child::{A, B};` give (module, Name) -> module::child.
fn re_exports(module: &str, text: &str) -> Vec<((String, String), String)> {
    let mut out = Vec::new();
    for statement in text.split(';') {
        let statement = statement.trim();
        let Some(rest) = ["pub use ", "pub(crate) use "]
            .iter()
            .find_map(|p| statement.strip_prefix(p))
        else {
            continue;
        };
        if rest.starts_with("crate::") || rest.starts_with("super::") {
            continue;
        }
        for path in expand(rest) {
            let (Some(child), Some(name)) = (path.split("::").next(), path.rsplit("::").next())
            else {
                continue;
            };
            let child = if module.is_empty() {
                child.to_owned()
            } else {
                format!("{module}::{child}")
            };
            out.push(((module.to_owned(), name.to_owned()), child));
        }
    }
    out
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

/// Whether `ancestor` is a folder above `of` (the crate root, which holds the
/// application itself, is not taken for a facade).
fn is_ancestor(ancestor: &str, of: &str) -> bool {
    !ancestor.is_empty() && of.starts_with(&format!("{ancestor}::"))
}

/// The import graph: for each file's module, the modules (files) it names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let files = sources();
    let modules: BTreeSet<&str> = files.iter().map(|(m, _)| m.as_str()).collect();
    let re_exported: BTreeMap<(String, String), String> = files
        .iter()
        .flat_map(|(m, text)| re_exports(m, text))
        .filter(|(_, child)| modules.contains(child.as_str()))
        .collect();
    // The file that defines what `path` names: the longest prefix that is a file's module
    // (the crate root when none is), or, when that module re-exports the next name from one
    // of its files, that file.
    let resolve = |path: &str| -> Option<String> {
        let parts: Vec<&str> = path.split("::").collect();
        let n = (1..=parts.len())
            .rev()
            .find(|n| modules.contains(parts[..*n].join("::").as_str()))
            .unwrap_or(0);
        let module = parts[..n].join("::");
        let next = parts
            .get(n)
            .map(|name| (module.clone(), (*name).to_owned()));
        Some(
            next.and_then(|key| re_exported.get(&key).cloned())
                .unwrap_or(module),
        )
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
         #[cfg(test)]\nmod tests { fn t() { use crate::t; } }\nfn after() { crate::h::i(); }",
    );
    assert_eq!(
        paths_after(&text, "crate::"),
        ["a::b", "a::c::D", "e", "h::i"]
    );
    assert_eq!(paths_after(&text, "super::"), ["super::f::g"]);
    assert_eq!(top("web::review::routes"), "web");
    assert!(is_ancestor("web", "web::review") && !is_ancestor("web::review", "web"));
    assert!(!is_ancestor("", "web"), "the crate root is no facade");
    let exports = re_exports(
        "web",
        "pub use state::AppState;\npub use routes::{configure, paths};",
    );
    assert!(exports.contains(&(("web".into(), "AppState".into()), "web::state".into())));
    assert!(exports.contains(&(("web".into(), "paths".into()), "web::routes".into())));
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
                .insert(if to.is_empty() { "lib" } else { top(to) }.to_owned());
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
