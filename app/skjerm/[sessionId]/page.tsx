import { notFound } from 'next/navigation';
import QRCode from 'qrcode';
import { z } from 'zod';
import { getServices } from '@/server/registry';
import { publicBaseUrl, requireUser } from '@/app/_lib/auth';
import { PresenterScreen } from './PresenterScreen';

/** The projector view. Opened by a project member; shows no controls and nothing private. */
export default async function ScreenPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const user = await requireUser(`/skjerm/${sessionId}`);
  if (!z.uuid().safeParse(sessionId).success) notFound();
  const services = getServices();
  const session = await services.live.byId(sessionId);
  if (!session || !(await services.projects.roleOf(session.projectId, user.id))) notFound();
  const base = await publicBaseUrl();
  const joinUrl = `${base}/delta/${session.code}`;
  const qrSvg = await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return <PresenterScreen sessionId={sessionId} joinHost={`${base.replace(/^https?:\/\//, '')}/delta`} qrSvg={qrSvg} />;
}
