//! Browser calls the components need: the URL and history, local storage for the theme,
//! downloads through a Blob URL, reading dropped files, focusing a sentence. Thin
//! wrappers that fail quietly (return `None`/`Err(message)`), never panic.

use wasm_bindgen::JsCast;

/// The current `location.search` (with its `?`), or `""`.
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Writes `query` to the address bar: a new history entry, or (`replace`) the current one.
pub fn write_query(query: &str, replace: bool) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let Ok(history) = w.history() else {
        return;
    };
    let path = w.location().pathname().unwrap_or_default();
    let hash = w.location().hash().unwrap_or_default();
    let url = format!("{path}{query}{hash}");
    let _ = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// The current `location.hash` (with its `#`), or `""`.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the hash in place (no new history entry, the host's history state kept).
pub fn replace_hash(hash: &str) {
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
    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
    let _ = history.replace_state_with_url(&state, "", Some(&url));
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a local-storage key.
pub fn stored(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Writes a local-storage key; false when storage is unavailable or full.
pub fn store(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// True when the page is narrower than `px` CSS pixels.
pub fn narrower_than(px: u32) -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media(&format!("(max-width: {px}px)"))
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Offers `text` as a file download named `name` (Blob URL and a temporary `<a download>`).
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("download failed: {e:?}");
    let parts = js_sys::Array::new();
    parts.push(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("data-testid", "download-link").ok();
    a.style().set_property("display", "none").ok();
    if let Some(body) = doc.body() {
        body.append_child(&a).ok();
        a.click();
        body.remove_child(&a).ok();
    }
    // let the download start before the URL goes
    let url2 = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url2);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Reads a file's bytes.
pub async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("could not read {}: {e:?}", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The files of a file list, in order.
pub fn files(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Scrolls the element matching `selector` inside `root` into view and focuses it.
pub fn focus_within(root: &web_sys::Element, selector: &str) -> bool {
    let Ok(Some(el)) = root.query_selector(selector) else {
        return false;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
    true
}

/// Focuses the element matching `selector` inside `root`, if any (no scrolling); false
/// when there is none.
pub fn focus_first(root: &web_sys::Element, selector: &str) -> bool {
    match root.query_selector(selector) {
        Ok(Some(el)) => match el.dyn_into::<web_sys::HtmlElement>() {
            Ok(h) => {
                let _ = h.focus();
                true
            }
            Err(_) => false,
        },
        _ => false,
    }
}

/// Milliseconds from a fixed point (the page's clock), for timing slices of work. Read
/// after every step of an analysis, so the clock object is looked up once.
pub fn now_ms() -> f64 {
    thread_local! {
        static CLOCK: Option<web_sys::Performance> =
            web_sys::window().and_then(|w| w.performance());
    }
    CLOCK.with(|c| c.as_ref().map_or_else(js_sys::Date::now, |p| p.now()))
}

/// Gives the thread back to the browser (it paints, handles input), then resumes.
pub async fn pause() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// What Tab can reach in a panel.
const TABBABLE: &str = "button:not([disabled]), [href], input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex=\"-1\"])";

/// The open panel of `root` that covers the page, if any: the add-article panel, else the
/// side panel, when it is fixed to the viewport (no offset parent) and as wide as the
/// explorer, as at phone width. Beside the cards, or inside an embed, a panel is not modal.
fn modal_panel(root: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    [".ent-add", ".ent-layout .ent-panel"]
        .iter()
        .filter_map(|s| root.query_selector(s).ok().flatten())
        .filter_map(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|p| {
            p.offset_parent().is_none()
                && p.offset_width() > 0
                && p.offset_width() + 1 >= root.client_width()
        })
}

/// Tab (`back`: Shift+Tab) from `target` while a panel covers the page: moves focus round
/// inside the panel instead of to the page behind it. True when it moved focus (the caller
/// then prevents the default move).
pub fn keep_tab_inside_modal(
    root: &web_sys::Element,
    target: Option<web_sys::Element>,
    back: bool,
) -> bool {
    let Some(panel) = modal_panel(root) else {
        return false;
    };
    let Ok(list) = panel.query_selector_all(TABBABLE) else {
        return false;
    };
    let stops: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.offset_width() > 0 || e.offset_height() > 0)
        .collect();
    let (Some(first), Some(last)) = (stops.first(), stops.last()) else {
        return false;
    };
    let at = |e: &web_sys::HtmlElement| {
        target
            .as_ref()
            .is_some_and(|t| t == e.unchecked_ref::<web_sys::Element>())
    };
    let inside = target.as_ref().is_some_and(|t| panel.contains(Some(t)));
    let on_stop = stops.iter().any(at);
    let to = match (back, inside) {
        (_, false) => Some(if back { last } else { first }),
        // from the first stop, or the heading (focusable by script only), round to the last
        (true, true) if at(first) || !on_stop => Some(last),
        (false, true) if at(last) => Some(first),
        _ => None,
    };
    match to {
        Some(el) => {
            let _ = el.focus();
            true
        }
        None => false,
    }
}

/// Asks the reader to confirm `message` (the browser's own dialog); false if it cannot ask.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}
