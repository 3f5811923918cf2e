//! Embedding the explorer in other pages. Two forms:
//! - in a host page: `<div data-entente data-country="IRN" ...>` plus one script tag,
//!   `entente-embed.js` (written into `dist/` by `scripts/post-build.mjs`), which loads the
//!   wasm next to it and calls [`mount_embeds`]: each element gets its own explorer, with
//!   options read from its `data-*` attributes by [`EmbedConfig::from_attrs`];
//! - in an iframe: `index.html?embed=1&country=IRN`, read by [`frame_query`].
//!
//! The options and their rules (E1 to E9) are in [`config`], which touches no browser API;
//! this module finds the elements and mounts an explorer in each.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::AppOptions;

pub mod config;

pub use crate::state::EmbedMode;
pub use config::{
    default_key, frame_link_base, frame_query, hash_part, with_hash_part, EmbedConfig, FrameQuery,
    UrlMode,
};

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
