//! What the browser component tests share (`mod support;` in each): an explorer mounted in
//! an element of its own, unmounted and removed when dropped; the fixture options; the
//! page's clock; element look-ups and the events a user's hand would fire.
// Each test file uses its own part of this.
#![allow(dead_code)]

use entente::corpus::PageCorpus;
use entente::{fixtures, AppOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A mounted explorer in its own element; unmounted and removed when dropped.
pub struct Mounted {
    pub el: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.el.remove();
    }
}

impl Mounted {
    /// Mounts an explorer with `opts` into a new element at the end of `<body>`; the caller
    /// lets it settle (its own `tick`).
    pub fn new(opts: AppOptions) -> Mounted {
        let el = new_host();
        let handle = entente::mount_to(el.clone(), opts);
        Mounted {
            el,
            _handle: Box::new(handle),
        }
    }

    /// Every element of this explorer matching `selector`.
    pub fn all(&self, selector: &str) -> Vec<Element> {
        all(&self.el, selector)
    }
}

/// Mounts an explorer with `opts` and lets it settle ([`tick`]).
pub async fn mount_with(opts: AppOptions) -> Mounted {
    let m = Mounted::new(opts);
    tick().await;
    m
}

/// An explorer over `corpus` at `query`, touching neither the URL nor storage.
pub fn options(query: &str, corpus: PageCorpus) -> AppOptions {
    AppOptions {
        initial_query: Some(query.to_string()),
        use_url: false,
        persist: false,
        corpus: Some(corpus),
        ..AppOptions::default()
    }
}

/// The fixture corpus at `query`, touching neither the URL nor storage.
pub fn fixture_options(query: &str) -> AppOptions {
    options(query, fixtures::sample())
}

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A new empty element at the end of `<body>`.
pub fn new_host() -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Every element under `el` matching `selector`.
pub fn all(el: &Element, selector: &str) -> Vec<Element> {
    let list = el.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect()
}

/// How many elements under `el` have `data-testid` `testid`.
pub fn count(el: &Element, testid: &str) -> usize {
    all(el, &format!("[data-testid=\"{testid}\"]")).len()
}

/// Fires a bubbling event `name` at `target`.
pub fn fire(target: &web_sys::EventTarget, name: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(name, &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

/// Fires a bubbling, cancelable `keydown` of `key` at `target`.
pub fn key(target: &web_sys::EventTarget, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_key(key);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

/// Lets effects run, then waits 20 ms so the page paints and runs its tasks.
pub async fn tick() {
    settle(20).await;
}

/// Lets effects run, then waits `ms` milliseconds.
pub async fn settle(ms: i32) {
    leptos::task::tick().await;
    sleep(ms).await;
}

/// Waits until `done` holds, looking every 20 ms (the page runs its tasks meanwhile), for
/// at most `ms` milliseconds; false on time-out.
pub async fn until(ms: i32, mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..ms / 20 {
        if done() {
            return true;
        }
        leptos::task::tick().await;
        sleep(20).await;
    }
    done()
}

/// Waits `ms` milliseconds (a timer, so the page paints and runs its tasks meanwhile).
pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}
