/**
 * Construction progress of facility projects: projects (campaign batches) and their planned
 * facilities, the enforced lifecycle ({@link org.sanimap.progress.Lifecycle}) with dated
 * transitions, progress percent and milestone dates, the change history of facilities and projects,
 * the state on any past date, and dashboards ({@code /api/projects}, {@code /api/facilities/{id}/transitions},
 * {@code /api/facilities/{id}/history}, {@code /api/dashboard}).
 */
package org.sanimap.progress;
