// A pipeline's stages: 1 to 30 ordered stages and one done stage with its allowed outcomes
// (SDK `Pipeline`). On update the given list replaces the stages: stages named by ID keep it,
// the others are new, and a stage holding cards may be neither removed nor given a new stale
// duration.
import { appError, validationError } from '../core/errors';
import type { DoneStage, Outcome, Stage } from './types';

const OUTCOMES: Outcome[] = ['NONE', 'WON', 'LOST'];

export function text(
	value: unknown,
	field: string,
	max: number,
	required = true,
): string | undefined {
	if (value === undefined || value === null) {
		if (required) throw validationError([{ field, description: 'is required' }]);
		return undefined;
	}
	if (typeof value !== 'string' || (required && !value.trim()) || value.length > max)
		throw validationError([{ field, description: `must be 1 to ${max} characters` }]);
	return value;
}

function staleDuration(value: unknown, field: string): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 100000)
		throw validationError([{ field, description: 'must be a whole number of hours, 1 to 100000' }]);
	return value as number;
}

export function readStages(
	given: unknown,
	current: Stage[],
	newId: () => string,
	cardsIn: (stageId: string) => number,
): Stage[] {
	if (!Array.isArray(given) || given.length === 0)
		throw appError(400, 'INSUFFICIENT_PIPELINE_DATA', 'A pipeline needs at least one stage');
	if (given.length > 30)
		throw validationError([{ field: 'pipeline.stages', description: 'holds at most 30 stages' }]);
	const seen = new Set<string>();
	const stages = given.map((raw: Record<string, unknown>, k): Stage => {
		const field = `pipeline.stages[${k}]`;
		const existing = raw?.id ? current.find((s) => s.id === raw.id) : undefined;
		if (raw?.id && !existing)
			throw appError(404, 'STAGE_NOT_FOUND', `Stage ${String(raw.id)} is not in this pipeline`);
		if (existing) {
			if (seen.has(existing.id!))
				throw appError(400, 'STAGE_IDS_MUST_BE_UNIQUE', `Stage ${existing.id} is listed twice`);
			seen.add(existing.id!);
		}
		const stage: Stage = {
			id: existing?.id ?? newId(),
			name: text(raw?.name ?? existing?.name, `${field}.name`, 40),
		};
		const hours =
			raw?.staleDurationInHours === undefined
				? existing?.staleDurationInHours
				: staleDuration(raw.staleDurationInHours, `${field}.staleDurationInHours`);
		if (
			existing &&
			(hours ?? null) !== (existing.staleDurationInHours ?? null) &&
			cardsIn(existing.id!) > 0
		) {
			throw appError(
				400,
				'CANNOT_CHANGE_DURATION_ON_STAGE_WITH_CARDS',
				`Stage ${existing.id} holds cards; its stale duration cannot change`,
			);
		}
		if (hours !== undefined && hours !== null) stage.staleDurationInHours = hours;
		return stage;
	});
	for (const gone of current.filter((s) => !seen.has(s.id!))) {
		if (cardsIn(gone.id!) > 0)
			throw appError(400, 'CANNOT_DELETE_STAGE_WITH_CARDS', `Stage ${gone.id} holds cards`);
	}
	return stages;
}

export function readDoneStage(
	given: unknown,
	current: DoneStage | undefined,
	newId: () => string,
): DoneStage {
	const raw = given as Record<string, unknown> | null | undefined;
	if (!raw || typeof raw !== 'object') {
		if (current)
			throw appError(400, 'CANNOT_DELETE_PIPELINE_DONE_STAGE', 'The done stage cannot be removed');
		throw validationError([{ field: 'pipeline.doneStage', description: 'is required' }]);
	}
	if (current && raw.id !== undefined && raw.id !== current.id)
		throw appError(400, 'CANNOT_DELETE_PIPELINE_DONE_STAGE', 'The done stage keeps its ID');
	const outcomes = raw.allowedOutcomes ?? current?.allowedOutcomes;
	if (
		!Array.isArray(outcomes) ||
		outcomes.length < 1 ||
		outcomes.length > 3 ||
		new Set(outcomes).size !== outcomes.length ||
		outcomes.some((o) => !OUTCOMES.includes(o))
	) {
		throw validationError([
			{
				field: 'pipeline.doneStage.allowedOutcomes',
				description: 'must list 1 to 3 of NONE, WON, LOST, each once',
			},
		]);
	}
	return {
		id: current?.id ?? newId(),
		name: text(raw.name ?? current?.name, 'pipeline.doneStage.name', 40),
		allowedOutcomes: outcomes as Outcome[],
	};
}
