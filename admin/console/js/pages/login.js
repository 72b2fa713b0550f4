// SPDX-License-Identifier: LGPL-2.1-or-later
import {api} from '../api.js';
import {field, h} from '../dom.js';
import {t} from '../i18n.js';

export function render({onLogin}) {
  const [userField, username] = field(t('login.username'), h('input', {name: 'username', autocomplete: 'username', required: true}));
  const [passField, password] = field(t('login.password'),
    h('input', {name: 'password', type: 'password', autocomplete: 'current-password', required: true}));
  const message = h('p', {class: 'alert error', role: 'alert', hidden: true});
  const submit = h('button', {type: 'submit'}, t('login.submit'));

  const form = h('form', {class: 'login card', id: 'login-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    message.hidden = true;
    if (!username.value || !password.value) {
      message.textContent = t('login.missing');
      message.hidden = false;
      return;
    }
    submit.disabled = true;
    try {
      const res = await api('POST', '/session', {body: {username: username.value, password: password.value}});
      password.value = '';
      onLogin(res.user, res.csrf_token);
    } catch (err) {
      message.textContent = err.code === 'locked' ? t('login.locked') : err.status === 401 ? t('login.invalid')
        : t('error.generic', {message: err.message});
      message.hidden = false;
      password.select();
    } finally {
      submit.disabled = false;
    }
  }},
  h('h1', {}, t('login.title')), userField, passField, message, submit);
  setTimeout(() => username.focus(), 0);
  return h('main', {id: 'main', class: 'login-page'}, form);
}
