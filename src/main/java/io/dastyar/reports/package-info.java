/**
 * Service reports: CSAT, NPS, the team's service figures and the bot's containment, as a JSON API
 * ({@code /api/reports/**}), CSV exports, a dashboard for supervisors and admins ({@code /reports}) and Prometheus
 * gauges. Every figure is defined in {@code docs/reports.md}.
 *
 * <p>A read model: reports keep one row of figures per conversation ({@code report_conversation}), computed by
 * {@link io.dastyar.reports.FactRefresh} from the tables the other features write (conversations, hand-off's log,
 * the knowledge answer log, the CSAT survey), read with SQL, and daily roll-ups of it ({@link io.dastyar.reports.Rollup})
 * that the dashboard adds up. Nothing else depends on this module.
 * Settings: {@code support.reports.*} ({@link io.dastyar.reports.ReportsProperties}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports",
        allowedDependencies = {"conversation", "conversation :: channel", "system"})
@org.jspecify.annotations.NullMarked
package io.dastyar.reports;
