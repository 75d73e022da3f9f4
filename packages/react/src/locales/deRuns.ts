import { countOf } from '../i18n/countOf';
import type { enRuns } from '../i18n/enRuns';

const count = countOf('de');

const plural = (value: number, one: string, other: string) =>
  `${count(value)} ${value === 1 ? one : other}`;

const WAITING = 'Wartet: Der Lauf geht weiter, wenn die Wartezeit endet oder er fortgesetzt wird';
const QUEUED =
  'Eingereiht: Der Lauf beginnt, sobald ein anderer Lauf seines Teams oder Workflows endet';

/** The German words of the run side. Part of `de`. */
export const deRuns: typeof enRuns = {
  panel: {
    region: 'Ausführung',
    title: 'Ausführung',
    tabs: 'Ausführungsbereich',
    run: 'Lauf',
    step: 'Schrittdaten',
    history: 'Verlauf',
    stop: 'Stoppen',
    close: 'Schließen',
    closePanel: 'Ausführungsbereich schließen',
    noRun: 'Noch kein Lauf: Führen Sie den Workflow aus oder öffnen Sie einen aus dem Verlauf.',
    opened: (version) =>
      version === null
        ? 'Ein Lauf aus dem Verlauf.'
        : `Ein Lauf von Version ${count(version)} aus dem Verlauf.`,
    readOnly: (version) =>
      `Version ${count(version)} wird schreibgeschützt auf der Arbeitsfläche gezeigt.`,
    trigger: (type, stepId) => `Gestartet von seinem Auslöser „${type}“ (${stepId}).`,
    backToLive: 'Zurück zum neuesten Lauf',
    closeRun: 'Diesen Lauf schließen',
    versionFailed: (message) =>
      `Die Version, mit der er lief, konnte nicht gezeigt werden: ${message}`,
    stepError: (stepName) => ` (Schritt ${stepName})`,
    status: (status) => `Status: ${status}`,
    interrupted:
      'Durch einen Neustart unterbrochen; der Lauf geht weiter, sobald der Server wieder da ist',
    waiting: WAITING,
    queued: QUEUED,
    connected: 'Verbunden',
    disconnected: 'Getrennt',
    progress: 'Fortschritt',
    steps: (completed, total) => `${count(completed)} / ${count(total)} Schritte`,
    stepsOf: (completed, total) => `${count(completed)} von ${count(total)} Schritten`,
    elapsed: 'Dauer',
    elapsedTime: 'Bisherige Dauer',
    retry: 'Ab dem fehlgeschlagenen Schritt wiederholen',
    retryHint:
      'Führt die fehlgeschlagenen und abgebrochenen Schritte und alles danach erneut aus; abgeschlossene Schritte behalten ihre Ausgaben.',
  },
  activity: {
    events: 'Ereignisse',
    logs: 'Protokoll',
    noEvents: 'Noch keine Ereignisse.',
    noLogs: 'Noch keine Protokolleinträge.',
    step: 'Schritt',
    allSteps: 'Alle Schritte',
    showStep: (name) => `Schritt ${name} zeigen`,
    levels: { debug: 'Debug', info: 'Info', warn: 'Warnung', error: 'Fehler' },
  },
  events: {
    types: {
      execution_queued: 'Ausführung eingereiht',
      execution_started: 'Ausführung gestartet',
      execution_completed: 'Ausführung beendet',
      execution_failed: 'Ausführung fehlgeschlagen',
      execution_cancelled: 'Ausführung abgebrochen',
      execution_interrupted: 'Ausführung unterbrochen',
      execution_resumed: 'Ausführung fortgesetzt',
      execution_waiting: 'Ausführung wartet',
      execution_retried: 'Ausführung wiederholt',
      step_started: 'Schritt gestartet',
      step_completed: 'Schritt beendet',
      step_failed: 'Schritt fehlgeschlagen',
      step_retrying: 'Schritt wird wiederholt',
      step_skipped: 'Schritt übersprungen',
      step_waiting: 'Schritt wartet',
      step_resumed: 'Schritt fortgesetzt',
      log: 'Protokoll',
    },
    totalSteps: (steps) => plural(steps, 'Schritt', 'Schritte'),
    attempt: (attempt) => `Versuch ${count(attempt)}`,
    completedIn: (duration, handles) =>
      `in ${duration}${handles.length > 0 ? ` → ${handles.join(', ')}` : ''}`,
    retrying: (attempt, message, delay) =>
      `Versuch ${count(attempt)} fehlgeschlagen (${message}); neuer Versuch in ${delay}`,
    skipped: {
      branch_not_taken: 'Zweig nicht genommen',
      unreachable: 'nicht erreichbar',
      not_needed: 'für diesen Lauf nicht nötig',
      not_triggered: 'sein Auslöser hat nicht ausgelöst',
      disabled: 'deaktiviert',
    },
    finished: (completed, total, duration) =>
      `${count(completed)} / ${count(total)} Schritte in ${duration}`,
    resumedAfterRestart: (steps) =>
      steps.length > 0
        ? `nach einem Neustart fortgesetzt; erneut ausgeführt: ${steps.join(', ')}`
        : 'nach einem Neustart fortgesetzt',
    interrupted:
      'Durch einen Neustart unterbrochen; der Lauf geht weiter, sobald der Server wieder da ist',
    queued: QUEUED,
    waitingToResume: 'wartet auf Fortsetzung',
    waitingUntil: (time) => `wartet bis ${time}`,
    waiting: 'wartet',
    resumed: 'fortgesetzt',
    resumedWith: (data) => `fortgesetzt mit ${data}`,
    runWaiting: (time) => (time === undefined ? WAITING : `${WAITING} (wacht ${time} auf)`),
    retriedFrom: (steps) =>
      steps.length > 0 ? `Wiederholung ab ${steps.join(', ')}` : 'Wiederholung',
  },
  timeline: {
    label: 'Zeitleiste',
    before: 'Vor dem Start des Laufs',
    event: (seq, total, what) => `Ereignis ${count(seq)} von ${count(total)}: ${what}`,
    latest: 'Aktuell',
    latestHint: 'Den Lauf zeigen, wie er jetzt ist, und neuen Ereignissen folgen',
  },
  stepData: {
    choose: 'Schritt untersuchen',
    none: 'Einen Schritt wählen',
    selectNode:
      'Wählen Sie einen Knoten auf der Arbeitsfläche, um zu sehen, was er in diesem Lauf bekam und lieferte.',
    chooseStep: 'Wählen Sie einen Schritt, um zu sehen, was er in diesem Lauf bekam und lieferte.',
  },
  inspector: {
    region: (name) => `Schritt ${name}`,
    attempts: (attempts) => plural(attempts, 'Versuch', 'Versuche'),
    handles: (handles) => `Nahm ${handles.join(', ')}`,
    noHandles: 'Nahm keinen Ausgang',
    waitsForResume: 'Wartet auf Fortsetzung (eine Freigabe)',
    wakesAt: (time) => `Wacht ${time} auf`,
    input: 'Eingabe',
    inputHint: 'Seine Parameter mit allen Ausdrücken aufgelöst',
    inputOf: (name) => `Eingabe von ${name}`,
    noInput: 'Noch keine Eingabe: Der Schritt hat noch nicht begonnen.',
    output: 'Ausgabe',
    outputHint: 'Ein Klick auf einen Wert kopiert den Ausdruck, der ihn liest',
    outputOf: (name) => `Ausgabe von ${name}`,
    noOutput: 'Noch keine Ausgabe.',
    logs: 'Protokoll',
    noLogs: 'Keine Protokolleinträge.',
  },
  waiting: {
    region: 'Wartende Schritte',
    waitsForResume: 'wartet auf Freigabe',
    waits: 'wartet',
    wakes: (time) => `wacht ${time} auf`,
    timesOut: (time) => `läuft ${time} ab`,
    approve: 'Freigeben',
    approveStep: (name) => `${name} freigeben`,
    reject: 'Ablehnen',
    rejectStep: (name) => `${name} ablehnen`,
    failed: (name, message) => `${name} konnte nicht fortgesetzt werden: ${message}`,
  },
  related: {
    region: 'Verwandte Läufe',
    parent: 'Gestartet von Lauf',
    openParent: (id) => `Den Lauf ${id} öffnen, der diesen gestartet hat`,
    children: 'Läufe von Unter-Workflows',
    open: 'Öffnen',
    openChild: (name, time) => `Lauf ${name} des Unter-Workflows vom ${time} öffnen`,
  },
  json: {
    root: 'Wert',
    expand: (name) => `${name} aufklappen`,
    collapse: (name) => `${name} zuklappen`,
    copy: (expression) => `${expression} kopieren`,
    copied: (expression) => `${expression} kopiert`,
    copyFailed: 'Der Browser hat das Kopieren verweigert: Markieren Sie den Text stattdessen.',
    items: (items) => plural(items, 'Eintrag', 'Einträge'),
    keys: (keys) => plural(keys, 'Schlüssel', 'Schlüssel'),
  },
};
