import type { RunningQuickstart } from './startQuickstart';

/**
 * What `npm start -- --check` verifies of a started quickstart, as a person would try it: the
 * page loads, the API lists components, and the "Order routing" sample runs to completion.
 * Returns the problems found, none when it works.
 */
export async function checkQuickstart({ url }: RunningQuickstart): Promise<string[]> {
  const problems: string[] = [];
  const page = await fetch(`${url}/`);
  const html = await page.text();
  if (page.status !== 200 || !html.includes('Flowloom quickstart')) {
    problems.push(`The page answered ${page.status}: ${html.slice(0, 200)}`);
  }
  const components = await fetch(`${url}/api/workflow/components`);
  if (components.status !== 200) problems.push(`The component list answered ${components.status}`);

  const list = (await (await fetch(`${url}/api/workflow/editor/list`)).json()) as {
    workflows: Array<{ workflow_id: string; name: string }>;
  };
  const sample = list.workflows.find((workflow) => workflow.name === 'Order routing');
  if (!sample) return [...problems, 'The "Order routing" sample is not saved'];
  const post = (path: string, body: unknown) =>
    fetch(`${url}/api/workflow${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((response) => response.json() as Promise<{ instance_id: string }>);
  const { instance_id } = await post('/instances', {
    name: 'Start-up check',
    workflow_id: sample.workflow_id,
  });
  await post(`/instances/${instance_id}/execute`, { input_data: { order_id: 7 } });
  const deadline = Date.now() + 10_000;
  let status = 'running';
  while ((status === 'running' || status === 'pending') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answer = await fetch(`${url}/api/workflow/instances/${instance_id}/status`);
    status = ((await answer.json()) as { status: string }).status;
  }
  if (status !== 'completed') problems.push(`The "Order routing" run ended "${status}"`);
  return problems;
}
