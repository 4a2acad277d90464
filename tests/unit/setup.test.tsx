/** tests/unit/setup.ts: nothing a test renders outlives it (Preact runs effect cleanups after the next frame). */
import { render } from '@testing-library/preact';
import { useEffect } from 'preact/hooks';
import { describe, expect, it } from 'vitest';

const log: string[] = [];
function Listens() {
  useEffect(() => {
    const onKey = () => {};
    document.addEventListener('keydown', onKey);
    log.push('listening');
    return () => {
      document.removeEventListener('keydown', onKey);
      log.push('removed');
    };
  }, []);
  return <p>listening</p>;
}

describe('between tests', () => {
  it('leaves a component mounted', () => {
    render(<Listens />);
    expect(document.body.textContent).toBe('listening');
  });

  it('finds it unmounted, its effect cleanups already run', () => {
    expect(document.body.textContent).toBe('');
    expect(log).toEqual(['listening', 'removed']);
  });
});
