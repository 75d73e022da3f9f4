import { describe, expect, it } from 'vitest';
import { workflowFileName } from './workflowFileName';

describe('workflowFileName', () => {
  it('names the file <name>.flowloom.json', () => {
    expect(workflowFileName('Order routing')).toBe('Order routing.flowloom.json');
  });

  it('replaces the characters file systems refuse', () => {
    expect(workflowFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j.flowloom.json');
    expect(workflowFileName('tab\there\u0000')).toBe('tab_here_.flowloom.json');
  });

  it('never makes a hidden file or a path outside the downloads folder', () => {
    expect(workflowFileName('../../etc/passwd')).toBe('_.._etc_passwd.flowloom.json');
    expect(workflowFileName('.env')).toBe('env.flowloom.json');
  });

  it('falls back to "workflow" for a name with nothing left', () => {
    expect(workflowFileName('   ')).toBe('workflow.flowloom.json');
    expect(workflowFileName('...')).toBe('workflow.flowloom.json');
  });
});
