'use client';

import { useTranslations } from 'next-intl';
import { FitBox } from '@/components/screen/FitBox';
import { useNow } from '@/components/workshop/use-now';
import { silentWritingActive } from '@/lib/workshop/runtime';
import type { ScreenViewProps } from '../contract';

/** The prompt large, and how many groups are ready. */
export function ReflectionScreen({ live, runtime, activity }: ScreenViewProps<'reflection'>) {
  const t = useTranslations('live');
  const now = useNow();
  return (
    <FitBox fitKey={activity.id} className="flex-1">
      <div className="flex flex-col gap-[0.8em]">
        <p className="m-0 text-[2.2em] font-semibold leading-tight">{activity.config.prompt}</p>
        {silentWritingActive(runtime, now + live.clockOffset) && <p className="m-0 text-[1.3em]">{t('silentWriting')}</p>}
        <p className="m-0 text-[1.3em]" data-testid="screen-ready">{t('readyCount', { ready: runtime.ready.length, total: runtime.groups.length })}</p>
      </div>
    </FitBox>
  );
}
