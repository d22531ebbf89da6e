/**
 * Customer satisfaction: the survey's records and what follows from them. It keeps one survey per conversation
 * (opened when the rating question is asked) and every answer (a replaced rating stays, superseded, for the audit),
 * from the conversation feature's {@link io.dastyar.conversation.ConversationMoved} and
 * {@link io.dastyar.conversation.SurveyAnswered} events; it tells the conversation feature how to ask
 * ({@link io.dastyar.conversation.SurveyPolicy}, from {@code support.csat.*}). A rating of 2 or less opens a
 * follow-up item that supervisors assign, note and close ({@code /supervisor/follow-ups}), and may call an outgoing
 * webhook. Behaviour: {@code docs/csat.md}.
 *
 * <p>Public API: none; reports read the tables {@code csat_survey} and {@code csat_answer} (V13).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Satisfaction",
        allowedDependencies = {"conversation", "conversation :: answer", "handoff", "account", "system"})
@org.jspecify.annotations.NullMarked
package io.dastyar.csat;
