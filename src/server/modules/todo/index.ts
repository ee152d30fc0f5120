export { createTodoService } from './todo.service.ts';
export type { TodoDeps, TodoService } from './todo.service.ts';
export { TODO_KINDS, TODO_LIMIT_PER_KIND, TodoOut } from '../../../shared/contracts/todo.ts';
export type { TodoItem, TodoKind, TodoView } from '../../../shared/contracts/todo.ts';
export { registerTodoRoutes } from './todo.routes.ts';

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
  create: (_ctx, { directives, inbox, tasks, publishing }) => ({ todo: makeTodo({ directives, inbox, tasks, publishing }) }),
  routes: (app, { services }) => todoRoutes(app, services.todo),
});
