// Dastyar chat panel: runs in the widget's iframe, on the same origin as the API (see docs/widget-protocol.md).
'use strict';
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const LANGS = ['en', 'fa', 'ar', 'az'];
const pickLang = (tag) => { const l = String(tag || '').slice(0, 2).toLowerCase(); return LANGS.includes(l) ? l : null; };
const lang = pickLang(params.get('lang')) || pickLang(navigator.language) || 'en';
// Locales chosen for their digits: Persian in fa, Arabic-Indic in ar.
const LOCALE = { en: 'en-GB', fa: 'fa-IR', ar: 'ar-u-nu-arab', az: 'az-Latn-AZ' }[lang];
const fmtN = (n) => new Intl.NumberFormat(LOCALE).format(n);
const fmtTime = new Intl.DateTimeFormat(LOCALE, { hour: 'numeric', minute: '2-digit' });

const T = DASTYAR_STRINGS[lang];

// localStorage can be blocked for third-party frames; the chat then works for this page view only.
const store = {
  get(k) { try { return localStorage.getItem(k); } catch { return null; } },
  set(k, v) { try { localStorage.setItem(k, v); } catch { /* memory only */ } },
  del(k) { try { localStorage.removeItem(k); } catch { /* memory only */ } },
  keys(prefix) {
    try { return Object.keys(localStorage).filter((k) => k.startsWith(prefix)); } catch { return []; }
  },
};
// Each unsent message under a key of its own: two open tabs then never overwrite each other's.
const PENDING = 'dastyar.pending.';
const keepPending = (p) => store.set(PENDING + p.clientMessageId, JSON.stringify(p));
const dropPending = (cid) => store.del(PENDING + cid);
function loadPending() {
  const items = [];
  for (const k of store.keys(PENDING)) {
    try { items.push(JSON.parse(store.get(k))); } catch { store.del(k); }
  }
  return items.filter((p) => p && p.clientMessageId).sort((a, b) => String(a.at).localeCompare(String(b.at)));
}
const cfg = { title: T.bot, brandColor: null, maxMessageLength: 4000, greeting: null };
let token = store.get('dastyar.token');
let pending = loadPending();
const log = $('dastyar-messages');
const input = $('dastyar-input');
const seen = new Set();        // transcript line ids already shown
const seenCids = new Set();    // clientMessageIds of inbound lines already shown
const local = new Map();       // clientMessageId -> bubble shown before the server had the line
const labels = new Map();      // quick-reply payload -> label, to show "[payload]" lines by their label
let greetPending = true, live = false, visible = true, unread = 0;
function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID(); // only in secure contexts
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function el(tag, cls, text, id) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text; // text always goes in as text
  if (id) e.id = id;
  return e;
}

/* ---------- HTTP ---------- */
let tokenRequest = null;
function ensureToken() {
  if (token) return Promise.resolve(token);
  // One request even if several callers need a token at once: each would mint a new visitor.
  tokenRequest = tokenRequest || fetch('/api/widget/visitors', { method: 'POST' })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`visitors: ${r.status}`))))
    .then((j) => { token = j.token; store.set('dastyar.token', token); return token; })
    .finally(() => { tokenRequest = null; });
  return tokenRequest;
}

async function api(method, path, body, noRenew) {
  await ensureToken();
  const headers = { Authorization: `Bearer ${token}` };
  if (body) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  if (res.status === 401 && !noRenew) return renewToken().then(() => api(method, path, body, true));
  const json = (res.headers.get('content-type') || '').includes('json') ? await res.json() : null;
  if (!res.ok && !(json && json.type)) throw new Error(`${path}: ${res.status}`); // error frames are answers
  return json;
}

// The token is unknown or forged (e.g. the secret changed): start over as a new visitor.
let renewing = null;
function renewToken() {
  renewing = renewing || (async () => {
    token = null;
    store.del('dastyar.token');
    await ensureToken();
    resetView();
    await syncHistory(true).catch(() => {});
    connect();
  })().finally(() => { renewing = null; });
  return renewing;
}

async function syncHistory(noRenew) {
  const r = await api('GET', '/api/widget/conversation', null, noRenew);
  ((r && r.messages) || []).forEach(render);
  if (r && r.queueStatus) showQueueStatus(r.queueStatus);
  if (greetPending) {
    greetPending = false;
    const state = r && r.conversation && r.conversation.state;
    if (state === 'CLOSED') showClosed();
    if (!state || state === 'CLOSED') greet();
  }
}

/* ---------- Rendering ---------- */
function stamp(line, at) {
  line.querySelector(':scope > time')?.remove();
  const d = at ? new Date(at) : null;
  if (!d || isNaN(d)) return;
  const t = el('time', 'time', fmtTime.format(d)); // the visitor's own time zone
  t.dateTime = d.toISOString();
  line.insertBefore(t, line.querySelector(':scope > .hint'));
}

/**
 * The direction most of a line's letters read in. Unlike dir="auto", which follows the first letter only, a Persian
 * sentence that starts with a Latin name («Sara از همکاران ما …») still reads right to left, full stop included.
 */
function directionOf(text) {
  let rtl = 0;
  let ltr = 0;
  for (const c of text || '') {
    if (/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(c)) rtl++;
    else if (/\p{L}/u.test(c)) ltr++;
  }
  return rtl > ltr ? 'rtl' : rtl === 0 && ltr === 0 ? 'auto' : 'ltr';
}

function line(m, author) {
  const e = el('div', 'msg');
  e.dataset.author = author;
  e.dataset.kind = m.kind || 'message';
  if (m.id != null) e.dataset.id = m.id;
  if (e.dataset.kind === 'message' && author !== 'system') {
    // An agent's message carries the agent's name; el() sets it as text, never as markup.
    e.append(el('span', author === 'customer' ? 'author sr-only' : 'author',
      author === 'agent' && m.agentName ? m.agentName : T[author]));
  }
  const body = el('div', 'text');
  // Each line takes its direction from its own words: English typed in a Persian panel still reads left to right.
  body.dir = directionOf(m.text);
  if (author === 'bot' && m.html) {
    body.classList.add('html');
    body.innerHTML = m.html; // the only HTML we accept: the server renders and escapes it
    // Links must not navigate the little iframe.
    body.querySelectorAll('a[href]').forEach((a) => { a.target = '_blank'; a.rel = 'noopener noreferrer'; });
  } else {
    body.textContent = m.text || '';
  }
  e.append(body);
  stamp(e, m.at);
  return e;
}

// Lines keep transcript order; lines not yet sent (pending, no id) stay last.
function place(e, id) {
  let ref = null;
  for (const c of log.children) {
    if (c === e) continue;
    const cid = c.dataset.id;
    if ((!cid && c.dataset.pending === 'true') || (id != null && cid && Number(cid) > Number(id))) { ref = c; break; }
  }
  log.insertBefore(e, ref);
}

// A pressed button is stored as "[payload]": show the label it had.
function pressedText(text) {
  const m = /^\[([^\]\n]+)\]$/.exec(text || '');
  return m ? labels.get(m[1]) || m[1] : text;
}

/** The place and wait now, shown in the queue-status line where it stands (a new line only if there is none yet). */
function showQueueStatus(f) {
  const e = $('dastyar-queue-status');
  if (!e) {
    render({ direction: 'out', author: 'system', kind: 'queue_status', text: f.text, at: f.at });
    return;
  }
  const text = e.querySelector('.text');
  text.textContent = f.text || '';
  text.dir = directionOf(f.text);
  stamp(e, f.at);
}

function render(m) {
  if (m.id != null && seen.has(m.id)) return;
  if (m.id != null) seen.add(m.id);
  const inbound = m.direction === 'in' || m.author === 'customer';
  // Only the bot's lines may carry HTML; a line from anyone unknown is shown as a plain-text notice.
  const author = inbound ? 'customer' : ['bot', 'agent', 'system'].includes(m.author) ? m.author : 'system';
  const cid = inbound ? m.clientMessageId : null;
  if (cid) seenCids.add(cid);
  hideTyping();
  if (inbound && (m.text || '').trim() === '/start') {
    // never shown: it only opens a new conversation
  } else if (cid && local.has(cid)) {
    confirmLine(local.get(cid), m.id); // our own bubble, now confirmed by the server
  } else {
    let e = m.kind === 'queue_status' ? $('dastyar-queue-status') : null;
    if (e && Number(e.dataset.id) > Number(m.id)) {
      // an older status (from history read after a newer live one): the newer one stands
      refreshQuickReplies();
      return;
    }
    if (e) { // at most one queue status: update it and move it to the end
      e.querySelector('.text').textContent = m.text || '';
      e.dataset.id = m.id;
      stamp(e, m.at);
    } else {
      e = line(inbound ? { ...m, text: pressedText(m.text) } : m, author);
      if (m.kind === 'queue_status') e.id = 'dastyar-queue-status';
    }
    if (m.quickReplies && m.quickReplies.length) {
      e.quickReplies = m.quickReplies;
      m.quickReplies.forEach((q) => labels.set(q.payload, q.label));
    }
    // Buttons of an ended conversation are never offered again, except its rating buttons (late ratings count).
    e.stale = m.state === 'CLOSED' && !(m.quickReplies || []).some((q) => RATE.test(q.payload));
    place(e, m.id);
    if (!inbound && live && (!visible || document.hidden)) toParent({ type: 'dastyar:unread', count: ++unread });
  }
  // The server has this line, so it need not be sent again.
  if (cid && (local.has(cid) || pending.some((p) => p.clientMessageId === cid))) settle(cid, 'accepted');
  if (m.state === 'CLOSED') showClosed();
  else if (m.state) hideClosed();
  refreshQuickReplies();
  scrollDown();
}

// A rating button's label is "<face> <words>" when faces are configured: the face is shown large, the words
// under it, and a screen reader hears "4 – Satisfied" without the emoji's own name.
const FACED = /^(\p{Extended_Pictographic}[\uFE0F\u200D\p{Extended_Pictographic}]*)\s+(.+)$/u;
const RATE = /^rate:(\d)$/;
const NPS = /^nps:(\d{1,2})$/;

function qrButton(q) {
  const b = el('button');
  b.type = 'button';
  b.dataset.payload = q.payload;
  const rate = RATE.exec(q.payload);
  const faced = rate && FACED.exec(q.label);
  if (faced) {
    const face = el('span', 'face', faced[1]);
    face.setAttribute('aria-hidden', 'true');
    b.append(face, el('span', 'word', faced[2]));
  } else {
    b.textContent = q.label;
  }
  if (rate) b.setAttribute('aria-label', `${fmtN(Number(rate[1]))} – ${faced ? faced[2] : q.label}`);
  b.addEventListener('click', () => {
    queue({ type: 'button', clientMessageId: uuid(), payload: q.payload, label: q.label, at: new Date().toISOString() });
    input.focus();
  });
  return b;
}

// A scale read as one group: the five ratings, or 0–10 with its two ends named.
function scale(cls, label, buttons, ends) {
  const row = el('div', cls);
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', label);
  row.append(...buttons.map(qrButton));
  if (!ends) return row;
  const wrap = el('div', `${cls}-scale`);
  const captions = el('div', 'ends');
  captions.setAttribute('aria-hidden', 'true'); // the group's label says it
  captions.append(el('span', null, ends[0]), el('span', null, ends[1]));
  wrap.append(row, captions);
  return wrap;
}

// Buttons only under the latest line that offers them, and only until the visitor has answered. Rating buttons
// under "closed without a rating" stay: the server still takes a late rating for a while.
function refreshQuickReplies() {
  log.querySelectorAll('.quick-replies').forEach((n) => n.remove());
  for (let c = log.lastElementChild; c; c = c.previousElementSibling) {
    if (c.id === 'dastyar-closed') continue;
    if (c.dataset.author === 'customer' || c.stale) return;
    if (!c.quickReplies) continue;
    const box = el('div', 'quick-replies');
    const rates = c.quickReplies.filter((q) => RATE.test(q.payload));
    const nps = c.quickReplies.filter((q) => NPS.test(q.payload));
    if (rates.length) box.append(scale('rating', T.rating, rates));
    if (nps.length) box.append(scale('nps', T.nps, nps, [T.npsLow, T.npsHigh]));
    c.quickReplies.filter((q) => !rates.includes(q) && !nps.includes(q)).forEach((q) => box.append(qrButton(q)));
    c.after(box);
    return;
  }
}

function greet() {
  if (!cfg.greeting || $('dastyar-greeting')) return;
  const e = line({ kind: 'message', text: cfg.greeting }, 'bot'); // local only, never sent
  e.id = 'dastyar-greeting';
  place(e, null);
  scrollDown();
}

function showClosed() {
  let c = $('dastyar-closed');
  if (!c) {
    c = el('div', 'closed', null, 'dastyar-closed');
    const b = el('button', null, T.startNew, 'dastyar-new-conversation');
    b.type = 'button';
    b.addEventListener('click', () => {
      $('dastyar-greeting')?.remove(); // the server answers /start with its own greeting
      queue({ type: 'message', clientMessageId: uuid(), text: '/start', hidden: true });
      input.focus();
    });
    c.append(el('p', null, T.ended), b);
  }
  place(c, null);
}

const hideClosed = () => $('dastyar-closed')?.remove();

let typingTimer;
function showTyping(author) {
  const t = $('dastyar-typing');
  t.hidden = false; // shown before the text changes, so screen readers announce it
  t.textContent = author === 'agent' ? T.typingAgent : T.typingBot;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(hideTyping, 6000);
  scrollDown();
}

function hideTyping() { clearTimeout(typingTimer); $('dastyar-typing').hidden = true; }
function notice(text) { const n = $('dastyar-notice'); n.textContent = text; n.hidden = !text; }
function setStatus(state) { const s = $('dastyar-status'); s.dataset.state = state; s.textContent = T[state]; }
function scrollDown() { const s = $('dastyar-scroll'); s.scrollTop = s.scrollHeight; }

// Wipes what the server sent (after a token change); bubbles still waiting to be sent stay.
function resetView() {
  for (const c of [...log.children]) if (c.dataset.pending !== 'true') c.remove();
  for (const [cid, e] of local) if (!e.isConnected) local.delete(cid);
  seen.clear(); seenCids.clear(); labels.clear();
  greetPending = true;
}

/* ---------- Sending: pending queue, one frame in flight, in order ---------- */
function addLocal(p) {
  const e = line({ kind: 'message', text: p.label || p.text, at: p.at }, 'customer');
  e.dataset.pending = 'true';
  e.append(el('span', 'hint', T.sending));
  local.set(p.clientMessageId, e);
  log.append(e);
}

function queue(p) {
  pending.push(p);
  keepPending(p);
  if (!p.hidden) addLocal(p);
  hideClosed(); // whatever the visitor sends starts the conversation afresh
  notice('');
  refreshQuickReplies();
  scrollDown();
  pump();
}

// Our own bubble gets its transcript id and moves to its place: replies it caused may have arrived first.
function confirmLine(e, id) {
  if (id == null) return;
  e.dataset.id = id;
  place(e, id);
}

// Removes a frame from the queue once the server answered it (or already has the line).
function settle(cid, outcome, id) {
  pending = pending.filter((p) => p.clientMessageId !== cid);
  dropPending(cid);
  const e = local.get(cid);
  if (e && outcome === 'ignored') {
    e.remove();
    local.delete(cid);
  } else if (e) {
    e.removeAttribute('data-pending');
    confirmLine(e, id);
    if (outcome === 'error') e.dataset.failed = 'true';
    e.querySelector('.hint')?.remove();
  }
  if (cid === inFlight) { inFlight = null; clearTimeout(flightTimer); }
  refreshQuickReplies();
  pump();
}

let inFlight = null, flightTimer, holdUntil = 0;
function pump() {
  if (!online || inFlight || Date.now() < holdUntil || !pending.length) return;
  const p = pending[0], id = p.clientMessageId;
  const frame = p.type === 'button'
    ? { type: 'button', clientMessageId: id, payload: p.payload, lang }
    : { type: 'message', clientMessageId: id, text: p.text, lang };
  inFlight = id;
  // No answer in time: send again; the clientMessageId makes a repeat harmless.
  flightTimer = setTimeout(() => { if (inFlight === id) { inFlight = null; pump(); } }, 10000);
  if (mode === 'ws') ws.send(JSON.stringify(frame));
  else {
    // The fallback: the POST's answer is the ack (or error) frame.
    api('POST', `/api/widget/messages?lang=${lang}`, frame).then(handleFrame, () => {
      if (inFlight !== id) return;
      inFlight = null;
      clearTimeout(flightTimer);
      flightTimer = setTimeout(pump, 3000);
    });
  }
}

function handleFrame(f) {
  if (!f || typeof f !== 'object') return;
  if (f.type === 'message') render(f);
  else if (f.type === 'queue_status') showQueueStatus(f);
  else if (f.type === 'typing') showTyping(f.author);
  else if (f.type === 'ack') {
    if (Date.now() >= holdUntil) notice(''); // a "sending too fast" notice has served its purpose
    settle(f.clientMessageId, f.outcome, f.line);
  }
  else if (f.type === 'error') {
    notice(f.message || T.error);
    if (f.code === 'rate_limited') {
      // Stays pending; try again when the server says we may.
      const wait = Number(f.retryAfterMs) || 2000;
      holdUntil = Date.now() + wait;
      if (!f.clientMessageId || f.clientMessageId === inFlight) { inFlight = null; clearTimeout(flightTimer); }
      setTimeout(pump, wait + 50);
    } else if (f.clientMessageId) {
      settle(f.clientMessageId, 'error'); // malformed: resending would not help
    }
  }
}

/* ---------- Transport: WebSocket, or EventSource + POST ---------- */
let mode = params.get('transport') === 'sse' ? 'sse' : 'ws';
let ws = null, es = null, gen = 0, attempt = 0, wsFailures = 0, online = false, retryTimer;
function closeTransport() {
  if (ws) { ws.onclose = ws.onmessage = ws.onopen = null; ws.close(); ws = null; }
  if (es) { es.close(); es = null; }
}

async function connect() {
  const g = ++gen; // events from an older connection are ignored
  clearTimeout(retryTimer);
  closeTransport();
  online = false;
  setStatus('connecting');
  try { await ensureToken(); } catch { if (g === gen) dropped(false); return; }
  if (g !== gen) return;
  let opened = false;
  const onOpen = () => { if (g === gen) { opened = true; connected(); } };
  const onFrame = (e) => {
    let f = null;
    try { f = JSON.parse(e.data); } catch { /* not a frame: ignore */ }
    if (g === gen) handleFrame(f);
  };
  const onFail = () => { if (g === gen) { closeTransport(); dropped(!opened); } };
  const q = `access_token=${encodeURIComponent(token)}&lang=${lang}`;
  try {
    if (mode === 'ws') {
      ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/widget?${q}`);
      ws.onopen = () => { wsFailures = 0; onOpen(); };
      ws.onmessage = onFrame;
      ws.onclose = onFail;
    } else {
      // Our own back-off replaces EventSource's, which gives up for good on HTTP errors.
      es = new EventSource(`/api/widget/events?${q}`);
      es.onopen = onOpen;
      es.onmessage = onFrame;
      es.onerror = onFail;
    }
  } catch { onFail(); }
}

async function connected() {
  attempt = 0;
  online = true;
  inFlight = null;
  clearTimeout(flightTimer);
  setStatus('online');
  await syncHistory().catch(() => {}); // catch up on what was said while away
  pump();
}

function dropped(neverOpened) {
  online = false;
  inFlight = null;
  clearTimeout(flightTimer);
  setStatus('offline');
  let delay = Math.min(1000 * 2 ** attempt++, 15000);
  if (neverOpened && mode === 'ws' && ++wsFailures >= 2) { // WebSockets blocked, or the server was restarting
    mode = 'sse';
    delay = 0;
    // Not for good: a restart or a blip looks the same as a blocking proxy, so try the socket again later.
    if (params.get('transport') !== 'sse') setTimeout(() => { mode = 'ws'; wsFailures = 0; if (online) connect(); }, 300000);
  }
  const g = gen;
  retryTimer = setTimeout(async () => {
    // A socket refused at the handshake may mean a dead token: a plain request finds out (and renews it).
    if (neverOpened) await syncHistory().catch(() => {});
    if (g === gen) connect();
  }, delay);
}

/* ---------- Parent page and input ---------- */
function toParent(msg) {
  // The host page's origin is not known here, and these messages carry nothing private.
  if (window.parent !== window) window.parent.postMessage(msg, '*');
}

function closePanel() { visible = false; toParent({ type: 'dastyar:close' }); }
function updateCounter() {
  const n = input.value.length, max = cfg.maxMessageLength, c = $('dastyar-counter');
  c.hidden = n < max * 0.9;
  c.textContent = `${fmtN(n)} / ${fmtN(max)}`;
  c.dataset.over = String(n > max);
}

let lastTyping = 0;
function submit() {
  const text = input.value.trim();
  if (!text) return;
  if (text.length > cfg.maxMessageLength) { notice(T.tooLong(cfg.maxMessageLength, fmtN(cfg.maxMessageLength))); return; } // text stays
  input.value = '';
  resize();
  updateCounter();
  // A typed /start is a command like the button's: never shown as a line.
  queue({ type: 'message', clientMessageId: uuid(), text, at: new Date().toISOString(), hidden: text === '/start' });
  input.focus();
}

// The textarea grows with its text, up to the CSS max-block-size. What is typed takes the direction of its own
// words; while empty it keeps the panel's, so the placeholder reads (and ends) the way the panel's language does.
function resize() {
  input.style.height = 'auto';
  input.style.height = `${input.scrollHeight + 2}px`;
  if (input.value.trim()) input.dir = 'auto'; else input.removeAttribute('dir');
}
window.addEventListener('message', (e) => {
  if (e.source !== window.parent || !e.data) return;
  if (e.data.type === 'dastyar:focus') { visible = true; unread = 0; input.focus(); }
  else if (e.data.type === 'dastyar:hidden') visible = false;
});
document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closePanel(); });
document.addEventListener('visibilitychange', () => { if (!document.hidden && visible) unread = 0; });
window.addEventListener('online', () => { if (!online) { attempt = 0; connect(); } });
$('dastyar-close').addEventListener('click', closePanel);
$('dastyar-form').addEventListener('submit', (e) => { e.preventDefault(); submit(); });
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); submit(); }
});
input.addEventListener('input', () => {
  resize();
  updateCounter();
  // Typing signals are a WebSocket nicety; over the fallback each would be a POST.
  if (mode === 'ws' && ws && ws.readyState === WebSocket.OPEN && input.value.trim() && Date.now() - lastTyping > 3000) {
    lastTyping = Date.now();
    ws.send('{"type":"typing"}');
  }
});
// Keeps idle proxies from dropping the socket (the server times out quiet sockets after 120 s).
setInterval(() => { if (ws && ws.readyState === WebSocket.OPEN) ws.send('{"type":"ping"}'); }, 25000);

/* ---------- Start ---------- */
async function start() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'fa' || lang === 'ar' ? 'rtl' : 'ltr';
  input.placeholder = T.placeholder;
  input.setAttribute('aria-label', T.input);
  $('dastyar-send').textContent = T.send;
  $('dastyar-close').setAttribute('aria-label', T.close);
  $('dastyar-title').textContent = cfg.title; // until the server's (support.widget.titles) arrives
  setStatus('connecting');
  try {
    const r = await fetch(`/api/widget/config?lang=${lang}`);
    if (r.ok) Object.assign(cfg, await r.json());
  } catch { /* defaults */ }
  if (cfg.brandColor && CSS.supports('color', cfg.brandColor)) document.documentElement.style.setProperty('--brand', cfg.brandColor);
  $('dastyar-title').textContent = document.title = cfg.title;
  try { await syncHistory(); } catch { /* offline: the connection loop will retry */ }
  // Messages typed before a reload, unless the server already has them.
  pending.filter((p) => seenCids.has(p.clientMessageId)).forEach((p) => dropPending(p.clientMessageId));
  pending = pending.filter((p) => !seenCids.has(p.clientMessageId));
  // Those typed while this was loading are on screen already.
  pending.forEach((p) => { if (!p.hidden && !local.has(p.clientMessageId)) addLocal(p); });
  if (pending.some((p) => p.hidden)) hideClosed();
  refreshQuickReplies();
  scrollDown();
  live = true;
  connect();
}

start();
