// The chat page (placeholder of the shell: a question box).
export async function render(root, app) {
  const { h } = app;
  root.append(h('h1', { id: 'chat-title' }, 'Chat'),
    h('form', { class: 'ask' }, h('label', { for: 'question' }, 'Question'), h('textarea', { id: 'question', name: 'question', rows: 3 }), h('button', { type: 'submit' }, 'Ask')));
}
