// REST shapes of the legacy Workflows v1 API (wix-api.md C.2). No SDK package exists for it, so
// they are typed from the spec: the archived REST reference and its examples.

export interface PrimaryAttachment {
	attachmentId: string;
	/** Deprecated duplicate of `contactId`, still sent. */
	value: string;
	attachmentType: 'ContactType';
	contactId: string;
}

export interface CardInfo {
	id: string;
	name: string;
	description?: string;
	primaryAttachment: PrimaryAttachment;
	dueDate?: string;
	source?: string;
	phaseId: string;
	/** Deprecated duplicates of `createdDate` / `updatedDate`, still sent. */
	createdAt: string;
	updatedAt: string;
	createdDate: string;
	updatedDate: string;
}

export interface Card {
	info: CardInfo;
}

export interface PhaseInfo {
	id: string;
	name: string;
}

export interface Phase {
	info: PhaseInfo;
	cardsList: { total: number; cards: Card[] };
}

export interface WorkflowInfo {
	id: string;
	name: string;
	description?: string;
	createdAt: string;
	isDeletable: boolean;
	createdDate: string;
}

export interface Workflow {
	info: WorkflowInfo;
	winPhase: Phase;
	/** `total` leaves the win phase out. */
	phasesList: { total: number; phases: Phase[] };
}

export interface Pagination {
	offset: number;
	limit: number;
	total: number;
	count: number;
}
