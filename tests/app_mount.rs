//! Browser test: the app mounts and lists every bundled article.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

mod support;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn app_mounts_and_lists_the_bundled_articles() {
    entente::mount();
    let doc = support::document();
    let items = doc
        .query_selector_all("[data-testid=article]")
        .expect("valid selector");
    assert_eq!(items.length() as usize, entente::seeds::SEEDS.len());
}
