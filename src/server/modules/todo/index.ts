export { createTodoService } from './todo.service.ts';
export type { TodoDeps, TodoService } from './todo.service.ts';
export { TODO_KINDS, TODO_LIMIT_PER_KIND, TodoOut } from './todo.schemas.ts';
export type { TodoItem, TodoKind, TodoView } from './todo.schemas.ts';
export { registerTodoRoutes } from './todo.routes.ts';
