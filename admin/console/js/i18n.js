// SPDX-License-Identifier: LGPL-2.1-or-later
// The console's own strings in English, Thai and Chinese: one table per language
// (strings/*.js); the choice is kept in localStorage. KB content is never translated here.

import en from './strings/en.js';
import th from './strings/th.js';
import zh from './strings/zh.js';

const TABLES = {en, th, zh};
const STORAGE_KEY = 'cblue.console.lang';
// BCP 47 tags for the lang attribute
export const LANG_TAGS = {en: 'en', th: 'th', zh: 'zh-Hans'};
export const LANGUAGES = ['en', 'th', 'zh'];

function initialLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch (e) {
    // storage disabled: follow the browser
  }
  if (stored && TABLES[stored])
    return stored;
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const base = tag.toLowerCase().split('-')[0];
    if (TABLES[base])
      return base;
  }
  return 'en';
}

let current = initialLanguage();
const listeners = new Set();

export function getLanguage() {
  return current;
}

export function setLanguage(lang) {
  if (!TABLES[lang] || lang === current)
    return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch (e) {
    // not remembered, but still switched
  }
  document.documentElement.lang = LANG_TAGS[lang];
  for (const fn of listeners)
    fn(lang);
}

export function onLanguageChange(fn) {
  listeners.add(fn);
}

/** the string @key of the current language (English if missing), {name} replaced from @params */
export function t(key, params) {
  let text = TABLES[current][key] ?? en[key] ?? key;
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  }
  return text;
}

// Intl formatters are dear to make (a list page formats hundreds of values): one per
// language and options
const formatters = new Map();

function formatter(kind, options) {
  const key = `${kind}|${current}|${JSON.stringify(options || {})}`;
  let f = formatters.get(key);
  if (!f) {
    f = kind === 'number' ? new Intl.NumberFormat(LANG_TAGS[current], options) : new Intl.DateTimeFormat(LANG_TAGS[current], options);
    formatters.set(key, f);
  }
  return f;
}

/** a language's name (`th` → "Thai" in the console's language), or the code itself */
export function languageName(code) {
  const key = 'lang.' + code;
  const name = t(key);
  return name === key ? String(code) : name;
}

export function formatNumber(n, options) {
  return formatter('number', options).format(n);
}

export function formatPercent(part, whole) {
  if (!whole)
    return '–';
  return formatNumber(part / whole, {style: 'percent', maximumFractionDigits: 1});
}

export function formatDateTime(iso) {
  if (!iso)
    return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()))
    return iso;
  return formatter('date', {dateStyle: 'medium', timeStyle: 'short'}).format(d);
}

document.documentElement.lang = LANG_TAGS[current];
