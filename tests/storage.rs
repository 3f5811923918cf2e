//! `storage::load` / `save` against the real `window.localStorage` in headless Chromium.
//!
//! ```text
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p entente --test storage
//! ```
//!
//! Tests share the page's storage and may run in any order, so each starts by setting
//! the key to a known state.
#![cfg(target_arch = "wasm32")]

use entente::storage::{self, StorageError, UserArticle, KEY};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window()
        .expect("a window")
        .local_storage()
        .expect("storage allowed in the test browser")
        .expect("local storage present")
}

fn set_raw(value: Option<&str>) {
    match value {
        Some(v) => local().set_item(KEY, v).unwrap(),
        None => local().remove_item(KEY).unwrap(),
    }
}

fn get_raw() -> Option<String> {
    local().get_item(KEY).unwrap()
}

fn article(id: &str, text: &str) -> UserArticle {
    UserArticle {
        id: id.into(),
        name: format!("{id}.txt"),
        text: text.into(),
        warning: None,
    }
}

#[wasm_bindgen_test]
fn nothing_stored_loads_as_no_articles() {
    set_raw(None);
    assert_eq!(storage::load(), Ok(vec![]));
    assert_eq!(storage::raw(), Ok(None));
}

#[wasm_bindgen_test]
fn save_and_load_round_trip() {
    set_raw(None);
    let articles = vec![
        article("user-a-txt", "Putin praised Iran."),
        UserArticle {
            warning: Some(
                "b.txt is not valid UTF-8: 1 invalid sequence was replaced with \u{fffd}".into(),
            ),
            ..article("user-b-txt", "Лавров \"said\"\n\u{fffd} 🇮🇷")
        },
    ];
    storage::save(&articles).unwrap();
    assert_eq!(storage::load(), Ok(articles.clone()));
    // Stored as the versioned envelope under the one key.
    let raw: serde_json::Value = serde_json::from_str(&get_raw().unwrap()).unwrap();
    assert_eq!(raw["version"], 1);
    assert_eq!(raw["articles"][1]["id"], "user-b-txt");
    // Saving fewer articles replaces the list.
    storage::save(&articles[..1]).unwrap();
    assert_eq!(storage::load(), Ok(articles[..1].to_vec()));
}

#[wasm_bindgen_test]
fn corrupt_value_is_reported_and_preserved_s2() {
    let junk = "{\"version\": 1, \"articles\": [{\"id\": \"a\"";
    set_raw(Some(junk));
    match storage::load() {
        Err(StorageError::Corrupt { detail }) => {
            assert!(detail.starts_with("not JSON"), "{detail}")
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    assert_eq!(get_raw().as_deref(), Some(junk), "load kept the value");
    // Saving does not overwrite it either.
    assert!(matches!(
        storage::save(&[article("new", "x")]),
        Err(StorageError::Corrupt { .. })
    ));
    assert_eq!(get_raw().as_deref(), Some(junk), "save kept the value");
    assert_eq!(storage::raw(), Ok(Some(junk.to_string())));
    // Only discard removes it; then saving works.
    storage::discard().unwrap();
    assert_eq!(get_raw(), None);
    storage::save(&[article("new", "x")]).unwrap();
    assert_eq!(storage::load(), Ok(vec![article("new", "x")]));
}

#[wasm_bindgen_test]
fn other_version_is_reported_and_preserved_s3() {
    let newer = "{\"version\": 2, \"articles\": [], \"folders\": []}";
    set_raw(Some(newer));
    assert_eq!(storage::load(), Err(StorageError::OldFormat { version: 2 }));
    assert_eq!(
        storage::save(&[article("new", "x")]),
        Err(StorageError::OldFormat { version: 2 })
    );
    assert_eq!(get_raw().as_deref(), Some(newer));
}

#[wasm_bindgen_test]
fn quota_error_is_told_apart_and_keeps_the_previous_value_s1() {
    set_raw(None);
    let before = vec![article("user-small", "small")];
    storage::save(&before).unwrap();
    let stored = get_raw();
    // Chromium allows about 10 MB (5 M UTF-16 code units) per origin: 12 M characters
    // cannot fit.
    let huge = vec![article("user-huge", &"a".repeat(12 * 1024 * 1024))];
    assert_eq!(storage::save(&huge), Err(StorageError::QuotaExceeded));
    assert_eq!(get_raw(), stored, "previous value untouched");
    assert_eq!(storage::load(), Ok(before));
}
