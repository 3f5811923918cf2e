//! Embedding the explorer in other pages. Two forms:
//! - in a host page: `<div data-entente data-country="IRN" ...>` plus one script tag,
//!   `entente-embed.js` (written into `dist/` by `scripts/post-build.mjs`), which loads the
//!   wasm next to it and calls [`mount_embeds`]: each element gets its own explorer, with
//!   options read from its `data-*` attributes by [`EmbedConfig::from_attrs`];
//! - in an iframe: `index.html?embed=1&country=IRN`, read by [`frame_query`].
//!
//! Rules (their ids are used in comments, tests and the README):
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

use crate::app::AppOptions;
use crate::present::Theme;
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

/// How an explorer is shown inside another page (set in [`AppOptions::embed`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedMode {
    /// Cards only: no graph, no "add your own article" panel, a short row of filters.
    pub compact: bool,
    /// Where "Open in the full explorer" points; the current view's query is appended.
    /// No link when `None`.
    pub full_link: Option<String>,
    /// Keep the view in `location.hash` under this key (E7).
    pub hash_key: Option<String>,
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

// ---- in the browser ----

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{Ctx, FacetSelect};
use crate::filter::Facet;
use crate::url::Tab;

/// Which page the wasm was started on (by `main`).
pub enum PageKind {
    /// Entente's own page (`<body data-entente-page>`): the full explorer.
    Full,
    /// Entente's own page asked for the iframe form (E8).
    Frame(Box<AppOptions>),
    /// Someone else's page: `entente-embed.js` mounts the embeds.
    Host,
}

/// Tells what page this is: `index.html` marks its body with `data-entente-page`.
pub fn page_kind() -> PageKind {
    let Some(w) = web_sys::window() else {
        return PageKind::Host;
    };
    let own = w
        .document()
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-entente-page"));
    if !own {
        return PageKind::Host;
    }
    let search = w.location().search().unwrap_or_default();
    match frame_query(&search) {
        Some(f) => {
            let path = w.location().pathname().unwrap_or_default();
            PageKind::Frame(Box::new(f.options(&path)))
        }
        None => PageKind::Full,
    }
}

thread_local! {
    /// The embeds mounted by [`mount_into`], with the handles that unmount them when dropped.
    static MOUNTED: RefCell<Vec<(web_sys::HtmlElement, Box<dyn std::any::Any>)>> =
        const { RefCell::new(Vec::new()) };
}

fn is_mounted(el: &web_sys::HtmlElement) -> bool {
    MOUNTED.with_borrow(|m| m.iter().any(|(e, _)| e == el))
}

/// The page's embed elements, in document order.
fn embed_elements() -> Vec<web_sys::HtmlElement> {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("[data-entente]").ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Mounts an explorer into every `[data-entente]` element of the page not mounted yet.
/// `full_page` is the address of the full explorer, for the "Open in the full explorer"
/// link. Returns how many were mounted. Called by `entente-embed.js` on load.
#[wasm_bindgen]
pub fn mount_embeds(full_page: Option<String>) -> u32 {
    let mut n = 0;
    for el in embed_elements() {
        if mount_into(el, full_page.clone()) {
            n += 1;
        }
    }
    n
}

/// Mounts an explorer into `el` with the options of its `data-*` attributes (see the
/// module's rules). Whatever `el` held (a "loading" line) is replaced. Returns false when
/// `el` already holds one.
#[wasm_bindgen]
pub fn mount_into(el: web_sys::HtmlElement, full_page: Option<String>) -> bool {
    if is_mounted(&el) {
        return false;
    }
    let index = embed_elements()
        .iter()
        .position(|e| e == &el)
        .unwrap_or_else(|| MOUNTED.with_borrow(|m| m.len()));
    let config = EmbedConfig::from_attrs(|name| el.get_attribute(name), index);
    el.set_text_content(None);
    let handle = crate::mount_to(el.clone(), config.options(full_page));
    MOUNTED.with_borrow_mut(|m| m.push((el, Box::new(handle))));
    true
}

/// Unmounts the explorer in `el`: its elements, effects and listeners go. Returns false
/// when `el` holds none.
#[wasm_bindgen]
pub fn unmount_embed(el: &web_sys::HtmlElement) -> bool {
    let handle = MOUNTED.with_borrow_mut(|m| {
        let i = m.iter().position(|(e, _)| e == el)?;
        Some(m.remove(i))
    });
    // dropped outside the borrow: unmounting runs cleanups
    handle.is_some()
}

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the hash in place (no new history entry, the host's history state kept).
fn replace_hash(hash: &str) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let Ok(history) = w.history() else {
        return;
    };
    let loc = w.location();
    let url = format!(
        "{}{}{hash}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    let state = history.state().unwrap_or(JsValue::NULL);
    let _ = history.replace_state_with_url(&state, "", Some(&url));
}

/// The starting query of an explorer keeping its view in the hash under `key`: its part
/// of the hash when there is one (E7).
pub fn hash_start(key: &str) -> Option<String> {
    hash_part(&location_hash(), key).map(|q| format!("?{q}"))
}

/// Keeps `ctx`'s view in the hash under `key` (E7): written on each change, read back when
/// the hash changes (typed by hand, or the host's navigation). The listener goes with the
/// explorer.
pub fn sync_hash(ctx: Ctx, key: String, compact: bool) {
    let k = key.clone();
    Effect::new(move |_| {
        let q = ctx.state.with(url::to_query);
        let hash = location_hash();
        let next = with_hash_part(&hash, &k, &q);
        if next != hash {
            replace_hash(&next);
        }
    });
    let handle = window_event_listener_untyped("hashchange", move |_| {
        let q = hash_part(&location_hash(), &key)
            .unwrap_or_default()
            .to_string();
        let (mut s, n1) = url::parse(&q);
        if compact {
            s.tab = Tab::Cards;
        }
        let (s, n2) = ctx.corpus.with_untracked(|c| c.validate(s));
        let fresh: Vec<String> = n1.iter().chain(n2.iter()).map(|n| n.to_string()).collect();
        if !fresh.is_empty() {
            ctx.notices.set(fresh);
        }
        if ctx.state.with_untracked(|cur| *cur != s) {
            ctx.state.set(s);
        }
    });
    on_cleanup(move || handle.remove());
}

/// "Open in the full explorer": `base` with the current view's query, in a new tab.
#[component]
pub fn FullLink(base: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let href = move || format!("{base}{}", ctx.state.with(url::to_query));
    view! {
        <a
            class="ent-embedbar__link"
            data-testid="full-link"
            href=href
            target="_blank"
            rel="noopener"
        >
            "Open in the full explorer"
        </a>
    }
}

/// The compact embed's top line: the name (a level-2 heading: the host owns `<h1>`) and
/// the link to the full explorer.
#[component]
pub fn EmbedBar(link: Option<String>) -> impl IntoView {
    view! {
        <div class="ent-embedbar" data-testid="embed-bar">
            <h2 class="ent-embedbar__title">"Entente"</h2>
            <span class="ent-embedbar__tagline">
                "What states and leaders say to each other, and what they do"
            </span>
            {link.map(|base| view! { <FullLink base /> })}
        </div>
    }
}

/// The compact embed's filters: search, country, leader, clear.
#[component]
pub fn CompactFilters() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <div class="ent-compactfilters" role="group" aria-label="Filters" data-testid="filters">
            <label class="ent-field">
                <span class="ent-field__label">"Search sentences"</span>
                <input
                    type="search"
                    class="ent-input"
                    data-testid="filter-q"
                    placeholder="e.g. drones"
                    prop:value=move || ctx.filters.with(|f| f.q.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        ctx.state.update(|s| s.filters.q = v);
                    }
                />
            </label>
            <FacetSelect facet=Facet::Country label="Country" testid="filter-country" />
            <FacetSelect facet=Facet::Leader label="Leader" testid="filter-leader" />
            <button
                type="button"
                class="ent-button"
                data-testid="clear-filters"
                disabled=move || ctx.filters.with(|f| f.is_empty())
                on:click=move |_| ctx.clear_filters()
            >
                "Clear filters"
            </button>
        </div>
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
