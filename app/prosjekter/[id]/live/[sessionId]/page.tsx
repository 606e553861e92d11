import { notFound } from 'next/navigation';
import QRCode from 'qrcode';
import { z } from 'zod';
import { getServices } from '@/server/registry';
import { publicBaseUrl, requireUser } from '@/app/_lib/auth';
import { FacilitatorConsole } from './FacilitatorConsole';

export default async function LiveConsolePage({ params }: { params: Promise<{ id: string; sessionId: string }> }) {
  const { id, sessionId } = await params;
  const user = await requireUser(`/prosjekter/${id}/live/${sessionId}`);
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(sessionId).success) notFound();
  const services = getServices();
  const session = await services.live.byId(sessionId);
  if (!session || session.projectId !== id || !(await services.projects.roleOf(id, user.id))) notFound();
  const base = await publicBaseUrl();
  const joinUrl = `${base}/delta/${session.code}`;
  const qrSvg = await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return (
    <FacilitatorConsole
      projectId={id}
      sessionId={sessionId}
      title={session.title}
      joinUrl={joinUrl}
      joinHost={`${base.replace(/^https?:\/\//, '')}/delta`}
      qrSvg={qrSvg}
    />
  );
}
