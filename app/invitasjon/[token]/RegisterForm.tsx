'use client';

import { AccountForm } from '@/components/AccountForm';
import { registerAction } from '@/app/_actions/auth-actions';

export function RegisterForm({ token, submitLabel }: { token: string; submitLabel: string }) {
  return (
    <AccountForm
      withName
      submitLabel={submitLabel}
      action={(values) => registerAction(token, values)}
      passwordAutoComplete="new-password"
    />
  );
}
