// The index as language-model tools (issue 15): what VS Code's chat agents
// call to answer from the index in use, with sources, instead of from memory.
// The tools are declared in package.json (contributes.languageModelTools);
// VS Code activates the extension for a call. Each reads the catalog already
// loaded, never the network: the pure core (src/core/agentTools.ts) checks
// the input and writes the text.

import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { invocationMessage, runTool } from '../core/agentTools';
import { TOOL_NAMES, type ToolName } from '../core/agentToolInput';
import { Disposable } from '../dispose';
import { indexLabel } from '../indexOriginText';
import type { IndexStore } from '../indexStore';

/** One tool: its input is checked, and its text written, by the pure core. */
class IndexTool implements vscode.LanguageModelTool<unknown> {
  constructor(
    private readonly name: ToolName,
    private readonly store: IndexStore,
  ) {}

  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<unknown>): vscode.PreparedToolInvocation {
    // The tools only read what is loaded: nothing to confirm.
    return { invocationMessage: invocationMessage(this.name, options.input) };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<unknown>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    // A call can activate the extension: wait for the first index, never for the network.
    const catalog = this.store.catalog ?? (await this.store.ready());
    if (token.isCancellationRequested) throw new vscode.CancellationError();
    if (!catalog) throw new Error(l10n.t('The Open Infra Index could not be loaded; see the "Open Infra Index" output for why.'));
    const outcome = runTool(this.name, { catalog, indexLabel: indexLabel(this.store.origin) }, options.input);
    // The error goes to the model, which can correct its call.
    if (!outcome.ok) throw new Error(outcome.error);
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(outcome.text)]);
  }
}

/** Registers the four tools; the tests call them through vscode.lm.invokeTool, or through `tools` directly. */
export class IndexTools extends Disposable {
  readonly tools: ReadonlyMap<ToolName, vscode.LanguageModelTool<unknown>>;

  constructor(store: IndexStore) {
    super();
    this.tools = new Map(TOOL_NAMES.map((name) => [name, new IndexTool(name, store)]));
    for (const [name, tool] of this.tools) this._register(vscode.lm.registerTool(name, tool));
  }
}
