import { describe, expect, it } from 'vitest';
import { createFormatters } from '../i18n/createFormatters';
import { MAX_WORKFLOW_FILE_BYTES, readWorkflowFile } from './readWorkflowFile';

const file = (text: string) => new Blob([text], { type: 'application/json' });
const valid = {
  flowloom_version: 1,
  name: 'Orders',
  workflow_data: { nodes: [], edges: [] },
};

describe('readWorkflowFile', () => {
  it('reads a workflow file of format version 1', async () => {
    expect(await readWorkflowFile(file(JSON.stringify(valid)))).toEqual({ ok: true, file: valid });
  });

  it('refuses text that is not JSON', async () => {
    expect(await readWorkflowFile(file('name: Orders'))).toEqual({
      ok: false,
      message: 'This file is not JSON, so it is not a Flowloom workflow file.',
    });
  });

  it.each([
    ['an array', '[1, 2]'],
    ['a string', '"flowloom_version"'],
    ['null', 'null'],
    ['an object without flowloom_version', '{"name":"Orders"}'],
  ])('refuses JSON that is %s', async (_what, text) => {
    expect(await readWorkflowFile(file(text))).toEqual({
      ok: false,
      message: 'This file is not a Flowloom workflow file: it has no "flowloom_version".',
    });
  });

  it.each([
    [2, '2'],
    ['1', '"1"'],
    [null, 'null'],
  ])('refuses format version %j', async (version, shown) => {
    const reading = await readWorkflowFile(
      file(JSON.stringify({ ...valid, flowloom_version: version })),
    );
    expect(reading).toEqual({
      ok: false,
      message: `This file is in Flowloom file format version ${shown}; this editor reads version 1.`,
    });
  });

  it('refuses a file over the limit without reading it', async () => {
    const big = new Blob([new Uint8Array(MAX_WORKFLOW_FILE_BYTES + 1)]);
    big.text = () => Promise.reject(new Error('read'));
    expect(await readWorkflowFile(big)).toEqual({
      ok: false,
      message: 'The file is too large (1 MB): a workflow file may be at most 1 MB.',
    });
  });

  it('takes another limit, and names sizes in bytes, kB and MB', async () => {
    expect(await readWorkflowFile(file('{}'), 1)).toMatchObject({
      message: 'The file is too large (2 bytes): a workflow file may be at most 1 byte.',
    });
    const kilobytes = new Blob([new Uint8Array(3 * 1024)]);
    expect(await readWorkflowFile(kilobytes, 2048)).toMatchObject({
      message: 'The file is too large (3 kB): a workflow file may be at most 2 kB.',
    });
    const megabytes = new Blob([new Uint8Array(2.5 * 1024 * 1024)]);
    expect(await readWorkflowFile(megabytes)).toMatchObject({
      message: 'The file is too large (2.5 MB): a workflow file may be at most 1 MB.',
    });
  });

  it('words its refusal in the catalogue and locale it is given', async () => {
    const { de } = await import('../locales/de');
    const megabytes = new Blob([new Uint8Array(2.5 * 1024 * 1024)]);
    expect(
      await readWorkflowFile(megabytes, undefined, de.files, createFormatters('de')),
    ).toMatchObject({
      message: 'Die Datei ist zu groß (2,5 MB): Eine Workflow-Datei darf höchstens 1 MB groß sein.',
    });
  });

  it('says so when the file cannot be read', async () => {
    const broken = file('{}');
    broken.text = () => Promise.reject(new Error('The file was moved'));
    expect(await readWorkflowFile(broken)).toEqual({
      ok: false,
      message: 'The file could not be read: The file was moved',
    });
  });
});
