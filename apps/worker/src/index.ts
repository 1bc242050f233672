export { startWorker, type RunningWorker } from './bootstrap.js';
export { workerConfigFromEnv, type WorkerConfig } from './config/worker-config.js';
export { EscalationService } from './escalation/escalation.service.js';
export { LatenessRecorder } from './escalation/lateness.recorder.js';
export { ReconcilerService } from './schedule/reconciler.service.js';
export { RelayService } from './schedule/relay.service.js';
export { ESCALATION_QUEUE, EVENTS_CHANNEL, SCHEDULE_CHANNEL } from './schedule/schedule.constants.js';
export { startHealthServer } from './health/health.server.js';
export { WorkerMetrics } from './metrics/worker-metrics.js';
