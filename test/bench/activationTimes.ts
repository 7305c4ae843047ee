// For `npm run bench`: how long the installed extension takes to activate,
// against a hello-world extension activated in the same workbench run. Both
// are installed from a .vsix into one fresh profile, activated by a command
// from the palette, and their times read where a user reads them: Developer:
// Show Running Extensions, whose figure is loading the code plus calling
// activate(). The page is reloaded between rounds, which starts a new
// extension host, so each round activates both afresh.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, waitUntil, Workbench } from '../ui/workbench';

const HELLO_TITLE = 'Hello World';
const OURS_TITLE = 'Open Infra Index';

export interface ActivationTimes {
  /** Milliseconds per round, in the order measured. */
  readonly ours: number[];
  readonly hello: number[];
}

/** Writes the hello-world extension into `dir` and packages it; returns the .vsix path. */
export async function packageHelloWorld(dir: string): Promise<string> {
  const manifest = {
    name: 'hello-world',
    displayName: HELLO_TITLE,
    publisher: 'bench',
    version: '0.0.1',
    engines: { vscode: '^1.100.0' },
    main: './extension.js',
    files: ['extension.js'],
    contributes: { commands: [{ command: 'helloWorld.sayHello', title: HELLO_TITLE }] },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'README.md'), '# Hello World\n\nThe baseline of the activation bench.\n');
  writeFileSync(
    join(dir, 'extension.js'),
    [
      "const vscode = require('vscode');",
      'exports.activate = (context) => {',
      "  context.subscriptions.push(vscode.commands.registerCommand('helloWorld.sayHello', () => vscode.window.showInformationMessage('Hello World')));",
      '};',
      '',
    ].join('\n'),
  );
  const vsix = join(dir, 'hello-world.vsix');
  const vsce = require.resolve('@vscode/vsce/vsce', { paths: [repoRoot] });
  await promisify(execFile)(process.execPath, [vsce, 'package', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: dir, timeout: 60_000 });
  return vsix;
}

/** The "Activation: N ms" of each named extension in the Running Extensions editor. */
async function readTimes(wb: Workbench, names: readonly string[]): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  await wb.runCommand('Developer: Show Running Extensions');
  await waitUntil(`activation times of ${names.join(' and ')}`, async () => {
    const rows = wb.page.locator('.runtime-extensions-editor .extension');
    for (let i = 0; i < (await rows.count()); i++) {
      const name = (await rows.nth(i).locator('.name').innerText()).trim();
      const time = /Activation:\s*(\d+)\s*ms/.exec(await rows.nth(i).locator('.activation-time').innerText());
      if (names.includes(name) && time) times.set(name, Number(time[1]));
    }
    return names.every((n) => times.has(n));
  });
  return times;
}

/**
 * Activates both extensions `rounds` times, each round in a fresh extension
 * host; which goes first alternates, since the first to activate in a new
 * host also pays for what the host loads on first use.
 */
export async function measureActivation(vsix: string, helloVsix: string, rounds: number): Promise<ActivationTimes> {
  const wb = await Workbench.open({ vsix, alsoInstall: [helloVsix] });
  const result: ActivationTimes = { ours: [], hello: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      if (round > 0) {
        await wb.page.reload({ waitUntil: 'domcontentloaded' });
        await wb.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      }
      const activateOurs = async (): Promise<void> => {
        await wb.runCommand('Infra Index: Find Entry…');
        // The command runs once activation has resolved: close its picker, not the palette before it.
        const title = wb.page.locator('.quick-input-widget .quick-input-title');
        await waitUntil('the Find Entry picker', async () => (await title.innerText().catch(() => '')).includes('Find Entry'));
        await wb.page.keyboard.press('Escape');
      };
      const activateHello = (): Promise<void> => wb.runCommand(HELLO_TITLE);
      for (const activate of round % 2 === 0 ? [activateHello, activateOurs] : [activateOurs, activateHello]) await activate();
      const times = await readTimes(wb, [OURS_TITLE, HELLO_TITLE]);
      result.ours.push(times.get(OURS_TITLE) ?? NaN);
      result.hello.push(times.get(HELLO_TITLE) ?? NaN);
    }
  } finally {
    await wb.close();
  }
  return result;
}
