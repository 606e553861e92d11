import type { Db } from '@/db/client';
import { findings, phases, projectMembers, projects, statementSets, statements, supervisionGroups, supervisionTemplates, workshopActivities, workshops } from '@/db/schema';
import { seedGrid } from '@/lib/qsort/grid';
import { builtinTemplateRows } from '@/lib/supervision/template';
import { demoFindings, demoPhases, demoProject, demoStatements } from './demo-data';
import { recordConsentVersion } from '../services/consent-service';
import { demoWorkshop } from './demo-workshop';

/**
 * The demo project, modelled on "Arbeid først – understøttet av pålitelig forvaltning":
 * its two phases, the six Fase 1 themes as preliminary findings, the 36 Q statements, and a
 * veiledningsgruppe for kollegaveiledning.
 */
export async function seedDemoProject(db: Db, ownerId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const [project] = await tx.insert(projects).values({ ...demoProject, createdBy: ownerId }).returning({ id: projects.id });
    if (!project) throw new Error('insert returned no row');
    await tx.insert(projectMembers).values({ projectId: project.id, userId: ownerId, role: 'owner' });
    await recordConsentVersion(tx as unknown as Db, project.id, demoProject.consentText, ownerId);
    const phaseRows = await tx
      .insert(phases)
      .values(demoPhases.map((p, position) => ({ ...p, projectId: project.id, position })))
      .returning({ id: phases.id });
    const findingRows = await tx
      .insert(findings)
      .values(demoFindings.map((f, position) => ({ ...f, projectId: project.id, phaseId: phaseRows[0]?.id ?? null, position })))
      .returning({ id: findings.id });
    // A ready workshop built from the findings, like the first utviklingsverksted in the report.
    const [workshop] = await tx
      .insert(workshops)
      .values({ ...demoWorkshop.workshop, projectId: project.id, phaseId: phaseRows[0]?.id ?? null, createdBy: ownerId })
      .returning({ id: workshops.id });
    if (!workshop) throw new Error('insert returned no row');
    await tx.insert(workshopActivities).values(
      demoWorkshop.agenda(findingRows.map((f) => f.id)).map((a, position) => ({ ...a, workshopId: workshop.id, position })),
    );
    const [set] = await tx
      .insert(statementSets)
      .values({ projectId: project.id, name: 'Q-utsagn fra Arbeid først', grid: seedGrid })
      .returning({ id: statementSets.id });
    if (!set) throw new Error('insert returned no row');
    await tx.insert(statements).values(demoStatements.map((s, position) => ({ setId: set.id, code: s.code, text: s.text, position })));
    // Kollegaveiledning as the report's offices practise it: a standing group with the standard template.
    const templateRows = await tx
      .insert(supervisionTemplates)
      .values(builtinTemplateRows(project.id))
      .returning({ id: supervisionTemplates.id });
    await tx.insert(supervisionGroups).values({ projectId: project.id, phaseId: phaseRows[1]?.id ?? null, name: 'Veiledningsgruppe NAV Nordby', templateId: templateRows[0]?.id ?? null });
    return project.id;
  });
}
