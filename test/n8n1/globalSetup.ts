// Installs the n8n 1.x runtime before any test file runs: the first install takes minutes, longer
// than a test hook may, and prints its progress here.
import { N8N1_RUNTIME, ensureRuntime } from '../../scripts/n8n-runtime';

export default function globalSetup() {
	ensureRuntime(N8N1_RUNTIME);
}
