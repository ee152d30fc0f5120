// The shared start-page state as a React hook (menu counts and the page read the same copy).
import { useSyncExternalStore } from 'react';
import { subscribeTodo, todoSnapshot, type TodoView } from './todo-api.ts';

export function useTodo(): TodoView | null {
  return useSyncExternalStore(subscribeTodo, todoSnapshot, todoSnapshot);
}
