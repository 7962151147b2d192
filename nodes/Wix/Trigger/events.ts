import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Wix webhook event types (entityFqdn + "_" + slug) a CRM workflow reacts to. Cards: legacy
 * Workflows (wix-api.md C.4: created, updated — moves, archives and restores too —, deleted) and
 * Pipelines & Cards (C.6: created, updated, moved, deleted).
 */
export const WIX_EVENTS: INodePropertyOptions[] = [
	{ name: 'Badge Assigned', value: 'wix.badges.v3.badge_badge_assigned' },
	{ name: 'Badge Unassigned', value: 'wix.badges.v3.badge_badge_unassigned' },
	{ name: 'Contact Created', value: 'wix.contacts.v4.contact_created' },
	{ name: 'Contact Deleted', value: 'wix.contacts.v4.contact_deleted' },
	{ name: 'Contact Updated', value: 'wix.contacts.v4.contact_updated' },
	{ name: 'Contacts Merged', value: 'wix.contacts.v4.contact_merged' },
	{ name: 'Custom Field Created', value: 'wix.contacts.v4.extended_field_created' },
	{ name: 'Custom Field Deleted', value: 'wix.contacts.v4.extended_field_deleted' },
	{ name: 'Custom Field Updated', value: 'wix.contacts.v4.extended_field_updated' },
	{ name: 'Label Created', value: 'wix.contacts.v4.label_created' },
	{ name: 'Label Deleted', value: 'wix.contacts.v4.label_deleted' },
	{ name: 'Label Updated', value: 'wix.contacts.v4.label_updated' },
	{ name: 'Loyalty Account Created', value: 'wix.loyalty.v1.account_created' },
	{ name: 'Loyalty Account Updated', value: 'wix.loyalty.v1.account_updated' },
	{ name: 'Loyalty Points Updated', value: 'wix.loyalty.v1.account_points_updated' },
	{
		name: 'Loyalty Reward Availability Updated',
		value: 'wix.loyalty.v1.account_reward_availability_updated',
	},
	{ name: 'Member Created', value: 'wix.members.v1.member_created' },
	{ name: 'Member Deleted', value: 'wix.members.v1.member_deleted' },
	{ name: 'Member Updated', value: 'wix.members.v1.member_updated' },
	{ name: 'Pipeline Card Created', value: 'wix.crm.pipelines.v1.card_created' },
	{ name: 'Pipeline Card Deleted', value: 'wix.crm.pipelines.v1.card_deleted' },
	{ name: 'Pipeline Card Moved', value: 'wix.crm.pipelines.v1.card_moved' },
	{ name: 'Pipeline Card Updated', value: 'wix.crm.pipelines.v1.card_updated' },
	{ name: 'Pipeline Created', value: 'wix.crm.pipelines.v1.pipeline_created' },
	{ name: 'Pipeline Deleted', value: 'wix.crm.pipelines.v1.pipeline_deleted' },
	{ name: 'Pipeline Updated', value: 'wix.crm.pipelines.v1.pipeline_updated' },
	{ name: 'Workflow Card Created', value: 'wix.workflows.v1.card_created' },
	{ name: 'Workflow Card Deleted', value: 'wix.workflows.v1.card_deleted' },
	{ name: 'Workflow Card Updated', value: 'wix.workflows.v1.card_updated' },
];
