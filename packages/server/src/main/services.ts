import type { Clock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import { createAuditLogService } from '../modules/audit/audit-log.service.ts';
import { createAdminImports } from '../modules/admin/import-service.ts';
import { createCaseExport } from '../modules/cases/case-export.ts';
import { createCaseSheets } from '../modules/cases/case-sheet.service.ts';
import { createCaseAnswerLetters } from '../modules/letters/case-answer-letters.service.ts';
import { createAttachmentsService } from '../modules/cases/attachments.service.ts';
import { createGuessLimiter } from '../modules/cases/guess-limiter.ts';
import { createPublicConfigService } from '../modules/cases/public-config.ts';
import { createPublicPhotosService, MAX_PUBLIC_PHOTOS } from '../modules/cases/public-photos.service.ts';
import { createTrackingService } from '../modules/cases/tracking.service.ts';
import { createFollowUpService } from '../modules/follow-up/follow-up.service.ts';
import { createApiKeysService } from '../modules/hotline/api-keys.service.ts';
import { createHotlineService } from '../modules/hotline/hotline.service.ts';
import { createLivelihood } from '../modules/livelihood/livelihood.ts';
import { createDeliveriesService } from '../modules/notify/deliveries.service.ts';
import { createNotificationsService } from '../modules/notify/notifications.service.ts';
import { createAuthService } from '../modules/people/auth.service.ts';
import { createUsersService } from '../modules/people/users.service.ts';
import { createPoliciesService } from '../modules/policies/policies.service.ts';
import { createBadRatingsService } from '../modules/ratings/bad-ratings.service.ts';
import { createRegionsService } from '../modules/regions/regions.service.ts';
import { createUnitsService } from '../modules/regions/units.service.ts';
import { createSafetyNetService } from '../modules/safety-net/safety-net.service.ts';
import { createCatalogService } from '../modules/settings/catalog.service.ts';
import { createDeadlines } from '../modules/settings/deadlines.ts';
import { createSettingsService } from '../modules/settings/settings.service.ts';
import { createSupervisionService } from '../modules/supervision/supervision.service.ts';
import { createWiredCaseService } from './case-wiring.ts';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  dataDir: string;
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  publicUrl: string | undefined;
  demo: boolean;
  maxUploadBytes: number;
  mapTileUrl: string | undefined;
  /** An SMS gateway is configured (the people import may send one-time passwords by SMS). */
  smsChannel?: boolean;
}

/**
 * Every service of the server, built once from the shared dependencies. Routes receive the
 * services they call from here; no route builds its own.
 */
export function buildServices(deps: ServiceDeps) {
  const { db, clock, dataDir } = deps;
  const deadlines = createDeadlines(db, clock);
  const auth = createAuthService({
    db,
    clock,
    sessionTtlHours: deps.sessionTtlHours,
    sessionIdleMinutes: deps.sessionIdleMinutes,
    publicUrl: deps.publicUrl,
    demo: deps.demo,
  });
  const guesses = createGuessLimiter(clock);
  const cases = createWiredCaseService({ db, clock, deadlines, guesses });
  const tracking = createTrackingService(db, guesses);
  const catalog = createCatalogService({ db, clock });
  const safetyNet = createSafetyNetService({ db, clock });
  return {
    db,
    clock,
    deadlines,
    auth,
    cases,
    tracking,
    attachments: createAttachmentsService({ db, clock, dataDir }),
    publicPhotos: createPublicPhotosService({ db, clock, dataDir }),
    publicConfig: createPublicConfigService({
      db,
      mapTileUrl: deps.mapTileUrl,
      maxUploadBytes: deps.maxUploadBytes,
      maxPhotos: MAX_PUBLIC_PHOTOS,
    }),
    regions: createRegionsService({ db }),
    // A deactivated unit leaves the routing catalog in its own transaction.
    units: createUnitsService({ db, routes: catalog, clock }),
    users: createUsersService({ db, clock, auth }),
    catalog,
    safetyNet,
    settings: createSettingsService({ db, clock, deadlines }),
    policies: createPoliciesService({ db, clock }),
    livelihood: createLivelihood({ db, clock, deadlines, dataDir }),
    notifications: createNotificationsService({ db, clock }),
    deliveries: createDeliveriesService({ db, clock }),
    supervision: createSupervisionService({ db, clock }),
    badRatings: createBadRatingsService({ db, clock }),
    followUp: createFollowUpService({ db, clock, cases, tracking }),
    auditLog: createAuditLogService({ db, clock }),
    /** The hotline desk: caller history, calls announced by the telephony system, its API keys. */
    hotline: createHotlineService({ db, clock }),
    apiKeys: createApiKeysService({ db, clock }),
    /** Units and the routing catalog from and to Excel. */
    adminImports: createAdminImports({ db, clock, smsChannel: deps.smsChannel ?? false }),
    /** The case list as Excel and the printable case sheet. */
    casePapers: { export: createCaseExport({ db, clock }), sheets: createCaseSheets({ db, clock, cases }) },
    /** The answer letter (答复意见书) of every answered case, staff and citizen copies. */
    answerLetters: createCaseAnswerLetters({ db, clock, cases, safetyNet }),
  };
}

export type Services = ReturnType<typeof buildServices>;
