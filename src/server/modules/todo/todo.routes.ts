import type { Api } from '../../http/types.ts';
import { TodoOut } from '../../../shared/contracts/todo.ts';
import type { TodoService } from './todo.service.ts';

export function registerTodoRoutes(app: Api, svc: TodoService): void {
  app.get(
    '/api/todo',
    {
      schema: {
        tags: ['todo'],
        summary: 'Việc cần làm: what waits for the signed-in user (returned drafts, steps to take, inbox, reports, questions)',
        response: { 200: TodoOut },
      },
    },
    async (req) => svc.listTodo(req.actor),
  );
}
