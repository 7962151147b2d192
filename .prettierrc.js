// Formatting as n8n's own node starter sets it, so the code reads like n8n's nodes.
module.exports = {
	semi: true,
	singleQuote: true,
	quoteProps: 'as-needed',
	trailingComma: 'all',
	bracketSpacing: true,
	arrowParens: 'always',
	useTabs: true,
	tabWidth: 2,
	printWidth: 100,
	endOfLine: 'lf',
};
