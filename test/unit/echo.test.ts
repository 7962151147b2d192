// How the triggers tell our own writes' events from everyone else's (shared/echo.ts).
const CONTACT = 'wix.contacts.v4.contact';

/** A fresh copy of the module: another n8n process, or this one after a restart. */
function freshEcho(): typeof import('../../nodes/Wix/shared/echo') {
	let echo: typeof import('../../nodes/Wix/shared/echo') | undefined;
	jest.isolateModules(() => {
		echo = jest.requireActual<typeof import('../../nodes/Wix/shared/echo')>(
			'../../nodes/Wix/shared/echo',
		);
	});
	return echo!;
}

const contact = (revision: number, mark?: number) => ({
	id: 'c1',
	revision,
	primaryInfo: { email: 'ada@example.com' },
	info: {
		extendedFields: { items: mark === undefined ? {} : { 'custom.n8n-sync-revision': mark } },
	},
});
const updated = (entity: object) => ({
	entityFqdn: CONTACT,
	slug: 'updated',
	entityId: 'c1',
	entity: entity as Record<string, unknown>,
});

describe('the mark in Wix', () => {
	it('makes an event ours in a process that never saw the write', () => {
		expect(freshEcho().isOwnEvent(updated(contact(4, 4)))).toBe(true);
	});

	it('says nothing of ours once anyone else changed the contact after our write', () => {
		expect(freshEcho().isOwnEvent(updated(contact(5, 4)))).toBe(false);
	});

	it('reads the revision before the point (after it, the write’s own ID)', () => {
		expect(freshEcho().isOwnEvent(updated(contact(4, 4.482913)))).toBe(true);
		expect(freshEcho().isOwnEvent(updated(contact(5, 4.482913)))).toBe(false);
	});

	it('a creation is ours when our write made revision 1, whatever happened to the contact since', () => {
		const created = (entity: object) => ({ ...updated(entity), slug: 'created' });
		expect(freshEcho().isOwnEvent(created(contact(3, 1.123456)))).toBe(true);
		expect(freshEcho().isOwnEvent(created(contact(2, 2.123456)))).toBe(false);
		expect(freshEcho().isOwnEvent(created(contact(1)))).toBe(false);
	});

	it('accepts the mark under a suffixed key, and as text', () => {
		const entity = {
			...contact(3),
			info: { extendedFields: { items: { 'custom.n8n-sync-revision-1': '3' } } },
		};
		expect(freshEcho().isOwnEvent(updated(entity))).toBe(true);
	});
});

describe('memory, where Wix holds no mark', () => {
	it('remembers a revision noted by this process, and forgets it when the write failed', () => {
		const echo = freshEcho();
		const note = echo.noteOwnRevision(CONTACT, 'c1', 7);
		expect(echo.isOwnEvent(updated(contact(7)))).toBe(true);
		note.forget();
		expect(echo.isOwnEvent(updated(contact(7)))).toBe(false);
	});

	it('a creation by email and a deletion are ours until the write fails', () => {
		const echo = freshEcho();
		const created = echo.noteOwnCreation(CONTACT, ' Ada@Example.com ');
		const deleted = echo.noteOwnDeletion(CONTACT, 'c1');
		expect(echo.isOwnEvent({ ...updated(contact(1)), slug: 'created' })).toBe(true);
		expect(echo.isOwnEvent({ ...updated({}), slug: 'deleted', entity: null })).toBe(true);
		created.forget();
		deleted.forget();
		expect(echo.isOwnEvent({ ...updated(contact(1)), slug: 'created' })).toBe(false);
		expect(echo.isOwnEvent({ ...updated({}), slug: 'deleted', entity: null })).toBe(false);
	});

	it('is per process: another process knows nothing of it', () => {
		freshEcho().noteOwnRevision(CONTACT, 'c1', 9);
		expect(freshEcho().isOwnEvent(updated(contact(9)))).toBe(false);
	});
});
