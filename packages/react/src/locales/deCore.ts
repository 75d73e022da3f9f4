import { countOf } from '../i18n/countOf';
import type { enCore } from '../i18n/enCore';

const count = countOf('de');

/** "1 Fehler", "3 Warnungen": a count and its noun. */
const plural = (value: number, one: string, other: string) =>
  `${count(value)} ${value === 1 ? one : other}`;

const problemCount = (errors: number, warnings: number, separator: string) =>
  [
    errors > 0 ? plural(errors, 'Fehler', 'Fehler') : '',
    warnings > 0 ? plural(warnings, 'Warnung', 'Warnungen') : '',
  ]
    .filter(Boolean)
    .join(separator);

/** The German words of what the editor shows at first. Part of `de`. */
export const deCore: typeof enCore = {
  locale: 'de',
  common: {
    cancel: 'Abbrechen',
    close: 'Schließen',
    loading: 'Wird geladen …',
    none: '—',
  },
  status: {
    idle: 'Bereit',
    pending: 'Ausstehend',
    queued: 'Eingereiht',
    running: 'Läuft',
    interrupted: 'Unterbrochen',
    waiting: 'Wartet',
    completed: 'Abgeschlossen',
    failed: 'Fehlgeschlagen',
    cancelled: 'Abgebrochen',
    skipped: 'Übersprungen',
  },
  toolbar: {
    region: 'Workflow',
    back: 'Zurück',
    leaveQuestion: 'Es gibt ungespeicherte Änderungen. Ohne Speichern verlassen?',
    name: 'Name des Workflows',
    untitled: 'Unbenannter Workflow',
    unsaved: 'Ungespeicherte Änderungen',
    undo: 'Rückgängig',
    undoHint: 'Rückgängig (Strg/Cmd+Z)',
    redo: 'Wiederholen',
    redoHint: 'Wiederholen (Umschalt+Strg/Cmd+Z)',
    delete: 'Löschen',
    deleteHint: 'Auswahl löschen (Entf)',
    autoLayout: 'Automatisch anordnen',
    fitView: 'Alles zeigen',
    export: 'Exportieren',
    exportHint: 'Den gespeicherten Workflow als .flowloom.json-Datei herunterladen',
    exportNeedsSave: 'Speichern Sie den Workflow, um ihn zu exportieren',
    import: 'Importieren',
    importHint: 'Eine .flowloom.json-Datei als neuen Workflow öffnen',
    importFile: 'Zu importierende Workflow-Datei',
    importQuestion:
      'Es gibt ungespeicherte Änderungen. Einen anderen Workflow importieren, ohne sie zu speichern?',
    dismiss: 'Meldung schließen',
    save: 'Speichern',
    execute: 'Ausführen',
    executeHint: 'Den Workflow ausführen (Strg/Cmd+Eingabe)',
    moreExecute: 'Weitere Arten der Ausführung',
    executeMenu: 'Ausführungsoptionen',
    executeWithInput: 'Mit Eingabe ausführen …',
    problems: (errors, warnings) => problemCount(errors, warnings, ' · '),
    problemsHint: 'Die Probleme zeigen, nach Knoten',
  },
  commands: {
    saved: 'Workflow gespeichert!',
    problemsToFix: (problems) =>
      `${plural(problems, 'Problem', 'Probleme')} vor der Ausführung zu beheben.`,
    savedOver: (version) =>
      `Version ${count(version)} wurde überschrieben; sie bleibt im Versionsverlauf.`,
    saveFailed: (message) => `Speichern fehlgeschlagen: ${message}`,
    cannotExecuteInvalid: (problems) =>
      `Ausführung nicht möglich: Der Workflow hat ${plural(problems, 'Problem', 'Probleme')}.`,
    cannotExecute: (message) => `Ausführung nicht möglich: ${message}`,
    executionNotStarted: (message) => `Die Ausführung konnte nicht starten: ${message}`,
    executionStarted: 'Ausführung gestartet.',
    loading: 'Workflow wird geladen …',
    loadFailed: (message) => `Der Workflow konnte nicht geladen werden: ${message}`,
    reloaded: (version) => `Version ${count(version)} neu geladen.`,
    autoLayoutFailed: (message) => `Automatisches Anordnen fehlgeschlagen: ${message}`,
  },
  palette: {
    region: 'Komponenten',
    search: 'Komponenten suchen',
    placeholder: 'Komponenten suchen …',
    none: (query) => `Keine Komponente passt zu „${query}“.`,
    loading: 'Komponenten werden geladen …',
    serverFailed: (message) =>
      `Die Komponenten des Servers konnten nicht geladen werden (${message}); die eingebauten werden gezeigt.`,
    added: (name) => `${name} zur Arbeitsfläche hinzugefügt.`,
    categories: {
      triggers: 'Auslöser',
      data_processing: 'Datenverarbeitung',
      logic: 'Logik',
      integrations: 'Integrationen',
      output_actions: 'Ausgabe',
      utilities: 'Werkzeuge',
    },
  },
  canvas: {
    region: 'Workflow-Arbeitsfläche',
    minimap: 'Übersichtskarte des Workflows',
    nodeRole: 'Schritt',
    edgeRole: 'Verbindung',
    edge: (source, target) => `Verbindung von ${source} zu ${target}`,
    invalidEdge: (source, target) => `Verbindung von ${source} zu ${target} (hat ein Problem)`,
    nodeDescription:
      'Eingabe oder Leertaste wählt den Schritt aus, Entf entfernt ihn, Umschalt+F10 öffnet seine Aktionen (Verbinden mit …), die Pfeiltasten verschieben ihn.',
    edgeDescription:
      'Eingabe oder Leertaste wählt die Verbindung aus; danach entfernt Entf sie, Escape bricht ab.',
    moved: (direction, x, y) =>
      `Ausgewählten Schritt nach ${direction} verschoben. Neue Position: x ${count(x)}, y ${count(y)}`,
    directions: { up: 'oben', down: 'unten', left: 'links', right: 'rechts' },
    handle: 'Anschluss',
    controls: 'Zoom-Steuerung',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    fitView: 'Alles zeigen',
    interactive: 'Interaktivität umschalten',
    refusals: {
      self_loop: 'Ein Schritt kann nicht mit sich selbst verbunden werden.',
      cycle: 'Diese Verbindung würde einen Kreis bilden.',
      wrong_direction: 'Verbinden Sie einen Ausgang mit einem Eingang.',
      duplicate: 'Diese Anschlüsse sind schon verbunden.',
      unknown_handle: 'Diesen Anschluss hat die Komponente nicht.',
    },
  },
  node: {
    errors: (errors) => plural(errors, 'Fehler', 'Fehler'),
    warnings: (warnings) => plural(warnings, 'Warnung', 'Warnungen'),
    disabled: 'Deaktiviert',
    unknown: 'Unbekannte Komponente',
    label: (label, component, status) =>
      [component === undefined ? label : `${label} (${component})`, status]
        .filter(Boolean)
        .join(', '),
    input: (handle, node) =>
      handle === undefined ? `Eingang von ${node}` : `Eingang „${handle}“ von ${node}`,
    output: (handle, node) =>
      handle === undefined ? `Ausgang von ${node}` : `Ausgang „${handle}“ von ${node}`,
    outputHint: 'Eingabe verbindet ihn mit einem anderen Schritt',
    inputHint: 'Eingabe verbindet einen anderen Schritt mit ihm',
  },
  emptyCanvas: {
    region: 'Erste Schritte',
    hint: 'Ziehen Sie einen Auslöser von links hierher, um zu beginnen',
    or: 'oder beginnen Sie mit einem davon:',
    startWith: (name) => `Mit ${name} beginnen`,
  },
  sidePanel: {
    region: 'Knoteneinstellungen',
    tabs: 'Knotenbereich',
    parameters: 'Parameter',
    settings: 'Einstellungen',
    several: (nodes) =>
      `${plural(nodes, 'Knoten', 'Knoten')} ausgewählt. Wählen Sie einen Knoten, um seine Einstellungen zu bearbeiten.`,
    none: 'Wählen Sie einen Knoten, um seine Einstellungen zu bearbeiten.',
  },
  problems: {
    title: 'Probleme',
    workflow: 'Workflow',
    count: (errors, warnings) => problemCount(errors, warnings, ', '),
    error: 'Fehler:',
    warning: 'Warnung:',
    show: (name) => `${name} zeigen`,
    selfLoop: 'Er ist mit sich selbst verbunden: Ein Schritt kann nicht nach sich selbst laufen.',
    cycle: (others) =>
      `Er liegt in einem Kreis mit ${others.join(', ')}: Entfernen Sie eine der Verbindungen, um ihn aufzulösen.`,
    unreachable: 'Kein Auslöser erreicht ihn; er wird übersprungen.',
  },
  dock: {
    show: 'Läufe',
    showHint: 'Den Ausführungsbereich zeigen: letzter Lauf, Schrittdaten und Laufverlauf',
    resize: 'Größe des Ausführungsbereichs ändern',
  },
  errorBoundary: {
    title: 'Im Workflow-Editor ist etwas schiefgegangen.',
    tryAgain: 'Erneut versuchen',
  },
};
