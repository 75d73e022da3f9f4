import { countOf } from '../i18n/countOf';
import type { enCanvas } from '../i18n/enCanvas';

const count = countOf('de');

/** "1 Parameter", "3 Parameter": a count and its noun. */
const plural = (value: number, one: string, other: string) =>
  `${count(value)} ${value === 1 ? one : other}`;

/** The German words of the canvas parts loaded on demand. Part of `de`. */
export const deCanvas: typeof enCanvas = {
  settings: {
    form: (name) => `Laufeinstellungen von ${name}`,
    disabled: 'Diesen Schritt deaktivieren',
    disabledHelp:
      'Ein deaktivierter Schritt wird bei der Ausführung übersprungen; die Schritte danach laufen trotzdem.',
    retries: 'Wiederholungen',
    retriesHelp: 'Wie oft ein fehlgeschlagener Schritt erneut versucht wird (0 bis 99).',
    backoff: 'Wartezeit vor der Wiederholung (ms)',
    backoffHelp: 'Die Wartezeit vor der ersten Wiederholung.',
    multiplier: 'Faktor der Wartezeit',
    multiplierHelp: 'Jede weitere Wartezeit ist die vorige mal diesem Faktor (1 bis 100).',
    timeout: 'Zeitlimit (ms)',
    timeoutHelp: 'Zeitlimit für einen Versuch; leer für keines.',
    onError: 'Bei einem Fehler',
    onErrorHelp:
      'Was ein Fehler dieses Schritts bewirkt, wenn alle Wiederholungen verbraucht sind.',
    fail: 'Den Lauf abbrechen',
    errorBranch: 'Den Fehlerzweig nehmen',
    continue: 'Fortfahren',
    pinned: 'Feste Testeingabe',
    pinnedHelp:
      'Im Editor gestartete Läufe verwenden dies als Eingabe, wenn keine andere angegeben ist: lesbar als {{ input.<feld> }}. Wird mit dem Workflow gespeichert.',
  },
  menus: {
    node: 'Aktionen des Knotens',
    pane: 'Aktionen der Arbeitsfläche',
    runUpToHere: 'Bis hier ausführen',
    connectTo: 'Verbinden mit …',
    duplicate: 'Duplizieren',
    disable: 'Deaktivieren',
    enable: 'Aktivieren',
    copy: 'Kopieren',
    delete: 'Löschen',
    addNode: 'Knoten hinzufügen …',
    paste: 'Einfügen',
    autoLayout: 'Automatisch anordnen',
    pickStep: 'Einen Schritt hinzufügen',
    pickConnected: 'Einen verbundenen Schritt hinzufügen',
  },
  picker: {
    search: 'Komponenten suchen',
    placeholder: 'Komponenten suchen …',
    none: (query) => `Keine Komponente passt zu „${query}“.`,
  },
  connect: {
    to: (name) => `${name} verbinden mit …`,
    from: (name) => `Mit ${name} verbinden von …`,
    search: 'Schritte suchen',
    placeholder: 'Schritte suchen …',
    none: 'Hier lässt sich kein Schritt verbinden.',
    noMatch: (query) => `Kein Schritt passt zu „${query}“.`,
    option: (node, handle) => (handle === undefined ? node : `${node} · ${handle}`),
    connected: (source, target) => `${source} mit ${target} verbunden.`,
    refused: (reason) => `Nicht verbunden: ${reason}`,
  },
  credentialForm: {
    createFailed: (message) => `Die Zugangsdaten konnten nicht angelegt werden: ${message}`,
    title: 'Neue Zugangsdaten',
    name: 'Name der Zugangsdaten',
    type: 'Art der Zugangsdaten',
    other: 'Andere (benannte Felder)',
    typeName: 'Name der Art',
    types: {
      bearer: 'Bearer-Token',
      basic: 'Basic Auth (Benutzer und Passwort)',
      header: 'Header (Name und Wert)',
    },
    fieldLabels: {
      token: 'Token',
      username: 'Benutzername',
      password: 'Passwort',
      name: 'Header-Name',
      value: 'Header-Wert',
    },
    fields: 'Felder',
    fieldName: (row) => `Name von Feld ${row}`,
    fieldValue: (row) => `Wert von Feld ${row}`,
    fieldNamePlaceholder: 'Feldname',
    fieldValuePlaceholder: 'Wert',
    removeField: (row) => `Feld ${row} entfernen`,
    addField: 'Feld hinzufügen',
    fillIn: (label) => `Füllen Sie ${label} aus.`,
    nameEveryField: 'Geben Sie jedem Feld mit Wert einen Namen.',
    givenTwice: (name) => `Das Feld „${name}“ ist doppelt angegeben.`,
    addAField: 'Fügen Sie ein Feld hinzu.',
    needsName: 'Geben Sie den Zugangsdaten einen Namen.',
    needsType: 'Benennen Sie die Art der Zugangsdaten.',
    creating: 'Wird angelegt …',
    submit: 'Zugangsdaten anlegen',
  },
  conflict: {
    title: 'Nicht gespeichert: Dieser Workflow wurde anderswo geändert',
    explain: (currentVersion, baseVersion) =>
      `Jemand hat Version ${count(currentVersion)} gespeichert, während Sie${
        baseVersion === undefined ? '' : ` Version ${count(baseVersion)}`
      } bearbeitet haben. Es wurde nichts gespeichert, Ihre Änderungen sind noch da.`,
    reload: 'Neu laden',
    reloadHint: (version) => `Version ${count(version)} laden und Ihre Änderungen verwerfen`,
    reloadQuestion: (version) =>
      `Version ${count(version)} neu laden? Ihre ungespeicherten Änderungen gehen verloren.`,
    overwrite: 'Überschreiben',
    overwriteHint: (version) =>
      `Ihre Änderungen als neueste Version speichern; Version ${count(version)} bleibt im Verlauf`,
  },
  runInput: {
    title: 'Mit Eingabe ausführen',
    label: 'Eingabe des Laufs (JSON-Objekt)',
    help: 'Der Lauf beginnt mit dieser Eingabe: In Parametern lesbar als {{ input.<feld> }}. Sie wird für diesen Workflow in diesem Browser gemerkt.',
    execute: 'Ausführen',
    notJson: (message) => `Kein gültiges JSON: ${message}`,
    notObject: 'Die Eingabe muss ein JSON-Objekt sein, z. B. { "order_id": 42 }.',
  },
  parameters: {
    form: (name) => `Einstellungen von ${name}`,
    unknownType: (type) => `Den Komponententyp „${type}“ dieses Knotens kennt der Server nicht.`,
    nodeErrors: 'Probleme des Knotens',
    nodeWarnings: 'Warnungen des Knotens',
    label: 'Beschriftung',
    noParameters: 'Diese Komponente hat keine Parameter.',
    expressionHint:
      'Verwenden Sie {{ input.feld }}, {{ steps.<knoten-id>.feld }} oder {{ vars.name }}; der Wert behält seinen Typ.',
    between: (min, max) => `Zwischen ${min} und ${max}.`,
    atLeast: (min) => `Mindestens ${min}.`,
    atMost: (max) => `Höchstens ${max}.`,
    notNumber: 'Muss eine Zahl sein.',
    tooSmall: (min) => `Muss mindestens ${min} sein.`,
    tooLarge: (max) => `Darf höchstens ${max} sein.`,
    notInteger: 'Muss eine ganze Zahl sein.',
    default: (value) => `Standard: ${value}`,
    choose: '— Auswählen —',
    invalidJson: (message) => `Ungültiges JSON: ${message}`,
    inputDetail: 'die Eingabe des Laufs',
    varsDetail: 'Variablen des Laufs',
    previewValue: 'Ergibt',
    previewNoRun: 'Führen Sie den Workflow aus, um diesen Wert vorab zu sehen.',
    previewProblem: 'Lässt sich nicht auflösen:',
  },
  credentials: {
    legacy:
      'Speichern Sie dieses Geheimnis als Zugangsdaten: Es steht als Klartext im Workflow, was der Server nicht mehr annimmt. Wählen oder erstellen Sie Zugangsdaten, um es zu ersetzen.',
    storeLegacy: 'Als neue Zugangsdaten speichern',
    loadingList: 'Zugangsdaten werden geladen …',
    choose: '— Zugangsdaten wählen —',
    loading: 'Wird geladen …',
    unknown: (id) => `Unbekannte Zugangsdaten (${id})`,
    create: 'Neue Zugangsdaten …',
    retry: 'Erneut versuchen',
    empty: (type) =>
      `Noch keine ${type ? `${type}-` : ''}Zugangsdaten: Wählen Sie „Neue Zugangsdaten …“, um welche anzulegen.`,
    notConfigured: 'Auf diesem Server sind keine Zugangsdaten eingerichtet.',
    loadFailed: (message) => `Die Zugangsdaten konnten nicht geladen werden: ${message}`,
  },
  files: {
    exportNeedsSave: 'Speichern Sie den Workflow vor dem Export.',
    exportFailed: (message) => `Export fehlgeschlagen: ${message}`,
    exported: (fileName) => `Exportiert als ${fileName}.`,
    exportedWithoutChanges: (fileName, version) =>
      `${version === undefined ? 'Der gespeicherte Workflow' : `Die gespeicherte Version ${count(version)}`} wurde als ${fileName} exportiert; Ihre ungespeicherten Änderungen sind nicht enthalten (speichern Sie zuerst, um sie aufzunehmen).`,
    importing: 'Wird importiert …',
    importTooLarge: 'Die Datei ist für den Server zu groß.',
    importInvalid: (message) => `Dies ist keine gültige Flowloom-Workflow-Datei: ${message}`,
    importFailed: (message) => `Import fehlgeschlagen: ${message}`,
    importedButNotOpened: (message) =>
      `Der Workflow wurde importiert, konnte aber nicht geöffnet werden: ${message}`,
    imported: (name) => `„${name}“ als neuen Workflow importiert.`,
    chooseCredentials: (parameters) =>
      `Wählen Sie Zugangsdaten für ${plural(parameters, 'markierten Parameter', 'markierte Parameter')} an den Knoten.`,
    otherProblems: (problems) =>
      `${plural(problems, 'weiteres Problem', 'weitere Probleme')} vor der Ausführung zu beheben.`,
    tooLarge: (size, limit) =>
      `Die Datei ist zu groß (${size}): Eine Workflow-Datei darf höchstens ${limit} groß sein.`,
    unreadable: (reason) => `Die Datei konnte nicht gelesen werden: ${reason}`,
    notJson: 'Diese Datei ist kein JSON und damit keine Flowloom-Workflow-Datei.',
    notWorkflowFile: 'Diese Datei ist keine Flowloom-Workflow-Datei: Ihr fehlt „flowloom_version“.',
    wrongVersion: (found, supported) =>
      `Diese Datei hat das Flowloom-Dateiformat Version ${found}; dieser Editor liest Version ${supported}.`,
  },
};
