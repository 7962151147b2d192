// The export cursor of "Get New Since Last Export" / "Confirm Export": kept in the workflow's
// static data, so n8n saves it after each non-manual run; it moves only when Confirm Export runs,
// i.e. after the nodes between them (the other system accepting the contacts) succeeded.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export interface ExportCursor {
	/** The newest createdDate confirmed, and the IDs confirmed at exactly that time. */
	createdDate: string;
	ids: string[];
}

export const exportNameProperty: INodeProperties = {
	displayName: 'Export Name',
	name: 'exportName',
	type: 'string',
	default: 'default',
	description: 'Names the cursor, so one workflow can run several independent exports',
};

export function cursors(ctx: IExecuteFunctions): Record<string, ExportCursor> {
	const data = ctx.getWorkflowStaticData('global') as IDataObject & {
		wixContactExports?: Record<string, ExportCursor>;
	};
	if (!data.wixContactExports) data.wixContactExports = {};
	return data.wixContactExports;
}
