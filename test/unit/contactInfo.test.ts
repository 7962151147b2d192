import { buildContactInfo } from '../../nodes/Wix/contact/info';
import { splitList } from '../../nodes/Wix/shared/lists';

describe('buildContactInfo', () => {
	it('maps the fields a user gives onto ContactInfo', () => {
		expect(
			buildContactInfo({
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: ' ada@example.com ',
				phone: '+1 555 1234',
				company: 'AE',
				labelKeys: 'custom.vip, custom.a ,',
			}),
		).toEqual({
			name: { first: 'Ada', last: 'Lovelace' },
			emails: { items: [{ email: 'ada@example.com', tag: 'MAIN', primary: true }] },
			phones: { items: [{ phone: '+1 555 1234', tag: 'MOBILE', primary: true }] },
			company: 'AE',
			labelKeys: { items: ['custom.vip', 'custom.a'] },
		});
	});

	it('replaces only the primary email and keeps the others and the last name', () => {
		const current = {
			name: { first: 'Ada', last: 'Lovelace' },
			emails: {
				items: [
					{ id: '1', email: 'old@x.com', primary: true },
					{ id: '2', email: 'work@x.com', primary: false },
				],
			},
		};
		const info = buildContactInfo({ email: 'new@x.com', firstName: 'Augusta' }, current);
		expect(info.emails!.items).toEqual([
			{ id: '1', email: 'new@x.com', primary: true },
			{ id: '2', email: 'work@x.com', primary: false },
		]);
		expect(info.name).toEqual({ first: 'Augusta', last: 'Lovelace' });
		expect(current.emails.items[0].email).toBe('old@x.com');
	});

	it('sends nothing for fields not given', () => {
		expect(buildContactInfo({})).toEqual({});
		expect(splitList(undefined)).toEqual([]);
		expect(splitList(['a', ' b '])).toEqual(['a', 'b']);
	});
});
