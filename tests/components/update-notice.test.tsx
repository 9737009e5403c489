import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { UpdateNotice } from '@/components/common/UpdateNotice';

describe('the update notice', () => {
  it('says an update waits for the session to end, and Install now asks for it once', () => {
    const onInstall = vi.fn();
    render(<UpdateNotice version="0.2.0" onInstall={onInstall} />);
    expect(screen.getByRole('status').textContent).toContain('An update is ready; it installs when this session ends (version 0.2.0).');
    fireEvent.click(screen.getByRole('button', { name: 'Install now' }));
    expect(onInstall).toHaveBeenCalledOnce();
    expect(screen.getByRole('status').textContent).toContain('Installing the update');
    expect((screen.getByRole('button', { name: 'Install now' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
