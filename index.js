// n8n reads the `n8n` section of package.json; this entry exists for tools that expect one.
module.exports = {};
