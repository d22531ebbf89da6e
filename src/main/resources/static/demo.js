// Demo page: adds the Dastyar widget in the language given by ?lang= (en, fa, ar or az). A separate file,
// because the page's Content-Security-Policy allows no inline scripts.
(function () {
  'use strict';
  var lang = new URLSearchParams(location.search).get('lang');
  if (['en', 'fa', 'ar', 'az'].indexOf(lang) < 0) lang = 'en';
  var transport = new URLSearchParams(location.search).get('transport');

  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'fa' || lang === 'ar' ? 'rtl' : 'ltr';

  var script = document.createElement('script');
  script.src = '/widget.js';
  script.async = true;
  script.setAttribute('data-lang', lang);
  if (transport === 'sse') script.setAttribute('data-transport', 'sse');
  document.head.appendChild(script);
})();
