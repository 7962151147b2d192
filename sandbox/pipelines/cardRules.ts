// What a card must agree with: its stage is one of its pipeline's (the done stage included), an
// outcome other than NONE only in the done stage and only one the done stage allows, and every
// contact it names exists on the site (their names and primary email/phone are copied in).
import { appError, notFound, validationError } from '../core/errors';
import type { PipelinesContext } from './store';
import type { CardContact, Outcome, Pipeline } from './types';

export function stageOf(pipeline: Pipeline, stageId: unknown): { id: string; done: boolean } {
	if (typeof stageId !== 'string' || !stageId)
		throw validationError([{ field: 'stageId', description: 'is required' }]);
	if (pipeline.doneStage?.id === stageId) return { id: stageId, done: true };
	if (pipeline.stages?.some((s) => s.id === stageId)) return { id: stageId, done: false };
	throw notFound('STAGE_NOT_FOUND', `Stage ${stageId} of pipeline ${pipeline.id}`);
}

/** The outcome a card gets in `stage`: NONE outside the done stage; in it, one it allows. */
export function outcomeIn(
	pipeline: Pipeline,
	stage: { done: boolean },
	requested: unknown,
): Outcome {
	const outcome = (requested ?? 'NONE') as Outcome;
	if (!['NONE', 'WON', 'LOST'].includes(outcome))
		throw validationError([{ field: 'outcome', description: 'must be NONE, WON or LOST' }]);
	if (!stage.done) {
		if (outcome !== 'NONE')
			throw appError(400, 'INVALID_OUTCOME', `Outcome ${outcome} is only for the done stage`);
		return outcome;
	}
	if (!pipeline.doneStage?.allowedOutcomes?.includes(outcome)) {
		throw appError(
			400,
			'INVALID_OUTCOME',
			`The done stage allows ${pipeline.doneStage?.allowedOutcomes?.join(', ')}, not ${outcome}`,
		);
	}
	return outcome;
}

export function cardContacts(
	ctx: PipelinesContext,
	main: unknown,
	additional: unknown,
): { mainContact?: CardContact; additionalContacts: CardContact[] } {
	const mainId = (main as CardContact | undefined)?.contactId ?? undefined;
	const others = additional === undefined || additional === null ? [] : additional;
	if (!Array.isArray(others) || others.length > 10)
		throw validationError([
			{ field: 'additionalContacts', description: 'holds at most 10 contacts' },
		]);
	const otherIds = others.map((c: CardContact) => c?.contactId);
	if (otherIds.length && !mainId)
		throw appError(
			400,
			'ADDITIONAL_CONTACTS_WITHOUT_MAIN_CONTACT',
			'Additional contacts need a main contact',
		);
	const ids = [mainId, ...otherIds].filter((id): id is string => id !== undefined);
	const missing = ids.filter((id) => typeof id !== 'string' || !ctx.site.contacts.has(id));
	if (missing.length)
		throw appError(404, 'CONTACTS_NOT_FOUND', `Contacts not found: ${missing.join(', ')}`, {
			contactIds: missing,
		});
	const view = (id: string): CardContact => {
		const contact = ctx.site.contacts.get(id)!;
		return {
			contactId: id,
			firstName: contact.info?.name?.first ?? null,
			lastName: contact.info?.name?.last ?? null,
			email: contact.primaryInfo?.email ?? null,
			phone: contact.primaryInfo?.phone ?? null,
		};
	};
	return {
		...(mainId ? { mainContact: view(mainId) } : {}),
		additionalContacts: otherIds.map((id) => view(id as string)),
	};
}

const PRIORITIES = ['P1_URGENT', 'P2_HIGH', 'P3_MEDIUM', 'P4_LOW'];

export function priority(value: unknown) {
	if (value === undefined || value === null) return undefined;
	if (!PRIORITIES.includes(value as string))
		throw validationError([
			{ field: 'card.priority', description: `must be one of ${PRIORITIES.join(', ')}` },
		]);
	return value as 'P1_URGENT';
}

export function isoDate(value: unknown, field: string) {
	if (value === undefined) return undefined;
	if (value === null) return null;
	if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
		throw validationError([{ field, description: 'must be an ISO-8601 date and time' }]);
	return value;
}

/** `{value: "3.99"}` with at most two decimals; the currency is always the pipeline's. */
export function money(value: unknown, currency: string) {
	if (value === undefined || value === null) return undefined;
	const amount = (value as { value?: unknown }).value;
	if (typeof amount !== 'string' || !/^-?\d+(\.\d{1,2})?$/.test(amount))
		throw validationError([
			{
				field: 'card.value.value',
				description: 'must be a decimal string with at most 2 decimals',
			},
		]);
	const given = (value as { currency?: unknown }).currency;
	if (given !== undefined && given !== currency)
		throw appError(400, 'CANNOT_CHANGE_CURRENCY', `Cards of this pipeline are in ${currency}`);
	return { value: amount, currency };
}
