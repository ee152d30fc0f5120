// The todo module has no surface beyond its module object (GET /api/todo).

import { defineModule } from '../module.ts';
import { createTodoService as makeTodo } from './todo.service.ts';
import type { TodoService as Todo } from './todo.service.ts';
import { registerTodoRoutes as todoRoutes } from './todo.routes.ts';

declare module '../module.ts' {
  interface Services {
    todo: Todo;
  }
}

/** The start page "Việc cần làm". */
export const module = defineModule({
  name: 'todo',
  create: (_ctx, { directives, inbox, tasks, publishing, deviceHealth, socialInbox, broadcasts, bulletins, alerts, rumorFigures, rumorMonitoring }) => ({
    todo: makeTodo({ directives, inbox, tasks, publishing, deviceHealth, socialInbox, broadcasts, bulletins, alerts, rumorWork: rumorFigures, rumorMonitoring }),
  }),
  routes: (app, { services }) => todoRoutes(app, services.todo),
});
