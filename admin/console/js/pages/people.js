// SPDX-License-Identifier: LGPL-2.1-or-later
// Users (admins), personal API tokens (shown once), and the audit log (admins).

import {api} from '../api.js';
import {field, h, mount} from '../dom.js';
import {formatDateTime, formatNumber, t} from '../i18n.js';

const ROLES = ['viewer', 'editor', 'admin'];

function errorLine(box, err) {
  mount(box, h('p', {class: 'alert error', role: 'alert'}, t('error.generic', {message: err.message})));
}

export const users = {
  async render({main, user, navigate}) {
    const res = await api('GET', '/users');
    const msg = h('div', {'aria-live': 'polite'});
    const [nameField, name] = field(t('users.name'), h('input', {id: 'user-name', required: true, autocomplete: 'off'}));
    const [roleField, role] = field(t('users.role'), h('select', {id: 'user-role'}, ROLES.map((r) => h('option', {value: r}, t('role.' + r)))));
    const [passField, pass] = field(t('users.password'), h('input', {id: 'user-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 8}));
    const row = (u) => h('tr', {'data-user': u.name},
      h('td', {}, u.name, u.disabled ? h('span', {class: 'badge missing'}, t('users.disabled')) : null),
      h('td', {}, h('select', {'aria-label': t('users.role_of', {name: u.name}), disabled: u.name === user.name, onchange: async (e) => {
        try {
          await api('PATCH', '/users/' + encodeURIComponent(u.name), {body: {role: e.target.value}});
          mount(msg, h('p', {class: 'alert info'}, t('users.updated', {name: u.name})));
        } catch (err) {
          errorLine(msg, err);
        }
      }}, ROLES.map((r) => h('option', {value: r, selected: r === u.role}, t('role.' + r))))),
      h('td', {}, formatDateTime(u.created_at)), h('td', {}, formatDateTime(u.last_login)),
      h('td', {class: 'actions'},
        h('button', {type: 'button', class: 'secondary', disabled: u.name === user.name, onclick: async () => {
          try {
            await api('PATCH', '/users/' + encodeURIComponent(u.name), {body: {disabled: !u.disabled}});
            navigate('users');
          } catch (err) {
            errorLine(msg, err);
          }
        }}, u.disabled ? t('users.enable') : t('users.disable')),
        h('button', {type: 'button', class: 'danger', disabled: u.name === user.name, onclick: async () => {
          if (!confirm(t('users.delete_confirm', {name: u.name})))
            return;
          try {
            await api('DELETE', '/users/' + encodeURIComponent(u.name));
            navigate('users');
          } catch (err) {
            errorLine(msg, err);
          }
        }}, t('users.delete'))));
    mount(main,
      h('div', {class: 'page-head'}, h('h1', {}, t('users.title'))),
      h('div', {class: 'scroll'}, h('table', {class: 'list', id: 'users'},
        h('thead', {}, h('tr', {}, ['name', 'role', 'created', 'last_login', ''].map((c) => h('th', {scope: 'col'}, c ? t('users.col.' + c) : '')))),
        h('tbody', {}, (res.users || []).map(row)))),
      msg,
      h('form', {class: 'card', onsubmit: async (e) => {
        e.preventDefault();
        try {
          await api('POST', '/users', {body: {name: name.value.trim(), role: role.value, password: pass.value}});
          pass.value = '';
          navigate('users');
        } catch (err) {
          errorLine(msg, err);
        }
      }}, h('h2', {}, t('users.add')), h('div', {class: 'meta-grid'}, nameField, roleField, passField),
      h('div', {class: 'actions'}, h('button', {type: 'submit'}, t('users.add')))));
  },
};

export const tokens = {
  async render({main, navigate}) {
    const res = await api('GET', '/tokens');
    const shown = h('div', {'aria-live': 'polite', id: 'token-shown'});
    const [nameField, name] = field(t('tokens.name'), h('input', {id: 'token-name', required: true}));
    mount(main,
      h('div', {class: 'page-head'}, h('h1', {}, t('tokens.title'))),
      h('p', {class: 'muted'}, t('tokens.hint')),
      h('form', {class: 'card', onsubmit: async (e) => {
        e.preventDefault();
        if (!name.value.trim())
          return;
        try {
          const created = await api('POST', '/tokens', {body: {name: name.value.trim()}});
          const value = h('input', {readonly: true, value: created.token, class: 'token-value', 'aria-label': t('tokens.value')});
          mount(shown, h('div', {class: 'alert info'}, h('p', {}, t('tokens.once')), value,
            h('button', {type: 'button', class: 'secondary', onclick: () => navigator.clipboard?.writeText(created.token)}, t('tokens.copy'))));
          value.select();
          name.value = '';
        } catch (err) {
          errorLine(shown, err);
        }
      }}, nameField, h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'token-create'}, t('tokens.create')))),
      shown,
      (res.tokens || []).length === 0 ? h('p', {class: 'empty'}, t('tokens.none')) : h('table', {class: 'list', id: 'tokens'},
        h('thead', {}, h('tr', {}, ['name', 'created', 'last_used', ''].map((c) => h('th', {scope: 'col'}, c ? t('tokens.col.' + c) : '')))),
        h('tbody', {}, res.tokens.map((tok) => h('tr', {},
          h('td', {}, tok.name || ''), h('td', {}, formatDateTime(tok.created_at)), h('td', {}, formatDateTime(tok.last_used)),
          h('td', {}, h('button', {type: 'button', class: 'danger', onclick: async () => {
            if (!confirm(t('tokens.revoke_confirm', {name: tok.name || tok.id})))
              return;
            await api('DELETE', '/tokens/' + encodeURIComponent(tok.id));
            navigate('tokens');
          }}, t('tokens.revoke'))))))));
  },
};

export const audit = {
  async render({main, query, navigate}) {
    const limit = 50;
    const offset = Number(query.get('offset') || 0);
    const res = await api('GET', '/audit', {query: {offset, limit}});
    const entries = res.entries || [];
    mount(main,
      h('div', {class: 'page-head'}, h('h1', {}, t('audit.title'))),
      entries.length === 0 ? h('p', {class: 'empty'}, t('audit.none')) : h('div', {class: 'scroll'}, h('table', {class: 'list', id: 'audit'},
        h('thead', {}, h('tr', {}, ['at', 'user', 'action', 'target', 'detail'].map((c) => h('th', {scope: 'col'}, t('audit.col.' + c))))),
        h('tbody', {}, entries.map((e) => h('tr', {},
          h('td', {}, formatDateTime(e.at)), h('td', {}, e.user || '–'), h('td', {}, e.action || ''),
          h('td', {}, e.target || ''), h('td', {class: 'detail'}, e.detail || '')))))),
      h('nav', {class: 'pager', 'aria-label': t('kb.paging')},
        h('button', {type: 'button', class: 'secondary', disabled: offset === 0, onclick: () => navigate('audit', {offset: Math.max(0, offset - limit)})}, t('kb.prev')),
        h('span', {}, t('kb.range', {first: formatNumber(entries.length ? offset + 1 : 0), last: formatNumber(offset + entries.length), total: formatNumber(res.total || 0)})),
        h('button', {type: 'button', class: 'secondary', disabled: offset + entries.length >= (res.total || 0),
          onclick: () => navigate('audit', {offset: offset + limit})}, t('kb.next'))));
  },
};
