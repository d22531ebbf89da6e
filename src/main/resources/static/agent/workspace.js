// The agent workspace: the queue and the agent's chats kept live over Server-Sent Events, the chat view with its
// composer, and the customer panel. Calls the agent API of docs/agent-api.md; see docs/agent-console.md.
// Whatever a customer (or the bot) wrote is only ever set as text (textContent), never parsed as HTML.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content || '';
  const lang = WORKSPACE_STRINGS[document.documentElement.lang] ? document.documentElement.lang : 'en';
  const T = WORKSPACE_STRINGS[lang];
  const locale = WORKSPACE_LOCALES[lang];
  const numbers = new Intl.NumberFormat(locale);
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const csrf = { header: meta('_csrf_header') || 'X-CSRF-TOKEN', token: meta('_csrf') };
  const agentName = meta('dastyar-agent-name') || meta('dastyar-agent');
  const me = meta('dastyar-agent');
  // Supervisors and admins also see every chat (the "all" event) and reassign them.
  const supervisor = meta('dastyar-supervisor') === 'true';
  const lists = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(lang === 'ar' ? { calendar: 'islamic-umalqura' } : {}) });
  const TYPING_EVERY_MS = 3000;
  const CUSTOMER_TYPING_SHOWN_MS = 5000;

  const state = {
    queue: [], chats: [], all: [], customer: null, open: null, chat: null, unread: {}, typingUntil: {}, unreachable: {}, lastTypingSent: 0,
    canned: {}, cannedMatches: [], cannedIndex: 0, chatsSeen: null, claiming: new Set(),
    sound: localStorage.getItem('dastyar.sound') !== 'off', source: null, retry: 1000, notYours: false,
  };
  try { state.unread = JSON.parse(sessionStorage.getItem('dastyar.unread') || '{}'); } catch { state.unread = {}; }

  // ---- texts ----------------------------------------------------------------------------------------------------
  function translatePage() {
    document.querySelectorAll('[data-i18n]').forEach((el) => {
      const text = T[el.dataset.i18n];
      if (typeof text === 'string') el.textContent = text;
    });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = T[el.dataset.i18nPlaceholder]; });
    document.querySelectorAll('[data-i18n-label]').forEach((el) => el.setAttribute('aria-label', T[el.dataset.i18nLabel]));
    document.title = `Dastyar · ${T.myChats}`;
  }
  const shortId = (id) => String(id).slice(0, 6);
  const channelName = (c) => T.channels[c] || c;
  const languageName = (l) => T.languages[l] || l;
  function duration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(s / 3600); const m = Math.floor((s % 3600) / 60); const sec = s % 60;
    const two = (n) => numbers.format(n).padStart(2, numbers.format(0));
    return h > 0 ? `${numbers.format(h)}:${two(m)}:${two(sec)}` : `${numbers.format(m)}:${two(sec)}`;
  }
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    children.flat().forEach((child) => { if (child != null && child !== false && child !== '') node.append(child); });
    return node;
  }

  // ---- talking to the server ------------------------------------------------------------------------------------
  class Problem extends Error {
    constructor(status, type, detail) { super(detail || `HTTP ${status}`); this.status = status; this.type = type; }
    get text() {
      const key = (this.type || '').split('/').pop();
      return T.problems[key] || T.error;
    }
  }
  async function api(method, url, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') headers[csrf.header] = csrf.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(url, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin',
    });
    if (response.redirected && new URL(response.url).pathname === '/login') {
      showSignedOut();
      throw new Problem(401, 'signed-out');
    }
    if (!response.ok) {
      let problem = {};
      try { problem = await response.json(); } catch { /* not a problem detail */ }
      throw new Problem(response.status, problem.type, problem.detail);
    }
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : null;
  }

  // ---- live events ----------------------------------------------------------------------------------------------
  function connection(stateName, label) {
    const box = $('connection');
    box.dataset.state = stateName;
    box.querySelector('.label').textContent = label;
  }
  function showSignedOut() {
    connection('offline', T.signedOut);
    const box = $('connection');
    if (!box.querySelector('a')) {
      box.querySelector('.label').replaceWith(el('a', { class: 'label', href: '/login', text: T.signedOut }));
    }
  }
  function connect() {
    if (state.source) state.source.close();
    const source = new EventSource('/api/agent/events');
    state.source = source;
    source.addEventListener('open', () => { state.retry = 1000; connection('live', T.live); });
    source.addEventListener('queue', (e) => { state.queue = JSON.parse(e.data); renderQueue(); });
    source.addEventListener('chats', (e) => onChats(JSON.parse(e.data)));
    source.addEventListener('message', (e) => onMessage(JSON.parse(e.data)));
    source.addEventListener('edited', (e) => onEdited(JSON.parse(e.data)));
    source.addEventListener('typing', (e) => onTyping(JSON.parse(e.data)));
    source.addEventListener('all', (e) => { state.all = JSON.parse(e.data); renderAll(); if (state.notYours) setNotYours(true); });
    source.addEventListener('unreachable', (e) => onUnreachable(JSON.parse(e.data)));
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // The browser gives up on some failures (a redirect to sign-in, a server that is down): try again, slower.
        connection('offline', T.reconnecting);
        setTimeout(async () => {
          try { await api('GET', '/api/agent/canned-responses'); connect(); } catch (e) {
            if (e.status !== 401) { state.retry = Math.min(state.retry * 2, 30000); setTimeout(connect, state.retry); }
          }
        }, state.retry);
      } else {
        connection('connecting', T.reconnecting);
      }
    });
  }

  function onChats(chats) {
    const before = state.chatsSeen;
    state.chats = chats;
    state.chatsSeen = new Set(chats.map((c) => c.conversation));
    if (before) {
      const fresh = chats.filter((c) => !before.has(c.conversation) && !state.claiming.has(c.conversation));
      if (fresh.length) alertAgent(T.newChat, `${channelName(fresh[0].channel)} · ${languageName(fresh[0].language)}`, fresh[0].conversation);
    }
    if (state.open && !state.chatsSeen.has(state.open)) markNotYours();
    else if (state.open && state.notYours) loadChat(state.open);
    renderChats();
  }
  function onMessage({ conversation, line, note }) {
    if (!state.chatsSeen?.has(conversation)) return;
    const key = note != null ? `note-${note}` : String(line);
    const known = state.open === conversation && state.chat?.messages.some((m) => lineOf(m) === key);
    if (known) return;
    if (state.open === conversation) {
      loadChat(conversation);
      if (!document.hidden) return;
    }
    state.unread[conversation] = (state.unread[conversation] || 0) + 1;
    saveUnread();
    renderChats();
    alertAgent(T.newMessage, '', conversation);
  }
  // A customer changed a line (Telegram lets them): the open chat shows the new text, marked as edited.
  function onEdited({ conversation }) {
    if (state.open === conversation) loadChat(conversation);
  }
  function onTyping({ conversation }) {
    state.typingUntil[conversation] = Date.now() + CUSTOMER_TYPING_SHOWN_MS;
    renderTyping();
    renderChats();
    setTimeout(() => { renderTyping(); renderChats(); }, CUSTOMER_TYPING_SHOWN_MS + 50);
  }
  function onUnreachable({ conversation, since }) {
    state.unreachable[conversation] = Date.parse(since);
    if (state.open === conversation) renderUnreachable();
  }
  /** Shown until the customer writes again after blocking: then Telegram delivers to them once more. */
  function renderUnreachable() {
    const since = state.open && state.unreachable[state.open];
    const wroteSince = since && state.chat?.conversation === state.open && state.chat.messages
      .some((m) => authorOf(m) === 'customer' && m.at && Date.parse(m.at) > since);
    $('customer-unreachable').hidden = !since || wroteSince;
  }
  const saveUnread = () => sessionStorage.setItem('dastyar.unread', JSON.stringify(state.unread));

  // ---- notifications --------------------------------------------------------------------------------------------
  const chime = new Audio('/agent/notify.wav');
  function alertAgent(title, body, conversation) {
    if (state.sound) chime.play().catch(() => { /* the browser wants a click on the page first */ });
    if (document.hidden && 'Notification' in window && Notification.permission === 'granted') {
      const note = new Notification(title, { body, tag: `dastyar-${conversation}`, lang });
      note.onclick = () => { window.focus(); openChat(conversation); note.close(); };
    }
  }
  function setUpNotifications() {
    const button = $('enable-notifications');
    if ('Notification' in window && Notification.permission === 'default') button.hidden = false;
    button.addEventListener('click', async () => {
      await Notification.requestPermission();
      button.hidden = Notification.permission !== 'default';
    });
    const sound = $('sound');
    const paint = () => { sound.setAttribute('aria-pressed', String(state.sound)); sound.classList.toggle('off', !state.sound); };
    sound.addEventListener('click', () => {
      state.sound = !state.sound;
      localStorage.setItem('dastyar.sound', state.sound ? 'on' : 'off');
      paint();
      if (state.sound) chime.play().catch(() => {});
    });
    paint();
  }

  // ---- the queue and my chats -----------------------------------------------------------------------------------
  function renderQueue() {
    const list = $('queue');
    list.replaceChildren(...state.queue.map((w) => el('li', { class: 'queue-item', dataset: { conversation: w.conversation } },
      el('div', { class: 'row' },
        el('span', { class: 'place', text: T.place(numbers.format(w.place)) }),
        el('span', { class: 'chip', text: channelName(w.channel) }),
        el('span', { class: 'chip', text: languageName(w.language), lang: w.language }),
        el('span', { class: 'wait', dataset: { since: w.waitingSince }, title: T.waiting, text: duration(Date.now() - Date.parse(w.waitingSince)) })),
      w.target && el('div', { class: 'target', text: w.target.agent ? T.forYou : T.forTeam(w.target.team), dir: 'auto' }),
      el('button', { type: 'button', class: 'take', text: T.take, onclick: () => claim(w.conversation) }))));
    $('queue-empty').hidden = state.queue.length > 0;
    $('queue-count').textContent = numbers.format(state.queue.length);
  }
  function renderChats() {
    const list = $('chats');
    const now = Date.now();
    list.replaceChildren(...state.chats.map((c) => {
      const unread = state.unread[c.conversation] || 0;
      const typing = (state.typingUntil[c.conversation] || 0) > now;
      const preview = lastCustomerLine(c.conversation);
      return el('li', {},
        el('button', {
          type: 'button', class: 'chat-item', 'aria-current': state.open === c.conversation ? 'true' : null,
          dataset: { conversation: c.conversation }, onclick: () => openChat(c.conversation),
        },
        el('span', { class: 'row' },
          el('span', { class: 'who', text: T.chatLabel(shortId(c.conversation)) }),
          unread > 0 && el('span', { class: 'unread', text: numbers.format(unread), 'aria-label': T.unread(numbers.format(unread)) })),
        el('span', { class: 'row sub' },
          el('span', { class: 'chip', text: channelName(c.channel) }),
          el('span', { class: 'chip', text: languageName(c.language), lang: c.language }),
          typing ? el('span', { class: 'typing-chip', text: T.typingShort })
            : el('span', { class: 'since', text: clock.format(new Date(c.assignedAt)) })),
        preview && el('span', { class: 'preview', dir: 'auto', text: preview })));
    }));
    $('chats-empty').hidden = state.chats.length > 0;
    $('chats-count').textContent = numbers.format(state.chats.length);
  }
  // Every chat, for supervisors: waiting ones first in line first, then those with agents.
  function renderAll() {
    if (!supervisor) return;
    $('all-section').hidden = false;
    $('all-chats').replaceChildren(...state.all.map((c) => el('li', { class: 'all-item', dataset: { conversation: c.conversation } },
      el('div', { class: 'row' },
        el('span', { class: 'who', text: T.chatLabel(shortId(c.conversation)) }),
        el('span', { class: 'chip', text: channelName(c.channel) }),
        el('span', { class: 'chip', text: languageName(c.language), lang: c.language })),
      el('div', { class: 'row sub' },
        el('span', { class: c.agent ? 'holder' : 'holder waiting', dir: 'auto', text: c.agent ? T.withAgent(c.agentName || c.agent) : T.allWaiting }),
        el('span', { class: 'wait', dataset: { since: c.assignedAt || c.queuedAt }, text: duration(Date.now() - Date.parse(c.assignedAt || c.queuedAt)) })),
      el('div', { class: 'row actions' },
        el('button', { type: 'button', class: 'ghost open', text: T.open, onclick: () => openChat(c.conversation) }),
        el('button', { type: 'button', class: 'ghost reassign', text: T.reassign, onclick: () => openReassign(c.conversation) })))));
    $('all-empty').hidden = state.all.length > 0;
    $('all-count').textContent = numbers.format(state.all.length);
  }
  const previews = {};
  function lastCustomerLine(conversation) { return previews[conversation]; }
  function tick() {
    document.querySelectorAll('.wait[data-since]').forEach((span) => {
      span.textContent = duration(Date.now() - Date.parse(span.dataset.since));
    });
    renderLocalTime();
  }

  async function claim(conversation) {
    state.claiming.add(conversation);
    try {
      await api('POST', `/api/agent/conversations/${conversation}/claim`);
      toast(T.claimed);
      state.queue = state.queue.filter((w) => w.conversation !== conversation);
      renderQueue();
      if (!state.chats.some((c) => c.conversation === conversation)) {
        state.chats = (await api('GET', '/api/agent/conversations')) || state.chats;
        state.chatsSeen = new Set(state.chats.map((c) => c.conversation));
        renderChats();
      }
      await openChat(conversation);
    } catch (e) {
      toast(e.text || T.error, true);
    } finally {
      setTimeout(() => state.claiming.delete(conversation), 5000);
    }
  }

  // ---- the chat view --------------------------------------------------------------------------------------------
  // A transcript entry of GET /api/agent/conversations/{id}: {kind: "message", line, author, name?, text, at} or
  // {kind: "note", note, author (the agent's username), name, text, at}. Notes are numbered apart from lines.
  const lineOf = (m) => (m.kind === 'note' ? `note-${m.note}` : String(m.line));
  const authorOf = (m) => (m.kind === 'note' ? 'note' : String(m.author || 'system').toLowerCase());
  async function openChat(conversation) {
    if (!conversation) return;
    state.open = conversation;
    state.notYours = false;
    delete state.unread[conversation];
    saveUnread();
    renderChats();
    $('chat-empty').hidden = true;
    $('chat-view').hidden = false;
    $('composer-error').textContent = '';
    await loadChat(conversation);
    $('composer-text').focus();
  }
  async function loadChat(conversation) {
    let chat;
    try {
      chat = await api('GET', `/api/agent/conversations/${conversation}`);
    } catch (e) {
      if (state.open === conversation && (e.status === 403 || e.status === 404)) markNotYours();
      else if (e.status !== 401) toast(e.text || T.error, true);
      return;
    }
    if (state.open !== conversation) return;
    chat.messages = chat.messages || [];
    state.chat = chat;
    const last = [...chat.messages].reverse().find((m) => authorOf(m) === 'customer');
    if (last) previews[conversation] = shownText(last.text) || (last.attachment ? T.attachments[last.attachment.kind] : '');
    state.notYours = state.chatsSeen ? !state.chatsSeen.has(conversation) : false;
    renderChat();
    renderChats();
    renderUnreachable();
  }
  function renderChat() {
    const chat = state.chat;
    const held = state.chats.find((c) => c.conversation === chat.conversation);
    $('chat-title').textContent = T.chatLabel(shortId(chat.conversation));
    $('chat-meta').textContent = [channelName(chat.channel || held?.channel), languageName(chat.language || held?.language)]
      .filter(Boolean).join(' · ');
    const transcript = $('transcript');
    const atBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 80;
    // Lines already shown stay as they are (no flicker, a selection survives); only new ones are added.
    const shown = [...transcript.children].map((li) => li.dataset.key);
    const lines = chat.messages.map(keyOf);
    const samePrefix = transcript.dataset.conversation === chat.conversation && shown.length <= lines.length
      && shown.every((line, i) => line === lines[i]);
    if (samePrefix) transcript.append(...chat.messages.slice(shown.length).map(renderMessage));
    else transcript.replaceChildren(...chat.messages.map(renderMessage));
    if (atBottom || transcript.dataset.conversation !== chat.conversation) transcript.scrollTop = transcript.scrollHeight;
    transcript.dataset.conversation = chat.conversation;
    $('composer-text').lang = chat.language || '';
    setNotYours(state.notYours);
    renderCustomer(chat, held);
    if (state.customer?.conversation !== chat.conversation) loadCustomer(chat.conversation);
    renderTyping();
  }
  function renderMessage(m) {
    const author = authorOf(m);
    const label = {
      customer: T.authorCustomer, bot: T.authorBot, agent: m.name || T.authorAgent,
      system: T.authorSystem, note: m.name ? `${T.authorNote} · ${m.name}` : T.authorNote,
    }[author] || T.authorSystem;
    const time = m.at ? el('time', { datetime: m.at, text: clock.format(new Date(m.at)) }) : null;
    return el('li', { class: `msg ${author}`, dataset: { author, line: lineOf(m), key: keyOf(m) } },
      el('div', { class: 'msg-head' },
        el('span', { class: 'msg-author', dir: 'auto', text: label }),
        author === 'note' && el('span', { class: 'note-only', text: T.noteOnly }),
        m.edited && el('span', { class: 'edited', title: T.editedFrom(m.edited.originalText), text: T.edited }),
        time),
      m.attachment && renderAttachment(m.attachment),
      (m.text || !m.attachment) && el('p', { class: 'text', dir: textDirection(author), text: shownText(m.text) }));
  }
  // An edited line is drawn again: its key changes with the edit.
  const keyOf = (m) => `${lineOf(m)}@${m.edited?.at || ''}`;
  // A customer's photo or sticker is shown (the server checked that it is an image), any other file is a link to
  // download it, and a location is its coordinates with a map link. The file's name is the customer's: text only.
  // A picture that arrives after its line was drawn makes the transcript taller: one who was reading the end still is.
  function stayAtBottom(e) {
    const transcript = $('transcript');
    const below = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight;
    if (below - e.target.clientHeight < 80) transcript.scrollTop = transcript.scrollHeight;
  }
  function renderAttachment(a) {
    const label = T.attachments[a.kind] || a.kind;
    if (a.kind === 'location') {
      const where = `${a.latitude}, ${a.longitude}`;
      const map = `https://www.openstreetmap.org/?mlat=${a.latitude}&mlon=${a.longitude}#map=16/${a.latitude}/${a.longitude}`;
      return el('p', { class: 'attachment location' }, `${label}: `, el('bdi', { dir: 'ltr', text: where }), ' · ',
        el('a', { href: map, target: '_blank', rel: 'noopener noreferrer', text: T.openMap }));
    }
    if (a.kind === 'photo' || a.kind === 'sticker') {
      return el('a', { class: 'attachment picture', href: a.url, target: '_blank', rel: 'noopener' },
        el('img', { src: a.url, alt: label, onload: stayAtBottom }));
    }
    return el('p', { class: 'attachment file' }, el('a', { href: a.url, download: '', text: a.name ? `${label}: ${a.name}` : `${label} · ${T.download}` }));
  }
  // The bot's lines and notices are in the conversation's language; people may write in any, so theirs is "auto".
  function textDirection(author) {
    if (author !== 'bot' && author !== 'system') return 'auto';
    return ['fa', 'ar'].includes(state.chat?.language) ? 'rtl' : (state.chat?.language ? 'ltr' : 'auto');
  }
  // A pressed button is stored as "[payload]": say what it was.
  function shownText(text) {
    const button = /^\[([\w:-]+)\]$/.exec(text ?? '');
    if (!button) return text ?? '';
    const payload = button[1];
    return T.buttons[payload] || (payload.startsWith('rate:') ? T.buttons.rate(numbers.format(Number(payload.slice(5)))) : T.buttons.other(payload));
  }
  function markNotYours() {
    state.notYours = true;
    setNotYours(true);
  }
  function setNotYours(notYours) {
    const banner = $('chat-banner');
    banner.hidden = !notYours;
    banner.textContent = notYours ? notYoursText() : '';
    $('reassign').hidden = !supervisor || !state.open;
    ['composer-text', 'send', 'add-note', 'transfer', 'resolve'].forEach((id) => { $(id).disabled = notYours; });
  }
  // A supervisor reading someone else's chat is told whose it is; anyone else, that it is no longer theirs.
  function notYoursText() {
    const seen = supervisor && state.all.find((c) => c.conversation === state.open);
    if (!seen) return T.notYours;
    return seen.agent ? T.watching(seen.agentName || seen.agent) : T.watchingWaiting;
  }
  function renderTyping() {
    const typing = state.open && (state.typingUntil[state.open] || 0) > Date.now();
    $('customer-typing').querySelector('.typing-text').hidden = !typing;
  }

  // ---- the customer panel ---------------------------------------------------------------------------------------
  function renderCustomer(chat, held) {
    $('customer-empty').hidden = true;
    const facts = $('customer-facts');
    const fact = (term, value, props = {}) => [el('dt', { text: term }), el('dd', { ...props, text: value })];
    const customer = state.customer?.conversation === chat.conversation ? state.customer : null;
    const timeZone = customer?.timeZone;
    const queuedAt = held?.queuedAt;
    facts.replaceChildren(
      ...fact(T.channel, channelName(chat.channel || held?.channel)),
      ...fact(T.customerLanguage, languageName(chat.language || held?.language)),
      // Only a time zone the channel told us; none is never guessed from the language.
      ...(timeZone ? fact(T.localTime, '', { id: 'local-time', 'data-zone': timeZone })
        : fact(T.localTime, customer ? T.localTimeUnknown : '…', { class: 'muted' })),
      ...(queuedAt && held?.assignedAt ? fact(T.waitedFor, duration(Date.parse(held.assignedAt) - Date.parse(queuedAt))) : []),
      ...fact(T.conversationId, chat.conversation, { class: 'mono' }));
    facts.hidden = false;
    renderLocalTime();

    // The bot's part: everything before the customer joined the queue (or before the first agent line).
    const handoffAt = queuedAt ? Date.parse(queuedAt) : null;
    const firstAgent = chat.messages.findIndex((m) => authorOf(m) === 'agent');
    const before = chat.messages.filter((m, i) => (handoffAt && m.at ? Date.parse(m.at) < handoffAt
      : firstAgent < 0 || i < firstAgent)).filter((m) => ['customer', 'bot'].includes(authorOf(m)));
    const list = $('bot-part');
    list.replaceChildren(...(before.length ? before.map((m) => el('li', { class: authorOf(m) },
      el('span', { class: 'who', text: authorOf(m) === 'customer' ? T.customerSaid : T.botSaid }),
      el('span', { class: 'text', dir: textDirection(authorOf(m)), text: shownText(m.text) })))
      : [el('li', { class: 'muted', text: T.noBotPart })]));
    $('bot-part-section').hidden = false;
  }
  async function loadCustomer(conversation) {
    let customer;
    try {
      customer = await api('GET', `/api/agent/conversations/${conversation}/customer`);
    } catch (e) {
      return; // the chat itself says what went wrong
    }
    if (state.open !== conversation || !state.chat) return;
    state.customer = customer;
    renderCustomer(state.chat, state.chats.find((c) => c.conversation === conversation));
    renderBotTurns(customer.botPart || []);
    renderPast(customer.past || []);
  }
  const verdictOf = (v) => (v ? T.verdicts[v] || v : null);
  function articleLine(article) {
    if (!article) return el('span', { class: 'muted', text: T.noAnswer });
    return el('span', { class: 'article' }, el('span', { dir: 'auto', text: article.title || article.id }),
      article.score != null && el('span', { class: 'chip', text: T.score(numbers.format(Math.round(article.score * 100) / 100)) }));
  }
  function renderBotTurns(turns) {
    $('bot-turns').replaceChildren(...(turns.length ? turns.map((t) => el('li', {},
      el('span', { class: 'text', dir: 'auto', text: t.question }),
      articleLine(t.article),
      t.verdict && el('span', { class: `verdict ${t.verdict.toLowerCase()}`, text: verdictOf(t.verdict) })))
      : [el('li', { class: 'muted', text: T.botAnswersEmpty })]));
    $('bot-turns-section').hidden = false;
  }
  function renderPast(past) {
    $('past').replaceChildren(...(past.length ? past.map((p) => el('li', {},
      el('span', { class: 'row' },
        el('time', { datetime: p.startedAt, text: dates.format(new Date(p.startedAt)) }),
        el('span', { class: 'chip', text: p.csat != null ? `${T.csat}: ${T.csatOf(numbers.format(p.csat))}` : (p.closedAt ? T.noRating : T.openNow) })),
      el('span', { class: 'topic', dir: 'auto', text: p.topic || T.noTopic }),
      el('span', { class: 'muted' }, `${T.articlesShown}: `,
        p.articles.length ? el('span', { dir: 'auto', text: lists.format(p.articles.map((a) => a.title || a.id)) }) : T.noArticles),
      p.csatComment && el('q', { dir: 'auto', text: p.csatComment }))) : [el('li', { class: 'muted', text: T.pastEmpty })]));
    $('past-section').hidden = false;
  }
  function renderLocalTime() {
    const dd = $('local-time');
    if (!dd) return;
    try {
      dd.textContent = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: dd.dataset.zone, timeZoneName: 'short' }).format(new Date());
    } catch { dd.textContent = ''; }
  }

  // ---- the composer ---------------------------------------------------------------------------------------------
  async function submit(kind) {
    const box = $('composer-text');
    const text = box.value.trim();
    const conversation = state.open;
    if (!text || !conversation || state.notYours) return;
    $('composer-error').textContent = '';
    $('send').disabled = true; $('add-note').disabled = true;
    try {
      await api('POST', `/api/agent/conversations/${conversation}/${kind === 'note' ? 'notes' : 'messages'}`, { text });
      box.value = '';
      closeCanned();
      if (kind === 'note') toast(T.noteAdded);
      await loadChat(conversation);
    } catch (e) {
      $('composer-error').textContent = e.text || T.error;
    } finally {
      $('send').disabled = state.notYours; $('add-note').disabled = state.notYours;
      box.focus();
    }
  }
  function agentTyping() {
    const now = Date.now();
    if (!state.open || state.notYours || now - state.lastTypingSent < TYPING_EVERY_MS) return;
    state.lastTypingSent = now;
    api('POST', `/api/agent/conversations/${state.open}/typing`).catch(() => { /* only a hint */ });
  }

  // Canned responses: "/" then a shortcut, in the customer's language (the console's if none is given for it).
  function fill(text) {
    let filled = text.replaceAll('{agentName}', agentName);
    const customer = state.chat?.customerName;
    if (customer) return filled.replaceAll('{customerName}', customer);
    // No name known: drop the placeholder with the comma that leads into or out of it.
    filled = filled.replace(/^\{customerName\}[,،]\s*/u, '').replace(/[ \t]*[,،]?[ \t]*\{customerName\}/gu, '');
    return filled.charAt(0).toLocaleUpperCase(lang) + filled.slice(1);
  }
  function cannedQuery() {
    const box = $('composer-text');
    const before = box.value.slice(0, box.selectionStart);
    const match = /(^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(before);
    return match ? { query: match[2].toLowerCase(), start: before.length - match[2].length - 1 } : null;
  }
  function updateCanned() {
    const found = cannedQuery();
    const list = state.canned[state.chat?.language] || state.canned[lang] || state.canned.en || [];
    if (!found) { closeCanned(); return; }
    state.cannedMatches = list.filter((r) => r.shortcut.toLowerCase().startsWith(found.query)
      || r.title.toLowerCase().includes(found.query));
    state.cannedIndex = 0;
    renderCanned();
  }
  function renderCanned() {
    const box = $('canned');
    if (!state.cannedMatches.length) { closeCanned(); return; }
    box.replaceChildren(...state.cannedMatches.map((r, i) => el('li', {
      role: 'option', id: `canned-${i}`, 'aria-selected': String(i === state.cannedIndex),
      onmousedown: (e) => { e.preventDefault(); insertCanned(i); },
    }, el('span', { class: 'shortcut', text: `/${r.shortcut}`, dir: 'ltr' }), el('span', { class: 'title', dir: 'auto', text: r.title }),
    el('span', { class: 'body', dir: 'auto', text: fill(r.text) }))));
    box.hidden = false;
    $('composer-text').setAttribute('aria-expanded', 'true');
    $('composer-text').setAttribute('aria-activedescendant', `canned-${state.cannedIndex}`);
  }
  function closeCanned() {
    $('canned').hidden = true;
    state.cannedMatches = [];
    $('composer-text').setAttribute('aria-expanded', 'false');
    $('composer-text').removeAttribute('aria-activedescendant');
  }
  function insertCanned(i) {
    const found = cannedQuery();
    const response = state.cannedMatches[i];
    if (!found || !response) return;
    const box = $('composer-text');
    const text = fill(response.text);
    box.value = box.value.slice(0, found.start) + text + box.value.slice(box.selectionStart);
    const caret = found.start + text.length;
    box.setSelectionRange(caret, caret);
    closeCanned();
    box.focus();
  }
  function composerKeys(e) {
    if (!$('canned').hidden) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = state.cannedMatches.length;
        state.cannedIndex = (state.cannedIndex + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
        renderCanned();
        return;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && !e.ctrlKey && !e.metaKey) { e.preventDefault(); insertCanned(state.cannedIndex); return; }
      if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeCanned(); return; }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit(e.shiftKey ? 'note' : 'message');
    }
  }

  // ---- transfer and resolve -------------------------------------------------------------------------------------
  let targets = { agents: [], teams: [] };
  async function openTransfer() {
    if (!state.open || state.notYours) return;
    $('transfer-error').textContent = '';
    try { targets = await api('GET', '/api/agent/transfer-targets'); } catch (e) { targets = { agents: [], teams: [] }; }
    // No teams are set up: offer no choice that leads nowhere.
    const toTeam = document.querySelector('#transfer-form input[name=kind][value=team]');
    toTeam.closest('label').hidden = targets.teams.length === 0;
    if (targets.teams.length === 0) document.querySelector('#transfer-form input[name=kind][value=agent]').checked = true;
    fillTargets();
    $('transfer-dialog').showModal();
  }
  function fillTargets() {
    const kind = document.querySelector('#transfer-form input[name=kind]:checked').value;
    const select = $('transfer-target');
    $('transfer-target-label').textContent = kind === 'agent' ? T.agent : T.team;
    const presence = { ONLINE: T.presenceOnline, AWAY: T.presenceAway, OFFLINE: T.presenceOffline };
    const options = kind === 'agent'
      ? targets.agents.map((a) => el('option', { value: a.username, text: `${a.displayName} (${presence[a.presence] || a.presence})` }))
      : targets.teams.map((t) => el('option', { value: t, text: t }));
    select.replaceChildren(...options);
    $('transfer-none').hidden = options.length > 0;
    $('transfer-confirm').disabled = options.length === 0;
  }
  async function transfer(e) {
    e.preventDefault();
    const kind = document.querySelector('#transfer-form input[name=kind]:checked').value;
    const target = $('transfer-target').value;
    const conversation = state.open;
    try {
      await api('POST', `/api/agent/conversations/${conversation}/transfer`, { [kind]: target });
      $('transfer-dialog').close();
      toast(T.transferred);
      leaveChat(conversation);
    } catch (err) {
      $('transfer-error').textContent = err.text || T.error;
    }
  }
  let reassigning = null;
  async function openReassign(conversation) {
    reassigning = conversation;
    $('reassign-error').textContent = '';
    let found = { agents: [] };
    try { found = await api('GET', '/api/agent/transfer-targets'); } catch (e) { /* only me to offer */ }
    const presence = { ONLINE: T.presenceOnline, AWAY: T.presenceAway, OFFLINE: T.presenceOffline };
    const holder = state.all.find((c) => c.conversation === conversation)?.agent;
    $('reassign-target').replaceChildren(
      ...(holder === me ? [] : [el('option', { value: me, text: T.me(agentName) })]),
      ...found.agents.filter((a) => a.username !== holder)
        .map((a) => el('option', { value: a.username, text: `${a.displayName} (${presence[a.presence] || a.presence})` })));
    $('reassign-dialog').showModal();
  }
  async function reassign(e) {
    e.preventDefault();
    const agent = $('reassign-target').value;
    try {
      await api('POST', `/api/agent/conversations/${reassigning}/reassign`, { agent });
      $('reassign-dialog').close();
      toast(T.reassigned);
      if (agent === me) openChat(reassigning);
    } catch (err) {
      $('reassign-error').textContent = err.text || T.error;
    }
  }
  function openResolve() {
    if (!state.open || state.notYours) return;
    $('resolve-error').textContent = '';
    $('resolve-dialog').showModal();
    $('resolve-confirm').focus();
  }
  async function resolve(e) {
    e.preventDefault();
    const conversation = state.open;
    try {
      await api('POST', `/api/agent/conversations/${conversation}/resolve`);
      $('resolve-dialog').close();
      toast(T.resolved);
      leaveChat(conversation);
    } catch (err) {
      $('resolve-error').textContent = err.text || T.error;
    }
  }
  function leaveChat(conversation) {
    const index = state.chats.findIndex((c) => c.conversation === conversation);
    state.chats = state.chats.filter((c) => c.conversation !== conversation);
    state.chatsSeen?.delete(conversation);
    delete state.unread[conversation];
    saveUnread();
    renderChats();
    const next = state.chats[Math.min(Math.max(index, 0), state.chats.length - 1)];
    if (next) { openChat(next.conversation); return; }
    state.open = null; state.chat = null;
    $('chat-view').hidden = true;
    $('chat-empty').hidden = false;
    $('customer-facts').hidden = true;
    $('bot-part-section').hidden = true;
    $('bot-turns-section').hidden = true;
    $('past-section').hidden = true;
    state.customer = null;
    $('customer-empty').hidden = false;
  }
  function step(by) {
    if (!state.chats.length) return;
    const index = state.chats.findIndex((c) => c.conversation === state.open);
    const next = index < 0 ? 0 : (index + by + state.chats.length) % state.chats.length;
    openChat(state.chats[next].conversation);
    document.querySelector(`.chat-item[data-conversation="${state.chats[next].conversation}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  // ---- odds and ends --------------------------------------------------------------------------------------------
  let toastTimer;
  function toast(text, bad = false) {
    const box = $('toast');
    box.textContent = text;
    box.classList.toggle('bad', bad);
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, 3500);
  }
  function presence() {
    api('POST', '/api/agent/presence', { presence: $('presence').value }).catch(() => { /* retried with the next beat */ });
  }
  function globalKeys(e) {
    if (document.querySelector('dialog[open]')) return;
    if (e.altKey && !e.ctrlKey && !e.metaKey) {
      if (e.key === 'ArrowDown') { e.preventDefault(); step(1); } else if (e.key === 'ArrowUp') { e.preventDefault(); step(-1); } else if (e.code === 'KeyR') { e.preventDefault(); openResolve(); } else if (e.code === 'KeyT') { e.preventDefault(); openTransfer(); }
      return;
    }
    const typingSomewhere = /^(TEXTAREA|INPUT|SELECT)$/.test(document.activeElement?.tagName);
    if (e.key === '?' && !typingSomewhere) { e.preventDefault(); $('shortcuts-dialog').showModal(); }
  }

  function start() {
    translatePage();
    setUpNotifications();
    $('composer').addEventListener('submit', (e) => { e.preventDefault(); submit('message'); });
    $('add-note').addEventListener('click', () => submit('note'));
    const box = $('composer-text');
    box.addEventListener('keydown', composerKeys);
    box.addEventListener('input', () => { updateCanned(); agentTyping(); });
    box.addEventListener('blur', () => setTimeout(closeCanned, 100));
    $('transfer').addEventListener('click', openTransfer);
    $('transfer-form').addEventListener('submit', transfer);
    $('transfer-form').addEventListener('change', (e) => { if (e.target.name === 'kind') fillTargets(); });
    $('transfer-cancel').addEventListener('click', () => $('transfer-dialog').close());
    $('resolve').addEventListener('click', openResolve);
    $('reassign').addEventListener('click', () => openReassign(state.open));
    $('reassign-form').addEventListener('submit', reassign);
    $('reassign-cancel').addEventListener('click', () => $('reassign-dialog').close());
    $('resolve-form').addEventListener('submit', resolve);
    $('resolve-cancel').addEventListener('click', () => $('resolve-dialog').close());
    $('show-shortcuts').addEventListener('click', () => $('shortcuts-dialog').showModal());
    $('presence').addEventListener('change', presence);
    const customerPanel = (shown) => {
      document.body.classList.toggle('show-customer', shown);
      $('toggle-customer').setAttribute('aria-expanded', String(shown));
      (shown ? $('close-customer') : $('toggle-customer')).focus();
    };
    $('toggle-customer').addEventListener('click', () => customerPanel(!document.body.classList.contains('show-customer')));
    $('close-customer').addEventListener('click', () => customerPanel(false));
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && document.body.classList.contains('show-customer') && !document.querySelector('dialog[open]')) customerPanel(false);
    });
    document.addEventListener('keydown', globalKeys);
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && state.open) { delete state.unread[state.open]; saveUnread(); renderChats(); }
    });
    api('GET', '/api/agent/canned-responses').then((c) => { state.canned = c?.responses || {}; }).catch(() => {});
    presence();
    setInterval(presence, 30000);
    setInterval(tick, 1000);
    renderQueue();
    renderChats();
    renderAll();
    connect();
  }
  start();
})();
