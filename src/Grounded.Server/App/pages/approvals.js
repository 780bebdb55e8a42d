// The approvals page (placeholder of the shell).
export async function render(root, app) {
  root.append(app.h('h1', { id: 'approvals-title' }, 'Approvals'));
}
