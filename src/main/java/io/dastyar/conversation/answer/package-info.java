/**
 * The answer SPI: where the bot's answers come from ({@link io.dastyar.conversation.answer.AnswerSource}, provided
 * by the knowledge feature) and what it hears back: the questions asked and the customers' verdicts on the answers,
 * published as events inside the conversation's transaction.
 */
@org.springframework.modulith.NamedInterface("answer")
@org.jspecify.annotations.NullMarked
package io.dastyar.conversation.answer;
