// The explorer as the end-to-end specs drive it (a page object): the locators and steps
// several specs share, over a whole page, one embed (a Locator) or an iframe (a
// FrameLocator). The `explorer` fixture of fixtures.mjs gives one over the test's page.
// Steps do only what they say; the specs keep their own assertions.
import { expect } from "@playwright/test";

export class Explorer {
  /** @param scope a Page, or a Locator or FrameLocator around one explorer */
  constructor(scope) {
    this.scope = scope;
  }

  /** The element(s) with `data-testid` `id`. */
  byTestId(id) {
    return this.scope.getByTestId(id);
  }

  /** Every actor card. */
  get cards() {
    return this.scope.getByTestId("card");
  }

  /** The card of actor `id` ("IRN", "putin"). */
  card(id) {
    return this.scope.locator(`[data-testid="card"][data-actor="${id}"]`);
  }

  /** The heading of the open panel (an actor, a pair, the reader). */
  get heading() {
    return this.scope.locator(".ent-panel__heading").first();
  }

  /** The filter `name`: "country", "kind", "leader", "article", "q". */
  filter(name) {
    return this.scope.getByTestId(`filter-${name}`);
  }

  /** Opens the page at `path` (relative to the base URL: "./", "./?actor=RUS"). */
  async open(path = "./") {
    await this.scope.goto(path);
  }

  /** Waits until the first card shows. */
  async waitForCards() {
    await expect(this.cards.first()).toBeVisible();
  }

  /** Chooses `value` in the select filter `name` ("" clears it). */
  async filterBy(name, value) {
    await this.filter(name).selectOption(value);
  }

  /** Opens the add-article panel with its button (which toggles it). */
  async openAdd() {
    await this.byTestId("add-open").click();
  }

  /** Opens the add-article panel unless it is open. */
  async ensureAddOpen() {
    if ((await this.byTestId("add-panel").count()) === 0) await this.openAdd();
  }

  /** Types `name` and `text` into the add-article panel, which is open. */
  async fillArticle(name, text) {
    await this.byTestId("add-name").fill(name);
    await this.byTestId("add-text").fill(text);
  }

  /** Sets a long `text` in one go and fires `input` (typing megabytes would take minutes). */
  async setText(text) {
    await this.byTestId("add-text").evaluate((el, t) => {
      el.value = t;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);
  }

  /** Pastes an article: opens the panel, fills name and text, adds it. */
  async paste(name, text) {
    await this.openAdd();
    await this.fillArticle(name, text);
    await this.submit();
  }

  /** Presses the panel's Add button. */
  async submit() {
    await this.byTestId("add-submit").click();
  }
}
