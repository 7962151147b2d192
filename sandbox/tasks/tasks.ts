/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// CRM Tasks (`@wix/crm` tasks), minimal: create, get, update (title, description, due date, status) and delete a task,
// and the overdue check Wix runs, which fires `tasks-task_overdue` once for an open task past its
// due date (again only after the due date changes). No @wix SDK package for Tasks is installed: the
// shapes follow Wix's Tasks REST reference [REST-DOCS] and are kept to what the trigger needs.
import type { ContactsSite } from '../contacts/context';
import { AdminError, adminRoutesFor } from '../core/admin';
import type { SiteContext } from '../core/context';
import { notFound, validationError } from '../core/errors';
import { MANAGE, READ, routesFor } from '../core/router';

export interface Task {
	id: string;
	revision: string;
	title: string;
	description?: string;
	dueDate?: string | null;
	status: 'ACTION_NEEDED' | 'COMPLETED';
	contact?: { id: string; firstName?: string; lastName?: string; email?: string } | null;
	createdDate: string;
	updatedDate: string;
}

interface StoredTask extends Task {
	/** The due date the overdue trigger last fired for. */
	overdueFiredFor?: string;
}

export interface TasksState {
	tasks: Map<string, StoredTask>;
}

export function tasksState(): TasksState {
	return { tasks: new Map() };
}

type TasksSite = TasksState & ContactsSite;
type TasksContext = SiteContext<TasksSite>;

const STATUSES = ['ACTION_NEEDED', 'COMPLETED'];

function view(task: StoredTask): { task: Task } {
	const shown: Partial<StoredTask> = structuredClone(task);
	delete shown.overdueFiredFor;
	return { task: shown as Task };
}

function validDate(field: string, value: unknown): string | null | undefined {
	if (value === undefined || value === null) return value;
	if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
		throw validationError([{ field, description: 'must be an ISO date' }]);
	return new Date(value).toISOString();
}

function contactOf(ctx: TasksContext, contactId: unknown): Task['contact'] {
	if (contactId === undefined || contactId === null) return null;
	const contact = ctx.site.contacts.get(String(contactId));
	if (!contact) throw notFound('CONTACT_NOT_FOUND', `Contact ${String(contactId)}`);
	return {
		id: contact.id!,
		firstName: contact.info?.name?.first ?? undefined,
		lastName: contact.info?.name?.last ?? undefined,
		email: contact.primaryInfo?.email ?? undefined,
	};
}

function existing(ctx: TasksContext, id: string): StoredTask {
	const task = ctx.site.tasks.get(id);
	if (!task) throw notFound('TASK_NOT_FOUND', `Task ${id}`);
	return task;
}

export function createTask(ctx: TasksContext, body: Record<string, any>) {
	// Every field is optional (Wix's Create Task): an empty task is open and has no due date.
	const input = body.task ?? {};
	if (input.title !== undefined && typeof input.title !== 'string')
		throw validationError([{ field: 'task.title', description: 'must be a string' }]);
	const status = input.status ?? 'ACTION_NEEDED';
	if (!STATUSES.includes(status))
		throw validationError([{ field: 'task.status', description: STATUSES.join(' or ') }]);
	const now = ctx.site.now();
	const task: StoredTask = {
		id: ctx.site.newId(),
		revision: '1',
		title: input.title ?? '',
		description: typeof input.description === 'string' ? input.description : undefined,
		dueDate: validDate('task.dueDate', input.dueDate) ?? null,
		status,
		contact: contactOf(ctx, input.contact?.id),
		createdDate: now,
		updatedDate: now,
	};
	ctx.site.tasks.set(task.id, task);
	return view(task);
}

export function updateTask(ctx: TasksContext, id: string, body: Record<string, any>) {
	const task = existing(ctx, id);
	const input = body.task ?? {};
	if (input.revision !== undefined && String(input.revision) !== task.revision)
		throw validationError([{ field: 'task.revision', description: 'is not the current revision' }]);
	if (input.title !== undefined) {
		if (typeof input.title !== 'string')
			throw validationError([{ field: 'task.title', description: 'must be a string' }]);
		task.title = input.title;
	}
	if (input.description !== undefined) task.description = String(input.description);
	if (input.dueDate !== undefined) task.dueDate = validDate('task.dueDate', input.dueDate);
	if (input.status !== undefined) {
		if (!STATUSES.includes(input.status))
			throw validationError([{ field: 'task.status', description: STATUSES.join(' or ') }]);
		task.status = input.status;
	}
	task.revision = String(Number(task.revision) + 1);
	task.updatedDate = ctx.site.now();
	return view(task);
}

/** Wix's due-date check: each open task past its due date fires the overdue trigger once. */
export function checkOverdue(ctx: TasksContext, at: string): string[] {
	const fired: string[] = [];
	for (const task of ctx.site.tasks.values()) {
		if (task.status !== 'ACTION_NEEDED' || !task.dueDate) continue;
		if (Date.parse(task.dueDate) > Date.parse(at) || task.overdueFiredFor === task.dueDate)
			continue;
		task.overdueFiredFor = task.dueDate;
		fired.push(task.id);
		ctx.fire?.('tasks-task_overdue', {
			taskId: task.id,
			title: task.title,
			description: task.description ?? '',
			dueDate: task.dueDate,
			contactId: task.contact?.id ?? null,
			contact: task.contact ?? null,
		});
	}
	return fired;
}

const route = routesFor<TasksSite>();
const TASKS = '/tasks/v2/tasks';

export const tasksRoutes = [
	route('POST', TASKS, MANAGE, ({ ctx, body }) => createTask(ctx, body)),
	route('GET', `${TASKS}/{id}`, READ, ({ ctx, params: [id] }) => view(existing(ctx, id))),
	route('PATCH', `${TASKS}/{id}`, MANAGE, ({ ctx, params: [id], body }) =>
		updateTask(ctx, id, body),
	),
	route('DELETE', `${TASKS}/{id}`, MANAGE, ({ ctx, params: [id] }) => {
		existing(ctx, id);
		ctx.site.tasks.delete(id);
		return {};
	}),
];

export const tasksAdmin = [
	adminRoutesFor<TasksSite>()('GET', '/tasks', ({ ctx }) => ({
		tasks: [...ctx.site.tasks.values()].map((t) => view(t).task),
	})),
	adminRoutesFor<TasksSite>()('POST', '/tasks/check-overdue', ({ ctx, body }) => {
		// `at` plays a later time without waiting for it: the check looks at due dates up to `at`.
		const at = body.at ?? ctx.site.now();
		if (typeof at !== 'string' || Number.isNaN(Date.parse(at)))
			throw new AdminError(400, 'at must be an ISO date');
		return { overdue: checkOverdue(ctx, at) };
	}),
];
