#!/usr/bin/env node
import { runCli } from './runCli';

// `npm create flowloom@latest my-app -- --server hono` runs this with `my-app --server hono`.
process.exitCode = await runCli(process.argv.slice(2));
