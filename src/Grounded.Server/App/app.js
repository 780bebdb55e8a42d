// The app's shell: sign-in, the navigation and the router. Each page is a module in pages/ exporting
// `render(root, app)`; it is loaded the first time it is shown, so the chat page loads only what chat needs.
import { api, session, stream, upload, ApiError } from './api.js';
import { h, toast } from './dom.js';

const pages = ['chat', 'documents', 'prompts', 'evaluations', 'dashboard', 'approvals'];
const view = document.getElementById('view');
const signin = document.getElementById('signin');
const nav = document.getElementById('nav');
const roles = { reader: 1, writer: 2, admin: 3 };
let current = null;
let navigation = 0; // which show() is the latest: a slow page's handle never replaces a newer one's

// What every page gets: the API helpers, who the caller is, and small UI helpers.
const app = {
  api, stream, upload, ApiError, h, toast,
  get me() { return session.me; },
  can(role) { return (roles[session.me?.role] ?? 0) >= roles[role]; },
  // An admin of the default tenant: switches the prompts every tenant uses and sees the server-wide alert states.
  get operator() { return session.me?.operator === true; },
  go(hash) { location.hash = hash; },
};

async function whoAmI() {
  try {
    session.me = await api('/v1/me');
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return false;
    throw error;
  }
}

function showSignIn(message = '') {
  current?.leave?.();
  current = null;
  session.me = null;
  nav.hidden = true;
  document.getElementById('signout').hidden = true;
  document.getElementById('who').textContent = '';
  view.replaceChildren(signin);
  signin.hidden = false;
  document.getElementById('signin-error').textContent = message;
  document.getElementById('signin-key').focus();
}

signin.addEventListener('submit', async event => {
  event.preventDefault();
  const input = document.getElementById('signin-key');
  session.key = input.value.trim();
  input.value = '';
  try {
    if (await whoAmI()) { await show(); return; }
    session.key = '';
    showSignIn('That key was not accepted: check it, or ask an admin for a new one.');
  } catch (error) {
    showSignIn(error.message);
  }
});

document.getElementById('signout').addEventListener('click', () => { session.key = ''; showSignIn(); });
window.addEventListener('grounded:unauthorized', () => { if (session.me?.keysRequired !== false) showSignIn('Your key is no longer accepted.'); });
window.addEventListener('hashchange', () => { if (location.hash === '' || location.hash.startsWith('#/')) show(); });

// The skip link moves focus to the content; it must not change the route (its #view is not a page).
document.querySelector('.skip').addEventListener('click', event => { event.preventDefault(); view.focus(); });

function route() {
  const [name, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { name: pages.includes(name) ? name : 'chat', params: new URLSearchParams(query) };
}

async function show() {
  if (!session.me && !(await whoAmI())) { showSignIn(); return; }
  const { name, params } = route();
  nav.hidden = false;
  const who = document.getElementById('who');
  who.textContent = session.me.keysRequired ? `${session.me.tenant} · ${session.me.role}` : 'local · no keys';
  document.getElementById('signout').hidden = !session.me.keysRequired;
  for (const link of nav.querySelectorAll('a')) {
    link.toggleAttribute('aria-current', link.dataset.page === name);
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
  }
  current?.leave?.();
  current = null;
  const mine = ++navigation;
  const root = h('section', { class: `page page-${name}`, 'aria-labelledby': `${name}-title` });
  view.replaceChildren(root);
  try {
    const page = await import(`./pages/${name}.js`);
    const handle = (await page.render(root, app, params)) ?? null;
    if (mine === navigation) current = handle;
    else handle?.leave?.(); // the user moved on while this page was loading
  } catch (error) {
    root.append(h('p', { class: 'error', role: 'alert' }, `This page could not load: ${error.message}`));
  }
}

show().catch(error => view.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message)));
