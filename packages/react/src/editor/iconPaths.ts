/**
 * Outline paths (24×24, drawn with a 1.5 stroke) for the Heroicons names the built-in components
 * and the seed use, keyed without the `Icon` suffix. A small map instead of an icon library keeps
 * the bundle small; unknown names fall back to the component's first letter (with a warning in
 * development). The README lists these names; hosts add their own with `<WorkflowEditor icons>`.
 */
export const iconPaths: Readonly<Record<string, string>> = {
  Play: 'M6.5 4.5v15l12.5-7.5z',
  Bolt: 'M13.5 2.5 4.5 13.5h7l-1 8 9-11h-7z',
  Clock: 'M12 6.5V12l3.5 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z',
  GlobeAlt:
    'M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0zM3 12h18M12 3c2.4 2.4 3.5 5.4 3.5 9s-1.1 6.6-3.5 9c-2.4-2.4-3.5-5.4-3.5-9S9.6 5.4 12 3z',
  ArrowsRightLeft: 'M7.5 21 3 16.5 7.5 12M3 16.5h18M16.5 3 21 7.5 16.5 12M21 7.5H3',
  ArrowsPointingOut:
    'M3.75 8.25v-4.5h4.5M3.75 3.75 9 9M3.75 15.75v4.5h4.5M3.75 20.25 9 15M20.25 8.25v-4.5h-4.5M20.25 3.75 15 9M20.25 15.75v4.5h-4.5M20.25 20.25 15 15',
  ArrowsPointingIn:
    'M9 4.5V9H4.5M9 9 3.75 3.75M9 19.5V15H4.5M9 15l-5.25 5.25M15 4.5V9h4.5M15 9l5.25-5.25M15 19.5V15h4.5M15 15l5.25 5.25',
  CodeBracket: 'M17.25 6.75 22.5 12l-5.25 5.25M6.75 17.25 1.5 12l5.25-5.25M14.25 3.75l-4.5 16.5',
  Pause: 'M8.25 5.25v13.5M15.75 5.25v13.5',
  Variable: 'M7 4c-2 3-2 13 0 16M17 4c2 3 2 13 0 16M9.5 9l5 6M14.5 9l-5 6',
  DocumentText:
    'M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8zM14 3v5h5M8.5 13h7M8.5 16.5h7',
  Envelope:
    'M3 6.75C3 5.78 3.78 5 4.75 5h14.5c.97 0 1.75.78 1.75 1.75v10.5c0 .97-.78 1.75-1.75 1.75H4.75C3.78 19 3 18.22 3 17.25zM3.5 6.5 12 13l8.5-6.5',
  Cube: 'M12 2.5 20.5 7v10L12 21.5 3.5 17V7zM3.5 7l8.5 4.5L20.5 7M12 11.5v10',
  Funnel: 'M3 4.5h18l-7 8.25v6l-4 2v-8.25z',
  CircleStack:
    'M12 3c4.4 0 8 1.34 8 3s-3.6 3-8 3-8-1.34-8-3 3.6-3 8-3zM4 6v12c0 1.66 3.6 3 8 3s8-1.34 8-3V6M4 12c0 1.66 3.6 3 8 3s8-1.34 8-3',
  Cog: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1',
  Bell: 'M6 16.5V11a6 6 0 1 1 12 0v5.5l1.5 1.5h-15zM10 20.5a2 2 0 0 0 4 0',
  ChatBubbleLeft: 'M3.5 5.5h17v11h-11l-4.5 4v-4h-1.5z',
  ArrowUturnLeft: 'M9 15 3 9m0 0 6-6M3 9h12a6 6 0 0 1 0 12h-3',
  Square2Stack:
    'M16.5 8.25V6a2.25 2.25 0 0 0-2.25-2.25H6A2.25 2.25 0 0 0 3.75 6v8.25A2.25 2.25 0 0 0 6 16.5h2.25m8.25-8.25H18a2.25 2.25 0 0 1 2.25 2.25V18A2.25 2.25 0 0 1 18 20.25h-7.5A2.25 2.25 0 0 1 8.25 18v-1.5m8.25-8.25h-6a2.25 2.25 0 0 0-2.25 2.25v6',
  ArrowPathRoundedSquare:
    'M19.5 12c0-1.23-.05-2.45-.14-3.66a4 4 0 0 0-3.7-3.7 48.7 48.7 0 0 0-7.32 0 4 4 0 0 0-3.7 3.7l-.05.66M19.5 12l3-3m-3 3-3-3m-12 3c0 1.23.05 2.45.14 3.66a4 4 0 0 0 3.7 3.7 48.7 48.7 0 0 0 7.32 0 4 4 0 0 0 3.7-3.7l.05-.66M4.5 12l3 3m-3-3-3 3',
};
