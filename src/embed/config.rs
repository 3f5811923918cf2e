//! An embed's configuration, pure (no browser calls, tested natively): the options read
//! from a host element's `data-*` attributes ([`EmbedConfig::from_attrs`]), the iframe
//! form's query ([`frame_query`]), and an embed's part of `location.hash` ([`hash_part`],
//! [`with_hash_part`]). [`crate::embed`] mounts explorers with them.
//!
//! Rules (their ids are used in comments, tests and docs/embedding.md):
//! - E1 `data-country`, `data-leader`, `data-actor`: the starting view (country and leader
//!   filters, the actor whose full view is open). The country code is upper-cased; values
//!   are checked like a permalink's, and a bad one is dropped with a notice.
//! - E2 `data-compact`: present means cards only; `false`, `no`, `off` or `0` turn it off.
//! - E3 `data-theme`: `auto` (default, follows the system), `light` or `dark`.
//! - E4 `data-url`: `off` (default: the view is kept in the element, the address bar and
//!   history are never touched) or `hash` (the view is kept in `location.hash` under the
//!   embed's key, see E7).
//! - E5 `data-id`: the embed's key in the hash: 1 to 32 letters, digits, `-` or `_`.
//!   Default `ent1`, `ent2`... by the element's place among the page's `[data-entente]`.
//! - E6 `data-link`: `on` (default) shows "Open in the full explorer"; `off` hides it.
//! - E7 the hash: parts separated by `;`; an embed's part is `key:query`
//!   (`#ent1:country=IRN;ent2:leader=putin`). Other parts are kept byte for byte, in order;
//!   the hash is replaced in place, never pushed as a new history entry.
//! - E8 the iframe form: the query parameter `embed` (any value but `0`, `false`, `no` or
//!   `off`) selects it; `embed` and `theme` (E3's values) are taken out and the rest is read
//!   as a permalink.
//! - E9 the iframe's full-explorer link is relative: the page's own file name (or `./`)
//!   with the current view's query, so it works wherever the folder is hosted.
//!
//! A bad value never stops an explorer: it is ignored and said in a quiet notice.

use crate::present::Theme;
use crate::state::{AppOptions, EmbedMode};
use crate::url;

/// Where an embed may keep its view besides its own element (E4).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum UrlMode {
    /// Nowhere: the host's address bar and history are never touched.
    #[default]
    Off,
    /// In `location.hash`, under the embed's key (E7).
    Hash,
}

/// An embed's options, read from its element's `data-*` attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedConfig {
    /// The starting view as a permalink query (`?country=IRN`), or `""`.
    pub query: String,
    pub compact: bool,
    pub theme: Theme,
    pub url: UrlMode,
    /// The key of this embed's part of the hash (E5).
    pub key: String,
    /// Show "Open in the full explorer" (E6).
    pub link: bool,
    /// What was ignored, and why.
    pub notices: Vec<String>,
}

/// The default hash key of the embed at `index` (0-based) among the page's embeds (E5).
pub fn default_key(index: usize) -> String {
    format!("ent{}", index + 1)
}

/// E5: a hash key is 1 to 32 ASCII letters, digits, `-` or `_`.
fn is_key(s: &str) -> bool {
    (1..=32).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// E2/E6: a yes/no attribute. `None` for a value that is neither.
fn switch(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "true" | "yes" | "on" | "1" => Some(true),
        "false" | "no" | "off" | "0" => Some(false),
        _ => None,
    }
}

/// E3: a theme name, case-insensitive; `None` when unknown.
fn theme(value: &str) -> Option<Theme> {
    value.trim().to_ascii_lowercase().parse().ok()
}

/// Shortens a value for a notice (attribute values can be anything).
fn shown(value: &str) -> String {
    let v: String = value.chars().take(40).collect();
    if v.len() < value.len() {
        format!("{v}…")
    } else {
        v
    }
}

impl EmbedConfig {
    /// Reads an embed's options: `get(name)` returns the element's attribute `name`, if
    /// present; `index` is the element's place among the page's embeds (for E5's default key).
    ///
    /// # Examples
    /// ```
    /// use entente::embed::{EmbedConfig, UrlMode};
    /// let attrs = [("data-country", "irn"), ("data-compact", ""), ("data-url", "hash")];
    /// let get = |n: &str| attrs.iter().find(|a| a.0 == n).map(|a| a.1.to_string());
    /// let c = EmbedConfig::from_attrs(get, 0);
    /// assert_eq!(c.query, "?country=IRN");
    /// assert!(c.compact);
    /// assert_eq!(c.url, UrlMode::Hash);
    /// assert_eq!(c.key, "ent1");
    /// ```
    pub fn from_attrs(get: impl Fn(&str) -> Option<String>, index: usize) -> EmbedConfig {
        let mut notices = Vec::new();

        // E1: the starting view goes through the permalink parser, so it is checked the same way.
        let mut raw = Vec::new();
        for (attr, param) in [
            ("data-country", "country"),
            ("data-leader", "leader"),
            ("data-actor", "actor"),
        ] {
            if let Some(v) = get(attr) {
                let v = if param == "country" {
                    v.trim().to_ascii_uppercase()
                } else {
                    v
                };
                raw.push(format!("{param}={}", url::encode(&v)));
            }
        }
        let (state, bad) = url::parse(&raw.join("&"));
        notices.extend(
            bad.iter()
                .map(|n| format!("Ignored `data-{}`: {}", n.param, n.message)),
        );
        let query = url::to_query(&state);

        // E2
        let compact = match get("data-compact") {
            None => false,
            Some(v) => switch(&v).unwrap_or_else(|| {
                notices.push(format!(
                    "`data-compact=\"{}\"` is not true or false: the compact view is used",
                    shown(&v)
                ));
                true
            }),
        };
        // E3
        let theme = match get("data-theme") {
            None => Theme::Auto,
            Some(v) if v.trim().is_empty() => Theme::Auto,
            Some(v) => self::theme(&v).unwrap_or_else(|| {
                notices.push(format!(
                    "Ignored `data-theme=\"{}\"`: use auto, light or dark",
                    shown(&v)
                ));
                Theme::Auto
            }),
        };
        // E4
        let url = match get("data-url").map(|v| v.trim().to_ascii_lowercase()) {
            None => UrlMode::Off,
            Some(v) if v.is_empty() || v == "off" => UrlMode::Off,
            Some(v) if v == "hash" => UrlMode::Hash,
            Some(v) => {
                notices.push(format!(
                    "Ignored `data-url=\"{}\"`: an embed keeps its view to itself (off) or in the hash (hash)",
                    shown(&v)
                ));
                UrlMode::Off
            }
        };
        // E5
        let key = match get("data-id") {
            None => default_key(index),
            Some(v) if is_key(v.trim()) => v.trim().to_string(),
            Some(v) => {
                notices.push(format!(
                    "Ignored `data-id=\"{}\"`: use 1 to 32 letters, digits, - or _",
                    shown(&v)
                ));
                default_key(index)
            }
        };
        // E6
        let link = match get("data-link") {
            None => true,
            Some(v) => switch(&v).unwrap_or_else(|| {
                notices.push(format!(
                    "Ignored `data-link=\"{}\"`: use on or off",
                    shown(&v)
                ));
                true
            }),
        };
        EmbedConfig {
            query,
            compact,
            theme,
            url,
            key,
            link,
            notices,
        }
    }

    /// The explorer's options for this embed. `full_page` is the address of the full
    /// explorer (`.../index.html`), for the link (E6).
    pub fn options(self, full_page: Option<String>) -> AppOptions {
        let mut o = AppOptions::embed(&self.query);
        o.theme = Some(self.theme);
        o.notices = self.notices;
        o.embed = Some(EmbedMode {
            compact: self.compact,
            full_link: full_page.filter(|_| self.link),
            hash_key: (self.url == UrlMode::Hash).then_some(self.key),
        });
        o
    }
}

/// E7: this embed's query (without `?`) in `hash` (with or without `#`), if it has a part.
///
/// # Examples
/// ```
/// use entente::embed::hash_part;
/// assert_eq!(hash_part("#top;ent1:country=IRN", "ent1"), Some("country=IRN"));
/// assert_eq!(hash_part("#ent10:q=x", "ent1"), None);
/// ```
pub fn hash_part<'a>(hash: &'a str, key: &str) -> Option<&'a str> {
    let h = hash.strip_prefix('#').unwrap_or(hash);
    h.split(';')
        .find_map(|p| p.strip_prefix(key).and_then(|r| r.strip_prefix(':')))
}

/// E7: `hash` with this embed's part set to `query` (with or without `?`), or removed when
/// `query` is empty. Other parts are kept byte for byte and in order. Returns `""` when
/// nothing is left, else a hash starting with `#`.
///
/// # Examples
/// ```
/// use entente::embed::with_hash_part;
/// assert_eq!(with_hash_part("#top", "ent1", "?country=IRN"), "#top;ent1:country=IRN");
/// assert_eq!(with_hash_part("#top;ent1:country=IRN", "ent1", ""), "#top");
/// ```
pub fn with_hash_part(hash: &str, key: &str, query: &str) -> String {
    let h = hash.strip_prefix('#').unwrap_or(hash);
    let query = query.strip_prefix('?').unwrap_or(query);
    let mine = |p: &str| p.strip_prefix(key).is_some_and(|r| r.starts_with(':'));
    let mut parts: Vec<String> = Vec::new();
    let mut placed = false;
    if !h.is_empty() {
        for p in h.split(';') {
            if mine(p) {
                if !placed && !query.is_empty() {
                    parts.push(format!("{key}:{query}"));
                }
                placed = true;
            } else {
                parts.push(p.to_string());
            }
        }
    }
    if !placed && !query.is_empty() {
        parts.push(format!("{key}:{query}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join(";"))
    }
}

/// The iframe form's request, read from the page's query (E8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameQuery {
    /// The rest of the query, a permalink (with its `?`, or `""`).
    pub view: String,
    pub theme: Theme,
    pub notices: Vec<String>,
}

/// E8: `Some` when the page's query (`location.search`) asks for the iframe form.
///
/// # Examples
/// ```
/// use entente::embed::frame_query;
/// let f = frame_query("?embed=1&country=IRN").unwrap();
/// assert_eq!(f.view, "?country=IRN");
/// assert!(frame_query("?country=IRN").is_none());
/// ```
pub fn frame_query(search: &str) -> Option<FrameQuery> {
    let q = search.strip_prefix('?').unwrap_or(search);
    let mut embed = None;
    let mut theme_value = None;
    let mut rest = Vec::new();
    for part in q.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let v = url::decode(v).unwrap_or_default();
        match k {
            "embed" if embed.is_none() => embed = Some(v),
            "theme" if theme_value.is_none() => theme_value = Some(v),
            _ => rest.push(part),
        }
    }
    let on = switch(&embed?).unwrap_or(true);
    if !on {
        return None;
    }
    let mut notices = Vec::new();
    let theme = match theme_value {
        None => Theme::Auto,
        Some(v) if v.trim().is_empty() => Theme::Auto,
        Some(v) => self::theme(&v).unwrap_or_else(|| {
            notices.push(format!(
                "Ignored `theme`: `{}` is not auto, light or dark",
                shown(&v)
            ));
            Theme::Auto
        }),
    };
    let view = if rest.is_empty() {
        String::new()
    } else {
        format!("?{}", rest.join("&"))
    };
    Some(FrameQuery {
        view,
        theme,
        notices,
    })
}

/// E9: the relative address of the full explorer for a page at `pathname`: its file name,
/// or `./` when it is a folder's index.
///
/// # Examples
/// ```
/// use entente::embed::frame_link_base;
/// assert_eq!(frame_link_base("/some/deep/path/"), "./");
/// assert_eq!(frame_link_base("/tmp/entente.html"), "entente.html");
/// ```
pub fn frame_link_base(pathname: &str) -> String {
    match pathname.rsplit('/').next() {
        Some(f) if !f.is_empty() => f.to_string(),
        _ => "./".to_string(),
    }
}

impl FrameQuery {
    /// The explorer's options for the iframe form of a page at `pathname`.
    pub fn options(self, pathname: &str) -> AppOptions {
        let mut o = AppOptions::embed(&self.view);
        o.theme = Some(self.theme);
        o.notices = self.notices;
        o.embed = Some(EmbedMode {
            compact: true,
            full_link: Some(frame_link_base(pathname)),
            hash_key: None,
        });
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(attrs: &[(&str, &str)], index: usize) -> EmbedConfig {
        EmbedConfig::from_attrs(
            |n| attrs.iter().find(|a| a.0 == n).map(|a| a.1.to_string()),
            index,
        )
    }

    /// (name, attributes, query, compact, theme, url, key, link, attributes the notices name)
    type Row = (
        &'static str,
        Vec<(&'static str, &'static str)>,
        &'static str,
        bool,
        Theme,
        UrlMode,
        &'static str,
        bool,
        Vec<&'static str>,
    );

    #[test]
    #[rustfmt::skip]
    fn attributes_give_the_embed_options() {
        use Theme::*;
        use UrlMode::*;
        let rows: Vec<Row> = vec![
            ("E1 no attributes: defaults", vec![], "", false, Auto, Off, "ent1", true, vec![]),
            ("E1 country code upper-cased", vec![("data-country", " irn ")], "?country=IRN", false, Auto, Off, "ent1", true, vec![]),
            ("E1 country, leader and actor in permalink order",
                vec![("data-actor", "IRN"), ("data-leader", "putin"), ("data-country", "RUS")],
                "?country=RUS&leader=putin&actor=IRN", false, Auto, Off, "ent1", true, vec![]),
            ("E1 a country name is not a code", vec![("data-country", "Iran")], "", false, Auto, Off, "ent1", true, vec!["data-country"]),
            ("E1 an actor id has no spaces", vec![("data-actor", "vladimir putin")], "", false, Auto, Off, "ent1", true, vec!["data-actor"]),
            ("E1 an empty value means any", vec![("data-leader", "")], "", false, Auto, Off, "ent1", true, vec![]),
            ("E1 markup in a value is only text", vec![("data-leader", "<b>x</b>")], "", false, Auto, Off, "ent1", true, vec!["data-leader"]),
            ("E2 compact as a bare attribute", vec![("data-compact", "")], "", true, Auto, Off, "ent1", true, vec![]),
            ("E2 compact=TRUE", vec![("data-compact", "TRUE")], "", true, Auto, Off, "ent1", true, vec![]),
            ("E2 compact=false", vec![("data-compact", "false")], "", false, Auto, Off, "ent1", true, vec![]),
            ("E2 compact=off", vec![("data-compact", "off")], "", false, Auto, Off, "ent1", true, vec![]),
            ("E2 compact=maybe is still compact, with a notice", vec![("data-compact", "maybe")], "", true, Auto, Off, "ent1", true, vec!["data-compact"]),
            ("E3 dark", vec![("data-theme", "dark")], "", false, Dark, Off, "ent1", true, vec![]),
            ("E3 Light, any case", vec![("data-theme", " Light ")], "", false, Light, Off, "ent1", true, vec![]),
            ("E3 auto", vec![("data-theme", "auto")], "", false, Auto, Off, "ent1", true, vec![]),
            ("E3 an unknown theme falls back to auto", vec![("data-theme", "blue")], "", false, Auto, Off, "ent1", true, vec!["data-theme"]),
            ("E4 hash", vec![("data-url", "hash")], "", false, Auto, Hash, "ent1", true, vec![]),
            ("E4 off", vec![("data-url", "off")], "", false, Auto, Off, "ent1", true, vec![]),
            ("E4 an embed never writes the query", vec![("data-url", "query")], "", false, Auto, Off, "ent1", true, vec!["data-url"]),
            ("E5 the third embed's key", vec![], "", false, Auto, Off, "ent3", true, vec![]),
            ("E5 a chosen key", vec![("data-id", "map-2")], "", false, Auto, Off, "map-2", true, vec![]),
            ("E5 a key with a colon would break the hash", vec![("data-id", "a:b")], "", false, Auto, Off, "ent1", true, vec!["data-id"]),
            ("E5 an empty key", vec![("data-id", "")], "", false, Auto, Off, "ent1", true, vec!["data-id"]),
            ("E6 no link", vec![("data-link", "off")], "", false, Auto, Off, "ent1", false, vec![]),
            ("E6 an odd link value keeps the link", vec![("data-link", "sometimes")], "", false, Auto, Off, "ent1", true, vec!["data-link"]),
            ("all bad at once: every one said, none fatal",
                vec![("data-country", "12"), ("data-theme", "x"), ("data-url", "y"), ("data-id", "z z")],
                "", false, Auto, Off, "ent1", true, vec!["data-country", "data-theme", "data-url", "data-id"]),
        ];
        for (name, attrs, query, compact, theme, url, key, link, notices) in rows {
            let index = if name.starts_with("E5 the third") { 2 } else { 0 };
            let c = config(&attrs, index);
            assert_eq!(c.query, query, "{name}: query");
            assert_eq!(c.compact, compact, "{name}: compact");
            assert_eq!(c.theme, theme, "{name}: theme");
            assert_eq!(c.url, url, "{name}: url");
            assert_eq!(c.key, key, "{name}: key");
            assert_eq!(c.link, link, "{name}: link");
            assert_eq!(c.notices.len(), notices.len(), "{name}: {:?}", c.notices);
            for (n, attr) in c.notices.iter().zip(&notices) {
                assert!(n.contains(attr), "{name}: notice {n:?} should name {attr}");
            }
        }
    }

    #[test]
    fn e4_e6_config_becomes_embed_options() {
        let c = config(
            &[
                ("data-country", "IRN"),
                ("data-compact", ""),
                ("data-url", "hash"),
                ("data-id", "k"),
            ],
            0,
        );
        let o = c.options(Some("https://x.test/entente/index.html".into()));
        assert!(!o.use_url, "an embed never reads or writes the query");
        assert!(!o.persist, "an embed never touches storage");
        assert_eq!(o.initial_query.as_deref(), Some("?country=IRN"));
        assert_eq!(
            o.embed,
            Some(EmbedMode {
                compact: true,
                full_link: Some("https://x.test/entente/index.html".into()),
                hash_key: Some("k".into()),
            })
        );
        // E4 off: no hash key; E6 off: no link even when the page is known
        let c = config(&[("data-link", "off")], 0);
        let o = c.options(Some("index.html".into()));
        assert_eq!(o.embed, Some(EmbedMode::default()));
        assert_eq!(o.theme, Some(Theme::Auto));
    }

    #[test]
    #[rustfmt::skip]
    fn e7_hash_part_reads_only_this_embeds_part() {
        let cases = [
            ("empty hash", "", "ent1", None),
            ("only a host anchor", "#top", "ent1", None),
            ("the embed's part", "#ent1:country=IRN", "ent1", Some("country=IRN")),
            ("without the #", "ent1:country=IRN", "ent1", Some("country=IRN")),
            ("after a host anchor", "#top;ent1:actor=putin", "ent1", Some("actor=putin")),
            ("two embeds: the second", "#ent1:q=a;ent2:q=b", "ent2", Some("q=b")),
            ("ent10 is not ent1", "#ent10:q=a", "ent1", None),
            ("a key without colon is a host anchor", "#ent1", "ent1", None),
            ("an empty part", "#ent1:", "ent1", Some("")),
        ];
        for (name, hash, key, want) in cases {
            assert_eq!(hash_part(hash, key), want, "{name}");
        }
    }

    #[test]
    #[rustfmt::skip]
    fn e7_with_hash_part_leaves_other_content_alone() {
        let cases = [
            ("first write", "", "ent1", "?country=IRN", "#ent1:country=IRN"),
            ("appended after a host anchor", "#top", "ent1", "?country=IRN", "#top;ent1:country=IRN"),
            ("replaced in place, order kept", "#a;ent1:q=x;b", "ent1", "q=y", "#a;ent1:q=y;b"),
            ("removed when the view is the default", "#a;ent1:q=x;b", "ent1", "", "#a;b"),
            ("removing the only part leaves no hash", "#ent1:q=x", "ent1", "", ""),
            ("nothing to remove", "", "ent1", "", ""),
            ("the other embed's part kept", "#ent1:q=x", "ent2", "q=y", "#ent1:q=x;ent2:q=y"),
            ("ent10 kept when ent1 changes", "#ent10:q=x", "ent1", "q=y", "#ent10:q=x;ent1:q=y"),
            ("host content with odd characters kept byte for byte", "#x=1&y=%20:2", "ent1", "q=z", "#x=1&y=%20:2;ent1:q=z"),
            ("empty host parts kept", "#a;;b", "ent1", "q=z", "#a;;b;ent1:q=z"),
            ("a duplicated part is folded into one", "#ent1:q=a;x;ent1:q=b", "ent1", "q=c", "#ent1:q=c;x"),
        ];
        for (name, hash, key, query, want) in cases {
            assert_eq!(with_hash_part(hash, key, query), want, "{name}");
        }
    }

    #[test]
    fn e7_round_trip_of_every_view_parameter() {
        let (s, n) =
            url::parse("?country=IRN&leader=putin&q=drones%20and%3Bmore&actor=IRN&tab=graph");
        assert!(n.is_empty());
        let q = url::to_query(&s);
        let hash = with_hash_part("#top", "ent1", &q);
        let back = hash_part(&hash, "ent1").unwrap();
        assert_eq!(url::parse(back).0, s, "the ; in the search text is encoded");
        assert_eq!(hash_part(&hash, "top"), None);
        assert!(hash.starts_with("#top;ent1:"));
    }

    /// (name, location.search, expected: None, or Some((view query, theme, notices)))
    type FrameRow = (
        &'static str,
        &'static str,
        Option<(&'static str, Theme, usize)>,
    );

    #[test]
    #[rustfmt::skip]
    fn e8_frame_query_selects_the_iframe_form() {
        let cases: [FrameRow; 10] = [
            ("no embed parameter", "?country=IRN", None),
            ("empty query", "", None),
            ("embed=1 with a filter", "?embed=1&country=IRN", Some(("?country=IRN", Theme::Auto, 0))),
            ("embed anywhere, order of the rest kept", "?actor=putin&embed=1&country=IRN", Some(("?actor=putin&country=IRN", Theme::Auto, 0))),
            ("bare embed", "?embed", Some(("", Theme::Auto, 0))),
            ("embed=0 is the full page", "?embed=0&country=IRN", None),
            ("embed=false is the full page", "?embed=false", None),
            ("a theme", "?embed=1&theme=dark", Some(("", Theme::Dark, 0))),
            ("a bad theme", "?embed=1&theme=pink&q=a%20b", Some(("?q=a%20b", Theme::Auto, 1))),
            ("without the ?", "embed=true&leader=putin", Some(("?leader=putin", Theme::Auto, 0))),
        ];
        for (name, search, want) in cases {
            let got = frame_query(search);
            match want {
                None => assert!(got.is_none(), "{name}: {got:?}"),
                Some((view, theme, notices)) => {
                    let f = got.unwrap_or_else(|| panic!("{name}: should be the iframe form"));
                    assert_eq!(f.view, view, "{name}");
                    assert_eq!(f.theme, theme, "{name}");
                    assert_eq!(f.notices.len(), notices, "{name}: {:?}", f.notices);
                }
            }
        }
    }

    #[test]
    fn e9_frame_link_is_relative_to_the_page() {
        let cases = [
            ("a folder's index", "/some/deep/path/", "./"),
            ("the root", "/", "./"),
            ("index.html", "/x/index.html", "index.html"),
            ("the single file", "/home/me/entente.html", "entente.html"),
            ("empty", "", "./"),
        ];
        for (name, path, want) in cases {
            assert_eq!(frame_link_base(path), want, "{name}");
        }
        let o = frame_query("?embed=1&country=IRN")
            .unwrap()
            .options("/site/entente/");
        let e = o.embed.unwrap();
        assert!(e.compact, "E8 the iframe form is compact");
        assert_eq!(e.full_link.as_deref(), Some("./"));
        assert_eq!(e.hash_key, None, "E8 the iframe never writes its own URL");
        assert!(!o.use_url);
        assert_eq!(o.initial_query.as_deref(), Some("?country=IRN"));
    }
}
