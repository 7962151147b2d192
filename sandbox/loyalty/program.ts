/* eslint-disable -- not shipped: `npm run lint` checks this file with eslint.dev.config.mjs */
// The loyalty program (wix-api.md D.1): DRAFT with sample data on a new site; Update customises it
// and keeps its status; Activate and Pause move it. Earning, adjusting and creating accounts need it
// ACTIVE.
import { appError, validationError } from '../core/errors';
import type { LoyaltyContext } from './store';
import type {
	ActivateLoyaltyProgramResponse,
	GetLoyaltyProgramResponse,
	LoyaltyProgram,
	PauseLoyaltyProgramResponse,
	UpdateLoyaltyProgramResponse,
} from './types';

const ACTIVATE = 'POST /loyalty-programs/v1/program/activate';

/** Throws what a site whose program is not ACTIVE answers; `what` names the refused action. */
export function requireActive(ctx: LoyaltyContext, what: string) {
	const status = ctx.site.loyalty.program.status;
	if (status === 'ACTIVE') return;
	throw appError(
		428,
		'PROGRAM_NOT_ACTIVE',
		`The loyalty program is ${status}, not ACTIVE, so it cannot ${what}: activate it first (${ACTIVATE})`,
		{ status },
	);
}

export function getProgram(ctx: LoyaltyContext): GetLoyaltyProgramResponse {
	return { loyaltyProgram: structuredClone(ctx.site.loyalty.program) };
}

function setProgram(ctx: LoyaltyContext, program: LoyaltyProgram): LoyaltyProgram {
	ctx.site.loyalty.program = { ...program, updatedDate: ctx.site.now() };
	return structuredClone(ctx.site.loyalty.program);
}

/**
 * `PATCH /loyalty-programs/v1/program {loyaltyProgram}`: name (2–50), point name (≤20) and icon,
 * points expiration; the status stays as it is (a DRAFT program stays DRAFT).
 */
export function updateProgram(
	ctx: LoyaltyContext,
	body: Record<string, any>,
): UpdateLoyaltyProgramResponse {
	const input = body.loyaltyProgram;
	if (typeof input !== 'object' || input === null)
		throw validationError([{ field: 'loyaltyProgram', description: 'is required' }]);
	const next = structuredClone(ctx.site.loyalty.program);
	if (input.name !== undefined) {
		if (typeof input.name !== 'string' || input.name.trim().length < 2 || input.name.length > 50)
			throw validationError([
				{ field: 'loyaltyProgram.name', description: 'must be 2 to 50 characters' },
			]);
		next.name = input.name;
	}
	const points = input.pointDefinition;
	if (points !== undefined) {
		if (typeof points !== 'object' || points === null)
			throw validationError([
				{ field: 'loyaltyProgram.pointDefinition', description: 'must be an object' },
			]);
		if (points.custom_name !== undefined && points.customName === undefined)
			throw validationError([
				{
					field: 'loyaltyProgram.pointDefinition.custom_name',
					description: 'is not a field: send customName (the REST name)',
				},
			]);
		if (points.customName !== undefined) {
			if (
				typeof points.customName !== 'string' ||
				!points.customName.trim() ||
				points.customName.length > 20
			)
				throw validationError([
					{
						field: 'loyaltyProgram.pointDefinition.customName',
						description: 'must be 1 to 20 characters',
					},
				]);
			next.pointDefinition = { ...next.pointDefinition, customName: points.customName };
		}
		if (points.icon !== undefined) {
			const icon = points.icon ?? {};
			const id = icon.id ?? icon._id;
			if (typeof icon !== 'object' || (typeof id !== 'string' && typeof icon.url !== 'string'))
				throw validationError([
					{
						field: 'loyaltyProgram.pointDefinition.icon',
						description: 'needs an id or a url',
					},
				]);
			next.pointDefinition = {
				...next.pointDefinition,
				icon: {
					id: typeof id === 'string' ? id : '',
					url: typeof icon.url === 'string' ? icon.url : '',
					height: Number(icon.height ?? 0),
					width: Number(icon.width ?? 0),
					...(icon.altText !== undefined ? { altText: String(icon.altText) } : {}),
					...(icon.filename !== undefined ? { filename: String(icon.filename) } : {}),
				},
			};
		}
	}
	const expiration = input.pointsExpiration;
	if (expiration !== undefined) {
		const months = expiration.monthsOfInactivity;
		const percent = expiration.expiringPointsPercentage;
		if (months !== undefined && (!Number.isInteger(months) || months < 1 || months > 12))
			throw validationError([
				{
					field: 'loyaltyProgram.pointsExpiration.monthsOfInactivity',
					description: 'must be 1 to 12',
				},
			]);
		if (percent !== undefined && (!Number.isInteger(percent) || percent < 1 || percent > 100))
			throw validationError([
				{
					field: 'loyaltyProgram.pointsExpiration.expiringPointsPercentage',
					description: 'must be 1 to 100',
				},
			]);
		next.pointsExpiration = {
			...next.pointsExpiration,
			...(months !== undefined ? { monthsOfInactivity: months } : {}),
			...(percent !== undefined ? { expiringPointsPercentage: percent } : {}),
		};
	}
	return { loyaltyProgram: setProgram(ctx, next) };
}

/** DRAFT or PAUSED → ACTIVE; an ACTIVE program answers as it is. */
export function activateProgram(ctx: LoyaltyContext): ActivateLoyaltyProgramResponse {
	const program = ctx.site.loyalty.program;
	if (program.status === 'ACTIVE') return { loyaltyProgram: structuredClone(program) };
	return { loyaltyProgram: setProgram(ctx, { ...program, status: 'ACTIVE' }) };
}

/** ACTIVE → PAUSED; a PAUSED program answers as it is; a DRAFT one was never active [INFER 428]. */
export function pauseProgram(ctx: LoyaltyContext): PauseLoyaltyProgramResponse {
	const program = ctx.site.loyalty.program;
	if (program.status === 'PAUSED') return { loyaltyProgram: structuredClone(program) };
	if (program.status !== 'ACTIVE')
		throw appError(
			428,
			'PROGRAM_NOT_ACTIVE',
			`The loyalty program is ${program.status}: only an ACTIVE program can be paused`,
			{ status: program.status },
		);
	return { loyaltyProgram: setProgram(ctx, { ...program, status: 'PAUSED' }) };
}
