export { createTodoService } from './todo.service.ts';
export type { TodoDeps, TodoService } from './todo.service.ts';
export { TODO_KINDS, TODO_LIMIT_PER_KIND, TodoOut } from '../../../shared/contracts/todo.ts';
export type { TodoItem, TodoKind, TodoView } from '../../../shared/contracts/todo.ts';
export { registerTodoRoutes } from './todo.routes.ts';
