/* Station mode: a save that fails (network error, 5xx, expired login) is never lost.
 * It is kept in localStorage and on screen ("not saved yet, retrying") and retried with
 * backoff, also after navigating to the next participant. Each submission carries a UUID
 * (client_token), so a retry after a lost response cannot store the values twice.
 * The stored values never include the CSRF token: each send uses the page's current one, so a
 * save queued before an expired login arrives after logging in again. A 403 is final: the item
 * shows "refused: enter again" and is not retried. Logging out of a shared tablet clears the
 * queue and says what was not sent; values queued under another login are never sent.
 * Without JavaScript the form is an ordinary POST. */
(function () {
  "use strict";
  var KEY = "gc-station-pending";
  var FLASH = "gc-station-flash";
  var ALARM = "gc-station-alarm";
  var timers = {};

  function texts() {
    var t = document.getElementById("pending-texts");
    return t ? t.dataset : { retrying: "not saved yet, retrying", saved: "saved", rejected: "refused" };
  }
  function loadAll() {
    try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; }
  }
  function load() {
    var user = texts().user;
    return loadAll().filter(function (it) { return !user || it.owner === user; });
  }
  function store(items) { localStorage.setItem(KEY, JSON.stringify(items)); }
  function update(id, changes) {
    var items = load().map(function (it) { return it.id === id ? Object.assign(it, changes) : it; });
    store(items);
    render();
  }
  function remove(id) { store(load().filter(function (it) { return it.id !== id; })); render(); }
  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }
  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function valuesOnly(form) {
    var data = new FormData(form);
    data.delete("csrfmiddlewaretoken");  // a stored token goes stale when the login is renewed
    return new URLSearchParams(data).toString();
  }

  function render() {
    var box = document.getElementById("pending-saves");
    var list = document.getElementById("pending-list");
    if (!box || !list) { return; }
    var items = load();
    list.textContent = "";
    items.forEach(function (it) {
      var li = document.createElement("li");
      li.className = "pending-item";
      li.dataset.id = it.id;
      var state = document.createElement("span");
      state.className = "state";
      state.textContent = it.state === "rejected" ? texts().rejected : texts().retrying;
      li.textContent = (it.label || "") + ": ";
      li.appendChild(state);
      list.appendChild(li);
    });
    box.hidden = items.length === 0;
  }

  /* Resolves to {result: "ok" | "rejected" | "retry", data} */
  function send(item) {
    return fetch(item.url, {
      method: "POST",
      body: item.body,
      credentials: "same-origin",
      headers: {
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
        "X-CSRFToken": csrfToken()
      }
    }).then(function (response) {
      if (response.status === 403) { return { result: "refused" }; }
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") !== -1;
      if (!json || response.status >= 500) { return { result: "retry" }; }
      return response.json().then(function (data) {
        return { result: response.ok ? "ok" : "rejected", data: data };
      });
    }).catch(function () { return { result: "retry" }; });
  }

  function schedule(item) {
    var tries = (item.tries || 0) + 1;
    update(item.id, { tries: tries, state: "retrying" });
    var delay = Math.min(60000, 2000 * Math.pow(2, tries - 1));
    clearTimeout(timers[item.id]);
    timers[item.id] = setTimeout(function () { retry(item.id); }, delay);
  }

  function retry(id) {
    var item = load().filter(function (it) { return it.id === id; })[0];
    if (!item || item.state === "rejected") { return; }
    send(item).then(function (outcome) {
      if (outcome.result === "ok") { remove(id); flashSaved(outcome.data); }
      else if (outcome.result === "rejected" || outcome.result === "refused") {
        update(id, { state: "rejected" });
      }
      else { schedule(item); }
    });
  }

  function flash(message, alarm) {
    var main = document.getElementById("main");
    if (!main || !message) { return; }
    var p = document.createElement("p");
    p.className = alarm ? "save-alarm" : "save-ok";
    p.setAttribute("role", alarm ? "alert" : "status");
    p.textContent = message;
    main.insertBefore(p, main.firstChild);
  }
  /* An alarm value is told at once to whoever saved it, above the "saved" line. */
  function flashSaved(data) {
    flash(data.message);
    if (data.alarm) { flash(data.alarm, true); }
  }

  function onSubmit(event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-station-form]")) { return; }
    event.preventDefault();
    var token = form.querySelector("input[name=client_token]");
    if (!token) { return; }
    if (!token.value) { token.value = uuid(); }
    var item = {
      id: token.value,
      url: form.action,
      body: valuesOnly(form),
      label: form.dataset.label,
      owner: texts().user,
      tries: 0,
      state: "retrying"
    };
    store(load().filter(function (it) { return it.id !== item.id; }).concat([item]));
    var button = form.querySelector("button[type=submit]");
    if (button) { button.disabled = true; }
    send(item).then(function (outcome) {
      if (button) { button.disabled = false; }
      if (outcome.result === "ok") {
        remove(item.id);
        sessionStorage.setItem(FLASH, outcome.data.message || "");
        sessionStorage.setItem(ALARM, outcome.data.alarm || "");
        window.location.assign(outcome.data.redirect);
      } else if (outcome.result === "refused") {
        update(item.id, { state: "rejected" });
      } else if (outcome.result === "rejected") {
        remove(item.id);
        var holder = document.getElementById("entry-form");
        if (holder && outcome.data.html) { holder.innerHTML = outcome.data.html; }
        var summary = document.getElementById("error-summary");
        if (summary) { summary.focus(); }
      } else {
        render();
        schedule(item);
        // The values are safe in the pending list; give the form a fresh token for new input.
        form.reset();
        token.value = uuid();
      }
    });
  }

  function notice(lines) {
    var main = document.getElementById("main");
    if (!main) { return; }
    var box = document.createElement("div");
    box.className = "not-sent";
    box.id = "not-sent";
    box.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = texts().notsent || "Not sent, enter again:";
    var ul = document.createElement("ul");
    lines.forEach(function (line) {
      var li = document.createElement("li");
      li.textContent = line;
      ul.appendChild(li);
    });
    box.appendChild(p);
    box.appendChild(ul);
    main.insertBefore(box, main.firstChild);
  }

  /* Shared tablet: the next person must not send (or see) this person's values. The first
   * click on "Log out" clears the queue and lists what was not sent; the second logs out. */
  function onLogout(event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[action$='/logout/']")) { return; }
    var items = loadAll();
    if (!items.length) { return; }
    event.preventDefault();
    localStorage.removeItem(KEY);
    Object.keys(timers).forEach(function (id) { clearTimeout(timers[id]); });
    render();
    notice(items.map(function (it) { return it.label || it.id; }));
  }

  /* Values another login left on this tablet are dropped unsent, and named. */
  function dropForeign() {
    var user = texts().user;
    var foreign = loadAll().filter(function (it) { return user && it.owner !== user; });
    if (!foreign.length) { return; }
    store(load());
    notice(foreign.map(function (it) { return it.label || it.id; }));
  }

  document.addEventListener("submit", onLogout);
  document.addEventListener("submit", onSubmit);
  document.addEventListener("DOMContentLoaded", function () {
    dropForeign();
    var message = sessionStorage.getItem(FLASH);
    var alarm = sessionStorage.getItem(ALARM);
    if (message) { sessionStorage.removeItem(FLASH); flash(message); }
    if (alarm) { sessionStorage.removeItem(ALARM); flash(alarm, true); }
    var button = document.getElementById("pending-retry");
    if (button) {
      button.addEventListener("click", function () { load().forEach(function (it) { retry(it.id); }); });
    }
    render();
    load().forEach(function (it) { if (it.state !== "rejected") { retry(it.id); } });
    window.addEventListener("online", function () { load().forEach(function (it) { retry(it.id); }); });
  });
}());
