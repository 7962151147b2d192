// The proof a loyalty points change carries in Wix that this package's Wix Loyalty node made it:
// Adjust Points and Earn Points end the transaction's description with a mark. The Wix Trigger
// reads the transaction behind an account event (its Ignore Own Writes) and the Automation
// source's points triggers carry the description themselves. See docs/wix-trigger.md.

/** The words every loyalty points write of this package ends its description with. */
export const OWN_POINTS_MARK = '(via n8n)';

/** Wix's limit on a transaction description (Adjust and Earn Points). */
export const MAX_DESCRIPTION = 100;

/** The most a user's own description may have, leaving room for the mark. */
export const MAX_USER_DESCRIPTION = MAX_DESCRIPTION - OWN_POINTS_MARK.length - 1;

/** The description a points write sends: the user's text (trimmed) followed by the mark. */
export function markedDescription(text: string | undefined): string {
	const own = String(text ?? '').trim();
	return own ? `${own} ${OWN_POINTS_MARK}` : OWN_POINTS_MARK;
}

/** Whether a transaction description (or an automation payload's) carries the mark. */
export function carriesPointsMark(description: unknown): boolean {
	return typeof description === 'string' && description.trimEnd().endsWith(OWN_POINTS_MARK);
}
