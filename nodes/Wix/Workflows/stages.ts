// Pure plans for changing a funnel's ordered stages or phases, kept apart from requests so they
// can be tested alone: Set Up Funnel's "add what is missing, in order" and Update Pipeline's
// "rename, add and reorder".

export interface Insertion {
	name: string;
	/** 0-based position in the list as it is when this insertion is made. */
	position: number;
}

/**
 * Which of `wanted` are missing from `existing` (matched by exact name), and where each goes so
 * the wanted ones end up in the wanted order: a missing name goes right after the wanted name
 * before it (or first). Existing names not wanted keep their places. `order` is the list after.
 */
export function planMissing(
	existing: string[],
	wanted: string[],
): { insertions: Insertion[]; order: string[] } {
	const order = [...existing];
	const insertions: Insertion[] = [];
	let previous = -1;
	for (const name of wanted) {
		const at = order.indexOf(name);
		if (at >= 0) {
			previous = at;
			continue;
		}
		const position = previous + 1;
		order.splice(position, 0, name);
		insertions.push({ name, position });
		previous = position;
	}
	return { insertions, order };
}

/** Names that are empty or appear twice (ignoring case and surrounding spaces). */
export function badNames(names: string[]): { empty: number[]; duplicates: string[] } {
	const empty: number[] = [];
	const seen = new Set<string>();
	const duplicates = new Set<string>();
	names.forEach((name, index) => {
		const key = name.trim().toLowerCase();
		if (!key) empty.push(index);
		else if (seen.has(key)) duplicates.add(name.trim());
		else seen.add(key);
	});
	return { empty, duplicates: [...duplicates] };
}

export interface StageLike {
	id?: string | null;
	name?: string | null;
	staleDurationInHours?: number | null;
}

export interface StageEntry {
	/** An existing stage, by ID or current name; empty adds a new stage. */
	stage?: string;
	/** The stage's new name (required for a new stage). */
	newName?: string;
}

/**
 * The stages after an update: the listed ones in the listed order (existing ones kept, renamed
 * when a new name is given; new ones added), then, unless `removeUnlisted`, the others in their
 * current order. Throws a message naming the entry that cannot be applied.
 */
export function planStageUpdate(
	current: StageLike[],
	entries: StageEntry[],
	removeUnlisted: boolean,
): StageLike[] {
	const used = new Set<StageLike>();
	const listed: StageLike[] = entries.map((entry, index) => {
		const ref = (entry.stage ?? '').trim();
		const newName = (entry.newName ?? '').trim();
		if (!ref) {
			if (!newName) throw new Error(`Stage entry ${index + 1} has neither a stage nor a new name`);
			return { name: newName };
		}
		const found =
			current.find((s) => s.id === ref) ?? current.find((s) => (s.name ?? '').trim() === ref);
		if (!found)
			throw new Error(`Stage entry ${index + 1}: "${ref}" is not a stage of this pipeline`);
		if (used.has(found)) throw new Error(`Stage entry ${index + 1}: "${ref}" is listed twice`);
		used.add(found);
		return newName ? { ...found, name: newName } : { ...found };
	});
	const rest = removeUnlisted ? [] : current.filter((s) => !used.has(s));
	return [...listed, ...rest];
}
