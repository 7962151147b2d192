// Contact segments, as far as Wix Automations sees them: a contact enters or leaves a segment and
// the segment triggers fire. Segments have no API the nodes call; the admin API makes one and plays
// its membership changes (the dashboard's manual segments, or a dynamic segment re-evaluated).
import type { ContactsSite } from '../contacts/context';
import { contactPayload } from '../contacts/writes';
import { AdminError, adminRoutesFor } from '../core/admin';
import type { SiteContext } from '../core/context';

interface Segment {
	id: string;
	name: string;
	contactIds: Set<string>;
}

export interface SegmentsState {
	segments: Map<string, Segment>;
}

export function segmentsState(): SegmentsState {
	return { segments: new Map() };
}

type SegmentsSite = SegmentsState & ContactsSite;

function view(segment: Segment) {
	return { id: segment.id, name: segment.name, contactIds: [...segment.contactIds] };
}

function segmentAndContact(ctx: SiteContext<SegmentsSite>, segmentId: string, contactId: string) {
	const segment = ctx.site.segments.get(segmentId);
	if (!segment) throw new AdminError(404, `no segment ${segmentId}`);
	const contact = ctx.site.contacts.get(contactId);
	if (!contact) throw new AdminError(404, `no contact ${contactId}`);
	return { segment, contact };
}

const route = adminRoutesFor<SegmentsSite>();

export const segmentsAdmin = [
	route('POST', '/segments', ({ ctx, body }) => {
		if (typeof body.name !== 'string' || !body.name.trim())
			throw new AdminError(400, 'name is required');
		const segment: Segment = { id: ctx.site.newId(), name: body.name, contactIds: new Set() };
		ctx.site.segments.set(segment.id, segment);
		return { segment: view(segment) };
	}),
	route('GET', '/segments', ({ ctx }) => ({
		segments: [...ctx.site.segments.values()].map(view),
	})),
	// Entering a segment the contact is already in changes nothing and fires nothing; so does leaving one it is not in.
	route('POST', '/segments/{id}/contacts', ({ ctx, params: [id], body }) => {
		const { segment, contact } = segmentAndContact(ctx, id, String(body.contactId ?? ''));
		if (!segment.contactIds.has(contact.id!)) {
			segment.contactIds.add(contact.id!);
			ctx.fire?.('segments-contact_enters_segment', {
				...contactPayload(contact),
				segmentId: segment.id,
				segmentName: segment.name,
			});
		}
		return { segment: view(segment) };
	}),
	route('DELETE', '/segments/{id}/contacts/{contactId}', ({ ctx, params: [id, contactId] }) => {
		const { segment, contact } = segmentAndContact(ctx, id, contactId);
		if (segment.contactIds.delete(contact.id!))
			ctx.fire?.('segments-contact_leaves_segment', {
				...contactPayload(contact),
				segmentId: segment.id,
				segmentName: segment.name,
			});
		return { segment: view(segment) };
	}),
];
