//! Component tests of the explorer's keyboard and storage behaviour (usable without a mouse; stored articles never lost silently) in headless
//! Chromium: where focus goes when a panel closes, the skip link, and the notice about
//! stored articles that cannot be read. Whole keyboard walks and axe runs are end-to-end
//! (`e2e/tests/keyboard.spec.mjs`, `e2e/tests/a11y.spec.mjs`).
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p entente --test a11y`

#![cfg(target_arch = "wasm32")]

use entente::{fixtures, storage, AppOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{document, fixture_options, key, settle, until, Mounted};

/// Mounts an explorer with `opts` and lets it settle as [`tick`] does.
async fn mount_with(opts: AppOptions) -> Mounted {
    let m = Mounted::new(opts);
    tick().await;
    m
}

/// The fixture corpus at `query`, touching neither the URL nor storage.
async fn mount(query: &str) -> Mounted {
    mount_with(fixture_options(query)).await
}

/// Lets effects run and a frame pass (focus moves after the next paint).
async fn tick() {
    settle(60).await;
}

impl Mounted {
    fn one(&self, selector: &str) -> Element {
        self.all(selector)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }
    fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }
    async fn click(&self, selector: &str) {
        self.one(selector).unchecked_ref::<HtmlElement>().click();
        tick().await;
    }
    async fn escape(&self) {
        // from what has focus, as a key press would, when that is inside the explorer
        let target = focused()
            .filter(|f| self.el.contains(Some(f)))
            .unwrap_or_else(|| self.one("[data-testid=app]"));
        key(&target, "Escape");
        tick().await;
    }
}

fn focused() -> Option<Element> {
    document().active_element()
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn closing_the_reader_returns_focus_to_the_evidence_link_that_opened_it() {
    let m = mount("?actor=RUS").await;
    let jump = m.one("[data-testid=actor-view] [data-testid=jump]");
    let reference = attr(&jump, "data-ref");
    assert!(!reference.is_empty());
    m.click("[data-testid=actor-view] [data-testid=jump]").await;
    assert_eq!(m.all("[data-testid=reader]").len(), 1);
    let at = focused().unwrap();
    assert!(
        at.class_list().contains("ent-sent"),
        "the reader focuses its sentence"
    );

    m.escape().await;
    assert!(m.all("[data-testid=reader]").is_empty());
    assert_eq!(m.text(".ent-panel__heading"), "Russia");
    let back = focused().unwrap();
    assert_eq!(attr(&back, "data-testid"), "jump");
    assert_eq!(attr(&back, "data-ref"), reference);
    assert!(back.closest("[data-testid=actor-view]").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn closing_the_reader_opened_from_a_card_returns_to_that_card() {
    let m = mount("").await;
    let sel = "[data-testid=card][data-actor=ISR] [data-testid=jump]";
    let reference = attr(&m.one(sel), "data-ref");
    m.click(sel).await;
    assert_eq!(m.all("[data-testid=reader]").len(), 1);
    m.escape().await;
    assert!(m.all(".ent-panel").is_empty(), "nothing left open");
    let back = focused().unwrap();
    assert_eq!(attr(&back, "data-ref"), reference);
    let card = back.closest("[data-testid=card]").unwrap().unwrap();
    assert_eq!(attr(&card, "data-actor"), "ISR");
}

#[wasm_bindgen_test]
async fn closing_the_reader_opened_from_the_article_list_returns_to_the_list() {
    let m = mount("").await;
    let first = m.one(".ent-articles [data-doc]");
    let key = attr(&first, "data-doc");
    m.click(".ent-articles [data-doc]").await;
    assert_eq!(m.all("[data-testid=reader]").len(), 1);
    m.escape().await;
    assert_eq!(attr(&focused().unwrap(), "data-doc"), key);
}

#[wasm_bindgen_test]
async fn closing_a_full_view_whose_card_is_filtered_out_focuses_the_first_card() {
    // With the filter on Israel, Reuters (the source of a claim, no relation with Israel) has no card.
    let m = mount("?country=ISR&actor=reuters").await;
    assert!(m.all("[data-testid=card][data-actor=reuters]").is_empty());
    assert_eq!(m.all("[data-testid=actor-view]").len(), 1);
    m.escape().await;
    assert!(m.all("[data-testid=actor-view]").is_empty());
    let first = m.one("[data-testid=card]");
    assert_eq!(focused(), Some(first));
}

#[wasm_bindgen_test]
async fn the_skip_link_focuses_the_main_view_and_embeds_have_none() {
    let m = mount("").await;
    assert_eq!(
        m.text("[data-testid=skip-to-cards]"),
        "Skip to the main view"
    );
    m.click("[data-testid=skip-to-cards]").await;
    assert_eq!(attr(&focused().unwrap(), "data-testid"), "main");
    let e = mount_with(AppOptions {
        corpus: Some(fixtures::sample()),
        ..AppOptions::embed("")
    })
    .await;
    assert!(e.all("[data-testid=skip-to-cards]").is_empty());
}

#[wasm_bindgen_test]
async fn unreadable_stored_articles_are_reported_kept_and_offered_for_download_or_discard() {
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let junk = "{\"version\": 1, \"articles\": [{\"id\": \"a\"";
    local.set_item(storage::KEY, junk).unwrap();
    // the bundled corpus plus what is stored (a given corpus would skip storage)
    let m = mount_with(AppOptions {
        initial_query: Some(String::new()),
        use_url: false,
        ..AppOptions::default()
    })
    .await;
    let notice = m.text("[data-testid=storage-problem]");
    assert!(
        notice.starts_with("Your saved articles could not be read (not JSON"),
        "{notice}"
    );
    assert_eq!(m.text("[data-testid=storage-download]"), "Download a copy");
    assert_eq!(m.text("[data-testid=storage-discard]"), "Discard them…");
    // not among the other notices, which a single Dismiss clears
    assert!(m.all("[data-testid=notice]").is_empty());

    // an article added now is used but not saved over the stored value
    m.click("[data-testid=add-open]").await;
    let text: web_sys::HtmlTextAreaElement = m.one("[data-testid=add-text]").unchecked_into();
    text.set_value("Putin praised Iran.");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    text.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    tick().await;
    m.click("[data-testid=add-submit]").await;
    // the first add of the page builds the engine in parts, with pauses (SL5)
    assert!(
        until(10_000, || !m.text("[data-testid=add-warnings]").is_empty()).await,
        "never added"
    );
    assert_eq!(m.all("[data-testid=your-article]").len(), 1);
    let warn = m.text("[data-testid=add-warnings]");
    assert!(
        warn.starts_with("Not saved for next time: Your saved articles could not be read"),
        "{warn}"
    );
    assert!(m
        .text("[data-testid=status-msg]")
        .ends_with("for this visit, but not saved for next time."));
    assert_eq!(local.get_item(storage::KEY).unwrap().as_deref(), Some(junk));

    // discarding (confirmed) removes it and keeps the article added in this visit instead
    let window = web_sys::window().unwrap();
    let yes = js_sys::Function::new_no_args("return true");
    js_sys::Reflect::set(&window, &"confirm".into(), &yes).unwrap();
    m.click("[data-testid=storage-discard]").await;
    assert!(m.all("[data-testid=storage-problem]").is_empty());
    assert!(m
        .text("[data-testid=status-msg]")
        .ends_with("yours from this visit are now kept."));
    let kept = storage::load().unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].text, "Putin praised Iran.");
    local.remove_item(storage::KEY).unwrap();
}
