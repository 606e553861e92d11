import { ChatIcon, HandShakeHeartIcon, LightBulbIcon, PersonGroupIcon, PresentationIcon, TableIcon } from '@navikt/aksel-icons';
import type { ComponentType, SVGProps } from 'react';
import type { ActivityInput } from '@/lib/workshop/agenda';

type Kind = ActivityInput['kind'];

/** One icon per activity kind, used on the agenda cards and in the "add" menu alike. */
export const kindIcons: Record<Kind, ComponentType<SVGProps<SVGSVGElement> & { title?: string }>> = {
  findings: LightBulbIcon,
  reflection: PersonGroupIcon,
  plenary: PresentationIcon,
  closing: HandShakeHeartIcon,
  qsort: TableIcon,
  supervision: ChatIcon,
};

/** yyyy-mm-dd as a calendar day; read in UTC so server and browser print the same day. */
export const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
