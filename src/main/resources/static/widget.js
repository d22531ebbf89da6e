/*
 * Dastyar widget loader. Embed with:
 *   <script src="https://HOST/widget.js" data-lang="fa" async></script>
 * It adds a launcher button to the host page and, on first open, an iframe holding the chat panel, which is
 * served by Dastyar itself so the host page's styles and scripts stay out of the chat.
 * Styles are set through the CSSOM (element.style), which host pages' Content-Security-Policy does not block,
 * unlike an injected <style> element.
 */
(function () {
  'use strict';
  if (window.Dastyar) return; // included twice: the first copy wins

  // async scripts still have currentScript while they run; the query is a fallback for odd loaders.
  var script = document.currentScript ||
    Array.prototype.slice.call(document.querySelectorAll('script[src*="widget.js"]')).pop();
  if (!script) return;
  var HOST = new URL(script.src, location.href).origin;

  var LANGS = ['en', 'fa', 'ar', 'az'];
  function pick(tag) {
    var l = String(tag || '').slice(0, 2).toLowerCase();
    return LANGS.indexOf(l) >= 0 ? l : '';
  }
  var lang = pick(script.getAttribute('data-lang')) || pick(navigator.language) || 'en';
  var sse = script.getAttribute('data-transport') === 'sse';
  var OPEN_LABEL = { en: 'Open chat', fa: 'باز کردن گفتگو', ar: 'فتح المحادثة', az: 'Söhbəti aç' };
  // Until the server's settings arrive (support.widget.titles), the title its bundles give by default.
  var TITLE = { en: 'Support', fa: 'پشتیبانی', ar: 'خدمة العملاء', az: 'Dəstək xidməti' };

  var cfg = { title: TITLE[lang], brandColor: '#0f766e', direction: lang === 'fa' || lang === 'ar' ? 'rtl' : 'ltr' };
  var narrow = window.matchMedia('(max-width: 480px)');
  var launcher, badge, frame, frameLoaded = false, isOpen = false;

  function css(el, styles) { Object.assign(el.style, styles); }

  // Launcher and panel sit on the reading-end side: bottom-right for LTR, bottom-left for RTL.
  function layout() {
    if (!launcher) return;
    var side = cfg.direction === 'rtl' ? 'left' : 'right';
    var other = side === 'left' ? 'right' : 'left';
    var l = { background: cfg.brandColor }; l[side] = '20px'; l[other] = 'auto';
    css(launcher, l);
    css(badge, side === 'left' ? { right: 'auto', left: '-4px' } : { left: 'auto', right: '-4px' });
    if (!frame) return;
    if (narrow.matches) {
      css(frame, { top: '0', bottom: '0', left: '0', right: '0', width: '100%', height: '100%',
        maxWidth: 'none', maxHeight: 'none', borderRadius: '0' });
    } else {
      var f = { top: 'auto', bottom: '88px', width: '380px', height: '600px', maxWidth: 'calc(100vw - 40px)',
        maxHeight: 'calc(100vh - 108px)', borderRadius: '12px' };
      f[side] = '20px'; f[other] = 'auto';
      css(frame, f);
    }
  }

  function icon() {
    var NS = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '28');
    svg.setAttribute('height', '28');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(NS, 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', 'M6 3h12a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-8l-5 4v-4.2A3 3 0 0 1 3 14V6a3 3 0 0 1 3-3z');
    svg.appendChild(path);
    return svg;
  }

  function build() {
    launcher = document.createElement('button');
    launcher.id = 'dastyar-launcher';
    launcher.type = 'button';
    launcher.setAttribute('aria-label', OPEN_LABEL[lang]);
    launcher.setAttribute('lang', lang); // its label is in the widget's language, whatever the host page's
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'dastyar-frame');
    css(launcher, { position: 'fixed', bottom: '20px', width: '56px', height: '56px', margin: '0', padding: '0',
      border: '0', borderRadius: '50%', color: '#fff', cursor: 'pointer', zIndex: '2147483000',
      display: 'flex', alignItems: 'center', justifyContent: 'center', boxShadow: '0 4px 14px rgba(0,0,0,.28)' });
    launcher.appendChild(icon());
    badge = document.createElement('span');
    badge.id = 'dastyar-badge';
    badge.setAttribute('aria-hidden', 'true'); // the count is a visual hint; the panel announces the lines
    css(badge, { position: 'absolute', top: '-4px', display: 'none', minWidth: '20px', height: '20px',
      padding: '0 5px', boxSizing: 'border-box', borderRadius: '10px', background: '#d93025', color: '#fff',
      font: 'bold 12px/20px system-ui, sans-serif', textAlign: 'center' });
    launcher.appendChild(badge);
    launcher.addEventListener('click', function () { if (isOpen) close(); else open(); });
    document.body.appendChild(launcher);
    layout();
  }

  function ensureFrame() {
    if (frame) return;
    frame = document.createElement('iframe');
    frame.id = 'dastyar-frame';
    frame.title = cfg.title;
    frame.setAttribute('lang', lang);
    frame.src = HOST + '/widget/panel.html?lang=' + lang + (sse ? '&transport=sse' : '');
    css(frame, { position: 'fixed', display: 'none', border: '0', background: '#fff', zIndex: '2147483001',
      boxShadow: '0 8px 30px rgba(0,0,0,.28)', colorScheme: 'normal' });
    frame.addEventListener('load', function () {
      frameLoaded = true;
      if (isOpen) focusPanel();
    });
    document.body.appendChild(frame);
    layout();
  }

  function post(msg) {
    if (frame && frame.contentWindow) frame.contentWindow.postMessage(msg, HOST);
  }

  // Focusing the iframe element first lets the panel move focus to its input.
  function focusPanel() {
    frame.focus();
    post({ type: 'dastyar:focus' });
  }

  function setBadge(count) {
    if (!badge) return;
    badge.textContent = count > 99 ? '99+' : String(count);
    badge.style.display = count > 0 ? 'block' : 'none';
  }

  function open() {
    if (!launcher) return;
    ensureFrame();
    isOpen = true;
    frame.style.display = 'block';
    launcher.setAttribute('aria-expanded', 'true');
    setBadge(0);
    if (frameLoaded) focusPanel();
  }

  function close() {
    if (!isOpen) return;
    isOpen = false;
    frame.style.display = 'none';
    launcher.setAttribute('aria-expanded', 'false');
    post({ type: 'dastyar:hidden' });
    launcher.focus();
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== HOST || !frame || e.source !== frame.contentWindow) return;
    var d = e.data || {};
    if (d.type === 'dastyar:close') close();
    else if (d.type === 'dastyar:unread') setBadge(isOpen ? 0 : Number(d.count) || 0);
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && isOpen) close();
  });
  if (narrow.addEventListener) narrow.addEventListener('change', layout);

  fetch(HOST + '/api/widget/config?lang=' + lang)
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (c) {
      if (!c) return;
      if (c.brandColor && window.CSS && CSS.supports('color', c.brandColor)) cfg.brandColor = c.brandColor;
      if (c.title) cfg.title = c.title;
      if (c.direction === 'rtl' || c.direction === 'ltr') cfg.direction = c.direction;
      if (frame) frame.title = cfg.title;
      layout();
    })
    .catch(function () { /* keep the defaults: the chat still works */ });

  if (document.body) build();
  else document.addEventListener('DOMContentLoaded', build);

  window.Dastyar = { open: open, close: close };
})();
