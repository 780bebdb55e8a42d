// The evaluations page (placeholder of the shell).
export async function render(root, app) {
  root.append(app.h('h1', { id: 'evaluations-title' }, 'Evaluations'));
}
