/**
 * Every view, in light and in dark, audited by axe-core against WCAG 2.0-2.2 A and AA: no
 * serious or critical finding. The failures are listed rule by rule with the elements they hit.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { views } from '../../renderer/src/app/views';
import { launchBrowser, newAppPage, pageErrors } from './browser';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function audit(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Finding[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, TAGS);
}

function describeFindings(where: string, findings: Finding[]): string[] {
  return findings
    .filter((f) => f.impact === 'serious' || f.impact === 'critical')
    .map(
      (f) =>
        `${where}: ${f.id} (${f.impact}) ${f.help}\n` +
        f.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`)
          .join('\n') +
        (f.nodes.length > 5 ? `\n    … and ${f.nodes.length - 5} more` : ''),
    );
}

describe('accessibility (axe-core, WCAG 2.x A and AA)', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`every view in ${scheme} has no serious or critical finding`, async () => {
      const page = await newAppPage(browser, baseUrl, { coder: 'Axe Auditor', colorScheme: scheme });
      // The user's own choice too (View > Theme), as applyTheme sets it, not only the system's.
      await page.evaluate((s) => {
        localStorage.setItem('lantern-theme', s);
        document.documentElement.dataset.theme = s;
      }, scheme);
      const problems: string[] = [];
      for (const view of views) {
        await page.getByRole('tab', { name: new RegExp(`^${view.label}`) }).click();
        await page.locator('[role="tabpanel"][data-state="active"]').waitFor();
        // Let lazy views and their first data settle before auditing.
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        problems.push(...describeFindings(`${view.label} (${scheme})`, await audit(page)));
      }
      expect(problems, problems.join('\n')).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }
});
