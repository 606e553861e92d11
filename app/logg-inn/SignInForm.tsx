'use client';

import { AccountForm } from '@/components/AccountForm';
import { signInAction } from '../_actions/auth-actions';

export function SignInForm({ returnTo, submitLabel }: { returnTo: string; submitLabel: string }) {
  return (
    <AccountForm
      withName={false}
      submitLabel={submitLabel}
      action={(values) => signInAction(values, returnTo)}
      passwordAutoComplete="current-password"
    />
  );
}
