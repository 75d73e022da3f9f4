import { countOf } from '../i18n/countOf';
import type { enCanvas } from '../i18n/enCanvas';

const count = countOf('de');

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
};
