/*
 * Everything the learning platform derives inside the xAPI projection's transaction (onProjected listeners):
 * certificates issued on completion, online stages of training projects, the reports' completions, rollups and
 * competency levels, and the coach's answer log, mastery and review cards (and its pushes, done once their lesson is).
 * Imported by every entry point that projects statements — the app, the demo loader and `npm run xapi:reproject` — so
 * a rebuild derives the same figures as live ingestion.
 */
import './certificates/issuance.ts';
import './projects/online-stages.ts';
import './reports/projection.ts';
import '../coach/projection.ts';
import '../coach/pushes.ts';
