//! What the browser component tests share (`mod support;` in each): an explorer mounted in
//! an element of its own, unmounted and removed when dropped, and the page's clock.
// Each test file uses its own part of this.
#![allow(dead_code)]

use entente::AppOptions;
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
        let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&el).unwrap();
        let handle = entente::mount_to(el.clone(), opts);
        Mounted {
            el,
            _handle: Box::new(handle),
        }
    }

    /// Every element of this explorer matching `selector`.
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.el.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
            .collect()
    }
}

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
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
