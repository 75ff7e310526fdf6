import { buildReport, type MessageText, type ReportFacts } from './report';
import { runChecks } from './runner';
import type { Check, CheckResult, DoctorView } from './types';

export interface SetupDoctorDeps {
  /** Built afresh for every run, so each run sees the line and settings as they are then. */
  checks: () => Check[];
  facts: () => Omit<ReportFacts, 'results' | 'generatedAt'>;
  text: MessageText;
  clipboard: { writeText(text: string): Promise<void> } | null;
  redraw: () => void;
  guideUrl: string | null;
  /** Bound for any one check (the runner's); the probes inside keep to less. */
  timeoutMs: number;
  now?: () => Date;
}

/**
 * The "Check setup" panel's controller: runs the checks (UI + effects, outside the call state
 * machine), fills the rows in as answers come, and copies a redacted report for a support ticket.
 */
export class SetupDoctor {
  readonly view: DoctorView;
  private results: CheckResult[] = [];
  private runs = 0;

  constructor(private readonly deps: SetupDoctorDeps) {
    this.view = {
      status: 'idle',
      rows: [],
      copy: 'none',
      report: null,
      guideUrl: deps.guideUrl,
      soundProbe: 'pending',
      run: () => void this.run(),
      copyReport: () => void this.copyReport(),
      close: () => this.close()
    };
  }

  async run(): Promise<void> {
    if (this.view.status === 'running') return;
    const run = ++this.runs;
    const checks = this.deps.checks();
    this.results = [];
    this.view.status = 'running';
    this.view.copy = 'none';
    this.view.report = null;
    this.view.rows = checks.map((c) => ({ id: c.id, anchor: c.anchor, result: null }));
    this.deps.redraw();
    const results = await runChecks(checks, {
      timeoutMs: this.deps.timeoutMs,
      onResult: (result) => {
        if (run !== this.runs) return;
        this.view.rows = this.view.rows.map((row) => (row.id === result.id ? { ...row, result } : row));
        this.deps.redraw();
      }
    });
    if (run !== this.runs) return;
    this.results = results;
    this.view.status = 'done';
    this.deps.redraw();
  }

  close(): void {
    this.runs += 1;
    this.view.status = 'idle';
    this.view.rows = [];
    this.view.copy = 'none';
    this.view.report = null;
    this.deps.redraw();
  }

  report(): string {
    const facts: ReportFacts = {
      ...this.deps.facts(),
      generatedAt: (this.deps.now ?? (() => new Date()))(),
      results: this.results
    };
    return buildReport(facts, this.deps.text);
  }

  /** The clipboard when the browser lets the frame write it; else the view shows the text selected. */
  async copyReport(): Promise<void> {
    const text = this.report();
    this.view.report = text;
    try {
      if (!this.deps.clipboard) throw new Error('no clipboard');
      await this.deps.clipboard.writeText(text);
      this.view.copy = 'copied';
    } catch {
      // Lightning's frame may not be allowed clipboard-write (Permissions-Policy); selection always works.
      this.view.copy = 'manual';
    }
    this.deps.redraw();
  }
}
