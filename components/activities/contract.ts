import type { ComponentType, Dispatch, ReactNode, SetStateAction, SVGProps } from 'react';
import type { Messages } from '@/i18n/catalogue';
import type { ActivityKindName } from '@/lib/activities/registry';
import type { AppError } from '@/lib/errors';
import type { FindingCard, RedactTarget } from '@/lib/protocol';
import type { ActivityInput, AgendaActivity } from '@/lib/workshop/agenda';
import type { MyAnswers } from '@/lib/workshop/answers';
import type { ActivityResults } from '@/lib/workshop/results';
import type { Cluster, WorkshopCommand, WorkshopRuntime } from '@/lib/workshop/runtime';
import type { WorkshopView } from '@/lib/workshop/view';
import type { useLiveSession } from '../live/use-live-session';

/**
 * The UI half of an activity kind: everything a kind shows in the agenda editor, on the
 * phones, in the facilitator's console and on the big screen. The shells (participant view,
 * console, presenter screen, agenda editor) look a kind up in `./registry` and render its
 * parts; they hold no `kind === …` branches of their own.
 */
export type ActivityKind = ActivityKindName;

/** One agenda activity of kind `K`, as stored and played (with its id). */
export type ActivityOf<K extends ActivityKind> = Extract<AgendaActivity, { kind: K }>;
/** One activity of kind `K` as the editor drafts it (no id yet). */
export type ActivityDraftOf<K extends ActivityKind> = Extract<ActivityInput, { kind: K }>;

export type Live = ReturnType<typeof useLiveSession>;

// —— Agenda editor ——————————————————————————————————————————————————————————

/** A finding the project has, as the findings round's checkboxes offer it. */
export interface FindingOption {
  id: string;
  title: string;
  theme: string;
}

/** A statement set the project has, as the Q-sort activity's select offers it. */
export interface SetOption {
  id: string;
  name: string;
  count: number;
  gridFits: boolean;
}

/** A kollegaveiledning template the project has. */
export interface TemplateOption {
  id: string;
  name: string;
  rounds: number;
}

/** The project's material an activity may point at, loaded once by the workshop page. */
export interface EditorOptions {
  findings: readonly FindingOption[];
  sets: readonly SetOption[];
  templates: readonly TemplateOption[];
}

/** Why the "add activity" menu cannot offer a kind now: a key of the `workshop` namespace. */
export type BlockedReason = 'noFindingsToAdd' | 'noSetsToAdd' | 'noTemplatesToAdd';

export interface EditorFieldsProps<K extends ActivityKind> {
  draft: ActivityDraftOf<K>;
  /** The whole draft with the kind's settings changed; title and kind stay as they were. */
  onChange: (draft: ActivityDraftOf<K>) => void;
  options: EditorOptions;
  /** The translated refusal for a settings field (`prompt`, `questions.1.text`, …), if any. */
  fieldError: (name: string) => string | undefined;
}

export interface ActivityEditor<K extends ActivityKind> {
  /** The kind's settings in the activity form, below the title every kind shares. */
  Fields: ComponentType<EditorFieldsProps<K>>;
  /**
   * A hook giving the one line the agenda card shows under the title. Called once per
   * render for every kind in registry order, so it must call the same hooks every time.
   */
  useSummary: () => (activity: ActivityDraftOf<K>, options: EditorOptions) => string;
  /** Asked when the add menu opens: why this kind cannot be added now, or null when it can. */
  blockedReason: (agenda: readonly AgendaActivity[], options: EditorOptions) => BlockedReason | null;
}

// —— Console controls ————————————————————————————————————————————————————————

/** How the console's shared controls (next, timer, reveal, lock) behave on this kind's step. */
export interface ActivityControls<K extends ActivityKind> {
  /** Minutes the "start timer" button offers while this step is current; 5 when absent. */
  timerMinutes?: (activity: ActivityOf<K>, runtime: WorkshopRuntime) => number;
  /** The kind keeps its own time (a kollegaveiledning's rounds), so the workshop timer is not offered. */
  ownTimer?: boolean;
}

// —— Live views —————————————————————————————————————————————————————————————

export interface ParticipantViewProps<K extends ActivityKind> {
  live: Live;
  /** The workshop as the screen and phones get it (the console passes its full state as the same view). */
  runtime: WorkshopView;
  activity: ActivityOf<K>;
  /** The workshop's findings, as far as loaded (the findings round and the plenary show them). */
  findings: readonly FindingCard[];
  /** This participant's own saved answers in the session, null until loaded. */
  mine: MyAnswers | null;
  setMine: Dispatch<SetStateAction<MyAnswers | null>>;
  /** Bumped when a facilitator redacted one of my answers: key forms on it so they restart from `mine`. */
  redactions: number;
  /** The shell's "locked" notice (or nothing), placed where the kind wants it. */
  locked: ReactNode;
  /** The shell's "one of yours was redacted" notice (or nothing). */
  redacted: ReactNode;
}

export interface ConsolePanelProps<K extends ActivityKind> {
  live: Live;
  runtime: WorkshopRuntime;
  activity: ActivityOf<K>;
  findings: readonly FindingCard[];
  /** Sends a workshop command; resolves to whether the server took it (a refused form stays). */
  run: (command: WorkshopCommand) => Promise<boolean>;
  /** Hides (or shows again) one item on the screen and phones. */
  hide: (itemId: string, hidden: boolean) => void;
  /** Takes one note out of a board everywhere; resolves to the refusal, if any. */
  redactNote: (docName: string) => (noteId: string) => Promise<AppError | null>;
}

/** What a kind may keep showing after the room moved on to another step (e.g. the Q-sort analysis). */
export interface AfterwardsProps {
  live: Live;
  /** The workshop as the screen and phones get it (the console passes its full state as the same view). */
  runtime: WorkshopView;
  current: AgendaActivity | null;
}

export interface ScreenViewProps<K extends ActivityKind> {
  live: Live;
  /** The workshop as the screen and phones get it (the console passes its full state as the same view). */
  runtime: WorkshopView;
  activity: ActivityOf<K>;
  findings: readonly FindingCard[];
}

/** The tally of one activity, as the facilitator (everything, with hide/redact) or the public sees it. */
export interface ResultsViewProps<R extends ActivityResults = ActivityResults> {
  /** On the screen and phones the public view: below the minimum every count is null. */
  results: R;
  minCount: number;
  /** The big screen's type sizes. */
  large: boolean;
  clusters: Cluster[];
  onHide?: (itemId: string, hidden: boolean) => void;
  hidden: string[];
  /** Facilitators: take a text out everywhere (after a confirm dialog). */
  onRedact?: (target: RedactTarget) => Promise<AppError | null>;
}

export type ResultsOf<K extends ActivityKind> = Extract<ActivityResults, { kind: K }>;

/**
 * A kind whose answers are tallied (it has a variant in `ActivityResults`) must show them;
 * a kind without one (the Q-sort and kollegaveiledning keep their own analysis) has no part.
 */
type ResultsPart<K extends ActivityKind> = [ResultsOf<K>] extends [never]
  ? { Results?: never }
  : {
      /** The tally: in the console, on the phones and on the screen after reveal. */
      Results: ComponentType<ResultsViewProps<ResultsOf<K>>>;
    };

// —— Messages and icon ——————————————————————————————————————————————————————

/**
 * A top-level message namespace usable by a kind: it names the kind (`kind`, on the agenda,
 * the console and the screen) and says in a line what it does (`kindHelp`, in the add menu).
 * A kind's file declares its namespace into `ActivityCatalogues` (see i18n/catalogue.ts).
 */
export type KindNamespace = {
  [N in keyof Messages]: Messages[N] extends { kind: string; kindHelp: string } ? N : never;
}[keyof Messages];

export interface ActivityMessages {
  /** The top-level key the kind's components pass to `useTranslations`. */
  namespace: KindNamespace;
  /** The file stem: the messages live in `messages/<locale>.<file>.json` for every locale. */
  file: string;
}

export type ActivityIcon = ComponentType<SVGProps<SVGSVGElement> & { title?: string }>;

// —— The contract ————————————————————————————————————————————————————————————

export type ActivityUi<K extends ActivityKind> = {
  kind: K;
  /** An @navikt/aksel-icons icon, on the agenda cards and in the add menu. */
  icon: ActivityIcon;
  messages: ActivityMessages;
  editor: ActivityEditor<K>;
  /** The shared controls' behaviour on this step (`{}`: the defaults). */
  controls: ActivityControls<K>;
  /** The phone while this step is current, below the shell's header (title and timer). */
  Participant: ComponentType<ParticipantViewProps<K>>;
  /** The console's panel while this step is current, below the controls and heading. */
  Console: ComponentType<ConsolePanelProps<K>>;
  /** The big screen while this step is current. */
  Screen: ComponentType<ScreenViewProps<K>>;
  /** Optional: shown in the console while another step is current (it decides itself whether to). */
  ConsoleAfterwards?: ComponentType<AfterwardsProps>;
  /** Optional: shown on the screen while another step is current. */
  ScreenAfterwards?: ComponentType<AfterwardsProps>;
  /**
   * Where other kinds' afterwards parts go around this kind's console panel and screen view
   * while it is current. Defaults: below the console panel, above the screen view. The plenary
   * puts the Q-sort analysis above its panel (the factors are discussed there); a
   * kollegaveiledning keeps its screen on top.
   */
  afterwards?: { console?: 'above' | 'below'; screen?: 'above' | 'below' };
} & ResultsPart<K>;

/** Every kind's UI module: a kind missing here, or a part missing in one, is a type error. */
export type ActivityUiRegistry = { [K in ActivityKind]: ActivityUi<K> };
