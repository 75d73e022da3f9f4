import { describe, expect, it } from 'vitest';
import { parseArguments } from './parseArguments';

describe('parseArguments', () => {
  it('reads the directory and defaults the server to express', () => {
    expect(parseArguments(['my-app'])).toEqual({
      kind: 'scaffold',
      directory: 'my-app',
      server: 'express',
    });
  });

  it.each([
    [['my-app', '--server', 'fastify'], 'fastify'],
    [['--server=hono', 'my-app'], 'hono'],
    [['my-app', '-s', 'express'], 'express'],
  ])('reads the server from %j', (argv, server) => {
    expect(parseArguments(argv)).toEqual({ kind: 'scaffold', directory: 'my-app', server });
  });

  it('answers help for --help and -h, whatever else is given', () => {
    expect(parseArguments(['--help'])).toEqual({ kind: 'help' });
    expect(parseArguments(['my-app', '-h'])).toEqual({ kind: 'help' });
  });

  it('refuses an unknown server, naming the choices', () => {
    expect(parseArguments(['my-app', '--server', 'koa'])).toEqual({
      kind: 'error',
      message: 'Unknown server "koa": choose one of express, fastify, hono',
    });
  });

  it('refuses a missing directory', () => {
    expect(parseArguments(['--server', 'hono'])).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/directory/),
    });
  });

  it('refuses two directories', () => {
    expect(parseArguments(['one', 'two'])).toMatchObject({
      kind: 'error',
      message: 'Give one directory, not 2: one two',
    });
  });

  it('refuses an unknown option instead of ignoring it', () => {
    expect(parseArguments(['my-app', '--framework', 'hono'])).toMatchObject({ kind: 'error' });
  });

  it('refuses --server without a value', () => {
    expect(parseArguments(['my-app', '--server'])).toMatchObject({ kind: 'error' });
  });

  it('refuses a blank directory name', () => {
    expect(parseArguments(['  '])).toEqual({
      kind: 'error',
      message: 'The directory name is empty',
    });
  });
});
