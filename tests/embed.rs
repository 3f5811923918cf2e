//! Component tests of the embedded explorer in headless Chromium (see `src/embed.rs`):
//! an embed is a labelled region without `<h1>` or `<main>`; compact shows cards only;
//! attributes become options through `mount_into`; the hash mode writes its own part of
//! the hash and stops when unmounted. Over the fixture corpus where options allow it.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p entente --test embed`

#![cfg(target_arch = "wasm32")]

use entente::embed::{self, EmbedMode};
use entente::present::Theme;
use entente::{fixtures, AppOptions};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{all, count, new_host, tick};

/// Embed options over the fixture corpus.
fn options(query: &str, compact: bool) -> AppOptions {
    let mut o = AppOptions::embed(query);
    o.corpus = Some(fixtures::sample());
    o.embed = Some(EmbedMode {
        compact,
        full_link: Some("https://example.test/entente/index.html".into()),
        hash_key: None,
    });
    o
}

#[wasm_bindgen_test]
async fn compact_embed_is_a_region_with_cards_only() {
    let host = new_host();
    let handle = entente::mount_to(host.clone(), options("?country=IRN&tab=graph", true));
    tick().await;
    let root = all(&host, "[data-testid=app]").remove(0);
    assert_eq!(root.get_attribute("role").as_deref(), Some("region"));
    assert_eq!(
        root.get_attribute("aria-label").as_deref(),
        Some("Entente explorer")
    );
    assert!(root.class_list().contains("ent-root--embed"));
    assert!(root.class_list().contains("ent-root--compact"));
    assert!(
        all(&host, "h1, main").is_empty(),
        "the host owns h1 and main"
    );
    assert_eq!(all(&host, "h2.ent-embedbar__title").len(), 1);
    // E2: cards only, even when the starting query asks for the graph
    assert!(count(&host, "card") > 0);
    assert_eq!(count(&host, "graph"), 0);
    assert_eq!(count(&host, "tab-graph"), 0);
    assert_eq!(count(&host, "add-open"), 0);
    assert_eq!(count(&host, "filter-kind"), 0);
    assert_eq!(count(&host, "filter-country"), 1);
    assert_eq!(count(&host, "filter-leader"), 1);
    let link = all(&host, "[data-testid=full-link]").remove(0);
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.test/entente/index.html?country=IRN")
    );
    drop(handle);
    assert!(
        all(&host, "*").is_empty(),
        "unmounting empties the host element"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn full_embed_has_its_tools_under_an_h2() {
    let host = new_host();
    let mut o = options("", false);
    o.theme = Some(Theme::Dark);
    o.notices = vec!["Ignored `data-theme=\"x\"`".into()];
    let handle = entente::mount_to(host.clone(), o);
    tick().await;
    assert!(all(&host, "h1, main").is_empty());
    assert_eq!(all(&host, "h2.ent-header__title").len(), 1);
    assert_eq!(count(&host, "tab-graph"), 1);
    assert_eq!(count(&host, "add-open"), 1);
    assert_eq!(count(&host, "full-link"), 1);
    let root = all(&host, "[data-testid=app]").remove(0);
    assert!(root.class_list().contains("ent-root--dark"));
    assert!(!root.class_list().contains("ent-root--compact"));
    // notices given in the options are shown from the start
    assert_eq!(count(&host, "notice"), 1);
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn full_page_keeps_its_h1_and_main() {
    let host = new_host();
    let mut o = AppOptions {
        use_url: false,
        persist: false,
        initial_query: Some(String::new()),
        ..AppOptions::default()
    };
    o.corpus = Some(fixtures::sample());
    let handle = entente::mount_to(host.clone(), o);
    tick().await;
    assert_eq!(all(&host, "h1").len(), 1);
    assert_eq!(all(&host, "main").len(), 1);
    let root = all(&host, "[data-testid=app]").remove(0);
    assert_eq!(root.get_attribute("role"), None);
    assert!(!root.class_list().contains("ent-root--embed"));
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn mount_into_reads_the_attributes_and_unmount_embed_stops_the_hash() {
    let host = new_host();
    host.set_attribute("data-entente", "").unwrap();
    host.set_attribute("data-country", "irn").unwrap();
    host.set_attribute("data-compact", "").unwrap();
    host.set_attribute("data-url", "hash").unwrap();
    host.set_attribute("data-id", "wt").unwrap();
    host.set_text_content(Some("Loading…"));
    let w = web_sys::window().unwrap();
    w.location().set_hash("host").unwrap();

    // the bundled corpus (mount_into always uses it): Iran is in it
    assert!(embed::mount_into(host.clone(), None));
    assert!(
        !embed::mount_into(host.clone(), None),
        "a second mount is refused"
    );
    tick().await;
    assert!(!host
        .text_content()
        .unwrap_or_default()
        .starts_with("Loading"));
    assert!(count(&host, "card") > 0);
    assert_eq!(count(&host, "full-link"), 0, "no page given, no link");
    // E7: its part after the host's
    assert_eq!(w.location().hash().unwrap(), "#host;wt:country=IRN");

    assert!(embed::unmount_embed(&host));
    assert!(!embed::unmount_embed(&host));
    assert!(all(&host, "*").is_empty());
    // unmounted: a hash change is no longer read, nor the hash rewritten
    w.location().set_hash("host;wt:country=RUS").unwrap();
    tick().await;
    assert_eq!(w.location().hash().unwrap(), "#host;wt:country=RUS");
    w.location().set_hash("").unwrap();
    host.remove();
}
