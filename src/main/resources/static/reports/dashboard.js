// The reports dashboard: reads /api/reports/summary and /api/reports/series for the chosen filters and draws them.
// Numbers, durations and dates are written the way the page's language reads them: Persian digits and the Jalali
// calendar in Persian, Arabic-Indic digits in Arabic.
(() => {
  'use strict';
  const main = document.querySelector('main.reports');
  const lang = main.dataset.lang;
  const rtl = document.documentElement.dir === 'rtl';
  const LOCALES = {en: 'en-GB', fa: 'fa-IR-u-ca-persian-nu-arabext', ar: 'ar-u-nu-arab', az: 'az-Latn-AZ'};
  const locale = LOCALES[lang] || 'en-GB';
  const texts = JSON.parse(document.getElementById('report-texts').textContent);
  const form = document.getElementById('filters');
  const charts = {};

  const number = new Intl.NumberFormat(locale, {maximumFractionDigits: 1});
  const percentFormat = new Intl.NumberFormat(locale, {style: 'percent', maximumFractionDigits: 1});
  const dayFormat = new Intl.DateTimeFormat(locale, {day: 'numeric', month: 'short', timeZone: 'UTC'});
  const longDay = new Intl.DateTimeFormat(locale, {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});
  const moment = new Intl.DateTimeFormat(locale, {dateStyle: 'medium', timeStyle: 'short'});
  const units = {};
  const unit = (name) => units[name] || (units[name] = new Intl.NumberFormat(locale,
      {style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 1}));

  const percent = (value) => value === null || value === undefined ? '–' : percentFormat.format(value / 100);
  const count = (value) => number.format(value);
  const day = (iso) => dayFormat.format(new Date(iso + 'T00:00:00Z'));
  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    if (seconds < 90) return unit('second').format(seconds);
    if (seconds < 90 * 60) return unit('minute').format(seconds / 60);
    return unit('hour').format(seconds / 3600);
  }
  const set = (id, text) => { document.getElementById(id).textContent = text; };

  function defaults() {
    const params = new URLSearchParams(location.search);
    const today = new Date();
    const from = new Date(today.getTime() - 29 * 86400000);
    form.from.value = params.get('from') || from.toISOString().slice(0, 10);
    form.to.value = params.get('to') || today.toISOString().slice(0, 10);
    for (const name of ['channel', 'language', 'agent']) {
      if (params.get(name)) form[name].value = params.get(name);
    }
  }

  function query() {
    const params = new URLSearchParams();
    for (const name of ['from', 'to', 'channel', 'language', 'agent']) {
      if (form[name].value) params.set(name, form[name].value);
    }
    return params;
  }

  async function get(path, params) {
    const response = await fetch(path + '?' + params, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    const body = await response.json();
    if (!response.ok) throw new Error(body.detail || response.statusText);
    return body;
  }

  async function load() {
    const params = query();
    const refused = document.getElementById('refused');
    try {
      const series = new URLSearchParams(params);
      // Persian and Arabic weeks start on Saturday.
      series.set('weekStart', lang === 'fa' || lang === 'ar' ? 'SATURDAY' : 'MONDAY');
      const [summary, charted] = await Promise.all([get('/api/reports/summary', params), get('/api/reports/series', series)]);
      refused.hidden = true;
      show(summary);
      draw(charted, summary);
      for (const id of ['export-ratings', 'export-conversations']) {
        const link = document.getElementById(id);
        link.href = link.pathname + '?' + params;
      }
      history.replaceState(null, '', '?' + params);
    } catch (error) {
      refused.textContent = texts.refused + ' ' + error.message;
      refused.hidden = false;
    }
  }

  function show(s) {
    set('range', longDay.formatRange(new Date(s.period.from + 'T00:00:00Z'), new Date(s.period.to + 'T00:00:00Z')));
    set('csat-percent', percent(s.csat.percent));
    set('csat-responses', count(s.csat.responses) + ' ' + texts.responses + ' · ' + texts['response-rate'] + ' ' + percent(s.csat.responseRate));
    set('nps-score', s.nps.score === null ? '–' : number.format(s.nps.score));
    set('nps-responses', count(s.nps.responses) + ' ' + texts.responses);
    set('frt-median', duration(s.service.firstResponse.median));
    set('frt-p90', texts.p90 + ' ' + duration(s.service.firstResponse.p90));
    set('within-target', percent(s.service.answeredWithinTarget.percent));
    set('target', duration(s.service.answeredWithinTarget.targetSeconds) + ' · ' + count(s.service.answeredWithinTarget.answered) + ' / ' + count(s.service.answeredWithinTarget.eligible));
    set('wait-median', duration(s.service.queueWait.median));
    set('wait-p90', texts.p90 + ' ' + duration(s.service.queueWait.p90));
    set('resolution-median', duration(s.service.resolution.median));
    set('resolution-p90', texts.p90 + ' ' + duration(s.service.resolution.p90));
    set('hand-off-rate', percent(s.service.handOffRate));
    set('transfers', (s.service.transfersPerConversation === null ? '–' : number.format(s.service.transfersPerConversation)) + ' ' + texts.transfers);
    set('containment', percent(s.bot.containment.percent));
    set('good-containment', percent(s.bot.containmentWithGoodRating.percent));
    set('durable', percent(s.bot.durableContainment.percent));
    set('unanswered', count(s.bot.unanswered) + ' / ' + count(s.bot.questions));
    set('refreshed', texts['as-of'] + ' ' + moment.format(new Date(s.refreshedAt)));
    for (const table of document.querySelectorAll('table[data-breakdown]')) {
      const rows = s.breakdowns[table.dataset.breakdown] || [];
      const body = table.tBodies[0];
      body.replaceChildren(...rows.map((row) => {
        const tr = document.createElement('tr');
        const key = table.dataset.breakdown === 'handledBy' ? texts[row.key] : row.key;
        for (const cell of [key, count(row.conversations), percent(row.csatPercent) + ' (' + count(row.responses) + ')',
          duration(row.firstResponseMedian)]) {
          const td = document.createElement('td');
          td.textContent = cell;
          tr.append(td);
        }
        return tr;
      }));
    }
  }

  function chart(id, type, labels, datasets, options = {}) {
    const data = {labels, datasets};
    if (charts[id]) {
      charts[id].data = data;
      charts[id].update();
      return;
    }
    charts[id] = new Chart(document.getElementById(id), {
      type, data,
      options: Object.assign({
        animation: false, responsive: true, maintainAspectRatio: false, locale,
        plugins: {legend: {display: datasets.length > 1, rtl}, tooltip: {rtl}},
        scales: {x: {reverse: rtl}, y: {beginAtZero: true, position: rtl ? 'right' : 'left'}}
      }, options)
    });
  }

  function draw(series, summary) {
    const csat = (points) => [{label: texts.csat, data: points.map((p) => p.csatPercent), borderColor: '#0f766e',
      backgroundColor: '#0f766e', spanGaps: true}];
    const percentAxis = {scales: {x: {reverse: rtl}, y: {min: 0, max: 100, position: rtl ? 'right' : 'left',
      ticks: {callback: (v) => percent(v)}}}};
    chart('chart-csat-day', 'line', series.days.map((p) => day(p.start)), csat(series.days), percentAxis);
    chart('chart-csat-week', 'bar', series.weeks.map((p) => day(p.start)), csat(series.weeks), percentAxis);
    const scores = ['1', '2', '3', '4', '5'];
    chart('chart-distribution', 'bar', scores.map((s) => number.format(Number(s))),
        [{label: texts.responses, data: scores.map((s) => summary.csat.distribution[s]),
          backgroundColor: ['#b91c1c', '#ea580c', '#a3a3a3', '#65a30d', '#15803d']}]);
    chart('chart-first-response', 'bar', series.firstResponse.map((b) => b.to === null
        ? texts.over + ' ' + duration(b.from) : duration(b.from) + '–' + duration(b.to)),
        [{label: texts.conversations, data: series.firstResponse.map((b) => b.count), backgroundColor: '#2563eb'}]);
    chart('chart-containment', 'line', series.days.map((p) => day(p.start)),
        [{label: texts.containment, data: series.days.map((p) => p.containmentPercent), borderColor: '#7c3aed',
          backgroundColor: '#7c3aed', spanGaps: true}], percentAxis);
    chart('chart-queue-hour', 'bar', series.queueByHour.map((h) => number.format(h.hour)),
        [{label: texts.median, data: series.queueByHour.map((h) => h.median === null ? null : h.median / 60),
          backgroundColor: '#0891b2'},
         {label: texts.p90, data: series.queueByHour.map((h) => h.p90 === null ? null : h.p90 / 60),
          backgroundColor: '#67e8f9'}],
        {scales: {x: {reverse: rtl}, y: {beginAtZero: true, position: rtl ? 'right' : 'left',
          ticks: {callback: (v) => unit('minute').format(v)}}}});
  }

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  defaults();
  load();
})();
