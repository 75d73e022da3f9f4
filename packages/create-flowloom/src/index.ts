export {
  appPackageJson,
  type FlowloomVersions,
} from './appPackageJson';
export { flowloomVersions } from './flowloomVersions';
export { packageNameOf } from './packageNameOf';
export { type ParsedArguments, parseArguments, USAGE } from './parseArguments';
export { type CliOutput, runCli } from './runCli';
export { type ScaffoldedApp, type ScaffoldOptions, scaffoldApp } from './scaffoldApp';
export { isServerChoice, SERVER_CHOICES, type ServerChoice } from './serverChoice';
